"""FormulaView: every catalog formula typeset as mathematics, with a plain-text fallback."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette

from actexplorer.core import ACTIVATIONS
from actexplorer.gui.formula import (
    FormulaError,
    FormulaView,
    Grid,
    Math,
    Row,
    Stack,
    leaves,
    parse_formula,
    render_formula,
    to_mathtext,
)

# Constructs the catalog writes or may write; each must typeset.
HAND_WRITTEN = [
    r"\max(0,\,x)",
    r"\min(\max(0,\,x),\,6)",
    r"\sigma(x) = \frac{1}{1 + e^{-x}}",
    r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
    r"x\,\Phi(x) = \frac{x}{2}\left(1 + \operatorname{erf}\!\left(\frac{x}{\sqrt{2}}\right)\right)",
    r"\tfrac12 x\bigl(1 + \tanh\bigl(\sqrt{2/\pi}\,(x + 0.044715\,x^{3})\bigr)\bigr)",
    r"\ln(1 + e^{x})",
    r"\frac{1}{\beta}\ln\!\left(1 + e^{\beta x}\right)",
    r"\begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
    r"\lambda \begin{cases} x & \text{if } x > 0 \\ \alpha e^{x} - \alpha & \text{otherwise} "
    r"\end{cases}",
    r"\left\{ \begin{array}{ll} x & x \ge 0 \\ 0.01\,x & x < 0 \end{array} \right.",
    r"\begin{cases} x - \lambda & x > \lambda \\ x + \lambda & x < -\lambda \\ 0 & "
    r"\text{otherwise} \end{cases}",
    r"\operatorname{softmax}(\mathbf{z})_i = \frac{e^{z_i/T}}{\sum_j e^{z_j/T}}",
    r"\operatorname{GLU}(a, b) = a \otimes \sigma(b)",
    r"x \cdot \tanh(\operatorname{softplus}(x))",
    r"\operatorname*{clip}(x, \, a, \, b) \quad \mathrm{with}\ a \le b",
    r"\begin{aligned} f(x) &= x\,\sigma(\beta x) \\ f'(x) &= \sigma(\beta x) + \beta x\,"
    r"\sigma'(\beta x) \end{aligned}",
    r"\displaystyle \Bigl\lvert x \Bigr\rvert \lt 1",
]


def _alpha_pixels(image: QImage) -> int:
    """How many pixels of ``image`` are not fully transparent."""
    converted = image.convertToFormat(QImage.Format.Format_ARGB32)
    buffer = np.frombuffer(converted.constBits(), np.uint8).reshape(
        converted.height(), converted.bytesPerLine() // 4, 4
    )
    return int(np.count_nonzero(buffer[..., 3]))


def _view(qtbot, latex: str, text: str = "") -> FormulaView:
    view = FormulaView()
    qtbot.addWidget(view)
    view.set_formula(latex, text)
    view.ensure_rendered()
    return view


def test_every_catalog_formula_is_typeset(qtbot) -> None:
    fell_back = {}
    for key in ACTIVATIONS:
        formula = ACTIVATIONS[key].formula
        view = _view(qtbot, formula.latex, formula.text)
        image = view.image()
        if image is None:
            fell_back[key] = view.render_error
            continue
        assert not image.isNull(), key
        assert _alpha_pixels(image) > 20, f"{key} typesets to an empty image"
        assert view.toolTip() == formula.text
    assert not fell_back, f"formulas shown as plain text instead of mathematics: {fell_back}"


@pytest.mark.parametrize("latex", HAND_WRITTEN)
def test_constructs_mathtext_lacks_are_translated(qtbot, latex: str) -> None:
    view = _view(qtbot, latex, "plain")
    assert not view.fell_back, view.render_error
    assert _alpha_pixels(view.image()) > 20


def test_translation_of_single_commands() -> None:
    assert to_mathtext(r"x \le 0") == r"x \leq 0"
    assert to_mathtext(r"x \ge 0 \lt 1") == r"x \geq 0 < 1"
    assert to_mathtext(r"\left(x\right) \leq y") == r"\left(x\right) \leq y"  # \left kept
    assert to_mathtext(r"\tfrac12") == r"\frac{1}{2}"
    assert to_mathtext(r"\frac{a}{b}") == r"\dfrac{a}{b}"
    assert to_mathtext(r"e^{\frac{a}{b}}") == r"e^{\frac{a}{b}}"  # small inside a script
    assert to_mathtext(r"\bigl(x\bigr)") == "(x)"
    assert to_mathtext(r"\operatorname*{max}") == r"\operatorname{max}"
    assert to_mathtext(r"\lvert x \rvert") == "| x |"
    assert to_mathtext(r"\textrm{if }x") == r"\text{if }x"
    assert to_mathtext(r"x \label{eq} \tag{1}") == "x  "


def test_cases_become_a_braced_grid() -> None:
    node = parse_formula(r"f(x) = \begin{cases} x & x > 0 \\ 0 & x \le 0 \end{cases}")
    assert isinstance(node, Row)
    head, cases = node.items
    assert head == Math("f(x) = ")
    assert isinstance(cases, Grid) and cases.brace
    assert cases.rows == (
        (Math(" x "), Math(" x > 0 ")),
        (Math(" 0 "), Math(r" x \leq 0 ")),
    )


def test_old_style_array_cases_get_a_brace_and_lose_left_right() -> None:
    node = parse_formula(r"\left\{ \begin{array}{ll} x & a \\ y & b \end{array} \right.")
    assert isinstance(node, Grid) and node.brace and node.align == "ll"
    assert not any(r"\left" in tex or r"\right" in tex for tex in leaves(node))


def test_line_breaks_stack_and_aligned_keeps_columns() -> None:
    stacked = parse_formula(r"a = 1 \\ b = 2")
    assert stacked == Stack((Math("a = 1 "), Math(" b = 2")))
    aligned = parse_formula(r"\begin{aligned} a &= 1 \\ bb &= 2 \end{aligned}")
    assert isinstance(aligned, Grid) and not aligned.brace and len(aligned.rows) == 2


def test_unrenderable_formula_falls_back_to_text(qtbot) -> None:
    view = _view(qtbot, r"\frac{1}{", "one over nothing")
    assert view.fell_back
    assert view.render_error
    assert view.toolTip() == "one over nothing"
    view.resize(300, 60)
    assert not view.grab().isNull()  # painting the fallback text does not raise
    with pytest.raises(FormulaError):
        render_formula(r"\notacommand x", 12, QColor("black"))


def test_image_uses_the_palette_text_colour(qtbot) -> None:
    view = _view(qtbot, r"\max(0,\,x)")
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(255, 0, 0))
    view.setPalette(palette)
    image = view.image().convertToFormat(QImage.Format.Format_ARGB32)
    opaque = [
        image.pixelColor(x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() == 255
    ]
    assert opaque and all(c.red() == 255 and c.green() == 0 and c.blue() == 0 for c in opaque)
    palette.setColor(QPalette.ColorRole.WindowText, QColor(230, 230, 230))
    view.setPalette(palette)
    light = view.image().convertToFormat(QImage.Format.Format_ARGB32)
    colours = {
        light.pixelColor(x, y).rgba()
        for y in range(light.height())
        for x in range(light.width())
        if light.pixelColor(x, y).alpha() == 255
    }
    assert colours == {QColor(230, 230, 230).rgba()}


def test_font_size_and_pixel_ratio_scale_the_image(qtbot) -> None:
    view = _view(qtbot, r"\sigma(x) = \frac{1}{1 + e^{-x}}")
    small = view.sizeHint()
    view.set_font_size(26)
    view.ensure_rendered()
    large = view.sizeHint()
    assert large.width() > 1.7 * small.width()
    assert large.height() > 1.7 * small.height()
    with pytest.raises(ValueError):
        view.set_font_size(float("nan"))
    one = render_formula(r"\tanh(x)", 12, QColor("black"), 1.0)
    two = render_formula(r"\tanh(x)", 12, QColor("black"), 2.0)
    assert two.devicePixelRatio() == 2.0
    assert abs(two.width() - 2 * one.width()) <= 4


def test_rendering_is_cached(qtbot) -> None:
    first = render_formula(r"\ln(1 + e^{x})", 12, QColor("black"))
    again = render_formula(r"\ln(1 + e^{x})", 12, QColor("black"))
    other = render_formula(r"\ln(1 + e^{x})", 12, QColor("white"))
    assert first.cacheKey() == again.cacheKey()
    assert first.cacheKey() != other.cacheKey()


def test_first_paint_shows_text_then_typesets(qtbot, monkeypatch) -> None:
    # As in a fresh process, where matplotlib is not loaded before the window's first paint.
    monkeypatch.setattr(FormulaView, "_typesetter_loaded", lambda self: False)
    view = FormulaView()
    qtbot.addWidget(view)
    view.set_formula(r"\frac{x}{7}", "x / 7")
    view.set_alignment(Qt.AlignmentFlag.AlignCenter)
    view.resize(200, 80)
    text_only = view.grab()  # a paint: plain text, typesetting scheduled for later
    assert not view.is_typeset()
    qtbot.waitUntil(view.is_typeset)
    assert view.grab().toImage() != text_only.toImage()


def test_a_view_deleted_before_its_deferred_typesetting_is_left_alone(qtbot, monkeypatch) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    monkeypatch.setattr(FormulaView, "_typesetter_loaded", lambda self: False)
    view = FormulaView()
    view.set_formula(r"\frac{x}{7}", "x / 7")
    view.resize(200, 80)
    view.grab()  # schedules the typesetting for the next turn of the event loop
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # pytest-qt fails the test if the scheduled call reaches the deleted view.
    for _ in range(3):
        QCoreApplication.processEvents()


def test_importing_the_module_does_not_import_matplotlib() -> None:
    code = (
        "import sys, actexplorer.gui.formula\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported eagerly'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
