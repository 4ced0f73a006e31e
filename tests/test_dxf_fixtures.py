"""Fittings drawn with the walls are a room's obstacles, not rooms (issue 10).

holdout6's floorplan.dxf draws a kitchen's counters and island with the same single lines
on layer 0 as its walls; the reader found them as two unnamed rooms. Here a kitchen of
4 x 4 m between single-line walls, beside a hall of 4 x 4 m: an L of counters 0.65 m
deep (the Danish drawing's are 0.60-0.67) along its south and west walls, its front one
line, and an island of 1.5 x 0.9 m standing free in it. By hand: the counters are 4 x
0.65 + 0.65 x 3.35 = 4.7775 m², the island 1.35 m², the kitchen 16 m² with both (the floor
under a worktop is the room's), the hall 16 m².
"""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest
from shapely.geometry import Point, box

from floorplan.io.dxf.rooms.fixtures import fittings_of
from floorplan.model import Room, Use
from tests.dxf_patterns import Sheet, read


def _kitchen(island: bool = True, hatch: str | None = None) -> Sheet:
    s = Sheet()
    lay = "0"  # walls on layer 0, as in the Danish drawing: no layer says wall
    s.lines([(0, 0), (8, 0), (8, 4), (0, 4), (0, 0)], lay)
    s.line((4, 0), (4, 4), lay)
    s.lines([(4, 0.65), (0.65, 0.65), (0.65, 4)], lay)  # the counters' front
    if island:
        s.lines([(1.5, 1.8), (3.0, 1.8), (3.0, 2.7), (1.5, 2.7), (1.5, 1.8)], lay)
    if hatch is not None:  # the counters hatched on a layer of their own
        h = s.msp.add_hatch(dxfattribs={"layer": hatch})
        h.paths.add_polyline_path([(0, 0), (4, 0), (4, 0.65), (0.65, 0.65), (0.65, 4), (0, 4)],
                                  is_closed=True)
    s.text("KITCHEN", (2.0, 3.3), layer="0")
    s.text("HALL", (6.0, 2.0), layer="0")
    return s


def test_counters_and_island_are_the_kitchens_obstacles(tmp_path):
    plan = read(_kitchen(), tmp_path)
    rooms = {r.name: r for r in plan.rooms}
    assert sorted(rooms) == ["HALL", "KITCHEN"]
    assert rooms["KITCHEN"].polygon.area == pytest.approx(16.0, abs=1e-6)
    assert rooms["HALL"].polygon.area == pytest.approx(16.0, abs=1e-6)
    got = sorted((round(o.polygon.area, 4), o.kind) for o in plan.obstacles)
    assert got == [(1.35, "kitchen_unit"), (4.7775, "kitchen_unit")]
    note = next(n for n in plan.notes if "fitting(s) drawn with the walls" in n)
    assert note.startswith("2 fitting(s)") and "in KITCHEN" in note


def test_hatched_counters_are_read_as_hatched(tmp_path):
    plan = read(_kitchen(island=False, hatch="Hatches"), tmp_path)
    assert sorted(r.name for r in plan.rooms) == ["HALL", "KITCHEN"]
    (counter,) = plan.obstacles
    assert counter.name == "fitting (hatched)" and counter.polygon.area == pytest.approx(4.7775)


def test_an_unlabelled_room_beside_a_named_one_stays_a_room(tmp_path):
    s = Sheet()
    s.lines([(0, 0), (6, 0), (6, 4), (0, 4), (0, 0)], "0")
    s.lines([(4, 0), (4, 2), (6, 2)], "0")  # a 2 x 2 m room with no label in the corner
    s.text("KITCHEN", (2.0, 3.0), layer="0")
    plan = read(s, tmp_path)
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [4.0, 20.0]
    assert not plan.obstacles


# -- the rule on its own: doors, hatches, showers -------------------------------------------

def _room(rid, name, use, poly):
    return Room(rid, name, use, poly, source="walls")


def test_a_counter_shaped_space_with_a_door_on_it_is_a_room():
    kitchen = _room("R1", "Kitchen", Use.KITCHEN, box(0, 0.6, 4, 3))
    cupboard = _room("R2", "", Use.OTHER, box(0, 0, 4, 0.6))
    door = NS(geometry=Point(2.0, 0.6))  # a door in its front
    kept, made = fittings_of([kitchen, cupboard], [door], [], [], [])
    assert [r.id for r in kept] == ["R1", "R2"] and made == []
    kept, made = fittings_of([kitchen, cupboard], [], [], [], [])  # no door: a counter run
    assert [r.id for r in kept] == ["R1"] and [o.kind for o in made] == ["kitchen_unit"]


