"""The catalog's user-visible texts in every supported language (Qt-free, stdlib only).

The English texts live in the catalog itself; each other language has a plain table module here
(``zh_CN.py``) keyed by activation key. Every function falls back to the English text, field by
field, when a translation is missing, and user-defined (custom) activations always stay as the
user wrote them.

Messages raised by the Qt-free layers (a refused parameter, an expression error, a scene's
problems) are :class:`~actexplorer.core.messages.Message` texts: :func:`error_text` gives an
exception's message in the current language and :func:`message_text` a single message (a notice,
one problem of a list). Each language's wording lives in ``<code>_messages.py``, keyed by the
English template.

Usage::

    from actexplorer.core import locale
    locale.set_language("zh_CN")
    card = locale.describe(get("relu"))      # a Description with Chinese texts
    try:
        state.set_param("alpha", 12)
    except ValueError as exc:
        shown = locale.error_text(exc)       # "参数 'alpha' 必须在 [0.01, 10] 范围内（输入为 12）"
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import ModuleType

from ..activation import Activation, Description, Family, Framework, Smoothness, VectorActivation
from ..messages import Message, render
from ..registry import ACTIVATIONS as _CATALOG
from . import zh_CN as _zh_CN
from . import zh_CN_messages as _zh_CN_messages
from ._text import ActivationText

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "ActivationText",
    "describe",
    "display_name",
    "error_text",
    "family_label",
    "framework_label",
    "language",
    "message_text",
    "param_help",
    "set_language",
    "smoothness_label",
]

#: Supported language codes; "en" is the catalog's own text.
LANGUAGES: tuple[str, ...] = ("en", "zh_CN")

#: Each language's name written in that language (for a language menu).
LANGUAGE_NAMES: Mapping[str, str] = {"en": "English", "zh_CN": "简体中文"}

_TABLES: dict[str, ModuleType] = {"zh_CN": _zh_CN}
#: Each language's wording of the Qt-free layers' messages, keyed by the English template.
MESSAGE_TABLES: Mapping[str, Mapping[str, str]] = {"zh_CN": _zh_CN_messages.MESSAGES}

_current = "en"


def set_language(code: str) -> None:
    """Make ``code`` (one of :data:`LANGUAGES`) the language of every text; ``ValueError`` else."""
    global _current
    if code not in LANGUAGES:
        raise ValueError(
            f"unknown language {code!r}; choose one of {', '.join(map(repr, LANGUAGES))}"
        )
    _current = code


def language() -> str:
    """The current language code (``"en"`` until :func:`set_language` changes it)."""
    return _current


def _entry(act: Activation | VectorActivation) -> ActivationText | None:
    """The current language's texts for ``act``, or None (English, custom or unknown)."""
    table = _TABLES.get(_current)
    if table is None:
        return None
    # Only the catalog's own object is translated: a custom activation may reuse a key or name.
    if act.key not in _CATALOG or _CATALOG[act.key] is not act:
        return None
    entry: ActivationText | None = table.TEXTS.get(act.key)
    return entry


def describe(act: Activation | VectorActivation) -> Description:
    """``act``'s Description in the current language; the Reference is never translated."""
    english = act.description
    entry = _entry(act)
    if entry is None:
        return english
    return dataclasses.replace(
        english,
        summary=entry.summary or english.summary,
        # A list whose length differs from the English one is out of date: show the English.
        strengths=(
            entry.strengths if len(entry.strengths) == len(english.strengths) else english.strengths
        ),
        weaknesses=(
            entry.weaknesses
            if len(entry.weaknesses) == len(english.weaknesses)
            else english.weaknesses
        ),
        usage=(entry.usage or english.usage) if english.usage else "",
    )


def param_help(act: Activation | VectorActivation, name: str) -> str:
    """The one-line description of ``act``'s parameter ``name`` in the current language."""
    english = act.param(name).description
    entry = _entry(act)
    if entry is None:
        return english
    return entry.params.get(name) or english


def display_name(act: Activation | VectorActivation) -> str:
    """The name shown in the picker and titles (ReLU stays ReLU; "Binary step" is translated)."""
    entry = _entry(act)
    if entry is None or not entry.name:
        return act.name
    return entry.name


def family_label(family: Family) -> str:
    """The picker group title of ``family`` in the current language."""
    table = _TABLES.get(_current)
    labels: Mapping[Family, str] = table.FAMILIES if table is not None else {}
    member = Family(family)
    return labels.get(member) or member.value


def smoothness_label(smoothness: Smoothness) -> str:
    """The smoothness class (C⁰, C¹, ..., or "discontinuous") in the current language."""
    table = _TABLES.get(_current)
    labels: Mapping[Smoothness, str] = table.SMOOTHNESS if table is not None else {}
    member = Smoothness(smoothness)
    return labels.get(member) or member.value


def framework_label(framework: Framework) -> str:
    """The display name of ``framework``; product names read the same in every language."""
    return Framework(framework).value


def message_text(message: str) -> str:
    """``message`` in the current language: a :class:`Message` is translated, any other text is
    returned as it is (a file name, a number, or a message that has no template)."""
    return render(message, MESSAGE_TABLES.get(_current))


def error_text(exc: BaseException) -> str:
    """What to show the user for ``exc``, in the current language.

    An exception raised with a :class:`Message` is translated; an exception carrying
    ``problems`` (a scene's :class:`SceneError`) lists each problem translated; anything else
    (NumPy's own errors, an operating system's message) is ``str(exc)``. In English this is
    always ``str(exc)``.
    """
    table = MESSAGE_TABLES.get(_current)
    if table is None:
        return str(exc)
    problems = getattr(exc, "problems", None)
    heading = getattr(exc, "heading", None)
    if isinstance(problems, tuple) and len(problems) > 1 and callable(heading):
        listed = "".join(f"\n- {render(problem, table)}" for problem in problems)
        return render(heading(), table) + listed
    if len(exc.args) == 1 and isinstance(exc.args[0], Message):
        return render(exc.args[0], table)
    return str(exc)
