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
