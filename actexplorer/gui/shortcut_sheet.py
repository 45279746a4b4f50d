"""The keyboard-shortcut sheet (F1, ?, Help ▸ Keyboard shortcuts).

Generated from :data:`~actexplorer.gui.actions.ACTIONS` (grouped by menu, with the keys each
action really has) plus :data:`~actexplorer.gui.presentation.PRESENTATION_KEYS`, so it lists every
shortcut there is and cannot fall behind the menus. The group names are the menus' own titles and
the rows the actions' own texts, in the current language; the sheet writes itself again when the
language changes while it is open.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from actexplorer.gui.actions import ACTIONS, ActionSpec
from actexplorer.gui.presentation import PRESENTATION_KEYS, PresentationKey

if TYPE_CHECKING:
    from actexplorer.gui.main_window import MainWindow

PRESENTATION_GROUP = QT_TRANSLATE_NOOP("ShortcutSheet", "Presentation mode")
#: Groups per column of the sheet (the sheet is wide rather than tall: it fits a projector).
COLUMNS = 3


@dataclass(frozen=True, slots=True)
class ShortcutRow:
    """One line of the sheet: the keys as shown to the user and what they do."""

    keys: tuple[str, ...]
    text: str


def key_text(sequence: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """A key sequence as the platform writes it (Ctrl+S, ⌘S, PgDown)."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


#: A mnemonic written after a Chinese text, "文件(&F)": dropped whole on the sheet.
_MNEMONIC = re.compile(r"\(&\w\)")


def _plain(text: str) -> str:
    """A menu text without its mnemonic or trailing ellipsis: "&Open…" and "打开(&O)…" alike."""
    return _MNEMONIC.sub("", text).replace("&", "").rstrip("…")


def _menu_title(title: str) -> str:
    return _plain(QCoreApplication.translate("Menus", title))


def _action_text(spec: ActionSpec) -> str:
    # From the table, not the action: on a language change the sheet may be told before the
    # window has retranslated its actions.
    raw = spec.text() if callable(spec.text) else QCoreApplication.translate("Actions", spec.text)
    text = _plain(raw)
    _head, sep, sub = spec.menu.partition("/")
    if not sep:
        return text
    path = " ▸ ".join(_menu_title(t) for t in sub.split("/"))
    return QCoreApplication.translate("ShortcutSheet", "{menu}: {action}").format(
        menu=path, action=text
    )


def shortcut_groups(
    specs: Iterable[ActionSpec] = ACTIONS,
    actions: Mapping[str, QAction] | None = None,
    presentation: Sequence[PresentationKey] = PRESENTATION_KEYS,
) -> dict[str, list[ShortcutRow]]:
    """Every shortcut by menu (in menu order), then the presentation keys.

    ``actions`` (the window's) gives the keys each action really has, extra ones included;
    without it the table's own shortcut is used.
    """
    groups: dict[str, list[ShortcutRow]] = {}
    for spec in specs:
        action = actions.get(spec.name) if actions is not None else None
        if action is not None:
            keys = tuple(key_text(k) for k in action.shortcuts() if not k.isEmpty())
        elif spec.shortcut is not None:
            keys = (key_text(spec.shortcut),)
        else:
            keys = ()
        keys = tuple(k for k in keys if k)
        if keys:
            groups.setdefault(_menu_title(spec.menu.split("/", 1)[0]), []).append(
                ShortcutRow(keys, _action_text(spec))
            )
    title = QCoreApplication.translate("ShortcutSheet", PRESENTATION_GROUP)
    groups[title] = [
        ShortcutRow(tuple(key_text(k) for k in entry.keys), entry.label()) for entry in presentation
    ]
    return groups


def _or() -> str:
    """The word between two keys of one row (" or ")."""
    #: Between two keys that do the same, e.g. "F1 or ?"; keep the spaces as the language needs.
    return QCoreApplication.translate("ShortcutSheet", " or ")


def _group_html(title: str, rows: Sequence[ShortcutRow]) -> str:
    lines = [f"<h3 style='margin-bottom:4px'>{html.escape(title)}</h3><table cellspacing='0'>"]
    for row in rows:
        keys = html.escape(_or()).join(f"<b>{html.escape(k)}</b>" for k in row.keys)
        lines.append(
            f"<tr><td style='padding:2px 18px 2px 0' align='right'>{keys}</td>"
            f"<td style='padding:2px 0'>{html.escape(row.text)}</td></tr>"
        )
    lines.append("</table>")
    return "".join(lines)


class ShortcutSheet(QDialog):
    """A dialog listing every keyboard shortcut, grouped by menu; Esc closes it.

    ``large`` sets a font that reads on a projector (used in presentation mode).
    """

    def __init__(self, window: MainWindow, *, large: bool = False) -> None:
        super().__init__(window)
        self.setObjectName("shortcutSheet")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._window = window
        self.groups: dict[str, list[ShortcutRow]] = {}
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * (1.7 if large else 1.0))
        self.setFont(font)

        body = QWidget()
        self._columns = QHBoxLayout(body)
        self._columns.setSpacing(36)
        self.labels: list[QLabel] = []
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self._body = body
        self.retranslate()

    def _fit(self) -> None:
        """Size the sheet to its text, within the screen (again when a language is longer)."""
        hint = self._body.sizeHint()
        screen = self._window.screen().availableGeometry() if self._window.screen() else None
        width, height = hint.width() + 60, hint.height() + 90
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 40)
        self.resize(max(width, self.width()) if self.isVisible() else width, height)

    def retranslate(self) -> None:
        """Write the title, the groups and every row in the current language."""
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        actions = {spec.name: self._window.action(spec.name) for spec in ACTIONS}
        self.groups = shortcut_groups(ACTIONS, actions)
        items = list(self.groups.items())
        per_column = -(-len(items) // COLUMNS)
        chunks = [items[start : start + per_column] for start in range(0, len(items), per_column)]
        while len(self.labels) < len(chunks):
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._columns.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            self.labels.append(label)
        for label, chunk in zip(self.labels, chunks, strict=False):
            label.setText("".join(_group_html(t, r) for t, r in chunk))
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def text(self) -> str:
        """Everything the sheet says, as plain text (for search and tests)."""
        return "\n".join(
            f"{title}\n" + "\n".join(f"{_or().join(r.keys)}\t{r.text}" for r in rows)
            for title, rows in self.groups.items()
        )
