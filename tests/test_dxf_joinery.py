"""Cupboards built as joinery, drawn on a fittings layer (issue 10, holdout finding 3:
Johnson's Jg08c-g).

A run of fitted cupboards stands inside a room's walls, its partitions, front and doors
drawn on ``FITTINGS``, which bounds no room. Each cupboard carries its own numbered label
inside it, stating its area. The cupboards are rooms: the fittings' lines enclose each
round its own label, the label's number is not the room's, its area agrees with the face,
and a door is drawn on it. Where any of these is missing, the fittings stay furniture
and the room holding several rooms' labels stays unsure, as before.

Every drawing is in metres; the expected areas are worked by hand from the faces drawn
(see tests/dxf_patterns.py), never copied from the program.
"""

from __future__ import annotations

import math

from shapely.geometry import box

from tests.dxf_patterns import Sheet, read, rooms_of
from tests.test_dxf_labels_beside import block

FIT = "FITTINGS"


def leaf(s: Sheet, hinge, closed_to, open_to) -> None:
    """A cupboard door on the fittings: the open leaf as a line from the hinge, and its
    swing, the quarter circle from the closed leaf's end to the open leaf's."""
    r = math.dist(hinge, closed_to)
    a = [math.degrees(math.atan2(p[1] - hinge[1], p[0] - hinge[0])) % 360
         for p in (closed_to, open_to)]
    start, end = (a[0], a[1]) if (a[1] - a[0]) % 360 <= 180 else (a[1], a[0])
    s.msp.add_arc(hinge, r, start, end, dxfattribs={"layer": FIT})
    s.line(hinge, open_to, FIT)


def seminar_with_joinery(s: Sheet, doors: bool = True, areas=("1.00 sqm", "1.00 sqm")) -> None:
    """A seminar room between wall faces x 0.1-6.1, y 0.1-4.1 (24 m²), double-line walls.
    Along its south wall, a joinery unit on the fittings: cupboard a between x 0.1 and 1.1,
    y 0.1 and 1.1 (1.0 m²), a partition 0.1 m thick (x 1.1-1.2), cupboard b between x 1.2
    and 2.2 (1.0 m²), an end panel (x 2.2-2.3); each cupboard's front open at y 1.1 across
    its full width, closed (``doors``) by a pair of 0.5 m leaves drawn open, hinged at its
    corners. The room's label in its middle, each cupboard's inside it (its ``areas``)."""
    s.mass(box(0, 0, 6.2, 4.2).difference(box(0.1, 0.1, 6.1, 4.1)))
    for x in (1.1, 1.2, 2.2, 2.3):  # the partition's and the end panel's faces
        s.line((x, 0.1), (x, 1.1), FIT)
    s.line((1.1, 1.1), (1.2, 1.1), FIT)
    s.line((2.2, 1.1), (2.3, 1.1), FIT)
    if doors:
        for x0 in (0.1, 1.2):
            leaf(s, (x0, 1.1), (x0 + 0.5, 1.1), (x0, 1.6))
            leaf(s, (x0 + 1.0, 1.1), (x0 + 0.5, 1.1), (x0 + 1.0, 1.6))
    block(s, 3.5, 2.8, ("Xg01", "Seminar Room", "21.80 sqm"))
    block(s, 0.3, 0.9, ("Xg01a", "Cupboard", areas[0]), height=0.1)
    block(s, 1.4, 0.9, ("Xg01b", "Cupboard", areas[1]), height=0.1)


def test_fitted_cupboards_with_their_own_labels_and_doors_are_rooms(tmp_path):
    s = Sheet()
    seminar_with_joinery(s)
    plan = read(s, tmp_path)
    # the room: 24 less the cupboards (2 x 1.0) and the unit's partition and end panel
    # (2 x 0.1 x 1.0), which are no one's floor
    assert rooms_of(plan) == [("Cupboard", "walls", 1.0), ("Cupboard", "walls", 1.0),
                              ("Seminar Room", "walls", 21.8)]
    by = {r.id: r for r in plan.rooms}
    assert sorted(by) == ["Xg01", "Xg01a", "Xg01b"]
    assert by["Xg01"].confidence == "high"
    for k in ("Xg01a", "Xg01b"):
        assert by[k].confidence == "medium"
        assert "FITTINGS" in by[k].confidence_reason
    assert not any(f.code == "FP010" for f in plan.findings)


def test_without_doors_the_fittings_stay_furniture_and_the_room_is_unsure(tmp_path):
    s = Sheet()
    seminar_with_joinery(s, doors=False)
    plan = read(s, tmp_path)
    assert [r.name for r in plan.rooms] == ["Seminar Room"]
    room = plan.rooms[0]
    assert round(room.polygon.area, 4) == 24.0
    assert room.confidence == "low"  # it holds two other rooms' labels, and says so
    assert sum(f.code == "FP010" for f in plan.findings) == 2


def test_a_label_whose_area_does_not_fit_the_face_parts_nothing_off(tmp_path):
    s = Sheet()
    # cupboard b's label says 3 m²: not the 1.0 m² face it stands in
    seminar_with_joinery(s, areas=("1.00 sqm", "3.00 sqm"))
    plan = read(s, tmp_path)
    names = sorted((r.name, round(r.polygon.area, 4)) for r in plan.rooms)
    assert ("Cupboard", 1.0) in names  # a is read
    assert names.count(("Cupboard", 1.0)) == 1  # b is not
    room = next(r for r in plan.rooms if r.name == "Seminar Room")
    assert room.confidence == "low"


def test_a_desk_on_the_fittings_in_a_room_with_one_label_is_furniture(tmp_path):
    s = Sheet()
    s.mass(box(0, 0, 6.2, 4.2).difference(box(0.1, 0.1, 6.1, 4.1)))
    s.poly([(0.1, 0.1), (1.7, 0.1), (1.7, 0.9), (0.1, 0.9)], FIT, closed=True)
    leaf(s, (3.0, 0.1), (3.5, 0.1), (3.0, 0.6))  # a swing on the fittings, too
    block(s, 3.5, 2.8, ("Xg01", "Office", "24.00 sqm"))
    block(s, 0.5, 0.6, ("Desk",), height=0.1)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("Office", "walls", 24.0)]
