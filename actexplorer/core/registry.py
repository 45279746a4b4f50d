"""The one registry of activations and its resolver.

Catalog modules call :func:`register` at import time; everything else (the picker, the parameter
panel, the tests, the docs) iterates :data:`ACTIVATIONS`, so adding a function is one definition.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import TypeAlias, TypeVar

from .activation import Activation, Family, VectorActivation

AnyActivation: TypeAlias = Activation | VectorActivation
_A = TypeVar("_A", Activation, VectorActivation)

_FAMILY_ORDER = {family: index for index, family in enumerate(Family)}


class Catalog(Mapping[str, AnyActivation]):
    """Ordered mapping key → activation (grouped by family); aliases resolve but are not listed."""

    def __init__(self) -> None:
        self._items: dict[str, AnyActivation] = {}
        self._aliases: dict[str, str] = {}
        self._order: list[str] | None = None

    def add(self, activation: _A) -> _A:
        """Register ``activation``; keys and aliases must be new."""
        for name in (activation.key, *activation.aliases):
            if name in self._items or name in self._aliases:
                raise ValueError(f"activation key {name!r} is registered twice")
        self._items[activation.key] = activation
        for alias in activation.aliases:
            self._aliases[alias] = activation.key
        self._order = None
        return activation

    def _ordered(self) -> list[str]:
        if self._order is None:
            keys = list(self._items)
            keys.sort(key=lambda k: _FAMILY_ORDER[self._items[k].family])  # stable within family
            self._order = keys
        return self._order

    def __getitem__(self, key: str) -> AnyActivation:
        return self._items[self._aliases.get(key, key)]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self._items or key in self._aliases)

    def __iter__(self) -> Iterator[str]:
        return iter(self._ordered())

    def __len__(self) -> int:
        return len(self._items)

    @property
    def aliases(self) -> Mapping[str, str]:
        """alias → canonical key."""
        return dict(self._aliases)

    def scalar(self) -> dict[str, Activation]:
        """The scalar (elementwise) activations, in picker order."""
        return {k: a for k in self._ordered() if isinstance(a := self._items[k], Activation)}

    def vector(self) -> dict[str, VectorActivation]:
        """The vector activations (softmax family), in picker order."""
        return {k: a for k in self._ordered() if isinstance(a := self._items[k], VectorActivation)}

    def resolve(self, key: str) -> AnyActivation:
        """The activation called ``key`` (or one of its aliases); ``KeyError`` with a hint."""
        if not isinstance(key, str):
            raise KeyError(f"activation keys are strings; got {key!r}")
        canonical = self._aliases.get(key, key)
        if canonical in self._items:
            return self._items[canonical]
        folded = key.strip().lower().replace("-", "_").replace(" ", "_")
        folded = self._aliases.get(folded, folded)
        if folded in self._items:
            return self._items[folded]
        candidates = [*self._items, *self._aliases]
        close = difflib.get_close_matches(folded, candidates, n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
        raise KeyError(f"unknown activation {key!r}{hint}")


#: Every registered activation, scalar and vector, in picker order.
ACTIVATIONS = Catalog()


def register(activation: _A) -> _A:
    """Add ``activation`` to :data:`ACTIVATIONS` and return it."""
    return ACTIVATIONS.add(activation)


def get(key: str) -> AnyActivation:
    """The activation called ``key``; an unknown key raises ``KeyError`` with a suggestion."""
    return ACTIVATIONS.resolve(key)


def get_scalar(key: str) -> Activation:
    """Like :func:`get`, but refuses vector activations with a ``KeyError``."""
    activation = get(key)
    if not isinstance(activation, Activation):
        raise KeyError(f"{key!r} is a vector activation; it has no curve over x")
    return activation
