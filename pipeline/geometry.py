"""Natural Earth map units to one small, plotly-ready world GeoJSON keyed by ISO3, plus label points."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.errors import GeometryTypeError, ShapelyError
from shapely.geometry import LinearRing, MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import polylabel

from pipeline.errors import RawDataError
from pipeline.paths import LAC_STATES, LAC_TERRITORIES

WGS84 = "EPSG:4326"
EQUAL_AREA = "EPSG:6933"

# Natural Earth codes that differ from ISO 3166-1 (Kosovo has no ISO code: XKX is the UN/EU convention).
NE_TO_ISO: dict[str, str] = {"SAH": "ESH", "PSX": "PSE", "SDS": "SSD", "KOS": "XKX", "FXX": "FRA"}
# Map units with ISO_A3 -99 that no ISO code covers on their own; UN statistics count them in these states.
NE_TO_STATE: dict[str, str] = {"CYN": "CYP", "SOL": "SOM", "ATC": "AUS"}
SKIPPED = frozenset({"ATA"})
ISO3 = re.compile(r"[A-Z]{3}")

# Drawn at finer detail: the 33 states, their territories, and the other Caribbean/Atlantic map units.
FINE: frozenset[str] = frozenset(LAC_STATES) | frozenset(LAC_TERRITORIES) | frozenset({"BES", "BMU"})
SMALL_KM2 = 2_000.0
TOLERANCE_SMALL = 0.0
TOLERANCE_FINE = 0.01
TOLERANCE_WORLD = 0.12
ISLET_KM2 = 300.0
DECIMALS = 2
DECIMALS_SMALL = 3
DECIMALS_MAX = 5

TOPOJSON_OBJECTS = ("coastlines", "countries", "lakes", "land", "ocean", "rivers", "subunits")

Coords = list[tuple[float, ...]]


def _fail(path: Path, where: str, problem: str) -> RawDataError:
    return RawDataError(f"{path}: {where}: {problem}")


def _code(path: Path, index: int, props: dict[str, Any]) -> str:
    """ISO_A3 unless -99, else the NE code (geounit first, then admin-0) translated to ISO."""
    iso = props.get("ISO_A3")
    if not isinstance(iso, str):
        raise _fail(path, f"feature {index}, property ISO_A3", f"expected a string, got {iso!r}")
    if iso != "-99":
        code = NE_TO_ISO.get(iso, iso)
    else:
        geounit, admin = props.get("GU_A3"), props.get("ADM0_A3")
        if geounit in NE_TO_ISO:
            code = NE_TO_ISO[geounit]
        elif isinstance(admin, str):
            code = NE_TO_ISO.get(admin, NE_TO_STATE.get(admin, admin))
        else:
            raise _fail(path, f"feature {index}, property ADM0_A3", f"ISO_A3 is -99 and ADM0_A3 is {admin!r}")
    if not ISO3.fullmatch(code):
        raise _fail(path, f"feature {index}, property ISO_A3", f"{code!r} is not a three-letter code")
    return code


def _polygons(geom: BaseGeometry) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [] if geom.is_empty else [geom]
    if isinstance(geom, MultiPolygon):
        return [p for p in geom.geoms if not p.is_empty]
    if hasattr(geom, "geoms"):
        return [p for part in geom.geoms for p in _polygons(part)]
    return []


def _feature_geometry(path: Path, index: int, raw: Any) -> list[Polygon]:
    where = f"feature {index}, geometry"
    if not isinstance(raw, dict) or raw.get("type") not in ("Polygon", "MultiPolygon"):
        kind = raw.get("type") if isinstance(raw, dict) else raw
        raise _fail(path, where, f"expected a Polygon or MultiPolygon, got {kind!r}")
    try:
        geom = shape(raw)
    except (GeometryTypeError, ShapelyError, ValueError, TypeError, IndexError, KeyError) as exc:
        raise _fail(path, where, f"unreadable coordinates ({exc})") from exc
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    polygons = _polygons(geom)
    if not polygons:
        raise _fail(path, where, "empty polygon")
    return polygons


def load_map_units(path: Path) -> gpd.GeoDataFrame:
    """One row per ISO3 code (map units of one code dissolved into a MultiPolygon), Antarctica left out."""
    try:
        doc = json.loads(path.read_bytes())
    except OSError as exc:
        raise RawDataError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    except ValueError as exc:
        raise RawDataError(f"{path}: not valid JSON ({str(exc).splitlines()[0]})") from exc
    features = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(features, list) or doc.get("type") != "FeatureCollection":
        raise RawDataError(f"{path}: not a GeoJSON FeatureCollection with a features list")
    parts: dict[str, list[Polygon]] = defaultdict(list)
    for index, feature in enumerate(features):
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            raise _fail(path, f"feature {index}, properties", "missing or not an object")
        code = _code(path, index, props)
        polygons = _feature_geometry(path, index, feature.get("geometry"))
        if code not in SKIPPED:
            parts[code].extend(polygons)
    if not parts:
        raise RawDataError(f"{path}: no features")
    codes = sorted(parts)
    geoms = [MultiPolygon(_polygons(shapely.union_all(parts[c])) if len(parts[c]) > 1 else parts[c]) for c in codes]
    return gpd.GeoDataFrame({"iso3": codes}, geometry=geoms, crs=WGS84)


def _km2(geoms: list[BaseGeometry]) -> np.ndarray:
    return gpd.GeoSeries(geoms, crs=WGS84).to_crs(EQUAL_AREA).area.to_numpy() / 1e6


def _drop_islets(codes: list[str], geoms: list[MultiPolygon]) -> list[MultiPolygon]:
    """Outside FINE, parts under ISLET_KM2 go, but every code keeps at least its largest part."""
    kept = []
    for code, geom in zip(codes, geoms, strict=True):
        polygons = list(geom.geoms)
        if code in FINE or len(polygons) == 1:
            kept.append(geom)
            continue
        areas = _km2(polygons)
        largest = int(np.argmax(areas))
        kept.append(MultiPolygon([p for i, p in enumerate(polygons) if areas[i] >= ISLET_KM2 or i == largest]))
    return kept


def _tolerance(code: str, km2: float) -> float:
    if code not in FINE:
        return TOLERANCE_WORLD
    return TOLERANCE_SMALL if km2 < SMALL_KM2 else TOLERANCE_FINE


def _neighbours(geoms: list[BaseGeometry]) -> dict[int, set[int]]:
    """Pairs of geometries that share a border line (not just a point)."""
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    pairs: dict[int, set[int]] = defaultdict(set)
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        if i < j and shapely.length(shapely.intersection(geoms[i].boundary, geoms[j].boundary)) > 0:
            pairs[i].add(j)
            pairs[j].add(i)
    return pairs


def _splice_ring(ring: Coords, line: Coords) -> Coords:
    """Replace the stretch of a closed ring between the two ends of `line` by `line` itself.

    Of the two stretches joining the ends, the one nearer to `line` is the border being replaced.
    """
    head, tail = line[0], line[-1]
    points = ring[:-1]
    if head == tail or head not in points or tail not in points:
        return ring
    i, k, n = points.index(head), points.index(tail), len(points)
    forward = [points[(i + s) % n] for s in range((k - i) % n + 1)]
    backward = [points[(k + s) % n] for s in range((i - k) % n + 1)]
    border = shapely.LineString(line)
    if shapely.hausdorff_distance(shapely.LineString(forward), border) <= shapely.hausdorff_distance(
        shapely.LineString(backward), border
    ):
        return backward + line[1:]
    return forward + line[::-1][1:]


def _splice(coarse: BaseGeometry, border: BaseGeometry) -> MultiPolygon:
    lines = [list(g.coords) for g in shapely.get_parts(shapely.line_merge(border)) if g.geom_type == "LineString"]
    polygons = []
    for polygon in _polygons(coarse):
        rings = [list(polygon.exterior.coords), *(list(h.coords) for h in polygon.interiors)]
        for line in lines:
            rings = [_splice_ring(r, line) for r in rings]
        polygons.append(Polygon(rings[0], rings[1:]))
    return MultiPolygon(polygons)


def _coverage_simplify(geoms: list[MultiPolygon], tolerances: list[float]) -> list[BaseGeometry]:
    """Coverage-simplify each tolerance tier; a coarse shape bordering a finer one takes the finer border.

    Each tier is simplified together with all its neighbours, so the points where a border meets the
    coast or a third country stay fixed in every tier and the border comes out identical on both sides
    in the finer tier; that border is then spliced into the coarse outline, leaving no gap or overlap.
    """
    neighbours = _neighbours(geoms)
    result: list[BaseGeometry] = list(geoms)
    seams: dict[int, list[tuple[BaseGeometry, int]]] = defaultdict(list)
    for tolerance in sorted(set(tolerances)):
        members = [i for i, t in enumerate(tolerances) if t == tolerance]
        others = sorted({j for i in members for j in neighbours[i] if tolerances[j] != tolerance})
        batch = np.array([geoms[i] for i in members + others])
        simplified = list(shapely.coverage_simplify(batch, tolerance) if tolerance else batch)
        for i, geom in zip(members, simplified[: len(members)], strict=True):
            result[i] = geom
        for j, geom in zip(others, simplified[len(members) :], strict=True):
            if tolerances[j] > tolerance:
                seams[j].extend((geom, i) for i in sorted(neighbours[j]) if tolerances[i] == tolerance)
    for j, pairs in sorted(seams.items()):
        for own, i in pairs:
            result[j] = _splice(result[j], shapely.intersection(own.boundary, result[i].boundary))
    return result


def _ring_ok(ring: LinearRing) -> bool:
    return len(ring.coords) >= 4 and Polygon(ring).area > 0


def _grid(geom: BaseGeometry, digits: int, fine: shapely.STRtree | None = None) -> BaseGeometry:
    """Round to `digits`, or to DECIMALS_SMALL inside `fine`: a function of the point alone, so a vertex
    shared by two shapes lands on the same grid point in both."""

    def snap(coords: np.ndarray) -> np.ndarray:
        out = np.round(coords, digits)
        if fine is not None and digits < DECIMALS_SMALL:
            near = np.unique(fine.query(shapely.points(coords), predicate="intersects")[0])
            out[near] = np.round(coords[near], DECIMALS_SMALL)
        return out

    return shapely.remove_repeated_points(shapely.transform(geom, snap))


def _round_polygon(polygon: Polygon, fine: shapely.STRtree) -> list[Polygon]:
    """Round (finer only if the outline would collapse), drop collapsed holes, orient exteriors clockwise.

    Rounding can make a ring cross itself; that is repaired locally rather than by rounding the whole
    shape more finely, so that vertices shared with a neighbour still round to the same point.
    """
    for digits in range(DECIMALS, DECIMALS_MAX + 1):
        rounded = _grid(polygon, digits, fine)
        if _ring_ok(rounded.exterior):
            break
    else:
        return []
    rounded = Polygon(rounded.exterior, [h for h in rounded.interiors if _ring_ok(h)])
    pieces = [rounded] if rounded.is_valid else _polygons(shapely.make_valid(rounded, method="structure"))
    out = []
    for piece in pieces:
        piece = _grid(piece, DECIMALS_MAX)
        if _ring_ok(piece.exterior):
            out.append(orient(Polygon(piece.exterior, [h for h in piece.interiors if _ring_ok(h)]), sign=-1.0))
    return out


def _round(geoms: list[BaseGeometry]) -> list[MultiPolygon]:
    """Round every shape: 2 decimals (about 1 km), 3 in and around parts smaller than SMALL_KM2."""
    polygons = [_polygons(g) for g in geoms]
    flat = [p for parts in polygons for p in parts]
    small = [shapely.box(*p.bounds) for p, km2 in zip(flat, _km2(flat), strict=True) if km2 < SMALL_KM2]
    fine = shapely.STRtree(small)
    return [MultiPolygon([r for p in parts for r in _round_polygon(p, fine)]) for parts in polygons]


def simplify(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """World geometry for the map: LAC and the Caribbean finer than elsewhere, rounded, rings clockwise."""
    frame = gdf[~gdf["iso3"].isin(SKIPPED)].sort_values("iso3")
    codes = frame["iso3"].tolist()
    geoms = [MultiPolygon(_polygons(g)) for g in frame.geometry]
    areas = _km2(geoms)
    tolerances = [_tolerance(c, a) for c, a in zip(codes, areas, strict=True)]
    simplified = _coverage_simplify(_drop_islets(codes, geoms), tolerances)
    rounded = _round(simplified)
    out = gpd.GeoDataFrame({"iso3": codes}, geometry=rounded, crs=WGS84)
    return out[~out.geometry.is_empty].reset_index(drop=True)


def label_points(gdf: gpd.GeoDataFrame) -> pd.DataFrame:
    """A point inside each code's largest part (pole of inaccessibility) and its total area in km²."""
    rows = []
    areas = _km2(list(gdf.geometry))
    for code, geom, km2 in zip(gdf["iso3"], gdf.geometry, areas, strict=True):
        polygons = _polygons(geom)
        main = polygons[int(np.argmax(_km2(polygons)))]
        minx, miny, maxx, maxy = main.bounds
        point = polylabel(main, tolerance=max(min(maxx - minx, maxy - miny) / 200, 1e-5))
        if not main.contains(point):
            point = main.representative_point()
        rows.append((code, round(point.x, 3), round(point.y, 3), round(float(km2), 1)))
    frame = pd.DataFrame(rows, columns=["iso3", "label_lon", "label_lat", "area_km2"])
    return frame.sort_values("iso3").reset_index(drop=True)


