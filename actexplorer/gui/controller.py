"""Wires the state to the widgets: widgets write the state, state events update the views.

Nothing here draws or holds user choices: the numbers come from the core (through
:mod:`actexplorer.gui.curves` and :mod:`actexplorer.gui.stats_runner`), the choices live in
:class:`actexplorer.state.ExplorerState`, the drawing is the views' business.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal

from actexplorer.core import Activation, VectorActivation, get
from actexplorer.core import locale as core_locale
from actexplorer.gui.curves import CurveData, sample_curve
from actexplorer.gui.i18n import on_language_change
from actexplorer.gui.plots import HistogramData, PinnedCurve
from actexplorer.gui.stats_runner import StatsBatch, StatsJob, StatsOutcome, StatsRunner
from actexplorer.gui.theme import Look
from actexplorer.state import ExplorerState, Pin

if TYPE_CHECKING:
    from actexplorer.core.stats import Histogram, SampleStats
    from actexplorer.gui.panels import ComparePanel, InputPanel, ParameterPanel, ViewPanel
    from actexplorer.gui.picker import PickerPanel
    from actexplorer.gui.plots import PlotsView
    from actexplorer.gui.softmax_view import SoftmaxView

#: A change whose statistics the worker should answer within this many seconds holds its new
#: curves back for them (see PlotsView.hold_curves) ...
HOLD_FOR_ANSWER_S = 0.025
#: ... for this many milliseconds at most: the curves are drawn then even if the answer is late.
HOLD_LIMIT_MS = 40


class _HistogramMemo:
    """The drawable form of each core histogram, made once per histogram object.

    The plots skip an item whose data object is the one it already shows, so an unchanged
    histogram (the input sample's, a pinned function's) is not fed to pyqtgraph again.
    """

    def __init__(self, size: int = 32) -> None:
        self._size = size
        # Keyed by id(); the histogram is kept with its data so that the id stays its own.
        self._items: dict[int, tuple[Histogram, HistogramData]] = {}

    def __call__(self, hist: Histogram) -> HistogramData:
        found = self._items.get(id(hist))
        if found is not None and found[0] is hist:
            return found[1]
        data = HistogramData(hist.edges, hist.density())
        if len(self._items) >= self._size:
            self._items.pop(next(iter(self._items)))
        self._items[id(hist)] = (hist, data)
        return data


def format_value(value: float) -> str:
    """A number for the readout: 4 significant digits, ∞ and NaN spelled out."""
    if math.isnan(value):
        return QCoreApplication.translate("ExplorerController", "undefined")
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return f"{value:.4g}".replace("-", "−")


class ExplorerController(QObject):
    """Connects one :class:`ExplorerState` to the panels and plots of a window."""

    #: The newest statistics of the current function (None for a vector function).
    statsChanged = Signal(object)
    #: Text for the crosshair readout ("" when the mouse is elsewhere).
    readoutChanged = Signal(str)

    def __init__(
        self,
        state: ExplorerState,
        *,
        picker: PickerPanel,
        parameters: ParameterPanel,
        inputs: InputPanel,
        compare: ComparePanel,
        view: ViewPanel,
        plots: PlotsView,
        runner: StatsRunner,
        vector_view: Callable[[], SoftmaxView],
        show_activation: Callable[[Any, dict[str, Any]], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.picker = picker
        self.parameters = parameters
        self.inputs = inputs
        self.compare = compare
        self.view = view
        self.plots = plots
        self.runner = runner
        self._vector_view = vector_view
        self._vector_connected = False
        self._show_activation = show_activation
        self._look: Look | None = None
        self._curve: CurveData | None = None
        self._pin_curves: list[CurveData | None] = []
        self._stats: SampleStats | None = None
        self._pin_stats: dict[tuple[Any, ...], SampleStats] = {}
        self._histogram = _HistogramMemo()
        # While refresh_all replays every field, requests wait for one at its end.
        self._holding_stats = False
        # The function whose parameters were last shown (a step of its parameters may hold the
        # curves for their histograms; see _params_changed).
        self._params_shown_for: object = None
        # The x under the mouse (NaN when it is elsewhere), to write the readout again in a new
        # language.
        self._hover_x = math.nan
        self._connect_widgets()
        self._connect_state()
        self.runner.ready.connect(self._stats_ready)
        # An answer dropped as stale or a failed one also ends a hold of the curves.
        self.runner.busyChanged.connect(self._runner_busy)
        # A controller gets no LanguageChange of its own: the plots it feeds tell it.
        on_language_change(self.plots, self.retranslate)
        self.refresh_all()

    def retranslate(self) -> None:
        """Write the texts this controller produces (legend, readout) in the current language."""
        self._legend()
        self._hovered(self._hover_x)

    # -- widgets → state ---------------------------------------------------------------------
    def _connect_widgets(self) -> None:
        self.picker.activationChosen.connect(self._pick)
        self.parameters.paramChanged.connect(self._param_edited)
        self.parameters.presetChosen.connect(self._preset_chosen)
        self.parameters.resetRequested.connect(self.state.reset_params)
        self.inputs.distributionChosen.connect(self._distribution_chosen)
        self.inputs.distributionParamChanged.connect(self._distribution_param_edited)
        self.inputs.samplesChanged.connect(self._samples_edited)
        self.inputs.seedChanged.connect(self._seed_edited)
        self.inputs.resampleRequested.connect(self.state.resample)
        self.inputs.showInputToggled.connect(self._show_input_toggled)
        self.inputs.trainModeToggled.connect(self._train_mode_toggled)
        self.compare.pinRequested.connect(self.state.pin_current)
        self.compare.unpinRequested.connect(self.state.unpin)
        self.compare.clearRequested.connect(self.state.clear_pins)
        self.compare.histogramsToggled.connect(self._pin_histograms_toggled)
        self.view.xRangeTyped.connect(self._x_range_typed)
        self.view.resetRequested.connect(self.reset_view)
        self.view.logToggled.connect(self._log_toggled)
        self.plots.xRangeEdited.connect(self._x_range_dragged)
        self.plots.hovered.connect(self._hovered)

    @property
    def vector_view(self) -> SoftmaxView:
        """The softmax family's view (built on first use)."""
        view = self._vector_view()
        if not self._vector_connected:
            self._vector_connected = True
            view.logitsChanged.connect(self._logits_edited)
            view.paramsChanged.connect(self._vector_params_edited)
        return view

    def _logits_edited(self, values: list[float]) -> None:
        try:
            self.state.logits = values
        except ValueError:
            self._show_logits(self.state.logits)

    def _vector_params_edited(self, params: dict[str, Any]) -> None:
        try:
            self.state.params = params
        except ValueError as exc:
            self.parameters.show_message(core_locale.error_text(exc))
            self._params_changed(self.state.params)

    def _pick(self, key: str) -> None:
        self.state.activation = key

    def _param_edited(self, name: str, value: object) -> None:
        try:
            self.state.set_param(name, value)
        except ValueError as exc:
            self.parameters.show_message(core_locale.error_text(exc))
            self.parameters.set_params(self.state.params)

    def _preset_chosen(self, framework: str) -> None:
        self.state.apply_preset(framework)

    def _distribution_chosen(self, kind: str) -> None:
        self.state.set_distribution(kind)

    def _distribution_param_edited(self, name: str, value: object) -> None:
        try:
            self.state.set_distribution_param(name, value)
        except ValueError as exc:
            self.inputs.show_message(core_locale.error_text(exc))
            self.inputs.set_distribution(self.state.distribution)

    def _samples_edited(self, value: float) -> None:
        try:
            self.state.n_samples = int(value)
        except ValueError as exc:
            self.inputs.show_message(core_locale.error_text(exc))
            self.inputs.set_samples(self.state.n_samples)

    def _seed_edited(self, value: float) -> None:
        try:
            self.state.seed = int(value)
        except ValueError as exc:
            self.inputs.show_message(core_locale.error_text(exc))
            self.inputs.set_seed(self.state.seed)

    def _show_input_toggled(self, on: bool) -> None:
        self.state.show_input_histogram = on

    def _train_mode_toggled(self, on: bool) -> None:
        self.state.train_mode = on

    def _pin_histograms_toggled(self, on: bool) -> None:
        self.state.pin_histograms = on

    def _x_range_typed(self, low: float, high: float) -> None:
        try:
            self.state.x_range = (low, high)
        except ValueError as exc:
            self.view.show_message(core_locale.error_text(exc))
            self.view.set_x_range(*self.state.x_range)

    def _x_range_dragged(self, low: float, high: float) -> None:
        try:
            self.state.x_range = (low, high)
        except ValueError:
            # Zoomed beyond what the state accepts: snap the view back to the last good window.
            self.plots.set_x_range(*self.state.x_range)

    def _log_toggled(self, on: bool) -> None:
        self.state.log_derivative = on

    def reset_view(self) -> None:
        """Default x window and automatic y ranges."""
        self.state.reset_x_range()
        self.plots.reset_y_ranges()

    # -- state → views -----------------------------------------------------------------------
    def _connect_state(self) -> None:
        events = self.state.events
        events.activation.connect(self._activation_changed)
        events.params.connect(self._params_changed)
        events.x_range.connect(self._x_range_changed)
        events.log_derivative.connect(self._log_changed)
        events.pins.connect(self._pins_changed)
        events.pin_histograms.connect(self._pin_histograms_changed)
        events.n_samples.connect(self._samples_changed)
        events.seed.connect(self._seed_changed)
        events.distribution.connect(self._distribution_changed)
        events.show_input_histogram.connect(self._show_input_changed)
        events.train_mode.connect(self._train_mode_changed)
        events.logits.connect(self._show_logits)
        events.show_derivative.connect(self.plots.set_show_derivative)
        events.show_histograms.connect(self.plots.set_show_histograms)
        events.show_pins.connect(self._show_pins_changed)

    def disconnect_state(self) -> None:
        """Stop listening to the state (the window is closing)."""
        events = self.state.events
        for signal, slot in (
            (events.activation, self._activation_changed),
            (events.params, self._params_changed),
            (events.x_range, self._x_range_changed),
            (events.log_derivative, self._log_changed),
            (events.pins, self._pins_changed),
            (events.pin_histograms, self._pin_histograms_changed),
            (events.n_samples, self._samples_changed),
            (events.seed, self._seed_changed),
            (events.distribution, self._distribution_changed),
            (events.show_input_histogram, self._show_input_changed),
            (events.train_mode, self._train_mode_changed),
            (events.logits, self._show_logits),
            (events.show_derivative, self.plots.set_show_derivative),
            (events.show_histograms, self.plots.set_show_histograms),
            (events.show_pins, self._show_pins_changed),
        ):
            signal.disconnect(slot, missing_ok=True)

    def refresh_all(self) -> None:
        """Show every field of the state (at start and after a restore)."""
        state = self.state
        self._holding_stats = True
        self.view.set_log(state.log_derivative)
        self.plots.set_log_derivative(state.log_derivative)
        self._activation_changed(state.activation)
        self.plots.set_x_range(*state.x_range)
        self.view.set_x_range(*state.x_range)
        self.inputs.set_distribution(state.distribution)
        self.inputs.set_samples(state.n_samples)
        self.inputs.set_seed(state.seed)
        self.inputs.set_show_input(state.show_input_histogram)
        self.compare.set_histograms(state.pin_histograms)
        self.plots.set_show_derivative(state.show_derivative)
        self.plots.set_show_histograms(state.show_histograms)
        self._pins_changed(state.pins)
        self._params_changed(state.params)
        self._holding_stats = False
        self._request_stats()

    def _activation_changed(self, key: str) -> None:
        act = get(key)
        self.picker.tree.set_current_key(key)
        self.parameters.set_activation(act, self.state.params)
        if isinstance(act, VectorActivation):
            self.vector_view.set_activation(act, self.state.params)
            # The view keeps the vector at a length the function accepts (GLU: even).
            self._show_logits(self.state.logits)
        self.inputs.set_train_mode(self.state.train_mode, getattr(act, "is_random", False))
        self._show_activation(act, self.state.params)

    def _params_changed(self, params: dict[str, Any]) -> None:
        # Statistics first: a request that goes to the worker then computes while this thread
        # updates the curves and panels. A parameter step of the function already shown (a
        # slider drag) may hold its curves for histograms due within a frame; a new function
        # (or a redefined one) is drawn at once.
        act = self.state.current
        same_function = act is self._params_shown_for
        self._params_shown_for = act
        self.schedule_stats(hold_curves=same_function)
        self.parameters.set_params(params)
        if isinstance(act, VectorActivation):
            self.vector_view.set_params(params)
        self._show_activation(act, params)
        self._redraw_current()
        self._legend()

    def _x_range_changed(self, x_range: tuple[float, float]) -> None:
        self.plots.set_x_range(*x_range)
        self.view.set_x_range(*x_range)
        self._redraw_current()
        self._recompute_pin_curves()

    def _log_changed(self, on: bool) -> None:
        self.view.set_log(on)
        self.plots.set_log_derivative(on)
        self._redraw_current()
        self._recompute_pin_curves()

    def _pins_changed(self, pins: tuple[Pin, ...]) -> None:
        colors = self._look.pins if self._look else ("#000000",) * len(pins)
        self.compare.set_pins(pins, colors)
        self._recompute_pin_curves()
        self.schedule_stats()

    def _pin_histograms_changed(self, on: bool) -> None:
        self.compare.set_histograms(on)
        self._draw_pin_histograms()
        self.schedule_stats()

    def _show_pins_changed(self, _on: bool) -> None:
        # Hidden pins stay pinned: only their curves and outlines leave the plots.
        self._legend()
        self._draw_pin_histograms()

    def _samples_changed(self, n: int) -> None:
        self.inputs.set_samples(n)
        self.schedule_stats()

    def _seed_changed(self, seed: int) -> None:
        self.inputs.set_seed(seed)
        self.schedule_stats()

    def _distribution_changed(self, dist: Any) -> None:
        self.inputs.set_distribution(dist)
        self.schedule_stats()

    def _show_input_changed(self, on: bool) -> None:
        self.inputs.set_show_input(on)
        self._draw_histograms()

    def _train_mode_changed(self, on: bool) -> None:
        self.inputs.set_train_mode(on, getattr(self.state.current, "is_random", False))
        self.schedule_stats()

    def _show_logits(self, logits: tuple[float, ...]) -> None:
        if not isinstance(self.state.current, VectorActivation):
            return
        sizes = self.vector_view.allowed_sizes()
        values = list(logits)
        if len(values) not in sizes and sizes:
            # Pad with zeros or cut to the nearest length this function accepts.
            target = min(sizes, key=lambda n: (abs(n - len(values)), n))
            values = (values + [0.0] * target)[:target]
        self.vector_view.set_logits(values)

    def set_look(self, look: Look) -> None:
        """Colours of the compare panel follow the look (the plots recolour themselves)."""
        self._look = look
        self.compare.set_pins(self.state.pins, look.pins)

    # -- curves ------------------------------------------------------------------------------
    def _redraw_current(self) -> None:
        act = self.state.current
        if isinstance(act, Activation):
            self._curve = sample_curve(act, self.state.params, self.state.x_range)
        else:
            self._curve = None
        self.plots.set_curve(self._curve)

    def _recompute_pin_curves(self) -> None:
        curves: list[CurveData | None] = []
        for pin in self.state.pins:
            act = pin.activation
            curves.append(
                sample_curve(act, pin.params, self.state.x_range)
                if isinstance(act, Activation)
                else None
            )
        self._pin_curves = curves
        self._legend()

    def _legend(self) -> None:
        pins = [
            PinnedCurve(legend_label(pin), curve)
            for pin, curve in zip(self.state.pins, self._pin_curves, strict=False)
            if self.state.show_pins
        ]
        current = legend_label(Pin(self.state.activation, self.state.params))
        self.plots.set_pinned_curves(pins, current)

    def _hovered(self, x: float) -> None:
        act = self.state.current
        self._hover_x = x
        if math.isnan(x) or not isinstance(act, Activation):
            self.plots.set_crosshair(None)
            self.readoutChanged.emit("")
            return
        f, df = act.value_and_derivative(np.array([x]), **self.state.params)
        self.plots.set_crosshair(x)
        self.readoutChanged.emit(
            f"x = {format_value(x)}    f(x) = {format_value(float(f[0]))}    "
            f"f′(x) = {format_value(float(df[0]))}"
        )

    # -- statistics --------------------------------------------------------------------------
    def schedule_stats(self, *, hold_curves: bool = False) -> None:
        """Ask for fresh statistics: at once for small samples, so the histograms repaint in
        the same frame as the curves; the runner coalesces large ones on its worker. With
        ``hold_curves``, new curves wait for an answer due within about a frame."""
        if not self._holding_stats:
            self._request_stats(hold_curves=hold_curves)

    def _job(self, key: str, params: dict[str, Any]) -> StatsJob:
        state = self.state
        return StatsJob(
            key, params, state.distribution, state.n_samples, state.seed, state.train_mode
        )

    def _request_stats(self, *, hold_curves: bool = False) -> None:
        act = self.state.current
        current = self._job(act.key, self.state.params) if isinstance(act, Activation) else None
        pins: list[StatsJob] = []
        if self.state.pin_histograms:
            for pin in self.state.pins:
                if isinstance(pin.activation, Activation):
                    job = self._job(pin.key, dict(pin.params))
                    if job.cache_key() not in self._pin_stats:
                        pins.append(job)
        if current is None:
            self._stats = None
            self._draw_histograms()
            self.statsChanged.emit(None)
            if not pins:
                self._draw_pin_histograms()
                return
        batch = StatsBatch(current, tuple(pins))
        self.runner.submit(batch)
        if hold_curves and self.runner.busy and not self.runner.queued:
            expected = self.runner.costs.estimate_wall(batch)
            if expected is not None and expected <= HOLD_FOR_ANSWER_S:
                # Due within about a frame: curves and histograms appear in one repaint.
                self.plots.hold_curves(HOLD_LIMIT_MS)

    def _runner_busy(self, busy: bool) -> None:
        if not busy:
            self.plots.release_curves()

    def _stats_ready(self, outcome: StatsOutcome) -> None:
        wanted = {self._job(pin.key, dict(pin.params)).cache_key(): None for pin in self.state.pins}
        for job in outcome.batch.pins:
            key = job.cache_key()
            if key in outcome.results and key in wanted:
                self._pin_stats[key] = outcome.results[key]
        self._pin_stats = {k: v for k, v in self._pin_stats.items() if k in wanted}
        current = outcome.batch.current
        if current is not None:
            self._stats = outcome.results.get(current.cache_key())
            error = outcome.errors.get(current.cache_key())
            if error:
                self.parameters.show_message(
                    self.tr("statistics unavailable: {reason}").format(reason=error)
                )
            self.statsChanged.emit(self._stats)
        self._draw_histograms()
        self._draw_pin_histograms()

    def _draw_histograms(self) -> None:
        stats = self._stats
        if stats is None:
            self.plots.set_histograms(None, None, None)
            return
        histogram = self._histogram
        inputs = histogram(stats.input_hist) if self.state.show_input_histogram else None
        self.plots.set_histograms(
            histogram(stats.output_hist), histogram(stats.derivative_hist), inputs
        )

    def _draw_pin_histograms(self) -> None:
        outputs: list[HistogramData | None] = []
        gradients: list[HistogramData | None] = []
        if self.state.pin_histograms and self.state.show_pins:
            for pin in self.state.pins:
                stats = self._pin_stats.get(self._job(pin.key, dict(pin.params)).cache_key())
                outputs.append(self._histogram(stats.output_hist) if stats else None)
                gradients.append(self._histogram(stats.derivative_hist) if stats else None)
        self.plots.set_pinned_histograms(outputs, gradients)

    @property
    def stats(self) -> SampleStats | None:
        """The statistics shown (of the newest answered request)."""
        return self._stats

    @property
    def curve(self) -> CurveData | None:
        """The current function's curve data as drawn."""
        return self._curve

    @property
    def pin_curves(self) -> tuple[CurveData | None, ...]:
        """The pinned functions' curves as drawn, aligned with ``state.pins`` (None: not drawn)."""
        return tuple(self._pin_curves)

    @property
    def pin_stats(self) -> tuple[SampleStats, ...]:
        """The pinned functions' newest statistics, in no particular order."""
        return tuple(self._pin_stats.values())


def legend_label(pin: Pin) -> str:
    """``pin``'s legend text with the function's name in the current language: the state's label
    (``ELU (alpha=0.5)``) starts with the catalog name, the parameters stay as they are."""
    act = pin.activation
    label = pin.label
    if label.startswith(act.name):
        return core_locale.display_name(act) + label[len(act.name) :]
    return label


def is_vector(key: str) -> bool:
    """True for a function of whole vectors (softmax family)."""
    return isinstance(get(key), VectorActivation)
