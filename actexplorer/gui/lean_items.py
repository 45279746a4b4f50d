"""Plot items that paint the explorer's curves and histograms with less work per repaint.

pyqtgraph's :class:`~pyqtgraph.PlotCurveItem` strokes every one of a curve's 2,000-odd segments,
although several of them share one pixel column of a plot a few hundred pixels wide, and its
Python paint path rebuilds segment arrays and fill paths on each change. :class:`LeanCurve` maps
the data to device pixels itself, drops the points that lie within a twentieth of a pixel of
the chord between their neighbours (a few passes, so at most about a quarter of a pixel in
all), and draws what is left as polylines, breaking them at NaN as ``connect="finite"`` does.
A step histogram with a fill becomes one polygon and one polyline. What is drawn matches the
plain item to within that quarter pixel; exports (which set pyqtgraph's export options), other
connection modes, fills and sheared transforms take pyqtgraph's own path unchanged.

:class:`LeanDataItem` is a :class:`~pyqtgraph.PlotDataItem` whose curve is a
:class:`LeanCurve`, so legends, log mode, data access and exports work as with any data item.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPolygonF, QTransform

#: A point is dropped when it lies within this many pixels of the chord between its neighbours.
THIN_TOLERANCE_PX = 0.05
#: Thinning passes; each can drop every other point, and the deviations of successive passes
#: add up, so what is drawn stays within THIN_TOLERANCE_PX * THIN_PASSES of every data point.
THIN_PASSES = 5
#: The most general transform the lean path handles: scaling and translation.
_SCALE = QTransform.TransformationType.TxScale.value
#: A curve broken into more pieces than this is left to pyqtgraph (one call per piece here).
_MAX_RUNS = 64


def thin(x: np.ndarray, y: np.ndarray, tolerance: float = THIN_TOLERANCE_PX) -> np.ndarray:
    """Indices of the points of the polyline (x, y) worth drawing, in device pixels.

    Each pass looks at every other remaining point and drops it when its distance from the
    chord between its two neighbours is at most ``tolerance``. The first and last points are
    always kept, and so is every point where the line turns by more than the tolerance (a kink
    stays sharp). ``x`` must increase along the line, as a function's samples do.
    """
    keep = np.arange(x.size)
    limit = tolerance * tolerance
    for _ in range(THIN_PASSES):
        n = keep.size
        if n < 3:
            break
        a, m, b = keep[0 : n - 2 : 2], keep[1 : n - 1 : 2], keep[2:n:2]
        ax, ay = x[a], y[a]
        dx, dy = x[b] - ax, y[b] - ay
        cross = (x[m] - ax) * dy - (y[m] - ay) * dx
        chord = dx * dx + dy * dy
        drop = (cross * cross <= limit * chord) & (chord > 0.0)
        if not drop.any():
            break
        mask = np.ones(n, dtype=bool)
        mask[1 : n - 1 : 2] = ~drop
        keep = keep[mask]
    return keep


def _polygon(x: np.ndarray, y: np.ndarray) -> QPolygonF:
    """The points (x, y) as a polygon, written straight into its memory where pyqtgraph's
    helpers for that exist (a pyqtgraph without them gets the polygon point by point)."""
    create = getattr(pg.functions, "create_qpolygonf", None)
    view = getattr(pg.functions, "ndarray_from_qpolygonf", None)
    if create is None or view is None:
        return QPolygonF([QPointF(a, b) for a, b in zip(x.tolist(), y.tolist(), strict=True)])
    polygon = create(x.size)
    points = view(polygon)
    points[:, 0] = x
    points[:, 1] = y
    return polygon


def _runs(finite: np.ndarray) -> list[tuple[int, int]]:
    """(start, stop) of each stretch of True in ``finite``."""
    if finite.all():
        return [(0, finite.size)]
    edges = np.flatnonzero(np.diff(np.concatenate(([False], finite, [False])).astype(np.int8)))
    return list(zip(edges[0::2].tolist(), edges[1::2].tolist(), strict=True))


class LeanCurve(pg.PlotCurveItem):
    """A :class:`~pyqtgraph.PlotCurveItem` that paints lines and filled step histograms in
    device pixels, thinned to the screen's resolution (see the module doc)."""

    @pg.debug.warnOnException  # an exception escaping a paint method would end the process
    def paint(self, p: QPainter, opt: Any, widget: Any) -> None:
        x, y = self.xData, self.yData
        if x is None or len(x) == 0:
            return
        transform = p.transform()
        if not self._lean(transform):
            super().paint(p, opt, widget)
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, bool(self.opts["antialias"]))
        p.setTransform(QTransform())  # the world transform only: the view's stays
        try:
            sx, sy, tx, ty = transform.m11(), transform.m22(), transform.dx(), transform.dy()
            X = x * sx + tx
            Y = y * sy + ty
            if self.opts["stepMode"]:
                if np.isfinite(X).all() and np.isfinite(Y).all():
                    self._paint_steps(p, X, Y, ty + sy * float(self.opts["fillLevel"] or 0.0))
                    return
            else:
                runs = _runs(np.isfinite(X) & np.isfinite(Y))
                if len(runs) <= _MAX_RUNS:
                    self._paint_line(p, X, Y, runs)
                    return
        finally:
            p.setTransform(transform)
        # Gaps in a histogram, or a curve in many pieces: pyqtgraph's own way.
        super().paint(p, opt, widget)

    def _lean(self, transform: QTransform) -> bool:
        """True when this paint can take the lean path."""
        opts = self.opts
        if getattr(self, "_exportOpts", True) is not False or opts.get("shadowPen") is not None:
            return False
        if opts.get("compositionMode") is not None or transform.type().value > _SCALE:
            return False
        connect = opts.get("connect")
        if not isinstance(connect, str) or connect not in ("all", "finite"):
            return False
        fill = opts.get("fillLevel")
        step = opts.get("stepMode")
        if step:
            return (
                step in ("center", True)
                and len(self.xData) == len(self.yData) + 1
                and (fill is None or isinstance(fill, (int, float)))
            )
        return fill is None and len(self.xData) == len(self.yData)

    def _paint_line(
        self, p: QPainter, X: np.ndarray, Y: np.ndarray, runs: list[tuple[int, int]]
    ) -> None:
        pen = self.opts["pen"]
        if pen is None or pen.style() == Qt.PenStyle.NoPen:
            return
        p.setPen(pen)
        # The tolerance is in device pixels: on a high-density screen a logical pixel has more.
        ratio = p.device().devicePixelRatioF() if p.device() is not None else 1.0
        tolerance = THIN_TOLERANCE_PX / max(1.0, ratio)
        for start, stop in runs:
            if stop - start < 2:
                continue  # a lone finite point between gaps joins nothing
            xs, ys = X[start:stop], Y[start:stop]
            keep = thin(xs, ys, tolerance)
            p.drawPolyline(_polygon(xs[keep], ys[keep]))

    def _paint_steps(self, p: QPainter, X: np.ndarray, Y: np.ndarray, base: float) -> None:
        """A histogram in pyqtgraph's "center" step mode: ``X`` holds the edges, ``Y`` the
        heights (all finite); filled down to ``base`` when the item has a fill level and a
        brush."""
        xs = np.repeat(X, 2)
        brush = self.opts["brush"]
        filled = self.opts["fillLevel"] is not None
        if filled:
            ys = np.empty(xs.size)
            ys[0] = ys[-1] = base
            ys[1:-1] = np.repeat(Y, 2)
        else:
            xs = xs[1:-1]
            ys = np.repeat(Y, 2)
        polygon = _polygon(xs, ys)
        if filled and brush is not None and brush.style() != Qt.BrushStyle.NoBrush:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(brush)
            p.drawPolygon(polygon)
        pen = self.opts["pen"]
        if pen is not None and pen.style() != Qt.PenStyle.NoPen:
            p.setPen(pen)
            p.drawPolyline(polygon)


class LeanDataItem(pg.PlotDataItem):
    """A :class:`~pyqtgraph.PlotDataItem` drawn by a :class:`LeanCurve`."""

    def __init__(self, **opts: Any) -> None:
        super().__init__()
        plain = self.curve
        plain.sigClicked.disconnect(self.sigClicked)
        plain.setParentItem(None)
        shiboken6.delete(plain)
        self.curve = LeanCurve()
        self.curve.setParentItem(self)
        self.curve.sigClicked.connect(self.sigClicked)
        if opts:
            self.setData(**opts)


def add_lean_item(plot_item: pg.PlotItem, **opts: Any) -> LeanDataItem:
    """A :class:`LeanDataItem` with ``opts``, added to ``plot_item`` (like ``plot_item.plot``)."""
    item = LeanDataItem(**opts)
    plot_item.addItem(item)
    return item
