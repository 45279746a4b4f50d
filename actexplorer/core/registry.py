"""The one registry of activations and its resolver.

Catalog modules call :func:`register` at import time; everything else (the picker, the parameter
panel, the tests, the docs) iterates :data:`ACTIVATIONS`, so adding a function is one definition.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import TypeAlias, TypeVar

from .activation import Activation, Family, VectorActivation
from .messages import Message, template

AnyActivation: TypeAlias = Activation | VectorActivation
_A = TypeVar("_A", Activation, VectorActivation)

_FAMILY_ORDER = {family: index for index, family in enumerate(Family)}


#: Keys of user-defined activations start with this; only they can be replaced or removed.
CUSTOM_PREFIX = "custom:"

# User-visible refusals (translated through actexplorer.core.locale).
_BAD_CUSTOM_KEY = template("custom activation keys start with {prefix!r}; got {key!r}")
_ALIAS_TAKEN = template("{key!r} is a built-in activation's alias")
_NOTHING_TO_REMOVE = template("no activation {key!r} to remove")
_BUILT_IN = template("{key!r} is built in and cannot be removed")
_KEY_NOT_TEXT = template("activation keys are strings; got {key!r}")
_UNKNOWN_ACTIVATION = template("unknown activation {key!r}{hint}")
_DID_YOU_MEAN = template("; did you mean {names}?")
_EITHER = template("{first} or {second}")
_VECTOR_HAS_NO_CURVE = template("{key!r} is a vector activation; it has no curve over x")


class Catalog(Mapping[str, AnyActivation]):
    """Ordered mapping key → activation (grouped by family); aliases resolve but are not listed.

    Built-in entries are permanent. User-defined ones (keys starting with :data:`CUSTOM_PREFIX`,
    added with :meth:`add_custom`) can be replaced and removed while the program runs; each change
    swaps in a new dict, so a worker thread iterating the catalog sees either the old or the new
    one, never a half-changed one.
    """

    def __init__(self) -> None:
        self._items: dict[str, AnyActivation] = {}
        self._aliases: dict[str, str] = {}
        self._order: tuple[dict[str, AnyActivation], list[str]] | None = None

    def add(self, activation: _A) -> _A:
        """Register ``activation``; keys and aliases must be new."""
        for name in (activation.key, *activation.aliases):
            if name in self._items or name in self._aliases:
                raise ValueError(f"activation key {name!r} is registered twice")
        self._items = {**self._items, activation.key: activation}
        for alias in activation.aliases:
            self._aliases[alias] = activation.key
        return activation

    def add_custom(self, activation: Activation) -> Activation:
        """Register or replace the user-defined scalar ``activation`` (key ``custom:...``).

        ``ValueError`` for a key without the prefix, aliases, or a name taken by a built-in.
        """
        key = activation.key
        if not isinstance(activation, Activation):
            raise ValueError("a custom activation must be a scalar Activation")
        if not key.startswith(CUSTOM_PREFIX) or len(key) == len(CUSTOM_PREFIX):
            raise ValueError(Message(_BAD_CUSTOM_KEY, prefix=CUSTOM_PREFIX, key=key))
        if activation.aliases:
            raise ValueError("custom activations have no aliases")
        if key in self._aliases:
            raise ValueError(Message(_ALIAS_TAKEN, key=key))
        self._items = {**self._items, key: activation}
        return activation

    def remove(self, key: str) -> AnyActivation:
        """Remove the user-defined activation ``key`` and return it; built-ins are refused."""
        if not isinstance(key, str) or key not in self._items:
            raise KeyError(Message(_NOTHING_TO_REMOVE, key=key))
        if not self.is_custom(key):
            raise ValueError(Message(_BUILT_IN, key=key))
        items = dict(self._items)
        removed = items.pop(key)
        self._items = items
        return removed

    def is_custom(self, key: str) -> bool:
        """True when ``key`` names a registered user-defined activation."""
        return key.startswith(CUSTOM_PREFIX) and key in self._items

    def custom(self) -> dict[str, Activation]:
        """The user-defined activations, in the order they were added."""
        return {
            k: a
            for k, a in self._items.items()
            if k.startswith(CUSTOM_PREFIX) and isinstance(a, Activation)
        }

    def _ordered(self) -> list[str]:
        items = self._items  # one snapshot: another thread may swap in a new dict meanwhile
        cached = self._order
        if cached is not None and cached[0] is items:
            return cached[1]
        keys = list(items)
        keys.sort(key=lambda k: _FAMILY_ORDER[items[k].family])  # stable within family
        self._order = (items, keys)
        return keys

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
        items = self._items
        return {k: a for k in self._ordered() if isinstance(a := items.get(k), Activation)}

    def vector(self) -> dict[str, VectorActivation]:
        """The vector activations (softmax family), in picker order."""
        items = self._items
        return {k: a for k in self._ordered() if isinstance(a := items.get(k), VectorActivation)}

    def resolve(self, key: str) -> AnyActivation:
        """The activation called ``key`` (or one of its aliases); ``KeyError`` with a hint."""
        if not isinstance(key, str):
            raise KeyError(Message(_KEY_NOT_TEXT, key=key))
        canonical = self._aliases.get(key, key)
        if canonical in self._items:
            return self._items[canonical]
        folded = key.strip().lower().replace("-", "_").replace(" ", "_")
        folded = self._aliases.get(folded, folded)
        if folded in self._items:
            return self._items[folded]
        candidates = [*self._items, *self._aliases]
        close = difflib.get_close_matches(folded, candidates, n=3, cutoff=0.6)
        hint = Message(_DID_YOU_MEAN, names=_either(close)) if close else ""
        raise KeyError(Message(_UNKNOWN_ACTIVATION, key=key, hint=hint))


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
        raise KeyError(Message(_VECTOR_HAS_NO_CURVE, key=key))
    return activation


def _either(names: list[str]) -> str:
    """``'a' or 'b' or 'c'``, with the joining word translatable."""
    if len(names) == 1:
        return repr(names[0])
    return Message(_EITHER, first=_either(names[:-1]), second=repr(names[-1]))
