"""The one owner of the view state: URL <-> controls <-> state store, validated by the URL codec."""

from __future__ import annotations

import itertools
import math
from dataclasses import asdict, replace
from typing import Any

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, no_update

from components import ids
from core.i18n.catalog import t
from core.state import inputs
from core.state.options import options
from core.state.urlstate import (
    DIRECTIONS,
    MAX_COUNTRIES,
    SCALES,
    VIEWS,
    ViewState,
    decode,
    default_state,
    encode,
    with_route,
)


def toggle(countries: tuple[str, ...], code: str) -> tuple[str, ...]:
    if code in countries:
        return tuple(c for c in countries if c != code)
    return (*countries, code)[-MAX_COUNTRIES:]


def snap_year(years: tuple[int, ...], year: float, previous: int | None = None) -> int:
    """The data year for a slider value: itself, else the next data year in the direction the slider moved from
    `previous` (arrow keys step by the gcd of the gaps, 1 once 2024 follows 2020), else the nearest."""
    if previous is not None and year < previous and any(y <= year for y in years):
        return max(y for y in years if y <= year)
    if previous is not None and year > previous and any(y >= year for y in years):
        return min(y for y in years if y >= year)
    return min(years, key=lambda y: (abs(y - year), y > year))


def state_from_controls(indicator: Any, focus: Any, countries: Any, scale: Any, view: Any, year: Any,
                        lang: Any, browser_lang: str | None, direction: Any = None,
                        cyear: Any = None, previous: int | None = None) -> ViewState:  # fmt: skip
    """The state the controls show, each value parsed strictly (a control only ever sends one of its opts, or
    None before the state is known: that keeps the default); anything else raises inputs.InvalidInputError."""
    opts = options()
    state = default_state(opts, browser_lang)
    chosen = inputs.text(indicator, "indicator", opts.years) or state.indicator
    asked = inputs.integer(year, "year")
    changes: dict[str, Any] = {
        "indicator": chosen,
        "focus": inputs.text(focus, "focus", opts.focuses) or state.focus,
        "countries": inputs.countries(countries, opts),
        "scale": inputs.text(scale, "scale", SCALES),
        "view": inputs.text(view, "view", VIEWS) or state.view,
        "lang": inputs.language(lang, opts) or state.lang,
        "direction": inputs.text(direction, "direction", DIRECTIONS) or state.direction,
        "cyear": inputs.year(cyear, opts.corridor_years, "cyear"),
        "year": None if asked is None else snap_year(opts.years[chosen], asked, previous),
    }
    return replace(state, **changes)


def view_key(state: ViewState) -> dict[str, Any]:
    """What the map frames depend on: not the year, the table/map toggle or the selection (outlined in the browser).
    Other pages build no map: the frames are made when the visitor comes (back) to the dashboard."""
    return {"indicator": state.indicator, "focus": state.focus, "scale": state.resolved_scale(options()),
            "lang": state.lang, "dashboard": state.page == "dashboard"}  # fmt: skip


def year_step(years: tuple[int, ...]) -> int:
    """The slider's step: the gap between data years (5 for the 5-yearly series), so arrow keys land on a year."""
    return math.gcd(*(b - a for a, b in itertools.pairwise(years))) if len(years) > 1 else 1


def year_marks(years: tuple[int, ...]) -> dict[int, Any]:
    """Every year is a stop; labels on each year of 5-yearly series, on the ends and every fifth of annual ones."""
    sparse = len(years) > 8  # ten annual labels already collide on a phone
    return {y: (str(y) if not sparse or y % 5 == 0 or y in (years[0], years[-1]) else "") for y in years}


def notice(rejected: tuple[str, ...], lang: str, snapped: tuple[int, int] | None) -> Any:
    messages = []
    if rejected:
        names = ", ".join(sorted({r for r in rejected if r.isidentifier() or r == "query"})) or "?"
        messages.append(t("notice.rejected", lang, params=names))
    if snapped:
        messages.append(t("notice.snapped", lang, asked=snapped[0], shown=snapped[1]))
    if not messages:
        return None
    return dbc.Alert(" ".join(messages), color="warning", dismissable=True, className="notice")


def shown_notice(message: Any, trigger: Any) -> Any:
    """A new notice replaces the old one; a clean URL event (such as the address corrected after a notice) keeps
    the notice on screen, so the visitor can read what was corrected."""
    if message is not None:
        return message
    return None if trigger is None else no_update


