"""Sigmoidal functions: S-shaped, bounded, smooth squashing functions (and tanhshrink).

All kernels are written for every float64 input: no overflow in the tails, no cancellation near
the origin, the exact limits at ±inf and NaN passed through. None of these functions has a kink.
"""

from __future__ import annotations

import math

import numpy as np

from ..activation import (
    INF,
    Activation,
    Description,
    Family,
    FloatArray,
    Formula,
    ParamSpec,
    PropertyRules,
    Reference,
)
from ..registry import register
from ._numerics import (
    by_parts,
    exp_neg_abs,
    flat_kernel,
    log_sigmoid_and_derivative,
    log_sigmoid_derivative,
    logistic_density_from_exp,
    patch,
    sech2,
    sigmoid,
    sigmoid_and_derivative,
    sigmoid_derivative,
    tanh,
    tanh_and_sech2,
    tanh_from_exp,
    two_sum,
)

_HALF_PI = math.pi / 2


# -- sigmoid ------------------------------------------------------------------------------------
def _sigmoid(x: FloatArray) -> FloatArray:
    """σ(x) = 1/(1 + e^{−x}), evaluated as 1/(1 + e^{−|x|}) or e^{−|x|}/(1 + e^{−|x|})."""
    return sigmoid(x)


def _sigmoid_derivative(x: FloatArray) -> FloatArray:
    """σ′(x) = σ(x)·σ(−x) = e^{−|x|}/(1 + e^{−|x|})²; never 0 before e^{−|x|} underflows."""
    return sigmoid_derivative(x)


register(
    Activation(
        key="sigmoid",
        name="Sigmoid (logistic)",
        family=Family.SIGMOIDAL,
        formula=Formula(latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}", text="σ(x) = 1 / (1 + exp(−x))"),
        kernel=_sigmoid,
        derivative_kernel=_sigmoid_derivative,
        pair_kernel=sigmoid_and_derivative,
        rules=PropertyRules(output_range=(0.0, 1.0), saturating=True),
        description=Description(
            summary="Squashes any real number into (0, 1), so the output reads as a probability; "
            "the classic neuron non-linearity.",
            strengths=(
                "Output in (0, 1): a probability or a gate (LSTM, GRU, attention gates)",
                "Smooth and monotonic, with the simple derivative σ(x)(1 − σ(x))",
            ),
            weaknesses=(
                "Saturates on both sides: the gradient is at most 0.25 and vanishes in deep stacks",
                "Output is not zero-centred, which slows gradient descent",
                "An exponential per unit: costlier than ReLU",
            ),
            usage="Output layer for binary or multi-label classification, and gates inside "
            "recurrent cells; rarely in hidden layers of deep networks today.",
            reference=Reference(
                "D. E. Rumelhart, G. E. Hinton, R. J. Williams",
                1986,
                "Learning representations by back-propagating errors",
                "Nature 323",
            ),
        ),
    )
)


# -- logsigmoid ---------------------------------------------------------------------------------
def _logsigmoid(x: FloatArray) -> FloatArray:
    """log σ(x) = min(x, 0) − log1p(e^{−|x|}): −softplus(−x), exact in both tails."""
    return log_sigmoid_and_derivative(x)[0]


def _logsigmoid_derivative(x: FloatArray) -> FloatArray:
    """(log σ)′(x) = σ(−x) = 1 − σ(x), computed without the cancellation of 1 − σ(x)."""
    return log_sigmoid_derivative(x)


register(
    Activation(
        key="logsigmoid",
        name="LogSigmoid",
        family=Family.SIGMOIDAL,
        formula=Formula(
            latex=r"\log\sigma(x) = -\log\left(1 + e^{-x}\right)",
            text="log σ(x) = −log(1 + exp(−x))",
        ),
        kernel=_logsigmoid,
        derivative_kernel=_logsigmoid_derivative,
        pair_kernel=log_sigmoid_and_derivative,
        rules=PropertyRules(output_range=(-INF, 0.0), saturating=True),
        description=Description(
            summary="The logarithm of the sigmoid, −softplus(−x): a log-probability that stays "
            "finite and accurate where log(sigmoid(x)) would give −inf.",
            strengths=(
                "Numerically stable log-likelihood for binary targets",
                "Gradient σ(−x) never explodes and tends to 1 for very negative inputs",
            ),
            weaknesses=(
                "Unbounded below and never positive: not a hidden-layer activation",
                "Gradient vanishes for large positive inputs",
            ),
            usage="Inside losses (binary cross-entropy, negative sampling in word2vec) rather "
            "than as a layer's activation.",
            reference=Reference(
                "T. Mikolov, I. Sutskever, K. Chen, G. Corrado, J. Dean",
                2013,
                "Distributed Representations of Words and Phrases and their Compositionality",
                "NeurIPS",
            ),
        ),
    )
)


