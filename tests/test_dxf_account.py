"""Nothing silent (issue 10, item 7): every layer and entity kind left out of the plan is
counted in the notes with the reason, and how sure the reader is of each room is said."""

from __future__ import annotations

import re

import ezdxf

from floorplan.io import dxf


def test_every_layer_and_kind_left_out_is_counted(tmp_path):
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (4000, 0), (4000, 3000), (0, 3000)], close=True,
                       dxfattribs={"layer": "A-AREA"})
    msp.add_text("Bedroom 1", height=200, dxfattribs={"layer": "A-AREA-IDEN"}).set_placement((500, 1500))
    # 45 layers of loose lines, one to three lines each (45 kinds: more than are listed
    # one by one), and points and rays, which are no plan geometry
    for k in range(45):
        for j in range(1 + k % 3):
            msp.add_line((10000 + 100 * k, 100 * j), (10000 + 100 * k, 100 * j + 50),
                         dxfattribs={"layer": f"JUNK-{k:02d}"})
    msp.add_point((0, 0), dxfattribs={"layer": "MARKS"})
    msp.add_ray((0, 0), (1, 0), dxfattribs={"layer": "MARKS"})
    p = tmp_path / "plan.dxf"
    doc.saveas(p)
    plan = dxf.read(p)
    notes = "\n".join(plan.notes)
    # 45 x 2 lines on average = 90 lines, and the point and the ray
    assert re.search(r"skipped by kind: 90 LINE, 1 POINT, 1 RAY", notes)
    for k in range(45):  # every junk layer is named, as are the marks
        assert f"JUNK-{k:02d}" in notes
    (unused,) = [n for n in plan.notes if n.startswith("layers not in the plan: ")]
    assert "MARKS (2: not plan geometry)" in unused and "A-AREA" not in unused
    assert "JUNK-02 (3: not room geometry)" in unused
    m = re.search(r"^entities: (\d+) used, \d+ recognised blocks holding (\d+) more, (\d+) skipped",
                  notes, re.M)
    assert int(m.group(1)) + int(m.group(2)) + int(m.group(3)) == len(msp)


def test_confidence_counts_are_noted(tmp_path):
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (5000, 0), (5000, 3000), (0, 3000)], close=True,
                       dxfattribs={"layer": "A-AREA"})
    for name, x in (("Bedroom 2", 500), ("Bath", 3800)):
        msp.add_text(name, height=200, dxfattribs={"layer": "A-AREA-IDEN"}).set_placement((x, 1500))
    p = tmp_path / "plan.dxf"
    doc.saveas(p)
    plan = dxf.read(p)
    assert "confidence: 1 low" in plan.notes
