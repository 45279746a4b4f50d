"""Light and dark looks: Qt palettes, plot colours and the colour-blind-safe curve palette."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

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


def stylesheet_for(look: Look) -> str:
    """Small touches the palette cannot express: section titles, error fields, readouts."""
    return f"""
    QLabel[role="section"] {{
        font-weight: 600; color: {look.muted}; letter-spacing: 0.5px;
        padding-top: 6px;
    }}
    QLabel[role="muted"] {{ color: {look.muted}; }}
    QLabel[role="title"] {{ font-size: 17pt; font-weight: 600; }}
    QLabel[role="error"] {{ color: {look.error}; }}
    QLineEdit[invalid="true"] {{ border: 1px solid {look.error}; border-radius: 3px; }}
    QFrame[role="separator"] {{ color: {look.alt_base}; }}
    QTreeView {{ border: none; }}
    QScrollArea {{ border: none; }}
    QSplitter::handle {{ background: {look.alt_base}; }}
    """
