"""A redefined custom function gets a new phase diagram; the forms get their undo history
explicitly rather than finding it among their parents."""

from __future__ import annotations

import numpy as np
import pytest

from actexplorer.core import get
from actexplorer.core.custom import CustomDefinition
from actexplorer.gui import MainWindow
from actexplorer.gui.params import NumberControl, SliderScale, SpecForm
from actexplorer.history import History
from actexplorer.state import ExplorerState

KEY = "custom:wave"


pytestmark = pytest.mark.usefixtures("catalog_left_clean")


def test_a_redefined_function_gets_a_new_phase_diagram(window: MainWindow) -> None:
    window.custom_functions.install(CustomDefinition("wave", "tanh(x)"))
    window.state.activation = KEY
    window.show_view("lab-chaos")
    chaos = window.lab.chaos
    assert chaos.wait_until_idle()
    assert chaos.diagram is not None
    before = chaos.diagram.chi.copy()

    window.custom_functions.install(CustomDefinition("wave", "2 * tanh(x)"))
    assert window.state.activation == KEY
    assert chaos.wait_until_idle()
    assert chaos.diagram is not None
    # Twice the slope: χ = σ_w²E[φ′(√q* z)²] changes over the whole diagram.
    assert not np.allclose(chaos.diagram.chi, before, equal_nan=True)
    window.custom_functions.remove(KEY)


def test_a_slider_drag_on_the_parameter_panel_is_one_step(window: MainWindow) -> None:
    window.state.activation = "elu"
    window.history.clear()
    control = window.parameters.form.controls["alpha"]
    assert isinstance(control, NumberControl)
    control.slider.setSliderDown(True)
    for step in (100, 200, 300):
        control.slider.setValue(step)
    assert window.history.in_gesture
    control.slider.setSliderDown(False)
    assert not window.history.in_gesture
    assert window.history.undo_count == 1
    window.history.undo()
    assert window.state.params["alpha"] == 1.0


def test_the_history_is_given_not_found_among_the_parents(qtbot) -> None:
    state = ExplorerState()
    history = History(state)
    parent = SpecForm()
    qtbot.addWidget(parent)
    # A parent carrying a history is not where the control looks any more.
    parent.history = history  # type: ignore[attr-defined]
    control = NumberControl("a", 0.5, SliderScale(0.0, 1.0), float, parent=parent)
    values: list[float] = []
    control.committed.connect(lambda _name, value: values.append(value))
    control.slider.setSliderDown(True)
    control.slider.setValue(700)
    assert not history.in_gesture
    control.slider.setSliderDown(False)
    assert values == [0.7]

    control.set_history(lambda: history)
    control.slider.setSliderDown(True)
    assert history.in_gesture
    control.slider.setSliderDown(False)
    assert not history.in_gesture


def test_a_form_without_a_history_still_works(qtbot) -> None:
    form = SpecForm()
    qtbot.addWidget(form)
    form.set_specs(get("elu").params, {"alpha": 1.0})
    changes: list[tuple[str, object]] = []
    form.changed.connect(lambda name, value: changes.append((name, value)))
    control = form.controls["alpha"]
    assert isinstance(control, NumberControl)
    control.slider.setSliderDown(True)
    control.slider.setValue(control.slider.value() + 50)
    control.slider.setSliderDown(False)
    assert len(changes) == 1 and changes[0][0] == "alpha"


def test_a_history_given_to_a_form_reaches_controls_built_later(qtbot) -> None:
    state = ExplorerState()
    history = History(state)
    form = SpecForm()
    qtbot.addWidget(form)
    form.set_history(lambda: history)
    form.set_specs(get("elu").params, {"alpha": 1.0})
    control = form.controls["alpha"]
    assert isinstance(control, NumberControl)
    control.slider.setSliderDown(True)
    assert history.in_gesture
    control.slider.setSliderDown(False)
    assert not history.in_gesture
