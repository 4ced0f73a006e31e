"""Views: the separate drawings on one sheet, and which of them are floor plans.

A sheet often holds more than the plan: elevations, sections, a site plan, a reference
grid, a title block, legends and schedules. The linework and text are split into views,
clusters separated by at least :data:`VIEW_GAP` of empty space, numbered left to right,
then top to bottom (``--view N`` names one). Each view is scored:

- for a floor plan: room labels, doors, closed spaces of room size;
- against: a grid of many near-identical cells (a schedule, a structural grid), an
  outline with no inner walls under a roof-like profile (an elevation), outlines standing
  apart with no labels or doors (a site plan's buildings), a view that is mostly text (a
  title block, a legend), a title saying ELEVATION, SECTION, SITE PLAN.

The floor-plan views are read. Two or more become levels only when they look like floors
of one building: level labels (GROUND FLOOR, 1ST FLOOR PLAN, LEVEL 2...), or footprints of
about the same size. Otherwise the most plan-like view is read (or the one ``--view``
names) and a warning lists the views found. Views set aside are noted with the reason.

>>> from shapely.geometry import box
>>> level_from_text("1ST FLOOR PLAN"), level_from_text("Ground floor"), level_from_text("Kitchen")
(1.0, 0.0, None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import Polygon

#: views are separated by at least this much empty space (metres)
VIEW_GAP = 3.0
#: at most this many cells a side in the grid the views are found on
GRID_CELLS = 1500
#: a grid: at least this many cells of one size (areas within GRID_SAME of their median)
GRID_MIN = 6
GRID_SAME = 0.05
#: a view whose text covers at least this share of its linework's extent is mostly text
TEXT_SHARE = 0.25
#: two plan views are floors of one building when their footprints' widths, heights and
#: areas agree within this ratio
SIMILAR = 0.7
#: two rooms of a floor plan lie at most a wall's thickness apart: spaces that lie farther
#: than this from every other are footprints standing apart (a site or block plan)
WALL_REACH = 0.6

_ORDINALS = {"ground": 0, "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}
_LEVEL = re.compile(
    r"\b(?:(?P<ord>ground|first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?:floor|flr|level)"
    r"|(?P<lower>lower\s+ground)(?:\s+(?:floor|flr|level))?"
    r"|(?P<base>basement|cellar)"
    r"|(?:level|floor|storey)\s*(?P<num>-?\d{1,2})\b"
    r"|(?P<gf>gf|ff|sf)\s+plan)", re.I)
_NOT_PLAN = re.compile(r"\b(elevation|section|site\s+plan|location\s+plan|block\s+plan|roof\s+plan|"
                       r"schedule|legend|key\s+plan)s?\b", re.I)


def level_from_text(text: str) -> float | None:
    """The level a view title names (GROUND FLOOR 0, 1ST FLOOR PLAN 1, BASEMENT -1,
    LEVEL 2 2), or ``None``."""
    m = _LEVEL.search(text)
    if m is None:
        return None
    if m.group("ord"):
        return float(_ORDINALS[m.group("ord").lower()])
    if m.group("lower") or m.group("base"):
        return -1.0
    if m.group("num"):
        return float(int(m.group("num")))
    return float({"gf": 0, "ff": 1, "sf": 2}[m.group("gf").lower()])


@dataclass
class View:
    """One view of a sheet: what lies in it and what it was read as."""

    number: int
    box: tuple[float, float, float, float]
    rooms: list[int] = field(default_factory=list)
    labels: int = 0
    doors: int = 0
    lines: int = 0
    text_area: float = 0.0
    titles: list[str] = field(default_factory=list)
    level: float | None = None
    kind: str = "other"  # plan, grid, elevation, site, text, empty, other
    reason: str = ""
    score: float = 0.0

    def describe(self) -> str:
        x0, y0, x1, y1 = self.box
        what = f"{len(self.rooms)} rooms, {self.labels} labelled, {self.doors} doors"
        title = f", titled {self.titles[0]!r}" if self.titles else ""
        return (f"view {self.number} ({x1 - x0:.0f} x {y1 - y0:.0f} m at ({x0:.0f}, {y0:.0f}); "
                f"{what}{title})")


class Grid:
    """The sheet marked on a grid of cells about half :data:`VIEW_GAP` across: the cells
    anything covers, joined into views where they touch."""

    def __init__(self, boxes: np.ndarray, gap: float = VIEW_GAP):
        ok = np.all(np.isfinite(boxes), axis=1)
        boxes = boxes[ok] if len(boxes) else boxes
        if not len(boxes):
            self.n = 0
            return
        self.lo = np.array([boxes[:, 0].min(), boxes[:, 1].min()])
        hi = np.array([boxes[:, 2].max(), boxes[:, 3].max()])
        self.cell = max(gap / 2, float(max(hi - self.lo)) / GRID_CELLS)
        self.shape = (np.floor((hi - self.lo) / self.cell).astype(int) + 2).tolist()
        i0, i1 = self._cells(boxes[:, :2]), self._cells(boxes[:, 2:])
        # every box's cells marked at once: a difference array summed along both axes
        sx, sy = self.shape
        diff = np.zeros((sx + 1, sy + 1), dtype=np.int64)
        np.add.at(diff, (i0[:, 0], i0[:, 1]), 1)
        np.add.at(diff, (i1[:, 0] + 1, i0[:, 1]), -1)
        np.add.at(diff, (i0[:, 0], i1[:, 1] + 1), -1)
        np.add.at(diff, (i1[:, 0] + 1, i1[:, 1] + 1), 1)
        full = np.cumsum(np.cumsum(diff, axis=0), axis=1)[:sx, :sy] > 0
        cells = np.flatnonzero(full.ravel())
        ids = np.full(full.size, -1)
        ids[cells] = np.arange(len(cells))
        cx, cy = cells // sy, cells % sy
        ii, jj = [], []
        for dx, dy in ((1, 0), (0, 1), (1, 1), (1, -1)):  # neighbours, each pair once
            ox, oy = cx + dx, cy + dy
            inside = (ox < sx) & (oy >= 0) & (oy < sy)
            other = np.full(len(cells), -1)
            other[inside] = ids[ox[inside] * sy + oy[inside]]
            hit = other >= 0
            ii.append(np.flatnonzero(hit))
            jj.append(other[hit])
        label = components(len(cells), np.concatenate(ii), np.concatenate(jj))
        uniq, inv = np.unique(label, return_inverse=True)
        # number the views left to right (by 10 m bands), then top to bottom
        x = self.lo[0] + cx * self.cell
        y = self.lo[1] + (cy + 1) * self.cell
        left = np.full(len(uniq), np.inf)
        top = np.full(len(uniq), -np.inf)
        np.minimum.at(left, inv, x)
        np.maximum.at(top, inv, y)
        order = sorted(range(len(uniq)), key=lambda k: (round(float(left[k]) / 10), -float(top[k])))
        rank = np.empty(len(uniq), dtype=int)
        rank[order] = np.arange(len(uniq))
        self.view_of_cell = np.full(full.size, -1)
        self.view_of_cell[cells] = rank[inv]
        self.n = len(uniq)

    def _cells(self, xy: np.ndarray) -> np.ndarray:
        k = np.floor((xy - self.lo) / self.cell).astype(int)
        return np.clip(k, 0, np.array(self.shape) - 1)

    def at(self, xy: np.ndarray) -> np.ndarray:
        """The view (0-based, numbered left to right) of each point ((n, 2)); -1 where
        nothing is drawn."""
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        if self.n == 0 or not len(xy):
            return np.full(len(xy), -1)
        bad = ~np.all(np.isfinite(xy), axis=1)
        k = self._cells(np.where(bad[:, None], 0.0, xy) if bad.any() else xy)
        out = self.view_of_cell[k[:, 0] * self.shape[1] + k[:, 1]]
        out[bad] = -1
        return out


def boxes_of(stacked) -> np.ndarray:
    """The box (x0, y0, x1, y1) of every primitive and insert in ``stacked`` (a
    :class:`~floorplan.io.dxf.frame.Stack`, moved to local metres), found per owner with
    one reduction over the stacked points."""
    out = []
    for owners, big in stacked.groups.values():
        sizes = np.array([len(o.pts) for o in owners])
        keep = sizes > 0
        if not keep.any():
            continue
        starts = np.r_[0, np.cumsum(sizes)[:-1]][keep]
        x, y = big[:, 0], big[:, 1]
        out.append(np.column_stack([np.minimum.reduceat(x, starts), np.minimum.reduceat(y, starts),
                                    np.maximum.reduceat(x, starts), np.maximum.reduceat(y, starts)]))
    return np.vstack(out) if out else np.zeros((0, 4))


def components(n: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Connected components of ``n`` nodes joined by the pairs ``(i, j)``: a label per node
    (the smallest node of its component). Hooks each pair to the smaller label, then
    shortcuts, until nothing changes."""
    label = np.arange(n)
    if not len(i):
        return label
    while True:
        low = np.minimum(label[i], label[j])
        hooked = label.copy()
        np.minimum.at(hooked, i, low)
        np.minimum.at(hooked, j, low)
        while True:
            jumped = hooked[hooked]
            if np.array_equal(jumped, hooked):
                break
            hooked = jumped
        if np.array_equal(hooked, label):
            return label
        label = hooked


