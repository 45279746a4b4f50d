"""The user's own activations as an evented, Qt-free model, registered in the catalog.

:class:`CustomFunctions` checks a :class:`~actexplorer.core.custom.CustomDefinition`, builds its
activation (the expression parsed by the whitelisted parser, the derivative built by SymPy) and
registers it in :data:`~actexplorer.core.ACTIVATIONS`, so every view that resolves keys through
the catalog (plots, statistics, pins, the deep-network lab) can show it.

:class:`StateGuard` keeps the explorer and lab states pointing at functions that exist: a custom
function that is current or pinned when it is removed gives way to the default function and its
pins are dropped; one that is replaced by a new definition is shown again with the parameters
that still fit.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Mapping
from typing import Any

from psygnal import Signal

from actexplorer.core import ACTIVATIONS, Activation
from actexplorer.core.activation import ParamValue
from actexplorer.core.custom import CustomDefinition, build_activation
from actexplorer.lab_state import LabState
from actexplorer.state import ExplorerState, Pin, default_activation_key

#: At most this many custom functions (the same limit scenes use).
MAX_CUSTOM = 32
#: Installing waits at most this long for SymPy's derivative.
BUILD_BUDGET_S = 10.0


def _builtin_names() -> dict[str, str]:
    """Folded names, keys and aliases of the built-in functions → the built-in's name."""
    names: dict[str, str] = {}
    for key, act in ACTIVATIONS.items():
        if ACTIVATIONS.is_custom(key):
            continue
        for name in (key, act.name, *act.aliases):
            names[_fold(name)] = act.name
    return names


