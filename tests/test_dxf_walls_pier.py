"""A pier between two doorways, drawn as its own closed outline: wall, not a room.

In a drawing that labels nothing, a space no door leads into is only doubted (it may be
an open hall), unless the drawing's doors lead into most of its spaces, a door butts
against the space (its symbol touches the outline, leading into nothing) and the space
is no wider than a thick wall (floorplan/io/dxf/walls/entries.py ``MASS_WIDTH``, 0.9 m): then it
is the wall's own mass, the pier between two doorways.

The plan (metres, no text): rooms A (x 0.1..4.1) and B (x 4.1 + t..8.1 + t), both y
0.1..5.1 (20 m² between wall faces), outer walls 0.1 thick, the partition between them t
thick, drawn as the outline of the wall mass (tests/dxf_patterns.py ``Sheet.mass``).
Two doorways cross the partition: y 0.3..1.2 with a door hung on A's face at (4.1, 0.3),
and y 4.0..4.9 with a door hung on B's face at (4.1 + t, 4.9); between them stands the
pier, t x 2.8 m (the partition's ends beyond the doorways, 0.2 m long, are wall band). Each door closes its doorway along the face it is hung on; the
doorway's depth (t x 0.9) is its reveal, wall, so the room on the other side ends at its
own face too (floorplan/io/dxf/walls/reveals.py):

- t = 0.55 (a thick wall; its doorways' jambs are 0.55 m long): A = B = 4 x 5 = 20 m²;
  the pier, 0.55 x 2.8 = 1.54 m², is no room (1.5 m² in the note);
- t = 1.0: A = B = 20 m²; the pier, 1.0 x 2.8 = 2.8 m², is wider than
  a wall and stays, at low confidence (it may be solid).
"""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box
from shapely.ops import unary_union

from tests.dxf_patterns import Sheet, read


def pier_plan(s: Sheet, t: float) -> None:
    rooms = [box(0.1, 0.1, 4.1, 5.1), box(4.1 + t, 0.1, 8.1 + t, 5.1)]
    doorways = [box(4.1, 0.3, 4.1 + t, 1.2), box(4.1, 4.0, 4.1 + t, 4.9)]
    s.mass(box(0, 0, 8.2 + t, 5.2).difference(unary_union(rooms + doorways)))
    s.swing((4.1, 0.3), (4.1, 1.2), (3.2, 0.3))              # into A
    s.swing((4.1 + t, 4.9), (4.1 + t, 4.0), (5.0 + t, 4.9))  # into B


def _plan(tmp_path, t):
    s = Sheet()
    pier_plan(s, t)
    return read(s, tmp_path)


def test_a_pier_as_thick_as_a_wall_is_no_room(tmp_path):
    plan = _plan(tmp_path, 0.55)
    assert sorted((round(r.polygon.area, 4), r.confidence) for r in plan.rooms) == [
        (20.0, "high"), (20.0, "high")]
    assert not any(r.polygon.contains(Point(4.1 + 0.275, 2.6)) for r in plan.rooms)
    assert any("left out as solid" in n and "1.5 m²" in n for n in plan.notes)


def test_a_space_wider_than_a_wall_with_no_way_in_is_kept_but_doubted(tmp_path):
    from floorplan.io.dxf.walls.entries import UNSURE_SOLID

    plan = _plan(tmp_path, 1.0)
    got = sorted((round(r.polygon.area, 4), r.confidence) for r in plan.rooms)
    assert got == [(2.8, "low"), (20.0, "high"), (20.0, "high")]
    (pier,) = [r for r in plan.rooms if r.confidence == "low"]
    assert pier.polygon.contains(Point(4.6, 2.6))
    assert UNSURE_SOLID in pier.confidence_reason


@pytest.mark.parametrize("t", [0.55, 1.0])
def test_the_doors_lead_from_room_to_room(tmp_path, t):
    plan = _plan(tmp_path, t)
    a = [r for r in plan.rooms if r.polygon.contains(Point(2.0, 2.6))]
    b = [r for r in plan.rooms if r.polygon.contains(Point(6.0 + t, 2.6))]
    assert len(a) == len(b) == 1 and a[0] is not b[0]