def is_grid(polys: list[Polygon]) -> bool:
    """Many near-identical rectangular cells: at least GRID_MIN of the spaces within
    GRID_SAME of their median area, and those the greater part of all."""
    if len(polys) < GRID_MIN:
        return False
    areas = np.array([p.area for p in polys])
    med = float(np.median(areas))
    same = np.abs(areas - med) <= GRID_SAME * med
    rect = np.array([abs(p.area - p.envelope.area) <= 0.01 * p.area for p in polys])
    cells = same & rect
    return int(cells.sum()) >= GRID_MIN and cells.mean() >= 0.6


def standing_apart(polys: list[Polygon]) -> bool:
    """A site or block plan: two or more spaces, none within :data:`WALL_REACH` of another
    (the rooms of a floor plan are packed, a wall's thickness apart; the buildings and
    outbuildings of a site plan stand apart on open ground)."""
    if len(polys) < 2:
        return False
    arr = np.asarray(polys, dtype=object)
    tree = shapely.STRtree(arr)
    i, j = tree.query(arr, predicate="dwithin", distance=WALL_REACH)
    return not bool(np.any(i != j))


def roof_like(polys: list[Polygon]) -> bool:
    """An elevation: the spaces' outline has sloping edges along its top over a third of
    its width (a pitched roof), and no space in it is walled off from the others inside
    (the spaces of an elevation are the façade between its windows)."""
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
    return width > 0 and float(np.abs(v[sloped, 0]).sum()) >= width / 3


