"""Specific facts about the sigmoidal, periodic and other smooth functions, and their helpers."""

from __future__ import annotations

import math
import warnings
from fractions import Fraction

import mpmath
import numpy as np
import pytest

from actexplorer.core import get_scalar
from actexplorer.core.catalog import _numerics

EXTREMES = np.array([-np.inf, -1.8e308, -1e300, -800.0, -40.0, -1e-300, -5e-324, 0.0, 5e-324,
                     1e-300, 40.0, 800.0, 1e300, 1.8e308, np.inf, np.nan])  # fmt: skip


def test_the_textbook_failures_of_the_issue_are_fixed() -> None:
    # σ(x)(1 − σ(x)) gives 0 at x = 40; the truth is 4.2e-18.
    assert get_scalar("sigmoid").derivative(40.0) == pytest.approx(4.248354255291589e-18, rel=1e-15)
    # 1 − tanh² gives 0 for large x.
    assert get_scalar("tanh").derivative(20.0) == pytest.approx(1.6993417021166355e-17, rel=1e-15)
    # x − tanh(x) loses every digit for tiny x.
    assert get_scalar("tanhshrink").forward(1e-8) == pytest.approx(1e-24 / 3, rel=1e-15)
    # log(sigmoid(x)) gives −inf at x = −1000.
    assert get_scalar("logsigmoid").forward(-1000.0) == -1000.0
    assert get_scalar("logsigmoid").forward(40.0) == pytest.approx(-math.exp(-40.0), rel=1e-15)


@pytest.mark.parametrize(
    "pair",
    [
        _numerics.sigmoid_and_derivative,
        _numerics.log_sigmoid_and_derivative,
        _numerics.tanh_and_sech2,
    ],
)
def test_numerics_pairs_agree_with_the_single_functions(pair) -> None:  # type: ignore[no-untyped-def]
    single = {
        _numerics.sigmoid_and_derivative: (_numerics.sigmoid, _numerics.sigmoid_derivative),
        _numerics.log_sigmoid_and_derivative: (
            _numerics.log_sigmoid,
            _numerics.log_sigmoid_derivative,
        ),
        _numerics.tanh_and_sech2: (_numerics.tanh, _numerics.sech2),
    }[pair]
    x = np.concatenate([EXTREMES, np.linspace(-30, 30, 601)])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        f, d = pair(x)
        np.testing.assert_array_equal(f, single[0](x))
        np.testing.assert_array_equal(d, single[1](x))
    nan = EXTREMES.size - 1
    assert np.isnan(f[nan]) and np.isnan(d[nan])


def test_numerics_tanh_is_within_one_ulp_on_both_sides_of_its_switch() -> None:
    # tanh switches from np.tanh to (1 − t)/(1 + t), t = e^{−2|x|}, at |x| = 0.625.
    mpmath = pytest.importorskip("mpmath")
    rng = np.random.default_rng(7)
    x = np.concatenate(
        [
            np.linspace(0.55, 0.75, 801),
            rng.uniform(0.0, 20.0, 800),
            np.nextafter(0.625, -1.0) + np.arange(-8, 8) * 1e-16,
        ]
    )
    x = np.concatenate([x, -x])
    want = np.array([float(mpmath.tanh(mpmath.mpf(v))) for v in x])
    got = _numerics.tanh(x)
    ulps = np.abs(got - want) / np.spacing(np.abs(want))
    assert ulps.max() <= 1.0
    f, d = _numerics.tanh_and_sech2(x)
    np.testing.assert_array_equal(f, got)
    np.testing.assert_array_equal(d, _numerics.sech2(x))
    assert np.signbit(_numerics.tanh(np.array([-0.0])))[0]
    assert _numerics.tanh(np.float64(-0.0)).shape == ()


def test_numerics_softplus_and_log_sigmoid() -> None:
    x = np.array([-1000.0, -40.0, 0.0, 40.0, 1000.0, 1e300])
    np.testing.assert_allclose(
        _numerics.softplus(x), [0.0, math.exp(-40.0), math.log(2), 40.0, 1000.0, 1e300], rtol=1e-15
    )
    np.testing.assert_array_equal(_numerics.log_sigmoid(x), -_numerics.softplus(-x))


def test_error_free_transformations_are_exact() -> None:
    rng = np.random.default_rng(3)
    a = rng.normal(size=200) * 10.0 ** rng.integers(-50, 50, 200)
    b = rng.normal(size=200) * 10.0 ** rng.integers(-50, 50, 200)
    s, e = _numerics.two_sum(a, b)
    p, q = _numerics.two_prod(a, b)
    hi, lo = _numerics.split(a)
    for i in range(a.size):
        fa, fb = Fraction(a[i]), Fraction(b[i])
        assert Fraction(s[i]) + Fraction(e[i]) == fa + fb
        assert Fraction(p[i]) + Fraction(q[i]) == fa * fb
        assert Fraction(hi[i]) + Fraction(lo[i]) == fa


def test_symmetric_sigmoid_is_twice_the_sigmoid_minus_one() -> None:
    x = np.linspace(-30, 30, 241)
    sym, sig = get_scalar("symmetric_sigmoid"), get_scalar("sigmoid")
    np.testing.assert_allclose(sym.forward(x), 2 * sig.forward(x) - 1, atol=3e-16)
    np.testing.assert_array_equal(sym.derivative(x), 2 * sig.derivative(x))
    np.testing.assert_allclose(sym.forward(x), np.tanh(x / 2), rtol=1e-15)


def test_lecun_tanh_maps_one_to_about_one() -> None:
    lecun = get_scalar("lecun_tanh")
    assert lecun.forward(1.0) == pytest.approx(1.0, abs=2e-4)
    assert lecun.forward(-1.0) == pytest.approx(-1.0, abs=2e-4)
    assert lecun.properties().output_range == (-1.7159, 1.7159)


