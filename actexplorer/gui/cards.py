"""Text panels beside the plots: what the catalog says about a function, and the sample's numbers.

:class:`PropertiesCard` shows an activation's facts and description; :class:`StatisticsPanel`
shows the statistics of f(X) for the current input sample, sampled beside exact where the core
knows the exact moments. Both take plain data through ``set_...`` and compute nothing, and both
show their texts in the current language (the catalog's texts through
:mod:`actexplorer.core.locale`).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from actexplorer.core import Activation, Smoothness, VectorActivation
from actexplorer.core import locale as core_locale

_SMOOTHNESS_NOTES = {
    Smoothness.DISCONTINUOUS: QT_TRANSLATE_NOOP("PropertiesCard", "jumps"),
    Smoothness.C0: QT_TRANSLATE_NOOP("PropertiesCard", "continuous, with kinks"),
    Smoothness.C1: QT_TRANSLATE_NOOP("PropertiesCard", "continuous slope"),
    Smoothness.C2: QT_TRANSLATE_NOOP("PropertiesCard", "continuous curvature"),
    Smoothness.CINF: QT_TRANSLATE_NOOP("PropertiesCard", "infinitely smooth"),
}


def format_number(value: float) -> str:
    """A number for people: 4 significant digits, a true minus sign, ∞ for infinities."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == 0:
        return "0"
    text = f"{value:.4g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}×10{_superscript(int(exponent))}"
    return text.replace("-", "−")


def format_range(bounds: tuple[float, float]) -> str:
    """An output range as "lo to hi", e.g. "0 to ∞" (whether a bound is reached is not shown)."""
    low, high = bounds
    text = QCoreApplication.translate("PropertiesCard", "{low} to {high}")
    return text.format(low=format_number(low), high=format_number(high))


def format_share(fraction: float) -> str:
    """A share in percent, e.g. 50.0 %; tiny non-zero shares read "< 0.01 %"."""
    if math.isnan(fraction):
        return "—"
    percent = 100.0 * fraction
    if 0 < percent < 0.01:
        return "< 0.01 %"
    return f"{percent:.2f} %" if percent < 10 else f"{percent:.1f} %"


#: Parameter settings whose fact texts a card remembers.
_FACT_CACHE_SIZE = 256

_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPTS)


def _muted(palette: QPalette) -> QColor:
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    # Halfway to the background: readable, but clearly secondary in light and dark looks.
    return QColor(
        (text.red() * 3 + window.red() * 2) // 5,
        (text.green() * 3 + window.green() * 2) // 5,
        (text.blue() * 3 + window.blue() * 2) // 5,
    )


