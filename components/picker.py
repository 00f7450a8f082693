"""The country picker: type a name (the suggestions list the focus's countries first, then the rest of the world)
and it joins the selection, the focus staying in the field so several can be added by keyboard; each selected
country is a button that removes it. Built of native elements (an input with a datalist, buttons), so screen
readers and keyboards get what browsers give them; the browser-side callbacks are in callbacks/play.py."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from components import ids
from components.widgets import attrs
from core.data import queries
from core.data.cache import per_version
from core.data.store import get_store
from core.i18n.catalog import t
from core.state.options import menu
from core.state.urlstate import ViewState


def names(state: ViewState) -> list[tuple[str, str]]:
    """(code, name) of every country or area with data: the focus's members first, each part by name."""
    return _names(state.focus, state.lang)


@per_version(maxsize=64)
def _names(focus: str, lang: str) -> list[tuple[str, str]]:
    found = get_store().countries
    present = set(queries.series(menu()[0])["iso3"])
    rows = found[found["iso3"].isin(present)]
    members = set(queries.group_members(focus))
    pairs = [(str(code), str(name)) for code, name in zip(rows["iso3"], rows[f"name_{lang}"], strict=True)]
    return sorted(pairs, key=lambda pair: (pair[0] not in members, pair[1]))


def suggestions(state: ViewState) -> list[html.Option]:
    return [html.Option(value=name, **attrs({"data-code": code})) for code, name in names(state)]


def chips(state: ViewState) -> list[html.Button]:
    """One button per selected country: its name, and what pressing it does (remove it) for screen readers."""
    out = []
    for code in state.countries:
        name = queries.country_name(code, state.lang)
        label = t("controls.remove_country", state.lang, country=name)
        out.append(
            html.Button(
                name,  # its cross is drawn by assets/style.css; its name says what it does
                id=ids.remove_country(code),
                type="button",
                className="btn btn-sm chip",
                **attrs({"aria-label": label}),
            )
        )
    return out


def picker(state: ViewState, now: dict[str, Any]) -> html.Div:
    """The store of the selection, its buttons, and the field with its suggestions."""
    return html.Div(
        [
            dcc.Store(id=ids.COUNTRIES, data=now["countries"]),
            html.Div(now["country_chips"], id=ids.COUNTRY_CHIPS, className="country-chips"),
            dcc.Input(
                id=ids.COUNTRY_INPUT,
                type="text",
                list=ids.COUNTRY_LIST,
                value="",
                autoComplete="off",
                placeholder=t("controls.countries_placeholder", state.lang),
                className="form-control form-control-sm country-input",
            ),
            html.Datalist(now["country_list"], id=ids.COUNTRY_LIST),
        ],
        className="country-picker",
    )
