"""The "2005 → today" page (/then-and-now): every statement of the 2005–2006 documents in four languages with its
figure as written and its citation, beside numbers computed here from the data (checked against the data by their
own queries), never a placeholder 0; links that open the chart that shows each; its charts, data file, head, sitemap
entry and the links to it from every header and from the profiles of the countries it names."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import pytest

from app import server
from components import ids, pages
from core.charts import registry, thennow
from core.charts.thennow import words
from core.data import corridors, queries
from core.data.store import get_store
from core.i18n.catalog import LANGUAGES, t
from core.i18n.formats import fmt_value
from core.state.options import options
from core.state.urlstate import decode, with_route
from tests.layout_helpers import by_id
from tests.test_opendata import package_of, validate

OPTIONS = options()
OLD = "4b94809ebbe9"  # the kept earlier edition (data/editions): fewer groups and indicators


@pytest.fixture(scope="module")
def client() -> Any:
    return server.test_client()


def page_in(lang: str) -> pages.Page:
    found = pages.build("/then-and-now", f"lang={lang}", "en")
    assert found is not None
    return found


def text(page: pages.Page) -> str:
    return html.unescape(page.html)


def value_of(number: int, key: str, year: int) -> float | None:
    measure = next(m for m in thennow.statement(number).measures if m.key == key)
    return next(p.value for p in measure.points if p.year == year)


# --- every statement, in every language ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_statement_is_on_the_page_with_its_figure_and_citation(lang: str) -> None:
    page = page_in(lang)
    written = text(page)
    assert page.state.page == "thennow"
    assert len(thennow.statements()) == 21
    for one in thennow.statements():
        assert f'id="{ids.STATEMENT}{one.number}"' in page.html, one.number  # an address can point at it
        assert words.claim(one.number, lang) in written
        assert words.figure(one.number, lang) in written
        assert words.cite(one.number, lang) in written
        assert words.verdict(one, lang) in written
        assert words.note(one, lang) in written
    assert t("thennow.doc_a", lang) in written
    assert t("thennow.doc_b", lang) in written
    assert page.title.startswith(t("thennow.title", lang))


@pytest.mark.parametrize(
    ("lang", "figure"),
    [
        ("en", "almost 25 million"),
        ("es", "casi 25 millones"),
        ("pt", "quase 25 milhões"),
        ("fr", "près de 25\u00a0millions"),
    ],
)
def test_figures_are_quoted_as_written_in_the_pages_language(lang: str, figure: str) -> None:
    assert words.figure(2, lang) == figure
    assert figure in text(page_in(lang))


def test_every_theme_holds_its_statements_once() -> None:
    numbers = [n for _, group in thennow.THEMES for n in group]
    assert sorted(numbers) == list(range(1, 22))
    assert {one.theme for one in thennow.statements()} == {theme for theme, _ in thennow.THEMES}


# --- the numbers: computed from the data, none a placeholder --------------------------------------------------------


def test_the_regions_emigrants_are_the_group_rule_over_the_data() -> None:
    for group, key in (("lac_states", "emigrants_states"), ("lac", "emigrants_region")):
        for year in (2000, 2005, 2024):
            expected = queries.aggregate_at("emigrant_stock", queries.group_members(group), year)
            assert expected is not None
            assert value_of(2, key, year) == pytest.approx(expected.value)
    stock = queries.series("emigrant_stock")
    states = stock[(stock["year"] == 2024) & stock["iso3"].isin(queries.group_members("lac_states"))]
    assert value_of(2, "emigrants_states", 2024) == pytest.approx(states["value"].sum())  # all 33 report


def test_country_figures_are_the_countrys_own() -> None:
    stock, share = queries.series("emigrant_stock"), queries.series("emigrant_share")
    mexico = stock[(stock["iso3"] == "MEX") & (stock["year"] == 2024)]["value"].iloc[0]
    assert value_of(7, "country_stock", 2024) == mexico
    salvador = share[(share["iso3"] == "SLV") & (share["year"] == 2000)]["value"].iloc[0]
    assert thennow.statement(10).measures[0].points[0].value == salvador


def test_who_lives_in_the_united_states_comes_from_the_corridors() -> None:
    members = set(queries.group_members("lac_states"))
    rows = get_store().corridors
    in_usa = rows[(rows["destination"] == "USA") & (rows["year"] == 2000) & rows["origin"].isin(members)]
    assert value_of(3, "in_usa_states", 2000) == in_usa["emigrants"].sum()
    everyone = rows[(rows["destination"] == "USA") & (rows["year"] == 2000)]["emigrants"].sum()
    assert value_of(13, "usa_share_states", 2000) == pytest.approx(100 * in_usa["emigrants"].sum() / everyone)
    assert value_of(13, "usa_share_states", 2000) < 50 < value_of(13, "usa_share_region", 2000)  # the territories


def test_counts_name_what_they_count() -> None:
    measure = thennow.statement(9).measures[0]
    stock = queries.series("emigrant_stock")
    others = set(queries.group_members("lac_states")) - {"MEX", "COL"}
    for point in measure.points:
        rows = stock[(stock["year"] == point.year) & stock["iso3"].isin(others) & (stock["value"] > 500_000)]
        assert point.value == len(rows)
        assert {code for code, _ in point.items} == set(rows["iso3"])
    assert measure.of == 31


def test_the_cost_average_is_a_fixed_set_of_corridors() -> None:
    costs = get_store().corridor_costs
    inside = costs[costs["receiver"].isin(queries.group_members("lac"))]
    yearly = inside.groupby(["sender", "receiver", "year"])["cost_pct"].mean().reset_index()
    first = set(map(tuple, yearly[yearly["year"] == 2011][["sender", "receiver"]].to_numpy()))
    last = set(map(tuple, yearly[yearly["year"] == 2020][["sender", "receiver"]].to_numpy()))
    kept = first & last
    assert len(kept) == 35
    for year in (2011, 2020):
        ours = pd.Series(
            [pair in kept for pair in zip(yearly["sender"], yearly["receiver"], strict=True)], index=yearly.index
        )
        rows = yearly[(yearly["year"] == year) & ours]
        assert value_of(18, "cost_average", year) == pytest.approx(rows["cost_pct"].mean())
    assert thennow.statement(18).verdict == "none"  # the 2008 pledge: nothing in the data compares


@pytest.mark.parametrize("lang", LANGUAGES)
def test_numbers_are_written_from_the_data_and_missing_is_never_zero(lang: str) -> None:
    written = text(page_in(lang))
    for one in thennow.statements():
        for measure in one.measures:
            for point in measure.points:
                assert point.value is not None, (one.number, measure.key, point.year)  # this edition has them all
                assert words.value(measure, point, lang) in written
                if measure.unit != "count":
                    assert point.value != 0, (one.number, measure.key, point.year)
    emigrants = fmt_value(value_of(2, "emigrants_states", 2024), "persons", lang)
    assert emigrants in written


def test_a_missing_measure_says_so_and_the_file_leaves_it_empty(client: Any) -> None:
    """An earlier edition lacks the 33 states' group and the immigrant stocks: its values are missing, never 0."""
    answer = client.get(f"/data/v1/then-and-now.csv?edition={OLD}")
    assert answer.status_code == 200
    frame = pd.read_csv(io.BytesIO(answer.data), keep_default_na=False, na_values=[""])
    world = frame[frame["Today's measure"] == "International migrants worldwide"]
    assert world["Value"].isna().all()
    assert not (frame["Value"] == 0).any() or (frame.loc[frame["Value"] == 0, "Unit"] == "Number of countries").all()


