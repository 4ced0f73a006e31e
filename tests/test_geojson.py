"""The GeoJSON reader: the convention, units, lon/lat, IMDF, OSM, and bad input."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from floorplan.errors import PlanReadError
from floorplan.io import read_plan
from floorplan.io.geojson import plan_to_geojson, read_data, read_text
from floorplan.io.geojson.lonlat import parse_levels
from floorplan.measure import measure
from floorplan.model import Use

REAL = Path(__file__).resolve().parents[2] / "shared" / "samples-real"


def fc(*features, **meta):
    data = {"type": "FeatureCollection", "features": list(features)}
    if meta:
        data["floorplan"] = meta
    return data


def room(coords, **props):
    return {"type": "Feature", "properties": {"kind": "room", **props},
            "geometry": {"type": "Polygon", "coordinates": [coords]}}


def rect(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]


# ------------------------------------------------------------------ the convention
def test_every_feature_kind():
    data = fc(
        room(rect(0, 0, 4, 3), id="B1", name="Bed 1", wheelchair=True, level=1, dwelling="Flat A",
             ceiling_height=2.4),
        room(rect(4.1, 0, 6, 3), id="H", name="Hall", level=1, dwelling="Flat A"),
        {"type": "Feature", "properties": {"kind": "door", "id": "D1", "width": 0.85},
         "geometry": {"type": "Point", "coordinates": [4.05, 1.5]}},
        {"type": "Feature", "properties": {"kind": "ceiling", "heights": [0.9, 0.9, 2.4, 2.4]},
         "geometry": {"type": "Polygon", "coordinates": [rect(0, 0, 4, 3)]}},
        {"type": "Feature", "properties": {"kind": "obstacle", "name": "bed"},
         "geometry": {"type": "Polygon", "coordinates": [rect(0, 0, 1, 2)]}},
        {"type": "Feature", "properties": {"kind": "meter", "utility": "gas"},
         "geometry": {"type": "Point", "coordinates": [5, 1]}},
        {"type": "Feature", "properties": {"kind": "aerial"},
         "geometry": {"type": "Point", "coordinates": [1, 1]}},
        {"type": "Feature", "properties": {"kind": "garden gnome"},
         "geometry": {"type": "Point", "coordinates": [1, 1]}},
        name="Test", scheme="flat", tenants=1, wheelchair=True,
    )
    p = read_data(data, source="t.geojson")
    assert [r.id for r in p.rooms] == ["B1", "H"]
    b1 = p.room("B1")
    assert (b1.use, b1.wheelchair, b1.level, b1.dwelling, b1.ceiling_height) == \
        (Use.BEDROOM, True, 1.0, "Flat A", 2.4)
    assert p.doors[0].width == 0.85
    assert p.ceilings[0].heights == (0.9, 0.9, 2.4, 2.4)  # closing position dropped
    assert p.obstacles[0].name == "bed"
    assert p.meters[0].utility == "gas"
    assert len(p.aerials) == 1
    assert (p.meta.name, p.meta.scheme, p.meta.tenants, p.meta.wheelchair) == ("Test", "flat", 1, True)
    assert any("garden gnome" in n for n in p.notes)  # kept, ignored, said


@pytest.mark.parametrize("unit,scale", [("m", 1), ("cm", 100), ("mm", 1000), ("ft", 1 / 0.3048),
                                        ("in", 1 / 0.0254)])
def test_units(unit, scale):
    """A 4 x 3 m room written in each unit is 12 m²."""
    data = fc(room([[x * scale, y * scale] for x, y in rect(0, 0, 4, 3)], name="Lounge"), units=unit)
    p = read_data(data)
    assert p.rooms[0].polygon.area == pytest.approx(12.0, rel=1e-9)
    assert p.meta.units == unit


def test_units_flag_wins():
    data = fc(room(rect(0, 0, 4000, 3000), name="Lounge"), units="m")
    assert read_data(data, units="mm").rooms[0].polygon.area == pytest.approx(12.0)


def test_national_grid_coordinates_move_to_a_local_origin():
    x0, y0 = 530_000.0, 180_000.0
    p = read_data(fc(room(rect(x0, y0, x0 + 4, y0 + 3), name="Bed")))
    assert p.rooms[0].polygon.area == pytest.approx(12.0, abs=1e-9)
    assert p.rooms[0].polygon.bounds[0] == pytest.approx(0.0)
    assert p.meta.origin == (x0, y0)


def _deg_lengths(lat):
    """Metres per degree of latitude and longitude on WGS84 (the standard series; an
    independent check of the reader's ellipsoid projection)."""
    phi = math.radians(lat)
    m_lat = 111132.92 - 559.82 * math.cos(2 * phi) + 1.175 * math.cos(4 * phi)
    m_lon = 111412.84 * math.cos(phi) - 93.5 * math.cos(3 * phi)
    return m_lat, m_lon


@pytest.mark.parametrize("lat", [0.0, 51.5, 64.1])
def test_lonlat_projected_to_metres(lat):
    m_lat, m_lon = _deg_lengths(lat)
    lon0 = -0.1
    w, h = 4 / m_lon, 3 / m_lat
    data = fc(room(rect(lon0, lat, lon0 + w, lat + h), name="Bedroom"))
    data["crs"] = "EPSG:4326"
    p = read_data(data)
    assert p.rooms[0].polygon.area == pytest.approx(12.0, rel=0.005)
    assert p.meta.lonlat_origin is not None


def test_lonlat_recognised_without_crs():
    m_lat, m_lon = _deg_lengths(51.5)
    data = fc(room(rect(-0.1, 51.5, -0.1 + 4 / m_lon, 51.5 + 3 / m_lat), name="Bedroom"))
    assert read_data(data).rooms[0].polygon.area == pytest.approx(12.0, rel=0.005)


def test_missing_use_inferred_and_unknown_name_is_other():
    p = read_data(fc(room(rect(0, 0, 3, 3), name="K/L/D"), room(rect(4, 0, 6, 2), name="Gubbins")))
    assert p.rooms[0].use is Use.KITCHEN_LIVING_DINING and not p.rooms[0].use_given
    assert p.rooms[1].use is Use.OTHER
    m = measure(p)
    assert [f.rooms for f in m.findings if f.code == "FP004"] == [(p.rooms[1].id,)]


def test_given_use_wins_over_name():
    p = read_data(fc(room(rect(0, 0, 3, 3), name="Bedroom 2", use="office")))
    assert p.rooms[0].use is Use.OFFICE and p.rooms[0].use_given


# ------------------------------------------------------------------ repairs
def test_bow_tie_is_repaired_and_reported():
    # a bow-tie: two triangles meeting at (1, 1), each of area 1
    p = read_data(fc(room([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]], name="Store")))
    assert p.rooms[0].polygon.is_valid
    assert p.rooms[0].polygon.area == pytest.approx(2.0)
    assert [f.code for f in p.findings] == ["FP002"]


def test_unclosed_ring_is_closed_and_reported():
    p = read_data(fc(room([[0, 0], [4, 0], [4, 3], [0, 3]], name="Lounge")))
    assert p.rooms[0].polygon.area == pytest.approx(12.0)
    assert [f.code for f in p.findings] == ["FP001"]


def test_degenerate_room_skipped_with_finding_but_others_read():
    p = read_data(fc(room([[0, 0], [1, 1], [2, 2], [0, 0]], name="Line"), room(rect(0, 0, 2, 2), name="Hall")))
    assert [r.name for r in p.rooms] == ["Hall"]
    assert [f.code for f in p.findings] == ["FP002"]


# ------------------------------------------------------------------ unusable input
BAD = [
    ("not json", "{not json", "not valid JSON"),
    ("empty", "", "empty"),
    ("whitespace", "   \n", "empty"),
    ("a list", "[1, 2]", "not a GeoJSON FeatureCollection"),
    ("a feature", json.dumps(room(rect(0, 0, 1, 1))), "not a GeoJSON FeatureCollection"),
    ("no rooms", json.dumps(fc()), "no rooms"),
    ("strings for numbers", json.dumps(fc(room([["a", "b"], [1, 0], [1, 1], ["a", "b"]], name="X"))),
     "not numbers"),
    ("NaN", '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"kind": "room"},'
     ' "geometry": {"type": "Polygon", "coordinates": [[[NaN, 0], [1, 0], [1, 1], [NaN, 0]]]}}]}', "NaN"),
    ("absurd", json.dumps(fc(room(rect(0, 0, 1e300, 1e300), name="X"))), "absurd"),
    ("bad units", json.dumps(fc(room(rect(0, 0, 1, 1)), units="furlongs")), "unknown unit"),
    ("feature not object", json.dumps({"type": "FeatureCollection", "features": [42]}), "not a GeoJSON Feature"),
]


