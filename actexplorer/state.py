"""The evented, Qt-free state of the explorer window: what the user has chosen.

Every field is validated on assignment (a bad value raises ``ValueError`` and changes nothing) and
announces itself through :attr:`ExplorerState.events`, one psygnal signal per field. Widgets write
these fields; views listen to the events. Nothing here knows about Qt.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

import numpy as np
from psygnal import Signal, SignalGroup

from actexplorer.core import ACTIVATIONS, AnyActivation, Framework, VectorActivation, get
from actexplorer.core.activation import ParamValue
from actexplorer.core.messages import Message, reason_of, template
from actexplorer.core.stats import (
    DEFAULT_SAMPLES,
    DISTRIBUTIONS,
    MAX_SAMPLES,
    MIN_SAMPLES,
    InputDistribution,
)

Theme = Literal["auto", "light", "dark"]
THEMES: tuple[Theme, ...] = ("auto", "light", "dark")

#: The x window shown when nothing else was chosen.
DEFAULT_X_RANGE = (-6.0, 6.0)
#: Limits of the x window: wide enough for any tail, narrow enough for float64 grids.
X_LIMIT = 1e6
MIN_X_WIDTH = 1e-6
#: At most this many pinned functions beside the current one (6 curves in all).
MAX_PINS = 5
MAX_SEED = 2**32 - 1
#: The logit vector of the softmax-family view: its length range and value limit.
MIN_LOGITS, MAX_LOGITS = 3, 10
LOGIT_LIMIT = 50.0
DEFAULT_LOGITS = (2.0, 1.0, 0.1, -1.0)

# User-visible refusals (translated through actexplorer.core.locale).
_KEY_NOT_TEXT = template("activation keys are strings; got {key!r}")
_NOT_A_MAPPING = template("params must be a mapping of name to value; got {value!r}")
_OUT_OF_RANGE = template("{name} must lie in [{lo}, {hi}]; got {value}")
_NOT_A_DISTRIBUTION = template("distribution must be an InputDistribution; got {value!r}")
_UNKNOWN_DISTRIBUTION = template("unknown distribution {kind!r}; choose from {choices}")
_LOGITS_NOT_A_SEQUENCE = template("logits must be a sequence of numbers; got {value!r}")
_LOGITS_COUNT = template("logits need {lo} to {hi} entries; got {count}")
_LOGITS_RANGE = template("logits must lie in [-{limit}, {limit}]")
_X_RANGE_NOT_A_PAIR = template("x_range must be a pair (low, high); got {value!r}")
_X_RANGE_TOO_WIDE = template("x_range must lie within ±{limit}; got ({lo}, {hi})")
_X_RANGE_TOO_NARROW = template("x_range needs low < high (by {width}); got ({lo}, {hi})")
_NOT_A_CHOICE = template("{name} must be one of {choices}; got {value!r}")
_NOT_A_PIN = template("pins must be Pin objects; got {value!r}")
_TOO_MANY_PINS = template("at most {limit} functions can be pinned; got {count}")
_FIELD_PROBLEM = template("{name}: {reason}")
_NOT_A_FLAG = template("{name} must be True or False; got {value!r}")
_NOT_WHOLE = template("{name} must be a whole number; got {value!r}")
_NOT_A_NUMBER = template("{name} must be a number; got {value!r}")
_NOT_FINITE = template("{name} must be finite; got {value!r}")


class UnknownActivationError(KeyError, ValueError):
    """An activation key that is not in the catalog (a ``KeyError`` and a ``ValueError``)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True, slots=True)
class Pin:
    """A function pinned for comparison, with the parameters it had when pinned."""

    key: str
    params: Mapping[str, ParamValue]

    @property
    def activation(self) -> AnyActivation:
        """The catalog entry this pin refers to."""
        return get(self.key)

    @property
    def label(self) -> str:
        """Name and non-default parameters, e.g. ``ELU (alpha=0.5)``."""
        act = self.activation
        changed = [
            f"{name}={_short(value)}"
            for name, value in self.params.items()
            if value != act.defaults.get(name)
        ]
        return f"{act.name} ({', '.join(changed)})" if changed else act.name


