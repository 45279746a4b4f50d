"""Self-gated (smooth ReLU-like) and softplus-like activations.

Most of these are x·g(x) with a smooth gate g that goes from 0 to 1: GELU, SiLU/Swish, Mish, ...
Their textbook formulas fail in the left tail (x·eˣ underflows through the subnormals long before
the true value does, an argument rounding error of |x|·ε turns into |x| ulp after exp) and near
the interior zero of f′, where two terms cancel. The kernels below use float64 on the bulk of the
inputs, where the error is provably a few ulp, and redo the few inputs that need more (the left
tail and a window around the zero of f′) in 80-bit extended precision (``np.longdouble``), whose
wider exponent range also keeps the tail free of subnormal intermediates. Functions that are not
on the fast path are evaluated in extended precision throughout and rounded once.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import numpy as np
from scipy import special

from ..activation import (
    INF,
    Activation,
    Description,
    Family,
    FloatArray,
    Formula,
    Framework,
    ParamSpec,
    ParamValue,
    PropertyRules,
    Reference,
    Smoothness,
)
from ..registry import register
from ._numerics import two_prod

_LD = np.longdouble
_Pair = tuple[FloatArray, FloatArray]

# -- private helpers (candidates for _numerics.py) -----------------------------------------------

#: Where the silu-type derivative σ(y)(1 + y·σ(−y)) crosses zero: y₀ = −1 − W(1/e).
_SILU_Y0 = -1.2784645427610738
#: Its minimum value y₀·σ(y₀) = −(1 + y₀)... = y₀ + 1 rounded outward (a few ulp below the truth).
_SILU_MIN = -0.27846454276107384
_INV_SQRT_2PI = 0.3989422804014327
_SQRT1_2 = 0.7071067811865476


def _f64(a: np.ndarray) -> FloatArray:
    return np.asarray(a, dtype=np.float64)


def _patch(
    x: FloatArray,
    mask: np.ndarray,
    pair: tuple[np.ndarray, np.ndarray],
    exact: Callable[..., _Pair],
) -> _Pair:
    """Replace ``pair`` at ``mask`` by ``exact(x[mask])`` (in place; cheap when mask is sparse)."""
    f, df = pair
    if mask.any():
        fm, dm = exact(x[mask])
        f[mask] = fm
        df[mask] = dm
    return f, df


def _sigmoid_parts_ld(y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(e, r, σ(y)) in extended precision with e = e^{−|y|}, r = 1/(1 + e)."""
    e = np.exp(-np.abs(y))
    r = 1.0 / (1.0 + e)
    return e, r, np.where(y < 0.0, e * r, r)


# -- SiLU / Swish / QuickGELU ---------------------------------------------------------------------


def _swish_exact(x: FloatArray, beta: float) -> _Pair:
    """x·σ(βx) and its derivative in extended precision, rounded once (tail and zero of f′)."""
    xl = np.maximum(x, -1e300).astype(_LD)
    y = xl * _LD(beta)
    yc = np.minimum(y, 1e4)  # e is 0 beyond; keeps 0·∞ out of the derivative
    e, r, s = _sigmoid_parts_ld(yc)
    a = 1.0 + yc
    df = np.where(y < 0.0, e * (a + e), 1.0 + e * a) * (r * r)
    return _f64(xl * s), _f64(df)


def _swish_pair(x: FloatArray, beta: float = 1.0) -> _Pair:
    """(x·σ(βx), σ(βx)·(1 + βx·σ(−βx))).

    With y = βx and e = e^{−|y|}: f′ = e·((1 + y) + e)/(1 + e)² for y < 0 (1 + y is exact near the
    zero y₀ ≈ −1.2785, so the cancellation is honest) and (1 + e·(1 + y))/(1 + e)² otherwise.
    """
    if beta == 1.0:
        y = x
        e = np.exp(-np.abs(x))
    else:
        # e^{−|βx|} needs βx to ~1e-19 absolute: βx = p + q exactly (Dekker), e^{p+q} ≈ e^p(1 + q).
        xc = np.clip(x, -1e300, 1e300)
        y, q = two_prod(np.full_like(xc, beta), xc)
        e = np.exp(-np.abs(y))
        e *= 1.0 - np.where(y < 0.0, -q, q)
    r = 1.0 / (1.0 + e)
    neg = y < 0.0
    f = np.maximum(x, -1e300) * np.where(neg, e * r, r)  # −∞·0 would warn; tail patched below
    a = 1.0 + np.clip(y, -1e300, 800.0)  # e = 0 beyond, and 0·∞ would be NaN
    if beta != 1.0:
        a += q  # 1 + βx to the last bit: it cancels against e near the zero of f′
    df = np.where(neg, e * (a + e), 1.0 + e * a) * (r * r)
    # Extended precision where float64 is not enough: the subnormal tail (x·eˣ underflows early)
    # and near the zero of f′, where e's last-bit error is amplified by the cancellation.
    # The window: β = 1 needs only ±0.13 around y₀; otherwise the rounding of βx widens it.
    lo, hi = (-1.41, -1.15) if beta == 1.0 else (-1.6, -0.95)
    fix = (y < -700.0) | ((y > lo) & (y < hi))
    return _patch(x, fix, (f, df), lambda xs: _swish_exact(xs, beta))


def _silu(x: FloatArray) -> FloatArray:
    """silu(x) = x·σ(x)."""
    return _swish_pair(x)[0]


def _silu_derivative(x: FloatArray) -> FloatArray:
    """silu′(x) = σ(x)·(1 + x·σ(−x))."""
    return _swish_pair(x)[1]


def _silu_pair(x: FloatArray) -> _Pair:
    """(silu, silu′) sharing one exp."""
    return _swish_pair(x)


def _swish(x: FloatArray, beta: float) -> FloatArray:
    """swish(x) = x·σ(βx)."""
    return _swish_pair(x, beta)[0]