@pytest.mark.parametrize("name,text,words", BAD, ids=[b[0] for b in BAD])
def test_unusable_input_raises_one_clear_error(name, text, words):
    with pytest.raises(PlanReadError) as err:
        read_text(text, source="plan.geojson")
    msg = str(err.value)
    assert msg.startswith("plan.geojson")
    assert words in msg
    assert "\n" not in msg


def test_feature_is_named_in_the_error():
    text = json.dumps(fc(room(rect(0, 0, 1, 1), name="ok"), room([["x", 0], [1, 0], [1, 1]], id="K2")))
    with pytest.raises(PlanReadError, match=r"feature 1 \(K2\)"):
        read_text(text, source="p.geojson")


def test_missing_file(tmp_path):
    with pytest.raises(PlanReadError, match="no such file"):
        read_plan(tmp_path / "nope.geojson")


# ------------------------------------------------------------------ round trip
def test_written_and_read_back_gives_the_same_plan():
    src = Path(__file__).parents[1] / "samples" / "oak-house.geojson"
    p1 = read_plan(src)
    p2 = read_data(plan_to_geojson(p1), source=p1.meta.source)
    assert [(r.id, r.name, r.use, r.level, r.wheelchair, r.dwelling) for r in p1.rooms] == \
        [(r.id, r.name, r.use, r.level, r.wheelchair, r.dwelling) for r in p2.rooms]
    assert all(a.polygon.equals(b.polygon) for a, b in zip(p1.rooms, p2.rooms, strict=True))
    assert p1.doors == p2.doors and p1.ceilings == p2.ceilings and p1.meters == p2.meters
    assert [r.properties for r in p1.rooms] == [r.properties for r in p2.rooms]


# ------------------------------------------------------------------ IMDF
def _imdf(tmp_path):
    tmp_path.mkdir(parents=True, exist_ok=True)
    level = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "L1", "feature_type": "level", "properties": {"ordinal": 1},
         "geometry": None}]}
    m_lat, m_lon = _deg_lengths(55.0)
    def ll(x, y):
        return [10.0 + x / m_lon, 55.0 + y / m_lat]
    unit = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "u1", "feature_type": "unit",
         "properties": {"category": "room", "name": {"da": "Køkken", "en": "Kitchen"}, "level_id": "L1"},
         "geometry": {"type": "Polygon", "coordinates": [[ll(0, 0), ll(4, 0), ll(4, 3), ll(0, 3), ll(0, 0)]]}},
        {"type": "Feature", "id": "u2", "feature_type": "unit",
         "properties": {"category": "room", "name": {"da": "Soveværelse"}, "level_id": "L1"},
         "geometry": {"type": "Polygon", "coordinates": [[ll(4, 0), ll(7, 0), ll(7, 3), ll(4, 3), ll(4, 0)]]}},
    ]}
    opening = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "o1", "feature_type": "opening",
         "properties": {"category": "pedestrian", "level_id": "L1"},
         "geometry": {"type": "LineString", "coordinates": [ll(4, 1), ll(4, 1.9)]}}]}
    for name, data in (("unit", unit), ("opening", opening), ("level", level)):
        (tmp_path / f"{name}.geojson").write_text(json.dumps(data))
    return tmp_path


@pytest.mark.parametrize("which", ["folder", "unit file"])
def test_imdf(tmp_path, which):
    folder = _imdf(tmp_path)
    p = read_plan(folder if which == "folder" else folder / "unit.geojson")
    assert [(r.name, r.use, r.level) for r in p.rooms] == [
        ("Kitchen", Use.KITCHEN, 1.0), ("Soveværelse", Use.BEDROOM, 1.0)]
    assert p.rooms[0].polygon.area == pytest.approx(12.0, rel=0.005)
    m = measure(p)
    [door] = m.doors.values()
    assert set(door.connects) == {p.rooms[0].id, p.rooms[1].id}
    assert door.width == pytest.approx(0.9, rel=0.01)


