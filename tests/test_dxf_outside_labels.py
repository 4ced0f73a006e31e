"""A label outside the building is no room's name (issue 10; holdout finding 2.4).

A label outside every room is joined to the nearest room within 1 m that has no label
of its own (a room's number written just over its wall). A label that stands clear of
the building (beyond the gross outline of its rooms and walls by more than its own text
height: a neighbouring building's name, a site note) is joined to no room by nearness.

The plans are two 4 x 3 m rooms in 0.1 m walls (:func:`two_room_plan`): room A x 0.1-4.1,
room B x 4.2-8.2, y 0.1-3.1; the outer wall faces at x 0 and 8.3, y 0 and 3.2. Labels are
0.25 m tall.
"""

from __future__ import annotations

import pytest

from tests.dxf_patterns import Sheet, read, two_room_plan


def _names(plan) -> dict[str, str]:
    """Room name by which room: A (west) or B (east)."""
    return {("A" if r.polygon.centroid.x < 4.15 else "B"): r.name for r in plan.rooms}


def test_a_label_standing_clear_of_the_building_names_no_room(tmp_path):
    # 'Building 2' 0.5 m east of the outer wall face (x 8.8): 0.6 m from room B, within
    # the 1 m reach, but 0.5 m (two text heights) beyond the building's outline
    s = Sheet()
    two_room_plan(s, names=None)
    s.text("Office", (1.5, 2.0))
    s.text("Building 2", (8.8, 1.5))
    plan = read(s, tmp_path)
    assert _names(plan) == {"A": "Office", "B": ""}
    assert any("1 label(s) outside the building's outline" in n for n in plan.notes)


def test_a_label_against_the_outer_wall_still_names_its_room(tmp_path):
    # 'Store' 0.15 m east of the outer wall face (x 8.45): within a text height of the
    # building, written against its wall: the nearest room B takes it, unsure
    s = Sheet()
    two_room_plan(s, names=None)
    s.text("Office", (1.5, 2.0))
    s.text("Store", (8.45, 1.5))
    plan = read(s, tmp_path)
    assert _names(plan) == {"A": "Office", "B": "Store"}
    (b,) = [r for r in plan.rooms if r.name == "Store"]
    assert b.confidence == "medium"


@pytest.mark.parametrize(("x", "named"), [(8.4, True), (8.9, False)])
def test_outlines_with_no_walls_round_them_have_a_thin_outer_wall(tmp_path, x, named):
    # rooms drawn only as closed outlines on a room layer (no wall lines): each is taken
    # to have a 0.25 m outer wall. A label 0.2 m east of room B's outline (x 8.4) is in
    # that wall; one at 0.7 m (x 8.9) is 0.45 m beyond it, further than its 0.25 m height
    s = Sheet()
    s.poly([(0.1, 0.1), (4.1, 0.1), (4.1, 3.1), (0.1, 3.1)], layer="A-AREA", closed=True)
    s.poly([(4.2, 0.1), (8.2, 0.1), (8.2, 3.1), (4.2, 3.1)], layer="A-AREA", closed=True)
    s.text("Office", (1.5, 2.0))
    s.text("Store", (x, 1.5))
    plan = read(s, tmp_path)
    assert _names(plan)["B"] == ("Store" if named else "")
