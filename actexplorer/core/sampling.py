"""Random inputs for the histograms: the input distributions and a cache of drawn samples.

The statistics panel recomputes whenever a slider moves. Only the activation or its parameters
change during such a drag, so the samples are drawn once per (distribution, count, seed) and kept in
a small cache bounded in bytes. Samples are drawn block by block, each block from its own generator
seeded by ``(seed, block index)``: the result does not depend on how many threads draw it, and a
smaller sample count with the same seed is a prefix of a larger one.
"""

from __future__ import annotations

import difflib
import itertools
import math
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, TypeVar

import numpy as np

from .activation import FloatArray, ParamSpec
from .messages import Message, template

# User-visible refusals (translated through actexplorer.core.locale).
_HIGH_NOT_ABOVE_LOW = template("parameter 'high' must be greater than 'low' ({low}); got {high}")
_UNKNOWN_DISTRIBUTION = template("unknown input distribution {kind!r} (one of {kinds}){hint}")
_UNKNOWN_PARAMETER = template(
    "unknown parameter {name!r} for the {kind} distribution (takes {names}){hint}"
)
_DID_YOU_MEAN = template("; did you mean {name!r}?")
_COUNT_NOT_AN_INTEGER = template("the sample count must be an integer; got {value}")
_COUNT_OUT_OF_RANGE = template("the sample count must lie in [{lo}, {hi}]; got {value}")
_BAD_SEED = template("the seed must be a non-negative integer; got {value}")

__all__ = [
    "DEFAULT_SAMPLES",
    "DISTRIBUTIONS",
    "MAX_SAMPLES",
    "MIN_SAMPLES",
    "DistributionSpec",
    "InputDistribution",
    "check_sample_count",
    "check_seed",
    "clear_sample_cache",
    "draw_samples",
]

MIN_SAMPLES = 1_000
MAX_SAMPLES = 10_000_000
DEFAULT_SAMPLES = 100_000

#: Samples are drawn (and statistics computed) in blocks of this many values. Fixed, so that the
#: numbers never depend on the machine. 2¹⁵ float64 values (256 KiB) stay in a core's cache, and
#: temporaries of that size are recycled by malloc, where larger ones are handed back to the
#: system on free and page-fault on every reuse.
BLOCK = 1 << 15

#: The cache keeps at most this many bytes of samples (the newest entry is always kept): one
#: 10⁷-sample array (80 MB) fits, two do not, so memory stays bounded at the largest sample count.
CACHE_BYTES = 96 * 1024 * 1024
CACHE_ENTRIES = 6

_Sampler = Callable[[np.random.Generator, FloatArray, Mapping[str, float]], None]
_Density = Callable[[FloatArray, Mapping[str, float]], FloatArray]
_Moment = Callable[[Mapping[str, float]], float]
_Check = Callable[[Mapping[str, float]], None]

_LOCATION = (-50.0, 50.0)
_SCALE = (1e-3, 100.0)


def _no_check(params: Mapping[str, float]) -> None:
    return None


@dataclass(frozen=True, slots=True)
class DistributionSpec:
    """One kind of input distribution: its parameters (as :class:`ParamSpec`), sampler and pdf.

    ``sampler(rng, out, params)`` fills ``out`` in place; ``pdf(x, params)`` is the density;
    ``mean``/``variance`` are the closed-form moments; ``check`` refuses parameter combinations
    that each pass their own range but not together (a uniform's ``low < high``).
    """

    key: str
    name: str
    params: tuple[ParamSpec, ...]
    sampler: _Sampler
    pdf: _Density
    mean: _Moment
    variance: _Moment
    formula: str = ""
    check: _Check = _no_check

    @property
    def defaults(self) -> dict[str, float]:
        """Every parameter at its default."""
        return {spec.name: float(spec.default) for spec in self.params}


# -- the four kinds ------------------------------------------------------------------------------


def _normal_sample(rng: np.random.Generator, out: FloatArray, p: Mapping[str, float]) -> None:
    rng.standard_normal(out=out)
    out *= p["std"]
    out += p["mean"]


def _normal_pdf(x: FloatArray, p: Mapping[str, float]) -> FloatArray:
    z = (np.asarray(x, dtype=np.float64) - p["mean"]) / p["std"]
    return np.asarray(np.exp(-0.5 * z * z) / (p["std"] * math.sqrt(2.0 * math.pi)))


def _uniform_sample(rng: np.random.Generator, out: FloatArray, p: Mapping[str, float]) -> None:
    rng.random(out=out)
    out *= p["high"] - p["low"]
    out += p["low"]


