"""Build-time findings that do not stop the build: published anomalies (flagged) and cross-checks (reported)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from core.data import schema as s
from pipeline.paths import LAC_STATES

# --- anomaly rule ----------------------------------------------------------------------------------------------
# A published level (not a ratio) is an anomaly when it is at least ANOMALY_FACTOR times smaller or larger than
# the median of its neighbours: the same country's values of the same series at up to ANOMALY_NEIGHBOURS
# observations on each side, no more than ANOMALY_MAX_GAP years away (so the 2 years before and after in an annual
# series, the adjacent observations in a 5-yearly one). A value with no neighbour is never flagged. The value is
# kept exactly as published; it is flagged (indicators.parquet `anomaly`) and listed in build_report.json, and so
# is every ratio computed from it. Example: Uruguay's remittances of US$6,038 in 2001 (US$36 million in 2002).
ANOMALY_FACTOR = 100.0
ANOMALY_NEIGHBOURS = 2
ANOMALY_MAX_GAP = 5
ANOMALY_SERIES: tuple[str, ...] = (
    s.REMITTANCES_USD,
    s.GDP_USD,
    s.EMIGRANT_STOCK,
    s.EMIGRANT_FEMALE,
    s.IMMIGRANT_STOCK,
    s.IMMIGRANT_FEMALE,
    s.POPULATION,
)

# --- cross-check of remittances_gdp against the official series of the WDI release of 2023-05 -----------------
# The official BX.TRF.PWKR.DT.GD.ZS is not shown; each of its values is compared with 100 x remittances / GDP of
# the 2026-07 snapshot. A difference above this many percentage points is reported (GDP and remittances are revised
# between releases); an official 0.0 where the snapshot has no remittances or no GDP is reported as a placeholder.
REMITTANCES_GDP_TOLERANCE = 0.5
# Published percentages of UN DESA must equal the ratios of its own counts within this many points.
UNDESA_PERCENT_TOLERANCE = 1e-6


def _neighbour_median(years: np.ndarray, values: np.ndarray, i: int) -> float | None:
    lo, hi = max(0, i - ANOMALY_NEIGHBOURS), min(len(values), i + ANOMALY_NEIGHBOURS + 1)
    near = [values[j] for j in range(lo, hi) if j != i and abs(int(years[j]) - int(years[i])) <= ANOMALY_MAX_GAP]
    return float(np.median(near)) if near else None


def is_anomalous(value: float, median: float) -> bool:
    """True when `value` is ANOMALY_FACTOR times (or more) away from `median`, in either direction."""
    if value == median:
        return False
    if value <= 0 or median <= 0:
        return max(value, median) > 0  # a published 0 among positive neighbours (or the reverse)
    return value * ANOMALY_FACTOR <= median or value >= median * ANOMALY_FACTOR


def flag_anomalies(indicators: pd.DataFrame) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """indicators with `anomaly` set by the rule above (ratios inherit it), and the report rows of the flagged."""
    flagged: set[tuple[str, str, int]] = set()
    report: list[dict[str, Any]] = []
    rows = indicators[indicators["indicator"].isin(ANOMALY_SERIES)].sort_values(["indicator", "iso3", "year"])
    for (indicator, iso3), group in rows.groupby(["indicator", "iso3"], sort=True):
        years, values = group["year"].to_numpy(), group["value"].to_numpy()
        for i in range(len(values)):
            median = _neighbour_median(years, values, i)
            if median is not None and is_anomalous(float(values[i]), median):
                flagged.add((str(indicator), str(iso3), int(years[i])))
                report.append(
                    {
                        "indicator": str(indicator),
                        "iso3": str(iso3),
                        "year": int(years[i]),
                        "value": float(values[i]),
                        "neighbour_median": median,
                        "source": str(group["source"].iloc[i]),
                    }
                )
    present = set(zip(indicators["indicator"], indicators["iso3"], indicators["year"], strict=True))
    for target, (numerator, denominator) in s.RATIOS.items():
        for _, iso3, year in sorted(k for k in flagged if k[0] in (numerator, denominator)):
            if (target, iso3, year) in present:
                flagged.add((target, iso3, year))
    keys = list(zip(indicators["indicator"], indicators["iso3"], indicators["year"], strict=True))
    out = indicators.assign(anomaly=[k in flagged for k in keys])
    return out, report


def cross_check_remittances_gdp(
    indicators: pd.DataFrame, wdi_2023: pd.DataFrame, code: str, lac_areas: set[str]
) -> dict[str, Any]:
    """Compare each official % of GDP of the 2023-05 release with the value computed from the 2026-07 snapshot.

    Counts cover every country; the listed cases are those of LAC states and territories (`lac_areas`)."""
    official = wdi_2023.loc[wdi_2023["indicator_code"] == code, ["iso3", "year", "value"]]
    official = official[official["iso3"].isin(set(indicators["iso3"]))]
    computed = indicators.loc[indicators["indicator"] == s.REMITTANCES_GDP, ["iso3", "year", "value"]]
    both = official.merge(computed, on=["iso3", "year"], how="left", suffixes=("_official", "_computed"))
    placeholder = both[both["value_computed"].isna() & (both["value_official"] == 0)]
    official_only = both[both["value_computed"].isna() & (both["value_official"] != 0)]
    compared = both.dropna(subset=["value_computed"])
    difference = compared["value_computed"] - compared["value_official"]
    differs = compared.assign(difference=difference)[difference.abs() > REMITTANCES_GDP_TOLERANCE]

    def listed(frame: pd.DataFrame) -> list[dict[str, Any]]:
        frame = frame[frame["iso3"].isin(lac_areas)].sort_values(["iso3", "year"])
        return [
            {k: (None if pd.isna(v) else (int(v) if k == "year" else v)) for k, v in row.items()}
            for row in frame.to_dict("records")
        ]

    lac = set(LAC_STATES)
    return {
        "tolerance_points": REMITTANCES_GDP_TOLERANCE,
        "official_values": len(official),
        "compared": len(compared),
        "within_tolerance": int(len(compared) - len(differs)),
        "beyond_tolerance": len(differs),
        "beyond_tolerance_lac_states": int(differs["iso3"].isin(lac).sum()),
        "official_placeholder_zeros": len(placeholder),
        "official_placeholder_zeros_lac": int(placeholder["iso3"].isin(lac).sum()),
        "official_placeholder_zeros_lac_states_and_territories": int(placeholder["iso3"].isin(lac_areas).sum()),
        "official_without_computed": len(official_only),
        # Listed for LAC states and territories; the counts above are worldwide.
        "discrepancies": listed(differs),
        "placeholders": listed(placeholder),
        "official_only": listed(official_only),
    }


def cross_check_undesa(revision: Any) -> dict[str, Any]:
    """UN DESA's published percentages against the ratios of its own counts (they agree to rounding)."""
    origin, destination = revision.origin, revision.destination
    checks = {
        "emigrants_female_pct": (origin["female_pct"], 100 * origin["female"] / origin["total"]),
        "immigrants_female_pct": (destination["female_pct"], 100 * destination["female"] / destination["total"]),
        "immigrants_share_pct": (destination["share_pct"], 100 * destination["total"] / destination["population"]),
    }
    out: dict[str, Any] = {"tolerance_points": UNDESA_PERCENT_TOLERANCE}
    for name, (published, recomputed) in checks.items():
        gap = (published - recomputed).abs().dropna()
        out[name] = {"compared": len(gap), "beyond_tolerance": int((gap > UNDESA_PERCENT_TOLERANCE).sum())}
    return out


