"""What the window's start leaves for later: modules its first paint does not need are not
imported before it, and the parts built on first use work when first used."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QDockWidget

from actexplorer.gui import MainWindow
from actexplorer.gui.actions import ACTIONS

#: Starts the window as ``actexplorer`` does and prints the modules loaded at its first paint.
_FIRST_PAINT = """
import json
import sys
import time

from PySide6.QtCore import QEvent, QObject

from actexplorer import app

application = app._application(screenshot=False)
options = app.parse_options(app.build_parser().parse_args([]))
window = app._window(options, persistent=True)
loaded = []


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not loaded:
            loaded.append(sorted(sys.modules))
        return False


watch = FirstPaint(window)
window.installEventFilter(watch)
window.show()
deadline = time.monotonic() + 60
while not loaded and time.monotonic() < deadline:
    application.processEvents()
window.close()
print(json.dumps(loaded[0] if loaded else None))
"""

#: Loaded only when what needs them is first used: maths and image libraries, the lab and its
#: mean-field and propagation maths, the picture exporter, the softmax view, the animation dock
#: and its GIF export, the shortcut sheet.
_NOT_AT_FIRST_PAINT = (
    "sympy",
    "PIL",
    "scipy",
    "matplotlib",
    "actexplorer.gui.lab",
    "actexplorer.core.lab.meanfield",
    "actexplorer.core.lab.propagation",
    "actexplorer.gui.export",
    "actexplorer.gui.softmax_view",
    "actexplorer.gui.animation_panel",
    "actexplorer.gui.gif_export",
    "actexplorer.gui.shortcut_sheet",
    "actexplorer.animation",
)


@pytest.fixture(scope="module")
def loaded_at_first_paint(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    config = tmp_path_factory.mktemp("config")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config)}
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    modules = json.loads(result.stdout.strip().splitlines()[-1])
    assert modules is not None, "the window was never painted"
    return list(modules)


def test_the_first_paint_comes_from_the_explorer_window(
    loaded_at_first_paint: list[str],
) -> None:
    for needed in ("actexplorer.gui.main_window", "actexplorer.gui.plots", "pyqtgraph"):
        assert needed in loaded_at_first_paint


@pytest.mark.parametrize("module", _NOT_AT_FIRST_PAINT)
def test_not_imported_before_the_first_paint(loaded_at_first_paint: list[str], module: str) -> None:
    early = [m for m in loaded_at_first_paint if m == module or m.startswith(module + ".")]
    assert not early, f"{module} is imported before the first paint: {early[:5]}"


def test_the_animation_dock_is_built_when_first_asked_for(window: MainWindow) -> None:
    assert window.findChild(QDockWidget, "animateDock") is None
    action = window.action("animateParameter")
    action.trigger()
    dock = window.findChild(QDockWidget, "animateDock")
    assert dock is window.animation and dock.isVisible() and action.isChecked()
    dock.close()  # its own close button keeps the menu in step
    assert not action.isChecked()
    action.trigger()
    assert window.findChildren(QDockWidget, "animateDock") == [dock] and dock.isVisible()


def test_every_menu_action_finds_its_slot(window: MainWindow) -> None:
    # Slots are looked up when an action fires, so that what they belong to can be built on
    # first use; every one must exist then.
    for spec in ACTIONS:
        assert callable(spec.trigger(window)), spec.name
