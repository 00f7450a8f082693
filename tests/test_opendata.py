"""Open data at stable addresses (/data/v1/): each chart's data link gives the chart's numbers (its own CSV export,
its table view, its lines), every file reads back through pandas with the types its Data Package declares, the
packages validate with the frictionless library, hostile asks get one-line 400s, and editions, caching and CORS
behave as documented."""

from __future__ import annotations

import copy
import gzip
import io
import json
import logging
import math
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import frictionless
import pandas as pd
import pytest
from dash import html

from app import server
from callbacks.exports import data_file
from components import dashboard, ids
from core.charts import registry, texts
from core.charts.dashboard import trend
from core.data import published, queries
from core.data.store import edition_ids, get_store
from core.i18n.catalog import t
from core.i18n.formats import fmt_value
from core.state.options import options
from core.state.urlstate import ViewState, decode, with_route
from core.web import datapackage, exports, opendata
from tests.layout_helpers import walk

OPTIONS = options()
OLD = "4b94809ebbe9"  # the kept earlier edition (data/editions)
PANDAS_TYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": "str"}
MARKER = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def client() -> Any:
    return server.test_client()


def view(page_link: str, lang: str = "en") -> ViewState:
    """The state of a page link such as "/country/SLV?lang=es"."""
    path, _, query = page_link.partition("?")
    return with_route(decode(query, OPTIONS, lang), path, OPTIONS)


def fetch(client: Any, url: str, headers: dict[str, str] | None = None) -> Any:
    answer = client.get(url, headers=headers or {})
    assert answer.status_code == 200, (url, answer.status_code, answer.get_data(as_text=True)[:300])
    return answer


def package_of(client: Any, url: str) -> dict[str, Any]:
    stem, _, query = url.partition("?")
    return fetch(client, stem.rsplit(".", 1)[0] + ".datapackage.json" + ("?" + query if query else "")).get_json()


def read_csv(client: Any, url: str) -> pd.DataFrame:
    """A data link's CSV read with the types its Data Package declares."""
    fields = package_of(client, url)["resources"][0]["schema"]["fields"]
    types = {f["name"]: PANDAS_TYPES[f["type"]] for f in fields}
    frame = pd.read_csv(io.BytesIO(fetch(client, url).data), dtype=types, keep_default_na=False, na_values=[""])
    assert list(frame.columns) == [f["name"] for f in fields]
    return frame


def export_csv(state: ViewState, chart: str, what: str = "view") -> pd.DataFrame:
    """The file the chart's Download menu gives (CSV with its notes), read back."""
    table = data_file(state, chart, what)
    assert table is not None
    return pd.read_csv(io.StringIO(exports.to_csv(table).decode("utf-8-sig")), comment="#")


def same_numbers(left: pd.DataFrame, right: pd.DataFrame) -> None:
    """Equal cell by cell: numbers exactly (both are the value as its source publishes it), missing where missing."""
    assert list(left.columns) == list(right.columns)
    assert len(left) == len(right)
    for column in left.columns:
        for a, b in zip(left[column].tolist(), right[column].tolist(), strict=True):
            if pd.isna(a) or pd.isna(b):
                assert pd.isna(a), (column, a, b)
                assert pd.isna(b), (column, a, b)
            elif isinstance(a, float) or isinstance(b, float):
                assert float(a) == float(b), (column, a, b)
            else:
                assert a == b, (column, a, b)


DASHBOARD_VIEWS = [
    "/?focus=sica&countries=SLV,HND&year=2020",
    "/?indicator=remittance_cost&year=2015",  # nearest-year values (Costa Rica, Cuba: 2014 or 2016)
    "/?indicator=remittances_usd&focus=caricom&countries=JAM&lang=es",
    "/?indicator=tertiary_emigration_rate&focus=can&countries=BOL,PER&lang=fr",
    "/?indicator=emigrant_stock&focus=world&year=2024",  # a ranking of the top 60 of all
]


@pytest.mark.parametrize("page_link", DASHBOARD_VIEWS)
@pytest.mark.parametrize("chart", ["map", "trend", "ranking"])
def test_each_dashboard_charts_data_link_gives_its_csv_export(client: Any, page_link: str, chart: str) -> None:
    state = view(page_link)
    link = opendata.link(state, chart)
    same_numbers(read_csv(client, link), export_csv(state, chart))


