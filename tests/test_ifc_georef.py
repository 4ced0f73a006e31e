"""An IFC model's IfcMapConversion puts the GeoJSON report on the map (issue 16).

Each model is built in code (:mod:`tests.test_ifc_models`): one bedroom 4 x 3 m with its
corners at local (0, 0), (4, 0), (4, 3), (0, 3). Where each corner lands is worked out by
hand from E = E0 + s (x cos t - y sin t), N = N0 + s (x sin t + y cos t), written out at
each test, and checked once against IfcOpenShell's own conversion
(``ifcopenshell.util.geolocation``), which floorplan does not use.
"""

from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner

pytest.importorskip("ifcopenshell")

import ifcopenshell.api.georeference  # noqa: E402
import ifcopenshell.api.pset  # noqa: E402

from floorplan.cli import cli  # noqa: E402
from floorplan.io import read_plan  # noqa: E402
from tests import test_ifc_models as models  # noqa: E402

api = ifcopenshell.api
SQRT3 = math.sqrt(3.0)


def bedroom(unit: str = "METERS", version: str = "IFC4") -> models.Model:
    m = models.Model(unit=unit, version=version)
    sp = m.space("B1", "Bedroom 1")
    m.extruded(sp, [(0, 0), (4, 0), (4, 3), (0, 3)], 2.4)
    return m


def georeference(m: models.Model, name: str, eastings: float, northings: float,
                 abscissa: float | None, ordinate: float | None, scale: float | None,
                 map_unit: str | None = "METRE", prefix: str | None = None) -> None:
    """An IfcProjectedCRS ``name`` and an IfcMapConversion on the model context."""
    api.georeference.add_georeferencing(m.f, name=name)
    [conv] = m.f.by_type("IfcMapConversion")
    conv.Eastings, conv.Northings, conv.OrthogonalHeight = eastings, northings, 0.0
    conv.XAxisAbscissa, conv.XAxisOrdinate, conv.Scale = abscissa, ordinate, scale
    if map_unit is not None:
        conv.TargetCRS.MapUnit = m.f.create_entity("IfcSIUnit", UnitType="LENGTHUNIT",
                                                  Prefix=prefix, Name=map_unit)


def geojson(path, *extra: str) -> dict:
    res = CliRunner().invoke(cli, ["check", str(path), "--format", "geojson", *extra],
                             catch_exceptions=False)
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)


def corners(doc: dict) -> list[tuple[float, float]]:
    [feature] = doc["features"]
    ring = feature["geometry"]["coordinates"][0]
    return sorted((round(x, 6), round(y, 6)) for x, y in ring[:-1])