def _uniform_pdf(x: FloatArray, p: Mapping[str, float]) -> FloatArray:
    x = np.asarray(x, dtype=np.float64)
    inside = (x >= p["low"]) & (x <= p["high"])
    return np.where(inside, 1.0 / (p["high"] - p["low"]), 0.0)


def _uniform_check(p: Mapping[str, float]) -> None:
    if not p["low"] < p["high"]:
        raise ValueError(Message(_HIGH_NOT_ABOVE_LOW, low=f"{p['low']:g}", high=f"{p['high']:g}"))


def _laplace_sample(rng: np.random.Generator, out: FloatArray, p: Mapping[str, float]) -> None:
    # A Laplace variable is an exponential one with a random sign.
    rng.standard_exponential(out=out)
    negative = rng.random(out.shape[0]) < 0.5
    np.negative(out, out=out, where=negative)
    out *= p["scale"]
    out += p["loc"]


def _laplace_pdf(x: FloatArray, p: Mapping[str, float]) -> FloatArray:
    z = np.abs(np.asarray(x, dtype=np.float64) - p["loc"]) / p["scale"]
    return np.asarray(np.exp(-z) / (2.0 * p["scale"]))


def _mixture_sample(rng: np.random.Generator, out: FloatArray, p: Mapping[str, float]) -> None:
    rng.standard_normal(out=out)
    first = rng.random(out.shape[0]) < p["weight"]
    out *= np.where(first, p["std1"], p["std2"])
    out += np.where(first, p["mean1"], p["mean2"])


def _mixture_pdf(x: FloatArray, p: Mapping[str, float]) -> FloatArray:
    one = _normal_pdf(x, {"mean": p["mean1"], "std": p["std1"]})
    two = _normal_pdf(x, {"mean": p["mean2"], "std": p["std2"]})
    return np.asarray(p["weight"] * one + (1.0 - p["weight"]) * two)


def _mixture_mean(p: Mapping[str, float]) -> float:
    return p["weight"] * p["mean1"] + (1.0 - p["weight"]) * p["mean2"]


def _mixture_variance(p: Mapping[str, float]) -> float:
    mean = _mixture_mean(p)
    w = p["weight"]
    return w * (p["std1"] ** 2 + (p["mean1"] - mean) ** 2) + (1.0 - w) * (
        p["std2"] ** 2 + (p["mean2"] - mean) ** 2
    )


def _location(name: str, default: float, what: str) -> ParamSpec:
    return ParamSpec(name, default, *_LOCATION, description=what)


def _scale(name: str, default: float, what: str) -> ParamSpec:
    return ParamSpec(name, default, *_SCALE, description=what, log_scale=True)


_SPECS = (
    DistributionSpec(
        key="normal",
        name="Normal",
        params=(_location("mean", 0.0, "mean μ"), _scale("std", 1.0, "standard deviation σ")),
        sampler=_normal_sample,
        pdf=_normal_pdf,
        mean=lambda p: p["mean"],
        variance=lambda p: p["std"] ** 2,
        formula="N(μ, σ²)",
    ),
    DistributionSpec(
        key="uniform",
        name="Uniform",
        params=(
            ParamSpec("low", -3.0, -100.0, 100.0, description="lower bound a"),
            ParamSpec("high", 3.0, -100.0, 100.0, description="upper bound b (> a)"),
        ),
        sampler=_uniform_sample,
        pdf=_uniform_pdf,
        mean=lambda p: 0.5 * (p["low"] + p["high"]),
        variance=lambda p: (p["high"] - p["low"]) ** 2 / 12.0,
        formula="U(a, b)",
        check=_uniform_check,
    ),
    DistributionSpec(
        key="laplace",
        name="Laplace",
        params=(_location("loc", 0.0, "location μ"), _scale("scale", 1.0, "scale b")),
        sampler=_laplace_sample,
        pdf=_laplace_pdf,
        mean=lambda p: p["loc"],
        variance=lambda p: 2.0 * p["scale"] ** 2,
        formula="Laplace(μ, b)",
    ),
    DistributionSpec(
        key="mixture",
        name="Mixture of two normals",
        params=(
            ParamSpec("weight", 0.5, 0.0, 1.0, description="probability w of the first normal"),
            _location("mean1", -2.0, "mean μ₁ of the first normal"),
            _scale("std1", 0.5, "standard deviation σ₁ of the first normal"),
            _location("mean2", 2.0, "mean μ₂ of the second normal"),
            _scale("std2", 0.5, "standard deviation σ₂ of the second normal"),
        ),
        sampler=_mixture_sample,
        pdf=_mixture_pdf,
        mean=_mixture_mean,
        variance=_mixture_variance,
        formula="w·N(μ₁, σ₁²) + (1−w)·N(μ₂, σ₂²)",
    ),
)

