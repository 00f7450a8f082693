"""Real-browser tests of the dashboard: headless Chromium against the app served by gunicorn (see conftest.py).

Dash updates the page asynchronously, so every check waits on DOM or plotly state (wait_for_function), never on
a fixed sleep. Plotly graph divs are the `.js-plotly-plot` elements inside the dcc.Graph containers.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from pipeline.paths import LAC_STATES
from tests.browser_helpers import (
    click_country,
    country_point,
    graph,
    open_dashboard,
    query,
    wait_graph,
    wait_idle,
    wait_query,
)

pytestmark = pytest.mark.browser

DASH_UPDATE = "/_dash-update-component"
DEFAULT_INDICATOR_LABEL = "Emigrants as a share of the population"
SICA_LABEL = "Central American Integration System (SICA)"
LAC_LABEL = "Latin America and the Caribbean (states and territories)"

SLIDER_JS = "+document.querySelector('#year [role=slider]').getAttribute('aria-valuenow')"


# --- helpers -------------------------------------------------------------------------------------------------


def trend_names(page: Any) -> list[str]:
    return graph(page, "trend", "gd.data.map(t => t.name)")


def dropdown_text(page: Any, control_id: str) -> list[str]:
    """What a control shows as chosen: a select's option, or the selected countries (one button each)."""
    if control_id == "countries":
        return page.locator("#country-chips .chip").all_inner_texts()
    return page.locator(f"#{control_id} option:checked").all_inner_texts()


def choose(page: Any, control_id: str, value: str) -> None:
    """Pick an option of a select, as a user does."""
    page.select_option(f"#{control_id}", value)


def slider_year(page: Any) -> int:
    return int(page.get_attribute("#year [role=slider]", "aria-valuenow"))


def marker_point(page: Any, graph_id: str, trace: int, index: int) -> dict[str, float]:
    """Screen position of the `index`-th point of scatter trace `trace` (scrolled into view first)."""
    page.locator(f"#{graph_id}").scroll_into_view_if_needed()
    box = page.evaluate(
        """([id, trace, index]) => {
            const gd = document.querySelector('#' + id + ' .js-plotly-plot');
            const group = Array.from(gd.querySelectorAll('g.trace')).find(g => g.__data__ && g.__data__[0]
                && g.__data__[0].trace && g.__data__[0].trace.index === trace);
            const point = group && group.querySelectorAll('path.point')[index];
            if (!point) { return null; }
            const r = point.getBoundingClientRect();
            return {x: r.x + r.width / 2, y: r.y + r.height / 2};
        }""",
        [graph_id, trace, index],
    )
    assert box, f"no point {index} in trace {trace} of #{graph_id}"
    return box


# --- tests ---------------------------------------------------------------------------------------------------


def test_page_loads_and_draws_the_map(page: Any, live_server: str, page_log: Any) -> None:
    open_dashboard(page, live_server)
    locations = graph(page, "map", "gd.data[1].locations")
    missing = sorted(set(LAC_STATES) - set(locations))
    assert not missing, f"LAC states missing from the map's focus trace: {missing}"
    assert len(LAC_STATES) == 33
    customdata_codes = graph(page, "map", "gd.data[1].customdata.map(c => c[2])")
    assert customdata_codes == locations, "customdata[i][2] must be the ISO3 code of locations[i]"
    paths = page.locator("#map .choropleth path").count()
    assert paths >= 40, f"only {paths} choropleth paths drawn"
    assert DEFAULT_INDICATOR_LABEL in page.inner_text("#map-title")
    assert not page_log.console_errors


