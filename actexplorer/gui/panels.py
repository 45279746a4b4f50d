"""The side panels: parameters of the function, random inputs, comparison and view settings.

Each panel writes the state from its widgets' signals and offers ``set_*`` methods that show the
state without writing it back (signals blocked). Each builds its texts in ``retranslate()``,
again on every language change.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from actexplorer.core import AnyActivation, Framework
from actexplorer.core import locale as core_locale
from actexplorer.core.activation import ParamValue
from actexplorer.core.stats import DISTRIBUTIONS, MAX_SAMPLES, MIN_SAMPLES, InputDistribution
from actexplorer.gui._qt import signals_blocked
from actexplorer.gui.params import (
    MESSAGE_MS,
    HistorySource,
    NumberControl,
    NumberField,
    SliderScale,
    SpecForm,
)
from actexplorer.gui.theme import set_role
from actexplorer.state import MAX_PINS, MAX_SEED, X_LIMIT, Pin

_CUSTOM = "—"

#: Titles of the window's sections; :func:`section_title` translates them (context "Sections").
SECTION_TITLES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Sections", "Parameters"),
    QT_TRANSLATE_NOOP("Sections", "Inputs X"),
    QT_TRANSLATE_NOOP("Sections", "Compare"),
    QT_TRANSLATE_NOOP("Sections", "View"),
    QT_TRANSLATE_NOOP("Sections", "Properties"),
    QT_TRANSLATE_NOOP("Sections", "Presets"),
    QT_TRANSLATE_NOOP("Sections", "Network"),
    QT_TRANSLATE_NOOP("Sections", "Data"),
)

#: The input distributions' names (keys of ``DISTRIBUTIONS``), translated when shown.
_DISTRIBUTION_NAMES = {
    "normal": QT_TRANSLATE_NOOP("InputPanel", "Normal"),
    "uniform": QT_TRANSLATE_NOOP("InputPanel", "Uniform"),
    "laplace": QT_TRANSLATE_NOOP("InputPanel", "Laplace"),
    "mixture": QT_TRANSLATE_NOOP("InputPanel", "Mixture of two normals"),
}


class SectionTitle(QLabel):
    """A small upper-case heading; ``text`` is translated in the context "Sections"."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = text
        set_role(self, "section")
        self.retranslate()

    def retranslate(self) -> None:
        """Show the title in the current language."""
        self.setText(QCoreApplication.translate("Sections", self._source).upper())

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def section_title(text: str) -> QLabel:
    """A small upper-case heading for a panel section (``text``: one of :data:`SECTION_TITLES`,
    or another text marked ``QT_TRANSLATE_NOOP("Sections", ...)``)."""
    return SectionTitle(text)


