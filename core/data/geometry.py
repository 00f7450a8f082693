"""The map geometry of the data edition being served: its versioned URL, the GeoJSON, each shape's bounding box,
and each country's label point and area (small states are drawn as clickable dots)."""

from __future__ import annotations

import gzip
import json
import math
from typing import Any

from core.data.cache import per_version
from core.data.store import get_store

ROUTE = "/data/geometry.{version}.json"
SOURCE = "natural_earth_50m_admin0"  # the shapes' source (sources.yaml): a map's list of sources names it
Box = tuple[float, float, float, float]  # lon0, lat0, lon1, lat1


def url() -> str:
    """Where browsers fetch the geometry: the data version is in the name, so it may be cached for a year."""
    return ROUTE.format(version=get_store().version)


@per_version(maxsize=4)
def collection() -> dict[str, Any]:
    """The GeoJSON feature collection (ids are ISO3 codes); read-only."""
    features: dict[str, Any] = json.loads(gzip.decompress(get_store().geometry_gzip))
    return features


@per_version(maxsize=4)
def bounds() -> dict[str, Box]:
    """Bounding box of each shape (exterior rings), by ISO3 code."""
    out: dict[str, Box] = {}
    for feature in collection()["features"]:
        shape = feature["geometry"]
        polygons = shape["coordinates"] if shape["type"] == "MultiPolygon" else [shape["coordinates"]]
        lons = [lon for polygon in polygons for lon, _ in polygon[0]]
        lats = [lat for polygon in polygons for _, lat in polygon[0]]
        out[str(feature["id"])] = (min(lons), min(lats), max(lons), max(lats))
    return out


@per_version(maxsize=4)
def places() -> dict[str, tuple[float, float]]:
    """Each country's label point (lon, lat), where it has one (areas without a shape have none)."""
    countries = get_store().countries
    return {
        str(code): (float(lon), float(lat))
        for code, lon, lat in zip(countries["iso3"], countries["label_lon"], countries["label_lat"], strict=True)
        if not (math.isnan(lon) or math.isnan(lat))
    }


@per_version(maxsize=4)
def areas() -> dict[str, float]:
    """Each country's area in km² (NaN where it has no shape)."""
    countries = get_store().countries
    return dict(zip(countries["iso3"], countries["area_km2"].astype(float), strict=True))
