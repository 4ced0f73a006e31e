"""Close the gaps that nothing seals in wall linework.

A wall line that stops in the open (a free end) usually stops at an opening: a doorway
drawn without a door, a wall that stops short of the next one, a room outline left open
at its door. Each free end looks straight ahead, along its own line, for the next piece
of linework within :data:`CLOSE_GAP` (about one door width); the gap is bridged by a
straight line from the end to what it meets, so the room outline runs on along the wall
face. A gap that lines alongside span (a window drawn as thin parallel lines, a garage or
sliding door drawn shut) is bridged up to :data:`SPANNED_GAP`. A gap that a header or
lintel spans (drawn in the wall band over an opening: the wall goes on above it) is an
opening whatever is or is not drawn in it, and is bridged up to :data:`MARKED_SPAN`.

:func:`seeded_bridges` is the wider search a room label asks for when it lies in no room:
from every free end near the label to the nearest linework in any direction, shortest
first, until the label is enclosed.

>>> from shapely.geometry import LineString
>>> walls = [LineString([(0, 0), (4, 0), (4, 3), (0, 3), (0, 2.1)]), LineString([(0, 1.2), (0, 0)])]
>>> [(round(b.length, 2), kind) for b, kind in bridges(walls, [])[0]]
[(0.9, 'gap')]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.walls.along import alongside
from floorplan.io.dxf.walls.openings import GLAZING_SHARE, MARKED_SPAN, WINDOW_SPAN

#: gaps up to this wide (metres, about one door width) are closed where nothing seals them
CLOSE_GAP = 1.2
#: two free ends facing each other this far off one line (metres, and share of the gap)
#: are one wall broken by a gap
OFF_LINE = (0.03, 0.1)
#: glazing lies this close (metres) beside the line of the wall it fills
GLAZING_OFFSET = 0.3
#: a gap lying in a door symbol is closed up to this wide (metres: a double door)
DOOR_SPAN = 2.6
#: a gap holds a door when this share of its bridge lies in the door symbol
DOOR_SHARE = 0.8
#: a gap that lines alongside span (glazing, sliding doors drawn shut) is closed up to
#: this wide (metres). Wider, a wall's own face beside the gap would read as its glass
SPANNED_GAP = WINDOW_SPAN
#: a bridge this short (metres) is a drawing slip, not a gap; joined without saying
SLIP = 0.05
# a gap a header or lintel spans is closed up to MARKED_SPAN (openings.py) wide


def free_ends(arr: list[LineString]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ends of ``arr`` that touch no other line (and not their own line elsewhere):
    their points, outward directions (unit) and the index of the line they end."""
    if not arr:
        z = np.zeros((0, 2))
        return z, z, np.zeros(0, dtype=int)
    a = np.asarray(arr, dtype=object)
    coords, index = shapely.get_coordinates(a, return_index=True)
    first = np.r_[0, np.flatnonzero(np.diff(index)) + 1]
    last = np.r_[first[1:] - 1, len(index) - 1]
    ring = np.all(coords[first] == coords[last], axis=1)
    ok = ~ring & (last > first)
    f, la = first[ok], last[ok]
    ends = np.vstack([coords[f], coords[la]])
    # the next point along the line from each end (its last different point)
    inner = np.vstack([coords[f + 1], coords[la - 1]])
    owner = np.r_[index[f], index[la]]
    pts: Any = shapely.points(ends)
    pi, li = STRtree(a).query(pts, predicate="dwithin", distance=1e-6)
    touched = np.zeros(len(pts), dtype=bool)
    other = owner[pi] != li
    touched[pi[other]] = True
    # an end touching its own line elsewhere (a polyline closed on itself part-way)
    own = ~other
    # (every end meets its own line: only one not touched already, of a line with four
    # points or more, can touch it away from its own end segment)
    own &= ~touched[pi] & (np.bincount(index, minlength=len(arr))[li] >= 4)
    if own.any():
        for p, l_ in zip(pi[own].tolist(), li[own].tolist(), strict=True):
            g = arr[l_]
            rest = shapely.distance(pts[p], g)
            if rest < 1e-6 and _touches_elsewhere(g, ends[p]):
                touched[p] = True
    # two ends of different lines at the same point touch each other (found above)
    free = ~touched
    free[_crossed(pts, ends, inner, owner, a, free)] = False
    d = ends - inner
    n = np.hypot(d[:, 0], d[:, 1])
    good = free & (n > 1e-9)
    dirs = np.zeros_like(d)
    dirs[good] = d[good] / n[good, None]
    return ends[good], dirs[good], owner[good]


