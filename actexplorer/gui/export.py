"""Pictures of plots and windows: PNG at 1×, 2× or 4× and standalone SVG of a plot.

SVG does not use pyqtgraph's ``SVGExporter``: in pyqtgraph 0.14 it cannot read the path syntax of
Qt ≥ 6.11 ("not enough values to unpack" in ``correctCoordinates``). The plot is instead painted
with Qt's own ``QSvgGenerator`` in SVG 1.1 mode, which writes clip paths, and the result tidied:

* every curve is drawn as one path in scene coordinates at full precision (Qt writes numbers
  with six significant digits, which in data coordinates can blur a zoomed-in curve, and it draws
  thick lines as hundreds of two-point segments);
* the remaining groups' transforms are applied to the coordinates, so strokes need no
  ``vector-effect`` (which slide and drawing programs ignore, drawing hairlines as huge bands);
* the size is set in pixels, fonts get a generic fallback and empty groups are dropped.

A PNG of a plot is that SVG drawn at 1×, 2× or 4× its size. Painting the scene straight into a
bigger image would keep pyqtgraph's cosmetic pens one screen pixel wide, so at 4× every line
would be a quarter as thick as on screen; through the SVG, lines, text and markers all scale and
the picture looks as on screen, only sharper. A window is painted by Qt at the higher resolution
with its plots drawn over it the same way. Images record a matching resolution (96 dpi × scale),
so a slide shows a 2× image at the size of the 1× one.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QRegion,
    QTransform,
)
from PySide6.QtSvg import QSvgGenerator, QSvgRenderer
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QWidget

from actexplorer import __version__
from actexplorer.core.export import write_file
from actexplorer.gui.export_scales import SCALES

__all__ = [
    "SCALES",
    "export_png",
    "export_svg",
    "plot_to_image",
    "plot_to_svg",
    "widget_to_image",
]

_SVG = "http://www.w3.org/2000/svg"
_DOTS_PER_METER_1X = 96 / 0.0254  # 96 dpi: the logical resolution of a desktop at 100 %

#: What can be drawn as a plot: a PlotWidget (or any pyqtgraph view), or a PlotItem in a scene.
PlotTarget = pg.GraphicsView | pg.PlotItem


# -- what to draw ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Plot:
    """A plot's scene, the items that make it up, the view showing it and the area to draw."""

    scene: QGraphicsScene
    roots: Sequence[QGraphicsItem]
    view: pg.GraphicsView | None
    source: QRectF
    title: str

    @property
    def size(self) -> tuple[int, int]:
        return math.ceil(self.source.width()), math.ceil(self.source.height())

    def background(self) -> QBrush:
        """The view's background, or white for a plot item drawn without one."""
        views = [self.view] if self.view is not None else self.scene.views()
        for view in views:
            if view.backgroundBrush().style() != Qt.BrushStyle.NoBrush:
                return view.backgroundBrush()
        return QBrush(QColor("white"))

    def scene_to_picture(self) -> QTransform:
        """Maps scene coordinates to the picture's (pixels from its top-left corner)."""
        if self.view is None:
            return QTransform.fromTranslate(-self.source.x(), -self.source.y())
        return self.view.viewportTransform() * QTransform.fromTranslate(
            -self.source.x(), -self.source.y()
        )

    def render(self, painter: QPainter, target: QRectF) -> None:
        """Paint the scene's part that is this plot into ``target`` (without the background)."""
        if self.view is None:
            self.scene.render(painter, target, self.source)
            return
        brush = self.view.backgroundBrush()
        # The caller paints the background once, as one rectangle.
        self.view.setBackgroundBrush(QBrush(Qt.BrushStyle.NoBrush))
        try:
            self.view.render(painter, target, self.source.toRect())
        finally:
            self.view.setBackgroundBrush(brush)


def _plot(target: object) -> _Plot:
    if isinstance(target, pg.GraphicsView):
        scene = target.scene()
        _settle(scene)
        roots = [i for i in scene.items() if i.parentItem() is None]
        central = getattr(target, "getPlotItem", None)
        title = central().titleLabel.text if central is not None else ""
        return _Plot(scene, roots, target, QRectF(target.viewport().rect()), title)
    if isinstance(target, pg.PlotItem):
        scene = target.scene()
        if scene is None:
            raise ValueError(
                QCoreApplication.translate(
                    "Export", "the plot item is in no scene, so there is nothing to draw"
                )
            )
        _settle(scene)
        return _Plot(scene, [target], None, target.sceneBoundingRect(), target.titleLabel.text)
    raise TypeError(
        f"expected a pyqtgraph PlotWidget, GraphicsView or PlotItem; got {type(target).__name__}"
    )