class _Translated(QWidget):
    """A panel that builds its texts in :meth:`retranslate`, again on every language change."""

    def retranslate(self) -> None:
        """Show every text in the current language."""

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ParameterPanel(_Translated):
    """Controls generated from the current function's :class:`ParamSpec` s, presets, reset."""

    paramChanged = Signal(str, object)
    presetChosen = Signal(str)
    resetRequested = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, history: HistorySource | None = None
    ) -> None:
        super().__init__(parent)
        self.form = SpecForm()
        self.form.setObjectName("paramForm")
        self.form.set_history(history)
        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("presetCombo")
        self.preset_label = QLabel()
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("resetParams")
        self.empty_label = QLabel()
        set_role(self.empty_label, "muted")

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.preset_label)
        top.addWidget(self.preset_combo, 1)
        top.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.form)
        layout.addWidget(self.empty_label)

        self.form.changed.connect(self.paramChanged)
        self.preset_combo.activated.connect(self._preset_activated)
        self.reset_button.clicked.connect(self.resetRequested)
        self._act: AnyActivation | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Show every text in the current language."""
        self.preset_combo.setToolTip(self.tr("Use the default parameters of a framework"))
        self.preset_label.setText(self.tr("Defaults from"))
        self.reset_button.setText(self.tr("Reset all"))
        self.reset_button.setToolTip(self.tr("Every parameter back to its default"))
        self.empty_label.setText(self.tr("This function has no parameters."))

    def set_history(self, history: HistorySource | None) -> None:
        """Make each slider drag one step of ``history()`` (None: every change its own)."""
        self.form.set_history(history)

    def set_activation(self, act: AnyActivation, params: Mapping[str, ParamValue]) -> None:
        """Rebuild the controls for ``act``."""
        self._act = act
        self.form.set_specs(
            act.params, params, describe=lambda spec: core_locale.param_help(act, spec.name)
        )
        has_params = bool(act.params)
        self.form.setVisible(has_params)
        self.empty_label.setVisible(not has_params)
        self.reset_button.setVisible(has_params)
        frameworks = [fw for fw in Framework if fw in act.presets]
        with signals_blocked(self.preset_combo):
            self.preset_combo.clear()
            self.preset_combo.addItem(_CUSTOM, None)
            for fw in frameworks:
                self.preset_combo.addItem(fw.value, fw.value)
        self.preset_combo.setVisible(bool(frameworks) and has_params)
        self.preset_label.setVisible(bool(frameworks) and has_params)
        self.set_params(params)

    def set_params(self, params: Mapping[str, ParamValue]) -> None:
        """Show ``params``; the preset box names the framework whose defaults they are."""
        self.form.set_values(params)
        if self._act is None:
            return
        match = 0
        for index in range(1, self.preset_combo.count()):
            if self._act.preset(self.preset_combo.itemData(index)) == dict(params):
                match = index
                break
        with signals_blocked(self.preset_combo):
            self.preset_combo.setCurrentIndex(match)

    def show_message(self, text: str) -> None:
        """Show why a value was refused."""
        self.form.show_message(text)

    def _preset_activated(self, index: int) -> None:
        framework = self.preset_combo.itemData(index)
        if framework is not None:
            self.presetChosen.emit(framework)


class InputPanel(_Translated):
    """Distribution of X with its parameters, sample count, seed, and what to overlay."""

    distributionChosen = Signal(str)
    distributionParamChanged = Signal(str, object)
    samplesChanged = Signal(float)
    seedChanged = Signal(float)
    resampleRequested = Signal()
    showInputToggled = Signal(bool)
    trainModeToggled = Signal(bool)

    def __init__(
        self, parent: QWidget | None = None, *, history: HistorySource | None = None
    ) -> None:
        super().__init__(parent)
        self.dist_combo = QComboBox()
        self.dist_combo.setObjectName("distributionCombo")
        for key, spec in DISTRIBUTIONS.items():
            self.dist_combo.addItem(spec.name, key)

        self.dist_form = SpecForm()
        self.dist_form.setObjectName("distributionForm")
        self.samples = NumberControl(
            "n_samples",
            1e5,
            SliderScale(MIN_SAMPLES, MAX_SAMPLES, log=True, integer=True),
            _check_samples,
            integer=True,
        )
        self.samples.slider.setPageStep(100)
        self.set_history(history)
        self.seed = NumberField(0, _check_seed, integer=True)
        self.seed.setObjectName("field_seed")
        self.resample_button = QPushButton()
        self.resample_button.setObjectName("resampleButton")
        self.show_input = QCheckBox()
        self.show_input.setObjectName("showInputHistogram")
        self.train_mode = QCheckBox()
        self.train_mode.setObjectName("trainMode")
        self.message = QLabel()
        set_role(self.message, "error")
        self.message.setObjectName("inputMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(self.message.hide)

        kind_row = QHBoxLayout()
        kind_row.setContentsMargins(0, 0, 0, 0)
        self.dist_label = QLabel()
        kind_row.addWidget(self.dist_label)
        kind_row.addWidget(self.dist_combo, 1)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.samples_label = QLabel()
        grid.addWidget(self.samples_label, 1, 0)
        grid.addWidget(self.samples, 1, 1)
        seed_row = QHBoxLayout()
        seed_row.setContentsMargins(0, 0, 0, 0)
        seed_row.addWidget(self.seed)
        seed_row.addWidget(self.resample_button)
        seed_row.addStretch(1)
        self.seed_label = QLabel()
        grid.addWidget(self.seed_label, 2, 0)
        grid.addLayout(seed_row, 2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(kind_row)
        layout.addWidget(self.dist_form)
        layout.addLayout(grid)
        layout.addWidget(self.show_input)
        layout.addWidget(self.train_mode)
        layout.addWidget(self.message)

        self.dist_combo.activated.connect(self._dist_activated)
        self.dist_form.changed.connect(self.distributionParamChanged)
        self.samples.committed.connect(self._samples_committed)
        self.samples.rejected.connect(self.show_message)
        self.seed.committed.connect(self.seedChanged)
        self.seed.rejected.connect(self.show_message)
        self.resample_button.clicked.connect(self.resampleRequested)
        self.show_input.toggled.connect(self.showInputToggled)
        self.train_mode.toggled.connect(self.trainModeToggled)
        self.retranslate()

    def retranslate(self) -> None:
        """Show every text in the current language."""
        self.dist_label.setText(self.tr("X ~"))
        self.dist_label.setToolTip(self.tr("The distribution the inputs X are drawn from"))
        for index in range(self.dist_combo.count()):
            key = self.dist_combo.itemData(index)
            name = _DISTRIBUTION_NAMES.get(key, DISTRIBUTIONS[key].name)
            self.dist_combo.setItemText(index, QCoreApplication.translate("InputPanel", name))
        self.samples_label.setText(self.tr("samples"))
        self.seed_label.setText(self.tr("seed"))
        self.resample_button.setText(self.tr("Resample"))
        self.resample_button.setToolTip(self.tr("Draw new inputs (next seed)"))
        self.show_input.setText(self.tr("Show inputs X behind f(X)"))
        self.train_mode.setText(self.tr("Training mode (random slopes)"))

    def set_history(self, history: HistorySource | None) -> None:
        """Make each slider drag one step of ``history()`` (None: every change its own)."""
        self.dist_form.set_history(history)
        self.samples.set_history(history)

    def set_distribution(self, dist: InputDistribution) -> None:
        """Show ``dist`` (kind and parameters)."""
        with signals_blocked(self.dist_combo):
            self.dist_combo.setCurrentIndex(self.dist_combo.findData(dist.kind))
        self.dist_form.set_specs(dist.spec.params, dist.params)

    def set_samples(self, n: int) -> None:
        """Show the sample count."""
        self.samples.set_value(n)

    def set_seed(self, seed: int) -> None:
        """Show the seed."""
        self.seed.set_value(seed)

    def set_show_input(self, on: bool) -> None:
        """Show whether the input histogram is drawn."""
        with signals_blocked(self.show_input):
            self.show_input.setChecked(on)

    def set_train_mode(self, on: bool, available: bool) -> None:
        """Show the training-mode switch (only for stochastic functions)."""
        self.train_mode.setVisible(available)
        with signals_blocked(self.train_mode):
            self.train_mode.setChecked(on)

    def show_message(self, text: str) -> None:
        """Show why a value was refused."""
        self.message.setText(text)
        self.message.show()
        self._message_timer.start()

    def _dist_activated(self, index: int) -> None:
        self.distributionChosen.emit(self.dist_combo.itemData(index))

    def _samples_committed(self, _name: str, value: float) -> None:
        self.samplesChanged.emit(value)


def _check_samples(value: float) -> float:
    if not MIN_SAMPLES <= value <= MAX_SAMPLES:
        text = QCoreApplication.translate(
            "InputPanel", "samples must lie in [{low}, {high}]; got {value}"
        )
        raise ValueError(
            text.format(low=f"{MIN_SAMPLES:,}", high=f"{MAX_SAMPLES:,}", value=f"{value:,.0f}")
        )
    return value


def _check_seed(value: float) -> float:
    if not 0 <= value <= MAX_SEED:
        text = QCoreApplication.translate("InputPanel", "seed must lie in [0, {high}]; got {value}")
        raise ValueError(text.format(high=MAX_SEED, value=f"{value:.0f}"))
    return value


class _Swatch(QWidget):
    """A short line in a pin's colour."""

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color = QColor(color)
        self.setFixedSize(18, 12)

    def set_color(self, color: str) -> None:
        """Repaint in ``color``."""
        self._color = QColor(color)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A thick rounded bar."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._color)
        painter.drawRoundedRect(1, 4, 16, 4, 2, 2)
        painter.end()


