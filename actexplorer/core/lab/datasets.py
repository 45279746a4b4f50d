"""Small 2-D classification datasets for the training playground, generated with NumPy only.

Every dataset lies roughly in [-1.5, 1.5]², has (nearly) balanced classes and is reproducible from
its seed; ``noise`` is the std of Gaussian jitter added to the clean points.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..activation import FloatArray
from ._checks import check_float, check_int

IntArray = npt.NDArray[np.int64]
MAX_POINTS = 20_000


class DatasetKind(str, enum.Enum):
    """The datasets of the playground."""

    XOR = "xor"
    CIRCLES = "circles"
    MOONS = "moons"
    SPIRAL = "spiral"
    SPIRAL3 = "spiral3"
    BLOBS = "blobs"


DATASET_LABELS: Mapping[DatasetKind, str] = {
    DatasetKind.XOR: "XOR",
    DatasetKind.CIRCLES: "Circles",
    DatasetKind.MOONS: "Two moons",
    DatasetKind.SPIRAL: "Spiral (2 classes)",
    DatasetKind.SPIRAL3: "Spiral (3 classes)",
    DatasetKind.BLOBS: "Gaussian blobs",
}


@dataclass(frozen=True, slots=True)
class Dataset:
    """Points (n, 2) and integer labels (n,) split into train and test parts."""

    kind: DatasetKind
    n_classes: int
    x_train: FloatArray
    y_train: IntArray
    x_test: FloatArray
    y_test: IntArray
    noise: float
    seed: int

    @property
    def x(self) -> FloatArray:
        """All points, train first."""
        return np.concatenate([self.x_train, self.x_test])

    @property
    def y(self) -> IntArray:
        """All labels, train first."""
        return np.concatenate([self.y_train, self.y_test])

    def bounds(self, margin: float = 0.25) -> tuple[float, float, float, float]:
        """(x_min, x_max, y_min, y_max) of all points, widened by ``margin``."""
        pts = self.x
        lo, hi = pts.min(axis=0) - margin, pts.max(axis=0) + margin
        return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def _counts(n: int, k: int) -> list[int]:
    return [n // k + (1 if i < n % k else 0) for i in range(k)]


def _xor(n: int, rng: np.random.Generator) -> tuple[FloatArray, IntArray]:
    n_same, n_diff = _counts(n, 2)
    labels = np.concatenate([np.zeros(n_same, np.int64), np.ones(n_diff, np.int64)])
    # Keep clear of the axes so the clean problem is separable by the quadrant signs.
    sx = rng.choice([-1.0, 1.0], size=n)
    sy = np.where(labels == 0, sx, -sx)
    pts = rng.uniform(0.1, 1.0, size=(n, 2)) * np.column_stack([sx, sy])
    return pts, labels


def _circles(n: int, rng: np.random.Generator) -> tuple[FloatArray, IntArray]:
    n_out, n_in = _counts(n, 2)
    angle = rng.uniform(0.0, 2.0 * math.pi, n)
    radius = np.concatenate([np.full(n_out, 1.0), np.full(n_in, 0.5)])
    pts = radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return pts, np.concatenate([np.zeros(n_out, np.int64), np.ones(n_in, np.int64)])


def _moons(n: int, rng: np.random.Generator) -> tuple[FloatArray, IntArray]:
    n_a, n_b = _counts(n, 2)
    ta, tb = rng.uniform(0.0, math.pi, n_a), rng.uniform(0.0, math.pi, n_b)
    a = np.column_stack([np.cos(ta), np.sin(ta)])
    b = np.column_stack([1.0 - np.cos(tb), 0.5 - np.sin(tb)])
    pts = np.concatenate([a, b]) - np.array([0.5, 0.25])  # centred on the origin
    return pts, np.concatenate([np.zeros(n_a, np.int64), np.ones(n_b, np.int64)])


def _spiral(k: int) -> Callable[[int, np.random.Generator], tuple[FloatArray, IntArray]]:
    def make(n: int, rng: np.random.Generator) -> tuple[FloatArray, IntArray]:
        parts, labels = [], []
        for cls, count in enumerate(_counts(n, k)):
            t = np.sqrt(rng.uniform(0.0, 1.0, count))  # uniform density along the arm
            angle = 1.75 * 2.0 * math.pi * t + 2.0 * math.pi * cls / k
            parts.append(1.4 * t[:, None] * np.column_stack([np.cos(angle), np.sin(angle)]))
            labels.append(np.full(count, cls, np.int64))
        return np.concatenate(parts), np.concatenate(labels)

    return make


def _blobs(n: int, rng: np.random.Generator) -> tuple[FloatArray, IntArray]:
    centres = np.array([[-0.7, -0.7], [0.7, 0.7]])
    parts, labels = [], []
    for cls, count in enumerate(_counts(n, 2)):
        parts.append(centres[cls] + 0.35 * rng.standard_normal((count, 2)))
        labels.append(np.full(count, cls, np.int64))
    return np.concatenate(parts), np.concatenate(labels)


_MAKERS: Mapping[
    DatasetKind, tuple[int, Callable[[int, np.random.Generator], tuple[FloatArray, IntArray]]]
] = {
    DatasetKind.XOR: (2, _xor),
    DatasetKind.CIRCLES: (2, _circles),
    DatasetKind.MOONS: (2, _moons),
    DatasetKind.SPIRAL: (2, _spiral(2)),
    DatasetKind.SPIRAL3: (3, _spiral(3)),
    DatasetKind.BLOBS: (2, _blobs),
}


def make_dataset(
    kind: DatasetKind | str,
    n_points: int = 400,
    *,
    noise: float = 0.1,
    test_fraction: float = 0.3,
    seed: int = 0,
) -> Dataset:
    """``n_points`` points of ``kind`` with N(0, noise²) jitter, shuffled and split by seed."""
    try:
        kind = DatasetKind(kind)
    except ValueError:
        names = ", ".join(k.value for k in DatasetKind)
        raise ValueError(f"kind must be one of {names}; got {kind!r}") from None
    n = check_int("n_points", n_points, 10, MAX_POINTS)
    sigma = check_float("noise", noise, 0.0, 2.0)
    frac = check_float("test_fraction", test_fraction, 0.0, 0.9)
    check_int("seed", seed, 0, 2**63 - 1)
    rng = np.random.default_rng(seed)
    n_classes, maker = _MAKERS[kind]
    pts, labels = maker(n, rng)
    pts = pts + sigma * rng.standard_normal(pts.shape)
    order = rng.permutation(n)
    pts, labels = pts[order], labels[order]
    n_test = round(n * frac)
    split = n - n_test
    arrays = (pts[:split], labels[:split], pts[split:], labels[split:])
    for a in arrays:
        a.setflags(write=False)
    return Dataset(kind, n_classes, *arrays, noise=sigma, seed=seed)


def grid(
    bounds: tuple[float, float, float, float], resolution: int = 200
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """(xs, ys, points): a resolution × resolution grid over bounds, points in row-major order."""
    res = check_int("resolution", resolution, 2, 2000)
    x0, x1, y0, y1 = (check_float("bounds", v) for v in bounds)
    xs = np.linspace(x0, x1, res)
    ys = np.linspace(y0, y1, res)
    xx, yy = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([xx.ravel(), yy.ravel()])