def value_column(state: ViewState) -> str:
    return str(queries.indicator_meta(state.indicator)["short_label"][state.lang])


def table_view(state: ViewState) -> list[tuple[str, int, str, int]]:
    """The dashboard's table view as the page writes it: (iso3, rank, value as shown, year) of each row."""
    rows = next(c for c in walk(dashboard.data_table(state, None)) if isinstance(c, html.Tbody)).children
    out = []
    for row in rows:
        rank, name, shown, year = row.children
        out.append((name.children.href.split("?")[0].rsplit("/", 1)[1], rank.children, shown.children, year.children))
    return out


@pytest.mark.parametrize("page_link", DASHBOARD_VIEWS)
def test_the_maps_data_link_gives_the_table_views_numbers_and_years(client: Any, page_link: str) -> None:
    state = view(page_link)
    data = read_csv(client, opendata.link(state, "map")).set_index("iso3")
    value = value_column(state)
    shown = table_view(state)
    assert sorted(code for code, *_ in shown) == sorted(data.index)
    unit = published.unit(state.indicator)
    year = state.resolved_year(OPTIONS)
    for code, rank, text, when in shown:
        mine = data.loc[code]
        assert fmt_value(float(mine[value]), unit, state.lang, compact=False) == text.removesuffix(" †")
        published_year = int(mine[t("table.year", state.lang)])
        assert mine[t("table.rank", state.lang)] == rank
        assert texts.year_label(state.indicator, published_year) == when  # the table writes "2015/16" for DIOC
        assert bool(mine[t("export.nearest_year", state.lang)]) == (published_year != year)


def test_nearest_year_values_are_flagged_in_their_own_column(client: Any) -> None:
    state = view("/?indicator=remittance_cost&year=2015")
    data = read_csv(client, opendata.link(state, "map"))
    carried = data[data["From the nearest year"]]
    assert len(carried) > 0
    assert sorted(carried["iso3"]) == ["CRI", "CUB"]
    assert (carried["Year of value"] != 2015).all()
    assert (data.loc[~data["From the nearest year"], "Year of value"] == 2015).all()


@pytest.mark.parametrize("page_link", DASHBOARD_VIEWS[:3])
def test_the_trends_data_link_gives_its_lines(client: Any, page_link: str) -> None:
    state = view(page_link)
    data = read_csv(client, opendata.link(state, "trend"))
    name, year, value = t("table.country", state.lang), t("table.year_plain", state.lang), value_column(state)
    drawn = trend.trend_lines(state)
    assert list(dict.fromkeys(data[name])) == [line.name for line in drawn]
    for line in drawn:
        rows = data[data[name] == line.name]
        assert rows[year].tolist() == line.years
        assert rows[value].tolist() == pytest.approx(line.values, rel=1e-14)


def test_the_rankings_data_link_gives_its_rows_top_sixty_and_the_selected(client: Any) -> None:
    state = view("/?indicator=emigrant_stock&focus=world&countries=SLV,TUV")
    data = read_csv(client, opendata.link(state, "ranking"))
    drawn = registry.build(state, "ranking")
    assert drawn is not None
    dots = [point[-1] for point in drawn.figure["data"][-1]["customdata"]]
    assert sorted(data["iso3"]) == sorted(dots)
    assert len(data) == 61  # the top 60 (El Salvador among them), then the selected country below them
    assert "SLV" in set(data["iso3"].head(60))
    assert data["iso3"].iloc[-1] == "TUV"


@pytest.mark.parametrize(
    "page_link",
    [
        "/country/SLV",
        "/country/JAM?lang=pt",
        "/corridors/MEX?direction=in&cyear=2010",
        "/corridors/central_america",
        "/corridors/HTI?lang=fr",
    ],
)
def test_every_chart_of_profiles_and_corridor_views_has_its_data_link(client: Any, page_link: str) -> None:
    state = view(page_link)
    for spec in registry.specs(state.page):
        same_numbers(read_csv(client, opendata.link(state, spec.id)), export_csv(state, spec.id))


