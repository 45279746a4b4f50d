import math

import numpy as np
import pytest

from actexplorer.core import ACTIVATIONS, Smoothness
from actexplorer.core.lab.datasets import make_dataset
from actexplorer.core.lab.mlp import (
    MLPConfig,
    Optimizer,
    Race,
    Trainer,
    init_mlp,
    loss_and_gradients,
    predict_proba,
)

from ._catalog import require

DIFFERENTIABLE = [
    key
    for key, act in ACTIVATIONS.scalar().items()
    if act.properties().smoothness is not Smoothness.DISCONTINUOUS
]


def _flat(grads):
    return np.concatenate([np.concatenate([w.ravel(), b.ravel()]) for w, b in grads])


def _points_away_from_kinks(act, weights, x, margin):
    """True when no hidden pre-activation lies within ``margin`` of a kink or jump."""
    points = np.array([*act.kinks(), *act.jumps()])
    if points.size == 0:
        return True
    a = x
    for w, b in weights[:-1]:
        h = a @ w + b
        if np.min(np.abs(h[..., None] - points)) < margin:
            return False
        a = act.forward(h)
    return True


@pytest.mark.parametrize("key", DIFFERENTIABLE)
@pytest.mark.parametrize(("n_classes", "output"), [(2, "sigmoid"), (3, "softmax")])
def test_backward_pass_matches_finite_differences(key, n_classes, output):
    act = ACTIVATIONS[key]
    specs = [(key, {}), (key, {})]
    eps, margin = 1e-6, 1e-3
    for seed in range(50):
        rng = np.random.default_rng(seed)
        weights = [
            tuple(np.array(a) for a in layer)
            for layer in init_mlp((2, 4, 3, 1 if output == "sigmoid" else n_classes), seed=seed)
        ]
        weights = [(w, b + 0.1 * rng.standard_normal(b.shape)) for w, b in weights]
        x = rng.uniform(-1.5, 1.5, size=(6, 2))
        if _points_away_from_kinks(act, weights, x, margin):
            break
    else:
        pytest.fail(f"no sample kept {key}'s pre-activations away from its kinks")
    y = np.arange(6) % n_classes
    result = loss_and_gradients(weights, specs, x, y, output=output, n_classes=n_classes, l2=0.01)
    analytic = _flat(result.gradients)
    numeric = []
    for index in range(len(weights)):
        for part in (0, 1):
            array = weights[index][part]
            for flat in range(array.size):
                old = array.flat[flat]
                array.flat[flat] = old + eps
                up = loss_and_gradients(
                    weights, specs, x, y, output=output, n_classes=n_classes, l2=0.01
                ).loss
                array.flat[flat] = old - eps
                down = loss_and_gradients(
                    weights, specs, x, y, output=output, n_classes=n_classes, l2=0.01
                ).loss
                array.flat[flat] = old
                numeric.append((up - down) / (2 * eps))
    numeric = np.array(numeric)
    scale = max(1.0, np.max(np.abs(numeric)))
    np.testing.assert_allclose(analytic, numeric, atol=1e-6 * scale, rtol=1e-4, err_msg=key)


def test_gradient_check_covers_the_catalog():
    assert "relu" in DIFFERENTIABLE
    assert all(k in ACTIVATIONS for k in DIFFERENTIABLE)


@pytest.mark.parametrize("depth", range(7))
def test_identity_network_stays_linear_on_circles(depth):
    # A stack of linear layers is linear: whatever the depth, circles stay out of reach.
    require("identity")
    data = make_dataset("circles", 400, noise=0.1, seed=0)
    config = MLPConfig(hidden=(16,) * depth, activation="identity", seed=depth)
    snapshot = Trainer(config, data).step(500)
    assert snapshot.test_accuracy <= 0.65


def test_relu_network_solves_circles_within_500_steps():
    data = make_dataset("circles", 400, noise=0.1, seed=0)
    trainer = Trainer(MLPConfig(hidden=(16, 16), activation="relu"), data)
    best = max(trainer.step(50).test_accuracy for _ in range(10))
    assert trainer.step_count == 500
    assert best >= 0.95


@pytest.mark.parametrize("optimizer", list(Optimizer))
def test_every_optimizer_learns_xor(optimizer):
    data = make_dataset("xor", 300, noise=0.05, seed=1)
    lr = {Optimizer.SGD: 0.5, Optimizer.MOMENTUM: 0.05, Optimizer.ADAM: 0.02}[optimizer]
    config = MLPConfig(hidden=(16,), optimizer=optimizer, learning_rate=lr, batch_size=300)
    trainer = Trainer(config, data)
    first = trainer.step(0)
    last = trainer.step(400)
    assert last.train_loss < 0.5 * first.train_loss
    assert last.test_accuracy >= 0.9


def test_softmax_on_three_spirals_and_probabilities():
    data = make_dataset("spiral3", 300, noise=0.05, seed=2)
    trainer = Trainer(MLPConfig(hidden=(32, 32), batch_size=64), data)
    snapshot = trainer.step(600)
    assert snapshot.train_accuracy > 0.8
    proba = trainer.predict_proba(data.x_test)
    assert proba.shape == (len(data.x_test), 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)


