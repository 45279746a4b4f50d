import math

import numpy as np
import pytest

from actexplorer.core.lab.init import Initializer, InitScheme
from actexplorer.core.lab.meanfield import trajectory
from actexplorer.core.lab.presets import PRESETS, PRESETS_BY_KEY
from actexplorer.core.lab.propagation import (
    RandomNetwork,
    propagate,
    propagate_random,
    standard_normal_batch,
)

from ._catalog import require


def run_preset(key: str, batch: int = 300, **options):
    preset = PRESETS_BY_KEY[key]
    require(preset.activation)
    return propagate_random(
        preset.activation,
        preset.params,
        depth=preset.depth,
        width=preset.width,
        batch=batch,
        init=preset.init,
        seed=0,
        **options,
    )


# -- the known results of the issue -----------------------------------------------------------
def test_selu_lecun_is_self_normalising():
    result = run_preset("selu_lecun")
    assert result.depth == 50 and result.width == 500
    assert np.all((result.std >= 0.85) & (result.std <= 1.15)), result.std
    assert np.all(np.abs(result.mean) <= 0.1), result.mean


@pytest.mark.parametrize("scheme", [InitScheme.NORMAL_FIXED, InitScheme.NORMAL])
def test_tanh_with_tiny_weights_collapses_by_layer_10(scheme):
    require("tanh")
    result = propagate_random(
        "tanh", depth=10, width=500, batch=300, init=Initializer(scheme, sigma_w=0.01)
    )
    assert result.std[9] < 1e-3
    assert result.grad_std is not None and result.grad_std[0] < 1e-3 * result.grad_std[-1]


def test_tanh_with_unit_weights_saturates():
    result = run_preset("tanh_large")
    assert np.all(result.saturated_fraction > 0.8)
    assert np.all(result.std > 0.9)  # the units sit at ±1


def test_relu_he_keeps_the_scale_and_xavier_loses_it():
    he = run_preset("relu_he")
    xavier = run_preset("relu_xavier")
    assert he.depth == xavier.depth == 30
    assert np.all((he.std >= 0.5 * he.input_std) & (he.std <= 2.0 * he.input_std)), he.std
    assert xavier.std[-1] < he.input_std / 10
    assert xavier.std[-1] < xavier.std[0] / 10
    # Each Xavier layer halves the variance: the pre-activation second moment follows 2^-l.
    ratio = xavier.preact_q[1:] / xavier.preact_q[:-1]
    assert np.median(ratio) == pytest.approx(0.5, rel=0.05)


def test_sigmoid_gradients_vanish():
    result = run_preset("sigmoid_vanishing")
    assert result.grad_std is not None
    assert result.grad_std[0] < 1e-6 * result.grad_std[-1]


def test_every_preset_names_a_valid_setting():
    assert len({p.key for p in PRESETS}) == len(PRESETS)
    for preset in PRESETS:
        assert preset.explanation.endswith(".") and preset.explanation.count(". ") == 0
        RandomNetwork(preset.depth, preset.width, init=preset.init)


# -- summaries ----------------------------------------------------------------------------------
def test_relu_dead_and_saturated_shares():
    result = propagate_random("relu", depth=5, width=256, batch=500, init=Initializer("he_normal"))
    # Layer 1 sees symmetric pre-activations: half of ReLU's outputs are exact zeros (f′ = 0
    # there too). Deeper layers get positive inputs, so each unit has its own offset.
    assert result.dead_fraction[0] == pytest.approx(0.5, abs=0.02)
    assert np.all((result.dead_fraction > 0.3) & (result.dead_fraction < 0.7))
    np.testing.assert_allclose(result.saturated_fraction, result.dead_fraction)
    assert np.all(result.dead_unit_fraction <= result.dead_fraction)


def test_zero_signal_reads_as_dead_units():
    net = RandomNetwork(3, 32, init=Initializer("he_normal"), seed=2)
    result = propagate(np.zeros((10, 32)), net, "relu", hist_range=(-1.0, 1.0))
    np.testing.assert_array_equal(result.dead_fraction, 1.0)
    np.testing.assert_array_equal(result.dead_unit_fraction, 1.0)
    np.testing.assert_array_equal(result.std, 0.0)


