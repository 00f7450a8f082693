"""Corridor-view charts (core.charts.corridor_view) on real data: published figures, reconciliation, gaps, languages."""

from __future__ import annotations

import functools
import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from core.charts import corridor_view, texts
from core.charts.corridor_view import common
from core.charts.corridor_view import flowmap as flow_map_chart
from core.charts.corridor_view.headlines import headlines
from core.charts.model import Chart
from core.data import corridors, flows, geometry
from core.data.queries import group_members
from core.data.store import get_store
from core.figures import dotplot, flowmap, style
from core.figures.geo import map_height
from core.i18n.catalog import LANGUAGES, t
from core.i18n.formats import separators
from pipeline.paths import RAW

ALLOWED_TRACES = {"scatter", "scattergeo", "choropleth"}  # the only traces of the app's partial plotly.js bundle
CASES = (("SLV", "out"), ("COL", "in"), ("central_america", "out"))


@functools.cache
def _revision_2020() -> tuple[pd.DataFrame, pd.DataFrame]:
    totals = pd.read_csv(RAW / "undesa_ims2020_bilateral/undesa_ims2020_country_totals.csv")
    bilateral = pd.read_csv(RAW / "undesa_ims2020_bilateral/undesa_ims2020_bilateral_stock_by_sex.csv")
    return totals, bilateral


def stock(iso3: str, year: int, indicator: str = "emigrant_stock") -> float:
    """The UN DESA 2020 revision's own figures, which the corridors (2020 revision) reconcile with; the country
    series in the store (emigrant_stock, ...) come from the 2024 revision and are not expected to match them."""
    totals, bilateral = _revision_2020()
    if indicator == "emigrant_stock":
        row = totals[(totals["alpha3"] == iso3) & (totals["year"] == year)]
        assert len(row) == 1
        return float(row["disp"].iloc[0])
    rows = bilateral[(bilateral["origin_iso3"] == iso3) & (bilateral["year"] == year)]
    female = float(rows["female"].sum())
    assert indicator in ("emigrant_female", "female_share"), indicator
    return female if indicator == "emigrant_female" else 100 * female / float(rows["total"].sum())


def column(chart: Chart, key: str, lang: str = "en", **values: object) -> pd.Series:
    return chart.table[t(key, lang, **values)]


def trace_types(figure: dict) -> set[str]:
    return {trace["type"] for trace in figure["data"]}


def annotation_texts(figure: dict) -> list[str]:
    """The annotations' texts, lines joined by spaces (a long message is wrapped with <br>)."""
    return [a["text"].replace("<br>", " ") for a in figure["layout"].get("annotations", [])]


def on_chart(chart: Chart, lang: str = "en") -> pd.Series:
    return chart.table[t("flows.col_on_chart", lang)]


# --- subjects and validation -----------------------------------------------------------------------------------


def test_groups_and_countries_are_subjects_but_not_the_world():
    assert flows.is_group("lac")
    assert flows.is_group("central_america")
    assert flows.is_group("sica")
    assert not flows.is_group("world")
    assert not flows.is_group("MEX")
    assert flows.directions("central_america") == ("out",)
    assert flows.directions("MEX") == ("out", "in")
    assert "world" not in flows.subjects()
    assert {"lac", "MEX", "XKX"} <= set(flows.subjects())
    assert common.subject_name("central_america", "es") == "Centroamérica (incl. México)"
    assert common.subject_name("MEX", "fr") == "Mexique"


@pytest.mark.parametrize(
    "call",
    [
        lambda: corridor_view.chart("corridors", "ZZZ", "out", 2020, "en"),
        lambda: corridor_view.chart("corridors", "mex", "out", 2020, "en"),
        lambda: corridor_view.chart("corridors", "world", "out", 2020, "en"),
        lambda: corridor_view.chart("corridors", "central_america", "in", 2020, "en"),
        lambda: corridor_view.chart("corridors", "MEX", "sideways", 2020, "en"),
        lambda: corridor_view.chart("corridors", "MEX", "out", 2021, "en"),
        lambda: corridor_view.chart("corridors", "MEX", "out", "2020", "en"),
        lambda: corridor_view.chart("corridors", "MEX", "out", True, "en"),
        lambda: corridor_view.chart("corridors", "MEX", "out", 2020, "de"),
        lambda: corridor_view.chart("sankey", "MEX", "out", 2020, "en"),
        lambda: headlines("sica", "in", 2020, "en"),
        lambda: headlines("MEX", "out", 1985, "en"),
        lambda: flows.origin_split("ZZZ", 2020),
        lambda: flows.cost_corridors_from("ZZZ"),
    ],
)
def test_bad_input_raises_a_one_line_value_error(call):
    with pytest.raises(ValueError, match=r"^[^\n]+$"):
        call()


