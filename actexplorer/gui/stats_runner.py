"""Runs :func:`actexplorer.core.stats.sample_stats` for the window, off the GUI thread when big.

Small requests (≤ :data:`SYNC_LIMIT` samples, well under a millisecond of work) are computed at once
so the histograms repaint in the same frame as the curves. Larger ones go to one worker thread, so
the curves keep repainting every frame while a slider moves; while the worker is busy, newer
requests replace each other in a single pending slot, and a result that is no longer the newest
request's is dropped, so a slider storm costs at most one stale computation.

At 10⁷ samples the input sample alone is 80 MB: before the worker draws a new large sample it lets
go of the cached ones, so the old and the new sample are never held at the same time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThreadPool, QTimer, Signal

from actexplorer.core.activation import ParamValue

if TYPE_CHECKING:
    from actexplorer.core.stats import InputDistribution, SampleStats

#: Up to this many samples the statistics are computed on the GUI thread. At 10⁵ samples they take
#: several milliseconds (a third of a 60 Hz frame on a busy laptop), so those go to the worker.
SYNC_LIMIT = 20_000
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

    def cache_key(self) -> tuple[Any, ...]:
        """Hashable identity of the request."""
        return (
            self.key,
            tuple(sorted(self.params.items())),
            self.dist,
            self.n,
            self.seed,
            self.train_mode,
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


def run_batch(request_id: int, batch: StatsBatch) -> StatsOutcome:
    """Compute every job of ``batch`` (safe on any thread)."""
    from actexplorer.core import get_scalar
    from actexplorer.core.stats import sample_stats

    start = time.perf_counter()
    _release_other_large_samples(batch)
    results: dict[tuple[Any, ...], SampleStats] = {}
    errors: dict[tuple[Any, ...], str] = {}
    jobs = ([batch.current] if batch.current else []) + list(batch.pins)
    for job in jobs:
        try:
            results[job.cache_key()] = sample_stats(
                get_scalar(job.key),
                job.params,
                job.dist,
                job.n,
                job.seed,
                train_mode=job.train_mode,
            )
        except (ValueError, KeyError, TypeError, FloatingPointError, MemoryError) as exc:
            errors[job.cache_key()] = str(exc)
    return StatsOutcome(request_id, batch, results, errors, time.perf_counter() - start)


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

    def __init__(self, parent: QObject | None = None, *, sync_limit: int = SYNC_LIMIT) -> None:
        super().__init__(parent)
        self.sync_limit = sync_limit
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

    def submit(self, batch: StatsBatch) -> int:
        """Schedule ``batch``; its outcome arrives through :attr:`ready` unless superseded."""
        self._latest += 1
        request_id = self._latest
        if self._closed:
            return request_id
        if batch.n <= self.sync_limit:
            self._pending = None
            outcome = run_batch(request_id, batch)
            self._set_busy(False)
            self.ready.emit(outcome)
            return request_id
        if self._running:
            self._pending = (request_id, batch)
        else:
            self._start(request_id, batch)
        self._set_busy(True)
        return request_id

    def _start(self, request_id: int, batch: StatsBatch) -> None:
        self._running = True
        relay = self._relay

        def work() -> None:
            relay.done.emit(run_batch(request_id, batch))

        self._pool.start(work)

    def _finished(self, outcome: StatsOutcome) -> None:
        self._running = False
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
