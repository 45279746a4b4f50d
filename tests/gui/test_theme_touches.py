"""Section titles, muted and error texts, invalid fields and splitter handles follow the look
without a window-wide style sheet (which would send every widget through the style-sheet engine
at start-up)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QSplitter, QWidget

from actexplorer.gui import MainWindow, theme
from actexplorer.gui.theme import DARK, LIGHT, apply_touches, flat_splitter, mark_invalid, set_role


@pytest.fixture(autouse=True)
def _light_again():
    yield
    apply_touches(LIGHT)


def test_a_role_is_styled_now_and_in_every_later_look(qtbot) -> None:
    apply_touches(LIGHT)
    muted, error = QLabel("note"), QLabel("refused")
    for label in (muted, error):
        qtbot.addWidget(label)
    set_role(muted, "muted")
    set_role(error, "error")
    assert muted.property("role") == "muted"
    assert LIGHT.muted in muted.styleSheet() and LIGHT.error in error.styleSheet()
    apply_touches(DARK)
    assert DARK.muted in muted.styleSheet() and DARK.error in error.styleSheet()
    with pytest.raises(ValueError, match="unknown role"):
        set_role(QLabel(), "loud")


def test_a_title_is_sized_by_its_font_not_a_sheet(qtbot) -> None:
    title = QLabel("ReLU")
    qtbot.addWidget(title)
    set_role(title, "title")
    assert title.font().pointSizeF() == theme.TITLE_PT and title.styleSheet() == ""


def test_an_invalid_field_is_framed_until_it_is_valid_again(qtbot) -> None:
    apply_touches(LIGHT)
    field = QLineEdit()
    qtbot.addWidget(field)
    mark_invalid(field, True)
    assert field.property("invalid") is True and LIGHT.error in field.styleSheet()
    apply_touches(DARK)
    assert DARK.error in field.styleSheet()
    mark_invalid(field, False)
    assert field.styleSheet() == ""
    apply_touches(LIGHT)
    assert field.styleSheet() == ""  # no longer followed


def test_splitter_handles_take_the_looks_band_colour(qtbot) -> None:
    apply_touches(LIGHT)
    splitter = QSplitter()
    qtbot.addWidget(splitter)
    splitter.addWidget(QWidget())
    splitter.addWidget(QWidget())
    flat_splitter(splitter)
    handle = splitter.handle(1)
    assert handle.autoFillBackground()
    assert handle.palette().color(QPalette.ColorRole.Window).name() == LIGHT.alt_base
    apply_touches(DARK)
    assert handle.palette().color(QPalette.ColorRole.Window).name() == DARK.alt_base


def test_a_deleted_widget_is_skipped_and_forgotten(qtbot) -> None:
    parent = QWidget()
    label = QLabel(parent)
    set_role(label, "muted")
    parent.deleteLater()
    qtbot.waitUntil(lambda: not theme.shiboken6.isValid(label), timeout=2000)
    apply_touches(DARK)  # no error for the deleted label
    assert label not in theme._with_role


def test_the_window_has_no_window_wide_style_sheet_and_follows_its_theme(
    window: MainWindow,
) -> None:
    assert window.styleSheet() == ""
    window.state.theme = "dark"
    sections = [w for w in window.findChildren(QLabel) if w.property("role") == "section"]
    assert sections and all(DARK.muted in s.styleSheet() for s in sections)
    window.state.theme = "light"
    assert all(LIGHT.muted in s.styleSheet() for s in sections)
