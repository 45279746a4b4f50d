"""Runs :func:`actexplorer.core.stats.sample_stats` for the window, off the GUI thread when big.

A batch is computed at once, on the GUI thread, when it is known to be cheap: always up to
:data:`ALWAYS_SYNC` samples, and up to :data:`SYNC_LIMIT` samples when the work it will take,
estimated from the measured cost of earlier batches of the same functions, fits
:data:`SYNC_BUDGET_S`. The histograms then repaint in the same frame as the curves, without a round
trip through the worker (thread wake-up, a queued signal, and a second repaint of the plots).
Anything else goes to one worker thread, so the curves keep repainting every frame while a slider
moves; while the worker is busy, newer requests replace each other in a single pending slot, and a
result that is no longer the newest request's is dropped, so a slider storm costs at most one stale
computation.

At 10⁷ samples the input sample alone is 80 MB: before the worker draws a new large sample it lets
go of the cached ones, so the old and the new sample are never held at the same time.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThreadPool, QTimer, Signal

from actexplorer.core import locale as core_locale
from actexplorer.core.activation import Activation, ParamValue

if TYPE_CHECKING:
    from actexplorer.core.registry import AnyActivation
    from actexplorer.core.stats import InputDistribution, SampleStats

#: Up to this many samples the statistics are always computed on the GUI thread (well under a
#: millisecond for any function of the catalog).
ALWAYS_SYNC = 20_000
#: Above this many samples the statistics are never computed on the GUI thread, whatever the
#: estimate says. Below 8 blocks the core computes on the calling thread alone, so the thread's CPU
#: time measures all of a batch's work.
SYNC_LIMIT = 250_000
#: Estimated CPU time up to which a batch of at most SYNC_LIMIT samples is computed on the GUI
#: thread: with the curves' own few milliseconds, the frame stays within a 60 Hz frame.
SYNC_BUDGET_S = 0.006
#: How long an answer may take before busy indicators are shown.
BUSY_DELAY_MS = 150
#: From this many samples a sample is large enough (8 MB) that keeping old ones cached while a
#: new one is drawn would show in the memory figure.
LARGE_SAMPLE = 1_000_000


@dataclass(frozen=True)
class StatsJob:
    """One function's statistics request (the current one or a pinned one)."""

    key: str
    params: Mapping[str, ParamValue]
    dist: InputDistribution
    n: int
    seed: int
    train_mode: bool = False
    #: The function as defined when the job was made, looked up from ``key`` when not given: a
    #: custom function redefined under the same key is another object, so its statistics are
    #: never taken for the old definition's (and a worker computes the definition it was given).
    activation: AnyActivation | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.activation is None:
            from actexplorer.core import ACTIVATIONS

            object.__setattr__(self, "activation", ACTIVATIONS.get(self.key))

    def cache_key(self) -> tuple[Any, ...]:
        """Hashable identity of the request (the activation object by identity)."""
        return (
            self.key,
            tuple(sorted(self.params.items())),
            self.dist,
            self.n,
            self.seed,
            self.train_mode,
            self.activation,
        )


@dataclass(frozen=True)
class StatsBatch:
    """The current function's job and the pinned ones that need computing."""

    current: StatsJob | None
    pins: tuple[StatsJob, ...] = ()

    @property
    def n(self) -> int:
        """The sample count the batch works at."""
        jobs = ([self.current] if self.current else []) + list(self.pins)
        return max((job.n for job in jobs), default=0)


@dataclass(frozen=True)
class StatsOutcome:
    """Results of a batch: by job cache key, and the error message of a failed job."""

    request_id: int
    batch: StatsBatch
    results: dict[tuple[Any, ...], SampleStats] = field(default_factory=dict)
    errors: dict[tuple[Any, ...], str] = field(default_factory=dict)
    seconds: float = 0.0
    #: CPU seconds of the computing thread per job (by cache key), for the runner's cost estimates.
    cpu_seconds: dict[tuple[Any, ...], float] = field(default_factory=dict)


