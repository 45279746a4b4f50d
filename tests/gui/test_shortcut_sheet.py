"""The keyboard-shortcut sheet: generated from the action table, so it lists every shortcut;
opened by F1, ? and the Help menu; readable in presentation mode; closed by Esc."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from actexplorer.gui import MainWindow
from actexplorer.gui.actions import ACTIONS
from actexplorer.gui.presentation import PRESENTATION_KEYS
from actexplorer.gui.shortcut_sheet import (
    PRESENTATION_GROUP,
    ShortcutSheet,
    key_text,
    shortcut_groups,
)


def _open_sheet(window: MainWindow, qtbot, key: Qt.Key | None = None) -> ShortcutSheet:
    if key is None:
        window.action("shortcuts").trigger()
    else:
        window.activateWindow()
        qtbot.waitActive(window)
        qtbot.keyClick(QApplication.focusWidget() or window, key)
    sheet = window.presentation.sheet
    assert sheet is not None and sheet.isVisible()
    return sheet


def test_sheet_lists_every_shortcut_of_the_action_table(window: MainWindow, qtbot) -> None:
    sheet = _open_sheet(window, qtbot)
    text = sheet.text()
    shown = "".join(label.text() for label in sheet.labels)
    for spec in ACTIONS:
        keys = key_text(spec.shortcut) if spec.shortcut is not None else ""
        if not keys:
            continue
        assert keys in text, spec.name
        assert keys in shown, spec.name
    for entry in PRESENTATION_KEYS:
        assert entry.text in text
    sheet.close()


def test_groups_follow_the_menus_in_order() -> None:
    groups = shortcut_groups()
    assert list(groups)[-1] == PRESENTATION_GROUP
    assert list(groups)[:2] == ["File", "Edit"]
    rows = [row for title, rows in groups.items() if title != PRESENTATION_GROUP for row in rows]
    # A standard key without a binding on this platform (Quit on some desktops) has no key.
    bound = [s for s in ACTIONS if s.shortcut is not None and key_text(s.shortcut)]
    assert len(rows) == len(bound)


def test_f1_and_question_mark_open_it_and_escape_closes_it(window: MainWindow, qtbot) -> None:
    for key in (Qt.Key.Key_F1, Qt.Key.Key_Question):
        sheet = _open_sheet(window, qtbot, key)
        assert "F1" in sheet.text() and "?" in sheet.text()
        qtbot.keyClick(sheet, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.presentation.sheet is None)


def test_sheet_is_larger_in_presentation_mode(window: MainWindow, qtbot) -> None:
    sheet = _open_sheet(window, qtbot)
    normal = sheet.font().pointSizeF()
    sheet.close()
    window.presentation.set_active(True, full_screen=False)
    sheet = _open_sheet(window, qtbot)
    assert sheet.font().pointSizeF() >= 1.5 * normal
    assert window.presentation.active  # Esc in the sheet closes the sheet, not the mode
    qtbot.keyClick(sheet, Qt.Key.Key_Escape)
    assert window.presentation.active
    window.presentation.set_active(False)
