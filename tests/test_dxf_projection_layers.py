"""Layers that hold projections (issue 10, holdout4's Aule-scolastiche): what is drawn
seen and not cut, a walkway's roof bays seen from below, drawn dashed on ``PROIEZIONI
Tratteggiate - dashed``, bounds no room and is no wall, whether the layer's name says so
(in the languages the reader knows) or its linetype is broken. A layer that says masonry
(``MURATURA``) or pillars (``PILASTRI``) holds walls.

The drawings are in metres; areas are worked by hand from the coordinates.
"""

from __future__ import annotations

import pytest

from floorplan.errors import PlanReadError
from floorplan.io.dxf.layers import LayerMap
from tests.dxf_patterns import Sheet, read, rooms_of


@pytest.mark.parametrize("layer, kind", [
    ("PROIEZIONI Tratteggiate - dashed", "projection"), ("PROIEZIONI - projections", "projection"),
    ("Projection", "projection"), ("A-ROOF-HIDDEN", "projection"), ("Overhead Features", "projection"),
    ("A-WALL-OVHD", "projection"), ("Lineas ocultas", "projection"), ("Proyección techo", "projection"),
    ("Verdeckte Kanten", "projection"),
    # an overhead garage door is a door; a ceiling drawn overhead is a ceiling
    ("DOOR-OVERHEAD", "door"), ("A-CLNG-OVHD", "ceiling"),
    ("MURATURA sezioni - section wall", "wall"), ("Muratura", "wall"),
    ("PILASTRI struttura - structure", "wall"), ("Pilastro", "wall"),
    # words that only look alike say nothing
    ("Pluma 8", None), ("Overland", None),
])
def test_layer_names_that_say_projection_or_masonry(layer, kind):
    assert LayerMap().layer_kind(layer) == kind


def walkway(s: Sheet, layer: str) -> None:
    """One room's walls, 0.1 m thick, x in [0, 8.2], y in [0, 3.2], whose south wall is
    open 1.6 m (x in [3.0, 4.6]: wider than a gap closed with nothing in it, 1.2 m); in
    front of it a covered walkway's roof bays seen from below: five closed 1.5 x 1.2 m
    outlines in a row on ``layer``, y in [-1.4, -0.2], under a line that runs past them."""
    s.lines([(3.0, 0.0), (0.0, 0.0), (0.0, 3.2), (8.2, 3.2), (8.2, 0.0), (4.6, 0.0)])
    s.lines([(3.0, 0.1), (0.1, 0.1), (0.1, 3.1), (8.1, 3.1), (8.1, 0.1), (4.6, 0.1)])
    s.line((3.0, 0.0), (3.0, 0.1))
    s.line((4.6, 0.0), (4.6, 0.1))
    for k in range(5):
        x = 0.2 + 1.6 * k
        s.poly([(x, -1.4), (x + 1.5, -1.4), (x + 1.5, -0.2), (x, -0.2)], layer, closed=True)
    s.line((-1.0, -1.5), (9.2, -1.5), layer)


def test_bays_on_a_layer_that_says_nothing_are_read_as_rooms(tmp_path):
    # the control: on a layer whose name and linetype say nothing, the closed bays are
    # the only closed outlines and are taken as rooms (5 of 1.8 m²)
    s = Sheet()
    walkway(s, "BAYS")
    plan = read(s, tmp_path, view=1)
    assert [a for _n, _how, a in rooms_of(plan)] == [1.8] * 5


@pytest.mark.parametrize("layer, linetype", [
    ("PROIEZIONI Tratteggiate - dashed", None),  # the name says so
    ("BAYS", "DASHED"),  # the layer's linetype does
])
def test_projected_bays_are_no_rooms(tmp_path, layer, linetype):
    s = Sheet()
    if linetype:
        s.doc.linetypes.add(linetype, pattern=[0.75, 0.5, -0.25], description="__ __ __")
        s.doc.layers.add(layer, linetype=linetype)
    walkway(s, layer)
    # the room's walls stay open (1.6 m, nothing in the gap): no room is found at all,
    # rather than the bays
    with pytest.raises(PlanReadError, match="no rooms found"):
        read(s, tmp_path)
    plan = read(s, tmp_path, require_rooms=False)
    assert plan.rooms == ()
    assert any(n.startswith(f"skipped 5 LWPOLYLINE on layer {layer}: a projection") for n in plan.notes)


