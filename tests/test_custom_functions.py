"""The custom-function model: install, replace, remove, settings, and the states kept valid."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pytest

from actexplorer.core import ACTIVATIONS, Family, get
from actexplorer.core.custom import CustomDefinition, build_activation, custom_param
from actexplorer.custom_functions import MAX_CUSTOM, CustomFunctions, StateGuard
from actexplorer.lab_state import LabState
from actexplorer.state import ExplorerState

SWISH = CustomDefinition("my swish", "x * sigmoid(beta * x)", (custom_param("beta", 1.0, 0, 4),))


@dataclass
class Guarded:
    """An explorer and a lab state kept valid by a StateGuard, and the notices it gave."""

    state: ExplorerState
    lab: LabState
    notices: list[str]


@pytest.fixture
def guarded(functions: CustomFunctions) -> Iterator[Guarded]:
    state, lab = ExplorerState(), LabState()
    guard = StateGuard(functions, state, lab)  # kept alive: the model holds weak references
    notices: list[str] = []
    guard.notice.connect(notices.append)
    yield Guarded(state, lab, notices)
    guard.disconnect()


def test_install_registers_a_working_function(functions: CustomFunctions) -> None:
    events: list[str] = []
    functions.changed.connect(lambda: events.append("changed"))
    functions.install(SWISH)
    act = get("custom:my_swish")
    assert act.family is Family.CUSTOM and events == ["changed"]
    assert list(ACTIVATIONS)[-1] == "custom:my_swish"  # the last group of the picker
    x = np.linspace(-5, 5, 11)
    silu = get("silu")
    np.testing.assert_allclose(act.forward(x, beta=1.0), silu.forward(x), rtol=1e-15)
    np.testing.assert_allclose(act.derivative(x, beta=1.0), silu.derivative(x), rtol=1e-12)
    assert functions.definitions() == (SWISH,)
    assert "custom:my_swish" in ACTIVATIONS.scalar()


def test_replacing_a_definition_updates_it(functions: CustomFunctions) -> None:
    functions.install(SWISH)
    first = get("custom:my_swish")
    changed = CustomDefinition("my swish", "x * tanh(beta * x)")
    functions.install(changed)
    assert get("custom:my_swish") is not first
    assert functions.definitions()[0].expression == "x * tanh(beta * x)"
    assert len(functions) == 1


@pytest.mark.parametrize(
    ("definition", "fragment"),
    [
        (CustomDefinition("ReLU", "maximum(x, 0)"), "built-in function ReLU"),
        (CustomDefinition("leaky-relu", "x"), "built-in function"),
        (CustomDefinition("   ", "x"), "name"),
        (CustomDefinition("bad", "x * sigmod(x)"), "did you mean sigmoid"),
        (CustomDefinition("bad", "__import__('os')"), "unknown name '__import__'"),
        (CustomDefinition("bad", "(" * 10_000 + "x" + ")" * 10_000), "too long"),
        (CustomDefinition("bad", "x" * 1_000_000), "too long"),
    ],
)
def test_bad_definitions_are_refused_and_change_nothing(
    functions: CustomFunctions, definition: CustomDefinition, fragment: str
) -> None:
    before = list(ACTIVATIONS)
    with pytest.raises(ValueError, match=fragment):
        functions.install(definition)
    assert list(ACTIVATIONS) == before and functions.definitions() == ()


def test_registry_refuses_to_remove_or_shadow_builtins() -> None:
    with pytest.raises(ValueError, match="built in"):
        ACTIVATIONS.remove("relu")
    relu_like = build_activation(CustomDefinition("x", "maximum(x, 0)"))
    import dataclasses

    with pytest.raises(ValueError, match="start with 'custom:'"):
        ACTIVATIONS.add_custom(dataclasses.replace(relu_like, key="relu"))
    with pytest.raises(ValueError, match="registered twice"):
        ACTIVATIONS.add(dataclasses.replace(relu_like, key="relu"))
    with pytest.raises(KeyError):
        ACTIVATIONS.remove("custom:nothing")
    assert get("relu").name == "ReLU"


def test_settings_round_trip_and_bad_entries(functions: CustomFunctions) -> None:
    functions.install(SWISH)
    saved = json.loads(json.dumps(functions.to_list()))
    functions.clear()
    restored = CustomFunctions()
    try:
        problems = restored.update_from_list(
            [saved[0], {"name": "broken", "expression": "x +"}, "nonsense"]
        )
        assert restored.definitions() == (SWISH,)
        assert len(problems) == 2 and "broken skipped" in problems[0]
        assert restored.update_from_list("") == ["saved custom functions unreadable"]
    finally:
        restored.clear()


def test_at_most_max_custom(functions: CustomFunctions) -> None:
    for index in range(MAX_CUSTOM):
        functions.install(CustomDefinition(f"f{index}", f"x * {index + 1}"))
    with pytest.raises(ValueError, match="at most"):
        functions.install(CustomDefinition("one more", "x"))
    functions.install(CustomDefinition("f0", "x * 5"))  # replacing stays possible


def test_removing_the_current_function_switches_to_the_default(
    functions: CustomFunctions, guarded: Guarded
) -> None:
    state, lab, notices = guarded.state, guarded.lab, guarded.notices
    functions.install(SWISH)
    state.activation = "custom:my_swish"
    state.params = {"beta": 2.0}
    assert state.pin_current()
    state.activation = "elu"
    assert state.pin_current()
    state.activation = "custom:my_swish"
    lab.race = "custom:my_swish"
    functions.remove("custom:my_swish")
    assert state.activation == "relu"
    assert [pin.key for pin in state.pins] == ["elu"]
    assert lab.race is None
    assert notices and "my swish was deleted" in notices[0]


def test_replacing_the_current_function_keeps_fitting_parameters_and_pins(
    functions: CustomFunctions,
) -> None:
    state = ExplorerState()
    guard = StateGuard(functions, state)  # kept alive: the model holds weak references
    functions.install(SWISH)
    state.activation = "custom:my_swish"
    state.params = {"beta": 3.0}
    state.pin_current()
    functions.install(
        CustomDefinition(
            "my swish",
            "x * sigmoid(beta * x) + c",
            (custom_param("beta", 1.0, 0, 2), custom_param("c", 0.0, -1, 1)),
        )
    )
    assert state.activation == "custom:my_swish"
    # beta = 3 no longer fits the new range [0, 2]: it takes its default.
    assert state.params == {"beta": 1.0, "c": 0.0}
    assert [pin.key for pin in state.pins] == ["custom:my_swish"]
    assert dict(state.pins[0].params) == {"beta": 1.0, "c": 0.0}
    np.testing.assert_allclose(state.current.forward([0.0], beta=1.0, c=0.5), [0.5])
    guard.disconnect()


def test_a_build_sympy_cannot_finish_in_time_is_refused(
    functions: CustomFunctions, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from actexplorer import custom_functions

    release = threading.Event()

    def stuck(definition: CustomDefinition) -> object:
        release.wait(10)  # stands in for SymPy busy for minutes
        raise ValueError("released")

    monkeypatch.setattr(custom_functions, "build_activation", stuck)
    monkeypatch.setattr(custom_functions, "BUILD_BUDGET_S", 0.05)
    try:
        with pytest.raises(ValueError, match=r"longer than 0\.05 s"):
            functions.install(SWISH)
    finally:
        release.set()
    assert functions.definitions() == () and not ACTIVATIONS.custom()


# -- the lab's per-layer functions, renaming, names, runaway builds -----------------------------
BUMPY = CustomDefinition("bumpy", "x + a * sin(x)", (custom_param("a", 0.5, 0, 1),))


def test_removing_a_function_chosen_per_layer_clears_those_layers(
    functions: CustomFunctions, guarded: Guarded
) -> None:
    lab, notices = guarded.lab, guarded.notices
    functions.install(BUMPY)
    lab.update(per_layer=True, layer_activations=["custom:bumpy", "tanh", "custom:bumpy"])
    functions.remove("custom:bumpy")
    assert lab.layer_activations[:3] == (None, "tanh", None)
    assert "custom:bumpy" not in lab.to_dict()["layer_activations"]
    assert notices and "bumpy was deleted" in notices[0]


def test_redefining_a_function_chosen_per_layer_keeps_it_there(
    functions: CustomFunctions, guarded: Guarded
) -> None:
    lab = guarded.lab
    functions.install(BUMPY)
    lab.update(per_layer=True, layer_activations=["tanh", "custom:bumpy"], race="custom:bumpy")
    functions.install(CustomDefinition("bumpy", "x + a * cos(x)", BUMPY.params))
    assert lab.layer_activations[:2] == ("tanh", "custom:bumpy")
    assert lab.race == "custom:bumpy"


def test_renaming_follows_the_function_everywhere_without_an_undo_step(
    functions: CustomFunctions, guarded: Guarded
) -> None:
    from actexplorer.history import History

    state, lab, notices = guarded.state, guarded.lab, guarded.notices
    history = History(state, lab)
    functions.install(SWISH)
    functions.install(BUMPY)
    state.activation = "custom:my_swish"
    state.params = {"beta": 2.5}
    state.pin_current()
    state.activation = "elu"
    state.pin_current()
    state.activation = "custom:my_swish"
    state.params = {"beta": 2.5}
    lab.update(race="custom:my_swish", per_layer=True, layer_activations=["custom:my_swish"])
    steps = history.undo_count
    events: list[tuple[str, str]] = []
    functions.renamed.connect(lambda old, new: events.append((old, new)))

    renamed = CustomDefinition("swish two", SWISH.expression, SWISH.params)
    functions.rename("custom:my_swish", renamed, history)

    assert events == [("custom:my_swish", "custom:swish_two")]
    assert "custom:my_swish" not in ACTIVATIONS and "custom:swish_two" in ACTIVATIONS
    # The renamed function keeps its place in the list.
    assert [d.key for d in functions.definitions()] == ["custom:swish_two", "custom:bumpy"]
    assert (state.activation, state.params) == ("custom:swish_two", {"beta": 2.5})
    assert [(pin.key, dict(pin.params)) for pin in state.pins] == [
        ("custom:swish_two", {"beta": 2.5}),
        ("elu", {"alpha": 1.0}),
    ]
    assert lab.race == "custom:swish_two"
    assert lab.layer_activations[0] == "custom:swish_two"
    assert notices == []  # nothing was deleted
    # Not a step of its own (the custom set is not in the history); the earlier steps now
    # name the new key, so undo keeps working (see the next test).
    assert history.undo_count == steps
    assert history.undo() and lab.race is None  # the last step: race and layers set
    assert history.redo()
    assert lab.race == lab.layer_activations[0] == "custom:swish_two"
    history.disconnect()


def test_renaming_drops_parameters_that_no_longer_fit(functions: CustomFunctions) -> None:
    state = ExplorerState()
    guard = StateGuard(functions, state)
    functions.install(SWISH)
    state.activation = "custom:my_swish"
    state.params = {"beta": 3.0}
    functions.rename(
        "custom:my_swish",
        CustomDefinition("swish two", "x * sigmoid(beta * x)", (custom_param("beta", 1, 0, 2),)),
    )
    assert (state.activation, state.params) == ("custom:swish_two", {"beta": 1.0})
    guard.disconnect()


def test_renaming_onto_another_functions_name_is_refused(functions: CustomFunctions) -> None:
    functions.install(SWISH)
    functions.install(BUMPY)
    before = functions.definitions()
    with pytest.raises(ValueError, match="another custom function is already called 'bumpy'"):
        functions.rename("custom:my_swish", CustomDefinition("Bumpy", "x"))
    with pytest.raises(KeyError):
        functions.rename("custom:nothing", CustomDefinition("new", "x"))
    assert functions.definitions() == before
    assert get("custom:bumpy").formula.text == BUMPY.expression


def test_renaming_at_the_limit_is_possible(functions: CustomFunctions) -> None:
    for index in range(MAX_CUSTOM):
        functions.install(CustomDefinition(f"f{index}", f"x * {index + 1}"))
    functions.rename("custom:f0", CustomDefinition("renamed", "x"))
    assert len(functions) == MAX_CUSTOM and "custom:renamed" in functions


def test_name_problem_explains_taken_names(functions: CustomFunctions) -> None:
    functions.install(SWISH)
    assert functions.name_problem("other") == ""
    assert "already called 'my swish'" in functions.name_problem("My Swish")
    assert functions.name_problem("my swish", editing="custom:my_swish") == ""
    assert "built-in function ReLU" in functions.name_problem("relu")
    assert functions.name_problem("  ") == "give the function a name"


def test_runaway_builds_are_capped(
    functions: CustomFunctions, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from actexplorer import custom_functions

    release = threading.Event()
    calls: list[str] = []

    def stuck(definition: CustomDefinition) -> object:
        calls.append(definition.name)
        release.wait(10)  # stands in for SymPy busy for minutes
        raise ValueError("released")

    monkeypatch.setattr(custom_functions, "build_activation", stuck)
    monkeypatch.setattr(custom_functions, "BUILD_BUDGET_S", 0.02)
    try:
        for index in range(custom_functions.MAX_RUNAWAY):
            with pytest.raises(ValueError, match="longer than"):
                functions.install(CustomDefinition(f"slow {index}", "x"))
        assert custom_functions.runaway_builds() == custom_functions.MAX_RUNAWAY
        with pytest.raises(ValueError, match="still busy with 2 earlier expressions"):
            functions.install(CustomDefinition("one more", "x"))
        assert len(calls) == custom_functions.MAX_RUNAWAY  # no further thread was started
    finally:
        release.set()
    for thread in threading.enumerate():
        if thread.name == "custom-build":
            thread.join(10)
    assert custom_functions.runaway_builds() == 0
    monkeypatch.undo()
    functions.install(SWISH)  # builds work again
    assert "custom:my_swish" in ACTIVATIONS


def test_a_rename_leaves_no_step_and_undo_still_reaches_the_function(
    functions: CustomFunctions, guarded: Guarded
) -> None:
    from actexplorer.history import History

    state, lab = guarded.state, guarded.lab
    history = History(state, lab)
    mine = CustomDefinition("my act", "a * x", (custom_param("a", 2.0, 0.5, 4.0),))
    functions.install(mine)
    state.activation = mine.key
    with history.group("tune"):
        state.set_param("a", 3.0)
    steps = history.undo_count

    renamed = CustomDefinition("renamed", "a * x", mine.params)
    functions.rename(mine.key, renamed, history)
    assert state.activation == renamed.key and state.params["a"] == 3.0
    assert history.undo_count == steps  # the custom set is not in the history

    assert history.undo()  # the parameter step, now about the renamed function
    assert state.activation == renamed.key and state.params["a"] == 2.0
    assert history.undo()  # back to the function shown before it
    assert state.activation == "relu"
    assert history.redo() and state.activation == renamed.key
    assert history.redo() and state.params["a"] == 3.0
