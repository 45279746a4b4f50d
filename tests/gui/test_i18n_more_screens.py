"""Chinese on the parameter controls, the "Scenes" dock and its messages, the lab's depth and
training pages and the Edit menu's undo texts: no English left apart from names, notation and
numbers, and a switch back shows English at once."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QWidget,
)

from actexplorer.core import ACTIVATIONS, Framework
from actexplorer.core import locale as core_locale
from actexplorer.core.lab import PRESETS, SCHEME_LABELS, DatasetKind, InitScheme, Optimizer
from actexplorer.core.lab.datasets import DATASET_LABELS
from actexplorer.gui import MainWindow, i18n, scene_commands
from actexplorer.gui.lab.depth_view import PRESET_TEXTS, SCHEME_NAMES, DepthView
from actexplorer.gui.lab.train_view import DATASET_NAMES, OPTIMIZER_NAMES, TrainView
from actexplorer.gui.params import NumberControl, parse_number
from actexplorer.gui.scene_commands import _UNDO_TEXTS, undo_action_text, undo_text
from actexplorer.history import (
    FIELD_LABELS,
    MANY_LABEL,
    OTHER_LABEL,
    PARAM_LABEL,
    StepLabel,
    describe_step,
)
from actexplorer.lab_state import LabState
from actexplorer.state import ExplorerState
from tests.gui._i18n import WORD, untranslated

#: Product names, notation and units that read the same in Chinese.
KEPT = {
    "ActExplorer", "NaN", "PyTorch", "NumPy", "Keras", "JAX", "ReLU", "relu", "ms", "log",
    "std", "fan", "in", "out", "calculate", "gain", "tanh", "Glorot", "Xavier", "He", "Kaiming",
    "LeCun", "SGD", "Adam", "XOR", "L2", "actx", "json",
}  # fmt: skip

pytestmark = pytest.mark.usefixtures("back_to_english")


def _shown(root: QWidget) -> Iterator[QWidget]:
    """``root`` and its descendants that are shown (hidden rows hold texts nobody reads)."""
    if not root.isVisibleTo(root.window()):
        return
    yield root
    for child in root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        yield from _shown(child)


def _texts(root: QWidget, skip: set[QWidget] | None = None) -> list[str]:
    """Texts, tooltips, placeholders and list entries of the shown widgets under ``root``."""
    texts: list[str] = []
    for widget in _shown(root):
        if skip and widget in skip:
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                texts.append(widget.itemText(i))
                texts.append(str(widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or ""))
    return [t for t in texts if t]


def _plot_texts(plot: pg.PlotWidget) -> list[str]:
    """Title, axis labels and legend names of a plot."""
    item = plot.getPlotItem()
    texts = [item.titleLabel.text]
    texts += [item.getAxis(name).labelText for name in ("bottom", "left")]
    if item.legend is not None:
        texts += [label.text for _sample, label in item.legend.items]
    return [t for t in texts if t]


def _names(act_key: str) -> set[str]:
    """The words of a function's names, parameter names and choices (never translated)."""
    act = ACTIVATIONS[act_key]
    words = set(WORD.findall(act.name)) | set(WORD.findall(core_locale.display_name(act)))
    for spec in act.params:
        words |= set(WORD.findall(spec.name))
        for choice in spec.choices or ():
            words |= set(WORD.findall(choice))
    for framework in Framework:
        words |= set(WORD.findall(framework.value))
    return words


# -- the parameter panel ------------------------------------------------------------------------
@pytest.mark.parametrize("key", ["elu", "leaky_relu", "gelu"])
def test_parameter_panel_in_chinese(window: MainWindow, key: str) -> None:
    window.state.activation = key
    window.wait_until_idle()
    window.set_language("zh_CN")
    act = window.state.current
    panel = window.parameters
    form = panel.form
    help_labels: set[QWidget] = set()
    for spec in act.params:
        control = form.controls[spec.name]
        label = form._labels[spec.name]
        assert label.text() == spec.name  # a name is notation
        assert control.toolTip() == label.toolTip() == core_locale.param_help(act, spec.name)
        assert control.toolTip() != spec.description  # really translated
        help_labels |= {label, control}
        if isinstance(control, NumberControl):
            assert control.reset_button.toolTip().startswith("重置为默认值（")
    if key == "leaky_relu":  # frameworks disagree: the presets switch is shown
        assert panel.preset_combo.isVisible() and panel.preset_label.text() == "默认值来自"
    found = untranslated(_texts(panel, help_labels), KEPT | _names(key))
    assert found == []

    window.set_language("en")
    spec = act.params[0]
    assert form.controls[spec.name].toolTip() == spec.description
    if isinstance(form.controls[spec.name], NumberControl):
        default = form.controls[spec.name].reset_button.toolTip()
        assert default.startswith("Reset to the default (")


