"""Statistics over random inputs: distributions, sample cache, histograms, exact moments."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pytest
from scipy import integrate

from actexplorer.core import (
    ACTIVATIONS,
    INF,
    Activation,
    Description,
    Family,
    Formula,
    PropertyRules,
    get,
    sampling,
)
from actexplorer.core.stats import (
    DEFAULT_SAMPLES,
    DISTRIBUTIONS,
    MAX_SAMPLES,
    MIN_SAMPLES,
    Histogram,
    InputDistribution,
    NormalMoments,
    SampleStats,
    auto_range,
    clear_sample_cache,
    draw_samples,
    exact_moments,
    normal_moments,
    sample_stats,
)

SCALAR = ACTIVATIONS.scalar()
N = 20_000


def _make(
    key: str,
    f: Callable[[np.ndarray], np.ndarray],
    df: Callable[[np.ndarray], np.ndarray],
    *,
    kinks: tuple[float, ...] = (),
    random: Callable[..., tuple[np.ndarray, np.ndarray]] | None = None,
) -> Activation:
    """An unregistered activation for testing the statistics without the catalog."""
    return Activation(
        key=key,
        name=key,
        family=Family.OTHER,
        formula=Formula(latex=key, text=key),
        kernel=lambda x: f(x),
        derivative_kernel=lambda x: df(x),
        rules=PropertyRules(output_range=(-INF, INF)),
        description=Description(summary=key),
        random_kernel=random,
        breakpoints=lambda p: kinks,
    )


IDENTITY = _make("test_identity", lambda x: x.copy(), np.ones_like)


def _random_slope(x: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    slope = np.where(x >= 0, 1.0, rng.uniform(0.1, 0.3, x.shape))
    return x * slope, slope


RANDOM_LEAKY = _make(
    "test_random_leaky",
    lambda x: np.where(x >= 0, x, 0.2 * x),
    lambda x: np.where(x >= 0, 1.0, 0.2),
    kinks=(0.0,),
    random=_random_slope,
)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    clear_sample_cache()


# -- distributions --------------------------------------------------------------------------------


def test_distribution_keys_and_defaults() -> None:
    assert list(DISTRIBUTIONS) == ["normal", "uniform", "laplace", "mixture"]
    assert InputDistribution().resolved == {"mean": 0.0, "std": 1.0}
    assert InputDistribution("uniform").resolved == {"low": -3.0, "high": 3.0}
    assert InputDistribution("laplace").resolved == {"loc": 0.0, "scale": 1.0}
    assert InputDistribution("mixture").resolved == {
        "weight": 0.5,
        "mean1": -2.0,
        "std1": 0.5,
        "mean2": 2.0,
        "std2": 0.5,
    }
    for spec in DISTRIBUTIONS.values():
        assert [p.name for p in spec.params] == list(spec.defaults)


def test_distribution_equality_ignores_how_params_were_given() -> None:
    a = InputDistribution("normal")
    b = InputDistribution("normal", {"mean": 0, "std": 1.0})
    assert a == b and hash(a) == hash(b)
    assert a != InputDistribution("normal", {"std": 2.0})
    assert a.replace(std=2.0) == InputDistribution("normal", {"std": 2.0})
    with pytest.raises(TypeError):
        a.params["mean"] = 3.0  # type: ignore[index]


@pytest.mark.parametrize(
    ("kind", "params", "error", "match"),
    [
        ("gaussian", {}, KeyError, "unknown input distribution"),
        ("normall", {}, KeyError, "did you mean 'normal'"),
        ("normal", {"std": math.nan}, ValueError, "'std'"),
        ("normal", {"std": 0.0}, ValueError, "'std'"),
        ("normal", {"mean": math.inf}, ValueError, "'mean'"),
        ("normal", {"sigma": 1.0}, ValueError, "'sigma'"),
        ("normal", {"mean": "1"}, ValueError, "'mean'"),
        ("uniform", {"low": 2.0, "high": 1.0}, ValueError, "'high'"),
        ("uniform", {"low": 1.0, "high": 1.0}, ValueError, "'high'"),
        ("laplace", {"scale": -1.0}, ValueError, "'scale'"),
        ("mixture", {"weight": 1.5}, ValueError, "'weight'"),
    ],
)
def test_bad_distributions_are_refused(
    kind: str, params: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        InputDistribution(kind, params)


@pytest.mark.parametrize(
    "dist",
    [
        InputDistribution("normal", {"mean": 0.7, "std": 2.0}),
        InputDistribution("uniform", {"low": -1.0, "high": 5.0}),
        InputDistribution("laplace", {"loc": -0.5, "scale": 0.5}),
        InputDistribution("mixture", {"weight": 0.3, "mean1": -1.0, "std1": 0.2, "mean2": 3.0}),
    ],
    ids=lambda d: d.kind,
)
def test_samples_have_the_distribution_moments(dist: InputDistribution) -> None:
    x = draw_samples(dist, 1_000_000, 3)
    mean, var = dist.mean, dist.variance
    # Within 5 standard errors (mean) and 5 % (variance, whose error depends on the kurtosis).
    assert abs(x.mean() - mean) < 5 * math.sqrt(var / x.size)
    assert x.var() == pytest.approx(var, rel=0.02)
    # The pdf is a density with that mean.
    lo, hi = mean - 40 * math.sqrt(var), mean + 40 * math.sqrt(var)
    points = [v for v in dist.params.values() if lo < v < hi]
    mass = integrate.quad(lambda t: float(dist.pdf(t)), lo, hi, points=points, limit=200)[0]
    first = integrate.quad(lambda t: t * float(dist.pdf(t)), lo, hi, points=points, limit=200)[0]
    assert mass == pytest.approx(1.0, abs=1e-9)
    assert first == pytest.approx(mean, abs=1e-8)
    if dist.kind == "uniform":
        assert x.min() >= dist.params["low"] and x.max() < dist.params["high"]


# -- samples and their cache ----------------------------------------------------------------------


def test_samples_are_deterministic_by_seed_and_reused() -> None:
    dist = InputDistribution("laplace")
    first = draw_samples(dist, 50_000, 7)
    assert draw_samples(InputDistribution("laplace", {"scale": 1.0}), 50_000, 7) is first
    assert not first.flags.writeable
    clear_sample_cache()
    again = draw_samples(dist, 50_000, 7)
    assert again is not first
    np.testing.assert_array_equal(again, first)
    assert not np.array_equal(draw_samples(dist, 50_000, 8), first)
    # A smaller count with the same seed is a prefix of a larger one.
    np.testing.assert_array_equal(draw_samples(dist, 300_000, 7)[:50_000], first)


def test_samples_do_not_depend_on_the_number_of_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    dist = InputDistribution("mixture")
    parallel = draw_samples(dist, 400_000, 1).copy()
    clear_sample_cache()
    monkeypatch.setattr(sampling, "WORKERS", 1)
    np.testing.assert_array_equal(draw_samples(dist, 400_000, 1), parallel)


@pytest.mark.parametrize("workers", [1, 2])
def test_run_blocks_returns_blocks_in_order_and_runs_the_side_task_once(
    monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(sampling, "WORKERS", workers)
    side_calls: list[int] = []
    n = 20 * sampling.BLOCK + 5
    results = sampling.run_blocks(lambda i, a, b: (i, a, b), n, side=lambda: side_calls.append(1))
    assert results == [(i, a, b) for i, (a, b) in enumerate(sampling.blocks(n))]
    assert side_calls == [1]


def test_statistics_carry_the_exact_moments_computed_beside_the_blocks() -> None:
    act = get("gelu")
    stats = sample_stats(act, None, InputDistribution(), 400_000, 3)
    assert stats.exact == exact_moments(act, None, InputDistribution())
    trained = sample_stats(get("rrelu"), None, InputDistribution(), 400_000, 3, train_mode=True)
    assert trained.exact is None


def test_sample_cache_is_bounded_in_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sampling._samples, "max_bytes", 3 * 8 * 100_000)
    dist = InputDistribution()
    arrays = [draw_samples(dist, 100_000, seed) for seed in range(5)]
    keys = sampling.cached_sample_keys()
    assert [k[2] for k in keys] == [2, 3, 4]
    assert draw_samples(dist, 100_000, 4) is arrays[4]
    # The newest entry is kept even when it alone exceeds the budget.
    monkeypatch.setattr(sampling._samples, "max_bytes", 10)
    big = draw_samples(dist, 200_000, 0)
    assert draw_samples(dist, 200_000, 0) is big


@pytest.mark.parametrize("n", [0, MIN_SAMPLES - 1, MAX_SAMPLES + 1, 10**8, 1.5e4, True, "1000"])
def test_bad_sample_counts_are_refused(n: Any) -> None:
    with pytest.raises(ValueError, match="sample count"):
        draw_samples(InputDistribution(), n, 0)
    with pytest.raises(ValueError, match="sample count"):
        sample_stats(get("relu"), None, InputDistribution(), n, 0)


@pytest.mark.parametrize("seed", [-1, 1.0, None])
def test_bad_seeds_are_refused(seed: Any) -> None:
    with pytest.raises(ValueError, match="seed"):
        draw_samples(InputDistribution(), MIN_SAMPLES, seed)


def test_sample_count_limits() -> None:
    assert (MIN_SAMPLES, DEFAULT_SAMPLES, MAX_SAMPLES) == (1_000, 100_000, 10_000_000)
    assert draw_samples(InputDistribution(), MIN_SAMPLES, 0).shape == (MIN_SAMPLES,)


# -- sample statistics ----------------------------------------------------------------------------


def test_relu_statistics_match_the_samples_exactly() -> None:
    relu = get("relu")
    dist = InputDistribution("normal", {"mean": 0.3, "std": 1.5})
    n = 300_000
    stats = sample_stats(relu, None, dist, n, 11)
    x = draw_samples(dist, n, 11)
    y = np.maximum(x, 0.0)
    assert stats.n == n
    # ReLU is zero exactly where x ≤ 0, and its derivative (0 at 0) is then below any threshold.
    assert stats.dead_fraction == np.count_nonzero(x <= 0) / n
    assert stats.saturated_fraction == np.count_nonzero(x <= 0) / n
    assert stats.mean_abs_derivative == pytest.approx(np.count_nonzero(x > 0) / n, rel=1e-14)
    assert stats.mean == pytest.approx(y.mean(), rel=1e-12)
    assert stats.std == pytest.approx(y.std(), rel=1e-12)
    assert (stats.min, stats.max) == (0.0, y.max())
    assert stats.nan_count == stats.inf_count == stats.derivative_nonfinite_count == 0
    # The derivative histogram holds two spikes: the zeros in the first bin, the ones in the last.
    dh = stats.derivative_hist
    assert dh.counts[0] == np.count_nonzero(x <= 0) and dh.counts[-1] == np.count_nonzero(x > 0)
    assert dh.below == dh.above == 0
    # The output histogram starts at ReLU's point mass, 0.
    assert stats.output_hist.edges[0] == 0.0
    assert stats.output_hist.counts[0] >= np.count_nonzero(x <= 0)


@pytest.mark.parametrize("kind", list(DISTRIBUTIONS))
def test_histograms_agree_with_numpy(kind: str) -> None:
    dist = InputDistribution(kind)
    stats = sample_stats(get("relu"), None, dist, 200_000, 5, bins=64)
    x = draw_samples(dist, 200_000, 5)
    for hist, values in (
        (stats.output_hist, np.maximum(x, 0.0)),
        (stats.derivative_hist, (x > 0).astype(float)),
        (stats.input_hist, x),
    ):
        assert isinstance(hist, Histogram)
        assert hist.counts.dtype == np.int64 and hist.edges.dtype == np.float64
        assert hist.counts.shape == (64,) and hist.edges.shape == (65,)
        assert hist.total == x.size
        assert int(hist.counts.sum()) == x.size - hist.below - hist.above
        lo, hi = hist.edges[0], hist.edges[-1]
        assert hist.below == np.count_nonzero(values < lo)
        assert hist.above == np.count_nonzero(values > hi)
        reference, _ = np.histogram(values, bins=hist.edges)
        # Binning arithmetic may differ from NumPy's only for values within rounding of an edge.
        assert np.abs(hist.counts - reference).sum() <= 2
        assert not hist.counts.flags.writeable and not hist.edges.flags.writeable
    assert stats.input_hist.density() @ np.diff(stats.input_hist.edges) == pytest.approx(
        1 - (stats.input_hist.below + stats.input_hist.above) / x.size
    )


def test_statistics_are_deterministic_and_thread_independent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    act = get("relu")
    dist = InputDistribution("laplace", {"scale": 2.0})
    first = sample_stats(act, None, dist, 500_000, 3)
    clear_sample_cache()
    again = sample_stats(act, None, dist, 500_000, 3)
    monkeypatch.setattr(sampling, "WORKERS", 1)
    single = sample_stats(act, None, dist, 500_000, 3)
    for other in (again, single):
        assert (other.mean, other.std, other.min, other.max) == (
            first.mean,
            first.std,
            first.min,
            first.max,
        )
        assert other.mean_abs_derivative == first.mean_abs_derivative
        np.testing.assert_array_equal(other.output_hist.counts, first.output_hist.counts)
        np.testing.assert_array_equal(other.derivative_hist.counts, first.derivative_hist.counts)
    assert sample_stats(act, None, dist, 500_000, 4).mean != first.mean


def test_result_describes_its_request() -> None:
    dist = InputDistribution("uniform", {"low": -1.0, "high": 2.0})
    stats = sample_stats(RANDOM_LEAKY, {}, dist, 5_000, 9, saturation_threshold=0.5)
    assert isinstance(stats, SampleStats)
    assert (stats.activation, stats.dist, stats.seed, stats.n) == (
        "test_random_leaky",
        dist,
        9,
        5_000,
    )
    assert stats.saturation_threshold == 0.5 and not stats.train_mode
    x = draw_samples(dist, 5_000, 9)
    # |f′| = 0.2 < 0.5 exactly for the negative inputs.
    assert stats.saturated_fraction == np.count_nonzero(x < 0) / x.size


def test_degenerate_ranges_still_give_histograms() -> None:
    dist = InputDistribution("uniform", {"low": -3.0, "high": -1.0})
    stats = sample_stats(get("relu"), None, dist, 10_000, 0)
    assert stats.dead_fraction == 1.0 and stats.saturated_fraction == 1.0
    assert stats.std == 0.0 and stats.min == stats.max == 0.0
    for hist in (stats.output_hist, stats.derivative_hist):
        assert hist.edges[0] <= 0.0 <= hist.edges[-1] and hist.edges[0] < hist.edges[-1]
        assert int(hist.counts.sum()) == 10_000
    constant = sample_stats(IDENTITY, None, InputDistribution(), 10_000, 0)
    dh = constant.derivative_hist
    assert dh.edges[0] < 1.0 < dh.edges[-1] and int(dh.counts.max()) == 10_000
    assert auto_range([]) == (-1.0, 1.0)
    assert auto_range([math.nan, math.inf]) == (-1.0, 1.0)
    assert auto_range([5.0] * 10) == (2.5, 7.5)
    assert auto_range([0.0, 1.0] * 50, bounds=(0.0, 1.0)) == (0.0, 1.0)


def test_fixed_ranges_are_used_and_checked() -> None:
    stats = sample_stats(
        get("relu"),
        None,
        InputDistribution(),
        10_000,
        0,
        bins=10,
        output_range=(-1.0, 1.0),
        derivative_range=(0.0, 0.5),
    )
    np.testing.assert_array_equal(stats.output_hist.edges, np.linspace(-1.0, 1.0, 11))
    x = draw_samples(InputDistribution(), 10_000, 0)
    assert stats.output_hist.above == np.count_nonzero(x > 1.0)
    assert stats.derivative_hist.above == np.count_nonzero(x > 0)
    for bad in ((1.0, 1.0), (0.0, math.inf), (2.0, 1.0), (math.nan, 1.0)):
        with pytest.raises(ValueError, match="output_range"):
            sample_stats(get("relu"), None, InputDistribution(), 10_000, 0, output_range=bad)


def test_nan_and_inf_outputs_are_counted_without_warnings() -> None:
    # log|x| is −inf at 0 and its derivative ±inf there; NaN for x < −2 by construction.
    def f(x: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore"):
            return np.where(x < -2, np.nan, np.log(np.abs(x)))

    def df(x: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore"):
            return np.where(x < -2, np.nan, 1.0 / x)

    act = _make("test_log_abs", f, df)
    dist = InputDistribution("uniform", {"low": -3.0, "high": 3.0})
    x = draw_samples(dist, 100_000, 2).copy()
    stats = sample_stats(act, None, dist, 100_000, 2)
    nan = np.count_nonzero(x < -2)
    assert stats.nan_count == nan
    assert stats.inf_count == np.count_nonzero(x == 0)
    assert stats.derivative_nonfinite_count == nan + np.count_nonzero(x == 0)
    finite = f(x)[np.isfinite(f(x))]
    assert stats.mean == pytest.approx(finite.mean(), rel=1e-12)
    assert stats.std == pytest.approx(finite.std(), rel=1e-12)
    assert stats.output_hist.total == x.size - nan
    assert math.isfinite(stats.mean_abs_derivative)

    everything_nan = _make("test_nan", lambda x: np.full_like(x, np.nan), np.zeros_like)
    empty = sample_stats(everything_nan, None, InputDistribution(), 2_000, 0)
    assert empty.nan_count == 2_000 and math.isnan(empty.mean) and math.isnan(empty.std)
    assert empty.output_hist.total == 0 and empty.saturated_fraction == 1.0


def test_bad_arguments_are_refused() -> None:
    relu, dist = get("relu"), InputDistribution()
    with pytest.raises(ValueError, match="bins"):
        sample_stats(relu, None, dist, 1_000, 0, bins=0)
    with pytest.raises(ValueError, match="saturation_threshold"):
        sample_stats(relu, None, dist, 1_000, 0, saturation_threshold=math.nan)
    with pytest.raises(ValueError, match="saturation_threshold"):
        sample_stats(relu, None, dist, 1_000, 0, saturation_threshold=0.0)
    with pytest.raises(ValueError, match="alpha"):
        sample_stats(relu, {"alpha": 1.0}, dist, 1_000, 0)
    with pytest.raises(TypeError, match="InputDistribution"):
        sample_stats(relu, None, "normal", 1_000, 0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="scalar Activation"):
        sample_stats("relu", None, dist, 1_000, 0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="std"):
        normal_moments(relu, None, 0.0, -1.0)
    with pytest.raises(ValueError, match="mean"):
        normal_moments(relu, None, math.nan, 1.0)
    for key in SCALAR:
        act = SCALAR[key]
        numeric = [p for p in act.params if not p.is_choice]
        if numeric:
            with pytest.raises(ValueError, match=repr(numeric[0].name)):
                sample_stats(act, {numeric[0].name: math.nan}, dist, 1_000, 0)


def test_train_mode_draws_random_slopes_reproducibly() -> None:
    dist = InputDistribution()
    eval_mode = sample_stats(RANDOM_LEAKY, None, dist, 100_000, 4)
    train = sample_stats(RANDOM_LEAKY, None, dist, 100_000, 4, train_mode=True)
    again = sample_stats(RANDOM_LEAKY, None, dist, 100_000, 4, train_mode=True)
    assert train.train_mode and train.exact is None and eval_mode.exact is not None
    assert train.mean == again.mean and train.std == again.std
    assert train.mean != eval_mode.mean
    # Slopes drawn in [0.1, 0.3] average 0.2, the eval-mode slope.
    assert train.mean == pytest.approx(eval_mode.mean, abs=0.01)
    negative = draw_samples(dist, 100_000, 4) < 0
    assert train.mean_abs_derivative == pytest.approx(1 - 0.8 * negative.mean(), abs=0.003)
    # Not random: training mode changes nothing.
    relu = get("relu")
    assert sample_stats(relu, None, dist, 5_000, 0, train_mode=True).mean == (
        sample_stats(relu, None, dist, 5_000, 0).mean
    )


@pytest.mark.parametrize("key", list(SCALAR))
def test_every_scalar_activation_runs_without_warnings(key: str) -> None:
    act = SCALAR[key]
    for dist in (
        InputDistribution(),
        InputDistribution("normal", {"mean": 5.0, "std": 100.0}),
        InputDistribution("laplace", {"scale": 20.0}),
        InputDistribution("mixture"),
    ):
        stats = sample_stats(act, None, dist, N, 1, train_mode=act.is_random)
        assert stats.output_hist.total + stats.nan_count == N
        assert stats.derivative_hist.total <= N
        assert 0.0 <= stats.dead_fraction <= 1.0 and 0.0 <= stats.saturated_fraction <= 1.0
        low, high = act.properties().output_range
        if stats.nan_count == 0 and stats.inf_count == 0:
            assert low <= stats.min <= stats.max <= high
        exact = stats.exact
        if exact is not None and dist.params.get("std") != 100.0:
            assert exact == exact_moments(act, None, dist)
            if math.isfinite(exact.mean) and math.isfinite(exact.var) and exact.var > 0:
                # Sampled against exact: within 6 standard errors.
                assert abs(stats.mean - exact.mean) <= 6 * math.sqrt(exact.var / N) + 1e-12


# -- exact moments --------------------------------------------------------------------------------


def _quad_moments(
    act: Activation,
    params: Mapping[str, Any],
    pdf: Callable[[float], float],
    lo: float,
    hi: float,
    extra: tuple[float, ...] = (),
) -> tuple[float, float, float]:
    """E[f], Var[f], E[f′²] by scipy's quad on [lo, hi], split at kinks, jumps and ``extra``."""
    resolved = act.resolve(params)
    breaks = (*act.kinks(**resolved), *act.jumps(**resolved), *extra)
    points = sorted({p for p in breaks if lo < p < hi})
    cuts = [lo, *points, hi]

    def f(t: float) -> float:
        return float(act.forward(np.array([t]), **resolved)[0])

    def df(t: float) -> float:
        return float(act.derivative(np.array([t]), **resolved)[0])

    def quad(g: Callable[[float], float]) -> float:
        return sum(
            integrate.quad(lambda t: g(t) * pdf(t), a, b, limit=400, epsabs=1e-14, epsrel=1e-13)[0]
            for a, b in itertools.pairwise(cuts)
        )

    mean = quad(f)
    var = quad(lambda t: (f(t) - mean) ** 2)
    return mean, var, quad(lambda t: df(t) ** 2)


