"""Benchmark (not a test): server-drawn link-preview images (core.figures.svg + raster), cold and warm.

Two cards, built from the real data as a preview route would build them:
- map: the LAC emigrant-share map (the dashboard's default view), its title, subtitle, source and data edition;
- trend: El Salvador's profile trend of emigrant_share beside Central America and LAC (/country/SLV).
Each is timed in a fresh process (so nothing is cached): "cold" is the first card after the data store is
loaded (what the first request on a new worker pays: geometry parsed, font metrics read, resvg's first call),
"process" adds Python's imports and the store load before it; "warm" is the median of the next rounds in the
same process (caches filled, as every later request). Budgets: warm <= 300 ms, cold <= 2 s.

Usage: .venv/bin/python bench/previews.py [--rounds N] [--out DIR] [--lang en]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

START = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.charts import profile as profiles  # noqa: E402
from core.charts.dashboard import mapview  # noqa: E402
from core.data.store import get_store  # noqa: E402
from core.figures import projection, raster  # noqa: E402
from core.figures.svg import map as svg_map  # noqa: E402
from core.figures.svg import trend as svg_trend  # noqa: E402
from core.i18n.catalog import t  # noqa: E402
from core.i18n.formats import fmt_number  # noqa: E402
from core.state.options import options  # noqa: E402
from core.state.urlstate import ViewState  # noqa: E402
from core.web import embeds  # noqa: E402

IMPORTED = time.perf_counter()


@functools.lru_cache(maxsize=1)
def shapes(version: str) -> projection.Geometry:
    """The map's shapes, parsed once per data version."""
    return projection.geometry(json.loads(gzip.decompress(get_store().geometry_gzip))["features"])


def source_line(sources: str, lang: str) -> str:
    return f"{t('sources.label', lang)} {sources}."


def edition(lang: str) -> str:
    return t("embed.pinned_note", lang, version=get_store().version)


def map_card(lang: str) -> bytes:
    """The dashboard's default map (LAC, emigrant share, latest year) as a 1200 x 630 PNG."""
    state = ViewState(indicator="emigrant_share", focus="lac", lang=lang)
    texts = embeds.chart_texts(state)
    year = state.resolved_year(options())
    title, subtitle = texts["charts"]["map"]["title"], texts["charts"]["map"]["subtitle"]
    width, height = raster.chart_slot(title, subtitle, side=True).chart_size
    data = svg_map.choropleth_data(mapview.map_data(state, year), shapes(get_store().version))
    chart = svg_map.choropleth(data, width, height, title, uid="card-map")
    card = raster.preview_card(
        title, subtitle, chart, source_line(texts["sources"], lang), edition(lang), lang, side=True
    )
    return raster.png(card, raster.CARD_WIDTH, raster.CARD_HEIGHT)


def trend_card(lang: str, country: str = "SLV", indicator: str = "emigrant_share") -> bytes:
    """A country profile's trend (the country beside its subregion and LAC) as a 1200 x 630 PNG."""
    state = ViewState(indicator=indicator, focus="lac", lang=lang, page="country", subject=country)
    chart = profiles.trend_chart(state, indicator)
    width, height = raster.chart_slot(chart.title, chart.subtitle).chart_size
    drawn = svg_trend.lines(
        **svg_trend.trend_args(chart.figure),
        width=width,
        height=height,
        title=chart.title,
        uid="card-trend",
        tick_format=lambda value, decimals: fmt_number(value, lang, decimals),
    )
    card = raster.preview_card(
        chart.title, chart.subtitle, drawn, source_line(chart.sources, lang), edition(lang), lang
    )
    return raster.png(card, raster.CARD_WIDTH, raster.CARD_HEIGHT)


CARDS = {"map": map_card, "trend": trend_card}


def one(card: str, rounds: int, lang: str, out: str) -> dict[str, float]:
    """Time one card in this process: store load, first (cold) card, then warm rounds."""
    before = time.perf_counter()
    get_store()
    options()
    loaded = time.perf_counter()
    image = CARDS[card](lang)
    cold = time.perf_counter() - loaded
    warm = []
    for _ in range(rounds):
        began = time.perf_counter()
        CARDS[card](lang)
        warm.append(time.perf_counter() - began)
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        (Path(out) / f"card-{card}-{lang}.png").write_bytes(image)
    return {
        "imports_ms": (IMPORTED - START) * 1000,
        "store_ms": (loaded - before) * 1000,
        "cold_ms": cold * 1000,
        "process_ms": (IMPORTED - START + loaded - before + cold) * 1000,
        "warm_ms": statistics.median(warm) * 1000,
        "warm_max_ms": max(warm) * 1000,
        "png_bytes": len(image),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--out", default="", help="folder to write the PNGs to")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--one", choices=sorted(CARDS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.rounds, args.lang, args.out)))
        return
    print(f"{'card':<7}{'process':>10}{'cold':>8}{'warm p50':>10}{'warm max':>10}{'PNG':>9}")
    for card in CARDS:
        command = [sys.executable, __file__, "--one", card, "--rounds", str(args.rounds), "--lang", args.lang]
        result = json.loads(
            subprocess.run(
                command + (["--out", args.out] if args.out else []), check=True, capture_output=True, text=True
            ).stdout
        )
        print(
            f"{card:<7}{result['process_ms']:>8.0f}ms{result['cold_ms']:>6.0f}ms{result['warm_ms']:>8.0f}ms"
            f"{result['warm_max_ms']:>8.0f}ms{result['png_bytes'] / 1024:>7.0f}KB"
        )


if __name__ == "__main__":
    main()
