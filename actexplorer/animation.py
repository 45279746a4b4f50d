"""A parameter played between two bounds over time: the timeline behind the Animate panel and
the animated-GIF export.

Nothing here knows about Qt or the catalog: a :class:`ParameterAnimation` is an immutable value
that maps a time in seconds to a parameter value. Time first becomes a *progress* u ∈ [0, 1]
along one sweep from ``start`` to ``stop`` (how depends on the mode), then u becomes a value
(linearly, logarithmically, or stepping through whole numbers or named choices).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from actexplorer.core.activation import format_bound
from actexplorer.core.messages import Message, template

if TYPE_CHECKING:
    from actexplorer.core.activation import ParamSpec

Mode = Literal["once", "loop", "pingpong"]
Scale = Literal["linear", "log"]
AnimatedValue = float | str

#: How the sweep repeats: ``once`` stops at ``stop``, ``loop`` jumps back to ``start``,
#: ``pingpong`` sweeps back to ``start`` and again.
MODES: tuple[Mode, ...] = ("once", "loop", "pingpong")
SCALES: tuple[Scale, ...] = ("linear", "log")
#: Seconds per sweep: slower than 10 minutes is a still picture, faster than 0.1 s a flicker.
MIN_DURATION, MAX_DURATION = 0.1, 600.0
DEFAULT_DURATION = 3.0
#: Most frames an exported animation may have.
MAX_FRAMES = 1000
#: A default sweep of a log-scaled parameter spans this factor either side of its default.
LOG_SPAN = 10.0
#: A default sweep of an unbounded linear parameter spans this many units (at least) either side.
LINEAR_SPAN = 5.0


# User-visible refusals (translated through actexplorer.core.locale).
_NO_NAME = template("the parameter name must be a non-empty string; got {value!r}")
_NOT_A_CHOICE = template("{name} must be one of {choices}; got {value!r}")
_THE_DURATION = template("the duration")
_BAD_DURATION = template("the duration must lie in [{lo}, {hi}] seconds; got {value}")
_NO_CHOICES = template("choices must be a non-empty sequence of names; got {value!r}")
_FROM = template("{name} from")
_TO = template("{name} to")
_CHOICE_NOT_LOG = template("{name} is a choice: it cannot be swept logarithmically")
_CHOICE_NOT_WHOLE = template("{name} is a choice, not a whole number")
_NOTHING_MOVES = template("from and to are both {value}: nothing would move")
_NOT_WHOLE = template("{name} must be a whole number; got {value}")
_LOG_NEEDS_POSITIVE = template(
    "a logarithmic sweep needs both bounds above 0; got {start} → {stop}"
)
_OUT_OF_RANGE = template("{name} must lie in [{lo}, {hi}]; got {value}")
_NOT_A_NUMBER = template("{what} must be a number; got {value}")
_NOT_FINITE = template("{what} must be finite; got {value}")
_FRAMES_NOT_WHOLE = template("the frame count must be a whole number; got {value!r}")
_FRAMES_OUT_OF_RANGE = template("the frame count must lie in [2, {limit}]; got {value}")


def _bound(name: str, which: str) -> Message:
    """``alpha from`` / ``alpha to``: how a message names one end of a sweep."""
    return Message(_FROM if which == "from" else _TO, name=name)


@dataclass(frozen=True, slots=True)
class ParameterAnimation:
    """Parameter ``name`` swept from ``start`` to ``stop`` in ``duration`` seconds.

    Numbers move linearly, ``v(u) = start + u·(stop − start)``, or with ``scale="log"``
    geometrically, ``v(u) = start·(stop/start)^u``; ``integer`` parameters step through the
    whole numbers between the bounds and ``choices`` parameters through the named choices
    from ``start`` to ``stop``, each step holding for the same time. ``start`` may be above
    ``stop`` (a sweep downwards); equal bounds are refused since nothing would move.
    """

    name: str
    start: AnimatedValue
    stop: AnimatedValue
    mode: Mode = "loop"
    duration: float = DEFAULT_DURATION
    scale: Scale = "linear"
    choices: tuple[str, ...] | None = None
    integer: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise ValueError(Message(_NO_NAME, value=self.name))
        if self.mode not in MODES:
            raise ValueError(
                Message(_NOT_A_CHOICE, name="mode", choices=", ".join(MODES), value=self.mode)
            )
        if self.scale not in SCALES:
            raise ValueError(
                Message(_NOT_A_CHOICE, name="scale", choices=", ".join(SCALES), value=self.scale)
            )
        duration = _finite(self.duration, Message(_THE_DURATION))
        if not MIN_DURATION <= duration <= MAX_DURATION:
            raise ValueError(
                Message(
                    _BAD_DURATION,
                    lo=f"{MIN_DURATION:g}",
                    hi=f"{MAX_DURATION:g}",
                    value=f"{duration:g}",
                )
            )
        object.__setattr__(self, "duration", duration)
        if self.choices is not None:
            self._check_choices()
        else:
            self._check_numbers()

    def _check_choices(self) -> None:
        choices = tuple(self.choices or ())
        if not choices or not all(isinstance(c, str) for c in choices):
            raise ValueError(Message(_NO_CHOICES, value=self.choices))
        object.__setattr__(self, "choices", choices)
        for which, value in (("from", self.start), ("to", self.stop)):
            if value not in choices:
                listed = ", ".join(map(repr, choices))
                raise ValueError(
                    Message(
                        _NOT_A_CHOICE, name=_bound(self.name, which), choices=listed, value=value
                    )
                )
        if self.scale == "log":
            raise ValueError(Message(_CHOICE_NOT_LOG, name=self.name))
        if self.integer:
            raise ValueError(Message(_CHOICE_NOT_WHOLE, name=self.name))
        if self.start == self.stop:
            raise ValueError(Message(_NOTHING_MOVES, value=repr(self.start)))

    def _check_numbers(self) -> None:
        start = _finite(self.start, _bound(self.name, "from"))
        stop = _finite(self.stop, _bound(self.name, "to"))
        if self.integer:
            for which, value in (("from", start), ("to", stop)):
                if value != math.floor(value):
                    raise ValueError(
                        Message(_NOT_WHOLE, name=_bound(self.name, which), value=f"{value:g}")
                    )
        if start == stop:
            raise ValueError(Message(_NOTHING_MOVES, value=f"{start:g}"))
        if self.scale == "log" and not (start > 0 and stop > 0):
            raise ValueError(Message(_LOG_NEEDS_POSITIVE, start=f"{start:g}", stop=f"{stop:g}"))
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "stop", stop)

    # -- construction from a parameter's spec ----------------------------------------------------
    @classmethod
    def for_spec(
        cls,
        spec: ParamSpec,
        start: AnimatedValue | None = None,
        stop: AnimatedValue | None = None,
        *,
        mode: Mode = "loop",
        duration: float = DEFAULT_DURATION,
        scale: Scale | None = None,
    ) -> ParameterAnimation:
        """A sweep of ``spec``'s parameter; bounds default to :func:`default_bounds`, scale to
        ``log`` for a log-scaled parameter with both bounds above 0.

        Bounds outside the parameter's range are refused with a message naming them.
        """
        default_start, default_stop = default_bounds(spec)
        start = default_start if start is None else start
        stop = default_stop if stop is None else stop
        if spec.choices is not None:
            return cls(
                spec.name, start, stop, mode, duration, scale or "linear", tuple(spec.choices)
            )
        for which, value in (("from", start), ("to", stop)):
            number = _finite(value, _bound(spec.name, which))
            if not spec.minimum <= number <= spec.maximum:
                raise ValueError(
                    Message(
                        _OUT_OF_RANGE,
                        name=_bound(spec.name, which),
                        lo=format_bound(spec.minimum),
                        hi=format_bound(spec.maximum),
                        value=f"{number:g}",
                    )
                )
        if scale is None:
            positive = float(start) > 0 and float(stop) > 0
            scale = "log" if spec.log_scale and positive else "linear"
        return cls(spec.name, start, stop, mode, duration, scale)

    def with_bounds(self, start: AnimatedValue, stop: AnimatedValue) -> ParameterAnimation:
        """The same animation between other bounds (validated again)."""
        return replace(self, start=start, stop=stop)

    # -- time ------------------------------------------------------------------------------------
    @property
    def cycle_seconds(self) -> float:
        """Seconds until the animation repeats: one sweep, two for ``pingpong``."""
        return 2.0 * self.duration if self.mode == "pingpong" else self.duration

    def progress(self, t: float) -> float:
        """Where along the sweep (0 = ``start``, 1 = ``stop``) the animation is at ``t`` seconds.

        once: ``clamp(t/T, 0, 1)``; loop: ``(t/T) mod 1``; pingpong: the triangle wave
        ``1 − |(t/T) mod 2 − 1|``.
        """
        phase = _finite(t, "the time") / self.duration
        if self.mode == "once":
            u = phase
        elif self.mode == "loop":
            u = phase % 1.0
        else:
            u = 1.0 - abs(phase % 2.0 - 1.0)
        # A tiny negative phase gives (−ε) mod 1 == 1.0 in floating point: clamp, never overshoot.
        return min(max(u, 0.0), 1.0)

    def finished(self, t: float) -> bool:
        """True when a ``once`` animation has reached its end at ``t`` (never for the others)."""
        return self.mode == "once" and t >= self.duration

    def time_of(self, progress: float) -> float:
        """The first time at which the animation is at ``progress`` (for resuming after a scrub)."""
        return min(max(_finite(progress, "the progress"), 0.0), 1.0) * self.duration

    def value_at(self, t: float) -> AnimatedValue:
        """The parameter's value ``t`` seconds after the start."""
        return self.value_at_progress(self.progress(t))

    def value_at_progress(self, progress: float) -> AnimatedValue:
        """The value at ``progress`` ∈ [0, 1] along the sweep (clamped)."""
        u = min(max(_finite(progress, "the progress"), 0.0), 1.0)
        if self.choices is not None:
            first, last = self.choices.index(str(self.start)), self.choices.index(str(self.stop))
            return self.choices[first + _step(u, first, last)]
        start, stop = float(self.start), float(self.stop)
        if self.integer and self.scale == "linear":
            return float(start + _step(u, int(start), int(stop)))
        if u == 0.0:
            return start
        if u == 1.0:
            return stop
        if self.scale == "log":
            value = start * math.exp(u * math.log(stop / start))
        else:
            value = start + u * (stop - start)
        if self.integer:
            value = float(round(value))
        low, high = min(start, stop), max(start, stop)
        return min(max(value, low), high)

    def progress_of(self, value: AnimatedValue) -> float:
        """The progress at which the sweep passes ``value`` (clamped to [0, 1]); the inverse of
        :meth:`value_at_progress`, to place a scrub slider at a value set elsewhere."""
        if self.choices is not None:
            if value not in self.choices:
                return 0.0
            first, last = self.choices.index(str(self.start)), self.choices.index(str(self.stop))
            index = self.choices.index(str(value))
            steps = abs(last - first) + 1
            offset = (index - first) if last >= first else (first - index)
            return min(max((offset + 0.5) / steps, 0.0), 1.0)
        number = _finite(value, "the value")
        start, stop = float(self.start), float(self.stop)
        if self.scale == "log":
            if number <= 0:
                return 0.0 if start < stop else 1.0
            u = math.log(number / start) / math.log(stop / start)
        else:
            u = (number - start) / (stop - start)
        return min(max(u, 0.0), 1.0)

    # -- frames for an export ----------------------------------------------------------------
    def frames(self, n: int) -> tuple[AnimatedValue, ...]:
        """``n`` values for an exported animation of one cycle (:attr:`cycle_seconds`).

        once and loop: ``start`` to ``stop`` at evenly spaced progress, both ends included (a
        looping picture jumps back to ``start`` after ``stop``); pingpong: ``n`` evenly spaced
        times over the cycle, so ``start`` appears once and the loop has no doubled frame.
        Each frame lasts :meth:`frame_seconds`.
        """
        count = _frame_count(n)
        if self.mode == "pingpong":
            # Frame i and frame n − i show the same value bit for bit, so an export can draw
            # the way back from the frames of the way there.
            return tuple(
                self.value_at_progress(2 * min(i, count - i) / count) for i in range(count)
            )
        return tuple(self.value_at_progress(i / (count - 1)) for i in range(count))

    def frame_seconds(self, n: int) -> float:
        """How long each of ``n`` exported frames shows so that they last one cycle."""
        return self.cycle_seconds / _frame_count(n)