def test_refusals_are_written_in_chinese(window: MainWindow) -> None:
    window.state.activation = "elu"
    window.set_language("zh_CN")
    form = window.parameters.form
    field = form.controls["alpha"].field
    field.setText("abc")
    field.editingFinished.emit()
    assert form.message.text() == "“abc”不是数"
    field.setText("-5")
    field.editingFinished.emit()
    # The catalog's own refusal, in the window's language.
    assert form.message.text() == "参数 'alpha' 必须在 [0.01, 10] 范围内（输入为 -5）"
    assert window.state.params["alpha"] == 1.0  # nothing changed
    with pytest.raises(ValueError, match="不允许输入 NaN"):
        parse_number("nan")
    window.set_language("en")
    with pytest.raises(ValueError, match="NaN is not allowed"):
        parse_number("nan")
    field.setText("-5")
    field.editingFinished.emit()
    assert form.message.text() == "parameter 'alpha' must lie in [0.01, 10]; got -5"


def test_input_distribution_help_in_chinese(window: MainWindow) -> None:
    window.set_language("zh_CN")
    form = window.inputs.dist_form
    assert form.controls["mean"].toolTip() == "均值 μ"
    assert form.controls["std"].toolTip() == "标准差 σ"
    window.set_language("en")
    assert form.controls["mean"].toolTip() == "mean μ"


# -- the scenes dock, its messages and the recent files -------------------------------------------
def test_scene_dock_with_a_lecture_in_chinese(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(
        scene_commands.QMessageBox,
        "warning",
        lambda _parent, title, text: warnings.append((title, text)),
    )
    scenes = window.scenes
    window.state.activation = "relu"
    scenes.add_current_scene("ReLU")
    window.state.activation = "elu"
    scenes.add_current_scene("ELU")
    dock = scenes.dock
    assert dock.isVisible()
    window.set_language("zh_CN")
    assert dock.windowTitle() == "场景"
    assert dock.toggleViewAction().text() == "场景"
    assert dock.add_button.text() == "添加" and dock.notes_label.text() == "备注"
    assert untranslated(_texts(dock), KEPT) == []

    assert scenes.step_scene(-1)
    assert window.statusBar().currentMessage() == "场景 1/2：ReLU"
    assert window.action("undo").text() == "撤销显示场景 1(&U)"
    assert not scenes.rename_scene(0, "")
    assert warnings == [("无法重命名", "标题须为 1 到 200 个字符。")]

    scenes.clear_recent()
    menu = window.findChild(QMenu, "menu_File_Open Recent")
    assert menu is not None
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "没有最近打开的文件" in texts
    assert untranslated(texts, KEPT) == []

    window.set_language("en")
    assert dock.windowTitle() == "Scenes" and dock.add_button.text() == "Add"
    assert "No recent files" in [a.text() for a in menu.actions()]


def test_opening_a_scene_reports_in_chinese(window: MainWindow, tmp_path) -> None:
    window.state.activation = "gelu"
    path = window.scenes.save_scene(tmp_path / "talk")
    window.state.activation = "relu"
    window.set_language("zh_CN")
    assert window.scenes.open_file(path)
    shown = window.statusBar().currentMessage()
    assert shown.startswith("已从 talk.actx.json 打开场景“")
    assert window.action("undo").text() == "撤销打开场景(&U)"


# -- the undo menu ------------------------------------------------------------------------------
def test_undo_menu_follows_the_language(window: MainWindow, qtbot) -> None:
    window.history.clear()
    window.set_language("zh_CN")
    assert window.action("undo").text() == "撤销(&U)"
    window.state.activation = "elu"
    assert window.action("undo").text() == "撤销更改激活函数(&U)"
    window.history.clear()
    window.state.set_param("alpha", 0.5)
    assert window.action("undo").text() == "撤销更改 alpha(&U)"
    window.action("undo").trigger()
    assert window.action("redo").text() == "重做更改 alpha(&R)"
    window.history.clear()
    window.lab_state.depth = 12
    assert window.action("undo").text() == "撤销更改深度(&U)"

    window.set_language("en")
    qtbot.waitUntil(lambda: window.action("undo").text() == "&Undo change depth")
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.action("undo").text() == "撤销更改深度(&U)")


