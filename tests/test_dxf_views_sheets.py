"""Sheets with no floor plan on them (issue 10, part 2): an elevation and a site plan made
in code must give no rooms, and say why; the mechanisms that tell them, one by one.

Every drawing is in metres on layers that say wall (``A-WALL``) or say nothing, so the
reader looks for rooms in the linework; the sizes are worked by hand from the coordinates.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from click.testing import CliRunner
from shapely.geometry import box

from floorplan.cli import cli as cli_main
from floorplan.errors import PlanReadError
from floorplan.io import dxf
from floorplan.io.dxf.views.score import (
    COURSES_PER_M,
    GROUND_PAST,
    WALL_REACH,
    coursed,
    ground_line,
    not_plan_title,
)
from tests.dxf_patterns import Sheet


def note(plan, pattern: str) -> str:
    hits = [n for n in plan.notes if re.search(pattern, n)]
    assert hits, f"no note matches {pattern!r}: {plan.notes}"
    return hits[0]


def rect(s: Sheet, x0, y0, x1, y1, layer="A-WALL") -> None:
    s.lines([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], layer)


def gabled_elevation(s: Sheet) -> None:
    """A front elevation: a ground line from x = -2 to 10.3 at y = 0; the wall, 8.3 m wide
    and 2.8 m high, standing on it; a roof rising 2 m to a ridge at x = 4.15 with 0.3 m
    eaves; two 1.2 x 1.2 m windows and a 0.9 x 2.1 m door. Its closed spaces: the door
    (1.89 m²), the windows (1.44 m² each), the wall face around them, the gable."""
    s.line((-2, 0), (10.3, 0))
    s.lines([(0, 0), (0, 2.8), (8.3, 2.8), (8.3, 0)])
    s.lines([(-0.3, 2.65), (4.15, 4.8), (8.6, 2.65)])
    for x in (1.0, 6.1):
        rect(s, x, 1.0, x + 1.2, 2.2)
    s.lines([(3.7, 0), (3.7, 2.1), (4.6, 2.1), (4.6, 0)])


def flat_elevation(s: Sheet) -> None:
    """The same elevation under a flat roof (no roof profile): the ground line, the wall,
    the windows and the door."""
    s.line((-2, 0), (10.3, 0))
    s.lines([(0, 0), (0, 2.8), (8.3, 2.8), (8.3, 0)])
    for x in (1.0, 6.1):
        rect(s, x, 1.0, x + 1.2, 2.2)
    s.lines([(3.7, 0), (3.7, 2.1), (4.6, 2.1), (4.6, 0)])


def boarded_elevation(s: Sheet, pitch: float = 0.15) -> None:
    """An 8.3 x 2.8 m boarded wall with a 0.9 x 2.1 m door at x = 3.7 and no ground line:
    horizontal boards every ``pitch`` m, from the wall's edges to the door's sides (and
    across the whole width above the door). The only closed space of room size is the
    door (1.89 m²): the boards cut the rest into strips ``pitch`` m high."""
    rect(s, 0, 0, 8.3, 2.8)
    rect(s, 3.7, 0, 4.6, 2.1)
    for y in np.arange(pitch, 2.8 - 1e-9, pitch):
        if y < 2.1:
            s.line((0, y), (3.7, y))
            s.line((4.6, y), (8.3, y))
        elif y > 2.1 + 1e-9:
            s.line((0, y), (8.3, y))


def site_plan(s: Sheet, layer: str = "SITE") -> None:
    """A 30 x 20 m plot with two empty building footprints, 8 x 6 m (48 m²) and 5 x 4 m
    (20 m²), 4 m apart: each a closed polyline, nothing inside them."""
    s.poly([(0, 0), (30, 0), (30, 20), (0, 20)], layer, closed=True)
    s.poly([(4, 6), (12, 6), (12, 12), (4, 12)], layer, closed=True)
    s.poly([(16, 7), (21, 7), (21, 11), (16, 11)], layer, closed=True)


def _read(s: Sheet, tmp_path, **kw):
    return dxf.read(s.save(tmp_path / "sheet.dxf"), **kw)


# -- whole sheets -------------------------------------------------------------------------

@pytest.mark.parametrize("draw, why", [
    (gabled_elevation, r"an outline with no inner walls under a roof-like profile"),
    (flat_elevation, r"its spaces stand on a ground line that runs past them"),
    (boarded_elevation, r".*its spaces are openings in a façade: boards or courses meet their edges"),
])
def test_an_elevation_gives_no_rooms_and_says_why(tmp_path, draw, why):
    s = Sheet()
    draw(s)
    # the reason, a noun or a clause, reads as a sentence (not "view 1 (...) is its spaces")
    with pytest.raises(PlanReadError, match=r"no floor plan found: view 1 \(.*\) does not "
                                            r"look like a floor plan: " + why):
        _read(s, tmp_path)
    plan = _read(s, tmp_path, require_rooms=False)
    assert plan.rooms == () and plan.doors == ()
    note(plan, r"^no floor plan found: view 1 .*" + why)


def test_the_boarded_elevation_read_with_view_gives_its_door_unsure(tmp_path):
    s = Sheet()
    boarded_elevation(s)
    plan = _read(s, tmp_path, view=1)
    # the door, 0.9 x 2.1; and the wall round it up to the first of the four boards above
    # the door (too few to be a finish, walls.finishes): 8.3 x 2.25 - 1.89 (the thirteen
    # boards each side of the door are a finish, no walls)
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [1.89, 16.785]
    assert {r.confidence for r in plan.rooms} == {"low"}
    note(plan, r"read as --view 1 asks, although it does not look like a floor plan")


def test_a_site_plan_gives_no_rooms(tmp_path):
    s = Sheet()
    site_plan(s)
    with pytest.raises(PlanReadError, match=r"no floor plan found: view 1 .*2 closed loops "
                                            r"standing apart.*site or block plan"):
        _read(s, tmp_path)
    plan = _read(s, tmp_path, view=1)
    assert sorted(round(r.polygon.area, 4) for r in plan.rooms) == [20.0, 48.0]
    assert {r.confidence for r in plan.rooms} == {"low"}


def test_cli_says_no_floor_plan_in_one_line_and_exits_2(tmp_path):
    s = Sheet()
    site_plan(s)
    path = s.save(tmp_path / "site.dxf")
    res = CliRunner().invoke(cli_main, ["check", path, "--format", "json"])
    assert res.exit_code == 2
    assert "no floor plan found" in res.output and "Traceback" not in res.output
    res = CliRunner().invoke(cli_main, ["check", path, "--view", "1", "--format", "json"])
    assert res.exit_code in (0, 1), res.output


def test_a_one_room_plan_with_studded_walls_is_still_read(tmp_path):
    """A 4 x 3 m room (12 m²) inside 0.1 m walls with studs drawn across the wall band every
    0.4 m: no label, no door, but studs are shorter than a wall is thick, so no courses."""
    s = Sheet()
    rect(s, 0, 0, 4.2, 3.2)
    rect(s, 0.1, 0.1, 4.1, 3.1)
    for x in np.arange(0.4, 4.0, 0.4):
        s.line((x, 0), (x, 0.1))
        s.line((x, 3.1), (x, 3.2))
    plan = _read(s, tmp_path)
    assert [round(r.polygon.area, 4) for r in plan.rooms] == [12.0]


def test_a_title_on_a_frozen_layer_says_nothing(tmp_path):
    """The same one-room plan with 'SECTION A-A' written beside it: on a shown layer it is a
    title that sets the view aside (nothing speaks for a plan); on a frozen layer it is
    not shown, so not read."""
    def sheet(frozen: bool) -> Sheet:
        s = Sheet()
        rect(s, 0, 0, 4.2, 3.2)
        rect(s, 0.1, 0.1, 4.1, 3.1)
        s.doc.layers.add("SECTIONS")
        if frozen:
            s.doc.layers.get("SECTIONS").freeze()
        s.text("SECTION A-A", (1.0, -1.0), layer="SECTIONS")
        return s

    with pytest.raises(PlanReadError, match=r"titled 'SECTION A-A'"):
        _read(sheet(False), tmp_path)
    assert [round(r.polygon.area, 4) for r in _read(sheet(True), tmp_path).rooms] == [12.0]


# -- the mechanisms, one by one -----------------------------------------------------------

def test_ground_line_runs_under_every_space_and_past_them_both_ways():
    spaces = [box(0, 0, 2, 2), box(3, 0.5, 5, 2)]          # x 0..5, lowest y 0
    line = np.array([(-GROUND_PAST, 0.0), (5 + GROUND_PAST, 0.0)])
    assert ground_line(spaces, [line])
    assert not ground_line(spaces, [np.array([(-GROUND_PAST + 0.1, 0.0), (6.5, 0.0)])])
    assert not ground_line(spaces, [line + (0, 0.5)])       # above the lowest space
    assert not ground_line(spaces, [np.array([(-1.0, 0.0), (6.0, 0.3)])])  # sloping


def test_coursed_counts_long_square_lines_ending_on_the_edges():
    door = box(0, 0, 1, 2)                                  # 6 m of edge
    n = int(np.ceil(COURSES_PER_M * 6 / 2))                 # this many a side reach the mark
    ys = np.linspace(0.1, 1.9, n)
    long_ = [np.array([(-1.0, y), (0.0, y)]) for y in ys] + [np.array([(1.0, y), (2.0, y)]) for y in ys]
    assert coursed([door], long_) == 1.0
    assert coursed([door], long_[:n]) == 0.0                # one side only: too few a metre
    short = [np.array([(-WALL_REACH + 0.01, y), (0.0, y)]) for y in ys] + [
        np.array([(1.0, y), (1.0 + WALL_REACH - 0.01, y)]) for y in ys]
    assert coursed([door], short) == 0.0                    # studs: shorter than a wall
    slanted = [np.array([(-1.0, y - 1.0), (0.0, y)]) for y in ys] * 2
    assert coursed([door], slanted) == 0.0                  # 45 degrees: no course


def test_a_title_is_short():
    assert not_plan_title("SOUTH ELEVATION") and not_plan_title("Section B-B")
    assert not not_plan_title("GROUND FLOOR PLAN")
    assert not not_plan_title("BRACED WALL PANEL PER CODE: 2006 IRC, SECTION R602.10")