def cross_check_immigrants_wdi(indicators: pd.DataFrame, wdi: pd.DataFrame) -> dict[str, Any]:
    """immigrant_stock against WDI's SM.POP.TOTL, which the 2026-07 snapshot takes from UN DESA's 2024 revision."""
    mirror = wdi.loc[wdi["indicator_code"] == "SM.POP.TOTL", ["iso3", "year", "value"]]
    ours = indicators.loc[indicators["indicator"] == s.IMMIGRANT_STOCK, ["iso3", "year", "value"]]
    both = ours.merge(mirror, on=["iso3", "year"], suffixes=("_undesa", "_wdi"))
    off = both[(both["value_undesa"] - both["value_wdi"]).abs() > 0.5]
    return {
        "compared": len(both),
        "differ": len(off),
        "examples": [
            {"iso3": r.iso3, "year": int(r.year), "undesa": r.value_undesa, "wdi": r.value_wdi}
            for r in off.sort_values(["iso3", "year"]).head(20).itertuples()
        ],
    }


def corridor_headline_gaps(indicators: pd.DataFrame, corridors: pd.DataFrame) -> dict[str, Any]:
    """Where an origin's corridor sum (2020 revision) differs from its emigrant_stock (2024 revision), 1990-2020.

    Not an error: the two revisions are kept apart. The UI says so under a corridor view; this counts the cases."""
    sums = corridors[corridors["origin"] != s.UNKNOWN_ORIGIN].groupby(["origin", "year"])["emigrants"].sum()
    sums = sums.rename_axis(["iso3", "year"]).rename("corridors_2020_revision")
    stock = indicators[indicators["indicator"] == s.EMIGRANT_STOCK].set_index(["iso3", "year"])["value"]
    both = pd.concat([sums, stock.rename("emigrant_stock_2024_revision")], axis=1, join="inner").reset_index()
    both = both[both["iso3"].isin(LAC_STATES)]
    gap = both["emigrant_stock_2024_revision"] - both["corridors_2020_revision"]
    both = both.assign(difference=gap, percent=100 * gap / both["corridors_2020_revision"])
    latest = both[both["year"] == both["year"].max()].sort_values("iso3")
    return {
        "lac_origin_years": len(both),
        "differ": int((both["difference"] != 0).sum()),
        "latest_year": int(both["year"].max()),
        "latest": [
            {
                "iso3": r.iso3,
                "corridors_2020_revision": int(r.corridors_2020_revision),
                "emigrant_stock_2024_revision": int(r.emigrant_stock_2024_revision),
                "percent": round(r.percent, 2),
            }
            for r in latest.itertuples()
        ],
    }


