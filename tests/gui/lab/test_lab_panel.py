"""The lab panel: state → widgets and widgets → state, the shared activation, the three pages."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from actexplorer.core import ACTIVATIONS
from actexplorer.core.activation import Activation
from actexplorer.core.lab import InitScheme, Optimizer
from actexplorer.gui.lab import LabPanel
from actexplorer.gui.lab.depth_view import run_depth
from actexplorer.gui.lab.workers import LatestRunner
from actexplorer.lab_state import LabState
from actexplorer.state import ExplorerState


# -- state → widgets -------------------------------------------------------------------------
def test_lab_fields_show_in_the_widgets(panel: LabPanel, lab: LabState) -> None:
    lab.update(depth=12, width=64, sigma_w=1.25, init_scheme=InitScheme.HE_NORMAL, layer=9)
    lab.update(learning_rate=0.5, race="sigmoid", optimizer="sgd", hidden_width=5)
    depth, train = panel.depth.controls, panel.train.controls
    assert depth.depth.value() == 12
    assert depth.width.value() == 64
    assert depth.sigma_w.value() == pytest.approx(1.25)
    assert depth.scheme.currentData() == InitScheme.HE_NORMAL
    assert depth.mode.isEnabled() and not depth.sigma_w.isEnabled()
    assert (depth.layer.maximum(), depth.layer.value()) == (12, 9)
    assert train.learning_rate.text() == "0.5"
    assert train.race.currentData() == "sigmoid"
    assert train.optimizer.currentData() == Optimizer.SGD
    assert train.hidden_width.value() == 5


# -- widgets → state -------------------------------------------------------------------------
def test_widgets_write_the_lab_state(panel: LabPanel, lab: LabState) -> None:
    depth, train = panel.depth.controls, panel.train.controls
    depth.depth.setValue(40)
    depth.sigma_b.setValue(0.5)
    index = depth.scheme.findData(InitScheme.ORTHOGONAL)
    depth.scheme.setCurrentIndex(index)
    depth.scheme.activated.emit(index)
    train.hidden_layers.setValue(4)
    train.learning_rate.setText("2e-3")
    train.learning_rate.editingFinished.emit()
    index = train.dataset.findText("Two moons")
    train.dataset.setCurrentIndex(index)
    train.dataset.activated.emit(index)
    assert (lab.depth, lab.sigma_b, lab.init_scheme) == (40, 0.5, InitScheme.ORTHOGONAL)
    assert (lab.hidden_layers, lab.learning_rate, lab.dataset.value) == (4, 2e-3, "moons")


def test_garbage_is_refused_with_a_visible_message(panel: LabPanel, lab: LabState) -> None:
    panel.show_page("train")
    field, message = panel.train.controls.learning_rate, panel.train.controls.message
    for garbage in ("abc", "-1", "nan"):
        field.setText(garbage)
        field.editingFinished.emit()
        assert message.isVisible()
        assert message.text().startswith("learning rate")
        assert lab.learning_rate == 0.03
        assert field.property("invalid") is True
    field.setText("0.1")
    field.editingFinished.emit()
    assert lab.learning_rate == 0.1
    assert field.property("invalid") is False


# -- the shared activation -------------------------------------------------------------------
def test_the_explorer_activation_is_the_lab_activation(
    qtbot, panel: LabPanel, state: ExplorerState
) -> None:
    state.activation = "sigmoid"
    assert panel.activation.currentData() == "sigmoid"
    index = panel.activation.findData("relu")
    panel.activation.setCurrentIndex(index)
    panel.activation.activated.emit(index)
    assert state.activation == "relu"
    panel.show_page("train")
    qtbot.waitUntil(lambda: panel.train.labels == ("ReLU",), timeout=3000)
    panel.show_page("depth")
    assert panel.depth.wait_until_idle()
    assert panel.depth.outcome is not None
    assert panel.depth.outcome.result.activation == "relu"


# -- depth -----------------------------------------------------------------------------------
def test_depth_view_draws_the_core_numbers(panel: LabPanel, lab: LabState) -> None:
    view = panel.depth
    view.refresh()
    assert view.wait_until_idle()
    outcome = view.outcome
    assert outcome is not None
    expected = run_depth(view.request()).result  # the same request, computed afresh
    plots = view.plots
    np.testing.assert_array_equal(plots.std_curve.getData()[1], expected.std)
    np.testing.assert_array_equal(plots.mean_curve.getData()[1], expected.mean)
    np.testing.assert_array_equal(plots.dead_curve.getData()[1], expected.dead_fraction)
    np.testing.assert_array_equal(plots.grad_curve.getData()[1], np.log10(expected.grad_std))
    assert outcome.prediction is not None
    np.testing.assert_allclose(plots.q_pred.getData()[1], np.log10(outcome.prediction.q))
    lab.layer = 3
    np.testing.assert_array_equal(plots.hist_curve.yData, expected.hist_density[2])
    assert plots.layer_line.value() == 3


def test_presets_apply_and_explain(panel: LabPanel, lab: LabState, state: ExplorerState) -> None:
    controls = panel.depth.controls
    index = controls.preset_combo.findData("tanh_small")
    controls.preset_combo.setCurrentIndex(index)
    controls.preset_combo.activated.emit(index)
    assert state.activation == "tanh"
    assert (lab.depth, lab.width, lab.init_scheme, lab.sigma_w) == (
        10,
        500,
        InitScheme.NORMAL_FIXED,
        0.01,
    )
    assert controls.preset_explanation.isVisible()
    assert "collapsed" in controls.preset_explanation.text()
    lab.update(depth=12, width=32)  # keep the test quick, and leave the preset
    panel.depth.refresh()
    assert not controls.preset_explanation.isVisible()
    assert controls.preset_combo.currentIndex() == 0


def test_presets_needing_a_missing_function_are_refused(panel: LabPanel) -> None:
    missing = [
        row
        for row in range(1, panel.depth.controls.preset_combo.count())
        if panel.depth.controls.preset_combo.itemData(row) == "selu_lecun"
    ]
    if "selu" in ACTIVATIONS:
        assert panel.depth.controls.apply_preset("selu_lecun")
    else:
        assert missing and not panel.depth.controls.apply_preset("selu_lecun")
        assert panel.depth.controls.message.isVisible()


# -- edge of chaos ---------------------------------------------------------------------------
def test_clicking_the_phase_diagram_sets_sigma(qtbot, panel: LabPanel, lab: LabState) -> None:
    panel.show_page("chaos")
    view = panel.chaos
    view.refresh()
    assert view.wait_until_idle()
    assert view.diagram is not None and view.point is not None
    lab.init_scheme = InitScheme.XAVIER_NORMAL
    scene = view.scene_position(2.0, 0.5)
    where = view.plot.mapFromScene(scene)
    qtbot.mouseClick(
        view.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(where.x(), where.y())
    )
    assert lab.init_scheme is InitScheme.NORMAL
    assert lab.sigma_w == pytest.approx(2.0, abs=0.03)
    assert lab.sigma_b == pytest.approx(0.5, abs=0.03)
    assert view.wait_until_idle()
    assert view.point.sigma_w == lab.sigma_w
    np.testing.assert_allclose(view.marker.getData()[0], [lab.sigma_w])


def test_phase_readout_for_tanh_at_the_critical_point(panel: LabPanel, lab: LabState) -> None:
    panel.show_page("chaos")
    lab.set_mean_field_point(1.0, 0.0)
    panel.chaos.refresh()
    assert panel.chaos.wait_until_idle()
    assert panel.chaos.point.fixed.chi == pytest.approx(1.0, abs=1e-3)
    assert "χ = " in panel.chaos.readout.text()


# -- train -----------------------------------------------------------------------------------
def test_play_pause_step_and_reset(qtbot, panel: LabPanel) -> None:
    panel.show_page("train")
    view = panel.train
    qtbot.waitUntil(lambda: bool(view.snapshots), timeout=3000)
    assert view.snapshots[0].step == 0
    qtbot.mouseClick(view.controls.step, Qt.MouseButton.LeftButton)
    assert view.snapshots[0].step == 1
    assert len(view.train_loss[0].getData()[0]) == 2
    qtbot.mouseClick(view.controls.play, Qt.MouseButton.LeftButton)
    assert view.playing
    qtbot.waitUntil(lambda: view.snapshots[0].step >= 20, timeout=5000)
    qtbot.mouseClick(view.controls.play, Qt.MouseButton.LeftButton)
    assert not view.playing
    steps = view.snapshots[0].step
    points = len(view.train_loss[0].getData()[0])
    assert points > 2
    qtbot.wait(100)
    assert view.snapshots[0].step == steps
    qtbot.mouseClick(view.controls.reset, Qt.MouseButton.LeftButton)
    assert view.snapshots[0].step == 0
    assert len(view.train_loss[0].getData()[0]) == 1


def test_race_trains_two_functions_from_the_same_weights(
    qtbot, panel: LabPanel, lab: LabState
) -> None:
    panel.show_page("train")
    lab.race = "sigmoid"
    qtbot.waitUntil(lambda: len(panel.train.trainers) == 2, timeout=3000)
    a, b = panel.train.trainers
    for (wa, _), (wb, _) in zip(a.weights, b.weights, strict=True):
        np.testing.assert_array_equal(wa, wb)
    panel.train.advance(3)
    assert [s.step for s in panel.train.snapshots] == [3, 3]
    assert panel.train.boundaries[1].isVisible()


@pytest.mark.skipif("identity" not in ACTIVATIONS, reason="the catalog has no identity yet")
def test_identity_boundary_stays_a_straight_line(
    qtbot, panel: LabPanel, lab: LabState, state: ExplorerState
) -> None:
    panel.show_page("train")
    lab.update(hidden_layers=4, dataset="circles")
    state.activation = "identity"
    qtbot.waitUntil(lambda: panel.train.labels[0] == ACTIVATIONS["identity"].name, timeout=3000)
    panel.train.advance(50)
    boundary = panel.train.trainers[0].decision_boundary(40)
    p = np.clip(boundary.positive, 1e-12, 1 - 1e-12)
    logit = np.log(p) - np.log1p(-p)
    xx, yy = np.meshgrid(boundary.xs, boundary.ys)
    design = np.column_stack([xx.ravel(), yy.ravel(), np.ones(xx.size)])
    coef, *_ = np.linalg.lstsq(design, logit.ravel(), rcond=None)
    np.testing.assert_allclose(design @ coef, logit.ravel(), atol=1e-6)


# -- the worker ------------------------------------------------------------------------------
def test_the_newest_request_wins(qtbot) -> None:
    runner = LatestRunner()
    gate = threading.Event()
    results: list[object] = []
    runner.ready.connect(lambda _id, value: results.append(value))

    def slow() -> str:
        gate.wait(5)
        return "stale"

    runner.submit(slow)
    runner.submit(lambda: "dropped")  # replaced in the pending slot by the next one
    runner.submit(lambda: "newest")
    assert runner.busy
    gate.set()
    assert runner.wait_idle(10)
    assert results == ["newest"]
    runner.submit(lambda: 1 / 0)
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        pass
    assert "division" in blocker.args[1]
    runner.shutdown()


def test_a_vector_function_is_explained_not_run(
    qtbot, panel: LabPanel, state: ExplorerState
) -> None:
    if "softmax" not in ACTIVATIONS:
        pytest.skip("the catalog has no softmax yet")
    assert not isinstance(ACTIVATIONS["softmax"], Activation)
    panel.show_page("train")
    state.activation = "softmax"
    assert panel.message.isVisible()
    assert "scalar" in panel.message.text()
    qtbot.waitUntil(lambda: not panel.train.controls.play.isEnabled(), timeout=3000)
    assert panel.train.trainers == ()
    panel.show_page("depth")
    panel.depth.refresh()
    assert "vectors" in panel.depth.controls.message.text()
    state.activation = "tanh"
    qtbot.waitUntil(lambda: panel.train.controls.play.isEnabled(), timeout=3000)
