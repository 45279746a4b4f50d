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
    xf = _finite_or_nan(x)
    near, p, e = _reducible_product(frequency, xf)
    if near.all():  # the pair's way, so that both give the same values
        return _snake_value(x, _sin_near(p, e, _quarter_turns(p)), frequency)
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


# fdlibm's minimax polynomials for sin and cos on [−π/4, π/4] (k_sin.c, k_cos.c), each within
# 1 ulp with the tail y of a reduced argument x + y folded in. On an argument that is already
# reduced they cost a fraction of np.sin or np.cos, which reduce it again.
_S1 = -1.66666666666666324348e-01
_S2 = 8.33333333332248946124e-03
_S3 = -1.98412698298579493134e-04
_S4 = 2.75573137070700676789e-06
_S5 = -2.50507602534068634195e-08
_S6 = 1.58969099521155010221e-10
_C1 = 4.16666666666666019037e-02
_C2 = -1.38888888888741095749e-03
_C3 = 2.48015872894767294178e-05
_C4 = -2.75573143513906633035e-07
_C5 = 2.08757232129817482790e-09
_C6 = -1.13596475577881948265e-11


def _kernel_sin(x: FloatArray, y: FloatArray) -> FloatArray:
    """sin(x + y) for |x| ≤ π/4, |y| ≤ ulp(x): x − ((z(y/2 − v·r) − y) − v·S1), z = x², v = zx."""
    z = x * x
    v = z * x
    r = z * _S6  # r = S2 + z(S3 + z(S4 + z(S5 + z·S6)))
    r += _S5
    for coefficient in (_S4, _S3, _S2):
        r *= z
        r += coefficient
    r *= v
    np.subtract(0.5 * y, r, out=r)
    r *= z
    r -= y
    v *= _S1
    r -= v
    return np.subtract(x, r, out=r)


def _kernel_cos(x: FloatArray, y: FloatArray) -> FloatArray:
    """cos(x + y) for |x| ≤ π/4, |y| ≤ ulp(x): w + (((1 − w) − z/2) + (z·r − x·y)), w = 1 − z/2,
    r = z(C1 + z(C2 + z·C3)) + z⁴(C4 + z(C5 + z·C6))."""
    z = x * x
    r = z * _C3
    r += _C2
    r *= z
    r += _C1
    r *= z
    high = z * _C6
    high += _C5
    high *= z
    high += _C4
    w = z * z
    w *= w
    high *= w
    r += high
    r *= z  # z·r
    np.multiply(x, y, out=high)
    r -= high
    hz = 0.5 * z
    np.subtract(1.0, hz, out=w)
    one_minus_w = np.subtract(1.0, w, out=z)
    one_minus_w -= hz
    one_minus_w += r
    return np.add(w, one_minus_w, out=one_minus_w)


def _quarter_turns(p: FloatArray) -> FloatArray:
    """k = rint((p + π/4)/(π/2)): the quarter turns in a·x + π/4 (a·x ≈ p)."""
    k = np.add(p, np.pi / 4)
    k /= np.pi / 2
    return np.rint(k, out=k)


def _is_odd(k: FloatArray) -> Mask:
    """True where the integer-valued k is odd: |k − 2·rint(k/2)| = 1 (much cheaper than fmod)."""
    h = np.multiply(k, 0.5)
    np.rint(h, out=h)
    h *= 2.0
    np.subtract(k, h, out=h)
    np.abs(h, out=h)
    return np.equal(h, 1.0)


def _snake_slope(
    a: float,
    xf: FloatArray,
    near: FloatArray,
    p: FloatArray,
    e: FloatArray,
    k: FloatArray | None = None,
) -> FloatArray:
    # u = p + e + π/4 = k·π/2 + r; with j = 2k − 1, r = p + e − j·(π/4 pieces).
    k = _quarter_turns(p) if k is None else k
    j = 2.0 * k - 1.0
    s1, l1 = two_sum(p, -j * (0.5 * _PIO2_1))
    # s1 and j·π₂/2 are close, so their difference is exact (Sterbenz); adding the tiny terms
    # only afterwards keeps r accurate even when it is ~1e-16 (at the roots of f′).
    r0 = s1 - j * (0.5 * _PIO2_2)
    r, rl = two_sum(r0, (l1 + e) - j * (0.5 * _PIO2_3) - j * (0.5 * _PIO2_3T))
    # sin² (k even) or cos² (k odd) of r + rl, to first order in rl (|rl| ≤ ulp(r)). Each index
    # list gets only the function it needs; the factor on rl needs no more than a few digits,
    # so a short Taylor polynomial (|r| ≤ π/4: error below 5e-4 relative) stands in for the other.
    is_odd = _is_odd(k)
    t = np.empty_like(r)
    odd = np.flatnonzero(is_odd)
    t[odd] = _kernel_cos(r[odd], rl[odd])
    even = np.flatnonzero(~is_odd)
    t[even] = _kernel_sin(r[even], rl[even])
    reduced = 2.0 * t * t
    return patch(
        reduced, np.logical_not(near), lambda: np.square(np.add(*_sin_cos_of_product(a, xf)))
    )


