"""Floor plans drawn side by side closer than the views' gap, each under its own level
title (views/floors), and titles written in paper space under the viewports
(views/paper).

Each plan is tests/dxf_patterns.py's two-room plan: rooms x [ox + 0.1, ox + 4.1] and
[ox + 4.2, ox + 8.2], y [0.1, 3.1], 12 m² each, a door in the partition. Plans 9.5 m
apart leave 1.2 m of empty sheet between their walls (8.3 to 9.5), under the views' 3 m
gap, so the sheet makes one view of them; their rooms lie 1.4 m apart (8.2 to 9.6), more
than a wall's thickness (1 m), so they fall into two columns, parted midway, at 8.9 m.
"""

from __future__ import annotations

import re
from types import SimpleNamespace as NS

import pytest
from shapely.geometry import box

from floorplan.io import dxf
from floorplan.io.dxf.views.floors import MEZZANINE, Title, floors, level_from_text
from floorplan.io.dxf.views.paper import paper_titles
from tests.dxf_patterns import Sheet, two_room_plan


def read(sheet: Sheet, tmp_path, **kw):
    return dxf.read(sheet.save(tmp_path / "sheet.dxf"), **kw)


def levels(plan) -> dict[str, float]:
    return {r.name: r.level for r in plan.rooms}


def notes(plan, pattern: str) -> list[str]:
    return [n for n in plan.notes if re.search(pattern, n)]


def _two_floors(s: Sheet, titles=("GROUND FLOOR PLAN", "FIRST FLOOR PLAN")) -> None:
    two_room_plan(s, 0, 0, names=("KITCHEN", "LIVING ROOM"))
    two_room_plan(s, 9.5, 0, names=("BEDROOM 1", "BATHROOM"))
    for title, x in zip(titles, (2.0, 11.5), strict=False):
        if title:
            s.text(title, (x, -1.5), height=0.4)


def test_floors_side_by_side_closer_than_the_gap_parted_by_their_titles(tmp_path):
    s = Sheet()
    _two_floors(s)
    plan = read(s, tmp_path)
    assert levels(plan) == {"KITCHEN": 0.0, "LIVING ROOM": 0.0, "BEDROOM 1": 1.0, "BATHROOM": 1.0}
    assert sorted(d.level for d in plan.doors) == [0.0, 1.0]
    assert all(r.polygon.area == pytest.approx(12.0) for r in plan.rooms)
    (said,) = notes(plan, r"held 2 floor plans side by side")
    assert "'GROUND FLOOR PLAN', 'FIRST FLOOR PLAN'" in said and "parted at x 8.9 m" in said
    assert notes(plan, r"read as their levels")
    assert not any(f.code == "FP012" for f in plan.findings)


def test_the_same_plans_without_titles_stay_one_view(tmp_path):
    s = Sheet()
    _two_floors(s, titles=())
    plan = read(s, tmp_path)
    assert set(levels(plan).values()) == {0.0} and len(plan.rooms) == 4
    assert not notes(plan, r"floor plans side by side|the sheet holds")


@pytest.mark.parametrize("titles", [("GROUND FLOOR PLAN", None), ("FIRST FLOOR", "1ST FLOOR PLAN")])
def test_one_level_named_parts_nothing(tmp_path, titles):
    s = Sheet()
    _two_floors(s, titles)
    plan = read(s, tmp_path)
    assert len(plan.rooms) == 4 and len(set(levels(plan).values())) == 1
    assert not notes(plan, r"floor plans side by side")


def test_a_level_word_in_a_room_is_its_name_not_a_title(tmp_path):
    s = Sheet()
    two_room_plan(s, 0, 0, names=("MEZZANINE", "LIVING ROOM"))  # a room's name, inside it
    two_room_plan(s, 9.5, 0, names=("BEDROOM 1", "BATHROOM"))
    s.text("FIRST FLOOR PLAN", (11.5, -1.5), height=0.4)
    plan = read(s, tmp_path)
    assert len(plan.rooms) == 4 and len(set(levels(plan).values())) == 1
    assert not notes(plan, r"floor plans side by side")