# --- links: each to the chart that shows it ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_statement_links_to_a_view_that_exists(lang: str) -> None:
    page = page_in(lang)
    tags = re.findall(r'<a [^>]*class="statement-link"[^>]*>', page.html)
    links = [re.search(r'href="([^"]+)"', tag).group(1) for tag in tags]
    links = [link for link in links if not link.startswith("#")]  # the charts below on this page
    assert len(links) == 21
    for link in map(html.unescape, links):
        address = urlsplit(link)
        found = pages.build(address.path, address.query, "en")
        assert found is not None, link
        assert not found.state.rejected, link
        assert found.state.lang == lang
    mexico = next(html.unescape(a) for a in links if "countries=MEX" in a)
    view = with_route(decode(urlsplit(mexico).query, OPTIONS), "/", OPTIONS)
    assert (view.indicator, view.year, view.countries) == ("emigrant_stock", 2005, ("MEX",))


def test_the_header_of_every_page_links_here() -> None:
    for path, query in (("/", ""), ("/country/SLV", "lang=es"), ("/corridors/MEX", ""), ("/sources", "")):
        page = pages.build(path, query, "en")
        assert page is not None
        link = by_id(page.layout)[ids.HEADER_THEN_AND_NOW]
        assert urlsplit(link.href).path == "/then-and-now"
        assert link.children == t("thennow.link", page.state.lang)
    here = by_id(page_in("en").layout)[ids.HEADER_THEN_AND_NOW]
    assert getattr(here, "aria-current") == "page"