def _settle(scene: QGraphicsScene) -> None:
    """Apply pending automatic ranges now, as a repaint would, so the export shows their result.

    Done first because settling may reset curve data and styles (PlotDataItem redraws its curve
    when the view range moves), which must not undo what the SVG export sets up afterwards.
    """
    prepare = getattr(scene, "prepareForPaint", None)
    if prepare is not None:
        prepare()


def _check_scale(scale: int) -> int:
    if isinstance(scale, bool) or scale not in SCALES:
        raise ValueError(f"scale must be one of {', '.join(map(str, SCALES))}; got {scale!r}")
    return int(scale)


# -- painting set-ups -----------------------------------------------------------------------------


@contextlib.contextmanager
def _export_mode(scene: QGraphicsScene, painter: QPainter, background: QBrush) -> Iterator[None]:
    """pyqtgraph's export mode: antialiased curves, scatter symbols as shapes, not bitmaps."""
    items = [i for i in scene.items() if hasattr(i, "setExportMode")]
    options = {
        "antialias": True,
        "background": background.color(),
        "painter": painter,
        "resolutionScale": 1.0,
    }
    try:
        for item in items:
            item.setExportMode(True, options)
        yield
    finally:
        for item in items:
            item.setExportMode(False)


@contextlib.contextmanager
def _uncached(scene: QGraphicsScene) -> Iterator[None]:
    """Paint every item directly: a cached item would reach the picture as a screen bitmap."""
    cached = [
        (item, item.cacheMode())
        for item in scene.items()
        if item.cacheMode() != QGraphicsItem.CacheMode.NoCache
    ]
    try:
        for item, _ in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        yield
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)


def _descendants(roots: Sequence[QGraphicsItem]) -> Iterator[QGraphicsItem]:
    stack = list(roots)
    while stack:
        item = stack.pop()
        yield item
        stack.extend(item.childItems())


@contextlib.contextmanager
def _curves_as_scene_paths(roots: Sequence[QGraphicsItem]) -> Iterator[None]:
    """Draw each visible curve under ``roots`` as one path in scene coordinates while inside.

    The curve keeps drawing its fill (a histogram's bars); its pens are set aside in ``opts``
    directly, since ``setPen`` would recompute bounds and could move an auto-ranged view.
    """
    curves = [
        item
        for item in _descendants(roots)
        if isinstance(item, pg.PlotCurveItem) and item.isVisible() and item.xData is not None
    ]
    replaced: list[tuple[pg.PlotCurveItem, dict[str, object]]] = []
    proxies: list[QGraphicsPathItem] = []
    no_pen = QPen(Qt.PenStyle.NoPen)
    try:
        for curve in curves:
            pens = {key: curve.opts.get(key) for key in ("shadowPen", "pen")}
            drawn = [
                pen
                for pen in pens.values()
                if isinstance(pen, QPen) and pen.style() != Qt.PenStyle.NoPen
            ]
            parent = curve.parentItem()
            if not drawn or parent is None or len(curve.xData) == 0:
                continue
            inverse, invertible = parent.sceneTransform().inverted()
            if not invertible:
                continue
            path = curve.sceneTransform().map(curve.getPath())
            for pen in drawn:
                proxy = QGraphicsPathItem(path, parent)
                # The parent's inverse cancels the data → scene mapping: the painter reaches the
                # path with the identity, so the SVG holds scene coordinates. As the curve's
                # sibling it keeps the curve's clipping and place in the stacking order.
                proxy.setTransform(inverse)
                proxy.setPen(pen)
                proxy.setBrush(QBrush(Qt.BrushStyle.NoBrush))
                proxy.setZValue(curve.zValue())
                proxy.stackBefore(curve)
                curve.stackBefore(proxy)
                proxies.append(proxy)
            replaced.append((curve, pens))
            for key, pen in pens.items():
                curve.opts[key] = no_pen if pen is not None else None
        yield
    finally:
        for curve, pens in replaced:
            curve.opts.update(pens)
        for proxy in proxies:
            scene = proxy.scene()
            if scene is not None:
                scene.removeItem(proxy)


@dataclass(frozen=True, slots=True)
class _Clip:
    """A clipping item's area in picture coordinates and the colours of its two markers."""

    start: str
    end: str
    polygon: tuple[tuple[float, float], ...]


