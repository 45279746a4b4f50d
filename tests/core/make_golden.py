"""Compute the golden values the accuracy tests compare against.

For every reference in ``tests/core/references`` and each of its parameter settings, f(x) and f′(x)
are evaluated with mpmath at increasing precision until the float64 rounding of the result stops
changing, so cancellation in a textbook formula cannot leak into the truth. The results are
stored, one file per reference module, in ``tests/core/data/golden_<module>.npz``.

Usage: ``python tests/core/make_golden.py [--module NAME] [--keys relu,elu] [--jobs 2]``,
with NAME one of piecewise, gated, sigmoidal.
With ``--keys`` the other keys already in the file are kept.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import mpmath
import numpy as np

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
sys.path.insert(0, str(HERE.parents[1]))

PRECISIONS = (96, 192, 512, 1536, 4096, 12288)
#: A zero is trusted only from this precision on: a cancelling textbook formula gives exactly 0 at
#: low precision where the truth is a tiny (even subnormal) number.
ZERO_TRUSTED_FROM = 4096


def correctly_rounded(fn, x: float, params: dict) -> float:
    """float64 rounding of fn(x), at a precision where it no longer changes."""
    previous: float | None = None
    for prec in PRECISIONS:
        with mpmath.workprec(prec):
            value = fn(mpmath.mpf(x), **params)
            current = float(value) if not isinstance(value, float) else value
        settled = current == previous or (math.isnan(current) and math.isnan(previous))
        if previous is not None and settled and (current != 0.0 or prec >= ZERO_TRUSTED_FROM):
            return current
        previous = current
    raise RuntimeError(f"no convergence for {fn.__qualname__} at x={x!r}, params={params}")


def settings_for(ref, activation) -> list[dict]:
    """The defaults, then each listed setting merged onto them (duplicates dropped)."""
    seen: list[dict] = []
    for partial in ({}, *ref.param_sets):
        resolved = activation.resolve(partial)
        if resolved not in seen:
            seen.append(resolved)
    return seen


def inputs_for(ref, params: dict) -> np.ndarray:
    """Standard points plus the reference's own, finite, within its max_abs_x."""
    from tests.core.references import STANDARD_POINTS

    xs = np.array(sorted({*STANDARD_POINTS, *map(float, ref.points(params))}), dtype=np.float64)
    xs = xs[np.isfinite(xs)]
    if ref.max_abs_x is not None:
        xs = xs[np.abs(xs) <= ref.max_abs_x]
    return xs


def near_zeros(xs: np.ndarray, zeros) -> np.ndarray:
    """Mask of inputs within ±0.05 of one of ``zeros``."""
    mask = np.zeros(xs.shape, dtype=bool)
    for z in zeros:
        mask |= np.abs(xs - float(z)) <= 0.05
    return mask


def compute(task: tuple[str, str, int]) -> tuple[str, dict[str, np.ndarray]]:
    """Golden arrays for one (module, key, setting index)."""
    module_name, key, index = task
    from actexplorer.core import get_scalar

    module = importlib.import_module(f"tests.core.references.{module_name}")
    ref = next(r for r in module.REFERENCES if r.key == key)
    activation = get_scalar(key)
    params = settings_for(ref, activation)[index]
    xs = inputs_for(ref, params)
    f = np.array([correctly_rounded(ref.f, x, params) for x in xs])
    df = np.array([correctly_rounded(ref.df, x, params) for x in xs])
    arrays = {
        "x": xs,
        "f": f,
        "df": df,
        "df_loose": near_zeros(xs, ref.derivative_zeros(params)),
        "f_loose": near_zeros(xs, ref.f_zeros(params)),
        "params": np.array(json.dumps(params, sort_keys=True)),
    }
    return f"{key}#{index}", arrays


def main(argv: list[str] | None = None) -> int:
    """Regenerate the golden files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", help="reference module(s) to regenerate")
    parser.add_argument("--keys", help="comma-separated keys; others in the file are kept")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)

    from actexplorer.core import get_scalar
    from tests.core import references

    modules = args.module or list(references._MODULES)
    wanted = set(args.keys.split(",")) if args.keys else None
    for module_name in modules:
        module = importlib.import_module(f"tests.core.references.{module_name}")
        path = DATA / f"golden_{module_name}.npz"
        kept: dict[str, np.ndarray] = {}
        if wanted is not None and path.exists():
            with np.load(path) as old:
                kept = {k: old[k] for k in old.files if k.split("#")[0] not in wanted}
        tasks = [
            (module_name, ref.key, i)
            for ref in module.REFERENCES
            if wanted is None or ref.key in wanted
            for i in range(len(settings_for(ref, get_scalar(ref.key))))
        ]
        results: dict[str, np.ndarray] = dict(kept)
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            for name, arrays in pool.map(compute, tasks):
                for field, array in arrays.items():
                    results[f"{name}/{field}"] = array
                print(f"  {name}: {arrays['x'].size} points", flush=True)
        DATA.mkdir(exist_ok=True)
        np.savez_compressed(path, **results)
        print(f"wrote {path.relative_to(HERE.parents[1])} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
