"""The message catalog: every user-visible string, looked up by key and language (numbers: core.i18n.formats)."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

MESSAGES = Path(__file__).resolve().parent / "messages"
LANGUAGES: tuple[str, ...] = ("en", "es", "pt", "fr")
DEFAULT_LANGUAGE = "en"


@functools.lru_cache(maxsize=8)
def catalog(lang: str) -> dict[str, str]:
    """The flat key -> text mapping of one language."""
    with (MESSAGES / f"{lang}.json").open(encoding="utf-8") as handle:
        messages: dict[str, str] = json.load(handle)
    return messages


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for `key` in `lang` with {placeholders} filled; a missing key is a bug caught by the tests."""
    text = catalog(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)[key]
    return text.format(**values) if values else text


# Line breaks and runs of ordinary spaces (YAML folds, wrapped citations) become one space. No-break spaces are
# text, never collapsed: French puts U+202F before ; : ? ! and inside « », U+00A0 inside "$ US" (str.split()
# and JavaScript's \s would both treat them as breaks).
_BREAKS = re.compile(r"[ \t\r\n]+")


def one_line(text: str) -> str:
    """The text on one line, its no-break spaces kept."""
    return _BREAKS.sub(" ", text).strip(" ")


def negotiate(accept_language: str | None) -> str:
    """The first supported language in an Accept-Language header (quality order), else the default."""
    choices = []
    for number, part in enumerate((accept_language or "")[:500].split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        choices.append((-quality, number, tag.strip().lower()[:2]))
    for _, _, code in sorted(choices):
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE
