"""Real-browser tests of the share and export features: slide images, data files, embeds, framing, language, link.

Everything goes through the page as a user does it: the per-chart "Download" menu, the embed dialog, the language
switch and the copy-link button, in headless Chromium against the app under gunicorn (fixtures in conftest.py).
Every check waits on DOM, plotly or download state, never on a fixed sleep.
"""

from __future__ import annotations

import contextlib
import functools
import html
import io
import json
import re
import struct
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from components import ids
from tests.browser_helpers import click_country, graph, open_dashboard, wait_app, wait_graph, wait_idle
from tests.conftest import PageLog

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "data" / "processed" / "manifest.json"
VIEWPORT = {"width": 1366, "height": 768}  # as the `page` fixture of conftest.py
DEFAULT_TIMEOUT_MS = 15_000
IMAGE_FORMATS = ("png-1920", "png-1280", "svg")
DOWNLOAD_TIMEOUT_MS = 30_000
# What Chromium logs in the framing page when it refuses to show the dashboard in a frame: expected there only.
REFUSED_FRAME = re.compile(r"(Refused to (display|frame)|Framing) .*(frame-ancestors|X-Frame-Options)", re.S | re.I)


# --- helpers -------------------------------------------------------------------------------------------------


def menu_item(page: Any, chart: str, kind: str, fmt: str | None = None) -> Any:
    """An item of a chart's Download menu (pattern-matching ids are JSON in the id attribute)."""
    selector = f'#menu-wrap-{chart} [id*=\'"type":"{kind}"\'][id*=\'"chart":"{chart}"\']'
    if fmt:
        selector += f'[id*=\'"format":"{fmt}"\']'
    return page.locator(selector)


def open_menu_item(page: Any, chart: str, kind: str, fmt: str | None = None) -> Any:
    page.click(f"#menu-wrap-{chart} .dropdown-toggle")
    item = menu_item(page, chart, kind, fmt)
    item.wait_for(state="visible")
    return item


def download(page: Any, chart: str, fmt: str, folder: Path) -> Path:
    """Pick `fmt` in the Download menu of `chart` and save the file the browser receives."""
    kind = "image-export" if fmt in IMAGE_FORMATS else "data-export"
    item = open_menu_item(page, chart, kind, fmt)
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as info:
        item.click()
    received = info.value
    assert received.failure() is None, f"download of {chart} {fmt} failed: {received.failure()}"
    path = folder / received.suggested_filename
    received.save_as(path)
    return path


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (the first chunk, right after the 8-byte signature)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR"
    assert length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def texts_outside(context: Any, svg: str) -> list[str]:
    """The texts of an exported SVG that do not fit inside its canvas, as Chromium lays them out (the fonts are the
    ones plotly measured with when it drew the export in the same browser)."""
    tab = context.new_page()
    try:
        tab.set_content("<!DOCTYPE html><html><body style='margin:0'>" + svg + "</body></html>")
        return tab.evaluate(
            """() => {
                const svg = document.querySelector('svg');
                const box = svg.getBoundingClientRect();
                return Array.from(svg.querySelectorAll('text')).filter(t => {
                    const r = t.getBoundingClientRect();
                    return t.textContent.trim() && r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1
                        || r.top < box.top - 1 || r.bottom > box.bottom + 1);
                }).map(t => t.textContent);
            }"""
        )
    finally:
        tab.close()


