"""The frontend, through the recording backend: what is drawn, with which key, where."""

from __future__ import annotations

import math
import subprocess
import sys
from dataclasses import replace

import pytest
from shapely.geometry import Point, box

from floorplan.findings import Finding, Mark, Status
from floorplan.render.layout import layout
from floorplan.render.recording import record
from floorplan.render.scene import build, finding_where, room_label
from floorplan.render.style import STYLE
from tests.plans import plan, rect
from tests.render_helpers import report, three_rooms


@pytest.fixture(scope="module")
def rec():
    p, findings = three_rooms()
    return record(report(p, findings))


def test_rooms_are_filled_by_their_worst_status(rec):
    fills = {d.ref: d.key for d in rec.drawn if d.key.startswith("room.")}
    # R2 has a pass and is named by the failing door finding: fail is worse
    assert fills == {"R1": "room.fail", "R2": "room.fail", "R3": "room.fail", "R4": "room.warn"}


def test_a_room_nothing_checked_is_drawn_unchecked():
    p = plan(rect("R1", "Bedroom 1", 0, 0, 3, 3), rect("R2", "Store", 3.1, 0, 1, 1))
    f = Finding("T1", "x", Status.PASS, "ok", rooms=("R1",))
    fills = {d.ref: d.key for d in record(report(p, [f])).of(kind="area") if d.key.startswith("room.")}
    assert fills == {"R1": "room.pass", "R2": "room.unchecked"}


def test_the_room_fill_is_the_room_polygon(rec):
    (d,) = rec.of(key="room.fail", ref="R1")
    assert d.geometry.equals(box(0, 0, 3, 2.5))


def test_low_headroom_is_hatched_and_the_line_drawn_where_the_ceiling_is_1_5_m(rec):
    # ceiling rises 0.9 -> 2.6 m over 4 m: 1.5 m at y = 4 * 0.6 / 1.7
    y15 = 4 * 0.6 / 1.7
    (low,) = rec.of(key="headroom.low", ref="R4")
    assert low.look.hatch
    assert low.geometry.area == pytest.approx(4 * y15, rel=1e-3)
    (line,) = rec.of(key="line.headroom", ref="R4")
    assert line.geometry.length == pytest.approx(4.0, rel=1e-3)
    ys = [y for _, y in line.geometry.coords]
    assert ys == pytest.approx([y15] * len(ys), abs=1e-3)


def test_a_room_without_low_floor_has_no_headroom_line(rec):
    assert not rec.of(key="line.headroom", ref="R1")
    assert not rec.of(key="headroom.low", ref="R1")


def test_marks_are_drawn_in_the_status_of_their_finding(rec):
    assert [d.ref for d in rec.of(key="mark.fail")] == ["T101"]  # the failing room's outline
    # a passing room mark adds nothing (the fill says it)
    assert not rec.of(key="mark.pass")
    (door,) = rec.of(key="door.offending")
    assert door.geometry.equals(three_rooms()[0].doors[1].geometry)
    # the warning's low-headroom mark is outlined in the warning style
    (warn,) = rec.of(key="mark.warn")
    assert warn.look.edge == STYLE.look("room.warn").fill


def test_every_door_and_obstacle_is_drawn(rec):
    assert sorted(d.ref for d in rec.drawn if d.key == "door") == ["D1", "D2"]
    assert [d.kind for d in rec.drawn if d.key == "door"] == ["marker", "line"]
    (ob,) = rec.of(key="obstacle")
    assert ob.geometry.equals(box(0.1, 3.0, 0.7, 4.2))


def test_the_largest_clear_circle_sits_where_it_was_measured(rec):
    (c,) = rec.of(key="circle.clear", ref="R1")
    assert c.kind == "circle"  # centre and radius, not a polygon
    assert 2 * c.radius == pytest.approx(2.5, abs=0.01)  # a 3 x 2.5 room
    assert c.geometry.y == pytest.approx(1.25, abs=0.01)
    assert 1.25 - 0.01 <= c.geometry.x <= 1.75 + 0.01  # anywhere along the room's middle


