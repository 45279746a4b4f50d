"""Exponential linear units: the identity for x > 0 and a smooth saturating curve for x ≤ 0.

The negative branch always goes through ``expm1`` (never ``exp(x) − 1``, which cancels near 0),
on an argument clipped to x ≤ 0 so the unused branch cannot overflow. Branches are blended
with 0/1 masks, not ``np.where`` (see the rectifiers module).
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Mapping

import numpy as np

from ..activation import (
    INF,
    Activation,
    Description,
    Family,
    FloatArray,
    Formula,
    ParamSpec,
    ParamValue,
    PropertyRules,
    Reference,
    Smoothness,
)
from ..registry import register
from ._numerics import Mask, centred_under_normal, flat_kernel, split


def _saturation_spec(description: str) -> ParamSpec:
    """The α of ELU and CELU: the depth of the negative saturation, 1 by default."""
    return ParamSpec("alpha", 1.0, 0.01, 10.0, description, log_scale=True)


# -- elu ------------------------------------------------------------------------------------------


def _nonpositive(x: FloatArray) -> tuple[FloatArray, Mask, FloatArray]:
    """(max(x, 0), the indices of x ≤ 0, x there) for flat x; NaN is in neither part.

    The exponential branch is evaluated on the index list only: on N(0, 1) samples that halves
    the cost of the transcendental calls, and integer indexing is cheap (boolean is not).
    """
    idx = np.flatnonzero(np.less_equal(x, 0.0))
    return np.maximum(x, 0.0), idx, x[idx]


def _negative_value(xn: FloatArray, scale: float) -> FloatArray:
    """scale·expm1(xn) on the non-positive part, with +0 at x = −0 (the sum max(x, 0) + … gave)."""
    g = np.expm1(xn)
    g *= scale
    g += 0.0
    return g


@flat_kernel
def _elu(x: FloatArray, alpha: float) -> FloatArray:
    """elu(x) = x for x > 0, α·(eˣ − 1) for x ≤ 0 (α·expm1(x): exact near 0)."""
    f, idx, xn = _nonpositive(x)
    f[idx] = _negative_value(xn, alpha)
    return f


@flat_kernel
def _elu_derivative(x: FloatArray, alpha: float) -> FloatArray:
    """elu′(x) = 1 for x > 0, α·eˣ for x ≤ 0; at 0 it is α, as PyTorch's autograd."""
    pos, idx, xn = _nonpositive(x)
    d = np.sign(pos)  # 1 for x > 0, NaN at NaN; the zeros are overwritten below
    d[idx] = alpha * np.exp(xn)
    return d


@flat_kernel
def _elu_pair(x: FloatArray, alpha: float) -> tuple[FloatArray, FloatArray]:
    """(elu(x), elu′(x)) sharing the split into the two branches."""
    f, idx, xn = _nonpositive(x)
    d = np.sign(f)
    f[idx] = _negative_value(xn, alpha)
    d[idx] = alpha * np.exp(xn)
    return f, d


register(
    Activation(
        key="elu",
        name="ELU",
        family=Family.EXPONENTIAL,
        formula=Formula(
            latex=r"\begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
            text="x if x > 0 else α·(exp(x) − 1)",
        ),
        kernel=_elu,
        derivative_kernel=_elu_derivative,
        pair_kernel=_elu_pair,
        params=(_saturation_spec("depth −α of the negative saturation"),),
        rules=PropertyRules(
            output_range=lambda p: (-float(p["alpha"]), INF),
            smoothness=lambda p: Smoothness.C1 if p["alpha"] == 1.0 else Smoothness.C0,
            zero_centred=centred_under_normal(_elu),
            saturating=True,
            identity_near_origin=lambda p: abs(float(p["alpha"]) - 1.0) < 1e-12,
        ),
        description=Description(
            summary="Identity for positive inputs and a smooth exponential that saturates at −α "
            "for negative ones. Negative outputs pull the mean activation towards zero, which "
            "speeds up learning.",
            strengths=(
                "Mean activations closer to zero than ReLU",
                "No dead units: the gradient α·eˣ is never exactly zero",
                "Smooth at 0 when α = 1",
            ),
            weaknesses=(
                "An exponential per negative input: slower than ReLU",
                "The saturation at −α makes gradients vanish for very negative inputs",
                "Derivative jumps at 0 unless α = 1",
            ),
            usage="Hidden layers of CNNs and MLPs as a drop-in replacement for ReLU.",
            reference=Reference(
                "D.-A. Clevert, T. Unterthiner, S. Hochreiter",
                2016,
                "Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)",
                "ICLR",
            ),
        ),
        breakpoints=lambda p: (0.0,),
    )
)


