"""Hard functions: piecewise-linear (or piecewise-quadratic) stand-ins for smooth activations.

At the ends of a linear piece the derivative follows PyTorch's clip convention: 0 exactly at the
bounds (hardtanh′(±1) = 0, hardsigmoid′(±3) = 0). Branches are blended branch-free (see the
rectifiers module); clipped arguments keep every branch finite.
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
from ._numerics import centred_under_normal, indicator, inside, keep_nan, nan_or, require_order

# -- the unit ramp shared by the hard sigmoids and gates ------------------------------------------


def _ramp(x: FloatArray, h: float) -> FloatArray:
    """The ramp from 0 at x = −h to 1 at x = h: (clip(x, −h, h) + h)/(2h)."""
    # clip(x) + h is exact next to the lower kink, so the result keeps its relative accuracy
    # there; dividing by 2h rounds once (a multiplication by 1/(2h) would round twice).
    f = np.clip(x, -h, h)
    f += h
    f /= 2.0 * h
    return f


def _ramp_slope(x: FloatArray, h: float) -> FloatArray:
    """The ramp's derivative: 1/(2h) strictly inside (−h, h), 0 elsewhere (0 at ±h), NaN at NaN."""
    return inside(x, -h, h) * (1.0 / (2.0 * h))


# -- hardtanh -------------------------------------------------------------------------------------


def _hardtanh(x: FloatArray, min_val: float, max_val: float) -> FloatArray:
    """hardtanh(x) = min(max(x, min_val), max_val)."""
    require_order("min_val", min_val, "max_val", max_val, strict=True)
    return np.clip(x, min_val, max_val)


def _hardtanh_derivative(x: FloatArray, min_val: float, max_val: float) -> FloatArray:
    """1 on (min_val, max_val), 0 elsewhere; 0 at both bounds, as PyTorch's autograd."""
    require_order("min_val", min_val, "max_val", max_val, strict=True)
    return inside(x, min_val, max_val)


def _bounds(p: Mapping[str, ParamValue]) -> tuple[float, float]:
    return float(p["min_val"]), float(p["max_val"])


register(
    Activation(
        key="hardtanh",
        name="Hardtanh",
        family=Family.HARD,
        formula=Formula(
            latex=r"\min(\max(x,\ a),\ b)",
            text="min(max(x, min_val), max_val)",
        ),
        kernel=_hardtanh,
        derivative_kernel=_hardtanh_derivative,
        params=(
            ParamSpec("min_val", -1.0, -10.0, 10.0, "lower bound a of the output (below max_val)"),
            ParamSpec("max_val", 1.0, -10.0, 10.0, "upper bound b of the output (above min_val)"),
        ),
        rules=PropertyRules(
            output_range=_bounds,
            smoothness=Smoothness.C0,
            zero_centred=centred_under_normal(_hardtanh),
            saturating=True,
            sparse=lambda p: 0.0 in _bounds(p),
            identity_near_origin=lambda p: _bounds(p)[0] < 0.0 < _bounds(p)[1],
        ),
        description=Description(
            summary="The identity clipped to [min_val, max_val]: a piecewise-linear tanh. With "
            "bounds 0 and 6 it is ReLU6.",
            strengths=(
                "Very cheap: a clip",
                "Bounded output, zero-centred with symmetric bounds",
                "Gradient exactly 1 in the linear region",
            ),
            weaknesses=(
                "Zero gradient outside the bounds: saturated units stop learning",
                "Not differentiable at the bounds",
            ),
            usage="Hidden layers of small or quantised networks, and recurrent models where a "
            "cheap bounded non-linearity is wanted.",
            reference=Reference(
                "R. Collobert",
                2004,
                "Large Scale Machine Learning",
                "PhD thesis, Université Paris VI",
            ),
        ),
        breakpoints=_bounds,
    )
)


# -- hardsigmoid ----------------------------------------------------------------------------------


def _hardsigmoid(x: FloatArray) -> FloatArray:
    """hardsigmoid(x) = relu6(x + 3)/6 = min(max(x/6 + 1/2, 0), 1)."""
    return _ramp(x, 3.0)


def _hardsigmoid_derivative(x: FloatArray) -> FloatArray:
    """1/6 strictly inside (−3, 3), 0 elsewhere (0 at ±3), as PyTorch's autograd."""
    return _ramp_slope(x, 3.0)


