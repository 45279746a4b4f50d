"""Vector activations (softmax, log_softmax, softmin, GLU): vector in, vector out, Jacobian."""

from __future__ import annotations

import math
import warnings

import mpmath
import numpy as np
import pytest
from scipy.special import expit

from actexplorer.core import ACTIVATIONS, VectorActivation, get

TEMPERATURES = (0.05, 0.3, 1.0, 4.0, 20.0)


def _vector(key: str) -> VectorActivation:
    act = get(key)
    assert isinstance(act, VectorActivation)
    return act


def _quiet(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return fn(*args, **kwargs)


def test_the_family_is_registered() -> None:
    assert {"softmax", "log_softmax", "softmin", "glu"} <= set(ACTIVATIONS.vector())
    for key in ("softmax", "log_softmax", "softmin"):
        spec = _vector(key).param("temperature")
        assert spec.default == 1.0 and spec.log_scale
        assert (spec.minimum, spec.maximum) == (0.05, 20.0)


@pytest.mark.parametrize("key", ["softmax", "softmin"])
@pytest.mark.parametrize("temperature", TEMPERATURES)
def test_probabilities_sum_to_one(key: str, temperature: float) -> None:
    v = np.random.default_rng(7).normal(0.0, 30.0, size=(5, 9))
    p = _quiet(_vector(key).forward, v, temperature=temperature)
    assert p.shape == v.shape
    assert np.all(p >= 0.0) and np.all(p <= 1.0)
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=0, atol=4e-16)


def test_softmin_is_softmax_of_the_negation() -> None:
    v = np.random.default_rng(7).normal(size=7)
    np.testing.assert_array_equal(
        _vector("softmin").forward(v, temperature=0.7),
        _vector("softmax").forward(-v, temperature=0.7),
    )


@pytest.mark.parametrize("key", ["softmax", "log_softmax", "softmin"])
def test_invariant_to_adding_a_constant(key: str) -> None:
    v = np.random.default_rng(7).normal(size=6)
    act = _vector(key)
    base = act.forward(v)
    for shift in (1.0, -37.5, 1e3):
        np.testing.assert_allclose(act.forward(v + shift), base, rtol=1e-12, atol=1e-12)


def test_huge_and_infinite_logits_give_the_limits_without_warnings() -> None:
    softmax, log_softmax = _vector("softmax"), _vector("log_softmax")
    np.testing.assert_array_equal(_quiet(softmax.forward, [1e308, -1e308, math.inf]), [0, 0, 1])
    np.testing.assert_array_equal(_quiet(softmax.forward, [1e308, -1e308, 5.0]), [1, 0, 0])
    np.testing.assert_array_equal(
        _quiet(log_softmax.forward, [1e308, -1e308, 5.0]), [0.0, -math.inf, -1e308]
    )
    np.testing.assert_array_equal(
        _quiet(softmax.forward, [1e308, 1e308, -1e308], temperature=0.05), [0.5, 0.5, 0.0]
    )
    np.testing.assert_array_equal(_quiet(softmax.forward, [math.inf, math.inf, 3.0]), [0.5, 0.5, 0])
    np.testing.assert_array_equal(_quiet(log_softmax.forward, [math.inf, 2.0]), [0.0, -math.inf])
    np.testing.assert_array_equal(_quiet(softmax.forward, [-math.inf, 0.0]), [0.0, 1.0])
    # No limit exists (all −inf) or the input is NaN: the whole row is NaN.
    assert np.isnan(_quiet(softmax.forward, [-math.inf, -math.inf])).all()
    assert np.isnan(_quiet(softmax.forward, [math.nan, math.inf, 1.0])).all()
    assert np.isnan(_quiet(log_softmax.forward, [1.0, math.nan])).all()
    # Rows are independent.
    rows = _quiet(softmax.forward, np.array([[math.nan, 1.0], [0.0, 0.0]]))
    assert np.isnan(rows[0]).all() and np.array_equal(rows[1], [0.5, 0.5])
    assert _quiet(softmax.forward, np.zeros((3, 0))).shape == (3, 0)


def _mp_softmax_and_log(v: np.ndarray, temperature: float) -> tuple[np.ndarray, np.ndarray]:
    # The top entry's log-probability can be −1e-300 beside logits of 1e3: resolving it takes
    # over 1,000 bits; 300 would round the truth to an exact 0.
    with mpmath.workprec(2400):
        scaled = [mpmath.mpf(float(x)) / mpmath.mpf(temperature) for x in v]
        lse = mpmath.log(mpmath.fsum(mpmath.exp(s) for s in scaled))
        logs = [s - lse for s in scaled]
        return np.array([float(mpmath.exp(w)) for w in logs]), np.array([float(w) for w in logs])


def _ulps(got: np.ndarray, want: np.ndarray) -> np.ndarray:
    return np.abs(got - want) / np.spacing(np.abs(want))


