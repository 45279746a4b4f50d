"""The explorer window: the plots show the core's numbers, widgets write the state, the state
drives the widgets, bad input changes nothing, and the state survives a restart."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from actexplorer.core import ACTIVATIONS, Activation, Framework, VectorActivation
from actexplorer.core.stats import InputDistribution, sample_stats
from actexplorer.gui import MainWindow
from actexplorer.gui.params import NumberControl, NumberField
from actexplorer.state import Pin

PLOT_NAMES = ("functionPlot", "derivativePlot", "outputHistogram", "gradientHistogram")


def first_item(window: MainWindow, name: str):
    """The current function's data item of plot ``name``, found as other code finds it."""
    import pyqtgraph as pg

    plot = window.findChild(pg.PlotWidget, name)
    assert plot is not None, name
    return plot.getPlotItem().listDataItems()[0]


def assert_curves_match_core(window: MainWindow) -> None:
    """f and f′ on the plots are exactly the core's values (NaN only where drawing breaks)."""
    act = ACTIVATIONS[window.state.activation]
    assert isinstance(act, Activation)
    params = window.state.params
    log = window.state.log_derivative

    # The core's pair (f, f′): value_and_derivative shares work and is what the views draw.
    def value(x: np.ndarray, **p: object) -> np.ndarray:
        return act.value_and_derivative(x, **p)[0]

    def derivative(x: np.ndarray, **p: object) -> np.ndarray:
        d = act.value_and_derivative(x, **p)[1]
        # The log view draws |f′|; zeros have no point on a log axis.
        return np.where(d == 0, np.nan, np.abs(d)) if log else d

    for name, compute in (("functionPlot", value), ("derivativePlot", derivative)):
        item = first_item(window, name)
        x, y = item.xData, item.yData
        assert x is not None and len(x) >= 2000, name
        lo, hi = window.state.x_range
        assert x[0] == lo and x[-1] == hi
        expected = compute(x, **params)
        drawn = np.isfinite(y)
        np.testing.assert_array_equal(y[drawn], expected[drawn], err_msg=f"{act.key} {name}")
        gaps = x[~drawn & np.isfinite(expected)]
        allowed = set(act.jumps(**params)) | set(act.kinks(**params))
        for gap in gaps:
            assert any(abs(gap - b) <= 1e-6 * (hi - lo) for b in allowed), (act.key, name, gap)


def select_in_picker(window: MainWindow, key: str) -> None:
    tree = window.picker.tree
    tree.setCurrentItem(tree.item_for(key))


def test_plots_and_picker_have_their_object_names(window: MainWindow) -> None:
    import pyqtgraph as pg

    for name in PLOT_NAMES:
        assert isinstance(window.findChild(pg.PlotWidget, name), pg.PlotWidget)
    assert window.findChild(object, "activationPicker") is window.picker.tree


def test_every_function_through_the_picker_shows_the_core_curves(window: MainWindow) -> None:
    for key in ACTIVATIONS:
        select_in_picker(window, key)
        assert window.state.activation == key
        act = ACTIVATIONS[key]
        assert window.title.text() == act.name
        if isinstance(act, VectorActivation):
            assert window.views.currentWidget() is window.softmax_view
            continue
        assert window.views.currentWidget() is window.plots
        assert_curves_match_core(window)


def test_every_parameter_at_its_minimum_and_maximum(window: MainWindow) -> None:
    for key, act in ACTIVATIONS.scalar().items():
        window.state.activation = key
        for spec in act.params:
            if spec.is_choice:
                values = list(spec.choices or ())
            else:
                values = [v for v in (spec.minimum, spec.maximum) if math.isfinite(v)]
            for value in values:
                try:
                    window.state.params = {spec.name: value}
                except ValueError:
                    continue  # refused together with the other defaults (e.g. min < max)
                assert window.state.params[spec.name] == value
                control = window.parameters.form.controls[spec.name]
                assert control.value() == value
                assert_curves_match_core(window)


