"""Server-drawn charts (core.figures: projection, svg, raster): well-formed, accessible SVG; the projection and
fit plotly.js draws (numbers read from the interactive map in Chromium); the map's members and colours; text
escaping; the 1200 x 630 preview PNG. Timing is measured by bench/previews.py, never asserted here."""

from __future__ import annotations

import functools
import gzip
import json
import re
import struct
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from core.charts.dashboard import common, mapview, trend
from core.data.store import get_store
from core.figures import bins, choropleth, dotplot, lines, projection, raster, style
from core.figures.svg import axes as svg_axes
from core.figures.svg import map as svg_map
from core.figures.svg import ranking as svg_ranking
from core.figures.svg import text as svg_text
from core.figures.svg import trend as svg_trend
from core.state.options import options
from core.state.urlstate import ViewState

NS = {"s": "http://www.w3.org/2000/svg"}
LAC_RANGE = ((-121.74463999999999, -31.46636), (-59.43648, 36.26448))  # core.charts.dashboard.fit of the LAC members
HOSTILE = "Ranking <script>alert('x')</script> & \"quotes\" \x00\x07 ≥ 40 — São Tomé"


@functools.cache
def shapes() -> projection.Geometry:
    return projection.geometry(json.loads(gzip.decompress(get_store().geometry_gzip))["features"])


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def accessible(root: ET.Element) -> None:
    """role=img and aria-labelledby naming a <title> (and <desc>) inside the same SVG."""
    assert root.get("role") == "img"
    ids = {el.get("id"): el for el in root.iter() if el.get("id")}
    labelled = root.get("aria-labelledby", "").split()
    assert labelled
    assert ids[labelled[0]].tag == "{http://www.w3.org/2000/svg}title"
    for ref in labelled:
        assert ref in ids
    assert root.get("font-family", "").startswith(f"'{svg_text.FONT_NAME}'")


def lac_map(**extra: object) -> tuple[choropleth.MapData, str]:
    state = ViewState(indicator="emigrant_share", focus="lac", **extra)  # type: ignore[arg-type]
    data = mapview.map_data(state, 2020)
    title = mapview.map_title(state)
    markup = svg_map.choropleth(svg_map.choropleth_data(data, shapes()), 785, 660, title, desc="A map")
    return data, markup


# --- projection: numbers plotly.js 4.1.1 drew for the dashboard's LAC map in a 785 x 660 figure (plot 785 x 595)


@pytest.mark.parametrize(
    ("lon", "lat", "x", "y"),
    [
        (-70.020, 12.557, 427.420, 148.214),  # Aruba's marker
        (-63.021, 18.243, 463.937, 112.968),  # Anguilla's
        (-61.798, 17.081, 470.522, 120.177),  # Antigua and Barbuda's
    ],
)
def test_natural_earth_lands_where_plotly_draws(lon: float, lat: float, x: float, y: float) -> None:
    view = projection.fit(*LAC_RANGE, (0.0, 0.0, 785.0, 595.0))
    px, py = view.project([lon], [lat])
    assert abs(float(px[0]) - x) < 0.05
    assert abs(float(py[0]) - y) < 0.05


def test_fit_fills_the_box_as_plotly_clips_it() -> None:
    main = projection.fit(*LAC_RANGE, (0.0, 0.0, 785.0, 595.0))
    assert main.clip == pytest.approx((151.387, 0.0, 633.613, 595.0), abs=0.05)
    inset = projection.fit(choropleth.INSET_LON, choropleth.INSET_LAT, (0.0, 327.25, 211.95, 577.15), kind="mercator")
    assert inset.clip == pytest.approx((29.602, 327.25, 182.348, 577.15), abs=0.05)


@pytest.mark.parametrize("box", [(0.0, 0.0, 400.0, 900.0), (0.0, 0.0, 1600.0, 300.0), (10.0, 20.0, 510.0, 520.0)])
def test_fit_touches_two_sides_and_centres_the_other_axis(box: tuple[float, float, float, float]) -> None:
    x0, y0, x1, y1 = projection.fit(*LAC_RANGE, box).clip
    fills_width = x0 == pytest.approx(box[0]) and x1 == pytest.approx(box[2])
    fills_height = y0 == pytest.approx(box[1]) and y1 == pytest.approx(box[3])
    assert fills_width or fills_height
    assert (x0 + x1) / 2 == pytest.approx((box[0] + box[2]) / 2)
    assert (y0 + y1) / 2 == pytest.approx((box[1] + box[3]) / 2)