class ComparePanel(_Translated):
    """Pinned functions with their colours; pin and unpin buttons."""

    pinRequested = Signal()
    unpinRequested = Signal(int)
    clearRequested = Signal()
    histogramsToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pin_button = QPushButton()
        self.pin_button.setObjectName("pinButton")
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearPins")
        self.hist_box = QCheckBox()
        self.hist_box.setObjectName("pinHistograms")
        self.hint = QLabel()
        set_role(self.hint, "muted")
        self.hint.setWordWrap(True)
        self._rows: list[tuple[QWidget, _Swatch, QLabel, QToolButton]] = []
        self._colors: Sequence[str] = ()
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self._rows_box.setSpacing(2)
        for index in range(MAX_PINS):
            row = QWidget()
            swatch = _Swatch("#000000")
            label = QLabel()
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            remove = QToolButton()
            remove.setText("✕")
            remove.setAutoRaise(True)
            remove.setProperty("pin_index", index)
            remove.clicked.connect(self._remove_clicked)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(swatch)
            line.addWidget(label, 1)
            line.addWidget(remove)
            row.hide()
            self._rows_box.addWidget(row)
            self._rows.append((row, swatch, label, remove))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.pin_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addLayout(self._rows_box)
        layout.addWidget(self.hist_box)
        self.pin_button.clicked.connect(self.pinRequested)
        self.clear_button.clicked.connect(self.clearRequested)
        self.hist_box.toggled.connect(self.histogramsToggled)
        self.set_pins((), ())
        self.retranslate()

    def retranslate(self) -> None:
        """Show every text in the current language."""
        self.pin_button.setText(self.tr("Pin current"))
        self.pin_button.setToolTip(
            self.tr("Keep this curve for comparison (up to {count})").format(count=MAX_PINS)
        )
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every pinned curve"))
        self.hist_box.setText(self.tr("Outline pinned histograms"))
        self.hint.setText(self.tr("Pin functions to overlay them on f and f′."))
        for _row, _swatch, _label, remove in self._rows:
            remove.setToolTip(self.tr("Unpin"))

    def set_pins(self, pins: Sequence[Pin], colors: Sequence[str]) -> None:
        """Show ``pins`` with their ``colors``."""
        self._colors = colors
        for index, (row, swatch, label, _remove) in enumerate(self._rows):
            if index < len(pins):
                swatch.set_color(colors[index])
                label.setText(pins[index].label)
                label.setToolTip(pins[index].label)
                row.show()
            else:
                row.hide()
        self.hint.setVisible(not pins)
        self.clear_button.setEnabled(bool(pins))
        self.pin_button.setEnabled(len(pins) < MAX_PINS)

    def set_histograms(self, on: bool) -> None:
        """Show whether pinned histograms are outlined."""
        with signals_blocked(self.hist_box):
            self.hist_box.setChecked(on)

    def _remove_clicked(self) -> None:
        button = self.sender()
        if button is not None:
            self.unpinRequested.emit(int(button.property("pin_index")))


