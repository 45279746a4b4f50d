"""Entry script of the frozen application: PyInstaller needs a file, not a console-script."""

import os
import sys
from pathlib import Path


def _persistent_matplotlib_cache() -> None:
    """Keep matplotlib's font list between starts of the bundle.

    PyInstaller's run-time hook points MPLCONFIGDIR at a fresh temporary folder, so every start
    would rebuild the font cache (about a second) before the first formula is drawn.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    target = base / "ActExplorer" / "matplotlib"
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # an unwritable home: the temporary folder still works, only slower
    os.environ["MPLCONFIGDIR"] = str(target)


if getattr(sys, "frozen", False):
    _persistent_matplotlib_cache()

from actexplorer.app import main  # noqa: E402  (after the environment is set up)

raise SystemExit(main())
