"""CSV exports of curves, histograms and statistics, and the all-or-nothing file write."""

from __future__ import annotations

import csv
import io
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import actexplorer
from actexplorer.core import ACTIVATIONS, get
from actexplorer.core.export import (
    CURVE_COLUMNS,
    HISTOGRAM_COLUMNS,
    STATS_COLUMNS,
    CurveSeries,
    curves_csv,
    describe_function,
    histograms_csv,
    stats_csv,
    write_file,
)
from actexplorer.core.stats import InputDistribution, sample_stats


def _read(text: str) -> tuple[str, list[str], list[list[str]]]:
    """The comment line, the header row and the data rows of an exported CSV."""
    lines = text.splitlines()
    assert lines[0].startswith("# ")
    rows = list(csv.reader(io.StringIO("\n".join(lines[1:]))))
    return lines[0], rows[0], rows[1:]


def _stats(key: str, params: dict[str, object] | None = None, bins: int = 12):
    return sample_stats(get(key), params, InputDistribution("normal"), 4_000, 7, bins=bins)


# -- curves ---------------------------------------------------------------------------------------


def test_curve_numbers_read_back_exactly_and_the_header_names_the_function() -> None:
    act = get("tanh")
    x = np.linspace(-4.0, 4.0, 257)
    f, df = act.value_and_derivative(x)
    text = curves_csv([CurveSeries("tanh", act.resolve(None), x, f, df)])
    comment, header, rows = _read(text)
    assert f"ActExplorer {actexplorer.__version__}" in comment
    assert "activation: tanh()" in comment
    assert tuple(header) == CURVE_COLUMNS
    assert len(rows) == x.size
    table = np.array([[float(v) for v in row[1:]] for row in rows])
    # repr round-trips: the file holds the plotted floats bit for bit.
    np.testing.assert_array_equal(table[:, 0], x)
    np.testing.assert_array_equal(table[:, 1], f)
    np.testing.assert_array_equal(table[:, 2], df)
    assert {row[0] for row in rows} == {"tanh()"}


def test_pinned_curves_follow_the_current_one_with_their_own_grid_and_parameters() -> None:
    key = "leaky_relu" if "leaky_relu" in ACTIVATIONS else "relu"
    pinned = get(key)
    params = pinned.resolve(None)
    current = CurveSeries("sigmoid", {}, [-1.0, 0.0, 1.0], [0.25, 0.5, 0.75], [0.2, 0.25, 0.2])
    other = CurveSeries(key, params, [-1.0, 1.0], [-0.01, 1.0], [0.01, 1.0])
    comment, _, rows = _read(curves_csv([current, other]))
    label = describe_function(key, params)
    assert f"pinned: {label}" in comment
    assert [row[0] for row in rows] == ["sigmoid()"] * 3 + [label] * 2
    assert [float(v) for v in rows[3][1:]] == [-1.0, -0.01, 0.01]


def test_gaps_and_infinities_survive_the_round_trip() -> None:
    x = np.array([-1.0, 0.0, 1.0])
    f = np.array([0.0, np.nan, np.inf])
    df = np.array([-np.inf, np.nan, 1.0])
    _, _, rows = _read(curves_csv([CurveSeries("step", {}, x, f, df)]))
    values = np.array([[float(v) for v in row[1:]] for row in rows])
    np.testing.assert_array_equal(values[:, 1], f)  # NaN == NaN for assert_array_equal
    np.testing.assert_array_equal(values[:, 2], df)


def test_curves_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="f of tanh\\(\\) has 2 values where x has 3"):
        curves_csv([CurveSeries("tanh", {}, [0.0, 1.0, 2.0], [0.0, 1.0], [1.0, 1.0, 1.0])])
    with pytest.raises(ValueError, match="one-dimensional"):
        curves_csv([CurveSeries("tanh", {}, np.zeros((2, 2)), [0.0], [0.0])])


def test_parameters_are_written_with_their_names_and_values() -> None:
    assert describe_function("elu", {"alpha": 0.5}) == "elu(alpha=0.5)"
    assert describe_function("gelu", {"approximate": "tanh"}) == "gelu(approximate='tanh')"
    assert describe_function("relu", {}) == "relu()"
    # A comment line stays one line whatever a label holds.
    text = curves_csv([CurveSeries("odd\nname", {}, [0.0], [0.0], [0.0])])
    assert text.splitlines()[1] == ",".join(CURVE_COLUMNS)


# -- histograms -----------------------------------------------------------------------------------


