"""Door swings drawn with the walls, as ARCs or as polylines, found and taken out.

A swing is drawn as an ARC, or (by programs that write no arcs, or after an explode) as a
polyline: the arc flattened into points on a circle about the hinge, or one bulged
segment (flattened by the collector into the same). Its radius is a leaf's length
(:data:`~floorplan.io.dxf.doors.symbols.DOOR_RADIUS`), it sweeps about a quarter turn
(:data:`SWEEP`), and the open leaf is drawn with it: a straight line, or one segment of a
polyline (often the same polyline that draws the arc and the wall face beside it), from
the hinge to one end of the arc (within :data:`~floorplan.io.dxf.doors.symbols.LEAF_REACH` of
the radius: a leaf is drawn its thickness off the hinge, on the frame).

Read as walls, the leaf and the arc enclose a quarter disc that is cut out of the room the
door opens into, or part the room from the next. Each swing found (:func:`loose_swings`)
is taken out of the linework, arc and leaf (a polyline loses only those segments, the rest
of it kept in pieces), and gives the seal from its hinge to the arc's other end (the
closed leaf, across the doorway).

:func:`arc_runs` finds the runs of a polyline's vertices on one circle:

>>> import numpy as np
>>> t = np.radians(np.linspace(0, 90, 9))
>>> leaf_and_arc = np.vstack([[[0.0, 0.0]], np.c_[0.9 * np.sin(t), 0.9 * np.cos(t)]])
>>> [(i, j, round(r, 3), round(s)) for i, j, c, r, s in arc_runs(leaf_and_arc)]
[(1, 9, 0.9, 90)]
>>> square = np.array([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], dtype=float)
>>> arc_runs(square)   # a corner of a square is no arc (a quarter turn in one step)
[]
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import replace

import numpy as np
import shapely

from floorplan.io.dxf.doors import symbols as dxf_doors
from floorplan.io.dxf.doors.threepoint import off_hinge

#: a flattened swing: at least this many segments ...
MIN_SEGMENTS = 3
#: ... each turning at most this much (degrees) about the centre (a polygon's corners turn
#: more: a square's vertices lie on a circle too)
MAX_STEP = 30.0
#: the sweep of a swing (degrees): about a quarter turn
SWEEP = (60.0, 120.0)
#: consecutive triples of vertices on one arc have centres this close (share of the radius;
#: coordinates rounded to a millimetre move a short step's centre a good deal) ...
RUN_CENTRE = 0.1
#: ... and every vertex of the run lies this close to the circle fitted to them all
FIT = 0.01


def _centres(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Circumcentres (n, 2) and a validity mask of the triangles ``a b c`` ((n, 2) each),
    worked relative to ``b`` for precision."""
    p, q = a - b, c - b
    d = 2.0 * (p[:, 0] * q[:, 1] - p[:, 1] * q[:, 0])
    pp, qq = (p * p).sum(1), (q * q).sum(1)
    ok = np.abs(d) > 1e-12 * np.maximum(pp, qq)
    d = np.where(ok, d, 1.0)
    ux = (q[:, 1] * pp - p[:, 1] * qq) / d
    uy = (p[:, 0] * qq - q[:, 0] * pp) / d
    return np.column_stack((ux, uy)) + b, ok


