"""Room labels written as a numbered series (issue 10, "nothing silent"): a Peruvian
casona names its rooms AMBIENTE 1 ... AMBIENTE 20, words the classifier does not know. When
the reading names no room, no kind of naming text is learnt, and labels lying in no room were
lost in silence; a series of one word with three or more numbers, on one layer at one
height, marks them as room labels (FP010). Doors, grids and the like numbered the same way
are not. One small drawing each, made here."""

from __future__ import annotations

import ezdxf

from floorplan.io import dxf


def plan_with(tmp_path, texts):
    """Two unlabelled room outlines (4 x 3 and 5 x 3 m) at the south of a 9 x 9 m building
    whose north part holds no outline; ``texts`` (string, x, y in m) on layer TEXTOS, 0.22 m
    tall, written in the north part."""
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    for x, w in ((0, 4000), (4000, 5000)):
        msp.add_lwpolyline([(x, 0), (x + w, 0), (x + w, 3000), (x, 3000)], close=True,
                           dxfattribs={"layer": "A-AREA"})
    for a, b in [((0, 0), (9000, 0)), ((9000, 0), (9000, 9000)), ((9000, 9000), (0, 9000)),
                 ((0, 9000), (0, 0))]:
        msp.add_line(a, b, dxfattribs={"layer": "A-WALL"})
    for s, x, y in texts:
        msp.add_text(s, height=220, dxfattribs={"layer": "TEXTOS"}).set_placement((x * 1000, y * 1000))
    p = tmp_path / "plan.dxf"
    doc.saveas(p)
    return dxf.read(p)


def fp010(plan):
    return sorted(f.label for f in plan.findings if f.code == "FP010" and f.label)


def test_a_numbered_series_in_no_room_is_lost_rooms(tmp_path):
    plan = plan_with(tmp_path, [("AMBIENTE 3", 1.5, 5.0), ("AMBIENTE 4", 4.5, 5.0),
                                ("AMBIENTE 5", 7.0, 5.0), ("ZAGUAN DE INGRESO", 3.0, 4.0)])
    assert len(plan.rooms) == 2
    # the series marks its kind of text (TEXTOS, 0.22 m): the entrance hall's label too
    assert fp010(plan) == ["AMBIENTE 3", "AMBIENTE 4", "AMBIENTE 5", "ZAGUAN DE INGRESO"]


def test_two_numbers_are_no_series(tmp_path):
    plan = plan_with(tmp_path, [("AMBIENTE 3", 1.5, 5.0), ("AMBIENTE 4", 4.5, 5.0)])
    assert fp010(plan) == []


def test_doors_and_grids_numbered_are_no_rooms(tmp_path):
    plan = plan_with(tmp_path, [(f"{w} {k}", 1.5 + 2 * k, y) for k in range(3)
                                for w, y in (("Door", 5.0), ("Grid", 6.0), ("Puerta", 7.0))])
    assert fp010(plan) == []


def test_a_label_far_from_the_outlined_rooms_inside_the_walls_is_in_the_plan(tmp_path):
    # the rooms come from outlines (y 0-3 m) and the walls are not read for rooms; a label
    # 4.5 m north of them, inside the building's walls (9 x 9 m), is in the plan, not beside
    # it: the plan's extent takes the wall linework too, not only the outlines read
    plan = plan_with(tmp_path, [("AMBIENTE 3", 1.5, 5.0), ("AMBIENTE 4", 4.5, 5.0),
                                ("AMBIENTE 5", 7.0, 7.5)])
    assert fp010(plan) == ["AMBIENTE 3", "AMBIENTE 4", "AMBIENTE 5"]
