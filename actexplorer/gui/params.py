"""Controls generated from parameter specs: a number field that cannot be typed wrongly, a
slider bound to it (logarithmic where the range spans decades), and the parameter panel.

Parameter names are notation and stay as written; their help comes from the catalog's locale
(:func:`actexplorer.core.locale.param_help`), and refusals are written in the current language.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from actexplorer.core import ParamSpec
from actexplorer.core import locale as core_locale
from actexplorer.core.activation import ParamValue
from actexplorer.core.stats import DISTRIBUTIONS
from actexplorer.gui._qt import signals_blocked
from actexplorer.gui.theme import mark_invalid, set_role

SLIDER_STEPS = 1000
#: How long a refusal message stays visible.
MESSAGE_MS = 6000

#: Help of the input distributions' parameters (their English descriptions), translated when
#: shown; the activations' help comes from the catalog's locale.
_DISTRIBUTION_HELP = (
    QT_TRANSLATE_NOOP("SpecForm", "mean μ"),
    QT_TRANSLATE_NOOP("SpecForm", "standard deviation σ"),
    QT_TRANSLATE_NOOP("SpecForm", "lower bound a"),
    QT_TRANSLATE_NOOP("SpecForm", "upper bound b (> a)"),
    QT_TRANSLATE_NOOP("SpecForm", "location μ"),
    QT_TRANSLATE_NOOP("SpecForm", "scale b"),
    QT_TRANSLATE_NOOP("SpecForm", "probability w of the first normal"),
    QT_TRANSLATE_NOOP("SpecForm", "mean μ₁ of the first normal"),
    QT_TRANSLATE_NOOP("SpecForm", "standard deviation σ₁ of the first normal"),
    QT_TRANSLATE_NOOP("SpecForm", "mean μ₂ of the second normal"),
    QT_TRANSLATE_NOOP("SpecForm", "standard deviation σ₂ of the second normal"),
)


#: The symbols labelling the input distributions' parameters: notation reads the same in every
#: language, and the translated help says what each one is.
_DISTRIBUTION_SYMBOLS = {
    "mean": "μ",
    "std": "σ",
    "low": "a",
    "high": "b",
    "loc": "μ",
    "scale": "b",
    "weight": "w",
    "mean1": "μ₁",
    "std1": "σ₁",
    "mean2": "μ₂",
    "std2": "σ₂",
}


def parse_number(text: str, *, integer: bool = False) -> float:
    """The finite number written in ``text`` (``1e-3``, ``−2``, ``100,000``); else ValueError."""
    cleaned = text.strip().replace("−", "-").replace(",", "").replace(" ", "")
    if not cleaned:
        raise ValueError(QCoreApplication.translate("NumberField", "enter a number"))
    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError(
            QCoreApplication.translate("NumberField", "“{text}” is not a number").format(
                text=text.strip()
            )
        ) from None
    if math.isnan(number):
        raise ValueError(QCoreApplication.translate("NumberField", "NaN is not allowed"))
    if math.isinf(number):
        raise ValueError(QCoreApplication.translate("NumberField", "infinity is not allowed"))
    if integer and number != math.floor(number):
        raise ValueError(
            QCoreApplication.translate("NumberField", "“{text}” is not a whole number").format(
                text=text.strip()
            )
        )
    return number


def format_number(value: float, *, integer: bool = False) -> str:
    """Short, exact-enough text for a field: ``0.01``, ``1.5e-05``, ``100,000``."""
    if integer:
        return f"{int(value):,}"
    return f"{value:.6g}"


class NumberField(QLineEdit):
    """A line edit for one number. Text, NaN, inf and values the validator refuses are
    rejected: the field reverts and :attr:`rejected` carries the reason."""

    committed = Signal(float)
    rejected = Signal(str)

    def __init__(
        self,
        value: float,
        validate: Callable[[float], float] | None = None,
        *,
        integer: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._value = float(value)
        self._validate = validate
        self._integer = integer
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumWidth(64)
        self.setMaximumWidth(96)
        self.setText(format_number(self._value, integer=integer))
        self.editingFinished.connect(self._commit)

    def value(self) -> float:
        """The last accepted value."""
        return self._value

    def set_value(self, value: float) -> None:
        """Show ``value`` (from the state) without emitting anything."""
        self._value = float(value)
        self._mark_invalid(False)
        with signals_blocked(self):
            self.setText(format_number(self._value, integer=self._integer))

    def _commit(self) -> None:
        text = self.text()
        if text == format_number(self._value, integer=self._integer):
            return
        try:
            number = parse_number(text, integer=self._integer)
            if self._validate is not None:
                number = float(self._validate(number))
        except ValueError as exc:
            # The core's refusals are messages translated here; the field's own already are.
            self._refuse(core_locale.error_text(exc))
            return
        self._mark_invalid(False)
        changed = number != self._value
        self._value = number
        with signals_blocked(self):
            self.setText(format_number(number, integer=self._integer))
        if changed:
            self.committed.emit(number)

    def _refuse(self, reason: str) -> None:
        with signals_blocked(self):
            self.setText(format_number(self._value, integer=self._integer))
        self._mark_invalid(True)
        self.rejected.emit(reason)

    def _mark_invalid(self, invalid: bool) -> None:
        if bool(self.property("invalid")) == invalid:
            return
        mark_invalid(self, invalid)


class SliderScale:
    """Maps slider steps to values, linearly or logarithmically, over a finite range."""

    def __init__(self, low: float, high: float, *, log: bool = False, integer: bool = False):
        self.low, self.high, self.log, self.integer = low, high, log and low > 0, integer

    @classmethod
    def for_spec(cls, spec: ParamSpec) -> SliderScale:
        """The slider range of ``spec``: its bounds, or a sensible window where unbounded."""
        default = float(spec.default)
        low, high = spec.minimum, spec.maximum
        if spec.log_scale:
            low = low if math.isfinite(low) else default / 1000
            high = high if math.isfinite(high) else max(default, low) * 1000
        else:
            span = max(abs(default), 1.0) * 5
            low = low if math.isfinite(low) else min(default, 0.0) - span
            high = high if math.isfinite(high) else max(default, 0.0) + span
        return cls(low, high, log=spec.log_scale)

    def to_value(self, step: int) -> float:
        """The value at slider ``step`` rounded to 4 significant digits (friendly numbers)."""
        t = step / SLIDER_STEPS
        if self.log:
            raw = math.exp(math.log(self.low) + t * (math.log(self.high) - math.log(self.low)))
        else:
            raw = self.low + t * (self.high - self.low)
        if step <= 0:
            raw = self.low
        elif step >= SLIDER_STEPS:
            raw = self.high
        value = float(f"{raw:.4g}") if raw != 0 else 0.0
        if self.integer:
            value = float(round(float(f"{raw:.2g}")))
        return min(max(value, self.low), self.high)

    def to_step(self, value: float) -> int:
        """The slider step nearest ``value`` (clamped to the ends)."""
        if self.log:
            value = max(value, self.low)
            t = (math.log(value) - math.log(self.low)) / (math.log(self.high) - math.log(self.low))
        else:
            t = (value - self.low) / (self.high - self.low) if self.high > self.low else 0.0
        return round(min(max(t, 0.0), 1.0) * SLIDER_STEPS)


class GestureHistory(Protocol):
    """What a control needs of an undo history: a drag is one gesture, one step."""

    def begin_gesture(self) -> None:
        """Start grouping changes (slider pressed)."""

    def end_gesture(self) -> None:
        """Stop grouping changes (slider released)."""


#: Gives the history a drag joins when it starts (the owner may replace its history later).
HistorySource = Callable[[], GestureHistory | None]


class NumberControl(QWidget):
    """A slider and a number field bound together, plus a reset button."""

    committed = Signal(str, float)
    rejected = Signal(str)

    def __init__(
        self,
        name: str,
        value: float,
        scale: SliderScale,
        validate: Callable[[float], float],
        *,
        default: float | None = None,
        integer: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._scale = scale
        self._default = default
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"slider_{name}")
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setPageStep(SLIDER_STEPS // 20)
        self.field = NumberField(value, validate, integer=integer)
        self.field.setObjectName(f"field_{name}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.field)
        if default is not None:
            self.reset_button = QToolButton()
            self.reset_button.setObjectName(f"reset_{name}")
            self.reset_button.setText("↺")
            self.reset_button.setAutoRaise(True)
            self.reset_button.clicked.connect(self._reset)
            layout.addWidget(self.reset_button)
        self.set_value(value)
        self._history: HistorySource | None = None
        self._gesture: GestureHistory | None = None
        self.slider.valueChanged.connect(self._slid)
        self.slider.sliderPressed.connect(self._drag_started)
        self.slider.sliderReleased.connect(self._drag_finished)
        self.field.committed.connect(self._typed)
        self.field.rejected.connect(self.rejected)
        self.retranslate()

    def retranslate(self) -> None:
        """Write the reset button's tooltip in the current language."""
        if self._default is not None:
            self.reset_button.setToolTip(
                self.tr("Reset to the default ({value})").format(value=format_number(self._default))
            )

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def value(self) -> float:
        """The value shown."""
        return self.field.value()

    def set_value(self, value: float) -> None:
        """Show ``value`` from the state; nothing is emitted."""
        self.field.set_value(value)
        with signals_blocked(self.slider):
            self.slider.setValue(self._scale.to_step(float(value)))

    def set_history(self, history: HistorySource | None) -> None:
        """Group each drag into one step of the history ``history()`` gives (None: no grouping)."""
        self._history = history

    def _drag_started(self) -> None:
        # A drag is one undo step, not one per slider position. The history is asked for at
        # the press: the window may have replaced it since the control was built.
        if self._gesture is not None or self._history is None:
            return
        history = self._history()
        if history is not None:
            history.begin_gesture()
            self._gesture = history

    def _drag_finished(self) -> None:
        history, self._gesture = self._gesture, None
        if history is not None:
            history.end_gesture()

    def _slid(self, step: int) -> None:
        self.committed.emit(self.name, self._scale.to_value(step))

    def _typed(self, value: float) -> None:
        self.committed.emit(self.name, value)

    def _reset(self) -> None:
        if self._default is not None:
            self.committed.emit(self.name, self._default)


