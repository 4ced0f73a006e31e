"""A flight belongs to the stairwell it rises from, not to the small labelled room beside
or under it that nothing drawn parts from it (a flight's lines bound no room).

The plan (double-line walls 0.1 m thick): wall faces x 0.1-6.1, y 0.1-3.1; a partition
x 2.0-2.1 comes down from the north wall and stops, capped, at y = 1.1, 1.0 m short of
the south wall, so the space is closed across that gap (on both faces of the partition)
into a landing west of it, x 0.1-2.0 (1.9 x 3.0 = 5.7 m², labelled STAIRWELL), and the
space east of it, x 2.1-6.1 (4.0 x 3.0 = 12.0 m²). East of the partition, on STAIRS: a
flight's string y = 2.0 (x 2.1-5.0), its treads every 0.25 m from x = 2.35 to 4.85 below
the string (y 0.1-2.0) and from x = 3.85 to 4.85 above it (y 2.0-3.1), and the line of
the store under the flight, x = 3.6 from the string to the north wall. The store,
x 2.1-3.6, y 2.0-3.1 (1.5 x 1.1 = 1.65 m²), holds the label STORE and the stub of a tread
(x 2.6, y 2.0-2.3) that ends in it.

Read, the store keeps the face the stair's lines enclose round its label (1.65 m²) and
the stairwell the rest: 5.7 + 0.1 (the band across the partition's gap, 0.1 x 1.0) +
12.0 - 1.65 = 16.15 m² (the 17.8 m² inside the walls, less the store). Before, the store
was the whole 12.0 m² east of the partition, flight and all, and the stairwell 5.7 m².
"""

from __future__ import annotations

import pytest
from shapely.geometry import LineString, Point, box

from floorplan.io.dxf.walls.faces import WallRoom, closed_across
from floorplan.io.dxf.walls.rejoin import _say
from tests.dxf_patterns import Sheet, read


def stairwell(s: Sheet, landing: str = "STAIRWELL", store_line: str = "closed",
              store: str = "STORE", upper: bool = True) -> None:
    """``store_line``: ``closed`` (x 3.6 from the string to the north wall), ``finger``
    (that, and the store's floor ends at y 2.5, a line across it from the partition but
    for the 0.25 m between two treads, x 3.1 and 3.35, that run up to it from the
    string: the strip between them opens into the store) or ``none`` (not drawn);
    ``upper``: the treads above the string drawn."""
    s.lines([(0, 0), (6.2, 0), (6.2, 3.2), (0, 3.2), (0, 0)])
    s.lines([(0.1, 0.1), (6.1, 0.1), (6.1, 3.1), (2.1, 3.1), (2.1, 1.1), (2.0, 1.1),
             (2.0, 3.1), (0.1, 3.1), (0.1, 0.1)])
    s.line((2.1, 2.0), (5.0, 2.0), "STAIRS")  # the string
    for k in range(11):  # the treads below the string
        s.line((2.35 + 0.25 * k, 0.1), (2.35 + 0.25 * k, 2.0), "STAIRS")
    for k in range(5 if upper else 0):  # and above it, beyond the store
        s.line((3.85 + 0.25 * k, 2.0), (3.85 + 0.25 * k, 3.1), "STAIRS")
    if store_line == "closed":
        s.line((3.6, 2.0), (3.6, 3.1), "STAIRS")
    elif store_line == "finger":
        s.line((3.6, 2.0), (3.6, 3.1), "STAIRS")
        s.line((2.1, 2.5), (3.1, 2.5), "STAIRS")
        s.line((3.35, 2.5), (3.6, 2.5), "STAIRS")
        s.line((3.1, 2.0), (3.1, 2.5), "STAIRS")
        s.line((3.35, 2.0), (3.35, 2.5), "STAIRS")
    s.line((2.6, 2.0), (2.6, 2.3), "STAIRS")  # a tread's stub, ending in the store
    s.text(landing, (1.0, 1.5))
    if store:
        s.text(store, (2.8, 2.6))


def rooms(plan) -> dict[str, float]:
    return {r.name: round(r.polygon.area, 6) for r in plan.rooms}


