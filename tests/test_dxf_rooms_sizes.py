"""A room that washes too small to be one (issue 10 item 7, the fifth holdout's house: the
master bath's shower, walled in by a glazed screen drawn as two lines, was read as a
'SHOWER' room of 1.24 m² and counted as a second bathroom).

The drawings are in metres; the areas are worked by hand from the coordinates.
"""

from __future__ import annotations

import pytest

from floorplan.io.dxf.rooms.sizes import SMALLEST_WASHROOM
from tests.dxf_patterns import Sheet, read


def outlined(rooms: list[tuple[str, tuple[float, float, float, float]]]) -> Sheet:
    """Each room a closed outline on the room layer A-AREA with its name in the middle."""
    s = Sheet()
    for name, (x0, y0, x1, y1) in rooms:
        s.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], "A-AREA", closed=True)
        s.text(name, ((x0 + x1) / 2, (y0 + y1) / 2), height=0.1, layer="A-AREA-IDEN")
    return s


def test_a_shower_of_a_cubicles_size_is_doubted(tmp_path):
    # a 1.0 x 1.2 m 'SHOWER' (1.2 m²) beside a 2.5 x 2.0 m bathroom (5 m²): the cubicle, not
    # a second room that washes
    plan = read(outlined([("BATHROOM", (0, 0, 2.5, 2.0)), ("SHOWER", (2.6, 0, 3.6, 1.2))]), tmp_path)
    by = {r.name: r for r in plan.rooms}
    assert round(by["SHOWER"].polygon.area, 4) == 1.2 < SMALLEST_WASHROOM
    assert by["SHOWER"].confidence == "low"
    assert "1.20 m², too small for a shower room" in by["SHOWER"].confidence_reason
    assert by["BATHROOM"].confidence != "low"
    assert plan.findings and any(f.code == "FP009" and "SHOWER" in f.message for f in plan.findings)


@pytest.mark.parametrize("name, box, low", [
    ("SHOWER", (0, 0, 1.6, 1.5), False),   # 2.4 m²: a small shower room
    ("WC", (0, 0, 0.9, 1.3), False),       # 1.17 m²: a WC compartment is a room
    ("BATHROOM", (0, 0, 1.2, 1.2), True),  # 1.44 m²: no bath fits with room to use it
])
def test_only_rooms_that_wash_are_judged_by_size(tmp_path, name, box, low):
    room = read(outlined([(name, box)]), tmp_path).rooms[0]
    assert (room.confidence == "low") is low
