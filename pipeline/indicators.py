"""Derive the per-country indicator series (long format) from the raw source tables."""

from __future__ import annotations

import pandas as pd

from core.data import schema as s
from pipeline.undesa2024 import Revision2024

# Source ids are the raw folder names, so every value can be traced to its PROVENANCE.md.
SRC_UNDESA = "undesa_ims2024_totals"
SRC_WDI = "worldbank_wdi"
SRC_WDI_2023 = "worldbank_wdi_2023_05_remittances"
SRC_IAB = "iab_brain_drain"
SRC_DIOC = "oecd_dioc_2015_16"

WDI_REMITTANCES = "BX.TRF.PWKR.CD.DT"
WDI_GDP = "NY.GDP.MKTP.CD"
WDI_REMITTANCES_GDP = "BX.TRF.PWKR.DT.GD.ZS"
WDI_COST = "SI.RMT.COST.IB.ZS"

IAB_SEXES = {"Male and Female": s.TERTIARY_RATE, "Female": s.TERTIARY_RATE_FEMALE, "Male": s.TERTIARY_RATE_MALE}

# DIOC 2015/16 File A codes: sex 1 men, 2 women (checked on the data: more 2s than 1s among natives aged 65+ in
# 34 of the 35 destinations, and among Philippine and Thai emigrants); edu_lfs 3 = tertiary, 99 = unknown;
# age_lfs 1-3 = 15 and over; fborn 1 = foreign-born. Stored as 2015, the start of the 2015/16 census round.
DIOC_YEAR = 2015
DIOC_SEXES = {
    None: (s.DIOC_TERTIARY, s.DIOC_KNOWN, s.DIOC_TERTIARY_SHARE),
    2: (s.DIOC_TERTIARY_FEMALE, s.DIOC_KNOWN_FEMALE, s.DIOC_TERTIARY_SHARE_FEMALE),
    1: (s.DIOC_TERTIARY_MALE, s.DIOC_KNOWN_MALE, s.DIOC_TERTIARY_SHARE_MALE),
}
DIOC_ADULT_AGES = (1, 2, 3)
DIOC_TERTIARY_LEVEL = 3
DIOC_KNOWN_LEVELS = (1, 2, 3)


def _long(frame: pd.DataFrame, indicator: str, source: str, computed: bool = False) -> pd.DataFrame:
    """Shape an (iso3, year, value) frame into contract rows (rows without a value are dropped: missing is absent)."""
    out = frame.loc[frame["value"].notna(), ["iso3", "year", "value"]].copy()
    out["indicator"] = indicator
    out["source"] = source
    out["computed"] = computed
    return out


def ratio(numerator: pd.DataFrame, denominator: pd.DataFrame) -> pd.DataFrame:
    """100 x numerator / denominator for the (iso3, year) pairs where both exist and the denominator is above 0.

    A pair with a missing side gives no row at all: a ratio is never filled with 0."""
    both = numerator[["iso3", "year", "value"]].merge(
        denominator[["iso3", "year", "value"]], on=["iso3", "year"], how="inner", suffixes=("_n", "_d")
    )
    both = both[both["value_n"].notna() & both["value_d"].notna() & (both["value_d"] > 0)]
    return both.assign(value=100.0 * both["value_n"] / both["value_d"])[["iso3", "year", "value"]]


def undesa_series(revision: Revision2024) -> pd.DataFrame:
    """Emigrant and immigrant series of UN DESA's 2024 revision (1990-2020 5-yearly and 2024), one revision only.

    Stocks, female stocks, the published % female and immigrants as % of population as printed; population in
    persons (published in thousands); emigrant_share = 100 x emigrants / population of the same revision."""
    origin = revision.origin
    destination = revision.destination

    def pick(frame: pd.DataFrame, column: str) -> pd.DataFrame:
        return frame[["iso3", "year", column]].rename(columns={column: "value"})

    emigrants = pick(origin, "total")
    population = pick(destination, "population")
    population = population[population["value"] > 0]
    return pd.concat(
        [
            _long(emigrants, s.EMIGRANT_STOCK, SRC_UNDESA),
            _long(pick(origin, "female"), s.EMIGRANT_FEMALE, SRC_UNDESA),
            _long(pick(origin, "female_pct"), s.FEMALE_SHARE, SRC_UNDESA),
            _long(population, s.POPULATION, SRC_UNDESA),
            _long(ratio(emigrants, population), s.EMIGRANT_SHARE, SRC_UNDESA, computed=True),
            _long(pick(destination, "total"), s.IMMIGRANT_STOCK, SRC_UNDESA),
            _long(pick(destination, "female"), s.IMMIGRANT_FEMALE, SRC_UNDESA),
            _long(pick(destination, "share_pct"), s.IMMIGRANT_SHARE, SRC_UNDESA),
            _long(pick(destination, "female_pct"), s.IMMIGRANT_FEMALE_SHARE, SRC_UNDESA),
        ],
        ignore_index=True,
    )


