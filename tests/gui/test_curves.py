"""Curve sampling: exact core values, sharp kinks, and no line drawn across a jump."""

from __future__ import annotations

import numpy as np

from actexplorer.core import (
    INF,
    Activation,
    Description,
    Family,
    Formula,
    ParamSpec,
    PropertyRules,
    Smoothness,
    get,
)
from actexplorer.gui.curves import CURVE_POINTS, log_magnitude, sample_curve


def _step(x: np.ndarray, threshold: float) -> np.ndarray:
    return np.where(x > threshold, 1.0, 0.0)


def _step_derivative(x: np.ndarray, threshold: float) -> np.ndarray:
    return np.zeros_like(x)


#: A step function defined here (not registered): the catalog may not have one yet.
STEP = Activation(
    key="test_step",
    name="Step",
    family=Family.SHRINK,
    formula=Formula(r"[x > t]", "[x > t]"),
    kernel=_step,
    derivative_kernel=_step_derivative,
    rules=PropertyRules(output_range=(0.0, 1.0), smoothness=Smoothness.DISCONTINUOUS),
    description=Description("test step"),
    params=(ParamSpec("threshold", 0.5, -INF, INF),),
    breakpoints=lambda p: (p["threshold"],),
    discontinuities=lambda p: (p["threshold"],),
)


def test_smooth_window_is_an_even_grid_of_core_values() -> None:
    relu = get("relu")
    curve = sample_curve(relu, {}, (1.0, 3.0))  # no kink inside
    np.testing.assert_array_equal(curve.x, np.linspace(1.0, 3.0, CURVE_POINTS))
    np.testing.assert_array_equal(curve.f, relu.forward(curve.x))
    np.testing.assert_array_equal(curve.df, relu.derivative(curve.x))


def test_kink_is_sampled_and_the_derivative_step_is_not_joined() -> None:
    relu = get("relu")
    curve = sample_curve(relu, {}, (-6.0, 6.0))
    assert 0.0 in curve.x
    assert np.all(np.isfinite(curve.f))  # f is continuous at a kink
    np.testing.assert_array_equal(curve.f, relu.forward(curve.x))
    at = int(np.flatnonzero(curve.x == 0.0)[0])
    assert np.isnan(curve.df[at])  # f′ steps from 0 to 1: no vertical segment
    finite = np.isfinite(curve.df)
    np.testing.assert_array_equal(curve.df[finite], relu.derivative(curve.x[finite]))


def test_no_segment_crosses_a_jump() -> None:
    params = {"threshold": 0.5}
    curve = sample_curve(STEP, params, (-2.0, 2.0))
    x, f = curve.x, curve.f
    finite = np.isfinite(f)
    np.testing.assert_array_equal(f[finite], STEP.forward(x[finite], **params))
    # Consecutive drawn points never sit on both sides of the jump.
    joined = finite[:-1] & finite[1:]
    straddles = (x[:-1] < 0.5) & (x[1:] > 0.5)
    assert not np.any(joined & straddles)
    # ... and the two sides come as close to the jump as the grid allows.
    left = x[finite & (x < 0.5)].max()
    right = x[finite & (x > 0.5)].min()
    assert 0.5 - left < 1e-6 and right - 0.5 < 1e-6


def test_jump_outside_the_window_changes_nothing() -> None:
    curve = sample_curve(STEP, {"threshold": 5.0}, (-1.0, 1.0))
    assert len(curve.x) == CURVE_POINTS and np.all(np.isfinite(curve.f))


def test_log_magnitude_drops_zeros() -> None:
    out = log_magnitude(np.array([-2.0, 0.0, 3.0]))
    assert out[0] == 2.0 and np.isnan(out[1]) and out[2] == 3.0
