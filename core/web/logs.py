"""Where the app's log lines go: under gunicorn, into gunicorn's error log (with its format and level), so a
traceback of a failed request sits beside the worker's own messages; otherwise to stderr."""

from __future__ import annotations

import logging

APP_LOGGER = "lacmig"


def attach_to_gunicorn() -> None:
    """Send the app's loggers to gunicorn's error-log handlers when gunicorn runs the app, else to stderr."""
    app_log = logging.getLogger(APP_LOGGER)
    gunicorn_log = logging.getLogger("gunicorn.error")
    if gunicorn_log.handlers:
        app_log.handlers = list(gunicorn_log.handlers)
        app_log.setLevel(gunicorn_log.level)
        app_log.propagate = False
    elif not app_log.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        app_log.addHandler(handler)
        app_log.setLevel(logging.INFO)
