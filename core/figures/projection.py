"""Map geometry for server-drawn maps: GeoJSON shapes, the projection plotly.js fits to a lon/lat range (its
'natural earth' and 'mercator', from d3-geo), and compact SVG path data (0.1 px, collapsed points dropped,
clipped to the drawn area). Pure functions of plain inputs, no plotly, no data access."""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

CLIP_PAD = 0.001  # degrees plotly.js shrinks the lon/lat range box by before fitting (src/plots/geo/constants.js)


@dataclass(frozen=True, eq=False)
class Geometry:
    """Shapes parsed once from GeoJSON features: each id's rings (exterior and holes) as (n, 2) lon/lat arrays.

    Hashed by identity: keep one per data version, and projected paths are cached per view (`shape_paths`)."""

    rings: Mapping[str, tuple[np.ndarray, ...]]


def geometry(features: Iterable[Mapping[str, Any]]) -> Geometry:
    """A Geometry from GeoJSON features whose `id` is the ISO3 code (Polygon or MultiPolygon, lon/lat)."""
    rings: dict[str, tuple[np.ndarray, ...]] = {}
    for feature in features:
        shape = feature["geometry"]
        polygons = shape["coordinates"] if shape["type"] == "MultiPolygon" else [shape["coordinates"]]
        rings[str(feature["id"])] = tuple(
            np.asarray(ring, dtype=float)[:, :2] for polygon in polygons for ring in polygon if len(ring) >= 3
        )
    return Geometry(rings)


