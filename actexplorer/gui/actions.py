"""The window's menus as one declarative table, and the code that turns it into menus.

Adding a command is one :class:`ActionSpec` in :data:`ACTIONS`: the menu path (``"&File/&Export"``
for a submenu), a unique name (the action's object name is ``action_<name>``), the text, the
shortcut and a function from the window to the slot to call.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from actexplorer.gui.export_commands import PLOT_PNG_SCALE, PLOTS, plot_title
from actexplorer.gui.export_scales import SCALES
from actexplorer.gui.i18n import CHOICES, NATIVE_NAMES, SYSTEM, on_language_change
from actexplorer.state import THEMES

if TYPE_CHECKING:
    from actexplorer.gui.main_window import MainWindow

Shortcut = QKeySequence.StandardKey | str | None
#: A menu text: a literal marked with ``QT_TRANSLATE_NOOP("Actions", ...)`` (translated when
#: shown), or a function building the text in the current language (texts with numbers).
Text = str | Callable[[], str]


@dataclass(frozen=True)
class ActionSpec:
    """One menu entry: where it goes, its text and shortcut, and what it does.

    ``trigger`` maps the window to the slot, each time the action fires: what the slot belongs
    to may be built on first use. A ``checkable`` action's slot receives the new checked state;
    any other slot is called without arguments. Actions sharing a ``group`` are
    exclusive choices (checkable, like radio buttons). ``separator`` starts a new section: a line
    before the entry, or before its submenu when the entry is the first of a new submenu.
    ``text`` and ``tip`` are marked ``QT_TRANSLATE_NOOP("Actions", ...)``; each title of ``menu``
    is one of :data:`MENU_TITLES`.
    """

    menu: str
    name: str
    text: Text
    shortcut: Shortcut
    trigger: Callable[[MainWindow], Callable[..., Any]]
    checkable: bool = False
    tip: Text = ""
    group: str | None = None
    separator: bool = False


#: Views of the window, in the order of the View menu and the Ctrl+1.. shortcuts.
VIEW_ACTIONS: tuple[tuple[str, str], ...] = (
    ("explorer", QT_TRANSLATE_NOOP("Actions", "&Explorer")),
    ("lab-depth", QT_TRANSLATE_NOOP("Actions", "Deep networks: &depth")),
    ("lab-chaos", QT_TRANSLATE_NOOP("Actions", "Deep networks: edge of &chaos")),
    ("lab-train", QT_TRANSLATE_NOOP("Actions", "Deep networks: &training")),
)

#: The menus' titles (each part of an :attr:`ActionSpec.menu` path), translated when shown.
MENU_TITLES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Menus", "&File"),
    QT_TRANSLATE_NOOP("Menus", "&Export"),
    QT_TRANSLATE_NOOP("Menus", "Open &Recent"),
    QT_TRANSLATE_NOOP("Menus", "&Edit"),
    QT_TRANSLATE_NOOP("Menus", "&Function"),
    QT_TRANSLATE_NOOP("Menus", "&Inputs"),
    QT_TRANSLATE_NOOP("Menus", "&Compare"),
    QT_TRANSLATE_NOOP("Menus", "&View"),
    QT_TRANSLATE_NOOP("Menus", "&Theme"),
    QT_TRANSLATE_NOOP("Menus", "&Language"),
    QT_TRANSLATE_NOOP("Menus", "&Help"),
)

_THEME_TEXTS = {
    "auto": QT_TRANSLATE_NOOP("Actions", "Auto"),
    "light": QT_TRANSLATE_NOOP("Actions", "Light"),
    "dark": QT_TRANSLATE_NOOP("Actions", "Dark"),
}


def _window_png_text(scale: int) -> str:
    text = QCoreApplication.translate("Actions", "Window as PNG (&{scale}×)…")
    return text.format(scale=scale)


def _window_png_tip(scale: int) -> str:
    return QCoreApplication.translate(
        "Actions", "The whole window as a PNG image at {scale}× its size on screen"
    ).format(scale=scale)


def _plot_text(plot: str, fmt: str) -> str:
    return QCoreApplication.translate("Actions", "{plot} as {format}…").format(
        plot=plot_title(plot), format=fmt.upper()
    )


def _plot_tip(plot: str, fmt: str) -> str:
    title = plot_title(plot)
    title = title[:1].lower() + title[1:]
    if fmt == "png":
        text = QCoreApplication.translate(
            "Actions", "The {plot} as a PNG image at {scale}× its size"
        )
    else:
        text = QCoreApplication.translate(
            "Actions", "The {plot} as an SVG drawing (vector graphics)"
        )
    return text.format(plot=title, scale=PLOT_PNG_SCALE)


def _export_actions() -> list[ActionSpec]:
    menu = "&File/&Export"
    specs = [
        ActionSpec(
            menu,
            f"exportWindowPng{scale}x",
            partial(_window_png_text, scale),
            None,
            lambda w, s=scale: partial(w.exports.ask_window_png, s),
            tip=partial(_window_png_tip, scale),
        )
        for scale in SCALES
    ]
    for index, plot in enumerate(PLOTS):
        for fmt in ("png", "svg"):
            specs.append(
                ActionSpec(
                    menu,
                    f"export_{plot}_{fmt}",
                    partial(_plot_text, plot, fmt),
                    None,
                    lambda w, p=plot, f=fmt: partial(w.exports.ask_plot, p, f),
                    tip=partial(_plot_tip, plot, fmt),
                    separator=index == 0 and fmt == "png",
                )
            )
    for kind, text in (
        ("curves", QT_TRANSLATE_NOOP("Actions", "&Curves as CSV…")),
        ("histograms", QT_TRANSLATE_NOOP("Actions", "&Histograms as CSV…")),
        ("statistics", QT_TRANSLATE_NOOP("Actions", "&Statistics as CSV…")),
    ):
        specs.append(
            ActionSpec(
                menu,
                f"export_{kind}_csv",
                text,
                None,
                lambda w, k=kind: partial(w.exports.ask_csv, k),
                separator=kind == "curves",
            )
        )
    specs.append(
        ActionSpec(
            menu,
            "exportAnimationGif",
            QT_TRANSLATE_NOOP("Actions", "&Animation as GIF…"),
            None,
            lambda w: w.animation.ask_export_gif,
            tip=QT_TRANSLATE_NOOP("Actions", "The Animate panel's sweep as an animated GIF"),
            separator=True,
        )
    )
    return specs


def _scene_actions() -> list[ActionSpec]:
    return [
        ActionSpec(
            "&File",
            "open",
            QT_TRANSLATE_NOOP("Actions", "&Open…"),
            "Ctrl+O",
            lambda w: w.scenes.ask_open,
            tip=QT_TRANSLATE_NOOP("Actions", "Open a scene or a lecture (*.actx.json)"),
        ),
        ActionSpec(
            "&File/Open &Recent",
            "clearRecent",
            QT_TRANSLATE_NOOP("Actions", "&Clear recent"),
            None,
            lambda w: w.scenes.clear_recent,
        ),
        ActionSpec(
            "&File",
            "saveScene",
            QT_TRANSLATE_NOOP("Actions", "&Save scene…"),
            "Ctrl+S",
            lambda w: w.scenes.ask_save_scene,
            tip=QT_TRANSLATE_NOOP("Actions", "Save what the window shows as a scene file"),
            separator=True,
        ),
        ActionSpec(
            "&File",
            "saveSceneAs",
            QT_TRANSLATE_NOOP("Actions", "Save scene &as…"),
            None,
            lambda w: w.scenes.ask_save_scene_as,
        ),
        ActionSpec(
            "&File",
            "saveLecture",
            QT_TRANSLATE_NOOP("Actions", "Save &lecture…"),
            None,
            lambda w: w.scenes.ask_save_lecture,
            tip=QT_TRANSLATE_NOOP("Actions", "Save the scene list as a lecture file"),
        ),
    ]


#: Every menu action; the window builds its menus from this table, in this order.
ACTIONS: tuple[ActionSpec, ...] = (
    *_scene_actions(),
    ActionSpec(
        "&File",
        "saveImage",
        QT_TRANSLATE_NOOP("Actions", "Save &image…"),
        "Ctrl+Shift+S",
        lambda w: partial(w.exports.ask_window_png, 1),
        separator=True,
    ),
    *_export_actions(),
    ActionSpec(
        "&File",
        "quit",
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        QKeySequence.StandardKey.Quit,
        lambda w: w.close,
        separator=True,
    ),
    ActionSpec(
        "&Edit", "undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), "Ctrl+Z", lambda w: w.history.undo
    ),
    ActionSpec(
        "&Edit",
        "redo",
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        "Ctrl+Shift+Z",
        lambda w: w.history.redo,
        tip=QT_TRANSLATE_NOOP("Actions", "Redo (also Ctrl+Y)"),
    ),
    ActionSpec(
        "&Edit",
        "copyFormula",
        QT_TRANSLATE_NOOP("Actions", "&Copy formula (LaTeX)"),
        "Ctrl+Shift+C",
        lambda w: w.exports.copy_formula,
        tip=QT_TRANSLATE_NOOP("Actions", "Copy the current function's formula as LaTeX"),
        separator=True,
    ),
    ActionSpec(
        "&Edit",
        "copyPytorch",
        QT_TRANSLATE_NOOP("Actions", "Copy as &PyTorch code"),
        None,
        lambda w: partial(w.scenes.copy_code, "pytorch"),
        tip=QT_TRANSLATE_NOOP("Actions", "Copy PyTorch code for the current function"),
    ),
    ActionSpec(
        "&Edit",
        "copyNumpy",
        QT_TRANSLATE_NOOP("Actions", "Copy as &NumPy code"),
        None,
        lambda w: partial(w.scenes.copy_code, "numpy"),
        tip=QT_TRANSLATE_NOOP("Actions", "Copy NumPy code for the current function"),
    ),
    ActionSpec(
        "&Function",
        "search",
        QT_TRANSLATE_NOOP("Actions", "&Search functions"),
        QKeySequence.StandardKey.Find,
        lambda w: w.focus_search,
    ),
    ActionSpec(
        "&Function",
        "next",
        QT_TRANSLATE_NOOP("Actions", "&Next function"),
        "Ctrl+Down",
        lambda w: w.picker.tree.step_forward,
    ),
    ActionSpec(
        "&Function",
        "previous",
        QT_TRANSLATE_NOOP("Actions", "&Previous function"),
        "Ctrl+Up",
        lambda w: w.picker.tree.step_back,
    ),
    ActionSpec(
        "&Function",
        "nextSlide",
        QT_TRANSLATE_NOOP("Actions", "Next function or &scene"),
        "PgDown",
        lambda w: w.presentation.step_forward,
        tip=QT_TRANSLATE_NOOP("Actions", "The next scene of an open lecture, or the next function"),
    ),
    ActionSpec(
        "&Function",
        "previousSlide",
        QT_TRANSLATE_NOOP("Actions", "Previous function or s&cene"),
        "PgUp",
        lambda w: w.presentation.step_back,
    ),
    ActionSpec(
        "&Function",
        "resetParams",
        QT_TRANSLATE_NOOP("Actions", "&Reset parameters"),
        "Ctrl+Shift+R",
        lambda w: w.state.reset_params,
    ),
    ActionSpec(
        "&Function",
        "newCustom",
        QT_TRANSLATE_NOOP("Actions", "New &custom function…"),
        "Ctrl+Shift+N",
        lambda w: w.custom_commands.new,
        tip=QT_TRANSLATE_NOOP("Actions", "Define your own activation by its formula"),
        separator=True,
    ),
    ActionSpec(
        "&Function",
        "editCustom",
        QT_TRANSLATE_NOOP("Actions", "&Edit custom function…"),
        None,
        lambda w: w.custom_commands.edit_current,
    ),
    ActionSpec(
        "&Function",
        "deleteCustom",
        QT_TRANSLATE_NOOP("Actions", "&Delete custom function"),
        None,
        lambda w: w.custom_commands.delete_current,
    ),
    ActionSpec(
        "&Inputs",
        "resample",
        QT_TRANSLATE_NOOP("Actions", "&Resample"),
        "Ctrl+R",
        lambda w: w.state.resample,
    ),
    ActionSpec(
        "&Inputs",
        "showInputs",
        QT_TRANSLATE_NOOP("Actions", "Show &input histogram"),
        "Ctrl+I",
        lambda w: w.set_show_input,
        checkable=True,
    ),
    ActionSpec(
        "&Compare",
        "pin",
        QT_TRANSLATE_NOOP("Actions", "&Pin current function"),
        "Ctrl+P",
        lambda w: w.state.pin_current,
    ),
    ActionSpec(
        "&Compare",
        "unpinLast",
        QT_TRANSLATE_NOOP("Actions", "&Unpin last"),
        "Ctrl+Shift+P",
        lambda w: w.unpin_last,
    ),
    ActionSpec(
        "&Compare",
        "clearPins",
        QT_TRANSLATE_NOOP("Actions", "&Clear pins"),
        None,
        lambda w: w.state.clear_pins,
    ),
    *(
        ActionSpec(
            "&View",
            f"view_{view}",
            text,
            f"Ctrl+{number}",
            lambda w, v=view: partial(w.show_view, v),
            group="view",
        )
        for number, (view, text) in enumerate(VIEW_ACTIONS, start=1)
    ),
    ActionSpec(
        "&View",
        "logDerivative",
        QT_TRANSLATE_NOOP("Actions", "&Log |f′| scale"),
        "Ctrl+L",
        lambda w: w.set_log_derivative,
        checkable=True,
        separator=True,
    ),
    ActionSpec(
        "&View",
        "resetView",
        QT_TRANSLATE_NOOP("Actions", "Reset &view"),
        "Ctrl+0",
        lambda w: w.controller.reset_view,
    ),
    ActionSpec(
        "&View",
        "zoomIn",
        QT_TRANSLATE_NOOP("Actions", "Zoom &in on x"),
        QKeySequence.StandardKey.ZoomIn,
        lambda w: w.presentation.zoom_in,
    ),
    ActionSpec(
        "&View",
        "zoomOut",
        QT_TRANSLATE_NOOP("Actions", "Zoom &out on x"),
        QKeySequence.StandardKey.ZoomOut,
        lambda w: w.presentation.zoom_out,
    ),
    ActionSpec(
        "&View",
        "showDerivative",
        QT_TRANSLATE_NOOP("Actions", "Show &derivative"),
        "Ctrl+D",
        lambda w: partial(setattr, w.state, "show_derivative"),
        checkable=True,
        separator=True,
    ),
    ActionSpec(
        "&View",
        "showHistograms",
        QT_TRANSLATE_NOOP("Actions", "Show &histograms"),
        "Ctrl+H",
        lambda w: partial(setattr, w.state, "show_histograms"),
        checkable=True,
    ),
    ActionSpec(
        "&View",
        "showPins",
        QT_TRANSLATE_NOOP("Actions", "Show &pinned functions"),
        "Ctrl+K",
        lambda w: partial(setattr, w.state, "show_pins"),
        checkable=True,
    ),
    ActionSpec(
        "&View",
        "presentation",
        QT_TRANSLATE_NOOP("Actions", "P&resentation mode"),
        "F11",
        lambda w: w.presentation.set_active,
        checkable=True,
        separator=True,
        tip=QT_TRANSLATE_NOOP("Actions", "Full screen, large type, only the plots (F11 or Esc)"),
    ),
    ActionSpec(
        "&View",
        "showScenes",
        QT_TRANSLATE_NOOP("Actions", "&Scene list"),
        None,
        lambda w: w.scenes.set_list_visible,
        checkable=True,
        tip=QT_TRANSLATE_NOOP("Actions", "Show the lecture's scenes in a side panel"),
    ),
    ActionSpec(
        "&View",
        "animateParameter",
        QT_TRANSLATE_NOOP("Actions", "&Animate parameter…"),
        "Ctrl+Shift+A",
        lambda w: w.animation.set_shown,
        checkable=True,
        tip=QT_TRANSLATE_NOOP("Actions", "Play a parameter between two bounds (bottom panel)"),
    ),
    *(
        ActionSpec(
            "&View/&Theme",
            f"theme_{theme}",
            _THEME_TEXTS.get(theme, theme.capitalize()),
            None,
            lambda w, t=theme: partial(w.set_theme, t),
            group="theme",
            separator=theme == THEMES[0],
        )
        for theme in THEMES
    ),
    *(
        ActionSpec(
            "&View/&Language",
            f"language_{choice}",
            # Each language in its own words: whoever switches may not read the current one.
            QT_TRANSLATE_NOOP("Actions", "System")
            if choice == SYSTEM
            else partial(NATIVE_NAMES.get, choice, choice),
            None,
            lambda w, c=choice: partial(w.set_language, c),
            tip=QT_TRANSLATE_NOOP("Actions", "Follow the system's language")
            if choice == SYSTEM
            else partial(NATIVE_NAMES.get, choice, choice),
            group="language",
            separator=choice == SYSTEM,
        )
        for choice in CHOICES
    ),
    ActionSpec(
        "&Help",
        "shortcuts",
        QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
        "F1",
        lambda w: w.presentation.show_shortcuts,
    ),
    ActionSpec(
        "&Help",
        "about",
        QT_TRANSLATE_NOOP("Actions", "&About ActExplorer"),
        None,
        lambda w: w.show_about,
    ),
)


_MNEMONIC = re.compile(r"\(&\w\)")


def _text(text: Text) -> str:
    """A menu text in the current language."""
    return text() if callable(text) else QCoreApplication.translate("Actions", text)


def _menu_title(path: str) -> str:
    """The title of the last menu of ``path`` in the current language."""
    return QCoreApplication.translate("Menus", path.rpartition("/")[2])


def _set_texts(action: QAction, spec: ActionSpec) -> None:
    text = _text(spec.text)
    action.setText(text)
    # Without a tip the text is the tip, without its mnemonic: "&Quit" and "退出(&Q)" alike.
    plain = _MNEMONIC.sub("", text).replace("&", "").rstrip("…")
    action.setToolTip(_text(spec.tip) if spec.tip else plain)
    action.setStatusTip(action.toolTip())


def _retranslate(
    menus: dict[str, QMenu], actions: dict[str, QAction], specs: tuple[ActionSpec, ...]
) -> None:
    for path, menu in menus.items():
        menu.setTitle(_menu_title(path))
    for spec in specs:
        _set_texts(actions[spec.name], spec)


class _Call:
    """Calls the slot ``trigger`` maps ``window`` to, passing on what the signal sends only when
    ``with_arguments`` (``triggered`` sends ``checked``, which most slots do not take)."""

    def __init__(
        self,
        window: MainWindow,
        trigger: Callable[[MainWindow], Callable[..., Any]],
        with_arguments: bool = False,
    ) -> None:
        self._window = window
        self._trigger = trigger
        self._with_arguments = with_arguments

    def __call__(self, *args: object) -> None:
        slot = self._trigger(self._window)
        if self._with_arguments:
            slot(*args)
        else:
            slot()


def build_menus(
    window: MainWindow, bar: QMenuBar, specs: Iterable[ActionSpec] = ACTIONS
) -> dict[str, QAction]:
    """Create the menus and actions of ``specs`` on ``bar``; returns the actions by name."""
    specs = tuple(specs)
    menus: dict[str, QMenu] = {}
    groups: dict[str, QActionGroup] = {}
    actions: dict[str, QAction] = {}
    parent: QWidget = window

    def menu_for(path: str, separator: bool) -> tuple[QMenu, bool]:
        """The menu at ``path`` and whether it was created now."""
        if path in menus:
            return menus[path], False
        head, _, _title = path.rpartition("/")
        if head:
            outer, _ = menu_for(head, False)
            if separator:
                outer.addSeparator()
            menu = outer.addMenu(_menu_title(path))
        else:
            menu = bar.addMenu(_menu_title(path))
        menu.setObjectName("menu_" + path.replace("&", "").replace("/", "_"))
        menus[path] = menu
        return menu, True

    for spec in specs:
        if spec.name in actions:
            raise ValueError(f"two menu actions are called {spec.name!r}")
        menu, created = menu_for(spec.menu, spec.separator)
        if spec.separator and not created and menu.actions():
            menu.addSeparator()
        action = QAction(parent)
        action.setObjectName(f"action_{spec.name}")
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        _set_texts(action, spec)
        if spec.group is not None:
            action.setCheckable(True)
            group = groups.get(spec.group)
            if group is None:
                group = groups[spec.group] = QActionGroup(parent)
                group.setObjectName(f"group_{spec.group}")
            group.addAction(action)
            action.triggered.connect(_Call(window, spec.trigger))
        elif spec.checkable:
            action.setCheckable(True)
            action.toggled.connect(_Call(window, spec.trigger, with_arguments=True))
        else:
            action.triggered.connect(_Call(window, spec.trigger))
        menu.addAction(action)
        actions[spec.name] = action
    # Menus and actions get no LanguageChange of their own: the window's tells them.
    on_language_change(window, partial(_retranslate, menus, actions, specs))
    return actions


__all__ = ["ACTIONS", "MENU_TITLES", "VIEW_ACTIONS", "ActionSpec", "build_menus"]
