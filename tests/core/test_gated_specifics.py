"""Specifics of the self-gated and softplus-like functions: presets, conventions, identities."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest

from actexplorer.core import ACTIVATIONS, Framework, get_scalar

GATED = ("gelu", "silu", "swish", "quick_gelu", "mish", "softplus", "squareplus")
GATED += ("smelu", "elish", "tanh_exp", "serf", "logish")


def _ulps(got: float, want: float) -> float:
    return abs(got - want) / math.ulp(abs(want))


def test_every_function_is_registered_in_the_gated_family() -> None:
    for key in GATED:
        assert ACTIVATIONS[key].family.name == "GATED"


def test_gelu_presets_follow_each_framework() -> None:
    gelu = get_scalar("gelu")
    assert gelu.defaults == {"approximate": "none"}
    assert gelu.preset(Framework.PYTORCH) == {"approximate": "none"}
    assert gelu.preset(Framework.KERAS) == {"approximate": "none"}  # activations.gelu
    assert gelu.preset(Framework.JAX) == {"approximate": "tanh"}  # jax.nn.gelu


def test_squareplus_and_softplus_presets() -> None:
    assert get_scalar("squareplus").preset("JAX") == {"b": 4.0}
    assert get_scalar("squareplus").preset("Keras") == {"b": 4.0}
    assert get_scalar("softplus").preset("PyTorch") == {"beta": 1.0, "threshold": 20.0}
    # Keras and JAX have no switch to x; a threshold of 100 changes no float64 output.
    assert get_scalar("softplus").preset("Keras")["threshold"] == 100.0


def test_gelu_left_tail_is_not_flushed_to_zero() -> None:
    # The textbook 0.5x(1 + erf(x/√2)) returns −0 at x = −10.
    got = float(get_scalar("gelu").forward(-10.0))
    with mpmath.workprec(200):
        want = float(-10 * mpmath.ncdf(-10))
    assert want == pytest.approx(-7.6198530241605e-23, rel=1e-12)
    assert _ulps(got, want) <= 4


def test_gelu_tanh_is_pytorchs_formula() -> None:
    x = np.linspace(-3.0, 3.0, 601)
    k = math.sqrt(2.0) * (2.0 / math.sqrt(math.pi)) * 0.5
    u = k * (x + 0.044715 * x**3)
    f, df = get_scalar("gelu").value_and_derivative(x, approximate="tanh")
    np.testing.assert_allclose(f, 0.5 * x * (1 + np.tanh(u)), rtol=1e-13, atol=1e-16)
    backward = 0.5 * (1 + np.tanh(u)) + 0.5 * x * (1 - np.tanh(u) ** 2) * k * (
        1 + 3 * 0.044715 * x**2
    )
    np.testing.assert_allclose(df, backward, rtol=1e-12, atol=1e-15)


def test_swish_at_beta_one_is_silu_and_quick_gelu_is_swish_1702() -> None:
    x = np.random.default_rng(1).standard_normal(2000) * 5
    silu, swish, quick = get_scalar("silu"), get_scalar("swish"), get_scalar("quick_gelu")
    np.testing.assert_array_equal(swish.forward(x), silu.forward(x))
    np.testing.assert_array_equal(swish.derivative(x), silu.derivative(x))
    np.testing.assert_array_equal(quick.forward(x), swish.forward(x, beta=1.702))
    assert swish.defaults == {"beta": 1.0}


def test_swish_and_silu_are_separate_keys_without_alias_collisions() -> None:
    assert ACTIVATIONS["swish"] is not ACTIVATIONS["silu"]
    for key in GATED:
        for alias in ACTIVATIONS[key].aliases:
            assert alias not in GATED


@pytest.mark.parametrize("beta", [0.01, 1.0, 3.0, 50.0])
def test_softplus_switches_to_identity_above_the_threshold(beta: float) -> None:
    softplus = get_scalar("softplus")
    edge = 20.0 / beta
    above = np.array([math.nextafter(edge, math.inf), 2 * edge, 1e300])
    above = above[above * beta > 20.0]
    np.testing.assert_array_equal(softplus.forward(above, beta=beta), above)
    np.testing.assert_array_equal(softplus.derivative(above, beta=beta), 1.0)
    below = np.array([math.nextafter(edge, -math.inf)])
    below = below[below * beta <= 20.0]
    # Below the switch the log form is used: larger than x by about e^{−20}/β.
    jump = softplus.forward(below, beta=beta) - below
    np.testing.assert_allclose(jump, math.exp(-20.0) / beta, rtol=1e-6)
    assert softplus.jumps(beta=beta) == (edge,)


def test_smelu_is_c1_with_exact_zeros() -> None:
    smelu = get_scalar("smelu")
    for beta in (0.01, 2.0, 10.0):
        x = np.array([-beta, beta])
        np.testing.assert_array_equal(smelu.derivative(x, beta=beta), [0.0, 1.0])
        np.testing.assert_array_equal(smelu.forward(x, beta=beta), [0.0, beta])
        left = np.linspace(-10 * beta, -beta, 50)
        assert np.all(smelu.forward(left, beta=beta) == 0.0)
        assert smelu.kinks(beta=beta) == (-beta, beta)


def test_elish_derivative_is_continuous_at_zero() -> None:
    elish = get_scalar("elish")
    tiny = np.array([-1e-12, 0.0, 1e-12])
    np.testing.assert_allclose(elish.derivative(tiny), 0.5, rtol=1e-11)
    np.testing.assert_allclose(elish.forward(tiny), [-5e-13, 0.0, 5e-13], rtol=1e-11)


@pytest.mark.parametrize(
    ("key", "params"),
    [
        ("gelu", {}),
        ("gelu", {"approximate": "tanh"}),
        ("silu", {}),
        ("swish", {"beta": 0.1}),
        ("swish", {"beta": 10.0}),
        ("quick_gelu", {}),
        ("mish", {}),
        ("elish", {}),
        ("tanh_exp", {}),
        ("serf", {}),
        ("logish", {}),
    ],
)
def test_stated_minimum_is_tight(key: str, params: dict) -> None:
    act = get_scalar(key)
    lo, hi = act.properties(**params).output_range
    beta = float(params.get("beta", 1.0))
    x = np.linspace(-3.0 / beta, 0.0, 200_001)
    f = act.forward(x, **params)
    assert hi == math.inf
    assert f.min() >= lo
    assert f.min() - lo < 1e-9


def test_kernels_leave_their_input_untouched() -> None:
    x = np.array([-800.0, -1.3, -0.8, -1e-3, 0.0, 2.0, 50.0, math.inf, -math.inf, math.nan])
    for key in GATED:
        copy = x.copy()
        get_scalar(key).value_and_derivative(x)
        np.testing.assert_array_equal(x, copy)


# -- the fast float64 paths: blocks, shapes, and a dense check against mpmath ------------------


def test_pair_kernels_agree_across_blocks_shapes_and_strides() -> None:
    # More than two blocks with a partial last one, a 2-D view, a strided view and a 0-d input.
    x = np.random.default_rng(2).standard_normal(70_001) * 4.0
    for key in GATED:
        act = get_scalar(key)
        f, df = act.value_and_derivative(x)
        f2, df2 = act.value_and_derivative(x[:70_000].reshape(7, 10_000))
        assert f2.shape == (7, 10_000)
        np.testing.assert_array_equal(f2.ravel(), f[:70_000], err_msg=key)
        np.testing.assert_array_equal(df2.ravel(), df[:70_000], err_msg=key)
        f3, df3 = act.value_and_derivative(x[::-3])
        np.testing.assert_array_equal(f3, f[::-3], err_msg=key)
        np.testing.assert_array_equal(df3, df[::-3], err_msg=key)
        np.testing.assert_array_equal(act.forward(x), f, err_msg=key)
        np.testing.assert_array_equal(act.derivative(x), df, err_msg=key)
        scalar = act.forward(np.float64(x[5]))
        assert np.ndim(scalar) == 0 and float(scalar) == f[5]


def _correctly_rounded(fn, x: float, params: dict) -> float:
    previous = None
    for prec in (96, 192, 512, 1536):
        with mpmath.workprec(prec):
            current = float(fn(mpmath.mpf(x), **params))
        if current == previous:
            return current
        previous = current
    raise AssertionError(f"no convergence at {x!r}")


@pytest.mark.parametrize(
    ("key", "params"),
    [
        ("gelu", {}),
        ("gelu", {"approximate": "tanh"}),
        ("silu", {}),
        ("swish", {"beta": 1.702}),
        ("swish", {"beta": 0.37}),
        ("swish", {"beta": 4.0}),
        ("mish", {}),
        ("softplus", {}),
        ("softplus", {"beta": 3.0}),
        ("squareplus", {}),
        ("elish", {}),
        ("tanh_exp", {}),
        ("serf", {}),
        ("logish", {}),
    ],
)
def test_random_inputs_within_4_ulp(key: str, params: dict) -> None:
    """Random inputs, dense where the kernels switch paths (−5 … 0), against mpmath."""
    from tests.core.references import ALL

    ref = ALL[key]
    act = get_scalar(key)
    full = act.resolve(params)
    rng = np.random.default_rng(sum(map(ord, key)) + len(params))
    beta = float(full.get("beta", 1.0))
    x = np.concatenate(
        [rng.standard_normal(60) * s for s in (0.5, 2.0, 10.0)] + [rng.uniform(-5, 0, 120) / beta]
    )
    f, df = act.value_and_derivative(x, **params)
    zeros = [float(z) for z in ref.derivative_zeros(full)]
    for i, xi in enumerate(x):
        want_f = _correctly_rounded(ref.f, float(xi), full)
        want_d = _correctly_rounded(ref.df, float(xi), full)
        assert _ulps(float(f[i]), want_f) <= 4, (key, params, xi, "f", f[i], want_f)
        near_zero = any(abs(xi - z) <= 0.05 for z in zeros) and abs(df[i] - want_d) <= 1e-16
        assert near_zero or _ulps(float(df[i]), want_d) <= 4, (key, params, xi, df[i], want_d)
