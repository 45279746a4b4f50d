"""The evented, Qt-free state of the deep-network lab: the network, the data and the training.

The activation and its parameters are not here: the lab shares them with the explorer window
through :class:`~actexplorer.state.ExplorerState`. Every field below is validated on assignment
(a bad value raises ``ValueError`` naming the field and changes nothing) and announces itself
through :attr:`LabState.events`, one psygnal signal per field, emitted with the new value.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast, overload

from psygnal import Signal, SignalGroup

from actexplorer.core import get
from actexplorer.core.activation import Activation

# The submodules, not the package's lazy names: the window needs only these at start, and the
# package's heavier parts (mean-field theory, propagation, the MLP) load when the lab first uses
# them.
from actexplorer.core.lab.datasets import DatasetKind
from actexplorer.core.lab.init import Initializer, InitScheme, gain_for
from actexplorer.core.lab.optim import Optimizer
from actexplorer.core.lab.presets import PRESETS_BY_KEY, PropagationPreset
from actexplorer.core.messages import Message, reason_of, template

if TYPE_CHECKING:
    from actexplorer.core.lab.mlp import MLPConfig

T = TypeVar("T")

MIN_DEPTH, MAX_DEPTH = 1, 100
MIN_WIDTH, MAX_WIDTH = 8, 2048
#: Inputs pushed through the random network at once (width × batch values per layer).
MIN_BATCH, MAX_BATCH = 1, 4096
MAX_SIGMA_W = 10.0
MAX_SIGMA_B = 5.0
MAX_SEED = 2**32 - 1
MIN_POINTS, MAX_POINTS = 10, 5000
MAX_NOISE = 2.0
MAX_TEST_FRACTION = 0.9
MAX_HIDDEN_LAYERS = 6
MIN_HIDDEN_WIDTH, MAX_HIDDEN_WIDTH = 1, 64
MAX_LEARNING_RATE = 10.0
#: The momentum coefficient μ of v ← μ v + g: 0 is plain SGD, values near 1 never forget.
MAX_MOMENTUM = 0.999
MAX_L2 = 10.0
MAX_BATCH_SIZE = 5000
#: Optimiser updates per timer tick of the playground.
MIN_SPEED, MAX_SPEED = 1, 100
INIT_MODES = ("fan_in", "fan_out")


class LabEvents(SignalGroup):
    """One signal per field of :class:`LabState`, emitted with the new value."""

    depth = Signal(int)
    width = Signal(int)
    batch = Signal(int)
    init_scheme = Signal(object)
    init_mode = Signal(str)
    activation_gain = Signal(bool)
    sigma_w = Signal(float)
    sigma_b = Signal(float)
    seed = Signal(int)
    layer = Signal(int)
    dataset = Signal(object)
    noise = Signal(float)
    n_points = Signal(int)
    test_fraction = Signal(float)
    data_seed = Signal(int)
    hidden_layers = Signal(int)
    hidden_width = Signal(int)
    per_layer = Signal(bool)
    layer_activations = Signal(object)
    optimizer = Signal(object)
    learning_rate = Signal(float)
    momentum = Signal(float)
    batch_size = Signal(int)
    l2 = Signal(float)
    train_seed = Signal(int)
    race = Signal(object)
    speed = Signal(int)


# User-visible refusals (translated through actexplorer.core.locale).
_NOT_WHOLE = template("{name} must be a whole number; got {value!r}")
_OUT_OF_RANGE = template("{name} must lie in [{lo}, {hi}]; got {value}")
_OUT_OF_HALF_OPEN_RANGE = template("{name} must lie in ({lo}, {hi}]; got {value}")
_NOT_A_NUMBER = template("{name} must be a number; got {value!r}")
_NOT_FINITE = template("{name} must be finite; got {value!r}")
_NOT_A_CHOICE = template("{name} must be one of {choices}; got {value!r}")
_NOT_A_FLAG = template("{name} must be True or False; got {value!r}")
_NOT_A_MODE = template("{name} must be 'fan_in' or 'fan_out'; got {value!r}")
_NOT_A_KEY = template("{name} must be a catalog key; got {value!r}")
_FIELD_PROBLEM = template("{name}: {reason}")
_VECTOR = template("{activation} acts on whole vectors; the lab needs a scalar one")
_NOT_A_KEY_LIST = template("{name} must be a list of catalog keys or None; got {value!r}")
_TOO_MANY_LAYERS = template("{name} can name at most {limit} layers; got {count}")
_NO_SUCH_SETTING = template("the lab has no setting {name!r}")
_UNKNOWN_SETTING = template("{name}: unknown setting")


# -- validators: each takes the state (for fields that depend on others) and the raw value -------


def _whole(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(Message(_NOT_WHOLE, name=name, value=value))
    if isinstance(value, numbers.Integral):
        return int(value)
    number = float(value)
    if not math.isfinite(number) or number != int(number):
        raise ValueError(Message(_NOT_WHOLE, name=name, value=value))
    return int(number)


def _int_in(lo: int, hi: int) -> Callable[[str, LabState, object], int]:
    def check(name: str, _lab: LabState, value: object) -> int:
        number = _whole(name, value)
        if not lo <= number <= hi:
            raise ValueError(Message(_OUT_OF_RANGE, name=name, lo=lo, hi=hi, value=number))
        return number

    return check


def _float_in(
    lo: float, hi: float, *, open_lo: bool = False
) -> Callable[[str, LabState, object], float]:
    def check(name: str, _lab: LabState, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ValueError(Message(_NOT_A_NUMBER, name=name, value=value))
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(Message(_NOT_FINITE, name=name, value=value))
        if number < lo or number > hi or (open_lo and number == lo):
            wording = _OUT_OF_HALF_OPEN_RANGE if open_lo else _OUT_OF_RANGE
            raise ValueError(
                Message(wording, name=name, lo=f"{lo:g}", hi=f"{hi:g}", value=f"{number:g}")
            )
        return number

    return check


def _enum(kind: type[Any]) -> Callable[[str, LabState, object], Any]:
    def check(name: str, _lab: LabState, value: object) -> Any:
        try:
            return kind(value)
        except ValueError:
            names = ", ".join(member.value for member in kind)
            raise ValueError(
                Message(_NOT_A_CHOICE, name=name, choices=names, value=value)
            ) from None

    return check


def _flag(name: str, _lab: LabState, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(Message(_NOT_A_FLAG, name=name, value=value))
    return value


def _init_mode(name: str, _lab: LabState, value: object) -> str:
    if value not in INIT_MODES:
        raise ValueError(Message(_NOT_A_MODE, name=name, value=value))
    return str(value)


def _layer(name: str, lab: LabState, value: object) -> int:
    return _int_in(1, lab.depth)(name, lab, value)


def scalar_key(value: object, name: str = "activation") -> str:
    """The catalog key of a scalar activation, or ``ValueError`` naming ``name``."""
    if not isinstance(value, str):
        raise ValueError(Message(_NOT_A_KEY, name=name, value=value))
    try:
        act = get(value)
    except KeyError as exc:
        reason = exc.args[0] if exc.args else value
        raise ValueError(Message(_FIELD_PROBLEM, name=name, reason=reason)) from None
    if not isinstance(act, Activation):
        reason = Message(_VECTOR, activation=act.name)
        raise ValueError(Message(_FIELD_PROBLEM, name=name, reason=reason))
    return act.key


def _race(name: str, _lab: LabState, value: object) -> str | None:
    return None if value is None else scalar_key(value, name)


def _layer_keys(name: str, _lab: LabState, value: object) -> tuple[str | None, ...]:
    """One catalog key or None (the explorer's function) per possible hidden layer."""
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ValueError(Message(_NOT_A_KEY_LIST, name=name, value=value))
    if len(value) > MAX_HIDDEN_LAYERS:
        raise ValueError(
            Message(_TOO_MANY_LAYERS, name=name, limit=MAX_HIDDEN_LAYERS, count=len(value))
        )
    keys = tuple(
        None if key is None else scalar_key(key, f"{name}[{index}]")
        for index, key in enumerate(value)
    )
    # Padded to every possible layer, so that equal choices compare equal however they came.
    return keys + (None,) * (MAX_HIDDEN_LAYERS - len(keys))


class _Field(Generic[T]):
    """A validated, evented attribute: assignment checks, stores and emits only on change."""

    def __init__(self, check: Callable[[str, LabState, object], T], default: T, doc: str) -> None:
        self.check = check
        self.default = default
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> _Field[T]: ...
    @overload
    def __get__(self, obj: LabState, objtype: type | None = None) -> T: ...
    def __get__(self, obj: LabState | None, objtype: type | None = None) -> T | _Field[T]:
        if obj is None:
            return self
        return cast(T, obj._values[self.name])

    def __set__(self, obj: LabState, value: object) -> None:
        obj.update(**{self.name: value})


@dataclass(frozen=True, slots=True)
class AppliedPreset:
    """What :meth:`LabState.apply_preset` changed, and the activation the preset asks for."""

    preset: PropagationPreset
    activation: str


class LabState:
    """Everything the lab shows, besides the shared activation, is a function of these fields."""

    # -- depth: the random network --------------------------------------------------------------
    depth = _Field(_int_in(MIN_DEPTH, MAX_DEPTH), 20, "Number of layers of the random network.")
    width = _Field(_int_in(MIN_WIDTH, MAX_WIDTH), 256, "Units per layer.")
    batch = _Field(_int_in(MIN_BATCH, MAX_BATCH), 256, "Inputs pushed through the network.")
    init_scheme = _Field(_enum(InitScheme), InitScheme.NORMAL, "How the weights are drawn.")
    init_mode = _Field(_init_mode, "fan_in", "He's fan: 'fan_in' or 'fan_out'.")
    activation_gain = _Field(
        _flag, False, "Scale Glorot/He/LeCun/orthogonal weights by the activation's gain."
    )
    sigma_w = _Field(_float_in(0.0, MAX_SIGMA_W), 1.0, "σ_w of the normal schemes.")
    sigma_b = _Field(_float_in(0.0, MAX_SIGMA_B), 0.0, "Std of the biases, b ~ N(0, σ_b²).")
    seed = _Field(_int_in(0, MAX_SEED), 0, "Seed of the weights and the inputs.")
    layer = _Field(_layer, 1, "The layer whose histogram is shown (1..depth).")
    # -- train: the data ------------------------------------------------------------------------
    dataset = _Field(_enum(DatasetKind), DatasetKind.CIRCLES, "Which 2-D dataset.")
    noise = _Field(_float_in(0.0, MAX_NOISE), 0.1, "Std of the jitter added to the points.")
    n_points = _Field(_int_in(MIN_POINTS, MAX_POINTS), 400, "Number of points, train and test.")
    test_fraction = _Field(_float_in(0.0, MAX_TEST_FRACTION), 0.3, "Share held out for testing.")
    data_seed = _Field(_int_in(0, MAX_SEED), 0, "Seed of the dataset.")
    # -- train: the network and the optimiser ---------------------------------------------------
    hidden_layers = _Field(_int_in(0, MAX_HIDDEN_LAYERS), 2, "Number of hidden layers.")
    hidden_width = _Field(_int_in(MIN_HIDDEN_WIDTH, MAX_HIDDEN_WIDTH), 8, "Units per hidden layer.")
    per_layer = _Field(_flag, False, "Give each hidden layer its own function.")
    layer_activations: _Field[tuple[str | None, ...]] = _Field(
        _layer_keys,
        (None,) * MAX_HIDDEN_LAYERS,
        "Function of each hidden layer while per_layer is on; None is the explorer's.",
    )
    optimizer = _Field(_enum(Optimizer), Optimizer.ADAM, "Update rule.")
    learning_rate = _Field(_float_in(0.0, MAX_LEARNING_RATE, open_lo=True), 0.03, "Step size η.")
    momentum = _Field(_float_in(0.0, MAX_MOMENTUM), 0.9, "Momentum μ (momentum optimiser only).")
    batch_size = _Field(_int_in(1, MAX_BATCH_SIZE), 32, "Points per update.")
    l2 = _Field(_float_in(0.0, MAX_L2), 0.0, "Weight decay λ of the (λ/2)Σ‖W‖² penalty.")
    train_seed = _Field(_int_in(0, MAX_SEED), 0, "Seed of the initial weights and the batches.")
    race = _Field(_race, None, "A second activation trained side by side, or None.")
    speed = _Field(_int_in(MIN_SPEED, MAX_SPEED), 5, "Optimiser updates per animation frame.")

    def __init__(self) -> None:
        self.events = LabEvents()
        self._values: dict[str, Any] = {name: f.default for name, f in self.fields().items()}

    @classmethod
    def fields(cls) -> dict[str, _Field[Any]]:
        """The fields in declaration order (the order updates are applied and emitted in)."""
        return {name: v for name, v in vars(cls).items() if isinstance(v, _Field)}

    def update(self, **values: object) -> None:
        """Set several fields at once: all are checked before any changes (all or nothing).

        ``layer`` is checked against the new ``depth``; when ``depth`` drops below the selected
        layer, the layer follows it down.
        """
        fields = self.fields()
        for name in values:
            if name not in fields:
                raise ValueError(Message(_NO_SUCH_SETTING, name=name))
        staged = dict(self._values)
        # A shadow state answers the checks that depend on other fields (layer ≤ depth).
        shadow = object.__new__(LabState)
        shadow._values = staged
        for name, f in fields.items():
            if name in values:
                staged[name] = f.check(name, shadow, values[name])
        if staged["layer"] > staged["depth"]:
            if "layer" in values:
                raise ValueError(
                    Message(
                        _OUT_OF_RANGE, name="layer", lo=1, hi=staged["depth"], value=staged["layer"]
                    )
                )
            staged["layer"] = staged["depth"]
        changed = [name for name in fields if staged[name] != self._values[name]]
        self._values = staged
        for name in changed:
            getattr(self.events, name).emit(staged[name])

    # -- derived --------------------------------------------------------------------------------
    def initializer(
        self, activation: str | None = None, params: Mapping[str, Any] | None = None
    ) -> Initializer:
        """The weight initialiser; with ``activation_gain`` the gain is ``activation``'s."""
        gain = None
        if self.activation_gain and activation is not None:
            gain = gain_for(activation, params)
        return Initializer(
            self.init_scheme, self.sigma_w, self.sigma_b, gain=gain, mode=self.init_mode
        )

    def effective_sigma_w(
        self, activation: str | None = None, params: Mapping[str, Any] | None = None
    ) -> float:
        """σ_w of the hidden layers in the mean-field convention, std(W)·√fan_in."""
        return self.initializer(activation, params).effective_sigma_w(self.width, self.width)

    def hidden_activations(self, activation: str) -> tuple[str, ...]:
        """The catalog key of each hidden layer: ``activation`` (the explorer's) unless
        ``per_layer`` names another function for that layer."""
        chosen = self.layer_activations if self.per_layer else ()
        return tuple(
            (chosen[i] if i < len(chosen) else None) or activation
            for i in range(self.hidden_layers)
        )

    def mlp_config(self, activation: str, params: Mapping[str, Any] | None = None) -> MLPConfig:
        """The playground's network: every hidden layer uses ``activation`` with ``params``,
        except those ``per_layer`` gives another function (with that function's defaults)."""
        from actexplorer.core.lab.mlp import MLPConfig  # the network code loads with training

        keys = self.hidden_activations(activation)
        layers = None
        if self.per_layer and any(key != activation for key in keys):
            layers = tuple((key, dict(params or {}) if key == activation else {}) for key in keys)
        return MLPConfig(
            hidden=(self.hidden_width,) * self.hidden_layers,
            activation=activation,
            params=dict(params or {}),
            layer_activations=layers,
            optimizer=self.optimizer,
            learning_rate=self.learning_rate,
            momentum=self.momentum,
            batch_size=self.batch_size,
            l2=self.l2,
            seed=self.train_seed,
        )

    def set_mean_field_point(self, sigma_w: float, sigma_b: float) -> None:
        """Use W ~ N(0, σ_w²/fan_in), b ~ N(0, σ_b²): the phase diagram's own coordinates."""
        self.update(init_scheme=InitScheme.NORMAL, sigma_w=sigma_w, sigma_b=sigma_b)

    def apply_preset(self, key: str) -> AppliedPreset:
        """Network settings of the preset ``key``; returns the activation it needs."""
        try:
            preset = PRESETS_BY_KEY[key]
        except KeyError:
            choices = ", ".join(PRESETS_BY_KEY)
            raise ValueError(
                Message(_NOT_A_CHOICE, name="preset", choices=choices, value=key)
            ) from None
        init = preset.init
        self.update(
            depth=preset.depth,
            width=preset.width,
            init_scheme=init.scheme,
            init_mode=init.mode,
            activation_gain=False,
            sigma_w=init.sigma_w,
            sigma_b=init.sigma_b,
        )
        return AppliedPreset(preset, preset.activation)

    # -- persistence ----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly snapshot of every field (enums as their values, tuples as lists)."""
        return {
            name: value.value
            if hasattr(value, "value")
            else list(value)
            if isinstance(value, tuple)
            else value
            for name, value in self._values.items()
        }

    def update_from_dict(self, data: Mapping[str, Any]) -> list[str]:
        """Apply a snapshot field by field; a bad or unknown field is skipped and reported."""
        problems: list[str] = []
        for name in self.fields():
            if name in data:
                try:
                    self.update(**{name: data[name]})
                except ValueError as exc:
                    problems.append(Message(_FIELD_PROBLEM, name=name, reason=reason_of(exc)))
        problems += [
            Message(_UNKNOWN_SETTING, name=name) for name in data if name not in self.fields()
        ]
        return problems
