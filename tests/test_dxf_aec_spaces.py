"""AutoCAD Architecture spaces (AEC_SPACE objects kept as ACAD_PROXY_ENTITY): a space's
net outline, kept as proxy graphics of separate two-point polylines, is a room outline,
as a closed polyline on a room layer is; the partitions between such rooms may be drawn
nowhere else (issue 10: an Aalborg plan whose teaching rooms are parted only so).

ezdxf reads proxy graphics but does not write them, so the proxies are written as DXF
tags into a drawing made in code (as tests/test_dxf_proxy.py does); the file's CLASSES
section gets the classes written in by hand, so that the class a proxy's code 91 names
is counted in the file's own list.
"""

from __future__ import annotations

import struct

import pytest
from ezdxf.proxygraphic import ProxyGraphicTypes

from floorplan.io.dxf.collect import aecspace
from tests.dxf_patterns import Sheet

#: two classes ahead of AEC_SPACE, the same one twice (ezdxf keeps it once): the space's
#: code 91 is 502, and ezdxf's own list would make it 501
CLASSES = [("AEC_WALL", "AecDbWall"), ("AEC_WALL", "AecDbWall"), ("AEC_SPACE", "AecDbSpace")]


def _class(name: str, cpp: str) -> str:
    return (f"  0\nCLASS\n  1\n{name}\n  2\n{cpp}\n  3\nAecArchBase\n 90\n4095\n 91\n0\n"
            "280\n1\n281\n1\n")


def _pieces(*rings: list[tuple[float, float]]) -> bytes:
    """Proxy graphics: each side of each ring (mm) a two-point POLYLINE chunk."""
    body = b""
    for pts in rings:
        for a, b in zip(pts, pts[1:] + pts[:1], strict=True):
            data = struct.pack("<L", 2) + struct.pack("<3d", *a, 0) + struct.pack("<3d", *b, 0)
            body += struct.pack("<2L", 8 + len(data), ProxyGraphicTypes.POLYLINE) + data
    return struct.pack("<2L", 8 + len(body), sum(len(r) for r in rings)) + body


