"""Presentation mode: what it shows and hides, that leaving it restores the window exactly, and
the keys of a talk (stepping functions or scenes, nudging, toggling plots, zooming)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from actexplorer.gui import MainWindow
from actexplorer.gui.presentation import (
    NUDGE_STEPS,
    PRESENTATION_KEYS,
    ZOOM_FACTOR,
    first_number_param,
    zoomed,
)
from actexplorer.gui.theme import LIGHT, PRESENTATION_DARK, PRESENTATION_LIGHT
from actexplorer.state import DEFAULT_X_RANGE, MIN_X_WIDTH, X_LIMIT, Pin


def _activate(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    qtbot.waitActive(window)


def _press(window: MainWindow, qtbot, key: Qt.Key) -> None:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key)


def _snapshot(window: MainWindow) -> dict[str, object]:
    """Everything presentation mode touches, as it is now."""
    plots = window.plots
    axis = plots.function_plot.getPlotItem().getAxis("bottom")
    return {
        "state": window.windowState(),
        "geometry": window.geometry().getRect(),
        "splitter": window.splitter.sizes(),
        "left": window.left_splitter.sizes(),
        "visible": [
            w.isVisible()
            for w in (
                window.menuBar(),
                window.view_tabs.tabBar(),
                window.splitter.widget(0),
                window.splitter.widget(2),
                window.presentation.strip,
            )
        ],
        "title_pt": window.title.font().pointSizeF(),
        "summary_pt": window.summary.font().pointSizeF(),
        "status_pt": window.statusBar().font().pointSizeF(),
        "formula_pt": window.formula.font_size(),
        "sheets": (window.view_tabs.styleSheet(), window.statusBar().styleSheet()),
        "palette": window.view_tabs.palette().color(QPalette.ColorRole.Window).name(),
        "text": window.title.palette().color(QPalette.ColorRole.WindowText).name(),
        "look": plots.look,
        "pen": plots.f_curve.opts["pen"].widthF(),
        "tick_pt": axis.style["tickFont"].pointSizeF(),
        "label": axis.labelString(),
    }


def test_entering_shows_only_title_formula_strip_and_plots(window: MainWindow, qtbot) -> None:
    window.state.theme = "light"
    window.state.activation = "elu"
    window.presentation.set_active(True)
    qtbot.waitUntil(lambda: window.isFullScreen())
    assert window.presentation.active
    assert window.action("presentation").isChecked()
    assert not window.menuBar().isVisible()
    assert not window.view_tabs.tabBar().isVisible()
    assert not window.picker.isVisible() and not window.parameters.isVisible()
    assert window.title.isVisible() and window.formula.isVisible()
    assert all(plot.isVisible() for plot in window.plots.plots)
    strip = window.presentation.strip
    assert strip.isVisible() and strip.spec is not None and strip.spec.name == "alpha"
    assert "alpha = 1" in strip.values_label.text()
    # Projector look: larger type, thicker lines, black on white.
    assert window.plots.look is PRESENTATION_LIGHT
    assert window.plots.f_curve.opts["pen"].widthF() > 4
    assert window.title.font().pointSizeF() >= 30
    assert window.formula.font_size() >= 24
    assert window.statusBar().font().pointSizeF() >= 14
    assert window.title.palette().color(QPalette.ColorRole.WindowText).name() == "#000000"
    window.presentation.set_active(False)


@pytest.mark.parametrize("maximised", [False, True])
def test_leaving_restores_the_window_exactly(window: MainWindow, qtbot, maximised: bool) -> None:
    window.state.theme = "light"
    window.splitter.setSizes([300, 600, 380])
    window.left_splitter.setSizes([200, 500])
    if maximised:
        window.showMaximized()
        qtbot.waitUntil(window.isMaximized)
    QApplication.processEvents()
    before = _snapshot(window)
    for _ in range(2):  # twice: the second round starts from a restored window
        window.presentation.toggle()
        QApplication.processEvents()
        assert _snapshot(window) != before
        window.presentation.toggle()
        QApplication.processEvents()
        assert _snapshot(window) == before
    assert not window.action("presentation").isChecked()


def test_f11_enters_and_f11_or_escape_leaves(window: MainWindow, qtbot) -> None:
    _activate(window, qtbot)
    before = _snapshot(window)
    _press(window, qtbot, Qt.Key.Key_F11)
    assert window.presentation.active
    _press(window, qtbot, Qt.Key.Key_F11)
    assert not window.presentation.active
    window.action("presentation").trigger()  # the menu entry
    assert window.presentation.active
    _press(window, qtbot, Qt.Key.Key_Escape)
    assert not window.presentation.active
    QApplication.processEvents()
    assert _snapshot(window) == before


def test_theme_change_while_presenting_keeps_the_projector_look(window: MainWindow) -> None:
    window.state.theme = "light"
    window.presentation.set_active(True, full_screen=False)
    window.state.theme = "dark"
    assert window.plots.look is PRESENTATION_DARK
    assert window.title.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    window.presentation.set_active(False)
    assert window.plots.look.name == "dark" and window.plots.look.font_scale == 1.0


def test_closing_while_presenting_saves_the_normal_layout(qtbot, settings) -> None:
    from PySide6.QtCore import QByteArray

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1100, 700)
    win.show()
    qtbot.waitExposed(win)
    geometry, splitter = win.saveGeometry(), win.splitter.saveState()
    win.presentation.set_active(True)
    win.close()
    assert not win.presentation.active
    assert settings.value("geometry", type=QByteArray) == geometry
    assert settings.value("splitter", type=QByteArray) == splitter


# -- the keys of a talk -----------------------------------------------------------------------
def test_page_down_and_up_step_functions(window: MainWindow, qtbot) -> None:
    _activate(window, qtbot)
    keys = window.picker.tree.visible_keys()
    window.state.activation = keys[3]
    _press(window, qtbot, Qt.Key.Key_PageDown)
    assert window.state.activation == keys[4]
    _press(window, qtbot, Qt.Key.Key_PageUp)
    _press(window, qtbot, Qt.Key.Key_PageUp)
    assert window.state.activation == keys[2]
    # Arrows step too, but only in presentation mode.
    _press(window, qtbot, Qt.Key.Key_Right)
    assert window.state.activation == keys[2]
    window.presentation.set_active(True, full_screen=False)
    _press(window, qtbot, Qt.Key.Key_Right)
    assert window.state.activation == keys[3]
    _press(window, qtbot, Qt.Key.Key_Left)
    assert window.state.activation == keys[2]
    window.presentation.set_active(False)


@dataclass
class FakeScenes:
    """Stands in for the window's scene list (anything else goes to the real one)."""

    real: object
    has_lecture: bool = True
    steps: list[int] = field(default_factory=list)

    def step_scene(self, delta: int) -> bool:
        self.steps.append(delta)
        return True

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)


