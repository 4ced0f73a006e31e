"""Sheets that hold more than the plan: views, which are read, levels, ``--view``.

Each sheet is built in metres from tests/dxf_patterns.py; the plan's rooms are 4 x 3 m
between wall faces (12 m² each, worked by hand there).
"""

from __future__ import annotations

import math
import re

import pytest
from click.testing import CliRunner

from floorplan.cli import cli as cli_main
from floorplan.errors import PlanReadError
from floorplan.io import dxf
from tests.dxf_patterns import Sheet, elevation, schedule, title_block, two_room_plan


def read(sheet: Sheet, tmp_path, **kw):
    return dxf.read(sheet.save(tmp_path / "sheet.dxf"), **kw)


def note(plan, pattern: str) -> str:
    hits = [n for n in plan.notes if re.search(pattern, n)]
    assert hits, f"no note matches {pattern!r}: {plan.notes}"
    return hits[0]


def test_plan_read_and_elevation_schedule_title_block_set_aside(tmp_path):
    s = Sheet()
    two_room_plan(s)               # view 1, x 0-8.3
    elevation(s, 14, 0)            # view 2
    schedule(s, 26, 0)             # view 3: a table of 15 cells of 3 m²
    title_block(s, 40, 0)          # view 4
    plan = read(s, tmp_path)
    assert sorted((r.name, round(r.polygon.area, 4)) for r in plan.rooms) == [
        ("BEDROOM", 12.0), ("KITCHEN", 12.0)]
    note(plan, r"the sheet holds 4 views: read 1$")
    note(plan, r"^view 2 .* set aside: .*roof-like profile")
    note(plan, r"^view 3 .* set aside: a grid of 15 near-identical cells")
    note(plan, r"^view 4 .* set aside: mostly text")
    assert not any(f.code == "FP012" for f in plan.findings)


def test_floors_named_by_their_titles_become_levels(tmp_path):
    s = Sheet()
    two_room_plan(s, 20, 0, names=("BEDROOM 1", "BATHROOM"))
    s.text("FIRST FLOOR PLAN", (22, -1.5), height=0.4)
    two_room_plan(s, 0, 0, names=("KITCHEN", "LIVING ROOM"))
    s.text("GROUND FLOOR PLAN", (2, -1.5), height=0.4)
    plan = read(s, tmp_path)
    assert {r.name: r.level for r in plan.rooms} == {
        "KITCHEN": 0.0, "LIVING ROOM": 0.0, "BEDROOM 1": 1.0, "BATHROOM": 1.0}
    assert {d.level for d in plan.doors} == {0.0, 1.0}
    note(plan, r"read as their levels")


def test_floors_named_lower_left_to_right_by_title_not_position(tmp_path):
    s = Sheet()
    two_room_plan(s, 0, 0, names=("BEDROOM 1", "BATHROOM"))
    s.text("1ST FLOOR", (2, -1.5), height=0.4)
    two_room_plan(s, 20, 0, names=("KITCHEN", "LIVING ROOM"))
    s.text("Ground Floor", (22, -1.5), height=0.4)
    plan = read(s, tmp_path)
    assert {r.name: r.level for r in plan.rooms}["KITCHEN"] == 0.0
    assert {r.name: r.level for r in plan.rooms}["BEDROOM 1"] == 1.0


def _unlike_plans(s: Sheet) -> None:
    """Two plan views that are not floors of one building: a two-room flat (24 m²) and,
    20 m to its right, a 3 x 2 m shed with a door and a label."""
    two_room_plan(s)
    s.mass(_shed(20, 0))
    s.text("STORE", (21, 1))


def _shed(ox, oy):
    from shapely.geometry import box
    return box(ox, oy, ox + 3.2, oy + 2.2).difference(box(ox + 0.1, oy + 0.1, ox + 3.1, oy + 2.1))


def test_unlike_plans_read_the_most_plan_like_with_a_warning(tmp_path):
    s = Sheet()
    _unlike_plans(s)
    plan = read(s, tmp_path)
    assert sorted(r.name for r in plan.rooms) == ["BEDROOM", "KITCHEN"]
    (w,) = [f for f in plan.findings if f.code == "FP012"]
    assert "view 1" in w.message and "view 2" in w.message and "--view" in w.message


def test_view_option_reads_the_view_named(tmp_path):
    s = Sheet()
    _unlike_plans(s)
    plan = read(s, tmp_path, view=2)
    # the shed: 3 x 2 m between its wall faces
    assert [(r.name, round(r.polygon.area, 4)) for r in plan.rooms] == [("STORE", 6.0)]
    assert plan.doors == ()
    note(plan, r"^view 1 .* set aside: --view 2 names another")


def test_view_out_of_range_is_one_clear_error(tmp_path):
    s = Sheet()
    _unlike_plans(s)
    with pytest.raises(PlanReadError, match=r"--view 5: the sheet has views 1-2"):
        read(s, tmp_path, view=5)


def test_cli_view_option(tmp_path):
    s = Sheet()
    _unlike_plans(s)
    path = s.save(tmp_path / "sheet.dxf")
    res = CliRunner().invoke(cli_main, ["check", path, "--view", "2", "--format", "json"])
    assert res.exit_code in (0, 1), res.output
    assert '"STORE"' in res.output and '"BEDROOM"' not in res.output
    res = CliRunner().invoke(cli_main, ["check", path, "--view", "9", "--format", "json"])
    assert res.exit_code == 2 and "--view 9" in res.output


