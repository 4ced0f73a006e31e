"""A room ends at its own wall face: the reveal of an opening is wall, not floor.

A room found in the wall linework (:mod:`~floorplan.io.dxf.walls.faces`) runs along its
wall faces across an opening only where something is sealed at the face. Where the line
that closes the opening stands deeper in the wall (a door hung part-way through a 0.9 m
adobe wall, the glass of a window wider than :data:`~floorplan.io.dxf.walls.openings.WINDOW_SPAN`
joined to its jambs, a hall's face line drawn on across a doorway that has nothing at the
room's side), the room's outline runs into the wall's thickness: a notch in it, as wide
as the opening and as deep as the line across it. The standards measure to the wall's
inner face (NDSS, RICS: the reveal is wall), so the notch is cut off along the room's face.

A notch is a reveal (:func:`trim`) when

- it is an opening's width wide (:data:`WIDTH`: a door's or a window's, which may be
  narrower) and no deeper than the thickest wall
  (:data:`THICK_WALL`);
- at least one of its sides is a *jamb*: a drawn line from the room's face into the wall,
  at whose far end the wall's other face leaves it, away from the notch, with nothing
  drawn in the wall's body beside it (a solid wall; a corridor between thin partitions
  has the next room's partition face there); the other side is a jamb too, or a drawn
  wall face running on into the opening (a doorway at the room's corner, flush with its
  side wall);
- and what closes the notch is no wall's face: no drawn line runs parallel behind it, a
  wall's thickness away (:data:`~floorplan.io.dxf.walls.bands.THICKNESS`), across most of its
  width. Between columns standing proud of a wall, or in an alcove, the bottom is the
  wall's face with the wall's body behind it: floor, kept. A line across at the wall's
  far face with a room straight beyond it (no wall behind it) is the next room's face
  drawn on, or a threshold: a wall has thickness, and one of none is no wall.

A recess whose bottom is wall with nothing beyond it (an alcove, a wardrobe recess, a bay
out to its glazing) has no jamb: its sides end at its bottom, they do not run through the
wall to a face leaving them; it stays floor.

>>> from shapely.geometry import LineString, box
>>> # a 4 x 3 room (x 0.1-4.1, y 0.1-3.1) in a 0.9 m wall, a 0.9 m doorway in its south
>>> # wall (x 1-1.9) with its door hung 0.6 m into the wall (y -0.5)
>>> walls = [LineString([(1, 0.1), (0.1, 0.1), (0.1, 3.1), (4.1, 3.1), (4.1, 0.1), (1.9, 0.1)]),
...          LineString([(1, 0.1), (1, -0.8), (-0.8, -0.8)]),
...          LineString([(1.9, 0.1), (1.9, -0.8), (5, -0.8)])]
>>> face = box(0.1, 0.1, 4.1, 3.1).union(box(1, -0.5, 1.9, 0.1))
>>> round(trim(face, walls)[0].area, 3)
12.0
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon
from shapely.geometry.polygon import orient
from shapely.ops import split
from shapely.strtree import STRtree

from floorplan.io.dxf.walls.bands import THICKNESS
from floorplan.io.dxf.walls.openings import GLAZING_SHARE, MARKED_SPAN, OPENING_WIDTH

#: a window's opening may be narrower than any door's: a small casement or a slit in an
#: old wall (plan.dxf's 0.5 m window in a 0.65 m stone wall, building.dxf's 0.35 m WC
#: windows); the narrowest (metres) whose reveal is cut. A notch narrower than a door
#: whose bottom is a drawn wall line is no window (the strip of a corridor's end beside a
#: duct): only one whose bottom is the glass, on no wall layer, or nothing drawn
NARROWEST = 0.3
#: a reveal's opening is this wide (metres): the narrowest window to the widest opening
WIDTH = (NARROWEST, MARKED_SPAN)
#: the thickest wall (metres) an opening's reveal is cut from: old masonry (adobe, sillar,
#: rubble stone) is built up to about a metre thick; a deeper notch is a room's arm
THICK_WALL = 1.0
#: notches shallower than this (metres) are left: a drawing's slip, no reveal to speak of
MIN_DEPTH = 0.02
#: two lines are parallel (or square) within this sine of their angle
SQUARE = 0.05
#: a point lies on a line within this (metres)
ON = 1e-3
#: the wall's other face leaves a jamb's end by at least this (metres)
LEAVES = 0.05
#: the wall's body is looked at this far (metres, at most) beside a jamb
BODY = 0.15
#: at most this many reveals are cut from one room
MAX_CUTS = 8
#: rooms with more corners than this are not searched (arcs followed in fine steps)
MAX_CORNERS = 400


class Lines:
    """The drawn wall lines (``walls``) and all the linework (``every``: seals and bridges
    too), each with a tree."""

    def __init__(self, walls: list, every: list | None = None):
        self.walls = np.asarray(walls, dtype=object)
        self.wall_tree = STRtree(self.walls)
        self.every = np.asarray(every if every is not None else walls, dtype=object)
        self.every_tree = STRtree(self.every)


def trim(face: Polygon, walls: list, every: list | None = None,
         lines: Lines | None = None) -> list[Polygon]:
    """``face`` less the reveals of the openings it runs into (see the module's
    docstring): ``walls`` are the drawn wall lines, ``every`` all the linework (the walls
    with their seals and bridges), ``lines`` the two as :class:`Lines` when already
    built (once for all the faces); one polygon, or ``[face]`` when there is none."""
    return cut_again(face, walls, every, lines, _one)


def cut_again(face: Polygon, walls: list, every: list | None, lines: Lines | None,
              one: Callable[[Polygon, Lines], Polygon | None]) -> list[Polygon]:
    """``face`` with the cut ``one`` finds made again on what is left, up to
    :data:`MAX_CUTS` times: the loop of :func:`trim` and of
    :func:`~floorplan.io.dxf.walls.splays.trim`."""
    if not walls or not isinstance(face, Polygon) or face.is_empty:
        return [face]
    lines = lines if lines is not None else Lines(walls, every)
    out = face
    for _ in range(MAX_CUTS):
        cut = one(out, lines)
        if cut is None:
            break
        out = cut
    return [out]


def _one(face: Polygon, lines: Lines) -> Polygon | None:
    """``face`` with one reveal cut off, or ``None`` when it has none."""
    simple = face.simplify(ON / 2)
    if not isinstance(simple, Polygon):
        return None
    ring = np.asarray(orient(simple, 1.0).exterior.coords)[:-1, :2]
    n = len(ring)
    if n < 5 or n > MAX_CORNERS:
        return None
    corners = np.asarray(face.exterior.coords)[:, :2]
    for i in range(n):
        p = [ring[(i + k) % n] for k in range(4)]
        got = _notch(p, ring, i, lines)
        if got is None:
            continue
        piece = cut_off(face, snapped(got[0], corners), got[1])
        if piece is not None:
            return piece
    return None


def _turn(a, b, c) -> float:
    u, v = b - a, c - b
    return float(u[0] * v[1] - u[1] * v[0])


def _notch(p, ring, i, lines: Lines):
    """The corners ``p`` (four in a row of the room's outline, anticlockwise) as a notch
    out of the room: side a ``p0``-``p1`` out into the wall, its bottom ``p1``-``p2``,
    side b ``p2``-``p3`` back. Returns the cut across its mouth and its bottom's middle,
    or ``None`` when it is no reveal."""
    p0, p1, p2, p3 = p
    a, bot, b = p1 - p0, p2 - p1, p3 - p2
    la, w, lb = (float(np.hypot(*v)) for v in (a, bot, b))
    if min(la, w, lb) < 1e-9 or not WIDTH[0] <= w <= WIDTH[1]:
        return None
    out, u = a / la, bot / w  # into the wall; along the bottom, from side a to side b
    if abs(float(out @ (b / lb)) + 1) > SQUARE or abs(float(out @ u)) > SQUARE:
        return None  # not two sides back to back, square to the bottom
    u = np.array([-out[1], out[0]]) * np.sign(float(np.array([-out[1], out[0]]) @ u))
    # anticlockwise, the room on the left: a notch turns left at its bottom's corners
    if _turn(p0, p1, p2) <= 0 or _turn(p1, p2, p3) <= 0:
        return None
    if w < OPENING_WIDTH[0] and covered(p1, bot / w, lines) >= GLAZING_SHARE * w:
        return None  # narrower than a door and its bottom a wall: floor beside a duct, no window
    n = len(ring)
    before, after = ring[(i - 1) % n], ring[(i + 4) % n]
    d = min(la, lb)
    if not MIN_DEPTH <= d <= THICK_WALL:
        return None
    # the mouth: at the shorter side's start, where the room's face turns off it
    if _turn(before, p0, p1) >= 0 if la <= lb + ON else _turn(p2, p3, after) >= 0:
        return None
    # the mouth's corners on the two sides' lines, at the room's face (a side's start):
    # the far one on that side's own line, as deep as the near one (a side a hair off
    # square, House's nib end 2 degrees off, would put it beside its line if carried
    # along the other side: no drawn line there, and no reveal found)
    if la > lb + ON:
        m_b = p3
        m_a = p1 + float((m_b - p1) @ out) * out
    else:
        m_a = p0
        back = b / lb  # side b's own line, from the bottom back to the room
        m_b = p2 + float((m_a - p2) @ back) * back
    ja = _jamb(m_a, out, -u, d, lines, w / 2)
    jb = _jamb(m_b, out, u, d, lines, w / 2)
    if not (ja or jb):
        return None
    if not ja and not _drawn(m_a, out, d, lines):
        return None
    if not jb and not _drawn(m_b, out, d, lines):
        return None
    if backed(p1, p2, out, lines):
        return None  # the bottom is a wall's face: a recess, columns proud of a wall
    return LineString([m_a, m_b]), (p1 + p2) / 2


def covered(at: np.ndarray, along: np.ndarray, lines: Lines) -> float:
    """How far from ``at`` along ``along`` drawn wall lines run, unbroken (metres)."""
    reach = 2 * THICK_WALL
    side = np.array([-along[1], along[0]])
    tip = at + reach * along
    wide = ON + SQUARE * reach  # a line a hair off square still runs along
    wedge = Polygon([at + ON * side, tip + wide * side, tip - wide * side, at - ON * side])
    near = lines.wall_tree.query(wedge, predicate="intersects")
    if not len(near):
        return 0.0
    # the lines' pieces in the wedge, at once: the lines (type 1) and rings (2) among them
    parts = shapely.get_parts(shapely.intersection(lines.walls[near], wedge))
    kinds = shapely.get_type_id(parts)
    spans = []
    for s in parts[(kinds == 1) | (kinds == 2)]:
        t = (shapely.get_coordinates(s) - at) @ along
        if t.max() - t.min() > ON:
            spans.append((float(t.min()), float(t.max())))
    got = 0.0
    for lo, hi in sorted(spans):
        if lo > got + ON:
            break
        got = max(got, hi)
    return got


def _drawn(at: np.ndarray, out: np.ndarray, d: float, lines: Lines) -> bool:
    """A drawn wall line runs from ``at`` (on the room's face) along ``out`` at least ``d``:
    the notch's side is a wall face, not a cut."""
    return covered(at, out, lines) >= d - ON


def _jamb(at: np.ndarray, out: np.ndarray, away: np.ndarray, d: float, lines: Lines,
          rebate: float = 0.0) -> bool:
    """A jamb runs from ``at`` (the mouth's corner) along ``out``: a drawn line through
    the wall (at least as deep as the notch, or ending where the notch's side stops being
    drawn), the room's face leaving its start and the wall's other face its end along
    ``away`` (away from the notch), and nothing drawn in the wall's body beside it.

    A rebated jamb (an old wall's door rebate, a stepped reveal: plan.dxf's 1.54 m
    doorway narrowing to 1.06 m) steps into the opening on the way, by a drawn line of at
    most ``rebate`` in all (the notch's half width: a step across the whole opening is a
    recess's back, not a rebate), and runs on through the wall from there."""
    t = covered(at, out, lines)
    if t < min(d, THICKNESS[0]) - ON or t > THICK_WALL + ON:
        return False
    end = at + t * out
    if not (_leaves(at, away, lines) and _solid(at, end, out, away, t, lines)):
        return False
    depth = t
    while not _leaves(end, away, lines):
        step = covered(end, -away, lines)
        if step < LEAVES or step > rebate + ON:
            return False
        rebate -= step
        corner = end - step * away
        t = covered(corner, out, lines)
        depth += t
        if t < LEAVES or depth > THICK_WALL + ON:
            return False
        end = corner + t * out
        if not _solid(corner, end, out, away, t, lines):
            return False
    return True


def _solid(at: np.ndarray, end: np.ndarray, out: np.ndarray, away: np.ndarray, t: float,
           lines: Lines) -> bool:
    """Nothing is drawn in the wall's body beside the jamb ``at``-``end`` (``t`` long),
    along ``away``."""
    s = min(t / 2, BODY)
    e = ON + SQUARE * s  # the faces leaving the jamb may be a hair off square
    body = Polygon([at + e * out + ON * away, end - e * out + ON * away,
                    end - e * out + s * away, at + e * out + s * away])
    return not len(lines.every_tree.query(body, predicate="intersects"))


def _leaves(at: np.ndarray, away: np.ndarray, lines: Lines) -> bool:
    """A drawn wall line leaves ``at`` along ``away`` by at least :data:`LEAVES`."""
    return covered(at, away, lines) >= LEAVES


def backed(p1: np.ndarray, p2: np.ndarray, out: np.ndarray, lines: Lines,
            reach: float | None = None) -> bool:
    """Behind the notch's bottom ``p1``-``p2`` (along ``out``), a line runs parallel a
    wall's thickness away over most of its width: the bottom is a wall's face. The seals
    and bridges count (a corridor wall behind it with its door sealed across: Newton FF's
    Seminar Room, a duct in its corner). ``reach``: look no farther than this behind it
    (the wall's far face, where the jambs run to)."""
    lo, hi = THICKNESS
    if reach is not None:
        hi = min(hi, reach)
        if hi <= lo:
            return False
    zone = Polygon([p1 + lo * out, p2 + lo * out, p2 + hi * out, p1 + hi * out])
    w = float(np.hypot(*(p2 - p1)))
    u = (p2 - p1) / w
    spans: list[tuple[float, float]] = []
    for k in lines.every_tree.query(zone, predicate="intersects").tolist():
        part: Any = lines.every[k].intersection(zone)
        for s in getattr(part, "geoms", [part]):
            if s.is_empty or s.geom_type != "LineString":
                continue
            c = shapely.get_coordinates(s)
            v = c[-1] - c[0]
            lv = float(np.hypot(*v))
            if lv < ON or abs(float(v @ out)) / lv > SQUARE:
                continue
            t = (c - p1) @ u
            spans.append((float(t.min()), float(t.max())))
    # the wall's body behind, whatever is drawn in it: its face, a window's lines (Erasmus
    # SF's Office, columns in its corners and a window in the wall between them)
    got, reach = 0.0, 0.0
    for a, b in sorted(spans):
        a, b = max(a, reach), min(b, w)
        if b > a:
            got += b - a
            reach = b
    return got >= GLAZING_SHARE * w


def snapped(mouth: LineString, corners: np.ndarray) -> LineString:
    """``mouth`` with each end moved onto the room's own corner within :data:`ON` of it.

    The notch is found on the outline simplified to half of :data:`ON`, whose corners can
    stand a fraction of a millimetre off the room's (a jog of 0.1 mm in a jamb drawn as two
    lines is smoothed away, and the mouth squared off it is tilted by as much): a cut
    that ends a hair inside the room instead of on its face does not part it (the bay
    room of перегородки2-размеры kept its reveal so).

    >>> m = snapped(LineString([(6.447, 4.526), (5.0148, 4.52627)]),
    ...              np.array([(6.447, 4.526), (5.015, 4.526), (5.015, 4.826)]))
    >>> [tuple(round(v, 4) for v in c) for c in m.coords]
    [(6.447, 4.526), (5.015, 4.526)]
    """
    ends = []
    for c in np.asarray(mouth.coords)[:, :2]:
        d = np.hypot(*(corners - c).T)
        k = int(np.argmin(d))
        ends.append(corners[k] if d[k] <= ON else c)
    return LineString(ends)


def cut_off(face: Polygon, mouth: LineString, bottom: np.ndarray) -> Polygon | None:
    """``face`` split along ``mouth`` (stretched a hair past both ends), less the piece
    holding the notch's ``bottom``; ``None`` if it does not part so."""
    (x0, y0), (x1, y1) = mouth.coords[0], mouth.coords[-1]
    d = np.array([x1 - x0, y1 - y0])
    d = d / np.hypot(*d) * 1e-4
    blade = LineString([(x0 - d[0], y0 - d[1]), (x1 + d[0], y1 + d[1])])
    try:
        parts = [g for g in shapely.get_parts(split(face, blade))
                 if isinstance(g, Polygon) and g.area > 1e-9]
    except (ValueError, shapely.errors.GEOSException):
        return None
    if len(parts) != 2:
        return None
    tip = shapely.points(bottom)
    parts.sort(key=lambda g: g.distance(tip))
    notch, rest = parts
    if notch.area >= rest.area:
        return None
    return rest

