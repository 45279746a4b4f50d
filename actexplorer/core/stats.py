"""Statistics of f(X) and f′(X) over random inputs X: what the histograms and the statistics panel
show, and the exact moments beside them.

:func:`sample_stats` is pure and fast enough to rerun while a slider moves: the samples come from
the cache in :mod:`.sampling`, f and f′ are computed together block by block (bounded memory at
10⁷ samples), both histograms are counted in one ``bincount`` of a joint index, the blocks are
spread over the cores and their moments merged with Chan's parallel formula in block order (so the
numbers do not depend on the number of threads). :func:`exact_moments` integrates against the
input density with adaptive composite Gauss–Legendre quadrature, split at the function's kinks and
jumps.
"""

from __future__ import annotations

import functools
import math
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

from .activation import Activation, FloatArray, ParamValue
from .messages import Message, template
from .sampling import (
    BLOCK,
    DEFAULT_SAMPLES,
    DISTRIBUTIONS,
    MAX_SAMPLES,
    MIN_SAMPLES,
    DistributionSpec,
    InputDistribution,
    block_generator,
    check_sample_count,
    check_seed,
    clear_sample_cache,
    draw_samples,
    run_blocks,
)

# User-visible refusals (translated through actexplorer.core.locale).
_BAD_RANGE = template("{name} must be two finite numbers lo < hi; got {value}")
_BAD_BINS = template("bins must be an integer in [1, {limit}]; got {value}")
_BAD_THRESHOLD = template("saturation_threshold must be a positive number; got {value}")
_BAD_MOMENTS = template("need a finite mean and std ≥ 0; got mean={mean}, std={std}")

__all__ = [
    "DEFAULT_SAMPLES",
    "DISTRIBUTIONS",
    "MAX_SAMPLES",
    "MIN_SAMPLES",
    "DistributionSpec",
    "Histogram",
    "InputDistribution",
    "NormalMoments",
    "SampleStats",
    "auto_range",
    "clear_sample_cache",
    "draw_samples",
    "exact_moments",
    "normal_moments",
    "sample_stats",
]

IntArray: TypeAlias = npt.NDArray[np.int64]

#: Values used to choose histogram ranges: a prefix of the samples (they are independent, so a
#: prefix is a random subsample).
RANGE_SUBSAMPLE = 1 << 14
#: The automatic range spans these quantiles of the subsample, widened by WIDEN of its span.
RANGE_QUANTILE = 1e-3
WIDEN = 0.05
MAX_BINS = 10_000

# Random streams of block_generator: 0 draws the samples, these serve training-mode randomness.
_STREAM_TRAIN = 1
_STREAM_TRAIN_RANGE = 2


@dataclass(frozen=True, slots=True)
class Histogram:
    """Counts of values in equal bins between ``edges[0]`` and ``edges[-1]`` (last bin closed).

    ``below``/``above`` count the values outside that range (±inf included); NaNs are in none.
    """

    counts: IntArray
    edges: FloatArray
    below: int
    above: int

    @property
    def total(self) -> int:
        """Every counted value: inside the range, below and above."""
        return int(self.counts.sum()) + self.below + self.above

    @property
    def centers(self) -> FloatArray:
        """The middle of each bin."""
        return 0.5 * (self.edges[:-1] + self.edges[1:])

    def density(self) -> FloatArray:
        """Counts scaled so that the bars integrate to the share of values inside the range."""
        total = self.total
        widths = np.diff(self.edges)
        if total == 0:
            return np.zeros_like(widths)
        return np.asarray(self.counts / (total * widths), dtype=np.float64)


@dataclass(frozen=True, slots=True)
class NormalMoments:
    """Exact moments of f(X): E[f(X)], Var[f(X)] and E[f′(X)²] (f′ taken almost everywhere)."""

    mean: float
    var: float
    mean_sq_derivative: float

    @property
    def std(self) -> float:
        """√Var[f(X)]."""
        return math.sqrt(self.var) if self.var >= 0 else math.nan


