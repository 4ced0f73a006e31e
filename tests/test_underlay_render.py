"""The drawing's linework drawn under the rooms: by the scene, the Pillow PNG, matplotlib's
SVG, not by the DXF mark-up (which is drawn on the drawing itself) nor in the JSON report.

The plan is made in code: a 3 x 3 m room at the origin whose walls are in the linework,
and beside it, x 4-7 m, a 3 x 3 m space whose walls are drawn but which holds no room
(a space the reader left out); a small room at x 8-9 m keeps the panel's extent the same
with and without the linework.
"""

from __future__ import annotations

import dataclasses
import io
import json

import numpy as np
import pytest
from PIL import Image

from floorplan.model import Linework
from floorplan.render import raster
from floorplan.render.raster.plan import _Map
from floorplan.render.recording import Recorder
from floorplan.render.scene import build
from floorplan.render.style import STYLE
from tests.plans import plan, rect
from tests.render_helpers import report


def square(x0, y0, x1, y1) -> list[tuple]:
    return [(x0, y0, x1, y0), (x1, y0, x1, y1), (x1, y1, x0, y1), (x0, y1, x0, y0)]


def linework(rows: list[tuple], kind: int = Linework.WALL, total: int | None = None) -> Linework:
    seg = np.array(rows, dtype=np.float32)
    return Linework(seg, np.full(len(seg), kind, dtype=np.uint8), np.zeros(len(seg), np.float32),
                    total=len(seg) if total is None else total)


def the_plan(with_linework: bool = True, total: int | None = None):
    p = plan(rect("R1", "Bedroom 1", 0, 0, 3, 3), rect("R2", "Store", 8, 0, 1, 1))
    if with_linework:
        p = dataclasses.replace(p, linework=linework(square(0, 0, 3, 3) + square(4, 0, 7, 3),
                                                     total=total))
    return p


def png_at(p, points: list[tuple[float, float]]) -> list[np.ndarray]:
    """The PNG of ``p``'s report, and for each point (plan metres) the 5 x 5 pixels round it."""
    scene = build(report(p), STYLE, legible=True)
    canvas = raster.Canvas(*scene.paper, STYLE.dpi)
    to_px = _Map(canvas, scene, scene.panels[0])
    im = np.asarray(Image.open(io.BytesIO(raster.render_png(scene, STYLE))).convert("RGB"))
    out = []
    for x, y in points:
        (cx, cy), = to_px([(x, y)]) / canvas.ss
        c, r = int(cx), int(cy)
        out.append(im[r - 2:r + 3, c - 2:c + 3].reshape(-1, 3).astype(int))
    return out


def grey(px: np.ndarray) -> bool:
    """Some pixel is a grey darker than the paper (r = g = b < 240)."""
    return bool(((px[:, 0] == px[:, 1]) & (px[:, 1] == px[:, 2]) & (px[:, 0] < 240)).any())


def test_the_png_shows_the_walls_of_a_space_no_room_was_read_in():
    wall, middle, clear = (5.5, 0.0), (5.5, 1.5), (7.6, 2.5)
    at_wall, at_middle, at_clear = png_at(the_plan(), [wall, middle, clear])
    assert grey(at_wall)                              # the left-out space's wall is drawn
    assert (at_middle == 255).all() and (at_clear == 255).all()  # nothing where nothing is
    without, = png_at(the_plan(with_linework=False), [wall])
    assert (without == 255).all()                     # the grey is the linework's


def test_the_scene_has_the_linework_under_the_rooms_with_a_legend_entry():
    scene = build(report(the_plan()), STYLE)
    under = [p for p in scene.primitives() if p.kind == "segments"]
    assert [p.key for p in under] == ["underlay.walls"]
    assert len(under[0].segments) == 8
    assert STYLE.look("underlay.walls").z < STYLE.look("room.unchecked").z
    assert ("underlay.walls", "drawing's linework: walls") in scene.legend
    # the panel reaches over the linework (x 0-9 m with the rooms, padded)
    b = scene.panels[0].bounds
    assert b[0] <= 0 and b[2] >= 9
    rec = Recorder().draw(scene)
    assert len(rec.of("underlay.walls")[0].segments) == 8


def test_a_capped_linework_says_so_in_the_legend():
    scene = build(report(the_plan(total=80)), STYLE)
    assert ("underlay.walls", "drawing's linework: walls (8 of its 80 lines)") in scene.legend


def test_a_plan_with_no_linework_draws_none():
    scene = build(report(the_plan(with_linework=False)), STYLE)
    assert not [p for p in scene.primitives() if p.kind == "segments"]
    assert not any(k.startswith("underlay.") for k, _ in scene.legend)


def test_matplotlib_draws_it_as_one_grey_path(tmp_path):
    from floorplan.render import mpl

    scene = build(report(the_plan()), STYLE)
    mpl.write(scene, tmp_path / "p.svg", STYLE)
    svg = (tmp_path / "p.svg").read_text()
    # one path of 8 moves, every segment in it, and the legend's swatch (one line)
    paths = [chunk for chunk in svg.split("<path")[1:] if "#9a9a9a" in chunk.lower()]
    assert sorted(chunk.split('d="')[1].split('"')[0].count("M") for chunk in paths) == [1, 8]


