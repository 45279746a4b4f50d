"""References for the self-gated and softplus-like functions.

Textbook definitions evaluated by mpmath. Where a textbook form cancels catastrophically for huge
|x| (√(x² + b) − |x|, 1 + tanh u with u ≪ 0), the algebraically equal non-cancelling form is used,
because the golden-value script stops raising precision as soon as two precisions agree and a
cancellation to exactly 0 agrees with itself.
"""

from __future__ import annotations

import math

import mpmath

from ._base import MpRef

INF = math.inf
ZERO_TO_INF = ((0.0, INF), (0.0, 1.0))
_OFFSETS = (0.051, 0.06, 0.08, 0.12, 0.2, 0.3, 0.45)


def _around(*centres: float) -> tuple[float, ...]:
    """Points on both sides of each centre, just outside the ±0.05 allowance and beyond."""
    return tuple(c + s * d for c in centres for d in _OFFSETS for s in (-1.0, 1.0))


def _sigmoid(y):
    return 1 / (1 + mpmath.exp(-y))


def _sigmoid_neg(y):
    """σ(−y) without forming 1 − σ(y)."""
    return 1 / (1 + mpmath.exp(y))


# -- GELU -----------------------------------------------------------------------------------------
# PyTorch's float64 constants of the tanh form: kBeta = M_SQRT2 * M_2_SQRTPI * 0.5, kKappa.
_K = mpmath.mpf(math.sqrt(2.0) * (2.0 / math.sqrt(math.pi)) * 0.5)
_C = mpmath.mpf(0.044715)


def _ncdf(x):
    """Φ(x); mpmath's erfc overflows for |x| near 1e150, where Φ is 0 or 1 to e^{−5e9}."""
    if abs(x) > 1e5:
        return mpmath.mpf(1) if x > 0 else mpmath.mpf(0)
    return mpmath.ncdf(x)


def _erf(z):
    """erf(z), with the same guard: erf(z) = 1 to e^{−1e10} for z > 1e5."""
    return mpmath.mpf(1) if z > 1e5 else mpmath.erf(z)


def _gelu(x, approximate):
    if approximate == "tanh":
        u = _K * (x + _C * x**3)
        return x / (1 + mpmath.exp(-2 * u))  # ½x(1 + tanh u)
    return x * _ncdf(x)


def _gelu_d(x, approximate):
    if approximate == "tanh":
        u = _K * (x + _C * x**3)
        # PyTorch's backward: ½(1 + tanh u) + ½x·sech²u·K(1 + 3Cx²)
        return 1 / (1 + mpmath.exp(-2 * u)) + x * mpmath.sech(u) ** 2 * _K * (1 + 3 * _C * x**2) / 2
    return _ncdf(x) + x * mpmath.npdf(x)


#: Where scipy's erfcx is least accurate (|x| in [1, 3]) and the tanh form's switch points
#: (float64 / Taylor / extended precision).
_GELU_EXTRA = (
    -1.0000000000000002,
    -1.1,
    -1.25,
    -1.4,
    -1.5,
    -1.5875157083836746,
    -1.6,
    -1.75,
    -2.0,
    -2.25,
    -2.6025690891003057,
    -2.8,
    -3.2,
    -0.4,
    -0.4000000000000001,
    -0.3999999999999999,
    -1.0000000000000002,
    -0.9999999999999999,
    -0.2,
    -0.20000000000000004,
    -0.19999999999999998,
)


def _gelu_zeros(p):
    return (-0.7524614220710162,) if p["approximate"] == "tanh" else (-0.7517915246935645,)


# -- Swish family ---------------------------------------------------------------------------------
_Y0 = -1.2784645427610738  # zero of σ(y)(1 + yσ(−y))


def _swish(x, beta):
    return x * _sigmoid(mpmath.mpf(beta) * x)


def _swish_d(x, beta):
    y = mpmath.mpf(beta) * x
    return _sigmoid(y) * (1 + y * _sigmoid_neg(y))


def _swish_points(beta):
    tail = tuple(v / beta for v in (-650.0, -700.0, -708.5, -720.0, -740.0, -745.0, -750.0))
    window = tuple(v / beta for v in (-1.6, -0.95, -1.5999999, -0.9500001, -1.41, -1.15))
    # Switch points of the kernels: the Taylor windows and the start of the product correction.
    switch = tuple(
        v / beta * (1 + s)
        for v in (-1.75, -0.85, _Y0 - 0.2, _Y0 + 0.25, -2.0, -3.0, -5.0)
        for s in (-1e-12, 0.0, 1e-12)
    )
    return (*_around(_Y0 / beta), *tail, *window, *switch)


