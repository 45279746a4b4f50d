"""Build the ActExplorer bundle and the installer for the system this runs on.

    python packaging/build.py                 # bundle + installer(s) into dist/
    python packaging/build.py --bundle-only   # the PyInstaller one-folder bundle only

Linux: ``dist/actexplorer/`` plus ``actexplorer-<version>-linux-<arch>.tar.gz`` and
``actexplorer_<version>_<arch>.deb``. Windows: ``ActExplorer-<version>-setup.exe`` (Inno Setup's
``iscc`` must be on PATH). macOS: ``ActExplorer.app`` in ``ActExplorer-<version>.dmg``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
APP_NAME = "actexplorer"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# Shared libraries Qt's xcb/wayland plugins load from the system (checked with ldd on the bundled
# plugins: these are the ones PyInstaller leaves out or that every desktop must provide).
DEB_DEPENDS = (
    "libc6 (>= 2.35)",
    "libstdc++6",
    "libgcc-s1",
    "libglib2.0-0",
    "libegl1",
    "libgl1",
    "libopengl0",
    "libfontconfig1",
    "libfreetype6",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libdbus-1-3",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-sync1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
)


def version() -> str:
    """The version of the installed ``actexplorer`` distribution (the bundle reports the same)."""
    return metadata.version("actexplorer")


def machine() -> str:
    """Normalised CPU name for file names: x86_64 or arm64."""
    arch = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(arch, arch)


def run(cmd: list[str | os.PathLike[str]], **kwargs: object) -> None:
    """Run a command, echoing it, and fail loudly."""
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)  # type: ignore[call-overload]


def build_bundle(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; return the one-folder bundle directory."""
    run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
            "--distpath", dist, "--workpath", work, PACKAGING / "actexplorer.spec",
        ]
    )  # fmt: skip
    bundle = dist / APP_NAME
    if sys.platform.startswith("linux"):
        strip_python_debug_info(bundle)
    return bundle


def strip_python_debug_info(bundle: Path) -> None:
    """Drop DWARF debug sections from libpython and the stdlib extensions only.

    Python builds from source (pyenv, some CI images) keep -g and weigh 20 MB more. NumPy's and
    SciPy's libraries are never touched: stripping them breaks OpenBLAS.
    """
    strip = shutil.which("strip")
    if strip is None:
        return
    internal = bundle / "_internal"
    targets = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    if targets:
        print(
            f"+ strip --strip-debug libpython and {len(targets) - 1} stdlib extensions", flush=True
        )
        subprocess.run([strip, "--strip-debug", *map(str, targets)], check=True)


def dir_size(path: Path) -> int:
    """Total size in bytes of the regular files under ``path`` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def make_tarball(bundle: Path, out: Path) -> Path:
    """``actexplorer-<version>-linux-<arch>.tar.gz`` holding the bundle folder."""
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"{APP_NAME}-{version()}")
    return out


def deb_control(installed_kib: int, arch: str) -> str:
    """The DEBIAN/control text, from packaging/linux/control.in."""
    template = (PACKAGING / "linux" / "control.in").read_text(encoding="utf-8")
    return template.format(
        version=version(),
        arch=arch,
        installed_size=installed_kib,
        depends=", ".join(DEB_DEPENDS),
    )


def make_deb(bundle: Path, out: Path, staging: Path, *, compression: str = "xz") -> Path:
    """Build the .deb with dpkg-deb: the bundle in /opt, a launcher, the .desktop file, icons."""
    if staging.exists():
        shutil.rmtree(staging)
    opt = staging / "opt" / APP_NAME
    shutil.copytree(bundle, opt, symlinks=True)
    bindir = staging / "usr" / "bin"
    bindir.mkdir(parents=True)
    # Relative, so the package also runs when unpacked somewhere else (dpkg -x in the smoke test).
    (bindir / APP_NAME).symlink_to(Path("..", "..", "opt", APP_NAME, APP_NAME))
    apps = staging / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / f"{APP_NAME}.desktop", apps / f"{APP_NAME}.desktop")
    for size in ICON_SIZES:
        target = staging / "usr/share/icons/hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(ICONS / f"{APP_NAME}-{size}.png", target / f"{APP_NAME}.png")
    debian = staging / "DEBIAN"
    debian.mkdir()
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
    ).stdout.strip()
    (debian / "control").write_text(deb_control(dir_size(staging) // 1024, arch), encoding="utf-8")
    for path in [staging, *staging.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", staging, out])
    return out


def make_inno_installer(bundle: Path, dist: Path) -> Path:
    """Compile packaging/windows/actexplorer.iss with Inno Setup's iscc."""
    iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
    run(
        [
            iscc, f"/DAppVersion={version()}", f"/DBundleDir={bundle}",
            f"/DIconFile={ICONS / 'actexplorer.ico'}", f"/O{dist}",
            PACKAGING / "windows" / "actexplorer.iss",
        ]
    )  # fmt: skip
    return dist / f"ActExplorer-{version()}-setup.exe"


def make_dmg(dist: Path) -> Path:
    """Put ActExplorer.app and an /Applications link into a compressed .dmg with hdiutil."""
    app = dist / "ActExplorer.app"
    staging = dist / "dmg"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    shutil.copytree(app, staging / app.name, symlinks=True)
    (staging / "Applications").symlink_to("/Applications")
    out = dist / f"ActExplorer-{version()}.dmg"
    run(
        [
            "hdiutil", "create", "-volname", "ActExplorer", "-srcfolder", staging,
            "-ov", "-format", "UDZO", out,
        ]
    )  # fmt: skip
    return out


def build(dist: Path, *, bundle_only: bool = False, deb_compression: str = "xz") -> list[Path]:
    """Build the bundle and, unless ``bundle_only``, this platform's installers; return them."""
    dist.mkdir(parents=True, exist_ok=True)
    bundle = build_bundle(dist, ROOT / "build" / "pyinstaller")
    outputs = [bundle]
    if bundle_only:
        return outputs
    if sys.platform.startswith("linux"):
        outputs.append(
            make_tarball(bundle, dist / f"{APP_NAME}-{version()}-linux-{machine()}.tar.gz")
        )
        deb_name = f"{APP_NAME}_{version()}_{machine()}.deb".replace("x86_64", "amd64")
        outputs.append(
            make_deb(bundle, dist / deb_name, ROOT / "build" / "deb", compression=deb_compression)
        )
    elif sys.platform == "win32":
        outputs.append(make_inno_installer(bundle, dist))
    elif sys.platform == "darwin":
        outputs.append(make_dmg(dist))
    return outputs


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: build into ``--dist`` and list what was made."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--bundle-only", action="store_true", help="skip the installers")
    parser.add_argument(
        "--deb-compression", default="xz", choices=("xz", "gzip", "none"),
        help="dpkg-deb compressor (gzip is several times faster, for tests)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    for path in build(
        args.dist.resolve(), bundle_only=args.bundle_only, deb_compression=args.deb_compression
    ):
        print(f"built {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
