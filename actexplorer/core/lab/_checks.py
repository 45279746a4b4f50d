"""Argument checks shared by the lab: every refusal is a ``ValueError`` naming the argument."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

from ..activation import Activation, ParamValue
from ..registry import get_scalar


def check_int(name: str, value: object, lo: int, hi: int) -> int:
    """``value`` as an int in [lo, hi], or ``ValueError`` naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an integer; got {value!r}")
    number = int(value)
    if not lo <= number <= hi:
        raise ValueError(f"{name} must lie in [{lo}, {hi}]; got {number}")
    return number


def check_float(
    name: str, value: object, lo: float = -math.inf, hi: float = math.inf, *, open_lo: bool = False
) -> float:
    """``value`` as a finite float in [lo, hi] (or (lo, hi]), or ``ValueError`` naming ``name``."""
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number; got {value!r}")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number; got {value!r}") from None
    if math.isnan(number):
        raise ValueError(f"{name} must be a number; got NaN")
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite; got {number}")
    if number < lo or number > hi or (open_lo and number == lo):
        left = "(" if open_lo else "["
        raise ValueError(f"{name} must lie in {left}{lo:g}, {hi:g}]; got {number:g}")
    return number


def scalar_activation(activation: str | Activation) -> Activation:
    """The catalog's scalar activation for a key (or the activation itself)."""
    if isinstance(activation, Activation):
        return activation
    try:
        return get_scalar(activation)
    except KeyError as exc:
        raise ValueError(f"activation: {exc.args[0]}") from None


def resolve_params(act: Activation, params: Mapping[str, object] | None) -> dict[str, ParamValue]:
    """Validated, complete parameters for ``act`` (``ValueError`` naming a bad parameter)."""
    return act.resolve(params)