def test_undo_texts_of_every_kind(qapp: QApplication) -> None:
    i18n.set_language(qapp, "zh_CN")
    assert undo_text(describe_step(("explorer.params.alpha", "explorer.params.beta"))) == (
        "更改参数"
    )
    assert undo_text(describe_step(("explorer.seed", "lab.depth"))) == "更改 2 项设置"
    assert undo_text(describe_step(("lab.sigma_w",))) == "更改 σ_w"
    # A label its giver filled in itself: the parameter's name is read back out of it.
    assert undo_text(describe_step((), "scrub negative_slope")) == "拖动 negative_slope"
    assert undo_text(describe_step((), "animate alpha")) == "播放 alpha 的动画"
    assert undo_text(describe_step((), "show scene {number}", {"number": "3"})) == "显示场景 3"
    # An unknown field still gets a frame in the language (its name is what the code calls it).
    assert undo_text(describe_step(("explorer.zoom_level",))) == "更改 zoom level"
    assert undo_action_text(None, redo=True) == "重做(&R)"
    labels = [undo_text(describe_step((f,))) for f in FIELD_LABELS]
    assert untranslated(labels, {"He", "L2", "logit"}) == []
    i18n.set_language(qapp, "en")
    assert undo_text(describe_step(("explorer.seed", "lab.depth"))) == "change 2 settings"
    assert undo_action_text(describe_step(("lab.depth",))) == "&Undo change depth"


# -- the labels' tables stay complete -------------------------------------------------------------
def test_every_field_has_a_marked_undo_label() -> None:
    lab_fields = {f"lab.{name}" for name in LabState().to_dict()}
    explorer_fields = {f"explorer.{name}" for name in ExplorerState().to_dict()}
    assert lab_fields | explorer_fields <= set(FIELD_LABELS)
    assert set(FIELD_LABELS.values()) | {PARAM_LABEL, MANY_LABEL, OTHER_LABEL} <= set(_UNDO_TEXTS)


def test_step_labels_in_english() -> None:
    assert describe_step(("explorer.activation", "explorer.params")).english() == (
        "change activation"
    )
    assert describe_step(("explorer.params.alpha",)) == StepLabel(
        "param", ("explorer.params.alpha",), values={"name": "alpha"}
    )
    assert describe_step(("explorer.params.alpha",)).english() == "change alpha"
    assert describe_step(("lab.hidden_width",)).english() == "change units per layer"
    assert describe_step((), "show scene {number}", {"number": "2"}).english() == "show scene 2"


def test_lab_tables_cover_the_core() -> None:
    assert set(SCHEME_NAMES) == set(InitScheme) == set(SCHEME_LABELS)
    assert {s: SCHEME_NAMES[s] for s in InitScheme} == dict(SCHEME_LABELS)
    assert set(DATASET_NAMES) == set(DatasetKind)
    assert dict(DATASET_NAMES) == dict(DATASET_LABELS)
    assert set(OPTIMIZER_NAMES) == set(Optimizer)
    # The presets' texts are the core's, word for word: a change there shows here.
    assert {p.key: (p.title, p.explanation) for p in PRESETS} == PRESET_TEXTS


def test_lab_tables_are_translated(qapp: QApplication) -> None:
    i18n.set_language(qapp, "zh_CN")
    for title, explanation in PRESET_TEXTS.values():
        assert QCoreApplication.translate("DepthPresets", explanation) != explanation
        assert QCoreApplication.translate("DepthPresets", title) != title
    for name in (*SCHEME_NAMES.values(), *DATASET_NAMES.values()):
        assert QCoreApplication.translate(
            "DepthControls" if name in SCHEME_NAMES.values() else "TrainControls", name
        ) != (name)


