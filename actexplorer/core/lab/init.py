"""Weight initialisers for the lab's networks, named and scaled as in PyTorch's ``nn.init``.

Layers compute h = x W + b with W of shape (fan_in, fan_out). The mean-field convention used by
the phase diagram is W_ij ~ N(0, σ_w²/fan_in): every scheme therefore also reports its
*effective* σ_w = std(W)·√fan_in, so any initialisation can be marked on the diagram.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..activation import Activation
from ._checks import check_float, check_int, scalar_activation


class InitScheme(str, enum.Enum):
    """How the weights are drawn."""

    #: W ~ N(0, σ_w²/fan_in): the mean-field convention of the phase diagram.
    NORMAL = "normal"
    #: W ~ N(0, σ_w²) whatever the width, as in the classic ``0.01 * randn(n, m)``.
    NORMAL_FIXED = "normal_fixed"
    #: U(−a, a), a = gain·√(6/(fan_in + fan_out)) (Glorot & Bengio 2010).
    XAVIER_UNIFORM = "xavier_uniform"
    #: N(0, gain²·2/(fan_in + fan_out)).
    XAVIER_NORMAL = "xavier_normal"
    #: N(0, gain²/fan) with fan = fan_in or fan_out (He et al. 2015).
    HE_NORMAL = "he_normal"
    #: U(−a, a), a = gain·√(3/fan).
    HE_UNIFORM = "he_uniform"
    #: N(0, 1/fan_in) (LeCun 1998; the SELU paper's choice).
    LECUN_NORMAL = "lecun_normal"
    #: gain·Q with Q orthogonal (Saxe et al. 2014).
    ORTHOGONAL = "orthogonal"


SCHEME_LABELS: Mapping[InitScheme, str] = {
    InitScheme.NORMAL: "Normal, σ_w/√fan_in",
    InitScheme.NORMAL_FIXED: "Normal, fixed σ_w",
    InitScheme.XAVIER_UNIFORM: "Glorot/Xavier uniform",
    InitScheme.XAVIER_NORMAL: "Glorot/Xavier normal",
    InitScheme.HE_NORMAL: "He/Kaiming normal",
    InitScheme.HE_UNIFORM: "He/Kaiming uniform",
    InitScheme.LECUN_NORMAL: "LeCun normal",
    InitScheme.ORTHOGONAL: "Orthogonal",
}

_GAIN_DEFAULTS: Mapping[InitScheme, float] = {
    # PyTorch's kaiming_* default to nonlinearity="leaky_relu" with a = 0, i.e. √2.
    InitScheme.HE_NORMAL: math.sqrt(2.0),
    InitScheme.HE_UNIFORM: math.sqrt(2.0),
}


def calculate_gain(nonlinearity: str, param: float | None = None) -> float:
    """PyTorch's ``nn.init.calculate_gain``: 1 (linear, sigmoid), 5/3 (tanh), √2 (relu),
    √(2/(1 + slope²)) (leaky_relu), 3/4 (selu)."""
    key = nonlinearity.strip().lower()
    if key in {"linear", "identity", "sigmoid", "conv1d", "conv2d", "conv3d"}:
        return 1.0
    if key == "tanh":
        return 5.0 / 3.0
    if key == "relu":
        return math.sqrt(2.0)
    if key == "leaky_relu":
        slope = 0.01 if param is None else check_float("param", param)
        return math.sqrt(2.0 / (1.0 + slope * slope))
    if key == "selu":
        return 0.75
    raise ValueError(f"nonlinearity {nonlinearity!r} has no gain in PyTorch's table")


def gain_for(activation: str | Activation, params: Mapping[str, object] | None = None) -> float:
    """PyTorch's gain where it has one, else the variance-preserving 1/√E[φ(z)²], z ~ N(0, 1)."""
    act = scalar_activation(activation)
    resolved = act.resolve(params)
    try:
        slope = resolved.get("negative_slope")
        return calculate_gain(act.key, float(slope) if isinstance(slope, float) else None)
    except ValueError:
        from .meanfield import variance_gain  # only needed for functions PyTorch has no gain for

        return variance_gain(act, resolved)


