"""Figures of the explorer window (printed, never asserted).

1. Slider drag → every plot repainted: p50/p95 over a scripted drag at 10⁵ and 10⁶ samples, beside
   matplotlib (Agg) clearing and replotting the same four panels from the same numbers.
2. Process start → first painted window, beside a bare PySide6 + pyqtgraph window with four empty
   plots (both quit right after their first paint; median of several runs, taken in turns): to
   the first paint (the target), to the process's exit, and CPU seconds. Twice: with bytecode
   caches, as an installed app runs, and compiling every module at each start, as a source tree
   does under ``PYTHONDONTWRITEBYTECODE``.
3. Peak resident memory of a window working at 10⁷ samples.

Run with ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py [--steps 120] [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE_WINDOW = """
import sys
import time
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
            print(time.monotonic(), flush=True)
            app.quit()
        return False

watcher = FirstPaint(window)
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""

#: ``python -m actexplorer`` with ACTEXPLORER_QUIT_AFTER_MS=0, also printing the moment of the
#: window's first paint (the paint that quits it) on the clock the bench reads.
OURS_WINDOW = """
import sys
import time
from actexplorer import app

quit_after_first_paint = app._quit_after_first_paint

def stamp_first_paint(window, delay_ms):
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                print(time.monotonic(), flush=True)
            return False

    quit_after_first_paint(window, delay_ms)
    window.installEventFilter(FirstPaint(window))

app._quit_after_first_paint = stamp_first_paint
sys.exit(app.main([]))
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


def _positions(steps: int) -> list[int]:
    """Slider positions of the scripted drag: back and forth over the middle of the track."""
    return [300 + (step * 7) % 400 for step in range(steps)]


class _PaintWatch:
    """Counts paint events of the four plot viewports (to prove each step repainted them)."""

    def __init__(self, plots) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QObject

        watch = self

        class Filter(QObject):
            def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
                if event.type() == QEvent.Type.Paint:
                    watch.painted.add(watched)
                return False

        self.painted: set[object] = set()
        self.viewports = [plot.viewport() for plot in plots]
        self._filter = Filter()
        for viewport in self.viewports:
            viewport.installEventFilter(self._filter)

    def repaint_missing(self) -> int:
        """Repaint, now, every viewport not painted since the last call; how many there were."""
        missing = [v for v in self.viewports if v not in self.painted]
        for viewport in missing:
            viewport.repaint()
        self.painted.clear()
        return len(missing)

    def close(self) -> None:
        for viewport in self.viewports:
            viewport.removeEventFilter(self._filter)


@dataclass
class Drag:
    """What one scripted drag measured."""

    label: str
    key: str
    frame: list[float] = field(default_factory=list)
    settled: list[float] = field(default_factory=list)
    params: list[dict[str, object]] = field(default_factory=list)
    forced: int = 0
    #: Steps whose statistics came from the worker thread (the others were answered at once).
    from_worker: int = 0
    #: Steps whose plots waited for the worker's answer (curves and histograms in one repaint).
    held: int = 0


def bench_drag(n: int, steps: int) -> Drag:
    """Milliseconds per slider step, twice: to the frame showing the new curves (all four plots
    repainted, histograms as far as they have arrived), and to the frame whose histograms show
    this step's sample too; also the parameters of each step and how many plot repaints the
    event loop had not done itself (and were forced).
    """
    from PySide6.QtCore import QEventLoop
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
    watch = _PaintWatch(window.plots.plots)
    app.processEvents()
    watch.repaint_missing()
    drag = Drag(f"{window.state.activation}, dragging {what}", window.state.activation)
    for position in _positions(steps):
        start = time.perf_counter()
        slider.setValue(position)
        app.processEvents()  # the event loop's own repaint of what changed
        if window.plots.curves_held:
            # The plots wait for histograms due within a frame: the new curves appear with them.
            drag.held += 1
            window.runner.wait_idle(30)
            while window.plots.curves_held:  # or until the hold's time limit
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
            app.processEvents()
        drag.forced += watch.repaint_missing()
        drag.frame.append((time.perf_counter() - start) * 1e3)
        if window.runner.busy:  # the histograms come from the worker: wait and repaint
            drag.from_worker += 1
            window.runner.wait_idle(30)
            app.processEvents()
            drag.forced += watch.repaint_missing()
        drag.settled.append((time.perf_counter() - start) * 1e3)
        drag.params.append(dict(window.state.params))
    watch.close()
    window.close()
    window.deleteLater()
    app.processEvents()
    return drag


def bench_matplotlib(n: int, key: str, steps: list[dict[str, object]]) -> list[float]:
    """The same drag drawn the simple way: compute, clear and replot four matplotlib Agg panels
    (the same function, parameters and number of samples)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from actexplorer.core import get
    from actexplorer.core.stats import InputDistribution, draw_samples

    act = get(key)
    samples = draw_samples(InputDistribution(), n, 0)
    x = np.linspace(-6, 6, 2001)
    fig, axes = plt.subplots(2, 2, figsize=(12.8, 8.0), dpi=100)
    times: list[float] = []
    for params in steps:
        start = time.perf_counter()
        f, d = act.value_and_derivative(x, **params)
        fs, ds = act.value_and_derivative(samples, **params)
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


