"""Benchmark (not a test): first load, map drawing, year changes and server time of map updates.

Starts the app with gunicorn on a free loopback port and prints:
- first-load bytes over the wire (compressed, as the browser received them) and time until the map is drawn,
  in headless Chromium;
- bytes over the wire per year change (slider moved with the keyboard) and during the play animation;
- server time p50/p95 of the callbacks a year change and an indicator change cause.
Budgets (issue 3): first load <= 1.2 MB, year change <= 10 KB and <= 30 ms p95, map drawn <= 2 s.

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


def browser_numbers(base: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        wire = Wire(page.context.new_cdp_session(page))
        start = time.perf_counter()
        page.goto(base + "/")
        page.wait_for_selector("#map .choropleth path", timeout=30000)
        out["map_drawn_s"] = round(time.perf_counter() - start, 3)
        page.wait_for_load_state("networkidle")
        out["first_load_kb"] = round(wire.total() / 1024, 1)
        biggest = sorted(((wire.bytes.get(k, 0), u) for k, u in wire.urls.items()), reverse=True)[:5]
        out["first_load_largest"] = [(u.replace(base, ""), round(b / 1024, 1)) for b, u in biggest]

        sizes = []
        for key in ("ArrowLeft", "ArrowLeft", "ArrowRight"):
            wire.reset()
            page.focus("#year [role=slider]")
            page.keyboard.press(key)
            page.wait_for_timeout(300)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            sizes.append(wire.total())
        out["year_change_kb"] = [round(s / 1024, 1) for s in sizes]

        # Play a long annual series from its start, so 3 s of animation never reach its end (where it stops).
        page.goto(base + "/?indicator=remittances_gdp")
        page.wait_for_selector("#map .choropleth path", timeout=30000)
        page.wait_for_load_state("networkidle")
        # Count the callback requests the page itself sends, by wrapping fetch (exact, unlike event timing).
        page.evaluate("""() => { window.__calls = 0; const f = window.fetch;
            window.fetch = (...a) => { if (String(a[0]).includes('_dash-update-component')) window.__calls++;
                                       return f(...a); }; }""")
        page.click("#play")
        page.wait_for_function("() => document.querySelector('#play').textContent.includes('❚❚')")
        before = page.evaluate("() => window.__calls")
        page.wait_for_timeout(3000)
        out["callback_requests_during_3s_of_play"] = page.evaluate("() => window.__calls") - before
        page.click("#play")
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


def server_numbers(base: str, rounds: int) -> dict[str, Any]:
    """Times, over loopback HTTP, of the callbacks behind a year change and behind an indicator change."""
    from components import ids

    def state_for(indicator: str, year: int) -> dict[str, Any]:
        return {
            "indicator": indicator,
            "focus": "lac",
            "year": year,
            "countries": ["SLV", "HND"],
            "scale": None,
            "view": "map",
            "lang": "en",
            "direction": "out",
            "cyear": None,
            "page": "dashboard",
            "subject": None,
            "rejected": [],
        }

    def sync_payload(year: int) -> dict[str, Any]:
        values = [
            (ids.URL, "search", "?countries=SLV,HND"),
            (ids.URL, "pathname", "/"),
            (ids.INDICATOR, "value", "remittances_gdp"),
            (ids.FOCUS, "value", "lac"),
            (ids.COUNTRIES, "value", ["SLV", "HND"]),
            (ids.SCALE, "value", "linear"),
            (ids.VIEW, "value", "map"),
            (ids.COMMITTED_YEAR, "data", year),
            (ids.MAP, "clickData", None),
            (ids.RANKING, "clickData", None),
            (ids.LANG, "value", "en"),
            (ids.DIRECTION, "value", "out"),
            (ids.CYEAR, "value", 2020),
        ]
        outputs = [
            (ids.URL, "search"),
            (ids.STATE, "data"),
            (ids.VIEW_KEY, "data"),
            (ids.INDICATOR, "value"),
            (ids.FOCUS, "value"),
            (ids.COUNTRIES, "value"),
            (ids.SCALE, "value"),
            (ids.VIEW, "value"),
            (ids.YEAR, "min"),
            (ids.YEAR, "max"),
            (ids.YEAR, "step"),
            (ids.YEAR, "marks"),
            (ids.YEAR, "value"),
            (ids.NOTICE, "children"),
            (ids.LANG, "value"),
            (ids.REPLACE_URL, "data"),
            (ids.DIRECTION, "value"),
            (ids.CYEAR, "value"),
        ]
        return {
            "output": ".." + "...".join(f"{i}.{p}" for i, p in outputs) + "..",
            "outputs": [{"id": i, "property": p} for i, p in outputs],
            "inputs": [{"id": i, "property": p, "value": v} for i, p, v in values],
            "state": [
                {"id": ids.VIEW_KEY, "property": "data", "value": None},
                {"id": ids.BROWSER_LANG, "property": "data", "value": "en"},
            ],
            "changedPropIds": [f"{ids.COMMITTED_YEAR}.data"],
        }

    panel_outputs = [
        "trend.figure",
        "ranking.figure",
        "headlines.children",
        "data-table.children",
        "data-table.hidden",
        "map-wrap.hidden",
        "map-title.children",
        "trend-title.children",
        "ranking-title.children",
        "export-meta.data",
        "profile-links.children",
    ]

    def panels_payload(year: int) -> dict[str, Any]:
        return {
            "output": ".." + "...".join(panel_outputs) + "..",
            "outputs": [{"id": o.split(".")[0], "property": o.split(".")[1]} for o in panel_outputs],
            "inputs": [{"id": ids.STATE, "property": "data", "value": state_for("remittances_gdp", year)}],
            "state": [{"id": ids.BROWSER_LANG, "property": "data", "value": "en"}],
            "changedPropIds": [f"{ids.STATE}.data"],
        }

    def view_key(indicator: str) -> dict[str, Any]:
        return {"indicator": indicator, "focus": "lac", "scale": "linear", "lang": "en", "dashboard": True}

    def frames_payload(indicator: str) -> dict[str, Any]:
        return {
            "output": f"{ids.FRAMES}.data",
            "outputs": {"id": ids.FRAMES, "property": "data"},
            "inputs": [{"id": ids.VIEW_KEY, "property": "data", "value": view_key(indicator)}],
            "state": [{"id": ids.STATE, "property": "data", "value": state_for(indicator, 2015)}],
            "changedPropIds": [f"{ids.VIEW_KEY}.data"],
        }

    years = list(range(1990, 2025))
    year_change = [
        post(base, sync_payload(years[i % len(years)])) + post(base, panels_payload(years[i % len(years)]))
        for i in range(rounds)
    ]
    indicators = ["emigrant_share", "remittances_usd", "female_share", "remittance_cost", "remittances_gdp"]
    indicator_change = [post(base, frames_payload(indicators[i % len(indicators)])) for i in range(rounds // 4)]

    def pct(values: list[float]) -> dict[str, float]:
        q = statistics.quantiles(values, n=20)
        return {"p50_ms": round(statistics.median(values), 1), "p95_ms": round(q[18], 1)}

    return {"year_change_server": pct(year_change), "indicator_change_map_frames_server": pct(indicator_change)}


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
