"""Rooms from wall linework, for drawings with no room outlines.

1. Every wall line, polyline, arc and spline becomes a line string (local metres); door
   openings are sealed with the line from each swing's hinge to the ends of its arc (the
   closed leaf; the open one only dangles and does not split the room). A bare opening
   (two facing jambs 0.6-1.3 m apart with nothing drawn between) is sealed along the
   wall's centre line and reported as a door.
2. Coordinates are snapped to a 1 mm grid, and a free end within ``REACH`` of another line
   is joined to it, so walls that stop just short of each other still meet.
3. The lines are noded (T-junctions split) and polygonised into faces.
4. Faces that are not rooms are dropped: thinner than ``MIN_WIDTH`` (the wall band itself,
   glazing, a door leaf), smaller than ``MIN_AREA`` (label boxes, columns), or mostly
   covered by fittings.

>>> from shapely.geometry import box
>>> rings = [np.array(box(0, 0, 4, 3).exterior.coords), np.array(box(-.1, -.1, 4.1, 3.1).exterior.coords)]
>>> [round(p.area, 2) for p in wall_faces(rings, [], [], [])]
[12.0]
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon
from shapely.strtree import STRtree

#: a free wall end this close (metres) to another line is joined to it
REACH = 0.05
#: faces narrower than this (metres) are wall bands, glazing or door leaves
MIN_WIDTH = 0.45
#: faces smaller than this (m²) are label boxes, columns or ducts
MIN_AREA = 1.0
#: a face this much covered by fittings is a fitting
FITTING_SHARE = 0.8


def wall_faces(lines: list[np.ndarray], seals: list[tuple[tuple[float, float], tuple[float, float]]],
               fittings: list[Polygon], notes: list[str],
               gaps: list | None = None) -> list[Polygon]:
    """Room faces enclosed by ``lines`` (each an (n, 2) array in metres). Bare openings
    found between facing jambs are sealed and appended to ``gaps`` as (middle, width)."""
    keep = [p for p in lines if len(p) >= 2]
    geoms: list = []
    if keep:
        coords = np.vstack(keep)
        index = np.repeat(np.arange(len(keep)), [len(p) for p in keep])
        geoms = [g for g in shapely.linestrings(coords, indices=index) if g.length > 1e-6]
    geoms += [LineString([a, b]) for a, b in seals if np.hypot(a[0] - b[0], a[1] - b[1]) > 1e-6]
    if not geoms:
        return []
    for a, b in _bare_openings(lines, geoms):
        geoms.append(LineString([a, b]))
        if gaps is not None:
            gaps.append((((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), float(np.hypot(*(b - a)))))
    arr = shapely.set_precision(np.asarray(geoms, dtype=object), 0.001)
    arr = [g for g in arr if not g.is_empty and g.length > 0]
    arr += _joins(arr)
    noded = shapely.unary_union(arr)
    faces = list(shapely.polygonize(list(getattr(noded, "geoms", [noded]))).geoms)
    kept: list[Polygon] = []
    thin = small = fitted = 0
    fit_tree = STRtree(fittings) if fittings else None
    for f in faces:
        if f.area < MIN_AREA:
            small += 1
            continue
        if f.buffer(-MIN_WIDTH / 2, join_style="mitre").is_empty:
            thin += 1
            continue
        if fit_tree is not None:
            hits = [fittings[int(i)] for i in fit_tree.query(f, predicate="intersects")]
            if hits and shapely.union_all(hits).intersection(f).area >= FITTING_SHARE * f.area:
                fitted += 1
                continue
        kept.append(f)
    notes.append(f"wall linework: {len(geoms)} lines, {len(faces)} enclosed faces; "
                 f"{len(kept)} taken as rooms, {thin} thinner than {MIN_WIDTH} m (wall bands, "
                 f"glazing) and {small} under {MIN_AREA} m² (columns, labels) left out"
                 + (f", {fitted} filled by fittings left out" if fitted else ""))
    return kept


def _joins(lines: list[LineString]) -> list[LineString]:
    """Short connectors from free line ends to the nearest other line within REACH."""
    if len(lines) < 2:
        return []
    arr = np.asarray(lines, dtype=object)
    coords, index = shapely.get_coordinates(arr, return_index=True)
    first = np.r_[0, np.flatnonzero(np.diff(index)) + 1]
    last = np.r_[first[1:] - 1, len(index) - 1]
    ends = np.vstack([coords[first], coords[last]])
    owner = np.r_[index[first], index[last]]
    pts = shapely.points(ends)
    pi, li = STRtree(arr).query(pts, predicate="dwithin", distance=REACH)
    keep = owner[pi] != li
    pi, li = pi[keep], li[keep]
    if not len(pi):
        return []
    d = shapely.distance(pts[pi], arr[li])
    touching = np.zeros(len(pts), dtype=bool)
    touching[pi[d < 1e-6]] = True
    far = d >= 1e-6
    pi, li, d = pi[far], li[far], d[far]
    order = np.lexsort((d, pi))
    pi, li = pi[order], li[order]
    firsts = np.r_[True, pi[1:] != pi[:-1]] if len(pi) else np.zeros(0, dtype=bool)
    pi, li = pi[firsts], li[firsts]
    sel = ~touching[pi]
    if not sel.any():
        return []
    return list(shapely.shortest_line(pts[pi[sel]], arr[li[sel]]))


#: a jamb (the short line closing a wall at an opening) is this long (metres)
JAMB_LENGTH = (0.05, 0.5)
#: and faces another jamb across an opening this wide
OPENING_WIDTH = (0.6, 1.3)


def _bare_openings(lines: list[np.ndarray], geoms: list[LineString]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Openings with no door drawn: two parallel jambs of about the same length facing each
    other 0.6-1.3 m apart along the wall, with nothing drawn between their middles. The
    seal runs between the jambs' middles (the wall's centre line)."""
    parts = [np.stack([p[:-1], p[1:]], axis=1) for p in lines if len(p) >= 2]
    if not parts:
        return []
    seg = np.concatenate(parts)
    if len(seg) < 2:
        return []
    vec = seg[:, 1] - seg[:, 0]
    length = np.hypot(vec[:, 0], vec[:, 1])
    jamb = np.flatnonzero((length >= JAMB_LENGTH[0]) & (length <= JAMB_LENGTH[1]))
    if len(jamb) < 2:
        return []
    mids = (seg[jamb, 0] + seg[jamb, 1]) / 2
    dirs = vec[jamb] / length[jamb, None]
    pts = shapely.points(mids)
    tree = STRtree(pts)
    ai, bi = tree.query(pts, predicate="dwithin", distance=OPENING_WIDTH[1])
    keep = ai < bi
    ai, bi = ai[keep], bi[keep]
    if not len(ai):
        return []
    across = mids[bi] - mids[ai]
    w = np.hypot(across[:, 0], across[:, 1])
    unit = across / np.maximum(w, 1e-12)[:, None]
    ok = ((w >= OPENING_WIDTH[0]) & (w <= OPENING_WIDTH[1])
          & (np.abs(dirs[ai, 0] * dirs[bi, 1] - dirs[ai, 1] * dirs[bi, 0]) < 0.05)
          & (np.abs(np.einsum("ij,ij->i", unit, dirs[ai])) < 0.1)
          & (np.abs(length[jamb[ai]] - length[jamb[bi]]) <= 0.2 * length[jamb[ai]]))
    ai, bi, w = ai[ok], bi[ok], w[ok]
    if not len(ai):
        return []
    # nearest partner first; each jamb closes one opening
    order = np.argsort(w)
    taken: set[int] = set()
    line_tree = STRtree(geoms)
    out = []
    for k in order:
        a, b = int(ai[k]), int(bi[k])
        if a in taken or b in taken:
            continue
        p, q = mids[a], mids[b]
        inner = LineString([p + 0.05 * (q - p), q - 0.05 * (q - p)])
        if len(line_tree.query(inner, predicate="intersects")):
            continue  # something is drawn across: glazing, a door, a wall
        taken.update((a, b))
        out.append((p, q))
    return out