def summary_lines(report: dict[str, Any]) -> list[str]:
    """What the build prints about its findings (the full lists are in build_report.json)."""
    lines = []
    anomalies = report["anomalies"]
    lines.append(
        f"anomalies: {len(anomalies)} published values flagged (factor {ANOMALY_FACTOR:g} from the median of their "
        "neighbours), kept as published:"
    )
    lines += [
        f"  {a['indicator']} {a['iso3']} {a['year']}: {a['value']:,.2f} "
        f"(neighbours' median {a['neighbour_median']:,.2f})"
        for a in anomalies
    ]
    gdp = report["cross_checks"]["remittances_gdp_vs_wdi_2023_05"]
    lines.append(
        f"cross-check remittances_gdp vs WDI 2023-05 official (tolerance {gdp['tolerance_points']} points): "
        f"{gdp['compared']} compared, {gdp['beyond_tolerance']} beyond tolerance "
        f"({gdp['beyond_tolerance_lac_states']} in LAC states); {gdp['official_placeholder_zeros']} official 0.0 "
        f"where the 2026-07 snapshot has no value ({gdp['official_placeholder_zeros_lac_states_and_territories']} "
        "in LAC states and territories): placeholders, not shown"
    )
    lines += [
        f"  {d['iso3']} {d['year']}: official {d['value_official']:.2f}, computed {d['value_computed']:.2f}"
        for d in gdp["discrepancies"]
        if d["iso3"] in LAC_STATES
    ]
    undesa = report["cross_checks"]["undesa_2024_published_percentages"]
    bad = sum(v["beyond_tolerance"] for k, v in undesa.items() if isinstance(v, dict))
    lines.append(f"cross-check UN DESA 2024 published percentages vs its counts: {bad} beyond tolerance")
    wdi = report["cross_checks"]["immigrant_stock_vs_wdi_sm_pop_totl"]
    lines.append(f"cross-check immigrant_stock vs WDI SM.POP.TOTL: {wdi['compared']} compared, {wdi['differ']} differ")
    gaps = report["corridor_headline_gaps"]
    lines.append(
        f"corridors (UN DESA 2020 revision) vs emigrant_stock (2024 revision): {gaps['differ']} of "
        f"{gaps['lac_origin_years']} LAC origin-years differ (revisions are not mixed; the UI notes it)"
    )
    return lines
