"""The public site's hardening: which paths exist (404 for the rest), framing by route, robots.txt, honest errors
(a failure inside a figure builder is a 500 with its traceback in gunicorn's error log, never a 400), the body
limit for chunked bodies, and the site address of embed codes (never a raw Host header)."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app import app, server
from core.state import settings
from core.web import security
from tests.conftest import ROOT, free_port
from tests.test_hostile import map_click, payload, server_callbacks, valid_values


@pytest.fixture(scope="module")
def client() -> Any:
    test_client = server.test_client()
    test_client.get("/")
    return test_client


@pytest.mark.parametrize(
    "path",
    [
        "/.env",
        "/robots",
        "/anything",
        "/embed/map/",
        "/embed/x/y",
        "/embed/nope",
        "/country/XYZ",
        "/country/sica",
        "/corridors/world",
        "/country/SLV/extra",
        "/_dash-component-suites/dash/nope.js",
        "/_dash-component-suites/nope/x.js",
        "/assets/nope.css",
        "/data/geometry.0000.json",
        "/wp-login.php",
    ],
)
def test_paths_that_name_nothing_are_a_localised_404(client: Any, path: str) -> None:
    answer = client.get(path, headers={"Accept-Language": "es"})
    assert answer.status_code == 404
    assert answer.mimetype == "text/html"
    text = answer.get_data(as_text=True)
    assert '<html lang="es">' in text
    assert "dash-renderer" not in text
    assert "_dash-config" not in text
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/country/SLV",
        "/country/slv",
        "/corridors/MEX",
        "/corridors/caricom",
        "/embed/map",
        "/embed/trend",
        "/healthz",
        "/robots.txt",
    ],
)
def test_the_pages_of_the_site_are_served(client: Any, path: str) -> None:
    assert client.get(path).status_code == 200


def test_only_an_embed_route_may_be_framed(client: Any) -> None:
    embed = client.get("/embed/map")
    assert "frame-ancestors *" in embed.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in embed.headers
    for path in ("/", "/country/SLV", "/embed/map/", "/embed/map/x"):
        answer = client.get(path)
        assert answer.headers["X-Frame-Options"] == "DENY", path
        assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"], path


def test_robots_txt_lets_crawlers_read_pages_but_not_the_renderer(client: Any) -> None:
    answer = client.get("/robots.txt")
    assert answer.mimetype == "text/plain"
    lines = answer.get_data(as_text=True).splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /_dash-" in lines


def test_a_missing_component_file_is_404_and_a_real_one_is_served(client: Any) -> None:
    page = client.get("/").get_data(as_text=True)
    real = next(part.split('"')[0] for part in page.split('src="')[1:] if "_dash-component-suites" in part)
    assert client.get(real).status_code == 200
    assert client.get(real.replace(".js", "-x.js")).status_code == 404


@pytest.fixture
def broken_builder(monkeypatch: pytest.MonkeyPatch) -> None:
    """A figure builder that fails as a real bug would."""
    from core.charts.dashboard import trend as views

    def broken(state: Any) -> Any:
        return 1 / 0

    monkeypatch.setattr(views, "trend_figure", broken)


def test_a_failing_builder_is_a_500_with_its_traceback_logged(
    client: Any, broken_builder: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="lacmig"):
        answer = client.post(security.CALLBACK_PATH, json=map_click("GTM"))
    assert answer.status_code == 500
    assert answer.get_json() == {"error": "internal error"}  # nothing of the internals
    record = next(r for r in caplog.records if r.levelno == logging.ERROR)
    assert record.exc_info is not None
    assert record.exc_info[0] is ZeroDivisionError


@pytest.mark.parametrize(
    ("site", "allowed", "host", "expected"),
    [
        ("https://migration.example.org/", "", "evil.example", "https://migration.example.org"),
        ("", "localhost,127.0.0.1", "127.0.0.1:8050", "http://127.0.0.1:8050"),
        ("", "localhost,127.0.0.1", "localhost", "http://localhost"),
        ("", "localhost,127.0.0.1", "evil.example", "http://127.0.0.1:8050"),
        ("", "localhost,127.0.0.1", "evil.example:80@127.0.0.1", "http://127.0.0.1:8050"),
        ("", "site.example", "site.example:8443", "http://site.example:8443"),
        ("", "localhost", None, "http://127.0.0.1:8050"),
    ],
)
def test_the_site_address_never_comes_from_an_untrusted_host(
    monkeypatch: pytest.MonkeyPatch, site: str, allowed: str, host: str | None, expected: str
) -> None:
    monkeypatch.setenv("SITE_URL", site)
    monkeypatch.setenv("ALLOWED_HOSTS", allowed)
    monkeypatch.setenv("PORT", "8050")
    assert settings.public_url(host) == expected


def test_the_embed_code_ignores_a_forged_host(client: Any) -> None:
    embed = next(o for o in server_callbacks() if "embed-code.value" in o)
    values = valid_values()
    answer = client.post(security.CALLBACK_PATH, json=payload(embed, values), headers={"Host": "evil.example"})
    assert answer.status_code == 200
    code = answer.get_json()["response"]["embed-code"]["value"]
    assert "evil.example" not in code
    assert 'src="http://127.0.0.1:' in code


# --- under gunicorn, as deployed ----------------------------------------------------------------------------------

FAULT_CONFIG = """
exec(open("gunicorn.conf.py").read())


