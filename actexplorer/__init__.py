"""ActExplorer: see and understand neural-network activation functions.

Importing this package never imports Qt; the window lives in :mod:`actexplorer.gui`.
"""

from __future__ import annotations

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("actexplorer")
except _metadata.PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