def test_a_part_with_no_door_or_label_is_no_floor(tmp_path):
    s = Sheet()
    two_room_plan(s, 0, 0, names=("KITCHEN", "LIVING ROOM"))
    two_room_plan(s, 9.5, 0, names=(), door=False)  # a frame or setting-out drawing
    s.text("GROUND FLOOR PLAN", (2, -1.5), height=0.4)
    s.text("FIRST FLOOR PLAN", (11.5, -1.5), height=0.4)
    plan = read(s, tmp_path)
    assert not notes(plan, r"floor plans side by side")
    assert set(levels(plan).values()) == {0.0}


def _paper_sheet(s: Sheet, titles) -> None:
    """Three plans in a row, 9.5 m apart, and a fourth 40 m from the first; a paper-space
    layout frames each in a 1:100 viewport (90 x 50 paper mm: 9 x 5 m of model round the
    plan) with its title written 10 mm under the frame."""
    for ox, names in ((0, ("KITCHEN", "LIVING ROOM")), (9.5, ("OFFICE", "STORE")),
                      (19, ("BEDROOM 1", "BATHROOM")), (40, ("BEDROOM 2", "BEDROOM 3"))):
        two_room_plan(s, ox, 0, names=names)
    lay = s.doc.layouts.new("A1")
    for k, (mx, title) in enumerate(zip((4.15, 13.65, 23.15, 44.15), titles, strict=True)):
        cx = 50 + 100 * k
        lay.add_viewport(center=(cx, 100), size=(90, 50), view_center_point=(mx, 1.6), view_height=5.0)
        lay.add_text(title, height=5, dxfattribs={"layer": "NOTES"}).set_placement((cx - 30, 65))


def test_paper_space_titles_under_viewports_name_the_floors(tmp_path):
    s = Sheet()
    _paper_sheet(s, ("GROUND FLOOR PLAN", "MEZZANINE FLOOR PLAN", "FIRST FLOOR PLAN",
                     "SECOND FLOOR PLAN"))
    plan = read(s, tmp_path)
    assert levels(plan) == {"KITCHEN": 0.0, "LIVING ROOM": 0.0, "OFFICE": 0.5, "STORE": 0.5,
                            "BEDROOM 1": 1.0, "BATHROOM": 1.0, "BEDROOM 2": 2.0, "BEDROOM 3": 2.0}
    assert sorted(d.level for d in plan.doors) == [0.0, 0.5, 1.0, 2.0]
    (said,) = notes(plan, r"held 3 floor plans side by side")
    assert "read apart as views 1-3, parted at x 8.9, 18.4 m" in said
    assert notes(plan, r"the sheet holds 4 views: read 1, 2, 3, 4")


def test_paper_titles_naming_no_level_leave_the_row_one_view(tmp_path):
    s = Sheet()
    _paper_sheet(s, ("PLAN A", "PLAN B", "PLAN C", "PLAN D"))
    plan = read(s, tmp_path)
    assert not notes(plan, r"floor plans side by side")
    # the row (view 1, 6 rooms) and the plan apart (view 2) are unlike: the row is read
    assert len(plan.rooms) == 6 and any(f.code == "FP012" for f in plan.findings)


def test_floors_one_above_the_other_part_along_y():
    spaces = [box(0, 0, 5, 4), box(0, 4.2, 5, 8), box(0, 12, 5, 16), box(0, 16.2, 5, 20)]
    titles = [Title("FIRST FLOOR", 1.0, 7.0, 18.0), Title("GROUND FLOOR", 0.0, 7.0, 6.0)]
    # the rows' spaces: y 0-8 and 12-20, parted midway at 10
    assert floors(spaces, [True] * 4, titles) == (1, [10.0], [0.0, 1.0])