def run_batch(request_id: int, batch: StatsBatch) -> StatsOutcome:
    """Compute every job of ``batch`` (safe on any thread)."""
    from actexplorer.core import get_scalar
    from actexplorer.core.stats import sample_stats

    start = time.perf_counter()
    _release_other_large_samples(batch)
    results: dict[tuple[Any, ...], SampleStats] = {}
    errors: dict[tuple[Any, ...], str] = {}
    cpu: dict[tuple[Any, ...], float] = {}
    jobs = ([batch.current] if batch.current else []) + list(batch.pins)
    for job in jobs:
        # CPU time, not wall time: a worker waiting for the GIL while the GUI thread paints would
        # otherwise look dearer than it is.
        cpu_start = time.thread_time()
        try:
            act = job.activation
            results[job.cache_key()] = sample_stats(
                act if isinstance(act, Activation) else get_scalar(job.key),
                job.params,
                job.dist,
                job.n,
                job.seed,
                train_mode=job.train_mode,
            )
        except (ValueError, KeyError, TypeError, FloatingPointError, MemoryError) as exc:
            # The core's refusals are messages: shown in the language of the moment.
            errors[job.cache_key()] = core_locale.error_text(exc)
        cpu[job.cache_key()] = time.thread_time() - cpu_start
    return StatsOutcome(request_id, batch, results, errors, time.perf_counter() - start, cpu)


class CostModel:
    """Seconds per sample of each function, as recently measured, to tell cheap batches apart.

    A rate is kept per function, input distribution and training mode: the exact moments and
    the tails a distribution reaches change the cost a lot (snake on N(0, 100²) costs five times
    what it does on N(0, 1)). Parameters are left out, or a drag would never be measured. The
    rate is the median of the last :attr:`WINDOW` measurements: one step slowed by another
    process does not send the next ones to the worker, while a costly setting is caught after
    two steps.

    Two rates per function, both from the computing thread's CPU time: for jobs small enough
    to run on one thread it is the job's whole cost (what it would cost the GUI thread); larger
    jobs the core shares out between that thread and the others, so there it is about how long
    the answer takes when the cores are free. CPU time, not wall time: an answer slowed by the
    GUI thread painting beside it would otherwise look dearer, stop the plots waiting for it,
    and so be slowed again.
    """

    WINDOW = 3

    def __init__(self, measure_up_to: int = SYNC_LIMIT) -> None:
        # Above this count the core spreads a job over several threads: the computing thread's
        # CPU time would only be its share.
        self._measure_up_to = measure_up_to
        self._cpu: dict[tuple[Any, ...], deque[float]] = {}
        self._shared: dict[tuple[Any, ...], deque[float]] = {}

    def record(self, outcome: StatsOutcome) -> None:
        """Learn from the measured jobs of ``outcome``."""
        jobs = ([outcome.batch.current] if outcome.batch.current else []) + list(outcome.batch.pins)
        for job in jobs:
            seconds = outcome.cpu_seconds.get(job.cache_key())
            if seconds is None:
                continue
            rates = self._cpu if job.n <= self._measure_up_to else self._shared
            history = rates.setdefault(_cost_key(job), deque(maxlen=self.WINDOW))
            history.append(seconds / job.n)

    def estimate(self, batch: StatsBatch) -> float | None:
        """CPU seconds ``batch`` should take on one thread; None when one of its functions was
        never measured at such a size."""
        return self._estimate(batch, self._cpu)

    def estimate_wall(self, batch: StatsBatch) -> float | None:
        """Seconds until the worker answers ``batch`` when the cores are free (larger jobs use
        every core); None when one of its functions was never measured at such a size."""
        return self._estimate(batch, self._shared if batch.n > self._measure_up_to else self._cpu)

    @staticmethod
    def _estimate(batch: StatsBatch, rates: dict[tuple[Any, ...], deque[float]]) -> float | None:
        jobs = ([batch.current] if batch.current else []) + list(batch.pins)
        total = 0.0
        for job in jobs:
            history = rates.get(_cost_key(job))
            if not history:
                return None
            total += _median(history) * job.n
        return total


def _median(values: deque[float]) -> float:
    """The median of a few values (the statistics module would cost start-up time)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else 0.5 * (ordered[middle - 1] + ordered[middle])


def _cost_key(job: StatsJob) -> tuple[Any, ...]:
    return (job.key, job.dist, job.train_mode)


_large_sample_lock = threading.Lock()
_large_sample_key: tuple[Any, ...] | None = None


def _release_other_large_samples(batch: StatsBatch) -> None:
    """Forget cached samples before a batch needs a large sample that is not the last one.

    Redrawing a small sample later costs little; holding an 80 MB sample of the previous input
    distribution while the next one is drawn doubles the peak memory at 10⁷ samples.
    """
    from actexplorer.core.stats import clear_sample_cache

    global _large_sample_key
    jobs = ([batch.current] if batch.current else []) + list(batch.pins)
    large = {(job.dist, job.n, job.seed) for job in jobs if job.n >= LARGE_SAMPLE}
    if not large:
        return
    with _large_sample_lock:
        if _large_sample_key not in large:
            clear_sample_cache()
        _large_sample_key = next(iter(large)) if len(large) == 1 else None


class _Relay(QObject):
    """Carries a worker's outcome to the GUI thread (a queued signal)."""

    done = Signal(object)


