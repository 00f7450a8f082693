"""Load benchmark (not a test), loopback only and bounded in time: the page and map updates under 50 and 200
concurrent users against gunicorn, and a soak reporting the workers' memory growth.

Each simulated user keeps one HTTP connection and loops: sometimes load the page (GET /), then ask for a map
update (the map of every year of a view, for a random indicator and focus), then a year change (the dashboard's
callback, with a random selection), pausing between actions like a person reading a chart (--think, mean
seconds; 0 turns every user into a flood). Reports requests/s, p50/p95/p99 latency and errors per kind.

Usage: .venv/bin/python bench/load.py [--users 50 200] [--seconds 20] [--soak 600] [--workers 2]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import serving  # noqa: E402

INDICATORS = [
    "emigrant_share",
    "emigrant_stock",
    "female_share",
    "remittances_usd",
    "remittances_gdp",
    "remittance_cost",
    "tertiary_emigration_rate",
]
FOCUSES = ["lac", "caribbean", "central_america", "south_america", "caricom", "sica", "mercosur", "world"]
COUNTRIES = ["MEX", "SLV", "HND", "GTM", "HTI", "JAM", "DOM", "COL", "VEN", "NIC"]


def bodies(count: int, seed: int) -> list[tuple[str, bytes]]:
    """Requests a person's actions send, built from the app's own callback registry: (map route, year change) pairs
    for random views (indicator, focus, selection) and years the indicator has."""
    from app import server
    from components import dashboard
    from core.state import address
    from core.state.options import options
    from core.web import routes
    from tests.test_hostile import payload, server_callbacks, valid_values

    server.test_client().get("/")  # fills the callback registry
    view_callback = next(o for o in server_callbacks() if "trend.figure" in o)
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        indicator, focus = rng.choice(INDICATORS), rng.choice(FOCUSES)
        query = f"?indicator={indicator}&focus={focus}&countries={','.join(rng.sample(COUNTRIES, rng.randint(0, 3)))}"
        found = address.state_of("/", query, "en")
        assert found is not None
        state = found[0]
        values = {
            **valid_values(),
            ("view-state", "data"): dashboard.store(state),
            ("indicator", "value"): indicator,
            ("focus", "value"): focus,
            ("countries", "data"): list(state.countries),
            ("committed-year", "data"): rng.choice(options().years[indicator]),
        }
        body = payload(view_callback, values)
        body["changedPropIds"] = ["committed-year.data"]
        out.append((routes.frames_url(state), json.dumps(body).encode()))
    return out


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}
        self.reasons: dict[str, int] = {}

    def add(self, kind: str, ms: float, ok: bool, reason: str = "") -> None:
        with self.lock:
            self.times.setdefault(kind, []).append(ms)
            if not ok:
                self.errors[kind] = self.errors.get(kind, 0) + 1
                self.reasons[f"{kind}: {reason}"] = self.reasons.get(f"{kind}: {reason}", 0) + 1


def user(port: int, until: float, seed: int, results: Results, think: float, pool: list[tuple[str, bytes]]) -> None:
    """One person: an action, then `think` seconds (on average) looking at the result, and again."""
    rng = random.Random(seed)
    time.sleep(rng.uniform(0, think))  # people do not all click at the same instant
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json", "Accept-Encoding": "gzip"}
    while time.monotonic() < until:
        frames, year_change = rng.choice(pool)
        requests = [
            ("page", "GET", rng.choice(("/", "/country/SLV", "/corridors/MEX")), None),
            ("map_update", "GET", frames, None),
            ("year_change", "POST", "/_dash-update-component", year_change),
        ]
        for kind, method, path, body in requests if rng.random() < 0.2 else requests[1:]:
            start = time.perf_counter()
            for attempt in (1, 2):
                reused = conn.sock is not None
                try:
                    conn.request(method, path, body=body, headers=headers if body else {"Accept-Encoding": "gzip"})
                    response = conn.getresponse()
                    response.read()
                    ok, reason = response.status < 400, str(response.status)
                    break
                except (OSError, http.client.HTTPException) as error:
                    ok, reason = False, type(error).__name__
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    # A kept-alive connection the server closed meanwhile is retried once on a new one, as browsers
                    # do; a failure on a fresh connection is an error.
                    if not (reused and attempt == 1 and isinstance(error, ConnectionError | http.client.HTTPException)):
                        break
            results.add(kind, (time.perf_counter() - start) * 1000, ok, reason)
        time.sleep(rng.expovariate(1 / think) if think else 0)
    conn.close()


POOL: list[tuple[str, bytes]] = []


def run_load(port: int, users: int, seconds: float, think: float) -> dict[str, Any]:
    if not POOL:
        POOL.extend(bodies(400, 20261129))
    results = Results()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=user, args=(port, until, n, results, think, POOL), daemon=True) for n in range(users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    report: dict[str, Any] = {"users": users, "seconds": seconds, "think_s": think}
    for kind, times in sorted(results.times.items()):
        q = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
        report[kind] = {
            "requests": len(times),
            "rps": round(len(times) / seconds, 1),
            "p50_ms": round(q[49], 1),
            "p95_ms": round(q[94], 1),
            "p99_ms": round(q[98], 1),
            "errors": results.errors.get(kind, 0),
        }
    report["error_reasons"] = results.reasons
    return report


def workers_rss_kb(master: int) -> int:
    """Resident memory of gunicorn's master and workers, from /proc (Linux)."""
    total = 0
    for pid in [master, *children(master)]:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--soak", type=float, default=0, help="seconds of soak at 50 users (0: none)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between a user's actions (0: none)")
    parser.add_argument(
        "--kill-worker",
        type=float,
        default=0,
        help="seconds into a 50-user run at which one worker is killed (SIGKILL); 0: none",
    )
    args = parser.parse_args()
    with serving(args.workers) as (port, server):
        run_load(port, 10, 5, 0)  # warm-up: connections opened, some views cached
        reports = [run_load(port, users, args.seconds, args.think) for users in args.users]
        out: dict[str, Any] = {"workers": args.workers, "load": reports}
        if args.soak:
            before = workers_rss_kb(server.pid)
            soak = run_load(port, 50, args.soak, args.think)
            after = workers_rss_kb(server.pid)
            out["soak"] = {
                **soak,
                "rss_before_mb": round(before / 1024, 1),
                "rss_after_mb": round(after / 1024, 1),
                "growth_pct": round(100 * (after - before) / before, 1),
            }
        if args.kill_worker:
            out["worker_killed"] = killed_run(port, server.pid, args.kill_worker, args.think)
    print(json.dumps(out, indent=2))


def killed_run(port: int, master: int, at: float, think: float) -> dict[str, Any]:
    """50 users for 2 × `at` seconds; one worker is killed at `at` seconds (gunicorn replaces it): the errors are the
    requests that worker had in flight."""
    victim: list[int] = []

    def kill() -> None:
        time.sleep(at)
        workers = children(master)
        if workers:
            victim.append(workers[0])
            os.kill(workers[0], signal.SIGKILL)

    killer = threading.Thread(target=kill, daemon=True)
    killer.start()
    report = run_load(port, 50, 2 * at, think)
    killer.join()
    return {**report, "killed_pid": victim[0] if victim else None, "workers_after": len(children(master))}


if __name__ == "__main__":
    main()
