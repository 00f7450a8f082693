"""Settings, read from the environment in one place, each with its default and help text."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("HOST", "127.0.0.1", "Address gunicorn binds to (use 0.0.0.0 in a container or on a PaaS)."),
    Setting("PORT", "8050", "Port gunicorn listens on."),
    Setting("WEB_CONCURRENCY", "2", "Number of gunicorn worker processes."),
    Setting("WORKER_CONNECTIONS", "1000", "Connections each worker holds open at once (slow clients included)."),
    Setting("GUNICORN_TIMEOUT", "30", "Seconds before gunicorn restarts a silent worker."),
    Setting("DASH_DEBUG", "false", "Dash debug mode and dev tools; never on in production."),
    Setting("DATA_DIR", "", "Folder of the processed data files (default: data/processed in the checkout)."),
    Setting(
        "SITE_URL",
        "",
        "Public address of the site (https://host), printed in embed codes and exports; set it in production.",
    ),
    Setting(
        "ALLOWED_HOSTS",
        "localhost,127.0.0.1,[::1]",
        "Without SITE_URL: Host headers (host or host:port, comma-separated) trusted to name the site in embed codes.",
    ),
    Setting(
        "REDIS_URL",
        "",
        "redis://host:port/db of a Redis shared by all workers and instances (default: none, an in-process cache).",
    ),
    Setting("CACHE_SIZE", "512", "Views (map payloads, figures) each process keeps in memory, at most."),
    Setting("CACHE_MB", "96", "Megabytes of views each process keeps in memory, at most (measured as JSON)."),
    Setting("CACHE_TTL", "86400", "Seconds a view stays in Redis (keys also carry the data version)."),
)


def get(name: str) -> str:
    """A setting's value from the environment, or its default."""
    setting = next(s for s in SETTINGS if s.name == name)
    return os.environ.get(name, setting.default)


def flag(name: str) -> bool:
    return get(name).strip().lower() in ("1", "true", "yes", "on")


def public_url(host: str | None, scheme: str = "http") -> str:
    """The site's public address for embed codes and exports: SITE_URL when set; else the address the request came
    to if its Host is allowed (ALLOWED_HOSTS, with or without a port); else this process's own loopback address. A
    raw Host header, which any client may set, never reaches an embed code."""
    site = get("SITE_URL").strip().rstrip("/")
    if site:
        return site
    allowed = {h.strip().lower() for h in get("ALLOWED_HOSTS").split(",") if h.strip()}
    name = (host or "").strip().lower()
    bare = name.rsplit(":", 1)[0] if name.count(":") == 1 or name.startswith("[") else name
    if name and (name in allowed or bare in allowed) and len(name) <= 255:
        return f"{'https' if scheme == 'https' else 'http'}://{name}"
    return f"http://127.0.0.1:{get('PORT')}"
