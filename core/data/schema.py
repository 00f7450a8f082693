"""The processed data contract: file names, their columns and dtypes, and the indicator ids."""

from __future__ import annotations

from typing import Any, Final

INDICATORS: Final = "indicators.parquet"
CORRIDORS: Final = "corridors.parquet"
REMITTANCE_CORRIDORS: Final = "remittance_corridors.parquet"
CORRIDOR_COSTS: Final = "corridor_costs.parquet"
COUNTRIES: Final = "countries.parquet"
CHANGES: Final = "changes.parquet"  # value-level changelog against the previous edition
GEOMETRY: Final = "geometry.json"
METADATA: Final = "indicators_meta.json"
REPORT: Final = "build_report.json"  # anomalies and cross-checks found by the build
MANIFEST: Final = "manifest.json"

# Indicators shown in the dashboard, in menu order (indicators_meta.json `order`).
EMIGRANT_STOCK: Final = "emigrant_stock"
EMIGRANT_SHARE: Final = "emigrant_share"
FEMALE_SHARE: Final = "female_share"
IMMIGRANT_STOCK: Final = "immigrant_stock"
IMMIGRANT_SHARE: Final = "immigrant_share"
IMMIGRANT_FEMALE_SHARE: Final = "immigrant_female_share"
REMITTANCES_USD: Final = "remittances_usd"
REMITTANCES_GDP: Final = "remittances_gdp"
TERTIARY_RATE: Final = "tertiary_emigration_rate"
DIOC_TERTIARY: Final = "dioc_tertiary_emigrants"
DIOC_TERTIARY_SHARE: Final = "dioc_tertiary_share"
REMITTANCE_COST: Final = "remittance_cost"
SHOWN: Final = (
    EMIGRANT_SHARE, EMIGRANT_STOCK, FEMALE_SHARE, REMITTANCES_GDP, REMITTANCES_USD, REMITTANCE_COST, TERTIARY_RATE,
)
# Built, validated and documented (indicators_meta.json `indicators`, listed in `staged`) after the first menu
# (`order`); the UI's menu (core/state/options.py MENU) shows them beside SHOWN, DIOC's year labelled "2015/16".
STAGED: Final = (IMMIGRANT_SHARE, IMMIGRANT_STOCK, IMMIGRANT_FEMALE_SHARE, DIOC_TERTIARY, DIOC_TERTIARY_SHARE)
DOCUMENTED: Final = (*SHOWN, *STAGED)

# Auxiliary series kept so group aggregates are ratios of sums (never averages of percentages), and the
# by-sex breakdowns of the skilled-emigration series.
POPULATION: Final = "population"
EMIGRANT_FEMALE: Final = "emigrant_female"
IMMIGRANT_FEMALE: Final = "immigrant_female"
GDP_USD: Final = "gdp_usd"
TERTIARY_RATE_FEMALE: Final = "tertiary_emigration_rate_female"
TERTIARY_RATE_MALE: Final = "tertiary_emigration_rate_male"
DIOC_TERTIARY_FEMALE: Final = "dioc_tertiary_emigrants_female"
DIOC_TERTIARY_MALE: Final = "dioc_tertiary_emigrants_male"
DIOC_TERTIARY_SHARE_FEMALE: Final = "dioc_tertiary_share_female"
DIOC_TERTIARY_SHARE_MALE: Final = "dioc_tertiary_share_male"
DIOC_KNOWN: Final = "dioc_emigrants_known_education"
DIOC_KNOWN_FEMALE: Final = "dioc_emigrants_known_education_female"
DIOC_KNOWN_MALE: Final = "dioc_emigrants_known_education_male"
AUXILIARY: Final = (
    POPULATION, EMIGRANT_FEMALE, IMMIGRANT_FEMALE, GDP_USD, TERTIARY_RATE_FEMALE, TERTIARY_RATE_MALE,
    DIOC_TERTIARY_FEMALE, DIOC_TERTIARY_MALE, DIOC_TERTIARY_SHARE_FEMALE, DIOC_TERTIARY_SHARE_MALE,
    DIOC_KNOWN, DIOC_KNOWN_FEMALE, DIOC_KNOWN_MALE,
)

