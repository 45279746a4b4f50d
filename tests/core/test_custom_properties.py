"""The properties card's estimates for custom functions: honest ranges, sparsity, saturation."""

from __future__ import annotations

import math

import pytest

from actexplorer.core import get
from actexplorer.core.activation import Properties
from actexplorer.core.custom import CustomDefinition, build_activation


def estimate(expression: str, **params: float) -> Properties:
    return build_activation(CustomDefinition("probe", expression)).properties(**params)


def test_x_sigmoid_x_says_what_the_catalog_says_of_silu() -> None:
    custom, silu = estimate("x * sigmoid(x)"), get("silu").properties()
    lo, hi = custom.output_range
    assert lo == pytest.approx(silu.output_range[0], rel=1e-9)  # -0.27846...
    assert hi == math.inf == silu.output_range[1]  # not the edge of a sample grid
    assert (custom.sparse, custom.saturating) == (silu.sparse, silu.saturating) == (False, True)
    assert custom.monotonic is silu.monotonic is False
    assert custom.zero_centred is silu.zero_centred is False
    assert custom.identity_near_origin is silu.identity_near_origin is False


@pytest.mark.parametrize("a", [1.0, 2.5, -3.0])
def test_a_tanh_is_bounded_by_its_amplitude(a: float) -> None:
    props = estimate("a * tanh(x)", a=a)
    assert props.output_range == pytest.approx((-abs(a), abs(a)))
    assert props.saturating and not props.sparse and props.monotonic and props.zero_centred
    assert props.identity_near_origin is (a == 1.0)


def test_a_relu_written_with_where_matches_relu() -> None:
    custom, relu = estimate("where(x > 0, x, 0)"), get("relu").properties()
    assert custom.output_range == relu.output_range == (0.0, math.inf)
    assert custom.sparse and custom.saturating and custom.monotonic
    assert not custom.zero_centred
    assert (custom.sparse, custom.saturating, custom.zero_centred) == (
        relu.sparse,
        relu.saturating,
        relu.zero_centred,
    )


@pytest.mark.parametrize(
    ("expression", "lo", "hi"),
    [
        ("x", -math.inf, math.inf),
        ("log(1 + abs(x))", 0.0, math.inf),  # grows ever more slowly, but without bound
        ("x * sin(x)", -math.inf, math.inf),  # oscillates with growing amplitude
        ("1 / x", -math.inf, math.inf),  # a pole, found by zooming in
        ("minimum(x, 3)", -math.inf, 3.0),
        ("1 / (1 + x**2)", 0.0, 1.0),
    ],
)
def test_unbounded_sides_are_infinite_and_bounded_ones_are_not(
    expression: str, lo: float, hi: float
) -> None:
    assert estimate(expression).output_range == pytest.approx((lo, hi))


def test_softsign_levels_off_below_one() -> None:
    lo, hi = estimate("x / (1 + abs(x))").output_range
    assert -1 <= lo < -0.9999 and 0.9999 < hi <= 1


@pytest.mark.parametrize(
    ("expression", "sparse"),
    [
        ("maximum(x, 0)", True),
        ("x * sigmoid(x)", False),  # underflows to 0 far out, but is not 0 on an interval
        ("exp(-x**2)", False),
        ("x**2", False),  # a single zero
        ("where(abs(x) < 1, 0, x)", True),
    ],
)
def test_sparse_means_exact_zeros_on_an_interval(expression: str, sparse: bool) -> None:
    assert estimate(expression).sparse is sparse


@pytest.mark.parametrize(
    ("expression", "saturating"),
    [
        ("x", False),
        ("2 * x + sin(x)", False),
        ("sin(x)", False),
        ("tanh(x)", True),
        ("log(1 + abs(x))", True),  # f′ → 0 though f grows
        ("exp(x)", True),  # on the left
    ],
)
def test_saturating_means_the_derivative_vanishes_in_a_tail(
    expression: str, saturating: bool
) -> None:
    assert estimate(expression).saturating is saturating


def test_one_estimate_serves_every_property(monkeypatch: pytest.MonkeyPatch) -> None:
    from actexplorer.core import custom

    calls: list[object] = []
    original = custom.estimate_properties

    def counting(*args: object) -> Properties:
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(custom, "estimate_properties", counting)
    act = build_activation(CustomDefinition("probe", "a * tanh(x)"))
    act.properties(a=2.0)
    act.properties(a=2.0)
    assert len(calls) == 1
    act.properties(a=3.0)
    assert len(calls) == 2
