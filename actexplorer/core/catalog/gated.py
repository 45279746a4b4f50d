"""Self-gated (smooth ReLU-like) and softplus-like activations.

Most of these are x·g(x) with a smooth gate g that goes from 0 to 1: GELU, SiLU/Swish, Mish, ...
Their textbook formulas fail in the left tail (x·eˣ underflows through the subnormals long before
the true value does, an argument rounding error of |x|·ε turns into |x| ulp after exp) and near
the interior zero of f′, where two terms cancel.

The kernels run in two stages. A float64 pass over cache-sized blocks evaluates, branch-free
(sign-dependent formulas are picked by multiplying with exact 0/1 or e/1 factors, since a
data-dependent select costs as much as an exp on random signs), formulas that are provably within
a few ulp on the bulk of the inputs (GELU's Φ uses its own piecewise polynomial where scipy's
erfcx is not accurate enough). The few inputs that need more are then redone together: a window
around the zero of f′ by a Taylor series in x − x₀, which has no cancellation; inputs where the
rounding of βx matters by adding back its exact error; and the far left tail, or a stretch where
the float64 formula cancels, in 80-bit extended precision (``np.longdouble``), whose wider
exponent range also keeps the tail free of subnormals.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from fractions import Fraction
from types import ModuleType

import numpy as np

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


@functools.cache
def _special() -> ModuleType:
    """scipy.special, imported on first use: it costs ~0.25 s, and the window's first paint
    (ReLU unless told otherwise) needs none of it."""
    import scipy.special

    module: ModuleType = scipy.special
    return module


_LD = np.longdouble
_SPLITTER = 134217729.0  # 2**27 + 1, Veltkamp's constant for float64
_Pair = tuple[FloatArray, FloatArray]

# -- private helpers (candidates for _numerics.py) -----------------------------------------------

#: The silu-type derivative σ(y)(1 + y·σ(−y)) crosses zero at y₀ = −1 − W(1/e) (_Y0_HI below).
#: Its minimum value y₀·σ(y₀) = −(1 + y₀)... = y₀ + 1 rounded outward (a few ulp below the truth).
_SILU_MIN = -0.27846454276107384
_INV_SQRT_2PI = 0.3989422804014327
_SQRT1_2 = 0.7071067811865476


def _f64(a: np.ndarray) -> FloatArray:
    return np.asarray(a, dtype=np.float64)


#: Elements per block: the temporaries of one block stay in the CPU cache, so a kernel of 20
#: arithmetic passes costs about as much as 10 passes over arrays in main memory.
_BLOCK = 32768


_Finish = Callable[[FloatArray, FloatArray, FloatArray, np.ndarray], None]


def _blockwise(
    x: FloatArray,
    body: Callable[..., np.ndarray | None],
    n_scratch: int,
    finish: _Finish | None = None,
) -> _Pair:
    """(f, f′) from ``body(xs, f, df, *scratch)`` run over cache-sized blocks of ``x``.

    The body writes ``f`` and ``df`` for its block with ``out=`` arithmetic on reused scratch
    arrays (allocating fresh block-sized temporaries costs more than the arithmetic) and returns
    the positions, within its block, of inputs that need a slower path (or None). Those are
    gathered over all blocks and handed to ``finish(x, f, df, positions)`` once, so the slow
    paths pay their per-call cost once, not per block. Floating-point flags are silenced: bodies
    evaluate branch-free formulas on every input, and the inputs where an intermediate overflowed
    or was invalid are among those the finish overwrites.
    """
    flat = x.reshape(-1)
    n = flat.size
    f = np.empty(n)
    df = np.empty(n)
    scratch = [np.empty(min(n, _BLOCK)) for _ in range(n_scratch)]
    picked = []
    with np.errstate(all="ignore"):
        for start in range(0, n, _BLOCK):
            stop = min(start + _BLOCK, n)
            size = stop - start
            idx = body(
                flat[start:stop], f[start:stop], df[start:stop], *(s[:size] for s in scratch)
            )
            if idx is not None and idx.size:
                picked.append(idx + start if start else idx)
        if picked and finish is not None:
            finish(flat, f, df, np.concatenate(picked))
    return f.reshape(x.shape), df.reshape(x.shape)


def _sigmoid_parts_ld(y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(e, r, σ(y)) in extended precision with e = e^{−|y|}, r = 1/(1 + e)."""
    e = np.exp(-np.abs(y))
    r = 1.0 / (1.0 + e)
    return e, r, np.where(y < 0.0, e * r, r)


def _sign_selectors(y: FloatArray, k: FloatArray, m: FloatArray, e: FloatArray) -> None:
    """k = e for y < 0 and 1 for y ≥ 0; m = 1 for y < 0 and e for y ≥ 0 (NaN for NaN y).

    Multiplying by 1 is exact, so formulas written with k and m pick the right branch for each
    sign without a data-dependent select (np.where costs as much as an exp on random signs).
    """
    np.greater_equal(y, 0.0, out=k)
    np.maximum(e, k, out=k)
    np.less(y, 0.0, out=m)
    np.maximum(e, m, out=m)


def _product_error(beta: float, x: FloatArray, p: FloatArray) -> FloatArray:
    """q with β·x = p + q exactly, p = fl(β·x) (Dekker; |x| below 1e300)."""
    cb = _SPLITTER * beta
    bh = cb - (cb - beta)
    bl = beta - bh
    c = _SPLITTER * x
    xh = c - (c - x)
    xl = x - xh
    return ((bh * xh - p) + bh * xl + bl * xh) + bl * xl


def _window_or_tail(xs: FloatArray, lo: float, hi: float, tail: float) -> np.ndarray:
    """Positions of lo < x < hi (a window around a zero of f′) and of x < tail (rare)."""
    mask = xs > lo
    mask &= xs < hi
    far = xs < tail  # NaN compares false, as it should: the formulas propagate it
    if far.any():
        mask |= far
    return np.flatnonzero(mask)


def _horner(h: FloatArray, coeffs: tuple[float, ...]) -> FloatArray:
    """Σ coeffs[k]·h^{k+1}: a Taylor series through a zero, relatively accurate there."""
    acc = np.full_like(h, coeffs[-1])
    for coeff in coeffs[-2::-1]:
        acc *= h
        acc += coeff
    return h * acc


def _split_ratio(hi: float, lo: float, beta: float) -> tuple[float, float]:
    """(hi + lo)/β as an unevaluated sum of two floats, exact to ~2⁻¹⁰⁶ relative."""
    exact = (Fraction(hi) + Fraction(lo)) / Fraction(beta)
    top = float(exact)
    return top, float(exact - Fraction(top))


# -- SiLU / Swish / QuickGELU ---------------------------------------------------------------------

