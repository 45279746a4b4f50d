"""Activations typed by the user: a safe expression language with a symbolic derivative.

The text is parsed with :mod:`ast` and checked against a whitelist before anything runs; it is
never handed to ``eval``, ``exec``, ``sympify`` or ``parse_expr``. Evaluation walks the checked
tree with NumPy. The derivative is built by SymPy from the same tree (SymPy is imported only when a
derivative is first asked for), simplified when cheap, and evaluated by walking SymPy's tree with
NumPy again, so no generated code is executed either.

Grammar: numbers, ``x``, named parameters, ``+ - * / **``, comparisons, ``where``, ``minimum``,
``maximum``, ``abs``, ``sign``, ``exp``, ``expm1``, ``log``, ``log1p``, ``sqrt``, ``sin``, ``cos``,
``tanh``, ``erf``, the constants ``pi`` and ``e``, and every scalar catalog function by its key
with keyword parameters, e.g. ``leaky_relu(x, negative_slope=a)``.
"""

from __future__ import annotations

import ast
import difflib
import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .activation import (
    Activation,
    Description,
    Family,
    FloatArray,
    Formula,
    ParamSpec,
    ParamValue,
    Properties,
    PropertyRules,
    Smoothness,
)
from .messages import Message, reason_of, template
from .registry import ACTIVATIONS, CUSTOM_PREFIX

MAX_LENGTH = 2_000
MAX_NESTING = 40
MAX_NODES = 400
MAX_EXPONENT = 64.0


def _erf(value: Any) -> Any:
    """erf(v), with scipy.special imported on first use: it costs ~0.25 s at start-up, and
    opening the window or a scene rarely needs it."""
    from scipy import special

    return special.erf(value)


_UNARY_FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "exp": np.exp,
    "expm1": np.expm1,
    "log": np.log,
    "log1p": np.log1p,
    "sqrt": np.sqrt,
    "sin": np.sin,
    "cos": np.cos,
    "tanh": np.tanh,
    "erf": _erf,
    "abs": np.abs,
    "sign": np.sign,
}
_BINARY_FUNCTIONS: dict[str, Callable[[Any, Any], Any]] = {
    "minimum": np.minimum,
    "maximum": np.maximum,
}
_CONSTANTS = {"pi": math.pi, "e": math.e}
_BUILTIN_NAMES = {*_UNARY_FUNCTIONS, *_BINARY_FUNCTIONS, "where", *_CONSTANTS, "x"}

_BINOPS: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: np.add,
    ast.Sub: np.subtract,
    ast.Mult: np.multiply,
    ast.Div: np.divide,
    ast.Pow: np.power,
}
_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], Any]] = {
    ast.Lt: np.less,
    ast.LtE: np.less_equal,
    ast.Gt: np.greater,
    ast.GtE: np.greater_equal,
    ast.Eq: np.equal,
    ast.NotEq: np.not_equal,
}