def arc_runs(pts: np.ndarray, radius: tuple[float, float] = dxf_doors.DOOR_RADIUS
             ) -> list[tuple[int, int, tuple[float, float], float, float]]:
    """The runs of vertices of ``pts`` ((n, 2), metres) that draw a swing: at least
    :data:`MIN_SEGMENTS` segments on one circle of ``radius`` (low, high), each turning at
    most :data:`MAX_STEP` the same way, sweeping :data:`SWEEP` in all. Each as (first
    vertex, last vertex, centre, radius, sweep in degrees)."""
    xy = np.asarray(pts, dtype=float)[:, :2]
    # a vertex repeated (a segment of no length) is one vertex: the run's indices are
    # those of ``pts``
    at = np.flatnonzero(np.r_[True, np.hypot(*np.diff(xy, axis=0).T) > 0])
    xy = xy[at]
    if len(xy) < MIN_SEGMENTS + 1:
        return []
    a, b, c = xy[:-2], xy[1:-1], xy[2:]
    cen, ok = _centres(a, b, c)
    r = np.hypot(*(b - cen).T)
    lo, hi = radius
    turn = np.sign((b[:, 0] - a[:, 0]) * (c[:, 1] - b[:, 1]) - (b[:, 1] - a[:, 1]) * (c[:, 0] - b[:, 0]))
    seg = np.hypot(*np.diff(xy, axis=0).T)
    # the turn of segments k and k + 1 about triple k's centre
    with np.errstate(invalid="ignore", divide="ignore"):
        s1 = np.degrees(2 * np.arcsin(np.clip(seg[:-1] / (2 * r), 0, 1)))
        s2 = np.degrees(2 * np.arcsin(np.clip(seg[1:] / (2 * r), 0, 1)))
    good = ok & (r >= lo * (1 - FIT)) & (r <= hi * (1 + FIT)) & (s1 <= MAX_STEP) & (s2 <= MAX_STEP)
    out = []
    k, n = 0, len(good)
    while k < n:
        if not good[k]:
            k += 1
            continue
        m = k
        while (m + 1 < n and good[m + 1] and turn[m + 1] == turn[k]
               and math.hypot(*(cen[m + 1] - cen[m])) <= RUN_CENTRE * r[m]):
            m += 1
        run = _fit(xy[k:m + 3], lo, hi)
        if run is not None and m + 2 - k >= MIN_SEGMENTS:
            out.append((int(at[k]), int(at[m + 2]), *run))
        k = m + 1
    return out


def _fit(v: np.ndarray, lo: float, hi: float) -> tuple[tuple[float, float], float, float] | None:
    """Centre, radius and sweep (degrees) of the circle through the vertices ``v``, if
    every one lies within :data:`FIT` of it, the radius in ``lo..hi`` and the sweep in
    :data:`SWEEP`."""
    m = v.mean(axis=0)
    w = v - m
    sol = np.linalg.lstsq(np.column_stack((2 * w, np.ones(len(w)))), (w * w).sum(1), rcond=None)[0]
    c = sol[:2]
    r = math.sqrt(max(sol[2] + c @ c, 0.0))
    if not lo <= r <= hi or np.abs(np.hypot(*(w - c).T) - r).max() > FIT * r:
        return None
    ang = np.unwrap(np.arctan2(w[:, 1] - c[1], w[:, 0] - c[0]))
    sweep = abs(math.degrees(ang[-1] - ang[0]))
    if not SWEEP[0] <= sweep <= SWEEP[1]:
        return None
    return (float(c[0] + m[0]), float(c[1] + m[1])), r, sweep


#: the runs :func:`arc_runs` found in each polyline's vertices, by a digest of them: the
#: walls of one drawing are read up to eight times (the sources and layers tried,
#: :mod:`~floorplan.io.dxf.rooms.sourcechoice`), the same polylines in each reading
_RUNS: dict[bytes, list] = {}
_KEEP = 1 << 14


def _runs_of(pts: np.ndarray) -> list:
    """:func:`arc_runs` of ``pts``, found once for the same vertices (:data:`_RUNS`)."""
    xy = np.ascontiguousarray(np.asarray(pts, dtype=float)[:, :2])
    key = hashlib.blake2b(xy.tobytes(), digest_size=16).digest() + bytes(str(len(xy)), "ascii")
    if key not in _RUNS:
        if len(_RUNS) >= _KEEP:
            del _RUNS[next(iter(_RUNS))]
        _RUNS[key] = arc_runs(xy)
    return list(_RUNS[key])