def _label(text: str = "", name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # A wrapping label may shrink to any width (it grows taller instead); others keep their text.
    horizontal = QSizePolicy.Policy.Ignored if wrap else QSizePolicy.Policy.Preferred
    label.setSizePolicy(horizontal, QSizePolicy.Policy.Preferred)
    if name:
        label.setObjectName(name)
    return label


def _glue_short_tail(text: str) -> str:
    """``text`` with a first or last word of one or two characters bound to its neighbour (a
    no-break space), so that a wrapped title reads "Identity / near 0", not "Identity near / 0"
    (and "0 附近…" keeps its 0)."""
    words = text.split(" ")
    if len(words) < 2:
        return text
    if len(words[-1]) <= 2:
        words[-2:] = [f"{words[-2]}\u00a0{words[-1]}"]
    if len(words) >= 2 and len(words[0]) <= 2:
        words[:2] = [f"{words[0]}\u00a0{words[1]}"]
    return " ".join(words)


def _escape(text: str) -> str:
    """``text`` safe inside rich text (what html.escape does; that module's import costs more
    at start-up than every card text it would escape)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def _bullets(items: tuple[str, ...] | list[str]) -> str:
    """Rich text for a bullet list whose wrapped lines hang under the text, not the bullet."""
    rows = "".join(
        f"<tr><td style='padding-right:6px'>•</td><td>{_escape(item)}</td></tr>" for item in items
    )
    return f"<table cellspacing='0' cellpadding='1'>{rows}</table>"


class PropertiesCard(QWidget):
    """Name, family, facts (range, monotonic, smoothness, ...) and description of an activation.

    Made for a narrow side panel: everything wraps, and the card scrolls when it is too tall.
    """

    #: Facts that follow the parameters continuously (a drag rewrites them at every step): shown
    #: on one line in a box that only grows, so a new value does not relayout the card.
    STEADY_FACTS = frozenset({"output_range"})

    #: (attribute of Properties, row title, tooltip) in display order; translated when shown.
    FACTS = (
        (
            "output_range",
            QT_TRANSLATE_NOOP("PropertiesCard", "Range"),
            QT_TRANSLATE_NOOP("PropertiesCard", "The values f(x) can take"),
        ),
        (
            "monotonic",
            QT_TRANSLATE_NOOP("PropertiesCard", "Monotonic"),
            QT_TRANSLATE_NOOP("PropertiesCard", "f never decreases"),
        ),
        (
            "smoothness",
            QT_TRANSLATE_NOOP("PropertiesCard", "Smoothness"),
            QT_TRANSLATE_NOOP("PropertiesCard", "How many continuous derivatives f has"),
        ),
        (
            "zero_centred",
            QT_TRANSLATE_NOOP("PropertiesCard", "Zero-centred"),
            QT_TRANSLATE_NOOP("PropertiesCard", "Outputs are centred on 0, negative and positive"),
        ),
        (
            "saturating",
            QT_TRANSLATE_NOOP("PropertiesCard", "Saturating"),
            QT_TRANSLATE_NOOP(
                "PropertiesCard", "f′ → 0 in at least one tail: gradients vanish there"
            ),
        ),
        (
            "sparse",
            QT_TRANSLATE_NOOP("PropertiesCard", "Sparse"),
            QT_TRANSLATE_NOOP(
                "PropertiesCard", "f is exactly 0 on a whole interval: units can be dead"
            ),
        ),
        (
            "identity_near_origin",
            QT_TRANSLATE_NOOP("PropertiesCard", "Identity near 0"),
            QT_TRANSLATE_NOOP("PropertiesCard", "f(0) = 0 and f′(0) = 1"),
        ),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesCard")
        self._act: Activation | VectorActivation | None = None
        self._params: dict[str, Any] = {}
        # Fact texts by parameter setting for the shown activation: a property rule may integrate
        # over a fine grid, and the card is told the same parameters again (theme changes, a
        # function picked again, a slider dragged back and forth).
        self._facts: OrderedDict[tuple[tuple[str, Any], ...], tuple[str, ...]] = OrderedDict()
        # The parameter setting whose facts are shown (None: none yet, or texts to write again).
        self._shown_setting: tuple[tuple[str, Any], ...] | None = None

        self.name_label = _label(name="cardName")
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.3)
        font.setBold(True)
        self.name_label.setFont(font)
        self.family_label = _label(name="cardFamily")

        self.facts = QWidget()
        self._facts_grid = QGridLayout(self.facts)
        self._facts_grid.setContentsMargins(0, 4, 0, 4)
        self._facts_grid.setHorizontalSpacing(10)
        self._facts_grid.setVerticalSpacing(3)
        self._facts_grid.setColumnStretch(0, 2)
        self._facts_grid.setColumnStretch(1, 3)
        self._fact_titles: dict[str, QLabel] = {}
        self._fact_values: dict[str, QLabel] = {}
        self._fact_texts: dict[str, str] = {}  # what each shows, as plain text
        for row, (field, _title, _tip) in enumerate(self.FACTS):
            # Titles wrap too, at least as wide as their longest word (see retranslate): in a
            # narrow card a title column as wide as "Identity near 0" left the values too little
            # room and cut words such as "continuous".
            title_label = _label()
            value_label: QLabel
            if field in self.STEADY_FACTS:
                value_label = SteadyLabel(f"fact_{field}")
            else:
                value_label = _label(name=f"fact_{field}")
            self._facts_grid.addWidget(title_label, row, 0, Qt.AlignmentFlag.AlignTop)
            # A steady label keeps its own size: aligned, it does not cap the column's width.
            align = Qt.AlignmentFlag.AlignTop
            if isinstance(value_label, SteadyLabel):
                align |= Qt.AlignmentFlag.AlignLeft
            self._facts_grid.addWidget(value_label, row, 1, align)
            self._fact_titles[field] = title_label
            self._fact_values[field] = value_label

        self.summary_label = _label(name="cardSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.strengths_title = _label()
        self.strengths_label = _label(name="cardStrengths")
        self.weaknesses_title = _label()
        self.weaknesses_label = _label(name="cardWeaknesses")
        self.usage_title = _label()
        self.usage_label = _label(name="cardUsage")
        # Plain text: "Keras' swish" must not become an entity, nor "x < 0" a tag.
        self.usage_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reference_title = _label()
        self.reference_label = _label(name="cardReference")
        self.reference_label.setTextFormat(Qt.TextFormat.RichText)
        for bullets in (self.strengths_label, self.weaknesses_label):
            bullets.setTextFormat(Qt.TextFormat.RichText)
        self._headings = [
            self.strengths_title,
            self.weaknesses_title,
            self.usage_title,
            self.reference_title,
        ]
        for heading in self._headings:
            bold = QFont(heading.font())
            bold.setBold(True)
            heading.setFont(bold)

        body = QWidget()
        body.setObjectName("propertiesCardBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(4)
        column.addWidget(self.name_label)
        column.addWidget(self.family_label)
        self._rules = [_rule(), _rule()]
        column.addWidget(self._rules[0])
        column.addWidget(self.facts)
        column.addWidget(self._rules[1])
        column.addWidget(self.summary_label)
        for title, text in (
            (self.strengths_title, self.strengths_label),
            (self.weaknesses_title, self.weaknesses_label),
            (self.usage_title, self.usage_label),
            (self.reference_title, self.reference_label),
        ):
            column.addSpacing(4)
            column.addWidget(title)
            column.addWidget(text)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._apply_palette()
        self.retranslate()

    def retranslate(self) -> None:
        """Show every text in the current language (the facts of the shown function too)."""
        self.strengths_title.setText(self.tr("Strengths"))
        self.weaknesses_title.setText(self.tr("Weaknesses"))
        self.usage_title.setText(self.tr("Where it is used"))
        self.reference_title.setText(self.tr("Reference"))
        for field, title, tip in self.FACTS:
            text = QCoreApplication.translate("PropertiesCard", title)
            tip_text = QCoreApplication.translate("PropertiesCard", tip)
            self._fact_titles[field].setText(_glue_short_tail(text))
            self._fact_titles[field].setToolTip(tip_text)
            self._fact_values[field].setToolTip(tip_text)
        self._fit_title_column()
        if self._act is not None:
            self._facts.clear()  # the cached texts are in the previous language
            self.set_activation(self._act, self._params)

    def _fit_title_column(self) -> None:
        """No fact title narrower than its longest word: titles wrap between words only."""
        widest = max(
            (
                label.fontMetrics().horizontalAdvance(word)
                for label in self._fact_titles.values()
                for word in label.text().split(" ")
            ),
            default=0,
        )
        for label in self._fact_titles.values():
            label.setMinimumWidth(widest + 2)

    def set_activation(
        self, act: Activation | VectorActivation, params: Mapping[str, Any] | None = None
    ) -> None:
        """Show ``act``'s facts at ``params`` (missing names take defaults) and its texts."""
        if act is not self._act:
            self._facts.clear()
        self._shown_setting = None
        self._act = act
        self._params = dict(params or {})
        self.name_label.setText(core_locale.display_name(act))
        self.family_label.setText(core_locale.family_label(act.family))
        properties_of = getattr(act, "properties", None)
        # Vector functions (softmax, ...) have no scalar facts: only their texts are shown.
        self.facts.setVisible(properties_of is not None)
        if properties_of is not None:
            self.set_params(params or {})
        self._show_description()

    def set_params(self, params: Mapping[str, Any]) -> None:
        """Recompute the facts that depend on parameters (ELU's range, ...)."""
        if self._act is None or not hasattr(self._act, "properties"):
            return
        key = tuple(sorted(params.items()))
        if key == self._shown_setting:
            return  # told the parameters it shows (another field of the state changed)
        self._params = dict(params)
        texts = self._facts.get(key)
        if texts is None:
            facts = self._act.properties(**dict(params))
            texts = tuple(_describe(field, getattr(facts, field)) for field, _, _ in self.FACTS)
            self._facts[key] = texts
            if len(self._facts) > _FACT_CACHE_SIZE:
                self._facts.popitem(last=False)
        else:
            self._facts.move_to_end(key)
        for (field, _title, _tip), text in zip(self.FACTS, texts, strict=True):
            label = self._fact_values[field]
            self._fact_texts[field] = text
            if isinstance(label, SteadyLabel):
                label.set_text(text)
            elif "^∞" in text:
                # Unicode has superscript digits (C⁰, C¹, C²) but no superscript infinity.
                label.setText(_escape(text).replace("^∞", "<sup>∞</sup>"))
            else:
                label.setText(text)
        self._shown_setting = key

    def fact(self, field: str) -> str:
        """The text shown for one fact, e.g. ``fact("output_range") == "0 to ∞"`` (plain text:
        C^∞ is shown with a raised ∞)."""
        return self._fact_texts.get(field, "")

    def _show_description(self) -> None:
        assert self._act is not None
        description = core_locale.describe(self._act)
        # A custom function's sentences are core messages around the user's expression.
        self.summary_label.setText(core_locale.message_text(description.summary))
        sections = (
            (self.strengths_title, self.strengths_label, _bullets(description.strengths)),
            (self.weaknesses_title, self.weaknesses_label, _bullets(description.weaknesses)),
            (
                self.usage_title,
                self.usage_label,
                core_locale.message_text(description.usage),
            ),
        )
        for title, label, text in sections:
            has_text = bool(text) and text != _bullets(())
            label.setText(text if has_text else "")
            title.setVisible(has_text)
            label.setVisible(has_text)
        reference = description.reference
        self.reference_title.setVisible(reference is not None)
        self.reference_label.setVisible(reference is not None)
        if reference is not None:
            venue = f", {_escape(reference.venue)}" if reference.venue else ""
            self.reference_label.setText(
                f"{_escape(reference.authors)} ({reference.year}). "
                f"<i>{_escape(reference.title)}</i>{venue}."
            )
        else:
            self.reference_label.setText("")

    def _apply_palette(self) -> None:
        muted = _muted(self.palette()).name()
        self.family_label.setStyleSheet(f"color: {muted};")
        for rule in self._rules:
            rule.setStyleSheet(f"color: {muted};")
        for title in self._fact_titles.values():
            title.setStyleSheet(f"color: {muted};")

    def changeEvent(self, event: QEvent) -> None:
        """Recolour the secondary text when the light/dark palette changes; retranslate."""
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _describe(field: str, value: object) -> str:
    if field == "output_range":
        return format_range(value)  # type: ignore[arg-type]
    if field == "smoothness":
        smoothness = Smoothness(value)
        note = QCoreApplication.translate("PropertiesCard", _SMOOTHNESS_NOTES[smoothness])
        return QCoreApplication.translate("PropertiesCard", "{smoothness} ({note})").format(
            smoothness=core_locale.smoothness_label(smoothness), note=note
        )
    if value:
        return QCoreApplication.translate("PropertiesCard", "yes")
    return QCoreApplication.translate("PropertiesCard", "no")


def _rule() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Plain)
    return line