def _sin_near(p: FloatArray, e: FloatArray, k: FloatArray) -> FloatArray:
    """sin(a·x) for a·x = p + e exactly, |p| < 4e5, k the quarter turns of a·x + π/4.

    |e| ≤ ulp(p)/2 < 1e-10, so sin(a·x) is sin p + e·cos p to the last bit, and the factor cos p
    needs only a few correct digits: √(1 − sin²p) with the sign of cos(a·x), known from k
    (cos ≥ 0 for k mod 4 ∈ {0, 1}). Near a sign change |cos p| is tiny and so is the correction,
    so the sign there does not matter. One sine instead of a sine and a cosine.
    """
    sp = np.sin(p)
    cp = np.multiply(sp, sp)
    np.subtract(1.0, cp, out=cp)
    np.sqrt(cp, out=cp)
    half = np.multiply(k, 0.5)
    np.floor(half, out=half)
    sign = _is_odd(half).astype(np.float64)  # 1 where cos(a·x) < 0
    sign *= -2.0
    sign += 1.0
    cp *= sign  # an exact sign flip, no boolean indexing
    cp *= e
    sp += cp
    return sp


@flat_kernel
def _snake_pair(x: FloatArray, frequency: float) -> tuple[FloatArray, FloatArray]:
    """(snake(x), snake′(x)) sharing the exact product a·x when every |a·x| < 4e5."""
    xf = _finite_or_nan(x)
    near, p, e = _reducible_product(frequency, xf)
    if not near.all():
        return _snake(x, frequency), _snake_derivative(x, frequency)
    k = _quarter_turns(p)
    return _snake_value(x, _sin_near(p, e, k), frequency), _snake_slope(
        frequency, xf, near, p, e, k
    )


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


