"""Copy as code: PyTorch, NumPy and LaTeX text that reproduce an activation at given parameters.

Each function has one entry in :data:`_RECIPES`: what to write for PyTorch (a built-in module or
function where PyTorch has one, else a small ``def`` in torch ops), the body of a NumPy ``def``
and the LaTeX symbols of its parameters. Numeric parameters become keyword defaults of the
``def``; discrete ones (GELU's ``approximate``) pick the code. The NumPy bodies use the same
stable forms as the catalog (``expit``, ``logaddexp``, ``expm1``, ``log1p``, ``ndtr``, ...) so
they agree with it to about 1e-12 relative; a function without an entry raises ``KeyError``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from .activation import Activation, ParamValue, VectorActivation
from .registry import AnyActivation, get

__all__ = ["covered_keys", "latex_snippet", "numpy_snippet", "pytorch_snippet"]


@dataclass(frozen=True, slots=True)
class _Expr:
    """``key = <template>``: a torch module or function; ``{name}`` takes a parameter's value."""

    template: str
    #: A comment written above the assignment.
    note: str = ""


@dataclass(frozen=True, slots=True)
class _Def:
    """``def key(x, <numeric params as keyword defaults>):`` with this body.

    A one-line body is an expression (``return`` is added); a longer one holds its own return.
    """

    body: str


_Code = _Expr | _Def | Callable[[Mapping[str, ParamValue]], "_Expr | _Def"]


@dataclass(frozen=True, slots=True)
class _Recipe:
    torch: _Code
    numpy: _Code
    #: LaTeX symbol of each numeric parameter as the catalog's formula writes it, in order.
    symbols: tuple[str, ...] = ()
    #: LaTeX replacing the catalog's formula at some parameters (GELU's tanh form).
    latex: Callable[[Mapping[str, ParamValue]], str | None] | None = None


# PyTorch's float64 constants (torch/nn/functional.py, ATen's GeluKernel): √(2/π) as kBeta.
_GELU_TANH_K = math.sqrt(2.0) * (2.0 / math.sqrt(math.pi)) * 0.5
_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946

# Below |x| = 0.1 six terms of the series are accurate to 1e-14; above, the difference to 1e-13.
_TANHSHRINK_NUMPY = """\
# x − tanh(x) cancels near 0: there its Taylor series x³/3 − 2x⁵/15 + … is used
coeffs = [-21844 / 6081075, 1382 / 155925, -62 / 2835, 17 / 315, -2 / 15, 1 / 3]
series = x**3 * np.polyval(coeffs, x * x)
return np.where(np.abs(x) < 0.1, series, x - np.tanh(x))"""


def _gelu_numpy(p: Mapping[str, ParamValue]) -> _Def:
    if p["approximate"] == "tanh":
        # ½x(1 + tanh u) = x·σ(2u): the left tail does not cancel.
        return _Def(
            "# PyTorch's tanh form ½x(1 + tanh u) written as x·σ(2u), stable in the left tail\n"
            f"u = {_GELU_TANH_K!r} * (x + 0.044715 * x**3)\n"
            "return x * special.expit(2.0 * u)"
        )
    return _Def("x * special.ndtr(x)")


def _gelu_latex(p: Mapping[str, ParamValue]) -> str | None:
    if p["approximate"] == "tanh":
        return (
            r"\frac{x}{2}\left(1 + \tanh\left(\sqrt{2/\pi}\,"
            r"\left(x + 0.044715\,x^{3}\right)\right)\right)"
        )
    return None


_SOFTMAX_NUMPY = """\
z = x / temperature
e = np.exp(z - z.max(axis=-1, keepdims=True))  # the maximum subtracted: no overflow
return e / e.sum(axis=-1, keepdims=True)"""

_R = _Recipe
_T = "T"

