"""Part a space where its walls pinch it to a doorway that nothing drawn closes.

A double-line wall that stops short of the next wall with its end capped leaves no free
line end for :mod:`~floorplan.io.dxf.walls.closing` to bridge, and no pair of jambs for
:mod:`~floorplan.io.dxf.walls.openings`: the two rooms either side come out as one face. Where
they meet, the face is pinched: from the corner of the wall end that juts into it, the
far side lies a doorway's width away (:data:`~floorplan.io.dxf.walls.openings.OPENING_WIDTH`,
at most :data:`~floorplan.io.dxf.walls.closing.CLOSE_GAP`), and the space widens again on both
sides of that line. A corridor's mouth, or a narrow arm of an L-shaped room, is narrow
on one side and is not parted.

The face is cut along the pinch, so each room's outline runs along its wall face up to
the doorway; a sliver thinner than a wall between two cuts (the doorway's reveal) is left
out as the wall band is.

>>> from shapely.geometry import box
>>> # two 4 x 3 rooms; the partition (x 4-4.1) stops 0.9 m short of the bottom wall
>>> space = box(0, 0, 8.1, 3).difference(box(4, 0.9, 4.1, 3))
>>> sorted(round(p.area, 2) for p, _ in part(space))
[12.0, 12.0]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import split
from shapely.strtree import STRtree

from floorplan.io.dxf.walls.closing import CLOSE_GAP
from floorplan.io.dxf.walls.openings import OPENING_WIDTH

#: a room is at least this wide (metres) and this large (m²), as in
#: :mod:`~floorplan.io.dxf.walls.faces`, which reads these from here
MIN_WIDTH = 0.45
MIN_AREA = 1.0
#: the space is measured this far (metres) either side of a pinch: past a wall's
#: thickness, inside the rooms it parts
LOOK = 0.45
#: a pinch is a doorway when the space either side is this much (metres) wider than it
WIDEN = 0.5
#: a room is parted at most this many times (a room with many doorways into it)
MAX_CUTS = 8
#: faces with more corners than this are not searched (arcs followed in fine steps)
MAX_CORNERS = 400


def corner_lines(face: Polygon, shortest: float, longest: float, per_corner: int = 1
                 ) -> list[LineString]:
    """Shortest lines across ``face`` from each corner that juts into it (a wall end, a
    wall's corner meeting the space) to its far side (any ring of it), ``shortest`` to
    ``longest`` long, ``per_corner`` from each, shortest first."""
    rings = [face.exterior, *face.interiors]
    coords, owner, index, jut = [], [], [], []
    for r, ring in enumerate(rings):
        c = np.asarray(ring.coords)[:-1]
        if len(c) < 3:
            continue
        ccw = ring.is_ccw != (r > 0)  # a hole's ring runs the other way round the space
        u, v = c - np.roll(c, 1, axis=0), np.roll(c, -1, axis=0) - c
        turn = u[:, 0] * v[:, 1] - u[:, 1] * v[:, 0]
        coords.append(c)
        owner += [r] * len(c)
        index += list(range(len(c)))
        jut.append(turn < -1e-9 if ccw else turn > 1e-9)
    if not coords:
        return []
    starts = np.concatenate(coords)
    ends = np.concatenate([np.roll(c, -1, axis=0) for c in coords])
    sizes = {r: n for r, n in zip(dict.fromkeys(owner), (len(c) for c in coords), strict=True)}
    segs: Any = shapely.linestrings(np.stack([starts, ends], axis=1))
    tree = STRtree(segs)
    jut_at = np.flatnonzero(np.concatenate(jut))
    if not len(jut_at):
        return []
    # every jutting corner's segments in reach at once (not the two that meet at it)
    pts: Any = shapely.points(starts[jut_at])
    qi, sj = tree.query(pts, predicate="dwithin", distance=longest)
    k = jut_at[qi]
    own, at = np.asarray(owner)[k], np.asarray(index)[k]
    first = k - at  # the ring's first corner
    prev = first + (at - 1) % np.asarray([sizes.get(r, 0) for r in range(len(rings))])[own]
    keep = (sj != k) & (sj != prev) & ~_nearer(starts[k], starts[sj], ends[sj], shortest)
    qi, sj = qi[keep], sj[keep]
    if not len(qi):
        return []
    lines: Any = shapely.shortest_line(pts[qi], segs[sj])
    length = shapely.length(lines)
    mids: Any = shapely.line_interpolate_point(lines, 0.5, normalized=True)
    on_edge = np.zeros(len(qi), dtype=bool)  # a middle on the edge: the line runs along it
    on_edge[tree.query(mids, predicate="dwithin", distance=1e-6)[0]] = True
    ok = np.flatnonzero((length >= shortest) & (length <= longest) & ~on_edge)
    shell = face.buffer(1e-6)
    shapely.prepare(shell)
    # a line whose middle lies outside the face lies outside it: tested by its middle
    # first, the whole line only while its corner wants one
    middle_in = shapely.covers(shell, mids[ok]).tolist()
    out: list[LineString] = []
    took: dict[int, int] = {}
    for n in np.lexsort((length[ok], qi[ok])).tolist():  # corner by corner, shortest first
        corner = int(qi[ok[n]])
        if (took.get(corner, 0) < per_corner and middle_in[n]
                and shell.covers(lines[ok[n]])):
            out.append(lines[ok[n]])
            took[corner] = took.get(corner, 0) + 1
    return sorted(out, key=lambda g: g.length)


#: a margin (metres) far above the rounding of a point's distance to a segment worked in
#: numpy rather than by GEOS
_ROUNDING = 1e-6


def _nearer(p: np.ndarray, a: np.ndarray, b: np.ndarray, shortest: float) -> np.ndarray:
    """Whether each point ``p`` lies nearer than ``shortest`` (less :data:`_ROUNDING`) to
    its segment ``a``-``b`` (rows of (n, 2) arrays): its shortest line would be too short,
    certainly, and is not made (on a finely drawn curve's corners, most are)."""
    ab = b - a
    n2 = np.einsum("ij,ij->i", ab, ab)
    t = np.clip(np.einsum("ij,ij->i", p - a, ab) / np.where(n2 > 0, n2, 1.0), 0.0, 1.0)
    return np.hypot(*(a + t[:, None] * ab - p).T) < shortest - _ROUNDING


def _necks(face: Polygon) -> list[LineString]:
    """Lines of a doorway's width across ``face`` from its jutting corners."""
    return corner_lines(face, OPENING_WIDTH[0], CLOSE_GAP)


def _width(face: Polygon, at: np.ndarray, along: np.ndarray) -> float:
    """How wide ``face`` is along ``along`` through the point ``at`` (0 outside it)."""
    if not face.contains(Point(at)):
        return 0.0
    reach = 4 * CLOSE_GAP
    cut = LineString([at - reach * along, at + reach * along]).intersection(face)
    p = Point(at)
    for g in getattr(cut, "geoms", [cut]):
        if g.distance(p) < 1e-9:
            return float(g.length)
    return 0.0


def is_doorway(face: Polygon, neck: LineString) -> bool:
    """``neck`` pinches ``face`` (the whole space, before any cut): the space either side
    of it is wider by WIDEN."""
    (x0, y0), (x1, y1) = neck.coords[0], neck.coords[-1]
    a, b = np.array([x0, y0]), np.array([x1, y1])
    w = float(np.hypot(*(b - a)))
    u = (b - a) / w
    nrm = np.array([-u[1], u[0]])
    mid = (a + b) / 2
    return all(_width(face, mid + s * LOOK * nrm, u) >= w + WIDEN for s in (1.0, -1.0))


#: the faces parted so far, by their WKB: the readings of one drawing's walls (the sources
#: and layers tried, :mod:`~floorplan.io.dxf.rooms.sourcechoice`) find most faces again,
#: the same coordinates in the same order, and parting one is pure GEOS work on it alone
#: (holdout6's building: 790 faces parted in six readings, 171 of them distinct)
_PARTED: dict[bytes, tuple[Polygon, list[tuple[Polygon, list[LineString]]]]] = {}
_KEEP = 4096


def part(face: Polygon, room_sized=None) -> list[tuple[Polygon, list[LineString]]]:
    """``face`` parted at each doorway pinch: the pieces that are rooms (``room_sized``
    returns why a piece is not one, or ``None``), each with the cuts along its edge. With
    the default ``room_sized``, a face parted before is not parted again (:data:`_PARTED`):
    its pieces and cuts come back as new objects (``face`` itself where it was a piece),
    each shared as it was (a cut along two pieces is one line)."""
    if room_sized is not None:
        return _part(face, room_sized)
    key = shapely.to_wkb(face)
    if key not in _PARTED:
        if len(_PARTED) >= _KEEP:
            del _PARTED[next(iter(_PARTED))]
        _PARTED[key] = (face, _part(face, _room_sized))
    was, out = _PARTED[key]
    made: dict[int, Any] = {id(was): face}

    def anew(g):
        if id(g) not in made:
            made[id(g)] = shapely.from_wkb(shapely.to_wkb(g))
        return made[id(g)]

    return [(anew(g), [anew(c) for c in cs]) for g, cs in out]


def _part(face: Polygon, room_sized) -> list[tuple[Polygon, list[LineString]]]:
    todo: list[tuple[Polygon, list[LineString]]] = [(face, [])]
    done: list[tuple[Polygon, list[LineString]]] = []
    cuts = 0
    while todo:
        f, made = todo.pop()
        pieces = None
        if cuts < MAX_CUTS and len(f.exterior.coords) <= MAX_CORNERS:
            for neck in _necks(f):
                if not is_doorway(face, neck):
                    continue
                got = _cut(f, neck)
                if got is None:
                    continue
                keep = [g for g in got if room_sized(g) is None]
                if len(keep) < 1 or len(keep) + sum(map(_sliver, got)) < len(got):
                    continue  # a cut leaves rooms and wall slivers, nothing else
                if len(keep) == 1 and not any(_sliver(g) for g in got):
                    continue
                pieces = keep
                break
        if pieces is None:
            done.append((f, made))
            continue
        cuts += 1
        todo.extend((g, made + [neck]) for g in pieces)
    return done


def _sliver(g: Polygon) -> bool:
    """Thinner than a room anywhere: the reveal of a doorway in a wall's thickness."""
    return bool(g.buffer(-MIN_WIDTH / 2, join_style="mitre").is_empty)


def _room_sized(g: Polygon) -> str | None:
    if g.area < MIN_AREA:
        return "small"
    return "thin" if _sliver(g) else None


def _cut(f: Polygon, neck: LineString) -> list[Polygon] | None:
    """``f`` split along ``neck`` (stretched a hair past both ends), or ``None``."""
    (x0, y0), (x1, y1) = neck.coords[0], neck.coords[-1]
    d = np.array([x1 - x0, y1 - y0])
    d = d / np.hypot(*d) * 1e-4
    blade = LineString([(x0 - d[0], y0 - d[1]), (x1 + d[0], y1 + d[1])])
    try:
        parts = [g for g in split(f, blade).geoms if isinstance(g, Polygon) and g.area > 1e-9]
    except (ValueError, shapely.errors.GEOSException):
        return None
    return parts if len(parts) >= 2 else None


def strip_bands(face: Polygon, cuts: list[LineString] | None = None, eroded=None) -> list[Polygon]:
    """``face`` without the wall bands it has swallowed: where a gap in a wall's face lets
    a room run into the wall's thickness, the room and the band come out as one face, the
    wall's face a line inside it (one of ``cuts``). With those lines slit open, the parts
    of ``face`` narrower than MIN_WIDTH are cut away (an opening: shrink by half of it,
    grow back, mitred, so square corners stay square) when among them is a band of at
    least MIN_AREA; shallow recesses and door reveals are kept. The rooms left, or
    ``[face]``. ``eroded``: ``face`` shrunk by half MIN_WIDTH, mitred, when the caller
    has made it already (used where no cut slits the face)."""
    r = MIN_WIDTH / 2
    slit: Any = face
    if cuts:
        slit = face.difference(shapely.union_all(shapely.buffer(
            np.asarray(list(cuts), dtype=object), SLIT, cap_style="flat")))
    inner = eroded if eroded is not None and not cuts else slit.buffer(-r, join_style="mitre")
    core = inner.buffer(r, join_style="mitre")
    if cuts:  # heal the slits: back out to the wall faces
        core = core.buffer(SLIT, join_style="mitre")
    core = core.intersection(face)
    if core.is_empty:
        return [face]
    if face.area - core.area < MIN_AREA - AREA_MARGIN:
        return [face]  # what is cut away is smaller than a band, in all its parts together
    rest = face.difference(core)
    if not any(g.area >= MIN_AREA for g in getattr(rest, "geoms", [rest]) if isinstance(g, Polygon)):
        return [face]
    return [g for g in getattr(core, "geoms", [core]) if isinstance(g, Polygon) and g.area >= MIN_AREA]


#: a wall's face inside a space is slit this wide (metres) to part the band beyond it
SLIT = 1e-4
#: the parts cut away from a face, together, are certainly under MIN_AREA when the face
#: less its core is this much (m²) under it (areas of overlays agree far closer)
AREA_MARGIN = 1e-6
#: a polygon is narrow when its smallest rectangle is this much (metres) narrower than
#: MIN_WIDTH: a margin for the buffer's rounding
NARROW_MARGIN = 1e-3


def narrow(polys: list[Polygon]) -> np.ndarray:
    """Whether each polygon lies in a strip narrower than MIN_WIDTH (its smallest
    rectangle's short side, less :data:`NARROW_MARGIN`), found for all at once. No point
    of such a polygon is half MIN_WIDTH from its edge (the way across to the strip's
    nearer side is shorter, and crosses the edge), so its mitred inward buffer, inside
    the round one, is empty: it is thinner than a room, without making the buffer."""
    out = np.zeros(len(polys), dtype=bool)
    if not polys:
        return out
    env = shapely.oriented_envelope(np.asarray(polys, dtype=object))
    at = np.flatnonzero((shapely.get_type_id(env) == 3) & (shapely.get_num_coordinates(env) == 5))
    if len(at):
        c = shapely.get_coordinates(env[at]).reshape(-1, 5, 2)
        side = np.minimum(np.hypot(*(c[:, 1] - c[:, 0]).T), np.hypot(*(c[:, 2] - c[:, 1]).T))
        out[at] = side < MIN_WIDTH - NARROW_MARGIN
    return out
