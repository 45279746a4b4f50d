"""The build's fixed parts: what the bundle leaves out, the .deb's metadata, the .desktop file."""

from __future__ import annotations

import ast
import configparser
import struct
import zlib
from pathlib import Path

import pytest

from ._load import PACKAGING, ROOT, load

bundle_config = load("bundle_config")
build = load("build")
smoke_test = load("smoke_test")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_app_imports_nothing_the_bundle_excludes() -> None:
    """Every import in actexplorer/, lazy ones included, must survive in the bundle."""
    offenders = []
    for path in sorted((ROOT / "actexplorer").rglob("*.py")):
        for name in _imported_modules(path):
            for excluded in bundle_config.EXCLUDES:
                if name == excluded or name.startswith(excluded + "."):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_qtopengl_is_kept_for_pyqtgraph() -> None:
    assert not any("QtOpenGL" in name for name in bundle_config.EXCLUDES)


@pytest.mark.parametrize(
    ("dest", "linux", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True, True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True, True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True, True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", True, False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True, False),
        ("PySide6\\Qt\\plugins\\generic\\qtuiotouchplugin.dll", False, False),
        ("libstdc++.so.6", True, False),
        ("libstdc++.so.6", False, True),
        ("PySide6/Qt/translations/qtbase_de.qm", True, False),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True, True),
        ("PySide6\\Qt\\translations\\qtbase_en.qm", False, True),
        ("actexplorer/resources/screenshots/explorer.png", True, False),
        ("PySide6/Qt/translations/qt_de.qm", True, False),
        ("matplotlib/mpl-data/fonts/ttf/cmr10.ttf", True, True),
        ("matplotlib/mpl-data/fonts/ttf/STIXGeneral.ttf", True, True),
        ("matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf", True, True),
        ("matplotlib/mpl-data/fonts/ttf/DejaVuSerif.ttf", True, False),
        ("PySide6/Qt/lib/libQt6Network.so.6", True, False),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", True, True),
    ],
)
def test_kept(dest: str, linux: bool, kept: bool) -> None:
    assert bundle_config.kept(dest, linux=linux) is kept


@pytest.mark.parametrize(
    ("dest", "loose"),
    [
        ("libglib-2.0.so.0", True),
        ("libpython3.11.so.1.0", False),
        ("ac51d50a4f4b6d748b8c__mypyc.cpython-311-x86_64-linux-gnu.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", False),
        ("base_library.zip", False),
    ],
)
def test_loose_library(dest: str, loose: bool) -> None:
    assert bundle_config.loose_library(dest) is loose


def test_deb_control_fields() -> None:
    text = build.deb_control(123456, "amd64")
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith(" "))
    assert fields["Package"] == "actexplorer"
    assert fields["Version"] == build.version()
    assert fields["Architecture"] == "amd64"
    assert fields["Installed-Size"] == "123456"
    depends = {d.split(" ")[0] for d in fields["Depends"].split(", ")}
    qt_needs = {"libglib2.0-0", "libegl1", "libgl1", "libfontconfig1", "libxkbcommon0"}
    assert qt_needs | {"libdbus-1-3", "libxcb-cursor0", "libxcb-icccm4"} <= depends
    assert text.endswith("\n")


def test_desktop_file() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PACKAGING / "linux" / "actexplorer.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == build.APP_NAME
    assert entry["Icon"] == build.APP_NAME
    assert entry["Categories"].endswith(";")
    for size in build.ICON_SIZES:
        assert (ROOT / "resources" / "icons" / f"actexplorer-{size}.png").is_file()


def test_inno_script_uses_the_bundle_and_icon() -> None:
    text = (PACKAGING / "windows" / "actexplorer.iss").read_text(encoding="utf-8")
    for needle in ("{#AppVersion}", "{#BundleDir}", "{#IconFile}", "actexplorer.exe"):
        assert needle in text


def _png(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (
        smoke_test.PNG_SIGNATURE
        + struct.pack(">I", len(ihdr))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


def test_png_size(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(_png(640, 400))
    assert smoke_test.png_size(path) == (640, 400)
    path.write_bytes(b"GIF89a" + bytes(30))
    with pytest.raises(ValueError, match="not a PNG"):
        smoke_test.png_size(path)