class ChoiceControl(QWidget):
    """A combo box for a parameter with named choices."""

    committed = Signal(str, str)

    def __init__(self, spec: ParamSpec, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = spec.name
        self.combo = QComboBox()
        self.combo.setObjectName(f"choice_{spec.name}")
        self.combo.addItems(list(spec.choices or ()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        self.set_value(value)
        self.combo.currentTextChanged.connect(self._chosen)

    def value(self) -> str:
        """The choice shown."""
        return self.combo.currentText()

    def set_value(self, value: ParamValue) -> None:
        """Show ``value`` from the state; nothing is emitted."""
        with signals_blocked(self.combo):
            self.combo.setCurrentText(str(value))

    def _chosen(self, text: str) -> None:
        self.committed.emit(self.name, text)


class SpecForm(QWidget):
    """One row per :class:`ParamSpec`: label, then a number control or a choice control.

    :attr:`changed` carries (name, value) for the owner to write into the state; refusals are
    shown under the form and change nothing.
    """

    changed = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controls: dict[str, NumberControl | ChoiceControl] = {}
        self._labels: dict[str, QLabel] = {}
        self._specs: tuple[ParamSpec, ...] = ()
        self._help: Callable[[ParamSpec], str] = _english_help
        self._history: HistorySource | None = None
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(1, 1)
        self.message = QLabel()
        self.message.setObjectName("paramMessage")
        set_role(self.message, "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(self.message.hide)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addLayout(self._grid)
        outer.addWidget(self.message)

    def set_history(self, history: HistorySource | None) -> None:
        """Make each slider drag, now and after a rebuild, one step of ``history()``."""
        self._history = history
        for control in self._controls.values():
            if isinstance(control, NumberControl):
                control.set_history(history)

    @property
    def controls(self) -> Mapping[str, NumberControl | ChoiceControl]:
        """The control of each parameter, by name."""
        return self._controls

    def set_specs(
        self,
        specs: Sequence[ParamSpec],
        values: Mapping[str, ParamValue],
        *,
        describe: Callable[[ParamSpec], str] | None = None,
    ) -> None:
        """Rebuild the rows for ``specs`` showing ``values``.

        ``describe`` gives each parameter's one-line help in the current language (a function's
        comes from the catalog's locale); by default an input distribution's parameters get the
        marked table above and any other spec its own description.
        """
        self._help = describe if describe is not None else help_for(specs)
        if tuple(specs) == self._specs:
            self.set_values(values)
            self.retranslate()
            return
        # Hidden at once: deleteLater waits for the event loop, and a picture taken before it
        # runs (or a repaint that comes first) would show the old rows under the new ones.
        for control in self._controls.values():
            control.hide()
            control.deleteLater()
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self._controls = {}
        self._labels = {}
        self._specs = tuple(specs)
        self.message.hide()
        symbols = _DISTRIBUTION_SYMBOLS if _is_distribution(specs) else {}
        for row, spec in enumerate(specs):
            # A name is notation: never translated. An input distribution's words ("mean")
            # become their symbols (μ); the help tooltip says the words in the user's language.
            label = QLabel(symbols.get(spec.name, spec.name))
            control: NumberControl | ChoiceControl
            if spec.is_choice:
                control = ChoiceControl(spec, str(values.get(spec.name, spec.default)))
                control.committed.connect(self._forward)
            else:
                control = NumberControl(
                    spec.name,
                    float(values.get(spec.name, spec.default)),
                    SliderScale.for_spec(spec),
                    spec.validate,  # type: ignore[arg-type]
                    default=float(spec.default),
                )
                control.set_history(self._history)
                control.committed.connect(self._forward)
                control.rejected.connect(self.show_message)
            self._grid.addWidget(label, row, 0)
            self._grid.addWidget(control, row, 1)
            self._controls[spec.name] = control
            self._labels[spec.name] = label
        self.retranslate()

    def retranslate(self) -> None:
        """Write every parameter's help in the current language (the names stay)."""
        for spec in self._specs:
            text = self._help(spec)
            self._labels[spec.name].setToolTip(text or spec.name)
            self._controls[spec.name].setToolTip(text)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_values(self, values: Mapping[str, ParamValue]) -> None:
        """Show ``values`` (from the state) in the existing rows without emitting."""
        for name, value in values.items():
            control = self._controls.get(name)
            if isinstance(control, NumberControl) and not isinstance(value, str):
                control.set_value(float(value))
            elif isinstance(control, ChoiceControl):
                control.set_value(value)

    def show_message(self, text: str) -> None:
        """Show why an input was refused, for a few seconds."""
        self.message.setText(text)
        self.message.show()
        self._message_timer.start()

    def _forward(self, name: str, value: object) -> None:
        self.changed.emit(name, value)


def _english_help(spec: ParamSpec) -> str:
    return spec.description


def help_for(specs: Sequence[ParamSpec]) -> Callable[[ParamSpec], str]:
    """How to write the help of ``specs`` in the current language.

    An input distribution's parameters get the marked table above, anything else the
    description as written (a function's panel passes the catalog's help itself).
    """
    return _distribution_help if _is_distribution(specs) else _english_help


def _is_distribution(specs: Sequence[ParamSpec]) -> bool:
    return bool(specs) and any(dist.params is specs for dist in DISTRIBUTIONS.values())


def _distribution_help(spec: ParamSpec) -> str:
    return QCoreApplication.translate("SpecForm", spec.description)
