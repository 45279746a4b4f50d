"""Periodic and radial activations: snake, Gaussian, sinusoid, sinc and the growing cosine unit.

Trigonometric kernels map ±inf to NaN without a floating-point warning (sin and cos have no limit
at infinity). NumPy's sin and cos reduce their argument exactly, so they stay accurate at 1e300.
"""

from __future__ import annotations

import math

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
from ._numerics import Mask, flat_kernel, patch, split, two_prod, two_sum


def _finite_or_nan(x: FloatArray) -> FloatArray:
    # sin(±inf) is NaN anyway but raises "invalid value"; pass NaN instead. Infinities are rare,
    # so a masked copy is far cheaper than np.where.
    xf = np.array(x, dtype=np.float64)
    np.copyto(xf, np.nan, where=np.isinf(xf))
    return xf


# -- snake --------------------------------------------------------------------------------------
# π/2 in pieces (fdlibm's Cody–Waite constants): the first two have 33 significant bits, so
# j·piece is exact for |j| < 2^20.
_PIO2_1 = 1.57079632673412561417e00
_PIO2_2 = 6.07710050630396597660e-11
_PIO2_3 = 2.02226624871116645580e-21
_PIO2_3T = 8.47842766036889956997e-32  # π/2 − the three pieces
_REDUCE_LIMIT = 4.0e5  # |a·x| below this has |j| < 2^19 in the reduction below


@flat_kernel
def _snake(x: FloatArray, frequency: float) -> FloatArray:
    """snake(x) = x + sin²(ax)/a with a the frequency; ±inf map to ±inf."""
    s, _ = _sin_cos_of_product(frequency, x)
    return _snake_value(x, s, frequency)


def _snake_value(x: FloatArray, s: FloatArray, a: float) -> FloatArray:
    f = np.asarray(x + s * s / a)
    np.copyto(f, x, where=np.isinf(x))
    return f


