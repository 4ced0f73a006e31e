"""Objects of other programs (ACAD_PROXY_ENTITY: an AutoCAD Architecture space with its
label, a MagiCAD object) are read from the proxy graphics they carry for programs that
do not know them: a room label kept only there still names its room (issue 10, item 7:
nothing silent).

ezdxf reads proxy graphics but does not write them, so the drawing is made in code and
the entity written as DXF tags here: the graphics are one TEXT chunk in the binary
format ezdxf's ``proxygraphic`` module reads (chunk size, type 10, start point, normal,
direction, height, width factor, oblique angle, a NUL-padded string).
"""

from __future__ import annotations

import struct

from ezdxf.proxygraphic import ProxyGraphicTypes

from tests.dxf_patterns import Sheet, two_room_plan


def _chunk(kind: int, data: bytes) -> bytes:
    return struct.pack("<2L", 8 + len(data), kind) + data


def _text(s: str, x: float, y: float, height: float) -> bytes:
    raw = s.encode("cp1252") + b"\0"
    raw += b"\0" * (-len(raw) % 4)
    return _chunk(ProxyGraphicTypes.TEXT, struct.pack("<12d", x, y, 0, 0, 0, 1, 1, 0, 0,
                                                      height, 1, 0) + raw)


def _box(x0: float, y0: float, x1: float, y1: float) -> bytes:
    pts = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    return _chunk(ProxyGraphicTypes.POLYGON, struct.pack("<L", 4) + b"".join(
        struct.pack("<3d", x, y, 0) for x, y in pts))


def proxy_plan(tmp_path, label: str | None, placeholder: bool = False) -> str:
    """Two 12 m² rooms (tests.dxf_patterns.two_room_plan, in mm) with no text of their
    own; ``label`` (if any) kept only in the proxy graphics of an object in room A, at
    (1.5, 2.0) m. ``placeholder``: the graphics are what a program draws for an object it
    cannot show, a 1.2 x 1 m box and its class name (AecDbSpace (AecArchBase80))."""
    s = Sheet(insunits=4, scale=1000.0)
    two_room_plan(s, names=None)
    s.text("Kitchen", (6.1, 2.0))
    s.msp.add_point((0, 0), dxfattribs={"layer": "PROXY-HERE"})
    path = tmp_path / "plan.dxf"
    s.save(path)
    body = _text(label, 1500, 2000, 250) if label else b""
    if placeholder:
        body = _box(1000, 1000, 2200, 2000) + _text(label or "", 1100, 1400, 100)
    n = 2 if placeholder else 1 if label else 0
    data = struct.pack("<2L", 8 + len(body), n) + body
    tags = ("ACAD_PROXY_ENTITY\n  5\nFFF0\n100\nAcDbEntity\n  8\nA-AREA-OBJ\n100\nAcDbProxyEntity\n"
            " 90\n498\n 91\n500\n 95\n0\n 70\n0\n"
            + (f" 92\n{len(data)}\n310\n{data.hex().upper()}\n" if label else ""))
    dxf = path.read_text()
    start = dxf.index("POINT\n")
    end = dxf.index("  0\n", dxf.index("PROXY-HERE\n", start))
    path.write_text(dxf[:start] + tags + dxf[end:])
    return str(path)


def test_a_label_in_proxy_graphics_names_its_room(tmp_path):
    from floorplan.io import dxf

    plan = dxf.read(proxy_plan(tmp_path, "Office"))
    assert sorted(r.name for r in plan.rooms) == ["Kitchen", "Office"]
    assert any("read from their proxy graphics" in n for n in plan.notes)


def test_a_proxy_with_no_graphics_is_counted_as_skipped(tmp_path):
    from floorplan.io import dxf

    plan = dxf.read(proxy_plan(tmp_path, None))
    assert sorted(r.name for r in plan.rooms) == ["", "Kitchen"]
    assert any("ACAD_PROXY_ENTITY" in n and "no proxy graphics" in n for n in plan.notes)


def test_a_placeholder_box_is_not_read(tmp_path):
    """The class name is no room's name and its box (1.2 m², of room size) no room."""
    from floorplan.io import dxf

    plan = dxf.read(proxy_plan(tmp_path, "AecDbSpace (AecArchBase80)", placeholder=True))
    assert sorted((r.name, round(r.polygon.area, 4)) for r in plan.rooms) == [
        ("", 12.0), ("Kitchen", 12.0)]
    assert any("placeholder box" in n for n in plan.notes)
