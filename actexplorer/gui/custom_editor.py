"""The editor of the user's own activations, and the window's commands around it.

:class:`CustomEditor` checks the expression as it is typed (the parser answers in well under a
millisecond), shows a refused one with its column marked, lists the parameters the expression
uses with a default and a range each, and shows f and the symbolic f′ as formulas and as a small
plot. SymPy builds f′ on a worker thread: it usually answers within a second, but some small
expressions keep it busy for minutes, so after :data:`DERIVATIVE_BUDGET_S` the editor gives up
on that expression (the thread finishes on its own) and says so; the dialog never waits for it.

:class:`CustomCommands` is what the window's menus and the picker's context menu call.
"""

from __future__ import annotations

import functools
import itertools
import math
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from actexplorer.core import ACTIVATIONS
from actexplorer.core import locale as core_locale
from actexplorer.core.custom import (
    CustomDefinition,
    CustomExpression,
    Derivative,
    ExpressionError,
    custom_param,
    parse_expression,
)
from actexplorer.core.registry import CUSTOM_PREFIX
from actexplorer.custom_functions import CustomFunctions, StateGuard
from actexplorer.gui.formula import FormulaView
from actexplorer.gui.theme import set_role
from actexplorer.state import default_activation_key

if TYPE_CHECKING:
    from actexplorer.gui.main_window import MainWindow

#: Typing pauses this long before the expression is checked again.
DEBOUNCE_MS = 250
#: The editor stops waiting for SymPy's derivative after this long.
DERIVATIVE_BUDGET_S = 5.0
#: Derivatives whose LaTeX is longer than this are shown as plain text (typesetting is slow).
MAX_TYPESET = 600
#: The preview plot's x window.
PREVIEW_RANGE = (-5.0, 5.0)
#: At most this many abandoned SymPy threads run at once; then new requests wait.
MAX_ABANDONED = 2

#: The parameter table's column titles, translated when shown.
_COLUMNS = (
    QT_TRANSLATE_NOOP("CustomEditor", "Parameter"),
    QT_TRANSLATE_NOOP("CustomEditor", "Default"),
    QT_TRANSLATE_NOOP("CustomEditor", "Minimum"),
    QT_TRANSLATE_NOOP("CustomEditor", "Maximum"),
)
#: The same, as a word inside a sentence ("default of a: ...").
_FIELDS = (
    "",
    QT_TRANSLATE_NOOP("CustomEditor", "default"),
    QT_TRANSLATE_NOOP("CustomEditor", "minimum"),
    QT_TRANSLATE_NOOP("CustomEditor", "maximum"),
)


def caret_text(text: str, column: int | None) -> str:
    """``text`` with a caret line under ``column`` (1-based), e.g. ``"x * sigmod(x)\\n    ^"``."""
    if column is None:
        return text
    column = max(1, min(column, len(text) + 1))
    return f"{text}\n{' ' * (column - 1)}^"


class _DerivativeRelay(QObject):
    """Carries worker threads' answers to the GUI thread (a queued signal).

    One relay serves every builder and is owned by no dialog: a worker still running when its
    editor is closed and deleted emits on an object that is still alive, and Qt drops the answer
    because its receiver is gone. ``ready(builder, generation, derivative, latex, error)``.
    """

    ready = Signal(int, int, object, str, str)


_relay: _DerivativeRelay | None = None
_builder_ids = itertools.count(1)


def _derivative_relay() -> _DerivativeRelay:
    """The relay, created on first use (on the GUI thread) and kept for the program's life."""
    global _relay
    if _relay is None:
        _relay = _DerivativeRelay()
    return _relay