#: the linework is snapped to a millimetre grid: a line drawn ending on another (a
#: T-junction) may end up to about this far (metres) past it once both are snapped
SNAPPED = 0.002


def _crossed(pts, ends: np.ndarray, inner: np.ndarray, owner: np.ndarray, a: np.ndarray,
             free: np.ndarray) -> np.ndarray:
    """Which ``free`` ends have just crossed another line of ``a``: their last segment
    (from ``inner`` to the end) meets it within :data:`SNAPPED` of the end. Such an end was
    drawn on that line (a wall face ending on another, a window's jamb on the wall's inner
    face) and the grid moved it a fraction of a millimetre past; it stands in no gap, and
    looking straight ahead from it bridges the space beyond (House.dxf's stair, cut 1.0 m
    from its window's jamb across its top step). An end short of the line stays free: the
    line is just ahead of it, bridged as a slip."""
    out = np.zeros(len(ends), dtype=bool)
    cand = np.flatnonzero(free)
    if not len(cand):
        return out
    pi, li = STRtree(a).query(pts[cand], predicate="dwithin", distance=SNAPPED)
    pi = cand[pi]
    other = owner[pi] != li
    if not other.any():
        return out
    pi, li = pi[other], li[other]
    last: Any = shapely.linestrings(np.stack([inner[pi], ends[pi]], axis=1))
    hit = shapely.intersection(last, a[li])
    near = shapely.distance(pts[pi], hit) <= SNAPPED
    near &= ~shapely.is_empty(hit)
    out[pi[near]] = True
    return out


def _touches_elsewhere(g: LineString, p: np.ndarray) -> bool:
    """``p`` (an end of ``g``) lies on ``g`` away from its own end segment."""
    c = np.asarray(g.coords)
    if len(c) < 4:
        return False
    at_start = np.allclose(c[0], p)
    rest = LineString(c[2:] if at_start else c[:-2])
    return rest.distance(Point(p)) < 1e-6


def bridges(arr: list[LineString], door_marks: list[Polygon], n_walls: int | None = None,
            glass: list[LineString] | None = None, heads: list[LineString] | None = None
            ) -> tuple[list[tuple[LineString, str]], set[int]]:
    """Straight bridges across the gaps in ``arr`` (the wall linework, seals included),
    each with its kind: ``door`` (the gap lies in a door symbol, up to :data:`DOOR_SPAN`),
    ``window`` (glazing, or a door drawn shut, spans it: up to :data:`SPANNED_GAP`),
    ``gap`` (nothing does: up to :data:`CLOSE_GAP`). Only the free ends of the first
    ``n_walls`` lines (the walls as drawn, not the seals added to them) look for a gap.
    Also returns the indices of the lines that are glazing in a window bridged (the room
    outline runs along the wall's line across the window, not along its glass).
    ``glass`` is linework on layers other than the walls' (an opening or window layer)
    that may span a gap as glazing; it is never bridged to. ``heads`` is linework on
    header or lintel layers: a gap it spans (as glazing does) is bridged as a ``gap`` up
    to :data:`MARKED_SPAN`, and is never bridged to either."""
    ends, dirs, owner = free_ends(arr)
    if n_walls is not None:
        mine = owner < n_walls
        ends, dirs, owner = ends[mine], dirs[mine], owner[mine]
    if not len(ends):
        return [], set()
    a = np.asarray(arr, dtype=object)
    tree = STRtree(a)
    g_arr = np.asarray(glass or [], dtype=object)
    g_tree = STRtree(g_arr) if len(g_arr) else None
    h_arr = np.asarray(heads or [], dtype=object)
    h_tree = STRtree(h_arr) if len(h_arr) else None
    best_t, best_p = _ray_hits(ends, dirs, a, tree, MARKED_SPAN if h_tree is not None else 0.0)
    _facing_ends(ends, dirs, owner, a, tree, best_t, best_p)
    if n_walls is not None and n_walls < len(arr):
        best_t[_into_seals(best_p, best_t, a, tree, n_walls)] = np.inf
    # which bridges end at another free end (a wall broken by a gap, not one stopping
    # against the side of another)
    to_end = np.zeros(len(ends), dtype=bool)
    met = np.isfinite(best_t)
    if met.any():
        qi, qj = STRtree(np.asarray(shapely.points(ends))).query(shapely.points(best_p[met]), predicate="dwithin",
                                                     distance=1e-6)
        to_end[np.flatnonzero(met)[qi]] = True
    out: list[tuple[LineString, str]] = []
    glazing: set[int] = set()
    seen: set[tuple] = set()
    marks: list = []  # the door symbols' index, made when a bridge first asks for it

    def in_door(seg: LineString) -> float:
        """How much of ``seg`` lies in the door symbols: in the union of those it meets
        (the union of them all, 0.05 s on a drawing of 500 doors, was made for a few)."""
        if not marks:
            marks.append(np.asarray(door_marks, dtype=object))
            marks.append(STRtree(marks[0]))
        met = marks[1].query(seg, predicate="intersects")
        if not len(met):
            return 0.0
        return float(seg.intersection(shapely.union_all(marks[0][np.sort(met)])).length)

    for i in np.flatnonzero(np.isfinite(best_t)).tolist():
        p, q = ends[i], best_p[i]
        key = tuple(sorted((tuple(np.round(p, 6)), tuple(np.round(q, 6)))))
        if key in seen:
            continue
        seen.add(key)
        seg = LineString([p, q])
        length = seg.length
        if length <= SLIP + 1e-9:
            kind = "slip"
        elif length <= SPANNED_GAP and (span := _spanned(seg, a, tree, g_arr, g_tree))[0]:
            # lines alongside: glazing across a gap between two wall ends, or else the
            # bridge would only double a wall it runs beside
            if not to_end[i]:
                continue
            kind = "window"
            glazing.update(span[1])
        elif door_marks and length <= DOOR_SPAN and in_door(seg) >= DOOR_SHARE * length:
            kind = "door"
        elif length <= CLOSE_GAP:
            kind = "gap"
        elif (h_tree is not None and length <= MARKED_SPAN
              and _headed(seg, h_arr, h_tree)):
            kind = "gap"  # an opening under a header: what is in it is not known
        else:
            continue
        out.append((seg, kind))
    return out, glazing