#: The zero of g(y) = σ(y)(1 + yσ(−y)) (the swish derivative at βx = y) as hi + lo, and the
#: Taylor coefficients g^{(k)}(y₀)/k!, k = 1 … 24 (mpmath): g near y₀ without cancellation.
_Y0_HI = -1.2784645427610737
_Y0_LO = -1.0946994183093437e-16
_SWISH_DERIV_TAYLOR = (
    0.2178117057198001,
    0.1466487969969469,
    0.018874814223782312,
    -0.015222655223188032,
    -0.006606589138356696,
    0.000126627410081122,
    0.0007985218818397998,
    0.00018570724361186496,
    -4.090534237428612e-05,
    -2.9733542213263917e-05,
    -2.942631888842464e-06,
    2.346029682463866e-06,
    8.599695028268575e-07,
    -3.051244750055421e-08,
    -9.266646309267441e-08,
    -1.8877622907727957e-08,
    4.619379769031606e-09,
    2.9177603026903803e-09,
    2.3648315053103244e-10,
    -2.251366201881081e-10,
    -7.50344609385287e-11,
    3.998547874723996e-12,
    8.04274075537398e-12,
    1.4842855116792256e-12,
)
#: Below y = −2 the rounding of βx (up to |y|/2 ulp, amplified by exp) must be undone.
_ROUNDING_MATTERS = -1.75


def _swish_exact(x: FloatArray, beta: float) -> _Pair:
    """x·σ(βx) and its derivative in extended precision, rounded once (the far left tail)."""
    xl = np.maximum(x, -1e300).astype(_LD)
    y = xl * _LD(beta)
    yc = np.minimum(y, 1e4)  # e is 0 beyond; keeps 0·∞ out of the derivative
    e, r, s = _sigmoid_parts_ld(yc)
    a = 1.0 + yc
    df = np.where(y < 0.0, e * (a + e), 1.0 + e * a) * (r * r)
    return _f64(xl * s), _f64(df)


def _swish_window_derivative(
    x: FloatArray, beta: float, x0: tuple[float, float], terms: int
) -> FloatArray:
    """swish′ near its zero x₀ = y₀/β: g(β(x − x₀)) by Taylor, with x − x₀ exact (Sterbenz)."""
    h = (x - x0[0]) - x0[1]
    if beta != 1.0:
        h *= beta
    return _horner(h, _SWISH_DERIV_TAYLOR[:terms])


def _swish_pair(x: FloatArray, beta: float = 1.0) -> _Pair:
    """(x·σ(βx), σ(βx)·(1 + βx·σ(−βx))).

    With y = βx and e = e^{−|y|}: f′ = e·((1 + y) + e)/(1 + e)² for y < 0 and
    (1 + e·(1 + y))/(1 + e)² otherwise. Float64 is within budget on the bulk; three subsets are
    redone: y < −1.75 when βx rounds (the product error q is added back, e·(1 + q), since exp
    turns an absolute error of y into a relative one), a window around the zero of f′ (Taylor
    series in x − x₀, whose cancellation-free form needs no extended precision), and y < −700
    where e is subnormal (extended precision).
    """
    exact_y = math.frexp(beta)[0] == 0.5  # β a power of two: βx never rounds
    if exact_y:
        lo, hi, terms = _Y0_HI - 0.2, _Y0_HI + 0.25, 16
    else:
        lo, hi, terms = _ROUNDING_MATTERS, -0.85, 24
    x0 = _split_ratio(_Y0_HI, _Y0_LO, beta)
    lo, hi = lo / beta, hi / beta
    tail = -700.0 / beta

    def body(xs: FloatArray, f: FloatArray, df: FloatArray, *s: FloatArray) -> np.ndarray | None:
        y, e, r, k, m, a = s
        if beta == 1.0:
            y = xs
        else:
            np.multiply(xs, beta, out=y)
        np.abs(y, out=e)
        np.negative(e, out=e)
        np.exp(e, out=e)
        np.minimum(y, 800.0, out=a)  # e = 0 beyond, and 0·∞ would be NaN
        a += 1.0
        if not exact_y:
            idx = np.flatnonzero(xs < lo)
            if idx.size:
                q = _product_error(beta, xs[idx], y[idx])
                ei = e[idx]
                e[idx] = ei + ei * q
                a[idx] += q
        np.greater_equal(y, 0.0, out=k)
        np.maximum(e, k, out=k)  # e for y < 0, 1 for y ≥ 0
        np.divide(e, k, out=m)  # 1 for y < 0, e for y ≥ 0
        np.add(e, 1.0, out=r)  # u = fl(1 + e)
        np.divide(k, r, out=f)  # σ(y)
        f *= xs
        # (1 + e)² = u(u + 2δ) with δ = e − (u − 1) the rounding error of u, one division in all.
        np.subtract(r, 1.0, out=df)
        np.subtract(e, df, out=df)
        df += df
        df += r
        df *= r
        # Numerator e·(a + e) for y < 0 (a = 1 + y is exact near the zero of f′, so only the
        # genuine cancellation remains) and 1 + e·a for y ≥ 0: k·(a·m + k) is either.
        a *= m
        a += k
        a *= k
        np.divide(a, df, out=df)
        return _window_or_tail(xs, lo, hi, tail)

    def finish(xf: FloatArray, f: FloatArray, df: FloatArray, idx: np.ndarray) -> None:
        xi = xf[idx]
        far = xi < tail
        if far.any():
            f[idx[far]], df[idx[far]] = _swish_exact(xi[far], beta)
            idx, xi = idx[~far], xi[~far]
        df[idx] = _swish_window_derivative(xi, beta, x0, terms)

    return _blockwise(x, body, 6, finish)


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


