"""Undo and redo over the evented states, without Qt.

:class:`History` listens to every event of an :class:`~actexplorer.state.ExplorerState` (and
optionally a :class:`~actexplorer.lab_state.LabState`), keeps snapshots (``to_dict()``) before and
after each change, and puts them back on :meth:`History.undo` / :meth:`History.redo`. A slider
drag must be one step, not a hundred, so changes are coalesced two ways:

* explicitly, between :meth:`History.begin_gesture` and :meth:`History.end_gesture` (the window
  calls them on slider press and release; :meth:`History.group` is the same as a ``with`` block,
  e.g. around opening a scene), every change is one step;
* by time, a change of the same field within ``merge_seconds`` of the previous one (keyboard
  arrows held on a slider, a spin box scrolled) extends the previous step.

A long gesture (an animation playing for minutes) names its ``scope``, the fields it moves: a
change of any other field (switching the function, the next scene, a zoom key) first closes the
gesture, which :attr:`History.interrupted` announces, and is a step of its own. What is not in the
states but moves with them (the scene a lecture is on) is kept with each step through
:meth:`History.add_context` and put back on undo and redo.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from psygnal import EmissionInfo, Signal

from actexplorer.lab_state import LabState
from actexplorer.state import ExplorerState

#: Steps kept; the oldest are forgotten first.
DEFAULT_MAX_DEPTH = 200
#: A change of the same field this soon after the previous one joins its step.
DEFAULT_MERGE_SECONDS = 0.5
#: Fields that are preferences of the viewer rather than part of what is shown.
IGNORED_FIELDS = frozenset({"explorer.theme"})

Snapshot = dict[str, Any]

#: What a change of each field did, in English; the window shows these through a translated
#: table of the same texts (a field missing from both reads "change <field name>").
FIELD_LABELS: Mapping[str, str] = {
    "explorer.activation": "change activation",
    "explorer.params": "change parameters",
    "explorer.n_samples": "change sample count",
    "explorer.seed": "change seed",
    "explorer.distribution": "change input distribution",
    "explorer.x_range": "change x range",
    "explorer.log_derivative": "toggle log derivative",
    "explorer.show_input_histogram": "toggle input histogram",
    "explorer.show_derivative": "toggle derivative",
    "explorer.show_histograms": "toggle histograms",
    "explorer.show_pins": "toggle pinned curves",
    "explorer.train_mode": "toggle training mode",
    "explorer.pins": "change pinned functions",
    "explorer.pin_histograms": "toggle pinned histograms",
    "explorer.logits": "change logits",
    "explorer.theme": "change theme",
    "lab.depth": "change depth",
    "lab.width": "change width",
    "lab.batch": "change inputs per pass",
    "lab.init_scheme": "change weight initialisation",
    "lab.init_mode": "change He fan",
    "lab.activation_gain": "toggle activation gain",
    "lab.sigma_w": "change σ_w",
    "lab.sigma_b": "change σ_b",
    "lab.seed": "change network seed",
    "lab.layer": "change histogram layer",
    "lab.dataset": "change dataset",
    "lab.noise": "change noise",
    "lab.n_points": "change point count",
    "lab.test_fraction": "change test share",
    "lab.data_seed": "change data seed",
    "lab.hidden_layers": "change hidden layers",
    "lab.hidden_width": "change units per layer",
    "lab.per_layer": "toggle one function per layer",
    "lab.layer_activations": "change layer functions",
    "lab.optimizer": "change optimiser",
    "lab.learning_rate": "change learning rate",
    "lab.momentum": "change momentum",
    "lab.batch_size": "change batch size",
    "lab.l2": "change L2",
    "lab.train_seed": "change training seed",
    "lab.race": "change race partner",
    "lab.speed": "change updates per frame",
}
#: The English label of a change of one parameter, of several settings, and of an unknown field
#: (placeholders filled by :meth:`StepLabel.english`).
PARAM_LABEL = "change {name}"
MANY_LABEL = "change {count} settings"
OTHER_LABEL = "change {name}"
# A field another one drags along (switching the activation turns training mode off): its
# change right after its leader's belongs to the leader's step.
_FOLLOWERS = {"explorer.train_mode": "explorer.activation"}


@dataclass(frozen=True, slots=True)
class StepLabel:
    """What one step did, for a menu: ``template`` (filled with ``values``) when the step was
    given a label, else the ``fields`` it changed. :meth:`english` writes it in English; a
    translated interface builds its own text from the same parts.

    ``kind`` says which text applies: "given" (the template), "activation", "params" (several
    parameters), "param" (one, ``values["name"]``), "field" (``fields[0]``) or "many"
    (``values["count"]`` settings).
    """

    kind: str
    fields: tuple[str, ...]
    template: str | None = None
    values: Mapping[str, str] = field(default_factory=dict)

    def english(self) -> str:
        """The label in English, e.g. ``change alpha`` or ``show scene 2``."""
        if self.kind == "given":
            return (self.template or "").format(**self.values)
        if self.kind == "activation":
            return FIELD_LABELS["explorer.activation"]
        if self.kind == "params":
            return FIELD_LABELS["explorer.params"]
        if self.kind == "param":
            return PARAM_LABEL.format(**self.values)
        if self.kind == "many":
            return MANY_LABEL.format(**self.values)
        name = self.fields[0]
        if name in FIELD_LABELS:
            return FIELD_LABELS[name]
        return OTHER_LABEL.format(name=name.rsplit(".", 1)[-1].replace("_", " "))


def describe_step(
    fields: tuple[str, ...], template: str | None = None, values: Mapping[str, str] | None = None
) -> StepLabel:
    """The :class:`StepLabel` of a step that changed ``fields`` (or was labelled ``template``)."""
    if template is not None:
        return StepLabel("given", fields, template, dict(values or {}))
    if "explorer.activation" in fields:
        return StepLabel("activation", fields)
    if len(fields) > 1:
        if all(f.startswith("explorer.params.") for f in fields):
            return StepLabel("params", fields)
        return StepLabel("many", fields, values={"count": str(len(fields))})
    name = fields[0]
    if name.startswith("explorer.params."):
        return StepLabel("param", fields, values={"name": name.removeprefix("explorer.params.")})
    return StepLabel("field", fields)


@dataclass(slots=True)
class _Step:
    template: str | None
    values: dict[str, str]
    before: Snapshot
    after: Snapshot
    fields: tuple[str, ...]
    last_change: float
    # What each context source (History.add_context) held before and after the step.
    context_before: tuple[object, ...] = ()
    context_after: tuple[object, ...] = ()

    def describe(self) -> StepLabel:
        """What this step did."""
        return describe_step(self.fields, self.template, self.values)


class History:
    """Undo/redo steps over an explorer state and, optionally, a lab state."""

    #: Emitted whenever what :meth:`undo` / :meth:`redo` would do changes (menus update on it).
    changed = Signal()
    #: Emitted when an open gesture was closed by something else than its :meth:`end_gesture`
    #: (a change outside its scope, another gesture, undo or redo): its owner should stop.
    interrupted = Signal()

    def __init__(
        self,
        explorer: ExplorerState,
        lab: LabState | None = None,
        *,
        max_depth: int = DEFAULT_MAX_DEPTH,
        merge_seconds: float = DEFAULT_MERGE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        ignore: frozenset[str] = IGNORED_FIELDS,
    ) -> None:
        if max_depth < 1:
            raise ValueError(f"max_depth must be at least 1; got {max_depth}")
        self._explorer = explorer
        self._lab = lab
        self._max_depth = max_depth
        self._merge_seconds = merge_seconds
        self._clock = clock
        self._ignore = ignore
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._current = self._snapshot()
        self._restoring = False
        self._gesture_depth = 0
        self._pause_depth = 0
        self._gesture_label: str | None = None
        self._gesture_values: dict[str, str] = {}
        self._gesture_step: _Step | None = None
        self._gesture_scope: tuple[str, ...] | None = None
        self._gesture_context: tuple[object, ...] = ()
        self._contexts: list[tuple[Callable[[], object], Callable[[object], None]]] = []
        # The step a quick change of the same field may still extend (None after undo, redo,
        # gestures and clear).
        self._open_step: _Step | None = None
        explorer.events.all.connect(self._on_event)
        if lab is not None:
            lab.events.all.connect(self._on_event)

    # -- queries ------------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        """True when there is a step to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """True when there is an undone step to redo."""
        return bool(self._redo)

    @property
    def undo_text(self) -> str:
        """What undo would revert, e.g. ``change alpha``; empty when nothing."""
        return self._undo[-1].describe().english() if self._undo else ""

    @property
    def redo_text(self) -> str:
        """What redo would re-apply; empty when nothing."""
        return self._redo[-1].describe().english() if self._redo else ""

    @property
    def undo_label(self) -> str:
        """Menu text: ``Undo change alpha``, or ``Undo`` when there is nothing to undo."""
        return f"Undo {self.undo_text}" if self._undo else "Undo"

    @property
    def redo_label(self) -> str:
        """Menu text: ``Redo change alpha``, or ``Redo`` when there is nothing to redo."""
        return f"Redo {self.redo_text}" if self._redo else "Redo"

    @property
    def undo_step(self) -> StepLabel | None:
        """What undo would revert, as parts a translated menu builds its text from."""
        return self._undo[-1].describe() if self._undo else None

    @property
    def redo_step(self) -> StepLabel | None:
        """What redo would re-apply, as parts a translated menu builds its text from."""
        return self._redo[-1].describe() if self._redo else None

    @property
    def undo_count(self) -> int:
        """Steps that can be undone."""
        return len(self._undo)

    @property
    def redo_count(self) -> int:
        """Steps that can be redone."""
        return len(self._redo)

    @property
    def max_depth(self) -> int:
        """At most this many steps are kept."""
        return self._max_depth

    @property
    def in_gesture(self) -> bool:
        """True between :meth:`begin_gesture` and the matching :meth:`end_gesture`."""
        return self._gesture_depth > 0

    # -- actions ------------------------------------------------------------------------------
    def undo(self) -> bool:
        """Put the state back as it was before the last step; False when there is none."""
        self._interrupt()
        if not self._undo:
            return False
        step = self._undo.pop()
        self._restore(step.before)
        self._put_context(step.context_before)
        self._redo.append(step)
        self._open_step = None
        self.changed.emit()
        return True

    def redo(self) -> bool:
        """Re-apply the last undone step; False when there is none."""
        self._interrupt()
        if not self._redo:
            return False
        step = self._redo.pop()
        self._restore(step.after)
        self._put_context(step.context_after)
        self._undo.append(step)
        self._open_step = None
        self.changed.emit()
        return True

    def clear(self) -> None:
        """Forget every step (the current state becomes the starting point)."""
        self._undo.clear()
        self._redo.clear()
        self._current = self._snapshot()
        self._open_step = None
        self._gesture_step = None
        self.changed.emit()

    def begin_gesture(
        self, label: str | None = None, *, scope: Iterable[str] | None = None, **values: object
    ) -> None:
        """Start a gesture (slider pressed): changes until :meth:`end_gesture` are one step.

        Gestures nest; the outermost one decides. ``label`` replaces the automatic label; it is
        an English template whose ``{placeholders}`` ``values`` fill (``"show scene {number}"``,
        ``number=2``), so that a translated menu can look the template up and fill it the same.

        ``scope`` names the fields the gesture moves (``"explorer.params.alpha"``; a name also
        covers what lies under it, ``"explorer.params"`` every parameter). A change of another
        field, or another gesture beginning, closes a scoped gesture first (:attr:`interrupted`)
        and is recorded on its own; without a scope every change joins the gesture.
        """
        if self._gesture_depth and self._gesture_scope is not None:
            self._interrupt()
        if self._gesture_depth == 0:
            self._gesture_label = label
            self._gesture_values = {name: str(value) for name, value in values.items()}
            self._gesture_step = None
            self._gesture_scope = tuple(scope) if scope is not None else None
            self._gesture_context = self._context()
            self._open_step = None
        self._gesture_depth += 1

    def end_gesture(self) -> None:
        """End a gesture (slider released); a gesture that changed nothing leaves no step."""
        if self._gesture_depth == 0:
            return
        self._gesture_depth -= 1
        if self._gesture_depth == 0:
            self._close_gesture()

    @contextmanager
    def group(self, label: str | None = None, **values: object) -> Iterator[None]:
        """``with history.group("open scene"):`` makes every change inside one step."""
        self.begin_gesture(label, scope=None, **values)
        try:
            yield
        finally:
            self.end_gesture()

    def rename_key(self, old: str, new: str) -> None:
        """Make every step speak of the activation ``new`` where it said ``old`` (a custom
        function was renamed: undo must reach the function under its new name)."""

        def swap(value: Any) -> Any:
            if isinstance(value, str):
                return new if value == old else value
            if isinstance(value, dict):
                return {k: swap(v) for k, v in value.items()}
            if isinstance(value, (list, tuple)):
                return type(value)(swap(v) for v in value)
            return value

        for step in (*self._undo, *self._redo):
            step.before, step.after = swap(step.before), swap(step.after)
        self._current = swap(self._current)

    def pause(self) -> None:
        """Stop recording for an excursion that should leave no step (an export stepping a
        parameter and putting it back); pauses nest, :meth:`resume` ends one."""
        self._pause_depth += 1

    def resume(self) -> None:
        """End a :meth:`pause`: nothing is recorded if the states came back where they were,
        so redo stays available; otherwise the whole excursion becomes one step."""
        if self._pause_depth == 0:
            return
        self._pause_depth -= 1
        if self._pause_depth or self._restoring:
            return
        new = self._snapshot()
        if new != self._current:
            old, self._current = self._current, new
            self._redo.clear()
            self._open_step = None
            self._push(old, new, _changed_fields(old, new), self._clock(), None)
            self.changed.emit()

    @contextmanager
    def paused(self) -> Iterator[None]:
        """``with history.paused():`` — :meth:`pause` and :meth:`resume` around a block."""
        self.pause()
        try:
            yield
        finally:
            self.resume()

    def add_context(self, get: Callable[[], object], put: Callable[[object], None]) -> None:
        """Keep ``get()`` with every step (as it was before the step and after it) and hand it
        back to ``put`` on undo and redo: the scene a lecture is on moves with the state.

        A gesture takes the value before it from its start and the value after from its end, so
        the owner changes what ``get`` returns inside the gesture.
        """
        self._contexts.append((get, put))

    def disconnect(self) -> None:
        """Stop listening to the states."""
        self._explorer.events.all.disconnect(self._on_event)
        if self._lab is not None:
            self._lab.events.all.disconnect(self._on_event)

    # -- recording ----------------------------------------------------------------------------
    def _snapshot(self) -> Snapshot:
        flat = {f"explorer.{k}": v for k, v in self._explorer.to_dict().items()}
        if self._lab is not None:
            flat.update({f"lab.{k}": v for k, v in self._lab.to_dict().items()})
        return {k: v for k, v in flat.items() if k not in self._ignore}

    def _on_event(self, info: EmissionInfo) -> None:
        if self._restoring or self._pause_depth:
            return
        new = self._snapshot()
        old = self._current
        if new == old:
            # A field emitted after its siblings: the first event's snapshot already held it.
            return
        fields = _changed_fields(old, new)
        now = self._clock()
        self._current = new
        self._redo.clear()
        interrupted = False
        if self._gesture_depth and not self._in_scope(fields):
            # Not what the gesture moves: close it before this change, which is a step of its
            # own (undoing the gesture must not undo it, nor it the gesture).
            self._close_gesture(announce=False)
            interrupted = True
        if self._gesture_depth:
            if self._gesture_step is None:
                self._gesture_step = self._push(
                    old, new, fields, now, self._gesture_label, self._gesture_values
                )
            else:
                step = self._gesture_step
                step.after, step.last_change = new, now
                step.context_after = self._context()
                if self._gesture_label is None:
                    merged = tuple(dict.fromkeys((*step.fields, *fields)))
                    step.fields = merged
        elif self._extends_open_step(fields, now):
            step = self._undo[-1]
            step.after, step.last_change = new, now
            step.context_after = self._context()
            if step.after == step.before:
                # Dragged back to where it started: nothing left to undo.
                self._undo.pop()
                self._open_step = None
        else:
            self._open_step = self._push(old, new, fields, now, None)
        self.changed.emit()
        if interrupted:
            self.interrupted.emit()

    def _in_scope(self, fields: tuple[str, ...]) -> bool:
        scope = self._gesture_scope
        if scope is None:
            return True
        return all(any(f == s or f.startswith(s + ".") for s in scope) for f in fields)

    def _extends_open_step(self, fields: tuple[str, ...], now: float) -> bool:
        step = self._open_step
        if step is None or not self._undo or self._undo[-1] is not step:
            return False
        if now - step.last_change > self._merge_seconds:
            return False
        if fields == step.fields:
            return True
        return all(_FOLLOWERS.get(f) in step.fields for f in fields)

    def _push(
        self,
        before: Snapshot,
        after: Snapshot,
        fields: tuple[str, ...],
        now: float,
        label: str | None,
        values: Mapping[str, str] | None = None,
    ) -> _Step:
        context = self._context()
        before_context = self._gesture_context if self._gesture_depth else context
        step = _Step(label, dict(values or {}), before, after, fields, now, before_context, context)
        self._undo.append(step)
        if len(self._undo) > self._max_depth:
            del self._undo[: len(self._undo) - self._max_depth]
        return step

    def _close_gesture(self, *, announce: bool = True) -> None:
        self._gesture_depth = 0
        self._gesture_scope = None
        step, self._gesture_step = self._gesture_step, None
        if step is not None:
            step.context_after = self._context()
        if step is not None and step.before == step.after and self._undo and self._undo[-1] is step:
            self._undo.pop()
            if announce:
                self.changed.emit()
        self._open_step = None

    def _interrupt(self) -> None:
        """Close an open gesture from outside and tell its owner."""
        if self._gesture_depth == 0:
            return
        self._close_gesture()
        self.interrupted.emit()

    def _context(self) -> tuple[object, ...]:
        return tuple(get() for get, _put in self._contexts)

    def _put_context(self, values: tuple[object, ...]) -> None:
        for (_get, put), value in zip(self._contexts, values, strict=False):
            put(value)

    def _restore(self, snapshot: Snapshot) -> None:
        explorer = {k[9:]: v for k, v in snapshot.items() if k.startswith("explorer.")}
        lab = {k[4:]: v for k, v in snapshot.items() if k.startswith("lab.")}
        self._restoring = True
        try:
            self._explorer.update_from_dict(explorer)
            if self._lab is not None and lab:
                try:
                    self._lab.update(**lab)
                except ValueError:
                    # A field that no longer validates (e.g. a removed custom race): the rest
                    # still goes back.
                    self._lab.update_from_dict(lab)
        finally:
            self._restoring = False
        self._current = self._snapshot()


def _changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, ...]:
    """Names of the fields that differ; a parameter change names the parameter."""
    fields: list[str] = []
    for key, value in new.items():
        if old.get(key) == value:
            continue
        if key == "explorer.params" and old.get("explorer.activation") == new.get(
            "explorer.activation"
        ):
            before = old.get(key) or {}
            fields += [f"{key}.{n}" for n, v in value.items() if before.get(n) != v]
        else:
            fields.append(key)
    return tuple(fields)
