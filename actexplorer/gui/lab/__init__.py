"""The deep-network lab: depth, edge of chaos and training pages sharing the explorer state."""

from __future__ import annotations

from actexplorer.gui.lab.lab_panel import PAGES, LabPanel

__all__ = ["PAGES", "LabPanel"]
