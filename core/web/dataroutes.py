"""The open-data routes under /data/v1/ (core/web/opendata.py says what each address names): GET only; CORS open to
any origin through flask-cors, since these are read-only public files; an ETag on every answer, a year of caching
for a link pinned to an edition and an hour for one that follows the current edition; a bad ask answered 400 with
a one-line reason (logged as a rejection), a path that names nothing 404, never a 5xx.

    /data/v1/<indicator>.csv|json|xlsx|datapackage.json       the dashboard's views and charts
    /data/v1/country/<ISO3>.<format>, /data/v1/corridors/<id>.<format>
    /data/v1/datapackage.json                                 the whole processed dataset's Data Package
    /data/v1/dataset/<table>.csv                              its tables"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from urllib.parse import parse_qsl

from flask import Flask, Response, request
from flask_cors import CORS

from core.data.store import edition_ids, get_store, serving
from core.i18n.catalog import LANGUAGES, t
from core.state import settings
from core.web import datapackage, exports, opendata
from core.web.opendata import PACKAGE, PREFIX, Ask, AskError

log = logging.getLogger("lacmig")

PINNED_SECONDS = 365 * 24 * 3600  # an edition never changes
LIVE_SECONDS = 3600  # a link without edition= follows the current edition
REVISION = "1"  # the layout of the files: part of every ETag, so a new layout is never answered 304
MIMETYPES = {"csv": "text/csv", "json": "application/json", "xlsx": exports.XLSX_MIME, PACKAGE: "application/json"}
DATASET_PARAMS = ("edition", "lang")


def _refuse(error: AskError) -> Response:
    if error.status == 400:
        log.info("rejected %s %s: %s", request.method, request.path, error)
    response = Response(f"{error}\n", status=error.status, mimetype="text/plain")
    response.headers["Cache-Control"] = "no-store"
    return response


def _site() -> str:
    return settings.public_url(request.host, request.scheme)


def _answer(pinned: bool, make: Callable[[], bytes], mimetype: str, filename: str, gzipped: bool = False) -> Response:
    """The file `make` writes (already gzip-compressed when `gzipped`), or 304 when the client holds it (weak ETag:
    an Excel file's bytes carry the time it was written, its numbers do not change)."""
    query = request.query_string.decode("utf-8", "replace")
    key = "|".join((REVISION, get_store().version, request.path, query, "gzip" if gzipped else ""))
    etag = hashlib.sha256(key.encode()).hexdigest()[:32]
    if request.if_none_match.contains_weak(etag):
        response = Response(status=304)
    else:
        response = Response(make(), mimetype=mimetype)
        kind = "attachment" if mimetype == exports.XLSX_MIME else "inline"
        response.headers["Content-Disposition"] = f'{kind}; filename="{filename}"'
    if gzipped:
        response.headers["Content-Encoding"] = "gzip"
    response.set_etag(etag, weak=True)
    seconds = PINNED_SECONDS if pinned else LIVE_SECONDS
    response.headers["Cache-Control"] = f"public, max-age={seconds}" + (", immutable" if pinned else "")
    return response


def _urls(ask: Ask, site: str) -> dict[str, str]:
    """The page a file comes from, its CSV pinned to the edition served, and its Data Package."""
    pinned = get_store().version
    return {
        "page": site + opendata.page_link(ask.state),
        "csv": site + opendata.link(ask.state, ask.chart, "csv", pinned),
        PACKAGE: site + opendata.link(ask.state, ask.chart, f"{PACKAGE}.json", pinned),
    }


def _body(ask: Ask) -> bytes:
    site, state = _site(), ask.state
    table = opendata.table(ask, site)
    if ask.fmt == "csv":
        return exports.to_csv(table, plain=True)
    if ask.fmt == "xlsx":
        return exports.to_xlsx(table, t("export.about_sheet", state.lang), t("export.data_sheet", state.lang))
    indicator = ask.chart.removeprefix("pf-trend-") if ask.chart and ask.chart.startswith("pf-trend-") else None
    units = datapackage.value_units(indicator or state.indicator, state.lang)
    urls = _urls(ask, site)
    if ask.fmt == "json":
        return datapackage.to_json(table, urls[PACKAGE], units)
    ids = table.sources or datapackage.source_ids(state.page, ask.chart, state.indicator)
    package = datapackage.file_package(table, ids, urls, state.lang, units)
    return json.dumps(package, ensure_ascii=False, indent=1).encode("utf-8")


def data_file(name: str, section: str | None = None) -> Response:
    """A view's or a chart's numbers, or their Data Package."""
    try:
        ask = opendata.parse(section, name, request.query_string.decode("utf-8", "replace"))
        filename = f"{section}_{name}" if section else name
        with serving(ask.edition):
            return _answer(ask.edition is not None, lambda: _body(ask), MIMETYPES[ask.fmt], filename)
    except AskError as error:
        return _refuse(error)


def _dataset_params() -> dict[str, str]:
    """`edition=` and `lang=` of a whole-dataset address, each at most once and valid; AskError 400 otherwise."""
    query = request.query_string.decode("utf-8", "replace")
    try:
        pairs = parse_qsl(query, keep_blank_values=True, max_num_fields=len(DATASET_PARAMS))
    except ValueError:
        raise AskError(400, "too many parameters: the parameters are edition, lang") from None
    found: dict[str, str] = {}
    for key, value in pairs:
        if key not in DATASET_PARAMS or key in found:
            raise AskError(400, "unknown or repeated parameter: the parameters are edition, lang")
        found[key] = value
    if found.get("edition", edition_ids()[0]) not in edition_ids():
        raise AskError(400, f"edition: not a data edition of ours (the editions are {', '.join(edition_ids())})")
    if found.get("lang", LANGUAGES[0]) not in LANGUAGES:
        raise AskError(400, f"lang: one of {', '.join(LANGUAGES)}")
    return found


def package() -> Response:
    """The Data Package of the whole processed dataset, each table's file pinned to the edition served."""
    try:
        params = _dataset_params()
    except AskError as error:
        return _refuse(error)
    site = _site()
    with serving(params.get("edition")) as store:
        urls = {name: f"{site}{PREFIX}/dataset/{name}.csv?edition={store.version}" for name in datapackage.DATASET}
        urls["home"] = site + "/"

        def make() -> bytes:
            described = datapackage.dataset_package(urls, params.get("lang", LANGUAGES[0]))
            return json.dumps(described, ensure_ascii=False, indent=1).encode("utf-8")

        return _answer("edition" in params, make, "application/json", "datapackage.json")


def dataset(name: str) -> Response:
    """One table of the whole processed dataset as CSV."""
    try:
        params = _dataset_params()
        with serving(params.get("edition")) as store:
            stem, _, fmt = name.partition(".")
            if fmt != "csv" or stem not in datapackage.dataset_names():
                tables = ", ".join(f"{n}.csv" for n in datapackage.dataset_names())
                raise AskError(404, f"no such table: the tables are {tables}")
            # A few MB: compressed once per edition here, since the app's compression skips CSV.
            gzipped = "gzip" in request.headers.get("Accept-Encoding", "")
            make = lambda: datapackage.dataset_csv(store.version, stem, gzipped)  # noqa: E731
            return _answer("edition" in params, make, "text/csv", name, gzipped)
    except AskError as error:
        return _refuse(error)


def register(server: Flask) -> None:
    """The routes, and CORS for them only (the pages stay same-origin)."""
    allowed = {
        "origins": "*",
        "send_wildcard": True,
        "methods": ["GET", "HEAD", "OPTIONS"],
        "expose_headers": ["ETag", "Content-Disposition"],
        "max_age": 86400,
    }
    CORS(server, resources={rf"{PREFIX}/.*": allowed})
    server.add_url_rule(f"{PREFIX}/datapackage.json", "data_package", package, methods=["GET"])
    server.add_url_rule(f"{PREFIX}/dataset/<name>", "data_dataset", dataset, methods=["GET"])
    server.add_url_rule(f"{PREFIX}/<name>", "data_view", data_file, methods=["GET"])
    server.add_url_rule(f"{PREFIX}/<section>/<name>", "data_page", data_file, methods=["GET"])
