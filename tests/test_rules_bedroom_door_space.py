"""FP204 bedroom-door-space (M4(3) 3.35: a 1200 x 1200 mm clear space inside every
bedroom door), with hand-worked squares."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely import affinity

from floorplan.engine import check
from floorplan.io.geojson import read as read_geojson
from floorplan.model import Obstacle
from tests.plans import door, door_line, obstacle, plan, poly, rect, slope_y
from tests.rulecheck import of, one, run, status

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _bedroom(*extra, doors=None, obstacles=(), **kw):
    """A 3.0 x 3.6 m bedroom (y 0-3.6) over a hall (y -1.3 to -0.1); a 900 mm door in
    the middle of the bedroom's south wall (opening x 1.05-1.95)."""
    doors = [door("D1", 1.5, -0.05, width=0.9)] if doors is None else doors
    return plan(rect("B", "Bedroom", 0, 0, 3.0, 3.6), rect("H", "Hall", 0, -1.3, 3.0, 1.2), *extra,
                doors=doors, obstacles=obstacles, scheme="flat", **kw)


@pytest.mark.parametrize("gap, expect", [
    (1.3, "pass"),
    (1.2, "pass"),     # the bed exactly 1.2 m from the door wall
    (1.19, "fail"),    # 10 mm short
    (1.0, "fail"),
])
def test_bed_in_front_of_the_door(gap, expect):
    # a bed 2.0 m wide across the opening (x 0.5-2.5), ``gap`` from the door wall: every
    # square spanning the opening is over the bed's width, so it is ``gap`` deep at most
    p = _bedroom(obstacles=[obstacle("bed", 0.5, gap, 2.0, 2.0)])
    f = one(check(p, "m4-3"), "FP204")
    assert (f.status.value, f.rooms, f.required, f.unit) == (expect, ("B",), 1.2, "m")
    assert f.measured == pytest.approx(gap, abs=1e-6)
    roles = [m.role for m in f.marks]
    assert roles[:2] == ["room", "door"] and "clear_square" in roles
    sq = [m for m in f.marks if m.role == "clear_square"][0]
    assert sq.size == 1.2 and sq.geometry.area == pytest.approx(1.44)
    if expect == "pass":   # drawn where it fits: in the bedroom, clear of the bed
        assert p.rooms[0].polygon.buffer(1e-9).contains(sq.geometry)
        assert sq.geometry.intersection(p.obstacles[0].polygon).area < 1e-9


def test_an_empty_bedroom_holds_its_short_side():
    # no furniture: the largest square spanning the door is the 3.0 m wall's length
    f = one(run(_bedroom(), "m4-3"), "FP204")
    assert (f.status.value, f.measured) == ("pass", pytest.approx(3.0, abs=1e-6))


@pytest.mark.parametrize("wardrobe_x, expect, measured", [
    # door near the west corner (opening x 0.05-0.95), a wardrobe 0.6 m deep along the
    # door wall from ``wardrobe_x``: the centred square (x -0.1 to 1.1) is through the
    # west wall, but slid to the corner (x 0 to 1.2) it still spans the opening
    (1.2, "pass", 1.2),
    (1.19, "fail", 1.19),
])
def test_the_square_may_slide_along_the_wall(wardrobe_x, expect, measured):
    p = _bedroom(doors=[door("D1", 0.5, -0.05, width=0.9)],
                 obstacles=[obstacle("wardrobe", wardrobe_x, 0, 3.0 - wardrobe_x, 0.6)])
    f = one(run(p, "m4-3"), "FP204")
    assert (f.status.value, f.measured) == (expect, pytest.approx(measured, abs=1e-6))


def test_a_door_wider_than_the_square():
    # a 1.5 m pair of doors (opening x 0.75-2.25) with a wardrobe 0.6 m deep along the
    # wall to x 1.0 and a chest from x 2.25: the centred square (x 0.9-2.1) hits the
    # wardrobe, but one within the opening (x 1.0-2.2) is clear; the largest is 1.25 m
    # (x 1.0-2.25), since a square wider than the doors must span them and hits both
    p = _bedroom(doors=[door("D1", 1.5, -0.05, width=1.5)],
                 obstacles=[obstacle("wardrobe", 0, 0, 1.0, 0.6), obstacle("chest", 2.25, 0, 0.75, 0.6)])
    f = one(run(p, "m4-3"), "FP204")
    assert (f.status.value, f.measured) == ("pass", pytest.approx(1.25, abs=1e-6))


def test_door_width_not_shown_uses_its_centre():
    # the wardrobe from x 1.1: no square spanning a 900 mm opening fits (at most 1.1 m:
    # 0 to 1.1), and with no width the square still need only reach the centre at 0.5
    p = _bedroom(doors=[door("D1", 0.5, -0.05, width=None)],
                 obstacles=[obstacle("wardrobe", 1.1, 0, 1.9, 0.6)])
    f = one(run(p, "m4-3"), "FP204")
    assert (f.status.value, f.measured) == ("fail", pytest.approx(1.1, abs=1e-6))
    assert "width not shown" in f.message


def test_door_drawn_as_a_line_across_the_opening():
    # the opening drawn as a line in the wall (x 0.05-0.95), its width the line's length;
    # with the wardrobe from x 1.19 the square is 1.19 m at most, as with a point door
    p = _bedroom(doors=[door_line("D1", 0.05, -0.05, 0.95, -0.05)],
                 obstacles=[obstacle("wardrobe", 1.19, 0, 1.81, 0.6)])
    f = one(run(p, "m4-3"), "FP204")
    assert (f.status.value, f.measured) == ("fail", pytest.approx(1.19, abs=1e-6))
    assert "width not shown" not in f.message


