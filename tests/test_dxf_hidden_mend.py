"""Rooms the visible walls misread, mended from a switched-off layer of outlines that the
labels' written areas bear out (holdout5's floor2: its stairs cut by their flights, a WC
by its cubicles, the corridor run into the lift lobbies; every room outlined on the
usable-area layer 使用面积线, switched off, and every label writing its usable area).

An outline is taken in place of the rooms read only when the one label in it that writes
an area writes the outline's, no room read agrees with it, and the layer proves itself on
the rest of the reading. Every drawing is in metres; the areas are worked by hand from
the outlines drawn.
"""

from __future__ import annotations

from shapely.geometry import box

from floorplan.io.dxf.hidden import mend as hiddenmend
from tests.dxf_patterns import Sheet, read, rooms_of

NAMES = ("BEDROOM", "LIVING ROOM", "STUDY")


def rect(s: Sheet, x0: float, y0: float, x1: float, y1: float, layer: str) -> None:
    s.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], layer, closed=True)


def layer_off(s: Sheet, layer: str = "AREA-USABLE") -> str:
    s.doc.layers.add(layer).off()
    return layer


def four_rooms_and_a_stair(s: Sheet, stair_label: str | None = "STAIR\\P12.0 m2") -> None:
    """Three 4 x 3 rooms in a row (x 0-12), each labelled with its name and its area, and a
    fourth 4 x 3 space (x 12-16) cut in two by the edge of a flight (x 14): two faces of
    2 x 3 = 6 m² each, the stair's label in the western one."""
    s.poly([(0, 0), (16, 0), (16, 3), (0, 3)], closed=True)
    for x in (4, 8, 12, 14):
        s.line((x, 0), (x, 3))
    for k, name in enumerate(NAMES):
        s.text(f"{name}\\P12.0 m2", (4 * k + 1.5, 1.5))
    if stair_label:
        s.text(stair_label, (13.0, 1.5))


def outlines(s: Sheet, lay: str, xs=(0, 4, 8, 12), width: float = 4) -> None:
    for x in xs:
        rect(s, x, 0, x + width, 3, lay)


def codes(plan, code: str) -> list:
    return [f for f in plan.findings if f.code == code and f.status != "pass"]


def test_a_stair_cut_by_its_flight_is_read_from_the_outline_its_label_bears_out(tmp_path):
    s = Sheet()
    four_rooms_and_a_stair(s)
    lay = layer_off(s)
    outlines(s, lay)  # 12 m² each, as every label writes
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("LIVING ROOM", "walls", 12.0),
                              ("STAIR", "hidden_outline", 12.0), ("STUDY", "walls", 12.0)]
    [stair] = [r for r in plan.rooms if r.name == "STAIR"]
    assert stair.polygon.equals(box(12, 0, 16, 3))
    assert stair.confidence == "medium"
    assert "'AREA-USABLE'" in stair.confidence_reason
    assert "6.00 m² + 6.00 m²" in stair.confidence_reason  # the two faces the walls gave
    [warn] = codes(plan, "FP013")
    assert warn.rooms == (stair.id,) and "switched off" in warn.message
    assert any("1 room(s) read from the outlines on layer 'AREA-USABLE'" in n for n in plan.notes)
    # the outline read is counted used: three of the four are skipped as hidden, not four
    assert ("skipped 3 LWPOLYLINE on layer AREA-USABLE: on a frozen or switched-off layer: "
            "not shown, not read") in plan.notes


def test_without_the_layer_the_stair_stays_in_pieces(tmp_path):
    # the same drawing with no hidden layer: the two 6 m² faces, as the walls give them
    s = Sheet()
    four_rooms_and_a_stair(s)
    plan = read(s, tmp_path)
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [6.0, 6.0, 12.0, 12.0, 12.0]
    assert not codes(plan, "FP013")


def test_a_label_that_writes_another_area_does_not_bear_the_outline_out(tmp_path):
    # the stair's label writes 9.0 m² (the outline is 12): nothing mended
    s = Sheet()
    four_rooms_and_a_stair(s, "STAIR\\P9.0 m2")
    lay = layer_off(s)
    outlines(s, lay)
    plan = read(s, tmp_path)
    assert "hidden_outline" not in {r.source for r in plan.rooms}
    assert [round(r.polygon.area, 4) for r in plan.rooms if r.name == "STAIR"] == [6.0]


def test_a_label_that_writes_no_area_does_not_bear_the_outline_out(tmp_path):
    s = Sheet()
    four_rooms_and_a_stair(s, "STAIR")
    lay = layer_off(s)
    outlines(s, lay)
    plan = read(s, tmp_path)
    assert "hidden_outline" not in {r.source for r in plan.rooms}


def test_a_layer_agreeing_with_too_few_rooms_read_mends_nothing(tmp_path):
    # only the study and the stair are outlined: one room read agrees (under MIN_AGREE)
    s = Sheet()
    four_rooms_and_a_stair(s)
    lay = layer_off(s)
    outlines(s, lay, xs=(8, 12))
    plan = read(s, tmp_path)
    assert "hidden_outline" not in {r.source for r in plan.rooms}


