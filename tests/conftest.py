"""Shared fixtures: headless Qt, and a check that GUI tests leave no widgets behind."""

from __future__ import annotations

import os

import pytest

# Before anything imports Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _flush_deletions() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def _catch_qt_leaks(request: pytest.FixtureRequest):
    """Fail a GUI test that leaves top-level widgets alive after its teardown."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    from PySide6.QtWidgets import QApplication

    request.getfixturevalue("qapp")
    _flush_deletions()
    before = set(map(id, QApplication.topLevelWidgets()))
    yield
    _flush_deletions()
    leaked = [w for w in QApplication.topLevelWidgets() if id(w) not in before and w.isVisible()]
    if leaked:
        names = ", ".join(f"{type(w).__name__}({w.objectName()!r})" for w in leaked)
        for widget in leaked:
            widget.close()
            widget.deleteLater()
        _flush_deletions()
        pytest.fail(f"the test left {len(leaked)} top-level widget(s) open: {names}")


# Property tests draw the same examples on every run: a failure is reproducible, never a fluke.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("deterministic", derandomize=True, print_blob=True)
_hypothesis_settings.load_profile("deterministic")


class ModalDialogError(AssertionError):
    """A test reached a modal dialog nobody answers: offscreen it would wait forever."""


@pytest.fixture(autouse=True)
def _no_unanswered_modal_dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """Turn a modal dialog a GUI test did not plan for into a failure instead of a hang.

    Tests that expect a dialog patch the call they expect themselves (their patch wins: it is
    applied after this one).
    """
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    def refuse(name: str):
        def modal(*args: object, **kwargs: object) -> object:
            texts = [a for a in args if isinstance(a, str)]
            raise ModalDialogError(f"unexpected modal {name}: {' | '.join(texts)[:300]}")

        return staticmethod(modal)

    for cls, names in (
        (QMessageBox, ("warning", "critical", "information", "question", "about")),
        (QInputDialog, ("getText", "getInt", "getDouble", "getItem", "getMultiLineText")),
        (
            QFileDialog,
            ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"),
        ),
    ):
        for name in names:
            monkeypatch.setattr(cls, name, refuse(f"{cls.__name__}.{name}"))

    def exec_refused(self: QDialog) -> int:
        raise ModalDialogError(f"unexpected modal {type(self).__name__}.exec: {self.windowTitle()}")

    monkeypatch.setattr(QDialog, "exec", exec_refused)
    monkeypatch.setattr(QMessageBox, "exec", exec_refused)
    yield


@pytest.fixture(autouse=True)
def _no_leftover_custom_functions():
    """Fail a test that leaves user-defined functions in the shared catalog (later tests in the
    same process would see them), and take them out."""
    from actexplorer.core import ACTIVATIONS

    yield
    leftover = list(ACTIVATIONS.custom())
    for key in leftover:
        ACTIVATIONS.remove(key)
    if leftover:
        pytest.fail(f"the test left custom functions in the catalog: {', '.join(leftover)}")


@pytest.fixture
def functions():
    """A custom-function model whose functions leave the catalog after the test."""
    from actexplorer.core import ACTIVATIONS
    from actexplorer.custom_functions import CustomFunctions

    model = CustomFunctions()
    yield model
    model.clear()
    assert not ACTIVATIONS.custom()


@pytest.fixture(autouse=True)
def _patient_symbolic_derivatives(monkeypatch: pytest.MonkeyPatch) -> None:
    """SymPy's time limits are for a user's runaway expression; on a loaded test machine an
    ordinary derivative (and SymPy's first import) may take longer. Tests of the limits set
    their own, which wins (applied after this)."""
    from actexplorer import custom_functions
    from actexplorer.gui import custom_editor

    monkeypatch.setattr(custom_functions, "BUILD_BUDGET_S", 120.0)
    monkeypatch.setattr(custom_editor, "DERIVATIVE_BUDGET_S", 120.0)
