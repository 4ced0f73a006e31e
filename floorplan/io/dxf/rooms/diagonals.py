"""Voids marked with one line corner to corner: a light well, the roof of the floor below,
an opening in the floor.

A space crossed from one corner to the opposite one by a line is, by drafting convention,
no floor of this level (two lines, an X, are :mod:`~floorplan.io.dxf.rooms.voids`'). The
line is no wall, but the wall linework holds it, so it cuts the space in two and each side
is read as a room, or one side as a room and the other dropped as a sliver. The line may be
drawn straight or bent (holdout5's floor2 draws each of its ten light wells and roofs with
a line from one corner up along a side and then across to the opposite corner, in two
LINEs).

One line is weaker evidence than an X, and a single diagonal means other things too (the
Japanese sign for a storage closet), so more must agree. A space in the walls is read as a
void where a *chain* (straight pieces on the layers walls are read from, end to end, each
joint the end of exactly two of them: :func:`chains`) runs along its outline from one of
its corners (where it turns by at least :data:`~floorplan.io.dxf.rooms.voids.CORNER_TURN`)
to the opposite one (neither stretch of the outline between them under
:data:`OPPOSITE_SHARE` of it), and:

- a piece of the chain at least :data:`~floorplan.io.dxf.rooms.voids.MIN_LENGTH` long is
  *oblique* to the space (off its sides' directions by :data:`OBLIQUE` degrees or more)
  and a single line: no line parallel to it (within :data:`PARALLEL` degrees, as CAD
  offsets a wall's second face) runs within :data:`~floorplan.io.dxf.rooms.shafts.NARROW`
  of it: a wall drawn aslant has its second face, a diagonal none;
- every room read that the chain touches runs along its oblique pieces: it is one of the
  space's parts (both halves of a straight diagonal are); a line that only touches a room
  parts rooms;
- the space is larger than :data:`~floorplan.io.dxf.rooms.shafts.SHAFT_AREA` (a closet
  is left to the shafts, which weigh a small doorless space by its size already);
- nobody walks in: no door or doorway within :data:`~floorplan.io.dxf.rooms.shafts.REACH`
  of its outline;
- no part has a name: a label that names a room beats the diagonal; an area written with
  no name ('面积：66.5㎡') does not.

The parts are set aside, said in the notes with their area and where; a finding about
them alone goes with them.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np
import shapely
from shapely.geometry import LineString, Point
from shapely.strtree import STRtree

from floorplan.io.dxf.rooms.outdoor import WALL_SOURCES
from floorplan.io.dxf.rooms.shafts import NARROW, REACH, SHAFT_AREA
from floorplan.io.dxf.rooms.voids import ALONG, MIN_LENGTH, _corners

#: a diagonal's ends split the space's outline into two stretches, neither shorter than
#: this share of it (a rectangle's diagonal: a half each; a line to the next corner: a
#: quarter at most)
OPPOSITE_SHARE = 0.3
#: a piece of the chain is oblique when it is off each side's direction by this (degrees)
OBLIQUE = 1.0
#: two lines are parallel (a wall's two faces) within this (degrees)
PARALLEL = 0.1
#: at most so many pieces make a chain (a straight diagonal 1, a bent one 2 or 3)
MAX_PIECES = 3
#: a chain runs along a space's outline for at least this share of its length
ALONG_SHARE = 0.95
#: two pieces' ends meet within this (metres)
JOIN = 1e-3


def _angle(a, b) -> float:
    """The direction from ``a`` to ``b``, in degrees modulo 180."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])) % 180.0


def _off(a: float, b: float) -> float:
    d = abs(a - b) % 180.0
    return min(d, 180.0 - d)


