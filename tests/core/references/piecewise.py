"""References for the rectifiers, exponential-linear units, hard and shrinkage functions.

Textbook definitions, written independently of the kernels: mpmath's working precision (raised
by ``make_golden.py`` until the rounded result is stable) takes care of every cancellation. At
kinks the derivatives are PyTorch's autograd values, as documented in the catalog.
"""

from __future__ import annotations

import math

import mpmath

from ._base import MpRef

INF = math.inf
NAN = math.nan

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def _mp(value: float) -> mpmath.mpf:
    return mpmath.mpf(value)


def _around(*points: float) -> tuple[float, ...]:
    """Each point, its float neighbours and a few small offsets on either side."""
    out: list[float] = []
    for p in points:
        out += [p, math.nextafter(p, -INF), math.nextafter(p, INF)]
        out += [p + d for d in (1e-300, -1e-300, 1e-12, -1e-12, 1e-6, -1e-6, 1e-3, -1e-3)]
    return tuple(out)


def _zero(x, **p):
    return mpmath.mpf(0)


# -- rectifiers ----------------------------------------------------------------------------------


def _relu(x, **p):
    return x if x > 0 else mpmath.mpf(0)


def _relu_d(x, **p):
    return mpmath.mpf(1) if x > 0 else mpmath.mpf(0)  # autograd: relu'(0) = 0


def _relu6(x, **p):
    return min(max(x, 0), 6) * mpmath.mpf(1)


def _relu6_d(x, **p):
    return mpmath.mpf(1) if 0 < x < 6 else mpmath.mpf(0)


def _leaky(slope):
    def f(x, **p):
        return x if x > 0 else _mp(slope(p)) * x

    def df(x, **p):
        return mpmath.mpf(1) if x > 0 else _mp(slope(p))

    def limits(p):
        s = slope(p)
        lo = -INF if s > 0 else (INF if s < 0 else 0.0)
        return (lo, INF), (s, 1.0)

    return f, df, limits


def _rrelu_slope(p) -> float:
    # (lower + upper)/2 correctly rounded; the halving of an exact double sum is exact.
    return float((_mp(p["lower"]) + _mp(p["upper"])) / 2)


_leaky_f, _leaky_df, _leaky_lim = _leaky(lambda p: p["negative_slope"])
_prelu_f, _prelu_df, _prelu_lim = _leaky(lambda p: p["weight"])
_rrelu_f, _rrelu_df, _rrelu_lim = _leaky(_rrelu_slope)


def _relu_squared(x, **p):
    return x * x if x > 0 else mpmath.mpf(0)


def _relu_squared_d(x, **p):
    return 2 * x if x > 0 else mpmath.mpf(0)


def _srelu(x, t_left, a_left, t_right, a_right):
    if x >= t_right:
        return _mp(t_right) + _mp(a_right) * (x - t_right)
    if x <= t_left:
        return _mp(t_left) + _mp(a_left) * (x - t_left)
    return x


def _srelu_d(x, t_left, a_left, t_right, a_right):
    if x >= t_right:
        return _mp(a_right)
    if x <= t_left:
        return _mp(a_left)
    return mpmath.mpf(1)


def _srelu_limits(p):
    lo = -INF if p["a_left"] > 0 else p["t_left"]
    hi = INF if p["a_right"] > 0 else p["t_right"]
    return (lo, hi), (p["a_left"], p["a_right"])


def _absolute_d(x, **p):
    return mpmath.mpf(mpmath.sign(x))


# -- exponential linear units --------------------------------------------------------------------


def _elu(x, alpha):
    return x if x > 0 else _mp(alpha) * mpmath.expm1(x)


def _elu_d(x, alpha):
    return mpmath.mpf(1) if x > 0 else _mp(alpha) * mpmath.exp(x)  # PyTorch: elu'(0) = alpha


def _celu(x, alpha):
    return x if x > 0 else _mp(alpha) * mpmath.expm1(x / _mp(alpha))


def _celu_d(x, alpha):
    return mpmath.mpf(1) if x > 0 else mpmath.exp(x / _mp(alpha))


def _selu(x, **p):
    lam, alpha = _mp(SELU_SCALE), _mp(SELU_ALPHA)
    return lam * x if x > 0 else lam * alpha * mpmath.expm1(x)


