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

import math
import threading
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QTimer, Signal
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

_COLUMNS = ("Parameter", "Default", "Minimum", "Maximum")


def caret_text(text: str, column: int | None) -> str:
    """``text`` with a caret line under ``column`` (1-based), e.g. ``"x * sigmod(x)\\n    ^"``."""
    if column is None:
        return text
    column = max(1, min(column, len(text) + 1))
    return f"{text}\n{' ' * (column - 1)}^"


class _DerivativeResult(QObject):
    """Carries a worker thread's answer to the GUI thread (a queued signal)."""

    ready = Signal(int, object, str, str)


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
        self._carrier = _DerivativeResult(self)
        self._carrier.ready.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        budget = DERIVATIVE_BUDGET_S if budget_s is None else budget_s
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

    def _start(self, generation: int, expression: CustomExpression) -> None:
        carrier = self._carrier

        def work() -> None:
            try:
                derivative = expression.derivative()
                latex = expression.latex()
            except (ValueError, TypeError, ArithmeticError, RecursionError) as exc:
                carrier.ready.emit(generation, None, "", str(exc))
                return
            carrier.ready.emit(generation, derivative, latex, "")

        thread = threading.Thread(target=work, name="custom-derivative", daemon=True)
        self._running[generation] = thread
        thread.start()

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
    shown and the dialog stays open.
    """

    def __init__(
        self,
        install: Any,
        definition: CustomDefinition | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customEditor")
        self.setWindowTitle("Edit custom function" if definition else "New custom function")
        self._install = install
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
        self.name.setPlaceholderText("e.g. my swish")
        self.name.setMaxLength(80)
        self.expression = QLineEdit()
        self.expression.setObjectName("customExpression")
        self.expression.setFont(mono)
        self.expression.setPlaceholderText("e.g. x * sigmoid(beta * x)")
        self.expression.setMaxLength(4000)  # the parser refuses beyond 2,000 with a message
        self.expression.setToolTip(
            "Use x, your own parameter names, + - * / **, comparisons, where(c, a, b), "
            "minimum, maximum, abs, sign, exp, expm1, log, log1p, sqrt, sin, cos, tanh, erf, "
            "pi, e, and any catalog function by its key, e.g. leaky_relu(x, negative_slope=a)"
        )
        self.error = QLabel()
        self.error.setObjectName("customError")
        self.error.setFont(mono)
        self.error.setProperty("role", "error")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(False)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel()
        self.hint.setObjectName("customHint")
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)

        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setObjectName("customParams")
        self.table.setHorizontalHeaderLabels(_COLUMNS)
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
        self.d_text.setProperty("role", "muted")
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

        form = QFormLayout()
        form.addRow("Name", self.name)
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
        left.addWidget(QLabel("Parameters"))
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
        self.name.textChanged.connect(self._update_ok)
        if definition is not None:
            self.expression.setText(definition.expression)
        self.check_now()

    # -- checking -------------------------------------------------------------------------------
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
            where = f" at column {exc.column}" if exc.column is not None else ""
            caret = caret_text(shown, exc.column) if exc.column and exc.column <= 200 else ""
            message = f"{exc.reason}{where}{exc.hint}"
            self.error.setText(f"{caret}\n{message}" if caret else message)
            self.error.setVisible(bool(text.strip()))
            self.hint.setText("" if text.strip() else "Type an expression in x.")
            self._show_parameters(())
            self._clear_formulas()
            self._update_ok()
            return
        self.error.setText("")
        self.error.hide()
        self._expression = expression
        self._show_parameters(expression.parameters)
        self.hint.setText("Building the derivative…")
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
            self.error.setText(f"f′ cannot be built: {error}")
            self.error.show()
            self.hint.setText("")
            self._update_ok()
            return
        assert isinstance(derivative, Derivative)
        self._derivative = derivative
        self._f_latex = latex
        self.hint.setText("")
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
        self.error.setText(
            f"f′ took longer than {DERIVATIVE_BUDGET_S:g} s to build; simplify the expression"
        )
        self.error.show()
        self.hint.setText("")
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
                try:
                    value = float(raw)
                except ValueError:
                    return f"{_COLUMNS[column].lower()} of {name}: {raw!r} is not a number"
                if not math.isfinite(value):
                    return f"{_COLUMNS[column].lower()} of {name} must be a finite number"
                numbers.append(value)
            default, lo, hi = numbers
            if not lo < hi:
                return f"{name}: the minimum must be below the maximum"
            if not lo <= default <= hi:
                return f"{name}: the default must lie between {lo:g} and {hi:g}"
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
        name = self.name.text().strip()
        if not name:
            return "give the function a name"
        if self._expression is None:
            return "fix the expression"
        specs = self.parameter_specs()
        if isinstance(specs, str):
            return specs
        if self._derivative is None:
            return "waiting for the derivative" if self.builder.busy else "f′ is not available"
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
            self.param_error.setText(str(exc))
            return
        self._installed = definition.key
        super().accept()

    def done(self, result: int) -> None:
        """Stop waiting for SymPy when the dialog closes."""
        self.builder.cancel()
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
        self.window.statusBar().showMessage(text, 8000)

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
            self._notice(f"{key} is not a custom function")
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
            self._notice(f"{key} is not a custom function")
            return
        answer = QMessageBox.question(
            self.window,
            "Delete custom function",
            f"Delete “{definition.name}”? Views showing it switch to "
            f"{ACTIVATIONS[default_activation_key()].name} and its pins are removed.",
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
        editor = CustomEditor(self._install, definition, self.window)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(self._editor_accepted)
        editor.destroyed.connect(self._editor_gone)
        self.editor = editor
        editor.open()
        return editor

    def _install(self, definition: CustomDefinition) -> None:
        original = self.editor.original_key if self.editor is not None else None
        if original is not None and definition.key != original and definition.key in self.functions:
            raise ValueError(f"another custom function is already called {definition.name!r}")
        self.functions.install(definition)
        if original is not None and definition.key != original and original in self.functions:
            self.functions.remove(original)  # renamed: the old entry goes

    def _editor_accepted(self) -> None:
        editor = self.editor
        if editor is not None and editor.installed_key is not None:
            self.window.state.activation = editor.installed_key
            self._notice(f"{ACTIVATIONS[editor.installed_key].name} is ready in the picker")
        self.sync_actions()

    def _editor_gone(self, *_: object) -> None:
        self.editor = None