def csv_notes(path: Path) -> list[str]:
    """The '#' note lines at the top of an exported CSV (UTF-8 with BOM), without the '# ' prefix."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the CSV must start with a UTF-8 BOM (Excel reads accents then)"
    lines = raw.decode("utf-8-sig").splitlines()
    return [line[2:] for line in lines if line.startswith("# ")]


def note(notes: list[str], label: str) -> str:
    """The text of the note `label: text`."""
    found = [n.split(": ", 1)[1] for n in notes if n.startswith(label + ": ")]
    assert found, f"no {label!r} note in {notes}"
    return found[0]


def table_rows(page: Any) -> list[dict[str, str]]:
    """The rows of the on-screen table (#data-table), as the user reads them."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('#data-table tbody tr')).map(tr => {
            const cells = tr.querySelectorAll('td');
            return {rank: cells[0].textContent, name: tr.querySelector('th').textContent,
                    value: cells[1].textContent, year: cells[2].textContent};
        })"""
    )


def show_table(page: Any) -> None:
    page.locator("#view label", has_text=re.compile(r"^(Table|Tabla|Tabela|Tableau)$")).click()
    page.wait_for_selector("#data-table table tbody tr", state="visible")
    page.wait_for_selector("#map-wrap", state="hidden")
    wait_idle(page)


def manifest_version() -> str:
    return str(json.loads(MANIFEST.read_text(encoding="utf-8"))["version"])


def edition_name() -> str:
    """The current edition's human name ("2026-12"), as manifest.json names it."""
    return str(json.loads(MANIFEST.read_text(encoding="utf-8"))["edition"]["name"])


def embed_src(code: str) -> str:
    match = re.search(r'<iframe [^>]*src="([^"]+)"', code)
    assert match, f"no iframe src in the embed code: {code!r}"
    return html.unescape(match.group(1))


def watch(page: Any, log: PageLog) -> None:
    """Record console errors, uncaught exceptions and requests of a page (and its frames) into `log`."""

    def on_console(message: Any) -> None:
        text = f"{message.text} ({message.location.get('url', '')})"
        if message.type == "error":
            log.console_errors.append(text)
        elif message.type == "warning":
            log.console_warnings.append(text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.on("request", lambda request: log.requests.append(request.url))


# --- fixtures ------------------------------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def foreign_site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """Another site: a static file server on another loopback port (another origin), serving a temp folder."""
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "favicon.ico").write_bytes(b"")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", folder
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def framing_page(browser: Any) -> Iterator[tuple[Any, PageLog]]:
    """A page in its own context for the foreign-site tests: the test itself judges its console errors, since
    Chromium rightly logs one when it refuses to frame the dashboard."""
    log = PageLog()
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    tab.set_default_timeout(DEFAULT_TIMEOUT_MS)
    watch(tab, log)
    try:
        yield tab, log
    finally:
        context.close()


# --- tests ---------------------------------------------------------------------------------------------------


def test_png_exports_have_slide_sizes(page: Any, live_server: str, tmp_path: Path) -> None:
    open_dashboard(page, live_server)
    for chart, fmt, size in (("map", "png-1920", (1920, 1080)), ("ranking", "png-1280", (1280, 720))):
        path = download(page, chart, fmt, tmp_path)
        data = path.read_bytes()
        assert path.suffix == ".png", path.name
        assert png_size(data) == size, f"{chart} {fmt}: {png_size(data)} pixels"
        assert len(data) > 30_000, f"{chart} {fmt}: only {len(data)} bytes"
    # The off-screen copies the export draws are removed afterwards.
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length === 3")


def test_svg_export_has_title_subtitle_and_source(page: Any, live_server: str, tmp_path: Path) -> None:
    open_dashboard(page, live_server, "?countries=SLV,HND&indicator=remittances_gdp")
    wait_graph(page, "trend", "['El Salvador', 'Honduras'].every(n => gd.data.some(t => t.name === n))")
    href = page.evaluate("() => location.href")
    path = download(page, "trend", "svg", tmp_path)
    assert path.suffix == ".svg", path.name
    source = path.read_text(encoding="utf-8")
    root = ET.fromstring(source)
    assert root.get("width") == "1920"
    assert root.get("height") == "1080"
    text = html.unescape(" ".join(t for t in root.itertext()))
    assert "over time" in text, "the chart title is missing"
    assert "1990–2024" in text, "the subtitle's year span is missing"
    assert "World Development Indicators" in text, "the source is missing"
    assert date.today().isoformat() in text, "the access date is missing"
    assert "countries=SLV,HND" in text
    assert href in text, f"the page address {href} is missing"
    assert "El Salvador" in text
    assert "Honduras" in text
    assert not texts_outside(page.context, source), "texts cut off at the edge of the slide"


