"""The message catalog (core.i18n): every key the code uses exists and is filled in; numbers read as in a briefing."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from core.charts import thennow
from core.i18n.catalog import MESSAGES, catalog, t
from core.i18n.formats import fmt_compact, fmt_number, fmt_short, fmt_value

ROOT = Path(__file__).resolve().parent.parent
CODE = sorted(
    [
        *(ROOT / "core").rglob("*.py"),
        *(ROOT / "components").rglob("*.py"),
        *(ROOT / "callbacks").rglob("*.py"),
        ROOT / "app.py",
    ]
)
META = json.loads((ROOT / "data" / "processed" / "indicators_meta.json").read_text(encoding="utf-8"))
EN = json.loads((MESSAGES / "en.json").read_text(encoding="utf-8"))

LITERAL_CALL = re.compile(r"""\bt\(\s*(["'])([^"'{}]+)\1""")
FSTRING_CALL = re.compile(r"""\bt\(\s*f(["'])([^"'{}]*)\{""")


def sources() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in CODE)


def literal_keys() -> set[str]:
    return {m.group(2) for m in LITERAL_CALL.finditer(sources())}


def test_scan_finds_the_code():
    assert len(CODE) > 5
    keys = literal_keys()
    called = {"app.title", "ranking.title", "notice.rejected", "format.missing", "value.as_published"}
    assert called <= keys  # multi-line, '
    assert len(keys) > 30


def test_every_literal_key_exists():
    missing = sorted(literal_keys() - set(EN))
    assert not missing, f"keys used in code but absent from en.json: {missing}"


def test_keys_held_in_string_constants_exist():
    """Keys passed through a variable or a constant ('format.usd_short', ...)."""
    namespaces = {key.split(".")[0] for key in EN}
    found = set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                match = re.fullmatch(r"([a-z]+)\.[a-z_]*[a-z]", node.value)
                if match and match.group(1) in namespaces:
                    found.add(node.value)
    assert "format.usd_short" in found
    assert not sorted(found - set(EN))


def all_sources() -> set[str]:
    return {s for section in ("indicators", "bilateral") for m in META[section].values() for s in m["source"]}


def all_units() -> set[str]:
    return {m["unit"] for section in ("indicators", "bilateral") for m in META[section].values()}


# The concrete values each t(f"family.{...}") call is made with.
FAMILIES: dict[str, set[str]] = {
    "source.": all_sources(),  # meta["source"] ids, core/charts/texts.py
    "table.": {"rank", "country", "value", "year"},  # table header, components/dashboard.py
    "unit.": {"persons", "percent", "usd"} | all_units(),  # meta["unit"], components/dashboard.py
    "play.": {"play", "pause", "play_label", "pause_label"},  # play button labels, core/charts/dashboard/mapview.py
    "controls.scale_": {"linear", "log"},  # scale toggle, components/dashboard.py
    "view.": {"map", "table"},  # map/table toggle, components/dashboard.py
    "export.embed_": {"live", "pinned"},  # embed kinds, components/share.py
    "route.direction_": {"out", "in"},  # corridor view directions, components/corridors.py
    "route.corridor_title_": {"out", "in"},  # corridor view title, components/corridors.py
    "format.usd_": {"thousand", "million", "million_one", "billion", "billion_one"},  # fmt_usd, core/i18n/formats.py
    # the "2005 → today" statements and today's measures, core/charts/thennow/words.py
    **{f"thennow.{part}_": {str(n) for n in range(1, 22)} for part in ("claim", "figure", "note")},
    "thennow.m_": {m.key for one in thennow.statements() for m in one.measures},
}


def test_f_string_keys_are_known_families():
    prefixes = {m.group(2) for m in FSTRING_CALL.finditer(sources())}
    assert {"source.", "table.", "unit."} <= prefixes
    assert prefixes <= set(FAMILIES), "a new t(f'...') family: add its concrete values to FAMILIES"


@pytest.mark.parametrize("key", sorted(f"{prefix}{value}" for prefix, values in FAMILIES.items() for value in values))
def test_f_string_keys_exist(key):
    assert EN.get(key)


def test_metadata_uses_the_three_units():
    assert all_units() == {"persons", "percent", "usd"}


@pytest.mark.parametrize(("key", "text"), sorted(EN.items()))
def test_no_message_is_empty(key, text):
    assert isinstance(text, str)
    assert text.strip(), key


def test_catalog_is_the_file():
    assert catalog("en") == EN


def test_unknown_language_falls_back_to_english():
    assert t("app.title", "xx") == EN["app.title"]


def test_placeholders_are_filled():
    assert t("map.title", indicator="A", focus="B", year=2020) == "A, B, 2020"


# --- number formats --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, 1, "1,234.5"),
        (1234.5, 0, "1,234"),  # Python rounds half to even
        (1234567.891, 2, "1,234,567.89"),
        (0, 0, "0"),
        (-1234.5, 1, "-1,234.5"),
    ],
)
def test_fmt_number(value, decimals, expected):
    assert fmt_number(value, decimals=decimals) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (11.2e6, "11.2 million"),
        (11_236_000, "11.2 million"),
        (61.5e9, "61.5 billion"),
        (950_000, "950 thousand"),
        (1_500, "1.5 thousand"),
        (123.4, "123"),
        (250e6, "250 million"),
        (-2.5e6, "-2.5 million"),
    ],
)
def test_fmt_compact(value, expected):
    assert fmt_compact(value) == expected


