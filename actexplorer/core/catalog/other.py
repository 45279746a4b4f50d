"""Other smooth activations: LiSHT, the bent identity and the soft exponential."""

from __future__ import annotations

import decimal
import functools

import numpy as np

from ..activation import (
    INF,
    Activation,
    Description,
    Family,
    FloatArray,
    Formula,
    ParamSpec,
    PropertyRules,
    Reference,
)
from ..registry import register
from ._numerics import flat_kernel, patch, tanh, tanh_and_sech2, two_prod, two_sum


# -- lisht --------------------------------------------------------------------------------------
def _lisht(x: FloatArray) -> FloatArray:
    """LiSHT(x) = x·tanh(x)."""
    return x * tanh(x)


def _lisht_derivative_from(x: FloatArray, th: FloatArray, s2: FloatArray) -> FloatArray:
    # tanh x and x·sech²x share the sign of x, so the sum never cancels. x is clipped in the
    # product so that inf·0 cannot occur (sech² is already 0 beyond |x| = 400).
    return th + np.clip(x, -1e3, 1e3) * s2


def _lisht_derivative(x: FloatArray) -> FloatArray:
    """LiSHT′(x) = tanh(x) + x·sech²(x)."""
    return _lisht_derivative_from(x, *tanh_and_sech2(x))


