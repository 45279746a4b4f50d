"""Shrinkage and threshold functions: dead zones, jumps and the sign function.

At a jump or at the edge of a dead zone the derivative is PyTorch's: 0 exactly at ±lambd and at
the threshold. Branches are blended branch-free (see the rectifiers module).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from ..activation import (
    INF,
    Activation,
    Description,
    Family,
    FloatArray,
    Formula,
    ParamSpec,
    ParamValue,
    PropertyRules,
    Reference,
    Smoothness,
)
from ..registry import register
from ._numerics import centred_under_normal, indicator, nan_or


def _lambd_spec() -> ParamSpec:
    # The dead zone is kept at least 0.02 wide so that "sparse" stays visibly true.
    return ParamSpec(
        "lambd",
        0.5,
        0.02,
        10.0,
        "half-width λ of the dead zone [−λ, λ]",
        log_scale=True,
    )


def _outside(x: FloatArray, lambd: float) -> FloatArray:
    """1 where |x| > λ, 0 elsewhere (0 at ±λ), NaN at NaN."""
    return indicator(np.greater(np.abs(x), lambd), x)


# -- softshrink -----------------------------------------------------------------------------------


def _softshrink(x: FloatArray, lambd: float) -> FloatArray:
    """softshrink(x) = x − λ for x > λ, x + λ for x < −λ, 0 otherwise (= x − clip(x, −λ, λ))."""
    return x - np.clip(x, -lambd, lambd)


def _softshrink_derivative(x: FloatArray, lambd: float) -> FloatArray:
    """1 for |x| > λ, 0 for |x| ≤ λ (0 at ±λ, as PyTorch's autograd)."""
    return _outside(x, lambd)


register(
    Activation(
        key="softshrink",
        name="Softshrink",
        family=Family.SHRINK,
        formula=Formula(
            latex=r"\begin{cases} x - \lambda & x > \lambda \\ x + \lambda & x < -\lambda \\ "
            r"0 & |x| \le \lambda \end{cases}",
            text="x − λ if x > λ; x + λ if x < −λ; 0 otherwise",
        ),
        kernel=_softshrink,
        derivative_kernel=_softshrink_derivative,
        aliases=("soft_shrink",),
        params=(_lambd_spec(),),
        rules=PropertyRules(
            output_range=(-INF, INF),
            smoothness=Smoothness.C0,
            zero_centred=True,
            sparse=True,
        ),
        description=Description(
            summary="Soft thresholding: inputs within ±λ become 0 and all others move λ towards "
            "zero. It is the proximal operator of the L1 norm, the step that makes lasso and "
            "sparse coding solutions sparse. Keras 3 calls it soft_shrink, with the keyword "
            "threshold for λ.",
            strengths=(
                "Exact zeros for small inputs: sparse, denoised outputs",
                "Continuous, odd and monotonic; zero-centred output",
            ),
            weaknesses=(
                "Zero gradient inside the dead zone",
                "Shrinks large values too (a bias of λ)",
                "Rare as a hidden activation in deep networks",
            ),
            usage="Unrolled sparse-coding networks (LISTA), wavelet denoising and sparse "
            "autoencoders.",
            reference=Reference(
                "D. L. Donoho",
                1995,
                "De-noising by soft-thresholding",
                "IEEE Transactions on Information Theory 41",
            ),
        ),
        breakpoints=lambda p: (-float(p["lambd"]), float(p["lambd"])),
    )
)


# -- hardshrink -----------------------------------------------------------------------------------


def _hardshrink(x: FloatArray, lambd: float) -> FloatArray:
    """hardshrink(x) = x for |x| > λ, 0 for |x| ≤ λ."""
    # A false mask times NaN is still NaN; ±inf always falls in the true part.
    return x * np.greater(np.abs(x), lambd)


def _hardshrink_derivative(x: FloatArray, lambd: float) -> FloatArray:
    """1 for |x| > λ, 0 for |x| ≤ λ (0 at the jumps ±λ, as PyTorch's autograd)."""
    return _outside(x, lambd)


def _hardshrink_pair(x: FloatArray, lambd: float) -> tuple[FloatArray, FloatArray]:
    """(hardshrink(x), hardshrink′(x)) from one mask: f = x·f′."""
    d = _outside(x, lambd)
    return x * d, d


register(
    Activation(
        key="hardshrink",
        name="Hardshrink",
        family=Family.SHRINK,
        formula=Formula(
            latex=r"\begin{cases} x & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}",
            text="x if |x| > λ else 0",
        ),
        kernel=_hardshrink,
        derivative_kernel=_hardshrink_derivative,
        pair_kernel=_hardshrink_pair,
        aliases=("hard_shrink",),
        params=(_lambd_spec(),),
        rules=PropertyRules(
            output_range=(-INF, INF),
            smoothness=Smoothness.DISCONTINUOUS,
            zero_centred=True,
            sparse=True,
        ),
        description=Description(
            summary="Hard thresholding: inputs within ±λ become 0 and all others pass unchanged, "
            "so the function jumps by λ at ±λ. It keeps large values unbiased, unlike "
            "softshrink. Keras 3 calls it hard_shrink, with the keyword threshold for λ.",
            strengths=(
                "Exact zeros for small inputs, no shrinkage of large ones",
                "Odd and monotonic; zero-centred output",
            ),
            weaknesses=(
                "Discontinuous at ±λ",
                "Zero gradient inside the dead zone",
            ),
            usage="Wavelet denoising and sparse approximation; rare in deep networks.",
            reference=Reference(
                "D. L. Donoho, I. M. Johnstone",
                1994,
                "Ideal spatial adaptation by wavelet shrinkage",
                "Biometrika 81",
            ),
        ),
        breakpoints=lambda p: (-float(p["lambd"]), float(p["lambd"])),
        discontinuities=lambda p: (-float(p["lambd"]), float(p["lambd"])),
    )
)


# -- threshold ------------------------------------------------------------------------------------


def _threshold(x: FloatArray, threshold: float, value: float) -> FloatArray:
    """threshold(x) = x for x > threshold, value for x ≤ threshold."""
    above = np.greater(x, threshold)
    # max(x, threshold) is x where it counts and finite elsewhere (no −inf·0); NaN stays NaN.
    f = np.maximum(x, threshold) * above
    if value != 0.0:
        f += value * np.less_equal(x, threshold)
    return f


def _threshold_derivative(x: FloatArray, threshold: float, value: float) -> FloatArray:
    """1 for x > threshold, 0 for x ≤ threshold (0 at the threshold, as PyTorch's autograd)."""
    return indicator(np.greater(x, threshold), x)


#: A jump smaller than this is reported as none: no plot can show it, and calling the curve
#: continuous there keeps plotting and quadrature simple.
_VISIBLE_JUMP = 1e-5


def _jump(p: Mapping[str, ParamValue]) -> tuple[float, ...]:
    """The threshold, when f jumps there by a visible amount |threshold − value|."""
    t = float(p["threshold"])
    return (t,) if abs(t - float(p["value"])) >= _VISIBLE_JUMP else ()


register(
    Activation(
        key="threshold",
        name="Threshold",
        family=Family.SHRINK,
        formula=Formula(
            latex=r"\begin{cases} x & x > t \\ v & x \le t \end{cases}",
            text="x if x > threshold else value",
        ),
        kernel=_threshold,
        derivative_kernel=_threshold_derivative,
        params=(
            ParamSpec("threshold", 1.0, -10.0, 10.0, "inputs at or below t are replaced"),
            ParamSpec("value", 0.0, -10.0, 10.0, "the replacement v for inputs at or below t"),
        ),
        rules=PropertyRules(
            output_range=lambda p: (min(float(p["value"]), float(p["threshold"])), INF),
            monotonic=lambda p: p["value"] <= p["threshold"],
            smoothness=lambda p: Smoothness.DISCONTINUOUS if _jump(p) else Smoothness.C0,
            zero_centred=centred_under_normal(_threshold),
            saturating=True,
            sparse=lambda p: p["value"] == 0.0,
            identity_near_origin=lambda p: float(p["threshold"]) < 0.0,
        ),
        description=Description(
            summary="Replaces every input at or below a threshold by a fixed value and passes "
            "the rest. PyTorch has no defaults for it; here threshold = 1 and value = 0, which "
            "is Keras 2's ThresholdedReLU (θ = 1) and makes the jump at the threshold visible "
            "(with threshold = value = 0 it would just be ReLU).",
            strengths=(
                "Suppresses small, noisy activations completely",
                "Cheap: one comparison",
            ),
            weaknesses=(
                "Discontinuous whenever value ≠ threshold",
                "Zero gradient below the threshold: units can die",
                "Two hyper-parameters with no standard values",
            ),
            usage="Thresholded ReLU in autoencoders (zero-bias autoencoders), and masking in "
            "custom layers.",
            reference=Reference(
                "K. Konda, R. Memisevic, D. Krueger",
                2015,
                "Zero-bias autoencoders and the benefits of co-adapting features",
                "ICLR",
            ),
        ),
        breakpoints=lambda p: (float(p["threshold"]),),
        discontinuities=_jump,
    )
)


# -- sign -----------------------------------------------------------------------------------------


def _sign(x: FloatArray) -> FloatArray:
    """sign(x) = −1, 0 or 1 (0 at 0)."""
    return np.sign(x)


def _sign_derivative(x: FloatArray) -> FloatArray:
    """0 everywhere, also at the jump (PyTorch's autograd; the true derivative there is 2δ)."""
    return nan_or(x, 0.0)


register(
    Activation(
        key="sign",
        name="Sign",
        family=Family.SHRINK,
        formula=Formula(
            latex=r"\mathrm{sign}(x) = \begin{cases} 1 & x > 0 \\ 0 & x = 0 \\ -1 & x < 0 "
            r"\end{cases}",
            text="1 if x > 0; 0 if x = 0; −1 if x < 0",
        ),
        kernel=_sign,
        derivative_kernel=_sign_derivative,
        rules=PropertyRules(
            output_range=(-1.0, 1.0),
            smoothness=Smoothness.DISCONTINUOUS,
            zero_centred=True,
            saturating=True,
        ),
        description=Description(
            summary="Keeps only the sign of the input: −1, 0 or 1. The activation of binarised "
            "networks, trained with a surrogate ('straight-through') gradient because its true "
            "derivative is zero everywhere except the jump.",
            strengths=(
                "One-bit outputs: binarised networks replace multiplications with bit operations",
                "Zero-centred and bounded",
            ),
            weaknesses=(
                "Zero derivative: plain backpropagation cannot train through it",
                "Discontinuous at 0; all magnitude information is lost",
            ),
            usage="Binarised neural networks (with a straight-through estimator), and hashing "
            "layers.",
            reference=Reference(
                "I. Hubara, M. Courbariaux, D. Soudry, R. El-Yaniv, Y. Bengio",
                2016,
                "Binarized Neural Networks",
                "NeurIPS",
            ),
        ),
        breakpoints=lambda p: (0.0,),
        discontinuities=lambda p: (0.0,),
    )
)
