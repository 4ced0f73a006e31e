"""Room outlines read in bulk (floorplan/io/geojson/bulk.py) are the outlines read one
by one: the same polygons, and the odd ones still read one by one with their findings."""

from __future__ import annotations

import shapely

from floorplan.io.geojson import bulk, read_data


def _room(rid, ring, **geom):
    return {"type": "Feature", "properties": {"kind": "room", "id": rid, "name": "Bedroom"},
            "geometry": {"type": "Polygon", "coordinates": [ring], **geom}}


SQUARE = [[0.0, 0.0], [3.0, 0.0], [3.0, 3.0], [0.0, 3.0], [0.0, 0.0]]
ROOMS = [
    _room("A", SQUARE),
    _room("B", [[4, 0], [6, 0], [6, 2], [4, 2], [4, 0]]),  # integers
    _room("open", [[7.0, 0.0], [9.0, 0.0], [9.0, 2.0], [7.0, 2.0]]),  # not closed: FP001
    _room("bowtie", [[0.0, 5.0], [2.0, 7.0], [2.0, 5.0], [0.0, 7.0], [0.0, 5.0]]),  # FP002
    _room("flat", [[0.0, 9.0], [1.0, 9.0], [2.0, 9.0], [0.0, 9.0]]),  # no area: skipped
]


def _read():
    return read_data({"type": "FeatureCollection", "features": ROOMS}, source="t.geojson")


def test_bulk_and_one_by_one_read_the_same(monkeypatch):
    fast = _read()
    monkeypatch.setattr(bulk, "plain_polygons", lambda features, frame: {})
    slow = _read()
    assert [r.id for r in fast.rooms] == [r.id for r in slow.rooms] == ["A", "B", "open", "bowtie"]
    for a, b in zip(fast.rooms, slow.rooms, strict=True):
        assert shapely.to_wkb(a.polygon) == shapely.to_wkb(b.polygon)
    assert [(f.code, f.message) for f in fast.findings] == [(f.code, f.message) for f in slow.findings]
    codes = [f.code for f in fast.findings]
    assert codes.count("FP001") == 1 and codes.count("FP002") == 2  # the bow-tie, the flat one


def test_only_plain_outlines_are_taken_in_bulk():
    from floorplan.io.geojson.frame import Frame

    frame = Frame({}, None, {}, None, "floorplan", "t.geojson")
    got = bulk.plain_polygons(ROOMS, frame)
    taken = {id(f["geometry"]): f["properties"]["id"] for f in ROOMS}
    assert sorted(taken[k] for k in got) == ["A", "B"]
    assert got[id(ROOMS[0]["geometry"])].area == 9.0  # 3 x 3 m, by hand


def test_one_odd_coordinate_sends_every_outline_one_by_one():
    from floorplan.io.geojson.frame import Frame

    frame = Frame({}, None, {}, None, "floorplan", "t.geojson")
    odd = _room("Z", [[0.0, 0.0], [1.0, 0.0, 5.0], [1.0, 1.0], [0.0, 0.0]])  # mixed lengths
    assert bulk.plain_polygons([*ROOMS, odd], frame) == {}


def _door(did, coords, **props):
    return {"type": "Feature", "properties": {"kind": "door", "id": did, **props},
            "geometry": {"type": "Point", "coordinates": coords}}


DOORS = [
    _door("D1", [3.0, 1.5], width=0.9),
    _door("D2", [4, 1]),  # integers
    {"type": "Feature", "properties": {"kind": "door", "id": "D4"},
     "geometry": {"type": "LineString", "coordinates": [[0.0, 3.0], [0.9, 3.0]]}},
]
#: every point with a height: taken in bulk too, x and y kept
DOORS_3D = [_door("D3", [6.0, 1.0, 2.5]), _door("D5", [5.0, 2.0, 0.0])]


def _read_with_doors(doors, units=None):
    meta = {"floorplan": {"units": units}} if units else {}
    return read_data({"type": "FeatureCollection", "features": ROOMS + doors, **meta},
                     source="t.geojson")


