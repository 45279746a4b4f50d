"""A small multilayer perceptron with its own backward pass, for the training playground.

Hidden layers compute h = x W + b, x′ = φ(h) with φ from the catalog (one per layer if wished);
the output is a sigmoid unit (two classes) or a softmax, trained on the cross-entropy
L = −mean log p(y | x) + (λ/2) Σ‖W‖² by SGD, momentum or Adam. Back-propagation uses the catalog's
exact derivatives: δ_h = δ_x ⊙ φ′(h), ∂L/∂W = xᵀ δ_h, δ_x = δ_h Wᵀ.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, TypeAlias

import numpy as np
import numpy.typing as npt

from ..activation import Activation, FloatArray, ParamValue
from ._checks import check_float, check_int, scalar_activation
from .datasets import Dataset, grid
from .init import Initializer, InitScheme
from .optim import Optimizer

IntArray = npt.NDArray[np.int64]
#: Weights of one layer: (W of shape (fan_in, fan_out), b of shape (fan_out,)).
LayerWeights: TypeAlias = tuple[FloatArray, FloatArray]
#: An activation for one hidden layer: a catalog key (or Activation) and its parameters.
LayerActivation: TypeAlias = tuple["str | Activation", Mapping[str, object]]
Output = Literal["auto", "sigmoid", "softmax"]

MAX_HIDDEN_LAYERS = 6
MAX_HIDDEN_WIDTH = 64


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A hidden layer's activation with its parameters resolved once."""

    act: Activation
    params: Mapping[str, ParamValue]
    forward: Callable[[FloatArray], FloatArray]
    pair: Callable[[FloatArray], tuple[FloatArray, FloatArray]]


def _compile(spec: LayerActivation) -> _Compiled:
    activation, params = spec
    act = scalar_activation(activation)
    resolved = MappingProxyType(act.resolve(params))
    kernel, dkernel, pair = act.kernel, act.derivative_kernel, act.pair_kernel

    def forward(h: FloatArray) -> FloatArray:
        return kernel(h, **resolved)

    def pair_fn(h: FloatArray) -> tuple[FloatArray, FloatArray]:
        if pair is not None:
            return pair(h, **resolved)
        return kernel(h, **resolved), dkernel(h, **resolved)

    return _Compiled(act, resolved, forward, pair_fn)


def _output_units(output: str, n_classes: int) -> int:
    return 1 if output == "sigmoid" else n_classes


def _resolve_output(output: str, n_classes: int) -> Literal["sigmoid", "softmax"]:
    if output == "auto":
        return "sigmoid" if n_classes == 2 else "softmax"
    if output == "sigmoid":
        if n_classes != 2:
            raise ValueError(f"output 'sigmoid' needs 2 classes; got {n_classes}")
        return "sigmoid"
    if output == "softmax":
        return "softmax"
    raise ValueError(f"output must be 'auto', 'sigmoid' or 'softmax'; got {output!r}")


def init_mlp(
    sizes: Sequence[int], init: Initializer | None = None, seed: int = 0
) -> tuple[LayerWeights, ...]:
    """Weights for layer sizes (n_in, hidden…, n_out), drawn from ``seed`` layer by layer.

    The draw depends only on the sizes, the initialiser and the seed, never on the activation,
    so two networks racing with different activations start from the same weights.
    """
    if len(sizes) < 2:
        raise ValueError("sizes must list at least the input and output sizes")
    init = init if init is not None else Initializer(InitScheme.XAVIER_UNIFORM)
    rng = np.random.default_rng(check_int("seed", seed, 0, 2**63 - 1))
    layers = []
    for fan_in, fan_out in itertools.pairwise(sizes):
        w, b = init.draw(rng, int(fan_in), int(fan_out))
        layers.append((np.asarray(w, dtype=np.float64), b))
    return tuple(layers)