@dataclass
class Start:
    """What one program's starts measured, in seconds."""

    paint: list[float] = field(default_factory=list)
    exit: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


def _start_once(command: list[str], env: dict[str, str], sink: Start) -> None:
    """Run ``command`` (which prints the monotonic time of its first paint) once into ``sink``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    end = time.monotonic()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    sink.paint.append(float(done.stdout.split()[-1]) - start)
    sink.exit.append(end - start)
    sink.cpu.append(
        after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime,
    )


def bench_start(runs: int, *, bytecode_cache: bool) -> tuple[Start, Start]:
    """Starts of ActExplorer and of the bare window, in turns, up to their first paint."""
    ours, bare = Start(), Start()
    with tempfile.TemporaryDirectory() as config, tempfile.TemporaryDirectory() as cache:
        env = {
            **os.environ,
            "ACTEXPLORER_QUIT_AFTER_MS": "0",
            "XDG_CONFIG_HOME": config,
            "QT_QPA_PLATFORM": "offscreen",
        }
        if bytecode_cache:
            # Both programs' modules compiled once, in a cache of this run's own.
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env.pop("PYTHONPYCACHEPREFIX", None)
        commands = (
            ([sys.executable, "-c", BARE_WINDOW], bare),
            ([sys.executable, "-c", OURS_WINDOW], ours),
        )
        for command, _sink in commands:  # fills the cache; also the first-run disk reads
            _start_once(command, env, Start())
        for _ in range(runs):
            for command, sink in commands:
                _start_once(command, env, sink)
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


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    """Print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=120)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--parts", default="drag,start,memory", help="comma-separated: drag, start, memory"
    )
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    print(f"machine: {os.cpu_count()} cores, load average {_load()}")
    if "drag" in parts:
        _print_drag(args.steps)
    if "start" in parts:
        _print_start(args.runs)
    if "memory" in parts:
        print("\npeak RSS at 10^7 samples")
        print(f"  {bench_peak_rss():.0f} MB (target <= 300)")
    print(f"\nload average at the end {_load()}")


def _print_drag(steps: int) -> None:
    print("\nslider drag -> all four plots repainted (ms)")
    print("  frame:   to the repaint showing the new curves (histograms as far as they have come)")
    print("  settled: to the repaint whose histograms show the new step's sample too")
    for n, budget in ((100_000, 16.7), (1_000_000, 33.0)):
        drag = bench_drag(n, steps)
        mpl = bench_matplotlib(n, drag.key, drag.params[: max(20, steps // 4)])
        print(f"  n={n:>9,}  ActExplorer ({drag.label}, {len(drag.frame)} steps)")
        print(f"    target p95 <= {budget}")
        for name, values in (("frame", drag.frame), ("settled", drag.settled)):
            print(
                f"    {name:<8} p50 {statistics.median(values):6.1f}  "
                f"p95 {percentile(values, 95):6.1f}"
            )
        if drag.forced:
            print(f"    ({drag.forced} plot repaints forced: the event loop had not done them)")
        print(f"    (statistics of {drag.from_worker} steps came from the worker thread)")
        if drag.held:
            print(
                f"    (in {drag.held} steps the plots waited for the worker's answer: the new"
                " curves and histograms appear in one repaint, so frame = settled there)"
            )
        factor = statistics.median(mpl) / statistics.median(drag.settled)
        print(
            f"    matplotlib Agg compute + clear + replot: p50 {statistics.median(mpl):6.1f}  "
            f"p95 {percentile(mpl, 95):6.1f}  ({factor:.1f}x the settled median)"
        )


def _print_start(runs: int) -> None:
    print("\nprocess start -> first paint (s, median of runs; the bare window has 4 empty plots)")
    for cache, label in ((True, "with bytecode caches"), (False, "compiling every module")):
        ours, bare = bench_start(runs, bytecode_cache=cache)
        print(f"  {label}")
        for name, figure in (("first paint", "paint"), ("exit", "exit"), ("CPU s", "cpu")):
            mine = statistics.median(getattr(ours, figure))
            theirs = statistics.median(getattr(bare, figure))
            target = "  (target <= 1.5)" if figure == "paint" else ""
            print(
                f"    {name:<12} ActExplorer {mine:.2f}   bare PySide6+pyqtgraph {theirs:.2f}   "
                f"ratio {mine / theirs:.2f}{target}"
            )


if __name__ == "__main__":
    main()