class _Marker(QGraphicsItem):
    """Paints one tiny rectangle in a unique colour, to be found (and removed) in the SVG."""

    def __init__(self, parent: QGraphicsItem, colour: str, z: float) -> None:
        super().__init__(parent)
        self._colour = QColor(colour)
        centre = parent.boundingRect().center()
        self._rect = QRectF(centre.x(), centre.y(), 1e-3, 1e-3)
        self.setZValue(z)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: object, widget: object = None) -> None:
        painter.setPen(QPen(self._colour, 0))
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        painter.drawRect(self._rect)


@contextlib.contextmanager
def _clip_markers(plot: _Plot) -> Iterator[list[_Clip]]:
    """Bracket the children of every item that clips them (a ViewBox) between two markers.

    Qt's SVG generator writes wrong clip paths (after ``QPainter.restore`` to an earlier clip it
    keeps referring to the last one written, which hides axes and grid lines), so the SVG is made
    without them and the clipping is added afterwards, around what lies between the markers.
    """
    to_picture = plot.scene_to_picture()
    clips: list[_Clip] = []
    markers: list[_Marker] = []
    flag = QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape
    try:
        for item in _descendants(plot.roots):
            if isinstance(item, _Marker) or not item.flags() & flag or not item.isVisible():
                continue
            index = len(clips)
            start, end = f"#fe{2 * index % 256:02x}01", f"#fe{(2 * index + 1) % 256:02x}01"
            polygon = to_picture.map(item.mapToScene(item.shape()).toFillPolygon())
            clips.append(_Clip(start, end, tuple((p.x(), p.y()) for p in polygon)))
            markers.append(_Marker(item, start, -1e300))
            markers.append(_Marker(item, end, 1e300))
        yield clips
    finally:
        for marker in markers:
            scene = marker.scene()
            if scene is not None:
                scene.removeItem(marker)


# -- SVG ------------------------------------------------------------------------------------------


def _svg(plot: _Plot, title: str = "") -> bytes:
    width, height = plot.size
    if width <= 0 or height <= 0:
        raise ValueError(
            QCoreApplication.translate(
                "Export", "nothing to draw: the plot is {width} × {height} pixels"
            ).format(width=width, height=height)
        )
    background = plot.background()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()  # SVG Tiny 1.2: no clip paths (see _clip_markers)
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    # Font sizes as on screen: Qt's default of 72 dpi would shrink them.
    views = [plot.view] if plot.view is not None else plot.scene.views()
    generator.setResolution(views[0].logicalDpiX() if views else 96)
    generator.setTitle(
        title or plot.title or QCoreApplication.translate("Export", "ActExplorer plot")
    )
    generator.setDescription(
        QCoreApplication.translate("Export", "Drawn by ActExplorer {version}").format(
            version=__version__
        )
    )
    painter = QPainter()
    if not painter.begin(generator):
        raise ValueError(QCoreApplication.translate("Export", "Qt could not start an SVG drawing"))
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(0, 0, width, height), background)
        with (
            _uncached(plot.scene),
            _export_mode(plot.scene, painter, background),
            _curves_as_scene_paths(plot.roots),
            _clip_markers(plot) as clips,
        ):
            plot.render(painter, QRectF(0, 0, width, height))
    finally:
        painter.end()
        buffer.close()
    return _tidy_svg(bytes(data.data()), width, height, clips)


def plot_to_svg(plot: PlotTarget, title: str = "") -> bytes:
    """A standalone SVG of the plot: curves as paths, axes, tick labels, legend and background.

    ``plot`` is a PlotWidget (drawn whole, as on screen) or a PlotItem (its rectangle in the
    scene); ``title`` names the document (default: the plot's title).
    """
    return _svg(_plot(plot), title)


def export_svg(plot: PlotTarget, path: str | os.PathLike[str], title: str = "") -> Path:
    """Save ``plot`` as a standalone SVG file (see :func:`plot_to_svg`); return the path."""
    data = plot_to_svg(plot, title)
    return write_file(path, data)


# -- PNG ------------------------------------------------------------------------------------------


def _new_image(width: int, height: int, scale: int, fill: QColor) -> QImage:
    if width <= 0 or height <= 0:
        raise ValueError(
            QCoreApplication.translate(
                "Export", "nothing to draw: the widget is {width} × {height} pixels"
            ).format(width=width, height=height)
        )
    image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    dots = round(_DOTS_PER_METER_1X * scale)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    image.fill(fill)
    return image