class DerivativeBuilder(QObject):
    """Builds f′ and the LaTeX of f off the GUI thread; the newest request wins.

    ``finished(generation, derivative_or_None, latex_of_f, error)`` reports each answer that is
    still wanted; ``timedOut(generation)`` fires when one takes longer than the budget.
    """

    finished = Signal(int, object, str, str)
    timedOut = Signal(int)

    def __init__(self, budget_s: float | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._running: dict[int, threading.Thread] = {}
        self._pending: CustomExpression | None = None
        self._id = next(_builder_ids)
        self._relay = _derivative_relay()
        self._relay.ready.connect(self._relayed, Qt.ConnectionType.QueuedConnection)
        self._attached = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        budget = DERIVATIVE_BUDGET_S if budget_s is None else budget_s
        #: How long a request may take before :attr:`timedOut` fires.
        self.budget_s = budget
        self._timer.setInterval(int(budget * 1000))
        self._timer.timeout.connect(self._budget_spent)
        self._current: int | None = None

    @property
    def busy(self) -> bool:
        """True while the newest request has no answer yet."""
        return self._current is not None

    def request(self, expression: CustomExpression) -> int:
        """Ask for ``expression``'s derivative; returns the request's generation."""
        self._generation += 1
        generation = self._generation
        self._current = generation
        self._timer.start()
        alive = [g for g, t in self._running.items() if t.is_alive()]
        self._running = {g: self._running[g] for g in alive}
        if len(alive) > MAX_ABANDONED:
            self._pending = expression  # started when a thread comes free
        else:
            self._start(generation, expression)
        return generation

    def cancel(self) -> None:
        """Forget the current request (answers still arriving are dropped)."""
        self._current = None
        self._pending = None
        self._timer.stop()

    def detach(self) -> None:
        """Stop listening for answers (the owner is going away); later answers are dropped."""
        self.cancel()
        if self._attached:
            self._attached = False
            self._relay.ready.disconnect(self._relayed)

    def _start(self, generation: int, expression: CustomExpression) -> None:
        # The worker holds the relay, never this builder: it may outlive the dialog.
        relay, builder = self._relay, self._id

        def work() -> None:
            try:
                derivative = expression.derivative()
                latex = expression.latex()
            except (ValueError, TypeError, ArithmeticError, RecursionError) as exc:
                relay.ready.emit(builder, generation, None, "", core_locale.error_text(exc))
                return
            relay.ready.emit(builder, generation, derivative, latex, "")

        thread = threading.Thread(target=work, name="custom-derivative", daemon=True)
        self._running[generation] = thread
        thread.start()

    def _relayed(
        self, builder: int, generation: int, derivative: object, latex: str, error: str
    ) -> None:
        if builder == self._id:
            self._arrived(generation, derivative, latex, error)

    def _arrived(self, generation: int, derivative: object, latex: str, error: str) -> None:
        self._running.pop(generation, None)
        if self._pending is not None and len(self._running) <= MAX_ABANDONED:
            pending, self._pending = self._pending, None
            self._start(self._generation, pending)
        if generation != self._current:
            return
        self._current = None
        self._timer.stop()
        self.finished.emit(generation, derivative, latex, error)

    def _budget_spent(self) -> None:
        if self._current is not None:
            generation, self._current = self._current, None
            self.timedOut.emit(generation)

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Process events until the current request is answered; False on timeout (tests)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(int(timeout_s * 1000))
        while self._current is not None and not deadline.hasExpired():
            QCoreApplication.processEvents()
            thread = self._running.get(self._current) if self._current is not None else None
            if thread is not None:
                thread.join(0.01)
        QCoreApplication.processEvents()
        return self._current is None


class CustomEditor(QDialog):
    """Define or edit a custom activation: name, expression, parameters, f and f′.

    ``install`` is called with the definition when OK is pressed; a ``ValueError`` it raises is
    shown and the dialog stays open. ``name_problem`` says why a name cannot be used ('' when it
    can: e.g. another custom function has it); it is shown under the name and disables OK.
    """

    def __init__(
        self,
        install: Any,
        definition: CustomDefinition | None = None,
        parent: QWidget | None = None,
        name_problem: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customEditor")
        self._editing = definition is not None
        # The hint and the error line are rebuilt from these on a language change.
        self._hint: Callable[[], str] = str
        self._error_text: Callable[[], str] = str
        self._install = install
        self._name_problem = name_problem
        self._original_key = None if definition is None else definition.key
        self._installed: str | None = None
        self._expression: CustomExpression | None = None
        self._derivative: Derivative | None = None
        self._f_latex = ""
        self._specs: dict[str, tuple[float, float, float]] = {
            spec.name: (float(spec.default), spec.minimum, spec.maximum)
            for spec in (definition.params if definition else ())
        }
        self.builder = DerivativeBuilder(parent=self)
        self.builder.finished.connect(self._derivative_ready)
        self.builder.timedOut.connect(self._derivative_timed_out)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.name = QLineEdit(definition.name if definition else "")
        self.name.setObjectName("customName")
        self.name.setMaxLength(80)
        self.name_error = QLabel()
        self.name_error.setObjectName("customNameError")
        self.name_error.setStyleSheet("color: #c0392b;")
        self.name_error.setWordWrap(True)
        self.name_error.hide()
        self.expression = QLineEdit()
        self.expression.setObjectName("customExpression")
        self.expression.setFont(mono)
        self.expression.setMaxLength(4000)  # the parser refuses beyond 2,000 with a message
        self.error = QLabel()
        self.error.setObjectName("customError")
        self.error.setFont(mono)
        set_role(self.error, "error")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(False)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel()
        self.hint.setObjectName("customHint")
        set_role(self.hint, "muted")
        self.hint.setWordWrap(True)

        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setObjectName("customParams")
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMaximumHeight(130)
        self.table.itemChanged.connect(self._table_edited)
        self.param_error = QLabel()
        self.param_error.setObjectName("customParamError")
        self.param_error.setStyleSheet("color: #c0392b;")
        self.param_error.setWordWrap(True)

        self.f_formula = FormulaView()
        self.f_formula.setObjectName("customFormula")
        self.d_formula = FormulaView()
        self.d_formula.setObjectName("customDerivative")
        self.d_text = QLabel()
        self.d_text.setObjectName("customDerivativeText")
        set_role(self.d_text, "muted")
        self.d_text.setWordWrap(True)
        self.d_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.preview = pg.PlotWidget()
        self.preview.setObjectName("customPreview")
        self.preview.setMinimumHeight(190)
        self.preview.setBackground(None)
        self.preview.showGrid(x=True, y=True, alpha=0.2)
        self.preview.setMouseEnabled(False, False)
        self.preview.hideButtons()
        legend = self.preview.addLegend(offset=(8, 8))
        legend.setLabelTextColor(self.palette().windowText().color())
        self.f_curve = self.preview.plot(pen=pg.mkPen("#1f77b4", width=2), name="f(x)")
        self.d_curve = self.preview.plot(
            pen=pg.mkPen("#d62728", width=2, style=Qt.PenStyle.DashLine), name="f′(x)"
        )
        self._x = np.linspace(*PREVIEW_RANGE, 401)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        self.name_label = QLabel()
        self.params_label = QLabel()
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow("", self.name_error)
        form.addRow("f(x) =", self.expression)
        form.addRow("", self.error)
        formulas = QFormLayout()
        formulas.addRow("f(x) =", self.f_formula)
        formulas.addRow("f′(x) =", self.d_formula)
        formulas.addRow("", self.d_text)
        right = QVBoxLayout()
        right.addLayout(formulas)
        right.addWidget(self.preview, 1)
        left = QVBoxLayout()
        left.addWidget(self.params_label)
        left.addWidget(self.table)
        left.addWidget(self.param_error)
        left.addStretch(1)
        middle = QHBoxLayout()
        middle.addLayout(left, 2)
        middle.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addLayout(middle, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 520)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.check_now)
        self.expression.textChanged.connect(self._debounce.start)
        self.name.textChanged.connect(self._name_edited)
        if definition is not None:
            self.expression.setText(definition.expression)
        self.retranslate()
        self.check_now()

    def retranslate(self) -> None:
        """Write every label, hint and message in the current language."""
        if self._editing:
            self.setWindowTitle(self.tr("Edit custom function"))
        else:
            self.setWindowTitle(self.tr("New custom function"))
        self.name_label.setText(self.tr("Name"))
        self.params_label.setText(self.tr("Parameters"))
        #: Names typed by the user stay as typed; the example is a name, not a sentence.
        self.name.setPlaceholderText(self.tr("e.g. my swish"))
        self.expression.setPlaceholderText(self.tr("e.g. x * sigmoid(beta * x)"))
        self.expression.setToolTip(
            self.tr(
                "Use x, your own parameter names, + - * / **, comparisons, where(c, a, b), "
                "minimum, maximum, abs, sign, exp, expm1, log, log1p, sqrt, sin, cos, tanh, erf, "
                "pi, e, and any catalog function by its key, e.g. leaky_relu(x, negative_slope=a)"
            )
        )
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("CustomEditor", column) for column in _COLUMNS]
        )
        self.hint.setText(self._hint())
        self.error.setText(self._error_text())
        self._name_edited()
        self._check_parameters()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_hint(self, hint: Callable[[], str]) -> None:
        self._hint = hint
        self.hint.setText(hint())

    def _set_error(self, error: Callable[[], str]) -> None:
        self._error_text = error
        self.error.setText(error())

    # -- checking -------------------------------------------------------------------------------
    def name_issue(self) -> str:
        """Why the typed name cannot be used ('' when it can)."""
        name = self.name.text().strip()
        if not name:
            return self.tr("give the function a name")
        if self._name_problem is None:
            return ""
        return core_locale.message_text(self._name_problem(name))

    def _name_edited(self) -> None:
        # An empty name is only explained by OK's tooltip: the field's placeholder asks for one.
        issue = self.name_issue() if self.name.text().strip() else ""
        self.name_error.setText(issue)
        self.name_error.setVisible(bool(issue))
        self._update_ok()

    def check_now(self) -> None:
        """Check the expression at once (typing checks it after a short pause)."""
        self._debounce.stop()
        text = self.expression.text()
        self._derivative = None
        self._expression = None
        try:
            expression = parse_expression(text)
        except ExpressionError as exc:
            self.builder.cancel()
            shown = text if len(text) <= 200 else text[:200] + "…"
            caret = caret_text(shown, exc.column) if exc.column and exc.column <= 200 else ""

            def refused(exc: ExpressionError = exc, caret: str = caret) -> str:
                message = core_locale.error_text(exc)
                return f"{caret}\n{message}" if caret else message

            self._set_error(refused)
            self.error.setVisible(bool(text.strip()))
            self._set_hint(str if text.strip() else lambda: self.tr("Type an expression in x."))
            self._show_parameters(())
            self._clear_formulas()
            self._update_ok()
            return
        self._set_error(str)
        self.error.hide()
        self._expression = expression
        self._show_parameters(expression.parameters)
        self._set_hint(lambda: self.tr("Building the derivative…"))
        self.f_formula.set_formula("", expression.text)
        self.builder.request(expression)
        self._update_ok()

    def _clear_formulas(self) -> None:
        self.f_formula.set_formula("", "")
        self.d_formula.set_formula("", "")
        self.d_text.setText("")
        self.f_curve.setData([], [])
        self.d_curve.setData([], [])

    def _derivative_ready(
        self, _generation: int, derivative: object, latex: str, error: str
    ) -> None:
        if self._expression is None:
            return
        if derivative is None:
            # The reason arrives already in the language of the moment it was built.
            self._set_error(lambda: self.tr("f′ cannot be built: {reason}").format(reason=error))
            self.error.show()
            self._set_hint(str)
            self._update_ok()
            return
        assert isinstance(derivative, Derivative)
        self._derivative = derivative
        self._f_latex = latex
        self._set_hint(str)
        self.f_formula.set_formula(latex, self._expression.text)
        if len(derivative.latex) <= MAX_TYPESET:
            self.d_formula.set_formula(derivative.latex, derivative.text)
            self.d_text.setText("")
        else:
            self.d_formula.set_formula("", "")
            text = derivative.text
            self.d_text.setText(text if len(text) <= 400 else text[:400] + "…")
        self._draw_preview()
        self._update_ok()

    def _derivative_timed_out(self, _generation: int) -> None:
        budget = self.builder.budget_s
        self._set_error(
            lambda: self.tr(
                "f′ took longer than {seconds} s to build; simplify the expression"
            ).format(seconds=f"{budget:g}")
        )
        self.error.show()
        self._set_hint(str)
        self._update_ok()

    # -- parameters -----------------------------------------------------------------------------
    def _show_parameters(self, names: tuple[str, ...]) -> None:
        with _blocked(self.table):
            self.table.setRowCount(len(names))
            for row, name in enumerate(names):
                default, lo, hi = self._specs.get(name) or _default_spec(name)
                label = QTableWidgetItem(name)
                label.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, 0, label)
                for column, value in enumerate((default, lo, hi), start=1):
                    self.table.setItem(row, column, QTableWidgetItem(f"{value:g}"))
        self._check_parameters()

    def _table_edited(self, _item: QTableWidgetItem) -> None:
        self._check_parameters()
        self._draw_preview()
        self._update_ok()

    def parameter_specs(self) -> tuple[Any, ...] | str:
        """The table's parameters as ParamSpecs, or the first problem as a message."""
        specs = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, 0).text()
            numbers = []
            for column in (1, 2, 3):
                item = self.table.item(row, column)
                raw = "" if item is None else item.text().strip()
                field = QCoreApplication.translate("CustomEditor", _FIELDS[column])
                try:
                    value = float(raw)
                except ValueError:
                    return self.tr("{field} of {name}: {raw} is not a number").format(
                        field=field, name=name, raw=repr(raw)
                    )
                if not math.isfinite(value):
                    return self.tr("{field} of {name} must be a finite number").format(
                        field=field, name=name
                    )
                numbers.append(value)
            default, lo, hi = numbers
            if not lo < hi:
                return self.tr("{name}: the minimum must be below the maximum").format(name=name)
            if not lo <= default <= hi:
                return self.tr("{name}: the default must lie between {low} and {high}").format(
                    name=name, low=f"{lo:g}", high=f"{hi:g}"
                )
            specs.append(custom_param(name, default, lo, hi))
        return tuple(specs)

    def _check_parameters(self) -> None:
        specs = self.parameter_specs()
        if isinstance(specs, str):
            self.param_error.setText(specs)
            return
        self.param_error.setText("")
        for spec in specs:
            self._specs[spec.name] = (float(spec.default), spec.minimum, spec.maximum)

    # -- preview --------------------------------------------------------------------------------
    def _draw_preview(self) -> None:
        specs = self.parameter_specs()
        if self._expression is None or self._derivative is None or isinstance(specs, str):
            return
        params = {spec.name: float(spec.default) for spec in specs}
        with np.errstate(all="ignore"):
            f = self._expression(self._x, params)
            d = self._derivative(self._x, params)
        self.f_curve.setData(self._x, _drawable(f))
        self.d_curve.setData(self._x, _drawable(d))

    # -- the result -----------------------------------------------------------------------------
    def problem(self) -> str:
        """Why OK is disabled ('' when it is enabled)."""
        issue = self.name_issue()
        if issue:
            return issue
        if self._expression is None:
            return self.tr("fix the expression")
        specs = self.parameter_specs()
        if isinstance(specs, str):
            return specs
        if self._derivative is None:
            if self.builder.busy:
                return self.tr("waiting for the derivative")
            return self.tr("f′ is not available")
        return ""

    def _update_ok(self) -> None:
        problem = self.problem()
        self.ok_button.setEnabled(not problem)
        self.ok_button.setToolTip(problem)

    def definition(self) -> CustomDefinition:
        """The definition as typed (valid only when OK is enabled)."""
        specs = self.parameter_specs()
        return CustomDefinition(
            self.name.text().strip(),
            self.expression.text().strip(),
            () if isinstance(specs, str) else specs,
        )

    @property
    def original_key(self) -> str | None:
        """The key of the function being edited (None for a new one)."""
        return self._original_key

    @property
    def installed_key(self) -> str | None:
        """The key installed by OK (None before)."""
        return self._installed

    def accept(self) -> None:
        """Install the definition; on a refusal show why and stay open."""
        if self.problem():
            return
        definition = self.definition()
        try:
            self._install(definition)
        except ValueError as exc:
            self.param_error.setText(core_locale.error_text(exc))
            return
        self._installed = definition.key
        super().accept()

    def done(self, result: int) -> None:
        """Stop waiting for SymPy when the dialog closes."""
        self.builder.detach()
        self._debounce.stop()
        super().done(result)


