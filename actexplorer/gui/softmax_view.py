"""The softmax family's own view: an editable logit vector, the outputs and the Jacobian.

The view holds the logits and parameters the user edits and shows what the activation makes of
them; every number it draws comes from ``act.forward`` and ``act.jacobian``. User edits emit
:attr:`SoftmaxView.logitsChanged` / :attr:`SoftmaxView.paramsChanged`; ``set_...`` calls from the
model update the widgets silently.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import signals_blocked

from actexplorer.core import ParamSpec, VectorActivation
from actexplorer.core import locale as core_locale

#: How many entries the logit vector may have.
MIN_ENTRIES, MAX_ENTRIES = 3, 10
#: Logits are edited within ±LOGIT_LIMIT.
LOGIT_LIMIT = 50.0
#: The vector shown before the model sets one: distinct values so the outputs differ.
DEFAULT_LOGITS = (2.0, 1.0, 0.1, -1.0)
_DECIMALS = 2
_SLIDER_STEPS = 1000

# Okabe & Ito colours: distinguishable with every common colour-vision deficiency.
_INPUT_COLOUR = "#0072B2"  # blue
_GATE_COLOUR = "#56B4E9"  # sky blue: inputs beyond output_size(n) (GLU's gate half)
_OUTPUT_COLOUR = "#E69F00"  # orange
#: Diverging map (blue – white – red) for the Jacobian, centred on 0.
_JACOBIAN_MAP = "CET-D9"


def _format_value(value: float, compact: bool = False) -> str:
    """A bar label: three decimals, or scientific notation for tiny non-zeros."""
    if value == 0 or 1e-3 <= abs(value) < 1e4:
        text = f"{value:.2f}" if compact and abs(value) >= 1 else f"{value:.3f}"
        return text.replace("-0.000", "0.000")
    return f"{value:.0e}" if compact else f"{value:.1e}"


class LogitSpinBox(QDoubleSpinBox):
    """A spin box for one logit that reports refused input instead of ignoring it silently."""

    #: The text that was refused and why.
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-LOGIT_LIMIT, LOGIT_LIMIT)
        self.setDecimals(_DECIMALS)
        self.setSingleStep(0.1)
        self.setKeyboardTracking(False)  # commit on Enter, focus loss or arrows, not per key
        self.setLocale(QLocale.c())  # "1.5" everywhere; a comma locale would refuse the dot
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
        self.setMinimumWidth(64)

    def validate(self, text: str, pos: int) -> object:
        """Qt's validation, plus a message when a keystroke makes the text unacceptable."""
        result = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Invalid:
            self.refused.emit(_refusal_reason(text))
        return result


def _refusal_reason(text: str) -> str:
    stripped = text.strip().lower()
    if stripped in {"nan", "+nan", "-nan"} or "nan" in stripped:
        reason = QCoreApplication.translate(
            "SoftmaxView", "“{text}” refused: a logit must be a finite number, not NaN"
        )
    elif "inf" in stripped or "∞" in stripped:
        reason = QCoreApplication.translate(
            "SoftmaxView", "“{text}” refused: a logit must be a finite number, not infinity"
        )
    else:
        reason = _number_refusal(stripped)
    return reason.format(
        text=text, low=f"{-LOGIT_LIMIT:g}", high=f"{LOGIT_LIMIT:g}", decimals=_DECIMALS
    )


def _number_refusal(stripped: str) -> str:
    try:
        number = float(stripped)
    except ValueError:
        return QCoreApplication.translate(
            "SoftmaxView", "“{text}” refused: type a number such as 1.5 or -0.25"
        )
    if not math.isfinite(number):
        return QCoreApplication.translate(
            "SoftmaxView", "“{text}” refused: a logit must be a finite number"
        )
    if abs(number) > LOGIT_LIMIT:
        return QCoreApplication.translate(
            "SoftmaxView", "“{text}” refused: logits lie in [{low}, {high}]"
        )
    return QCoreApplication.translate(
        "SoftmaxView", "“{text}” refused: at most {decimals} decimals"
    )


