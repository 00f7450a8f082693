"""gunicorn settings, read from the environment through core.state.settings (see the README's settings table).

Workers are gevent's: each request runs to completion on the CPU as in a plain worker (the app's work is all CPU:
no request waits on another service for long), while connections that are slow to send or to read (silent,
trickling headers or a body, reading the answer a byte at a time) wait in the event loop without holding the
worker. bench/slowclients.py measures it; docs/PERFORMANCE.md has the figures. gevent must patch the standard
library before anything else is imported (the app is preloaded in the master), hence the first lines."""

from gevent import monkey

monkey.patch_all()

from core.state import settings  # noqa: E402  (after the patch, on purpose)

bind = f"{settings.get('HOST')}:{settings.get('PORT')}"
workers = int(settings.get("WEB_CONCURRENCY"))
worker_class = "gevent"
worker_connections = int(settings.get("WORKER_CONNECTIONS"))
keepalive = 5  # seconds an idle kept-alive connection stays open
timeout = int(settings.get("GUNICORN_TIMEOUT"))
preload_app = True  # load and check the data once, before forking; workers share it copy-on-write
accesslog = "-"
errorlog = "-"  # app errors, with their tracebacks, go here too (core/web/logs.py)
