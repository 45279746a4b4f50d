"""References for the sigmoidal, periodic and other smooth functions (tanhshrink included).

Textbook definitions in mpmath; the golden-value script raises the precision until the float64
rounding is stable, so cancellation in these formulas cannot leak into the truth.
"""

from __future__ import annotations

import math

import mpmath

from ._base import MpRef

INF = math.inf
NAN = math.nan
_LECUN_A = mpmath.mpf("1.7159")


def _sigmoid(x, **p):
    return 1 / (1 + mpmath.exp(-x))


def _sigmoid_d(x, **p):
    return _sigmoid(x) * _sigmoid(-x)


def _cancelling(x, bits_per_decade):
    """Extra working precision for a formula that cancels about ``bits_per_decade·|log10 x|``
    bits near 0 (the golden script's stability check cannot see a cancellation that gives the
    same wrong value at two precisions)."""
    if x == 0 or not mpmath.isfinite(x):
        return mpmath.extraprec(0)
    return mpmath.extraprec(int(bits_per_decade * max(0.0, -float(mpmath.log10(abs(x))))) + 20)


def _logsigmoid(x, **p):
    return -mpmath.log1p(mpmath.exp(-x))


def _tanh_d(x, **p):
    return mpmath.sech(x) ** 2


def _softsign(x, **p):
    return x / (1 + abs(x))


def _softsign_d(x, **p):
    return 1 / (1 + abs(x)) ** 2


def _lecun(x, **p):
    return _LECUN_A * mpmath.tanh(2 * x / 3)


def _lecun_d(x, **p):
    return _LECUN_A * 2 / 3 * mpmath.sech(2 * x / 3) ** 2


def _isru(x, alpha, **p):
    return x / mpmath.sqrt(1 + alpha * x**2)


def _isru_d(x, alpha, **p):
    return (1 + alpha * x**2) ** mpmath.mpf(-1.5)


# Beyond x = 50, e^{−eˣ} < e^{−5e21}: f is 1 and f′ is 0 at any float precision (and mpmath
# cannot represent exp(eˣ) for x near 1e300).
def _log_log(x, **p):
    return mpmath.mpf(1) if x > 50 else -mpmath.expm1(-mpmath.exp(x))


def _log_log_d(x, **p):
    return mpmath.mpf(0) if x > 50 else mpmath.exp(x - mpmath.exp(x))


def _symmetric_sigmoid(x, **p):
    with _cancelling(x, 3.33):
        return 2 * _sigmoid(x) - 1


def _symmetric_sigmoid_d(x, **p):
    return 2 * _sigmoid_d(x)


def _tanhshrink(x, **p):
    with _cancelling(x, 6.7):
        return x - mpmath.tanh(x)


def _tanhshrink_d(x, **p):
    return mpmath.tanh(x) ** 2


def _isru_limit(p):
    bound = 1 / math.sqrt(p["alpha"])
    return ((-bound, bound), (0.0, 0.0))


