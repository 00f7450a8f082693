"""Composes the site: checks the data, creates the Dash app that writes each page on the server, registers the
callbacks, the extra routes and the security layer."""

from __future__ import annotations

import sys

import callbacks  # noqa: F401  (importing registers the callbacks)
from components import pages
from components.document import Site
from core.charts import registry
from core.data.store import DataFileError, check_editions, get_store
from core.i18n.catalog import t
from core.state import settings
from core.web import logs, routes, security

try:
    get_store()
    check_editions()  # earlier editions kept for pinned embeds are checked against their own manifests too
except DataFileError as error:  # a missing or corrupt data file stops start-up with one line, not a traceback
    sys.exit(f"error: {error}")

app = Site(
    __name__,
    title=t("app.title"),
    update_title="",  # no "Updating..." in the tab while a callback runs
    serve_locally=True,
    # Each page holds only its own components (components/pages.py). This turns off only Dash's check of callback
    # ids against the layout, not error handling (errors are 500s with tracebacks, core/web/security.py); the check
    # is made by tests instead (tests/test_callbacks.py, every callback's ids against the pages it serves). Dash's own
    # alternative, a validation_layout, would write every page's layout into each page's HTML.
    suppress_callback_exceptions=True,
    # Vendored files are served from /assets but loaded explicitly, so Bootstrap precedes our CSS and the
    # partial plotly.js bundle is defined before any graph asks for plotly.js; the PowerPoint writer is loaded by
    # assets/pack.js when a briefing pack is downloaded, never with the page.
    assets_ignore=r"^(bootstrap\.min\.css|plotly-geo\.min\.js|jszip\.min\.js|pptxgen\.min\.js|embed\.(js|css)|boot\.js)$",
    external_stylesheets=["/assets/vendor/bootstrap.min.css?v=5.3.9"],
    external_scripts=["/assets/vendor/plotly-geo.min.js?v=4.1.1"],
    compress=True,
)
app.layout = pages.default_layout  # what Dash asks for outside a request; pages are written by Site per address
server = app.server
routes.register(server, app.registered_paths)
security.install(server, app.csp_hashes(), lambda: app.callback_map, routes.framable)
logs.attach_to_gunicorn()
registry.warm()

if __name__ == "__main__":
    app.run(host=settings.get("HOST"), port=int(settings.get("PORT")), debug=settings.flag("DASH_DEBUG"))
