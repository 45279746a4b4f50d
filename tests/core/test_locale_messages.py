"""Messages of the Qt-free layers in every language: completeness, placeholders, rendering."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

import actexplorer.animation
import actexplorer.custom_functions
import actexplorer.lab_state
import actexplorer.scene
import actexplorer.state
from actexplorer.animation import ParameterAnimation
from actexplorer.core import get, locale
from actexplorer.core.custom import ExpressionError, custom_param, parse_expression
from actexplorer.core.messages import (
    Message,
    placeholders,
    reason_of,
    registered_templates,
    render,
    template,
)
from actexplorer.custom_functions import CustomFunctions
from actexplorer.lab_state import LabState
from actexplorer.scene import SceneError, loads_scene
from actexplorer.state import ExplorerState

# Every module that raises translatable messages registers its templates when imported.
_MODULES = (
    actexplorer.animation,
    actexplorer.custom_functions,
    actexplorer.lab_state,
    actexplorer.scene,
    actexplorer.state,
)


pytestmark = pytest.mark.usefixtures("english_afterwards")


def _ours() -> dict[str, str]:
    """The registered templates of the application (a test may register its own)."""
    return {t: m for t, m in registered_templates().items() if m.startswith("actexplorer")}


# -- the tables -------------------------------------------------------------------------------
def test_the_modules_register_their_templates() -> None:
    modules = set(_ours().values())
    expected = {m.__name__ for m in _MODULES}
    expected |= {"actexplorer.core.activation", "actexplorer.core.custom"}
    expected |= {"actexplorer.core.registry"}
    assert expected <= modules
    assert len(_ours()) > 150


@pytest.mark.parametrize("code", [c for c in locale.LANGUAGES if c != "en"])
def test_every_template_has_a_translation(code: str) -> None:
    table = locale.MESSAGE_TABLES[code]
    missing = sorted(f"{module}: {text!r}" for text, module in _ours().items() if text not in table)
    assert not missing, "no translation:\n" + "\n".join(missing)


@pytest.mark.parametrize("code", [c for c in locale.LANGUAGES if c != "en"])
def test_no_translation_is_stale(code: str) -> None:
    stale = sorted(text for text in locale.MESSAGE_TABLES[code] if text not in _ours())
    assert not stale, "translations of templates no module uses:\n" + "\n".join(stale)


@pytest.mark.parametrize("code", [c for c in locale.LANGUAGES if c != "en"])
def test_translations_keep_exactly_the_placeholders(code: str) -> None:
    table = locale.MESSAGE_TABLES[code]
    wrong = [
        f"{text!r}: {sorted(placeholders(text))} vs {sorted(placeholders(table[text]))}"
        for text in table
        if placeholders(text) != placeholders(table[text])
    ]
    assert not wrong, "\n".join(wrong)


def test_translations_are_chinese_sentences() -> None:
    table = locale.MESSAGE_TABLES["zh_CN"]
    # Templates made only of placeholders and punctuation read the same in every language.
    composed = {"{reason}{hint}", "explorer.{problem}", "{reason}{place}"}
    english = [t for t, z in table.items() if t not in composed and not _has_cjk(z)]
    assert not english


def _has_cjk(text: str) -> bool:
    """Chinese characters or full-width punctuation (a "{path}：{message}" is Chinese too)."""
    return any("\u4e00" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" for c in text)


def test_placeholders_name_fields_with_their_format() -> None:
    assert placeholders("{name!r} got {value:g} and {name!r}") == {"name!r", "value:g"}
    with pytest.raises(ValueError, match="must be names"):
        placeholders("{0} and {}")


# -- the message object -----------------------------------------------------------------------
_SAMPLE = template("{name!r} must be at most {limit}; got {value}")


def test_a_message_is_its_english_text_and_keeps_its_values() -> None:
    message = Message(_SAMPLE, name="alpha", limit=10, value="12")
    assert message == "'alpha' must be at most 10; got 12"
    assert message.template == _SAMPLE
    assert message.args == {"name": "alpha", "limit": 10, "value": "12"}
    assert str(ValueError(message)) == message


def test_a_message_survives_copy_and_pickle() -> None:
    message = Message(_SAMPLE, name="alpha", limit=10, value="12")
    for other in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert other == message
        assert isinstance(other, Message)
        assert other.args == message.args


def test_render_translates_nested_messages_and_keeps_other_values() -> None:
    inner = template("inner {x}")
    outer = template("outer {name}: {reason}")
    table = {inner: "内 {x}", outer: "外 {name}：{reason}"}
    message = Message(outer, name="explorer.seed", reason=Message(inner, x="3"))
    assert render(message, table) == "外 explorer.seed：内 3"
    assert render(message, None) == "outer explorer.seed: inner 3"
    assert render("plain text", table) == "plain text"
    # A template the table lacks, or a broken entry, shows the English rather than failing.
    assert render(message, {}) == "outer explorer.seed: inner 3"
    assert render(message, {outer: "{missing}"}) == "outer explorer.seed: inner 3"


def test_reason_of_keeps_the_english_text_of_any_exception() -> None:
    message = Message(_SAMPLE, name="a", limit=1, value="2")
    assert reason_of(ValueError(message)) is message
    keyed = reason_of(KeyError(message))
    assert keyed == str(KeyError(message))  # the quotes a KeyError adds stay in English
    assert isinstance(keyed, Message) and keyed.template == _SAMPLE
    assert reason_of(ValueError("plain")) == "plain"
    assert reason_of(OSError(2, "No such file")) == str(OSError(2, "No such file"))


# -- English stays as it was ------------------------------------------------------------------
def test_english_error_text_is_str_of_the_exception() -> None:
    state = ExplorerState("elu")
    with pytest.raises(ValueError) as info:
        state.set_param("alpha", 12)
    assert str(info.value) == "parameter 'alpha' must lie in [0.01, 10]; got 12"
    assert locale.error_text(info.value) == str(info.value)


def test_exceptions_without_a_template_fall_back_to_their_text(chinese: None) -> None:
    with pytest.raises(ValueError) as info:
        np.zeros(3).reshape(2, 2)
    assert locale.error_text(info.value) == str(info.value)
    assert locale.error_text(KeyError("x")) == "'x'"


# -- Chinese, layer by layer ------------------------------------------------------------------
def _error(action: object) -> BaseException:
    with pytest.raises((ValueError, KeyError)) as info:
        action()  # type: ignore[operator]
    return info.value


def test_a_refused_parameter_in_chinese(chinese: None) -> None:
    state = ExplorerState("elu")
    text = locale.error_text(_error(lambda: state.set_param("alpha", 12)))
    assert text == "参数 'alpha' 必须在 [0.01, 10] 范围内（输入为 12）"
    text = locale.error_text(_error(lambda: state.set_param("alpah", 1)))
    assert text == "elu 没有参数 'alpah'（它的参数是 alpha）；你是不是想输入 'alpha'？"
    text = locale.error_text(_error(lambda: get("gelu").resolve({"approximate": "fast"})))
    assert text == "参数 'approximate' 只能取 'none', 'tanh' 之一（输入为 'fast'）"


def test_an_expression_error_in_chinese(chinese: None) -> None:
    exc = _error(lambda: parse_expression("2 * sigmod(x)"))
    assert isinstance(exc, ExpressionError)
    assert str(exc) == "unknown name 'sigmod' at column 5 — did you mean sigmoid?"
    assert locale.error_text(exc) == "第 5 列：未知名称 'sigmod'，你是不是想输入 sigmoid？"
    assert locale.error_text(_error(lambda: parse_expression(""))) == "表达式为空"
    assert (
        locale.error_text(_error(lambda: parse_expression("x.real"))) == "第 1 列：不支持属性访问"
    )
    assert "语法错误" in locale.error_text(_error(lambda: parse_expression("x +")))
    text = locale.error_text(_error(lambda: parse_expression("leaky_relu(x, slope=2)")))
    assert text == "第 21 列：leaky_relu 没有参数 'slope'（它的参数是 negative_slope）"


def test_a_custom_parameter_refusal_in_chinese(chinese: None) -> None:
    text = locale.error_text(_error(lambda: custom_param("b", minimum=3, maximum=1)))
    assert text == "'b' 的最小值必须小于最大值"
    text = locale.error_text(_error(lambda: custom_param("b", default="x")))
    assert text == "'b' 的默认值必须是数字"


def test_an_unknown_activation_in_chinese(chinese: None) -> None:
    exc = _error(lambda: setattr(ExplorerState(), "activation", "sigmod"))
    assert locale.error_text(exc).startswith("未知的激活函数 'sigmod'；你是不是想输入 'sigmoid' 或")


def test_state_and_lab_refusals_in_chinese(chinese: None) -> None:
    state = ExplorerState()
    text = locale.error_text(_error(lambda: setattr(state, "n_samples", 3)))
    assert text == "n_samples 必须在 [1,000, 10,000,000] 范围内（输入为 3）"
    lab = LabState()
    text = locale.error_text(_error(lambda: lab.update(depth=0)))
    assert text == "depth 必须在 [1, 100] 范围内（输入为 0）"
    text = locale.error_text(_error(lambda: lab.update(race="softmax")))
    assert text == "race：Softmax 作用于整个向量，实验室需要逐元素的标量函数"
    problems = lab.update_from_dict({"depth": 0, "colour": 1})
    assert [locale.message_text(p) for p in problems] == [
        "depth：depth 必须在 [1, 100] 范围内（输入为 0）",
        "colour：未知的设置项",
    ]


def test_a_scene_lists_each_problem_in_chinese(chinese: None) -> None:
    text = (
        '{"format": "actexplorer-scene", "version": 1, "explorer": '
        '{"activation": "elu", "params": {"alpha": 12}, "n_samples": 3, "pins": 5}}'
    )
    exc = _error(lambda: loads_scene(text))
    assert isinstance(exc, SceneError)
    assert str(exc).startswith("3 problems:\n- explorer.params.alpha: must lie in")
    assert locale.error_text(exc).splitlines() == [
        "共 3 个问题：",
        "- explorer.params.alpha：参数 'alpha' 必须在 [0.01, 10] 范围内（输入为 12）",
        "- explorer.n_samples：n_samples 必须在 [1,000, 10,000,000] 范围内（输入为 3）",
        "- explorer.pins：必须是列表，实际是数字",
    ]


def test_a_broken_scene_file_in_chinese(chinese: None) -> None:
    exc = _error(lambda: loads_scene('{"format": "actexplorer-scene", "explorer": [1'))
    assert locale.error_text(exc) == (
        "不是有效的 JSON：此处应为逗号 ','（第 1 行，第 47 列）；文件提前结束（可能不完整？）"
    )
    exc = _error(lambda: loads_scene('{"format": "actexplorer-lecture", "scenes": []}'))
    assert locale.error_text(exc) == (
        "不是 ActExplorer 场景：format 为 'actexplorer-lecture'：这个文件是讲稿，不是场景"
    )
    exc = _error(lambda: loads_scene('{"format": "actexplorer-scene", "seed": NaN}'))
    assert locale.error_text(exc) == "场景中不能保存 NaN（只能保存有限数）（第 1 行，第 41 列）"


def test_scene_notices_in_chinese(chinese: None) -> None:
    scene = loads_scene('{"format": "actexplorer-scene", "explorer": {"colour": 1}}')
    assert [locale.message_text(n) for n in scene.notices] == [
        "文件没有注明版本，按版本 1 读取",
        "explorer.colour：未知字段，已忽略",
    ]


def test_custom_function_refusals_in_chinese(chinese: None) -> None:
    from actexplorer.core.custom import CustomDefinition

    functions = CustomFunctions()
    exc = _error(lambda: functions.install(CustomDefinition("relu", "x")))
    assert locale.error_text(exc) == "'relu' 是内置函数 ReLU 的名字，请换一个"
    exc = _error(lambda: functions.install(CustomDefinition("mine", "x +")))
    assert locale.error_text(exc).startswith("mine：第 ")


def test_animation_bounds_in_chinese(chinese: None) -> None:
    spec = get("elu").param("alpha")
    exc = _error(lambda: ParameterAnimation.for_spec(spec, 0.5, 20))
    assert str(exc) == "alpha to must lie in [0.01, 10]; got 20"
    assert locale.error_text(exc) == "alpha 的终点 必须在 [0.01, 10] 范围内（输入为 20）"
    exc = _error(lambda: ParameterAnimation("alpha", 1.0, 1.0))
    assert locale.error_text(exc) == "起点和终点都是 1，动画不会变化"


def test_back_in_english_the_same_errors_read_english() -> None:
    locale.set_language("zh_CN")
    exc = _error(lambda: parse_expression("2 * sigmod(x)"))
    assert _has_cjk(locale.error_text(exc))
    locale.set_language("en")
    assert locale.error_text(exc) == "unknown name 'sigmod' at column 5 — did you mean sigmoid?"
