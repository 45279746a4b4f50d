"""Rectifiers: ReLU and its piecewise-linear relatives."""

from __future__ import annotations

import numpy as np

from ..activation import (
    INF,
    Activation,
    Description,
    Family,
    FloatArray,
    Formula,
    PropertyRules,
    Reference,
    Smoothness,
)
from ..registry import register


def _relu(x: FloatArray) -> FloatArray:
    return np.maximum(x, 0.0)


def _relu_derivative(x: FloatArray) -> FloatArray:
    # ∇relu(0) = 0, as PyTorch's autograd; heaviside keeps NaN as NaN.
    return np.heaviside(x, 0.0)


relu = register(
    Activation(
        key="relu",
        name="ReLU",
        family=Family.RECTIFIER,
        formula=Formula(latex=r"\max(0,\,x)", text="max(0, x)"),
        kernel=_relu,
        derivative_kernel=_relu_derivative,
        rules=PropertyRules(
            output_range=(0.0, INF),
            smoothness=Smoothness.C0,
            saturating=True,
            sparse=True,
        ),
        description=Description(
            summary="Passes positive inputs unchanged and zeroes the rest: the default hidden "
            "activation of modern deep networks.",
            strengths=(
                "Gradient exactly 1 for positive inputs, so it does not vanish with depth",
                "Very cheap: one comparison",
                "Sparse activations (many exact zeros)",
            ),
            weaknesses=(
                "Units whose input stays negative get zero gradient and can die",
                "Output is not zero-centred",
                "Not differentiable at 0",
            ),
            usage="Hidden layers of CNNs and MLPs, usually with He initialisation.",
            reference=Reference(
                "V. Nair, G. E. Hinton",
                2010,
                "Rectified Linear Units Improve Restricted Boltzmann Machines",
                "ICML",
            ),
        ),
        breakpoints=lambda p: (0.0,),
    )
)
