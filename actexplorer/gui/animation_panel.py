"""The "Animate" dock: play one parameter of the current function between two bounds.

The panel builds a :class:`~actexplorer.animation.ParameterAnimation` from its controls and, while
playing, a timer writes ``value_at(t)`` into the state with :meth:`ExplorerState.set_param`, the
call the parameter panel makes; the plots and every other view follow through the state's events.
A whole run is one undo step (a gesture of the window's history, when it has one, scoped to the
parameter played). Playing stops when the function changes, the window closes, the dock is closed,
someone else moves the parameter (the parameter panel, undo, a preset) or anything else changes
(the next scene, a pin, a zoom key): the animation pauses where it is, and that change is an undo
step of its own.

The scrub slider shows where the parameter is along the sweep (``from`` at the left, ``to`` at
the right); dragging it pauses and sets the value. Export GIF… draws one cycle into an animated
GIF (:mod:`actexplorer.gui.gif_export`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from actexplorer.animation import (
    MODES,
    AnimatedValue,
    Mode,
    ParameterAnimation,
    caption,
    default_bounds,
    sample_values,
    shrink_to_accepted,
)
from actexplorer.core import VectorActivation
from actexplorer.core import locale as core_locale
from actexplorer.gui._qt import signals_blocked
from actexplorer.gui.params import MESSAGE_MS, NumberField
from actexplorer.gui.theme import set_role

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from actexplorer.core.activation import ParamSpec
    from actexplorer.gui.export_commands import ExportCommands
    from actexplorer.gui.gif_export import GifExport, GifOptions
    from actexplorer.gui.plots import PlotsView
    from actexplorer.gui.stats_runner import StatsRunner
    from actexplorer.state import ExplorerState

#: The timer's period: about 30 frames per second.
FRAME_MS = 33
#: Steps of the scrub slider.
SCRUB_STEPS = 1000
#: Seconds per sweep offered by the speed box (the timeline itself allows 0.1 to 600).
MIN_SWEEP_S, MAX_SWEEP_S, DEFAULT_SWEEP_S = 0.5, 120.0, 3.0
DEFAULT_MODE: Mode = "pingpong"
_MODE_TEXTS = {
    "once": QT_TRANSLATE_NOOP("AnimationPanel", "Once"),
    "loop": QT_TRANSLATE_NOOP("AnimationPanel", "Loop"),
    "pingpong": QT_TRANSLATE_NOOP("AnimationPanel", "Ping-pong"),
}
_PROBE = np.zeros(4)
#: Undo labels of a run and of a scrub drag: English templates the history fills with the
#: parameter's name; the Edit menu translates them from the table in scene_commands.
ANIMATE_LABEL = "animate {name}"
SCRUB_LABEL = "scrub {name}"


class AnimationPanel(QDockWidget):
    """The "Animate" dock widget (bottom, hidden until asked for); see the module docstring.

    ``clock`` returns seconds (tests pass a fake one and call :meth:`tick`). ``views`` is the
    stack showing the plots or the softmax view; the GIF is drawn from whichever is in front.
    """

    def __init__(
        self,
        state: ExplorerState,
        plots: PlotsView,
        *,
        views: QStackedWidget | None = None,
        runner: StatsRunner | None = None,
        exports: ExportCommands | None = None,
        parent: QWidget | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("animateDock")
        self.setAllowedAreas(
            Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea
        )
        self._state = state
        self._plots = plots
        self._views = views
        self._runner = runner
        self._exports = exports
        self._window = parent
        #: Seconds on a monotonic clock; tests put a fake one here and call :meth:`tick`.
        self.clock = clock
        self._spec: ParamSpec | None = None
        # While playing: the animation and the clock time at which its t = 0.
        self._playing: ParameterAnimation | None = None
        self._t0 = 0.0
        self._progress = 0.0
        self._written: AnimatedValue | None = None
        self._writing = False
        self._gesture: Any = None  # the history holding this panel's gesture, if any
        self._export: GifExport | None = None
        self._progress_dialog: QProgressDialog | None = None
        self._connected = False
        self._action: QAction | None = None

        self._build_widgets()
        self.retranslate()
        self.timer = QTimer(self)
        self.timer.setObjectName("animateTimer")
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self.tick)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(self.message.hide)

        state.events.activation.connect(self._activation_changed)
        state.events.params.connect(self._params_changed)
        self._connected = True
        self._activation_changed(state.activation)
        self.hide()

    # -- widgets -----------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.param_combo = QComboBox()
        self.param_combo.setObjectName("animateParam")
        self.param_combo.setMinimumContentsLength(12)
        self.from_field = NumberField(0.0, self._check_bound)
        self.from_field.setObjectName("animateFrom")
        self.to_field = NumberField(1.0, self._check_bound)
        self.to_field.setObjectName("animateTo")
        self.from_choice = QComboBox()
        self.from_choice.setObjectName("animateFromChoice")
        self.to_choice = QComboBox()
        self.to_choice.setObjectName("animateToChoice")
        self.log_box = QCheckBox()
        self.log_box.setObjectName("animateLog")
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("animateMode")
        for mode in MODES:
            self.mode_combo.addItem(_MODE_TEXTS[mode], mode)
        self.mode_combo.setCurrentIndex(MODES.index(DEFAULT_MODE))
        self.duration_box = QDoubleSpinBox()
        self.duration_box.setObjectName("animateDuration")
        self.duration_box.setRange(MIN_SWEEP_S, MAX_SWEEP_S)
        self.duration_box.setDecimals(1)
        self.duration_box.setSingleStep(0.5)
        self.duration_box.setValue(DEFAULT_SWEEP_S)
        self.duration_box.setSuffix(" s")
        self.play_button = QPushButton()
        self.play_button.setObjectName("animatePlay")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("animateScrub")
        self.slider.setRange(0, SCRUB_STEPS)
        self.slider.setPageStep(SCRUB_STEPS // 20)
        self.value_label = QLabel()
        self.value_label.setObjectName("animateValue")
        self.value_label.setMinimumWidth(170)
        self.export_button = QPushButton()
        self.export_button.setObjectName("animateExport")
        self.note = QLabel()
        self.note.setObjectName("animateNote")
        set_role(self.note, "muted")
        self.message = QLabel()
        self.message.setObjectName("animateMessage")
        set_role(self.message, "error")
        self.message.setWordWrap(True)
        self.message.hide()

        top = QHBoxLayout()
        top.setSpacing(8)
        self.param_label = QLabel()
        self.from_label = QLabel()
        self.to_label = QLabel()
        self.mode_label = QLabel()
        self.duration_label = QLabel()
        top.addWidget(self.param_label)
        top.addWidget(self.param_combo)
        top.addSpacing(8)
        top.addWidget(self.from_label)
        top.addWidget(self.from_field)
        top.addWidget(self.from_choice)
        top.addWidget(self.to_label)
        top.addWidget(self.to_field)
        top.addWidget(self.to_choice)
        top.addWidget(self.log_box)
        top.addSpacing(8)
        top.addWidget(self.mode_label)
        top.addWidget(self.mode_combo)
        top.addWidget(self.duration_label)
        top.addWidget(self.duration_box)
        top.addStretch(1)
        top.addWidget(self.export_button)
        bottom = QHBoxLayout()
        bottom.setSpacing(10)
        bottom.addWidget(self.play_button)
        bottom.addWidget(self.slider, 1)
        bottom.addWidget(self.value_label)
        body = QWidget()
        body.setObjectName("animateBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 4, 10, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)
        notes = QGridLayout()
        notes.setContentsMargins(0, 0, 0, 0)
        notes.addWidget(self.note, 0, 0)
        notes.addWidget(self.message, 0, 0)
        layout.addLayout(notes)
        self._controls: tuple[QWidget, ...] = (
            self.param_combo,
            self.from_field,
            self.to_field,
            self.from_choice,
            self.to_choice,
            self.log_box,
            self.mode_combo,
            self.duration_box,
            self.play_button,
            self.slider,
            self.export_button,
        )
        self.setWidget(body)

        self.param_combo.currentIndexChanged.connect(self._param_chosen)
        for field in (self.from_field, self.to_field):
            field.committed.connect(self._bounds_edited)
            field.rejected.connect(self.show_message)
        for combo in (self.from_choice, self.to_choice):
            combo.currentIndexChanged.connect(self._bounds_edited)
        self.log_box.toggled.connect(self._controls_changed)
        self.mode_combo.currentIndexChanged.connect(self._controls_changed)
        self.duration_box.valueChanged.connect(self._controls_changed)
        self.play_button.clicked.connect(self.toggle_play)
        self.slider.sliderPressed.connect(self._scrub_pressed)
        self.slider.sliderReleased.connect(self._scrub_released)
        self.slider.valueChanged.connect(self._scrubbed)
        self.export_button.clicked.connect(self.ask_export_gif)

    def retranslate(self) -> None:
        """Write every text of the dock in the current language (names and values stay)."""
        #: The dock's title ("Animate" reads as a verb: the dock animates a parameter).
        self.setWindowTitle(self.tr("Animate"))
        self.param_label.setText(self.tr("Parameter"))
        self.param_combo.setToolTip(self.tr("The parameter to play"))
        self.from_label.setText(self.tr("from"))
        self.to_label.setText(self.tr("to"))
        starts, goes = (
            self.tr("The value the sweep starts from"),
            self.tr("The value the sweep goes to"),
        )
        for widget, text in (
            (self.from_field, starts),
            (self.from_choice, starts),
            (self.to_field, goes),
            (self.to_choice, goes),
        ):
            widget.setToolTip(text)
        self.log_box.setText(self.tr("Log"))
        self.log_box.setToolTip(
            self.tr(
                "Move geometrically (equal time per factor, e.g. 0.1 → 1 → 10); "
                "needs both bounds > 0"
            )
        )
        self.mode_label.setText(self.tr("Mode"))
        for index in range(self.mode_combo.count()):
            mode = self.mode_combo.itemData(index)
            self.mode_combo.setItemText(
                index, QCoreApplication.translate("AnimationPanel", _MODE_TEXTS[mode])
            )
        self.mode_combo.setToolTip(
            self.tr(
                "Once: stop at the end. Loop: jump back and repeat. Ping-pong: go back and forth"
            )
        )
        self.duration_label.setText(self.tr("Sweep"))
        self.duration_box.setToolTip(
            self.tr("Seconds for one sweep from the first bound to the second")
        )
        self.play_button.setToolTip(self.tr("Play or pause the animation"))
        self._sync_play_button()
        self.slider.setToolTip(self.tr("Where the parameter is between the bounds; drag to scrub"))
        self.export_button.setText(self.tr("Export GIF…"))
        self.export_button.setToolTip(self.tr("Save one cycle of the animation as an animated GIF"))
        self._show_function_texts()

    def _show_function_texts(self) -> None:
        """The texts that name the current function or describe its parameters."""
        act = self._state.current
        for index in range(self.param_combo.count()):
            name = self.param_combo.itemData(index)
            self.param_combo.setItemData(
                index, core_locale.param_help(act, name) or name, Qt.ItemDataRole.ToolTipRole
            )
        if not act.params:
            self.note.setText(self._no_parameters())

    def _no_parameters(self) -> str:
        return self.tr("{name} has no parameters to animate.").format(
            name=core_locale.display_name(self._state.current)
        )

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- public ------------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        """True while the timer moves the parameter."""
        return self._playing is not None

    @property
    def parameter(self) -> str | None:
        """The name of the parameter chosen (None for a function without parameters)."""
        return self._spec.name if self._spec is not None else None

    def set_shown(self, on: bool) -> None:
        """Show the dock (and bring it forward) or hide it; hiding pauses."""
        if not on:
            self.pause()
        self.setVisible(on)
        if on:
            self.raise_()

    def bind_action(self, action: QAction) -> None:
        """Keep the menu's checkable ``action`` (which calls :meth:`set_shown`) in step with
        the dock, which its own close button can hide."""
        self._action = action
        self.toggleViewAction().toggled.connect(self._sync_action)

    def _sync_action(self, shown: bool) -> None:
        if self._action is not None:
            with signals_blocked(self._action):  # toggled would show or hide the dock again
                self._action.setChecked(shown)

    def set_parameter(self, name: str) -> None:
        """Choose the parameter to animate (one of the current function's)."""
        index = self.param_combo.findData(name)
        if index < 0:
            raise ValueError(
                self.tr("{function} has no parameter {name} to animate").format(
                    function=core_locale.display_name(self._state.current), name=repr(name)
                )
            )
        self.param_combo.setCurrentIndex(index)

    def set_bounds(self, start: AnimatedValue, stop: AnimatedValue) -> None:
        """Put ``start`` and ``stop`` in the from/to controls (as if typed)."""
        if self._spec is not None and self._spec.is_choice:
            with signals_blocked(self.from_choice), signals_blocked(self.to_choice):
                self.from_choice.setCurrentText(str(start))
                self.to_choice.setCurrentText(str(stop))
        else:
            self.from_field.setText(str(start))
            self.from_field.editingFinished.emit()
            self.to_field.setText(str(stop))
            self.to_field.editingFinished.emit()
        self._bounds_edited()

    def animation(self, *, report: bool = True) -> ParameterAnimation | None:
        """The animation the controls describe; None (and a message) when they are not valid."""
        try:
            return self._build()
        except ValueError as exc:
            if report:
                self.show_message(core_locale.error_text(exc))
            return None

    def _build(self) -> ParameterAnimation:
        spec = self._spec
        if spec is None:
            raise ValueError(self._no_parameters())
        if spec.is_choice:
            start: AnimatedValue = self.from_choice.currentText()
            stop: AnimatedValue = self.to_choice.currentText()
            scale = "linear"
        else:
            start, stop = self.from_field.value(), self.to_field.value()
            scale = "log" if self.log_box.isEnabled() and self.log_box.isChecked() else "linear"
        return ParameterAnimation.for_spec(
            spec,
            start,
            stop,
            mode=self.mode_combo.currentData(),
            duration=self.duration_box.value(),
            scale=scale,  # type: ignore[arg-type]
        )

    def play(self) -> bool:
        """Start playing from where the slider is (from the start if a ``once`` run ended);
        False, with a message, when the bounds or values are refused."""
        if self.playing:
            return True
        if self._export is not None:
            return False
        anim = self.animation()
        if anim is None or not self._values_accepted(anim):
            return False
        progress = self._progress
        if anim.mode == "once" and progress >= 1.0:
            progress = 0.0
        self._hold_gesture(ANIMATE_LABEL, anim.name)
        self._playing = anim
        self._t0 = self.clock() - anim.time_of(progress)
        self.message.hide()
        self._sync_play_button()
        self.timer.start()
        self.tick()
        return True

    def pause(self) -> None:
        """Stop where it is; the parameter keeps its value."""
        self.timer.stop()
        was_playing = self._playing is not None
        self._playing = None
        if was_playing:
            self._release_gesture()
        self._sync_play_button()

    def toggle_play(self) -> None:
        """Play when paused, pause when playing."""
        if self.playing:
            self.pause()
        else:
            self.play()

    def tick(self) -> None:
        """Write the value for the time now into the state (the timer calls this ~30×/s)."""
        anim = self._playing
        if anim is None:
            return
        t = self.clock() - self._t0
        self._progress = anim.progress(t)
        if not self._write(anim.value_at(t)):
            return
        self._show_position(anim)
        if anim.finished(t):
            self.pause()

    def scrub_to(self, progress: float) -> bool:
        """Pause and set the parameter to its value at ``progress`` ∈ [0, 1] along the sweep."""
        self.pause()
        anim = self.animation()
        if anim is None:
            self._show_state_value()
            return False
        self._progress = min(max(progress, 0.0), 1.0)
        value = anim.value_at_progress(self._progress)
        refusal = self._refusal(anim.name, value)
        if refusal is not None:
            self.show_message(refusal)
            self._show_state_value()
            return False
        ok = self._write(value)
        self._show_position(anim)
        return ok

    def show_message(self, text: str) -> None:
        """Show why something was refused, for a few seconds."""
        self.message.setText(text)
        self.message.show()
        self._message_timer.start()

    def shutdown(self) -> None:
        """Stop playing and exporting and let go of the state (the window is closing)."""
        self.pause()
        if self._export is not None:
            self._export.cancel()
        if self._connected:
            self._connected = False
            self._state.events.activation.disconnect(self._activation_changed)
            self._state.events.params.disconnect(self._params_changed)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The dock's close button pauses the animation."""
        self.pause()
        super().closeEvent(event)

    # -- state → panel -----------------------------------------------------------------------
    def _activation_changed(self, _key: str) -> None:
        self.pause()
        act = self._state.current
        with signals_blocked(self.param_combo):
            self.param_combo.clear()
            for spec in act.params:
                self.param_combo.addItem(spec.name, spec.name)
        has_params = bool(act.params)
        for widget in self._controls:
            widget.setEnabled(has_params)
        self.note.setText("")
        self._show_function_texts()
        self.note.setVisible(not has_params)
        self.message.hide()
        if has_params:
            self.param_combo.setCurrentIndex(0)
            self._param_chosen(0)
        else:
            self._spec = None
            self.value_label.setText("")
            with signals_blocked(self.slider):
                self.slider.setValue(0)

    def _params_changed(self, params: dict[str, Any]) -> None:
        if self._writing or self._spec is None:
            return
        value = params.get(self._spec.name)
        if self.playing and value != self._written:
            self.pause()
            self.show_message(
                self.tr("Paused: {name} was changed elsewhere.").format(name=self._spec.name)
            )
        self._show_state_value()

    def _show_state_value(self) -> None:
        """Put the slider and the label where the state's value is along the sweep."""
        if self._spec is None:
            return
        value = self._state.params.get(self._spec.name)
        if value is None:
            return
        self.value_label.setText(caption(self._spec.name, value))
        anim = self.animation(report=False)
        if anim is not None:
            self._progress = anim.progress_of(value)
            with signals_blocked(self.slider):
                self.slider.setValue(round(self._progress * SCRUB_STEPS))

    def _show_position(self, anim: ParameterAnimation) -> None:
        with signals_blocked(self.slider):
            self.slider.setValue(round(self._progress * SCRUB_STEPS))
        if self._written is not None:
            self.value_label.setText(caption(anim.name, self._written))

    # -- panel → state -----------------------------------------------------------------------
    def _write(self, value: AnimatedValue) -> bool:
        if self._spec is None:
            return False
        self._writing = True
        try:
            self._state.set_param(self._spec.name, value)
        except ValueError as exc:
            self.pause()
            self.show_message(core_locale.error_text(exc))
            return False
        finally:
            self._writing = False
        self._written = value
        return True

    def _refusal(self, name: str, value: AnimatedValue) -> str | None:
        """Why the current function refuses ``name = value`` with its other parameters (None
        when it accepts it). Some rules (RReLU's lower ≤ upper) only the kernels know, so they
        are asked on a tiny input, as the state does on assignment."""
        act = self._state.current
        try:
            params = act.resolve({**self._state.params, name: value})
            with np.errstate(all="ignore"):
                if isinstance(act, VectorActivation):
                    act.forward(_PROBE, **params)
                else:
                    act.value_and_derivative(_PROBE, **params)
        except (ValueError, TypeError, ArithmeticError) as exc:
            return self.tr("{value} is refused: {reason}").format(
                value=caption(name, value), reason=core_locale.error_text(exc)
            )
        return None

    def _values_accepted(self, anim: ParameterAnimation) -> bool:
        for value in sample_values(anim):
            refusal = self._refusal(anim.name, value)
            if refusal is not None:
                self.show_message(refusal)
                return False
        return True

    # -- controls ----------------------------------------------------------------------------
    def _check_bound(self, value: float) -> float:
        if self._spec is None or self._spec.is_choice:
            return value
        return float(self._spec.validate(value))

    def _param_chosen(self, index: int) -> None:
        self.pause()
        name = self.param_combo.itemData(index)
        if name is None:
            return
        spec = self._state.current.param(name)
        self._spec = spec
        choice = spec.is_choice
        for combo in (self.from_choice, self.to_choice):
            combo.setVisible(choice)
        for field in (self.from_field, self.to_field):
            field.setVisible(not choice)
        start, stop = default_bounds(spec)
        if choice:
            for combo, value in ((self.from_choice, start), (self.to_choice, stop)):
                with signals_blocked(combo):
                    combo.clear()
                    combo.addItems(list(spec.choices or ()))
                    combo.setCurrentText(str(value))
        else:
            current = float(self._state.params[name])
            start = shrink_to_accepted(current, float(start), self._accepts)
            stop = shrink_to_accepted(current, float(stop), self._accepts)
            self.from_field.set_value(start)
            self.to_field.set_value(stop)
        default = ParameterAnimation.for_spec(spec, start, stop) if start != stop else None
        with signals_blocked(self.log_box):
            self.log_box.setChecked(default is not None and default.scale == "log")
        self._sync_log_box()
        self.message.hide()
        self._show_state_value()

    def _accepts(self, value: float) -> bool:
        return self._spec is not None and self._refusal(self._spec.name, value) is None

    def _bounds_edited(self, *_: object) -> None:
        self._sync_log_box()
        self._controls_changed()

    def _sync_log_box(self) -> None:
        spec = self._spec
        positive = (
            spec is not None
            and not spec.is_choice
            and self.from_field.value() > 0
            and self.to_field.value() > 0
        )
        self.log_box.setEnabled(positive and self._export is None)

    def _controls_changed(self, *_: object) -> None:
        """A bound, the mode, the speed or the scale changed: a playing animation carries on
        from where it is with the new settings (or pauses, with a message, if they are bad)."""
        if not self.playing:
            anim = self.animation()
            if anim is not None:
                self.message.hide()
            self._show_state_value()
            return
        anim = self.animation()
        if anim is None or not self._values_accepted(anim):
            self.pause()
            return
        self._playing = anim
        self._t0 = self.clock() - anim.time_of(self._progress)

    def _sync_play_button(self) -> None:
        self.play_button.setText(self.tr("❚❚  Pause") if self.playing else self.tr("▶  Play"))

    # -- scrubbing ---------------------------------------------------------------------------
    def _scrub_pressed(self) -> None:
        self.pause()
        if self._spec is not None:
            self._hold_gesture(SCRUB_LABEL, self._spec.name)

    def _scrub_released(self) -> None:
        self._release_gesture()

    def _scrubbed(self, step: int) -> None:
        self.scrub_to(step / SCRUB_STEPS)

    # -- undo ----------------------------------------------------------------------------------
    def _hold_gesture(self, label: str, name: str) -> None:
        if self._gesture is not None:
            return
        history = getattr(self._window, "history", None)
        if history is not None and hasattr(history, "begin_gesture"):
            # Scoped to the parameter: any other change closes the run's step before it is
            # recorded (and pauses, through interrupted), so undo never takes it along.
            history.begin_gesture(label, scope=(f"explorer.params.{name}",), name=name)
            history.interrupted.connect(self._gesture_interrupted)
            self._gesture = history

    def _release_gesture(self) -> None:
        history, self._gesture = self._gesture, None
        if history is not None:
            history.interrupted.disconnect(self._gesture_interrupted)
            history.end_gesture()

    def _gesture_interrupted(self) -> None:
        """The history closed this panel's gesture (another change, undo): stop here."""
        history, self._gesture = self._gesture, None
        if history is not None:
            history.interrupted.disconnect(self._gesture_interrupted)
        if self.playing:
            self.pause()
            self.show_message(self.tr("Paused: something else was changed."))

    # -- GIF -------------------------------------------------------------------------------------
    def _histograms_available(self) -> bool:
        if isinstance(self._state.current, VectorActivation):
            return False
        # isHidden, not isVisible: the plots may sit in a tab behind the lab.
        plots = self._plots
        return any(not p.isHidden() for p in (plots.output_histogram, plots.gradient_histogram))

    def grab_frame(self, histograms: bool) -> QImage:
        """The picture a GIF frame shows: the plots (with or without the histograms), or the
        view in front of them (the softmax family's)."""
        from actexplorer.gui.gif_export import grab_plots

        front = self._views.currentWidget() if self._views is not None else self._plots
        if front is self._plots or front is None:
            return grab_plots(self._plots, histograms)
        return front.grab().toImage()

    def ask_export_gif(self) -> None:
        """Ask for the GIF's frame rate, size and file name, then draw it with a progress
        dialog that can cancel."""
        from actexplorer.gui.gif_export import GifDialog, default_options

        self.pause()
        if self._export is not None:
            return
        anim, problem = self._checked_for_export()
        if anim is None:
            self._report_problem(problem or "")
            return
        available = self._histograms_available()
        dialog = GifDialog(
            anim,
            default_options(self._state, available),
            histograms_available=available,
            parent=self.window(),
        )
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            options = dialog.options()
        finally:
            dialog.deleteLater()
        folder = self._exports.last_folder() if self._exports is not None else str(Path.home())
        name = f"{self._state.activation}-{anim.name}.gif"
        chosen, _ = QFileDialog.getSaveFileName(
            self.window(),
            self.tr("Export animation as GIF"),
            str(Path(folder) / name),
            self.tr("GIF animations (*.gif)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".gif":
            path = path.with_name(path.name + ".gif")
        if self._exports is not None:
            # ExportCommands has no public way to remember the folder yet.
            self._exports.remember_folder(path)
        self.start_export(path, options, anim)

    def _checked_for_export(
        self, anim: ParameterAnimation | None = None
    ) -> tuple[ParameterAnimation | None, str | None]:
        """The animation to export and None, or None and why it cannot be exported."""
        if anim is None:
            try:
                anim = self._build()
            except ValueError as exc:
                return None, core_locale.error_text(exc)
        for value in sample_values(anim):
            refusal = self._refusal(anim.name, value)
            if refusal is not None:
                return None, refusal
        return anim, None

    def _report_problem(self, text: str) -> None:
        if self.isVisible():
            self.show_message(text)
        else:
            QMessageBox.warning(self.window(), self.tr("Export animation"), text)

    def start_export(
        self,
        path: str | Path,
        options: GifOptions,
        animation: ParameterAnimation | None = None,
        *,
        progress_dialog: bool = True,
    ) -> GifExport:
        """Start drawing the GIF at ``path`` (one frame per event-loop turn); the returned
        export signals when it is done. Raises ``ValueError`` for settings that are not valid."""
        from actexplorer.gui.gif_export import GifExport

        self.pause()
        if self._export is not None:
            raise ValueError(self.tr("an animation is being exported already"))
        anim, problem = self._checked_for_export(animation)
        if anim is None:
            raise ValueError(problem)
        export = GifExport(
            self._state,
            anim,
            options,
            path,
            self.grab_frame,
            runner=self._runner,
            history=getattr(self._window, "history", None),
            title=self._state.current.name,
            parent=self,
        )
        self._export = export
        for widget in self._controls:
            widget.setEnabled(False)
        export.finished.connect(self._export_finished)
        export.failed.connect(self._export_failed)
        export.cancelled.connect(self._export_cancelled)
        if progress_dialog:
            dialog = QProgressDialog(
                self.tr("Drawing the frames…"),
                self.tr("Cancel"),
                0,
                export.frame_total,
                self.window(),
            )
            dialog.setObjectName("gifProgress")
            dialog.setWindowTitle(self.tr("Export animation as GIF"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumDuration(0)
            dialog.canceled.connect(export.cancel)
            export.progressed.connect(dialog.setValue)
            self._progress_dialog = dialog
            dialog.show()
        export.start()
        return export

    def _export_done(self) -> None:
        self._export = None
        dialog, self._progress_dialog = self._progress_dialog, None
        if dialog is not None:
            dialog.hide()
            dialog.deleteLater()
        has_params = self._spec is not None
        for widget in self._controls:
            widget.setEnabled(has_params)
        self._sync_log_box()
        self._show_state_value()

    def _export_finished(self, path: Path) -> None:
        self._export_done()
        size = path.stat().st_size / 1e6
        self._status(self.tr("Saved {path} ({size} MB)").format(path=path, size=f"{size:.1f}"))

    def _export_failed(self, reason: str) -> None:
        self._export_done()
        self._report_problem(self.tr("The GIF was not saved: {reason}").format(reason=reason))

    def _export_cancelled(self) -> None:
        self._export_done()
        self._status(self.tr("GIF export cancelled"))

    def _status(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)


__all__ = ["AnimationPanel"]