def _normal_pdf(mean: float, std: float) -> Callable[[float], float]:
    return lambda t: math.exp(-0.5 * ((t - mean) / std) ** 2) / (std * math.sqrt(2 * math.pi))


def _close(got: NormalMoments, want: tuple[float, float, float], rel: float) -> None:
    for value, reference in zip((got.mean, got.var, got.mean_sq_derivative), want, strict=True):
        assert value == pytest.approx(reference, rel=rel, abs=rel)


def test_relu_normal_moments_in_closed_form() -> None:
    m = normal_moments(get("relu"), None, 0.0, 1.0)
    assert m.mean == pytest.approx(1 / math.sqrt(2 * math.pi), rel=1e-12, abs=0)
    assert m.var == pytest.approx(0.5 - 1 / (2 * math.pi), rel=1e-12, abs=0)
    assert m.mean_sq_derivative == pytest.approx(0.5, rel=1e-12, abs=0)
    # E[relu(X)] = μΦ(μ/σ) + σφ(μ/σ) for any μ, σ.
    from scipy.special import ndtr

    for mu, sigma in ((1.3, 0.4), (-2.0, 3.0), (0.0, 1e-3), (10.0, 50.0)):
        z = mu / sigma
        mean = mu * ndtr(z) + sigma * math.exp(-0.5 * z * z) / math.sqrt(2 * math.pi)
        second = (mu * mu + sigma * sigma) * ndtr(z) + mu * sigma * math.exp(
            -0.5 * z * z
        ) / math.sqrt(2 * math.pi)
        m = normal_moments(get("relu"), None, mu, sigma)
        assert m.mean == pytest.approx(mean, rel=1e-12)
        assert m.var == pytest.approx(second - mean * mean, rel=1e-10)
        assert m.mean_sq_derivative == pytest.approx(ndtr(z), rel=1e-12)