def test_view_csv_matches_the_table(page: Any, live_server: str, tmp_path: Path) -> None:
    open_dashboard(page, live_server, "?indicator=emigrant_share&year=2015&focus=sica")
    show_table(page)
    shown = table_rows(page)
    assert len(shown) >= 5
    path = download(page, "map", "view-csv", tmp_path)
    assert path.suffix == ".csv", path.name

    notes = csv_notes(path)
    assert notes[0] == page.inner_text("#map-title"), "the first note line is the title of the view"
    # The notes say what the page's About panel and source line say.
    about = " ".join(page.text_content("#about").split())
    for label in ("Definition", "Unit", "Licence", "Citation"):
        assert len(note(notes, label)) > 1
        assert note(notes, label) in about, f"the {label} note differs from the About panel: {note(notes, label)!r}"
    assert note(notes, "Source") in page.text_content("#sources-map")
    assert note(notes, "Accessed") == date.today().isoformat()
    address = note(notes, "Address")
    assert address.startswith(live_server + "/?")
    # The canonical link of the view (emigrant_share is the default indicator, so the link leaves it out).
    assert parse_qs(urlsplit(address).query) == {"year": ["2015"], "focus": ["sica"], "view": ["table"]}

    frame = pd.read_csv(path, comment="#")
    assert list(frame.columns)[:3] == ["Rank", "Country or territory", "iso3"]
    assert list(frame.columns)[-1] == "Year of value"
    value_column = frame.columns[3]
    assert frame["Country or territory"].tolist() == [r["name"] for r in shown], "names or order differ"
    assert [str(r) for r in frame["Rank"]] == [r["rank"] for r in shown]
    assert [f"{v:.1f}%" for v in frame[value_column]] == [r["value"] for r in shown]
    assert [str(y) for y in frame["Year of value"]] == [r["year"] for r in shown]


def test_series_xlsx_has_notes_and_matches_the_map(page: Any, live_server: str, tmp_path: Path) -> None:
    open_dashboard(page, live_server)
    assert page.inner_text("#map-title").endswith(", 2024")
    hover = graph(page, "map", "gd.data[1].customdata.find(c => c[2] === 'MEX')")
    assert hover, "Mexico is not on the map"
    shown = re.match(r"([\d.]+)% \((\d{4})\)", hover[1])
    assert shown, f"unexpected hover text for Mexico: {hover[1]!r}"
    assert shown.group(2) == "2024"

    path = download(page, "map", "series-xlsx", tmp_path)
    assert path.suffix == ".xlsx", path.name
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["About", "Data"]
    about = {row[0]: row[1] for row in book["About"].iter_rows(min_row=2, values_only=True)}
    for label in ("Definition", "Unit", "Source", "Citation", "Licence", "Accessed", "Address"):
        assert about.get(label), f"no {label} row in the About sheet: {sorted(about)}"
    assert about["Accessed"] == date.today().isoformat()
    rows = list(book["Data"].iter_rows(values_only=True))
    header, data = rows[0], rows[1:]
    assert header[:3] == ("iso3", "Country or territory", "Year")
    assert len(data) > 1000
    mexico = [r for r in data if r[0] == "MEX" and r[2] == 2024]
    assert len(mexico) == 1, mexico
    assert mexico[0][1] == "Mexico"
    assert f"{mexico[0][3]:.1f}" == shown.group(1), f"Excel {mexico[0][3]} vs map {hover[1]!r}"


EMBED_VIEW = "?countries=SLV,HND&indicator=remittances_gdp"


