"""Start → first painted window: the PyInstaller bundle beside the source install.

    python benchmarks/bench_startup_bundle.py [--bundle dist/actexplorer] [--runs 7]

Each run starts a fresh process offscreen with ``ACTEXPLORER_QUIT_AFTER_MS=0``, so the window
quits as soon as it has painted once; the figure is the wall time from spawning the process to
its exit (first paint plus a few milliseconds of teardown). Runs alternate between the two so
that background load hits both alike; one warm-up run each fills the disk cache first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE_NAME = "actexplorer.exe" if sys.platform == "win32" else "actexplorer"


def time_to_first_paint(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``cmd`` until it exits after its first paint; fails on non-zero."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} exited with {proc.returncode}:\n{proc.stderr[-2000:]}")
    return elapsed


def compare(bundle: Path, runs: int) -> dict[str, list[float]]:
    """Run the bundle and ``python -m actexplorer`` alternately; return the times of each."""
    with tempfile.TemporaryDirectory() as config:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "ACTEXPLORER_QUIT_AFTER_MS": "0",
            # Keep the window's saved settings out of the user's own configuration.
            "XDG_CONFIG_HOME": config,
            "HOME": config,
        }
        commands = {
            "bundle": [str(bundle / EXE_NAME)],
            "source": [sys.executable, "-m", "actexplorer"],
        }
        for cmd in commands.values():
            time_to_first_paint(cmd, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, cmd in commands.items():
                times[name].append(time_to_first_paint(cmd, env))
    return times


def main(argv: list[str] | None = None) -> int:
    """Print the median and spread of start → first paint for bundle and source."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "actexplorer")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    if not (args.bundle / EXE_NAME).is_file():
        parser.error(f"no bundle at {args.bundle}; run packaging/build.py --bundle-only first")
    times = compare(args.bundle, args.runs)
    print(f"start → first painted window, offscreen, median of {args.runs} (min–max):")
    for name, values in times.items():
        print(
            f"  {name:<7} {statistics.median(values):6.2f} s   "
            f"({min(values):.2f}–{max(values):.2f} s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