#: key → what to write. Every registered activation needs an entry (a test iterates the registry).
_RECIPES: dict[str, _Recipe] = {
    # -- rectifiers
    "relu": _R(_Expr("torch.nn.ReLU()"), _Def("np.maximum(x, 0.0)")),
    "relu6": _R(_Expr("torch.nn.ReLU6()"), _Def("np.clip(x, 0.0, 6.0)")),
    "leaky_relu": _R(
        _Expr("torch.nn.LeakyReLU(negative_slope={negative_slope})"),
        _Def("np.where(x > 0, x, negative_slope * x)"),
        ("a",),
    ),
    "prelu": _R(
        _Expr(
            "torch.nn.PReLU(num_parameters=1, init={weight})",
            "one learnable slope, starting at the value above",
        ),
        _Def("np.where(x > 0, x, weight * x)"),
        ("a",),
    ),
    "rrelu": _R(
        _Expr(
            "torch.nn.RReLU(lower={lower}, upper={upper}).eval()",
            "eval(): the fixed slope (lower + upper)/2; in training each slope is drawn at random",
        ),
        _Def(
            "# inference mode: the mean slope (training draws a ~ U(lower, upper) per element)\n"
            "return np.where(x > 0, x, 0.5 * (lower + upper) * x)"
        ),
        ("l", "u"),
    ),
    "relu_squared": _R(_Def("torch.relu(x).square()"), _Def("np.square(np.maximum(x, 0.0))")),
    "srelu": _R(
        _Def(
            "left = a_left * torch.clamp(x - t_left, max=0.0)  # 0 right of t_left\n"
            "right = a_right * torch.clamp(x - t_right, min=0.0)  # 0 left of t_right\n"
            "return torch.clamp(x, t_left, t_right) + left + right"
        ),
        _Def(
            "left = a_left * np.minimum(x - t_left, 0.0)  # 0 right of t_left\n"
            "right = a_right * np.maximum(x - t_right, 0.0)  # 0 left of t_right\n"
            "return np.clip(x, t_left, t_right) + left + right"
        ),
        ("t_l", "a_l", "t_r", "a_r"),
    ),
    "absolute": _R(_Expr("torch.abs"), _Def("np.abs(x)")),
    "identity": _R(_Expr("torch.nn.Identity()"), _Def("x")),
    # -- exponential linear
    "elu": _R(
        _Expr("torch.nn.ELU(alpha={alpha})"),
        _Def("np.maximum(x, 0.0) + alpha * np.expm1(np.minimum(x, 0.0))"),
        (r"\alpha",),
    ),
    "celu": _R(
        _Expr("torch.nn.CELU(alpha={alpha})"),
        _Def("np.maximum(x, 0.0) + alpha * np.expm1(np.minimum(x, 0.0) / alpha)"),
        (r"\alpha",),
    ),
    "selu": _R(
        _Expr("torch.nn.SELU()"),
        _Def(
            f"scale, alpha = {_SELU_SCALE!r}, {_SELU_ALPHA!r}\n"
            "return scale * (np.maximum(x, 0.0) + alpha * np.expm1(np.minimum(x, 0.0)))"
        ),
    ),
    "isrlu": _R(
        _Def("torch.where(x >= 0, x, x * torch.rsqrt(1.0 + alpha * x * x))"),
        _Def(
            "m = np.minimum(x, 0.0)\nreturn np.maximum(x, 0.0) + m / np.sqrt(1.0 + alpha * m * m)"
        ),
        (r"\alpha",),
    ),
    # -- self-gated
    "gelu": _R(_Expr('torch.nn.GELU(approximate="{approximate}")'), _gelu_numpy, latex=_gelu_latex),
    "silu": _R(_Expr("torch.nn.SiLU()"), _Def("x * special.expit(x)")),
    "swish": _R(
        _Def("x * torch.sigmoid(beta * x)"), _Def("x * special.expit(beta * x)"), (r"\beta",)
    ),
    "quick_gelu": _R(_Def("x * torch.sigmoid(1.702 * x)"), _Def("x * special.expit(1.702 * x)")),
    "mish": _R(_Expr("torch.nn.Mish()"), _Def("x * np.tanh(np.logaddexp(0.0, x))")),
    "softplus": _R(
        _Expr("torch.nn.Softplus(beta={beta}, threshold={threshold})"),
        _Def(
            "# log(1 + e^(βx))/β without overflow; x itself above the threshold, as PyTorch\n"
            "return np.where(beta * x > threshold, x, np.logaddexp(0.0, beta * x) / beta)"
        ),
        (r"\beta", "t"),
    ),
    "squareplus": _R(
        _Def(
            "r = torch.sqrt(x * x + b)\n"
            "# for x < 0, (x + r)/2 = b/(2(r − x)): no cancellation\n"
            "return torch.where(x < 0, 0.5 * b / (r - x), 0.5 * (x + r))"
        ),
        _Def(
            "r = np.sqrt(x * x + b)\n"
            "# for x < 0, (x + r)/2 = b/(2(r − x)): no cancellation\n"
            "return np.where(x < 0, 0.5 * b / (r - x), 0.5 * (x + r))"
        ),
        ("b",),
    ),
    "smelu": _R(
        _Def("torch.where(x >= beta, x, (torch.clamp(x, -beta, beta) + beta) ** 2 / (4.0 * beta))"),
        _Def("np.where(x >= beta, x, (np.clip(x, -beta, beta) + beta) ** 2 / (4.0 * beta))"),
        (r"\beta",),
    ),
    "elish": _R(
        _Def("torch.where(x >= 0, x, torch.expm1(torch.clamp(x, max=0.0))) * torch.sigmoid(x)"),
        _Def("np.where(x >= 0, x, np.expm1(np.minimum(x, 0.0))) * special.expit(x)"),
    ),
    "tanh_exp": _R(
        _Def("x * torch.tanh(torch.exp(torch.clamp(x, max=20.0)))  # tanh(e^20) is already 1"),
        _Def("x * np.tanh(np.exp(np.minimum(x, 20.0)))  # tanh(e^20) is already 1"),
    ),
    "serf": _R(
        _Def("x * torch.erf(torch.nn.functional.softplus(x))"),
        _Def("x * special.erf(np.logaddexp(0.0, x))"),
    ),
    "logish": _R(_Def("x * torch.log1p(torch.sigmoid(x))"), _Def("x * np.log1p(special.expit(x))")),
    # -- sigmoidal
    "sigmoid": _R(_Expr("torch.nn.Sigmoid()"), _Def("special.expit(x)")),
    "logsigmoid": _R(_Expr("torch.nn.LogSigmoid()"), _Def("special.log_expit(x)")),
    "tanh": _R(_Expr("torch.nn.Tanh()"), _Def("np.tanh(x)")),
    "softsign": _R(_Expr("torch.nn.Softsign()"), _Def("x / (1.0 + np.abs(x))")),
    "arctan": _R(_Expr("torch.atan"), _Def("np.arctan(x)")),
    "lecun_tanh": _R(
        _Def("1.7159 * torch.tanh(x / 1.5)"), _Def("1.7159 * np.tanh(x / 1.5)  # 1.7159·tanh(2x/3)")
    ),
    "isru": _R(
        _Def("x * torch.rsqrt(1.0 + alpha * x * x)"),
        _Def("x / np.sqrt(1.0 + alpha * x * x)"),
        (r"\alpha",),
    ),
    "log_log": _R(
        _Def("-torch.expm1(-torch.exp(torch.clamp(x, max=40.0)))  # exactly 1 beyond 40"),
        _Def("-np.expm1(-np.exp(np.minimum(x, 40.0)))  # 1 − exp(−e^x), exactly 1 beyond 40"),
    ),
    "symmetric_sigmoid": _R(
        _Def("torch.tanh(0.5 * x)"), _Def("np.tanh(0.5 * x)  # 2σ(x) − 1 without cancellation")
    ),
    # -- hard (piecewise linear)
    "hardtanh": _R(
        _Expr("torch.nn.Hardtanh(min_val={min_val}, max_val={max_val})"),
        _Def("np.clip(x, min_val, max_val)"),
        ("a", "b"),
    ),
    "hardsigmoid": _R(
        _Expr("torch.nn.Hardsigmoid()"),
        _Def("(np.clip(x, -3.0, 3.0) + 3.0) / 6.0  # relu6(x + 3)/6"),
    ),
    "hardswish": _R(_Expr("torch.nn.Hardswish()"), _Def("x * np.clip(x + 3.0, 0.0, 6.0) / 6.0")),
    "hard_sigmoid_keras": _R(
        _Def("(torch.clamp(x, -2.5, 2.5) + 2.5) / 5.0"),
        _Def("(np.clip(x, -2.5, 2.5) + 2.5) / 5.0  # clip(0.2x + 0.5, 0, 1)"),
    ),
    "hard_elish": _R(
        _Def(
            "gate = torch.clamp((x + 1.0) / 2.0, 0.0, 1.0)\n"
            "return torch.where(x >= 0, x, torch.expm1(torch.clamp(x, max=0.0))) * gate"
        ),
        _Def(
            "gate = np.clip((x + 1.0) / 2.0, 0.0, 1.0)\n"
            "return np.where(x >= 0, x, np.expm1(np.minimum(x, 0.0))) * gate"
        ),
    ),
    "sparse_plus": _R(
        _Def("torch.where(x >= 1.0, x, (torch.clamp(x, -1.0, 1.0) + 1.0) ** 2 / 4.0)"),
        _Def("np.where(x >= 1.0, x, (np.clip(x, -1.0, 1.0) + 1.0) ** 2 / 4.0)"),
    ),
    "sparse_sigmoid": _R(
        _Def("(torch.clamp(x, -1.0, 1.0) + 1.0) / 2.0"), _Def("(np.clip(x, -1.0, 1.0) + 1.0) / 2.0")
    ),
    "binary_step": _R(
        # autograd has no derivative for heaviside: f′ is 0 almost everywhere anyway.
        _Def(
            "torch.heaviside(x, torch.ones_like(x))  # 1 at x = 0; autograd cannot differentiate it"
        ),
        _Def("np.heaviside(x, 1.0)  # 1 at x = 0"),
    ),
    # -- shrinkage
    "tanhshrink": _R(_Expr("torch.nn.Tanhshrink()"), _Def(_TANHSHRINK_NUMPY)),
    "softshrink": _R(
        _Expr("torch.nn.Softshrink(lambd={lambd})"),
        _Def("x - np.clip(x, -lambd, lambd)"),
        (r"\lambda",),
    ),
    "hardshrink": _R(
        _Expr("torch.nn.Hardshrink(lambd={lambd})"),
        _Def("np.where(np.abs(x) > lambd, x, 0.0)"),
        (r"\lambda",),
    ),
    "threshold": _R(
        _Expr("torch.nn.Threshold(threshold={threshold}, value={value})"),
        _Def("np.where(x > threshold, x, value)"),
        ("t", "v"),
    ),
    "sign": _R(_Expr("torch.sign"), _Def("np.sign(x)")),
    # -- periodic and radial
    "snake": _R(
        _Def("x + torch.sin(frequency * x) ** 2 / frequency"),
        _Def("x + np.sin(frequency * x) ** 2 / frequency"),
        ("a",),
    ),
    "gaussian": _R(_Def("torch.exp(-x * x)"), _Def("np.exp(-x * x)")),
    "sinusoid": _R(_Expr("torch.sin"), _Def("np.sin(x)")),
    "sinc": _R(
        _Def("torch.sinc(x / torch.pi)  # torch.sinc is the normalised sin(πx)/(πx)"),
        _Def(
            "safe = np.where(x == 0, 1.0, x)\n"
            "return np.where(x == 0, 1.0, np.sin(safe) / safe)  # np.sinc is sin(πx)/(πx)"
        ),
    ),
    "gcu": _R(_Def("x * torch.cos(x)"), _Def("x * np.cos(x)")),
    # -- other
    "lisht": _R(_Def("x * torch.tanh(x)"), _Def("x * np.tanh(x)")),
    "bent_identity": _R(
        _Def(
            "# (sqrt(x² + 1) − 1)/2 + x rewritten without cancellation near 0\n"
            "return x * (1.0 + 0.5 * x / (torch.hypot(x, torch.ones_like(x)) + 1.0))"
        ),
        _Def(
            "# (sqrt(x² + 1) − 1)/2 + x rewritten without cancellation near 0\n"
            "return x * (1.0 + 0.5 * x / (np.hypot(x, 1.0) + 1.0))"
        ),
    ),
    "soft_exponential": _R(
        _Def("torch.expm1(alpha * x) / alpha + alpha"),
        _Def(
            "if alpha == 1.0:\n"
            "    return np.exp(x)  # expm1(x) + 1 would lose the left tail\n"
            "return np.expm1(alpha * x) / alpha + alpha"
        ),
        (r"\alpha",),
    ),
    # -- vector (along the last axis)
    "softmax": _R(
        _Def("torch.nn.functional.softmax(x / temperature, dim=-1)"), _Def(_SOFTMAX_NUMPY), (_T,)
    ),
    "log_softmax": _R(
        _Def("torch.nn.functional.log_softmax(x / temperature, dim=-1)"),
        _Def(
            "z = x / temperature\n"
            "z = z - z.max(axis=-1, keepdims=True)\n"
            "return z - special.logsumexp(z, axis=-1, keepdims=True)  # never log(softmax)"
        ),
        (_T,),
    ),
    "softmin": _R(
        _Def("torch.nn.functional.softmin(x / temperature, dim=-1)"),
        _Def(_SOFTMAX_NUMPY.replace("z = x / temperature", "z = -x / temperature")),
        (_T,),
    ),
    "glu": _R(
        _Expr("torch.nn.GLU(dim=-1)"),
        _Def("a, b = np.split(x, 2, axis=-1)  # values and gates\nreturn a * special.expit(b)"),
    ),
}


