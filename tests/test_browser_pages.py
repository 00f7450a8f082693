"""Real-browser tests of the country profile and the corridor view: reached from the map and from each other, with
the visitor's indicator, year, focus and language carried along, shareable, and printable on one page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import pytest

from tests.browser_helpers import click_country, graph, open_dashboard, query, wait_app, wait_graph, wait_idle
from tests.test_browser_exports import png_size

pytestmark = pytest.mark.browser

CONTEXT = "?indicator=remittances_gdp&year=2015&focus=sica"


def path(page: Any) -> str:
    return urlsplit(page.url).path


def wait_profile(page: Any, name: str) -> None:
    wait_app(page)
    page.wait_for_function(
        "name => { const t = document.querySelector('#page-country .page-title');"
        " return t && t.textContent === name; }",
        arg=name,
    )
    page.wait_for_selector("#page-country .js-plotly-plot")
    wait_idle(page)


def wait_corridors(page: Any, title_part: str) -> None:
    wait_app(page)
    page.wait_for_function(
        "part => { const t = document.getElementById('corridor-title'); return t && t.textContent.includes(part); }",
        arg=title_part,
    )
    wait_graph(page, "cv-flow-map", "gd.data.length >= 2")
    wait_idle(page)


def test_profile_opens_from_the_map_and_leads_back_with_the_context(page: Any, live_server: str, page_log: Any) -> None:
    open_dashboard(page, live_server, CONTEXT)
    click_country(page, "SLV")
    link = page.locator(".profile-link", has_text="El Salvador")
    link.wait_for()
    link.click()
    wait_profile(page, "El Salvador")
    assert path(page) == "/country/SLV"
    assert query(page) == {"indicator": ["remittances_gdp"], "year": ["2015"], "focus": ["sica"], "countries": ["SLV"]}
    assert page.locator("#page-dashboard").count() == 0  # a page of its own, not the dashboard hidden
    page.wait_for_function("() => document.title.startsWith('El Salvador: migration and development profile')")
    # The indicator the visitor came from is the first trend; the comparison includes the focus bloc.
    first = page.locator(".profile-trends .js-plotly-plot").first
    assert first.evaluate("el => el.closest('[id^=pf-trend-]').id") == "pf-trend-remittances_gdp"
    headers = page.locator(".comparison-table thead th").all_inner_texts()
    assert "SICA" in headers  # short names in the header (the full ones on hover and in the notes): A4 room
    assert "Central America (incl. Mexico)" in headers
    # Every headline figure says the year it is from (DIOC's census round as "2015/16"): twelve indicators.
    notes = page.locator(".profile-headlines .headline-note").all_inner_texts()
    assert len(notes) == 12
    assert all(re.match(r"(19|20)\d\d(/\d\d)? · ", n) for n in notes), notes
    page.locator("#back-dashboard").click()
    page.wait_for_function("() => location.pathname === '/'")
    page.wait_for_function("() => document.getElementById('map-title')?.textContent.includes('2015')")
    wait_graph(page, "map", "gd.data.length >= 3 && gd.data[1].locations.includes('SLV')")
    assert query(page) == {"indicator": ["remittances_gdp"], "year": ["2015"], "focus": ["sica"], "countries": ["SLV"]}
    title = page.inner_text("#map-title")
    assert "remittances received (% of GDP)" in title
    assert "Central American Integration System (SICA)" in title
    assert not page_log.console_errors


def test_back_button_returns_from_the_profile_to_the_map(page: Any, live_server: str) -> None:
    open_dashboard(page, live_server, "?countries=MEX")
    page.locator(".profile-link", has_text="Mexico").click()
    wait_profile(page, "Mexico")
    page.go_back()
    page.wait_for_function("() => location.pathname === '/'")
    page.wait_for_selector("#page-dashboard")
    wait_graph(page, "map", "gd.data.length >= 3")
    assert page.locator("#page-country").count() == 0
    box = page.locator("#map .js-plotly-plot").bounding_box()
    assert box is not None
    assert box["width"] > 400  # drawn at its real size, not the size of a hidden box


def test_corridor_view_opens_from_a_profile(page: Any, live_server: str, page_log: Any) -> None:
    page.goto(live_server + "/country/MEX?lang=es")
    wait_profile(page, "México")
    page.locator("#open-corridors").click()
    wait_corridors(page, "México")
    assert path(page) == "/corridors/MEX"
    assert query(page) == {"lang": ["es"]}
    # Lines from Mexico to its destinations, the largest first in the ranking: the United States.
    assert graph(page, "cv-flow-map", "gd.data.filter(t => t.type === 'scattergeo').length") >= 1
    top = graph(page, "cv-corridors", "gd.data[gd.data.length - 1].y[0]")
    assert top == "Estados Unidos"
    # Reverse view and another year, each in the address; a reload restores both.
    page.locator(".direction-links a", has_text="migrantes que viven allí").click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('direction') === 'in'")
    wait_corridors(page, "México: quiénes viven allí")
    page.locator(".year-links a", has_text="2000").click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('cyear') === '2000'")
    wait_corridors(page, "2000")
    page.reload()
    wait_corridors(page, "México: quiénes viven allí, migrantes por origen, 2000")
    assert "allí" in page.inner_text(".direction-links a[aria-current=true]")
    page.locator("#back-profile").click()
    wait_profile(page, "México")
    assert path(page) == "/country/MEX"
    assert not page_log.console_errors


def test_regional_view_of_a_group(page: Any, live_server: str) -> None:
    open_dashboard(page, live_server, "?focus=central_america")
    page.locator("#focus-corridors").click()
    wait_corridors(page, "Central America")
    assert path(page) == "/corridors/central_america"
    names = graph(page, "cv-regions", "gd.data.map(t => t.name)")
    assert "United States" in names
    assert any("Latin America" in n for n in names)
    assert page.locator(".direction-links a").count() == 1  # a group's emigrants only: no "who lives there"


def test_unknown_country_is_a_404(page: Any, live_server: str, page_log: Any) -> None:
    response = page.goto(live_server + "/country/XYZ")
    assert response is not None
    assert response.status == 404
    assert [e for e in page_log.console_errors if "404" in e and "/country/XYZ" in e]
    page_log.console_errors.clear()  # the browser logs the 404 itself: expected here
    page.locator("a[href='/']").click()
    page.wait_for_selector("#map .choropleth path")


@pytest.mark.parametrize(
    ("address", "name"),
    [("/country/SLV", "El Salvador"), ("/country/HTI?lang=es", "Haití"), ("/country/MEX?lang=fr", "Mexique")],
)
def test_profile_prints_on_one_page(page: Any, live_server: str, address: str, name: str) -> None:
    page.goto(live_server + address)
    wait_profile(page, name)
    page.wait_for_selector("#pf-costs .js-plotly-plot")
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # what the print dialog does first
    wait_idle(page)
    page.wait_for_function("() => +document.querySelector('#pf-costs .main-svg').getAttribute('height') < 260")
    # On paper every destination is named (the axis skipped every second name), the small trends share one key
    # instead of legends spilling out of their cards, and their axis titles are written across, whole.
    named = page.evaluate(
        """() => {
            const gd = document.querySelector('#pf-corridors .js-plotly-plot');
            const rows = new Set(gd.data.flatMap(t => Array.isArray(t.y) ? t.y.filter(y => y !== null) : []));
            const ticks = [...gd.querySelectorAll('.ytick text')].map(t => t.textContent);
            return {rows: rows.size, ticks: ticks.length};
        }"""
    )
    assert named["ticks"] == named["rows"], named
    assert page.locator(".profile-trends .js-plotly-plot .legend").count() == 0
    assert page.locator(".brief-key").is_visible()
    across = page.evaluate(
        """() => { const gd = document.querySelector('#pf-trend-emigrant_share .js-plotly-plot');
                   return [gd.layout.yaxis.title.text, gd.layout.annotations.map(a => a.text)]; }"""
    )
    assert across[0] == ""
    assert any("%" in text and "<br>" in text for text in across[1]), across
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the profile of {name} printed on {pages} pages"
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    page.wait_for_function("() => +document.querySelector('#pf-costs .main-svg').getAttribute('height') > 300")


def page_menu_item(page: Any, chart: str, fmt: str) -> Any:
    """Open the Download menu of a profile or corridor chart (or the profile's own, chart "profile") and return
    its `fmt` item (pattern-matching ids are JSON in the id attribute)."""
    holder = "#profile-menu" if chart == "profile" else f"section:has(#{chart})"
    page.locator(f"{holder} .dropdown-toggle").click()
    item = page.locator(f'[id*=\'"chart":"{chart}"\'][id*=\'"format":"{fmt}"\']')
    item.wait_for(state="visible")
    return item


def downloaded(page: Any, item: Any, folder: Path) -> Path:
    with page.expect_download(timeout=20000) as info:
        item.click()
    received = info.value
    assert received.failure() is None
    path = folder / received.suggested_filename
    received.save_as(path)
    return path


def test_corridor_and_profile_exports_and_embed(page: Any, live_server: str, tmp_path: Path) -> None:
    page.goto(live_server + "/corridors/MEX?lang=es")
    wait_corridors(page, "México")
    png = downloaded(page, page_menu_item(page, "cv-corridors", "png-1920"), tmp_path)
    assert png_size(png.read_bytes()) == (1920, 1080)
    csv = downloaded(page, page_menu_item(page, "cv-corridors", "view-csv"), tmp_path)
    frame = pd.read_csv(csv, comment="#", encoding="utf-8-sig")
    assert frame.iloc[0].astype(str).str.contains("Estados Unidos").any()
    assert "# Fuente" in csv.read_text(encoding="utf-8-sig")
    page_menu_item(page, "cv-corridors", "view-xlsx")  # the menu lists Excel too
    page.keyboard.press("Escape")
    page.locator("section:has(#cv-corridors) .dropdown-toggle").click()
    page.locator('[id*=\'"type":"embed-open"\'][id*=\'"chart":"cv-corridors"\']').click()
    page.wait_for_function("() => (document.getElementById('embed-code') || {}).value")
    code = page.input_value("#embed-code")
    assert "/embed/cv-corridors?subject=MEX&amp;lang=es" in code
    page.keyboard.press("Escape")
    page.goto(live_server + "/country/SLV")
    wait_profile(page, "El Salvador")
    profile_csv = downloaded(page, page_menu_item(page, "profile", "view-csv"), tmp_path)
    table = pd.read_csv(profile_csv, comment="#", encoding="utf-8-sig")
    assert len(table) == 12  # every indicator of the menu, the immigrant and DIOC ones included
    assert "Central America (incl. Mexico)" in table.columns


def test_sources_and_changes_from_the_footer(page: Any, live_server: str, page_log: Any, tmp_path: Path) -> None:
    """The footer names the data edition and leads, with the countries selected, to the Sources and changes page:
    every source, the editions kept, Venezuela's changed values, and the changelog as a CSV file."""
    open_dashboard(page, live_server, "?countries=VEN&lang=fr")
    footer = page.inner_text(".app-footer")
    assert "Édition des données 2026-12" in footer
    page.locator("#footer-sources").click()
    page.wait_for_function("() => location.pathname === '/sources'")
    page.wait_for_selector("#page-sources h1")
    assert query(page) == {"countries": ["VEN"], "lang": ["fr"]}
    assert page.inner_text("#page-sources h1") == "Sources et modifications"
    assert page.locator("article.source").count() == 10
    assert "Modifications pour Venezuela" in page.inner_text("#page-sources")
    assert "8\u202f328\u202f514" in page.inner_text("#page-sources")  # 2024, new in UN DESA's 2024 revision
    with page.expect_download(timeout=20000) as info:
        page.locator("#changes-csv").click()
    received = info.value
    target = tmp_path / received.suggested_filename
    received.save_as(target)
    frame = pd.read_csv(target, comment="#", encoding="utf-8-sig")
    assert len(frame) > 20_000
    assert "# Édition des données" in target.read_text(encoding="utf-8-sig")
    page.locator("#back-dashboard-sources").click()
    page.wait_for_selector("#map .choropleth path", state="attached")
    assert query(page) == {"countries": ["VEN"], "lang": ["fr"]}
