"""Rooms numbered and not named (issue 10 item 3: the fifth holdout's office half-floor
numbers its offices G01-02, G03 and G04 and names none of them). A letter and two digits
also write a sheet's or a detail's reference (``A6``), so such a text names its room only
when the drawing writes a series of them, one alone in each room.

The drawings are in metres; the rooms are 4 x 3 m between wall faces (12 m² each).
"""

from __future__ import annotations

from shapely.geometry import box

from tests.dxf_patterns import Sheet, read


def three_offices(labels: tuple[str, str, str], layer: str = "MISK.Text") -> Sheet:
    """Three rooms side by side, x in [0.1, 4.1], [4.2, 8.2], [8.3, 12.3], y in [0.1, 3.1],
    doors in the two partitions, ``labels`` written one in the middle of each room."""
    s = Sheet()
    walls = box(0, 0, 12.4, 3.2).difference(box(0.1, 0.1, 12.3, 3.1))
    for x in (4.1, 8.2):
        walls = walls.union(box(x, 0.1, x + 0.1, 1.1)).union(box(x, 2.0, x + 0.1, 3.1))
    s.mass(walls)
    s.door((4.1, 1.1), rotation=90)
    s.door((8.2, 1.1), rotation=90)
    for x, label in zip((2.0, 6.1, 10.2), labels, strict=True):
        if label:
            s.text(label, (x, 1.6), layer=layer)
    return s


def names_by_x(plan) -> list[tuple[float, str]]:
    return sorted((round(r.polygon.centroid.x, 2), r.name) for r in plan.rooms)


def test_a_series_of_room_numbers_names_the_rooms(tmp_path):
    # G01, G02, G03 read as a sheet's reference each, one by one: a series of them, one alone
    # in each room, numbers the rooms
    plan = read(three_offices(("G01", "G02", "G03")), tmp_path)
    assert names_by_x(plan) == [(2.1, "G01"), (6.2, "G02"), (10.3, "G03")]
    assert {round(r.polygon.area, 4) for r in plan.rooms} == {12.0}


def test_a_lone_reference_names_no_room(tmp_path):
    # one 'A6' in a drawing that numbers nothing else is a mark of the drawing, no room's name
    plan = read(three_offices(("KITCHEN", "A6", "")), tmp_path)
    assert names_by_x(plan) == [(2.1, "KITCHEN"), (6.2, ""), (10.3, "")]


def test_numbers_of_two_kinds_are_no_series(tmp_path):
    # the numbers on three layers are no one kind of text: no series, so no names
    s = three_offices(("G01", "", ""))
    s.text("G02", (6.1, 1.6), layer="NOTES")
    s.text("G03", (10.2, 1.6), layer="GRID")
    assert [n for _, n in names_by_x(read(s, tmp_path))] == ["", "", ""]