def test_embed_code_renders_on_another_site(
    page: Any, live_server: str, framing_page: tuple[Any, PageLog], foreign_site: tuple[str, Path]
) -> None:
    open_dashboard(page, live_server, EMBED_VIEW)
    open_menu_item(page, "trend", "embed-open").click()
    page.wait_for_selector("#embed-modal", state="visible")
    page.wait_for_function("() => document.getElementById('embed-code').value.includes('/embed/trend')")
    live_code = page.input_value("#embed-code")
    assert re.fullmatch(r'<iframe [^>]*loading="lazy"[^>]*></iframe>', live_code), live_code
    live = embed_src(live_code)
    assert live.startswith(live_server + "/embed/trend?"), live
    assert parse_qs(urlsplit(live).query) == {"countries": ["SLV,HND"], "indicator": ["remittances_gdp"]}

    page.locator("#embed-kind label", has_text="Pinned").click()
    page.wait_for_function("() => document.getElementById('embed-code').value.includes('edition=')")
    pinned = embed_src(page.input_value("#embed-code"))
    version = manifest_version()
    # Pinned: the data edition and the year said outright (the latest year moves with each edition).
    expected = {**parse_qs(urlsplit(live).query), "year": ["2024"], "edition": [version]}
    assert parse_qs(urlsplit(pinned).query) == expected
    assert urlsplit(pinned).path == "/embed/trend"

    # Another site shows the pinned snippet as copied, and one pinned to an edition this site no longer keeps.
    foreign, folder = foreign_site
    stale = pinned.replace(f"edition={version}", "edition=0123456789ab")
    (folder / "page.html").write_text(
        "<!DOCTYPE html><html><body><h1>A ministry's page</h1>\n"
        + page.input_value("#embed-code").replace("<iframe ", '<iframe id="pinned" ', 1)
        + f'\n<iframe id="stale" src="{html.escape(stale)}" width="100%" height="440"></iframe></body></html>',
        encoding="utf-8",
    )
    tab, log = framing_page
    tab.goto(foreign + "/page.html")
    for frame_id in ("pinned", "stale"):
        frame = tab.wait_for_selector(f"iframe#{frame_id}").content_frame()
        frame.wait_for_function(
            "() => { const gd = document.querySelector('.js-plotly-plot');"
            " return !!(gd && gd._fullLayout && gd.data.length >= 2); }"
        )
        names = frame.evaluate("() => document.querySelector('.js-plotly-plot').data.map(t => t.name)")
        assert "El Salvador" in names
        assert "Honduras" in names
        assert frame.inner_text("h1") == page.inner_text("#trend-title")
        source = frame.inner_text(".embed-source")
        assert "World Development Indicators" in source
        if frame_id == "pinned":
            assert f"Data edition {edition_name()} (pinned)" in source, source
            assert "no longer keeps" not in source
        else:
            assert "pinned to data edition 0123456789ab" in source, source
            assert "no longer keeps" in source
            assert f"shows edition {edition_name()}" in source
    tab.wait_for_load_state("networkidle")
    foreign_requests = [
        u for u in log.requests if not u.startswith((live_server + "/", foreign + "/", "data:", "blob:", "about:"))
    ]
    assert not foreign_requests, f"requests leaving the two loopback origins: {foreign_requests}"
    assert any(u.startswith(live_server + "/embed/trend?") for u in log.requests)
    assert not log.page_errors, log.page_errors
    assert not log.console_errors, log.console_errors


