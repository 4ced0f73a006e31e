"""Spaces no door leads into are shafts, voids or wall cavities, not rooms (issue 10).

Three rooms of 3 x 3 m in a row between single-line walls, each with a door block in its
front wall onto a corridor 1.5 m deep, and a 1 x 1 m box drawn in the corner of the
corridor with no door (a duct). A careful reader counts the three rooms and the corridor;
the box is set aside and said. Drawn with no door and no doorway at all, nothing is set
aside: the reader then cannot tell a shaft from a room whose door it did not read. (A
doorway left open with no door symbol counts as a way in: tested through the 0.9 m gaps.)
"""

from __future__ import annotations

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
    from floorplan.io.dxf.shafts import UNSURE

    s = _row()
    s.lines([(6, 4.5), (6, 8.5), (9, 8.5), (9, 4.5)])
    plan = read(s, tmp_path)
    got = sorted((round(r.polygon.area, 4), r.confidence) for r in plan.rooms)
    assert got == [(9.0, "high"), (9.0, "high"), (9.0, "high"), (12.0, "low"), (12.5, "high")]
    (big,) = [r for r in plan.rooms if r.confidence == "low"]
    assert UNSURE in big.confidence_reason