def test_no_request_leaves_the_host(page: Any, live_server: str, page_log: Any) -> None:
    open_dashboard(page, live_server)
    title_before = graph(page, "map", "gd.data[1].colorbar.title.text")
    choose(page, "indicator", "remittances_usd")
    wait_query(page, "q.get('indicator') === 'remittances_usd'")
    wait_graph(page, "map", "gd.data[1].colorbar.title.text !== arg", title_before)
    page.wait_for_selector("#map .choropleth path")
    page.wait_for_function("() => document.getElementById('map-title').textContent.includes('US$')")
    wait_idle(page)
    page.wait_for_load_state("networkidle")
    assert page_log.requests, "no request recorded"
    foreign = [
        u for u in page_log.requests if not (u.startswith(live_server + "/") or u.startswith(("data:", "blob:")))
    ]
    assert not foreign, f"requests leaving {live_server}: {foreign}"
    assert not [u for u in page_log.requests if "plot.ly" in u or "cdn" in u.lower()]
    assert any("/data/geometry." in u for u in page_log.requests), "the map geometry was not fetched from the app"


def test_clicking_a_country_toggles_its_trend_line(page: Any, live_server: str) -> None:
    open_dashboard(page, live_server)
    assert "El Salvador" not in trend_names(page)

    click_country(page, "SLV")
    wait_graph(page, "trend", "gd.data.some(t => t.name === 'El Salvador')")
    wait_query(page, "q.get('countries') === 'SLV'")
    assert dropdown_text(page, "countries") == ["El Salvador"]
    # The map outlines the selected country (its frames are rebuilt for the new selection).
    wait_graph(page, "map", "gd.data[1].marker.line.width[gd.data[1].locations.indexOf('SLV')] > 1")
    wait_idle(page)

    click_country(page, "SLV")
    wait_graph(page, "trend", "!gd.data.some(t => t.name === 'El Salvador')")
    wait_query(page, "!q.has('countries')")
    assert dropdown_text(page, "countries") == []


def test_a_hover_stays_in_the_browser_and_a_click_draws_the_ranking_once(page: Any, live_server: str) -> None:
    """No callback reads a graph's hoverData: hovering a country shows its tooltip without handing the hover to
    Dash's renderer. A click draws the ranking once, fitted on its way to plotly to a 1366 px laptop's column; it is
    fitted again when its column changes."""
    open_dashboard(page, live_server)
    page.evaluate(
        """() => { window.rankingDraws = 0; const react = window.Plotly.react;
        window.Plotly.react = function (gd) { if (gd.closest('#ranking')) { window.rankingDraws++; }
                                              return react.apply(this, arguments); }; }"""
    )
    point = country_point(page, "SLV")
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function("() => document.querySelector('#map .hoverlayer').textContent.includes('El Salvador')")
    assert page.evaluate("() => window.dash_component_api.getLayout('map').props.hoverData") is None
    page.mouse.click(point["x"], point["y"])
    wait_graph(page, "trend", "gd.data.some(t => t.name === 'El Salvador')")
    wait_graph(page, "ranking", "new Set(gd.data[1].marker.color).size > 1")  # El Salvador highlighted
    wait_idle(page)
    assert page.evaluate("() => window.rankingDraws") == 1
    assert graph(page, "ranking", "[gd.clientWidth < 520, gd.layout.meta]") == [True, "narrow"]
    # A wider window, then the laptop's again: the ranking is drawn for its column each time.
    page.set_viewport_size({"width": 1600, "height": 768})
    wait_graph(page, "ranking", "gd.clientWidth >= 520 && gd.layout.meta !== 'narrow'")
    page.set_viewport_size({"width": 1366, "height": 768})
    wait_graph(page, "ranking", "gd.clientWidth < 520 && gd.layout.meta === 'narrow'")


def test_the_links_to_other_languages_and_pages_keep_the_view_shown(page: Any, live_server: str) -> None:
    open_dashboard(page, live_server)
    choose(page, "indicator", "remittances_gdp")
    wait_query(page, "q.get('indicator') === 'remittances_gdp'")
    page.wait_for_function("() => document.getElementById('lang-es').getAttribute('href').includes('remittances_gdp')")
    hrefs = page.evaluate(
        "() => ['lang-es', 'lang-menu-fr', 'footer-sources', 'header-then-and-now', 'about-sources']"
        ".map(id => document.getElementById(id).getAttribute('href'))"
    )
    assert hrefs == [
        "/?indicator=remittances_gdp&lang=es",
        "/?indicator=remittances_gdp&lang=fr",
        "/sources?indicator=remittances_gdp",
        "/then-and-now?indicator=remittances_gdp",
        "/sources?indicator=remittances_gdp",
    ]
    page.click("#lang-es")
    page.wait_for_function("() => document.documentElement.lang === 'es'")
    assert query(page)["indicator"] == ["remittances_gdp"]


