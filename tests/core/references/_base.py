"""The shape of a high-precision reference and the standard set of test inputs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import mpmath

Params = Mapping[str, Any]


def _none(params: Params) -> Iterable[float]:
    return ()


@dataclass(frozen=True)
class MpRef:
    """An mpmath reference for one catalog key.

    ``f(x, **params)`` and ``df(x, **params)`` take an ``mpmath.mpf`` x and the resolved
    parameters (numbers as Python floats, choices as strings) and return an ``mpf`` (or ``mpf``
    infinities). At kinks ``df`` returns the value PyTorch's autograd uses. ``param_sets`` lists
    parameter settings to test besides the defaults (partial dicts, merged onto the defaults; cover
    the ends of each range). ``points(params)`` adds inputs worth checking (kinks ± tiny, bounds,
    switch points such as softplus's threshold). ``derivative_zeros(params)`` lists interior zeros
    of f′, near which (±0.05) an absolute error of 1e-16 is accepted for f′ because the formula
    cancels by nature. ``f_zeros(params)`` is the same for f itself, where f crosses zero at a
    point other than x = 0 through cancellation (e.g. snake with negative frequency); rarely needed.
    """

    key: str
    f: Callable[..., Any]
    df: Callable[..., Any]
    param_sets: tuple[Params, ...] = ()
    points: Callable[[Params], Iterable[float]] = _none
    derivative_zeros: Callable[[Params], Iterable[float]] = _none
    f_zeros: Callable[[Params], Iterable[float]] = _none
    #: Inputs with |x| above this are skipped (e.g. periodic functions whose mpmath evaluation at
    #: 1e300 would need thousands of digits for argument reduction); None checks everything.
    max_abs_x: float | None = None
    #: ((f(-inf), f(+inf)), (f'(-inf), f'(+inf))) at the given parameters; NaN where undefined
    #: (periodic functions). The kernels must return exactly these for ±inf inputs.
    limits: Callable[[Params], tuple[tuple[float, float], tuple[float, float]]] | None = None
    notes: str = field(default="")


def _standard_points() -> tuple[float, ...]:
    magnitudes = [
        5e-324,
        1e-320,
        2.2250738585072014e-308,
        1e-300,
        1e-200,
        1e-100,
        1e-50,
        1e-20,
        1e-16,
        1e-12,
        1e-8,
        3e-6,
        1e-4,
        1e-3,
        1e-2,
        0.05,
        0.1,
        0.3,
        0.5,
        0.7,
        1.0,
        1.3,
        1.7,
        2.0,
        2.5,
        3.0,
        3.5,
        4.2,
        5.0,
        6.3,
        8.0,
        10.0,
        12.5,
        15.0,
        17.3,
        20.0,
        25.0,
        30.0,
        36.0,
        40.0,
        50.0,
        70.0,
        100.0,
        200.0,
        500.0,
        700.0,
        709.0,
        709.8,
        710.0,
        740.0,
        745.0,
        746.0,
        800.0,
        1e3,
        1e4,
        1e5,
        1e8,
        1e10,
        1e16,
        1e20,
        1e50,
        1e100,
        1e200,
        1e300,
        1.7976931348623157e308,
    ]
    dense = [k * 0.173 - 9.0 for k in range(105)]  # -9 .. 9, avoiding round numbers
    pts = {0.0, *magnitudes, *(-m for m in magnitudes), *dense}
    return tuple(sorted(pts))


#: Inputs every function is checked at: zero, subnormals, tails up to ±1.8e308, a dense middle.
STANDARD_POINTS: tuple[float, ...] = _standard_points()


def mp_float(value: float) -> mpmath.mpf:
    """Exact conversion of a float64 to mpf."""
    return mpmath.mpf(value)