def test_a_profiles_own_data_link_gives_its_figures_and_comparison(client: Any) -> None:
    state = view("/country/SLV?lang=es")
    same_numbers(read_csv(client, opendata.link(state)), export_csv(state, ids.PROFILE_DATA))


def test_the_dashboards_own_file_is_the_series_of_the_view(client: Any) -> None:
    data = read_csv(client, "/data/v1/emigrant_share.csv?countries=SLV,MEX")
    assert data["iso3"].tolist() == ["MEX"] * 8 + ["SLV"] * 8
    assert len(data) == 2 * 8
    rows = queries.series("emigrant_share")
    slv = rows[(rows["iso3"] == "SLV") & (rows["year"] == 2024)]["value"].iloc[0]
    got = data[(data["iso3"] == "SLV") & (data["Year"] == 2024)]["Emigrants (% of population)"].iloc[0]
    assert got == published.significant(float(slv))
    members = read_csv(client, "/data/v1/emigrant_stock.csv?focus=sica&year=2020")
    assert sorted(members["iso3"]) == sorted(queries.group_members("sica"))
    assert members["Emigrants (persons)"].dtype == "Int64"  # whole persons, as UN DESA publishes them


# --- the one rule -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page_link", "data_link"),
    [
        (
            "/?indicator=remittances_usd&focus=sica&countries=SLV",
            "/data/v1/remittances_usd.csv?focus=sica&countries=SLV",
        ),
        ("/?year=2015&view=table&scale=log", "/data/v1/emigrant_share.csv?year=2015&view=table&scale=log"),
        (
            "/country/SLV?lang=es&indicator=remittance_cost",
            "/data/v1/country/SLV.csv?lang=es&indicator=remittance_cost",
        ),
        ("/corridors/MEX?direction=in&cyear=2010", "/data/v1/corridors/MEX.csv?direction=in&cyear=2010"),
    ],
)
def test_a_page_link_turns_into_its_data_link_by_one_rule(client: Any, page_link: str, data_link: str) -> None:
    """The page's query unchanged (an `indicator=` equal to the path's may stay) gives the canonical link's file."""
    path, _, query = page_link.partition("?")
    about = path.strip("/") or decode(query, OPTIONS).indicator
    assert data_link == f"/data/v1/{about}.csv?{query.replace('indicator=remittances_usd&', '')}"
    unchanged = fetch(client, f"/data/v1/{about}.csv?{query}").data
    assert fetch(client, data_link).data == unchanged == fetch(client, opendata.link(view(page_link))).data


def test_every_format_holds_the_same_numbers(client: Any) -> None:
    link = "/data/v1/remittances_gdp.csv?focus=caricom&countries=JAM,HTI&chart=map&lang=fr"
    csv = read_csv(client, link)
    answer = fetch(client, link.replace(".csv", ".json"))
    assert answer.mimetype == "application/json"
    document = json.loads(answer.data)
    assert document["edition"] == {"id": get_store().version, "name": get_store().edition_name()}
    assert document["datapackage"].endswith(
        f".datapackage.json?focus=caricom&countries=JAM,HTI&lang=fr&chart=map&edition={get_store().version}"
    )
    as_json = pd.read_json(io.StringIO(answer.get_data(as_text=True)), orient="table", precise_float=True)
    same_numbers(csv, as_json)
    sheet = t("export.data_sheet", "fr")
    as_excel = pd.read_excel(io.BytesIO(fetch(client, link.replace(".csv", ".xlsx")).data), sheet_name=sheet)
    same_numbers(csv, as_excel)


ROUND_TRIPS = [
    "/data/v1/emigrant_share.csv?countries=SLV,MEX",
    "/data/v1/emigrant_stock.csv?focus=caribbean&chart=map&year=1990",
    "/data/v1/remittance_cost.csv?chart=trend&countries=HTI,GTM",
    "/data/v1/country/KNA.csv?lang=fr",
    "/data/v1/country/BRA.csv?chart=pf-trend-remittances_usd",
    "/data/v1/corridors/VEN.csv?chart=cv-change",
    "/data/v1/corridors/lac.csv?chart=cv-regions&lang=es",
]


