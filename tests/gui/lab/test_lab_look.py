"""The lab follows the window's light/dark look, and its side panels fit their controls."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QWidget

from actexplorer.gui.lab import LabPanel
from actexplorer.gui.lab._common import SidePanel, lab_colours
from actexplorer.gui.theme import DARK, LIGHT, OKABE_ITO, Look


def _plots(panel: LabPanel) -> list[pg.PlotWidget]:
    train = panel.train
    return [
        *panel.depth.plots.plots,
        panel.chaos.plot,
        panel.chaos.map_plot,
        *train.boundaries,
        train.loss_plot,
        train.accuracy_plot,
        train.grad_plot,
    ]


def _assert_styled(panel: LabPanel, look: Look) -> None:
    for plot in _plots(panel):
        name = plot.objectName()
        assert plot.backgroundBrush().color().name() == look.plot_background, name
        item = plot.getPlotItem()
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            assert axis.pen().color().name() == look.axis_line, (name, side)
            assert axis.textPen().color().name() == look.plot_foreground, (name, side)
        legend = item.legend
        if legend is not None:
            assert legend.opts["labelTextColor"].name() == look.plot_foreground, name
            assert legend.opts["brush"].color().name() == look.plot_background, name


@pytest.mark.parametrize("look", [DARK, LIGHT], ids=["dark", "light"])
def test_set_look_restyles_every_plot(panel: LabPanel, look: Look) -> None:
    other = LIGHT if look is DARK else DARK
    panel.set_look(other)
    panel.set_look(look)
    assert panel.look is look
    _assert_styled(panel, look)
    colours = lab_colours(look)
    depth = panel.depth.plots
    assert depth.std_curve.opts["pen"].color().name().upper() == colours.std.upper()
    assert depth.std_pred.opts["pen"].color().name() == pg.mkColor(colours.predicted).name()
    bar = depth.colorbar.axis
    assert bar.textPen().color().name() == look.plot_foreground
    assert panel.train.train_loss[0].opts["pen"].color().name().upper() == colours.runs[0].upper()


def test_restyling_drawn_plots_keeps_their_scale(qtbot, panel: LabPanel) -> None:
    assert panel.depth.wait_until_idle(60)
    # Wait for the axes to take the data's range (tanh's std stays below 1 here).
    axis = panel.depth.plots.moments.getPlotItem().getAxis("left")
    qtbot.waitUntil(lambda: 0 < axis.range[1] < 1)
    panel.set_look(DARK)
    panel.set_look(LIGHT)
    for plot in _plots(panel):
        for side in ("left", "bottom"):
            axis = plot.getPlotItem().getAxis(side)
            assert axis.autoSIPrefixScale == 1.0, (plot.objectName(), side)
            assert axis.labelUnitPrefix == "", (plot.objectName(), side)


def test_dark_curves_stay_okabe_ito_and_visible(panel: LabPanel) -> None:
    panel.set_look(DARK)
    palette = {c.upper() for c in OKABE_ITO.values()}
    background = pg.mkColor(DARK.plot_background)
    dark, light = lab_colours(DARK), lab_colours(LIGHT)
    assert dark.std != light.std  # deep blue is too dark on the dark background
    for name in ("mean", "std", "dead", "saturated", "dead_units", "gradient"):
        colour = getattr(dark, name)
        assert colour.upper() in palette, name
        assert _contrast(pg.mkColor(colour), background) >= 3.0, name
    assert _contrast(pg.mkColor(dark.predicted), background) >= 3.0


def test_the_decision_boundary_fades_into_the_plot_background(panel: LabPanel) -> None:
    panel.show_page("train")
    plot = panel.train.boundaries[0]
    for look in (DARK, LIGHT):
        panel.set_look(look)
        assert plot._boundary is not None
        boundary, n_classes = plot._boundary
        probs = boundary.probabilities
        confidence = (probs.max(axis=-1) - 1 / n_classes) / (1 - 1 / n_classes)
        i, j = np.unravel_index(np.argmin(confidence), confidence.shape)
        # The image is (y, x) transposed; the least certain cell is nearly the background.
        pixel = plot.image.image[j, i].astype(float)
        background = np.array(pg.mkColor(look.plot_background).getRgb()[:3], float)
        tolerance = 0.7 * max(float(confidence[i, j]), 0.0) * 255 + 1
        assert np.all(np.abs(pixel - background) <= tolerance), (look.name, pixel)


def _contrast(a: object, b: object) -> float:
    def luminance(colour: object) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        r, g, b_, _ = colour.getRgbF()  # type: ignore[attr-defined]
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b_)

    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _inside(side: SidePanel, widget: QWidget) -> bool:
    viewport = side.viewport()
    rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return viewport.rect().contains(rect)


@pytest.mark.parametrize("page", ["train", "depth"])
def test_side_panel_controls_are_fully_visible(qtbot, panel: LabPanel, page: str) -> None:
    panel.show_page(page)
    view = panel.train if page == "train" else panel.depth
    side = view.side
    qtbot.waitUntil(lambda: side.widget().isVisible())
    controls = side.widget()
    # The first show lays the page out over a few events (the scroll bar may flash meanwhile).
    qtbot.waitUntil(lambda: controls.size().width() <= side.viewport().size().width())
    # QWidget.width is shadowed by a field on the depth controls: go through the size.
    width = controls.size().width()
    assert width >= controls.minimumSizeHint().width()
    assert width <= side.viewport().size().width()
    for widget in controls.findChildren(QWidget):
        if widget.isVisibleTo(controls) and widget.parent() is controls:
            assert widget.geometry().right() < width, widget.objectName()
    if page == "train":
        buttons = [view.controls.play, view.controls.step, view.controls.reset]
        for button in buttons:
            assert isinstance(button, QAbstractButton)
            assert button.isVisible()
            assert _inside(side, button), button.objectName()
            assert button.width() >= button.minimumSizeHint().width(), button.objectName()
    assert panel.width() == 1280
