"""Exports from the window: every action writes a file that reads back, with what is on screen;
errors show a message and change nothing; dialogs remember the folder; formulas to the clipboard."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication, QImage

from actexplorer.core import ACTIVATIONS, VectorActivation
from actexplorer.core.export import CURVE_COLUMNS, HISTOGRAM_COLUMNS, STATS_COLUMNS
from actexplorer.gui import MainWindow, export_commands
from actexplorer.gui.export_commands import CSV_KINDS, FOLDER_KEY, PLOT_PNG_SCALE, PLOTS


def read_csv(path: Path) -> tuple[str, list[str], list[list[str]]]:
    """The comment line, the header row and the data rows of an exported table."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ActExplorer ")
    rows = list(csv.reader(lines[1:]))
    return lines[0], rows[0], rows[1:]


@pytest.fixture
def pinned(window: MainWindow) -> MainWindow:
    """relu shown, tanh pinned, pinned histograms on, statistics in."""
    window.state.activation = "tanh"
    window.state.pin_current()
    window.state.activation = "relu"
    window.state.pin_histograms = True
    window.wait_until_idle()
    return window


class Dialogs:
    """Stands in for the file dialog and the message box, recording what they were asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: list[str] = []
        self.proposed: list[str] = []
        self.warnings: list[str] = []
        monkeypatch.setattr(
            export_commands.QFileDialog, "getSaveFileName", staticmethod(self._save_name)
        )
        monkeypatch.setattr(export_commands.QMessageBox, "warning", staticmethod(self._warning))

    def _save_name(self, _parent: object, _title: str, proposed: str, _filter: str):
        self.proposed.append(proposed)
        return (self.answers.pop(0) if self.answers else "", "")

    def _warning(self, _parent: object, _title: str, text: str) -> None:
        self.warnings.append(text)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


# -- pictures -------------------------------------------------------------------------------
@pytest.mark.parametrize("scale", [1, 2, 4])
def test_window_png_at_each_scale(window: MainWindow, tmp_path: Path, scale: int) -> None:
    path = window.exports.window_png(tmp_path / "window.png", scale)
    image = QImage(str(path))
    assert (image.width(), image.height()) == (window.width() * scale, window.height() * scale)


@pytest.mark.parametrize("plot", list(PLOTS))
def test_each_plot_as_png_and_svg(window: MainWindow, tmp_path: Path, plot: str) -> None:
    widget = window.plots.plots[list(PLOTS).index(plot)]
    png = window.exports.plot_png(plot, tmp_path / f"{plot}.png")
    image = QImage(str(png))
    size = widget.viewport().size()
    assert (image.width(), image.height()) == (
        size.width() * PLOT_PNG_SCALE,
        size.height() * PLOT_PNG_SCALE,
    )
    svg = window.exports.plot_svg(plot, tmp_path / f"{plot}.svg")
    root = ET.parse(svg).getroot()
    assert root.tag.rpartition("}")[2] == "svg"
    assert (root.get("width"), root.get("height")) == (str(size.width()), str(size.height()))
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and window.state.current.name in (title.text or "")
    # The curve or the histogram is drawn as a path of many points.
    longest = max(len(p.get("d", "")) for p in root.iter("{http://www.w3.org/2000/svg}path"))
    assert longest > 500


# -- tables of what is on screen --------------------------------------------------------------
def test_curves_csv_holds_the_drawn_curve_and_the_pins(pinned: MainWindow, tmp_path: Path) -> None:
    comment, header, rows = read_csv(pinned.exports.curves_csv(tmp_path / "curves.csv"))
    assert header == list(CURVE_COLUMNS)
    assert "activation: relu()" in comment and "pinned: tanh()" in comment
    curve = pinned.controller.curve
    assert curve is not None
    mine = [r for r in rows if r[0] == "relu()"]
    assert len(mine) == len(curve.x)
    np.testing.assert_array_equal([float(r[1]) for r in mine], curve.x)
    np.testing.assert_array_equal([float(r[2]) for r in mine], curve.f)
    pin_rows = [r for r in rows if r[0] == "tanh()"]
    assert len(pin_rows) == len(rows) - len(mine) > 1000
    x = np.array([float(r[1]) for r in pin_rows])
    np.testing.assert_allclose([float(r[2]) for r in pin_rows], np.tanh(x), rtol=1e-12)


def test_histograms_csv_holds_the_shown_bins(pinned: MainWindow, tmp_path: Path) -> None:
    _, header, rows = read_csv(pinned.exports.histograms_csv(tmp_path / "hist.csv"))
    assert header == list(HISTOGRAM_COLUMNS)
    stats = pinned.controller.stats
    assert stats is not None and stats.activation == "relu"
    outputs = [r for r in rows if r[:2] == ["relu()", "f(X)"]]
    assert len(outputs) == len(stats.output_hist.counts) + 2
    assert sum(int(r[4]) for r in outputs) == stats.n - stats.nan_count
    assert {(r[0], r[1]) for r in rows} == {
        ("relu()", "f(X)"),
        ("relu()", "f'(X)"),
        ("relu()", "X"),
        ("tanh()", "f(X)"),
        ("tanh()", "f'(X)"),
    }


def test_statistics_csv_matches_the_panel(pinned: MainWindow, tmp_path: Path) -> None:
    _, header, rows = read_csv(pinned.exports.statistics_csv(tmp_path / "stats.csv"))
    assert header == list(STATS_COLUMNS)
    stats = pinned.controller.stats
    assert stats is not None
    table = {r[1]: r for r in rows}
    assert {r[0] for r in rows} == {"relu()"}
    assert float(table["mean"][2]) == stats.mean
    assert int(table["samples"][2]) == pinned.state.n_samples
    assert stats.exact is not None
    assert float(table["mean"][3]) == stats.exact.mean


def test_a_vector_function_has_nothing_to_export(window: MainWindow, tmp_path: Path) -> None:
    vector = [k for k, a in ACTIVATIONS.items() if isinstance(a, VectorActivation)]
    if not vector:
        pytest.skip("no vector function in the catalog yet")
    window.state.activation = vector[0]
    assert not window.action("export_curves_csv").isEnabled()
    assert not window.action("export_function_svg").isEnabled()
    assert window.action("exportWindowPng1x").isEnabled()
    with pytest.raises(ValueError, match="whole vectors"):
        window.exports.curves_csv(tmp_path / "curves.csv")
    assert not (tmp_path / "curves.csv").exists()
    window.state.activation = "relu"
    assert window.action("export_curves_csv").isEnabled()


# -- the menu, its dialogs and its errors --------------------------------------------------------
def test_every_export_action_writes_a_readable_file(
    pinned: MainWindow, tmp_path: Path, dialogs: Dialogs
) -> None:
    # The animation's GIF asks for its options first: tests/gui/test_gif_export.py covers it.
    names = [n for n in pinned._actions if n.startswith("export") and n != "exportAnimationGif"]
    assert len(names) == 3 + 2 * len(PLOTS) + len(CSV_KINDS)
    for name in names:
        ext = name.rpartition("_")[2] if "_" in name else "png"
        dialogs.answers.append(str(tmp_path / f"{name}.{ext}"))
        pinned.action(name).trigger()
    assert dialogs.warnings == []
    for name in names:
        ext = name.rpartition("_")[2] if "_" in name else "png"
        path = tmp_path / f"{name}.{ext}"
        assert path.stat().st_size > 100, name
        if ext == "png":
            assert not QImage(str(path)).isNull(), name
        elif ext == "svg":
            assert ET.parse(path).getroot().tag.endswith("svg"), name
        else:
            assert len(read_csv(path)[2]) > 10, name
    assert QImage(str(tmp_path / "exportWindowPng4x.png")).width() == 4 * pinned.width()
    assert "Saved" in pinned.statusBar().currentMessage()


def test_a_name_without_extension_gets_one(
    window: MainWindow, tmp_path: Path, dialogs: Dialogs
) -> None:
    dialogs.answers.append(str(tmp_path / "plain"))
    window.action("export_derivative_svg").trigger()
    assert (tmp_path / "plain.svg").is_file()


def test_an_unwritable_path_shows_the_message_and_changes_nothing(
    window: MainWindow, tmp_path: Path, dialogs: Dialogs
) -> None:
    before = window.state.to_dict()
    missing = tmp_path / "no such folder" / "curves.csv"
    dialogs.answers.append(str(missing))
    window.action("export_curves_csv").trigger()
    assert len(dialogs.warnings) == 1
    assert "no such folder" in dialogs.warnings[0]
    assert not missing.parent.exists()
    assert window.state.to_dict() == before
    # Straight to a path, the error is raised.
    with pytest.raises(OSError, match="does not exist"):
        window.exports.window_png(missing.with_suffix(".png"))


def test_dialogs_remember_the_last_folder(
    qtbot, window: MainWindow, tmp_path: Path, dialogs: Dialogs, settings_path: Path
) -> None:
    folder = tmp_path / "figures"
    folder.mkdir()
    dialogs.answers.append(str(folder / "f.svg"))
    window.action("export_function_svg").trigger()
    window.action("export_statistics_csv").trigger()  # cancelled: no answer left
    assert Path(dialogs.proposed[1]).parent == folder
    assert Path(dialogs.proposed[1]).name == "relu-statistics.csv"
    window.close()
    reread = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert reread.value(FOLDER_KEY, "", type=str) == str(folder)
    again = MainWindow(reread)
    qtbot.addWidget(again)
    assert again.exports.last_folder() == str(folder)


def test_copy_formula_puts_the_latex_on_the_clipboard(window: MainWindow) -> None:
    clipboard = QGuiApplication.clipboard()
    for key in ("relu", "tanh", "gelu"):
        if key not in ACTIVATIONS:
            continue
        window.state.activation = key
        clipboard.clear()
        window.action("copyFormula").trigger()
        assert clipboard.text() == ACTIVATIONS[key].formula.latex
        assert clipboard.text().strip()
    assert window.action("copyFormula").shortcut().toString() == "Ctrl+Shift+C"
