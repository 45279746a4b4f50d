"""How fast are the catalog's kernels?  Prints figures; asserts nothing.

For every scalar function in the registry, at its default parameters (plus a few extra settings):
the median time of ``value_and_derivative`` on 10⁶ N(0, 1) samples, beside a textbook NumPy
version of the same f and f′ (the formulas as printed in papers, no care for tails or
cancellation) in the same run, and their ratio. ReLU's time is printed first and last as the
load reference: the machine may be shared, so compare figures within one run only.

    python benchmarks/bench_kernels.py [--samples N] [--repeats R] [--only KEY ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import warnings
from collections.abc import Callable, Mapping

import numpy as np
from scipy import special

from actexplorer.core import ACTIVATIONS, get_scalar

Pair = tuple[np.ndarray, np.ndarray]
Textbook = Callable[..., Pair]

_K = np.sqrt(2.0 / np.pi)


def _sig(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _gelu(x: np.ndarray, approximate: str = "none") -> Pair:
    if approximate == "tanh":
        u = _K * (x + 0.044715 * x**3)
        t = np.tanh(u)
        return 0.5 * x * (1 + t), 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * _K * (
            1 + 3 * 0.044715 * x * x
        )
    cdf = 0.5 * (1 + special.erf(x / np.sqrt(2.0)))
    return x * cdf, cdf + x * np.exp(-0.5 * x * x) / np.sqrt(2 * np.pi)


def _swish(x: np.ndarray, beta: float = 1.0) -> Pair:
    s = _sig(beta * x)
    return x * s, s + beta * x * s * (1 - s)


def _mish(x: np.ndarray) -> Pair:
    sp = np.log(1 + np.exp(x))
    t = np.tanh(sp)
    return x * t, t + x * (1 - t * t) * _sig(x)


def _softplus(x: np.ndarray, beta: float = 1.0, threshold: float = 20.0) -> Pair:
    return np.log(1 + np.exp(beta * x)) / beta, _sig(beta * x)


def _elish(x: np.ndarray) -> Pair:
    s = _sig(x)
    ex = np.exp(x)
    f = np.where(x >= 0, x * s, (ex - 1) * s)
    df = np.where(x >= 0, s + x * s * (1 - s), ex * s + (ex - 1) * s * (1 - s))
    return f, df


def _tanh_exp(x: np.ndarray) -> Pair:
    u = np.exp(x)
    t = np.tanh(u)
    return x * t, t + x * u * (1 - t * t)


def _serf(x: np.ndarray) -> Pair:
    sp = np.log(1 + np.exp(x))
    e = special.erf(sp)
    return x * e, e + x * 2 / np.sqrt(np.pi) * np.exp(-sp * sp) * _sig(x)


def _logish(x: np.ndarray) -> Pair:
    s = _sig(x)
    lg = np.log(1 + s)
    return x * lg, lg + x * s * (1 - s) / (1 + s)


def _elu(x: np.ndarray, alpha: float = 1.0) -> Pair:
    ex = np.exp(x)
    return np.where(x > 0, x, alpha * (ex - 1)), np.where(x > 0, 1.0, alpha * ex)


def _selu(x: np.ndarray) -> Pair:
    lam, alpha = 1.0507009873554805, 1.6732632423543772
    f, df = _elu(x, alpha)
    return lam * f, lam * df


def _celu(x: np.ndarray, alpha: float = 1.0) -> Pair:
    ex = np.exp(x / alpha)
    return np.maximum(0, x) + np.minimum(0, alpha * (ex - 1)), np.where(x > 0, 1.0, ex)


def _tanh(x: np.ndarray) -> Pair:
    t = np.tanh(x)
    return t, 1 - t * t


def _sigmoid(x: np.ndarray) -> Pair:
    s = _sig(x)
    return s, s * (1 - s)


def _squareplus(x: np.ndarray, b: float = 4.0) -> Pair:
    r = np.sqrt(x * x + b)
    return (x + r) / 2, (1 + x / r) / 2


def _smelu(x: np.ndarray, beta: float = 2.0) -> Pair:
    mid = (x + beta) ** 2 / (4 * beta)
    f = np.where(x <= -beta, 0.0, np.where(x >= beta, x, mid))
    df = np.where(x <= -beta, 0.0, np.where(x >= beta, 1.0, (x + beta) / (2 * beta)))
    return f, df


#: Textbook f and f′ by key; keys without one are timed alone.
TEXTBOOK: dict[str, Textbook] = {
    "relu": lambda x: (np.maximum(x, 0), (x > 0).astype(float)),
    "relu6": lambda x: (np.clip(x, 0, 6), ((x > 0) & (x < 6)).astype(float)),
    "leaky_relu": lambda x, negative_slope=0.01: (
        np.where(x > 0, x, negative_slope * x),
        np.where(x > 0, 1.0, negative_slope),
    ),
    "identity": lambda x: (x.copy(), np.ones_like(x)),
    "absolute": lambda x: (np.abs(x), np.sign(x)),
    "elu": _elu,
    "celu": _celu,
    "selu": _selu,
    "gelu": _gelu,
    "silu": _swish,
    "swish": _swish,
    "quick_gelu": lambda x: _swish(x, 1.702),
    "mish": _mish,
    "softplus": _softplus,
    "squareplus": _squareplus,
    "smelu": _smelu,
    "elish": _elish,
    "tanh_exp": _tanh_exp,
    "serf": _serf,
    "logish": _logish,
    "sigmoid": _sigmoid,
    "logsigmoid": lambda x: (np.log(_sig(x)), 1 - _sig(x)),
    "tanh": _tanh,
    "softsign": lambda x: (x / (1 + np.abs(x)), 1 / (1 + np.abs(x)) ** 2),
    "arctan": lambda x: (np.arctan(x), 1 / (1 + x * x)),
    "tanhshrink": lambda x: (x - np.tanh(x), np.tanh(x) ** 2),
    "lisht": lambda x: (x * np.tanh(x), np.tanh(x) + x * (1 - np.tanh(x) ** 2)),
    "gaussian": lambda x: (np.exp(-x * x), -2 * x * np.exp(-x * x)),
    "sinusoid": lambda x: (np.sin(x), np.cos(x)),
    "hardtanh": lambda x, min_val=-1.0, max_val=1.0: (
        np.clip(x, min_val, max_val),
        ((x > min_val) & (x < max_val)).astype(float),
    ),
    "hardsigmoid": lambda x: (np.clip(x + 3, 0, 6) / 6, ((x > -3) & (x < 3)) / 6.0),
}

#: Settings timed besides the defaults, where the parameters change the code path.
EXTRA: dict[str, tuple[Mapping[str, object], ...]] = {
    "gelu": ({"approximate": "tanh"},),
    "swish": ({"beta": 2.0}, {"beta": 1.702}),
    "softplus": ({"beta": 2.0},),
}


def _median_ms(
    run: Callable[..., object], x: np.ndarray, params: Mapping[str, object], repeats: int
) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(x, **params)
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times)


def main() -> None:
    """Print the timing table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--only", nargs="*", default=None, help="keys to time (default: all)")
    args = parser.parse_args()
    x = np.random.default_rng(0).standard_normal(args.samples)
    relu = get_scalar("relu")

    def relu_ms() -> float:
        return _median_ms(relu.value_and_derivative, x, {}, args.repeats)

    print(f"{args.samples:,} N(0,1) samples, median of {args.repeats}, times in ms")
    print(f"load reference: relu {relu_ms():.2f}")
    print(f"{'function':34s} {'catalog':>8s} {'textbook':>9s} {'ratio':>6s}")
    keys = [k for k in ACTIVATIONS.scalar() if args.only is None or k in args.only]
    for key in keys:
        act = get_scalar(key)
        for params in ({}, *EXTRA.get(key, ())):
            resolved = act.resolve(params)
            catalog = _median_ms(act.value_and_derivative, x, params, args.repeats)
            label = key + (" " + json.dumps(params) if params else "")
            textbook = TEXTBOOK.get(key)
            if textbook is None:
                print(f"{label:34s} {catalog:8.2f} {'—':>9s}")
                continue
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                plain = _median_ms(textbook, x, resolved, args.repeats)
            print(f"{label:34s} {catalog:8.2f} {plain:9.2f} {catalog / plain:6.2f}")
    print(f"load reference: relu {relu_ms():.2f}")


if __name__ == "__main__":
    main()
