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


class ExpressionError(ValueError):
    """A user expression was refused; ``column`` (1-based) points at the offending place."""

    def __init__(self, message: str, column: int | None = None, hint: str = "") -> None:
        self.reason = message
        self.column = column
        self.hint = hint
        where = "" if column is None else f" at column {column}"
        super().__init__(f"{message}{where}{hint}")


def _column(node: ast.AST) -> int | None:
    offset = getattr(node, "col_offset", None)
    return None if offset is None else offset + 1


def _known_functions() -> list[str]:
    return sorted({*_UNARY_FUNCTIONS, *_BINARY_FUNCTIONS, "where", *ACTIVATIONS.scalar()})


def _suggest(name: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return f" — did you mean {close[0]}?" if close else ""


# -- checking ---------------------------------------------------------------------------------
@dataclass
class _Checker:
    """Walks the tree once, refusing anything outside the grammar and collecting parameters."""

    parameters: list[str] = field(default_factory=list)
    nodes: int = 0

    def check(self, node: ast.AST, depth: int = 0) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ExpressionError(f"expression too large (more than {MAX_NODES} elements)")
        if depth > MAX_NESTING:
            raise ExpressionError(f"expression nested too deeply (more than {MAX_NESTING} levels)")
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is None:
            raise ExpressionError(f"{_describe(node)} is not allowed", _column(node))
        method(node, depth + 1)

    def _Constant(self, node: ast.Constant, depth: int) -> None:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ExpressionError(f"{value!r} is not a number", _column(node))
        if (isinstance(value, int) and value.bit_length() > 1000) or not math.isfinite(value):
            raise ExpressionError("number too large", _column(node))

    def _Name(self, node: ast.Name, depth: int) -> None:
        name = node.id
        if name in _UNARY_FUNCTIONS or name in _BINARY_FUNCTIONS or name == "where":
            raise ExpressionError(f"{name} is a function: write {name}(...)", _column(node))
        if name in ACTIVATIONS:
            raise ExpressionError(f"{name} is a function: write {name}(x)", _column(node))
        if name in _CONSTANTS or name == "x":
            return
        if name.startswith("_"):
            raise ExpressionError(f"name {name!r} is not allowed", _column(node))
        if name not in self.parameters:
            self.parameters.append(name)

    def _UnaryOp(self, node: ast.UnaryOp, depth: int) -> None:
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise ExpressionError(f"operator {_describe(node.op)} is not allowed", _column(node))
        self.check(node.operand, depth)

    def _BinOp(self, node: ast.BinOp, depth: int) -> None:
        if type(node.op) not in _BINOPS:
            raise ExpressionError(f"operator {_describe(node.op)} is not allowed", _column(node))
        if isinstance(node.op, ast.Pow):
            if any(
                isinstance(n, ast.BinOp) and isinstance(n.op, ast.Pow) for n in ast.walk(node.right)
            ):
                raise ExpressionError(
                    "a power of a power (like a**b**c) is not allowed; use parentheses",
                    _column(node),
                )
            exponent = _constant_value(node.right)
            if exponent is not None and not abs(exponent) <= MAX_EXPONENT:
                raise ExpressionError(
                    f"exponent {exponent:g} is too large (at most {MAX_EXPONENT:g})",
                    _column(node.right),
                )
        self.check(node.left, depth)
        self.check(node.right, depth)

    def _Compare(self, node: ast.Compare, depth: int) -> None:
        if len(node.ops) != 1:
            raise ExpressionError("chained comparisons are not allowed", _column(node))
        if type(node.ops[0]) not in _COMPARE:
            raise ExpressionError(f"{_describe(node.ops[0])} is not allowed", _column(node))
        self.check(node.left, depth)
        self.check(node.comparators[0], depth)

    def _Call(self, node: ast.Call, depth: int) -> None:
        if not isinstance(node.func, ast.Name):
            raise ExpressionError("only named functions can be called", _column(node))
        name = node.func.id
        arity = 1 if name in _UNARY_FUNCTIONS else 2 if name in _BINARY_FUNCTIONS else None
        if name == "where":
            arity = 3
        if arity is not None:
            if node.keywords or len(node.args) != arity:
                raise ExpressionError(
                    f"{name} takes {arity} argument{'s' * (arity > 1)}", _column(node)
                )
        elif name in ACTIVATIONS:
            activation = ACTIVATIONS[name]
            if name not in ACTIVATIONS.scalar():
                raise ExpressionError(f"{name} works on vectors, not on x", _column(node))
            if len(node.args) != 1:
                raise ExpressionError(f"{name} takes one input, e.g. {name}(x)", _column(node))
            for keyword in node.keywords:
                if keyword.arg is None:
                    raise ExpressionError("** arguments are not allowed", _column(keyword))
                if keyword.arg not in activation.param_names:
                    names = ", ".join(activation.param_names) or "no parameters"
                    raise ExpressionError(
                        f"{name} has no parameter {keyword.arg!r} (it takes {names})",
                        _column(keyword.value),
                        _suggest(keyword.arg, list(activation.param_names)),
                    )
                if any(isinstance(n, ast.Name) and n.id == "x" for n in ast.walk(keyword.value)):
                    raise ExpressionError(
                        f"parameter {keyword.arg} of {name} cannot depend on x",
                        _column(keyword.value),
                    )
        else:
            raise ExpressionError(
                f"unknown name {name!r}", _column(node), _suggest(name, _known_functions())
            )
        for argument in node.args:
            if isinstance(argument, ast.Starred):
                raise ExpressionError("* arguments are not allowed", _column(argument))
            self.check(argument, depth)
        for keyword in node.keywords:
            self.check(keyword.value, depth)


def _describe(node: ast.AST) -> str:
    names = {
        "Attribute": "attribute access",
        "Lambda": "lambda",
        "ListComp": "a comprehension",
        "SetComp": "a comprehension",
        "DictComp": "a comprehension",
        "GeneratorExp": "a comprehension",
        "Subscript": "indexing",
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
        "IfExp": "if/else (use where(condition, a, b))",
        "In": "in",
        "NotIn": "not in",
        "Is": "is",
        "IsNot": "is not",
        "JoinedStr": "a string",
        "NamedExpr": "assignment",
    }
    kind = type(node).__name__
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
        raise ExpressionError("the expression must be text")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"expression too long ({len(text)} characters; at most {MAX_LENGTH})")
    if not text.strip():
        raise ExpressionError("the expression is empty")
    depth = 0
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
            if depth > MAX_NESTING:
                raise ExpressionError(
                    f"too many nested parentheses (at most {MAX_NESTING})", index + 1
                )
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
    raise ExpressionError(f"{_describe(node)} is not allowed", _column(node))


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
            raise ExpressionError(f"no value for parameter {missing[0]!r}")
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
        message = (exc.msg or "invalid syntax").replace("'(' was never closed", "unclosed '('")
        raise ExpressionError(f"syntax error: {message}", max(1, exc.offset or 1)) from None
    except (ValueError, MemoryError, RecursionError):
        raise ExpressionError("the expression cannot be read") from None
    checker = _Checker()
    checker.check(tree.body)
    return CustomExpression(text=text.strip(), parameters=tuple(checker.parameters), tree=tree)


