"""What every map shares: the plain land drawn from the app's own geometry (plotly's built-in one needs a CDN),
the geo subplot's layout, fitting the view to what is drawn, and the height a fitted map needs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.figures import style
from core.figures.projection import natural_earth

Box = tuple[float, float, float, float]  # lon0, lat0, lon1, lat1
WORLD_LON = (-180.0, 180.0)
WORLD_LAT = (-58.0, 85.0)  # Antarctica is not drawn


def land(geojson_url: str, ids: Sequence[str], **extra: Any) -> dict[str, Any]:
    """Shapes as a choropleth of one colour (the land under a map's data): `ids` of the geometry at `geojson_url`."""
    return {
        "type": "choropleth",
        "geojson": geojson_url,
        "featureidkey": "id",
        "locationmode": "geojson-id",
        "locations": list(ids),
        "z": [0] * len(ids),
        "colorscale": [[0, style.BACKGROUND_LAND], [1, style.BACKGROUND_LAND]],
        "showscale": False,
        "hoverinfo": "skip",
        "marker": {"line": {"color": style.BORDER, "width": 0.4}},
        "name": "",
        **extra,
    }


def geo_layout(lon_range: tuple[float, float], lat_range: tuple[float, float]) -> dict[str, Any]:
    """A geo subplot showing only what the traces draw (no built-in land, coasts or frame) over a pale ocean."""
    return {
        "domain": {"x": [0, 1], "y": [0, 1]},
        "projection": {"type": "natural earth"},
        "lonaxis": {"range": list(lon_range)},
        "lataxis": {"range": list(lat_range)},
        "showland": False,
        "showcountries": False,
        "showcoastlines": False,
        "showframe": False,
        "showocean": True,
        "oceancolor": "#f7fafc",
        "bgcolor": "rgba(0,0,0,0)",
        "visible": True,
    }


def fit(
    boxes: Sequence[Box],
    points: Sequence[tuple[float, float]] = (),
    pad: tuple[float, float] = (0.04, 0.04),
    least: tuple[float, float] = (2.0, 2.0),
    min_lat_span: float = 0.0,
    limits: tuple[tuple[float, float], tuple[float, float]] = (WORLD_LON, WORLD_LAT),
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Lon and lat ranges around the boxes and points, padded by a share of their span (at least `least` degrees),
    so a map shows what is drawn and little else. A map spread over most longitudes shows at least `min_lat_span`
    degrees of latitude, so it does not become a strip; the ranges stay within `limits`. Nothing to fit: the
    world."""
    lons = [b[0] for b in boxes] + [b[2] for b in boxes] + [p[0] for p in points]
    lats = [b[1] for b in boxes] + [b[3] for b in boxes] + [p[1] for p in points]
    if not lons:
        return WORLD_LON, WORLD_LAT
    lon0, lon1, lat0, lat1 = min(lons), max(lons), min(lats), max(lats)
    pad_lon, pad_lat = max(least[0], (lon1 - lon0) * pad[0]), max(least[1], (lat1 - lat0) * pad[1])
    low, high = lat0 - pad_lat, lat1 + pad_lat
    if lon1 - lon0 > 200 and high - low < min_lat_span:
        middle = (low + high) / 2
        low, high = middle - min_lat_span / 2, middle + min_lat_span / 2
    (lon_low, lon_high), (lat_low, lat_high) = limits
    return (max(lon_low, lon0 - pad_lon), min(lon_high, lon1 + pad_lon)), (max(lat_low, low), min(lat_high, high))


def map_height(
    lon_range: tuple[float, float], lat_range: tuple[float, float], width: int, limits: tuple[int, int]
) -> int:
    """The height in pixels of a map of these ranges drawn `width` wide, within `limits`: a world map is short (on a
    phone it is as wide as the screen and a tall box would be mostly empty), a regional one taller."""
    lats = [lat_range[0] + (lat_range[1] - lat_range[0]) * k / 20 for k in range(21)]
    across = max(natural_earth(lon_range[1], lat)[0] - natural_earth(lon_range[0], lat)[0] for lat in lats)
    tall = natural_earth(0.0, lat_range[1])[1] - natural_earth(0.0, lat_range[0])[1]
    return int(min(max(round(width * tall / across), limits[0]), limits[1]))
