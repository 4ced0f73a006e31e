"""The drawing's own linework under the rooms: read into the plan (:mod:`floorplan.io.dxf.features.underlay`)
and drawn faintly by every renderer.

The drawings are made here with ezdxf, their segments known by construction: a millimetre
sheet whose walls are a 6 x 4 m closed polyline (4 segments) and a partition at x = 3 m
(1 segment), a furniture line (1 segment, not a wall), and lines that are not the plan's
(a dimension layer, a frozen layer): 6 segments, 5 of them walls, in metres.
"""

from __future__ import annotations

import ezdxf
import numpy as np

from floorplan.io import dxf
from floorplan.io.dxf.features import underlay
from floorplan.model import Linework
from tests.dxf_patterns import Sheet, elevation, two_room_plan

WALLS_M = [(0, 0, 6, 0), (6, 0, 6, 4), (6, 4, 0, 4), (0, 4, 0, 0), (3, 0, 3, 4)]
FURNITURE_M = (1.0, 1.0, 2.0, 1.0)


def mm_sheet(path) -> str:
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 4  # millimetres
    for name in ("A-WALL", "A-FURN", "A-DIMS", "OLD"):
        doc.layers.add(name)
    doc.layers.get("OLD").freeze()
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (6000, 0), (6000, 4000), (0, 4000)], close=True,
                       dxfattribs={"layer": "A-WALL"})
    msp.add_line((3000, 0), (3000, 4000), dxfattribs={"layer": "A-WALL"})
    msp.add_line((1000, 1000), (2000, 1000), dxfattribs={"layer": "A-FURN"})
    msp.add_line((0, -800), (6000, -800), dxfattribs={"layer": "A-DIMS"})   # a dimension
    msp.add_line((500, 500), (500, 3500), dxfattribs={"layer": "OLD"})      # frozen
    for name, x in (("BEDROOM", 1500), ("KITCHEN", 4500)):
        msp.add_text(name, height=250, dxfattribs={"layer": "A-ANNO-TEXT"}).set_placement((x, 2000))
    doc.saveas(path)
    return str(path)


def rows(segments: np.ndarray) -> set[tuple]:
    """Each segment as its ends in mm (rounded), direction-free."""
    out = set()
    for x0, y0, x1, y1 in (segments.astype(float) * 1000).round().tolist():
        a, b = (x0, y0), (x1, y1)
        out.add((*min(a, b), *max(a, b)))
    return out


def mm(seg) -> tuple:
    a, b = (seg[0] * 1000, seg[1] * 1000), (seg[2] * 1000, seg[3] * 1000)
    return (*min(a, b), *max(a, b))


def test_the_plan_carries_the_views_linework_in_metres(tmp_path):
    plan = dxf.read(mm_sheet(tmp_path / "mm.dxf"))
    lw = plan.linework
    assert lw is not None and len(lw) == 6 and lw.total == 6
    assert rows(lw.segments) == {mm(s) for s in WALLS_M} | {mm(FURNITURE_M)}
    assert rows(lw.segments[lw.kinds == Linework.WALL]) == {mm(s) for s in WALLS_M}
    assert lw.kinds.tolist().count(Linework.OTHER) == 1
    assert set(lw.levels.tolist()) == {0.0}
    assert not lw.segments.flags.writeable  # frozen as the plan is


def test_views_set_aside_leave_their_linework_out(tmp_path):
    s = Sheet()
    two_room_plan(s)        # x 0 - 8.3 m
    elevation(s, 20, 0)     # x 20 - 28.3 m: set aside
    plan = dxf.read(s.save(tmp_path / "sheet.dxf"))
    assert {r.name for r in plan.rooms} == {"BEDROOM", "KITCHEN"}
    xs = plan.linework.segments[:, [0, 2]]
    assert len(xs) > 0 and float(xs.max()) <= 8.3 + 1e-4 and float(xs.min()) >= -1e-4


def test_the_cap_keeps_walls_then_the_biggest_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(underlay, "MAX_SEGMENTS", 5)
    plan = dxf.read(mm_sheet(tmp_path / "mm.dxf"))
    lw = plan.linework
    # the walls (a closed polyline of 4 segments and the partition) fill the cap: the
    # furniture line, 1 m long, is left out
    assert len(lw) == 5 and lw.total == 6
    assert rows(lw.segments) == {mm(s) for s in WALLS_M}
    assert any("5 of its 6 segments" in n for n in plan.notes)
    monkeypatch.setattr(underlay, "MAX_SEGMENTS", 4)  # the polyline (7.2 m across) first
    lw = dxf.read(mm_sheet(tmp_path / "mm.dxf")).linework
    assert rows(lw.segments) == {mm(s) for s in WALLS_M[:4]}


def test_geojson_has_no_linework():
    from floorplan.io import geojson

    plan = geojson.read("samples/oak-house.geojson")
    assert plan.linework is None


def test_each_floor_of_a_sheet_keeps_its_own_linework(tmp_path):
    from floorplan.measure import measure
    from floorplan.render.scene import build
    from floorplan.report import ProfileInfo, Report

    s = Sheet()
    two_room_plan(s, 20, 0, names=("BEDROOM 1", "BATHROOM"))   # x 20 - 28.3 m
    s.text("FIRST FLOOR PLAN", (22, -1.5), height=0.4)
    two_room_plan(s, 0, 0, names=("KITCHEN", "LIVING ROOM"))   # x 0 - 8.3 m
    s.text("GROUND FLOOR PLAN", (2, -1.5), height=0.4)
    plan = dxf.read(s.save(tmp_path / "floors.dxf"))
    lw = plan.linework
    x = lw.segments[:, [0, 2]].astype(float)
    assert set(lw.levels.tolist()) == {0.0, 1.0}
    assert (x[lw.levels == 1.0] >= 20 - 1e-4).all() and (x[lw.levels == 0.0] <= 8.3 + 1e-4).all()
    scene = build(Report(plan, measure(plan), ProfileInfo("t", "t", "1"), ()))
    for panel in scene.panels:
        seg = np.vstack([p.segments for p in panel.primitives if p.kind == "segments"])
        assert ((seg[:, 0] >= 20 - 1e-4) == (panel.level == 1.0)).all()
