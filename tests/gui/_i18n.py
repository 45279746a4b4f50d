"""What the language tests share: finding English words left in texts meant to be Chinese."""

from __future__ import annotations

import html
import re

#: A Latin word: two letters or more (single letters are notation: x, f, X).
WORD = re.compile(r"[A-Za-z]{2,}")
TAG = re.compile(r"<[^>]+>")
#: File patterns such as *.actx.json stay as they are in every language.
FILE_PATTERN = re.compile(r"\*\.[\w.]+")


def plain(text: str) -> str:
    """``text`` without markup, entities or file patterns."""
    return FILE_PATTERN.sub(" ", html.unescape(TAG.sub(" ", text)))


def untranslated(texts: list[str], allowed: set[str]) -> list[str]:
    """The texts still holding a Latin word that is not in ``allowed`` (names, notation,
    units): text left untranslated."""
    shown = [plain(text) for text in texts]
    return [text for text in shown if any(w not in allowed for w in WORD.findall(text))]