def test_door_points_in_bulk_and_one_by_one_the_same(monkeypatch):
    from floorplan.io.geojson.frame import Frame

    cases = [(DOORS, None), (DOORS_3D, None),
             ([_door("D1", [3000.0, 1500.0]), _door("D2", [4000, 1000])], "mm")]
    for doors, units in cases:
        frame = Frame({}, None, {"units": units} if units else {}, None, "floorplan", "t.geojson")
        assert len(bulk.plain_points(doors, frame)) == sum(
            d["geometry"]["type"] == "Point" for d in doors)  # the fast path is taken
        fast = _read_with_doors(doors, units)
        monkeypatch.setattr(bulk, "plain_points", lambda features, frame: {})
        slow = _read_with_doors(doors, units)
        monkeypatch.undo()
        assert [d.id for d in fast.doors] == [d.id for d in slow.doors]
        for a, b in zip(fast.doors, slow.doors, strict=True):
            assert shapely.to_wkb(a.geometry) == shapely.to_wkb(b.geometry)
            assert (a.width, a.connects, a.level) == (b.width, b.connects, b.level)
    # by hand: D3 at (6, 1), its height left out; 3000 mm is 3 m
    plan = _read_with_doors(DOORS_3D)
    assert [(d.geometry.x, d.geometry.y, d.geometry.has_z) for d in plan.doors] == [
        (6.0, 1.0, False), (5.0, 2.0, False)]
    plan = _read_with_doors(cases[2][0], "mm")
    assert (plan.doors[0].geometry.x, plan.doors[0].geometry.y) == (3.0, 1.5)


def test_only_plain_points_in_bulk_and_odd_ones_send_all_one_by_one():
    from floorplan.io.geojson.frame import Frame

    frame = Frame({}, None, {}, None, "floorplan", "t.geojson")
    got = bulk.plain_points(DOORS, frame)
    assert sorted(id(d["geometry"]) for d in DOORS[:2]) == sorted(got)  # not the line
    assert (got[id(DOORS[0]["geometry"])].x, got[id(DOORS[0]["geometry"])].y) == (3.0, 1.5)
    mixed = [_door("A", [1.0, 2.0]), _door("B", [1.0, 2.0, 3.0])]  # lengths differ
    assert bulk.plain_points(mixed, frame) == {}
    assert bulk.plain_points([_door("A", [1.0, float("nan")])], frame) == {}
    assert bulk.plain_points([_door("A", [1.0, "2"])], frame) == {}  # a string: one by one


def _osm(features):
    return {"type": "FeatureCollection", "features": features}


def _osm_room(ref, ring):
    return {"type": "Feature", "properties": {"@id": f"way/{ref}", "indoor": "room", "ref": ref},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


#: two rooms and a door of an OSM indoor map, in longitude/latitude near Berlin
OSM = [
    _osm_room("1", [[13.3690, 52.5250], [13.3692, 52.5250], [13.3692, 52.5251], [13.3690, 52.5251],
                    [13.3690, 52.5250]]),
    _osm_room("2", [[13.3692, 52.5250], [13.3695, 52.5250], [13.3695, 52.5252], [13.3692, 52.5250]]),
    {"type": "Feature", "properties": {"@id": "node/9", "door": "yes"},
     "geometry": {"type": "Point", "coordinates": [13.3692, 52.52505]}},
]


def test_lonlat_outlines_and_doors_in_bulk_are_the_ones_read_one_by_one(monkeypatch):
    fast = read_data(_osm(OSM), source="osm.geojson")
    monkeypatch.setattr(bulk, "plain_polygons", lambda features, frame: {})
    monkeypatch.setattr(bulk, "plain_points", lambda features, frame: {})
    slow = read_data(_osm(OSM), source="osm.geojson")
    monkeypatch.undo()
    assert len(fast.rooms) == len(slow.rooms) == 2 and len(fast.doors) == len(slow.doors) == 1
    for a, b in zip(fast.rooms, slow.rooms, strict=True):
        assert shapely.to_wkb(a.polygon) == shapely.to_wkb(b.polygon)
    assert shapely.to_wkb(fast.doors[0].geometry) == shapely.to_wkb(slow.doors[0].geometry)
    assert fast.findings == slow.findings
    # the fast path is taken: a lon/lat frame's outlines and points come from bulk
    from floorplan.io.geojson import flavour
    from floorplan.io.geojson.frame import Frame, all_positions

    frame = Frame(_osm(OSM), all_positions(OSM), {}, None, flavour.flavour(OSM), "osm.geojson")
    assert frame.lonlat is not None
    assert len(bulk.plain_polygons(OSM, frame)) == 2 and len(bulk.plain_points(OSM, frame)) == 1
    # by hand: 0.0002° of longitude at 52.525° N is about 13.5 m, 0.0001° of latitude 11.1 m
    assert abs(fast.rooms[0].polygon.area - 13.55 * 11.13) < 0.5


def test_a_declared_grid_is_read_one_by_one():
    from floorplan.io.geojson.frame import Frame

    data = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:27700"}},
            "features": [_room("A", [[530000.0, 180000.0], [530003.0, 180000.0], [530003.0, 180003.0],
                                     [530000.0, 180003.0], [530000.0, 180000.0]])]}
    from floorplan.io.geojson.frame import all_positions

    frame = Frame(data, all_positions(data["features"]), {}, None, "floorplan", "t.geojson")
    assert frame.lonlat is not None and not frame.crs.geographic
    assert bulk.plain_polygons(data["features"], frame) == {}
