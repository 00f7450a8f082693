"""Export parity: every chart's download, on every page, carries the metadata a dashboard download carries
(definition, unit, sources, citation, licence, caveats, the data edition and the address, each said once), and every
number in it is written by one rule (core/data/published.py): as its source publishes it, or, for a value this
project derives, at 15 significant digits; never the binary noise of a computation (23.56416627166905)."""

from __future__ import annotations

import io
import math
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import pytest

from app import server
from callbacks.exports import data_file
from components import ids
from core.charts import registry
from core.data import corridors, flows, published, queries
from core.data.store import get_store
from core.i18n.catalog import t
from core.state.options import menu, options
from core.state.urlstate import ViewState, decode, path_of, with_route
from core.web import exports

OPTIONS = options()


def view(page_link: str) -> ViewState:
    path, _, query = page_link.partition("?")
    return with_route(decode(query, OPTIONS, "en"), path, OPTIONS)


# Pages of every kind, in two languages, with their charts: the dashboard's are the reference.
VIEWS = [
    "/?indicator=emigrant_share&countries=SLV,MEX",
    "/?indicator=remittances_gdp&focus=sica&lang=es",
    "/country/SLV",
    "/country/JAM?lang=fr",
    "/corridors/MEX",
    "/corridors/COL?direction=in&cyear=2000&lang=pt",
    "/corridors/central_america",
    "/then-and-now",
    "/then-and-now?lang=fr",
]
CHARTS = [(link, spec.id) for link in VIEWS for spec in registry.specs(view(link).page)]


def chart_file(link: str, chart: str) -> exports.Table:
    state = view(link)
    table = data_file(state, chart, "view")
    assert table is not None, (link, chart)
    return table


def labels(table: exports.Table) -> list[str]:
    return [label for label, _ in table.notes]


def required(lang: str) -> dict[str, str]:
    """The metadata every data file carries, by the label it has in `lang`."""
    return {
        "definition": t("about.definition", lang),
        "unit": t("about.unit", lang),
        "source": t("sources.label", lang).rstrip(" :：\u202f"),
        "citation": t("about.citation", lang),
        "licence": t("about.licence", lang),
        "caveats": t("about.caveats", lang),
        "edition": t("export.edition", lang),
        "address": t("export.address", lang),
    }


@pytest.mark.parametrize(("link", "chart"), CHARTS)
def test_every_chart_file_carries_the_dashboards_metadata_once(link: str, chart: str) -> None:
    table = chart_file(link, chart)
    found = labels(table)
    missing = [what for what, label in required(table.lang).items() if label not in found]
    assert not missing, (link, chart, missing)
    assert len(table.notes) == len(set(table.notes)), [n for n in table.notes if table.notes.count(n) > 1][:2]
    address = dict(table.notes)[t("export.address", table.lang)]
    assert urlsplit(address).path == path_of(view(link).page, view(link).subject)


@pytest.mark.parametrize("link", ["/country/SLV", "/country/KNA?lang=fr"])
def test_a_profiles_own_file_says_what_each_of_its_indicators_is(link: str) -> None:
    """It held only the sources' names: now each row's indicator has its definition and unit, and the file has the
    citations, licences and caveats of its sources, as a dashboard file has them for its one indicator."""
    state = view(link)
    table = data_file(state, ids.PROFILE_DATA, "view")
    assert table is not None
    lang = state.lang
    notes = dict(table.notes)
    found = labels(table)
    for indicator in menu():
        short = str(queries.indicator_meta(indicator)["short_label"][lang])
        definition = t("export.about_of", lang, label=t("about.definition", lang), indicator=short)
        assert definition in notes, definition
        assert t(f"unit.{queries.indicator_meta(indicator)['unit']}", lang) in notes[definition]
    for what in ("citation", "licence", "caveats", "edition", "address"):
        assert required(lang)[what] in found, what
    citations = [text for label, text in table.notes if label == t("about.citation", lang)]
    assert any("International Migrant Stock 2024" in c for c in citations)
    assert any("Brücker" in c for c in citations)
    assert len(table.notes) == len(set(table.notes))
    assert set(table.sources) >= {"undesa_ims2024_totals", "worldbank_wdi", "iab_brain_drain"}


# --- precision ----------------------------------------------------------------------------------------------------


def numbers(frame: pd.DataFrame) -> list[tuple[str, float]]:
    out = []
    for column in frame.columns:
        if pd.api.types.is_float_dtype(frame[column]):
            out += [(str(column), float(v)) for v in frame[column] if not pd.isna(v)]
    return out


