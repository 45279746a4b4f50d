"""Copy as code: every activation's PyTorch, NumPy and LaTeX text, checked against the catalog.

The NumPy snippets are executed (our own generated code) and must agree with ``forward`` to 1e-12
relative; pytest turns NumPy's floating-point warnings into errors, so they must also run quietly.
PyTorch is not a dependency: its snippets are parsed everywhere and executed where torch imports.
"""

from __future__ import annotations

import ast
import builtins
import importlib.util
import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pytest

from actexplorer.core import ACTIVATIONS, Activation, VectorActivation, codegen, get
from actexplorer.core.codegen import latex_snippet, numpy_snippet, pytorch_snippet

ALL_KEYS = list(ACTIVATIONS)
SCALAR_KEYS = list(ACTIVATIONS.scalar())
VECTOR_KEYS = list(ACTIVATIONS.vector())
HAS_TORCH = importlib.util.find_spec("torch") is not None
NO_TORCH = "PyTorch is not installed here: its snippets are only parsed, not run"

_RNG = np.random.default_rng(20240611)
_TAILS = np.array([1e-300, 1e-12, 1e-8, 1e-3, 25.0, 40.0, 60.0, 100.0, 500.0])
#: x in [−20, 20] on a regular grid and at random points, the origin, tiny values and far tails.
#: −1000 catches textbook forms whose e^{−x} overflows; +1000 is left out because there the true
#: value of some functions (soft_exponential at α = 1) overflows, and NumPy rightly warns.
GRID = np.concatenate(
    [np.linspace(-20.0, 20.0, 4001), _RNG.uniform(-20.0, 20.0, 2000), _TAILS, -_TAILS, [-1000.0]]
)
VECTORS = [
    np.array([1.0, 2.0, 3.0, 4.0]),
    np.array([0.0, -50.0]),  # one entry dominates: the others keep their relative accuracy
    np.array([5.0, -45.0, 5.0, 0.25]),
    np.array([-3.5, 0.2, 7.0, 7.0, -100.0, 1e-9]),
    _RNG.normal(scale=4.0, size=(3, 8)),  # a batch: the last axis is the vector
]

#: Settings worth a check beyond the automatic ones (edge values of the ranges).
EXTRA_SETTINGS: dict[str, list[dict[str, float]]] = {
    "leaky_relu": [{"negative_slope": 0.0}, {"negative_slope": 1.0}],
    "softplus": [{"beta": 0.01, "threshold": 1.0}, {"beta": 50.0, "threshold": 100.0}],
    "soft_exponential": [{"alpha": 1.0}, {"alpha": 0.01}],
    "snake": [{"frequency": 10.0}],
    "softmax": [{"temperature": 0.05}, {"temperature": 20.0}],
    "log_softmax": [{"temperature": 0.05}, {"temperature": 20.0}],
    "softmin": [{"temperature": 0.05}],
}


def _shifted(act: Activation | VectorActivation, toward_max: bool) -> dict[str, Any]:
    """Every parameter moved 37% of the way from its default to one end of its range."""
    out: dict[str, Any] = {}
    for spec in act.params:
        if spec.choices is not None:
            out[spec.name] = next(c for c in spec.choices if c != spec.default)
            continue
        default = float(spec.default)
        end = spec.maximum if toward_max else spec.minimum
        if not math.isfinite(end):  # an unbounded side: one unit (or the default's size) away
            end = default + math.copysign(max(1.0, abs(default)) / 0.37, end)
        if spec.log_scale:
            out[spec.name] = default * (end / default) ** 0.37
        else:
            out[spec.name] = default + 0.37 * (end - default)
    return out


def _valid(act: Activation | VectorActivation, params: Mapping[str, Any]) -> bool:
    probe = np.zeros(2)
    try:
        act.forward(probe, **params)
    except ValueError:  # e.g. hardtanh's min_val above max_val
        return False
    return True


def settings(key: str) -> list[dict[str, Any]]:
    """The defaults, two automatic non-default settings and the hand-picked edge values."""
    act = get(key)
    candidates = [{}, _shifted(act, True), _shifted(act, False), *EXTRA_SETTINGS.get(key, [])]
    valid = [p for p in candidates if _valid(act, p)]
    unique = [p for i, p in enumerate(valid) if p not in valid[:i]]
    if act.params:
        assert len(unique) > 1, f"no valid non-default setting found for {key}"
    return unique


def _run(source: str, key: str) -> Callable[..., Any]:
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<{key} snippet>", "exec"), namespace)
    return namespace[key]  # type: ignore[no-any-return]


