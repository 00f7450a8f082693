"""Hardening of the public, read-only site: security headers, a health endpoint, the callback envelope check, a cap
on the size of answers, and honest errors.

Three kinds of failure, three answers:
- a request no page of ours sends (malformed JSON, an unknown callback, inputs that do not match the callback's
  declaration, a value core.state.inputs rejects) is the client's: 400, one line in the log, no traceback;
- a body over the limit: 413, chunked or not;
- anything else is ours: 500 with a bare body, the traceback in gunicorn's error log."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from core.data.store import get_store
from core.state.inputs import MAX_ITEMS, MAX_TEXT, InvalidInputError

log = logging.getLogger("lacmig")

MAX_BODY = 1024 * 1024  # the largest callback payload the page sends is a few KB
MAX_ANSWER = 8 * 1024 * 1024  # the largest legitimate callback answer is ~2.5 MB (tests/test_hostile.py measures it)
DASH_API = "/_dash-"  # the renderer's endpoints: layout, dependencies, update-component
CALLBACK_PATH = "/_dash-update-component"
ITEM_KEYS = frozenset({"id", "property", "value"})
ENVELOPE_KEYS = frozenset({"output", "outputs", "inputs", "state", "changedPropIds", "parsedChangedPropsIds"})


class BadEnvelopeError(Exception):
    """A callback request whose JSON or structure no page of ours sends."""


def content_security_policy(script_hashes: Iterable[str], framable: bool) -> str:
    """As strict as Dash allows: everything from this host, inline scripts only by hash. Inline styles stay
    allowed because React and plotly.js set style attributes and inject style elements."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(script_hashes),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors *" if framable else "frame-ancestors 'none'",
        ]
    )


def _pattern(dependency_id: str) -> dict[str, Any] | None:
    """The id pattern of a pattern-matching dependency (its id is JSON text), or None for a plain id."""
    return json.loads(dependency_id) if dependency_id.startswith("{") else None


def _matches(item_id: Any, pattern: dict[str, Any]) -> bool:
    """A concrete id of a pattern-matching dependency: same keys; fixed values equal; wildcards short scalars."""
    if not isinstance(item_id, dict) or set(item_id) != set(pattern):
        return False
    for key, wanted in pattern.items():
        value = item_id[key]
        if isinstance(wanted, list):  # ["ALL"], ["MATCH"], ["ALLSMALLER"]
            if isinstance(value, bool) or not isinstance(value, str | int) or len(str(value)) > MAX_TEXT:
                return False
        elif value != wanted:
            return False
    return True


def _check_items(items: Any, declared: list[dict[str, str]], section: str) -> None:
    if not isinstance(items, list) or len(items) != len(declared):
        raise BadEnvelopeError(f"{section}: {len(declared)} expected")
    for item, dependency in zip(items, declared, strict=True):
        pattern = _pattern(dependency["id"])
        group = item if pattern is not None else [item]
        if not isinstance(group, list) or len(group) > MAX_ITEMS:
            raise BadEnvelopeError(f"{section}: bad pattern-matching group")
        for one in group:
            # "value" is absent when the property is unset in the browser (a control before the state is known).
            if not isinstance(one, dict) or one.get("property") != dependency["property"] or not set(one) <= ITEM_KEYS:
                raise BadEnvelopeError(f"{section}: bad item")
            if not (_matches(one.get("id"), pattern) if pattern is not None else one.get("id") == dependency["id"]):
                raise BadEnvelopeError(f"{section}: id does not match the callback")


def _check_outputs(outputs: Any, declared: Any) -> None:
    wanted = declared if isinstance(declared, list) else [declared]
    given = outputs if isinstance(declared, list) else [outputs]
    if not isinstance(given, list) or len(given) != len(wanted):
        raise BadEnvelopeError("outputs: do not match the callback")
    for item, output in zip(given, wanted, strict=True):
        # An output declared with allow_duplicate=True is sent as "property@<hash>".
        if not isinstance(item, dict) or not isinstance(item.get("property"), str):
            raise BadEnvelopeError("outputs: do not match the callback")
        if item["property"].split("@")[0] != output.component_property or item.get("id") != output.component_id:
            raise BadEnvelopeError("outputs: do not match the callback")


