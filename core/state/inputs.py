"""The trust boundary: every value a callback receives (URL parts, control values, click data and the data of every
dcc.Store, which the browser sends back with each request and anyone can forge) is parsed here, by pure functions,
into typed values, or rejected with InvalidInputError, which the server answers with a 400.

The rules: known ids only, at most MAX_COUNTRIES known ISO3 codes, integer years of the data, short strings, small
lists. Values the page itself sends before the state is known (None for an unset control) are accepted. Nothing a
callback does depends on an unparsed value, so the work and the answer of a request are bounded by these rules."""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import fields
from typing import Any

from core.state.urlstate import (
    DIRECTIONS,
    MAX_COUNTRIES,
    PAGE_PATH,
    PAGES,
    SCALES,
    VIEWS,
    Options,
    ViewState,
    route,
)

MAX_TEXT = 64  # the longest id, language or option value a control holds
MAX_REJECTED = 24  # names of URL parameters that fell back to defaults (shown in the notice)
MAX_POINTS = 16  # points of one click event (plotly sends one per clicked trace point)
MAX_ITEMS = 64  # pattern-matching inputs: one per menu entry of a page
MAX_EMBED_CODE = 2048
EMBED_KINDS = ("live", "pinned")
YEARS = (1900, 2100)  # any year outside is not a year of ours
ISO3 = re.compile(r"[A-Z]{3}")


class InvalidInputError(ValueError):
    """A callback input no page of ours sends (forged or corrupted): the request is answered 400."""


def _fail(what: str, value: Any) -> InvalidInputError:
    kind = type(value).__name__
    return InvalidInputError(f"{what}: unexpected {kind}")


def text(value: Any, what: str, choices: Collection[str] | None = None, optional: bool = True) -> str | None:
    """A short string (one of `choices` when given), or None when unset and `optional`."""
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise _fail(what, value)
    if choices is not None and value not in choices:
        raise InvalidInputError(f"{what}: not one of ours")
    return value


def integer(value: Any, what: str, low: int = YEARS[0], high: int = YEARS[1], optional: bool = True) -> int | None:
    """An integer within [low, high] (a float with an integral value is accepted: JSON has one number type)."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(what, value)
    if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
        raise _fail(what, value)
    if not low <= value <= high:
        raise InvalidInputError(f"{what}: out of range")
    return int(value)


def year(value: Any, years: tuple[int, ...], what: str = "year") -> int | None:
    """A year, snapped to the nearest year the series has (the slider of another indicator may have sent it)."""
    number = integer(value, what)
    if number is None or number in years or not years:
        return number if number in years else None
    return min(years, key=lambda y: (abs(y - number), y > number))


def countries(value: Any, options: Options, what: str = "countries") -> tuple[str, ...]:
    """At most MAX_COUNTRIES known ISO3 codes, in order, without repeats; None is no selection."""
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_COUNTRIES:
        raise _fail(what, value)
    for code in value:
        if not isinstance(code, str) or code not in options.countries:
            raise InvalidInputError(f"{what}: unknown country code")
    return tuple(dict.fromkeys(value))


def search(value: Any) -> str:
    """The URL's query string. Its parameters are decoded by urlstate.decode, which falls back (with a notice)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _fail("search", value)
    return value  # urlstate.decode looks at no more than MAX_QUERY characters of it


def language(value: Any, options: Options, what: str = "lang") -> str | None:
    return text(value, what, options.languages)


def clicks(value: Any, what: str = "n_clicks") -> tuple[int, ...]:
    """The click counts of a pattern-matching group of buttons (None before the first click)."""
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise _fail(what, value)
    return tuple(0 if c is None else int(integer(c, what, 0, 2**31) or 0) for c in value)


def clicked_country(value: Any, options: Options, what: str = "clickData") -> str | None:
    """The ISO3 code a map or ranking click carries (the last item of the point's customdata), if any.

    A click on something without a country (background land) gives None; a payload of the wrong shape is forged."""
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("points"), list):
        raise _fail(what, value)
    points = value["points"]
    if not points:
        return None
    if len(points) > MAX_POINTS or not isinstance(points[0], dict):
        raise _fail(what, value)
    custom = points[0].get("customdata")
    if not isinstance(custom, list) or not custom or len(custom) > 8:
        return None
    code = custom[-1]
    return code if isinstance(code, str) and code in options.countries else None


def embed_code(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > MAX_EMBED_CODE:
        raise _fail("embed code", value)
    return value


STATE_FIELDS = frozenset(f.name for f in fields(ViewState))


def view_state(data: Any, options: Options) -> ViewState:
    """The view-state store, checked field by field: it was written by the server, but it comes back from the
    browser, so it is parsed like a URL (strictly: a store the page wrote is always valid)."""
    if not isinstance(data, dict) or set(data) != STATE_FIELDS:
        raise _fail("view state", data)
    indicator = text(data["indicator"], "state.indicator", options.years, optional=False)
    assert indicator is not None
    years = options.years[indicator]
    page = text(data["page"], "state.page", PAGES, optional=False)
    subject = text(data["subject"], "state.subject")
    if (page in PAGE_PATH) != (subject is not None):
        raise InvalidInputError("state.subject: does not match the page")
    if page in PAGE_PATH and route(PAGE_PATH[page] + str(subject), options) != (page, subject):
        raise InvalidInputError("state.subject: not a page of ours")
    state_year = integer(data["year"], "state.year")
    if state_year is not None and state_year not in years:
        raise InvalidInputError("state.year: not a year of the indicator")
    cyear = integer(data["cyear"], "state.cyear")
    if cyear is not None and cyear not in options.corridor_years:
        raise InvalidInputError("state.cyear: not a corridor year")
    rejected = data["rejected"]
    if not isinstance(rejected, list) or len(rejected) > MAX_REJECTED:
        raise _fail("state.rejected", rejected)
    return ViewState(
        indicator=indicator,
        focus=str(text(data["focus"], "state.focus", options.focuses, optional=False)),
        year=state_year,
        countries=countries(data["countries"], options, "state.countries"),
        scale=text(data["scale"], "state.scale", SCALES),
        view=str(text(data["view"], "state.view", VIEWS, optional=False)),
        lang=str(text(data["lang"], "state.lang", options.languages, optional=False)),
        direction=str(text(data["direction"], "state.direction", DIRECTIONS, optional=False)),
        cyear=cyear,
        page=str(page),
        subject=subject,
        rejected=tuple(str(text(r, "state.rejected")) for r in rejected),
    )
