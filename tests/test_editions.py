"""Data editions in the UI: the edition named on every page and in every export, the Sources and changes page with
its changelog download, and embeds pinned to an edition (drawn from it, with its erratum; `version=` still read)."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from app import server
from components import pages
from core.charts import registry, texts
from core.data import changelog
from core.data.store import editions, get_store, serving
from core.i18n.catalog import LANGUAGES
from core.state.options import options
from core.state.urlstate import decode, route, with_route
from core.web import embeds, exports
from tests.layout_helpers import by_id, text_of

OLD = "4b94809ebbe9"  # the previous edition, kept in data/editions (2026-11: UN DESA 2020, two WDI vintages)
CURRENT = get_store().version


@pytest.fixture
def client() -> Any:
    return server.test_client()


def shown(text: str) -> str:
    """A text as the page's JSON carries it (text_of escapes quotes and non-ASCII characters)."""
    return json.dumps(text)[1:-1]


def state_on(path: str, query: str = "", lang: str = "en") -> Any:
    return with_route(decode(query, options(), lang), path, options())


# --- the edition, named ------------------------------------------------------------------------------------------


def test_the_editions_kept_are_the_current_and_the_previous() -> None:
    assert [(e.id, e.name, e.current) for e in editions()] == [(CURRENT, "2026-12", True), (OLD, "2026-11", False)]
    assert texts.edition_label("en").startswith("2026-12: UN DESA 2024, WDI 2026-07, KNOMAD 2021, DIOC 2015/16")
    with serving(OLD):
        assert (texts.edition_name(), texts.edition_label("en")[:21]) == ("2026-11", "2026-11: UN DESA 2020")