# --- where emigrants live: reconciliation with the country totals ----------------------------------------------


def test_mexico_usa_is_the_top_corridor_of_2020():
    chart = corridor_view.chart("corridors", "MEX", "out", 2020, "en")
    assert column(chart, "flows.col_iso3").iloc[0] == "USA"
    assert column(chart, "flows.col_persons").iloc[0] == 10_853_105
    assert column(chart, "flows.col_rank").iloc[0] == 1
    assert column(chart, "flows.col_share").iloc[0] == pytest.approx(97.0, abs=0.1)
    dots = chart.figure["data"][-1]  # the browser tests read the ranking from the last trace
    assert dots["y"][0] == "United States"
    assert dots["customdata"][0][-1] == "USA"
    usa = corridors.destinations("MEX", 2020).iloc[0]
    assert usa["female_share"] == pytest.approx(46.6, abs=0.05)
    assert dots["text"][0] == "10.9M · 97.0%"  # short enough for a phone; the share of women has its own column
    women = {a["y"]: a["text"] for a in chart.figure["layout"]["annotations"] if a["yref"] == "y"}
    assert women["United States"] == "46.6%"
    assert t("flows.col_header_women") in annotation_texts(chart.figure)
    assert "10,853,105" in dots["customdata"][0][0]  # hover: the full detail
    assert "46.6% women" in dots["customdata"][0][0]


def test_chart_tables_hold_every_partner_the_drawn_ones_first():
    chart = corridor_view.chart("corridors", "MEX", "out", 2020, "en")
    rows = flows.partners("MEX", "out", 2020)
    assert len(chart.table) == len(rows) == 69
    assert on_chart(chart).tolist() == [True] * common.TOP_PARTNERS + [False] * (len(rows) - common.TOP_PARTNERS)
    assert column(chart, "flows.col_persons").sum() == stock("MEX", 2020)
    drawn = chart.table[on_chart(chart)]
    assert drawn[t("flows.col_destination")].tolist() == chart.figure["data"][-1]["y"]
    remittances = corridor_view.chart("remittances", "MEX", "out", 2020, "en")
    assert len(remittances.table) == len(flows.remittances("MEX", "out"))
    assert on_chart(remittances).sum() == common.TOP_PARTNERS
    assert on_chart(remittances).iloc[: common.TOP_PARTNERS].all()
    change = corridor_view.chart("change", "MEX", "out", 2020, "en")
    assert len(change.table) >= len(rows)  # this year's partners and those with a 1990 figure only
    assert on_chart(change).tolist()[: common.TOP_CHANGE] == [True] * common.TOP_CHANGE
    assert on_chart(change).sum() == common.TOP_CHANGE


def test_dot_plot_labels_fit_a_phone():
    """Each label sits right of its dot or, where it would run off the axis, left of it, on a value axis as narrow
    as a phone's; the axis is at the bottom, without a title, with about four ticks."""
    for subject, name in (("MEX", "corridors"), ("SLV", "corridors"), ("COL", "remittances"), ("GTM", "corridors")):
        figure = corridor_view.chart(name, subject, "out", 2020, "es").figure
        dots = figure["data"][-1]
        end = figure["layout"]["xaxis"]["range"][1]
        for value, label, side in zip(dots["x"], dots["text"], dots["textposition"], strict=True):
            at = value / end * dotplot.DOT_PLOT_WIDTH
            room = dotplot.LABEL_GAP + style.text_width(label)
            assert (at + room <= dotplot.DOT_PLOT_WIDTH) if side == "middle right" else (at - room >= 0)
        xaxis = figure["layout"]["xaxis"]
        assert xaxis["side"] == "bottom"
        assert "title" not in xaxis  # at the top it collided with the subtitle of slide images
        assert 3 <= len(xaxis["tickvals"]) <= 5
    assert dotplot._placements([1e6, 5e5], ["x" * 20, "y" * 20], 1.06e6) is None  # the axis must widen
    assert dotplot._placements([1e6, 10], ["x" * 40, "y"], 1.06e6) == ["middle right"] * 2  # too long anyway: right
    mexico = corridor_view.chart("corridors", "MEX", "out", 2020, "en").figure["data"][-1]
    assert mexico["textposition"][0] == "middle left"  # the USA: near the end of the axis
    assert mexico["textposition"][1] == "middle right"


def test_all_partners_of_mexico_sum_to_its_emigrant_stock():
    rows = flows.partners("MEX", "out", 2020)
    assert int(rows["persons"].sum()) == 11_185_737 == stock("MEX", 2020)
    assert int(rows["female"].sum()) == stock("MEX", 2020, "emigrant_female")
    assert rows["share"].sum() == pytest.approx(100.0)
    regions = corridor_view.chart("regions", "MEX", "out", 2020, "en")
    in_2020 = regions.table[column(regions, "flows.col_year") == 2020]
    assert int(in_2020[t("flows.col_persons")].sum()) == stock("MEX", 2020)