def _sinusoid_pair(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(sin x, cos x), cleaning the infinities out of x once for both."""
    xf = _finite_or_nan(x)
    return np.sin(xf), np.cos(xf)


register(
    Activation(
        key="sinusoid",
        name="Sinusoid",
        family=Family.PERIODIC,
        formula=Formula(latex=r"\sin x", text="sin(x)"),
        kernel=_sinusoid,
        derivative_kernel=_sinusoid_derivative,
        pair_kernel=_sinusoid_pair,
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


@flat_kernel
def _sinc(x: FloatArray) -> FloatArray:
    """sinc(x) = sin(x)/x (unnormalised), sinc(0) = 1; NumPy's np.sinc is sin(πx)/(πx)."""
    xf = _finite_or_nan(x)
    return _sinc_value(x, xf, np.sin(xf))


def _sinc_value(x: FloatArray, xf: FloatArray, s: FloatArray) -> FloatArray:
    # 0/0 at the origin and NaN from ±inf are patched afterwards: both are rare, so the masked
    # copies cost far less than np.where on every element.
    with np.errstate(invalid="ignore"):
        f = np.divide(s, xf)
    patch(f, xf == 0.0, 1.0)
    return patch(f, np.isinf(x), 0.0)  # sinc → 0 at ±inf


@flat_kernel
def _sinc_derivative(x: FloatArray) -> FloatArray:
    """sinc′(x) = (x cos x − sin x)/x² = cos(x)/x − sin(x)/x², tending to 0 at ±inf.

    Near 0 that cancels (it is ≈ −x/3), so for |x| < 1.5 the Taylor series is used. Beyond 1e150
    (x² overflows) the sin x/x² term is negligible. sinc′(0) = 0.
    """
    xf = _finite_or_nan(x)
    return _sinc_slope(x, xf, np.sin(xf), np.cos(xf))


def _sinc_slope(x: FloatArray, xf: FloatArray, s: FloatArray, c: FloatArray) -> FloatArray:
    # The direct quotient everywhere (cheap once sin and cos are known), then the series on the
    # index list of |x| < 1.5 and the huge-x form on the rare |x| > 1e150.
    with np.errstate(all="ignore"):
        d = np.multiply(xf, c)
        d -= s
        d /= np.multiply(xf, xf)
    a = np.abs(xf)
    idx = np.flatnonzero(a < _SINC_SERIES_LIMIT)  # NaN compares false: it keeps its NaN
    small = xf[idx]
    z = small * small
    series = np.full_like(z, _SINC_D_SERIES[-1])
    for coefficient in _SINC_D_SERIES[-2::-1]:
        series *= z
        series += coefficient
    series *= small
    d[idx] = series
    huge = a > 1e150
    patch(d, huge, lambda: np.divide(c, xf, where=huge, out=np.zeros_like(xf)))
    return patch(d, np.isinf(x), 0.0)  # sinc′ → 0 at ±inf


@flat_kernel
def _sinc_pair(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(sinc x, sinc′ x) sharing one sin and one cos."""
    xf = _finite_or_nan(x)
    s = np.sin(xf)
    return _sinc_value(x, xf, s), _sinc_slope(x, xf, s, np.cos(xf))


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
        pair_kernel=_sinc_pair,
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
    # Σ coefficients[i]·z^i (Horner), in place on one buffer.
    acc = np.full_like(z, coefficients[-1])
    for coefficient in coefficients[-2::-1]:
        acc *= z
        acc += coefficient
    return acc


@flat_kernel
def _gcu_derivative(x: FloatArray) -> FloatArray:
    """GCU′(x) = cos(x) − x·sin(x).

    Near its roots (x ≈ kπ + 1/(kπ)) both terms are ≈ ±1 and cancel, and even correctly rounded
    sin and cos leave an error of ~1e-16 there. So for |x| < 3e6 the argument is reduced exactly,
    x = kπ + r (r in double-double, Cody–Waite), and with sin r = r − T_s, cos r = 1 − T_c
    (T_s, T_c small Taylor tails), (−1)^k·GCU′ = (1 − x·r) − T_c + x·T_s − x·r_lo, where x·r is
    formed exactly and 1 − x·r is exact near a root.
    """
    return _gcu_slope(_finite_or_nan(x))


def _gcu_slope(xf: FloatArray) -> FloatArray:
    # The operations of the formula above in their order, written in place: a fresh temporary
    # per step would cost more than the arithmetic.
    moderate = np.abs(xf) < 3e6
    xm = xf if moderate.all() else xf * moderate  # xf is finite or NaN: the product is a blend
    k = np.divide(xm, np.pi)
    np.rint(k, out=k)
    t = np.multiply(k, -2.0 * _PIO2_1)
    s1, l1 = two_sum(xm, t)
    np.multiply(k, 2.0 * _PIO2_2, out=t)
    s1 -= t  # r0
    np.multiply(k, 2.0 * _PIO2_3, out=t)
    l1 -= t
    np.multiply(k, 2.0 * _PIO2_3T, out=t)
    l1 -= t
    r, rl = two_sum(s1, l1)
    z = np.multiply(r, r)
    t_s = _polynomial(z, _SIN_TAIL)
    np.multiply(r, z, out=t)
    t_s *= t  # r − sin r
    t_c = _polynomial(z, _COS_TAIL)
    t_c *= z
    np.multiply(r, rl, out=t)
    t_c += t  # 1 − cos(r + rl)
    p, e = two_prod(xm, r)
    reduced = np.subtract(1.0, p, out=p)
    reduced -= e
    reduced -= t_c
    t_s -= rl
    t_s *= xm
    reduced += t_s
    # (−1)^k as 1 − 2·|k − 2·rint(k/2)|: an exact sign flip, no np.where and no slow fmod.
    np.multiply(k, 0.5, out=t)
    np.rint(t, out=t)
    t *= 2.0
    np.subtract(k, t, out=t)
    np.abs(t, out=t)
    t *= -2.0
    t += 1.0
    reduced *= t
    return patch(reduced, ~moderate, lambda: np.cos(xf) - xf * np.sin(xf))


@flat_kernel
def _gcu_pair(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(x·cos x, cos x − x·sin x), cleaning the infinities out of x once for both."""
    xf = _finite_or_nan(x)
    return xf * np.cos(xf), _gcu_slope(xf)


register(
    Activation(
        key="gcu",
        name="Growing cosine unit",
        family=Family.PERIODIC,
        formula=Formula(latex=r"x\cos x", text="x · cos(x)"),
        kernel=_gcu,
        derivative_kernel=_gcu_derivative,
        pair_kernel=_gcu_pair,
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