@pytest.mark.parametrize("link", ROUND_TRIPS)
def test_every_file_round_trips_through_pandas_with_its_declared_types(client: Any, link: str) -> None:
    csv = read_csv(client, link)  # fails on a value that is not of its declared type ("4564.0" as an integer)
    fields = package_of(client, link)["resources"][0]["schema"]["fields"]
    as_json = pd.read_json(
        io.StringIO(fetch(client, link.replace(".csv", ".json")).get_data(as_text=True)),
        orient="table",
        precise_float=True,
    )
    kinds = {"integer": "iu", "number": "f", "boolean": "b"}
    for field in fields:
        column = as_json[field["name"]]
        if field["type"] in kinds:
            assert column.dtype.kind in kinds[field["type"]], (field, column.dtype)
        else:
            assert field["type"] == "string"
            assert pd.api.types.is_string_dtype(column.dtype), (field, column.dtype)
    same_numbers(csv, as_json)


def test_missing_values_are_empty_never_zero(client: Any) -> None:
    """The change chart of a corridor new since 1990 has no 1990 figure; a profile's group cost has none either."""
    text = fetch(client, "/data/v1/corridors/VEN.csv?chart=cv-change").get_data(as_text=True)
    lines = [line.split(",") for line in text.splitlines()]
    assert any(cell == "" for line in lines[1:] for cell in line)
    profile = read_csv(client, "/data/v1/country/SLV.csv")
    cost = profile[profile["Indicator"] == "Cost of sending US$200 (%)"]
    assert cost.iloc[0, 4:].isna().all()


# --- metadata ---------------------------------------------------------------------------------------------------


def validate(client: Any, descriptor: dict[str, Any], folder: Path) -> None:
    """Validate a Data Package and its data with frictionless: each resource fetched from the app into `folder`."""
    local = copy.deepcopy(descriptor)
    for resource in local["resources"]:
        address = urlsplit(resource["path"])
        assert address.scheme in ("http", "https")
        (folder / f"{resource['name']}.csv").write_bytes(fetch(client, f"{address.path}?{address.query}").data)
        resource["path"] = f"{resource['name']}.csv"
    package = frictionless.Package(local, basepath=str(folder))
    report = package.validate()
    assert report.valid, report.flatten(["type", "message"])[:10]


@pytest.mark.parametrize("link", ROUND_TRIPS[:5])
def test_each_files_data_package_validates(client: Any, link: str, tmp_path: Path) -> None:
    descriptor = package_of(client, link)
    assert descriptor["edition"]["id"] == get_store().version
    assert descriptor["sources"]
    assert descriptor["licenses"]
    assert f"edition={get_store().version}" in descriptor["resources"][0]["path"]
    validate(client, descriptor, tmp_path)


def test_indicator_values_carry_their_unit_in_the_package(client: Any) -> None:
    fields = package_of(client, "/data/v1/remittances_usd.csv?countries=MEX")["resources"][0]["schema"]["fields"]
    assert {f["name"]: f.get("unit") for f in fields}["Remittances (US$)"] == "usd"


def test_the_whole_datasets_package_validates_with_every_row(client: Any, tmp_path: Path) -> None:
    descriptor = fetch(client, "/data/v1/datapackage.json").get_json()
    names = [r["name"] for r in descriptor["resources"]]
    assert names == list(datapackage.DATASET)
    assert descriptor["edition"]["id"] == get_store().version
    assert len(descriptor["sources"]) == len(get_store().meta["sources"])
    validate(client, descriptor, tmp_path)
    indicators = pd.read_csv(tmp_path / "indicators.csv", keep_default_na=False, na_values=[""])
    assert len(indicators) == len(get_store().indicators)
    iab = indicators[indicators["source"] == "iab_brain_drain"]["value"]
    assert (iab.round(4) == iab).all()  # IAB's fractions with six decimals, as percentages
    assert not indicators["value"].isna().any()


