"""Callbacks called directly and over HTTP with the Flask test client; layout ids; the geometry route."""

from __future__ import annotations

import gzip
import json
import re
from typing import Any

import plotly.graph_objects as go
import pytest
from dash import no_update

from app import app, server
from callbacks.state import sync_state
from callbacks.views import build_frames, draw_panels
from components import ids
from core.charts.dashboard import mapview, ranking, trend
from core.data.store import get_store
from core.state.inputs import InvalidInputError
from core.state.options import options
from pipeline.paths import LAC_STATES

SYNC_INPUTS = ("search", "pathname", "indicator", "focus", "countries", "scale", "view", "year", "map_click",
               "ranking_click", "lang", "direction", "cyear", "old_key", "browser_lang")  # fmt: skip


def sync(trigger: str | None, **values: Any) -> tuple[Any, ...]:
    """Call sync_state as Dash would, with `trigger` as the input that changed."""
    from dash._callback_context import context_value
    from dash._utils import AttributeDict

    args = {name: values.get(name) for name in SYNC_INPUTS}
    args["pathname"] = values.get("pathname", "/")
    prop = {"search": f"{ids.URL}.search", "indicator": f"{ids.INDICATOR}.value", "focus": f"{ids.FOCUS}.value",
            "countries": f"{ids.COUNTRIES}.value", "map_click": f"{ids.MAP}.clickData",
            "year": f"{ids.COMMITTED_YEAR}.data", "lang": f"{ids.LANG}.value", "pathname": f"{ids.URL}.pathname",
            "direction": f"{ids.DIRECTION}.value", "cyear": f"{ids.CYEAR}.value"}.get(trigger or "")  # fmt: skip
    token = context_value.set(AttributeDict(triggered_inputs=[{"prop_id": prop, "value": None}] if prop else []))
    try:
        return sync_state(*args.values())
    finally:
        context_value.reset(token)


def key_of(state: dict[str, Any]) -> dict[str, Any]:
    """The map-key store sync_state writes beside a state."""
    return {"indicator": state["indicator"], "focus": state["focus"], "scale": state["scale"] or "linear",
            "lang": state["lang"], "dashboard": True}  # fmt: skip


