"""Build the installers for this system and start the results the way a user would.

    python packaging/smoke_test.py               # build, then test bundle (+ .deb on Linux)
    python packaging/smoke_test.py --no-build    # test what is already in dist/

Every start is offscreen with ``--screenshot``: exit status 0 and a PNG of the requested size
are required. On Linux the .deb is unpacked with ``dpkg -x`` into a temporary root and started
from its /usr/bin launcher. Prints the bundle's size and start → first paint beside the source.
"""

from __future__ import annotations

import argparse
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build  # packaging/ is not a package; build.py sits beside this file

ROOT = build.ROOT
SIZE = (960, 600)  # the smallest window size the app accepts
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk; ValueError if it is not a PNG."""
    with path.open("rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != PNG_SIGNATURE or head[12:16] != b"IHDR":
        raise ValueError(f"{path} is not a PNG")
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def check_screenshot(exe: Path, workdir: Path, label: str) -> float:
    """Start ``exe --screenshot`` offscreen; assert exit 0 and a PNG of SIZE; return seconds."""
    out = workdir / (re.sub(r"[^A-Za-z0-9]+", "-", label).strip("-") + ".png")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(workdir)}
    env["XDG_CONFIG_HOME"] = str(workdir / "config")
    cmd = [str(exe), "--screenshot", str(out), "--size", f"{SIZE[0]}x{SIZE[1]}"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"FAIL {label}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    if not out.is_file() or out.stat().st_size == 0:
        raise SystemExit(f"FAIL {label}: no screenshot written\n{proc.stderr}")
    if png_size(out) != SIZE:
        raise SystemExit(f"FAIL {label}: screenshot is {png_size(out)}, expected {SIZE}")
    print(f"ok   {label}: exit 0, {out.stat().st_size / 1024:.0f} KiB PNG {SIZE[0]}x{SIZE[1]}")
    return elapsed


def check_version(exe: Path, label: str) -> None:
    """``exe --version`` must print the version of the package metadata."""
    proc = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    expected = build.version()
    if proc.returncode != 0 or expected not in proc.stdout + proc.stderr:
        raise SystemExit(f"FAIL {label} --version: {proc.returncode} {proc.stdout!r}")
    print(f"ok   {label} --version: {expected}")


def check_deb(deb: Path, workdir: Path) -> None:
    """Unpack the .deb with ``dpkg -x`` and start it through its /usr/bin launcher."""
    root = workdir / "debroot"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    for required in (
        "usr/share/applications/actexplorer.desktop",
        "usr/share/icons/hicolor/256x256/apps/actexplorer.png",
        "opt/actexplorer/actexplorer",
    ):
        if not (root / required).is_file():
            raise SystemExit(f"FAIL .deb: {required} missing")
    fields = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Package", "Version", "Depends"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    if f"Version: {build.version()}" not in fields or "libxkbcommon0" not in fields:
        raise SystemExit(f"FAIL .deb control:\n{fields}")
    launcher = root / "usr" / "bin" / "actexplorer"
    check_version(launcher, ".deb /usr/bin/actexplorer")
    check_screenshot(launcher, workdir, ".deb /usr/bin/actexplorer")


def mib(n_bytes: float) -> str:
    """Bytes as MiB with one decimal."""
    return f"{n_bytes / 2**20:.1f} MiB"


def main(argv: list[str] | None = None) -> int:
    """Build (unless --no-build), run every check, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--no-build", action="store_true", help="test what dist/ already holds")
    parser.add_argument("--runs", type=int, default=3, help="runs for the start-up comparison")
    parser.add_argument(
        "--deb-compression", default="xz", choices=("xz", "gzip", "none"),
        help="dpkg-deb compressor (gzip is much faster; xz is what a release ships)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    began = time.perf_counter()
    if not args.no_build:
        build.build(dist, deb_compression=args.deb_compression)
    bundle = dist / build.APP_NAME
    exe = bundle / ("actexplorer.exe" if sys.platform == "win32" else "actexplorer")

    with tempfile.TemporaryDirectory(prefix="actexplorer-smoke-") as tmp:
        workdir = Path(tmp)
        if sys.platform != "win32":
            # A windowed Windows executable has no stdout to print the version to.
            check_version(exe, "bundle")
        check_screenshot(exe, workdir, "bundle")
        if sys.platform == "darwin":
            app_exe = dist / "ActExplorer.app" / "Contents" / "MacOS" / "actexplorer"
            check_screenshot(app_exe, workdir, "ActExplorer.app")
        debs = sorted(dist.glob("actexplorer_*.deb"))
        if sys.platform.startswith("linux"):
            if not debs:
                raise SystemExit("FAIL no .deb in dist/")
            check_deb(debs[-1], workdir)

    print("\nfigures")
    print(f"  bundle unpacked      {mib(build.dir_size(bundle))}   (target ≤ 250 MB on Linux)")
    for pattern in ("*.tar.gz", "*.deb", "*-setup.exe", "*.dmg"):
        for path in sorted(dist.glob(pattern)):
            print(f"  {path.name:<36} {mib(path.stat().st_size)}")
    sys.stdout.flush()
    subprocess.run(
        [
            sys.executable, str(ROOT / "benchmarks" / "bench_startup_bundle.py"),
            "--bundle", str(bundle), "--runs", str(args.runs),
        ],
        check=True,
    )  # fmt: skip
    print(f"\nsmoke test passed in {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
