"""Double doors: two leaves meeting in the middle of an opening wider than one door (issue
10, parts 1 and 5; holdout3 FINDINGS, L1412 Etage 2, whose stair hall's double-door
blocks DD156 and DD236 and a pair drawn loose did not close it).

A double door's swings are mirrored: each leaf is hung at one side of the opening and the
two closed leaves meet in the middle. Read as two doors, each was one leaf wide, and the
seal of each leaf ran from its hinge to the middle; where the hinges stand a frame's width
off the jambs (the frames drawn with the door), neither leaf's seal reached a wall at both
ends, so it was not carried across its frame and the opening stayed open: the rooms either
side ran together. One door is read instead, as wide as both leaves (hinge to hinge), its
point where the leaves meet, its opening sealed from jamb to jamb.

The drawing, in metres, areas by hand: walls 0.2 m thick drawn as double lines with jambs;
a HALL x 0.2-5.2, y 0.2-4.2 (5 x 4 = 20 m²) and a LOUNGE x 5.4-10.4, y 0.2-4.2 (20 m²),
the partition x 5.2-5.4 open between jambs at y 1.0 and 2.6 (1.6 m: wider than a door,
and than any gap closed without one). The double door is hung on the hall's face x 5.2,
its hinges 0.1 m in from the jambs at y 1.1 and 2.5, two leaves of 0.7 m meeting at
(5.2, 1.8), both opening into the hall: 1.4 m wide, hinge to hinge.
"""

from __future__ import annotations

import math

import pytest
from shapely.geometry import box

from floorplan.doorlinks import door_links
from tests.dxf_patterns import Sheet, read

LEAF = 0.7
HINGES = ((5.2, 1.1), (5.2, 2.5))
MEET = (5.2, 1.8)
Q = math.tan(math.radians(90 / 4))  # the bulge of a quarter turn


def _walls(s: Sheet) -> None:
    outer = box(0, 0, 10.6, 4.4)
    mass = outer.difference(box(0.2, 0.2, 5.2, 4.2)).difference(box(5.4, 0.2, 10.4, 4.2))
    s.mass(mass.difference(box(5.2, 1.0, 5.4, 2.6)))
    s.text("HALL", (1.5, 3.0))
    s.text("LOUNGE", (7.0, 3.0))


def _block_leaves_open(s: Sheet) -> None:
    """The block's opening along its x-axis, hinges at (0, 0) and (1.4, 0), the leaves
    drawn open along +y, each swing from the meeting point (0.7, 0) round to its open
    leaf's end (DD156's convention); inserted turned 90°, so +y runs into the hall."""
    b = s.doc.blocks.new("DD140")
    b.add_line((0, 0), (0, LEAF))
    b.add_arc((0, 0), LEAF, 0, 90)
    b.add_line((2 * LEAF, 0), (2 * LEAF, LEAF))
    b.add_arc((2 * LEAF, 0), LEAF, 90, 180)
    s.msp.add_blockref("DD140", HINGES[0], dxfattribs={"layer": "A-DOOR", "rotation": 90})


def _block_leaves_closed(s: Sheet) -> None:
    """The block's opening along its y-axis, hinges at (0, 0) and (0, 1.4), the leaves
    drawn closed along the opening (meeting at (0, 0.7)), the swings round to -x; inserted
    unturned, so -x runs into the hall."""
    b = s.doc.blocks.new("DOUBLE DOOR")
    b.add_line((0, 0), (0, LEAF))
    b.add_line((0, 2 * LEAF), (0, LEAF))
    b.add_arc((0, 0), LEAF, 90, 180)
    b.add_arc((0, 2 * LEAF), LEAF, 180, 270)
    s.msp.add_blockref("DOUBLE DOOR", HINGES[0], dxfattribs={"layer": "A-DOOR"})


def _loose_bulges(s: Sheet) -> None:
    """Each leaf and its swing one bulged LWPOLYLINE in model space on the door layer (an
    exploded block, as on L1412's A321): from the meeting point round a quarter turn to
    the open leaf's end, then straight back to the hinge."""
    (hx, ha), (_, hb) = HINGES
    s.msp.add_lwpolyline([(*MEET, 0, 0, Q), (hx - LEAF, ha), (hx, ha)], format="xyseb",
                         dxfattribs={"layer": "A-DOOR"})
    s.msp.add_lwpolyline([(*MEET, 0, 0, -Q), (hx - LEAF, hb), (hx, hb)], format="xyseb",
                         dxfattribs={"layer": "A-DOOR"})


