"""SoftmaxView: model → widget and widget → model, bar dragging, sizes, temperature, Jacobian."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from actexplorer.core import ACTIVATIONS, Description, Formula, ParamSpec, VectorActivation
from actexplorer.gui.softmax_view import MAX_ENTRIES, MIN_ENTRIES, SoftmaxView

# Small stand-ins with known closed forms, so these tests do not depend on the catalog.


def _softmax(v: np.ndarray, temperature: float) -> np.ndarray:
    z = v / temperature
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _softmax_jacobian(v: np.ndarray, temperature: float) -> np.ndarray:
    p = _softmax(v, temperature)
    return (np.diag(p) - np.outer(p, p)) / temperature


def _glu(v: np.ndarray) -> np.ndarray:
    n = v.shape[-1]
    if n % 2:
        raise ValueError("GLU needs an even length")
    return v[..., : n // 2] / (1.0 + np.exp(-v[..., n // 2 :]))


def _glu_jacobian(v: np.ndarray) -> np.ndarray:
    h = v.shape[-1] // 2
    s = 1.0 / (1.0 + np.exp(-v[h:]))
    return np.hstack([np.diag(s), np.diag(v[:h] * s * (1.0 - s))])


SOFTMAX = VectorActivation(
    key="softmax_stand_in",
    name="Softmax",
    formula=Formula(r"\frac{e^{z_i/T}}{\sum_j e^{z_j/T}}", "exp(z_i/T) / sum_j exp(z_j/T)"),
    kernel=_softmax,
    jacobian_kernel=_softmax_jacobian,
    description=Description("Turns scores into probabilities."),
    params=(ParamSpec("temperature", 1.0, 0.01, 100.0, "T", log_scale=True),),
)
GLU = VectorActivation(
    key="glu_stand_in",
    name="GLU",
    formula=Formula(r"a \otimes \sigma(b)", "a * sigmoid(b)"),
    kernel=_glu,
    jacobian_kernel=_glu_jacobian,
    description=Description("Gates one half of the vector with the other."),
    output_size=lambda n: n // 2,
)


@pytest.fixture
def view(qtbot) -> SoftmaxView:
    widget = SoftmaxView()
    qtbot.addWidget(widget)
    widget.set_activation(SOFTMAX, {"temperature": 1.0})
    widget.set_logits([2.0, 1.0, 0.1, -1.0])
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# -- model → widget ---------------------------------------------------------------------------


def test_set_logits_updates_every_part_without_emitting(view, qtbot) -> None:
    with qtbot.assertNotEmitted(view.logitsChanged), qtbot.assertNotEmitted(view.paramsChanged):
        view.set_logits([0.5, -0.5, 3.0, 1.0, 0.0])
    assert [spin.value() for spin in view.spin_boxes()] == [0.5, -0.5, 3.0, 1.0, 0.0]
    heights = view._bars.opts["height"]
    np.testing.assert_array_equal(heights, [0.5, -0.5, 3.0, 1.0, 0.0])
    expected = SOFTMAX.forward([0.5, -0.5, 3.0, 1.0, 0.0], temperature=1.0)
    np.testing.assert_array_equal(view.outputs(), expected)
    np.testing.assert_array_equal(view._output_bars.opts["height"], expected)
    assert view.output_labels() == [f"{p:.3f}" for p in expected]


def test_jacobian_heat_map_shows_act_jacobian(view) -> None:
    logits = [1.0, -2.0, 0.5, 3.0]
    view.set_logits(logits)
    view.set_params({"temperature": 0.5})
    expected = SOFTMAX.jacobian(logits, temperature=0.5)
    np.testing.assert_array_equal(view.jacobian(), expected)
    np.testing.assert_array_equal(view.jacobian_image.image, expected)
    cells = np.array([[float(text) for text in row] for row in view.cell_labels()])
    np.testing.assert_allclose(cells, expected, atol=5e-4)
    low, high = view.colour_bar.levels()
    assert low == -high == -np.abs(expected).max()  # the diverging map is centred on 0


def test_set_params_moves_the_slider_without_emitting(view, qtbot) -> None:
    row = view.param_row("temperature")
    middle = row.slider.value()
    with qtbot.assertNotEmitted(view.paramsChanged):
        view.set_params({"temperature": 10.0})
    assert row.slider.value() > middle
    assert row.value_label.text() == "10"
    np.testing.assert_array_equal(view.outputs(), SOFTMAX.forward(view.logits(), temperature=10.0))
    with pytest.raises(ValueError, match="temperature"):
        view.set_params({"temperature": -1.0})


def test_set_logits_refuses_bad_vectors(view) -> None:
    for bad in ([1.0, 2.0], [0.0] * 11, [1.0, float("nan"), 2.0], [1.0, float("inf"), 0.0]):
        with pytest.raises(ValueError):
            view.set_logits(bad)
    assert view.logits() == [2.0, 1.0, 0.1, -1.0]


# -- widget → model ---------------------------------------------------------------------------


def test_typing_a_logit_emits_the_new_vector(view, qtbot) -> None:
    spin = view.spin_boxes()[2]
    spin.lineEdit().selectAll()
    with qtbot.waitSignal(view.logitsChanged) as blocker:
        qtbot.keyClicks(spin.lineEdit(), "4.5")
        qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert blocker.args == [[2.0, 1.0, 4.5, -1.0]]
    np.testing.assert_array_equal(
        view.outputs(), SOFTMAX.forward([2.0, 1.0, 4.5, -1.0], temperature=1.0)
    )


def _type(widget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("garbage", ["abc", "nan", "NaN", "inf", "-inf", "∞", "--"])
def test_garbage_in_a_spin_box_is_refused_visibly(view, qtbot, garbage: str) -> None:
    spin = view.spin_boxes()[0]
    spin.lineEdit().selectAll()
    with qtbot.assertNotEmitted(view.logitsChanged):
        _type(spin.lineEdit(), garbage)  # QTest.keyClicks aborts on characters beyond Latin-1
        qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert view.message.isVisible()
    assert "refused" in view.message.text()
    assert view.logits() == [2.0, 1.0, 0.1, -1.0]


def test_out_of_range_digits_are_refused_visibly(view, qtbot) -> None:
    spin = view.spin_boxes()[0]
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "999")  # "9" is fine, "99" would leave [-50, 50]
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert view.message.isVisible()
    assert "[-50, 50]" in view.message.text()
    assert view.logits() == [9.0, 1.0, 0.1, -1.0]


def test_moving_the_temperature_slider_emits_params(view, qtbot) -> None:
    row = view.param_row("temperature")
    with qtbot.waitSignal(view.paramsChanged) as blocker:
        row.slider.setValue(row.slider.maximum())
    assert blocker.args == [{"temperature": 100.0}]
    with qtbot.waitSignal(view.paramsChanged) as blocker:
        row.slider.setValue(0)
    assert blocker.args == [{"temperature": 0.01}]
    # The log scale puts T = 1 in the middle of [0.01, 100].
    with qtbot.waitSignal(view.paramsChanged) as blocker:
        row.slider.setValue(row.slider.maximum() // 2)
    assert blocker.args == [{"temperature": 1.0}]
    np.testing.assert_array_equal(view.outputs(), SOFTMAX.forward(view.logits(), temperature=1.0))


def test_adding_and_removing_entries_stays_within_bounds(view, qtbot) -> None:
    emitted: list[list[float]] = []
    view.logitsChanged.connect(emitted.append)
    for _ in range(MAX_ENTRIES + 3):
        view.add_button.click() if view.add_button.isEnabled() else view.add_entry()
    assert len(view.logits()) == MAX_ENTRIES
    assert not view.add_button.isEnabled()
    assert "At most" in view.message.text()
    assert len(view.spin_boxes()) == MAX_ENTRIES
    assert all(spin.isVisible() for spin in view.spin_boxes())
    assert view.jacobian().shape == (MAX_ENTRIES, MAX_ENTRIES)
    for _ in range(MAX_ENTRIES):
        view.remove_button.click() if view.remove_button.isEnabled() else view.remove_entry()
    assert len(view.logits()) == MIN_ENTRIES
    assert not view.remove_button.isEnabled()
    assert view.logits() == [2.0, 1.0, 0.1]
    assert [len(v) for v in emitted] == [5, 6, 7, 8, 9, 10, 9, 8, 7, 6, 5, 4, 3]
    assert view.output_labels() == [f"{p:.3f}" for p in SOFTMAX.forward([2.0, 1.0, 0.1])]


def _send_drag(plot, start: QPointF, end: QPointF, steps: int = 12) -> None:
    viewport = plot.viewport()
    buttons = Qt.MouseButton.LeftButton

    def send(kind: QEvent.Type, pos: QPointF, button: Qt.MouseButton) -> None:
        event = QMouseEvent(
            kind, pos, viewport.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(viewport, event)

    send(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    for k in range(1, steps + 1):
        send(QEvent.Type.MouseMove, start + (end - start) * (k / steps), Qt.MouseButton.NoButton)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.LeftButton)


def _to_widget(plot, x: float, y: float) -> QPointF:
    scene = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    return QPointF(plot.mapFromScene(scene))


def test_dragging_a_bar_top_changes_that_logit(view, qtbot) -> None:
    plot = view.logits_plot
    emitted: list[list[float]] = []
    view.logitsChanged.connect(emitted.append)
    start, end = _to_widget(plot, 1, 1.0), _to_widget(plot, 1, -0.5)
    _send_drag(plot, start, end)
    assert emitted, "dragging the handle emitted nothing"
    final = emitted[-1]
    assert final[0] == 2.0 and final[2] == 0.1 and final[3] == -1.0  # others untouched
    assert final[1] == pytest.approx(-0.5, abs=0.05)
    assert view.logits() == final
    assert view.spin_boxes()[1].value() == final[1]
    np.testing.assert_array_equal(view.outputs(), SOFTMAX.forward(final, temperature=1.0))


def test_dragging_a_bar_body_works_too(view) -> None:
    plot = view.logits_plot
    emitted: list[list[float]] = []
    view.logitsChanged.connect(emitted.append)
    _send_drag(plot, _to_widget(plot, 0, 1.0), _to_widget(plot, 0, 1.8))
    assert emitted and emitted[-1][0] == pytest.approx(2.8, abs=0.05)


# -- shapes and the real catalog -------------------------------------------------------------


def test_glu_takes_even_lengths_and_halves_the_output(qtbot) -> None:
    view = SoftmaxView()
    qtbot.addWidget(view)
    view.set_activation(GLU, {})
    assert view.allowed_sizes() == [4, 6, 8, 10]
    assert len(view.logits()) == 4
    with pytest.raises(KeyError):
        view.param_row("temperature")  # GLU has no parameters, so no slider
    view.set_logits([1.0, -1.0, 0.5, 2.0, 0.0, -3.0])
    assert view.outputs().shape == (3,)
    np.testing.assert_array_equal(view.jacobian(), GLU.jacobian([1.0, -1.0, 0.5, 2.0, 0.0, -3.0]))
    view.add_entry()
    assert len(view.logits()) == 8
    view.remove_entry()
    view.remove_entry()
    assert len(view.logits()) == 4
    with pytest.raises(ValueError, match="length"):
        view.set_logits([1.0, 2.0, 3.0])


@pytest.mark.parametrize("key", ["softmax", "log_softmax", "softmin", "glu"])
def test_catalog_vector_functions(qtbot, key: str) -> None:
    if key not in ACTIVATIONS:
        pytest.skip(f"{key} is not in the catalog yet")
    act = ACTIVATIONS[key]
    view = SoftmaxView()
    qtbot.addWidget(view)
    view.set_activation(act, {})
    sizes = view.allowed_sizes()
    assert sizes
    logits = list(np.linspace(-1.5, 2.0, sizes[0]))
    view.set_logits(logits)
    np.testing.assert_array_equal(view.outputs(), act.forward(logits))
    np.testing.assert_array_equal(view.jacobian(), act.jacobian(logits))
    if "temperature" in act.param_names:
        view.param_row("temperature").slider.setValue(0)
        t = view.params()["temperature"]
        np.testing.assert_array_equal(view.outputs(), act.forward(logits, temperature=t))


def test_palette_change_restyles_the_plots(view) -> None:
    from PySide6.QtGui import QColor, QPalette

    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#101214"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    view.setPalette(palette)
    assert view.logits_plot.backgroundBrush().color() == QColor("#101214")
    assert not view.grab().isNull()
