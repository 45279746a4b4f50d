"""The custom-function editor: live checking, the column of an error, parameters, f′ and OK."""

from __future__ import annotations

import numpy as np
import pytest

from actexplorer.core import get
from actexplorer.core.custom import CustomDefinition, custom_param
from actexplorer.gui.custom_editor import CustomEditor, caret_text


@pytest.fixture
def editor(qtbot) -> CustomEditor:
    """An editor whose OK appends the definition to ``editor.installed``."""
    installed: list[CustomDefinition] = []
    dialog = CustomEditor(installed.append)
    dialog.installed = installed  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_expression(editor: CustomEditor, text: str) -> None:
    editor.expression.setText(text)
    editor.check_now()
    if editor.builder.busy:
        assert editor.builder.wait(60)


def test_caret_line_marks_the_column() -> None:
    assert caret_text("x * sigmod(b*x)", 5) == "x * sigmod(b*x)\n    ^"


def test_typing_checks_after_a_pause(qtbot, editor: CustomEditor) -> None:
    editor.expression.setText("x * sigmod(beta * x)")
    assert "sigmod" not in editor.error.text()  # not yet: the check waits for a pause
    qtbot.waitUntil(lambda: "sigmod" in editor.error.text(), timeout=5000)


def test_an_error_shows_its_column_and_hint_and_disables_ok(editor: CustomEditor) -> None:
    editor.name.setText("my swish")
    type_expression(editor, "x * sigmod(beta * x)")
    text = editor.error.text()
    assert text.startswith("x * sigmod(beta * x)\n    ^\n")
    assert "at column 5" in text and "did you mean sigmoid?" in text
    assert not editor.ok_button.isEnabled()
    assert editor.table.rowCount() == 0


def test_a_valid_expression_lists_parameters_and_shows_f_and_its_derivative(
    editor: CustomEditor,
) -> None:
    editor.name.setText("my swish")
    type_expression(editor, "x * sigmoid(beta * x)")
    assert editor.error.isHidden()
    assert [editor.table.item(r, 0).text() for r in range(editor.table.rowCount())] == ["beta"]
    assert editor.table.item(0, 1).text() == "1"
    assert "sigmoid" in editor.f_formula.latex()
    assert "sigmoid'" in editor.d_formula.latex()
    x, f = editor.f_curve.getData()
    _, d = editor.d_curve.getData()
    silu = get("silu")
    np.testing.assert_allclose(f, silu.forward(x), rtol=1e-12)
    np.testing.assert_allclose(d, silu.derivative(x), rtol=1e-10, atol=1e-15)
    assert editor.ok_button.isEnabled()


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        (2, "5", "minimum must be below the maximum"),
        (1, "20", "default must lie between"),
        (3, "inf", "finite"),
        (1, "abc", "not a number"),
    ],
)
def test_bad_parameter_ranges_are_explained_and_disable_ok(
    editor: CustomEditor, column: int, value: str, fragment: str
) -> None:
    editor.name.setText("scaled")
    type_expression(editor, "a * tanh(x)")
    if column == 2:
        editor.table.item(0, 3).setText("4")
    editor.table.item(0, column).setText(value)
    assert fragment in editor.param_error.text()
    assert not editor.ok_button.isEnabled()
    assert fragment in editor.ok_button.toolTip()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("x" * 1_000_000, "too long"),
        ("(" * 10_000 + "x" + ")" * 10_000, "too long"),
        ("__import__('os').system('echo hacked')", "only named functions"),
        ("x.real", "attribute access"),
    ],
)
def test_hostile_input_is_refused(editor: CustomEditor, text: str, fragment: str) -> None:
    editor.name.setText("hostile")
    editor.expression.setMaxLength(2_000_000)
    type_expression(editor, text)
    assert fragment in editor.error.text()
    assert not editor.ok_button.isEnabled()
    assert len(editor.error.text()) < 600  # the text is not echoed in full