_SIGMOIDAL = [
    MpRef("sigmoid", _sigmoid, _sigmoid_d, limits=lambda p: ((0.0, 1.0), (0.0, 0.0))),
    MpRef(
        "logsigmoid",
        _logsigmoid,
        lambda x, **p: _sigmoid(-x),
        limits=lambda p: ((-INF, 0.0), (1.0, 0.0)),
    ),
    MpRef(
        "tanh",
        lambda x, **p: mpmath.tanh(x),
        _tanh_d,
        points=lambda p: (0.55, 0.625, 19.0, 19.1, 354.0, 355.0, 372.0, 373.0),
        limits=lambda p: ((-1.0, 1.0), (0.0, 0.0)),
    ),
    MpRef("softsign", _softsign, _softsign_d, limits=lambda p: ((-1.0, 1.0), (0.0, 0.0))),
    MpRef(
        "arctan",
        lambda x, **p: mpmath.atan(x),
        lambda x, **p: 1 / (1 + x**2),
        points=lambda p: (1e150, -1e150, 1.0000000000000002e150, 1e154, 1.5e154),
        limits=lambda p: ((-math.pi / 2, math.pi / 2), (0.0, 0.0)),
    ),
    MpRef(
        "lecun_tanh",
        _lecun,
        _lecun_d,
        points=lambda p: (1.5, 300.0, 400.0, 530.0, 560.0, 600.0, 601.0),
        limits=lambda p: ((-1.7159, 1.7159), (0.0, 0.0)),
    ),
    MpRef(
        "isru",
        _isru,
        _isru_d,
        param_sets=({"alpha": 0.01}, {"alpha": 0.3}, {"alpha": 100.0}),
        points=lambda p: (1e100, 1.0000000000000002e100, 1e101, 1e102, 1e103, 1e150, 1e155),
        limits=_isru_limit,
    ),
    MpRef(
        "log_log",
        _log_log,
        _log_log_d,
        points=lambda p: (3.7, 6.0, 6.5, 6.55, 6.6, 6.62, 6.7, 7.0, 36.0, 37.5, 40.0, 41.0),
        limits=lambda p: ((0.0, 1.0), (0.0, 0.0)),
    ),
    MpRef(
        "symmetric_sigmoid",
        _symmetric_sigmoid,
        _symmetric_sigmoid_d,
        limits=lambda p: ((-1.0, 1.0), (0.0, 0.0)),
    ),
    MpRef(
        "tanhshrink",
        _tanhshrink,
        _tanhshrink_d,
        points=lambda p: (0.9999999999999999, 1.0, 1.0000000000000002, -1.0, 0.99, 1.01),
        limits=lambda p: ((-INF, INF), (1.0, 1.0)),
    ),
]


# -- other smooth functions ---------------------------------------------------------------------
def _soft_exp(x, alpha, **p):
    # (e^{αx} − 1)/α + α = (e^{αx} − (1 − α²))/α with 1 − α² and αx exact: the textbook order
    # cancels to the same wrong 0 at two precisions for α = 1 and very negative x.
    c = mpmath.fsub(1, mpmath.fmul(alpha, alpha, exact=True), exact=True)
    return (mpmath.exp(mpmath.fmul(alpha, x, exact=True)) - c) / alpha


def _soft_exp_zero(p):
    alpha = p["alpha"]
    return () if alpha >= 1 else (float(mpmath.log(1 - mpmath.mpf(alpha) ** 2) / alpha),)


def _soft_exp_limits(p):
    with mpmath.workprec(200):
        alpha = mpmath.mpf(p["alpha"])
        return ((float(alpha - 1 / alpha), INF), (0.0, INF))


_OTHER = [
    MpRef(
        "lisht",
        lambda x, **p: x * mpmath.tanh(x),
        lambda x, **p: mpmath.tanh(x) + x * mpmath.sech(x) ** 2,
        limits=lambda p: ((INF, INF), (-1.0, 1.0)),
    ),
    MpRef(
        "bent_identity",
        lambda x, **p: (mpmath.sqrt(x**2 + 1) - 1) / 2 + x,
        lambda x, **p: x / (2 * mpmath.sqrt(x**2 + 1)) + 1,
        points=lambda p: (-1.0, -0.9999999999999999, -1.0000000000000002, 1e200, -1e200),
        limits=lambda p: ((-INF, INF), (0.5, 1.5)),
    ),
    MpRef(
        "soft_exponential",
        _soft_exp,
        lambda x, alpha, **p: mpmath.exp(alpha * x),
        param_sets=(
            {"alpha": 0.01},
            {"alpha": 0.2},
            {"alpha": 0.9},
            {"alpha": 0.999},
            {"alpha": 1.0},
        ),
        points=lambda p: tuple(z + d for z in _soft_exp_zero(p) for d in (-0.06, 0.0, 0.06)),
        f_zeros=_soft_exp_zero,
        limits=_soft_exp_limits,
    ),
]


# -- periodic and radial ------------------------------------------------------------------------
def _newton_zeros(g, dg, guesses):
    """Roots of g near each guess, refined in mpmath (they are float64 points to test near)."""
    with mpmath.workdps(30):
        return tuple(float(mpmath.findroot(g, mpmath.mpf(t))) for t in guesses)


