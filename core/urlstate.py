"""The shareable view state and its pure URL codec: only non-default values go into the query string."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, urlencode

MAX_QUERY = 2048  # longer query strings are not ours: fall back to defaults
MAX_COUNTRIES = 12
SCALES = ("linear", "log")
VIEWS = ("map", "table")
PARAMS = ("indicator", "year", "focus", "countries", "scale", "view", "lang")
ISO3 = re.compile(r"[A-Z]{3}")
YEAR = re.compile(r"[0-9]{4}")


@dataclass(frozen=True)
class Options:
    """What a valid state may hold, derived once from the data (indicator years, focus ids, country codes)."""

    years: dict[str, tuple[int, ...]]  # indicator id -> years it has, ascending; first key is the default
    default_scales: dict[str, str]
    focuses: tuple[str, ...]  # first is the default
    countries: frozenset[str]
    languages: tuple[str, ...] = ("en",)

    @property
    def default_indicator(self) -> str:
        return next(iter(self.years))


@dataclass(frozen=True)
class ViewState:
    """Everything a shared link must restore. `year`/`scale` None mean the indicator's own default."""

    indicator: str
    focus: str
    year: int | None = None
    countries: tuple[str, ...] = ()
    scale: str | None = None
    view: str = "map"
    lang: str = "en"
    rejected: tuple[str, ...] = field(default=(), compare=False)  # parameters that fell back to defaults

    def resolved_year(self, options: Options) -> int:
        """The year shown: the one asked for, or the indicator's latest."""
        return self.year if self.year is not None else options.years[self.indicator][-1]

    def resolved_scale(self, options: Options) -> str:
        return self.scale or options.default_scales[self.indicator]


def default_state(options: Options, lang: str | None = None) -> ViewState:
    """The view with no parameters; `lang` is the visitor's browser language when known."""
    chosen = lang if lang in options.languages else options.languages[0]
    return ViewState(indicator=options.default_indicator, focus=options.focuses[0], lang=chosen)


def _parse_countries(raw: str, options: Options) -> tuple[str, ...] | None:
    # Lower-case codes are accepted (people type them); anything else must be a known ISO3 code.
    codes = [c for c in raw.upper().split(",") if c]
    if (
        not codes
        or len(codes) > MAX_COUNTRIES
        or any(not ISO3.fullmatch(c) or c not in options.countries for c in codes)
    ):
        return None
    return tuple(dict.fromkeys(codes))  # keeps order, drops repeats


def decode(query: str, options: Options, browser_lang: str | None = None) -> ViewState:
    """Parse a query string ('?a=b&...' or 'a=b&...'); every invalid or unknown parameter falls back and is listed.

    Without a `lang` parameter the page speaks the visitor's browser language (`browser_lang`)."""
    state = default_state(options, browser_lang)
    if not query:
        return state
    if len(query) > MAX_QUERY:
        return replace(state, rejected=("query",))
    try:
        pairs = parse_qsl(query.lstrip("?"), keep_blank_values=True, strict_parsing=False, max_num_fields=20)
    except ValueError:
        return replace(state, rejected=("query",))
    values: dict[str, str] = {}
    rejected: list[str] = []
    repeated: set[str] = set()
    for key, value in pairs:
        if key in PARAMS:
            if key in values:
                repeated.add(key)  # two answers to one question: trust neither
            values[key] = value.strip()
        elif key[:40] not in rejected:
            rejected.append(key[:40])
    for key in PARAMS:
        if key in repeated:
            del values[key]
            rejected.append(key)
    changes: dict[str, object] = {}
    indicator = values.get("indicator")
    if indicator is not None:
        if indicator in options.years:
            changes["indicator"] = indicator
        else:
            rejected.append("indicator")
    chosen = changes.get("indicator", state.indicator)
    checks = {
        "focus": lambda v: v if v in options.focuses else None,
        "year": lambda v: int(v) if YEAR.fullmatch(v) and int(v) in options.years[chosen] else None,
        "countries": lambda v: _parse_countries(v, options),
        "scale": lambda v: v if v in SCALES else None,
        "view": lambda v: v if v in VIEWS else None,
        "lang": lambda v: v if v in options.languages else None,
    }
    for key, check in checks.items():
        if key in values:
            parsed = check(values[key])
            if parsed is None:
                rejected.append(key)
            else:
                changes[key] = parsed
    return replace(state, **changes, rejected=tuple(rejected))


def encode(state: ViewState, options: Options, browser_lang: str | None = None) -> str:
    """The query string for a state ('' for the default view), parameters in a fixed order.

    `lang` is written whenever it differs from the visitor's browser language, so a visitor who chose English in
    a Spanish browser keeps English on reload, and a shared Spanish view stays Spanish."""
    defaults = default_state(options, browser_lang)
    pairs: list[tuple[str, str]] = []
    if state.indicator != defaults.indicator:
        pairs.append(("indicator", state.indicator))
    if state.year is not None and state.year != options.years[state.indicator][-1]:
        pairs.append(("year", str(state.year)))
    if state.focus != defaults.focus:
        pairs.append(("focus", state.focus))
    if state.countries:
        pairs.append(("countries", ",".join(state.countries)))
    if state.scale is not None and state.scale != options.default_scales[state.indicator]:
        pairs.append(("scale", state.scale))
    if state.view != defaults.view:
        pairs.append(("view", state.view))
    if state.lang != defaults.lang:
        pairs.append(("lang", state.lang))
    return "?" + urlencode(pairs, safe=",") if pairs else ""