@dataclass
class Reading:
    """Which views are read, their levels, and what the reader says about the rest."""

    read: list[int]                       # view numbers read
    level_of: dict[int, float]            # view number -> level
    notes: list[str]
    warning: str | None = None
    doubt: str = ""  # why the views read may not be floor plans at all


def choose(views: list[View], polys: list[Polygon], wanted: int | None = None) -> Reading:
    """Score the views (in place) and decide which are read as floor plans."""
    for v in views:
        _score(v, [polys[k] for k in v.rooms])
    notes: list[str] = []
    doubt = ""
    with_rooms = [v for v in views if v.rooms]
    if wanted is not None:
        chosen = [v for v in views if v.number == wanted]
        if not chosen:
            raise ValueError(f"--view {wanted}: the sheet has views 1-{len(views)} (" + "; ".join(
                v.describe() for v in views) + ")")
        plans = chosen
    else:
        plans = [v for v in with_rooms if v.kind == "plan"]
        if not plans:
            plans = [v for v in with_rooms if v.kind == "other"]
        if not plans and with_rooms:
            plans = [max(with_rooms, key=lambda v: v.score)]
            doubt = (f"no view looks like a floor plan: {plans[0].describe()} read all the "
                     f"same, although it is {plans[0].reason}")
            notes.append(doubt)
    warning = None
    level_of: dict[int, float] = {}
    if len(plans) > 1:
        best = max(plans, key=lambda v: v.score)
        labelled = [v for v in plans if v.level is not None]
        levels = {v.level for v in labelled}
        if len(labelled) == len(plans) and len(levels) == len(plans):
            level_of = {v.number: float(v.level) for v in plans}  # type: ignore[arg-type]
            notes.append("the sheet holds plans of " + ", ".join(
                f"view {v.number} ({v.titles[0] if v.titles else ''})" for v in plans) +
                ": read as their levels")
        else:
            alike = [v for v in plans if v is best or _alike(best, v, polys)]
            if len(alike) == len(plans):
                level_of = {v.number: float(k) for k, v in enumerate(plans)}
                notes.append(f"the sheet holds {len(plans)} plans side by side: read as levels "
                             f"0-{len(plans) - 1}, left to right")
            else:
                warning = ("the sheet holds several plan-like views that do not look like floors "
                           "of one building: " + "; ".join(v.describe() for v in plans) +
                           f". Read view {best.number}, the most plan-like; name another with --view N")
                plans = [best]
    read = [v.number for v in plans]
    if not level_of:
        level_of = {v.number: 0.0 for v in plans}
    for v in views:
        if v.number in read:
            continue
        if v.rooms or v.kind in ("grid", "elevation", "site", "text"):
            why = v.reason or ("not a floor plan" if v.kind != "plan" else "another plan (see the warning)")
            if wanted is not None:
                why = f"--view {wanted} names another"
            notes.append(f"{v.describe()} set aside: {why}")
    skipped = [v for v in views if v.number not in read and not v.rooms and v.kind not in
               ("grid", "elevation", "site", "text")]
    if skipped:
        notes.append(f"{len(skipped)} other views with no closed space of room size set aside "
                     "(symbols, notes, details)")
    return Reading(read, level_of, notes, warning, doubt)


