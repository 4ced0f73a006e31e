"""Pieces of a thick wall's body among the faces of the wall linework
(:mod:`~floorplan.io.dxf.rooms.wallrooms`).

A wall drawn as its two faces, with a line across it at each jamb of each window and at its
ends, encloses faces of its own between the openings: long and a wall's thickness wide. A
wall thinner than a room (:data:`~floorplan.io.dxf.walls.pinch.MIN_WIDTH`) is a band already
(:class:`~floorplan.io.dxf.walls.faces.Arrangement`); a masonry wall 0.5 m thick is wider than that,
and its pieces would be read as rooms. A face is such a piece (:func:`is_band`) when it is no
wider than a wall anywhere (:data:`THICKNESS`), each of its long sides faces another of its
sides, parallel and a wall's thickness away, and its other sides are short (lines across:
jambs, wall ends); and when nothing says it is a room: no label or written area figure stands
in it, no door symbol touches it and no doorway, window or gap of a door's width is sealed on
its edge (a way in, as :func:`~floorplan.io.dxf.walls.entries.sealed_off` reads one); and it does
not stand free in another face's hole (a bench, a pier: an object, left to the other rules).
A thin room that is real (a passage 0.8 m wide, a cupboard 0.6 m deep behind a door, a
labelled duct) is kept by its width or by that evidence.

A face that the hatches of wall layers fill (:data:`HATCHED` of it: the drawing's own fill
for its masonry) is a piece of the wall's body whatever its width or shape, a stone wall
0.65 m thick as much as a brick one, when no label or written area stands in it
(:func:`filled_pieces`): the hatch says what the face is, where its shape only suggests it.

>>> from shapely.geometry import box
>>> is_band(box(0, 0, 3.0, 0.5)), is_band(box(0, 0, 3.0, 0.8)), is_band(box(0, 0, 0.5, 0.5))
(True, False, False)
>>> is_band(box(0, 0, 2.0, 2.0).difference(box(0.5, 0.5, 2.0, 2.0)))  # a corner's L
True
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.views.score import WALL_REACH
from floorplan.io.dxf.walls.entries import Ways, holding
from floorplan.io.dxf.walls.openings import JAMB_LENGTH

#: a wall is this thick (metres): from the shortest jamb to the widest wall the reader
#: lets lie between two rooms
THICKNESS = (JAMB_LENGTH[0], WALL_REACH)
#: two sides are parallel within this sine of their angle
PARALLEL = 0.05
#: sides shorter than this (metres) are left out when the face's outline is simplified
SIMPLIFY = 1e-3
#: a face this much covered by the hatches of wall layers is wall
HATCHED = 0.8


def is_band(poly: Polygon) -> bool:
    """``poly`` is a piece of a wall's body: no wider than :data:`THICKNESS` anywhere, at
    least two sides longer than a wall is thick, each of them facing another side parallel at
    a wall's thickness (the other face; at a corner, the short leg's); its other sides are
    no longer than a wall is thick."""
    lo, hi = THICKNESS
    if not isinstance(poly, Polygon) or poly.is_empty or poly.interiors:
        return False
    if not poly.buffer(-hi / 2, join_style="mitre").is_empty:
        return False  # wider than a wall somewhere
    ring = np.asarray(poly.exterior.simplify(SIMPLIFY).coords)[:, :2]
    starts, ends = ring[:-1], ring[1:]
    vec = ends - starts
    lengths = np.hypot(vec[:, 0], vec[:, 1])
    long = [k for k in range(len(vec)) if lengths[k] > hi]
    if len(long) < 2:
        return False
    for k in long:
        u = vec[k] / lengths[k]
        if not any(_faces(starts[k], u, lengths[k], starts[j], ends[j], lo, hi)
                   for j in range(len(vec)) if j != k):
            return False
    return True


def _faces(a: np.ndarray, u: np.ndarray, length: float, b0: np.ndarray, b1: np.ndarray,
           lo: float, hi: float) -> bool:
    """Side ``b0``-``b1`` faces the side from ``a`` along ``u`` (``length`` long): parallel,
    ``lo``-``hi`` away, beside it over part of its length."""
    w = b1 - b0
    lw = float(np.hypot(*w))
    if lw == 0 or abs(u[0] * w[1] - u[1] * w[0]) / lw > PARALLEL:
        return False
    off = abs(u[0] * (b0[1] - a[1]) - u[1] * (b0[0] - a[0]))
    if not lo <= off <= hi:
        return False
    t0, t1 = sorted((float(np.dot(b0 - a, u)), float(np.dot(b1 - a, u))))
    return min(t1, length) - max(t0, 0.0) > lo


def wall_pieces(found: list, arr, doors: list[Polygon], texts: list[tuple[float, float, str]]
                ) -> list[int]:
    """Which of the rooms in the walls ``found`` are pieces of a wall's body (see the
    module's docstring): :func:`is_band`, no label and none of ``texts`` (names, written
    area figures) in it, no door symbol of ``doors`` touching it, and no doorway or gap of
    a door's width of the arrangement ``arr`` sealed on its edge."""
    if not found:
        return []
    polys = [w.polygon for w in found]
    tree = STRtree(polys)
    held = holding(tree, texts, "intersects")
    ways = Ways(arr)
    door_tree = STRtree(doors) if doors else None
    out = []
    for k, w in enumerate(found):
        if k in held or w.labels or not is_band(w.polygon):
            continue
        if _island(k, polys, tree):
            continue  # standing free in another space's hole: an object, not a wall's piece
        near = w.polygon.boundary.buffer(1e-3)
        if door_tree is not None and len(door_tree.query(w.polygon, predicate="intersects")):
            continue
        if ways.on(near):
            continue
        out.append(k)
    return out


