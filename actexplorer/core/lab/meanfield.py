"""Mean-field theory of signal propagation in wide random networks (the edge of chaos).

For a layer h_{l+1} = W x_l + b with W_ij ~ N(0, σ_w²/N) and b_i ~ N(0, σ_b²), the pre-activation
variance per unit follows the variance map q_{l+1} = σ_w² E[φ(√q_l z)²] + σ_b² (z ~ N(0, 1)), and a
small perturbation grows per layer by χ = σ_w² E[φ′(√q* z)²] at the fixed point q*. χ < 1 is the
ordered phase (inputs collapse together, gradients vanish), χ > 1 the chaotic one (nearby inputs
fly apart, gradients explode), χ = 1 the edge of chaos (Poole et al. 2016; Schoenholz et al. 2017).

Gaussian expectations are quadratures against the normal density. Gauss–Hermite is the textbook
rule but it converges only like 1/n when the integrand has a kink: with 101 nodes it is 15 % off
for E[φ′²] of softsign, whose derivative has a cusp at 0. So the real line is always cut at the
origin (where |x|, max(0, x) and their relatives are not smooth, declared or not) and at the
catalog's kinks and jumps (mapped to z = kink/√q), and each piece is integrated by Gauss–Legendre
against the density on [-Z_MAX, Z_MAX] (with extra cuts at x = ±1, ±4). This is as accurate
as Gauss–Hermite for smooth functions and exact to ~1e-13 for piecewise-smooth ones; pieces of
zero length contribute nothing, which keeps the computation vectorised over many q at once.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from ..activation import Activation, FloatArray, ParamValue
from ._checks import check_float, check_int, scalar_activation

#: Nodes of :func:`standard_normal_rule`.
HERMITE_NODES = 101
#: Gauss–Legendre nodes per piece of the real line.
LEGENDRE_NODES = 32
#: The normal density is below 1e-22 beyond this many standard deviations.
Z_MAX = 10.0
#: A variance above this is reported as divergent (the map runs away).
Q_DIVERGED = 1e12

_PairFn = Callable[[FloatArray], tuple[FloatArray, FloatArray]]


@lru_cache(maxsize=8)
def _hermite(n: int) -> tuple[FloatArray, FloatArray]:
    nodes, weights = np.polynomial.hermite_e.hermegauss(n)
    return nodes, weights / math.sqrt(2.0 * math.pi)


@lru_cache(maxsize=8)
def _legendre(n: int) -> tuple[FloatArray, FloatArray]:
    return np.polynomial.legendre.leggauss(n)


def standard_normal_rule(n: int = HERMITE_NODES) -> tuple[FloatArray, FloatArray]:
    """Nodes z_i and weights w_i with Σ w_i g(z_i) ≈ E[g(z)], z ~ N(0, 1) (Gauss–Hermite)."""
    check_int("n", n, 2, 1000)
    nodes, weights = _hermite(n)
    return nodes.copy(), weights.copy()


def _pair_fn(act: Activation, resolved: Mapping[str, ParamValue]) -> _PairFn:
    """(φ, φ′) with parameters already resolved, sharing work where the catalog can."""
    pair = act.pair_kernel
    if pair is not None:
        return lambda x: pair(x, **resolved)
    kernel, derivative = act.kernel, act.derivative_kernel
    return lambda x: (kernel(x, **resolved), derivative(x, **resolved))


def _breakpoints(act: Activation, resolved: Mapping[str, ParamValue]) -> FloatArray:
    # Cuts at ±1 and ±4 also grade the pieces near the origin when q is large, where most
    # functions turn over within a few units of x, i.e. within a sliver of z.
    points = {0.0, -1.0, 1.0, -4.0, 4.0, *act.breakpoints(resolved), *act.discontinuities(resolved)}
    return np.array(sorted(p for p in points if math.isfinite(p)), dtype=np.float64)


def _rule_for(sqrt_q: FloatArray, kinks: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Points x = √q·z and weights (shape q.shape + (nodes,)) for E[g(√q z)]."""
    with np.errstate(divide="ignore", invalid="ignore"):
        cuts = kinks / sqrt_q[..., None]
    # q = 0 puts every point at x = 0: any finite cut will do.
    cuts = np.clip(np.nan_to_num(cuts, nan=0.0), -Z_MAX, Z_MAX)
    lo = np.full((*sqrt_q.shape, 1), -Z_MAX)
    hi = np.full((*sqrt_q.shape, 1), Z_MAX)
    edges = np.concatenate([lo, cuts, hi], axis=-1)  # kinks are sorted, so edges are too
    a, b = edges[..., :-1, None], edges[..., 1:, None]
    t, tw = _legendre(LEGENDRE_NODES)
    half = 0.5 * (b - a)
    z = 0.5 * (a + b) + half * t
    w = half * tw * np.exp(-0.5 * z * z) / math.sqrt(2.0 * math.pi)
    shape = (*sqrt_q.shape, z.shape[-2] * z.shape[-1])
    return (sqrt_q[..., None, None] * z).reshape(shape), w.reshape(shape)