@pytest.mark.parametrize("path", ["/", "/country/SLV", "/corridors/MEX", "/sources"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_names_its_edition_in_the_footer_and_links_the_sources(path: str, lang: str) -> None:
    page = pages.build(path, f"lang={lang}", lang)
    assert page is not None
    footer = by_id(page.layout)["footer-sources"]
    assert footer.href.startswith("/sources")
    assert shown(texts.edition_label(lang)) in text_of(page.layout)
    assert CURRENT in text_of(page.layout)


def test_exports_and_slide_images_name_the_edition() -> None:
    state = decode("indicator=remittances_usd&focus=caricom", options(), "en")
    chart = registry.build(state, "map")
    table = exports.chart_table(chart, state, "https://example.org", "/", date(2026, 12, 1))
    assert ("Data edition", f"{texts.edition_label('en')} ({CURRENT})") in table.notes
    workbook = exports.to_xlsx(table, "About", "Data")
    assert workbook[:2] == b"PK"  # the same notes head the Excel file's About sheet
    meta = exports.image_meta([chart], "es", "file")
    assert "Edición de los datos 2026-12." in meta["charts"]["map"]["source"]


# --- the Sources and changes page --------------------------------------------------------------------------------


def test_sources_is_a_page_of_its_own() -> None:
    assert route("/sources", options()) == ("sources", None)
    assert route("/sources/", options()) == ("sources", None)
    assert route("/sources/x", options()) is None
    page = pages.build("/sources", "lang=fr", "en")
    assert page is not None
    assert page.title.startswith("Sources et modifications")
    assert "page-sources" in by_id(page.layout)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sources_page_lists_every_source_edition_and_change(lang: str) -> None:
    page = pages.build("/sources", f"lang={lang}", lang)
    assert page is not None
    found = by_id(page.layout)
    body = text_of(page.layout)
    meta = get_store().meta
    for ident, spec in meta["sources"].items():
        assert f"source-{ident}" in found
        for text in (spec["publisher"][lang], spec["licence"][lang], spec["last_update"], spec["licence_url"]):
            assert shown(text) in body, (ident, text)
    for edition in editions():
        assert edition.id in body
        assert shown(edition.erratum.get(lang, "")[:40]) in body
    assert found["changes-csv"].href == f"/sources/changes.csv?lang={lang}"


def test_sources_page_lists_the_changes_of_the_countries_chosen() -> None:
    body = text_of(pages.build("/sources", "countries=VEN", "en").layout)  # type: ignore[union-attr]
    assert "Changes for Venezuela" in body
    assert "8,328,514" in body  # 2024, a new year of UN DESA's 2024 revision
    assert "5,415,337" in body
    assert "5,477,198" in body
    assert shown("Barbados 2018–2020") in text_of(pages.build("/sources", "", "en").layout)  # type: ignore[union-attr]


def test_changelog_counts_agree_with_the_build_report() -> None:
    counts = changelog.counts()
    reported = get_store().report["changes"]["counts"]  # type: ignore[index]
    for indicator, reasons in reported.items():
        for reason, count in reasons.items():
            assert counts.loc[indicator, reason] == count, (indicator, reason)
    assert counts["total"].sum() == len(changelog.changes())


def test_changelog_downloads_as_csv_with_its_notes(client: Any) -> None:
    response = client.get("/sources/changes.csv?lang=es")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert f"changes_{CURRENT}.csv" in response.headers["Content-Disposition"]
    text = response.get_data().decode("utf-8-sig")
    assert "# Edición de los datos: 2026-12" in text
    assert f"# Comparada con la edición: 2026-11 ({OLD})" in text
    frame = pd.read_csv(io.StringIO(text), comment="#")
    assert list(frame.columns) == [
        "indicator",
        "iso3",
        "country",
        "year",
        "old_value",
        "new_value",
        "old_source",
        "new_source",
        "reason",
    ]
    assert len(frame) == len(changelog.changes())
    venezuela = frame[(frame["indicator"] == "emigrant_stock") & (frame["iso3"] == "VEN") & (frame["year"] == 2024)]
    assert venezuela[["new_value", "reason"]].values.tolist() == [[8_328_514.0, "new_year"]]
    assert client.get("/sources/changes.csv?lang=<x>").status_code == 200  # an unknown language: the browser's
    named = client.get(f"/sources/changes.csv?edition={CURRENT}")
    assert named.status_code == 200
    assert named.get_data() == client.get("/sources/changes.csv").get_data()


@pytest.mark.parametrize("edition", [OLD, "0123456789ab", "x" * 300])  # built without a changelog; not kept
def test_a_changelog_the_site_does_not_have_is_not_found(client: Any, edition: str) -> None:
    assert client.get(f"/sources/changes.csv?edition={edition}").status_code == 404


# --- pinned embeds ----------------------------------------------------------------------------------------------


def test_a_pinned_embed_code_names_the_edition_and_its_year() -> None:
    state = decode("indicator=emigrant_stock&countries=VEN", options(), "en")
    chart = registry.build(state, "trend")
    live = parse_qs(urlsplit(embeds.embed_query(state, None)).query)
    pinned = parse_qs(urlsplit(embeds.embed_query(state, CURRENT)).query)
    assert "edition" not in live
    assert "year" not in live
    assert pinned == {**live, "year": ["2024"], "edition": [CURRENT]}
    assert f"edition={CURRENT}" in embeds.iframe("https://example.org", chart, state, CURRENT)
    corridor = state_on("/corridors/MEX")
    assert parse_qs(urlsplit(embeds.embed_query(corridor, CURRENT)).query)["cyear"] == ["2020"]


def embed(client: Any, address: str) -> tuple[int, str]:
    response = client.get(address)
    return response.status_code, response.get_data(as_text=True)


@pytest.mark.parametrize("parameter", ["edition", "version"])  # version=: the name of links made before editions
def test_an_embed_pinned_to_the_previous_edition_shows_its_numbers_and_its_erratum(client: Any, parameter: str) -> None:
    status, body = embed(client, f"/embed/map?indicator=emigrant_stock&year=2020&{parameter}={OLD}")
    assert status == 200
    assert "5,415,337" in body
    assert "5,477,198" not in body
    assert "This earlier edition showed some missing values" in body
    assert 'href="/embed/map?indicator=emigrant_stock&amp;year=2020">See the current edition' in body
    assert "Data edition 2026-11 (pinned)." in body
    current_status, current = embed(client, f"/embed/map?indicator=emigrant_stock&year=2020&{parameter}={CURRENT}")
    assert current_status == 200
    assert "5,477,198" in current
    assert "Data edition 2026-12 (pinned)." in current
    assert "embed-erratum" not in current


@pytest.mark.parametrize("chart", ["map", "cv-flow-map"])
def test_a_pinned_map_fetches_the_geometry_of_its_edition(client: Any, chart: str) -> None:
    status, body = embed(client, f"/embed/{chart}?subject=MEX&edition={OLD}")
    assert status == 200
    assert f"/data/geometry.{OLD}.json" in body
    assert client.get(f"/data/geometry.{OLD}.json").status_code == 200
    assert client.get("/data/geometry.0123456789ab.json").status_code == 404  # an edition not kept


def test_the_erratum_speaks_the_embeds_language(client: Any) -> None:
    status, body = embed(client, f"/embed/ranking?indicator=remittances_gdp&lang=fr&edition={OLD}")
    assert status == 200
    assert "Cette édition antérieure affichait 0,0" in body
    assert "Édition des données 2026-11 (figée)." in body


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("edition=0123456789ab", "pinned to data edition 0123456789ab, which this site no longer keeps"),
        ("edition=%3Cscript%3E", "pinned to data edition ?, which this site no longer keeps"),
        ("version=0123456789ab", "pinned to data edition 0123456789ab"),
        ("", "Data edition 2026-12."),
    ],
)
def test_an_edition_no_longer_kept_shows_the_current_one_and_says_so(client: Any, query: str, said: str) -> None:
    status, body = embed(client, "/embed/trend?" + query)
    assert status == 200
    assert said in body
    assert "<script>" not in body.split('id="chart-spec"')[0]


@pytest.mark.parametrize(
    ("page", "subject"), [("dashboard", None), ("country", "SLV"), ("corridors", "MEX"), ("corridors", "sica")]
)
def test_every_chart_pinned_to_the_previous_edition_is_drawn_from_it(client: Any, page: str, subject: str) -> None:
    """Drawn from an edition built under the older contract (no immigrants, no DIOC, the 2018 matrix): every chart
    of that edition answers, in its own terms; a chart that edition did not have is not found."""
    with serving(OLD):
        ids = [spec.id for spec in registry.specs(page)]
    for chart in ids:
        address = f"/embed/{chart}?edition={OLD}" + (f"&subject={subject}" if subject else "")
        status, body = embed(client, address)
        assert status == 200, address
        assert "2026-11 (pinned)" in body, address
    if page == "country":
        assert embed(client, f"/embed/pf-trend-immigrant_stock?subject={subject}&edition={OLD}")[0] == 404
        assert embed(client, f"/embed/pf-trend-immigrant_stock?subject={subject}&edition={CURRENT}")[0] == 200


def test_the_previous_editions_remittance_corridors_are_its_2018_matrix(client: Any) -> None:
    status, body = embed(client, f"/embed/cv-remittances?subject=MEX&edition={OLD}")
    assert status == 200
    assert re.search(r"Bilateral Remittance Matrix 2018", body)
    status, body = embed(client, "/embed/cv-remittances?subject=MEX")
    assert "Bilateral Remittance Matrix 2021" in body
    assert "Matrix 2018</" not in body