@pytest.mark.parametrize("temperature", TEMPERATURES)
def test_log_softmax_and_softmax_within_4_ulp_of_mpmath(temperature: float) -> None:
    rng = np.random.default_rng(round(temperature * 1000))  # the same draws in any test order
    for scale in (1e-3, 1.0, 10.0, 300.0):
        v = rng.normal(0.0, scale, size=12)
        p_want, want = _mp_softmax_and_log(v, temperature)
        got = _vector("log_softmax").forward(v, temperature=temperature)
        assert _ulps(got, want).max() <= 4, (scale, got, want)
        # Small probabilities keep their relative accuracy (v − max is carried exactly).
        p_got = _vector("softmax").forward(v, temperature=temperature)
        normal = p_want > 1e-300
        assert _ulps(p_got[normal], p_want[normal]).max() <= 4, (scale, temperature)


def test_log_softmax_top_entry_keeps_relative_accuracy() -> None:
    # log(softmax) would round the top entry to −0; the truth is −e^{−40}.
    got = _vector("log_softmax").forward([0.0, -40.0])
    assert got[0] == pytest.approx(-math.exp(-40.0), rel=1e-15)


@pytest.mark.parametrize("temperature", [0.05, 1.0, 20.0])
def test_temperature_limits(temperature: float) -> None:
    v = np.array([0.0, 1.0, 2.0, 3.0])
    p = _vector("softmax").forward(v, temperature=temperature)
    if temperature == 0.05:
        assert p[-1] > 1 - 1e-8 and p[:-1].max() < 1e-8  # towards argmax
    if temperature == 20.0:
        assert np.ptp(p) < 0.05  # towards uniform

    def entropy(t: float) -> float:
        q = _vector("softmax").forward(v, temperature=t)
        return float(-np.sum(q * np.log(q)))

    assert entropy(0.5) < entropy(1.0) < entropy(2.0) < math.log(4)


def _finite_difference_jacobian(
    act: VectorActivation, v: np.ndarray, **params: float
) -> np.ndarray:
    h = 1e-6
    columns = []
    for j in range(v.size):
        step = np.zeros_like(v)
        step[j] = h
        columns.append(
            (act.forward(v + step, **params) - act.forward(v - step, **params)) / (2 * h)
        )
    return np.stack(columns, axis=-1)


@pytest.mark.parametrize("key", ["softmax", "log_softmax", "softmin", "glu"])
@pytest.mark.parametrize("temperature", [0.3, 1.0, 5.0])
def test_jacobian_matches_finite_differences(key: str, temperature: float) -> None:
    act = _vector(key)
    params = {} if key == "glu" else {"temperature": temperature}
    v = np.random.default_rng(7).normal(size=6)
    jac = act.jacobian(v, **params)
    assert jac.shape == (act.output_size(6), 6)
    np.testing.assert_allclose(jac, _finite_difference_jacobian(act, v, **params), atol=1e-7)


def test_jacobian_closed_forms() -> None:
    v = np.random.default_rng(7).normal(size=5)
    for t in TEMPERATURES:
        p = _vector("softmax").forward(v, temperature=t)
        np.testing.assert_allclose(
            _vector("softmax").jacobian(v, temperature=t), (np.diag(p) - np.outer(p, p)) / t
        )
        np.testing.assert_allclose(
            _vector("log_softmax").jacobian(v, temperature=t), (np.eye(5) - p[None, :]) / t
        )
        q = _vector("softmin").forward(v, temperature=t)
        np.testing.assert_allclose(
            _vector("softmin").jacobian(v, temperature=t), -(np.diag(q) - np.outer(q, q)) / t
        )
    # Rows of the softmax Jacobian sum to 0: the output stays on the simplex.
    np.testing.assert_allclose(_vector("softmax").jacobian(v).sum(axis=1), 0.0, atol=1e-16)


def test_jacobian_refuses_batches() -> None:
    with pytest.raises(ValueError, match="1-D"):
        _vector("softmax").jacobian(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="1-D"):
        _vector("softmax").forward(3.0)


def test_glu_gates_the_first_half_with_the_second() -> None:
    glu = _vector("glu")
    a, b = np.array([1.0, -2.0, 3.0]), np.array([0.0, 50.0, -800.0])
    out = _quiet(glu.forward, np.concatenate([a, b]))
    np.testing.assert_allclose(out, a * expit(b), rtol=1e-15)
    assert out[2] == 0.0 and glu.output_size(6) == 3
    batch = np.random.default_rng(7).normal(size=(4, 8))
    np.testing.assert_allclose(
        glu.forward(batch), batch[:, :4] / (1.0 + np.exp(-batch[:, 4:])), rtol=1e-15
    )
    jac = glu.jacobian(np.concatenate([a, b]))
    sig = expit(b)
    np.testing.assert_allclose(jac[:, :3], np.diag(sig))
    np.testing.assert_allclose(jac[:, 3:], np.diag(a * sig * expit(-b)), rtol=1e-15)


def test_glu_refuses_an_odd_length() -> None:
    with pytest.raises(ValueError, match="odd"):
        _vector("glu").forward(np.ones(5))
    with pytest.raises(ValueError, match="odd"):
        _vector("glu").jacobian(np.ones(3))