def _draw_svg(painter: QPainter, svg: bytes, target: QRectF) -> None:
    """Draw a document from :func:`plot_to_svg` into ``target``, honouring its clip paths.

    QSvgRenderer ignores ``clip-path``, so each clipped group is drawn on its own, with the
    painter clipped instead, and the parts between them likewise in order.
    """
    root = _plain(ET.fromstring(svg))
    width, height = float(root.get("width", "1")), float(root.get("height", "1"))
    to_target = QTransform(
        target.width() / width, 0, 0, target.height() / height, target.x(), target.y()
    )
    clips = {
        element.get("id", ""): element
        for element in root.iter("clipPath")
        if element.get("id", "").startswith(_CLIP_ID)
    }
    wrappers = [g for g in root.iter("g") if g.get("clip-path", "")[5:-1] in clips]
    parents = {child: parent for parent in root.iter() for child in parent}
    holders = {id(parents[w]) for w in wrappers}
    if not wrappers or len(holders) != 1:
        _render_svg(painter, ET.tostring(root), target)
        return
    holder = parents[wrappers[0]]
    children = list(holder)
    segments: list[tuple[list[ET.Element], ET.Element | None]] = []
    for child in children:
        if child in wrappers:
            segments.append(([child], clips[child.get("clip-path", "")[5:-1]]))
        elif segments and segments[-1][1] is None:
            segments[-1][0].append(child)
        else:
            segments.append(([child], None))
    for part, clip in segments:
        holder[:] = part
        painter.save()
        if clip is not None:
            path = QPainterPath()
            values = [float(v) for v in re.findall(_NUMBER, clip[0].get("d", ""))]
            path.addPolygon(
                QPolygonF([QPointF(x, y) for x, y in zip(values[::2], values[1::2], strict=True)])
            )
            painter.setClipPath(to_target.map(path), Qt.ClipOperation.IntersectClip)
        _render_svg(painter, ET.tostring(root), target)
        painter.restore()


def _render_svg(painter: QPainter, svg: bytes, target: QRectF) -> None:
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError(
            QCoreApplication.translate("Export", "the plot's SVG drawing could not be read back")
        )
    renderer.render(painter, target)


def plot_to_image(plot: PlotTarget, scale: int = 1) -> QImage:
    """The plot drawn afresh at ``scale`` × its on-screen size (pixels = size · scale)."""
    scale = _check_scale(scale)
    parts = _plot(plot)
    width, height = parts.size
    image = _new_image(width, height, scale, parts.background().color())
    svg = _svg(parts)
    painter = QPainter(image)
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        _draw_svg(painter, svg, QRectF(0, 0, width, height))
    finally:
        painter.end()
    return image


def widget_to_image(widget: QWidget, scale: int = 1) -> QImage:
    """``widget`` with its children (a whole window, say) drawn afresh at ``scale`` × its size."""
    scale = _check_scale(scale)
    if isinstance(widget, pg.GraphicsView):
        return plot_to_image(widget, scale)
    image = _new_image(widget.width(), widget.height(), scale, widget.palette().window().color())
    views = [v for v in widget.findChildren(pg.GraphicsView) if v.isVisible()]
    # Drawn before painting starts: settling a plot's range may relayout it.
    overlays = [(view, _svg(_plot(view))) for view in views if view.viewport().width() > 0]
    painter = QPainter(image)
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        widget.render(
            painter,
            QPoint(0, 0),
            QRegion(),
            QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren,
        )
        for view, svg in overlays:
            viewport = view.viewport()
            corner = viewport.mapTo(widget, QPoint(0, 0))
            visible = viewport.visibleRegion().translated(corner)
            if visible.isEmpty():
                continue
            painter.save()
            painter.setClipRegion(visible)
            painter.fillRect(visible.boundingRect(), _plot(view).background())
            _draw_svg(painter, svg, QRectF(corner, viewport.size().toSizeF()))
            painter.restore()
    finally:
        painter.end()
    return image


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ValueError(
            QCoreApplication.translate("Export", "Qt could not encode the image as PNG")
        )
    buffer.close()
    return bytes(data.data())


