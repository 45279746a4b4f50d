"""The four plots: f(x), f′(x) and the histograms of f(X) and f′(X).

Every curve item is created once and then fed with ``setData``; the current function's item is
the first data item of each plot, pinned functions follow it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem, QGridLayout, QWidget

from actexplorer.gui.curves import CurveData, log_magnitude
from actexplorer.gui.theme import LIGHT, Look
from actexplorer.state import MAX_PINS

#: Dash patterns paired with the pin colours so curves differ without colour too.
_PIN_STYLES = (
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotDotLine,
    Qt.PenStyle.DashLine,
)


@dataclass(frozen=True, slots=True)
class HistogramData:
    """Bin edges and densities of one histogram (len(edges) == len(density) + 1)."""

    edges: np.ndarray
    density: np.ndarray


@dataclass(frozen=True, slots=True)
class PinnedCurve:
    """A pinned function's curve and its legend label."""

    label: str
    curve: CurveData | None


def _make_plot(name: str, title: str, x_label: str, y_label: str) -> pg.PlotWidget:
    plot = pg.PlotWidget()
    plot.setObjectName(name)
    item = plot.getPlotItem()
    item.setTitle(title)
    item.setLabel("bottom", x_label)
    item.setLabel("left", y_label)
    item.showGrid(x=True, y=True)
    item.setMenuEnabled(False)
    item.hideButtons()
    item.getViewBox().setMouseMode(pg.ViewBox.PanMode)
    for name in ("left", "bottom"):
        # Axes carry the grid lines and tick text: the costliest part of a repaint. Cached as a
        # pixmap they are redrawn only when their ticks move, not on every curve update.
        item.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    plot.setMinimumSize(180, 140)
    return plot


