"""The lean plot items draw what pyqtgraph's own items draw, with fewer segments."""

from __future__ import annotations

import itertools

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from actexplorer.core import ACTIVATIONS
from actexplorer.gui.lean_items import (
    THIN_PASSES,
    THIN_TOLERANCE_PX,
    LeanCurve,
    LeanDataItem,
    add_lean_item,
    thin,
)

X = np.linspace(-6.0, 6.0, 2003)


def _deviation(x: np.ndarray, y: np.ndarray, keep: np.ndarray) -> float:
    """Largest distance of a point of (x, y) from the polyline through the kept points."""
    worst = 0.0
    for a, b in itertools.pairwise(keep):
        px, py = x[a : b + 1] - x[a], y[a : b + 1] - y[a]
        dx, dy = x[b] - x[a], y[b] - y[a]
        worst = max(worst, float(np.max(np.abs(px * dy - py * dx)) / np.hypot(dx, dy)))
    return worst


@pytest.mark.parametrize("key", ["relu", "elu", "gelu", "sigmoid", "snake", "hardtanh", "sinc"])
def test_thinning_keeps_every_point_within_its_bound(key: str) -> None:
    f = ACTIVATIONS[key].forward(X)
    x = 40.0 + (X + 6.0) / 12.0 * 520.0  # a plot 520 px wide
    y = 300.0 - (f - f.min()) / (f.max() - f.min()) * 280.0
    keep = thin(x, y)
    assert keep[0] == 0 and keep[-1] == X.size - 1
    assert np.all(np.diff(keep) > 0)
    # Within the passes' summed tolerance, and so within a quarter pixel: nothing visible moves.
    assert _deviation(x, y, keep) <= min(THIN_TOLERANCE_PX * THIN_PASSES, 0.25)
    assert keep.size < X.size // 2  # far fewer segments to stroke


def test_thinning_keeps_a_kink_and_drops_a_straight_run() -> None:
    x = np.arange(101, dtype=float)
    y = np.where(x < 50, 0.0, x - 50.0)  # ReLU's corner at 50
    keep = thin(x, y)
    assert 50 in keep
    straight = thin(x, 2.0 * x)
    assert straight.size <= 101 // 2**THIN_PASSES + 3


def test_thinning_short_lines_unchanged() -> None:
    for n in (0, 1, 2):
        assert thin(np.arange(n, dtype=float), np.zeros(n)).tolist() == list(range(n))


def _render(qtbot, make, x, y, **opts) -> np.ndarray:  # type: ignore[no-untyped-def]
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.setBackground("w")
    widget.resize(560, 330)
    item = make(widget.getPlotItem(), **opts)
    item.setPen(pg.mkPen("#1f77b4", width=2.5))
    if opts.get("fillLevel") is not None:
        item.setBrush(pg.mkBrush(31, 119, 180, 70))
    item.setData(x, y)
    widget.getPlotItem().getViewBox().setRange(
        xRange=(x[0], x[-1]), yRange=(np.nanmin(y) - 0.5, np.nanmax(y) + 0.5)
    )
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    bits = np.frombuffer(image.constBits(), np.uint8)
    return bits.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3].copy()


def _plain(plot_item, **opts):  # type: ignore[no-untyped-def]
    return plot_item.plot(**opts)


@pytest.mark.parametrize("key", ["elu", "snake", "threshold", "hardtanh"])
def test_curve_looks_like_pyqtgraphs_own(qtbot, key: str) -> None:
    f = ACTIVATIONS[key].forward(X)
    if key == "threshold":
        f = f.copy()
        f[1000] = np.nan  # a break, as the curves carry at a jump
    plain = _render(qtbot, _plain, X, f, connect="finite")
    lean = _render(qtbot, add_lean_item, X, f, connect="finite")
    ink = np.any(plain < 200, axis=2)
    differ = np.any(plain != lean, axis=2)
    assert ink.sum() > 1000
    # Only stray edge pixels differ (joins of a polyline against separate segments).
    assert differ.sum() < 0.03 * ink.sum()
    # Nothing is drawn far from where pyqtgraph draws.
    lean_ink = np.any(lean < 200, axis=2)
    near = ink | np.roll(ink, 1, 0) | np.roll(ink, -1, 0) | np.roll(ink, 1, 1) | np.roll(ink, -1, 1)
    assert not np.any(lean_ink & ~near)


def test_histogram_looks_like_pyqtgraphs_own(qtbot) -> None:
    density, edges = np.histogram(np.random.default_rng(3).normal(size=20_000), 80, density=True)
    opts = {"stepMode": "center", "fillLevel": 0, "antialias": False}
    plain = _render(qtbot, _plain, edges, density, **opts)
    lean = _render(qtbot, add_lean_item, edges, density, **opts)
    filled = np.any(plain != 255, axis=2)
    assert np.count_nonzero(np.any(plain != lean, axis=2)) < 0.01 * np.count_nonzero(filled)


def test_outline_histogram_and_item_contract(qtbot) -> None:
    density, edges = np.histogram(np.random.default_rng(4).normal(size=5_000), 40, density=True)
    opts = {"stepMode": "center", "antialias": False}
    plain = _render(qtbot, _plain, edges, density, **opts)
    lean = _render(qtbot, add_lean_item, edges, density, **opts)
    ink = np.any(plain < 200, axis=2)
    assert np.count_nonzero(np.any(plain != lean, axis=2)) < 0.03 * np.count_nonzero(ink)
    item = LeanDataItem(connect="finite")
    item.setData(X, np.tanh(X))
    assert isinstance(item.curve, LeanCurve)
    np.testing.assert_array_equal(item.yData, np.tanh(X))
    assert [child for child in item.childItems() if isinstance(child, pg.PlotCurveItem)] == [
        item.curve
    ]


def test_many_gaps_and_gaps_in_a_histogram_take_pyqtgraphs_path(qtbot) -> None:
    f = np.sin(X)
    f[::10] = np.nan  # 200 pieces
    plain = _render(qtbot, _plain, X, f, connect="finite")
    lean = _render(qtbot, add_lean_item, X, f, connect="finite")
    np.testing.assert_array_equal(plain, lean)
    density, edges = np.histogram(np.random.default_rng(5).normal(size=5_000), 40, density=True)
    density[3] = np.nan
    opts = {"stepMode": "center", "fillLevel": 0, "antialias": False}
    plain = _render(qtbot, _plain, edges, density, **opts)
    lean = _render(qtbot, add_lean_item, edges, density, **opts)
    np.testing.assert_array_equal(plain, lean)


def test_polygons_without_pyqtgraphs_memory_helpers(monkeypatch) -> None:
    from actexplorer.gui import lean_items

    x, y = np.array([0.0, 1.5, 3.0]), np.array([2.0, -1.0, 4.0])
    fast = lean_items._polygon(x, y)
    monkeypatch.delattr(pg.functions, "create_qpolygonf")
    slow = lean_items._polygon(x, y)
    assert (
        [(p.x(), p.y()) for p in slow]
        == [(p.x(), p.y()) for p in fast]
        == list(zip(x.tolist(), y.tolist(), strict=True))
    )
