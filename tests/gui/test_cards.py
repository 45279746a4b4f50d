"""PropertiesCard and StatisticsPanel: the right texts for the catalog's data."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt

from actexplorer.core import (
    ACTIVATIONS,
    INF,
    Activation,
    Description,
    Family,
    Formula,
    ParamSpec,
    PropertyRules,
    Reference,
    Smoothness,
    VectorActivation,
    get,
)
from actexplorer.gui.cards import (
    PropertiesCard,
    StatisticsPanel,
    format_number,
    format_range,
    format_share,
)

# An ELU-like stand-in whose range depends on its parameter, independent of the catalog.
SHIFTED = Activation(
    key="shifted_stand_in",
    name="Shifted ELU",
    family=Family.EXPONENTIAL,
    formula=Formula(r"x", "x"),
    kernel=lambda x, alpha: np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0))),
    derivative_kernel=lambda x, alpha: np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0))),
    rules=PropertyRules(
        output_range=lambda p: (-p["alpha"], INF),
        smoothness=lambda p: Smoothness.C1 if p["alpha"] == 1 else Smoothness.C0,
        zero_centred=True,
        identity_near_origin=lambda p: p["alpha"] == 1,
    ),
    description=Description(summary="A test function.", strengths=("One",), weaknesses=()),
    params=(ParamSpec("alpha", 1.0, 0.0, 10.0, "negative saturation"),),
)


@pytest.fixture
def card(qtbot) -> PropertiesCard:
    widget = PropertiesCard()
    qtbot.addWidget(widget)
    widget.resize(280, 700)
    return widget


def test_relu_card_shows_the_catalog_facts_and_texts(card) -> None:
    relu = get("relu")
    card.set_activation(relu, {})
    assert card.name_label.text() == "ReLU"
    assert card.family_label.text() == Family.RECTIFIER.value
    assert card.fact("output_range") == "0 to ∞"
    assert card.fact("monotonic") == "yes"
    assert card.fact("smoothness").startswith("C⁰")
    assert card.fact("zero_centred") == "no"
    assert card.fact("saturating") == "yes"
    assert card.fact("sparse") == "yes"
    assert card.fact("identity_near_origin") == "no"
    description = relu.description
    assert card.summary_label.text() == description.summary
    for item in description.strengths:
        assert item in card.strengths_label.text()
    for item in description.weaknesses:
        assert item in card.weaknesses_label.text()
    assert card.usage_label.text() == description.usage
    reference = card.reference_label.text()
    assert "V. Nair, G. E. Hinton" in reference and "(2010)" in reference
    assert "Rectified Linear Units Improve" in reference and "ICML" in reference
    card.show()
    assert card.reference_label.isVisible() and card.facts.isVisible()


def test_a_parameter_change_updates_the_facts(card) -> None:
    card.set_activation(SHIFTED, {"alpha": 1.0})
    assert card.fact("output_range") == "−1 to ∞"
    assert card.fact("identity_near_origin") == "yes"
    assert card.fact("smoothness").startswith("C¹")
    card.set_params({"alpha": 2.5})
    assert card.fact("output_range") == "−2.5 to ∞"
    assert card.fact("identity_near_origin") == "no"
    assert card.fact("smoothness").startswith("C⁰")
    card.set_activation(SHIFTED, {})
    assert card.fact("output_range") == "−1 to ∞"
    with pytest.raises(ValueError, match="alpha"):
        card.set_params({"alpha": -1.0})


def test_empty_sections_are_hidden(card) -> None:
    card.set_activation(SHIFTED, {})
    card.show()
    assert card.strengths_label.isVisible()
    assert not card.weaknesses_label.isVisible() and not card.weaknesses_title.isVisible()
    assert not card.reference_label.isVisible()
    assert not card.usage_label.isVisible()


@pytest.mark.parametrize("key", ["elu", "leaky_relu", "selu", "sigmoid", "tanh", "gelu"])
def test_catalog_cards_render(card, key: str) -> None:
    if key not in ACTIVATIONS:
        pytest.skip(f"{key} is not in the catalog yet")
    act = get(key)
    card.set_activation(act, {})
    facts = act.properties()
    assert card.fact("output_range") == format_range(facts.output_range)
    assert card.fact("monotonic") == ("yes" if facts.monotonic else "no")
    if key == "elu":
        card.set_params({"alpha": 2.0})
        assert card.fact("output_range") == "−2 to ∞"


def test_vector_activation_shows_texts_without_scalar_facts(card) -> None:
    vector = VectorActivation(
        key="vector_stand_in",
        name="Softmax",
        formula=Formula("z", "z"),
        kernel=lambda v: v,
        jacobian_kernel=lambda v: np.eye(len(v)),
        description=Description(
            "Scores to probabilities.", reference=Reference("J. S. Bridle", 1990, "Training")
        ),
    )
    card.set_activation(vector, {})
    card.show()
    assert not card.facts.isVisible()
    assert card.summary_label.text() == "Scores to probabilities."
    assert "Bridle" in card.reference_label.text()


def test_formatting_helpers() -> None:
    assert format_number(-0.5) == "−0.5"
    assert format_number(math.inf) == "∞" and format_number(-math.inf) == "−∞"
    assert format_number(1.23456e-7) == "1.235×10⁻⁷"
    assert format_range((-1.0, 1.0)) == "−1 to 1"
    assert format_share(0.5) == "50.0 %"
    assert format_share(0.0312) == "3.12 %"
    assert format_share(1e-7) == "< 0.01 %"
    assert format_share(0.0) == "0.00 %"


# -- statistics ---------------------------------------------------------------------------------


def _stand_in(exact: object | None) -> SimpleNamespace:
    return SimpleNamespace(
        n=100_000,
        mean=0.3983,
        std=0.5814,
        min=0.0,
        max=4.225,
        dead_fraction=0.5002,
        saturated_fraction=0.5002,
        mean_abs_derivative=0.4998,
        exact=exact,
    )


@pytest.fixture
def panel(qtbot) -> StatisticsPanel:
    widget = StatisticsPanel()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_sampled_and_exact_side_by_side(panel) -> None:
    exact = SimpleNamespace(mean=0.3989, var=0.3408, mean_sq_derivative=0.5)
    panel.set_stats(_stand_in(exact))
    assert "100" in panel.samples_label.text() and "000" in panel.samples_label.text()
    assert panel.value("mean") == "0.3983"
    assert panel.value("std") == "0.5814"
    assert panel.value("var") == format_number(0.5814**2)
    assert panel.value("min") == "0"
    assert panel.value("max") == "4.225"
    assert panel.value("dead") == "50.0 %"
    assert panel.value("saturated") == "50.0 %"
    assert panel.value("mean_abs_derivative") == "0.4998"
    assert panel.value("mean_sq_derivative") == "—"  # the stand-in lacks the field
    assert panel.exact_visible()
    assert panel.value("mean", exact=True) == "0.3989"
    assert panel.value("var", exact=True) == "0.3408"
    assert panel.value("std", exact=True) == format_number(math.sqrt(0.3408))
    assert panel.value("mean_sq_derivative", exact=True) == "0.5"
    assert panel.value("dead", exact=True) == ""


def test_exact_column_hidden_without_exact_moments(panel) -> None:
    panel.set_stats(_stand_in(None))
    assert not panel.exact_visible()
    assert panel.value("mean") == "0.3983"
    panel.set_stats(None)
    assert panel.value("mean") == "—"
    assert panel.samples_label.text() == "No sample yet"


def test_busy_indicator(panel) -> None:
    panel.set_stats(_stand_in(None))
    assert not panel.is_busy()
    panel.set_busy(True)
    assert panel.is_busy() and panel.busy_bar.isVisible()
    assert not panel._sampled["mean"].isEnabled()  # stale numbers are dimmed
    panel.set_busy(False)
    assert not panel.is_busy()
    assert panel._sampled["mean"].isEnabled()


def test_nan_outputs_are_reported(panel) -> None:
    stats = _stand_in(None)
    stats.nan_count = 12
    panel.set_stats(stats)
    assert panel.warning_label.isVisible()
    assert "12 outputs are NaN" in panel.warning_label.text()


def test_real_sample_stats(panel) -> None:
    stats_module = pytest.importorskip("actexplorer.core.stats")
    sampling = pytest.importorskip("actexplorer.core.sampling")
    stats = stats_module.sample_stats(
        get("relu"), {}, sampling.InputDistribution("normal"), 20_000, 1
    )
    panel.set_stats(stats)
    assert panel.value("mean") == format_number(stats.mean)
    assert panel.value("dead") == format_share(stats.dead_fraction)
    assert panel.value("mean_sq_derivative") == format_number(stats.mean_sq_derivative)
    assert panel.exact_visible()
    # E[relu(X)] = 1/√(2π) for X ~ N(0, 1).
    assert panel.value("mean", exact=True) == format_number(1 / math.sqrt(2 * math.pi))


@pytest.mark.parametrize("width", [230, 480])
def test_no_fact_word_is_cut_in_a_narrow_or_wide_card(qtbot, width: int) -> None:
    card = PropertiesCard()
    qtbot.addWidget(card)
    card.resize(width, 700)
    card.show()
    qtbot.waitExposed(card)
    for key in ("elu", "relu", "gelu"):
        card.set_activation(get(key))
        QCoreApplication.processEvents()
        for field, _title, _tip in card.FACTS:
            for label in (card._fact_titles[field], card._fact_values[field]):
                room = label.contentsRect().width()
                for word in label.text().split(" "):
                    assert label.fontMetrics().horizontalAdvance(word) <= room, (key, word)
    # A short last word stays with its neighbour when a title wraps.
    assert card._fact_titles["identity_near_origin"].text().endswith("near\u00a00")


def test_numbers_selectable_under_the_mouse_and_plain_otherwise(qtbot) -> None:
    """A number can be selected and copied once the mouse is on it; while it changes with the
    mouse elsewhere (a slider drag) it is a plain label, which repaints without a document."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QEnterEvent

    from actexplorer.gui.cards import NumberLabel

    label = NumberLabel("n")
    qtbot.addWidget(label)
    label.show()
    label.set_number("1.25")
    plain = Qt.TextInteractionFlag.NoTextInteraction
    assert label.textInteractionFlags() == plain
    QCoreApplication.sendEvent(label, QEnterEvent(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2)))
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    label.setSelection(0, 2)
    label.set_number("1.5")  # text selected: stays selectable
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    label.setSelection(0, 0)
    label.set_number("2.0")  # the mouse still over it: stays selectable
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    QCoreApplication.sendEvent(label, QEvent(QEvent.Type.Leave))
    label.set_number("2.5")  # the mouse has left and nothing is selected
    assert label.textInteractionFlags() == plain
    assert label.text() == "2.5"


def test_infinitely_smooth_shows_a_raised_infinity(card: PropertiesCard) -> None:
    card.set_activation(get("gelu"))
    assert card.fact("smoothness").startswith("C^∞")
    label = card._fact_values["smoothness"]
    assert "<sup>∞</sup>" in label.text() and "^" not in label.text()


def test_descriptions_show_apostrophes_and_comparisons_as_written(card: PropertiesCard) -> None:
    """Plain sentences stay plain: no HTML entity for an apostrophe, no tag made of a "<"."""
    card.set_activation(get("swish"))
    usage = card.usage_label
    assert "Keras'" in usage.text() and "&#" not in usage.text()
    image = usage.grab().toImage()
    assert not image.isNull()
    for label in (card.usage_label, card.summary_label):
        label.setText("<b>x</b> < 0")
        assert label.textFormat() == Qt.TextFormat.PlainText
