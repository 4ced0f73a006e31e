"""Room outlines on layers named like the room layer: ``Actual_Closets`` beside
``Actual_Rooms`` holds the closets' outlines (issue 10). A layer named like it for
something that is no room (``Actual_Wood``) does not, nor does a frozen old layout.

Every drawing is in metres; the expected areas are worked by hand from the outlines.
"""

from __future__ import annotations

from tests.dxf_patterns import Sheet, read, rooms_of


def rect(s: Sheet, x0: float, y0: float, x1: float, y1: float, layer: str) -> None:
    s.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], layer, closed=True)


def test_closets_on_a_layer_named_like_the_room_layer_are_rooms(tmp_path):
    s = Sheet()
    rect(s, 0, 0, 4, 3, "Actual_Rooms")       # 12 m²
    rect(s, 4.1, 0, 8.1, 3, "Actual_Rooms")   # 12 m²
    rect(s, 0, 3.1, 1.0, 4.6, "Actual_Closets")  # 1.0 x 1.5 = 1.5 m²
    rect(s, 5, 3.5, 6, 4.5, "Actual_Wood")    # 1 m² of timber: 'wood' names no room
    s.doc.layers.add("Original_Rooms").freeze()
    s.doc.layers.add("Original_Closets").freeze()
    rect(s, 2, 3.1, 3.5, 4.6, "Original_Closets")  # the old layout's closet: frozen
    s.text("BEDROOM", (1.5, 1.5))
    s.text("KITCHEN", (6.0, 1.5))
    s.text("CLOSET", (0.2, 3.8), height=0.1)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "outline", 12.0), ("CLOSET", "outline", 1.5),
                              ("KITCHEN", "outline", 12.0)]
    closet = next(r for r in plan.rooms if r.name == "CLOSET")
    assert closet.confidence == "medium" and "Actual_Closets" in closet.confidence_reason


def test_a_lone_closet_layer_is_no_room_layer(tmp_path):
    # 'Closets' shares no word with 'Rooms': nothing says the two layers are one scheme,
    # and outlines on a layer that says nothing are read only when no room layer has any
    s = Sheet()
    rect(s, 0, 0, 4, 3, "Rooms")
    rect(s, 5, 0, 6, 1.5, "Closets")
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("", "outline", 12.0)]