class _BarDragMixin:
    """Turns a left-button drag on a bar (or its handle) into a new value for that bar."""

    def _init_drag(self, on_drag: Any) -> None:
        self._on_drag = on_drag
        self._drag_index: int | None = None

    def _index_at(self, x: float) -> int | None:
        raise NotImplementedError

    def mouseDragEvent(self, ev: Any) -> None:
        """Drag vertically: the grabbed bar follows the pointer."""
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            self._drag_index = self._index_at(ev.buttonDownPos().x())
        if self._drag_index is None:
            ev.ignore()
            return
        ev.accept()
        # Relative motion: grabbing a bar anywhere moves it with the pointer, without a jump.
        moved = float(ev.pos().y()) - float(ev.buttonDownPos().y())
        self._on_drag(self._drag_index, moved, ev.isStart(), ev.isFinish())
        if ev.isFinish():
            self._drag_index = None


class _DraggableBars(_BarDragMixin, pg.BarGraphItem):
    """The logit bars: grab a bar's body to drag its value."""

    def __init__(self, on_drag: Any, **opts: Any) -> None:
        pg.BarGraphItem.__init__(self, **opts)
        self._init_drag(on_drag)
        self.setCursor(Qt.CursorShape.SizeVerCursor)

    def _index_at(self, x: float) -> int | None:
        index = round(x)
        heights = self.opts.get("height")
        n = 0 if heights is None else len(heights)
        return index if 0 <= index < n and abs(x - index) <= 0.45 else None


class _BarHandles(_BarDragMixin, pg.ScatterPlotItem):
    """Round handles on the bar tops, grabbable even when a bar has zero height."""

    def __init__(self, on_drag: Any) -> None:
        pg.ScatterPlotItem.__init__(self, size=13, symbol="o", pxMode=True)
        self._init_drag(on_drag)
        self.setCursor(Qt.CursorShape.SizeVerCursor)
        self.setZValue(10)

    def _index_at(self, x: float) -> int | None:
        index = round(x)
        return index if 0 <= index < len(self.data) and abs(x - index) <= 0.45 else None


