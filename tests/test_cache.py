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

from core import cache

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
    store = cache.LocalBackend(2)
    store.set("a", 1)
    store.set("b", 2)
    assert store.get("a") == 1  # a is now the most recent
    store.set("c", 3)
    assert store.get("b") is None
    assert (store.get("a"), store.get("c")) == (1, 3)


def test_keys_carry_the_data_version() -> None:
    assert cache.key("map", "v1", ["x"]) != cache.key("map", "v2", ["x"])
    assert cache.key("map", "v1", ["x"]) == cache.key("map", "v1", ["x"])


def test_redis_backend_shares_values(redis_url: str) -> None:
    first = cache.RedisBackend(redis_url, ttl=60, local_size=4)
    second = cache.RedisBackend(redis_url, ttl=60, local_size=4)  # another worker or instance
    first.set("lacmig:test:k", {"years": [1990, 2020]})
    assert second.get("lacmig:test:k") == {"years": [1990, 2020]}
    assert 0 < first.client.ttl("lacmig:test:k") <= 60


def test_redis_outage_falls_back_to_computing() -> None:
    dead = cache.RedisBackend(f"redis://127.0.0.1:{free_port()}/0", ttl=60, local_size=4)
    assert dead.get("anything") is None
    dead.set("k", 1)  # logged once, never raised
    assert dead.get("k") == 1  # the local layer still serves this process


def test_two_app_processes_share_the_map_payload_through_redis(redis_url: str) -> None:
    """A view computed by one process is read, not recomputed, by another process using the same Redis."""
    script = (
        "import time, json; from core import views, cache; from core.urlstate import ViewState;"
        "s = ViewState(indicator='female_share', focus='caricom', countries=('JAM',));"
        "t = time.perf_counter(); views.map_payload(s); dt = time.perf_counter() - t;"
        "print(json.dumps({'seconds': dt, 'backend': type(cache.backend()).__name__}))"
    )
    env = {**os.environ, "REDIS_URL": redis_url}
    runs = []
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=120, check=True)  # fmt: skip
        runs.append(__import__("json").loads(out.stdout.strip().splitlines()[-1]))
    assert runs[0]["backend"] == runs[1]["backend"] == "RedisBackend"
    import redis

    keys = redis.Redis.from_url(redis_url).keys("lacmig:*:map:*")
    assert keys, "the first process stored the map payload in Redis"
    assert runs[1]["seconds"] < runs[0]["seconds"]