def covered_keys() -> tuple[str, ...]:
    """The canonical keys that have code templates."""
    return tuple(_RECIPES)


# -- public API -----------------------------------------------------------------------------------


def pytorch_snippet(key: str, params: Mapping[str, object] | None = None) -> str:
    """PyTorch code defining ``<key>``, a module or function computing the activation."""
    act, resolved, recipe = _prepare(key, params)
    code = _pick(recipe.torch, resolved)
    lines = [_header(act, resolved), "import torch", ""]
    if isinstance(code, _Expr):
        if code.note:
            lines.append(f"# {code.note}")
        lines.append(f"{act.key} = {code.template.format(**_formatted(resolved))}")
        if isinstance(act, VectorActivation):
            lines.append(f"# y = {act.key}(x) works along the last dimension")
    else:
        lines += ["", *_render_def(act, resolved, code, "torch.Tensor")]
    return "\n".join(lines) + "\n"


def numpy_snippet(key: str, params: Mapping[str, object] | None = None) -> str:
    """NumPy code defining ``def <key>(x, ...)`` with the parameters as keyword defaults."""
    act, resolved, recipe = _prepare(key, params)
    code = _pick(recipe.numpy, resolved)
    if not isinstance(code, _Def):
        raise TypeError(f"the NumPy code of {act.key!r} must be a def")
    lines = [_header(act, resolved), "import numpy as np"]
    if "special." in code.body:
        lines.append("from scipy import special")
    lines += ["", "", *_render_def(act, resolved, code, "np.ndarray")]
    return "\n".join(lines) + "\n"


