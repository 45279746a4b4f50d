"""Chinese on the explorer's plots, the presentation mode, the shortcut sheet and the animation
dock: no English left apart from names and notation, and a switch back shows English at once."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QWidget

from actexplorer.core import locale as core_locale
from actexplorer.gui import MainWindow, i18n
from actexplorer.gui.controller import format_value, legend_label
from actexplorer.gui.gif_export import GifDialog, GifOptions
from actexplorer.gui.presentation import PRESENTATION_KEYS
from actexplorer.state import Pin
from tests.gui._i18n import WORD, untranslated

#: Notation, units and product names that read the same in Chinese.
KEPT = {"GIF", "px", "fps", "MB", "Esc", "F1", "F11", "Ctrl", "log", "NaN"}

PLOT_TITLES = {
    "en": ["Function", "Derivative", "Outputs f(X)", "Local gradients f′(X)"],
    "zh_CN": ["函数", "导数", "输出 f(X)", "局部梯度 f′(X)"],
}

pytestmark = pytest.mark.usefixtures("back_to_english")


def _widget_texts(root: QWidget) -> list[str]:
    """Texts and tooltips of ``root`` and every descendant."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                texts.append(widget.itemText(i))
                texts.append(str(widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or ""))
    return [t for t in texts if t]


def _plot_texts(window: MainWindow) -> list[tuple[str, str, str]]:
    """(title, bottom label, left label) of the explorer's four plots."""
    found = []
    for plot in window.plots.plots:
        item = plot.getPlotItem()
        found.append(
            (
                item.titleLabel.text,
                item.getAxis("bottom").labelText,
                item.getAxis("left").labelText,
            )
        )
    return found


# -- the plots --------------------------------------------------------------------------------
def test_plot_titles_and_axis_labels_switch_at_once(window: MainWindow) -> None:
    assert [t for t, _, _ in _plot_texts(window)] == PLOT_TITLES["en"]
    window.set_language("zh_CN")
    texts = _plot_texts(window)
    assert [t for t, _, _ in texts] == PLOT_TITLES["zh_CN"]
    assert [(x, y) for _, x, y in texts] == [
        ("x", "f(x)"),
        ("x", "f′(x)"),
        ("f(X)", "密度"),
        ("f′(X)", "密度"),
    ]
    assert untranslated([t for row in texts for t in row], {"x", "f", "X"}) == []
    # The title keeps the look's style (colour, size, weight) through the switch.
    title = window.plots.function_plot.getPlotItem().titleLabel
    assert title.opts.get("bold") is True and "size" in title.opts

    window.set_log_derivative(True)
    assert window.plots.derivative_plot.getPlotItem().getAxis("left").labelText == (
        "|f′(x)|（对数刻度）"
    )
    window.set_language("en")
    assert [t for t, _, _ in _plot_texts(window)] == PLOT_TITLES["en"]
    assert window.plots.derivative_plot.getPlotItem().getAxis("left").labelText == (
        "|f′(x)|  (log scale)"
    )
    window.set_log_derivative(False)
    assert _plot_texts(window)[2][2] == "density"


def test_presentation_look_keeps_translated_titles(window: MainWindow) -> None:
    window.set_language("zh_CN")
    window.presentation.set_active(True, full_screen=False)
    item = window.plots.output_histogram.getPlotItem()
    assert item.titleLabel.text == "输出 f(X)"
    assert item.getAxis("left").labelText == "密度"
    window.set_language("en")
    assert item.titleLabel.text == "Outputs f(X)"
    window.presentation.set_active(False)


def test_legend_names_the_functions_in_the_current_language(window: MainWindow) -> None:
    window.state.activation = "binary_step"
    window.state.pin_current()
    window.state.activation = "elu"
    window.state.set_param("alpha", 0.5)
    window.state.pin_current()
    window.wait_until_idle()

    def legend() -> list[str]:
        return [label.text for _sample, label in window.plots.legend.items]

    english = legend()
    assert "Binary step" in english and "ELU (alpha=0.5)" in english
    window.set_language("zh_CN")
    assert "二值阶跃" in legend() and "ELU (alpha=0.5)" in legend()
    assert not any("Binary" in text for text in legend())
    window.set_language("en")
    assert legend() == english


def test_legend_label_keeps_parameters_and_custom_names() -> None:
    from actexplorer.core import get

    pin = Pin("elu", {"alpha": 0.5})
    assert legend_label(pin) == pin.label == "ELU (alpha=0.5)"
    assert legend_label(Pin("binary_step", {})) == get("binary_step").name


def test_readout_is_written_again_in_the_new_language(window: MainWindow) -> None:
    window.plots.hovered.emit(1.5)
    english = window.readout.text()
    assert english.startswith("x = 1.5") and "f′(x) = 1" in english
    window.set_language("zh_CN")
    # Notation only: the same text, still shown (not cleared) after the switch.
    assert window.readout.text() == english
    assert format_value(float("nan")) == "无定义"
    window.set_language("en")
    assert format_value(float("nan")) == "undefined"
    window.plots.hovered.emit(float("nan"))
    window.set_language("zh_CN")
    assert window.readout.text() == ""


# -- presentation mode ------------------------------------------------------------------------
def test_presentation_strip_and_hint_in_chinese(window: MainWindow) -> None:
    window.state.activation = "elu"
    window.wait_until_idle()
    window.set_language("zh_CN")
    mode = window.presentation
    mode.set_active(True, full_screen=False)
    strip = mode.strip
    act = window.state.current
    assert strip.isVisible() and strip.name_label.text() == "alpha"
    assert strip.name_label.toolTip() == core_locale.param_help(act, "alpha")
    assert strip.name_label.toolTip() != act.param("alpha").description  # really Chinese
    assert window.statusBar().currentMessage() == "演示模式：按 F11 或 Esc 退出，按 F1 查看快捷键"
    assert strip.values_label.text() == "alpha = 1"  # names and numbers stay

    window.set_language("en")
    assert strip.name_label.toolTip() == act.param("alpha").description
    mode.set_active(False)
    assert strip.isHidden()