def _score(v: View, polys: list[Polygon]) -> None:
    v.score = 3.0 * v.labels + 2.0 * v.doors + len(polys)
    against = []
    if v.titles and any(_NOT_PLAN.search(t) for t in v.titles) and v.level is None:
        against.append(("other", f"titled {next(t for t in v.titles if _NOT_PLAN.search(t))!r}"))
    if is_grid(polys) and (not v.doors or v.labels < 0.2 * len(polys)):
        against.append(("grid", f"a grid of {len(polys)} near-identical cells"))
    if not v.labels and not v.doors and roof_like(polys):
        against.append(("elevation", "an outline with no inner walls under a roof-like profile "
                                     "(an elevation)"))
    elif not v.labels and not v.doors and standing_apart(polys):
        against.append(("site", f"{len(polys)} outlines standing apart, none within "
                                f"{WALL_REACH} m of another, with no labels or doors (a site "
                                "or block plan)"))
    extent = (v.box[2] - v.box[0]) * (v.box[3] - v.box[1])
    if not v.labels and extent > 0 and v.text_area >= TEXT_SHARE * extent:
        against.append(("text", "mostly text (a title block, legend or schedule)"))
    if against:
        v.kind, v.reason = against[0]
        v.reason = "; ".join(r for _, r in against)
        v.score -= 100
    elif polys and (v.labels or v.doors):
        v.kind = "plan"
    elif polys:
        v.kind = "other"
    else:
        v.kind = "empty"


