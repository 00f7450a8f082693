"""The view cache: in-process by default, and a real Redis on loopback shared by several app processes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.data import cache

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throwaway redis-server on loopback (Debian's redis-server, installed by `make test`)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is missing: install Debian's redis-server (make test does it when run as root)")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import redis

    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    else:
        proc.kill()
        pytest.fail("redis-server did not start")
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)


def test_local_backend_is_a_bounded_lru() -> None:
    store = cache.LocalBackend(2, 10_000)
    store.set("a", 1)
    store.set("b", 2)
    assert store.get("a") == 1  # a is now the most recent
    store.set("c", 3)
    assert store.get("b") is None
    assert (store.get("a"), store.get("c")) == (1, 3)


def test_local_backend_is_bounded_in_bytes() -> None:
    store = cache.LocalBackend(100, 1000)
    for number in range(10):
        store.set(str(number), "x" * 300)  # about 302 bytes each as JSON: three fit
    assert store.bytes <= 1000
    assert [store.get(str(n)) is not None for n in range(10)] == [False] * 7 + [True] * 3
    store.set("huge", "x" * 5000)  # larger than the whole cache: not kept, nothing evicted for it
    assert store.get("huge") is None
    assert store.get("9") is not None


def test_breaker_skips_a_failing_service_then_probes_once() -> None:
    now = [100.0]
    breaker = cache.Breaker(15.0, clock=lambda: now[0])
    assert breaker.allows()
    breaker.failed(ConnectionError("down"))
    assert not breaker.allows()
    now[0] += 16
    assert breaker.allows()  # one probe
    assert not breaker.allows()  # the others keep skipping while it runs
    breaker.succeeded()
    assert breaker.allows()


def test_keys_carry_the_data_version() -> None:
    assert cache.key("map", "v1", ["x"]) != cache.key("map", "v2", ["x"])
    assert cache.key("map", "v1", ["x"]) == cache.key("map", "v1", ["x"])


def test_redis_backend_shares_values(redis_url: str) -> None:
    first = cache.RedisBackend(redis_url, ttl=60, local_size=4, local_bytes=10_000)
    second = cache.RedisBackend(redis_url, ttl=60, local_size=4, local_bytes=10_000)  # another worker or instance
    first.set("lacmig:test:k", {"years": [1990, 2020]})
    assert second.get("lacmig:test:k") == {"years": [1990, 2020]}
    assert 0 < first.client.ttl("lacmig:test:k") <= 60


def test_redis_outage_falls_back_to_computing(caplog: pytest.LogCaptureFixture) -> None:
    dead = cache.RedisBackend(f"redis://127.0.0.1:{free_port()}/0", ttl=60, local_size=4, local_bytes=10_000)
    with caplog.at_level("WARNING", logger="lacmig.cache"):
        assert dead.get("anything") is None
        dead.set("k", 1)  # never raised
        assert dead.get("k") == 1  # the local layer still serves this process
        for number in range(20):
            assert dead.get(f"other-{number}") is None
    assert [r.getMessage()[:30] for r in caplog.records] == ["Redis cache unavailable (Conne"]  # logged once


@pytest.fixture
def hung_redis() -> Iterator[str]:
    """A server that accepts connections and never answers: a hung Redis."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    listener.close()


def test_a_hung_redis_costs_one_short_timeout_then_nothing(hung_redis: str, caplog: pytest.LogCaptureFixture) -> None:
    backend = cache.RedisBackend(hung_redis, ttl=60, local_size=4, local_bytes=10_000)
    with caplog.at_level("WARNING", logger="lacmig.cache"):
        started = time.perf_counter()
        assert backend.get("first") is None
        first = time.perf_counter() - started
        started = time.perf_counter()
        for number in range(200):
            assert backend.get(f"k{number}") is None
            backend.set(f"k{number}", number)
        rest = (time.perf_counter() - started) / 200
    assert first < 0.5, f"the first miss waited {first:.3f} s"
    assert rest < 0.002, f"each later request waited {rest * 1000:.2f} ms"
    assert len([r for r in caplog.records if "unavailable" in r.getMessage()]) == 1


def test_redis_recovery_is_logged_once(redis_url: str, caplog: pytest.LogCaptureFixture) -> None:
    backend = cache.RedisBackend(redis_url, ttl=60, local_size=4, local_bytes=10_000)
    with caplog.at_level("WARNING", logger="lacmig.cache"):
        backend.breaker.failed(ConnectionError("simulated outage"))
        backend.breaker.open_until = 0.0  # the pause is over: the next call probes
        backend.set("lacmig:test:again", 1)
        backend.set("lacmig:test:again2", 2)
    messages = [r.getMessage() for r in caplog.records]
    assert messages[-1] == "Redis cache available again"
    assert sum("available again" in m for m in messages) == 1


def test_two_app_processes_share_the_map_payload_through_redis(redis_url: str) -> None:
    """A view computed by one process is read, not recomputed, by another process using the same Redis."""
    script = (
        "import json; from core.charts.dashboard import mapview as views; from core.data import cache;"
        "from core.state.urlstate import ViewState;"
        "computed = [];"
        "inner = views._map_payload;"
        "views._map_payload = lambda *a: computed.append(a) or inner(*a);"
        "s = ViewState(indicator='female_share', focus='caricom', countries=('JAM',));"
        "payload = json.loads(views.map_json(s));"
        "print(json.dumps({'computed': len(computed), 'years': payload['years'],"
        " 'backend': type(cache.backend()).__name__}))"
    )
    env = {**os.environ, "REDIS_URL": redis_url}
    runs = []
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
        )
        runs.append(__import__("json").loads(out.stdout.strip().splitlines()[-1]))
    assert runs[0]["backend"] == runs[1]["backend"] == "RedisBackend"
    import redis

    keys = redis.Redis.from_url(redis_url).keys("lacmig:*:map:*")
    assert keys, "the first process stored the map payload in Redis"
    assert (runs[0]["computed"], runs[1]["computed"]) == (1, 0), "the second process computed the view again"
    assert runs[0]["years"] == runs[1]["years"]
