"""The whole main window in Chinese: the explorer with a parametrised function, the picker, the
header, the status bar, every menu and submenu, the custom function editor and the lab pages
show no English apart from names and notation, and switching back shows English at once."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTreeWidget,
    QWidget,
)

from actexplorer.core import ACTIVATIONS, Family, Framework, get
from actexplorer.core import locale as core_locale
from actexplorer.core.custom import CustomDefinition, build_activation
from actexplorer.gui import MainWindow, i18n
from actexplorer.gui.custom_editor import CustomEditor
from actexplorer.gui.formula import FormulaView
from actexplorer.gui.lab.lab_panel import PAGES
from tests.gui._i18n import WORD, plain, untranslated

#: Product names, notation, units and file formats that read the same in Chinese.
KEPT = {
    "ActExplorer", "PyTorch", "Keras", "JAX", "NumPy", "SciPy", "SymPy", "LaTeX", "PNG", "SVG",
    "CSV", "GIF", "JSON", "json", "actx", "NaN", "Ctrl", "Shift", "Alt", "Esc", "F1", "F11",
    "English", "Var", "log", "exp", "std", "mean", "px", "fps", "ms", "He", "LeCun", "Glorot",
    "Xavier", "Kaiming", "SGD", "Adam", "XOR", "L2", "fan", "in", "out", "tanh", "sigmoid",
    "logit", "logits", "softmax", "argmax", "pi", "e", "erf", "abs", "sign", "sqrt", "sin",
    "cos", "minimum", "maximum", "where", "expm1", "log1p", "leaky", "relu", "negative",
    "slope", "beta", "swish", "gelu", "shrink", "hard", "lo", "hi", "expm", "calculate", "gain",
    "Transformer", "Transformers", "BERT", "GPT", "ViT", "LSTM", "LSTMs", "GRU", "RNN", "RNNs",
    "CNN", "CNNs", "MLP", "MLPs", "ln", "Poole", "Schoenholz", "ResNet", "ResNets",
    "EfficientNet", "MobileNet", "MobileNetV", "YOLO",
}  # fmt: skip
#: Identifiers such as ``n_samples`` or ``leaky_relu(x, negative_slope=a)`` are code, not prose.
IDENTIFIER = re.compile(r"\w*_\w*")
#: A function parametrised with a choice and a number would do; GELU has a choice, ELU a number.
FUNCTIONS = ("elu", "gelu")

pytestmark = pytest.mark.usefixtures("back_to_english")


def _catalog_words() -> set[str]:
    """The words of every function's names, parameter names and choices (never translated)."""
    words = {w for f in Framework for w in WORD.findall(f.value)}
    for act in ACTIVATIONS.values():
        words |= set(WORD.findall(act.name)) | set(WORD.findall(core_locale.display_name(act)))
        words |= set(WORD.findall(act.key))
        for spec in act.params:
            words |= set(WORD.findall(spec.name))
            for choice in spec.choices or ():
                words |= set(WORD.findall(choice))
    return words


def _english(texts: list[str], allowed: set[str]) -> list[str]:
    """The texts holding a Latin word that is not a name, notation or unit (mnemonic
    ampersands and identifiers left out)."""
    return untranslated([IDENTIFIER.sub(" ", plain(t).replace("&", "")) for t in texts], allowed)


def _shown(root: QWidget) -> Iterator[QWidget]:
    """``root`` and its descendants that are shown (hidden rows hold texts nobody reads)."""
    if not root.isVisibleTo(root.window()) and root is not root.window():
        return
    yield root
    for child in root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        yield from _shown(child)


