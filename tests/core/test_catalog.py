"""The registry as a whole: every function is complete, consistent and honest about itself.

Parametrized over the registry, so a newly registered function is checked without a new test.
"""

from __future__ import annotations

import math
import subprocess
import sys
import warnings

import mpmath
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from actexplorer.core import (
    ACTIVATIONS,
    Activation,
    Family,
    Framework,
    ParamSpec,
    Smoothness,
    VectorActivation,
    get,
    get_scalar,
)
from tests.core import references
from tests.core.make_golden import correctly_rounded

SCALAR = ACTIVATIONS.scalar()
SCALAR_KEYS = list(SCALAR)
ALL_KEYS = list(ACTIVATIONS)
GRID = np.linspace(-12.0, 12.0, 4801)


# -- the core stays free of Qt ------------------------------------------------------------------
def test_core_imports_no_qt() -> None:
    code = (
        "import sys, actexplorer, actexplorer.core, actexplorer.core.catalog; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'shiboken6', 'pyqtgraph', 'superqt', 'PyQt5', 'PyQt6', 'matplotlib'}); "
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "", f"the core imported {out.stdout.strip()}"


# -- the registry -------------------------------------------------------------------------------
def test_catalog_size_and_order() -> None:
    assert len(ACTIVATIONS) >= 54
    families = [ACTIVATIONS[k].family for k in ALL_KEYS]
    order = list(Family)
    assert [order.index(f) for f in families] == sorted(order.index(f) for f in families)
    assert set(ACTIVATIONS.vector()) >= {"softmax", "log_softmax", "softmin", "glu"}


def test_keys_are_pytorch_names() -> None:
    for key in [
        "relu",
        "relu6",
        "leaky_relu",
        "prelu",
        "rrelu",
        "elu",
        "celu",
        "selu",
        "gelu",
        "silu",
        "mish",
        "softplus",
        "sigmoid",
        "logsigmoid",
        "tanh",
        "hardtanh",
        "hardsigmoid",
        "hardswish",
        "softsign",
        "tanhshrink",
        "softshrink",
        "hardshrink",
        "threshold",
    ]:
        assert key in ACTIVATIONS, key


def test_unknown_key_suggests() -> None:
    with pytest.raises(KeyError, match="did you mean 'sigmoid'"):
        get("sigmod")
    with pytest.raises(KeyError, match="unknown activation"):
        get("no such thing at all")


def test_get_tolerates_case_and_dashes() -> None:
    assert get("Leaky-ReLU") is get("leaky_relu")


def test_aliases_are_the_same_object() -> None:
    for alias, key in ACTIVATIONS.aliases.items():
        assert get(alias) is ACTIVATIONS[key]
        assert alias not in list(ACTIVATIONS)


def test_get_scalar_refuses_vectors() -> None:
    with pytest.raises(KeyError, match="vector"):
        get_scalar("softmax")


# -- each definition is complete ----------------------------------------------------------------
@pytest.mark.parametrize("key", ALL_KEYS)
def test_definition_is_complete(key: str) -> None:
    act = ACTIVATIONS[key]
    assert act.key == key and act.name
    assert act.formula.latex.strip() and act.formula.text.strip()
    d = act.description
    assert len(d.summary) > 30, "summary too short"
    assert d.strengths and d.weaknesses, "strengths and weaknesses"
    assert d.usage, "where it sits in a network"
    if key not in {"identity", "absolute", "sign", "binary_step", "sinusoid", "gaussian"}:
        assert d.reference is not None, "the paper that introduced it"
    if d.reference is not None:
        assert 1940 <= d.reference.year <= 2026 and d.reference.authors and d.reference.title
    for spec in act.params:
        assert spec.description, f"{spec.name} needs a one-line description"
        assert act.resolve({spec.name: spec.default})[spec.name] == spec.default
    for framework, preset in act.presets.items():
        assert isinstance(framework, Framework)
        act.resolve(preset)  # every preset value is valid


@pytest.mark.parametrize("key", ALL_KEYS)
def test_bad_parameters_are_refused_naming_them(key: str) -> None:
    act = ACTIVATIONS[key]
    call = act.forward
    with pytest.raises(ValueError, match="nonsense"):
        call(np.zeros(3), nonsense=1.0)
    for spec in act.params:
        bad: list[object] = ["text", math.nan, None] if not spec.is_choice else ["nope", 3]
        if not spec.is_choice:
            if math.isfinite(spec.maximum):
                bad.append(spec.maximum + 1.0)
            if math.isfinite(spec.minimum):
                bad.append(spec.minimum - 1.0)
            bad.append(math.inf if math.isfinite(spec.maximum) else -math.inf)
        for value in bad:
            with pytest.raises(ValueError, match=spec.name):
                call(np.zeros(3), **{spec.name: value})


# -- scalar functions: behaviour at the edges ---------------------------------------------------
@pytest.mark.parametrize("key", SCALAR_KEYS)
def test_shapes_dtypes_and_nan(key: str) -> None:
    act = SCALAR[key]
    x = np.array([[-1.0, 0.0], [math.nan, 2.5]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for out in (act.forward(x), act.derivative(x), *act.value_and_derivative(x)):
            assert out.shape == x.shape and out.dtype == np.float64
            assert math.isnan(out[1, 0])
        assert act.forward(0.5).shape == ()
        assert act.forward([]).shape == (0,)
        assert act.forward(np.float32(0.5)).dtype == np.float64


@pytest.mark.parametrize("key", SCALAR_KEYS)
def test_pair_kernel_agrees(key: str) -> None:
    act = SCALAR[key]
    x = np.concatenate([GRID, [-1e300, -745.0, -40.0, 1e-300, 40.0, 800.0, 1e300]])
    f, d = act.value_and_derivative(x)
    np.testing.assert_array_equal(f, act.forward(x))
    np.testing.assert_array_equal(d, act.derivative(x))


def _param_strategy(spec: ParamSpec) -> st.SearchStrategy[object]:
    if spec.choices is not None:
        return st.sampled_from(spec.choices)
    lo = max(spec.minimum, -1e3)
    hi = min(spec.maximum, 1e3)
    if spec.log_scale:
        return st.floats(math.log(lo), math.log(hi)).map(lambda t: min(max(math.exp(t), lo), hi))
    return st.one_of(st.just(lo), st.just(hi), st.floats(lo, hi))


def _params_strategy(act: Activation) -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries({spec.name: _param_strategy(spec) for spec in act.params})


def _valid(act: Activation, params: dict[str, object]) -> dict[str, object] | None:
    try:
        act.forward(0.0, **params)
    except ValueError:  # joint constraints, e.g. min_val < max_val
        return None
    return params


PROPERTY_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.mark.parametrize("key", SCALAR_KEYS)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_properties_hold(key: str, data: st.DataObject) -> None:
    act = SCALAR[key]
    params = _valid(act, data.draw(_params_strategy(act)))
    assume(params is not None)
    assert params is not None
    props = act.properties(**params)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        f, d = act.value_and_derivative(GRID, **params)
    finite = np.isfinite(f)
    lo, hi = props.output_range
    assert lo <= hi
    assert np.all(f[finite] >= lo) and np.all(f[finite] <= hi), "outputs outside output_range"
    ulps = 8 * np.spacing(np.abs(f))
    if props.monotonic:
        steps = np.diff(f)
        assert np.all(steps >= -ulps[1:]) or np.all(steps <= ulps[1:]), "not monotonic"
        assert np.all(d >= 0) or np.all(d <= 0), "f′ changes sign"
    f0, d0 = act.value_and_derivative(0.0, **params)
    is_identity = float(f0) == 0.0 and abs(float(d0) - 1.0) < 1e-12
    assert props.identity_near_origin == is_identity, "identity_near_origin"
    zeros = np.mean(f == 0.0)
    assert props.sparse == (zeros > 1e-3), f"sparse flag, exact-zero share {zeros:.3g}"
    far = act.derivative(np.array([-1e6, 1e6]), **params)
    saturates = bool(np.any(np.abs(far) < 1e-6))
    assert props.saturating == saturates, "saturating flag vs f′ at ±1e6"
    jumps = act.jumps(**params)
    assert (props.smoothness == Smoothness.DISCONTINUOUS) == bool(jumps)
    assert set(jumps) <= set(act.kinks(**params)), "every jump is also a breakpoint"
    if props.smoothness == Smoothness.CINF:
        assert not act.kinks(**params)
    for j in jumps:
        # A few floats either side: a declared jump must stand out in float64 from what the
        # slope alone would give (the switch may sit an ulp or two off j after rounding).
        delta = max(16 * float(np.spacing(abs(j))), 1e-300)
        sides = np.array([j - delta, j + delta])
        (left, right), slopes = act.value_and_derivative(sides, **params)
        resolution = 4 * float(np.spacing(max(abs(left), abs(right))))
        resolution += 2 * delta * float(np.max(np.abs(slopes)))
        assert abs(right - left) > resolution, f"no jump at {j}"


_Z = np.random.default_rng(12345).standard_normal(400_000)


@pytest.mark.parametrize("key", SCALAR_KEYS)
def test_zero_centred_flag(key: str) -> None:
    act = SCALAR[key]
    f = act.forward(_Z)
    f = f[np.isfinite(f)]
    centred = bool(abs(f.mean()) < 0.05 * f.std()) if f.std() > 0 else f.mean() == 0
    assert act.properties().zero_centred == centred, f"mean {f.mean():.3g}, sd {f.std():.3g}"


@pytest.mark.parametrize("key", SCALAR_KEYS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_matches_reference_at_random_points(key: str, data: st.DataObject) -> None:
    """forward and derivative within 4 ulp at random parameters and inputs (incl. tails)."""
    act = SCALAR[key]
    ref = references.ALL[key]
    params = _valid(act, data.draw(_params_strategy(act)))
    assume(params is not None)
    assert params is not None
    resolved = act.resolve(params)
    limit = ref.max_abs_x or 1e300
    x = data.draw(
        st.one_of(
            st.floats(-40, 40),
            st.floats(-limit, limit, allow_nan=False, allow_infinity=False),
        )
    )
    assume(all(abs(x - k) > 1e-9 for k in act.kinks(**resolved)))
    loose_f = any(abs(x - z) <= 0.05 for z in ref.f_zeros(resolved))
    loose_d = any(abs(x - z) <= 0.05 for z in ref.derivative_zeros(resolved))
    for kernel, truth_fn, loose in (
        (act.forward, ref.f, loose_f),
        (act.derivative, ref.df, loose_d),
    ):
        got = float(kernel(x, **resolved))
        want = correctly_rounded(truth_fn, x, resolved)
        if got == want or (math.isnan(got) and math.isnan(want)):
            continue
        err = abs(got - want) / float(np.spacing(abs(want)))
        if loose and abs(got - want) <= 1e-16:
            continue
        assert err <= 4, f"{kernel.__name__}({x!r}, {resolved}) = {got!r}, truth {want!r}"


@pytest.mark.parametrize("key", SCALAR_KEYS)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_derivative_matches_high_precision_difference(key: str, data: st.DataObject) -> None:
    act = SCALAR[key]
    ref = references.ALL[key]
    params = _valid(act, data.draw(_params_strategy(act)))
    assume(params is not None)
    assert params is not None
    resolved = act.resolve(params)
    x = data.draw(st.floats(-20, 20))
    assume(all(abs(x - k) > 1e-3 for k in act.kinks(**resolved)))
    with mpmath.workdps(60):
        slope = float(mpmath.diff(lambda t: ref.f(t, **resolved), mpmath.mpf(x)))
    got = float(act.derivative(x, **resolved))
    assert got == pytest.approx(slope, rel=1e-9, abs=1e-14)


# -- vector functions have their own interface --------------------------------------------------
@pytest.mark.parametrize("key", list(ACTIVATIONS.vector()))
def test_vector_interface(key: str) -> None:
    act = ACTIVATIONS[key]
    assert isinstance(act, VectorActivation)
    v = np.array([0.5, -1.0, 2.0, 0.0])
    out = act.forward(v)
    assert out.shape == (act.output_size(4),)
    jac = act.jacobian(v)
    assert jac.shape == (act.output_size(4), 4)