def test_layout_ids_are_unique() -> None:
    seen: list[str] = []

    def walk(node: Any) -> None:
        if hasattr(node, "id") and isinstance(getattr(node, "id", None), str):
            seen.append(node.id)
        children = getattr(node, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            if child is not None and not isinstance(child, str | int | float):
                walk(child)

    walk(app.layout())
    assert len(seen) == len(set(seen)), sorted(i for i in seen if seen.count(i) > 1)
    assert {ids.MAP, ids.TREND, ids.RANKING, ids.YEAR, ids.INDICATOR, ids.FOCUS, ids.COUNTRIES} <= set(seen)


def test_url_sets_every_control() -> None:
    out = sync(None, search="?indicator=remittances_gdp&year=2015&focus=sica&countries=SLV,HND&scale=log")
    (
        query,
        state,
        _key,
        indicator,
        focus,
        countries,
        scale,
        _view,
        ymin,
        ymax,
        step,
        _marks,
        year,
        notice,
        _lang,
        fix,
        _direction,
        _cyear,
    ) = out
    assert query is no_update  # already canonical: no new history entry
    assert (indicator, focus, countries, scale, year) == ("remittances_gdp", "sica", ["SLV", "HND"], "log", 2015)
    assert state["countries"] == ["SLV", "HND"]
    assert (ymin, ymax, step) == (1990, 2024, 1)
    assert fix is no_update
    assert notice is None


def test_bad_url_falls_back_with_a_notice() -> None:
    out = sync(None, search="?indicator=nope&year=abc&countries=<script>&zzz=1")
    query, state, *_, notice, _lang, fix, _direction, _cyear = out
    assert state["indicator"] == options().default_indicator
    assert query is no_update  # a corrected link replaces its own history entry, it is not pushed
    assert fix == ""
    text = json.dumps(notice.to_plotly_json(), default=str)
    assert "indicator" in text
    assert "countries" in text
    assert "zzz" in text
    assert "<script>" not in text


def test_changing_indicator_snaps_the_year_and_says_so() -> None:
    out = sync("indicator", search="?year=2020", indicator="tertiary_emigration_rate", focus="lac", countries=[],
               scale=None, view="map", year=2020)  # fmt: skip
    query, _state, *_, year, notice, _lang, _fix, _direction, _cyear = out
    assert year == 2010
    assert query == "?indicator=tertiary_emigration_rate"
    assert "2010" in json.dumps(notice.to_plotly_json(), default=str)


def test_map_click_toggles_a_country() -> None:
    click = {"points": [{"customdata": ["El Salvador", "...", "SLV"]}]}
    out = sync("map_click", search="", indicator="emigrant_share", focus="lac", countries=["HND"], scale="linear",
               view="map", year=2024, map_click=click)  # fmt: skip
    assert out[0] == "?countries=HND,SLV"
    out = sync("map_click", search="?countries=HND,SLV", indicator="emigrant_share", focus="lac",
               countries=["HND", "SLV"], scale="linear", view="map", year=2024, map_click=click)  # fmt: skip
    assert out[0] == "?countries=HND"


@pytest.mark.parametrize(
    "payload", [{"points": []}, {"points": [{"customdata": "x"}]}, {"points": [{"customdata": ["<b>", "x", "ZZZ"]}]}]
)
def test_clicks_on_nothing_of_ours_are_ignored(payload: Any) -> None:
    out = sync("map_click", search="", indicator="emigrant_share", focus="lac", countries=[], scale="linear",
               view="map", year=2020, map_click=payload)  # fmt: skip
    assert out[1]["countries"] == []


@pytest.mark.parametrize("payload", ["junk", 7, {"points": "x"}, {"points": [1]}, {"points": [{}] * 100}])
def test_forged_clicks_are_rejected(payload: Any) -> None:
    with pytest.raises(InvalidInputError):
        sync("map_click", search="", indicator="emigrant_share", focus="lac", countries=[], scale="linear",
             view="map", year=2020, map_click=payload)  # fmt: skip


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
        {"lang": "xx"},
        {"browser_lang": ["en"]},
        {"search": 5},
        {"pathname": "/" * 5000},
        {"old_key": {"indicator": "x"}},
    ],
)
def test_forged_control_values_are_rejected(values: dict[str, Any]) -> None:
    base = {"search": "", "indicator": "emigrant_share", "focus": "lac", "countries": [], "scale": "linear",
            "view": "map", "year": 2020}  # fmt: skip
    with pytest.raises(InvalidInputError):
        sync("indicator", **{**base, **values})


def test_frames_hold_every_year_and_every_lac_state() -> None:
    state = sync(None, search="?indicator=emigrant_stock")[1]
    frames = build_frames(key_of(state), state)
    assert frames["years"] == [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]
    assert set(frames["frames"]) == {str(y) for y in frames["years"]}
    locations = frames["frames"]["2020"][0]["locations"]
    assert set(LAC_STATES) <= set(locations)
    base = frames["base"]
    go.Figure(base)
    assert base["data"][1]["geojson"].startswith("/data/geometry.")  # geometry by URL, sent once and cached
    assert len(json.dumps(frames)) < 400_000


def test_panels_render_for_every_indicator_and_focus() -> None:
    for indicator in options().years:
        for focus in ("lac", "caribbean", "oecs", "world"):
            state = sync(None, search=f"?indicator={indicator}&focus={focus}&countries=MEX,JAM&view=table")[1]
            out = draw_panels(state, None)
            assert out[0]["data"], (indicator, focus)  # trend has at least the aggregate or the countries
            go.Figure(out[0])  # plotly validates every property of the builders' dicts
            go.Figure(out[1])
            assert out[3] is not no_update  # table rendered in table view


def post_callback(client: Any, payload: dict[str, Any]) -> Any:
    return client.post("/_dash-update-component", json=payload)


@pytest.fixture
def client() -> Any:
    return server.test_client()


def test_page_and_assets_served_locally(client: Any) -> None:
    page = client.get("/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "cdn." not in html
    assert "https://" not in html.split("<body>")[0]
    assert client.get("/assets/topojson/world_110m.json").status_code == 200
    vendored = client.get("/assets/vendor/plotly-geo.min.js?v=4.1.1")
    assert vendored.status_code == 200
    assert "immutable" in vendored.headers["Cache-Control"]  # versioned assets are cached for a year


def test_geometry_route_is_cacheable_and_versioned(client: Any) -> None:
    version = get_store().version
    response = client.get(f"/data/geometry.{version}.json", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert response.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.data))["type"] == "FeatureCollection"
    assert client.get("/data/geometry.0000.json").status_code == 404