class StatsRunner(QObject):
    """Newest-wins scheduler of statistics batches; see the module docstring."""

    ready = Signal(object)  # StatsOutcome of the newest request
    #: True as soon as the newest request waits for the worker, False when it is answered.
    busyChanged = Signal(bool)
    #: The same, for busy indicators: True only once the wait has lasted :data:`BUSY_DELAY_MS`,
    #: so that a 10⁵-sample drag (answers within a frame or two) does not flash an indicator and
    #: relayout the status bar on every step; False when it is answered after being shown.
    busyShown = Signal(bool)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        sync_limit: int = SYNC_LIMIT,
        sync_budget_s: float = SYNC_BUDGET_S,
    ) -> None:
        super().__init__(parent)
        #: The most samples a batch may have to be computed on the GUI thread.
        self.sync_limit = sync_limit
        #: The most estimated CPU seconds a batch above ALWAYS_SYNC may take on the GUI thread.
        self.sync_budget_s = sync_budget_s
        self.costs = CostModel()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.done.connect(self._finished)
        self._latest = 0
        self._running = False
        self._pending: tuple[int, StatsBatch] | None = None
        self._busy = False
        self._shown_busy = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._closed = False

    @property
    def busy(self) -> bool:
        """True while the newest request has not been answered."""
        return self._busy

    @property
    def queued(self) -> bool:
        """True while the newest request waits for the worker to finish an older one."""
        return self._pending is not None

    def submit(self, batch: StatsBatch) -> int:
        """Schedule ``batch``; its outcome arrives through :attr:`ready` unless superseded."""
        self._latest += 1
        request_id = self._latest
        if self._closed:
            return request_id
        if self.runs_at_once(batch):
            # Newer than anything queued or running: those answers will be dropped as stale.
            self._pending = None
            outcome = run_batch(request_id, batch)
            self.costs.record(outcome)
            self._set_busy(False)
            self.ready.emit(outcome)
            return request_id
        if self._running:
            self._pending = (request_id, batch)
        else:
            self._start(request_id, batch)
        self._set_busy(True)
        return request_id

    def runs_at_once(self, batch: StatsBatch) -> bool:
        """True when ``batch`` would be computed on the calling thread (see the module doc)."""
        n = batch.n
        if n > self.sync_limit:
            return False
        if n <= ALWAYS_SYNC:
            return True
        cost = self.costs.estimate(batch)
        return cost is not None and cost <= self.sync_budget_s

    def _start(self, request_id: int, batch: StatsBatch) -> None:
        self._running = True
        relay = self._relay

        def work() -> None:
            outcome = run_batch(request_id, batch)
            # The window may have gone away meanwhile (the process is ending).
            with contextlib.suppress(RuntimeError):
                relay.done.emit(outcome)

        self._pool.start(work)

    def _finished(self, outcome: StatsOutcome) -> None:
        self._running = False
        self.costs.record(outcome)
        if self._pending is not None and not self._closed:
            request_id, batch = self._pending
            self._pending = None
            self._start(request_id, batch)
        if outcome.request_id == self._latest:
            self._set_busy(False)
            self.ready.emit(outcome)
        elif not self._running:
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
            if busy:
                self._busy_timer.start()
            else:
                self._busy_timer.stop()
                if self._shown_busy:
                    self._shown_busy = False
                    self.busyShown.emit(False)

    def _show_busy(self) -> None:
        if self._busy and not self._shown_busy:
            self._shown_busy = True
            self.busyShown.emit(True)

    def wait_idle(self, timeout_s: float = 30.0, process: Callable[[], None] | None = None) -> bool:
        """Run the event loop until the newest request is answered; False on timeout."""
        deadline = time.monotonic() + timeout_s
        while self._busy and time.monotonic() < deadline:
            self._pool.waitForDone(20)
            if process is not None:
                process()
            else:
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return not self._busy

    def shutdown(self) -> None:
        """Drop pending work and wait for the running batch (before the window goes away)."""
        self._closed = True
        self._pending = None
        self._busy_timer.stop()
        self._pool.waitForDone()
