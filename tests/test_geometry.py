"""Map geometry step: ISO3 keys, dissolve, plotly ring orientation, size budget, labels, TopoJSON stub."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import plotly
import pytest
import shapely
from shapely.geometry import LinearRing, shape
from shapely.geometry.polygon import signed_area

from pipeline import geometry
from pipeline.errors import RawDataError
from pipeline.paths import LAC_STATES, LAC_TERRITORIES, RAW

REAL = RAW / "natural_earth_50m_admin0" / "ne_50m_admin_0_map_units.geojson"
CARIBBEAN = (*LAC_TERRITORIES, "BES", "BMU")
GZIP_BUDGET = 200_000


def square(x: float, y: float, size: float, clockwise: bool = False) -> list[list[list[float]]]:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return [ring[::-1] if clockwise else ring]


def feature(iso: str, coordinates: list, adm0: str | None = None, gu: str | None = None, kind: str = "Polygon"):
    adm0 = adm0 or iso
    props = {"ISO_A3": iso, "ADM0_A3": adm0, "GU_A3": gu or adm0, "NAME": "x"}
    return {"type": "Feature", "properties": props, "geometry": {"type": kind, "coordinates": coordinates}}


def write(tmp_path: Path, features: list, name: str = "units.geojson") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def exterior_and_holes(collection: dict):
    for feat in collection["features"]:
        for polygon in feat["geometry"]["coordinates"]:
            yield feat["id"], polygon[0], polygon[1:]


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    return write(
        tmp_path,
        [
            feature("AAA", square(10, 10, 5)),
            feature("-99", square(20, 60, 2), adm0="NOR", gu="NOR"),
            feature("-99", square(30, 70, 1), adm0="NOR", gu="NJM"),
            feature("-99", square(20, 42, 1), adm0="KOS"),
            feature("-99", square(0, 45, 3), adm0="FRA", gu="FXX"),
            feature("GUF", square(-53, 3, 1), adm0="FRA"),
            feature("ATA", square(0, -80, 10)),
            feature("KNA", [square(-62.8, 17.3, 0.004), square(-62.6, 17.1, 0.003)], kind="MultiPolygon"),
            feature("VAT", square(12.45, 41.9, 0.004)),
        ],
    )


def test_codes_dissolve_and_skip_antarctica(tiny: Path) -> None:
    units = geometry.load_map_units(tiny)
    assert list(units.columns) == ["iso3", "geometry"]
    assert units["iso3"].tolist() == ["AAA", "FRA", "GUF", "KNA", "NOR", "VAT", "XKX"]
    assert (units.geom_type == "MultiPolygon").all()
    norway = units.set_index("iso3").geometry["NOR"]
    assert len(norway.geoms) == 2
    assert norway.area == pytest.approx(5.0)


def test_counter_clockwise_square_comes_out_clockwise(tiny: Path) -> None:
    units = geometry.load_map_units(tiny)
    assert signed_area(LinearRing(square(10, 10, 5)[0])) > 0
    collection = geometry.to_geojson(geometry.simplify(units))
    for _code, exterior, holes in exterior_and_holes(collection):
        assert signed_area(LinearRing(exterior)) < 0
        assert all(signed_area(LinearRing(h)) > 0 for h in holes)


def test_hole_comes_out_counter_clockwise(tmp_path: Path) -> None:
    outer, hole = square(0, 0, 10, clockwise=True)[0], square(4, 4, 2, clockwise=False)[0]
    units = geometry.load_map_units(write(tmp_path, [feature("AAA", [outer, hole])]))
    [(_code, exterior, holes)] = list(exterior_and_holes(geometry.to_geojson(geometry.simplify(units))))
    assert signed_area(LinearRing(exterior)) < 0
    assert len(holes) == 1
    assert signed_area(LinearRing(holes[0])) > 0


def test_tiny_islands_survive_simplification(tiny: Path) -> None:
    world = geometry.simplify(geometry.load_map_units(tiny)).set_index("iso3").geometry
    assert len(world["KNA"].geoms) == 2
    assert world["KNA"].area > 0
    assert world["VAT"].area > 0


def test_geojson_carries_only_id_and_iso3(tiny: Path, tmp_path: Path) -> None:
    path = tmp_path / "geometry.json"
    geometry.write_geometry(geometry.simplify(geometry.load_map_units(tiny)), path)
    text = path.read_text(encoding="utf-8")
    assert " " not in text
    collection = json.loads(text)
    ids = [f["id"] for f in collection["features"]]
    assert ids == sorted(ids)
    assert all(f["properties"] == {"iso3": f["id"]} for f in collection["features"])


def test_label_points_are_inside_and_areas_are_km2(tiny: Path) -> None:
    units = geometry.load_map_units(tiny)
    labels = geometry.label_points(units)
    assert list(labels.columns) == ["iso3", "label_lon", "label_lat", "area_km2"]
    merged = labels.merge(units, on="iso3")
    for row in merged.itertuples():
        assert row.geometry.contains(shapely.Point(row.label_lon, row.label_lat)), row.iso3
    one_degree_at_equator = labels.set_index("iso3")["area_km2"]["GUF"]
    assert one_degree_at_equator == pytest.approx(12_300, rel=0.02)


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("{not json", "not valid JSON"),
        ('{"type": "Feature"}', "FeatureCollection"),
        ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null}]}', "feature 0"),
    ],
)
def test_malformed_file_raises_naming_it(tmp_path: Path, content: str, where: str) -> None:
    path = tmp_path / "broken.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RawDataError, match=re.escape(str(path))) as info:
        geometry.load_map_units(path)
    assert where in str(info.value)
    assert "\n" not in str(info.value)


def test_bad_feature_names_index_and_property(tmp_path: Path) -> None:
    good = feature("AAA", square(0, 0, 1))
    missing_code = feature("AAA", square(0, 0, 1))
    del missing_code["properties"]["ISO_A3"]
    with pytest.raises(RawDataError, match=r"broken\.geojson: feature 1, property ISO_A3"):
        geometry.load_map_units(write(tmp_path, [good, missing_code], "broken.geojson"))
    point = {"type": "Feature", "properties": good["properties"], "geometry": {"type": "Point", "coordinates": [0, 0]}}
    with pytest.raises(RawDataError, match=r"feature 1, geometry: expected a Polygon"):
        geometry.load_map_units(write(tmp_path, [good, point], "point.geojson"))
    garbled = feature("AAA", [[[0, 0], [1]]])
    with pytest.raises(RawDataError, match=r"garbled\.geojson: feature 0, geometry"):
        geometry.load_map_units(write(tmp_path, [garbled], "garbled.geojson"))


def test_missing_file_raises_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.geojson"
    with pytest.raises(RawDataError, match=re.escape(str(path))):
        geometry.load_map_units(path)


def test_topojson_stub_has_every_layer_plotly_reads(tmp_path: Path) -> None:
    path = tmp_path / "world_110m.json"
    geometry.write_topojson_stub(path)
    stub = json.loads(path.read_text(encoding="utf-8"))
    assert stub["type"] == "Topology"
    assert stub["arcs"] == []
    bundle = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    found = re.search(r"layerNameToAdjective=\{([^}]*)\}", bundle.read_text(encoding="utf-8"))
    assert found, "plotly.js no longer lists its geo base layers where this test looks for them"
    layers = set(re.findall(r"(\w+):", found.group(1))) - {"frame"}
    assert layers <= set(stub["objects"])
    for layer in stub["objects"].values():
        assert layer == {"type": "GeometryCollection", "geometries": []}


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> dict:
    units = geometry.load_map_units(REAL)
    world = geometry.simplify(units)
    folder = tmp_path_factory.mktemp("geometry")
    first, second = folder / "first.json", folder / "second.json"
    geometry.write_geometry(world, first)
    geometry.write_geometry(geometry.simplify(geometry.load_map_units(REAL)), second)
    return {
        "units": units,
        "world": world,
        "labels": geometry.label_points(units),
        "bytes": first.read_bytes(),
        "again": second.read_bytes(),
    }


def test_real_codes_are_iso(real: dict) -> None:
    codes = set(real["units"]["iso3"])
    assert {"FRA", "NOR", "PSE", "XKX", "ESH", "SSD", "GUF", "GLP", "MTQ", "REU", "MYT"} <= codes
    assert not codes & {"ATA", "-99", "FXX", "SAH", "PSX", "SDS", "KOS"}
    assert real["units"]["iso3"].is_unique
    assert set(real["world"]["iso3"]) == codes


def test_real_lac_and_caribbean_present(real: dict) -> None:
    world = real["world"].set_index("iso3").geometry
    for code in (*LAC_STATES, *CARIBBEAN):
        assert code in world.index, code
        assert not world[code].is_empty, code
        assert world[code].area > 0, code


def test_real_rings_clockwise_in_written_json(real: dict) -> None:
    collection = json.loads(real["bytes"])
    for code, exterior, holes in exterior_and_holes(collection):
        assert len(exterior) >= 4, code
        assert signed_area(LinearRing(exterior)) < 0, code
        for hole in holes:
            assert signed_area(LinearRing(hole)) > 0, code


def test_real_size_budget_and_determinism(real: dict) -> None:
    assert len(gzip.compress(real["bytes"], 9)) <= GZIP_BUDGET
    assert real["bytes"] == real["again"]
    collection = json.loads(real["bytes"])
    assert all(f["properties"] == {"iso3": f["id"]} for f in collection["features"])


def test_real_borders_have_no_gaps_or_overlaps(real: dict) -> None:
    collection = json.loads(real["bytes"])
    shapes = [shape(f["geometry"]) for f in collection["features"]]
    assert shapely.coverage_is_valid(shapes)


def test_real_label_points_inside_unsimplified_lac(real: dict) -> None:
    merged = real["labels"].merge(real["units"], on="iso3").set_index("iso3")
    for code in (*LAC_STATES, *CARIBBEAN):
        row = merged.loc[code]
        assert row.geometry.contains(shapely.Point(row.label_lon, row.label_lat)), code
    assert merged.loc["BRA", "area_km2"] == pytest.approx(8_500_000, rel=0.02)
    assert merged.loc["BLM", "area_km2"] < 100
