"""High-precision mpmath references for every scalar activation in the catalog.

Each family module defines ``REFERENCES: list[MpRef]``; :data:`ALL` gathers them by key. These are
independent, textbook definitions evaluated with enough precision that cancellation cannot hurt
(see ``make_golden.py``); they are the truth the float64 kernels are measured against.
"""

from __future__ import annotations

import importlib

from ._base import STANDARD_POINTS, MpRef

_MODULES = ("piecewise", "gated", "sigmoidal")

ALL: dict[str, MpRef] = {}
for _name in _MODULES:
    _module = importlib.import_module(f"{__name__}.{_name}")
    for _ref in _module.REFERENCES:
        if _ref.key in ALL:
            raise ValueError(f"two references for {_ref.key!r}")
        ALL[_ref.key] = _ref

__all__ = ["ALL", "STANDARD_POINTS", "MpRef"]
