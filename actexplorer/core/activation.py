"""The data model of the catalog: parameters, properties, texts and the activation itself.

Everything here is plain Python + NumPy. An :class:`Activation` bundles a pure forward function,
its exact derivative, the parameters they take (:class:`ParamSpec`) and what a student should know
about it. Parameter values are validated by :meth:`Activation.resolve` before any maths runs, so the
kernels themselves may assume sane, complete keyword arguments.
"""

from __future__ import annotations

import difflib
import enum
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

from .messages import Message, template

FloatArray: TypeAlias = npt.NDArray[np.float64]
ParamValue: TypeAlias = float | str
Params: TypeAlias = Mapping[str, ParamValue]

#: A kernel takes a float64 array and the complete, validated parameters.
Kernel: TypeAlias = Callable[..., FloatArray]
#: A pair kernel returns (f(x), f'(x)) sharing intermediate work.
PairKernel: TypeAlias = Callable[..., tuple[FloatArray, FloatArray]]
#: A random (training-mode) kernel: (x, rng, **params) -> (f(x), f'(x)).
RandomKernel: TypeAlias = Callable[..., tuple[FloatArray, FloatArray]]

INF = math.inf

# User-visible refusals (translated through actexplorer.core.locale).
_NOT_A_CHOICE = template("parameter {name!r} must be one of {choices}; got {value!r}")
_NOT_A_NUMBER = template("parameter {name!r} must be a number; got {value}")
_OUT_OF_RANGE = template("parameter {name!r} must lie in {interval}; got {value}")
_NO_PARAMETERS = template("{key} takes no parameters; got {name!r}")
_UNKNOWN_PARAMETER = template("unknown parameter {name!r} for {key} (takes {names}){suggestion}")
_DID_YOU_MEAN = template("; did you mean {hint!r}?")


class Family(str, enum.Enum):
    """Groups shown in the picker, in this order."""

    RECTIFIER = "Rectifiers"
    EXPONENTIAL = "Exponential linear"
    GATED = "Self-gated (smooth ReLU-like)"
    SIGMOIDAL = "Sigmoidal"
    HARD = "Hard (piecewise linear)"
    SHRINK = "Shrinkage and thresholds"
    PERIODIC = "Periodic and radial"
    OTHER = "Other"
    VECTOR = "Vector (softmax family)"
    #: Functions the user typed in (last, so the built-in order is unchanged).
    CUSTOM = "Custom"


class Smoothness(str, enum.Enum):
    """How many continuous derivatives the function has (everywhere on the real line)."""

    DISCONTINUOUS = "discontinuous"
    C0 = "C⁰"
    C1 = "C¹"
    C2 = "C²"
    CINF = "C^∞"