def _series(wdi: pd.DataFrame, code: str) -> pd.DataFrame:
    return wdi.loc[wdi["indicator_code"] == code, ["iso3", "year", "value"]]


def remittance_series(wdi: pd.DataFrame) -> pd.DataFrame:
    """remittances_usd, gdp_usd and remittances_gdp = 100 x remittances / GDP, all from one WDI snapshot.

    This is WDI's own definition of BX.TRF.PWKR.DT.GD.ZS, applied to every year, so the percentage always agrees
    with the US$ and GDP shown beside it; the older official series is only a cross-check (pipeline.checks)."""
    remittances = _series(wdi, WDI_REMITTANCES)
    gdp = _series(wdi, WDI_GDP)
    gdp = gdp[gdp["value"] > 0]
    return pd.concat(
        [
            _long(remittances, s.REMITTANCES_USD, SRC_WDI),
            _long(gdp, s.GDP_USD, SRC_WDI),
            _long(ratio(remittances, gdp), s.REMITTANCES_GDP, SRC_WDI, computed=True),
        ],
        ignore_index=True,
    )


def cost_series(wdi_2023: pd.DataFrame) -> pd.DataFrame:
    """remittance_cost: average total cost of sending US$200 to the country (%)."""
    return _long(_series(wdi_2023, WDI_COST), s.REMITTANCE_COST, SRC_WDI_2023)


def tertiary_series(iab: pd.DataFrame) -> pd.DataFrame:
    """IAB high-skill emigration rates, fractions turned into percentages, for both sexes and each sex."""
    frames = []
    for gender, indicator in IAB_SEXES.items():
        rows = iab[iab["gender"] == gender].rename(columns={"origin_iso3": "iso3"})
        frames.append(_long(rows.assign(value=100.0 * rows["high_rate"]), indicator, SRC_IAB))
    return pd.concat(frames, ignore_index=True)


def dioc_series(dioc: pd.DataFrame) -> pd.DataFrame:
    """OECD DIOC 2015/16 (File A by country of birth): emigrants aged 15+ in the 35 OECD countries.

    Per origin and sex: tertiary-educated emigrants (persons), emigrants whose education is known (persons) and
    the tertiary share of the latter (%), stored as year 2015. Natives living at home (fborn 0) are left out."""
    adults = dioc[(dioc["fborn"] == 1) & dioc["age_lfs"].isin(DIOC_ADULT_AGES)].rename(columns={"coub": "iso3"})
    frames = []
    for sex, (tertiary_id, known_id, share_id) in DIOC_SEXES.items():
        rows = adults if sex is None else adults[adults["sex"] == sex]
        known = rows[rows["edu_lfs"].isin(DIOC_KNOWN_LEVELS)].groupby("iso3", as_index=False)["number"].sum()
        tertiary = rows[rows["edu_lfs"] == DIOC_TERTIARY_LEVEL].groupby("iso3", as_index=False)["number"].sum()
        # An origin without any tertiary-educated row has no value (the file has no cells of 0 persons to read).
        known = known.assign(year=DIOC_YEAR, value=known["number"].astype("float64"))
        tertiary = tertiary.assign(year=DIOC_YEAR, value=tertiary["number"].astype("float64"))
        frames += [
            _long(tertiary, tertiary_id, SRC_DIOC),
            _long(known, known_id, SRC_DIOC),
            _long(ratio(tertiary, known), share_id, SRC_DIOC, computed=True),
        ]
    return pd.concat(frames, ignore_index=True)


def build_indicators(
    revision: Revision2024,
    wdi: pd.DataFrame,
    wdi_2023: pd.DataFrame,
    iab: pd.DataFrame,
    dioc: pd.DataFrame,
    countries: set[str],
) -> pd.DataFrame:
    """All indicator rows for the given countries, sorted by key, in contract dtypes (anomaly flags still False)."""
    frame = pd.concat(
        [
            undesa_series(revision),
            remittance_series(wdi),
            cost_series(wdi_2023),
            tertiary_series(iab),
            dioc_series(dioc),
        ],
        ignore_index=True,
    )
    frame = frame[frame["iso3"].isin(countries)]
    frame = frame.assign(anomaly=False)[list(s.COLUMNS[s.INDICATORS])]
    frame = frame.astype(
        {"iso3": "str", "year": "int64", "indicator": "str", "value": "float64", "computed": "bool", "anomaly": "bool"}
    )
    return frame.sort_values(["indicator", "iso3", "year"], kind="stable").reset_index(drop=True)