def _proxy(handle: str, layer: str, class_id: int, *boxes: tuple[float, float, float, float]) -> str:
    """A proxy whose graphics draw the sides of each box (metres) as separate pieces."""
    data = _pieces(*([(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
                     for x0, y0, x1, y1 in ((v * 1000 for v in box) for box in boxes)))
    return (f"ACAD_PROXY_ENTITY\n  5\n{handle}\n100\nAcDbEntity\n  8\n{layer}\n"
            f"100\nAcDbProxyEntity\n 90\n498\n 91\n{class_id}\n 95\n0\n 70\n0\n"
            f" 92\n{len(data)}\n310\n{data.hex().upper()}\n  0\n")


def aec_plan(tmp_path, proxies: list[str], size: tuple[float, float] = (8.2, 4.2),
             labels=(("Office", (2.0, 2.0)), ("Store", (6.0, 2.0)))) -> str:
    """One 8 x 4 m room inside walls (inner faces x 0.1..8.1, y 0.1..4.1, in mm; ``size``
    the outer faces), labels Office at (2, 2) and Store at (6, 2), and the proxy entities
    ``proxies`` (DXF tags)."""
    s = Sheet(insunits=4, scale=1000.0)
    w, h = size
    s.poly([(0, 0), (w, 0), (w, h), (0, h)], closed=True)
    s.poly([(0.1, 0.1), (w - 0.1, 0.1), (w - 0.1, h - 0.1), (0.1, h - 0.1)], closed=True)
    for name, at in labels:
        s.text(name, at)
    s.msp.add_point((0, 0), dxfattribs={"layer": "PROXY-HERE"})
    path = tmp_path / "plan.dxf"
    s.save(path)
    dxf = path.read_text()
    at = dxf.index("CLASSES\n") + len("CLASSES\n")
    dxf = dxf[:at] + "".join(_class(*c) for c in CLASSES) + dxf[at:]
    start = dxf.index("POINT\n")
    end = dxf.index("  0\n", dxf.index("PROXY-HERE\n", start)) + len("  0\n")
    path.write_text(dxf[:start] + "".join(proxies) + dxf[end:])
    return str(path)


#: the partition between Office and Store is drawn only by the two spaces' outlines
OFFICE = (0.1, 0.1, 4.0, 4.1)   # 3.9 x 4.0 = 15.6 m²
STORE = (4.1, 0.1, 8.1, 4.1)    # 4.0 x 4.0 = 16.0 m²
GROSS = (0.0, 0.0, 8.2, 4.2)    # the building's gross outline, 34.44 m², holds both


def _rooms(path):
    from floorplan.io import dxf

    plan = dxf.read(path)
    return plan, sorted((r.name, round(r.polygon.area, 4)) for r in plan.rooms)


def test_space_outlines_part_rooms_the_walls_do_not(tmp_path):
    plan, rooms = _rooms(aec_plan(tmp_path, [
        _proxy("FFF0", "A81--G-N", 502, OFFICE), _proxy("FFF1", "A81--G-N", 502, STORE),
        _proxy("FFF2", "A81--G-B", 502, GROSS)]))
    assert rooms == [("Office", 15.6), ("Store", 16.0)]
    assert all(r.confidence == "high" for r in plan.rooms)
    assert any("AEC space objects read as the outline" in n for n in plan.notes)
    assert any("34.4 m²) holds other outlines" in n for n in plan.notes)  # not a room


def test_a_proxy_of_another_class_is_no_room_outline(tmp_path):
    # the same outlines as AEC_WALL objects (code 91 500): loose lines, not rooms; the
    # walls are read, and give the one room they enclose (8 x 4 m)
    _, rooms = _rooms(aec_plan(tmp_path, [
        _proxy("FFF0", "A81--G-N", 500, OFFICE), _proxy("FFF1", "A81--G-N", 501, STORE)]))
    assert [a for _, a in rooms] == [32.0]


def test_file_classes_are_counted_in_the_files_own_list(tmp_path):
    path = aec_plan(tmp_path, [])
    classes = aecspace.file_classes(path)
    assert classes[:3] == CLASSES
    assert aecspace.space_ids(classes) == {502}


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [3, 1, 0, 2]])
def test_pieces_in_any_order_and_direction_close_one_ring(order):
    import ezdxf
    from shapely.geometry import Polygon

    msp = ezdxf.new().modelspace()
    sq = [(0, 0), (4, 0), (4, 3), (0, 3)]
    lines = [msp.add_line(a, b) for a, b in zip(sq, sq[1:] + sq[:1], strict=True)]
    lines[1] = msp.add_line(sq[2], sq[1])  # one piece drawn the other way
    ring = aecspace.proxy_ring([lines[k] for k in order], 1e-6)
    assert Polygon(ring).area == pytest.approx(12.0)
    assert (ring[0] == ring[-1]).all()


def test_two_rings_or_a_gap_are_no_outline():
    import ezdxf

    msp = ezdxf.new().modelspace()
    a = [msp.add_line(p, q) for p, q in [((0, 0), (1, 0)), ((1, 0), (1, 1)), ((1, 1), (0, 0))]]
    b = [msp.add_line(p, q) for p, q in [((5, 0), (6, 0)), ((6, 0), (6, 1)), ((6, 1), (5, 0))]]
    assert aecspace.proxy_ring(a + b, 1e-6) is None
    gap = a[:2] + [msp.add_line((1, 1), (0, 0.01))]
    assert aecspace.proxy_ring(gap, 1e-6) is None


