import math

import numpy as np
import pytest

from actexplorer.core.lab.init import Initializer, InitScheme, calculate_gain, gain_for

from ._catalog import require


@pytest.mark.parametrize(
    ("name", "param", "gain"),
    [
        ("linear", None, 1.0),
        ("sigmoid", None, 1.0),
        ("tanh", None, 5 / 3),
        ("relu", None, math.sqrt(2)),
        ("leaky_relu", None, math.sqrt(2 / (1 + 0.01**2))),
        ("leaky_relu", 0.2, math.sqrt(2 / 1.04)),
        ("selu", None, 0.75),
    ],
)
def test_calculate_gain_matches_pytorch_table(name, param, gain):
    assert calculate_gain(name, param) == pytest.approx(gain, rel=1e-15)


def test_calculate_gain_refuses_unknown():
    with pytest.raises(ValueError, match="nonlinearity"):
        calculate_gain("swoosh")


def test_gain_for_relu_and_variance_gain_fallback():
    assert gain_for("relu") == pytest.approx(math.sqrt(2))
    gelu = require("gelu")
    # GELU has no PyTorch gain: 1/√E[gelu(z)²], checked against Monte Carlo.
    z = np.random.default_rng(0).standard_normal(2_000_000)
    expected = 1 / math.sqrt(np.mean(gelu.forward(z) ** 2))
    assert gain_for("gelu") == pytest.approx(expected, rel=5e-3)


@pytest.mark.parametrize("scheme", list(InitScheme))
@pytest.mark.parametrize(("fan_in", "fan_out"), [(300, 300), (400, 200), (200, 400)])
def test_drawn_weights_have_the_stated_std(scheme, fan_in, fan_out):
    init = Initializer(scheme, sigma_w=1.3, sigma_b=0.2, gain=1.1)
    rng = np.random.default_rng(1)
    w, b = init.draw(rng, fan_in, fan_out)
    assert w.shape == (fan_in, fan_out) and b.shape == (fan_out,)
    assert w.std() == pytest.approx(init.weight_std(fan_in, fan_out), rel=0.02)
    assert abs(w.mean()) < 0.01 * init.weight_std(fan_in, fan_out) * 3
    assert b.std() == pytest.approx(0.2, rel=0.2)
    assert init.effective_sigma_w(fan_in, fan_out) == pytest.approx(
        init.weight_std(fan_in, fan_out) * math.sqrt(fan_in)
    )


def test_scheme_formulas():
    assert Initializer(InitScheme.NORMAL, sigma_w=2).weight_std(400, 100) == pytest.approx(0.1)
    assert Initializer(InitScheme.NORMAL_FIXED, sigma_w=0.01).weight_std(400, 100) == 0.01
    assert Initializer(InitScheme.XAVIER_UNIFORM).weight_std(100, 300) == pytest.approx(
        math.sqrt(2 / 400)
    )
    assert Initializer(InitScheme.HE_NORMAL).weight_std(100, 300) == pytest.approx(
        math.sqrt(2 / 100)
    )
    assert Initializer(InitScheme.HE_NORMAL, mode="fan_out").weight_std(100, 300) == (
        pytest.approx(math.sqrt(2 / 300))
    )
    assert Initializer(InitScheme.LECUN_NORMAL).weight_std(100, 300) == pytest.approx(0.1)


def test_uniform_schemes_respect_their_bound():
    init = Initializer(InitScheme.XAVIER_UNIFORM)
    w, _ = init.draw(np.random.default_rng(0), 50, 70)
    assert np.max(np.abs(w)) <= math.sqrt(6 / 120)


@pytest.mark.parametrize(("rows", "cols"), [(64, 64), (80, 40), (40, 80)])
def test_orthogonal_is_orthogonal(rows, cols):
    w, _ = Initializer(InitScheme.ORTHOGONAL, gain=2.0).draw(np.random.default_rng(0), rows, cols)
    gram = w.T @ w if rows >= cols else w @ w.T
    np.testing.assert_allclose(gram, 4.0 * np.eye(min(rows, cols)), atol=1e-12)


def test_float32_draw_and_determinism():
    init = Initializer(InitScheme.HE_UNIFORM)
    a, _ = init.draw(np.random.default_rng(5), 30, 20, np.float32)
    b, _ = init.draw(np.random.default_rng(5), 30, 20, np.float32)
    assert a.dtype == np.float32
    np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"sigma_w": math.nan}, "sigma_w"),
        ({"sigma_b": -1.0}, "sigma_b"),
        ({"sigma_w": math.inf}, "sigma_w"),
        ({"gain": 0.0}, "gain"),
        ({"mode": "fan_avg"}, "mode"),
    ],
)
def test_bad_initializer_arguments_are_refused(kwargs, name):
    with pytest.raises(ValueError, match=name):
        Initializer(InitScheme.NORMAL, **kwargs)
