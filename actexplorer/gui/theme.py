"""Light and dark looks: Qt palettes, plot colours and the colour-blind-safe curve palette."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QSplitter, QWidget

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour
#: vision deficiency. Indices into it are stable so a pinned curve keeps its colour.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}


@dataclass(frozen=True, slots=True)
class Look:
    """Every colour one theme needs."""

    name: str
    dark: bool
    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    accent: str
    plot_background: str
    plot_foreground: str
    grid_alpha: float
    axis_line: str
    current: str
    derivative: str
    input_fill: str
    error: str
    pins: tuple[str, ...]
    #: Multiplies every font size and line width of the plots (presentation mode enlarges them).
    font_scale: float = 1.0
    line_scale: float = 1.0

    def qcolor(self, name: str, alpha: int = 255) -> QColor:
        """The colour called ``name`` (a field of this look) as a QColor."""
        color = QColor(getattr(self, name))
        color.setAlpha(alpha)
        return color


LIGHT = Look(
    name="light",
    dark=False,
    window="#f4f5f7",
    base="#ffffff",
    alt_base="#eef0f3",
    text="#1d1f23",
    muted="#5f6670",
    accent="#0072B2",
    plot_background="#ffffff",
    plot_foreground="#30343a",
    grid_alpha=0.18,
    axis_line="#9aa0a8",
    current=OKABE_ITO["blue"],
    derivative=OKABE_ITO["vermillion"],
    input_fill="#9aa0a8",
    error="#b3261e",
    pins=(
        OKABE_ITO["orange"],
        OKABE_ITO["bluish_green"],
        OKABE_ITO["reddish_purple"],
        OKABE_ITO["sky_blue"],
        OKABE_ITO["black"],
    ),
)

DARK = Look(
    name="dark",
    dark=True,
    window="#1f2125",
    base="#16181b",
    alt_base="#25282d",
    text="#e6e8eb",
    muted="#9aa1ab",
    accent="#56B4E9",
    plot_background="#16181b",
    plot_foreground="#c9cdd3",
    grid_alpha=0.22,
    axis_line="#5c626b",
    current=OKABE_ITO["sky_blue"],
    derivative=OKABE_ITO["orange"],
    input_fill="#7d848e",
    error="#ff8a80",
    pins=(
        OKABE_ITO["orange"],
        OKABE_ITO["bluish_green"],
        OKABE_ITO["reddish_purple"],
        OKABE_ITO["yellow"],
        "#ffffff",
    ),
)


#: Projector looks: pure black on white (or white on near-black), a grid that survives a
#: washed-out projector, and curve colours from the Okabe-Ito set deepened where the original is
#: too pale on white (yellow and sky blue are dropped there). Fonts and lines are scaled up so
#: they read from the back of a lecture hall.
PRESENTATION_LIGHT = Look(
    name="light",
    dark=False,
    window="#ffffff",
    base="#ffffff",
    alt_base="#e6e8eb",
    text="#000000",
    muted="#30343a",
    accent="#0072B2",
    plot_background="#ffffff",
    plot_foreground="#000000",
    grid_alpha=0.32,
    axis_line="#30343a",
    current=OKABE_ITO["blue"],
    derivative=OKABE_ITO["vermillion"],
    input_fill="#6b7078",
    error="#b3261e",
    pins=(
        "#C98A00",  # Okabe-Ito orange, darkened to hold contrast on white
        OKABE_ITO["bluish_green"],
        "#A8457F",  # Okabe-Ito reddish purple, darkened
        OKABE_ITO["black"],
        "#3C8DC4",  # Okabe-Ito sky blue, darkened
    ),
    font_scale=1.9,
    line_scale=1.9,
)

PRESENTATION_DARK = Look(
    name="dark",
    dark=True,
    window="#0b0c0e",
    base="#0b0c0e",
    alt_base="#2a2d33",
    text="#ffffff",
    muted="#d0d4da",
    accent="#56B4E9",
    plot_background="#0b0c0e",
    plot_foreground="#ffffff",
    grid_alpha=0.36,
    axis_line="#c0c4ca",
    current=OKABE_ITO["sky_blue"],
    derivative=OKABE_ITO["orange"],
    input_fill="#a0a6ae",
    error="#ff8a80",
    pins=(
        OKABE_ITO["yellow"],
        "#1FC99A",  # Okabe-Ito bluish green, lightened to hold contrast on black
        "#E08DBE",  # Okabe-Ito reddish purple, lightened
        "#ffffff",
        OKABE_ITO["vermillion"],
    ),
    font_scale=1.9,
    line_scale=1.9,
)


def presentation_look(look: Look) -> Look:
    """The projector version of ``look`` (light or dark)."""
    return PRESENTATION_DARK if look.dark else PRESENTATION_LIGHT


def system_prefers_dark() -> bool:
    """True when the operating system asks for a dark look."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def resolve_look(theme: str) -> Look:
    """The look for ``auto``/``light``/``dark``; ``auto`` follows the OS."""
    if theme == "dark" or (theme == "auto" and system_prefers_dark()):
        return DARK
    return LIGHT


