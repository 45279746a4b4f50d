"""Vector activations: softmax, log-softmax, softmin and the gated linear unit.

They act on a whole vector (the last axis of an array), so a curve over x cannot describe them;
instead they have a Jacobian J[i, j] = ∂out_i/∂v_j. Every form here is stable: the maximum is
subtracted before exponentiating, v − max(v) is carried to double-double precision so that small
probabilities keep their relative accuracy, and log-softmax never takes log(softmax).

Limits: a row containing +inf shares the mass equally among its +inf entries; a row of only −inf
(no limit exists) and any row containing NaN give NaN.
"""

from __future__ import annotations

import numpy as np

from ..activation import (
    Description,
    FloatArray,
    Formula,
    ParamSpec,
    Reference,
    VectorActivation,
)
from ..registry import register
from ._numerics import sigmoid, sigmoid_derivative, two_prod, two_sum

_TEMPERATURE = ParamSpec(
    "temperature",
    1.0,
    0.05,
    20.0,
    "Divides the logits: below 1 sharpens towards one-hot, above 1 flattens towards uniform",
    log_scale=True,
)


def _vector_input(v: FloatArray) -> FloatArray:
    if v.ndim == 0:
        raise ValueError("a vector activation needs at least a 1-D input")
    return v


def _scaled_gaps(v: FloatArray, temperature: float) -> tuple[FloatArray, FloatArray, FloatArray]:
    """(d_hi, d_lo, is_top): (v − max v)/T as an unevaluated sum d_hi + d_lo, both ≤ 0.

    Rows with +inf entries become 0 there and −inf elsewhere (the limit); rows of only −inf
    become NaN. ``is_top`` marks, in each row, the one entry whose gap is exactly 0 (the first
    maximum), so its 1 can be taken out of the sum for log1p.
    """
    v = _vector_input(v)
    has_nan = np.any(np.isnan(v), axis=-1, keepdims=True)
    has_inf = np.any(v == np.inf, axis=-1, keepdims=True) & ~has_nan
    v = np.where(has_inf, np.where(v == np.inf, 0.0, -np.inf), v)
    all_neg_inf = np.all(v == -np.inf, axis=-1, keepdims=True)
    v = np.where(all_neg_inf | has_nan, np.nan, v)
    m = np.max(v, axis=-1, keepdims=True, initial=-np.inf)
    finite_m = np.where(np.isfinite(m), m, 0.0)
    # v − m below −1.8e308 rounds to −inf, the exact limit; its error term is then meaningless
    # (inf − inf) and replaced by 0 below.
    with np.errstate(over="ignore", invalid="ignore"):
        hi, lo = two_sum(v, np.broadcast_to(-finite_m, v.shape))
    # hi = fl(v − m) needs no correction below −1e5: exp underflows long before.
    far = hi < -1e5
    hi_c = np.where(far, -1e5, hi)
    lo = np.where(far | ~np.isfinite(lo), 0.0, lo)
    d_hi = hi_c / temperature
    p, e = two_prod(d_hi, np.full_like(d_hi, temperature))
    d_lo = ((hi_c - p) - e + lo) / temperature  # exact remainder of hi_c/T, plus lo/T
    with np.errstate(over="ignore"):  # a gap below −1.8e308·T is −inf in the limit
        d_hi = np.where(far, hi / temperature, d_hi)  # NaN stays NaN (far is False for NaN)
    top = np.zeros(v.shape, dtype=bool)
    if v.shape[-1]:
        first = np.argmax(d_hi, axis=-1)[..., None]
        np.put_along_axis(top, first, True, axis=-1)
    return d_hi, d_lo, top


def _exp_gaps(d_hi: FloatArray, d_lo: FloatArray) -> FloatArray:
    # exp(d_hi + d_lo) = exp(d_hi)·(1 + d_lo) to double precision, |d_lo| ≤ ulp(d_hi).
    e = np.exp(d_hi)
    return e + e * d_lo


