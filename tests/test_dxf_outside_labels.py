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

import ezdxf
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


@pytest.mark.parametrize("box", [True, False])
def test_a_boxed_label_outside_the_building_names_the_room_its_line_leads_into(tmp_path, box):
    # 'Store' (0.2 m tall) written 1.5 m south of the building (y -1.5, centred on x 6.2),
    # in a box x 5.5-6.9, y -2.1 to -0.8 (1.82 m²) on an annotation layer; a line from the
    # box's top edge (6.2, -0.8) to (6.2, 1.5), 1.4 m inside room B. The line ends on the
    # box, 0.7 m from the text's middle (beyond the generous box round a text of unknown
    # alignment, 0.52 m): the box is the label's, so the line leads from it. Without the
    # box the line's end is by no label and the label stays out (FP010)
    s = Sheet()
    two_room_plan(s, names=None)
    s.text("Office", (1.5, 2.0))
    s.msp.add_text("Store", height=0.2, dxfattribs={"layer": "Texts", "halign": 1, "valign": 2}
                   ).set_placement((6.2, -1.5), align=ezdxf.enums.TextEntityAlignment.MIDDLE_CENTER)
    if box:
        s.poly([(5.5, -2.1), (6.9, -2.1), (6.9, -0.8), (5.5, -0.8)], layer="Text Borders",
               closed=True)
    s.line((6.2, -0.8), (6.2, 1.5), layer="Text Borders")
    plan = read(s, tmp_path)
    assert _names(plan) == {"A": "Office", "B": "Store" if box else ""}
    lost = [f for f in plan.findings if f.code == "FP010"]
    assert bool(lost) is not box


def test_a_room_named_from_outside_is_not_doubted_for_holding_no_label(tmp_path):
    # room B holds no text; its label, outside the building, is joined by a leader line:
    # "no label in it ... it may be a wall mass" would be said of a named room
    s = Sheet()
    two_room_plan(s, names=None)
    s.text("Office", (1.5, 2.0))
    s.text("Store", (6.0, -1.0))
    s.line((6.1, -0.9), (6.1, 1.5), layer="A-ANNO-NOTE")
    plan = read(s, tmp_path)
    (b,) = [r for r in plan.rooms if r.name == "Store"]
    assert "no label in it" not in b.confidence_reason
