"""Pieces every page of the lab uses: plot factory, colours, message line, busy indicator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from actexplorer.gui.params import MESSAGE_MS
from actexplorer.gui.theme import LIGHT, OKABE_ITO, Look, set_role

#: Colour maps: perceptually uniform for densities, colour-blind-safe diverging for ln χ. Both
#: carry their own lightness ramp, so they read the same on a light and a dark plot.
DENSITY_MAP = "viridis"
DIVERGING_MAP = "CET-CBD1"


@dataclass(frozen=True, slots=True)
class LabColours:
    """Curve colours by meaning for one look, all from the Okabe–Ito palette.

    The dark look swaps the deep blue for sky blue and black ink for the plot's foreground, as
    the explorer does, so every curve keeps at least 3:1 contrast against the plot background.
    """

    mean: str
    std: str
    predicted: str
    dead: str
    saturated: str
    dead_units: str
    gradient: str
    runs: tuple[str, str]
    classes: tuple[str, str, str]


def lab_colours(look: Look) -> LabColours:
    """The lab's curve colours for ``look``."""
    blue = OKABE_ITO["sky_blue"] if look.dark else OKABE_ITO["blue"]
    return LabColours(
        mean=OKABE_ITO["orange"],
        std=blue,
        predicted=look.plot_foreground if look.dark else OKABE_ITO["black"],
        dead=OKABE_ITO["vermillion"],
        saturated=OKABE_ITO["bluish_green"],
        dead_units=OKABE_ITO["reddish_purple"],
        gradient=OKABE_ITO["vermillion"],
        runs=(blue, OKABE_ITO["orange"]),
        classes=(blue, OKABE_ITO["orange"], OKABE_ITO["bluish_green"]),
    )


def make_plot(name: str, title: str, x_label: str, y_label: str) -> pg.PlotWidget:
    """A plot with a title, labelled axes, a light grid and no context menu."""
    plot = pg.PlotWidget()
    plot.setObjectName(name)
    item = plot.getPlotItem()
    item.setTitle(title)
    item.setLabel("bottom", x_label)
    item.setLabel("left", y_label)
    item.showGrid(x=True, y=True)
    item.setMenuEnabled(False)
    item.hideButtons()
    plot.setMinimumSize(160, 120)
    return plot


def style_plot(plot: pg.PlotWidget, look: Look = LIGHT, title_colour: str | None = None) -> None:
    """Colours, fonts and grid of ``look`` for one plot, its legend and its colour bars.

    ``title_colour`` overrides the foreground for a title that names a coloured run.
    """
    tick_font = QFont()
    tick_font.setPointSizeF(8.0)
    plot.setBackground(look.plot_background)
    item = plot.getPlotItem()
    item.titleLabel.setText(
        item.titleLabel.text, color=title_colour or look.plot_foreground, size="9.5pt", bold=True
    )
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(look.axis_line))
        axis.setTextPen(pg.mkPen(look.plot_foreground))
        axis.setTickFont(tick_font)
        axis.label.setDefaultTextColor(pg.mkColor(look.plot_foreground))
        axis.setGrid(int(look.grid_alpha * 255))
        # "(x0.001)" beside a symbol reads as part of it. Turning the prefix off alone keeps
        # whatever scale the current range implies (pyqtgraph 0.14), so restyling a plot with
        # data in it would print 0.6 as 600: no range may enable a prefix at all.
        axis.setSIPrefixEnableRanges(())
        axis.enableAutoSIPrefix(False)
    if item.legend is not None:
        style_legend(item.legend, look)
    # A colour bar inserted with ``insert_in`` lives in the plot item's layout, not as a child.
    layout = item.layout
    for index in range(layout.count()):
        child = layout.itemAt(index)
        if isinstance(child, pg.ColorBarItem):
            style_colour_bar(child, look, tick_font)


def style_legend(legend: pg.LegendItem, look: Look) -> None:
    """A legend's frame, fill and label colour for ``look``."""
    legend.setLabelTextColor(look.plot_foreground)
    for _sample, label in legend.items:
        label.setText(label.text)  # the new colour only shows once the text is set again
    legend.setBrush(pg.mkBrush(look.plot_background + "d0"))
    legend.setPen(pg.mkPen(look.axis_line))


def style_colour_bar(bar: pg.ColorBarItem, look: Look, tick_font: QFont | None = None) -> None:
    """A colour bar's frame, ticks and label for ``look`` (the colour map itself stays)."""
    for name in ("left", "right", "top", "bottom"):
        axis = bar.getAxis(name)
        axis.setPen(pg.mkPen(look.axis_line))
        axis.setTextPen(pg.mkPen(look.plot_foreground))
        axis.label.setDefaultTextColor(pg.mkColor(look.muted))
        if tick_font is not None:
            axis.setTickFont(tick_font)


def add_legend(
    plot: pg.PlotWidget, look: Look = LIGHT, corner: tuple[int, int] = (-6, 6)
) -> pg.LegendItem:
    """A compact legend, top right by default (a negative y offset puts it at the bottom)."""
    legend = plot.getPlotItem().addLegend(offset=corner, labelTextSize="8pt", verSpacing=-6)
    style_legend(legend, look)
    return legend


