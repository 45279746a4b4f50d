"""The window's commands for teaching with it: scenes and lectures, recent files, drag and drop,
the undo menu's texts and copy as code.

A scene (``*.actx.json``) is what the window shows, with the lab's settings and the custom
functions it uses; a lecture is a list of scenes (see :mod:`actexplorer.scene`). Opening a file
only reads JSON and is all or nothing: a file that cannot be shown gets a message naming the
field and changes nothing. Opening a scene or showing one from the list is one undo step.

Each command has a method taking a path or an index (used by tests, the command line and the
presentation mode; problems are reported, never raised) and, where it needs a file name, an
``ask_*`` twin showing a dialog.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QMimeData, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from actexplorer.core.codegen import numpy_snippet, pytorch_snippet
from actexplorer.core.custom import CustomDefinition
from actexplorer.gui.i18n import on_language_change
from actexplorer.gui.scene_list import DOCK_WIDTH, SceneListDock
from actexplorer.scene import (
    MAX_NOTES,
    MAX_SCENES,
    MAX_TITLE,
    SCENE_SUFFIX,
    Lecture,
    Scene,
    SceneError,
    apply_scene,
    dumps_lecture,
    dumps_scene,
    lecture_from_scenes,
    load_document,
    loads_scene,
    save_document,
    scene_from_states,
)
from actexplorer.state import Pin

if TYPE_CHECKING:
    from actexplorer.gui.main_window import MainWindow

#: The settings key of the recently opened or saved files (newest first).
RECENT_KEY = "recentFiles"
#: The settings key of the folder of the last scene opened or saved.
FOLDER_KEY = "scenes/folder"
MAX_RECENT = 8
#: Languages of "Copy as code": name shown to the user and the snippet writer.
CODE_WRITERS: dict[str, tuple[str, Callable[[str, dict[str, Any]], str]]] = {
    "pytorch": ("PyTorch", pytorch_snippet),
    "numpy": ("NumPy", numpy_snippet),
}
#: How long status-bar confirmations stay.
STATUS_MS = 8000

_FILTER = "ActExplorer scenes and lectures (*.actx.json *.json);;All files (*)"
_SCENE_FILTER = "ActExplorer scenes (*.actx.json)"
_LECTURE_FILTER = "ActExplorer lectures (*.actx.json)"
_OPEN_FAILED = "Cannot open this file"
_SAVE_FAILED = "Cannot save"


class CustomFunctions(Protocol):
    """What the window's custom functions offer scenes (``window.custom_functions``)."""

    def install(self, definition: CustomDefinition) -> None:
        """Make ``get(definition.key)`` find the function; ValueError for a bad definition."""

    def definitions(self) -> tuple[CustomDefinition, ...]:
        """The custom functions defined now."""


def _display_name(path: Path) -> str:
    return path.name


def _json_path(mime: QMimeData) -> Path | None:
    """The one local ``.json`` file being dragged, if that is what is dragged."""
    if not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.name.lower().endswith(".json") else None


def _with_suffix(path: Path) -> Path:
    return path if path.name.lower().endswith(".json") else path.with_name(path.name + SCENE_SUFFIX)


