"""Argument checks shared by the lab: every refusal is a ``ValueError`` naming the argument."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

from ..activation import Activation, ParamValue
from ..messages import Message, reason_of, template
from ..registry import get_scalar

_NOT_AN_INTEGER = template("{name} must be an integer; got {value}")
_OUT_OF_RANGE = template("{name} must lie in {interval}; got {value}")
_NOT_A_NUMBER = template("{name} must be a number; got {value}")
_NOT_FINITE = template("{name} must be finite; got {value}")
_FIELD_PROBLEM = template("{name}: {reason}")


def check_int(name: str, value: object, lo: int, hi: int) -> int:
    """``value`` as an int in [lo, hi], or ``ValueError`` naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(Message(_NOT_AN_INTEGER, name=name, value=repr(value)))
    number = int(value)
    if not lo <= number <= hi:
        interval = f"[{lo}, {hi}]"
        raise ValueError(Message(_OUT_OF_RANGE, name=name, interval=interval, value=number))
    return number


def check_float(
    name: str, value: object, lo: float = -math.inf, hi: float = math.inf, *, open_lo: bool = False
) -> float:
    """``value`` as a finite float in [lo, hi] (or (lo, hi]), or ``ValueError`` naming ``name``."""
    if isinstance(value, bool):
        raise ValueError(Message(_NOT_A_NUMBER, name=name, value=repr(value)))
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(Message(_NOT_A_NUMBER, name=name, value=repr(value))) from None
    if math.isnan(number):
        raise ValueError(Message(_NOT_A_NUMBER, name=name, value="NaN"))
    if not math.isfinite(number):
        raise ValueError(Message(_NOT_FINITE, name=name, value=number))
    if number < lo or number > hi or (open_lo and number == lo):
        interval = f"{'(' if open_lo else '['}{lo:g}, {hi:g}]"
        raise ValueError(Message(_OUT_OF_RANGE, name=name, interval=interval, value=f"{number:g}"))
    return number


def scalar_activation(activation: str | Activation) -> Activation:
    """The catalog's scalar activation for a key (or the activation itself)."""
    if isinstance(activation, Activation):
        return activation
    try:
        return get_scalar(activation)
    except KeyError as exc:
        # The registry's own message (not str(): a KeyError quotes it), still translatable.
        reason = exc.args[0] if exc.args else reason_of(exc)
        raise ValueError(Message(_FIELD_PROBLEM, name="activation", reason=reason)) from None


def resolve_params(act: Activation, params: Mapping[str, object] | None) -> dict[str, ParamValue]:
    """Validated, complete parameters for ``act`` (``ValueError`` naming a bad parameter)."""
    return act.resolve(params)