def test_an_old_layout_that_disagrees_mends_nothing(tmp_path):
    # a hidden layout of 2 m wide rooms: no outline agrees with a room read, and none is
    # borne out by a label (each label writes 12 m², each outline is 6)
    s = Sheet()
    four_rooms_and_a_stair(s)
    lay = layer_off(s)
    outlines(s, lay, xs=(0, 2, 4, 6, 8, 10, 12, 14), width=2)
    plan = read(s, tmp_path)
    assert "hidden_outline" not in {r.source for r in plan.rooms}


def test_a_hall_run_into_a_lobby_is_parted_by_the_outlines(tmp_path):
    # east of the three rooms a space of 8 x 3 (x 12-20) with a wall stub from the bottom
    # at x 16 to y 1.5: an opening of 1.5 m, wider than a door, so the walls read one space
    # of 24 m² holding two labels; the hidden outlines part it at x 16, 12 m² each
    s = Sheet()
    s.poly([(0, 0), (20, 0), (20, 3), (0, 3)], closed=True)
    for x in (4, 8, 12):
        s.line((x, 0), (x, 3))
    s.line((16, 0), (16, 1.5))
    for k, name in enumerate(NAMES):
        s.text(f"{name}\\P12.0 m2", (4 * k + 1.5, 1.5))
    s.text("HALL\\P12.0 m2", (14.0, 2.0))
    s.text("LOBBY\\P12.0 m2", (18.0, 2.0))
    lay = layer_off(s)
    outlines(s, lay, xs=(0, 4, 8, 12, 16))
    plan = read(s, tmp_path)
    got = {r.name: (r.source, round(r.polygon.area, 4)) for r in plan.rooms}
    assert got["HALL"] == ("hidden_outline", 12.0)
    assert got["LOBBY"] == ("hidden_outline", 12.0)
    assert len(plan.rooms) == 5
    assert len(codes(plan, "FP013")) == 2


def test_borne_out_by_hand():
    import numpy as np
    o = box(0, 0, 4, 3)  # 12 m²
    pts = np.array([[1.0, 1.0]])
    assert hiddenmend.borne_out(o, pts, [(12.5,)]) == 12.5  # 4 % off: within 5 %
    assert hiddenmend.borne_out(o, pts, [(12.7,)]) is None  # 5.5 % off
    assert hiddenmend.borne_out(o, pts, [(70.45, 12.0)]) == 12.0  # a usable and a gross area
    two = np.array([[1.0, 1.0], [3.0, 2.0]])
    assert hiddenmend.borne_out(o, two, [(12.0,), (12.0,)]) is None  # two labels write areas
    assert hiddenmend.borne_out(o, np.array([[5.0, 1.0]]), [(12.0,)]) is None  # outside it


def test_a_cupboard_inside_a_rooms_outline_is_taken_in(tmp_path):
    # a lab of 10 x 3 (x 12-22) with a 1.2 x 1.0 corner cupboard walled off at its top
    # right (x 20.8-22, y 2-3): the walls read the lab as 30 - 1.2 = 28.8 m² (within 5 % of
    # its outline, so it agrees) and the cupboard as a room of its own; the lab's label
    # writes 30.0 m², its outline's area: the cupboard is part of the lab
    s = Sheet()
    s.poly([(0, 0), (22, 0), (22, 3), (0, 3)], closed=True)
    for x in (4, 8, 12):
        s.line((x, 0), (x, 3))
    s.line((20.8, 2), (22, 2))
    s.line((20.8, 2), (20.8, 3))
    for k, name in enumerate(NAMES):
        s.text(f"{name}\\P12.0 m2", (4 * k + 1.5, 1.5))
    s.text("LAB\\P30.0 m2", (16.0, 1.5))
    lay = layer_off(s)
    outlines(s, lay, xs=(0, 4, 8))
    rect(s, 12, 0, 22, 3, lay)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("LAB", "hidden_outline", 30.0),
                              ("LIVING ROOM", "walls", 12.0), ("STUDY", "walls", 12.0)]
    [lab] = [r for r in plan.rooms if r.name == "LAB"]
    assert "28.80 m² + 1.20 m²" in lab.confidence_reason


def test_an_unnamed_space_the_layer_does_not_outline_is_set_aside_or_doubted(tmp_path):
    # east of the stair, spaces with no label that the usable-area layer does not outline:
    # a 2 x 3 duct (x 16-18, 6 m², a shaft's size) is set aside, a 4 x 3 core beyond it
    # (x 18-22, 12 m²) is kept at low confidence; without the layer neither is touched
    def drawing(with_layer: bool):
        s = Sheet()
        four_rooms_and_a_stair(s)
        s.poly([(16, 0), (22, 0), (22, 3), (16, 3)], closed=True)
        s.line((18, 0), (18, 3))
        if with_layer:
            outlines(s, layer_off(s))
        return s

    plan = read(drawing(True), tmp_path)
    [core] = [r for r in plan.rooms if not r.name]
    assert round(core.polygon.area, 4) == 12.0
    assert core.confidence == "low" and "'AREA-USABLE'" in core.confidence_reason
    assert any(n.startswith("1 space(s) in the walls with no label that layer 'AREA-USABLE'")
               and "6.0 m² at (17.00, 1.50)" in n for n in plan.notes)
    plan = read(drawing(False), tmp_path)
    unnamed = sorted(round(r.polygon.area, 4) for r in plan.rooms
                     if not r.name and r.polygon.bounds[0] >= 16 - 1e-6)
    assert unnamed == [6.0, 12.0]
    assert not any("AREA-USABLE" in r.confidence_reason for r in plan.rooms)
