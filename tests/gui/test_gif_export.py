"""Animated GIF export: frames, timing, size, looping, cancelling, and the state left as it was."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageChops
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from actexplorer.gui import MainWindow
from actexplorer.gui.animation_panel import AnimationPanel
from actexplorer.gui.gif_export import GifDialog, GifExport, GifOptions, gif_durations

SMALL = GifOptions(fps=5, width=320, histograms=True)


def setup(window: MainWindow, key: str, mode: str, sweep_s: float = 1.0) -> AnimationPanel:
    window.state.activation = key
    panel = window.animation
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData(mode))
    panel.duration_box.setValue(sweep_s)
    return panel


def run(panel: AnimationPanel, qtbot, path: Path, options: GifOptions = SMALL) -> GifExport:
    export = panel.start_export(path, options, progress_dialog=False)
    qtbot.waitUntil(lambda: export.done, timeout=60_000)
    return export


def frames_of(path: Path) -> list[Image.Image]:
    with Image.open(path) as gif:
        frames = []
        for index in range(gif.n_frames):
            gif.seek(index)
            frames.append(gif.convert("RGB"))
        return frames


def test_a_gif_has_the_frames_size_and_timing_asked_for(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    panel = setup(window, "leaky_relu", "loop", sweep_s=2.0)
    window.history.clear()
    window.state.set_param("negative_slope", 0.2)
    assert window.history.undo()
    before = window.state.to_dict()
    path = tmp_path / "slope.gif"
    export = run(panel, qtbot, path)
    assert export.frame_total == 10
    with Image.open(path) as gif:
        assert gif.n_frames == 10
        assert gif.size[0] == 320
        assert gif.info.get("loop") == 0
        durations = []
        for index in range(gif.n_frames):
            gif.seek(index)
            durations.append(gif.info["duration"])
    assert sum(durations) == 2000
    frames = frames_of(path)
    assert ImageChops.difference(frames[0], frames[5]).getbbox() is not None
    assert ImageChops.difference(frames[4], frames[5]).getbbox() is not None
    # Exactly as before, no undo step, and the redo is still there.
    assert window.state.to_dict() == before
    assert window.history.undo_count == 0 and not window.history.in_gesture
    assert window.history.can_redo
    assert panel.play_button.isEnabled()


def test_frames_are_labelled_with_their_value(window: MainWindow, qtbot, tmp_path: Path) -> None:
    panel = setup(window, "leaky_relu", "once")
    path = tmp_path / "labelled.gif"
    seen: list[str] = []

    def grab(histograms: bool):
        seen.append(f"{window.state.params['negative_slope']:.3g}")
        return panel.grab_frame(histograms)

    anim = panel.animation()
    assert anim is not None
    export = GifExport(window.state, anim, SMALL, path, grab, title="Leaky ReLU")
    export.run()
    assert seen == [f"{v:.3g}" for v in anim.frames(SMALL.frame_count(anim))]
    with Image.open(path) as gif:
        assert "loop" not in gif.info  # once: plays once and stays on the last frame
    frames = frames_of(path)
    # The caption strip differs between frames (another number), the plot under it too.
    strip = round(max(12, round(320 / 40)) * 2.0)
    first, last = frames[0], frames[-1]
    assert ImageChops.difference(
        first.crop((0, 0, 320, strip)), last.crop((0, 0, 320, strip))
    ).getbbox()


def test_pingpong_draws_the_way_back_from_the_way_there(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    panel = setup(window, "softplus", "pingpong")
    grabs = 0

    def grab(histograms: bool):
        nonlocal grabs
        grabs += 1
        return panel.grab_frame(histograms)

    anim = panel.animation()
    assert anim is not None and anim.scale == "log"
    path = tmp_path / "beta.gif"
    export = GifExport(window.state, anim, SMALL, path, grab)
    export.run()
    assert export.frame_total == 10
    assert grabs == 6  # 0.1 … 10 and back: the way back reuses the frames
    frames = frames_of(path)
    assert len(frames) == 10
    assert ImageChops.difference(frames[1], frames[9]).getbbox() is None
    assert ImageChops.difference(frames[0], frames[5]).getbbox() is not None


def test_without_histograms_only_the_curves_are_drawn(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    panel = setup(window, "elu", "loop")
    with_hist = tmp_path / "with.gif"
    without = tmp_path / "without.gif"
    run(panel, qtbot, with_hist)
    run(panel, qtbot, without, GifOptions(fps=5, width=320, histograms=False))
    with Image.open(with_hist) as a, Image.open(without) as b:
        assert a.size[0] == b.size[0] == 320
        assert b.size[1] < 0.7 * a.size[1]


def test_cancelling_writes_nothing_and_restores_the_state(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    panel = setup(window, "leaky_relu", "loop", sweep_s=4.0)
    before = window.state.to_dict()
    path = tmp_path / "cancelled.gif"
    export = panel.start_export(path, SMALL, progress_dialog=False)
    qtbot.waitUntil(lambda: window.state.params["negative_slope"] != 0.01, timeout=30_000)
    with qtbot.waitSignal(export.cancelled, timeout=30_000):
        export.cancel()
    assert export.done and not path.exists()
    assert window.state.to_dict() == before
    assert not window.history.in_gesture
    assert panel.export_button.isEnabled()


def test_a_missing_folder_fails_with_a_message_and_restores_the_state(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = setup(window, "leaky_relu", "loop")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    panel.set_shown(False)
    before = window.state.to_dict()
    export = panel.start_export(tmp_path / "nowhere" / "x.gif", SMALL, progress_dialog=False)
    with qtbot.waitSignal(export.failed, timeout=60_000) as failed:
        pass
    assert "does not exist" in failed.args[0]
    assert warnings and "The GIF was not saved" in warnings[0]
    assert window.state.to_dict() == before


def test_bad_settings_are_refused_before_anything_moves(window: MainWindow, tmp_path: Path) -> None:
    panel = setup(window, "leaky_relu", "loop")
    panel.set_bounds(0.3, 0.3)
    before = window.state.to_dict()
    with pytest.raises(ValueError, match="nothing would move"):
        panel.start_export(tmp_path / "x.gif", SMALL, progress_dialog=False)
    window.state.activation = "relu"
    with pytest.raises(ValueError, match="no parameters"):
        panel.start_export(tmp_path / "x.gif", SMALL, progress_dialog=False)
    assert not (tmp_path / "x.gif").exists()
    window.state.activation = "leaky_relu"
    assert window.state.to_dict() == before


def test_the_softmax_family_exports_its_own_view(window: MainWindow, qtbot, tmp_path: Path) -> None:
    panel = setup(window, "softmax", "loop")
    path = tmp_path / "temperature.gif"
    run(panel, qtbot, path)
    frames = frames_of(path)
    assert len(frames) == 5
    assert ImageChops.difference(frames[0], frames[4]).getbbox() is not None


def test_the_menu_command_asks_then_exports_with_a_progress_dialog(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup(window, "leaky_relu", "loop")
    path = tmp_path / "menu"
    monkeypatch.setattr(GifDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(
        GifDialog, "options", lambda self: GifOptions(fps=5, width=240, histograms=False)
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.action("exportAnimationGif").trigger()
    panel = window.animation
    assert panel._progress_dialog is not None and panel._progress_dialog.isVisible()
    qtbot.waitUntil(lambda: panel._export is None, timeout=60_000)
    written = tmp_path / "menu.gif"
    with Image.open(written) as gif:
        assert gif.size[0] == 240 and gif.n_frames == 5
    assert panel._progress_dialog is None
    assert "Saved" in window.statusBar().currentMessage()
    assert window.exports.last_folder() == str(tmp_path)


def test_the_dialog_offers_defaults_and_reports_the_frames(qtbot, window: MainWindow) -> None:
    setup(window, "leaky_relu", "pingpong", sweep_s=3.0)
    anim = window.animation.animation()
    assert anim is not None
    dialog = GifDialog(anim, GifOptions(), histograms_available=False)
    qtbot.addWidget(dialog)
    assert dialog.options() == GifOptions(histograms=False)
    assert not dialog.histograms.isEnabled()
    assert dialog.summary.text().startswith("90 frames, 6 s")
    dialog.fps.setValue(10)
    assert dialog.summary.text().startswith("60 frames")


@pytest.mark.parametrize(("n", "seconds"), [(10, 2.0), (45, 3.0), (90, 6.0), (7, 1.0), (300, 20.0)])
def test_durations_are_hundredths_adding_up_to_the_cycle(n: int, seconds: float) -> None:
    durations = gif_durations(n, seconds)
    assert len(durations) == n
    assert all(d % 10 == 0 and d >= 20 for d in durations)
    assert sum(durations) == round(seconds * 1000)
    assert max(durations) - min(durations) <= 10


@pytest.mark.parametrize(
    "kwargs", [{"fps": 0}, {"fps": 31}, {"fps": 15.0}, {"width": 100}, {"width": True}]
)
def test_bad_options_are_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        GifOptions(**kwargs)


def test_frame_counts_stay_within_limits() -> None:
    from actexplorer.animation import ParameterAnimation

    long = ParameterAnimation("x", 0.0, 1.0, "pingpong", 600.0)
    assert GifOptions(fps=30).frame_count(long) == 300
    short = ParameterAnimation("x", 0.0, 1.0, "once", 0.1)
    assert GifOptions(fps=5).frame_count(short) == 2
    assert np.isclose(GifOptions().frame_count(ParameterAnimation("x", 0.0, 1.0)), 45)
