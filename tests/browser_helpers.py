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


def wait_app(page: Any) -> None:
    """Wait until the interactive app has taken the place of the page the server sent (assets/boot.js)."""
    page.wait_for_function("() => !document.getElementById('static-page')")


def open_dashboard(page: Any, origin: str, search: str = "") -> None:
    """Load the page and wait until the app has drawn the charts from the URL and no callback is in flight."""
    page.goto(origin + "/" + search)
    wait_app(page)
    page.wait_for_selector("#map .choropleth path", state="attached")  # a zoomed focus may clip the first path
    wait_graph(page, "map", "gd.data.length >= 3 && gd.data[1].locations && gd.data[1].locations.length > 0")
    wait_graph(page, "trend", "gd.data.length >= 1")
    wait_graph(page, "ranking", "gd.data.length >= 1")
    page.wait_for_function("() => document.getElementById('map-title').textContent.trim().length > 0")
    wait_idle(page)


def country_point(page: Any, iso3: str, layer: int = 1) -> dict[str, float]:
    """Screen position inside a country's path (plotly binds {loc: ISO3} to each path). Choropleth layer 1 is the
    focus shapes on the main map (0 is the background land); layer 2 is the Eastern Caribbean inset."""
    box = page.evaluate(
        """([code, layer]) => {
            const gd = document.querySelector('#map .js-plotly-plot');
            const layers = gd.querySelectorAll('.choroplethlayer g.trace');
            const focus = layers[layer];
            const path = Array.from(focus.querySelectorAll('path')).find(p => p.__data__ && p.__data__.loc === code);
            if (!path) { return null; }
            let r = path.getBoundingClientRect();
            if (r.bottom > window.innerHeight || r.top < 0) {  // bring the map into view, as a person scrolls
                window.scrollBy({top: r.top - window.innerHeight / 2, behavior: 'instant'});
                r = path.getBoundingClientRect();
            }
            return {x: r.x + r.width / 2, y: r.y + r.height / 2, width: r.width, height: r.height};
        }""",
        [iso3, layer],
    )
    assert box, f"no path of {iso3} in the map's focus trace"
    assert box["width"] > 3, f"{iso3} is too small to click: {box}"
    assert box["height"] > 3, f"{iso3} is too small to click: {box}"
    return box


def click_country(page: Any, iso3: str) -> None:
    point = country_point(page, iso3)
    page.mouse.move(point["x"], point["y"])
    page.mouse.click(point["x"], point["y"])