def _tan_x_equals_x(limit):
    # sinc′ = 0 ⇔ tan x = x: one root just below each (k + ½)π.
    guesses = [(k + 0.5) * math.pi - 1 / ((k + 0.5) * math.pi) for k in range(1, int(limit / 3))]
    roots = _newton_zeros(lambda t: mpmath.sin(t) - t * mpmath.cos(t), None, guesses)
    return tuple(r for r in roots if r <= limit) + tuple(-r for r in roots if r <= limit)


def _cot_x_equals_x(limit):
    # gcu′ = 0 ⇔ cos x = x sin x: one root just above each kπ (and one near 0.86).
    guesses = [0.86] + [k * math.pi + 1 / (k * math.pi) for k in range(1, int(limit / 3))]
    roots = _newton_zeros(lambda t: mpmath.cos(t) - t * mpmath.sin(t), None, guesses)
    return tuple(r for r in roots if r <= limit) + tuple(-r for r in roots if r <= limit)


_SINC_D_ZEROS = _tan_x_equals_x(1100.0)
_GCU_D_ZEROS = _cot_x_equals_x(1100.0)


def _sinc(x, **p):
    return mpmath.mpf(1) if x == 0 else mpmath.sin(x) / x


def _sinc_d(x, **p):
    if x == 0:
        return mpmath.mpf(0)
    with _cancelling(x, 6.7):
        return (x * mpmath.cos(x) - mpmath.sin(x)) / x**2


def _snake(x, frequency, **p):
    return x + mpmath.sin(frequency * x) ** 2 / frequency


def _snake_d(x, frequency, **p):
    return 1 + mpmath.sin(2 * frequency * x)


def _snake_points(p):
    a = p["frequency"]
    roots = [(-math.pi / 4 + k * math.pi) / a for k in range(-3, 4)]
    return (*roots, *(r + 1e-9 for r in roots), *(r + 0.06 for r in roots), 4e4, -4e4, 3.9e4)


_NAN_LIMITS = ((NAN, NAN), (NAN, NAN))

_PERIODIC = [
    MpRef(
        "snake",
        _snake,
        _snake_d,
        param_sets=({"frequency": 0.1}, {"frequency": 0.37}, {"frequency": 10.0}),
        points=_snake_points,
        # Beyond |a·x| = 4e5 the kernel's f′ has an absolute error of ~4e-16 (1e-14 past 1e288), so
        # near its double roots (which cannot all be listed) it misses 4 ulp; f is exact there.
        max_abs_x=4e4,
        limits=lambda p: ((-INF, INF), (NAN, NAN)),
    ),
    MpRef(
        "gaussian",
        lambda x, **p: mpmath.exp(-(x**2)),
        lambda x, **p: -2 * x * mpmath.exp(-(x**2)),
        points=lambda p: (26.0, 26.5, 26.6, 27.0, 27.2, 27.3, 27.4, 38.0, 40.0, 41.0),
        limits=lambda p: ((0.0, 0.0), (0.0, 0.0)),
    ),
    MpRef(
        "sinusoid",
        lambda x, **p: mpmath.sin(x),
        lambda x, **p: mpmath.cos(x),
        points=lambda p: (math.pi, 2 * math.pi, math.pi / 2, 1e22),
        limits=lambda p: _NAN_LIMITS,
    ),
    MpRef(
        "sinc",
        _sinc,
        _sinc_d,
        points=lambda p: (1.4999999999999998, 1.5, math.pi, 4.493409457909064, 1e150, 2e150),
        derivative_zeros=lambda p: _SINC_D_ZEROS,
        limits=lambda p: ((0.0, 0.0), (0.0, 0.0)),
    ),
    MpRef(
        "gcu",
        lambda x, **p: x * mpmath.cos(x),
        lambda x, **p: mpmath.cos(x) - x * mpmath.sin(x),
        points=lambda p: (0.8603335890193797, math.pi / 2, 3.4256184594817283),
        derivative_zeros=lambda p: _GCU_D_ZEROS,
        limits=lambda p: _NAN_LIMITS,
    ),
]

REFERENCES: list[MpRef] = [*_SIGMOIDAL, *_OTHER, *_PERIODIC]