def filled_pieces(found: list, texts: list[tuple[float, float, str]],
                  hatched: list[Polygon]) -> list[int]:
    """Which of the rooms in the walls ``found`` the wall layers' hatches ``hatched`` fill
    (at least :data:`HATCHED` of the face), with no label and none of ``texts`` in it."""
    if not found or not hatched:
        return []
    tree = STRtree([w.polygon for w in found])
    held = holding(tree, texts, "intersects")
    fill = STRtree(hatched)
    out = []
    for k, w in enumerate(found):
        if k in held or w.labels:
            continue
        hits = [hatched[int(i)] for i in fill.query(w.polygon, predicate="intersects")]
        if hits and shapely.union_all(hits).intersection(w.polygon).area >= HATCHED * w.polygon.area:
            out.append(k)
    return out


def _island(k: int, polys: list[Polygon], tree: STRtree) -> bool:
    """Face ``k`` stands in a hole of another face (a bench, a pier standing free in a
    room): its outline meets no wall line that runs on past it."""
    at = polys[k].representative_point()
    for j in tree.query(at).tolist():
        if j != k and polys[j].interiors and Polygon(polys[j].exterior).contains(at) \
                and not polys[j].contains(at):
            return True
    return False


def set_aside(found: list, arr, doors: list[Polygon], texts: list[tuple[float, float, str]],
              notes: list[str], hatched: list[Polygon] | None = None) -> list:
    """``found`` less its :func:`wall_pieces` and :func:`filled_pieces` (``hatched``: the
    wall layers' hatches), counted in ``notes``."""
    filled = set(filled_pieces(found, texts, hatched or []))
    shaped = set(wall_pieces(found, arr, doors, texts)) - filled
    if shaped:
        lo, hi = THICKNESS
        notes.append(f"{len(shaped)} face(s) of the wall linework between two parallel wall lines "
                     f"{lo:g}-{hi:g} m apart, closed by short lines across (jambs, wall ends), "
                     "with no door, label or written area: pieces of a wall's body between its "
                     "openings, not rooms")
    if filled:
        notes.append(f"{len(filled)} face(s) of the wall linework filled by the hatch of a wall "
                     f"layer (at least {HATCHED:.0%} of each), with no label or written area: "
                     "the wall's body, not rooms")
    gone = shaped | filled
    return [w for k, w in enumerate(found) if k not in gone] if gone else found