register(
    Activation(
        key="hardsigmoid",
        name="Hardsigmoid",
        family=Family.HARD,
        formula=Formula(
            latex=r"\frac{\mathrm{ReLU6}(x + 3)}{6} = "
            r"\begin{cases} 0 & x \le -3 \\ x/6 + 1/2 & -3 < x < 3 \\ 1 & x \ge 3 \end{cases}",
            text="min(max(x + 3, 0), 6) / 6",
        ),
        kernel=_hardsigmoid,
        derivative_kernel=_hardsigmoid_derivative,
        aliases=("hard_sigmoid",),
        rules=PropertyRules(
            output_range=(0.0, 1.0),
            smoothness=Smoothness.C0,
            saturating=True,
            sparse=True,
        ),
        description=Description(
            summary="A piecewise-linear sigmoid: x/6 + 1/2 clipped to [0, 1], so it matches the "
            "logistic function's value and slope range cheaply. This is the definition of "
            "PyTorch, JAX and Keras 3 (hard_sigmoid); Keras 2 and TensorFlow used 0.2x + 0.5, "
            "listed separately as hard_sigmoid_keras. PyTorch's float64 backward returns 1/6 "
            "rounded to float32; here it is the exact 1/6.",
            strengths=(
                "No exponential: cheap on mobile and quantised hardware",
                "Exact 0 and 1 outside [−3, 3]",
            ),
            weaknesses=(
                "Zero gradient outside [−3, 3]",
                "Not zero-centred",
                "Kinks at ±3",
            ),
            usage="Gates in mobile networks: the squeeze-and-excitation blocks of MobileNetV3, "
            "and inside hardswish.",
            reference=Reference(
                "A. Howard, M. Sandler, G. Chu, L.-C. Chen, B. Chen, M. Tan, W. Wang, Y. Zhu, "
                "R. Pang, V. Vasudevan, Q. V. Le, H. Adam",
                2019,
                "Searching for MobileNetV3",
                "ICCV",
            ),
        ),
        breakpoints=lambda p: (-3.0, 3.0),
    )
)


# -- hardswish ------------------------------------------------------------------------------------


def _hardswish(x: FloatArray) -> FloatArray:
    """hardswish(x) = x·relu6(x + 3)/6: 0 for x ≤ −3, x(x + 3)/6 between, x for x ≥ 3."""
    gate = x + 3.0
    gate /= 6.0
    gate = np.clip(gate, 0.0, 1.0)
    # max(x, −3) instead of x: the gate is 0 there, and −inf·0 would be NaN.
    gate *= np.maximum(x, -3.0)
    return gate


def _hardswish_derivative(x: FloatArray) -> FloatArray:
    """PyTorch's backward: 0 for x ≤ −3, (2x + 3)/6 for −3 < x < 3, 1 for x ≥ 3."""
    c = np.clip(x, -3.0, 3.0)
    d = (2.0 * c + 3.0) / 6.0  # 2c + 3 is exact next to the zero of f′ at −3/2
    d *= inside(x, -3.0, 3.0)
    d += np.greater_equal(x, 3.0)
    return d


register(
    Activation(
        key="hardswish",
        name="Hardswish",
        family=Family.HARD,
        formula=Formula(
            latex=r"x\,\frac{\mathrm{ReLU6}(x + 3)}{6}",
            text="x · min(max(x + 3, 0), 6) / 6",
        ),
        kernel=_hardswish,
        derivative_kernel=_hardswish_derivative,
        aliases=("hard_silu", "hard_swish"),
        rules=PropertyRules(
            output_range=(-0.375, INF),
            monotonic=False,
            smoothness=Smoothness.C0,
            saturating=True,
            sparse=True,
        ),
        description=Description(
            summary="x times hardsigmoid(x): a piecewise-quadratic imitation of SiLU/swish that "
            "needs no exponential. Keras 3 and JAX call it hard_silu (alias hard_swish). Its "
            "minimum is −3/8 at x = −3/2.",
            strengths=(
                "Close to SiLU in accuracy at a fraction of the cost",
                "Exact zeros for x ≤ −3; identity for x ≥ 3",
            ),
            weaknesses=(
                "Not monotonic (a dip to −0.375)",
                "Derivative jumps at ±3",
                "Zero gradient for x ≤ −3",
            ),
            usage="Hidden layers of mobile networks (MobileNetV3, EfficientNet-Lite variants), "
            "mostly in the deeper layers.",
            reference=Reference(
                "A. Howard, M. Sandler, G. Chu, L.-C. Chen, B. Chen, M. Tan, W. Wang, Y. Zhu, "
                "R. Pang, V. Vasudevan, Q. V. Le, H. Adam",
                2019,
                "Searching for MobileNetV3",
                "ICCV",
            ),
        ),
        breakpoints=lambda p: (-3.0, 3.0),
    )
)