# -- Mish, Softplus -------------------------------------------------------------------------------


def _softplus_mp(x):
    return mpmath.log1p(mpmath.exp(x))


def _mish(x):
    return x * mpmath.tanh(_softplus_mp(x))


def _mish_d(x):
    sp = _softplus_mp(x)
    return mpmath.tanh(sp) + x * mpmath.sech(sp) ** 2 * _sigmoid(x)


def _softplus_switch(x, beta, threshold):
    # PyTorch tests the rounded float64 product x·β against the threshold.
    return float(x) * beta > threshold


def _softplus(x, beta, threshold):
    if _softplus_switch(x, beta, threshold):
        return x
    return _softplus_mp(mpmath.mpf(beta) * x) / beta


def _softplus_d(x, beta, threshold):
    if _softplus_switch(x, beta, threshold):
        return mpmath.mpf(1)
    return _sigmoid(mpmath.mpf(beta) * x)


def _softplus_points(p):
    beta, t = p["beta"], p["threshold"]
    edge = t / beta
    near = (math.nextafter(edge, -INF), edge, math.nextafter(edge, INF))
    tail = tuple(v / beta for v in (-37.0, -700.0, -708.5, -740.0, -745.0, -750.0))
    switch = tuple(v / beta * (1 + s) for v in (-1.75, -3.0) for s in (-1e-12, 0.0, 1e-12))
    return (*near, *tail, *switch)


# -- Squareplus, SmeLU ----------------------------------------------------------------------------


def _squareplus(x, b):
    r = mpmath.sqrt(x * x + b)
    return (x + r) / 2 if x >= 0 else b / (2 * (r - x))


def _squareplus_d(x, b):
    r = mpmath.sqrt(x * x + b)
    return (1 + x / r) / 2 if x >= 0 else b / (2 * r * (r - x))


def _smelu(x, beta):
    if x <= -beta:
        return mpmath.mpf(0)
    if x >= beta:
        return x
    return (x + beta) ** 2 / (4 * beta)


def _smelu_d(x, beta):
    if x <= -beta:
        return mpmath.mpf(0)
    if x >= beta:
        return mpmath.mpf(1)
    return (x + beta) / (2 * beta)


def _smelu_points(p):
    b = p["beta"]
    return tuple(
        v
        for c in (-b, b)
        for v in (c, math.nextafter(c, -INF), math.nextafter(c, INF), c - 1e-9, c + 1e-9)
    )


# -- ELiSH, TanhExp, Serf, Logish -----------------------------------------------------------------


def _elish(x):
    return x * _sigmoid(x) if x >= 0 else mpmath.expm1(x) * _sigmoid(x)


def _elish_d(x):
    if x >= 0:
        return _sigmoid(x) * (1 + x * _sigmoid_neg(x))
    return mpmath.exp(x) * _sigmoid(x) + mpmath.expm1(x) * _sigmoid(x) * _sigmoid_neg(x)


def _tanh_exp(x):
    if x > 50:  # 1 − tanh(e^x) < e^{−10^21}: x itself, and e^{e^x} is beyond any arithmetic
        return x
    return x * mpmath.tanh(mpmath.exp(x))


def _tanh_exp_d(x):
    if x > 50:
        return mpmath.mpf(1)
    u = mpmath.exp(x)
    return mpmath.tanh(u) + x * u * mpmath.sech(u) ** 2


def _serf(x):
    return x * _erf(_softplus_mp(x))


def _serf_d(x):
    sp = _softplus_mp(x)
    return _erf(sp) + x * 2 / mpmath.sqrt(mpmath.pi) * mpmath.exp(-sp * sp) * _sigmoid(x)


def _logish(x):
    return x * mpmath.log1p(_sigmoid(x))


def _logish_d(x):
    s = _sigmoid(x)
    return mpmath.log1p(s) + x * s * _sigmoid_neg(x) / (1 + s)


_TAIL = (-36.0, -37.0, -37.5, -38.0, -38.4, -38.6, -650.0, -708.5, -720.0, -740.0, -750.0)