def test_page_keys_step_scenes_when_a_lecture_is_open(window: MainWindow, qtbot, monkeypatch):
    fake = FakeScenes(getattr(window, "scenes", None))
    monkeypatch.setattr(window, "scenes", fake, raising=False)
    _activate(window, qtbot)
    key = window.state.activation
    _press(window, qtbot, Qt.Key.Key_PageDown)
    _press(window, qtbot, Qt.Key.Key_PageUp)
    window.presentation.set_active(True, full_screen=False)
    _press(window, qtbot, Qt.Key.Key_Right)
    window.presentation.set_active(False)
    assert fake.steps == [1, -1, 1]
    assert window.state.activation == key
    # Without a lecture the keys step functions again.
    fake.has_lecture = False
    _press(window, qtbot, Qt.Key.Key_PageDown)
    assert fake.steps == [1, -1, 1]
    assert window.state.activation != key


def test_up_and_down_nudge_the_first_parameter(window: MainWindow, qtbot) -> None:
    window.state.activation = "elu"
    _activate(window, qtbot)
    window.presentation.set_active(True, full_screen=False)
    _press(window, qtbot, Qt.Key.Key_Up)
    raised = window.state.params["alpha"]
    assert raised > 1.0
    assert "alpha = " + f"{raised:.6g}" in window.presentation.strip.values_label.text()
    _press(window, qtbot, Qt.Key.Key_Down)
    assert window.state.params["alpha"] == pytest.approx(1.0, rel=0.02)
    _press(window, qtbot, Qt.Key.Key_Up)
    _press(window, qtbot, Qt.Key.Key_R)
    assert window.state.params == window.state.current.defaults
    window.presentation.set_active(False)


