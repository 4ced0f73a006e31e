"""A stair with no label, open to one labelled room across a gap nothing is drawn in, is
part of that room: a stair is no room, but the floor of the space it rises from.

The plan (double-line walls 0.1 m thick): a stairwell between wall faces x 0.1-5.1,
y 0.1-3.1; a partition x 3.0-3.1 comes down from the north wall and stops, capped, at
y = 1.2, 1.1 m short of the south wall. The walls pinch the space there and it is parted
across the gap; the part west of it holds the flight (on STAIRS) and no label, the part
east of it the label STAIRWELL. Joined back: 5.0 x 3.0 less the partition's 0.1 x 1.9 =
14.81 m². The same plan with a label in each part stays two rooms: west 2.9 x 3.0 = 8.7 m²,
east 2.0 x 3.0 = 6.0 m² (each to its own face of the partition); so does the plan with no
flight in the west part (an unlabelled room beyond a doorway: a cupboard, say).
"""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from tests.dxf_patterns import Sheet, read


def stairwell(s: Sheet, ox: float, west_label: str | None, flight: bool = True) -> None:
    s.lines([(ox, 0), (ox + 5.2, 0), (ox + 5.2, 3.2), (ox, 3.2), (ox, 0)])
    s.lines([(ox + 0.1, 0.1), (ox + 5.1, 0.1), (ox + 5.1, 3.1), (ox + 3.1, 3.1),
             (ox + 3.1, 1.2), (ox + 3.0, 1.2), (ox + 3.0, 3.1), (ox + 0.1, 3.1), (ox + 0.1, 0.1)])
    for k in range(9 if flight else 0):  # a flight against the north wall
        s.line((ox + 0.5 + 0.25 * k, 2.1), (ox + 0.5 + 0.25 * k, 3.1), "STAIRS")
    if flight:
        s.line((ox + 0.5, 2.1), (ox + 2.5, 2.1), "STAIRS")
    s.text("STAIRWELL", (ox + 3.5, 1.5))
    if west_label:
        s.text(west_label, (ox + 1.0, 1.0))


def test_an_unlabelled_alcove_is_joined_to_the_room_it_opens_onto(tmp_path):
    s = Sheet()
    stairwell(s, 0.0, None)
    plan = read(s, tmp_path)
    (room,) = plan.rooms
    assert room.name == "STAIRWELL"
    assert room.polygon.area == pytest.approx(14.81, abs=1e-6)
    assert room.polygon.contains(Point(1.0, 1.0)) and room.polygon.contains(Point(3.05, 0.5))
    assert room.source == "walls_closed" and room.confidence == "medium"
    assert "a stair with no label of its own" in room.confidence_reason


def test_a_labelled_part_stays_apart(tmp_path):
    s = Sheet()
    stairwell(s, 0.0, "STORE")
    plan = read(s, tmp_path)
    got = sorted((r.name, round(r.polygon.area, 6)) for r in plan.rooms)
    assert got == [("STAIRWELL", 6.0), ("STORE", 8.7)]


def test_an_unlabelled_space_with_no_flight_stays_apart(tmp_path):
    s = Sheet()
    stairwell(s, 0.0, None, flight=False)
    plan = read(s, tmp_path)
    got = sorted((r.name, round(r.polygon.area, 6)) for r in plan.rooms)
    assert got == [("", 8.7), ("STAIRWELL", 6.0)]
