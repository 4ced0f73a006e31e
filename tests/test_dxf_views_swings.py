"""Door swings drawn beside walls that run on unbroken across the opening (a JW-CAD
plan's) are evidence that a view is a floor plan (floorplan/io/dxf/views/swings.py).

The sheets are built in metres from tests/dxf_patterns.py; the plan's rooms are 4 x 3 m
between wall faces (12 m² each, worked by hand there).
"""

from __future__ import annotations

import math
import re

import numpy as np

from floorplan.io import dxf
from floorplan.io.dxf.collect.prims import Prim
from floorplan.io.dxf.views.swings import swing_hinges
from tests.dxf_patterns import Sheet, two_rooms_mass


def unbroken_plan(s: Sheet, layer: str = "Layer 1") -> None:
    """Two rooms (x 0.1-4.1 and 4.2-8.2, y 0.1-3.1) whose walls' faces run on unbroken,
    no label; a door in the partition drawn as its swing (radius 0.8 about a hinge on the
    partition's centre line at (4.15, 1.0), from (4.15, 1.8) into the west room to
    (3.35, 1.0)) and its leaf closed along the centre line, on the walls' own layer."""
    s.mass(two_rooms_mass(door=None), layer=layer)
    s.msp.add_arc((4.15, 1.0), 0.8, 90, 180, dxfattribs={"layer": layer})
    s.line((4.15, 1.0), (4.15, 1.8), layer)


def paned_elevation(s: Sheet, ox: float, oy: float, layer: str = "Layer 1") -> None:
    """A flat-roofed front 10 x 3 m with four windows of two panes each (0.5 x 1.2 m, a
    50 mm mullion between them): nine closed spaces, more than the plan's two."""
    s.poly([(ox, oy), (ox + 10, oy), (ox + 10, oy + 3), (ox, oy + 3)], layer, closed=True)
    for x0 in (1.0, 3.5, 6.0, 8.0):
        for dx in (0.0, 0.55):
            x = ox + x0 + dx
            s.poly([(x, oy + 1.0), (x + 0.5, oy + 1.0), (x + 0.5, oy + 2.2), (x, oy + 2.2)],
                   layer, closed=True)


def test_plan_with_swings_beside_unbroken_walls_read_over_an_elevation(tmp_path):
    s = Sheet()
    unbroken_plan(s)
    paned_elevation(s, 0.0, -10.0)   # 6.9 m below the plan: a view of its own
    plan = dxf.read(s.save(tmp_path / "sheet.dxf"))
    assert sorted((round(r.polygon.area, 4), r.polygon.bounds) for r in plan.rooms) == [
        (12.0, (0.1, 0.1, 4.1, 3.1)), (12.0, (4.2, 0.1, 8.2, 3.1))]
    notes = "\n".join(plan.notes)
    assert re.search(r"^the sheet holds 2 views: read 1$", notes, re.M)
    assert re.search(r"^view 2 \(10 x 3 m at \(0, -10\); 8 rooms.* set aside", notes, re.M)


def _arc(centre, r, a0, a1, uid=1):
    t = np.radians(np.linspace(a0, a1, 13))
    c = np.asarray(centre, dtype=float)
    pts = c + r * np.column_stack([np.cos(t), np.sin(t)])
    ends = (tuple(pts[0]), tuple(pts[-1]))
    return Prim(uid, "ARC", "0", str(uid), pts, extra={"center": tuple(c), "radius": r, "ends": ends})


def _line(a, b, uid=100):
    return Prim(uid, "LINE", "0", str(uid), np.array([a, b], dtype=float))


def test_a_swing_needs_its_leaf_a_quarter_turn_and_a_doors_radius():
    arc = _arc((0, 0), 0.8, 90, 180)                       # (0, 0.8) round to (-0.8, 0)
    open_leaf = _line((0, 0), (0, 0.8))                    # hinge to the arc's first end
    closed_leaf = _line((-0.8, 0.0), (0, 0))               # the other end, drawn backwards
    assert swing_hinges([arc], [open_leaf]).tolist() == [[0.0, 0.0]]
    assert swing_hinges([arc], [closed_leaf]).tolist() == [[0.0, 0.0]]
    assert swing_hinges([arc], []).shape == (0, 2)                       # no leaf: a curve
    assert len(swing_hinges([arc], [_line((0, 0), (0, 0.6))])) == 0       # leaf 25 % short
    assert len(swing_hinges([arc], [_line((0.3, 0), (0.3, 0.8))])) == 0   # not from the centre
    half = _arc((0, 0), 0.8, 0, 180)                                     # a half turn: no door
    assert len(swing_hinges([half], [_line((0, 0), (0.8, 0))])) == 0
    small = _arc((0, 0), 0.3, 90, 180)                                   # 0.3 m: a cupboard's
    assert len(swing_hinges([small], [_line((0, 0), (0, 0.3))])) == 0
    assert math.isclose(0.8 * 0.12, 0.096)  # the leaf's reach: LEAF_REACH of the radius


def test_rooms_of_a_plan_whose_only_doors_are_unplaced_swings_are_unsure(tmp_path):
    """No door is read in a wall and no label names a room: the reader cannot tell a room
    from part of one cut off by fittings drawn with the walls, and says so."""
    s = Sheet()
    unbroken_plan(s)
    plan = dxf.read(s.save(tmp_path / "sheet.dxf"))
    assert {r.confidence for r in plan.rooms} == {"low"}
    assert any(n.startswith("the plan's doors are drawn only as swings beside walls that run "
                            "on unbroken across their openings (1 in view 1)") for n in plan.notes)


def test_a_labelled_plan_with_unplaced_swings_is_not_put_in_doubt(tmp_path):
    s = Sheet()
    unbroken_plan(s)
    s.text("BEDROOM", (1.5, 2.0))
    s.text("KITCHEN", (6.1, 2.0))
    plan = dxf.read(s.save(tmp_path / "sheet.dxf"))
    assert {r.name for r in plan.rooms} == {"BEDROOM", "KITCHEN"}
    assert "low" not in {r.confidence for r in plan.rooms}
    assert not any("drawn only as swings" in n for n in plan.notes)