@dataclass(frozen=True, slots=True)
class LossAndGradients:
    """Loss (with and without the L2 term) and ∂L/∂(W, b) for every layer, input side first."""

    loss: float
    data_loss: float
    gradients: tuple[LayerWeights, ...]
    #: ‖∂(data loss)/∂W_l‖_F per layer: how much gradient reaches each layer.
    gradient_norms: FloatArray


def _log_sigmoid(z: FloatArray) -> FloatArray:
    return -np.logaddexp(0.0, -z)


def _sigmoid(z: FloatArray) -> FloatArray:
    return np.exp(_log_sigmoid(z))


def _softmax(z: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(log p, p) along the last axis, stable for any logits."""
    shifted = z - z.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return logp, np.exp(logp)


def _forward_pass(
    weights: Sequence[LayerWeights],
    layers: Sequence[_Compiled],
    x: FloatArray,
    rng: np.random.Generator | None = None,
) -> tuple[FloatArray, list[FloatArray], list[FloatArray]]:
    """(logits, inputs of each layer, φ′ of each hidden layer)."""
    inputs: list[FloatArray] = []
    derivs: list[FloatArray] = []
    a = x
    for (w, b), layer in zip(weights[:-1], layers, strict=True):
        inputs.append(a)
        h = a @ w
        h += b
        if rng is not None and layer.act.random_kernel is not None:
            a, d = layer.act.random_kernel(h, rng, **layer.params)
        else:
            a, d = layer.pair(h)
        derivs.append(d)
    inputs.append(a)
    w, b = weights[-1]
    return a @ w + b, inputs, derivs


def _loss_grad(
    logits: FloatArray, y: IntArray, output: Literal["sigmoid", "softmax"]
) -> tuple[float, FloatArray]:
    """(mean cross-entropy, ∂/∂logits)."""
    n = y.shape[0]
    if output == "sigmoid":
        z = logits[:, 0]
        yf = y.astype(np.float64)
        # −log p(y) = log(1 + e^z) − y z
        loss = float(np.mean(np.logaddexp(0.0, z) - yf * z))
        return loss, ((_sigmoid(z) - yf) / n)[:, None]
    logp, p = _softmax(logits)
    rows = np.arange(n)
    loss = float(-np.mean(logp[rows, y]))
    grad = p
    grad[rows, y] -= 1.0
    grad /= n
    return loss, grad


def _backward(
    weights: Sequence[LayerWeights],
    inputs: Sequence[FloatArray],
    derivs: Sequence[FloatArray],
    delta: FloatArray,
) -> list[LayerWeights]:
    grads: list[LayerWeights] = []
    for index in range(len(weights) - 1, -1, -1):
        w, _ = weights[index]
        grads.append((inputs[index].T @ delta, delta.sum(axis=0)))
        if index:
            delta = (delta @ w.T) * derivs[index - 1]
    grads.reverse()
    return grads


def _check_labels(x: npt.ArrayLike, y: npt.ArrayLike) -> tuple[FloatArray, IntArray]:
    xa = np.asarray(x, dtype=np.float64)
    ya = np.asarray(y)
    if xa.ndim != 2 or ya.shape != (xa.shape[0],):
        raise ValueError("x must have shape (n, features) and y shape (n,)")
    if not np.issubdtype(ya.dtype, np.integer):
        raise ValueError("y must hold integer class labels")
    return xa, ya.astype(np.int64)


def _layers_for(
    activations: Sequence[LayerActivation], weights: Sequence[LayerWeights]
) -> list[_Compiled]:
    if len(activations) != len(weights) - 1:
        raise ValueError(
            f"activations must give one activation per hidden layer ({len(weights) - 1}); "
            f"got {len(activations)}"
        )
    return [_compile(spec) for spec in activations]


def loss_and_gradients(
    weights: Sequence[LayerWeights],
    activations: Sequence[LayerActivation],
    x: npt.ArrayLike,
    y: npt.ArrayLike,
    *,
    output: Output = "auto",
    n_classes: int = 2,
    l2: float = 0.0,
) -> LossAndGradients:
    """L = −mean log p(y|x) + (λ/2)Σ‖W‖² and its gradient by back-propagation (eval mode)."""
    xa, ya = _check_labels(x, y)
    out = _resolve_output(output, n_classes)
    lam = check_float("l2", l2, 0.0, 10.0)
    layers = _layers_for(activations, weights)
    logits, inputs, derivs = _forward_pass(weights, layers, xa)
    data_loss, delta = _loss_grad(logits, ya, out)
    grads = _backward(weights, inputs, derivs, delta)
    norms = np.array([math.sqrt(float(np.vdot(gw, gw))) for gw, _ in grads])
    penalty = 0.5 * lam * sum(float(np.vdot(w, w)) for w, _ in weights)
    if lam:
        grads = [(gw + lam * w, gb) for (gw, gb), (w, _) in zip(grads, weights, strict=True)]
    return LossAndGradients(data_loss + penalty, data_loss, tuple(grads), norms)


def predict_proba(
    weights: Sequence[LayerWeights],
    activations: Sequence[LayerActivation],
    x: npt.ArrayLike,
    *,
    output: Output = "auto",
    n_classes: int = 2,
) -> FloatArray:
    """Class probabilities, shape (n, n_classes)."""
    out = _resolve_output(output, n_classes)
    layers = _layers_for(activations, weights)
    return _probabilities(weights, layers, np.asarray(x, dtype=np.float64), out)


def _logits(
    weights: Sequence[LayerWeights], layers: Sequence[_Compiled], x: FloatArray
) -> FloatArray:
    a = x
    for (w, b), layer in zip(weights[:-1], layers, strict=True):
        h = a @ w
        h += b
        a = layer.forward(h)
    w, b = weights[-1]
    return a @ w + b


#: Rows per block when evaluating many points: small products stay in cache and below the
#: size where BLAS spreads over threads (which stalls when the cores are busy).
_BLOCK = 1024


def _probabilities(
    weights: Sequence[LayerWeights],
    layers: Sequence[_Compiled],
    x: FloatArray,
    output: Literal["sigmoid", "softmax"],
) -> FloatArray:
    blocks = [_logits(weights, layers, x[s : s + _BLOCK]) for s in range(0, len(x), _BLOCK)]
    logits = np.concatenate(blocks) if blocks else np.zeros((0, weights[-1][0].shape[1]))
    if output == "sigmoid":
        p1 = _sigmoid(logits[:, 0])
        return np.column_stack([1.0 - p1, p1])
    return _softmax(logits)[1]


@dataclass(frozen=True, slots=True)
class MLPConfig:
    """Everything that defines a training run (besides the data).

    ``hidden`` lists the hidden widths (0–6 layers of 1–64 units). ``layer_activations``, when
    given, sets one (key, params) per hidden layer and overrides ``activation``/``params``.
    ``batch_size`` ≥ the number of training points means full-batch gradient descent.
    """

    hidden: tuple[int, ...] = (16, 16)
    activation: str = "relu"
    params: Mapping[str, object] = field(default_factory=dict)
    layer_activations: tuple[LayerActivation, ...] | None = None
    output: Output = "auto"
    optimizer: Optimizer = Optimizer.ADAM
    learning_rate: float = 0.01
    momentum: float = 0.9
    batch_size: int = 32
    l2: float = 0.0
    init: Initializer = field(default_factory=lambda: Initializer(InitScheme.XAVIER_UNIFORM))
    seed: int = 0

    def __post_init__(self) -> None:
        hidden = tuple(self.hidden)
        check_int("number of hidden layers", len(hidden), 0, MAX_HIDDEN_LAYERS)
        for width in hidden:
            check_int("hidden width", width, 1, MAX_HIDDEN_WIDTH)
        object.__setattr__(self, "hidden", hidden)
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))
        if self.layer_activations is not None:
            specs = tuple((key, MappingProxyType(dict(p))) for key, p in self.layer_activations)
            if len(specs) != len(hidden):
                raise ValueError(
                    f"layer_activations must have one entry per hidden layer ({len(hidden)}); "
                    f"got {len(specs)}"
                )
            object.__setattr__(self, "layer_activations", specs)
        for spec in self.activations:
            _compile(spec)  # refuses unknown keys and bad parameters now, not mid-training
        object.__setattr__(self, "optimizer", Optimizer(self.optimizer))
        check_float("learning_rate", self.learning_rate, 0.0, 10.0, open_lo=True)
        check_float("momentum", self.momentum, 0.0, 0.999)
        check_int("batch_size", self.batch_size, 1, 10**6)
        check_float("l2", self.l2, 0.0, 10.0)
        check_int("seed", self.seed, 0, 2**63 - 1)
        if self.output not in ("auto", "sigmoid", "softmax"):
            raise ValueError(f"output must be 'auto', 'sigmoid' or 'softmax'; got {self.output!r}")

    @property
    def activations(self) -> tuple[LayerActivation, ...]:
        """(key, params) for each hidden layer."""
        if self.layer_activations is not None:
            return self.layer_activations
        return tuple((self.activation, self.params) for _ in self.hidden)


@dataclass(frozen=True, slots=True)
class TrainingHistory:
    """Metrics recorded after each :meth:`Trainer.step` call (read-only arrays)."""

    steps: IntArray
    train_loss: FloatArray
    train_accuracy: FloatArray
    test_loss: FloatArray
    test_accuracy: FloatArray
    #: (records, layers): ‖∂L/∂W_l‖_F of the last update before each record.
    gradient_norms: FloatArray


@dataclass(frozen=True, slots=True)
class TrainingSnapshot:
    """The state of a run after some steps: the latest metrics and the whole history."""

    step: int
    epoch: float
    train_loss: float
    train_accuracy: float
    test_loss: float
    test_accuracy: float
    gradient_norms: FloatArray
    diverged: bool
    history: TrainingHistory


@dataclass(frozen=True, slots=True)
class DecisionBoundary:
    """Class probabilities on a grid: ``probabilities[i, j]`` at (xs[j], ys[i]).

    ``probabilities`` has shape (ny, nx, n_classes); ``predicted`` holds the argmax class.
    """

    xs: FloatArray
    ys: FloatArray
    probabilities: FloatArray
    predicted: IntArray

    @property
    def positive(self) -> FloatArray:
        """P(class 1) on the grid (the usual two-class heat map)."""
        return self.probabilities[..., 1]


class _History:
    """Append-only buffers; snapshots hold read-only views that later appends never touch."""

    def __init__(self, n_layers: int) -> None:
        self.n_layers = n_layers
        self.size = 0
        self._steps = np.zeros(0, np.int64)
        self._floats = np.zeros((4, 0))
        self._norms = np.zeros((0, n_layers))
        self._alloc(64)

    def _alloc(self, capacity: int) -> None:
        steps = np.zeros(capacity, np.int64)
        floats = np.zeros((4, capacity))
        norms = np.zeros((capacity, self.n_layers))
        if self.size:
            steps[: self.size] = self._steps[: self.size]
            floats[:, : self.size] = self._floats[:, : self.size]
            norms[: self.size] = self._norms[: self.size]
        self._steps, self._floats, self._norms = steps, floats, norms

    def append(self, step: int, metrics: Sequence[float], norms: FloatArray) -> None:
        if self.size == self._steps.size:
            self._alloc(2 * self.size)  # old views keep the old buffers alive, unchanged
        self._steps[self.size] = step
        self._floats[:, self.size] = metrics
        self._norms[self.size] = norms
        self.size += 1

    def view(self) -> TrainingHistory:
        n = self.size
        parts = [self._steps[:n], *self._floats[:, :n], self._norms[:n]]
        for p in parts:
            p.setflags(write=False)
        return TrainingHistory(*parts)


class Trainer:
    """Trains an :class:`MLPConfig` on a :class:`Dataset` in small steps.

    ``step(n)`` runs n updates and returns a frozen :class:`TrainingSnapshot`; the GUI calls it
    from a timer or a worker, so no call ever runs longer than the steps it was asked for.
    """

    def __init__(self, config: MLPConfig, dataset: Dataset) -> None:
        self.config = config
        self.dataset = dataset
        self.output = _resolve_output(config.output, dataset.n_classes)
        n_in = dataset.x_train.shape[1]
        self.sizes = (n_in, *config.hidden, _output_units(self.output, dataset.n_classes))
        self._layers = [_compile(spec) for spec in config.activations]
        self._x = np.ascontiguousarray(dataset.x_train, dtype=np.float64)
        self._y = np.asarray(dataset.y_train, dtype=np.int64)
        if self._x.shape[0] == 0:
            raise ValueError("dataset has no training points")
        self.reset()

    # -- state ------------------------------------------------------------------------------
    def reset(self) -> TrainingSnapshot:
        """Back to the initial weights (same seed) and an empty history."""
        cfg = self.config
        self.weights: list[LayerWeights] = list(init_mlp(self.sizes, cfg.init, cfg.seed))
        self._rng = np.random.default_rng(np.random.SeedSequence(cfg.seed).spawn(1)[0])
        self._order = np.arange(0)
        self._cursor = 0
        self._seen = 0
        self.step_count = 0
        self._state = [
            (np.zeros_like(w), np.zeros_like(b), np.zeros_like(w), np.zeros_like(b))
            for w, b in self.weights
        ]
        self._last_norms = np.zeros(len(self.weights))
        self._history = _History(len(self.weights))
        return self._record()

    @property
    def full_batch(self) -> bool:
        """True when every update sees the whole training set."""
        return bool(self.config.batch_size >= self._x.shape[0])

    def _next_batch(self) -> tuple[FloatArray, IntArray]:
        n = self._x.shape[0]
        if self.full_batch:
            return self._x, self._y
        size = self.config.batch_size
        if self._cursor + size > self._order.size:
            self._order = self._rng.permutation(n)
            self._cursor = 0
        idx = self._order[self._cursor : self._cursor + size]
        self._cursor += size
        return self._x[idx], self._y[idx]

    # -- training ---------------------------------------------------------------------------
    def step(self, n: int = 1) -> TrainingSnapshot:
        """Run ``n`` updates, then evaluate on the train and test sets and record a point."""
        check_int("n", n, 0, 10**6)
        cfg = self.config
        lam, lr = cfg.l2, cfg.learning_rate
        beta1, beta2, eps = 0.9, 0.999, 1e-8
        for _ in range(n):
            xb, yb = self._next_batch()
            logits, inputs, derivs = _forward_pass(self.weights, self._layers, xb, self._rng)
            _, delta = _loss_grad(logits, yb, self.output)
            grads = _backward(self.weights, inputs, derivs, delta)
            self._last_norms = np.array([math.sqrt(float(np.vdot(g, g))) for g, _ in grads])
            self.step_count += 1
            self._seen += xb.shape[0]
            t = self.step_count
            for index, ((w, b), (gw, gb)) in enumerate(zip(self.weights, grads, strict=True)):
                if lam:
                    gw = gw + lam * w
                mw, mb, vw, vb = self._state[index]
                if cfg.optimizer is Optimizer.SGD:
                    w -= lr * gw
                    b -= lr * gb
                elif cfg.optimizer is Optimizer.MOMENTUM:
                    mw *= cfg.momentum
                    mw += gw
                    mb *= cfg.momentum
                    mb += gb
                    w -= lr * mw
                    b -= lr * mb
                else:
                    step_size = lr * math.sqrt(1.0 - beta2**t) / (1.0 - beta1**t)
                    for p, g, m, v in ((w, gw, mw, vw), (b, gb, mb, vb)):
                        m *= beta1
                        m += (1.0 - beta1) * g
                        v *= beta2
                        v += (1.0 - beta2) * (g * g)
                        p -= step_size * m / (np.sqrt(v) + eps)
        return self._record()

    def _metrics(self, x: FloatArray, y: IntArray) -> tuple[float, float]:
        if x.shape[0] == 0:
            return math.nan, math.nan
        with np.errstate(all="ignore"):
            logits = _logits(self.weights, self._layers, x)
            loss, _ = _loss_grad(logits, y, self.output)
        if self.output == "sigmoid":
            predicted = (logits[:, 0] > 0).astype(np.int64)
        else:
            predicted = np.argmax(logits, axis=1)
        return loss, float(np.mean(predicted == y))

    def _record(self) -> TrainingSnapshot:
        train_loss, train_acc = self._metrics(self._x, self._y)
        ds = self.dataset
        test_loss, test_acc = self._metrics(
            np.asarray(ds.x_test, np.float64), np.asarray(ds.y_test, np.int64)
        )
        norms = self._last_norms.copy()
        norms.setflags(write=False)
        self._history.append(self.step_count, (train_loss, train_acc, test_loss, test_acc), norms)
        diverged = not all(np.all(np.isfinite(w)) for w, _ in self.weights)
        return TrainingSnapshot(
            step=self.step_count,
            epoch=self._seen / self._x.shape[0],
            train_loss=train_loss,
            train_accuracy=train_acc,
            test_loss=test_loss,
            test_accuracy=test_acc,
            gradient_norms=norms,
            diverged=diverged,
            history=self._history.view(),
        )

    # -- views ------------------------------------------------------------------------------
    def predict_proba(self, x: npt.ArrayLike) -> FloatArray:
        """Class probabilities (n, n_classes) at the current weights."""
        with np.errstate(all="ignore"):
            return _probabilities(
                self.weights, self._layers, np.asarray(x, dtype=np.float64), self.output
            )

    def decision_boundary(
        self,
        resolution: int = 200,
        bounds: tuple[float, float, float, float] | None = None,
    ) -> DecisionBoundary:
        """Class probabilities on a resolution × resolution grid (default: the data's bounds)."""
        xs, ys, points = grid(bounds or self.dataset.bounds(), resolution)
        probs = self.predict_proba(points).reshape(ys.size, xs.size, -1)
        predicted = np.argmax(probs, axis=-1).astype(np.int64)
        for a in (xs, ys, probs, predicted):
            a.setflags(write=False)
        return DecisionBoundary(xs, ys, probs, predicted)


class Race:
    """Two trainers that differ only in their hidden activations: same data, seed, initial
    weights and mini-batch order, so the curves compare the activations and nothing else.

    Each side is one (key, params) for every hidden layer, or None for ``config``'s own
    (possibly per-layer) activations.
    """

    def __init__(
        self,
        config: MLPConfig,
        dataset: Dataset,
        first: LayerActivation | None,
        second: LayerActivation | None,
    ) -> None:
        n = len(config.hidden)
        self.trainers = tuple(
            Trainer(
                config
                if spec is None
                else _with_activations(config, tuple((spec[0], spec[1]) for _ in range(n))),
                dataset,
            )
            for spec in (first, second)
        )

    def step(self, n: int = 1) -> tuple[TrainingSnapshot, TrainingSnapshot]:
        """Advance both runs by ``n`` updates."""
        a, b = self.trainers
        return a.step(n), b.step(n)

    def reset(self) -> tuple[TrainingSnapshot, TrainingSnapshot]:
        """Restart both runs from their (shared) initial weights."""
        a, b = self.trainers
        return a.reset(), b.reset()


def _with_activations(config: MLPConfig, specs: tuple[LayerActivation, ...]) -> MLPConfig:
    from dataclasses import replace

    return replace(config, layer_activations=specs)
