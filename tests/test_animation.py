"""The animation timeline: values along a sweep, the three modes, frames and refusals."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actexplorer.animation import (
    MAX_FRAMES,
    MODES,
    ParameterAnimation,
    caption,
    default_bounds,
    sample_values,
    shrink_to_accepted,
)
from actexplorer.core import ACTIVATIONS, get
from actexplorer.core.activation import ParamSpec


def spec(key: str, name: str) -> ParamSpec:
    return get(key).param(name)


def test_linear_sweep_meets_its_bounds_and_midpoint() -> None:
    anim = ParameterAnimation("negative_slope", 0.0, 1.0, "once", 2.0)
    assert anim.value_at(0.0) == 0.0
    assert anim.value_at(1.0) == pytest.approx(0.5)
    assert anim.value_at(2.0) == 1.0


def test_log_sweep_is_geometric() -> None:
    anim = ParameterAnimation("beta", 0.1, 10.0, "once", 4.0, "log")
    assert anim.value_at(2.0) == pytest.approx(1.0)
    assert anim.value_at(1.0) == pytest.approx(math.sqrt(0.1))
    assert anim.value_at(0.0) == 0.1 and anim.value_at(4.0) == 10.0


def test_downward_sweep() -> None:
    anim = ParameterAnimation("alpha", 2.0, -2.0, "once", 1.0)
    assert anim.value_at(0.25) == pytest.approx(1.0)
    assert anim.value_at(5.0) == -2.0


def test_once_holds_the_end_and_reports_finished() -> None:
    anim = ParameterAnimation("x", 1.0, 3.0, "once", 2.0)
    assert not anim.finished(1.99)
    assert anim.finished(2.0)
    assert anim.value_at(100.0) == 3.0
    assert anim.value_at(-1.0) == 1.0


def test_loop_jumps_back_to_the_start() -> None:
    anim = ParameterAnimation("x", 0.0, 1.0, "loop", 2.0)
    assert anim.value_at(1.9) == pytest.approx(0.95)
    assert anim.value_at(2.0) == 0.0
    assert anim.value_at(2.5) == pytest.approx(0.25)
    assert not anim.finished(1e6)


def test_pingpong_goes_there_and_back() -> None:
    anim = ParameterAnimation("x", 0.0, 1.0, "pingpong", 2.0)
    assert anim.cycle_seconds == 4.0
    assert anim.value_at(2.0) == 1.0
    assert anim.value_at(3.0) == pytest.approx(0.5)
    assert anim.value_at(4.0) == 0.0
    assert anim.value_at(5.0) == pytest.approx(0.5)


def test_choices_step_through_in_equal_shares() -> None:
    choices = ("a", "b", "c", "d")
    anim = ParameterAnimation("kind", "a", "c", "once", 3.0, choices=choices)
    assert [anim.value_at(t) for t in (0.0, 0.99, 1.0, 1.99, 2.0, 3.0)] == [
        "a",
        "a",
        "b",
        "b",
        "c",
        "c",
    ]
    back = ParameterAnimation("kind", "d", "b", "once", 3.0, choices=choices)
    assert [back.value_at(t) for t in (0.0, 1.5, 2.5)] == ["d", "c", "b"]
    gelu = ParameterAnimation.for_spec(spec("gelu", "approximate"), mode="pingpong")
    assert {gelu.value_at(t * 0.1) for t in range(60)} == {"none", "tanh"}


def test_integers_step_through_whole_numbers() -> None:
    anim = ParameterAnimation("k", 1, 4, "once", 4.0, integer=True)
    assert [anim.value_at(t) for t in (0.0, 0.99, 1.0, 2.5, 3.5, 4.0)] == [1, 1, 2, 3, 4, 4]
    assert all(float(v).is_integer() for v in anim.frames(17))
    logged = ParameterAnimation("k", 1, 100, "once", 1.0, "log", integer=True)
    assert logged.value_at(0.5) == 10.0


def test_frames_once_and_loop_include_both_ends() -> None:
    for mode in ("once", "loop"):
        anim = ParameterAnimation("x", 0.0, 1.0, mode, 3.0)
        frames = anim.frames(5)
        assert frames == pytest.approx((0.0, 0.25, 0.5, 0.75, 1.0))
        assert anim.frame_seconds(5) == pytest.approx(0.6)


def test_frames_pingpong_cover_one_cycle_without_a_doubled_start() -> None:
    anim = ParameterAnimation("x", 0.0, 1.0, "pingpong", 1.0)
    frames = anim.frames(8)
    assert frames == pytest.approx((0.0, 0.25, 0.5, 0.75, 1.0, 0.75, 0.5, 0.25))
    assert anim.frame_seconds(8) == pytest.approx(0.25)
    # The way back repeats the way there exactly, and matches the timeline.
    log = ParameterAnimation("beta", 0.1, 10.0, "pingpong", 3.0, "log")
    frames = log.frames(31)
    assert all(frames[i] == frames[31 - i] for i in range(1, 31))
    for i, value in enumerate(frames):
        assert value == pytest.approx(log.value_at(i * log.cycle_seconds / 31))


@pytest.mark.parametrize("n", [0, 1, MAX_FRAMES + 1, 2.5, True, "3"])
def test_bad_frame_counts_are_refused(n: object) -> None:
    with pytest.raises(ValueError, match="frame count"):
        ParameterAnimation("x", 0.0, 1.0).frames(n)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": math.nan}, "x from must be a number; got NaN"),
        ({"stop": math.inf}, "x to must be finite"),
        ({"start": "0"}, "must be a number"),
        ({"start": True}, "must be a number"),
        ({"stop": 0.0}, "nothing would move"),
        ({"scale": "log"}, "logarithmic sweep needs both bounds above 0"),
        ({"start": -1.0, "scale": "log"}, "above 0"),
        ({"mode": "bounce"}, "mode must be one of once, loop, pingpong"),
        ({"scale": "cubic"}, "scale must be one of"),
        ({"duration": 0.0}, "duration must lie in"),
        ({"duration": math.nan}, "duration must be a number; got NaN"),
        ({"duration": 1e9}, "duration must lie in"),
        ({"name": ""}, "non-empty"),
        ({"start": 0.5, "integer": True}, "whole number"),
    ],
)
def test_bad_animations_are_refused_with_a_clear_message(kwargs: dict, message: str) -> None:
    args = {"name": "x", "start": 0.0, "stop": 1.0, **kwargs}
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        ParameterAnimation(**args)


def test_bad_choice_animations_are_refused() -> None:
    choices = ("none", "tanh")
    with pytest.raises(ValueError, match="must be one of 'none', 'tanh'"):
        ParameterAnimation("approximate", "none", "exact", choices=choices)
    with pytest.raises(ValueError, match="nothing would move"):
        ParameterAnimation("approximate", "tanh", "tanh", choices=choices)
    with pytest.raises(ValueError, match="logarithmically"):
        ParameterAnimation("approximate", "none", "tanh", scale="log", choices=choices)


def test_for_spec_refuses_bounds_outside_the_range() -> None:
    slope = spec("leaky_relu", "negative_slope")
    with pytest.raises(ValueError, match=r"negative_slope to must lie in \[0, 1\]; got 2"):
        ParameterAnimation.for_spec(slope, 0.0, 2.0)
    with pytest.raises(ValueError, match="negative_slope from must lie in"):
        ParameterAnimation.for_spec(slope, -0.5, 1.0)
    with pytest.raises(ValueError, match="NaN"):
        ParameterAnimation.for_spec(slope, math.nan, 1.0)


def test_for_spec_defaults_from_the_issue() -> None:
    slope = ParameterAnimation.for_spec(spec("leaky_relu", "negative_slope"))
    assert (slope.start, slope.stop, slope.scale) == (0.0, 1.0, "linear")
    beta = ParameterAnimation.for_spec(spec("softplus", "beta"))
    assert (beta.start, beta.stop, beta.scale) == (0.1, 10.0, "log")
    # A log-scaled parameter swept from its lower end that is not positive stays linear.
    linear = ParameterAnimation.for_spec(spec("softplus", "beta"), 0.1, 10.0, scale="linear")
    assert linear.scale == "linear"


def test_default_bounds_of_every_catalog_parameter_make_a_valid_animation() -> None:
    for act in ACTIVATIONS.values():
        for param in act.params:
            start, stop = default_bounds(param)
            anim = ParameterAnimation.for_spec(param, start, stop)
            for value in anim.frames(9):
                param.validate(value)


def test_unbounded_linear_parameters_get_a_window_around_the_default() -> None:
    wide = ParamSpec("w", 2.0)
    assert default_bounds(wide) == (-10.0, 12.0)


def test_shrink_to_accepted_stops_where_other_parameters_allow() -> None:
    upper = 1 / 3

    def accepts(value: float) -> bool:
        return value <= upper

    stop = shrink_to_accepted(0.125, 1.0, accepts)
    assert stop <= upper
    assert stop == pytest.approx(upper, abs=0.01)
    assert shrink_to_accepted(0.125, 0.2, accepts) == 0.2
    assert shrink_to_accepted(0.5, -3.0, lambda v: v >= 0.25) == pytest.approx(0.25, abs=0.01)


def test_progress_of_inverts_value_at_progress() -> None:
    for anim in (
        ParameterAnimation("x", 0.0, 1.0),
        ParameterAnimation("x", 10.0, 0.1, scale="log"),
        ParameterAnimation("x", -2.0, 3.0),
    ):
        for u in (0.0, 0.2, 0.5, 0.9, 1.0):
            assert anim.progress_of(anim.value_at_progress(u)) == pytest.approx(u, abs=1e-12)
    choice = ParameterAnimation("c", "a", "c", choices=("a", "b", "c"))
    for value in ("a", "b", "c"):
        assert choice.value_at_progress(choice.progress_of(value)) == value


def test_caption_and_sampled_values() -> None:
    assert caption("negative_slope", 0.35) == "negative_slope = 0.35"
    assert caption("beta", 0.12589254) == "beta = 0.126"
    assert caption("approximate", "tanh") == "approximate = tanh"
    values = sample_values(ParameterAnimation("x", 0.0, 1.0), 5)
    assert values == [0.0, 0.25, 0.5, 0.75, 1.0]


def test_the_timeline_imports_no_qt() -> None:
    code = (
        "import sys, actexplorer.animation; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'pyqtgraph', 'scipy', 'psygnal')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- properties --------------------------------------------------------------------------------
finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
positive = st.floats(min_value=1e-6, max_value=1e6)
times = st.floats(min_value=-1e3, max_value=1e4, allow_nan=False)
durations = st.floats(min_value=0.1, max_value=600.0)


@st.composite
def animations(draw: st.DrawFn) -> ParameterAnimation:
    mode = draw(st.sampled_from(MODES))
    duration = draw(durations)
    if draw(st.booleans()):
        start, stop = draw(positive), draw(positive)
        scale = draw(st.sampled_from(("linear", "log")))
    else:
        start, stop = draw(finite), draw(finite)
        scale = "linear"
    if start == stop:
        stop = start + 1.0
    return ParameterAnimation("p", start, stop, mode, duration, scale)


@given(animations(), times)
def test_values_always_lie_within_the_bounds(anim: ParameterAnimation, t: float) -> None:
    value = anim.value_at(t)
    assert isinstance(value, float) and math.isfinite(value)
    assert min(anim.start, anim.stop) <= value <= max(anim.start, anim.stop)  # type: ignore[type-var]
    assert 0.0 <= anim.progress(t) <= 1.0


@given(animations(), st.floats(min_value=0.0, max_value=1.0))
def test_pingpong_is_symmetric_about_the_turn(anim: ParameterAnimation, share: float) -> None:
    pingpong = ParameterAnimation(
        anim.name, anim.start, anim.stop, "pingpong", anim.duration, anim.scale
    )
    d = pingpong.duration
    before = pingpong.value_at(d - share * d)
    after = pingpong.value_at(d + share * d)
    span = abs(float(anim.stop) - float(anim.start))
    assert after == pytest.approx(before, rel=1e-9, abs=1e-9 * span)


@given(animations(), st.floats(min_value=0.0, max_value=1e4))
def test_once_clamps_at_the_end(anim: ParameterAnimation, extra: float) -> None:
    once = ParameterAnimation(anim.name, anim.start, anim.stop, "once", anim.duration, anim.scale)
    assert once.value_at(once.duration + extra) == once.stop
    assert once.finished(once.duration + extra)


@given(
    animations(), st.floats(min_value=0.0, max_value=1.0), st.floats(min_value=0.0, max_value=1.0)
)
def test_a_sweep_is_monotonic(anim: ParameterAnimation, a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    first, second = anim.value_at_progress(lo), anim.value_at_progress(hi)
    if float(anim.stop) > float(anim.start):
        assert first <= second  # type: ignore[operator]
    else:
        assert first >= second  # type: ignore[operator]


@given(animations(), st.integers(min_value=2, max_value=200))
def test_frames_have_the_asked_count_and_stay_in_bounds(anim: ParameterAnimation, n: int) -> None:
    frames = anim.frames(n)
    assert len(frames) == n
    assert frames[0] == anim.start
    low, high = sorted((float(anim.start), float(anim.stop)))
    assert all(low <= float(v) <= high for v in frames)
    assert anim.frame_seconds(n) * n == pytest.approx(anim.cycle_seconds)
