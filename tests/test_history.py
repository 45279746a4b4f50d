"""Undo/redo over the evented states: steps, labels, gestures, time coalescing, depth."""

from __future__ import annotations

import pytest

from actexplorer.core import ACTIVATIONS
from actexplorer.history import History
from actexplorer.lab_state import LabState
from actexplorer.state import ExplorerState


class Clock:
    """A hand-driven clock: tests decide how much time passes between changes."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float = 1.0) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def explorer() -> ExplorerState:
    return ExplorerState()


@pytest.fixture
def lab() -> LabState:
    return LabState()


@pytest.fixture
def history(explorer: ExplorerState, lab: LabState, clock: Clock) -> History:
    return History(explorer, lab, clock=clock)


def test_starts_empty(history: History) -> None:
    assert not history.can_undo and not history.can_redo
    assert (history.undo_label, history.redo_label) == ("Undo", "Redo")
    assert not history.undo() and not history.redo()


def test_undo_redo_sequence(history: History, explorer: ExplorerState, clock: Clock) -> None:
    snapshots = [explorer.to_dict()]
    explorer.activation = "elu"
    clock.tick()
    snapshots.append(explorer.to_dict())
    explorer.set_param("alpha", 0.5)
    clock.tick()
    snapshots.append(explorer.to_dict())
    explorer.n_samples = 2_000
    clock.tick()
    snapshots.append(explorer.to_dict())
    explorer.x_range = (-1.0, 2.0)
    snapshots.append(explorer.to_dict())
    assert history.undo_count == 4
    for expected in reversed(snapshots[:-1]):
        assert history.undo()
        assert explorer.to_dict() == expected
    assert not history.can_undo and history.redo_count == 4
    for expected in snapshots[1:]:
        assert history.redo()
        assert explorer.to_dict() == expected
    assert not history.can_redo


def test_labels_name_what_changed(history: History, explorer: ExplorerState, clock: Clock) -> None:
    explorer.activation = "elu"
    assert history.undo_label == "Undo change activation"
    clock.tick()
    explorer.set_param("alpha", 0.5)
    assert history.undo_label == "Undo change alpha"
    clock.tick()
    explorer.n_samples = 2_000
    assert history.undo_label == "Undo change sample count"
    clock.tick()
    explorer.log_derivative = True
    assert history.undo_label == "Undo toggle log derivative"
    history.undo()
    assert history.redo_label == "Redo toggle log derivative"
    assert history.undo_label == "Undo change sample count"


def test_lab_changes_are_steps_too(history: History, lab: LabState, clock: Clock) -> None:
    lab.depth = 5
    clock.tick()
    lab.update(width=64, noise=0.5)
    assert history.undo_count == 2
    assert history.undo_label == "Undo change 2 settings"
    history.undo()
    assert (lab.depth, lab.width, lab.noise) == (5, 256, 0.1)
    history.undo()
    assert lab.depth == 20
    assert history.redo() and lab.depth == 5


def test_depth_drop_that_moves_the_layer_is_one_step(history: History, lab: LabState) -> None:
    lab.update(depth=30, layer=25)
    history.clear()
    lab.depth = 10  # the layer follows it down to 10
    assert (lab.layer, history.undo_count) == (10, 1)
    history.undo()
    assert (lab.depth, lab.layer) == (30, 25)


def test_new_change_clears_redo(history: History, explorer: ExplorerState, clock: Clock) -> None:
    explorer.seed = 1
    clock.tick()
    explorer.seed = 2
    history.undo()
    assert history.can_redo
    clock.tick()
    explorer.n_samples = 3_000
    assert not history.can_redo


def test_no_recording_during_undo_and_redo(
    history: History, explorer: ExplorerState, clock: Clock
) -> None:
    explorer.activation = "elu"
    clock.tick()
    explorer.set_param("alpha", 2.0)
    clock.tick()
    steps_before = history.undo_count
    emitted: list[str] = []
    explorer.events.all.connect(lambda info: emitted.append(info.signal.name))
    history.undo()
    history.undo()
    history.redo()
    assert emitted  # the state did change and announce it ...
    assert (history.undo_count, history.redo_count) == (steps_before - 1, 1)  # ... unrecorded


def test_gesture_makes_one_step(history: History, explorer: ExplorerState, clock: Clock) -> None:
    explorer.activation = "elu"
    clock.tick()
    history.begin_gesture()
    assert history.in_gesture
    for i in range(100):
        explorer.set_param("alpha", 0.1 + i * 0.05)
        clock.tick(0.9)  # slower than the merge window: only the gesture holds it together
    history.end_gesture()
    assert history.undo_count == 2
    assert history.undo_label == "Undo change alpha"
    history.undo()
    assert explorer.params == {"alpha": 1.0}
    history.redo()
    assert explorer.params["alpha"] == pytest.approx(0.1 + 99 * 0.05)


def test_gesture_that_returns_to_start_leaves_no_step(
    history: History, explorer: ExplorerState
) -> None:
    changes: list[None] = []
    history.changed.connect(lambda: changes.append(None))
    with history.group():
        explorer.seed = 5
        explorer.seed = 0
    assert not history.can_undo
    assert changes  # menus were told when the step appeared and when it went
    with history.group():
        pass
    assert not history.can_undo


def test_group_label_and_nesting(history: History, explorer: ExplorerState, lab: LabState) -> None:
    with history.group("open scene"):
        explorer.activation = "elu"
        with history.group("inner"):
            explorer.n_samples = 2_000
        lab.depth = 3
    assert history.undo_count == 1
    assert history.undo_label == "Undo open scene"
    history.undo()
    assert (explorer.activation, explorer.n_samples, lab.depth) == ("relu", 100_000, 20)


def test_end_gesture_without_begin_is_harmless(history: History, explorer: ExplorerState) -> None:
    history.end_gesture()
    explorer.seed = 3
    assert history.undo_count == 1


def test_undo_during_a_gesture_closes_it(history: History, explorer: ExplorerState) -> None:
    history.begin_gesture()
    explorer.seed = 3
    explorer.seed = 4
    history.undo()
    assert not history.in_gesture
    assert explorer.seed == 0
    history.end_gesture()  # the release that follows changes nothing
    assert history.redo() and explorer.seed == 4


def test_time_coalescing_merges_quick_changes_of_one_field(
    history: History, explorer: ExplorerState, clock: Clock
) -> None:
    explorer.activation = "elu"
    clock.tick()
    for i in range(10):  # an arrow key held on the slider, 0.1 s apart
        explorer.set_param("alpha", 1.0 + 0.1 * (i + 1))
        clock.tick(0.1)
    assert history.undo_count == 2
    clock.tick(0.6)  # a pause longer than the window starts a new step
    explorer.set_param("alpha", 5.0)
    assert history.undo_count == 3
    clock.tick(0.1)
    explorer.seed = 9  # another field, however quick, is another step
    assert history.undo_count == 4
    history.undo()
    history.undo()
    assert explorer.params["alpha"] == pytest.approx(2.0)
    history.undo()
    assert explorer.params == {"alpha": 1.0}


def test_time_window_slides_with_each_change(
    history: History, explorer: ExplorerState, clock: Clock
) -> None:
    for seed in range(1, 21):  # 20 changes 0.4 s apart: 8 s in all, always within 0.5 s
        explorer.seed = seed
        clock.tick(0.4)
    assert history.undo_count == 1
    history.undo()
    assert explorer.seed == 0


def test_no_merging_into_a_step_after_undo(
    history: History, explorer: ExplorerState, clock: Clock
) -> None:
    explorer.seed = 1
    clock.tick()
    explorer.seed = 2
    history.undo()
    explorer.seed = 3  # immediately after the undo: a step of its own
    assert history.undo_count == 2
    history.undo()
    assert explorer.seed == 1


def test_quick_change_back_to_start_drops_the_step(
    history: History, explorer: ExplorerState, clock: Clock
) -> None:
    explorer.seed = 1
    clock.tick(0.1)
    explorer.seed = 0
    assert not history.can_undo


def test_activation_switch_that_ends_training_mode_is_one_step(
    history: History, explorer: ExplorerState, clock: Clock
) -> None:
    random = [k for k, a in ACTIVATIONS.items() if getattr(a, "is_random", False)]
    if not random:
        pytest.skip("the catalog has no stochastic function")
    explorer.activation = random[0]
    explorer.train_mode = True
    clock.tick()
    history.clear()
    explorer.activation = "relu"  # also turns training mode off
    assert not explorer.train_mode
    assert history.undo_count == 1
    history.undo()
    assert (explorer.activation, explorer.train_mode) == (random[0], True)


def test_max_depth_forgets_the_oldest(explorer: ExplorerState, clock: Clock) -> None:
    history = History(explorer, clock=clock, max_depth=5)
    for seed in range(1, 9):
        explorer.seed = seed
        clock.tick()
    assert history.undo_count == history.max_depth == 5
    while history.undo():
        pass
    assert explorer.seed == 3
    with pytest.raises(ValueError, match="max_depth"):
        History(explorer, max_depth=0)


def test_default_depth_is_two_hundred(
    history: History, explorer: ExplorerState, clock: Clock
) -> None:
    for seed in range(1, 251):
        explorer.seed = seed
        clock.tick()
    assert history.undo_count == 200


def test_theme_is_not_undone(history: History, explorer: ExplorerState) -> None:
    explorer.theme = "dark"
    assert not history.can_undo


def test_changed_signal_tracks_menus(
    history: History, explorer: ExplorerState, clock: Clock
) -> None:
    labels: list[tuple[str, str]] = []
    history.changed.connect(lambda: labels.append((history.undo_label, history.redo_label)))
    explorer.seed = 1
    clock.tick()
    history.undo()
    history.redo()
    history.clear()
    assert labels == [
        ("Undo change seed", "Redo"),
        ("Undo", "Redo change seed"),
        ("Undo change seed", "Redo"),
        ("Undo", "Redo"),
    ]


def test_disconnect_stops_recording(history: History, explorer: ExplorerState) -> None:
    history.disconnect()
    explorer.seed = 4
    assert not history.can_undo


def test_explorer_only_history(explorer: ExplorerState, clock: Clock) -> None:
    history = History(explorer, clock=clock)
    explorer.pin_current()
    assert history.undo_label == "Undo change pinned functions"
    history.undo()
    assert explorer.pins == ()


def test_paused_excursion_that_comes_back_keeps_redo(
    history: History, explorer: ExplorerState, clock: Clock
) -> None:
    explorer.activation = "leaky_relu"
    clock.tick()
    explorer.set_param("negative_slope", 0.2)
    clock.tick()
    assert history.undo()
    assert history.can_redo
    before = explorer.to_dict()
    with history.paused():
        for value in (0.3, 0.6, 0.9):
            explorer.set_param("negative_slope", value)
        explorer.set_param("negative_slope", before["params"]["negative_slope"])
    assert explorer.to_dict() == before
    assert history.can_redo
    assert history.undo_count == 1
    assert history.redo()
    assert explorer.params["negative_slope"] == 0.2


def test_paused_excursion_that_moves_the_state_is_one_step(
    history: History, explorer: ExplorerState, clock: Clock
) -> None:
    explorer.activation = "leaky_relu"
    clock.tick()
    with history.paused():
        for value in (0.3, 0.6, 0.9):
            explorer.set_param("negative_slope", value)
    assert history.undo_count == 2
    assert not history.can_redo
    assert history.undo()
    assert explorer.params["negative_slope"] == 0.01


def test_a_change_outside_a_scoped_gesture_is_its_own_step(
    history: History, explorer: ExplorerState, clock: Clock
) -> None:
    explorer.activation = "leaky_relu"
    clock.tick()
    interrupted: list[None] = []
    history.interrupted.connect(lambda: interrupted.append(None))
    history.begin_gesture(
        "animate {name}", scope=("explorer.params.negative_slope",), name="negative_slope"
    )
    for value in (0.1, 0.2, 0.3):
        explorer.set_param("negative_slope", value)
    assert history.undo_count == 2 and not interrupted
    explorer.activation = "elu"  # switched while playing
    assert interrupted == [None] and not history.in_gesture
    assert history.undo_count == 3
    assert history.undo_text == "change activation"
    history.end_gesture()  # the owner stopping afterwards changes nothing
    assert history.undo_count == 3
    assert history.undo()
    assert explorer.activation == "leaky_relu" and explorer.params["negative_slope"] == 0.3
    assert history.undo_text == "animate negative_slope"
    assert history.undo()
    assert explorer.params["negative_slope"] == 0.01


def test_scope_covers_what_lies_under_it(history: History, explorer: ExplorerState) -> None:
    explorer.activation = "softplus"
    history.clear()
    history.begin_gesture(scope=("explorer.params",))
    explorer.set_param("beta", 2.0)
    explorer.set_param("threshold", 30.0)
    explorer.x_range = (-1.0, 1.0)
    assert not history.in_gesture
    assert history.undo_count == 2
    history.undo()
    assert explorer.x_range != (-1.0, 1.0)
    assert explorer.params == {"beta": 2.0, "threshold": 30.0}


def test_a_group_inside_a_scoped_gesture_interrupts_it(
    history: History, explorer: ExplorerState
) -> None:
    explorer.activation = "elu"
    history.clear()
    interrupted: list[None] = []
    history.interrupted.connect(lambda: interrupted.append(None))
    history.begin_gesture("animate {name}", scope=("explorer.params.alpha",), name="alpha")
    explorer.set_param("alpha", 2.0)
    with history.group("show scene {number}", number=2):
        explorer.activation = "relu"
        explorer.seed = 9
    assert interrupted == [None]
    assert history.undo_count == 2 and history.undo_text == "show scene 2"
    history.undo()
    assert (explorer.activation, explorer.params, explorer.seed) == ("elu", {"alpha": 2.0}, 0)


def test_unscoped_gestures_still_take_every_change(
    history: History, explorer: ExplorerState
) -> None:
    interrupted: list[None] = []
    history.interrupted.connect(lambda: interrupted.append(None))
    with history.group("open scene"):
        explorer.seed = 3
        with history.group():  # nested, no scope: joins the outer one
            explorer.x_range = (-2.0, 2.0)
    assert history.undo_count == 1 and not interrupted


def test_undo_interrupts_an_open_gesture(history: History, explorer: ExplorerState) -> None:
    interrupted: list[None] = []
    history.interrupted.connect(lambda: interrupted.append(None))
    history.begin_gesture(scope=("explorer.seed",))
    explorer.seed = 4
    history.undo()
    assert interrupted == [None] and explorer.seed == 0


def test_gesture_labels_are_templates_with_values(
    history: History, explorer: ExplorerState
) -> None:
    explorer.activation = "elu"
    history.clear()
    with history.group("scrub {name}", name="alpha"):
        explorer.set_param("alpha", 0.5)
    step = history.undo_step
    assert step is not None
    assert (step.template, dict(step.values)) == ("scrub {name}", {"name": "alpha"})
    assert history.undo_text == "scrub alpha"


def test_context_moves_with_undo_and_redo(
    history: History, explorer: ExplorerState, clock: Clock
) -> None:
    cursor = {"scene": None}
    history.add_context(lambda: cursor["scene"], lambda value: cursor.update(scene=value))
    for scene, seed in ((0, 1), (1, 2), (2, 3)):
        with history.group("show scene {number}", number=scene + 1):
            explorer.seed = seed
            cursor["scene"] = scene  # set inside the gesture: it is the step's "after"
        clock.tick()
    explorer.n_samples = 2_000  # a plain change on scene 3 keeps the cursor
    clock.tick()
    history.undo()
    assert cursor["scene"] == 2 and explorer.seed == 3
    history.undo()
    assert cursor["scene"] == 1 and explorer.seed == 2
    history.undo()
    assert cursor["scene"] == 0
    history.undo()
    assert cursor["scene"] is None and explorer.seed == 0
    history.redo()
    history.redo()
    assert cursor["scene"] == 1 and explorer.seed == 2
