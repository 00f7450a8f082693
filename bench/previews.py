"""Benchmark (not a test): the link-preview images of the three kinds of page (core.charts.cards), cold and warm.

Each card is timed in a fresh process: "cold" is the first image after the data store is loaded (what the first
request for a view on a new worker pays: the chart built, its still drawn, the font metrics read, resvg's first
call), "process" adds Python's imports and the store load before it; "warm" is the median of the next rounds in the
same process, with the image cache cleared each time so the drawing is timed (a cached image costs nothing).
Budgets (issue 18): warm <= 300 ms, cold <= 2 s.

Usage: .venv/bin/python bench/previews.py [--rounds N] [--out DIR] [--lang en]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

START = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.charts import cards  # noqa: E402
from core.data.store import get_store  # noqa: E402
from core.state.address import state_of  # noqa: E402

IMPORTED = time.perf_counter()
CARDS = {"map": ("/", ""), "profile": ("/country/SLV", "focus=central_america"), "corridors": ("/corridors/MEX", "")}


def one(card: str, rounds: int, lang: str, out: str) -> dict[str, float]:
    """Time one card in this process: store load, first (cold) card, then warm rounds."""
    before = time.perf_counter()
    get_store()
    loaded = time.perf_counter()
    path, query = CARDS[card]
    found = state_of(path, f"{query}&lang={lang}", None)
    assert found is not None
    state = cards.canonical(found[0])
    image = cards.png(state)
    cold = time.perf_counter() - loaded
    warm = []
    for _ in range(rounds):
        cards.png.cache_clear()  # type: ignore[attr-defined]
        began = time.perf_counter()
        cards.png(state)
        warm.append(time.perf_counter() - began)
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        (Path(out) / f"card-{card}-{lang}.png").write_bytes(image)
    return {
        "process_ms": (IMPORTED - START + loaded - before + cold) * 1000,
        "cold_ms": cold * 1000,
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
    print(f"{'card':<10}{'process':>10}{'cold':>8}{'warm p50':>10}{'warm max':>10}{'PNG':>9}")
    for card in CARDS:
        command = [sys.executable, __file__, "--one", card, "--rounds", str(args.rounds), "--lang", args.lang]
        done = subprocess.run(command + (["--out", args.out] if args.out else []), check=True, capture_output=True)
        result = json.loads(done.stdout.decode().strip().splitlines()[-1])
        print(
            f"{card:<10}{result['process_ms']:>8.0f}ms{result['cold_ms']:>6.0f}ms{result['warm_ms']:>8.0f}ms"
            f"{result['warm_max_ms']:>8.0f}ms{result['png_bytes'] / 1024:>7.0f}KB"
        )


if __name__ == "__main__":
    main()