def _selu_d(x, **p):
    lam, alpha = _mp(SELU_SCALE), _mp(SELU_ALPHA)
    return lam if x > 0 else lam * alpha * mpmath.exp(x)


def _isrlu(x, alpha):
    return x if x >= 0 else x / mpmath.sqrt(1 + _mp(alpha) * x * x)


def _isrlu_d(x, alpha):
    return mpmath.mpf(1) if x >= 0 else (1 + _mp(alpha) * x * x) ** mpmath.mpf(-1.5)


def _isrlu_limit(alpha: float) -> float:
    with mpmath.workprec(200):
        return float(-1 / mpmath.sqrt(_mp(alpha)))


# -- hard functions -------------------------------------------------------------------------------


def _hardtanh(x, min_val, max_val):
    return min(max(x, _mp(min_val)), _mp(max_val))


def _hardtanh_d(x, min_val, max_val):
    return mpmath.mpf(1) if min_val < x < max_val else mpmath.mpf(0)


def _hardsigmoid(x, **p):
    return min(max(x / 6 + mpmath.mpf(1) / 2, 0), 1) * mpmath.mpf(1)


def _hardsigmoid_d(x, **p):
    return mpmath.mpf(1) / 6 if -3 < x < 3 else mpmath.mpf(0)


def _hardswish(x, **p):
    return x * min(max(x + 3, 0), 6) / 6


def _hardswish_d(x, **p):
    if x <= -3:
        return mpmath.mpf(0)
    if x >= 3:
        return mpmath.mpf(1)
    return (2 * x + 3) / 6


def _hard_sigmoid_keras(x, **p):
    return min(max(x / 5 + mpmath.mpf(1) / 2, 0), 1) * mpmath.mpf(1)


def _hard_sigmoid_keras_d(x, **p):
    return mpmath.mpf(1) / 5 if -2.5 < x < 2.5 else mpmath.mpf(0)


def _elish_gate(x):
    return max(mpmath.mpf(0), min(mpmath.mpf(1), (x + 1) / 2))


def _hard_elish(x, **p):
    if x >= 0:
        return x * _elish_gate(x)
    return mpmath.expm1(x) * _elish_gate(x)


def _hard_elish_d(x, **p):
    if x >= 1:
        return mpmath.mpf(1)
    if x >= 0:
        return x + mpmath.mpf(1) / 2
    if x > -1:
        return (mpmath.exp(x) * (x + 2) - 1) / 2
    return mpmath.mpf(0)


#: The zero of hard_elish′ in (−1, 0): W(e²) − 2.
_ELISH_X0 = float(mpmath.lambertw(mpmath.e**2).real - 2)


def _sparse_plus(x, **p):
    if x <= -1:
        return mpmath.mpf(0)
    if x >= 1:
        return x
    return (x + 1) ** 2 / 4


def _sparse_sigmoid(x, **p):
    return min(max((x + 1) / 2, 0), 1) * mpmath.mpf(1)


def _sparse_sigmoid_d(x, **p):
    return mpmath.mpf(1) / 2 if -1 < x < 1 else mpmath.mpf(0)


def _binary_step(x, **p):
    return mpmath.mpf(1) if x >= 0 else mpmath.mpf(0)


# -- shrinkage ------------------------------------------------------------------------------------


def _softshrink(x, lambd):
    if x > lambd:
        return x - _mp(lambd)
    if x < -lambd:
        return x + _mp(lambd)
    return mpmath.mpf(0)


def _shrink_d(x, lambd):
    return mpmath.mpf(1) if abs(x) > lambd else mpmath.mpf(0)


def _hardshrink(x, lambd):
    return x if abs(x) > lambd else mpmath.mpf(0)


def _threshold(x, threshold, value):
    return x if x > threshold else _mp(value)


def _threshold_d(x, threshold, value):
    return mpmath.mpf(1) if x > threshold else mpmath.mpf(0)


def _sign(x, **p):
    return mpmath.mpf(mpmath.sign(x))


