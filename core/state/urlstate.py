"""The shareable view state and its pure URL codec: only non-default values go into the query string.

The page is in the path (`/`, `/country/<ISO3>`, `/corridors/<ISO3 or group>`, `/sources`, `/then-and-now`), the view
in the query string. All
pages share one query vocabulary, so the dashboard's indicator, year and focus travel with a visitor to a profile
and back."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qsl, urlencode

MAX_QUERY = 2048  # longer query strings are not ours: fall back to defaults
MAX_COUNTRIES = 12
SCALES = ("linear", "log")
VIEWS = ("map", "table")
DIRECTIONS = ("out", "in")  # corridor view: where a subject's emigrants live / who lives in the subject
PAGES = ("dashboard", "country", "corridors", "sources", "thennow")
PARAMS = ("indicator", "year", "focus", "countries", "scale", "view", "lang", "direction", "cyear")
PAGE_PATH = {"country": "/country/", "corridors": "/corridors/"}  # pages about a subject: the path ends with it
SINGLE_PATH = {"sources": "/sources", "thennow": "/then-and-now"}  # pages about no subject besides the dashboard
MAX_PATH = 64
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
    corridor_years: tuple[int, ...] = ()  # years of the bilateral stocks, ascending
    groups: frozenset[str] = frozenset()  # focus groups that have a corridor view (out only)

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
    direction: str = "out"
    cyear: int | None = None  # the corridor view's year; None: the latest
    page: str = "dashboard"  # from the path, never from the query string
    subject: str | None = None  # the profile's country, the corridor view's country or group
    rejected: tuple[str, ...] = field(default=(), compare=False)  # parameters that fell back to defaults

    def resolved_year(self, options: Options) -> int:
        """The year shown: the one asked for, or the indicator's latest."""
        return self.year if self.year is not None else options.years[self.indicator][-1]

    def resolved_scale(self, options: Options) -> str:
        return self.scale or options.default_scales[self.indicator]

    def resolved_cyear(self, options: Options) -> int:
        return self.cyear if self.cyear is not None else options.corridor_years[-1]


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
    changes: dict[str, Any] = {}
    indicator = values.get("indicator")
    if indicator is not None:
        if indicator in options.years:
            changes["indicator"] = indicator
        else:
            rejected.append("indicator")
    chosen: str = changes.get("indicator", state.indicator)
    checks: dict[str, Callable[[str], Any]] = {
        "focus": lambda v: v if v in options.focuses else None,
        "year": lambda v: int(v) if YEAR.fullmatch(v) and int(v) in options.years[chosen] else None,
        "countries": lambda v: _parse_countries(v, options),
        "scale": lambda v: v if v in SCALES else None,
        "view": lambda v: v if v in VIEWS else None,
        "lang": lambda v: v if v in options.languages else None,
        "direction": lambda v: v if v in DIRECTIONS else None,
        "cyear": lambda v: int(v) if YEAR.fullmatch(v) and int(v) in options.corridor_years else None,
    }
    for key, check in checks.items():
        if key in values:
            parsed = check(values[key])
            if parsed is None:
                rejected.append(key)
            else:
                changes[key] = parsed
    return replace(state, **changes, rejected=tuple(rejected))


def encode(state: ViewState, options: Options, browser_lang: str | None = None, always_lang: bool = False) -> str:
    """The query string for a state ('' for the default view), parameters in a fixed order.

    `lang` is written whenever it differs from the visitor's browser language, so a visitor who chose English in
    a Spanish browser keeps English on reload, and a shared Spanish view stays Spanish; `always_lang` writes it in
    any case (canonical addresses name their language)."""
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
    if state.lang != defaults.lang or always_lang:
        pairs.append(("lang", state.lang))
    if state.direction != defaults.direction:
        pairs.append(("direction", state.direction))
    if state.cyear is not None and options.corridor_years and state.cyear != options.corridor_years[-1]:
        pairs.append(("cyear", str(state.cyear)))
    return "?" + urlencode(pairs, safe=",") if pairs else ""


def route(path: object, options: Options) -> tuple[str, str | None] | None:
    """(page, subject) of a path, or None when the path names no page of ours (the server answers 404).

    Country codes are matched case-insensitively (people type them); a group id only has a corridor view."""
    if not isinstance(path, str) or len(path) > MAX_PATH:
        return None
    path = path.rstrip("/") or "/"
    if path == "/":
        return "dashboard", None
    for page, exact in SINGLE_PATH.items():
        if path == exact:
            return page, None
    for page, prefix in PAGE_PATH.items():
        if path.startswith(prefix):
            subject = path[len(prefix) :]
            if subject.upper() in options.countries and ISO3.fullmatch(subject.upper()):
                return page, subject.upper()
            if page == "corridors" and subject in options.groups:
                return page, subject
    return None


def with_route(state: ViewState, path: object, options: Options) -> ViewState:
    """The state on the page its path names; an unknown path shows the dashboard and says so. A group's corridor
    view shows where its emigrants live only (who lives in a group is not a corridor of ours)."""
    found = route(path, options)
    if found is None:
        return replace(state, page="dashboard", subject=None, rejected=(*state.rejected, "path"))
    page, subject = found
    state = replace(state, page=page, subject=subject)
    if page == "corridors" and subject in options.groups and state.direction != "out":
        state = replace(state, direction="out", rejected=(*state.rejected, "direction"))
    return state


def path_of(page: str, subject: str | None) -> str:
    if page in SINGLE_PATH:
        return SINGLE_PATH[page]
    return PAGE_PATH[page] + subject if page in PAGE_PATH and subject else "/"


def href(state: ViewState, options: Options, browser_lang: str | None, page: str, subject: str | None = None) -> str:
    """A link to `page` (about `subject`) that keeps the whole view: indicator, year, focus, language..."""
    return path_of(page, subject) + encode(state, options, browser_lang)
