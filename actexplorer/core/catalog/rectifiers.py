"""Rectifiers: ReLU and its piecewise-linear relatives.

Piecewise functions are evaluated branch-free: ``np.where`` on a random mask costs several times
more than the arithmetic itself, so branches are blended with 0/1 masks (exact, because a product
with 0 or 1 and a sum with 0 are exact) and clipped arguments keep every branch finite. The masks
and rules they share with the other piecewise families live in ``_numerics``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from ..activation import (
    INF,
    Activation,
    Description,
    Family,
    FloatArray,
    Formula,
    Framework,
    ParamSpec,
    ParamValue,
    PropertyRules,
    Reference,
    Smoothness,
)
from ..registry import register
from ._numerics import (
    centred_under_normal,
    flattens,
    inside,
    keep_nan,
    nan_or,
    negligible,
    require_order,
    slopes,
)

# -- relu -----------------------------------------------------------------------------------------


def _relu(x: FloatArray) -> FloatArray:
    """relu(x) = max(0, x)."""
    return np.maximum(x, 0.0)


def _relu_derivative(x: FloatArray) -> FloatArray:
    """relu′(x) = 1 for x > 0, else 0; relu′(0) = 0 as in PyTorch's autograd."""
    return slopes(x, 0.0)


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


# -- relu6 ----------------------------------------------------------------------------------------


def _relu6(x: FloatArray) -> FloatArray:
    """relu6(x) = min(max(0, x), 6)."""
    return np.clip(x, 0.0, 6.0)


def _relu6_derivative(x: FloatArray) -> FloatArray:
    """relu6′(x) = 1 on (0, 6), else 0; 0 at both kinks (PyTorch computes relu6 as hardtanh)."""
    return inside(x, 0.0, 6.0)


register(
    Activation(
        key="relu6",
        name="ReLU6",
        family=Family.RECTIFIER,
        formula=Formula(latex=r"\min(\max(0,\,x),\,6)", text="min(max(0, x), 6)"),
        kernel=_relu6,
        derivative_kernel=_relu6_derivative,
        rules=PropertyRules(
            output_range=(0.0, 6.0),
            smoothness=Smoothness.C0,
            saturating=True,
            sparse=True,
        ),
        description=Description(
            summary="ReLU capped at 6. The bounded output keeps activations in a range that "
            "low-precision (8-bit) arithmetic represents well.",
            strengths=(
                "Bounded output, robust under fixed-point and 8-bit quantisation",
                "As cheap as ReLU",
            ),
            weaknesses=(
                "Zero gradient both below 0 and above 6: units can die or saturate",
                "Output is not zero-centred",
            ),
            usage="Hidden layers of mobile networks (MobileNet v1/v2); hardsigmoid and hardswish "
            "are built from it.",
            reference=Reference(
                "A. Krizhevsky",
                2010,
                "Convolutional Deep Belief Networks on CIFAR-10",
                "unpublished manuscript, University of Toronto",
            ),
        ),
        breakpoints=lambda p: (0.0, 6.0),
    )
)


# -- leaky relu, prelu, rrelu ---------------------------------------------------------------------


def _leaky(x: FloatArray, slope: float) -> FloatArray:
    """x for x > 0, slope·x otherwise."""
    if slope == 0.0:
        return np.maximum(x, 0.0)  # 0·(−inf) would be NaN
    return x * slopes(x, slope)  # x·1 and x·slope are both correctly rounded


def _leaky_pair(x: FloatArray, slope: float) -> tuple[FloatArray, FloatArray]:
    d = slopes(x, slope)
    f = np.maximum(x, 0.0) if slope == 0.0 else x * d
    return f, d


def _leaky_relu(x: FloatArray, negative_slope: float) -> FloatArray:
    """leaky_relu(x) = x for x > 0, negative_slope·x for x ≤ 0."""
    return _leaky(x, negative_slope)


