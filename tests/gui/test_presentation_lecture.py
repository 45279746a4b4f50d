"""Presentation mode with a lecture and with docks: the scene on screen, the Scenes dock kept
for after the talk, lab pages, the softmax view, and an exact restore with docks open."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from actexplorer.gui import MainWindow


def _layout(window: MainWindow) -> tuple[object, ...]:
    return (
        window.windowState(),
        window.geometry().getRect(),
        window.splitter.sizes(),
        window.left_splitter.sizes(),
        window.animation.geometry().getRect(),
        window.animation.isVisible(),
    )


def test_leaving_restores_exactly_with_the_animate_dock_open(window: MainWindow, qtbot) -> None:
    window.state.activation = "leaky_relu"
    window.animation.set_shown(True)
    QApplication.processEvents()
    before = _layout(window)
    docks = window.saveState()
    for _ in range(2):
        window.presentation.toggle()
        QApplication.processEvents()
        assert window.animation.isHidden()
        window.presentation.toggle()
        QApplication.processEvents()
        assert _layout(window) == before
        assert window.saveState() == docks


def _three_scenes(window: MainWindow) -> None:
    for key in ("relu", "elu", "gelu"):
        window.state.activation = key
        window.scenes.add_current_scene(title=key)


def test_the_scene_and_its_number_show_while_presenting(window: MainWindow) -> None:
    label = window.presentation.scene_label
    window.presentation.set_active(True, full_screen=False)
    assert label.isHidden()  # no lecture
    window.presentation.set_active(False)
    _three_scenes(window)
    assert window.scenes.show_scene(0)
    window.presentation.set_active(True, full_screen=False)
    assert label.isVisible() and label.text() == "relu\n1 / 3"
    assert label.font().pointSizeF() >= 16
    window.presentation.step_forward()
    assert label.text() == "elu\n2 / 3"
    window.history.undo()  # the cursor, and so the label, follow undo
    assert label.text() == "relu\n1 / 3"
    window.presentation.set_active(False)
    assert label.isHidden()


def test_a_lecture_opened_while_presenting_lists_its_scenes_after_the_talk(
    window: MainWindow, qtbot, tmp_path
) -> None:
    _three_scenes(window)
    path = window.scenes.save_lecture(tmp_path / "talk.actx.json")
    window.scenes.set_list_visible(False)
    window.state.activation = "tanh"
    window.presentation.set_active(True, full_screen=False)
    assert window.scenes.open_file(path)
    QApplication.processEvents()
    assert window.scenes.dock.isHidden()
    assert window.state.activation == "relu"
    assert window.presentation.scene_label.text() == "relu\n1 / 3"
    window.presentation.set_active(False)
    qtbot.waitUntil(window.scenes.dock.isVisible)


def test_presenting_from_a_lab_page_shows_the_explorer_then_comes_back(
    window: MainWindow, qtbot
) -> None:
    window.state.activation = "elu"
    window.show_view("lab-depth")
    window.presentation.set_active(True, full_screen=False)
    assert window.current_view() == "explorer"
    assert window.presentation.strip.isVisible()
    assert not window.view_tabs.tabBar().isVisible()
    window.show_view("lab-chaos")  # Ctrl+3 during the talk: the tabs show the way back
    assert window.view_tabs.tabBar().isVisible()
    window.show_view("explorer")
    assert not window.view_tabs.tabBar().isVisible()
    window.presentation.set_active(False)
    assert window.current_view() == "lab-depth"
    assert window.view_tabs.tabBar().isVisible()


def test_the_softmax_view_gets_the_projector_type_and_no_second_slider(
    window: MainWindow,
) -> None:
    window.state.activation = "softmax"
    view = window.softmax_view
    axis = view.output_plot.getPlotItem().getAxis("bottom")
    plain = axis.style["tickFont"]
    plain_pt = plain.pointSizeF() if plain is not None else view.font().pointSizeF() * 0.9
    window.presentation.set_active(True, full_screen=False)
    assert window.presentation.strip.isHidden()
    assert view.param_row("temperature").isVisible()
    assert axis.style["tickFont"].pointSizeF() > 1.5 * plain_pt
    window.presentation.set_active(False)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(plain_pt)
    window.state.activation = "elu"
    window.presentation.set_active(True, full_screen=False)
    assert window.presentation.strip.isVisible()
    window.state.activation = "softmin"  # a vector function chosen during the talk
    assert window.presentation.strip.isHidden()
    assert axis.style["tickFont"].pointSizeF() > 1.5 * plain_pt
    window.presentation.set_active(False)


def test_a_drag_of_the_strip_slider_is_one_undo_step(window: MainWindow) -> None:
    window.state.activation = "leaky_relu"
    window.presentation.set_active(True, full_screen=False)
    history = window.history
    history.clear()
    slider = window.presentation.strip.slider
    slider.sliderPressed.emit()
    assert history.in_gesture
    for step in (600, 650, 700):
        slider.setValue(step)
    slider.sliderReleased.emit()
    assert not history.in_gesture and history.undo_count == 1
    history.undo()
    assert window.state.params["negative_slope"] == 0.01
    window.presentation.set_active(False)