@pytest.mark.parametrize(
    ("value", "unit", "compact", "expected"),
    [
        (61.5e9, "usd", True, "US$ 61.5 billion"),
        (61_500_000_000, "usd", False, "US$ 61,500,000,000"),
        (24.7, "percent", True, "24.7%"),
        (24.66, "percent", True, "24.7%"),
        (112.0, "percent", True, "112.0%"),
        (11.2e6, "persons", True, "11.2 million"),
        (11_200_000, "persons", False, "11,200,000"),
        (None, "percent", True, "—"),
        (None, "usd", True, "—"),
        (float("nan"), "persons", True, "—"),
        (float("nan"), "usd", False, "—"),
    ],
)
def test_fmt_value(value, unit, compact, expected):
    assert fmt_value(value, unit, compact=compact) == expected


def test_fmt_value_treats_numpy_nan_as_missing():
    np = pytest.importorskip("numpy")
    assert fmt_value(np.float64("nan"), "percent") == "—"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2500, "2.5K"), (10e6, "10M"), (1.5e9, "1.5B"), (40, "40"), (0.5, "0.5"), (545.6e6, "546M"), (26.24e6, "26.2M")],
)
def test_fmt_short(value, expected):
    assert fmt_short(value) == expected


# --- every language ------------------------------------------------------------------------------------------

LANGS = ("en", "es", "pt", "fr")
WHITESPACE_ALLOWED: set[str] = set()


def placeholders(text: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_every_key_filled_with_the_same_placeholders(lang):
    other = catalog(lang)
    missing, extra = sorted(set(EN) - set(other)), sorted(set(other) - set(EN))
    assert not missing, f"{lang}: missing {missing}"
    assert not extra, f"{lang}: extra {extra}"
    for key, text in other.items():
        assert text if key in WHITESPACE_ALLOWED else text.strip(), f"{lang}: {key} is empty"
        assert placeholders(text) == placeholders(EN[key]), f"{lang}: {key} placeholders differ"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "1,234.5"), ("es", "1234,5"), ("pt", "1.234,5"), ("fr", "1\u202f234,5")],
)
def test_numbers_follow_the_language(lang, expected):
    """CLDR: Spanish groups from five digits (minimumGroupingDigits 2), French with a narrow no-break space."""
    assert fmt_number(1234.5, lang, 1) == expected
    assert (
        fmt_number(12345.5, lang, 1)
        == {"en": "12,345.5", "es": "12.345,5", "pt": "12.345,5", "fr": "12\u202f345,5"}[lang]
    )


