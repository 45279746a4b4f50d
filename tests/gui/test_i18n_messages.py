"""Refusals raised below the GUI (state, expressions, animation, scenes) read in the window's
language: Chinese when Chinese is chosen, English again after switching back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from actexplorer.core.custom import CustomDefinition
from actexplorer.gui import MainWindow, i18n, scene_commands
from actexplorer.gui.custom_editor import CustomEditor

pytestmark = pytest.mark.usefixtures("back_to_english")


def _type(field: object, text: str) -> None:
    field.setText(text)  # type: ignore[attr-defined]
    field.editingFinished.emit()  # type: ignore[attr-defined]


def test_a_refused_x_range_reads_chinese_then_english(
    qapp: QApplication, window: MainWindow
) -> None:
    i18n.set_language(qapp, "zh_CN")
    _type(window.view_panel.x_low, "10")
    message = window.view_panel.message
    assert not message.isHidden()
    assert message.text() == "x_range 的下限必须比上限至少小 1e-06（输入为 (10, 6)）"
    assert window.state.x_range == (-6.0, 6.0)
    i18n.set_language(qapp, "en")
    _type(window.view_panel.x_low, "10")
    assert message.text() == "x_range needs low < high (by 1e-06); got (10, 6)"


def test_a_bad_expression_in_the_editor_reads_chinese_then_english(
    qtbot, qapp: QApplication
) -> None:
    installed: list[CustomDefinition] = []
    i18n.set_language(qapp, "zh_CN")
    editor = CustomEditor(installed.append)
    qtbot.addWidget(editor)
    editor.show()
    editor.expression.setText("2 * sigmod(x)")
    editor.check_now()
    lines = editor.error.text().splitlines()
    assert lines[-1] == "第 5 列：未知名称 'sigmod'，你是不是想输入 sigmoid？"
    assert lines[1] == "    ^"  # the caret still points at the column
    assert not editor.ok_button.isEnabled()
    i18n.set_language(qapp, "en")
    editor.check_now()
    assert editor.error.text().splitlines()[-1] == (
        "unknown name 'sigmod' at column 5 — did you mean sigmoid?"
    )


def test_an_animation_that_cannot_move_reads_chinese_then_english(
    qapp: QApplication, window: MainWindow
) -> None:
    panel = window.animation
    panel.set_shown(True)
    window.state.activation = "leaky_relu"
    panel.set_bounds(0.5, 0.5)
    i18n.set_language(qapp, "zh_CN")
    assert not panel.play()
    assert panel.message.text() == "起点和终点都是 0.5，动画不会变化"
    i18n.set_language(qapp, "en")
    assert not panel.play()
    assert panel.message.text() == "from and to are both 0.5: nothing would move"


def test_opening_a_broken_scene_reads_chinese(
    qapp: QApplication, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(
        scene_commands.QMessageBox, "warning", lambda _p, _t, text, *_: seen.append(text)
    )
    path = tmp_path / "broken.actx.json"
    document = {"format": "actexplorer-scene", "version": 1, "explorer": {"n_samples": 3}}
    path.write_text(json.dumps(document), encoding="utf-8")
    i18n.set_language(qapp, "zh_CN")
    assert not window.scenes.open_file(path)
    assert "n_samples 必须在 [1,000, 10,000,000] 范围内（输入为 3）" in seen[-1]
