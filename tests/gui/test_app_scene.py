"""``actexplorer FILE``: a scene or lecture named on the command line, with and without
``--screenshot``; a missing file stops before Qt loads, a broken one is refused with a message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from actexplorer.app import _window, build_parser, main, parse_options
from actexplorer.gui import MainWindow, scene_commands
from actexplorer.scene import dumps_lecture, dumps_scene


def _scene(activation: str, **explorer: object) -> dict[str, object]:
    return {
        "format": "actexplorer-scene",
        "version": 1,
        "title": f"About {activation}",
        "notes": "",
        "explorer": {"activation": activation, **explorer},
        "lab": {"depth": 9},
    }


def _write_lecture(path: Path) -> Path:
    scenes = [_scene("elu", params={"alpha": 0.5}, seed=4), _scene("gelu"), _scene("tanh")]
    lecture = {"format": "actexplorer-lecture", "version": 1, "title": "Talk", "scenes": scenes}
    path.write_text(dumps_lecture(lecture), encoding="utf-8")
    return path


def _run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "actexplorer", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def test_the_file_is_a_positional_argument(tmp_path: Path) -> None:
    path = _write_lecture(tmp_path / "talk.actx.json")
    options = parse_options(build_parser().parse_args([str(path), "--theme", "dark"]))
    assert options.file == str(path)
    assert parse_options(build_parser().parse_args([])).file is None


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.actx.json", "no such file"), ("", "folder")],
)
def test_a_missing_file_exits_2_before_qt_loads(
    tmp_path: Path, name: str, message: str, capsys
) -> None:
    target = str(tmp_path / name) if name else str(tmp_path)
    assert main([target]) == 2
    assert message in capsys.readouterr().err
    code = (
        "import sys\n"
        "from actexplorer.app import main\n"
        f"status = main([{target!r}])\n"
        "print(status, any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["2", "False"], result.stderr
    assert "actexplorer: error: cannot open" in result.stderr


def test_an_unreadable_file_exits_2(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actexplorer import app

    path = _write_lecture(tmp_path / "locked.actx.json")
    # chmod 0 does not stop every user (root reads anything): the check itself is asked.
    monkeypatch.setattr(app.os, "access", lambda *_: False)
    assert main([str(path)]) == 2
    assert "permission denied" in capsys.readouterr().err


def test_the_window_opens_the_file_first(qtbot, tmp_path: Path) -> None:
    path = _write_lecture(tmp_path / "talk.actx.json")
    window = _window(parse_options(build_parser().parse_args([str(path)])), persistent=False)
    qtbot.addWidget(window)
    assert window.state.activation == "elu" and window.state.params == {"alpha": 0.5}
    assert window.state.seed == 4 and window.lab_state.depth == 9
    assert window.scenes.has_lecture and window.scenes.current_index == 0
    assert window.scenes.start_error is None
    window.close()
    # Options on the command line apply on top of the scene.
    args = build_parser().parse_args([str(path), "--activation", "relu"])
    second = _window(parse_options(args), persistent=False)
    qtbot.addWidget(second)
    assert second.state.activation == "relu" and second.state.seed == 4
    second.close()


def test_a_broken_file_is_refused_with_a_message(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(
        scene_commands.QMessageBox, "warning", lambda _p, _title, text, *_: seen.append(text)
    )
    path = tmp_path / "broken.actx.json"
    path.write_text(json.dumps(_scene("elu", n_samples=-3)), encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    before = window.state.to_dict()
    assert not window.scenes.open_at_start(path, interactive=True)
    assert window.state.to_dict() == before
    assert "explorer.n_samples" in (window.scenes.start_error or "")
    assert "explorer.n_samples" in capsys.readouterr().err
    # The message waits until the window is up (the event loop runs).
    assert seen == []
    qtbot.waitUntil(lambda: bool(seen))
    assert "explorer.n_samples" in seen[0]
    window.close()


@pytest.mark.slow
def test_screenshot_of_a_lecture(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    path = _write_lecture(tmp_path / "talk.actx.json")
    target = tmp_path / "talk.png"
    result = _run(str(path), "--screenshot", str(target), "--size", "1280x800")
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1280, 800)


@pytest.mark.slow
def test_screenshot_of_a_broken_scene_fails(tmp_path: Path) -> None:
    path = tmp_path / "broken.actx.json"
    path.write_text(dumps_scene(_scene("relu9")), encoding="utf-8")
    target = tmp_path / "broken.png"
    result = _run(str(path), "--screenshot", str(target))
    assert result.returncode == 1
    assert "explorer.activation: unknown activation 'relu9'" in result.stderr
    assert not target.exists()


def test_how_the_window_starts_is_not_a_step_to_undo(qtbot, tmp_path: Path) -> None:
    path = _write_lecture(tmp_path / "talk.actx.json")
    args = build_parser().parse_args([str(path), "--activation", "relu"])
    window = _window(parse_options(args), persistent=False)
    qtbot.addWidget(window)
    assert not window.history.can_undo
    assert not window.action("undo").isEnabled()
    window.close()