#: m(t) = Φ(−t)·e^{t²/2} = ½·erfcx(t/√2) on [1, 9] in four pieces (lo, hi, centre, c₀'s low
#: part, coefficients lowest degree first): Chebyshev fits in w = t − centre (mpmath, relative
#: error below 4e-18), within 1 ulp in float64 with the constant term split in two. scipy's
#: erfcx errs by up to 5 ulp on this range, which let GELU reach 5–6 ulp around x ≈ −1.5.
_MILLS_PIECES: tuple[tuple[float, float, float, float, tuple[float, ...]], ...] = (
    (
        1.0,
        2.0,
        1.5,
        -3.2334484134555618e-18,
        (
            0.2057806669773947,
            -0.09027127993534065,
            0.03518687353719191,
            -0.012496989876517624,
            0.004110347180600036,
            -0.0012662938211216032,
            0.0003684844082756603,
            -0.00010193817272325874,
            2.6947141719081872e-05,
            -6.835272644505912e-06,
            1.6694397516746032e-06,
            -3.9374306643966816e-07,
            8.982417087777761e-08,
            -1.9899129774260876e-08,
            4.475855290902131e-09,
            -9.363358054422955e-10,
        ),
    ),
    (
        2.0,
        3.0,
        2.5,
        1.1709987246928728e-17,
        (
            0.1413313313805753,
            -0.0456139519499944,
            0.013648225752794651,
            -0.0038311291893359262,
            0.0010176006948635543,
            -0.0002574254904353034,
            6.233949480083952e-05,
            -1.4510964778817632e-05,
            3.2577602787892328e-06,
            -7.07395973684112e-07,
            1.4892769979722745e-07,
            -3.046178908929374e-08,
            6.061289179275729e-09,
            -1.1764212025061719e-09,
            2.306214909848044e-10,
            -4.265103549954638e-11,
        ),
    ),
    (
        3.0,
        6.0,
        4.5,
        4.171230394708981e-18,
        (
            0.08480339210780034,
            -0.017327015916331113,
            0.0034159102421551764,
            -0.0006518066088776208,
            0.00012069512555134167,
            -2.1735708779184003e-05,
            3.8140726749046712e-06,
            -6.531973922978543e-07,
            1.0933554906483146e-07,
            -1.7909712161830416e-08,
            2.8741879765701503e-09,
            -4.523533834313163e-10,
            6.987956064105423e-11,
            -1.060563302887271e-11,
            1.5846886765150841e-12,
            -2.3259842553210997e-13,
            3.277543336213597e-14,
            -4.6719559756833526e-15,
            8.307245019804887e-16,
            -1.1426191834795288e-16,
        ),
    ),
    (
        6.0,
        9.0,
        7.5,
        5.673760318417236e-19,
        (
            0.052293097118194715,
            -0.006744052014972313,
            0.00085635350295118,
            -0.00010713358094618176,
            1.3212911463758122e-05,
            -1.6073489934287992e-06,
            1.929656686105406e-07,
            -2.2872354598214552e-08,
            2.677876634605118e-09,
            -3.09808163489654e-10,
            3.5430940262348403e-11,
            -4.007514556076809e-12,
            4.4831286482562866e-13,
            -4.934305713651078e-14,
            5.407389585798677e-15,
            -6.583573051566739e-16,
            7.057791925317798e-17,
        ),
    ),
)


def _mills(t: FloatArray) -> FloatArray:
    """m(t) = ½·erfcx(t/√2) for 1 ≤ t < 9 (t − centre is exact by Sterbenz in each piece)."""
    out = np.empty_like(t)
    for lo, hi, centre, c0_lo, coeffs in _MILLS_PIECES:
        idx = np.flatnonzero((t >= lo) & (t < hi))
        if not idx.size:
            continue
        w = t[idx]
        w -= centre
        acc = np.full_like(w, coeffs[-1])
        for coeff in coeffs[-2:0:-1]:
            acc *= w
            acc += coeff
        acc *= w
        acc += c0_lo
        acc += coeffs[0]
        out[idx] = acc
    return out


def _gelu_exact_tail(x: FloatArray) -> _Pair:
    """GELU and GELU′ for x < −37, where e^{−x²/2} is subnormal in float64."""
    t = np.minimum(np.abs(x), 40.0)
    xl = -t.astype(_LD)
    big_e = np.exp(-0.5 * xl * xl)
    half_erfcx = _LD(0.5) * _special().erfcx(t * _SQRT1_2).astype(_LD)
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


def _gelu_none_body(
    xs: FloatArray, f: FloatArray, df: FloatArray, *s: FloatArray
) -> np.ndarray | None:
    phi_cdf, big_e, t = s
    np.abs(xs, out=t)
    small = t < 1.0
    idx = np.flatnonzero(small)
    xi = xs[idx]
    phi_cdf[idx] = _special().ndtr(xi)
    big_e[idx] = np.exp(-0.5 * xi * xi)  # x² rounding costs < ½ ulp for |x| < 1
    idx = np.flatnonzero(~small)  # NaN too: it stays NaN on either path
    if idx.size:
        tb = np.minimum(t[idx], 40.0)
        sq, dsq = two_prod(tb, tb)
        eb = np.exp(-0.5 * sq)
        eb -= eb * (0.5 * dsq)
        big_e[idx] = eb
        c = np.empty_like(tb)
        table = tb < 9.0
        c[table] = _mills(tb[table])
        beyond = ~table  # scipy's erfcx is within 2 ulp out there
        c[beyond] = 0.5 * _special().erfcx(tb[beyond] * _SQRT1_2)
        c *= eb
        phi_cdf[idx] = np.where(xs[idx] < 0.0, c, 1.0 - c)
    np.maximum(xs, -40.0, out=f)  # −∞·0 would be NaN; f(−40) is already −0
    f *= phi_cdf
    np.clip(xs, -40.0, 40.0, out=t)
    t *= big_e
    t *= _INV_SQRT_2PI
    np.add(phi_cdf, t, out=df)
    return _window_or_tail(xs, -1.352, -0.452, -37.0)


def _gelu_none_finish(x: FloatArray, f: FloatArray, df: FloatArray, idx: np.ndarray) -> None:
    xi = x[idx]
    far = xi < -37.0
    if far.any():
        f[idx[far]], df[idx[far]] = _gelu_exact_tail(xi[far])
        idx, xi = idx[~far], xi[~far]
    df[idx] = _taylor_through_zero(xi, _GELU_X0, _GELU_X0_LO, _GELU_DERIV_TAYLOR)


def _gelu_none_pair(x: FloatArray) -> _Pair:
    """(x·Φ(x), Φ(x) + x·φ(x)) with Φ the standard normal CDF.

    For |x| < 1 Φ is ``ndtr``. Beyond, Φ(−|x|) = m(|x|)·e^{−x²/2} with m = ½·erfcx(·/√2) (a
    piecewise polynomial up to 9, scipy's erfcx beyond) and x² split exactly into s + ds, so
    e^{−x²/2} = e^{−s/2}(1 − ds/2) keeps full relative accuracy (``ndtr`` itself loses about x²
    ulp there: the issue's 0.5x(1 + erf(x/√2)) even returns −0 at x = −10).
    Near the zero of f′ a Taylor series replaces the cancelling sum; below −37, where e^{−x²/2}
    is subnormal, extended precision takes over.
    """
    return _blockwise(x, _gelu_none_body, 3, _gelu_none_finish)


_TANH_K = math.sqrt(2.0) * (2.0 / math.sqrt(math.pi)) * 0.5  # PyTorch's kBeta = √2·(2/√π)·½
_TANH_C = 0.044715  # PyTorch's kKappa


def _gelu_tanh_exact(x: FloatArray) -> _Pair:
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