def latex_snippet(key: str, params: Mapping[str, object] | None = None) -> str:
    r"""The catalog's LaTeX formula followed by the parameter values, e.g. ``…,\quad a = 0.2``."""
    act, resolved, recipe = _prepare(key, params)
    formula = (recipe.latex(resolved) if recipe.latex else None) or act.formula.latex
    numeric = [name for name in act.param_names if not act.param(name).is_choice]
    symbols = dict(zip(numeric, recipe.symbols, strict=False))
    values = [
        f"{symbols.get(name, _latex_name(name))} = {_latex_number(float(resolved[name]))}"
        for name in numeric
    ]
    return formula + (r",\qquad " + r",\ ".join(values) if values else "")


# -- helpers --------------------------------------------------------------------------------------


def _prepare(
    key: str, params: Mapping[str, object] | None
) -> tuple[AnyActivation, dict[str, ParamValue], _Recipe]:
    act = get(key)
    resolved = act.resolve(params)
    # Relations between parameters (hardtanh's min_val < max_val, ...) are checked by the kernel.
    if isinstance(act, Activation):
        act.forward(np.zeros(1), **resolved)
    else:
        act.forward(np.zeros(2), **resolved)
    recipe = _RECIPES.get(act.key)
    if recipe is None:
        raise KeyError(f"no code template for activation {act.key!r}")
    return act, resolved, recipe


