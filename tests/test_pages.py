"""Country profiles and corridor views: routes, context-keeping links, page callbacks, aggregates, exports, embeds."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pandas as pd
import pytest

from app import server
from components import ids, pages
from core.charts import profile as profiles
from core.charts import registry
from core.charts.dashboard import ranking as dashboard_ranking
from core.data import queries
from core.data.store import get_store
from core.state.options import options
from core.state.urlstate import ViewState, decode, encode, href, route, with_route
from core.web import embeds, exports
from tests.layout_helpers import by_id, text_of, walk

OPTIONS = options()


def state_on(path: str, query: str = "", lang: str = "en") -> ViewState:
    return with_route(decode(query, OPTIONS, lang), path, OPTIONS)


def value(indicator: str, iso3: str, year: int) -> float:
    rows = queries.series(indicator)
    return float(rows[(rows["iso3"] == iso3) & (rows["year"] == year)]["value"].iloc[0])


# --- routes and links -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", ("dashboard", None)),
        ("", ("dashboard", None)),
        ("/country/SLV", ("country", "SLV")),
        ("/country/slv/", ("country", "SLV")),
        ("/corridors/MEX", ("corridors", "MEX")),
        ("/corridors/central_america", ("corridors", "central_america")),
        ("/corridors/sica", ("corridors", "sica")),
        ("/country/sica", None),  # a group has a corridor view, not a profile
        ("/corridors/world", None),  # every country: not a corridor
        ("/country/XYZ", None),
        ("/country/SL", None),
        ("/country/", None),
        ("/countries/SLV", None),
        ("/country/" + "A" * 80, None),
        (None, None),
    ],
)
def test_route(path: Any, expected: Any) -> None:
    assert route(path, OPTIONS) == expected


def test_unknown_path_shows_the_dashboard_and_says_so() -> None:
    state = state_on("/nowhere")
    assert (state.page, state.subject) == ("dashboard", None)
    assert "path" in state.rejected


def test_a_group_corridor_view_shows_emigration_only() -> None:
    state = state_on("/corridors/sica", "direction=in")
    assert state.direction == "out"
    assert "direction" in state.rejected


def test_links_keep_indicator_year_focus_and_language() -> None:
    state = decode("indicator=remittances_gdp&year=2015&focus=sica&countries=SLV&lang=es", OPTIONS, "en")
    link = href(state, OPTIONS, "en", "country", "SLV")
    assert link == "/country/SLV?indicator=remittances_gdp&year=2015&focus=sica&countries=SLV&lang=es"
    back = state_on("/country/SLV", link.split("?", 1)[1])
    assert (back.indicator, back.year, back.focus, back.lang, back.countries) == (
        "remittances_gdp",
        2015,
        "sica",
        "es",
        ("SLV",),
    )
    assert href(back, OPTIONS, "en", "dashboard") == "/?" + link.split("?", 1)[1]


def test_corridor_parameters_round_trip() -> None:
    state = state_on("/corridors/COL", "direction=in&cyear=2000")
    assert (state.direction, state.cyear) == ("in", 2000)
    assert encode(state, OPTIONS) == "?direction=in&cyear=2000"
    assert set(state_on("/corridors/COL", "cyear=2003&direction=sideways").rejected) == {"cyear", "direction"}
    assert state_on("/corridors/COL").resolved_cyear(OPTIONS) == 2020


# --- the server ---------------------------------------------------------------------------------------------------


@pytest.fixture
def client() -> Any:
    return server.test_client()


def test_pages_are_served_and_bad_codes_are_404(client: Any) -> None:
    for path in ("/country/SLV", "/country/slv", "/corridors/COL", "/corridors/central_america"):
        assert client.get(path).status_code == 200, path
    for path in ("/country/XYZ", "/country/sica", "/corridors/ZZZ", "/corridors/world", "/country/%3Cscript%3E"):
        response = client.get(path, headers={"Accept-Language": "es"})
        assert response.status_code == 404, path
        body = response.get_data(as_text=True)
        assert "<script" not in body
        assert "Volver al panel" in body


# --- the pages, drawn whole on the server ---------------------------------------------------------------------


def page_of(path: str, query: str = "", browser: str = "en") -> pages.Page:
    page = pages.build(path, query, browser)
    assert page is not None
    return page


def test_each_address_is_a_page_of_its_own() -> None:
    for path, name in (("/", "dashboard"), ("/country/SLV", "country"), ("/corridors/MEX", "corridors")):
        found = by_id(page_of(path).layout)
        assert f"page-{name}" in found
        assert not {f"page-{other}" for other in ("dashboard", "country", "corridors") if other != name} & set(found)
    assert pages.build("/nowhere", "", "en") is None
    assert pages.build("/country/XYZ", "", "en") is None


def test_profile_page_holds_its_charts_and_their_export_texts() -> None:
    page = page_of("/country/SLV", "focus=sica&indicator=remittances_gdp")
    found = by_id(page.layout)
    body = text_of(page.layout)
    assert "El Salvador" in body
    assert "pf-trend-remittances_gdp" in found
    meta = found[ids.PAGE_META].data
    assert set(meta["charts"]) == {spec.id for spec in registry.specs("country")}
    assert all("{url}" in c["source"] for c in meta["charts"].values())
    assert page.title.startswith("El Salvador")
    spanish = page_of("/country/SLV", "lang=es")
    assert "Volver al panel" in text_of(spanish.layout)
    assert spanish.state.lang == "es"


def test_profile_links_back_to_the_dashboard_with_the_context() -> None:
    found = by_id(page_of("/country/SLV", "indicator=remittances_gdp&year=2015&focus=sica").layout)
    assert found["back-dashboard"].href == "/?indicator=remittances_gdp&year=2015&focus=sica"
    assert found["open-corridors"].href == "/corridors/SLV?indicator=remittances_gdp&year=2015&focus=sica"


def test_corridor_page_offers_its_directions_and_years_as_links() -> None:
    page = page_of("/corridors/COL", "direction=in")
    assert "Colombia" in page.title
    links = [c for c in walk(page.layout) if getattr(c, "href", "").startswith("/corridors/COL")]
    hrefs = {c.href for c in links}
    assert "/corridors/COL" in hrefs  # emigration, the default direction: no parameter
    assert "/corridors/COL?direction=in&cyear=2000" in hrefs
    current = [c for c in links if getattr(c, "aria-current", None) == "true"]
    assert [c.children for c in current][-1] == "2020"
    group = page_of("/corridors/sica")
    assert not [c for c in walk(group.layout) if "direction=in" in str(getattr(c, "href", ""))]


# --- the profile's figures --------------------------------------------------------------------------------------


def test_every_headline_figure_has_its_year_and_source() -> None:
    figures = profiles.headline_figures(state_on("/country/SLV"))
    assert [f.indicator for f in figures] == get_store().meta["order"]
    for figure in figures:
        assert figure.year is not None
        assert str(figure.year) in figure.note
    stock = next(f for f in figures if f.indicator == "emigrant_stock")
    assert stock.year == 2024
    assert "UN DESA" in stock.note


def test_comparison_uses_sums_and_ratios_of_sums() -> None:
    state = state_on("/country/SLV", "focus=central_america")
    assert profiles.compared_groups(state) == ("central_america", "sica", "lac")
    table = profiles.comparison_table(state).set_index("Indicator")
    members = queries.group_members("central_america")
    stock = queries.series("emigrant_stock")
    population = queries.series("population")
    stock_2024 = stock[(stock["year"] == 2024) & stock["iso3"].isin(members)]
    pop_2024 = population[(population["year"] == 2024) & population["iso3"].isin(stock_2024["iso3"])]
    central_america, lac = "Central America (incl. Mexico)", "Latin America and the Caribbean (states and territories)"
    assert table.loc["Emigrants (persons)", central_america] == pytest.approx(stock_2024["value"].sum())
    assert table.loc["Emigrants (% of population)", central_america] == pytest.approx(
        100 * stock_2024["value"].sum() / pop_2024["value"].sum()
    )
    share = table.loc["Emigrants (persons)", f"Share of the total: {central_america}"]
    assert share == pytest.approx(100 * value("emigrant_stock", "SLV", 2024) / stock_2024["value"].sum())
    # No honest group figure for corridor costs or skilled-emigration rates: blank, not an average.
    groups = [central_america, "Central American Integration System (SICA)", lac]
    assert table.loc["Cost of sending US$200 (%)", groups].isna().all()
    assert pd.isna(table.loc["Skilled emigration rate (%)", lac])


def test_the_visitors_focus_joins_the_comparison_and_outsiders_get_no_share() -> None:
    assert profiles.compared_groups(state_on("/country/SLV", "focus=mercosur"))[-1] == "mercosur"
    usa = state_on("/country/USA")
    assert profiles.compared_groups(usa) == ("lac",)
    assert profiles.share_group(usa) is None  # the USA is not part of LAC's total
    assert not any(c.startswith("Share of") for c in profiles.comparison_table(usa).columns)


def test_trend_shows_group_lines_for_shares_only() -> None:
    state = state_on("/country/SLV")
    share = profiles.trend_chart(state, "emigrant_share")
    lac = "Latin America and the Caribbean (states and territories)"
    names = ["El Salvador", "Central America (incl. Mexico)", lac]
    assert [t["name"] for t in share.figure["data"]] == names
    stock = profiles.trend_chart(state, "emigrant_stock")
    assert [t["name"] for t in stock.figure["data"]] == ["El Salvador"]
    assert stock.table["Emigrants (persons)"].iloc[-1] == value("emigrant_stock", "SLV", 2024)


def test_skilled_emigration_by_sex() -> None:
    chart = profiles.skilled_chart(state_on("/country/SLV"))
    assert {t["name"] for t in chart.figure["data"]} == {"Women", "Men", "All"}
    women = chart.table[chart.table["Sex"] == "Women"]
    assert women["Year"].tolist() == [1980, 1985, 1990, 1995, 2000, 2005, 2010]
    assert women.iloc[-1, 2] == pytest.approx(value("tertiary_emigration_rate_female", "SLV", 2010))


def test_the_visitors_indicator_comes_first() -> None:
    assert profiles.trend_order(state_on("/country/SLV", "indicator=remittance_cost"))[0] == "remittance_cost"


# --- exports and embeds -----------------------------------------------------------------------------------------


def test_profile_download_holds_the_comparison_and_its_sources() -> None:
    state = state_on("/country/SLV")
    table = exports.profile_table(state, "https://example.org", "country/SLV", date(2026, 11, 23))
    text = exports.to_csv(table).decode("utf-8-sig")
    assert "# El Salvador: migration and development profile" in text
    assert "https://example.org/country/SLV" in text
    assert "UN DESA" in text
    frame = pd.read_csv(io.StringIO(text), comment="#")
    assert len(frame) == len(get_store().meta["order"])


NNB, NB = "\u202f", "\u00a0"  # narrow no-break space, no-break space


def test_french_downloads_keep_french_typography() -> None:
    """Notes are 'label : text' with U+202F and keep the no-break spaces of the texts (str.split() dropped them)."""
    state = state_on("/country/KNA", "lang=fr", "fr")
    text = exports.to_csv(exports.profile_table(state, "https://example.org", "country/KNA", date(2026, 11, 23)))
    text = text.decode("utf-8-sig")
    assert f"# Saint-Kitts-et-Nevis{NNB}: profil de migration et de développement" in text
    assert f"# Source{NNB}: " in text
    assert f"du pays{NNB}; les valeurs de groupe" in text  # the comparison note, its U+202F kept
    dashboard = decode("?lang=fr&indicator=remittances_usd&focus=caricom", OPTIONS, "fr")
    series = exports.to_csv(exports.series_table(dashboard, "https://example.org", "?lang=fr", date(2026, 11, 23)))
    assert f"# Définition{NNB}: Transferts en espèces" in series.decode("utf-8-sig")
    assert "Indicateurs du développement dans le monde" in series.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("lang", "label", "hover"),
    [
        ("en", "US$ 3.6B", "US$ 3.6 billion"),
        ("es", f"US$ 3564{NB}M", "US$ 3600 millones"),
        ("pt", f"US$ 3,6{NB}bi", "US$ 3,6 bilhões"),
        ("fr", f"3,6{NB}Md{NB}${NB}US", f"3,6{NB}milliards de dollars des États-Unis"),
    ],
)
def test_ranking_money_is_abridged_beside_the_dot_and_said_in_full_on_hover(lang: str, label: str, hover: str) -> None:
    state = decode(f"?lang={lang}&indicator=remittances_usd&focus=caricom&year=2024", OPTIONS, lang)
    ranking = dashboard_ranking.ranking(state)
    jamaica = ranking.codes.index("JAM")
    assert ranking.labels[jamaica].startswith(label), ranking.labels[jamaica]
    assert ranking.hovers[jamaica].startswith(hover), ranking.hovers[jamaica]


@pytest.mark.parametrize(("lang", "unit"), [("en", "(US$)"), ("es", "(US$)"), ("pt", "(US$)"), ("fr", f"(${NB}US)")])
def test_comparison_money_cells_leave_the_currency_to_the_row_label(lang: str, unit: str) -> None:
    """A4 brief: "19,6 milliards de dollars des États-Unis" in every cell squeezed the table off the page."""
    rows = profiles.comparison(state_on("/country/KNA", f"lang={lang}", lang))
    money = next(r for r in rows if r.indicator == "remittances_usd")
    assert money.label.endswith(unit)
    assert not [c for c in (money.country, *money.groups) if "$" in c or "dollar" in c], money


def test_embed_subtitle_keeps_french_typography() -> None:
    chart = registry.build(decode("?lang=fr&indicator=emigrant_share", OPTIONS, "fr"), "map")
    assert f"résidente{NNB}: le pourcentage" not in chart.subtitle  # first sentence only
    chart = registry.build(decode("?lang=fr&indicator=tertiary_emigration_rate", OPTIONS, "fr"), "map")
    assert f"de l'OCDE{NNB}: émigrés" in chart.subtitle


def test_page_chart_download_is_what_the_chart_draws() -> None:
    state = state_on("/corridors/MEX")
    chart = registry.build(state, "cv-corridors")
    assert chart is not None
    table = exports.chart_table(chart, state, "https://example.org", "corridors/MEX", date(2026, 11, 23))
    frame = pd.read_csv(io.StringIO(exports.to_csv(table).decode("utf-8-sig")), comment="#")
    assert len(frame) == len(chart.table)
    assert table.name == "cv-corridors_MEX"


def test_chart_ids_belong_to_their_pages() -> None:
    assert registry.page_of("cv-flow-map") == "corridors"
    assert registry.page_of("pf-costs") == "country"
    assert registry.page_of("map") == "dashboard"
    assert registry.page_of("cv-nothing") is None
    assert registry.build(state_on("/country/SLV"), "cv-corridors") is None  # not a chart of that page


def test_embed_code_and_page_of_a_corridor_chart(client: Any) -> None:
    state = state_on("/corridors/COL", "direction=in&lang=es")
    code = embeds.iframe("https://example.org", registry.build(state, "cv-corridors"), state, None)
    assert "/embed/cv-corridors?subject=COL&amp;lang=es&amp;direction=in" in code
    assert embeds.chart_of(code) == "cv-corridors"
    page = client.get("/embed/cv-corridors?subject=COL&direction=in&lang=es")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert "Colombia" in body
    assert 'href="/corridors/COL?lang=es&amp;direction=in"' in body
    assert client.get("/embed/pf-costs?subject=SLV").status_code == 200
    for bad in (
        "/embed/cv-corridors?subject=XYZ",
        "/embed/cv-corridors",
        "/embed/pf-costs?subject=sica",
        "/embed/cv-nothing?subject=SLV",
    ):
        assert client.get(bad).status_code == 404, bad


def test_every_country_has_a_profile_and_every_lac_country_a_corridor_view() -> None:
    """Countries with gaps (no cost survey, no remittance estimate, no corridors: Kosovo) still get every page."""
    for code in sorted(OPTIONS.countries):
        assert "page-country" in by_id(page_of(f"/country/{code}").layout), code
    for code in queries.group_members("lac"):
        for direction in ("out", "in"):
            assert "page-corridors" in by_id(page_of(f"/corridors/{code}", f"direction={direction}").layout), code


def test_the_share_is_of_the_visitors_bloc_when_the_country_is_in_it() -> None:
    table = profiles.comparison_table(state_on("/country/SLV", "focus=sica")).set_index("Indicator")
    column = "Share of the total: Central American Integration System (SICA)"
    sica = table.loc["Emigrants (persons)", "Central American Integration System (SICA)"]
    assert table.loc["Emigrants (persons)", column] == pytest.approx(100 * value("emigrant_stock", "SLV", 2024) / sica)


def test_compact_numbers_agree_in_number() -> None:
    from core.i18n.formats import fmt_compact

    assert fmt_compact(1.0e6, "es") == "1 millón"
    assert fmt_compact(1.6e6, "es") == "1,6 millones"
    assert fmt_compact(1.6e6, "fr") == "1,6\u00a0million"  # no-break space
    assert fmt_compact(2.4e6, "fr") == "2,4\u00a0millions"
    assert fmt_compact(1.6e6, "pt") == "1,6 milhão"
    assert fmt_compact(51_830, "fr") == "51\u202f800"  # in full: "51,8 mille" is not said