def test_the_dxf_markup_and_the_json_report_leave_it_out(tmp_path):
    from floorplan.render.cad import markup as dxf_markup
    from floorplan.reporters import json_report

    with_lw, without = report(the_plan()), report(the_plan(with_linework=False))
    a = dxf_markup.markup(build(with_lw, STYLE, legible=False), with_lw)
    b = dxf_markup.markup(build(without, STYLE, legible=False), without)
    assert a.count(b"\nLINE\n") == b.count(b"\nLINE\n")
    assert "linework" not in json.dumps(json.loads(json_report.render(with_lw)))


def test_the_html_legend_draws_the_linework_as_a_line_not_a_box():
    # the HTML key's swatch for the drawing's linework is a rule in its grey (a top border,
    # no height), as the plan draws it, not the outlined box of a room
    from floorplan.reporters.html import _swatch

    for key in ("underlay.walls", "underlay.other"):
        look = STYLE.look(key)
        css = _swatch(look, key, look.label)["css"]
        assert "border-top:" in css and "height: 0" in css
        assert look.edge.lower() in css.lower()
    room = _swatch(STYLE.look("room.pass"), "room.pass", "room")["css"]
    assert "border-top:" not in room


def _mixed(rows_other: list[tuple], walls: bool = True):
    """the_plan()'s rooms (x 0-9 m) with its walls and the drawing's other lines ``rows_other``."""
    w = square(0, 0, 3, 3) + square(4, 0, 7, 3) if walls else []
    seg = np.array(w + rows_other, dtype=np.float32)
    kinds = np.array([Linework.WALL] * len(w) + [Linework.OTHER] * len(rows_other), dtype=np.uint8)
    lw = Linework(seg, kinds, np.zeros(len(seg), np.float32), total=len(seg))
    return dataclasses.replace(the_plan(with_linework=False), linework=lw)


def test_other_lines_far_from_the_plan_do_not_frame_it():
    """A tree 40 m off (4 lines) and a drive line from x -20 to 20 m across y 1.5: the panel
    is framed on the rooms and walls (x 0-9 m, padded 0.6 m), the tree is left off and
    said in the legend, the drive line is cut at the frame."""
    tree = square(40, 40, 42, 42)
    scene = build(report(_mixed(tree + [(-20, 1.5, 20, 1.5)])), STYLE)
    b = scene.panels[0].bounds
    assert b == (-0.6, -0.6, 9.6, 3.6)
    other = [p for p in scene.primitives() if p.key == "underlay.other"]
    [seg] = [p.segments for p in other]
    assert seg.shape == (1, 4) and seg[0].tolist() == pytest.approx([-0.6, 1.5, 9.6, 1.5], abs=1e-6)
    assert ("underlay.other", "drawing's linework: other lines (4 lines beyond the plan left off)"
            ) in scene.legend


def test_with_no_walls_read_every_line_frames_the_plan():
    """No line of the drawing was read as wall: the other lines frame it, as before (a
    space the reader missed may be drawn in them)."""
    scene = build(report(_mixed(square(20, 0, 23, 3), walls=False)), STYLE)
    b = scene.panels[0].bounds
    assert b[2] == 23.6 and not any("left off" in text for _, text in scene.legend)


def test_a_problem_marked_far_off_stays_in_the_frame():
    """A label in no room (FP010) 30 m east of the rooms is marked: the frame reaches it."""
    from shapely.geometry import Point

    from floorplan.findings import Finding, Mark, Status

    lost = Finding("FP010", "unplaced-label", Status.WARN, "'STUDY' lies in no room",
                   marks=(Mark("label", Point(30, 1), label="STUDY"),))
    scene = build(report(_mixed(square(40, 40, 42, 42)), [lost]), STYLE)
    b = scene.panels[0].bounds
    assert b[2] == 30.6 and b[0] == -0.6


def test_each_floors_marks_are_drawn_in_its_own_panel():
    """Two floors drawn side by side (level 0 at x 0-4 m, level 1 at x 10-14 m): a finding
    about no room whose mark has a part on each floor (floor in no room, FP014), and one
    about a room on each floor (FP103 over the home), draw each part in its floor's panel,
    never a floor's part in the other's frame."""
    from shapely.geometry import MultiPolygon, box

    from floorplan.findings import Finding, Mark, Status

    p = plan(rect("A", "Living room", 0, 0, 4, 3, level=0.0), rect("B", "Bedroom 1", 10, 0, 4, 3, level=1.0))
    lost = Finding("FP014", "floor-in-no-room", Status.WARN, "floor in no room",
                   marks=(Mark("entity", MultiPolygon([box(1, 3.2, 2, 4), box(11, 3.2, 12, 4)])),))
    home = Finding("FP103", "dwelling-area", Status.WARN, "the flat", rooms=("A", "B"),
                   marks=(Mark("room", p.rooms[0].polygon), Mark("room", p.rooms[1].polygon)))
    scene = build(report(p, [lost, home]), STYLE)
    spans = {0.0: (0, 4), 1.0: (10, 14)}
    seen = set()
    for panel in scene.panels:
        lo, hi = spans[panel.level]
        for prim in panel.primitives:
            if prim.ref in ("FP014", "FP103") and prim.kind != "text":
                x0, _, x1, _ = prim.geometry.bounds
                assert lo <= x0 and x1 <= hi, (panel.level, prim.ref, prim.geometry.bounds)
                seen.add((panel.level, prim.ref))
    assert seen == {(0.0, "FP014"), (1.0, "FP014"), (0.0, "FP103"), (1.0, "FP103")}
    # and each panel is framed on its own floor, not stretched over the other's mark
    assert all(spans[pn.level][0] - 1 <= pn.bounds[0] and pn.bounds[2] <= spans[pn.level][1] + 1
               for pn in scene.panels)
