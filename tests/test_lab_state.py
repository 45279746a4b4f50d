"""The lab's evented state: validation on assignment, one event per changed field."""

from __future__ import annotations

import pytest

from actexplorer.core.lab import DatasetKind, InitScheme, Optimizer
from actexplorer.lab_state import LabState


@pytest.fixture
def lab() -> LabState:
    return LabState()


def record(lab: LabState) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    lab.events.all.connect(lambda info: seen.append((info.signal.name, info.args[0])))
    return seen


def test_every_field_has_its_own_signal(lab: LabState) -> None:
    assert set(LabState.fields()) == set(lab.events.signals)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("depth", 57),
        ("width", 1024),
        ("batch", 64),
        ("init_scheme", InitScheme.HE_NORMAL),
        ("init_mode", "fan_out"),
        ("activation_gain", True),
        ("sigma_w", 2.5),
        ("sigma_b", 0.3),
        ("seed", 7),
        ("dataset", DatasetKind.SPIRAL),
        ("noise", 0.25),
        ("n_points", 800),
        ("test_fraction", 0.5),
        ("data_seed", 3),
        ("hidden_layers", 0),
        ("hidden_width", 64),
        ("optimizer", Optimizer.SGD),
        ("learning_rate", 3e-4),
        ("batch_size", 128),
        ("l2", 1e-3),
        ("train_seed", 11),
        ("race", "tanh"),
        ("speed", 20),
        ("per_layer", True),
        ("layer_activations", ("tanh", None, "gelu", None, None, None)),
        ("momentum", 0.5),
    ],
)
def test_assignment_stores_and_emits_once(lab: LabState, name: str, value: object) -> None:
    seen = record(lab)
    setattr(lab, name, value)
    assert getattr(lab, name) == value
    assert seen == [(name, value)]
    setattr(lab, name, value)  # unchanged: silent
    assert len(seen) == 1


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("depth", 0),
        ("depth", 101),
        ("depth", 2.5),
        ("width", 7),
        ("width", 4096),
        ("batch", 0),
        ("init_scheme", "gaussian"),
        ("init_mode", "fan_avg"),
        ("activation_gain", 1),
        ("sigma_w", -0.1),
        ("sigma_w", float("nan")),
        ("sigma_w", "1"),
        ("sigma_b", float("inf")),
        ("seed", -1),
        ("layer", 0),
        ("layer", 21),
        ("dataset", "mnist"),
        ("noise", 3.0),
        ("n_points", 5),
        ("test_fraction", 0.95),
        ("hidden_layers", 7),
        ("hidden_width", 0),
        ("hidden_width", 65),
        ("optimizer", "lbfgs"),
        ("learning_rate", 0.0),
        ("learning_rate", True),
        ("batch_size", 0),
        ("l2", -1e-3),
        ("race", "not_a_function"),
        ("race", 3),
        ("speed", 0),
        ("per_layer", "yes"),
        ("layer_activations", "relu"),
        ("layer_activations", ["relu", "not_a_function"]),
        ("layer_activations", ["relu"] * 7),
        ("layer_activations", [3]),
        ("momentum", -0.1),
        ("momentum", 1.0),
        ("momentum", float("nan")),
    ],
)
def test_bad_values_are_refused_naming_the_field(lab: LabState, name: str, value: object) -> None:
    before = lab.to_dict()
    seen = record(lab)
    with pytest.raises(ValueError, match=name):
        setattr(lab, name, value)
    assert lab.to_dict() == before
    assert seen == []


def test_update_is_all_or_nothing(lab: LabState) -> None:
    seen = record(lab)
    with pytest.raises(ValueError, match="sigma_b"):
        lab.update(depth=50, sigma_b=-1.0)
    assert lab.depth == 20
    assert seen == []
    with pytest.raises(ValueError, match="no setting"):
        lab.update(colour="red")


def test_layer_follows_depth_down(lab: LabState) -> None:
    lab.layer = 20
    seen = record(lab)
    lab.depth = 5
    assert lab.layer == 5
    assert seen == [("depth", 5), ("layer", 5)]
    with pytest.raises(ValueError, match="layer"):
        lab.layer = 6
    lab.update(depth=30, layer=25)
    assert (lab.depth, lab.layer) == (30, 25)


def test_mean_field_point_switches_to_the_normal_scheme(lab: LabState) -> None:
    lab.init_scheme = InitScheme.XAVIER_UNIFORM
    lab.set_mean_field_point(1.7, 0.2)
    assert (lab.init_scheme, lab.sigma_w, lab.sigma_b) == (InitScheme.NORMAL, 1.7, 0.2)
    assert lab.effective_sigma_w() == pytest.approx(1.7)


