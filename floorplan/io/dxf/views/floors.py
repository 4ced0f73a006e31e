"""Floors drawn side by side in one view, each under its own level title.

Views are parted by :data:`~floorplan.io.dxf.views.grid.VIEW_GAP` of empty sheet. A sheet
that draws a building's floor plans in a row, closer than that (a dimension line or a
note bridging the gap), makes one view of them all, and its rooms would be read as one
floor. The level titles say otherwise: a careful reader sees GROUND FLOOR PLAN under one
plan and FIRST FLOOR PLAN under the next, and reads two floors.

The mechanism (:func:`floors`): the view's spaces fall into columns along x (or rows
along y), the spaces of one column a wall's thickness apart (:data:`JOIN`), the columns
farther apart than that. Each level title claims a column: a title written in the model
(outside every space: a room's own name is no title) the column its middle stands over
or under; a title written in paper space under a viewport
(:mod:`~floorplan.io.dxf.views.paper`) the columns whose spaces lie mostly in the part of
the model the viewport shows. The view is parted only when:

- two columns or more are claimed by titles naming different levels, and no column by
  two levels;
- a column no title claims joins the nearest claimed one (a detached stair, a bin store);
- each part is a run of neighbouring columns of one level (no level claims two runs), and
  each part is plan-like: a door or a room label in it.

It is then parted midway between the parts' spaces, and each part is a view of its own
(:meth:`~floorplan.io.dxf.views.grid.Grid.split`), whose title gives its level.

>>> from shapely.geometry import box
>>> spaces = [box(0, 0, 5, 4), box(5.2, 0, 9, 4), box(12, 0, 17, 4), box(17.2, 0, 21, 4)]
>>> titles = [Title("GROUND FLOOR PLAN", 0.0, 4.5, -2.0), Title("FIRST FLOOR PLAN", 1.0, 16.5, -2.0)]
>>> floors(spaces, [True, False, True, False], titles)
(0, [10.5], [0.0, 1.0])
>>> level_from_text("1ST FLOOR PLAN"), level_from_text("Mezzanine floor"), level_from_text("Kitchen")
(1.0, 0.5, None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import shapely
from shapely.geometry import Polygon

from floorplan.io.dxf.views.apart import JOIN
from floorplan.io.dxf.views.score import TITLE_CHARS

#: a mezzanine stands between the ground and first floors: its level
MEZZANINE = 0.5
_ORDINALS = {"ground": 0, "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}
LEVEL = re.compile(
    r"\b(?:(?P<ord>ground|first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?:floor|flr|level)"
    r"|(?P<lower>lower\s+ground)(?:\s+(?:floor|flr|level))?"
    r"|(?P<base>basement|cellar)"
    r"|(?P<mezz>mezzanine|mezz\.?(?=\s+(?:floor|flr|level|plan)))"
    r"|(?:level|floor|storey)\s*(?P<num>-?\d{1,2})\b"
    r"|(?P<gf>gf|ff|sf)\s+plan)", re.I)


def level_from_text(text: str) -> float | None:
    """The level a view title names (GROUND FLOOR 0, 1ST FLOOR PLAN 1, BASEMENT -1,
    MEZZANINE FLOOR PLAN :data:`MEZZANINE`, LEVEL 2 2), or ``None``."""
    m = LEVEL.search(text)
    if m is None:
        return None
    if m.group("ord"):
        return float(_ORDINALS[m.group("ord").lower()])
    if m.group("lower") or m.group("base"):
        return -1.0
    if m.group("mezz"):
        return MEZZANINE
    if m.group("num"):
        return float(int(m.group("num")))
    return float({"gf": 0, "ff": 1, "sf": 2}[m.group("gf").lower()])


@dataclass(frozen=True)
class Title:
    """A level title: its text, the level it names, where its middle stands (local
    metres), and for a title written in paper space the box of the model its viewport
    shows."""

    text: str
    level: float
    x: float
    y: float
    frame: tuple[float, float, float, float] | None = None


def marked(polys: list[Polygon], doors: np.ndarray, labels: np.ndarray) -> list[bool]:
    """For each space: a door (of ``doors``, (n, 2)) within :data:`JOIN` of it or a label
    (of ``labels``, (n, 2)) in it."""
    out = np.zeros(len(polys), dtype=bool)
    if not polys:
        return []
    tree = shapely.STRtree(np.asarray(polys, dtype=object))
    if len(doors):
        _, k = tree.query(shapely.points(np.asarray(doors, dtype=float)[:, :2]),
                          predicate="dwithin", distance=JOIN)
        out[k] = True
    if len(labels):
        _, k = tree.query(shapely.points(np.asarray(labels, dtype=float)[:, :2]), predicate="within")
        out[k] = True
    return out.tolist()


def floors(polys: list[Polygon], plan_like: list[bool],
           titles: list[Title]) -> tuple[int, list[float], list[float]] | None:
    """Whether the spaces ``polys`` of one view are floors side by side (see the module's
    docstring): ``(axis, cuts, levels)``, the axis (0: x, 1: y) and where to part the view
    along it, and the level of each part in order; ``None`` when not. ``plan_like``: each
    space has a door or a label (:func:`marked`)."""
    if len(polys) < 2 or len({t.level for t in titles}) < 2:
        return None
    arr = np.asarray(polys, dtype=object)
    bounds = shapely.bounds(arr)
    pts = shapely.get_coordinates(shapely.point_on_surface(arr))
    for axis in (0, 1):
        got = _along(axis, bounds, pts, np.asarray(plan_like, dtype=bool), titles)
        if got is not None:
            return got
    return None


def _columns(lo: np.ndarray, hi: np.ndarray) -> list[list[int]]:
    """The spaces (spans ``lo``..``hi`` along one axis) in columns: spans that overlap or
    lie within :data:`JOIN` of each other, in order along the axis."""
    out: list[list[int]] = []
    end = -np.inf
    for k in np.argsort(lo, kind="stable").tolist():
        if out and lo[k] <= end + JOIN:
            out[-1].append(k)
        else:
            out.append([k])
        end = max(end, float(hi[k])) if len(out[-1]) > 1 else float(hi[k])
    return out


def _along(axis: int, bounds: np.ndarray, pts: np.ndarray, plan_like: np.ndarray,
           titles: list[Title]) -> tuple[int, list[float], list[float]] | None:
    lo, hi = bounds[:, axis], bounds[:, axis + 2]
    cols = _columns(lo, hi)
    if len(cols) < 2:
        return None
    spans = [(float(lo[c].min()), float(hi[c].max())) for c in cols]
    said: list[set[float]] = [set() for _ in cols]
    for t in titles:
        if t.frame is not None:
            x0, y0, x1, y1 = t.frame
            inside = (pts[:, 0] >= x0) & (pts[:, 0] <= x1) & (pts[:, 1] >= y0) & (pts[:, 1] <= y1)
            for c, ks in enumerate(cols):
                if 2 * int(inside[ks].sum()) > len(ks):
                    said[c].add(t.level)
        else:
            at = t.x if axis == 0 else t.y
            for c, (a, b) in enumerate(spans):
                if a <= at <= b:
                    said[c].add(t.level)
    if any(len(s) > 1 for s in said) or len(set().union(*said)) < 2:
        return None
    level: list[float | None] = [next(iter(s)) if s else None for s in said]
    titled = [c for c, lv in enumerate(level) if lv is not None]
    for c in range(len(cols)):  # an untitled column joins the nearest titled one
        if level[c] is None:
            near = min(titled, key=lambda d: max(spans[d][0] - spans[c][1], spans[c][0] - spans[d][1]))
            level[c] = level[near]
    runs: list[tuple[float, list[int]]] = []
    for c, lv in enumerate(level):
        if runs and runs[-1][0] == lv:
            runs[-1][1].append(c)
        else:
            runs.append((float(lv), [c]))  # type: ignore[arg-type]
    if len({lv for lv, _ in runs}) < len(runs):
        return None  # a level claims two runs: not a row of floors
    if not all(plan_like[[k for c in cs for k in cols[c]]].any() for _, cs in runs):
        return None
    cuts = [(spans[a[1][-1]][1] + spans[b[1][0]][0]) / 2 for a, b in pairwise(runs)]
    return axis, cuts, [lv for lv, _ in runs]


def _in_frame(pts: np.ndarray, frame: tuple[float, float, float, float]) -> np.ndarray:
    x0, y0, x1, y1 = frame
    return (pts[:, 0] >= x0) & (pts[:, 0] <= x1) & (pts[:, 1] >= y0) & (pts[:, 1] <= y1)


def paper_views(paper, views, at_room: np.ndarray) -> list[tuple[str, int]]:
    """For each paper-space title (``paper``: (text, frame)), the view (0-based, of
    ``views``, whose ``rooms`` index ``at_room``, each space's point) with the most of its
    spaces in the frame, if any is."""
    out = []
    for text, frame in paper:
        inside = _in_frame(at_room, frame) if len(at_room) else np.zeros(0, dtype=bool)
        counts = [int(inside[v.rooms].sum()) if v.rooms else 0 for v in views]
        if counts and max(counts) > 0:
            out.append((text, int(np.argmax(counts))))
    return out


def part_floors(grid, views, polys: list[Polygon], at_room: np.ndarray, texts, boxes: np.ndarray,
                labels, doors: np.ndarray, paper) -> list[str]:
    """Part each view of ``grid`` that holds floors side by side (:func:`floors`) into
    them, in place (:meth:`~floorplan.io.dxf.views.grid.Grid.split`), and say so. ``views``:
    the views as found (their ``rooms`` index ``polys``; ``at_room``: each space's point);
    ``texts`` and ``boxes``: every text and its box; ``labels`` the room labels ((x, y,
    name)), ``doors`` ((n, 2)); ``paper``: paper-space titles ((text, frame)). A level
    title written in the model counts when it stands in no space (a room's own name)."""
    if len(polys) < 2:
        return []
    arr = np.asarray(polys, dtype=object)
    titles: dict[int, list[Title]] = {}
    cand = []
    for k, t in enumerate(texts):
        title = " ".join(t.text.split())
        lv = level_from_text(title) if len(title) <= TITLE_CHARS else None
        if lv is not None:
            cand.append((k, title, lv))
    if cand:
        mid = np.column_stack([(boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2])
        at = np.array([texts[k].x for k, _, _ in cand]), np.array([texts[k].y for k, _, _ in cand])
        inside = np.zeros(len(cand), dtype=bool)
        i, _ = shapely.STRtree(arr).query(shapely.points(np.column_stack(at)), predicate="within")
        inside[i] = True
        where = grid.at(mid[[k for k, _, _ in cand]])
        for (k, title, lv), v, room in zip(cand, where.tolist(), inside.tolist(), strict=True):
            if v >= 0 and not room:
                titles.setdefault(v, []).append(Title(title, lv, *mid[k].tolist()))
    for text, frame in paper:
        lv = level_from_text(text)
        for _, v in paper_views([(text, frame)], views, at_room) if lv is not None else []:
            titles.setdefault(v, []).append(Title(text, lv, (frame[0] + frame[2]) / 2,  # type: ignore[arg-type]
                                                  (frame[1] + frame[3]) / 2, frame))
    if not titles:
        return []
    lab = np.array([(x, y) for x, y, _ in labels], dtype=float).reshape(-1, 2)
    plan = marked(polys, doors, lab)
    done = []
    for v in sorted(titles, reverse=True):  # the later views first: the earlier keep their numbers
        ks = views[v].rooms
        got = floors([polys[k] for k in ks], [plan[k] for k in ks], titles[v])
        if got is not None:
            grid.split(v, got[0], got[1])
            done.append((v, got))
    notes = []
    for v, (axis, cuts, lvs) in sorted(done):
        first = v + 1 + sum(len(c) for u, (_, c, _) in done if u < v)
        named = [next(t.text for t in titles[v] if t.level == lv) for lv in lvs]
        notes.append(
            f"view {first} held {len(lvs)} floor plans "
            + ("side by side" if axis == 0 else "one above the other")
            + ", each under its own level title (" + ", ".join(repr(n) for n in named)
            + f"): read apart as views {first}-{first + len(lvs) - 1}, parted at "
            + ("x" if axis == 0 else "y") + " " + ", ".join(f"{c:.1f}" for c in cuts) + " m")
    return notes
