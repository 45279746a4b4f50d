"""How fast are the histograms and statistics of f(X), f′(X)?  Prints figures; asserts nothing.

For every scalar function in the catalog, at 10⁶ samples: the median time of
``sample_stats`` (f, f′, both histograms, every statistic and the exact moments, as when a slider
moves: the samples are cached, the parameters are new) beside a naive NumPy version in the same
run (forward and derivative on the whole array, two ``np.histogram`` calls, plain mean and std),
their ratio and a mark against the 15 ms target. The column "f,f′" is the catalog's share: one
``value_and_derivative`` call on the whole array, single-threaded. Then the median at 10⁷ samples
for a few functions and the peak resident memory of a fresh process computing statistics at 10⁷
samples.

    python benchmarks/bench_stats.py [--quick] [--samples N] [--repeats R] [--only KEY ...]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

import numpy as np

TARGET_MS = 15.0
LARGE = 10_000_000
LARGE_KEYS = ("relu", "gelu", "tanh", "sigmoid", "selu")


def _median_ms(run: Callable[[], object], repeats: int, before: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        before()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times)


def _naive(act: object, x: np.ndarray) -> None:
    """The obvious NumPy way: whole-array f and f′ separately, np.histogram, mean and std."""
    y = act.forward(x)  # type: ignore[attr-defined]
    d = act.derivative(x)  # type: ignore[attr-defined]
    np.histogram(y, bins=100)
    np.histogram(d, bins=100)
    y.mean()
    y.std()
    np.count_nonzero(y == 0)
    np.abs(d).mean()


def _peak_rss_mb() -> float:
    # VmHWM belongs to this process image; ru_maxrss would include the parent's size at fork.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def _memory_probe(keys: Sequence[str]) -> None:
    """Run in a fresh process: statistics at 10⁷ samples, then print the peak resident memory."""
    from actexplorer.core import ACTIVATIONS
    from actexplorer.core.stats import InputDistribution, sample_stats

    base = _peak_rss_mb()
    for key in keys:
        if key in ACTIVATIONS:
            sample_stats(ACTIVATIONS[key], None, InputDistribution(), LARGE, 0)  # type: ignore[arg-type]
    print(f"{base:.0f} {_peak_rss_mb():.0f}")


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, 10⁷ for ReLU only")
    parser.add_argument("--samples", type=int, default=1_000_000, help="samples per run")
    parser.add_argument("--repeats", type=int, default=None, help="runs per median (default 7)")
    parser.add_argument("--only", nargs="*", default=None, help="catalog keys to time")
    parser.add_argument("--memory-probe", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_probe is not None:
        _memory_probe(args.memory_probe)
        return 0

    from actexplorer.core import ACTIVATIONS, sampling
    from actexplorer.core import stats as stats_module
    from actexplorer.core.stats import InputDistribution, draw_samples, sample_stats

    repeats = args.repeats or (3 if args.quick else 7)
    n = args.samples
    dist = InputDistribution()
    x = draw_samples(dist, n, 0)
    scalar = ACTIVATIONS.scalar()
    keys = [k for k in scalar if args.only is None or k in args.only]

    def forget_exact() -> None:
        # A moving slider changes the parameters, so the exact moments are new every time.
        stats_module._cached_exact.cache_clear()

    print(
        f"ActExplorer statistics benchmark: {n:,} samples of N(0, 1), median of {repeats} runs; "
        f"{sampling.WORKERS} worker threads, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.2f}; Python {platform.python_version()}, "
        f"NumPy {np.__version__}"
    )
    print(
        f"{'function':<22}{'ours ms':>10}{'naive ms':>10}{'speed-up':>10}{'f,f′ ms':>10}"
        f"   vs {TARGET_MS:g} ms"
    )
    over: list[tuple[str, float]] = []
    ours_all: list[tuple[float, str]] = []
    naive_all: list[float] = []
    for key in keys:
        act = scalar[key]
        sample_stats(act, None, dist, n, 0)  # warm: first call of a kernel, the input histogram
        ours = _median_ms(lambda a=act: sample_stats(a, None, dist, n, 0), repeats, forget_exact)
        try:
            with np.errstate(all="ignore"):
                naive = _median_ms(lambda a=act: _naive(a, x), repeats, lambda: None)
            naive_text, ratio_text = f"{naive:10.1f}", f"{naive / ours:9.1f}×"
            naive_all.append(naive)
        except ValueError:  # np.histogram refuses non-finite values: the naive way cannot do it
            naive_text, ratio_text = f"{'fails':>10}", f"{'':>10}"
        kernel = _median_ms(lambda a=act: a.value_and_derivative(x), repeats, lambda: None)
        ours_all.append((ours, key))
        mark = "PASS" if ours <= TARGET_MS else "over target"
        if ours > TARGET_MS:
            over.append((key, ours))
        print(f"{key:<22}{ours:10.1f}{naive_text}{ratio_text}{kernel:10.1f}   {mark}")
    if ours_all:
        median_ours = statistics.median(t for t, _ in ours_all)
        naive_text = f"{statistics.median(naive_all):.1f} ms" if naive_all else "—"
        worst = ", ".join(f"{k} {t:.1f}" for t, k in sorted(ours_all, reverse=True)[:5])
        print(
            f"median over functions: ours {median_ours:.1f} ms, naive {naive_text}; "
            f"worst five (ms): {worst}"
        )
    print(
        f"{len(keys) - len(over)} of {len(keys)} within {TARGET_MS:g} ms"
        + (": over are " + ", ".join(f"{k} ({t:.1f} ms)" for k, t in over) if over else "")
    )

    large_keys = [k for k in (("relu",) if args.quick else LARGE_KEYS) if k in scalar]
    if large_keys:
        print(f"\nAt {LARGE:,} samples (median of 3; samples cached):")
        draw_samples(dist, LARGE, 0)
        for key in large_keys:
            act = scalar[key]
            ours = _median_ms(lambda a=act: sample_stats(a, None, dist, LARGE, 0), 3, forget_exact)
            print(f"{key:<22}{ours:10.1f} ms")

    probe = subprocess.run(
        [sys.executable, __file__, "--memory-probe", *large_keys],
        capture_output=True,
        text=True,
        check=True,
    )
    base, peak = probe.stdout.split()
    print(
        f"\nPeak resident memory of a fresh process computing statistics at {LARGE:,} samples "
        f"({', '.join(large_keys)}): {peak} MB (after imports: {base} MB; target ≤ 300 MB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
