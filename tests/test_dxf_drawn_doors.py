"""Door blocks known by what they draw (issue 10, items 1 and 5; holdout4 FINDINGS,
Scuola-pianta-03, whose door blocks ``PA145`` and ``PMA_0.825`` on a layer of "fine lines"
were expanded as nothing in particular: no doorway sealed, the classrooms run into the
corridors).

Every block here is named like nothing the reader knows (``PX160``, ``QS9``) and inserted
on a layer that says nothing (``FINE LINES``); what it draws decides.

The drawing (:func:`tests.dxf_patterns.two_rooms_mass`, metres unless a test says
otherwise): walls 0.1 m thick, room A x 0.1-4.1, room B x 4.2-8.2, both y 0.1-3.1: 4 x 3 =
12 m² each by hand; the partition x 4.1-4.2 open at y 0.7-2.3 for a double door (1.6 m:
wider than the 1.2 m a gap is closed without a door, so unless the door is read the two
rooms are one) or y 1.1-2.0 for a single door (0.9 m).
"""

from __future__ import annotations

import math

import pytest

from floorplan.doorlinks import door_links
from tests.dxf_patterns import Sheet, read, two_rooms_mass

LAYER = "FINE LINES"
LEAF = 0.8  # each leaf of the double door
WIDTH = 0.9  # the single door
Q = math.tan(math.radians(90 / 4))  # the bulge of a quarter turn


def _double_block(s: Sheet, name: str = "PX160", leaf: str = "line") -> str:
    """A double door in block units (metres x ``s.k``): hinges (0, 0) and (1.6, 0), the
    leaves drawn open along +y, each swing from the meeting point (0.8, 0) to its leaf's
    end, and the jambs as short LINEs either side (as PA145 draws them). ``leaf``: each open
    leaf a LINE, a thin rectangle (0.04 m) from the hinge, or, with its swing, one bulged
    polyline."""
    b = s.doc.blocks.new(name)
    k, w = s.k, LEAF * s.k
    for hx, sign in ((0.0, 1), (2 * LEAF, -1)):
        h = hx * k
        if leaf == "line":
            b.add_line((h, 0), (h, w))
        elif leaf == "rectangle":
            t = 0.04 * k * sign
            b.add_lwpolyline([(h, 0), (h - t, 0), (h - t, w), (h, w)], close=True)
        if leaf == "bulged":  # from the meeting point round to the open leaf's end, back to the hinge
            b.add_lwpolyline([(LEAF * k, 0, 0, 0, Q * sign), (h, w), (h, 0)], format="xyseb")
        else:
            b.add_arc((h, 0), w, 0 if sign > 0 else 90, 90 if sign > 0 else 180)
        b.add_line((h - 0.05 * k * sign, 0), (h - 0.05 * k * sign, -0.1 * k))  # the jamb
    return name


def _single_block(s: Sheet, name: str = "PX090") -> str:
    """A single door: hinge (0, 0), opening along +x to (0.9, 0), the leaf a thin
    rectangle along +y (as PMA_0.825 draws it), the swing from (0.9, 0) to the leaf's end."""
    b = s.doc.blocks.new(name)
    w = WIDTH * s.k
    b.add_lwpolyline([(0, 0), (0.04 * s.k, 0), (0.04 * s.k, w), (0, w)], close=True)
    b.add_arc((0, 0), w, 0, 90)
    return name


def _walls(s: Sheet, door: tuple[float, float]) -> None:
    """The two rooms' walls as double LINEs with jambs (scaled by the sheet)."""
    s.mass(two_rooms_mass(door=door))


def _rooms(plan) -> list[float]:
    return sorted(round(r.polygon.area, 4) for r in plan.rooms)


