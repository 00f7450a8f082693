"""The "2005 → today" page in a real browser: reached from the header, its statements and charts drawn, a statement's
link opening the chart that shows it, and a profile's link landing on the statement that names its country."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser_helpers import query, wait_app, wait_graph, wait_idle
from tests.test_browser_exports import png_size

pytestmark = pytest.mark.browser


def wait_then_and_now(page: Any) -> None:
    wait_app(page)
    for chart, lines in (("tn-emigrants", 3), ("tn-remittances", 2), ("tn-costs", 1)):  # a quoted figure is a line
        wait_graph(page, chart, "gd.data.length === arg", lines)
    wait_idle(page)


def test_a_statement_leads_to_the_chart_that_shows_it(page: Any, live_server: str) -> None:
    page.goto(live_server + "/?indicator=remittances_gdp&focus=sica")
    page.locator("#header-then-and-now").click()
    page.wait_for_url("**/then-and-now?**")
    wait_then_and_now(page)
    assert query(page) == {"indicator": ["remittances_gdp"], "focus": ["sica"]}  # the visitor's view travels along
    assert page.locator("article.statement").count() == 21
    mexico = page.locator("#statement-7")
    assert "over 10 million" in mexico.inner_text()
    assert "A ¶4" in mexico.inner_text()
    # CELADE's estimate is a point of its own beside UN DESA's two lines.
    quoted = page.evaluate(
        "() => { const gd = document.querySelector('#tn-emigrants .js-plotly-plot');"
        " return gd.data.filter(d => d.x.length === 1).map(d => [d.x[0], d.y[0]]); }"
    )
    assert quoted == [[2000, 25_000_000]]

    mexico.locator("a.statement-link", has_text="See the chart on the dashboard").click()
    page.wait_for_function("() => location.pathname === '/'")
    wait_app(page)
    assert query(page) == {
        "indicator": ["emigrant_stock"],
        "year": ["2005"],
        "focus": ["lac_states"],
        "countries": ["MEX"],
    }
    wait_graph(page, "trend", "gd.data.some(d => d.name === 'Mexico')")
    page.wait_for_function("() => document.getElementById('map-title').textContent.includes('2005')")
    mexico_2005 = page.evaluate(
        "() => { const gd = document.querySelector('#trend .js-plotly-plot');"
        " const line = gd.data.find(d => d.name === 'Mexico'); return line.y[line.x.indexOf(2005)]; }"
    )
    assert mexico_2005 == 11_329_536  # the figure the statement set beside "over 10 million"


def test_a_profile_lands_on_the_statement_that_names_its_country(page: Any, live_server: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server + "/country/SLV?lang=es")
    wait_app(page)
    page.locator("#profile-then-and-now").click()
    page.wait_for_url("**/then-and-now?lang=es#statement-10")
    wait_app(page)  # the app has taken the place of the page the server sent, where the address pointed
    statement = page.locator("#statement-10")
    page.wait_for_function(
        "() => { const r = document.getElementById('statement-10').getBoundingClientRect();"
        " return r.top >= -2 && r.top < window.innerHeight / 2; }"
    )
    assert "El Salvador" in statement.inner_text()
    # On a phone nothing scrolls sideways: each measure's name sits over its values.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390


def test_its_charts_download_as_slides_and_as_data_with_their_metadata(
    page: Any, live_server: str, tmp_path: Path
) -> None:
    page.goto(live_server + "/then-and-now?lang=fr")
    wait_then_and_now(page)
    got = {}
    for fmt in ("png-1920", "view-csv"):
        kind = "image-export" if fmt.startswith("png") else "data-export"
        page.click("#chart-at-tn-costs .dropdown-toggle")
        item = page.locator(f'#chart-at-tn-costs [id*=\'"type":"{kind}"\'][id*=\'"format":"{fmt}"\']')
        item.wait_for(state="visible")
        with page.expect_download(timeout=30_000) as info:
            item.click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        got[fmt] = path
    assert png_size(got["png-1920"].read_bytes()) == (1920, 1080)
    assert got["view-csv"].name == "tn-costs.csv"
    notes = [line for line in got["view-csv"].read_text(encoding="utf-8-sig").splitlines() if line.startswith("# ")]
    for label in ("Définition", "Unité", "Source", "Référence", "Licence", "Mises en garde", "Édition des données"):
        assert any(line.startswith(f"# {label}\u202f:") for line in notes), label
