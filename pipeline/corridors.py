"""Reshape the three bilateral sources into corridor tables (migrants, remittances, costs)."""

from __future__ import annotations

import pandas as pd


def migrant_corridors(bilateral: pd.DataFrame) -> pd.DataFrame:
    """UN DESA origin -> destination stocks by year, with the female part (XXX = origin unknown kept)."""
    out = bilateral.rename(columns={"origin_iso3": "origin", "destination_iso3": "destination", "total": "emigrants"})[
        ["origin", "destination", "year", "emigrants", "female"]
    ]
    out = out.astype({"origin": "str", "destination": "str", "year": "int64", "emigrants": "int64", "female": "int64"})
    return out.sort_values(["origin", "destination", "year"], kind="stable").reset_index(drop=True)


def remittance_corridors(matrix: pd.DataFrame) -> pd.DataFrame:
    """World Bank 2018 bilateral remittance estimates (a model, not observed flows), sender -> receiver, US$."""
    out = pd.DataFrame(
        {
            "sender": matrix["sending_iso3"].astype("str"),
            "receiver": matrix["receiving_iso3"].astype("str"),
            "year": 2018,
            "usd": matrix["usd_millions"].astype("float64") * 1e6,
        }
    )
    out = out.astype({"year": "int64"})
    return out.sort_values(["sender", "receiver"], kind="stable").reset_index(drop=True)


def corridor_costs(costs: pd.DataFrame) -> pd.DataFrame:
    """Remittance Prices Worldwide average total cost per corridor and period (YYYYQn), % of US$200."""
    periods = costs["period"].str.extract(r"^(\d{4})Q([1-4])$")
    out = pd.DataFrame(
        {
            "sender": costs["sending_iso3"].astype("str"),
            "receiver": costs["receiving_iso3"].astype("str"),
            "period": costs["period"].astype("str"),
            "year": periods[0].astype("int64"),
            "quarter": periods[1].astype("int64"),
            "cost_pct": costs["value"].astype("float64"),
        }
    )
    return out.sort_values(["sender", "receiver", "period"], kind="stable").reset_index(drop=True)
