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