@pytest.mark.parametrize("landing", ["STAIRWELL", "Landing", "Stair 2"])
def test_the_flight_goes_to_the_stairwell_and_the_store_keeps_its_face(tmp_path, landing):
    s = Sheet()
    stairwell(s, landing)
    plan = read(s, tmp_path)
    assert rooms(plan) == {landing: 16.15, "STORE": 1.65}
    by = {r.name: r for r in plan.rooms}
    assert by[landing].polygon.contains(Point(4.0, 1.0))  # on the flight
    assert by[landing].polygon.contains(Point(4.5, 2.5))  # the flight beyond the store
    assert by["STORE"].polygon.contains(Point(2.8, 2.6))
    for r in plan.rooms:
        assert r.source == "walls_closed" and r.confidence != "high"
    assert "given to it from the room under or beside it" in by[landing].confidence_reason
    assert "along the stair's lines" in by["STORE"].confidence_reason


def test_a_strip_between_treads_open_to_the_store_goes_with_the_flight(tmp_path):
    """The store's floor ends at y 2.5: the face round STORE is x 2.1-3.6, y 2.5-3.1
    (1.5 x 0.6 = 0.9 m²) and the 0.25 m strip between the treads x 3.1 and 3.35 below it
    (0.25 x 0.5 = 0.125 m²), narrower than a room, which goes with the flight. The store
    is the 0.9 m² rectangle but for the rounding of the strip's mouth by the opening
    (under 0.01 m²); the stairwell is the rest of the 17.8 m² inside the walls."""
    s = Sheet()
    stairwell(s, store_line="finger")
    plan = read(s, tmp_path)
    got = rooms(plan)
    assert got["STORE"] == pytest.approx(0.9, abs=0.01)
    assert got["STAIRWELL"] == pytest.approx(17.8 - got["STORE"], abs=1e-6)
    (store,) = [r for r in plan.rooms if r.name == "STORE"]
    assert not store.polygon.contains(Point(3.225, 2.25))  # in the strip


def test_the_first_tread_beyond_bounds_a_store_drawn_without_its_own_line(tmp_path):
    """No line of the store drawn: the first tread above the string, x 3.85, bounds the
    face round STORE: 1.75 x 1.1 = 1.925 m²; the stairwell 17.8 - 1.925 = 15.875 m²."""
    s = Sheet()
    stairwell(s, store_line="none")
    assert rooms(read(s, tmp_path)) == {"STAIRWELL": 15.875, "STORE": 1.925}


def test_no_stair_named_beyond_the_gap_leaves_the_space_as_it_is(tmp_path):
    """Beyond the gap a HALL, not a stairwell: nothing says whose the flight is."""
    s = Sheet()
    stairwell(s, landing="HALL")
    assert rooms(read(s, tmp_path)) == {"HALL": 5.7, "STORE": 12.0}


def test_no_face_round_the_label_leaves_the_space_as_it_is(tmp_path):
    """No line of the store and no tread above the string drawn: the face round STORE
    runs round the string's end into the flight (x 2.1-6.1 above the string, 4.4 m²,
    and x 4.85-6.1 below it, 2.375 m²: 6.775 m², more than half the 12.0 m² space), so
    nothing says where the store ends."""
    s = Sheet()
    stairwell(s, store_line="none", upper=False)
    assert rooms(read(s, tmp_path)) == {"STAIRWELL": 5.7, "STORE": 12.0}


def test_a_label_naming_a_stair_keeps_its_flight(tmp_path):
    """East of the partition labelled STAIRS itself: it is the flight's own floor."""
    s = Sheet()
    stairwell(s, store="STAIRS")
    assert rooms(read(s, tmp_path)) == {"STAIRWELL": 5.7, "STAIRS": 12.0}


def test_a_joined_room_names_only_the_gaps_that_still_bound_it():
    """A room closed across two gaps, one of which now lies inside it (the flight beyond
    it joined): its reason keeps the other gap and what else it said."""
    inside, edge = LineString([(3, 0.5), (3, 1.5)]), LineString([(0, 1.0), (0, 2.0)])
    room = WallRoom(box(0, 0, 4, 3), reason=closed_across([inside, edge]) + "; other")
    _say(room, [inside, edge], "joined")
    assert room.reason == closed_across([edge]) + "; other; joined"
    assert room.reason.startswith("outline closed across a 1.00 m gap at (0.00, 1.50)")
