"""No room lost in silence: room labels known by their kind, looked for over the whole plan.

A drawing's room labels are the texts whose names say a room use, and the texts written
the same way as those (same layer, same height) whose names the classifier does not know
(Danish ``Forhal``, ``Opvask``): each seeds the search for its space, and one left in no
room is reported (FP010) wherever it lies in the plan, not only within the rooms found.

Every drawing is in metres, single-line walls on A-WALL; the areas are worked by hand
from the coordinates (see tests/dxf_patterns.py), never copied from the program.
"""

from __future__ import annotations

from tests.dxf_patterns import Sheet, read, rooms_of


def _two_rooms(s: Sheet) -> None:
    """KITCHEN x 0-4, BEDROOM x 4-8, both y 0-3 (12 m² each), labelled at 0.25 m on
    A-ANNO-TEXT: the kind of text that names rooms in this drawing."""
    s.poly([(0, 0), (4, 0), (4, 3), (0, 3)], closed=True)
    s.poly([(4, 0), (8, 0), (8, 3), (4, 3)], closed=True)
    s.text("KITCHEN", (1.5, 1.5))
    s.text("BEDROOM", (5.5, 1.5))


def _lost(plan) -> list[str]:
    return [f.message for f in plan.findings if f.code == "FP010"]


def test_unclassified_names_of_the_naming_kind_seed_and_are_reported(tmp_path):
    s = Sheet()
    _two_rooms(s)
    # north of the kitchen, a room whose walls leave its north-east corner open: x 0-4,
    # y 3-6, the corner cut from (3.4, 6) to (4, 5.4): 12 - 0.6 * 0.6 / 2 = 11.82 m²
    s.lines([(4, 3), (4, 5.4)])
    s.lines([(0, 3), (0, 6), (3.4, 6)])
    s.text("Forhal", (1.5, 4.5))  # Danish: entrance hall, a name classify does not know
    # north of the bedroom, x 4-8, y 3-6 walled on two sides only (its 4 m north side
    # open): no closing of 1.2 m encloses it
    s.lines([(8, 3), (8, 6)])
    s.text("Opvask", (5.5, 4.5))  # washing-up: lost, and said to be
    # texts of other kinds in the same open space: a heading (0.5 m high), a room number
    s.text("Tegning", (5.5, 5.5), height=0.5)
    s.text("033B", (5.5, 3.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("Forhal", "label_seeded", 11.82),
                              ("KITCHEN", "walls", 12.0)]
    (forhal,) = [r for r in plan.rooms if r.name == "Forhal"]
    assert forhal.confidence == "low"
    lost = _lost(plan)
    assert len(lost) == 1 and "'Opvask' at (5.50, 4.50)" in lost[0]


def test_a_text_of_the_naming_kind_on_another_layer_is_not_a_label(tmp_path):
    s = Sheet()
    _two_rooms(s)
    s.lines([(8, 3), (8, 6)])
    s.lines([(4, 3), (4, 6)])
    s.text("Opvask", (5.5, 4.5), layer="A-ANNO-NOTE")  # a note's layer, not the names'
    plan = read(s, tmp_path)
    assert _lost(plan) == []


def test_a_label_outside_the_found_rooms_box_is_reported(tmp_path):
    s = Sheet()
    _two_rooms(s)
    # a wing east of the rooms, x 8-14, walled south and east only: nothing encloses its
    # STORE, which stands 4 m beyond the rooms found (x 0-8), within the walls' extent
    s.lines([(8, 0), (14, 0), (14, 3)])
    s.text("STORE", (12, 1.5))
    # a legend far beside the plan, of the same kind: a legend, not a lost room
    s.text("STORE", (60, 1.5))
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]
    lost = _lost(plan)
    assert len(lost) == 1 and "'STORE' at (12.00, 1.50)" in lost[0]


def test_a_numbered_series_of_names_seeds_though_no_name_says_a_use(tmp_path):
    # rooms named only by number, 'AMBIENTE 1' to 'AMBIENTE 3' (Spanish: room), as an old
    # survey names them: no name says a use the classifier knows, so no kind is learnt
    # from them; the series is the kind. Three closed rooms x 0-4, 4-8, 8-12, y 0-3
    # (12 m² each); north of the first, AMBIENTE 4, its north-east corner left open as in
    # the test above: found by the closing round its label, 12 - 0.6 * 0.6 / 2 = 11.82 m²
    s = Sheet()
    for k in range(3):
        s.poly([(4 * k, 0), (4 * k + 4, 0), (4 * k + 4, 3), (4 * k, 3)], closed=True)
        s.text(f"AMBIENTE {k + 1}", (4 * k + 1.0, 1.5))
    s.lines([(4, 3), (4, 5.4)])
    s.lines([(0, 3), (0, 6), (3.4, 6)])
    s.text("AMBIENTE 4", (1.0, 4.5))
    plan = read(s, tmp_path)
    assert ("AMBIENTE 4", "label_seeded", 11.82) in rooms_of(plan)
    assert not _lost(plan)
