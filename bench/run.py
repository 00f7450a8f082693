"""Benchmark (not a test): first paint, the app's start, interactions and server times, on loopback.

Starts the app with gunicorn on a free loopback port and prints, from headless Chromium:
- per page (/, /country/SLV, /corridors/MEX): first contentful and largest contentful paint of the server's HTML
  (its charts are static SVG), bytes over the wire before the visitor shows intent, then the time from intent
  until the interactive app has taken the page's place and the bytes it loaded;
- a click on a country until the trend shows it, a year change (bytes; the map redrawn in the browser), a page
  switch to a profile, and the callback requests during 3 s of play;
and server times p50/p95 of the dashboard's callback (year change, click), the map of every year and whole pages.
Budgets (issue 14): click to trend <= 150 ms, page switch <= 400 ms, drawn map <= 1.0 s, first load <= 1,069 KB.
Lighthouse scores are bench/lighthouse.py.

Usage: .venv/bin/python bench/run.py [--rounds N]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402  (the browser the tests drive, same flags)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(workers: int = 2) -> Iterator[tuple[int, subprocess.Popen]]:
    """gunicorn with the app on a free loopback port for the duration of the block: (port, process)."""
    port = free_port()
    server = start_server(port, workers)
    try:
        yield port, server
    finally:
        server.terminate()
        server.wait(timeout=10)


def start_server(port: int, workers: int = 2) -> subprocess.Popen:
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": str(workers)}
    proc = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "--config",
            "gunicorn.conf.py",
            "--access-logfile",
            "/dev/null",
            "app:server",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the app did not start")


class Wire:
    """Bytes received per request, from Chromium's own network accounting (compressed sizes)."""

    def __init__(self, cdp: Any) -> None:
        self.bytes: dict[str, int] = {}
        self.urls: dict[str, str] = {}
        cdp.send("Network.enable")
        cdp.on("Network.requestWillBeSent", lambda e: self.urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: self.bytes.__setitem__(e["requestId"], e["encodedDataLength"]))

    def reset(self) -> None:
        self.bytes.clear()
        self.urls.clear()

    def total(self) -> int:
        return sum(self.bytes.values())

    def callback_requests(self) -> int:
        return sum(1 for u in self.urls.values() if "_dash-update-component" in u)


PAGES = ("/", "/country/SLV", "/corridors/MEX")
PAINTS = """window.__paints = {}; new PerformanceObserver(list => { for (const e of list.getEntries()) {
  window.__paints[e.name || e.entryType] = e.startTime; } }).observe({type: 'paint', buffered: true});
new PerformanceObserver(list => { const all = list.getEntries(); window.__paints.lcp = all[all.length - 1].startTime; })
  .observe({type: 'largest-contentful-paint', buffered: true});"""
TREND_HAS = (
    "name => { const gd = document.querySelector('#trend .js-plotly-plot');"
    " return gd && gd.data.some(t => t.name === name); }"
)
CLICKED = (("BRA", "Brazil"), ("ARG", "Argentina"), ("PER", "Peru"), ("COL", "Colombia"), ("BOL", "Bolivia"))