@pytest.mark.parametrize(("subject", "direction"), [("SLV", "out"), ("MEX", "out"), ("COL", "in"), ("USA", "out")])
def test_regions_shares_add_up_to_100_and_persons_to_the_total(subject, direction):
    chart = corridor_view.chart("regions", subject, direction, 2020, "en")
    by_year = chart.table.groupby(t("flows.col_year"))
    assert by_year[t("flows.col_share")].sum().to_numpy() == pytest.approx(100.0)
    for year, persons in by_year[t("flows.col_persons")].sum().items():
        assert persons == flows.partners(subject, direction, year)["persons"].sum()
    assert sorted(chart.table[t("flows.col_year")].unique()) == list(corridors.corridor_years())
    for trace in chart.figure["data"]:
        assert all(0 <= y <= 100 for y in trace["y"])


def test_regions_of_el_salvador_match_the_regional_split():
    chart = corridor_view.chart("regions", "SLV", "out", 2020, "en")
    rows = chart.table[column(chart, "flows.col_year") == 2020].set_index(t("flows.col_part"))
    assert rows.at[t("flows.part_usa"), t("flows.col_share")] == pytest.approx(88.0, abs=0.5)
    assert t("flows.part_unknown_destination") not in rows.index  # nobody there: no line at zero


def test_the_usa_is_not_a_destination_of_its_own_emigrants():
    names = [trace["name"] for trace in corridor_view.chart("regions", "USA", "out", 2020, "en").figure["data"]]
    assert t("flows.part_usa") not in names
    assert t("flows.part_lac") in names
    assert [h.label for h in headlines("USA", "out", 2020, "en")].count(t("flows.headline_in_usa")) == 0


# --- who lives in a country ------------------------------------------------------------------------------------


def test_origin_split_of_colombia():
    split = flows.origin_split("COL", 2020).set_index("part")
    assert tuple(split.index) == flows.ORIGIN_PARTS
    origins = corridors.origins("COL", 2020)
    assert origins["origin"].iloc[0] == "VEN"  # Venezuelans are Colombia's largest group of immigrants
    assert int(split["emigrants"].sum()) == int(origins["emigrants"].sum())
    assert int(split.at["unknown", "emigrants"]) == 12_389  # UN DESA "Other", kept
    assert int(split.at["lac", "emigrants"]) >= 1_780_486  # VEN alone
    assert split["share"].sum() == pytest.approx(100.0)
    female = 100 * split["female"].sum() / split["emigrants"].sum()
    assert female == pytest.approx(100 * origins["female"].sum() / origins["emigrants"].sum())


def test_origin_split_of_a_country_without_corridors_is_empty_not_an_error():
    split = flows.origin_split("XKX", 2020)
    assert split["emigrants"].sum() == 0
    assert split["share"].isna().all()


def test_colombia_in_keeps_the_unknown_origin_in_the_table_but_not_on_the_map():
    chart = corridor_view.chart("flow-map", "COL", "in", 2020, "en")
    assert column(chart, "flows.col_iso3").iloc[0] == "VEN"
    assert corridors.UNKNOWN_ORIGIN in column(chart, "flows.col_iso3").tolist()
    on_map = [
        row[-1] for trace in chart.figure["data"] if trace.get("mode") == "markers" for row in trace["customdata"]
    ]
    assert "VEN" in on_map
    assert corridors.UNKNOWN_ORIGIN not in on_map
    assert t("flows.note_unknown_count", persons="12,389") in chart.notes


@pytest.mark.parametrize("name", ["flow-map", "corridors", "change"])
def test_the_unknown_origin_is_counted_but_never_ranked(name):
    chart = corridor_view.chart(name, "USA", "in", 2020, "en")
    rows = flows.partners("USA", "in", 2020)
    unknown = int(rows.loc[rows["unknown"], "persons"].sum())
    assert unknown > 3_000_000  # UN DESA "Other": the second largest "origin" of the United States
    table = chart.table.set_index(t("flows.col_iso3"))
    assert not table.at[corridors.UNKNOWN_ORIGIN, t("flows.col_on_chart")]
    drawn = [row[-1] for trace in chart.figure["data"] for row in trace.get("customdata", []) if row]
    assert "MEX" in drawn
    assert corridors.UNKNOWN_ORIGIN not in drawn
    assert on_chart(chart).sum() == (common.TOP_CHANGE if name == "change" else common.TOP_PARTNERS)
    assert t("flows.note_unknown_count", persons=f"{unknown:,}") in chart.notes
    if name != "change":
        assert pd.isna(table.at[corridors.UNKNOWN_ORIGIN, t("flows.col_rank")])  # ranks are among countries
        assert column(chart, "flows.col_persons").sum() == rows["persons"].sum()  # still in the total
        assert column(chart, "flows.col_rank").iloc[1] == 2