def _default_spec(name: str) -> tuple[float, float, float]:
    spec = custom_param(name)
    return float(spec.default), spec.minimum, spec.maximum


def _drawable(values: np.ndarray) -> np.ndarray:
    # Huge or infinite values would squash the preview; they are left out of the drawing.
    out = np.array(values, dtype=np.float64)
    out[~np.isfinite(out) | (np.abs(out) > 1e6)] = np.nan
    return out


class _blocked:
    def __init__(self, widget: QObject) -> None:
        self.widget = widget

    def __enter__(self) -> None:
        self.widget.blockSignals(True)

    def __exit__(self, *_: object) -> None:
        self.widget.blockSignals(False)


# -- the window's commands ------------------------------------------------------------------------
class CustomCommands(QObject):
    """New / edit / delete custom functions for ``window``, and the picker kept in step."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.functions: CustomFunctions = window.custom_functions
        self.editor: CustomEditor | None = None
        # The picker and lab refresh first so the state's return finds the new rows.
        self.functions.changed.connect(self._catalog_changed, priority=10)
        self.guard = StateGuard(self.functions, window.state, window.lab_state)
        self.guard.notice.connect(self._notice)
        tree = window.picker.tree
        tree.newCustomRequested.connect(self.new)
        tree.editCustomRequested.connect(self.edit)
        tree.deleteCustomRequested.connect(self._delete_asked)
        window.state.events.activation.connect(self.sync_actions)

    def _catalog_changed(self) -> None:
        self.window.picker.tree.refresh()
        if self.window.lab_built:
            self.window.lab.refresh_catalog()

    def _notice(self, text: str) -> None:
        self.window.statusBar().showMessage(core_locale.message_text(text), 8000)

    def sync_actions(self, *_: object) -> None:
        """Edit and delete act on the current function: enabled when it is a custom one."""
        custom = self.window.state.activation.startswith(CUSTOM_PREFIX)
        for name in ("editCustom", "deleteCustom"):
            try:
                self.window.action(name).setEnabled(custom)
            except KeyError:
                return  # the menus are not built yet

    # -- commands -------------------------------------------------------------------------------
    def new(self) -> CustomEditor:
        """Open the editor for a new function."""
        return self._open(None)

    def edit(self, key: str) -> CustomEditor | None:
        """Open the editor on the custom function ``key``."""
        definition = self.functions.get(key)
        if definition is None:
            self._notice(self.tr("{key} is not a custom function").format(key=key))
            return None
        return self._open(definition)

    def edit_current(self) -> CustomEditor | None:
        """Open the editor on the current function (when it is a custom one)."""
        return self.edit(self.window.state.activation)

    def delete_current(self) -> None:
        """Delete the current custom function (after asking)."""
        self._delete_asked(self.window.state.activation)

    def _delete_asked(self, key: str) -> None:
        definition = self.functions.get(key)
        if definition is None:
            self._notice(self.tr("{key} is not a custom function").format(key=key))
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Delete custom function"),
            self.tr(
                "Delete “{name}”? Views showing it switch to {default} and its pins are removed."
            ).format(
                name=definition.name,
                default=core_locale.display_name(ACTIVATIONS[default_activation_key()]),
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(key)

    def delete(self, key: str) -> None:
        """Delete the custom function ``key`` without asking."""
        self.functions.remove(key)
        self.sync_actions()

    def _open(self, definition: CustomDefinition | None) -> CustomEditor:
        if self.editor is not None:
            self.editor.close()
        editing = None if definition is None else definition.key
        name_problem = functools.partial(self.functions.name_problem, editing=editing)
        install = functools.partial(self._install, original=editing)
        editor = CustomEditor(install, definition, self.window, name_problem)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(self._editor_accepted)
        # An editor closed earlier may be deleted after a new one opened: only its own
        # deletion forgets it.
        editor.destroyed.connect(functools.partial(self._editor_gone, id(editor)))
        self.editor = editor
        editor.open()
        return editor

    def _install(self, definition: CustomDefinition, original: str | None = None) -> None:
        problem = self.functions.name_problem(definition.name, editing=original)
        if problem:
            raise ValueError(problem)
        history = getattr(self.window, "history", None)
        if original is not None and definition.key != original and original in self.functions:
            self.functions.rename(original, definition, history)
        else:
            self.functions.install(definition, history)

    def _editor_accepted(self) -> None:
        editor = self.editor
        if editor is not None and editor.installed_key is not None:
            self.window.state.activation = editor.installed_key
            name = ACTIVATIONS[editor.installed_key].name
            self._notice(self.tr("{name} is ready in the picker").format(name=name))
        self.sync_actions()

    def _editor_gone(self, editor_id: int, *_: object) -> None:
        if self.editor is not None and id(self.editor) == editor_id:
            self.editor = None