def _lisht_pair(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    th, s2 = tanh_and_sech2(x)  # one exponential for both
    return x * th, _lisht_derivative_from(x, th, s2)


register(
    Activation(
        key="lisht",
        name="LiSHT",
        family=Family.OTHER,
        formula=Formula(latex=r"x\,\tanh x", text="x · tanh(x)"),
        kernel=_lisht,
        derivative_kernel=_lisht_derivative,
        pair_kernel=_lisht_pair,
        rules=PropertyRules(output_range=(0.0, INF), monotonic=False),
        description=Description(
            summary="Linearly scaled hyperbolic tangent: x·tanh(x), an even, non-negative "
            "function that behaves like x² near 0 and like |x| far away.",
            strengths=(
                "Unbounded above with gradient ±1 in the tails: no saturation",
                "Negative inputs get non-zero gradients (no dead units)",
            ),
            weaknesses=(
                "Even function: x and −x give the same output, so sign information is lost",
                "Output never negative and not zero-centred",
            ),
            usage="Proposed for hidden layers of MLPs, CNNs and LSTMs as a ReLU alternative; "
            "rarely used in practice.",
            reference=Reference(
                "S. K. Roy, S. Manna, S. R. Dubey, B. B. Chaudhuri",
                2019,
                "LiSHT: Non-Parametric Linearly Scaled Hyperbolic Tangent Activation Function "
                "for Neural Networks",
                "arXiv:1901.05894",
            ),
        ),
    )
)


# -- bent_identity ------------------------------------------------------------------------------
#: Beyond this |x|, √(x² + 1) rounds to |x| (the 1 is below half an ulp of x²).
_HYPOT_FLAT = 1e8


def _unit_hypot(xc: FloatArray) -> FloatArray:
    """√(x² + 1) for finite x within 1.5 ulp: √(t² + 1) with t = min(|x|, 10⁸), then at least |x|.

    np.hypot(x, 1) is exact to an ulp too but costs eight times as much (17 ms per 10⁶ values
    here, a quarter of what the statistics of a function may take).
    """
    t = np.abs(xc)
    near = np.minimum(t, _HYPOT_FLAT)
    return np.maximum(np.sqrt(near * near + 1.0), t)


@flat_kernel
def _bent_identity_pair(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    xc = np.clip(x, -1e300, 1e300)
    h = _unit_hypot(xc)
    return _bent_identity_from(x, xc, h), _bent_identity_derivative_from(xc, h)


@flat_kernel
def _bent_identity(x: FloatArray) -> FloatArray:
    """f(x) = (√(x² + 1) − 1)/2 + x.

    √(x² + 1) − 1 = x²/(h + 1), h = √(x² + 1), removes the cancellation near 0: f = x(1 + r/2)
    with r = x/(h + 1). For x ≤ −1 that loses a bit, so there f = −(|x| + 1 − 1/(h + |x|))/2,
    from h − |x| = 1/(h + |x|). x is clipped where it only feeds a vanishing correction.
    """
    xc = np.clip(x, -1e300, 1e300)
    return _bent_identity_from(x, xc, _unit_hypot(xc))


def _bent_identity_from(x: FloatArray, xc: FloatArray, h: FloatArray) -> FloatArray:
    with np.errstate(over="ignore"):  # f ≈ 1.5x overflows to inf for x > 1.2e308: that is f
        f = x * (1.0 + 0.5 * (xc / (h + 1.0)))
    # x ≤ −1 is a minority: the other form is evaluated on its index list only.
    idx = np.flatnonzero(np.less_equal(x, -1.0))
    a = np.abs(xc[idx])
    f[idx] = -0.5 * ((np.abs(x[idx]) + 1.0) - 1.0 / (h[idx] + a))
    return f


def _bent_identity_derivative(x: FloatArray) -> FloatArray:
    """f′(x) = x/(2√(x² + 1)) + 1, between 1/2 and 3/2."""
    xc = np.clip(x, -1e300, 1e300)
    return _bent_identity_derivative_from(xc, _unit_hypot(xc))


def _bent_identity_derivative_from(xc: FloatArray, h: FloatArray) -> FloatArray:
    # x/h rounds to ±1 long before 1e300, so the clip (which keeps inf/inf away) changes nothing.
    return 1.0 + 0.5 * (xc / h)


register(
    Activation(
        key="bent_identity",
        name="Bent identity",
        family=Family.OTHER,
        formula=Formula(latex=r"\frac{\sqrt{x^{2} + 1} - 1}{2} + x", text="(√(x² + 1) − 1)/2 + x"),
        kernel=_bent_identity,
        derivative_kernel=_bent_identity_derivative,
        pair_kernel=_bent_identity_pair,
        rules=PropertyRules(output_range=(-INF, INF), identity_near_origin=True),
        description=Description(
            summary="The identity bent by a hyperbola: slope 1/2 for very negative inputs, 3/2 for "
            "very positive ones and exactly 1 at the origin.",
            strengths=(
                "Smooth, monotonic and unbounded on both sides: no saturation, no dead units",
                "Gradient always between 1/2 and 3/2",
            ),
            weaknesses=(
                "Almost linear, so many layers add little expressive power",
                "Not zero-centred and seldom used",
            ),
            usage="Appears in activation tables and small regression networks; a smooth, "
            "asymmetric alternative to leaky ReLU.",
            reference=Reference(
                "Wikipedia contributors",
                2016,
                "Activation function: table of activation functions (bent identity)",
                "Wikipedia",
            ),
        ),
    )
)


# -- soft_exponential ---------------------------------------------------------------------------
_FLOAT64_MAX = float(np.finfo(np.float64).max)


@functools.lru_cache(maxsize=64)
def _soft_exponential_constants(alpha: float) -> tuple[float, float, float]:
    """(x₀ high, x₀ low, c/α) for x₀ = log(c)/α, c = (1 − α)(1 + α), to ~40 digits (Decimal)."""
    with decimal.localcontext() as ctx:
        ctx.prec = 40
        a = decimal.Decimal(alpha)  # the exact binary value
        c = (1 - a) * (1 + a)
        x0 = c.ln() / a
        hi = float(x0)
        return hi, float(x0 - decimal.Decimal(hi)), float(c / a)


@flat_kernel
def _soft_exponential(x: FloatArray, alpha: float) -> FloatArray:
    """f(x) = (e^{αx} − 1)/α + α for α > 0 (α = 1 gives eˣ).

    f has a zero at x₀ = log(1 − α²)/α where the two terms cancel; written as
    f = c·expm1(α(x − x₀))/α with c = (1 − α)(1 + α), x₀ carried as a double-double and the
    argument α(x − x₀) = p + e formed exactly (Knuth's two-sum, Dekker's product), it is
    expm1(p) + e·eᵖ to first order in e, accurate to a few ulp everywhere.
    """
    with np.errstate(over="ignore"):  # e^{αx} beyond the float64 range is +inf: that is f
        if alpha == 1.0:
            return np.exp(x)
        x0_hi, x0_lo, c_over_a = _soft_exponential_constants(alpha)
        # Beyond α(x − x₀) ∈ [−1e5, 1e4] f is constant or +inf; the clip keeps every step finite.
        xc = np.clip(x, x0_hi - 1e5 / alpha, x0_hi + 1e4 / alpha)
        s, e = two_sum(xc, -x0_hi)
        e -= x0_lo
        e *= alpha
        p, pe = two_prod(alpha, s)
        e += pe  # α(x − x₀) = p + e
        g = np.expm1(p)
        correction = np.minimum(g, _FLOAT64_MAX)  # finite, so that inf·0 cannot arise
        correction += 1.0
        correction *= e
        g += correction
        g *= c_over_a
        # Where eᵖ nears the float64 limit, expm1 overflows although c/α·expm1 may not; there
        # f = e^{αx}/α to the last bit (the constant α − 1/α is below e^{−690} relative).
        return patch(g, p > 700.0, lambda: _soft_exponential_derivative(x, alpha) / alpha)


@flat_kernel
def _soft_exponential_derivative(x: FloatArray, alpha: float) -> FloatArray:
    """f′(x) = e^{αx}; the product αx = p + e is formed exactly (Dekker), f′ = eᵖ·(1 + e)."""
    xc = np.clip(x, -1e5 / alpha, 1e4 / alpha)  # e^{αx} is 0 or +inf beyond; keeps αx finite
    p, e = two_prod(alpha, xc)
    e += 1.0
    with np.errstate(over="ignore"):  # +inf beyond the float64 range is f′
        e *= np.exp(p)
    return e


register(
    Activation(
        key="soft_exponential",
        name="Soft exponential",
        family=Family.OTHER,
        formula=Formula(
            latex=r"\frac{e^{\alpha x} - 1}{\alpha} + \alpha",
            text="(exp(αx) − 1)/α + α",
        ),
        kernel=_soft_exponential,
        derivative_kernel=_soft_exponential_derivative,
        params=(
            ParamSpec(
                "alpha",
                0.5,
                0.01,
                1.0,
                "Curvature: near 0 almost the identity, at 1 the exponential eˣ",
                log_scale=True,
            ),
        ),
        rules=PropertyRules(
            output_range=lambda p: (p["alpha"] - 1.0 / p["alpha"], INF), saturating=True
        ),
        description=Description(
            summary="A learnable family that interpolates between the identity (α → 0) and the "
            "exponential (α = 1); with α < 0 it becomes logarithmic (not offered here, because "
            "that branch is defined only for x > 1/α − α).",
            strengths=(
                "One parameter moves continuously between linear and exponential behaviour",
                "Smooth and monotonic; α can be trained per neuron",
            ),
            weaknesses=(
                "Grows exponentially for α > 0: activations and gradients can explode",
                "Rarely used; little practical evidence",
            ),
            usage="Research on learnable activations; α usually trained per neuron.",
            reference=Reference(
                "L. B. Godfrey, M. S. Gashler",
                2015,
                "A continuum among logarithmic, linear, and exponential functions, and its "
                "potential to improve generalization in neural networks",
                "KDIR (IC3K), arXiv:1602.01321",
            ),
        ),
    )
)
