"""Slow-client benchmark (not a test), loopback only: four attacks of `--connections` connections each, for
`--seconds` seconds each, against gunicorn started as `make run` starts it; while each runs, a normal client asks
for /healthz, a map update (the map of every year of a view) and a year change (the dashboard's callback) every half
second and records how long each took.

The attacks: silent connections (connect, send nothing); request headers trickled a byte at a time; a request body
trickled a byte at a time (a callback POST announcing 64 KB); a client that asks for a large answer (the plotly.js
bundle, uncompressed) and reads it a few bytes at a time through a tiny receive buffer.

Passes when every normal request during every attack was answered, within a second each.

Usage: .venv/bin/python bench/slowclients.py [--connections 50] [--seconds 60] [--workers 2]
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load import bodies  # noqa: E402
from run import serving  # noqa: E402

LIMIT_S = 1.0
BIG_ASSET = "/assets/vendor/plotly-geo.min.js?v=4.1.1"


def silent(port: int, stop: threading.Event) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        stop.wait()


def trickle(sock: socket.socket, data: bytes, stop: threading.Event, pause: float = 1.0) -> None:
    """Send `data` one byte per `pause` seconds until it is all sent or the attack stops."""
    for byte in data:
        if stop.wait(pause):
            return
        try:
            sock.sendall(bytes([byte]))
        except OSError:
            return


def slow_headers(port: int, stop: threading.Event) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        header = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 500 + b"\r\n\r\n"
        trickle(sock, header, stop)


def slow_body(port: int, stop: threading.Event) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(
            b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 65536\r\n\r\n"
        )
        trickle(sock, b"{" + b" " * 65535, stop)


def slow_reader(port: int, stop: threading.Event) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
    sock.settimeout(5)
    with sock:
        sock.connect(("127.0.0.1", port))
        while not stop.is_set():
            sock.sendall(f"GET {BIG_ASSET} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            received = 0
            while not stop.is_set() and received < 400_000:
                try:
                    chunk = sock.recv(16)
                except OSError:
                    return
                if not chunk:
                    return
                received += len(chunk)
                stop.wait(0.05)


ATTACKS = {
    "silent connections": silent,
    "trickled headers": slow_headers,
    "slow body": slow_body,
    "slow reader": slow_reader,
}


def attacker(attack: Any, port: int, stop: threading.Event) -> None:
    """One attacking connection, reopened whenever the server closes it, until the attack stops."""
    while not stop.is_set():
        try:
            attack(port, stop)
        except OSError:
            stop.wait(0.2)


POOL: list[tuple[str, bytes]] = []  # (map route, year change) pairs of random views, built once


def normal_client(port: int, stop: threading.Event, times: dict[str, list[float]], failures: list[str]) -> None:
    turn = 0
    while not stop.is_set():
        frames, change = POOL[turn % len(POOL)]
        turn += 1
        for kind, method, path, body in (
            ("healthz", "GET", "/healthz", None),
            ("map update", "GET", frames, None),
            ("year change", "POST", "/_dash-update-component", change),
        ):
            started = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request(method, path, body=body, headers={"Content-Type": "application/json"})
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status != 200:
                    failures.append(f"{kind}: {response.status}")
            except (OSError, http.client.HTTPException) as error:
                failures.append(f"{kind}: {type(error).__name__}")
            times.setdefault(kind, []).append(time.perf_counter() - started)
        stop.wait(0.5)


def run_attack(name: str, port: int, connections: int, seconds: float) -> dict[str, Any]:
    stop = threading.Event()
    threads = [
        threading.Thread(target=attacker, args=(ATTACKS[name], port, stop), daemon=True) for _ in range(connections)
    ]
    for thread in threads:
        thread.start()
    time.sleep(2)  # let the attack take hold before measuring
    times: dict[str, list[float]] = {}
    failures: list[str] = []
    normal = threading.Thread(target=normal_client, args=(port, stop, times, failures), daemon=True)
    normal.start()
    time.sleep(seconds)
    stop.set()
    normal.join(15)
    for thread in threads:
        thread.join(5)
    report: dict[str, Any] = {
        "attack": name,
        "connections": connections,
        "seconds": seconds,
        "failures": failures[:10],
        "failed": len(failures),
    }
    for kind, values in times.items():
        report[kind] = {
            "requests": len(values),
            "max_ms": round(max(values) * 1000, 1),
            "median_ms": round(sorted(values)[len(values) // 2] * 1000, 1),
        }
    report["ok"] = not failures and all(max(v) < LIMIT_S for v in times.values())
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--attacks", nargs="*", default=list(ATTACKS))
    args = parser.parse_args()
    reports = []
    POOL.extend(bodies(20, 7))
    with serving(args.workers) as (port, _server):
        for name in args.attacks:
            report = run_attack(name, port, args.connections, args.seconds)
            print(json.dumps(report), flush=True)
            reports.append(report)
    sys.exit(0 if all(r["ok"] for r in reports) else 1)


if __name__ == "__main__":
    main()
