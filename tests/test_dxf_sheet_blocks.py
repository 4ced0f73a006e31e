"""Blocks a DXF places in ways ezdxf's expansion cannot follow, and the sheet's own frame.

- A block inserted with z scale 0 (real sheets have them: ezdxf raises ZeroDivisionError
  where CAD programs draw the block) is read with z scale 1, and the notes say so.
- A title block or sheet border placed as a block ("Title_Block-0", "A3_Xu-0") is not plan
  geometry: its cells are no rooms and its words name no room.
"""

from __future__ import annotations

import ezdxf

from floorplan.io import read_plan


def _doc():
    doc = ezdxf.new()
    doc.header["$INSUNITS"] = 6  # metres
    for name in ("A-AREA", "A-AREA-IDEN"):
        doc.layers.add(name)
    return doc, doc.modelspace()


def test_a_block_inserted_with_z_scale_0_is_read(tmp_path):
    doc, msp = _doc()
    # as real sheets nest them: the plan block holds a block of the rooms (ezdxf fails on
    # the nested insert of a block placed with z scale 0)
    plan = doc.blocks.new("Rooms")
    plan.add_lwpolyline([(0, 0), (4, 0), (4, 3), (0, 3)], close=True,
                        dxfattribs={"layer": "A-AREA"})
    plan.add_text("BEDROOM 1", dxfattribs={"layer": "A-AREA-IDEN", "insert": (1.5, 1.5),
                                           "height": 0.2})
    doc.blocks.new("Floor_Plan").add_blockref("Rooms", (0, 0))
    ref = msp.add_blockref("Floor_Plan", (10, 5))
    ref.dxf.__dict__["zscale"] = 0.0  # ezdxf's own validator would make it 1 on the way in
    path = tmp_path / "zscale0.dxf"
    doc.saveas(path)
    before = path.read_bytes()
    p = read_plan(str(path))
    assert [r.name for r in p.rooms] == ["BEDROOM 1"]
    assert abs(p.rooms[0].polygon.area - 12.0) < 1e-9  # 4 m x 3 m
    assert any("inserted with z scale 0: read with z scale 1" in n for n in p.notes)
    assert path.read_bytes() == before  # the file is not changed


def test_a_title_block_gives_no_rooms_and_no_names(tmp_path):
    doc, msp = _doc()
    # a room drawn as an outline with its label, in model space, on layers that say
    # nothing (so closed outlines anywhere are candidates, the title cells too)
    msp.add_lwpolyline([(1, 1), (5, 1), (5, 4), (1, 4)], close=True,
                       dxfattribs={"layer": "PLAN"})
    msp.add_text("KITCHEN", dxfattribs={"layer": "NOTES", "insert": (2.5, 2.5),
                                        "height": 0.2})
    # the sheet: a border round everything and title cells of room size, with words,
    # on layer 0 (which says nothing), inserted as one block
    sheet = doc.blocks.new("Title_Block-0")
    sheet.add_lwpolyline([(0, 0), (30, 0), (30, 20), (0, 20)], close=True)
    for i in range(3):
        x = 20 + 3.0 * i
        sheet.add_lwpolyline([(x, 0.5), (x + 3, 0.5), (x + 3, 3.5), (x, 3.5)], close=True)
        sheet.add_text(["DRAWN BY", "CHECKED", "SCALE 1:50"][i],
                       dxfattribs={"insert": (x + 0.5, 2), "height": 0.2})
    msp.add_blockref("Title_Block-0", (0, 0))
    path = tmp_path / "sheet.dxf"
    doc.saveas(path)
    p = read_plan(str(path))
    names = sorted(r.name for r in p.rooms)
    assert names == ["KITCHEN"], names