def test_costa_rica_change_ranks_no_unknown_origin():
    chart = corridor_view.chart("change", "CRI", "in", 2020, "en")
    assert t("flows.unknown_origin") not in chart.figure["data"][2]["y"]
    assert t("flows.unknown_origin") in column(chart, "flows.col_origin").tolist()


# --- the map ---------------------------------------------------------------------------------------------------


def test_flow_map_draws_land_from_the_apps_own_geometry():
    chart = corridor_view.chart("flow-map", "MEX", "out", 2020, "en")
    background, highlight = chart.figure["data"][:2]
    for trace in (background, highlight):
        assert trace["type"] == "choropleth"
        assert trace["geojson"] == geometry.url()
        assert trace["featureidkey"] == "id"
        assert trace["locationmode"] == "geojson-id"
    assert len(background["locations"]) > 200
    assert highlight["locations"] == ["MEX"]
    geo = chart.figure["layout"]["geo"]
    assert not geo["showland"]
    assert not geo["showcountries"]
    assert not geo["showcoastlines"]
    assert geo["projection"] == {"type": "natural earth"}
    assert chart.height == chart.figure["layout"]["height"]


def test_flow_map_lines_and_markers_follow_the_top_15():
    chart = corridor_view.chart("flow-map", "MEX", "out", 2020, "en")
    lines = [tr for tr in chart.figure["data"] if tr["type"] == "scattergeo" and tr["mode"] == "lines"]
    markers = [tr for tr in chart.figure["data"] if tr["type"] == "scattergeo" and tr["mode"] == "markers"]
    partners, subject = markers
    assert len(lines) == len(partners["customdata"]) == common.TOP_PARTNERS
    widths = [line["line"]["width"] for line in lines]
    assert max(widths) == 8
    assert min(widths) >= 1
    assert widths == sorted(widths, reverse=True)  # largest corridor first, widest
    assert partners["customdata"][0][-1] == "USA"
    assert "10,853,105" in partners["customdata"][0][1]
    assert subject["customdata"][0][-1] == "MEX"
    mexico = get_store().countries.loc["MEX"]
    assert lines[0]["lon"][0] == mexico["label_lon"]  # out: from the subject to the destination
    assert lines[0]["lat"][0] == mexico["label_lat"]
    usa = get_store().countries.loc["USA"]
    assert (lines[0]["lon"][-1], lines[0]["lat"][-1]) == (usa["label_lon"], usa["label_lat"])
    assert t("flows.note_map_size", name="United States", persons="10,853,105") in chart.notes


@pytest.mark.parametrize(("subject", "direction"), [("MEX", "out"), ("USA", "in"), ("DOM", "in"), ("ARG", "out")])
def test_flow_lines_are_arcs_that_stay_inside_the_frame(subject, direction):
    """Lines crossing the Pacific (Mexico to Australia, East Asia to the United States) used to leave one edge of
    the map and come back on the other, and China to the Dominican Republic ran along the top edge."""
    chart = corridor_view.chart("flow-map", subject, direction, 2020, "en")
    geo = chart.figure["layout"]["geo"]
    (lon0, lon1), (lat0, lat1) = geo["lonaxis"]["range"], geo["lataxis"]["range"]
    lines = [tr for tr in chart.figure["data"] if tr["type"] == "scattergeo" and tr["mode"] == "lines"]
    assert len(lines) == common.TOP_PARTNERS
    for line in lines:
        assert len(line["lon"]) == len(line["lat"]) == flowmap.ARC_POINTS + 2
        assert all(lon0 <= lon <= lon1 for lon in line["lon"])
        assert all(lat0 <= lat <= lat1 for lat in line["lat"])
        assert max(abs(b - a) for a, b in zip(line["lon"], line["lon"][1:], strict=False)) < 30  # no wrap-around
        assert max(line["lat"]) < lat1  # never flattened against the top edge
    assert chart.height == map_height((lon0, lon1), (lat0, lat1), flow_map_chart.MAP_WIDTH, flow_map_chart.MAP_HEIGHTS)
    assert flow_map_chart.MAP_HEIGHTS[0] <= chart.height <= flow_map_chart.MAP_HEIGHTS[1]


def test_a_line_across_the_pacific_goes_the_long_way_round_inside_the_map():
    lons, lats = flowmap.arc((-102.0, 23.0), (134.0, -25.0))  # Mexico to Australia
    assert lons == sorted(lons)  # eastwards, over the Atlantic and the Indian Ocean
    assert lons[0] == -102.0
    assert lons[-1] == 134.0
    assert max(lats) > 23.0  # bowed to the north
    lons, lats = flowmap.arc((134.0, -25.0), (-102.0, 23.0))  # the same line the other way: the same bow
    assert max(lats) > 23.0


