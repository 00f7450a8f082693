"""Derive the per-country indicator series (long format) from the raw source tables."""

from __future__ import annotations

import pandas as pd

from core import schema as s

# Source ids are the raw folder names, so every value can be traced to its PROVENANCE.md.
SRC_UNDESA = "undesa_ims2020_bilateral"
SRC_WDI = "worldbank_wdi"
SRC_WDI_2023 = "worldbank_wdi_2023_05_remittances"
SRC_IAB = "iab_brain_drain"

WDI_REMITTANCES = "BX.TRF.PWKR.CD.DT"
WDI_GDP = "NY.GDP.MKTP.CD"
WDI_REMITTANCES_GDP = "BX.TRF.PWKR.DT.GD.ZS"
WDI_COST = "SI.RMT.COST.IB.ZS"

IAB_SEXES = {"Male and Female": s.TERTIARY_RATE, "Female": s.TERTIARY_RATE_FEMALE, "Male": s.TERTIARY_RATE_MALE}


def _long(frame: pd.DataFrame, indicator: str, source: str, computed: bool = False) -> pd.DataFrame:
    """Shape an (iso3, year, value) frame into contract rows."""
    out = frame[["iso3", "year", "value"]].copy()
    out["indicator"] = indicator
    out["source"] = source
    out["computed"] = computed
    return out


def emigrant_series(bilateral: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """emigrant_stock, emigrant_female, female_share, population and emigrant_share from UN DESA."""
    known = bilateral[bilateral["origin_iso3"] != s.UNKNOWN_ORIGIN]
    sums = (
        known.groupby(["origin_iso3", "year"], as_index=False)[["total", "female"]]
        .sum()
        .rename(columns={"origin_iso3": "iso3"})
    )
    stock = sums.assign(value=sums["total"].astype("float64"))
    female = sums.assign(value=sums["female"].astype("float64"))
    share = sums[sums["total"] > 0]
    share = share.assign(value=100.0 * share["female"] / share["total"])
    population = totals.rename(columns={"alpha3": "iso3", "pop": "value"})[["iso3", "year", "value"]]
    population = population[population["value"] > 0]
    ratio = sums.merge(population, on=["iso3", "year"], how="inner")
    ratio = ratio.assign(value=100.0 * ratio["total"] / ratio["value"])
    return pd.concat(
        [
            _long(stock, s.EMIGRANT_STOCK, SRC_UNDESA),
            _long(female, s.EMIGRANT_FEMALE, SRC_UNDESA),
            _long(share, s.FEMALE_SHARE, SRC_UNDESA, computed=True),
            _long(population, s.POPULATION, SRC_UNDESA),
            _long(ratio, s.EMIGRANT_SHARE, SRC_UNDESA, computed=True),
        ],
        ignore_index=True,
    )


def _series(wdi: pd.DataFrame, code: str) -> pd.DataFrame:
    return wdi.loc[wdi["indicator_code"] == code, ["iso3", "year", "value"]]


def remittance_series(wdi: pd.DataFrame, wdi_2023: pd.DataFrame) -> pd.DataFrame:
    """remittances_usd and gdp_usd (WDI 2026), remittances_gdp (official to its last year, then computed)."""
    remittances = _series(wdi, WDI_REMITTANCES)
    gdp = _series(wdi, WDI_GDP)
    gdp = gdp[gdp["value"] > 0]
    official = _series(wdi_2023, WDI_REMITTANCES_GDP)
    last_official = int(official["year"].max())
    # After the official series ends, % of GDP is its WDI definition: 100 x remittances / GDP.
    later = remittances[remittances["year"] > last_official].merge(gdp, on=["iso3", "year"], suffixes=("_r", "_g"))
    later = later.assign(value=100.0 * later["value_r"] / later["value_g"])
    return pd.concat(
        [
            _long(remittances, s.REMITTANCES_USD, SRC_WDI),
            _long(gdp, s.GDP_USD, SRC_WDI),
            _long(official, s.REMITTANCES_GDP, SRC_WDI_2023),
            _long(later, s.REMITTANCES_GDP, SRC_WDI, computed=True),
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


def build_indicators(
    bilateral: pd.DataFrame,
    totals: pd.DataFrame,
    wdi: pd.DataFrame,
    wdi_2023: pd.DataFrame,
    iab: pd.DataFrame,
    countries: set[str],
) -> pd.DataFrame:
    """All indicator rows for the given countries, sorted by key, in contract dtypes."""
    frame = pd.concat(
        [
            emigrant_series(bilateral, totals),
            remittance_series(wdi, wdi_2023),
            cost_series(wdi_2023),
            tertiary_series(iab),
        ],
        ignore_index=True,
    )
    frame = frame[frame["iso3"].isin(countries)]
    frame = frame[["iso3", "year", "indicator", "value", "source", "computed"]]
    frame = frame.astype({"iso3": "str", "year": "int64", "indicator": "str", "value": "float64", "computed": "bool"})
    return frame.sort_values(["indicator", "iso3", "year"], kind="stable").reset_index(drop=True)