# Every ratio series and its two components (value = 100 x numerator / denominator, same country and year).
# The build refuses a ratio row without both components (a missing value is missing, never a placeholder 0),
# and the group figures of these indicators are ratios of the sums of the components.
RATIOS: Final[dict[str, tuple[str, str]]] = {
    EMIGRANT_SHARE: (EMIGRANT_STOCK, POPULATION),
    FEMALE_SHARE: (EMIGRANT_FEMALE, EMIGRANT_STOCK),
    IMMIGRANT_SHARE: (IMMIGRANT_STOCK, POPULATION),
    IMMIGRANT_FEMALE_SHARE: (IMMIGRANT_FEMALE, IMMIGRANT_STOCK),
    REMITTANCES_GDP: (REMITTANCES_USD, GDP_USD),
    DIOC_TERTIARY_SHARE: (DIOC_TERTIARY, DIOC_KNOWN),
    DIOC_TERTIARY_SHARE_FEMALE: (DIOC_TERTIARY_FEMALE, DIOC_KNOWN_FEMALE),
    DIOC_TERTIARY_SHARE_MALE: (DIOC_TERTIARY_MALE, DIOC_KNOWN_MALE),
}

# Columns and dtypes of each parquet file, checked when written and when loaded.
# indicators: `computed` is true when this project derives the value as a ratio of two published series of
# the same edition (see RATIOS), false when the value is the publisher's own figure (at most rescaled:
# thousands to persons, fractions to percentages, millions to units); `anomaly` is true for a published value
# that the build's anomaly rule flags (kept as published, listed in build_report.json) and for a ratio computed
# from such a value.
COLUMNS: Final[dict[str, dict[str, str]]] = {
    INDICATORS: {
        "iso3": "str", "year": "int64", "indicator": "str", "value": "float64",
        "source": "str", "computed": "bool", "anomaly": "bool",
    },
    CORRIDORS: {"origin": "str", "destination": "str", "year": "int64", "emigrants": "int64", "female": "int64"},
    # `source` names the matrix edition (a data/raw folder); `year` is the year it estimates. Editions are never
    # summed or compared: queries pick one (core.data.queries.remittance_matrix, the current edition by default).
    REMITTANCE_CORRIDORS: {"sender": "str", "receiver": "str", "year": "int64", "usd": "float64", "source": "str"},
    CORRIDOR_COSTS: {
        "sender": "str", "receiver": "str", "period": "str", "year": "int64", "quarter": "int64",
        "cost_pct": "float64",
    },
    COUNTRIES: {
        "iso3": "str", "name_en": "str", "name_es": "str", "name_pt": "str", "name_fr": "str",
        "region": "str", "subregion": "str", "lac": "bool", "sovereign": "bool",
        "caricom": "bool", "oecs": "bool", "sica": "bool", "mercosur": "bool", "can": "bool",
        "pacific_alliance": "bool", "label_lon": "float64", "label_lat": "float64", "area_km2": "float64",
    },
    # One row per value that differs from the previous edition; old_* empty for new values, new_* for removed ones.
    CHANGES: {
        "indicator": "str", "iso3": "str", "year": "int64", "old_value": "float64", "new_value": "float64",
        "old_source": "str", "new_source": "str", "reason": "str",
    },
}

# Columns that may hold NaN: countries and areas with no shape in Natural Earth (CHI, GIB, TUV, ...); the two
# sides of a change that did not exist.
NULLABLE: Final[dict[str, tuple[str, ...]]] = {
    COUNTRIES: ("label_lon", "label_lat", "area_km2"),
    CHANGES: ("old_value", "new_value", "old_source", "new_source"),
}

KEYS: Final[dict[str, tuple[str, ...]]] = {
    INDICATORS: ("iso3", "year", "indicator"),
    CORRIDORS: ("origin", "destination", "year"),
    REMITTANCE_CORRIDORS: ("sender", "receiver", "year"),
    CORRIDOR_COSTS: ("sender", "receiver", "period"),
    COUNTRIES: ("iso3",),
    CHANGES: ("indicator", "iso3", "year"),
}

# Files an edition may lack because it was built under an older contract: a table loaded from an older edition
# gets these columns with these values (the 4b94809ebbe9 edition had neither), so every edition reads alike.
LEGACY_DEFAULTS: Final[dict[str, dict[str, Any]]] = {
    INDICATORS: {"anomaly": False},
    REMITTANCE_CORRIDORS: {"source": "worldbank_bilateral_remittance_matrix_2018"},
}
OPTIONAL_FILES: Final = (CHANGES, REPORT)  # absent in editions built before they existed

# Reasons a value changed between editions (changes.parquet `reason`).
CHANGE_REASONS: Final = ("revision", "new_year", "new_value", "new_indicator", "removed_placeholder", "removed")

UNKNOWN_ORIGIN: Final = "XXX"  # UN DESA "Other": origin not known
