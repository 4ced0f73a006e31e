"""The GeoJSON report opened by GDAL (pyogrio, what QGIS uses): the right CRS, and each
room's area there equal to the report's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely
from click.testing import CliRunner

from floorplan.cli import cli

pyogrio = pytest.importorskip("pyogrio")
SAMPLES = Path(__file__).parents[1] / "samples"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _open(path: Path, kind: str = "room"):
    """(CRS as GDAL reads it, {feature id: geometry} of the features of ``kind``) from the
    written file."""
    from pyogrio import raw

    meta, _, wkb, fields = raw.read(path)
    names = list(meta["fields"])
    ids, kinds = fields[names.index("id")], fields[names.index("kind")]
    return meta["crs"], {i: g for i, k, g in zip(ids, kinds, shapely.from_wkb(wkb), strict=True)
                         if k == kind}


def _report(plan: Path, *args) -> dict:
    return json.loads(run("check", str(plan), "--format", "json", *args).stdout)


@pytest.mark.parametrize("plan", ["oak-house.geojson", "oak-house.dxf", "birch-court.dxf"])
def test_a_local_plan_is_a_local_crs_in_metres(plan, tmp_path):
    out = tmp_path / "rooms.geojson"
    run("check", str(SAMPLES / plan), "-o", str(out))
    crs, rooms = _open(out)
    assert crs.startswith(("LOCAL_CS", "ENGCRS")) and "metre" in crs  # not EPSG:4326 degrees
    report = _report(SAMPLES / plan)
    assert set(rooms) == {r["id"] for r in report["rooms"]}
    for r in report["rooms"]:
        assert rooms[r["id"]].area == pytest.approx(r["gross_area_m2"], rel=1e-6, abs=1e-5)
    # the doors, one point each, where the JSON report says they are
    _, doors = _open(out, "door")
    assert set(doors) == {d["id"] for d in report["doors"]} and doors
    for d in report["doors"]:
        assert (doors[d["id"]].x, doors[d["id"]].y) == pytest.approx(tuple(d["at"]), abs=1e-6)


def test_a_declared_crs_is_written_and_read_back(tmp_path):
    out = tmp_path / "rooms.geojson"
    res = run("check", str(SAMPLES / "oak-house.dxf"), "--crs", "EPSG:27700", "-o", str(out))
    assert res.exit_code in (0, 1)
    crs, rooms = _open(out)
    assert crs == "EPSG:27700"
    report = _report(SAMPLES / "oak-house.dxf")
    for r in report["rooms"]:
        assert rooms[r["id"]].area == pytest.approx(r["gross_area_m2"], rel=1e-6, abs=1e-5)


def test_a_lonlat_plan_is_written_in_lonlat(tmp_path):
    """A 10 m x 5 m room near Chelmsford drawn in degrees comes back in degrees (EPSG:4326,
    no crs member), and its geodesic area (pyproj, Karney's method) is the report's."""
    pyproj = pytest.importorskip("pyproj")
    geod = pyproj.Geod(ellps="WGS84")
    lon0, lat0 = 0.4691, 51.7356
    # corners 10 m east and 5 m north of the first, by the forward geodesic problem
    lon1, lat1, _ = geod.fwd(lon0, lat0, 90, 10)
    lon2, lat2, _ = geod.fwd(lon1, lat1, 0, 5)
    lon3, lat3, _ = geod.fwd(lon0, lat0, 0, 5)
    ring = [[lon0, lat0], [lon1, lat1], [lon2, lat2], [lon3, lat3], [lon0, lat0]]
    plan = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"kind": "room", "id": "L1", "name": "Lounge"},
         "geometry": {"type": "Polygon", "coordinates": [ring]}}]}
    src = tmp_path / "lonlat.geojson"
    src.write_text(json.dumps(plan))
    out = tmp_path / "rooms.geojson"
    run("check", str(src), "-o", str(out))
    assert "crs" not in json.loads(out.read_text())
    crs, rooms = _open(out)
    assert crs == "EPSG:4326"
    area, _ = geod.geometry_area_perimeter(rooms["L1"])
    report = _report(src)
    assert abs(area) == pytest.approx(report["rooms"][0]["gross_area_m2"], rel=1e-4)
    assert abs(area) == pytest.approx(50.0, rel=1e-4)
    corners = rooms["L1"].exterior.coords
    assert any(c == pytest.approx((lon0, lat0), abs=1e-8) for c in corners)


def test_crs_is_refused_for_a_lonlat_plan(tmp_path):
    src = tmp_path / "lonlat.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"kind": "room", "id": "L1", "name": "Lounge"},
         "geometry": {"type": "Polygon", "coordinates": [[[0.1, 51.0], [0.1001, 51.0],
                                                          [0.1001, 51.0001], [0.1, 51.0]]]}}]}))
    res = run("check", str(src), "--crs", "EPSG:27700", "--format", "geojson")
    assert res.exit_code == 2 and "--crs" in res.stderr
