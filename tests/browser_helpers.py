"""Helpers shared by the real-browser tests: reading plotly graphs, waiting for Dash, opening the dashboard."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

GRAPH_JS = "id => document.querySelector('#' + id + ' .js-plotly-plot')"
IDLE_JS = """() => !document.querySelector('[data-dash-is-loading="true"]')"""


def graph(page: Any, graph_id: str, expression: str) -> Any:
    """Evaluate `expression` (JS, with `gd` the plotly graph div of `graph_id`) in the page."""
    return page.evaluate(f"id => {{ const gd = ({GRAPH_JS})(id); return {expression}; }}", graph_id)


def wait_graph(page: Any, graph_id: str, condition: str, arg: Any = None) -> None:
    """Wait until `condition` (JS, with `gd` the graph div and `arg`) holds for a drawn plotly graph."""
    page.wait_for_function(
        f"([id, arg]) => {{ const gd = ({GRAPH_JS})(id);"
        f" return !!(gd && gd.data && gd._fullLayout && ({condition})); }}",
        arg=[graph_id, arg],
    )


def query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def wait_query(page: Any, predicate: str) -> None:
    """Wait until the location's query string satisfies `predicate` (JS, with `q` a URLSearchParams)."""
    page.wait_for_function(f"() => {{ const q = new URLSearchParams(location.search); return {predicate}; }}")


def wait_idle(page: Any) -> None:
    """Wait until Dash has no callback in flight (it marks the components it is updating)."""
    page.wait_for_function(IDLE_JS)


def open_dashboard(page: Any, origin: str, search: str = "") -> None:
    """Load the page and wait until the charts are drawn from the URL and no callback is in flight."""
    page.goto(origin + "/" + search)
    page.wait_for_selector("#map .choropleth path")
    wait_graph(page, "map", "gd.data.length >= 3 && gd.data[1].locations && gd.data[1].locations.length > 0")
    wait_graph(page, "trend", "gd.data.length >= 1")
    wait_graph(page, "ranking", "gd.data.length >= 1")
    page.wait_for_function("() => document.getElementById('map-title').textContent.trim().length > 0")
    wait_idle(page)
