import numpy as np
import pytest

from actexplorer.core.lab.datasets import DatasetKind, grid, make_dataset


@pytest.mark.parametrize("kind", list(DatasetKind))
def test_every_dataset_is_balanced_split_and_reproducible(kind):
    a = make_dataset(kind, 300, noise=0.1, test_fraction=0.25, seed=4)
    b = make_dataset(kind, 300, noise=0.1, test_fraction=0.25, seed=4)
    c = make_dataset(kind, 300, noise=0.1, test_fraction=0.25, seed=5)
    assert a.x_train.shape == (225, 2) and a.x_test.shape == (75, 2)
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.x, c.x)
    counts = np.bincount(a.y, minlength=a.n_classes)
    assert a.n_classes == (3 if kind is DatasetKind.SPIRAL3 else 2)
    assert counts.max() - counts.min() <= 1
    assert np.all(np.abs(a.x) < 3.0)
    assert not a.x_train.flags.writeable


def test_clean_datasets_have_their_shape():
    circles = make_dataset("circles", 200, noise=0.0)
    radius = np.hypot(*circles.x.T)
    np.testing.assert_allclose(radius[circles.y == 0], 1.0)
    np.testing.assert_allclose(radius[circles.y == 1], 0.5)
    xor = make_dataset("xor", 200, noise=0.0)
    np.testing.assert_array_equal(xor.y, (xor.x[:, 0] * xor.x[:, 1] < 0).astype(int))


def test_noise_moves_points():
    clean = make_dataset("moons", 200, noise=0.0, seed=1)
    noisy = make_dataset("moons", 200, noise=0.3, seed=1)
    assert np.std(noisy.x - clean.x) == pytest.approx(0.3, rel=0.15)


def test_grid_covers_the_bounds():
    xs, ys, points = grid((-1.0, 2.0, -3.0, 0.0), 5)
    assert points.shape == (25, 2)
    np.testing.assert_array_equal(points[:5, 0], xs)
    np.testing.assert_array_equal(points[::5, 1], ys)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"kind": "spirals"}, "kind"),
        ({"n_points": 5}, "n_points"),
        ({"noise": float("nan")}, "noise"),
        ({"test_fraction": 1.0}, "test_fraction"),
        ({"seed": -3}, "seed"),
    ],
)
def test_bad_dataset_arguments_are_refused(kwargs, name):
    args = {"kind": "xor", **kwargs}
    with pytest.raises(ValueError, match=name):
        make_dataset(**args)