def test_group_map_has_no_lines_and_highlights_the_members():
    chart = corridor_view.chart("flow-map", "central_america", "out", 2020, "en")
    assert not [tr for tr in chart.figure["data"] if tr.get("mode") == "lines"]
    assert set(chart.figure["data"][1]["locations"]) == set(group_members("central_america"))
    assert any(note.startswith("Circle size") for note in chart.notes)


# --- change since 1990 -----------------------------------------------------------------------------------------


def test_change_of_el_salvador_usa_has_both_years():
    chart = corridor_view.chart("change", "SLV", "out", 2020, "en")
    row = chart.table[column(chart, "flows.col_iso3") == "USA"].iloc[0]
    assert row[t("flows.col_persons_year", year=1990)] == 465_433
    assert row[t("flows.col_persons_year", year=2020)] == 1_410_659
    assert row[t("flows.col_change")] == 1_410_659 - 465_433
    assert row[t("flows.col_change_pct")] == pytest.approx(100 * (1_410_659 - 465_433) / 465_433)
    # Every top-10 corridor of El Salvador has a 1990 figure (no "no figure" note); two caveats apply: a corridor
    # starting below 1,000 persons gets no percentage, and 1990 counts the refugees of the civil wars.
    assert chart.notes == (texts.caveat("percent_change_tiny_base", "en"), texts.caveat("refugees_1990", "en"))


@pytest.mark.parametrize(
    ("subject", "direction", "year", "refugees"),
    [
        ("SLV", "out", 2020, True),
        ("CRI", "in", 2020, True),
        ("NIC", "out", 1990, True),
        ("MEX", "out", 2015, True),
        ("central_america", "out", 2020, True),
        ("BRA", "out", 2020, False),
        ("JAM", "out", 2020, False),
    ],
)
def test_the_refugee_caveat_goes_with_central_american_corridors_since_1990(subject, direction, year, refugees):
    """Every change chart compares with 1990 (or 1990 with 2020): the caveat follows the region (UN M49's Central
    America, Mexico included), the subject's or a partner's."""
    chart = corridor_view.chart("change", subject, direction, year, "en")
    assert (texts.caveat("refugees_1990", "en") in chart.notes) is refugees


def test_no_percentage_change_from_a_tiny_base():
    """Below 1,000 persons in the base year a change is said in persons, not in per cent."""
    chart = corridor_view.chart("change", "SLV", "out", 2020, "en")
    rows = chart.table.dropna(subset=[t("flows.col_persons_year", year=1990), t("flows.col_persons_year", year=2020)])
    small = rows[rows[t("flows.col_persons_year", year=1990)] < 1000]
    assert len(small)
    assert small[t("flows.col_change_pct")].isna().all()
    large = rows[rows[t("flows.col_persons_year", year=1990)] >= 1000]
    assert large[t("flows.col_change_pct")].notna().all()


def test_a_corridor_without_a_1990_row_is_a_single_dot_and_a_note():
    assert corridors.corridor_history("JAM", "SXM")["year"].min() > 1990  # Sint Maarten: no 1990 row
    chart = corridor_view.chart("change", "JAM", "out", 2020, "en")
    sxm = "Sint Maarten (Dutch part)"
    base, now = chart.figure["data"][1], chart.figure["data"][2]
    assert base["name"] == "1990"
    assert now["name"] == "2020"
    assert sxm in now["y"]
    assert sxm not in base["y"]  # no grey dot, no zero
    assert sxm not in chart.figure["data"][0]["y"]  # no connecting line either
    row = chart.table[column(chart, "flows.col_iso3") == "SXM"].iloc[0]
    assert pd.isna(row[t("flows.col_persons_year", year=1990)])
    assert pd.isna(row[t("flows.col_change")])
    assert row[t("flows.col_persons_year", year=2020)] == 2_496
    assert any(sxm in note and "cannot be told apart" in note for note in chart.notes)


def test_change_in_1990_compares_with_2020_and_says_so():
    chart = corridor_view.chart("change", "SLV", "out", 1990, "en")
    assert "2020" in chart.subtitle
    assert t("flows.change_subtitle_first", year=1990, base=2020) in chart.subtitle
    row = chart.table[column(chart, "flows.col_iso3") == "USA"].iloc[0]
    assert row[t("flows.col_persons_year", year=1990)] == 465_433
    assert row[t("flows.col_change")] == 1_410_659 - 465_433  # always later minus earlier


# --- groups ----------------------------------------------------------------------------------------------------


