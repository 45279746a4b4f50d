"""The deep-network lab inside the window: built when first shown, views and their actions,
the shared activation, its settings saved with the others, and a clean close while it works."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings, QThreadPool, QtMsgType

from actexplorer import app
from actexplorer.gui import MainWindow
from actexplorer.gui.icons import ICON_SIZES, icon_files
from actexplorer.gui.lab import PAGES, chaos_view
from actexplorer.gui.main_window import VIEWS

#: The offscreen platform cannot pass a window's minimum size on; no real screen says this.
_OFFSCREEN_NOTE = "does not support propagateSizeHints"


@pytest.fixture(autouse=True)
def _small_lab(monkeypatch: pytest.MonkeyPatch) -> None:
    """A coarse phase diagram, so the lab's pages answer within a test's patience."""
    monkeypatch.setattr(chaos_view, "SIGMA_W_AXIS", np.linspace(0.05, 4.0, 16))
    monkeypatch.setattr(chaos_view, "SIGMA_B_AXIS", np.linspace(0.0, 2.0, 10))


def _small(window: MainWindow) -> MainWindow:
    window.lab_state.update(
        depth=6, width=24, batch=24, n_points=120, hidden_layers=1, hidden_width=6
    )
    return window


@pytest.fixture
def lab_window(window: MainWindow) -> MainWindow:
    """The shown window with a small lab network, still in the explorer."""
    return _small(window)


def _idle_pools(window: MainWindow) -> list[int]:
    return [pool.activeThreadCount() for pool in window.findChildren(QThreadPool)]


def test_views_match_the_command_line_and_the_lab_pages() -> None:
    assert VIEWS == app.VIEWS
    assert ("explorer", *(f"lab-{page}" for page in PAGES)) == VIEWS


def test_the_lab_tab_exists_and_the_lab_is_built_when_first_shown(lab_window) -> None:
    tabs = lab_window.view_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Explorer", "Deep networks"]
    assert lab_window.current_view() == "explorer"
    assert not lab_window.lab_built
    tabs.setCurrentIndex(1)
    assert lab_window.lab_built
    assert lab_window.lab.isVisible()
    assert lab_window.current_view() == "lab-depth"
    assert lab_window.action("view_lab-depth").isChecked()
    assert lab_window.wait_until_idle()
    assert lab_window.lab.depth.outcome is not None


def test_switching_views_through_actions_tabs_and_show_view(lab_window) -> None:
    for view in ("lab-chaos", "lab-train", "explorer", "lab-depth"):
        lab_window.action(f"view_{view}").trigger()
        assert lab_window.current_view() == view
        assert lab_window.action(f"view_{view}").isChecked()
    lab_window.show_view("explorer")
    assert lab_window.view_tabs.currentWidget() is lab_window.splitter
    assert lab_window.plots.isVisible()
    # The lab's own page tabs move the View menu's mark too.
    lab_window.show_view("lab-depth")
    lab_window.lab.tabs.setCurrentIndex(PAGES.index("train"))
    assert lab_window.current_view() == "lab-train"
    assert lab_window.action("view_lab-train").isChecked()
    assert not lab_window.action("view_lab-depth").isChecked()
    shortcuts = [lab_window.action(f"view_{v}").shortcut().toString() for v in VIEWS]
    assert shortcuts == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"]
    with pytest.raises(ValueError, match="lab-depth"):
        lab_window.show_view("lab")


def test_the_shared_activation_flows_both_ways(lab_window) -> None:
    lab_window.show_view("lab-depth")
    lab = lab_window.lab
    lab_window.state.activation = "tanh"
    assert lab.activation.currentData() == "tanh"
    assert lab_window.wait_until_idle()
    assert lab.depth.outcome is not None
    assert lab.depth.outcome.result.activation == "tanh"
    # ... and a choice made in the lab is the explorer's.
    index = lab.activation.findData("relu")
    lab.activation.setCurrentIndex(index)
    lab.activation.activated.emit(index)
    assert lab_window.state.activation == "relu"
    assert lab_window.title.text() == lab_window.state.current.name
    assert lab_window.wait_until_idle()
    assert lab.depth.outcome.result.activation == "relu"


def test_the_window_closes_cleanly_with_the_lab_working(qtbot, qtlog, lab_window) -> None:
    lab_window.show_view("lab-train")
    lab = lab_window.lab
    lab.train.controls.play.setChecked(True)
    qtbot.waitUntil(lambda: lab.train.snapshots and lab.train.snapshots[0].step > 0, timeout=5000)
    # Work in flight on the other pages as the window goes.
    lab_window.show_view("lab-chaos")
    lab_window.state.activation = "tanh"
    lab.chaos.refresh()
    lab.depth.refresh()
    lab_window.close()
    assert _idle_pools(lab_window) == [0] * len(_idle_pools(lab_window))
    assert len(_idle_pools(lab_window)) >= 4  # statistics, depth, diagram, point
    assert not lab.train.timer.isActive()
    # Nothing listens any more: a change of the shared state reaches no closed view.
    lab_window.state.activation = "relu"
    qtbot.wait(50)
    warnings = [
        r.message
        for r in qtlog.records
        if r.type != QtMsgType.QtDebugMsg and _OFFSCREEN_NOTE not in r.message
    ]
    assert warnings == []


def test_closing_without_the_lab_builds_nothing(lab_window) -> None:
    lab_window.close()
    assert not lab_window.lab_built


def test_lab_settings_and_view_survive_a_restart(qtbot, settings_path) -> None:
    first = _small(MainWindow(QSettings(str(settings_path), QSettings.Format.IniFormat)))
    qtbot.addWidget(first)
    first.lab_state.update(depth=7, sigma_w=1.5, hidden_width=5)
    first.show_view("lab-chaos")
    snapshot = first.lab_state.to_dict()
    first.close()

    reread = QSettings(str(settings_path), QSettings.Format.IniFormat)
    second = MainWindow(reread)
    qtbot.addWidget(second)
    assert second.lab_state.to_dict() == snapshot
    assert second.lab_built
    assert second.current_view() == "lab-chaos"
    assert second.lab.lab is second.lab_state
    second.close()


def test_bad_lab_settings_are_reported_and_skipped(qtbot, settings: QSettings) -> None:
    settings.setValue("lab", '{"depth": "deep", "width": 40, "colour": "red"}')
    settings.setValue("view", "lab-nowhere")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.lab_state.width == 40
    assert win.lab_state.depth == 20
    message = win.statusBar().currentMessage()
    assert "lab depth" in message and "lab colour" in message
    assert win.current_view() == "explorer"
    settings.setValue("lab", "{not json")
    win2 = MainWindow(settings)
    qtbot.addWidget(win2)
    assert "saved lab settings unreadable" in win2.statusBar().currentMessage()


def test_the_window_carries_the_app_icon_in_every_size(window: MainWindow) -> None:
    assert [size for size, _ in icon_files()] == list(ICON_SIZES)
    icon = window.windowIcon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert set(ICON_SIZES) <= sizes
    assert icon.pixmap(48, 48).width() == 48
