"""Languages: the translation files are complete and current, a switch shows at once everywhere,
the choice survives a restart, and the system's language is the default."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
)

from actexplorer.app import build_parser, parse_options
from actexplorer.core import Framework
from actexplorer.core import locale as core_locale
from actexplorer.gui import MainWindow, i18n
from actexplorer.gui.params import SpecForm
from tests.gui._i18n import WORD, plain, untranslated

ROOT = Path(__file__).resolve().parents[2]

#: Words that read the same in Chinese: product and file-format names, notation, the catalog's
#: function names.
KEPT_WORDS = {
    "ActExplorer", "CSV", "GIF", "LaTeX", "NaN", "NumPy", "PNG", "PyTorch", "SVG", "Var", "ln",
    "out", "fan", "in", "et", "al", "Poole", "Schoenholz", "Ctrl", "Esc", "English", "logit",
    "Logit", "logits", "one", "hot",
}  # fmt: skip
_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly

pytestmark = pytest.mark.usefixtures("back_to_english")


def _translations_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("translations", module)
    spec.loader.exec_module(module)
    return module


# -- the files --------------------------------------------------------------------------------
def test_translation_files_are_complete_and_current() -> None:
    """lupdate over the code adds and drops nothing, every entry is translated, the .qm match."""
    tool = _translations_tool()
    assert tool.problems() == []


def test_ts_has_no_unfinished_vanished_or_obsolete_entries() -> None:
    tool = _translations_tool()
    for language in tool.CATALOGS:
        text = tool.ts_path(language).read_text(encoding="utf-8")
        for kind in ("unfinished", "vanished", "obsolete"):
            assert f'type="{kind}"' not in text, (language, kind)
    assert len(tool.messages(tool.ts_path("zh_CN"))) > 200


def test_placeholders_survive_translation() -> None:
    """A translation keeps every {name} of its source, so .format() cannot fail or lose data."""
    tool = _translations_tool()
    for language in tool.CATALOGS:
        for (context, source, _), forms in tool.messages(tool.ts_path(language)).items():
            wanted = set(re.findall(r"\{\w*\}", source))
            for form in forms:
                assert set(re.findall(r"\{\w*\}", form)) == wanted, (context, source, form)


def test_compiled_catalog_is_found_as_a_package_resource(qapp: QApplication) -> None:
    path = i18n.qm_path("zh_CN")
    assert path is not None and path.name == "actexplorer_zh_CN.qm"
    translator = QTranslator()
    assert translator.load(str(path))
    assert translator.translate("Menus", "&File") == "文件(&F)"
    assert i18n.qm_path("fr") is None


# -- switching ----------------------------------------------------------------------------------
def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_switching_language_changes_menus_and_panels_at_once(window: MainWindow) -> None:
    english = _menu_titles(window)
    assert english[0] == "&File"
    window.set_language("zh_CN")
    assert i18n.current_language() == "zh_CN" and core_locale.language() == "zh_CN"
    assert _menu_titles(window)[0] == "文件(&F)"
    assert window.action("resample").text() == "重新采样(&R)"
    assert window.action("export_function_png").text() == "函数图存为 PNG…"
    assert window.parameters.reset_button.text() == "全部重置"
    assert window.inputs.resample_button.text() == "重新采样"
    assert window.statistics.title.text() == "f(X) 的统计量"
    assert window.statistics.samples_label.text().startswith("基于 ")
    assert window.properties.fact("monotonic") in ("是", "否")
    assert "至" in window.properties.fact("output_range")
    assert window.action("language_zh_CN").isChecked()

    window.set_language("en")
    assert _menu_titles(window) == english
    assert window.parameters.reset_button.text() == "Reset all"
    assert window.statistics.title.text() == "Statistics of f(X)"
    assert window.properties.fact("output_range") == "0 to ∞"  # ReLU
    assert window.action("language_en").isChecked()


def test_language_menu_offers_native_names_in_one_exclusive_group(window: MainWindow) -> None:
    system, english, chinese = (window.action(f"language_{c}") for c in i18n.CHOICES)
    assert (english.text(), chinese.text()) == ("English", "中文")
    assert system.actionGroup() is english.actionGroup() is chinese.actionGroup()
    assert system.actionGroup().isExclusive()
    chinese.trigger()
    assert i18n.current_language() == "zh_CN" and chinese.isChecked() and not english.isChecked()
    assert english.text() == "English" and system.text() == "跟随系统"
    english.trigger()
    assert i18n.current_language() == "en" and english.isChecked()


def test_unknown_language_is_refused_and_changes_nothing(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="language must be one of"):
        i18n.set_language(qapp, "fr")
    assert i18n.current_language() == "en"
    assert QCoreApplication.translate("Menus", "&File") == "&File"


def test_english_plurals(qapp: QApplication) -> None:
    text = QCoreApplication.translate("StatisticsPanel", "{count} outputs are NaN", "", 1)
    assert text == "{count} output is NaN"
    text = QCoreApplication.translate("StatisticsPanel", "{count} outputs are NaN", "", 3)
    assert text == "{count} outputs are NaN"


def _texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip()]
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            texts += [widget.tabText(i), widget.tabToolTip(i)]
    return [plain(text) for text in texts if text]


def _widgets(root: QWidget, skip: tuple[type, ...]) -> Iterator[QWidget]:
    """``root`` and its shown descendants, leaving out the subtrees of ``skip`` widgets."""
    if isinstance(root, skip) or not root.isVisibleTo(root.window()):
        return
    yield root
    for child in root.findChildren(QWidget, options=_DIRECT):
        yield from _widgets(child, skip)


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menu_texts(action.menu())
        elif action.objectName().startswith("action_"):  # the table's, not lists of files
            yield action.text()
            yield action.toolTip()


@pytest.mark.parametrize("key", ["relu", "gelu", "softmax"])
def test_no_english_left_in_chinese(window: MainWindow, key: str) -> None:
    """Walk the converted screens in Chinese: only names, notation and formats stay in Latin."""
    window.state.activation = key
    window.wait_until_idle()
    window.set_language("zh_CN")
    act = window.state.current
    allowed = KEPT_WORDS | set(WORD.findall(act.name)) | set(WORD.findall(act.key))
    allowed |= set(WORD.findall(core_locale.display_name(act)))
    for param in act.params:
        allowed |= set(WORD.findall(param.name))
    allowed |= set(WORD.findall(act.formula.text))  # the formula, as the title's tooltip
    for framework in Framework:  # product names
        allowed |= set(WORD.findall(framework.value))
    # Parameter controls (params.py) are converted with the window in the next round.
    skip: tuple[type, ...] = (SpecForm,)
    roots: list[QWidget] = [
        window.statistics,
        window.parameters,
        window.inputs,
        window.compare,
        window.view_panel,
    ]
    if key == "softmax":
        roots.append(window.softmax_view)
    found: list[str] = []
    card = window.properties
    # The catalog's texts come from the core's locale (the reference is never translated).
    catalog = {card.reference_label, card.summary_label, card.strengths_label}
    catalog |= {card.weaknesses_label, card.usage_label, card.name_label, card.family_label}
    assert card.family_label.text() == core_locale.family_label(act.family)
    assert card.name_label.text() == core_locale.display_name(act)
    assert card.summary_label.text() == core_locale.describe(act).summary
    for widget in _widgets(card, skip):
        if widget not in catalog:
            found += untranslated(_texts(widget), allowed)
    for root in roots:
        for widget in _widgets(root, skip):
            found += untranslated(_texts(widget), allowed)
    for action in window.menuBar().actions():
        found += untranslated(list(_menu_texts(action.menu())), allowed)
    assert found == []


def test_lab_pages_in_chinese(window: MainWindow) -> None:
    """The lab's frame and the edge-of-chaos page (the depth and training pages come later)."""
    from actexplorer.gui.lab.depth_view import DepthView
    from actexplorer.gui.lab.train_view import TrainView

    window.show_view("lab-chaos")
    window.wait_until_idle()
    window.set_language("zh_CN")
    lab = window.lab
    assert [lab.tabs.tabText(i) for i in range(3)] == ["深度", "混沌边缘", "训练"]
    assert lab.chaos.plot.getPlotItem().titleLabel.text == "相图"
    allowed = KEPT_WORDS | {"ReLU", "relu"}
    found: list[str] = []
    for widget in _widgets(lab, (DepthView, TrainView, SpecForm)):
        if widget is not lab.activation:  # the function names
            found += untranslated(_texts(widget), allowed)
    assert found == []
    window.set_language("en")
    assert lab.tabs.tabText(1) == "Edge of chaos"
    assert lab.chaos.plot.getPlotItem().titleLabel.text == "Phase diagram"