def test_circle_marks_green_where_they_fit_red_with_the_diameter_where_not():
    p = plan(rect("R1", "Wet room", 0, 0, 1.2, 3), rect("R2", "Bedroom 1", 2, 0, 3, 3, wheelchair=True))
    fit = Point(3.5, 1.5).buffer(0.75)
    too_small = Point(0.6, 1.5).buffer(0.6)
    required = Point(0.6, 1.5).buffer(0.75)
    findings = [
        Finding("T3", "turning", Status.FAIL, "", rooms=("R1",), measured=1.2, required=1.5, unit="m",
                marks=(Mark("circle", too_small, size=1.2), Mark("required_circle", required, size=1.5))),
        Finding("T3", "turning", Status.PASS, "", rooms=("R2",), measured=3.0, required=1.5, unit="m",
                marks=(Mark("required_circle", fit, size=1.5, label="1500 mm"),)),
    ]
    rec = record(report(p, findings))
    assert [d.geometry for d in rec.of(key="circle.fail")] == [too_small]
    assert [d.geometry for d in rec.of(key="circle.required.fail")] == [required]
    assert [d.geometry for d in rec.of(key="circle.required.pass")] == [fit]
    assert rec.of(key="circle.fail")[0].look.edge == "#D55E00"
    assert rec.of(key="circle.required.pass")[0].look.edge == "#009E73"
    # the failing circle says what does fit; the passing one is not labelled
    texts = [d.text for d in rec.of(key="label.mark.fail")]
    assert "fits ⌀ 1.20 m" in texts and "needs ⌀ 1.50 m" in texts
    assert not rec.of(key="label.mark.pass")


def test_an_unknown_role_is_drawn_generically_by_status():
    p = plan(rect("R1", "Bedroom 1", 0, 0, 3, 3))
    g = box(0.5, 0.5, 1, 1)
    f = Finding("T9", "new-rule", Status.FAIL, "", rooms=("R1",), marks=(Mark("sink_zone", g, label="zone"),))
    rec = record(report(p, [f]))
    assert [d.geometry for d in rec.of(key="mark.fail")] == [g]
    assert [d.text for d in rec.of(key="label.mark.fail")] == ["zone"]


def test_room_labels_name_and_counted_area_with_gross_in_brackets(rec):
    (r2,) = rec.of(key="label", ref="R2")
    assert r2.text.startswith("Bedroom 2\n12.0 m²")
    assert "(" not in r2.text.split("\n")[1]
    (r4,) = rec.of(key="label", ref="R4")
    assert r4.text.split("\n")[1] == f"{4 * (4 - 4 * 0.6 / 1.7):.1f} m² (16.0 m²)"
    (r1,) = rec.of(key="label", ref="R1")
    assert r1.text.endswith("✗ T101")
    assert r1.geometry.within(box(0, 0, 3, 2.5))


def test_room_label_format():
    assert room_label("Bed", 7.2, 12.0) == "Bed\n7.2 m² (12.0 m²)"
    assert room_label("Bed", 12.0, 12.02) == "Bed\n12.0 m²"


def test_a_label_that_does_not_fit_moves_to_the_numbered_key():
    p = plan(rect("R1", "Bedroom 1", 0, 0, 30, 20), rect("R2", "Linen cupboard with a long name", 30.1, 0, 0.4, 0.4))
    rec = record(report(p))
    assert not rec.of(key="label", ref="R2")
    (num,) = rec.of(key="label.key", ref="R2")
    assert num.text == "1"
    assert rec.scene.key == ((1, "Linen cupboard with a long name — 0.2 m²"),)
    assert rec.of(key="label", ref="R1")