@pytest.mark.parametrize("alpha", [0.01, 1.0, 100.0])
def test_isru_saturates_at_one_over_root_alpha(alpha: float) -> None:
    isru = get_scalar("isru")
    bound = 1 / math.sqrt(alpha)
    assert isru.forward(1e200, alpha=alpha) == pytest.approx(bound, rel=1e-15)
    assert isru.forward(-np.inf, alpha=alpha) == pytest.approx(-bound, rel=1e-15)
    assert isru.derivative(0.0, alpha=alpha) == 1.0


def test_log_log_is_asymmetric() -> None:
    f = get_scalar("log_log")
    assert f.forward(0.0) == pytest.approx(1 - math.exp(-1), rel=1e-15)
    assert f.forward(-30.0) == pytest.approx(math.exp(-30.0), rel=1e-12)  # slow rise
    assert f.forward(4.0) == 1.0  # 1 − 2e-24: a very fast approach to 1


def test_sinc_is_unnormalised() -> None:
    sinc = get_scalar("sinc")
    x = np.linspace(-20, 20, 401)
    np.testing.assert_allclose(sinc.forward(np.pi * x), np.sinc(x), atol=1e-15)
    assert sinc.forward(0.0) == 1.0 and sinc.derivative(0.0) == 0.0
    assert sinc.forward(np.inf) == 0.0 and sinc.derivative(-np.inf) == 0.0


def test_soft_exponential_interpolates_identity_and_exponential() -> None:
    f = get_scalar("soft_exponential")
    x = np.linspace(-5, 5, 101)
    np.testing.assert_allclose(f.forward(x, alpha=1.0), np.exp(x), rtol=1e-15)
    np.testing.assert_allclose(f.forward(x, alpha=0.01), x + 0.01 * (1 + x * x / 2), atol=3e-3)
    # Around the zero x₀ = log(1 − α²)/α the textbook form cancels; this one stays accurate.
    alpha = 0.9
    x0 = math.log(1 - alpha**2) / alpha
    near = np.array([x0 - 0.06, x0 - 1e-9, x0 + 1e-9, x0 + 0.06])
    with mpmath.workprec(400):
        want = np.array(
            [float((mpmath.exp(alpha * mpmath.mpf(v)) - 1) / alpha + alpha) for v in near.tolist()]
        )
    got = f.forward(near, alpha=alpha)
    np.testing.assert_allclose(got[[0, 3]], want[[0, 3]], rtol=5e-16)
    np.testing.assert_allclose(got[1:3], want[1:3], rtol=0, atol=1e-19)
    with pytest.raises(ValueError, match="alpha"):
        f.forward(0.0, alpha=-0.5)


@pytest.mark.parametrize("frequency", [0.1, 1.0, 3.0, 10.0])
def test_snake_derivative_is_nonnegative_with_exact_double_roots(frequency: float) -> None:
    snake = get_scalar("snake")
    x = np.linspace(-40, 40, 20001)
    assert np.all(snake.derivative(x, frequency=frequency) >= 0.0)
    root = (-math.pi / 4 + 3 * math.pi) / frequency
    with mpmath.workprec(300):
        want = float(1 + mpmath.sin(2 * frequency * mpmath.mpf(root)))
    got = float(snake.derivative(root, frequency=frequency))
    assert got == pytest.approx(want, rel=1e-13)  # ~1e-32: no cancellation left


def test_gaussian_derivative_in_the_subnormal_tail() -> None:
    g = get_scalar("gaussian")
    for x in (26.7, 27.0, 27.25):
        with mpmath.workprec(200):
            want = float(-2 * mpmath.mpf(x) * mpmath.exp(-(mpmath.mpf(x) ** 2)))
        assert abs(float(g.derivative(x)) - want) <= 2 * 5e-324


def test_bent_identity_slopes() -> None:
    f = get_scalar("bent_identity")
    assert f.derivative(-np.inf) == 0.5 and f.derivative(np.inf) == 1.5
    assert f.forward(-1e300) == pytest.approx(-5e299, rel=1e-15)
    assert f.forward(1e-200) == 1e-200


@pytest.mark.parametrize(
    "key",
    [
        "sigmoid", "logsigmoid", "tanh", "softsign", "arctan", "lecun_tanh", "isru", "log_log",
        "symmetric_sigmoid", "tanhshrink", "lisht", "bent_identity", "soft_exponential", "snake",
        "gaussian", "sinusoid", "sinc", "gcu",
    ],
)  # fmt: skip
def test_extreme_inputs_raise_no_warnings(key: str) -> None:
    act = get_scalar(key)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for spec in act.params:
            for value in (spec.minimum, spec.default, spec.maximum):
                act.value_and_derivative(EXTREMES, **{spec.name: value})
        f, d = act.value_and_derivative(EXTREMES)
    assert np.isnan(f[-1]) and np.isnan(d[-1])


def test_freed_block_buffers_are_reused_without_page_faults() -> None:
    # Importing the catalog raises glibc's malloc thresholds, so that block-sized temporaries
    # (256 KiB) are recycled instead of being mapped afresh, page fault by page fault.
    resource = pytest.importorskip("resource")
    from actexplorer.core.catalog import _allocator

    if not _allocator.keep_freed_buffers():
        pytest.skip("not glibc: malloc keeps its defaults")

    def rounds() -> None:
        for _ in range(50):
            arrays = [np.empty(1 << 15) for _ in range(8)]  # 64 pages each, freed together
            for array in arrays:
                array.fill(1.0)
            del arrays

    rounds()  # the first use of the memory faults, of course
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    rounds()
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
    assert faults < 64  # not even one array's worth (several hundred with malloc's defaults)