def chains(pieces: list[tuple[tuple, tuple]]) -> list[list[int]]:
    """Runs of two to :data:`MAX_PIECES` of ``pieces`` (pairs of end points) joined end
    to end through joints that are the ends of exactly two pieces: every such stretch of
    each longest path through such joints, each listed once.

    >>> chains([((0, 0), (0, 5)), ((0, 5), (9, 6)), ((9, 6), (9, 0)), ((9, 6), (12, 6))])
    [[0, 1]]
    >>> chains([((0, 0), (0, 5)), ((0, 5), (9, 6)), ((9, 6), (9, 0)), ((9, 0), (5, -1))])
    [[0, 1], [1, 2], [2, 3], [0, 1, 2], [1, 2, 3]]
    """
    key = lambda p: (round(p[0] / JOIN), round(p[1] / JOIN))  # noqa: E731
    at: dict[tuple, list[int]] = defaultdict(list)
    for i, (a, b) in enumerate(pieces):
        at[key(a)].append(i)
        at[key(b)].append(i)

    def walk(i: int, end) -> list[int]:
        """The pieces after ``i`` from its end ``end`` on, through two-piece joints."""
        out: list[int] = []
        last = i
        while len(out) < len(pieces):
            there = at[key(end)]
            if len(there) != 2:
                break
            nxt = there[0] if there[1] == last else there[1]
            if nxt == i or nxt in out:
                break  # round a loop
            out.append(nxt)
            a, b = pieces[nxt]
            end = b if key(a) == key(end) else a
            last = nxt
        return out

    done: set[int] = set()
    runs: list[list[int]] = []
    seen: set[tuple[int, ...]] = set()
    for i in range(len(pieces)):
        if i in done:
            continue
        path = [*reversed(walk(i, pieces[i][0])), i, *walk(i, pieces[i][1])]
        done |= set(path)
        for n in range(2, MAX_PIECES + 1):
            for k in range(len(path) - n + 1):
                run = path[k:k + n]
                if tuple(sorted(run)) not in seen:
                    seen.add(tuple(sorted(run)))
                    runs.append(run)
    return runs


def _ends(run: list[int], pieces) -> tuple[tuple, tuple] | None:
    """The two free ends of ``run``: the end points met once."""
    count: dict[tuple, int] = defaultdict(int)
    pts: dict[tuple, tuple] = {}
    for i in run:
        for p in pieces[i]:
            k = (round(p[0] / JOIN), round(p[1] / JOIN))
            count[k] += 1
            pts[k] = p
    free = [pts[k] for k, n in count.items() if n == 1]
    return (free[0], free[1]) if len(free) == 2 else None


def voids(rooms: list, pieces: list[tuple[tuple, tuple]], doors: list) -> list[list]:
    """The voids marked with one line corner to corner among ``rooms`` (see the module),
    each as the rooms that are its parts. ``pieces``: the straight pieces of the wall
    linework, pairs of end points; ``doors``: door geometries."""
    walled = [r for r in rooms if r.source in WALL_SOURCES]
    if not walled or not pieces:
        return []
    polys = [r.polygon for r in walled]
    ptree = STRtree(polys)
    lines = [LineString(p) for p in pieces]
    ltree = STRtree(lines)
    dtree = STRtree(doors) if doors else None
    # each piece's direction and length, once (the runs test them many times over)
    ways = ([_angle(a, b) for a, b in pieces], shapely.length(np.asarray(lines, dtype=object)))
    length = ways[1]
    runs = [r for r in chains(pieces) if sum(length[i] for i in r) >= MIN_LENGTH]
    # a straight diagonal: a chain of one piece
    runs += [[i] for i in range(len(lines)) if length[i] >= MIN_LENGTH]
    grid = _grid(*ways)  # the drawing's main directions: a cheap first test of a run
    out: list[list] = []
    taken: set[int] = set()
    for run in runs:
        skew = _oblique(run, ways, grid)
        if not skew:
            continue
        chain = shapely.union_all([lines[i] for i in run])
        near = [int(k) for k in ptree.query(chain, predicate="dwithin", distance=ALONG)
                if int(k) not in taken]
        if not near or len(near) > 2:
            continue
        ends = _ends(run, pieces) if len(run) > 1 else pieces[run[0]]
        if ends is None:
            continue
        band = chain.buffer(ALONG, cap_style="flat")
        skew_len = sum(length[i] for i in skew)
        parts = [k for k in near if polys[k].boundary.intersection(band).length
                 >= ALONG_SHARE * skew_len]
        if not parts or len(parts) != len(near):
            continue  # a room the line only touches: it parts rooms
        whole = shapely.union_all([polys[k].buffer(ALONG / 2) for k in parts]).buffer(-ALONG / 2)
        if whole.geom_type != "Polygon" or whole.area <= SHAFT_AREA:
            continue
        if not _corner_to_corner(whole, ends, chain):
            continue
        oblique = _oblique(run, ways, _sides(whole))
        if not oblique or not all(_single(lines[i], lines, ltree) for i in oblique):
            continue
        if any(walled[k].name for k in parts):
            continue  # a label that names a room beats the diagonal
        if dtree is not None and len(dtree.query(whole.exterior, predicate="dwithin",
                                                 distance=REACH)):
            continue  # a way in: a room (a closet's door), not a void
        taken |= set(parts)
        out.append([walled[k] for k in sorted(parts)])
    return out


