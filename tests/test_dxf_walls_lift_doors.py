"""A lift's landing doors drawn shut in its shaft's opening, on the lift's layer: the
opening is the shaft's door, and the lift is a room of its own (issue 10).

A lift's doors with their frames are wider than a room's door (A1325PE_3's: 1.59 m
between the shaft wall's jambs, the car's doors and frames drawn on the CI/SfB (66)
transport layer ``A66----``): wider than a door's opening between jambs (1.3 m) and
than a gap the reader closes where nothing seals it (1.2 m), and drawn on no wall, door
or glazing layer. Before, nothing sealed the opening, and the lift was read as part of
the corridor in front of it ('Gang', 53.3 + 4.1 m²).

The plan (metres, hand-drawn, double-line walls 0.2 thick): a lobby x 0.2-2.8,
y 0.2-3.0 (2.6 x 2.8 = 7.28 m²) and above it a lift shaft x 0.2-2.8, y 3.2-5.2
(2.6 x 2.0 = 5.2 m²), the wall between them (y 3.0-3.2) open between jambs at x 0.5 and
2.1 (1.6 m). In the opening, on the lift layer: a frame of 0.2 m at each jamb (closed
outlines, x 0.5-0.7 and 1.9-2.1, y 3.05-3.15) and the doors between them (x 0.65-1.95,
y 3.08-3.12). The car stands in the shaft (x 0.35-2.65, y 3.35-5.05, an X across it),
on the lift layer too. By hand, the opening sealed on both faces of the wall:

- LOBBY = 7.28 m², LIFT = 5.2 m² (the opening's reveal, 1.6 x 0.2, is wall);
- one door, 1.6 m wide (the opening between the jambs), between them;
- the same lines on a furniture layer say nothing of the opening: one space holding
  both labels, 7.28 + 5.2 + 0.32 = 12.8 m², read as one room.
"""

from __future__ import annotations

import pytest
from shapely.geometry import box
from shapely.ops import unary_union

from tests.dxf_patterns import Sheet, assert_room, read


def lift_plan(s: Sheet, layer: str) -> None:
    """The plan of the module's text, the lift's doors and car on ``layer``."""
    rooms = [box(0.2, 0.2, 2.8, 3.0), box(0.2, 3.2, 2.8, 5.2)]
    opening = box(0.5, 3.0, 2.1, 3.2)
    s.mass(box(0, 0, 3.0, 5.4).difference(unary_union([*rooms, opening])))
    for x0, x1 in ((0.5, 0.7), (1.9, 2.1)):  # the door frames at the jambs
        s.poly([(x0, 3.05), (x1, 3.05), (x1, 3.15), (x0, 3.15)], layer, closed=True)
    s.poly([(0.65, 3.08), (1.95, 3.08), (1.95, 3.12), (0.65, 3.12)], layer, closed=True)
    s.poly([(0.35, 3.35), (2.65, 3.35), (2.65, 5.05), (0.35, 5.05)], layer, closed=True)
    s.line((0.35, 3.35), (2.65, 5.05), layer)
    s.line((0.35, 5.05), (2.65, 3.35), layer)
    s.text("LOBBY", (1.0, 1.5))
    s.text("LIFT", (1.0, 4.6))


@pytest.mark.parametrize("layer", ["A-LIFT", "A66----"])
def test_a_lifts_doors_drawn_shut_close_its_shaft(tmp_path, layer):
    s = Sheet()
    lift_plan(s, layer)
    plan = read(s, tmp_path)
    got = {r.name: r for r in plan.rooms}
    assert sorted(got) == ["LIFT", "LOBBY"]
    assert_room(got, "LOBBY", 7.28, (0.2, 0.2, 2.8, 3.0))
    assert_room(got, "LIFT", 5.2, (0.2, 3.2, 2.8, 5.2))
    # the opening is read as a door (a way in), not a window, and is the plan's one door:
    # 1.6 m wide, between the lobby and the lift
    assert any("1 doors, 0 windows" in n for n in plan.notes)
    assert len(plan.doors) == 1
    assert plan.doors[0].width == pytest.approx(1.6, abs=1e-6)
    assert plan.doors[0].properties["from"] == "lift"
    assert any("1 lifts' doors" in n for n in plan.notes)


def test_the_same_lines_on_a_furniture_layer_close_nothing(tmp_path):
    s = Sheet()
    lift_plan(s, "A-FURN")
    plan = read(s, tmp_path)
    assert len(plan.rooms) == 1
    (room,) = plan.rooms
    assert room.polygon.area == pytest.approx(7.28 + 5.2 + 1.6 * 0.2, abs=1e-6)