# -- hard sigmoid, Keras 2 / TensorFlow definition ------------------------------------------------


def _hard_sigmoid_keras(x: FloatArray) -> FloatArray:
    """min(max(0.2x + 0.5, 0), 1), evaluated as (x + 2.5)/5 so that 1/5 is exact."""
    return _ramp(x, 2.5)


def _hard_sigmoid_keras_derivative(x: FloatArray) -> FloatArray:
    """0.2 strictly inside (−2.5, 2.5), 0 elsewhere (0 at ±2.5, the clip convention above)."""
    return _ramp_slope(x, 2.5)


register(
    Activation(
        key="hard_sigmoid_keras",
        name="Hard sigmoid (Keras 2)",
        family=Family.HARD,
        formula=Formula(
            latex=r"\min(\max(0.2\,x + 0.5,\ 0),\ 1)",
            text="min(max(0.2·x + 0.5, 0), 1)",
        ),
        kernel=_hard_sigmoid_keras,
        derivative_kernel=_hard_sigmoid_keras_derivative,
        rules=PropertyRules(
            output_range=(0.0, 1.0),
            smoothness=Smoothness.C0,
            saturating=True,
            sparse=True,
        ),
        description=Description(
            summary="The older hard sigmoid of Theano, Keras 2 and TensorFlow: slope 0.2, "
            "saturating at ±2.5. Keras 3 switched to PyTorch's x/6 + 1/2 (see hardsigmoid), so "
            "a model ported between versions can change its output. TensorFlow's clip passes "
            "the gradient at the two bounds; here f′(±2.5) = 0, as for every hard function.",
            strengths=(
                "Cheap: a multiply-add and a clip",
                "Slope 0.2 is closer to the logistic slope 0.25 at 0 than 1/6",
            ),
            weaknesses=(
                "Saturates earlier (±2.5) than hardsigmoid (±3)",
                "Zero gradient outside the linear region",
                "Two incompatible definitions share the name hard_sigmoid",
            ),
            usage="Recurrent gates in Keras 2 LSTMs and GRUs (recurrent_activation="
            "'hard_sigmoid' was once the default).",
            reference=Reference(
                "M. Courbariaux, Y. Bengio, J.-P. David",
                2015,
                "BinaryConnect: Training Deep Neural Networks with binary weights during "
                "propagations",
                "NeurIPS",
            ),
        ),
        breakpoints=lambda p: (-2.5, 2.5),
    )
)


# -- hard elish -----------------------------------------------------------------------------------

#: x₀ = W(e²) − 2, the zero of hard_elish′ in (−1, 0), as a double-double (x₀ ≈ −0.44285).
_ELISH_X0_HI = -0.4428544010023886
_ELISH_X0_LO = 1.4810791653201162e-17
#: 1/W(e²) = e^{x₀}, where W is Lambert's function.
_ELISH_INV_W = 0.6422007040598738
#: The minimum −(W − 1)²/(2W) ≈ −0.0996731515287426, rounded down a few ulp for the range.
_ELISH_MIN = -0.0996731515287427


def _hard_elish(x: FloatArray) -> FloatArray:
    """x·g(x) for x ≥ 0, (eˣ − 1)·g(x) for x < 0, with the gate g(x) = max(0, min(1, (x+1)/2))."""
    # max(x, 0) + m, with m = clip(x, −1, 0) replaced by expm1(m) strictly inside (−1, 0), is x
    # on the right and eˣ − 1 on (−1, 0); below −1 the gate is 0 and the bounded factor keeps the
    # product finite. expm1 runs on the index list of (−1, 0) only.
    base = np.asarray(np.clip(x, -1.0, 0.0))
    idx = np.flatnonzero(np.greater(x, -1.0) & np.less(x, 0.0))
    base.flat[idx] = np.expm1(base.flat[idx])
    base += np.maximum(x, 0.0)
    return base * _ramp(x, 1.0)