@pytest.mark.parametrize(
    ("code", "statement"), [("MEX", 7), ("COL", 8), ("SLV", 10), ("BRA", 10), ("JAM", 8), ("HTI", 8), ("ARG", None)]
)
def test_profiles_of_the_countries_it_names_link_to_their_statement(code: str, statement: int | None) -> None:
    page = pages.build(f"/country/{code}", "lang=pt", "en")
    assert page is not None
    found = by_id(page.layout).get(ids.PROFILE_THEN_AND_NOW)
    if statement is None:
        assert found is None
        return
    assert found is not None
    assert found.href == f"/then-and-now?lang=pt#{ids.STATEMENT}{statement}"


# --- its charts, files, head and sitemap ---------------------------------------------------------------------------


def test_its_charts_are_charts_like_every_other() -> None:
    state = with_route(decode("lang=es", OPTIONS), "/then-and-now", OPTIONS)
    charts = registry.page_charts(state)
    assert list(charts) == ["tn-emigrants", "tn-remittances", "tn-costs"]
    emigrants = charts["tn-emigrants"]
    quoted = emigrants.figure["data"][-1]
    assert (quoted["x"], quoted["y"]) == ([2000], [25e6])  # a point of its own, never joined to the series
    assert [trace["name"] for trace in emigrants.figure["data"][:2]] == [
        "América Latina y el Caribe (33 Estados)",
        "América Latina y el Caribe (Estados y territorios)",
    ]
    assert emigrants.facts.sentences[-1].startswith("Citado por el grupo de expertos de 2005")
    costs = charts["tn-costs"]
    assert costs.table["Corredores promediados"].tolist() == [35] * 10
    assert any("A ¶35" in note for note in costs.notes)
    for chart in charts.values():
        assert chart.file == chart.id
        assert chart.source_ids


def test_its_files_carry_their_metadata_and_validate(client: Any, tmp_path: Path) -> None:
    comparison = client.get("/data/v1/then-and-now.csv?lang=fr")
    assert comparison.status_code == 200
    frame = pd.read_csv(io.BytesIO(comparison.data))
    assert set(frame["Affirmation"]) == set(range(1, 22))
    for link in ("/data/v1/then-and-now.csv", "/data/v1/then-and-now.csv?chart=tn-costs&lang=pt"):
        descriptor = package_of(client, link)
        assert descriptor["sources"]
        assert descriptor["licenses"]
        validate(client, descriptor, tmp_path)
    notes = [note["label"] for note in package_of(client, "/data/v1/then-and-now.csv")["resources"][0]["notes"]]
    for label in ("The two documents", "Source", "Citation", "Licence", "Data edition", "Address"):
        assert label in notes
    assert client.get("/data/v1/then-and-now.csv?chart=cv-costs").status_code == 400
    assert client.get("/data/v1/then-and-now.csv?indicator=nope").status_code == 400


def test_its_charts_embed_and_their_addresses_refuse_a_subject(client: Any) -> None:
    assert client.get("/embed/tn-costs?lang=fr").status_code == 200
    assert client.get(f"/embed/tn-emigrants?edition={OLD}").status_code == 200  # an earlier edition draws what it has
    assert client.get("/embed/tn-costs?subject=MEX").status_code == 404


@pytest.mark.parametrize("lang", LANGUAGES)
def test_its_head_is_written_from_its_data(client: Any, lang: str) -> None:
    page = client.get(f"/then-and-now?lang={lang}").get_data(as_text=True)
    head = page[: page.index("</head>")]
    assert f'<html lang="{lang}"' in page
    description = html.unescape(re.search(r'<meta name="description" content="([^"]*)"', head).group(1))
    assert fmt_value(value_of(2, "emigrants_states", 2024), "persons", lang) in description
    assert len(description) <= 160
    assert f'<link rel="canonical" href="http://localhost/then-and-now?lang={lang}">' in head
    assert len(re.findall(r'<link rel="alternate" href="[^"]+" hreflang="', head)) == 5
    image = html.unescape(re.search(r'<meta property="og:image" content="([^"]*)"', head).group(1))
    preview = client.get(urlsplit(image).path + "?" + urlsplit(image).query)
    assert preview.status_code == 200
    assert preview.mimetype == "image/png"


def test_the_sitemap_lists_it_in_each_language(client: Any) -> None:
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    for lang in LANGUAGES:
        assert f"<loc>http://localhost/then-and-now?lang={lang}</loc>" in sitemap


def test_the_corridors_cited_are_the_2020_revision() -> None:
    """Who lives where is never taken from another revision than the corridors' own, whose last year is 2020."""
    assert all(p.year <= corridors.corridor_years()[-1] for p in thennow.statement(3).measures[0].points)
    assert words.source(thennow.statement(3).measures[0].source, "en") == "UN DESA 2020"
    assert words.source(thennow.statement(2).measures[0].source, "fr") == "UN DESA 2024"