def test_histograms_count_every_activation():
    result = propagate_random("relu", depth=4, width=32, batch=50, bins=40)
    total = result.hist_counts.sum(axis=1) + result.below + result.above
    np.testing.assert_array_equal(total, 50 * 32)
    assert result.hist_counts.shape == (4, 40) and result.hist_edges.shape == (41,)
    density = result.hist_density
    in_range = result.hist_counts.sum(axis=1) / (50 * 32)
    np.testing.assert_allclose((density * np.diff(result.hist_edges)).sum(axis=1), in_range)


def test_histograms_match_numpy_on_a_given_range():
    x = standard_normal_batch(80, 16, seed=3)
    net = RandomNetwork(3, 16, init=Initializer("he_normal"), seed=4, precision="double")
    result = propagate(x, net, "relu", hist_range=(0.0, 3.0), bins=30, sample_layers=[2])
    # Rebuild layer 2 exactly and compare with np.histogram.
    a = x
    for layer in (1, 2):
        w, b = net.layer(layer)
        a = np.maximum(a @ w + b, 0.0)
    expected, _ = np.histogram(a[(a >= 0) & (a < 3.0)], bins=30, range=(0.0, 3.0))
    np.testing.assert_array_equal(result.hist_counts[1], expected)
    assert result.above[1] == np.count_nonzero(a >= 3.0)
    assert set(result.samples) == {2}
    assert np.all(np.isin(result.samples[2], a.ravel()))


def test_default_range_covers_a_bounded_function():
    require("tanh")
    result = propagate_random("tanh", depth=5, width=64, batch=50)
    assert result.hist_edges[0] < -0.95 and result.hist_edges[-1] > 0.95
    assert result.below.sum() == result.above.sum() == 0


def test_backward_matches_a_direct_computation():
    x = standard_normal_batch(20, 16, seed=0)
    net = RandomNetwork(4, 16, init=Initializer("he_normal"), seed=9, precision="double")
    result = propagate(x, net, "relu")
    hs, a = [], x
    for layer in range(1, 5):
        w, b = net.layer(layer)
        h = a @ w + b
        hs.append(h)
        a = np.maximum(h, 0)
    g = np.random.default_rng(net.gradient_seed).standard_normal((20, 16))
    stds = []
    for layer in range(4, 0, -1):
        delta = g * (hs[layer - 1] > 0)
        stds.append(delta.std())
        g = delta @ net.layer(layer)[0].T
    assert result.grad_std is not None
    np.testing.assert_allclose(result.grad_std, stds[::-1], rtol=1e-12)


def _reference_stds(x, net, scale_input=1.0):
    """Per-layer std of ReLU activations and gradients, in float64 with the net's own weights."""
    a, hs = x * scale_input, []
    for layer in range(1, net.depth + 1):
        w, b = net.layer(layer)
        h = a @ w.astype(np.float64) + b
        hs.append(h)
        a = np.maximum(h, 0.0)
    return np.array([np.maximum(h, 0.0).std() for h in hs])


@pytest.mark.parametrize("sigma", [1.0, 1e-3, 1e3])
def test_single_precision_matches_float64_at_any_scale(sigma):
    # The float32 products work on power-of-two rescaled inputs: tiny (collapsing) and huge
    # (exploding) signals must neither underflow, overflow nor lose accuracy.
    x = standard_normal_batch(50, 32, seed=0)
    net = RandomNetwork(12, 32, init=Initializer("normal", sigma_w=sigma))
    assert net.dtype == np.float32
    result = propagate(x, net, "relu")
    expected = _reference_stds(x, net)
    assert np.all(expected > 0) and np.all(np.isfinite(expected))
    np.testing.assert_allclose(result.std, expected, rtol=1e-4)


def test_simulation_follows_the_mean_field_prediction():
    require("tanh")
    init = Initializer("normal", sigma_w=1.5, sigma_b=0.3)
    result = propagate_random("tanh", depth=20, width=1000, batch=100, init=init)
    q1 = 1.5**2 * result.input_q + 0.3**2
    predicted = trajectory("tanh", q1, 20, 1.5, 0.3)
    np.testing.assert_allclose(result.preact_q, predicted.q, rtol=0.05)
    np.testing.assert_allclose(result.std, predicted.post_std, rtol=0.05)