#: Left of −0.2 f′ cancels (around its zero at x₀) and left of −1 the rounding of u = K(x + Cx³)
#: (a few ulp of u, amplified by exp) is too large: a Taylor series for f′ on (−1, −0.2), extended
#: precision for both left of −1.
_GELU_TANH_SPLIT = -0.2
_GELU_TANH_EXACT_BELOW = -1.0
_GELU_TANH_X0 = -0.7524614220710162
_GELU_TANH_X0_LO = -3.473691681308185e-17
#: The derivative of the tanh form, f^{(k+1)}(x₀)/k!, k = 1 … 32 (mpmath, PyTorch's constants).
_GELU_TANH_DERIV_TAYLOR = (
    0.43040009102485854,
    0.38751844613578895,
    -0.015782853521848016,
    -0.11394448308095902,
    -0.01661932834305258,
    0.019682309459833125,
    0.005261059254921919,
    -0.0024227318458750974,
    -0.0009274420230205465,
    0.0002639276405268103,
    0.0001242522780263981,
    -3.495617169443604e-05,
    -1.5950896871645142e-05,
    5.91861171089399e-06,
    2.433551634429959e-06,
    -9.898647747433641e-07,
    -4.310248298802907e-07,
    1.4157556987729436e-07,
    7.52074090928993e-08,
    -1.6978217459780963e-08,
    -1.1961808479724423e-08,
    1.7637802707907462e-09,
    1.7449871378466231e-09,
    -1.7088112169517202e-10,
    -2.433873557833451e-10,
    1.687283177355529e-11,
    3.393384490409005e-11,
    -1.6704708256434323e-12,
    -4.827778412316252e-12,
    1.2486727012406816e-13,
    6.939761437601452e-13,
    3.5144509347299764e-15,
)


def _gelu_tanh_body(
    xs: FloatArray, f: FloatArray, df: FloatArray, *s: FloatArray
) -> np.ndarray | None:
    xc, sq, y, e, k = s
    np.clip(xs, -1e4, 1e4, out=xc)  # beyond ±1e4 σ(2u) is exactly 0 or 1; keeps x² finite
    np.multiply(xc, xc, out=sq)
    np.multiply(sq, _TANH_C, out=y)
    y += 1.0
    y *= xc
    y *= 2.0 * _TANH_K  # 2u
    np.abs(y, out=e)
    np.negative(e, out=e)
    np.exp(e, out=e)
    np.greater_equal(y, 0.0, out=k)
    np.maximum(e, k, out=k)
    np.add(e, 1.0, out=y)  # u = 1 + e
    np.divide(k, y, out=k)  # σ(2u)
    np.multiply(xs, k, out=f)
    y *= y
    np.divide(e, y, out=e)  # σ(2u)σ(−2u)
    sq *= 3.0 * _TANH_C
    sq += 1.0
    sq *= xc
    sq *= 2.0 * _TANH_K
    sq *= e
    np.add(k, sq, out=df)
    return np.flatnonzero(xs < _GELU_TANH_SPLIT)


def _gelu_tanh_finish(x: FloatArray, f: FloatArray, df: FloatArray, idx: np.ndarray) -> None:
    xi = x[idx]
    far = xi < _GELU_TANH_EXACT_BELOW
    if far.any():
        f[idx[far]], df[idx[far]] = _gelu_tanh_exact(xi[far])
        idx, xi = idx[~far], xi[~far]
    df[idx] = _taylor_through_zero(xi, _GELU_TANH_X0, _GELU_TANH_X0_LO, _GELU_TANH_DERIV_TAYLOR)


def _gelu_tanh_pair(x: FloatArray) -> _Pair:
    """PyTorch's tanh form and its backward formula.

    f = ½x(1 + tanh u), u = K(x + Cx³) with PyTorch's float64 constants K = √2·(2/√π)·½ and
    C = 0.044715; written as f = x·σ(2u) so the left tail 1 + tanh u = 2σ(2u) does not cancel.
    f′ = ½(1 + tanh u) + ½x(1 − tanh²u)·K(1 + 3Cx²) = σ(2u) + 2x·σ(2u)σ(−2u)·K(1 + 3Cx²).
    Float64 right of x = −0.2, a Taylor series for f′ on (−1, −0.2), extended precision beyond.
    """
    return _blockwise(x, _gelu_tanh_body, 5, _gelu_tanh_finish)


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
_MISH_X0_LO = -4.8484829848031044e-17
_MISH_MIN = -0.30884341301725045
#: Mish^{(k+1)}(x₀)/k!, k = 1 … 20 (mpmath): Mish′ near its zero x₀ without cancellation.
_MISH_DERIV_TAYLOR = (
    0.2669479140495345,
    0.20473126408010586,
    0.04190782104360987,
    -0.020271822716684245,
    -0.01582112656173338,
    -0.0033606849270232685,
    0.0010924055409445854,
    0.0009898181021289196,
    0.00025412936386191073,
    -4.1961496031696126e-05,
    -5.582891567360688e-05,
    -1.72992708103044e-05,
    9.427361327376651e-07,
    2.9088199364912223e-06,
    1.071676702702074e-06,
    2.6879417855557728e-08,
    -1.4117255919499382e-07,
    -6.174424363104907e-08,
    -5.460186173028381e-09,
    6.3895954615089855e-09,
)


