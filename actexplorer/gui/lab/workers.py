"""Runs the lab's heavy computations off the GUI thread, newest request first.

A :class:`LatestRunner` owns one worker thread. While it works, newer requests replace each
other in a single pending slot, and a result that is no longer the newest request's is dropped,
so a slider storm costs at most one stale computation. Jobs are plain callables that capture only
data (never widgets) and return the core's frozen results.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThreadPool, Signal

#: What a failing job may raise: bad settings, or a network too big for memory.
JOB_ERRORS = (ValueError, KeyError, TypeError, ArithmeticError, MemoryError)


class _Relay(QObject):
    """Carries a worker's outcome to the GUI thread (a queued signal)."""

    done = Signal(int, object, str)


class LatestRunner(QObject):
    """Newest-wins scheduler of jobs on one worker thread; see the module docstring."""

    ready = Signal(int, object)  # request id and result of the newest request
    failed = Signal(int, str)  # request id and message of the newest request
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.done.connect(self._finished)
        self._latest = 0
        self._running = False
        self._pending: tuple[int, Callable[[], Any]] | None = None
        self._busy = False
        self._closed = False
        #: Seconds the last finished job took (for the status line and benchmarks).
        self.last_seconds = 0.0

    @property
    def busy(self) -> bool:
        """True while the newest request has not been answered."""
        return self._busy

    @property
    def latest(self) -> int:
        """The id of the newest request."""
        return self._latest

    def submit(self, job: Callable[[], Any]) -> int:
        """Schedule ``job``; its result arrives through :attr:`ready` unless superseded."""
        self._latest += 1
        request_id = self._latest
        if self._closed:
            return request_id
        if self._running:
            self._pending = (request_id, job)
        else:
            self._start(request_id, job)
        self._set_busy(True)
        return request_id

    def _start(self, request_id: int, job: Callable[[], Any]) -> None:
        self._running = True
        relay = self._relay
        runner = self

        def work() -> None:
            start = time.perf_counter()
            try:
                result, message = job(), ""
            except JOB_ERRORS as exc:
                result, message = None, str(exc) or type(exc).__name__
            runner.last_seconds = time.perf_counter() - start
            relay.done.emit(request_id, result, message)

        self._pool.start(work)

    def _finished(self, request_id: int, result: object, message: str) -> None:
        self._running = False
        if self._pending is not None and not self._closed:
            pending_id, job = self._pending
            self._pending = None
            self._start(pending_id, job)
        if request_id != self._latest:
            return  # stale: a newer request is queued or running
        self._set_busy(False)
        if message:
            self.failed.emit(request_id, message)
        else:
            self.ready.emit(request_id, result)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)

    def wait_idle(self, timeout_s: float = 30.0) -> bool:
        """Run the event loop until the newest request is answered; False on timeout."""
        deadline = time.monotonic() + timeout_s
        while self._busy and time.monotonic() < deadline:
            self._pool.waitForDone(20)
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return not self._busy

    def shutdown(self) -> None:
        """Drop pending work and wait for the running job (before the window goes away)."""
        self._closed = True
        self._pending = None
        self._pool.waitForDone()