_PLAIN = Qt.TextInteractionFlag.NoTextInteraction


class SteadyLabel(QLabel):
    """A one-line label in a box that only grows: a new text that fits repaints this label only.

    A label whose size follows its text makes its layout recompute, and the panel around it
    repaint, on every new text; during a slider drag that relayout (word-wrapped paragraphs
    measured again) costs more than the plots. At a fixed size (minimum == maximum) Qt leaves
    the layout alone. The box widens when a longer text arrives and fits the text afresh when
    the font changes.

    The text can be selected and copied with the mouse. A selectable label lays its text out as
    a rich-text document at every change and repaint (a tenth of a slider step for the
    statistics panel), so the label becomes selectable when the mouse enters it and plain again
    at the next new text once the mouse has left and nothing is selected.
    """

    #: Sizes the box before any text arrives: most texts are no wider.
    TYPICAL = ""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._pad = 0
        self._ready = False  # the font set by _style is fitted once, below
        self.setObjectName(name)
        self._style()
        self._ready = True
        self._fit(shrink=True)

    def _style(self) -> None:
        """Set font and alignment before the box is first fitted (for subclasses)."""

    def set_text(self, text: str) -> None:
        """Show ``text``; relayout only when it does not fit the box."""
        if text == self.text():
            return
        if self.textInteractionFlags() != _PLAIN and not self._in_use():
            self.setTextInteractionFlags(_PLAIN)
        self.setText(text)
        # The text's advance plus the label's own margins: a sixteenth of the cost of sizeHint.
        if "\n" in text or self.fontMetrics().horizontalAdvance(text) + self._pad > self.width():
            self._fit(shrink=False)

    def _fit(self, *, shrink: bool) -> None:
        text = self.text()
        self.setText(self.TYPICAL)
        typical = self.sizeHint()
        self.setText(text)
        hint = self.sizeHint()
        self._pad = hint.width() - self.fontMetrics().horizontalAdvance(text)
        width = max(typical.width(), hint.width(), 0 if shrink else self.maximumWidth())
        self.setFixedSize(width, max(typical.height(), hint.height()))

    def _in_use(self) -> bool:
        """True while the mouse is over the label, text is selected or a menu is open."""
        return (
            self.underMouse()
            or self.hasSelectedText()
            or QApplication.activePopupWidget() is not None
        )

    def enterEvent(self, event: QEvent) -> None:
        """Selectable under the mouse (see the class doc)."""
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        super().enterEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Fit the box to the text again when the font changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._ready:
            self._fit(shrink=True)


