"""Presentation mode: the explorer as a lecturer projects it, and the keys that drive a talk.

F11 (View ▸ Presentation mode) makes the window full screen, switches to a high-contrast projector
look with large fonts and thick lines, and hides what the audience does not need (the menu bar,
the view tabs, the picker with the properties, the side panel), leaving the title, the formula, a
one-line parameter strip and the plots. F11 or Esc put back exactly what was there before: window
state, geometry, splitter sizes, look and visible panels.

While the mode is on, single keys (:data:`PRESENTATION_KEYS`) step functions, move the first
parameter, toggle plots and zoom; a focused text field keeps its keys (Qt gives a line edit the
keys it edits with before any shortcut).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QRect,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSlider,
    QToolBar,
    QWidget,
)

from actexplorer.core import ParamSpec, VectorActivation
from actexplorer.core import locale as core_locale
from actexplorer.gui._qt import signals_blocked
from actexplorer.gui.actions import VIEW_ACTIONS
from actexplorer.gui.params import SLIDER_STEPS, SliderScale, format_number
from actexplorer.gui.theme import (
    Look,
    apply_touches,
    palette_for,
    presentation_look,
    resolve_look,
)
from actexplorer.state import MIN_X_WIDTH, X_LIMIT, ExplorerState

if TYPE_CHECKING:
    from actexplorer.gui.main_window import MainWindow
    from actexplorer.gui.shortcut_sheet import ShortcutSheet
    from actexplorer.history import History

#: One zoom step multiplies (out) or divides (in) the width of the x window by this.
ZOOM_FACTOR = 1.5
#: Up/Down move the first parameter by this share of its slider.
NUDGE_STEPS = SLIDER_STEPS // 50
#: Sizes in presentation mode (points): what reads from the back of a lecture hall at 1080p.
TITLE_PT = 34.0
FORMULA_PT = 28.0
TEXT_PT = 18.0
STATUS_PT = 16.0
#: The view presentation mode shows (the window's first).
_EXPLORER = VIEW_ACTIONS[0][0]


@dataclass(frozen=True, slots=True)
class PresentationKey:
    """A key that works only in presentation mode: the keys, what it does, the method called.

    ``text`` is marked ``QT_TRANSLATE_NOOP("PresentationMode", ...)``; :meth:`label` gives it in
    the current language.
    """

    keys: tuple[str, ...]
    text: str
    command: str

    def label(self) -> str:
        """What the key does, in the current language."""
        return QCoreApplication.translate("PresentationMode", self.text)


#: The keys of presentation mode, in the order of the shortcut sheet. Keys that menu actions
#: already own (Page Down/Up, F11, F1) are not repeated: two bindings would cancel each other.
PRESENTATION_KEYS: tuple[PresentationKey, ...] = (
    PresentationKey(
        ("Right",),
        QT_TRANSLATE_NOOP("PresentationMode", "Next function, or next scene of a lecture"),
        "step_forward",
    ),
    PresentationKey(
        ("Left",),
        QT_TRANSLATE_NOOP("PresentationMode", "Previous function, or previous scene"),
        "step_back",
    ),
    PresentationKey(
        ("Up",), QT_TRANSLATE_NOOP("PresentationMode", "Move the first parameter up"), "nudge_up"
    ),
    PresentationKey(
        ("Down",),
        QT_TRANSLATE_NOOP("PresentationMode", "Move the first parameter down"),
        "nudge_down",
    ),
    PresentationKey(
        ("R",), QT_TRANSLATE_NOOP("PresentationMode", "Reset the parameters"), "reset_params"
    ),
    PresentationKey(
        ("D",),
        QT_TRANSLATE_NOOP("PresentationMode", "Show or hide the derivative"),
        "toggle_derivative",
    ),
    PresentationKey(
        ("H",),
        QT_TRANSLATE_NOOP("PresentationMode", "Show or hide the histograms"),
        "toggle_histograms",
    ),
    PresentationKey(
        ("C",),
        QT_TRANSLATE_NOOP("PresentationMode", "Show or hide the compared (pinned) functions"),
        "toggle_pins",
    ),
    PresentationKey(("+", "="), QT_TRANSLATE_NOOP("PresentationMode", "Zoom in on x"), "zoom_in"),
    PresentationKey(("-",), QT_TRANSLATE_NOOP("PresentationMode", "Zoom out on x"), "zoom_out"),
    PresentationKey(
        ("0",), QT_TRANSLATE_NOOP("PresentationMode", "Reset the x range"), "reset_zoom"
    ),
    PresentationKey(
        ("Esc",), QT_TRANSLATE_NOOP("PresentationMode", "Leave presentation mode"), "leave"
    ),
)


def zoomed(x_range: tuple[float, float], factor: float) -> tuple[float, float]:
    """The x window scaled by ``factor`` about its centre c: [c − f·w/2, c + f·w/2], kept
    inside ±X_LIMIT and at least a few MIN_X_WIDTH wide."""
    low, high = x_range
    width = min(max((high - low) * factor, 4 * MIN_X_WIDTH), 2 * X_LIMIT)
    centre = min(max(0.5 * (low + high), -X_LIMIT + width / 2), X_LIMIT - width / 2)
    return (max(centre - width / 2, -X_LIMIT), min(centre + width / 2, X_LIMIT))


def first_number_param(specs: tuple[ParamSpec, ...]) -> ParamSpec | None:
    """The first numeric parameter (the one the strip's slider moves), if any."""
    return next((spec for spec in specs if not spec.is_choice), None)


class ParameterStrip(QWidget):
    """One line under the formula: a slider for the first numeric parameter and the values of
    all parameters, so a lecturer can move a parameter without the side panel.

    With a ``history``, a drag of the slider (press to release) is one undo step.
    """

    def __init__(
        self,
        state: ExplorerState,
        history: History | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presentationStrip")
        self._state = state
        self._history = history
        self._dragging = False
        self._spec: ParamSpec | None = None
        self._scale: SliderScale | None = None
        self.name_label = QLabel()
        self.name_label.setObjectName("presentationParamName")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("presentationSlider")
        self.slider.setRange(0, SLIDER_STEPS)
        # The arrows belong to the talk (next function, nudge); the slider is for the mouse.
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slider.setMinimumWidth(320)
        self.slider.setMaximumWidth(640)
        self.values_label = QLabel()
        self.values_label.setObjectName("presentationParamValues")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(16)
        layout.addWidget(self.name_label)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.values_label, 1)
        self.slider.valueChanged.connect(self._slid)
        self.slider.sliderPressed.connect(self._drag_started)
        self.slider.sliderReleased.connect(self._drag_finished)

    @property
    def spec(self) -> ParamSpec | None:
        """The parameter the slider moves (None when the function has no numeric one)."""
        return self._spec

    def refresh(self, *_: object) -> None:
        """Show the current function's parameters from the state; nothing is emitted."""
        act = self._state.current
        params = self._state.params
        if isinstance(act, VectorActivation):
            # The softmax view has its own parameter sliders: a second one would only confuse.
            self.setVisible(False)
            return
        spec = first_number_param(tuple(act.params))
        if spec != self._spec:
            self._spec = spec
            self._scale = SliderScale.for_spec(spec) if spec is not None else None
        self.setVisible(bool(act.params))
        self.name_label.setVisible(spec is not None)
        self.slider.setVisible(spec is not None)
        if spec is not None and self._scale is not None:
            self.name_label.setText(spec.name)
            self.name_label.setToolTip(core_locale.param_help(act, spec.name) or spec.name)
            with signals_blocked(self.slider):
                self.slider.setValue(self._scale.to_step(float(params[spec.name])))
        self.values_label.setText("    ".join(f"{n} = {_shown(v)}" for n, v in params.items()))

    def changeEvent(self, event: QEvent) -> None:
        """Show the parameter's help in the new language (names and values stay)."""
        # Hidden outside presentation mode, and refresh would show it: leave it hidden then.
        if event.type() == QEvent.Type.LanguageChange and not self.isHidden():
            self.refresh()
        super().changeEvent(event)

    def _drag_started(self) -> None:
        if self._history is not None and not self._dragging:
            self._dragging = True
            self._history.begin_gesture()

    def _drag_finished(self) -> None:
        if self._history is not None and self._dragging:
            self._dragging = False
            self._history.end_gesture()

    def _slid(self, step: int) -> None:
        if self._spec is None or self._scale is None:
            return
        try:
            self._state.set_param(self._spec.name, self._scale.to_value(step))
        except ValueError:
            self.refresh()  # refused together with the others: show what the state holds


def _shown(value: object) -> str:
    return format_number(value) if isinstance(value, float) else str(value)


_SIZED_BY_SCREEN = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen


@dataclass(slots=True)
class _Saved:
    """What presentation mode changes, as it was before."""

    window_state: Qt.WindowState
    geometry: QRect
    #: The main window's docks and tool bars (QMainWindow.saveState): where and how large.
    docks: QByteArray
    splitter: QByteArray
    left_splitter: QByteArray
    hidden: dict[QWidget, bool]
    sheets: dict[QWidget, str]
    palettes: dict[QWidget, QPalette | None]
    auto_fill: dict[QWidget, bool]
    formula_pt: float
    #: The view in front before (the mode shows the explorer; a lab page comes back after).
    view: str


class PresentationMode(QObject):
    """Owns presentation mode for one :class:`MainWindow` and the keys used in a talk."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("presentationMode")
        self._window = window
        self._state = window.state
        self._saved: _Saved | None = None
        self._full_screen = True
        self._sheet: ShortcutSheet | None = None
        self._after_leaving: list[Callable[[], None]] = []
        self.strip = ParameterStrip(window.state, window.history)
        self.strip.hide()
        centre = window.formula.parentWidget()
        layout = centre.layout() if centre is not None else None
        if layout is not None and hasattr(layout, "insertWidget"):
            layout.insertWidget(layout.indexOf(window.summary) + 1, self.strip)
        #: The lecture's scene on screen ("title" over "2 / 5"), right of the formula.
        self.scene_label = QLabel()
        self.scene_label.setObjectName("presentationScene")
        self.scene_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.scene_label.hide()
        header = _layout_holding(layout, window.formula) if layout is not None else None
        if header is not None:
            header.addWidget(self.scene_label)
        scenes = getattr(window, "scenes", None)
        if scenes is not None:
            scenes.dock.scenesShown.connect(self._show_scene)
        self._shortcuts: list[QShortcut] = []
        for entry in PRESENTATION_KEYS:
            for key in entry.keys:
                shortcut = QShortcut(QKeySequence(key), window)
                shortcut.setObjectName(f"presentationKey_{key}")
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.setEnabled(False)
                shortcut.activated.connect(getattr(self, entry.command))
                self._shortcuts.append(shortcut)
        events = self._state.events
        for signal in (events.show_derivative, events.show_histograms, events.show_pins):
            signal.connect(self._sync_actions)
        window.installEventFilter(self)

    def bind_menus(self) -> None:
        """Hook into the window's actions once its menus are built."""
        actions = self._actions()
        # With the menu bar hidden, only actions added to the window itself keep their keys.
        self._window.addActions(list(actions.values()))
        sheet_action = actions.get("shortcuts")
        if sheet_action is not None:
            sheet_action.setShortcuts([QKeySequence("F1"), QKeySequence("?")])
        self._sync_actions()

    def _actions(self) -> dict[str, QAction]:
        return getattr(self._window, "_actions", {})

    # -- the mode ----------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        """Whether presentation mode is on."""
        return self._saved is not None

    def toggle(self) -> None:
        """Enter presentation mode, or leave it."""
        self.set_active(not self.active)

    def leave(self) -> None:
        """Leave presentation mode (back to the layout from before)."""
        self.set_active(False)

    def set_active(self, on: bool, *, full_screen: bool = True) -> None:
        """Switch presentation mode; ``full_screen`` False keeps the window's size (screenshots)."""
        if on == self.active:
            self._sync_actions()
            return
        if on:
            self._full_screen = full_screen
            self._enter()
        else:
            self._leave()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(on)
        self._sync_actions()

    def _panels(self) -> list[QWidget]:
        w = self._window
        # Docks and tool bars (the scene list, ...) are panels the audience does not need either.
        extras = [
            child
            for child in w.children()
            if isinstance(child, (QDockWidget, QToolBar)) and not child.isHidden()
        ]
        return [
            w.menuBar(),
            w.view_tabs.tabBar(),
            w.splitter.widget(0),
            w.splitter.widget(2),
            *extras,
        ]

    def _enter(self) -> None:
        w = self._window
        styled = [w.view_tabs, w.statusBar()]
        filled = [w.splitter, w.statusBar()]
        panels = self._panels()
        self._saved = _Saved(
            window_state=w.windowState(),
            geometry=w.geometry(),
            docks=w.saveState(),
            splitter=w.splitter.saveState(),
            left_splitter=w.left_splitter.saveState(),
            hidden={panel: panel.isHidden() for panel in panels},
            sheets={widget: widget.styleSheet() for widget in styled},
            palettes={
                widget: QPalette(widget.palette())
                if widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette)
                else None
                for widget in styled
            },
            auto_fill={widget: widget.autoFillBackground() for widget in filled},
            formula_pt=w.formula.font_size(),
            view=w.current_view(),
        )
        # The mode's header, strip and keys all work on the explorer: a talk started from a lab
        # page shows the explorer, and the lab page comes back when the talk ends.
        explorer = _EXPLORER
        if self._saved.view != explorer:
            w.show_view(explorer)
        for panel in panels:
            panel.hide()
        for widget in filled:
            widget.setAutoFillBackground(True)
        self.strip.refresh()
        events = self._state.events
        events.activation.connect(self.strip.refresh)
        events.activation.connect(self._activation_shown)
        events.params.connect(self.strip.refresh)
        events.theme.connect(self._restyle)
        w.formula.set_font_size(FORMULA_PT)
        w.view_tabs.currentChanged.connect(self._view_changed)
        self._show_scene()
        self._restyle()
        if self._full_screen:
            w.setWindowState(w.windowState() | Qt.WindowState.WindowFullScreen)
        w.statusBar().showMessage(
            self.tr("Presentation mode: F11 or Esc to leave, F1 for the keys"), 6000
        )

    def _leave(self) -> None:
        saved = self._saved
        assert saved is not None
        self._saved = None
        w = self._window
        events = self._state.events
        events.activation.disconnect(self.strip.refresh, missing_ok=True)
        events.activation.disconnect(self._activation_shown, missing_ok=True)
        events.params.disconnect(self.strip.refresh, missing_ok=True)
        events.theme.disconnect(self._restyle, missing_ok=True)
        self.strip.hide()
        w.view_tabs.currentChanged.disconnect(self._view_changed)
        self._show_scene()
        self._style_vector_view(1.0)
        w.statusBar().clearMessage()
        for widget, sheet in saved.sheets.items():
            widget.setStyleSheet(sheet)
        for widget, palette in saved.palettes.items():
            # A palette with nothing set makes the widget inherit its parent's again.
            widget.setPalette(palette if palette is not None else QPalette())
        for widget, fill in saved.auto_fill.items():
            widget.setAutoFillBackground(fill)
        w.formula.set_font_size(saved.formula_pt)
        look = resolve_look(self._state.theme)
        w.plots.set_look(look)
        w.controller.set_look(look)
        apply_touches(look)
        for panel, hidden in saved.hidden.items():
            panel.setHidden(hidden)
        if w.current_view() != saved.view:
            w.show_view(saved.view)
        w.setWindowState(saved.window_state)
        if not saved.window_state & _SIZED_BY_SCREEN:
            # Not restoreGeometry: it would move a window larger than the screen onto it.
            w.setGeometry(saved.geometry)
        self._settle(saved)
        # A window manager may apply the window state later, resizing the splitters again:
        # put the sizes back once more when the event loop has caught up.
        QTimer.singleShot(0, self, partial(self._finish_leaving, saved))

    def after_leaving(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once presentation mode is over (now when it is off): a panel that
        asks to be shown during a talk (the Scenes dock of a lecture opened) waits for its end."""
        if not self.active:
            callback()
            return
        self._after_leaving.append(callback)

    def _finish_leaving(self, saved: _Saved) -> None:
        if self._saved is not None:
            return  # presenting again: what waits for the end waits for that one
        self._settle(saved)
        callbacks, self._after_leaving = self._after_leaving, []
        for callback in callbacks:
            callback()

    def _settle(self, saved: _Saved) -> None:
        """Put the docks and then the splitters back as they were before the mode."""
        if self._saved is not None:
            return  # presenting again already
        w = self._window
        w.restoreState(saved.docks)
        # The splitters fit their sizes to the room the docks leave: restore them once the
        # window is laid out with its docks.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout = w.layout()
        if layout is not None:
            layout.activate()
        w.splitter.restoreState(saved.splitter)
        w.left_splitter.restoreState(saved.left_splitter)

    def _show_scene(self) -> None:
        """Show the lecture's current scene and its number while presenting (else nothing)."""
        scenes = getattr(self._window, "scenes", None)
        index = scenes.current_index if scenes is not None and self.active else None
        if index is None or scenes is None or not 0 <= index < len(scenes.scenes):
            self.scene_label.hide()
            return
        number = self.tr("{number} / {count}").format(number=index + 1, count=len(scenes.scenes))
        title = scenes.scenes[index].title
        self.scene_label.setText(f"{title}\n{number}" if title else number)
        self.scene_label.setToolTip(self.tr("The scene of the lecture shown"))
        self.scene_label.show()

    def _view_changed(self, _index: int) -> None:
        """Keep a way back to the explorer visible if a lab page is brought up during a talk."""
        w = self._window
        w.view_tabs.tabBar().setVisible(w.current_view() != _EXPLORER)

    def _activation_shown(self, *_: object) -> None:
        # The softmax view is built the first time a vector function is shown: maybe just now.
        self._style_vector_view(presentation_look(resolve_look(self._state.theme)).font_scale)

    def _style_vector_view(self, scale: float) -> None:
        """The softmax view's type at ``scale`` times its size (it is built on first use)."""
        w = self._window
        if w.views.count() > 1:
            w.softmax_view.set_font_scale(scale)

    def _restyle(self, *_: object) -> None:
        """Apply the projector look of the current theme (again after a theme change)."""
        w = self._window
        look = presentation_look(resolve_look(self._state.theme))
        palette = palette_for(look)
        w.view_tabs.setPalette(palette)
        w.statusBar().setPalette(palette)
        w.view_tabs.setStyleSheet(_centre_sheet(look))
        w.statusBar().setStyleSheet(
            f"QStatusBar {{ background: {look.window}; }}"
            f"QStatusBar, QStatusBar QLabel {{ font-size: {STATUS_PT:g}pt; color: {look.text}; }}"
        )
        w.plots.set_look(look)
        w.controller.set_look(look)
        apply_touches(look)
        self._style_vector_view(look.font_scale)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Leave presentation mode before the window closes, so its saved layout is the real one."""
        if watched is self._window and event.type() == QEvent.Type.Close:
            if self.active:
                self.set_active(False)
            events = self._state.events
            for signal in (events.show_derivative, events.show_histograms, events.show_pins):
                signal.disconnect(self._sync_actions, missing_ok=True)
        return False

    # -- commands of a talk ------------------------------------------------------------------
    def step(self, delta: int) -> None:
        """The next (1) or previous (−1) scene when a lecture is open, else function."""
        scenes = getattr(self._window, "scenes", None)
        if scenes is not None and getattr(scenes, "has_lecture", False):
            scenes.step_scene(delta)
            return
        self._window.picker.tree.step(delta)

    def step_forward(self) -> None:
        """Next scene of a lecture, or next function."""
        self.step(1)

    def step_back(self) -> None:
        """Previous scene of a lecture, or previous function."""
        self.step(-1)

    def nudge(self, steps: int) -> None:
        """Move the first numeric parameter by ``steps`` slider steps."""
        spec = first_number_param(tuple(self._state.current.params))
        if spec is None:
            return
        scale = SliderScale.for_spec(spec)
        step = scale.to_step(float(self._state.params[spec.name])) + steps
        try:
            self._state.set_param(spec.name, scale.to_value(min(max(step, 0), SLIDER_STEPS)))
        except ValueError as exc:
            self._window.statusBar().showMessage(core_locale.error_text(exc), 4000)

    def nudge_up(self) -> None:
        """First parameter one nudge up."""
        self.nudge(NUDGE_STEPS)

    def nudge_down(self) -> None:
        """First parameter one nudge down."""
        self.nudge(-NUDGE_STEPS)

    def reset_params(self) -> None:
        """Every parameter back to its default."""
        self._state.reset_params()

    def toggle_derivative(self) -> None:
        """Show or hide the derivative plot."""
        self._state.show_derivative = not self._state.show_derivative

    def toggle_histograms(self) -> None:
        """Show or hide the histograms."""
        self._state.show_histograms = not self._state.show_histograms

    def toggle_pins(self) -> None:
        """Show or hide the pinned functions."""
        self._state.show_pins = not self._state.show_pins

    def zoom_in(self) -> None:
        """Narrow the x window about its centre."""
        self._state.x_range = zoomed(self._state.x_range, 1 / ZOOM_FACTOR)

    def zoom_out(self) -> None:
        """Widen the x window about its centre."""
        self._state.x_range = zoomed(self._state.x_range, ZOOM_FACTOR)

    def reset_zoom(self) -> None:
        """The default x window and fitted y ranges."""
        self._window.controller.reset_view()

    # -- the shortcut sheet ------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        """Open the sheet of every keyboard shortcut (Esc closes it)."""
        from actexplorer.gui.shortcut_sheet import ShortcutSheet

        if self._sheet is not None:
            self._sheet.close()
        sheet = ShortcutSheet(self._window, large=self.active)
        sheet.finished.connect(self._sheet_closed)
        self._sheet = sheet
        sheet.open()

    @property
    def sheet(self) -> ShortcutSheet | None:
        """The open shortcut sheet, if any."""
        return self._sheet

    def _sheet_closed(self, *_: object) -> None:
        self._sheet = None

    # -- menu check marks --------------------------------------------------------------------
    def _sync_actions(self, *_: object) -> None:
        actions = self._actions()
        for name, value in (
            ("presentation", self.active),
            ("showDerivative", self._state.show_derivative),
            ("showHistograms", self._state.show_histograms),
            ("showPins", self._state.show_pins),
        ):
            action = actions.get(name)
            if action is not None:
                with signals_blocked(action):  # toggled would write back
                    action.setChecked(value)


def _layout_holding(layout: QLayout, widget: QWidget) -> QBoxLayout | None:
    """The box layout inside ``layout`` (or ``layout`` itself) that holds ``widget``."""
    if isinstance(layout, QBoxLayout) and layout.indexOf(widget) >= 0:
        return layout
    for index in range(layout.count()):
        inner = layout.itemAt(index).layout()
        if inner is not None:
            found = _layout_holding(inner, widget)
            if found is not None:
                return found
    return None


def _centre_sheet(look: Look) -> str:
    """Large, high-contrast text for the title, formula row, summary and parameter strip."""
    return f"""
    QSplitter#mainSplitter, QSplitter#mainSplitter > QWidget {{ background: {look.window}; }}
    QLabel {{ color: {look.text}; font-size: {TEXT_PT:g}pt; }}
    QLabel[role="title"] {{ font-size: {TITLE_PT:g}pt; font-weight: 700; }}
    QLabel[role="muted"] {{ color: {look.muted}; font-size: {TEXT_PT * 0.9:g}pt; }}
    QLabel#presentationParamName {{ font-weight: 700; font-style: italic; }}
    QLabel#presentationScene {{ color: {look.muted}; font-size: {TEXT_PT:g}pt; }}
    QSlider::groove:horizontal {{
        height: 8px; background: {look.alt_base}; border-radius: 4px;
    }}
    QSlider::sub-page:horizontal {{ background: {look.accent}; border-radius: 4px; }}
    QSlider::handle:horizontal {{
        width: 26px; margin: -9px 0; border-radius: 13px; background: {look.accent};
    }}
    """