@dataclass(frozen=True, slots=True)
class SampleStats:
    """What the histograms and the statistics panel show for one activation and input sample.

    Moments (``mean``, ``std`` with ddof = 0, ``min``, ``max``) are over the finite outputs;
    ``dead_fraction`` is the share of exact zeros of f, ``saturated_fraction`` the share of
    |f′| < ``saturation_threshold``, both over all ``n`` samples; ``mean_abs_derivative`` and
    ``mean_sq_derivative`` are over the finite derivatives. ``exact`` holds the exact moments under
    the input distribution (None in training mode of a random function).
    """

    n: int
    mean: float
    std: float
    min: float
    max: float
    dead_fraction: float
    saturated_fraction: float
    mean_abs_derivative: float
    mean_sq_derivative: float
    output_hist: Histogram
    derivative_hist: Histogram
    input_hist: Histogram
    exact: NormalMoments | None
    nan_count: int
    inf_count: int
    derivative_nonfinite_count: int
    activation: str
    params: Mapping[str, ParamValue]
    dist: InputDistribution
    seed: int
    train_mode: bool
    saturation_threshold: float


# -- histogram ranges -----------------------------------------------------------------------------


def auto_range(
    values: npt.ArrayLike, bounds: tuple[float, float] = (-math.inf, math.inf)
) -> tuple[float, float]:
    """A histogram range for ``values``: their [0.1 %, 99.9 %] quantiles widened by 5 % each side.

    A side where the quantile is the extreme value itself (a point mass such as ReLU's zeros, or a
    bounded function) is not widened; the range is clipped to ``bounds`` (the function's output
    range). A constant sample gets a range centred on its value; no finite value gives (−1, 1).
    """
    v = np.asarray(values, dtype=np.float64).ravel()
    v = v[np.isfinite(v)]
    if v.size == 0:
        return (-1.0, 1.0)
    k = int(RANGE_QUANTILE * (v.size - 1))
    part = np.partition(v, (0, k, v.size - 1 - k, v.size - 1))
    vmin, qlo, qhi, vmax = (float(part[i]) for i in (0, k, v.size - 1 - k, v.size - 1))
    span = qhi - qlo
    if span <= 64 * np.finfo(np.float64).eps * max(abs(qlo), abs(qhi)) or span == 0.0:
        return _degenerate_range(vmin if qlo == vmin else qlo, bounds)
    lo = qlo if qlo == vmin else qlo - WIDEN * span
    hi = qhi if qhi == vmax else qhi + WIDEN * span
    lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        return _degenerate_range(0.5 * (qlo + qhi), bounds)
    return (lo, hi)


def _degenerate_range(centre: float, bounds: tuple[float, float]) -> tuple[float, float]:
    half = 0.5 * max(1.0, abs(centre))
    lo, hi = max(centre - half, bounds[0]), min(centre + half, bounds[1])
    if not lo < hi:  # the bounds pinch the value: keep it inside an honest unit-wide range
        lo, hi = centre - half, centre + half
    return (lo, hi)


def _check_range(name: str, value: tuple[float, float] | None) -> tuple[float, float] | None:
    if value is None:
        return None
    lo, hi = (float(v) for v in value)
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        raise ValueError(Message(_BAD_RANGE, name=name, value=repr(value)))
    return (lo, hi)