def test_histogram_rows_hold_the_bins_counts_and_densities() -> None:
    stats = _stats("tanh")
    comment, header, rows = _read(histograms_csv(stats))
    assert tuple(header) == HISTOGRAM_COLUMNS
    assert "activation: tanh()" in comment
    assert "n=4000" in comment and "seed=7" in comment and "normal(" in comment
    for quantity, hist in (
        ("f(X)", stats.output_hist),
        ("f'(X)", stats.derivative_hist),
        ("X", stats.input_hist),
    ):
        mine = [row for row in rows if row[1] == quantity]
        # One row per bin plus the two open-ended bins for values outside the range.
        assert len(mine) == hist.counts.size + 2
        left = np.array([float(r[2]) for r in mine])
        right = np.array([float(r[3]) for r in mine])
        counts = np.array([int(r[4]) for r in mine])
        density = np.array([float(r[5]) for r in mine])
        np.testing.assert_array_equal(left[1:-1], hist.edges[:-1])
        np.testing.assert_array_equal(right[1:-1], hist.edges[1:])
        np.testing.assert_array_equal(counts[1:-1], hist.counts)
        np.testing.assert_array_equal(density[1:-1], hist.density())
        assert (left[0], right[0], counts[0]) == (-math.inf, hist.edges[0], hist.below)
        assert (left[-1], right[-1], counts[-1]) == (hist.edges[-1], math.inf, hist.above)
        assert counts.sum() == hist.total == stats.n


def test_pinned_histograms_carry_their_own_label_and_no_input_histogram() -> None:
    current, pinned = _stats("tanh"), _stats("relu", bins=5)
    comment, _, rows = _read(histograms_csv(current, [pinned]))
    assert "pinned: relu()" in comment
    relu_rows = [row for row in rows if row[0] == "relu()"]
    assert {row[1] for row in relu_rows} == {"f(X)", "f'(X)"}
    assert len(relu_rows) == 2 * (5 + 2)
    counts = [int(r[4]) for r in relu_rows if r[1] == "f(X)"]
    assert counts[1:-1] == pinned.output_hist.counts.tolist()


# -- statistics -----------------------------------------------------------------------------------


def test_statistics_hold_the_sampled_and_exact_values() -> None:
    stats = _stats("tanh")
    assert stats.exact is not None
    comment, header, rows = _read(stats_csv(stats))
    assert tuple(header) == STATS_COLUMNS
    assert "statistics" in comment and "activation: tanh()" in comment
    table = {row[1]: row for row in rows}
    assert float(table["mean"][2]) == stats.mean
    assert float(table["mean"][3]) == stats.exact.mean
    assert float(table["std"][2]) == stats.std
    assert float(table["std"][3]) == stats.exact.std
    assert float(table["mean f'^2"][3]) == stats.exact.mean_sq_derivative
    assert float(table["min"][2]) == stats.min and table["min"][3] == ""
    assert float(table["dead fraction"][2]) == stats.dead_fraction
    assert int(table["samples"][2]) == stats.n == 4_000


def test_statistics_of_pinned_functions_follow() -> None:
    current, pinned = _stats("sigmoid"), _stats("relu")
    _, _, rows = _read(stats_csv(current, [pinned]))
    relu = {row[1]: row for row in rows if row[0] == "relu()"}
    assert float(relu["dead fraction"][2]) == pinned.dead_fraction
    assert 0.4 < pinned.dead_fraction < 0.6
    assert len(rows) == 2 * len(relu)


# -- writing files --------------------------------------------------------------------------------


def test_write_file_writes_text_as_utf8(tmp_path: Path) -> None:
    target = tmp_path / "curves.csv"
    assert write_file(target, "x,f′\n") == target
    assert target.read_bytes() == "x,f′\n".encode()
    write_file(target, b"\x89PNG")
    assert target.read_bytes() == b"\x89PNG"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["curves.csv"]


def test_a_missing_folder_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "out.csv"
    with pytest.raises(FileNotFoundError, match="no such folder"):
        write_file(target, "data")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError, match=str(tmp_path)):
        write_file(tmp_path, "data")
    with pytest.raises(ValueError, match="not a file name"):
        write_file("", "data")


def test_a_failed_write_leaves_the_old_file_and_no_partial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "stats.csv"
    target.write_text("old")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError, match=r"cannot write .*stats\.csv: Permission denied"):
        write_file(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["stats.csv"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere"
)
def test_a_read_only_folder_gives_a_permission_error_naming_the_path(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(PermissionError, match="locked"):
            write_file(folder / "out.svg", "data")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_the_export_module_imports_no_qt() -> None:
    code = (
        "import sys, actexplorer.core.export\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
