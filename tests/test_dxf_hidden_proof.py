"""A switched-off layer of room outlines that proves itself on the visible reading closes
the rooms the visible walls leave open (holdout2's A1322PE_0: its space objects on a
layer switched off; Newton FF's corridor, open to the outside, closed only on the frozen
net-area layer).

The layer is used without a layer map only when its outlines agree with the rooms read
from the walls (the same spaces: at least three, three in four of the pairs that overlap)
and hold labels the reading lost; the rooms it gives are ``hidden_outline``, at most
medium confidence, each with an FP013 warning instead of its label's FP010. Every drawing
is in metres; the areas are worked by hand from the outlines drawn.
"""

from __future__ import annotations

from shapely.geometry import box

from floorplan.io.dxf.hidden import proof as hiddenproof
from tests.dxf_patterns import Sheet, read, rooms_of

NAMES = ("BEDROOM", "LIVING ROOM", "STUDY")


def rect(s: Sheet, x0: float, y0: float, x1: float, y1: float, layer: str) -> None:
    s.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], layer, closed=True)


def three_closed_one_open(s: Sheet) -> None:
    """Three 4 x 3 rooms in a row closed by single-line walls (x 0-12); east of them a
    kitchen whose walls run only along the bottom (y 0, x 12-16): no face holds it."""
    s.poly([(0, 0), (12, 0), (12, 3), (0, 3)], closed=True)
    s.line((4, 0), (4, 3))
    s.line((8, 0), (8, 3))
    s.line((12, 0), (16, 0))
    for k, name in enumerate(NAMES):
        s.text(name, (4 * k + 1.5, 1.5))
    s.text("KITCHEN", (13.5, 1.5))


def layer_off(s: Sheet, layer: str = "A-SPACE-NET") -> str:
    s.doc.layers.add(layer).off()
    return layer


def codes(plan, code: str) -> list:
    return [f for f in plan.findings if f.code == code and f.status != "pass"]


def test_an_agreeing_switched_off_layer_closes_the_open_room(tmp_path):
    s = Sheet()
    three_closed_one_open(s)
    lay = layer_off(s)
    for x in (0, 4, 8, 12):  # the four rooms' net outlines, 12 m² each
        rect(s, x, 0, x + 4, 3, lay)
    s.text("12.0 m2", (13.5, 0.8))  # the kitchen's written area, shown
    s.text("Bg04", (13.5, 2.0))  # and its room number
    s.text("30.0 m2", (13.5, 2.4), layer=lay)  # and one on the hidden layer: not read
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "hidden_outline", 12.0),
                              ("LIVING ROOM", "walls", 12.0), ("STUDY", "walls", 12.0)]
    [kitchen] = [r for r in plan.rooms if r.name == "KITCHEN"]
    assert kitchen.confidence == "medium"
    assert "'A-SPACE-NET'" in kitchen.confidence_reason
    assert kitchen.properties["layer"] == "A-SPACE-NET"
    assert str(kitchen.use) == "kitchen"
    assert [f.text for f in kitchen.stated] == ["12.0 m2"]
    assert kitchen.id == "Bg04"
    # its label is no longer lost; the warning says where the room was closed
    assert not codes(plan, "FP010")
    [warn] = codes(plan, "FP013")
    assert warn.status == "warn" and warn.rooms == (kitchen.id,)
    assert "'A-SPACE-NET'" in warn.message and "switched off" in warn.message
    assert any("'KITCHEN'" in n and "'A-SPACE-NET'" in n for n in plan.notes)


def test_a_written_area_that_disagrees_lowers_the_room(tmp_path):
    # the kitchen's tag says 15 m² (25 % over its 12 m² outline): FP008, and low
    s = Sheet()
    three_closed_one_open(s)
    lay = layer_off(s)
    for x in (0, 4, 8, 12):
        rect(s, x, 0, x + 4, 3, lay)
    s.text("15.0 m2", (13.5, 0.8))
    plan = read(s, tmp_path)
    [kitchen] = [r for r in plan.rooms if r.name == "KITCHEN"]
    assert kitchen.source == "hidden_outline" and kitchen.confidence == "low"
    assert any(f.code == "FP008" and f.rooms == (kitchen.id,) for f in plan.findings)
    assert any(f.code == "FP009" and f.rooms == (kitchen.id,) for f in plan.findings)


