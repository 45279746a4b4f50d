"""The built wheel carries every resource, and the app starts from a fresh install of it."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from ._load import ROOT

pytestmark = pytest.mark.slow

SIZE = (960, 600)  # the smallest window size the app accepts


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``pip wheel .`` of the working tree (build isolation, no dependencies)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        timeout=600,
    )
    (path,) = out.glob("actexplorer-*.whl")
    return path


def _resource_files() -> list[str]:
    return sorted(
        p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and p.suffix != ".pyc"
        and p.parts[-2] != "screenshots"  # the README's pictures are not shipped
    )


def test_wheel_holds_every_resource(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    missing = [f for f in _resource_files() if f"actexplorer/resources/{f}" not in names]
    assert _resource_files(), "resources/ is empty"
    assert missing == []


def test_wheel_holds_every_module(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    sources = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "actexplorer").rglob("*.py")
        if "__pycache__" not in p.parts
    )
    assert [s for s in sources if s not in names] == []


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; Qt and NumPy come from this interpreter's."""
    env_dir = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    bindir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    python = bindir / ("python.exe" if sys.platform == "win32" else "python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    # A plain path line: the dependencies resolve from here, but the editable install's own
    # .pth hook in that directory is not run, so only the wheel provides actexplorer.
    deps = sysconfig.get_paths()["purelib"]
    (Path(purelib) / "_actexplorer_test_deps.pth").write_text(deps + "\n", encoding="utf-8")
    subprocess.run(
        [
            sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
            "--no-deps", "--no-index", str(wheel),
        ],
        check=True,
        timeout=300,
    )  # fmt: skip
    return env_dir


def _run(venv: Path, args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    bindir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [str(bindir / args[0]), *args[1:]],
        cwd=tmp_path,  # not the source tree, so nothing imports from it
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_installed_wheel_finds_its_resources(venv: Path, tmp_path: Path) -> None:
    code = (
        "import actexplorer, importlib.resources as r; "
        "print(actexplorer.__file__); "
        "print(r.files('actexplorer.resources').joinpath('icons', 'actexplorer.png').is_file())"
    )
    proc = _run(venv, ["python", "-c", code], tmp_path)
    assert proc.returncode == 0, proc.stderr
    module_file, icon_found = proc.stdout.split()
    assert Path(module_file).is_relative_to(venv)
    assert icon_found == "True"


def test_app_starts_from_the_installed_wheel(venv: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    proc = _run(venv, ["actexplorer", "--screenshot", str(out), "--size", "960x600"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    from PIL import Image

    with Image.open(out) as image:
        assert image.size == SIZE
