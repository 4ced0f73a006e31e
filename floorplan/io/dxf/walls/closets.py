"""Closets behind openings wider than a door: part them from the room they open off.

A reach-in closet (a built-in wardrobe) opens on its room over most of its width, through
bi-fold or sliding doors that a plan often leaves out: two jambs on the room's wall line,
1.3-2.5 m apart (:data:`~floorplan.io.dxf.walls.openings.CLOSET_SPAN`), nothing between
them. Too wide for a door, the opening is not sealed
(:func:`~floorplan.io.dxf.walls.openings.jamb_openings` holds it aside as ``wide``), so the
room and its closet come out as one face, the room measured with the closet's floor.

Where cutting that face along the opening's two seals (its wall faces) parts it in two,
the smaller part is looked at (a niche thinner than a room,
:data:`~floorplan.io.dxf.walls.pinch.MIN_WIDTH`, is left as drawn):

- no deeper than :data:`CLOSET_DEPTH` from the opening's face, and the other part still a
  room: a closet. The opening is sealed as a bare doorway (a door, reported with the
  others) and the two are rooms of their own, the closet saying why;
- shallower than the opening is wide, but deeper than a closet: an alcove of the room, or a
  store whose doors are not drawn; the reader cannot tell, so the face is kept whole and
  made of ``low`` confidence, saying why;
- deeper than the opening is wide: a room beyond a wide opening, one open-plan space, as
  drawn.

>>> import numpy as np
>>> from shapely.geometry import LineString, box
>>> from floorplan.io.dxf.walls.openings import Opening
>>> # a 4 x 3 m bedroom (y 0.7..3.7) and a 2 x 0.6 m closet below (y 0..0.6), parted by a
>>> # 0.1 m wall with a 1.5 m opening at x 0.25..1.75
>>> face = box(0, 0.7, 4, 3.7).union(box(0, 0, 2, 0.6)).union(box(0.25, 0.6, 1.75, 0.7))
>>> wide = Opening((LineString([(0.25, 0.6), (1.75, 0.6)]), LineString([(0.25, 0.7), (1.75, 0.7)])),
...                (1.0, 0.65), 1.5, "wide")
>>> faces, marks, sealed = closets([face], [wide])
>>> sorted(round(f.area, 2) for f in faces), [m[0] for m in marks if m], len(sealed)
([1.2, 12.0], ['medium'], 1)
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.views.score import WALL_REACH
from floorplan.io.dxf.walls.openings import Opening
from floorplan.io.dxf.walls.pinch import MIN_AREA, MIN_WIDTH

#: a closet is at most this deep (metres) behind its opening's face: a reach-in closet or a
#: built-in wardrobe is 24-30 in (0.61-0.76 m) deep, shallower than any passage (0.9 m)
CLOSET_DEPTH = 0.8
#: the grid (metres) the wall linework is snapped to (:mod:`~floorplan.io.dxf.walls.faces`)
GRID = 0.001

Mark = tuple[str, str] | None


def closets(faces: list[Polygon], wide: list[Opening], windows: list | None = None
            ) -> tuple[list[Polygon], list[Mark], list[Opening]]:
    """``faces`` with each closet behind a ``wide`` opening parted from its room (see the
    module); for each face out, ``(confidence, reason)`` to give it, or ``None``; and the
    openings found to be closets' doorways (sealed from now on, as bare openings).
    ``windows``: the windows' seals and glazing bridges; a part whose outline runs along
    one is a bay of the room, glazed, no closet and nothing to doubt."""
    glazed = STRtree(windows) if windows else None
    out = list(faces)
    marks: list[Mark] = [None] * len(faces)
    sealed: list[Opening] = []
    for o in wide:
        band = Polygon([*o.seals[0].coords, *reversed(o.seals[1].coords)]).buffer(0)
        if band.is_empty:
            continue
        for k, f in enumerate(out):
            if f.intersection(band).area < 0.5 * band.area:
                continue
            sides = _sides(f, o)
            if sides is None:
                break  # the face does not fall apart there: the space beyond runs on
            (small, depth), (big, _) = sorted(sides, key=lambda s: s[0].area)
            if small.buffer(-MIN_WIDTH / 2, join_style="mitre").is_empty:
                break  # a niche thinner than a room: no closet, and nothing to doubt
            if glazed is not None and len(glazed.query(small.boundary, predicate="dwithin",
                                                       distance=0.01)):
                break  # a bay window: the room's own floor out to its glazing
            if depth <= CLOSET_DEPTH and big.area >= MIN_AREA and small.area > 0:
                why = (f"a closet of {small.area:.2f} m², {depth:.2f} m deep, parted from the "
                       f"room it opens off at its {o.width:.2f} m opening (wider than a door, "
                       "nothing drawn in it)")
                out[k:k + 1] = [big, small]
                marks[k:k + 1] = [marks[k], ("medium", why)]
                sealed.append(Opening(o.seals, o.middle, o.width, "bare"))
            elif depth < o.width and _inside(small, f, out):
                marks[k] = ("low", f"it runs through a {o.width:.2f} m opening between jambs at "
                            f"({o.middle[0]:.2f}, {o.middle[1]:.2f}), wider than a door and "
                            f"nothing drawn in it, into a space {depth:.2f} m deep: a closet or "
                            "a store whose doors are not drawn, or an alcove of this room")
            break
    return out, marks, sealed


def _inside(part: Polygon, f: Polygon, faces: list[Polygon]) -> bool:
    """Another of ``faces`` lies within a wall's thickness
    (:data:`~floorplan.io.dxf.views.score.WALL_REACH`) of ``part`` (a part of face ``f``):
    it stands inside the building, as a closet or a store does; a bay window projects out of
    it, with nothing beyond its walls."""
    beyond = part.buffer(WALL_REACH).difference(f)
    return any(g is not f and g.intersection(beyond).area > 1e-3 for g in faces)


def _sides(f: Polygon, o: Opening) -> list[tuple[Polygon, float]] | None:
    """The two parts of ``f`` either side of opening ``o`` once its band (between its two
    seals) is cut out, on the linework's millimetre grid, each with its depth from the
    opening (its extent square to the seals); ``None`` if ``f`` does not fall into exactly
    one part on each side (slips thinner than a room left out)."""
    a, b = np.asarray(o.seals[0].coords, dtype=float)[[0, -1]]
    u = (b - a) / max(float(np.hypot(*(b - a))), 1e-12)
    n = np.array([-u[1], u[0]])
    at = [float(np.asarray(s.coords, dtype=float)[0] @ n) for s in o.seals]
    band = Polygon([*o.seals[0].coords, *reversed(o.seals[1].coords)])
    rest = shapely.difference(f, band, grid_size=GRID)
    parts: dict[int, list[tuple[Polygon, float]]] = {0: [], 1: []}
    for p in getattr(rest, "geoms", [rest]):
        if p.geom_type != "Polygon" or p.buffer(-MIN_WIDTH / 4).is_empty:
            continue
        t = shapely.get_coordinates(p.exterior) @ n
        c = float(np.asarray(p.representative_point().coords)[0] @ n)
        side = int(abs(c - at[1]) < abs(c - at[0]))
        parts[side].append((p, float(np.abs(t - at[side]).max())))
    if len(parts[0]) != 1 or len(parts[1]) != 1:
        return None
    return [parts[0][0], parts[1][0]]
