"""The window's menus as one declarative table, and the code that turns it into menus.

Adding a command is one :class:`ActionSpec` in :data:`ACTIONS`: the menu path (``"&File/&Export"``
for a submenu), a unique name (the action's object name is ``action_<name>``), the text, the
shortcut and a function from the window to the slot to call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from actexplorer.gui.export import SCALES
from actexplorer.gui.export_commands import PLOT_PNG_SCALE, PLOTS
from actexplorer.state import THEMES

if TYPE_CHECKING:
    from actexplorer.gui.main_window import MainWindow

Shortcut = QKeySequence.StandardKey | str | None


@dataclass(frozen=True)
class ActionSpec:
    """One menu entry: where it goes, its text and shortcut, and what it does.

    ``trigger`` maps the window to the slot. A ``checkable`` action's slot receives the new
    checked state; any other slot is called without arguments. Actions sharing a ``group`` are
    exclusive choices (checkable, like radio buttons). ``separator`` starts a new section: a line
    before the entry, or before its submenu when the entry is the first of a new submenu.
    """

    menu: str
    name: str
    text: str
    shortcut: Shortcut
    trigger: Callable[[MainWindow], Callable[..., Any]]
    checkable: bool = False
    tip: str = ""
    group: str | None = None
    separator: bool = False


#: Views of the window, in the order of the View menu and the Ctrl+1.. shortcuts.
VIEW_ACTIONS: tuple[tuple[str, str], ...] = (
    ("explorer", "&Explorer"),
    ("lab-depth", "Deep networks: &depth"),
    ("lab-chaos", "Deep networks: edge of &chaos"),
    ("lab-train", "Deep networks: &training"),
)


def _export_actions() -> list[ActionSpec]:
    menu = "&File/&Export"
    specs = [
        ActionSpec(
            menu,
            f"exportWindowPng{scale}x",
            f"Window as PNG (&{scale}×)…",
            None,
            lambda w, s=scale: partial(w.exports.ask_window_png, s),
            tip=f"The whole window as a PNG image at {scale}× its size on screen",
        )
        for scale in SCALES
    ]
    for index, (plot, title) in enumerate(PLOTS.items()):
        for fmt in ("png", "svg"):
            specs.append(
                ActionSpec(
                    menu,
                    f"export_{plot}_{fmt}",
                    f"{title} as {fmt.upper()}…",
                    None,
                    lambda w, p=plot, f=fmt: partial(w.exports.ask_plot, p, f),
                    tip=(
                        f"The {title.lower()} as a PNG image at {PLOT_PNG_SCALE}× its size"
                        if fmt == "png"
                        else f"The {title.lower()} as an SVG drawing (vector graphics)"
                    ),
                    separator=index == 0 and fmt == "png",
                )
            )
    for kind, text in (
        ("curves", "&Curves as CSV…"),
        ("histograms", "&Histograms as CSV…"),
        ("statistics", "&Statistics as CSV…"),
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
    return specs


#: Every menu action; the window builds its menus from this table, in this order.
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "&File",
        "saveImage",
        "Save &image…",
        QKeySequence.StandardKey.Save,
        lambda w: partial(w.exports.ask_window_png, 1),
    ),
    *_export_actions(),
    ActionSpec(
        "&File", "quit", "&Quit", QKeySequence.StandardKey.Quit, lambda w: w.close, separator=True
    ),
    ActionSpec(
        "&Edit",
        "copyFormula",
        "&Copy formula (LaTeX)",
        "Ctrl+Shift+C",
        lambda w: w.exports.copy_formula,
        tip="Copy the current function's formula as LaTeX",
    ),
    ActionSpec(
        "&Function",
        "search",
        "&Search functions",
        QKeySequence.StandardKey.Find,
        lambda w: w.focus_search,
    ),
    ActionSpec(
        "&Function", "next", "&Next function", "Ctrl+Down", lambda w: w.picker.tree.step_forward
    ),
    ActionSpec(
        "&Function", "previous", "&Previous function", "Ctrl+Up", lambda w: w.picker.tree.step_back
    ),
    ActionSpec(
        "&Function",
        "resetParams",
        "&Reset parameters",
        "Ctrl+Shift+R",
        lambda w: w.state.reset_params,
    ),
    ActionSpec("&Inputs", "resample", "&Resample", "Ctrl+R", lambda w: w.state.resample),
    ActionSpec(
        "&Inputs",
        "showInputs",
        "Show &input histogram",
        "Ctrl+I",
        lambda w: w.set_show_input,
        checkable=True,
    ),
    ActionSpec("&Compare", "pin", "&Pin current function", "Ctrl+P", lambda w: w.state.pin_current),
    ActionSpec("&Compare", "unpinLast", "&Unpin last", "Ctrl+Shift+P", lambda w: w.unpin_last),
    ActionSpec("&Compare", "clearPins", "&Clear pins", None, lambda w: w.state.clear_pins),
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
        "&Log |f′| scale",
        "Ctrl+L",
        lambda w: w.set_log_derivative,
        checkable=True,
        separator=True,
    ),
    ActionSpec("&View", "resetView", "Reset &view", "Ctrl+0", lambda w: w.controller.reset_view),
    *(
        ActionSpec(
            "&View/&Theme",
            f"theme_{theme}",
            theme.capitalize(),
            None,
            lambda w, t=theme: partial(w.set_theme, t),
            group="theme",
            separator=theme == THEMES[0],
        )
        for theme in THEMES
    ),
    ActionSpec("&Help", "about", "&About ActExplorer", None, lambda w: w.show_about),
)


class _Call:
    """Calls ``slot`` without the arguments a signal sends (``triggered`` sends ``checked``)."""

    def __init__(self, slot: Callable[[], Any]) -> None:
        self._slot = slot

    def __call__(self, *_: object) -> None:
        self._slot()


def build_menus(
    window: MainWindow, bar: QMenuBar, specs: Iterable[ActionSpec] = ACTIONS
) -> dict[str, QAction]:
    """Create the menus and actions of ``specs`` on ``bar``; returns the actions by name."""
    menus: dict[str, QMenu] = {}
    groups: dict[str, QActionGroup] = {}
    actions: dict[str, QAction] = {}
    parent: QWidget = window

    def menu_for(path: str, separator: bool) -> tuple[QMenu, bool]:
        """The menu at ``path`` and whether it was created now."""
        if path in menus:
            return menus[path], False
        head, _, title = path.rpartition("/")
        if head:
            outer, _ = menu_for(head, False)
            if separator:
                outer.addSeparator()
            menu = outer.addMenu(title)
        else:
            menu = bar.addMenu(title)
        menu.setObjectName("menu_" + path.replace("&", "").replace("/", "_"))
        menus[path] = menu
        return menu, True

    for spec in specs:
        if spec.name in actions:
            raise ValueError(f"two menu actions are called {spec.name!r}")
        menu, created = menu_for(spec.menu, spec.separator)
        if spec.separator and not created and menu.actions():
            menu.addSeparator()
        action = QAction(spec.text, parent)
        action.setObjectName(f"action_{spec.name}")
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.setToolTip(spec.tip or spec.text.replace("&", "").rstrip("…"))
        action.setStatusTip(action.toolTip())
        slot = spec.trigger(window)
        if spec.group is not None:
            action.setCheckable(True)
            group = groups.get(spec.group)
            if group is None:
                group = groups[spec.group] = QActionGroup(parent)
                group.setObjectName(f"group_{spec.group}")
            group.addAction(action)
            action.triggered.connect(_Call(slot))
        elif spec.checkable:
            action.setCheckable(True)
            action.toggled.connect(slot)
        else:
            action.triggered.connect(_Call(slot))
        menu.addAction(action)
        actions[spec.name] = action
    return actions


__all__ = ["ACTIONS", "VIEW_ACTIONS", "ActionSpec", "build_menus"]