def test_strip_slider_moves_the_parameter(window: MainWindow) -> None:
    window.state.activation = "leaky_relu"
    window.presentation.set_active(True, full_screen=False)
    strip = window.presentation.strip
    spec = first_number_param(tuple(window.state.current.params))
    assert spec is not None and strip.spec == spec
    strip.slider.setValue(strip.slider.value() + 5 * NUDGE_STEPS)
    assert window.state.params[spec.name] != spec.default
    window.state.reset_params()
    assert strip.slider.value() == strip._scale.to_step(float(spec.default))
    window.presentation.set_active(False)


def test_function_without_parameters_hides_the_strip(window: MainWindow) -> None:
    window.state.activation = "relu"
    window.presentation.set_active(True, full_screen=False)
    assert not window.presentation.strip.isVisible()
    window.presentation.set_active(False)


def _shown(window: MainWindow) -> list[str]:
    return [plot.objectName() for plot in window.plots.plots if plot.isVisible()]


def test_toggles_hide_and_show_plots(window: MainWindow, qtbot) -> None:
    _activate(window, qtbot)
    width = window.plots.function_plot.width()
    window.action("showDerivative").trigger()
    assert window.state.show_derivative is False
    QApplication.processEvents()
    assert _shown(window) == ["functionPlot", "outputHistogram", "gradientHistogram"]
    assert window.plots.function_plot.width() > 1.5 * width  # f takes the room of f′
    window.state.show_histograms = False
    QApplication.processEvents()
    assert _shown(window) == ["functionPlot"]
    assert not window.action("showHistograms").isChecked()
    window.presentation.set_active(True, full_screen=False)
    _press(window, qtbot, Qt.Key.Key_D)
    _press(window, qtbot, Qt.Key.Key_H)
    QApplication.processEvents()
    assert _shown(window) == [
        "functionPlot",
        "derivativePlot",
        "outputHistogram",
        "gradientHistogram",
    ]
    assert window.action("showDerivative").isChecked()
    window.presentation.set_active(False)


def test_pins_toggle_hides_pinned_curves_but_keeps_the_pins(window: MainWindow, qtbot) -> None:
    window.state.pins = [Pin("tanh", {})]
    f_pin = window.plots.f_pins[0]
    assert f_pin.xData is not None and window.plots.legend.isVisible()
    window.action("showPins").trigger()
    assert window.state.show_pins is False
    assert f_pin.xData is None and window.plots.df_pins[0].xData is None
    assert not window.plots.legend.isVisible()
    assert len(window.state.pins) == 1
    _activate(window, qtbot)
    window.presentation.set_active(True, full_screen=False)
    _press(window, qtbot, Qt.Key.Key_C)
    assert window.state.show_pins is True
    assert f_pin.xData is not None and window.plots.legend.isVisible()
    window.presentation.set_active(False)


def test_toggles_are_restored_from_settings(qtbot, settings) -> None:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.state.show_derivative = False
    win.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.state.show_derivative is False
    assert not again.plots.derivative_plot.isVisible()
    assert not again.action("showDerivative").isChecked()
    again.close()