def _pick(code: _Code, params: Mapping[str, ParamValue]) -> _Expr | _Def:
    return code if isinstance(code, (_Expr, _Def)) else code(params)


def _py(value: ParamValue) -> str:
    """A Python literal: the shortest repr that round-trips, strings double-quoted."""
    return f'"{value}"' if isinstance(value, str) else repr(float(value))


def _formatted(params: Mapping[str, ParamValue]) -> dict[str, str]:
    return {name: (str(v) if isinstance(v, str) else _py(v)) for name, v in params.items()}


def _header(act: AnyActivation, params: Mapping[str, ParamValue]) -> str:
    settings = ", ".join(f"{name}={_py(value)}" for name, value in params.items())
    where = " along the last axis" if isinstance(act, VectorActivation) else ""
    return f"# {act.name} ({act.key}){where}" + (f", {settings}" if settings else "")


def _render_def(
    act: AnyActivation, params: Mapping[str, ParamValue], code: _Def, array_type: str
) -> list[str]:
    numeric = [name for name in act.param_names if not act.param(name).is_choice]
    args = [f"x: {array_type}", *(f"{name}: float = {_py(params[name])}" for name in numeric)]
    signature = f"def {act.key}({', '.join(args)}) -> {array_type}:"
    if len(signature) > 100:  # keep the snippet within a usual line length
        inner = "".join(f"    {arg},\n" for arg in args)
        signature = f"def {act.key}(\n{inner}) -> {array_type}:"
    body = code.body if "\n" in code.body else f"return {code.body}"
    return [signature, *(f"    {line}" for line in body.splitlines())]


def _latex_name(name: str) -> str:
    return r"\mathrm{" + name.replace("_", r"\_") + "}"


def _latex_number(value: float) -> str:
    text = f"{value:.10g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return text