def _mish_core(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mish and Mish′ in extended precision, for the far left tail."""
    e = np.exp(-np.abs(x))
    ee = e * e
    neg = x < 0.0
    num = np.where(neg, ee + 2.0 * e, 1.0 + 2.0 * e)
    den = num + np.where(neg, 2.0, 2.0 * ee)
    t = num / den
    xd = np.clip(x, -1e300, 800.0)
    den2 = den * den
    df_neg = e * (4.0 * (1.0 + xd) + e * ((6.0 + 4.0 * xd) + e * (4.0 + e))) / den2
    df = np.where(neg, df_neg, t + 4.0 * xd * ee * (1.0 + e) / den2)
    return np.maximum(x, -1e300) * t, df


def _mish_exact(x: FloatArray) -> _Pair:
    f, df = _mish_core(np.maximum(x, -1e4).astype(_LD))
    return _f64(f), _f64(df)


def _mish_body(xs: FloatArray, f: FloatArray, df: FloatArray, *s: FloatArray) -> np.ndarray | None:
    e, k, m, num, den, a, b = s
    np.abs(xs, out=e)
    np.negative(e, out=e)
    np.exp(e, out=e)
    _sign_selectors(xs, k, m, e)
    # n/(n + 2) with n = e(e + 2) for x < 0, (1 + 2e)/(1 + 2e + 2e²) for x ≥ 0 (no cancellation):
    # num = k² + 2km, den = num + 2m².
    np.multiply(m, k, out=num)
    num += num
    np.multiply(k, k, out=den)
    num += den
    np.multiply(m, m, out=den)
    den += den
    den += num
    np.divide(num, den, out=f)  # t = tanh(softplus x)
    np.clip(xs, -1e300, 800.0, out=a)  # e = 0 beyond; keeps ∞·0 out
    # x ≥ 0: f′ = t + 4x·e²(1 + e)/den²; x < 0: e·(4(1 + x) + e·((6 + 4x) + e(4 + e)))/den²,
    # where 1 + x and 6 + 4x are exact where they matter. Each is finite for either sign, and the
    # 0/1 masks pick one exactly.
    np.add(e, 4.0, out=b)
    b *= e
    np.multiply(a, 4.0, out=num)
    num += 6.0
    b += num
    b *= e
    np.add(a, 1.0, out=num)
    num *= 4.0
    b += num
    b *= e  # numerator for x < 0
    np.add(e, 1.0, out=num)
    num *= e
    num *= e
    num *= a
    num *= 4.0  # 4x·e²(1 + e)
    den *= den
    b /= den
    num /= den
    num += f
    np.less(xs, 0.0, out=m)
    b *= m
    np.greater_equal(xs, 0.0, out=m)
    num *= m
    np.add(b, num, out=df)
    f *= xs
    return _window_or_tail(xs, -1.4, -1.0, -700.0)


def _mish_finish(x: FloatArray, f: FloatArray, df: FloatArray, idx: np.ndarray) -> None:
    xi = x[idx]
    far = xi < -700.0
    if far.any():
        f[idx[far]], df[idx[far]] = _mish_exact(xi[far])
        idx, xi = idx[~far], xi[~far]
    df[idx] = _horner((xi - _MISH_X0) - _MISH_X0_LO, _MISH_DERIV_TAYLOR)


def _mish_pair(x: FloatArray) -> _Pair:
    """(x·tanh(softplus x), its derivative) in float64 blocks; extended precision in the tail.

    With e = e^{−|x|}: tanh(softplus x) = n/(n + 2), n = e(e + 2), for x < 0, and
    (1 + 2e)/(1 + 2e + 2e²) for x ≥ 0 (no cancellation either side). Since
    1 − tanh²(softplus x) = 4(n + 1)/(n + 2)² and σ(x)(1 + eˣ)² = eˣ(1 + eˣ),
    f′ = t + 4x·e^{x}(1 + e^{x})/(n + 2)², written with e on each side. Near the zero of f′ a
    Taylor series in x − x₀ replaces the cancelling sum.
    """
    return _blockwise(x, _mish_body, 7, _mish_finish)


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
    log1p(e) is log(u) + (e − (u − 1))/u with u = fl(1 + e): the correction is the exact
    rounding error of u, and log costs less than log1p; 1/u is σ(|βx|), needed anyway.
    """
    exact_y = math.frexp(beta)[0] == 0.5
    tail = -700.0 / beta

    def body(xs: FloatArray, f: FloatArray, df: FloatArray, *s: FloatArray) -> np.ndarray | None:
        y, e, r, k, lp = s
        if beta == 1.0:
            y = xs
        else:
            np.multiply(xs, beta, out=y)
        np.abs(y, out=e)
        np.negative(e, out=e)
        np.exp(e, out=e)
        if not exact_y:
            idx = np.flatnonzero(xs < _ROUNDING_MATTERS / beta)
            if idx.size:
                q = _product_error(beta, xs[idx], y[idx])
                ei = e[idx]
                e[idx] = ei + ei * q
        np.add(e, 1.0, out=r)
        np.log(r, out=lp)
        np.subtract(r, 1.0, out=k)
        np.subtract(e, k, out=k)
        np.divide(1.0, r, out=r)
        k *= r
        lp += k  # log1p(e)
        if beta != 1.0:
            lp /= beta
        np.maximum(xs, 0.0, out=f)
        f += lp
        np.greater_equal(y, 0.0, out=k)
        np.maximum(e, k, out=k)
        np.multiply(k, r, out=df)  # σ(y)
        # PyTorch compares the rounded product x·β with the threshold.
        return np.flatnonzero((y > threshold) | (xs < tail))

    def finish(xf: FloatArray, f: FloatArray, df: FloatArray, idx: np.ndarray) -> None:
        xi = xf[idx]
        above = xi * beta > threshold
        f[idx[above]] = xi[above]
        df[idx[above]] = 1.0
        far = xi < tail
        if far.any():
            f[idx[far]], df[idx[far]] = _softplus_exact(xi[far], beta)

    return _blockwise(x, body, 5, finish)


def _softplus_jump_visible(p: Mapping[str, ParamValue]) -> bool:
    """Whether PyTorch's switch at βx = threshold leaves a step float64 can represent."""
    beta, threshold = float(p["beta"]), float(p["threshold"])
    return math.log1p(math.exp(-threshold)) / beta > 8 * math.ulp(threshold / beta)


def _softplus_switch_points(p: Mapping[str, ParamValue]) -> tuple[float, ...]:
    """The switch point x = threshold/β, where the step is visible."""
    return (float(p["threshold"]) / float(p["beta"]),) if _softplus_jump_visible(p) else ()


def _softplus(x: FloatArray, beta: float = 1.0, threshold: float = 20.0) -> FloatArray:
    """softplus(x) = (1/β)·ln(1 + e^{βx}), and x itself where βx > threshold (PyTorch)."""
    return _softplus_pair(x, beta, threshold)[0]


def _softplus_derivative(x: FloatArray, beta: float = 1.0, threshold: float = 20.0) -> FloatArray:
    """softplus′(x) = σ(βx), and 1 where βx > threshold (PyTorch's backward)."""
    return _softplus_pair(x, beta, threshold)[1]


# -- Squareplus -----------------------------------------------------------------------------------


def _squareplus_pair(x: FloatArray, b: float = 4.0) -> _Pair:
    """((x + √(x² + b))/2, (1 + x/√(x² + b))/2) without cancellation for x < 0.

    For x < 0: f = b/(2(r + |x|)) and f′ = b/(2r(r + |x|)) with r = √(x² + b). Each side is
    picked without a data-dependent select, which costs as much as the square root.
    """

    def body(xs: FloatArray, f: FloatArray, df: FloatArray, *s: FloatArray) -> np.ndarray | None:
        xc, rs, r, half, pos = s
        np.clip(xs, -1e150, 1e150, out=xc)
        np.multiply(xc, xc, out=rs)
        rs += b
        np.sqrt(rs, out=rs)
        np.abs(xs, out=half)
        np.maximum(rs, half, out=r)  # √(x² + b) = |x| to the last bit beyond 1e150
        half *= 0.5
        np.multiply(r, 0.5, out=f)
        half += f  # halves first: r + |x| overflows near 1.8e308
        np.greater_equal(xs, 0.0, out=pos)
        # f′ for x ≥ 0: 0.5 + 0.5·x/r; for x < 0: (b/4)/r/half.
        np.divide(xc, rs, out=df)
        df *= 0.5
        df += 0.5
        df *= pos
        np.divide(0.25 * b, r, out=r)
        r /= half
        np.less(xs, 0.0, out=rs)
        r *= rs
        df += r
        # f is the larger of half and (b/4)/half for x ≥ 0, the smaller for x < 0: with
        # σ = ±1 the sign of x, f = σ·max(σ·half, σ·(b/4)/half), which stays 0 at x = −∞.
        np.divide(0.25 * b, half, out=f)
        np.copysign(1.0, xs, out=pos)
        f *= pos
        half *= pos
        np.maximum(f, half, out=f)
        f *= pos
        return None

    return _blockwise(x, body, 5)


def _squareplus(x: FloatArray, b: float = 4.0) -> FloatArray:
    """squareplus(x) = (x + √(x² + b))/2."""
    return _squareplus_pair(x, b)[0]


def _squareplus_derivative(x: FloatArray, b: float = 4.0) -> FloatArray:
    """squareplus′(x) = (1 + x/√(x² + b))/2."""
    return _squareplus_pair(x, b)[1]


# -- SmeLU ----------------------------------------------------------------------------------------


def _smelu_shifted(x: FloatArray, beta: float) -> FloatArray:
    """clip(x, −β, β) + β in a fresh array (0-d inputs stay arrays, so in-place ops work)."""
    xm = np.clip(x, -beta, beta, out=np.empty_like(x))
    xm += beta
    return xm


def _smelu_from_shifted(x: FloatArray, xm: FloatArray, beta: float) -> FloatArray:
    f = np.multiply(xm, xm, out=np.empty_like(xm))
    f /= 4.0 * beta
    # x ≥ β is rarely true where most inputs lie, so the masked copy is cheap.
    np.copyto(f, x, where=x >= beta)
    return f


def _smelu(x: FloatArray, beta: float = 2.0) -> FloatArray:
    """smelu(x) = 0 for x ≤ −β, (x + β)²/(4β) for |x| ≤ β, x for x ≥ β."""
    return _smelu_from_shifted(x, _smelu_shifted(x, beta), beta)


def _smelu_derivative(x: FloatArray, beta: float = 2.0) -> FloatArray:
    """smelu′(x) = 0 for x ≤ −β, (x + β)/(2β) for |x| ≤ β, 1 for x ≥ β (continuous: no kink)."""
    xm = _smelu_shifted(x, beta)
    xm /= 2.0 * beta  # exactly 1 at x ≥ β: 2β/(2β)
    return xm


def _smelu_pair(x: FloatArray, beta: float = 2.0) -> _Pair:
    """(smelu, smelu′) sharing the clipped input."""
    xm = _smelu_shifted(x, beta)
    f = _smelu_from_shifted(x, xm, beta)
    xm /= 2.0 * beta
    return f, xm


# -- ELiSH, TanhExp, Serf, Logish (extended precision throughout) --------------------------------

_ELISH_X0 = -0.881373587019543  # ln(√2 − 1) = −asinh(1)
_ELISH_MIN = -0.17157287525380993  # 2√2 − 3, rounded outward


def _elish_exact(x: FloatArray) -> _Pair:
    """(ELiSH, ELiSH′) in extended precision (the far left tail).

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


_ELISH_X0_LO = 2.250545892825866e-17
#: ELiSH^{(k+1)}(x₀)/k!, k = 1 … 28 (mpmath): ELiSH′ near its zero without cancellation.
_ELISH_DERIV_TAYLOR = (
    0.24264068711928516,
    0.25735931288071484,
    0.1115079263853561,
    0.018398282201787134,
    -0.002288979949781707,
    -0.0006860019209835383,
    0.0005621798192762837,
    0.00025202982670989913,
    -1.0734536229155677e-05,
    -2.9803051544850405e-05,
    -4.054857466806237e-06,
    2.5926802313549836e-06,
    9.076894581839834e-07,
    -1.1988220839191796e-07,
    -1.1860313208808097e-07,
    -8.102489847143701e-09,
    1.1112281715563575e-08,
    2.79268593581617e-09,
    -6.730038826205611e-10,
    -4.0692587184563435e-10,
    -1.0483006255113974e-12,
    4.168055314652814e-11,
    7.308587958959907e-12,
    -2.9948983056238773e-12,
    -1.2593952365512298e-12,
    8.726971187483468e-14,
    1.423768047663537e-13,
    1.5611208665368428e-14,
)


def _elish_body(xs: FloatArray, f: FloatArray, df: FloatArray, *s: FloatArray) -> np.ndarray | None:
    e, k, u, a, b = s
    np.abs(xs, out=e)
    np.negative(e, out=e)
    np.exp(e, out=e)
    np.greater_equal(xs, 0.0, out=b)  # 1 for x ≥ 0, else 0
    np.maximum(e, b, out=k)  # 1 for x ≥ 0, e = eˣ for x < 0
    np.add(e, 1.0, out=u)
    # f = max(x, eˣ − 1)·k/u: expm1(x) > x for x < 0 and eˣ − 1 = e − 1 ≤ 0 ≤ x for x ≥ 0.
    np.subtract(e, 1.0, out=a)
    np.maximum(a, xs, out=a)
    np.divide(k, u, out=f)
    f *= a
    # f′ = k·Q/u² with Q = 1 + e(1 + x) for x ≥ 0 and e(e + 2) − 1 for x < 0, mixed by 0/1.
    np.minimum(xs, 800.0, out=a)  # e = 0 beyond; keeps 0·∞ out
    a += 1.0
    a *= e
    a += 1.0
    a *= b
    np.subtract(1.0, b, out=b)
    np.add(e, 2.0, out=df)
    df *= e
    df -= 1.0
    df *= b
    df += a
    df *= k
    # (1 + e)² = u(u + 2δ) with δ = e − (u − 1) the rounding error of u.
    np.subtract(u, 1.0, out=a)
    np.subtract(e, a, out=a)
    a += a
    a += u
    u *= a
    df /= u
    # Left of 0: eˣ − 1 cancels near 0 (expm1 there, while e is at hand), f′ cancels around its
    # zero (Taylor, in the finish) and e is subnormal far left (extended precision, ditto).
    j = np.flatnonzero((xs > -0.7) & (xs < 0.0))
    if j.size:
        ej = e[j]
        f[j] = np.expm1(xs[j]) * (ej / (ej + 1.0))
    return _window_or_tail(xs, -1.3, -0.2, -700.0)


def _elish_finish(x: FloatArray, f: FloatArray, df: FloatArray, idx: np.ndarray) -> None:
    xi = x[idx]
    far = xi < -700.0
    if far.any():
        f[idx[far]], df[idx[far]] = _elish_exact(xi[far])
        idx, xi = idx[~far], xi[~far]
    df[idx] = _horner((xi - _ELISH_X0) - _ELISH_X0_LO, _ELISH_DERIV_TAYLOR)


def _elish_pair(x: FloatArray) -> _Pair:
    """(ELiSH, ELiSH′): x·σ(x) for x ≥ 0 and (eˣ − 1)·σ(x) for x < 0.

    For x < 0 with e = eˣ: f′ = eˣσ(x) + (eˣ − 1)σ(x)σ(−x) = e(e² + 2e − 1)/(1 + e)²; for x ≥ 0
    it is SiLU′. Both sides give ½ at 0, so ELiSH is C¹ (f″ jumps from 1 to ½ there).
    """
    return _blockwise(x, _elish_body, 5, _elish_finish)


def _elish(x: FloatArray) -> FloatArray:
    """elish(x) = x·σ(x) for x ≥ 0, (eˣ − 1)·σ(x) for x < 0."""
    return _elish_pair(x)[0]


def _elish_derivative(x: FloatArray) -> FloatArray:
    """elish′(x) = σ(x)(1 + xσ(−x)) for x ≥ 0, eˣ(e^{2x} + 2eˣ − 1)/(1 + eˣ)² for x < 0."""
    return _elish_pair(x)[1]


_TANH_EXP_X0 = -1.0788600584646240
_TANH_EXP_MIN = -0.35328577784821131


def _tanh_exp_exact(x: FloatArray) -> _Pair:
    """TanhExp and its derivative in extended precision (x < −0.4)."""
    xa = np.clip(x, -1e4, 50.0).astype(_LD)  # tanh(e⁵⁰) = 1 and sech²(e⁵⁰) = 0 exactly
    u = np.exp(xa)
    th = np.tanh(u)
    w = np.exp(-2.0 * u)
    sech2 = 4.0 * w / ((1.0 + w) * (1.0 + w))
    f = np.where(x > 50.0, x, _f64(np.maximum(x, -1e4).astype(_LD) * th))
    return f, _f64(th + xa * u * sech2)


#: Left of −0.25 the sum tanh(u) + x·u·sech²(u) cancels (through its zero and, for x ≪ 0, to
#: about u(1 + x)): a Taylor series for f′ down to −1.6, extended precision beyond.
_TANH_EXP_SPLIT = -0.25
_TANH_EXP_EXACT_BELOW = -1.6
_TANH_EXP_X0_LO = -9.55786742622646e-17
#: TanhExp^{(k+1)}(x₀)/k!, k = 1 … 50 (mpmath): the window reaches 0.83 from x₀.
_TANH_EXP_DERIV_TAYLOR = (
    0.3525036331603062,
    0.3252269138875309,
    0.10786032936442337,
    -0.022875972060733378,
    -0.045645387693479984,
    -0.025487703563799875,
    -0.005629789964385507,
    0.0027715928931243703,
    0.0034002744090071715,
    0.0016641690502916502,
    0.0003022982929299591,
    -0.00020187575175518,
    -0.0002119141773405725,
    -9.603493263295568e-05,
    -1.4793194852334724e-05,
    1.2648096951420702e-05,
    1.199038537801436e-05,
    5.117352696013257e-06,
    6.583189042202188e-07,
    -7.361671974228515e-07,
    -6.414512678013859e-07,
    -2.591753324811976e-07,
    -2.663092428565792e-08,
    4.091566016278119e-08,
    3.3078729851337745e-08,
    1.2673782447973223e-08,
    9.57900126689221e-10,
    -2.198823719704995e-09,
    -1.6609658541289202e-09,
    -6.035801057921976e-10,
    -2.814950101963764e-11,
    1.1511508695091627e-10,
    8.169801089490198e-11,
    2.813736959000725e-11,
    4.3290197326994754e-13,
    -5.901329491446625e-12,
    -3.9521414539958456e-12,
    -1.2880490082483246e-12,
    2.421966816087808e-14,
    2.973373272371102e-13,
    1.88554631987312e-13,
    5.801747451726824e-14,
    -3.288946141185281e-15,
    -1.4764434117092973e-14,
    -8.890047826976686e-15,
    -2.5744752747505666e-15,
    2.5547233408233094e-16,
    7.240205803628611e-16,
    4.148434892402949e-16,
    1.1260924895669576e-16,
)


def _tanh_exp_body(
    xs: FloatArray, f: FloatArray, df: FloatArray, *s: FloatArray
) -> np.ndarray | None:
    xc, u, w, t = s
    np.minimum(xs, 50.0, out=xc)  # tanh(e⁵⁰) = 1 and sech²(e⁵⁰) = 0 exactly
    np.exp(xc, out=u)
    np.multiply(u, -2.0, out=w)
    np.exp(w, out=w)  # w = e^{−2u} ≤ e^{−1.34} right of the split: 1 − w does not cancel
    np.add(w, 1.0, out=t)
    np.subtract(1.0, w, out=df)
    df /= t  # tanh u
    np.multiply(xs, df, out=f)
    t *= t
    w *= 4.0
    w /= t  # sech² u
    w *= u
    w *= xc
    df += w
    return np.flatnonzero(xs < _TANH_EXP_SPLIT)


def _tanh_exp_finish(x: FloatArray, f: FloatArray, df: FloatArray, idx: np.ndarray) -> None:
    xi = x[idx]
    far = xi < _TANH_EXP_EXACT_BELOW
    if far.any():
        f[idx[far]], df[idx[far]] = _tanh_exp_exact(xi[far])
        idx, xi = idx[~far], xi[~far]
    df[idx] = _taylor_through_zero(xi, _TANH_EXP_X0, _TANH_EXP_X0_LO, _TANH_EXP_DERIV_TAYLOR)


def _tanh_exp_pair(x: FloatArray) -> _Pair:
    """(x·tanh(eˣ), tanh(eˣ) + x·eˣ·sech²(eˣ)), tanh u = (1 − w)/(1 + w), sech² u = 4w/(1 + w)²
    with w = e^{−2u}; extended precision left of x = −0.4."""
    return _blockwise(x, _tanh_exp_body, 4, _tanh_exp_finish)


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


def _serf_mid_derivative(x: FloatArray) -> FloatArray:
    """Serf′ left of the Taylor window, where its two terms still cancel by a factor of ~2.

    Extended precision except erf, which scipy has in float64 only: its ≤ 1 ulp error is not
    amplified much, while the rest (sp, the Gaussian term, the sum) is computed exactly enough.
    """
    xl = x.astype(_LD)
    ex = np.exp(xl)
    sp = np.log1p(ex)
    erf_sp = _special().erf(_f64(sp)).astype(_LD)
    gauss = _LD(_TWO_OVER_SQRT_PI) * np.exp(-sp * sp) * ex / (1.0 + ex)
    return _f64(erf_sp + xl * gauss)


def _serf_body(xs: FloatArray, f: FloatArray, df: FloatArray, *s: FloatArray) -> np.ndarray | None:
    e, u, sp, k, t = s
    np.abs(xs, out=e)
    np.negative(e, out=e)
    np.exp(e, out=e)
    np.add(e, 1.0, out=u)
    # sp = max(x, 0) + log1p(e); log1p itself, as erf(sp) passes sp's error on to f and f′.
    np.log1p(e, out=sp)
    np.maximum(xs, 0.0, out=t)
    sp += t
    _special().erf(sp, out=f)
    np.greater_equal(xs, 0.0, out=k)
    np.maximum(e, k, out=k)
    k /= u  # σ(x)
    np.minimum(sp, 40.0, out=t)  # e^{−1600} is 0; avoids sp² overflow
    t *= t
    np.negative(t, out=t)
    np.exp(t, out=t)
    t *= k
    t *= _TWO_OVER_SQRT_PI
    np.clip(xs, -1e4, 1e4, out=k)
    t *= k
    np.add(f, t, out=df)
    f *= xs  # −∞·0 is patched below with the tail
    # One comparison finds the window around the zero of f′ (erf(sp) + x·(…) cancels) and the
    # tail, where sp < 3e-9 and erf(sp) is its series.
    return _window_or_tail(xs, -4.5, -0.5, -20.0)


def _serf_finish(x: FloatArray, f: FloatArray, df: FloatArray, idx: np.ndarray) -> None:
    xi = x[idx]
    inside = xi > -2.113
    if inside.any():
        df[idx[inside]] = _taylor_through_zero(
            xi[inside], _SERF_X0, _SERF_X0_LO, _SERF_DERIV_TAYLOR
        )
    mid = (xi > -4.5) & (xi <= -2.113)
    if mid.any():
        df[idx[mid]] = _serf_mid_derivative(xi[mid])
    far = xi < -20.0
    if far.any():
        f[idx[far]], df[idx[far]] = _serf_tail(xi[far])


def _serf_pair(x: FloatArray) -> _Pair:
    """(x·erf(sp), erf(sp) + x·(2/√π)e^{−sp²}·σ(x)) with sp = ln(1 + eˣ) computed stably."""
    return _blockwise(x, _serf_body, 5, _serf_finish)


def _serf(x: FloatArray) -> FloatArray:
    """serf(x) = x·erf(ln(1 + eˣ))."""
    return _serf_pair(x)[0]


def _serf_derivative(x: FloatArray) -> FloatArray:
    """serf′(x) = erf(sp) + x·(2/√π)·e^{−sp²}·σ(x), sp = ln(1 + eˣ)."""
    return _serf_pair(x)[1]


_LOGISH_X0 = -1.3724541370256921
_LOGISH_MIN = -0.25276881678944040


def _logish_exact(x: FloatArray) -> _Pair:
    """Logish and its derivative in extended precision (x < −0.7)."""
    xa = np.clip(x, -1e4, 1e4).astype(_LD)
    e, r, s = _sigmoid_parts_ld(xa)
    lg = np.log1p(s)
    f = np.where(x > 1e4, x * math.log(2.0), _f64(xa * lg))  # x < −1e4 rounds to −0
    return f, _f64(lg + xa * (e * r * r) / (1.0 + s))


#: Left of −0.4 ln(1 + σ) + x·σσ′/(1 + σ) cancels (through its zero and, for x ≪ 0, to about
#: σ(x)(1 + x)): a Taylor series for f′ down to −1.6, extended precision beyond (where the float64
#: f, too, comes close to 4 ulp).
_LOGISH_SPLIT = -0.4
_LOGISH_EXACT_BELOW = -1.6
_LOGISH_X0_LO = 7.791774027651745e-17
#: Logish^{(k+1)}(x₀)/k!, k = 1 … 34 (mpmath): the window reaches 0.97 from x₀.
_LOGISH_DERIV_TAYLOR = (
    0.18341467184783952,
    0.1086792851437427,
    0.0031532229721794197,
    -0.014993584924528795,
    -0.0036799106328445352,
    0.0010926871777721774,
    0.0006480649192691449,
    2.6202415640500867e-06,
    -6.977769910677737e-05,
    -1.3134751301047094e-05,
    4.806711643517166e-06,
    2.171439813856842e-06,
    -9.908635711857965e-08,
    -2.276720076474392e-07,
    -2.8274044753511172e-08,
    1.6885978196675094e-08,
    5.3055020708494535e-09,
    -7.353789737621014e-10,
    -5.938815976911703e-10,
    -2.024345697145296e-11,
    5.0404386720409574e-11,
    8.705071809315697e-12,
    -3.3357448440484343e-12,
    -1.2002626804033537e-12,
    1.5015452044039844e-13,
    1.257415849115157e-13,
    9.109893500525294e-16,
    -1.1451793324807978e-14,
    -1.3649303046158056e-15,
    9.31985225222722e-16,
    2.3624444805325326e-16,
    -6.369272789687258e-17,
    -3.076539649160995e-17,
    2.6129902796535018e-18,
)


def _logish_body(
    xs: FloatArray, f: FloatArray, df: FloatArray, *s: FloatArray
) -> np.ndarray | None:
    e, k, u, v, t = s
    np.abs(xs, out=e)
    np.negative(e, out=e)
    np.exp(e, out=e)
    np.greater_equal(xs, 0.0, out=k)
    np.maximum(e, k, out=k)
    np.add(e, 1.0, out=u)
    k /= u  # σ(x)
    np.add(k, 1.0, out=v)
    # ln(1 + σ) = ln v + (σ − (v − 1))/v, v = fl(1 + σ): log1p without its cost.
    np.subtract(v, 1.0, out=t)
    np.subtract(k, t, out=t)
    t /= v
    np.log(v, out=f)
    f += t
    np.clip(xs, -1e300, 1e300, out=t)  # e = 0 out there; keeps 0·∞ out
    t *= e
    u *= u
    u *= v
    t /= u
    np.add(f, t, out=df)
    f *= xs
    return np.flatnonzero(xs < _LOGISH_SPLIT)


def _logish_finish(x: FloatArray, f: FloatArray, df: FloatArray, idx: np.ndarray) -> None:
    xi = x[idx]
    far = xi < _LOGISH_EXACT_BELOW
    if far.any():
        f[idx[far]], df[idx[far]] = _logish_exact(xi[far])
        idx, xi = idx[~far], xi[~far]
    df[idx] = _taylor_through_zero(xi, _LOGISH_X0, _LOGISH_X0_LO, _LOGISH_DERIV_TAYLOR)


def _logish_pair(x: FloatArray) -> _Pair:
    """(x·ln(1 + σ(x)), ln(1 + σ(x)) + x·σ(x)σ(−x)/(1 + σ(x))); Taylor and extended precision
    on the left (see _LOGISH_SPLIT)."""
    return _blockwise(x, _logish_body, 5, _logish_finish)


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
            # Up to 50: beyond it exp(βx) underflows inside the usual x window and the curve shows
            # float64's exact zeros rather than softplus.
            ParamSpec(
                "beta",
                1.0,
                0.01,
                50.0,
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
            # PyTorch's switch to x drops the output by ln(1 + e^{−threshold})/β (2e-9 at the
            # defaults): strictly neither continuous nor monotonic wherever float64 can see it.
            monotonic=lambda p: not _softplus_jump_visible(p),
            smoothness=lambda p: (
                Smoothness.DISCONTINUOUS if _softplus_jump_visible(p) else Smoothness.CINF
            ),
            saturating=True,
        ),
        breakpoints=_softplus_switch_points,
        discontinuities=_softplus_switch_points,
        presets={
            Framework.PYTORCH: {"beta": 1.0, "threshold": 20.0},
            # Keras and JAX have no switch; at threshold ≥ 37 it changes no float64 output.
            Framework.KERAS: {"beta": 1.0, "threshold": 100.0},
            Framework.JAX: {"beta": 1.0, "threshold": 100.0},
        },
        description=Description(
            summary="A smooth ReLU, ln(1 + eˣ): the integral of the sigmoid, always positive. "
            "PyTorch returns x itself once βx exceeds the threshold (a jump of e⁻²⁰ ≈ 2·10⁻⁹ at "
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
        pair_kernel=_smelu_pair,
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
