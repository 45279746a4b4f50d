"""The Animate dock: playing, scrubbing and pausing a parameter through the window's state."""

from __future__ import annotations

import pytest

from actexplorer.animation import ParameterAnimation
from actexplorer.gui import MainWindow
from actexplorer.gui.animation_panel import SCRUB_STEPS, AnimationPanel


class FakeClock:
    """Seconds that only move when a test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def panel(window: MainWindow) -> AnimationPanel:
    """The window's Animate dock, shown, with a clock the test moves."""
    window.animation.clock = FakeClock()
    window.animation.set_shown(True)
    return window.animation


def advance(panel: AnimationPanel, seconds: float) -> None:
    panel.clock.now += seconds  # type: ignore[attr-defined]
    panel.tick()


def choose(window: MainWindow, key: str, mode: str = "pingpong") -> AnimationPanel:
    window.state.activation = key
    panel = window.animation
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData(mode))
    return panel


def test_the_dock_is_hidden_at_first_and_the_view_menu_toggles_it(window: MainWindow) -> None:
    panel = window.animation
    action = window.action("animateParameter")
    assert panel.isHidden() and not action.isChecked()
    action.trigger()
    assert panel.isVisible() and action.isChecked()
    panel.close()  # the dock's own close button
    assert panel.isHidden() and not action.isChecked()
    assert action.shortcut().toString() == "Ctrl+Shift+A"


def test_defaults_follow_the_issue(panel: AnimationPanel, window: MainWindow) -> None:
    choose(window, "leaky_relu")
    assert [panel.param_combo.itemText(i) for i in range(panel.param_combo.count())] == [
        "negative_slope"
    ]
    assert (panel.from_field.value(), panel.to_field.value()) == (0.0, 1.0)
    assert not panel.log_box.isEnabled()
    choose(window, "softplus")
    assert panel.parameter == "beta"
    assert (panel.from_field.value(), panel.to_field.value()) == (0.1, 10.0)
    assert panel.log_box.isChecked() and panel.log_box.isEnabled()
    anim = panel.animation()
    assert anim is not None and anim.scale == "log"


def test_playing_writes_value_at_t_into_the_state(
    panel: AnimationPanel, window: MainWindow
) -> None:
    choose(window, "leaky_relu", "loop")
    panel.scrub_to(0.0)
    anim = panel.animation()
    assert anim is not None
    assert panel.play()
    assert panel.playing and panel.timer.isActive()
    for elapsed in (0.5, 1.2, 2.9, 3.4):
        panel.clock.now = elapsed  # type: ignore[attr-defined]
        panel.tick()
        assert window.state.params["negative_slope"] == anim.value_at(elapsed)
        # The plot follows through the state.
        assert window.plots.f_curve.yData[0] == pytest.approx(
            window.state.params["negative_slope"] * window.state.x_range[0]
        )
    assert panel.slider.value() == round(anim.progress(3.4) * SCRUB_STEPS)
    panel.pause()
    assert not panel.timer.isActive()


def test_pingpong_goes_back_and_once_stops_at_the_end(
    panel: AnimationPanel, window: MainWindow
) -> None:
    choose(window, "softplus", "pingpong")
    panel.scrub_to(0.0)
    panel.play()
    advance(panel, 3.0)
    assert window.state.params["beta"] == 10.0
    advance(panel, 1.5)
    assert window.state.params["beta"] == pytest.approx(1.0)
    assert panel.playing

    panel.pause()
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData("once"))
    panel.scrub_to(0.0)
    panel.play()
    advance(panel, 10.0)
    assert window.state.params["beta"] == 10.0
    assert not panel.playing and panel.slider.value() == SCRUB_STEPS
    # Play again after the end starts from the beginning.
    panel.play()
    assert window.state.params["beta"] == 0.1


def test_loop_jumps_back(panel: AnimationPanel, window: MainWindow) -> None:
    choose(window, "elu", "loop")
    panel.set_bounds(0.5, 2.0)
    panel.log_box.setChecked(False)
    panel.scrub_to(0.0)
    panel.play()
    advance(panel, 2.9)
    assert window.state.params["alpha"] == pytest.approx(0.5 + 1.5 * 2.9 / 3)
    advance(panel, 0.2)
    assert window.state.params["alpha"] == pytest.approx(0.5 + 1.5 * 0.1 / 3)


