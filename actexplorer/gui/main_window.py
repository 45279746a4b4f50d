"""The explorer window: assembles the picker, panels, plots, menus and actions.

It holds no maths and no choices of its own: the choices are :attr:`MainWindow.state`, the wiring
is :class:`~actexplorer.gui.controller.ExplorerController`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from actexplorer import __version__
from actexplorer.core import VectorActivation
from actexplorer.gui.cards import PropertiesCard, StatisticsPanel
from actexplorer.gui.controller import ExplorerController
from actexplorer.gui.formula import FormulaView
from actexplorer.gui.panels import (
    ComparePanel,
    InputPanel,
    ParameterPanel,
    ViewPanel,
    section_title,
)
from actexplorer.gui.picker import PickerPanel
from actexplorer.gui.plots import PlotsView
from actexplorer.gui.stats_runner import StatsRunner
from actexplorer.gui.theme import palette_for, resolve_look, stylesheet_for
from actexplorer.state import THEMES, ExplorerState

if TYPE_CHECKING:
    from actexplorer.gui.softmax_view import SoftmaxView

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class ActionSpec:
    """One menu entry: where it goes, its text and shortcut, and what it does."""

    menu: str
    name: str
    text: str
    shortcut: QKeySequence.StandardKey | str | None
    trigger: Callable[[MainWindow], Callable[..., Any]]
    checkable: bool = False
    tip: str = ""


#: Every menu action; the window builds its menus from this table.
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "&File",
        "saveImage",
        "Save &image…",
        QKeySequence.StandardKey.Save,
        lambda w: w.save_image_dialog,
    ),
    ActionSpec("&File", "quit", "&Quit", QKeySequence.StandardKey.Quit, lambda w: w.close),
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
    ActionSpec(
        "&View",
        "logDerivative",
        "&Log |f′| scale",
        "Ctrl+L",
        lambda w: w.set_log_derivative,
        checkable=True,
    ),
    ActionSpec("&View", "resetView", "Reset &view", "Ctrl+0", lambda w: w.controller.reset_view),
    ActionSpec("&Help", "about", "&About ActExplorer", None, lambda w: w.show_about),
)


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setProperty("role", "separator")
    return line


class MainWindow(QMainWindow):
    """The explorer. ``settings`` (optional) is read at start and written on close."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actexplorerMainWindow")
        self.setWindowTitle("ActExplorer")
        self._settings = settings
        self._app_wide_look = False
        self._closed = False
        self.state = ExplorerState()
        restored = self._read_state()

        self.picker = PickerPanel()
        self.parameters = ParameterPanel()
        self.inputs = InputPanel()
        self.compare = ComparePanel()
        self.view_panel = ViewPanel()
        self.plots = PlotsView()
        self.runner = StatsRunner(self)
        self.statistics = StatisticsPanel()
        self.properties = PropertiesCard()
        self._shown_key: str | None = None

        self.title = QLabel()
        self.title.setObjectName("activationTitle")
        self.title.setProperty("role", "title")
        self.key_label = QLabel()
        self.key_label.setProperty("role", "muted")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula = FormulaView()
        self.formula.set_font_size(14.0)
        self.summary = QLabel()
        self.summary.setObjectName("activationSummary")
        self.summary.setProperty("role", "muted")
        self.summary.setWordWrap(True)

        # Page 0: the curve plots; page 1: the vector functions' own view (softmax family),
        # built the first time a vector function is shown (the first paint does not need it).
        self.views = QStackedWidget()
        self.views.addWidget(self.plots)

        self._build_layout()
        self.controller = ExplorerController(
            self.state,
            picker=self.picker,
            parameters=self.parameters,
            inputs=self.inputs,
            compare=self.compare,
            view=self.view_panel,
            plots=self.plots,
            runner=self.runner,
            vector_view=self._softmax_view,
            show_activation=self._show_activation,
            parent=self,
        )
        self.controller.readoutChanged.connect(self.readout.setText)
        self.controller.statsChanged.connect(self.statistics.set_stats)
        self.runner.busyChanged.connect(self.statistics.set_busy)
        self.statistics.set_stats(self.controller.stats)
        self.runner.busyChanged.connect(self._busy_changed)
        self._actions: dict[str, QAction] = {}
        self._build_menus()
        self.state.events.theme.connect(self._apply_theme)
        self.state.events.log_derivative.connect(self._sync_actions)
        self.state.events.show_input_histogram.connect(self._sync_actions)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self._apply_theme()
        self._sync_actions()
        self.resize(1280, 800)
        self._restore_layout()
        if restored:
            self.statusBar().showMessage("Settings restored: " + "; ".join(restored), 8000)

    # -- assembly ----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.setContentsMargins(4, 0, 4, 0)
        header.setSpacing(14)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.title)
        names.addWidget(self.key_label)
        header.addLayout(names)
        header.addWidget(self.formula, 1)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(10, 8, 10, 6)
        centre_layout.setSpacing(6)
        centre_layout.addLayout(header)
        centre_layout.addWidget(self.summary)
        centre_layout.addWidget(self.views, 1)

        side = QWidget()
        side.setObjectName("sidePanel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(12, 8, 14, 12)
        side_layout.setSpacing(8)
        sections: list[tuple[str, QWidget]] = [
            ("Parameters", self.parameters),
            ("", self.statistics),  # the panel carries its own heading
            ("Inputs X", self.inputs),
            ("Compare", self.compare),
            ("View", self.view_panel),
        ]
        # Sections about random inputs and curves mean nothing for a vector function.
        self._curve_only: list[QWidget] = []
        for index, (title, widget) in enumerate(sections):
            parts: list[QWidget] = []
            if index:
                parts.append(_separator())
            if title:
                parts.append(section_title(title))
            parts.append(widget)
            for part in parts:
                side_layout.addWidget(part)
            if widget is not self.parameters:
                self._curve_only.extend(parts)
        side_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("sideScroll")
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(300)

        picker_box = QWidget()
        picker_layout = QVBoxLayout(picker_box)
        picker_layout.setContentsMargins(10, 8, 4, 4)
        picker_layout.addWidget(self.picker)
        card_box = QWidget()
        card_layout = QVBoxLayout(card_box)
        card_layout.setContentsMargins(10, 4, 4, 8)
        card_layout.setSpacing(4)
        card_layout.addWidget(section_title("Properties"))
        card_layout.addWidget(self.properties, 1)
        left = QSplitter(Qt.Orientation.Vertical)
        left.setObjectName("leftSplitter")
        left.setChildrenCollapsible(False)
        left.addWidget(picker_box)
        left.addWidget(card_box)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 1)
        left.setSizes([330, 420])
        left.setMinimumWidth(200)
        self.left_splitter = left

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([240, 710, 330])
        self.setCentralWidget(self.splitter)

        self.readout = QLabel()
        self.readout.setObjectName("crosshairReadout")
        self.busy_label = QLabel("Sampling…")
        self.busy_label.setObjectName("busyLabel")
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busyIndicator")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(90)
        self.busy_bar.setMaximumHeight(12)
        self.busy_bar.setTextVisible(False)
        status = self.statusBar()
        status.addWidget(self.readout, 1)
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.busy_bar)
        self.busy_label.hide()
        self.busy_bar.hide()

    def _build_menus(self) -> None:
        menus: dict[str, Any] = {}
        bar = self.menuBar()
        for spec in ACTIONS:
            menu = menus.get(spec.menu)
            if menu is None:
                menu = menus[spec.menu] = bar.addMenu(spec.menu)
            action = QAction(spec.text, self)
            action.setObjectName(f"action_{spec.name}")
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            action.setCheckable(spec.checkable)
            action.setToolTip(spec.tip or spec.text.replace("&", ""))
            slot = spec.trigger(self)
            if spec.checkable:
                action.toggled.connect(slot)
            else:
                action.triggered.connect(slot)
            menu.addAction(action)
            self._actions[spec.name] = action
            if spec.menu == "&View" and spec.name == "resetView":
                menu.addSeparator()
                theme_menu = menu.addMenu("&Theme")
                group = QActionGroup(self)
                for theme in THEMES:
                    theme_action = QAction(theme.capitalize(), self, checkable=True)
                    theme_action.setObjectName(f"action_theme_{theme}")
                    theme_action.setData(theme)
                    group.addAction(theme_action)
                    theme_menu.addAction(theme_action)
                    self._actions[f"theme_{theme}"] = theme_action
                group.triggered.connect(self._theme_chosen)

    def action(self, name: str) -> QAction:
        """The menu action called ``name`` (see :data:`ACTIONS`)."""
        return self._actions[name]

    # -- views of the current function -------------------------------------------------------
    def _show_activation(self, act: Any, params: dict[str, Any]) -> None:
        self.title.setText(act.name)
        self.key_label.setText(act.key)
        self.formula.set_formula(act.formula.latex, act.formula.text)
        self.summary.setText(act.description.summary)
        if act.key != self._shown_key:
            self._shown_key = act.key
            self.properties.set_activation(act, params)
        else:
            self.properties.set_params(params)
        vector = isinstance(act, VectorActivation)
        if vector:
            self._softmax_view()
        self.views.setCurrentIndex(1 if vector else 0)
        for part in self._curve_only:
            part.setVisible(not vector)
        self.setWindowTitle(f"{act.name} — ActExplorer")

    def _softmax_view(self) -> SoftmaxView:
        if self.views.count() == 1:
            from actexplorer.gui.softmax_view import SoftmaxView

            view = SoftmaxView()
            self.views.addWidget(view)
        return self.views.widget(1)  # type: ignore[return-value]

    @property
    def softmax_view(self) -> SoftmaxView:
        """The softmax family's view (built on first use)."""
        return self._softmax_view()

    def _busy_changed(self, busy: bool) -> None:
        self.busy_label.setText(f"Sampling {self.state.n_samples:,} inputs…")
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)

    # -- commands ----------------------------------------------------------------------------
    def focus_search(self) -> None:
        """Put the cursor in the picker's search box."""
        self.picker.search.setFocus()
        self.picker.search.selectAll()

    def set_log_derivative(self, on: bool) -> None:
        """Switch the log |f′| view."""
        self.state.log_derivative = on

    def set_show_input(self, on: bool) -> None:
        """Show or hide the input histogram."""
        self.state.show_input_histogram = on

    def unpin_last(self) -> None:
        """Remove the most recent pin."""
        if self.state.pins:
            self.state.unpin(len(self.state.pins) - 1)

    def _theme_chosen(self, action: QAction) -> None:
        self.state.theme = action.data()

    def _sync_actions(self, *_: object) -> None:
        for name, value in (
            ("logDerivative", self.state.log_derivative),
            ("showInputs", self.state.show_input_histogram),
            (f"theme_{self.state.theme}", True),
        ):
            action = self._actions[name]
            action.blockSignals(True)
            action.setChecked(value)
            action.blockSignals(False)

    def save_image_dialog(self) -> None:
        """Ask for a file name and save the window as a PNG."""
        path, _ = QFileDialog.getSaveFileName(
            self, "Save image", f"{self.state.activation}.png", "PNG images (*.png)"
        )
        if path:
            self.grab().save(path, "PNG")

    def show_about(self) -> None:
        """Version and a one-line description."""
        QMessageBox.about(
            self,
            "About ActExplorer",
            f"<b>ActExplorer {__version__}</b><p>See and understand neural-network activation "
            "functions: exact curves, derivatives and statistics.</p>",
        )

    # -- look --------------------------------------------------------------------------------
    def use_app_wide_look(self, on: bool = True) -> None:
        """Also apply the theme to the whole application (menus, dialogs); the app does this."""
        self._app_wide_look = on
        self._apply_theme()

    def _system_scheme_changed(self, *_: object) -> None:
        if self.state.theme == "auto":
            self._apply_theme()

    def _apply_theme(self, *_: object) -> None:
        look = resolve_look(self.state.theme)
        palette = palette_for(look)
        sheet = stylesheet_for(look)
        app = QApplication.instance()
        if self._app_wide_look and isinstance(app, QApplication):
            app.setPalette(palette)
            app.setStyleSheet(sheet)
        else:
            self.setPalette(palette)
            self.setStyleSheet(sheet)
        self.plots.set_look(look)
        self.controller.set_look(look)
        self._sync_actions()

    # -- settings ----------------------------------------------------------------------------
    def _read_state(self) -> list[str]:
        if self._settings is None:
            return []
        text = self._settings.value("state", "", type=str)
        if not isinstance(text, str) or not text:
            return []
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return ["saved state unreadable"]
        if not isinstance(data, dict):
            return ["saved state unreadable"]
        return self.state.update_from_dict(data)

    def _restore_layout(self) -> None:
        if self._settings is None:
            return
        geometry = self._bytes("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self._bytes("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        left = self._bytes("leftSplitter")
        if left is not None:
            self.left_splitter.restoreState(left)

    def _bytes(self, key: str) -> QByteArray | None:
        # A hand-edited or foreign settings file may hold anything under these keys.
        assert self._settings is not None
        value = self._settings.value(key, QByteArray(), type=QByteArray)
        if not isinstance(value, QByteArray) or value.isEmpty():
            return None
        return value

    def save_settings(self) -> None:
        """Write the state and the window layout to the settings (if any)."""
        if self._settings is None:
            return
        self._settings.setValue("version", SETTINGS_VERSION)
        self._settings.setValue("state", json.dumps(self.state.to_dict()))
        self._settings.setValue("geometry", self.saveGeometry())
        self._settings.setValue("splitter", self.splitter.saveState())
        self._settings.setValue("leftSplitter", self.left_splitter.saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save settings and stop background work before the window goes."""
        self.save_settings()
        if not self._closed:
            self._closed = True
            self.runner.shutdown()
            self.controller.disconnect_state()
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._system_scheme_changed)
        super().closeEvent(event)

    # -- for screenshots and tests -----------------------------------------------------------
    def wait_until_idle(self, timeout_s: float = 60.0) -> bool:
        """Let pending statistics arrive and formulas typeset (before a screenshot)."""
        QApplication.processEvents()
        done = self.runner.wait_idle(timeout_s)
        QApplication.processEvents()
        self.formula.ensure_rendered()
        QApplication.processEvents()
        return done
