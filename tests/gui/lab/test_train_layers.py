"""The training page's per-layer functions and momentum; the depth page's kept network."""

from __future__ import annotations

import dataclasses

import numpy as np

from actexplorer.core import ACTIVATIONS
from actexplorer.core.lab import Optimizer
from actexplorer.gui.lab import LabPanel
from actexplorer.gui.lab.depth_view import network_for, run_depth
from actexplorer.lab_state import MAX_HIDDEN_LAYERS, LabState
from actexplorer.state import ExplorerState


def _choose(combo, key: str | None) -> None:
    index = combo.findData(key)
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


# -- per-layer functions ---------------------------------------------------------------------
def test_per_layer_rows_follow_the_state(panel: LabPanel, lab: LabState) -> None:
    panel.show_page("train")
    controls = panel.train.controls
    assert not controls.per_layer.isChecked()
    assert not controls.layers_box.isVisible()
    lab.update(hidden_layers=3, per_layer=True, layer_activations=["relu", None, "gelu"])
    assert controls.per_layer.isChecked()
    assert controls.layers_box.isVisible()
    shown = [combo.isVisible() for combo in controls.layer_combos]
    assert shown == [True] * 3 + [False] * (MAX_HIDDEN_LAYERS - 3)
    assert [c.currentData() for c in controls.layer_combos[:3]] == ["relu", None, "gelu"]
    lab.hidden_layers = 1
    assert [combo.isVisible() for combo in controls.layer_combos][:2] == [True, False]
    lab.per_layer = False
    assert not controls.layers_box.isVisible()


def test_the_first_choice_names_the_explorers_function(
    panel: LabPanel, state: ExplorerState
) -> None:
    combo = panel.train.controls.layer_combos[0]
    assert combo.itemData(0) is None
    assert combo.itemText(0) == "Tanh (explorer)"
    state.activation = "relu"
    assert combo.itemText(0) == "ReLU (explorer)"


def test_choosing_layer_functions_trains_them(
    qtbot, panel: LabPanel, lab: LabState, state: ExplorerState
) -> None:
    panel.show_page("train")
    controls = panel.train.controls
    controls.per_layer.setChecked(True)
    assert lab.per_layer is True
    _choose(controls.layer_combos[1], "relu")
    assert lab.layer_activations[:2] == (None, "relu")
    qtbot.waitUntil(lambda: panel.train.labels == ("Tanh · ReLU",), timeout=3000)
    (trainer,) = panel.train.trainers
    assert [key for key, _ in trainer.config.activations] == ["tanh", "relu"]
    panel.train.advance(2)
    assert panel.train.snapshots[0].step == 2
    # A race keeps the mixed network on one side.
    lab.race = "sigmoid"
    qtbot.waitUntil(lambda: len(panel.train.trainers) == 2, timeout=3000)
    mixed, other = panel.train.trainers
    assert [key for key, _ in mixed.config.activations] == ["tanh", "relu"]
    assert [key for key, _ in other.config.activations] == ["sigmoid", "sigmoid"]
    assert panel.train.labels == ("Tanh · ReLU", ACTIVATIONS["sigmoid"].name)


# -- momentum --------------------------------------------------------------------------------
def test_momentum_shows_only_for_the_momentum_rule(panel: LabPanel, lab: LabState) -> None:
    panel.show_page("train")
    controls = panel.train.controls
    assert lab.optimizer is not Optimizer.MOMENTUM
    assert not controls.momentum.isVisible()
    lab.optimizer = Optimizer.MOMENTUM
    assert controls.momentum.isVisible() and controls.momentum_label.isVisible()
    lab.momentum = 0.75
    assert controls.momentum.value() == 0.75
    lab.optimizer = Optimizer.SGD
    assert not controls.momentum.isVisible()


def test_the_momentum_box_writes_the_state_and_the_run(
    qtbot, panel: LabPanel, lab: LabState
) -> None:
    panel.show_page("train")
    lab.optimizer = Optimizer.MOMENTUM
    panel.train.controls.momentum.setValue(0.5)
    assert lab.momentum == 0.5
    qtbot.waitUntil(
        lambda: bool(panel.train.trainers) and panel.train.trainers[0].config.momentum == 0.5,
        timeout=3000,
    )


# -- the depth page keeps its network --------------------------------------------------------
def test_the_depth_page_reuses_the_network_while_only_the_function_changes(
    panel: LabPanel,
) -> None:
    request = panel.depth.request()
    assert request is not None
    first = network_for(request)
    other_function = dataclasses.replace(request, activation="relu", params=())
    assert network_for(other_function) is first
    reseeded = dataclasses.replace(request, seed=request.seed + 1)
    assert network_for(reseeded) is not first
    # Kept or drawn afresh, the weights and so the numbers are the same.
    kept = run_depth(request).result
    network_for(reseeded)
    fresh = run_depth(request).result
    np.testing.assert_array_equal(kept.std, fresh.std)
    np.testing.assert_array_equal(kept.grad_std, fresh.grad_std)
