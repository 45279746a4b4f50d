"""Scenes and custom functions: per-layer choices carried, and a local function of the same
name but another definition never shown in place of the scene's own."""

from __future__ import annotations

import json

import pytest

from actexplorer.core import get
from actexplorer.core.custom import CustomDefinition, custom_param
from actexplorer.custom_functions import CustomFunctions
from actexplorer.lab_state import LabState
from actexplorer.scene import (
    SceneError,
    activation_keys,
    apply_scene,
    dumps_scene,
    loads_scene,
    same_definition,
    scene_from_states,
)
from actexplorer.state import ExplorerState

BUMPY = CustomDefinition("bumpy", "x + a * sin(x)", (custom_param("a", 0.5, 0, 1),))
LOCAL_WIGGLE = CustomDefinition("wiggle", "sin(x)")
SCENE_WIGGLE = CustomDefinition("wiggle", "x + k * sin(3 * x)", (custom_param("k", 0.2, 0, 1),))
#: The keys of the names a differing scene function is shown under.
COPY = CustomDefinition("wiggle (scene)", "x").key
SECOND_COPY = CustomDefinition("wiggle (scene 2)", "x").key


def _scene_text(definition: CustomDefinition, **lab: object) -> str:
    return dumps_scene(
        {
            "format": "actexplorer-scene",
            "version": 1,
            "explorer": {
                "activation": definition.key,
                "params": {"k": 0.7} if definition is SCENE_WIGGLE else {},
                "pins": [{"key": definition.key, "params": {}}, {"key": "tanh", "params": {}}],
            },
            "lab": lab,
            "custom": [definition.to_dict()],
        }
    )


# -- a custom function chosen for a hidden layer --------------------------------------------
def test_activation_keys_include_the_lab_layers() -> None:
    lab = LabState()
    lab.update(race="elu", layer_activations=["tanh", None, "gelu"])
    explorer = ExplorerState()
    explorer.pin_current()
    keys = activation_keys(explorer.to_dict(), lab.to_dict())
    assert keys == {"relu", "elu", "tanh", "gelu"}


def test_a_scene_with_a_custom_layer_function_opens_elsewhere(functions: CustomFunctions) -> None:
    functions.install(BUMPY)
    explorer, lab = ExplorerState(), LabState()
    lab.update(per_layer=True, layer_activations=["custom:bumpy", "tanh"])
    text = dumps_scene(scene_from_states(explorer, lab, "layers", custom=[BUMPY]))
    functions.remove("custom:bumpy")  # as on another computer

    scene = loads_scene(text)
    assert scene.lab is not None and scene.lab["layer_activations"][:2] == ["custom:bumpy", "tanh"]
    other_explorer, other_lab = ExplorerState(), LabState()
    before = (other_explorer.to_dict(), other_lab.to_dict())
    with pytest.raises(SceneError, match="uses custom:bumpy, which cannot be installed"):
        apply_scene(scene, other_explorer, other_lab)
    assert (other_explorer.to_dict(), other_lab.to_dict()) == before

    apply_scene(scene, other_explorer, other_lab, install_custom=functions.install)
    assert other_lab.layer_activations[:2] == ("custom:bumpy", "tanh")
    assert other_lab.per_layer and get("custom:bumpy").formula.text == BUMPY.expression


def test_a_bad_layer_key_beside_a_custom_one_is_still_refused() -> None:
    text = dumps_scene(
        {
            "format": "actexplorer-scene",
            "explorer": {"activation": "relu"},
            "lab": {"layer_activations": ["custom:bumpy", "nonsense"]},
            "custom": [BUMPY.to_dict()],
        }
    )
    with pytest.raises(SceneError, match=r"lab\.layer_activations.*nonsense"):
        loads_scene(text)


# -- the same key, another definition -----------------------------------------------------------
def test_same_definition_compares_expression_and_parameters(functions: CustomFunctions) -> None:
    functions.install(SCENE_WIGGLE)
    installed = get(SCENE_WIGGLE.key)
    assert same_definition(SCENE_WIGGLE, installed)
    assert same_definition(CustomDefinition("Wiggle", " x + k * sin(3 * x) "), installed) is False
    assert not same_definition(LOCAL_WIGGLE, installed)
    wider = CustomDefinition(SCENE_WIGGLE.name, SCENE_WIGGLE.expression, (custom_param("k"),))
    assert not same_definition(wider, installed)


def test_a_differing_local_function_is_kept_and_the_scene_shows_its_own(
    functions: CustomFunctions,
) -> None:
    functions.install(LOCAL_WIGGLE)
    local = get("custom:wiggle")
    text = _scene_text(
        SCENE_WIGGLE,
        race="custom:wiggle",
        per_layer=True,
        layer_activations=["custom:wiggle", "tanh"],
    )
    # Read against the scene's own definition: its parameter k is unknown to the local one.
    scene = loads_scene(text)
    explorer, lab = ExplorerState(), LabState()

    notices = apply_scene(scene, explorer, lab, install_custom=functions.install)

    assert any(
        "the scene defines custom:wiggle differently from yours" in n and "'wiggle (scene)'" in n
        for n in notices
    )
    assert get("custom:wiggle") is local  # the user's own stays as it was
    shown = get(COPY)
    assert shown.formula.text == SCENE_WIGGLE.expression
    assert (explorer.activation, explorer.params) == (COPY, {"k": 0.7})
    assert [pin.key for pin in explorer.pins] == [COPY, "tanh"]
    assert lab.race == COPY
    assert lab.layer_activations[:2] == (COPY, "tanh")

    # Shown again (a lecture going back to it): the copy already there is reused.
    apply_scene(scene, ExplorerState(), LabState(), install_custom=functions.install)
    assert [d.key for d in functions.definitions()] == ["custom:wiggle", COPY]


def test_a_second_differing_copy_takes_the_next_free_name(functions: CustomFunctions) -> None:
    functions.install(LOCAL_WIGGLE)
    functions.install(CustomDefinition("wiggle (scene)", "cos(x)"))
    explorer = ExplorerState()
    notices = apply_scene(
        loads_scene(_scene_text(SCENE_WIGGLE)), explorer, install_custom=functions.install
    )
    assert explorer.activation == SECOND_COPY
    assert any("'wiggle (scene 2)'" in n for n in notices)
    assert get(COPY).formula.text == "cos(x)"


def test_an_identical_local_function_is_used_as_it_is(functions: CustomFunctions) -> None:
    functions.install(SCENE_WIGGLE)
    explorer = ExplorerState()
    notices = apply_scene(
        loads_scene(_scene_text(SCENE_WIGGLE)), explorer, install_custom=functions.install
    )
    assert explorer.activation == "custom:wiggle"
    assert not any("differently" in n for n in notices)
    assert functions.keys() == ("custom:wiggle",)


def test_a_differing_scene_that_cannot_be_shown_changes_no_state(
    functions: CustomFunctions,
) -> None:
    functions.install(LOCAL_WIGGLE)
    data = json.loads(_scene_text(SCENE_WIGGLE, depth=5))
    scene = loads_scene(json.dumps(data))
    explorer, lab = ExplorerState(), LabState()
    lab.update(depth=7)
    before = (explorer.to_dict(), lab.to_dict())
    with pytest.raises(SceneError, match="cannot be installed"):
        apply_scene(scene, explorer, lab)  # nothing can install the scene's version
    assert (explorer.to_dict(), lab.to_dict()) == before
    assert get("custom:wiggle").formula.text == "sin(x)"
