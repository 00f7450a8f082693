"""The dashboard's callback called as Dash calls it and over HTTP; every callback's ids against the pages; the
routes of the map's geometry and years."""

from __future__ import annotations

import gzip
import json
import re
from typing import Any

import plotly.graph_objects as go
import pytest
from dash import html as dash_html
from dash import no_update

from app import app, server
from callbacks import dashboard as view_callback
from components import dashboard, ids, pages, shell
from components.dashboard import year_marks
from core.charts.dashboard import mapview, ranking, trend
from core.data.store import get_store
from core.state.controls import snap_year
from core.state.inputs import InvalidInputError
from core.state.options import options
from core.state.urlstate import ViewState
from core.web import routes
from pipeline.paths import LAC_STATES
from tests.layout_helpers import by_id, text_of, walk


def state_of(query: str, browser: str = "en") -> dict[str, Any]:
    """The view-state store of the dashboard at this address, as the page holds it."""
    page = pages.build("/", query, browser)
    assert page is not None
    return dashboard.store(page.state)


def update(trigger: str | None, old: dict[str, Any], browser: str | None = "en", **values: Any) -> dict[str, Any]:
    """Call the dashboard's callback as Dash would, `trigger` (a name of CHANGES) being the input that changed."""
    from dash._callback_context import context_value
    from dash._utils import AttributeDict

    args = {name: values.get(name) for name in view_callback.CHANGES}
    dependency = view_callback.CHANGES.get(trigger or "")
    prop = f"{dependency.component_id}.{dependency.component_property}" if dependency else None
    token = context_value.set(AttributeDict(triggered_inputs=[{"prop_id": prop, "value": None}] if prop else []))
    try:
        return view_callback.update_view(**args, old=old, browser=browser)
    finally:
        context_value.reset(token)