# -- tanh ---------------------------------------------------------------------------------------
def _tanh(x: FloatArray) -> FloatArray:
    """tanh(x) = (e^x − e^{−x})/(e^x + e^{−x})."""
    return tanh(x)


def _tanh_derivative(x: FloatArray) -> FloatArray:
    """tanh′(x) = 1 − tanh²(x) = sech²(x), computed as 4t/(1 + t)², t = e^{−2|x|}."""
    return sech2(x)


register(
    Activation(
        key="tanh",
        name="Tanh",
        family=Family.SIGMOIDAL,
        formula=Formula(
            latex=r"\tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
            text="tanh(x) = (exp(x) − exp(−x)) / (exp(x) + exp(−x))",
        ),
        kernel=_tanh,
        derivative_kernel=_tanh_derivative,
        pair_kernel=tanh_and_sech2,
        rules=PropertyRules(
            output_range=(-1.0, 1.0),
            zero_centred=True,
            saturating=True,
            identity_near_origin=True,
        ),
        description=Description(
            summary="The hyperbolic tangent: a zero-centred sigmoid with range (−1, 1); "
            "tanh(x) = 2σ(2x) − 1.",
            strengths=(
                "Zero-centred output, unlike the logistic sigmoid",
                "Steeper than the sigmoid: gradient 1 at the origin",
            ),
            weaknesses=(
                "Saturates for |x| beyond about 3: vanishing gradients in deep networks",
                "Exponentials make it costlier than ReLU",
            ),
            usage="Hidden state of RNNs and LSTMs, output layers that need values in (−1, 1), "
            "and small MLPs.",
            reference=Reference(
                "Y. LeCun, L. Bottou, G. B. Orr, K.-R. Müller",
                1998,
                "Efficient BackProp",
                "Neural Networks: Tricks of the Trade, Springer",
            ),
        ),
    )
)


# -- softsign -----------------------------------------------------------------------------------
def _softsign(x: FloatArray) -> FloatArray:
    """softsign(x) = x/(1 + |x|); the clip keeps ±inf from giving inf/inf (the limit is ±1)."""
    xc = np.clip(x, -1e300, 1e300)
    return xc / (1.0 + np.abs(xc))


def _softsign_derivative(x: FloatArray) -> FloatArray:
    """softsign′(x) = 1/(1 + |x|)², squared after the division so it cannot overflow."""
    r = 1.0 / (1.0 + np.abs(x))
    return r * r


register(
    Activation(
        key="softsign",
        name="Softsign",
        family=Family.SIGMOIDAL,
        formula=Formula(latex=r"\frac{x}{1 + |x|}", text="x / (1 + |x|)"),
        kernel=_softsign,
        derivative_kernel=_softsign_derivative,
        rules=PropertyRules(
            output_range=(-1.0, 1.0),
            zero_centred=True,
            saturating=True,
            identity_near_origin=True,
        ),
        description=Description(
            summary="A rational sigmoid with range (−1, 1) that approaches its asymptotes "
            "polynomially (like 1/x) instead of exponentially.",
            strengths=(
                "Zero-centred; saturates more gently than tanh, so gradients decay slower",
                "No exponential: cheap to compute",
            ),
            weaknesses=(
                "Still saturates: the gradient decays like 1/x² in the tails",
                "Rarely used, so few tuned recipes exist",
            ),
            usage="An occasional tanh replacement in hidden layers of MLPs and RNNs.",
            reference=Reference(
                "X. Glorot, Y. Bengio",
                2010,
                "Understanding the difficulty of training deep feedforward neural networks",
                "AISTATS",
            ),
        ),
    )
)


# -- arctan -------------------------------------------------------------------------------------
def _arctan(x: FloatArray) -> FloatArray:
    """arctan(x), with range (−π/2, π/2)."""
    return np.arctan(x)


