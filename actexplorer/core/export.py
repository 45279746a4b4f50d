"""Plain-text exports: the curves, histograms and statistics on screen as CSV, and safe file writes.

Every CSV starts with one ``#`` comment line naming the app version, what the table holds and the
functions with their parameters, then a header row. Tables are "long": one row per point, with the
function in the first column, so the current function and pinned ones share one layout even when
their x grids differ. Numbers are written with ``repr`` (the shortest text that reads back to the
same float), NaN as ``nan`` and infinities as ``inf``/``-inf``; pandas reads the files with
``read_csv(path, comment="#")``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import os
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from .activation import ParamValue
from .stats import Histogram, SampleStats

__all__ = [
    "CurveSeries",
    "curves_csv",
    "describe_function",
    "histograms_csv",
    "stats_csv",
    "write_file",
]

CURVE_COLUMNS = ("function", "x", "f(x)", "f'(x)")
HISTOGRAM_COLUMNS = ("function", "quantity", "bin_left", "bin_right", "count", "density")
STATS_COLUMNS = ("function", "statistic", "sampled", "exact")

_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows would translate newlines without it


@dataclass(frozen=True, slots=True)
class CurveSeries:
    """One function's curve as plotted: its key, parameters and f, f′ on the x grid."""

    activation: str
    params: Mapping[str, ParamValue]
    x: npt.ArrayLike
    f: npt.ArrayLike
    df: npt.ArrayLike


def _version() -> str:
    from actexplorer import __version__  # the package root imports nothing heavy

    return __version__


def _number(value: float | int) -> str:
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return str(int(value))
    return repr(float(value))


def describe_function(activation: str, params: Mapping[str, ParamValue]) -> str:
    """``key(name=value, ...)`` with the parameters in the given order: ``elu(alpha=1.0)``."""
    inner = ", ".join(
        f"{name}={value!r}" if isinstance(value, str) else f"{name}={_number(value)}"
        for name, value in params.items()
    )
    return f"{activation}({inner})"


def _header(kind: str, labels: Sequence[str], extra: str = "") -> str:
    current = labels[0] if labels else "nothing"
    parts = [f"ActExplorer {_version()}", kind, f"activation: {current}"]
    if len(labels) > 1:
        parts.append("pinned: " + "; ".join(labels[1:]))
    if extra:
        parts.append(extra)
    # One line, whatever the labels hold: a newline would end the comment early.
    return "# " + " | ".join(p.replace("\n", " ").replace("\r", " ") for p in parts)