def test_propagation_is_deterministic_and_memory_bounded():
    a = propagate_random("relu", depth=6, width=32, batch=40, seed=11)
    b = propagate_random("relu", depth=6, width=32, batch=40, seed=11)
    c = propagate_random("relu", depth=6, width=32, batch=40, seed=12)
    np.testing.assert_array_equal(a.std, b.std)
    np.testing.assert_array_equal(a.hist_counts, b.hist_counts)
    assert not np.array_equal(a.std, c.std)
    # Weights that do not fit the cache are redrawn identically for the backward pass.
    x = standard_normal_batch(40, 32, seed=11)
    small = RandomNetwork(6, 32, seed=11, cache_bytes=0)
    big = RandomNetwork(6, 32, seed=11)
    assert not small.caches_weights and big.caches_weights
    r1, r2 = propagate(x, small, "relu"), propagate(x, big, "relu")
    np.testing.assert_array_equal(r1.grad_std, r2.grad_std)
    # A tight memory budget back-propagates through a prefix of the batch only.
    r3 = propagate(x, big, "relu", backward_memory=4 * 6 * 32 * 10)
    assert r3.grad_batch == 10 and r2.grad_batch == 40


def test_results_are_read_only():
    result = propagate_random("relu", depth=3, width=16, batch=10)
    with pytest.raises(ValueError):
        result.std[0] = 1.0
    with pytest.raises(AttributeError):
        result.depth = 4  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"depth": 0}, "depth"),
        ({"depth": 101}, "depth"),
        ({"width": 100_000}, "width"),
        ({"width": 4}, "width"),
        ({"depth": 2.5}, "depth"),
        ({"seed": -1}, "seed"),
        ({"precision": "half"}, "precision"),
    ],
)
def test_bad_network_arguments_are_refused(kwargs, name):
    args = {"depth": 3, "width": 16, **kwargs}
    with pytest.raises(ValueError, match=name):
        RandomNetwork(**args)


def test_bad_propagation_arguments_are_refused():
    net = RandomNetwork(3, 16)
    x = standard_normal_batch(10, 16)
    with pytest.raises(ValueError, match="sigma_w"):
        propagate_random("relu", depth=3, width=16, init=Initializer(sigma_w=math.nan))
    with pytest.raises(ValueError, match="width"):
        propagate(np.ones((10, 8)), net, "relu")
    with pytest.raises(ValueError, match="finite"):
        propagate(np.full((10, 16), np.nan), net, "relu")
    with pytest.raises(ValueError, match="bins"):
        propagate(x, net, "relu", bins=0)
    with pytest.raises(ValueError, match="hist_range"):
        propagate(x, net, "relu", hist_range=(1.0, 1.0))
    with pytest.raises(ValueError, match="activation"):
        propagate(x, net, "no_such_function")
    with pytest.raises(ValueError, match="sample_layers"):
        propagate(x, net, "relu", sample_layers=[4])


# -- less work for the same figures ---------------------------------------------------------------
def test_backward_runs_on_enough_inputs_and_matches_them():
    x = standard_normal_batch(60, 32, seed=5)
    net = RandomNetwork(6, 32, init=Initializer("he_normal"), seed=5, precision="double")
    part = propagate(x, net, "relu", grad_values=20 * 32, hist_range=(0.0, 3.0))
    assert part.grad_batch == 20
    # The gradient of the first 20 inputs is exactly that of a batch of those 20 inputs.
    alone = propagate(x[:20], net, "relu", hist_range=(0.0, 3.0))
    assert alone.grad_batch == 20
    np.testing.assert_allclose(part.grad_std, alone.grad_std, rtol=1e-12)
    # The forward summaries still use the whole batch.
    whole = propagate(x, net, "relu", grad_values=60 * 32, hist_range=(0.0, 3.0))
    assert whole.grad_batch == 60
    np.testing.assert_array_equal(part.std, whole.std)
    np.testing.assert_array_equal(part.dead_unit_fraction, whole.dead_unit_fraction)
    # ⌈values / width⌉ inputs, never more than the batch.
    assert propagate(x, net, "relu", grad_values=33).grad_batch == 2
    assert propagate(x, net, "relu", grad_values=10**6).grad_batch == 60