def test_a_key_number_sits_at_the_centre_of_the_rooms_clear_circle():
    # a 0.4 x 2 m cupboard: its label does not fit, and its deepest points run along
    # x = 30.3 from y = 0.2 to 1.8; the clear circle is centred on the middle, (30.3, 1.0)
    p = plan(rect("R1", "Bedroom 1", 0, 0, 30, 20), rect("R2", "Linen cupboard with a long name", 30.1, 0, 0.4, 2))
    rec = record(report(p))
    (num,) = rec.of(key="label.key", ref="R2")
    assert num.geometry.distance(Point(30.3, 1.0)) < 1e-9


def test_a_long_narrow_room_is_labelled_along_its_length():
    p = plan(rect("R1", "Corridor", 0, 0, 1.0, 8.0))
    (lab,) = record(report(p)).of(key="label")
    assert lab.geometry.within(box(0, 0, 1, 8))
    assert lab.text.startswith("Corridor")


def test_levels_become_panels_at_one_scale():
    p = plan(rect("G1", "Lounge", 0, 0, 5, 4, level=0), rect("F1", "Bedroom 1", 0, 0, 4, 4, level=1))
    scene = build(report(p))
    assert [pa.title for pa in scene.panels] == ["Level 0 (ground floor)", "Level 1 (first floor)"]
    assert [[d.ref for d in pa.primitives if d.key.startswith("room.")] for pa in scene.panels] == [["G1"], ["F1"]]
    k = 1000 / scene.scale
    for pa in scene.panels:
        w = pa.bounds[2] - pa.bounds[0]
        assert pa.frame[2] == pytest.approx(w * k)
    # side by side, no overlap
    a, b = scene.panels[0].frame, scene.panels[1].frame
    assert a[0] + a[2] <= b[0] or a[1] + a[3] <= b[1]


def test_pages_give_each_level_the_whole_drawing_area():
    p = plan(rect("G1", "Lounge", 0, 0, 5, 4, level=0), rect("F1", "Bedroom 1", 0, 0, 4, 4, level=1))
    panels = build(report(p)).scale
    pages = build(report(p), layout_mode="pages").scale
    assert pages <= panels  # a larger (or equal) drawing scale on its own page


def test_layout_picks_the_largest_standard_scale_that_fits():
    # the plan area of A3 less margins and sidebar: 420 - 20 - 105 - 12 = 283 mm wide
    scale, frames = layout([(10.0, 5.0)], STYLE, per_page=False)
    assert scale == 50  # 1:50 -> 200 mm (71% of the width), the largest plan scale
    assert frames[0][2] == pytest.approx(200.0)
    a3_only = replace(STYLE, choose_paper=False)
    scale, _ = layout([(60.0, 20.0)], a3_only, per_page=False)
    assert scale == 500  # 1:200 would need 300 mm; 1:500 is the next standard scale


def test_the_sheet_is_chosen_so_the_plan_fills_it():
    from floorplan.render.layout import plan_layout

    # 60 m at 1:500 is 120 mm of A3's 283: lost on the sheet; on A2 (594 - 137 = 457 mm
    # wide) it is 300 mm at 1:200
    lay = plan_layout([(60.0, 20.0)], STYLE, per_page=False)
    assert (lay.paper_name, lay.scale, lay.paper) == ("A2", 200, (594.0, 420.0))
    # 6 m x 4 m fits A4's 297 - 137 = 160 mm at 1:50 (120 mm) as well as A3: A4
    lay = plan_layout([(6.0, 4.0)], STYLE, per_page=False)
    assert (lay.paper_name, lay.scale) == ("A4", 50)
    # only standard scales
    for w in (3.0, 7.0, 13.0, 31.0, 77.0, 190.0):
        assert plan_layout([(w, w / 2)], STYLE, per_page=False).scale in STYLE.scales


def test_the_legend_lists_only_what_was_drawn(rec):
    keys = [k for k, _ in rec.scene.legend]
    assert "room.fail" in keys and "headroom.low" in keys and "door.offending" in keys
    assert "circle.required.pass" not in keys