def _softmax(v: FloatArray, temperature: float) -> FloatArray:
    """softmax(v)_i = exp(v_i/T) / Σ_j exp(v_j/T), computed with the maximum subtracted."""
    d_hi, d_lo, top = _scaled_gaps(v, temperature)
    e = _exp_gaps(d_hi, d_lo)
    rest = np.sum(np.where(top, 0.0, e), axis=-1, keepdims=True)  # Σ without the leading 1
    return e / (1.0 + rest)  # type: ignore[no-any-return]


def _log_softmax(v: FloatArray, temperature: float) -> FloatArray:
    """log_softmax(v)_i = v_i/T − logsumexp(v/T) = d_i − log1p(Σ_{j≠top} e^{d_j}), d = (v − max)/T.

    Never log(softmax): the top entry's value −log1p(rest) keeps full relative accuracy even
    when rest is tiny.
    """
    d_hi, d_lo, top = _scaled_gaps(v, temperature)
    e = _exp_gaps(d_hi, d_lo)
    rest = np.sum(np.where(top, 0.0, e), axis=-1, keepdims=True)
    return d_hi + (d_lo - np.log1p(rest))  # type: ignore[no-any-return]


def _softmin(v: FloatArray, temperature: float) -> FloatArray:
    """softmin(v) = softmax(−v)."""
    return _softmax(-_vector_input(v), temperature)


def _softmax_jacobian(v: FloatArray, temperature: float) -> FloatArray:
    """J = (diag(p) − p pᵀ)/T with p = softmax(v)."""
    p = _softmax(v, temperature)
    return (np.diag(p) - np.outer(p, p)) / temperature


def _log_softmax_jacobian(v: FloatArray, temperature: float) -> FloatArray:
    """J[i, j] = (δ_ij − p_j)/T with p = softmax(v)."""
    p = _softmax(v, temperature)
    return (np.eye(p.size) - p[None, :]) / temperature


def _softmin_jacobian(v: FloatArray, temperature: float) -> FloatArray:
    """J = −(diag(p) − p pᵀ)/T with p = softmin(v)."""
    return -_softmax_jacobian(-v, temperature)


