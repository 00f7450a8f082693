"""Real-browser tests of the first paint: each page reads whole before any script runs (numbers, titles, charts
as SVG), loads no script until the visitor shows intent, and the interactive app then takes its place with the
same numbers and nothing moving (cumulative layout shift under 0.02)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser_helpers import wait_app

pytestmark = pytest.mark.browser

SHIFTS = """window.__shift = 0; new PerformanceObserver(list => { for (const entry of list.getEntries()) {
  if (!entry.hadRecentInput) { window.__shift += entry.value; } } }).observe({type: 'layout-shift', buffered: true});"""
APP_SCRIPTS = ("/_dash-component-suites/", "plotly-geo", "/_dash-layout", "/_dash-dependencies")


@pytest.mark.parametrize("address", ["/", "/?lang=es&countries=MEX,GTM", "/country/SLV", "/corridors/MEX?lang=fr"])
def test_the_page_reads_before_any_script_and_the_app_takes_over_without_a_jump(
    still_page: Any, live_server: str, page_log: Any, address: str
) -> None:
    page = still_page
    page.add_init_script(SHIFTS)
    page.goto(live_server + address)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.evaluate("() => typeof window.DashRenderer") == "undefined"
    assert not [url for url in page_log.requests if any(part in url for part in APP_SCRIPTS)]
    numbers = page.locator("#static-page .headline-value").all_inner_texts()
    titles = page.locator("#static-page .chart-title").all_inner_texts()
    assert numbers
    assert all(text.strip() for text in numbers + titles)
    assert page.locator("#static-page .static-chart svg").count() >= 1  # at least one chart drawn before scripts
    page.mouse.move(300, 300)  # the visitor shows intent: the app loads and draws the same page out of sight
    wait_app(page)
    assert page.locator("#react-entry-point .headline-value").all_inner_texts() == numbers
    assert page.locator("#react-entry-point .chart-title").all_inner_texts() == titles
    assert page.locator(".js-plotly-plot").count() >= 1
    assert page.evaluate("() => window.__shift") < 0.02


def test_without_javascript_the_page_still_has_its_numbers_and_links(browser: Any, live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server + "/?indicator=remittances_usd&countries=MEX")
        assert any(text.startswith("US$") for text in page.locator(".headline-value").all_inner_texts())
        assert page.locator("#static-page .static-chart svg").count() == 3  # map, trend and ranking
        link = page.locator("a.profile-link", has_text="Mexico")
        assert link.get_attribute("href") == "/country/MEX?indicator=remittances_usd&countries=MEX"
        link.click()
        page.wait_for_url("**/country/MEX**")
        assert page.locator("h1").first.inner_text() == "Mexico"
    finally:
        context.close()
