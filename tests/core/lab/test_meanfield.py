import math

import numpy as np
import pytest

from actexplorer.core import ACTIVATIONS, Smoothness
from actexplorer.core.lab.meanfield import (
    FixedPointStatus,
    chi,
    critical_line,
    fixed_point,
    gaussian_moments,
    phase_diagram,
    standard_normal_rule,
    trajectory,
    variance_map,
)

from ._catalog import require


def test_tanh_critical_point_at_zero_bias_is_sigma_w_one():
    require("tanh")
    line = critical_line("tanh", [0.0])
    assert line.sigma_w[0] == pytest.approx(1.0, abs=1e-3)
    assert fixed_point("tanh", 0.9, 0.0).chi < 1 < fixed_point("tanh", 1.1, 0.0).chi


def test_tanh_critical_line_rises_with_bias():
    require("tanh")
    line = critical_line("tanh", [0.0, 0.05, 0.1, 0.3])
    assert np.all(np.diff(line.sigma_w) > 0)
    for sw, sb in zip(line.sigma_w, line.sigma_b, strict=True):
        assert fixed_point("tanh", sw, sb).chi == pytest.approx(1.0, abs=1e-5)


def test_relu_has_closed_forms():
    # E[relu(√q z)²] = q/2 and E[relu′²] = 1/2: q* = σ_b²/(1 − σ_w²/2), χ = σ_w²/2.
    second, dsecond = gaussian_moments("relu", [0.0, 0.3, 1.0, 7.0])
    np.testing.assert_allclose(second, [0.0, 0.15, 0.5, 3.5], rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(dsecond[1:], 0.5, rtol=1e-13)
    fp = fixed_point("relu", 1.2, 0.3)
    assert fp.status is FixedPointStatus.CONVERGED
    assert fp.q_star == pytest.approx(0.09 / (1 - 0.72), rel=1e-10)
    assert fp.chi == pytest.approx(0.72, rel=1e-12)
    assert fp.phase == "ordered"
    run_away = fixed_point("relu", 2.0, 0.1)
    assert run_away.status is FixedPointStatus.DIVERGED and math.isinf(run_away.q_star)
    assert run_away.chi == pytest.approx(2.0, rel=1e-10) and run_away.phase == "chaotic"


def test_quadrature_matches_monte_carlo_for_every_scalar_activation():
    z = np.random.default_rng(0).standard_normal(400_000)
    for key, act in ACTIVATIONS.scalar().items():
        if act.properties().smoothness is Smoothness.DISCONTINUOUS:
            continue
        with np.errstate(all="ignore"):
            f, d = act.value_and_derivative(1.3 * z)
        if not (np.all(np.isfinite(f)) and np.all(np.isfinite(d))):
            continue
        second, dsecond = gaussian_moments(act, 1.69)
        for name, exact, sample in (("E[φ²]", second, f * f), ("E[φ′²]", dsecond, d * d)):
            tol = 5 * sample.std() / math.sqrt(sample.size) + 1e-12
            assert abs(float(exact) - sample.mean()) <= tol, (key, name)


def test_standard_normal_rule_integrates_moments():
    z, w = standard_normal_rule(40)
    assert w.sum() == pytest.approx(1.0)
    assert np.sum(w * z**2) == pytest.approx(1.0) and np.sum(w * z**4) == pytest.approx(3.0)


def test_variance_map_and_chi_agree_with_fixed_point():
    require("tanh")
    fp = fixed_point("tanh", 1.5, 0.2)
    assert fp.status is FixedPointStatus.CONVERGED
    assert float(variance_map("tanh", fp.q_star, 1.5, 0.2)) == pytest.approx(fp.q_star, rel=1e-10)
    assert float(chi("tanh", fp.q_star, 1.5)) == pytest.approx(fp.chi, rel=1e-12)


def test_phase_diagram_matches_pointwise_fixed_points():
    require("tanh")
    sw, sb = np.linspace(0.2, 3.0, 15), np.linspace(0.0, 1.0, 6)
    diagram = phase_diagram("tanh", sw, sb)
    assert diagram.chi.shape == diagram.q_star.shape == (6, 15)
    for i in (0, 3, 5):
        for j in (1, 7, 14):
            fp = fixed_point("tanh", sw[j], sb[i])
            assert diagram.chi[i, j] == pytest.approx(fp.chi, rel=1e-6, abs=1e-9)
    assert diagram.chaotic[0, -1] and not diagram.chaotic[-1, 0]


def test_trajectory_iterates_the_map():
    t = trajectory("relu", 1.0, 5, 1.0, 0.0)
    np.testing.assert_allclose(t.q, [1.0, 0.5, 0.25, 0.125, 0.0625])
    np.testing.assert_allclose(t.post_second_moment, t.q / 2)
    np.testing.assert_allclose(t.post_mean, np.sqrt(t.q / (2 * math.pi)))
    # δ_L = g ⊙ φ′ gives E[φ′²] = 1/2, then each layer back multiplies by σ_w²·1/2.
    np.testing.assert_allclose(t.gradient_variance, 0.5 ** np.arange(5, 0, -1))


@pytest.mark.parametrize("bad", [math.nan, -1.0, math.inf])
def test_bad_sigmas_are_refused(bad):
    with pytest.raises(ValueError, match="sigma_w"):
        fixed_point("relu", bad, 0.0)
    with pytest.raises(ValueError, match="sigma_b"):
        fixed_point("relu", 1.0, bad)
    with pytest.raises(ValueError, match="sigma_w"):
        phase_diagram("relu", [1.0, bad], [0.0])
    with pytest.raises(ValueError, match="depth"):
        trajectory("relu", 1.0, 0, 1.0, 0.0)
