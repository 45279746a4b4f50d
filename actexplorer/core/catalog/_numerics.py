"""Numerically stable building blocks shared by the catalog's kernels.

Every function here takes and returns float64 arrays, propagates NaN, gives the exact limits at
±inf and raises no floating-point warnings for any input. Accuracy is a few ulp everywhere,
including the far tails where the textbook formulas underflow, overflow or cancel.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

import numpy as np

from ..activation import FloatArray

_R = TypeVar("_R")


def _shape_kept(fn: Callable[[FloatArray], _R]) -> Callable[[FloatArray], _R]:
    """Run ``fn`` on at least 1-D data (its in-place steps need arrays, and NumPy turns 0-d
    results into scalars), then give every returned array the input's shape back."""

    @functools.wraps(fn)
    def wrapper(x: FloatArray) -> _R:
        x = np.asarray(x, dtype=np.float64)
        result = fn(x.reshape(-1) if x.ndim == 0 else x)
        if x.ndim:
            return result
        if isinstance(result, tuple):
            return tuple(r.reshape(()) for r in result)  # type: ignore[return-value]
        return result.reshape(())  # type: ignore[attr-defined, no-any-return]

    return wrapper


__all__ = [
    "exp_neg_abs",
    "log_sigmoid",
    "log_sigmoid_and_derivative",
    "log_sigmoid_derivative",
    "sech2",
    "sigmoid",
    "sigmoid_and_derivative",
    "sigmoid_derivative",
    "softplus",
    "split",
    "tanh_and_sech2",
    "two_prod",
    "two_sum",
]


@_shape_kept
def exp_neg_abs(x: FloatArray) -> FloatArray:
    """e^{−|x|}: in (0, 1], never overflows; the shared core of the logistic kernels."""
    e = np.abs(x)
    np.negative(e, out=e)
    return np.exp(e, out=e)


@_shape_kept
def sigmoid(x: FloatArray) -> FloatArray:
    """σ(x) = 1 / (1 + e^{−x}), written with e^{−|x|} so it neither overflows nor cancels."""
    # scipy.special.expit is off by 1e15 ulp in the subnormal tail (x ≈ −709.8).
    e = exp_neg_abs(x)
    return _sigmoid_from(x, e, 1.0 + e)


def _sigmoid_from(x: FloatArray, e: FloatArray, q: FloatArray) -> FloatArray:
    # σ(x) = 1/q for x ≥ 0 and e/q for x < 0 (exact in the tail where 1 − σ(|x|) rounds to 0);
    # NaN compares false and takes e/q, which is NaN too.
    value = np.where(x >= 0.0, 1.0, e)
    value /= q
    return value


@_shape_kept
def sigmoid_and_derivative(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(σ(x), σ′(x)) with σ′ = σ(x)·σ(−x) = e^{−|x|}/(1 + e^{−|x|})², sharing one exp."""
    e = exp_neg_abs(x)
    q = 1.0 + e
    return _sigmoid_from(x, e, q), _logistic_density(e, q)


@_shape_kept
def sigmoid_derivative(x: FloatArray) -> FloatArray:
    """σ′(x) = σ(x)·σ(−x) = e^{−|x|}/(1 + e^{−|x|})²; 4.2e-18 at x = 40, not 0."""
    e = exp_neg_abs(x)
    return _logistic_density(e, 1.0 + e)


def _logistic_density(e: FloatArray, q: FloatArray) -> FloatArray:
    # e/(1 + e)² with the rounding error δ of q = fl(1 + e) folded back in: (1 + e)² ≈ q(q + 2δ).
    # Within 3 ulp, where e/q² and σ(x)·σ(−x) reach 4.
    d = q - 1.0
    np.subtract(e, d, out=d)  # δ
    d *= 2.0
    d += q
    d *= q
    return np.divide(e, d, out=d)


@_shape_kept
def log_sigmoid(x: FloatArray) -> FloatArray:
    """log σ(x) = min(x, 0) − log1p(e^{−|x|}); both terms have the same sign, so no cancellation."""
    e = exp_neg_abs(x)
    return _log_sigmoid_from(x, e, 1.0 + e)


def _log_sigmoid_from(x: FloatArray, e: FloatArray, q: FloatArray) -> FloatArray:
    # log1p(e) as log(q) + δ/q, δ = e − (q − 1) the rounding error of q = fl(1 + e): as accurate
    # as log1p (it is exact to first order in δ) and about twice as fast.
    value = q - 1.0
    np.subtract(e, value, out=value)
    value /= q
    value += np.log(q)
    np.subtract(np.minimum(x, 0.0), value, out=value)
    return value


@_shape_kept
def log_sigmoid_and_derivative(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(log σ(x), σ(−x)): the derivative of log σ is σ(−x) = 1 − σ(x), kept exact in both tails."""
    e = exp_neg_abs(x)
    q = 1.0 + e
    return _log_sigmoid_from(x, e, q), _sigmoid_of_minus(x, e, q)


@_shape_kept
def log_sigmoid_derivative(x: FloatArray) -> FloatArray:
    """(log σ)′(x) = σ(−x), exact in both tails (no 1 − σ(x))."""
    e = exp_neg_abs(x)
    return _sigmoid_of_minus(x, e, 1.0 + e)


def _sigmoid_of_minus(x: FloatArray, e: FloatArray, q: FloatArray) -> FloatArray:
    # σ(−x) = e/q for x ≥ 0 and 1/q for x < 0, e = e^{−|x|}, q = 1 + e; NaN takes the NaN branch.
    value = np.where(x >= 0.0, e, 1.0)
    value /= q
    return value


def softplus(x: FloatArray) -> FloatArray:
    """softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^{−|x|}); finite for every finite x."""
    return np.maximum(x, 0.0) + np.log1p(exp_neg_abs(x))


@_shape_kept
def sech2(x: FloatArray) -> FloatArray:
    """sech²(x) = 1 − tanh²(x) = 4t/(1 + t)² with t = e^{−2|x|}; no cancellation, no overflow."""
    # e^{−800} is already 0; the clip keeps −2|x| from overflowing at |x| ≈ 1.8e308.
    t = np.abs(x)
    np.minimum(t, 400.0, out=t)
    t *= -2.0
    np.exp(t, out=t)
    q = t + 1.0
    q *= q
    t *= 4.0
    t /= q
    return t


def tanh_and_sech2(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(tanh x, sech² x) = (tanh x, 1 − tanh² x), the derivative computed without cancellation."""
    return np.tanh(x), sech2(x)


# -- error-free transformations (double-double arithmetic) ---------------------------------------
_SPLITTER = 134217729.0  # 2**27 + 1, Veltkamp's constant for float64


def two_sum(a: FloatArray, b: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(s, e) with s = fl(a + b) and a + b = s + e exactly (Knuth); finite inputs."""
    s = a + b
    bb = s - a
    e = (a - (s - bb)) + (b - bb)
    return s, e


def split(a: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(hi, lo) with a = hi + lo exactly and each half holding 26 bits (Veltkamp); |a| < 1e300."""
    c = _SPLITTER * a
    hi = c - (c - a)
    return hi, a - hi


def two_prod(a: FloatArray, b: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(p, e) with p = fl(a·b) and a·b = p + e exactly (Dekker), for |a|, |b| well below 1e300."""
    p = a * b
    ah, al = split(a)
    bh, bl = split(b)
    e = ((ah * bh - p) + ah * bl + al * bh) + al * bl
    return p, e