class NumberLabel(SteadyLabel):
    """A right-aligned number (digits of equal width) in a box that only grows."""

    TYPICAL = "−0.0000"

    def _style(self) -> None:
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setFont(_tabular(self.font()))

    def set_number(self, text: str) -> None:
        """Show ``text``; relayout only when it does not fit the box."""
        self.set_text(text)


class StatisticsPanel(QWidget):
    """Statistics of f(X) for the current sample, with the exact moments beside them.

    ``set_stats`` takes any object with the fields of ``actexplorer.core.stats.SampleStats``
    (n, mean, std, min, max, dead_fraction, saturated_fraction, mean_abs_derivative, exact).
    """

    #: (key, row title, tooltip) in display order; translated when shown (formulas stay).
    ROWS = (
        ("mean", "E[f(X)]", QT_TRANSLATE_NOOP("StatisticsPanel", "Mean of the outputs")),
        ("var", "Var[f(X)]", QT_TRANSLATE_NOOP("StatisticsPanel", "Variance of the outputs")),
        (
            "std",
            QT_TRANSLATE_NOOP("StatisticsPanel", "Std"),
            QT_TRANSLATE_NOOP("StatisticsPanel", "Standard deviation of the outputs"),
        ),
        (
            "min",
            QT_TRANSLATE_NOOP("StatisticsPanel", "Min"),
            QT_TRANSLATE_NOOP("StatisticsPanel", "Smallest output"),
        ),
        (
            "max",
            QT_TRANSLATE_NOOP("StatisticsPanel", "Max"),
            QT_TRANSLATE_NOOP("StatisticsPanel", "Largest output"),
        ),
        (
            "dead",
            QT_TRANSLATE_NOOP("StatisticsPanel", "Dead (f = 0)"),
            QT_TRANSLATE_NOOP(
                "StatisticsPanel", "Share of inputs whose output is exactly 0: dead units"
            ),
        ),
        (
            "saturated",
            QT_TRANSLATE_NOOP("StatisticsPanel", "Saturated f′"),
            QT_TRANSLATE_NOOP(
                "StatisticsPanel", "Share of inputs whose |f′| is below the threshold"
            ),
        ),
        (
            "mean_abs_derivative",
            QT_TRANSLATE_NOOP("StatisticsPanel", "Mean |f′|"),
            QT_TRANSLATE_NOOP("StatisticsPanel", "Average size of the gradient"),
        ),
        (
            "mean_sq_derivative",
            "E[f′(X)²]",
            QT_TRANSLATE_NOOP(
                "StatisticsPanel", "Mean squared gradient: how signals scale with depth"
            ),
        ),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsPanel")
        self._stats: Any = None

        self.title = _label(name="statsTitle", wrap=False)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.samples_label = _label(name="statsSamples")
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("statsBusy")
        self.busy_bar.setRange(0, 0)  # indeterminate: a moving bar
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedSize(48, 6)
        self.busy_bar.hide()

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignVCenter)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        self.sampled_header = _label(wrap=False)
        self.exact_header = _label(wrap=False)
        for column, heading in ((1, self.sampled_header), (2, self.exact_header)):
            heading.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(heading, 0, column)
        self._titles: dict[str, QLabel] = {}
        self._sampled: dict[str, NumberLabel] = {}
        self._exact: dict[str, NumberLabel] = {}
        for row, (key, _title, _tip) in enumerate(self.ROWS, start=1):
            title_label = _label(wrap=False)
            title_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            sampled = NumberLabel(f"sampled_{key}")
            exact = NumberLabel(f"exact_{key}")
            grid.addWidget(title_label, row, 0)
            grid.addWidget(sampled, row, 1)
            grid.addWidget(exact, row, 2)
            self._titles[key], self._sampled[key], self._exact[key] = title_label, sampled, exact
        grid.setColumnStretch(0, 1)
        self.warning_label = _label(name="statsWarning")
        self.warning_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.samples_label)
        layout.addLayout(grid)
        layout.addWidget(self.warning_label)
        layout.addStretch(1)
        self._apply_palette()
        self.retranslate()

    def retranslate(self) -> None:
        """Show every text in the current language (the shown statistics too)."""
        self.title.setText(self.tr("Statistics of f(X)"))
        self.busy_bar.setToolTip(self.tr("Computing statistics for the new sample…"))
        self.sampled_header.setText(self.tr("sampled"))
        self.exact_header.setText(self.tr("exact"))
        self.exact_header.setToolTip(
            self.tr("Exact moments under the input distribution, by quadrature")
        )
        for key, title, tip in self.ROWS:
            self._titles[key].setText(QCoreApplication.translate("StatisticsPanel", title))
            self._titles[key].setToolTip(QCoreApplication.translate("StatisticsPanel", tip))
        self.set_stats(self._stats)

    def set_stats(self, stats: Any) -> None:
        """Show ``stats`` (a SampleStats or any object with its fields); None clears the panel."""
        self._stats = stats
        if stats is None:
            self.samples_label.setText(self.tr("No sample yet"))
            for label in (*self._sampled.values(), *self._exact.values()):
                label.set_number("—")
            self._show_exact_column(False)
            self.warning_label.hide()
            return
        n = int(stats.n)
        count = f"{n:,}".replace(",", "\u2009")
        self.samples_label.setText(self.tr("from {count} samples", "", n).format(count=count))
        sampled = {
            "mean": format_number(stats.mean),
            "var": format_number(stats.std**2),
            "std": format_number(stats.std),
            "min": format_number(stats.min),
            "max": format_number(stats.max),
            "dead": format_share(stats.dead_fraction),
            "saturated": format_share(stats.saturated_fraction),
            "mean_abs_derivative": format_number(stats.mean_abs_derivative),
            "mean_sq_derivative": format_number(getattr(stats, "mean_sq_derivative", math.nan)),
        }
        if not hasattr(stats, "mean_sq_derivative"):
            sampled["mean_sq_derivative"] = "—"
        for key, text in sampled.items():
            self._sampled[key].set_number("—" if text == "NaN" else text)
        exact = getattr(stats, "exact", None)
        self._show_exact_column(exact is not None)
        if exact is not None:
            # Quadrature leaves a mean of ~1e-17 where symmetry makes it exactly 0 (tanh):
            # below 1e-12 of the spread it is shown as the 0 it is.
            spread = math.sqrt(exact.var) if exact.var > 0 else 0.0
            mean = 0.0 if abs(exact.mean) < 1e-12 * spread else exact.mean
            values = {
                "mean": format_number(mean),
                "var": format_number(exact.var),
                "std": format_number(math.sqrt(exact.var) if exact.var >= 0 else math.nan),
                "mean_sq_derivative": format_number(getattr(exact, "mean_sq_derivative", math.nan)),
            }
            for key, label in self._exact.items():
                label.set_number(values.get(key, ""))
        threshold = getattr(stats, "saturation_threshold", None)
        if threshold is not None:
            tip = self.tr("Share of inputs with |f′| < {threshold}: gradients vanish there").format(
                threshold=format_number(threshold)
            )
            if tip != self._titles["saturated"].toolTip():  # the same on every slider step
                self._titles["saturated"].setToolTip(tip)
        self._show_warnings(stats)

    def _show_exact_column(self, visible: bool) -> None:
        self.exact_header.setVisible(visible)
        for label in self._exact.values():
            label.setVisible(visible)

    def _show_warnings(self, stats: Any) -> None:
        problems = []
        nan_count = int(getattr(stats, "nan_count", 0))
        inf_count = int(getattr(stats, "inf_count", 0))
        if nan_count:
            problems.append(
                self.tr("{count} outputs are NaN", "", nan_count).format(count=f"{nan_count:,}")
            )
        if inf_count:
            problems.append(
                self.tr("{count} outputs are infinite", "", inf_count).format(
                    count=f"{inf_count:,}"
                )
            )
        self.warning_label.setText(
            self.tr("⚠ {problems} (left out of the moments)").format(
                problems=self.tr("; ").join(problems)
            )
        )
        self.warning_label.setVisible(bool(problems))

    def set_busy(self, busy: bool) -> None:
        """Show (or hide) the small busy indicator while new statistics are computed."""
        self.busy_bar.setVisible(busy)
        for label in self._sampled.values():
            label.setEnabled(not busy)  # dimmed: these numbers belong to the previous sample

    def is_busy(self) -> bool:
        """True while the busy indicator is shown."""
        return not self.busy_bar.isHidden()

    def value(self, key: str, exact: bool = False) -> str:
        """The text in row ``key`` (see :attr:`ROWS`), sampled or exact column."""
        return (self._exact if exact else self._sampled)[key].text()

    def exact_visible(self) -> bool:
        """True when the exact column is shown."""
        return not self.exact_header.isHidden()

    def _apply_palette(self) -> None:
        muted = _muted(self.palette()).name()
        for label in (self.samples_label, self.sampled_header, self.exact_header):
            label.setStyleSheet(f"color: {muted};")
        error = (
            "#ff8a80"
            if self.palette().color(QPalette.ColorRole.Window).lightness() < 128
            else ("#b3261e")
        )
        self.warning_label.setStyleSheet(f"color: {error};")

    def changeEvent(self, event: QEvent) -> None:
        """Recolour the secondary text when the light/dark palette changes; retranslate."""
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _tabular(font: QFont) -> QFont:
    """Digits of equal width, so columns of numbers line up."""
    tabular = QFont(font)
    tabular.setFeature(QFont.Tag("tnum"), 1)
    return tabular