# User-visible refusals (translated through actexplorer.core.locale).
_AT_COLUMN = template("{reason} at column {column}{hint}")
_WITH_HINT = template("{reason}{hint}")
_DID_YOU_MEAN = template(" — did you mean {name}?")
_YOUR_OWN = template("Your own function: {expression}.")
_SYMBOLIC = template("Derivative (symbolic): {derivative}")
# Refusals of the symbolic layer (_custom_symbolic), registered here so that they are known
# without importing SymPy. ``detail`` is SymPy's own message.
_CANNOT_DIFFERENTIATE = template("cannot differentiate {what}")
_NO_FORMULA = template("the expression cannot be written as a formula ({detail})")
_NO_DERIVATIVE = template("the derivative cannot be built ({detail})")
_CANNOT_EVALUATE = template("cannot evaluate {what} in the derivative")
_TOO_LARGE = template("expression too large (more than {limit} elements)")
_TOO_DEEP = template("expression nested too deeply (more than {limit} levels)")
_NOT_ALLOWED = template("{what} is not allowed")
_OPERATOR_NOT_ALLOWED = template("operator {what} is not allowed")
_NOT_A_NUMBER = template("{value!r} is not a number")
_NUMBER_TOO_LARGE = template("number too large")
_CALL_IT = template("{name} is a function: write {name}(...)")
_CALL_IT_ON_X = template("{name} is a function: write {name}(x)")
_NAME_NOT_ALLOWED = template("name {name!r} is not allowed")
_POWER_OF_POWER = template("a power of a power (like a**b**c) is not allowed; use parentheses")
_EXPONENT_TOO_LARGE = template("exponent {value} is too large (at most {limit})")
_CHAINED = template("chained comparisons are not allowed")
_ONLY_NAMED_CALLS = template("only named functions can be called")
_TAKES_ONE_ARGUMENT = template("{name} takes {count} argument")
_TAKES_ARGUMENTS = template("{name} takes {count} arguments")
_WORKS_ON_VECTORS = template("{name} works on vectors, not on x")
_TAKES_ONE_INPUT = template("{name} takes one input, e.g. {name}(x)")
_NO_DOUBLE_STAR = template("** arguments are not allowed")
_NO_STAR = template("* arguments are not allowed")
_NO_SUCH_PARAMETER = template("{name} has no parameter {param!r} (it takes {names})")
_NO_PARAMETERS = template("no parameters")
_DEPENDS_ON_X = template("parameter {param} of {name} cannot depend on x")
_UNKNOWN_NAME = template("unknown name {name!r}")
_NOT_TEXT = template("the expression must be text")
_TOO_LONG = template("expression too long ({length} characters; at most {limit})")
_EMPTY = template("the expression is empty")
_TOO_MANY_PARENTHESES = template("too many nested parentheses (at most {limit})")
_NO_VALUE = template("no value for parameter {name!r}")
_SYNTAX_ERROR = template("syntax error: {detail}")
_CANNOT_READ = template("the expression cannot be read")
# Python's own syntax messages that an expression commonly meets; others stay as Python says.
_SYNTAX_DETAILS = {
    "invalid syntax": template("invalid syntax"),
    "invalid syntax. Perhaps you forgot a comma?": template(
        "invalid syntax. Perhaps you forgot a comma?"
    ),
    "'(' was never closed": template("unclosed '('"),
    "invalid decimal literal": template("invalid decimal literal"),
}
_UNMATCHED = template("unmatched {bracket}")
_NEVER_CLOSED = template("{bracket} was never closed")
_NOT_AN_OBJECT = template("a custom activation must be an object")
_BAD_NAME = template("custom activation 'name' must be a short non-empty text")
_BAD_EXPRESSION = template("custom activation 'expression' must be text")
_BAD_PARAMS = template("custom activation 'params' must be a list")
_PARAM_NEEDS_NAME = template("custom activation params[{index}] needs a 'name'")
_BAD_PARAM = template("custom activation params[{index}]: {reason}")
_MINIMUM = template("minimum")
_MAXIMUM = template("maximum")
_DEFAULT = template("default")
_BOUND_NOT_A_NUMBER = template("{label} of {name!r} must be a number")
_BOUND_NOT_FINITE = template("{label} of {name!r} must be finite")
_EMPTY_RANGE = template("minimum of {name!r} must be below its maximum")
_DEFAULT_OUTSIDE = template("default of {name!r} must lie in [{lo}, {hi}]")


class ExpressionError(ValueError):
    """A user expression was refused; ``column`` (1-based) points at the offending place.

    ``reason`` and ``hint`` (a "did you mean" or "") are translatable :class:`Message` texts;
    the whole message reads "<reason> at column <column><hint>".
    """

    def __init__(self, message: str, column: int | None = None, hint: str = "") -> None:
        self.reason = message
        self.column = column
        self.hint = hint
        text: str
        if column is not None:
            text = Message(_AT_COLUMN, reason=message, column=column, hint=hint)
        else:
            text = Message(_WITH_HINT, reason=message, hint=hint) if hint else message
        super().__init__(text)


def _column(node: ast.AST) -> int | None:
    offset = getattr(node, "col_offset", None)
    return None if offset is None else offset + 1


def _known_functions() -> list[str]:
    return sorted({*_UNARY_FUNCTIONS, *_BINARY_FUNCTIONS, "where", *ACTIVATIONS.scalar()})


