"""Undo and redo in the window: the Edit menu's texts follow the history, a slider drag is one
step, and opening a scene is one step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence

from actexplorer.gui import MainWindow
from actexplorer.gui.params import NumberControl
from actexplorer.history import History


class Clock:
    """A clock the test moves: changes far apart in time are never merged by time."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _text(window: MainWindow, name: str) -> str:
    return window.action(name).text().replace("&", "")


def _slow_history(window: MainWindow) -> Clock:
    """Give the window a history on a test clock (the menu actions keep the first one)."""
    window.history.disconnect()
    clock = Clock()
    window.history = History(window.state, window.lab_state, clock=clock)
    return clock


def test_undo_and_redo_an_activation_change(window: MainWindow) -> None:
    assert _text(window, "undo") == "Undo" and not window.action("undo").isEnabled()
    assert not window.action("redo").isEnabled()
    first = window.state.activation
    window.state.activation = "elu"
    assert _text(window, "undo") == "Undo change activation"
    assert window.action("undo").isEnabled()
    window.action("undo").trigger()
    assert window.state.activation == first
    assert window.title.text() == window.state.current.name
    assert _text(window, "redo") == "Redo change activation"
    assert window.action("redo").isEnabled() and not window.action("undo").isEnabled()
    window.action("redo").trigger()
    assert window.state.activation == "elu"
    assert window.picker.tree.current_key() == "elu"


def test_undo_a_typed_parameter(window: MainWindow) -> None:
    window.state.activation = "elu"
    window.history.clear()
    field = window.parameters.form.controls["alpha"].field
    field.setText("0.3")
    field.editingFinished.emit()
    assert window.state.params["alpha"] == 0.3
    assert _text(window, "undo") == "Undo change alpha"
    window.action("undo").trigger()
    assert window.state.params["alpha"] == 1.0
    assert field.value() == 1.0


def test_redo_shortcuts(window: MainWindow) -> None:
    assert window.action("undo").shortcut() == QKeySequence("Ctrl+Z")
    shortcuts = {s.toString() for s in window.action("redo").shortcuts()}
    assert shortcuts == {"Ctrl+Shift+Z", "Ctrl+Y"}


def _drag(control: NumberControl, clock: Clock, steps: list[int], *, press: bool) -> None:
    if press:
        control.slider.setSliderDown(True)  # what a mouse press on the handle does
    for step in steps:
        clock.now += 2.0  # a slow drag: time alone would make each position a step
        control.slider.setValue(step)
    if press:
        control.slider.setSliderDown(False)


def test_a_slider_drag_is_one_step(window: MainWindow) -> None:
    window.state.activation = "elu"
    clock = _slow_history(window)
    history = window.history
    control = window.parameters.form.controls["alpha"]
    assert isinstance(control, NumberControl)
    _drag(control, clock, [100, 200, 300, 400, 500], press=True)
    dragged = window.state.params["alpha"]
    assert dragged != 1.0
    assert history.undo_count == 1 and not history.in_gesture
    assert history.undo_label == "Undo change alpha"
    history.undo()
    assert window.state.params["alpha"] == 1.0
    history.redo()
    assert window.state.params["alpha"] == dragged
    # The same moves without a press (keyboard steps far apart) are a step each.
    _drag(control, clock, [600, 700, 800], press=False)
    assert history.undo_count == 4


def test_a_drag_that_ends_where_it_started_leaves_no_step(window: MainWindow) -> None:
    window.state.activation = "elu"
    clock = _slow_history(window)
    control = window.parameters.form.controls["alpha"]
    assert isinstance(control, NumberControl)
    start = 500
    # A value a slider position gives exactly (positions round to 4 significant digits).
    control.slider.setValue(start)
    window.history.clear()
    _drag(control, clock, [start + 50, start + 80, start], press=True)
    assert window.history.undo_count == 0


def test_the_sample_slider_is_one_step_too(window: MainWindow) -> None:
    clock = _slow_history(window)
    _drag(window.inputs.samples, clock, [10, 20, 30], press=True)
    assert window.history.undo_count == 1
    assert window.history.undo_text == "change sample count"


