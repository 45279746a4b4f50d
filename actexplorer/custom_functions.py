"""The user's own activations as an evented, Qt-free model, registered in the catalog.

:class:`CustomFunctions` checks a :class:`~actexplorer.core.custom.CustomDefinition`, builds its
activation (the expression parsed by the whitelisted parser, the derivative built by SymPy) and
registers it in :data:`~actexplorer.core.ACTIVATIONS`, so every view that resolves keys through
the catalog (plots, statistics, pins, the deep-network lab) can show it.

:class:`StateGuard` keeps the explorer and lab states pointing at functions that exist: a custom
function that is current, pinned or chosen in the lab (race partner, a hidden layer's function)
when it is removed gives way to the default function and its pins are dropped; one that is
replaced by a new definition, or renamed, is shown again with the parameters that still fit.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import Any, Protocol

from psygnal import Signal

from actexplorer.core import ACTIVATIONS, Activation
from actexplorer.core.activation import ParamValue
from actexplorer.core.custom import CustomDefinition, build_activation
from actexplorer.core.messages import Message, reason_of, template
from actexplorer.lab_state import LabState
from actexplorer.state import ExplorerState, Pin, default_activation_key

#: At most this many custom functions (the same limit scenes use).
MAX_CUSTOM = 32
#: Installing waits at most this long for SymPy's derivative.
BUILD_BUDGET_S = 10.0
#: At most this many builds that ran out of time may still keep SymPy busy; then new builds are
#: refused until one of them finishes (SymPy cannot be interrupted, so each holds a thread).
MAX_RUNAWAY = 2

# User-visible refusals and notices (translated through actexplorer.core.locale).
_NOT_A_DEFINITION = template("a custom function must be a CustomDefinition; got {value!r}")
_NO_NAME = template("give the function a name")
_NAME_TAKEN = template("{name!r} is the name of the built-in function {builtin}; choose another")
_TOO_MANY = template("at most {limit} custom functions; delete one first")
_NO_SUCH_FUNCTION = template("no custom function {key!r}")
_SAVED_UNREADABLE = template("saved custom functions unreadable")
_SKIPPED = template("custom function {label} skipped: {reason}")
_TOO_SLOW = template(
    "{name}: the derivative takes longer than {seconds} s to build; simplify the expression"
)
_REFUSED = template("{name}: {reason}")
_STILL_BUSY = template(
    "{name}: SymPy is still busy with {count} earlier expressions that took too long; "
    "try again when they finish"
)
_NAME_IN_USE = template("another custom function is already called {name!r}; choose another name")
_DELETED = template("{name} was deleted: showing {current} instead")
_DELETED_WITH_PINS = template(
    "{name} was deleted: showing {current} instead and its pins were removed"
)


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


class UndoHistory(Protocol):
    """What the custom functions need of the window's undo history."""

    def group(self, label: str | None = None, **values: object) -> AbstractContextManager[None]:
        """Every state change inside the ``with`` block is one undo step."""
        ...

    def paused(self) -> AbstractContextManager[None]:
        """State changes inside the ``with`` block leave no step when they come back."""
        ...

    def rename_key(self, old: str, new: str) -> None:
        """Every recorded step names ``new`` where it named ``old``."""
        ...