def default_bounds(spec: ParamSpec) -> tuple[AnimatedValue, AnimatedValue]:
    """Bounds worth watching for ``spec``'s parameter.

    Choices: the first and the last choice. Log-scaled numbers: ``default / 10`` to
    ``default · 10`` clipped to the range (softplus β: 0.1 → 10). Other numbers: the range
    itself where finite (leaky_relu's slope: 0 → 1), else :data:`LINEAR_SPAN` units (at least
    5·|default|) beyond the default.
    """
    if spec.choices is not None:
        return spec.choices[0], spec.choices[-1]
    default = float(spec.default)
    low, high = float(spec.minimum), float(spec.maximum)
    if spec.log_scale and default > 0:
        return (_nice(max(low, default / LOG_SPAN)), _nice(min(high, default * LOG_SPAN)))
    span = LINEAR_SPAN * max(abs(default), 1.0)
    start = low if math.isfinite(low) else _nice(min(default, 0.0) - span)
    stop = high if math.isfinite(high) else _nice(max(default, 0.0) + span)
    return start, stop


def shrink_to_accepted(
    anchor: float, bound: float, accepts: Callable[[float], bool], *, iterations: int = 48
) -> float:
    """``bound`` if ``accepts`` it, else the accepted value nearest it between ``anchor`` (which
    must be accepted) and ``bound``, rounded to a short number towards ``anchor``.

    Some parameters are only valid together (RReLU's lower ≤ upper): a sweep of one must stop
    where the others allow. The accepted set is assumed to be an interval around ``anchor``.
    """
    if accepts(bound):
        return bound
    good, bad = anchor, bound
    for _ in range(iterations):
        middle = 0.5 * (good + bad)
        if middle in (good, bad):
            break
        if accepts(middle):
            good = middle
        else:
            bad = middle
    low, high = min(anchor, bound), max(anchor, bound)
    for digits in (2, 3, 4, 6):
        # The nearest short number when the boundary itself is accepted (0.25, not 0.26), else
        # the short number on the anchor's side of it.
        for short in (float(f"{good:.{digits}g}"), _round_towards(good, anchor, digits)):
            if low <= short <= high and accepts(short):
                return short
    return good