def _texts(root: QWidget) -> list[str]:
    """Every text a user can read on the shown widgets under ``root``: labels, buttons, group
    titles, placeholders, tooltips, tab titles, list entries and tree rows.

    Formulas (their plain text is a tooltip) and a paper's reference are never translated.
    """
    texts: list[str] = []
    for widget in _shown(root):
        if isinstance(widget, FormulaView) or widget.objectName() == "cardReference":
            continue
        texts += [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                texts += [widget.tabText(i), widget.tabToolTip(i)]
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                texts.append(widget.itemText(i))
                texts.append(str(widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or ""))
        if isinstance(widget, QTreeWidget):
            for i in range(widget.topLevelItemCount()):
                group = widget.topLevelItem(i)
                texts += [
                    group.text(0),
                    *(group.child(j).text(0) for j in range(group.childCount())),
                ]
    return [t for t in texts if t]


def _menu_texts(menu: QMenu, seen: set[int] | None = None) -> list[str]:
    """Texts and tooltips of ``menu``'s actions and of every submenu, filled as when opened."""
    seen = set() if seen is None else seen
    if id(menu) in seen:
        return []
    seen.add(id(menu))
    menu.aboutToShow.emit()  # menus built on opening (recent files) fill themselves now
    texts = [menu.title()]
    for action in menu.actions():
        if action.isSeparator():
            continue
        texts.append(action.text())
        if action.toolTip() != action.text().replace("&", ""):
            texts.append(action.toolTip())
        texts.append(action.statusTip())
        if action.menu() is not None:
            texts += _menu_texts(action.menu(), seen)
    return [t for t in texts if t]


def _all_menu_texts(window: MainWindow) -> list[str]:
    texts: list[str] = []
    for action in window.menuBar().actions():
        texts.append(action.text())
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
    return texts


# -- the explorer ---------------------------------------------------------------------------------
@pytest.mark.parametrize("key", FUNCTIONS)
def test_the_explorer_has_no_english_left(window: MainWindow, key: str) -> None:
    window.state.activation = key
    window.wait_until_idle()
    window.set_language("zh_CN")
    window.wait_until_idle()
    allowed = KEPT | _catalog_words()
    texts = _texts(window)
    texts.append(window.windowTitle())
    assert _english(texts, allowed) == []
    assert _english(_all_menu_texts(window), allowed) == []


def test_the_header_and_the_tabs_follow_the_language(window: MainWindow) -> None:
    window.state.activation = "binary_step"
    act = get("binary_step")
    window.set_language("zh_CN")
    assert window.title.text() == core_locale.display_name(act) == "二值阶跃"
    assert window.summary.text() == core_locale.describe(act).summary
    assert window.summary.text() != act.description.summary
    assert window.windowTitle() == "二值阶跃 — ActExplorer"
    assert window.view_tabs.tabText(0) == "探索器" and window.view_tabs.tabText(1) == "深度网络"
    assert "Ctrl+1" in window.view_tabs.tabToolTip(0)
    # A function chosen while Chinese is on gets its Chinese texts too.
    window.state.activation = "gelu"
    assert window.summary.text() == core_locale.describe(get("gelu")).summary

    window.set_language("en")
    assert window.title.text() == "GELU"
    assert window.summary.text() == get("gelu").description.summary
    assert window.windowTitle() == "GELU — ActExplorer"
    assert window.view_tabs.tabText(0) == "Explorer"
    assert window.view_tabs.tabToolTip(1).startswith("The function in deep networks")


def test_the_busy_label_and_the_about_box(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import actexplorer.gui.main_window as main_window

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        main_window.QMessageBox, "about", lambda _p, title, text: shown.append((title, text))
    )
    window.set_language("zh_CN")
    window._busy_changed(True)
    assert window.busy_label.text() == "正在采样 100,000 个输入…"
    window.show_about()
    assert shown[-1][0] == "关于 ActExplorer"
    assert _english([shown[-1][1]], KEPT) == []
    window.set_language("en")
    assert window.busy_label.text() == "Sampling 100,000 inputs…"
    window._busy_changed(False)
    window.show_about()
    assert shown[-1][0] == "About ActExplorer"


def test_restored_settings_problems_read_chinese(qtbot, qapp: QApplication, settings) -> None:
    settings.setValue("state", '{"n_samples": 3}')
    settings.setValue("lab", '{"depth": "deep"}')
    i18n.set_language(qapp, "zh_CN")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    message = win.statusBar().currentMessage()
    assert message.startswith("已恢复设置：")
    assert "n_samples 必须在" in message and "深度网络设置 depth" in message
    assert _english([message], KEPT | {"n_samples", "depth", "deep"}) == []
    settings.setValue("lab", "{not json")
    second = MainWindow(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    assert "保存的深度网络设置无法读取" in second.statusBar().currentMessage()
    win.close()
    second.close()


# -- the picker -----------------------------------------------------------------------------------
def test_the_picker_in_chinese_keeps_selection_and_filter(window: MainWindow) -> None:
    picker = window.picker
    tree = picker.tree
    window.state.activation = "leaky_relu"
    picker.search.setText("relu")
    visible = tree.visible_keys()
    window.set_language("zh_CN")
    assert picker.search.placeholderText().startswith("搜索")
    assert tree.current_key() == "leaky_relu"
    assert picker.search.text() == "relu" and tree.visible_keys() == visible
    headers = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert headers[0] == core_locale.family_label(Family.RECTIFIER) == "整流类（ReLU 族）"
    assert tree.item_for("binary_step").text(0) == "二值阶跃"
    # The search matches the key, the English name and the Chinese name.
    for query in ("binary_step", "binary step", "二值"):
        picker.search.setText(query)
        assert "binary_step" in tree.visible_keys(), query
    picker.search.setText("阶跃 二值")
    assert tree.visible_keys() == ["binary_step"]
    picker.search.setText("binary")

    window.set_language("en")
    assert tree.item_for("binary_step").text(0) == "Binary step"
    assert tree.topLevelItem(0).text(0) == "Rectifiers"
    assert tree.visible_keys() == ["binary_step"]  # the filter survives the switch
    assert tree.current_key() == "leaky_relu"
    assert picker.search.placeholderText().startswith("Search")


def test_the_custom_group_and_context_menu_in_chinese(window: MainWindow) -> None:
    definition = CustomDefinition(name="my swish", expression="x * sigmoid(x)")
    window.custom_functions.install(definition)
    try:
        window.state.activation = definition.key
        window.set_language("zh_CN")
        tree = window.picker.tree
        last = tree.topLevelItem(tree.topLevelItemCount() - 1)
        assert last.text(0) == "自定义" and last.child(0).text(0) == "my swish"
        menu = tree.context_menu_for(definition.key)
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert texts == ["编辑“my swish”…", "删除“my swish”", "新建自定义函数…"]
        menu.deleteLater()
        # The summary around the user's expression is ours: translated; the expression is not.
        assert window.summary.text() == "你自己定义的函数：x * sigmoid(x)。"
        assert window.properties.summary_label.text() == window.summary.text()
        window.set_language("en")
        assert window.summary.text() == "Your own function: x * sigmoid(x)."
        assert tree.topLevelItem(tree.topLevelItemCount() - 1).text(0) == "Custom"
    finally:
        window.set_language("en")
        window.state.activation = "relu"
        window.custom_functions.remove(definition.key)


def test_a_custom_function_card_keeps_the_users_text(qapp: QApplication) -> None:
    act = build_activation(CustomDefinition(name="mine", expression="x * tanh(x)"))
    i18n.set_language(qapp, "zh_CN")
    assert core_locale.message_text(act.description.summary) == "你自己定义的函数：x * tanh(x)。"
    assert core_locale.message_text(act.description.usage).startswith("导数（符号求导）：")
    assert core_locale.display_name(act) == "mine"


# -- the custom function editor ------------------------------------------------------------------
def test_the_custom_editor_in_chinese(qtbot, qapp: QApplication) -> None:
    i18n.set_language(qapp, "zh_CN")
    editor = CustomEditor(lambda _definition: None)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.windowTitle() == "新建自定义函数"
    assert editor.hint.text() == "请输入关于 x 的表达式。"
    assert editor.ok_button.toolTip() == "请给函数起个名字"
    editor.name.setText("scaled")
    editor.expression.setText("a * tanh(x)")
    editor.check_now()
    assert editor.builder.wait()
    headers = [editor.table.horizontalHeaderItem(i).text() for i in range(4)]
    assert headers == ["参数", "默认值", "最小值", "最大值"]
    editor.table.item(0, 2).setText("20")
    assert editor.param_error.text() == "a：最小值必须小于最大值"
    allowed = KEPT | {"a", "scaled", "tanh"}
    assert _english(_texts(editor), allowed) == []

    i18n.set_language(qapp, "en")
    assert editor.windowTitle() == "New custom function"
    assert editor.param_error.text() == "a: the minimum must be below the maximum"
    assert editor.table.horizontalHeaderItem(1).text() == "Default"
    assert editor.expression.placeholderText().startswith("e.g.")
    editor.close()


def test_the_editor_from_the_window_in_chinese(window: MainWindow) -> None:
    window.set_language("zh_CN")
    editor = window.custom_commands.new()
    editor.expression.setText("2 * sigmod(x)")
    editor.check_now()
    assert (
        editor.error.text().splitlines()[-1]
        == "第 5 列：未知名称 'sigmod'，你是不是想输入 sigmoid？"
    )
    assert _english(_texts(editor), KEPT | {"sigmod"}) == []
    editor.close()


# -- the lab --------------------------------------------------------------------------------------
def test_the_lab_pages_have_no_english_left(window: MainWindow) -> None:
    window.state.activation = "elu"
    window.set_language("zh_CN")
    allowed = KEPT | _catalog_words()
    for page in PAGES:
        window.show_view(f"lab-{page}")
        window.wait_until_idle()
        found = _english(_texts(window), allowed)
        assert found == [], (page, found)
    window.set_language("en")
    assert window.view_tabs.tabText(1) == "Deep networks"
    window.show_view("explorer")


# -- the presentation look keeps the density label clear of the ticks ----------------------------
def test_the_presentation_look_widens_the_label_band(window: MainWindow) -> None:
    window.set_language("zh_CN")
    histogram = window.plots.plots[2].getPlotItem().getAxis("left")
    plain = histogram.width()
    window.presentation.set_active(True, full_screen=False)
    try:
        window.wait_until_idle()
        label = histogram.label
        # The reserved band (the axis' width minus the tick numbers') holds the rotated label.
        band = histogram.width() - histogram.textWidth - histogram.style["tickLength"]
        assert band >= label.boundingRect().height() * 0.8
        assert label.document().documentMargin() > 4.0
        assert histogram.width() > plain
    finally:
        window.presentation.set_active(False)
    assert histogram.label.document().documentMargin() == 4.0


def test_the_window_actions_have_chinese_texts(window: MainWindow) -> None:
    window.set_language("zh_CN")
    actions: list[QAction] = list(window._actions.values())
    texts = [a.text() for a in actions] + [a.toolTip() for a in actions]
    assert len(texts) > 40
    assert _english(texts, KEPT | _catalog_words()) == []
    window.set_language("en")
    assert window.action("about").text() == "&About ActExplorer"
