"""A labelled room takes in the unlabelled space through a doorway when the area its label
writes is the two together (holdout5's floor2: each WC read without its wash lobby,
'男卫生间' 16.55 m² read, 22.4 m² written, the lobby of 5.52 m² beside it).

The drawing, in metres, walls 0.2 m thick as double lines: a WC of 4 x 1.5 m (x 0.2-4.2,
y 0.2-1.7) and a lobby of 2 x 1.5 m (x 4.4-6.4), a bare doorway 0.9 m wide between them
(y 0.5-1.4) and a door out of the lobby on its east wall. Together, with the doorway's
0.2 x 0.9 m: 6.0 + 3.0 + 0.18 = 9.18 m²."""

from __future__ import annotations

import pytest
from shapely.geometry import box
from shapely.ops import unary_union

from tests.dxf_patterns import Sheet, read, rooms_of

WC, LOBBY = box(0.2, 0.2, 4.2, 1.7), box(4.4, 0.2, 6.4, 1.7)


def sheet(wc_label: str, lobby_label: str | None = None) -> Sheet:
    s = Sheet()
    outer = box(0, 0, 6.6, 1.9)
    doorways = [box(4.2, 0.5, 4.4, 1.4), box(6.4, 0.5, 6.6, 1.4)]
    s.mass(outer.difference(unary_union([WC, LOBBY, *doorways])))
    s.door((6.6, 0.5), rotation=90, leaf="open", layer="A-DOOR")
    s.text(wc_label, (1.0, 0.9))
    if lobby_label:
        s.text(lobby_label, (5.0, 0.9))
    return s


def test_a_wc_takes_in_its_lobby_when_its_written_area_says_so(tmp_path):
    plan = read(sheet("WC 9.2 m²"), tmp_path)
    assert rooms_of(plan) == [("WC", "walls", 9.18)]
    assert any("1 room(s) joined to the unlabelled space beyond a doorway" in n
               for n in plan.notes)
    # the doorway taken in is no door between rooms (it would join the WC to itself, FP005):
    # the one door is the lobby's way out
    assert [(d.geometry.x, d.geometry.y) for d in plan.doors] == [(6.6, 0.95)]


@pytest.mark.parametrize("label, why", [
    ("WC 6.0 m²", "the room alone has the written area"),
    ("WC 12 m²", "the two together are 9.18 m², 23 % short of it"),
])
def test_no_take_in_unless_the_two_together_make_the_written_area(tmp_path, label, why):
    plan = read(sheet(label), tmp_path)
    assert sorted(a for *_, a in rooms_of(plan)) == [3.0, 6.0], why


def test_a_labelled_neighbour_is_not_taken_in(tmp_path):
    plan = read(sheet("WC 9.2 m²", "LOBBY"), tmp_path)
    assert rooms_of(plan) == [("LOBBY", "walls", 3.0), ("WC", "walls", 6.0)]
