"""PNG and SVG exports of plots and windows: the files parse and hold what was on screen."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QByteArray, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QGraphicsItem, QLabel, QVBoxLayout, QWidget

from actexplorer.gui.export import (
    export_png,
    export_svg,
    plot_to_image,
    plot_to_svg,
    widget_to_image,
)

SVG = "{http://www.w3.org/2000/svg}"
BLUE = "#0072b2"  # the tanh curve
ORANGE = "#e69f00"  # a pinned curve, dashed
X = np.linspace(-3.0, 3.0, 61)
LEGEND = ("tanh", "half")


def _make_plot() -> pg.PlotWidget:
    """A 400 × 300 plot of tanh with a legend and a dashed pinned curve."""
    widget = pg.PlotWidget()
    widget.setBackground("w")
    item = widget.getPlotItem()
    item.setTitle("Function")
    item.setLabel("bottom", "x")
    item.setLabel("left", "f(x)")
    item.showGrid(x=True, y=True)
    item.addLegend(offset=(8, 8))
    widget.plot(X, np.tanh(X), pen=pg.mkPen(BLUE, width=2.5), name="tanh")
    dashed = pg.mkPen(ORANGE, width=2, style=Qt.PenStyle.DashLine)
    widget.plot(X, 0.5 * X, pen=dashed, name="half")
    for name in ("left", "bottom"):
        # As in the app: cached axes must still reach the files as vectors.
        item.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    widget.setXRange(-3, 3, padding=0)
    widget.setYRange(-1.2, 1.2, padding=0)
    widget.resize(400, 300)
    return widget


@pytest.fixture
def plot(qtbot) -> pg.PlotWidget:
    """The plot of :func:`_make_plot`, shown."""
    widget = _make_plot()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _to_picture(plot: pg.PlotWidget, x: float, y: float) -> tuple[float, float]:
    """Where the data point (x, y) is drawn, in pixels of the plot widget."""
    view = plot.getPlotItem().getViewBox()
    # viewportTransform keeps the fractions that mapFromScene would round away.
    point = plot.viewportTransform().map(view.mapViewToScene(QPointF(x, y)))
    return point.x(), point.y()


def _is(colour: QColor, hex_colour: str, tolerance: int = 60) -> bool:
    target = QColor(hex_colour)
    return (
        abs(colour.red() - target.red())
        + abs(colour.green() - target.green())
        + abs(colour.blue() - target.blue())
    ) <= tolerance


def _near(image: QImage, x: float, y: float, hex_colour: str, radius: int = 2) -> bool:
    """Whether a pixel of ``hex_colour`` lies within ``radius`` of (x, y) (image pixels)."""
    cx, cy = round(x), round(y)
    return any(
        _is(image.pixelColor(cx + dx, cy + dy), hex_colour)
        for dx in range(-radius, radius + 1)
        for dy in range(-radius, radius + 1)
        if 0 <= cx + dx < image.width() and 0 <= cy + dy < image.height()
    )


def _column_run(image: QImage, x: int, hex_colour: str) -> int:
    return sum(_is(image.pixelColor(x, y), hex_colour) for y in range(image.height()))


# -- PNG ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scale", [1, 2, 4])
def test_png_of_a_plot_has_scale_times_the_size_and_the_curve_where_it_was(
    plot: pg.PlotWidget, tmp_path: Path, scale: int
) -> None:
    path = export_png(plot, tmp_path / f"plot@{scale}x.png", scale)
    image = QImage(str(path))
    assert not image.isNull()
    size = plot.viewport().size()
    assert (image.width(), image.height()) == (size.width() * scale, size.height() * scale)
    for x in (-2.0, -0.5, 0.0, 1.0, 2.5):
        px, py = _to_picture(plot, x, float(np.tanh(x)))
        assert _near(image, px * scale, py * scale, BLUE, radius=scale + 1), x
    # Away from every curve the background shows (or a faint grid line).
    px, py = _to_picture(plot, 2.1, -0.9)
    background = image.pixelColor(round(px * scale), round(py * scale))
    assert min(background.red(), background.green(), background.blue()) > 180


def test_png_lines_keep_their_on_screen_thickness_relative_to_the_picture(
    plot: pg.PlotWidget,
) -> None:
    # Not an upscaled bitmap and not hairlines: a 2.5 px line is ~10 px thick at 4×.
    px, _ = _to_picture(plot, -2.8, 0.0)
    thin = _column_run(plot_to_image(plot, 1), round(px), BLUE)
    thick = _column_run(plot_to_image(plot, 4), round(4 * px), BLUE)
    assert 1 <= thin <= 4
    assert 3 * thin <= thick <= 6 * thin


def test_png_records_a_resolution_matching_its_scale(plot: pg.PlotWidget) -> None:
    one, two = plot_to_image(plot, 1), plot_to_image(plot, 2)
    assert two.dotsPerMeterX() == pytest.approx(2 * one.dotsPerMeterX(), abs=1)


def test_curves_outside_the_view_are_clipped_in_the_png(plot: pg.PlotWidget) -> None:
    plot.setYRange(-0.2, 0.2, padding=0)
    image = plot_to_image(plot, 2)
    view = plot.getPlotItem().getViewBox()
    top = plot.mapFromScene(view.sceneBoundingRect().topLeft()).y()
    # tanh(2) = 0.96 lies far above the view: nothing blue above the plot area.
    px, _ = _to_picture(plot, 2.0, 0.0)
    above = [image.pixelColor(round(2 * px), y) for y in range(round(2 * top) - 2)]
    assert not any(_is(c, BLUE) for c in above)


def test_png_of_a_whole_window_shows_widgets_and_plots(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Activation: tanh"))
    plot = _make_plot()
    layout.addWidget(plot)
    window.resize(420, 380)
    window.show()
    qtbot.waitExposed(window)
    image = widget_to_image(window, 2)
    assert (image.width(), image.height()) == (2 * window.width(), 2 * window.height())
    corner = plot.viewport().mapTo(window, plot.viewport().rect().topLeft())
    for x in (-1.0, 0.0, 1.5):
        px, py = _to_picture(plot, x, float(np.tanh(x)))
        assert _near(image, 2 * (corner.x() + px), 2 * (corner.y() + py), BLUE, radius=3), x


def test_png_of_a_plain_widget_goes_through_export_png(qtbot, tmp_path: Path) -> None:
    label = QLabel("hello")
    qtbot.addWidget(label)
    label.resize(120, 40)
    path = export_png(label, tmp_path / "label.png", 4)
    assert QImage(str(path)).size().toTuple() == (480, 160)


# -- SVG ------------------------------------------------------------------------------------------


def _stroke(element: ET.Element, parents: dict[ET.Element, ET.Element]) -> str:
    node: ET.Element | None = element
    while node is not None:
        if node.get("stroke"):
            return node.get("stroke", "").lower()
        node = parents.get(node)
    return ""


def _points(d: str) -> np.ndarray:
    values = [float(v) for v in re.findall(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", d)]
    return np.array(values).reshape(-1, 2)


def _parse(data: bytes) -> tuple[ET.Element, dict[ET.Element, ET.Element]]:
    root = ET.fromstring(data)
    return root, {child: parent for parent in root.iter() for child in parent}


def test_svg_is_a_standalone_document_with_the_curve_at_its_data_points(
    plot: pg.PlotWidget, tmp_path: Path
) -> None:
    path = export_svg(plot, tmp_path / "plot.svg")
    root, parents = _parse(path.read_bytes())
    assert root.tag == f"{SVG}svg"
    size = plot.viewport().size()
    assert (root.get("width"), root.get("height")) == (str(size.width()), str(size.height()))
    assert root.findtext(f"{SVG}title") == "Function"
    curves = [
        p for p in root.iter(f"{SVG}path") if _stroke(p, parents) == BLUE and len(p.get("d")) > 200
    ]
    assert len(curves) == 1, "the tanh curve is one path"
    vertices = _points(curves[0].get("d", ""))
    assert len(vertices) >= X.size
    # Every data point is a vertex, at the pixel where the plot drew it.
    expected = np.array([_to_picture(plot, x, float(np.tanh(x))) for x in X])
    distance = np.min(np.linalg.norm(vertices[:, None, :] - expected[None, :, :], axis=2), axis=0)
    assert distance.max() < 0.01


def test_svg_has_axes_tick_labels_legend_and_no_bitmaps(plot: pg.PlotWidget) -> None:
    root, parents = _parse(plot_to_svg(plot))
    texts = {t.text.strip() for t in root.iter(f"{SVG}text") if t.text}
    assert {"-1", "0", "1", "x", "f(x)", "Function", "tanh", "half"} <= texts
    assert root.find(f".//{SVG}image") is None
    dashed = [p for p in root.iter() if _stroke(p, parents) == ORANGE and p.tag != f"{SVG}g"]
    assert dashed, "the pinned curve and its legend sample"
    assert any(
        (node.get("stroke-dasharray") or "") not in ("", "none")
        for p in dashed
        for node in (p, parents[p])
    )


def test_svg_strokes_need_no_transform_or_vector_effect(plot: pg.PlotWidget) -> None:
    root, parents = _parse(plot_to_svg(plot))
    shapes = [
        e
        for e in root.iter()
        if e.tag in (f"{SVG}path", f"{SVG}polyline", f"{SVG}polygon")
        and parents.get(e) is not None
        and parents[e].tag != f"{SVG}clipPath"
    ]
    assert shapes
    for shape in shapes:
        assert shape.get("vector-effect") is None
        node = parents.get(shape)
        while node is not None:
            assert "transform" not in node.attrib
            node = parents.get(node)


def test_svg_clips_curves_to_the_plot_area(plot: pg.PlotWidget) -> None:
    plot.setYRange(-0.2, 0.2, padding=0)
    root, parents = _parse(plot_to_svg(plot))
    curve = next(
        p for p in root.iter(f"{SVG}path") if _stroke(p, parents) == BLUE and len(p.get("d")) > 200
    )
    node, clip = curve, None
    while node is not None and clip is None:
        clip = node.get("clip-path")
        node = parents.get(node)
    assert clip is not None
    name = clip[len("url(#") : -1]
    area = root.find(f".//{SVG}clipPath[@id='{name}']/{SVG}path")
    assert area is not None
    corners = _points(area.get("d", ""))
    view = plot.getPlotItem().getViewBox().sceneBoundingRect()
    top_left, bottom_right = (
        plot.mapFromScene(view.topLeft()),
        plot.mapFromScene(view.bottomRight()),
    )
    assert corners[:, 0].min() == pytest.approx(top_left.x(), abs=1)
    assert corners[:, 1].max() == pytest.approx(bottom_right.y(), abs=1)
    # The axes are not clipped to that area: their labels sit outside it. (The legend lives in
    # the view box and is clipped with it, as on screen.)
    axis_texts = [t for t in root.iter(f"{SVG}text") if t.text and t.text.strip() not in LEGEND]
    assert len(axis_texts) >= 8
    for text in axis_texts:
        node = text
        while node is not None:
            assert node.get("clip-path") is None
            node = parents.get(node)


def test_svg_renders_back_to_the_plot(plot: pg.PlotWidget) -> None:
    renderer = QSvgRenderer(QByteArray(plot_to_svg(plot)))
    assert renderer.isValid()
    image = QImage(renderer.defaultSize(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    for x in (-2.0, 0.0, 1.0):
        px, py = _to_picture(plot, x, float(np.tanh(x)))
        assert _near(image, px, py, BLUE), x


def test_export_leaves_the_live_plot_as_it_was(plot: pg.PlotWidget) -> None:
    scene = plot.scene()
    items_before = len(scene.items())
    curve = plot.getPlotItem().listDataItems()[0].curve
    pen = curve.opts["pen"]
    ranges = plot.getPlotItem().getViewBox().viewRange()
    plot_to_svg(plot)
    plot_to_image(plot, 2)
    assert len(scene.items()) == items_before
    assert curve.opts["pen"] is pen
    assert plot.getPlotItem().getViewBox().viewRange() == ranges
    axis = plot.getPlotItem().getAxis("left")
    assert axis.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache


def test_a_plot_item_in_a_layout_exports_only_itself(qtbot) -> None:
    layout = pg.GraphicsLayoutWidget()
    qtbot.addWidget(layout)
    left = layout.addPlot(title="left")
    right = layout.addPlot(title="right")
    left.plot(X, np.tanh(X), pen=pg.mkPen(BLUE, width=2))
    right.plot(X, X, pen=pg.mkPen(ORANGE, width=2))
    layout.resize(600, 300)
    layout.show()
    qtbot.waitExposed(layout)
    root, parents = _parse(plot_to_svg(left))
    rect = left.sceneBoundingRect()
    assert float(root.get("width", "0")) == pytest.approx(rect.width(), abs=1)
    strokes = {_stroke(p, parents) for p in root.iter(f"{SVG}path")}
    assert BLUE in strokes
    assert ORANGE not in strokes
    assert plot_to_image(left, 2).width() == 2 * int(np.ceil(rect.width()))


def test_histograms_keep_their_fill_and_outline(qtbot) -> None:
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    edges = np.linspace(-1.0, 1.0, 11)
    widget.plot(
        edges, np.abs(edges[:-1]) + 0.1, stepMode="center", fillLevel=0,
        brush=(0, 114, 178, 70), pen=pg.mkPen(BLUE, width=1.5),
    )  # fmt: skip
    widget.resize(300, 200)
    widget.show()
    qtbot.waitExposed(widget)
    root, parents = _parse(plot_to_svg(widget))
    fills = [p for p in root.iter(f"{SVG}path") if (parents[p].get("fill") or "") == BLUE]
    assert fills, "the bars"
    outline = [p for p in root.iter(f"{SVG}path") if _stroke(p, parents) == BLUE]
    assert outline and len(_points(outline[0].get("d", ""))) >= 2 * 10


# -- errors ---------------------------------------------------------------------------------------


def test_a_missing_folder_is_named_and_leaves_nothing(plot: pg.PlotWidget, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "plot.svg"
    with pytest.raises(FileNotFoundError, match="nowhere"):
        export_svg(plot, missing)
    with pytest.raises(FileNotFoundError, match="nowhere"):
        export_png(plot, missing.with_suffix(".png"), 2)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_target_is_refused(plot: pg.PlotWidget, tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError, match=str(tmp_path)):
        export_png(plot, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_bad_scales_and_targets_are_refused(plot: pg.PlotWidget, tmp_path: Path) -> None:
    for scale in (0, 3, 8, True):
        with pytest.raises(ValueError, match="scale must be one of 1, 2, 4"):
            export_png(plot, tmp_path / "x.png", scale)
    with pytest.raises(TypeError, match="PlotWidget"):
        plot_to_svg(QLabel())  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
