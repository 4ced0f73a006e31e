"""Splayed reveals: an old thick wall's opening, wider at the room than at its door.

:mod:`~floorplan.io.dxf.walls.reveals` cuts a room back to its wall face across a reveal
whose sides run square through the wall. In walls of stone, sillar or adobe up to a metre
thick, a doorway or a window is often splayed: its sides leave the room's face at an
angle, to let the door swing wide or the light in, and its bottom holds the door's frame
a few centimetres short of the wall's far face. The reveal is wall all the same (the
standards measure to the wall's inner face), and a room read from the wall linework runs
into it. A notch in the room's outline is a splayed reveal (:func:`trim`) when

- the room's face runs on, in line, either side of its mouth, and the mouth is an
  opening's width wide (:data:`~floorplan.io.dxf.walls.reveals.WIDTH`);
- its two sides leave the face narrowing into the wall, :data:`SPLAYED` to :data:`SPLAY`
  off square (square ones are :mod:`~floorplan.io.dxf.walls.reveals`'), each drawn as a wall
  line, and its bottom is flat within :data:`BUMP` (a frame's stop or a threshold drawn
  in it), no deeper than the thickest wall;
- each side is a *jamb*: at its end, or at the end of a line running on from it square
  through the frame, the wall's far face leaves it, away from the opening;
- and the bottom is no wall's face: no line runs parallel behind it short of that far
  face (an alcove's or a niche's bottom has the wall's body behind it; a frame's does not).

>>> from shapely.geometry import LineString, Polygon
>>> # a 4 x 3 room (y 0..3) in a 0.9 m wall; a doorway splayed from 1.4 m at the room's
>>> # face (x 1.0..2.4) to 1.1 m at its frame (x 1.15..2.25, y 3.8), the frame's ticks on
>>> # to the far face (y 3.9): the room ran 1.0 m² into it (0.8 deep, 1.4 and 1.1 wide)
>>> walls = [LineString([(1.0, 3), (0, 3), (0, 0), (4, 0), (4, 3), (2.4, 3)]),
...          LineString([(1.0, 3), (1.15, 3.8), (1.15, 3.9), (-1, 3.9)]),
...          LineString([(2.4, 3), (2.25, 3.8), (2.25, 3.9), (5, 3.9)]),
...          LineString([(1.15, 3.8), (2.25, 3.8)])]
>>> face = Polygon([(0, 0), (4, 0), (4, 3), (2.4, 3), (2.25, 3.8), (1.15, 3.8), (1.0, 3), (0, 3)])
>>> round(face.area, 3), round(trim(face, walls)[0].area, 3)
(13.0, 12.0)
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.polygon import orient

from floorplan.io.dxf.walls.reveals import (
    LEAVES,
    MAX_CORNERS,
    MIN_DEPTH,
    ON,
    SQUARE,
    THICK_WALL,
    WIDTH,
    Lines,
    backed,
    covered,
    cut_again,
    cut_off,
    snapped,
)

#: a splayed reveal's sides leave the room's face at most this far off square (degrees)
SPLAY = 30.0
#: ... and at least this sine of its angle off square, narrowing into the wall: a side
#: nearer square is a square reveal's (:mod:`~floorplan.io.dxf.walls.reveals`, with its
#: stricter tests of the wall's body), one widening into the wall a bay's or a niche's
SPLAYED = 0.08
#: a reveal's bottom is flat within this (metres): a frame's stop, a threshold's edge
BUMP = 0.05
#: steps in a reveal's outline up to this (metres) are out of line, not corners
STEP = 0.01
#: a door's frame drawn in the reveal's bottom steps along it at most this (metres)
FRAME = 0.15
#: a reveal's outline has at most this many sides (two sides, the bottom in pieces)
MAX_RUN = 7


def trim(face: Polygon, walls: list, every: list | None = None,
         lines: Lines | None = None) -> list[Polygon]:
    """``face`` less the splayed reveals it runs into (see the module's docstring), as
    :func:`~floorplan.io.dxf.walls.reveals.trim` takes its arguments."""
    return cut_again(face, walls, every, lines, _one)


def _one(face: Polygon, lines: Lines) -> Polygon | None:
    simple = face.simplify(STEP)
    if not isinstance(simple, Polygon):
        return None
    ring = np.asarray(orient(simple, 1.0).exterior.coords)[:-1, :2]
    n = len(ring)
    if n < 6 or n > MAX_CORNERS:
        return None
    corners = np.asarray(face.exterior.coords)[:, :2]
    runs = range(3, min(MAX_RUN, n - 2) + 1)
    wide = [np.hypot(*(np.roll(ring, -k, axis=0) - ring).T) for k in runs]
    starts = [(i, k) for k, w in zip(runs, wide, strict=True)
              for i in np.flatnonzero((w >= WIDTH[0]) & (w <= WIDTH[1])).tolist()]
    for i, k in sorted(starts):  # only runs whose ends stand an opening's width apart
        got = _splay(ring, i, k, lines)
        if got is not None:
            mouth = snapped(got[0], corners)
            piece = cut_off(face, mouth, got[1])
            if piece is None:
                piece = _cut_beyond(face, mouth)
            if piece is not None:
                return piece
    return None


def _cut_beyond(face: Polygon, mouth: LineString) -> Polygon | None:
    """``face`` less what lies beyond ``mouth`` (the room on its left, anticlockwise),
    within the thickest wall and splayed out as far as :data:`SPLAY` lets a side go: the
    cut by area, for a mouth a hair off the line of the face beside it (where a blade
    along it does not part the face)."""
    a, b = (np.asarray(c)[:2] for c in (mouth.coords[0], mouth.coords[-1]))
    w = float(np.hypot(*(b - a)))
    u = (b - a) / w
    out = np.array([u[1], -u[0]])
    deep = THICK_WALL + BUMP
    wide = deep * float(np.tan(np.radians(SPLAY))) + ON
    cutter = Polygon([a, b, b + deep * out + wide * u, a + deep * out - wide * u])
    rest = face.difference(cutter)
    parts = [g for g in getattr(rest, "geoms", [rest]) if isinstance(g, Polygon)]
    if not parts:
        return None
    keep = max(parts, key=lambda g: g.area)
    if face.area - keep.area > w * deep or keep.area < face.area / 2:
        return None
    return keep


def _splay(ring: np.ndarray, i: int, k: int, lines: Lines):
    """Corners ``i`` to ``i + k`` of ``ring`` (anticlockwise) as a splayed reveal: the cut
    across its mouth and a point of its bottom, or ``None``."""
    n = len(ring)
    p = [ring[(i + j) % n] for j in range(k + 1)]
    p0, pk = p[0], p[-1]
    mouth = pk - p0
    w = float(np.hypot(*mouth))
    if not WIDTH[0] <= w <= WIDTH[1]:
        return None
    u = mouth / w
    out = np.array([u[1], -u[0]])  # the room lies left of the outline: the reveal right
    for v in (p0 - ring[(i - 1) % n], ring[(i + k + 1) % n] - pk):
        lv = float(np.hypot(*v))
        if lv < ON or float(v @ u) / lv < 1 - SQUARE ** 2 / 2:
            return None  # the room's face does not run on in line either side
    inner = np.asarray(p[1:-1])
    depth = (inner - p0) @ out
    d = float(depth.max())
    if not MIN_DEPTH <= d <= THICK_WALL or float(depth.min()) < d - BUMP:
        return None
    spread = d * np.tan(np.radians(SPLAY)) + ON
    along = (inner - p0) @ u
    if float(along.min()) < -spread or float(along.max()) > w + spread:
        return None
    cos = float(np.cos(np.radians(SPLAY)))
    far = []
    for at, end, away in ((p0, p[1], -u), (pk, p[-2], u)):
        side = end - at
        ls = float(np.hypot(*side))
        if ls < ON or float(side @ out) / ls < cos or float(side @ away) / ls > -SPLAYED:
            return None  # no side of a splay (square ones are reveals.py's; splayed outward: a bay)
        if covered(at, side / ls, lines) < ls - BUMP:
            return None  # the side is no drawn wall line
        deep = _far_face(at, end, out, away, lines)
        if deep is None:
            return None
        far.append(deep)
    behind = min(far) - d - ON
    if backed(p[1], p[-2], out, lines, reach=behind):
        return None
    return LineString([p0, pk]), (p[1] + p[-2]) / 2


def _far_face(at: np.ndarray, end: np.ndarray, out: np.ndarray, away: np.ndarray,
              lines: Lines) -> float | None:
    """How deep (from the mouth corner ``at``, along ``out``) the wall's far face leaves
    the jamb drawn from ``at`` to about ``end``, ``away`` from the opening: at the drawn
    side's own end, or through the door's frame drawn on from it (a line square on
    through the wall from a point of the bottom up to :data:`FRAME` into the opening: a
    rebate, a stop); ``None`` when no face leaves it."""
    end = _drawn_end(end, lines)  # the drawn line's end, not the outline's
    if _leaves_near(end, away, lines):
        return float((end - at) @ out)
    for s in _ticks(end, out, away, lines):
        q = end - s * away
        t = covered(q, out, lines)
        deep = float((q - at) @ out) + t
        if ON < t and deep <= THICK_WALL + ON and _leaves_near(q + t * out, away, lines):
            return deep
    return None


def _drawn_end(end: np.ndarray, lines: Lines) -> np.ndarray:
    """The corner of the drawn wall lines nearest ``end`` (a corner of the room's outline),
    within :data:`BUMP`: the outline may run a few millimetres off the lines there (a door
    leaf sealed across the bottom), ``end`` itself when none is near."""
    near = lines.wall_tree.query(Point(end).buffer(BUMP))
    best, got = BUMP, end
    for k in near.tolist():
        c = np.asarray(lines.walls[k].coords)[:, :2]
        dist = np.hypot(*(c - end).T)
        j = int(np.argmin(dist))
        if dist[j] < best:
            best, got = float(dist[j]), c[j]
    return got


def _leaves_near(at: np.ndarray, away: np.ndarray, lines: Lines) -> bool:
    """A drawn wall line runs along ``away`` from within :data:`STEP` of ``at``, at least
    :data:`~floorplan.io.dxf.walls.reveals.LEAVES` beyond it: the wall's face leaving a
    jamb, drawn a few millimetres off the jamb's end (a surveyed wall's)."""
    side = np.array([-away[1], away[0]])
    zone = Polygon([at - STEP * away - STEP * side, at + LEAVES * away - STEP * side,
                    at + LEAVES * away + STEP * side, at - STEP * away + STEP * side])
    for k in lines.wall_tree.query(zone, predicate="intersects").tolist():
        c = np.asarray(lines.walls[k].coords)[:, :2]
        for a, b in zip(c[:-1], c[1:], strict=False):
            v = b - a
            lv = float(np.hypot(*v))
            if lv <= ON or abs(float(v @ side)) / lv > SQUARE:
                continue
            t = sorted((float((a - at) @ away), float((b - at) @ away)))
            off = LineString([a, b]).distance(shapely.points(at))
            if off <= STEP and t[0] <= STEP and t[1] >= LEAVES:
                return True
    return False


def _ticks(end: np.ndarray, out: np.ndarray, away: np.ndarray, lines: Lines) -> list[float]:
    """How far from ``end`` into the opening (along ``-away``, up to :data:`FRAME`) drawn
    wall lines leave the reveal's bottom square, out through the wall: 0 first."""
    into = -away
    reach = end + FRAME * into
    zone = Polygon([end - ON * into - ON * out, reach + ON * into - ON * out,
                    reach + ON * into + 2 * ON * out, end - ON * into + 2 * ON * out])
    got = {0.0}
    for k in lines.wall_tree.query(zone, predicate="intersects").tolist():
        c = np.asarray(lines.walls[k].coords)[:, :2]
        for a, b in zip(c[:-1], c[1:], strict=False):
            v = b - a
            lv = float(np.hypot(*v))
            if lv > ON and abs(float(v @ out)) / lv >= 1 - SQUARE and \
                    LineString([a, b]).intersects(zone):
                got.add(round(float((a - end) @ into), 6))
    return sorted(t for t in got if -ON <= t <= FRAME + ON)