def test_identity_moments_and_degenerate_std() -> None:
    m = normal_moments(IDENTITY, None, 1.5, 2.0)
    assert (m.mean, m.var, m.mean_sq_derivative) == pytest.approx((1.5, 4.0, 1.0), rel=1e-13)
    assert normal_moments(get("relu"), None, -1.0, 0.0) == NormalMoments(0.0, 0.0, 0.0)
    assert normal_moments(get("relu"), None, 2.0, 0.0) == NormalMoments(2.0, 0.0, 1.0)
    assert NormalMoments(1.0, 4.0, 0.0).std == 2.0
    for dist in (
        InputDistribution("uniform", {"low": -1.0, "high": 5.0}),
        InputDistribution("laplace", {"loc": 0.5, "scale": 2.0}),
        InputDistribution("mixture"),
    ):
        m = exact_moments(IDENTITY, None, dist)
        assert (m.mean, m.var, m.mean_sq_derivative) == pytest.approx(
            (dist.mean, dist.variance, 1.0), rel=1e-12, abs=1e-14
        )


@pytest.mark.parametrize(
    ("key", "mean", "var"),
    [("sigmoid", 0.5, None), ("tanh", 0.0, None), ("selu", 0.0, 1.0)],
)
def test_closed_forms_of_catalog_functions(key: str, mean: float, var: float | None) -> None:
    if key not in ACTIVATIONS:
        pytest.skip(f"{key} is not in the catalog yet")
    act = get(key)
    tolerance = 1e-6 if key == "selu" else 1e-13
    m = normal_moments(act, None, 0.0, 1.0)
    assert m.mean == pytest.approx(mean, abs=tolerance)
    if var is not None:
        assert m.var == pytest.approx(var, abs=tolerance)
    if var is None:  # odd symmetry about (0, mean): holds at any σ, also far from unit scale
        assert normal_moments(act, None, 0.0, 40.0).mean == pytest.approx(mean, abs=1e-12)


