"""Translatable messages of the Qt-free layers: a sentence that remembers how it was made.

A module writes each user-visible sentence once, at module level, as an English template with
named placeholders and registers it::

    _OUT_OF_RANGE = template("parameter {name!r} must lie in {interval}; got {value}")
    ...
    raise ValueError(Message(_OUT_OF_RANGE, name="alpha", interval="[0, 10]", value="12"))

A :class:`Message` *is* the English text (a ``str``), so ``str(exc)``, comparisons and logs are
unchanged; it also keeps its template and values, so :func:`actexplorer.core.locale.error_text`
can say the same thing in the window's language, looking the template up in a per-language table
(gettext-style: the English template is the key). A value that is itself a :class:`Message` (a
reason inside a sentence, a word like "a list") is translated too; any other value (a field name,
a parameter name, a key, an expression, a number already formatted) is shown as it is.

This module imports nothing but the standard library, so every layer can use it.
"""

from __future__ import annotations

import string
import sys
from collections.abc import Mapping
from typing import Any

__all__ = [
    "Message",
    "Template",
    "placeholders",
    "reason_of",
    "registered_templates",
    "render",
    "template",
]


class Template(str):
    """An English message template registered with :func:`template` (``{name}`` placeholders)."""

    __slots__ = ()


# template text -> the module that defined it (for a readable failure in the completeness test)
_REGISTERED: dict[str, str] = {}


def template(text: str) -> Template:
    """Register ``text`` as a translatable template and return it (call at module level)."""
    placeholders(text)  # a malformed template fails at import, not when the error happens
    # The defining module, named when the completeness test reports a missing translation.
    _REGISTERED.setdefault(text, sys._getframe(1).f_globals.get("__name__", ""))
    return Template(text)


def registered_templates() -> Mapping[str, str]:
    """Every registered template, mapped to the module that defined it (when it said)."""
    return dict(_REGISTERED)


def placeholders(text: str) -> frozenset[str]:
    """The placeholder fields of a template, each with its conversion and format spec.

    ``"{name!r} got {value:g}"`` gives ``{"name!r", "value:g"}``; two texts with the same set
    format the same values the same way.
    """
    fields = set()
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if not name or not name.isidentifier():
            raise ValueError(f"template placeholders must be names: {text!r}")
        fields.add(name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else ""))
    return frozenset(fields)


class Message(str):
    """A user-visible sentence: its English text, plus the template and values it came from.

    ``str(message)`` is the English text. :func:`render` gives it in another language.
    """

    template: str
    args: Mapping[str, Any]

    def __new__(cls, template: Template, /, **args: Any) -> Message:
        if type(template) is str:
            # Still readable in English; the completeness test only sees registered templates.
            template = Template(template)
        self = super().__new__(cls, template.format(**args))
        self.template = template
        self.args = dict(args)
        return self

    def with_text(self, english: str) -> Message:
        """The same message (template, values) shown as ``english`` in English.

        For a caller that shortens the English text, e.g. drops a field name the context already
        gives: other languages still render the full template.
        """
        other = str.__new__(Message, english)
        other.template = self.template
        other.args = self.args
        return other

    def __getnewargs_ex__(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        return (Template(self.template),), dict(self.args)


def render(message: object, table: Mapping[str, str] | None) -> str:
    """``message`` in the language of ``table`` (English template → translated template).

    Without a table, for a plain string or for a template the table lacks, the English text.
    """
    if table is None or not isinstance(message, Message):
        return str(message)
    translated = table.get(message.template)
    if translated is None:
        return str(message)
    values = {
        name: render(value, table) if isinstance(value, Message) else value
        for name, value in message.args.items()
    }
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):  # a broken table entry must not hide the error
        return str(message)


def reason_of(exc: BaseException) -> str:
    """The message an exception was raised with: the :class:`Message` itself when it has one.

    Use it where a caller wraps another layer's error in its own sentence, so the inner reason
    stays translatable (``str(exc)`` would keep only its English text).
    """
    english = str(exc)
    if len(exc.args) == 1 and isinstance(exc.args[0], Message):
        # A KeyError quotes its text in str(); keep that English, still translatable.
        message: Message = exc.args[0]
        return message if english == message else message.with_text(english)
    return english