def test_the_world_map_is_centred_on_greenwich_and_the_equator_is_straight() -> None:
    view = projection.fit((-180.0, 180.0), (-58.0, 85.0), (0.0, 0.0, 800.0, 500.0))
    x, y = view.project([0.0, -90.0, 90.0], [0.0, 0.0, 0.0])
    assert float(x[0]) == pytest.approx(400.0)
    assert float(x[1]) + float(x[2]) == pytest.approx(800.0)
    assert float(y[0]) == pytest.approx(float(y[1]))


def test_a_ring_across_the_cut_is_split_on_both_sides() -> None:
    ring = np.array([(170.0, 0.0), (-170.0, 0.0), (-170.0, 10.0), (170.0, 10.0), (170.0, 0.0)])
    pieces = projection._split_at_cut(ring, 0.0)
    assert len(pieces) == 2
    spans = sorted((float(p[:, 0].min()), float(p[:, 0].max())) for p in pieces)
    assert spans == [(-180.0, -170.0), (170.0, 180.0)]


def test_ring_paths_are_rounded_and_drop_collapsed_points() -> None:
    points = np.array([(10.0, 10.0), (10.01, 10.02), (20.0, 10.0), (20.0, 20.0), (10.0, 10.0)])
    assert projection._ring_path(points) == "M10 10l10 0 0 10z"
    assert projection._ring_path(np.array([(1.0, 1.0), (1.02, 1.0), (1.01, 1.03)])) == ""


# --- the map


def test_lac_map_has_a_shape_or_a_dot_per_member_in_its_class_colour() -> None:
    data, markup = lac_map()
    root = parse(markup)
    accessible(root)
    palette = [bins.NO_DATA_COLOR, *data.colors]
    areas = root.find(".//s:g[@class='areas']", NS)
    assert areas is not None
    fills = {p.get("data-id"): p.get("fill") for p in areas.iter("{http://www.w3.org/2000/svg}path")}
    dots = {c.get("data-id"): c.get("fill") for c in root.iterfind(".//s:g[@class='dots']/s:circle", NS)}
    assert set(dots) == set(data.markers["iso3"])
    for code, z in zip(data.members["iso3"], data.members["z"], strict=True):
        expected = svg_text.hex_color(palette[int(z)])
        assert code in fills or code in dots, code
        assert fills.get(code, expected) == expected
        assert dots.get(code, expected) == expected
    assert len(fills) >= len(data.members) - len(data.markers)
    assert set(fills) <= set(data.members["iso3"])


