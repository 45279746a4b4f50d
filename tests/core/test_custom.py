"""User expressions: what is accepted, what is refused and how, and the symbolic derivative."""

from __future__ import annotations

import math
import sys
import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actexplorer.core.custom import ExpressionError, parse_expression

X = np.linspace(-4.0, 4.0, 81) + 0.0123  # away from 0, where the examples have kinks


def _high_order_difference(expr, params, x, h=1e-3):
    """Fourth-order central difference: truncation ~h⁴, far below the tolerance used."""
    f = lambda t: expr(t, params)  # noqa: E731
    return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h)


@pytest.mark.parametrize(
    ("text", "params", "truth"),
    [
        ("x * relu(x)", {}, lambda x: x * np.maximum(x, 0)),
        ("log1p(exp(a*x))/a", {"a": 1.5}, lambda x: np.logaddexp(0, 1.5 * x) / 1.5),
        (
            "where(x > 0, x, alpha * expm1(x))",
            {"alpha": 1.2},
            lambda x: np.where(x > 0, x, 1.2 * np.expm1(x)),
        ),
        ("maximum(x, 0) ** 2", {}, lambda x: np.maximum(x, 0) ** 2),
        ("minimum(maximum(x, -1), 1)", {}, lambda x: np.clip(x, -1, 1)),
        ("abs(x) * sign(x) + sqrt(x*x + 1) - 1", {}, lambda x: x + np.sqrt(x * x + 1) - 1),
        ("sin(x) * cos(x) + tanh(x) + erf(x) / pi + e", {}, None),
        ("(x > 1) * x", {}, lambda x: (x > 1) * x),
    ],
)
def test_evaluates_and_derives(text: str, params: dict, truth) -> None:
    expr = parse_expression(text)
    assert set(expr.parameters) == set(params)
    f = expr(X, params)
    assert f.shape == X.shape and f.dtype == np.float64
    if truth is not None:
        np.testing.assert_allclose(f, truth(X), rtol=1e-14, atol=1e-15)
    slope = expr.derivative()
    assert slope.latex and slope.text
    np.testing.assert_allclose(
        slope(X, params), _high_order_difference(expr, params, X), rtol=1e-8, atol=1e-9
    )


def test_catalog_functions_with_keyword_parameters() -> None:
    expr = parse_expression("x * relu(beta * x)")
    assert expr.parameters == ("beta",)
    np.testing.assert_allclose(expr(X, {"beta": 2.0}), X * np.maximum(2 * X, 0))
    np.testing.assert_allclose(
        expr.derivative()(X, {"beta": 2.0}),
        _high_order_difference(expr, {"beta": 2.0}, X),
        rtol=1e-8,
        atol=1e-9,
    )


def test_parameters_in_order_of_appearance() -> None:
    assert parse_expression("b * x + a * x + b").parameters == ("b", "a")


def test_missing_parameter_value() -> None:
    with pytest.raises(ExpressionError, match="'a'"):
        parse_expression("a * x")(X, {})


def test_unknown_name_points_at_it_and_suggests() -> None:
    with pytest.raises(ExpressionError) as info:
        parse_expression("x * sigmod(beta * x)")
    error = info.value
    assert error.column == 5
    assert "unknown name 'sigmod' at column 5" in str(error)
    assert "did you mean" in str(error)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("__import__('os').system('echo hacked')", "only named functions"),
        ("x.real", "attribute access"),
        ("(lambda: 1)()", "only named functions"),
        ("lambda t: t", "lambda"),
        ("[t for t in x]", "comprehension"),
        ("{t: 1 for t in x}", "comprehension"),
        ("x ** 10 ** 10", "power of a power"),
        ("x ** 1e10", "too large"),
        ("(" * 10_000 + "x" + ")" * 10_000, "too long"),
        ("(" * 100 + "x" + ")" * 100, "nested parentheses"),
        ("x" * 1_000_000, "too long"),
        ("exp + 1", "is a function"),
        ("x if x > 0 else 0", "where(condition, a, b)"),
        ("x[0]", "indexing"),
        ("x % 2", "%"),
        ("x and 1", "and/or"),
        ("'text'", "not a number"),
        ("1e999 * x", "too large"),
        ("1 +", "syntax error"),
        ("", "empty"),
        ("_secret * x", "not allowed"),
        ("0 < x < 1", "chained"),
        ("exp(x, 2)", "takes 1 argument"),
        ("where(x, 1)", "takes 3 arguments"),
        ("relu(x, slope=1)", "no parameter"),
        ("relu(x, x)", "one input"),
        ("sigmoid(*x)", "* arguments"),
    ],
)
def test_refused_with_a_clear_message(text: str, fragment: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ExpressionError, match=None) as info:
        parse_expression(text)
    assert fragment in str(info.value)
    assert time.perf_counter() - started < 1.0  # a hang detector, not a speed target


