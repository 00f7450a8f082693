"""Fixtures for the real-browser tests: the app under gunicorn on a free loopback port, and headless Chromium.

The browser is Debian's /usr/bin/chromium driven by Playwright for Python (never `playwright install`). Without it
the browser tests fail with a clear message: they are part of `make test` and must never pass by being skipped.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 1366, "height": 768}
START_TIMEOUT = 60.0  # seconds for gunicorn to load the data and answer /
DEFAULT_TIMEOUT_MS = 15_000  # Playwright waits (selectors, wait_for_function)


def free_port() -> int:
    """A loopback port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the gunicorn master we started (it stops its workers), then its process group if anything is left."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # the group is ours: start_new_session=True below


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """The real app, started as `make run` starts it (gunicorn + gunicorn.conf.py), one worker; yields its origin."""
    port = free_port()
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": "1", "DASH_DEBUG": "false"}
    log = tempfile.NamedTemporaryFile(prefix="gunicorn-browser-tests-", suffix=".log", delete=False)  # noqa: SIM115
    command = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--workers", "1", "app:server"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    origin = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _answers(origin + "/"):
            if process.poll() is not None:
                pytest.fail(
                    f"gunicorn exited with code {process.returncode} before answering:\n"
                    f"{Path(log.name).read_text(errors='replace')[-4000:]}"
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"gunicorn did not answer {origin}/ within {START_TIMEOUT:.0f} s:\n"
                    f"{Path(log.name).read_text(errors='replace')[-4000:]}"
                )
            time.sleep(0.2)
        yield origin
    finally:
        _stop(process)
        log.close()
        Path(log.name).unlink(missing_ok=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium. Missing browser = failure with instructions, never a skip."""
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"the browser tests need Debian's Chromium at {CHROMIUM}, which is missing: install it with "
            "'sudo apt-get install chromium' (or run scripts/ensure-system-deps.sh). "
            "Do not run 'playwright install'.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class PageLog:
    """What a page did: console errors and warnings, uncaught exceptions, and every request URL, in order."""

    console_errors: list[str] = field(default_factory=list)
    console_warnings: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def page_log() -> PageLog:
    return PageLog()


# A visitor whose pointer is over the page: the interactive app starts on such intent (assets/boot.js), so the
# tests of the app see it start as soon as a page has loaded. Tests of the static first paint use `still_page`.
VISITOR = "document.addEventListener('DOMContentLoaded', () => window.dispatchEvent(new Event('pointermove')));"


@pytest.fixture
def page(browser: object, page_log: PageLog) -> Iterator[object]:
    """A fresh page (own context: no cache or history shared between tests) at laptop size, with its log, whose
    visitor moves the pointer as each page loads (the app starts).

    At teardown the page must have logged no console error and thrown no uncaught exception.
    """
    yield from _page(browser, page_log, VISITOR)


@pytest.fixture
def still_page(browser: object, page_log: PageLog) -> Iterator[object]:
    """A fresh page whose visitor does nothing: the page as the server sent it, until the test acts."""
    yield from _page(browser, page_log, "")


def _page(browser: object, page_log: PageLog, script: str, **options: Any) -> Iterator[object]:
    """A page in a context of its own (`options` of Playwright's new_context beside the viewport)."""
    context = browser.new_context(viewport=VIEWPORT, **options)  # type: ignore[attr-defined]
    if script:
        context.add_init_script(script)
    tab = context.new_page()
    tab.set_default_timeout(DEFAULT_TIMEOUT_MS)

    def on_console(message: object) -> None:
        text = f"{message.text} ({message.location.get('url', '')})"  # type: ignore[attr-defined]
        if message.type == "error":  # type: ignore[attr-defined]
            page_log.console_errors.append(text)
        elif message.type == "warning":  # type: ignore[attr-defined]
            page_log.console_warnings.append(text)

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: page_log.page_errors.append(str(error)))
    tab.on("request", lambda request: page_log.requests.append(request.url))
    try:
        yield tab
    finally:
        context.close()
    if page_log.console_warnings:
        print("console warnings:", *page_log.console_warnings, sep="\n  ")
    assert not page_log.page_errors, f"uncaught exceptions in the page: {page_log.page_errors}"
    assert not page_log.console_errors, f"console errors: {page_log.console_errors}"