def loose_swings(lines: list) -> tuple[list, list]:
    """Door swings drawn with the walls (see the module): each taken out of ``lines``
    (primitives, metres), arc and leaf, giving the seal from its hinge to the closed
    leaf's end. Returns the primitives left (a polyline that lost segments in pieces)
    and the seals ((hinge, end) pairs)."""
    lo, hi = dxf_doors.DOOR_RADIUS
    # (prim index, first and last vertex of the run or None for a whole ARC, centre, r, ends)
    arcs: list[tuple[int, int | None, int | None, tuple, float, tuple]] = []
    polys = [n for n, p in enumerate(lines) if p.etype != "ARC" and len(p.pts) >= MIN_SEGMENTS + 1]
    bent = set(_bent(lines, polys, lo, hi))
    for n, p in enumerate(lines):
        if p.etype == "ARC":
            if lo <= p.extra.get("radius", 0.0) <= hi:
                e = p.extra["ends"]
                arcs.append((n, None, None, p.extra["center"], p.extra["radius"], (e[0], e[1])))
        elif n in bent:
            for first, last, c, r, _ in _runs_of(p.pts):
                arcs.append((n, first, last, c, r, (tuple(p.pts[first][:2]), tuple(p.pts[last][:2]))))
    if not arcs:
        return lines, []
    segs = _leaf_segments(lines, lo, hi)
    gone: dict[int, set[int]] = {}  # prim index -> its segments taken out (-1: all of it)
    seals = []
    for u, i, j, (cx, cy), r, ends in arcs:
        mine = set(range(i, j)) if i is not None and j is not None else {-1}
        if -1 in gone.get(u, ()) or gone.get(u, set()) & mine:
            continue
        reach = dxf_doors.LEAF_REACH * r + 0.01
        for end, other in (ends, ends[::-1]):
            leaf = _leaf(segs, (cx, cy), end, reach, gone, (u, i, j))
            if leaf is not None:
                gone.setdefault(u, set()).update(mine)
                gone.setdefault(leaf[0], set()).add(leaf[1])
                seals.append(((cx, cy), other))
                break
        else:  # no leaf from the arc's centre: a swing drawn through three points?
            pts = lines[u].pts if i is None or j is None else lines[u].pts[i:j + 1]
            off = off_hinge(segs, np.asarray(pts, dtype=float)[:, :2], ends, gone, (u, i, j),
                            lines)
            if off is not None:
                leaf, hinge, shut = off
                gone.setdefault(u, set()).update(mine)
                gone.setdefault(leaf[0], set()).add(leaf[1])
                seals.append((hinge, shut))
    if not gone:
        return lines, []
    out = []
    for n, p in enumerate(lines):
        cut = gone.get(n)
        if not cut:
            out.append(p)
        elif -1 not in cut and len(p.pts) > 2:
            out += [replace(p, pts=piece, closed=False) for piece in _pieces(p.pts, cut)]
    return out, seals


def _bent(lines: list, polys: list[int], lo: float, hi: float) -> list[int]:
    """The indices among ``polys`` (of ``lines``) whose vertices turn in two steps running
    as :func:`arc_runs` asks (each at most :data:`MAX_STEP` on a circle of a door's radius):
    the only ones it need look at, found for all at once."""
    if not polys:
        return []
    xy = np.vstack([np.asarray(lines[n].pts, dtype=float)[:, :2] for n in polys])
    owner = np.repeat(np.arange(len(polys)), [len(lines[n].pts) for n in polys])
    keep = np.r_[True, (np.hypot(*np.diff(xy, axis=0).T) > 0) | (np.diff(owner) != 0)]
    xy, owner = xy[keep], owner[keep]
    if len(xy) < 3:
        return []
    a, b, c = xy[:-2], xy[1:-1], xy[2:]
    cen, ok = _centres(a, b, c)
    r = np.hypot(*(b - cen).T)
    seg = np.hypot(*np.diff(xy, axis=0).T)
    with np.errstate(invalid="ignore", divide="ignore"):
        s1 = np.degrees(2 * np.arcsin(np.clip(seg[:-1] / (2 * r), 0, 1)))
        s2 = np.degrees(2 * np.arcsin(np.clip(seg[1:] / (2 * r), 0, 1)))
    good = (ok & (owner[:-2] == owner[2:]) & (r >= lo * (1 - FIT)) & (r <= hi * (1 + FIT))
            & (s1 <= MAX_STEP) & (s2 <= MAX_STEP))
    two = good[:-1] & good[1:] & (owner[:-3] == owner[3:])
    return [polys[int(k)] for k in np.unique(owner[:-3][two])]