REFERENCES: list[MpRef] = [
    MpRef(
        "gelu",
        _gelu,
        _gelu_d,
        param_sets=({"approximate": "tanh"},),
        points=lambda p: (
            *_around(*_gelu_zeros(p)),
            *_TAIL,
            -1.352,
            -1.3520001,
            -0.452,
            -0.4519999,
            -0.9999999,
            -1.0000001,
            0.9999999,
            1.0000001,
            -21.0,
            -21.9,
            -22.5,
            *_GELU_EXTRA,
        ),
        derivative_zeros=_gelu_zeros,
        limits=lambda p: ZERO_TO_INF,
    ),
    MpRef(
        "silu",
        lambda x: _swish(x, 1.0),
        lambda x: _swish_d(x, 1.0),
        points=lambda p: _swish_points(1.0),
        derivative_zeros=lambda p: (_Y0,),
        limits=lambda p: ZERO_TO_INF,
    ),
    MpRef(
        "swish",
        _swish,
        _swish_d,
        param_sets=({"beta": 0.1}, {"beta": 10.0}, {"beta": 2.5}, {"beta": 0.37}),
        points=lambda p: _swish_points(p["beta"]),
        derivative_zeros=lambda p: (_Y0 / p["beta"],),
        limits=lambda p: ZERO_TO_INF,
    ),
    MpRef(
        "quick_gelu",
        lambda x: _swish(x, 1.702),
        lambda x: _swish_d(x, 1.702),
        points=lambda p: _swish_points(1.702),
        derivative_zeros=lambda p: (_Y0 / 1.702,),
        limits=lambda p: ZERO_TO_INF,
    ),
    MpRef(
        "mish",
        _mish,
        _mish_d,
        points=lambda p: (
            *_around(-1.1924312145154952),
            *_TAIL,
            -1.4,
            -1.0,
            -1.3999999,
            -0.17968899973599434,
            -700.0,
            -700.0000000000001,
        ),
        derivative_zeros=lambda p: (-1.1924312145154952,),
        limits=lambda p: ZERO_TO_INF,
    ),
    MpRef(
        "softplus",
        _softplus,
        _softplus_d,
        param_sets=(
            {"beta": 0.01},
            {"beta": 50.0},
            {"beta": 3.0},
            {"threshold": 1.0},
            {"threshold": 100.0},
            {"beta": 0.5, "threshold": 5.0},
        ),
        points=_softplus_points,
        limits=lambda p: ZERO_TO_INF,
    ),
    MpRef(
        "squareplus",
        _squareplus,
        _squareplus_d,
        param_sets=({"b": 0.01}, {"b": 100.0}, {"b": 1.0}),
        points=lambda p: (1e150, -1e150, 1.1e150, -1.1e150, 1e154, -1e154, 1e155, -1e155),
        limits=lambda p: ZERO_TO_INF,
    ),
    MpRef(
        "smelu",
        _smelu,
        _smelu_d,
        param_sets=({"beta": 0.01}, {"beta": 10.0}, {"beta": 0.5}),
        points=_smelu_points,
        limits=lambda p: ZERO_TO_INF,
    ),
    MpRef(
        "elish",
        _elish,
        _elish_d,
        points=lambda p: (*_around(-0.881373587019543), *_TAIL, -1.3, -0.7, -0.2, -0.04, -700.0),
        derivative_zeros=lambda p: (-0.881373587019543,),
        limits=lambda p: ZERO_TO_INF,
    ),
    MpRef(
        "tanh_exp",
        _tanh_exp,
        _tanh_exp_d,
        points=lambda p: (
            *_around(-1.078860058464624),
            *_TAIL,
            49.0,
            50.0,
            51.0,
            -0.4,
            -0.4000000000000001,
            -0.3999999999999999,
            -1.6,
            -1.6000000000000003,
            -1.5999999999999999,
            -0.25,
            -0.25000000000000006,
            -0.24999999999999997,
        ),
        derivative_zeros=lambda p: (-1.078860058464624,),
        limits=lambda p: ZERO_TO_INF,
    ),
    MpRef(
        "serf",
        _serf,
        _serf_d,
        points=lambda p: (
            *_around(-1.193059968928188),
            *_TAIL,
            -19.9,
            -20.0,
            -20.1,
            -2.113,
            -2.1130001,
            -0.743,
            -0.7429999,
            -4.5,
            -4.5000001,
            -2.6432632846316864,
            -2.585868057345203,
            -0.26833123759060484,
        ),
        derivative_zeros=lambda p: (-1.193059968928188,),
        limits=lambda p: ZERO_TO_INF,
    ),
    MpRef(
        "logish",
        _logish,
        _logish_d,
        points=lambda p: (
            *_around(-1.372454137025692),
            *_TAIL,
            -0.7,
            -0.4,
            -0.4000000000000001,
            -0.3999999999999999,
            -1.6,
            -1.6000000000000003,
            -1.5999999999999999,
        ),
        derivative_zeros=lambda p: (-1.372454137025692,),
        limits=lambda p: ((0.0, INF), (0.0, math.log(2.0))),
    ),
]