def _natural_earth(lam: np.ndarray, phi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """d3-geo's geoNaturalEarth1Raw (Šavrič et al. 2015), the projection plotly.js names 'natural earth'."""
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """The natural earth projection of one point in degrees, on the unit sphere."""
    x, y = _natural_earth(np.radians(np.asarray(lon, dtype=float)), np.radians(np.asarray(lat, dtype=float)))
    return float(x), float(y)


def _mercator(lam: np.ndarray, phi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """d3-geo's geoMercatorRaw."""
    return lam, np.log(np.tan((np.pi / 2 + phi) / 2))


_RAW = {"natural earth": _natural_earth, "mercator": _mercator}


@dataclass(frozen=True)
class Projection:
    """A geo subplot's projection as plotly.js fits it (see `fit`): lon/lat in degrees -> pixels of the SVG."""

    kind: str
    lon0: float  # the central meridian (the rotation)
    y0: float  # raw y of the centre latitude
    scale: float
    cx: float
    cy: float
    clip: tuple[float, float, float, float]  # x0, y0, x1, y1: the area drawn (plotly's clip rectangle)

    def project(self, lon: Any, lat: Any) -> tuple[np.ndarray, np.ndarray]:
        """Pixel x and y arrays of lon/lat values (degrees)."""
        lam = np.asarray(lon, dtype=float) - self.lon0
        # A tolerance keeps pieces cut at the antimeridian (see _split_at_cut) on their own side despite rounding.
        lam = np.where(lam > 180 + 1e-6, lam - 360, np.where(lam < -180 - 1e-6, lam + 360, lam))
        x, y = _RAW[self.kind](np.radians(lam), np.radians(np.asarray(lat, dtype=float)))
        return self.cx + self.scale * x, self.cy - self.scale * (y - self.y0)


def _great_circle(a: tuple[float, float], b: tuple[float, float], steps: int = 48) -> np.ndarray:
    """Points along the geodesic from a to b (lon/lat degrees): d3-geo draws polygon edges as great circles."""
    (lon_a, lat_a), (lon_b, lat_b) = np.radians(a), np.radians(b)
    va = np.array([math.cos(lat_a) * math.cos(lon_a), math.cos(lat_a) * math.sin(lon_a), math.sin(lat_a)])
    vb = np.array([math.cos(lat_b) * math.cos(lon_b), math.cos(lat_b) * math.sin(lon_b), math.sin(lat_b)])
    omega = math.acos(max(-1.0, min(1.0, float(va @ vb))))
    t = np.linspace(0.0, 1.0, steps)[:, None]
    v = (
        va + t * (vb - va)
        if omega < 1e-9
        else (np.sin((1 - t) * omega) * va + np.sin(t * omega) * vb) / math.sin(omega)
    )
    lon = np.degrees(np.arctan2(v[:, 1], v[:, 0]))
    lat = np.degrees(np.arcsin(np.clip(v[:, 2] / np.linalg.norm(v, axis=1), -1, 1)))
    return np.column_stack([np.unwrap(lon, period=360), lat])


def fit(
    lon_range: tuple[float, float],
    lat_range: tuple[float, float],
    extent: tuple[float, float, float, float],
    kind: str = "natural earth",
) -> Projection:
    """plotly.js's geo `updateProjection` for a lon/lat-ranged 'world' scope with no zoom: the projection is rotated
    to the range's middle meridian and centred on its middle latitude; the range box (shrunk by CLIP_PAD, its
    edges geodesics split in quarters as plotly's `makeRangeBox`) is fitted into `extent` (x0, y0, x1, y1, the
    subplot's domain in pixels, as d3's fitExtent); the drawn area is that fitted box's bounds; then the view is
    translated so the centre lands on the bounds' middle (which, as in plotly, can shift it a little vertically)."""
    lon_a, lon_b = lon_range
    if lon_a > lon_b:  # a range across the antimeridian
        lon_b += 360
    lon0, lon1 = lon_a + CLIP_PAD, lon_b - CLIP_PAD
    lat0, lat1 = lat_range[0] + CLIP_PAD, lat_range[1] - CLIP_PAD
    quarter = (lon1 - lon0) / 4
    corners = [(lon0, lat0), (lon0, lat1)]
    corners += [(lon0 + i * quarter, lat1) for i in (1, 2, 3)] + [(lon1, lat1), (lon1, lat0)]
    corners += [(lon1 - i * quarter, lat0) for i in (1, 2, 3)] + [(lon0, lat0)]
    middle = (lon_a + lon_b) / 2
    edge = np.vstack([_great_circle(a, b) for a, b in itertools.pairwise(corners)])
    raw = _RAW[kind]
    y_mid = float(raw(np.zeros(1), np.radians(np.array([(lat_range[0] + lat_range[1]) / 2])))[1][0])
    x, y = raw(np.radians(edge[:, 0] - middle), np.radians(edge[:, 1]))
    y = -(y - y_mid)
    (bx0, bx1), (by0, by1) = (float(x.min()), float(x.max())), (float(y.min()), float(y.max()))
    ex0, ey0, ex1, ey1 = extent
    width, height = ex1 - ex0, ey1 - ey0
    scale = min(width / (bx1 - bx0), height / (by1 - by0))
    tx, ty = ex0 + (width - scale * (bx1 + bx0)) / 2, ey0 + (height - scale * (by1 + by0)) / 2
    clip = (tx + scale * bx0, ty + scale * by0, tx + scale * bx1, ty + scale * by1)
    return Projection(kind, middle, float(y_mid), scale, (clip[0] + clip[2]) / 2, (clip[1] + clip[3]) / 2, clip)


def _clip_polygon(points: list[tuple[float, float]], axis: int, limit: float, keep_above: bool) -> list:
    """Sutherland-Hodgman against one axis-parallel line (fills stay right; strokes may run along the edge)."""
    out: list[tuple[float, float]] = []
    if not points:
        return out
    inside = (lambda p: p[axis] >= limit) if keep_above else (lambda p: p[axis] <= limit)
    previous = points[-1]
    for point in points:
        if inside(point) != inside(previous):
            t = (limit - previous[axis]) / (point[axis] - previous[axis])
            cross = (previous[0] + t * (point[0] - previous[0]), previous[1] + t * (point[1] - previous[1]))
            out.append(cross)
        if inside(point):
            out.append(point)
        previous = point
    return out


def _clip_box(points: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    x0, y0, x1, y1 = box
    pts = [(float(a), float(b)) for a, b in points]
    for axis, limit, above in ((0, x0, True), (0, x1, False), (1, y0, True), (1, y1, False)):
        pts = _clip_polygon(pts, axis, limit, above)
    return np.asarray(pts, dtype=float).reshape(-1, 2)


def _split_at_cut(ring: np.ndarray, lon0: float) -> list[np.ndarray]:
    """A ring in lon/lat as pieces that each stay on one side of the projection's cut (lon0 + 180), like d3-geo's
    antimeridian clipping; rings that do not cross it come back whole."""
    lam = ring[:, 0] - lon0
    lam = np.where(lam > 180, lam - 360, np.where(lam < -180, lam + 360, lam))
    if not np.any(np.abs(np.diff(lam)) > 180):
        return [ring]
    steps = np.diff(lam)
    steps = np.where(steps > 180, steps - 360, np.where(steps < -180, steps + 360, steps))
    unwrapped = np.column_stack([lam[0] + np.concatenate([[0.0], np.cumsum(steps)]), ring[:, 1]])
    pieces = []
    for shift in (-360.0, 0.0, 360.0):
        pts = _clip_box(unwrapped + np.array([shift, 0.0]), (-180.0, -90.0, 180.0, 90.0))
        if len(pts) >= 3:
            pieces.append(pts + np.array([lon0, 0.0]))
    return pieces


@functools.lru_cache(maxsize=4096)
def _tenths(value: int) -> str:
    """An integer count of tenths as the shortest decimal: 12 -> '1.2', 3 -> '.3', -30 -> '-3'."""
    whole, tenth = divmod(abs(value), 10)
    sign = "-" if value < 0 else ""
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


_SPACE_BEFORE_MINUS = re.compile(r" (?=-)")
_SPACE_BETWEEN_DECIMALS = re.compile(r"(\.\d+) (?=\.)")


def _ring_path(points: np.ndarray) -> str:
    """'M x y l dx dy ... z' of a projected ring at 0.1 px, with the points that collapse at that precision dropped;
    '' if fewer than three are left."""
    q = np.rint(points * 10).astype(np.int64)
    keep = np.ones(len(q), dtype=bool)
    keep[1:] = np.any(q[1:] != q[:-1], axis=1)
    q = q[keep]
    if len(q) > 1 and np.array_equal(q[0], q[-1]):
        q = q[:-1]
    if len(q) < 3:
        return ""
    steps = np.diff(q, axis=0).ravel().tolist()
    return f"M{_tenths(int(q[0, 0]))} {_tenths(int(q[0, 1]))}l" + " ".join(map(_tenths, steps)) + "z"


def _compact(path: str) -> str:
    return _SPACE_BETWEEN_DECIMALS.sub(r"\1", _SPACE_BEFORE_MINUS.sub("", path))


def _path_of(rings: Sequence[np.ndarray], projection: Projection) -> str:
    x0, y0, x1, y1 = projection.clip
    parts = []
    for ring in rings:
        for piece in _split_at_cut(ring, projection.lon0):
            px, py = projection.project(piece[:, 0], piece[:, 1])
            if px.max() < x0 or px.min() > x1 or py.max() < y0 or py.min() > y1:
                continue
            points = np.column_stack([px, py])
            if px.min() < x0 or px.max() > x1 or py.min() < y0 or py.max() > y1:
                points = _clip_box(points, projection.clip)
            if len(points) >= 3:
                parts.append(_ring_path(points))
    return _compact("".join(parts))


@functools.lru_cache(maxsize=64)
def shape_paths(shapes: Geometry, projection: Projection) -> dict[str, str]:
    """Every shape's SVG path data under a projection ('' for shapes outside its area); cached per view."""
    return {code: _path_of(rings, projection) for code, rings in shapes.rings.items()}