def _hard_elish_derivative(x: FloatArray) -> FloatArray:
    """1 for x ≥ 1, x + 1/2 on [0, 1), (eˣ(x + 2) − 1)/2 on (−1, 0), 0 for x ≤ −1.

    At the kinks ±1 the gate's slope counts as 0 (the clip convention), so f′(1) = 1 and
    f′(−1) = 0; at 0 both sides give 1/2. On (−1, 0), with u = x − x₀ and e^{x₀} = 1/(x₀ + 2):
    eˣ(x + 2) − 1 = expm1(u) + u·eᵘ/(x₀ + 2), two terms of one sign, so there is no cancellation
    at the interior zero x₀.
    """
    # The exponential branch is evaluated on the index list of (−1, 0) only; 0 elsewhere.
    neg = np.zeros(np.shape(x))
    idx = np.flatnonzero(np.greater(x, -1.0) & np.less(x, 0.0))
    u = np.ravel(x)[idx] - _ELISH_X0_HI
    u -= _ELISH_X0_LO
    em = np.expm1(u)
    u *= em + 1.0
    u *= _ELISH_INV_W
    u += em
    u *= 0.5
    neg.flat[idx] = u
    pos = np.clip(x, 0.0, 1.0) + 0.5
    pos *= np.greater_equal(x, 0.0) & np.less(x, 1.0)
    neg += pos
    neg += np.greater_equal(x, 1.0)
    return keep_nan(neg, x)


register(
    Activation(
        key="hard_elish",
        name="HardELiSH",
        family=Family.HARD,
        formula=Formula(
            latex=r"\begin{cases} x\,g(x) & x \ge 0 \\ (e^{x} - 1)\,g(x) & x < 0 \end{cases},\ "
            r"g(x) = \max\!\left(0, \min\!\left(1, \frac{x + 1}{2}\right)\right)",
            text="x·g(x) if x ≥ 0 else (exp(x) − 1)·g(x),  g(x) = max(0, min(1, (x + 1)/2))",
        ),
        kernel=_hard_elish,
        derivative_kernel=_hard_elish_derivative,
        rules=PropertyRules(
            output_range=(_ELISH_MIN, INF),
            monotonic=False,
            smoothness=Smoothness.C0,
            saturating=True,
            sparse=True,
        ),
        description=Description(
            summary="ELiSH with its sigmoid gate replaced by a hard sigmoid: x·g(x) on the right, "
            "(eˣ − 1)·g(x) on the left, exactly 0 below −1. Found by a genetic search over "
            "activation functions.",
            strengths=(
                "Cheaper than ELiSH (one exponential on (−1, 0) only)",
                "Exact zeros below −1 and the identity above 1",
            ),
            weaknesses=(
                "Not monotonic (a dip to about −0.0997 at x ≈ −0.443)",
                "Derivative jumps at −1 and 1",
                "Little used outside the paper that proposed it",
            ),
            usage="Hidden layers of CNNs, as proposed for image classification.",
            reference=Reference(
                "M. Basirat, P. M. Roth",
                2018,
                "The Quest for the Golden Activation Function",
                "arXiv:1808.00783",
            ),
        ),
        breakpoints=lambda p: (-1.0, 0.0, 1.0),
    )
)


# -- sparse plus and sparse sigmoid ---------------------------------------------------------------


def _sparse_plus(x: FloatArray) -> FloatArray:
    """sparse_plus(x) = 0 for x ≤ −1, (x + 1)²/4 for −1 < x < 1, x for x ≥ 1."""
    c = np.clip(x, -1.0, 1.0)
    c += 1.0
    c *= c
    c *= 0.25
    right = np.greater_equal(x, 1.0)
    c *= np.less(x, 1.0)
    # max(x, 1)·[x ≥ 1] is x on the right, 0 elsewhere (finite), and NaN for NaN.
    c += np.maximum(x, 1.0) * right
    return c


def _sparse_plus_derivative(x: FloatArray) -> FloatArray:
    """sparse_plus′(x) = (clip(x, −1, 1) + 1)/2 = sparse_sigmoid(x), continuous (C¹)."""
    return _sparse_sigmoid(x)


register(
    Activation(
        key="sparse_plus",
        name="Sparse plus",
        family=Family.HARD,
        formula=Formula(
            latex=r"\begin{cases} 0 & x \le -1 \\ \frac{1}{4}(x + 1)^2 & -1 < x < 1 \\ "
            r"x & x \ge 1 \end{cases}",
            text="0 if x ≤ −1; (x + 1)²/4 if −1 < x < 1; x if x ≥ 1",
        ),
        kernel=_sparse_plus,
        derivative_kernel=_sparse_plus_derivative,
        rules=PropertyRules(
            output_range=(0.0, INF),
            smoothness=Smoothness.C1,
            saturating=True,
            sparse=True,
        ),
        description=Description(
            summary="The sparse twin of softplus: exactly 0 below −1, exactly x above 1 and a "
            "parabola joining them, so it is convex, monotonic and continuously "
            "differentiable. Its derivative is sparse_sigmoid. In JAX and Keras 3.",
            strengths=(
                "Smooth (C¹) like softplus, but with exact zeros (sparsity)",
                "No exponential or logarithm",
            ),
            weaknesses=(
                "Zero gradient below −1: units can die",
                "Not zero-centred",
            ),
            usage="A cheap softplus replacement in hidden layers, or where sparse outputs are "
            "wanted.",
            reference=Reference(
                "M. Blondel, A. F. T. Martins, V. Niculae",
                2020,
                "Learning with Fenchel-Young Losses",
                "JMLR 21",
            ),
        ),
        breakpoints=lambda p: (-1.0, 1.0),
    )
)


