"""A formula drawn as mathematics: the catalog's LaTeX typeset with matplotlib's mathtext.

mathtext understands a large subset of TeX but no environments (``\\begin{cases}``), no
``\\le``, ``\\tfrac`` or ``\\big``. :func:`parse_formula` turns a catalog formula into a small
layout tree (rows, piecewise cases with a brace, aligned lines) whose leaves are strings mathtext
can typeset; :func:`render_formula` typesets the leaves, places them and returns a coloured image.

matplotlib is imported on first use only: it costs a few hundred milliseconds, which the window's
first paint should not wait for. Until then a :class:`FormulaView` shows the plain-text formula.
"""

from __future__ import annotations

import math
import re
import sys
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

# -- the layout tree ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Math:
    """One line of TeX that mathtext can typeset as is."""

    tex: str


@dataclass(frozen=True, slots=True)
class Row:
    """Items side by side on a common baseline."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Stack:
    """Lines one below the other, left-aligned."""

    lines: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Grid:
    """A table of cells: ``cases`` (left brace, columns left-aligned) or ``aligned`` lines.

    ``align`` holds one letter per column (``l``, ``r``, ``c``); the last one repeats.
    """

    rows: tuple[tuple[Node, ...], ...]
    align: str = "l"
    brace: bool = False


Node: TypeAlias = Math | Row | Stack | Grid


class FormulaError(ValueError):
    """The formula cannot be typeset."""


# -- TeX → mathtext ------------------------------------------------------------------------------

# Control words mathtext lacks, mapped to ones it has (or removed when purely typographic).
_WORD_MAP: dict[str, str] = {
    "le": r"\leq",
    "ge": r"\geq",
    "leqslant": r"\leq",
    "geqslant": r"\geq",
    "lt": "<",
    "gt": ">",
    "lor": r"\vee",
    "land": r"\wedge",
    "lvert": "|",
    "rvert": "|",
    "lVert": r"\Vert",
    "rVert": r"\Vert",
    "tfrac": r"\frac",
    "cfrac": r"\frac",
    "textrm": r"\text",
    "textnormal": r"\text",
    "mbox": r"\text",
    "hbox": r"\text",
    "textit": r"\mathit",
    "emph": r"\mathit",
    "textbf": r"\mathbf",
    "textsf": r"\mathsf",
    "texttt": r"\mathtt",
    "medspace": r"\:",
    "thickspace": r"\;",
    "negthinspace": r"\!",
    "negmedspace": r"\!",
    "coloneqq": ":=",
    "stackrel": r"\overset",
    "erf": r"\operatorname{erf}",
    "erfc": r"\operatorname{erfc}",
    "sgn": r"\operatorname{sgn}",
    "sign": r"\operatorname{sign}",
    "softplus": r"\operatorname{softplus}",
    "dots": r"\ldots",
    "dotsc": r"\ldots",
    "dotsb": r"\cdots",
    "colon": ":",
    "lbrace": r"\{",
    "rbrace": r"\}",
    "implies": r"\Rightarrow",
    "iff": r"\Leftrightarrow",
    "eqqcolon": "=:",
    "tanh": r"\tanh",
}

# Sizing and style commands with no argument: dropped (mathtext sizes \left...\right itself).
_DROP_WORDS = frozenset(
    {
        "displaystyle",
        "textstyle",
        "scriptstyle",
        "scriptscriptstyle",
        "limits",
        "nolimits",
        "nonumber",
        "notag",
        "middle",
        "big",
        "Big",
        "bigg",
        "Bigg",
        "bigl",
        "Bigl",
        "biggl",
        "Biggl",
        "bigr",
        "Bigr",
        "biggr",
        "Biggr",
        "bigm",
        "Bigm",
        "biggm",
        "Biggm",
        "allowbreak",
    }
)

# Commands whose single braced argument is dropped along with them.
_DROP_WITH_ARGUMENT = frozenset({"label", "tag", "vphantom", "color", "hspace", "vspace"})
# Commands replaced by their (single braced) argument.
_UNWRAP = frozenset({"underbrace", "overbrace", "boxed", "mathstrut", "hphantom"})

# A starred command (\operatorname*, \hspace*) only moves limits or keeps space at a line break,
# which mathtext does not do anyway: the star is swallowed.
_CONTROL = re.compile(r"\\([A-Za-z]+)\*?|\\.")
_ENV_NAMES_CASES = frozenset({"cases", "dcases", "rcases"})
_ENV_NAMES_ALIGNED = frozenset({"aligned", "align", "align*", "alignedat", "split", "eqnarray"})
_ENV_NAMES_GATHER = frozenset({"gathered", "gather", "gather*", "multline", "multline*"})
_ENV_NAMES_ARRAY = frozenset({"array", "matrix", "smallmatrix", "subarray"})


def _braced(tex: str, start: int) -> tuple[str, int]:
    """The group starting at ``tex[start]`` ('{...}' or one token) and the index after it."""
    i = start
    while i < len(tex) and tex[i] == " ":
        i += 1
    if i >= len(tex):
        raise FormulaError("a command is missing its argument")
    if tex[i] == "{":
        depth = 0
        for j in range(i, len(tex)):
            if tex[j] == "{" and (j == 0 or tex[j - 1] != "\\"):
                depth += 1
            elif tex[j] == "}" and tex[j - 1] != "\\":
                depth -= 1
                if depth == 0:
                    return tex[i + 1 : j], j + 1
        raise FormulaError("unbalanced braces")
    if tex[i] == "\\":
        match = _CONTROL.match(tex, i)
        assert match is not None
        return match.group(0), match.end()
    return tex[i], i + 1


def to_mathtext(tex: str, display: bool = True) -> str:
    """Rewrite one line of TeX (no environments, no ``\\\\`` or ``&``) into mathtext's dialect.

    With ``display`` a fraction outside scripts and other fractions is set full size
    (``\\dfrac``), as in a displayed equation; mathtext would otherwise shrink every fraction.
    """
    out: list[str] = []
    i = 0
    while i < len(tex):
        ch = tex[i]
        if ch in "^_" and i + 1 < len(tex):
            inner, i = _braced(tex, i + 1)
            converted = to_mathtext(inner, display=False)
            out.append(ch + (converted if len(converted) == 1 else "{" + converted + "}"))
            continue
        if ch != "\\":
            # A stray alignment mark outside a table means nothing on one line.
            out.append("" if ch == "&" else ch)
            i += 1
            continue
        match = _CONTROL.match(tex, i)
        if match is None:  # a lone backslash at the end
            i += 1
            continue
        word = match.group(1)
        end = match.end()
        if word is None:  # a control symbol such as \, \{ \|
            out.append(r"\Vert" if match.group(0) == r"\|" else match.group(0))
            i = end
            continue
        if word in _DROP_WORDS:
            i = end
        elif word in _DROP_WITH_ARGUMENT:
            _, i = _braced(tex, end)
        elif word in _UNWRAP:
            inner, i = _braced(tex, end)
            out.append("{" + to_mathtext(inner, display) + "}")
        elif word == "operatorname":
            inner, i = _braced(tex, end)
            out.append(r"\operatorname{" + inner + "}")
        elif word in ("frac", "tfrac", "dfrac", "cfrac", "binom", "overset", "underset"):
            # \frac12 is legal TeX but mathtext wants braced arguments.
            numerator, after = _braced(tex, end)
            denominator, i = _braced(tex, after)
            if word in ("frac", "dfrac", "cfrac"):
                name = "dfrac" if display else "frac"
            else:
                name = "frac" if word == "tfrac" else word
            top, bottom = to_mathtext(numerator, False), to_mathtext(denominator, False)
            out.append(f"\\{name}{{{top}}}{{{bottom}}}")
        elif word == "sqrt" and tex[end : end + 1] != "[":
            inner, i = _braced(tex, end)
            out.append(r"\sqrt{" + to_mathtext(inner, display) + "}")
        elif word in ("text", "textrm", "textnormal", "mbox", "hbox"):
            inner, i = _braced(tex, end)
            out.append(r"\text{" + inner + "}")
        elif word in _WORD_MAP:
            out.append(_WORD_MAP[word])
            i = end
        else:
            out.append(match.group(0))
            i = end
    result = "".join(out)
    return _balance_delimiters(result)


_LEFT = re.compile(r"\\left(?![A-Za-z])")
_RIGHT = re.compile(r"\\right(?![A-Za-z])")


def _balance_delimiters(tex: str) -> str:
    """Drop \\left/\\right sizing when a line split has left them unpaired."""
    if len(_LEFT.findall(tex)) == len(_RIGHT.findall(tex)):
        return tex
    tex = re.sub(r"\\(left|right)\s*\.", "", tex)
    return re.sub(r"\\(left|right)(?![A-Za-z])\s*", "", tex)


def _split_top(tex: str, separator: str) -> list[str]:
    """Split ``tex`` at ``separator`` (``\\\\`` or ``&``) outside braces and environments."""
    parts: list[str] = []
    depth = 0
    env_depth = 0
    start = 0
    i = 0
    while i < len(tex):
        if tex.startswith(r"\begin{", i):
            env_depth += 1
            i += 7
            continue
        if tex.startswith(r"\end{", i):
            env_depth -= 1
            i += 5
            continue
        ch = tex[i]
        if ch == "\\":
            if depth == 0 and env_depth == 0 and tex.startswith(separator, i):
                parts.append(tex[start:i])
                i += len(separator)
                # \\[2pt] carries an optional extra gap.
                if separator == "\\\\" and tex[i : i + 1] == "[":
                    close = tex.find("]", i)
                    i = close + 1 if close >= 0 else i
                start = i
                continue
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and env_depth == 0 and tex.startswith(separator, i):
            parts.append(tex[start:i])
            i += len(separator)
            start = i
            continue
        i += 1
    parts.append(tex[start:])
    return parts


_BEGIN = re.compile(r"\\begin\{([A-Za-z*]+)\}")


def _find_environment(tex: str) -> tuple[int, int, str, str, str] | None:
    """The first top-level environment: (start, end, name, column spec, body)."""
    match = _BEGIN.search(tex)
    if match is None:
        return None
    name = match.group(1)
    body_start = match.end()
    spec = ""
    if name in ("array", "subarray", "alignedat"):
        spec, body_start = _braced(tex, body_start)
    depth = 1
    pattern = re.compile(r"\\(begin|end)\{([A-Za-z*]+)\}")
    for inner in pattern.finditer(tex, body_start):
        depth += 1 if inner.group(1) == "begin" else -1
        if depth == 0:
            if inner.group(2) != name:
                raise FormulaError(f"\\begin{{{name}}} closed by \\end{{{inner.group(2)}}}")
            return match.start(), inner.end(), name, spec, tex[body_start : inner.start()]
    raise FormulaError(f"\\begin{{{name}}} is never closed")


_LEFT_BRACE_BEFORE = re.compile(r"\\left\s*(\\\{|\\lbrace)\s*$")
_RIGHT_DOT_AFTER = re.compile(r"^\s*\\right\s*\.")


def _parse_line(tex: str) -> Node:
    """A line without top-level ``\\\\``: text and environments side by side."""
    items: list[Node] = []
    rest = tex
    while True:
        found = _find_environment(rest)
        if found is None:
            break
        start, end, name, spec, body = found
        before, after = rest[:start], rest[end:]
        brace = name in _ENV_NAMES_CASES
        # \left\{ \begin{array}...\end{array} \right. is the old way of writing cases.
        left = _LEFT_BRACE_BEFORE.search(before)
        right = _RIGHT_DOT_AFTER.match(after)
        if left and right and name in _ENV_NAMES_ARRAY:
            before, after = before[: left.start()], after[right.end() :]
            brace = True
        if before.strip():
            items.append(Math(to_mathtext(before)))
        items.append(_parse_environment(name, spec, body, brace))
        rest = after
    if rest.strip() or not items:
        items.append(Math(to_mathtext(rest)))
    return items[0] if len(items) == 1 else Row(tuple(items))


def _parse_environment(name: str, spec: str, body: str, brace: bool) -> Node:
    rows = [row for row in _split_top(body, "\\\\") if row.strip()]
    cells = tuple(tuple(_parse(cell) for cell in _split_top(row, "&")) for row in rows)
    if name in _ENV_NAMES_GATHER:
        return Stack(tuple(_parse(row) for row in rows))
    if name in _ENV_NAMES_ALIGNED:
        return Grid(cells, align="rl")
    if name in _ENV_NAMES_ARRAY and spec:
        align = "".join(ch for ch in spec if ch in "lrc") or "l"
        return Grid(cells, align=align, brace=brace)
    if name in _ENV_NAMES_CASES or name in _ENV_NAMES_ARRAY:
        return Grid(cells, align="l" if brace else "c", brace=brace)
    raise FormulaError(f"unsupported environment {name!r}")


def _parse(tex: str) -> Node:
    lines = [line for line in _split_top(tex, "\\\\") if line.strip()]
    if len(lines) > 1:
        return Stack(tuple(_parse_line(line) for line in lines))
    return _parse_line(lines[0] if lines else "")


def parse_formula(latex: str) -> Node:
    """The layout tree of a catalog formula, every leaf in mathtext's dialect."""
    tex = latex.strip()
    if tex.startswith("$") and tex.endswith("$"):
        tex = tex.strip("$")
    return _parse(tex)


