"""Runs :func:`actexplorer.core.stats.sample_stats` for the window, off the GUI thread when big.

Small requests (≤ :data:`SYNC_LIMIT` samples) are computed at once so the histograms repaint in the
same frame as the curves. Larger ones go to one worker thread; while it works, newer requests
replace each other in a single pending slot, and a result that is no longer the newest request's
is dropped, so a slider storm at 10⁷ samples costs at most one stale computation.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThreadPool, Signal

from actexplorer.core.activation import ParamValue

if TYPE_CHECKING:
    from actexplorer.core.stats import InputDistribution, SampleStats

#: Up to this many samples the statistics are computed on the GUI thread (a few milliseconds).
SYNC_LIMIT = 200_000


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
    """Compute every job of ``batch`` (pure; safe on any thread)."""
    from actexplorer.core import get_scalar
    from actexplorer.core.stats import sample_stats

    start = time.perf_counter()
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


class _Relay(QObject):
    """Carries a worker's outcome to the GUI thread (a queued signal)."""

    done = Signal(object)


class StatsRunner(QObject):
    """Newest-wins scheduler of statistics batches; see the module docstring."""

    ready = Signal(object)  # StatsOutcome of the newest request
    busyChanged = Signal(bool)

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
        self._pool.waitForDone()