def _grid(angles: list[float], lengths) -> list[float]:
    """The drawing's main direction and its square (degrees modulo 180): the direction,
    modulo 90, that most of the linework's length runs in (to the degree); ``angles``
    and ``lengths``: each line's direction (:func:`_angle`) and length."""
    bins = np.zeros(90)
    for a, n in zip(angles, lengths, strict=True):
        bins[int(round(a)) % 90] += n
    main = float(np.argmax(bins))
    return [main, main + 90.0]


def _sides(poly) -> list[float]:
    """The directions (degrees modulo 180) most of ``poly``'s outline runs in, and their
    square (:func:`_grid` of its edges): a room's sides, which a diagonal is off. (Not its
    minimum rotated rectangle's: an L-shaped space's turns to lie along its diagonal.)"""
    xy = np.asarray(poly.exterior.coords)[:, :2]
    edges = shapely.linestrings(np.stack([xy[:-1], xy[1:]], axis=1))
    return _grid([_angle(xy[k], xy[k + 1]) for k in range(len(xy) - 1)], shapely.length(edges))


def _oblique(run, ways, sides: list[float]) -> list[int]:
    """The pieces of ``run`` at least :data:`MIN_LENGTH` long and off each of ``sides``
    (directions, degrees) by :data:`OBLIQUE` or more; ``ways``: every piece's direction
    (:func:`_angle`) and length."""
    angles, lengths = ways
    out = []
    for i in run:
        if lengths[i] >= MIN_LENGTH and min(_off(angles[i], s) for s in sides) >= OBLIQUE:
            out.append(i)
    return out


def _single(line: LineString, lines: list[LineString], tree: STRtree) -> bool:
    """No other line parallel to ``line`` (within :data:`PARALLEL`) runs within
    :data:`NARROW` of it, alongside it for half its length: not a wall's face."""
    a, b = line.coords[0], line.coords[-1]
    d = _angle(a, b)
    zone = line.buffer(NARROW, cap_style="flat")
    for j in tree.query(zone, predicate="intersects"):
        g = lines[int(j)]
        if g.equals(line):
            continue
        c, e = g.coords[0], g.coords[-1]
        if _off(_angle(c, e), d) <= PARALLEL and g.intersection(zone).length >= 0.5 * line.length \
                and g.distance(line) > ALONG:
            return False
    return True


def _corner_to_corner(whole, ends, chain) -> bool:
    """The chain's ends stand at two corners of ``whole``'s outline that are opposite
    (:data:`OPPOSITE_SHARE`), and the chain lies in it."""
    from floorplan.io.dxf.rooms.voids import CORNER_REACH

    if not chain.within(whole.buffer(ALONG * 2)):
        return False
    corners = _corners(whole.exterior)
    ring = whole.exterior
    at = []
    for p in ends:
        if not len(corners):
            return False
        dist = np.hypot(*(corners - np.asarray(p)[:2]).T)
        if float(dist.min()) > CORNER_REACH:
            return False
        at.append(ring.project(Point(corners[int(dist.argmin())])))
    arc = abs(at[0] - at[1])
    return min(arc, ring.length - arc) >= OPPOSITE_SHARE * ring.length


def set_aside(rd, rooms: list, doors: list, notes: list[str], findings: list) -> list:
    """``rooms`` without the voids marked with one line corner to corner (see the
    module), said in ``notes``; ``findings`` (changed in place) loses those about a
    void's parts alone. ``doors``: pairs of a door and its layer."""
    if not any(r.source in WALL_SOURCES for r in rooms):
        return rooms
    pieces = []
    for p in rd.col.opens:
        if p.etype not in ("LINE", "LWPOLYLINE", "POLYLINE") or len(p.pts) > MAX_PIECES + 1 \
                or rd.layer_kind(p.layer) not in ("wall", None) or rd.blocked(p):
            continue
        xy = p.pts[:, :2]
        pieces += [(tuple(xy[k]), tuple(xy[k + 1])) for k in range(len(xy) - 1)
                   if math.dist(xy[k], xy[k + 1]) > JOIN]
    found = voids(rooms, pieces, [d.geometry for d, _ in doors])
    if not found:
        return rooms
    gone = {r.id for parts in found for r in parts}
    said = []
    for parts in found:
        whole = shapely.union_all([r.polygon for r in parts])
        c = whole.centroid
        said.append(f"{whole.area:.1f} m² at ({c.x:.2f}, {c.y:.2f})")
    notes.append(f"{len(found)} void(s) marked with a line from corner to corner (a light "
                 "well, a roof below, an opening), with no name and no way in, set aside, "
                 "not rooms: " + "; ".join(said))
    findings[:] = [f for f in findings if not (f.rooms and set(f.rooms) <= gone)]
    return [r for r in rooms if r.id not in gone]