@callback(
    Output(ids.URL, "search"),
    Output(ids.STATE, "data"),
    Output(ids.VIEW_KEY, "data"),
    Output(ids.INDICATOR, "value"),
    Output(ids.FOCUS, "value"),
    Output(ids.COUNTRIES, "value"),
    Output(ids.SCALE, "value"),
    Output(ids.VIEW, "value"),
    Output(ids.YEAR, "min"),
    Output(ids.YEAR, "max"),
    Output(ids.YEAR, "step"),
    Output(ids.YEAR, "marks"),
    Output(ids.YEAR, "value"),
    Output(ids.NOTICE, "children"),
    Output(ids.LANG, "value"),
    Output(ids.REPLACE_URL, "data"),
    Output(ids.DIRECTION, "value"),
    Output(ids.CYEAR, "value"),
    Input(ids.URL, "search"),
    Input(ids.URL, "pathname"),
    Input(ids.INDICATOR, "value"),
    Input(ids.FOCUS, "value"),
    Input(ids.COUNTRIES, "value"),
    Input(ids.SCALE, "value"),
    Input(ids.VIEW, "value"),
    Input(ids.COMMITTED_YEAR, "data"),
    Input(ids.MAP, "clickData"),
    Input(ids.RANKING, "clickData"),
    Input(ids.LANG, "value"),
    Input(ids.DIRECTION, "value"),
    Input(ids.CYEAR, "value"),
    State(ids.VIEW_KEY, "data"),
    State(ids.BROWSER_LANG, "data"),
)
def sync_state(
    search: Any, pathname: Any, indicator: Any, focus: Any, countries: Any, scale: Any, view: Any, year: Any,
    map_click: Any, ranking_click: Any, lang: Any, direction: Any, cyear: Any, old_key: Any, browser_lang: Any,
) -> tuple[Any, ...]:  # fmt: skip
    """Reconcile the URL and the controls into one validated ViewState, and write it back to both.

    One callback owns all of them so a change in either direction cannot loop; the URL is rewritten only when
    it differs, so browser history gets one entry per real change (and none while the animation plays).
    """
    opts = options()
    trigger = ctx.triggered_id
    snapped = None
    browser_lang = inputs.language(browser_lang, opts, "browser_lang")
    search = inputs.search(search)
    old_key = inputs.view_key(old_key, opts)
    clicked = {
        ids.MAP: inputs.clicked_country(map_click, opts, "map click"),
        ids.RANKING: inputs.clicked_country(ranking_click, opts, "ranking click"),
    }
    if trigger in (None, ids.URL):
        state = decode(search, opts, browser_lang)
    else:
        shown = decode(search, opts, browser_lang)
        state = state_from_controls(indicator, focus, countries, scale, view, year, lang, browser_lang, direction,
                                    cyear, previous=shown.resolved_year(opts))  # fmt: skip
        asked = inputs.integer(year, "year")
        if trigger == ids.INDICATOR and asked is not None and state.year != asked:
            snapped = (asked, state.resolved_year(opts))
        code = clicked.get(trigger) if isinstance(trigger, str) else None
        if code:
            state = replace(state, countries=toggle(state.countries, code))
    state = with_route(state, inputs.pathname(pathname), opts)
    if state.year == opts.years[state.indicator][-1]:
        state = replace(state, year=None)
    if state.cyear == opts.corridor_years[-1]:
        state = replace(state, cyear=None)
    query = encode(state, opts, browser_lang)
    from_url = trigger in (None, ids.URL)
    changed = query != search
    years = opts.years[state.indicator]
    key = view_key(state)
    return (
        # A user's change is a new history entry; a corrected link replaces its own (see replaceUrl).
        query if changed and not from_url else no_update,
        {**asdict(state), "rejected": list(state.rejected), "countries": list(state.countries)},
        key if key != old_key else no_update,
        state.indicator,
        state.focus,
        list(state.countries),
        state.resolved_scale(opts),
        state.view,
        years[0],
        years[-1],
        year_step(years),
        year_marks(years),
        state.resolved_year(opts),
        shown_notice(notice(state.rejected, state.lang, snapped), trigger),
        state.lang if state.lang != lang else no_update,
        query if changed and from_url else no_update,
        state.direction,
        state.resolved_cyear(opts),
    )
