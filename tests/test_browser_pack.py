"""The briefing pack in a real browser (issue 16; assets/pack.js): three charts added from the Download menus of three
pages (the dashboard, a country profile, a corridor view), kept across navigation and a reload, one moved up with the
keyboard in the pack's dialog, then written as a PowerPoint file, read back with python-pptx, and as a ZIP of slide
images and data files. What each slide must say is taken from the page meta the server writes for those views
(core/web/exports.py, image_meta), the same texts the pages show."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from components import ids, pages
from tests.browser_helpers import wait_app, wait_graph, wait_idle
from tests.conftest import PageLog

pytestmark = pytest.mark.browser

ADD_TIMEOUT_MS = 45_000  # three renders of a chart at slide size (the map's is the slowest)
DOWNLOAD_TIMEOUT_MS = 90_000
# (page address, chart id): one chart of each kind of page.
CHARTS = [
    ("/?countries=SLV&lang=en", "map"),
    ("/country/SLV?lang=en", "pf-trend-emigrant_share"),
    ("/corridors/MEX?lang=en", "cv-corridors"),
]
TITLE = "Briefing: El Salvador and Mexico"


def server_meta(address: str) -> dict[str, Any]:
    """The page meta the server writes for a page (what its charts' slides say)."""
    path, _, query = address.partition("?")
    page = pages.build(path, query, None)
    assert page is not None
    found = [c for c in page.layout._traverse() if getattr(c, "id", None) == ids.PAGE_META]
    return dict(found[0].data)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def open_and_wait(page: Any, origin: str, address: str, chart: str) -> None:
    page.goto(origin + address)
    wait_app(page)
    wait_graph(page, chart, "gd.data.length >= 1")
    wait_idle(page)


def add_to_pack(page: Any, chart: str, expected: int) -> None:
    """Choose "Add to briefing pack" in the chart's Download menu; wait until the pack says it holds `expected`."""
    item = page.locator(f'[id*=\'"type":"pack-add"\'][id*=\'"chart":"{chart}"\']')
    page.locator(".dropdown", has=item).locator(".dropdown-toggle").click()
    item.wait_for(state="visible")
    item.click()
    page.wait_for_function(
        "n => document.getElementById('pack-count').textContent === '(' + n + ')'",
        arg=expected,
        timeout=ADD_TIMEOUT_MS,
    )
    assert page.inner_text("#pack-status") == f"Added to the briefing pack: {expected} of 20 charts."


def pack_titles(page: Any) -> list[str]:
    return page.locator("#pack-dialog .pack-item-title").all_inner_texts()


def download(page: Any, action: str, folder: Path) -> Path:
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as info:
        page.click(f"#pack-dialog [data-action={action}]")
    received = info.value
    assert received.failure() is None
    path = folder / received.suggested_filename
    received.save_as(path)
    return path


def title_of(slide: Any) -> str:
    """The text of the slide's title placeholder (PowerPoint's slide title: its outline, its screen readers)."""
    titles = [
        shape.text_frame.text
        for shape in slide.placeholders
        if shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
    ]
    assert len(titles) == 1, f"slide {slide.slide_id} has {len(titles)} titles"
    return titles[0]


def texts_of(slide: Any) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_a_pack_of_three_charts_from_three_pages(
    page: Any, page_log: PageLog, live_server: str, tmp_path: Path
) -> None:
    metas = [server_meta(address) for address, _ in CHARTS]
    expected = [meta["charts"][chart] for meta, (_, chart) in zip(metas, CHARTS, strict=True)]
    addresses = []  # as the browser shows them when the chart is added (a link may have been corrected)
    for number, (address, chart) in enumerate(CHARTS, start=1):
        open_and_wait(page, live_server, address, chart)
        assert page.inner_text("#pack-count") == f"({number - 1})"  # the pack followed from the page before
        add_to_pack(page, chart, number)
        addresses.append(page.url)

    # The same chart of the same view is not added twice.
    item = page.locator('[id*=\'"type":"pack-add"\'][id*=\'"chart":"cv-corridors"\']')
    page.locator(".dropdown", has=item).locator(".dropdown-toggle").click()
    item.click()
    page.wait_for_function("() => document.getElementById('pack-status').textContent.includes('already')")
    assert page.inner_text("#pack-count") == "(3)"

    page.reload()  # kept in the browser: a reload finds the pack as it was
    wait_app(page)
    page.wait_for_function("() => document.getElementById('pack-count').textContent === '(3)'")

    page.click("#pack-open")
    page.wait_for_selector("#pack-dialog[open] .pack-item >> nth=2")
    assert pack_titles(page) == [e["title"] for e in expected]
    assert page.evaluate("() => document.activeElement.id") == "pack-title"  # the focus moved into the dialog

    # The third chart moves up by keyboard; the focus stays on it, and the move is announced.
    third = page.locator("#pack-dialog .pack-item").nth(2)
    moved = third.get_attribute("data-item")
    third.locator("[data-action=up]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "t => document.querySelectorAll('#pack-dialog .pack-item-title')[1].textContent === t",
        arg=expected[2]["title"],
    )
    order = [expected[0], expected[2], expected[1]]
    assert pack_titles(page) == [e["title"] for e in order]
    assert page.evaluate("() => document.activeElement.closest('li').getAttribute('data-item')") == moved
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')").startswith("Move up: ")
    assert page.inner_text("#pack-progress") == f"{expected[2]['title']}: now 2 of 3."
    page.fill("#pack-title", TITLE)

    deck = download(page, "pptx", tmp_path)
    assert deck.name == "Briefing-El-Salvador-and-Mexico.pptx"
    assert page.inner_text("#pack-progress") == f"Ready: {deck.name} was downloaded."
    check_deck(Presentation(str(deck)), order, [addresses[0], addresses[2], addresses[1]], metas[0])

    archive = download(page, "zip", tmp_path)
    check_archive(archive, order)

    # Closing the dialog gives the focus back to the header's button; the pack kept the new order and title.
    page.keyboard.press("Escape")
    page.wait_for_selector("#pack-dialog", state="hidden")
    assert page.evaluate("() => document.activeElement.id") == "pack-open"
    page.reload()
    wait_app(page)
    page.wait_for_function("() => document.getElementById('pack-count').textContent === '(3)'")
    page.click("#pack-open")
    page.wait_for_selector("#pack-dialog[open] .pack-item >> nth=2")
    assert pack_titles(page) == [e["title"] for e in order]
    assert page.input_value("#pack-title") == TITLE

    host = urlsplit(live_server).netloc
    outside = [url for url in page_log.requests if urlsplit(url).scheme in ("http", "https")]
    assert all(urlsplit(url).netloc == host for url in outside), outside
    # The writers were loaded for the downloads only, once.
    assert sum("/assets/vendor/pptxgen.min.js" in url for url in page_log.requests) == 1


def check_deck(deck: Any, order: list[dict[str, Any]], addresses: list[str], meta: dict[str, Any]) -> None:
    """A title slide, one slide per chart in the pack's order, the sources last; 16:9."""
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)  # 13.333 × 7.5 in
    slides = list(deck.slides)
    assert len(slides) == 1 + len(order) + 1

    first = slides[0]
    assert title_of(first) == TITLE
    cover = texts_of(first)
    assert f"Data edition: {meta['edition']['name']} ({meta['edition']['id']})" in cover
    assert "Language: English" in cover
    assert "3 charts" in cover

    for slide, chart, address in zip(slides[1:-1], order, addresses, strict=True):
        assert title_of(slide) == chart["title"]
        words = texts_of(slide)
        assert chart["subtitle"] in words
        assert f"Data edition {meta['edition']['name']}." in words  # the source line names the edition
        assert address in words  # and the page's address
        pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        width, height = pictures[0].image.size
        assert width >= 1920
        assert height >= 1080
        assert pictures[0]._element.xpath("./p:nvPicPr/p:cNvPr/@descr") == [chart["description"]]
        notes = slide.notes_slide.notes_text_frame.text
        assert chart["facts"], f"{chart['title']} has no key facts"
        assert all(fact in notes for fact in chart["facts"])
        assert "Main numbers" in notes
        assert chart["numbers"][0] in notes

    last = slides[-1]
    assert title_of(last) == "Sources and licences"
    listed = texts_of(last)
    assert "International Migrant Stock 2024" in listed  # the map's and the profile trend's source
    assert "International Migrant Stock 2020" in listed  # the corridors'
    assert "Natural Earth" in listed  # the map's shapes
    assert "CC BY 3.0 IGO" in listed
    assert "Slides: 2, 4" in listed  # UN DESA 2024: the map (slide 2) and the profile's trend (now slide 4)
    assert "International Migrant Stock" in last.notes_slide.notes_text_frame.text  # the full citations


