"""What keeps the window fast, tested as behaviour (never timed): axes that move only when they
must, items not fed twice, newest-wins statistics, cheap statistics answered at once, no doubled
samples, remembered facts, number labels that do not relayout their panel."""

from __future__ import annotations

import itertools
import time
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from actexplorer.core import (
    INF,
    Activation,
    Description,
    Family,
    Formula,
    ParamSpec,
    PropertyRules,
)
from actexplorer.core.stats import InputDistribution, draw_samples, sample_stats
from actexplorer.gui import MainWindow, stats_runner
from actexplorer.gui import controller as controller_module
from actexplorer.gui import plots as plots_module
from actexplorer.gui.cards import NumberLabel, PropertiesCard, StatisticsPanel, SteadyLabel
from actexplorer.gui.controller import _HistogramMemo
from actexplorer.gui.curves import CurveData
from actexplorer.gui.params import NumberControl
from actexplorer.gui.plots import (
    HistogramData,
    PinnedCurve,
    PlotsView,
    needs_refit,
    padded,
    storm_range,
)
from actexplorer.gui.stats_runner import (
    CostModel,
    StatsBatch,
    StatsJob,
    StatsOutcome,
    StatsRunner,
)
from actexplorer.gui.theme import DARK
from actexplorer.state import MAX_PINS

X = np.linspace(-6.0, 6.0, 2001)


def _curve(scale: float) -> CurveData:
    return CurveData(X, scale * np.tanh(X), scale / np.cosh(X) ** 2)


