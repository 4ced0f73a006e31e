"""Scoring a view of a sheet: is it a floor plan? (see :mod:`~floorplan.io.dxf.views.sheet`).

Evidence for a floor plan: room labels inside its closed spaces, door symbols, closed
spaces of room size. Evidence against, each a mechanism a careful reader uses:

- :func:`is_grid`: many near-identical rectangular cells that tile an area edge to edge
  (a schedule, a reference grid, the panels of a façade);
- :func:`columns`: compact outlines of one size standing apart, the greater part of the
  spaces (a structural grid's columns, drawn closed on a layer that says nothing);
- :func:`roof_like`: the spaces' outline has a pitched top over a level base and nothing
  inside walls it off (an elevation drawn as one outline; a plan turned on the sheet slopes
  below as much as above);
- :func:`ground_line`: one horizontal line under every space, running well past them at
  both ends (the ground of an elevation or section; a plan's lowest line is a wall face
  that turns up at the building's corners);
- :func:`coursed`: the spaces' edges are met by many long lines from outside, square to
  the edge (boards, courses or panels of a façade butting into a window or door; walls
  meet a room's edge only at corners and T-junctions, and studs drawn in a wall band are
  short);
- :func:`standing_apart`: closed loops side by side, none within a wall's thickness of
  another, with nothing inside them (a site plan's buildings on open ground);
- a view that is mostly text (a title block, a legend), a short title saying ELEVATION,
  SECTION, SITE PLAN.

Geometric evidence against decides only where nothing speaks for a plan (no label in a
space, no door): a real plan with labels and doors is read whatever its outline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
import shapely
from shapely.geometry import Polygon

from floorplan.io.dxf.views.tiles import tiling

#: a grid: at least this many cells of one size (areas within GRID_SAME of their median)
GRID_MIN = 6
GRID_SAME = 0.05
#: columns: compact outlines of one size up to COLUMN_MAX m² (1.4 m square), filling at
#: least COLUMN_FILL of the rectangle round them (a circle fills 0.785)
COLUMN_MAX = 2.0
COLUMN_FILL = 0.75
#: a view whose text covers at least this share of its linework's extent is mostly text
TEXT_SHARE = 0.25
#: two rooms of a floor plan lie at most a wall's thickness apart: spaces that lie farther
#: than this from every other are footprints standing apart (a site or block plan)
WALL_REACH = 0.6
#: a line ends on a space's edge when it ends this close to it (metres)
EDGE_TOL = 0.02
#: a course: a line longer than a wall is thick (WALL_REACH), meeting the edge within
#: COURSE_SQUARE (cosine, about 10 degrees) of square
COURSE_SQUARE = 0.17
#: the spaces are openings in a façade when courses meet their edges at least this often
#: (per metre of edge: boards and brick courses are 0.05-0.3 m apart, so 3-20 a metre on
#: each side; walls meet a plan's rooms well under once a metre)
COURSES_PER_M = 3.0
#: a roof-like outline stands on a level base: level edges within BASE_TOL (metres) of its
#: lowest point along at least LEVEL_BASE of its width
BASE_TOL = 0.1
LEVEL_BASE = 0.5
#: a ground line runs at least this far past the spaces at both ends (metres)
GROUND_PAST = 1.0
#: a title is a short text: at most this many characters (a long note may mention a
#: "SECTION" of a code, which is no title)
TITLE_CHARS = 40

_NOT_PLAN = re.compile(r"\b(elevation|section|site\s+plan|location\s+plan|block\s+plan|roof\s+plan|"
                       r"schedule|legend|key\s+plan)s?\b", re.I)
#: the kinds of view set aside (never read unless --view names them)
SET_ASIDE = ("grid", "columns", "elevation", "site", "text", "titled")


def not_plan_title(text: str) -> bool:
    """A short text saying the view is no floor plan (ELEVATION, SECTION A-A, SITE PLAN).

    >>> not_plan_title("SECTION A-A"), not_plan_title("Kitchen"), not_plan_title("NAILING PER CODE SECTION R602.10 OF THE IRC 2006")
    (True, False, False)
    """
    return len(text) <= TITLE_CHARS and _NOT_PLAN.search(text) is not None


def is_grid(polys: list[Polygon]) -> bool:
    """Many near-identical rectangular cells that tile an area: at least GRID_MIN of the
    spaces within GRID_SAME of their median area, each edge to edge with (or a joint
    from) two or more of the others (:func:`~floorplan.io.dxf.views.tiles.tiling`), and those
    the greater part of all. Outlines of one size standing apart (the columns of an open
    floor) are no grid: no cell of theirs has a neighbour."""
    if len(polys) < GRID_MIN:
        return False
    areas = np.array([p.area for p in polys])
    med = float(np.median(areas))
    same = np.abs(areas - med) <= GRID_SAME * med
    rect = np.array([abs(p.area - p.envelope.area) <= 0.01 * p.area for p in polys])
    cells = same & rect
    if int(cells.sum()) < GRID_MIN or cells.mean() < 0.6:
        return False
    which = np.flatnonzero(cells)
    packed = np.zeros(len(polys), dtype=bool)
    packed[which] = tiling([polys[k] for k in which], min_cells=GRID_MIN)
    cells &= packed
    return int(cells.sum()) >= GRID_MIN and cells.mean() >= 0.6


def columns(polys: list[Polygon]) -> int:
    """How many of the spaces are columns: at least :data:`GRID_MIN` compact outlines
    (squares, circles: at least :data:`COLUMN_FILL` of the rectangle round them, at most
    twice as long as wide) of one size under :data:`COLUMN_MAX`, none within
    :data:`WALL_REACH` of another of them (a structural grid's columns stand metres apart;
    the cells of a schedule or a paving touch). 0 when there are fewer."""
    small = [k for k, p in enumerate(polys) if 0 < p.area <= COLUMN_MAX]
    if len(small) < GRID_MIN:
        return 0
    areas = np.array([polys[k].area for k in small])
    med = float(np.median(areas))
    keep = []
    for k, a in zip(small, areas.tolist(), strict=True):
        box = shapely.oriented_envelope(polys[k])
        if abs(a - med) > GRID_SAME * med or not isinstance(box, Polygon):
            continue
        c = np.asarray(box.exterior.coords)
        lo, hi = sorted((float(np.hypot(*(c[1] - c[0]))), float(np.hypot(*(c[2] - c[1])))))
        if a >= COLUMN_FILL * box.area and hi <= 2 * lo:
            keep.append(polys[k])
    if len(keep) < GRID_MIN:
        return 0
    arr = np.asarray(keep, dtype=object)
    i, j = shapely.STRtree(arr).query(arr, predicate="dwithin", distance=WALL_REACH)
    return 0 if bool(np.any(i != j)) else len(keep)


def standing_apart(polys: list[Polygon]) -> bool:
    """Two or more spaces, none within :data:`WALL_REACH` of another (the rooms of a floor
    plan are packed, a wall's thickness apart; the buildings and outbuildings of a site
    plan stand apart on open ground)."""
    if len(polys) < 2:
        return False
    arr = np.asarray(polys, dtype=object)
    tree = shapely.STRtree(arr)
    i, j = tree.query(arr, predicate="dwithin", distance=WALL_REACH)
    return not bool(np.any(i != j))


def roof_like(polys: list[Polygon]) -> bool:
    """The spaces' outline has sloping edges along its top over a third of its width (a
    pitched roof) above a level base along half its width or more (the ground it stands
    on), and no space in it is walled off from the others inside (the spaces of an
    elevation are the façade between its windows)."""
    if not polys:
        return False
    shape = shapely.union_all(shapely.buffer(np.asarray(polys, dtype=object), 0.05, quad_segs=1))
    outer = max(getattr(shape, "geoms", [shape]), key=lambda g: g.area)
    c = np.asarray(outer.exterior.coords)
    x0, y0, x1, y1 = outer.bounds
    width, mid = x1 - x0, (y0 + y1) / 2
    v = np.diff(c, axis=0)
    ang = np.degrees(np.arctan2(np.abs(v[:, 1]), np.abs(v[:, 0])))
    up = (c[:-1, 1] + c[1:, 1]) / 2 > mid
    sloped = (ang > 15) & (ang < 75) & up
    if width <= 0 or float(np.abs(v[sloped, 0]).sum()) < width / 3:
        return False
    # an elevation stands on level ground: its lowest edges are level along much of its
    # width (a plan turned on the sheet, or an octagonal room, slopes below as above)
    low = np.maximum(c[:-1, 1], c[1:, 1]) <= y0 + BASE_TOL
    return float(np.abs(v[(ang < 5) & low, 0]).sum()) >= LEVEL_BASE * width


def ground_line(polys: list[Polygon], lines: Sequence[np.ndarray]) -> bool:
    """A straight horizontal line under every space (at or below their lowest point), that
    runs at least :data:`GROUND_PAST` past them at both ends."""
    if not polys or not lines:
        return False
    x0, y0, x1, _ = shapely.total_bounds(np.asarray(polys, dtype=object)).tolist()
    for ln in lines:
        if len(ln) != 2:
            continue
        (ax, ay), (bx, by) = ln[0][:2], ln[1][:2]
        lo, hi = min(ax, bx), max(ax, bx)
        if hi - lo <= 0 or abs(ay - by) > 0.01 * (hi - lo):
            continue
        if max(ay, by) <= y0 + EDGE_TOL and lo <= x0 - GROUND_PAST and hi >= x1 + GROUND_PAST:
            return True
    return False


def _lengths(lines: Sequence[np.ndarray]) -> list[float]:
    """Each line's length (0 for fewer than two points): the two-point lines (most) in one
    array, the longer ones summed one by one as before (so the same sums)."""
    out = [0.0] * len(lines)
    two = [k for k, ln in enumerate(lines) if len(ln) == 2]
    if two:
        d = np.array([lines[k][1, :2] - lines[k][0, :2] for k in two])
        for k, n in zip(two, np.hypot(d[:, 0], d[:, 1]).tolist(), strict=True):
            out[k] = n
    for k, ln in enumerate(lines):
        if len(ln) > 2:
            out[k] = float(np.hypot(*np.diff(ln[:, :2], axis=0).T).sum())
    return out


def coursed(polys: list[Polygon], lines: Sequence[np.ndarray]) -> float:
    """The share of the spaces' area whose edges courses meet at least
    :data:`COURSES_PER_M` times a metre (see the module's docstring), of the spaces not
    filled with a finish: courses meeting their edges from inside at least half as often
    (boards read as no walls, :mod:`~floorplan.io.dxf.walls.finishes`, fill the wall round
    a façade's openings, as a floor's fill a room; neither counts for or against)."""
    if not polys or not lines:
        return 0.0
    keep = [ln[:, :2] for ln, n in zip(lines, _lengths(lines), strict=True) if n > WALL_REACH]
    if not keep:
        return 0.0
    ends = np.array([(ln[0], ln[1]) for ln in keep] + [(ln[-1], ln[-2]) for ln in keep])
    tree = shapely.STRtree(np.asarray(shapely.points(ends[:, 0]), dtype=object))
    arr = np.asarray(polys, dtype=object)
    edges = shapely.boundary(arr)
    pi, k = tree.query(edges, predicate="dwithin", distance=EDGE_TOL)
    square, outside = _square_to(arr[pi], edges[pi], ends[k, 0], ends[k, 1])
    n = np.bincount(pi[square & outside], minlength=len(polys))
    n_in = np.bincount(pi[square & ~outside], minlength=len(polys))
    lengths = shapely.length(edges).tolist()
    met = total = 0.0
    for p, hits, inner, length in zip(polys, n.tolist(), n_in.tolist(), lengths, strict=True):
        if length > 0 and inner / length >= COURSES_PER_M / 2:
            continue  # filled with a finish
        total += p.area
        if length > 0 and hits / length >= COURSES_PER_M:
            met += p.area
    return met / total if total > 0 else 0.0


def _square_to(p: np.ndarray, edge: np.ndarray, end: np.ndarray,
               nxt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each line ending at ``end[i]`` (its next point ``nxt[i]``): whether it meets
    the edge ``edge[i]`` of ``p[i]`` within :data:`COURSE_SQUARE` of square (the edge's
    direction there: its points 10 mm either side), and whether it comes from outside
    ``p[i]``; all at once."""
    out = np.zeros(len(p), dtype=bool)
    side = np.zeros(len(p), dtype=bool)
    v = nxt - end
    lv = np.hypot(v[:, 0], v[:, 1])
    at = np.flatnonzero(lv >= 1e-9)
    if not len(at):
        return out, side
    v, lv, end = v[at], lv[at], end[at]
    probe = end + v / lv[:, None] * np.minimum(lv, 0.05)[:, None]
    side[at] = ~shapely.contains(p[at], shapely.points(probe))
    e = edge[at]
    d = shapely.line_locate_point(e, shapely.points(end))
    a = shapely.get_coordinates(shapely.line_interpolate_point(e, np.maximum(d - 0.01, 0.0)))
    b = shapely.get_coordinates(shapely.line_interpolate_point(e, np.minimum(d + 0.01, shapely.length(e))))
    t = b - a
    lt = np.hypot(t[:, 0], t[:, 1])
    dot = np.abs(v[:, 0] * t[:, 0] + v[:, 1] * t[:, 1])
    with np.errstate(divide="ignore", invalid="ignore"):
        out[at] = (lt > 1e-9) & (dot / (lv * lt) < COURSE_SQUARE)
    return out, side


def evidence_against(v, polys: list[Polygon], sources: list[str],
                     lines: Callable[[], Sequence[np.ndarray]]) -> list[tuple[str, str]]:
    """What says view ``v`` (a :class:`~floorplan.io.dxf.views.sheet.View`) is no floor plan:
    (kind, reason) pairs, the first deciding the kind. ``polys`` and ``sources``: its
    spaces and how each was found; ``lines()``: the linework drawn in it."""
    out: list[tuple[str, str]] = []
    for_plan = bool(v.labels_in or v.doors)
    title = next((t for t in v.titles if not_plan_title(t)), None)
    if title and v.level is None and not for_plan:
        out.append(("titled", f"titled {title!r}"))
    if is_grid(polys) and (not v.doors or v.labels < 0.2 * len(polys)):
        out.append(("grid", f"a grid of {len(polys)} near-identical cells"))
    n_cols = columns(polys) if polys and not for_plan else 0
    if n_cols and n_cols >= 0.5 * len(polys):
        rest = len(polys) - n_cols
        out.append(("columns", f"{n_cols} compact outlines of one size standing apart "
                               "(columns), with no label or door in it"
                               + (f" or its other {rest} spaces" if rest else "")))
    if polys and not for_plan:
        if roof_like(polys):
            out.append(("elevation", "an outline with no inner walls under a roof-like profile "
                                     "(an elevation)"))
        elif all(s == "outline" for s in sources) and v.level is None and standing_apart(polys):
            # (a view titled as a floor, FIRST FLOOR, is no site plan: its rooms may stand
            # a stone wall's width apart)
            out.append(("site", f"{len(polys)} closed loops standing apart, none within "
                                f"{WALL_REACH} m of another, with no labels or doors inside "
                                "(a site or block plan)"))
        else:
            drawn = lines()
            why = []
            if ground_line(polys, drawn):
                why.append("its spaces stand on a ground line that runs past them at both ends")
            if coursed(polys, drawn) > 0.5:
                why.append("its spaces are openings in a façade: boards or courses meet their "
                           f"edges {COURSES_PER_M:.0f} times a metre or more")
            if why:
                out.append(("elevation", "; ".join(why) + " (an elevation or section)"))
    extent = (v.box[2] - v.box[0]) * (v.box[3] - v.box[1])
    if not v.labels and extent > 0 and v.text_area >= TEXT_SHARE * extent:
        out.append(("text", "mostly text (a title block, legend or schedule)"))
    return out


def score(v, polys: list[Polygon], sources: list[str],
          lines: Callable[[], Sequence[np.ndarray]]) -> None:
    """Score view ``v`` in place: its kind (plan, other, empty or one of
    :data:`SET_ASIDE`), the reason, and how plan-like it is."""
    v.score = 3.0 * v.labels + 2.0 * v.doors + len(polys)
    against = evidence_against(v, polys, sources, lines)
    if against:
        v.kind = against[0][0]
        v.reason = "; ".join(r for _, r in against)
        v.score -= 100
    elif polys and (v.labels or v.doors):
        v.kind = "plan"
    elif polys:
        v.kind = "other"
    else:
        v.kind = "empty"