def test_floors_not_parted_when_the_titles_do_not_sort_the_columns():
    spaces = [box(0, 0, 5, 4), box(8, 0, 13, 4), box(16, 0, 21, 4)]
    two_in_one = [Title("GROUND FLOOR", 0.0, 2.0, -1.0), Title("FIRST FLOOR", 1.0, 3.0, -1.0),
                  Title("SECOND FLOOR", 2.0, 18.0, -1.0)]
    assert floors(spaces, [True] * 3, two_in_one) is None  # column 1 under two titles
    apart = [Title("GROUND FLOOR", 0.0, 2.5, -1.0), Title("FIRST FLOOR", 1.0, 10.5, -1.0),
             Title("GROUND FLOOR", 0.0, 18.5, -1.0)]
    assert floors(spaces, [True] * 3, apart) is None  # the ground floor twice, apart
    # an untitled column joins its nearest titled neighbour: parts x 0-13 and 16-21
    joined = [Title("GROUND FLOOR", 0.0, 2.5, -1.0), Title("FIRST FLOOR", 1.0, 18.5, -1.0)]
    assert floors(spaces, [True] * 3, joined) == (0, [14.5], [0.0, 1.0])


def test_level_titles():
    assert level_from_text("MEZZANINE FLOOR PLAN") == MEZZANINE == 0.5
    assert level_from_text("MEZZ. FLOOR") == 0.5 and level_from_text("MEZZ") is None
    assert level_from_text("SECOND FLOOR PLAN") == 2.0


def _viewport(**kw):
    d = dict(id=2, status=1, center=(100.0, 50.0), width=200.0, height=100.0,
             view_center_point=(40000.0, 5000.0), view_height=10000.0,
             view_target_point=(0.0, 0.0, 0.0), view_direction_vector=(0.0, 0.0, 1.0),
             view_twist_angle=0.0, layer="VP")
    d.update(kw)
    return NS(dxftype=lambda: "VIEWPORT", dxf=NS(**d))


def _text(s, at, layer="NOTES"):
    return NS(dxftype=lambda: "TEXT", dxf=NS(text=s, insert=at, layer=layer))


def test_paper_titles_stand_outside_the_frame_near_it():
    # the frame: paper x 0-200, y 0-100, showing model x 30000-50000, y 0-10000 (1:100)
    frame = (30000.0, 0.0, 50000.0, 10000.0)
    under = _text("GROUND FLOOR PLAN", (60.0, -10.0))
    over = _text("SECTION A-A", (60.0, 140.0))           # 40 over the top: within half the height
    inside = _text("FIRST FLOOR PLAN", (60.0, 20.0))      # over the drawing: a note in it
    far = _text("SECOND FLOOR PLAN", (60.0, -60.0))       # 60 under: beyond half the height
    beside = _text("THIRD FLOOR PLAN", (250.0, 50.0))     # not under or over the frame
    hidden = _text("LEVEL 4", (80.0, -10.0), layer="OFF")
    got = paper_titles([NS(entities=[_viewport(), under, over, inside, far, beside, hidden])], {"OFF"})
    assert got == [("GROUND FLOOR PLAN", frame), ("SECTION A-A", frame)]


@pytest.mark.parametrize("kw", [dict(view_twist_angle=90.0), dict(status=0), dict(id=1),
                                dict(view_direction_vector=(1.0, 0.0, 0.0))])
def test_paper_titles_skip_viewports_not_looking_down_on_the_plan(kw):
    assert paper_titles([NS(entities=[_viewport(**kw), _text("GROUND FLOOR PLAN", (60.0, -10.0))])]) == []


def test_grid_split_parts_a_view_exactly_at_the_cut_and_renumbers_the_rest():
    import numpy as np

    from floorplan.io.dxf.views.grid import Grid

    # two drawings 1 m apart (one view: under the 3 m gap) and a third 11 m to the right
    grid = Grid(np.array([[0.0, 0.0, 4.0, 3.0], [5.0, 0.0, 9.0, 3.0], [20.0, 0.0, 24.0, 3.0]]))
    pts = np.array([[4.49, 1.0], [4.51, 1.0], [22.0, 1.0], [12.0, 1.0]])
    assert grid.n == 2 and grid.at(pts).tolist() == [0, 0, 1, -1]
    grid.split(0, 0, [4.5])
    assert grid.n == 3 and grid.at(pts).tolist() == [0, 1, 2, -1]
