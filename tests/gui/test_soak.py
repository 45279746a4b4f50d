"""A long drive through the window with real repaints: no crash, no growth of Qt objects."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from actexplorer.core import ACTIVATIONS
from actexplorer.gui import MainWindow
from actexplorer.gui.params import NumberControl

STEPS = 3_000


def _settle() -> None:
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def _slider(window: MainWindow):
    """A slider that moves a parameter if the function has one, else the inputs' spread."""
    for control in window.parameters.form.controls.values():
        if isinstance(control, NumberControl):
            return control.slider
    return window.inputs.dist_form.controls["std"].slider


@pytest.mark.soak
def test_3000_slider_steps_with_repaints(window: MainWindow) -> None:
    state = window.state
    keys = list(ACTIVATIONS)
    counts = (1_000, 5_000, 1_000_000)  # the last goes to the worker thread
    start_key = state.activation
    state.n_samples = 1_000
    window.wait_until_idle()
    _settle()
    before = len(window.findChildren(QObject))

    slider = _slider(window)
    for step in range(STEPS):
        if step % 250 == 0:
            state.activation = keys[(step // 250) % len(keys)]
            slider = _slider(window)
        if step % 400 == 0:
            state.n_samples = counts[(step // 400) % len(counts)]
        position = (step * 37) % (slider.maximum() + 1)
        slider.setValue(position)
        if step % 100 == 0:
            window.grab()  # a full synchronous repaint of every plot
        QCoreApplication.processEvents()

    state.activation = start_key
    state.reset_params()
    state.n_samples = 1_000
    state.set_distribution("normal")
    assert window.wait_until_idle(timeout_s=60)
    _settle()
    after = len(window.findChildren(QObject))
    assert after == before