# -- the lab's depth and training pages -----------------------------------------------------------
def test_depth_page_in_chinese(window: MainWindow) -> None:
    window.show_view("lab-depth")
    window.wait_until_idle()
    depth = window.lab.depth
    assert isinstance(depth, DepthView)
    assert depth.controls.apply_preset("relu_he")
    window.wait_until_idle()
    window.set_language("zh_CN")
    controls, plots = depth.controls, depth.plots
    assert controls.preset_explanation.text().startswith("He 初始化的权重方差 2/fan_in")
    assert controls.preset_combo.currentText() == "ReLU + He：方差保持不变"
    assert controls.depth_label.text() == "深度"
    assert plots.histogram.getPlotItem().titleLabel.text.startswith("第 ")
    assert plots.heatmap.getPlotItem().titleLabel.text == "各层的激活值"
    allowed = KEPT | _names("relu") | {"SELU", "sigmoid"}
    texts = _texts(depth)
    for plot in plots.plots:
        texts += _plot_texts(plot)
    texts.append(plots.colorbar.getAxis("left").labelText)
    assert "（等效值）" in depth.readout.text()
    assert untranslated(texts, allowed) == []
    # The title keeps its look after the switch.
    assert plots.heatmap.getPlotItem().titleLabel.opts.get("bold") is True

    window.set_language("en")
    assert controls.preset_explanation.text() == PRESET_TEXTS["relu_he"][1]
    assert controls.preset_combo.itemText(0) == "Choose a known result…"
    assert plots.heatmap.getPlotItem().titleLabel.text == "Activations per layer"
    assert "(effective)" in depth.readout.text()
    assert [label.text for _s, label in plots.moments.getPlotItem().legend.items] == [
        "mean",
        "std",
        "std, mean field",
    ]


def test_train_page_in_chinese(window: MainWindow) -> None:
    window.state.activation = "elu"
    window.show_view("lab-train")
    window.wait_until_idle()
    train = window.lab.train
    assert isinstance(train, TrainView)
    window.lab_state.race = "binary_step"
    assert train.rebuild()
    train.step_once()
    window.set_language("zh_CN")
    controls = train.controls
    assert controls.play.text() == "▶ 训练" and controls.step.text() == "单步"
    assert controls.dataset.currentText() in {
        QCoreApplication.translate("TrainControls", name) for name in DATASET_NAMES.values()
    }
    assert train.labels == ("ELU", "二值阶跃")  # the catalog's names, translated
    assert "第 1 次更新" in train.status.text()
    allowed = KEPT | _names("elu") | _names("binary_step")
    # The function lists name every catalog function, as the catalog writes it in Chinese.
    allowed |= {w for a in ACTIVATIONS.values() for w in WORD.findall(core_locale.display_name(a))}
    texts = _texts(train)
    for plot in (train.loss_plot, train.accuracy_plot, train.grad_plot, *train.boundaries):
        texts += _plot_texts(plot)
    texts.append(train.status.text())
    assert untranslated(texts, allowed) == []
    controls.learning_rate.setText("50")
    controls.learning_rate.editingFinished.emit()
    assert controls.message.text().startswith("学习率须在 (0, 10] 之间")

    window.set_language("en")
    assert controls.play.text() == "▶ Play"
    assert train.labels == ("ELU", "Binary step")
    assert train.loss_plot.getPlotItem().titleLabel.text == "Loss (log)"
    assert "update 1," in train.status.text()
    window.lab_state.race = None


@pytest.mark.parametrize("kind", ["normal", "uniform", "laplace", "mixture"])
def test_input_distribution_labels_are_symbols_in_every_language(
    window: MainWindow, kind: str
) -> None:
    from actexplorer.core.stats import DISTRIBUTIONS, InputDistribution

    window.state.distribution = InputDistribution(kind)
    form = window.inputs.dist_form
    specs = DISTRIBUTIONS[kind].params
    english = [form._labels[spec.name].text() for spec in specs]
    assert not any(text.isascii() and len(text) > 1 for text in english)  # no "mean", "std"
    assert [form._labels[s.name].toolTip() for s in specs] == [s.description for s in specs]
    window.set_language("zh_CN")
    try:
        assert [form._labels[spec.name].text() for spec in specs] == english
        tips = [form._labels[spec.name].toolTip() for spec in specs]
        assert all(re.search(r"[\u4e00-\u9fff]", tip) for tip in tips), tips
    finally:
        window.set_language("en")
