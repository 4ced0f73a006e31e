"""The DXF reader leaves its drawing and its own objects to the reference counts, not to
the cyclic collector: an ezdxf drawing is all cycles (half a million objects at 16,000
rooms, 0.46 s for the collector to walk and free after the read), and one cycle through
the reader's frames (an exception kept by ezdxf's query parser) kept every primitive the
reader made waiting for it too."""

from __future__ import annotations

import gc

import ezdxf
import pytest
from ezdxf.entities import Line, LWPolyline, MText

from floorplan.io.dxf import read
from floorplan.io.dxf.collect.prims import Insert, Prim, Text
from floorplan.io.dxf.load.document import load, release

#: the kinds of entity the test drawings draw
DRAWN = (LWPolyline, MText, Line)


def _drawing(path, rooms: int = 40):
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    for k in range(rooms):
        x = k * 4000.0
        msp.add_lwpolyline([(x, 0), (x + 3500, 0), (x + 3500, 3000), (x, 3000)], close=True,
                           dxfattribs={"layer": "A-AREA"})
        msp.add_mtext(f"Bedroom {k + 1}", dxfattribs={"layer": "A-AREA", "insert": (x + 1000, 1500)})
        msp.add_line((x, -100), (x + 3500, -100), dxfattribs={"layer": "A-WALL"})
    doc.saveas(path)
    del doc, msp
    gc.collect()  # the drawing made here is cyclic garbage of its own
    return path


@pytest.fixture
def collector_off():
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    yield
    if was:
        gc.enable()


def _garbage_of(kinds) -> list:
    """The objects of ``kinds`` only the cyclic collector could free (then freed)."""
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        return [type(o) for o in gc.garbage if isinstance(o, kinds)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.collect()


def test_read_leaves_no_drawing_or_primitive_to_the_collector(tmp_path, collector_off):
    plan = read(_drawing(tmp_path / "rooms.dxf"))
    assert len(plan.rooms) == 40
    # every entity drawn and every primitive read from it freed already (a drawing's
    # few table heads and classes, outside its entity database, may wait)
    assert _garbage_of(DRAWN + (Prim, Text, Insert)) == []


def test_a_drawing_not_released_is_left_to_the_collector(tmp_path, collector_off):
    # the reference the test above holds to: without release, the drawing's entities
    # are cyclic garbage
    loaded = load(_drawing(tmp_path / "rooms.dxf", rooms=5))
    del loaded
    assert len(_garbage_of(DRAWN)) == 15


def test_release_frees_the_drawing_at_once(tmp_path, collector_off):
    loaded = load(_drawing(tmp_path / "rooms.dxf", rooms=5))
    release(loaded.doc)
    del loaded
    assert _garbage_of(DRAWN) == []


def test_blocks_and_leaders_leave_nothing_to_the_collector(tmp_path, collector_off):
    """Blocks are expanded once into templates (their virtual entities, and the cache the
    templates sit in, are cycles of their own) and leaders are looked for: neither leaves
    an entity, a primitive or the reader's frames to the collector."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 4
    door = doc.blocks.new("DOOR")
    door.add_line((0, 0), (0, 900))
    door.add_arc((0, 0), 900, 0, 90)
    msp = doc.modelspace()
    for k in range(6):
        x = k * 4000.0
        msp.add_lwpolyline([(x, 0), (x + 3500, 0), (x + 3500, 3000), (x, 3000)], close=True,
                           dxfattribs={"layer": "A-AREA"})
        msp.add_mtext(f"Bedroom {k + 1}", dxfattribs={"layer": "A-AREA", "insert": (x + 1000, 1500)})
        msp.add_blockref("DOOR", (x + 500, 0), dxfattribs={"layer": "A-DOOR", "rotation": 90 * (k % 2)})
    msp.add_leader([(1000, 1500), (1000, 4000)], dxfattribs={"layer": "A-ANNO"})
    doc.saveas(tmp_path / "blocks.dxf")
    del doc, msp, door
    gc.collect()
    plan = read(tmp_path / "blocks.dxf")
    assert len(plan.rooms) == 6
    assert _garbage_of(DRAWN + (ezdxf.entities.Arc, ezdxf.entities.Leader, Prim, Text, Insert)) == []