def test_a_pinned_edition_gives_its_own_numbers_and_is_kept_a_year(client: Any) -> None:
    assert OLD in edition_ids()
    answer = fetch(client, f"/data/v1/emigrant_share.csv?countries=SLV&edition={OLD}")
    assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    old = pd.read_csv(io.BytesIO(answer.data))
    rows = get_store(OLD).indicators
    expected = rows[(rows["indicator"] == "emigrant_share") & (rows["iso3"] == "SLV")].sort_values("year")
    assert old["Year"].tolist() == expected["year"].tolist()
    assert old.iloc[:, 3].tolist() == [published.significant(v) for v in expected["value"]]
    current = fetch(client, "/data/v1/emigrant_share.csv?countries=SLV")
    assert current.headers["Cache-Control"] == "public, max-age=3600"
    assert current.data != answer.data


def test_the_whole_dataset_of_a_pinned_edition(client: Any, tmp_path: Path) -> None:
    descriptor = fetch(client, f"/data/v1/datapackage.json?edition={OLD}").get_json()
    assert descriptor["edition"]["id"] == OLD
    assert all(r["path"].endswith(f"?edition={OLD}") for r in descriptor["resources"])
    assert "changes" not in [r["name"] for r in descriptor["resources"]]  # built before the changelog existed
    assert client.get(f"/data/v1/dataset/changes.csv?edition={OLD}").status_code == 404
    validate(client, descriptor, tmp_path)