def _swish_derivative(x: FloatArray, beta: float) -> FloatArray:
    """swish′(x) = σ(βx)·(1 + βx·σ(−βx))."""
    return _swish_pair(x, beta)[1]


_QUICK_GELU_BETA = 1.702


def _quick_gelu_pair(x: FloatArray) -> _Pair:
    """(x·σ(1.702x), its derivative); 1.702 is the float64 constant of the CLIP code."""
    return _swish_pair(x, _QUICK_GELU_BETA)


def _quick_gelu(x: FloatArray) -> FloatArray:
    """quick_gelu(x) = x·σ(1.702x)."""
    return _quick_gelu_pair(x)[0]


def _quick_gelu_derivative(x: FloatArray) -> FloatArray:
    """quick_gelu′(x) = σ(1.702x)·(1 + 1.702x·σ(−1.702x))."""
    return _quick_gelu_pair(x)[1]


# -- GELU -----------------------------------------------------------------------------------------

#: Zero of GELU′ = Φ(x) + xφ(x), split in two floats, and the Taylor coefficients
#: GELU^{(k+1)}(x₀)/k! for k = 1 … 26 (from mpmath), used near x₀ where Φ + xφ cancels.
_GELU_X0 = -0.7517915246935645
_GELU_X0_LO = 1.4956759177009883e-17
_GELU_DERIV_TAYLOR = (
    0.4314939923140469,
    0.388284982990552,
    -0.018199676398671087,
    -0.1140082332972217,
    -0.014771522148244337,
    0.019421679838189067,
    0.004539228379125415,
    -0.002239538068073497,
    -0.0007448268386746817,
    0.00018633974623233514,
    8.615947861116571e-05,
    -1.121438018842664e-05,
    -7.74846130700372e-06,
    4.3284506257392273e-07,
    5.702764979242107e-07,
    -1.6044265494246427e-09,
    -3.5459866461783865e-08,
    -1.396942086426202e-09,
    1.90319840501314e-09,
    1.4506418938779426e-10,
    -8.950037692726255e-11,
    -9.950340824808053e-12,
    3.725967039270119e-12,
    5.482292964742324e-13,
    -1.3820118240601056e-13,
    -2.5871508475507507e-14,
)
_GELU_MIN = -0.16997120747990370
_GELU_TANH_MIN = -0.17004075057125408


def _gelu_exact_tail(x: FloatArray) -> _Pair:
    """GELU and GELU′ for x < −37, where e^{−x²/2} is subnormal in float64."""
    t = np.minimum(np.abs(x), 40.0)
    xl = -t.astype(_LD)
    big_e = np.exp(-0.5 * xl * xl)
    half_erfcx = _LD(0.5) * special.erfcx(t * _SQRT1_2).astype(_LD)
    return _f64(xl * half_erfcx * big_e), _f64(big_e * (half_erfcx + xl * _LD(_INV_SQRT_2PI)))


def _taylor_through_zero(
    x: FloatArray, x0: float, x0_lo: float, coeffs: tuple[float, ...]
) -> FloatArray:
    """f′ = h·Σ aₖh^{k−1}, h = x − x₀ (x₀ = x0 + x0_lo): relative accuracy through the zero x₀."""
    h = (x - x0) - x0_lo  # x − x0 is exact near x0 (Sterbenz)
    acc = np.full_like(h, coeffs[-1])
    for coeff in coeffs[-2::-1]:
        acc *= h
        acc += coeff
    return h * acc


def _gelu_none_pair(x: FloatArray) -> _Pair:
    """(x·Φ(x), Φ(x) + x·φ(x)) with Φ the standard normal CDF.

    For |x| < 1 Φ is ``ndtr``. Beyond, Φ(−|x|) = ½·erfcx(|x|/√2)·e^{−x²/2} with x² split exactly
    into s + ds, so e^{−x²/2} = e^{−s/2}(1 − ds/2) keeps full relative accuracy (``ndtr`` itself
    loses about x² ulp there: the issue's 0.5x(1 + erf(x/√2)) even returns −0 at x = −10).
    """
    t = np.abs(x)
    small = t < 1.0
    phi_cdf = np.empty_like(x)
    big_e = np.empty_like(x)
    xs = x[small]
    phi_cdf[small] = special.ndtr(xs)
    big_e[small] = np.exp(-0.5 * xs * xs)  # x² rounding costs < ½ ulp for |x| < 1
    big = ~small
    tb = np.minimum(t[big], 40.0)
    sq, dsq = two_prod(tb, tb)
    eb = np.exp(-0.5 * sq) * (1.0 - 0.5 * dsq)
    big_e[big] = eb
    c = 0.5 * special.erfcx(tb * _SQRT1_2) * eb
    phi_cdf[big] = np.where(x[big] < 0.0, c, 1.0 - c)
    f = np.maximum(x, -40.0) * phi_cdf  # −∞·0 would be NaN; f(−40) is already −0
    df = phi_cdf + np.clip(x, -40.0, 40.0) * big_e * _INV_SQRT_2PI
    window = (x > -1.352) & (x < -0.452)
    if window.any():
        df[window] = _taylor_through_zero(x[window], _GELU_X0, _GELU_X0_LO, _GELU_DERIV_TAYLOR)
    return _patch(x, x < -37.0, (f, df), _gelu_exact_tail)


_TANH_K = math.sqrt(2.0) * (2.0 / math.sqrt(math.pi)) * 0.5  # PyTorch's kBeta = √2·(2/√π)·½
_TANH_C = 0.044715  # PyTorch's kKappa