# -- binning --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Binning:
    """Maps values to slots 0 (below, −inf), 1..bins, bins+1 (above, +inf), bins+2 (NaN)."""

    lo: float
    hi: float
    bins: int

    @property
    def scale(self) -> float:
        # Shrunk by 1e-12 so that v = hi lands in the last bin: the last bin is closed.
        return self.bins * (1.0 - 1e-12) / (self.hi - self.lo)

    @property
    def slots(self) -> int:
        return self.bins + 3

    def edges(self) -> FloatArray:
        return np.linspace(self.lo, self.hi, self.bins + 1)

    def index(
        self,
        v: FloatArray,
        vmin: float,
        vmax: float,
        finite: bool,
        work: FloatArray,
        out: npt.NDArray[np.int32],
    ) -> int:
        """Write the slot of every value to ``out`` minus the returned offset (0 or 1).

        ``vmin``/``vmax`` are the finite extremes of ``v``; ``work`` is a float scratch array as
        long as ``v``. Slots are int32: the float → int32 cast is vectorised, → int64 is not.
        """
        t = np.subtract(v, self.lo, out=work)
        t *= self.scale
        if finite and vmin >= self.lo and vmax <= self.hi:
            # Every value is inside and t ≥ 0, so truncation is floor; no clipping needed, and
            # the +1 of the slot numbering is left to the caller's offset.
            np.copyto(out, t, casting="unsafe")
            return 1
        np.floor(t, out=t)
        np.clip(t, -1.0, float(self.bins), out=t)
        t += 1.0
        if not finite:
            np.copyto(t, float(self.bins + 2), where=np.isnan(t))
        np.copyto(out, t, casting="unsafe")
        return 0

    def histogram(self, slot_counts: npt.NDArray[np.integer]) -> Histogram:
        counts = np.ascontiguousarray(slot_counts[1 : self.bins + 1], dtype=np.int64)
        counts.flags.writeable = False
        edges = self.edges()
        edges.flags.writeable = False
        return Histogram(
            counts=counts,
            edges=edges,
            below=int(slot_counts[0]),
            above=int(slot_counts[self.bins + 1]),
        )


# -- moments of one block, merged in order --------------------------------------------------------


@dataclass(slots=True)
class _Moments:
    """Count, mean, sum of squared deviations and extremes of the finite values seen so far."""

    count: int = 0
    mean: float = 0.0
    m2: float = 0.0
    vmin: float = math.inf
    vmax: float = -math.inf

    def merge(self, other: _Moments) -> None:
        """Chan et al.'s parallel update: exact in exact arithmetic, stable in floating point."""
        if other.count == 0:
            return
        if self.count == 0:
            self.count, self.mean, self.m2 = other.count, other.mean, other.m2
            self.vmin, self.vmax = other.vmin, other.vmax
            return
        total = self.count + other.count
        delta = other.mean - self.mean
        self.mean += delta * (other.count / total)
        self.m2 += other.m2 + delta * delta * (self.count * (other.count / total))
        self.count = total
        self.vmin = min(self.vmin, other.vmin)
        self.vmax = max(self.vmax, other.vmax)


def _moments(v: FloatArray, work: FloatArray) -> tuple[_Moments, bool, FloatArray]:
    """Moments of the finite values of ``v``, whether all were finite, and those values.

    ``work`` is a float scratch array as long as ``v``.
    """
    total = float(np.add.reduce(v))
    if math.isfinite(total):  # the common case: no NaN or inf (or the sum would not be finite)
        finite_values = v
    else:
        finite_values = v[np.isfinite(v)]
        if finite_values.size == 0:
            return _Moments(), False, finite_values
        total = float(np.add.reduce(finite_values))
    count = finite_values.size
    if math.isfinite(total):
        mean = total / count
    else:  # finite values whose sum overflows: average after scaling down
        peak = float(np.max(np.abs(finite_values)))
        mean = peak * float(np.add.reduce(finite_values / peak)) / count
    # Not a BLAS dot: OpenBLAS would start its own threads beside ours.
    deviation = np.subtract(finite_values, mean, out=work[:count])
    np.multiply(deviation, deviation, out=deviation)
    m2 = float(np.add.reduce(deviation))
    moments = _Moments(count, mean, m2, float(finite_values.min()), float(finite_values.max()))
    return moments, finite_values is v, finite_values