def test_clicking_two_countries_then_one_again(page: Any, live_server: str) -> None:
    """Toggling off works when another click came in between (so Dash sees a new clickData)."""
    open_dashboard(page, live_server)
    click_country(page, "SLV")
    wait_query(page, "q.get('countries') === 'SLV'")
    wait_idle(page)
    click_country(page, "HND")
    wait_query(page, "q.get('countries') === 'SLV,HND'")
    wait_graph(page, "trend", "['El Salvador', 'Honduras'].every(n => gd.data.some(t => t.name === n))")
    wait_idle(page)
    click_country(page, "SLV")
    wait_query(page, "q.get('countries') === 'HND'")
    wait_graph(page, "trend", "!gd.data.some(t => t.name === 'El Salvador')")
    assert dropdown_text(page, "countries") == ["Honduras"]


def test_small_states_and_ranking_bars_are_clickable(page: Any, live_server: str) -> None:
    """Grenada is a few pixels at LAC scale: it has a marker (map trace 2) and a clickable shape in the Eastern
    Caribbean inset, which selects it; so does a ranking dot."""
    open_dashboard(page, live_server)
    index = graph(page, "map", "gd.data[2].customdata.findIndex(c => c[2] === 'GRD')")
    assert index >= 0, "Grenada has no small-state marker"
    assert graph(page, "map", "gd.data[3].geo") == "geo2"
    point = country_point(page, "GRD", layer=2)
    page.mouse.move(point["x"], point["y"])
    page.mouse.click(point["x"], point["y"])
    wait_query(page, "q.get('countries') === 'GRD'")
    wait_graph(page, "trend", "gd.data.some(t => t.name === 'Grenada')")
    wait_idle(page)

    first = graph(page, "ranking", "[gd.data[1].y[0], gd.data[1].customdata[0]]")
    point = marker_point(page, "ranking", 1, 0)
    page.mouse.move(point["x"], point["y"])
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function(
        "() => (new URLSearchParams(location.search).get('countries') || '').split(',').length === 2"
    )
    code = query(page)["countries"][0].split(",")[1]
    assert first[1][-1] == code, f"clicked the ranking's first dot ({first}), got {code}"
    wait_graph(page, "trend", "gd.data.length === 3")
    wait_idle(page)


ROUND_TRIP = "?indicator=remittances_gdp&year=2015&focus=sica&countries=SLV,HND&scale=log"


def assert_round_trip_view(page: Any) -> None:
    assert dropdown_text(page, "indicator") == ["Personal remittances received (% of GDP)"]
    assert dropdown_text(page, "focus") == [SICA_LABEL]
    assert dropdown_text(page, "countries") == ["El Salvador", "Honduras"]
    assert page.inner_text("#scale label.active") == "Log"
    assert page.is_checked("#scale input[value=log]")
    assert slider_year(page) == 2015
    title = page.inner_text("#map-title")
    assert "2015" in title
    assert SICA_LABEL in title
    names = trend_names(page)
    assert "El Salvador" in names
    assert "Honduras" in names
    assert graph(page, "trend", "gd._fullLayout.yaxis.type") == "log"
    assert not page.inner_text("#notice").strip(), "a valid link must not raise a notice"
    assert query(page) == {
        "indicator": ["remittances_gdp"],
        "year": ["2015"],
        "focus": ["sica"],
        "countries": ["SLV,HND"],
        "scale": ["log"],
    }