def test_dashboard_refuses_to_be_framed(
    live_server: str, framing_page: tuple[Any, PageLog], foreign_site: tuple[str, Path]
) -> None:
    foreign, folder = foreign_site
    (folder / "page.html").write_text(
        "<!DOCTYPE html><html><body>"
        f'<iframe id="embed" src="{live_server}/embed/map" width="900" height="560"></iframe>'
        f'<iframe id="dashboard" src="{live_server}/" width="900" height="560"></iframe>'
        "</body></html>",
        encoding="utf-8",
    )
    tab, log = framing_page
    responses: dict[str, Any] = {}
    tab.on("response", lambda response: responses.setdefault(response.url, response))
    tab.goto(foreign + "/page.html")

    # The embed page, framed by the same foreign page, renders: the refusal below is not a broken test page.
    embed = tab.wait_for_selector("iframe#embed").content_frame()
    embed.wait_for_function(
        "() => { const gd = document.querySelector('.js-plotly-plot');"
        " return !!(gd && gd._fullLayout && gd.data.length >= 2); }"
    )
    tab.wait_for_load_state("load")  # every frame has finished loading, the dashboard's included
    dashboard = tab.wait_for_selector("iframe#dashboard").content_frame()
    assert dashboard.url.startswith(("chrome-error:", "about:")), f"the dashboard frame shows {dashboard.url}"
    content = dashboard.evaluate("() => document.documentElement ? document.documentElement.outerHTML : ''")
    assert "_dash-app-content" not in content
    assert "react-entry-point" not in content
    assert dashboard.locator("#map").count() == 0
    assert dashboard.locator(".js-plotly-plot").count() == 0
    assert not [u for u in log.requests if "/_dash-" in u], "the framed dashboard started its Dash app"
    assert [e for e in log.console_errors if REFUSED_FRAME.search(e)], (
        f"Chromium did not report refusing the frame: {log.console_errors}"
    )
    assert not [e for e in log.console_errors if not REFUSED_FRAME.search(e)], log.console_errors
    assert not log.page_errors, log.page_errors

    # The headers that decide it: the dashboard forbids every frame, the embed page allows any.
    dashboard_headers = responses[live_server + "/"].all_headers()
    assert responses[live_server + "/"].status == 200
    policy = [d.strip() for d in dashboard_headers.get("content-security-policy", "").split(";")]
    assert "frame-ancestors 'none'" in policy, dashboard_headers.get("content-security-policy")
    assert dashboard_headers.get("x-frame-options", "").upper() == "DENY"
    embed_headers = responses[live_server + "/embed/map"].all_headers()
    assert responses[live_server + "/embed/map"].status == 200
    policy = [d.strip() for d in embed_headers.get("content-security-policy", "").split(";")]
    assert "frame-ancestors *" in policy, embed_headers.get("content-security-policy")
    assert "x-frame-options" not in embed_headers


SPANISH_VIEW = "?lang=es&indicator=remittances_usd"


