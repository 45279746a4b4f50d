"""Every scalar kernel within 4 ulp of the correctly rounded truth, tails and kinks included.

The truth comes from ``make_golden.py`` (mpmath at adaptive precision). A function registered in
the catalog without a reference or without golden values fails here, so none can escape.
"""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import numpy as np
import pytest

from actexplorer.core import ACTIVATIONS, get_scalar
from tests.core import references

DATA = Path(__file__).parent / "data"
MAX_ULPS = 4.0
#: Near an interior zero of f′ (or f) whose formula cancels by nature, this absolute error is
#: accepted instead.
LOOSE_ABS = 1e-16


def _load_golden() -> dict[str, dict[str, np.ndarray]]:
    cases: dict[str, dict[str, np.ndarray]] = {}
    for path in sorted(DATA.glob("golden_*.npz")):
        with np.load(path) as data:
            for name in data.files:
                case, field = name.split("/")
                cases.setdefault(case, {})[field] = data[name]
    return cases


GOLDEN = _load_golden()
SCALAR_KEYS = list(ACTIVATIONS.scalar())


def ulp_error(got: np.ndarray, want: np.ndarray) -> np.ndarray:
    """|got − want| in units of the last place of ``want``; 0 for equal infinities and NaNs."""
    with np.errstate(invalid="ignore", over="ignore"):  # inf − inf where the truth is ±inf
        diff = np.abs(got - want)
        err = diff / np.spacing(np.abs(want))
    same = (got == want) | (np.isnan(got) & np.isnan(want))
    err = np.where(same, 0.0, err)
    return np.where(np.isnan(err), np.inf, err)


def test_every_scalar_activation_has_a_reference() -> None:
    missing = sorted(set(SCALAR_KEYS) - set(references.ALL))
    stray = sorted(set(references.ALL) - set(SCALAR_KEYS))
    assert not missing, f"no mpmath reference for {missing}"
    assert not stray, f"references for keys not in the catalog: {stray}"


@pytest.mark.parametrize("key", SCALAR_KEYS)
def test_golden_values_exist_and_match_current_parameters(key: str) -> None:
    cases = [c for name, c in GOLDEN.items() if name.split("#")[0] == key]
    assert cases, f"no golden values for {key}: run python tests/core/make_golden.py --keys {key}"
    activation = get_scalar(key)
    for case in cases:
        params = json.loads(str(case["params"]))
        assert activation.resolve(params) == params, f"stale golden parameters for {key}"
    defaults = [c for c in cases if json.loads(str(c["params"])) == activation.defaults]
    assert defaults, f"golden values for {key} do not cover its defaults: regenerate them"


def _case_ids() -> list[str]:
    return sorted(GOLDEN)


@pytest.mark.parametrize("case", _case_ids())
@pytest.mark.parametrize("which", ["f", "df"])
def test_within_4_ulp(case: str, which: str) -> None:
    key = case.split("#")[0]
    if key not in ACTIVATIONS:
        pytest.fail(f"golden values for {key!r}, which is not in the catalog")
    data = GOLDEN[case]
    activation = get_scalar(key)
    params = json.loads(str(data["params"]))
    x = data["x"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = (
            activation.forward(x, **params) if which == "f" else activation.derivative(x, **params)
        )
    want = data[which]
    assert got.shape == x.shape and got.dtype == np.float64
    err = ulp_error(got, want)
    with np.errstate(invalid="ignore"):
        loose = data[f"{which}_loose"] & (np.abs(got - want) <= LOOSE_ABS)
    bad = (err > MAX_ULPS) & ~loose
    if bad.any():
        rows = [
            f"  x={x[i]!r}: got {got[i]!r}, want {want[i]!r} ({err[i]:.3g} ulp)"
            for i in np.flatnonzero(bad)[:12]
        ]
        pytest.fail(
            f"{key}{params} {which}: {int(bad.sum())} of {x.size} inputs beyond {MAX_ULPS} ulp\n"
            + "\n".join(rows)
        )


@pytest.mark.parametrize("key", SCALAR_KEYS)
def test_limits_at_infinity_and_nan(key: str) -> None:
    activation = get_scalar(key)
    ref = references.ALL.get(key)
    if ref is None:
        pytest.fail(f"no reference for {key}")
    assert ref.limits is not None, f"the reference for {key} must state its limits at ±inf"
    for partial in ({}, *ref.param_sets):
        params = activation.resolve(partial)
        (f_lo, f_hi), (d_lo, d_hi) = ref.limits(params)
        x = np.array([-math.inf, math.inf, math.nan])
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            f = activation.forward(x, **params)
            d = activation.derivative(x, **params)
        np.testing.assert_array_equal(f, [f_lo, f_hi, math.nan], err_msg=f"{key}{params} f")
        np.testing.assert_array_equal(d, [d_lo, d_hi, math.nan], err_msg=f"{key}{params} f′")
