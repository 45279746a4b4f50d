"""Small Qt helpers shared by the widgets."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QSignalBlocker


@contextmanager
def signals_blocked(obj: QObject) -> Iterator[None]:
    """Block ``obj``'s signals inside the block, so a view update never writes back."""
    blocker = QSignalBlocker(obj)
    try:
        yield
    finally:
        blocker.unblock()