class PlotsView(QWidget):
    """Four linked pyqtgraph plots in a 2 × 2 grid, plus a crosshair on the curve plots.

    Emits :attr:`xRangeEdited` when the user pans or zooms the curves and :attr:`hovered` with
    the x under the mouse (NaN when it leaves).
    """

    xRangeEdited = Signal(float, float)
    hovered = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._look = LIGHT
        self._log_derivative = False
        self._syncing_range = False
        self.function_plot = _make_plot("functionPlot", "Function", "x", "f(x)")
        self.derivative_plot = _make_plot("derivativePlot", "Derivative", "x", "f′(x)")
        self.output_histogram = _make_plot("outputHistogram", "Outputs f(X)", "f(X)", "density")
        self.gradient_histogram = _make_plot(
            "gradientHistogram", "Local gradients f′(X)", "f′(X)", "density"
        )
        self.derivative_plot.setXLink(self.function_plot)

        fi, di = self.function_plot.getPlotItem(), self.derivative_plot.getPlotItem()
        oi, gi = self.output_histogram.getPlotItem(), self.gradient_histogram.getPlotItem()
        self.legend = fi.addLegend(offset=(8, 8), labelTextSize="9pt")
        self.legend.setVisible(False)
        # The current function first: tests and other code find it as listDataItems()[0].
        self.f_curve = fi.plot(connect="finite")
        self.df_curve = di.plot(connect="finite")
        self.out_hist = oi.plot(stepMode="center", fillLevel=0)
        self.grad_hist = gi.plot(stepMode="center", fillLevel=0)
        self.f_pins = [fi.plot(connect="finite") for _ in range(MAX_PINS)]
        self.df_pins = [di.plot(connect="finite") for _ in range(MAX_PINS)]
        self.out_pins = [oi.plot(stepMode="center") for _ in range(MAX_PINS)]
        self.grad_pins = [gi.plot(stepMode="center") for _ in range(MAX_PINS)]
        self.in_hist = oi.plot(stepMode="center", fillLevel=0)
        self.in_hist.setZValue(-10)
        for curve in (self.f_curve, self.df_curve):
            curve.setZValue(10)

        self._zero_lines: list[pg.InfiniteLine] = []
        for item in (fi, di):
            for angle in (0, 90):
                line = pg.InfiniteLine(pos=0.0, angle=angle, movable=False)
                line.setZValue(-20)
                item.addItem(line, ignoreBounds=True)
                self._zero_lines.append(line)
        self._cross_lines: list[pg.InfiniteLine] = []
        for item in (fi, di):
            line = pg.InfiniteLine(angle=90, movable=False)
            line.setVisible(False)
            item.addItem(line, ignoreBounds=True)
            self._cross_lines.append(line)

        for item in (fi, di):
            view = item.getViewBox()
            view.enableAutoRange(axis=pg.ViewBox.YAxis)
            view.setAutoVisible(y=True)
            view.disableAutoRange(axis=pg.ViewBox.XAxis)
        fi.getViewBox().sigXRangeChanged.connect(self._range_moved)
        self._mouse_proxies = [
            pg.SignalProxy(p.scene().sigMouseMoved, rateLimit=60, slot=self._mouse_moved)
            for p in (self.function_plot, self.derivative_plot)
        ]

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        grid.addWidget(self.function_plot, 0, 0)
        grid.addWidget(self.derivative_plot, 0, 1)
        grid.addWidget(self.output_histogram, 1, 0)
        grid.addWidget(self.gradient_histogram, 1, 1)
        self.set_look(LIGHT)

    @property
    def plots(self) -> tuple[pg.PlotWidget, ...]:
        """The four plot widgets, in reading order."""
        return (
            self.function_plot,
            self.derivative_plot,
            self.output_histogram,
            self.gradient_histogram,
        )

    # -- looks -------------------------------------------------------------------------------
    def set_look(self, look: Look) -> None:
        """Recolour everything for ``look``."""
        self._look = look
        tick_font = QFont()
        tick_font.setPointSizeF(8.5)
        for plot in self.plots:
            plot.setBackground(look.plot_background)
            item = plot.getPlotItem()
            item.titleLabel.setText(
                item.titleLabel.text, color=look.plot_foreground, size="10pt", bold=True
            )
            for name in ("left", "bottom"):
                axis = item.getAxis(name)
                axis.setPen(pg.mkPen(look.axis_line))
                axis.setTextPen(pg.mkPen(look.plot_foreground))
                axis.setTickFont(tick_font)
                axis.label.setDefaultTextColor(pg.mkColor(look.plot_foreground))
                axis.setGrid(int(look.grid_alpha * 255))
        self.legend.setLabelTextColor(look.plot_foreground)
        self.legend.setBrush(pg.mkBrush(look.plot_background + "e0"))
        self.legend.setPen(pg.mkPen(look.axis_line))
        for line in self._zero_lines:
            line.setPen(pg.mkPen(look.axis_line, width=1))
        for line in self._cross_lines:
            line.setPen(pg.mkPen(look.muted, width=1, style=Qt.PenStyle.DashLine))
        self.f_curve.setPen(pg.mkPen(look.current, width=2.5))
        self.df_curve.setPen(pg.mkPen(look.derivative, width=2.5))
        for hist, color in ((self.out_hist, look.current), (self.grad_hist, look.derivative)):
            hist.setPen(pg.mkPen(color, width=1.5))
            hist.setBrush(pg.mkBrush((*pg.mkColor(color).getRgb()[:3], 70)))
        input_color = pg.mkColor(look.input_fill)
        self.in_hist.setPen(pg.mkPen(input_color, width=1))
        self.in_hist.setBrush(pg.mkBrush((*input_color.getRgb()[:3], 60)))
        for index in range(MAX_PINS):
            color = look.pins[index]
            style = _PIN_STYLES[index]
            for item in (self.f_pins[index], self.df_pins[index]):
                item.setPen(pg.mkPen(color, width=2, style=style))
            for item in (self.out_pins[index], self.grad_pins[index]):
                item.setPen(pg.mkPen(color, width=1.5))
        for curve in (self.f_curve, self.df_curve, *self.f_pins, *self.df_pins):
            curve.setCurveClickable(False)

    # -- curves ------------------------------------------------------------------------------
    def set_curve(self, curve: CurveData | None) -> None:
        """Draw the current function's f and f′ (or nothing for a vector function)."""
        if curve is None:
            self.f_curve.clear()
            self.df_curve.clear()
            return
        self.f_curve.setData(curve.x, curve.f)
        self.df_curve.setData(curve.x, self._derivative_values(curve.df))

    def set_pinned_curves(self, pins: Sequence[PinnedCurve], current_label: str) -> None:
        """Overlay pinned functions and rebuild the legend."""
        self.legend.clear()
        self.legend.setVisible(bool(pins))
        if pins:
            self.legend.addItem(self.f_curve, current_label)
        for index in range(MAX_PINS):
            f_item, df_item = self.f_pins[index], self.df_pins[index]
            pin = pins[index] if index < len(pins) else None
            if pin is None or pin.curve is None:
                f_item.clear()
                df_item.clear()
            else:
                f_item.setData(pin.curve.x, pin.curve.f)
                df_item.setData(pin.curve.x, self._derivative_values(pin.curve.df))
            if pin is not None:
                self.legend.addItem(f_item, pin.label)

    def set_log_derivative(self, on: bool) -> None:
        """Switch the derivative plot between f′ and log |f′|."""
        self._log_derivative = on
        item = self.derivative_plot.getPlotItem()
        item.setLogMode(y=on)
        item.setLabel("left", "|f′(x)|  (log scale)" if on else "f′(x)")

    def _derivative_values(self, df: np.ndarray) -> np.ndarray:
        return log_magnitude(df) if self._log_derivative else df

    def set_x_range(self, low: float, high: float) -> None:
        """Show x in [low, high] on both curve plots."""
        self._syncing_range = True
        try:
            self.function_plot.getPlotItem().getViewBox().setXRange(low, high, padding=0)
        finally:
            self._syncing_range = False

    def reset_y_ranges(self) -> None:
        """Let every plot fit its y axis to what is visible again."""
        for plot in self.plots:
            plot.getPlotItem().getViewBox().enableAutoRange(axis=pg.ViewBox.YAxis)
        for plot in (self.output_histogram, self.gradient_histogram):
            plot.getPlotItem().getViewBox().enableAutoRange(axis=pg.ViewBox.XAxis)

    def _range_moved(self, _view: object, x_range: Sequence[float]) -> None:
        if not self._syncing_range:
            self.xRangeEdited.emit(float(x_range[0]), float(x_range[1]))

    # -- crosshair ---------------------------------------------------------------------------
    def _mouse_moved(self, event: tuple[QPointF]) -> None:
        position = event[0]
        for plot in (self.function_plot, self.derivative_plot):
            item = plot.getPlotItem()
            if plot.sceneBoundingRect().contains(position) and item.sceneBoundingRect().contains(
                position
            ):
                point = item.getViewBox().mapSceneToView(position)
                self.hovered.emit(float(point.x()))
                return
        self.hovered.emit(float("nan"))

    def set_crosshair(self, x: float | None) -> None:
        """Show the vertical crosshair at ``x`` (hide it for None)."""
        for line in self._cross_lines:
            if x is None:
                line.setVisible(False)
            else:
                line.setPos(x)
                line.setVisible(True)

    # -- histograms --------------------------------------------------------------------------
    def set_histograms(
        self,
        output: HistogramData | None,
        gradient: HistogramData | None,
        inputs: HistogramData | None,
    ) -> None:
        """Draw the histograms of f(X), f′(X) and (when given) of X behind f(X)."""
        for item, data in (
            (self.out_hist, output),
            (self.grad_hist, gradient),
            (self.in_hist, inputs),
        ):
            if data is None:
                item.clear()
            else:
                item.setData(data.edges, data.density)

    def set_pinned_histograms(
        self, outputs: Sequence[HistogramData | None], gradients: Sequence[HistogramData | None]
    ) -> None:
        """Outline the histograms of pinned functions (None hides one)."""
        for items, datas in ((self.out_pins, outputs), (self.grad_pins, gradients)):
            for index, item in enumerate(items):
                data = datas[index] if index < len(datas) else None
                if data is None:
                    item.clear()
                else:
                    item.setData(data.edges, data.density)