# -- settings and defaults ----------------------------------------------------------------------
def test_choice_persists_across_a_restart(qtbot, qapp: QApplication, settings_path: Path) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.set_language("zh_CN")
    first.close()
    i18n.set_language(qapp, "en")

    again = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert again.value(i18n.LANGUAGE_KEY, "", type=str) == "zh_CN"
    assert i18n.saved_choice(again) == "zh_CN"
    assert i18n.apply_saved_language(qapp, again) == "zh_CN"
    second = MainWindow(again)
    qtbot.addWidget(second)
    assert _menu_titles(second)[0] == "文件(&F)"
    assert second.action("language_zh_CN").isChecked()
    second.close()


def test_unreadable_saved_choice_falls_back_to_the_system(settings_path: Path) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue(i18n.LANGUAGE_KEY, "klingon")
    assert i18n.saved_choice(settings) == i18n.SYSTEM
    settings.setValue(i18n.LANGUAGE_KEY, 42)
    assert i18n.saved_choice(settings) == i18n.SYSTEM
    assert i18n.saved_choice(None) == i18n.SYSTEM
    with pytest.raises(ValueError):
        i18n.store_choice(settings, "klingon")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (QLocale(QLocale.Language.Chinese, QLocale.Country.China), "zh_CN"),
        (QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan), "zh_CN"),
        (QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom), "en"),
        (QLocale(QLocale.Language.German, QLocale.Country.Germany), "en"),
    ],
)
def test_system_default_follows_the_locale(locale: QLocale, expected: str) -> None:
    assert i18n.system_language(locale) == expected


def test_system_choice_resolves_to_the_system_language(qapp: QApplication) -> None:
    assert i18n.set_language(qapp, i18n.SYSTEM) == i18n.system_language()
    assert i18n.current_choice() == i18n.SYSTEM


def test_language_on_the_command_line() -> None:
    options = parse_options(build_parser().parse_args(["--language", "zh_CN"]))
    assert options.language == "zh_CN"
    assert parse_options(build_parser().parse_args([])).language is None
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--language", "fr"])
