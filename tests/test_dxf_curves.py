"""Bulges flattened in numpy (floorplan.io.dxf.collect.curves), and blocks holding them copied."""

from __future__ import annotations

import math

import ezdxf
import numpy as np
import pytest

from floorplan.io.dxf.collect import modelspace as dxf_collect
from floorplan.io.dxf.collect.curves import bulged, chord_error


@pytest.mark.parametrize("b", [1.0, -1.0, math.tan(math.pi / 8), -0.2, 3.0])
def test_a_bulge_is_its_arc_within_the_chord_error(b):
    p0, p1 = np.array([1.0, 2.0]), np.array([4.0, 6.0])  # a chord of 5
    pts = bulged(np.array([p0, p1]), np.array([b, 0.0]), False, 0.001)
    sweep = 4 * math.atan(b)
    r = 5 * (1 + b * b) / (4 * abs(b))
    # the centre from geometry: on the chord's bisector, r from both ends
    mid, u = (p0 + p1) / 2, (p1 - p0) / 5
    h = math.sqrt(r * r - 6.25) * (1 if abs(b) < 1 else -1) * math.copysign(1, b)
    centre = mid + h * np.array([-u[1], u[0]])
    assert pts[0].tolist() == p0.tolist() and pts[-1].tolist() == p1.tolist()
    assert np.allclose(np.hypot(*(pts - centre).T), r, atol=1e-9)
    # each step's sagitta within the error, and the steps turn the whole sweep
    steps = np.hypot(*np.diff(pts, axis=0).T)
    assert (r - np.sqrt(r * r - (steps / 2) ** 2)).max() <= 0.001 + 1e-12
    ang = np.unwrap(np.arctan2(*(pts - centre).T[::-1]))
    assert ang[-1] - ang[0] == pytest.approx(sweep)
    assert len(pts) - 1 >= abs(sweep) / (2 * math.pi) * 32


def test_a_closed_polyline_closes_by_its_last_bulge():
    # a circle of radius 1 as two semicircles: 32 steps a turn at least, area near pi
    pts = bulged(np.array([[0.0, 0.0], [2.0, 0.0]]), np.array([1.0, 1.0]), True, 0.001)
    assert pts[-1].tolist() == [0.0, 0.0]
    x, y = pts[:, 0], pts[:, 1]
    area = 0.5 * abs(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))
    assert math.pi - 0.01 < area < math.pi


def test_the_chord_error_is_a_millimetre_or_a_share_of_the_extents():
    doc = ezdxf.new()
    doc.header["$INSUNITS"] = 4
    doc.header["$EXTMIN"], doc.header["$EXTMAX"] = (0, 0, 0), (300000, 400000, 0)
    assert chord_error(doc) == pytest.approx(1.0)     # 1 mm; the extents allow 10
    doc.header["$EXTMAX"] = (3000, 4000, 0)
    assert chord_error(doc) == pytest.approx(0.1)     # 1/50,000 of a 5 m diagonal
    doc.header["$INSUNITS"] = 0
    doc.header["$EXTMIN"], doc.header["$EXTMAX"] = (1e20, 1e20, 1e20), (-1e20, -1e20, -1e20)
    assert chord_error(doc) is None


@pytest.mark.parametrize("rotation, xscale, extrusion", [
    (0, 1, (0, 0, 1)), (33.3, 1, (0, 0, 1)), (90, -1, (0, 0, 1)), (270, 1, (0, 0, -1)),
])
def test_blocks_with_bulges_and_hatches_copy_as_expanded(monkeypatch, rotation, xscale, extrusion):
    # a bath with rounded corners and a hatched oval tub, placed far and near: each copy
    # of the block expanded once holds what ezdxf's expansion of that INSERT gives
    doc = ezdxf.new(units=4)
    msp = doc.modelspace()
    blk = doc.blocks.new("BATH", base_point=(20, 10))
    b = math.tan(math.pi / 8)
    blk.add_lwpolyline([(150, 0, 0, 0, 0), (1550, 0, 0, 0, b), (1700, 150, 0, 0, 0),
                        (1700, 550, 0, 0, b), (1550, 700, 0, 0, 0), (150, 700, 0, 0, b),
                        (0, 550, 0, 0, 0), (0, 150, 0, 0, b)], format="xyseb", close=True)
    hatch = blk.add_hatch()
    hatch.paths.add_polyline_path([(300, 150, 0), (1400, 150, 1), (1400, 550, 0), (300, 550, 1)],
                                  is_closed=True)
    for x, y in ((1000, 2000), (-3500.5, 7.25), (123456.7, -7890.1)):
        msp.add_blockref("BATH", (x, y), dxfattribs={
            "layer": "A-FLOR-FIXT", "rotation": rotation, "xscale": xscale, "extrusion": extrusion})

    def collected():
        col = dxf_collect.collect(msp, 1e-6)
        return ([(p.uid, p.etype, p.layer, p.chain, p.pts) for p in col.loops + col.hatches]
                + [(i.uid, i.name, i.layer, i.chain, i.pts) for i in col.inserts])

    fast = collected()
    monkeypatch.setattr(dxf_collect, "FAST_BLOCKS", False)
    slow = collected()
    assert len(fast) == 3 * 3
    for got, want in zip(fast, slow, strict=True):
        assert got[:-1] == want[:-1]
        assert got[-1].shape == want[-1].shape
        assert np.allclose(got[-1], want[-1], rtol=0, atol=1e-6)
    # the outline is the bath's, 1700 x 700 less the four corners' cut (4 - pi) r^2, drawn
    # inside it by at most the chord error (1 mm) along its rounded corners (2 pi r)
    ring = fast[0][-1]
    area = 0.5 * abs(np.dot(ring[:-1, 0], ring[1:, 1]) - np.dot(ring[1:, 0], ring[:-1, 1]))
    exact = 1700 * 700 - (4 - math.pi) * 150 ** 2
    assert 0 < exact - area <= 1.0 * 2 * math.pi * 150
    # the insert keeps the hull of what it draws: its corners, not every flattened point
    assert len(fast[6][-1]) < len(fast[0][-1])