def test_floor_under_a_low_ceiling_is_not_clear():
    # the ceiling falls from 1.9 m at the door wall by 0.5 m a metre: 1.5 m at y = 0.8,
    # so an 0.8 m square (narrower than the door, so it need only reach its centre) fits
    p = _bedroom(ceilings=[slope_y(0, 0, 3.0, 3.6, 1.9, 0.1)])
    f = one(run(p, "m4-3"), "FP204")
    assert (f.status.value, f.measured) == ("fail", pytest.approx(0.8, abs=1e-6))


def test_turned_plan_at_the_threshold():
    # the bed-at-1.2 m case turned 30° about the origin: still exactly 1.2 m
    def turn(g):
        return affinity.rotate(g, 30, origin=(0, 0))
    base = _bedroom(obstacles=[obstacle("bed", 0.5, 1.2, 2.0, 2.0)])
    p = plan(poly("B", "Bedroom", turn(base.rooms[0].polygon)), poly("H", "Hall", turn(base.rooms[1].polygon)),
             doors=[door("D1", *turn(base.doors[0].geometry).coords[0], width=0.9)],
             obstacles=[Obstacle("bed", "bed", turn(base.obstacles[0].polygon))], scheme="flat")
    f = one(run(p, "m4-3"), "FP204")
    assert (f.status.value, f.measured) == ("pass", pytest.approx(1.2, abs=1e-6))


def test_which_doors():
    # an en-suite and a cupboard reached only through the bedroom, and a store off it:
    # only the door from the hall is the bedroom's; with doors = "all" the en-suite door
    # is checked too (the store still excepted by use)
    en, cpd = rect("E", "En-suite", 3.1, 0, 2.0, 2.0), rect("C", "Cupboard", 3.1, 2.1, 1.0, 1.0)
    doors = [door("D1", 1.5, -0.05), door("D2", 3.05, 1.0), door("D3", 3.05, 2.6, width=0.6)]
    r = run(_bedroom(en, cpd, doors=doors), "m4-3")
    assert [f.marks[1].label for f in r.findings if f.rule == "FP204"] == ["D1"]
    assert status(r, "FP204") == "pass"


def test_all_doors_and_wheelchair_bedrooms_from_a_profile(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[profile]\nextends = "m4-3"\n[rules.FP204]\ndoors = "all"\n'
                    'applies_to = ["wheelchair_bedrooms"]\n')
    en = rect("E", "En-suite", 3.1, 0, 2.0, 2.0)
    doors = [door("D1", 1.5, -0.05), door("D2", 3.05, 1.0)]
    r = run(_bedroom(en, doors=doors), str(path))
    assert status(r, "FP204") == "not_applicable"        # no wheelchair bedroom
    p = plan(rect("B", "Bedroom", 0, 0, 3.0, 3.6, wheelchair=True), rect("H", "Hall", 0, -1.3, 3.0, 1.2),
             en, doors=doors, scheme="flat")
    # the en-suite door (y 0.55-1.45 on the east wall) now counts: 3.0 m deep, 3.6 m long
    assert [(f.marks[1].label, f.status.value) for f in run(p, str(path)).findings if f.rule == "FP204"] \
        == [("D1", "pass"), ("D2", "pass")]


def test_bedroom_without_a_door_warns():
    f = one(run(_bedroom(doors=[]), "m4-3"), "FP204")
    assert (f.status.value, f.measured, f.rooms) == ("warn", None, ("B",))


@pytest.mark.parametrize("profile", ["ecc-supported-living", "ndss"])
def test_only_in_m43(profile):
    assert not of(run(_bedroom(obstacles=[obstacle("bed", 0.5, 0.5, 2.0, 2.0)]), profile), "FP204")


def test_birch_court_flat_5():
    # samples/make_samples.py: each flat's bedroom door (D4) is in the bedroom's west
    # wall, its 800 mm opening at y 1.6-2.4; the bed (y 0.5-2.5) spans it. Flats 1-4:
    # the bedroom from x+4.0, the bed from x+5.6: 1.6 m. Flat 5: bedroom from x+3.1,
    # bed from x+4.0: 0.9 m, 0.3 m short
    r = check(read_geojson(SAMPLES / "birch-court.geojson"), "m4-3")
    got = {f.rooms[0]: (f.status.value, round(f.measured, 6)) for f in r.findings if f.rule == "FP204"}
    assert got == {**{f"F{n}.2": ("pass", 1.6) for n in range(1, 5)}, "F5.2": ("fail", 0.9)}


def test_oak_house_bedrooms():
    # samples/make_samples.py. Bedroom 1 (3.9 x 3.6, door D2 in the east wall at y 1.35-2.25):
    # the wardrobe (x 2.9-3.9, y 0-0.6) and the bed (x 0-0.9) leave a 3.0 m square (x 0.9-3.9,
    # y 0.6-3.6); its en-suite door D3 is not an entrance. Bedroom 2 (3.9 x 3.6, empty): 3.6 m.
    # Bedroom 3 (3.9 x 2.2): 2.2 m; its linen cupboard door is not checked. Bedroom 4 (the
    # attic): 1.5 m headroom 1.8 m from the landing wall (y 6.0-7.8): 1.8 m
    r = check(read_geojson(SAMPLES / "oak-house.geojson"), "m4-3")
    got = {(f.rooms[0], f.marks[1].label): (f.status.value, round(f.measured, 6))
           for f in r.findings if f.rule == "FP204"}
    assert got == {("G1", "D2"): ("pass", 3.0), ("F1", "D9"): ("pass", 3.6),
                   ("F2", "D10"): ("pass", 2.2), ("F6", "D12"): ("pass", 1.8)}
