"""The catalog's texts in every language: completeness of the Chinese tables, fallback, API."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest

from actexplorer.core import ACTIVATIONS, Family, Framework, Smoothness, get, locale
from actexplorer.core.custom import CustomDefinition, build_activation
from actexplorer.core.locale import ActivationText, zh_CN
from actexplorer.core.locale._text import english_digest

ALL_KEYS = list(ACTIVATIONS)
PARAMS = [(key, spec.name) for key in ALL_KEYS for spec in ACTIVATIONS[key].params]

_CJK = re.compile(r"[\u4e00-\u9fff]")
# An English word: letters, possibly joined by hyphens or apostrophes ("deep-learning", "it's").
_WORD = r"[A-Za-z]+(?:['\-][A-Za-z]+)*"
# Four such words in a row, separated only by spaces or commas, read as a leftover English phrase.
_ENGLISH_RUN = re.compile(rf"(?<![\w'.])(?:{_WORD}[ ,]+){{3}}{_WORD}(?![\w'(])")
# Numbers (ASCII digits only: superscripts like x² are notation, not facts to carry over).
_NUMBER = re.compile(r"(?<![A-Za-z_])\d+(?:\.\d+)?")
_GREEK = re.compile(r"[α-ωΑ-Ω]")


pytestmark = pytest.mark.usefixtures("english_afterwards")


def _leftover_english(text: str) -> list[str]:
    """Runs of 4+ English words outside `code` spans: text nobody translated."""
    return _ENGLISH_RUN.findall(re.sub(r"`[^`]*`", "", text))


def _chinese_texts() -> Iterator[tuple[str, str, str]]:
    """(key, field, text) of every Chinese card text."""
    for key, entry in zh_CN.TEXTS.items():
        for field in ("summary", "usage", "name"):
            if value := getattr(entry, field):
                yield key, field, value
        for index, item in enumerate(entry.strengths):
            yield key, f"strengths[{index}]", item
        for index, item in enumerate(entry.weaknesses):
            yield key, f"weaknesses[{index}]", item
        for name, item in entry.params.items():
            yield key, f"params[{name}]", item


# -- the API ------------------------------------------------------------------------------------
def test_languages_and_default_in_a_fresh_interpreter() -> None:
    code = (
        "import sys, actexplorer.core.locale as L; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'shiboken6', 'pyqtgraph', 'superqt', 'PyQt5', 'PyQt6'}); "
        "print(L.language(), L.LANGUAGES, ','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.split(" ", 1) == ["en", "('en', 'zh_CN') \n"]


def test_core_import_still_has_no_qt() -> None:
    code = (
        "import sys, actexplorer.core; "
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph')))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == ""


def test_every_language_has_a_menu_name() -> None:
    assert set(locale.LANGUAGE_NAMES) == set(locale.LANGUAGES)
    assert locale.LANGUAGE_NAMES["zh_CN"] == "简体中文"


@pytest.mark.parametrize("code", ["fr", "zh", "zh-CN", "EN", "", "zh_TW"])
def test_set_language_refuses_unknown_codes_and_keeps_the_current_one(code: str) -> None:
    locale.set_language("zh_CN")
    with pytest.raises(ValueError, match="unknown language"):
        locale.set_language(code)
    assert locale.language() == "zh_CN"


def test_switching_back_to_english_restores_the_catalog_texts() -> None:
    relu = get("relu")
    locale.set_language("zh_CN")
    assert locale.describe(relu) != relu.description
    locale.set_language("en")
    assert locale.language() == "en"
    assert locale.describe(relu) == relu.description
    assert locale.display_name(relu) == relu.name
    assert locale.family_label(Family.GATED) == Family.GATED.value
    assert locale.smoothness_label(Smoothness.DISCONTINUOUS) == "discontinuous"
    assert locale.param_help(get("elu"), "alpha") == get("elu").param("alpha").description


def test_describe_keeps_the_reference_untranslated(chinese: None) -> None:
    for key in ALL_KEYS:
        act = ACTIVATIONS[key]
        assert locale.describe(act).reference == act.description.reference


def test_param_help_refuses_an_unknown_parameter_like_the_catalog(chinese: None) -> None:
    with pytest.raises(ValueError, match="negative_slop"):
        locale.param_help(get("leaky_relu"), "negative_slop")


# -- completeness of the Chinese tables ---------------------------------------------------------
@pytest.mark.parametrize("key", ALL_KEYS)
def test_every_catalog_function_has_a_complete_chinese_card(key: str, chinese: None) -> None:
    act = ACTIVATIONS[key]
    english = act.description
    assert key in zh_CN.TEXTS, f"{key} has no Chinese texts"
    entry = zh_CN.TEXTS[key]
    assert _CJK.search(entry.summary), f"{key}: no Chinese summary"
    assert len(entry.strengths) == len(english.strengths)
    assert len(entry.weaknesses) == len(english.weaknesses)
    assert all(_CJK.search(s) for s in (*entry.strengths, *entry.weaknesses))
    assert bool(entry.usage) == bool(english.usage)
    assert not entry.usage or _CJK.search(entry.usage)
    card = locale.describe(act)
    assert card.summary == entry.summary
    assert card.strengths == entry.strengths
    assert card.weaknesses == entry.weaknesses
    assert card.usage == entry.usage
    assert locale.display_name(act).strip()


@pytest.mark.parametrize(("key", "name"), PARAMS)
def test_every_parameter_has_chinese_help(key: str, name: str, chinese: None) -> None:
    act = ACTIVATIONS[key]
    text = locale.param_help(act, name)
    assert _CJK.search(text), f"{key}.{name}: {text!r}"
    assert text == zh_CN.TEXTS[key].params[name]


@pytest.mark.parametrize(("alias", "target"), sorted(ACTIVATIONS.aliases.items()))
def test_aliases_show_their_targets_texts(alias: str, target: str, chinese: None) -> None:
    assert locale.describe(get(alias)) == locale.describe(get(target))
    assert locale.display_name(get(alias)) == locale.display_name(get(target))
    assert alias not in zh_CN.TEXTS  # texts belong to the canonical key only


def test_vector_functions_are_translated_too(chinese: None) -> None:
    vectors = ACTIVATIONS.vector()
    assert vectors
    for act in vectors.values():
        assert _CJK.search(locale.describe(act).summary)


def test_descriptive_names_are_translated_and_acronyms_kept(chinese: None) -> None:
    assert locale.display_name(get("binary_step")) == "二值阶跃"
    assert locale.display_name(get("hardshrink")) == "硬收缩"
    assert locale.display_name(get("gaussian")) == "高斯"
    for key in ("relu", "gelu", "silu", "softplus", "softmax", "leaky_relu"):
        assert locale.display_name(get(key)) == get(key).name


@pytest.mark.parametrize("family", list(Family))
def test_every_family_has_a_chinese_label(family: Family, chinese: None) -> None:
    assert family in zh_CN.FAMILIES
    assert _CJK.search(locale.family_label(family))
    assert locale.family_label(family.value) == locale.family_label(family)  # type: ignore[arg-type]


@pytest.mark.parametrize("smoothness", list(Smoothness))
def test_every_smoothness_class_has_a_label(smoothness: Smoothness, chinese: None) -> None:
    assert smoothness in zh_CN.SMOOTHNESS
    label = locale.smoothness_label(smoothness)
    # The classes C⁰ ... C^∞ are written the same way in Chinese; the word is translated.
    if smoothness is Smoothness.DISCONTINUOUS:
        assert label == "不连续"
    else:
        assert label == smoothness.value


@pytest.mark.parametrize("framework", list(Framework))
def test_framework_names_read_the_same_in_every_language(framework: Framework) -> None:
    for code in locale.LANGUAGES:
        locale.set_language(code)
        assert locale.framework_label(framework) == framework.value


# -- no stale or half-translated entries --------------------------------------------------------
def test_no_chinese_entry_for_a_key_that_does_not_exist() -> None:
    stale = sorted(set(zh_CN.TEXTS) - set(ALL_KEYS))
    assert not stale, f"Chinese texts for unknown activations: {stale}"


@pytest.mark.parametrize("key", sorted(zh_CN.TEXTS))
def test_no_chinese_help_for_a_parameter_that_does_not_exist(key: str) -> None:
    if key in ACTIVATIONS:
        assert set(zh_CN.TEXTS[key].params) <= set(ACTIVATIONS[key].param_names)


def test_the_leftover_english_detector_is_meaningful() -> None:
    assert _leftover_english("Gradient exactly 1 for positive inputs, so it does not vanish")
    assert _leftover_english("梯度 Units whose input stays negative 会死亡")
    assert not _leftover_english("PyTorch 和 JAX 取 0.01，Keras 3 的 leaky_relu 函数取 0.2")
    assert not _leftover_english("MobileNetV3 的 SE（squeeze-and-excitation）模块")
    assert not _leftover_english("用 `torch nn functional gelu` 调用")


def test_chinese_texts_contain_no_untranslated_english() -> None:
    bad = [
        (key, field, run)
        for key, field, text in _chinese_texts()
        for run in _leftover_english(text)
    ]
    assert not bad, bad


def test_chinese_texts_use_chinese_punctuation() -> None:
    # A lecturer's Chinese uses full-width commas and full stops between Chinese words.
    bad = [
        (key, field)
        for key, field, text in _chinese_texts()
        if re.search(r"[\u4e00-\u9fff][,;](?! )|[\u4e00-\u9fff]\.(?!\d)", text)
    ]
    assert not bad, bad


@pytest.mark.parametrize("key", ALL_KEYS)
def test_numbers_and_symbols_of_the_english_text_reappear_in_the_chinese(key: str) -> None:
    """A mechanical check that the facts match: every number and Greek letter carries over."""
    english = ACTIVATIONS[key].description
    entry = zh_CN.TEXTS[key]
    pairs = [
        (english.summary, entry.summary),
        (english.usage, entry.usage),
        *zip(english.strengths, entry.strengths, strict=True),
        *zip(english.weaknesses, entry.weaknesses, strict=True),
        *((spec.description, entry.params[spec.name]) for spec in ACTIVATIONS[key].params),
    ]
    for en, zh in pairs:
        missing = set(_NUMBER.findall(en)) - set(_NUMBER.findall(zh))
        assert not missing, f"{key}: {missing} missing from {zh!r}"
        missing = set(_GREEK.findall(en)) - set(_GREEK.findall(zh))
        assert not missing, f"{key}: {missing} missing from {zh!r}"


# -- fallback -----------------------------------------------------------------------------------
def test_custom_activations_keep_the_users_text(chinese: None) -> None:
    act = build_activation(CustomDefinition(name="relu", expression="x * tanh(softplus(x)) * a"))
    assert locale.describe(act) == act.description
    assert locale.display_name(act) == "relu"
    assert locale.param_help(act, "a") == act.param("a").description
    assert locale.family_label(act.family) == zh_CN.FAMILIES[Family.CUSTOM]


def test_an_object_reusing_a_catalog_key_is_not_translated(chinese: None) -> None:
    impostor = dataclasses.replace(get("relu"), name="My ReLU")
    assert impostor.key == "relu"
    assert locale.describe(impostor) == impostor.description
    assert locale.display_name(impostor) == "My ReLU"


def test_missing_fields_fall_back_to_english_one_by_one(
    chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    relu = get("relu")
    monkeypatch.setitem(zh_CN.TEXTS, "relu", ActivationText(summary="只翻译了摘要。"))
    card = locale.describe(relu)
    assert card.summary == "只翻译了摘要。"
    assert card.strengths == relu.description.strengths
    assert card.weaknesses == relu.description.weaknesses
    assert card.usage == relu.description.usage
    assert locale.display_name(relu) == "ReLU"


def test_a_list_of_the_wrong_length_falls_back_to_english(
    chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    relu = get("relu")
    entry = dataclasses.replace(zh_CN.TEXTS["relu"], strengths=("只有一条",))
    monkeypatch.setitem(zh_CN.TEXTS, "relu", entry)
    card = locale.describe(relu)
    assert card.strengths == relu.description.strengths
    assert card.weaknesses == entry.weaknesses  # the other list is still translated


def test_missing_entries_and_labels_fall_back_to_english(
    chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    elu = get("elu")
    monkeypatch.delitem(zh_CN.TEXTS, "elu")
    monkeypatch.delitem(zh_CN.FAMILIES, Family.OTHER)
    monkeypatch.delitem(zh_CN.SMOOTHNESS, Smoothness.DISCONTINUOUS)
    assert locale.describe(elu) == elu.description
    assert locale.param_help(elu, "alpha") == elu.param("alpha").description
    assert locale.display_name(elu) == "ELU"
    assert locale.family_label(Family.OTHER) == "Other"
    assert locale.smoothness_label(Smoothness.DISCONTINUOUS) == "discontinuous"


@pytest.mark.parametrize("key", ALL_KEYS)
def test_the_english_has_not_changed_since_it_was_translated(key: str) -> None:
    """When this fails, re-read the English card and update both the Chinese and the digest."""
    act = ACTIVATIONS[key]
    assert zh_CN.TRANSLATED_FROM.get(key) == english_digest(act.description, act.params), (
        f"the English texts of {key} changed since they were translated"
    )


def test_no_digest_for_a_key_that_does_not_exist() -> None:
    assert set(zh_CN.TRANSLATED_FROM) == set(zh_CN.TEXTS)
