"""Rooms beside the author's outlines, and outlines closed by a line of their own layer.

The walls are :func:`~tests.dxf_patterns.two_rooms_mass` with no opening in the partition:
room A x 0.1..4.1, room B x 4.2..8.2, both y 0.1..3.1 (4 x 3 = 12 m² each, by hand)."""

from __future__ import annotations

import pytest

from tests.dxf_patterns import Sheet, read, two_rooms_mass

ROOM = "Room - Bedroom"
A = [(0.1, 0.1), (4.1, 0.1), (4.1, 3.1), (0.1, 3.1)]


def _walls(s: Sheet) -> None:
    s.mass(two_rooms_mass(door=None))


def _by_name(plan) -> dict:
    return {r.name: r for r in plan.rooms}


def test_a_label_no_outline_holds_is_read_from_the_walls(tmp_path):
    s = Sheet()
    _walls(s)
    s.poly(A, layer=ROOM, closed=True)
    s.text("BEDROOM", (1.5, 2.0))
    s.text("KITCHEN", (6.1, 2.0))  # in room B, which the author never outlined
    plan = read(s, tmp_path)
    rooms = _by_name(plan)
    assert sorted(rooms) == ["BEDROOM", "KITCHEN"]
    assert rooms["BEDROOM"].source == "outline"
    assert rooms["BEDROOM"].polygon.area == pytest.approx(12.0, abs=1e-6)
    assert rooms["KITCHEN"].source != "outline"
    assert rooms["KITCHEN"].polygon.area == pytest.approx(12.0, abs=1e-3)
    assert rooms["KITCHEN"].polygon.bounds == pytest.approx((4.2, 0.1, 8.2, 3.1), abs=1e-3)
    assert not [f for f in plan.findings if f.code == "FP010"]


def test_no_loose_label_no_wall_room(tmp_path):
    # room B enclosed by the walls but named by nothing: the author's outline is the plan
    s = Sheet()
    _walls(s)
    s.poly(A, layer=ROOM, closed=True)
    s.text("BEDROOM", (1.5, 2.0))
    plan = read(s, tmp_path)
    assert [r.name for r in plan.rooms] == ["BEDROOM"]


def test_a_wall_room_over_an_outline_is_not_added(tmp_path):
    # the outline covers room A's west half only (x 0.1..2.1, 6 m²); a label in the east
    # half lies in no outline, but the wall room round it is room A, half of it outlined
    s = Sheet()
    _walls(s)
    s.poly([(0.1, 0.1), (2.1, 0.1), (2.1, 3.1), (0.1, 3.1)], layer=ROOM, closed=True)
    s.text("BEDROOM", (1.0, 2.0))
    s.text("KITCHEN", (3.2, 2.0))
    plan = read(s, tmp_path)
    assert [r.name for r in plan.rooms] == ["BEDROOM"]
    assert plan.rooms[0].polygon.area == pytest.approx(6.0, abs=1e-6)


def test_an_open_outline_closed_by_a_line_on_its_layer(tmp_path):
    s = Sheet()
    s.poly(A, layer=ROOM)  # open: its west edge (3 m) missing
    s.line((0.1, 3.1), (0.1, 0.1), layer=ROOM)  # drawn as a LINE, end to end
    s.text("BEDROOM", (1.5, 2.0))
    plan = read(s, tmp_path)
    assert [r.name for r in plan.rooms] == ["BEDROOM"]
    assert plan.rooms[0].polygon.area == pytest.approx(12.0, abs=1e-6)
    assert not [f for f in plan.findings if f.code == "FP001"]


@pytest.mark.parametrize("layer, b", [("A-WALL", (0.1, 0.1)),  # another layer's line
                                      (ROOM, (0.1, 1.5))])  # meets one end only
def test_an_open_outline_not_closed_by_another_line(tmp_path, layer, b):
    s = Sheet()
    s.poly(A, layer=ROOM)
    s.line((0.1, 3.1), b, layer=layer)
    s.text("BEDROOM", (1.5, 2.0))
    plan = read(s, tmp_path, require_rooms=False)
    assert [f.code for f in plan.findings if f.code == "FP001"] == ["FP001"]
    assert not [r for r in plan.rooms if r.source == "outline"]