@pytest.mark.parametrize("key", list(SCALAR))
@pytest.mark.parametrize(("mu", "sigma"), [(0.0, 1.0), (0.5, 2.0)])
def test_normal_moments_match_quad(key: str, mu: float, sigma: float) -> None:
    act = SCALAR[key]
    reference = _quad_moments(act, {}, _normal_pdf(mu, sigma), mu - 14 * sigma, mu + 14 * sigma)
    _close(normal_moments(act, None, mu, sigma), reference, 1e-8)


@pytest.mark.parametrize("key", list(SCALAR))
def test_other_distributions_match_quad(key: str) -> None:
    act = SCALAR[key]
    uniform = InputDistribution("uniform", {"low": -2.0, "high": 3.0})
    reference = _quad_moments(act, {}, lambda t: 0.2, -2.0, 3.0)
    _close(exact_moments(act, None, uniform), reference, 1e-8)
    laplace = InputDistribution("laplace", {"loc": 0.25, "scale": 0.75})

    def laplace_pdf(t: float) -> float:
        return math.exp(-abs(t - 0.25) / 0.75) / 1.5

    # Far into the tails: e.g. soft_exponential's f² grows like e^{2x}, so the integrand of
    # the second moment only decays like e^{-x/3} here.
    reference = _quad_moments(
        act, {}, laplace_pdf, 0.25 - 200 * 0.75, 0.25 + 200 * 0.75, (0.25, -5.0, 5.0, 30.0)
    )
    _close(exact_moments(act, None, laplace), reference, 1e-8)
