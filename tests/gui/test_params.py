"""Controls built from parameter specs: bound slider and field, log scale, refusals."""

from __future__ import annotations

import math

import pytest

from actexplorer.core import INF, ParamSpec
from actexplorer.gui.params import (
    SLIDER_STEPS,
    ChoiceControl,
    NumberControl,
    NumberField,
    SliderScale,
    SpecForm,
    parse_number,
)

SPECS = (
    ParamSpec("alpha", 1.0, 0.0, 10.0, "a linear one"),
    ParamSpec("beta", 1e-2, 1e-4, 1e2, "spans decades", log_scale=True),
    ParamSpec("lambd", 0.5, -INF, INF, "unbounded"),
    ParamSpec("approximate", "none", choices=("none", "tanh")),
)


@pytest.mark.parametrize(
    ("text", "value"), [("1", 1.0), (" -2.5 ", -2.5), ("1e-3", 1e-3), ("−4", -4.0), ("1,000", 1e3)]
)
def test_parse_number_accepts_numbers(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "nan", "inf", "-inf", "1e999", "0x1", "1.2.3"])
def test_parse_number_refuses_garbage(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


def test_parse_integer_refuses_fractions() -> None:
    assert parse_number("1e5", integer=True) == 100_000
    with pytest.raises(ValueError):
        parse_number("2.5", integer=True)


def test_log_scale_moves_by_decades() -> None:
    scale = SliderScale.for_spec(SPECS[1])
    assert scale.log
    assert scale.to_value(0) == 1e-4 and scale.to_value(SLIDER_STEPS) == 1e2
    assert scale.to_value(SLIDER_STEPS // 2) == pytest.approx(0.1, rel=1e-3)
    assert scale.to_step(1e-2) == pytest.approx(SLIDER_STEPS / 3, abs=1)


def test_unbounded_specs_get_a_finite_slider() -> None:
    scale = SliderScale.for_spec(SPECS[2])
    assert math.isfinite(scale.low) and math.isfinite(scale.high) and scale.low < 0.5 < scale.high


def test_slider_ends_hit_the_bounds_exactly() -> None:
    scale = SliderScale.for_spec(SPECS[0])
    assert scale.to_value(0) == 0.0 and scale.to_value(SLIDER_STEPS) == 10.0
    for step in range(0, SLIDER_STEPS + 1, 37):
        assert 0.0 <= scale.to_value(step) <= 10.0


def test_form_builds_one_control_per_spec(qtbot) -> None:
    form = SpecForm()
    qtbot.addWidget(form)
    form.set_specs(SPECS, {})
    assert isinstance(form.controls["alpha"], NumberControl)
    assert isinstance(form.controls["approximate"], ChoiceControl)
    assert form.controls["beta"].value() == 1e-2


def test_new_specs_hide_the_old_rows_at_once(qtbot) -> None:
    """The old rows are deleted later, by the event loop; until then they must not show under
    the new ones (a screenshot taken before the loop ran once showed both)."""
    from PySide6.QtWidgets import QApplication, QComboBox, QLabel

    form = SpecForm()
    qtbot.addWidget(form)
    form.show()
    form.set_specs(SPECS, {})
    form.set_specs(SPECS[:1], {})
    QApplication.processEvents()  # shows the new rows; deletions wait for an event loop
    assert not [w for w in form.findChildren(QComboBox) if w.isVisible()]
    assert [w for w in form.findChildren(NumberControl) if w.isVisible()] == [
        form.controls["alpha"]
    ]
    names = [w.text() for w in form.findChildren(QLabel) if w.isVisible() and w.text()]
    assert not any(name in " ".join(names) for name in ("beta", "lambd", "approximate"))


def test_slider_and_field_emit_values(qtbot) -> None:
    form = SpecForm()
    qtbot.addWidget(form)
    form.set_specs(SPECS, {})
    seen: list[tuple[str, object]] = []
    form.changed.connect(lambda name, value: seen.append((name, value)))
    control = form.controls["beta"]
    assert isinstance(control, NumberControl)
    control.slider.setValue(SLIDER_STEPS)
    control.field.setText("0.5")
    control.field.editingFinished.emit()
    control.reset_button.click()
    choice = form.controls["approximate"]
    assert isinstance(choice, ChoiceControl)
    choice.combo.setCurrentText("tanh")
    assert seen == [("beta", 1e2), ("beta", 0.5), ("beta", 1e-2), ("approximate", "tanh")]


def test_set_values_emits_nothing(qtbot) -> None:
    form = SpecForm()
    qtbot.addWidget(form)
    form.set_specs(SPECS, {})
    seen: list[object] = []
    form.changed.connect(lambda *a: seen.append(a))
    form.set_values({"alpha": 3.0, "beta": 1.0, "approximate": "tanh"})
    assert seen == []
    assert form.controls["alpha"].value() == 3.0
    assert form.controls["alpha"].slider.value() == 300


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "11", "-1", ""])
def test_field_refuses_with_a_visible_message(qtbot, text: str) -> None:
    form = SpecForm()
    qtbot.addWidget(form)
    form.show()
    form.set_specs(SPECS, {})
    seen: list[object] = []
    form.changed.connect(lambda *a: seen.append(a))
    field = form.controls["alpha"].field
    assert isinstance(field, NumberField)
    field.setText(text)
    field.editingFinished.emit()
    assert seen == []
    assert field.text() == "1" and field.value() == 1.0
    assert form.message.isVisible() and form.message.text()
    assert field.property("invalid") is True
    field.setText("2")
    field.editingFinished.emit()
    assert seen == [("alpha", 2.0)] and field.property("invalid") is False