def _check_changed(changed: Any, declared: list[dict[str, str]]) -> None:
    if not isinstance(changed, list) or len(changed) > len(declared) + MAX_ITEMS:
        raise BadEnvelopeError("changedPropIds: not a short list")
    for prop_id in changed:
        if not isinstance(prop_id, str) or len(prop_id) > 512 or "." not in prop_id:
            raise BadEnvelopeError("changedPropIds: bad item")
        component, _, prop = prop_id.rpartition(".")
        for dependency in declared:
            pattern = _pattern(dependency["id"])
            if prop != dependency["property"]:
                continue
            if pattern is None and component == dependency["id"]:
                break
            if pattern is not None and component.startswith("{"):
                try:
                    concrete = json.loads(component)
                except ValueError:
                    raise BadEnvelopeError("changedPropIds: bad id") from None
                if _matches(concrete, pattern):
                    break
        else:
            raise BadEnvelopeError("changedPropIds: not an input of the callback")


def check_envelope(body: Any, callback_map: dict[str, dict[str, Any]]) -> None:
    """Raise BadEnvelopeError unless `body` is a callback request as the renderer sends it for a server callback of
    ours: known output, inputs and state matching the declaration in order, changed ids among the inputs."""
    if not isinstance(body, dict) or not set(body) <= ENVELOPE_KEYS:
        raise BadEnvelopeError("not a callback request")
    output = body.get("output")
    spec = callback_map.get(output) if isinstance(output, str) else None
    if spec is None or "callback" not in spec:  # clientside callbacks are never asked of the server
        raise BadEnvelopeError("unknown callback")
    _check_items(body.get("inputs"), spec["inputs"], "inputs")
    _check_items(body.get("state", []), spec["state"], "state")
    _check_outputs(body.get("outputs"), spec["output"])
    _check_changed(body.get("changedPropIds", []), spec["inputs"])


def reject(reason: str) -> tuple[Response, int]:
    log.info("rejected %s %s: %s", request.method, request.path, reason)
    return jsonify(error="bad request"), 400


def install(
    server: Flask,
    script_hashes: Sequence[str],
    callback_map: Callable[[], dict[str, Any]],
    framable: Callable[[], bool],
) -> None:
    """Add the headers, the health check, the envelope check and the error handlers to the Flask server.

    `callback_map` gives Dash's registry of callbacks; `framable` says whether the request matched an embed route
    (framing is decided by the route that served it, never by a path prefix)."""
    policies = {allowed: content_security_policy(script_hashes, allowed) for allowed in (True, False)}
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY  # 413 beyond this, also for chunked bodies (see check_callback)

    @server.before_request
    def check_callback() -> tuple[Response, int] | None:
        if request.path != CALLBACK_PATH or request.method != "POST":
            return None
        raw = request.get_data(cache=True)  # at most MAX_BODY bytes (413 beyond, when Content-Length says so)
        if len(raw) >= MAX_BODY and request.content_length is None and request.environ["wsgi.input"].read(1):
            raise RequestEntityTooLarge()  # a chunked body is cut at the limit: one more byte means it was over
        try:
            body = json.loads(raw)
        except (ValueError, RecursionError):
            return reject("malformed JSON")
        try:
            check_envelope(body, callback_map())
        except BadEnvelopeError as error:
            return reject(str(error))
        return None

    @server.after_request
    def headers(response: Response) -> Response:
        if request.path == CALLBACK_PATH and response.status_code == 200 and not response.direct_passthrough:
            size = response.calculate_content_length() or 0
            if size > MAX_ANSWER:  # the validator bounds every view: an answer this large is a bug of ours
                log.error("callback answer of %d bytes over the cap (%s)", size, request.get_data()[:200])
                response = jsonify(error="internal error")
                response.status_code = 500
        # The policy and framing rules matter for documents; callback JSON and assets skip their bytes.
        if response.mimetype == "text/html":
            allowed = framable() and response.status_code == 200
            response.headers["Content-Security-Policy"] = policies[allowed]
            if not allowed:
                response.headers["X-Frame-Options"] = "DENY"
        response.headers["X-Content-Type-Options"] = "nosniff"
        if request.path.startswith("/assets/") and ("m" in request.args or "v" in request.args):
            # Versioned by its query string (Dash's ?m=<mtime>, our ?v=<version>): safe to keep for a year.
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response

    @server.get("/healthz")
    def health() -> Response:
        """For load balancers: the data is loaded and which version it is. Cheap, never cached."""
        response = jsonify(status="ok", data_version=get_store().version)
        response.headers["Cache-Control"] = "no-store"
        return response

    @server.errorhandler(InvalidInputError)
    def invalid(error: InvalidInputError) -> tuple[Response, int]:
        return reject(str(error))

    @server.errorhandler(Exception)
    def errors(error: Exception) -> tuple[Response, int] | HTTPException:
        if isinstance(error, HTTPException):
            return error
        log.exception("error on %s %s", request.method, request.path)
        return jsonify(error="internal error"), 500