def _leaky_relu_derivative(x: FloatArray, negative_slope: float) -> FloatArray:
    """1 for x > 0, negative_slope for x ≤ 0; at 0 it is negative_slope, as PyTorch's autograd."""
    return slopes(x, negative_slope)


def _leaky_relu_pair(x: FloatArray, negative_slope: float) -> tuple[FloatArray, FloatArray]:
    """(leaky_relu(x), leaky_relu′(x)) from one mask: f = x·f′."""
    return _leaky_pair(x, negative_slope)


def _leaky_rules(slope: Callable[[Mapping[str, ParamValue]], float]) -> PropertyRules:
    """Rules of a rectifier with left slope ``slope(params)`` and right slope 1."""

    def lower(p: Mapping[str, ParamValue]) -> float:
        return -INF if slope(p) > 0 else 0.0

    def smoothness(p: Mapping[str, ParamValue]) -> Smoothness:
        return Smoothness.CINF if slope(p) == 1.0 else Smoothness.C0

    return PropertyRules(
        output_range=lambda p: (lower(p), INF),
        monotonic=lambda p: slope(p) >= 0,
        smoothness=smoothness,
        zero_centred=centred_under_normal(lambda x, **p: _leaky(x, slope(p))),
        saturating=lambda p: negligible(slope(p)),
        sparse=lambda p: flattens(slope(p)),
        identity_near_origin=lambda p: abs(slope(p) - 1.0) < 1e-12,
    )


def _leaky_kinks(
    slope: Callable[[Mapping[str, ParamValue]], float],
) -> Callable[[Mapping[str, ParamValue]], tuple[float, ...]]:
    return lambda p: () if slope(p) == 1.0 else (0.0,)


def _negative_slope(p: Mapping[str, ParamValue]) -> float:
    return float(p["negative_slope"])


register(
    Activation(
        key="leaky_relu",
        name="Leaky ReLU",
        family=Family.RECTIFIER,
        formula=Formula(
            latex=r"\begin{cases} x & x > 0 \\ a\,x & x \le 0 \end{cases}",
            text="x if x > 0 else negative_slope·x",
        ),
        kernel=_leaky_relu,
        derivative_kernel=_leaky_relu_derivative,
        pair_kernel=_leaky_relu_pair,
        params=(
            ParamSpec(
                "negative_slope",
                0.01,
                0.0,
                1.0,
                "slope a for negative inputs (0 gives ReLU, 1 the identity)",
            ),
        ),
        presets={
            Framework.PYTORCH: {"negative_slope": 0.01},
            Framework.KERAS: {"negative_slope": 0.2},
            Framework.JAX: {"negative_slope": 0.01},
        },
        rules=_leaky_rules(_negative_slope),
        description=Description(
            summary="ReLU with a small slope for negative inputs, so no unit is ever completely "
            "silent. Defaults differ: PyTorch and JAX use 0.01, Keras 3's leaky_relu function 0.2 "
            "(its LeakyReLU layer 0.3).",
            strengths=(
                "Gradient never exactly zero: no dead units",
                "As cheap as ReLU",
            ),
            weaknesses=(
                "The slope is a hyper-parameter, and the frameworks disagree on its default",
                "Output is still not zero-centred",
                "Gains over ReLU are often small",
            ),
            usage="Hidden layers where dead ReLUs are a problem; common in GAN discriminators "
            "(slope 0.2).",
            reference=Reference(
                "A. L. Maas, A. Y. Hannun, A. Y. Ng",
                2013,
                "Rectifier Nonlinearities Improve Neural Network Acoustic Models",
                "ICML Workshop on Deep Learning for Audio, Speech and Language Processing",
            ),
        ),
        breakpoints=_leaky_kinks(_negative_slope),
    )
)


def _weight(p: Mapping[str, ParamValue]) -> float:
    return float(p["weight"])


def _prelu(x: FloatArray, weight: float) -> FloatArray:
    """prelu(x) = x for x > 0, weight·x for x ≤ 0 (one shared, learnable slope)."""
    return _leaky(x, weight)


