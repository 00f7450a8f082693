"""The message catalog: every user-visible string, looked up by key and language, with number formats."""

from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path

MESSAGES = Path(__file__).resolve().parent / "messages"
LANGUAGES: tuple[str, ...] = ("en", "es", "pt", "fr")
DEFAULT_LANGUAGE = "en"


@functools.lru_cache(maxsize=8)
def catalog(lang: str) -> dict[str, str]:
    """The flat key -> text mapping of one language."""
    with (MESSAGES / f"{lang}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


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


def fmt_number(value: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """A number with the language's grouping and decimal marks."""
    text = f"{value:,.{decimals}f}"
    group, decimal = t("format.group", lang), t("format.decimal", lang)
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)


# Languages whose "million" stays singular below two (1,6 million in French, 1,6 milhão in Portuguese); in the
# others only exactly one is singular (1 millón, 1.5 millones).
SINGULAR_BELOW_TWO = frozenset({"fr", "pt"})
THOUSANDS_IN_FULL = frozenset({"fr"})  # "51 800", not "51,8 mille"
# Languages that count billions in thousands of millions, as ECLAC's Spanish does: "61.500 millones",
# "1.600 millones", never "61,5 mil millones" or "1 mil millones".
BILLIONS_AS_MILLIONS = frozenset({"es"})


def _magnitude(value: float, lang: str) -> tuple[str, str]:
    """How a briefing says a quantity: (the catalog key suffix, the number written in the language).

    The suffix is "billion", "million", "thousand" (each with "_one" where the noun is singular), or "" when
    the number is said in full (below a thousand, and French thousands)."""
    steps = ((1e9, "billion"), (1e6, "million"), (1e3, "thousand"))
    for index, (threshold, name) in enumerate(steps):
        scaled = value / threshold
        decimals = 0 if abs(scaled) >= 100 else 1
        if abs(round(scaled, decimals)) >= 1000 and index > 0:  # 999.96 million reads as 1.0 billion
            threshold, name = steps[index - 1]
            scaled, decimals = value / threshold, 1
        elif not (abs(scaled) >= 1 or abs(round(scaled, decimals)) >= 1):
            continue
        if name == "billion" and lang in BILLIONS_AS_MILLIONS:
            return "million", fmt_number(round(scaled, decimals) * 1000, lang, 0)
        if name == "thousand":
            if lang in THOUSANDS_IN_FULL:
                return "", fmt_number(round(value, -2), lang, 0)
            return name, fmt_number(scaled, lang, decimals)
        rounded = round(abs(scaled), decimals)
        one = rounded < 2 if lang in SINGULAR_BELOW_TWO else rounded == 1
        return name + ("_one" if one else ""), fmt_number(scaled, lang, decimals if rounded != 1 else 0)
    return "", fmt_number(value, lang, 0)


def fmt_compact(value: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """Large quantities the way a briefing says them: 11.2 million, 61.5 billion, 950 thousand."""
    magnitude, number = _magnitude(value, lang)
    return t(f"format.{magnitude}", lang, value=number) if magnitude else number


def fmt_usd(value: float, lang: str = DEFAULT_LANGUAGE, compact: bool = True) -> str:
    """An amount of US dollars: US$ 61.5 billion, 61,5 milliards de dollars des États-Unis, US$ 61.500 millones.

    Each magnitude has its own key (format.usd_million, ...) because the words around the number change with
    it: French says "61,5 milliards de dollars" but "51 800 dollars", with no "de" after a plain number."""
    magnitude, number = _magnitude(value, lang) if compact else ("", fmt_number(value, lang, 0))
    return t(f"format.usd_{magnitude}" if magnitude else "format.usd", lang, value=number)


def fmt_short(value: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """A terse number for legend classes: 2.5k, 10M, 1.5bn, 40 (units go in the legend title)."""
    magnitude = abs(value)
    if magnitude >= 1e9 and lang in BILLIONS_AS_MILLIONS:  # 1.500 M, as the long form says 1.500 millones
        scaled = value / 1e9
        millions = round(scaled, 0 if scaled == int(scaled) else 1) * 1000  # the precision of "1.5bn"
        return t("format.short_million", lang, value=fmt_number(millions, lang, 0))
    for threshold, key in (
        (1e9, "format.short_billion"),
        (1e6, "format.short_million"),
        (1e3, "format.short_thousand"),
    ):
        if magnitude >= threshold:
            scaled = value / threshold
            decimals = 0 if scaled == int(scaled) or abs(scaled) >= 100 else 1  # 546M, not 545.6M
            return t(key, lang, value=fmt_number(scaled, lang, decimals))
    return fmt_number(value, lang, 0 if value == int(value) else 1)


def fmt_value(value: float | None, unit: str, lang: str = DEFAULT_LANGUAGE, compact: bool = True) -> str:
    """A value with its unit: 24.7%, US$ 61.5 billion, 11.2 million persons; '—' when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return t("format.missing", lang)
    if unit == "percent":
        return t("format.percent", lang, value=fmt_number(value, lang, 1))
    if unit == "usd":
        return fmt_usd(value, lang, compact)
    return fmt_compact(value, lang) if compact else fmt_number(value, lang)