#: The input distributions, key → spec, in the order the input panel lists them.
DISTRIBUTIONS: Mapping[str, DistributionSpec] = MappingProxyType({s.key: s for s in _SPECS})


@dataclass(frozen=True, eq=False)
class InputDistribution:
    """A distribution of inputs X: its kind and parameters, validated on construction.

    Missing parameters take their defaults; ``params`` then holds all of them (read-only). An
    unknown kind raises ``KeyError`` with a hint, a bad value ``ValueError`` naming the parameter.
    Two distributions are equal when their kind and complete parameters are.
    """

    kind: str = "normal"
    params: Mapping[str, float] = field(default_factory=dict)
    _key: tuple[str, tuple[tuple[str, float], ...]] = field(
        init=False, repr=False, compare=False, default=("", ())
    )

    def __post_init__(self) -> None:
        if self.kind not in DISTRIBUTIONS:
            close = difflib.get_close_matches(str(self.kind), list(DISTRIBUTIONS), n=1)
            hint = Message(_DID_YOU_MEAN, name=close[0]) if close else ""
            raise KeyError(
                Message(
                    _UNKNOWN_DISTRIBUTION,
                    kind=self.kind,
                    kinds=", ".join(DISTRIBUTIONS),
                    hint=hint,
                )
            )
        spec = DISTRIBUTIONS[self.kind]
        given = dict(self.params)
        resolved: dict[str, float] = {}
        for param in spec.params:
            value = param.validate(given.pop(param.name)) if param.name in given else param.default
            resolved[param.name] = float(value)
        if given:
            name = next(iter(given))
            names = [p.name for p in spec.params]
            close = difflib.get_close_matches(name, names, n=1)
            hint = Message(_DID_YOU_MEAN, name=close[0]) if close else ""
            raise ValueError(
                Message(
                    _UNKNOWN_PARAMETER,
                    name=name,
                    kind=self.kind,
                    names=", ".join(names),
                    hint=hint,
                )
            )
        spec.check(resolved)
        object.__setattr__(self, "params", MappingProxyType(resolved))
        object.__setattr__(self, "_key", (self.kind, tuple(resolved.items())))

    @property
    def spec(self) -> DistributionSpec:
        """The :class:`DistributionSpec` of this kind."""
        return DISTRIBUTIONS[self.kind]

    @property
    def resolved(self) -> dict[str, float]:
        """Every parameter (defaults filled in), as a new dict."""
        return dict(self.params)

    @property
    def mean(self) -> float:
        """E[X]."""
        return self.spec.mean(self.params)

    @property
    def variance(self) -> float:
        """Var[X]."""
        return self.spec.variance(self.params)

    def pdf(self, x: Any) -> FloatArray:
        """The density of X at ``x``."""
        return self.spec.pdf(np.asarray(x, dtype=np.float64), self.params)

    def replace(self, **params: float) -> InputDistribution:
        """A copy with some parameters changed."""
        return InputDistribution(self.kind, {**self.params, **params})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, InputDistribution):
            return NotImplemented
        return self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v:g}" for k, v in self.params.items())
        return f"InputDistribution({self.kind!r}, {args})"


# -- validation shared with the statistics --------------------------------------------------------


def check_sample_count(n: object) -> int:
    """``n`` as an int if it is an integer in [MIN_SAMPLES, MAX_SAMPLES], else ``ValueError``."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise ValueError(Message(_COUNT_NOT_AN_INTEGER, value=repr(n)))
    if not MIN_SAMPLES <= int(n) <= MAX_SAMPLES:
        raise ValueError(
            Message(
                _COUNT_OUT_OF_RANGE,
                lo=f"{MIN_SAMPLES:,}",
                hi=f"{MAX_SAMPLES:,}",
                value=f"{int(n):,}",
            )
        )
    return int(n)


def check_seed(seed: object) -> int:
    """``seed`` as an int if it is a non-negative integer, else ``ValueError``."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or int(seed) < 0:
        raise ValueError(Message(_BAD_SEED, value=repr(seed)))
    return int(seed)


# -- threads --------------------------------------------------------------------------------------


def _available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


#: NumPy releases the GIL inside its loops, so a few threads on disjoint blocks use several cores.
WORKERS = max(1, min(4, _available_cores()))
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()

_T = TypeVar("_T")


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="actexplorer-stats")
        return _pool