@pytest.mark.parametrize("leaf", ["line", "rectangle", "bulged"])
@pytest.mark.parametrize("k", [1.0, 1000.0], ids=["m", "mm"])
def test_a_double_door_block_named_like_nothing_is_a_door_between_the_rooms(tmp_path, leaf, k):
    s = Sheet(insunits=6 if k == 1 else 4, scale=k)
    _walls(s, door=(0.6, 2.2))  # the opening y 0.7-2.3
    _double_block(s, leaf=leaf)
    # hung on room A's face x 4.1, the leaves opening into room A (+y of the block is -x)
    s.msp.add_blockref("PX160", (4.1 * k, 0.7 * k), dxfattribs={"layer": LAYER, "rotation": 90})
    plan = read(s, tmp_path)
    assert _rooms(plan) == [12.0, 12.0]  # two rooms of 4 x 3 m, not one through the opening
    (door,) = plan.doors
    assert door.properties.get("block") == "PX160"
    assert door.properties.get("leaves") == 2
    assert door.width == pytest.approx(2 * LEAF, abs=1e-3)
    at = door.geometry.centroid
    assert (at.x, at.y) == pytest.approx((4.1, 1.5), abs=1e-3)  # where the leaves meet
    assert len(door_links(plan)[door.id]) == 2


@pytest.mark.parametrize("layer", [LAYER, "PROJECTIONS - fine lines"])
def test_a_single_door_block_named_like_nothing_is_a_door_by_its_swing(tmp_path, layer):
    """On a layer that says nothing, or that says projection (a swing is seen, not cut:
    archweb draws its doors on ``PROIEZIONI finissime``)."""
    s = Sheet()
    _walls(s, door=(1.0, 1.9))  # the opening y 1.1-2.0
    _single_block(s)
    s.msp.add_blockref("PX090", (4.1, 1.1), dxfattribs={"layer": layer, "rotation": 90})
    plan = read(s, tmp_path)
    assert _rooms(plan) == [12.0, 12.0]
    (door,) = plan.doors
    assert door.properties.get("block") == "PX090"  # the block, not a bare opening
    assert door.width == pytest.approx(WIDTH, abs=1e-3)  # the swing's radius
    at = door.geometry.centroid  # the middle of the closed leaf, across the opening
    assert (at.x, at.y) == pytest.approx((4.1, 1.55), abs=1e-3)
    assert len(door_links(plan)[door.id]) == 2


def test_a_door_block_away_from_any_wall_is_no_door(tmp_path):
    """The same double door drawn in the middle of room A (a legend's sample, a symbol left
    on the sheet): no wall gap, no door; the opening it does not stand in is still open."""
    s = Sheet()
    _walls(s, door=(1.0, 1.9))
    _double_block(s)
    s.msp.add_blockref("PX160", (1.3, 1.0), dxfattribs={"layer": LAYER})
    plan = read(s, tmp_path)
    assert not any(d.properties.get("block") for d in plan.doors)


def test_a_block_drawing_walls_and_a_door_is_not_itself_a_door(tmp_path):
    """A flat drawn as one block (``TYPE-A``: the walls and the door block inside it): the
    door block nested in it is the door; the flat's block, though it holds a swing and its
    leaf, draws far more than a door, and its walls are still read as walls."""
    s = Sheet()
    flat = s.doc.blocks.new("TYPE-A")
    for g in getattr(two_rooms_mass(door=(0.6, 2.2)), "geoms", [two_rooms_mass(door=(0.6, 2.2))]):
        for ring in [g.exterior, *g.interiors]:
            c = list(ring.coords)
            for a, b in zip(c[:-1], c[1:], strict=True):
                flat.add_line(a, b, dxfattribs={"layer": "A-WALL"})
    _double_block(s)
    flat.add_blockref("PX160", (4.1, 0.7), dxfattribs={"layer": "0", "rotation": 90})
    s.msp.add_blockref("TYPE-A", (20.0, 10.0), dxfattribs={"layer": LAYER})
    plan = read(s, tmp_path)
    assert _rooms(plan) == [12.0, 12.0]
    (door,) = plan.doors
    assert door.properties.get("block") == "PX160"


