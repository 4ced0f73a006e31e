"""Loose door swings whose arc is on a layer that says nothing of doors (issue 10; holdout4
FINDINGS, Aule-scolastiche-pianta-4: the swings on ``PROIEZIONI finissime - fine lines``, a
projection, the leaves on ``PORTE - doors``, so its 1.4 m double doors never closed and the
two classrooms were not read). :mod:`floorplan.io.dxf.doors.arcs` decides which arcs are
door swings for every stage.

The drawing (:func:`tests.dxf_patterns.two_rooms_mass`): walls 0.1 m thick on ``A-WALL``,
room A x 0.1-4.1, room B x 4.2-8.2, both y 0.1-3.1: 4 x 3 = 12 m² each by hand; the
partition x 4.1-4.2 open at y 0.7-2.3 (1.6 m, wider than the 1.2 m a gap is closed without
a door: unless a door is read there, the two rooms are one, 12 + 12 + 0.1 x 1.6 = 24.16 m²).
The double door hung on room A's face x 4.1: hinges (4.1, 0.7) and (4.1, 2.3), each leaf
0.8 m drawn open into room A along -x, the swings meeting at (4.1, 1.5).
"""

from __future__ import annotations

import pytest

from floorplan.doorlinks import door_links
from tests.dxf_patterns import Sheet, read, two_rooms_mass

PROJECTION = "PROJECTIONS - fine lines"
DOORS = "DOORS"
LEAF = 0.8


def _plan(s: Sheet, opening=(0.6, 2.2)) -> None:
    s.mass(two_rooms_mass(door=opening))


def _swings(s: Sheet, arc_layer: str, leaf_layer: str | None) -> None:
    """The two swings of the double door (see the module); ``leaf_layer`` ``None``: no
    leaves drawn."""
    for hinge, start, end, tip in (((4.1, 0.7), 90, 180, (3.3, 0.7)),
                                   ((4.1, 2.3), 180, 270, (3.3, 2.3))):
        s.msp.add_arc(s._p(hinge), LEAF * s.k, start, end, dxfattribs={"layer": arc_layer})
        if leaf_layer is not None:
            s.line(hinge, tip, leaf_layer)


def _areas(plan) -> list[float]:
    return sorted(round(r.polygon.area, 4) for r in plan.rooms)


@pytest.mark.parametrize("k", [1.0, 1000.0], ids=["m", "mm"])
def test_swings_on_a_projection_layer_with_their_leaves_on_a_door_layer_are_a_door(tmp_path, k):
    s = Sheet(insunits=6 if k == 1 else 4, scale=k)
    _plan(s)
    _swings(s, PROJECTION, DOORS)
    plan = read(s, tmp_path)
    assert _areas(plan) == [12.0, 12.0]  # two rooms, the double door closing the 1.6 m
    swings = [d for d in plan.doors if d.properties.get("leaves") == 2]
    assert len(swings) == 1
    (door,) = swings
    assert door.width == pytest.approx(2 * LEAF, abs=1e-3)
    at = door.geometry.centroid
    assert (at.x, at.y) == pytest.approx((4.1, 1.5), abs=1e-3)  # where the leaves meet
    assert len(door_links(plan)[door.id]) == 2


def test_swing_and_leaf_both_on_a_projection_layer_draw_a_door_in_the_wall_gap(tmp_path):
    """No layer says door: arc and leaf together, standing across the wall gap, do."""
    s = Sheet()
    _plan(s)
    _swings(s, PROJECTION, PROJECTION)
    plan = read(s, tmp_path)
    assert _areas(plan) == [12.0, 12.0]
    assert sum(1 for d in plan.doors if d.properties.get("leaves") == 2) == 1


def test_swings_on_a_layer_that_says_nothing_with_leaves_there_too_are_a_door(tmp_path):
    s = Sheet()
    _plan(s)
    _swings(s, "FINE", "FINE")
    plan = read(s, tmp_path)
    assert _areas(plan) == [12.0, 12.0]


def test_swings_on_a_projection_layer_with_no_leaf_are_no_door(tmp_path):
    """The control: an arc on a projection layer with no leaf (a canopy's edge, a vault
    seen overhead) is no door; the 1.6 m opening stays open, one room."""
    s = Sheet()
    _plan(s)
    _swings(s, PROJECTION, None)
    plan = read(s, tmp_path)
    assert _areas(plan) == [24.16]
    assert not any(d.properties.get("leaves") for d in plan.doors)


def test_a_swing_and_leaf_standing_in_a_room_are_no_door(tmp_path):
    """An arc with a radius from its centre on a projection layer, in the middle of room B,
    far from any wall gap (a segment of a rooflight seen overhead): no door, and nothing of
    it seals or parts room B. The partition's 0.9 m opening (y 1.1-2.0) is closed bare."""
    s = Sheet()
    _plan(s, opening=(1.0, 1.9))
    s.msp.add_arc((6.0, 1.2), 0.8, 0, 90, dxfattribs={"layer": PROJECTION})
    s.line((6.0, 1.2), (6.0, 2.0), PROJECTION)
    plan = read(s, tmp_path)
    assert _areas(plan) == [12.0, 12.0]
    assert all(d.geometry.centroid.x < 4.5 for d in plan.doors)  # only the partition's


def test_a_round_table_of_quarter_arcs_on_a_furniture_layer_stays_furniture(tmp_path):
    """A leaf-like line from an arc's centre on a furniture layer, across the wall gap, is
    the furniture's: a layer that says what it holds is believed."""
    s = Sheet()
    _plan(s)
    _swings(s, "FURNITURE", "FURNITURE")
    plan = read(s, tmp_path)
    assert _areas(plan) == [24.16]
