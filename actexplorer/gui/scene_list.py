"""The "Scenes" dock: the lecture's sequence of scenes, shown by title with the notes of the
selected one.

The dock only shows and asks: each button, a double-click or Enter emits a request that
:class:`~actexplorer.gui.scene_commands.SceneCommands` carries out on its list of scenes, which
then calls :meth:`SceneListDock.set_scenes` with the result.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from actexplorer.gui._qt import signals_blocked
from actexplorer.gui.theme import set_role

#: The dock's title and the View menu's name for it (translated when shown).
DOCK_TITLE = QT_TRANSLATE_NOOP("SceneListDock", "Scenes")
#: The dock's width when it first appears, in pixels.
DOCK_WIDTH = 250


class SceneListDock(QDockWidget):
    """A list of scene titles (the current one in bold), buttons to edit it, and notes."""

    #: Show the scene at this row (double-click or Enter).
    showRequested = Signal(int)
    #: Add what the window shows now as a scene after the selected row.
    addRequested = Signal()
    removeRequested = Signal(int)
    #: Move the scene at a row by a number of places (−1 up, +1 down).
    moveRequested = Signal(int, int)
    renameRequested = Signal(int)
    #: The notes of the scene at a row were edited.
    notesEdited = Signal(int, str)
    saveRequested = Signal()
    #: The list or its current scene was shown anew (:meth:`set_scenes`).
    scenesShown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sceneListDock")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.list = QListWidget()
        self.list.setObjectName("sceneList")
        self.list.setAlternatingRowColors(True)
        self.hint = QLabel()
        self.hint.setObjectName("sceneListHint")
        set_role(self.hint, "muted")
        self.hint.setWordWrap(True)

        self.add_button = self._button("addScene")
        self.remove_button = self._button("removeScene")
        self.up_button = self._button("sceneUp")
        self.up_button.setText("▲")
        self.down_button = self._button("sceneDown")
        self.down_button.setText("▼")
        self.rename_button = self._button("renameScene")
        self.save_button = self._button("saveLecture")
        # Two short rows keep the dock narrow: the plots need the width more.
        edit_row = QHBoxLayout()
        edit_row.setContentsMargins(0, 0, 0, 0)
        edit_row.setSpacing(2)
        for button in (self.add_button, self.remove_button, self.rename_button):
            edit_row.addWidget(button)
        edit_row.addStretch(1)
        edit_row.addWidget(self.up_button)
        edit_row.addWidget(self.down_button)

        self.notes_label = QLabel()
        set_role(self.notes_label, "muted")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("sceneNotes")
        self.notes.setMaximumHeight(120)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setWidget(body)

        self.list.itemActivated.connect(self._activated)
        self.list.currentRowChanged.connect(self._selection_changed)
        self.add_button.clicked.connect(self.addRequested)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(self._up)
        self.down_button.clicked.connect(self._down)
        self.rename_button.clicked.connect(self._rename)
        self.save_button.clicked.connect(self.saveRequested)
        self.notes.textChanged.connect(self._notes_changed)
        self._notes: list[str] = []
        self.retranslate()
        self.set_scenes([], None)

    def retranslate(self) -> None:
        """Show every text in the current language (the scene titles are the user's)."""
        self.setWindowTitle(QCoreApplication.translate("SceneListDock", DOCK_TITLE))
        self.list.setToolTip(self.tr("Double-click or press Enter to show a scene"))
        self.hint.setText(
            self.tr("No scenes yet. Open a lecture, or add what the window shows as a scene.")
        )
        for button, text, tip in (
            (self.add_button, self.tr("Add"), self.tr("Add what the window shows as a scene")),
            (self.remove_button, self.tr("Remove"), self.tr("Remove the selected scene")),
            (self.rename_button, self.tr("Rename…"), self.tr("Rename the selected scene")),
            (
                self.save_button,
                self.tr("Save lecture…"),
                self.tr("Save the scene list as a lecture file"),
            ),
        ):
            button.setText(text)
            button.setToolTip(tip)
        self.up_button.setToolTip(self.tr("Move the selected scene up"))
        self.down_button.setToolTip(self.tr("Move the selected scene down"))
        self.notes_label.setText(self.tr("Notes"))
        self.notes.setPlaceholderText(
            self.tr("Notes for this scene (what to point at, what to ask)")
        )

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _button(self, name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(f"{name}Button")
        button.setAutoRaise(True)
        return button

    # -- model → view --------------------------------------------------------------------------
    def set_scenes(
        self,
        scenes: Sequence[tuple[str, str]],
        current: int | None,
        selected: int | None = None,
    ) -> None:
        """Show ``(title, notes)`` of each scene, ``current`` in bold, ``selected`` selected."""
        self._notes = [notes for _title, notes in scenes]
        with signals_blocked(self.list):
            self.list.clear()
            for row, (title, _notes) in enumerate(scenes):
                item = QListWidgetItem(f"{row + 1}.  {title}")
                item.setToolTip(title)
                if row == current:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.list.addItem(item)
            if selected is None:
                selected = current
            if selected is not None and 0 <= selected < len(scenes):
                self.list.setCurrentRow(selected)
        self.hint.setVisible(not scenes)
        self._selection_changed(self.list.currentRow())
        self.scenesShown.emit()

    def selected_row(self) -> int | None:
        """The row selected in the list, if any."""
        row = self.list.currentRow()
        return row if 0 <= row < self.list.count() else None

    # -- view → requests -----------------------------------------------------------------------
    def _selection_changed(self, row: int) -> None:
        has = 0 <= row < len(self._notes)
        for button in (self.remove_button, self.rename_button):
            button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self._notes) - 1)
        self.save_button.setEnabled(bool(self._notes))
        self.notes.setEnabled(has)
        with signals_blocked(self.notes):
            self.notes.setPlainText(self._notes[row] if has else "")

    def _activated(self, item: QListWidgetItem) -> None:
        self.showRequested.emit(self.list.row(item))

    def _remove(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.removeRequested.emit(row)

    def _up(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.moveRequested.emit(row, -1)

    def _down(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.moveRequested.emit(row, 1)

    def _rename(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.renameRequested.emit(row)

    def _notes_changed(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        text = self.notes.toPlainText()
        self._notes[row] = text
        self.notesEdited.emit(row, text)


__all__ = ["DOCK_TITLE", "DOCK_WIDTH", "SceneListDock"]
