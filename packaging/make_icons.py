"""Draw the ActExplorer icon (a GELU stroke on a rounded square) into resources/icons/.

Run ``python packaging/make_icons.py`` after changing the design; the PNG, ICO and ICNS files it
writes are committed, so building the app never needs this script.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SUPERSAMPLE = 4

BG_TOP = (30, 41, 82)
BG_BOTTOM = (12, 18, 40)
AXIS = (120, 140, 200)
CURVE = (255, 170, 40)
GHOST = (90, 200, 255)


def gelu(x: float) -> float:
    """GELU(x) = x·Φ(x) = x/2·(1 + erf(x/√2))."""
    return 0.5 * x * (1.0 + math.erf(x / math.sqrt(2.0)))


def sigmoid(x: float) -> float:
    """σ(x) = 1/(1 + e^(−x))."""
    return 1.0 / (1.0 + math.exp(-x))


def _curve(
    f: Callable[[float], float],
    size: int,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    margin: float,
    n: int = 1500,
) -> list[tuple[float, float]]:
    """Points of ``f`` mapped from data space into a ``size``×``size`` image with a margin."""
    (x0, x1), (y0, y1) = x_range, y_range
    inner = size * (1.0 - 2.0 * margin)
    points = []
    for i in range(n + 1):
        x = x0 + (x1 - x0) * i / n
        px = size * margin + (x - x0) / (x1 - x0) * inner
        py = size * margin + (1.0 - (f(x) - y0) / (y1 - y0)) * inner
        points.append((px, py))
    return points


def _stroke(
    draw: ImageDraw.ImageDraw,
    points: list[tuple[float, float]],
    width: float,
    fill: tuple[int, int, int, int],
) -> None:
    """Stroke a polyline with round caps by stamping discs along it.

    Pillow's wide ``line`` leaves jagged notches at every joint; dense discs give a clean edge.
    """
    r = width / 2.0
    for px, py in points:
        draw.ellipse([px - r, py - r, px + r, py + r], fill=fill)


def _layer(size: int) -> Image.Image:
    """A transparent RGBA canvas."""
    return Image.new("RGBA", (size, size), (0, 0, 0, 0))


def _composite(base: Image.Image, layer: Image.Image, opacity: int) -> None:
    """Lay ``layer`` over ``base`` at ``opacity`` (0–255).

    Drawing translucent ink straight onto an RGBA image replaces the alpha channel and leaves
    see-through lines; compositing keeps the background opaque.
    """
    layer.putalpha(layer.getchannel("A").point(lambda a: a * opacity // 255))
    base.alpha_composite(layer)


def draw_icon(size: int) -> Image.Image:
    """Render the icon at ``size``×``size`` pixels, supersampled for smooth edges."""
    big = size * SUPERSAMPLE
    # Small icons get relatively thicker strokes and no ghost curve, so they stay legible.
    small = size <= 32
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))

    gradient = Image.new("RGBA", (big, big))
    gdraw = ImageDraw.Draw(gradient)
    for y in range(big):
        t = y / (big - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(BG_TOP, BG_BOTTOM, strict=True))
        gdraw.line([(0, y), (big, y)], fill=(*colour, 255))
    mask = Image.new("L", (big, big), 0)
    inset = 0 if small else round(big * 0.04)
    ImageDraw.Draw(mask).rounded_rectangle(
        [inset, inset, big - 1 - inset, big - 1 - inset], radius=round(big * 0.22), fill=255
    )
    img.paste(gradient, (0, 0), mask)

    x_range, y_range, margin = (-3.2, 2.6), (-0.9, 2.7), 0.2
    inner = big * (1.0 - 2.0 * margin)
    ox = big * margin + (0 - x_range[0]) / (x_range[1] - x_range[0]) * inner
    oy = big * margin + (1.0 - (0 - y_range[0]) / (y_range[1] - y_range[0])) * inner
    axis_w = max(SUPERSAMPLE, round(big * (0.03 if small else 0.018)))
    lo, hi = big * 0.12, big * 0.88
    axes = _layer(big)
    adraw = ImageDraw.Draw(axes)
    adraw.line([(lo, oy), (hi, oy)], fill=(*AXIS, 255), width=axis_w)
    adraw.line([(ox, lo), (ox, hi)], fill=(*AXIS, 255), width=axis_w)
    _composite(img, axes, 200)

    if not small:
        ghost = _curve(lambda x: 2.0 * sigmoid(2.0 * x), big, x_range, y_range, margin)
        ghost_layer = _layer(big)
        _stroke(ImageDraw.Draw(ghost_layer), ghost, big * 0.035, (*GHOST, 255))
        _composite(img, ghost_layer, 170)

    draw = ImageDraw.Draw(img)
    main = _curve(gelu, big, x_range, y_range, margin)
    _stroke(draw, main, big * (0.13 if small else 0.08), (*CURVE, 255))

    return img.resize((size, size), Image.Resampling.LANCZOS)


def main(argv: list[str] | None = None) -> int:
    """Write actexplorer-<size>.png, actexplorer.png (256 px), .ico and .icns."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ICON_DIR)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    images = {size: draw_icon(size) for size in PNG_SIZES}
    for size, image in images.items():
        image.save(args.out / f"actexplorer-{size}.png", optimize=True)
    images[256].save(args.out / "actexplorer.png", optimize=True)
    # Pillow picks the best-matching source image for every size it writes.
    images[256].save(
        args.out / "actexplorer.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != 256],
    )
    images[512].save(args.out / "actexplorer.icns", append_images=[images[256], images[128]])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