def _gelu_tanh_pair(x: FloatArray) -> _Pair:
    """PyTorch's tanh form and its backward formula, in extended precision.

    f = ½x(1 + tanh u), u = K(x + Cx³) with PyTorch's float64 constants K = √2·(2/√π)·½ and
    C = 0.044715; written as f = x·σ(2u) so the left tail 1 + tanh u = 2σ(2u) does not cancel.
    f′ = ½(1 + tanh u) + ½x(1 − tanh²u)·K(1 + 3Cx²) = σ(2u) + 2x·σ(2u)σ(−2u)·K(1 + 3Cx²).
    """
    xl = np.clip(x, -1e4, 1e4).astype(_LD)  # beyond ±1e4 σ(2u) is exactly 0 or 1
    k, c = _LD(_TANH_K), _LD(_TANH_C)
    x2 = xl * xl
    y = 2.0 * k * xl * (1.0 + c * x2)
    e, r, s = _sigmoid_parts_ld(y)
    df = s + 2.0 * k * xl * (1.0 + 3.0 * c * x2) * (e * r * r)
    f = np.where(np.abs(x) > 1e4, np.where(x > 0.0, x, -0.0), _f64(xl * s))
    return f, _f64(df)


def _gelu_pair(x: FloatArray, approximate: str = "none") -> _Pair:
    """(GELU(x), GELU′(x)) for either form."""
    return _gelu_tanh_pair(x) if approximate == "tanh" else _gelu_none_pair(x)


def _gelu(x: FloatArray, approximate: str = "none") -> FloatArray:
    """GELU(x) = x·Φ(x); with approximate="tanh" PyTorch's ½x(1 + tanh(√(2/π)(x + 0.044715x³)))."""
    return _gelu_pair(x, approximate)[0]


def _gelu_derivative(x: FloatArray, approximate: str = "none") -> FloatArray:
    """GELU′(x) = Φ(x) + x·φ(x) (or the derivative of the tanh form, as PyTorch's backward)."""
    return _gelu_pair(x, approximate)[1]


# -- Mish -----------------------------------------------------------------------------------------

_MISH_X0 = -1.1924312145154952
_MISH_MIN = -0.30884341301725045