def _sin_cos_of_product(a: float, x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """sin(a·x) and cos(a·x) for the exact product a·x, absolute error ~4e-16.

    a·x = p + e exactly (Dekker), then the addition formulas: rounding a·x alone could move a huge
    argument by many periods. Beyond |x| = 1e288 (where a·x may overflow) θ = a·x/16 is used and
    the angle doubled four times (absolute error ~1e-14 there).
    """
    xf = _finite_or_nan(x)
    huge = np.abs(xf) > 1e288
    if not huge.any():
        return _sin_cos_from(*two_prod(a, xf))  # a scalar: its split costs nothing
    scale = np.where(huge, 2.0**64, 1.0)
    a_eff = np.where(huge, a / 16.0, a)
    p, e = two_prod(a_eff, xf / scale)  # the split stays finite for |x/scale| ≤ 1e288
    sin_ax, cos_ax = _sin_cos_from(p * scale, e * scale)
    s, c = sin_ax, cos_ax
    for _ in range(4):
        s, c = 2.0 * s * c, (c - s) * (c + s)
    return np.where(huge, s, sin_ax), np.where(huge, c, cos_ax)


def _sin_cos_from(p: FloatArray, e: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(sin, cos) of p + e by the addition formulas."""
    sp, cp = np.sin(p), np.cos(p)
    if np.nanmax(np.abs(e), initial=0.0) < 1e-9:
        # sin e = e and cos e = 1 to the last bit for |e| < 1e-9 (the usual case: |e| ≤ ulp(p)).
        return sp + cp * e, cp - sp * e
    se, ce = np.sin(e), np.cos(e)
    return sp * ce + cp * se, cp * ce - sp * se


def _reducible_product(a: float, xf: FloatArray) -> tuple[Mask, FloatArray, FloatArray]:
    """(near, p, e): near marks |a·x| < 4e5, and a·x = p + e exactly there (0 elsewhere)."""
    near = np.abs(xf) < _REDUCE_LIMIT / a
    xs = xf if near.all() else xf * near  # xf is finite or NaN, so the product is a blend
    p, e = two_prod(a, xs)
    return near, p, e


@flat_kernel
def _snake_derivative(x: FloatArray, frequency: float) -> FloatArray:
    """snake′(x) = 1 + sin(2ax) = 2 sin²(ax + π/4), with double roots where ax = −π/4 + kπ.

    Near those roots 1 + sin(2ax) would cancel completely, so ax + π/4 is reduced modulo π/2 in
    double-double arithmetic (ax exact via Dekker's product, π/2 in three Cody–Waite pieces) and
    sin² or cos² of the small remainder r is taken. Beyond |ax| = 4e5 it is (sin ax + cos ax)² with
    sin and cos of the exact product from the addition formulas: accurate to ~4e-16 absolute,
    hence within a few ulp except close to the roots.
    """
    xf = _finite_or_nan(x)
    return _snake_slope(frequency, xf, *_reducible_product(frequency, xf))


def _snake_slope(
    a: float, xf: FloatArray, near: FloatArray, p: FloatArray, e: FloatArray
) -> FloatArray:
    # u = p + e + π/4 = k·π/2 + r; with j = 2k − 1, r = p + e − j·(π/4 pieces).
    k = np.rint((p + np.pi / 4) / (np.pi / 2))
    j = 2.0 * k - 1.0
    s1, l1 = two_sum(p, -j * (0.5 * _PIO2_1))
    # s1 and j·π₂/2 are close, so their difference is exact (Sterbenz); adding the tiny terms
    # only afterwards keeps r accurate even when it is ~1e-16 (at the roots of f′).
    r0 = s1 - j * (0.5 * _PIO2_2)
    r, rl = two_sum(r0, (l1 + e) - j * (0.5 * _PIO2_3) - j * (0.5 * _PIO2_3T))
    # sin² (k even) or cos² (k odd) of r + rl, to first order in rl (|rl| ≤ ulp(r)). Each index
    # list gets only the function it needs; the factor on rl needs no more than a few digits,
    # so a short Taylor polynomial (|r| ≤ π/4: error below 5e-4 relative) stands in for the other.
    is_odd = np.abs(np.fmod(k, 2.0)) == 1.0
    t = np.empty_like(r)
    odd = np.flatnonzero(is_odd)
    ro = r[odd]
    z = ro * ro
    t[odd] = np.cos(ro) - (ro * (1.0 - z * (1.0 / 6.0 - z / 120.0))) * rl[odd]
    even = np.flatnonzero(~is_odd)
    re = r[even]
    z = re * re
    t[even] = np.sin(re) + (1.0 - z * (0.5 - z / 24.0)) * rl[even]
    reduced = 2.0 * t * t
    return patch(
        reduced, np.logical_not(near), lambda: np.square(np.add(*_sin_cos_of_product(a, xf)))
    )


@flat_kernel
def _snake_pair(x: FloatArray, frequency: float) -> tuple[FloatArray, FloatArray]:
    """(snake(x), snake′(x)) sharing the exact product a·x when every |a·x| < 4e5."""
    xf = _finite_or_nan(x)
    near, p, e = _reducible_product(frequency, xf)
    if not near.all():
        return _snake(x, frequency), _snake_derivative(x, frequency)
    s, _ = _sin_cos_from(p, e)  # near everywhere: no huge x, and p + e is a·x
    return _snake_value(x, s, frequency), _snake_slope(frequency, xf, near, p, e)


register(
    Activation(
        key="snake",
        name="Snake",
        family=Family.PERIODIC,
        formula=Formula(
            latex=r"x + \frac{1}{a}\sin^{2}(a x)", text="x + sin²(a·x)/a  (a: frequency)"
        ),
        kernel=_snake,
        derivative_kernel=_snake_derivative,
        pair_kernel=_snake_pair,
        params=(
            ParamSpec(
                "frequency",
                1.0,
                0.1,
                10.0,
                "a: how fast the ripple on top of the identity oscillates",
                log_scale=True,
            ),
        ),
        rules=PropertyRules(output_range=(-INF, INF), identity_near_origin=True),
        description=Description(
            summary="The identity plus a periodic ripple: monotonic like a ReLU-family function "
            "but able to extrapolate periodic signals.",
            strengths=(
                "Learns and extrapolates periodic patterns (time series, audio) where ReLU and "
                "tanh cannot",
                "Monotonic and unbounded: gradients do not vanish on average",
            ),
            weaknesses=(
                "The gradient touches 0 periodically (at ax = −π/4 + kπ)",
                "The frequency needs tuning or learning",
            ),
            usage="Hidden layers for periodic data; the frequency is often learned per channel "
            "(e.g. in the BigVGAN audio vocoder).",
            reference=Reference(
                "L. Ziyin, T. Hartwig, M. Ueda",
                2020,
                "Neural Networks Fail to Learn Periodic Functions and How to Fix It",
                "NeurIPS",
            ),
        ),
    )
)


# -- gaussian -----------------------------------------------------------------------------------
def _gaussian_parts(x: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    # x² exact as p + e (Dekker's square), so e^{−x²} = e^{−p}(1 − e) does not inherit x²'s
    # rounding error, which e^{−x²} would multiply by x² (up to 745).
    xc = np.clip(x, -40.0, 40.0)  # e^{−1600} is 0; keeps the split finite
    hi, lo = split(xc)
    p = xc * xc
    e = ((hi * hi - p) + 2.0 * hi * lo) + lo * lo
    return xc, p, e


def _gaussian(x: FloatArray) -> FloatArray:
    """f(x) = exp(−x²)."""
    _, p, e = _gaussian_parts(x)
    return _gaussian_from(p, e)


def _gaussian_from(p: FloatArray, e: FloatArray) -> FloatArray:
    # e^{−(p + e)} = e^{−p}·(1 − e) to first order in the tiny e.
    g = np.exp(-p)
    return g - g * e


def _gaussian_derivative(x: FloatArray) -> FloatArray:
    """f′(x) = −2x·exp(−x²).

    Where exp(−x²) is subnormal (|x| > 26.5) it has too few digits to be multiplied by 2x, so
    there f′ = −(2x·h)·h with h = exp(−x²/2), which stays normal.
    """
    xc, p, e = _gaussian_parts(x)
    return _gaussian_slope(xc, p, e, _gaussian_from(p, e))


def _gaussian_slope(xc: FloatArray, p: FloatArray, e: FloatArray, f: FloatArray) -> FloatArray:
    def tail() -> FloatArray:
        h = np.exp(-0.5 * p)
        h = h - h * (0.5 * e)
        return -(2.0 * xc * h) * h

    return patch(-2.0 * xc * f, np.abs(xc) > 26.5, tail)


def _gaussian_pair(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(f(x), f′(x)) sharing the exact square and the exponential."""
    xc, p, e = _gaussian_parts(x)
    f = _gaussian_from(p, e)
    return f, _gaussian_slope(xc, p, e, f)


register(
    Activation(
        key="gaussian",
        name="Gaussian",
        family=Family.PERIODIC,
        formula=Formula(latex=r"e^{-x^{2}}", text="exp(−x²)"),
        kernel=_gaussian,
        derivative_kernel=_gaussian_derivative,
        pair_kernel=_gaussian_pair,
        rules=PropertyRules(output_range=(0.0, 1.0), monotonic=False, saturating=True),
        description=Description(
            summary="A bell curve: 1 at the origin, decaying to 0 on both sides; the radial "
            "basis function of RBF networks.",
            strengths=(
                "Localised response: each unit reacts to a neighbourhood of inputs",
                "Smooth, bounded, with a universal-approximation property in RBF networks",
            ),
            weaknesses=(
                "Gradients vanish quickly away from the origin",
                "Not monotonic and not zero-centred",
            ),
            usage="Radial-basis-function networks and some implicit neural representations; "
            "rare in deep feed-forward stacks.",
            reference=Reference(
                "D. S. Broomhead, D. Lowe",
                1988,
                "Multivariable Functional Interpolation and Adaptive Networks",
                "Complex Systems 2",
            ),
        ),
    )
)


# -- sinusoid -----------------------------------------------------------------------------------
def _sinusoid(x: FloatArray) -> FloatArray:
    """f(x) = sin(x)."""
    return np.sin(_finite_or_nan(x))


def _sinusoid_derivative(x: FloatArray) -> FloatArray:
    """f′(x) = cos(x)."""
    return np.cos(_finite_or_nan(x))


register(
    Activation(
        key="sinusoid",
        name="Sinusoid",
        family=Family.PERIODIC,
        formula=Formula(latex=r"\sin x", text="sin(x)"),
        kernel=_sinusoid,
        derivative_kernel=_sinusoid_derivative,
        rules=PropertyRules(
            output_range=(-1.0, 1.0),
            monotonic=False,
            zero_centred=True,
            identity_near_origin=True,
        ),
        description=Description(
            summary="The sine function: periodic, bounded, identity-like near the origin.",
            strengths=(
                "Represents periodic structure and fine detail (SIREN implicit representations)",
                "Zero-centred, gradients never vanish for long",
            ),
            weaknesses=(
                "Many equivalent local minima; training is sensitive to initialisation",
                "Not monotonic",
            ),
            usage="Implicit neural representations (SIREN, with a frequency factor ω₀ = 30 and "
            "a special initialisation) and Fourier-feature networks.",
            reference=Reference(
                "V. Sitzmann, J. N. P. Martel, A. W. Bergman, D. B. Lindell, G. Wetzstein",
                2020,
                "Implicit Neural Representations with Periodic Activation Functions",
                "NeurIPS",
            ),
        ),
    )
)


# -- sinc ---------------------------------------------------------------------------------------
#: Taylor coefficients of sinc′(x) = Σ (−1)ⁿ 2n x^{2n−1}/(2n+1)!, n = 1..13, in powers of x².
_SINC_D_SERIES = tuple(
    (-1.0) ** n * 2.0 * n / float(np.prod(np.arange(1.0, 2.0 * n + 2.0))) for n in range(1, 14)
)
_SINC_SERIES_LIMIT = 1.5


def _sinc(x: FloatArray) -> FloatArray:
    """sinc(x) = sin(x)/x (unnormalised), sinc(0) = 1; NumPy's np.sinc is sin(πx)/(πx)."""
    xf = np.where(np.isinf(x), 1.0, x)  # sinc → 0 at ±inf
    safe = np.where(xf == 0.0, 1.0, xf)
    return np.where(xf == 0.0, 1.0, np.where(np.isinf(x), 0.0, np.sin(safe) / safe))


def _sinc_derivative(x: FloatArray) -> FloatArray:
    """sinc′(x) = (x cos x − sin x)/x² = cos(x)/x − sin(x)/x², tending to 0 at ±inf.

    Near 0 that cancels (it is ≈ −x/3), so for |x| < 1.5 the Taylor series is used. Beyond 1e150
    (x² overflows) the sin x/x² term is negligible. sinc′(0) = 0.
    """
    xf = _finite_or_nan(x)
    a = np.abs(xf)
    small = np.where(a < _SINC_SERIES_LIMIT, xf, 0.0)
    z = small * small
    series = np.zeros_like(xf)
    for coefficient in reversed(_SINC_D_SERIES):
        series = series * z + coefficient
    series = series * small
    mid = (a >= _SINC_SERIES_LIMIT) & (a <= 1e150)
    xs = np.where(mid | np.isnan(xf), xf, 2.0)
    direct = (xs * np.cos(xs) - np.sin(xs)) / (xs * xs)
    xh = np.where(a > 1e150, xf, 1.0)
    huge = np.cos(xh) / xh
    value = np.where(a < _SINC_SERIES_LIMIT, series, np.where(a > 1e150, huge, direct))
    return np.where(np.isinf(x), 0.0, value)  # sinc′ → 0 at ±inf


register(
    Activation(
        key="sinc",
        name="Sinc",
        family=Family.PERIODIC,
        formula=Formula(
            latex=r"\mathrm{sinc}(x) = \frac{\sin x}{x},\ \mathrm{sinc}(0) = 1",
            text="sin(x)/x, with sinc(0) = 1 (unnormalised)",
        ),
        kernel=_sinc,
        derivative_kernel=_sinc_derivative,
        rules=PropertyRules(
            output_range=(-0.2172336282112217, 1.0), monotonic=False, saturating=True
        ),
        description=Description(
            summary="The unnormalised cardinal sine sin(x)/x: 1 at the origin, decaying "
            "oscillations on both sides (not NumPy's normalised sin(πx)/(πx)).",
            strengths=(
                "Smooth, bounded and oscillating: can model band-limited signals",
                "Non-zero gradients for most inputs",
            ),
            weaknesses=(
                "Not monotonic, many local extrema",
                "Not zero-centred; decays like 1/x, so large inputs are nearly silenced",
            ),
            usage="Experimental hidden activation and in implicit representations; the "
            "interpolation kernel of signal processing.",
            reference=Reference(
                "Wikipedia contributors",
                2016,
                "Activation function: table of activation functions (sinc)",
                "Wikipedia",
            ),
        ),
    )
)


# -- gcu ----------------------------------------------------------------------------------------
def _gcu(x: FloatArray) -> FloatArray:
    """GCU(x) = x·cos(x)."""
    xf = _finite_or_nan(x)
    return xf * np.cos(xf)


_SIN_TAIL = tuple((-1.0) ** (n + 1) / math.factorial(2 * n + 1) for n in range(1, 11))
_COS_TAIL = tuple((-1.0) ** (n + 1) / math.factorial(2 * n) for n in range(1, 11))


def _polynomial(z: FloatArray, coefficients: tuple[float, ...]) -> FloatArray:
    # Σ coefficients[i]·z^i (Horner).
    acc = np.zeros_like(z)
    for coefficient in reversed(coefficients):
        acc = acc * z + coefficient
    return acc


def _gcu_derivative(x: FloatArray) -> FloatArray:
    """GCU′(x) = cos(x) − x·sin(x).

    Near its roots (x ≈ kπ + 1/(kπ)) both terms are ≈ ±1 and cancel, and even correctly rounded
    sin and cos leave an error of ~1e-16 there. So for |x| < 3e6 the argument is reduced exactly,
    x = kπ + r (r in double-double, Cody–Waite), and with sin r = r − T_s, cos r = 1 − T_c
    (T_s, T_c small Taylor tails), (−1)^k·GCU′ = (1 − x·r) − T_c + x·T_s − x·r_lo, where x·r is
    formed exactly and 1 − x·r is exact near a root.
    """
    xf = _finite_or_nan(x)
    moderate = np.abs(xf) < 3e6
    xm = xf if moderate.all() else xf * moderate  # xf is finite or NaN: the product is a blend
    k = np.rint(xm / np.pi)
    s1, l1 = two_sum(xm, -k * (2.0 * _PIO2_1))
    r0 = s1 - k * (2.0 * _PIO2_2)
    r, rl = two_sum(r0, l1 - k * (2.0 * _PIO2_3) - k * (2.0 * _PIO2_3T))
    z = r * r
    t_s = r * z * _polynomial(z, _SIN_TAIL)  # r − sin r
    t_c = z * _polynomial(z, _COS_TAIL) + r * rl  # 1 − cos(r + rl)
    p, e = two_prod(xm, r)
    reduced = (1.0 - p) - e - t_c + xm * (t_s - rl)
    reduced *= 1.0 - 2.0 * np.abs(np.fmod(k, 2.0))  # (−1)^k: an exact sign flip, no np.where
    return patch(reduced, ~moderate, lambda: np.cos(xf) - xf * np.sin(xf))


register(
    Activation(
        key="gcu",
        name="Growing cosine unit",
        family=Family.PERIODIC,
        formula=Formula(latex=r"x\cos x", text="x · cos(x)"),
        kernel=_gcu,
        derivative_kernel=_gcu_derivative,
        rules=PropertyRules(
            output_range=(-INF, INF),
            monotonic=False,
            zero_centred=True,
            identity_near_origin=True,
        ),
        description=Description(
            summary="An oscillating activation x·cos(x) whose amplitude grows with |x|; a single "
            "neuron can separate XOR because it has several zero crossings.",
            strengths=(
                "Oscillating decision boundaries: one neuron can learn XOR",
                "Zero-centred and identity-like at the origin",
            ),
            weaknesses=(
                "Not monotonic; gradients oscillate and grow with |x|",
                "Few large-scale results",
            ),
            usage="Proposed for convolutional layers (CIFAR, Imagenette experiments) as a "
            "replacement for ReLU or Swish.",
            reference=Reference(
                "M. M. Noel, A. L, A. Trivedi, P. Dutta",
                2021,
                "Growing Cosine Unit: A Novel Oscillatory Activation Function That Can Speedup "
                "Training and Reduce Parameters in Convolutional Neural Networks",
                "arXiv:2108.12943",
            ),
        ),
    )
)