def test_spanish_then_back_to_english(page: Any, live_server: str, tmp_path: Path) -> None:
    from core.charts import texts as views

    open_dashboard(page, live_server, SPANISH_VIEW)
    page.wait_for_function("() => document.documentElement.lang === 'es'")
    page.wait_for_function("() => document.getElementById('app-title')?.textContent.startsWith('Migración')")
    map_title = page.inner_text("#map-title")
    assert "Remesas" in map_title
    assert "América Latina y el Caribe" in map_title
    wait_graph(page, "map", "gd.data[1].colorbar.ticktext.includes('Sin datos')")
    ticks = graph(page, "map", "gd.data[1].colorbar.ticktext")
    assert not [t for t in ticks if re.search(r"\d(bn|M|k)\b", t)], f"English number forms in the legend: {ticks}"
    # The map's hover gives the exact amount with Spanish grouping (US$ 67.637.913.797), the ranking the compact
    # form in thousands of millions, as ECLAC writes it (US$ 67.600 millones, not 67,6 mil millones).
    mexico = graph(page, "map", "gd.data[1].customdata.find(c => c[2] === 'MEX')")
    assert mexico[0] == "México"
    ranked = r"Puesto 1 de \d+ \(América Latina y el Caribe \(Estados y territorios\)\)"
    assert re.match(r"US\$ \d{1,3}(\.\d{3})+ \(\d{4}\)<br>" + ranked, mexico[1]), mexico
    hovers = graph(page, "map", "gd.data[1].customdata.map(c => c[1])")
    assert not [h for h in hovers if re.search(r"\d,\d{3}\b|billion|million|No data|Rank", h)], hovers
    labels = graph(page, "ranking", "gd.data[gd.data.length - 1].customdata.map(c => c[0])")
    assert re.fullmatch(r"US\$ \d{1,3}\.\d{3} millones", labels[0]), labels[:3]
    y_title = views.label("remittances_usd", "es", "short_label")
    assert y_title != views.label("remittances_usd", "en", "short_label")
    wait_graph(page, "trend", "gd._fullLayout.yaxis.title.text === arg", y_title)
    assert page.inner_text("#menu-wrap-map .dropdown-toggle").strip() == "Descargar"

    path = download(page, "map", "view-csv", tmp_path)
    notes = csv_notes(path)
    assert notes[0] == map_title
    assert note(notes, "Consultado") == date.today().isoformat()
    frame = pd.read_csv(path, comment="#")
    assert list(frame.columns)[:2] == ["Puesto", "País o territorio"]
    assert list(frame.columns)[-1] == "Año del valor"

    page.locator(".lang-buttons a", has_text="English").click()  # the buttons (a phone has them in a menu)
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    page.wait_for_function("() => document.getElementById('app-title')?.textContent.startsWith('Migration')")
    page.wait_for_function("() => document.getElementById('map-title')?.textContent.includes('Latin America')")
    wait_graph(page, "map", "gd.data[1].colorbar.ticktext.includes('No data')")
    wait_graph(
        page, "trend", "gd._fullLayout.yaxis.title.text === arg", views.label("remittances_usd", "en", "short_label")
    )
    wait_idle(page)
    assert "Remittances" in page.inner_text("#map-title") or "remittances" in page.inner_text("#map-title")
    assert page.inner_text("#menu-wrap-map .dropdown-toggle").strip() == "Download"
    assert page.evaluate("() => document.title").startswith("Migration")
    # The browser asks for English (Accept-Language en-US), so the view's link needs no lang= any more. The
    # address bar misses this after a reordered link (test_a_corrected_link_follows_the_next_change); the link the
    # app holds, written into the data files, has it right.
    notes = csv_notes(download(page, "map", "view-csv", tmp_path))
    assert note(notes, "Accessed") == date.today().isoformat()
    assert note(notes, "Address") == live_server + "/?indicator=remittances_usd"


