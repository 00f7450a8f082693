"""gunicorn settings, read from the environment through core.settings (see the README's settings table)."""

from core import settings

bind = f"{settings.get('HOST')}:{settings.get('PORT')}"
workers = int(settings.get("WEB_CONCURRENCY"))
timeout = int(settings.get("GUNICORN_TIMEOUT"))
preload_app = True  # load and check the data once, before forking; workers share it copy-on-write
accesslog = "-"
