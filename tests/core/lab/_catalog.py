"""Catalog look-ups for the lab's tests: skip, naming the key, while a function is not written."""

from __future__ import annotations

import pytest

from actexplorer.core import ACTIVATIONS, Activation, get_scalar


def require(key: str) -> Activation:
    """The catalog's activation ``key``, or skip the test saying which key is missing."""
    if key not in ACTIVATIONS:
        pytest.skip(f"activation {key!r} is not in the catalog yet")
    return get_scalar(key)