def test_opening_a_scene_is_one_step(window: MainWindow, tmp_path: Path) -> None:
    state = window.state
    state.activation = "elu"
    state.set_param("alpha", 0.5)
    state.pin_current()
    state.seed = 11
    state.x_range = (-2.0, 2.0)
    window.lab_state.update(depth=7)
    path = window.scenes.save_scene(tmp_path / "scene.actx.json")
    scene_state = (state.to_dict(), window.lab_state.to_dict())

    state.activation = "tanh"
    state.clear_pins()
    state.seed = 3
    window.lab_state.update(depth=40)
    window.history.clear()
    before = (state.to_dict(), window.lab_state.to_dict())
    assert window.scenes.open_file(path)
    assert (state.to_dict(), window.lab_state.to_dict()) == scene_state
    assert window.history.undo_count == 1
    assert _text(window, "undo") == "Undo open scene"
    window.action("undo").trigger()
    assert (state.to_dict(), window.lab_state.to_dict()) == before
    window.action("redo").trigger()
    assert (state.to_dict(), window.lab_state.to_dict()) == scene_state


def test_showing_a_lecture_scene_is_one_step(window: MainWindow) -> None:
    scenes = window.scenes
    window.state.activation = "relu"
    scenes.add_current_scene()
    window.state.activation = "gelu"
    window.state.seed = 5
    scenes.add_current_scene()
    window.history.clear()
    assert scenes.step_scene(-1)
    assert window.state.activation == "relu" and window.state.seed == 0
    assert window.history.undo_count == 1
    assert window.history.undo_text == "show scene 1"
    window.history.undo()
    assert window.state.activation == "gelu" and window.state.seed == 5


def test_undo_texts_survive_a_language_change(window: MainWindow, qtbot) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    window.state.activation = "elu"
    QApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    qtbot.waitUntil(lambda: _text(window, "undo") == "Undo change activation")
    assert window.action("undo").isEnabled()


def _lecture(window: MainWindow, tmp_path: Path) -> Path:
    """A saved three-scene lecture (relu, elu, gelu); the window is left on something else."""
    scenes = window.scenes
    for key in ("relu", "elu", "gelu"):
        window.state.activation = key
        scenes.add_current_scene(title=key)
    path = scenes.save_lecture(tmp_path / "talk.actx.json")
    window.state.activation = "tanh"
    return path


def _bold_rows(window: MainWindow) -> list[int]:
    items = window.scenes.dock.list
    return [row for row in range(items.count()) if items.item(row).font().bold()]


def test_undoing_scene_steps_moves_the_scene_cursor(window: MainWindow, tmp_path: Path) -> None:
    scenes = window.scenes
    assert scenes.open_file(_lecture(window, tmp_path))
    assert scenes.step_scene(1) and scenes.step_scene(1)
    assert (scenes.current_index, window.state.activation) == (2, "gelu")
    window.action("undo").trigger()
    window.action("undo").trigger()
    assert window.state.activation == "relu"
    assert scenes.current_index == 0
    assert _bold_rows(window) == [0] and scenes.dock.selected_row() == 0
    assert scenes.step_scene(1)  # Page Down goes on from the scene shown
    assert (scenes.current_index, window.state.activation) == (1, "elu")
    window.action("undo").trigger()
    window.action("redo").trigger()
    assert scenes.current_index == 1 and _bold_rows(window) == [1]
    # Back before the lecture was opened: no scene of it is current.
    window.action("undo").trigger()
    window.action("undo").trigger()
    assert window.state.activation == "tanh" and scenes.current_index is None
    window.action("redo").trigger()
    assert scenes.current_index == 0 and window.state.activation == "relu"


def test_the_scene_cursor_follows_moved_and_removed_scenes(
    window: MainWindow, tmp_path: Path
) -> None:
    scenes = window.scenes
    assert scenes.open_file(_lecture(window, tmp_path))
    assert scenes.show_scene(2)
    window.state.seed = 4  # a change on scene 3 keeps the cursor there
    assert scenes.move_scene(0, 2)  # relu goes last: elu, gelu, relu
    window.history.undo()
    assert window.state.seed == 0 and scenes.current_index == 1  # gelu, now second
    window.history.undo()
    assert window.state.activation == "relu" and scenes.current_index == 2
    assert scenes.remove_scene(2)
    window.history.redo()
    assert window.state.activation == "gelu" and scenes.current_index == 1