#: a wall's free end looking ahead meets a seal (a door's or an opening's, added to the
#: walls) within this (metres) of the seal's free tip: at a jamb or a frame, or where a
#: leaf drawn short of its jamb stops
SEAL_END = 0.15


def _into_seals(best_p, best_t, a, tree, n_walls: int) -> np.ndarray:
    """Which hits (``best_p``, where ``best_t`` is finite) land inside a doorway's seal
    (the lines of ``a`` from ``n_walls`` on: a door's, an opening's), on no wall line and
    more than :data:`SEAL_END` from every free tip of a seal (an end no other seal
    continues: a pair of doors' leaves meeting in the middle make one seal across their
    opening). A wall that runs ahead into the middle of a doorway that its door already
    closes meets no door there; bridged, it would cut a sliver off the room the door opens
    from (a wall's end cut at a slant, looking along its slant across a corridor to the
    corridor's double door). A wall end looking at a seal's free tip (a leaf drawn short of
    its jamb) is bridged as before."""
    out = np.zeros(len(best_t), dtype=bool)
    hit = np.flatnonzero(np.isfinite(best_t))
    if not len(hit):
        return out
    pts: Any = shapely.points(best_p[hit])
    pi, li = tree.query(pts, predicate="dwithin", distance=1e-6)
    on_seal = set(pi[li >= n_walls].tolist()) - set(pi[li < n_walls].tolist())
    if not on_seal:
        return out
    seals = a[n_walls:]
    tips: Any = shapely.points(np.vstack([shapely.get_coordinates(shapely.get_point(seals, k))
                                     for k in (0, -1)]))
    # a tip another seal touches (away from that seal's own same tip) is a joint, not free
    ti, tk = STRtree(seals).query(tips, predicate="dwithin", distance=1e-6)
    owner = np.r_[np.arange(len(seals)), np.arange(len(seals))]
    joint = set(ti[tk != owner[ti]].tolist())
    free_tips = [k for k in range(len(tips)) if k not in joint]
    near = np.array(sorted(on_seal))
    if free_tips:
        ft = STRtree(tips[free_tips])
        close = set(ft.query(pts[near], predicate="dwithin", distance=SEAL_END)[0].tolist())
    else:
        close = set()
    out[hit[[p for k, p in enumerate(near.tolist()) if k not in close]]] = True
    return out


