"""Pieces every page of the lab uses: plot factory, colours, message line, busy indicator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QWidget,
)

from actexplorer.gui.params import MESSAGE_MS
from actexplorer.gui.theme import LIGHT, OKABE_ITO, Look

#: Curve colours by meaning, from the Okabe–Ito palette (safe for colour-vision deficiencies).
MEAN = OKABE_ITO["orange"]
STD = OKABE_ITO["blue"]
PREDICTED = OKABE_ITO["black"]
DEAD = OKABE_ITO["vermillion"]
SATURATED = OKABE_ITO["bluish_green"]
DEAD_UNITS = OKABE_ITO["reddish_purple"]
GRADIENT = OKABE_ITO["vermillion"]
#: The two racing activations, and the classes of the datasets.
RUNS = (OKABE_ITO["blue"], OKABE_ITO["orange"])
CLASSES = (OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["bluish_green"])
#: Colour maps: perceptually uniform for densities, colour-blind-safe diverging for ln χ.
DENSITY_MAP = "viridis"
DIVERGING_MAP = "CET-CBD1"


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


def style_plot(plot: pg.PlotWidget, look: Look = LIGHT) -> None:
    """Colours, fonts and grid of ``look`` for one plot."""
    tick_font = QFont()
    tick_font.setPointSizeF(8.0)
    plot.setBackground(look.plot_background)
    item = plot.getPlotItem()
    item.titleLabel.setText(
        item.titleLabel.text, color=look.plot_foreground, size="9.5pt", bold=True
    )
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(look.axis_line))
        axis.setTextPen(pg.mkPen(look.plot_foreground))
        axis.setTickFont(tick_font)
        axis.label.setDefaultTextColor(pg.mkColor(look.plot_foreground))
        axis.setGrid(int(look.grid_alpha * 255))
        axis.enableAutoSIPrefix(False)  # "(x0.001)" beside a symbol reads as part of it


def add_legend(
    plot: pg.PlotWidget, look: Look = LIGHT, corner: tuple[int, int] = (-6, 6)
) -> pg.LegendItem:
    """A compact legend, top right by default (a negative y offset puts it at the bottom)."""
    legend = plot.getPlotItem().addLegend(offset=corner, labelTextSize="8pt", verSpacing=-6)
    legend.setLabelTextColor(look.plot_foreground)
    legend.setBrush(pg.mkBrush(look.plot_background + "d0"))
    legend.setPen(pg.mkPen(look.axis_line))
    return legend


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
        self.setProperty("role", "error")
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
        self.setToolTip("Computing…")
        self.setVisible(False)

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