def leaves(node: Node) -> list[str]:
    """Every mathtext string in ``node``, in reading order."""
    if isinstance(node, Math):
        return [node.tex]
    if isinstance(node, Row):
        return [tex for item in node.items for tex in leaves(item)]
    if isinstance(node, Stack):
        return [tex for line in node.lines for tex in leaves(line)]
    return [tex for row in node.rows for cell in row for tex in leaves(cell)]


# -- typesetting ----------------------------------------------------------------------------------

#: The mathtext font set: Computer Modern, the look of a textbook.
FONTSET = "cm"


@dataclass(slots=True)
class _Box:
    """A typeset piece: an alpha mask with its baseline, plus braces to draw."""

    mask: np.ndarray  # uint8, (height, width)
    baseline: int  # rows from the top to the baseline
    braces: list[tuple[float, float, float, float]]  # (x, top, width, height) in pixels

    @property
    def width(self) -> int:
        return int(self.mask.shape[1])

    @property
    def height(self) -> int:
        return int(self.mask.shape[0])


def _empty(height: int, baseline: int) -> _Box:
    return _Box(np.zeros((height, 0), np.uint8), baseline, [])


class _Typesetter:
    """Places typeset leaves according to the layout tree, at one pixel size."""

    def __init__(self, pixel_size: float) -> None:
        try:
            from matplotlib.font_manager import FontProperties
            from matplotlib.mathtext import MathTextParser
        except ImportError as exc:  # without matplotlib the plain-text formula is shown
            raise FormulaError("typesetting needs matplotlib, which is not installed") from exc

        self.px = pixel_size
        self._parser = MathTextParser("agg")
        self._prop = FontProperties(size=pixel_size, math_fontfamily=FONTSET)
        self.axis = round(0.25 * pixel_size)  # TeX's math axis, where fraction bars sit

    def leaf(self, tex: str) -> _Box:
        if not tex.strip():
            return _empty(1, 1)
        try:
            result = self._parser.parse(f"${tex}$", dpi=72, prop=self._prop)
        except Exception as exc:  # mathtext raises pyparsing and ValueError subclasses
            message = str(exc).strip().splitlines()
            raise FormulaError(f"{tex!r}: {message[-1] if message else exc}") from exc
        mask = np.asarray(result.image, dtype=np.uint8)
        baseline = mask.shape[0] - round(result.depth)
        return _Box(mask, baseline, [])

    def box(self, node: Node) -> _Box:
        if isinstance(node, Math):
            return self.leaf(node.tex)
        if isinstance(node, Row):
            return self.hjoin([self.box(item) for item in node.items], gap=round(0.2 * self.px))
        if isinstance(node, Stack):
            return self.vstack([self.box(line) for line in node.lines], align="l")
        return self.grid(node)

    def hjoin(self, boxes: list[_Box], gap: int) -> _Box:
        boxes = [box for box in boxes if box.width]
        if not boxes:
            return _empty(1, 1)
        ascent = max(box.baseline for box in boxes)
        descent = max(box.height - box.baseline for box in boxes)
        width = sum(box.width for box in boxes) + gap * (len(boxes) - 1)
        mask = np.zeros((ascent + descent, width), np.uint8)
        braces: list[tuple[float, float, float, float]] = []
        x = 0
        for box in boxes:
            top = ascent - box.baseline
            _blit(mask, box.mask, top, x)
            braces += [(bx + x, by + top, bw, bh) for bx, by, bw, bh in box.braces]
            x += box.width + gap
        return _Box(mask, ascent, braces)

    def vstack(self, boxes: list[_Box], align: str) -> _Box:
        boxes = [box for box in boxes if box.width]
        if not boxes:
            return _empty(1, 1)
        gap = round(0.35 * self.px)
        width = max(box.width for box in boxes)
        height = sum(box.height for box in boxes) + gap * (len(boxes) - 1)
        mask = np.zeros((height, width), np.uint8)
        braces: list[tuple[float, float, float, float]] = []
        y = 0
        for box in boxes:
            x = _aligned_x(align, width, box.width)
            _blit(mask, box.mask, y, x)
            braces += [(bx + x, by + y, bw, bh) for bx, by, bw, bh in box.braces]
            y += box.height + gap
        # Centre the stack on the math axis so that "f(x) =" lines up with its middle.
        return _Box(mask, height // 2 + self.axis, braces)

    def grid(self, node: Grid) -> _Box:
        cells = [[self.box(cell) for cell in row] for row in node.rows]
        if not cells:
            return _empty(1, 1)
        columns = max(len(row) for row in cells)
        widths = [
            max((row[c].width for row in cells if c < len(row)), default=0) for c in range(columns)
        ]
        column_gap = round(1.0 * self.px)
        row_gap = round(0.3 * self.px)
        lines: list[_Box] = []
        for row in cells:
            padded: list[_Box] = []
            for c, cell in enumerate(row):
                align = node.align[min(c, len(node.align) - 1)]
                slack = widths[c] - cell.width
                left = _aligned_x(align, widths[c], cell.width)
                padded.append(_pad(cell, left, slack - left))
            lines.append(self.hjoin(padded, gap=column_gap))
        width = max(line.width for line in lines)
        height = sum(line.height for line in lines) + row_gap * (len(lines) - 1)
        brace_width = round(0.55 * self.px) if node.brace else 0
        brace_gap = round(0.25 * self.px) if node.brace else 0
        x0 = brace_width + brace_gap
        mask = np.zeros((height, x0 + width), np.uint8)
        braces: list[tuple[float, float, float, float]] = []
        y = 0
        for line in lines:
            _blit(mask, line.mask, y, x0)
            braces += [(bx + x0, by + y, bw, bh) for bx, by, bw, bh in line.braces]
            y += line.height + row_gap
        if node.brace:
            braces.append((0.0, 0.0, float(brace_width), float(height)))
        return _Box(mask, height // 2 + self.axis, braces)


def _aligned_x(align: str, total: int, width: int) -> int:
    if align == "r":
        return total - width
    if align == "c":
        return (total - width) // 2
    return 0


def _pad(box: _Box, left: int, right: int) -> _Box:
    mask = np.pad(box.mask, ((0, 0), (left, right)))
    braces = [(bx + left, by, bw, bh) for bx, by, bw, bh in box.braces]
    return _Box(mask, box.baseline, braces)


def _blit(target: np.ndarray, source: np.ndarray, top: int, left: int) -> None:
    h, w = source.shape
    region = target[top : top + h, left : left + w]
    np.maximum(region, source[: region.shape[0], : region.shape[1]], out=region)


def _brace_path(x: float, top: float, width: float, height: float) -> QPainterPath:
    """A filled curly brace opening to the right, thin at its tips and at its point."""
    half = height / 2
    radius = min(width * 0.5, half * 0.5)
    stem = x + width * 0.5
    samples = 48
    # The upper half's centre line: tip → round corner → straight stem → curl into the point.
    upper: list[tuple[float, float]] = []
    for k in range(samples + 1):
        s = k / samples
        if s < 0.25:  # quarter turn from the tip into the stem
            a = s / 0.25 * math.pi / 2
            upper.append((stem + radius * (1 - math.sin(a)), top + radius * (1 - math.cos(a))))
        elif s < 0.75:
            t = (s - 0.25) / 0.5
            upper.append((stem, top + radius + t * (half - 2 * radius)))
        else:  # quarter turn from the stem out to the point
            a = (s - 0.75) / 0.25 * math.pi / 2
            upper.append(
                (stem - radius * (1 - math.cos(a)), top + half - radius + radius * math.sin(a))
            )
    centre = upper + [(px, 2 * (top + half) - py) for px, py in reversed(upper[:-1])]
    thick, thin = max(1.2, width * 0.2), max(0.6, width * 0.05)
    n = len(centre)
    left_side: list[QPointF] = []
    right_side: list[QPointF] = []
    for k in range(n):
        x0, y0 = centre[max(k - 1, 0)]
        x1, y1 = centre[min(k + 1, n - 1)]
        dx, dy = x1 - x0, y1 - y0
        norm = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / norm, dx / norm
        s = (k / (n - 1)) * 2 % 1.0 if k != n - 1 else 1.0
        w = thin + (thick - thin) * math.sin(math.pi * s) ** 0.7
        px, py = centre[k]
        left_side.append(QPointF(px + nx * w / 2, py + ny * w / 2))
        right_side.append(QPointF(px - nx * w / 2, py - ny * w / 2))
    path = QPainterPath(left_side[0])
    for point in left_side[1:]:
        path.lineTo(point)
    for point in reversed(right_side):
        path.lineTo(point)
    path.closeSubpath()
    return path


def render_formula(latex: str, point_size: float, color: QColor, scale: float = 1.0) -> QImage:
    """The formula typeset at ``point_size`` (points, 96 dpi) × ``scale`` in ``color``.

    Raises :class:`FormulaError` when mathtext cannot typeset it. The image's device pixel ratio
    is ``scale``, so it paints at ``point_size`` on a high-density screen.
    """
    key = (latex, color.rgba(), round(point_size * 100), round(scale * 100))
    cached = _CACHE.get(key)
    if cached is not None:
        _CACHE.move_to_end(key)
        return cached
    pixel_size = point_size * 96.0 / 72.0 * scale
    box = _Typesetter(pixel_size).box(parse_formula(latex))
    if box.width == 0 or not box.mask.any():
        raise FormulaError(f"{latex!r} typesets to nothing")
    margin = max(1, round(0.1 * pixel_size))
    mask = np.pad(box.mask, margin)
    height, width = mask.shape
    # Premultiplied ARGB, little-endian BGRA in memory.
    alpha = mask.astype(np.float32) / 255.0 * color.alphaF()
    pixels = np.empty((height, width, 4), np.uint8)
    pixels[..., 0] = np.round(alpha * color.blue()).astype(np.uint8)
    pixels[..., 1] = np.round(alpha * color.green()).astype(np.uint8)
    pixels[..., 2] = np.round(alpha * color.red()).astype(np.uint8)
    pixels[..., 3] = np.round(alpha * 255).astype(np.uint8)
    image = QImage(
        pixels.data, width, height, width * 4, QImage.Format.Format_ARGB32_Premultiplied
    ).copy()  # own the pixels: the NumPy buffer dies with this function
    if box.braces:
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        for bx, by, bw, bh in box.braces:
            painter.drawPath(_brace_path(bx + margin, by + margin, bw, bh))
        painter.end()
    image.setDevicePixelRatio(scale)
    _CACHE[key] = image
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return image


_CACHE_SIZE = 256
_CACHE: OrderedDict[tuple[str, int, int, int], QImage] = OrderedDict()


# -- the widget -----------------------------------------------------------------------------------


class FormulaView(QWidget):
    """Shows one formula as typeset mathematics; the plain-text form is its tooltip.

    If mathtext cannot typeset the formula the plain text is shown instead and
    :attr:`render_error` says why.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._latex = ""
        self._text = ""
        self._point_size = 13.0
        self._alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self._image: QImage | None = None
        self._image_key: tuple[str, int, float, float] | None = None
        self._error = ""
        self._render_pending = False
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setObjectName("formulaView")

    # -- public API --------------------------------------------------------------------------
    def set_formula(self, latex: str, text: str = "") -> None:
        """Show ``latex``; ``text`` (plain text) is the tooltip and the fallback."""
        if latex == self._latex and (text or latex) == self._text:
            return
        self._latex = latex
        self._text = text or latex
        self.setToolTip(text)
        self.setAccessibleName(text or latex)
        self._invalidate()

    def set_font_size(self, point_size: float) -> None:
        """Typeset at ``point_size`` points (larger for presentation mode)."""
        if point_size <= 0 or not math.isfinite(point_size):
            raise ValueError(f"font size must be a positive number; got {point_size!r}")
        self._point_size = float(point_size)
        self._invalidate()

    def set_alignment(self, alignment: Qt.AlignmentFlag) -> None:
        """Where the formula sits inside the widget (default: left, vertically centred)."""
        self._alignment = alignment
        self.update()

    def font_size(self) -> float:
        """The point size formulas are typeset at."""
        return self._point_size

    def latex(self) -> str:
        """The formula's LaTeX source."""
        return self._latex

    @property
    def render_error(self) -> str:
        """Why the formula fell back to plain text ('' when it is typeset)."""
        self._ensure_image()
        return self._error

    @property
    def fell_back(self) -> bool:
        """True when the plain-text formula is shown instead of typeset mathematics."""
        return bool(self._latex) and self.image() is None

    def is_typeset(self) -> bool:
        """True once the current formula is typeset (False while the plain text stands in)."""
        return self._image is not None and self._image_key == self._current_key()

    def image(self) -> QImage | None:
        """The typeset image as painted now (rendering it if needed); None on fallback."""
        self._ensure_image()
        return self._image

    def ensure_rendered(self) -> None:
        """Typeset now instead of after the first paint (e.g. before an offscreen screenshot)."""
        self._render_pending = False
        self._ensure_image()
        self.updateGeometry()
        self.update()

    # -- rendering ---------------------------------------------------------------------------
    def _color(self) -> QColor:
        return self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)

    def _current_key(self) -> tuple[str, int, float, float]:
        return (self._latex, self._color().rgba(), self._point_size, self.devicePixelRatioF())

    def _invalidate(self) -> None:
        self._image_key = None
        self._image = None
        self._error = ""
        self.updateGeometry()
        self.update()

    def _ensure_image(self) -> None:
        key = self._current_key()
        if self._image_key == key:
            return
        self._image_key = key
        self._image = None
        self._error = ""
        if not self._latex:
            return
        try:
            self._image = render_formula(
                self._latex, self._point_size, self._color(), self.devicePixelRatioF()
            )
        except FormulaError as exc:
            self._error = str(exc)

    def _typesetter_loaded(self) -> bool:
        return "matplotlib.mathtext" in sys.modules

    def _render_deferred(self) -> None:
        if not self._render_pending:
            return
        self._render_pending = False
        self._ensure_image()
        self.updateGeometry()
        self.update()

    def _text_font(self) -> QFont:
        font = self.font()
        font.setPointSizeF(self._point_size)
        return font

    def sizeHint(self) -> QSize:
        """The typeset formula's size (or the plain text's until it is typeset)."""
        if self._image is not None and self._image_key == self._current_key():
            ratio = self._image.devicePixelRatio()
            return QSize(
                math.ceil(self._image.width() / ratio) + 4,
                math.ceil(self._image.height() / ratio) + 4,
            )
        metrics = QFontMetrics(self._text_font())
        return QSize(metrics.horizontalAdvance(self._text) + 8, metrics.height() + 8)

    def minimumSizeHint(self) -> QSize:
        """As tall as the formula, any width (it is clipped, never squashed)."""
        return QSize(20, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the typeset formula, or the plain text until/unless it is available."""
        if not self._latex:
            return
        if self._image_key != self._current_key() and not self._typesetter_loaded():
            # Let this paint finish quickly with plain text and typeset right after it.
            if not self._render_pending:
                self._render_pending = True
                # With self as context: the call is dropped if the view is deleted first.
                QTimer.singleShot(0, self, self._render_deferred)
        else:
            self._ensure_image()
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        if self._image is not None and self._image_key == self._current_key():
            ratio = self._image.devicePixelRatio()
            w, h = self._image.width() / ratio, self._image.height() / ratio
            x = _place(self._alignment, rect.left(), rect.width(), w, horizontal=True)
            y = _place(self._alignment, rect.top(), rect.height(), h, horizontal=False)
            painter.drawImage(QPointF(round(x), round(y)), self._image)
        else:
            painter.setFont(self._text_font())
            painter.setPen(self._color())
            painter.drawText(rect, int(self._alignment) | Qt.TextFlag.TextWordWrap, self._text)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        """Re-typeset in the new text colour when the palette (light/dark theme) changes."""
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.updateGeometry()
            self.update()
        super().changeEvent(event)


def _place(
    alignment: Qt.AlignmentFlag, start: float, room: float, size: float, horizontal: bool
) -> float:
    flags = Qt.AlignmentFlag
    if horizontal:
        if alignment & flags.AlignRight:
            return start + room - size
        if alignment & flags.AlignHCenter:
            return start + (room - size) / 2
        return start
    if alignment & flags.AlignBottom:
        return start + room - size
    if alignment & flags.AlignTop:
        return start
    return start + (room - size) / 2
