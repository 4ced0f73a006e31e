"""Pieces of a thick wall's band read as spaces in the wall linework, not rooms.

In the linework, an unlabelled space narrower than a corridor (:data:`WALL_PIECE_WIDTH`)
that lies against another room along a drawn line, with no wall between them, is a piece
of a thick wall's band between the lines that mark its openings, not a room
(:func:`wall_pieces`, used by :mod:`~floorplan.io.dxf.rooms.sourcechoice` on each reading of
the walls). Where the two meet only across a door's seal (a door symbol's, a swing's, a
bare doorway's between jambs), the narrow space is entered through that door: a WC, a
lobby. (A gap closed with nothing in it says no door: a piece across one is still a
wall's band, or a corner of the room beside it cut off.)

>>> from types import SimpleNamespace as NS
>>> from shapely.geometry import box
>>> room, wc = NS(polygon=box(0, 0, 4, 3), labels=[]), NS(polygon=box(4, 0, 4.8, 1.5), labels=[])
>>> wall_pieces([room, wc], [], [])      # against the room along 1.5 m: a wall's band
[1]
>>> door = [np.array([(4.0, 0.2), (4.0, 1.4)])]   # a 1.2 m door's seal on the shared edge
>>> wall_pieces([room, wc], [], [], door)      # 0.3 m shared beside it: a WC
[]
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.ops import polylabel

from floorplan.io.dxf.walls.pinch import MIN_WIDTH

#: a space narrower than this everywhere (metres) is no room a person walks along: the
#: narrowest corridor (Approved Document M, 900 mm)
WALL_PIECE_WIDTH = 0.9

def wall_pieces(found: list, names: list, figs: list,
                doors: list[np.ndarray] | None = None) -> list[int]:
    """Which of the wall rooms ``found`` are pieces of a wall's band (see the module's
    docstring): unlabelled, narrower than :data:`WALL_PIECE_WIDTH` everywhere, and
    sharing a line at least :data:`~floorplan.io.dxf.walls.pinch.MIN_WIDTH` long with a
    wider room, not counting where the shared edge runs along one of the ``doors`` seals
    ((n, 2) arrays: the doors', swings' and bare doorways' seals of the reading)."""
    if len(found) < 2:
        return []
    polys = [w.polygon for w in found]
    said = [(x, y) for x, y, _ in names] + [(x, y) for x, y, _ in figs]
    held: set[int] = set()
    if said:
        tree = shapely.STRtree(np.asarray(polys, dtype=object))
        held = set(tree.query(shapely.points(np.array(said, dtype=float)),
                              predicate="within")[1].tolist())
    narrow = []
    for k, p in enumerate(polys):
        if k in held or found[k].labels:
            continue
        c = polylabel(p, 0.01)
        if 2 * p.exterior.distance(c) < WALL_PIECE_WIDTH:
            narrow.append(k)
    if not narrow:
        return []
    seals = None
    if doors:
        seals = shapely.STRtree(np.asarray([shapely.linestrings(np.asarray(d, dtype=float)[:, :2])
                                            for d in doors if len(d) >= 2], dtype=object))
    wide = [k for k in range(len(polys)) if k not in set(narrow)]
    out = []
    for k in narrow:
        edge = polys[k].boundary
        for j in wide:
            if not polys[j].intersects(polys[k]):
                continue
            shared = edge.intersection(polys[j].boundary)
            if shared.length >= MIN_WIDTH and \
                    (seals is None or shared.length - _along(shared, seals) >= MIN_WIDTH):
                out.append(k)
                break
    return out


def _along(shared, lines) -> float:
    """How much of ``shared`` (a shared edge) runs along the lines of the STRtree ``lines``
    (within a millimetre of them)."""
    near = lines.geometries.take(lines.query(shared, predicate="dwithin", distance=1e-3))
    if not len(near):
        return 0.0
    return float(shared.intersection(shapely.union_all(near).buffer(1e-3)).length)