def _number(value: float) -> float:
    return round(value, DECIMALS_MAX) + 0.0


def _ring(ring: LinearRing) -> list[list[float]]:
    return [[_number(x), _number(y)] for x, y in ring.coords]


def to_geojson(gdf: gpd.GeoDataFrame) -> dict[str, Any]:
    """FeatureCollection sorted by iso3; each feature carries only its id and iso3."""
    features = []
    for code, geom in sorted(zip(gdf["iso3"], gdf.geometry, strict=True), key=lambda item: item[0]):
        coordinates = [[_ring(p.exterior), *(_ring(h) for h in p.interiors)] for p in _polygons(geom)]
        features.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {"iso3": code},
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def geometry_bytes(gdf: gpd.GeoDataFrame) -> bytes:
    """Compact JSON, same bytes for the same input."""
    text = json.dumps(to_geojson(gdf), separators=(",", ":"), allow_nan=False, ensure_ascii=False)
    return text.encode("utf-8")


def write_geometry(gdf: gpd.GeoDataFrame, path: Path) -> None:
    path.write_bytes(geometry_bytes(gdf))


def write_topojson_stub(path: Path) -> None:
    """Empty TopoJSON with every base layer plotly's geo subplot reads, served as its world_110m.json."""
    empty = {"type": "GeometryCollection", "geometries": []}
    topology = {"type": "Topology", "arcs": [], "objects": dict.fromkeys(TOPOJSON_OBJECTS, empty)}
    path.write_text(json.dumps(topology, separators=(",", ":"), sort_keys=True), encoding="utf-8")
