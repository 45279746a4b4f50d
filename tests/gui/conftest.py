"""Fixtures for the window tests: settings isolated in a temporary directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from actexplorer.gui import MainWindow, i18n


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    """Where this test's settings live."""
    return tmp_path / "actexplorer.ini"


@pytest.fixture
def settings(settings_path: Path) -> QSettings:
    """Settings that touch nothing outside the test's temporary directory."""
    return QSettings(str(settings_path), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings: QSettings) -> MainWindow:
    """A shown explorer window at laptop size."""
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.wait_until_idle()
    return win


@pytest.fixture
def back_to_english(qapp: QApplication):
    """The test starts and ends in English, whatever it switched to (language tests use it)."""
    i18n.set_language(qapp, "en")
    yield
    i18n.set_language(qapp, "en")


@pytest.fixture
def catalog_left_clean():
    """Custom functions a window defined leave the shared catalog after the test."""
    from actexplorer.core import ACTIVATIONS

    yield
    for key in list(ACTIVATIONS.custom()):
        ACTIVATIONS.remove(key)
