"""Numerically stable building blocks shared by the catalog's kernels.

Every function here takes and returns float64 arrays, propagates NaN, gives the exact limits at
±inf and raises no floating-point warnings for any input. Accuracy is a few ulp everywhere,
including the far tails where the textbook formulas underflow, overflow or cancel.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from ..activation import FloatArray, Kernel, ParamValue
from ..messages import Message, template
from ._allocator import keep_freed_buffers

# The kernels' block-sized temporaries would otherwise page-fault on every use (see _allocator).
keep_freed_buffers()

#: A boolean (or exact 0/1) selection of elements.
Mask = npt.NDArray[Any]
#: An array operand or a plain number (broadcast).
Operand = FloatArray | float

_R = TypeVar("_R")


def _shape_kept(fn: Callable[..., _R]) -> Callable[..., _R]:
    """Run ``fn`` on the input flattened to 1-D (its in-place steps and index lists need a flat
    array, and NumPy turns 0-d results into scalars), then give every result the input's shape."""

    @functools.wraps(fn)
    def wrapper(x: FloatArray, *args: Any, **kwargs: Any) -> _R:
        x = np.asarray(x, dtype=np.float64)
        result = fn(x.reshape(-1), *args, **kwargs)
        if x.ndim == 1:
            return result
        if isinstance(result, tuple):
            return tuple(r.reshape(x.shape) for r in result)  # type: ignore[return-value]
        return result.reshape(x.shape)  # type: ignore[attr-defined, no-any-return]

    return wrapper


flat_kernel = _shape_kept


# -- masks and rules shared by the piecewise families -------------------------------------------
# Piecewise functions are evaluated without np.where: on a random mask it costs several times
# more than the arithmetic itself. Branches are blended with 0/1 masks (exact: a product with 0
# or 1 and a sum with 0 are exact), or the costly branch is evaluated on the index list of the
# inputs that need it (np.flatnonzero and integer indexing are cheap; boolean indexing is not).


def keep_nan(d: FloatArray, x: FloatArray) -> FloatArray:
    """Write NaN into ``d`` wherever ``x`` is NaN (comparison masks turn NaN into 0); returns d."""
    # NaN is rare, so the masked copy is almost free (unlike np.where on a random mask).
    d = np.asarray(d)  # a 0-d input gives NumPy scalars, which cannot be written into
    np.copyto(d, x, where=np.isnan(x))
    return d


def indicator(mask: FloatArray, x: FloatArray) -> FloatArray:
    """The boolean ``mask`` as 0.0/1.0, with NaN wherever x is NaN (where the mask said 0)."""
    return keep_nan(np.asarray(mask).astype(np.float64), x)


def inside(x: FloatArray, lo: float, hi: float) -> FloatArray:
    """1 on the open interval (lo, hi), 0 elsewhere (bounds included), NaN at NaN.

    This is the derivative of ``clip(x, lo, hi)`` under PyTorch's convention: 0 at the bounds.
    """
    d = np.greater(x, lo)
    d &= np.less(x, hi)
    return indicator(d, x)


def slopes(x: FloatArray, slope: float) -> FloatArray:
    """1 for x > 0, ``slope`` for x ≤ 0, NaN at NaN: the derivative of a leaky rectifier."""
    if slope == 0.0:
        return indicator(np.greater(x, 0.0), x)
    # A lookup in the table (1, slope, NaN, NaN) by the code [x ≤ 0] + 2·[x is NaN]: exact, and
    # about twice as fast as blending two masks and patching NaN in afterwards.
    code = np.isnan(x).view(np.uint8)
    code += code
    code += np.less_equal(x, 0.0).view(np.uint8)
    return np.asarray(np.array((1.0, slope, np.nan, np.nan))[code])


def nan_or(x: FloatArray, value: float) -> FloatArray:
    """The constant ``value`` with NaN where x is NaN (the derivative of a locally constant f)."""
    return keep_nan(np.full(np.shape(x), value), x)


def patch(
    base: FloatArray, mask: Mask, value: FloatArray | float | Callable[[], FloatArray]
) -> FloatArray:
    """``base`` (a fresh array, changed in place) with ``value`` copied in where ``mask`` holds.

    For rare cases (tails beyond 1e100, ±inf, exact zeros): when the mask is almost all false
    the masked copy is almost free, unlike np.where, which costs ~8 ms per 10⁶ elements. A
    callable ``value`` is only evaluated when some element needs it.
    """
    base = np.asarray(base)  # a 0-d input gives NumPy scalars, which cannot be written into
    if np.any(mask):
        np.copyto(base, value() if callable(value) else value, where=mask)
    return base


