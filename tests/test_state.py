"""The evented state: validation on assignment, one event per change, snapshots."""

from __future__ import annotations

import subprocess
import sys

import pytest

from actexplorer.core import ACTIVATIONS
from actexplorer.core.stats import InputDistribution
from actexplorer.state import (
    DEFAULT_X_RANGE,
    MAX_PINS,
    ExplorerState,
    Pin,
    UnknownActivationError,
)


@pytest.fixture
def state() -> ExplorerState:
    return ExplorerState()


@pytest.fixture
def events(state: ExplorerState) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    state.events.all.connect(lambda info: seen.append((info.signal.name, info.args[0])))
    return seen


def test_state_does_not_import_qt() -> None:
    # A fresh interpreter: this one may have imported Qt for other tests.
    code = "import sys, actexplorer.state; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_defaults(state: ExplorerState) -> None:
    assert state.activation in ACTIVATIONS
    assert state.params == ACTIVATIONS[state.activation].defaults
    assert state.n_samples == 100_000
    assert state.distribution == InputDistribution()
    assert state.x_range == DEFAULT_X_RANGE
    assert state.pins == ()


def test_unknown_activation_suggests_and_changes_nothing(state, events) -> None:
    with pytest.raises(UnknownActivationError, match="did you mean 'relu'"):
        state.activation = "relx"
    with pytest.raises(ValueError):
        state.activation = 3  # type: ignore[assignment]
    assert events == []


def test_activation_change_resets_params_and_emits_both(state, events) -> None:
    other = [k for k in ACTIVATIONS if k != state.activation]
    if not other:
        state.activation = state.activation
        assert events == []
        return
    state.activation = other[0]
    assert [name for name, _ in events][:2] == ["activation", "params"]
    assert state.params == ACTIVATIONS[other[0]].defaults


def test_params_validated_on_assignment(state, events) -> None:
    with pytest.raises(ValueError, match=r"unknown parameter|takes no parameters"):
        state.params = {"no_such_parameter": 1.0}
    with pytest.raises(ValueError):
        state.params = [1, 2]  # type: ignore[assignment]
    assert events == []
    state.params = {}
    assert events == []  # unchanged: no event


@pytest.mark.parametrize("value", [999, 10**8, 2.5, "1000", True, float("nan")])
def test_n_samples_refuses_bad_values(state, events, value) -> None:
    with pytest.raises(ValueError):
        state.n_samples = value
    assert state.n_samples == 100_000 and events == []


def test_n_samples_seed_and_resample(state, events) -> None:
    state.n_samples = 1e4
    state.seed = 5
    state.resample()
    assert (state.n_samples, state.seed) == (10_000, 6)
    assert events == [("n_samples", 10_000), ("seed", 5), ("seed", 6)]
    with pytest.raises(ValueError):
        state.seed = -1


def test_distribution(state, events) -> None:
    state.set_distribution("uniform", {"low": -1.0, "high": 2.0})
    assert state.distribution == InputDistribution("uniform", {"low": -1.0, "high": 2.0})
    state.set_distribution_param("high", 3.0)
    assert state.distribution.params["high"] == 3.0
    with pytest.raises(ValueError):
        state.set_distribution("cauchy")
    with pytest.raises(ValueError):
        state.set_distribution_param("high", -5.0)  # below low
    with pytest.raises(ValueError):
        state.distribution = "normal"  # type: ignore[assignment]
    assert [name for name, _ in events] == ["distribution", "distribution"]


@pytest.mark.parametrize(
    "value", [(1.0, 1.0), (2.0, 1.0), (float("nan"), 1.0), (-1e9, 0.0), (0.0,), "ab", None]
)
def test_x_range_refuses_bad_windows(state, events, value) -> None:
    with pytest.raises(ValueError):
        state.x_range = value
    assert state.x_range == DEFAULT_X_RANGE and events == []


def test_flags_and_theme(state, events) -> None:
    state.log_derivative = True
    state.show_input_histogram = True
    state.theme = "dark"
    with pytest.raises(ValueError):
        state.log_derivative = 1  # type: ignore[assignment]
    with pytest.raises(ValueError):
        state.theme = "pink"
    assert events == [("log_derivative", True), ("show_input_histogram", True), ("theme", "dark")]


def test_pins(state, events) -> None:
    assert state.pin_current()
    assert not state.pin_current()  # already pinned
    assert state.pins == (Pin(state.activation, state.params),)
    with pytest.raises(ValueError):
        state.pins = [Pin("relu", {})] * (MAX_PINS + 1)
    with pytest.raises(ValueError):
        state.pins = [Pin("nope", {})]
    state.unpin(0)
    assert state.pins == ()
    assert [name for name, _ in events] == ["pins", "pins"]


def test_logits(state, events) -> None:
    state.logits = [1, 2, 3]
    assert state.logits == (1.0, 2.0, 3.0)
    for bad in ([1, 2], [0] * 11, [1, 2, float("inf")], [1, 2, 99], "abc"):
        with pytest.raises(ValueError):
            state.logits = bad
    assert events == [("logits", (1.0, 2.0, 3.0))]


def test_snapshot_round_trip(state) -> None:
    state.n_samples = 2_000
    state.seed = 3
    state.set_distribution("laplace", {"scale": 2.0})
    state.x_range = (-1.0, 4.0)
    state.pin_current()
    state.theme = "light"
    copy = ExplorerState()
    assert copy.update_from_dict(state.to_dict()) == []
    assert copy.to_dict() == state.to_dict()


def test_bad_snapshot_fields_are_skipped(state) -> None:
    problems = state.update_from_dict(
        {"n_samples": "many", "seed": 4, "activation": "nope", "distribution": {"kind": "x"}}
    )
    assert state.seed == 4 and state.n_samples == 100_000
    assert {p.split(":")[0] for p in problems} == {"n_samples", "activation", "distribution"}