def _alike(a: View, b: View, polys: list[Polygon]) -> bool:
    """Two plan views that look like floors of one building: footprints of about the same
    width, height and area."""
    fa = shapely.union_all(np.asarray([polys[k] for k in a.rooms], dtype=object))
    fb = shapely.union_all(np.asarray([polys[k] for k in b.rooms], dtype=object))
    (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = fa.bounds, fb.bounds

    def near(p: float, q: float) -> bool:
        return min(p, q) >= SIMILAR * max(p, q)

    return near(ax1 - ax0, bx1 - bx0) and near(ay1 - ay0, by1 - by0) and near(fa.area, fb.area)


def survey(stacked, texts, evidence, polys: list[Polygon], wanted: int | None = None,
           trust_one: bool = False) -> tuple[Reading, list[View], Grid]:
    """Split the sheet into views and choose the floor plans (see the module's docstring).

    ``stacked``: the drawing's points (:func:`~floorplan.io.dxf.frame.stack`, in local
    metres); ``texts``: every text; ``evidence()``: the room labels ((x, y, name)) and
    where door symbols stand ((n, 2)), asked for only when views are scored; ``polys``:
    the rooms found. With ``trust_one`` (rooms from outlines on room layers), a sheet of one
    view is read without scoring it.
    """
    h = np.array([t.height for t in texts], dtype=float)
    x = np.array([t.x for t in texts], dtype=float)
    y = np.array([t.y for t in texts], dtype=float)
    lines = [t.text.split("\n") for t in texts]
    tb = np.column_stack([x, y, x + 0.6 * h * np.array([len(ln[0]) for ln in lines], dtype=float),
                          y + h * np.array([len(ln) for ln in lines], dtype=float)]).reshape(-1, 4)
    rb = shapely.bounds(np.asarray(polys, dtype=object)).reshape(-1, 4) if polys else np.zeros((0, 4))
    allb = np.vstack([boxes_of(stacked), tb, rb])
    grid = Grid(allb)
    views = [View(k + 1, (np.inf, np.inf, -np.inf, -np.inf)) for k in range(grid.n)]
    if polys:
        for k, v in enumerate(grid.at(shapely.get_coordinates(shapely.point_on_surface(
                np.asarray(polys, dtype=object)))).tolist()):
            if v >= 0:
                views[v].rooms.append(k)
    if trust_one and wanted is None and sum(1 for v in views if v.rooms) <= 1:
        read = [v.number for v in views if v.rooms][:1]
        return Reading(read, {n: 0.0 for n in read}, []), views, grid
    labels, doors = evidence()
    if labels:
        for v in grid.at(np.array([(x, y) for x, y, _ in labels])).tolist():
            if v >= 0:
                views[v].labels += 1
    for v in grid.at(doors).tolist():
        if v >= 0:
            views[v].doors += 1
    if texts:
        where = grid.at(tb[:, :2]).tolist()
        for t, v, b in zip(texts, where, tb.tolist(), strict=True):
            if v < 0:
                continue
            views[v].text_area += (b[2] - b[0]) * (b[3] - b[1])
            if _LEVEL.search(t.text) or _NOT_PLAN.search(t.text):
                views[v].titles.append(" ".join(t.text.split()))
    for v in views:
        lv = {level_from_text(t) for t in v.titles} - {None}
        v.level = lv.pop() if len(lv) == 1 else None
    # each view's extent: the boxes of what is drawn in it
    where = grid.at(allb[:, :2])
    ok = (where >= 0) & np.all(np.isfinite(allb), axis=1)
    lo = np.full((grid.n, 2), np.inf)
    hi = np.full((grid.n, 2), -np.inf)
    np.minimum.at(lo, where[ok], allb[ok, :2])
    np.maximum.at(hi, where[ok], allb[ok, 2:])
    for v, a, b in zip(views, lo.tolist(), hi.tolist(), strict=True):
        v.box = (a[0], a[1], b[0], b[1])
    return choose(views, polys, wanted), views, grid