#: The statistics take the samples two drawing blocks at a time. Each block costs some thirty
#: NumPy calls, and between calls both threads need the interpreter lock: with spans of 2¹⁵
#: values that contention, not arithmetic, was a third of the time at 10⁶ samples (measured: 9.1
#: against 6.7 ms for a function that costs nothing, 14.1 against 13.2 ms for ELU).
SPAN = 2 * BLOCK
#: Up to this many samples the first span's values also choose the histogram ranges.
_REUSE_FIRST_SPAN_UP_TO = 4 * SPAN


class _Scratch(threading.local):
    """Per-thread scratch arrays for one span: fresh allocations of this size page-fault."""

    def __init__(self) -> None:
        self.real = np.empty(SPAN, dtype=np.float64)
        self.flag = np.empty(SPAN, dtype=np.bool_)
        self.slot = np.empty(SPAN, dtype=np.int32)
        self.slot2 = np.empty(SPAN, dtype=np.int32)


_scratch = _Scratch()


@dataclass(slots=True)
class _Partial:
    """Everything one block contributes."""

    out: _Moments
    zeros: int
    nan: int
    inf: int
    der_count: int
    der_abs_sum: float
    der_sq_sum: float
    saturated: int
    joint: npt.NDArray[np.intp]


# -- the statistics -------------------------------------------------------------------------------