def test_each_preset_through_the_combo(window: MainWindow) -> None:
    combo = window.parameters.preset_combo
    for key, act in ACTIVATIONS.items():
        if not act.presets or not act.params:
            continue
        window.state.activation = key
        for framework in act.presets:
            index = combo.findData(Framework(framework).value)
            assert index > 0, (key, framework)
            combo.activated.emit(index)
            assert window.state.params == act.preset(framework)
            # Frameworks that agree share a setting: the combo names one of them.
            assert act.preset(combo.currentData()) == act.preset(framework)


def test_histograms_show_sample_stats(window: MainWindow, qtbot) -> None:
    state = window.state
    state.n_samples = 20_000
    state.seed = 7
    qtbot.waitUntil(lambda: not window.runner.busy)
    window.wait_until_idle()
    act = ACTIVATIONS[state.activation]
    stats = sample_stats(act, state.params, state.distribution, 20_000, 7)
    out = first_item(window, "outputHistogram")
    np.testing.assert_array_equal(out.xData, stats.output_hist.edges)
    np.testing.assert_allclose(out.yData, stats.output_hist.density())
    grad = first_item(window, "gradientHistogram")
    np.testing.assert_array_equal(grad.xData, stats.derivative_hist.edges)
    np.testing.assert_allclose(grad.yData, stats.derivative_hist.density())


def test_large_sample_counts_are_computed_off_the_gui_thread(window: MainWindow, qtbot) -> None:
    window.runner.sync_limit = 1_000  # every request below goes to the worker
    busy: list[bool] = []
    window.runner.busyChanged.connect(busy.append)
    for n in (50_000, 60_000, 70_000):
        window.state.n_samples = n
        window.controller.schedule_stats()
        qtbot.wait(1)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    assert busy[0] is True and busy[-1] is False
    assert window.controller.stats is not None
    assert window.controller.stats.n == 70_000


# -- widget → state -------------------------------------------------------------------------
def test_widgets_write_the_state(window: MainWindow, qtbot) -> None:
    state = window.state
    inputs = window.inputs
    inputs.samples.field.setText("20000")
    inputs.samples.field.editingFinished.emit()
    assert state.n_samples == 20_000
    inputs.samples.slider.setValue(0)
    assert state.n_samples == 1_000
    inputs.seed.setText("42")
    inputs.seed.editingFinished.emit()
    assert state.seed == 42
    qtbot.mouseClick(inputs.resample_button, Qt.MouseButton.LeftButton)
    assert state.seed == 43
    inputs.show_input.setChecked(True)
    assert state.show_input_histogram
    index = inputs.dist_combo.findData("uniform")
    inputs.dist_combo.activated.emit(index)
    assert state.distribution.kind == "uniform"
    window.view_panel.log_box.setChecked(True)
    assert state.log_derivative
    window.view_panel.x_low.setText("-3")
    window.view_panel.x_low.editingFinished.emit()
    assert state.x_range == (-3.0, 6.0)
    qtbot.mouseClick(window.view_panel.reset_button, Qt.MouseButton.LeftButton)
    assert state.x_range == (-6.0, 6.0)
    qtbot.mouseClick(window.compare.pin_button, Qt.MouseButton.LeftButton)
    assert state.pins == (Pin(state.activation, state.params),)
    window.action("theme_dark").trigger()
    assert state.theme == "dark"


def test_parameter_widgets_write_the_state(window: MainWindow) -> None:
    state = window.state
    for key, act in ACTIVATIONS.scalar().items():
        numeric = [s for s in act.params if not s.is_choice]
        if not numeric:
            continue
        state.activation = key
        spec = numeric[0]
        control = window.parameters.form.controls[spec.name]
        assert isinstance(control, NumberControl)
        control.slider.setValue(control.slider.maximum())
        moved = state.params[spec.name]
        assert control.field.value() == moved
        control.slider.setValue(0)
        assert state.params[spec.name] != moved or spec.minimum == spec.maximum
        control.reset_button.click()
        assert state.params[spec.name] == spec.default
        window.parameters.reset_button.click()
        assert state.params == act.defaults
        return
    pytest.skip("no function with a numeric parameter in the catalog yet")


