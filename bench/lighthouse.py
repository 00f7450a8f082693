"""Benchmark (not a test): Lighthouse, as PageSpeed reports it, on the three kinds of page.

Runs Lighthouse (npm, pinned in bench/package.json; installed into bench/node_modules by `npm ci --prefix bench`
when missing) offline against Debian's Chromium, with its default simulated throttling: mobile and desktop, on
/, /country/SLV and /corridors/MEX, three runs each, against the app under gunicorn on a free loopback port; prints
the medians of the performance, accessibility and SEO scores and of FCP, LCP, TBT, CLS, speed index and bytes.
Budgets (issue 14): performance >= 75 mobile and >= 95 desktop, mobile LCP <= 2.5 s and TBT <= 1,500 ms, CLS <= 0.02.

Usage: .venv/bin/python bench/lighthouse.py [--runs N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))
from run import PAGES, serving  # noqa: E402

from tests.conftest import CHROMIUM  # noqa: E402

LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
METRICS = {
    "FCP s": ("first-contentful-paint", 1000),
    "LCP s": ("largest-contentful-paint", 1000),
    "TBT ms": ("total-blocking-time", 1),
    "CLS": ("cumulative-layout-shift", 1),
    "SI s": ("speed-index", 1000),
    "KB": ("total-byte-weight", 1024),
}


def install() -> None:
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund"], check=True)


def run(url: str, preset: str) -> dict[str, float]:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        command = [
            str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", "--chrome-flags=--headless=new --no-sandbox",
            "--only-categories=performance,accessibility,seo", "--output=json", f"--output-path={report.name}",
            "--quiet", *(["--preset=desktop"] if preset == "desktop" else []),
        ]  # fmt: skip
        subprocess.run(command, check=True, timeout=300)
        found = json.loads(Path(report.name).read_text(encoding="utf-8"))
    scores = {name: round(100 * part["score"]) for name, part in found["categories"].items()}
    audits = found["audits"]
    return {**scores, **{name: audits[key]["numericValue"] / scale for name, (key, scale) in METRICS.items()}}


def cell(column: str, value: float) -> str:
    if column == "CLS":
        return f"{value:.3f}"
    return f"{value:.1f}" if column.endswith(" s") else f"{value:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write every run here")
    args = parser.parse_args()
    install()
    results: dict[str, Any] = {}
    with serving() as (port, _):
        for path in PAGES:
            for preset in ("mobile", "desktop"):
                runs = [run(f"http://127.0.0.1:{port}{path}", preset) for _ in range(args.runs)]
                results[f"{path} {preset}"] = runs
    columns = ["performance", "accessibility", "seo", *METRICS]
    print("| page, profile | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for name, runs in results.items():
        medians = [statistics.median(r[c] for r in runs) for c in columns]
        cells = [
            f"{m:.3f}" if c == "CLS" else f"{m:.1f}" if c.endswith(" s") else f"{m:.0f}"
            for c, m in zip(columns, medians, strict=True)
        ]
        print(f"| `{name.split()[0]}` {name.split()[1]} | " + " | ".join(cells) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