class _Tripwire:
    """An audit hook that records any attempt to execute code or touch the system."""

    armed = False
    events: list[str] = []  # noqa: RUF012

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        if cls.armed and (
            event in {"exec", "os.system", "subprocess.Popen", "open", "import", "builtins.input"}
            or event.startswith("os.")
        ):
            cls.events.append(event)


sys.addaudithook(_Tripwire.hook)

_ATOMS = ["x", "a", "b", "1", "2.5", "pi", "e", "__import__", "os", "eval", "sigmoid", "relu"]
_GLUE = [
    "+",
    "-",
    "*",
    "/",
    "**",
    "(",
    ")",
    ",",
    ".",
    "<",
    ">=",
    "==",
    "[",
    "]",
    "'",
    "lambda",
    ":",
    " ",
    "=",
    "exp(",
    "where(",
    "relu(x, ",
    "negative_slope=",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=60),
        st.lists(st.sampled_from(_ATOMS + _GLUE), max_size=30).map("".join),
    )
)
def test_fuzz_only_expression_errors_and_no_code_runs(text: str) -> None:
    _Tripwire.events.clear()
    _Tripwire.armed = True
    started = time.perf_counter()
    try:
        try:
            expr = parse_expression(text)
        except ExpressionError:
            return
        params = dict.fromkeys(expr.parameters, 0.5)
        value = expr(X, params)
        assert value.shape == X.shape
    finally:
        _Tripwire.armed = False
        elapsed = time.perf_counter() - started
    assert not _Tripwire.events, f"{text!r} triggered {_Tripwire.events}"
    assert elapsed < 2.0, f"{text!r} took {elapsed:.2f} s"


def test_derivative_of_kinked_expression_has_no_delta() -> None:
    slope = parse_expression("abs(x) + sign(x)").derivative()
    assert "delta" not in slope.text.lower()
    np.testing.assert_array_equal(slope(np.array([-2.0, 3.0]), {}), [-1.0, 1.0])


def test_derivative_is_cached() -> None:
    expr = parse_expression("x * tanh(x)")
    assert expr.derivative() is parse_expression("x * tanh(x)").derivative()


def test_latex_of_expression() -> None:
    assert "\\tanh" in parse_expression("x * tanh(x)").latex()


def test_nonfinite_results_are_quiet() -> None:
    expr = parse_expression("exp(x) / x")
    with np.errstate(all="raise"):
        values = expr(np.array([0.0, 1000.0, -math.inf]), {})
    assert np.isnan(values[0]) or np.isinf(values[0])


def test_build_activation_from_definition() -> None:
    from actexplorer.core.custom import CustomDefinition, build_activation, custom_param

    definition = CustomDefinition(
        "My swish", "x / (1 + exp(-beta * x))", (custom_param("beta", 1.5, 0.1, 5.0),)
    )
    act = build_activation(definition)
    assert act.key == "custom:my_swish" and act.param_names == ("beta",)
    np.testing.assert_allclose(act.forward(X), X / (1 + np.exp(-1.5 * X)), rtol=1e-14)
    np.testing.assert_allclose(
        act.derivative(X, beta=2.0),
        _high_order_difference(parse_expression(definition.expression), {"beta": 2.0}, X),
        rtol=1e-8,
        atol=1e-9,
    )
    with pytest.raises(ValueError, match="beta"):
        act.forward(X, beta=9.0)
    props = act.properties()
    assert props.monotonic is False and props.identity_near_origin is False
    assert CustomDefinition.from_dict(definition.to_dict()) == definition


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ([], "object"),
        ({"name": "", "expression": "x"}, "name"),
        ({"name": "a", "expression": 3}, "expression"),
        ({"name": "a", "expression": "x", "params": {}}, "params"),
        ({"name": "a", "expression": "x", "params": [{"name": "k", "default": "1"}]}, "number"),
        (
            {"name": "a", "expression": "x", "params": [{"name": "k", "minimum": 2, "maximum": 1}]},
            "below",
        ),
        (
            {"name": "a", "expression": "x", "params": [{"name": "k", "default": math.nan}]},
            "finite",
        ),
    ],
)
def test_definition_from_bad_dict(data, fragment: str) -> None:
    from actexplorer.core.custom import CustomDefinition

    with pytest.raises(ValueError, match=fragment):
        CustomDefinition.from_dict(data)