def test_frames_callback_over_http(client: Any) -> None:
    state = sync(None, search="?indicator=remittances_usd")[1]
    payload = {
        "output": f"{ids.FRAMES}.data",
        "outputs": {"id": ids.FRAMES, "property": "data"},
        "inputs": [{"id": ids.VIEW_KEY, "property": "data", "value": key_of(state)}],
        "state": [{"id": ids.STATE, "property": "data", "value": state}],
        "changedPropIds": [f"{ids.VIEW_KEY}.data"],
    }
    response = post_callback(client, payload)
    assert response.status_code == 200
    body = response.get_json()
    assert body["response"][ids.FRAMES]["data"]["years"][-1] == 2024


def test_language_comes_from_the_url_then_the_browser() -> None:
    assert sync(None, search="?lang=es", browser_lang="en")[1]["lang"] == "es"
    assert sync(None, search="", browser_lang="fr")[1]["lang"] == "fr"
    with pytest.raises(InvalidInputError):  # the server writes a language of ours into that store
        sync(None, search="", browser_lang="xx")
    # English chosen in a Spanish browser is written to the URL, so a reload keeps it.
    out = sync("lang", search="", indicator="emigrant_share", focus="lac", countries=[], scale="linear", view="map",
               year=2024, lang="en", browser_lang="es")  # fmt: skip
    assert out[0] == "?lang=en"


def test_switching_language_translates_every_layout_text() -> None:
    from callbacks.language import translate
    from components.texts import TARGETS

    english, spanish = translate("en"), translate("es")
    assert len(english) == len(spanish) == len(TARGETS)
    changed = [target for target, a, b in zip(TARGETS, english, spanish, strict=True) if a != b]
    assert (ids.TITLE, "children") in changed
    assert (ids.INDICATOR, "options") in changed
    assert spanish[TARGETS.index((ids.TITLE, "children"))].startswith("Migración")
    assert translate(None)[0] is no_update
    with pytest.raises(InvalidInputError):
        translate("xx")


def test_spanish_panels_use_spanish_numbers() -> None:
    state = sync(None, search="?lang=es&indicator=remittances_usd&countries=MEX")[1]
    out = draw_panels(state, None)
    headlines = json.dumps(out[2], default=lambda c: c.to_plotly_json())
    assert re.search(r"US\$ \d{1,3}\.\d{3} millones", headlines)  # ECLAC: 61.500 millones, not 61,5 mil millones
    assert "Remesas" in json.dumps(out[0])


def test_callbacks_without_a_state_leave_every_output_alone() -> None:
    """Before the state store is filled, each view callback answers no_update for each of its outputs."""
    from callbacks.views import draw_texts

    for outputs, declared in ((draw_panels(None, None), 11), (draw_texts(None, None), 5)):
        assert len(outputs) == declared
        assert all(o is no_update for o in outputs)
    assert build_frames(None, None) is no_update


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
    assert table.frame.iloc[:, 1].tolist()[:8] == [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]


def test_year_marks_label_few_years_on_annual_series() -> None:
    from callbacks.state import year_marks

    five_yearly = year_marks((1990, 1995, 2000, 2005, 2010, 2015, 2020))
    assert all(five_yearly.values())
    annual = year_marks(tuple(range(2011, 2021)))
    assert [y for y, text in annual.items() if text] == [2011, 2015, 2020]


def test_the_slider_steps_to_the_next_data_year_in_the_direction_moved() -> None:
    from callbacks.state import snap_year

    years = (1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024)  # UN DESA 2024: uneven, the slider's step is 1
    assert snap_year(years, 2014, previous=2015) == 2010  # ArrowLeft from 2015
    assert snap_year(years, 2021, previous=2020) == 2024  # ArrowRight from 2020
    assert snap_year(years, 2023, previous=2024) == 2020
    assert snap_year(years, 2015, previous=2020) == 2015
    assert snap_year(years, 2022) == 2020  # no direction: the nearest, the earlier on a tie
    assert snap_year(years, 1985, previous=1990) == 1990  # nothing further that way: the nearest
