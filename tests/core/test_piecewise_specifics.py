"""Rectifiers, exponential-linear units, hard and shrinkage functions: what the generic tests miss.

The derivative values at kinks are PyTorch's autograd results (checked against PyTorch 2.13's
float64 backward); the training-mode RReLU, presets, aliases, parameter constraints and inputs
whose true value overflows to ±inf are checked here too.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from actexplorer.core import ACTIVATIONS, Framework, Smoothness, get, get_scalar
from actexplorer.core.catalog.exponential import SELU_ALPHA, SELU_SCALE

# (key, params, x, f′(x) as PyTorch's autograd gives it)
AUTOGRAD_AT_KINKS = [
    ("relu", {}, 0.0, 0.0),
    ("relu6", {}, 0.0, 0.0),
    ("relu6", {}, 6.0, 0.0),
    ("leaky_relu", {"negative_slope": 0.3}, 0.0, 0.3),
    ("leaky_relu", {"negative_slope": 0.3}, -0.0, 0.3),
    ("prelu", {}, 0.0, 0.25),
    ("rrelu", {}, 0.0, (1 / 8 + 1 / 3) / 2),
    ("elu", {"alpha": 2.0}, 0.0, 2.0),
    ("celu", {"alpha": 2.0}, 0.0, 1.0),
    ("selu", {}, 0.0, SELU_SCALE * SELU_ALPHA),
    ("hardtanh", {}, -1.0, 0.0),
    ("hardtanh", {}, 1.0, 0.0),
    ("hardtanh", {"min_val": -2.0, "max_val": 3.0}, -2.0, 0.0),
    ("hardtanh", {"min_val": -2.0, "max_val": 3.0}, 3.0, 0.0),
    ("hardsigmoid", {}, -3.0, 0.0),
    ("hardsigmoid", {}, 3.0, 0.0),
    ("hardsigmoid", {}, 0.0, 1 / 6),  # PyTorch returns float32(1/6); the exact value here
    ("hardswish", {}, -3.0, 0.0),
    ("hardswish", {}, 3.0, 1.0),
    ("hardswish", {}, 0.0, 0.5),
    ("hardswish", {}, -2.0, -1 / 6),
    ("softshrink", {}, -0.5, 0.0),
    ("softshrink", {}, 0.5, 0.0),
    ("hardshrink", {}, -0.5, 0.0),
    ("hardshrink", {}, 0.5, 0.0),
    ("threshold", {"threshold": 1.0, "value": -2.0}, 1.0, 0.0),
    ("absolute", {}, 0.0, 0.0),
    ("sign", {}, 0.0, 0.0),
    ("binary_step", {}, 0.0, 0.0),
]


@pytest.mark.parametrize(("key", "params", "x", "slope"), AUTOGRAD_AT_KINKS)
def test_derivative_at_kinks_follows_pytorch(
    key: str, params: dict[str, float], x: float, slope: float
) -> None:
    act = get_scalar(key)
    assert float(act.derivative(x, **params)) == slope
    _, d = act.value_and_derivative(np.array([x]), **params)
    assert d[0] == slope


# (key, params, x, f(x)) at the points where the definition picks a side
VALUES_AT_KINKS = [
    ("threshold", {"threshold": 1.0, "value": -2.0}, 1.0, -2.0),  # x ≤ threshold → value
    ("hardshrink", {}, 0.5, 0.0),  # |x| ≤ λ → 0
    ("hardshrink", {}, -0.5, 0.0),
    ("binary_step", {}, 0.0, 1.0),  # documented: f(0) = 1
    ("sign", {}, 0.0, 0.0),
    ("hardswish", {}, -1.5, -0.375),  # the minimum
    ("sparse_plus", {}, 0.0, 0.25),
]


@pytest.mark.parametrize(("key", "params", "x", "value"), VALUES_AT_KINKS)
def test_values_where_the_definition_picks_a_side(
    key: str, params: dict[str, float], x: float, value: float
) -> None:
    assert float(get_scalar(key).forward(x, **params)) == value


def test_leaky_relu_presets_differ_between_frameworks() -> None:
    act = get_scalar("leaky_relu")
    assert act.defaults == {"negative_slope": 0.01}
    assert act.preset(Framework.PYTORCH) == {"negative_slope": 0.01}
    assert act.preset(Framework.KERAS) == {"negative_slope": 0.2}
    assert act.preset(Framework.JAX) == {"negative_slope": 0.01}


@pytest.mark.parametrize(
    ("alias", "key"),
    [
        ("hard_sigmoid", "hardsigmoid"),
        ("hard_silu", "hardswish"),
        ("hard_swish", "hardswish"),
        ("soft_shrink", "softshrink"),
        ("hard_shrink", "hardshrink"),
        ("linear", "identity"),
    ],
)
def test_keras_and_jax_names_are_aliases(alias: str, key: str) -> None:
    assert get(alias) is ACTIVATIONS[key]
    assert alias not in list(ACTIVATIONS)


def test_the_two_hard_sigmoids_differ() -> None:
    x = np.array([-2.75, -1.0, 0.5, 2.75])
    np.testing.assert_array_equal(get_scalar("hardsigmoid").forward(x), (x + 3) / 6)
    np.testing.assert_array_equal(get_scalar("hard_sigmoid_keras").forward(x), [0, 0.3, 0.6, 1])


# -- parameter constraints -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("key", "params", "names"),
    [
        ("rrelu", {"lower": 0.5, "upper": 0.2}, ("lower", "upper")),
        ("hardtanh", {"min_val": 1.0, "max_val": -1.0}, ("min_val", "max_val")),
        ("hardtanh", {"min_val": 2.0, "max_val": 2.0}, ("min_val", "max_val")),
    ],
)
def test_joint_constraints_raise_naming_both(
    key: str, params: dict[str, float], names: tuple[str, str]
) -> None:
    act = get_scalar(key)
    for call in (act.forward, act.derivative, act.value_and_derivative):
        with pytest.raises(ValueError, match=f"{names[0]}.*{names[1]}"):
            call(np.zeros(3), **params)


def test_rrelu_allows_equal_bounds() -> None:
    act = get_scalar("rrelu")
    np.testing.assert_array_equal(act.forward([-2.0, 3.0], lower=0.4, upper=0.4), [-0.8, 3.0])


# -- rrelu training mode ---------------------------------------------------------------------------
def test_rrelu_random_slopes_are_uniform_in_the_interval() -> None:
    act = get_scalar("rrelu")
    assert act.is_random
    x = np.concatenate([-np.linspace(0.5, 3.0, 100_000), np.linspace(0.0, 3.0, 1000)[1:]])
    f, d = act.random_value_and_derivative(x, np.random.default_rng(7), lower=0.1, upper=0.3)
    negative = x <= 0
    slopes = d[negative]
    assert slopes.min() >= 0.1 and slopes.max() < 0.3
    assert abs(slopes.mean() - 0.2) < 2e-3 and slopes.std() == pytest.approx(0.2 / 12**0.5, 0.02)
    np.testing.assert_array_equal(f[negative], x[negative] * slopes)
    np.testing.assert_array_equal(f[~negative], x[~negative])
    np.testing.assert_array_equal(d[~negative], 1.0)


def test_rrelu_random_mode_is_reproducible_and_edge_safe() -> None:
    act = get_scalar("rrelu")
    x = np.array([-math.inf, -1.0, -0.0, 0.0, 2.0, math.inf, math.nan])
    one = act.random_value_and_derivative(x, np.random.default_rng(3))
    two = act.random_value_and_derivative(x, np.random.default_rng(3))
    np.testing.assert_array_equal(one[0], two[0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        f, d = act.random_value_and_derivative(x, np.random.default_rng(0), lower=0.0, upper=0.0)
    np.testing.assert_array_equal(f, [0, 0, 0, 0, 2, math.inf, math.nan])
    np.testing.assert_array_equal(d, [0, 0, 0, 0, 1, 1, math.nan])
    with pytest.raises(ValueError, match=r"lower.*upper"):
        act.random_value_and_derivative(x, np.random.default_rng(0), lower=0.9, upper=0.1)


# -- inputs whose true value overflows (the golden files cannot hold infinities) ------------------
@pytest.mark.parametrize(
    ("key", "params", "x", "f", "d"),
    [
        ("relu_squared", {}, 1e200, math.inf, 2e200),
        ("relu_squared", {}, 1.7976931348623157e308, math.inf, math.inf),
        ("selu", {}, 1.7976931348623157e308, math.inf, SELU_SCALE),
        ("srelu", {"a_right": 2.0}, 1e308, math.inf, 2.0),
        ("srelu", {"a_right": 2.0}, 5e307, 1e308 - 5.0, 2.0),
    ],
)
def test_overflow_gives_inf_without_warnings(
    key: str, params: dict[str, float], x: float, f: float, d: float
) -> None:
    act = get_scalar(key)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got_f, got_d = act.value_and_derivative(np.array([x]), **params)
        assert act.forward(x, **params) == got_f[0]
    assert got_f[0] == f and got_d[0] == d


# -- 0-d inputs through the branches that patch values in place ----------------------------------
@pytest.mark.parametrize(
    ("key", "params", "x"),
    [
        ("celu", {"alpha": 3.0}, -1e-300),
        ("isrlu", {}, -1e200),
        ("rrelu", {}, math.nan),
        ("binary_step", {}, math.nan),
        ("hard_elish", {}, math.nan),
    ],
)
def test_scalar_inputs(key: str, params: dict[str, float], x: float) -> None:
    act = get_scalar(key)
    f, d = act.value_and_derivative(x, **params)
    assert f.shape == () and d.shape == ()
    assert float(act.forward(x, **params)) == float(f) or math.isnan(f)


def test_celu_tiny_inputs_are_exact_for_any_alpha() -> None:
    # x/α is subnormal and inexact there; α·expm1(x/α) must still give x.
    x = np.array([-5e-324, -1e-310, -1e-300])
    for alpha in (0.37, 3.0, 10.0):
        np.testing.assert_array_equal(get_scalar("celu").forward(x, alpha=alpha), x)


def test_isrlu_limit_is_correctly_rounded() -> None:
    for alpha in (0.37, 3.0, 7.0, 0.01, 100.0):
        want = float(-1 / __import__("decimal").Decimal(alpha).sqrt())
        assert float(get_scalar("isrlu").forward(-math.inf, alpha=alpha)) == want
        assert float(get_scalar("isrlu").forward(-1e120, alpha=alpha)) == want


# -- facts -------------------------------------------------------------------------------------
def test_selu_keeps_standard_normal_moments() -> None:
    z = np.linspace(-12.0, 12.0, 240_001)
    w = np.exp(-0.5 * z**2)
    w /= w.sum()
    f = get_scalar("selu").forward(z)
    mean = w @ f
    assert abs(mean) < 1e-4
    assert w @ (f - mean) ** 2 == pytest.approx(1.0, abs=1e-4)


def test_hard_elish_minimum_lies_inside_the_stated_range() -> None:
    act = get_scalar("hard_elish")
    x = np.linspace(-0.6, -0.3, 300_001)
    f = act.forward(x)
    lo, _ = act.properties().output_range
    assert f.min() >= lo and f.min() - lo < 1e-12
    assert 0 <= float(act.forward(-0.4428544010023886)) - lo < 1e-16
    assert abs(x[np.argmin(f)] - (-0.4428544010023886)) < 2e-6


def test_threshold_jumps_only_when_value_differs() -> None:
    act = get_scalar("threshold")
    assert act.jumps() == (1.0,)
    assert act.properties().smoothness is Smoothness.DISCONTINUOUS
    assert act.jumps(threshold=0.5, value=0.5) == ()
    assert act.properties(threshold=0.5, value=0.5).smoothness is Smoothness.C0
    assert act.kinks(threshold=0.5, value=0.5) == (0.5,)
    assert act.properties(threshold=-0.5, value=0.0).identity_near_origin
    assert not act.properties(threshold=0.5, value=2.0).monotonic


def test_hardshrink_jumps_at_both_edges() -> None:
    assert get_scalar("hardshrink").jumps(lambd=2.0) == (-2.0, 2.0)
    assert get_scalar("softshrink").jumps(lambd=2.0) == ()


@pytest.mark.parametrize(
    ("key", "params"),
    [
        ("leaky_relu", {"negative_slope": 1.0}),
        ("prelu", {"weight": 1.0}),
        ("rrelu", {"lower": 1.0, "upper": 1.0}),
        ("srelu", {"a_left": 1.0, "a_right": 1.0}),
    ],
)
def test_unit_slopes_make_the_identity(key: str, params: dict[str, float]) -> None:
    act = get_scalar(key)
    x = np.linspace(-7.0, 7.0, 141)
    np.testing.assert_array_equal(act.forward(x, **params), x)
    assert act.properties(**params).smoothness is Smoothness.CINF
    assert act.kinks(**params) == ()


def test_prelu_with_negative_weight_is_not_monotonic() -> None:
    props = get_scalar("prelu").properties(weight=-1.0)
    assert not props.monotonic and props.output_range == (0.0, math.inf)
    np.testing.assert_array_equal(get_scalar("prelu").forward([-2.0, 3.0], weight=-1.0), [2, 3])
