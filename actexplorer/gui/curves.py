"""The numbers behind the curve plots: f and f′ sampled over the x window, with honest gaps.

Plain NumPy (no Qt), so the views only receive arrays to draw.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from actexplorer.core import Activation
from actexplorer.core.activation import FloatArray, ParamValue

#: Points per curve; enough that a 4K-wide plot has one point per pixel pair.
CURVE_POINTS = 2001
#: A step of f′ smaller than this (relative to its scale) is drawn joined.
_DERIVATIVE_JUMP_TOLERANCE = 1e-6


@dataclass(frozen=True, slots=True)
class CurveData:
    """f and f′ on a grid; NaN entries mark where the drawing must break (jumps)."""

    x: FloatArray
    f: FloatArray
    df: FloatArray


def sample_curve(
    act: Activation,
    params: Mapping[str, ParamValue],
    x_range: tuple[float, float],
    points: int = CURVE_POINTS,
) -> CurveData:
    """f(x) and f′(x) on ``points`` evenly spaced x plus every kink and jump in the window.

    Each breakpoint b gets neighbours b ± δ so the corner is drawn sharp; where f jumps at b the
    value at b becomes NaN so no vertical line is drawn across the jump, and likewise for f′
    where its one-sided values differ.
    """
    lo, hi = x_range
    grid = np.linspace(lo, hi, points)
    jumps = np.array([b for b in act.jumps(**params) if lo < b < hi], dtype=np.float64)
    kinks = np.array([b for b in act.kinks(**params) if lo < b < hi], dtype=np.float64)
    breaks = _sorted_unique(jumps, kinks)
    if breaks.size == 0:
        f, df = act.value_and_derivative(grid, **params)
        return CurveData(grid, f, df)

    # One nanometre of the window, but never below float64 resolution at b.
    delta = np.maximum((hi - lo) * 1e-9, np.abs(breaks) * 1e-14)
    x = _sorted_unique(grid, breaks - delta, breaks, breaks + delta)
    f, df = act.value_and_derivative(x, **params)
    f = f.copy()
    df = df.copy()
    at_break = np.searchsorted(x, breaks)
    if jumps.size:
        at_jump = np.searchsorted(x, jumps)
        f[at_jump] = np.nan
        df[at_jump] = np.nan
    left, right = df[at_break - 1], df[at_break + 1]
    scale = np.maximum(1.0, np.maximum(np.abs(left), np.abs(right)))
    with np.errstate(invalid="ignore"):
        steps = np.abs(left - right) > _DERIVATIVE_JUMP_TOLERANCE * scale
    df[at_break[steps]] = np.nan
    return CurveData(x, f, df)


def _sorted_unique(*parts: FloatArray) -> FloatArray:
    """The distinct values of ``parts``, sorted (``np.union1d`` without its cost at start)."""
    # np.union1d / np.unique import numpy.ma on first use, which the first paint would wait for.
    values = np.sort(np.concatenate(parts))
    keep = np.empty(values.size, dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def log_magnitude(values: FloatArray) -> FloatArray:
    """|v| with exact zeros as NaN, ready for a log axis (log 0 has no point to draw)."""
    magnitude = np.abs(values)
    magnitude[magnitude == 0] = np.nan
    return magnitude
