"""Accessibility in a real browser: axe-core (tests/vendor/axe-core, the npm release, vendored for the tests only)
checks WCAG 2.0/2.1 A and AA and axe's best practices on the pages people reach, in two languages each: the page as
the server sends it, then the app once its charts are drawn, with each chart's data table open, a Download menu
open and the embed dialog open. No rule is excluded.

Each chart is one image to assistive technology, named by its kind and title and described from its data, and its
data is a table one click away."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import query, wait_app, wait_idle
from conftest import PageLog, _page

AXE = (Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
RUN = """async tags => {
  const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary),
  }));
}"""
# Each page in English and in another language (the one its audit was made in, where it names one).
PAGES = [
    ("/", "es"),
    ("/?view=table", "fr"),
    ("/?countries=SLV,HND", "es"),  # a selection: its profiles as buttons above the figures
    ("/country/SLV", "pt"),
    ("/corridors/MEX", "es"),
    ("/corridors/VEN?direction=in", "pt"),
    ("/embed/map", "fr"),
    ("/then-and-now", "es"),
]
CASES = [(path, lang) for path, other in PAGES for lang in ("en", other)]


@pytest.fixture
def axe_page(browser: object, page_log: PageLog) -> Iterator[object]:
    """A page whose Content Security Policy lets the test inject axe (the site's own policy forbids inline script)."""
    yield from _page(browser, page_log, "", bypass_csp=True)


def violations(page: Any, where: str) -> list[str]:
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(content=AXE)
    found = page.evaluate(RUN, RULES)
    return [f"{where}: {v['rule']} ({v['impact']}): {json.dumps(v['nodes'], ensure_ascii=False)}" for v in found]


def url(origin: str, path: str, lang: str) -> str:
    return f"{origin}{path}{'&' if '?' in path else '?'}lang={lang}"


def start_app(page: Any) -> None:
    """Show intent (the app starts), wait until it has taken the page's place with every visible chart drawn."""
    page.mouse.move(10, 10)
    wait_app(page)
    page.wait_for_function(
        """() => [...document.querySelectorAll('.dash-graph')].filter(g => g.offsetParent !== null)
                 .every(g => g.querySelector('.js-plotly-plot') && g.querySelector('.js-plotly-plot')._fullLayout)"""
    )
    wait_idle(page)


@pytest.mark.parametrize(("path", "lang"), CASES)
def test_axe_finds_nothing(axe_page: Any, live_server: str, path: str, lang: str) -> None:
    page = axe_page
    page.goto(url(live_server, path, lang))
    problems = violations(page, "as sent")
    assert page.evaluate("() => document.documentElement.lang") == lang  # the server's HTML, before any script

    start_app(page)
    tables = page.locator("details.chart-table")
    for i in range(tables.count()):
        tables.nth(i).locator("summary").click()
    page.wait_for_function(
        "n => document.querySelectorAll('details.chart-table .chart-table-body table').length === n",
        arg=tables.count(),
    )
    problems += violations(page, "app, tables open")

    menus = page.locator(".export-menu .dropdown-toggle:visible")
    if menus.count():
        menus.first.click()
        page.wait_for_selector(".dropdown-menu.show")
        problems += violations(page, "Download menu open")
        embed = page.locator(".dropdown-menu.show [id*='embed-open']")
        if embed.count():
            embed.first.click()
            page.wait_for_selector(".modal.show #embed-code")
            page.wait_for_function("() => document.getElementById('embed-code').value.includes('<iframe')")
            # Bootstrap fades the dialog in: its colours are checked once it is opaque and in place.
            page.wait_for_function(
                """() => getComputedStyle(document.querySelector('.modal.show')).opacity === '1'
                    && getComputedStyle(document.querySelector('.modal.show .modal-dialog')).transform === 'none'"""
            )
            problems += violations(page, "embed dialog open")
    assert problems == []


@pytest.mark.parametrize(("path", "chart", "lang"), [("/country/SLV", "pf-skilled", "fr"), ("/", "ranking", "en")])
def test_axe_finds_nothing_in_the_briefing_pack(
    axe_page: Any, live_server: str, path: str, chart: str, lang: str
) -> None:
    """The briefing pack's dialog (assets/pack.js), empty and holding a chart: named, its controls named, the focus
    inside it; and the status line that says a chart was added."""
    page = axe_page
    page.goto(url(live_server, path, lang))
    start_app(page)
    page.click("#pack-open")
    page.wait_for_selector("#pack-dialog[open]")
    assert page.evaluate("() => document.activeElement.id") == "pack-title"
    problems = violations(page, "pack dialog, empty")
    page.keyboard.press("Escape")
    page.wait_for_selector("#pack-dialog", state="hidden")

    item = page.locator(f'[id*=\'"type":"pack-add"\'][id*=\'"chart":"{chart}"\']')
    page.locator(".dropdown", has=item).locator(".dropdown-toggle").click()
    item.click()
    page.wait_for_function("() => document.getElementById('pack-count').textContent === '(1)'", timeout=45_000)
    problems += violations(page, "a chart added, its status shown")
    page.click("#pack-open")
    page.wait_for_selector("#pack-dialog[open] .pack-item")
    problems += violations(page, "pack dialog with a chart")
    assert problems == []


def test_every_chart_is_named_described_and_has_its_table(page: Any, live_server: str) -> None:
    """Each graph box is one image named "kind: title" and described from its data; its table lists its rows."""
    page.goto(live_server + "/corridors/MEX?lang=en")
    start_app(page)
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('[role=img][aria-labelledby^="a11y-name-"]')].map(box => ({
            name: document.getElementById(box.getAttribute('aria-labelledby')).textContent,
            description: document.getElementById(box.getAttribute('aria-describedby')).textContent,
            graph: !!box.querySelector('.dash-graph'),
        }))"""
    )
    assert len(boxes) == 6
    assert all(box["graph"] for box in boxes)
    names = [box["name"] for box in boxes]
    assert "Flow map: Mexico: where emigrants live" in names
    assert any(name.startswith("Dot chart: Mexico: remittances received") for name in names)
    flow = next(box for box in boxes if box["name"].startswith("Flow map"))
    assert flow["description"].startswith("One line per country or territory, 15 in all")
    assert "highest United States (10.9 million)" in flow["description"]

    table = page.locator("details.chart-table").first
    table.locator("summary").click()
    body = table.locator(".chart-table-body table")
    body.wait_for()
    assert body.locator("caption").inner_text() == "Mexico: where emigrants live"
    first_row = body.locator("tbody tr").first.locator("td").all_inner_texts()
    assert "United States" in first_row
    assert body.locator("tbody tr").count() >= 15
    # The region that scrolls is named and reachable by keyboard.
    assert table.locator(".table-scroll").get_attribute("tabindex") == "0"


def test_dashboard_words_follow_the_view(page: Any, live_server: str) -> None:
    """Choosing another indicator rewrites the charts' names, descriptions and key facts, and the table of the data
    opens on the new view's numbers."""
    page.goto(live_server + "/?lang=en&countries=SLV")
    start_app(page)
    facts = page.locator("#words-map .key-facts li").all_inner_texts()
    assert any(line.startswith("El Salvador: 28.9%") for line in facts)
    page.select_option("#indicator", "remittances_gdp")
    page.wait_for_function(
        "() => document.getElementById('a11y-name-map').textContent.startsWith('Map: Personal remittances')"
    )
    wait_idle(page)
    assert "Personal remittances" in page.inner_text("#a11y-name-ranking")
    assert page.locator("#words-map .key-facts li").first.inner_text().startswith("Latin America and the Caribbean")
    table = page.locator("#words-trend details.chart-table")
    assert "/data/v1/remittances_gdp.json" in (table.get_attribute("data-url") or "")
    table.locator("summary").click()
    header = table.locator("thead th")
    header.first.wait_for()
    assert any("GDP" in text for text in header.all_inner_texts())