def export_png(target: QWidget | pg.PlotItem, path: str | os.PathLike[str], scale: int = 1) -> Path:
    """Save a plot or any widget as PNG at ``scale`` × (1, 2 or 4) its on-screen size."""
    scale = _check_scale(scale)
    if isinstance(target, (pg.GraphicsView, pg.PlotItem)):
        image = plot_to_image(target, scale)
    elif isinstance(target, QWidget):
        image = widget_to_image(target, scale)
    else:
        raise TypeError(f"cannot draw a {type(target).__name__}; pass a widget or a PlotItem")
    return write_file(path, _png_bytes(image))


# -- tidying Qt's SVG ----------------------------------------------------------------------------

_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_TOKEN = re.compile(rf"[A-Za-z]|{_NUMBER}")
_MATRIX = re.compile(rf"^\s*matrix\(\s*({_NUMBER}(?:[\s,]+{_NUMBER}){{5}})\s*\)\s*$")
#: How many coordinate pairs follow each absolute path command.
_PAIRS = {"M": 1, "L": 1, "T": 1, "C": 3, "S": 2, "Q": 2, "Z": 0}
_GENERIC_FONTS = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}

Matrix = tuple[float, float, float, float, float, float]
Point = Callable[[float, float], tuple[float, float]]


def _tag(element: ET.Element) -> str:
    return element.tag.rpartition("}")[2]


