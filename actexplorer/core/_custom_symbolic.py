"""SymPy side of custom expressions: build a SymPy tree from the checked AST, differentiate it,
and evaluate the result by walking SymPy's tree with NumPy (no code generation, no ``eval``).

Imported only when a derivative or a rendered formula is first needed: SymPy is slow to import.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import numpy as np
import sympy
from scipy import special

from .activation import FloatArray
from .custom import (
    _CANNOT_DIFFERENTIATE,
    _CANNOT_EVALUATE,
    _NO_DERIVATIVE,
    _NO_FORMULA,
    CustomExpression,
    Derivative,
    ExpressionError,
)
from .custom import _evaluate as _evaluate_node
from .messages import Message
from .registry import ACTIVATIONS

X = sympy.Symbol("x", real=True)
_SIMPLIFY_LIMIT = 40  # operations; simplify() is too slow to run on anything bigger


class Expm1(sympy.Function):
    """exp(z) − 1, kept as one function so evaluation stays accurate near 0."""

    def fdiff(self, argindex: int = 1) -> Any:
        return sympy.exp(self.args[0])

    def _latex(self, printer: Any, exp: Any = None) -> str:
        return _raised(rf"\left(e^{{{printer._print(self.args[0])}}} - 1\right)", printer, exp)


class Log1p(sympy.Function):
    """log(1 + z), kept as one function so evaluation stays accurate near 0."""

    def fdiff(self, argindex: int = 1) -> Any:
        return 1 / (1 + self.args[0])

    def _latex(self, printer: Any, exp: Any = None) -> str:
        return _raised(rf"\ln\left(1 + {printer._print(self.args[0])}\right)", printer, exp)


def _raised(tex: str, printer: Any, exp: Any) -> str:
    """``tex`` raised to ``exp`` (SymPy's printer passes the power of a function call this way)."""
    if exp is None:
        return tex
    power = exp if isinstance(exp, str) else printer._print(exp)
    return rf"\left({tex}\right)^{{{power}}}"


@cache
def _catalog_function(key: str, derivative: bool) -> type[sympy.Function]:
    """A SymPy function standing for a catalog activation (or its derivative)."""
    activation = ACTIVATIONS.scalar()[key]
    # Shown by its key, as the user types it (the display name may hold spaces and brackets).
    name = key + ("'" if derivative else "")

    def fdiff(self: Any, argindex: int = 1) -> Any:
        if derivative:
            raise sympy.ArgumentIndexError(self, argindex)  # second derivatives are not offered
        return _catalog_function(key, True)(*self.args)

    def latex(self: Any, printer: Any, exp: Any = None) -> str:
        arguments = [printer._print(self.args[0])]
        arguments += [
            rf"\mathrm{{{n}}}={printer._print(v)}"
            for n, v in zip(activation.param_names, self.args[1:], strict=False)
            if v is not None
        ]
        label = name.replace("_", r"\_")
        return _raised(
            rf"\operatorname{{{label}}}\left({', '.join(arguments)}\right)", printer, exp
        )

    return type(
        name,  # the plain-text form of the derivative prints the class name
        (sympy.Function,),
        {
            "fdiff": fdiff,
            "_latex": latex,
            "_catalog": (key, derivative),
            "nargs": None,
        },
    )


def _folded(node: ast.AST) -> Any:
    """A constant subtree holding a call or a comparison as one number, else None.

    SymPy tries to decide comparisons of constants such as ``2 > expm1(2)`` symbolically, which
    can take minutes; NumPy gives the value at once and the derivative of a constant is 0 anyway.
    """
    if any(isinstance(n, ast.Name) and n.id not in ("pi", "e") for n in ast.walk(node)):
        return None
    if not any(isinstance(n, (ast.Call, ast.Compare)) for n in ast.walk(node)):
        return None
    with np.errstate(all="ignore"):
        value = float(np.asarray(_evaluate_constant(node), dtype=np.float64))
    return sympy.nan if not np.isfinite(value) else sympy.Float(value)


def _evaluate_constant(node: ast.AST) -> Any:
    return _evaluate_node(node, {})


def _to_sympy(node: ast.AST, symbols: Mapping[str, sympy.Symbol]) -> Any:
    folded = _folded(node)
    if folded is not None:
        return folded
    if isinstance(node, ast.Constant):
        value = node.value
        return sympy.Integer(value) if isinstance(value, int) else sympy.Float(value)
    if isinstance(node, ast.Name):
        if node.id == "pi":
            return sympy.pi
        if node.id == "e":
            return sympy.E
        return X if node.id == "x" else symbols[node.id]
    if isinstance(node, ast.UnaryOp):
        operand = _to_sympy(node.operand, symbols)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        left, right = _to_sympy(node.left, symbols), _to_sympy(node.right, symbols)
        op = node.op
        if isinstance(op, ast.Add):
            return left + right
        if isinstance(op, ast.Sub):
            return left - right
        if isinstance(op, ast.Mult):
            return left * right
        if isinstance(op, ast.Div):
            return left / right
        return left**right
    if isinstance(node, ast.Compare):  # a comparison used as a number is a 0/1 step
        return sympy.Piecewise((1, _condition(node, symbols)), (0, True), evaluate=False)
    if isinstance(node, ast.Call):
        assert isinstance(node.func, ast.Name)
        name = node.func.id
        args = [_to_sympy(a, symbols) for a in node.args]
        simple = {
            "exp": sympy.exp,
            "expm1": Expm1,
            "log": sympy.log,
            "log1p": Log1p,
            "sqrt": sympy.sqrt,
            "sin": sympy.sin,
            "cos": sympy.cos,
            "tanh": sympy.tanh,
            "erf": sympy.erf,
            "abs": sympy.Abs,
            "sign": sympy.sign,
            "minimum": sympy.Min,
            "maximum": sympy.Max,
        }
        if name in simple:
            return simple[name](*args)
        if name == "where":
            return sympy.Piecewise(
                (args[1], _condition(node.args[0], symbols)), (args[2], True), evaluate=False
            )
        activation = ACTIVATIONS.scalar()[name]
        given = {k.arg: _to_sympy(k.value, symbols) for k in node.keywords}
        values = [
            given.get(p, sympy.Float(d) if isinstance(d, float) else sympy.Symbol(str(d)))
            for p, d in activation.defaults.items()
        ]
        return _catalog_function(name, False)(args[0], *values)
    raise ExpressionError(Message(_CANNOT_DIFFERENTIATE, what=type(node).__name__))


def _condition(node: ast.AST, symbols: Mapping[str, sympy.Symbol]) -> Any:
    """The SymPy relation for a condition (a comparison, or any number meaning "≠ 0")."""
    if not isinstance(node, ast.Compare):
        return sympy.Ne(_to_sympy(node, symbols), 0)
    left = _to_sympy(node.left, symbols)
    right = _to_sympy(node.comparators[0], symbols)
    relation = {
        ast.Lt: sympy.StrictLessThan,
        ast.LtE: sympy.LessThan,
        ast.Gt: sympy.StrictGreaterThan,
        ast.GtE: sympy.GreaterThan,
        ast.Eq: sympy.Eq,
        ast.NotEq: sympy.Ne,
    }[type(node.ops[0])]
    return relation(left, right)


def _symbols(expression: CustomExpression) -> dict[str, sympy.Symbol]:
    return {name: sympy.Symbol(name, real=True) for name in expression.parameters}


def to_latex(expression: CustomExpression) -> str:
    """LaTeX of the expression as typed."""
    try:
        return str(sympy.latex(_to_sympy(expression.tree.body, _symbols(expression))))
    except ExpressionError:
        raise
    except (TypeError, ValueError, ArithmeticError, RecursionError, AttributeError) as exc:
        raise ExpressionError(Message(_NO_FORMULA, detail=str(exc))) from None


def derive(expression: CustomExpression) -> Derivative:
    """Differentiate ``expression`` with respect to x.

    SymPy may fail on exotic combinations (constant comparisons it cannot decide, complex
    intermediate values); such an expression is refused with :class:`ExpressionError`.
    """
    try:
        return _derive(expression)
    except ExpressionError:
        raise
    except (TypeError, ValueError, ArithmeticError, RecursionError, AttributeError) as exc:
        raise ExpressionError(Message(_NO_DERIVATIVE, detail=str(exc))) from None


def _derive(expression: CustomExpression) -> Derivative:
    tree = _to_sympy(expression.tree.body, _symbols(expression))
    slope = sympy.diff(tree, X)
    # Kinks and jumps: the distributional parts are zero almost everywhere; drop them.
    slope = slope.replace(lambda e: isinstance(e, sympy.DiracDelta), lambda e: sympy.Integer(0))
    # Evaluate the derivative as differentiated: it keeps expm1, log1p and catalog functions whose
    # kernels are accurate. Show the simplified form when simplify() is cheap and helps.
    shown = slope
    if sympy.count_ops(slope) <= _SIMPLIFY_LIMIT:
        simpler = sympy.simplify(slope)
        if sympy.count_ops(simpler) < sympy.count_ops(slope):
            shown = simpler
    return Derivative(latex=str(sympy.latex(shown)), text=str(shown), _evaluate=_compile(slope))


# -- evaluating a SymPy tree with NumPy -----------------------------------------------------------
Env = Mapping[str, Any]
Evaluator = Callable[[FloatArray, Env], Any]

_UNARY: dict[Any, Callable[[Any], Any]] = {
    sympy.exp: np.exp,
    sympy.log: np.log,
    sympy.sin: np.sin,
    sympy.cos: np.cos,
    sympy.tan: np.tan,
    sympy.tanh: np.tanh,
    sympy.sinh: np.sinh,
    sympy.cosh: np.cosh,
    sympy.erf: special.erf,
    sympy.erfc: special.erfc,
    sympy.Abs: np.abs,
    sympy.sign: np.sign,
    Expm1: np.expm1,
    Log1p: np.log1p,
    # d|f|/dx for an f SymPy cannot prove real brings re/im/atan2 in; on the real values the
    # evaluator computes, re(f) = f and im(f) = 0.
    sympy.re: np.real,
    sympy.im: np.imag,
}
_RELATIONS: dict[Any, Callable[[Any, Any], Any]] = {
    sympy.StrictLessThan: np.less,
    sympy.LessThan: np.less_equal,
    sympy.StrictGreaterThan: np.greater,
    sympy.GreaterThan: np.greater_equal,
    sympy.Eq: np.equal,
    sympy.Ne: np.not_equal,
}


def _compile(expr: Any) -> Evaluator:
    """Turn a SymPy expression into a NumPy evaluator (closures, no generated source)."""
    if expr.is_Symbol:
        name = str(expr)
        return lambda x, env: env[name]
    if expr.is_Number or expr in (sympy.pi, sympy.E):
        value = float(expr)
        return lambda x, env: value
    if expr is sympy.true:
        return lambda x, env: True
    if expr is sympy.false:
        return lambda x, env: False
    head = expr.func
    if head is sympy.Piecewise:
        pieces = [(_compile(value), _compile(cond)) for value, cond in expr.args]
        return lambda x, env: _piecewise(pieces, x, env)
    parts = [_compile(a) for a in expr.args]
    if head is sympy.Add:
        return lambda x, env: _fold(np.add, parts, x, env)
    if head is sympy.Mul:
        return lambda x, env: _fold(np.multiply, parts, x, env)
    if head is sympy.Pow:
        base, power = parts
        if expr.args[1] == sympy.Rational(1, 2):
            return lambda x, env: np.sqrt(base(x, env))
        return lambda x, env: np.power(base(x, env), power(x, env))
    if head in _UNARY:
        function, (inner,) = _UNARY[head], parts
        return lambda x, env: function(inner(x, env))
    if head is sympy.atan2:
        y, x_part = parts
        return lambda x, env: np.arctan2(y(x, env), x_part(x, env))
    if head is sympy.ITE:
        condition, then, otherwise = parts
        return lambda x, env: np.where(
            np.asarray(condition(x, env), dtype=bool), then(x, env), otherwise(x, env)
        )
    if head is sympy.Heaviside:
        inner = parts[0]
        return lambda x, env: np.heaviside(inner(x, env), 0.5)
    if head is sympy.Min:
        return lambda x, env: _fold(np.minimum, parts, x, env)
    if head is sympy.Max:
        return lambda x, env: _fold(np.maximum, parts, x, env)
    if head in _RELATIONS:
        relation, (left, right) = _RELATIONS[head], parts
        return lambda x, env: relation(left(x, env), right(x, env))
    if head is sympy.And:
        return lambda x, env: _fold(np.logical_and, parts, x, env)
    if head is sympy.Or:
        return lambda x, env: _fold(np.logical_or, parts, x, env)
    if head is sympy.Not:
        return lambda x, env: np.logical_not(parts[0](x, env))
    catalog = getattr(head, "_catalog", None)
    if catalog is not None:
        key, is_derivative = catalog
        activation = ACTIVATIONS.scalar()[key]
        names = activation.param_names
        inner, rest = parts[0], parts[1:]

        def call(x: FloatArray, env: Env) -> Any:
            kwargs: dict[str, float | str] = {
                n: float(p(x, env))
                for n, p in zip(names, rest, strict=False)
                if not activation.param(n).is_choice
            }
            for n, arg in zip(names, expr.args[1:], strict=False):
                if activation.param(n).is_choice:
                    kwargs[n] = str(arg)
            method = activation.derivative if is_derivative else activation.forward
            return method(inner(x, env), **kwargs)

        return call
    raise ExpressionError(Message(_CANNOT_EVALUATE, what=head.__name__))


def _fold(op: Callable[[Any, Any], Any], parts: list[Evaluator], x: FloatArray, env: Env) -> Any:
    value = parts[0](x, env)
    for part in parts[1:]:
        value = op(value, part(x, env))
    return value


def _piecewise(pieces: list[tuple[Evaluator, Evaluator]], x: FloatArray, env: Env) -> Any:
    result = np.full(np.shape(x), np.nan)
    remaining = np.ones(np.shape(x), dtype=bool)
    for value, condition in pieces:
        mask = remaining & np.broadcast_to(
            np.asarray(condition(x, env), dtype=bool), remaining.shape
        )
        if mask.any():
            result[mask] = np.broadcast_to(value(x, env), result.shape)[mask]
        remaining &= ~mask
    return result