NB, NNB = "\u00a0", "\u202f"  # no-break space, narrow no-break space
USD_FR = f"{NB}dollars des États-Unis"


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        ("en", 61.46e9, "US$ 61.5 billion"),
        ("en", 1.0e9, "US$ 1 billion"),
        ("en", 11.2e6, "US$ 11.2 million"),
        ("en", 950_000, "US$ 950 thousand"),
        ("en", 123.4, "US$ 123"),
        # ECLAC's Spanish counts billions in thousands of millions: never "61,5 mil millones" or "1 mil millones";
        # CLDR groups Spanish digits from five on
        ("es", 61.46e9, "US$ 61.500 millones"),
        ("es", 1.6e9, "US$ 1600 millones"),
        ("es", 1.0e9, "US$ 1000 millones"),
        ("es", 999.96e6, "US$ 1000 millones"),
        ("es", 250e9, "US$ 250.000 millones"),
        ("es", 1.0e6, "US$ 1 millón"),
        ("es", 1.6e6, "US$ 1,6 millones"),
        ("es", 950_000, "US$ 950 mil"),
        ("pt", 61.46e9, "US$ 61,5 bilhões"),
        ("pt", 1.6e9, "US$ 1,6 bilhão"),
        ("pt", 1.6e6, "US$ 1,6 milhão"),
        ("pt", 2.4e6, "US$ 2,4 milhões"),
        ("pt", 950_000, "US$ 950 mil"),
        # French: "de" after milliard(s)/million(s), none after a plain number; no-break space after the number
        ("fr", 61.46e9, f"61,5{NB}milliards de dollars des États-Unis"),
        ("fr", 1.6e9, f"1,6{NB}milliard de dollars des États-Unis"),
        ("fr", 1.0e9, f"1{NB}milliard de dollars des États-Unis"),
        ("fr", 2.4e6, f"2,4{NB}millions de dollars des États-Unis"),
        ("fr", 1.6e6, f"1,6{NB}million de dollars des États-Unis"),
        ("fr", 999.96e6, f"1{NB}milliard de dollars des États-Unis"),
        ("fr", 51_830, f"51{NNB}800{USD_FR}"),
        ("fr", 200, f"200{USD_FR}"),
    ],
)
def test_money_per_language(lang, value, expected):
    assert fmt_value(value, "usd", lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "US$ 61,500,000,000"),
        ("es", "US$ 61.500.000.000"),
        ("pt", "US$ 61.500.000.000"),
        ("fr", f"61{NNB}500{NNB}000{NNB}000{USD_FR}"),
    ],
)
def test_exact_money_per_language(lang, expected):
    assert fmt_value(61_500_000_000, "usd", lang, compact=False) == expected


AMOUNTS = [m * 10**k for k in range(0, 13) for m in (1, 1.04, 1.6, 2.4, 9.99, 9.9996)]


@pytest.mark.parametrize("value", AMOUNTS)
def test_french_money_has_de_after_the_noun_only(value):
    text = fmt_value(value, "usd", "fr")
    if re.search(r"milli(?:on|ard)", text):
        assert re.fullmatch(rf"[\d,{NNB}]+{NB}milli(?:on|ard)s? de dollars des États-Unis", text), text
        singular = re.fullmatch(r"1(?:,\d)?", text.split(NB)[0])
        assert ("s de dollars" in text) != bool(singular), text  # 1,6 million, 2,4 millions
    else:
        assert re.fullmatch(rf"[\d{NNB}]+{NB}dollars des États-Unis", text), text


@pytest.mark.parametrize("value", AMOUNTS)
def test_spanish_never_says_mil_millones(value):
    assert "mil millones" not in fmt_value(value, "usd", "es")
    assert "mil millones" not in fmt_compact(value, "es")


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "1.5B"), ("es", f"1500{NB}M"), ("pt", f"1,5{NB}bi"), ("fr", f"1,5{NB}Md")]
)
def test_short_billions_per_language(lang, expected):
    assert fmt_short(1.5e9, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "US$ 1.5B"), ("es", f"US$ 1500{NB}M"), ("pt", f"US$ 1,5{NB}bi"), ("fr", f"1,5{NB}Md{NB}${NB}US")],
)
def test_short_money_labels(lang, expected):
    assert t("format.usd_short", lang, value=fmt_short(1.5e9, lang)) == expected


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "24.7%"), ("es", f"24,7{NB}%"), ("pt", "24,7%"), ("fr", f"24,7{NB}%")]
)
def test_percent_per_language(lang, expected):
    """CLDR's percent patterns: English and Brazilian Portuguese close up; Spanish and French put a no-break space."""
    assert fmt_value(24.71, "percent", lang) == expected


# Properties of Dash components that a person reads. A string literal there bypasses the catalog.
VISIBLE_PROPS = {"children", "label", "placeholder", "title", "aria-label", "alt", "text"}
LAYOUT_CODE = sorted([*(ROOT / "components").rglob("*.py"), *(ROOT / "callbacks").rglob("*.py")])


