"""Cache of computed views (map payloads, figures): in-process by default; with REDIS_URL, one Redis shared by every
worker and instance, so N stateless instances behind a load balancer compute each view once.

Keys carry the data version, so publishing new data never serves an old view, and they are built only from
validated state (core.state.inputs), so their number is bounded by the data. The in-process cache is bounded in entries
and in bytes. Redis trouble never breaks a page and costs at most one short timeout: after a failure a circuit
breaker skips Redis for a while, then tries again; each outage and each recovery is logged once."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, ParamSpec, Protocol, TypeVar

from core.data.store import get_store
from core.state import settings

log = logging.getLogger("lacmig.cache")

REDIS_TIMEOUT = 0.05  # seconds: a Redis on the same network answers in about a millisecond
BREAKER_PAUSE = 15.0  # seconds Redis is left alone after a failure before one request tries it again


P = ParamSpec("P")
R = TypeVar("R")


def per_version(maxsize: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Memoise a function of validated values, per data edition: the version of the store being served is part of
    every key (a new or a pinned edition never reads another's entries); at most `maxsize` entries per process.
    The one cache decorator above the data layer's own tables; results are shared, so callers must not mutate them."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.lru_cache(maxsize=maxsize)
        def cached(version: str, *args: Any, **kwargs: Any) -> R:
            return function(*args, **kwargs)

        @functools.wraps(function)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            keyed: dict[str, Any] = kwargs  # validated values: hashable, as lru_cache needs
            return cached(get_store().version, *args, **keyed)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return call

    return decorate


class Backend(Protocol):
    def get(self, key: str) -> Any | None: ...
    def set(self, key: str, value: Any) -> None: ...


def _size(value: Any) -> int:
    """Bytes of a value as JSON (what it costs in Redis and, roughly, in memory)."""
    return len(json.dumps(value, separators=(",", ":"), default=str))


class LocalBackend:
    """A bounded LRU of Python objects in this process (nothing serialised): at most `size` entries and about
    `max_bytes` bytes (each value's size measured once, as JSON, when it is stored)."""

    def __init__(self, size: int, max_bytes: int) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.items: OrderedDict[str, tuple[Any, int]] = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()

    def get(self, key: str) -> Any | None:
        with self.lock:
            if key not in self.items:
                return None
            self.items.move_to_end(key)
            return self.items[key][0]

    def set(self, key: str, value: Any) -> None:
        size = _size(value)
        if size > self.max_bytes:
            return  # larger than the whole cache: computed each time rather than evicting everything
        with self.lock:
            if key in self.items:
                self.bytes -= self.items.pop(key)[1]
            self.items[key] = (value, size)
            self.bytes += size
            while len(self.items) > self.size or self.bytes > self.max_bytes:
                self.bytes -= self.items.popitem(last=False)[1][1]


class Breaker:
    """Open after a failure: calls are skipped until `pause` seconds have passed, then one call tries again.
    Logs the outage when it opens and the recovery when a call succeeds again, once each."""

    def __init__(self, pause: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.pause = pause
        self.clock = clock
        self.open_until: float | None = None
        self.lock = threading.Lock()

    def allows(self) -> bool:
        with self.lock:
            if self.open_until is None:
                return True
            if self.clock() >= self.open_until:
                self.open_until = self.clock() + self.pause  # this call is the probe; others keep skipping
                return True
            return False

    def failed(self, error: Exception) -> None:
        with self.lock:
            if self.open_until is None:
                log.warning("Redis cache unavailable (%s: %s); computing views locally", type(error).__name__, error)
            self.open_until = self.clock() + self.pause

    def succeeded(self) -> None:
        with self.lock:
            if self.open_until is not None:
                log.warning("Redis cache available again")
            self.open_until = None


class RedisBackend:
    """JSON values in Redis with a time to live; a small local LRU in front saves the round trip for hot views."""

    def __init__(self, url: str, ttl: int, local_size: int, local_bytes: int) -> None:
        import redis  # imported here: only deployments with REDIS_URL need the client

        self.client = redis.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT)
        self.ttl = ttl
        self.local = LocalBackend(local_size, local_bytes)
        self.breaker = Breaker(BREAKER_PAUSE)

    def get(self, key: str) -> Any | None:
        hit = self.local.get(key)
        if hit is not None or not self.breaker.allows():
            return hit
        try:
            raw = self.client.get(key)
        except Exception as error:  # any connection or protocol error: compute instead
            self.breaker.failed(error)
            return None
        self.breaker.succeeded()
        if raw is None:
            return None
        value = json.loads(raw)
        self.local.set(key, value)
        return value

    def set(self, key: str, value: Any) -> None:
        self.local.set(key, value)
        if not self.breaker.allows():
            return
        try:
            self.client.set(key, json.dumps(value, separators=(",", ":")), ex=self.ttl)
        except Exception as error:
            self.breaker.failed(error)
            return
        self.breaker.succeeded()


@functools.lru_cache(maxsize=1)
def backend() -> Backend:
    """The configured backend, made on first use in each process (after gunicorn forks)."""
    url = settings.get("REDIS_URL")
    size = int(settings.get("CACHE_SIZE"))
    max_bytes = int(settings.get("CACHE_MB")) * 1024 * 1024
    if url:
        return RedisBackend(url, int(settings.get("CACHE_TTL")), max(8, size // 4), max(1, max_bytes // 4))
    return LocalBackend(size, max_bytes)


def key(namespace: str, version: str, parts: Any) -> str:
    digest = hashlib.sha1(json.dumps(parts, sort_keys=True, default=str).encode(), usedforsecurity=False)
    return f"lacmig:{version}:{namespace}:{digest.hexdigest()}"


def cached(namespace: str, version: str, parts: Any, compute: Callable[[], Any]) -> Any:
    """The cached value for (namespace, version, parts), computed and stored on a miss. Values must be JSON.

    `parts` must come from validated state: each distinct value is a new entry."""
    name = key(namespace, version, parts)
    store = backend()
    value = store.get(name)
    if value is None:
        value = compute()
        store.set(name, value)
    return value