def _suggest(name: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return Message(_DID_YOU_MEAN, name=close[0]) if close else ""


# -- checking ---------------------------------------------------------------------------------
@dataclass
class _Checker:
    """Walks the tree once, refusing anything outside the grammar and collecting parameters."""

    parameters: list[str] = field(default_factory=list)
    nodes: int = 0

    def check(self, node: ast.AST, depth: int = 0) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ExpressionError(Message(_TOO_LARGE, limit=MAX_NODES))
        if depth > MAX_NESTING:
            raise ExpressionError(Message(_TOO_DEEP, limit=MAX_NESTING))
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is None:
            raise ExpressionError(Message(_NOT_ALLOWED, what=_describe(node)), _column(node))
        method(node, depth + 1)

    def _Constant(self, node: ast.Constant, depth: int) -> None:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ExpressionError(Message(_NOT_A_NUMBER, value=value), _column(node))
        if (isinstance(value, int) and value.bit_length() > 1000) or not math.isfinite(value):
            raise ExpressionError(Message(_NUMBER_TOO_LARGE), _column(node))

    def _Name(self, node: ast.Name, depth: int) -> None:
        name = node.id
        if name in _UNARY_FUNCTIONS or name in _BINARY_FUNCTIONS or name == "where":
            raise ExpressionError(Message(_CALL_IT, name=name), _column(node))
        if name in ACTIVATIONS:
            raise ExpressionError(Message(_CALL_IT_ON_X, name=name), _column(node))
        if name in _CONSTANTS or name == "x":
            return
        if name.startswith("_"):
            raise ExpressionError(Message(_NAME_NOT_ALLOWED, name=name), _column(node))
        if name not in self.parameters:
            self.parameters.append(name)

    def _UnaryOp(self, node: ast.UnaryOp, depth: int) -> None:
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise ExpressionError(
                Message(_OPERATOR_NOT_ALLOWED, what=_describe(node.op)), _column(node)
            )
        self.check(node.operand, depth)

    def _BinOp(self, node: ast.BinOp, depth: int) -> None:
        if type(node.op) not in _BINOPS:
            raise ExpressionError(
                Message(_OPERATOR_NOT_ALLOWED, what=_describe(node.op)), _column(node)
            )
        if isinstance(node.op, ast.Pow):
            if any(
                isinstance(n, ast.BinOp) and isinstance(n.op, ast.Pow) for n in ast.walk(node.right)
            ):
                raise ExpressionError(Message(_POWER_OF_POWER), _column(node))
            exponent = _constant_value(node.right)
            if exponent is not None and not abs(exponent) <= MAX_EXPONENT:
                raise ExpressionError(
                    Message(_EXPONENT_TOO_LARGE, value=f"{exponent:g}", limit=f"{MAX_EXPONENT:g}"),
                    _column(node.right),
                )
        self.check(node.left, depth)
        self.check(node.right, depth)

    def _Compare(self, node: ast.Compare, depth: int) -> None:
        if len(node.ops) != 1:
            raise ExpressionError(Message(_CHAINED), _column(node))
        if type(node.ops[0]) not in _COMPARE:
            raise ExpressionError(Message(_NOT_ALLOWED, what=_describe(node.ops[0])), _column(node))
        self.check(node.left, depth)
        self.check(node.comparators[0], depth)

    def _Call(self, node: ast.Call, depth: int) -> None:
        if not isinstance(node.func, ast.Name):
            raise ExpressionError(Message(_ONLY_NAMED_CALLS), _column(node))
        name = node.func.id
        arity = 1 if name in _UNARY_FUNCTIONS else 2 if name in _BINARY_FUNCTIONS else None
        if name == "where":
            arity = 3
        if arity is not None:
            if node.keywords or len(node.args) != arity:
                takes = _TAKES_ARGUMENTS if arity > 1 else _TAKES_ONE_ARGUMENT
                raise ExpressionError(Message(takes, name=name, count=arity), _column(node))
        elif name in ACTIVATIONS:
            activation = ACTIVATIONS[name]
            if name not in ACTIVATIONS.scalar():
                raise ExpressionError(Message(_WORKS_ON_VECTORS, name=name), _column(node))
            if len(node.args) != 1:
                raise ExpressionError(Message(_TAKES_ONE_INPUT, name=name), _column(node))
            for keyword in node.keywords:
                if keyword.arg is None:
                    raise ExpressionError(Message(_NO_DOUBLE_STAR), _column(keyword))
                if keyword.arg not in activation.param_names:
                    names: str = ", ".join(activation.param_names) or Message(_NO_PARAMETERS)
                    raise ExpressionError(
                        Message(_NO_SUCH_PARAMETER, name=name, param=keyword.arg, names=names),
                        _column(keyword.value),
                        _suggest(keyword.arg, list(activation.param_names)),
                    )
                if any(isinstance(n, ast.Name) and n.id == "x" for n in ast.walk(keyword.value)):
                    raise ExpressionError(
                        Message(_DEPENDS_ON_X, param=keyword.arg, name=name),
                        _column(keyword.value),
                    )
        else:
            raise ExpressionError(
                Message(_UNKNOWN_NAME, name=name), _column(node), _suggest(name, _known_functions())
            )
        for argument in node.args:
            if isinstance(argument, ast.Starred):
                raise ExpressionError(Message(_NO_STAR), _column(argument))
            self.check(argument, depth)
        for keyword in node.keywords:
            self.check(keyword.value, depth)


_ATTRIBUTE_ACCESS = template("attribute access")
_A_COMPREHENSION = template("a comprehension")
_INDEXING = template("indexing")
_IF_ELSE = template("if/else (use where(condition, a, b))")
_A_STRING = template("a string")
_ASSIGNMENT = template("assignment")
# What the checker names a refused construct: words are translated, symbols and keywords not.
_WORDS = {
    "Attribute": _ATTRIBUTE_ACCESS,
    "ListComp": _A_COMPREHENSION,
    "SetComp": _A_COMPREHENSION,
    "DictComp": _A_COMPREHENSION,
    "GeneratorExp": _A_COMPREHENSION,
    "Subscript": _INDEXING,
    "IfExp": _IF_ELSE,
    "JoinedStr": _A_STRING,
    "NamedExpr": _ASSIGNMENT,
}


def _describe(node: ast.AST) -> str:
    kind = type(node).__name__
    if kind in _WORDS:
        return Message(_WORDS[kind])
    names = {
        "Lambda": "lambda",
        "Mod": "%",
        "FloorDiv": "//",
        "MatMult": "@",
        "BitAnd": "&",
        "BitOr": "|",
        "BitXor": "^",
        "LShift": "<<",
        "RShift": ">>",
        "Invert": "~",
        "Not": "not",
        "BoolOp": "and/or",
        "In": "in",
        "NotIn": "not in",
        "Is": "is",
        "IsNot": "is not",
    }
    return names.get(kind, kind.lower())


def _constant_value(node: ast.AST) -> float | None:
    """The value of a constant-only subtree (numbers, unary minus, + - * /), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value) if not isinstance(node.value, bool) else None
    if isinstance(node, ast.Name) and node.id in _CONSTANTS:
        return _CONSTANTS[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = _constant_value(node.operand)
        return None if inner is None else (-inner if isinstance(node.op, ast.USub) else inner)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
        left, right = _constant_value(node.left), _constant_value(node.right)
        if left is None or right is None:
            return None
        with np.errstate(all="ignore"):
            return float(_BINOPS[type(node.op)](np.float64(left), np.float64(right)))
    return None


def _precheck(text: str) -> None:
    if not isinstance(text, str):
        raise ExpressionError(Message(_NOT_TEXT))
    if len(text) > MAX_LENGTH:
        raise ExpressionError(Message(_TOO_LONG, length=len(text), limit=MAX_LENGTH))
    if not text.strip():
        raise ExpressionError(Message(_EMPTY))
    depth = 0
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
            if depth > MAX_NESTING:
                raise ExpressionError(Message(_TOO_MANY_PARENTHESES, limit=MAX_NESTING), index + 1)
        elif char in ")]}":
            depth -= 1


# -- evaluation ---------------------------------------------------------------------------------
Env = Mapping[str, Any]


def _evaluate(node: ast.AST, env: Env) -> Any:
    if isinstance(node, ast.Constant):
        return float(node.value)  # type: ignore[arg-type]  # the checker admitted numbers only
    if isinstance(node, ast.Name):
        return _CONSTANTS[node.id] if node.id in _CONSTANTS else env[node.id]
    if isinstance(node, ast.UnaryOp):
        value = _evaluate(node.operand, env)
        return np.negative(value) if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp):
        return _BINOPS[type(node.op)](_evaluate(node.left, env), _evaluate(node.right, env))
    if isinstance(node, ast.Compare):
        op = _COMPARE[type(node.ops[0])]
        return op(_evaluate(node.left, env), _evaluate(node.comparators[0], env)).astype(np.float64)
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        name = node.func.id
        args = [_evaluate(a, env) for a in node.args]
        if name in _UNARY_FUNCTIONS:
            return _UNARY_FUNCTIONS[name](args[0])
        if name in _BINARY_FUNCTIONS:
            return _BINARY_FUNCTIONS[name](args[0], args[1])
        if name == "where":
            return np.where(np.asarray(args[0]) != 0, args[1], args[2])
        kwargs = {k.arg: float(_evaluate(k.value, env)) for k in node.keywords if k.arg}
        return ACTIVATIONS.scalar()[name].forward(args[0], **kwargs)
    raise ExpressionError(Message(_NOT_ALLOWED, what=_describe(node)), _column(node))


@dataclass(frozen=True)
class Derivative:
    """The symbolic derivative of a custom expression, ready to show and to evaluate."""

    latex: str
    text: str
    _evaluate: Callable[[FloatArray, Env], FloatArray] = field(repr=False)

    def __call__(self, x: FloatArray, params: Env) -> FloatArray:
        """f′(x) at the given parameter values."""
        with np.errstate(all="ignore"):
            value = self._evaluate(x, {"x": x, **params})
        result: FloatArray = np.array(np.broadcast_to(value, np.shape(x)), dtype=np.float64)
        return result


@dataclass(frozen=True, eq=False)
class CustomExpression:
    """A checked user expression in ``x`` and ``parameters`` (in order of appearance)."""

    text: str
    parameters: tuple[str, ...]
    tree: ast.Expression = field(repr=False)

    def __call__(self, x: FloatArray, params: Env) -> FloatArray:
        """f(x) at the given parameter values, vectorised."""
        missing = [p for p in self.parameters if p not in params]
        if missing:
            raise ExpressionError(Message(_NO_VALUE, name=missing[0]))
        x = np.asarray(x, dtype=np.float64)
        with np.errstate(all="ignore"):
            value = _evaluate(self.tree.body, {**params, "x": x})
        result: FloatArray = np.array(np.broadcast_to(value, x.shape), dtype=np.float64)
        return result

    def derivative(self) -> Derivative:
        """d/dx of the expression, derived symbolically (computed once, then cached)."""
        cached = _DERIVATIVES.get(self.text)
        if cached is None:
            from . import _custom_symbolic

            cached = _custom_symbolic.derive(self)
            if len(_DERIVATIVES) > 64:
                _DERIVATIVES.clear()
            _DERIVATIVES[self.text] = cached
        return cached

    def latex(self) -> str:
        """The expression as LaTeX (via SymPy)."""
        from . import _custom_symbolic

        return _custom_symbolic.to_latex(self)


_DERIVATIVES: dict[str, Derivative] = {}


def parse_expression(text: str) -> CustomExpression:
    """Check ``text`` against the grammar and return it ready to evaluate.

    Raises :class:`ExpressionError` (a ``ValueError``) naming the problem and its column.
    """
    _precheck(text)
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        detail = _syntax_detail(exc.msg or "invalid syntax")
        raise ExpressionError(
            Message(_SYNTAX_ERROR, detail=detail), max(1, exc.offset or 1)
        ) from None
    except (ValueError, MemoryError, RecursionError):
        raise ExpressionError(Message(_CANNOT_READ)) from None
    checker = _Checker()
    checker.check(tree.body)
    return CustomExpression(text=text.strip(), parameters=tuple(checker.parameters), tree=tree)


def _syntax_detail(message: str) -> str:
    """Python's syntax message, translatable where it is one the grammar commonly meets."""
    if message in _SYNTAX_DETAILS:
        return Message(_SYNTAX_DETAILS[message])
    for pattern, wording in (("unmatched ", _UNMATCHED), ("", _NEVER_CLOSED)):
        suffix = "" if pattern else " was never closed"
        if message.startswith(pattern) and message.endswith(suffix):
            bracket = message[len(pattern) : len(message) - len(suffix)]
            if len(bracket) == 3 and bracket[0] == bracket[2] == "'":
                return Message(wording, bracket=bracket)
    return message


# -- a custom expression as a catalog activation --------------------------------------------------
#: Parameters the user has not given a range take this one.
DEFAULT_PARAM_RANGE = (-10.0, 10.0)
#: Where properties are estimated: 0 and ±10⁻⁴ … ±10⁶, 100 points a decade (then ±inf).
_MAGNITUDES = np.logspace(-4, 6, 1001)
_PROBE = np.concatenate([-_MAGNITUDES[::-1], [0.0], _MAGNITUDES])
#: Index of |x| = 10⁴ and 10⁵ among the magnitudes: the tails are judged over the last decades.
_TAIL_4, _TAIL_5 = 800, 900
#: Exact zeros count as a dead interval only for |x| ≤ this: further out exp(-x²) or
#: x·sigmoid(x) underflow to 0 in floating point without being 0.
_SPARSE_WINDOW = 10.0
#: |f′| in the last decade of a tail at most this share of its size near the origin: saturating.
_SATURATION_SHARE = 1e-3
#: Probabilists' Gauss–Hermite rule for E f(Z), Z ~ N(0, 1).
_HERMITE_NODES, _HERMITE_WEIGHTS = np.polynomial.hermite_e.hermegauss(121)
_HERMITE_WEIGHTS = _HERMITE_WEIGHTS / math.sqrt(2.0 * math.pi)

_Curve = Callable[[FloatArray, Mapping[str, ParamValue]], FloatArray]


def estimate_properties(f: _Curve, df: _Curve, params: Mapping[str, ParamValue]) -> Properties:
    """Range, monotonicity, ... of x ↦ ``f(x, params)`` judged numerically (f′ is ``df``).

    f and f′ are evaluated at 0, at ±10⁻⁴ … ±10⁶ and at ±inf. The range is the hull of the finite
    values, refined near an interior extremum; a side is unbounded (±inf) when f is infinite at
    ±inf or somewhere on the grid, or when the running extreme of a tail keeps growing over its
    last decades (log x does, softsign does not). ``sparse``: exact zeros at neighbouring points
    with |x| ≤ 10 (an interval, not the single zero of x·sigmoid(x) or an underflow far out);
    ``saturating``: |f′| in the last decade of a tail is below 10⁻³ of its size for |x| ≤ 10;
    ``zero_centred``: |E f(Z)| < 0.05 sd f(Z) for Z ~ N(0, 1) (Gauss–Hermite), as the catalog.
    """
    x = _PROBE
    with np.errstate(all="ignore"):
        values = np.asarray(f(x, params), dtype=np.float64)
        slopes = np.asarray(df(x, params), dtype=np.float64)
        limits = np.asarray(f(np.array([-math.inf, math.inf]), params), dtype=np.float64)
        lo, hi = _estimated_range(f, params, values, limits)
        finite = values[np.isfinite(values)]
        steps = np.diff(finite)
        f0 = float(f(np.zeros(1), params)[0])
        d0 = float(df(np.zeros(1), params)[0])
        return Properties(
            output_range=(lo, hi),
            monotonic=bool(finite.size and (np.all(steps >= 0) or np.all(steps <= 0))),
            smoothness=Smoothness.C0,
            zero_centred=_zero_centred(f, params),
            saturating=_saturating(x, slopes),
            sparse=_sparse(x, values),
            identity_near_origin=bool(f0 == 0 and abs(d0 - 1) < 1e-12),
        )


def _estimated_range(
    f: _Curve, params: Mapping[str, ParamValue], values: FloatArray, limits: FloatArray
) -> tuple[float, float]:
    finite = np.isfinite(values)
    known = np.concatenate([values[finite], limits[np.isfinite(limits)]])
    if not known.size:
        return -math.inf, math.inf
    lo, hi = float(known.min()), float(known.max())
    unbounded_below = bool(np.any(values == -math.inf) or np.any(limits == -math.inf))
    unbounded_above = bool(np.any(values == math.inf) or np.any(limits == math.inf))
    if lo == float(values[finite].min()):
        refined = _refined_extreme(f, params, values, lowest=True)
        # Zooming in found far lower values: a pole (1/x near 0), not a minimum.
        unbounded_below |= refined < lo - 10 * (abs(lo) + 1)
        lo = min(lo, refined)
    if hi == float(values[finite].max()):
        refined = _refined_extreme(f, params, values, lowest=False)
        unbounded_above |= refined > hi + 10 * (abs(hi) + 1)
        hi = max(hi, refined)
    middle = len(_MAGNITUDES)
    tails = (values[middle::-1], values[middle:])  # each from 0 outwards
    for tail, limit in zip(tails, limits, strict=True):
        if math.isfinite(limit):
            continue  # the limit bounds this tail
        tail = tail[1:]  # aligned with _MAGNITUDES
        unbounded_above |= _keeps_growing(
            np.fmax.accumulate(np.where(np.isnan(tail), -np.inf, tail))
        )
        unbounded_below |= _keeps_growing(
            -np.fmin.accumulate(np.where(np.isnan(tail), np.inf, tail))
        )
    return (-math.inf if unbounded_below else lo), (math.inf if unbounded_above else hi)


def _keeps_growing(envelope: FloatArray) -> bool:
    """True when a running maximum still grows over the last decade at least half as much as
    over the decade before (log x, x, x·sin x), not when it levels off (softsign, tanh)."""
    a, b, c = (float(envelope[i]) for i in (_TAIL_4, _TAIL_5, -1))
    if not (math.isfinite(a) and math.isfinite(b) and math.isfinite(c)):
        return False
    late, early = c - b, b - a
    return late > 1e-9 * max(1.0, abs(c)) and late >= 0.5 * early


def _refined_extreme(
    f: _Curve, params: Mapping[str, ParamValue], values: FloatArray, lowest: bool
) -> float:
    """The grid's extreme value, sharpened by zooming into its neighbourhood three times."""
    sign = 1.0 if lowest else -1.0
    scores = np.where(np.isfinite(values), sign * values, np.inf)
    index = int(np.argmin(scores))
    best = float(values[index])
    if not 0 < index < len(_PROBE) - 1:
        return best
    left, right = float(_PROBE[index - 1]), float(_PROBE[index + 1])
    for _ in range(3):
        xs = np.linspace(left, right, 201)
        local = np.asarray(f(xs, params), dtype=np.float64)
        local_scores = np.where(np.isfinite(local), sign * local, np.inf)
        at = int(np.argmin(local_scores))
        if not math.isfinite(local_scores[at]):
            break
        best = min(best, float(local[at])) if lowest else max(best, float(local[at]))
        left, right = float(xs[max(at - 1, 0)]), float(xs[min(at + 1, len(xs) - 1)])
    return best


def _sparse(x: FloatArray, values: FloatArray) -> bool:
    zero = (values == 0) & (np.abs(x) <= _SPARSE_WINDOW)
    return bool(np.any(zero[1:] & zero[:-1]))


def _saturating(x: FloatArray, slopes: FloatArray) -> bool:
    near = np.abs(slopes[(np.abs(x) <= 10) & np.isfinite(slopes)])
    scale = float(near.max()) if near.size else 0.0
    middle = len(_MAGNITUDES)
    for tail in (slopes[: middle - _TAIL_5], slopes[middle + 1 + _TAIL_5 :]):
        finite = np.abs(tail[np.isfinite(tail)])
        if finite.size * 2 > tail.size and float(finite.max()) <= _SATURATION_SHARE * scale:
            return True
    return False


def _zero_centred(f: _Curve, params: Mapping[str, ParamValue]) -> bool:
    values = np.asarray(f(_HERMITE_NODES, params), dtype=np.float64)
    if not np.all(np.isfinite(values)):
        return False
    mean = float(_HERMITE_WEIGHTS @ values)
    spread = float(_HERMITE_WEIGHTS @ (values - mean) ** 2)
    return abs(mean) < 0.05 * math.sqrt(max(spread, 0.0))


@dataclass(frozen=True)
class CustomDefinition:
    """What the user typed: a name, an expression and a range and default for each parameter."""

    name: str
    expression: str
    params: tuple[ParamSpec, ...] = ()

    @property
    def key(self) -> str:
        """Registry key, e.g. ``custom:my_swish``."""
        slug = "".join(c if c.isalnum() else "_" for c in self.name.strip().lower()).strip("_")
        return CUSTOM_PREFIX + (slug or "unnamed")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description (for scenes and settings)."""
        return {
            "name": self.name,
            "expression": self.expression,
            "params": [
                {"name": p.name, "default": p.default, "minimum": p.minimum, "maximum": p.maximum}
                for p in self.params
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CustomDefinition:
        """The inverse of :meth:`to_dict`; ``ValueError`` naming the bad field."""
        if not isinstance(data, Mapping):
            raise ValueError(Message(_NOT_AN_OBJECT))
        name, expression = data.get("name"), data.get("expression")
        if not isinstance(name, str) or not name.strip() or len(name) > 80:
            raise ValueError(Message(_BAD_NAME))
        if not isinstance(expression, str):
            raise ValueError(Message(_BAD_EXPRESSION))
        raw = data.get("params", [])
        if not isinstance(raw, list):
            raise ValueError(Message(_BAD_PARAMS))
        specs = []
        for index, item in enumerate(raw):
            if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
                raise ValueError(Message(_PARAM_NEEDS_NAME, index=index))
            try:
                specs.append(
                    custom_param(
                        item["name"], item.get("default"), item.get("minimum"), item.get("maximum")
                    )
                )
            except (TypeError, ValueError) as exc:
                raise ValueError(Message(_BAD_PARAM, index=index, reason=reason_of(exc))) from None
        return cls(name=name.strip(), expression=expression, params=tuple(specs))


def custom_param(
    name: str, default: object = None, minimum: object = None, maximum: object = None
) -> ParamSpec:
    """A ParamSpec for a user parameter; missing numbers take 1.0 and the default range."""

    def number(value: object, fallback: float, label: Message) -> float:
        if value is None:
            return fallback
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(Message(_BOUND_NOT_A_NUMBER, label=label, name=name))
        if not math.isfinite(value):
            raise ValueError(Message(_BOUND_NOT_FINITE, label=label, name=name))
        return float(value)

    lo = number(minimum, DEFAULT_PARAM_RANGE[0], Message(_MINIMUM))
    hi = number(maximum, DEFAULT_PARAM_RANGE[1], Message(_MAXIMUM))
    if not lo < hi:
        raise ValueError(Message(_EMPTY_RANGE, name=name))
    value = number(default, min(max(1.0, lo), hi), Message(_DEFAULT))
    if not lo <= value <= hi:
        raise ValueError(Message(_DEFAULT_OUTSIDE, name=name, lo=f"{lo:g}", hi=f"{hi:g}"))
    return ParamSpec(name, value, lo, hi, description=f"user parameter {name}")


def build_activation(definition: CustomDefinition) -> Activation:
    """An :class:`Activation` evaluating the user's expression and its symbolic derivative.

    Parameters the expression uses but the definition does not list get a default of 1 and the
    range [-10, 10]; listed parameters the expression does not use are dropped. Properties are
    estimated numerically on a wide grid at the current parameters.
    """
    expression = parse_expression(definition.expression)
    given = {spec.name: spec for spec in definition.params}
    specs = tuple(given.get(name) or custom_param(name) for name in expression.parameters)
    derivative = expression.derivative()

    def kernel(x: FloatArray, **params: ParamValue) -> FloatArray:
        return expression(x, params)

    def derivative_kernel(x: FloatArray, **params: ParamValue) -> FloatArray:
        return derivative(x, params)

    @functools.lru_cache(maxsize=16)
    def estimated_at(key: tuple[tuple[str, ParamValue], ...]) -> Properties:
        return estimate_properties(expression, derivative, dict(key))

    def estimated(params: Mapping[str, ParamValue]) -> Properties:
        # Each property rule asks separately; one estimate serves them all.
        return estimated_at(tuple(sorted(params.items())))

    rules = PropertyRules(
        output_range=lambda p: estimated(p).output_range,
        monotonic=lambda p: estimated(p).monotonic,
        smoothness=Smoothness.C0,
        zero_centred=lambda p: estimated(p).zero_centred,
        saturating=lambda p: estimated(p).saturating,
        sparse=lambda p: estimated(p).sparse,
        identity_near_origin=lambda p: estimated(p).identity_near_origin,
    )
    return Activation(
        key=definition.key,
        name=definition.name,
        family=Family.CUSTOM,
        formula=Formula(latex=expression.latex(), text=expression.text),
        kernel=kernel,
        derivative_kernel=derivative_kernel,
        rules=rules,
        description=Description(
            summary=Message(_YOUR_OWN, expression=expression.text),
            usage=Message(_SYMBOLIC, derivative=derivative.text),
        ),
        params=specs,
    )