def _mish_core(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mish and Mish′ in the dtype of ``x`` (float64 for the bulk, longdouble for fix-ups).

    With e = e^{−|x|}: tanh(softplus x) = n/(n + 2), n = e(e + 2), for x < 0, and
    (1 + 2e)/(1 + 2e + 2e²) for x ≥ 0 (no cancellation either side). Since
    1 − tanh²(softplus x) = 4(n + 1)/(n + 2)² and σ(x)(1 + eˣ)² = eˣ(1 + eˣ),
    f′ = t + 4x·e^{x}(1 + e^{x})/(n + 2)², written with e on each side.
    """
    e = np.exp(-np.abs(x))
    ee = e * e
    neg = x < 0.0
    num = np.where(neg, ee + 2.0 * e, 1.0 + 2.0 * e)
    den = num + np.where(neg, 2.0, 2.0 * ee)
    t = num / den
    xd = np.clip(x, -1e300, 800.0)  # e = 0 beyond; keeps ∞·0 out
    den2 = den * den
    # x < 0: f′ = e·(4(1 + x) + e·((6 + 4x) + e(4 + e)))/(n + 2)²; 1 + x and 6 + 4x are exact
    # where they matter, so the only cancellation left is the genuine one at the zero of f′.
    df_neg = e * (4.0 * (1.0 + xd) + e * ((6.0 + 4.0 * xd) + e * (4.0 + e))) / den2
    df = np.where(neg, df_neg, t + 4.0 * xd * ee * (1.0 + e) / den2)
    return np.maximum(x, -1e300) * t, df  # −∞·0 would warn; the tail is patched


def _mish_exact(x: FloatArray) -> _Pair:
    f, df = _mish_core(np.maximum(x, -1e4).astype(_LD))
    return _f64(f), _f64(df)


def _mish_pair(x: FloatArray) -> _Pair:
    """(x·tanh(softplus x), its derivative); extended precision in the tail and near f′ = 0."""
    f, df = _mish_core(x)
    fix = (x < -700.0) | ((x > -1.4) & (x < -1.0))
    return _patch(x, fix, (f, df), _mish_exact)


def _mish(x: FloatArray) -> FloatArray:
    """mish(x) = x·tanh(ln(1 + eˣ))."""
    return _mish_pair(x)[0]


def _mish_derivative(x: FloatArray) -> FloatArray:
    """mish′(x) = tanh(sp) + x·σ(x)·sech²(sp), sp = ln(1 + eˣ)."""
    return _mish_pair(x)[1]


# -- Softplus -------------------------------------------------------------------------------------


def _softplus_exact(x: FloatArray, beta: float) -> _Pair:
    """log(1 + e^{βx})/β and σ(βx) deep in the left tail, where e^{βx} is subnormal."""
    y = np.maximum(x, -1e300).astype(_LD) * _LD(beta)
    ey = np.exp(y)  # extended range: no subnormal rounding before the division by β
    return _f64(np.log1p(ey) / _LD(beta)), _f64(ey / (1.0 + ey))


def _softplus_pair(x: FloatArray, beta: float = 1.0, threshold: float = 20.0) -> _Pair:
    """(softplus, softplus′) as PyTorch defines them, threshold switch included.

    f = x where βx > threshold, else max(x, 0) + log1p(e^{−|βx|})/β; f′ = 1 there, else σ(βx).
    """
    if beta == 1.0:
        y = x
        e = np.exp(-np.abs(x))
    else:
        xc = np.clip(x, -1e300, 1e300)
        y, q = two_prod(np.full_like(xc, beta), xc)
        e = np.exp(-np.abs(y))
        e *= 1.0 - np.where(y < 0.0, -q, q)
    lp = np.log1p(e)
    if beta != 1.0:
        lp /= beta
    above = y > threshold  # PyTorch compares the rounded product x·β
    f = np.where(above, x, np.maximum(x, 0.0) + lp)
    r = 1.0 / (1.0 + e)
    df = np.where(above, 1.0, np.where(y < 0.0, e * r, r))
    return _patch(x, y < -700.0, (f, df), lambda xs: _softplus_exact(xs, beta))


def _softplus(x: FloatArray, beta: float = 1.0, threshold: float = 20.0) -> FloatArray:
    """softplus(x) = (1/β)·ln(1 + e^{βx}), and x itself where βx > threshold (PyTorch)."""
    return _softplus_pair(x, beta, threshold)[0]


def _softplus_derivative(x: FloatArray, beta: float = 1.0, threshold: float = 20.0) -> FloatArray:
    """softplus′(x) = σ(βx), and 1 where βx > threshold (PyTorch's backward)."""
    return _softplus_pair(x, beta, threshold)[1]


# -- Squareplus -----------------------------------------------------------------------------------


def _squareplus_pair(x: FloatArray, b: float = 4.0) -> _Pair:
    """((x + √(x² + b))/2, (1 + x/√(x² + b))/2) without cancellation for x < 0.

    For x < 0: f = b/(2(r + |x|)) and f′ = b/(2r(r + |x|)) with r = √(x² + b).
    """
    ax = np.abs(x)
    xs = np.clip(x, -1e150, 1e150)
    rs = np.sqrt(xs * xs + b)
    r = np.where(ax > 1e150, ax, rs)  # √(x² + b) = |x| to the last bit out there
    half_sum = 0.5 * r + 0.5 * ax  # halves first: r + |x| overflows near 1.8e308
    neg = x < 0.0
    f = np.where(neg, 0.25 * b / half_sum, half_sum)
    df = np.where(neg, (0.25 * b / r) / half_sum, 0.5 + 0.5 * (xs / rs))
    return f, df


def _squareplus(x: FloatArray, b: float = 4.0) -> FloatArray:
    """squareplus(x) = (x + √(x² + b))/2."""
    return _squareplus_pair(x, b)[0]


def _squareplus_derivative(x: FloatArray, b: float = 4.0) -> FloatArray:
    """squareplus′(x) = (1 + x/√(x² + b))/2."""
    return _squareplus_pair(x, b)[1]


# -- SmeLU ----------------------------------------------------------------------------------------


def _smelu(x: FloatArray, beta: float = 2.0) -> FloatArray:
    """smelu(x) = 0 for x ≤ −β, (x + β)²/(4β) for |x| ≤ β, x for x ≥ β."""
    xm = np.clip(x, -beta, beta)
    return np.where(x >= beta, x, (xm + beta) * (xm + beta) / (4.0 * beta))


def _smelu_derivative(x: FloatArray, beta: float = 2.0) -> FloatArray:
    """smelu′(x) = 0 for x ≤ −β, (x + β)/(2β) for |x| ≤ β, 1 for x ≥ β (continuous: no kink)."""
    xm = np.clip(x, -beta, beta)
    return np.where(x >= beta, 1.0, (xm + beta) / (2.0 * beta))


# -- ELiSH, TanhExp, Serf, Logish (extended precision throughout) --------------------------------

_ELISH_X0 = -0.881373587019543  # ln(√2 − 1) = −asinh(1)
_ELISH_MIN = -0.17157287525380993  # 2√2 − 3, rounded outward


def _elish_pair(x: FloatArray) -> _Pair:
    """(ELiSH, ELiSH′): x·σ(x) for x ≥ 0 and (eˣ − 1)·σ(x) for x < 0.

    For x < 0 with e = eˣ: f′ = eˣσ(x) + (eˣ − 1)σ(x)σ(−x) = e(e² + 2e − 1)/(1 + e)²; for x ≥ 0
    it is SiLU′. Both sides give ½ at 0, so ELiSH is C¹ (f″ jumps from 1 to ½ there).
    """
    xa = np.clip(x, -1e4, 1e4).astype(_LD)
    e = np.exp(-np.abs(xa))
    r = 1.0 / (1.0 + e)
    neg = xa < 0.0
    f_neg = np.expm1(xa) * e * r
    f_pos = np.maximum(x, -1.0).astype(_LD) * r  # x itself (±∞ kept) on the right
    df = np.where(neg, e * (e * (e + 2.0) - 1.0), 1.0 + e * (1.0 + xa)) * (r * r)
    return _f64(np.where(neg, f_neg, f_pos)), _f64(df)


def _elish(x: FloatArray) -> FloatArray:
    """elish(x) = x·σ(x) for x ≥ 0, (eˣ − 1)·σ(x) for x < 0."""
    return _elish_pair(x)[0]


def _elish_derivative(x: FloatArray) -> FloatArray:
    """elish′(x) = σ(x)(1 + xσ(−x)) for x ≥ 0, eˣ(e^{2x} + 2eˣ − 1)/(1 + eˣ)² for x < 0."""
    return _elish_pair(x)[1]


_TANH_EXP_X0 = -1.0788600584646240
_TANH_EXP_MIN = -0.35328577784821131


def _tanh_exp_pair(x: FloatArray) -> _Pair:
    """(x·tanh(eˣ), tanh(eˣ) + x·eˣ·sech²(eˣ)), sech² u = 4e^{−2u}/(1 + e^{−2u})²."""
    xa = np.clip(x, -1e4, 50.0).astype(_LD)  # tanh(e⁵⁰) = 1 and sech²(e⁵⁰) = 0 exactly
    u = np.exp(xa)
    th = np.tanh(u)
    w = np.exp(-2.0 * u)
    sech2 = 4.0 * w / ((1.0 + w) * (1.0 + w))
    f = np.where(x > 50.0, x, _f64(np.maximum(x, -1e4).astype(_LD) * th))
    return f, _f64(th + xa * u * sech2)


def _tanh_exp(x: FloatArray) -> FloatArray:
    """tanh_exp(x) = x·tanh(eˣ)."""
    return _tanh_exp_pair(x)[0]


def _tanh_exp_derivative(x: FloatArray) -> FloatArray:
    """tanh_exp′(x) = tanh(eˣ) + x·eˣ·sech²(eˣ)."""
    return _tanh_exp_pair(x)[1]


_TWO_OVER_SQRT_PI = 1.1283791670955126
_SERF_X0 = -1.193059968928188
_SERF_X0_LO = 3.096701676302884e-17
#: Serf^{(k+1)}(x₀)/k! for k = 1 … 38 (from mpmath): f′ near its zero without cancellation.
_SERF_DERIV_TAYLOR = (
    0.30150488936299114,
    0.23161220121136644,
    0.04754569104272783,
    -0.02333420603137727,
    -0.018713084036873454,
    -0.0045245316310397665,
    0.0008716960652536173,
    0.0010481488697435962,
    0.0003321028840029553,
    -1.201569744729671e-06,
    -4.460454909427938e-05,
    -1.8353874297258704e-05,
    -1.8900340116276782e-06,
    1.4864871567878862e-06,
    8.121718667121073e-07,
    1.419464800354989e-07,
    -3.850673461878466e-08,
    -3.041607803377354e-08,
    -7.068861505124413e-09,
    6.969587341059505e-10,
    1.004636539650687e-09,
    2.860803471777679e-10,
    -2.8520369716160085e-12,
    -3.020752300534334e-11,
    -1.0143670951875454e-11,
    -4.517298399898492e-13,
    8.486152036719923e-13,
    3.2814346078010706e-13,
    2.6556592586712844e-14,
    -2.278613393260265e-14,
    -9.938670354505302e-15,
    -1.0499452002257338e-15,
    5.969114773815234e-16,
    2.86905140947324e-16,
    3.48726946278395e-17,
    -1.5532972655845213e-17,
    -7.993754279949463e-18,
    -1.0394491064798137e-18,
)
_SERF_MIN = -0.34843745875960647


def _serf_tail(x: FloatArray) -> _Pair:
    """Serf for x < −20, where sp = ln(1 + eˣ) < 3e-9 and erf(sp) = (2/√π)(sp − sp³/3 + …)."""
    xl = np.maximum(x, -1e4).astype(_LD)
    ex = np.exp(xl)
    sp = np.log1p(ex)
    erf_sp = _LD(_TWO_OVER_SQRT_PI) * sp * (1.0 - sp * sp / 3.0)
    gauss = _LD(_TWO_OVER_SQRT_PI) * np.exp(-sp * sp)
    return _f64(xl * erf_sp), _f64(erf_sp + xl * gauss * ex / (1.0 + ex))


def _serf_pair(x: FloatArray) -> _Pair:
    """(x·erf(sp), erf(sp) + x·(2/√π)e^{−sp²}·σ(x)) with sp = ln(1 + eˣ) computed stably."""
    e = np.exp(-np.abs(x))
    sp = np.maximum(x, 0.0) + np.log1p(e)
    erf_sp = special.erf(sp)
    r = 1.0 / (1.0 + e)
    sig = np.where(x < 0.0, e * r, r)
    spc = np.minimum(sp, 40.0)  # e^{−1600} is 0; avoids sp² overflow
    xd = np.clip(x, -1e4, 1e4)
    df = erf_sp + xd * _TWO_OVER_SQRT_PI * np.exp(-spc * spc) * sig
    f = np.maximum(x, -1e300) * erf_sp  # −∞·0 would warn; the tail is patched
    window = (x > -2.113) & (x < -0.5)  # erf(sp) + x·(…) cancels around the zero of f′
    if window.any():
        df[window] = _taylor_through_zero(x[window], _SERF_X0, _SERF_X0_LO, _SERF_DERIV_TAYLOR)
    return _patch(x, x < -20.0, (f, df), _serf_tail)


def _serf(x: FloatArray) -> FloatArray:
    """serf(x) = x·erf(ln(1 + eˣ))."""
    return _serf_pair(x)[0]


def _serf_derivative(x: FloatArray) -> FloatArray:
    """serf′(x) = erf(sp) + x·(2/√π)·e^{−sp²}·σ(x), sp = ln(1 + eˣ)."""
    return _serf_pair(x)[1]


_LOGISH_X0 = -1.3724541370256921
_LOGISH_MIN = -0.25276881678944040


def _logish_pair(x: FloatArray) -> _Pair:
    """(x·ln(1 + σ(x)), ln(1 + σ(x)) + x·σ(x)σ(−x)/(1 + σ(x))), in extended precision."""
    xa = np.clip(x, -1e4, 1e4).astype(_LD)
    e, r, s = _sigmoid_parts_ld(xa)
    lg = np.log1p(s)
    f = np.where(x > 1e4, x * math.log(2.0), _f64(xa * lg))  # x < −1e4 rounds to −0
    return f, _f64(lg + xa * (e * r * r) / (1.0 + s))


def _logish(x: FloatArray) -> FloatArray:
    """logish(x) = x·ln(1 + σ(x))."""
    return _logish_pair(x)[0]


def _logish_derivative(x: FloatArray) -> FloatArray:
    """logish′(x) = ln(1 + σ(x)) + x·σ′(x)/(1 + σ(x))."""
    return _logish_pair(x)[1]


# -- registrations --------------------------------------------------------------------------------


def _const(value: float) -> Callable[[Mapping[str, ParamValue]], tuple[float, ...]]:
    return lambda p: (value,)


_GATED_RULES = {"monotonic": False, "saturating": True}

register(
    Activation(
        key="gelu",
        name="GELU",
        family=Family.GATED,
        formula=Formula(
            latex=r"x\,\Phi(x) = \frac{x}{2}\left(1 + \mathrm{erf}\left(\frac{x}{\sqrt{2}}\right)"
            r"\right)",
            text="x·Φ(x) = x/2·(1 + erf(x/√2)); tanh form: x/2·(1 + tanh(√(2/π)(x + 0.044715x³)))",
        ),
        kernel=_gelu,
        derivative_kernel=_gelu_derivative,
        pair_kernel=_gelu_pair,
        params=(
            ParamSpec(
                "approximate",
                "none",
                choices=("none", "tanh"),
                description="'none': exact x·Φ(x); 'tanh': the tanh approximation",
            ),
        ),
        rules=PropertyRules(
            output_range=lambda p: (
                _GELU_TANH_MIN if p["approximate"] == "tanh" else _GELU_MIN,
                INF,
            ),
            **_GATED_RULES,
        ),
        presets={
            Framework.PYTORCH: {"approximate": "none"},
            Framework.KERAS: {"approximate": "none"},
            Framework.JAX: {"approximate": "tanh"},
        },
        description=Description(
            summary="Weights each input by the probability that a standard normal variable lies "
            "below it, x·Φ(x): a smooth ReLU with a small negative dip (minimum ≈ −0.17 at "
            "x ≈ −0.75).",
            strengths=(
                "Smooth everywhere, with non-zero gradient for moderately negative inputs",
                "The standard choice in Transformers (BERT, GPT-2, ViT)",
            ),
            weaknesses=(
                "Costs an erf (or a tanh) per unit, several times a ReLU",
                "Not monotonic, and the output is not zero-centred",
                "Frameworks disagree on the default form: PyTorch and Keras exact, JAX tanh",
            ),
            usage="Feed-forward blocks of Transformers; hidden layers where a smooth ReLU helps.",
            reference=Reference(
                "D. Hendrycks, K. Gimpel", 2016, "Gaussian Error Linear Units (GELUs)", "arXiv"
            ),
        ),
    )
)

register(
    Activation(
        key="silu",
        name="SiLU",
        family=Family.GATED,
        formula=Formula(latex=r"x\,\sigma(x) = \frac{x}{1 + e^{-x}}", text="x·σ(x) = x/(1 + e^−x)"),
        kernel=_silu,
        derivative_kernel=_silu_derivative,
        pair_kernel=_silu_pair,
        rules=PropertyRules(output_range=(_SILU_MIN, INF), **_GATED_RULES),
        description=Description(
            summary="The input gated by its own sigmoid, x·σ(x). Keras and JAX call it swish; "
            "here swish is the version with a slope β inside the sigmoid (equal to SiLU at β = 1).",
            strengths=(
                "Smooth and non-monotonic: small negative inputs keep a gradient",
                "Often a little more accurate than ReLU in deep CNNs (EfficientNet) and LLM "
                "feed-forward layers (as the gate of SwiGLU)",
            ),
            weaknesses=(
                "Needs an exponential per unit",
                "Not zero-centred; minimum ≈ −0.278 at x ≈ −1.278",
            ),
            usage="Hidden layers of CNNs (EfficientNet, MobileNetV3's smooth counterpart) and "
            "gated feed-forward blocks.",
            reference=Reference(
                "S. Elfwing, E. Uchibe, K. Doya",
                2018,
                "Sigmoid-Weighted Linear Units for Neural Network Function Approximation in "
                "Reinforcement Learning",
                "Neural Networks",
            ),
        ),
    )
)

register(
    Activation(
        key="swish",
        name="Swish",
        family=Family.GATED,
        formula=Formula(
            latex=r"x\,\sigma(\beta x) = \frac{x}{1 + e^{-\beta x}}", text="x·σ(βx) = x/(1 + e^−βx)"
        ),
        kernel=_swish,
        derivative_kernel=_swish_derivative,
        pair_kernel=_swish_pair,
        params=(
            ParamSpec(
                "beta",
                1.0,
                0.1,
                10.0,
                description="slope of the gate: β → 0 gives x/2, β → ∞ gives ReLU",
                log_scale=True,
            ),
        ),
        rules=PropertyRules(output_range=lambda p: (_SILU_MIN / p["beta"], INF), **_GATED_RULES),
        description=Description(
            summary="x·σ(βx), found by an automated search over activation formulas. With β = 1 "
            "it is SiLU; β interpolates between the linear x/2 and ReLU.",
            strengths=(
                "β can be learned per channel, letting the network choose how ReLU-like to be",
                "Smooth, non-monotonic, unbounded above",
            ),
            weaknesses=(
                "An exponential per unit; a learned β adds parameters",
                "Not zero-centred",
            ),
            usage="As SiLU; Keras' and JAX's swish is this with β = 1.",
            reference=Reference(
                "P. Ramachandran, B. Zoph, Q. V. Le",
                2017,
                "Searching for Activation Functions",
                "arXiv",
            ),
        ),
    )
)

register(
    Activation(
        key="quick_gelu",
        name="QuickGELU",
        family=Family.GATED,
        formula=Formula(latex=r"x\,\sigma(1.702\,x)", text="x·σ(1.702x)"),
        kernel=_quick_gelu,
        derivative_kernel=_quick_gelu_derivative,
        pair_kernel=_quick_gelu_pair,
        rules=PropertyRules(output_range=(_SILU_MIN / _QUICK_GELU_BETA, INF), **_GATED_RULES),
        description=Description(
            summary="The sigmoid approximation of GELU, x·σ(1.702x), proposed with GELU and made "
            "popular by OpenAI's CLIP. It is Swish with β = 1.702 and differs from GELU by less "
            "than 0.02.",
            strengths=(
                "Cheaper than the exact GELU: one exponential",
                "Needed to reproduce CLIP-family checkpoints exactly",
            ),
            weaknesses=(
                "Only approximates GELU; swapping the two in a trained model shifts its outputs",
                "Not zero-centred",
            ),
            usage="Transformers of the CLIP family (text and image towers).",
            reference=Reference(
                "A. Radford, J. W. Kim, C. Hallacy, et al.",
                2021,
                "Learning Transferable Visual Models From Natural Language Supervision",
                "ICML",
            ),
        ),
    )
)

register(
    Activation(
        key="mish",
        name="Mish",
        family=Family.GATED,
        formula=Formula(
            latex=r"x\,\tanh(\ln(1 + e^{x}))", text="x·tanh(softplus(x)) = x·tanh(ln(1 + eˣ))"
        ),
        kernel=_mish,
        derivative_kernel=_mish_derivative,
        pair_kernel=_mish_pair,
        rules=PropertyRules(output_range=(_MISH_MIN, INF), **_GATED_RULES),
        description=Description(
            summary="The input gated by tanh of its softplus: close to SiLU, with a slightly "
            "deeper negative dip (minimum ≈ −0.309 at x ≈ −1.19).",
            strengths=(
                "Smooth and non-monotonic; keeps small gradients for negative inputs",
                "Reported gains over ReLU and Swish in object detection (YOLOv4)",
            ),
            weaknesses=(
                "Costs an exp, a log and a tanh per unit (or an equivalent rational form)",
                "Not zero-centred",
            ),
            usage="Backbones of detection networks (YOLOv4, CSPDarknet) and other CNNs.",
            reference=Reference(
                "D. Misra",
                2019,
                "Mish: A Self Regularized Non-Monotonic Activation Function",
                "arXiv (BMVC 2020)",
            ),
        ),
    )
)

register(
    Activation(
        key="softplus",
        name="Softplus",
        family=Family.GATED,
        formula=Formula(
            latex=r"\begin{cases} \frac{1}{\beta}\ln(1 + e^{\beta x}) & \beta x \le t \\ "
            r"x & \beta x > t \end{cases}",
            text="ln(1 + e^(βx))/β, or x where βx > threshold (PyTorch's switch)",
        ),
        kernel=_softplus,
        derivative_kernel=_softplus_derivative,
        pair_kernel=_softplus_pair,
        params=(
            ParamSpec(
                "beta",
                1.0,
                0.01,
                100.0,
                description="sharpness: large β approaches ReLU, small β a wide soft corner",
                log_scale=True,
            ),
            ParamSpec(
                "threshold",
                20.0,
                1.0,
                100.0,
                description="above βx = threshold the output is x itself (PyTorch's shortcut)",
            ),
        ),
        rules=PropertyRules(
            output_range=(0.0, INF),
            # PyTorch's switch to x drops the output by e^{−threshold}/β (2e-9 at the defaults),
            # so its softplus is strictly neither continuous nor monotonic there.
            monotonic=False,
            smoothness=Smoothness.DISCONTINUOUS,
            saturating=True,
        ),
        breakpoints=lambda p: (float(p["threshold"]) / float(p["beta"]),),
        discontinuities=lambda p: (float(p["threshold"]) / float(p["beta"]),),
        presets={
            Framework.PYTORCH: {"beta": 1.0, "threshold": 20.0},
            # Keras and JAX have no switch; at threshold ≥ 37 it changes no float64 output.
            Framework.KERAS: {"beta": 1.0, "threshold": 100.0},
            Framework.JAX: {"beta": 1.0, "threshold": 100.0},
        },
        description=Description(
            summary="A smooth ReLU, ln(1 + eˣ): the integral of the sigmoid, always positive. "
            "PyTorch returns x itself once βx exceeds the threshold (a jump of e^−20 ≈ 2e-9 at "
            "the defaults); Keras and JAX have no such switch.",
            strengths=(
                "Smooth, strictly positive output: useful for scales, rates and variances",
                "Its derivative is the logistic sigmoid, never exactly zero",
            ),
            weaknesses=(
                "Slower than ReLU (exp and log) and not sparse",
                "Gradient vanishes for very negative inputs; output not zero-centred",
            ),
            usage="Output layers that must be positive (standard deviations, Poisson rates); "
            "occasionally hidden layers.",
            reference=Reference(
                "C. Dugas, Y. Bengio, F. Bélisle, C. Nadeau, R. Garcia",
                2001,
                "Incorporating Second-Order Functional Knowledge for Better Option Pricing",
                "NeurIPS",
            ),
        ),
    )
)

register(
    Activation(
        key="squareplus",
        name="Squareplus",
        family=Family.GATED,
        formula=Formula(latex=r"\frac{x + \sqrt{x^2 + b}}{2}", text="(x + √(x² + b))/2"),
        kernel=_squareplus,
        derivative_kernel=_squareplus_derivative,
        pair_kernel=_squareplus_pair,
        params=(
            ParamSpec(
                "b",
                4.0,
                0.01,
                100.0,
                description="width of the curved region; b → 0 gives ReLU",
                log_scale=True,
            ),
        ),
        rules=PropertyRules(output_range=(0.0, INF), saturating=True),
        presets={Framework.KERAS: {"b": 4.0}, Framework.JAX: {"b": 4.0}},
        description=Description(
            summary="An algebraic softplus: only a square root, no exp or log. Positive, smooth "
            "and monotonic, reaching ReLU as b → 0.",
            strengths=(
                "Cheaper than softplus on hardware where exp and log are slow",
                "Smooth, strictly positive, monotonic",
            ),
            weaknesses=(
                "Approaches 0 only like b/(4|x|) on the left, slower than softplus",
                "Not zero-centred and not sparse",
            ),
            usage="Where softplus would be used but exp/log are costly.",
            reference=Reference(
                "J. T. Barron", 2021, "Squareplus: A Softplus-Like Algebraic Rectifier", "arXiv"
            ),
        ),
    )
)

register(
    Activation(
        key="smelu",
        name="SmeLU",
        family=Family.GATED,
        formula=Formula(
            latex=r"\begin{cases} 0 & x \le -\beta \\ \frac{(x + \beta)^2}{4\beta} & |x| \le \beta"
            r" \\ x & x \ge \beta \end{cases}",
            text="0 for x ≤ −β; (x + β)²/(4β) for |x| ≤ β; x for x ≥ β",
        ),
        kernel=_smelu,
        derivative_kernel=_smelu_derivative,
        params=(
            ParamSpec(
                "beta",
                2.0,
                0.01,
                10.0,
                description="half-width of the quadratic joint between 0 and x",
                log_scale=True,
            ),
        ),
        rules=PropertyRules(
            output_range=(0.0, INF), smoothness=Smoothness.C1, saturating=True, sparse=True
        ),
        breakpoints=lambda p: (-float(p["beta"]), float(p["beta"])),
        description=Description(
            summary="Smooth ReLU: a ReLU whose corner is replaced by a parabola of half-width β, "
            "so the gradient ramps from 0 to 1 instead of jumping.",
            strengths=(
                "As cheap as a ReLU (no transcendental functions) yet continuously differentiable",
                "Keeps exact zeros (sparsity) left of −β",
                "Proposed to make training runs more reproducible than with ReLU",
            ),
            weaknesses=(
                "Units left of −β still get zero gradient (can die like ReLU units)",
                "Only C¹: the second derivative jumps at ±β",
            ),
            usage="Large recommendation and ranking models where run-to-run reproducibility "
            "matters; a drop-in for ReLU.",
            reference=Reference(
                "G. I. Shamir, D. Lin, L. Coviello",
                2020,
                "Smooth Activations and Reproducibility in Deep Networks",
                "arXiv",
            ),
        ),
    )
)

register(
    Activation(
        key="elish",
        name="ELiSH",
        family=Family.GATED,
        formula=Formula(
            latex=r"\begin{cases} x\,\sigma(x) & x \ge 0 \\ (e^{x} - 1)\,\sigma(x) & x < 0 "
            r"\end{cases}",
            text="x·σ(x) for x ≥ 0; (eˣ − 1)·σ(x) for x < 0",
        ),
        kernel=_elish,
        derivative_kernel=_elish_derivative,
        pair_kernel=_elish_pair,
        rules=PropertyRules(
            output_range=(_ELISH_MIN, INF), smoothness=Smoothness.C1, **_GATED_RULES
        ),
        breakpoints=_const(0.0),
        description=Description(
            summary="Exponential Linear Sigmoid SquasHing: SiLU on the right, an ELU gated by "
            "the sigmoid on the left. Minimum 2√2 − 3 ≈ −0.172 at x = −asinh(1).",
            strengths=(
                "Combines the ELU's negative values with the SiLU's smooth positive side",
                "Non-monotonic, gradient does not vanish for moderate negative inputs",
            ),
            weaknesses=(
                "Two exponentials per unit",
                "Only C¹ at 0; rarely used beyond the paper that proposed it",
            ),
            usage="Hidden layers of image classifiers in its original study.",
            reference=Reference(
                "M. Basirat, P. M. Roth",
                2018,
                "The Quest for the Golden Activation Function",
                "arXiv",
            ),
        ),
    )
)

register(
    Activation(
        key="tanh_exp",
        name="TanhExp",
        family=Family.GATED,
        formula=Formula(latex=r"x\,\tanh(e^{x})", text="x·tanh(eˣ)"),
        kernel=_tanh_exp,
        derivative_kernel=_tanh_exp_derivative,
        pair_kernel=_tanh_exp_pair,
        rules=PropertyRules(output_range=(_TANH_EXP_MIN, INF), **_GATED_RULES),
        description=Description(
            summary="x·tanh(eˣ): close to the identity for positive inputs (the gate reaches 1 "
            "fast), with a SiLU-like dip (minimum ≈ −0.353 at x ≈ −1.08).",
            strengths=(
                "Gradient near 1 for positive inputs, so it trains quickly",
                "Designed for lightweight (mobile) networks",
            ),
            weaknesses=(
                "An exp and a tanh per unit",
                "Not zero-centred; little used outside its paper",
            ),
            usage="Hidden layers of small CNNs.",
            reference=Reference(
                "X. Liu, X. Di",
                2021,
                "TanhExp: A Smooth Activation Function with High Convergence Speed for "
                "Lightweight Neural Networks",
                "IET Computer Vision",
            ),
        ),
    )
)

register(
    Activation(
        key="serf",
        name="Serf",
        family=Family.GATED,
        formula=Formula(latex=r"x\,\mathrm{erf}(\ln(1 + e^{x}))", text="x·erf(ln(1 + eˣ))"),
        kernel=_serf,
        derivative_kernel=_serf_derivative,
        pair_kernel=_serf_pair,
        rules=PropertyRules(output_range=(_SERF_MIN, INF), **_GATED_RULES),
        description=Description(
            summary="log-Softplus ERror activation: x gated by erf of its softplus, a Mish "
            "relative with erf in place of tanh (minimum ≈ −0.348 at x ≈ −1.19).",
            strengths=(
                "Smooth, non-monotonic, self-regularising like Mish",
                "Reported small gains over Mish and GELU on image and graph tasks",
            ),
            weaknesses=(
                "An exp, a log and an erf per unit",
                "Not zero-centred; little adopted",
            ),
            usage="Hidden layers, as a drop-in for Mish or Swish.",
            reference=Reference(
                "S. Nag, M. Bhattacharyya",
                2021,
                "SERF: Towards Better Training of Deep Neural Networks Using Log-Softplus ERror "
                "Activation Function",
                "arXiv (WACV 2023)",
            ),
        ),
    )
)

register(
    Activation(
        key="logish",
        name="Logish",
        family=Family.GATED,
        formula=Formula(latex=r"x\,\ln(1 + \sigma(x))", text="x·ln(1 + σ(x))"),
        kernel=_logish,
        derivative_kernel=_logish_derivative,
        pair_kernel=_logish_pair,
        rules=PropertyRules(output_range=(_LOGISH_MIN, INF), **_GATED_RULES),
        description=Description(
            summary="x gated by ln(1 + σ(x)), which rises from 0 to ln 2: for large x the output "
            "is ≈ 0.69x, not x (minimum ≈ −0.253 at x ≈ −1.37).",
            strengths=(
                "Smooth and non-monotonic with a bounded negative part",
                "The reduced positive slope damps large activations",
            ),
            weaknesses=(
                "Slope ln 2 on the right, so it is not a drop-in for ReLU without rescaling",
                "A sigmoid and a log per unit; not zero-centred",
            ),
            usage="Hidden layers of CNNs in the original study.",
            reference=Reference(
                "H. Zhu, H. Zeng, J. Liu, X. Zhang",
                2021,
                "Logish: A New Nonlinear Nonmonotonic Activation Function for Convolutional "
                "Neural Network",
                "Neurocomputing",
            ),
        ),
    )
)