# -- a custom expression as a catalog activation --------------------------------------------------
#: Parameters the user has not given a range take this one.
DEFAULT_PARAM_RANGE = (-10.0, 10.0)
_PROBE = np.concatenate([-np.logspace(3, -3, 300), [0.0], np.logspace(-3, 3, 300)])


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
            raise ValueError("a custom activation must be an object")
        name, expression = data.get("name"), data.get("expression")
        if not isinstance(name, str) or not name.strip() or len(name) > 80:
            raise ValueError("custom activation 'name' must be a short non-empty text")
        if not isinstance(expression, str):
            raise ValueError("custom activation 'expression' must be text")
        raw = data.get("params", [])
        if not isinstance(raw, list):
            raise ValueError("custom activation 'params' must be a list")
        specs = []
        for index, item in enumerate(raw):
            if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
                raise ValueError(f"custom activation params[{index}] needs a 'name'")
            try:
                specs.append(
                    custom_param(
                        item["name"], item.get("default"), item.get("minimum"), item.get("maximum")
                    )
                )
            except (TypeError, ValueError) as exc:
                raise ValueError(f"custom activation params[{index}]: {exc}") from None
        return cls(name=name.strip(), expression=expression, params=tuple(specs))


def custom_param(
    name: str, default: object = None, minimum: object = None, maximum: object = None
) -> ParamSpec:
    """A ParamSpec for a user parameter; missing numbers take 1.0 and the default range."""

    def number(value: object, fallback: float, label: str) -> float:
        if value is None:
            return fallback
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{label} of {name!r} must be a number")
        if not math.isfinite(value):
            raise ValueError(f"{label} of {name!r} must be finite")
        return float(value)

    lo = number(minimum, DEFAULT_PARAM_RANGE[0], "minimum")
    hi = number(maximum, DEFAULT_PARAM_RANGE[1], "maximum")
    if not lo < hi:
        raise ValueError(f"minimum of {name!r} must be below its maximum")
    value = number(default, min(max(1.0, lo), hi), "default")
    if not lo <= value <= hi:
        raise ValueError(f"default of {name!r} must lie in [{lo:g}, {hi:g}]")
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

    def estimated(params: Mapping[str, ParamValue]) -> Properties:
        f, d = expression(_PROBE, params), derivative(_PROBE, params)
        finite = f[np.isfinite(f)]
        lo = float(finite.min()) if finite.size else -math.inf
        hi = float(finite.max()) if finite.size else math.inf
        f0, d0 = expression(np.zeros(1), params)[0], derivative(np.zeros(1), params)[0]
        steps = np.diff(f)
        return Properties(
            output_range=(lo, hi),
            monotonic=bool(np.all(steps >= 0) or np.all(steps <= 0)),
            smoothness=Smoothness.C0,
            zero_centred=bool(lo < 0 < hi),
            saturating=bool(abs(d[0]) < 1e-6 or abs(d[-1]) < 1e-6),
            sparse=bool(np.mean(f == 0) > 0.01),
            identity_near_origin=bool(f0 == 0 and abs(d0 - 1) < 1e-12),
        )

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
            summary=f"Your own function: {expression.text}.",
            usage=f"Derivative (symbolic): {derivative.text}",
        ),
        params=specs,
    )
