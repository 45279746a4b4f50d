"""ActExplorer: see and understand neural-network activation functions.

Importing this package never imports Qt; the window lives in :mod:`actexplorer.gui`.
"""

from __future__ import annotations

#: The version, written here rather than looked up in the installed metadata: that lookup costs
#: about 30 ms at every start. pyproject.toml reads it from here.
__version__ = "0.1.0"

__all__ = ["__version__"]