def test_title_block_data_has_no_timestamp(rec):
    scene = rec.scene
    assert scene.title == "Three rooms"
    assert scene.counts == {"pass": 1, "fail": 2, "warn": 1, "not_applicable": 0}
    assert scene.result == "fail"
    notes = dict((t, s) for s, t in scene.notes)
    assert "T101 Bedroom 1: 7.50 m² (needs 8.00 m²)" in notes


def test_importing_the_renderer_loads_neither_matplotlib_nor_ezdxf():
    code = ("import sys, floorplan.render, floorplan.render.scene, floorplan.cli.render;"
            "print(any(m.split('.')[0] in ('matplotlib', 'ezdxf') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_style_key_the_scene_uses_has_a_look(rec):
    for d in rec.drawn:
        assert d.key in STYLE.looks, d.key


def test_status_colours_are_okabe_ito():
    assert STYLE.look("room.fail").fill == "#D55E00"
    assert STYLE.look("room.warn").fill == "#E69F00"
    assert STYLE.look("circle.pass").edge == "#009E73"
    assert not math.isclose(STYLE.look("room.pass").fill_alpha, 0)


def test_key_numbers_shrink_to_fit_small_rooms():
    # a 0.6 m cupboard at the scale of a 60 m room (1:200, 5 mm a metre): its number, in a
    # circle 0.25 em wider than the digit (0.6 em) each side, fits its 3 mm on paper:
    # 3 mm / 1.6 em = 1.875 mm, 5.3 pt, smaller than the style's 6.5 pt
    p = plan(rect("R1", "Bedroom 1", 0, 0, 60, 40), rect("R2", "Linen cupboard with a long name", 60.1, 0, 0.6, 0.6))
    rec = record(report(p))
    assert rec.scene.scale == 200
    (num,) = rec.of(key="label.key")
    assert num.text == "1"
    assert num.size == pytest.approx(3.0 / 1.6 / (25.4 / 72))


def _sidebar_texts(scene) -> list[str]:
    """What the PNG's sidebar writes, through an axes that only records its texts."""
    from floorplan.render.mpl import _sidebar

    class Axes:
        def __init__(self):
            self.texts: list[str] = []

        def text(self, x, y, s, **kw):
            self.texts.append(s)

        def __getattr__(self, name):
            return lambda *a, **kw: None

    ax = Axes()
    _sidebar(ax, scene, STYLE)
    return ax.texts


def test_key_numbers_too_small_to_read_are_left_off_and_counted():
    # at 1:200 a 0.3 m cupboard is 1.5 mm on paper: its number would be 1.5 / 1.6 mm,
    # 2.7 pt, 5.5 px at 150 dpi, under the 9 px (4.32 pt) a digit needs to be read; the
    # 0.6 m one's (5.3 pt, 11 px) stays and takes number 1
    p = plan(rect("R1", "Bedroom 1", 0, 0, 60, 40), rect("R2", "Airing cupboard with a long name", 60.1, 0, 0.3, 0.3),
             rect("R3", "Linen cupboard with a long name", 60.1, 1, 0.6, 0.6))
    rec = record(report(p))
    assert rec.scene.scale == 200
    assert not rec.of(key="label.key", ref="R2") and not rec.of(key="label", ref="R2")
    (num,) = rec.of(key="label.key", ref="R3")
    assert num.text == "1"
    assert [n for n, _ in rec.scene.key] == [1]
    assert rec.scene.too_small == 1
    assert "1 label too small to read at this scale left off (see the report)" in _sidebar_texts(rec.scene)
    # CAD zooms: its scene keeps both
    scene = build(report(p), legible=False)
    assert scene.too_small == 0
    assert sorted(q.ref for q in scene.primitives("label.key")) == ["R2", "R3"]


def test_text_labels_under_the_smallest_size_are_left_off():
    # a style whose failure marks are 4 pt: 8.3 px at 150 dpi, under 9 px, so not drawn
    p = plan(rect("R1", "Bedroom 1", 0, 0, 3, 2.5))
    looks = dict(STYLE.looks, label=replace(STYLE.look("label"), size=4.0))
    small = replace(STYLE, looks=looks)
    rec = record(report(p), small)
    assert not rec.of(key="label") and rec.scene.too_small == 1
    assert record(report(p), replace(small, min_text_px=8.0)).of(key="label")


def test_mark_outlines_leave_out_holes():
    from shapely.geometry import Polygon

    ring = [(0, 0), (6, 0), (6, 6), (0, 6)]
    hole = [(2, 2), (3, 2), (3, 3), (2, 3)]
    p = plan(rect("R1", "Bedroom 1", 0, 0, 6, 6))
    f = Finding("T1", "x", Status.FAIL, "", rooms=("R1",), marks=(Mark("room", Polygon(ring, [hole])),))
    (d,) = record(report(p, [f])).of(key="mark.fail")
    assert d.geometry.equals(Polygon(ring))


def test_things_without_a_level_go_to_the_level_of_the_room_under_them():
    from tests.plans import aerial, door, meter, obstacle

    p = plan(rect("G1", "Lounge", 0, 0, 5, 4, level=0), rect("F1", "Bedroom 1", 10, 0, 4, 4, level=1),
             doors=[door("D1", 12, 2)], obstacles=[obstacle("wardrobe", 10.2, 0.2, 0.6, 1.0, oid="O1")],
             meters=[meter(11, 3)], aerials=[aerial(30, 30)])
    f = Finding("T9", "spot-check", Status.FAIL, "here", marks=(Mark("spot", Point(13, 1)),))
    scene = build(report(p, [f]))
    level = {(d.key, d.ref or d.geometry.wkt): pa.level for pa in scene.panels for d in pa.primitives}
    assert level[("door", "D1")] == 1
    assert level[("obstacle", "O1")] == 1
    assert level[("point", "POINT (11 3)")] == 1
    assert level[("point", "POINT (30 30)")] == 0  # under no room: the first level
    assert level[("marker.fail", "T9")] == 1


def test_the_key_says_what_each_finding_is_about():
    names = {"H": "Hall", "S": "Store", "B": "Bedroom", "K": "Kitchen"}
    door = Finding("FP202", "door-clear-width", Status.FAIL, "…", rooms=("H", "S"), dwelling="Flat 1",
                   marks=(Mark("door", Point(0, 0), label="F1.D2"),))
    flat = Finding("FP103", "dwelling-area", Status.FAIL, "…", rooms=("H", "S", "B", "K"), dwelling="Flat 1")
    empty_flat = Finding("FP108", "built-in-storage", Status.WARN, "…", dwelling="Flat 2")
    room = Finding("FP101", "bedroom-area", Status.FAIL, "…", rooms=("B",), dwelling="Flat 1")
    plan_wide = Finding("FP401", "scheme-size", Status.FAIL, "…")
    assert finding_where(door, names) == "door F1.D2 (Hall, Store)"
    assert finding_where(flat, names) == "dwelling Flat 1"
    assert finding_where(empty_flat, names) == "dwelling Flat 2"
    assert finding_where(room, names) == "Bedroom"
    assert finding_where(plan_wide, names) == "plan"


def test_a_count_of_rooms_in_the_sidebar_says_what_is_missing():
    from floorplan.findings import Finding, Status
    from floorplan.render.scene import finding_note

    # FP303 with no sleep-in room: "0 rooms (needs 1 room)" says nothing of which room
    f = Finding(rule="FP303", name="staff-sleep-in", status=Status.FAIL, measured=0.0,
                required=1.0, unit="rooms", message="no staff sleep-in room on the plan; one required")
    assert finding_note(f, {}) == "FP303 plan: no staff sleep-in room on the plan; one required"
    # figures that agree on a point to review: the message says why it is to review
    f = Finding(rule="FP301", name="door-count", status=Status.WARN, rooms=("R1",), measured=0.0,
                required=0.0, unit="doors", message="no door shown on the plan")
    assert finding_note(f, {"R1": "BR#1"}) == "FP301 BR#1: no door shown on the plan"
    # a shortfall in a counted thing still shows its figures
    f = Finding(rule="FP302", name="bathroom-provision", status=Status.FAIL, measured=1.0,
                required=2.0, unit="bathrooms", message="1 bathroom for 4 tenants")
    assert finding_note(f, {}) == "FP302 plan: 1 bathroom (needs 2 bathrooms)"
    # a message that names its room first does not name it twice
    f = Finding(rule="FP106", name="ceiling-height", status=Status.WARN, rooms=("R1",),
                message="BR#1: ceiling height not shown on the plan")
    assert finding_note(f, {"R1": "BR#1"}) == "FP106 BR#1: ceiling height not shown on the plan"


def test_dwelling_outlines_group_rooms_by_level_and_dwelling_in_plan_order():
    # Flat B's rooms first in the file, so the plan lists B before A; A has rooms on two
    # levels; a room of no dwelling is outlined by none. Two rooms 0.1 m apart (a wall)
    # join into one outline of their bounding box: grown by 0.3 m, united, shrunk back.
    from shapely.geometry import Polygon

    from floorplan.render.placing import dwelling_outlines, outlines_by_level

    p = plan(rect("B1", "Bedroom 1", 10, 0, 3, 3, dwelling="B"),
             rect("A1", "Bedroom 1", 0, 0, 2, 3, dwelling="A"),
             rect("A2", "Kitchen", 2.1, 0, 1.9, 3, dwelling="A"),
             rect("A3", "Bedroom 2", 0, 0, 3, 3, dwelling="A", level=1.0),
             rect("S1", "Store", 20, 0, 1, 1))
    got = outlines_by_level(p)
    assert sorted(got) == [0.0, 1.0]
    assert [name for name, _ in got[0.0]] == ["B", "A"]
    assert [name for name, _ in got[1.0]] == ["A"]
    a0 = dict(got[0.0])["A"]
    assert a0.geom_type == "LineString"
    assert Polygon(a0.coords).equals(box(0, 0, 4, 3))
    assert Polygon(dict(got[0.0])["B"].coords).equals(box(10, 0, 13, 3))
    assert Polygon(got[1.0][0][1].coords).equals(box(0, 0, 3, 3))
    assert dwelling_outlines(p, 1.0) == got[1.0]
    assert dwelling_outlines(p, 2.0) == []


def test_a_dwelling_in_two_parts_is_outlined_by_both():
    from floorplan.render.placing import outlines_by_level

    p = plan(rect("A1", "Bedroom 1", 0, 0, 3, 3, dwelling="A"),
             rect("A2", "Kitchen", 5, 0, 3, 3, dwelling="A"))  # 2 m apart: not closed
    (name, outline), = outlines_by_level(p)[0.0]
    assert name == "A" and outline.geom_type == "MultiLineString"
    assert sorted(round(g.length, 9) for g in outline.geoms) == [12.0, 12.0]


def test_a_finding_over_rooms_on_two_levels_marks_each_room_on_its_own_level():
    # building.dxf's bathroom count: toilets on three floors in one finding; each room's mark
    # belongs on its own floor's panel, not all on the first room's
    g1, f1 = rect("G1", "WC", 0, 0, 2, 2, level=0), rect("F1", "Bathroom", 10, 0, 3, 2, level=1)
    p = plan(g1, f1)
    f = Finding("T7", "count", Status.WARN, "…", rooms=("F1", "G1"),
                marks=(Mark("room", f1.polygon), Mark("room", g1.polygon), Mark("spot", Point(30, 30))))
    scene = build(report(p, [f]))
    marks = [(pa.level, d.geometry.bounds) for pa in scene.panels for d in pa.primitives
             if d.ref == "T7" and d.kind == "area"]
    assert sorted(marks) == [(0, (0.0, 0.0, 2.0, 2.0)), (1, (10.0, 0.0, 13.0, 2.0))]
    spots = [pa.level for pa in scene.panels for d in pa.primitives if d.ref == "T7" and d.kind == "marker"]
    assert spots == [1]  # under none of its rooms: the level of its first room, as before