def by_parts(
    x: FloatArray,
    first: Mask,
    on_first: Callable[[FloatArray], FloatArray],
    on_rest: Callable[[FloatArray], FloatArray],
) -> FloatArray:
    """on_first(x) where the mask ``first`` holds, on_rest(x) elsewhere (NaN included), for flat x.

    Each branch is evaluated only on its own elements, gathered and scattered by index lists:
    integer indexing is cheap, unlike np.where or boolean indexing on a random mask.
    """
    out = np.empty_like(x)
    idx = np.flatnonzero(first)
    rest = np.flatnonzero(np.logical_not(first))
    out[idx] = on_first(x[idx])
    out[rest] = on_rest(x[rest])
    return out


_SMALLER_THAN = template("{lo_name} ({lo}) must be smaller than {hi_name} ({hi})")
_AT_MOST = template("{lo_name} ({lo}) must be at most {hi_name} ({hi})")


def require_order(lo_name: str, lo: float, hi_name: str, hi: float, *, strict: bool) -> None:
    """Raise ``ValueError`` naming both parameters unless lo < hi (or lo ≤ hi when not strict)."""
    if lo > hi or (strict and lo == hi):
        rule = _SMALLER_THAN if strict else _AT_MOST
        raise ValueError(
            Message(rule, lo_name=lo_name, lo=f"{lo:g}", hi_name=hi_name, hi=f"{hi:g}")
        )


# Standard-normal weights on a fine grid, for deciding whether a function's output is centred.
_Z = np.linspace(-12.0, 12.0, 4801)
_W = np.exp(-0.5 * _Z**2)
_W /= _W.sum()


def centred_under_normal(kernel: Kernel) -> Callable[[Mapping[str, ParamValue]], bool]:
    """A property rule: |E f(Z)| < 0.05·sd f(Z) for Z ~ N(0, 1), by quadrature on a fine grid."""

    def rule(params: Mapping[str, ParamValue]) -> bool:
        f = kernel(_Z, **params)
        # Plain sums, not a BLAS dot: this runs on every slider step, where a threaded dot on a
        # busy machine costs milliseconds.
        mean = float(np.sum(_W * f))
        sd = math.sqrt(float(np.sum(_W * (f - mean) ** 2)))
        return abs(mean) < 0.05 * sd if sd > 0 else mean == 0.0

    return rule


def negligible(slope: float) -> bool:
    """True when a slope is below 1e-6: the gradient there counts as saturated."""
    return abs(slope) < 1e-6


def flattens(slope: float) -> bool:
    """True when ``slope·x`` underflows to exact zeros for |x| ≤ 0.02: a numerically dead side."""
    return slope * 0.02 == 0.0