def _prelu_derivative(x: FloatArray, weight: float) -> FloatArray:
    """∂prelu/∂x = 1 for x > 0, weight for x ≤ 0 (weight at 0, as PyTorch)."""
    return slopes(x, weight)


def _prelu_pair(x: FloatArray, weight: float) -> tuple[FloatArray, FloatArray]:
    """(prelu(x), prelu′(x)) from one mask."""
    return _leaky_pair(x, weight)


register(
    Activation(
        key="prelu",
        name="PReLU",
        family=Family.RECTIFIER,
        formula=Formula(
            latex=r"\begin{cases} x & x > 0 \\ a\,x & x \le 0 \end{cases}",
            text="x if x > 0 else weight·x",
        ),
        kernel=_prelu,
        derivative_kernel=_prelu_derivative,
        pair_kernel=_prelu_pair,
        params=(
            ParamSpec(
                "weight",
                0.25,
                -1.0,
                1.0,
                "the learnable negative slope a (PyTorch initialises it to 0.25)",
            ),
        ),
        rules=_leaky_rules(_weight),
        description=Description(
            summary="Leaky ReLU whose negative slope is learned with the other weights (one "
            "slope per layer or per channel); shown here as a single slope you can move.",
            strengths=(
                "The network picks the slope; no dead units while it is non-zero",
                "Negligible extra parameters and cost",
            ),
            weaknesses=(
                "Can overfit on small data sets",
                "A learned negative slope makes the function non-monotonic (at −1 it is |x|)",
                "Weight decay should not be applied to the slope",
            ),
            usage="Hidden layers of deep CNNs; introduced with He initialisation for very deep "
            "rectifier networks.",
            reference=Reference(
                "K. He, X. Zhang, S. Ren, J. Sun",
                2015,
                "Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet "
                "Classification",
                "ICCV",
            ),
        ),
        breakpoints=_leaky_kinks(_weight),
    )
)


def _rrelu_slope(p: Mapping[str, ParamValue]) -> float:
    return 0.5 * (float(p["lower"]) + float(p["upper"]))


def _rrelu_checked_slope(lower: float, upper: float) -> float:
    require_order("lower", lower, "upper", upper, strict=False)
    return 0.5 * (lower + upper)


def _rrelu(x: FloatArray, lower: float, upper: float) -> FloatArray:
    """Eval-mode rrelu(x) = x for x > 0, ((lower + upper)/2)·x for x ≤ 0."""
    return _leaky(x, _rrelu_checked_slope(lower, upper))


def _rrelu_derivative(x: FloatArray, lower: float, upper: float) -> FloatArray:
    """Eval mode: 1 for x > 0, (lower + upper)/2 for x ≤ 0 (at 0 too, as PyTorch)."""
    return slopes(x, _rrelu_checked_slope(lower, upper))


def _rrelu_pair(x: FloatArray, lower: float, upper: float) -> tuple[FloatArray, FloatArray]:
    """Eval-mode (rrelu(x), rrelu′(x))."""
    return _leaky_pair(x, _rrelu_checked_slope(lower, upper))


def _rrelu_random(
    x: FloatArray, rng: np.random.Generator, lower: float, upper: float
) -> tuple[FloatArray, FloatArray]:
    """Training mode: for each x ≤ 0 a fresh slope a ~ U(lower, upper); f = a·x, f′ = a.

    Positive inputs pass unchanged with f′ = 1, as in PyTorch's training-mode RReLU.
    """
    require_order("lower", lower, "upper", upper, strict=False)
    negative = np.less_equal(x, 0.0)
    d = np.ones(x.shape)
    d[negative] = rng.uniform(lower, upper, size=int(np.count_nonzero(negative)))
    with np.errstate(invalid="ignore"):  # −inf times a slope of exactly 0
        f = x * d
    f[np.isinf(x) & (d == 0.0)] = 0.0
    return f, keep_nan(d, x)


