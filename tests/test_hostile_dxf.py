"""Issue 12 classes 4 and 5 in DXF: the block budget counts before it expands; bad numbers
are skipped with the entity named, never passed to GEOS."""

from __future__ import annotations

import ezdxf
import pytest

from floorplan.errors import PlanReadError
from floorplan.io.dxf.collect import budget
from floorplan.io.dxf.collect.modelspace import MAX_DEPTH, collect


def nested(levels: int, fan: int):
    doc = ezdxf.new()
    msp = doc.modelspace()
    prev = None
    for lvl in range(levels):
        b = doc.blocks.new(f"L{lvl}")
        if prev is None:
            b.add_line((0, 0), (1, 0))
        else:
            for i in range(fan):
                b.add_blockref(prev, (i * 2, 0))
        prev = f"L{lvl}"
    msp.add_lwpolyline([(0, 0), (4, 0), (4, 3)], close=True)
    msp.add_blockref(prev, (100, 100))
    return doc, msp


def test_count_is_what_expansion_makes():
    doc, msp = nested(3, 10)
    # L0 = 1 line; L1 = 10 x (INSERT + 1) = 20; L2 = 10 x (INSERT + 20) = 210;
    # model space: the polyline, the INSERT and its 210
    assert budget.count_expansion(msp, doc, MAX_DEPTH, 10**9) == 212
    col = collect(msp, 1e-6)
    made = len(col.opens) + len(col.loops) + len(col.inserts)
    assert made == 1 + 1 + 10 + 100 + 100  # polyline, inserts at each level, 100 lines


def test_budget_refuses_before_expanding(monkeypatch):
    doc, msp = nested(8, 10)
    calls = []
    monkeypatch.setattr("floorplan.io.dxf.collect.modelspace._walk", lambda *a: calls.append(a))
    with pytest.raises(PlanReadError, match="2,000,000 entities"):
        collect(msp, 1e-6)
    assert not calls  # nothing was expanded


def test_budget_can_be_raised(monkeypatch):
    doc, msp = nested(3, 10)
    monkeypatch.setenv(budget.BUDGET_VAR, "100")
    with pytest.raises(PlanReadError, match="100 entities"):
        collect(msp, 1e-6)
    monkeypatch.setenv(budget.BUDGET_VAR, "1000")
    collect(msp, 1e-6)


def test_self_referencing_block_is_counted_finitely():
    doc = ezdxf.new()
    b = doc.blocks.new("SELF")
    b.add_line((0, 0), (1, 0))
    b.add_blockref("SELF", (1, 1))
    doc.modelspace().add_blockref("SELF", (0, 0))
    assert budget.count_expansion(doc.modelspace(), doc, MAX_DEPTH, 10**9) < 10


def test_nan_entities_are_skipped_with_their_handle():
    doc = ezdxf.new()
    msp = doc.modelspace()
    good = msp.add_lwpolyline([(0, 0), (4, 0), (4, 3), (0, 3)], close=True)
    bad = msp.add_line((0, 0), (float("nan"), 1))
    col = collect(msp, 1e-6)
    assert [p.handle for p in col.loops] == [good.dxf.handle]
    assert not col.opens
    [(key, n)] = [(k, n) for k, n in col.skipped.items() if "finite" in k[2]]
    assert n == 1 and key[0] == "LINE" and bad.dxf.handle in key[2]


def test_text_is_one_clean_line_per_line():
    doc = ezdxf.new()
    msp = doc.modelspace()
    msp.add_text("BED\x07ROOM\t 1", dxfattribs={"insert": (1, 1)})
    col = collect(msp, 1e-6)
    assert col.texts[0].text == "BEDROOM 1"  # the bell dropped, the tab a space