def _slug(text: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_" else "-" for c in text.strip().lower())
    return "-".join(part for part in cleaned.split("-") if part)[:60] or "scene"


class SceneCommands(QObject):
    """Scenes, lectures and the "Scenes" dock of one window; see the module docstring."""

    def __init__(self, window: MainWindow, settings: QSettings | None = None) -> None:
        super().__init__(window)
        self.setObjectName("sceneCommands")
        self._window = window
        self._settings = settings
        self._recent: list[str] = []  # used when there are no settings to keep them in
        self._folder = ""
        self._scenes: list[Scene] = []
        self._current: int | None = None
        self._lecture_title = ""
        self._lecture_notes = ""
        self._lecture_path: Path | None = None
        # The scene file Ctrl+S writes to, and the title and notes it is saved with.
        self._scene_path: Path | None = None
        self._title = ""
        self._notes = ""
        self._recent_actions: list[QAction] = []
        self._bound = False
        self._shown_once = False
        #: The message of a file given on the command line that could not be opened.
        self.start_error: str | None = None
        #: The text of the last warning shown (what a test or a log can check).
        self.last_message = ""

        self.dock = SceneListDock(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock.showRequested.connect(self.show_scene)
        self.dock.addRequested.connect(self._add_from_dock)
        self.dock.removeRequested.connect(self.remove_scene)
        self.dock.moveRequested.connect(self.move_scene)
        self.dock.renameRequested.connect(self.ask_rename)
        self.dock.notesEdited.connect(self.set_notes)
        self.dock.saveRequested.connect(self.ask_save_lecture)

    # -- wiring ------------------------------------------------------------------------------
    def bind_menus(self) -> None:
        """Connect the window's menu actions (built from the action table) to what they show."""
        window = self._window
        redo = window.action("redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        window.history.changed.connect(self._sync_history)
        self._sync_history()
        # The menus' retranslation resets every action's text: the undo texts are put back once
        # it is done (the order in which language watchers run is not ours to choose).
        on_language_change(window, partial(QTimer.singleShot, 0, self._resync_history))
        menu = window.findChild(QMenu, "menu_File_Open Recent")
        if menu is not None:
            menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self.dock.toggleViewAction().toggled.connect(self._sync_list_action)
        self._bound = True

    def shutdown(self) -> None:
        """Stop listening to the window's history (the window is closing)."""
        if self._bound:
            self._bound = False
            self._window.history.changed.disconnect(self._sync_history)

    def _resync_history(self) -> None:
        if self._bound:
            self._sync_history()

    def _sync_history(self) -> None:
        history = self._window.history
        for action, label, enabled in (
            (self._window.action("undo"), history.undo_label, history.can_undo),
            (self._window.action("redo"), history.redo_label, history.can_redo),
        ):
            action.setText("&" + label)
            action.setEnabled(enabled)

    def _sync_list_action(self, shown: bool) -> None:
        action = self._window.action("showScenes")
        action.blockSignals(True)  # toggled would show or hide the dock again
        action.setChecked(shown)
        action.blockSignals(False)

    def set_list_visible(self, on: bool) -> None:
        """Show or hide the "Scenes" dock."""
        first = on and not self._shown_once
        self.dock.setVisible(on)
        if on:
            self.dock.raise_()
        if first:
            self._shown_once = True
            self._window.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)

    # -- the list of scenes (the presentation mode steps through it) --------------------------
    @property
    def has_lecture(self) -> bool:
        """True when the scene list holds at least one scene."""
        return bool(self._scenes)

    @property
    def current_index(self) -> int | None:
        """The row of the scene shown last, or None."""
        return self._current

    @property
    def scenes(self) -> tuple[Scene, ...]:
        """The scene list, in order."""
        return tuple(self._scenes)

    @property
    def lecture_title(self) -> str:
        """The title the scene list is saved with."""
        return self._lecture_title

    def step_scene(self, delta: int) -> bool:
        """Show the scene ``delta`` places on; False at the ends or without a list."""
        if not self._scenes or delta == 0:
            return False
        if self._current is None:
            target = delta - 1 if delta > 0 else len(self._scenes) + delta
        else:
            target = self._current + delta
        if not 0 <= target < len(self._scenes):
            return False
        return self.show_scene(target)

    def show_scene(self, index: int) -> bool:
        """Show the scene at ``index`` (one undo step); False with a message when it cannot."""
        if not 0 <= index < len(self._scenes):
            return False
        scene = self._scenes[index]
        try:
            notices = self._apply(scene, f"show scene {index + 1}")
        except SceneError as exc:
            self._warn("Cannot show this scene", f"Scene {index + 1} cannot be shown:\n\n{exc}")
            return False
        self._current = index
        self._scene_path = None
        self._title, self._notes = scene.title, scene.notes
        self._refresh_list()
        title = f": {scene.title}" if scene.title else ""
        self._status(f"Scene {index + 1} of {len(self._scenes)}{title}", notices)
        return True

    def add_current_scene(self, title: str | None = None, index: int | None = None) -> int | None:
        """Add what the window shows as a scene at ``index`` (the end by default); its row."""
        if len(self._scenes) >= MAX_SCENES:
            self._warn("Cannot add a scene", f"A lecture holds at most {MAX_SCENES} scenes.")
            return None
        name = (title or "").strip()[:MAX_TITLE] or self._state_label()
        try:
            scene = loads_scene(dumps_scene(self._document(name, "")))
        except SceneError as exc:
            self._warn("Cannot add a scene", str(exc))
            return None
        row = len(self._scenes) if index is None else min(max(index, 0), len(self._scenes))
        self._scenes.insert(row, scene)
        self._current = row
        self._refresh_list(row)
        self.set_list_visible(True)
        return row

    def remove_scene(self, index: int) -> bool:
        """Remove the scene at ``index`` from the list (what the window shows stays)."""
        if not 0 <= index < len(self._scenes):
            return False
        del self._scenes[index]
        if self._current is not None:
            if self._current == index:
                self._current = None
            elif self._current > index:
                self._current -= 1
        self._refresh_list(min(index, len(self._scenes) - 1) if self._scenes else None)
        return True

    def move_scene(self, index: int, delta: int) -> bool:
        """Move the scene at ``index`` by ``delta`` places; False past either end."""
        target = index + delta
        if not (0 <= index < len(self._scenes) and 0 <= target < len(self._scenes)) or not delta:
            return False
        scene = self._scenes.pop(index)
        self._scenes.insert(target, scene)
        if self._current is not None:
            order = list(range(len(self._scenes)))
            moved = order.pop(index)
            order.insert(target, moved)
            self._current = order.index(self._current)
        self._refresh_list(target)
        return True

    def rename_scene(self, index: int, title: str) -> bool:
        """Give the scene at ``index`` a new title (at most MAX_TITLE characters)."""
        title = title.strip()
        if not 0 <= index < len(self._scenes):
            return False
        if not title or len(title) > MAX_TITLE:
            self._warn("Cannot rename", f"A title needs 1 to {MAX_TITLE} characters.")
            return False
        self._scenes[index] = dataclasses.replace(self._scenes[index], title=title)
        if index == self._current:
            self._title = title
        self._refresh_list(index)
        return True

    def set_notes(self, index: int, notes: str) -> bool:
        """Replace the notes of the scene at ``index``."""
        if not 0 <= index < len(self._scenes):
            return False
        if len(notes) > MAX_NOTES:
            self._status(f"Notes are kept to {MAX_NOTES:,} characters; the rest is not saved")
            notes = notes[:MAX_NOTES]
        self._scenes[index] = dataclasses.replace(self._scenes[index], notes=notes)
        if index == self._current:
            self._notes = notes
        return True

    def ask_rename(self, index: int) -> None:
        """Ask for a new title of the scene at ``index``."""
        if not 0 <= index < len(self._scenes):
            return
        title, ok = QInputDialog.getText(
            self._window, "Rename scene", "Title:", text=self._scenes[index].title
        )
        if ok:
            self.rename_scene(index, title)

    def _add_from_dock(self) -> None:
        row = self.dock.selected_row()
        self.add_current_scene(index=None if row is None else row + 1)

    def _refresh_list(self, selected: int | None = None) -> None:
        self.dock.set_scenes([(s.title, s.notes) for s in self._scenes], self._current, selected)

    # -- opening -----------------------------------------------------------------------------
    def open_file(self, path: str | os.PathLike[str]) -> bool:
        """Open a scene or a lecture; False, with a message and nothing changed, if it cannot."""
        error = self._open(Path(path))
        if error is not None:
            self._warn(_OPEN_FAILED, error)
            return False
        return True

    def open_at_start(self, path: str | os.PathLike[str], *, interactive: bool = True) -> bool:
        """Open the file named on the command line; a problem goes to stderr and, when
        ``interactive``, to a message once the window is up."""
        error = self._open(Path(path))
        if error is None:
            return True
        self.start_error = error
        print(f"actexplorer: error: {error}", file=sys.stderr)
        if interactive:
            QTimer.singleShot(0, partial(self._warn, _OPEN_FAILED, error))
        return False

    def ask_open(self) -> None:
        """Ask for a scene or lecture file, then open it."""
        chosen, _ = QFileDialog.getOpenFileName(
            self._window, "Open scene or lecture", self.last_folder(), _FILTER
        )
        if chosen:
            self.open_file(chosen)

    def _open(self, path: Path) -> str | None:
        """Open ``path``; the message to show when it cannot be opened, else None."""
        try:
            document = load_document(path)
            if isinstance(document, Lecture):
                notices = self._open_lecture(document, path)
            else:
                notices = self._apply(document, "open scene")
                self._scene_path = path
                self._title, self._notes = document.title, document.notes
        except SceneError as exc:
            return f"{path.name} was not opened:\n\n{exc}\n\nNothing was changed."
        self._remember(path)
        if isinstance(document, Lecture):
            what = f"lecture with {len(document.scenes)} scenes"
        else:
            what = "scene"
        title = f" “{document.title}”" if document.title else ""
        self._status(f"Opened {what}{title} from {path.name}", notices)
        return None

    def _open_lecture(self, lecture: Lecture, path: Path) -> tuple[str, ...]:
        # The first scene is shown before the list changes: a lecture whose first scene cannot
        # be shown changes nothing.
        notices = self._apply(lecture.scenes[0], "open lecture")
        self._scenes = list(lecture.scenes)
        self._current = 0
        self._lecture_title, self._lecture_notes = lecture.title, lecture.notes
        self._lecture_path = path
        self._scene_path = None
        self._title, self._notes = lecture.scenes[0].title, lecture.scenes[0].notes
        self._refresh_list(0)
        self.set_list_visible(True)
        return tuple(dict.fromkeys((*lecture.notices, *notices)))

    def _apply(self, scene: Scene, label: str) -> tuple[str, ...]:
        window = self._window
        custom = self._custom_functions()
        install = custom.install if custom is not None else None
        with window.history.group(label):
            return apply_scene(scene, window.state, window.lab_state, install_custom=install)

    def _custom_functions(self) -> CustomFunctions | None:
        # Custom functions are optional: without them a scene using one is refused by name.
        return getattr(self._window, "custom_functions", None)

    # -- saving ------------------------------------------------------------------------------
    def save_scene(self, path: str | os.PathLike[str]) -> Path:
        """Write what the window shows (with the lab's settings) as a scene file; OSError."""
        target = _with_suffix(Path(path))
        title = self._title or self._state_label()
        save_document(target, dumps_scene(self._document(title, self._notes)))
        self._scene_path = target
        self._title = title
        self._remember(target)
        return target

    def save_lecture(self, path: str | os.PathLike[str]) -> Path:
        """Write the scene list as a lecture file; ValueError when it is empty, OSError."""
        if not self._scenes:
            raise ValueError("the scene list is empty: add a scene first")
        target = _with_suffix(Path(path))
        title = self._lecture_title or target.name.removesuffix(SCENE_SUFFIX)
        document = lecture_from_scenes(self._scenes, title, notes=self._lecture_notes)
        save_document(target, dumps_lecture(document))
        self._lecture_title, self._lecture_path = title, target
        self._remember(target)
        return target

    def ask_save_scene(self) -> None:
        """Save to the scene file opened or saved last, else ask for a file name."""
        if self._scene_path is None:
            self.ask_save_scene_as()
            return
        self._save(lambda: self.save_scene(self._scene_path or ""))

    def ask_save_scene_as(self) -> None:
        """Ask for a file name, then save the scene."""
        name = self._scene_path.name if self._scene_path else self._default_name()
        chosen, _ = QFileDialog.getSaveFileName(
            self._window, "Save scene", str(Path(self.last_folder()) / name), _SCENE_FILTER
        )
        if chosen:
            self._save(lambda: self.save_scene(chosen))

    def ask_save_lecture(self) -> None:
        """Ask for a file name, then save the scene list as a lecture."""
        if not self._scenes:
            self._warn(_SAVE_FAILED, "The scene list is empty: add a scene first.")
            return
        if self._lecture_path is not None:
            start = str(self._lecture_path)
        else:
            name = _slug(self._lecture_title or "lecture") + SCENE_SUFFIX
            start = str(Path(self.last_folder()) / name)
        chosen, _ = QFileDialog.getSaveFileName(
            self._window, "Save lecture", start, _LECTURE_FILTER
        )
        if chosen:
            self._save(lambda: self.save_lecture(chosen))

    def _save(self, write: Callable[[], Path]) -> Path | None:
        try:
            written = write()
        except (OSError, ValueError) as exc:
            self._warn(_SAVE_FAILED, str(exc))
            return None
        self._status(f"Saved {written}")
        return written

    def _document(self, title: str, notes: str) -> dict[str, Any]:
        window = self._window
        return scene_from_states(
            window.state, window.lab_state, title, notes=notes, custom=self._custom_in_use()
        )

    def _custom_in_use(self) -> tuple[CustomDefinition, ...]:
        custom = self._custom_functions()
        if custom is None:
            return ()
        state = self._window.state
        used = {state.activation, *(pin.key for pin in state.pins)}
        race = self._window.lab_state.to_dict().get("race")
        if isinstance(race, str):
            used.add(race)
        return tuple(d for d in custom.definitions() if d.key in used)

    def _state_label(self) -> str:
        state = self._window.state
        return Pin(state.activation, state.params).label[:MAX_TITLE]

    def _default_name(self) -> str:
        return _slug(self._title or self._state_label()) + SCENE_SUFFIX

    # -- recent files ------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        """The files opened or saved lately, newest first (at most MAX_RECENT)."""
        if self._settings is None:
            return list(self._recent)
        stored = self._settings.value(RECENT_KEY, [], type=list)
        if not isinstance(stored, list):
            return []
        # A hand-edited settings file may hold anything.
        return [p for p in stored if isinstance(p, str) and p][:MAX_RECENT]

    def clear_recent(self) -> None:
        """Forget the recent files."""
        self._store_recent([])

    def open_recent(self, path: str) -> bool:
        """Open a recent file; one that is gone is dropped from the list with a message."""
        if not Path(path).is_file():
            self._store_recent([p for p in self.recent_files() if p != path])
            self._warn(
                "File not found",
                f"{path}\n\nno longer exists; it was removed from the recent files.",
            )
            return False
        return self.open_file(path)

    def last_folder(self) -> str:
        """The folder of the last scene opened or saved (the home folder at first)."""
        folder = self._folder
        if self._settings is not None:
            stored = self._settings.value(FOLDER_KEY, "", type=str)
            if isinstance(stored, str) and stored:
                folder = stored
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def _remember(self, path: Path) -> None:
        full = str(path.resolve())
        self._store_recent([full, *(p for p in self.recent_files() if p != full)])
        self._folder = str(path.resolve().parent)
        if self._settings is not None:
            self._settings.setValue(FOLDER_KEY, self._folder)

    def _store_recent(self, paths: Iterable[str]) -> None:
        kept = list(paths)[:MAX_RECENT]
        self._recent = kept
        if self._settings is not None:
            self._settings.setValue(RECENT_KEY, kept)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        menu = self._window.findChild(QMenu, "menu_File_Open Recent")
        if menu is None:
            return
        for action in self._recent_actions:
            menu.removeAction(action)
            action.deleteLater()
        self._recent_actions = []
        clear = self._window.action("clearRecent")
        recent = self.recent_files()
        entries: list[QAction] = []
        for number, path in enumerate(recent, start=1):
            action = QAction(f"&{number} {_display_name(Path(path))}", menu)
            action.setObjectName(f"action_recent{number}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(partial(self._recent_chosen, path))
            entries.append(action)
        if not entries:
            empty = QAction("No recent files", menu)
            empty.setEnabled(False)
            entries.append(empty)
        separator = QAction(menu)
        separator.setSeparator(True)
        entries.append(separator)
        menu.insertActions(clear, entries)
        self._recent_actions = entries
        clear.setEnabled(bool(recent))

    def _recent_chosen(self, path: str, *_: object) -> None:
        self.open_recent(path)

    # -- drag and drop -----------------------------------------------------------------------
    def drag_enter(self, event: QDragEnterEvent) -> None:
        """Accept one dragged ``.json`` file; refuse anything else."""
        if _json_path(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event: QDropEvent) -> None:
        """Open the dropped ``.json`` file once the drop is over."""
        path = _json_path(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # A message box inside the drop handler would block the application it came from.
        QTimer.singleShot(0, partial(self.open_file, path))

    # -- copy as code ------------------------------------------------------------------------
    def copy_code(self, language: str) -> str | None:
        """Put code computing the current function at its parameters on the clipboard."""
        if language not in CODE_WRITERS:
            raise ValueError(f"language must be one of {', '.join(CODE_WRITERS)}; got {language!r}")
        name, write = CODE_WRITERS[language]
        state = self._window.state
        label = Pin(state.activation, state.params).label
        try:
            text = write(state.activation, dict(state.params))
        except (KeyError, ValueError, TypeError) as exc:
            reason = exc.args[0] if exc.args else str(exc)
            self._status(f"No {name} code for {label}: {reason}")
            return None
        QGuiApplication.clipboard().setText(text)
        self._status(f"Copied {name} code for {label}")
        return text

    # -- messages ----------------------------------------------------------------------------
    def _warn(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self._window, title, text)

    def _status(self, message: str, notices: Iterable[str] = ()) -> None:
        notes = list(notices)
        if notes:
            message += " — " + "; ".join(notes)
        self._window.statusBar().showMessage(message, STATUS_MS * (2 if notes else 1))


__all__ = ["CODE_WRITERS", "MAX_RECENT", "RECENT_KEY", "SceneCommands"]
