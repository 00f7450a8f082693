"""The processed data contract: file names, their columns and dtypes, and the indicator ids."""

from __future__ import annotations

from typing import Final

INDICATORS: Final = "indicators.parquet"
CORRIDORS: Final = "corridors.parquet"
REMITTANCE_CORRIDORS: Final = "remittance_corridors.parquet"
CORRIDOR_COSTS: Final = "corridor_costs.parquet"
COUNTRIES: Final = "countries.parquet"
GEOMETRY: Final = "geometry.json"
METADATA: Final = "indicators_meta.json"
MANIFEST: Final = "manifest.json"

# Indicators shown in the dashboard, in menu order.
EMIGRANT_STOCK: Final = "emigrant_stock"
EMIGRANT_SHARE: Final = "emigrant_share"
FEMALE_SHARE: Final = "female_share"
REMITTANCES_USD: Final = "remittances_usd"
REMITTANCES_GDP: Final = "remittances_gdp"
TERTIARY_RATE: Final = "tertiary_emigration_rate"
REMITTANCE_COST: Final = "remittance_cost"
SHOWN: Final = (
    EMIGRANT_SHARE, EMIGRANT_STOCK, FEMALE_SHARE, REMITTANCES_GDP, REMITTANCES_USD,
    REMITTANCE_COST, TERTIARY_RATE,
)  # fmt: skip

# Auxiliary series kept so group aggregates are ratios of sums (never averages of percentages).
POPULATION: Final = "population"
EMIGRANT_FEMALE: Final = "emigrant_female"
GDP_USD: Final = "gdp_usd"
TERTIARY_RATE_FEMALE: Final = "tertiary_emigration_rate_female"
TERTIARY_RATE_MALE: Final = "tertiary_emigration_rate_male"
AUXILIARY: Final = (POPULATION, EMIGRANT_FEMALE, GDP_USD, TERTIARY_RATE_FEMALE, TERTIARY_RATE_MALE)

# Columns and dtypes of each parquet file, checked when written and when loaded.
COLUMNS: Final[dict[str, dict[str, str]]] = {
    INDICATORS: {
        "iso3": "str", "year": "int64", "indicator": "str", "value": "float64",
        "source": "str", "computed": "bool",
    },
    CORRIDORS: {"origin": "str", "destination": "str", "year": "int64", "emigrants": "int64", "female": "int64"},
    REMITTANCE_CORRIDORS: {"sender": "str", "receiver": "str", "year": "int64", "usd": "float64"},
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
}  # fmt: skip

# Columns that may hold NaN: countries and areas with no shape in Natural Earth (CHI, GIB, TUV, ...).
NULLABLE: Final[dict[str, tuple[str, ...]]] = {COUNTRIES: ("label_lon", "label_lat", "area_km2")}

KEYS: Final[dict[str, tuple[str, ...]]] = {
    INDICATORS: ("iso3", "year", "indicator"),
    CORRIDORS: ("origin", "destination", "year"),
    REMITTANCE_CORRIDORS: ("sender", "receiver", "year"),
    CORRIDOR_COSTS: ("sender", "receiver", "period"),
    COUNTRIES: ("iso3",),
}

UNKNOWN_ORIGIN: Final = "XXX"  # UN DESA "Other": origin not known