# -- celu -----------------------------------------------------------------------------------------

#: Below this x the result no longer depends on x; clipping keeps x/α finite for every α.
_CELU_FLOOR = -1e300


def _celu_arguments(xn: FloatArray, alpha: float) -> tuple[FloatArray, FloatArray]:
    """(m, t): m = xn clipped at −1e300 from below and t = m/α, for the non-positive part xn."""
    m = np.maximum(xn, _CELU_FLOOR)
    return m, m / alpha


def _celu_negative(m: FloatArray, t: FloatArray, alpha: float) -> FloatArray:
    """α·expm1(m/α), with m itself where m/α would be subnormal (and so inexact); +0 at −0."""
    g = np.expm1(t)
    g *= alpha
    g += 0.0
    tiny = np.flatnonzero(np.greater(m, -1e-290) & np.less(m, 0.0))
    g[tiny] = m[tiny]  # α·expm1(m/α) = m·(1 + m/2α + …) rounds to m there
    return g


def _celu_exp(m: FloatArray, t: FloatArray, alpha: float) -> FloatArray:
    """exp(m/α) to a few ulp, although t = fl(m/α) carries a rounding error of |t|·2⁻⁵³."""
    if math.frexp(alpha)[0] == 0.5:  # α a power of two: t is exact
        return np.exp(t)
    # exp(t + δ) = exp(t)·(1 + δ) with δ = (m − t·α)/α, the remainder computed exactly (Dekker).
    # Beyond t = −1000 the exponential is 0 anyway; the clip keeps the splitting finite.
    tc = np.maximum(t, -1000.0)
    p = tc * alpha
    th, tl = split(tc)
    ah = (134217729.0 * alpha) - (134217729.0 * alpha - alpha)  # Veltkamp split of the scalar
    al = alpha - ah
    e = ((th * ah - p) + th * al + tl * ah) + tl * al  # tc·α = p + e exactly (Dekker)
    delta = ((m - p) - e) / alpha
    return np.exp(tc) * (1.0 + delta)


@flat_kernel
def _celu(x: FloatArray, alpha: float) -> FloatArray:
    """celu(x) = max(0, x) + min(0, α·(e^{x/α} − 1))."""
    f, idx, xn = _nonpositive(x)
    m, t = _celu_arguments(xn, alpha)
    f[idx] = _celu_negative(m, t, alpha)
    return f


@flat_kernel
def _celu_derivative(x: FloatArray, alpha: float) -> FloatArray:
    """celu′(x) = 1 for x > 0, e^{x/α} for x ≤ 0 (continuous: 1 at 0 for every α)."""
    pos, idx, xn = _nonpositive(x)
    d = np.sign(pos)
    m, t = _celu_arguments(xn, alpha)
    d[idx] = _celu_exp(m, t, alpha)
    return d


@flat_kernel
def _celu_pair(x: FloatArray, alpha: float) -> tuple[FloatArray, FloatArray]:
    """(celu(x), celu′(x)) sharing the split and the scaled argument."""
    f, idx, xn = _nonpositive(x)
    d = np.sign(f)
    m, t = _celu_arguments(xn, alpha)
    f[idx] = _celu_negative(m, t, alpha)
    d[idx] = _celu_exp(m, t, alpha)
    return f, d


register(
    Activation(
        key="celu",
        name="CELU",
        family=Family.EXPONENTIAL,
        formula=Formula(
            latex=r"\max(0, x) + \min\!\left(0,\ \alpha\,(e^{x/\alpha} - 1)\right)",
            text="max(0, x) + min(0, α·(exp(x/α) − 1))",
        ),
        kernel=_celu,
        derivative_kernel=_celu_derivative,
        pair_kernel=_celu_pair,
        params=(
            _saturation_spec("depth −α of the negative saturation (also stretches the curve)"),
        ),
        rules=PropertyRules(
            output_range=lambda p: (-float(p["alpha"]), INF),
            smoothness=Smoothness.C1,
            zero_centred=centred_under_normal(_celu),
            saturating=True,
            identity_near_origin=True,
        ),
        description=Description(
            summary="ELU re-parametrised so that its derivative is continuous (equal to 1 at 0) "
            "for every α: the exponential is stretched by α as well as scaled. Equals ELU when "
            "α = 1.",
            strengths=(
                "Continuously differentiable for any α",
                "Negative outputs keep the mean activation near zero",
                "Scale-similar: changing α rescales the curve instead of bending it",
            ),
            weaknesses=(
                "Costs an exponential per negative input",
                "Saturates for very negative inputs",
            ),
            usage="Hidden layers, where ELU would be used but a smooth derivative matters.",
            reference=Reference(
                "J. T. Barron",
                2017,
                "Continuously Differentiable Exponential Linear Units",
                "arXiv:1704.07483",
            ),
        ),
        breakpoints=lambda p: (0.0,),
    )
)


