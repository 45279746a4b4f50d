import math

import numpy as np
import pytest

from actexplorer.core import ACTIVATIONS, Smoothness
from actexplorer.core.lab.meanfield import (
    Q_DIVERGED,
    FixedPointStatus,
    chi,
    critical_line,
    fixed_point,
    gaussian_moments,
    phase_diagram,
    standard_normal_rule,
    tabulated_moments,
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
    np.testing.assert_allclose(dsecond, 0.5, rtol=1e-13)  # q = 0 included: the limit q → 0⁺
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


def test_relu_chi_is_half_sigma_w_squared_on_the_whole_grid():
    # E[relu′(√q z)²] = 1/2 for every q, so χ = σ_w²/2 whatever q* is: 0 (σ_b = 0, σ_w < √2),
    # σ_b²/(1 − σ_w²/2), or ∞ (σ_w > √2, the map runs away).
    sw, sb = np.linspace(0.0, 4.0, 41), np.linspace(0.0, 2.0, 11)
    diagram = phase_diagram("relu", sw, sb)
    np.testing.assert_allclose(diagram.chi, np.broadcast_to(sw**2 / 2, (11, 41)), rtol=1e-12)
    np.testing.assert_array_equal(diagram.chaotic, np.broadcast_to(sw**2 / 2 > 1, (11, 41)))
    runaway = sw > math.sqrt(2)
    assert np.all(diagram.status[:, runaway] == 1) and np.all(np.isinf(diagram.q_star[:, runaway]))
    assert np.all(diagram.status[:, ~runaway] == 0)
    expected = sb[:, None] ** 2 / (1 - sw[~runaway] ** 2 / 2)
    np.testing.assert_allclose(diagram.q_star[:, ~runaway], expected, rtol=1e-9, atol=1e-12)
    for w, b in ((3.0, 0.0), (1.5, 0.0), (4.0, 0.0), (1.0, 0.0), (0.5, 1.0), (2.5, 2.0)):
        fp = fixed_point("relu", w, b)
        assert fp.chi == pytest.approx(w * w / 2, rel=1e-12), (w, b)
        runs_away = w > math.sqrt(2)
        assert fp.status is (FixedPointStatus.DIVERGED if runs_away else FixedPointStatus.CONVERGED)
    assert float(chi("relu", 0.0, 2.0)) == pytest.approx(2.0, rel=1e-13)


def test_expectations_at_zero_variance_are_the_limits():
    # (φ′(0⁻)² + φ′(0⁺)²)/2, not φ′(0)² (which is 0 for ReLU by convention).
    _, dsecond = gaussian_moments("relu", 0.0)
    assert float(dsecond) == pytest.approx(0.5, rel=1e-13)
    if "leaky_relu" in ACTIVATIONS:
        second, dsecond = gaussian_moments("leaky_relu", 0.0, {"negative_slope": 0.1})
        assert float(second) == pytest.approx(0.0, abs=1e-100)
        assert float(dsecond) == pytest.approx((1 + 0.01) / 2, rel=1e-13)
    if "tanh" in ACTIVATIONS:
        assert float(gaussian_moments("tanh", 0.0)[1]) == pytest.approx(1.0, rel=1e-13)
    for key in ACTIVATIONS.scalar():
        second, dsecond = gaussian_moments(key, 0.0)
        assert math.isfinite(float(second)) and math.isfinite(float(dsecond)), key


def test_runaway_map_reports_the_large_q_limit_of_chi():
    for w in (1.5, 2.0, 3.0):
        fp = fixed_point("relu", w, 0.0)
        assert fp.status is FixedPointStatus.DIVERGED and math.isinf(fp.q_star)
        assert fp.chi == pytest.approx(w * w / 2, rel=1e-12)
    if "gelu" in ACTIVATIONS:
        # GELU′ tends to a step: E[φ′(√q z)²] → 1/2 as q → ∞ (at Q_DIVERGED to ~1e-6).
        fp = fixed_point("gelu", 3.0, 0.5)
        assert fp.status is FixedPointStatus.DIVERGED
        assert fp.chi == pytest.approx(4.5, rel=1e-5)
        assert float(chi("gelu", Q_DIVERGED, 3.0)) == pytest.approx(fp.chi, rel=1e-12)


def test_tabulated_moments_match_quadrature():
    q = np.concatenate([[0.0, 1e-12], np.geomspace(1e-6, 1e2, 157)])
    keys = ("relu", "tanh", "gelu", "selu", "sigmoid", "softplus", "elu", "silu")
    for key in (k for k in keys if k in ACTIVATIONS):
        second, dsecond = gaussian_moments(key, q)
        t_second, t_dsecond = tabulated_moments(key, q)
        np.testing.assert_allclose(t_second, second, rtol=1e-8, atol=1e-25, err_msg=key)
        np.testing.assert_allclose(t_dsecond, dsecond, rtol=1e-8, err_msg=key)


def test_tabulated_moments_keep_monotone_moments_monotone():
    require("tanh")
    q = np.geomspace(1e-8, 1e8, 20_001)  # many points per grid interval
    second, dsecond = tabulated_moments("tanh", q)
    assert np.all(np.diff(second) > 0) and np.all(np.diff(dsecond) < 0)


@pytest.mark.parametrize("key", ["tanh", "relu", "selu", "gelu", "sigmoid", "elu", "softplus"])
def test_phase_diagram_classification_agrees_with_critical_line(key):
    require(key)
    sb = np.linspace(0.0, 2.0, 21)
    sw = np.linspace(0.05, 5.0, 100)  # critical_line's default range
    line = critical_line(key, sb)
    diagram = phase_diagram(key, sw, sb)
    for i, crossing in enumerate(line.sigma_w):
        if np.isnan(crossing):
            assert not diagram.chaotic[i].any(), (key, sb[i])
            continue
        far = np.abs(sw - crossing) > 1e-3
        np.testing.assert_array_equal(
            diagram.chaotic[i, far], sw[far] > crossing, err_msg=f"{key} σ_b = {sb[i]}"
        )


def test_relu_critical_line_is_root_two():
    line = critical_line("relu", np.linspace(0.0, 2.0, 9))
    np.testing.assert_allclose(line.sigma_w, math.sqrt(2), atol=1e-6)


def _plain_iteration(key: str, sw: np.ndarray, sb: np.ndarray, steps: int):
    """q ↦ σ_w²E[φ(√q z)²] + σ_b² from q = 1 by direct quadrature: (q, settled, runaway)."""
    sw2, sb2 = (sw**2)[None, :], (sb**2)[:, None]
    q = np.ones((sb.size, sw.size))
    for _ in range(steps):
        second, _ = gaussian_moments(key, np.minimum(q, Q_DIVERGED))
        q = np.where(q > Q_DIVERGED, np.inf, sw2 * second + sb2)
    second, _ = gaussian_moments(key, np.minimum(q, Q_DIVERGED))
    runaway = np.isinf(q)
    settled = ~runaway & (np.abs(sw2 * second + sb2 - q) <= 1e-9 * q + 1e-12)
    return q, settled, runaway


@pytest.mark.parametrize("key", ["gelu", "tanh", "selu"])
def test_phase_diagram_lands_where_the_plain_iteration_does(key):
    # GELU's map has two stable fixed points for 1.3 < σ_w < 1.7 and small σ_b: the iteration
    # from q = 1 reaches one or runs away; skipping ahead must not change which.
    require(key)
    sw, sb = np.linspace(1.3, 1.7, 9), np.array([0.0, 0.1, 0.2, 0.3, 0.4])
    diagram = phase_diagram(key, sw, sb)
    q, settled, runaway = _plain_iteration(key, sw, sb, 400)
    assert settled.sum() + runaway.sum() >= 30  # the comparison is not vacuous
    np.testing.assert_array_equal(diagram.status[runaway], 1)
    np.testing.assert_array_equal(diagram.status[settled], 0)
    np.testing.assert_allclose(diagram.q_star[settled], q[settled], rtol=1e-6, atol=1e-12)
    if key == "gelu":
        assert runaway.any() and (settled & (q > 1e-6)).any()


def test_fixed_point_agrees_with_the_diagram_on_status_and_chi():
    for key in ("relu", "tanh", "gelu"):
        if key not in ACTIVATIONS:
            continue
        sw, sb = np.linspace(0.1, 4.0, 14), np.linspace(0.0, 2.0, 5)
        diagram = phase_diagram(key, sw, sb)
        for i, b in enumerate(sb):
            for j, w in enumerate(sw):
                fp = fixed_point(key, w, b)
                assert fp.status is _STATUS[diagram.status[i, j]], (key, w, b)
                assert fp.chi == pytest.approx(diagram.chi[i, j], rel=1e-7, abs=1e-12)


_STATUS = list(FixedPointStatus)


def test_iteration_never_falls_back_to_the_repelling_zero():
    # Without the table's skip-ahead (quadrature only), a runaway ReLU map from q = 1 must still
    # run away: an extrapolation of the growing sequence q_l = (σ_w²/2)^l lands on q = 0.
    from actexplorer.core.lab.meanfield import _breakpoints, _pair_fn, _Quadrature, _solve

    act = require("relu")
    exact = _Quadrature(_pair_fn(act, {}), _breakpoints(act, {}))
    sw = np.array([1.0, 1.5, 2.0, 3.0])
    q, c, status, _ = _solve(exact, sw**2, np.asarray(0.0), 1.0, 500, 1e-12, 1e-15)
    np.testing.assert_array_equal(status, [0, 1, 1, 1])
    assert q[0] < 1e-12 and np.all(np.isinf(q[1:]))
    np.testing.assert_allclose(c, sw**2 / 2, rtol=1e-12)