def _moments(pair: _PairFn, kinks: FloatArray, q: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(E[φ(√q z)²], E[φ′(√q z)²]) for every q, vectorised."""
    x, w = _rule_for(np.sqrt(q), kinks)
    with np.errstate(over="ignore", invalid="ignore"):
        f, d = pair(x)
        return np.sum(w * (f * f), axis=-1), np.sum(w * (d * d), axis=-1)


def gaussian_moments(
    activation: str | Activation, q: npt.ArrayLike, params: Mapping[str, object] | None = None
) -> tuple[FloatArray, FloatArray]:
    """(E[φ(√q z)²], E[φ′(√q z)²]) with z ~ N(0, 1), for an array of variances q ≥ 0."""
    act = scalar_activation(activation)
    resolved = act.resolve(params)
    qa = np.asarray(q, dtype=np.float64)
    if np.any(~np.isfinite(qa)) or np.any(qa < 0):
        raise ValueError("q must be finite and non-negative")
    return _moments(_pair_fn(act, resolved), _breakpoints(act, resolved), qa)


def gaussian_mean(
    activation: str | Activation, q: npt.ArrayLike, params: Mapping[str, object] | None = None
) -> FloatArray:
    """E[φ(√q z)], z ~ N(0, 1): the mean activation of a layer of pre-activation variance q."""
    act = scalar_activation(activation)
    resolved = act.resolve(params)
    qa = np.asarray(q, dtype=np.float64)
    x, w = _rule_for(np.sqrt(qa), _breakpoints(act, resolved))
    mean: FloatArray = np.sum(w * act.kernel(x, **resolved), axis=-1)
    return mean


def variance_gain(
    activation: str | Activation, params: Mapping[str, object] | None = None
) -> float:
    """The gain that preserves the second moment at unit variance: 1/√E[φ(z)²]."""
    second, _ = gaussian_moments(activation, 1.0, params)
    value = float(second)
    if not value > 0:
        raise ValueError("activation: E[φ(z)²] is zero, no variance-preserving gain exists")
    return 1.0 / math.sqrt(value)


class FixedPointStatus(str, enum.Enum):
    """How the iteration of the variance map ended."""

    CONVERGED = "converged"
    DIVERGED = "diverged"  # q grows without bound (unbounded φ, large σ_w or σ_b)
    NOT_CONVERGED = "not converged"  # still moving after the iteration budget (near criticality)


@dataclass(frozen=True, slots=True)
class FixedPoint:
    """The fixed point q* of the variance map and the slope χ there."""

    sigma_w: float
    sigma_b: float
    q_star: float
    chi: float
    status: FixedPointStatus
    iterations: int

    @property
    def phase(self) -> str:
        """'ordered' (χ < 1), 'chaotic' (χ > 1) or 'critical'."""
        return _phase_name(self.chi)


def _phase_name(chi: float) -> str:
    if abs(chi - 1.0) < 1e-9:
        return "critical"
    return "ordered" if chi < 1.0 else "chaotic"


def _solve(
    pair: _PairFn,
    kinks: FloatArray,
    sw2: FloatArray,
    sb2: FloatArray,
    q0: float,
    max_iter: int,
    rtol: float,
    atol: float,
) -> tuple[FloatArray, FloatArray, npt.NDArray[np.int8], int]:
    """Vectorised fixed points of q ↦ σ_w²E[φ(√q z)²] + σ_b²: (q*, χ, status code, iterations).

    Plain iteration converges only linearly (slowly near χ = 1), so every third step is an
    Aitken extrapolation, accepted only when it lands on a non-negative q with a smaller residual.
    Status codes: 0 converged, 1 diverged, 2 not converged.
    """
    shape = np.broadcast(sw2, sb2).shape
    sw2 = np.broadcast_to(sw2, shape).ravel()
    sb2 = np.broadcast_to(sb2, shape).ravel()
    q = np.full(sw2.shape, float(q0))
    status = np.full(sw2.shape, 2, dtype=np.int8)
    active = np.arange(q.size)
    history: list[FloatArray] = []
    iterations = 0

    def vmap(idx: npt.NDArray[np.intp], qq: FloatArray) -> FloatArray:
        second, _ = _moments(pair, kinks, qq)
        return sw2[idx] * second + sb2[idx]

    while active.size and iterations < max_iter:
        iterations += 1
        qa = q[active]
        new = vmap(active, qa)
        residual = np.abs(new - qa)
        done = np.isfinite(new) & (residual <= atol + rtol * np.abs(new))
        diverged = ~np.isfinite(new) | (new > Q_DIVERGED)
        q[active] = np.where(diverged, np.inf, new)
        status[active[done & ~diverged]] = 0
        status[active[diverged]] = 1
        history.append(qa)
        if len(history) == 2:
            # Aitken's Δ² from q_{n-2}, q_{n-1}, q_n, then check it against the plain step.
            q2, q1, qn = history[0], history[1], new
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                denom = qn - 2.0 * q1 + q2
                acc = qn - (qn - q1) ** 2 / denom
            ok = np.isfinite(acc) & (acc >= 0) & ~done & ~diverged
            if np.any(ok):
                idx = active[ok]
                trial = acc[ok]
                better = np.abs(vmap(idx, trial) - trial) < residual[ok]
                q[idx[better]] = trial[better]
            history = []
        keep = ~(done | diverged)
        if not np.all(keep):
            active = active[keep]
            history = []
    chi_q = np.where(np.isinf(q), Q_DIVERGED, q)
    second_d = _moments(pair, kinks, chi_q)[1]
    chi: FloatArray = (sw2 * second_d).reshape(shape)
    return q.reshape(shape), chi, status.reshape(shape), iterations


def _sigma(name: str, value: float) -> float:
    return check_float(name, value, 0.0, 1e3)


def fixed_point(
    activation: str | Activation,
    sigma_w: float,
    sigma_b: float,
    params: Mapping[str, object] | None = None,
    *,
    q0: float = 1.0,
    max_iter: int = 2000,
    rtol: float = 1e-12,
    atol: float = 1e-15,
) -> FixedPoint:
    """q* = σ_w² E[φ(√q* z)²] + σ_b² found by (accelerated) iteration from q0, and χ at q*.

    χ = σ_w² E[φ′(√q* z)²]. When the map diverges, q* is ∞ and χ is its large-q limit.
    """
    sw = _sigma("sigma_w", sigma_w)
    sb = _sigma("sigma_b", sigma_b)
    check_float("q0", q0, 0.0, Q_DIVERGED)
    check_int("max_iter", max_iter, 1, 10**6)
    act = scalar_activation(activation)
    resolved = act.resolve(params)
    q, chi, status, iterations = _solve(
        _pair_fn(act, resolved),
        _breakpoints(act, resolved),
        np.asarray(sw * sw),
        np.asarray(sb * sb),
        q0,
        max_iter,
        rtol,
        atol,
    )
    return FixedPoint(
        sigma_w=sw,
        sigma_b=sb,
        q_star=float(q),
        chi=float(chi),
        status=_STATUS[int(status)],
        iterations=iterations,
    )


_STATUS = (FixedPointStatus.CONVERGED, FixedPointStatus.DIVERGED, FixedPointStatus.NOT_CONVERGED)


def variance_map(
    activation: str | Activation,
    q: npt.ArrayLike,
    sigma_w: float,
    sigma_b: float,
    params: Mapping[str, object] | None = None,
) -> FloatArray:
    """One step of the variance map: q ↦ σ_w² E[φ(√q z)²] + σ_b²."""
    sw = _sigma("sigma_w", sigma_w)
    sb = _sigma("sigma_b", sigma_b)
    second, _ = gaussian_moments(activation, q, params)
    return sw * sw * second + sb * sb


def chi(
    activation: str | Activation,
    q: npt.ArrayLike,
    sigma_w: float,
    params: Mapping[str, object] | None = None,
) -> FloatArray:
    """χ(q) = σ_w² E[φ′(√q z)²]: the per-layer growth of perturbations and squared gradients."""
    sw = _sigma("sigma_w", sigma_w)
    _, second_d = gaussian_moments(activation, q, params)
    return sw * sw * second_d


@dataclass(frozen=True, slots=True)
class MeanFieldTrajectory:
    """Predicted per-layer quantities for layers 1..depth of a random network.

    ``q[l]`` is the pre-activation variance per unit of layer l+1, ``post_mean`` and
    ``post_second_moment`` the mean and E[x²] of its activations, ``gradient_variance`` the
    variance of ∂L/∂h of that layer relative to the last layer's (which is 1).
    """

    q: FloatArray
    post_mean: FloatArray
    post_second_moment: FloatArray
    gradient_variance: FloatArray

    @property
    def post_std(self) -> FloatArray:
        """Predicted std of the activations: √(E[x²] − E[x]²)."""
        return np.sqrt(np.maximum(self.post_second_moment - self.post_mean**2, 0.0))


def trajectory(
    activation: str | Activation,
    q1: float,
    depth: int,
    sigma_w: float,
    sigma_b: float,
    params: Mapping[str, object] | None = None,
) -> MeanFieldTrajectory:
    """Iterate q_{l+1} = σ_w² E[φ(√q_l z)²] + σ_b² from q_1 for ``depth`` layers.

    Gradients run backwards from a unit-variance gradient at the output:
    Var(δ_L) = E[φ′(√q_L z)²] and Var(δ_l) = Var(δ_{l+1}) · σ_w² E[φ′(√q_l z)²].
    """
    sw = _sigma("sigma_w", sigma_w)
    sb = _sigma("sigma_b", sigma_b)
    check_int("depth", depth, 1, 10_000)
    q_first = check_float("q1", q1, 0.0, math.inf)
    act = scalar_activation(activation)
    resolved = act.resolve(params)
    pair, kinks = _pair_fn(act, resolved), _breakpoints(act, resolved)
    q = np.empty(depth)
    second = np.empty(depth)
    dsecond = np.empty(depth)
    current = q_first
    for layer in range(depth):
        q[layer] = current
        s, d = _moments(pair, kinks, np.asarray(min(current, Q_DIVERGED)))
        second[layer], dsecond[layer] = float(s), float(d)
        current = sw * sw * second[layer] + sb * sb
        if not math.isfinite(current):
            current = math.inf
    x, w = _rule_for(np.sqrt(np.minimum(q, Q_DIVERGED)), kinks)
    with np.errstate(over="ignore", invalid="ignore"):
        mean = np.sum(w * act.kernel(x, **resolved), axis=-1)
    # δ_l = (W_{l+1}ᵀ δ_{l+1}) ⊙ φ′(h_l): each step back multiplies the variance by
    # σ_w² (from W) and E[φ′(h_l)²] (from the layer's own derivative); δ_L = g ⊙ φ′(h_L).
    grad = np.empty(depth)
    grad[-1] = dsecond[-1]
    for layer in range(depth - 2, -1, -1):
        grad[layer] = grad[layer + 1] * sw * sw * dsecond[layer]
    return MeanFieldTrajectory(
        q=q, post_mean=mean, post_second_moment=second, gradient_variance=grad
    )


@dataclass(frozen=True, slots=True)
class PhaseDiagram:
    """q* and χ on a grid: rows follow ``sigma_b``, columns ``sigma_w``.

    ``status`` holds 0 (converged), 1 (diverged) or 2 (not converged) per cell.
    """

    sigma_w: FloatArray
    sigma_b: FloatArray
    q_star: FloatArray
    chi: FloatArray
    status: npt.NDArray[np.int8]

    @property
    def chaotic(self) -> npt.NDArray[np.bool_]:
        """True where χ > 1."""
        return self.chi > 1.0

    @property
    def log_chi(self) -> FloatArray:
        """ln χ: negative in the ordered phase, positive in the chaotic one (for a colour map)."""
        with np.errstate(divide="ignore"):
            return np.log(self.chi)


def _grid_axis(name: str, values: npt.ArrayLike) -> FloatArray:
    axis = np.asarray(values, dtype=np.float64)
    if axis.ndim != 1 or axis.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D sequence")
    if axis.size > 2000:
        raise ValueError(f"{name} has {axis.size} values; at most 2000 are allowed")
    if np.any(~np.isfinite(axis)) or np.any(axis < 0):
        raise ValueError(f"{name} must hold finite, non-negative numbers")
    return axis


def phase_diagram(
    activation: str | Activation,
    sigma_w: npt.ArrayLike,
    sigma_b: npt.ArrayLike,
    params: Mapping[str, object] | None = None,
    *,
    max_iter: int = 500,
) -> PhaseDiagram:
    """χ(σ_w, σ_b) = σ_w² E[φ′(√q* z)²] at the fixed point q*, on the grid sigma_b × sigma_w."""
    sw = _grid_axis("sigma_w", sigma_w)
    sb = _grid_axis("sigma_b", sigma_b)
    check_int("max_iter", max_iter, 1, 10**6)
    act = scalar_activation(activation)
    resolved = act.resolve(params)
    q, chi_grid, status, _ = _solve(
        _pair_fn(act, resolved),
        _breakpoints(act, resolved),
        (sw * sw)[None, :],
        (sb * sb)[:, None],
        1.0,
        max_iter,
        1e-10,
        1e-14,
    )
    return PhaseDiagram(sigma_w=sw, sigma_b=sb, q_star=q, chi=chi_grid, status=status)


@dataclass(frozen=True, slots=True)
class CriticalLine:
    """For each σ_b, the σ_w where χ crosses 1 (NaN where it does not cross in the range)."""

    sigma_b: FloatArray
    sigma_w: FloatArray


def critical_line(
    activation: str | Activation,
    sigma_b: npt.ArrayLike,
    params: Mapping[str, object] | None = None,
    *,
    sigma_w_range: tuple[float, float] = (0.05, 5.0),
    scan: int = 64,
    xtol: float = 1e-7,
) -> CriticalLine:
    """Per σ_b, the smallest σ_w in the range with χ(σ_w, σ_b) = 1 (scan, then bisection)."""
    sb = _grid_axis("sigma_b", sigma_b)
    lo = check_float("sigma_w_range[0]", sigma_w_range[0], 0.0, 1e3, open_lo=True)
    hi = check_float("sigma_w_range[1]", sigma_w_range[1], lo, 1e3)
    check_int("scan", scan, 2, 10_000)
    act = scalar_activation(activation)
    resolved = act.resolve(params)
    pair, kinks = _pair_fn(act, resolved), _breakpoints(act, resolved)

    def excess(sw: FloatArray, sbb: FloatArray) -> FloatArray:
        _, c, _, _ = _solve(pair, kinks, sw * sw, sbb * sbb, 1.0, 2000, 1e-12, 1e-15)
        return c - 1.0

    grid = np.linspace(lo, hi, scan)
    values = excess(grid[None, :], sb[:, None])  # (n_b, scan)
    crossing = (values[:, :-1] < 0) & (values[:, 1:] >= 0)
    has = crossing.any(axis=1)
    first = np.argmax(crossing, axis=1)
    a = grid[first].copy()
    b = grid[np.minimum(first + 1, scan - 1)].copy()
    rows = np.flatnonzero(has)
    while rows.size and np.max(b[rows] - a[rows]) > xtol:
        mid = 0.5 * (a[rows] + b[rows])
        up = excess(mid, sb[rows]) >= 0
        b[rows[up]] = mid[up]
        a[rows[~up]] = mid[~up]
    result = np.where(has, 0.5 * (a + b), np.nan)
    return CriticalLine(sigma_b=sb, sigma_w=result)
