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

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QMimeData,
    QObject,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from actexplorer.core import locale as core_locale
from actexplorer.core.codegen import numpy_snippet, pytorch_snippet
from actexplorer.core.custom import CustomDefinition
from actexplorer.gui.export_commands import remembered_folder
from actexplorer.gui.i18n import on_language_change
from actexplorer.gui.scene_list import DOCK_WIDTH, SceneListDock
from actexplorer.history import FIELD_LABELS, MANY_LABEL, OTHER_LABEL, PARAM_LABEL, StepLabel
from actexplorer.scene import (
    MAX_NOTES,
    MAX_SCENES,
    MAX_TITLE,
    SCENE_SUFFIX,
    Lecture,
    Scene,
    SceneError,
    activation_keys,
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

#: Labels of undo steps given by the window's commands (English templates; History fills them).
OPEN_SCENE = QT_TRANSLATE_NOOP("SceneCommands", "open scene")
OPEN_LECTURE = QT_TRANSLATE_NOOP("SceneCommands", "open lecture")
SHOW_SCENE = QT_TRANSLATE_NOOP("SceneCommands", "show scene {number}")
#: Every English undo text :mod:`actexplorer.history` writes, marked so that the Edit menu can
#: show it translated (the field labels, and the labels other panels give their gestures).
_UNDO_TEXTS = (
    QT_TRANSLATE_NOOP("SceneCommands", "change activation"),
    QT_TRANSLATE_NOOP("SceneCommands", "change parameters"),
    QT_TRANSLATE_NOOP("SceneCommands", "change sample count"),
    QT_TRANSLATE_NOOP("SceneCommands", "change seed"),
    QT_TRANSLATE_NOOP("SceneCommands", "change input distribution"),
    QT_TRANSLATE_NOOP("SceneCommands", "change x range"),
    QT_TRANSLATE_NOOP("SceneCommands", "toggle log derivative"),
    QT_TRANSLATE_NOOP("SceneCommands", "toggle input histogram"),
    QT_TRANSLATE_NOOP("SceneCommands", "toggle derivative"),
    QT_TRANSLATE_NOOP("SceneCommands", "toggle histograms"),
    QT_TRANSLATE_NOOP("SceneCommands", "toggle pinned curves"),
    QT_TRANSLATE_NOOP("SceneCommands", "toggle training mode"),
    QT_TRANSLATE_NOOP("SceneCommands", "change pinned functions"),
    QT_TRANSLATE_NOOP("SceneCommands", "toggle pinned histograms"),
    QT_TRANSLATE_NOOP("SceneCommands", "change logits"),
    QT_TRANSLATE_NOOP("SceneCommands", "change theme"),
    QT_TRANSLATE_NOOP("SceneCommands", "change depth"),
    QT_TRANSLATE_NOOP("SceneCommands", "change width"),
    QT_TRANSLATE_NOOP("SceneCommands", "change inputs per pass"),
    QT_TRANSLATE_NOOP("SceneCommands", "change weight initialisation"),
    QT_TRANSLATE_NOOP("SceneCommands", "change He fan"),
    QT_TRANSLATE_NOOP("SceneCommands", "toggle activation gain"),
    QT_TRANSLATE_NOOP("SceneCommands", "change σ_w"),
    QT_TRANSLATE_NOOP("SceneCommands", "change σ_b"),
    QT_TRANSLATE_NOOP("SceneCommands", "change network seed"),
    QT_TRANSLATE_NOOP("SceneCommands", "change histogram layer"),
    QT_TRANSLATE_NOOP("SceneCommands", "change dataset"),
    QT_TRANSLATE_NOOP("SceneCommands", "change noise"),
    QT_TRANSLATE_NOOP("SceneCommands", "change point count"),
    QT_TRANSLATE_NOOP("SceneCommands", "change test share"),
    QT_TRANSLATE_NOOP("SceneCommands", "change data seed"),
    QT_TRANSLATE_NOOP("SceneCommands", "change hidden layers"),
    QT_TRANSLATE_NOOP("SceneCommands", "change units per layer"),
    QT_TRANSLATE_NOOP("SceneCommands", "toggle one function per layer"),
    QT_TRANSLATE_NOOP("SceneCommands", "change layer functions"),
    QT_TRANSLATE_NOOP("SceneCommands", "change optimiser"),
    QT_TRANSLATE_NOOP("SceneCommands", "change learning rate"),
    QT_TRANSLATE_NOOP("SceneCommands", "change momentum"),
    QT_TRANSLATE_NOOP("SceneCommands", "change batch size"),
    QT_TRANSLATE_NOOP("SceneCommands", "change L2"),
    QT_TRANSLATE_NOOP("SceneCommands", "change training seed"),
    QT_TRANSLATE_NOOP("SceneCommands", "change race partner"),
    QT_TRANSLATE_NOOP("SceneCommands", "change updates per frame"),
    #: A parameter's name (alpha) or an unknown setting's, kept as written.
    QT_TRANSLATE_NOOP("SceneCommands", "change {name}"),
    QT_TRANSLATE_NOOP("SceneCommands", "change {count} settings"),
    #: Labels the animation panel gives its gestures ({name}: a parameter's name).
    QT_TRANSLATE_NOOP("SceneCommands", "scrub {name}"),
    QT_TRANSLATE_NOOP("SceneCommands", "animate {name}"),
    #: The label of redefining a custom function ({name}: its name).
    QT_TRANSLATE_NOOP("SceneCommands", "redefine {name}"),
)


def undo_text(step: StepLabel) -> str:
    """What a step did, in the current language (:meth:`StepLabel.english` in English)."""
    if step.kind == "given":
        template = step.template or ""
        values = dict(step.values)
        if not values and template not in _UNDO_TEXTS:
            # A label its giver filled in itself ("scrub alpha"): read the name back out of it.
            for known in _UNDO_TEXTS:
                head = known.removesuffix("{name}")
                if known.endswith(" {name}") and template.startswith(head):
                    template, values = known, {"name": template.removeprefix(head)}
                    break
    elif step.kind == "param":
        template, values = PARAM_LABEL, dict(step.values)
    elif step.kind == "many":
        template, values = MANY_LABEL, dict(step.values)
    elif step.kind == "activation":
        template, values = FIELD_LABELS["explorer.activation"], {}
    elif step.kind == "params":
        template, values = FIELD_LABELS["explorer.params"], {}
    elif step.fields and step.fields[0] in FIELD_LABELS:
        template, values = FIELD_LABELS[step.fields[0]], {}
    else:
        return QCoreApplication.translate("SceneCommands", OTHER_LABEL).format(
            name=step.english().removeprefix("change ")
        )
    text = QCoreApplication.translate("SceneCommands", template)
    return text.format(**values) if values else text


def undo_action_text(step: StepLabel | None, redo: bool = False) -> str:
    """The Edit menu's text for undoing (or redoing) ``step``, with its mnemonic."""
    if step is None:
        if redo:
            return QCoreApplication.translate("SceneCommands", "&Redo")
        return QCoreApplication.translate("SceneCommands", "&Undo")
    if redo:
        return QCoreApplication.translate("SceneCommands", "&Redo {what}").format(
            what=undo_text(step)
        )
    return QCoreApplication.translate("SceneCommands", "&Undo {what}").format(what=undo_text(step))


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
        # A number per scene, kept through moves and renames: undo and redo find the scene they
        # go back to by it (History.add_context), not by a row that may have moved.
        self._ids: list[int] = []
        self._next_id = 0
        window.history.add_context(self._shown_id, self._show_id)
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
        on_language_change(window, partial(QTimer.singleShot, 0, self, self._resync_history))
        menu = window.findChild(QMenu, "menu_File_Open Recent")
        if menu is not None:
            menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        # "No recent files" is ours, not the action table's: write it again in the new language.
        on_language_change(window, self._fill_recent_menu)
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
        for action, text, enabled in (
            (self._window.action("undo"), undo_action_text(history.undo_step), history.can_undo),
            (
                self._window.action("redo"),
                undo_action_text(history.redo_step, redo=True),
                history.can_redo,
            ),
        ):
            action.setText(text)
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

    def _reveal_list(self) -> None:
        """Show the "Scenes" dock after the list changed; during a talk, once it is over."""
        presentation = getattr(self._window, "presentation", None)
        if presentation is not None and presentation.active:
            presentation.after_leaving(partial(self.set_list_visible, True))
            return
        self.set_list_visible(True)

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
            notices = self._apply(
                scene, SHOW_SCENE, then=partial(self._set_cursor, index), number=index + 1
            )
        except SceneError as exc:
            self._warn(
                self.tr("Cannot show this scene"),
                self.tr("Scene {number} cannot be shown:\n\n{reason}").format(
                    number=index + 1, reason=core_locale.error_text(exc)
                ),
            )
            return False
        self._scene_path = None
        self._title, self._notes = scene.title, scene.notes
        self._refresh_list()
        if scene.title:
            text = self.tr("Scene {number} of {count}: {title}")
        else:
            text = self.tr("Scene {number} of {count}")
        self._status(
            text.format(number=index + 1, count=len(self._scenes), title=scene.title), notices
        )
        return True

    def add_current_scene(self, title: str | None = None, index: int | None = None) -> int | None:
        """Add what the window shows as a scene at ``index`` (the end by default); its row."""
        if len(self._scenes) >= MAX_SCENES:
            self._warn(
                self.tr("Cannot add a scene"),
                self.tr("A lecture holds at most {count} scenes.").format(count=MAX_SCENES),
            )
            return None
        name = (title or "").strip()[:MAX_TITLE] or self._state_label()
        try:
            scene = loads_scene(dumps_scene(self._document(name, "")))
        except SceneError as exc:
            self._warn(self.tr("Cannot add a scene"), core_locale.error_text(exc))
            return None
        row = len(self._scenes) if index is None else min(max(index, 0), len(self._scenes))
        self._scenes.insert(row, scene)
        self._ids.insert(row, self._new_id())
        self._current = row
        self._refresh_list(row)
        self._reveal_list()
        return row

    def remove_scene(self, index: int) -> bool:
        """Remove the scene at ``index`` from the list (what the window shows stays)."""
        if not 0 <= index < len(self._scenes):
            return False
        del self._scenes[index]
        del self._ids[index]
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
        self._ids.insert(target, self._ids.pop(index))
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
            self._warn(
                self.tr("Cannot rename"),
                self.tr("A title needs 1 to {count} characters.").format(count=MAX_TITLE),
            )
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
            self._status(
                self.tr("Notes are kept to {count} characters; the rest is not saved").format(
                    count=f"{MAX_NOTES:,}"
                )
            )
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
            self._window, self.tr("Rename scene"), self.tr("Title:"), text=self._scenes[index].title
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
            self._warn(self._open_failed(), error)
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
            QTimer.singleShot(0, self, partial(self._warn, self._open_failed(), error))
        return False

    def _open_failed(self) -> str:
        return self.tr("Cannot open this file")

    def ask_open(self) -> None:
        """Ask for a scene or lecture file, then open it."""
        chosen, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Open scene or lecture"),
            self.last_folder(),
            self.tr("ActExplorer scenes and lectures (*.actx.json *.json);;All files (*)"),
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
                notices = self._apply(document, OPEN_SCENE)
                self._scene_path = path
                self._title, self._notes = document.title, document.notes
        except SceneError as exc:
            return self.tr("{name} was not opened:\n\n{reason}\n\nNothing was changed.").format(
                name=path.name, reason=core_locale.error_text(exc)
            )
        self._remember(path)
        if isinstance(document, Lecture):
            if document.title:
                text = self.tr("Opened lecture “{title}” with {count} scenes from {name}")
            else:
                text = self.tr("Opened lecture with {count} scenes from {name}")
        elif document.title:
            text = self.tr("Opened scene “{title}” from {name}")
        else:
            text = self.tr("Opened scene from {name}")
        count = len(document.scenes) if isinstance(document, Lecture) else 1
        self._status(text.format(title=document.title, count=count, name=path.name), notices)
        return None

    def _open_lecture(self, lecture: Lecture, path: Path) -> tuple[str, ...]:
        # The first scene is shown before the list changes: a lecture whose first scene cannot
        # be shown changes nothing.
        notices = self._apply(
            lecture.scenes[0],
            OPEN_LECTURE,
            then=partial(self._set_cursor, 0, list(lecture.scenes)),
        )
        self._lecture_title, self._lecture_notes = lecture.title, lecture.notes
        self._lecture_path = path
        self._scene_path = None
        self._title, self._notes = lecture.scenes[0].title, lecture.scenes[0].notes
        self._refresh_list(0)
        self._reveal_list()
        return tuple(dict.fromkeys((*lecture.notices, *notices)))

    def _apply(
        self,
        scene: Scene,
        label: str,
        *,
        then: Callable[[], None] | None = None,
        **values: object,
    ) -> tuple[str, ...]:
        window = self._window
        custom = self._custom_functions()
        install = custom.install if custom is not None else None
        with window.history.group(label, **values):
            notices = apply_scene(scene, window.state, window.lab_state, install_custom=install)
            if then is not None:
                then()  # inside the step: undo and redo move the scene cursor with the state
            return notices

    # -- the scene cursor and undo -------------------------------------------------------------
    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _set_cursor(self, index: int, scenes: list[Scene] | None = None) -> None:
        """Make ``index`` the current scene (of ``scenes``, which replace the list, if given)."""
        if scenes is not None:
            self._scenes = scenes
            self._ids = [self._new_id() for _ in scenes]
        self._current = index

    def _shown_id(self) -> int | None:
        """What the history keeps with each step: the number of the scene shown, if any."""
        return self._ids[self._current] if self._current is not None else None

    def _show_id(self, shown: object) -> None:
        """Undo or redo went back to where the scene numbered ``shown`` was current (None, or a
        scene no longer in the list: none is)."""
        current = self._ids.index(shown) if isinstance(shown, int) and shown in self._ids else None
        if current == self._current:
            return
        self._current = current
        if current is not None:
            scene = self._scenes[current]
            self._title, self._notes = scene.title, scene.notes
        self._refresh_list()

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
            raise ValueError(self.tr("the scene list is empty: add a scene first"))
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
            self._window,
            self.tr("Save scene"),
            str(Path(self.last_folder()) / name),
            self.tr("ActExplorer scenes (*.actx.json)"),
        )
        if chosen:
            self._save(lambda: self.save_scene(chosen))

    def ask_save_lecture(self) -> None:
        """Ask for a file name, then save the scene list as a lecture."""
        if not self._scenes:
            self._warn(
                self.tr("Cannot save"), self.tr("The scene list is empty: add a scene first.")
            )
            return
        if self._lecture_path is not None:
            start = str(self._lecture_path)
        else:
            name = _slug(self._lecture_title or "lecture") + SCENE_SUFFIX
            start = str(Path(self.last_folder()) / name)
        chosen, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Save lecture"),
            start,
            self.tr("ActExplorer lectures (*.actx.json)"),
        )
        if chosen:
            self._save(lambda: self.save_lecture(chosen))

    def _save(self, write: Callable[[], Path]) -> Path | None:
        try:
            written = write()
        except (OSError, ValueError) as exc:
            self._warn(self.tr("Cannot save"), core_locale.error_text(exc))
            return None
        self._status(self.tr("Saved {path}").format(path=written))
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
        window = self._window
        used = activation_keys(window.state.to_dict(), window.lab_state.to_dict())
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
                self.tr("File not found"),
                self.tr("{path}\n\nno longer exists; it was removed from the recent files.").format(
                    path=path
                ),
            )
            return False
        return self.open_file(path)

    def last_folder(self) -> str:
        """The folder of the last scene opened or saved (the home folder at first)."""
        return remembered_folder(self._settings, FOLDER_KEY, self._folder)

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
            empty = QAction(self.tr("No recent files"), menu)
            empty.setObjectName("recentEmpty")
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
        QTimer.singleShot(0, self, partial(self.open_file, path))

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
            # The message itself, not str(): a KeyError would quote it.
            reason = core_locale.message_text(exc.args[0] if exc.args else str(exc))
            self._status(
                self.tr("No {language} code for {function}: {reason}").format(
                    language=name, function=label, reason=reason
                )
            )
            return None
        QGuiApplication.clipboard().setText(text)
        self._status(
            self.tr("Copied {language} code for {function}").format(language=name, function=label)
        )
        return text

    # -- messages ----------------------------------------------------------------------------
    def _warn(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self._window, title, text)

    def _status(self, message: str, notices: Iterable[str] = ()) -> None:
        notes = [core_locale.message_text(notice) for notice in notices]
        if notes:
            message = self.tr("{message} — {notices}").format(
                message=message, notices=self.tr("; ").join(notes)
            )
        self._window.statusBar().showMessage(message, STATUS_MS * (2 if notes else 1))


__all__ = ["CODE_WRITERS", "MAX_RECENT", "RECENT_KEY", "SceneCommands"]
