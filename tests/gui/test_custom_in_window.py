"""A custom function in the window: defined in the editor, shown everywhere, saved, deleted."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from actexplorer.core import ACTIVATIONS, get
from actexplorer.gui import MainWindow
from actexplorer.gui.custom_editor import CustomEditor

KEY = "custom:my_swish"


pytestmark = pytest.mark.usefixtures("catalog_left_clean")


def define_swish(window: MainWindow) -> CustomEditor:
    """Define x * sigmoid(beta * x), beta in [0, 4] (default 1), through the editor."""
    window.action("newCustom").trigger()
    editor = window.custom_commands.editor
    assert isinstance(editor, CustomEditor) and editor.isVisible()
    editor.name.setText("my swish")
    editor.expression.setText("x * sigmoid(beta * x)")
    editor.check_now()
    assert editor.builder.wait(60)
    editor.table.item(0, 2).setText("0")
    editor.table.item(0, 3).setText("4")
    assert editor.ok_button.isEnabled(), editor.problem()
    editor.ok_button.click()
    return editor


def function_curve(window: MainWindow, name: str) -> tuple[np.ndarray, np.ndarray]:
    import pyqtgraph as pg

    plot = window.findChild(pg.PlotWidget, name)
    item = plot.getPlotItem().listDataItems()[0]
    return item.xData, item.yData


def test_defined_in_the_editor_it_is_shown_everywhere(window: MainWindow) -> None:
    define_swish(window)
    assert window.state.activation == KEY
    assert window.picker.tree.current_key() == KEY
    group = window.picker.tree.item_for(KEY).parent()
    assert group.text(0) == "Custom"
    control = window.parameters.form.controls["beta"]
    assert control.value() == 1.0
    spec = get(KEY).param("beta")
    assert (spec.minimum, spec.maximum) == (0.0, 4.0)
    assert window.title.text() == "my swish"
    silu = get("silu")
    x, f = function_curve(window, "functionPlot")
    np.testing.assert_allclose(f, silu.forward(x), rtol=1e-12, atol=1e-15)
    x, d = function_curve(window, "derivativePlot")
    np.testing.assert_allclose(d, silu.derivative(x), rtol=1e-10, atol=1e-15)
    assert window.wait_until_idle()
    assert window.controller.stats is not None
    assert window.action("editCustom").isEnabled()

    # Pins: the custom function beside a built-in one.
    assert window.state.pin_current()
    window.state.activation = "tanh"
    assert window.state.pin_current()
    assert [pin.key for pin in window.state.pins] == [KEY, "tanh"]
    assert not window.action("editCustom").isEnabled()

    # The deep-network lab resolves it through the catalog.
    window.state.activation = KEY
    window.show_view("lab-depth")
    assert window.wait_until_idle()
    assert window.lab.activation.currentData() == KEY
    assert window.lab.depth.controls.message.text() == ""


def test_settings_survive_a_restart(qtbot, settings: QSettings) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    define_swish(first)
    first.state.params = {"beta": 2.5}
    first.state.pin_current()
    first.close()
    assert "x * sigmoid(beta * x)" in settings.value("custom", "", type=str)
    ACTIVATIONS.remove(KEY)  # as in a new process

    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert second.state.activation == KEY
    assert second.state.params == {"beta": 2.5}
    assert [pin.key for pin in second.state.pins] == [KEY]
    assert second.picker.tree.current_key() == KEY
    assert [d.key for d in second.custom_functions.definitions()] == [KEY]
    second.close()


def test_an_unreadable_saved_function_is_skipped_with_a_notice(qtbot, settings: QSettings) -> None:
    settings.setValue(
        "custom",
        '[{"name": "broken", "expression": "x +"}, '
        '{"name": "fine", "expression": "2 * x", "params": []}]',
    )
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert [d.key for d in window.custom_functions.definitions()] == ["custom:fine"]
    assert "custom function broken skipped" in window.statusBar().currentMessage()
    window.close()


def test_deleting_the_current_function_switches_to_the_default(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    define_swish(window)
    window.state.pin_current()
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    window.action("deleteCustom").trigger()
    assert KEY not in ACTIVATIONS
    assert window.state.activation == "relu" and window.state.pins == ()
    assert KEY not in set(window.picker.tree.keys())
    assert window.picker.tree.current_key() == "relu"
    assert "was deleted" in window.statusBar().currentMessage()
    assert not window.action("deleteCustom").isEnabled()


def test_editing_the_current_function_redraws_it(window: MainWindow) -> None:
    define_swish(window)
    editor = window.custom_commands.edit_current()
    assert editor is not None and editor.builder.wait(60)
    editor.expression.setText("x * tanh(beta * x)")
    editor.check_now()
    assert editor.builder.wait(60)
    editor.ok_button.click()
    assert window.state.activation == KEY
    x, f = function_curve(window, "functionPlot")
    np.testing.assert_allclose(f, x * np.tanh(x), rtol=1e-12, atol=1e-15)
    assert "tanh" in window.formula.latex()


def test_picker_context_menu_offers_edit_and_delete(window: MainWindow) -> None:
    define_swish(window)
    menu = window.picker.tree.context_menu_for(KEY)
    names = [action.objectName() for action in menu.actions() if action.objectName()]
    assert names == ["pickerEditCustom", "pickerDeleteCustom", "pickerNewCustom"]
    menu.actions()[0].trigger()
    assert window.custom_commands.editor is not None
    assert window.custom_commands.editor.name.text() == "my swish"
    window.custom_commands.editor.reject()
    builtin = window.picker.tree.context_menu_for("relu")
    assert [a.objectName() for a in builtin.actions()] == ["pickerNewCustom"]
    menu.deleteLater()
    builtin.deleteLater()


def test_a_builtin_name_is_refused_in_the_window(window: MainWindow) -> None:
    window.action("newCustom").trigger()
    editor = window.custom_commands.editor
    assert editor is not None
    editor.name.setText("ReLU")
    editor.expression.setText("maximum(x, 0)")
    editor.check_now()
    assert editor.builder.wait(60)
    # Said under the name as soon as it is typed; OK stays disabled.
    assert "built-in function ReLU" in editor.name_error.text()
    assert not editor.name_error.isHidden() and not editor.ok_button.isEnabled()
    editor.ok_button.click()
    assert editor.isVisible()
    assert get("relu").name == "ReLU" and not ACTIVATIONS.custom()
    editor.reject()


def open_editor_on(window: MainWindow, key: str | None) -> CustomEditor:
    """The editor, on ``key`` (None: a new function), with f′ built."""
    commands = window.custom_commands
    editor = commands.new() if key is None else commands.edit(key)
    assert editor is not None and editor.builder.wait(60)
    return editor


def test_a_new_function_cannot_take_an_existing_name(window: MainWindow) -> None:
    define_swish(window)
    editor = open_editor_on(window, None)
    editor.name.setText("My Swish")
    editor.expression.setText("2 * x")
    editor.check_now()
    assert editor.builder.wait(60)
    assert "already called 'my swish'" in editor.name_error.text()
    assert not editor.ok_button.isEnabled()
    editor.ok_button.click()
    assert editor.isVisible()
    assert get(KEY).formula.text == "x * sigmoid(beta * x)"  # not overwritten
    editor.name.setText("double")
    assert editor.ok_button.isEnabled(), editor.problem()
    editor.ok_button.click()
    assert [d.key for d in window.custom_functions.definitions()] == [KEY, "custom:double"]


def test_renaming_in_the_editor_keeps_the_function_where_it_is_used(window: MainWindow) -> None:
    define_swish(window)
    window.state.params = {"beta": 2.5}
    assert window.state.pin_current()
    window.lab_state.update(race=KEY, per_layer=True, layer_activations=[KEY, "tanh"])
    window.statusBar().clearMessage()
    steps = window.history.undo_count
    editor = open_editor_on(window, KEY)
    editor.name.setText("swish two")
    assert editor.ok_button.isEnabled(), editor.problem()
    editor.ok_button.click()

    new = "custom:swish_two"
    assert KEY not in ACTIVATIONS
    assert (window.state.activation, window.state.params) == (new, {"beta": 2.5})
    assert [(p.key, dict(p.params)) for p in window.state.pins] == [(new, {"beta": 2.5})]
    assert window.lab_state.race == new
    assert window.lab_state.layer_activations[:2] == (new, "tanh")
    assert "deleted" not in window.statusBar().currentMessage()
    # No step of its own; the step before it now names the new key, so undo still works.
    assert window.history.undo_count == steps
    keys = set(window.picker.tree.keys())
    assert new in keys and KEY not in keys
    assert window.history.undo()
    assert window.lab_state.race is None and window.state.activation == new


def test_redefining_a_pinned_function_refreshes_its_statistics(window: MainWindow) -> None:
    from actexplorer.core.custom import CustomDefinition
    from actexplorer.core.stats import sample_stats
    from actexplorer.gui.stats_runner import SYNC_LIMIT

    define_swish(window)
    state = window.state
    assert state.pin_current()
    state.activation = "tanh"
    # Large enough for the worker thread, where a stale answer could outlive the redefinition.
    state.n_samples = SYNC_LIMIT + 50_000
    state.pin_histograms = True
    assert window.wait_until_idle()
    (before,) = window.controller.pin_stats
    silu = sample_stats(get("silu"), {}, state.distribution, state.n_samples, state.seed)
    assert before.mean == pytest.approx(silu.mean, rel=1e-9)

    window.custom_functions.install(
        CustomDefinition("my swish", "x * tanh(beta * x)", get(KEY).params)
    )
    assert window.wait_until_idle()
    (after,) = window.controller.pin_stats
    expected = sample_stats(
        get(KEY), {"beta": 1.0}, state.distribution, state.n_samples, state.seed
    )
    assert after.mean == pytest.approx(expected.mean, rel=1e-9)
    assert after.mean != pytest.approx(before.mean, rel=1e-3)


def test_a_scene_carries_a_custom_function_chosen_for_a_layer(window: MainWindow, tmp_path) -> None:
    import json

    define_swish(window)
    window.state.activation = "relu"
    window.lab_state.update(per_layer=True, layer_activations=["tanh", KEY])
    saved = window.scenes.save_scene(tmp_path / "layers.actx.json")
    carried = json.loads(saved.read_text(encoding="utf-8"))["custom"]
    assert [c["name"] for c in carried] == ["my swish"]