# -- state → widget -------------------------------------------------------------------------
def test_state_drives_the_widgets(window: MainWindow) -> None:
    state = window.state
    state.n_samples = 5_000
    assert window.inputs.samples.field.value() == 5_000
    state.seed = 9
    assert window.inputs.seed.value() == 9
    state.distribution = InputDistribution("laplace", {"scale": 2.0})
    assert window.inputs.dist_combo.currentData() == "laplace"
    assert window.inputs.dist_form.controls["scale"].value() == 2.0
    state.x_range = (-2.0, 3.0)
    view = window.plots.function_plot.getPlotItem().getViewBox()
    assert view.viewRange()[0] == pytest.approx([-2.0, 3.0])
    assert window.view_panel.x_low.value() == -2.0
    assert_curves_match_core(window)
    state.log_derivative = True
    assert window.view_panel.log_box.isChecked()
    assert window.action("logDerivative").isChecked()
    state.show_input_histogram = True
    assert window.inputs.show_input.isChecked()
    state.theme = "dark"
    assert window.action("theme_dark").isChecked()


def test_state_to_widgets_does_not_echo(window: MainWindow) -> None:
    seen: list[object] = []
    window.state.events.all.connect(lambda info: seen.append(info.args[0]))
    window.state.n_samples = 3_000
    window.state.seed = 5
    window.state.x_range = (-1.0, 1.0)
    assert seen == [3_000, 5, (-1.0, 1.0)]


def test_new_activation_updates_every_view(window: MainWindow) -> None:
    keys = [k for k in ACTIVATIONS.scalar() if k != window.state.activation]
    if not keys:
        pytest.skip("one scalar function in the catalog")
    window.state.activation = keys[0]
    assert window.picker.tree.current_key() == keys[0]
    assert set(window.parameters.form.controls) == set(ACTIVATIONS[keys[0]].param_names)
    assert_curves_match_core(window)


# -- bad input ------------------------------------------------------------------------------
GARBAGE = ("abc", "nan", "NaN", "inf", "-inf", "1e999", "", "1..2", "--1", "0x10", "1,2.3.4", "½")


def test_garbage_in_every_number_field_changes_nothing(window: MainWindow) -> None:
    keys = [k for k, a in ACTIVATIONS.scalar().items() if a.params] or [window.state.activation]
    window.state.activation = keys[0]
    fields = window.findChildren(NumberField)
    assert len(fields) >= 4
    for field in fields:
        for text in GARBAGE:
            before = window.state.to_dict()
            shown = field.text()
            field.setText(text)
            field.editingFinished.emit()
            after = window.state.to_dict()
            assert after == before, (field.objectName(), text)
            assert field.text() == shown, (field.objectName(), text)
            assert field.property("invalid") is True, (field.objectName(), text)


def test_refusals_are_visible(window: MainWindow) -> None:
    field = window.inputs.seed
    field.setText("twelve")
    field.editingFinished.emit()
    message = window.inputs.message
    assert not message.isHidden() and "not a number" in message.text()
    field = window.inputs.samples.field
    field.setText("5")
    field.editingFinished.emit()
    assert "samples" in message.text() and window.state.n_samples == 100_000
    x_low = window.view_panel.x_low
    x_low.setText("10")  # beyond x high: refused by the state, the field goes back
    x_low.editingFinished.emit()
    assert window.state.x_range == (-6.0, 6.0)
    assert x_low.value() == -6.0
    assert not window.view_panel.message.isHidden()


