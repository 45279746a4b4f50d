"""The activation picker: every catalog entry grouped by family, with a search box.

The user's own functions form the last group ("Custom"); right-clicking one offers to edit or
delete it, and :meth:`ActivationTree.refresh` rebuilds the tree when the set changes. Family
headers and function names come from the catalog's locale and follow a language switch; a search
matches the key, the English name and the name shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from actexplorer.core import ACTIVATIONS, AnyActivation
from actexplorer.core import locale as core_locale
from actexplorer.core.registry import CUSTOM_PREFIX
from actexplorer.gui._qt import signals_blocked

KEY_ROLE = Qt.ItemDataRole.UserRole


def search_text(act: AnyActivation) -> str:
    """Everything a search for ``act`` may match: key, name, aliases, family, formula, and the
    name shown in the current language.

    Translated family titles are left out: they name functions ("整流类（ReLU 族）"), so every
    member would match a search for that name in one language and not in the other.
    """
    words = [act.key, act.name, *act.aliases, act.family.value, act.formula.text]
    words.append(core_locale.display_name(act))
    return " ".join(words).lower()


class ActivationTree(QTreeWidget):
    """Families as top-level rows, functions beneath; the current item is the activation.

    :attr:`activationChosen` carries the key the user picked (mouse or keyboard).
    """

    activationChosen = Signal(str)
    #: The user asked to create a custom function / edit or delete the custom function ``key``.
    newCustomRequested = Signal()
    editCustomRequested = Signal(str)
    deleteCustomRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QTreeWidget.Shape.NoFrame)
        self.setObjectName("activationPicker")
        self._filter_text = ""
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(10)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._items: dict[str, QTreeWidgetItem] = {}
        self.populate()
        self.currentItemChanged.connect(self._current_changed)

    def populate(self) -> None:
        """(Re)build the tree from the catalog."""
        with signals_blocked(self):
            self.clear()
            self._items = {}
            groups: dict[object, QTreeWidgetItem] = {}
            for key in ACTIVATIONS:
                act = ACTIVATIONS[key]
                group = groups.get(act.family)
                if group is None:
                    group = QTreeWidgetItem(self, [core_locale.family_label(act.family)])
                    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    font = group.font(0)
                    font.setBold(True)
                    font.setPointSizeF(font.pointSizeF() * 0.92)
                    group.setFont(0, font)
                    groups[act.family] = group
                item = QTreeWidgetItem(group, [core_locale.display_name(act)])
                item.setData(0, KEY_ROLE, act.key)
                item.setToolTip(0, f"{act.key}: {act.formula.text}")
                self._items[act.key] = item
            self.expandAll()
        self._colour_headers()
        self.setAccessibleName(self.tr("Activation functions"))

    def refresh(self) -> None:
        """Rebuild from the catalog (a custom function came or went), keeping the selection
        and the search filter; emits nothing."""
        current = self.current_key()
        self.populate()
        if self._filter_text:
            self.filter(self._filter_text)
        if current is not None:
            self.set_current_key(current)

    def context_menu_for(self, key: str | None) -> QMenu:
        """The menu offered on the row of ``key`` (None: off any function)."""
        menu = QMenu(self)
        menu.setObjectName("pickerContextMenu")
        if key is not None and key.startswith(CUSTOM_PREFIX):
            name = ACTIVATIONS[key].name
            edit = menu.addAction(self.tr("Edit “{name}”…").format(name=name))
            edit.setObjectName("pickerEditCustom")
            edit.triggered.connect(lambda: self.editCustomRequested.emit(key))
            delete = menu.addAction(self.tr("Delete “{name}”").format(name=name))
            delete.setObjectName("pickerDeleteCustom")
            delete.triggered.connect(lambda: self.deleteCustomRequested.emit(key))
            menu.addSeparator()
        new = menu.addAction(self.tr("New custom function…"))
        new.setObjectName("pickerNewCustom")
        new.triggered.connect(self.newCustomRequested)
        return menu

    def _context_menu(self, position: QPoint) -> None:
        item = self.itemAt(position)
        key = None if item is None else item.data(0, KEY_ROLE)
        menu = self.context_menu_for(key)
        menu.exec(self.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _colour_headers(self) -> None:
        brush = self.palette().placeholderText()
        for index in range(self.topLevelItemCount()):
            self.topLevelItem(index).setForeground(0, brush)

    def changeEvent(self, event: QEvent) -> None:
        """Family headers follow the palette (light/dark); names follow the language."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_headers()
        elif event.type() == QEvent.Type.LanguageChange:
            self.refresh()

    def item_for(self, key: str) -> QTreeWidgetItem:
        """The row of activation ``key``."""
        return self._items[key]

    def keys(self) -> list[str]:
        """Keys in the order shown."""
        return list(self._items)

    def visible_keys(self) -> list[str]:
        """Keys not hidden by the search filter."""
        return [k for k, item in self._items.items() if not item.isHidden()]

    def current_key(self) -> str | None:
        """The key of the current row, if it is a function."""
        item = self.currentItem()
        return None if item is None else item.data(0, KEY_ROLE)

    def set_current_key(self, key: str) -> None:
        """Select ``key`` (from the state) without emitting."""
        item = self._items.get(key)
        if item is None:
            return
        with signals_blocked(self):
            self.setCurrentItem(item)
        self.scrollToItem(item)

    def filter(self, text: str) -> None:
        """Hide functions that do not match every word of ``text``."""
        self._filter_text = text
        words = text.lower().split()
        for key, item in self._items.items():
            haystack = search_text(ACTIVATIONS[key])
            item.setHidden(not all(w in haystack for w in words))
        for index in range(self.topLevelItemCount()):
            group = self.topLevelItem(index)
            group.setHidden(all(group.child(i).isHidden() for i in range(group.childCount())))

    def step(self, delta: int) -> None:
        """Pick the next (``delta`` = 1) or previous visible function."""
        keys = self.visible_keys()
        if not keys:
            return
        current = self.current_key()
        index = keys.index(current) if current in keys else -1
        new = keys[(index + delta) % len(keys)] if index >= 0 else keys[0]
        self.setCurrentItem(self._items[new])

    def step_forward(self) -> None:
        """Pick the next visible function."""
        self.step(1)

    def step_back(self) -> None:
        """Pick the previous visible function."""
        self.step(-1)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        key = item.data(0, KEY_ROLE)
        if key is None:  # a family header: move on to its first visible function
            for i in range(item.childCount()):
                if not item.child(i).isHidden():
                    self.setCurrentItem(item.child(i))
                    return
            return
        self.activationChosen.emit(key)


class PickerPanel(QWidget):
    """Search box above the tree. Down/Enter in the search box move into the list."""

    activationChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("activationSearch")
        self.search.setClearButtonEnabled(True)
        self.tree = ActivationTree()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        self.search.textChanged.connect(self.tree.filter)
        self.search.returnPressed.connect(self._pick_first_match)
        self.search.installEventFilter(self)
        self.tree.activationChosen.connect(self.activationChosen)
        self.retranslate()

    def retranslate(self) -> None:
        """Write the search box's hint in the current language."""
        self.search.setPlaceholderText(self.tr("Search (e.g. gelu, shrink, hard)…"))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys in the search box walk the list without leaving the box."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Down:
                self.tree.step(1)
                return True
            if key == Qt.Key.Key_Up:
                self.tree.step(-1)
                return True
        return super().eventFilter(watched, event)

    def _pick_first_match(self) -> None:
        keys = self.tree.visible_keys()
        if keys and self.tree.current_key() not in keys:
            self.tree.setCurrentItem(self.tree.item_for(keys[0]))
        self.tree.setFocus()