def test_a_floor_finish_hatched_over_more_is_not_the_faces_own():
    hall = _room("R1", "Hall", Use.HALL, box(0, 0, 4, 4).difference(box(1, 1, 3, 3)))
    square = _room("R2", "", Use.OTHER, box(1, 1, 3, 3))  # 2 x 2 m: no counter, no island
    kept, made = fittings_of([hall, square], [], [], [box(0, 0, 4, 4)], [])
    assert len(kept) == 2 and not made  # the hatch is 16 m², four times the face
    kept, made = fittings_of([hall, square], [], [], [box(1, 1, 3, 3)], [])
    assert [r.id for r in kept] == ["R1"] and kept[0].polygon.area == pytest.approx(16.0)
    assert made[0].kind is None  # a hall says no kind of fitting


def test_a_shower_enclosure_goes_to_its_bathroom():
    # a 2.5 x 2 m bathroom; a 0.9 x 0.9 m shower in its corner behind a screen 0.1 m thick
    bath = _room("R1", "Bathroom", Use.BATHROOM, box(0, 1.0, 2.5, 3.0))
    shower = _room("R2", "SHOWER", Use.SHOWER_ROOM, box(0, 0, 0.9, 0.9))
    kept, made = fittings_of([bath, shower], [], [], [], [])
    assert [r.id for r in kept] == ["R1"]
    # 5 + 0.81 + the screen's band 0.9 x 0.1 = 5.90 m² (its round ends add under 0.005)
    assert kept[0].polygon.area == pytest.approx(5.90, abs=0.005)
    assert [(o.name, o.kind, round(o.polygon.area, 4)) for o in made] == [("SHOWER", "shower", 0.81)]


def test_a_shower_room_a_shower_with_a_door_or_beside_a_bedroom_stays():
    bath = _room("R1", "Bathroom", Use.BATHROOM, box(0, 1.0, 2.5, 3.0))
    big = _room("R2", "SHOWER", Use.SHOWER_ROOM, box(0, -0.9, 2.0, 0.9))  # 3.6 m²: a room
    assert len(fittings_of([bath, big], [], [], [], [])[0]) == 2
    shower = _room("R2", "SHOWER", Use.SHOWER_ROOM, box(0, 0, 0.9, 0.9))
    door = NS(geometry=Point(0.9, 0.45))  # its own door, in its east side: a shower room
    assert len(fittings_of([bath, shower], [door], [], [], [])[0]) == 2
    bed = _room("R1", "Bedroom", Use.BEDROOM, box(0, 1.0, 2.5, 3.0))
    shower = _room("R2", "SHOWER", Use.SHOWER_ROOM, box(0, 0, 0.9, 0.9))
    assert len(fittings_of([bed, shower], [], [], [], [])[0]) == 2


def test_the_walkway_between_an_island_and_a_counter_is_no_doorway():
    from floorplan.io.dxf.rooms.fixtures import set_aside
    from floorplan.model import Door

    # the Danish kitchen's east end: a counter run x 3.4..4.0 along the east wall, an
    # island x 1.8..2.8 ending 0.6 m from it; the wall reader found a bare opening of 0.6 m
    # between the island's side and the counter's (their sides the jambs), at (3.1, 2.0),
    # a real door of 0.9 m into the hall at (1.0, 3.0), and a bare opening of 0.6 m in the
    # single-line wall x = 4 behind the counter into a store x 4..5, y 0..1 (the
    # middle of its closing line 0.3 m off the counter, but a room on its other side)
    kitchen = box(0, 0, 3.4, 3).difference(box(1.8, 1.5, 2.8, 2.5))
    rooms = [_room("R1", "Kitchen", Use.KITCHEN, kitchen),
             _room("R2", "", Use.OTHER, box(3.4, 0, 4, 3)),
             _room("R3", "", Use.OTHER, box(1.8, 1.5, 2.8, 2.5)),
             _room("R4", "Store", Use.STORAGE, box(4, 0, 5, 1))]
    walkway = Door("D1", Point(3.1, 2.0), width=0.6, properties={"from": "opening"})
    door = Door("D2", Point(1.0, 3.0), width=0.9, properties={"from": "opening"})
    store = Door("D3", Point(4.3, 0.5), width=0.6, properties={"from": "gap"})
    rd = NS(col=NS(hatches=[], arcs=[]), layer_kind=lambda layer: None,
            is_door_arc=lambda a: False)
    obstacles: list = []
    kept, doors = set_aside(rd, rooms, [(walkway, ""), (door, ""), (store, "")], obstacles, [], [])
    assert [r.id for r in kept] == ["R1", "R4"] and kept[0].polygon.area == pytest.approx(12.0)
    assert [d.id for d, _ in doors] == ["D2", "D3"]
    assert sorted((o.name, o.kind) for o, _ in obstacles) == [
        ("counter run", "kitchen_unit"), ("island", "kitchen_unit")]