class CustomFunctions:
    """The custom activations of one window: install, replace, rename, remove, save, restore.

    ``about_to_change(key)`` is emitted while a function that is about to be replaced, renamed or
    removed still resolves; ``renamed(old_key, new_key)`` when a rename has registered the new
    key; ``changed()`` after any change of the set or of a definition.
    """

    about_to_change = Signal(str)
    renamed = Signal(str, str)
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

    def name_problem(self, name: str, editing: str | None = None) -> str:
        """Why ``name`` cannot name a new function ('' when it can); ``editing`` is the key of
        the function being edited, whose own name stays available to it."""
        name = name.strip()
        if not name:
            return Message(_NO_NAME)
        clash = _builtin_names().get(_fold(name))
        if clash is not None:
            return Message(_NAME_TAKEN, name=name, builtin=clash)
        key = CustomDefinition(name, "x").key
        if key != editing and key in self._definitions:
            return Message(_NAME_IN_USE, name=self._definitions[key].name)
        return ""

    def install(self, definition: CustomDefinition, history: UndoHistory | None = None) -> None:
        """Check, build and register ``definition``; one with the same key is replaced.

        ``ValueError`` with a clear message on a bad definition or a built-in's name; then
        nothing changes. With ``history``, the states' changes that follow are one undo step.
        """
        checked, activation = self._prepare(definition)
        key = activation.key
        if self._definitions.get(key) == checked and ACTIVATIONS.is_custom(key):
            return
        with _grouped(history, _REDEFINE_STEP, checked.name):
            if ACTIVATIONS.is_custom(key):
                self.about_to_change.emit(key)
            ACTIVATIONS.add_custom(activation)
            self._definitions[key] = checked
            self.changed.emit()

    def rename(
        self, old_key: str, definition: CustomDefinition, history: UndoHistory | None = None
    ) -> None:
        """Replace the function ``old_key`` by ``definition`` under its (new) name.

        The views showing, pinning or training with ``old_key`` follow it to the new key with the
        parameters that still fit. ``KeyError`` when there is no ``old_key``; ``ValueError`` when
        the definition is bad or its name belongs to another function; then nothing changes.
        With ``history``, the states' changes are one undo step.
        """
        if old_key not in self._definitions:
            raise KeyError(Message(_NO_SUCH_FUNCTION, key=old_key))
        new_key = definition.key if isinstance(definition, CustomDefinition) else old_key
        if new_key == old_key:
            self.install(definition, history)
            return
        problem = self.name_problem(definition.name, editing=old_key)
        if problem:
            raise ValueError(problem)
        checked, activation = self._prepare(definition, replacing=old_key)
        # The custom set is not part of the undo history, so a rename is not a step: the states
        # follow the new key and every recorded step is rewritten to name it, so undo still
        # reaches the function (a step naming the old key would find nothing to restore).
        with contextlib.nullcontext() if history is None else history.paused():
            self.about_to_change.emit(old_key)
            ACTIVATIONS.add_custom(activation)
            if ACTIVATIONS.is_custom(old_key):
                ACTIVATIONS.remove(old_key)
            # The renamed function keeps its place in the list.
            self._definitions = {
                (new_key if key == old_key else key): (checked if key == old_key else value)
                for key, value in self._definitions.items()
            }
            self.renamed.emit(old_key, new_key)
            self.changed.emit()
            if history is not None:
                history.rename_key(old_key, new_key)

    def _prepare(
        self, definition: object, replacing: str | None = None
    ) -> tuple[CustomDefinition, Activation]:
        if not isinstance(definition, CustomDefinition):
            raise ValueError(Message(_NOT_A_DEFINITION, value=definition))
        name = definition.name.strip()
        if not name:
            raise ValueError(Message(_NO_NAME))
        clash = _builtin_names().get(_fold(name))
        if clash is not None:
            raise ValueError(Message(_NAME_TAKEN, name=name, builtin=clash))
        grows = definition.key not in self._definitions and replacing not in self._definitions
        if grows and len(self._definitions) >= MAX_CUSTOM:
            raise ValueError(Message(_TOO_MANY, limit=MAX_CUSTOM))
        activation = _build_within(definition, BUILD_BUDGET_S)
        return CustomDefinition(name, definition.expression.strip(), activation.params), activation

    def remove(self, key: str) -> None:
        """Unregister the custom function ``key``; ``KeyError`` when there is none."""
        if key not in self._definitions:
            raise KeyError(Message(_NO_SUCH_FUNCTION, key=key))
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
            return [Message(_SAVED_UNREADABLE)]
        problems: list[str] = []
        for index, item in enumerate(data):
            label = item.get("name") if isinstance(item, Mapping) else None
            label = label if isinstance(label, str) else f"#{index + 1}"
            try:
                self.install(CustomDefinition.from_dict(item))
            except (ValueError, TypeError, KeyError) as exc:
                problems.append(Message(_SKIPPED, label=label, reason=reason_of(exc)))
        return problems


# Undo-step label (an English template the window's undo menu translates like its others).
_REDEFINE_STEP = "redefine {name}"