def _fold(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


class CustomFunctions:
    """The custom activations of one window: install, replace, remove, save and restore them.

    ``about_to_change(key)`` is emitted while a function that is about to be replaced or removed
    still resolves; ``changed()`` after any change of the set or of a definition.
    """

    about_to_change = Signal(str)
    changed = Signal()

    def __init__(self) -> None:
        self._definitions: dict[str, CustomDefinition] = {}

    # -- the set --------------------------------------------------------------------------------
    def definitions(self) -> tuple[CustomDefinition, ...]:
        """The installed definitions, in the order they were first installed."""
        return tuple(self._definitions.values())

    def keys(self) -> tuple[str, ...]:
        """Catalog keys of the installed definitions."""
        return tuple(self._definitions)

    def get(self, key: str) -> CustomDefinition | None:
        """The definition installed under ``key``, if any."""
        return self._definitions.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._definitions

    def __len__(self) -> int:
        return len(self._definitions)

    # -- changes --------------------------------------------------------------------------------
    def check(self, definition: object) -> CustomDefinition:
        """The definition as it would be installed (unused parameters dropped); ``ValueError``."""
        return self._prepare(definition)[0]

    def install(self, definition: CustomDefinition) -> None:
        """Check, build and register ``definition``; one with the same key is replaced.

        ``ValueError`` with a clear message on a bad definition or a built-in's name; then
        nothing changes.
        """
        checked, activation = self._prepare(definition)
        key = activation.key
        if self._definitions.get(key) == checked and ACTIVATIONS.is_custom(key):
            return
        if ACTIVATIONS.is_custom(key):
            self.about_to_change.emit(key)
        ACTIVATIONS.add_custom(activation)
        self._definitions[key] = checked
        self.changed.emit()

    def _prepare(self, definition: object) -> tuple[CustomDefinition, Activation]:
        if not isinstance(definition, CustomDefinition):
            raise ValueError(f"a custom function must be a CustomDefinition; got {definition!r}")
        name = definition.name.strip()
        if not name:
            raise ValueError("give the function a name")
        clash = _builtin_names().get(_fold(name))
        if clash is not None:
            raise ValueError(
                f"{name!r} is the name of the built-in function {clash}; choose another"
            )
        if definition.key not in self._definitions and len(self._definitions) >= MAX_CUSTOM:
            raise ValueError(f"at most {MAX_CUSTOM} custom functions; delete one first")
        activation = _build_within(definition, BUILD_BUDGET_S)
        return CustomDefinition(name, definition.expression.strip(), activation.params), activation

    def remove(self, key: str) -> None:
        """Unregister the custom function ``key``; ``KeyError`` when there is none."""
        if key not in self._definitions:
            raise KeyError(f"no custom function {key!r}")
        self.about_to_change.emit(key)
        del self._definitions[key]
        if ACTIVATIONS.is_custom(key):
            ACTIVATIONS.remove(key)
        self.changed.emit()

    def clear(self) -> None:
        """Remove every custom function."""
        for key in list(self._definitions):
            self.remove(key)

    # -- settings -------------------------------------------------------------------------------
    def to_list(self) -> list[dict[str, Any]]:
        """A JSON-ready list of the definitions (for the settings)."""
        return [definition.to_dict() for definition in self._definitions.values()]

    def update_from_list(self, data: object) -> list[str]:
        """Install each saved definition; a bad entry is skipped and its problem returned."""
        if not isinstance(data, list):
            return ["saved custom functions unreadable"]
        problems: list[str] = []
        for index, item in enumerate(data):
            label = item.get("name") if isinstance(item, Mapping) else None
            label = label if isinstance(label, str) else f"#{index + 1}"
            try:
                self.install(CustomDefinition.from_dict(item))
            except (ValueError, TypeError, KeyError) as exc:
                problems.append(f"custom function {label} skipped: {exc}")
        return problems


def _build_within(definition: CustomDefinition, budget_s: float) -> Activation:
    """build_activation, refused with ``ValueError`` when SymPy needs longer than ``budget_s``.

    SymPy cannot be interrupted; a runaway build goes on in a daemon thread and its result is
    dropped, but the caller (a window restoring its settings, a scene being opened) never waits
    longer than the budget.
    """
    outcome: list[Activation | BaseException] = []

    def build() -> None:
        try:
            outcome.append(build_activation(definition))
        except (ValueError, TypeError, ArithmeticError, RecursionError) as exc:
            outcome.append(exc)

    worker = threading.Thread(target=build, name="custom-build", daemon=True)
    worker.start()
    worker.join(budget_s)
    if not outcome:
        raise ValueError(
            f"{definition.name}: the derivative takes longer than {budget_s:g} s to build; "
            "simplify the expression"
        )
    result = outcome[0]
    if isinstance(result, BaseException):
        # ExpressionError is a ValueError; SymPy's own failures are refused the same way.
        raise ValueError(f"{definition.name.strip()}: {result}") from None
    return result


class StateGuard:
    """Keeps ``state`` (and ``lab``) valid while custom functions are replaced or removed.

    A function being replaced is parked: the state shows the default function until the new
    definition is registered, then comes back with the parameters and pins that still fit (a
    parameter the new expression no longer uses is dropped). A removed function's place is taken
    by the default function, its pins are dropped and the lab forgets it as a racing partner;
    :attr:`notice` says so.
    """

    notice = Signal(str)

    def __init__(
        self, functions: CustomFunctions, state: ExplorerState, lab: LabState | None = None
    ) -> None:
        self.functions = functions
        self.state = state
        self.lab = lab
        self._parked: dict[str, Any] | None = None
        functions.about_to_change.connect(self._park)
        functions.changed.connect(self._return)

    def disconnect(self) -> None:
        """Stop following the model."""
        self.functions.about_to_change.disconnect(self._park)
        self.functions.changed.disconnect(self._return)

    def _park(self, key: str) -> None:
        state = self.state
        definition = self.functions.get(key)
        parked: dict[str, Any] = {
            "key": key,
            "name": key.removeprefix("custom:") if definition is None else definition.name,
            "current": None,
            "pins": [],
            "race": False,
        }
        if state.activation == key:
            parked["current"] = state.params
            state.activation = default_activation_key()
        pins = state.pins
        parked["pins"] = [(i, pin) for i, pin in enumerate(pins) if pin.key == key]
        if parked["pins"]:
            state.pins = [pin for pin in pins if pin.key != key]
        if self.lab is not None and self.lab.race == key:
            parked["race"] = True
            self.lab.race = None
        self._parked = parked

    def _return(self) -> None:
        parked, self._parked = self._parked, None
        if parked is None:
            return
        key, name = parked["key"], parked["name"]
        if key not in ACTIVATIONS:
            if parked["current"] is not None or parked["pins"] or parked["race"]:
                self.notice.emit(
                    f"{name} was deleted: showing {self.state.current.name} instead"
                    + (" and its pins were removed" if parked["pins"] else "")
                )
            return
        act = ACTIVATIONS[key]
        state = self.state
        if parked["current"] is not None:
            state.activation = key
            state.params = _fitting(act, parked["current"])
        restored = list(state.pins)
        for index, pin in parked["pins"]:
            restored.insert(index, Pin(key, _fitting(act, pin.params)))
        if parked["pins"]:
            # A pin the new definition cannot take at all stays dropped.
            with contextlib.suppress(ValueError):
                state.pins = restored
        if parked["race"] and self.lab is not None:
            self.lab.race = key


def _fitting(act: Any, params: Mapping[str, object]) -> dict[str, ParamValue]:
    """The parameters of ``params`` that ``act`` still takes and accepts."""
    kept: dict[str, ParamValue] = {}
    for name, value in params.items():
        if name not in act.param_names:
            continue
        try:
            kept[name] = act.resolve({**kept, name: value})[name]
        except ValueError:
            continue
    return kept
