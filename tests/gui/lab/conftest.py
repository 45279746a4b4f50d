"""Fixtures for the lab's widget tests: a small, fast network and a coarse phase diagram."""

from __future__ import annotations

import numpy as np
import pytest

from actexplorer.gui.lab import LabPanel, chaos_view
from actexplorer.lab_state import LabState
from actexplorer.state import ExplorerState


@pytest.fixture
def state() -> ExplorerState:
    return ExplorerState("tanh")


@pytest.fixture
def lab() -> LabState:
    lab = LabState()
    lab.update(depth=8, width=32, batch=32, n_points=120, hidden_layers=2, hidden_width=8)
    return lab


@pytest.fixture
def panel(qtbot, state: ExplorerState, lab: LabState, monkeypatch: pytest.MonkeyPatch) -> LabPanel:
    """A shown lab panel at laptop size; its workers are stopped at teardown."""
    monkeypatch.setattr(chaos_view, "SIGMA_W_AXIS", np.linspace(0.05, 4.0, 20))
    monkeypatch.setattr(chaos_view, "SIGMA_B_AXIS", np.linspace(0.0, 2.0, 12))
    widget = LabPanel(state, lab)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()
