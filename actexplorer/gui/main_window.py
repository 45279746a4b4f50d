"""The main window: the explorer (picker, panels, plots) and the deep-network lab as two views,
with menus built from :data:`~actexplorer.gui.actions.ACTIONS`.

It holds no maths and no choices of its own: the choices are :attr:`MainWindow.state` (shared
with the lab) and :attr:`MainWindow.lab_state`, the wiring is
:class:`~actexplorer.gui.controller.ExplorerController`, the exports are
:class:`~actexplorer.gui.export_commands.ExportCommands`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from actexplorer import __version__
from actexplorer.core import VectorActivation
from actexplorer.core import locale as core_locale
from actexplorer.custom_functions import CustomFunctions
from actexplorer.gui import i18n
from actexplorer.gui.actions import ACTIONS, VIEW_ACTIONS, ActionSpec, build_menus
from actexplorer.gui.cards import PropertiesCard, StatisticsPanel
from actexplorer.gui.controller import ExplorerController
from actexplorer.gui.custom_editor import CustomCommands
from actexplorer.gui.export_commands import ExportCommands
from actexplorer.gui.formula import FormulaView
from actexplorer.gui.icons import app_icon
from actexplorer.gui.panels import (
    ComparePanel,
    InputPanel,
    ParameterPanel,
    ViewPanel,
    section_title,
)
from actexplorer.gui.picker import PickerPanel
from actexplorer.gui.plots import PlotsView
from actexplorer.gui.presentation import PresentationMode
from actexplorer.gui.scene_commands import SceneCommands
from actexplorer.gui.stats_runner import StatsRunner
from actexplorer.gui.theme import (
    Look,
    apply_touches,
    flat_splitter,
    palette_for,
    resolve_look,
    set_role,
)
from actexplorer.history import History
from actexplorer.lab_state import LabState
from actexplorer.state import ExplorerState

if TYPE_CHECKING:
    from actexplorer.gui.animation_panel import AnimationPanel
    from actexplorer.gui.lab.lab_panel import LabPanel
    from actexplorer.gui.softmax_view import SoftmaxView

SETTINGS_VERSION = 1

__all__ = ["ACTIONS", "VIEWS", "ActionSpec", "MainWindow"]

#: The window's views: the explorer, then each page of the deep-network lab ("lab-<page>").
VIEWS: tuple[str, ...] = tuple(view for view, _text in VIEW_ACTIONS)
_LAB_PREFIX = "lab-"
_LAB_KEY = "lab"
_VIEW_KEY = "view"


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    set_role(line, "separator")
    return line


class MainWindow(QMainWindow):
    """The explorer and the deep-network lab; ``settings`` (optional) are read at start and
    written on close.

    The lab (:attr:`lab`) is built the first time it is shown: it costs as much as the rest of
    the window and the app usually opens on the explorer. Its settings (:attr:`lab_state`) exist
    from the start so they are restored and saved either way. ``app_wide_look`` gives the
    whole application the theme's palette, not only this window.
    """

    def __init__(
        self,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        app_wide_look: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actexplorerMainWindow")
        self.setWindowTitle("ActExplorer")
        self._settings = settings
        self._app_wide_look = app_wide_look
        self._closed = False
        self.state = ExplorerState()
        self.lab_state = LabState()
        self._lab: LabPanel | None = None
        self.custom_functions = CustomFunctions()
        restored = self._read_state()
        # Styled before any widget exists, so each is polished once as it is built: styling
        # afterwards repolishes every widget, the dearest step of the start.
        self._apply_style(resolve_look(self.state.theme))
        # After the settings are read: restoring them is not a step to undo.
        self.history = History(self.state, self.lab_state)

        self.picker = PickerPanel()
        self.parameters = ParameterPanel(history=lambda: self.history)
        self.inputs = InputPanel(history=lambda: self.history)
        self.compare = ComparePanel()
        self.view_panel = ViewPanel()
        self.plots = PlotsView()
        self.runner = StatsRunner(self)
        self.statistics = StatisticsPanel()
        self.properties = PropertiesCard()
        self._shown_key: str | None = None
        self._shown_act: Any = None
        self._actions: dict[str, QAction] = {}

        self.title = QLabel()
        self.title.setObjectName("activationTitle")
        set_role(self.title, "title")
        self.key_label = QLabel()
        set_role(self.key_label, "muted")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula = FormulaView()
        self.formula.set_font_size(14.0)
        self.summary = QLabel()
        self.summary.setObjectName("activationSummary")
        set_role(self.summary, "muted")
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
        self.runner.busyShown.connect(self.statistics.set_busy)
        self.statistics.set_stats(self.controller.stats)
        self.runner.busyShown.connect(self._busy_changed)
        self.exports = ExportCommands(
            self, self.state, self.controller, self.plots, self.runner, settings
        )
        self.scenes = SceneCommands(self, settings)
        self.custom_commands = CustomCommands(self)
        self.presentation = PresentationMode(self)
        self._animation: AnimationPanel | None = None
        self._actions = build_menus(self, self.menuBar(), ACTIONS)
        self.scenes.bind_menus()
        self.presentation.bind_menus()
        self.custom_commands.sync_actions()
        self.setAcceptDrops(True)
        self.setWindowIcon(app_icon())
        self.view_tabs.currentChanged.connect(self._view_changed)
        self.state.events.theme.connect(self._apply_theme)
        self.state.events.log_derivative.connect(self._sync_actions)
        self.state.events.show_input_histogram.connect(self._sync_actions)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self._apply_theme()
        self._sync_actions()
        self.resize(1280, 800)
        self._restore_layout()
        self._sync_export_actions()
        self.retranslate()
        if restored:
            #: Separates the problems found in the saved settings.
            listed = self.tr("; ").join(restored)
            self.statusBar().showMessage(
                self.tr("Settings restored: {problems}").format(problems=listed), 8000
            )

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
        scroll.setFrameShape(QFrame.Shape.NoFrame)
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
        flat_splitter(left)
        flat_splitter(self.splitter)

        # The lab's page is an empty holder until the lab is first shown.
        self.lab_holder = QWidget()
        self.lab_holder.setObjectName("labHolder")
        holder_layout = QVBoxLayout(self.lab_holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        self.view_tabs = QTabWidget()
        self.view_tabs.setObjectName("viewTabs")
        self.view_tabs.setDocumentMode(True)
        # Titles and tooltips are written by retranslate().
        self.view_tabs.addTab(self.splitter, "")
        self.view_tabs.addTab(self.lab_holder, "")
        self.setCentralWidget(self.view_tabs)

        self.readout = QLabel()
        self.readout.setObjectName("crosshairReadout")
        self.busy_label = QLabel()
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

    def action(self, name: str) -> QAction:
        """The menu action called ``name`` (see :data:`ACTIONS`)."""
        return self._actions[name]

    # -- the explorer and the lab -------------------------------------------------------------
    @property
    def lab(self) -> LabPanel:
        """The deep-network lab (built on first use), sharing :attr:`state`."""
        return self._ensure_lab()

    def _ensure_lab(self) -> LabPanel:
        if self._lab is None:
            from actexplorer.gui.lab.lab_panel import LabPanel

            self._lab = LabPanel(self.state, self.lab_state)
            self._lab.set_look(resolve_look(self.state.theme))
            self.lab_holder.layout().addWidget(self._lab)
            # A child added to a shown parent stays hidden until shown (a layout only queues it).
            self._lab.show()
            self._lab.tabs.currentChanged.connect(self._sync_actions)
        return self._lab

    @property
    def lab_built(self) -> bool:
        """Whether the lab has been built (it is built when first shown)."""
        return self._lab is not None

    def show_view(self, view: str) -> None:
        """Bring ``view`` (one of :data:`VIEWS`: the explorer or a lab page) to the front."""
        if view not in VIEWS:
            raise ValueError(f"view must be one of {', '.join(VIEWS)}; got {view!r}")
        if view.startswith(_LAB_PREFIX):
            # The page first, so a lab built now does not start work for another page.
            self.lab.show_page(view.removeprefix(_LAB_PREFIX))
            self.view_tabs.setCurrentWidget(self.lab_holder)
        else:
            self.view_tabs.setCurrentWidget(self.splitter)
        self._sync_actions()

    def current_view(self) -> str:
        """The view in front (one of :data:`VIEWS`)."""
        if self.view_tabs.currentWidget() is not self.lab_holder:
            return VIEWS[0]
        from actexplorer.gui.lab.lab_panel import PAGES

        return _LAB_PREFIX + PAGES[self.lab.tabs.currentIndex()]

    def _view_changed(self, index: int) -> None:
        if self.view_tabs.widget(index) is self.lab_holder:
            self._ensure_lab()
        self._sync_actions()

    # -- views of the current function -------------------------------------------------------
    def _show_activation(self, act: Any, params: dict[str, Any]) -> None:
        if act.key == self._shown_key:
            # A parameter moved: only the facts depend on it. Touching the header would relayout
            # and repaint the whole window on every slider step.
            self.properties.set_params(params)
            return
        self._shown_key = act.key
        self._shown_act = act
        self.key_label.setText(act.key)
        self.formula.set_formula(act.formula.latex, act.formula.text)
        self._retranslate_header()
        self.properties.set_activation(act, params)
        vector = isinstance(act, VectorActivation)
        if vector:
            self._softmax_view()
        self.views.setCurrentIndex(1 if vector else 0)
        for part in self._curve_only:
            part.setVisible(not vector)
        self._sync_export_actions()

    def _retranslate_header(self) -> None:
        """The shown function's name, summary and the window title in the current language."""
        act = self._shown_act
        if act is None:
            self.setWindowTitle("ActExplorer")
            return
        name = core_locale.display_name(act)
        self.title.setText(name)
        # A custom function's summary is a core message around the user's expression.
        self.summary.setText(core_locale.message_text(core_locale.describe(act).summary))
        self.setWindowTitle(self.tr("{name} — ActExplorer").format(name=name))

    def retranslate(self) -> None:
        """Write the window's own texts (tabs, header, status) in the current language."""
        tabs = self.view_tabs
        tabs.setTabText(0, self.tr("Explorer"))
        tabs.setTabToolTip(0, self.tr("One function: curves, derivative, statistics (Ctrl+1)"))
        tabs.setTabText(1, self.tr("Deep networks"))
        tabs.setTabToolTip(
            1, self.tr("The function in deep networks: depth, edge of chaos, training (Ctrl+2..4)")
        )
        self._busy_changed(not self.busy_label.isHidden())
        self._retranslate_header()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _softmax_view(self) -> SoftmaxView:
        if self.views.count() == 1:
            from actexplorer.gui.softmax_view import SoftmaxView

            view = SoftmaxView()
            self.views.addWidget(view)
        return self.views.widget(1)  # type: ignore[return-value]

    @property
    def animation(self) -> AnimationPanel:
        """The "Animate" dock (built on first use: it starts hidden)."""
        if self._animation is None:
            from actexplorer.gui.animation_panel import AnimationPanel

            panel = AnimationPanel(
                self.state,
                self.plots,
                views=self.views,
                runner=self.runner,
                exports=self.exports,
                parent=self,
            )
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
            panel.bind_action(self.action("animateParameter"))
            self._animation = panel
        return self._animation

    @property
    def softmax_view(self) -> SoftmaxView:
        """The softmax family's view (built on first use)."""
        return self._softmax_view()

    def _busy_changed(self, busy: bool) -> None:
        self.busy_label.setText(
            self.tr("Sampling {count} inputs…").format(count=f"{self.state.n_samples:,}")
        )
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

    def set_language(self, choice: str) -> None:
        """Switch the window to ``choice`` ("system", "en" or "zh_CN") now and remember it."""
        i18n.set_language(QApplication.instance(), choice)
        i18n.store_choice(self._settings, choice)
        self._sync_actions()

    def set_theme(self, theme: str) -> None:
        """Use the look ``theme`` (auto, light or dark)."""
        self.state.theme = theme

    def _sync_actions(self, *_: object) -> None:
        if not self._actions:
            return  # called while the window is being built
        for name, value in (
            ("logDerivative", self.state.log_derivative),
            ("showInputs", self.state.show_input_histogram),
        ):
            action = self._actions[name]
            action.blockSignals(True)  # toggled would write the state back
            action.setChecked(value)
            action.blockSignals(False)
        # Choices in exclusive groups act on triggered, which setChecked does not send; their
        # signals must flow so the group unchecks the previous choice.
        self._actions[f"theme_{self.state.theme}"].setChecked(True)
        self._actions[f"language_{i18n.current_choice()}"].setChecked(True)
        self._actions[f"view_{self.current_view()}"].setChecked(True)

    def _sync_export_actions(self) -> None:
        # A vector function's view has no curves, histograms or statistics to export.
        curves = not isinstance(self.state.current, VectorActivation)
        for name, action in self._actions.items():
            if name.startswith("export_"):
                action.setEnabled(curves)

    def show_about(self) -> None:
        """Version and a one-line description."""
        QMessageBox.about(
            self,
            self.tr("About ActExplorer"),
            self.tr(
                "<b>ActExplorer {version}</b><p>See and understand neural-network activation "
                "functions: exact curves, derivatives and statistics.</p>"
            ).format(version=__version__),
        )

    # -- look --------------------------------------------------------------------------------
    def use_app_wide_look(self, on: bool = True) -> None:
        """Also apply the theme's palette to the whole application (windows of their own).

        The app asks for this at construction instead (``app_wide_look=True``)."""
        self._app_wide_look = on
        self._apply_theme()

    def _system_scheme_changed(self, *_: object) -> None:
        if self.state.theme == "auto":
            self._apply_theme()

    def _apply_theme(self, *_: object) -> None:
        look = resolve_look(self.state.theme)
        self._apply_style(look)
        self.plots.set_look(look)
        self.controller.set_look(look)
        if self._lab is not None:
            self._lab.set_look(look)
        self._sync_actions()

    def _apply_style(self, look: Look) -> None:
        """The palette of ``look`` (on the application when app-wide) and its style sheet."""
        palette = palette_for(look)
        app = QApplication.instance()
        target: QApplication | QWidget = self
        if self._app_wide_look and isinstance(app, QApplication):
            target = app
        # Setting an unchanged palette still repolishes every widget.
        if target.palette() != palette:
            target.setPalette(palette)
        # Section titles, muted and error texts, invalid fields, splitter handles: each styled
        # widget carries its own small sheet (see theme.apply_touches), not the window, whose
        # sheet would send every widget through the style-sheet engine.
        apply_touches(look)

    # -- settings ----------------------------------------------------------------------------
    def _read_state(self) -> list[str]:
        if self._settings is None:
            return []
        problems: list[str] = []
        # Custom functions first: the saved state may show or pin one.
        custom = self._json("custom")
        if custom is not None:
            found = self.custom_functions.update_from_list(custom)
            problems += [core_locale.message_text(p) for p in found]
        for key, target, unreadable in (
            ("state", self.state, self.tr("saved state unreadable")),
            (_LAB_KEY, self.lab_state, self.tr("saved lab settings unreadable")),
        ):
            data = self._json(key)
            if data is None:
                continue
            if not isinstance(data, dict):
                problems.append(unreadable)
                continue
            for problem in target.update_from_dict(data):
                text = core_locale.message_text(problem)
                if target is not self.state:
                    text = self.tr("lab {problem}").format(problem=text)
                problems.append(text)
        return problems

    def _json(self, key: str) -> object:
        """The JSON value saved under ``key``; None when absent, "" when unreadable."""
        assert self._settings is not None
        text = self._settings.value(key, "", type=str)
        if not isinstance(text, str) or not text:
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return ""

    def _restore_layout(self) -> None:
        if self._settings is None:
            return
        view = self._settings.value(_VIEW_KEY, VIEWS[0], type=str)
        if view in VIEWS and view != VIEWS[0]:
            self.show_view(view)
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
        self._settings.setValue("custom", json.dumps(self.custom_functions.to_list()))
        self._settings.setValue(_LAB_KEY, json.dumps(self.lab_state.to_dict()))
        self._settings.setValue(_VIEW_KEY, self.current_view())
        self._settings.setValue("geometry", self.saveGeometry())
        self._settings.setValue("splitter", self.splitter.saveState())
        self._settings.setValue("leftSplitter", self.left_splitter.saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save settings and stop background work before the window goes."""
        self.save_settings()
        if not self._closed:
            self._closed = True
            if self._lab is not None:
                self._lab.shutdown()  # stops its timers and waits for its workers
            self.runner.shutdown()
            self.controller.disconnect_state()
            self.scenes.shutdown()
            if self._animation is not None:
                self._animation.shutdown()
            self.history.disconnect()
            events = self.state.events
            events.theme.disconnect(self._apply_theme)
            events.log_derivative.disconnect(self._sync_actions)
            events.show_input_histogram.disconnect(self._sync_actions)
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._system_scheme_changed)
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a scene or lecture file dragged onto the window."""
        self.scenes.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the scene or lecture file dropped onto the window."""
        self.scenes.drop(event)

    # -- for screenshots and tests -----------------------------------------------------------
    def wait_until_idle(self, timeout_s: float = 60.0) -> bool:
        """Let pending statistics arrive, axes settle, formulas typeset and the lab page in
        front finish its work (before a screenshot); False if something did not finish in time."""
        QApplication.processEvents()
        done = self.runner.wait_idle(timeout_s)
        QApplication.processEvents()
        self.plots.settle_now()
        self.formula.ensure_rendered()
        if self._lab is not None and self.view_tabs.currentWidget() is self.lab_holder:
            done = self._lab.wait_until_idle(timeout_s) and done
        QApplication.processEvents()
        return done
