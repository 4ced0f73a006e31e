"""Spaces no door leads into are shafts, voids or wall cavities, not rooms (issue 10).

Three rooms of 3 x 3 m in a row between single-line walls, each with a door block in its
front wall onto a corridor 1.5 m deep, and a 1 x 1 m box drawn in the corner of the
corridor with no door (a duct). A careful reader counts the three rooms and the corridor;
the box is set aside and said. Drawn with no door and no doorway at all, nothing is set
aside: the reader then cannot tell a shaft from a room whose door it did not read. (A
doorway left open with no door symbol counts as a way in: tested through the 0.9 m gaps.)
"""

from __future__ import annotations

from shapely.geometry import Point

from tests.dxf_patterns import Sheet, read


def _row(doors: bool = True) -> Sheet:
    s = Sheet()
    s.lines([(0, 0), (9, 0), (9, 4.5), (0, 4.5), (0, 0)])  # rooms y 0..3, corridor y 3..4.5
    for x in (3, 6):
        s.line((x, 0), (x, 3))
    for x0 in (0, 3, 6):  # the front wall of each room, a 0.9 m opening at x0 + 1 .. x0 + 1.9
        if doors:
            s.line((x0, 3), (x0 + 1, 3))
            s.line((x0 + 1.9, 3), (x0 + 3, 3))
            s.door((x0 + 1, 3), rotation=0, leaf="open")
        else:  # the wall drawn whole: no door and no doorway anywhere
            s.line((x0, 3), (x0 + 3, 3))
    s.lines([(8, 4.5), (8, 3.5), (9, 3.5)])  # the duct: x 8..9, y 3.5..4.5
    return s


def test_the_doorless_box_is_set_aside(tmp_path):
    plan = read(_row(), tmp_path)
    areas = sorted(round(r.polygon.area, 4) for r in plan.rooms)
    # rooms 3 x 3 = 9 m² each; the corridor 9 x 1.5 - 1 x 1 (the duct) = 12.5 m²
    assert areas == [9.0, 9.0, 9.0, 12.5]
    note = next(n for n in plan.notes if "no door or doorway" in n)
    assert note.startswith("1 space(s)") and "1.0 m² at (8.50, 4.00)" in note


def test_without_doors_read_nothing_is_set_aside(tmp_path):
    plan = read(_row(doors=False), tmp_path)
    assert not any("no door or doorway" in n for n in plan.notes)
    assert 1.0 in [round(r.polygon.area, 4) for r in plan.rooms]


def test_a_bare_doorway_is_a_way_in(tmp_path):
    s = _row(doors=True)
    s2 = Sheet()
    for e in s.msp:  # the same walls, the door blocks left out: three bare 0.9 m doorways
        if e.dxftype() == "LINE":
            s2.msp.add_line(e.dxf.start, e.dxf.end, dxfattribs={"layer": e.dxf.layer})
    plan = read(s2, tmp_path)
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [9.0, 9.0, 9.0, 12.5]
    assert any("no door or doorway" in n and n.startswith("1 space(s)") for n in plan.notes)


def test_a_large_space_nobody_walks_into_is_kept_but_doubted(tmp_path):
    # the duct grown to a 3 x 4 m space (x 6..9, y 4.5..8.5) north of the corridor, with no
    # door or doorway: 12 m² and 3 m wide is more than a shaft (10 m², 1.2 m), so it stays,
    # of low confidence: a hall open wider than a doorway, or a room whose door was missed
    from floorplan.io.dxf.rooms.shafts import UNSURE

    s = _row()
    s.lines([(6, 4.5), (6, 8.5), (9, 8.5), (9, 4.5)])
    plan = read(s, tmp_path)
    got = sorted((round(r.polygon.area, 4), r.confidence) for r in plan.rooms)
    assert got == [(9.0, "high"), (9.0, "high"), (9.0, "high"), (12.0, "low"), (12.5, "high")]
    (big,) = [r for r in plan.rooms if r.confidence == "low"]
    assert UNSURE in big.confidence_reason


def test_a_duct_named_and_doorless_is_set_aside(tmp_path):
    # the same 1 x 1 m box labelled FLUE: its name says what its missing door says (a duct
    # one does not enter), so the label no longer keeps it as a room
    s = _row()
    s.text("FLUE", (8.5, 4.0), height=0.15)
    plan = read(s, tmp_path)
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [9.0, 9.0, 9.0, 12.5]
    assert not any(r.name == "FLUE" for r in plan.rooms)
    assert any("no door or doorway" in n and "FLUE 1.0 m²" in n for n in plan.notes)