def test_strip_stays_hidden_outside_presentation_mode(window: MainWindow) -> None:
    window.state.activation = "elu"
    window.set_language("zh_CN")
    assert window.presentation.strip.isHidden()


def test_presentation_keys_are_translated(qapp: QApplication) -> None:
    labels = [entry.label() for entry in PRESENTATION_KEYS]
    assert labels == [entry.text for entry in PRESENTATION_KEYS]
    i18n.set_language(qapp, "zh_CN")
    chinese = [entry.label() for entry in PRESENTATION_KEYS]
    assert untranslated(chinese, {"x"}) == []
    assert chinese[-1] == "退出演示模式"


# -- the shortcut sheet -----------------------------------------------------------------------
def _menu(title: str) -> str:
    text = QCoreApplication.translate("Menus", title)
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def test_shortcut_sheet_follows_a_switch_while_open(window: MainWindow) -> None:
    window.presentation.show_shortcuts()
    sheet = window.presentation.sheet
    assert sheet is not None
    assert sheet.windowTitle() == "Keyboard shortcuts"
    assert next(iter(sheet.groups)) == "File"
    english_rows = sum(len(rows) for rows in sheet.groups.values())

    window.set_language("zh_CN")
    assert sheet.windowTitle() == "键盘快捷键"
    titles = list(sheet.groups)
    # The group names are the menus' own translated titles, without mnemonics.
    assert titles[0] == _menu("&File") == "文件"
    assert "视图" in titles and titles[-1] == "演示模式"
    assert sum(len(rows) for rows in sheet.groups.values()) == english_rows
    rows = [row for rows in sheet.groups.values() for row in rows]
    assert "打开" in [row.text for row in rows]
    assert untranslated(titles + [row.text for row in rows], KEPT | {"x", "PNG", "LaTeX"}) == []
    shown = "".join(label.text() for label in sheet.labels)
    assert "演示模式" in shown and " 或 " in shown and " or " not in shown
    assert "(&" not in shown

    window.set_language("en")
    assert sheet.windowTitle() == "Keyboard shortcuts"
    assert next(iter(sheet.groups)) == "File" and list(sheet.groups)[-1] == "Presentation mode"
    assert " or " in "".join(label.text() for label in sheet.labels)
    sheet.close()


# -- the animation dock and the GIF dialog ------------------------------------------------------
def test_animation_dock_in_chinese(window: MainWindow) -> None:
    panel = window.animation
    window.state.activation = "elu"
    panel.set_shown(True)
    window.wait_until_idle()
    window.set_language("zh_CN")
    act = window.state.current
    assert panel.windowTitle() == "参数动画"
    assert panel.play_button.text() == "▶  播放"
    assert panel.export_button.text() == "导出 GIF…"
    assert [panel.mode_combo.itemText(i) for i in range(3)] == ["单次", "循环", "往返"]
    tip = panel.param_combo.itemData(0, Qt.ItemDataRole.ToolTipRole)
    assert tip == core_locale.param_help(act, "alpha")
    allowed = KEPT | {name for spec in act.params for name in WORD.findall(spec.name)}
    assert untranslated(_widget_texts(panel), allowed) == []

    panel.play()
    assert panel.play_button.text() == "❚❚  暂停"
    panel.pause()
    window.set_language("en")
    assert panel.windowTitle() == "Animate"
    assert panel.play_button.text() == "▶  Play"
    assert panel.mode_combo.itemText(2) == "Ping-pong"
    assert panel.param_combo.itemData(0, Qt.ItemDataRole.ToolTipRole) == (
        act.param("alpha").description
    )
    panel.set_shown(False)


def test_animation_note_names_the_function_in_the_current_language(window: MainWindow) -> None:
    panel = window.animation
    window.state.activation = "binary_step"
    window.set_language("zh_CN")
    assert panel.note.text() == "二值阶跃 没有可做动画的参数。"
    window.set_language("en")
    assert panel.note.text() == "Binary step has no parameters to animate."


def test_animation_messages_in_chinese(window: MainWindow) -> None:
    panel = window.animation
    window.state.activation = "elu"
    window.set_language("zh_CN")
    with pytest.raises(ValueError, match="没有可做动画的参数 'beta'"):
        panel.set_parameter("beta")
    with pytest.raises(ValueError, match="须在"):
        GifOptions(fps=1000)


def test_gif_dialog_in_chinese(window: MainWindow, qtbot) -> None:
    window.state.activation = "elu"
    anim = window.animation.animation()
    assert anim is not None
    dialog = GifDialog(anim, GifOptions(fps=10), parent=window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Export animation as GIF"
    window.set_language("zh_CN")
    assert dialog.windowTitle() == "将动画导出为 GIF"
    assert dialog.fps_label.text() == "帧率" and dialog.histograms.text() == "包含直方图"
    frames = GifOptions(fps=10).frame_count(anim)
    assert dialog.summary.text().startswith(f"共 {frames} 帧，")
    assert "往返循环播放" in dialog.summary.text()
    assert untranslated(_widget_texts(dialog), KEPT) == []
    window.set_language("en")
    assert dialog.summary.text().startswith(f"{frames} frames, ")
    assert dialog.fps_label.text() == "Frame rate"
    dialog.close()
    dialog.deleteLater()
