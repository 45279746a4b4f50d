"""Figures of the explorer window (printed, never asserted).

1. Slider drag → every plot repainted: p50/p95 over a scripted drag at 10⁵ and 10⁶ samples, beside
   matplotlib (Agg) clearing and replotting the same four panels from the same numbers.
2. Process start → first painted window, beside a bare PySide6 + pyqtgraph window with four empty
   plots (both quit right after their first paint; median of several runs).
3. Peak resident memory of a window working at 10⁷ samples.

Run with ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py [--steps 120] [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QGridLayout, QMainWindow, QWidget
import pyqtgraph as pg

app = QApplication(sys.argv)
window = QMainWindow()
central = QWidget()
grid = QGridLayout(central)
for i in range(4):
    grid.addWidget(pg.PlotWidget(), i // 2, i % 2)
window.setCentralWidget(central)
window.resize(1280, 800)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            app.quit()
        return False

watcher = FirstPaint(window)
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""

PEAK_RSS = """
import resource, sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from actexplorer.gui import MainWindow
window = MainWindow()
window.resize(1280, 800)
window.show()
window.state.n_samples = 10_000_000
window.wait_until_idle(120)
slider = window.inputs.dist_form.controls["std"].slider
for step in range(10):
    slider.setValue(400 + 20 * step)
    app.processEvents()
window.wait_until_idle(120)
assert window.controller.stats is not None and window.controller.stats.n == 10_000_000
window.close()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def _drag_slider(window):  # type: ignore[no-untyped-def]
    """A parameter slider of the current function, or the input spread when it has none."""
    from actexplorer.gui.params import NumberControl

    for control in window.parameters.form.controls.values():
        if isinstance(control, NumberControl):
            return control.slider, control.name
    return window.inputs.dist_form.controls["std"].slider, "std of X"


def bench_drag(n: int, steps: int) -> tuple[list[float], str]:
    """Milliseconds from a slider step to all four plots repainted with the new numbers."""
    from PySide6.QtWidgets import QApplication

    from actexplorer.core import ACTIVATIONS
    from actexplorer.gui import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    with_params = [k for k, a in ACTIVATIONS.scalar().items() if a.params]
    window.state.activation = "elu" if "elu" in with_params else (with_params or ["relu"])[0]
    window.state.n_samples = n
    window.wait_until_idle()
    slider, what = _drag_slider(window)
    times: list[float] = []
    for step in range(steps):
        position = 300 + (step * 7) % 400
        start = time.perf_counter()
        slider.setValue(position)
        window.runner.wait_idle(30)  # at 10⁶ the histograms arrive from the worker
        app.processEvents()  # the pending repaints of all four plots
        times.append((time.perf_counter() - start) * 1e3)
    label = f"{window.state.activation}, dragging {what}"
    window.close()
    window.deleteLater()
    app.processEvents()
    return times, label


def bench_matplotlib(n: int, steps: int) -> list[float]:
    """The same drag drawn the simple way: clear and replot four matplotlib Agg panels."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from actexplorer.core import get
    from actexplorer.core.stats import InputDistribution, draw_samples

    act = get("relu")
    samples = draw_samples(InputDistribution(), n, 0)
    x = np.linspace(-6, 6, 2001)
    fig, axes = plt.subplots(2, 2, figsize=(12.8, 8.0), dpi=100)
    times: list[float] = []
    for step in range(steps):
        shift = 0.001 * step
        start = time.perf_counter()
        f, d = act.value_and_derivative(x + shift)
        fs, ds = act.value_and_derivative(samples + shift)
        for ax in axes.flat:
            ax.clear()
        axes[0, 0].plot(x, f)
        axes[0, 1].plot(x, d)
        axes[1, 0].hist(fs, bins=100, density=True, histtype="stepfilled")
        axes[1, 1].hist(ds, bins=100, density=True, histtype="stepfilled")
        for ax in axes.flat:
            ax.grid(True)
        fig.canvas.draw()
        times.append((time.perf_counter() - start) * 1e3)
    plt.close(fig)
    return times


def bench_start(runs: int) -> tuple[list[float], list[float]]:
    """Seconds from process start to exit right after the first paint: ours and bare."""
    ours: list[float] = []
    bare: list[float] = []
    with tempfile.TemporaryDirectory() as config:
        env = {
            **os.environ,
            "ACTEXPLORER_QUIT_AFTER_MS": "0",
            "XDG_CONFIG_HOME": config,
            "QT_QPA_PLATFORM": "offscreen",
        }
        for _ in range(runs):
            for command, sink in (
                ([sys.executable, "-c", BARE_WINDOW], bare),
                ([sys.executable, "-m", "actexplorer"], ours),
            ):
                start = time.perf_counter()
                subprocess.run(command, env=env, check=True, capture_output=True)
                sink.append(time.perf_counter() - start)
    return ours, bare


def bench_peak_rss() -> float:
    """Peak resident set size (MB) of a window that works at 10⁷ samples."""
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
        capture_output=True,
        text=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    """Print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=120)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print("\nslider drag -> all four plots repainted (ms)")
    for n, budget in ((100_000, 16.7), (1_000_000, 33.0)):
        ours, label = bench_drag(n, args.steps)
        mpl = bench_matplotlib(n, max(20, args.steps // 4))
        print(
            f"  n={n:>9,}  ActExplorer ({label}): p50 {statistics.median(ours):6.1f}  "
            f"p95 {percentile(ours, 95):6.1f}  (target p95 <= {budget})"
        )
        factor = statistics.median(mpl) / statistics.median(ours)
        print(
            f"  n={n:>9,}  matplotlib Agg clear+replot:   p50 {statistics.median(mpl):6.1f}  "
            f"p95 {percentile(mpl, 95):6.1f}  -> {factor:.1f}x slower (median)"
        )
    print("\nprocess start -> first paint -> exit (s, median of runs)")
    ours_start, bare_start = bench_start(args.runs)
    ratio = statistics.median(ours_start) / statistics.median(bare_start)
    print(
        f"  ActExplorer {statistics.median(ours_start):.2f}   bare PySide6+pyqtgraph, 4 empty "
        f"plots {statistics.median(bare_start):.2f}   ratio {ratio:.2f} (target <= 1.5)"
    )
    print("\npeak RSS at 10^7 samples")
    print(f"  {bench_peak_rss():.0f} MB (target <= 300)")


if __name__ == "__main__":
    main()