def test_changing_the_speed_while_playing_keeps_the_position(
    panel: AnimationPanel, window: MainWindow
) -> None:
    choose(window, "leaky_relu", "loop")
    panel.scrub_to(0.0)
    panel.play()
    advance(panel, 1.5)
    assert window.state.params["negative_slope"] == pytest.approx(0.5)
    panel.duration_box.setValue(6.0)
    advance(panel, 0.0)
    assert window.state.params["negative_slope"] == pytest.approx(0.5)
    advance(panel, 1.5)
    assert window.state.params["negative_slope"] == pytest.approx(0.75)


def test_scrubbing_pauses_and_sets_the_value(panel: AnimationPanel, window: MainWindow) -> None:
    choose(window, "softplus")
    panel.play()
    panel.slider.setValue(SCRUB_STEPS // 4)  # as the user's drag or arrow key does
    assert not panel.playing
    assert window.state.params["beta"] == pytest.approx(10 ** (-1 + 2 * 0.25))
    assert panel.value_label.text() == "beta = 0.316"


def test_a_scrub_drag_is_one_undo_step(panel: AnimationPanel, window: MainWindow) -> None:
    choose(window, "leaky_relu")
    history = window.history
    history.clear()
    panel.slider.sliderPressed.emit()
    for step in (100, 300, 600):
        panel.slider.setValue(step)
    panel.slider.sliderReleased.emit()
    assert history.undo_count == 1
    history.undo()
    assert window.state.params["negative_slope"] == 0.01


def test_a_whole_run_is_one_undo_step(panel: AnimationPanel, window: MainWindow) -> None:
    choose(window, "leaky_relu")
    history = window.history
    history.clear()
    panel.play()
    for _ in range(20):
        advance(panel, 0.1)
    assert history.in_gesture
    panel.pause()
    assert not history.in_gesture
    assert history.undo_count == 1
    assert history.undo_text == "animate negative_slope"
    history.undo()
    assert window.state.params["negative_slope"] == 0.01


def test_moving_the_parameter_by_hand_pauses(panel: AnimationPanel, window: MainWindow) -> None:
    choose(window, "leaky_relu")
    panel.play()
    advance(panel, 0.5)
    window.controller._param_edited("negative_slope", 0.3)  # what the parameter panel calls
    assert not panel.playing
    assert window.state.params["negative_slope"] == 0.3
    assert "changed elsewhere" in panel.message.text()
    assert panel.slider.value() == round(0.3 * SCRUB_STEPS)
    advance(panel, 1.0)  # a stale tick changes nothing
    assert window.state.params["negative_slope"] == 0.3


def test_changing_another_parameter_pauses_and_is_its_own_step(
    panel: AnimationPanel, window: MainWindow
) -> None:
    choose(window, "softplus")
    window.history.clear()
    panel.play()
    advance(panel, 0.5)
    played = window.state.params["beta"]
    window.state.set_param("threshold", 30.0)
    assert not panel.playing and not window.history.in_gesture
    assert "something else" in panel.message.text()
    advance(panel, 0.5)
    assert window.state.params == {"beta": played, "threshold": 30.0}
    assert window.history.undo_count == 2
    window.history.undo()
    assert window.state.params == {"beta": played, "threshold": 20.0}
    assert window.history.undo_text == "animate beta"


@pytest.mark.parametrize("change", ["activation", "pin", "zoom", "scene"])
def test_other_changes_while_playing_are_undone_on_their_own(
    panel: AnimationPanel, window: MainWindow, change: str
) -> None:
    choose(window, "leaky_relu")
    if change == "scene":
        window.scenes.add_current_scene()
        window.state.activation = "elu"
        window.scenes.add_current_scene()
        choose(window, "leaky_relu")
    history = window.history
    history.clear()
    before = window.state.to_dict()
    panel.play()
    for _ in range(5):
        advance(panel, 0.1)
    played = window.state.to_dict()
    if change == "activation":
        window.state.activation = "elu"
    elif change == "pin":
        window.state.pin_current()
    elif change == "zoom":
        window.presentation.zoom_in()
    else:
        assert window.scenes.show_scene(1)
    assert not panel.playing and not panel.timer.isActive()
    assert history.undo_count == 2
    advance(panel, 0.5)  # a stale tick changes nothing
    assert history.undo_count == 2
    history.undo()
    assert window.state.to_dict() == played
    assert history.undo_text == "animate negative_slope"
    history.undo()
    assert window.state.to_dict() == before
    assert not history.can_undo


def test_a_new_function_stops_and_refills_the_parameters(
    panel: AnimationPanel, window: MainWindow
) -> None:
    choose(window, "srelu")
    assert panel.param_combo.count() == 4
    panel.set_parameter("a_right")
    panel.play()
    window.state.activation = "hardtanh"
    assert not panel.playing and not panel.timer.isActive()
    names = [panel.param_combo.itemText(i) for i in range(panel.param_combo.count())]
    assert names == ["min_val", "max_val"]
    assert panel.parameter == "min_val"
    with pytest.raises(ValueError, match="no parameter 'beta'"):
        panel.set_parameter("beta")


def test_functions_without_parameters_disable_the_panel(
    panel: AnimationPanel, window: MainWindow
) -> None:
    window.state.activation = "relu"
    assert not panel.param_combo.isEnabled() and not panel.play_button.isEnabled()
    assert panel.note.isVisible() and "ReLU has no parameters to animate" in panel.note.text()
    before = window.state.to_dict()
    assert not panel.play()
    assert window.state.to_dict() == before
    window.state.activation = "elu"
    assert panel.param_combo.isEnabled() and panel.note.isHidden()


def test_bounds_outside_the_range_are_refused_and_change_nothing(
    panel: AnimationPanel, window: MainWindow
) -> None:
    choose(window, "leaky_relu")
    before = window.state.to_dict()
    panel.to_field.setText("2")
    panel.to_field.editingFinished.emit()
    assert panel.to_field.value() == 1.0
    assert panel.message.isVisible() and "must lie in [0, 1]" in panel.message.text()
    for text in ("nan", "inf", "abc"):
        panel.from_field.setText(text)
        panel.from_field.editingFinished.emit()
        assert panel.from_field.value() == 0.0
    assert window.state.to_dict() == before


def test_equal_bounds_are_refused_on_play(panel: AnimationPanel, window: MainWindow) -> None:
    choose(window, "leaky_relu")
    panel.set_bounds(0.5, 0.5)
    before = window.state.to_dict()
    assert not panel.play()
    assert not panel.playing
    assert "nothing would move" in panel.message.text()
    assert window.state.to_dict() == before


def test_log_needs_positive_bounds(panel: AnimationPanel, window: MainWindow) -> None:
    choose(window, "prelu")
    assert not panel.log_box.isEnabled()
    panel.set_bounds(0.1, 1.0)
    assert panel.log_box.isEnabled()
    panel.log_box.setChecked(True)
    anim = panel.animation()
    assert anim is not None and anim.scale == "log"
    panel.set_bounds(-0.5, 1.0)
    anim = panel.animation()
    assert anim is not None and anim.scale == "linear"


def test_bounds_respect_the_other_parameters(panel: AnimationPanel, window: MainWindow) -> None:
    choose(window, "rrelu")
    upper = window.state.params["upper"]
    assert panel.parameter == "lower"
    assert panel.from_field.value() == 0.0
    assert 0.3 <= panel.to_field.value() <= upper
    panel.play()
    for _ in range(40):
        advance(panel, 0.2)
        assert window.state.params["lower"] <= upper
    panel.pause()
    # A sweep the other parameters refuse is refused before it starts.
    panel.to_field.set_value(0.9)
    before = window.state.to_dict()
    assert not panel.play()
    assert "must be at most upper" in panel.message.text()
    assert window.state.to_dict() == before


def test_a_choice_parameter_steps_through_its_choices(
    panel: AnimationPanel, window: MainWindow
) -> None:
    choose(window, "gelu", "loop")
    assert panel.from_choice.isVisible() and panel.from_field.isHidden()
    assert (panel.from_choice.currentText(), panel.to_choice.currentText()) == ("none", "tanh")
    panel.scrub_to(0.0)
    panel.play()
    seen = set()
    for _ in range(12):
        advance(panel, 0.25)
        seen.add(window.state.params["approximate"])
    assert seen == {"none", "tanh"}


def test_the_softmax_temperature_plays(panel: AnimationPanel, window: MainWindow) -> None:
    choose(window, "softmax", "once")
    assert panel.parameter == "temperature"
    panel.scrub_to(0.0)
    panel.play()
    advance(panel, 100.0)
    anim = panel.animation()
    assert isinstance(anim, ParameterAnimation)
    assert window.state.params["temperature"] == anim.stop


def test_closing_the_window_stops_playing(qtbot, settings) -> None:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    win.animation.set_shown(True)
    win.animation.clock = FakeClock()
    win.state.activation = "leaky_relu"
    win.animation.play()
    win.close()
    assert not win.animation.playing and not win.animation.timer.isActive()
    assert not win.history.in_gesture
