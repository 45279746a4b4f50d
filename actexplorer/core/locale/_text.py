"""The shape of one activation's translated texts (shared by every language table)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..activation import Description, ParamSpec


@dataclass(frozen=True, slots=True)
class ActivationText:
    """Translated card texts of one catalog activation; empty fields fall back to English.

    ``name`` is the display name (empty: keep the English name, e.g. for ReLU). ``strengths`` and
    ``weaknesses`` must list as many items as the English, in the same order. ``params`` maps a
    parameter name to its one-line help.
    """

    summary: str = ""
    strengths: tuple[str, ...] = ()
    weaknesses: tuple[str, ...] = ()
    usage: str = ""
    name: str = ""
    params: Mapping[str, str] = field(default_factory=dict)


def english_digest(description: Description, params: tuple[ParamSpec, ...]) -> str:
    """A short fingerprint of the English texts a translation was written from.

    A table records it per activation so that a test notices when the English changes later and
    the translation may no longer say the same thing.
    """
    parts = [
        description.summary,
        *description.strengths,
        "",
        *description.weaknesses,
        "",
        description.usage,
        *(f"{spec.name}={spec.description}" for spec in params),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12]