def _loose_arcs(s: Sheet) -> None:
    """Each leaf an ARC and a LINE (the open leaf) in model space on the door layer."""
    (hx, ha), (_, hb) = HINGES
    s.swing((hx, ha), MEET, (hx - LEAF, ha))
    s.swing((hx, hb), (hx - LEAF, hb), MEET)


DRAWN = {"block, leaves open": _block_leaves_open, "block, leaves closed": _block_leaves_closed,
         "loose bulged polylines": _loose_bulges, "loose arcs": _loose_arcs}


@pytest.mark.parametrize("how", list(DRAWN))
def test_a_double_door_is_one_door_both_leaves_wide_joining_the_rooms(tmp_path, how):
    s = Sheet()
    _walls(s)
    DRAWN[how](s)
    plan = read(s, tmp_path)
    # the opening is sealed: two rooms of 20 m² by hand, not one of 40.3
    assert sorted((r.name, round(r.polygon.area, 4)) for r in plan.rooms) == [
        ("HALL", 20.0), ("LOUNGE", 20.0)]
    (door,) = plan.doors
    assert door.width == pytest.approx(2 * LEAF, abs=1e-3)
    at = door.geometry.centroid
    assert (at.x, at.y) == pytest.approx(MEET, abs=1e-3)
    assert door.properties.get("leaves") == 2
    names = {r.id: r.name for r in plan.rooms}
    assert sorted(names[i] for i in door_links(plan)[door.id]) == ["HALL", "LOUNGE"]


def test_two_single_doors_side_by_side_stay_two_doors(tmp_path):
    """Two loose swings in one wall whose closed leaves do not meet (hinged 0.1 m apart,
    both opening the same way) are two doors of one leaf each, not a double door."""
    s = Sheet()
    _walls(s)
    s.swing((5.2, 1.1), (5.2, 1.8), (4.5, 1.1))
    s.swing((5.2, 1.9), (5.2, 2.6), (4.5, 1.9))
    plan = read(s, tmp_path)
    assert sorted(round(d.width, 3) for d in plan.doors) == [LEAF, LEAF]
    assert not any(d.properties.get("leaves") for d in plan.doors)


def test_a_wall_end_aimed_at_the_leaves_meeting_is_not_bridged_to_them(tmp_path):
    """A wall's free end looking ahead into the middle of a doorway its door closes (cut at
    a slant, aimed near where a double door's leaves meet: Johnson Ground Floor's cupboard
    walls and its corridor's doors) meets no wall there; bridged to the seal, it cut a
    sliver of 0.84 m² off the room, and the bridge was reported as a bare opening.

    A CORRIDOR x 0.2-3.2, y 0.2-5.2 (15 m²) and a LOBBY x 0.2-3.2, y 5.4-8.4 (9 m²), the
    wall between them open at x 0.8-2.6 with a double door hung on the corridor's face
    (hinges (0.9, 5.2) and (2.5, 5.2), leaves of 0.8 m meeting at (1.7, 5.2)). A wall
    stub runs from the corridor's east wall at (3.2, 4.0) to (2.5, 4.6), its end 0.92 m
    from the seal at (1.8, 5.2) along its own line: the quadrilateral (3.2, 4.0),
    (2.5, 4.6), (1.8, 5.2), (3.2, 5.2) is 0.84 m² by the shoelace formula."""
    s = Sheet()
    outer = box(0, 0, 3.4, 8.6)
    mass = outer.difference(box(0.2, 0.2, 3.2, 5.2)).difference(box(0.2, 5.4, 3.2, 8.4))
    s.mass(mass.difference(box(0.8, 5.2, 2.6, 5.4)))
    s.line((3.2, 4.0), (2.5, 4.6))
    s.swing((0.9, 5.2), (1.7, 5.2), (0.9, 4.4))
    s.swing((2.5, 5.2), (2.5, 4.4), (1.7, 5.2))
    s.text("CORRIDOR", (1.0, 2.0))
    s.text("LOBBY", (1.0, 7.0))
    plan = read(s, tmp_path)
    assert sorted((r.name, round(r.polygon.area, 4)) for r in plan.rooms) == [
        ("CORRIDOR", 15.0), ("LOBBY", 9.0)]
    (door,) = plan.doors
    assert door.width == pytest.approx(1.6, abs=1e-3)