register(
    Activation(
        key="rrelu",
        name="RReLU",
        family=Family.RECTIFIER,
        formula=Formula(
            latex=r"\begin{cases} x & x > 0 \\ \frac{l + u}{2}\,x & x \le 0 \end{cases}",
            text="x if x > 0 else ((lower + upper)/2)·x   (training: a·x, a ~ U(lower, upper))",
        ),
        kernel=_rrelu,
        derivative_kernel=_rrelu_derivative,
        pair_kernel=_rrelu_pair,
        random_kernel=_rrelu_random,
        params=(
            ParamSpec("lower", 1.0 / 8.0, 0.0, 1.0, "lower end of the random negative slope"),
            ParamSpec(
                "upper",
                1.0 / 3.0,
                0.0,
                1.0,
                "upper end of the random negative slope (at least lower)",
            ),
        ),
        rules=_leaky_rules(_rrelu_slope),
        description=Description(
            summary="Randomized leaky ReLU: during training each negative input gets its own "
            "slope drawn uniformly from [lower, upper]; at inference the fixed mean slope "
            "(lower + upper)/2 is used. The curve shows inference mode; the statistics can draw "
            "the training-mode slopes.",
            strengths=(
                "The random slope acts as a regulariser",
                "No dead units",
            ),
            weaknesses=(
                "Training and inference behave differently",
                "Two hyper-parameters; rarely better than a tuned leaky ReLU on large data sets",
            ),
            usage="Hidden layers of CNNs on small data sets (it won a Kaggle competition, NDSB "
            "2015).",
            reference=Reference(
                "B. Xu, N. Wang, T. Chen, M. Li",
                2015,
                "Empirical Evaluation of Rectified Activations in Convolutional Network",
                "ICML Deep Learning Workshop (arXiv:1505.00853)",
            ),
        ),
        breakpoints=_leaky_kinks(_rrelu_slope),
    )
)


# -- relu squared ---------------------------------------------------------------------------------


def _relu_squared(x: FloatArray) -> FloatArray:
    """relu_squared(x) = max(0, x)²; +inf once the square exceeds the float64 range."""
    r = np.maximum(x, 0.0)
    with np.errstate(over="ignore"):  # the true value overflows: +inf is the right answer
        return r * r


def _relu_squared_derivative(x: FloatArray) -> FloatArray:
    """relu_squared′(x) = 2·max(0, x) (continuous: 0 at 0)."""
    with np.errstate(over="ignore"):
        return 2.0 * np.maximum(x, 0.0)