def test_lac_map_draws_background_land_inset_and_legend() -> None:
    data, markup = lac_map()
    root = parse(markup)
    land = root.find(".//s:path[@class='land']", NS)
    assert land is not None
    assert land.get("fill") == style.BACKGROUND_LAND
    assert len(land.get("d", "")) > 1000  # the USA at least, above Mexico
    legend = root.find(".//s:g[@class='legend']", NS)
    assert legend is not None
    texts = [t.text for t in legend.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == [data.legend_title, *data.class_labels]
    swatches = [r.get("fill") for r in legend.iter("{http://www.w3.org/2000/svg}rect")]
    assert swatches == [svg_text.hex_color(c) for c in (bins.NO_DATA_COLOR, *data.colors)]
    inset = root.find(".//s:g[@class='inset']", NS)
    assert inset is not None
    assert data.inset_title in "".join(inset.itertext())


def test_selected_countries_are_outlined_and_drawn_last() -> None:
    _, markup = lac_map(countries=("MEX", "SLV"))
    areas = parse(markup).find(".//s:g[@class='areas']", NS)
    assert areas is not None
    paths = list(areas)
    assert [p.get("data-id") for p in paths[-2:]] == ["MEX", "SLV"]
    assert {p.get("stroke") for p in paths[-2:]} == {style.SELECTED_LINE}
    assert all(p.get("stroke") is None for p in paths[:-2])


def test_map_sizes_stay_small() -> None:
    _, lac = lac_map()
    world = mapview.map_data(ViewState(indicator="emigrant_share", focus="world"), 2020)
    whole = svg_map.choropleth(svg_map.choropleth_data(world, shapes()), 785, 660, "World")
    assert len(gzip.compress(lac.encode())) < 30_000
    assert len(gzip.compress(whole.encode())) < 64_000


def test_hex_colour_of_plotly_scales() -> None:
    assert svg_text.hex_color("rgb(8, 29, 88)") == "#081d58"
    assert svg_text.hex_color("#c8c8c8") == "#c8c8c8"
    assert svg_text.hex_color("rgba(1, 2, 3, 0.5)") == "rgba(1, 2, 3, 0.5)"


# --- trend and ranking


def line(name: str, values: list[float], dash: str = "solid") -> lines.Line:
    return lines.Line(name, [2000, 2005, 2010], values, [], style.QUALITATIVE[0], dash)


def test_trend_draws_each_line_its_legend_ticks_and_marks() -> None:
    series = [line("Aggregate", [1.0, 2.0, 3.0], "dash"), line("A", [2.0, 4.0, 8.0])]
    markup = svg_trend.lines(series, 547, 340, "Trend", y_title="Share (%)", year=2010, target=(3.0, "Target: 3 %"))
    root = parse(markup)
    accessible(root)
    drawn = root.findall(".//s:g[@class='line']", NS)
    assert len(drawn) == 2
    assert len(drawn[1].findall("s:circle", NS)) == 3
    assert drawn[0].find("s:path", NS).get("stroke-dasharray") == "9,9"  # type: ignore[union-attr]
    text = " ".join(root.itertext())
    for expected in ("Aggregate", "Share (%)", "Target: 3 %", "2000", "2010"):
        assert expected in text
    y_labels = [t.text for t in root.iterfind(".//s:g[@class='y-ticks']/s:text", NS)]
    assert y_labels == ["0", "2", "4", "6", "8"]


def test_empty_trend_shows_only_its_hint() -> None:
    root = parse(svg_trend.lines([], 547, 340, "Trend", empty_hint="Pick countries"))
    assert "Pick countries" in "".join(root.itertext())
    assert root.find(".//s:g[@class='line']", NS) is None


def test_trend_args_read_back_the_dashboard_figure() -> None:
    state = ViewState(indicator="remittance_cost", focus="central_america", countries=("HND",))
    figure = trend.trend_figure(state)
    args = svg_trend.trend_args(figure)
    assert [s.name for s in args["series"]] == [t["name"] for t in figure["data"]]
    assert args["target"] == common.target_line(state.indicator, state.lang)
    assert args["year"] == state.resolved_year(options())
    parse(svg_trend.lines(**args, width=547, height=340, title=trend.trend_title(state)))


def test_colours_agree_with_the_interactive_figures() -> None:
    trend = lines.trend_figure([line("A", [1.0, 2.0, 3.0])], False, "y", "", 2005, target=(2.0, "t"))
    assert trend["layout"]["yaxis"]["gridcolor"] == svg_text.GRID
    assert trend["layout"]["xaxis"]["linecolor"] == svg_text.AXIS_LINE
    assert trend["layout"]["shapes"][0]["line"]["color"] == svg_text.AXIS_LINE
    assert trend["layout"]["shapes"][1]["line"]["color"] == svg_text.TARGET
    assert trend["layout"]["annotations"][0]["font"]["color"] == svg_text.TARGET_TEXT
    ranking = dotplot.ranking_figure(dotplot.Ranking(["A"], ["AAA"], [1.0], ["1"], [False], None, ""), False, "x")
    assert ranking["data"][0]["line"]["color"] == svg_text.STEM
    assert ranking["layout"]["xaxis"]["gridcolor"] == svg_text.GRID


@pytest.mark.parametrize("count", [0, 3, 7, 48, 60])
def test_ranking_height_is_the_figure_height(count: int) -> None:
    data = dotplot.Ranking(
        [f"C{i}" for i in range(count)], ["X"] * count, [1.0] * count, ["1"] * count, [False] * count, None, ""
    )
    assert svg_ranking.ranking_height(count) == dotplot.ranking_figure(data, log=False, x_title="")["layout"]["height"]


def test_dot_plot_rows_labels_highlight_and_rules() -> None:
    data = dotplot.Ranking(
        names=["Alpha", "Beta", "Gamma"],
        codes=["AAA", "BBB", "CCC"],
        values=[30.0, 12.5, 2.0],
        labels=["30.0 %", "12.5 %", "2.0 %"],
        highlighted=[False, True, False],
        reference=10.0,
        reference_label="Group: 10.0 %",
        target=3.0,
        target_label="Target: 3 %",
    )
    markup = svg_ranking.dot_plot(data, 547, "Ranking", x_title="Share (%)")
    root = parse(markup)
    accessible(root)
    assert root.get("height") == str(svg_ranking.ranking_height(3))
    names = [t.text for t in root.iterfind(".//s:g[@class='names']/s:text", NS)]
    assert names == ["Alpha", "Beta", "Gamma"]
    rows = [float(t.get("y", 0)) for t in root.iterfind(".//s:g[@class='names']/s:text", NS)]
    assert rows == sorted(rows)
    dots = [c.get("fill") for c in root.iterfind(".//s:g[@class='dots']/s:circle", NS)]
    assert dots == [style.BAR, style.HIGHLIGHT, style.BAR]
    text = " ".join(root.itertext())
    assert "Group: 10.0 %" in text
    assert "Target: 3 %" in text
    assert parse(svg_ranking.dot_plot(data, 547, "Ranking", height=300)).get("height") == "300"


def test_log_dot_plot_uses_the_callers_ticks() -> None:
    data = dotplot.Ranking(
        ["A", "B"], ["AAA", "BBB"], [5e9, 2e7], ["US$ 5 billion", "US$ 20 million"], [False, False], None, ""
    )
    ticks = [(1e7, "10M"), (1e8, "100M"), (1e9, "1bn"), (1e10, "10bn")]
    root = parse(svg_ranking.dot_plot(data, 547, "Ranking", log=True, ticks=ticks))
    labels = [t.text for t in root.iterfind(".//s:g[@class='x-ticks']/s:text", NS)]
    assert labels == ["10M", "100M", "1bn"]  # 10bn lies beyond the padded range, as plotly hides it


@pytest.mark.parametrize(
    ("lo", "hi", "length", "vertical", "expected"),
    [
        (0.0, 26.29, 265, True, [0, 5, 10, 15, 20, 25]),  # the trend's y axis in the dashboard
        (1988.05, 2021.95, 501, False, [1990, 1995, 2000, 2005, 2010, 2015, 2020]),  # its x axis
        (0.0, 534.7, 226, False, [0, 200, 400]),  # the ranking's x axis
    ],
)
def test_auto_ticks_are_plotlys(lo: float, hi: float, length: int, vertical: bool, expected: list[float]) -> None:
    assert svg_axes.auto_ticks(lo, hi, length, log=False, vertical=vertical) == expected


# --- escaping


def test_every_text_is_escaped() -> None:
    data = dotplot.Ranking([HOSTILE], ["AAA"], [1.0], [HOSTILE], [False], 1.0, HOSTILE)
    legend = svg_map.Legend(HOSTILE, ["#c8c8c8"], [HOSTILE])
    area = svg_map.Choropleth(
        shapes(),
        {"MEX": "rgb(1, 2, 3)"},
        (-120.0, -80.0),
        (10.0, 35.0),
        legend,
        inset=svg_map.Inset(HOSTILE),
        year_label=HOSTILE,
    )
    markups = [
        svg_ranking.dot_plot(data, 547, HOSTILE, desc=HOSTILE, x_title=HOSTILE),
        svg_trend.lines([line(HOSTILE, [1.0, 2.0, 3.0])], 547, 340, HOSTILE, y_title=HOSTILE, target=(2.0, HOSTILE)),
        svg_map.choropleth(area, 400, 300, HOSTILE, uid="m"),
        raster.preview_card(HOSTILE, HOSTILE, svg_trend.lines([], 300, 200, "x"), HOSTILE, HOSTILE, "fr"),
    ]
    clean = re.sub("[\x00\x07]", "", HOSTILE)
    for markup in markups:
        root = parse(markup)
        assert root.find(".//s:script", NS) is None
        assert "<script>" not in markup
        assert clean in list(root.itertext())


# --- the preview card


def test_preview_card_png_is_1200_by_630() -> None:
    chart = svg_trend.lines([line("A", [2.0, 4.0, 8.0])], 600, 250, "Chart", uid="c")
    card = raster.preview_card("Título de la tarjeta", "Subtítulo", chart, "Fuente: ONU.", "Versión 1", "es")
    root = parse(card)
    accessible(root)
    assert (root.get("width"), root.get("height")) == ("1200", "630")
    assert root.get("lang") == "es"
    image = raster.png(card, raster.CARD_WIDTH, raster.CARD_HEIGHT)
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", image[16:24]) == (1200, 630)


def test_card_places_the_chart_in_its_slot_and_wraps_long_titles() -> None:
    title = "Emigrants as a share of the population, Latin America and the Caribbean, 2020 " * 3
    slot = raster.chart_slot(title, "Subtitle")
    width, height = slot.chart_size
    card = raster.preview_card(title, "Subtitle", svg_trend.lines([], width, height, "c", uid="c"), "Src", "v1", "en")
    root = parse(card)
    nested = root.find("s:svg", NS)
    assert nested is not None
    assert float(nested.get("width", 0)) == pytest.approx(slot.width)
    assert nested.get("viewBox") == f"0 0 {width} {height}"
    heading = [t for t in root.findall("s:text", NS) if t.get("font-weight") == "600"]
    assert len(heading) == 2
    assert heading[-1].text.endswith("…")  # type: ignore[union-attr]
    assert all(svg_text.text_width(t.text or "", 44, 600) <= 1200 - 2 * raster.PAD for t in heading)


def test_vendored_fonts_and_licence_are_there() -> None:
    for name in svg_text.FONT_FILES.values():
        assert (svg_text.FONT_DIR / name).read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType
    assert "SIL Open Font License" in (svg_text.FONT_DIR / "LICENSE-SourceSans3.md").read_text(encoding="utf-8")