def test_url_round_trip_reload_and_back(page: Any, live_server: str) -> None:
    open_dashboard(page, live_server, ROUND_TRIP)
    wait_graph(page, "trend", "gd.data.some(t => t.name === 'Honduras')")
    assert_round_trip_view(page)

    page.reload()
    page.wait_for_selector("#map .choropleth path")
    wait_graph(page, "trend", "gd.data.some(t => t.name === 'Honduras')")
    page.wait_for_function("() => document.getElementById('map-title').textContent.includes('2015')")
    wait_idle(page)
    assert_round_trip_view(page)

    choose(page, "focus", "central_america")
    wait_query(page, "q.get('focus') === 'central_america'")
    title_has = "label => document.getElementById('map-title').textContent.includes(label)"
    page.wait_for_function(title_has, arg="Central America (incl. Mexico),")
    wait_idle(page)

    page.go_back()
    wait_query(page, "q.get('focus') === 'sica'")
    page.wait_for_function(
        "label => document.querySelector('#focus option:checked').textContent.trim() === label", arg=SICA_LABEL
    )
    page.wait_for_function("label => document.getElementById('map-title').textContent.includes(label)", arg=SICA_LABEL)
    wait_idle(page)
    assert_round_trip_view(page)


def test_malformed_url_falls_back_with_a_notice(page: Any, live_server: str) -> None:
    payload = "<img src=x onerror=window.__xss=1>"
    open_dashboard(page, live_server, f"?indicator=nope&year=abc&countries=<script>&{payload}=1")
    page.wait_for_selector("#notice .alert", state="visible")
    notice = page.inner_text("#notice")
    assert notice.strip()
    for name in ("indicator", "year", "countries"):
        assert name in notice, f"the notice does not name the rejected parameter {name!r}: {notice!r}"
    # The default view.
    assert dropdown_text(page, "indicator") == [DEFAULT_INDICATOR_LABEL]
    assert dropdown_text(page, "focus") == [LAC_LABEL]
    assert dropdown_text(page, "countries") == []
    assert slider_year(page) == 2024
    assert "2024" in page.inner_text("#map-title")
    wait_query(page, "!q.has('indicator') && !q.has('countries') && !q.has('year')")
    # Nothing of the payload reached the DOM as markup or as text.
    injected = page.evaluate(
        """() => ({
            scripts: document.querySelectorAll('#main script, #notice script').length,
            images: Array.from(document.querySelectorAll('#main img')).filter(i => i.getAttribute('src') === 'x')
                .length,
            html: document.getElementById('main').innerHTML,
            text: document.body.innerText,
            xss: window.__xss === 1,
        })"""
    )
    assert injected["scripts"] == 0
    assert injected["images"] == 0
    assert not injected["xss"]
    assert "<script" not in injected["html"].lower()
    assert "&lt;script" not in injected["html"].lower()
    assert "<script" not in injected["text"].lower()
    assert "onerror" not in injected["text"].lower()


def test_table_view(page: Any, live_server: str) -> None:
    open_dashboard(page, live_server)
    with_data = graph(page, "map", "gd.data[1].customdata.filter((c, i) => gd.data[1].z[i] > 0).map(c => c[0])")
    assert len(with_data) > 20
    page.locator("#view label", has_text="Table").click()
    wait_query(page, "q.get('view') === 'table'")
    page.wait_for_selector("#data-table table tbody tr", state="visible")
    wait_idle(page)
    assert page.is_hidden("#map-wrap")
    headers = page.locator("#data-table thead th").all_inner_texts()
    assert headers == ["Rank", "Country or territory", "Value", "Year of value"]
    names = page.locator("#data-table tbody tr th").all_inner_texts()
    assert sorted(names) == sorted(with_data), "the table must have one row per focus country with data"
    rows = page.locator("#data-table tbody tr")
    assert rows.count() == len(with_data)
    first = rows.first.locator("td").all_inner_texts()
    assert first[0] == "1"
    assert re.fullmatch(r"\d{4}", first[-1])
    assert page.inner_text("#data-table caption") == page.inner_text("#map-title")


# An annual series (1990-2024): a full run lasts ~30 s, so the animation cannot reach its end (and stop by
# itself) before the test pauses it, even on a busy machine.
PLAY_VIEW = "?indicator=remittances_gdp"
PLAY_LAST = 2024