# --- a phone --------------------------------------------------------------------------------------------------------

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone(browser: object, page_log: PageLog) -> Iterator[object]:
    """A phone (390 x 844, touch) whose visitor touches the page as it loads (the app starts)."""
    context = browser.new_context(**PHONE)  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.on("pageerror", lambda error: page_log.page_errors.append(str(error)))
    try:
        yield tab
    finally:
        context.close()
    assert not page_log.page_errors


def test_phone_first_screen_shows_the_figures_and_the_map(phone: Any, live_server: str) -> None:
    """The header takes one line of tools, the controls fold behind one button, and the first screen holds the
    headline figures and the top of the map; the button opens the controls, by touch."""
    phone.goto(live_server + "/?lang=pt")
    phone.locator(".app-title").first.tap()  # intent: the app starts
    start_app(phone)
    height = 844
    boxes = phone.evaluate(
        """() => Object.fromEntries(['.headline', '#map-title', '#map-wrap', '.controls', '.lang-buttons']
            .map(s => [s, document.querySelector(s).getBoundingClientRect().toJSON()]))"""
    )
    assert boxes[".headline"]["bottom"] < height
    assert boxes["#map-title"]["bottom"] < height
    assert boxes["#map-wrap"]["top"] < height  # the top of the map is on the first screen
    assert boxes[".controls"]["height"] == 0  # folded
    assert boxes[".lang-buttons"]["height"] == 0  # the languages are a menu
    toggle = phone.locator(".controls-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert phone.locator("#indicator").is_visible()
    # Nothing is wider than the phone, the about panel open (its citations name long files) included.
    phone.evaluate("() => { document.querySelector('.about-panel').open = true; }")
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
    phone.locator(".lang-menu summary").tap()
    phone.locator(".lang-menu a[lang=es]").tap()
    phone.wait_for_url("**lang=es**")


def test_a_tap_on_a_large_country_is_not_taken_by_a_small_islands_dot(phone: Any, live_server: str) -> None:
    """Tapped on its coast beside Bonaire's dot (its shape is too small to tap, so it is drawn as a dot), Venezuela
    is selected, not Bonaire; a tap on the dot itself still picks the island."""
    phone.goto(live_server + "/?lang=en")
    phone.locator(".app-title").first.tap()  # intent: the app starts
    start_app(phone)
    spot = phone.evaluate(BESIDE_BONAIRE)
    assert spot["coast"], f"no point of Venezuela within 16 px of Bonaire's dot: {spot}"
    phone.touchscreen.tap(spot["coast"]["x"], spot["coast"]["y"])
    phone.wait_for_function("() => new URLSearchParams(location.search).get('countries') !== null")
    assert "countries=VEN" in phone.url, phone.url
    wait_idle(phone)
    spot = phone.evaluate(BESIDE_BONAIRE)  # the page has moved: the selection's profile link came in above the map
    phone.touchscreen.tap(spot["dot"]["x"], spot["dot"]["y"])
    phone.wait_for_function("() => (new URLSearchParams(location.search).get('countries') || '').includes(',')")
    # At a phone's zoom the dots of Bonaire and Curaçao (70 km apart) overlap: the finger picks one of them.
    assert query(phone)["countries"][0].split(",")[1] in ("BES", "CUW")


BESIDE_BONAIRE = """() => {
    const gd = document.querySelector('#map .js-plotly-plot');
    const venezuela = [...gd.querySelectorAll('.choroplethlayer g.trace')[1].querySelectorAll('path')]
        .find(p => p.__data__ && p.__data__.loc === 'VEN');
    const dots = gd.data.find(trace => trace.meta === 'dots');
    const index = dots.customdata.findIndex(row => row[2] === 'BES');
    const dot = [...gd.querySelectorAll('.scattergeo .point')].find(p => p.__data__ && p.__data__.lonlat
        && p.__data__.lonlat[0] === dots.lon[index] && p.__data__.lonlat[1] === dots.lat[index]);
    dot.scrollIntoView({block: 'center', behavior: 'instant'});
    const r = dot.getBoundingClientRect();
    const center = {x: r.x + r.width / 2, y: r.y + r.height / 2};
    const toPath = venezuela.getScreenCTM().inverse();
    for (let distance = 9; distance <= 16; distance++) {
        for (let step = 0; step < 32; step++) {
            const angle = step * Math.PI / 16;
            const x = center.x + distance * Math.cos(angle), y = center.y + distance * Math.sin(angle);
            // Inside the coast by 2 px all round: a tap is rounded to whole pixels, and the edge itself moves with a
            // fraction of a pixel of layout above the map.
            const inside = [[0, 0], [2, 0], [-2, 0], [0, 2], [0, -2]].every(([dx, dy]) =>
                venezuela.isPointInFill(new DOMPoint(x + dx, y + dy).matrixTransform(toPath)));
            if (inside) {
                return {coast: {x, y}, dot: center, distance};
            }
        }
    }
    return {coast: null, dot: center};
}"""