def _short(value: ParamValue) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


class StateEvents(SignalGroup):
    """One signal per field of :class:`ExplorerState`, emitted with the new value."""

    activation = Signal(str)
    params = Signal(object)
    n_samples = Signal(int)
    seed = Signal(int)
    distribution = Signal(object)
    x_range = Signal(object)
    log_derivative = Signal(bool)
    show_input_histogram = Signal(bool)
    show_derivative = Signal(bool)
    show_histograms = Signal(bool)
    show_pins = Signal(bool)
    train_mode = Signal(bool)
    pins = Signal(object)
    pin_histograms = Signal(bool)
    logits = Signal(object)
    theme = Signal(str)


def default_activation_key() -> str:
    """``relu`` when the catalog has it, else the first function of the catalog."""
    if "relu" in ACTIVATIONS:
        return "relu"
    return next(iter(ACTIVATIONS))


class ExplorerState:
    """Everything the explorer window shows is a function of these fields."""

    def __init__(self, activation: str | None = None) -> None:
        self.events = StateEvents()
        key = default_activation_key() if activation is None else activation
        act = self._resolve_key(key)
        self._activation: str = act.key
        self._params: dict[str, ParamValue] = act.defaults
        self._n_samples: int = DEFAULT_SAMPLES
        self._seed: int = 0
        self._distribution: InputDistribution = InputDistribution()
        self._x_range: tuple[float, float] = DEFAULT_X_RANGE
        self._log_derivative = False
        self._show_input_histogram = False
        self._show_derivative = True
        self._show_histograms = True
        self._show_pins = True
        self._train_mode = False
        self._pins: tuple[Pin, ...] = ()
        self._pin_histograms = True
        self._logits: tuple[float, ...] = DEFAULT_LOGITS
        self._theme: Theme = "auto"

    # -- the activation and its parameters ---------------------------------------------------
    @staticmethod
    def _resolve_key(key: object) -> AnyActivation:
        if not isinstance(key, str):
            raise UnknownActivationError(Message(_KEY_NOT_TEXT, key=key))
        try:
            return get(key)
        except KeyError as exc:
            reason = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else None
            raise UnknownActivationError(reason or str(exc.args[0])) from None

    @property
    def activation(self) -> str:
        """The catalog key of the function shown; assigning one resets the parameters."""
        return self._activation

    @activation.setter
    def activation(self, key: str) -> None:
        act = self._resolve_key(key)
        if act.key == self._activation:
            return
        self._activation = act.key
        self._params = act.defaults
        self.events.activation.emit(act.key)
        self.events.params.emit(self.params)
        if self._train_mode and not getattr(act, "is_random", False):
            self.train_mode = False

    @property
    def current(self) -> AnyActivation:
        """The catalog entry of :attr:`activation`."""
        return get(self._activation)

    @property
    def params(self) -> dict[str, ParamValue]:
        """A copy of the complete, validated parameters of the current function."""
        return dict(self._params)

    @params.setter
    def params(self, params: Mapping[str, object]) -> None:
        if not isinstance(params, Mapping):
            raise ValueError(Message(_NOT_A_MAPPING, value=params))
        resolved = self.current.resolve(params)
        _check_together(self.current, resolved)
        if resolved == self._params:
            return
        self._params = resolved
        self.events.params.emit(self.params)

    def set_param(self, name: str, value: object) -> None:
        """Change one parameter, keeping the others."""
        self.current.param(name)  # unknown names raise with a suggestion
        self.params = {**self._params, name: value}

    def reset_params(self) -> None:
        """Every parameter back to its default."""
        self.params = {}

    def apply_preset(self, framework: Framework | str) -> None:
        """The parameters ``framework`` uses by default."""
        self.params = self.current.preset(framework)

    # -- the random inputs -------------------------------------------------------------------
    @property
    def n_samples(self) -> int:
        """How many random inputs the histograms and statistics use."""
        return self._n_samples

    @n_samples.setter
    def n_samples(self, value: object) -> None:
        n = _as_int(value, "n_samples")
        if not MIN_SAMPLES <= n <= MAX_SAMPLES:
            raise ValueError(
                Message(
                    _OUT_OF_RANGE,
                    name="n_samples",
                    lo=f"{MIN_SAMPLES:,}",
                    hi=f"{MAX_SAMPLES:,}",
                    value=f"{n:,}",
                )
            )
        if n != self._n_samples:
            self._n_samples = n
            self.events.n_samples.emit(n)

    @property
    def seed(self) -> int:
        """Seed of the random inputs; a new seed is a new draw."""
        return self._seed

    @seed.setter
    def seed(self, value: object) -> None:
        seed = _as_int(value, "seed")
        if not 0 <= seed <= MAX_SEED:
            raise ValueError(Message(_OUT_OF_RANGE, name="seed", lo=0, hi=MAX_SEED, value=seed))
        if seed != self._seed:
            self._seed = seed
            self.events.seed.emit(seed)

    def resample(self) -> None:
        """Draw fresh inputs (the next seed)."""
        self.seed = (self._seed + 1) % (MAX_SEED + 1)

    @property
    def distribution(self) -> InputDistribution:
        """The law of the random inputs X."""
        return self._distribution

    @distribution.setter
    def distribution(self, dist: InputDistribution) -> None:
        if not isinstance(dist, InputDistribution):
            raise ValueError(Message(_NOT_A_DISTRIBUTION, value=dist))
        if dist != self._distribution:
            self._distribution = dist
            self.events.distribution.emit(dist)

    def set_distribution(self, kind: str, params: Mapping[str, float] | None = None) -> None:
        """Switch to distribution ``kind``; parameters not given take its defaults."""
        if kind not in DISTRIBUTIONS:
            choices = ", ".join(DISTRIBUTIONS)
            raise ValueError(Message(_UNKNOWN_DISTRIBUTION, kind=kind, choices=choices))
        try:
            dist = InputDistribution(kind=kind, params=dict(params or {}))
        except (TypeError, KeyError) as exc:
            raise ValueError(reason_of(exc)) from None
        self.distribution = dist

    def set_distribution_param(self, name: str, value: object) -> None:
        """Change one parameter of the input distribution, keeping the others."""
        dist = self._distribution
        self.set_distribution(dist.kind, {**dict(dist.params), name: value})  # type: ignore[dict-item]

    @property
    def train_mode(self) -> bool:
        """Sample stochastic functions (e.g. RReLU) in training mode."""
        return self._train_mode

    @train_mode.setter
    def train_mode(self, value: bool) -> None:
        self._set_flag("train_mode", value)

    @property
    def logits(self) -> tuple[float, ...]:
        """The input vector of a vector function (softmax family)."""
        return self._logits

    @logits.setter
    def logits(self, values: Iterable[object]) -> None:
        try:
            raw = list(values)
        except TypeError:
            raise ValueError(Message(_LOGITS_NOT_A_SEQUENCE, value=values)) from None
        logits = tuple(_as_float(v, "logit") for v in raw)
        if not MIN_LOGITS <= len(logits) <= MAX_LOGITS:
            raise ValueError(
                Message(_LOGITS_COUNT, lo=MIN_LOGITS, hi=MAX_LOGITS, count=len(logits))
            )
        if any(abs(v) > LOGIT_LIMIT for v in logits):
            raise ValueError(Message(_LOGITS_RANGE, limit=f"{LOGIT_LIMIT:g}"))
        if logits != self._logits:
            self._logits = logits
            self.events.logits.emit(logits)

    # -- the view ----------------------------------------------------------------------------
    @property
    def x_range(self) -> tuple[float, float]:
        """The x window of the curves, (low, high)."""
        return self._x_range

    @x_range.setter
    def x_range(self, value: Iterable[object]) -> None:
        try:
            lo_raw, hi_raw = value
        except (TypeError, ValueError):
            raise ValueError(Message(_X_RANGE_NOT_A_PAIR, value=value)) from None
        lo, hi = _as_float(lo_raw, "x_range low"), _as_float(hi_raw, "x_range high")
        if not (lo >= -X_LIMIT and hi <= X_LIMIT):
            raise ValueError(
                Message(_X_RANGE_TOO_WIDE, limit=f"{X_LIMIT:g}", lo=f"{lo:g}", hi=f"{hi:g}")
            )
        if not hi - lo >= MIN_X_WIDTH:
            raise ValueError(
                Message(_X_RANGE_TOO_NARROW, width=f"{MIN_X_WIDTH:g}", lo=f"{lo:g}", hi=f"{hi:g}")
            )
        if (lo, hi) != self._x_range:
            self._x_range = (lo, hi)
            self.events.x_range.emit(self._x_range)

    def reset_x_range(self) -> None:
        """Back to the default x window."""
        self.x_range = DEFAULT_X_RANGE

    @property
    def log_derivative(self) -> bool:
        """Show |f′| on a logarithmic axis (the vanishing-gradient view)."""
        return self._log_derivative

    @log_derivative.setter
    def log_derivative(self, value: bool) -> None:
        self._set_flag("log_derivative", value)

    @property
    def show_input_histogram(self) -> bool:
        """Draw the histogram of the inputs X behind the one of f(X)."""
        return self._show_input_histogram

    @show_input_histogram.setter
    def show_input_histogram(self, value: bool) -> None:
        self._set_flag("show_input_histogram", value)

    @property
    def show_derivative(self) -> bool:
        """Show the plot of f′ (hidden, f gets its room)."""
        return self._show_derivative

    @show_derivative.setter
    def show_derivative(self, value: bool) -> None:
        self._set_flag("show_derivative", value)

    @property
    def show_histograms(self) -> bool:
        """Show the histograms of f(X) and f′(X)."""
        return self._show_histograms

    @show_histograms.setter
    def show_histograms(self, value: bool) -> None:
        self._set_flag("show_histograms", value)

    @property
    def show_pins(self) -> bool:
        """Draw the pinned functions beside the current one (hiding them keeps the pins)."""
        return self._show_pins

    @show_pins.setter
    def show_pins(self, value: bool) -> None:
        self._set_flag("show_pins", value)

    @property
    def theme(self) -> Theme:
        """``auto`` follows the operating system; ``light`` or ``dark`` force one look."""
        return self._theme

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(
                Message(_NOT_A_CHOICE, name="theme", choices=", ".join(THEMES), value=value)
            )
        if value != self._theme:
            self._theme = value  # type: ignore[assignment]
            self.events.theme.emit(value)

    # -- comparison --------------------------------------------------------------------------
    @property
    def pins(self) -> tuple[Pin, ...]:
        """Functions pinned for comparison (at most :data:`MAX_PINS`)."""
        return self._pins

    @pins.setter
    def pins(self, pins: Iterable[Pin]) -> None:
        checked: list[Pin] = []
        for pin in pins:
            if not isinstance(pin, Pin):
                raise ValueError(Message(_NOT_A_PIN, value=pin))
            act = self._resolve_key(pin.key)
            checked.append(Pin(act.key, MappingProxyType(act.resolve(pin.params))))
        if len(checked) > MAX_PINS:
            raise ValueError(Message(_TOO_MANY_PINS, limit=MAX_PINS, count=len(checked)))
        if tuple(checked) != self._pins:
            self._pins = tuple(checked)
            self.events.pins.emit(self._pins)

    @property
    def pin_histograms(self) -> bool:
        """Overlay the histograms of pinned functions as outlines."""
        return self._pin_histograms

    @pin_histograms.setter
    def pin_histograms(self, value: bool) -> None:
        self._set_flag("pin_histograms", value)

    def pin_current(self) -> bool:
        """Pin the current function with its parameters; False when full or already pinned."""
        pin = Pin(self._activation, MappingProxyType(self.params))
        if pin in self._pins or len(self._pins) >= MAX_PINS:
            return False
        self.pins = (*self._pins, pin)
        return True

    def unpin(self, index: int) -> None:
        """Remove the pin at ``index``."""
        pins = list(self._pins)
        del pins[index]
        self.pins = pins

    def clear_pins(self) -> None:
        """Remove every pin."""
        self.pins = ()

    # -- persistence -------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly snapshot of every field."""
        return {
            "activation": self._activation,
            "params": dict(self._params),
            "n_samples": self._n_samples,
            "seed": self._seed,
            "distribution": {
                "kind": self._distribution.kind,
                "params": dict(self._distribution.params),
            },
            "x_range": list(self._x_range),
            "log_derivative": self._log_derivative,
            "show_input_histogram": self._show_input_histogram,
            "show_derivative": self._show_derivative,
            "show_histograms": self._show_histograms,
            "show_pins": self._show_pins,
            "train_mode": self._train_mode,
            "pins": [{"key": p.key, "params": dict(p.params)} for p in self._pins],
            "pin_histograms": self._pin_histograms,
            "logits": list(self._logits),
            "theme": self._theme,
        }

    def update_from_dict(self, data: Mapping[str, Any]) -> list[str]:
        """Apply a snapshot field by field; a bad field is skipped and its problem returned."""
        problems: list[str] = []

        def attempt(name: str, apply: Any) -> None:
            if name not in data:
                return
            try:
                apply(data[name])
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                problems.append(Message(_FIELD_PROBLEM, name=name, reason=reason_of(exc)))

        def set_attr(name: str) -> Any:
            return lambda value: setattr(self, name, value)

        attempt("activation", set_attr("activation"))
        attempt("params", set_attr("params"))
        attempt("n_samples", set_attr("n_samples"))
        attempt("seed", set_attr("seed"))
        attempt("distribution", lambda d: self.set_distribution(d["kind"], d.get("params")))
        attempt("x_range", set_attr("x_range"))
        attempt("log_derivative", lambda v: self._set_flag("log_derivative", v))
        attempt("show_input_histogram", lambda v: self._set_flag("show_input_histogram", v))
        for flag in ("show_derivative", "show_histograms", "show_pins"):
            attempt(flag, lambda v, f=flag: self._set_flag(f, v))
        attempt("train_mode", lambda v: self._set_flag("train_mode", v))
        attempt("pins", lambda v: setattr(self, "pins", [Pin(p["key"], p["params"]) for p in v]))
        attempt("pin_histograms", lambda v: self._set_flag("pin_histograms", v))
        attempt("logits", set_attr("logits"))
        attempt("theme", set_attr("theme"))
        return problems

    # -- helpers -----------------------------------------------------------------------------
    def _set_flag(self, name: str, value: object) -> None:
        if not isinstance(value, bool):
            raise ValueError(Message(_NOT_A_FLAG, name=name, value=value))
        if value != getattr(self, f"_{name}"):
            setattr(self, f"_{name}", value)
            getattr(self.events, name).emit(value)


def _check_together(act: AnyActivation, params: Mapping[str, ParamValue]) -> None:
    """Refuse parameters that pass one by one but not together (e.g. RReLU's lower > upper).

    Only the kernels know such rules, so they are asked once on a tiny input.
    """
    probe = np.zeros(4)
    with np.errstate(all="ignore"):
        if isinstance(act, VectorActivation):
            act.forward(probe, **params)
        else:
            act.value_and_derivative(probe, **params)


def _as_int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(Message(_NOT_WHOLE, name=name, value=value))
    if isinstance(value, numbers.Integral):
        return int(value)
    number = float(value)
    if not math.isfinite(number) or number != int(number):
        raise ValueError(Message(_NOT_WHOLE, name=name, value=value))
    return int(number)


def _as_float(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(Message(_NOT_A_NUMBER, name=name, value=value))
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(Message(_NOT_FINITE, name=name, value=value))
    return number