def test_a_dashed_layer_named_by_the_layer_map_is_read_as_named(tmp_path):
    s = Sheet()
    s.doc.linetypes.add("DASHED", pattern=[0.75, 0.5, -0.25], description="__ __ __")
    s.doc.layers.add("BAYS", linetype="DASHED")
    walkway(s, "BAYS")
    (tmp_path / "map.toml").write_text('[layers]\nroom = ["BAYS"]\n')
    plan = read(s, tmp_path, view=1, layer_map=tmp_path / "map.toml")
    assert [a for _n, _how, a in rooms_of(plan)] == [1.8] * 5


# -- walls on a pen layer (holdout4's CASONA: every wall face a LINE on 'Pluma 8') --------

def pen_layer_plan(s: Sheet) -> None:
    """Three rooms of 4 x 3 m between wall faces (x in [0.1, 4.1], [4.2, 8.2], [8.3, 12.3],
    y in [0.1, 3.1]), walls 0.1 m thick drawn as LINEs on ``Pluma 8`` (a pen number: the
    name says nothing), each partition with a 0.9 m opening holding a door block; the
    rooms labelled BEDROOM, KITCHEN, LIVING ROOM. A wall layer exists (``COLUMNA``: one
    column, 0.4 m square, standing free 2 m south of the building), and a closed 1.2 x
    0.8 m outline on layer ``2`` (a step) lies outside the rooms: the only closed outline
    of room size, holding no label."""
    from shapely.geometry import box
    from shapely.ops import unary_union

    rooms = [box(0.1, 0.1, 4.1, 3.1), box(4.2, 0.1, 8.2, 3.1), box(8.3, 0.1, 12.3, 3.1)]
    mass = box(0, 0, 12.4, 3.2).difference(unary_union(rooms))
    mass = mass.difference(box(4.1, 1.1, 4.2, 2.0)).difference(box(8.2, 1.1, 8.3, 2.0))
    s.mass(mass, layer="Pluma 8")
    s.door((4.1, 1.1), rotation=90, leaf="open", layer="PUERTAS")
    s.door((8.2, 1.1), rotation=90, leaf="open", layer="PUERTAS")
    s.poly([(5.0, -2.4), (5.4, -2.4), (5.4, -2.0), (5.0, -2.0)], "COLUMNA", closed=True)
    s.poly([(1.0, -1.5), (2.2, -1.5), (2.2, -0.7), (1.0, -0.7)], "2", closed=True)
    for name, x in (("BEDROOM", 1.5), ("KITCHEN", 5.6), ("LIVING ROOM", 9.5)):
        s.text(name, (x, 2.0))


def test_walls_on_a_pen_layer_are_read_when_the_wall_layers_leave_the_labels_out(tmp_path):
    s = Sheet()
    pen_layer_plan(s)
    plan = read(s, tmp_path)
    assert [(n, a) for n, _how, a in rooms_of(plan)] == [
        ("BEDROOM", 12.0), ("KITCHEN", 12.0), ("LIVING ROOM", 12.0)]
    # walls on a layer whose name says nothing: no confident room
    assert {r.confidence for r in plan.rooms} == {"medium"}
    assert any("the linework on layer Pluma 8, which says nothing, read as walls too" in n
               for n in plan.notes)


def test_a_pen_layer_is_not_read_as_walls_when_the_wall_layers_hold_the_labels(tmp_path):
    # the same rooms with their walls on a layer that says wall: the pen layer's lines
    # (here a 1.2 x 0.8 m closed step outline on '2' and a line across the bedroom on
    # 'Pluma 1') are not walls, so the bedroom is not parted
    s = Sheet()
    pen_layer_plan(s)
    for e in list(s.msp):
        if e.dxf.layer == "Pluma 8":
            e.dxf.layer = "MURO"
    s.line((2.0, 0.1), (2.0, 3.1), "Pluma 1")
    plan = read(s, tmp_path)
    assert [(n, a) for n, _how, a in rooms_of(plan)] == [
        ("BEDROOM", 12.0), ("KITCHEN", 12.0), ("LIVING ROOM", 12.0)]
