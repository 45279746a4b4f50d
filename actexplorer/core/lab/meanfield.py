"""Mean-field theory of signal propagation in wide random networks (the edge of chaos).

For a layer h_{l+1} = W x_l + b with W_ij ~ N(0, σ_w²/N) and b_i ~ N(0, σ_b²), the pre-activation
variance per unit follows the variance map q_{l+1} = σ_w² E[φ(√q_l z)²] + σ_b² (z ~ N(0, 1)), and a
small perturbation grows per layer by χ = σ_w² E[φ′(√q* z)²] at the fixed point q*. χ < 1 is the
ordered phase (inputs collapse together, gradients vanish), χ > 1 the chaotic one (nearby inputs
fly apart, gradients explode), χ = 1 the edge of chaos (Poole et al. 2016; Schoenholz et al. 2017).

q* is the fixed point the iteration reaches from q₀ = 1 (the stable one a deep network's layers
settle at), and the two ends of the q axis follow one convention everywhere in this module:

* q → 0. With σ_b = 0 and φ(0) = 0, q = 0 is always a fixed point; the iteration tends to it
  where it is stable but no layer ever has q = 0 exactly. So every expectation at q = 0 is the
  limit q → 0⁺: E[φ′(√q z)²] → (φ′(0⁻)² + φ′(0⁺)²)/2, which for ReLU is 1/2 as at every q > 0
  (χ = σ_w²/2 everywhere), not φ′(0)² = 0, the value a kink's convention happens to pick.
* q → ∞. Where the map runs away there is no finite fixed point: q* is ∞ and χ is the limit of
  σ_w² E[φ′(√q z)²] as q → ∞, evaluated at q = Q_DIVERGED. The layers of such a network sit at
  ever larger q, so their per-layer growth tends to that limit, whereas "the last finite iterate"
  would depend on the iteration budget. It is exact for piecewise-linear functions (ReLU: σ_w²/2)
  and within O(Q_DIVERGED^-1/2) = 1e-6 of the limit for smooth ones.

Gaussian expectations are quadratures against the normal density. Gauss–Hermite is the textbook
rule but it converges only like 1/n when the integrand has a kink: with 101 nodes it is 15 % off
for E[φ′²] of softsign, whose derivative has a cusp at 0. So the real line is always cut at the
origin (where |x|, max(0, x) and their relatives are not smooth, declared or not) and at the
catalog's kinks and jumps (mapped to z = kink/√q), and each piece is integrated by Gauss–Legendre
against the density on [-Z_MAX, Z_MAX] (with extra cuts at x = ±1, ±4). This is as accurate
as Gauss–Hermite for smooth functions and exact to ~1e-13 for piecewise-smooth ones; pieces of
zero length contribute nothing, which keeps the computation vectorised over many q at once.

A grid of (σ_w, σ_b) needs the moments at thousands of q per iteration, so the phase diagram and
the critical line integrate once per function and parameters, on a grid of ln q spaced
TABLE_STEP from Q_TABLE_MIN to Q_DIVERGED, the moments and their exact slopes in ln q, and
interpolate by cubic Hermite polynomials in ln q (~1e-9 relative against the quadrature). The
same table tells, for every cell at once, where the iteration from q₀ lands or that it runs
away (:meth:`_Table.start`), and Newton steps finish the job: no cell creeps for thousands of
steps near a fold or the edge of chaos. :func:`fixed_point` uses the same table, so it agrees
with the diagram on every cell's status, then polishes q* and χ by quadrature.
"""

from __future__ import annotations

import dataclasses
import enum
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

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
#: Expectations at q = 0 are taken here: the limit q → 0⁺ to far below any rounding.
Q_AT_ZERO = 1e-200
#: The table of moments covers [Q_TABLE_MIN, Q_DIVERGED]; below it they are linear in q.
Q_TABLE_MIN = 1e-20
#: Spacing of the table in ln q; cubic Hermite error ~ TABLE_STEP⁴/384 relative.
TABLE_STEP = 0.03
#: (rtol, atol) of the fixed points on the table, shared by the diagram and the critical line so
#: that both classify a cell alike. Tighter would be below the table's accuracy: at a fold the
#: residual would stall at ~1e-11 q and the iteration creep on for its whole budget.
_GRID_TOL = (1e-10, 1e-14)

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


