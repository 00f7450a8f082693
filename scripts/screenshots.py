"""Headless screenshots of a running dashboard at laptop, projector and phone sizes (for looking, not testing).

Usage: python scripts/screenshots.py [BASE_URL] [PATH_AND_QUERY] [OUT_DIR]
e.g.   python scripts/screenshots.py http://127.0.0.1:8050/ "country/SLV?focus=sica" shots/profile
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS

SIZES = {"laptop": (1366, 768), "projector": (1920, 1080), "phone": (390, 844)}


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8050/"
    query = sys.argv[2] if len(sys.argv) > 2 else ""
    out = Path(sys.argv[3] if len(sys.argv) > 3 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        for name, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            messages: list[str] = []
            page.on("console", lambda m, sink=messages: sink.append(f"{m.type}: {m.text}"))
            page.goto(base + query)
            ready = {"country/": "#profile-body .js-plotly-plot", "corridors/": "#cv-flow-map .choropleth path"}
            selector = next((v for k, v in ready.items() if query.startswith(k)), "#map .choropleth path")
            page.wait_for_selector(selector, state="attached", timeout=20000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1500)
            page.screenshot(path=str(out / f"{name}.png"), full_page=name != "projector")
            print(name, "console:", messages[:5])
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