def test_a_hidden_layer_that_disagrees_is_not_used(tmp_path):
    # the layer's outlines run across the walls read (x 2-6, 6-10, offset by half a room):
    # another layout, not these rooms; its kitchen outline is not taken
    s = Sheet()
    three_closed_one_open(s)
    lay = layer_off(s)
    for x in (-2, 2, 6):
        rect(s, x, 0, x + 4, 3, lay)
    rect(s, 12, 0, 16, 3, lay)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("LIVING ROOM", "walls", 12.0),
                              ("STUDY", "walls", 12.0)]
    assert not codes(plan, "FP013")
    lost = [f.message for f in codes(plan, "FP010")]
    assert any("'KITCHEN'" in m and "lies in no room" in m for m in lost)
    # today's warning naming the layer stands
    assert any("'A-SPACE-NET' is switched off" in m for m in lost)


def test_a_layer_agreeing_with_too_few_rooms_is_not_used(tmp_path):
    # two rooms agree (under MIN_AGREE): chance, not proof
    s = Sheet()
    three_closed_one_open(s)
    lay = layer_off(s)
    for x in (0, 4, 12):
        rect(s, x, 0, x + 4, 3, lay)
    plan = read(s, tmp_path)
    assert "KITCHEN" not in [r.name for r in plan.rooms]
    assert any("'KITCHEN'" in f.message for f in codes(plan, "FP010"))


def test_an_outline_over_a_room_read_is_not_taken(tmp_path):
    # the kitchen's hidden outline reaches 1 m into the study read from the walls
    # (x 11-16): more than a sliver, so it is not taken though the layer agrees elsewhere
    s = Sheet()
    three_closed_one_open(s)
    lay = layer_off(s)
    for x in (0, 4, 8):
        rect(s, x, 0, x + 4, 3, lay)
    rect(s, 11, 0, 16, 3, lay)
    plan = read(s, tmp_path)
    assert "KITCHEN" not in [r.name for r in plan.rooms]
    assert not codes(plan, "FP013")


def test_a_hidden_layer_of_text_only_gives_nothing(tmp_path):
    s = Sheet()
    three_closed_one_open(s)
    lay = layer_off(s, "A-SPACE-TAGS")
    s.text("KITCHEN 12.0 m2", (13.5, 2.2), layer=lay)
    plan = read(s, tmp_path)
    assert "hidden_outline" not in [r.source for r in plan.rooms]


def test_sliver_and_proof_by_hand():
    a = box(0, 0, 4, 3)
    assert hiddenproof.sliver(a, box(3.95, 0, 8, 3))       # a 5 cm band: one wall face twice
    assert not hiddenproof.sliver(a, box(3.5, 0, 8, 3))    # half a metre: a real overlap
    assert hiddenproof.sliver(a, box(5, 0, 8, 3))          # apart
    rooms = [box(0, 0, 4, 3), box(4, 0, 8, 3), box(8, 0, 12, 3)]
    # the same spaces, one drawn 0.1 m short (11.6 of 12 m²: within 5 %)
    assert hiddenproof.proof([box(0, 0, 4, 3), box(4, 0, 8, 3), box(8, 0, 11.9, 3)], rooms) == (3, 3)
    assert hiddenproof.proves(3, 3) and not hiddenproof.proves(2, 2)
    # one outline over two rooms: two pairs, neither the same space
    assert hiddenproof.proof([box(0, 0, 8, 3)], rooms) == (0, 2)
    assert not hiddenproof.proves(3, 5)  # 3 of 5 is under three in four