def test_zoom_changes_the_x_range_and_reset_restores_it(window: MainWindow, qtbot) -> None:
    assert window.state.x_range == DEFAULT_X_RANGE
    width = DEFAULT_X_RANGE[1] - DEFAULT_X_RANGE[0]
    window.action("zoomIn").trigger()
    low, high = window.state.x_range
    assert high - low == pytest.approx(width / ZOOM_FACTOR)
    assert (low + high) / 2 == pytest.approx(0.0)
    view = window.plots.function_plot.getPlotItem().getViewBox()
    assert view.viewRange()[0] == pytest.approx([low, high])
    window.action("zoomOut").trigger()
    window.action("zoomOut").trigger()
    assert window.state.x_range[1] - window.state.x_range[0] == pytest.approx(width * ZOOM_FACTOR)
    _activate(window, qtbot)
    window.presentation.set_active(True, full_screen=False)
    _press(window, qtbot, Qt.Key.Key_Plus)
    _press(window, qtbot, Qt.Key.Key_Equal)
    assert window.state.x_range[1] - window.state.x_range[0] == pytest.approx(width / ZOOM_FACTOR)
    _press(window, qtbot, Qt.Key.Key_Minus)
    _press(window, qtbot, Qt.Key.Key_0)
    assert window.state.x_range == DEFAULT_X_RANGE
    window.presentation.set_active(False)


def test_zoomed_stays_inside_the_limits() -> None:
    assert zoomed((-6.0, 6.0), 0.5) == (-3.0, 3.0)
    assert zoomed((2.0, 4.0), 2.0) == (1.0, 5.0)
    tiny = zoomed((1.0, 1.0 + MIN_X_WIDTH), 1e-6)
    assert tiny[1] - tiny[0] >= MIN_X_WIDTH
    assert zoomed((-X_LIMIT, X_LIMIT), 10.0) == (-X_LIMIT, X_LIMIT)
    low, high = zoomed((X_LIMIT - 10, X_LIMIT), 4.0)
    assert high == X_LIMIT and high - low == pytest.approx(40.0)


def test_presentation_keys_are_off_outside_the_mode(window: MainWindow, qtbot) -> None:
    _activate(window, qtbot)
    x_range = window.state.x_range
    for key in (Qt.Key.Key_D, Qt.Key.Key_H, Qt.Key.Key_Minus, Qt.Key.Key_Up):
        _press(window, qtbot, key)
    assert window.state.show_derivative and window.state.show_histograms
    assert window.state.x_range == x_range
    names = {k for entry in PRESENTATION_KEYS for k in entry.keys}
    assert {"Right", "Left", "Esc", "D", "H", "C"} <= names


def test_plain_look_is_back_after_leaving(window: MainWindow) -> None:
    window.state.theme = "light"
    window.presentation.set_active(True, full_screen=False)
    window.presentation.set_active(False)
    assert window.plots.look is LIGHT
    item = window.plots.function_plot.getPlotItem()
    assert "font-size" not in item.getAxis("left").labelStyle
    assert isinstance(window.plots.function_plot, pg.PlotWidget)
    assert isinstance(window.presentation.strip, QWidget)


# -- the command line -------------------------------------------------------------------------
def test_presentation_flag_is_parsed() -> None:
    from actexplorer.app import build_parser, parse_options

    assert parse_options(build_parser().parse_args(["--presentation"])).presentation is True
    assert parse_options(build_parser().parse_args([])).presentation is False


@pytest.mark.slow
def test_presentation_screenshot_is_1920_by_1080(tmp_path) -> None:
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    target = tmp_path / "presentation.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "actexplorer",
            *("--presentation", "--theme", "light", "--activation", "elu"),
            *("--size", "1920x1080", "--screenshot", str(target)),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1920, 1080)
    # The projector look: pure white around the plots (the plain look's window is grey) ...
    assert image.pixelColor(1910, 5).name() == "#ffffff"
    # ... and no picker column: the left edge is white page, not the search box and list.
    column = {image.pixelColor(4, y).name() for y in range(200, 1000, 10)}
    assert column == {"#ffffff"}