def _glu_halves(v: FloatArray) -> tuple[FloatArray, FloatArray]:
    v = _vector_input(v)
    n = v.shape[-1]
    if n % 2:
        raise ValueError(f"glu splits the last axis in two halves; its length {n} is odd")
    return v[..., : n // 2], v[..., n // 2 :]


def _glu(v: FloatArray) -> FloatArray:
    """GLU([a, b]) = a ⊗ σ(b), the last axis split into halves a (values) and b (gates)."""
    a, b = _glu_halves(v)
    with np.errstate(invalid="ignore"):  # ±inf·0 (a = ±inf, b = −inf) has no limit: NaN
        return a * sigmoid(b)


def _glu_jacobian(v: FloatArray) -> FloatArray:
    """J = [diag(σ(b)) | diag(a ⊗ σ′(b))], of shape (n/2, n)."""
    a, b = _glu_halves(v)
    k = a.size
    jac = np.zeros((k, 2 * k))
    idx = np.arange(k)
    jac[idx, idx] = sigmoid(b)
    with np.errstate(invalid="ignore"):
        jac[idx, k + idx] = a * sigmoid_derivative(b)
    return jac


register(
    VectorActivation(
        key="softmax",
        name="Softmax",
        formula=Formula(
            latex=r"\mathrm{softmax}(v)_i = \frac{e^{v_i/T}}{\sum_j e^{v_j/T}}",
            text="softmax(v)_i = exp(v_i/T) / Σ_j exp(v_j/T)",
        ),
        kernel=_softmax,
        jacobian_kernel=_softmax_jacobian,
        params=(_TEMPERATURE,),
        description=Description(
            summary="Turns a vector of scores (logits) into a probability distribution: positive "
            "entries that sum to 1, the largest score getting the largest share.",
            strengths=(
                "Differentiable generalisation of argmax; pairs with cross-entropy into a "
                "simple gradient p − y",
                "Invariant to adding a constant to every logit",
                "Temperature tunes confidence (distillation, sampling)",
            ),
            weaknesses=(
                "Saturates when one logit dominates: gradients to the others vanish",
                "The textbook form overflows for large logits (subtract the maximum)",
                "Cost grows with the number of classes",
            ),
            usage="Output layer of multi-class classifiers and the attention weights of "
            "transformers.",
            reference=Reference(
                "J. S. Bridle",
                1990,
                "Probabilistic Interpretation of Feedforward Classification Network Outputs, "
                "with Relationships to Statistical Pattern Recognition",
                "Neurocomputing, NATO ASI Series F68, Springer",
            ),
        ),
    )
)

register(
    VectorActivation(
        key="log_softmax",
        name="LogSoftmax",
        formula=Formula(
            latex=r"\frac{v_i}{T} - \log\sum_j e^{v_j/T}",
            text="v_i/T − log Σ_j exp(v_j/T)",
        ),
        kernel=_log_softmax,
        jacobian_kernel=_log_softmax_jacobian,
        params=(_TEMPERATURE,),
        description=Description(
            summary="The logarithm of softmax, computed as logits minus their log-sum-exp: "
            "log-probabilities that stay finite where log(softmax(v)) gives −inf.",
            strengths=(
                "Numerically stable log-likelihoods for very confident predictions",
                "With the negative log-likelihood loss it equals softmax cross-entropy",
            ),
            weaknesses=(
                "Outputs are log-probabilities (≤ 0), not probabilities",
                "Same vanishing gradients as softmax when one logit dominates",
            ),
            usage="Final layer before an NLL loss (PyTorch's LogSoftmax + NLLLoss), and "
            "language-model decoding.",
            reference=Reference(
                "J. S. Bridle",
                1990,
                "Probabilistic Interpretation of Feedforward Classification Network Outputs, "
                "with Relationships to Statistical Pattern Recognition",
                "Neurocomputing, NATO ASI Series F68, Springer",
            ),
        ),
    )
)

register(
    VectorActivation(
        key="softmin",
        name="Softmin",
        formula=Formula(
            latex=r"\mathrm{softmin}(v)_i = \frac{e^{-v_i/T}}{\sum_j e^{-v_j/T}}",
            text="softmin(v)_i = exp(−v_i/T) / Σ_j exp(−v_j/T)",
        ),
        kernel=_softmin,
        jacobian_kernel=_softmin_jacobian,
        params=(_TEMPERATURE,),
        description=Description(
            summary="Softmax of the negated vector: a distribution that favours the smallest "
            "entries, e.g. turning distances or costs into weights.",
            strengths=(
                "Differentiable soft arg-min",
                "Same stability and invariance to shifts as softmax",
            ),
            weaknesses=(
                "Saturates like softmax when one entry is much smaller than the rest",
                "Rarely needed: softmax(−v) says the same",
            ),
            usage="Weighting by distance or cost (soft nearest neighbours, soft-DTW-style "
            "relaxations); PyTorch's nn.Softmin.",
            reference=Reference(
                "J. S. Bridle",
                1990,
                "Probabilistic Interpretation of Feedforward Classification Network Outputs, "
                "with Relationships to Statistical Pattern Recognition",
                "Neurocomputing, NATO ASI Series F68, Springer",
            ),
        ),
    )
)

register(
    VectorActivation(
        key="glu",
        name="GLU",
        formula=Formula(
            latex=r"\mathrm{GLU}(a, b) = a \otimes \sigma(b)",
            text="GLU([a, b]) = a ⊗ σ(b), a and b the two halves of the input",
        ),
        kernel=_glu,
        jacobian_kernel=_glu_jacobian,
        description=Description(
            summary="Gated linear unit: splits the input in two halves and lets the sigmoid of "
            "the second half gate the first, halving the width.",
            strengths=(
                "A linear path (a) keeps gradients flowing while σ(b) learns what to pass",
                "Its variants (SwiGLU, GeGLU) are the feed-forward blocks of modern LLMs",
            ),
            weaknesses=(
                "Needs twice the inputs for the same output width (more parameters)",
                "The input length must be even",
            ),
            usage="Gated convolutional language models, and (as SwiGLU/GeGLU) transformer "
            "feed-forward layers.",
            reference=Reference(
                "Y. N. Dauphin, A. Fan, M. Auli, D. Grangier",
                2017,
                "Language Modeling with Gated Convolutional Networks",
                "ICML",
            ),
        ),
        output_size=lambda n: n // 2,
    )
)