def _shown(qtbot, widget: QWidget, width: int, height: int) -> None:
    """Show ``widget`` at ``width`` × ``height`` and wait until it is on screen."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)


@pytest.fixture
def plots(qtbot) -> PlotsView:
    view = PlotsView()
    _shown(qtbot, view, 900, 600)
    view.set_x_range(-6.0, 6.0)
    return view


def _y_range(plots: PlotsView) -> list[float]:
    return plots.function_plot.getPlotItem().getViewBox().viewRange()[1]


# -- range fitting ----------------------------------------------------------------------------
def test_range_rules() -> None:
    assert padded((0.0, 10.0)) == (-0.5, 10.5)
    assert padded((2.0, 2.0)) == (1.0, 3.0)  # a constant still gets a window
    assert not needs_refit((-0.5, 10.5), (-0.45, 10.4))
    assert needs_refit((-0.5, 10.5), (-0.5, 12.0))
    # In a storm: keep a range that holds the data, widen with headroom when it does not.
    assert storm_range((-1.0, 11.0), (-0.5, 10.5)) is None
    low, high = storm_range((-1.0, 10.0), (-0.5, 10.5)) or (0.0, 0.0)
    assert low < -0.5 and high > 10.5
    assert storm_range((-50.0, 50.0), (-0.5, 10.5)) is not None  # far too loose


def test_an_isolated_change_fits_tightly(plots: PlotsView) -> None:
    plots.set_curve(_curve(3.0))
    assert not needs_refit(_y_range(plots), padded((-3.0 * np.tanh(6), 3.0 * np.tanh(6))))


def test_a_drag_storm_moves_the_axes_now_and_then(plots: PlotsView, qtbot, monkeypatch) -> None:
    # Every change below counts as part of one storm however slowly the machine runs.
    monkeypatch.setattr(plots_module, "_STORM_SECONDS", 3600.0)
    view = plots.function_plot.getPlotItem().getViewBox()
    plots.set_curve(_curve(1.0))
    moves: list[object] = []
    view.sigYRangeChanged.connect(lambda *_: moves.append(1))
    steps = 60
    for step in range(steps):
        scale = 1.0 + 0.01 * step
        plots.set_curve(_curve(scale))
        low, high = _y_range(plots)
        assert low <= -scale * np.tanh(6) and high >= scale * np.tanh(6)  # never clipped
    assert len(moves) <= steps // 5
    # When the storm is over the range settles to the tight fit.
    qtbot.waitUntil(
        lambda: not needs_refit(_y_range(plots), padded((-1.59 * np.tanh(6), 1.59 * np.tanh(6)))),
        timeout=5_000,
    )


def test_a_storm_keeps_the_tick_label_room_until_it_settles(
    plots: PlotsView, qtbot, monkeypatch
) -> None:
    """A histogram's peak falling from 9 to 0.003 in a drag changes its density ticks from "8" to
    "0.002": the axis takes the wider room once and keeps it (no relayout of the plot), and gives
    back what it no longer needs when the storm is over."""
    monkeypatch.setattr(plots_module, "_STORM_SECONDS", 3600.0)
    axis = plots.output_histogram.getPlotItem().getAxis("left")
    edges = np.linspace(-1.0, 3.0, 101)

    def show(peak: float) -> None:
        plots.set_histograms(HistogramData(edges, np.full(100, peak)), None, None)
        plots.output_histogram.viewport().repaint()

    show(9.0)
    narrow = axis.textWidth
    widths = []
    for peak in np.geomspace(9.0, 0.003, 40):
        show(float(peak))
        widths.append(axis.textWidth)
    assert widths[-1] > narrow + 10  # "0.002" needs more room than "8"
    assert all(b >= a for a, b in itertools.pairwise(widths))  # never given back in the storm
    show(9.0)
    assert axis.textWidth == widths[-1]
    monkeypatch.setattr(plots_module, "_STORM_SECONDS", 0.0)
    plots._settle()
    plots.output_histogram.viewport().repaint()
    assert axis.textWidth == pytest.approx(narrow)
    assert axis.style["autoReduceTextSpace"]


def test_a_density_axis_shrinks_in_a_storm_only_when_the_histogram_is_far_below_it() -> None:
    assert storm_range((0.0, 10.0), (0.0, 4.0), plots_module._LOOSE_DENSITY) is None
    assert storm_range((0.0, 10.0), (0.0, 3.0), plots_module._LOOSE_DENSITY) is not None


def test_a_picture_waits_for_the_tight_fit(window: MainWindow, monkeypatch) -> None:
    """A screenshot taken right after a storm of changes shows the settled axes."""
    monkeypatch.setattr(plots_module, "_STORM_SECONDS", 3600.0)
    plots = window.plots
    for scale in (1.0, 1.3, 1.1):
        plots.set_curve(_curve(scale))
    tight = padded((-1.1 * np.tanh(6), 1.1 * np.tanh(6)))
    assert needs_refit(_y_range(plots), tight)  # the storm's loose range
    window.wait_until_idle()
    assert not needs_refit(_y_range(plots), tight)


def test_a_zoomed_axis_keeps_the_users_range_until_reset(plots: PlotsView) -> None:
    view = plots.function_plot.getPlotItem().getViewBox()
    plots.set_curve(_curve(1.0))
    view.setYRange(-10.0, 10.0, padding=0)
    view.sigRangeChangedManually.emit([False, True])
    plots.set_curve(_curve(2.0))
    assert _y_range(plots) == pytest.approx([-10.0, 10.0])
    plots.reset_y_ranges()
    assert not needs_refit(_y_range(plots), padded((-2.0 * np.tanh(6), 2.0 * np.tanh(6))))


def test_histogram_ranges_follow_the_bins_and_start_at_zero(plots: PlotsView) -> None:
    edges = np.linspace(-1.0, 3.0, 101)
    density = np.full(100, 0.25)
    plots.set_histograms(HistogramData(edges, density), None, None)
    x_range, y_range = plots.output_histogram.getPlotItem().getViewBox().viewRange()
    assert x_range[0] <= -1.0 and x_range[1] >= 3.0
    assert y_range[0] == 0.0 and y_range[1] >= 0.25


# -- items are created once and fed only when their data changes ------------------------------
def test_the_legend_is_relabelled_in_place(plots: PlotsView) -> None:
    pin = PinnedCurve("Tanh", _curve(1.0))
    plots.set_pinned_curves([pin], "ELU")
    labels = [label for _sample, label in plots.legend.items]
    plots.set_pinned_curves([pin], "ELU (alpha=0.5)")
    assert [label for _sample, label in plots.legend.items] == labels  # the same items
    assert labels[0].text == "ELU (alpha=0.5)"
    plots.set_pinned_curves([], "ELU")
    assert not plots.legend.items and not plots.legend.isVisible()


def test_an_unchanged_pin_is_not_fed_again(plots: PlotsView, monkeypatch) -> None:
    fed: list[object] = []
    pin = PinnedCurve("Tanh", _curve(1.0))
    plots.set_pinned_curves([pin], "ELU")
    item = plots.f_pins[0]
    original = item.setData
    monkeypatch.setattr(item, "setData", lambda *a, **k: (fed.append(1), original(*a, **k)))
    for label in ("ELU (alpha=0.3)", "ELU (alpha=0.4)"):
        plots.set_pinned_curves([pin], label)
    assert not fed
    plots.set_pinned_curves([PinnedCurve("Tanh", _curve(2.0))], "ELU")
    assert len(fed) == 1
    np.testing.assert_array_equal(item.yData, 2.0 * np.tanh(X))


def test_pinned_items_are_made_with_the_first_pin(plots: PlotsView) -> None:
    function_items = plots.function_plot.getPlotItem().listDataItems
    assert function_items() == [plots.f_curve]
    plots.set_pinned_curves([], "ELU")
    plots.set_pinned_histograms([None], [None])
    assert function_items() == [plots.f_curve] and not plots.out_pins
    plots.set_look(DARK)
    plots.set_pinned_curves([PinnedCurve("Tanh", _curve(1.0))], "ELU")
    assert function_items() == [plots.f_curve, *plots.f_pins]
    assert len(plots.f_pins) == len(plots.grad_pins) == MAX_PINS
    # Made in the look in use, and first in the list (tests find the current curve there).
    assert plots.f_pins[0].opts["pen"].color() == pg.mkColor(DARK.pins[0])
    assert plots.function_plot.getPlotItem().listDataItems()[0] is plots.f_curve


def test_the_same_core_histogram_gives_the_same_drawable() -> None:
    stats = sample_stats(_counting_activation([]), {}, InputDistribution(), 2_000, 0)
    memo = _HistogramMemo(size=4)
    first = memo(stats.input_hist)
    assert memo(stats.input_hist) is first
    np.testing.assert_array_equal(first.density, stats.input_hist.density())
    assert memo(stats.output_hist) is not first


# -- statistics: newest wins, quiet indicators, no doubled samples ----------------------------
def _job(n: int, seed: int = 0, dist: InputDistribution | None = None) -> StatsJob:
    return StatsJob("relu", {}, dist or InputDistribution(), n, seed)


def test_a_storm_of_requests_computes_the_running_one_and_the_newest(qtbot, monkeypatch) -> None:
    computed: list[int] = []

    def slow_batch(request_id: int, batch: StatsBatch) -> StatsOutcome:
        computed.append(request_id)
        time.sleep(0.05)  # long enough that every request below arrives while it works
        return StatsOutcome(request_id, batch)

    monkeypatch.setattr(stats_runner, "run_batch", slow_batch)
    runner = StatsRunner(sync_limit=0)
    answers: list[StatsOutcome] = []
    runner.ready.connect(answers.append)
    ids = [runner.submit(StatsBatch(_job(1_000, seed))) for seed in range(20)]
    assert runner.wait_idle(10)
    assert computed == [ids[0], ids[-1]]
    assert [a.request_id for a in answers] == [ids[-1]]  # the stale answer is dropped
    runner.shutdown()


def test_busy_indicators_wait_for_a_slow_answer(qtbot, monkeypatch) -> None:
    def slow_batch(request_id: int, batch: StatsBatch) -> StatsOutcome:
        time.sleep(3 * stats_runner.BUSY_DELAY_MS / 1000)
        return StatsOutcome(request_id, batch)

    runner = StatsRunner(sync_limit=5_000)
    shown: list[bool] = []
    changed: list[bool] = []
    runner.busyShown.connect(shown.append)
    runner.busyChanged.connect(changed.append)
    runner.submit(StatsBatch(_job(1_000)))  # answered at once: nothing to show
    assert shown == [] and changed == []
    monkeypatch.setattr(stats_runner, "run_batch", slow_batch)
    runner.submit(StatsBatch(_job(10_000)))
    assert changed == [True]
    assert runner.wait_idle(10)
    assert changed == [True, False]
    assert shown == [True, False]
    runner.shutdown()


def test_a_new_large_sample_lets_go_of_the_old_one(monkeypatch) -> None:
    monkeypatch.setattr(stats_runner, "_large_sample_key", None)
    n = stats_runner.LARGE_SAMPLE
    old = draw_samples(InputDistribution(), n, 0)
    stats_runner._release_other_large_samples(StatsBatch(_job(n, 0)))
    kept = draw_samples(InputDistribution(), n, 0)
    stats_runner._release_other_large_samples(StatsBatch(_job(n, 0)))
    assert draw_samples(InputDistribution(), n, 0) is kept  # the same sample stays cached
    small = draw_samples(InputDistribution(), 1_000, 0)
    stats_runner._release_other_large_samples(StatsBatch(_job(1_000, 5)))
    assert draw_samples(InputDistribution(), 1_000, 0) is small  # small work clears nothing
    stats_runner._release_other_large_samples(StatsBatch(_job(n, 1)))
    assert draw_samples(InputDistribution(), n, 0) is not kept  # dropped for the new seed
    del old


# -- the properties card ----------------------------------------------------------------------
def _counting_activation(calls: list[float]) -> Activation:
    def output_range(p: dict[str, float]) -> tuple[float, float]:
        calls.append(p["alpha"])
        return (-p["alpha"], INF)

    return Activation(
        key="counting_stand_in",
        name="Counting",
        family=Family.EXPONENTIAL,
        formula=Formula("x", "x"),
        kernel=lambda x, alpha: np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0))),
        derivative_kernel=lambda x, alpha: np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0))),
        rules=PropertyRules(output_range=output_range),
        description=Description("A test function."),
        params=(ParamSpec("alpha", 1.0, 0.0, 10.0, "scale"),),
    )


def test_the_card_works_out_each_setting_once(qtbot) -> None:
    card = PropertiesCard()
    qtbot.addWidget(card)
    calls: list[float] = []
    act = _counting_activation(calls)
    card.set_activation(act, {"alpha": 1.0})
    for alpha in (2.0, 1.0, 2.0, 1.0):
        card.set_params({"alpha": alpha})
    assert calls == [1.0, 2.0]
    assert card.fact("output_range") == "−1 to ∞"
    with pytest.raises(ValueError, match="alpha"):
        card.set_params({"alpha": -1.0})
    assert card.fact("output_range") == "−1 to ∞"
    # Another activation starts afresh.
    card.set_activation(_counting_activation(calls), {"alpha": 2.0})
    assert calls == [1.0, 2.0, 2.0]


def test_the_card_skips_a_setting_it_already_shows(qtbot, monkeypatch) -> None:
    card = PropertiesCard()
    qtbot.addWidget(card)
    act = _counting_activation([])
    card.set_activation(act, {"alpha": 1.0})
    written: list[str] = []
    label = card._fact_values["output_range"]
    assert isinstance(label, SteadyLabel)  # a range follows a drag: no relayout per step
    original = label.set_text
    monkeypatch.setattr(label, "set_text", lambda text: (written.append(text), original(text)))
    card.set_params({"alpha": 1.0})  # another field of the state changed: nothing to write
    assert written == []
    card.set_params({"alpha": 2.0})
    assert written == ["−2 to ∞"]
    card.set_activation(act, {"alpha": 2.0})  # shown afresh (a new language, a new look)
    assert written == ["−2 to ∞", "−2 to ∞"]


# -- cheap statistics are answered in the same frame as the curves ----------------------------
def test_the_cost_model_sums_what_it_has_measured() -> None:
    model = CostModel(measure_up_to=100_000)
    batch = StatsBatch(_job(50_000), (StatsJob("tanh", {}, InputDistribution(), 50_000, 0),))
    assert model.estimate(batch) is None  # never measured
    model.record(
        StatsOutcome(
            1,
            batch,
            cpu_seconds={batch.current.cache_key(): 0.005, batch.pins[0].cache_key(): 0.010},
        )
    )
    assert model.estimate(StatsBatch(_job(100_000))) == pytest.approx(0.010)
    assert model.estimate(batch) == pytest.approx(0.015)
    # A job the core spread over several threads says nothing about one thread's cost.
    model.record(
        StatsOutcome(2, StatsBatch(_job(200_000)), cpu_seconds={_job(200_000).cache_key(): 9.0})
    )
    assert model.estimate(StatsBatch(_job(100_000))) == pytest.approx(0.010)


def test_the_cost_model_measures_each_input_distribution_and_mode_apart() -> None:
    model = CostModel(measure_up_to=100_000)
    job = _job(50_000)
    model.record(StatsOutcome(1, StatsBatch(job), cpu_seconds={job.cache_key(): 0.005}))
    assert model.estimate(StatsBatch(job)) == pytest.approx(0.005)
    # Another parameter setting of the same function and inputs: the same rate (a drag).
    assert model.estimate(StatsBatch(replace(job, params={"alpha": 3.0}))) == pytest.approx(0.005)
    # Wider inputs or training mode can cost far more: not known until measured.
    wide = replace(job, dist=InputDistribution("normal", {"mean": 0.0, "std": 100.0}))
    assert model.estimate(StatsBatch(wide)) is None
    assert model.estimate(StatsBatch(replace(job, train_mode=True))) is None


def test_one_slow_measurement_does_not_change_the_estimate_two_do() -> None:
    model = CostModel(measure_up_to=100_000)
    job = _job(50_000)

    def measured(seconds: float) -> None:
        model.record(StatsOutcome(1, StatsBatch(job), cpu_seconds={job.cache_key(): seconds}))

    for seconds in (0.004, 0.004, 0.004):
        measured(seconds)
    measured(0.040)  # another process took the core for a moment
    assert model.estimate(StatsBatch(job)) == pytest.approx(0.004)
    measured(0.040)  # a setting that really costs more
    assert model.estimate(StatsBatch(job)) == pytest.approx(0.040)


def test_the_wall_estimate_of_a_large_job_comes_from_large_jobs() -> None:
    model = CostModel(measure_up_to=100_000)
    small, large = _job(50_000), _job(1_000_000)
    model.record(StatsOutcome(1, StatsBatch(small), cpu_seconds={small.cache_key(): 0.005}))
    assert model.estimate_wall(StatsBatch(small)) == pytest.approx(0.005)
    # One thread's CPU time says nothing about a job spread over the cores.
    assert model.estimate_wall(StatsBatch(large)) is None
    # The computing thread's share of a job spread over the cores: about its answer time.
    model.record(StatsOutcome(2, StatsBatch(large), cpu_seconds={large.cache_key(): 0.020}))
    assert model.estimate_wall(StatsBatch(large)) == pytest.approx(0.020)
    assert model.estimate_wall(StatsBatch(_job(2_000_000))) == pytest.approx(0.040)
    assert model.estimate(StatsBatch(small)) == pytest.approx(0.005)  # unchanged


def test_a_batch_known_to_be_cheap_skips_the_worker(qtbot) -> None:
    runner = StatsRunner(sync_limit=200_000, sync_budget_s=3600.0)
    answers: list[StatsOutcome] = []
    busy: list[bool] = []
    runner.ready.connect(answers.append)
    runner.busyChanged.connect(busy.append)
    first = StatsBatch(_job(100_000, seed=0))
    assert not runner.runs_at_once(first)  # never measured: the worker finds out
    runner.submit(first)
    assert busy == [True] and answers == []
    assert runner.wait_idle(30)
    # Measured now: the next request is answered before submit returns, without the worker.
    second = StatsBatch(_job(100_000, seed=1))
    assert runner.runs_at_once(second)
    request = runner.submit(second)
    assert [a.request_id for a in answers][-1] == request
    assert answers[-1].results[second.current.cache_key()].seed == 1
    assert busy == [True, False] and not runner.busy
    # Over the sample limit, or over the budget, it goes to the worker whatever it costs.
    assert not runner.runs_at_once(StatsBatch(_job(300_000)))
    runner.sync_budget_s = 0.0
    assert not runner.runs_at_once(second)
    runner.shutdown()


def test_a_slider_step_at_1e5_samples_settles_without_a_round_trip(window: MainWindow) -> None:
    window.runner.sync_budget_s = 3600.0  # whatever this machine's speed, elu counts as cheap
    window.state.activation = "elu"
    window.state.n_samples = 100_000
    assert window.wait_until_idle(30)
    slider = next(
        c for c in window.parameters.form.controls.values() if isinstance(c, NumberControl)
    ).slider
    busy: list[bool] = []
    window.runner.busyChanged.connect(busy.append)
    for position in (300, 420, 560):
        slider.setValue(position)
        # No event processed yet: curves and statistics already belong to the same step.
        stats = window.controller.stats
        assert stats is not None and dict(stats.params) == window.state.params
        histogram = window.plots.out_hist
        np.testing.assert_array_equal(histogram.xData, stats.output_hist.edges)
    assert busy == [] and not window.runner.busy


# -- curves and histograms in one repaint --------------------------------------------------------
class _Events(QObject):
    """Counts events of one type reaching the watched widgets."""

    def __init__(self, kind: QEvent.Type) -> None:
        super().__init__()
        self.kind = kind
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.kind:
            self.count += 1
        return False


def test_held_curves_are_drawn_once_released_or_at_the_limit(plots: PlotsView, qtbot) -> None:
    plots.set_curve(_curve(1.0))
    QCoreApplication.processEvents()
    paints = _Events(QEvent.Type.Paint)
    viewport = plots.function_plot.viewport()
    viewport.installEventFilter(paints)
    plots.hold_curves(10_000)
    plots.set_curve(_curve(1.5))
    plots.set_curve(_curve(2.0))  # the newest held curve is the one drawn
    for _ in range(5):
        QCoreApplication.processEvents()
    assert paints.count == 0 and plots.curves_held
    np.testing.assert_array_equal(plots.f_curve.yData, np.tanh(X))
    plots.hold_curves(0)  # a hold in progress keeps its own limit
    assert plots.curves_held
    plots.release_curves()
    assert not plots.curves_held
    np.testing.assert_array_equal(plots.f_curve.yData, 2.0 * np.tanh(X))
    qtbot.waitUntil(lambda: paints.count > 0, timeout=2000)
    # The limit ends a hold that no answer ends.
    plots.hold_curves(30)
    plots.set_curve(_curve(3.0))
    qtbot.waitUntil(lambda: not plots.curves_held, timeout=2000)
    np.testing.assert_array_equal(plots.f_curve.yData, 3.0 * np.tanh(X))
    viewport.removeEventFilter(paints)


def _drag_step(window: MainWindow, position: int) -> None:
    slider = next(
        c for c in window.parameters.form.controls.values() if isinstance(c, NumberControl)
    ).slider
    slider.setValue(position)


def test_histograms_due_within_a_frame_hold_the_curves_for_them(
    window: MainWindow, qtbot, monkeypatch
) -> None:
    window.runner.sync_limit = 0  # every request goes to the worker
    window.state.activation = "elu"
    window.state.n_samples = 200_000
    assert window.wait_until_idle(30)
    _drag_step(window, 300)
    assert window.wait_until_idle(30)
    # Measured once: the worker's answer time is known. Whatever this machine's speed, count it
    # as due within a frame.
    monkeypatch.setattr(controller_module, "HOLD_FOR_ANSWER_S", 3600.0)
    _drag_step(window, 420)
    assert window.runner.busy and window.plots.curves_held
    assert window.wait_until_idle(30)
    qtbot.waitUntil(lambda: not window.plots.curves_held, timeout=2000)
    stats = window.controller.stats
    assert stats is not None and dict(stats.params) == window.state.params
    # An answer expected to take longer does not hold the curves.
    monkeypatch.setattr(controller_module, "HOLD_FOR_ANSWER_S", 0.0)
    _drag_step(window, 560)
    assert window.runner.busy and not window.plots.curves_held
    assert window.wait_until_idle(30)


def test_only_a_parameter_step_holds_its_curves(window: MainWindow, monkeypatch) -> None:
    window.runner.sync_limit = 0  # every request goes to the worker
    monkeypatch.setattr(controller_module, "HOLD_FOR_ANSWER_S", 3600.0)
    window.state.activation = "elu"
    window.state.n_samples = 200_000
    assert window.wait_until_idle(30)
    window.state.activation = "celu"  # measured below, then picked again
    assert window.wait_until_idle(30)
    window.state.activation = "elu"
    # Another function, sample count or seed: the curves are drawn at once.
    assert window.runner.busy and not window.plots.curves_held
    assert window.wait_until_idle(30)
    window.state.seed = 5
    assert window.runner.busy and not window.plots.curves_held
    assert window.wait_until_idle(30)


def test_pictures_show_the_newest_curves_even_during_a_hold(
    window: MainWindow, tmp_path, monkeypatch
) -> None:
    from actexplorer.gui.gif_export import grab_plots

    window.runner.sync_limit = 0
    monkeypatch.setattr(controller_module, "HOLD_FOR_ANSWER_S", 3600.0)
    window.state.activation = "elu"
    window.state.n_samples = 200_000
    assert window.wait_until_idle(30)
    _drag_step(window, 300)
    assert window.wait_until_idle(30)
    for take in (
        lambda: grab_plots(window.plots, histograms=False),
        lambda: window.exports.plot_png("function", tmp_path / "f.png"),
    ):
        _drag_step(window, 420)
        assert window.plots.curves_held
        take()
        assert not window.plots.curves_held
        np.testing.assert_array_equal(window.plots.f_curve.yData, window.controller.curve.f)
        assert window.wait_until_idle(30)
        _drag_step(window, 300)
        assert window.wait_until_idle(30)


def test_a_new_range_repaints_its_label_without_a_relayout_of_the_card(qtbot) -> None:
    card = PropertiesCard()
    _shown(qtbot, card, 320, 700)
    act = _counting_activation([])
    card.set_activation(act, {"alpha": 1.25})  # the box fits "−1.25 to ∞"
    QCoreApplication.processEvents()
    label = card._fact_values["output_range"]
    size = label.size()
    requests = _Events(QEvent.Type.LayoutRequest)
    body = label.parentWidget()
    body.installEventFilter(requests)
    for alpha in (1.5, 2.5, 3.5, 1.75):
        card.set_params({"alpha": alpha})
        QCoreApplication.processEvents()
        assert label.size() == size
    assert card.fact("output_range") == "−1.75 to ∞"
    assert requests.count == 0
    card.set_params({"alpha": 1.125})  # a longer text widens the box, once
    assert label.width() >= label.sizeHint().width() > size.width()
    body.removeEventFilter(requests)


# -- number labels ----------------------------------------------------------------------------
def test_a_new_number_repaints_its_label_without_a_relayout(qtbot) -> None:
    panel = StatisticsPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    label = panel._sampled["mean"]
    assert isinstance(label, NumberLabel)
    QCoreApplication.processEvents()  # the first layout of the panel
    size = label.size()
    requests = _Events(QEvent.Type.LayoutRequest)
    panel.installEventFilter(requests)
    for text in ("0.1605", "−0.9918", "4.225", "12.5"):
        label.set_number(text)
        QCoreApplication.processEvents()
        assert label.text() == text and label.size() == size
    assert requests.count == 0
    # A longer number widens the box once, so that it is shown whole.
    label.set_number("−1.234×10⁻¹²")
    assert label.width() >= label.sizeHint().width() > size.width()
    wide = label.size()
    label.set_number("0.5")
    assert label.size() == wide  # the box does not shrink back and forth during a drag
    panel.removeEventFilter(requests)