def _grouped(history: UndoHistory | None, label: str, name: str) -> AbstractContextManager[None]:
    return contextlib.nullcontext() if history is None else history.group(label, name=name)


# Builds that ran out of time and may still be running (SymPy cannot be stopped).
_runaway: list[threading.Thread] = []
_runaway_lock = threading.Lock()


def runaway_builds() -> int:
    """How many builds that ran out of time are still keeping SymPy busy."""
    with _runaway_lock:
        _runaway[:] = [thread for thread in _runaway if thread.is_alive()]
        return len(_runaway)


def _build_within(definition: CustomDefinition, budget_s: float) -> Activation:
    """build_activation, refused with ``ValueError`` when SymPy needs longer than ``budget_s``.

    SymPy cannot be interrupted; a runaway build goes on in a daemon thread and its result is
    dropped, but the caller (a window restoring its settings, a scene being opened) never waits
    longer than the budget. While :data:`MAX_RUNAWAY` such threads still run, further builds are
    refused at once, so pathological settings or scenes cannot pile up busy threads.
    """
    stuck = runaway_builds()
    if stuck >= MAX_RUNAWAY:
        raise ValueError(Message(_STILL_BUSY, name=definition.name.strip(), count=stuck))
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
        with _runaway_lock:
            _runaway.append(worker)
        raise ValueError(Message(_TOO_SLOW, name=definition.name, seconds=f"{budget_s:g}"))
    result = outcome[0]
    if isinstance(result, BaseException):
        # ExpressionError is a ValueError; SymPy's own failures are refused the same way.
        raise ValueError(
            Message(_REFUSED, name=definition.name.strip(), reason=reason_of(result))
        ) from None
    return result


class StateGuard:
    """Keeps ``state`` (and ``lab``) valid while custom functions are replaced or removed.

    A function being replaced or renamed is parked: the state shows the default function until
    the new definition is registered, then comes back (under the new key after a rename) with
    the parameters and pins that still fit (a parameter the new expression no longer uses is
    dropped), and the lab gets it back as racing partner and as the function of the hidden
    layers that had it. A removed function's place is taken by the default function, its pins
    are dropped and the lab forgets it (race partner, hidden layers); :attr:`notice` says so.
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
        functions.renamed.connect(self._renamed)
        functions.changed.connect(self._return)

    def disconnect(self) -> None:
        """Stop following the model."""
        self.functions.about_to_change.disconnect(self._park)
        self.functions.renamed.disconnect(self._renamed)
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
            "layers": (),
        }
        if state.activation == key:
            parked["current"] = state.params
            state.activation = default_activation_key()
        pins = state.pins
        parked["pins"] = [(i, pin) for i, pin in enumerate(pins) if pin.key == key]
        if parked["pins"]:
            state.pins = [pin for pin in pins if pin.key != key]
        lab = self.lab
        if lab is not None:
            layers = lab.layer_activations
            parked["race"] = lab.race == key
            parked["layers"] = tuple(i for i, chosen in enumerate(layers) if chosen == key)
            changes: dict[str, object] = {}
            if parked["race"]:
                changes["race"] = None
            if parked["layers"]:
                changes["layer_activations"] = [None if k == key else k for k in layers]
            if changes:
                lab.update(**changes)
        self._parked = parked

    def _renamed(self, old_key: str, new_key: str) -> None:
        if self._parked is not None and self._parked["key"] == old_key:
            self._parked["key"] = new_key

    def _return(self) -> None:
        parked, self._parked = self._parked, None
        if parked is None:
            return
        key, name = parked["key"], parked["name"]
        if key not in ACTIVATIONS:
            used = parked["current"] is not None or parked["race"] or parked["layers"]
            if used or parked["pins"]:
                wording = _DELETED_WITH_PINS if parked["pins"] else _DELETED
                self.notice.emit(Message(wording, name=name, current=self.state.current.name))
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
        lab = self.lab
        if lab is not None and (parked["race"] or parked["layers"]):
            changes: dict[str, object] = {}
            if parked["race"]:
                changes["race"] = key
            if parked["layers"]:
                layers = list(lab.layer_activations)
                for index in parked["layers"]:
                    layers[index] = key
                changes["layer_activations"] = layers
            lab.update(**changes)


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
