"""The custom-function model: install, replace, remove, settings, and the states kept valid."""

from __future__ import annotations

import json
from collections.abc import Iterator

import numpy as np
import pytest

from actexplorer.core import ACTIVATIONS, Family, get
from actexplorer.core.custom import CustomDefinition, build_activation, custom_param
from actexplorer.custom_functions import MAX_CUSTOM, CustomFunctions, StateGuard
from actexplorer.lab_state import LabState
from actexplorer.state import ExplorerState

SWISH = CustomDefinition("my swish", "x * sigmoid(beta * x)", (custom_param("beta", 1.0, 0, 4),))


@pytest.fixture
def functions() -> Iterator[CustomFunctions]:
    """A model whose functions leave the catalog after the test."""
    model = CustomFunctions()
    yield model
    model.clear()
    assert not ACTIVATIONS.custom()


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
    functions: CustomFunctions,
) -> None:
    state, lab = ExplorerState(), LabState()
    guard = StateGuard(functions, state, lab)
    notices: list[str] = []
    guard.notice.connect(notices.append)
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