def _spaces(flue_door):
    """Three 3 x 3 m rooms with a door each, a WC (x 10..13) with its door at (12.6, 1.3)
    inside it, and a 0.9 x 1 m flue beside the WC (x 13.1..14, y 0..1) written 1.79 m²,
    with a door of its own at (14.1, 0.5) when ``flue_door``."""
    from types import SimpleNamespace as NS

    from shapely.geometry import Point, box

    def room(rid, name, poly, stated=()):
        return NS(id=rid, name=name, stated=stated, source="walls", polygon=poly)

    rooms = [room(f"R{k}", "", box(4 * k - 12, 0, 4 * k - 9, 3)) for k in range(3)]
    rooms += [room("WC", "WC", box(10, 0, 13, 3)), room("F", "Flue", box(13.1, 0, 14, 1), ("1.79",))]
    doors = [NS(geometry=Point(4 * k - 8.9, 1.5)) for k in range(3)] + [NS(geometry=Point(12.6, 1.3))]
    if flue_door:
        doors.append(NS(geometry=Point(14.1, 0.5)))
    return rooms, doors


def test_a_door_round_the_corner_is_not_the_flues():
    # the WC's door is 0.58 m from the flue's corner (within a wall's reach), but the way
    # from it to the flue runs 0.4 of its 0.5 m through the WC: it is the WC's door
    from floorplan.io.dxf.rooms.shafts import set_aside

    rooms, doors = _spaces(flue_door=False)
    notes: list[str] = []
    assert [r.id for r in set_aside(rooms, doors, notes)] == ["R0", "R1", "R2", "WC"]
    assert "Flue 0.9 m² at (13.55, 0.50)" in notes[0]


def test_a_flue_with_a_door_is_kept():
    from floorplan.io.dxf.rooms.shafts import set_aside

    rooms, doors = _spaces(flue_door=True)
    notes: list[str] = []
    assert [r.id for r in set_aside(rooms, doors, notes)] == ["R0", "R1", "R2", "WC", "F"]
    assert notes == []


def test_a_flue_mended_from_a_hidden_layer_is_judged_as_the_walls_spaces_are():
    # Newton FF's Flue: its visible piece (0.52 m²) mended to its outline on the switched-off
    # NET INTERNAL AREA (1.79 m², as its label writes), source hidden_outline. No door leads
    # into it: set aside as the walls' spaces are; an outline on a room layer is kept
    from types import SimpleNamespace as NS

    from floorplan.io.dxf.rooms.shafts import set_aside

    def _r(r, source):
        return NS(**{**vars(r), "source": source})

    rooms, doors = _spaces(flue_door=False)
    mended = [_r(r, source="hidden_outline") if r.id == "F" else r for r in rooms]
    notes: list[str] = []
    assert [r.id for r in set_aside(mended, doors, notes)] == ["R0", "R1", "R2", "WC"]
    assert "Flue 0.9 m²" in notes[0]
    drawn = [_r(r, source="outline") if r.id == "F" else r for r in rooms]
    assert [r.id for r in set_aside(drawn, doors, [])] == ["R0", "R1", "R2", "WC", "F"]


def test_a_cupboard_whose_door_is_a_swing_beside_its_unbroken_wall_is_kept(tmp_path):
    """The duct box's west wall (x = 8, y 3.5..4.5) drawn whole, and beside it a door's
    swing as a JW-CAD plan draws one: the arc (radius 0.8 about a hinge at (8, 3.6)) from
    the shut leaf's end (8, 4.4) round to the open leaf (7.2, 3.6), its leaf a line from
    the hinge, on a layer that says nothing. No door is read in the wall (it has no gap),
    but the swing says how one walks in: a 1 x 1 m cupboard, kept, and said in no note as
    a shaft. Without the swing it is the duct of the first test."""
    s = _row()
    s.swing((8, 3.6), (8, 4.4), (7.2, 3.6), layer="Layer 1")
    plan = read(s, tmp_path)
    areas = sorted(round(r.polygon.area, 4) for r in plan.rooms)
    assert areas == [1.0, 9.0, 9.0, 9.0, 12.5]
    assert not any("no door or doorway on their edge" in n for n in plan.notes)
    assert not any(d.geometry.distance(Point(8, 4.0)) < 0.6 for d in plan.doors)  # no door made