def _leaf_segments(lines: list, lo: float, hi: float) -> dict:
    """The straight segments of ``lines`` that may be a leaf (about a door's radius long),
    by the 10 cm cell of each end: cell -> [(prim index, segment index or -1 for a
    LINE, start, end)]."""
    out: dict[tuple[int, int], list] = {}
    reach = dxf_doors.LEAF_REACH * hi + 0.01
    for n, p in enumerate(lines):
        if p.etype == "ARC" or len(p.pts) < 2:
            continue
        xy = np.asarray(p.pts, dtype=float)[:, :2]
        length = np.hypot(*np.diff(xy, axis=0).T)
        for k in np.flatnonzero((length >= lo - 2 * reach) & (length <= hi + 2 * reach)).tolist():
            s, e = xy[k], xy[k + 1]
            seg = (n, -1 if len(xy) == 2 else k, (float(s[0]), float(s[1])), (float(e[0]), float(e[1])))
            for q in (s, e):
                out.setdefault((int(q[0] // 0.1), int(q[1] // 0.1)), []).append(seg)
    return out


def _leaf(segs: dict, hinge, end, reach: float, gone: dict, arc) -> tuple[int, int] | None:
    """The segment (prim index, segment index) running from within ``reach`` of ``hinge``
    to within it of ``end``, not taken already and not part of the arc ``arc``."""
    cx, cy = int(hinge[0] // 0.1), int(hinge[1] // 0.1)
    span = int(reach // 0.1) + 1
    for i in range(-span, span + 1):
        for j in range(-span, span + 1):
            for n, k, s, e in segs.get((cx + i, cy + j), ()):
                if n == arc[0] and arc[1] is not None and arc[1] <= k < arc[2]:
                    continue
                taken = gone.get(n, ())
                if -1 in taken or k in taken:
                    continue
                for h, t in ((s, e), (e, s)):
                    if math.dist(h, hinge) <= reach and math.dist(t, end) <= reach:
                        return n, k
    return None


def _pieces(pts: np.ndarray, cut: set[int]) -> list[np.ndarray]:
    """The runs of the segments of ``pts`` not in ``cut``, as point arrays (a closed ring's
    run across its first vertex kept in one)."""
    nseg = len(pts) - 1
    keep = [k not in cut for k in range(nseg)]
    ring = bool(np.allclose(pts[0], pts[-1], rtol=0.0, atol=1e-9))
    order = list(range(nseg))
    if ring and not all(keep):
        first = next(k for k in range(nseg) if not keep[k]) + 1
        order = order[first:] + order[:first]
    out, run = [], []
    for k in order + [None]:
        if k is not None and keep[k]:
            run.append(k)
            continue
        if run:
            idx = [run[0]] + [q + 1 for q in run]
            out.append(np.asarray(pts)[[i % nseg if ring else i for i in idx]])
            run = []
    return out



#: a leaf's end meets the end of its swing's arc this close (metres)
LEAF_END = 0.01
#: a hinge stands this close (metres) to the wall it is hung on (the walls' join reach)
ON_WALL = 0.05


def leaf_hinge(center, ends, radius: float, leaves: np.ndarray, walls) -> tuple[float, float]:
    """The hinge of a door whose swing is an arc about ``center`` (ending at ``ends``, of
    ``radius``): the centre, when it stands on a wall (``walls``, an STRtree of the wall
    lines); else the wall end of the open leaf, one of ``leaves`` ((n, 2, 2) segments on
    door layers) running from an arc end back to near the centre, about a radius long,
    when that end stands on a wall. An arc drawn a few centimetres off its hinge would
    seal the doorway from a point standing free beside the wall's end, and leave open
    the gap it was to close.

    >>> from shapely.geometry import LineString
    >>> from shapely.strtree import STRtree
    >>> walls = STRtree([LineString([(1.0, 0.0), (3.0, 0.0)])])
    >>> leaf = np.array([[[1.0, 0.0], [1.0, -1.0]]])
    >>> leaf_hinge((0.95, -0.06), [(0.0, -0.03), (1.0, -1.0)], 1.0, leaf, walls)
    (1.0, 0.0)
    >>> leaf_hinge((1.0, 0.0), [(0.0, 0.0), (1.0, -1.0)], 1.0, leaf + 0.02, walls)
    (1.0, 0.0)
    """
    c = np.asarray(center, dtype=float)[:2]
    here = (float(c[0]), float(c[1]))
    if len(leaves) == 0 or len(walls.query(shapely.points(c), predicate="dwithin",
                                           distance=ON_WALL)):
        return here
    reach = dxf_doors.LEAF_REACH * radius + 0.01
    best, best_d = None, reach
    for e in ends:
        e = np.asarray(e, dtype=float)[:2]
        for a, b in ((0, 1), (1, 0)):
            near = np.hypot(*(leaves[:, a] - e).T) <= LEAF_END
            for s in leaves[near]:
                h = s[b]
                d = float(np.hypot(*(h - c)))
                if abs(float(np.hypot(*(h - s[a]))) - radius) <= reach and d <= best_d \
                        and len(walls.query(shapely.points(h), predicate="dwithin", distance=ON_WALL)):
                    best, best_d = h, d
    return here if best is None else (float(best[0]), float(best[1]))


def swing_seals(arcs: list, leaves: list[np.ndarray], walls: list[np.ndarray]) -> list:
    """The seals ((hinge, end) pairs) of the swing ``arcs`` (door arcs of a leaf's
    radius): one from the hinge (:func:`leaf_hinge`, with the door linework ``leaves``
    and the wall linework ``walls``, (n, 2) arrays) to each end of the arc."""
    from shapely.geometry import LineString
    from shapely.strtree import STRtree

    if not arcs:
        return []
    parts = [np.stack([p[:-1, :2], p[1:, :2]], axis=1) for p in leaves if len(p) >= 2]
    segs = np.concatenate(parts) if parts else np.zeros((0, 2, 2))
    tree = STRtree([LineString(p[:, :2]) for p in walls if len(p) >= 2])
    out = []
    for a in arcs:
        hinge = leaf_hinge(a.extra["center"], a.extra["ends"], a.extra["radius"], segs, tree)
        out += [(hinge, end) for end in a.extra["ends"]]
    return out


def block_swings(opens: list, arcs: list, door_uids: set[int], loose=None) -> list:
    """Door swings drawn as polylines inside door blocks that hold no ARC (an exploded or
    converted symbol: the arc flattened into points, or one bulged segment), each as an
    ARC primitive (centre, radius and ends from the circle fitted by :func:`arc_runs`), so
    that the door's width and hinge come from its swing as for an ARC. Without them, such a
    door's width was read off the rectangle round the block, a swing's chord (1.41 x the
    leaf) when no leaf is drawn.

    ``loose(prim)`` says which polylines standing in no block are door symbols (on a door
    layer): their swings are read so too (an exploded door block's swing and leaf drawn as
    one bulged polyline in model space), except a run that draws again an ARC already
    there (the same hinge and ends)."""
    with_arc = {u for a in arcs for u in a.chain}
    drawn = [(a.extra["center"], a.extra["ends"]) for a in arcs if not a.chain and "ends" in a.extra]
    out = []
    for p in opens:
        if p.etype == "ARC" or len(p.pts) < MIN_SEGMENTS + 1:
            continue
        if not p.chain:
            if loose is None or not loose(p):
                continue
        elif door_uids.isdisjoint(p.chain) or not with_arc.isdisjoint(p.chain):
            continue
        for first, last, c, r, _ in arc_runs(p.pts):
            ends = (tuple(map(float, p.pts[first][:2])), tuple(map(float, p.pts[last][:2])))
            if not p.chain and any(_same_swing(c, ends, c2, e2) for c2, e2 in drawn):
                continue
            out.append(replace(p, etype="ARC", pts=p.pts[first:last + 1, :2],
                               extra={"center": c, "radius": r, "ends": ends}))
    return out


def _same_swing(c, ends, c2, ends2, tol: float = 0.01) -> bool:
    """Two swings about one hinge between the same two ends (either way round)."""
    if math.dist(c[:2], c2[:2]) > tol:
        return False
    e = [tuple(x[:2]) for x in ends]
    f = [tuple(x[:2]) for x in ends2]
    return (math.dist(e[0], f[0]) <= tol and math.dist(e[1], f[1]) <= tol) or (
        math.dist(e[0], f[1]) <= tol and math.dist(e[1], f[0]) <= tol)