def _relu_squared_pair(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(max(0, x)², 2·max(0, x))."""
    r = np.maximum(x, 0.0)
    with np.errstate(over="ignore"):
        return r * r, 2.0 * r


register(
    Activation(
        key="relu_squared",
        name="Squared ReLU",
        family=Family.RECTIFIER,
        formula=Formula(latex=r"\max(0,\,x)^2", text="max(0, x)²"),
        kernel=_relu_squared,
        derivative_kernel=_relu_squared_derivative,
        pair_kernel=_relu_squared_pair,
        rules=PropertyRules(
            output_range=(0.0, INF),
            smoothness=Smoothness.C1,
            saturating=True,
            sparse=True,
        ),
        description=Description(
            summary="The square of ReLU. Found by architecture search for the feed-forward "
            "blocks of Transformers, where it trains faster than ReLU or GELU.",
            strengths=(
                "Continuous derivative (C¹), unlike ReLU",
                "Cheap, and sparse like ReLU",
                "Better language-model quality per unit of compute in the Primer search",
            ),
            weaknesses=(
                "Grows quadratically: large inputs give very large outputs and gradients",
                "Dead units on the negative side, as ReLU",
                "Derivative near 0 is small, so small inputs learn slowly",
            ),
            usage="Feed-forward (MLP) blocks of Transformer language models.",
            reference=Reference(
                "D. R. So, W. Mańke, H. Liu, Z. Dai, N. Shazeer, Q. V. Le",
                2021,
                "Primer: Searching for Efficient Transformers for Language Modeling",
                "NeurIPS",
            ),
        ),
        breakpoints=lambda p: (0.0,),
    )
)


# -- srelu ----------------------------------------------------------------------------------------


def _srelu(
    x: FloatArray, t_left: float, a_left: float, t_right: float, a_right: float
) -> FloatArray:
    """srelu(x) = t_r + a_r(x − t_r) for x ≥ t_r, x between, t_l + a_l(x − t_l) for x ≤ t_l."""
    # clip gives the middle and the two corners; each outer slope adds a term that is 0 elsewhere.
    # With t_l ≤ 0 ≤ t_r the added term has the sign of the corner: no cancellation.
    f = np.clip(x, t_left, t_right)
    with np.errstate(over="ignore"):  # a slope above 1 may push a huge x past the float range
        if a_right != 0.0:
            f += a_right * np.maximum(x - t_right, 0.0)
        if a_left != 0.0:
            f += a_left * np.minimum(x - t_left, 0.0)
    return f


def _srelu_derivative(
    x: FloatArray, t_left: float, a_left: float, t_right: float, a_right: float
) -> FloatArray:
    """a_r for x ≥ t_r, 1 for t_l < x < t_r, a_l for x ≤ t_l (the outer slope at each kink)."""
    right = np.greater_equal(x, t_right)
    left = np.less_equal(x, t_left) & ~right
    d = inside(x, t_left, t_right)
    if a_right != 0.0:
        d += a_right * right
    if a_left != 0.0:
        d += a_left * left
    return d


def _srelu_identity(p: Mapping[str, ParamValue]) -> bool:
    t_left, a_left, t_right, a_right = (
        float(p[k]) for k in ("t_left", "a_left", "t_right", "a_right")
    )
    if t_right == 0.0:
        return abs(a_right - 1.0) < 1e-12
    if t_left == 0.0:
        return abs(a_left - 1.0) < 1e-12
    return True  # t_l < 0 < t_r: the middle piece is the identity


def _srelu_kinks(p: Mapping[str, ParamValue]) -> tuple[float, ...]:
    # A knee whose outer slope is 1 is no kink at all.
    knees = {float(p[t]) for t, a in (("t_left", "a_left"), ("t_right", "a_right")) if p[a] != 1.0}
    return tuple(sorted(knees))


register(
    Activation(
        key="srelu",
        name="S-shaped ReLU",
        family=Family.RECTIFIER,
        formula=Formula(
            latex=r"\begin{cases} t_r + a_r (x - t_r) & x \ge t_r \\ x & t_l < x < t_r \\ "
            r"t_l + a_l (x - t_l) & x \le t_l \end{cases}",
            text="t_right + a_right·(x − t_right) if x ≥ t_right; x if t_left < x < t_right; "
            "t_left + a_left·(x − t_left) if x ≤ t_left",
        ),
        kernel=_srelu,
        derivative_kernel=_srelu_derivative,
        params=(
            ParamSpec("t_left", -1.0, -5.0, 0.0, "left knee t_l: below it the slope is a_left"),
            ParamSpec("a_left", 0.1, 0.0, 2.0, "slope a_l left of the left knee"),
            ParamSpec("t_right", 1.0, 0.0, 5.0, "right knee t_r: above it the slope is a_right"),
            ParamSpec("a_right", 0.1, 0.0, 2.0, "slope a_r right of the right knee"),
        ),
        rules=PropertyRules(
            output_range=lambda p: (
                float(p["t_left"]) if p["a_left"] == 0.0 else -INF,
                float(p["t_right"]) if p["a_right"] == 0.0 else INF,
            ),
            smoothness=lambda p: (
                Smoothness.CINF if p["a_left"] == 1.0 and p["a_right"] == 1.0 else Smoothness.C0
            ),
            zero_centred=centred_under_normal(_srelu),
            saturating=lambda p: negligible(float(p["a_left"])) or negligible(float(p["a_right"])),
            sparse=lambda p: (
                (p["t_left"] == 0.0 and flattens(float(p["a_left"])))
                or (p["t_right"] == 0.0 and flattens(float(p["a_right"])))
            ),
            identity_near_origin=_srelu_identity,
        ),
        description=Description(
            summary="Three linear pieces with four learnable parameters: the identity between two "
            "knees t_l and t_r, and slopes a_l and a_r outside them, so it can take S shapes "
            "and convex or concave shapes. The defaults here (knees at ±1, outer slopes 0.1) "
            "draw the S shape.",
            strengths=(
                "Learns both convex and non-convex shapes",
                "Piecewise linear: cheap, and the gradient is never zero while the slopes are not",
            ),
            weaknesses=(
                "Four extra learnable parameters per channel",
                "Knees and slopes need careful initialisation",
            ),
            usage="Hidden layers of CNNs, with the parameters learned per channel.",
            reference=Reference(
                "X. Jin, C. Xu, J. Feng, Y. Wei, J. Xiong, S. Yan",
                2016,
                "Deep Learning with S-shaped Rectified Linear Activation Units",
                "AAAI",
            ),
        ),
        breakpoints=_srelu_kinks,
    )
)


# -- absolute and identity ------------------------------------------------------------------------


def _absolute(x: FloatArray) -> FloatArray:
    """|x|."""
    return np.abs(x)


def _absolute_derivative(x: FloatArray) -> FloatArray:
    """sign(x), with 0 at 0 as PyTorch's autograd for abs."""
    return np.sign(x)


register(
    Activation(
        key="absolute",
        name="Absolute value",
        family=Family.RECTIFIER,
        formula=Formula(latex=r"|x|", text="|x|"),
        kernel=_absolute,
        derivative_kernel=_absolute_derivative,
        rules=PropertyRules(
            output_range=(0.0, INF),
            monotonic=False,
            smoothness=Smoothness.C0,
        ),
        description=Description(
            summary="Absolute-value rectification: keeps the magnitude and discards the sign. "
            "Used after filter banks in early convolutional object recognisers.",
            strengths=(
                "Gradient magnitude is always 1: it never vanishes",
                "Invariant to the sign (polarity) of a feature",
            ),
            weaknesses=(
                "Not monotonic: different inputs share an output",
                "Output is not zero-centred, and there is no sparsity",
            ),
            usage="After convolutional filter banks in early vision models; rarely used in "
            "modern hidden layers.",
            reference=Reference(
                "K. Jarrett, K. Kavukcuoglu, M. Ranzato, Y. LeCun",
                2009,
                "What is the Best Multi-Stage Architecture for Object Recognition?",
                "ICCV",
            ),
        ),
        breakpoints=lambda p: (0.0,),
    )
)


def _identity(x: FloatArray) -> FloatArray:
    """identity(x) = x (a copy, so callers may write into it)."""
    return np.copy(x)


def _identity_derivative(x: FloatArray) -> FloatArray:
    """identity′(x) = 1."""
    return nan_or(x, 1.0)


register(
    Activation(
        key="identity",
        name="Identity (linear)",
        family=Family.RECTIFIER,
        formula=Formula(latex=r"x", text="x"),
        kernel=_identity,
        derivative_kernel=_identity_derivative,
        aliases=("linear",),
        rules=PropertyRules(
            output_range=(-INF, INF),
            zero_centred=True,
            identity_near_origin=True,
        ),
        description=Description(
            summary="No activation at all: the output equals the input. A network built only "
            "from linear layers and the identity collapses into a single linear map.",
            strengths=(
                "Unbounded and unbiased: the natural output for regression",
                "Gradient exactly 1 everywhere",
            ),
            weaknesses=(
                "Adds no non-linearity: stacked linear layers stay linear",
                "Cannot model interactions or decision boundaries that are not flat",
            ),
            usage="Output layer of regression models (Keras calls it 'linear'), and as a "
            "baseline when comparing activations.",
        ),
    )
)