def _table(header: str, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    buffer.write(header + "\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def _column(name: str, values: npt.ArrayLike, size: int | None) -> npt.NDArray[np.float64]:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional; got shape {array.shape}")
    if size is not None and array.size != size:
        raise ValueError(f"{name} has {array.size} values where x has {size}")
    return array


def curves_csv(curves: Sequence[CurveSeries]) -> str:
    """CSV of x, f(x), f′(x) for each curve (the current function first, then the pinned ones)."""
    labels = [describe_function(c.activation, c.params) for c in curves]
    rows: list[tuple[str, ...]] = []
    for label, curve in zip(labels, curves, strict=True):
        x = _column(f"x of {label}", curve.x, None)
        f = _column(f"f of {label}", curve.f, x.size)
        df = _column(f"f' of {label}", curve.df, x.size)
        rows.extend(
            (label, repr(a), repr(b), repr(c))
            for a, b, c in zip(x.tolist(), f.tolist(), df.tolist(), strict=True)
        )
    return _table(_header("curves", labels), CURVE_COLUMNS, rows)


def _histogram_rows(label: str, quantity: str, hist: Histogram) -> list[tuple[str, ...]]:
    edges = np.asarray(hist.edges, dtype=np.float64).tolist()
    density = hist.density().tolist()
    counts = hist.counts.tolist()
    # Values outside the range sit in two open-ended bins; an infinitely wide bin has density 0.
    lefts = [-math.inf, *edges[:-1], edges[-1]]
    rights = [edges[0], *edges[1:], math.inf]
    return [
        (label, quantity, repr(lo), repr(hi), str(int(count)), repr(dens))
        for lo, hi, count, dens in zip(
            lefts, rights, [hist.below, *counts, hist.above], [0.0, *density, 0.0], strict=True
        )
    ]


def _sampling_note(stats: SampleStats) -> str:
    dist = describe_function(stats.dist.kind, stats.dist.params)
    mode = ", training mode" if stats.train_mode else ""
    return f"X ~ {dist}, n={stats.n}, seed={stats.seed}{mode}"


def histograms_csv(stats: SampleStats, pinned: Sequence[SampleStats] = ()) -> str:
    """CSV of every bin (left edge, right edge, count, density) of f(X), f′(X) and X.

    density = count / (total · width), so the bars integrate to the share of values inside the
    range. Each histogram starts and ends with an open bin, (−inf, first edge) and (last edge,
    inf), counting the values outside the range (±inf included) with density 0; NaNs are in none.
    """
    labels = [describe_function(s.activation, s.params) for s in (stats, *pinned)]
    rows: list[tuple[str, ...]] = []
    for label, item in zip(labels, (stats, *pinned), strict=True):
        quantities = [("f(X)", item.output_hist), ("f'(X)", item.derivative_hist)]
        if item is stats:
            quantities.append(("X", item.input_hist))
        for quantity, hist in quantities:
            rows.extend(_histogram_rows(label, quantity, hist))
    return _table(_header("histograms", labels, _sampling_note(stats)), HISTOGRAM_COLUMNS, rows)


def _stats_rows(label: str, stats: SampleStats) -> list[tuple[str, ...]]:
    exact = stats.exact
    entries: list[tuple[str, float | int, float | None]] = [
        ("mean", stats.mean, exact.mean if exact else None),
        ("std", stats.std, exact.std if exact else None),
        ("min", stats.min, None),
        ("max", stats.max, None),
        ("dead fraction", stats.dead_fraction, None),
        ("saturated fraction", stats.saturated_fraction, None),
        ("mean |f'|", stats.mean_abs_derivative, None),
        ("mean f'^2", stats.mean_sq_derivative, exact.mean_sq_derivative if exact else None),
        ("samples", stats.n, None),
        ("NaN outputs", stats.nan_count, None),
        ("infinite outputs", stats.inf_count, None),
        ("non-finite derivatives", stats.derivative_nonfinite_count, None),
    ]
    return [
        (label, name, _number(sampled), "" if exact_value is None else _number(exact_value))
        for name, sampled, exact_value in entries
    ]


def stats_csv(stats: SampleStats, pinned: Sequence[SampleStats] = ()) -> str:
    """CSV of the statistics panel: each statistic sampled and, where known, exact.

    mean = Σf(xᵢ)/n beside E[f(X)], std beside √Var[f(X)], mean f′² beside E[f′(X)²]; an empty
    ``exact`` cell means no exact value exists (extremes, fractions, counts) or it is unknown.
    """
    labels = [describe_function(s.activation, s.params) for s in (stats, *pinned)]
    rows: list[tuple[str, ...]] = []
    for label, item in zip(labels, (stats, *pinned), strict=True):
        rows.extend(_stats_rows(label, item))
    note = _sampling_note(stats) + f", saturated means |f'| < {stats.saturation_threshold:g}"
    return _table(_header("statistics", labels, note), STATS_COLUMNS, rows)


def write_file(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` whole or not at all; return the path written.

    The bytes go to a temporary file beside the target, which then replaces it in one step, so a
    failure never leaves a partial file and an existing file survives a failed overwrite. Errors
    are ``OSError`` (``FileNotFoundError``, ``PermissionError``, ...) naming ``path``.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if not str(path) or target.name in ("", ".", ".."):
        raise ValueError(f"not a file name: {str(path)!r}")
    if target.is_dir():
        raise IsADirectoryError(21, f"cannot write {target}: it is a directory", str(target))
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(
            2, f"cannot write {target}: the folder {folder} does not exist", str(target)
        )
    temporary = folder / f".{target.name}.{secrets.token_hex(6)}.part"
    try:
        # O_EXCL: never write through a file (or link) that is already there. Mode 0o666 lets the
        # umask decide the permissions, as for any new file.
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666)
    except OSError as error:
        raise type(error)(
            error.errno, f"cannot write {target}: {error.strerror}", str(target)
        ) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise type(error)(
            error.errno, f"cannot write {target}: {error.strerror}", str(target)
        ) from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return target