def blocks(n: int, size: int = BLOCK) -> list[tuple[int, int]]:
    """The (start, stop) ranges of the fixed-size blocks covering ``n`` values."""
    return [(start, min(start + size, n)) for start in range(0, n, size)]


def run_blocks(
    work: Callable[[int, int, int], _T],
    n: int,
    *,
    size: int = BLOCK,
    min_parallel: int = 8 * BLOCK,
    side: Callable[[], object] | None = None,
) -> list[_T]:
    """``[work(index, start, stop) for each block]`` (blocks of ``size`` values), spread over the
    worker threads.

    Each thread takes the next block not yet taken, so a thread slowed by another process on its
    core does fewer blocks instead of holding everyone up; results come back in block order, so
    anything combined from them does not depend on the number of threads or on who did what.
    ``side`` (optional) is one more independent task, run by the first thread to start.
    """
    spans = blocks(n, size)
    workers = min(WORKERS, len(spans))
    if workers <= 1 or n < min_parallel:
        if side is not None:
            side()
        return [work(i, a, b) for i, (a, b) in enumerate(spans)]
    results: list[_T | None] = [None] * len(spans)
    # next() on itertools.count is atomic under the GIL: no ticket is taken twice. The side task
    # holds the first ticket, so it overlaps the blocks instead of trailing them.
    first = 1 if side is not None else 0
    tickets = itertools.count()

    def drain() -> None:
        while True:
            ticket = next(tickets)
            if ticket < first and side is not None:
                side()
                continue
            i = ticket - first
            if i >= len(spans):
                return
            results[i] = work(i, *spans[i])

    pool = _executor()
    futures: list[Future[None]] = [pool.submit(drain) for _ in range(1, workers)]
    drain()
    for future in futures:
        future.result()
    return results  # type: ignore[return-value]


# -- drawing and the cache ------------------------------------------------------------------------


class _ByteBoundedCache:
    """A thread-safe LRU mapping whose arrays stay under a byte budget (the newest always kept)."""

    def __init__(self, max_bytes: int, max_entries: int) -> None:
        self._items: OrderedDict[Any, FloatArray] = OrderedDict()
        self._lock = threading.Lock()
        self.max_bytes = max_bytes
        self.max_entries = max_entries

    def get(self, key: Any) -> FloatArray | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Any, value: FloatArray) -> FloatArray:
        with self._lock:
            existing = self._items.get(key)
            if existing is not None:  # another thread drew the same samples meanwhile
                self._items.move_to_end(key)
                return existing
            self._items[key] = value
            while len(self._items) > 1 and (
                len(self._items) > self.max_entries
                or sum(a.nbytes for a in self._items.values()) > self.max_bytes
            ):
                self._items.popitem(last=False)
            return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __iter__(self) -> Iterator[Any]:
        with self._lock:
            return iter(list(self._items))


_samples = _ByteBoundedCache(CACHE_BYTES, CACHE_ENTRIES)


def clear_sample_cache() -> None:
    """Forget every cached sample array."""
    _samples.clear()


def block_generator(seed: int, index: int, stream: int = 0) -> np.random.Generator:
    """The generator of block ``index`` for ``seed``; ``stream`` separates independent uses."""
    return np.random.default_rng(np.random.SeedSequence((seed, stream, index)))


def draw_samples(dist: InputDistribution, n: int, seed: int) -> FloatArray:
    """``n`` independent draws of X ~ ``dist`` (read-only, float64), the same for the same seed.

    Cached: asking again for the same (dist, n, seed) returns the same array object.
    """
    if not isinstance(dist, InputDistribution):
        raise TypeError(f"dist must be an InputDistribution; got {type(dist).__name__}")
    n = check_sample_count(n)
    seed = check_seed(seed)
    key = (dist, n, seed)
    cached = _samples.get(key)
    if cached is not None:
        return cached
    out = np.empty(n, dtype=np.float64)
    sampler = dist.spec.sampler
    params = dist.params

    def fill(index: int, start: int, stop: int) -> None:
        rng = block_generator(seed, index)
        if stop - start == BLOCK:
            sampler(rng, out[start:stop], params)
        else:
            # Samplers draw several streams per block (values, then signs or components); a
            # short last block is drawn whole and cut, so that fewer samples are a prefix of more.
            whole = np.empty(BLOCK, dtype=np.float64)
            sampler(rng, whole, params)
            out[start:stop] = whole[: stop - start]

    run_blocks(fill, n)
    out.flags.writeable = False
    return _samples.put(key, out)


def cached_sample_keys() -> Sequence[tuple[InputDistribution, int, int]]:
    """The (dist, n, seed) keys now cached, oldest first (for tests and diagnostics)."""
    return list(_samples)