def palette_for(look: Look) -> QPalette:
    """A complete QPalette for ``look`` (used with the Fusion style)."""
    pal = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    text, muted = QColor(look.text), QColor(look.muted)
    pal.setColor(role.Window, QColor(look.window))
    pal.setColor(role.WindowText, text)
    pal.setColor(role.Base, QColor(look.base))
    pal.setColor(role.AlternateBase, QColor(look.alt_base))
    pal.setColor(role.Text, text)
    pal.setColor(role.Button, QColor(look.alt_base))
    pal.setColor(role.ButtonText, text)
    pal.setColor(role.ToolTipBase, QColor(look.base))
    pal.setColor(role.ToolTipText, text)
    pal.setColor(role.PlaceholderText, muted)
    pal.setColor(role.Highlight, QColor(look.accent))
    pal.setColor(role.HighlightedText, QColor("#ffffff" if not look.dark else "#000000"))
    pal.setColor(role.Link, QColor(look.accent))
    pal.setColor(role.Mid, QColor(look.axis_line))
    pal.setColor(role.Midlight, QColor(look.alt_base))
    pal.setColor(role.Dark, QColor(look.axis_line))
    pal.setColor(role.Light, QColor(look.base))
    pal.setColor(role.BrightText, QColor(look.error))
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(group.Disabled, r, muted)
    return pal


# -- small touches the palette cannot express ------------------------------------------------------
#
# A style sheet on the window would express these in a few lines, but it sends every widget of
# the window through the style-sheet engine when it is polished: measured, that was 45 ms of the
# start-up (a fifth of the window's own cost). Instead each widget that needs a touch carries a
# style sheet of its own (a label: cheap, it has no children), and the look is rewritten on
# those widgets when it changes.

#: Point size of a title (the function's name above the plots).
TITLE_PT = 17.0

#: What a label or line of each role looks like, in a look.
_ROLE_SHEETS: dict[str, Callable[[Look], str]] = {
    "section": lambda look: (
        f"font-weight: 600; color: {look.muted}; letter-spacing: 0.5px; padding-top: 6px;"
    ),
    "muted": lambda look: f"color: {look.muted};",
    # A title's size is its font (set_role): a sheet of its own would outrank the larger size
    # presentation mode gives titles through an ancestor's sheet.
    "title": lambda look: "",
    "error": lambda look: f"color: {look.error};",
    "separator": lambda look: f"color: {look.alt_base};",
}

_W = TypeVar("_W", bound=QWidget)

_current_look: Look | None = None
_with_role: weakref.WeakSet[QWidget] = weakref.WeakSet()
_with_invalid_mark: weakref.WeakSet[QWidget] = weakref.WeakSet()
_splitters: weakref.WeakSet[QSplitter] = weakref.WeakSet()


def current_look() -> Look:
    """The look the window shows (LIGHT before it has set one)."""
    return _current_look or LIGHT


def set_role(widget: QWidget, role: str) -> None:
    """Style ``widget`` as a ``role`` (section, muted, title, error, separator), now and in
    every later look; the role is also its ``role`` property."""
    if role not in _ROLE_SHEETS:
        raise ValueError(f"unknown role {role!r}; known: {', '.join(_ROLE_SHEETS)}")
    widget.setProperty("role", role)
    _with_role.add(widget)
    if role == "title":
        font = QFont(widget.font())
        font.setPointSizeF(TITLE_PT)
        font.setWeight(QFont.Weight.DemiBold)
        widget.setFont(font)
    widget.setStyleSheet(_ROLE_SHEETS[role](current_look()))


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Frame ``widget`` (a line edit) in the look's error colour while ``invalid``."""
    widget.setProperty("invalid", invalid)
    if invalid:
        _with_invalid_mark.add(widget)
    else:
        _with_invalid_mark.discard(widget)
    widget.setStyleSheet(_invalid_sheet(current_look()) if invalid else "")


def _invalid_sheet(look: Look) -> str:
    return f"border: 1px solid {look.error}; border-radius: 3px;"


def flat_splitter(splitter: QSplitter) -> None:
    """Paint ``splitter``'s handles in the look's quiet band colour (now and in later looks)."""
    _splitters.add(splitter)
    _paint_handles(splitter, current_look())


def _paint_handles(splitter: QSplitter, look: Look) -> None:
    for index in range(1, splitter.count()):
        handle = splitter.handle(index)
        palette = handle.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(look.alt_base))
        handle.setPalette(palette)
        handle.setAutoFillBackground(True)


def apply_touches(look: Look) -> None:
    """Rewrite every styled widget for ``look`` (the window calls this when its look changes)."""
    global _current_look
    _current_look = look
    for widget in _alive(_with_role):
        role = widget.property("role")
        if isinstance(role, str) and role in _ROLE_SHEETS:
            sheet = _ROLE_SHEETS[role](look)
            if widget.styleSheet() != sheet:
                widget.setStyleSheet(sheet)
    for widget in _alive(_with_invalid_mark):
        widget.setStyleSheet(_invalid_sheet(look))
    for splitter in _alive(_splitters):
        _paint_handles(splitter, look)


def _alive(widgets: weakref.WeakSet[_W]) -> list[_W]:
    """The widgets of ``widgets`` whose Qt object still exists (the others leave the set)."""
    alive = []
    for widget in list(widgets):
        if shiboken6.isValid(widget):
            alive.append(widget)
        else:  # deleted by Qt while Python still held its wrapper
            widgets.discard(widget)
    return alive