def test_ok_installs_the_definition_with_its_ranges(editor: CustomEditor) -> None:
    editor.name.setText("my swish")
    type_expression(editor, "x * sigmoid(beta * x)")
    editor.table.item(0, 2).setText("0")
    editor.table.item(0, 3).setText("4")
    editor.ok_button.click()
    assert editor.installed == [  # type: ignore[attr-defined]
        CustomDefinition("my swish", "x * sigmoid(beta * x)", (custom_param("beta", 1, 0, 4),))
    ]
    assert editor.installed_key == "custom:my_swish"


def test_a_refused_install_keeps_the_dialog_open(qtbot) -> None:
    def refuse(definition: CustomDefinition) -> None:
        raise ValueError("'ReLU' is the name of the built-in function ReLU; choose another")

    dialog = CustomEditor(refuse)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("ReLU")
    type_expression(dialog, "maximum(x, 0)")
    dialog.ok_button.click()
    assert dialog.isVisible() and "built-in" in dialog.param_error.text()
    dialog.reject()


def test_editing_starts_from_the_definition(qtbot) -> None:
    definition = CustomDefinition("scaled", "a * tanh(x)", (custom_param("a", 2, 0.5, 3),))
    dialog = CustomEditor(lambda d: None, definition)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.builder.wait(60)
    assert dialog.name.text() == "scaled" and dialog.expression.text() == "a * tanh(x)"
    assert [dialog.table.item(0, c).text() for c in range(4)] == ["a", "2", "0.5", "3"]
    assert dialog.definition() == definition
    dialog.reject()


def test_a_derivative_sympy_cannot_finish_in_time_is_refused_without_waiting(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from actexplorer.core.custom import CustomExpression
    from actexplorer.gui import custom_editor

    release = threading.Event()

    def stuck(self: CustomExpression) -> object:
        release.wait(10)  # stands in for SymPy busy for minutes
        raise ValueError("released")

    monkeypatch.setattr(CustomExpression, "derivative", stuck)
    monkeypatch.setattr(custom_editor, "DERIVATIVE_BUDGET_S", 0.05)
    dialog = CustomEditor(lambda d: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("slow")
    dialog.expression.setText("x * tanh(x)")
    dialog.check_now()
    try:
        qtbot.waitUntil(lambda: "longer than 0.05 s" in dialog.error.text(), timeout=5000)
        assert not dialog.ok_button.isEnabled()
        # Typing goes on while the worker is stuck: the parser still answers at once.
        dialog.expression.setText("x * sigmod(x)")
        dialog.check_now()
        assert "did you mean sigmoid" in dialog.error.text()
    finally:
        release.set()
    dialog.reject()


def test_a_taken_name_is_explained_under_the_name_and_disables_ok(qtbot) -> None:
    taken = {"my swish": "another custom function is already called 'my swish'"}
    dialog = CustomEditor(lambda d: None, name_problem=lambda name: taken.get(name, ""))
    qtbot.addWidget(dialog)
    dialog.show()
    type_expression(dialog, "x * tanh(x)")
    dialog.name.setText("my swish")
    assert "already called 'my swish'" in dialog.name_error.text()
    assert dialog.name_error.isVisible() and not dialog.ok_button.isEnabled()
    assert "already called" in dialog.ok_button.toolTip()
    dialog.name.setText("my swish 2")
    assert dialog.name_error.isHidden() and dialog.ok_button.isEnabled()
    dialog.reject()


def test_closing_while_sympy_builds_the_derivative_is_quiet(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from PySide6.QtCore import QCoreApplication, QEvent, Qt

    from actexplorer.core.custom import CustomExpression

    started, release = threading.Event(), threading.Event()
    original = CustomExpression.derivative

    def slow(self: CustomExpression) -> object:
        started.set()
        release.wait(10)  # SymPy still busy when the dialog goes away
        return original(self)

    monkeypatch.setattr(CustomExpression, "derivative", slow)
    dialog = CustomEditor(lambda d: None)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.expression.setText("x * tanh(x)")
    dialog.check_now()
    assert started.wait(10)
    workers = [t for t in threading.enumerate() if t.name == "custom-derivative"]
    dialog.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    release.set()  # the worker answers after the dialog is deleted
    for worker in workers:
        worker.join(30)
    # The answer is dropped; an error in the worker would fail the test (warnings are errors).
    QCoreApplication.processEvents()
    assert not any(worker.is_alive() for worker in workers)
