"""Hardening of the public, read-only site: security headers, a health endpoint, and errors that never leak
internals (bad callback payloads get a 400; anything unexpected is logged here and answered with a bare 500)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from core.store import get_store

log = logging.getLogger("lacmig")

MAX_BODY = 1024 * 1024  # the largest callback payload the page sends is a few KB
DASH_API = "/_dash-"  # the renderer's endpoints: layout, dependencies, update-component


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


def install(server: Flask, script_hashes: list[str]) -> None:
    """Add the headers, the health check and the error handlers to the Flask server behind Dash."""
    policies = {framable: content_security_policy(script_hashes, framable) for framable in (True, False)}
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY  # Flask answers 413 beyond this

    @server.after_request
    def headers(response: Response) -> Response:
        # The policy and framing rules matter for documents; callback JSON and assets skip their bytes.
        if response.mimetype == "text/html":
            framable = request.path.startswith("/embed/")
            response.headers["Content-Security-Policy"] = policies[framable]
            if not framable:
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

    @server.errorhandler(Exception)
    def errors(error: Exception) -> tuple[Response, int] | HTTPException:
        if isinstance(error, HTTPException):
            return error
        if request.path.startswith(DASH_API):
            # A payload the app never sends (forged, truncated, unknown ids): the client's fault, said plainly.
            log.warning("rejected %s payload: %s", request.path, type(error).__name__)
            return jsonify(error="bad request"), 400
        log.exception("error on %s", request.path)
        return jsonify(error="internal error"), 500
