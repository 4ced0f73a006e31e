"""A second drawing of the same floor on a sheet (an electrical plan) is no second floor.

The sheets are built in metres from tests/dxf_patterns.py: two_room_plan's rooms are 4 x 3 m
between wall faces, 12 m² each (worked by hand there). The linework shares below are
worked by hand from the lines drawn.
"""

from __future__ import annotations

import re

import numpy as np

from floorplan.io import dxf
from floorplan.io.dxf.views.copies import copy_of, labels_repeat, share_on, shift_between
from tests.dxf_patterns import Sheet, two_room_plan


def read(sheet: Sheet, tmp_path, **kw):
    return dxf.read(sheet.save(tmp_path / "sheet.dxf"), **kw)


def notes(plan, pattern: str) -> list[str]:
    return [n for n in plan.notes if re.search(pattern, n)]


def _sockets(s: Sheet, ox: float, oy: float) -> None:
    """An electrical plan's symbols in two_room_plan's rooms at (ox, oy): four sockets
    (a 0.2 m bar on the wall face and a 0.1 m stub), a light in each room (a 0.3 m cross)."""
    for x, y in ((0.6, 0.1), (3.5, 0.1), (4.8, 0.1), (7.6, 0.1)):
        s.line((ox + x - 0.1, oy + y + 0.05), (ox + x + 0.1, oy + y + 0.05), layer="E-POWER")
        s.line((ox + x, oy + y + 0.05), (ox + x, oy + y + 0.15), layer="E-POWER")
    for x in (2.1, 6.2):
        s.line((ox + x - 0.15, oy + 1.6), (ox + x + 0.15, oy + 1.6), layer="E-LIGHT")
        s.line((ox + x, oy + 1.45), (ox + x, oy + 1.75), layer="E-LIGHT")


def test_an_electrical_copy_below_the_plan_is_set_aside_and_its_rooms_not_doubled(tmp_path):
    s = Sheet()
    # view 1 (the upper one, numbered first): the same walls and door again, with sockets
    # and lights, naming no room; view 2 below it: the plan, both rooms named
    two_room_plan(s, 0, 12, names=())
    _sockets(s, 0, 12)
    two_room_plan(s, 0, 0)
    plan = read(s, tmp_path)
    assert sorted((r.name, round(r.polygon.area, 4), r.level) for r in plan.rooms) == [
        ("BEDROOM", 12.0, 0.0), ("KITCHEN", 12.0, 0.0)]
    (why,) = notes(plan, r"^view 1 .* set aside: a second drawing of view 2's floor")
    # moved 12 m up; view 2's walls, door and all, lie on view 1's (the whole of them)
    assert "moved (0.00, 12.00) m" in why and "100%" in why
    assert "its labels naming more rooms" in why
    assert not notes(plan, r"levels|side by side")
    assert not any(f.code == "FP012" for f in plan.findings)


def test_a_copy_that_repeats_a_label_in_place_is_still_a_copy(tmp_path):
    s = Sheet()
    two_room_plan(s, 0, 0)
    two_room_plan(s, 0, -12, names=())
    _sockets(s, 0, -12)
    s.text("KITCHEN", (6.1, -10.0))  # view 1's label, 12 m down: the same place
    plan = read(s, tmp_path)
    assert sorted(r.name for r in plan.rooms) == ["BEDROOM", "KITCHEN"]
    assert {r.level for r in plan.rooms} == {0.0}
    assert notes(plan, r"^view 2 .* set aside: a second drawing of view 1's floor.*more rooms")


def test_a_floor_above_with_the_same_walls_but_its_own_names_stays_a_level(tmp_path):
    # the same walls 20 m apart, untitled: the floors of a house with one room over another,
    # each naming its own rooms, are levels as before (the flat over the kitchen)
    s = Sheet()
    two_room_plan(s, 0, 0, names=("KITCHEN", "LIVING ROOM"))
    two_room_plan(s, 20, 0, names=("BEDROOM 1", "BATHROOM"))
    plan = read(s, tmp_path)
    assert {r.name: r.level for r in plan.rooms} == {
        "KITCHEN": 0.0, "LIVING ROOM": 0.0, "BEDROOM 1": 1.0, "BATHROOM": 1.0}
    assert notes(plan, r"2 plans side by side: read as levels 0-1")
    assert not notes(plan, r"second drawing")


def _ring(x0, y0, x1, y1):
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]], dtype=float)


def test_shift_and_share_by_hand():
    room = [_ring(0, 0, 4, 3), np.array([[2.5, 0.0], [2.5, 3.0]])]     # 14 + 3 = 17 m
    # the copy drawn the other way round and as separate lines, 30 m right, with a 1 m note
    # leader added (not on the plan): 17 of its 18 m lie on the plan's
    copy = [np.array([[34.0, 3.0], [30.0, 3.0]]), np.array([[30.0, 3.0], [30.0, 0.0]]),
            np.array([[30.0, 0.0], [34.0, 0.0]]), np.array([[34.0, 0.0], [34.0, 3.0]]),
            np.array([[32.5, 3.0], [32.5, 0.0]]), np.array([[35.0, 4.0], [35.6, 4.8]])]
    from floorplan.io.dxf.views.copies import segments
    a, b = segments(room), segments(copy)
    shift, votes = shift_between(a, b)
    assert np.allclose(shift, (30.0, 0.0)) and votes >= 5
    assert share_on(a, b, shift) == 1.0
    assert abs(share_on(b, a, -shift) - 17 / 18) < 1e-9
    # a partition 0.05 m off (more than a drawing's precision): its 3 m are not on the plan
    moved = [room[0], np.array([[2.55, 0.0], [2.55, 3.0]])]
    _, share = copy_of(room, moved)
    assert abs(share - 14 / 17) < 1e-9
    # nothing alike: a 10 x 10 m square against the 4 x 3 m room shares no line
    assert copy_of(room, [_ring(0, 0, 10, 10)])[1] == 0.0


def test_labels_repeat_by_hand():
    plan = [(1.5, 2.0, "BEDROOM"), (6.1, 2.0, "KITCHEN")]
    shift = np.array([0.0, -12.0])
    assert labels_repeat([], plan, shift)                                  # names no room
    assert labels_repeat([(6.1, -10.0, "kitchen ")], plan, shift)          # the same, in place
    assert labels_repeat([(6.4, -9.7, "KITCHEN")], plan, shift)            # 0.3 m off: in place
    assert not labels_repeat([(1.5, -10.0, "KITCHEN")], plan, shift)      # where the bedroom was
    assert not labels_repeat([(6.1, -10.0, "BEDROOM 2")], plan, shift)    # a name of its own


def test_floors_drawn_one_above_the_other_are_said_so(tmp_path):
    # the same two floors 20 m apart up the sheet, not across it: the note says how they lie
    # and which view is which level (the views are numbered top to bottom here)
    s = Sheet()
    two_room_plan(s, 0, 0, names=("KITCHEN", "LIVING ROOM"))
    two_room_plan(s, 0, 20, names=("BEDROOM 1", "BATHROOM"))
    plan = read(s, tmp_path)
    assert notes(plan, r"^the sheet holds 2 plans one above the other: read as levels 0-1, "
                       r"view 1 level 0, view 2 level 1$")
    assert {r.name: r.level for r in plan.rooms} == {
        "BEDROOM 1": 0.0, "BATHROOM": 0.0, "KITCHEN": 1.0, "LIVING ROOM": 1.0}