def check_archive(path: Path, order: list[dict[str, Any]]) -> None:
    """Each chart's slide image as PNG and SVG and its numbers as CSV and Excel, with a README and pack.json."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        assert {"README.txt", "pack.json"} <= names
        described = json.loads(archive.read("pack.json"))
        assert [chart["title"] for chart in described["charts"]] == [chart["title"] for chart in order]
        for number, chart in enumerate(order, start=1):
            stem = f"{number:02d}_{chart['file']}"
            assert {f"{stem}.{kind}" for kind in ("png", "svg", "csv", "xlsx", "datapackage.json")} <= names
            assert png_size(archive.read(f"{stem}.png")) == (1920, 1080)
            svg = archive.read(f"{stem}.svg").decode("utf-8")
            assert svg.startswith("<svg")
            assert chart["title"].split(",")[0] in svg  # the title is baked into the image
            table = pd.read_csv(io.BytesIO(archive.read(f"{stem}.csv")))
            assert len(table) > 0
            book = openpyxl.load_workbook(io.BytesIO(archive.read(f"{stem}.xlsx")))
            assert len(book.sheetnames) == 2  # the metadata, then the data
            package = json.loads(archive.read(f"{stem}.datapackage.json"))
            assert package["licenses"]
        readme = archive.read("README.txt").decode("utf-8")
        assert all(chart["title"] in readme for chart in order)
        assert "Not included" not in readme  # every data file was fetched
