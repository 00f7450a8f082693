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
    Setting("GUNICORN_TIMEOUT", "30", "Seconds before gunicorn restarts a silent worker."),
    Setting("DASH_DEBUG", "false", "Dash debug mode and dev tools; never on in production."),
    Setting("DATA_DIR", "", "Folder of the processed data files (default: data/processed in the checkout)."),
    Setting("SITE_URL", "", "Public address of the site for embed codes (default: the address each request came to)."),
    Setting(
        "REDIS_URL",
        "",
        "redis://host:port/db of a Redis shared by all workers and instances (default: none, an in-process cache).",
    ),
    Setting("CACHE_SIZE", "512", "Views (map payloads, figures) each process keeps in memory."),
    Setting("CACHE_TTL", "86400", "Seconds a view stays in Redis (keys also carry the data version)."),
)


def get(name: str) -> str:
    """A setting's value from the environment, or its default."""
    setting = next(s for s in SETTINGS if s.name == name)
    return os.environ.get(name, setting.default)


def flag(name: str) -> bool:
    return get(name).strip().lower() in ("1", "true", "yes", "on")
