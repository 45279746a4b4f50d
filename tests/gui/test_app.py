"""The command line: screenshots, bad arguments, the self-quitting smoke run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from actexplorer.app import UsageError, build_parser, main, parse_options, parse_size


def _run(*args: str, env: dict[str, str] | None = None, timeout: float = 90):
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "actexplorer", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
    )


@pytest.mark.slow
def test_screenshot_is_a_png_of_the_requested_size(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    target = tmp_path / "window.png"
    result = _run("--activation", "relu", "--screenshot", str(target), "--size", "1024x640")
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1024, 640)
    assert target.stat().st_size > 10_000
    # Not a blank image: many distinct colours.
    colours = {image.pixel(x, y) for x in range(0, 1024, 16) for y in range(0, 640, 16)}
    assert len(colours) > 8


@pytest.mark.slow
def test_screenshot_of_a_lab_page(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    target = tmp_path / "chaos.png"
    result = _run("--view", "lab-chaos", "--screenshot", str(target), "--size", "1024x640")
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1024, 640)
    # The phase diagram is drawn: its colour map spans blue (ordered) to ochre (chaotic).
    colours = {image.pixelColor(x, y).name() for x in range(0, 1024, 8) for y in range(100, 600, 8)}
    assert len(colours) > 60


def test_view_is_parsed() -> None:
    options = parse_options(build_parser().parse_args(["--view", "lab-train"]))
    assert options.view == "lab-train"
    assert parse_options(build_parser().parse_args([])).view is None


@pytest.mark.slow
def test_application_icon_and_desktop_file_name() -> None:
    code = (
        "from actexplorer.app import _application\n"
        "app = _application(screenshot=True)\n"
        "icon = app.windowIcon()\n"
        "print(app.desktopFileName(), icon.isNull(), len(icon.availableSizes()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["actexplorer", "False", "8"]


@pytest.mark.slow
def test_quits_by_itself_after_first_paint(tmp_path: Path) -> None:
    env = {"ACTEXPLORER_QUIT_AFTER_MS": "50", "XDG_CONFIG_HOME": str(tmp_path)}
    result = _run(env=env)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--activation", "relx"], "did you mean 'relu'"),
        (["--activation", "relu", "--param", "alpha=1"], "relu takes no parameters"),
        (["--activation", "relu", "--param", "oops"], "NAME=VALUE"),
        (["--param", "alpha=1"], "needs --activation"),
        (["--size", "big"], "--size must look like"),
        (["--size", "10x10"], "--size must be between"),
        (["--theme", "pink"], "invalid choice"),
        (["--view", "lab"], "argument --view: invalid choice: 'lab'"),
        (["--view", "Explorer"], "choose from"),
        (["--no-such-option"], "unrecognized arguments"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(argv, message, capsys) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_bad_quit_after_value_exits_2(monkeypatch, capsys) -> None:
    monkeypatch.setenv("ACTEXPLORER_QUIT_AFTER_MS", "soon")
    assert main(["--activation", "relu"]) == 2
    assert "ACTEXPLORER_QUIT_AFTER_MS" in capsys.readouterr().err


def test_version(capsys) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("actexplorer ")


def test_parse_size() -> None:
    assert parse_size("1920x1080") == (1920, 1080)
    assert parse_size("1280×800") == (1280, 800)
    for bad in ("1280", "x800", "-1x5", "1280x800x2", "99999x99999"):
        with pytest.raises(UsageError):
            parse_size(bad)


def test_params_are_checked_against_the_function() -> None:
    options = parse_options(build_parser().parse_args(["--activation", "relu"]))
    assert options.activation == "relu" and options.params == {}
    assert options.size == (1280, 800)


@pytest.mark.parametrize("value", ["nan", "inf", "abc"])
def test_param_values_must_be_finite_numbers(value: str) -> None:
    from actexplorer.core import ACTIVATIONS

    for key, act in ACTIVATIONS.scalar().items():
        numeric = [s for s in act.params if not s.is_choice]
        if numeric:
            args = build_parser().parse_args(
                ["--activation", key, "--param", f"{numeric[0].name}={value}"]
            )
            with pytest.raises(UsageError, match="number"):
                parse_options(args)
            return
    pytest.skip("no function with a numeric parameter in the catalog yet")
