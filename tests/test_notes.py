"""What the charts say beside their numbers: the whole menu (the immigrant and DIOC indicators, DIOC's year as
"2015/16"), members carried from a nearby year in "n of N", outliers kept as published, what a group's total counts
(territories, Mexico in Central America, the world's unattributed migrants), and where the corridors' revision and
the country figures part."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from components import dashboard, pages
from core.charts import profile, registry, texts
from core.charts.corridor_view.headlines import reconcile
from core.charts.dashboard import headlines, mapview, trend
from core.data import schema as s
from core.state.options import MENU, menu, options
from core.state.urlstate import decode, with_route
from core.web import exports
from tests.layout_helpers import text_of


def view(query: str, lang: str = "en") -> Any:
    return decode(query, options(), lang)


# --- the menu ----------------------------------------------------------------------------------------------------


def test_the_menu_offers_every_indicator_the_edition_built() -> None:
    assert menu() == MENU
    assert list(options().years) == list(MENU)
    assert options().default_indicator == s.EMIGRANT_SHARE
    for indicator in (s.IMMIGRANT_STOCK, s.IMMIGRANT_SHARE, s.IMMIGRANT_FEMALE_SHARE):
        assert options().years[indicator][-2:] == (2020, 2024)
    assert options().years[s.DIOC_TERTIARY] == (2015,)


def test_an_old_edition_menu_is_its_own() -> None:
    meta = {"order": ["emigrant_share", "remittances_gdp"]}
    assert menu(meta) == ("emigrant_share", "remittances_gdp")
    assert menu({"order": ["x_new"], "staged": [s.DIOC_TERTIARY]}) == (s.DIOC_TERTIARY, "x_new")


@pytest.mark.parametrize(
    ("query", "title"),
    [
        (
            "indicator=dioc_tertiary_emigrants",
            "Tertiary-educated emigrants in OECD countries (2015/16), Latin America and the Caribbean (states and "
            "territories)",
        ),
        ("indicator=immigrant_stock&focus=south_america", "Immigrant population, South America, 2024"),
        (
            "indicator=emigrant_stock&year=2020",
            "Emigrant population, Latin America and the Caribbean (states and territories), 2020",
        ),
    ],
)
def test_map_titles_name_the_year_once(query: str, title: str) -> None:
    assert mapview.map_title(view(query)) == title


def test_dioc_is_written_2015_16_wherever_its_year_shows() -> None:
    state = view("indicator=dioc_tertiary_share&countries=MEX")
    assert dashboard.year_marks(state.indicator, options().years[state.indicator]) == {2015: "2015/16"}
    parts = dashboard.parts(state, "en")
    assert parts["play_disabled"]  # one census round: nothing to play
    assert parts["map_note"].startswith("Data for one year only, 2015/16.")
    assert set(mapview.table_rows(state)["year"]) == {"2015/16"}
    figure = trend.trend_figure(state)
    assert figure["layout"]["xaxis"]["ticktext"] == ["2015/16"]
    assert trend.trend_title(state).endswith(": the group and the countries chosen")
    ranking = registry.build(state, "ranking")
    assert ranking is not None
    assert ranking.title.endswith(", 2015/16")
    assert not dashboard.parts(view("indicator=immigrant_stock"), "en")["play_disabled"]


def test_the_profile_puts_dioc_beside_iab() -> None:
    state = with_route(view(""), "/country/MEX", options())
    figures = {f.indicator: f for f in profile.headline_figures(state)}
    assert figures[s.DIOC_TERTIARY].value == "1.1 million"
    assert figures[s.DIOC_TERTIARY].note.startswith("2015/16 · OECD")
    assert f"pf-trend-{s.DIOC_TERTIARY}" not in {spec.id for spec in registry.specs("country")}  # one year: no trend
    skilled = profile.skilled_chart(state)
    assert any("1,135,877 tertiary-educated emigrants" in note for note in skilled.notes)  # the check
    assert "OECD" in skilled.sources
    assert "IAB" in skilled.sources


# --- group figures: who reported, who was carried -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "label", "note"),
    [
        ("focus=caricom", "Remittances (US$)", "2024 · 12 of 15 with data, plus Guyana (2023) from a nearby year"),
        ("focus=lac", "Remittances (% of GDP)", "2024 · 30 of 51 with data, plus 4 from nearby years (2023)"),
        ("focus=lac", "Emigrants (persons)", "2024 · 48 of 51 with data"),
        ("focus=caricom&lang=es", "Remesas (US$)", "2024 · 12 de 15 con datos, más Guyana (2023) de un año cercano"),
    ],
)
def test_headlines_say_who_reported_and_who_was_carried(query: str, label: str, note: str) -> None:
    found = {h.label: h.note for h in headlines.headlines(view(query, "en"))}
    assert found[label] == note


def test_the_trend_hover_of_a_group_says_who_was_carried() -> None:
    lines = trend.trend_lines(view("indicator=remittances_usd&focus=caricom"))
    assert lines[0].hover[-1].endswith("12 of 15 with data, plus Guyana (2023) from a nearby year")


def test_profile_comparison_marks_group_figures_with_carried_members() -> None:
    state = with_route(view(""), "/country/JAM", options())
    rows = {r.indicator: r for r in profile.comparison(state)}
    groups = profile.compared_groups(state)
    caricom = groups.index("caricom")
    assert rows[s.REMITTANCES_USD].groups[caricom].endswith(" *")  # Guyana carried from 2023
    assert not rows[s.EMIGRANT_STOCK].groups[caricom].endswith("*")


# --- values kept as published -------------------------------------------------------------------------------------


def test_an_outlier_is_marked_as_published_on_the_map_and_in_files() -> None:
    state = view("indicator=remittances_usd&year=2001&focus=south_america")
    members = mapview.map_members(state, 2001, "log").set_index("iso3")
    assert "as published by the source" in members.loc["URY", "hover"]
    assert "as published" not in members.loc["ARG", "hover"]
    row = mapview.table_rows(state).set_index("iso3").loc["URY"]
    assert row["display"] == "US$ 6,038 (as published by the source)"
    assert "This applies to Uruguay 2001." in mapview.map_note(state)
    table = exports.series_table(state, "https://example.org", "/", date(2026, 12, 1))
    flagged = table.frame[table.frame["Outlier kept as published"]]
    assert set(zip(flagged["iso3"], flagged["Year"], strict=True)) >= {("URY", 2001)}


# --- what a total counts ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("focus", "territories", "world"),
    [
        ("lac", True, False),
        ("caribbean", True, False),
        ("lac_states", False, False),
        ("sica", False, False),
        ("world", False, True),
    ],
)
def test_the_focus_note_says_what_its_total_counts(focus: str, territories: bool, world: bool) -> None:
    notes = " ".join(texts.group_notes(focus, "en"))
    assert ("Puerto Rico" in notes and "Guadeloupe" in notes) is territories
    assert ("22,065,614" in notes) is world
    body = text_of(dashboard.focus_note(view(f"focus={focus}")))
    assert ("Guadeloupe" in body) is territories


def test_central_america_is_named_with_mexico_in_every_language() -> None:
    names = {lang: texts.group_name("central_america", lang) for lang in ("en", "es", "pt", "fr")}
    assert names == {
        "en": "Central America (incl. Mexico)",
        "es": "Centroamérica (incl. México)",
        "pt": "América Central (incl. México)",
        "fr": "Amérique centrale (avec le Mexique)",
    }


def test_the_territories_caveat_is_said_once_under_a_profiles_comparison() -> None:
    body = text_of(pages.build("/country/JAM", "", "en").layout)  # type: ignore[union-attr]
    assert body.count("Guadeloupe or Martinique") == 1  # Caribbean and LAC both count territories: one caveat


# --- corridors: one revision, said ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "direction", "numbers"),
    [
        ("VEN", "out", ("5,415,337 in 2020", "5,477,198 in 2020 and 8,328,514 in 2024")),
        ("MEX", "out", ("11,185,737 in 2020", "11,452,717 in 2020 and 11,596,529 in 2024")),
        ("COL", "in", ("1,905,393 in 2020", "1,932,807 in 2020 and 3,063,518 in 2024")),
    ],
)
def test_the_corridors_total_is_reconciled_with_the_headline(subject: str, direction: str, numbers: tuple) -> None:
    line = reconcile(subject, direction, 2020, "en")
    assert "International Migrant Stock 2020: " + numbers[0] in line
    assert numbers[1] in line


def test_far_apart_totals_get_the_small_states_caveat_on_the_corridor_view_only() -> None:
    assert "the Bahamas 2,042 against 53,793" in reconcile("BHS", "out", 2020, "en")
    assert "against 53,793" not in reconcile("BHS", "out", 2020, "en", explain=False)
    chart = registry.build(with_route(view(""), "/country/BHS", options()), "pf-corridors")
    assert chart is not None
    assert any("International Migrant Stock 2024" in note for note in chart.notes)


def test_corridor_charts_name_their_revision() -> None:
    state = with_route(view(""), "/corridors/MEX", options())
    for chart_id in ("cv-flow-map", "cv-corridors", "cv-change", "cv-regions"):
        chart = registry.build(state, chart_id)
        assert chart is not None, chart_id
        assert chart.subtitle.endswith("· UN DESA 2020 revision"), chart_id
    page = pages.build("/corridors/VEN", "", "en")
    assert page is not None
    assert "8,328,514 in 2024" in text_of(page.layout)
