"""Figures for the deep-network lab, each beside a naive baseline measured in the same run.

    python benchmarks/bench_lab.py [--repeat N]

Targets (from the issue): one training step of a 2-16-16-1 net on 500 points ≤ 1 ms; the decision
boundary on a 200×200 grid ≤ 10 ms; propagation at depth 50, width 512, batch 1000 (forward and
backward) ≤ 150 ms.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np

from actexplorer.core.lab import (
    Initializer,
    InitScheme,
    MLPConfig,
    RandomNetwork,
    Trainer,
    grid,
    make_dataset,
    propagate,
    standard_normal_batch,
)


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn`` in milliseconds (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times)


def interleaved_ms(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median wall time of each function in milliseconds, run in turn so that a busy machine
    slows them all alike (after one warm-up round)."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for round_ in range(repeat + 1):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            if round_:
                times[name].append(time.perf_counter() - start)
    return {name: 1e3 * statistics.median(t) for name, t in times.items()}


def row(name: str, ours: float, baseline: float, target: float) -> None:
    """One line of the table."""
    verdict = "ok" if ours <= target else "over target"
    print(
        f"{name:<44} {ours:9.3f} ms   baseline {baseline:9.3f} ms   "
        f"×{baseline / ours:6.1f}   target ≤ {target:g} ms ({verdict})"
    )


# -- naive baselines: the straightforward version a first draft would write ---------------------
def naive_train_step(weights: list[list[np.ndarray]], x: np.ndarray, y: np.ndarray) -> None:
    """Per-sample forward and backward (ReLU, sigmoid output), averaged, then an SGD update."""
    grads = [[np.zeros_like(w), np.zeros_like(b)] for w, b in weights]
    for xi, yi in zip(x, y, strict=True):
        acts, pre = [xi], []
        for w, b in weights[:-1]:
            h = acts[-1] @ w + b
            pre.append(h)
            acts.append(np.maximum(h, 0.0))
        z = acts[-1] @ weights[-1][0] + weights[-1][1]
        delta = 1.0 / (1.0 + np.exp(-z)) - yi
        for layer in range(len(weights) - 1, -1, -1):
            grads[layer][0] += np.outer(acts[layer], delta)
            grads[layer][1] += delta
            if layer:
                delta = (weights[layer][0] @ delta) * (pre[layer - 1] > 0)
    for (w, b), (gw, gb) in zip(weights, grads, strict=True):
        w -= 0.01 * gw / len(x)
        b -= 0.01 * gb / len(x)


def naive_boundary(weights: list[list[np.ndarray]], points: np.ndarray) -> np.ndarray:
    """Point-by-point evaluation of the network."""
    out = np.empty(len(points))
    for i, p in enumerate(points):
        a = p
        for w, b in weights[:-1]:
            a = np.maximum(a @ w + b, 0.0)
        out[i] = (a @ weights[-1][0] + weights[-1][1])[0]
    return out


def naive_propagation(x: np.ndarray, depth: int, width: int, seed: int) -> list[float]:
    """float64 everywhere, fresh weights, np.histogram and np.std, every derivative kept."""
    rng = np.random.default_rng(seed)
    weights, derivs, stats = [], [], []
    a = x
    for _ in range(depth):
        w = rng.standard_normal((width, width)) * np.sqrt(2.0 / width)
        h = a @ w
        a = np.maximum(h, 0.0)
        derivs.append(np.heaviside(h, 0.0))
        weights.append(w)
        stats.append((a.mean(), a.std(), np.histogram(a, 100, (0.0, 5.0))[0]))
    g = rng.standard_normal(a.shape)
    grad_std = []
    for layer in range(depth - 1, -1, -1):
        delta = g * derivs[layer]
        grad_std.append(float(delta.std()))
        g = delta @ weights[layer].T
    return grad_std


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    repeat = args.repeat

    data = make_dataset("circles", 715, test_fraction=0.3, seed=0)  # 500 training points
    config = MLPConfig(hidden=(16, 16), activation="relu", batch_size=500, optimizer="adam")
    trainer = Trainer(config, data)
    weights = [[w.copy(), b.copy()] for w, b in trainer.weights]
    x, y = data.x_train, data.y_train
    step_one = median_ms(lambda: trainer.step(1), repeat * 10)
    step_many = median_ms(lambda: trainer.step(100), max(3, repeat // 4)) / 100
    naive_step = median_ms(lambda: naive_train_step(weights, x, y), max(3, repeat // 4))
    row("train step 2-16-16-1, 500 pts (step(1)+eval)", step_one, naive_step, 1.0)
    row("train step, amortised in step(100)", step_many, naive_step, 1.0)

    boundary = median_ms(lambda: trainer.decision_boundary(200), repeat)
    _, _, points = grid(data.bounds(), 200)
    naive_grid = median_ms(lambda: naive_boundary(weights, points), 3)
    row("decision boundary 200×200", boundary, naive_grid, 10.0)

    depth, width, batch = 50, 512, 1000
    xs = standard_normal_batch(batch, width, seed=0)
    init = Initializer(InitScheme.HE_NORMAL)
    kept = RandomNetwork(depth, width, init=init, seed=0)
    everything = batch * width
    a, b = np.ones((batch, width), np.float32), np.ones((width, width), np.float32)
    c = np.empty((batch, width), np.float32)

    def forward_products() -> None:
        for _ in range(depth):
            np.matmul(a, b, out=c)

    figures = interleaved_ms(
        {
            "kept": lambda: propagate(xs, kept, "relu"),
            "whole": lambda: propagate(
                xs, kept, "relu", grad_values=everything, hist_values=everything
            ),
            "fresh": lambda: propagate(xs, RandomNetwork(depth, width, init=init, seed=0), "relu"),
            "double": lambda: propagate(
                xs, RandomNetwork(depth, width, init=init, seed=0, precision="double"), "relu"
            ),
            "naive": lambda: naive_propagation(xs, depth, width, 0),
            "floor": forward_products,
        },
        max(3, repeat // 4),
    )
    naive_prop = figures["naive"]
    print("\npropagation 50×512×1000, ReLU + He, forward and backward:")
    row("weights kept", figures["kept"], naive_prop, 150.0)
    row("weights kept, whole batch back and histograms", figures["whole"], naive_prop, 150.0)
    row("weights drawn", figures["fresh"], naive_prop, 150.0)
    row("weights drawn, float64", figures["double"], naive_prop, 150.0)
    print(
        f"\nfloor on this machine: the {depth} forward {batch}×{width}·{width}×{width} float32 "
        f"products alone take {figures['floor']:.0f} ms (median, same rounds); the backward "
        f"pass adds {depth - 1} products on {-(-65_536 // width)} rows."
    )


if __name__ == "__main__":
    main()
