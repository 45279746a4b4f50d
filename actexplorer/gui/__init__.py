"""The Qt user interface; the only package that imports PySide6 and pyqtgraph."""

from __future__ import annotations

from actexplorer.gui.main_window import MainWindow

__all__ = ["MainWindow"]
