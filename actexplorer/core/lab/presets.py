"""Presets of the depth view: settings that reproduce a known result, each with one sentence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..activation import ParamValue
from .init import Initializer, InitScheme


@dataclass(frozen=True, slots=True)
class PropagationPreset:
    """A network setting for the depth view and what it shows."""

    key: str
    title: str
    activation: str
    init: Initializer
    depth: int
    width: int
    explanation: str
    params: Mapping[str, ParamValue] = field(default_factory=lambda: MappingProxyType({}))


PRESETS: tuple[PropagationPreset, ...] = (
    PropagationPreset(
        key="tanh_small",
        title="tanh, weights 0.01·N(0, 1): collapse",
        activation="tanh",
        init=Initializer(InitScheme.NORMAL_FIXED, sigma_w=0.01),
        depth=10,
        width=500,
        explanation="Each layer multiplies the signal by about 0.01·√500 ≈ 0.22, so after ten "
        "layers the activations, and the gradients with them, have collapsed to zero.",
    ),
    PropagationPreset(
        key="tanh_large",
        title="tanh, weights N(0, 1): saturation",
        activation="tanh",
        init=Initializer(InitScheme.NORMAL_FIXED, sigma_w=1.0),
        depth=10,
        width=500,
        explanation="A pre-activation summing 500 unit-variance terms has std ≈ 22, so almost "
        "every tanh unit sits at ±1 where its derivative is zero and no gradient gets through.",
    ),
    PropagationPreset(
        key="relu_xavier",
        title="ReLU + Glorot/Xavier: variance halves",
        activation="relu",
        init=Initializer(InitScheme.XAVIER_NORMAL),
        depth=30,
        width=500,
        explanation="ReLU zeroes half of its inputs, so with Glorot's weight variance 1/fan_in "
        "(square layers) the signal's variance halves at every layer.",
    ),
    PropagationPreset(
        key="relu_he",
        title="ReLU + He: variance kept",
        activation="relu",
        init=Initializer(InitScheme.HE_NORMAL),
        depth=30,
        width=500,
        explanation="He's weight variance 2/fan_in makes up exactly for the half that ReLU "
        "discards, so the signal keeps its scale however deep the network.",
    ),
    PropagationPreset(
        key="selu_lecun",
        title="SELU + LeCun normal: self-normalising",
        activation="selu",
        init=Initializer(InitScheme.LECUN_NORMAL),
        depth=50,
        width=500,
        explanation="SELU's α and λ make mean 0 and variance 1 an attracting fixed point when "
        "weights have variance 1/fan_in, so every layer stays normalised on its own.",
    ),
    PropagationPreset(
        key="sigmoid_vanishing",
        title="sigmoid: gradients vanish",
        activation="sigmoid",
        init=Initializer(InitScheme.XAVIER_NORMAL),
        depth=30,
        width=500,
        explanation="σ′ is at most 1/4, so every layer shrinks the back-propagated gradient by a "
        "constant factor and the first layers hardly learn.",
    ),
    PropagationPreset(
        key="tanh_critical",
        title="tanh at the edge of chaos",
        activation="tanh",
        init=Initializer(InitScheme.NORMAL, sigma_w=1.0, sigma_b=0.0),
        depth=50,
        width=500,
        explanation="With σ_w = 1 and σ_b = 0, tanh sits on the critical line χ = 1 of the "
        "phase diagram: gradients neither vanish nor explode, only slowly decay.",
    ),
)

PRESETS_BY_KEY: Mapping[str, PropagationPreset] = MappingProxyType({p.key: p for p in PRESETS})