def _arctan_derivative(x: FloatArray) -> FloatArray:
    """arctan′(x) = 1/(1 + x²); for |x| > 1e150 (where x² overflows) it is (1/x)²."""
    a = np.abs(x)
    near = 1.0 / (1.0 + np.square(np.minimum(a, 1e150)))
    return patch(near, a > 1e150, lambda: np.square(1.0 / np.maximum(a, 1e150)))


register(
    Activation(
        key="arctan",
        name="ArcTan",
        family=Family.SIGMOIDAL,
        formula=Formula(latex=r"\arctan x", text="arctan(x)"),
        kernel=_arctan,
        derivative_kernel=_arctan_derivative,
        rules=PropertyRules(
            output_range=(-_HALF_PI, _HALF_PI),
            zero_centred=True,
            saturating=True,
            identity_near_origin=True,
        ),
        description=Description(
            summary="The inverse tangent: a zero-centred sigmoid with range (−π/2, π/2) whose "
            "tails approach the asymptotes like 1/x.",
            strengths=(
                "Zero-centred and identity-like near the origin (f′(0) = 1)",
                "Gradient decays polynomially (1/x²), more slowly than tanh's",
            ),
            weaknesses=(
                "Still saturates for large |x|",
                "An inverse trigonometric function: costlier than ReLU",
            ),
            usage="Occasionally a tanh alternative in hidden layers; common in activation-function "
            "comparisons and textbooks.",
            reference=Reference(
                "Wikipedia contributors",
                2016,
                "Activation function: table of activation functions (arctan)",
                "Wikipedia",
            ),
        ),
    )
)


# -- lecun_tanh ---------------------------------------------------------------------------------
_LECUN_A = 1.7159
#: 1.7159/1.5 correctly rounded, so the derivative's constant adds only half an ulp.
_LECUN_A_OVER_B = 1.1439333333333332


def _lecun_tanh(x: FloatArray) -> FloatArray:
    """f(x) = 1.7159·tanh(2x/3); x/1.5 rounds once (1.5 is exact, 2/3 is not)."""
    return _LECUN_A * tanh(x / 1.5)


def _lecun_tanh_derivative(x: FloatArray) -> FloatArray:
    """f′(x) = 1.7159·(2/3)·sech²(2x/3).

    sech²(y) ≈ 4e^{−2y} in the tail amplifies any error in y = 2|x|/3 by 2y, so y is carried as
    y + δ with δ the exact rounding error of |x|/1.5, and e^{−2(y+δ)} = e^{−2y}(1 − 2δ).
    """
    return _lecun_slope(x, _lecun_parts(x))


