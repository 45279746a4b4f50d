"""The Qt-free core: the activation catalog and the maths behind every view.

Only NumPy, SciPy and the standard library are imported here (a test checks it).
"""

from __future__ import annotations

from . import catalog as _catalog  # noqa: F401  (registers every activation)
from .activation import (
    INF,
    Activation,
    Description,
    Family,
    Formula,
    Framework,
    ParamSpec,
    Properties,
    PropertyRules,
    Reference,
    Smoothness,
    VectorActivation,
)
from .registry import ACTIVATIONS, AnyActivation, Catalog, get, get_scalar

__all__ = [
    "ACTIVATIONS",
    "INF",
    "Activation",
    "AnyActivation",
    "Catalog",
    "Description",
    "Family",
    "Formula",
    "Framework",
    "ParamSpec",
    "Properties",
    "PropertyRules",
    "Reference",
    "Smoothness",
    "VectorActivation",
    "get",
    "get_scalar",
]