def test_a_space_over_100_m2_is_a_room_too(tmp_path):
    # walls round 14 x 10 m (inner faces x 0.1..14.1, y 0.1..10.1); a Hall space of
    # 11 x 10 = 110 m² and a Store space of 3 x 10 = 30 m² part it. An outline over 100 m²
    # on a layer that says nothing is taken for a building's outline; a space object's is
    # the room's, whatever its size
    hall, store = (0.1, 0.1, 11.1, 10.1), (11.1, 0.1, 14.1, 10.1)
    plan, rooms = _rooms(aec_plan(
        tmp_path, [_proxy("FFF0", "A81--G-N", 502, hall), _proxy("FFF1", "A81--G-N", 502, store)],
        size=(14.2, 10.2), labels=(("Hall", (5.0, 5.0)), ("Store", (12.5, 5.0)))))
    assert rooms == [("Hall", 110.0), ("Store", 30.0)]


def test_a_space_round_a_stair_opening_is_read_with_its_hole(tmp_path):
    # one space over the whole 8 x 4 m room (32 m²) whose pieces also close a ring round
    # a 2 x 1.5 m stair opening inside it (3 m²): the room is the ring less the opening,
    # 32 - 3 = 29 m², not dropped as pieces that close two rings
    hall, well = (0.1, 0.1, 8.1, 4.1), (5.0, 1.0, 7.0, 2.5)
    plan, rooms = _rooms(aec_plan(tmp_path, [_proxy("FFF0", "A81--G-N", 502, hall, well)],
                                  labels=(("Hall", (2.0, 2.0)),)))
    assert rooms == [("Hall", 29.0)]
    assert len(plan.rooms[0].polygon.interiors) == 1
    assert plan.rooms[0].confidence == "high"
    assert any("round the openings in them" in n for n in plan.notes)


def test_rings_side_by_side_or_crossing_are_no_space_with_a_hole():
    import ezdxf

    msp = ezdxf.new().modelspace()

    def sq(x0, y0, x1, y1):
        c = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        return [msp.add_line(a, b) for a, b in zip(c, c[1:] + c[:1], strict=True)]

    rings = aecspace.proxy_rings(sq(5, 1, 7, 2.5) + sq(0, 0, 8, 4), 1e-6)
    assert [round(abs(_shoelace(r)), 6) for r in rings] == [32.0, 3.0]  # outer first
    assert aecspace.proxy_rings(sq(0, 0, 4, 4) + sq(3, 3, 6, 6), 1e-6) is None  # crossing
    assert aecspace.proxy_rings(sq(0, 0, 8, 4) + sq(1, 1, 3, 3) + sq(2, 2, 4, 3.5), 1e-6) is None
    assert aecspace.proxy_ring(sq(5, 1, 7, 2.5) + sq(0, 0, 8, 4), 1e-6) is None  # not one ring


def _shoelace(r):
    x, y = r[:, 0], r[:, 1]
    return 0.5 * float((x[:-1] * y[1:] - x[1:] * y[:-1]).sum())


def _arc_chunk(centre, radius, normal, start_vec, sweep) -> bytes:
    """Proxy graphics: one CIRCULAR_ARC chunk (mm), as AutoCAD Architecture writes a space's
    curved side."""
    data = (struct.pack("<3d", *centre) + struct.pack("<d", radius) + struct.pack("<3d", *normal)
            + struct.pack("<3d", *start_vec) + struct.pack("<d", sweep) + struct.pack("<L", 0))
    return struct.pack("<2L", 8 + len(data), ProxyGraphicTypes.CIRCULAR_ARC) + data


def _line_chunk(a, b) -> bytes:
    data = struct.pack("<L", 2) + struct.pack("<3d", *a, 0) + struct.pack("<3d", *b, 0)
    return struct.pack("<2L", 8 + len(data), ProxyGraphicTypes.POLYLINE) + data