class SidePanel(QScrollArea):
    """A vertically scrolling column of controls, as wide as they need (at least ``min_width``).

    A fixed width cut off fields and buttons whenever the font or style made them wider.
    """

    def __init__(self, controls: QWidget, name: str, min_width: int = 250) -> None:
        super().__init__()
        self.setObjectName(name)
        self._min_width = min_width
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(controls)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        controls.installEventFilter(self)

    def fitting_width(self) -> int:
        """The width that shows the controls' minimum size beside a vertical scroll bar."""
        controls = self.widget()
        need = controls.minimumSizeHint().width() if controls is not None else 0
        # The scroll bar is reserved even while hidden, so showing it never cuts the fields.
        bar = self.verticalScrollBar().sizeHint().width()
        return max(self._min_width, need) + bar + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        """As wide as :meth:`fitting_width`."""
        return QSize(self.fitting_width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        """Never narrower than :meth:`fitting_width`."""
        return QSize(self.fitting_width(), super().minimumSizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow the controls when their layout (font, style, shown rows) changes."""
        if watched is self.widget() and event.type() in (
            QEvent.Type.LayoutRequest,
            QEvent.Type.StyleChange,
            QEvent.Type.FontChange,
        ):
            self.updateGeometry()
        return super().eventFilter(watched, event)


def pen(color: str, width: float = 2.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> object:
    """A cosmetic pen."""
    return pg.mkPen(color, width=width, style=style)


def positive(values: np.ndarray) -> np.ndarray:
    """``values`` with zeros, negatives and non-finite entries as NaN (for a log axis)."""
    out = np.asarray(values, dtype=np.float64).copy()
    with np.errstate(invalid="ignore"):
        out[~(np.isfinite(out) & (out > 0))] = np.nan
    return out


def finite(values: np.ndarray) -> np.ndarray:
    """``values`` with non-finite entries as NaN (curves are drawn with ``connect='finite'``)."""
    out = np.asarray(values, dtype=np.float64).copy()
    out[~np.isfinite(out)] = np.nan
    return out


def compact(combo: QComboBox) -> QComboBox:
    """Let a combo box shrink to a narrow column (long entries are elided in the field)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


def spin(lo: int, hi: int, value: int, name: str, tip: str = "") -> QSpinBox:
    """An integer box that commits when editing ends, not on every keystroke."""
    box = QSpinBox()
    box.setRange(lo, hi)
    box.setValue(value)
    box.setObjectName(name)
    box.setKeyboardTracking(False)
    box.setAccelerated(True)
    box.setToolTip(tip)
    box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
    return box


def double_spin(
    lo: float, hi: float, value: float, step: float, decimals: int, name: str, tip: str = ""
) -> QDoubleSpinBox:
    """A decimal box that commits when editing ends."""
    box = QDoubleSpinBox()
    box.setRange(lo, hi)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setValue(value)
    box.setObjectName(name)
    box.setKeyboardTracking(False)
    box.setToolTip(tip)
    return box


def form_grid() -> QGridLayout:
    """A two-column label/field grid."""
    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(8)
    grid.setVerticalSpacing(4)
    grid.setColumnStretch(1, 1)
    return grid


def add_row(grid: QGridLayout, label: str, widget: QWidget, tip: str = "") -> QLabel:
    """Append ``label: widget`` to ``grid``."""
    row = grid.rowCount()
    text = QLabel(label)
    text.setToolTip(tip or widget.toolTip())
    grid.addWidget(text, row, 0)
    grid.addWidget(widget, row, 1)
    return text


class MessageLine(QLabel):
    """A red line that explains a refused input and hides itself after a few seconds."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        set_role(self, "error")
        self.setWordWrap(True)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(MESSAGE_MS)
        self._timer.timeout.connect(self.hide)

    def show_message(self, text: str) -> None:
        """Show ``text`` for a few seconds."""
        self.setText(text)
        self.show()
        self._timer.start()

    def clear_message(self) -> None:
        """Hide the message now."""
        self._timer.stop()
        self.setText("")
        self.hide()


class BusyIndicator(QProgressBar):
    """A small indeterminate bar shown while a computation runs."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setFixedSize(80, 8)
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Show the tooltip in the current language."""
        self.setToolTip(self.tr("Computing…"))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_busy(self, busy: bool) -> None:
        """Show or hide the bar."""
        self.setVisible(busy)


class EventLinks:
    """psygnal connections from the (longer-lived) states to a page, undone in one call.

    Only bound methods are connected: psygnal holds them weakly, and :meth:`unlink_all` cuts
    them before the widgets go, so a state event never reaches a deleted widget.
    """

    def __init__(self) -> None:
        self._links: list[tuple[Any, Callable[..., Any]]] = []

    def link(self, signal: Any, slot: Callable[..., Any]) -> None:
        """Connect ``slot`` to ``signal`` and remember it."""
        signal.connect(slot)
        self._links.append((signal, slot))

    def unlink_all(self) -> None:
        """Disconnect everything :meth:`link` connected."""
        for signal, slot in self._links:
            signal.disconnect(slot, missing_ok=True)
        self._links.clear()


def log_points(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The (x, y) pairs a log axis can show: y finite and positive (symbols cannot take NaN)."""
    xs = np.asarray(x, dtype=np.float64)
    ys = np.asarray(y, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        keep = np.isfinite(ys) & (ys > 0)
    return xs[keep], ys[keep]