def test_central_america_total_is_the_sum_of_its_members_stocks():
    members = group_members("central_america")
    expected = sum(stock(code, 2020) for code in members)
    assert int(flows.partners("central_america", "out", 2020)["persons"].sum()) == expected
    assert int(flows.split("central_america", "out", 2020)["persons"].sum()) == expected
    headline = headlines("central_america", "out", 2020, "en")[0]
    assert headline.value == "16.2 million"
    assert round(expected / 1e5) == 162
    chart = corridor_view.chart("corridors", "central_america", "out", 2020, "en")
    within = chart.table[column(chart, "flows.col_within_group")]
    assert set(within[t("flows.col_iso3")]) <= set(members)
    assert not within.empty  # Nicaraguans in Costa Rica, Guatemalans in Mexico, ...
    assert t("flows.note_group_within") in chart.notes


def test_group_remittances_sum_the_members_inflows():
    members = group_members("central_america")
    rows = flows.remittances("central_america", "out")
    assert rows["usd"].sum() == pytest.approx(sum(corridors.remittance_senders(m)["usd"].sum() for m in members))
    assert rows["share"].sum() == pytest.approx(100.0)
    assert rows.loc[rows["partner"] == "USA", "within_group"].item() is False
    assert rows.loc[rows["partner"] == "CRI", "within_group"].item()


# --- remittances -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_remittance_notes_say_it_is_a_model_estimate(lang):
    chart = corridor_view.chart("remittances", "MEX", "out", 1990, lang)
    matrix = t("source.worldbank_knomad_bilateral_remittance_matrix_2021", lang)
    assert t("flows.remittance_matrix_note", lang, matrix=matrix, year=2021) in chart.notes
    assert t("flows.remittance_matrix_earlier", lang, year=2018) in chart.notes  # never compared with the 2018 one
    assert "2021" in chart.subtitle  # always the current (2021) matrix, whatever year is asked
    model = {
        "en": "model estimates",
        "es": "estimaciones de modelo",
        "pt": "estimativas de modelo",
        "fr": "estimations modélisées",
    }
    assert model[lang] in chart.subtitle  # slide images carry the title and the subtitle, not the notes
    assert chart.sources == matrix


def test_the_english_note_is_the_matrix_caveat():
    note = t("flows.remittance_matrix_note", matrix="KNOMAD", year=2021)
    for words in ("model estimate", "migrant stocks and incomes", "not observed", "balance-of-payments"):
        assert words in note


@pytest.mark.parametrize(("subject", "said"), [("VEN", True), ("lac", True), ("MEX", False), ("COL", False)])
def test_the_2021_matrix_says_it_has_no_inflows_for_venezuela(subject, said):
    chart = corridor_view.chart("remittances", subject, "out", 2020, "en")
    assert any("Venezuela received" in note for note in chart.notes) is said


def test_remittances_received_by_mexico_and_sent_from_the_usa():
    chart = corridor_view.chart("remittances", "MEX", "out", 2020, "en")
    assert column(chart, "flows.col_iso3").iloc[0] == "USA"
    assert column(chart, "flows.col_usd", year=2021).iloc[0] == pytest.approx(52_595.342546e6)
    assert column(chart, "flows.col_share").iloc[0] == pytest.approx(100 * 52_595.342546 / 54_130.111445)
    assert chart.figure["data"][-1]["text"][0] == "US$ 52.6B · 97.2%"
    assert "US$ 52,595,342,546 (2021 model estimate)" in chart.figure["data"][-1]["customdata"][0][0]
    assert chart.subtitle == "The 15 largest of 70 corridors · model estimates for 2021 (World Bank/KNOMAD)"
    sent = corridor_view.chart("remittances", "USA", "in", 2020, "en")
    assert column(sent, "flows.col_iso3").iloc[0] == "MEX"
    assert t("flows.col_receiver") in sent.table.columns


@pytest.mark.parametrize(("code", "name", "gap"), [("MSR", "Montserrat", False), ("CUB", "Cuba", True)])
def test_a_country_without_remittance_estimates_gets_an_empty_chart(code, name, gap):
    """The empty chart says so; where the matrix edition's own caveat names the gap (Cuba in 2021), that caveat is
    the note instead of the generic line."""
    chart = corridor_view.chart("remittances", code, "out", 2020, "en")
    assert chart.figure["data"] == []
    message = t("flows.empty_remittances_out", subject=name)
    assert message in annotation_texts(chart.figure)
    assert (message in chart.notes) is not gap
    assert any("Cuba" in note for note in chart.notes) is gap


# --- costs -----------------------------------------------------------------------------------------------------