# -- selu -----------------------------------------------------------------------------------------

#: PyTorch's constants (torch/nn/functional.py, from Klambauer et al.).
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
_SELU_SCALE_ALPHA = SELU_SCALE * SELU_ALPHA


@flat_kernel
def _selu(x: FloatArray) -> FloatArray:
    """selu(x) = λ·x for x > 0, λ·α·(eˣ − 1) for x ≤ 0, with PyTorch's λ and α."""
    f, idx, xn = _nonpositive(x)
    with np.errstate(over="ignore"):  # λ·x overflows for x near the top: +inf is right
        f *= SELU_SCALE
    f[idx] = _negative_value(xn, _SELU_SCALE_ALPHA)
    return f


@flat_kernel
def _selu_derivative(x: FloatArray) -> FloatArray:
    """selu′(x) = λ for x > 0, λ·α·eˣ for x ≤ 0; at 0 it is λ·α ≈ 1.758, as PyTorch's autograd."""
    pos, idx, xn = _nonpositive(x)
    d = np.sign(pos)
    d *= SELU_SCALE
    d[idx] = _SELU_SCALE_ALPHA * np.exp(xn)
    return d


@flat_kernel
def _selu_pair(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(selu(x), selu′(x)) sharing the split into the two branches."""
    f, idx, xn = _nonpositive(x)
    d = np.sign(f)
    d *= SELU_SCALE
    with np.errstate(over="ignore"):
        f *= SELU_SCALE
    f[idx] = _negative_value(xn, _SELU_SCALE_ALPHA)
    d[idx] = _SELU_SCALE_ALPHA * np.exp(xn)
    return f, d


register(
    Activation(
        key="selu",
        name="SELU",
        family=Family.EXPONENTIAL,
        formula=Formula(
            latex=r"\lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
            text="λ·(x if x > 0 else α·(exp(x) − 1)),  λ ≈ 1.0507, α ≈ 1.6733",
        ),
        kernel=_selu,
        derivative_kernel=_selu_derivative,
        pair_kernel=_selu_pair,
        rules=PropertyRules(
            output_range=(-_SELU_SCALE_ALPHA, INF),
            smoothness=Smoothness.C0,
            zero_centred=True,
            saturating=True,
        ),
        description=Description(
            summary="A scaled ELU whose two constants are chosen so that activations with mean 0 "
            "and variance 1 keep mean 0 and variance 1 from layer to layer: the network "
            "normalises itself without batch normalisation.",
            strengths=(
                "Self-normalising: no batch normalisation needed in deep fully connected nets",
                "Zero-centred output for standard-normal inputs",
                "No dead units",
            ),
            weaknesses=(
                "Self-normalisation needs LeCun-normal initialisation and alpha dropout",
                "Derivative jumps at 0 (λ on the right, λα ≈ 1.76 on the left)",
                "The guarantees are for fully connected layers; less clear for CNNs and RNNs",
            ),
            usage="Hidden layers of deep fully connected networks (self-normalising networks).",
            reference=Reference(
                "G. Klambauer, T. Unterthiner, A. Mayr, S. Hochreiter",
                2017,
                "Self-Normalizing Neural Networks",
                "NeurIPS",
            ),
        ),
        breakpoints=lambda p: (0.0,),
    )
)


# -- isrlu ----------------------------------------------------------------------------------------

#: Below −1e100, x/√(1 + αx²) equals −1/√α to the last bit; clipping at −1e150 keeps αx² finite.
_ISRLU_FAR = -1e100
_ISRLU_FLOOR = -1e150


def _isrlu_limit(alpha: float) -> float:
    """−1/√α correctly rounded (a double 1/sqrt would round twice)."""
    with decimal.localcontext() as ctx:
        ctx.prec = 40
        return -float(1 / decimal.Decimal(alpha).sqrt())


def _isrlu_parts(x: FloatArray, alpha: float) -> tuple[FloatArray, FloatArray, FloatArray]:
    """(m, q, r): m = x clipped to [−1e150, 0], q = 1 + α·m², r = √q."""
    m = np.clip(x, _ISRLU_FLOOR, 0.0)
    q = 1.0 + alpha * (m * m)
    return m, q, np.sqrt(q)


def _isrlu_value(x: FloatArray, m: FloatArray, r: FloatArray, alpha: float) -> FloatArray:
    f = np.asarray(np.maximum(x, 0.0) + m / r)
    np.copyto(f, _isrlu_limit(alpha), where=np.less(x, _ISRLU_FAR))
    return f


def _isrlu_slope(x: FloatArray, q: FloatArray, r: FloatArray) -> FloatArray:
    # (1 + αx²)^{−3/2} = (1/q)/√q: dividing twice keeps a subnormal result right, where the
    # product q·√q would overflow (for |x| near 1e104 the slope is about 1e-312).
    return np.less_equal(x, 0.0) / q / r + np.greater(x, 0.0)


def _isrlu(x: FloatArray, alpha: float) -> FloatArray:
    """isrlu(x) = x for x ≥ 0, x/√(1 + αx²) for x < 0."""
    m, _, r = _isrlu_parts(x, alpha)
    return _isrlu_value(x, m, r, alpha)


def _isrlu_derivative(x: FloatArray, alpha: float) -> FloatArray:
    """isrlu′(x) = 1 for x ≥ 0, (1 + αx²)^{−3/2} for x < 0 (continuous, with f″(0) = 0)."""
    _, q, r = _isrlu_parts(x, alpha)
    return _isrlu_slope(x, q, r)


def _isrlu_pair(x: FloatArray, alpha: float) -> tuple[FloatArray, FloatArray]:
    """(isrlu(x), isrlu′(x)) sharing the square root."""
    m, q, r = _isrlu_parts(x, alpha)
    return _isrlu_value(x, m, r, alpha), _isrlu_slope(x, q, r)


def _isrlu_alpha(p: Mapping[str, ParamValue]) -> float:
    return float(p["alpha"])


register(
    Activation(
        key="isrlu",
        name="ISRLU",
        family=Family.EXPONENTIAL,
        formula=Formula(
            latex=r"\begin{cases} x & x \ge 0 \\ \dfrac{x}{\sqrt{1 + \alpha x^2}} & x < 0 "
            r"\end{cases}",
            text="x if x ≥ 0 else x / sqrt(1 + α·x²)",
        ),
        kernel=_isrlu,
        derivative_kernel=_isrlu_derivative,
        pair_kernel=_isrlu_pair,
        params=(
            ParamSpec(
                "alpha",
                1.0,
                0.01,
                100.0,
                "sets the negative saturation −1/√α",
                log_scale=True,
            ),
        ),
        rules=PropertyRules(
            output_range=lambda p: (-1.0 / math.sqrt(_isrlu_alpha(p)), INF),
            smoothness=Smoothness.C2,
            zero_centred=centred_under_normal(_isrlu),
            saturating=True,
            identity_near_origin=True,
        ),
        description=Description(
            summary="Inverse square root linear unit: the identity for x ≥ 0 and x/√(1 + αx²), "
            "which saturates at −1/√α, for x < 0. Shaped like ELU but built from an inverse "
            "square root, which hardware computes faster than an exponential.",
            strengths=(
                "Cheaper than ELU on hardware with a fast inverse square root",
                "Twice continuously differentiable (C²) at 0",
                "Negative outputs pull the mean activation towards zero",
            ),
            weaknesses=(
                "Saturates (slowly, like |x|⁻³ for the slope) for very negative inputs",
                "Little used, so little tuning experience",
            ),
            usage="Hidden layers of CNNs in place of ELU.",
            reference=Reference(
                "B. Carlile, G. Delamarter, P. Kinney, A. Marti, B. Whitney",
                2017,
                "Improving Deep Learning by Inverse Square Root Linear Units (ISRLUs)",
                "arXiv:1710.09967",
            ),
        ),
        breakpoints=lambda p: (0.0,),
    )
)
