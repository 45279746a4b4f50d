"""The lectures shipped in resources/lectures open in the window and every scene shows."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from actexplorer.gui import MainWindow
from actexplorer.scene import load_lecture

LECTURES = sorted(
    Path(str(p))
    for p in resources.files("actexplorer.resources").joinpath("lectures").iterdir()
    if p.name.endswith(".actx.json")
)


def test_there_is_a_lecture_to_start_from() -> None:
    assert LECTURES


@pytest.mark.parametrize("path", LECTURES, ids=[p.name for p in LECTURES])
def test_a_bundled_lecture_opens_and_steps_through(window: MainWindow, path: Path) -> None:
    lecture = load_lecture(path)
    assert lecture.notices == ()
    assert window.scenes.open_file(path)
    assert window.scenes.has_lecture and window.scenes.current_index == 0
    shown = [window.state.activation]
    while window.scenes.step_scene(1):
        shown.append(window.state.activation)
    assert shown == [scene.explorer["activation"] for scene in lecture.scenes]
    assert window.scenes.current_index == len(lecture.scenes) - 1
    # Every scene says what to point at.
    assert all(scene.title and scene.notes for scene in lecture.scenes)