@dataclass(frozen=True, slots=True)
class Initializer:
    """A weight scheme plus a bias std: b ~ N(0, σ_b²) for every scheme (0 gives zero biases).

    ``sigma_w`` is used by the two normal schemes; ``gain`` by the others (None: PyTorch's
    default, √2 for He, 1 otherwise); ``mode`` chooses He's fan ("fan_in" or "fan_out").
    """

    scheme: InitScheme = InitScheme.NORMAL
    sigma_w: float = 1.0
    sigma_b: float = 0.0
    gain: float | None = None
    mode: str = "fan_in"

    def __post_init__(self) -> None:
        object.__setattr__(self, "scheme", InitScheme(self.scheme))
        object.__setattr__(self, "sigma_w", check_float("sigma_w", self.sigma_w, 0.0, 1e3))
        object.__setattr__(self, "sigma_b", check_float("sigma_b", self.sigma_b, 0.0, 1e3))
        if self.gain is not None:
            object.__setattr__(self, "gain", check_float("gain", self.gain, 0.0, 1e3, open_lo=True))
        if self.mode not in ("fan_in", "fan_out"):
            raise ValueError(f"mode must be 'fan_in' or 'fan_out'; got {self.mode!r}")

    @property
    def effective_gain(self) -> float:
        """The gain in use (the scheme's default when ``gain`` is None)."""
        return self.gain if self.gain is not None else _GAIN_DEFAULTS.get(self.scheme, 1.0)

    def weight_std(self, fan_in: int, fan_out: int) -> float:
        """The standard deviation of each weight of a (fan_in, fan_out) matrix."""
        g = self.effective_gain
        s = self.scheme
        if s is InitScheme.NORMAL:
            return self.sigma_w / math.sqrt(fan_in)
        if s is InitScheme.NORMAL_FIXED:
            return self.sigma_w
        if s in (InitScheme.XAVIER_UNIFORM, InitScheme.XAVIER_NORMAL):
            return g * math.sqrt(2.0 / (fan_in + fan_out))
        if s in (InitScheme.HE_NORMAL, InitScheme.HE_UNIFORM):
            return g / math.sqrt(fan_in if self.mode == "fan_in" else fan_out)
        if s is InitScheme.LECUN_NORMAL:
            return g / math.sqrt(fan_in)
        # Orthogonal: unit-norm rows or columns, whichever dimension is smaller.
        return g / math.sqrt(max(fan_in, fan_out))

    def effective_sigma_w(self, fan_in: int, fan_out: int) -> float:
        """σ_w in the mean-field convention: std(W)·√fan_in."""
        return self.weight_std(fan_in, fan_out) * math.sqrt(fan_in)

    def draw(
        self,
        rng: np.random.Generator,
        fan_in: int,
        fan_out: int,
        dtype: npt.DTypeLike = np.float64,
    ) -> tuple[npt.NDArray[np.floating], npt.NDArray[np.float64]]:
        """(W, b): W of shape (fan_in, fan_out) in ``dtype``, b of shape (fan_out,) in float64."""
        check_int("fan_in", fan_in, 1, 10**6)
        check_int("fan_out", fan_out, 1, 10**6)
        dt: type[np.float32] | type[np.float64]
        if np.dtype(dtype) == np.float32:
            dt = np.float32
        elif np.dtype(dtype) == np.float64:
            dt = np.float64
        else:
            raise ValueError(f"dtype must be float32 or float64; got {np.dtype(dtype)}")
        s = self.scheme
        std = self.weight_std(fan_in, fan_out)
        w: npt.NDArray[np.floating]
        if s in (InitScheme.XAVIER_UNIFORM, InitScheme.HE_UNIFORM):
            bound = math.sqrt(3.0) * std
            w = rng.random((fan_in, fan_out), dtype=dt)
            w *= 2.0 * bound
            w -= bound
        elif s is InitScheme.ORTHOGONAL:
            w = (self.effective_gain * _orthogonal(rng, fan_in, fan_out)).astype(dt, copy=False)
        else:
            w = rng.standard_normal((fan_in, fan_out), dtype=dt)
            w *= std
        b = self.sigma_b * rng.standard_normal(fan_out) if self.sigma_b > 0 else np.zeros(fan_out)
        return w, b


def _orthogonal(rng: np.random.Generator, rows: int, cols: int) -> npt.NDArray[np.float64]:
    """A (rows, cols) matrix with orthonormal columns (rows ≥ cols) or rows, Haar-distributed."""
    tall = rows >= cols
    a = rng.standard_normal((rows, cols) if tall else (cols, rows))
    q, r = np.linalg.qr(a)
    q *= np.sign(np.diag(r))  # makes the distribution uniform (Mezzadri 2007), as PyTorch does
    return q if tall else q.T