def test_no_user_visible_literal_bypasses_the_catalog():
    offenders = []
    for path in LAYOUT_CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            owner = node.func.value
            if not (isinstance(owner, ast.Name) and owner.id in {"html", "dbc", "dcc"}):
                continue
            args = list(node.args[:1]) + [k.value for k in node.keywords if k.arg in VISIBLE_PROPS]
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value.strip(" .·:"):
                    offenders.append(f"{path.name}:{arg.lineno} {arg.value!r}")
    assert not offenders, f"user-visible literals outside the catalog: {offenders}"


# --- French typography -----------------------------------------------------------------------------------------
# A narrow no-break space (U+202F) before ; : ? ! and inside « », never an ordinary or a U+00A0 space; "$ US" with
# no-break spaces. Checked over every French string: the catalog, both reference YAML files and the metadata the
# build wrote from them (what the app actually shows).


def french_texts() -> dict[str, str]:
    import yaml

    found = {f"catalog:{key}": text for key, text in catalog("fr").items()}

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "fr" and isinstance(value, str):
                    found[where] = value
                else:
                    walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for number, value in enumerate(node):
                walk(value, f"{where}[{number}]")

    for name in ("indicators.yaml", "groups.yaml"):
        walk(yaml.safe_load((ROOT / "pipeline" / "reference" / name).read_text(encoding="utf-8")), name)
    walk(META, "indicators_meta.json")
    return found


def typography_faults(text: str) -> list[str]:
    faults = []
    for match in re.finditer(r"[;:?!»]", text):
        at = match.start()
        if text.startswith("://", at):  # an address
            continue
        if text[at - 1 : at] != NNB:
            faults.append(f"{text[max(0, at - 12) : at + 1]!r}: no U+202F before {match.group()}")
    for match in re.finditer("«", text):
        if text[match.end() : match.end() + 1] != NNB:
            faults.append(f"{text[match.start() : match.end() + 12]!r}: no U+202F after «")
    # "$ US" with a no-break space inside and after a number (200 $ US), never the English "US$"
    faults += [f"{m.group()!r}: $ US needs U+00A0" for m in re.finditer(r"\$[ \u202f]US|\d[ \u202f]?\$|US\$", text)]
    return faults


FRENCH = french_texts()


def test_the_french_check_reads_every_source():
    sources = {where.split(":")[0].split(".")[0] for where in FRENCH}
    assert {"catalog", "indicators", "groups", "indicators_meta"} <= sources
    assert len(FRENCH) > 400
    assert typography_faults("Source : x ; « y »")
    assert typography_faults("Source\u00a0:")
    assert typography_faults("200 $ US")
    assert not typography_faults(f"Source{NNB}: «{NNB}y{NNB}» https://x.org 200{NB}${NB}US (${NB}US)")


@pytest.mark.parametrize("where", sorted(FRENCH))
def test_french_high_punctuation_has_a_narrow_no_break_space(where):
    assert not typography_faults(FRENCH[where]), f"{where}: {typography_faults(FRENCH[where])}"


def test_spanish_short_billions_are_cldrs_millions():
    """CLDR's Spanish short form counts billions in millions (3564 M), as ECLAC's long form does (3600 millones)."""
    assert fmt_short(3.5644e9, "es") == "3564\u00a0M"
    assert fmt_short(3.5644e9, "en") == "3.6B"
    assert fmt_value(3.5644e9, "usd", "es") == "US$ 3600 millones"


# Endings the code adds to a key it holds: plural and ordinal categories (core.i18n.formats.plural, ordinal) and the
# sentence variants of core/charts/sentences/ (_large, _relative, _gaps).
DYNAMIC_ENDINGS = ("_zero", "_one", "_two", "_few", "_many", "_other", "_large", "_relative", "_gaps")


def test_every_catalog_key_is_used():
    """A message no code asks for is a text nobody maintains: it goes."""
    used = literal_keys() | {f"{prefix}{value}" for prefix, values in FAMILIES.items() for value in values}
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                used.add(node.value)

    def stem(key: str) -> str:
        while key not in used and key.endswith(DYNAMIC_ENDINGS):
            key = key[: key.rindex("_")]
        return key

    unused = sorted(key for key in EN if stem(key) not in used)
    assert not unused, f"keys of en.json no code uses: {unused}"
