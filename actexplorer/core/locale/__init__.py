"""The catalog's user-visible texts in every supported language (Qt-free, stdlib only).

The English texts live in the catalog itself; each other language has a plain table module here
(``zh_CN.py``) keyed by activation key. Every function falls back to the English text, field by
field, when a translation is missing, and user-defined (custom) activations always stay as the
user wrote them.

Usage::

    from actexplorer.core import locale
    locale.set_language("zh_CN")
    card = locale.describe(get("relu"))      # a Description with Chinese texts
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import ModuleType

from ..activation import Activation, Description, Family, Framework, Smoothness, VectorActivation
from ..registry import ACTIVATIONS as _CATALOG
from . import zh_CN as _zh_CN
from ._text import ActivationText

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "ActivationText",
    "describe",
    "display_name",
    "family_label",
    "framework_label",
    "language",
    "param_help",
    "set_language",
    "smoothness_label",
]

#: Supported language codes; "en" is the catalog's own text.
LANGUAGES: tuple[str, ...] = ("en", "zh_CN")

#: Each language's name written in that language (for a language menu).
LANGUAGE_NAMES: Mapping[str, str] = {"en": "English", "zh_CN": "简体中文"}

_TABLES: dict[str, ModuleType] = {"zh_CN": _zh_CN}

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