def test_l2_shrinks_the_weights():
    data = make_dataset("blobs", 200, seed=3)
    norms = []
    for l2 in (0.0, 0.1):
        trainer = Trainer(MLPConfig(hidden=(8,), l2=l2, batch_size=200), data)
        trainer.step(300)
        norms.append(sum(float(np.sum(w * w)) for w, _ in trainer.weights))
    assert norms[1] < 0.5 * norms[0]


def test_training_is_deterministic_by_seed():
    data = make_dataset("moons", 200, seed=0)
    runs = [Trainer(MLPConfig(seed=s), data).step(60) for s in (1, 1, 2)]
    assert runs[0].train_loss == runs[1].train_loss
    np.testing.assert_array_equal(runs[0].history.train_loss, runs[1].history.train_loss)
    assert runs[0].train_loss != runs[2].train_loss


def test_history_snapshots_are_frozen_and_grow():
    data = make_dataset("moons", 200, seed=0)
    trainer = Trainer(MLPConfig(hidden=(4, 4)), data)
    early = trainer.step(1)
    for _ in range(100):
        late = trainer.step(1)
    assert early.history.steps.tolist() == [0, 1]
    assert late.history.steps.size == 102 and late.step == 101
    assert late.gradient_norms.shape == (3,) and late.history.gradient_norms.shape == (102, 3)
    with pytest.raises(ValueError):
        late.history.train_loss[0] = 0.0
    assert trainer.reset().step == 0


def test_gradient_norms_reveal_vanishing_sigmoid_gradients():
    require("sigmoid")
    data = make_dataset("circles", 200, seed=0)
    config = MLPConfig(hidden=(16,) * 6, activation="sigmoid", optimizer="sgd", batch_size=200)
    norms = Trainer(config, data).step(1).gradient_norms
    assert norms[0] < 0.05 * norms[-1]


def test_decision_boundary_on_a_grid():
    data = make_dataset("blobs", 200, seed=0)
    trainer = Trainer(MLPConfig(hidden=(8,)), data)
    trainer.step(200)
    boundary = trainer.decision_boundary(50)
    assert boundary.probabilities.shape == (50, 50, 2)
    assert boundary.predicted.shape == (50, 50)
    # Blobs sit at (−0.7, −0.7) and (0.7, 0.7): the corners are classified accordingly.
    assert boundary.predicted[0, 0] == 0 and boundary.predicted[-1, -1] == 1
    assert boundary.positive[-1, -1] > 0.9


def test_race_starts_both_activations_from_the_same_weights():
    require("tanh")
    data = make_dataset("circles", 200, seed=0)
    race = Race(MLPConfig(hidden=(8, 8)), data, ("relu", {}), ("tanh", {}))
    a, b = race.trainers
    for (wa, ba), (wb, bb) in zip(a.weights, b.weights, strict=True):
        np.testing.assert_array_equal(wa, wb)
        np.testing.assert_array_equal(ba, bb)
    first, second = race.step(20)
    assert first.step == second.step == 20
    assert first.train_loss != second.train_loss


def test_per_layer_activations():
    require("tanh")
    data = make_dataset("xor", 100, seed=0)
    config = MLPConfig(hidden=(8, 8), layer_activations=(("relu", {}), ("tanh", {})))
    assert [k for k, _ in config.activations] == ["relu", "tanh"]
    Trainer(config, data).step(5)
    proba = predict_proba(init_mlp((2, 8, 8, 1)), config.activations, data.x_test)
    assert proba.shape == (len(data.x_test), 2)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"hidden": (16,) * 7}, "hidden layers"),
        ({"hidden": (0,)}, "hidden width"),
        ({"hidden": (65,)}, "hidden width"),
        ({"learning_rate": math.nan}, "learning_rate"),
        ({"learning_rate": 0.0}, "learning_rate"),
        ({"batch_size": 0}, "batch_size"),
        ({"l2": -1.0}, "l2"),
        ({"activation": "nope"}, "activation"),
        ({"params": {"alpha": 1.0}}, "alpha"),
        ({"output": "linear"}, "output"),
        ({"layer_activations": (("relu", {}),)}, "layer_activations"),
    ],
)
def test_bad_configs_are_refused(kwargs, name):
    with pytest.raises(ValueError, match=name):
        MLPConfig(**kwargs)


def test_sigmoid_output_needs_two_classes():
    data = make_dataset("spiral3", 90)
    with pytest.raises(ValueError, match="sigmoid"):
        Trainer(MLPConfig(output="sigmoid"), data)


def test_a_race_can_keep_the_configs_own_layer_functions():
    data = make_dataset("moons", 120, seed=1)
    config = MLPConfig(hidden=(6, 6), layer_activations=(("tanh", {}), ("relu", {})))
    race = Race(config, data, None, ("gelu", {}))
    mixed, other = race.trainers
    assert mixed.config.activations == config.activations
    assert [key for key, _ in other.config.activations] == ["gelu", "gelu"]
    # Same initial weights, whatever the functions.
    for (w1, b1), (w2, b2) in zip(mixed.weights, other.weights, strict=True):
        np.testing.assert_array_equal(w1, w2)
        np.testing.assert_array_equal(b1, b2)
