"""Bi-fold doors drawn folded, with no swing (issue 10 item 5, the fifth holdout's house:
each closet's front is two or four leaves drawn as V's between its jambs, and the closets
were read with their bedrooms).

The drawings are in metres; every area is worked by hand from the coordinates.
"""

from __future__ import annotations

import numpy as np
from shapely.geometry import box

from floorplan.io.dxf.doors.folding import folding_doors, pairs_of_leaves
from tests.dxf_patterns import Sheet, read


def v(s: Sheet, y0: float, layer: str = "A-DOOR", x: float = 0.9, depth: float = 0.25,
      span: float = 0.4) -> None:
    """A pair of leaves folded into the room east of the track x = ``x``: feet at y0 and
    y0 + span, the fold ``depth`` east of the track (leaves of hypot(0.2, 0.25) = 0.32 m)."""
    s.line((x, y0), (x + depth, y0 + span / 2), layer)
    s.line((x + depth, y0 + span / 2), (x, y0 + span), layer)


def closet_plan(layer: str = "A-DOOR", north_stub: bool = True) -> Sheet:
    """A bedroom (x 0.9..4.1) and its closet (x 0.1..0.8), both y 0.1..3.1, parted by a
    0.1 m partition x 0.8..0.9 that stands only at the ends (y 0.1..0.3 and 2.9..3.1): the
    closet's 2.6 m front, four leaves a pair folded back to each jamb (feet y 0.3..0.7,
    0.75..1.15 and 2.05..2.45, 2.5..2.9), the middle 0.9 m drawn open. ``north_stub``:
    without it the front runs into an open room (no jamb north)."""
    s = Sheet()
    walls = box(0, 0, 4.2, 3.2).difference(box(0.1, 0.1, 4.1, 3.1)).union(box(0.8, 0.1, 0.9, 0.3))
    if north_stub:
        walls = walls.union(box(0.8, 2.9, 0.9, 3.1))
    s.mass(walls)
    for y0 in (0.3, 0.75, 2.05, 2.5):
        v(s, y0, layer)
    s.text("BEDROOM", (2.5, 1.6))
    s.text("CLOSET", (0.45, 1.6), height=0.1)
    return s


def test_a_bifold_front_parts_the_closet_from_its_bedroom(tmp_path):
    plan = read(closet_plan(), tmp_path)
    rooms = sorted((r.name, round(r.polygon.area, 4)) for r in plan.rooms)
    # the bedroom 3.2 x 3.0 to the track; the closet 0.7 x 3.0 to its wall face (the
    # opening's reveal, x 0.8..0.9, left out as wall, as a door's is)
    assert rooms == [("BEDROOM", 9.6), ("CLOSET", 2.1)]
    fold = [d for d in plan.doors if d.properties.get("from") == "folding"]
    assert len(fold) == 1 and abs(fold[0].width - 2.6) < 1e-6
    assert any("1 folding doors" in n for n in plan.notes)


def test_leaves_off_a_door_layer_make_no_door(tmp_path):
    # the same V's on a furniture layer: a chair's outline, no door; the closet stays open
    plan = read(closet_plan(layer="A-FURN"), tmp_path)
    assert not [d for d in plan.doors if d.properties.get("from") == "folding"]
    assert len(plan.rooms) == 1


def test_a_track_that_meets_no_wall_at_one_end_is_no_door():
    # the feet end 0.3 m short of any wall: a door fills its opening from jamb to jamb
    walls = [np.array([[0.0, 0.0], [3.0, 0.0]])]
    leaves = []
    for y0 in (0.05, 0.5):
        leaves += [np.array([[1.0, y0], [1.25, y0 + 0.2]]), np.array([[1.25, y0 + 0.2], [1.0, y0 + 0.4]])]
    # two V's, and the upturned V their meeting feet make between them
    assert sorted(round(float(vee[2][0]), 3) for vee in pairs_of_leaves(leaves)) == [1.0, 1.25, 1.25]
    assert folding_doors(leaves, walls) == []  # north end at y 0.9: nothing within 0.15 m
    walls.append(np.array([[0.0, 1.0], [3.0, 1.0]]))
    assert [f.width for f in folding_doors(leaves, walls)] == [1.0]


def test_a_wall_between_two_fronts_parts_two_doors():
    # two closets side by side, a pier y 1.0..1.2 between their fronts on one track
    walls = [np.array([[0.0, 0.0], [3.0, 0.0]]), np.array([[0.0, 2.2], [3.0, 2.2]]),
             np.array([[0.9, 1.0], [1.0, 1.0], [1.0, 1.2], [0.9, 1.2], [0.9, 1.0]])]
    leaves = []
    for y0 in (0.05, 0.55, 1.25, 1.75):
        leaves += [np.array([[1.0, y0], [1.25, y0 + 0.2]]), np.array([[1.25, y0 + 0.2], [1.0, y0 + 0.4]])]
    doors = sorted((round(f.a[1], 3), round(f.b[1], 3)) for f in folding_doors(leaves, walls))
    assert [sorted(d) for d in doors] == [[0.0, 1.0], [1.2, 2.2]]


def test_the_same_linework_is_searched_once(monkeypatch):
    # the module's example: four V's between two walls 2 m apart, one door of 2.0 m at
    # (1.0, 1.0). Read again with the same lines (a second reading of the walls) the V's are
    # not looked for again, and the doors are the same; with the walls moved the V's are
    # the same but the door is looked for anew: the walls 2.4 m apart (y -0.2 and 2.2) lie
    # 0.25 m past the track's ends (it runs y 0.05..1.95), beyond its reach of 0.15 m: no door
    from floorplan.io.dxf.doors import folding

    calls = {"vees": 0, "doors": 0}
    real_vees, real_doors = folding.pairs_of_leaves, folding._found

    def vees(lines):
        calls["vees"] += 1
        return real_vees(lines)

    def doors(vs, walls):
        calls["doors"] += 1
        return real_doors(vs, walls)

    monkeypatch.setattr(folding, "pairs_of_leaves", vees)
    monkeypatch.setattr(folding, "_found", doors)
    monkeypatch.setattr(folding, "_VEES", {})
    monkeypatch.setattr(folding, "_DOORS", {})

    def leaves():
        out = []
        for y in (0.05, 0.5, 1.1, 1.55):
            out += [np.array([[1.0, y], [1.3, y + 0.2]]), np.array([[1.3, y + 0.2], [1.0, y + 0.4]])]
        return out

    walls = [np.array([[0.0, 0.0], [3.0, 0.0]]), np.array([[0.0, 2.0], [3.0, 2.0]])]
    first = folding_doors(leaves(), walls)
    again = folding_doors(leaves(), [w.copy() for w in walls])
    assert [(f.width, f.middle) for f in first] == [(2.0, (1.0, 1.0))] and again == first
    assert calls == {"vees": 1, "doors": 1}
    apart = [np.array([[0.0, -0.2], [3.0, -0.2]]), np.array([[0.0, 2.2], [3.0, 2.2]])]
    assert folding_doors(leaves(), apart) == []
    assert calls == {"vees": 1, "doors": 2}