def test_a_quarter_turn_in_metres_puts_each_corner_on_the_grid(tmp_path):
    m = bedroom()
    # x axis along north (0, 1): t = 90°, so E = 530000 - y, N = 180000 + x
    georeference(m, "EPSG:27700", 530000.0, 180000.0, 0.0, 1.0, 1.0)
    doc = geojson(m.write(tmp_path / "grid.ifc"))
    assert doc["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::27700"
    assert corners(doc) == [(529997.0, 180000.0), (529997.0, 180004.0),
                            (530000.0, 180000.0), (530000.0, 180004.0)]
    assert "IfcMapConversion" in doc["floorplan_report"]["coordinates"]
    assert "90° anticlockwise" in doc["floorplan_report"]["coordinates"]
    [feature] = doc["features"]
    assert feature["properties"]["area_m2"] == pytest.approx(12.0)  # measured locally
    out = tmp_path / "grid.geojson"
    out.write_text(json.dumps(doc))
    pyogrio = pytest.importorskip("pyogrio")
    assert pyogrio.read_info(out)["crs"] == "EPSG:27700"  # GDAL, so QGIS, places it


def test_a_millimetre_model_turned_30_degrees_with_scale_0_001(tmp_path):
    m = bedroom(unit="MILLIMETERS")
    # t = 30°; (4, 0) m -> E 530000 + 4 cos 30° = 530000 + 2 sqrt 3, N 180000 + 4 sin 30° = 180002
    # (0, 3) m -> E 530000 - 3 sin 30° = 529998.5, N 180000 + 3 cos 30° = 180000 + 1.5 sqrt 3
    georeference(m, "EPSG:27700", 530000.0, 180000.0, SQRT3 / 2, 0.5, 0.001)
    path = m.write(tmp_path / "mm.ifc")
    want = sorted([(530000.0, 180000.0), (530000 + 2 * SQRT3, 180002.0),
                   (530000 + 2 * SQRT3 - 1.5, 180002 + 1.5 * SQRT3), (529998.5, 180000 + 1.5 * SQRT3)])
    got = corners(geojson(path))
    assert got == [pytest.approx(w, abs=1e-6) for w in want]
    # IfcOpenShell's own conversion (local coordinates in the model's millimetres) agrees
    import ifcopenshell.util.geolocation as geo

    f = ifcopenshell.open(str(path))
    theirs = sorted(geo.auto_xyz2enh(f, x * 1000, y * 1000, 0.0)[:2]
                    for x, y in ((0, 0), (4, 0), (4, 3), (0, 3)))
    assert got == [pytest.approx(t, abs=1e-6) for t in theirs]


def test_ifc2x3_map_conversion_property_sets_place_the_model_too(tmp_path):
    m = bedroom(version="IFC2X3")
    [project] = m.f.by_type("IfcProject")
    # on the project, the names spelt as Revit does ('ePset_'): read without case
    conv = api.pset.add_pset(m.f, product=project, name="ePset_MapConversion")
    api.pset.edit_pset(m.f, pset=conv, properties={
        "Eastings": 400000.0, "Northings": 100000.0, "OrthogonalHeight": 0.0,
        "XAxisAbscissa": 0.6, "XAxisOrdinate": 0.8, "Scale": 1.0})
    crs = api.pset.add_pset(m.f, product=project, name="ePSet_ProjectedCRS")
    api.pset.edit_pset(m.f, pset=crs, properties={"Name": "EPSG:32630", "MapUnit": "METRE"})
    # cos t = 0.6, sin t = 0.8: (4, 0) -> (400002.4, 100003.2); (0, 3) -> (399997.6, 100001.8);
    # (4, 3) -> (400000 + 2.4 - 2.4, 100000 + 3.2 + 1.8) = (400000, 100005)
    doc = geojson(m.write(tmp_path / "x3.ifc"))
    assert doc["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::32630"
    assert corners(doc) == [pytest.approx(c, abs=1e-6) for c in [
        (399997.6, 100001.8), (400000.0, 100000.0), (400000.0, 100005.0), (400002.4, 100003.2)]]


def test_units_that_disagree_with_the_scale_leave_the_report_in_local_metres(tmp_path):
    m = bedroom(unit="MILLIMETERS")
    # Scale 0.5 on a millimetre model with the map in metres: 1 m of the model would be
    # 500 m on the map (Scale as the unit conversion) or 0.5 m (as a grid factor): neither
    georeference(m, "EPSG:27700", 530000.0, 180000.0, 1.0, 0.0, 0.5)
    path = m.write(tmp_path / "bad.ifc")
    plan = read_plan(path)
    assert plan.meta.crs is None and plan.meta.map_conversion is None
    [note] = [n for n in plan.notes if "IfcMapConversion" in n]
    assert "Scale should be about 0.001, or 1" in note and "local metres" in note
    doc = geojson(path)
    assert corners(doc) == [(0.0, 0.0), (0.0, 3.0), (4.0, 0.0), (4.0, 3.0)]
    assert "local" in doc["floorplan_report"]["coordinates"]


def test_scale_left_out_with_the_units_given_by_map_unit_as_buildingsmart_writes_it(tmp_path):
    # buildingSMART's IFC4 example geographic-referencing.ifc (KIT, 2014): a millimetre
    # model, IfcProjectedCRS EPSG:25832 in METRE, Eastings 458658.78, Northings
    # 5438232.79, x axis (0.270600445976, 0.962691746426), Scale left out
    m = bedroom(unit="MILLIMETERS")
    c, s = 0.270600445976, 0.962691746426
    georeference(m, "EPSG:25832", 458658.78, 5438232.79, c, s, None)
    path = m.write(tmp_path / "kit.ifc")
    # the corners in metres: E = 458658.78 + x c - y s, N = 5438232.79 + x s + y c
    want = sorted((458658.78 + x * c - y * s, 5438232.79 + x * s + y * c)
                  for x, y in ((0, 0), (4, 0), (4, 3), (0, 3)))
    got = corners(geojson(path))
    assert got == [pytest.approx(w, abs=1e-6) for w in want]
    assert math.hypot(got[0][0] - got[1][0], got[0][1] - got[1][1]) in (
        pytest.approx(3.0), pytest.approx(4.0))  # a metre stays a metre on the map
    [note] = [n for n in read_plan(path).notes if n.startswith("GeoJSON report in EPSG:25832")]
    assert "read as the grid's scale factor" in note


def test_without_a_map_unit_a_scale_of_0_001_means_metres(tmp_path):
    m = bedroom(unit="MILLIMETERS")
    georeference(m, "EPSG:25832", 500000.0, 5400000.0, None, None, 0.001, map_unit=None)
    # no rotation: the corners are the local metres moved by (500000, 5400000)
    doc = geojson(m.write(tmp_path / "nounit.ifc"))
    assert corners(doc) == [(500000.0, 5400000.0), (500000.0, 5400003.0),
                            (500004.0, 5400000.0), (500004.0, 5400003.0)]


def test_a_model_without_a_map_conversion_is_unchanged(tmp_path):
    path = bedroom().write(tmp_path / "plain.ifc")
    plan = read_plan(path)
    assert plan.meta.crs is None and plan.meta.map_conversion is None
    assert not [n for n in plan.notes if "GeoJSON" in n]
    doc = geojson(path)
    assert "ENGCRS" in doc["crs"]["properties"]["name"]
    assert corners(doc) == [(0.0, 0.0), (0.0, 3.0), (4.0, 0.0), (4.0, 3.0)]


def test_crs_local_keeps_a_georeferenced_model_in_its_own_metres(tmp_path):
    m = bedroom()
    georeference(m, "EPSG:27700", 530000.0, 180000.0, 0.0, 1.0, 1.0)
    doc = geojson(m.write(tmp_path / "grid.ifc"), "--crs", "local")
    assert corners(doc) == [(0.0, 0.0), (0.0, 3.0), (4.0, 0.0), (4.0, 3.0)]


def test_a_map_conversion_with_no_x_axis_direction_is_not_read(tmp_path):
    m = bedroom()
    georeference(m, "EPSG:27700", 530000.0, 180000.0, 1.0, 0.0, 1.0)
    [conv] = m.f.by_type("IfcMapConversion")
    conv.XAxisAbscissa = conv.XAxisOrdinate = 0.0  # no direction at all
    plan = read_plan(m.write(tmp_path / "nodir.ifc"))
    assert plan.meta.map_conversion is None
    assert any("(0, 0), no direction" in n for n in plan.notes)