class _ParamRow(QWidget):
    """A slider (logarithmic when the range spans decades) or a combo box for one parameter."""

    edited = Signal(str, object)

    def __init__(self, spec: ParamSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        layout.addWidget(self.label)
        self.slider: QSlider | None = None
        self.combo: QComboBox | None = None
        self.value_label = QLabel()
        self.value_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0.0000") + 6)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if spec.choices is not None:
            self.combo = QComboBox()
            self.combo.addItems(list(spec.choices))
            self.combo.currentTextChanged.connect(self._combo_changed)
            layout.addWidget(self.combo, 1)
        else:
            low, high = _slider_range(spec)
            self._low, self._high = low, high
            self._log = spec.log_scale or (low > 0 and high / low >= 100)
            self.slider = QSlider(Qt.Orientation.Horizontal)
            self.slider.setRange(0, _SLIDER_STEPS)
            self.slider.valueChanged.connect(self._slider_moved)
            layout.addWidget(self.slider, 1)
            layout.addWidget(self.value_label)
        self.set_value(spec.default)
        self.retranslate()

    def retranslate(self) -> None:
        """Show the name and help of the parameter in the current language."""
        self.label.setText(_param_label(self.spec.name))
        parent = self.parentWidget()
        act = getattr(parent, "_act", None)
        help_text = (
            core_locale.param_help(act, self.spec.name)
            if act is not None
            else self.spec.description
        )
        for widget in (self.label, self.combo, self.slider):
            if widget is not None:
                widget.setToolTip(help_text)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _to_value(self, position: int) -> float:
        fraction = position / _SLIDER_STEPS
        if self._log:
            return float(self._low * (self._high / self._low) ** fraction)
        return float(self._low + fraction * (self._high - self._low))

    def _to_position(self, value: float) -> int:
        value = min(max(value, self._low), self._high)
        if self._log:
            fraction = math.log(value / self._low) / math.log(self._high / self._low)
        else:
            fraction = (value - self._low) / (self._high - self._low)
        return round(fraction * _SLIDER_STEPS)

    def set_value(self, value: object) -> None:
        """Show ``value`` without emitting ``edited``."""
        if self.combo is not None:
            with signals_blocked(self.combo):
                self.combo.setCurrentText(str(value))
            return
        assert self.slider is not None
        with signals_blocked(self.slider):
            self.slider.setValue(self._to_position(float(value)))  # type: ignore[arg-type]
        self.value_label.setText(_format_param(float(value)))  # type: ignore[arg-type]

    def _slider_moved(self, position: int) -> None:
        value = self._to_value(position)
        # Round to what the label shows, so the model and the label agree exactly.
        value = float(_format_param(value))
        value = min(max(value, self._low), self._high)
        self.value_label.setText(_format_param(value))
        self.edited.emit(self.spec.name, value)

    def _combo_changed(self, text: str) -> None:
        self.edited.emit(self.spec.name, text)


def _param_label(name: str) -> str:
    if name == "temperature":
        return QCoreApplication.translate("SoftmaxView", "Temperature T")
    return name.replace("_", " ").capitalize()


def _format_param(value: float) -> str:
    return f"{value:.3g}" if abs(value) >= 0.01 or value == 0 else f"{value:.2e}"


def _slider_range(spec: ParamSpec) -> tuple[float, float]:
    """Finite slider ends for a spec (an unbounded side gets a decade or ten units of room)."""
    low, high, default = spec.minimum, spec.maximum, float(spec.default)  # type: ignore[arg-type]
    positive = low > 0 or (spec.log_scale and low >= 0)
    if not math.isfinite(low):
        low = default / 100 if positive and default > 0 else default - 10
    if not math.isfinite(high):
        high = default * 100 if positive and default > 0 else default + 10
    if high <= low:
        high = low + 1
    return low, high


class SoftmaxView(QWidget):
    """Logits in, outputs and Jacobian out, for a :class:`VectorActivation`.

    ``set_activation`` / ``set_logits`` / ``set_params`` update the view without emitting;
    editing a logit (spin box or bar drag), adding or removing an entry emits
    ``logitsChanged(list)``, moving a parameter slider emits ``paramsChanged(dict)``.
    """

    logitsChanged = Signal(list)
    paramsChanged = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("softmaxView")
        self._act: VectorActivation | None = None
        self._params: dict[str, Any] = {}
        self._logits: list[float] = list(DEFAULT_LOGITS)
        self._outputs = np.zeros(0)
        self._jacobian = np.zeros((0, 0))
        self._spins: list[LogitSpinBox] = []
        self._spin_labels: list[QLabel] = []
        self._drag_origin = 0.0
        self._param_rows: list[_ParamRow] = []
        self._output_labels: list[pg.TextItem] = []
        self._cell_labels: list[pg.TextItem] = []
        self._font_scale = 1.0
        self._build()
        self._make_spins()
        self.retranslate()
        self._apply_palette()
        self._rebuild_spins()
        self._refresh()

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("softmaxTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)

        self.logits_plot = self._make_plot("logitsPlot")
        self.logits_plot.getPlotItem().getViewBox().setMouseEnabled(x=False, y=False)
        self._bars = _DraggableBars(self._bar_dragged, x=[], height=[], width=0.6)
        self._handles = _BarHandles(self._bar_dragged)
        self.logits_plot.addItem(self._bars)
        self.logits_plot.addItem(self._handles)
        zero = pg.InfiniteLine(pos=0, angle=0, movable=False)
        zero.setObjectName("zeroLine")
        self._zero_lines = [zero]
        self.logits_plot.addItem(zero)

        self.output_plot = self._make_plot("outputPlot")
        self.output_plot.getPlotItem().getViewBox().setMouseEnabled(x=False, y=False)
        self._output_bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.output_plot.addItem(self._output_bars)
        zero_out = pg.InfiniteLine(pos=0, angle=0, movable=False)
        self._zero_lines.append(zero_out)
        self.output_plot.addItem(zero_out)

        self.jacobian_plot = self._make_plot("jacobianPlot")
        self.jacobian_plot.getPlotItem().getViewBox().setMouseEnabled(x=False, y=False)
        self.jacobian_plot.getPlotItem().invertY(True)
        self.jacobian_plot.getPlotItem().getViewBox().setAspectLocked(True)
        self.jacobian_plot.getPlotItem().showGrid(x=False, y=False)
        self.jacobian_image = pg.ImageItem(axisOrder="row-major")
        self.jacobian_plot.addItem(self.jacobian_image)
        self._colour_map = pg.colormap.get(_JACOBIAN_MAP)
        self.colour_bar = pg.ColorBarItem(
            values=(-1, 1), colorMap=self._colour_map, interactive=False, width=14
        )
        self.colour_bar.setImageItem(
            self.jacobian_image, insert_in=self.jacobian_plot.getPlotItem()
        )

        self.add_button = QToolButton()
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button = QToolButton()
        self.remove_button.clicked.connect(self.remove_entry)

        self._spin_grid = QGridLayout()
        self._spin_grid.setHorizontalSpacing(6)
        self._spin_grid.setVerticalSpacing(4)
        self._params_box = QVBoxLayout()
        self._params_box.setContentsMargins(0, 0, 0, 0)

        self.message = QLabel()
        self.message.setObjectName("softmaxMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(6000)
        self._message_timer.timeout.connect(self.message.hide)

        entry_buttons = QHBoxLayout()
        self.logits_label = QLabel()
        entry_buttons.addWidget(self.logits_label)
        entry_buttons.addStretch(1)
        entry_buttons.addWidget(self.remove_button)
        entry_buttons.addWidget(self.add_button)

        editor = QVBoxLayout()
        editor.addLayout(entry_buttons)
        editor.addLayout(self._spin_grid)
        editor.addLayout(self._params_box)
        editor.addWidget(self.message)

        editor.addStretch(1)

        # Inputs on the left, what the activation makes of them on the right.
        left = QVBoxLayout()
        left.addWidget(self.logits_plot, 3)
        left.addLayout(editor, 2)
        right = QVBoxLayout()
        right.addWidget(self.output_plot, 2)
        right.addWidget(self.jacobian_plot, 3)
        plots = QHBoxLayout()
        plots.addLayout(left, 1)
        plots.addLayout(right, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(plots, 1)

    def retranslate(self) -> None:
        """Show every text in the current language (plot titles, buttons, the function's name)."""
        entry = self.tr("entry")
        for plot, title, x_label, y_label in (
            (self.logits_plot, self.tr("Input vector z — drag the bars"), entry, "z"),
            (self.output_plot, self.tr("Output"), entry, "out"),
            (
                self.jacobian_plot,
                self.tr("Jacobian ∂outᵢ/∂zⱼ"),
                self.tr("input j"),
                self.tr("output i"),
            ),
        ):
            item = plot.getPlotItem()
            item.setTitle(title, color=self._foreground())
            item.setLabel("bottom", x_label)
            item.setLabel("left", y_label)
        self.add_button.setText(self.tr("+ entry"))
        self.add_button.setToolTip(self.tr("Append an entry to the logit vector"))
        self.remove_button.setText(self.tr("− entry"))
        self.remove_button.setToolTip(self.tr("Remove the last entry of the logit vector"))
        self.logits_label.setText(self.tr("Logits"))
        tip = self.tr("{name}: type a value and press Enter")
        for index, spin in enumerate(self._spins):
            spin.setToolTip(tip.format(name=f"z{_subscript(index + 1)}"))
        if self._act is not None:
            self.title.setText(core_locale.display_name(self._act))

    def _make_plot(self, name: str) -> pg.PlotWidget:
        plot = pg.PlotWidget()
        plot.setObjectName(name)
        plot.setMinimumSize(220, 180)
        plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        item = plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.showGrid(x=False, y=True, alpha=0.2)
        for axis in ("left", "bottom"):
            item.getAxis(axis).enableAutoSIPrefix(False)  # probabilities read as 0.7, not 700 m
        return plot

    # -- model → view ------------------------------------------------------------------------
    def set_activation(
        self, act: VectorActivation, params: Mapping[str, Any] | None = None
    ) -> None:
        """Show ``act`` at ``params`` (missing names take defaults); emits nothing."""
        self._act = act
        self._params = act.resolve(params or {})
        self.title.setText(core_locale.display_name(act))
        self.title.setToolTip(act.formula.text)
        for row in self._param_rows:
            self._params_box.removeWidget(row)
            row.hide()  # at once: the deletion waits for the event loop
            row.deleteLater()
        self._param_rows = []
        for spec in act.params:
            row = _ParamRow(spec, self)
            row.set_value(self._params[spec.name])
            row.edited.connect(self._param_edited)
            self._params_box.addWidget(row)
            self._param_rows.append(row)
        sizes = self.allowed_sizes()
        if len(self._logits) not in sizes:
            fitted = self._fit_size(self._logits, sizes)
            self._logits = fitted
            self._rebuild_spins()
        self._refresh()

    def set_params(self, params: Mapping[str, Any]) -> None:
        """Show the activation at ``params`` (missing names take defaults); emits nothing."""
        if self._act is None:
            raise RuntimeError("set_activation must come before set_params")
        self._params = self._act.resolve(params)
        for row in self._param_rows:
            row.set_value(self._params[row.spec.name])
        self._refresh()

    def set_logits(self, values: Sequence[float]) -> None:
        """Show the logit vector ``values`` (3–10 finite numbers in ±50); emits nothing."""
        logits = [float(v) for v in values]
        if not all(math.isfinite(v) for v in logits):
            raise ValueError(self.tr("logits must be finite numbers"))
        if any(abs(v) > LOGIT_LIMIT for v in logits):
            raise ValueError(
                self.tr("logits must lie in [{low}, {high}]").format(
                    low=f"{-LOGIT_LIMIT:g}", high=f"{LOGIT_LIMIT:g}"
                )
            )
        if len(logits) not in self.allowed_sizes():
            name = core_locale.display_name(self._act) if self._act else self.tr("this view")
            raise ValueError(
                self.tr("{name} takes vectors of length {sizes}; got {size}").format(
                    name=name, sizes=", ".join(map(str, self.allowed_sizes())), size=len(logits)
                )
            )
        size_changed = len(logits) != len(self._logits)
        self._logits = logits
        if size_changed:
            self._rebuild_spins()
        else:
            self._sync_spins()
        self._refresh()

    # -- what is shown -----------------------------------------------------------------------
    def logits(self) -> list[float]:
        """The logit vector as shown."""
        return list(self._logits)

    def params(self) -> dict[str, Any]:
        """The parameters as shown."""
        return dict(self._params)

    def outputs(self) -> np.ndarray:
        """The output vector drawn as bars."""
        return self._outputs.copy()

    def jacobian(self) -> np.ndarray:
        """The Jacobian drawn as the heat map."""
        return self._jacobian.copy()

    def spin_boxes(self) -> list[LogitSpinBox]:
        """One spin box per logit, in order."""
        return self._spins[: len(self._logits)]

    def param_row(self, name: str) -> _ParamRow:
        """The control row of parameter ``name``."""
        for row in self._param_rows:
            if row.spec.name == name:
                return row
        raise KeyError(name)

    def output_labels(self) -> list[str]:
        """The value labels written on the output bars."""
        return [label.textItem.toPlainText() for label in self._output_labels if label.isVisible()]

    def cell_labels(self) -> list[list[str]]:
        """The values written in the Jacobian cells, row by row."""
        rows, cols = self._jacobian.shape
        return [
            [self._cell_labels[i * cols + j].textItem.toPlainText() for j in range(cols)]
            for i in range(rows)
        ]

    def allowed_sizes(self) -> list[int]:
        """The vector lengths between 3 and 10 the activation accepts (GLU: even ones)."""
        if self._act is None:
            return list(range(MIN_ENTRIES, MAX_ENTRIES + 1))
        return [n for n in range(MIN_ENTRIES, MAX_ENTRIES + 1) if self._accepts(n)]

    def _accepts(self, n: int) -> bool:
        # Ask the activation itself: GLU, for one, only splits vectors of even length.
        assert self._act is not None
        try:
            size = int(self._act.output_size(n))
            probe = np.linspace(-1.0, 1.0, n)
            out = np.asarray(self._act.forward(probe, **self._params))
            jac = np.asarray(self._act.jacobian(probe, **self._params))
        except (ValueError, TypeError, ArithmeticError, IndexError):
            return False
        return size >= 1 and out.shape == (size,) and jac.shape == (size, n)

    # -- view → model ------------------------------------------------------------------------
    def add_entry(self) -> None:
        """Append entries up to the next length the activation accepts; emits logitsChanged."""
        larger = [n for n in self.allowed_sizes() if n > len(self._logits)]
        if not larger:
            self._show_message(self.tr("At most {count} entries").format(count=MAX_ENTRIES))
            return
        self._logits = self._logits + [0.0] * (larger[0] - len(self._logits))
        self._rebuild_spins()
        self._refresh()
        self.logitsChanged.emit(self.logits())

    def remove_entry(self) -> None:
        """Drop entries down to the previous accepted length; emits logitsChanged."""
        smaller = [n for n in self.allowed_sizes() if n < len(self._logits)]
        if not smaller:
            self._show_message(self.tr("At least {count} entries").format(count=MIN_ENTRIES))
            return
        self._logits = self._logits[: smaller[-1]]
        self._rebuild_spins()
        self._refresh()
        self.logitsChanged.emit(self.logits())

    def _spin_edited(self, index: int, value: float) -> None:
        if index >= len(self._logits) or self._logits[index] == value:
            return
        self._logits[index] = float(value)
        self._refresh()
        self.logitsChanged.emit(self.logits())

    def _bar_dragged(self, index: int, moved: float, started: bool, finished: bool) -> None:
        if index >= len(self._logits):
            return
        if started:
            self._drag_origin = self._logits[index]
        value = self._drag_origin + moved
        value = round(min(max(value, -LOGIT_LIMIT), LOGIT_LIMIT), _DECIMALS)
        if index < len(self._logits) and self._logits[index] != value:
            self._logits[index] = value
            self._sync_spins()
            self._refresh(keep_range=True)
            self.logitsChanged.emit(self.logits())
        if finished:
            self._refresh()

    def _param_edited(self, name: str, value: object) -> None:
        assert self._act is not None
        try:
            self._params = self._act.resolve({**self._params, name: value})
        except ValueError as exc:
            self._show_message(core_locale.error_text(exc))
            return
        self._refresh()
        self.paramsChanged.emit(self.params())

    # -- drawing -----------------------------------------------------------------------------
    def _fit_size(self, logits: list[float], sizes: list[int]) -> list[float]:
        if not sizes:
            return logits
        target = min(sizes, key=lambda n: (abs(n - len(logits)), -n))
        return (logits + [0.0] * target)[:target]

    def _make_spins(self) -> None:
        # One spin box per possible entry, made once and shown as needed: rebuilding widgets on
        # every add/remove would churn Qt objects.
        per_row = 5
        for index in range(MAX_ENTRIES):
            spin = LogitSpinBox(self)
            spin.setObjectName(f"logitSpin{index}")
            spin.valueChanged.connect(self._make_spin_handler(index))
            spin.refused.connect(self._show_message)
            label = QLabel(f"z{_subscript(index + 1)}")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row, col = divmod(index, per_row)
            self._spin_grid.addWidget(label, row, 2 * col)
            self._spin_grid.addWidget(spin, row, 2 * col + 1)
            self._spins.append(spin)
            self._spin_labels.append(label)

    def _rebuild_spins(self) -> None:
        n = len(self._logits)
        for index, (spin, label) in enumerate(zip(self._spins, self._spin_labels, strict=True)):
            spin.setVisible(index < n)
            label.setVisible(index < n)
        self._sync_spins()
        sizes = self.allowed_sizes()
        self.add_button.setEnabled(any(size > n for size in sizes))
        self.remove_button.setEnabled(any(size < n for size in sizes))

    def _make_spin_handler(self, index: int) -> Any:
        # A bound method with the index baked in; no lambda keeps the spin box alive.
        def handler(value: float) -> None:
            self._spin_edited(index, value)

        return handler

    def _sync_spins(self) -> None:
        for spin, value in zip(self._spins, self._logits, strict=False):
            with signals_blocked(spin):
                spin.setValue(value)

    def _show_message(self, text: str) -> None:
        self.message.setText("⚠ " + text)
        self.message.show()
        self._message_timer.start()

    def _refresh(self, keep_range: bool = False) -> None:
        n = len(self._logits)
        x = np.arange(n, dtype=float)
        logits = np.asarray(self._logits)
        self._draw_logits(x, logits, keep_range)
        if self._act is None:
            self._outputs = np.zeros(0)
            self._jacobian = np.zeros((0, 0))
        else:
            try:
                self._outputs = np.asarray(self._act.forward(logits, **self._params), float)
                self._jacobian = np.asarray(self._act.jacobian(logits, **self._params), float)
            except (ValueError, FloatingPointError) as exc:
                self._show_message(core_locale.error_text(exc))
                self._outputs = np.zeros(0)
                self._jacobian = np.zeros((0, 0))
        self._draw_outputs()
        self._draw_jacobian()

    def _draw_logits(self, x: np.ndarray, logits: np.ndarray, keep_range: bool) -> None:
        output_size = self._act.output_size(len(logits)) if self._act is not None else len(logits)
        colours = [
            QColor(_INPUT_COLOUR if i < output_size else _GATE_COLOUR) for i in range(len(x))
        ]
        self._bars.setOpts(x=x, height=logits, width=0.6, brushes=colours, pens=colours)
        handle_pen = pg.mkPen(self._foreground(), width=1.5)
        self._handles.setData(x=x, y=logits, brush=pg.mkBrush(self._background()), pen=handle_pen)
        item = self.logits_plot.getPlotItem()
        item.setXRange(-0.6, len(x) - 0.4, padding=0)
        _set_integer_ticks(item, len(x), "z")
        if not keep_range:  # while dragging the axis must stay put under the pointer
            low = min(0.0, float(logits.min(initial=0.0)))
            high = max(0.0, float(logits.max(initial=0.0)))
            span = max(high - low, 1.0)
            item.setYRange(min(low - 0.15 * span, -1.0), max(high + 0.15 * span, 1.0), padding=0)

    def _draw_outputs(self) -> None:
        values = self._outputs
        n = len(values)
        x = np.arange(n, dtype=float)
        self._output_bars.setOpts(
            x=x, height=values, width=0.6, brush=QColor(_OUTPUT_COLOUR), pen=QColor(_OUTPUT_COLOUR)
        )
        item = self.output_plot.getPlotItem()
        item.setXRange(-0.6, max(n, 1) - 0.4, padding=0)
        _set_integer_ticks(item, n, "out")
        low = min(0.0, float(values.min(initial=0.0)))
        high = max(0.0, float(values.max(initial=0.0)))
        span = max(high - low, 1e-6)
        # Room above and below for the value labels.
        item.setYRange(low - 0.18 * span * (low < 0), high + 0.18 * span, padding=0.02)
        while len(self._output_labels) < n:
            label = pg.TextItem(anchor=(0.5, 1.0))
            label.setFont(_small_font(self._scaled_font()))
            self.output_plot.addItem(label)
            self._output_labels.append(label)
        for index, label in enumerate(self._output_labels):
            if index < n:
                value = float(values[index])
                label.setText(_format_value(value, compact=n > 6), color=self._foreground())
                label.setAnchor((0.5, 1.0) if value >= 0 else (0.5, 0.0))
                label.setPos(index, value)
                label.show()
            else:
                label.hide()

    def _draw_jacobian(self) -> None:
        jac = self._jacobian
        rows, cols = jac.shape if jac.ndim == 2 else (0, 0)
        if rows == 0:
            self.jacobian_image.clear()
            for label in self._cell_labels:
                label.hide()
            return
        finite = jac[np.isfinite(jac)]
        bound = float(np.abs(finite).max(initial=0.0))
        bound = bound if bound > 0 else 1.0
        self.jacobian_image.setImage(jac, autoLevels=False)
        self.jacobian_image.setRect(-0.5, -0.5, cols, rows)
        self.colour_bar.setLevels((-bound, bound))  # symmetric: 0 is the map's neutral centre
        item = self.jacobian_plot.getPlotItem()
        item.setXRange(-0.5, cols - 0.5, padding=0.02)
        item.setYRange(-0.5, rows - 0.5, padding=0.02)
        _set_integer_ticks(item, cols, "z", axis="bottom")
        _set_integer_ticks(item, rows, "out", axis="left")
        while len(self._cell_labels) < rows * cols:
            label = pg.TextItem(anchor=(0.5, 0.5))
            self.jacobian_plot.addItem(label)
            self._cell_labels.append(label)
        font = _small_font(self._scaled_font(), 0.85 if max(rows, cols) > 6 else 0.95)
        for index, label in enumerate(self._cell_labels):
            if index >= rows * cols:
                label.hide()
                continue
            i, j = divmod(index, cols)
            value = float(jac[i, j])
            strong = math.isfinite(value) and abs(value) / bound > 0.55
            label.setFont(font)
            label.setText(
                _format_cell(value, cols), color=QColor("#ffffff" if strong else "#1a1a1a")
            )
            label.setPos(j, i)
            label.show()

    # -- looks -------------------------------------------------------------------------------
    def set_font_scale(self, scale: float) -> None:
        """Type ``scale`` times its usual size (presentation mode's projector look uses > 1)."""
        if scale == self._font_scale:
            return
        self._font_scale = scale
        tick_font = _small_font(self._scaled_font())
        for plot in (self.logits_plot, self.output_plot, self.jacobian_plot):
            item = plot.getPlotItem()
            item.titleLabel.setText(item.titleLabel.text, size=f"{_TITLE_PT * scale:g}pt")
            for name in ("left", "bottom"):
                axis = item.getAxis(name)
                axis.setStyle(tickFont=tick_font)
                axis.label.setFont(tick_font)
        self.colour_bar.axis.setStyle(tickFont=tick_font)
        for label in self._output_labels:
            label.setFont(_small_font(self._scaled_font()))
        self._refresh()

    def _scaled_font(self) -> QFont:
        font = QFont(self.font())
        size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
        font.setPointSizeF(size * self._font_scale)
        return font

    def _foreground(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def _background(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Base)

    def _apply_palette(self) -> None:
        foreground, background = self._foreground(), self._background()
        muted = QColor(foreground)
        muted.setAlpha(120)
        for plot in (self.logits_plot, self.output_plot, self.jacobian_plot):
            plot.setBackground(background)
            item = plot.getPlotItem()
            for name in ("left", "bottom"):
                axis = item.getAxis(name)
                axis.setPen(pg.mkPen(muted))
                axis.setTextPen(pg.mkPen(foreground))
            item.titleLabel.setText(item.titleLabel.text, color=foreground)
        for line in self._zero_lines:
            line.setPen(pg.mkPen(muted, width=1))
        self.colour_bar.axis.setPen(pg.mkPen(muted))
        self.colour_bar.axis.setTextPen(pg.mkPen(foreground))
        error = QColor("#ff8a80" if background.lightness() < 128 else "#b3261e")
        self.message.setStyleSheet(f"color: {error.name()};")

    def changeEvent(self, event: QEvent) -> None:
        """Follow the light/dark palette and the language."""
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
            self._refresh()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


#: The plots' title size (points) at scale 1, pyqtgraph's default.
_TITLE_PT = 11.0


def _format_cell(value: float, columns: int) -> str:
    """A Jacobian cell's label: fewer decimals in a large matrix; "0" rather than "-0.00"."""
    if not math.isfinite(value):
        return str(value)
    decimals = 2 if columns > 6 else 3
    if abs(value) < 0.5 * 10.0**-decimals:
        return "0"
    return f"{value:.{decimals}f}"


def _small_font(base: QFont, factor: float = 0.9) -> QFont:
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 9.0
    font.setPointSizeF(size * factor)
    return font


_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _subscript(number: int) -> str:
    return str(number).translate(_SUBSCRIPTS)


def _set_integer_ticks(item: pg.PlotItem, n: int, symbol: str, axis: str = "bottom") -> None:
    ticks = [(float(i), f"{symbol}{_subscript(i + 1)}") for i in range(n)]
    item.getAxis(axis).setTicks([ticks, []])
