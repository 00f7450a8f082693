"""The app fetches nothing from other hosts: no outside address in what it serves (the browser test checks the
requests a real page makes)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTSIDE = re.compile(
    r"https?://(cdn\.|cdnjs|unpkg|jsdelivr|fonts\.googleapis|fonts\.gstatic|api\.mapbox|cdn\.plot\.ly)"
)


def test_assets_name_no_cdn() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "assets").rglob("*")
        if path.is_file()
        and path.suffix in {".js", ".css", ".json", ".html"}
        and OUTSIDE.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not offenders, f"assets that point at a CDN: {offenders}"


def test_vendored_plotly_defaults_to_the_local_topojson() -> None:
    bundle = (ROOT / "assets" / "vendor" / "plotly-geo.min.js").read_text(encoding="utf-8")
    assert 'topojsonURL:{valType:"string",noBlank:!0,dflt:"/assets/topojson/"}' in bundle