def test_costs_into_mexico_include_usa_and_the_sdg_target():
    chart = corridor_view.chart("costs", "MEX", "out", 2020, "en")
    pairs = set(zip(column(chart, "flows.col_sender"), column(chart, "flows.col_receiver"), strict=True))
    assert ("United States", "Mexico") in pairs
    usa = chart.table[column(chart, "flows.col_period") == "2020Q3"]
    assert usa[t("flows.col_cost")].item() == pytest.approx(4.18, abs=0.01)
    rules = {trace["name"]: trace for trace in chart.figure["data"] if trace["mode"] == "lines"}
    target = rules[t("flows.target", value="3.0%")]  # named in the legend, not written over the lines
    assert target["line"]["dash"] == "dot"
    assert target["y"] == [corridors.SDG_TARGET, corridors.SDG_TARGET]
    assert target["x"] == chart.figure["layout"]["xaxis"]["range"]
    assert rules[t("flows.ceiling", value="5.0%")]["y"] == [5.0, 5.0]
    assert not chart.figure["layout"].get("annotations")
    line = chart.figure["data"][0]
    assert line["name"] == "United States"  # every line ends in Mexico: the legend names the sender
    assert line["customdata"][0].startswith("United States → Mexico<br>")
    assert line["x"][0] == "2011-01-01"
    assert line["x"][-1] == "2020-07-01"


def test_costs_keep_negative_published_values():
    chart = corridor_view.chart("costs", "HND", "out", 2020, "en")
    assert (column(chart, "flows.col_cost") < 0).any()
    assert any("kept as published" in note and "2014Q2" in note for note in chart.notes)


def test_costs_from_a_sender():
    rows = flows.cost_corridors_from("USA")
    mexico = rows[rows["receiver"] == "MEX"].drop(columns="receiver").reset_index(drop=True)
    pd.testing.assert_frame_equal(mexico, corridors.corridor_cost_series("USA", "MEX"))
    assert flows.cost_corridors_from("ATG").empty
    chart = corridor_view.chart("costs", "USA", "in", 2020, "en")
    lines = [trace for trace in chart.figure["data"] if trace["mode"] == "lines+markers"]
    assert len(lines) == common.MAX_COST_LINES
    assert set(column(chart, "flows.col_sender")) == {"United States"}
    assert any(f"{common.MAX_COST_LINES} corridors" in note for note in chart.notes)
    # The data file has every corridor and survey, those drawn first.
    assert len(chart.table) == len(flows.costs("USA", "in"))
    drawn = chart.table[on_chart(chart)]
    assert on_chart(chart).iloc[: len(drawn)].all()
    assert set(drawn[t("flows.col_receiver")]) == {line["name"] for line in lines}
    assert chart.table[t("flows.col_receiver")].nunique() > common.MAX_COST_LINES