def _fmt(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _mapper(m: Matrix) -> Point:
    a, b, c, d, e, f = m
    return lambda x, y: (a * x + c * y + e, b * x + d * y + f)


def _map_path(d: str, point: Point) -> str | None:
    """``d`` with every point mapped, or None when it uses commands this does not rewrite."""
    tokens = _TOKEN.findall(d)
    out: list[str] = []
    i, command = 0, ""
    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            if token not in _PAIRS:  # relative commands, H, V and arcs: leave the path alone
                return None
            command = token
            out.append(token)
            i += 1
            if command == "Z":
                continue
        elif not command or command == "Z":
            return None
        count = _PAIRS[command]
        if i + 2 * count > len(tokens):
            return None
        for _ in range(count):
            try:
                x, y = point(float(tokens[i]), float(tokens[i + 1]))
            except ValueError:
                return None
            out.append(f"{_fmt(x)},{_fmt(y)}")
            i += 2
    return " ".join(out)


def _map_points(points: str, point: Point) -> str | None:
    values = re.findall(_NUMBER, points)
    if len(values) % 2:
        return None
    pairs = (point(float(x), float(y)) for x, y in zip(values[::2], values[1::2], strict=True))
    return " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in pairs)


def _bake(element: ET.Element, m: Matrix, group_stroke_width: float) -> bool:
    """Apply ``m`` to ``element``'s coordinates in place; False if it cannot be done."""
    point = _mapper(m)
    tag = _tag(element)
    if tag == "path":
        mapped = _map_path(element.get("d", ""), point)
        if mapped is None:
            return False
        element.set("d", mapped)
    elif tag in ("polyline", "polygon"):
        mapped = _map_points(element.get("points", ""), point)
        if mapped is None:
            return False
        element.set("points", mapped)
    elif tag == "rect":
        try:
            x, y = float(element.get("x", "0")), float(element.get("y", "0"))
            w, h = float(element.get("width", "0")), float(element.get("height", "0"))
        except ValueError:
            return False
        corners = [point(x, y), point(x + w, y), point(x + w, y + h), point(x, y + h)]
        element.tag = f"{{{_SVG}}}path"
        for name in ("x", "y", "width", "height"):
            element.attrib.pop(name, None)
        element.set("d", "M" + " L".join(f"{_fmt(px)},{_fmt(py)}" for px, py in corners) + " Z")
    else:
        return False
    if element.get("vector-effect") == "non-scaling-stroke":
        del element.attrib["vector-effect"]
    elif element.get("vector-effect") is None or element.get("vector-effect") == "none":
        element.attrib.pop("vector-effect", None)
        # A stroke drawn in the item's own units: it scales with the mapping.
        factor = math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
        if not math.isclose(factor, 1.0):
            width = float(element.get("stroke-width", group_stroke_width))
            element.set("stroke-width", _fmt(width * factor))
    return True


def _bake_group(parent: ET.Element, group: ET.Element) -> None:
    """Replace ``group`` (with a transform) by runs of baked children and transformed others."""
    match = _MATRIX.match(group.get("transform", ""))
    if match is None:
        return
    values = [float(v) for v in re.findall(_NUMBER, match.group(1))]
    m: Matrix = (values[0], values[1], values[2], values[3], values[4], values[5])
    try:
        stroke_width = float(group.get("stroke-width", "1"))
    except ValueError:
        stroke_width = 1.0
    runs: list[tuple[bool, list[ET.Element]]] = []
    for child in list(group):
        baked = _bake(child, m, stroke_width)
        if runs and runs[-1][0] == baked:
            runs[-1][1].append(child)
        else:
            runs.append((baked, [child]))
    index = list(parent).index(group)
    parent.remove(group)
    for offset, (baked, children) in enumerate(runs):
        new = ET.Element(group.tag, dict(group.attrib))
        if baked:
            del new.attrib["transform"]
        new.extend(children)
        parent.insert(index + offset, new)


def _font_family(value: str) -> str:
    families = [f.strip().strip("\"'") for f in value.split(",") if f.strip()]
    if not any(f.lower() in _GENERIC_FONTS for f in families):
        families.append("sans-serif")
    return ", ".join(f if f.lower() in _GENERIC_FONTS else f"'{f}'" for f in families)


_CLIP_ID = "actexplorer-clip-"


def _marker_group(root: ET.Element, colour: str) -> ET.Element | None:
    for group in root.iter(f"{{{_SVG}}}g"):
        if (group.get("stroke") or "").lower() == colour:
            for child in group:
                if _tag(child) == "rect":
                    group.remove(child)  # the marker itself; the group may hold more
                    return group
    return None


def _apply_clips(root: ET.Element, clips: Sequence[_Clip]) -> None:
    """Wrap what was drawn between each pair of markers in a group clipped to the item's area."""
    defs = root.find(f"{{{_SVG}}}defs")
    if defs is None:
        defs = ET.Element(f"{{{_SVG}}}defs")
        root.insert(0, defs)
    parents = {child: parent for parent in root.iter() for child in parent}
    for index, clip in enumerate(clips):
        first, last = _marker_group(root, clip.start), _marker_group(root, clip.end)
        if first is None or last is None or parents.get(first) is not parents.get(last):
            continue  # the item drew nothing (outside the picture): nothing to clip
        parent = parents[first]
        children = list(parent)
        begin, stop = children.index(first), children.index(last)
        if begin > stop:
            continue
        name = f"{_CLIP_ID}{index}"
        clip_path = ET.SubElement(defs, f"{{{_SVG}}}clipPath", {"id": name})
        points = " L".join(f"{_fmt(x)},{_fmt(y)}" for x, y in clip.polygon)
        ET.SubElement(clip_path, f"{{{_SVG}}}path", {"d": f"M{points} Z"})
        wrapper = ET.Element(f"{{{_SVG}}}g", {"clip-path": f"url(#{name})"})
        for child in children[begin : stop + 1]:
            parent.remove(child)
            wrapper.append(child)
            parents[child] = wrapper
        parent.insert(begin, wrapper)
        parents[wrapper] = parent


def _tidy_svg(data: bytes, width: int, height: int, clips: Sequence[_Clip] = ()) -> bytes:
    root = ET.fromstring(data)
    if _tag(root) != "svg":
        raise ValueError("Qt's SVG output has no <svg> root")
    root.set("width", str(width))
    root.set("height", str(height))
    # Qt writes SVG Tiny 1.2; with clip paths added the document is plain SVG 1.1.
    root.set("version", "1.1")
    root.attrib.pop("baseProfile", None)
    _apply_clips(root, clips)
    parents = {child: parent for parent in root.iter() for child in parent}
    # Innermost first, so that a group moved by its parent's rewrite is already done.
    for group in reversed([g for g in root.iter(f"{{{_SVG}}}g") if "transform" in g.attrib]):
        _bake_group(parents[group], group)
    for element in root.iter():
        family = element.get("font-family")
        if family:
            element.set("font-family", _font_family(family))
    _drop_empty_groups(root)
    _plain(root)
    ET.indent(root, space=" ")
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + text + "\n").encode()


def _plain(root: ET.Element) -> ET.Element:
    """Plain tag names and one xmlns: ElementTree would otherwise write "ns0:" prefixes."""
    for element in root.iter():
        element.tag = _tag(element)
    root.set("xmlns", _SVG)
    return root


def _drop_empty_groups(element: ET.Element) -> bool:
    """Remove groups that draw nothing below ``element``; True if ``element`` itself is empty."""
    for child in list(element):
        if _drop_empty_groups(child):
            element.remove(child)
    return _tag(element) == "g" and len(element) == 0 and not (element.text or "").strip()