def test_only_view_an_elevation_reads_no_floor_plan(tmp_path):
    s = Sheet()
    elevation(s, 0, 0)
    path = s.save(tmp_path / "sheet.dxf")
    with pytest.raises(PlanReadError, match=r"no floor plan found: view 1 .*roof-like profile"):
        dxf.read(path)
    plan = dxf.read(path, require_rooms=False)
    assert plan.rooms == ()
    note(plan, r"^no floor plan found: .*--view N")
    # named with --view, it is read all the same, every room of low confidence
    plan = dxf.read(path, view=1)
    assert plan.rooms and {r.confidence for r in plan.rooms} == {"low"}
    note(plan, r"read as --view 1 asks, although it does not look like a floor plan")


def test_grid_joins_what_lies_closer_than_the_gap():
    import numpy as np

    from floorplan.io.dxf.views.grid import VIEW_GAP, Grid, components

    assert VIEW_GAP == 3.0
    # 4 x 3 m boxes: 1 m apart share a view, 4 m apart do not (cells of 1.5 m: a gap of
    # 3 m or more always leaves a whole empty cell between)
    def views(*xs):
        g = Grid(np.array([(x, 0, x + 4, 3) for x in xs], dtype=float))
        return g.at(np.array([(x + 2, 1.5) for x in xs])).tolist()

    assert views(0, 5) == [0, 0]
    assert views(0, 8) == [0, 1]
    assert views(0, 5, 10, 40, 45, 50) == [0, 0, 0, 1, 1, 1]
    assert views(40, 0) == [1, 0]  # numbered left to right
    assert components(4, np.array([0, 2]), np.array([3, 1])).tolist() == [0, 1, 1, 0]


def _site(s: Sheet, apart: float) -> None:
    """A 30 x 20 m plot and three footprints (6 x 4, 5 x 4, 4 x 3 m) ``apart`` metres apart
    along x, on a layer that does not say room."""
    s.poly([(0, 0), (30, 0), (30, 20), (0, 20)], layer="BUILDINGS", closed=True)
    x = 3.0
    for w, h in ((6, 4), (5, 4), (4, 3)):
        s.poly([(x, 8), (x + w, 8), (x + w, 8 + h), (x, 8 + h)], layer="BUILDINGS", closed=True)
        x += w + apart


def test_footprints_standing_apart_are_a_site_plan_read_only_when_named(tmp_path):
    s = Sheet()
    _site(s, apart=1.5)  # 1.5 m of open ground between buildings: more than a wall
    path = s.save(tmp_path / "sheet.dxf")
    with pytest.raises(PlanReadError, match=r"no floor plan found: .*a site or block plan"):
        dxf.read(path)
    plan = dxf.read(path, view=1)
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [12.0, 20.0, 24.0]
    assert {r.confidence for r in plan.rooms} == {"low"}
    from floorplan.engine import check

    report = check(plan)
    assert report.result == "cannot_assess" and report.exit_code == 1


def test_rooms_a_wall_apart_are_not_a_site_plan(tmp_path):
    s = Sheet()
    _site(s, apart=0.2)  # a 200 mm wall between the spaces: the rooms of one plan
    plan = read(s, tmp_path)
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [12.0, 20.0, 24.0]
    assert not any("site or block plan" in n for n in plan.notes)


def test_standing_apart_needs_two_spaces_none_within_a_wall():
    from shapely.geometry import box

    from floorplan.io.dxf.views.score import WALL_REACH, standing_apart

    assert not standing_apart([box(0, 0, 4, 3)])
    assert standing_apart([box(0, 0, 4, 3), box(4 + WALL_REACH + 0.01, 0, 8, 3)])
    assert not standing_apart([box(0, 0, 4, 3), box(4 + WALL_REACH - 0.01, 0, 8, 3)])


@pytest.mark.parametrize("turn", [20.0, 30.0, 45.0])
def test_a_plan_turned_on_the_sheet_is_no_elevation(tmp_path, turn):
    """One unlabelled room, walls 0.1 m thick round a 4 x 3 m floor, turned ``turn``
    degrees: its top edges slope, but so do its bottom ones (no level base), so it is a plan
    (12 m² by hand: turning keeps the area)."""
    from shapely import affinity
    from shapely.geometry import box

    s = Sheet()
    s.mass(affinity.rotate(box(0, 0, 4.2, 3.2).difference(box(0.1, 0.1, 4.1, 3.1)), turn,
                           origin=(0, 0)))
    plan = read(s, tmp_path)
    assert [round(r.polygon.area, 2) for r in plan.rooms] == [12.0]
    assert not any("elevation" in n for n in plan.notes)


def test_roof_like_needs_a_pitched_top_over_a_level_base():
    from shapely import affinity
    from shapely.geometry import Polygon, box

    from floorplan.io.dxf.views.score import roof_like

    # the front elevation of dxf_patterns.elevation: an 8.3 m wall under a 2 m pitch
    front = Polygon([(0, 0), (8.3, 0), (8.3, 2.8), (4.15, 4.8), (0, 2.8)])
    assert roof_like([front])
    # the same façade standing on a level base only 0.3 of its width long (a bay each side
    # sloping away below): no level ground, so no elevation
    assert not roof_like([Polygon([(0, 1.0), (2.9, 0), (5.4, 0), (8.3, 1.0), (8.3, 2.8),
                                   (4.15, 4.8), (0, 2.8)])])
    assert not roof_like([affinity.rotate(box(0, 0, 4, 3), 30, origin=(0, 0))])
    # a regular octagonal room (side 2 m): 45-degree edges above and below its level base,
    # which runs 2 / (2 + 2 * sqrt 2) = 0.41 of its width
    r = 2 / (2 * math.sin(math.pi / 8))
    octagon = Polygon([(r * math.cos(math.pi / 8 * (2 * k + 1)),
                        r * math.sin(math.pi / 8 * (2 * k + 1)))
                       for k in range(8)])
    assert not roof_like([octagon])
    assert not roof_like([box(0, 0, 4, 3)])