def test_out_of_range_parameter_is_refused(window: MainWindow) -> None:
    for key, act in ACTIVATIONS.scalar().items():
        bounded = [s for s in act.params if not s.is_choice and math.isfinite(s.maximum)]
        if not bounded:
            continue
        window.state.activation = key
        spec = bounded[0]
        field = window.parameters.form.controls[spec.name].field
        before = window.state.params
        field.setText(f"{spec.maximum + 1:g}")
        field.editingFinished.emit()
        assert window.state.params == before
        assert not window.parameters.form.message.isHidden()
        assert spec.name in window.parameters.form.message.text()
        return
    pytest.skip("no bounded numeric parameter in the catalog yet")


# -- persistence ----------------------------------------------------------------------------
def test_state_survives_a_restart(qtbot, settings: QSettings, settings_path) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    state = first.state
    keys = list(ACTIVATIONS.scalar())
    state.activation = keys[-1]
    state.n_samples = 12_345
    state.seed = 99
    state.distribution = InputDistribution("uniform", {"low": -2.0, "high": 3.0})
    state.x_range = (-4.0, 2.5)
    state.log_derivative = True
    state.show_input_histogram = True
    state.theme = "dark"
    state.pin_current()
    snapshot = state.to_dict()
    first.close()

    reread = QSettings(str(settings_path), QSettings.Format.IniFormat)
    second = MainWindow(reread)
    qtbot.addWidget(second)
    assert second.state.to_dict() == snapshot
    assert second.inputs.samples.field.value() == 12_345
    assert second.view_panel.log_box.isChecked()
    assert_curves_match_core(second)


def test_corrupt_settings_are_ignored(qtbot, settings: QSettings) -> None:
    settings.setValue("state", '{"n_samples": "lots", "seed": -4, "activation": "nope"')
    settings.setValue("geometry", "garbage")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.state.n_samples == 100_000
    settings.setValue("state", '{"n_samples": "lots", "seed": 3, "activation": "nope"}')
    win2 = MainWindow(settings)
    qtbot.addWidget(win2)
    assert win2.state.seed == 3 and win2.state.n_samples == 100_000


def test_window_without_settings_has_no_side_effects(qtbot) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.state.seed = 11
    win.close()
    assert MainWindow.__init__.__defaults__ is not None


# -- looks ----------------------------------------------------------------------------------
def test_crosshair_reads_out_f_and_derivative(window: MainWindow) -> None:
    window.controller._hovered(1.5)
    act = ACTIVATIONS[window.state.activation]
    text = window.readout.text()
    assert text.startswith("x = 1.5")
    assert f"{float(act.forward(1.5, **window.state.params)):.4g}".replace("-", "−") in text
    window.controller._hovered(float("nan"))
    assert window.readout.text() == ""


def test_title_and_formula_follow_the_function(window: MainWindow) -> None:
    act = ACTIVATIONS[window.state.activation]
    assert window.title.text() == act.name
    assert window.formula.latex() == act.formula.latex
    assert isinstance(window.findChild(QLabel, "activationTitle"), QLabel)
    assert isinstance(window.findChild(QLineEdit, "activationSearch"), QLineEdit)


# -- menus ----------------------------------------------------------------------------------
def test_menus_follow_the_action_table(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMenu, QMenuBar

    from actexplorer.gui.actions import ACTIONS, ActionSpec, build_menus

    for spec in ACTIONS:
        action = window.action(spec.name)
        assert action.objectName() == f"action_{spec.name}"
        menu = window.findChild(QMenu, "menu_" + spec.menu.replace("&", "").replace("/", "_"))
        assert menu is not None, spec.menu
        assert action in menu.actions(), spec.name
    # Exclusive choices: picking one unchecks the other.
    window.action("theme_light").trigger()
    window.action("theme_dark").trigger()
    assert not window.action("theme_light").isChecked()
    assert window.state.theme == "dark"
    twice = (ACTIONS[0], ActionSpec("&File", ACTIONS[0].name, "Again", None, lambda w: w.close))
    with pytest.raises(ValueError, match="two menu actions"):
        build_menus(window, QMenuBar(window), twice)