class ViewPanel(_Translated):
    """The x window (editable, resettable) and the log |f′| switch."""

    xRangeTyped = Signal(float, float)
    resetRequested = Signal()
    logToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.x_low = NumberField(-6.0, _check_x)
        self.x_low.setObjectName("field_x_low")
        self.x_high = NumberField(6.0, _check_x)
        self.x_high.setObjectName("field_x_high")
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("resetXRange")
        self.log_box = QCheckBox()
        self.log_box.setObjectName("logDerivative")
        self.message = QLabel()
        set_role(self.message, "error")
        self.message.setObjectName("viewMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.from_label = QLabel()
        self.to_label = QLabel()
        row.addWidget(self.from_label)
        row.addWidget(self.x_low)
        row.addWidget(self.to_label)
        row.addWidget(self.x_high)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.log_box)
        layout.addWidget(self.message)
        self.x_low.committed.connect(self._typed)
        self.x_high.committed.connect(self._typed)
        self.x_low.rejected.connect(self.show_message)
        self.x_high.rejected.connect(self.show_message)
        self.reset_button.clicked.connect(self.resetRequested)
        self.log_box.toggled.connect(self.logToggled)
        self.retranslate()

    def retranslate(self) -> None:
        """Show every text in the current language."""
        self.from_label.setText(self.tr("x from"))
        self.to_label.setText(self.tr("to"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the function's own x window"))
        self.log_box.setText(self.tr("log |f′|  (vanishing gradients)"))
        self.log_box.setToolTip(self.tr("Plot |f′| on a logarithmic scale"))

    def set_x_range(self, low: float, high: float) -> None:
        """Show the x window."""
        self.x_low.set_value(_tidy(low, high))
        self.x_high.set_value(_tidy(high, low))

    def set_log(self, on: bool) -> None:
        """Show the log switch."""
        with signals_blocked(self.log_box):
            self.log_box.setChecked(on)

    def show_message(self, text: str) -> None:
        """Show why a value was refused (until the next accepted one)."""
        self.message.setText(text)
        self.message.show()

    def _typed(self, _value: float) -> None:
        self.message.hide()
        self.xRangeTyped.emit(self.x_low.value(), self.x_high.value())


def _check_x(value: float) -> float:
    if not -X_LIMIT <= value <= X_LIMIT:
        text = QCoreApplication.translate("ViewPanel", "x must lie within ±{limit}; got {value}")
        raise ValueError(text.format(limit=f"{X_LIMIT:g}", value=f"{value:g}"))
    return value


def _tidy(value: float, other: float) -> float:
    """``value`` rounded to a few digits of the window width (panning gives long decimals)."""
    width = abs(other - value)
    if width == 0 or not math.isfinite(width):
        return value
    digits = max(0, 3 - math.floor(math.log10(width)))
    return round(value, digits)
