"""Issue 12 class 8: a declared CRS is converted, never ignored; what cannot be converted
is refused naming it; the plan keeps its CRS and results go back in it."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely

from floorplan.errors import PlanReadError
from floorplan.io.geojson import crs as crs_mod
from floorplan.io.geojson import read_data, to_lonlat
from tests.hostile_corpus import RECT, fc, ground_rect_lonlat, room, to_web_mercator


@pytest.fixture(params=["pyproj", "formula"])
def how(request, monkeypatch):
    """Each test twice: with pyproj, and with the formulas floorplan has without it."""
    if request.param == "formula":
        monkeypatch.setattr(crs_mod, "_pyproj", lambda name, source: None)
    else:
        pytest.importorskip("pyproj")
    return request.param


def test_web_mercator_room_is_its_true_size(how):
    ll = ground_rect_lonlat(0.47, 51.74)
    merc = to_web_mercator(ll)
    naive = shapely.Polygon(merc).area
    # read as metres (as before): 12 m² times sec² of the latitude, 31 m²
    assert naive == pytest.approx(12 / math.cos(math.radians(51.74)) ** 2, rel=0.01)
    plan = read_data(fc(room([merc]), crs="EPSG:3857"), "m.geojson")
    assert plan.rooms[0].polygon.area == pytest.approx(12.0, abs=0.005)
    assert plan.meta.crs == "EPSG:3857"


def test_british_national_grid_room_takes_the_scale_factor(how):
    from tests.hostile_corpus import BNG_TRUE

    e, n = 571000.0, 206000.0
    rect = [[e, n], [e + 4, n], [e + 4, n + 3], [e, n + 3], [e, n]]
    plan = read_data(fc(room([rect]), crs={"type": "name", "properties": {
        "name": "urn:ogc:def:crs:EPSG::27700"}}), "bng.geojson")
    assert plan.rooms[0].polygon.area == pytest.approx(BNG_TRUE, abs=2e-4)
    assert plan.meta.crs == "EPSG:27700"


def test_results_go_back_in_the_declared_crs(how):
    e, n = 571000.0, 206000.0
    rect = [[e, n], [e + 4, n], [e + 4, n + 3], [e, n + 3], [e, n]]
    plan = read_data(fc(room([rect]), crs="EPSG:27700"), "bng.geojson")
    back = shapely.get_coordinates(to_lonlat(plan.rooms[0].polygon, plan))
    assert np.abs(back - np.array(rect)).max() < 1e-3  # a millimetre


def test_os_worked_example_inverse_and_forward():
    """Ordnance Survey's guide, annex C: E 651409.903, N 313177.270 is 52°39'27.2531"N,
    1°43'4.5177"E on Airy 1830."""
    g = crs_mod.TM_GRIDS[27700]
    lon, lat = crs_mod.tm_inverse([[651409.903, 313177.270]], g)[0]
    assert lat == pytest.approx(52 + 39 / 60 + 27.2531 / 3600, abs=1e-8)
    assert lon == pytest.approx(1 + 43 / 60 + 4.5177 / 3600, abs=1e-8)
    e, n = crs_mod.tm_forward([[lon, lat]], g)[0]
    assert (e, n) == (pytest.approx(651409.903, abs=1e-3), pytest.approx(313177.270, abs=1e-3))


@pytest.mark.parametrize("code", [27700, 29903, 2157, 32630, 32755, 25832])
def test_tm_formulas_agree_with_proj(code):
    pyproj = pytest.importorskip("pyproj")
    crs = pyproj.CRS.from_epsg(code)
    t = pyproj.Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
    g = crs_mod.TM_GRIDS[code]
    lon0 = g.lon0
    pts = []
    for dlon in (-2.5, 0.0, 1.5):
        for lat in ((52.0, 55.0) if g.n0 < 5e6 else (-30.0, -40.0)):
            pts.append(crs_mod.tm_forward([[lon0 + dlon, lat]], g)[0])
    pts = np.array(pts)
    ref = np.column_stack(t.transform(pts[:, 0], pts[:, 1]))
    mine = crs_mod.tm_inverse(pts, g)
    assert np.abs(mine - ref).max() * 111_000 < 0.01  # under a centimetre on the ground


def test_crs_spellings():
    for text, want in [("EPSG:3857", "EPSG:3857"), ("urn:ogc:def:crs:EPSG::3857", "EPSG:3857"),
                       ("urn:ogc:def:crs:EPSG:6.6:27700", "EPSG:27700"),
                       ("http://www.opengis.net/def/crs/EPSG/0/4326", "EPSG:4326"),
                       ("urn:ogc:def:crs:OGC:1.3:CRS84", "OGC:CRS84")]:
        assert crs_mod.parse(text, "p") == want
    assert crs_mod.parse({"type": "EPSG", "properties": {"code": 27700}}, "p") == "EPSG:27700"


def test_a_crs_that_cannot_be_converted_is_refused_naming_it(monkeypatch):
    monkeypatch.setattr(crs_mod, "_pyproj", lambda name, source: None)
    with pytest.raises(PlanReadError, match="EPSG:2263.*pyproj"):
        read_data(fc(room([RECT]), crs="EPSG:2263"), "ny.geojson")  # New York state plane


def test_feet_state_plane_through_pyproj():
    pytest.importorskip("pyproj")
    ft = 0.3048006096  # US survey foot: EPSG:2263 is in them
    e, n = 980000.0, 200000.0
    rect = [[e, n], [e + 4 / ft, n], [e + 4 / ft, n + 3 / ft], [e, n + 3 / ft], [e, n]]
    plan = read_data(fc(room([rect]), crs="EPSG:2263"), "ny.geojson")
    assert plan.rooms[0].polygon.area == pytest.approx(12.0, rel=2e-3)  # LCC scale ~1.0001


@pytest.mark.parametrize("bad", [{"type": "name", "properties": "x"}, [1], 7, "",
                                 {"type": "link", "properties": {"href": "x"}},
                                 {"type": "name", "properties": {"name": 5}}])
def test_malformed_crs_is_one_line_naming_crs(bad):
    with pytest.raises(PlanReadError, match="crs"):
        read_data(fc(room([RECT]), crs=bad), "p.geojson")


def test_latitude_out_of_range_names_the_feature():
    ll = [[0.0, 95.0], [1e-4, 95.0], [1e-4, 95.0001], [0.0, 95.0]]
    with pytest.raises(PlanReadError, match=r"feature 0.*latitude"):
        read_data(fc(room([ll]), crs="EPSG:4326"), "p.geojson")


def test_lonlat_plan_records_its_crs():
    ll = ground_rect_lonlat(-0.1, 51.5)
    plan = read_data(fc(room([ll])), "p.geojson")
    assert plan.meta.crs == "EPSG:4326" and math.isclose(plan.rooms[0].polygon.area, 12, abs_tol=1e-3)