def test_a_quadrant_shower_tray_in_a_corner_is_no_door(tmp_path):
    """A quadrant shower tray (``QS9``): a quarter arc of 0.9 m, a door's radius, with both
    radii drawn from its centre, so a leaf is there; but it stands in the corner of room A,
    its radii along the walls, in no gap: not a door."""
    s = Sheet()
    _walls(s, door=(1.0, 1.9))
    b = s.doc.blocks.new("QS9")
    b.add_arc((0, 0), 0.9, 0, 90)
    b.add_line((0, 0), (0.9, 0))
    b.add_line((0, 0), (0, 0.9))
    s.msp.add_blockref("QS9", (0.1, 0.1), dxfattribs={"layer": LAYER})
    plan = read(s, tmp_path)
    assert not any(d.properties.get("block") == "QS9" for d in plan.doors)


def test_a_round_table_and_a_wc_pan_stay_what_they_are(tmp_path):
    """Furniture with arcs, named like nothing: a round table of 0.6 m radius drawn as four
    quarter ARCs (each a door's radius and a quarter turn) with a runner across it, and a WC
    pan (a bowl of arcs of 0.2 m), each in a room: no door among them (no leaf from an
    arc's centre to its end, no wall gap; the pan's arcs too small)."""
    s = Sheet()
    _walls(s, door=(1.0, 1.9))
    t = s.doc.blocks.new("RT12")
    for a in (0, 90, 180, 270):
        t.add_arc((0, 0), 0.6, a, a + 90)
    t.add_line((-0.3, 0.1), (0.3, 0.1))  # a runner across it, not from the centre
    s.msp.add_blockref("RT12", (2.0, 1.6), dxfattribs={"layer": LAYER})
    w = s.doc.blocks.new("XW1")
    w.add_arc((0, 0.3), 0.2, 0, 180)
    w.add_line((-0.2, 0.3), (-0.2, 0))
    w.add_line((0.2, 0.3), (0.2, 0))
    w.add_line((-0.25, 0), (0.25, 0))
    s.msp.add_blockref("XW1", (6.0, 0.1), dxfattribs={"layer": LAYER})
    plan = read(s, tmp_path)
    assert not any(d.properties.get("block") in ("RT12", "XW1") for d in plan.doors)
    assert _rooms(plan) == [12.0, 12.0]


def test_a_swing_without_its_leaf_in_a_gap_is_no_door(tmp_path):
    """A curved front (``CF9``: a quarter arc of 0.9 m and the straight chord across it,
    no line from the arc's centre) standing in the doorway: the arc is of a door's size
    and in a gap, but no leaf is drawn from its centre, so it is no door."""
    s = Sheet()
    _walls(s, door=(1.0, 1.9))
    b = s.doc.blocks.new("CF9")
    b.add_arc((0, 0), WIDTH, 0, 90)
    b.add_line((WIDTH, 0), (0, WIDTH))
    s.msp.add_blockref("CF9", (4.1, 1.1), dxfattribs={"layer": LAYER, "rotation": 90})
    plan = read(s, tmp_path)
    assert not any(d.properties.get("block") == "CF9" for d in plan.doors)


def test_a_block_named_as_a_window_is_no_door_whatever_it_draws(tmp_path):
    """A casement window drawn with a swing (as some offices draw them), its name saying
    window: not a door, however door-like its drawing."""
    s = Sheet()
    _walls(s, door=(1.0, 1.9))
    _single_block(s, "WINDOW-CASEMENT")
    s.msp.add_blockref("WINDOW-CASEMENT", (4.1, 1.1), dxfattribs={"layer": LAYER, "rotation": 90})
    plan = read(s, tmp_path)
    assert not any(d.properties.get("block") == "WINDOW-CASEMENT" for d in plan.doors)
