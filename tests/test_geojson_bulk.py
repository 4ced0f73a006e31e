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