REFERENCES: list[MpRef] = [
    MpRef(
        "relu",
        _relu,
        _relu_d,
        points=lambda p: (0.0, 5e-324, -5e-324),
        limits=lambda p: ((0.0, INF), (0.0, 1.0)),
    ),
    MpRef(
        "relu6",
        _relu6,
        _relu6_d,
        points=lambda p: _around(0.0, 6.0),
        limits=lambda p: ((0.0, 6.0), (0.0, 0.0)),
    ),
    MpRef(
        "leaky_relu",
        _leaky_f,
        _leaky_df,
        param_sets=(
            {"negative_slope": 0.0},
            {"negative_slope": 1.0},
            {"negative_slope": 0.2},
            {"negative_slope": 0.3},
            {"negative_slope": 5e-324},
        ),
        points=lambda p: _around(0.0),
        limits=_leaky_lim,
    ),
    MpRef(
        "prelu",
        _prelu_f,
        _prelu_df,
        param_sets=({"weight": -1.0}, {"weight": 1.0}, {"weight": -0.3}, {"weight": 0.0}),
        points=lambda p: _around(0.0),
        limits=_prelu_lim,
    ),
    MpRef(
        "rrelu",
        _rrelu_f,
        _rrelu_df,
        param_sets=(
            {"lower": 0.0, "upper": 0.0},
            {"lower": 0.0, "upper": 1.0},
            {"lower": 1.0, "upper": 1.0},
            {"lower": 0.3, "upper": 0.7},
        ),
        points=lambda p: _around(0.0),
        limits=_rrelu_lim,
    ),
    MpRef(
        "relu_squared",
        _relu_squared,
        _relu_squared_d,
        points=lambda p: (*_around(0.0), 1.3e154),
        # Beyond 1.34e154 the true square overflows to inf; the harness cannot compare infinite
        # golden values yet, so test_piecewise_specifics checks those inputs.
        max_abs_x=1.3e154,
        limits=lambda p: ((0.0, INF), (0.0, INF)),
    ),
    MpRef(
        "srelu",
        _srelu,
        _srelu_d,
        param_sets=(
            {"t_left": -5.0, "a_left": 0.0, "t_right": 5.0, "a_right": 2.0},
            {"t_left": 0.0, "a_left": 2.0, "t_right": 0.0, "a_right": 0.0},
            {"t_left": -0.3, "a_left": 0.7, "t_right": 2.9, "a_right": 1.3},
        ),
        points=lambda p: _around(p["t_left"], p["t_right"]),
        # A slope above 1 overflows at 1.8e308 (see relu_squared).
        max_abs_x=1e300,
        limits=_srelu_limits,
    ),
    MpRef(
        "absolute",
        lambda x, **p: abs(x),
        _absolute_d,
        points=lambda p: _around(0.0),
        limits=lambda p: ((INF, INF), (-1.0, 1.0)),
    ),
    MpRef(
        "identity",
        lambda x, **p: x,
        lambda x, **p: mpmath.mpf(1),
        limits=lambda p: ((-INF, INF), (1.0, 1.0)),
    ),
    MpRef(
        "elu",
        _elu,
        _elu_d,
        param_sets=({"alpha": 0.01}, {"alpha": 10.0}, {"alpha": 0.37}),
        points=lambda p: (*_around(0.0), -36.7, -37.5, -744.0),
        limits=lambda p: ((-p["alpha"], INF), (0.0, 1.0)),
    ),
    MpRef(
        "celu",
        _celu,
        _celu_d,
        param_sets=({"alpha": 0.01}, {"alpha": 10.0}, {"alpha": 0.37}, {"alpha": 3.0}),
        points=lambda p: (
            *_around(0.0),
            *(-k * p["alpha"] for k in (0.3, 1.1, 7.7, 36.9, 300.0, 700.0, 745.0, 999.0, 1001.0)),
            -1e-290,
            -1.1e-290,
            -9e-291,
            -1e300,
            -1.1e300,
        ),
        limits=lambda p: ((-p["alpha"], INF), (0.0, 1.0)),
    ),
    MpRef(
        "selu",
        _selu,
        _selu_d,
        points=lambda p: _around(0.0),
        max_abs_x=1e300,  # λ·1.8e308 overflows (see relu_squared)
        limits=lambda p: (
            (float(-_mp(SELU_SCALE) * _mp(SELU_ALPHA)), INF),
            (0.0, SELU_SCALE),
        ),
    ),
    MpRef(
        "isrlu",
        _isrlu,
        _isrlu_d,
        param_sets=({"alpha": 0.01}, {"alpha": 100.0}, {"alpha": 3.0}, {"alpha": 0.37}),
        points=lambda p: (
            *_around(0.0),
            -1e99,
            -1e100,
            -1.1e100,
            -1e102,
            -1e104,
            -1e107,
            -1e110,
            -1e149,
            -1e150,
            -1e151,
            -1e153,
            -1e155,
        ),
        limits=lambda p: ((_isrlu_limit(p["alpha"]), INF), (0.0, 1.0)),
    ),
    MpRef(
        "hardtanh",
        _hardtanh,
        _hardtanh_d,
        param_sets=(
            {"min_val": -10.0, "max_val": 10.0},
            {"min_val": 0.0, "max_val": 6.0},
            {"min_val": 2.5, "max_val": 3.7},
            {"min_val": -0.3, "max_val": 0.2},
        ),
        points=lambda p: _around(p["min_val"], p["max_val"]),
        limits=lambda p: ((p["min_val"], p["max_val"]), (0.0, 0.0)),
    ),
    MpRef(
        "hardsigmoid",
        _hardsigmoid,
        _hardsigmoid_d,
        points=lambda p: _around(-3.0, 0.0, 3.0),
        limits=lambda p: ((0.0, 1.0), (0.0, 0.0)),
    ),
    MpRef(
        "hardswish",
        _hardswish,
        _hardswish_d,
        points=lambda p: _around(-3.0, -1.5, 0.0, 3.0),
        limits=lambda p: ((0.0, INF), (0.0, 1.0)),
    ),
    MpRef(
        "hard_sigmoid_keras",
        _hard_sigmoid_keras,
        _hard_sigmoid_keras_d,
        points=lambda p: _around(-2.5, 0.0, 2.5),
        limits=lambda p: ((0.0, 1.0), (0.0, 0.0)),
    ),
    MpRef(
        "hard_elish",
        _hard_elish,
        _hard_elish_d,
        points=lambda p: (*_around(-1.0, 0.0, 1.0, _ELISH_X0), -0.5, -0.4, -0.45, -0.44),
        limits=lambda p: ((0.0, INF), (0.0, 1.0)),
    ),
    MpRef(
        "sparse_plus",
        _sparse_plus,
        lambda x, **p: _sparse_sigmoid(x),
        points=lambda p: _around(-1.0, 0.0, 1.0),
        limits=lambda p: ((0.0, INF), (0.0, 1.0)),
    ),
    MpRef(
        "sparse_sigmoid",
        _sparse_sigmoid,
        _sparse_sigmoid_d,
        points=lambda p: _around(-1.0, 0.0, 1.0),
        limits=lambda p: ((0.0, 1.0), (0.0, 0.0)),
    ),
    MpRef(
        "binary_step",
        _binary_step,
        _zero,
        points=lambda p: _around(0.0),
        limits=lambda p: ((0.0, 1.0), (0.0, 0.0)),
    ),
    MpRef(
        "softshrink",
        _softshrink,
        _shrink_d,
        param_sets=({"lambd": 0.02}, {"lambd": 10.0}, {"lambd": 0.3}),
        points=lambda p: _around(-p["lambd"], p["lambd"]),
        limits=lambda p: ((-INF, INF), (1.0, 1.0)),
    ),
    MpRef(
        "hardshrink",
        _hardshrink,
        _shrink_d,
        param_sets=({"lambd": 0.02}, {"lambd": 10.0}, {"lambd": 0.3}),
        points=lambda p: _around(-p["lambd"], p["lambd"]),
        limits=lambda p: ((-INF, INF), (1.0, 1.0)),
    ),
    MpRef(
        "threshold",
        _threshold,
        _threshold_d,
        param_sets=(
            {"threshold": -10.0, "value": -10.0},
            {"threshold": 10.0, "value": 10.0},
            {"threshold": -10.0, "value": 10.0},
            {"threshold": 0.3, "value": -2.7},
            {"threshold": 0.0, "value": 0.0},
        ),
        points=lambda p: _around(p["threshold"]),
        limits=lambda p: ((p["value"], INF), (0.0, 1.0)),
    ),
    MpRef(
        "sign",
        _sign,
        _zero,
        points=lambda p: _around(0.0),
        limits=lambda p: ((-1.0, 1.0), (0.0, 0.0)),
    ),
]