# ------------------------------------------------------------------ OSM indoor
def test_osm_simple_indoor():
    m_lat, m_lon = _deg_lengths(52.5)
    def ll(x, y):
        return [13.37 + x / m_lon, 52.5 + y / m_lat]
    data = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"@id": "way/1", "indoor": "room", "ref": "3078", "level": "0,5"},
         "geometry": {"type": "Polygon", "coordinates": [[ll(0, 0), ll(4, 0), ll(4, 3), ll(0, 3), ll(0, 0)]]}},
        {"type": "Feature", "properties": {"@id": "way/2", "indoor": "corridor", "level": "0,5"},
         "geometry": {"type": "Polygon", "coordinates": [[ll(4, 0), ll(6, 0), ll(6, 3), ll(4, 3), ll(4, 0)]]}},
        {"type": "Feature", "properties": {"@id": "way/3", "indoor": "room", "room": "toilets", "level": "-1;0"},
         "geometry": {"type": "Polygon", "coordinates": [[ll(10, 0), ll(12, 0), ll(12, 2), ll(10, 2), ll(10, 0)]]}},
        {"type": "Feature", "properties": {"@id": "node/9", "door": "hinged", "level": "0,5"},
         "geometry": {"type": "Point", "coordinates": ll(4, 1.5)}},
        {"type": "Feature", "properties": {"@id": "node/10", "door": "no"},
         "geometry": {"type": "Point", "coordinates": ll(5, 5)}},
    ]}
    p = read_data(data)
    assert [(r.name, r.use, r.level) for r in p.rooms] == [
        ("Room 3078", Use.OTHER, 0.5), ("", Use.CORRIDOR, 0.5), ("", Use.WC, -1.0)]
    assert p.rooms[0].polygon.area == pytest.approx(12.0, rel=0.005)
    assert len(p.doors) == 1  # door=no is not a door
    assert set(measure(p).doors["D1"].connects) == {"R1", "R2"}


@pytest.mark.parametrize("text,levels", [
    ("0", (0.0,)), ("0.5", (0.5,)), ("0,5", (0.5,)), ("0-3", (0.0, 1.0, 2.0, 3.0)),
    ("-1;0", (-1.0, 0.0)), ("-1-3", (-1.0, 0.0, 1.0, 2.0, 3.0)), ("-2;-1;0;1;2", (-2.0, -1.0, 0.0, 1.0, 2.0)),
    ("0.25", (0.25,)), ("", ()), (None, ()), ("roof", ()),
])
def test_level_strings(text, levels):
    assert parse_levels(text) == levels


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/samples-real is not here")
@pytest.mark.parametrize("name,rooms,doors", [
    # SOURCES.md: apb has 400 indoor=room + 43 corridor + 3 area polygons, 502 door nodes of
    # which 21 are door=no; berlin hbf 74 room + 15 corridor + 1 area, 12 door nodes of
    # which 2 are door=no
    ("osmapb__apb.geojson", 446, 481),
    ("osmhbf__berlin_hbf.geojson", 90, 10),
])
def test_real_osm_exports(name, rooms, doors):
    p = read_plan(REAL / name)
    assert len(p.rooms) == rooms
    assert len(p.doors) == doors
    areas = sorted(r.polygon.area for r in p.rooms)
    assert 1.0 < areas[len(areas) // 2] < 200.0  # rooms of building size, in m²
    assert p.meta.lonlat_origin is not None and p.meta.units == "m"


def test_imdf_zip_archive(tmp_path):
    import zipfile

    folder = _imdf(tmp_path / "venue")
    archive = tmp_path / "venue.imdf.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in folder.iterdir():
            zf.write(f, f"venue/{f.name}")
    p = read_plan(archive)
    assert [r.name for r in p.rooms] == ["Kitchen", "Soveværelse"]
    assert len(p.doors) == 1 and p.meta.format == "imdf"


def test_other_room_properties_reach_the_rules():
    p = read_data(fc(room(rect(0, 0, 3, 4), name="Bedroom 2", bedroom_type="single", bedspaces=1, wc=False)))
    assert p.rooms[0].properties == {"bedroom_type": "single", "bedspaces": 1, "wc": False}