def post_worker_init(worker):
    # A bug in a figure builder, injected by tests/test_security.py after the worker started.
    from core.charts.dashboard import trend as views

    working = views.trend_figure

    def broken(state):
        return 1 / 0 if state.focus == "sica" else working(state)  # the views the tests ask for

    views.trend_figure = broken
"""


@pytest.fixture(scope="module")
def faulty_server() -> Iterator[tuple[str, Path]]:
    """gunicorn with the project's config plus an injected failure; yields its origin and error-log file."""
    port = free_port()
    folder = Path(tempfile.mkdtemp(prefix="lacmig-fault-"))
    config, errors = folder / "gunicorn_fault.conf.py", folder / "error.log"
    config.write_text(FAULT_CONFIG, encoding="utf-8")
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": "1"}
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        str(config),
        "--error-logfile",
        str(errors),
        "--access-logfile",
        "/dev/null",
        "app:server",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    origin = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(origin + "/healthz", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail(f"gunicorn did not start: {errors.read_text(errors='replace')[-2000:]}")
                time.sleep(0.2)
        yield origin, errors
    finally:
        process.terminate()
        process.wait(timeout=15)


def post(origin: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(
        origin + security.CALLBACK_PATH, data=body, headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_under_gunicorn_a_bug_is_a_500_with_a_traceback_in_the_error_log(
    client: Any, faulty_server: tuple[str, Path]
) -> None:
    import json

    origin, errors = faulty_server
    status, body = post(origin, json.dumps(map_click("GTM")).encode())
    assert status == 500, (body[:300], errors.read_text(errors="replace")[-1500:])
    assert b"ZeroDivision" not in body
    assert b"Traceback" not in body
    time.sleep(0.5)
    log = errors.read_text(errors="replace")
    assert "Traceback (most recent call last)" in log
    assert "ZeroDivisionError" in log
    assert "error on POST /_dash-update-component" in log


def raw_chunked(origin: str, size: int) -> int:
    host, port = origin.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(
            b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        )
        body = b"{" + b" " * (size - 2) + b"}"
        try:
            for start in range(0, len(body), 65536):
                part = body[start : start + 65536]
                sock.sendall(b"%x\r\n" % len(part) + part + b"\r\n")
            sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server may answer and close before the whole body is sent
        head = sock.recv(64)
    return int(head.split()[1])


def test_under_gunicorn_a_chunked_body_over_the_limit_is_413(faulty_server: tuple[str, Path]) -> None:
    origin, _errors = faulty_server
    assert raw_chunked(origin, security.MAX_BODY + 1) == 413
    assert raw_chunked(origin, 3 * security.MAX_BODY) == 413
    assert raw_chunked(origin, security.MAX_BODY) == 400  # at the limit: read, and rejected as no callback request
    assert app.server is server