def fifteen_digits(value: float) -> bool:
    return not math.isfinite(value) or float(f"{value:.15g}") == value


@pytest.mark.parametrize(("link", "chart"), CHARTS)
def test_no_number_carries_more_digits_than_its_source_publishes(link: str, chart: str) -> None:
    table = chart_file(link, chart)
    noisy = [(column, value) for column, value in numbers(table.frame) if not fifteen_digits(value)]
    assert not noisy, noisy[:3]
    text = exports.to_csv(table).decode("utf-8-sig")
    written = pd.read_csv(io.StringIO(text), comment="#")
    assert len(written) == len(table.frame)


@pytest.mark.parametrize(
    ("link", "name"),
    [
        ("/country/SLV", ids.PROFILE_DATA),
        ("/country/GUY?lang=es", ids.PROFILE_DATA),
        ("/then-and-now", ids.THEN_AND_NOW_DATA),
    ],
)
def test_a_pages_own_file_follows_the_rule(link: str, name: str) -> None:
    table = data_file(view(link), name, "view")
    assert table is not None
    assert [v for _, v in numbers(table.frame) if not fifteen_digits(v)] == []


def test_a_corridor_cost_is_written_as_remittance_prices_worldwide_publishes_it() -> None:
    """The chart wrote 5.006111 for a cost RPW publishes as 5.00611114501953 (the dataset file wrote the latter): the
    same number now reads the same in both files."""
    frame = chart_file("/corridors/MEX", "cv-costs").frame
    costs = get_store().corridor_costs
    published_cost = costs[(costs["sender"] == "USA") & (costs["receiver"] == "MEX") & (costs["period"] == "2011Q1")]
    expected = float(
        published.rounded(published_cost["cost_pct"], "percent", "worldbank_remittance_prices_corridors").iloc[0]
    )
    row = frame[(frame.iloc[:, 0] == "United States") & (frame.iloc[:, 2] == "2011Q1")]
    assert float(row.iloc[0, 3]) == expected
    assert len(f"{expected:.15g}".replace(".", "")) > 7  # more digits than the six decimals it was cut to


def test_derived_shares_follow_one_rule_on_every_page() -> None:
    """A corridor's share of the total was cut to six decimals, a profile's share of its group kept fifteen digits:
    both are now written by published.derived."""
    rows = flows.partners("MEX", "out", 2020)
    frame = chart_file("/corridors/MEX", "cv-corridors").frame.set_index("ISO3 code")
    canada = rows[rows["partner"] == "CAN"].iloc[0]
    assert frame.loc["CAN", "Share of total (%)"] == published.derived([canada["share"]]).iloc[0]
    assert frame.loc["CAN", "Share of women (%)"] == published.derived([canada["female_share"]]).iloc[0]
    change = chart_file("/corridors/MEX", "cv-change").frame.set_index("ISO3 code")
    old, new = corridors.destinations("MEX", 1990), corridors.destinations("MEX", 2020)
    before = float(old[old["destination"] == "CAN"]["emigrants"].iloc[0])
    after = float(new[new["destination"] == "CAN"]["emigrants"].iloc[0])
    assert change.loc["CAN", "Change (%)"] == published.derived([100 * (after - before) / before]).iloc[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (23.56416627166905, 23.564166271669),  # a ratio as float64 writes it: the noise goes
        (0.1 + 0.2, 0.3),
        (97.026284, 97.026284),  # nothing is added
        (None, None),
        (math.nan, None),
    ],
)
def test_derived_values_keep_fifteen_significant_digits(value: Any, expected: Any) -> None:
    got = published.derived([value]).iloc[0]
    assert (pd.isna(got) and expected is None) or got == expected


def test_a_corridor_files_money_is_the_matrixs_own() -> None:
    frame = chart_file("/corridors/MEX", "cv-remittances").frame
    matrix = queries.remittance_matrix()
    usd = matrix[(matrix["sender"] == "USA") & (matrix["receiver"] == "MEX")]["usd"]
    source = corridors.remittance_matrix_source()
    assert float(frame.iloc[0, 3]) == float(published.rounded(usd, "usd", source).iloc[0])


# --- the Data Package names the sources the chart cites ----------------------------------------------------------


def test_a_charts_data_package_lists_every_source_it_cites() -> None:
    """pf-skilled cites IAB and, where it has one, DIOC's count: its package listed IAB only."""
    client = server.test_client()
    package = client.get("/data/v1/country/SLV.datapackage.json?chart=pf-skilled").get_json()
    titles = " ".join(source["title"] for source in package["sources"])
    assert "IAB" in titles
    assert "DIOC" in titles