class Framework(str, enum.Enum):
    """Frameworks whose default parameters the catalog knows."""

    PYTORCH = "PyTorch"
    KERAS = "Keras"
    JAX = "JAX"


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """One parameter of an activation: its name (PyTorch's keyword), default and allowed range.

    Numbers are accepted in the closed interval ``[minimum, maximum]``. A parameter with
    ``choices`` is discrete (e.g. GELU's ``approximate``) and its minimum/maximum are unused.
    ``log_scale`` asks a slider to move logarithmically (the range spans decades).
    """

    name: str
    default: ParamValue
    minimum: float = -INF
    maximum: float = INF
    description: str = ""
    choices: tuple[str, ...] | None = None
    log_scale: bool = False

    def __post_init__(self) -> None:
        if self.choices is not None:
            if self.default not in self.choices:
                raise ValueError(f"default of {self.name!r} is not one of its choices")
        else:
            if not isinstance(self.default, (int, float)):
                raise TypeError(f"default of numeric parameter {self.name!r} must be a number")
            if not self.minimum <= float(self.default) <= self.maximum:
                raise ValueError(f"default of {self.name!r} lies outside its range")
            if self.log_scale and self.minimum <= 0:
                raise ValueError(f"log-scaled parameter {self.name!r} needs a positive minimum")

    @property
    def is_choice(self) -> bool:
        """True for a discrete parameter chosen from ``choices``."""
        return self.choices is not None

    def validate(self, value: object) -> ParamValue:
        """Return ``value`` in canonical form, or raise ``ValueError`` naming this parameter."""
        if self.choices is not None:
            if not isinstance(value, str) or value not in self.choices:
                choices = ", ".join(map(repr, self.choices))
                raise ValueError(
                    Message(_NOT_A_CHOICE, name=self.name, choices=choices, value=value)
                )
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
            raise ValueError(Message(_NOT_A_NUMBER, name=self.name, value=repr(value)))
        number = float(value)
        if math.isnan(number):
            raise ValueError(Message(_NOT_A_NUMBER, name=self.name, value="NaN"))
        if not self.minimum <= number <= self.maximum:
            interval = f"[{format_bound(self.minimum)}, {format_bound(self.maximum)}]"
            raise ValueError(
                Message(
                    _OUT_OF_RANGE, name=self.name, interval=interval, value=format_bound(number)
                )
            )
        return number