def test_play_animates_without_the_server(page: Any, live_server: str, page_log: Any) -> None:
    open_dashboard(page, live_server, PLAY_VIEW)
    marks = [m for m in page.locator("#year .dash-slider-mark").all_inner_texts() if m]
    assert marks[0] == "1990"
    assert marks[-1] == str(PLAY_LAST)
    assert slider_year(page) == PLAY_LAST
    assert page.inner_text("#play").strip() == "▶ Play"
    assert page.get_attribute("#play", "aria-label") == "Play the years as an animation"

    page.click("#play")
    # From the last year, play restarts at the first, then steps one year per tick.
    page.wait_for_function(f"() => {SLIDER_JS} < {PLAY_LAST}", timeout=5000)
    first = slider_year(page)
    wait_graph(page, "map", "gd.data[1].customdata.some(c => c[1].includes('(' + arg + ')'))", first)
    mark = len(page_log.requests)
    frame_a = graph(page, "map", "gd.data[1].customdata.map(c => c[1])")
    page.wait_for_function(f"y => {SLIDER_JS} > y", arg=first, timeout=5000)
    second = slider_year(page)
    wait_graph(page, "map", "gd.data[1].customdata.some(c => c[1].includes('(' + arg + ')'))", second)
    frame_b = graph(page, "map", "gd.data[1].customdata.map(c => c[1])")
    during = list(page_log.requests[mark:])
    # The button says what pressing it will do.
    assert page.inner_text("#play").strip() == "❚❚ Pause"
    assert page.get_attribute("#play", "aria-label") == "Pause the animation"
    assert second > first
    assert frame_a != frame_b, "the map did not change between animation frames"
    assert not [u for u in during if DASH_UPDATE in u], f"requests to the server while playing: {during}"
    # While playing, the map title follows the year drawn (as the watermark does); the URL keeps the committed one.
    page.wait_for_function(
        f"() => document.getElementById('map-title').textContent.endsWith(', ' + {SLIDER_JS})", timeout=5000
    )
    assert "year" not in query(page)

    page.click("#play")  # pause
    # Paused: the slider's year is committed, so the server-drawn panels and the URL follow it.
    page.wait_for_function(
        f"""() => {{
            const year = String({SLIDER_JS});
            return document.getElementById('map-title').textContent.endsWith(', ' + year)
                && new URLSearchParams(location.search).get('year') === year;
        }}"""
    )
    paused = slider_year(page)
    assert paused < PLAY_LAST
    assert page.inner_text("#play").strip() == "▶ Play"
    assert page.get_attribute("#play", "aria-label") == "Play the years as an animation"
    wait_idle(page)
    page.wait_for_timeout(1200)  # longer than a tick (900 ms): a stopped animation must not move any more
    assert slider_year(page) == paused


def test_year_slider_keyboard_steps_to_the_previous_year(page: Any, live_server: str) -> None:
    open_dashboard(page, live_server, "?year=2015")
    assert slider_year(page) == 2015
    page.locator("#year [role=slider]").focus()
    page.keyboard.press("ArrowLeft")
    # Wait until the slider holds a whole year and the committed views (title, URL) agree with it.
    page.wait_for_function(
        f"""() => {{
            const year = {SLIDER_JS};
            return Number.isInteger(year) && year !== 2015
                && document.getElementById('map-title').textContent.endsWith(', ' + year);
        }}"""
    )
    wait_idle(page)
    assert slider_year(page) == 2010
    assert query(page).get("year") == ["2010"]


def test_back_leaves_a_corrected_link(page: Any, live_server: str) -> None:
    before = live_server + "/assets/topojson/world_110m.json"  # any page the visitor came from
    page.goto(before)
    open_dashboard(page, live_server, "?indicator=nope")
    page.wait_for_selector("#notice .alert", state="visible")
    wait_query(page, "!q.has('indicator')")
    page.go_back()
    try:
        page.wait_for_function("url => location.href === url", arg=before, timeout=2000)
    except PlaywrightTimeoutError:
        pytest.fail(f"Back did not return to {before}; the page is still at {page.url}")