def test_presets_set_the_network(lab: LabState) -> None:
    applied = lab.apply_preset("relu_he")
    assert applied.activation == "relu"
    assert (lab.depth, lab.width, lab.init_scheme) == (30, 500, InitScheme.HE_NORMAL)
    assert lab.effective_sigma_w() == pytest.approx(2**0.5)
    with pytest.raises(ValueError, match="preset"):
        lab.apply_preset("nonsense")


def test_activation_gain_uses_the_activation(lab: LabState) -> None:
    lab.update(init_scheme=InitScheme.XAVIER_NORMAL, activation_gain=True)
    assert lab.effective_sigma_w("tanh") == pytest.approx(5.0 / 3.0)
    assert lab.effective_sigma_w("sigmoid") == pytest.approx(1.0)


def test_vector_functions_cannot_race(lab: LabState) -> None:
    from actexplorer.core import ACTIVATIONS
    from actexplorer.core.activation import Activation

    vectors = [k for k, a in ACTIVATIONS.items() if not isinstance(a, Activation)]
    if not vectors:
        pytest.skip("the catalog has no vector function yet")
    with pytest.raises(ValueError, match="race"):
        lab.race = vectors[0]


def test_mlp_config_reflects_the_fields(lab: LabState) -> None:
    lab.update(hidden_layers=3, hidden_width=5, optimizer="sgd", learning_rate=0.5, l2=0.01)
    config = lab.mlp_config("tanh")
    assert config.hidden == (5, 5, 5)
    assert config.optimizer is Optimizer.SGD
    assert (config.learning_rate, config.l2, config.activation) == (0.5, 0.01, "tanh")


def test_round_trip_through_a_dict(lab: LabState) -> None:
    lab.update(depth=33, init_scheme="orthogonal", race="sigmoid", dataset="moons")
    other = LabState()
    assert other.update_from_dict(lab.to_dict()) == []
    assert other.to_dict() == lab.to_dict()
    problems = other.update_from_dict({"depth": -3, "bogus": 1, "width": 64})
    assert other.width == 64
    assert [p.split(":")[0] for p in problems] == ["depth", "bogus"]


def test_momentum_reaches_the_training_run(lab: LabState) -> None:
    lab.update(optimizer="momentum", momentum=0.5)
    config = lab.mlp_config("relu")
    assert config.optimizer is Optimizer.MOMENTUM and config.momentum == 0.5


def test_layer_activations_are_padded_to_every_layer(lab: LabState) -> None:
    lab.layer_activations = ["tanh", None]
    assert lab.layer_activations == ("tanh", None, None, None, None, None)
    seen = record(lab)
    lab.layer_activations = ("tanh",)  # the same choice, written differently: no event
    assert seen == []


def test_per_layer_functions_reach_the_training_run(lab: LabState) -> None:
    lab.update(hidden_layers=3, layer_activations=["tanh", None, "relu", "gelu"])
    # Off: every layer uses the explorer's function, with the explorer's parameters.
    assert lab.hidden_activations("elu") == ("elu", "elu", "elu")
    assert lab.mlp_config("elu", {"alpha": 0.5}).layer_activations is None
    lab.per_layer = True
    assert lab.hidden_activations("elu") == ("tanh", "elu", "relu")
    config = lab.mlp_config("elu", {"alpha": 0.5})
    assert config.layer_activations is not None
    assert [(key, dict(p)) for key, p in config.layer_activations] == [
        ("tanh", {}),
        ("elu", {"alpha": 0.5}),
        ("relu", {}),
    ]
    # Choosing the explorer's function everywhere is the plain network.
    lab.layer_activations = ["elu"]
    lab.hidden_layers = 1
    assert lab.mlp_config("elu").layer_activations is None


def test_settings_saved_before_the_new_fields_still_load(lab: LabState) -> None:
    old = lab.to_dict()
    for name in ("per_layer", "layer_activations", "momentum"):
        del old[name]
    other = LabState()
    other.update(per_layer=True, momentum=0.3)
    assert other.update_from_dict(old) == []
    assert other.per_layer is True and other.momentum == 0.3  # untouched


def test_new_fields_round_trip_through_a_scene(lab: LabState) -> None:
    from actexplorer.scene import dumps_scene, loads_scene, scene_from_states
    from actexplorer.state import ExplorerState

    lab.update(
        hidden_layers=3, per_layer=True, layer_activations=["tanh", None, "gelu"], momentum=0.7
    )
    scene = loads_scene(dumps_scene(scene_from_states(ExplorerState(), lab)))
    other = LabState()
    assert scene.lab is not None
    other.update(**scene.lab)
    assert other.to_dict() == lab.to_dict()
    assert other.layer_activations == ("tanh", None, "gelu", None, None, None)