def _rule_for(sqrt_q: FloatArray, kinks: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Points x = √q·z, weights and z (each of shape q.shape + (nodes,)) for E[g(√q z)].

    q = 0 is taken as Q_AT_ZERO: every expectation there is the limit q → 0⁺ (module docstring).
    """
    sqrt_q = np.where(sqrt_q > 0, sqrt_q, math.sqrt(Q_AT_ZERO))
    with np.errstate(over="ignore"):
        cuts = kinks / sqrt_q[..., None]
    cuts = np.clip(cuts, -Z_MAX, Z_MAX)
    lo = np.full((*sqrt_q.shape, 1), -Z_MAX)
    hi = np.full((*sqrt_q.shape, 1), Z_MAX)
    edges = np.concatenate([lo, cuts, hi], axis=-1)  # kinks are sorted, so edges are too
    a, b = edges[..., :-1, None], edges[..., 1:, None]
    t, tw = _legendre(LEGENDRE_NODES)
    half = 0.5 * (b - a)
    z = 0.5 * (a + b) + half * t
    w = half * tw * np.exp(-0.5 * z * z) / math.sqrt(2.0 * math.pi)
    shape = (*sqrt_q.shape, z.shape[-2] * z.shape[-1])
    z = z.reshape(shape)
    return sqrt_q[..., None] * z, w.reshape(shape), z


def _moment_sums(
    pair: _PairFn, kinks: FloatArray, q: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """E[φ²], E[φ′²] at √q z and their slopes in ln q, vectorised over q.

    d/d ln q E[g(√q z)] = ½ E[g(√q z)(z² − 1)]: the derivative of the normal density in its
    variance, so it holds for kinks and jumps too and needs no derivative of g.
    """
    x, w, z = _rule_for(np.sqrt(q), kinks)
    with np.errstate(over="ignore", invalid="ignore"):
        f, d = pair(x)
        f2, d2 = w * (f * f), w * (d * d)
        tilt = 0.5 * (z * z - 1.0)
        return (
            np.sum(f2, axis=-1),
            np.sum(d2, axis=-1),
            np.sum(f2 * tilt, axis=-1),
            np.sum(d2 * tilt, axis=-1),
        )


def _moments(pair: _PairFn, kinks: FloatArray, q: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(E[φ(√q z)²], E[φ′(√q z)²]) for every q, vectorised."""
    x, w, _ = _rule_for(np.sqrt(q), kinks)
    with np.errstate(over="ignore", invalid="ignore"):
        f, d = pair(x)
        return np.sum(w * (f * f), axis=-1), np.sum(w * (d * d), axis=-1)


def gaussian_moments(
    activation: str | Activation, q: npt.ArrayLike, params: Mapping[str, object] | None = None
) -> tuple[FloatArray, FloatArray]:
    """(E[φ(√q z)²], E[φ′(√q z)²]) with z ~ N(0, 1), for an array of variances q ≥ 0.

    At q = 0 both are limits q → 0⁺: E[φ′²] → (φ′(0⁻)² + φ′(0⁺)²)/2 (1/2 for ReLU).
    """
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
    x, w, _ = _rule_for(np.sqrt(qa), _breakpoints(act, resolved))
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


# -- the two ways of getting the moments: quadrature per q, or a table per function ---------------


class _Moments(Protocol):
    def second(self, q: FloatArray) -> tuple[FloatArray, FloatArray]:
        """(E[φ(√q z)²], its derivative in q)."""

    def dsecond(self, q: FloatArray) -> FloatArray:
        """E[φ′(√q z)²]."""

    def start(
        self, sw2: FloatArray, sb2: FloatArray, q0: float
    ) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
        """A point the iteration from q0 passes on its way, and where it runs away for sure."""


@dataclass(frozen=True, slots=True)
class _Quadrature:
    """Moments by quadrature at each q: exact, for a handful of points."""

    pair: _PairFn
    kinks: FloatArray

    def second(self, q: FloatArray) -> tuple[FloatArray, FloatArray]:
        e, _, e_u, _ = _moment_sums(self.pair, self.kinks, q)
        return e, e_u / np.where(q > 0, q, Q_AT_ZERO)

    def dsecond(self, q: FloatArray) -> FloatArray:
        return _moments(self.pair, self.kinks, q)[1]

    def start(
        self, sw2: FloatArray, sb2: FloatArray, q0: float
    ) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
        return np.full(sw2.shape, q0), np.zeros(sw2.shape, dtype=bool)


@dataclass(frozen=True, slots=True)
class _Curve:
    """A moment as a cubic Hermite interpolant in u = ln q, linear in q beyond the table's ends.

    With ``per_q`` the interpolated quantity is the moment over q: constant for piecewise-linear
    functions (so exact, slope included) and a power of q wherever the function is one.
    """

    coef: tuple[FloatArray, FloatArray, FloatArray, FloatArray]  # per interval, powers of t
    per_q: bool
    first: tuple[float, float]  # (moment, d/d ln q) at Q_TABLE_MIN
    last: tuple[float, float]  # the same at Q_DIVERGED


@dataclass(frozen=True, slots=True, eq=False)
class _Table:
    """E[φ(√q z)²] and E[φ′(√q z)²] tabulated on a log grid of q for one function."""

    u0: float
    step: float
    second_curve: _Curve
    dsecond_curve: _Curve
    #: A grid twice as fine in ln q, E[φ(√q z)²] on it, and how many of its steps E went down
    #: before each node (to tell where the map is increasing).
    fine_q: FloatArray
    fine_second: FloatArray
    fine_falls: npt.NDArray[np.intp]

    def _locate(self, q: FloatArray) -> tuple[npt.NDArray[np.intp], FloatArray]:
        """Interval index and position t ∈ [0, 1] in it (for q inside the table)."""
        inside = np.clip(q, Q_TABLE_MIN, Q_DIVERGED)
        s = (np.log(inside) - self.u0) / self.step
        k = np.clip(s.astype(np.intp), 0, self.second_curve.coef[0].size - 1)
        return k, s - k

    def _eval(self, curve: _Curve, q: FloatArray) -> tuple[FloatArray, FloatArray]:
        """The moment and its derivative in q."""
        k, t = self._locate(q)
        c0, c1, c2, c3 = (np.take(c, k) for c in curve.coef)
        value = c0 + t * (c1 + t * (c2 + t * c3))
        slope_u = (c1 + t * (2.0 * c2 + 3.0 * t * c3)) / self.step
        if curve.per_q:
            # d(q·p)/dq = p + q·dp/dq = p + dp/du
            value, slope = q * value, value + slope_u
        else:
            with np.errstate(divide="ignore", invalid="ignore"):
                slope = slope_u / q
        # Beyond the ends the moments are continued linearly in q: E ≈ E(q₀) + E′(q₀)(q − q₀).
        # Below Q_TABLE_MIN that is the first term of their expansion in q (exact for the
        # piecewise-linear functions, whose moments are proportional to q).
        for (y, y_u), edge, where in (
            (curve.first, Q_TABLE_MIN, q < Q_TABLE_MIN),
            (curve.last, Q_DIVERGED, q > Q_DIVERGED),
        ):
            if np.any(where):
                value = np.where(where, y + y_u * (q / edge - 1.0), value)
                slope = np.where(where, y_u / edge, slope)
        return value, slope

    def second(self, q: FloatArray) -> tuple[FloatArray, FloatArray]:
        with np.errstate(over="ignore", invalid="ignore"):
            return self._eval(self.second_curve, q)

    def dsecond(self, q: FloatArray) -> FloatArray:
        with np.errstate(over="ignore", invalid="ignore"):
            return self._eval(self.dsecond_curve, q)[0]

    def start(
        self, sw2: FloatArray, sb2: FloatArray, q0: float
    ) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
        """Skip ahead to the grid interval holding the fixed point the iteration from q0 reaches.

        Where F(q0) > q0 the iterates climb until the first q > q0 with F(q) ≤ q, and run away
        if there is none; where F(q0) < q0 they fall to the first q < q0 with F(q) ≥ q. That is
        true of any F for the runaway, and of an increasing F (E[φ²] increasing in q: checked on
        the way) for the landing point: no iterate can jump over it. Near a fold, where a pair of
        fixed points is about to appear, the plain iteration creeps through a bottleneck for
        thousands of steps; this finds where it comes out at once. F(q) ≤ q reads
        σ_w² ≤ h(q) = (q − σ_b²)/E[φ(√q z)²]: per σ_b, a running extremum of h and a search.
        """
        q_start = np.full(sw2.shape, q0)
        runaway = np.zeros(sw2.shape, dtype=bool)
        second0, _ = self.second(np.asarray(q0))
        rising = sw2 * second0 + sb2 > q0
        falling = sw2 * second0 + sb2 < q0
        if not (np.any(rising) or np.any(falling)):
            return q_start, runaway
        biases, row_of = np.unique(sb2, return_inverse=True)
        up, down = _reach(self, biases.tobytes(), q0)
        qf, falls = self.fine_q, self.fine_falls
        j0 = qf.size - up.shape[1]  # nodes [j0:] lie above q0
        # Each row's cells, sorted by row so that each row is one slice.
        order = np.argsort(row_of, kind="stable")
        bounds = np.searchsorted(row_of[order], np.arange(biases.size + 1))
        for r in range(biases.size):
            cells = order[bounds[r] : bounds[r + 1]]
            climb, fall = cells[rising[cells]], cells[falling[cells]]
            if climb.size and up.shape[1]:
                first = np.searchsorted(up[r], sw2[climb], side="left")
                runaway[climb[first == up.shape[1]]] = True
                land = (first > 0) & (first < up.shape[1])
                ok = falls[j0 + first[land]] == falls[max(j0 - 1, 0)]  # F increasing up there
                q_start[climb[land][ok]] = qf[j0 + first[land][ok] - 1]
            if fall.size and down.shape[1]:
                first = np.searchsorted(down[r], -sw2[fall], side="left")
                # No crossing: the fixed point lies below the table, start at its bottom.
                node = j0 - np.minimum(first, down.shape[1])
                top = falls[min(j0, qf.size - 1)]
                ok = (first > 0) & (falls[np.maximum(node - 1, 0)] == top)
                q_start[fall[ok]] = qf[node[ok]]
        return q_start, runaway


@lru_cache(maxsize=4)  # a few MB each: rows × 2 × the fine grid
def _reach(table: _Table, biases: bytes, q0: float) -> tuple[FloatArray, FloatArray]:
    """Per σ_b², running extrema of h(q) = (q − σ_b²)/E[φ(√q z)²] from q0 on the fine grid.

    ``up[r, i]`` is the max of h over the i+1 nodes above q0 (F(q) ≤ q at a node ⟺ σ_w² ≤ h);
    ``down[r, i]`` is minus the min of h over the i+1 nodes below q0, going down, so that both
    increase along a row and a σ_w² can be looked up with a binary search.
    """
    sb2 = np.frombuffer(biases, dtype=np.float64)
    qf, ef = table.fine_q, table.fine_second
    j0 = int(np.searchsorted(qf, q0, side="right"))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        h = (qf - sb2[:, None]) / ef  # E = 0 gives ±∞: F(q) = σ_b² decides alone
        up = np.maximum.accumulate(_peaks(np.nan_to_num(h[:, j0:], nan=np.inf)), axis=1)
        valley = -_peaks(-np.nan_to_num(h[:, j0 - 1 :: -1] if j0 else h[:, :0], nan=-np.inf))
        down = -np.minimum.accumulate(valley, axis=1)
    return up, down


def _peaks(h: FloatArray) -> FloatArray:
    """h (rows along the last axis) with each interior local maximum raised to the vertex of
    the parabola through it and its neighbours: a peak between nodes is then missed by O(step³)."""
    out: FloatArray = h.copy()
    if h.shape[-1] < 3:
        return out
    left, mid, right = h[..., :-2], h[..., 1:-1], h[..., 2:]
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        curvature = 2.0 * mid - left - right
        vertex = mid + (right - left) ** 2 / (8.0 * curvature)
        peak = (mid >= left) & (mid >= right) & (curvature > 0) & np.isfinite(vertex)
    out[..., 1:-1] = np.where(peak, np.maximum(mid, vertex), mid)
    return out


def _monotone_slopes(y: FloatArray, m: FloatArray, step: float) -> FloatArray:
    """Exact slopes m = dy/du, limited (Fritsch–Carlson) only where they would make the cubic
    overshoot data that are monotone: so the interpolant adds no spurious fixed points."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        delta = np.diff(y) / step
        left = np.concatenate([delta[:1], delta])
        right = np.concatenate([delta, delta[-1:]])
        # Where the data turn (left, right of opposite signs) an exact slope of either sign is
        # right and stays; where they don't, a slope against them can only be rounding noise.
        monotone = left * right > 0
        m = np.where(monotone & (m * left < 0), 0.0, m)
        alpha, beta = m[:-1] / delta, m[1:] / delta
        radius = np.hypot(alpha, beta)
        scale = np.where((alpha > 0) & (beta > 0) & (radius > 3.0), 3.0 / radius, 1.0)
        limit = np.ones_like(m)
        limit[:-1] = scale
        limit[1:] = np.minimum(limit[1:], scale)
    return m * np.where(np.isfinite(limit), limit, 1.0)


def _curve(q: FloatArray, y: FloatArray, y_u: FloatArray, step: float, *, per_q: bool) -> _Curve:
    """The interpolant of a moment y(q) with exact slopes y_u = dy/d ln q on the nodes q."""
    with np.errstate(over="ignore", invalid="ignore"):
        # y = q·p gives y_u = q·(p + p_u), so p_u = (y_u − y)/q.
        p, p_u = (y / q, (y_u - y) / q) if per_q else (y, y_u)
        m = _monotone_slopes(p, p_u, step)
        p0, p1, m0, m1 = p[:-1], p[1:], m[:-1] * step, m[1:] * step
        coef = (p0, m0, 3.0 * (p1 - p0) - 2.0 * m0 - m1, 2.0 * (p0 - p1) + m0 + m1)
    return _Curve(
        coef=coef,
        per_q=per_q,
        first=(float(y[0]), float(y_u[0])),
        last=(float(y[-1]), float(y_u[-1])),
    )


def _build_table(act: Activation, resolved: Mapping[str, ParamValue]) -> _Table:
    """The moments of ``act`` at parameters ``resolved`` on TABLE_STEP-spaced ln q."""
    pair, kinks = _pair_fn(act, resolved), _breakpoints(act, resolved)
    u0, u1 = math.log(Q_TABLE_MIN), math.log(Q_DIVERGED)
    n = math.ceil((u1 - u0) / TABLE_STEP) + 1
    q = np.exp(np.linspace(u0, u1, n))
    q[0], q[-1] = Q_TABLE_MIN, Q_DIVERGED
    parts = [_moment_sums(pair, kinks, chunk) for chunk in np.array_split(q, -(-n // 256))]
    e, d, e_u, d_u = (np.concatenate(column) for column in zip(*parts, strict=True))
    step = (u1 - u0) / (n - 1)
    table = _Table(
        u0=u0,
        step=step,
        second_curve=_curve(q, e, e_u, step, per_q=True),
        dsecond_curve=_curve(q, d, d_u, step, per_q=False),
        fine_q=np.empty(0),
        fine_second=np.empty(0),
        fine_falls=np.empty(0, dtype=np.intp),
    )
    fine_q = np.exp(np.linspace(u0, u1, 2 * n - 1))
    fine_q[0], fine_q[-1] = Q_TABLE_MIN, Q_DIVERGED
    fine_second, _ = table.second(fine_q)
    with np.errstate(invalid="ignore"):
        # Steps down by more than rounding (a constant E must count as increasing).
        falls = np.diff(fine_second) < -1e-12 * np.abs(fine_second[1:])
    return dataclasses.replace(
        table,
        fine_q=fine_q,
        fine_second=fine_second,
        fine_falls=np.concatenate([[0], np.cumsum(falls)]),
    )


#: Tables by (activation, parameters), most recently used last.
_TABLES: OrderedDict[tuple[Activation, tuple[tuple[str, ParamValue], ...]], _Table] = OrderedDict()
_TABLES_LOCK = threading.Lock()
_TABLES_KEPT = 16


def _table_for(act: Activation, resolved: Mapping[str, ParamValue]) -> _Table:
    """The cached table of ``act`` at ``resolved``; a window asks for the diagram and the point
    at once from two threads, so the second waits for the first's table instead of redoing it."""
    key = (act, tuple(sorted(resolved.items())))
    with _TABLES_LOCK:
        table = _TABLES.get(key)
        if table is None:
            table = _TABLES[key] = _build_table(act, resolved)
            while len(_TABLES) > _TABLES_KEPT:
                _TABLES.popitem(last=False)
        _TABLES.move_to_end(key)
    return table


def tabulated_moments(
    activation: str | Activation, q: npt.ArrayLike, params: Mapping[str, object] | None = None
) -> tuple[FloatArray, FloatArray]:
    """(E[φ(√q z)²], E[φ′(√q z)²]) interpolated from the table the grids use (~1e-9 relative)."""
    act = scalar_activation(activation)
    resolved = act.resolve(params)
    qa = np.asarray(q, dtype=np.float64)
    if np.any(~np.isfinite(qa)) or np.any(qa < 0):
        raise ValueError("q must be finite and non-negative")
    table = _table_for(act, resolved)
    return table.second(qa)[0], table.dsecond(qa)


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
    moments: _Moments,
    sw2: FloatArray,
    sb2: FloatArray,
    q0: float | FloatArray,
    max_iter: int,
    rtol: float,
    atol: float,
) -> tuple[FloatArray, FloatArray, npt.NDArray[np.int8], int]:
    """Vectorised fixed points of F(q) = σ_w²E[φ(√q z)²] + σ_b² from q0: (q*, χ, status, steps).

    A scalar q0 first lets ``moments.start`` skip ahead along the path of the iteration (a table
    does; see :meth:`_Table.start`). Then each step is a plain step q ↦ F(q) or, where the map
    contracts (F′(q) < 1), a Newton step on F(q) − q when that lowers the residual. Newton is
    kept to F′ < 1 so that it heads where the plain iteration goes, to the stable fixed point it
    would reach, and never back to an unstable one (q = 0 when σ_b = 0 and the map runs away,
    where Aitken's Δ² lands a growing geometric sequence). Status codes: 0 converged, 1 diverged,
    2 not converged. χ is σ_w²E[φ′(√q z)²] at q*, at Q_DIVERGED for a runaway map.
    """
    shape = np.broadcast(sw2, sb2, q0).shape
    sw2 = np.broadcast_to(sw2, shape).ravel()
    sb2 = np.broadcast_to(sb2, shape).ravel()
    if np.ndim(q0) == 0:
        q, runaway = moments.start(sw2, sb2, float(q0))
    else:
        q = np.broadcast_to(np.asarray(q0, dtype=np.float64), shape).ravel().copy()
        runaway = np.zeros(q.shape, dtype=bool)
    status = np.where(runaway, 1, 2).astype(np.int8)
    q[runaway] = np.inf
    active = np.flatnonzero(~runaway)
    iterations = 0
    while active.size and iterations < max_iter:
        iterations += 1
        qa, a, b = q[active], sw2[active], sb2[active]
        second, second_q = moments.second(qa)
        new = a * second + b
        residual = new - qa
        with np.errstate(invalid="ignore"):
            diverged = ~np.isfinite(new) | (new > Q_DIVERGED)
            done = ~diverged & (np.abs(residual) <= atol + rtol * np.abs(new))
        moving = ~(done | diverged)
        step = np.where(diverged, np.inf, new)
        slope = a * second_q
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            trial = qa - residual / (slope - 1.0)
            newton = moving & (slope < 1.0) & (trial >= 0.0) & (trial <= Q_DIVERGED)
        if np.any(newton):
            idx = np.flatnonzero(newton)
            trial_second, _ = moments.second(trial[idx])
            trial_residual = a[idx] * trial_second + b[idx] - trial[idx]
            better = np.abs(trial_residual) < np.abs(residual[idx])
            step[idx[better]] = trial[idx[better]]
        q[active] = step
        status[active[done]] = 0
        status[active[diverged]] = 1
        active = active[moving]
    chi_q = np.where(np.isinf(q), Q_DIVERGED, q)
    chi: FloatArray = (sw2 * moments.dsecond(chi_q)).reshape(shape)
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
    """q* = σ_w² E[φ(√q* z)²] + σ_b², the fixed point the iteration from q0 reaches, and χ there.

    χ = σ_w² E[φ′(√q* z)²]. q* is found on the table the phase diagram uses (so the two agree on
    the status) and refined by quadrature. Where the map runs away q* is ∞ and χ its q → ∞ limit;
    at q* = 0 χ is the q → 0⁺ limit (see the module docstring).
    """
    sw = _sigma("sigma_w", sigma_w)
    sb = _sigma("sigma_b", sigma_b)
    check_float("q0", q0, 0.0, Q_DIVERGED)
    check_int("max_iter", max_iter, 1, 10**6)
    act = scalar_activation(activation)
    resolved = act.resolve(params)
    sw2, sb2 = np.asarray(sw * sw), np.asarray(sb * sb)
    # The table is good to ~1e-9, so it is asked for no more; the quadrature does the rest.
    q, _, status, iterations = _solve(
        _table_for(act, resolved),
        sw2,
        sb2,
        q0,
        max_iter,
        max(rtol, _GRID_TOL[0]),
        max(atol, _GRID_TOL[1]),
    )
    exact = _Quadrature(_pair_fn(act, resolved), _breakpoints(act, resolved))
    if int(status) == 0:
        polished, _, polish_status, steps = _solve(exact, sw2, sb2, q, 50, rtol, atol)
        iterations += steps
        if int(polish_status) == 0:
            q = polished
    q_star = float(q)
    chi_value = sw * sw * float(exact.dsecond(np.asarray(min(q_star, Q_DIVERGED))))
    return FixedPoint(
        sigma_w=sw,
        sigma_b=sb,
        q_star=q_star,
        chi=chi_value,
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
    x, w, _ = _rule_for(np.sqrt(np.minimum(q, Q_DIVERGED)), kinks)
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
    """χ(σ_w, σ_b) = σ_w² E[φ′(√q* z)²] at the fixed point q*, on the grid sigma_b × sigma_w.

    All cells are iterated at once on the function's table of moments; q* and χ follow the
    conventions of :func:`fixed_point` (∞ and the q → ∞ limit where the map runs away).
    """
    sw = _grid_axis("sigma_w", sigma_w)
    sb = _grid_axis("sigma_b", sigma_b)
    check_int("max_iter", max_iter, 1, 10**6)
    act = scalar_activation(activation)
    resolved = act.resolve(params)
    q, chi_grid, status, _ = _solve(
        _table_for(act, resolved), (sw * sw)[None, :], (sb * sb)[:, None], 1.0, max_iter, *_GRID_TOL
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
    """Per σ_b, the smallest σ_w in the range with χ(σ_w, σ_b) = 1 (scan, then bisection).

    Every σ_b is scanned and bisected at once, each evaluation of χ a vectorised fixed-point
    solve on the function's table of moments (as :func:`phase_diagram`).
    """
    sb = _grid_axis("sigma_b", sigma_b)
    lo = check_float("sigma_w_range[0]", sigma_w_range[0], 0.0, 1e3, open_lo=True)
    hi = check_float("sigma_w_range[1]", sigma_w_range[1], lo, 1e3)
    check_int("scan", scan, 2, 10_000)
    act = scalar_activation(activation)
    resolved = act.resolve(params)
    table = _table_for(act, resolved)

    def excess(sw: FloatArray, sbb: FloatArray) -> FloatArray:
        _, c, _, _ = _solve(table, sw * sw, sbb * sbb, 1.0, 2000, *_GRID_TOL)
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