def _assert_close(got: np.ndarray, want: np.ndarray, rtol: float, atol: float, what: str) -> None:
    got = np.asarray(got, dtype=np.float64)
    assert got.shape == want.shape, what
    finite = np.isfinite(want)
    np.testing.assert_array_equal(got[~finite], want[~finite], err_msg=what)
    bad = ~(np.abs(got - want) <= rtol * np.abs(want) + atol) & finite
    if bad.any():
        i = np.flatnonzero(bad.ravel())[0]
        rel = abs(got.ravel()[i] - want.ravel()[i]) / abs(want.ravel()[i])
        pytest.fail(
            f"{what}: {bad.sum()} values off, first got {got.ravel()[i]!r}, "
            f"want {want.ravel()[i]!r} (relative error {rel:.2e})"
        )


def _free_names(tree: ast.Module) -> set[str]:
    """Names read but never bound in the snippet (function arguments and assignments bind)."""
    bound: set[str] = set()
    loaded: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.Import, ast.ImportFrom)):
            if isinstance(node, ast.FunctionDef):
                bound.add(node.name)
            else:
                bound.update((a.asname or a.name).split(".")[0] for a in node.names)
    return loaded - bound


def _imports(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


# -- coverage -------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ALL_KEYS)
def test_every_registered_activation_has_all_three_snippets(key: str) -> None:
    # A function added to the catalog without a code template fails here with a KeyError.
    assert pytorch_snippet(key).strip()
    assert numpy_snippet(key).strip()
    assert latex_snippet(key).strip()


def test_no_template_is_left_over_for_an_unregistered_key() -> None:
    stale = set(codegen.covered_keys()) - set(ACTIVATIONS)
    assert not stale, f"code templates for keys the catalog does not hold: {sorted(stale)}"


def test_a_missing_template_raises_instead_of_returning_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(codegen._RECIPES, "relu")
    for make in (pytorch_snippet, numpy_snippet, latex_snippet):
        with pytest.raises(KeyError, match="relu"):
            make("relu")


@pytest.mark.parametrize(("alias", "canonical"), sorted(ACTIVATIONS.aliases.items()))
def test_aliases_give_the_canonical_snippets(alias: str, canonical: str) -> None:
    assert numpy_snippet(alias) == numpy_snippet(canonical)
    assert pytorch_snippet(alias) == pytorch_snippet(canonical)
    assert f"def {canonical}(" in numpy_snippet(alias)


def test_bad_parameters_and_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="negative_slope"):
        numpy_snippet("leaky_relu", {"negative_slope": 2.0})
    with pytest.raises(ValueError, match="did you mean"):
        pytorch_snippet("leaky_relu", {"negative_slop": 0.2})
    with pytest.raises(ValueError, match="min_val"):
        latex_snippet("hardtanh", {"min_val": 2.0, "max_val": 1.0})
    with pytest.raises(KeyError, match="unknown activation"):
        pytorch_snippet("no_such_function")


# -- NumPy ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ALL_KEYS)
def test_numpy_snippet_is_a_plain_def_with_the_parameters_as_keyword_defaults(key: str) -> None:
    act = get(key)
    for params in settings(key):
        resolved = act.resolve(params)
        source = numpy_snippet(key, params)
        tree = ast.parse(source)
        assert source.startswith(f"# {act.name} ({key})")
        assert _imports(tree) <= {"numpy", "scipy.special"}
        (func,) = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
        assert func.name == key
        assert func.args.args[0].arg == "x"
        numeric = [s.name for s in act.params if s.choices is None]
        assert [a.arg for a in func.args.args[1:]] == numeric
        defaults = [ast.literal_eval(d) for d in func.args.defaults]
        assert defaults == [resolved[name] for name in numeric]
        assert _free_names(tree) <= {"np", "special"} | set(dir(builtins))
        for name, value in resolved.items():  # the header names every value, choices included
            shown = f'"{value}"' if isinstance(value, str) else repr(float(value))
            assert f"{name}={shown}" in source.splitlines()[0]


#: Absolute error accepted where a snippet's plain formula cancels near an interior zero of f
#: (soft exponential crosses zero at ln(1 − α²)/α): the catalog is exact there, a snippet is not.
SNIPPET_ATOL = {"soft_exponential": 1e-16}


@pytest.mark.parametrize("key", SCALAR_KEYS)
def test_numpy_snippet_matches_the_catalog(key: str) -> None:
    act = get(key)
    for params in settings(key):
        f = _run(numpy_snippet(key, params), key)
        want = act.forward(GRID, **params)
        _assert_close(f(GRID), want, 1e-12, SNIPPET_ATOL.get(key, 1e-300), f"{key} {params}")


@pytest.mark.parametrize("key", VECTOR_KEYS)
def test_numpy_vector_snippet_matches_the_catalog(key: str) -> None:
    act = get(key)
    for params in settings(key):
        f = _run(numpy_snippet(key, params), key)
        for v in VECTORS:
            if v.shape[-1] % 2 and key == "glu":
                continue
            want = act.forward(v, **params)
            _assert_close(f(v), want, 1e-12, 1e-300, f"{key} {params} on {v.tolist()}")