def test_histograms_count_the_first_inputs():
    x = standard_normal_batch(50, 16, seed=1)
    net = RandomNetwork(3, 16, init=Initializer("he_normal"), seed=1, precision="double")
    part = propagate(x, net, "relu", hist_values=10 * 16, hist_range=(0.0, 3.0), bins=30)
    alone = propagate(x[:10], net, "relu", hist_range=(0.0, 3.0), bins=30)
    assert part.hist_batch == 10 and alone.hist_batch == 10
    np.testing.assert_array_equal(part.hist_counts, alone.hist_counts)
    np.testing.assert_array_equal(part.above, alone.above)
    np.testing.assert_array_equal(part.saturated_fraction, alone.saturated_fraction)
    np.testing.assert_allclose(part.hist_density, alone.hist_density)
    total = part.hist_counts.sum(axis=1) + part.below + part.above
    np.testing.assert_array_equal(total, 10 * 16)


def test_the_lab_sized_network_keeps_the_known_results_with_a_full_batch():
    # The figures at the benchmark's batch of 1,000, where the backward pass and the
    # histograms use a part of the batch.
    preset = PRESETS_BY_KEY["selu_lecun"]
    require(preset.activation)
    result = run_preset("selu_lecun", batch=1000)
    assert result.grad_batch < 1000 and result.hist_batch < 1000
    assert np.all((result.std >= 0.85) & (result.std <= 1.15)), result.std
    assert np.all(np.abs(result.mean) <= 0.1), result.mean
    # The gradient's std on part of the batch is within sampling error of the whole batch's
    # (2–4 % rms here; see the module's docstring).
    whole = run_preset("selu_lecun", batch=1000, grad_values=1000 * preset.width)
    assert whole.grad_batch == 1000
    assert result.grad_std is not None and whole.grad_std is not None
    np.testing.assert_allclose(result.grad_std, whole.grad_std, rtol=0.15)


def test_single_precision_switches_to_float64_only_where_needed():
    # The weights shrink the signal 2^12-fold per layer: it leaves float32's safe range after a
    # few layers and goes far below float32's smallest number, yet must match float64 run on
    # the same weights.
    x = standard_normal_batch(40, 32, seed=2)
    net = RandomNetwork(30, 32, init=Initializer("normal", sigma_w=2.0**-12), seed=2)
    result = propagate(x, net, "tanh")
    a, hs = x, []
    for layer in range(1, 31):
        w, b = net.layer(layer)
        hs.append(a @ w.astype(np.float64) + b)
        a = np.tanh(hs[-1])
    g = np.random.default_rng(net.gradient_seed).standard_normal((40, 32))
    grads = []
    for layer in range(30, 0, -1):
        delta = g * (1.0 - np.tanh(hs[layer - 1]) ** 2)
        grads.append(delta.std())
        g = delta @ net.layer(layer)[0].T.astype(np.float64)
    assert result.std[-1] < 1e-100
    np.testing.assert_allclose(result.std, [np.tanh(h).std() for h in hs], rtol=1e-4)
    np.testing.assert_allclose(result.preact_q, [np.mean(h * h) for h in hs], rtol=1e-4)
    assert result.grad_std is not None
    np.testing.assert_allclose(result.grad_std, grads[::-1], rtol=1e-4)


def test_bad_sampling_arguments_are_refused():
    net = RandomNetwork(3, 16)
    x = standard_normal_batch(10, 16)
    with pytest.raises(ValueError, match="grad_values"):
        propagate(x, net, "relu", grad_values=0)
    with pytest.raises(ValueError, match="hist_values"):
        propagate(x, net, "relu", hist_values=-5)


def test_an_input_narrower_than_the_layers():
    net = RandomNetwork(4, 24, input_width=5, init=Initializer("he_normal"), seed=3)
    result = propagate(standard_normal_batch(30, 5, seed=3), net, "relu")
    assert result.width == 24 and np.all(np.isfinite(result.std)) and np.all(result.std > 0)
    assert result.grad_std is not None and np.all(result.grad_std > 0)