def test_a_space_with_a_curved_side_is_read_with_its_arc(tmp_path):
    # a space 5 x 4 m (x 0.1..5.1, y 0.1..4.1) whose east side is a half circle of 2 m
    # radius round (5.1, 2.1), drawn as an arc about -z (mirrored, as L1321's spaces are)
    # from the top corner round the east to the bottom one: 5 x 4 + pi 2² / 2 = 26.283 m²
    # (a spiral stair's cell, a bay). Its pieces were dropped as not closing when only the
    # straight ones were joined
    import math

    mm = 1000.0
    chunks = [_line_chunk((0.1 * mm, 0.1 * mm), (5.1 * mm, 0.1 * mm)),
              _arc_chunk((5.1 * mm, 2.1 * mm, 0.0), 2 * mm, (0.0, 0.0, -1.0), (0.0, 1.0, 0.0),
                         math.pi),
              _line_chunk((5.1 * mm, 4.1 * mm), (0.1 * mm, 4.1 * mm)),
              _line_chunk((0.1 * mm, 4.1 * mm), (0.1 * mm, 0.1 * mm))]
    body = b"".join(chunks)
    data = struct.pack("<2L", 8 + len(body), len(chunks)) + body
    proxy = ("ACAD_PROXY_ENTITY\n  5\nFFF0\n100\nAcDbEntity\n  8\nA81--G-N\n"
             "100\nAcDbProxyEntity\n 90\n498\n 91\n502\n 95\n0\n 70\n0\n"
             f" 92\n{len(data)}\n310\n{data.hex().upper()}\n  0\n")
    plan, rooms = _rooms(aec_plan(tmp_path, [proxy], labels=(("Lounge", (2.0, 2.0)),)))
    assert [n for n, _ in rooms] == ["Lounge"]
    # flattened to the 1 mm chord error: inside the true curve by at most a segment's
    # area 2/3 x 1 mm x the arc's 6.28 m, 0.0042 m²
    assert 20 + math.pi * 2 - 0.0042 <= rooms[0][1] <= 20 + math.pi * 2
    assert plan.rooms[0].polygon.bounds[2] == pytest.approx(7.1, abs=1e-3)  # round the east
    assert plan.rooms[0].confidence == "high"


def test_pieces_far_from_the_origin_meet_within_a_hundredth_of_the_chord():
    # an AEC program's pieces 139 km from the origin (in mm) whose ends that meet lie
    # 0.08 µm apart (as in a real Aalborg plan): one ring when the chord error (1 mm) is
    # known; a gap of 1 mm is no meeting
    import ezdxf
    from shapely.geometry import Polygon

    msp = ezdxf.new().modelspace()
    x0, y0 = -138866137.27565962, 257721636.77212662
    sq = [(x0, y0), (x0 + 4000, y0), (x0 + 4000, y0 + 3000), (x0, y0 + 3000)]
    lines = [msp.add_line(a, b) for a, b in zip(sq, sq[1:] + sq[:1], strict=True)]
    lines[2] = msp.add_line((sq[2][0], sq[2][1] + 8.2e-5), sq[3])
    assert aecspace.proxy_ring(lines, 1e-6) is None  # the bare joining tolerance
    ring = aecspace.proxy_ring(lines, 1e-6, chord=1.0)
    assert Polygon(ring).area == pytest.approx(12e6, rel=1e-9)
    lines[2] = msp.add_line((sq[2][0], sq[2][1] + 1.0), sq[3])
    assert aecspace.proxy_ring(lines, 1e-6, chord=1.0) is None


def test_an_arc_that_meets_nothing_leaves_the_outline_open():
    import ezdxf

    msp = ezdxf.new().modelspace()
    pieces = [msp.add_line((0, 0), (4, 0)), msp.add_arc((4, 1.5), 1.5, -90, 90),
              msp.add_line((4, 3), (0, 3)), msp.add_point((1, 1))]
    assert aecspace.proxy_ring(pieces, 1e-6) is None  # the west side is missing
    pieces.append(msp.add_line((0, 3), (0, 0)))
    ring = aecspace.proxy_ring(pieces, 1e-6, chord=1e-4)  # the POINT (an anchor) passed
    from shapely.geometry import Polygon

    assert Polygon(ring).area == pytest.approx(12 + 3.534291735, rel=1e-4)