def test_copy_link_puts_the_address_on_the_clipboard(page: Any, live_server: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    open_dashboard(page, live_server, "?indicator=remittances_gdp&countries=SLV")
    page.click("#copy-link")
    page.wait_for_function("() => document.getElementById('copy-status').textContent.trim() === 'Link copied'")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.evaluate("() => location.href")
    assert parse_qs(urlsplit(copied).query) == {"indicator": ["remittances_gdp"], "countries": ["SLV"]}


def copied_data_link(page: Any, menu: str, chart: str) -> str:
    """Pick "Copy data link" in a Download menu (`menu`: the element holding it) and read the clipboard."""
    page.click(f"{menu} .dropdown-toggle")
    item = page.locator(f'{menu} [id*=\'"type":"data-link"\'][id*=\'"chart":"{chart}"\']')
    item.wait_for(state="visible")
    page.evaluate("() => navigator.clipboard.writeText('')")
    item.click()
    page.wait_for_function("() => navigator.clipboard.readText().then(text => text.length > 0)")
    assert page.locator("#copy-status").text_content() == "Data link copied"
    return str(page.evaluate("() => navigator.clipboard.readText()"))


def test_copy_data_link_copies_the_address_of_the_charts_numbers(
    page: Any, live_server: str, page_log: PageLog
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    open_dashboard(page, live_server, "?indicator=remittances_gdp&countries=SLV")
    copied = copied_data_link(page, "#menu-wrap-trend", "trend")
    assert copied == f"{live_server}/data/v1/remittances_gdp.csv?countries=SLV&chart=trend"
    # The link follows the view: a country clicked on the map joins it.
    click_country(page, "GTM")
    wait_graph(page, "trend", "gd.data.length === 3")
    wait_idle(page)
    copied = copied_data_link(page, "#menu-wrap-trend", "trend")
    assert copied == f"{live_server}/data/v1/remittances_gdp.csv?countries=SLV,GTM&chart=trend"
    # What it names is what the chart draws.
    text = page.evaluate("url => fetch(url).then(r => r.text())", copied)
    frame = pd.read_csv(io.StringIO(text))
    lines = graph(page, "trend", "gd.data.map(t => [t.name, t.x, t.y])")
    assert list(dict.fromkeys(frame.iloc[:, 0])) == [name for name, _, _ in lines]
    for name, years, values in lines:
        rows = frame[frame.iloc[:, 0] == name]
        assert rows.iloc[:, 2].tolist() == years
        assert rows.iloc[:, 3].tolist() == pytest.approx(values, rel=1e-13)
    # A profile's own file has its link in the profile's menu.
    page.goto(f"{live_server}/country/SLV?lang=en")
    page.wait_for_selector("#profile-menu .dropdown-toggle")
    wait_idle(page)
    copied = copied_data_link(page, "#profile-menu", ids.PROFILE_DATA)
    assert copied == f"{live_server}/data/v1/country/SLV.csv"
    assert all(urlsplit(url).netloc == urlsplit(live_server).netloc for url in page_log.requests)


# A link the app corrects (a default value dropped, parameters reordered) is rewritten in place with
# history.replaceState, behind dcc.Location's back; the next change must still reach the address bar.
CORRECTED_LINKS = [
    pytest.param(
        "?indicator=emigrant_share&year=2015&focus=sica",
        "?year=2015&focus=sica",
        "#view label",
        "Table",
        "?year=2015&focus=sica&view=table",
        id="default-indicator-then-table",
    ),
    pytest.param(
        "?lang=es&indicator=remittances_usd",
        "?indicator=remittances_usd&lang=es",
        ".lang-buttons a",
        "English",
        "?indicator=remittances_usd",
        id="reordered-lang-then-english",
    ),
]


@pytest.mark.parametrize(("link", "corrected", "control", "choice", "expected"), CORRECTED_LINKS)
def test_a_corrected_link_follows_the_next_change(
    page: Any, live_server: str, link: str, corrected: str, control: str, choice: str, expected: str
) -> None:
    open_dashboard(page, live_server, link)
    page.wait_for_function("search => location.search === search", arg=corrected)
    page.locator(control, has_text=choice).click()
    wait_app(page)  # a language is a page of its own
    page.locator(f"{control}.active", has_text=choice).wait_for()
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    if control == "#view label":
        page.wait_for_selector("#data-table table tbody tr", state="visible")
    wait_idle(page)
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function("search => location.search === search", arg=expected, timeout=2000)
    shown = page.evaluate("() => location.search")
    assert shown == expected, f"the address bar shows {shown!r} for the view {expected!r}"


def test_long_subtitles_fit_on_the_slide(page: Any, live_server: str, tmp_path: Path) -> None:
    open_dashboard(page, live_server, "?indicator=remittances_usd")
    source = download(page, "map", "svg", tmp_path).read_text(encoding="utf-8")
    subtitle = html.unescape(" ".join(ET.fromstring(source).itertext()))
    assert "Latin America and the Caribbean (states and territories), 2024." in subtitle
    outside = texts_outside(page.context, source)
    assert not outside, f"texts cut off at the edge of the slide: {outside}"


def test_spanish_money_axis_ticks(page: Any, live_server: str) -> None:
    open_dashboard(page, live_server, "?indicator=remittances_usd&lang=es")
    page.wait_for_function("() => document.documentElement.lang === 'es'")
    wait_graph(page, "ranking", "gd._fullLayout.xaxis.type === 'log'")
    ticks = page.locator("#ranking .xtick text").all_text_contents()
    assert len(ticks) >= 3, ticks
    english = [t for t in ticks if re.search(r"\d\s*[BGk]$", t)]
    assert not english, f"English number abbreviations on the Spanish ranking axis: {ticks}"
