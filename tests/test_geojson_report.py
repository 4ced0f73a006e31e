"""The GeoJSON report: rooms with measurements and findings, back in the file's coordinates."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import shape

from floorplan.engine import check
from floorplan.io.geojson import read_data
from floorplan.reporters import get
from floorplan.reporters.geojson_report import render
from tests.render_helpers import report, three_rooms


def _fc(coords_list, units="m"):
    feats = []
    for i, (name, ring) in enumerate(coords_list):
        feats.append({"type": "Feature", "properties": {"kind": "room", "id": f"R{i + 1}", "name": name},
                      "geometry": {"type": "Polygon", "coordinates": [ring]}})
    meta = {"version": 1} if units is None else {"version": 1, "units": units}
    return {"type": "FeatureCollection", "floorplan": meta, "features": feats}


def test_registered_as_the_geojson_format():
    assert get("geojson").__wrapped__ is render  # behind the UTF-8 guard


def test_one_feature_per_room_with_measurements_and_findings():
    p, findings = three_rooms()
    doc = json.loads(render(report(p, findings)))
    assert doc["type"] == "FeatureCollection"
    props = {f["id"]: f["properties"] for f in doc["features"] if f["properties"]["kind"] == "room"}
    assert list(props) == ["R1", "R2", "R3", "R4"]
    r1 = props["R1"]
    assert r1["status"] == "fail" and r1["failing_rules"] == "T101"
    assert r1["area_m2"] == pytest.approx(7.5) and r1["gross_area_m2"] == pytest.approx(7.5)
    assert [f["rule"] for f in r1["findings"]] == ["T101"]
    assert props["R4"]["status"] == "warn"
    assert props["R4"]["low_headroom_area_m2"] == pytest.approx(4 * 4 * 0.6 / 1.7, rel=1e-3)
    assert props["R4"]["ceiling_min_m"] == pytest.approx(0.9)
    assert doc["floorplan_report"]["summary"]["result"] == "fail"


def test_exterior_rings_are_anticlockwise():
    p, findings = three_rooms()
    doc = json.loads(render(report(p, findings)))
    for f in doc["features"]:
        if f["properties"]["kind"] == "room":
            assert shape(f["geometry"]).exterior.is_ccw


def test_one_point_feature_per_door_where_it_is():
    """D1 is a point at (3.05, 1.2); D2 a line from (4.05, 3.5) to (4.05, 4.25), so its
    point is the line's middle, (4.05, 3.875)."""
    p, findings = three_rooms()
    doc = json.loads(render(report(p, findings)))
    doors = {f["id"]: f for f in doc["features"] if f["properties"]["kind"] == "door"}
    assert list(doors) == ["D1", "D2"]
    assert doors["D1"]["geometry"] == {"type": "Point", "coordinates": [3.05, 1.2]}
    assert doors["D2"]["geometry"]["coordinates"] == pytest.approx([4.05, 3.875])
    assert doors["D2"]["properties"]["width_m"] == 0.75
    assert doors["D2"]["properties"]["from"] == "plan"
    assert set(doors["D2"]["properties"]["connects"].split(",")) == {"R2", "R3"}


def test_lonlat_plans_come_back_in_lonlat():
    ring = [[0.1, 51.5], [0.10005, 51.5], [0.10005, 51.50003], [0.1, 51.50003], [0.1, 51.5]]
    plan = read_data(_fc([("Bedroom 1", ring)], units=None))
    assert plan.meta.lonlat_origin is not None
    doc = json.loads(render(check(plan)))
    got = sorted(tuple(c) for c in doc["features"][0]["geometry"]["coordinates"][0][:-1])
    want = sorted(tuple(c) for c in ring[:-1])
    for (gx, gy), (wx, wy) in zip(got, want, strict=True):
        assert gx == pytest.approx(wx, abs=1e-8) and gy == pytest.approx(wy, abs=1e-8)
    assert doc["features"][0]["properties"]["area_m2"] == pytest.approx(3.48 * 3.34, rel=0.02)


def test_far_metre_coordinates_get_their_origin_back():
    x0, y0 = 530000.0, 180000.0
    ring = [[x0, y0], [x0 + 4, y0], [x0 + 4, y0 + 3], [x0, y0 + 3], [x0, y0]]
    plan = read_data(_fc([("Bedroom 1", ring)]))
    doc = json.loads(render(check(plan)))
    minx, miny, maxx, maxy = shape(doc["features"][0]["geometry"]).bounds
    assert (minx, miny, maxx, maxy) == pytest.approx((x0, y0, x0 + 4, y0 + 3), abs=1e-6)


def test_doors_come_back_where_the_file_put_them():
    """A door on the room's east wall at (x0 + 4, y0 + 1.5) in far metres, and one at a
    lon/lat point: each door feature is where the file has it."""
    x0, y0 = 530000.0, 180000.0
    fc = _fc([("Bedroom 1", [[x0, y0], [x0 + 4, y0], [x0 + 4, y0 + 3], [x0, y0 + 3], [x0, y0]])])
    fc["features"].append({"type": "Feature", "properties": {"kind": "door", "id": "D1"},
                           "geometry": {"type": "Point", "coordinates": [x0 + 4, y0 + 1.5]}})
    doc = json.loads(render(check(read_data(fc))))
    [door] = [f for f in doc["features"] if f["properties"]["kind"] == "door"]
    assert door["geometry"]["coordinates"] == pytest.approx([x0 + 4, y0 + 1.5], abs=1e-6)
    ring = [[0.1, 51.5], [0.10005, 51.5], [0.10005, 51.50003], [0.1, 51.50003], [0.1, 51.5]]
    fc = _fc([("Bedroom 1", ring)], units=None)
    fc["features"].append({"type": "Feature", "properties": {"kind": "door", "id": "D1"},
                           "geometry": {"type": "Point", "coordinates": [0.10005, 51.500015]}})
    doc = json.loads(render(check(read_data(fc))))
    [door] = [f for f in doc["features"] if f["properties"]["kind"] == "door"]
    assert door["geometry"]["coordinates"] == pytest.approx([0.10005, 51.500015], abs=1e-8)