def _sparse_sigmoid(x: FloatArray) -> FloatArray:
    """sparse_sigmoid(x) = 0 for x ≤ −1, (x + 1)/2 for −1 < x < 1, 1 for x ≥ 1."""
    return _ramp(x, 1.0)


def _sparse_sigmoid_derivative(x: FloatArray) -> FloatArray:
    """1/2 strictly inside (−1, 1), 0 elsewhere (0 at ±1, the clip convention)."""
    return _ramp_slope(x, 1.0)


register(
    Activation(
        key="sparse_sigmoid",
        name="Sparse sigmoid",
        family=Family.HARD,
        formula=Formula(
            latex=r"\begin{cases} 0 & x \le -1 \\ \frac{1}{2}(x + 1) & -1 < x < 1 \\ "
            r"1 & x \ge 1 \end{cases}",
            text="0 if x ≤ −1; (x + 1)/2 if −1 < x < 1; 1 if x ≥ 1",
        ),
        kernel=_sparse_sigmoid,
        derivative_kernel=_sparse_sigmoid_derivative,
        rules=PropertyRules(
            output_range=(0.0, 1.0),
            smoothness=Smoothness.C0,
            saturating=True,
            sparse=True,
        ),
        description=Description(
            summary="The sparse twin of the sigmoid and the derivative of sparse plus: exactly 0 "
            "below −1, exactly 1 above 1, linear between. In JAX and Keras 3.",
            strengths=(
                "Exact 0 and 1 outside [−1, 1]: sparse probabilities",
                "Cheap: a clip",
            ),
            weaknesses=(
                "Zero gradient outside [−1, 1]",
                "Saturates sooner than the logistic sigmoid",
            ),
            usage="Gates and binary outputs where exact 0/1 values are useful.",
            reference=Reference(
                "M. Blondel, A. F. T. Martins, V. Niculae",
                2020,
                "Learning with Fenchel-Young Losses",
                "JMLR 21",
            ),
        ),
        breakpoints=lambda p: (-1.0, 1.0),
    )
)


# -- binary step ----------------------------------------------------------------------------------


def _binary_step(x: FloatArray) -> FloatArray:
    """Heaviside step: 1 for x ≥ 0 (so f(0) = 1), 0 for x < 0."""
    return indicator(np.greater_equal(x, 0.0), x)


def _binary_step_derivative(x: FloatArray) -> FloatArray:
    """0 everywhere, also at the jump (autograd's value; the true derivative there is a δ)."""
    return nan_or(x, 0.0)


register(
    Activation(
        key="binary_step",
        name="Binary step",
        family=Family.HARD,
        formula=Formula(
            latex=r"\begin{cases} 1 & x \ge 0 \\ 0 & x < 0 \end{cases}",
            text="1 if x ≥ 0 else 0",
        ),
        kernel=_binary_step,
        derivative_kernel=_binary_step_derivative,
        rules=PropertyRules(
            output_range=(0.0, 1.0),
            smoothness=Smoothness.DISCONTINUOUS,
            saturating=True,
            sparse=True,
        ),
        description=Description(
            summary="The Heaviside step: the neuron fires (1) when its input reaches 0 and is "
            "silent (0) otherwise; here f(0) = 1. The activation of the first artificial "
            "neurons and of the perceptron.",
            strengths=(
                "Binary output: easy to interpret and to implement in hardware",
                "Historically the model of a firing neuron",
            ),
            weaknesses=(
                "Zero derivative everywhere it exists: gradient descent cannot train through it",
                "Discontinuous at 0",
            ),
            usage="Perceptrons and binary threshold units; in modern networks only with "
            "surrogate gradients (e.g. spiking or binarised networks).",
            reference=Reference(
                "W. S. McCulloch, W. Pitts",
                1943,
                "A logical calculus of the ideas immanent in nervous activity",
                "Bulletin of Mathematical Biophysics 5",
            ),
        ),
        breakpoints=lambda p: (0.0,),
        discontinuities=lambda p: (0.0,),
    )
)