def caption(name: str, value: AnimatedValue) -> str:
    """The label of a frame, e.g. ``negative_slope = 0.35``."""
    return f"{name} = {format_value(value)}"


def format_value(value: AnimatedValue) -> str:
    """A parameter value as a short text: three significant digits, choices as they are."""
    if isinstance(value, str):
        return value
    return f"{value:.3g}"


def sample_values(animation: ParameterAnimation, n: int = 65) -> Sequence[AnimatedValue]:
    """The distinct values a sweep passes through, at ``n`` evenly spaced points (ends included),
    to check them against other parameters before playing."""
    values = [animation.value_at_progress(i / (n - 1)) for i in range(max(n, 2))]
    return list(dict.fromkeys(values))


# -- helpers ----------------------------------------------------------------------------------
def _finite(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(Message(_NOT_A_NUMBER, what=what, value=repr(value)))
    number = float(value)
    if math.isnan(number):
        raise ValueError(Message(_NOT_A_NUMBER, what=what, value="NaN"))
    if math.isinf(number):
        raise ValueError(Message(_NOT_FINITE, what=what, value=number))
    return number


def _frame_count(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise ValueError(Message(_FRAMES_NOT_WHOLE, value=n))
    if not 2 <= int(n) <= MAX_FRAMES:
        raise ValueError(Message(_FRAMES_OUT_OF_RANGE, limit=MAX_FRAMES, value=n))
    return int(n)


def _step(u: float, first: int, last: int) -> int:
    """Signed offset from ``first`` at progress ``u`` when stepping to ``last``: each of the
    ``|last − first| + 1`` values holds for the same share of the sweep."""
    steps = abs(last - first) + 1
    offset = min(math.floor(u * steps), steps - 1)
    return offset if last >= first else -offset


def _nice(value: float) -> float:
    return float(f"{value:.4g}") if value != 0 else 0.0


def _round_towards(value: float, anchor: float, digits: int) -> float:
    if value == 0:
        return 0.0
    exponent = math.floor(math.log10(abs(value))) - digits + 1
    scale = 10.0**exponent
    rounded = math.floor(value / scale) if anchor < value else math.ceil(value / scale)
    return float(f"{rounded * scale:.{digits}g}")


__all__ = [
    "MODES",
    "SCALES",
    "Mode",
    "ParameterAnimation",
    "Scale",
    "caption",
    "default_bounds",
    "format_value",
    "sample_values",
    "shrink_to_accepted",
]