def test_costs_of_a_group_are_capped():
    rows = flows.costs("lac", "out")
    expected = [
        corridors.corridor_cost_series(sender, member).assign(sender=sender, receiver=member)
        for member in group_members("lac")
        for sender in corridors.surveyed_senders(member)["sender"]
    ]
    expected = pd.concat(expected).sort_values(["sender", "receiver", "period"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(rows, expected[list(flows.COST_COLUMNS)])
    chart = corridor_view.chart("costs", "lac", "out", 2020, "en")
    lines = [trace for trace in chart.figure["data"] if trace["mode"] == "lines+markers"]
    assert len(lines) == common.MAX_COST_LINES
    assert lines[0]["name"] == "United States → Mexico"  # every survey, and the largest flow


@pytest.mark.parametrize(("subject", "direction"), [("lac", "out"), ("central_america", "out"), ("USA", "in")])
def test_a_long_cost_legend_goes_below_the_plot_and_the_figure_grows(subject, direction):
    chart = corridor_view.chart("costs", subject, direction, 2020, "en")
    layout = chart.figure["layout"]
    legend = layout["legend"]
    assert (legend["orientation"], legend["yref"], legend["y"], legend["yanchor"]) == ("h", "container", 0, "bottom")
    names = [trace["name"] for trace in chart.figure["data"]]
    corridor_count = len(flows.costs(subject, direction).groupby(["sender", "receiver"]))
    assert len(names) == min(common.MAX_COST_LINES, corridor_count) + 2  # and the two SDG rules
    rows = style.legend_rows(names)
    assert rows >= 4
    assert chart.height == layout["height"] >= common.PLOT_HEIGHT + rows * style.LEGEND_ROW
    assert len(layout["yaxis"]["title"]["text"]) <= 14  # fits beside a small plot (and a printed profile)


def test_costs_without_surveys_give_an_empty_chart_with_a_message():
    assert corridors.surveyed_senders("ATG").empty
    chart = corridor_view.chart("costs", "ATG", "out", 2020, "en")
    assert chart.figure["data"] == []
    message = t("flows.empty_costs_out", subject="Antigua and Barbuda")
    assert message in annotation_texts(chart.figure)
    assert message in chart.notes
    assert chart.table.empty
    lines = chart.figure["layout"]["annotations"][0]["text"].split("<br>")
    assert len(lines) > 1
    assert all(len(line) <= style.WRAP for line in lines)  # fits a chart 350 px wide


@pytest.mark.parametrize(
    ("period", "date"), [("2011Q1", "2011-01-01"), ("2013Q2", "2013-04-01"), ("2020Q4", "2020-10-01")]
)
def test_period_date(period, date):
    assert flows.period_date(period) == date


# --- empty data ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", tuple(corridor_view.CHARTS))
def test_a_country_without_corridors_gets_valid_empty_charts(name):
    chart = corridor_view.chart(name, "XKX", "out", 2020, "en")  # Kosovo is counted within Serbia by UN DESA
    json.dumps(chart.figure, allow_nan=False)
    go.Figure(chart.figure)
    if name in ("flow-map", "corridors", "change", "regions"):
        assert chart.table.empty
        assert annotation_texts(chart.figure)
        assert chart.notes


# --- headlines -------------------------------------------------------------------------------------------------


def test_headlines_of_mexico():
    lines = headlines("MEX", "out", 2020, "en")
    assert [h.label for h in lines] == [
        t("flows.headline_emigrants"),
        t("flows.headline_in_lac"),
        t("flows.headline_in_usa"),
        t("flows.headline_elsewhere"),
        t("flows.headline_female"),
    ]
    assert lines[0].value == "11.2 million"
    assert lines[2].value == "97.0%"
    assert all(h.note == "2020 · UN DESA 2020 revision" for h in lines)  # the country figures: the 2024 revision
    female = 100 * stock("MEX", 2020, "emigrant_female") / stock("MEX", 2020)
    assert lines[-1].value == f"{female:.1f}%"


def test_headlines_of_colombia_in():
    lines = headlines("COL", "in", 2019 + 1, "es")
    assert len(lines) == 5
    assert lines[0].label == t("flows.headline_immigrants", "es")
    assert lines[0].note == "2020 · DAES (ONU), revisión 2020"


# --- every chart, every language -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_titles_start_with_the_name(lang):
    """ "{name}: ..." reads right in every language, whatever article a country or group name takes."""
    for subject, direction in (("USA", "out"), ("USA", "in"), ("central_america", "out")):
        name = common.subject_name(subject, lang)
        for chart_name in tuple(corridor_view.CHARTS):
            title = corridor_view.chart(chart_name, subject, direction, 2020, lang).title
            assert title.startswith(name + ("\u202f:" if lang == "fr" else ":")), title  # French: narrow no-break space


@pytest.mark.parametrize("name", ["costs", "regions", "change", "corridors", "remittances"])
def test_nothing_is_drawn_above_the_plot(name):
    """Slide images put the title and subtitle above the plot: a legend or an axis title there collided with them."""
    layout = corridor_view.chart(name, "MEX", "out", 2020, "en").figure["layout"]
    if "legend" in layout:
        assert layout["legend"]["yref"] == "container"
        assert layout["legend"]["y"] == 0
    assert layout["xaxis"].get("side", "bottom") == "bottom"
    assert "title" not in layout["xaxis"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("subject", "direction"), CASES)
def test_every_chart_builds_in_every_language(subject, direction, lang):
    for name in tuple(corridor_view.CHARTS):
        chart = corridor_view.chart(name, subject, direction, 2020, lang)
        assert chart.id == name
        assert chart.title.strip()
        assert chart.subtitle.strip()
        assert chart.sources.strip()
        assert chart.height >= 220
        assert isinstance(chart.table, pd.DataFrame)
        if (name, subject) == ("costs", "COL"):  # Colombia is never a surveyed sender: the chart says so
            assert chart.table.empty
            assert chart.notes[-1] in annotation_texts(chart.figure)
        else:
            assert not chart.table.empty
            assert chart.figure["data"]
        assert trace_types(chart.figure) <= ALLOWED_TRACES
        assert chart.figure["layout"]["separators"] == separators(lang)
        json.dumps(chart.figure, allow_nan=False)
        if lang == "en":
            go.Figure(chart.figure)  # plotly validates every property of the dict
    assert len(headlines(subject, direction, 2020, lang)) in (4, 5)


def test_charts_are_built_fresh_so_callers_may_change_them():
    first = corridor_view.chart("corridors", "MEX", "out", 2020, "en")
    first.table.iloc[0, 0] = -1
    first.figure["data"].clear()
    again = corridor_view.chart("corridors", "MEX", "out", 2020, "en")
    assert again.table.iloc[0, 0] == 1
    assert again.figure["data"]
