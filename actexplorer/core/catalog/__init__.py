"""The catalog: importing this package registers every activation, family by family."""

from __future__ import annotations

import importlib

# One module per family; each registers its functions with ``registry.register`` on import.
_MODULES = (
    "rectifiers",
    "exponential",
    "gated",
    "sigmoidal",
    "hard",
    "shrink",
    "periodic",
    "other",
    "vector",
)

for _name in _MODULES:
    importlib.import_module(f"{__name__}.{_name}")