def sample_stats(
    activation: Activation,
    params: Mapping[str, object] | None,
    dist: InputDistribution,
    n: int,
    seed: int,
    *,
    bins: int = 100,
    saturation_threshold: float = 1e-3,
    train_mode: bool = False,
    output_range: tuple[float, float] | None = None,
    derivative_range: tuple[float, float] | None = None,
) -> SampleStats:
    """Histograms and statistics of f(X), f′(X) for ``n`` draws X ~ ``dist`` with ``seed``.

    mean = Σf(xᵢ)/n, std² = Σ(f(xᵢ) − mean)²/n, dead = #{f(xᵢ) = 0}/n,
    saturated = #{|f′(xᵢ)| < threshold}/n, mean |f′| = Σ|f′(xᵢ)|/n. Histogram ranges are automatic
    (:func:`auto_range`) unless ``output_range``/``derivative_range`` fix them (to overlay several
    functions on common bins). ``train_mode`` uses the random training-mode slopes of functions
    such as RReLU, seeded from ``seed``.
    """
    if not isinstance(activation, Activation):
        raise TypeError(
            f"sample_stats needs a scalar Activation; got {type(activation).__name__}"
            " (vector functions have no curve over x)"
        )
    if not isinstance(dist, InputDistribution):
        raise TypeError(f"dist must be an InputDistribution; got {type(dist).__name__}")
    n = check_sample_count(n)
    seed = check_seed(seed)
    if (
        isinstance(bins, bool)
        or not isinstance(bins, (int, np.integer))
        or not 1 <= bins <= MAX_BINS
    ):
        raise ValueError(Message(_BAD_BINS, limit=MAX_BINS, value=repr(bins)))
    bins = int(bins)
    threshold = float(saturation_threshold)
    if not (math.isfinite(threshold) and threshold > 0):
        raise ValueError(Message(_BAD_THRESHOLD, value=repr(threshold)))
    fixed_out = _check_range("output_range", output_range)
    fixed_der = _check_range("derivative_range", derivative_range)
    resolved = activation.resolve(params)
    random = bool(train_mode) and activation.is_random

    samples = draw_samples(dist, n, seed)
    input_hist = _input_histogram(dist, n, seed, bins)

    def evaluate(x: FloatArray, rng: np.random.Generator | None) -> tuple[FloatArray, FloatArray]:
        if rng is not None:
            y, d = activation.random_value_and_derivative(x, rng, **resolved)
        else:
            y, d = activation.value_and_derivative(x, **resolved)
        return np.asarray(y, dtype=np.float64), np.asarray(d, dtype=np.float64)

    def evaluate_span(start: int, stop: int) -> tuple[FloatArray, FloatArray]:
        if not random:
            return evaluate(samples[start:stop], None)
        # Training-mode randomness is drawn per sample block (its own stream each), so the
        # numbers do not depend on how many blocks a span holds.
        parts = [
            evaluate(samples[a:b], block_generator(seed, start // BLOCK + i, _STREAM_TRAIN))
            for i, (a, b) in enumerate((a, min(a + BLOCK, stop)) for a in range(start, stop, BLOCK))
        ]
        if len(parts) == 1:
            return parts[0]
        return np.concatenate([y for y, _ in parts]), np.concatenate([d for _, d in parts])

    # A small sample is computed span after span on the calling thread: its first span, whose
    # prefix chooses the ranges, is evaluated once for both (a drag at 10⁵ samples saves a sixth
    # of the evaluations). Large samples take the prefix on its own, so that the spans can start
    # on every core at once.
    first: tuple[FloatArray, FloatArray] | None = None
    if fixed_out is None or fixed_der is None:
        if n <= _REUSE_FIRST_SPAN_UP_TO:
            first = evaluate_span(0, min(SPAN, n))
            y_sub, d_sub = first[0][:RANGE_SUBSAMPLE], first[1][:RANGE_SUBSAMPLE]
        else:
            rng = block_generator(seed, 0, _STREAM_TRAIN_RANGE) if random else None
            y_sub, d_sub = evaluate(samples[:RANGE_SUBSAMPLE], rng)
        with np.errstate(all="ignore"):
            bounds = activation.properties(**resolved).output_range
            fixed_out = fixed_out or auto_range(y_sub, bounds)
            fixed_der = fixed_der or auto_range(d_sub)
    out_bins = _Binning(*fixed_out, bins)
    der_bins = _Binning(*fixed_der, bins)
    slots = out_bins.slots

    def work(index: int, start: int, stop: int) -> _Partial:
        y, d = first if index == 0 and first is not None else evaluate_span(start, stop)
        # Values may be NaN or ±inf, and squares of huge values overflow: results are meant to
        # carry those, so the floating-point warnings are not news here.
        size = stop - start
        scratch = _scratch
        real, flag = scratch.real[:size], scratch.flag[:size]
        with np.errstate(all="ignore"):
            out, out_finite, _ = _moments(y, real)
            zeros = int(np.count_nonzero(np.equal(y, 0.0, out=flag)))
            nan = inf = 0
            if not out_finite:
                nan = int(np.count_nonzero(np.isnan(y)))
                inf = y.size - nan - out.count
            magnitude = np.abs(d, out=real)
            abs_sum = float(np.add.reduce(magnitude))
            der_finite = math.isfinite(abs_sum)
            if der_finite:
                der_count = size
                saturated = int(np.count_nonzero(np.less(magnitude, threshold, out=flag)))
                sq_sum = float(np.add.reduce(np.multiply(d, d, out=real)))
                dmin, dmax = float(d.min()), float(d.max())
            else:
                saturated = int(np.count_nonzero(magnitude < threshold))
                der_values = d[np.isfinite(d)]
                der_count = der_values.size
                abs_sum = float(np.add.reduce(np.abs(der_values)))
                sq_sum = float(np.add.reduce(der_values * der_values))
                dmin = float(der_values.min()) if der_count else math.inf
                dmax = float(der_values.max()) if der_count else -math.inf
            joint = scratch.slot[:size]
            out_offset = out_bins.index(y, out.vmin, out.vmax, out_finite, real, joint)
            joint *= slots
            der_slot = scratch.slot2[:size]
            der_offset = der_bins.index(d, dmin, dmax, der_finite, real, der_slot)
            joint += der_slot
        # bincount holds the GIL; counting the joint (output, derivative) slot once instead of
        # each histogram separately halves that serial part.
        counts = np.bincount(joint, minlength=slots * slots - (out_offset * slots + der_offset))
        shift = out_offset * slots + der_offset
        if shift:
            counts = np.concatenate([np.zeros(shift, dtype=counts.dtype), counts])
        return _Partial(out, zeros, nan, inf, der_count, abs_sum, sq_sum, saturated, counts)

    exact_box: list[NormalMoments] = []

    def exact_moments_task() -> None:
        # The quadrature is independent of the samples: it runs beside the blocks.
        exact_box.append(_cached_exact(activation, tuple(resolved.items()), dist))

    partials = run_blocks(work, n, size=SPAN, side=None if random else exact_moments_task)

    out = _Moments()
    joint_counts = np.zeros(slots * slots, dtype=np.int64)
    zeros = nan = inf = der_count = saturated = 0
    abs_sum = sq_sum = 0.0
    for part in partials:
        out.merge(part.out)
        joint_counts += part.joint
        zeros += part.zeros
        nan += part.nan
        inf += part.inf
        der_count += part.der_count
        abs_sum += part.der_abs_sum
        sq_sum += part.der_sq_sum
        saturated += part.saturated
    table = joint_counts.reshape(slots, slots)

    exact: NormalMoments | None = exact_box[0] if exact_box else None

    with np.errstate(all="ignore"):
        std = math.sqrt(out.m2 / out.count) if out.count else math.nan
    return SampleStats(
        n=n,
        mean=out.mean if out.count else math.nan,
        std=std,
        min=out.vmin if out.count else math.nan,
        max=out.vmax if out.count else math.nan,
        dead_fraction=zeros / n,
        saturated_fraction=saturated / n,
        mean_abs_derivative=abs_sum / der_count if der_count else math.nan,
        mean_sq_derivative=sq_sum / der_count if der_count else math.nan,
        output_hist=out_bins.histogram(table.sum(axis=1)),
        derivative_hist=der_bins.histogram(table.sum(axis=0)),
        input_hist=input_hist,
        exact=exact,
        nan_count=nan,
        inf_count=inf,
        derivative_nonfinite_count=n - der_count,
        activation=activation.key,
        params=MappingProxyType(dict(resolved)),
        dist=dist,
        seed=seed,
        train_mode=random,
        saturation_threshold=threshold,
    )


@functools.lru_cache(maxsize=16)
def _input_histogram(dist: InputDistribution, n: int, seed: int, bins: int) -> Histogram:
    """The histogram of the samples themselves (cached with them: it never depends on f)."""
    samples = draw_samples(dist, n, seed)
    binning = _Binning(*auto_range(samples[:RANGE_SUBSAMPLE]), bins)

    def work(index: int, start: int, stop: int) -> npt.NDArray[np.intp]:
        x = samples[start:stop]
        size = stop - start
        slot = _scratch.slot[:size]
        offset = binning.index(x, float(x.min()), float(x.max()), True, _scratch.real[:size], slot)
        counts = np.bincount(slot, minlength=binning.slots - offset)
        return np.concatenate([np.zeros(offset, dtype=counts.dtype), counts])

    total = np.zeros(binning.slots, dtype=np.int64)
    for counts in run_blocks(work, n, size=SPAN):
        total += counts
    return binning.histogram(total)


# -- exact moments --------------------------------------------------------------------------------

_GL_NODES, _GL_WEIGHTS = np.polynomial.legendre.leggauss(20)
_REL_TOL = 1e-14
_MAX_ROUNDS = 40
_MAX_PANELS = 200_000
#: x positions where activations have their features (around the origin, at unit scale): panels
#: are cut there too, so a function that varies on a scale much smaller than σ is still resolved.
_FEATURES = (0.0, *(s * 2.0**k for k in range(-3, 7) for s in (-1.0, 1.0)))


def _standard_cuts(kind: str) -> tuple[FloatArray, Callable[[FloatArray], FloatArray]]:
    """Panel ends in the standardised variable u and the density of u (x = loc + scale·u)."""
    if kind == "uniform":
        return np.linspace(0.0, 1.0, 17), np.ones_like
    if kind == "laplace":
        # The density only falls like e^−|u|, so a function growing exponentially (e.g. soft
        # exponential) still weighs at |u| = 70; e^−700 is the last power that is a normal float.
        far = np.geomspace(72.0, 700.0, 12)
        cuts = np.concatenate(
            [
                -far[::-1],
                -np.arange(70.0, 8.0, -2.0),
                np.arange(-8.0, 8.0, 0.5),
                np.arange(8.0, 71.0, 2.0),
                far,
            ]
        )
        return cuts, lambda u: 0.5 * np.exp(-np.abs(u))
    edge = 37.0  # φ(37) ≈ 1e−298 is still a normal float; φ(39) is not
    cuts = np.concatenate(
        [-np.arange(edge, 8.0, -2.0), np.arange(-8.0, 8.0, 0.5), np.arange(8.0, edge, 2.0), [edge]]
    )
    norm = 1.0 / math.sqrt(2.0 * math.pi)
    return cuts, lambda u: norm * np.exp(-0.5 * u * u)


def _integrate(
    activation: Activation,
    resolved: Mapping[str, ParamValue],
    kind: str,
    loc: float,
    scale: float,
) -> NormalMoments:
    """E[f], Var[f], E[f′²] for x = loc + scale·u, u with the standard density of ``kind``."""
    cuts, density = _standard_cuts(kind)
    points = (*_FEATURES, *activation.kinks(**resolved), *activation.jumps(**resolved))
    extra = [(p - loc) / scale for p in points if math.isfinite(p)]
    inner = [u for u in extra if cuts[0] < u < cuts[-1]]
    cuts = np.unique(np.concatenate([cuts, np.asarray(inner, dtype=np.float64)]))

    def evaluate(a: FloatArray, b: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
        """Node weights (rule × density) and f, f′ at the Gauss–Legendre nodes of panels [a, b]."""
        half = 0.5 * (b - a)
        u = (0.5 * (a + b))[:, None] + half[:, None] * _GL_NODES
        w = half[:, None] * _GL_WEIGHTS * density(u)
        f, d = activation.value_and_derivative(loc + scale * u, **resolved)
        return w, np.asarray(f, dtype=np.float64), np.asarray(d, dtype=np.float64)

    with np.errstate(all="ignore"):
        a, b = cuts[:-1], cuts[1:]
        w, f, d = evaluate(a, b)
        # Shift by a first estimate of the mean so that the variance integrand does not cancel.
        shift = float(np.sum(w * f) / np.sum(w))
        if not math.isfinite(shift):
            shift = 0.0

        def integrands(w: FloatArray, f: FloatArray, d: FloatArray) -> FloatArray:
            g = np.stack([w, w * f, w * (f - shift) ** 2, w * d * d])
            return np.asarray(g.sum(axis=-1).T)  # (panels, 4)

        whole = integrands(w, f, d)
        scale_abs = np.abs(np.stack([w, w * f, w * (f - shift) ** 2, w * d * d])).sum(axis=(1, 2))
        tol = _REL_TOL * scale_abs + 1e-300
        kept_w: list[FloatArray] = []
        kept_f: list[FloatArray] = []
        kept_d: list[FloatArray] = []
        for round_ in range(_MAX_ROUNDS):
            mid = 0.5 * (a + b)
            halves_a, halves_b = np.concatenate([a, mid]), np.concatenate([mid, b])
            hw, hf, hd = evaluate(halves_a, halves_b)
            parts = integrands(hw, hf, hd)
            count = a.size
            refined = parts[:count] + parts[count:]
            error = np.abs(refined - whole)
            done = np.all(error <= tol, axis=1) | ~np.all(np.isfinite(refined), axis=1)
            if round_ == _MAX_ROUNDS - 1 or 2 * np.count_nonzero(~done) > _MAX_PANELS:
                done[:] = True
            both = np.concatenate([done, done])
            kept_w.append(hw[both])
            kept_f.append(hf[both])
            kept_d.append(hd[both])
            if done.all():
                break
            todo = ~done
            a = np.concatenate([a[todo], mid[todo]])
            b = np.concatenate([mid[todo], b[todo]])
            whole = np.concatenate([parts[:count][todo], parts[count:][todo]])
        w_all = np.concatenate([x.ravel() for x in kept_w])
        f_all = np.concatenate([x.ravel() for x in kept_f])
        d_all = np.concatenate([x.ravel() for x in kept_d])
        mass = float(np.sum(w_all))
        mean = float(np.sum(w_all * f_all)) / mass
        var = float(np.sum(w_all * (f_all - mean) ** 2)) / mass
        mean_sq_derivative = float(np.sum(w_all * d_all * d_all)) / mass
    return NormalMoments(mean, var, mean_sq_derivative)


def normal_moments(
    activation: Activation, params: Mapping[str, object] | None, mean: float, std: float
) -> NormalMoments:
    """Exact E[f(X)], Var[f(X)], E[f′(X)²] for X ~ N(mean, std²): ∫ f(μ + σz) φ(z) dz, ...

    Adaptive composite Gauss–Legendre in z, split at f's kinks and jumps (where Gauss–Hermite
    would converge slowly) and truncated at |z| = 37, where φ is below 1e−298.
    """
    if not isinstance(activation, Activation):
        raise TypeError(f"normal_moments needs a scalar Activation; got {activation!r}")
    mean, std = float(mean), float(std)
    if not (math.isfinite(mean) and math.isfinite(std) and std >= 0):
        raise ValueError(Message(_BAD_MOMENTS, mean=repr(mean), std=repr(std)))
    resolved = activation.resolve(params)
    if std == 0.0:
        f, d = activation.value_and_derivative(np.array([mean]), **resolved)
        return NormalMoments(float(f[0]), 0.0, float(d[0]) ** 2)
    return _integrate(activation, resolved, "normal", mean, std)


def exact_moments(
    activation: Activation, params: Mapping[str, object] | None, dist: InputDistribution
) -> NormalMoments:
    """Exact E[f(X)], Var[f(X)], E[f′(X)²] for X ~ ``dist`` (any of the four kinds)."""
    resolved = activation.resolve(params)
    return _cached_exact(activation, tuple(resolved.items()), dist)


@functools.lru_cache(maxsize=64)
def _cached_exact(
    activation: Activation,
    params: tuple[tuple[str, ParamValue], ...],
    dist: InputDistribution,
) -> NormalMoments:
    resolved = dict(params)
    p = dist.params
    if dist.kind == "normal":
        return normal_moments(activation, resolved, p["mean"], p["std"])
    if dist.kind == "uniform":
        return _integrate(activation, resolved, "uniform", p["low"], p["high"] - p["low"])
    if dist.kind == "laplace":
        return _integrate(activation, resolved, "laplace", p["loc"], p["scale"])
    # A mixture: combine the two normals' moments (law of total variance).
    weight = p["weight"]
    parts = [
        (w, normal_moments(activation, resolved, m, s))
        for w, m, s in ((weight, p["mean1"], p["std1"]), (1.0 - weight, p["mean2"], p["std2"]))
        if w > 0.0
    ]
    mean = sum(w * m.mean for w, m in parts)
    var = sum(w * (m.var + (m.mean - mean) ** 2) for w, m in parts)
    mean_sq_derivative = sum(w * m.mean_sq_derivative for w, m in parts)
    return NormalMoments(mean, var, mean_sq_derivative)