def median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def first_paint(browser: Any, base: str, path: str) -> dict[str, Any]:
    """One page from a fresh context: its first paint from the server's HTML, the bytes before the visitor shows
    intent, then the time from intent until the interactive app has taken the page's place, and its bytes."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.add_init_script(PAINTS)
    page = context.new_page()
    wire = Wire(page.context.new_cdp_session(page))
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    paints = page.evaluate("() => window.__paints")
    before = wire.total()
    start = time.perf_counter()
    page.mouse.move(400, 300)
    page.wait_for_function("() => !document.getElementById('static-page')", timeout=30000)
    ready = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    out = {
        "first_contentful_paint_ms": round(paints.get("first-contentful-paint", 0)),
        "largest_contentful_paint_ms": round(paints.get("lcp", 0)),
        "first_load_kb": round(before / 1024, 1),
        "intent_to_interactive_ms": round(ready * 1000),
        "app_kb": round((wire.total() - before) / 1024, 1),
    }
    context.close()
    return out


def interactions(browser: Any, base: str) -> dict[str, Any]:
    """On the dashboard, with the app running: a click on a country until the trend shows it, a year change with
    the keyboard (bytes, and the map redrawn without the server), a page switch, and 3 s of play."""
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    wire = Wire(page.context.new_cdp_session(page))
    out: dict[str, Any] = {}
    clicks = []
    for code, name in CLICKED * 3:  # fifteen clicks: a median that one slow frame does not move
        page.goto(base + "/")
        page.mouse.move(5, 5)
        page.wait_for_function("() => !document.getElementById('static-page')", timeout=30000)
        page.wait_for_load_state("networkidle")
        box = page.evaluate(
            """code => { const gd = document.querySelector('#map .js-plotly-plot');
            const path = Array.from(gd.querySelectorAll('.choroplethlayer g.trace')[1].querySelectorAll('path'))
              .find(p => p.__data__ && p.__data__.loc === code);
            path.scrollIntoView({block: 'center', behavior: 'instant'});  // as a person scrolls to it
            const r = path.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; }""",
            code,
        )
        start = time.perf_counter()
        page.mouse.click(box["x"], box["y"])
        page.wait_for_function(TREND_HAS, arg=name, timeout=10000, polling="raf")
        clicks.append((time.perf_counter() - start) * 1000)
    out["click_to_trend_ms"] = median(clicks)

    sizes, maps = [], []
    for key in ("ArrowLeft", "ArrowLeft", "ArrowRight"):
        page.wait_for_load_state("networkidle")
        wire.reset()
        page.focus("#year [role=slider]")
        start = time.perf_counter()
        page.keyboard.press(key)
        page.wait_for_function(
            "() => document.getElementById('map-wrap').getAttribute('data-drawn').split('|')[1] "
            "=== document.querySelector('#year [role=slider]').getAttribute('aria-valuenow')",
            polling="raf",
        )
        maps.append((time.perf_counter() - start) * 1000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        sizes.append(wire.total())
    out["year_change_kb"] = [round(size / 1024, 1) for size in sizes]
    out["year_change_map_redrawn_ms"] = median(maps)

    switches = []
    for _ in range(3):
        link = page.locator(".profile-link").first
        start = time.perf_counter()
        link.click()
        page.wait_for_selector("#static-page .page-title, #page-country .page-title", timeout=10000)
        switches.append((time.perf_counter() - start) * 1000)
        page.go_back()
        page.wait_for_selector("#map-wrap, #static-page .map-panel", timeout=10000)
    out["page_switch_ms"] = median(switches)

    # Play a long annual series from its start, so 3 s of animation never reach its end (where it stops).
    page.goto(base + "/?indicator=remittances_gdp")
    page.mouse.move(5, 5)
    page.wait_for_function("() => !document.getElementById('static-page')", timeout=30000)
    page.wait_for_load_state("networkidle")
    page.evaluate("""() => { window.__calls = 0; const f = window.fetch;
        window.fetch = (...a) => { if (String(a[0]).includes('_dash-update-component')) window.__calls++;
                                   return f(...a); }; }""")
    page.click("#play")
    page.wait_for_function("() => document.querySelector('#play').textContent.includes('❚❚')")
    before = page.evaluate("() => window.__calls")
    page.wait_for_timeout(3000)
    out["callback_requests_during_3s_of_play"] = page.evaluate("() => window.__calls") - before
    page.close()
    return out


def browser_numbers(base: str) -> dict[str, Any]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        pages = {path: first_paint(browser, base, path) for path in PAGES}
        out = {"pages": pages, **interactions(browser, base)}
        browser.close()
    return out


def post(base: str, payload: dict[str, Any]) -> float:
    request = urllib.request.Request(
        base + "/_dash-update-component",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "Accept-Encoding": "gzip"},
    )
    start = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


def get(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


def server_numbers(base: str, rounds: int) -> dict[str, Any]:
    """Loopback times of the dashboard's callback for a year change and a click on a country (requests built from
    the app's own callback registry), of the map of every year of a view, and of whole pages."""
    from app import server
    from core.state.urlstate import ViewState
    from core.web import routes
    from tests.test_hostile import map_click, payload, server_callbacks, valid_values

    server.test_client().get("/")  # fills the callback registry
    view = next(o for o in server_callbacks() if "trend.figure" in o)
    years = [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2024]

    def year_change(year: int) -> dict[str, Any]:
        values = {**valid_values(), ("indicator", "value"): "emigrant_share", ("committed-year", "data"): year}
        values[("view-state", "data")] = {**values[("view-state", "data")], "indicator": "emigrant_share"}
        body = payload(view, values)
        body["changedPropIds"] = ["committed-year.data"]
        return body

    year = [post(base, year_change(years[i % len(years)])) for i in range(rounds)]
    clicks = [post(base, map_click(("GTM", "CRI", "PAN", "NIC")[i % 4])) for i in range(rounds)]
    indicators = ["emigrant_share", "remittances_usd", "female_share", "remittance_cost", "remittances_gdp"]
    frames = [
        get(base + routes.frames_url(ViewState(indicator=indicators[i % 5], focus="lac"))) for i in range(rounds // 4)
    ]
    pages = {path: [get(base + path) for _ in range(max(10, rounds // 10))] for path in PAGES}

    def pct(values: list[float]) -> dict[str, float]:
        q = statistics.quantiles(values, n=20)
        return {"p50_ms": round(statistics.median(values), 1), "p95_ms": round(q[18], 1)}

    return {
        "year_change_server": pct(year),
        "map_click_server": pct(clicks),
        "map_of_every_year_route": pct(frames),
        "page_html_server": {path: pct(times) for path, times in pages.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    with serving() as (port, _):
        base = f"http://127.0.0.1:{port}"
        results = {**browser_numbers(base), **server_numbers(base, args.rounds)}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
