"""The window's export commands: pictures of the window and plots, CSV of what is on screen.

Each export has a method taking a path (used by tests and scripts; errors are raised) and an
``ask_*`` twin that asks for the file name in a dialog remembering the last folder and shows
errors in a message box. The data come from what the window shows: the controller's curves and
its newest statistics, never computed again here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from actexplorer.core import VectorActivation
from actexplorer.core import locale as core_locale
from actexplorer.core.export import CurveSeries, curves_csv, histograms_csv, stats_csv, write_file
from actexplorer.state import ExplorerState, Pin

if TYPE_CHECKING:
    import pyqtgraph as pg

    from actexplorer.core.stats import SampleStats
    from actexplorer.gui.controller import ExplorerController
    from actexplorer.gui.plots import PlotsView
    from actexplorer.gui.stats_runner import StatsRunner

#: The explorer's plots by export name, in the order of :attr:`PlotsView.plots`, with their titles.
PLOTS: dict[str, str] = {
    "function": QT_TRANSLATE_NOOP("ExportCommands", "Function plot"),
    "derivative": QT_TRANSLATE_NOOP("ExportCommands", "Derivative plot"),
    "outputs": QT_TRANSLATE_NOOP("ExportCommands", "Histogram of f(X)"),
    "gradients": QT_TRANSLATE_NOOP("ExportCommands", "Histogram of f′(X)"),
}
#: What can be exported as CSV.
CSV_KINDS = ("curves", "histograms", "statistics")
#: Resolution of a plot exported as PNG (plots usually go to slides and papers).
PLOT_PNG_SCALE = 2
#: The settings key of the folder the last export went to.
FOLDER_KEY = "export/folder"
#: Longest wait for statistics still being computed when they are exported.
STATS_WAIT_S = 30.0

_FILTERS = {
    "png": QT_TRANSLATE_NOOP("ExportCommands", "PNG images (*.png)"),
    "svg": QT_TRANSLATE_NOOP("ExportCommands", "SVG drawings (*.svg)"),
    "csv": QT_TRANSLATE_NOOP("ExportCommands", "CSV tables (*.csv)"),
}
_CSV_TITLES = {
    "curves": QT_TRANSLATE_NOOP("ExportCommands", "Export curves as CSV"),
    "histograms": QT_TRANSLATE_NOOP("ExportCommands", "Export histograms as CSV"),
    "statistics": QT_TRANSLATE_NOOP("ExportCommands", "Export statistics as CSV"),
}
#: Problems a user can cause and fix (a folder that cannot be written, nothing to export).
EXPORT_ERRORS = (OSError, ValueError)


def plot_title(plot: str) -> str:
    """The title of the plot ``plot`` (a key of :data:`PLOTS`) in the current language."""
    return QCoreApplication.translate("ExportCommands", PLOTS[plot])


def _tr(text: str) -> str:
    """``text`` (marked ``QT_TRANSLATE_NOOP("ExportCommands", ...)``) in the current language."""
    return QCoreApplication.translate("ExportCommands", text)


def remembered_folder(settings: QSettings | None, key: str, folder: str) -> str:
    """The folder saved under ``key`` (else ``folder``), if it still exists; else the home
    folder. File dialogs start there."""
    if settings is not None:
        stored = settings.value(key, "", type=str)
        if isinstance(stored, str) and stored:
            folder = stored
    return folder if folder and Path(folder).is_dir() else str(Path.home())


class ExportCommands:
    """Exports of one explorer window; see the module docstring."""

    def __init__(
        self,
        window: QWidget,
        state: ExplorerState,
        controller: ExplorerController,
        plots: PlotsView,
        runner: StatsRunner,
        settings: QSettings | None = None,
    ) -> None:
        self._window = window
        self._state = state
        self._controller = controller
        self._plots = plots
        self._runner = runner
        self._settings = settings
        self._folder = ""  # the last folder when there are no settings to keep it in

    # -- exports to a path ------------------------------------------------------------------
    def window_png(self, path: str | os.PathLike[str], scale: int = 1) -> Path:
        """Save the whole window as a PNG at ``scale`` × (1, 2 or 4) its size on screen."""
        # The exporter (QtSvg, XML) loads on the first export rather than with the window.
        from actexplorer.gui.export import export_png

        self._plots.release_curves()  # a picture shows the newest curves, even mid-hold
        return export_png(self._window, path, scale)

    def plot_png(
        self, plot: str, path: str | os.PathLike[str], scale: int = PLOT_PNG_SCALE
    ) -> Path:
        """Save the plot ``plot`` (a key of :data:`PLOTS`) as a PNG at ``scale`` × its size."""
        from actexplorer.gui.export import export_png

        self._plots.release_curves()
        return export_png(self._plot(plot), path, scale)

    def plot_svg(self, plot: str, path: str | os.PathLike[str]) -> Path:
        """Save the plot ``plot`` (a key of :data:`PLOTS`) as a standalone SVG drawing."""
        from actexplorer.gui.export import export_svg

        title = f"{plot_title(plot)} — {self._label()}"
        self._plots.release_curves()
        return export_svg(self._plot(plot), path, title=title)

    def curves_csv(self, path: str | os.PathLike[str]) -> Path:
        """Save x, f(x), f′(x) of the current function and the pinned ones as CSV."""
        return write_file(path, curves_csv(self.curve_series()))

    def histograms_csv(self, path: str | os.PathLike[str]) -> Path:
        """Save the bins of the histograms on screen (pinned ones when shown) as CSV."""
        stats = self._current_stats()
        return write_file(path, histograms_csv(stats, self._pinned_stats()))

    def statistics_csv(self, path: str | os.PathLike[str]) -> Path:
        """Save the statistics panel (sampled and exact values) as CSV."""
        return write_file(path, stats_csv(self._current_stats()))

    def csv(self, kind: str, path: str | os.PathLike[str]) -> Path:
        """Save the table ``kind`` (one of :data:`CSV_KINDS`) as CSV."""
        writers: dict[str, Callable[[str | os.PathLike[str]], Path]] = {
            "curves": self.curves_csv,
            "histograms": self.histograms_csv,
            "statistics": self.statistics_csv,
        }
        if kind not in writers:
            raise ValueError(f"kind must be one of {', '.join(CSV_KINDS)}; got {kind!r}")
        return writers[kind](path)

    def copy_formula(self) -> str:
        """Put the current function's formula on the clipboard as LaTeX and return it."""
        act = self._state.current
        latex = act.formula.latex
        QGuiApplication.clipboard().setText(latex)
        self._report(
            QCoreApplication.translate(
                "ExportCommands", "Copied the formula of {name} as LaTeX"
            ).format(name=act.name)
        )
        return latex

    # -- what is on screen ------------------------------------------------------------------
    def curve_series(self) -> list[CurveSeries]:
        """The curves drawn: the current function first, then each pinned scalar function."""
        self._require_curves()
        curve = self._controller.curve
        if curve is None:
            raise ValueError(
                QCoreApplication.translate("ExportCommands", "there is no curve to export yet")
            )
        state = self._state
        series = [CurveSeries(state.activation, dict(state.params), curve.x, curve.f, curve.df)]
        for pin, pinned in zip(state.pins, self._pinned_curves(), strict=False):
            if pinned is not None:
                series.append(CurveSeries(pin.key, dict(pin.params), pinned.x, pinned.f, pinned.df))
        return series

    def _pinned_curves(self) -> list[object]:
        return list(self._controller.pin_curves)

    def _pinned_stats(self) -> list[SampleStats]:
        if not self._state.pin_histograms:
            return []
        # Matched to the pins shown so the table lists them in the legend's order.
        known = list(self._controller.pin_stats)
        found: list[SampleStats] = []
        for pin in self._state.pins:
            for stats in known:
                if stats.activation == pin.key and dict(stats.params) == dict(pin.params):
                    found.append(stats)
                    break
        return found

    def _current_stats(self) -> SampleStats:
        self._require_curves()
        # Statistics still on their way would describe the previous settings.
        self._runner.wait_idle(STATS_WAIT_S)
        stats = self._controller.stats
        if stats is None:
            raise ValueError(
                QCoreApplication.translate(
                    "ExportCommands", "the statistics are not ready yet; try again in a moment"
                )
            )
        return stats

    def _require_curves(self) -> None:
        act = self._state.current
        if isinstance(act, VectorActivation):
            raise ValueError(
                QCoreApplication.translate(
                    "ExportCommands",
                    "{name} acts on whole vectors: it has no curves, histograms or statistics "
                    "to export",
                ).format(name=act.name)
            )

    def _plot(self, plot: str) -> pg.PlotWidget:
        if plot not in PLOTS:
            raise ValueError(f"plot must be one of {', '.join(PLOTS)}; got {plot!r}")
        self._require_curves()
        return self._plots.plots[list(PLOTS).index(plot)]

    def _label(self) -> str:
        return Pin(self._state.activation, self._state.params).label

    # -- with dialogs -----------------------------------------------------------------------
    def ask_window_png(self, scale: int = 1) -> None:
        """Ask for a file name, then save the window as a PNG at ``scale`` ×."""
        suffix = "" if scale == 1 else f"@{scale}x"
        self._ask(
            QCoreApplication.translate("ExportCommands", "Export window as PNG"),
            f"{self._state.activation}-window{suffix}.png",
            "png",
            lambda path: self.window_png(path, scale),
        )

    def ask_plot(self, plot: str, fmt: str) -> None:
        """Ask for a file name, then save the plot ``plot`` as ``fmt`` ("png" or "svg")."""
        if fmt not in ("png", "svg"):
            raise ValueError(f"fmt must be 'png' or 'svg'; got {fmt!r}")
        write = self.plot_png if fmt == "png" else self.plot_svg
        self._ask(
            QCoreApplication.translate("ExportCommands", "Export {plot} as {format}").format(
                plot=plot_title(plot), format=fmt.upper()
            ),
            f"{self._state.activation}-{plot}.{fmt}",
            fmt,
            lambda path: write(plot, path),
        )

    def ask_csv(self, kind: str) -> None:
        """Ask for a file name, then save the table ``kind`` as CSV."""
        self._ask(
            _tr(_CSV_TITLES[kind]) if kind in _CSV_TITLES else kind,
            f"{self._state.activation}-{kind}.csv",
            "csv",
            lambda path: self.csv(kind, path),
        )

    def last_folder(self) -> str:
        """The folder of the last export (the home folder at first)."""
        return remembered_folder(self._settings, FOLDER_KEY, self._folder)

    def remember_folder(self, path: Path) -> None:
        """Start the next export's dialog in the folder of ``path``."""
        self._folder = str(path.parent)
        if self._settings is not None:
            self._settings.setValue(FOLDER_KEY, self._folder)

    def _ask(self, title: str, name: str, fmt: str, write: Callable[[Path], Path]) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self._window, title, str(Path(self.last_folder()) / name), _tr(_FILTERS[fmt])
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        self.remember_folder(path)
        try:
            written = write(path)
        except EXPORT_ERRORS as exc:
            QMessageBox.warning(
                self._window,
                QCoreApplication.translate("ExportCommands", "Export failed"),
                core_locale.error_text(exc),
            )
            return None
        self._report(
            QCoreApplication.translate("ExportCommands", "Saved {path}").format(path=written)
        )
        return written

    def _report(self, message: str) -> None:
        if isinstance(self._window, QMainWindow):
            self._window.statusBar().showMessage(message, 6000)


__all__ = ["CSV_KINDS", "PLOTS", "ExportCommands", "plot_title"]