def _ray_hits(ends, dirs, a, tree, further: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """For each free end: how far straight ahead the nearest linework is (within
    SPANNED_GAP or DOOR_SPAN, or ``further``; ``inf`` if none) and the point met."""
    start = ends + 1e-6 * dirs
    reach = max(SPANNED_GAP, DOOR_SPAN, further)
    rays: Any = shapely.linestrings(np.stack([start, ends + reach * dirs], axis=1))
    ri, gi = tree.query(rays, predicate="intersects")
    best_t = np.full(len(ends), np.inf)
    best_p = np.zeros_like(ends)
    if len(ri):
        hit: Any = shapely.intersection(rays[ri], a[gi])
        t = shapely.distance(shapely.points(ends[ri]), hit)
        for r, tt, h in zip(ri.tolist(), t.tolist(), hit.tolist(), strict=True):
            if 1e-6 < tt < best_t[r]:
                best_t[r] = tt
                best_p[r] = _nearest_on(h, ends[r])
    return best_t, best_p


def _facing_ends(ends, dirs, owner, a, tree, best_t, best_p) -> None:
    """Free ends facing each other a little off one line (a ray from one passes beside
    the other): the nearer such end, when nothing lies between, replaces the ray's hit."""
    pts = shapely.points(ends)
    pi, pj = STRtree(pts).query(pts, predicate="dwithin", distance=WINDOW_SPAN)
    keep = pi != pj
    pi, pj = pi[keep], pj[keep]
    v = ends[pj] - ends[pi]
    along = np.einsum("ij,ij->i", v, dirs[pi])
    off = np.abs(v[:, 0] * dirs[pi, 1] - v[:, 1] * dirs[pi, 0])
    facing = ((along > 1e-6) & (off <= np.maximum(OFF_LINE[0], OFF_LINE[1] * along))
              & (np.einsum("ij,ij->i", dirs[pi], dirs[pj]) < -0.9))
    for i, j, t in zip(pi[facing].tolist(), pj[facing].tolist(), along[facing].tolist(), strict=True):
        if t >= best_t[i] - 1e-6:
            continue
        seg = LineString([ends[i] + 1e-6 * dirs[i], ends[j]])
        far = Point(ends[j])
        if any(k != owner[j] and far.distance(a[k]) > 1e-6
               for k in tree.query(seg, predicate="intersects").tolist()):
            continue  # something lies between the two ends
        best_t[i] = t
        best_p[i] = ends[j]


def _nearest_on(hit, p: np.ndarray) -> np.ndarray:
    """The point of ``hit`` (a ray's intersection with a line) nearest ``p``."""
    if hit.geom_type == "Point":
        return np.array([hit.x, hit.y])
    c = shapely.get_coordinates(hit)
    k = int(np.argmin(np.hypot(c[:, 0] - p[0], c[:, 1] - p[1])))
    return c[k]


def _spanned(seg: LineString, a: np.ndarray, tree: STRtree, g_arr=None, g_tree=None
             ) -> tuple[bool, list[int]]:
    """Lines alongside ``seg`` (within a wall's thickness, :data:`GLAZING_OFFSET`) over
    most of its length, and the wall lines lying wholly beside it (the glazing itself);
    the glass lines ``g_arr`` (in ``g_tree``) count as glazing too."""
    band = seg.buffer(GLAZING_OFFSET, cap_style="flat")
    near = [(k, a[k]) for k in tree.query(band, predicate="intersects").tolist()]
    if g_tree is not None:
        near += [(len(a) + k, g_arr[k]) for k in g_tree.query(band, predicate="intersects").tolist()]
    share, inside = alongside(seg, near, GLAZING_OFFSET, on_line=False)
    return share >= GLAZING_SHARE, [k for k in inside if k < len(a)]


def _headed(seg: LineString, h_arr: np.ndarray, h_tree: STRtree) -> bool:
    """A header or lintel (lines of ``h_arr``) runs alongside ``seg``, within a wall's
    thickness, over most of its length: the gap is an opening in the wall."""
    band = seg.buffer(GLAZING_OFFSET, cap_style="flat")
    near = [(k, h_arr[k]) for k in h_tree.query(band, predicate="intersects").tolist()]
    return bool(near) and alongside(seg, near, GLAZING_OFFSET)[0] >= GLAZING_SHARE