def _lecun_parts(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    # (y, e^{−2y}) with y = min(|x|, 600)/1.5 (= |x/1.5| wherever e^{−2y} is not 0).
    a = np.minimum(np.abs(x), 600.0)  # sech²(400) is already 0; keeps everything finite
    y = a / 1.5
    return y, np.exp(-2.0 * y)


def _lecun_slope(x: FloatArray, parts: tuple[FloatArray, FloatArray]) -> FloatArray:
    y, t0 = parts
    a = np.minimum(np.abs(x), 600.0)
    s, err = two_sum(y, 0.5 * y)  # 1.5·y exactly, as s + err
    delta = ((a - s) - err) / 1.5  # a − s is exact (Sterbenz)
    t = t0 * (1.0 - 2.0 * delta)
    q = 1.0 + t
    return _LECUN_A_OVER_B * (4.0 * t) / (q * q)


@flat_kernel
def _lecun_tanh_pair(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(f, f′) sharing e^{−4|x|/3}: tanh(2x/3) = (1 − t)/(1 + t) away from 0 needs the same t."""
    parts = _lecun_parts(x)
    return _LECUN_A * tanh_from_exp(x / 1.5, parts[1]), _lecun_slope(x, parts)


register(
    Activation(
        key="lecun_tanh",
        name="LeCun tanh",
        family=Family.SIGMOIDAL,
        formula=Formula(
            latex=r"1.7159\,\tanh\left(\tfrac{2}{3}x\right)", text="1.7159 · tanh(2x/3)"
        ),
        kernel=_lecun_tanh,
        derivative_kernel=_lecun_tanh_derivative,
        pair_kernel=_lecun_tanh_pair,
        rules=PropertyRules(output_range=(-_LECUN_A, _LECUN_A), zero_centred=True, saturating=True),
        description=Description(
            summary="A scaled tanh chosen so that f(±1) = ±1 and the variance of "
            "unit-variance inputs is roughly preserved.",
            strengths=(
                "Zero-centred; with normalised inputs the outputs keep about unit variance",
                "The maximum curvature sits at x = ±1, where well-scaled inputs fall",
            ),
            weaknesses=(
                "Saturates like tanh: vanishing gradients in deep networks",
                "The constants assume inputs normalised to unit variance",
            ),
            usage="Hidden layers of classic convolutional networks (LeNet era) and of MLPs "
            "trained with LeCun initialisation.",
            reference=Reference(
                "Y. LeCun, L. Bottou, G. B. Orr, K.-R. Müller",
                1998,
                "Efficient BackProp",
                "Neural Networks: Tricks of the Trade, Springer",
            ),
        ),
    )
)


# -- isru ---------------------------------------------------------------------------------------
def _isru(x: FloatArray, alpha: float) -> FloatArray:
    """ISRU(x) = x/√(1 + αx²); tends to ±1/√α."""
    a = np.abs(x)
    near = np.minimum(a, 1e100)
    far = np.copysign(1.0 / math.sqrt(alpha), x)  # x/√(αx²) to double precision beyond 1e100
    return patch(x / np.sqrt(1.0 + alpha * near * near), a > 1e100, far)


def _isru_derivative(x: FloatArray, alpha: float) -> FloatArray:
    """ISRU′(x) = (1 + αx²)^{−3/2}; beyond 1e100 written with r = 1/|x| to avoid overflow."""
    a = np.abs(x)
    near = np.minimum(a, 1e100)
    s = 1.0 + alpha * near * near

    def far() -> FloatArray:
        r = 1.0 / np.maximum(a, 1e100)
        w = r / np.sqrt(alpha + r * r)  # = 1/√(1 + αx²) for the large inputs
        return w * w * w

    return patch(1.0 / (s * np.sqrt(s)), a > 1e100, far)


register(
    Activation(
        key="isru",
        name="ISRU",
        family=Family.SIGMOIDAL,
        formula=Formula(latex=r"\frac{x}{\sqrt{1 + \alpha x^{2}}}", text="x / √(1 + α·x²)"),
        kernel=_isru,
        derivative_kernel=_isru_derivative,
        params=(
            ParamSpec(
                "alpha",
                1.0,
                0.01,
                100.0,
                "Sets the saturation level ±1/√α (larger α, tighter bound)",
                log_scale=True,
            ),
        ),
        rules=PropertyRules(
            output_range=lambda p: (-1.0 / math.sqrt(p["alpha"]), 1.0 / math.sqrt(p["alpha"])),
            zero_centred=True,
            saturating=True,
            identity_near_origin=True,
        ),
        description=Description(
            summary="Inverse square root unit: a tanh-like sigmoid built from a square root "
            "instead of exponentials, bounded by ±1/√α.",
            strengths=(
                "Zero-centred, identity-like at the origin",
                "Only a multiply-add and an inverse square root: fast on GPUs",
            ),
            weaknesses=(
                "Saturates (the gradient decays like |x|⁻³)",
                "Little used outside recurrent networks",
            ),
            usage="A cheaper replacement for tanh and sigmoid in RNN cells.",
            reference=Reference(
                "B. Carlile, G. Delamarter, P. Kinney, A. Marti, B. Whitney",
                2017,
                "Improving Deep Learning by Inverse Square Root Linear Units (ISRLUs)",
                "arXiv:1710.09967",
            ),
        ),
    )
)


# -- log_log ------------------------------------------------------------------------------------
@flat_kernel
def _log_log(x: FloatArray) -> FloatArray:
    """f(x) = 1 − exp(−eˣ) = −expm1(−eˣ); x is capped at 40, where f is already exactly 1."""
    return _log_log_from(np.exp(np.minimum(x, 40.0)))


def _log_log_from(t: FloatArray) -> FloatArray:
    f = np.expm1(-t)
    np.negative(f, out=f)
    return f


@flat_kernel
def _log_log_derivative(x: FloatArray) -> FloatArray:
    """f′(x) = exp(x − eˣ).

    The exponent x − eˣ cancels, and the result inherits its absolute error as a relative one.
    For x ≤ 0, eˣ ≤ 1 is accurate to 1e-16 absolute, so x − eˣ = s + e exactly (Knuth's two-sum)
    and f′ = e^s·(1 + e). For x > 0 any error in eˣ is multiplied by eˣ (up to 1100), so there the
    exponent is formed in extended precision; beyond x = 7 the result underflows to 0 anyway.
    """
    return _log_log_slope(x, np.exp(np.minimum(x, 40.0)))


def _log_log_slope(x: FloatArray, t: FloatArray) -> FloatArray:
    # x and t = e^{min(x, 40)} flat; each branch runs on its own index list.
    d = np.empty_like(x)
    left = np.less_equal(x, 0.0)
    low = np.flatnonzero(left)
    s, e = two_sum(np.maximum(x[low], -800.0), -t[low])  # e^{−800} is 0; keeps s finite
    e += 1.0
    e *= np.exp(s)
    d[low] = e
    rest = np.flatnonzero(~left)  # x > 0 and NaN
    xl = np.minimum(x[rest], 7.0).astype(np.longdouble)
    # Only eˣ needs the extended precision; x − eˣ is then split exactly into s + e (float64)
    # and e^{s+e} = e^s + e^s·e, which saves the second (slow) extended exponential.
    y = xl - np.exp(xl)
    s_hi = y.astype(np.float64)
    y -= s_hi
    g = np.exp(s_hi)
    d[rest] = g + g * y.astype(np.float64)
    return d


@flat_kernel
def _log_log_pair(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(f(x), f′(x)) sharing eˣ."""
    t = np.exp(np.minimum(x, 40.0))
    return _log_log_from(t), _log_log_slope(x, t)


register(
    Activation(
        key="log_log",
        name="Complementary log-log",
        family=Family.SIGMOIDAL,
        formula=Formula(latex=r"1 - e^{-e^{x}}", text="1 − exp(−exp(x))"),
        kernel=_log_log,
        derivative_kernel=_log_log_derivative,
        pair_kernel=_log_log_pair,
        rules=PropertyRules(output_range=(0.0, 1.0), saturating=True),
        description=Description(
            summary="The inverse of the complementary log-log link: an asymmetric sigmoid that "
            "rises slowly from 0 and approaches 1 very fast.",
            strengths=(
                "Asymmetric: suits probabilities of rare events",
                "Output in (0, 1) like the logistic sigmoid",
            ),
            weaknesses=(
                "Saturates on both sides, extremely fast (doubly exponentially) on the right",
                "Not zero-centred",
            ),
            usage="Output unit for binary outcomes with skewed probabilities; occasionally in "
            "hidden layers of small networks.",
            reference=Reference(
                "G. S. da S. Gomes, T. B. Ludermir, L. M. M. R. Lima",
                2011,
                "Comparison of new activation functions in neural network for forecasting "
                "financial time series",
                "Neural Computing and Applications 20",
            ),
        ),
    )
)


# -- symmetric_sigmoid --------------------------------------------------------------------------
@flat_kernel
def _symmetric_sigmoid(x: FloatArray) -> FloatArray:
    """f(x) = 2σ(x) − 1 = tanh(x/2); halving is exact, so no cancellation near 0."""
    # tanh(x/2) from e^{−|x|} = e^{−2|x/2|}, the exponential the derivative needs too.
    return tanh_from_exp(0.5 * x, exp_neg_abs(x))


def _symmetric_sigmoid_derivative(x: FloatArray) -> FloatArray:
    """f′(x) = 2σ(x)σ(−x) = ½ sech²(x/2)."""
    return 2.0 * sigmoid_derivative(x)


@flat_kernel
def _symmetric_sigmoid_pair(x: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(tanh(x/2), 2σ′(x)) sharing e^{−|x|}."""
    e = exp_neg_abs(x)
    return tanh_from_exp(0.5 * x, e), 2.0 * logistic_density_from_exp(e)


register(
    Activation(
        key="symmetric_sigmoid",
        name="Symmetric sigmoid",
        family=Family.SIGMOIDAL,
        formula=Formula(
            latex=r"2\sigma(x) - 1 = \tanh\left(\tfrac{x}{2}\right)",
            text="2σ(x) − 1 = tanh(x/2)",
        ),
        kernel=_symmetric_sigmoid,
        derivative_kernel=_symmetric_sigmoid_derivative,
        pair_kernel=_symmetric_sigmoid_pair,
        rules=PropertyRules(output_range=(-1.0, 1.0), zero_centred=True, saturating=True),
        description=Description(
            summary="The logistic sigmoid stretched to (−1, 1); identical to tanh(x/2) (the "
            "bipolar sigmoid of early neural-network texts).",
            strengths=(
                "Zero-centred version of the sigmoid",
                "Gentler slope (1/2 at the origin) than tanh",
            ),
            weaknesses=(
                "Saturates: vanishing gradients",
                "Just a rescaled tanh, so it adds nothing tanh cannot do",
            ),
            usage="Hidden or output units that need (−1, 1) in older MLP literature.",
            reference=Reference(
                "G. S. da S. Gomes, T. B. Ludermir, L. M. M. R. Lima",
                2011,
                "Comparison of new activation functions in neural network for forecasting "
                "financial time series",
                "Neural Computing and Applications 20",
            ),
        ),
    )
)


# -- tanhshrink ---------------------------------------------------------------------------------
_CF_DEPTH = 9  # levels of Lambert's continued fraction: 7 already reach 3 ulp for |x| ≤ 1


def _tanh_cf_tail(z: FloatArray) -> FloatArray:
    """K(z) = 3 + z/(5 + z/(7 + …)), z = x²: tanh x = x·K/(K + z) and x − tanh x = x³/(K + z).

    All terms are positive, so the fraction is evaluated without cancellation.
    """
    k = np.full_like(z, 2.0 * _CF_DEPTH + 3.0)
    for n in range(_CF_DEPTH, 0, -1):
        k = (2.0 * n + 1.0) + z / k
    return k


@flat_kernel
def _tanhshrink(x: FloatArray) -> FloatArray:
    """tanhshrink(x) = x − tanh(x).

    For |x| < 1 it is x³/(K + x²) from Lambert's continued fraction (x − tanh x ≈ x³/3 loses every
    digit otherwise); for |x| ≥ 1 it is sign(x)·((|x| − 1) + 2t/(1 + t)), t = e^{−2|x|}, a sum of
    two non-negative terms.
    """
    a = np.abs(x)
    return np.copysign(by_parts(a, a < 1.0, _tanhshrink_inner, _tanhshrink_outer), x)


def _tanhshrink_inner(a: FloatArray) -> FloatArray:
    # a³/(K + a²) for 0 ≤ a < 1.
    z = a * a
    return a * z / (_tanh_cf_tail(z) + z)


def _tanhshrink_outer(a: FloatArray) -> FloatArray:
    # (a − 1) + 2t/(1 + t), t = e^{−2a}, for a ≥ 1 or NaN; the clip keeps 2a finite.
    t = np.exp(-2.0 * np.minimum(a, 400.0))
    return (a - 1.0) + 2.0 * t / (1.0 + t)


def _tanhshrink_derivative(x: FloatArray) -> FloatArray:
    """tanhshrink′(x) = 1 − sech²(x) = tanh²(x)."""
    return np.square(np.tanh(x))


register(
    Activation(
        key="tanhshrink",
        name="Tanhshrink",
        family=Family.SHRINK,
        formula=Formula(latex=r"x - \tanh x", text="x − tanh(x)"),
        kernel=_tanhshrink,
        derivative_kernel=_tanhshrink_derivative,
        rules=PropertyRules(output_range=(-INF, INF), zero_centred=True),
        description=Description(
            summary="What is left of x after tanh: almost flat (≈ x³/3) near the origin, then "
            "x ∓ 1 for large |x|; a smooth shrinkage function.",
            strengths=(
                "Smooth shrinkage: small inputs are strongly damped, large ones pass shifted",
                "Zero-centred; the gradient tanh²(x) tends to 1 in the tails",
            ),
            weaknesses=(
                "Near-zero gradient around the origin slows learning from small inputs",
                "Rarely used as a hidden activation",
            ),
            usage="Sparse coding and denoising models (learned shrinkage, e.g. LISTA-style "
            "networks); available in PyTorch as nn.Tanhshrink.",
            reference=Reference(
                "K. Gregor, Y. LeCun",
                2010,
                "Learning Fast Approximations of Sparse Coding",
                "ICML",
            ),
        ),
    )
)