def controls_of(state: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """The dashboard's control values for a state (as the page shows them), with some changed."""
    values = {
        "indicator": state["indicator"],
        "focus": state["focus"],
        "countries": state["countries"],
        "scale": state["scale"],
        "view": state["view"],
        "year": state["year"],
    }
    return {**values, **changes}


# --- the pages hold what the callbacks use --------------------------------------------------------------------


def ids_of(names: list[str]) -> set[str]:
    """Component ids of a callback's dependencies (a pattern-matching id by its type)."""
    return {json.loads(n)["type"] if n.startswith("{") else n for n in names}


def test_every_callback_finds_its_components_on_the_pages_it_serves() -> None:
    """Dash is not sent every page to check callbacks against (suppress_callback_exceptions), so this test is that
    check: on every page, a callback whose inputs are there finds all its outputs and states there too, and
    every callback works on some page."""
    server.test_client().get("/")  # Dash fills its callback list on the first request
    built = {
        path: ids_of(list(by_id(pages.build(path, "countries=MEX", "en").layout)))
        for path in ("/", "/country/SLV", "/corridors/caricom")
    }  # a selection: the buttons that remove its countries are there
    for callback in app._callback_list:
        written = [] if callback.get("no_output") else callback["output"].strip(".").split("...")
        outputs = [o.rsplit(".", 1)[0] for o in written if o]
        inputs = ids_of([d["id"] for d in callback["inputs"]])
        everything = inputs | ids_of(outputs) | ids_of([d["id"] for d in callback["state"]])
        complete = [path for path, present in built.items() if everything <= present]
        assert complete, (callback["output"][:80], everything - built["/"])
        for path, present in built.items():
            if inputs & present:
                assert everything <= present, (path, callback["output"][:80], everything - present)
    assert ids.PRINT in built["/country/SLV"]
    assert ids.YEAR not in built["/country/SLV"]


def test_the_dashboard_page_is_drawn_from_its_address() -> None:
    page = pages.build("/", "?indicator=remittances_gdp&year=2015&focus=sica&countries=SLV,HND&scale=log", "en")
    assert page is not None
    assert page.corrected is None
    found = by_id(page.layout)
    assert found[ids.INDICATOR].value == "remittances_gdp"
    assert found[ids.FOCUS].value == "sica"
    assert found[ids.COUNTRIES].data == ["SLV", "HND"]
    assert found[ids.SCALE].value == "log"
    assert found[ids.YEAR].value == 2015
    assert (found[ids.YEAR].min, found[ids.YEAR].max) == (1990, 2024)
    assert found[ids.STATE].data["countries"] == ["SLV", "HND"]
    assert found[ids.TREND].figure["data"]
    assert found[ids.MAP_WRAP].to_plotly_json()["props"]["data-drawn"] == "|".join(
        (found[ids.FRAMES_URL].data, "2015", "SLV,HND")
    )
    assert "Honduras" in text_of(found[ids.PROFILE_LINKS])


def test_a_bad_link_falls_back_with_a_notice_and_a_corrected_address() -> None:
    page = pages.build("/", "?indicator=nope&year=abc&countries=<script>&zzz=1", "en")
    assert page is not None
    assert page.state.indicator == options().default_indicator
    assert page.corrected == ""
    notice = text_of(by_id(page.layout)[ids.NOTICE])
    assert all(name in notice for name in ("indicator", "countries", "zzz"))
    assert "<script>" not in notice
    # The same address reached by Back: the address is replaced, not pushed.
    out = update("search", state_of(""), search="?indicator=nope&zzz=1")
    assert out["search"] is no_update
    assert out["replace"] == ""
    assert "zzz" in text_of(out["notice"])


def test_changing_indicator_shows_its_latest_year_on_its_own_scale() -> None:
    old = state_of("?year=2020&scale=log")
    out = update("indicator", old, **controls_of(old, indicator="tertiary_emigration_rate", year=2020, scale="log"))
    assert out["year_value"] == 2010
    assert out["scale"] == "linear"
    assert out["search"] == "?indicator=tertiary_emigration_rate"
    assert out["frames_url"] != no_update  # another view: another map


def test_a_new_selection_redraws_only_what_follows_it() -> None:
    old = state_of("")
    out = update("countries", old, **controls_of(old, countries=["MEX"]))
    assert out["search"] == "?countries=MEX"
    assert out["state"]["countries"] == ["MEX"]
    drawn = {name for name, value in out.items() if value is not no_update}
    # The selection: the charts that show it, their words, the links that carry it (and the control, echoed).
    follows = {"trend", "ranking", "words_map", "words_trend", "words_ranking", "profile_links", "meta", "sources_link"}
    links = {f"link_{name}" for name in shell.VIEW_LINKS}  # the header's languages, the footer's sources...
    assert drawn == {"state", "countries", "country_chips", "search", *follows, *links}
    assert set(out) == set(view_callback.OUTPUTS)
    # A language or the sources open on the view shown, not on the one the page was loaded with.
    assert out["link_lang-es"] == "/?countries=MEX&lang=es"
    assert out["link_footer-sources"] == "/sources?countries=MEX"
    # A year: its pieces, not the indicator's or the focus's.
    out = update("year", old, **controls_of(old, year=2000))
    drawn = {name for name, value in out.items() if value is not no_update}
    assert {"year_value", "committed", "headlines", "trend", "map_title", "sources_link"} <= drawn
    assert not drawn & {"indicator", "frames_url", "about", "country_list", "year_marks", "country_chips", "notice"}
    assert "year=2000" in out["sources_link"]  # the about panel's link to the sources keeps the view


def test_a_control_left_empty_is_set_back() -> None:
    old = state_of("?countries=MEX&focus=caribbean")
    out = update("focus", old, **controls_of(old, focus=None))  # the view stays; the select shows it again
    assert out["focus"] == "caribbean"
    assert out["trend"] is no_update
    assert out["indicator"] is no_update


# Pairs of views that differ in one or more aspects (components/dashboard.py, FOLLOWS).
PAIRS = [
    ("", "?countries=MEX"),
    ("?countries=MEX", "?countries=MEX,GTM"),
    ("", "?year=2000"),
    ("?countries=HTI&year=2010", "?countries=HTI&year=2015"),
    ("", "?focus=central_america"),
    ("", "?scale=log"),
    ("", "?view=table"),
    ("?view=table", "?view=table&countries=MEX"),
    ("", "?lang=es"),
    ("", "?indicator=remittances_gdp"),
    ("?indicator=remittances_gdp", "?indicator=remittances_gdp&year=2010&countries=JAM"),
    ("?indicator=remittance_cost&focus=caribbean", "?indicator=remittance_cost&focus=caribbean&lang=fr"),
]


@pytest.mark.parametrize(("before", "after"), PAIRS)
def test_a_piece_is_the_same_in_views_that_differ_only_in_what_it_does_not_follow(before: str, after: str) -> None:
    """What lets a change leave a piece as drawn: the piece would be drawn the same in the new view."""
    import plotly.utils

    def drawn(query: str) -> tuple[ViewState, dict[str, str]]:
        page = pages.build("/", query, "en")
        assert page is not None
        pieces = dashboard.parts(page.state, "en")
        return page.state, {
            k: json.dumps(v, cls=plotly.utils.PlotlyJSONEncoder, sort_keys=True) for k, v in pieces.items()
        }

    (old, one), (new, other) = drawn(before), drawn(after)
    redrawn = dashboard.touched(old, new, "en")
    assert redrawn != {"state"}, "the pair must differ in something"
    stale = [name for name in dashboard.FOLLOWS if name not in redrawn and one[name] != other[name]]
    assert not stale, f"{before!r} -> {after!r}: these pieces changed but were not redrawn: {stale}"


def test_map_click_toggles_a_country() -> None:
    click = {"points": [{"customdata": ["El Salvador", "...", "SLV"]}]}
    old = state_of("?countries=HND")
    out = update("map_click", old, **controls_of(old), map_click=click)
    assert out["search"] == "?countries=HND,SLV"
    old = state_of("?countries=HND,SLV")
    out = update("map_click", old, **controls_of(old), map_click=click)
    assert out["search"] == "?countries=HND"


@pytest.mark.parametrize(
    "payload", [{"points": []}, {"points": [{"customdata": "x"}]}, {"points": [{"customdata": ["<b>", "x", "ZZZ"]}]}]
)
def test_clicks_on_nothing_of_ours_are_ignored(payload: Any) -> None:
    old = state_of("")
    assert update("map_click", old, **controls_of(old), map_click=payload)["state"]["countries"] == []


@pytest.mark.parametrize("payload", ["junk", 7, {"points": "x"}, {"points": [1]}, {"points": [{}] * 100}])
def test_forged_clicks_are_rejected(payload: Any) -> None:
    old = state_of("")
    with pytest.raises(InvalidInputError):
        update("map_click", old, **controls_of(old), map_click=payload)


@pytest.mark.parametrize(
    "values",
    [
        {"indicator": {"$ne": 1}},
        {"focus": ["x"] * 1000},
        {"countries": "MEX"},
        {"countries": ["MEX"] * 5000},
        {"countries": ["ZZZ"]},
        {"scale": 3},
        {"scale": "linear" * 3},
        {"view": "<img>"},
        {"year": "2020"},
        {"year": 10**400},
        {"year": float("nan")},
        {"search": 5},
        {"browser": ["en"]},
        {"browser": "xx"},
        {"old": {"indicator": "x"}},
        {"old": None},
    ],
)
def test_forged_control_values_are_rejected(values: dict[str, Any]) -> None:
    old = state_of("")
    arguments = {**controls_of(old), "old": old, "browser": "en", **values}
    with pytest.raises(InvalidInputError):
        update("indicator", **arguments)


def test_unchanged_language_and_view_keep_the_state_of_the_page() -> None:
    old = state_of("?lang=es", browser="en")
    out = update("focus", old, browser="en", **controls_of(old, focus="sica"))
    assert out["search"] == "?focus=sica&lang=es"  # the page's language stays in the address
    assert out["state"]["lang"] == "es"


# --- the map of every year, from its route --------------------------------------------------------------------


def test_the_map_of_every_year_holds_every_year_and_every_lac_state(client: Any) -> None:
    url = routes.frames_url(ViewState(indicator="emigrant_stock", focus="lac"))
    answer = client.get(url)
    assert answer.status_code == 200
    assert "immutable" in answer.headers["Cache-Control"]
    frames = answer.get_json()
    assert frames["years"] == [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]
    assert set(frames["frames"]) == {str(y) for y in frames["years"]}
    assert set(LAC_STATES) <= set(frames["frames"]["2020"][0]["locations"])
    base = frames["base"]
    go.Figure(base)
    assert base["data"][1]["geojson"].startswith("/data/geometry.")  # geometry by URL, sent once and cached
    assert [a["text"] for a in base["layout"]["annotations"] if a.get("name") == "year"] == ["2024"]
    assert len(answer.get_data()) < 400_000


@pytest.mark.parametrize(
    "change",
    [
        ("emigrant_stock", "nope"),
        ("/lac/", "/nowhere/"),
        ("/log/", "/cubic/"),
        ("/en.json", "/xx.json"),
        (get_store().version, "0000"),
    ],
)
def test_the_map_route_answers_404_for_a_view_of_nothing(client: Any, change: tuple[str, str]) -> None:
    url = routes.frames_url(ViewState(indicator="emigrant_stock", focus="lac"))
    assert client.get(url.replace(*change)).status_code == 404


def test_panels_render_for_every_indicator_and_focus() -> None:
    for indicator in options().years:
        for focus in ("lac", "caribbean", "oecs", "world"):
            page = pages.build("/", f"?indicator={indicator}&focus={focus}&countries=MEX,JAM&view=table", "en")
            assert page is not None
            parts = dashboard.parts(page.state, "en")
            assert parts["trend"]["data"], (indicator, focus)  # trend has at least the aggregate or the countries
            go.Figure(parts["trend"])  # plotly validates every property of the builders' dicts
            go.Figure(parts["ranking"])
            assert parts["table"] is not None
            assert not parts["table_hidden"]


@pytest.fixture
def client() -> Any:
    return server.test_client()


def test_page_and_assets_served_locally(client: Any) -> None:
    page = client.get("/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert '<html lang="en"' in html
    assert "cdn." not in html
    assert "https://" not in html.split("<body>")[0]
    assert client.get("/assets/topojson/world_110m.json").status_code == 200
    vendored = client.get("/assets/vendor/plotly-geo.min.js?v=4.1.1")
    assert vendored.status_code == 200
    assert "immutable" in vendored.headers["Cache-Control"]  # versioned assets are cached for a year


def test_the_page_carries_its_layout_and_callbacks(client: Any) -> None:
    """The renderer's two first requests are answered from the page (assets/boot.js): the inlined layout is the
    page of that address, in its language, and its title is the page's."""
    html = client.get("/country/SLV?lang=fr").get_data(as_text=True)
    assert '<html lang="fr"' in html
    assert "<title>El Salvador" in html
    layout = json.loads(re.search(r'<script id="page-layout" type="application/json">(.*?)</script>', html, re.S)[1])
    expected = pages.build("/country/SLV", "lang=fr", "en")
    assert expected is not None
    assert layout == json.loads(text_of(expected.layout))
    callbacks = re.search(r'<script id="page-dependencies" type="application/json">(.*?)</script>', html, re.S)[1]
    assert len(json.loads(callbacks)) == len(app._callback_list)
    # Should the inlined copy be missing, /_dash-layout answers the page of the Referer.
    asked = client.get("/_dash-layout", headers={"Referer": "http://localhost/country/SLV?lang=fr"})
    assert asked.get_json() == layout


def test_a_language_is_a_page_of_its_own(client: Any) -> None:
    """The language switch is a set of links, each the same view in another language (no parameter for the
    visitor's own browser language), the current one marked."""
    page = pages.build("/", "?indicator=remittances_gdp", "es")
    assert page is not None
    links = {
        c.lang: c
        for c in walk(page.layout)
        if isinstance(c, dash_html.A) and "lang-link" in str(getattr(c, "className", ""))
    }
    assert set(links) == {"en", "es", "pt", "fr"}
    assert links["es"].href == "/?indicator=remittances_gdp"
    assert links["en"].href == "/?indicator=remittances_gdp&lang=en"
    assert getattr(links["es"], "aria-current") == "true"
    html = client.get("/?indicator=remittances_gdp", headers={"Accept-Language": "es"}).get_data(as_text=True)
    assert '<html lang="es"' in html


def test_geometry_route_is_cacheable_and_versioned(client: Any) -> None:
    version = get_store().version
    response = client.get(f"/data/geometry.{version}.json", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert response.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.data))["type"] == "FeatureCollection"
    assert client.get("/data/geometry.0000.json").status_code == 404


def test_language_comes_from_the_url_then_the_browser() -> None:
    assert state_of("?lang=es", "en")["lang"] == "es"
    assert state_of("", "fr")["lang"] == "fr"
    old = state_of("")
    with pytest.raises(InvalidInputError):  # the server writes a language of ours into that store
        update("focus", old, browser="xx", **controls_of(old))


def test_spanish_panels_use_spanish_numbers() -> None:
    page = pages.build("/", "?lang=es&indicator=remittances_usd&countries=MEX", "en")
    assert page is not None
    parts = dashboard.parts(page.state, "en")
    assert re.search(r"US\$ \d{1,3}\.\d{3} millones", text_of(parts["headlines"]))  # ECLAC: 61.500 millones
    assert "Remesas" in json.dumps(parts["trend"])


def test_cost_views_show_the_sdg_target_and_no_empty_inset() -> None:
    from core.state.urlstate import ViewState

    cost = ViewState(indicator="remittance_cost", focus="lac", countries=("HTI",))
    lines = trend.trend_figure(cost)
    assert any(s.get("y0") == 3.0 for s in lines["layout"]["shapes"])  # SDG 10.c: 3 %
    dots = ranking.ranking_figure(cost)
    assert any(s.get("x0") == 3.0 for s in dots["layout"]["shapes"])
    assert 3.0 in mapview.classes("remittance_cost", "lac", "linear", "en").breaks
    # RPW surveys no Eastern Caribbean receiver: no inset of grey islands; emigrant shares have one.
    assert len(mapview.map_figure(cost, 2020)["data"]) == 3
    share = ViewState(indicator="emigrant_share", focus="lac")
    assert mapview.map_figure(share, 2020)["data"][3]["geo"] == "geo2"


def test_trend_export_holds_the_trend_lines() -> None:
    from datetime import date

    from core.state.urlstate import ViewState
    from core.web import exports

    state = ViewState(indicator="emigrant_share", focus="sica", countries=("SLV", "HND"))
    from core.charts import registry

    table = exports.chart_table(registry.build(state, "trend"), state, "http://x", "?focus=sica", date(2026, 11, 23))
    series = set(table.frame.iloc[:, 0])
    assert series == {"Central American Integration System (SICA)", "El Salvador", "Honduras"}
    assert len(table.frame) == 3 * 8  # three lines, eight UN years
    assert table.frame.iloc[:, 2].tolist()[:8] == [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]
    assert table.frame["iso3"].isna().sum() == 8  # the group's line has no ISO3 code; the countries' rows have theirs


def test_year_marks_label_few_years_on_annual_series() -> None:
    five_yearly = year_marks("emigrant_stock", (1990, 1995, 2000, 2005, 2010, 2015, 2020))
    assert all(five_yearly.values())
    annual = year_marks("remittance_cost", tuple(range(2011, 2021)))
    assert [y for y, text in annual.items() if text] == [2011, 2015, 2020]
    assert year_marks("dioc_tertiary_emigrants", (2015,)) == {2015: "2015/16"}  # DIOC's census round, as named


def test_the_slider_steps_to_the_next_data_year_in_the_direction_moved() -> None:
    years = (1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024)  # UN DESA 2024: uneven, the slider's step is 1
    assert snap_year(years, 2014, previous=2015) == 2010  # ArrowLeft from 2015
    assert snap_year(years, 2021, previous=2020) == 2024  # ArrowRight from 2020
    assert snap_year(years, 2023, previous=2024) == 2020
    assert snap_year(years, 2015, previous=2020) == 2015
    assert snap_year(years, 2022) == 2020  # no direction: the nearest, the earlier on a tie
    assert snap_year(years, 1985, previous=1990) == 1990  # nothing further that way: the nearest


@pytest.mark.parametrize("query", ["", "?lang=es&focus=caribbean", "?indicator=remittances_usd&lang=fr"])
def test_the_about_panel_says_each_note_once(query: str) -> None:
    """The indicator's caveats and the focus group's notes overlap (how LAC's totals count territories): once."""
    page = pages.build("/", query, "en")
    assert page is not None
    said = [c.children for c in walk(dashboard.about(page.state)) if isinstance(c, dash_html.P | dash_html.Li)]
    assert said
    assert len(said) == len(set(said)), [s for s in said if said.count(s) > 1]
