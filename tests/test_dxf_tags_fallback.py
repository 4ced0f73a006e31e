"""The bulk tag reader (floorplan/io/dxf/load/tags.py) works with ezdxf's tag classes from
inside; an ezdxf whose insides differ must cost speed, never a read: the drawing is then
read by ``ezdxf.readfile`` as before, with the same rooms."""

from __future__ import annotations

import sys

from floorplan.io import dxf
from floorplan.io.dxf.load import document as load
from tests.dxf_patterns import Sheet, two_room_plan


def _rooms(path):
    return sorted((r.name, round(r.polygon.area, 4)) for r in dxf.read(path).rooms)


def _plan(tmp_path):
    s = Sheet()
    two_room_plan(s)
    return s.save(tmp_path / "plan.dxf")


def test_an_ezdxf_without_the_insides_it_uses_reads_with_ezdxf(tmp_path, monkeypatch):
    path = _plan(tmp_path)
    expected = _rooms(path)
    assert expected == [("BEDROOM", 12.0), ("KITCHEN", 12.0)]  # dxf_patterns: 4 x 3 m each
    import floorplan.io.dxf.load as package

    monkeypatch.setitem(sys.modules, "floorplan.io.dxf.load.tags", None)  # the import fails
    monkeypatch.delattr(package, "tags", raising=False)
    assert load._bulk_read(str(path), None) is None
    assert _rooms(path) == expected


def test_a_tag_class_built_otherwise_reads_with_ezdxf(tmp_path, monkeypatch):
    from floorplan.io.dxf.load import tags

    path = _plan(tmp_path)
    expected = _rooms(path)

    def changed(*_a, **_k):
        raise AttributeError("'DXFTag' object has no attribute '_code'")

    monkeypatch.setattr(tags, "_made", changed)
    assert load._bulk_read(str(path), None) is None
    assert _rooms(path) == expected
