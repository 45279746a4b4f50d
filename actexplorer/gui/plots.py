"""The four plots: f(x), f′(x) and the histograms of f(X) and f′(X).

Every curve item is created once and then fed with ``setData``; the current function's item is
the first data item of each plot, pinned functions follow it. Axis ranges are fitted here from the
data's extremes instead of by pyqtgraph's autorange, and only move when the data would need them to
move by more than a few per cent: an axis whose range changes must redraw its ticks and grid, the
dearest part of a repaint, so a slider drag should not do that on every step.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem, QGridLayout, QWidget

from actexplorer.gui.curves import CurveData, log_magnitude
from actexplorer.gui.lean_items import add_lean_item
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


#: Point sizes of the plain look; a look's font_scale multiplies them.
_TICK_PT = 8.5
_TITLE_PT = 10.0
_LABEL_PT = 9.0
#: Qt's own margin around a text item (pyqtgraph's axis labels use it).
_LABEL_MARGIN = 4.0
_LEGEND_PT = 9.0

#: Fitted ranges keep this share of the data's span free on each side.
_PAD = 0.05
#: A fitted range is moved only when one of its ends is off by more than this share of the span.
#: Smaller than _PAD, so data inside a range that was not moved still never touches its edges.
_TOLERANCE = 0.04
#: Changes of one axis's data closer together than this are a storm (a slider being dragged).
_STORM_SECONDS = 0.25
#: During a storm a range moves only when the data leaves it or fills less than 1/_LOOSE of it,
#: and then with this much headroom each side, so the axes are redrawn every few steps instead of
#: on every step; the tight fit follows when the storm has been over for _SETTLE_MS.
_HEADROOM = 0.25
_LOOSE = 2.0
#: The same for a histogram's density axis. A drag can move a histogram's peak by a factor of
#: ten (ELU's α from 0.1 to 1 does); the shape stays readable in a third of the height.
_LOOSE_DENSITY = 3.0
_SETTLE_MS = 250


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


def finite_bounds(values: np.ndarray) -> tuple[float, float] | None:
    """(min, max) of the finite entries of ``values``; None when there is none."""
    if values.size == 0:
        return None
    low, high = float(np.min(values)), float(np.max(values))
    if math.isfinite(low) and math.isfinite(high):
        return (low, high)  # the usual case: two reductions, no mask
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return None
    return (float(finite.min()), float(finite.max()))


def padded(bounds: tuple[float, float]) -> tuple[float, float]:
    """A view range showing ``bounds`` with a margin; a point gets a unit-wide window."""
    low, high = bounds
    span = high - low
    if not span > 1e-12 * max(1.0, abs(low), abs(high)):
        half = 0.5 * max(1.0, abs(low))
        return (low - half, high + half)
    return (low - _PAD * span, high + _PAD * span)


def needs_refit(current: Sequence[float], target: tuple[float, float]) -> bool:
    """True when the shown range ``current`` is off from ``target`` by more than the tolerance."""
    low, high = target
    slack = _TOLERANCE * (high - low)
    return abs(current[0] - low) > slack or abs(current[1] - high) > slack


def storm_range(
    current: Sequence[float], target: tuple[float, float], loose: float = _LOOSE
) -> tuple[float, float] | None:
    """During a storm: None while ``current`` holds ``target`` and is not too loose, else
    ``target`` with headroom."""
    low, high = target
    span = high - low
    if low >= current[0] and high <= current[1] and current[1] - current[0] <= loose * span:
        return None
    return (low - _HEADROOM * span, high + _HEADROOM * span)


def _union(bounds: Sequence[tuple[float, float] | None]) -> tuple[float, float] | None:
    shown = [b for b in bounds if b is not None]
    if not shown:
        return None
    return (min(b[0] for b in shown), max(b[1] for b in shown))


def _make_plot(name: str) -> pg.PlotWidget:
    """An empty plot; :meth:`PlotsView.retranslate` writes its title and axis labels."""
    plot = pg.PlotWidget()
    plot.setObjectName(name)
    item = plot.getPlotItem()
    # A title row and both axis labels from the start, so the layout does not jump when the
    # texts arrive.
    item.setTitle(" ")
    item.setLabel("bottom", " ")
    item.setLabel("left", " ")
    item.showGrid(x=True, y=True)
    item.setMenuEnabled(False)
    item.hideButtons()
    view = item.getViewBox()
    view.setMouseMode(pg.ViewBox.PanMode)
    # Ranges are fitted by PlotsView; pyqtgraph's autorange would rescan every item's bounds
    # before each paint and move the axes on every data change.
    view.disableAutoRange()
    for name in ("left", "bottom"):
        # Axes carry the grid lines and tick text: the costliest part of a repaint. Cached as a
        # pixmap they are redrawn only when their ticks move, not on every curve update.
        item.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # Densities read 0.7, not 700 with a "(x0.001)" in the label.
        item.getAxis(name).enableAutoSIPrefix(False)
    plot.setMinimumSize(180, 140)
    return plot


class PlotsView(QWidget):
    """Four linked pyqtgraph plots in a 2 × 2 grid, plus a crosshair on the curve plots.

    Emits :attr:`xRangeEdited` when the user pans or zooms the curves and :attr:`hovered` with
    the x under the mouse (NaN when it leaves). The y ranges (and the histograms' x ranges)
    follow the data until the user pans or zooms that axis; :meth:`reset_y_ranges` hands them
    back.
    """

    xRangeEdited = Signal(float, float)
    hovered = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._look = LIGHT
        self._log_derivative = False
        self._syncing_range = False
        self.function_plot = _make_plot("functionPlot")
        self.derivative_plot = _make_plot("derivativePlot")
        self.output_histogram = _make_plot("outputHistogram")
        self.gradient_histogram = _make_plot("gradientHistogram")
        self.derivative_plot.setXLink(self.function_plot)

        fi, di = self.function_plot.getPlotItem(), self.derivative_plot.getPlotItem()
        oi, gi = self.output_histogram.getPlotItem(), self.gradient_histogram.getPlotItem()
        self.legend = fi.addLegend(offset=(8, 8), labelTextSize="9pt")
        self.legend.setVisible(False)
        self._legend_labels: tuple[str, ...] = ()
        # The current function first: tests and other code find it as listDataItems()[0].
        self.f_curve = add_lean_item(fi, connect="finite")
        self.df_curve = add_lean_item(di, connect="finite")
        self.out_hist = add_lean_item(oi, stepMode="center", fillLevel=0, antialias=False)
        self.grad_hist = add_lean_item(gi, stepMode="center", fillLevel=0, antialias=False)
        # The pinned functions' items are made with the first pin (see _make_pin_items): many
        # sessions never pin, and twenty idle items would delay the window's first paint.
        self.f_pins: list[pg.PlotDataItem] = []
        self.df_pins: list[pg.PlotDataItem] = []
        self.out_pins: list[pg.PlotDataItem] = []
        self.grad_pins: list[pg.PlotDataItem] = []
        self.in_hist = add_lean_item(oi, stepMode="center", fillLevel=0, antialias=False)
        self.in_hist.setZValue(-10)
        for curve in (self.f_curve, self.df_curve):
            curve.setZValue(10)
        # What each item shows, so that an unchanged pin is not fed again, and the extremes of
        # its data in view coordinates (x bounds, y bounds), from which the ranges are fitted.
        self._shown: dict[Any, object] = {}
        self._bounds: dict[Any, tuple[tuple[float, float] | None, tuple[float, float] | None]] = {}
        # Axes the user has panned or zoomed: they keep the user's range until a reset.
        self._manual: dict[pg.ViewBox, list[bool]] = {}
        self._last_change: dict[tuple[pg.ViewBox, int], float] = {}
        self._held = False
        self._held_curve: tuple[CurveData | None, ...] = ()  # the newest held back, if any
        # Axes holding their tick-label room during a storm, with the room they had before it.
        self._steady_axes: dict[pg.AxisItem, tuple[float, float]] = {}
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(_SETTLE_MS)
        self._settle_timer.timeout.connect(self._settle)
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.timeout.connect(self.release_curves)

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

        for plot in self.plots:
            view = plot.getPlotItem().getViewBox()
            self._manual[view] = [False, False]
            view.sigRangeChangedManually.connect(self._range_edited_by_user)
        fi.getViewBox().sigXRangeChanged.connect(self._range_moved)
        self._mouse_proxies = [
            pg.SignalProxy(p.scene().sigMouseMoved, rateLimit=60, slot=self._mouse_moved)
            for p in (self.function_plot, self.derivative_plot)
        ]

        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(8)
        self._show_derivative = True
        self._show_histograms = True
        self._arrange()
        self.retranslate()
        self._style(LIGHT)

    def _make_pin_items(self) -> None:
        """Create the items of pinned functions (once), in the current look."""
        if self.f_pins:
            return
        fi, di = self.function_plot.getPlotItem(), self.derivative_plot.getPlotItem()
        oi, gi = self.output_histogram.getPlotItem(), self.gradient_histogram.getPlotItem()
        self.f_pins[:] = [add_lean_item(fi, connect="finite") for _ in range(MAX_PINS)]
        self.df_pins[:] = [add_lean_item(di, connect="finite") for _ in range(MAX_PINS)]
        self.out_pins[:] = [
            add_lean_item(oi, stepMode="center", antialias=False) for _ in range(MAX_PINS)
        ]
        self.grad_pins[:] = [
            add_lean_item(gi, stepMode="center", antialias=False) for _ in range(MAX_PINS)
        ]
        for curve in (*self.f_pins, *self.df_pins):
            curve.setCurveClickable(False)
        self._style_pins()

    def _style_pins(self) -> None:
        lines = self._look.line_scale
        for index, (f_item, df_item) in enumerate(zip(self.f_pins, self.df_pins, strict=True)):
            color = self._look.pins[index]
            for item in (f_item, df_item):
                item.setPen(pg.mkPen(color, width=2 * lines, style=_PIN_STYLES[index]))
            for item in (self.out_pins[index], self.grad_pins[index]):
                item.setPen(pg.mkPen(color, width=1.5 * lines))

    # -- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Write the plots' titles and axis labels in the current language.

        pyqtgraph's titles and labels are graphics items, which get no LanguageChange of their
        own: this view sets them again. Notation (x, f(x), f′(X)) reads the same everywhere.
        """
        density = self.tr("density")
        for plot, title, x_label, y_label in (
            (self.function_plot, self.tr("Function"), "x", "f(x)"),
            (self.derivative_plot, self.tr("Derivative"), "x", self._derivative_label()),
            (self.output_histogram, self.tr("Outputs f(X)"), "f(X)", density),
            (self.gradient_histogram, self.tr("Local gradients f′(X)"), "f′(X)", density),
        ):
            item = plot.getPlotItem()
            # titleLabel keeps the look's colour, size and weight from set_look.
            item.titleLabel.setText(title)
            item.setLabel("bottom", x_label)
            item.setLabel("left", y_label)

    def _derivative_label(self) -> str:
        return self.tr("|f′(x)|  (log scale)") if self._log_derivative else "f′(x)"

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def plots(self) -> tuple[pg.PlotWidget, ...]:
        """The four plot widgets, in reading order."""
        return (
            self.function_plot,
            self.derivative_plot,
            self.output_histogram,
            self.gradient_histogram,
        )

    # -- which plots -------------------------------------------------------------------------
    def set_show_derivative(self, on: bool) -> None:
        """Show or hide the f′ plot; the others take its room."""
        if on != self._show_derivative:
            self._show_derivative = on
            self._arrange()

    def set_show_histograms(self, on: bool) -> None:
        """Show or hide both histograms; the curves take their room."""
        if on != self._show_histograms:
            self._show_histograms = on
            self._arrange()

    def visible_plots(self) -> tuple[pg.PlotWidget, ...]:
        """The plots shown, in reading order."""
        return tuple(plot for plot in self.plots if self._wanted(plot))

    def _wanted(self, plot: pg.PlotWidget) -> bool:
        if plot is self.derivative_plot:
            return self._show_derivative
        if plot in (self.output_histogram, self.gradient_histogram):
            return self._show_histograms
        return True

    def _arrange(self) -> None:
        """Lay the shown plots out: curves on the top row, histograms below, each row full."""
        grid = self._grid
        for plot in self.plots:
            grid.removeWidget(plot)
        curves = [p for p in self._curve_plots if self._wanted(p)]
        rows = [curves]
        if self._show_histograms:
            rows.append([self.output_histogram, self.gradient_histogram])
        for row, plots in enumerate(rows):
            span = 2 // len(plots)  # a lone plot spans both columns
            for column, plot in enumerate(plots):
                grid.addWidget(plot, row, column * span, 1, span)
        for row in range(2):
            grid.setRowStretch(row, 1 if row < len(rows) else 0)
        for plot in self.plots:
            plot.setVisible(self._wanted(plot))

    # -- looks -------------------------------------------------------------------------------
    @property
    def look(self) -> Look:
        """The look the plots are drawn in."""
        return self._look

    def set_look(self, look: Look) -> None:
        """Recolour everything for ``look`` (and size fonts and lines by its scales)."""
        if look != self._look:  # styling the axes again costs start-up time and changes nothing
            self._style(look)

    def _style(self, look: Look) -> None:
        self._look = look
        fonts, lines = look.font_scale, look.line_scale
        tick_font = QFont()
        tick_font.setPointSizeF(_TICK_PT * fonts)
        for plot in self.plots:
            plot.setBackground(look.plot_background)
            item = plot.getPlotItem()
            item.titleLabel.setText(
                item.titleLabel.text,
                color=look.plot_foreground,
                size=f"{_TITLE_PT * fonts:g}pt",
                bold=True,
            )
            for name in ("left", "bottom"):
                axis = item.getAxis(name)
                axis.setPen(pg.mkPen(look.axis_line, width=max(1.0, lines * 0.75)))
                axis.setTextPen(pg.mkPen(look.plot_foreground))
                axis.setTickFont(tick_font)
                axis.label.setDefaultTextColor(pg.mkColor(look.plot_foreground))
                axis.setGrid(int(look.grid_alpha * 255))
                # The plain look keeps pyqtgraph's own label size; others scale it.
                style = {k: v for k, v in axis.labelStyle.items() if k != "font-size"}
                if fonts != 1.0:
                    style["font-size"] = f"{_LABEL_PT * fonts:g}pt"
                axis.labelStyle = style
                if name == "left":
                    # pyqtgraph reserves 0.8 of the label's height beside the tick numbers; a
                    # rotated Chinese label fills its whole line and, enlarged, would touch them.
                    # A wider margin around the text widens the reserved band.
                    margin = _LABEL_MARGIN if fonts == 1.0 else _LABEL_MARGIN * 2.5 * fonts
                    axis.label.document().setDocumentMargin(margin)
                axis.setLabel(axis.labelText, axis.labelUnits or None)
        self.legend.setLabelTextColor(look.plot_foreground)
        self.legend.setLabelTextSize(f"{_LEGEND_PT * fonts:g}pt")
        for _sample, label in self.legend.items:
            label.setText(label.text)  # setLabelTextSize only takes effect on the next text
        self.legend.setBrush(pg.mkBrush(look.plot_background + "e0"))
        self.legend.setPen(pg.mkPen(look.axis_line))
        for line in self._zero_lines:
            line.setPen(pg.mkPen(look.axis_line, width=lines))
        for line in self._cross_lines:
            line.setPen(pg.mkPen(look.muted, width=lines, style=Qt.PenStyle.DashLine))
        self.f_curve.setPen(pg.mkPen(look.current, width=2.5 * lines))
        self.df_curve.setPen(pg.mkPen(look.derivative, width=2.5 * lines))
        for hist, color in ((self.out_hist, look.current), (self.grad_hist, look.derivative)):
            hist.setPen(pg.mkPen(color, width=1.5 * lines))
            hist.setBrush(pg.mkBrush((*pg.mkColor(color).getRgb()[:3], 70)))
        input_color = pg.mkColor(look.input_fill)
        self.in_hist.setPen(pg.mkPen(input_color, width=lines))
        self.in_hist.setBrush(pg.mkBrush((*input_color.getRgb()[:3], 60)))
        self._style_pins()
        for curve in (self.f_curve, self.df_curve):
            curve.setCurveClickable(False)

    # -- data and ranges ---------------------------------------------------------------------
    def _show_curve(self, item: pg.PlotDataItem, x: np.ndarray, y: np.ndarray) -> None:
        # NaN marks where a line must break: "finite" connection keeps those gaps, and the
        # item's own finite scan is skipped (the path builder handles NaN itself).
        item.setData(x, y, connect="finite", skipFiniteCheck=True)
        if self._log_derivative and item in self._derivative_items:
            with np.errstate(divide="ignore", invalid="ignore"):
                y_view = np.log10(y)
        else:
            y_view = y
        self._bounds[item] = ((float(x[0]), float(x[-1])), finite_bounds(y_view))

    def _show_histogram(self, item: pg.PlotDataItem, data: HistogramData) -> None:
        # Edges and densities of a histogram are finite: no scan for NaN needed.
        item.setData(data.edges, data.density, skipFiniteCheck=True)
        peak = float(np.max(data.density)) if data.density.size else 0.0
        self._bounds[item] = (
            (float(data.edges[0]), float(data.edges[-1])),
            (0.0, peak if math.isfinite(peak) and peak > 0 else 1.0),
        )

    def _hide(self, item: pg.PlotDataItem) -> None:
        if self._bounds.pop(item, None) is not None or item.xData is not None:
            item.clear()

    @property
    def _derivative_items(self) -> tuple[pg.PlotDataItem, ...]:
        return (self.df_curve, *self.df_pins)

    def _fit(self, plot: pg.PlotWidget, axes: tuple[int, ...], *, settle: bool = False) -> None:
        """Move the ranges of ``axes`` (0 = x, 1 = y) of ``plot`` to its items' data, if needed.

        An isolated change gets the tight fit; changes in a storm the lazy one (see
        :func:`storm_range`), until the settle timer fits them tightly.
        """
        view = plot.getPlotItem().getViewBox()
        manual = self._manual[view]
        items = plot.getPlotItem().listDataItems()
        current = view.viewRange()
        now = time.monotonic()
        for axis in axes:
            if manual[axis]:
                continue
            bounds = _union([self._bounds[i][axis] for i in items if i in self._bounds])
            if bounds is None:
                continue
            target = padded(bounds)
            density = axis == 1 and plot not in self._curve_plots
            if density:
                target = (0.0, target[1])  # densities start at zero
            new: tuple[float, float] | None
            last = self._last_change.get((view, axis), -math.inf)
            if not settle and now - last < _STORM_SECONDS:
                new = storm_range(current[axis], target, _LOOSE_DENSITY if density else _LOOSE)
                self._steady_text_space(plot)
                self._settle_timer.start()
            else:
                new = target if needs_refit(current[axis], target) else None
            if not settle:
                self._last_change[(view, axis)] = now
            if new is None:
                continue
            if density:
                new = (0.0, new[1])
            if axis == 0:
                view.setXRange(*new, padding=0)
            else:
                view.setYRange(*new, padding=0)

    # -- one frame for curves and histograms ----------------------------------------------------
    def hold_curves(self, limit_ms: int) -> None:
        """Keep new curves back until :meth:`release_curves`, or ``limit_ms`` at most.

        For a change whose histograms are due from the worker within a frame or so: the curves
        and histograms then appear together in one repaint, instead of a repaint of the curves
        beside the old histograms competing for the cores with the computation of the new ones,
        and a second repaint when they arrive. A hold in progress keeps its limit (a storm of
        changes cannot hold the plots for longer). Only the curves wait: the plots repaint as
        usual, so the release repaints just what changed.
        """
        if self._held:
            return
        self._held = True
        self._hold_timer.start(max(0, int(limit_ms)))

    def release_curves(self) -> None:
        """End a hold: the newest curves held back are drawn."""
        if not self._held:
            return
        self._held = False
        self._hold_timer.stop()
        if self._held_curve:
            (curve,) = self._held_curve
            self._held_curve = ()
            self.set_curve(curve)

    @property
    def curves_held(self) -> bool:
        """True while :meth:`hold_curves` keeps new curves back."""
        return self._held

    def settle_now(self) -> None:
        """Give the ranges their tight fit now if a storm's is still due (before a picture)."""
        if self._settle_timer.isActive():
            self._settle_timer.stop()
            self._settle()

    def _settle(self) -> None:
        """Fit every range tightly (a storm of changes is over)."""
        for plot in self._curve_plots:
            self._fit(plot, (1,), settle=True)
        for plot in (self.output_histogram, self.gradient_histogram):
            self._fit(plot, (0, 1), settle=True)
        self._free_text_space()

    def _steady_text_space(self, plot: pg.PlotWidget) -> None:
        """During a storm the axes of ``plot`` keep the room of their widest tick labels.

        pyqtgraph gives an axis back the room its tick labels no longer need; from "0.5" to
        "2" that lays the plot out again, and every axis of it is drawn once more on the next
        step. In a storm the room only grows; :meth:`_free_text_space` ends that.
        """
        item = plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            if axis not in self._steady_axes:
                self._steady_axes[axis] = (axis.textWidth, axis.textHeight)
                axis.style["autoReduceTextSpace"] = False

    def _free_text_space(self) -> None:
        """Axes may give back tick-label room again; those that took more during the storm
        are drawn again, so that they shrink to what their labels need now."""
        steady, self._steady_axes = self._steady_axes, {}
        for axis, room in steady.items():
            axis.style["autoReduceTextSpace"] = True
            if (axis.textWidth, axis.textHeight) != room:
                axis.picture = None
                axis.update()

    @property
    def _curve_plots(self) -> tuple[pg.PlotWidget, ...]:
        return (self.function_plot, self.derivative_plot)

    def _range_edited_by_user(self, mask: Sequence[bool]) -> None:
        view = self.sender()
        if view in self._manual:
            for axis, moved in enumerate(mask[:2]):
                if moved:
                    self._manual[view][axis] = True  # type: ignore[index]

    # -- curves ------------------------------------------------------------------------------
    def set_curve(self, curve: CurveData | None) -> None:
        """Draw the current function's f and f′ (or nothing for a vector function); during a
        hold (see :meth:`hold_curves`) when it ends."""
        if self._held:
            self._held_curve = (curve,)
            return
        if curve is None:
            self._hide(self.f_curve)
            self._hide(self.df_curve)
            return
        self._show_curve(self.f_curve, curve.x, curve.f)
        self._show_curve(self.df_curve, curve.x, self._derivative_values(curve.df))
        self._fit(self.function_plot, (1,))
        self._fit(self.derivative_plot, (1,))

    def set_pinned_curves(self, pins: Sequence[PinnedCurve], current_label: str) -> None:
        """Overlay pinned functions and show the legend (for the current one and the pins)."""
        if pins:
            self._make_pin_items()
        for index, (f_item, df_item) in enumerate(zip(self.f_pins, self.df_pins, strict=True)):
            pin = pins[index] if index < len(pins) else None
            curve = pin.curve if pin is not None else None
            if self._shown.get(f_item) is curve and (curve is not None or f_item.xData is None):
                continue  # the same curve object: nothing to draw again
            self._shown[f_item] = curve
            if curve is None:
                self._hide(f_item)
                self._hide(df_item)
            else:
                self._show_curve(f_item, curve.x, curve.f)
                self._show_curve(df_item, curve.x, self._derivative_values(curve.df))
        if pins:
            labels = (current_label, *(pin.label for pin in pins))
            self._set_legend(labels, [self.f_curve, *self.f_pins[: len(pins)]])
        else:
            self._set_legend((), [])
        self._fit(self.function_plot, (1,))
        self._fit(self.derivative_plot, (1,))

    def _set_legend(self, labels: tuple[str, ...], items: Sequence[pg.PlotDataItem]) -> None:
        if labels == self._legend_labels:
            return
        if len(labels) == len(self._legend_labels):
            # Same entries, new texts (a parameter of the current function moved): relabel
            # in place instead of building new legend items on every slider step.
            for (_sample, label), text in zip(self.legend.items, labels, strict=True):
                label.setText(text)
        else:
            self.legend.clear()
            for item, text in zip(items, labels, strict=True):
                self.legend.addItem(item, text)
        self._legend_labels = labels
        self.legend.setVisible(bool(labels))

    def set_log_derivative(self, on: bool) -> None:
        """Switch the derivative plot between f′ and log |f′|."""
        self._log_derivative = on
        item = self.derivative_plot.getPlotItem()
        function_view = self.function_plot.getPlotItem().getViewBox()
        x_range = function_view.viewRange()[0]
        self._syncing_range = True
        try:
            item.setLogMode(y=on)
            # pyqtgraph turns autorange back on when the scale changes, and turning it off runs
            # it once, which would widen the linked x window: put the window back.
            item.getViewBox().disableAutoRange()
            function_view.setXRange(*x_range, padding=0)
        finally:
            self._syncing_range = False
        item.setLabel("left", self._derivative_label())
        # Pinned derivatives must be drawn again in the new scale, and the fitted range is in
        # other units now.
        for f_item in self.f_pins:
            self._shown.pop(f_item, None)
        self._manual[item.getViewBox()][1] = False

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
        """Let every plot fit its y axis (and the histograms their x axis) to the data again."""
        for flags in self._manual.values():
            flags[:] = [False, False]
        self._settle()

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
                self._hide(item)
            elif self._shown.get(item) is not data:
                self._show_histogram(item, data)
            self._shown[item] = data
        self._fit(self.output_histogram, (0, 1))
        self._fit(self.gradient_histogram, (0, 1))

    def set_pinned_histograms(
        self, outputs: Sequence[HistogramData | None], gradients: Sequence[HistogramData | None]
    ) -> None:
        """Outline the histograms of pinned functions (None hides one)."""
        if any(data is not None for data in (*outputs, *gradients)):
            self._make_pin_items()
        for items, datas in ((self.out_pins, outputs), (self.grad_pins, gradients)):
            for index, item in enumerate(items):
                data = datas[index] if index < len(datas) else None
                if data is None:
                    self._hide(item)
                elif self._shown.get(item) is not data:
                    self._show_histogram(item, data)
                self._shown[item] = data
        self._fit(self.output_histogram, (0, 1))
        self._fit(self.gradient_histogram, (0, 1))
