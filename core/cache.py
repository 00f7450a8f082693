"""Cache of computed views (map payloads, figures): in-process by default; with REDIS_URL, one Redis shared by every
worker and instance, so N stateless instances behind a load balancer compute each view once.

Keys carry the data version, so publishing new data never serves an old view. Redis trouble never breaks a page:
the view is computed instead, and the failure is logged once."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol

from core import settings

log = logging.getLogger("lacmig.cache")


class Backend(Protocol):
    def get(self, key: str) -> Any | None: ...
    def set(self, key: str, value: Any) -> None: ...


class LocalBackend:
    """A bounded LRU of Python objects in this process (nothing serialised)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[str, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> Any | None:
        with self.lock:
            if key not in self.items:
                return None
            self.items.move_to_end(key)
            return self.items[key]

    def set(self, key: str, value: Any) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


class RedisBackend:
    """JSON values in Redis with a time to live; a small local LRU in front saves the round trip for hot views."""

    def __init__(self, url: str, ttl: int, local_size: int) -> None:
        import redis  # imported here: only deployments with REDIS_URL need the client

        self.client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self.ttl = ttl
        self.local = LocalBackend(local_size)
        self.warned = False

    def _failed(self, error: Exception) -> None:
        if not self.warned:
            log.warning("Redis cache unavailable (%s); computing views locally", type(error).__name__)
            self.warned = True

    def get(self, key: str) -> Any | None:
        hit = self.local.get(key)
        if hit is not None:
            return hit
        try:
            raw = self.client.get(key)
        except Exception as error:  # any connection or protocol error: compute instead
            self._failed(error)
            return None
        if raw is None:
            return None
        value = json.loads(raw)
        self.local.set(key, value)
        return value

    def set(self, key: str, value: Any) -> None:
        self.local.set(key, value)
        try:
            self.client.set(key, json.dumps(value, separators=(",", ":")), ex=self.ttl)
        except Exception as error:
            self._failed(error)


@functools.cache
def backend() -> Backend:
    """The configured backend, made on first use in each process (after gunicorn forks)."""
    url = settings.get("REDIS_URL")
    size = int(settings.get("CACHE_SIZE"))
    return RedisBackend(url, int(settings.get("CACHE_TTL")), max(8, size // 4)) if url else LocalBackend(size)


def key(namespace: str, version: str, parts: Any) -> str:
    digest = hashlib.sha1(json.dumps(parts, sort_keys=True, default=str).encode(), usedforsecurity=False)
    return f"lacmig:{version}:{namespace}:{digest.hexdigest()}"


def cached(namespace: str, version: str, parts: Any, compute: Callable[[], Any]) -> Any:
    """The cached value for (namespace, version, parts), computed and stored on a miss. Values must be JSON."""
    name = key(namespace, version, parts)
    store = backend()
    value = store.get(name)
    if value is None:
        value = compute()
        store.set(name, value)
    return value