def format_bound(value: float) -> str:
    """A parameter bound or value as written in messages: ``%g``, with ∞ for infinities."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return f"{value:g}"


@dataclass(frozen=True, slots=True)
class Reference:
    """The publication that introduced (or popularised) a function."""

    authors: str
    year: int
    title: str
    venue: str = ""

    def __str__(self) -> str:
        venue = f", {self.venue}" if self.venue else ""
        return f"{self.authors} ({self.year}). {self.title}{venue}."


@dataclass(frozen=True, slots=True)
class Description:
    """Short factual texts shown on the properties card."""

    summary: str
    strengths: tuple[str, ...] = ()
    weaknesses: tuple[str, ...] = ()
    usage: str = ""
    reference: Reference | None = None


#: A property is either a constant or a function of the resolved parameters.
Dynamic: TypeAlias = Any


@dataclass(frozen=True, slots=True)
class Properties:
    """Qualitative facts about an activation at one parameter setting.

    ``output_range`` is the closed hull of f's values (±inf where unbounded); ``bounded_below`` and
    ``bounded_above`` derive from it. ``monotonic``: f never decreases (or never increases).
    ``zero_centred``: for standard-normal inputs the mean output is zero or nearly so
    (|E f(Z)| < 0.05·sd f(Z)), as for tanh or SELU but not ReLU. ``saturating``: f′ → 0 in at
    least one tail (ReLU saturates on the left). ``sparse``: f returns exact zeros on an interval
    (units that can be "dead"). ``identity_near_origin``: f(0) = 0 and f′(0) = 1.
    """

    output_range: tuple[float, float]
    monotonic: bool
    smoothness: Smoothness
    zero_centred: bool
    saturating: bool
    sparse: bool
    identity_near_origin: bool

    @property
    def bounded_below(self) -> bool:
        """True when the output has a finite lower bound."""
        return math.isfinite(self.output_range[0])

    @property
    def bounded_above(self) -> bool:
        """True when the output has a finite upper bound."""
        return math.isfinite(self.output_range[1])


@dataclass(frozen=True, slots=True)
class PropertyRules:
    """How to compute :class:`Properties` from parameters: each field a constant or a callable.

    A callable receives the resolved parameter dict; e.g. ELU's range is
    ``lambda p: (-p["alpha"], INF)``.
    """

    output_range: Dynamic
    monotonic: Dynamic = True
    smoothness: Dynamic = Smoothness.CINF
    zero_centred: Dynamic = False
    saturating: Dynamic = False
    sparse: Dynamic = False
    identity_near_origin: Dynamic = False

    def evaluate(self, params: Mapping[str, ParamValue]) -> Properties:
        """Resolve every rule at ``params``."""

        def value(rule: Dynamic) -> Any:
            return rule(params) if callable(rule) else rule

        lo, hi = value(self.output_range)
        return Properties(
            output_range=(float(lo), float(hi)),
            monotonic=bool(value(self.monotonic)),
            smoothness=Smoothness(value(self.smoothness)),
            zero_centred=bool(value(self.zero_centred)),
            saturating=bool(value(self.saturating)),
            sparse=bool(value(self.sparse)),
            identity_near_origin=bool(value(self.identity_near_origin)),
        )


def _no_points(params: Mapping[str, ParamValue]) -> tuple[float, ...]:
    return ()


@dataclass(frozen=True, slots=True)
class Formula:
    """The same formula twice: LaTeX for rendering and plain text for tooltips and exports."""

    latex: str
    text: str


class _Parametrised:
    """Parameter handling shared by scalar and vector activations."""

    key: str
    params: tuple[ParamSpec, ...]
    presets: Mapping[Framework, Mapping[str, ParamValue]]

    @property
    def param_names(self) -> tuple[str, ...]:
        """Names of the parameters, in order."""
        return tuple(spec.name for spec in self.params)

    def param(self, name: str) -> ParamSpec:
        """The spec called ``name``; ``ValueError`` with a suggestion if there is none."""
        for spec in self.params:
            if spec.name == name:
                return spec
        raise ValueError(_unknown_param_message(self, name))

    @property
    def defaults(self) -> dict[str, ParamValue]:
        """Every parameter at its default (PyTorch's where PyTorch has the function)."""
        return {spec.name: spec.default for spec in self.params}

    def resolve(self, params: Mapping[str, object] | None = None) -> dict[str, ParamValue]:
        """Complete and validate ``params``: defaults filled in, unknown names and bad values
        refused with a ``ValueError`` naming the parameter."""
        given = dict(params or {})
        resolved: dict[str, ParamValue] = {}
        for spec in self.params:
            resolved[spec.name] = (
                spec.validate(given.pop(spec.name)) if spec.name in given else spec.default
            )
        if given:
            raise ValueError(_unknown_param_message(self, next(iter(given))))
        return resolved

    def preset(self, framework: Framework | str) -> dict[str, ParamValue]:
        """The parameters ``framework`` uses by default (this catalog's defaults if it has none)."""
        fw = Framework(framework)
        return {**self.defaults, **dict(self.presets.get(fw, {}))}


@dataclass(frozen=True, eq=False)
class Activation(_Parametrised):
    """A scalar activation function with its exact derivative.

    ``forward`` and ``derivative`` accept anything array-like, return float64 arrays of the same
    shape, propagate NaN, give the right limits at ±inf and raise no floating-point warnings.
    Parameters are keyword arguments named as in PyTorch; omitted ones take their defaults.
    """

    key: str
    name: str
    family: Family
    formula: Formula
    kernel: Kernel
    derivative_kernel: Kernel
    rules: PropertyRules
    description: Description
    params: tuple[ParamSpec, ...] = ()
    pair_kernel: PairKernel | None = None
    random_kernel: RandomKernel | None = None
    presets: Mapping[Framework, Mapping[str, ParamValue]] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    #: x positions where f or f′ is not smooth (kinks, jumps), at given parameters.
    breakpoints: Callable[[Mapping[str, ParamValue]], tuple[float, ...]] = _no_points
    #: x positions where f itself jumps; a plot must not join the two sides.
    discontinuities: Callable[[Mapping[str, ParamValue]], tuple[float, ...]] = _no_points

    # -- maths --------------------------------------------------------------------------------
    def forward(self, x: npt.ArrayLike, **params: object) -> FloatArray:
        """f(x), elementwise."""
        return self.kernel(_as_float_array(x), **self.resolve(params))

    def derivative(self, x: npt.ArrayLike, **params: object) -> FloatArray:
        """f′(x), elementwise; at kinks the value PyTorch's autograd uses."""
        return self.derivative_kernel(_as_float_array(x), **self.resolve(params))

    def value_and_derivative(
        self, x: npt.ArrayLike, **params: object
    ) -> tuple[FloatArray, FloatArray]:
        """(f(x), f′(x)) together, sharing intermediate work where the catalog knows how."""
        array = _as_float_array(x)
        resolved = self.resolve(params)
        if self.pair_kernel is not None:
            return self.pair_kernel(array, **resolved)
        return self.kernel(array, **resolved), self.derivative_kernel(array, **resolved)

    @property
    def is_random(self) -> bool:
        """True when the function has a stochastic training mode (e.g. RReLU)."""
        return self.random_kernel is not None

    def random_value_and_derivative(
        self, x: npt.ArrayLike, rng: np.random.Generator, **params: object
    ) -> tuple[FloatArray, FloatArray]:
        """Training-mode (f(x), f′(x)) with fresh randomness; the eval-mode pair otherwise."""
        if self.random_kernel is None:
            return self.value_and_derivative(x, **params)
        return self.random_kernel(_as_float_array(x), rng, **self.resolve(params))

    # -- facts --------------------------------------------------------------------------------
    def properties(self, **params: object) -> Properties:
        """Range, monotonicity, smoothness, ... at the given parameters."""
        return self.rules.evaluate(self.resolve(params))

    def kinks(self, **params: object) -> tuple[float, ...]:
        """x positions where f or f′ is not smooth, at the given parameters."""
        return tuple(self.breakpoints(self.resolve(params)))

    def jumps(self, **params: object) -> tuple[float, ...]:
        """x positions where f is discontinuous, at the given parameters."""
        return tuple(self.discontinuities(self.resolve(params)))

    def __repr__(self) -> str:
        return f"Activation({self.key!r})"


def _same_size(n: int) -> int:
    return n


@dataclass(frozen=True, eq=False)
class VectorActivation(_Parametrised):
    """A function of a whole vector (softmax and friends): vector in, vector out, Jacobian.

    ``forward(v)`` works along the last axis. ``jacobian(v)`` takes a 1-D vector and returns the
    matrix J[i, j] = ∂out_i / ∂v_j.
    """

    key: str
    name: str
    formula: Formula
    kernel: Kernel
    jacobian_kernel: Kernel
    description: Description
    params: tuple[ParamSpec, ...] = ()
    presets: Mapping[Framework, Mapping[str, ParamValue]] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    family: Family = Family.VECTOR
    #: Output length for an input of length n (GLU halves it).
    output_size: Callable[[int], int] = _same_size

    def forward(self, v: npt.ArrayLike, **params: object) -> FloatArray:
        """The output vector(s), along the last axis."""
        return self.kernel(_as_float_array(v), **self.resolve(params))

    def jacobian(self, v: npt.ArrayLike, **params: object) -> FloatArray:
        """J[i, j] = ∂out_i/∂v_j for a 1-D input vector."""
        array = _as_float_array(v)
        if array.ndim != 1:
            raise ValueError("jacobian takes a single 1-D vector")
        return self.jacobian_kernel(array, **self.resolve(params))

    def __repr__(self) -> str:
        return f"VectorActivation({self.key!r})"


def _as_float_array(x: npt.ArrayLike) -> FloatArray:
    return np.asarray(x, dtype=np.float64)


def _unknown_param_message(act: _Parametrised, name: str) -> Message:
    names = act.param_names
    if not names:
        return Message(_NO_PARAMETERS, key=act.key, name=name)
    hint = difflib.get_close_matches(name, names, n=1)
    suggestion = Message(_DID_YOU_MEAN, hint=hint[0]) if hint else ""
    return Message(
        _UNKNOWN_PARAMETER, name=name, key=act.key, names=", ".join(names), suggestion=suggestion
    )
