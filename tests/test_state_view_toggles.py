"""The plot toggles of the explorer state (derivative, histograms, pinned functions): validated
on assignment, evented, persisted, and carried by scenes (older scenes still load)."""

from __future__ import annotations

import json

import pytest

from actexplorer.scene import SceneError, apply_scene, dumps_scene, loads_scene, scene_from_states
from actexplorer.state import ExplorerState

TOGGLES = ("show_derivative", "show_histograms", "show_pins")


@pytest.mark.parametrize("name", TOGGLES)
def test_toggle_defaults_to_shown(name: str) -> None:
    assert getattr(ExplorerState(), name) is True


@pytest.mark.parametrize("name", TOGGLES)
def test_toggle_emits_its_event_once_per_change(name: str) -> None:
    state = ExplorerState()
    seen: list[bool] = []
    getattr(state.events, name).connect(seen.append)
    setattr(state, name, False)
    setattr(state, name, False)  # no change, no event
    setattr(state, name, True)
    assert seen == [False, True]


@pytest.mark.parametrize("name", TOGGLES)
@pytest.mark.parametrize("bad", [0, 1, "yes", None, 1.0])
def test_toggle_refuses_non_booleans_and_changes_nothing(name: str, bad: object) -> None:
    state = ExplorerState()
    seen: list[bool] = []
    getattr(state.events, name).connect(seen.append)
    with pytest.raises(ValueError, match=name):
        setattr(state, name, bad)
    assert getattr(state, name) is True
    assert seen == []


def test_toggles_round_trip_through_to_dict() -> None:
    state = ExplorerState()
    state.show_derivative = False
    state.show_pins = False
    data = json.loads(json.dumps(state.to_dict()))
    assert {k: data[k] for k in TOGGLES} == {
        "show_derivative": False,
        "show_histograms": True,
        "show_pins": False,
    }
    fresh = ExplorerState()
    assert fresh.update_from_dict(data) == []
    assert [getattr(fresh, k) for k in TOGGLES] == [False, True, False]


def test_bad_toggle_in_a_snapshot_is_reported_and_skipped() -> None:
    state = ExplorerState()
    problems = state.update_from_dict({"show_histograms": "no", "show_derivative": False})
    assert len(problems) == 1 and problems[0].startswith("show_histograms")
    assert state.show_histograms is True
    assert state.show_derivative is False


def test_snapshot_without_toggles_keeps_them() -> None:
    state = ExplorerState()
    state.show_histograms = False
    old = {k: v for k, v in ExplorerState().to_dict().items() if k not in TOGGLES}
    assert state.update_from_dict(old) == []
    assert state.show_histograms is False


def test_toggles_travel_in_scenes() -> None:
    source = ExplorerState()
    source.show_histograms = False
    source.show_pins = False
    scene = loads_scene(dumps_scene(scene_from_states(source)))
    target = ExplorerState()
    apply_scene(scene, target)
    assert [getattr(target, k) for k in TOGGLES] == [True, False, False]


def test_scene_without_toggles_shows_every_plot() -> None:
    document = scene_from_states(ExplorerState())
    for key in TOGGLES:
        del document["explorer"][key]
    target = ExplorerState()
    target.show_derivative = False
    apply_scene(loads_scene(json.dumps(document)), target)
    # A scene is complete: what it does not mention takes the default.
    assert [getattr(target, k) for k in TOGGLES] == [True, True, True]


def test_scene_with_a_bad_toggle_is_refused_naming_the_field() -> None:
    document = scene_from_states(ExplorerState())
    document["explorer"]["show_pins"] = "hidden"
    with pytest.raises(SceneError, match=r"explorer\.show_pins"):
        loads_scene(json.dumps(document))
