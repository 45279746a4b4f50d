"""The app icon: every size present, square, with a transparent outside and an opaque inside."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from ._load import ROOT, load

ICONS = ROOT / "resources" / "icons"
make_icons = load("make_icons")


@pytest.mark.parametrize("size", make_icons.PNG_SIZES)
def test_png_sizes(size: int) -> None:
    with Image.open(ICONS / f"actexplorer-{size}.png") as image:
        assert image.size == (size, size)
        assert image.mode == "RGBA"
        centre = image.getpixel((size // 2, size // 2))
        assert centre[3] == 255


@pytest.mark.parametrize("size", [s for s in make_icons.PNG_SIZES if s >= 48])
def test_rounded_corners_are_transparent(size: int) -> None:
    with Image.open(ICONS / f"actexplorer-{size}.png") as image:
        assert image.getpixel((0, 0))[3] == 0
        assert image.getpixel((size - 1, size - 1))[3] == 0


def test_curve_colour_is_present() -> None:
    """The orange activation stroke is what makes the icon recognisable."""
    with Image.open(ICONS / "actexplorer-256.png") as image:
        rgb = np.asarray(image.convert("RGB")).astype(int)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    orange = (r > 230) & (g > 140) & (g < 200) & (b < 90)
    assert orange.mean() > 0.04


def test_ico_and_icns_hold_the_platform_sizes() -> None:
    with Image.open(ICONS / "actexplorer.ico") as ico:
        assert {(s, s) for s in make_icons.ICO_SIZES} <= set(ico.info["sizes"])
    with Image.open(ICONS / "actexplorer.icns") as icns:
        assert {(s, s) for s in (16, 32, 128, 256, 512)} <= {s[:2] for s in icns.info["sizes"]}


def test_window_icon_loads_in_qt(qapp: object) -> None:
    from PySide6.QtGui import QIcon, QImage

    assert not QImage(str(ICONS / "actexplorer.png")).isNull()
    icon = QIcon()
    for size in make_icons.PNG_SIZES:
        icon.addFile(str(ICONS / f"actexplorer-{size}.png"))
    assert not icon.isNull()
    assert icon.pixmap(32, 32).width() == 32