# -- PyTorch --------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ALL_KEYS)
def test_pytorch_snippet_parses_uses_only_torch_and_shows_the_parameters(key: str) -> None:
    act = get(key)
    for params in settings(key):
        resolved = act.resolve(params)
        source = pytorch_snippet(key, params)
        tree = ast.parse(source)
        assert source.startswith(f"# {act.name} ({key})")
        assert _imports(tree) == {"torch"}
        assert _free_names(tree) <= {"torch"} | set(dir(builtins))
        defined = {
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name)
        } | {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
        assert key in defined
        for value in resolved.values():
            assert (value if isinstance(value, str) else repr(float(value))) in source


def test_pytorch_uses_the_builtin_modules_where_pytorch_has_them() -> None:
    assert 'torch.nn.GELU(approximate="tanh")' in pytorch_snippet("gelu", {"approximate": "tanh"})
    leaky = pytorch_snippet("leaky_relu", {"negative_slope": 0.2})
    assert "torch.nn.LeakyReLU(negative_slope=0.2)" in leaky
    assert "torch.nn.Softplus(beta=2.0, threshold=30.0)" in pytorch_snippet(
        "softplus", {"beta": 2.0, "threshold": 30.0}
    )
    assert ".eval()" in pytorch_snippet("rrelu")
    softmax = pytorch_snippet("softmax", {"temperature": 0.5})
    assert "x / temperature, dim=-1" in softmax and "temperature: float = 0.5" in softmax


@pytest.mark.skipif(not HAS_TORCH, reason=NO_TORCH)
@pytest.mark.parametrize("key", ALL_KEYS)
def test_pytorch_snippet_matches_the_catalog(key: str) -> None:
    import torch

    act = get(key)
    for params in settings(key):
        f = _run(pytorch_snippet(key, params), key)
        # A module's learnable parameters (PReLU's slope) are float32 even in a float64 module.
        rtol = 1e-9
        if isinstance(f, torch.nn.Module):
            f = f.double()
            if any(True for _ in f.parameters()):
                rtol = 1e-6
        inputs = [GRID] if isinstance(act, Activation) else VECTORS
        for v in inputs:
            if isinstance(act, VectorActivation) and key == "glu" and v.shape[-1] % 2:
                continue
            with torch.no_grad():
                got = f(torch.tensor(v, dtype=torch.float64)).numpy()
            # PyTorch's own kernels are not all accurate to the last digits (tanhshrink near 0).
            _assert_close(got, act.forward(v, **params), rtol, 1e-12, f"{key} {params}")


# -- LaTeX ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key", [k for k in ALL_KEYS if any(s.choices is None for s in get(k).params)]
)
def test_latex_names_each_parameter_by_the_formulas_own_symbol(key: str) -> None:
    act = get(key)
    numeric = [s.name for s in act.params if s.choices is None]
    symbols = codegen._RECIPES[key].symbols
    assert len(symbols) == len(numeric), f"{key} needs a LaTeX symbol for each of {numeric}"
    for symbol in symbols:
        assert symbol in act.formula.latex, f"{symbol!r} does not occur in {key}'s formula"
    params = settings(key)[1]
    text = latex_snippet(key, params)
    resolved = act.resolve(params)
    for symbol, name in zip(symbols, numeric, strict=True):
        assert f"{symbol} = {float(resolved[name]):.10g}" in text


@pytest.mark.parametrize("key", ALL_KEYS)
def test_latex_is_the_formula_with_balanced_braces(key: str) -> None:
    for params in settings(key):
        text = latex_snippet(key, params)
        depth = 0
        for char in text.replace(r"\{", "").replace(r"\}", ""):
            depth += {"{": 1, "}": -1}.get(char, 0)
            assert depth >= 0, text
        assert depth == 0, text
        assert text.count(r"\left") == text.count(r"\right")


def test_latex_examples() -> None:
    assert latex_snippet("relu") == get("relu").formula.latex
    assert latex_snippet("leaky_relu", {"negative_slope": 0.2}).endswith(r",\qquad a = 0.2")
    assert r"\tanh" in latex_snippet("gelu", {"approximate": "tanh"})
    assert latex_snippet("gelu") == get("gelu").formula.latex
    assert latex_snippet("softplus", {"beta": 2.0}).endswith(r"\beta = 2,\ t = 20")
    assert r"T = 0.5" in latex_snippet("softmax", {"temperature": 0.5})
    assert latex_snippet("rrelu").endswith(r"l = 0.125,\ u = 0.3333333333")
    assert math.isclose(float(latex_snippet("isru", {"alpha": 0.25}).rsplit("= ", 1)[1]), 0.25)
