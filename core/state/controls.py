"""The dashboard's next view state, from what the visitor changed: a control, a click on a country, or the address
(back and forward). Pure; every value is parsed by core.state.inputs first (a forged one raises InvalidInputError)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from core.state import inputs
from core.state.urlstate import MAX_COUNTRIES, SCALES, VIEWS, Options, ViewState, decode, with_route


@dataclass(frozen=True)
class Controls:
    """The raw values of the dashboard's inputs, as a callback receives them."""

    search: Any = None
    indicator: Any = None
    focus: Any = None
    countries: Any = None
    scale: Any = None
    view: Any = None
    year: Any = None
    map_click: Any = None
    ranking_click: Any = None


def toggle(countries: tuple[str, ...], code: str) -> tuple[str, ...]:
    """A clicked country joins the selection (the oldest leaves beyond MAX_COUNTRIES), or leaves it."""
    if code in countries:
        return tuple(c for c in countries if c != code)
    return (*countries, code)[-MAX_COUNTRIES:]


def snap_year(years: tuple[int, ...], year: float, previous: int | None = None) -> int:
    """The data year for a slider value: itself, else the next data year in the direction the slider moved from
    `previous` (the years are uneven: 2020 is followed by 2024), else the nearest."""
    if previous is not None and year < previous and any(y <= year for y in years):
        return max(y for y in years if y <= year)
    if previous is not None and year > previous and any(y >= year for y in years):
        return min(y for y in years if y >= year)
    return min(years, key=lambda y: (abs(y - year), y > year))


def _canonical(state: ViewState, options: Options) -> ViewState:
    """The latest year and corridor year are said by leaving them out (links then follow new data)."""
    if state.year == options.years[state.indicator][-1]:
        state = replace(state, year=None)
    if options.corridor_years and state.cyear == options.corridor_years[-1]:
        state = replace(state, cyear=None)
    return state


def from_url(search: Any, options: Options, browser_lang: str | None) -> ViewState:
    """The dashboard's state named by an address (back, forward): invalid parameters fall back and are listed."""
    return _canonical(with_route(decode(inputs.search(search), options, browser_lang), "/", options), options)


def from_controls(current: ViewState, changed: str, values: Controls, options: Options) -> ViewState:
    """The state after the visitor changed one control (`changed`: its name in Controls). Choosing another
    indicator shows its latest year on its own scale; a click on the map or the ranking adds or removes that country."""
    indicator = inputs.text(values.indicator, "indicator", options.years) or current.indicator
    asked = inputs.integer(values.year, "year")
    scale = inputs.text(values.scale, "scale", SCALES)  # every value is checked, the changed one or not
    year = None if asked is None else snap_year(options.years[indicator], asked, current.resolved_year(options))
    state = replace(
        current,
        indicator=indicator,
        focus=inputs.text(values.focus, "focus", options.focuses) or current.focus,
        countries=inputs.countries(values.countries, options),
        scale=None if changed == "indicator" else scale,
        view=inputs.text(values.view, "view", VIEWS) or current.view,
        year=None if changed == "indicator" else year,
        rejected=(),
    )
    for name in ("map_click", "ranking_click"):
        code = inputs.clicked_country(getattr(values, name), options, name)
        if changed == name and code:
            state = replace(state, countries=toggle(state.countries, code))
    return _canonical(state, options)
