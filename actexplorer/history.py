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
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
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

_LABELS = {
    "explorer.activation": "change activation",
    "explorer.params": "change parameters",
    "explorer.n_samples": "change sample count",
    "explorer.seed": "change seed",
    "explorer.distribution": "change input distribution",
    "explorer.x_range": "change x range",
    "explorer.log_derivative": "toggle log derivative",
    "explorer.show_input_histogram": "toggle input histogram",
    "explorer.train_mode": "toggle training mode",
    "explorer.pins": "change pinned functions",
    "explorer.pin_histograms": "toggle pinned histograms",
    "explorer.logits": "change logits",
    "explorer.theme": "change theme",
}
# A field another one drags along (switching the activation turns training mode off): its
# change right after its leader's belongs to the leader's step.
_FOLLOWERS = {"explorer.train_mode": "explorer.activation"}


def _label(fields: tuple[str, ...]) -> str:
    if "explorer.activation" in fields:
        return _LABELS["explorer.activation"]
    if len(fields) > 1:
        if all(f.startswith("explorer.params.") for f in fields):
            return _LABELS["explorer.params"]
        return f"change {len(fields)} settings"
    name = fields[0]
    if name in _LABELS:
        return _LABELS[name]
    return f"change {name.rsplit('.', 1)[-1].replace('_', ' ')}"


@dataclass(slots=True)
class _Step:
    label: str
    before: Snapshot
    after: Snapshot
    fields: tuple[str, ...]
    last_change: float


class History:
    """Undo/redo steps over an explorer state and, optionally, a lab state."""

    #: Emitted whenever what :meth:`undo` / :meth:`redo` would do changes (menus update on it).
    changed = Signal()

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
        self._gesture_step: _Step | None = None
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
        return self._undo[-1].label if self._undo else ""

    @property
    def redo_text(self) -> str:
        """What redo would re-apply; empty when nothing."""
        return self._redo[-1].label if self._redo else ""

    @property
    def undo_label(self) -> str:
        """Menu text: ``Undo change alpha``, or ``Undo`` when there is nothing to undo."""
        return f"Undo {self.undo_text}" if self._undo else "Undo"

    @property
    def redo_label(self) -> str:
        """Menu text: ``Redo change alpha``, or ``Redo`` when there is nothing to redo."""
        return f"Redo {self.redo_text}" if self._redo else "Redo"

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
        self._close_gesture()
        if not self._undo:
            return False
        step = self._undo.pop()
        self._restore(step.before)
        self._redo.append(step)
        self._open_step = None
        self.changed.emit()
        return True

    def redo(self) -> bool:
        """Re-apply the last undone step; False when there is none."""
        self._close_gesture()
        if not self._redo:
            return False
        step = self._redo.pop()
        self._restore(step.after)
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

    def begin_gesture(self, label: str | None = None) -> None:
        """Start a gesture (slider pressed): changes until :meth:`end_gesture` are one step.

        Gestures nest; the outermost one decides. ``label`` replaces the automatic label.
        """
        if self._gesture_depth == 0:
            self._gesture_label = label
            self._gesture_step = None
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
    def group(self, label: str | None = None) -> Iterator[None]:
        """``with history.group("open scene"):`` makes every change inside one step."""
        self.begin_gesture(label)
        try:
            yield
        finally:
            self.end_gesture()

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
        if self._gesture_depth:
            if self._gesture_step is None:
                self._gesture_step = self._push(old, new, fields, now, self._gesture_label)
            else:
                step = self._gesture_step
                step.after, step.last_change = new, now
                if self._gesture_label is None:
                    merged = tuple(dict.fromkeys((*step.fields, *fields)))
                    step.fields, step.label = merged, _label(merged)
        elif self._extends_open_step(fields, now):
            step = self._undo[-1]
            step.after, step.last_change = new, now
            if step.after == step.before:
                # Dragged back to where it started: nothing left to undo.
                self._undo.pop()
                self._open_step = None
        else:
            self._open_step = self._push(old, new, fields, now, None)
        self.changed.emit()

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
    ) -> _Step:
        step = _Step(label or _label(fields), before, after, fields, now)
        self._undo.append(step)
        if len(self._undo) > self._max_depth:
            del self._undo[: len(self._undo) - self._max_depth]
        return step

    def _close_gesture(self) -> None:
        self._gesture_depth = 0
        step, self._gesture_step = self._gesture_step, None
        if step is not None and step.before == step.after and self._undo and self._undo[-1] is step:
            self._undo.pop()
            self.changed.emit()
        self._open_step = None

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