__all__ = [
    "by_parts",
    "centred_under_normal",
    "exp_neg_abs",
    "flat_kernel",
    "flattens",
    "indicator",
    "inside",
    "keep_nan",
    "log_sigmoid",
    "log_sigmoid_and_derivative",
    "log_sigmoid_derivative",
    "logistic_density_from_exp",
    "nan_or",
    "negligible",
    "patch",
    "require_order",
    "sech2",
    "sigmoid",
    "sigmoid_and_derivative",
    "sigmoid_derivative",
    "slopes",
    "softplus",
    "split",
    "tanh",
    "tanh_and_sech2",
    "tanh_from_exp",
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
    # max(e, [x ≥ 0]) is 1 for x ≥ 0 and e otherwise (0 < e ≤ 1; NaN stays NaN): the same
    # values as np.where, without its cost on random signs.
    value = np.greater_equal(x, 0.0).astype(np.float64)
    np.maximum(value, e, out=value)
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


def logistic_density_from_exp(e: FloatArray) -> FloatArray:
    """σ′(x) = e/(1 + e)² given e = e^{−|x|} (the values of :func:`sigmoid_derivative`)."""
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
    # max(e, [x < 0]): e for x ≥ 0, 1 for x < 0, NaN at NaN (as np.where, only cheaper).
    value = np.less(x, 0.0).astype(np.float64)
    np.maximum(value, e, out=value)
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


@_shape_kept
def tanh_and_sech2(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(tanh x, sech² x) = (tanh x, 1 − tanh² x) sharing one exponential t = e^{−2|x|}:
    tanh x = sign(x)·(1 − t)/(1 + t) and sech² x = 4t/(1 + t)², without cancellation."""
    t = _exp_minus_2abs(x)
    return tanh_from_exp(x, t), _sech2_from_exp(t)


@_shape_kept
def tanh(x: FloatArray) -> FloatArray:
    """tanh x as in :func:`tanh_and_sech2` (the same values), within 1 ulp like np.tanh."""
    return tanh_from_exp(x, _exp_minus_2abs(x))


def _exp_minus_2abs(x: FloatArray) -> FloatArray:
    t = np.abs(x)
    np.minimum(t, 400.0, out=t)  # e^{−800} is already 0; keeps −2|x| finite
    t *= -2.0
    return np.exp(t, out=t)


#: From here on 1 − t (t = e^{−2|y|} ≤ 0.29) no longer cancels: (1 − t)/(1 + t) is within 1 ulp,
#: as np.tanh. Below it np.tanh runs on the index list of the inputs that need it.
_TANH_FROM_EXP = 0.625


def tanh_from_exp(y: FloatArray, t: FloatArray) -> FloatArray:
    """tanh y for flat y, given t = e^{−2|y|}: sign(y)·(1 − t)/(1 + t), np.tanh for |y| < 0.625.

    One exp already needed elsewhere (sech², a sigmoid) then replaces most of a costlier tanh.
    """
    th = np.subtract(1.0, t)
    th /= np.add(1.0, t)
    np.copysign(th, y, out=th)
    idx = np.flatnonzero(np.less(np.abs(y), _TANH_FROM_EXP))  # NaN is NaN on either path
    th[idx] = np.tanh(y[idx])
    return th


def _sech2_from_exp(t: FloatArray) -> FloatArray:
    # 4t/(1 + t)², the operations of sech2.
    q = t + 1.0
    q *= q
    s = np.multiply(t, 4.0)
    s /= q
    return s


# -- error-free transformations (double-double arithmetic) ---------------------------------------
_SPLITTER = 134217729.0  # 2**27 + 1, Veltkamp's constant for float64


# Each fresh 10⁶-element temporary costs more (page faults on first touch) than the arithmetic
# on it, so these work in place on buffers they own; the operations, and so the results, are
# those of the textbook formulas. Results are arrays (NumPy scalars for 0-d inputs).


def _buffer(*operands: FloatArray | float) -> FloatArray:
    return np.empty(np.broadcast_shapes(*(np.shape(v) for v in operands)))


def two_sum(a: Operand, b: Operand) -> tuple[FloatArray, FloatArray]:
    """(s, e) with s = fl(a + b) and a + b = s + e exactly (Knuth); finite inputs."""
    s = np.add(a, b, out=_buffer(a, b))
    bb = np.subtract(s, a, out=_buffer(a, b))
    e = np.subtract(s, bb, out=_buffer(a, b))  # e = (a − (s − bb)) + (b − bb)
    np.subtract(a, e, out=e)
    np.subtract(b, bb, out=bb)
    e += bb
    return s[()], e[()]


def split(a: Operand) -> tuple[FloatArray, FloatArray]:
    """(hi, lo) with a = hi + lo exactly and each half holding 26 bits (Veltkamp); |a| < 1e300."""
    c = np.multiply(a, _SPLITTER, out=_buffer(a))
    t = np.subtract(c, a, out=_buffer(a))
    np.subtract(c, t, out=c)  # hi = c − (c − a)
    np.subtract(a, c, out=t)  # lo = a − hi
    return c[()], t[()]


def two_prod(a: Operand, b: Operand) -> tuple[FloatArray, FloatArray]:
    """(p, e) with p = fl(a·b) and a·b = p + e exactly (Dekker), for |a|, |b| well below 1e300."""
    p = np.multiply(a, b, out=_buffer(a, b))
    ah, al = split(a)
    bh, bl = split(b)
    e = np.multiply(ah, bh, out=_buffer(a, b))  # e = ((ah·bh − p) + ah·bl + al·bh) + al·bl
    e -= p
    t = np.multiply(ah, bl, out=_buffer(a, b))
    e += t
    np.multiply(al, bh, out=t)
    e += t
    np.multiply(al, bl, out=t)
    e += t
    return p[()], e[()]