def test_etags_answer_304_to_a_client_that_holds_the_file(client: Any) -> None:
    link = f"/data/v1/emigrant_share.xlsx?countries=SLV&edition={get_store().version}"
    first = fetch(client, link)
    etag = first.headers["ETag"]
    assert etag.startswith('W/"')
    again = client.get(link, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    assert first.headers["Content-Disposition"] == 'attachment; filename="emigrant_share.xlsx"'
    other = client.get(link.replace("SLV", "MEX"), headers={"If-None-Match": etag})
    assert other.status_code == 200


def test_cors_is_open_for_data_links_only(client: Any) -> None:
    origin = {"Origin": "https://notebook.example"}
    answer = client.get("/data/v1/emigrant_share.csv", headers=origin)
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in answer.headers["Access-Control-Expose-Headers"]
    asks = {"Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "If-None-Match"}
    preflight = client.options("/data/v1/emigrant_share.json", headers={**origin, **asks})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/", headers=origin).headers
    assert client.post("/data/v1/emigrant_share.csv").status_code == 405


def test_a_larger_ask_points_to_the_whole_dataset(client: Any) -> None:
    answer = client.get("/data/v1/remittances_usd.csv?focus=world")
    assert answer.status_code == 400
    assert "/data/v1/dataset/indicators.csv" in answer.get_data(as_text=True)
    assert fetch(client, "/data/v1/remittances_usd.csv?focus=world&year=2020").data.count(b"\n") > 150
    whole = fetch(client, "/data/v1/dataset/indicators.csv")
    packed = fetch(client, "/data/v1/dataset/indicators.csv", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == whole.data
    assert len(packed.data) * 5 < len(whole.data) < 8 * 1024 * 1024
    assert packed.headers["ETag"] != whole.headers["ETag"]


# --- hostile asks -----------------------------------------------------------------------------------------------

THIRTEEN = ["MEX", "SLV", "HND", "GTM", "NIC", "CRI", "PAN", "BLZ", "COL", "VEN", "ECU", "PER", "BOL"]  # 12 at most
HOSTILE = [
    "/data/v1/emigrant_share.csv?foo=1",
    "/data/v1/emigrant_share.csv?year=1991",
    "/data/v1/emigrant_share.csv?year=2020&year=2015",
    "/data/v1/emigrant_share.csv?countries=SLV,XXX",
    "/data/v1/emigrant_share.csv?countries=" + ",".join(THIRTEEN),
    "/data/v1/emigrant_share.csv?countries=",
    "/data/v1/emigrant_share.csv?focus=" + MARKER,
    "/data/v1/emigrant_share.csv?lang=de",
    "/data/v1/emigrant_share.csv?indicator=remittances_usd",
    "/data/v1/emigrant_share.csv?chart=cv-costs",
    "/data/v1/emigrant_share.csv?chart=",
    "/data/v1/emigrant_share.csv?chart=map&chart=trend",
    "/data/v1/emigrant_share.csv?edition=000000000000",
    "/data/v1/emigrant_share.csv?edition=../../etc/passwd",
    "/data/v1/emigrant_share.csv?" + MARKER + "=1",
    "/data/v1/emigrant_share.csv?" + "&".join(f"a{n}=1" for n in range(40)),
    "/data/v1/emigrant_share.csv?year=" + "9" * 5000,
    "/data/v1/corridors/lac.csv?direction=in",
    "/data/v1/corridors/MEX.csv?cyear=2024",
    "/data/v1/country/SLV.json?chart=map",
    "/data/v1/datapackage.json?edition=x",
    "/data/v1/datapackage.json?countries=SLV",
    "/data/v1/dataset/indicators.csv?lang=xx",
    "/data/v1/dataset/indicators.csv?edition=" + MARKER,
]


@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_parameters_get_a_one_line_400_from_our_code(client: Any, url: str, caplog: Any) -> None:
    caplog.set_level(logging.INFO, logger="lacmig")
    answer = client.get(url)
    assert answer.status_code == 400, answer.get_data(as_text=True)
    text = answer.get_data(as_text=True)
    assert text.count("\n") == 1
    assert len(text) < 400
    assert "<script>" not in text
    assert answer.mimetype == "text/plain"
    reached = [r for r in caplog.records if r.getMessage().startswith("rejected GET /data/v1/")]
    assert len(reached) == 1  # the ask reached the data-link parser, which refused it


NOTHING = [
    "/data/v1/nope.csv",
    "/data/v1/emigrant_share.pdf",
    "/data/v1/emigrant_share",
    "/data/v1/country/XYZ.csv",
    "/data/v1/country/sica.csv",
    "/data/v1/corridors/world.csv",
    "/data/v1/elsewhere/SLV.csv",
    "/data/v1/dataset/geometry.csv",
    "/data/v1/" + MARKER,
    "/data/v1/dataset/indicators.json",
    f"/data/v1/{MARKER}/SLV.csv",
]


@pytest.mark.parametrize("url", NOTHING)
def test_paths_that_name_nothing_are_404(client: Any, url: str) -> None:
    answer = client.get(url)
    assert answer.status_code == 404
    assert "<script>" not in answer.get_data(as_text=True)


# --- precision, links in the page -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "indicator", "expected"),
    [
        (2.9635000000000002, "tertiary_emigration_rate", 2.9635),  # IAB 0.029635, as a percentage
        (4564.0, "emigrant_stock", 4564),
        (7.083326866667702, "emigrant_share", 7.0833268666677),  # computed: 15 significant digits
        (8.52316617232195, "remittance_cost", 8.52316617232195),  # WDI's own digits, all kept
        (None, "emigrant_share", None),
        (math.nan, "emigrant_share", None),
    ],
)
def test_values_as_their_source_publishes_them(value: Any, indicator: str, expected: Any) -> None:
    assert published.indicator_value(value, indicator) == expected


def test_the_pages_meta_carries_each_charts_data_link() -> None:
    state = view("/?indicator=remittances_gdp&countries=SLV&lang=es")
    links = dashboard.parts(state, "es")["meta"]["data_links"]
    assert links == {
        c: f"/data/v1/remittances_gdp.csv?countries=SLV&lang=es&chart={c}" for c in ("map", "trend", "ranking")
    }
    assert opendata.link(state) == "/data/v1/remittances_gdp.csv?countries=SLV&lang=es"
    profile = view("/country/SLV")
    assert (
        opendata.link(profile, "pf-skilled", "json", OLD) == f"/data/v1/country/SLV.json?chart=pf-skilled&edition={OLD}"
    )


def test_flags_are_written_as_r_excel_and_pandas_read_them(client: Any) -> None:
    text = fetch(client, "/data/v1/remittance_cost.csv?chart=map&year=2015").get_data(as_text=True)
    assert ",FALSE," in text
    assert ",TRUE," in text  # Costa Rica and Cuba, from the nearest year
    assert "True" not in text


def test_the_readmes_data_links_answer(client: Any) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    links = {m.rstrip(")") for m in re.findall(r"/data/v1/[^\s`\"<>]+", readme) if "…" not in m}
    assert len(links) >= 8
    for link in sorted(links):
        fetch(client, link)
