"""Views: the separate drawings on one sheet, and which of them are floor plans.

A sheet often holds more than the plan: elevations, sections, a site plan, a reference
grid, a title block, legends and schedules. The linework and text are split into views
(:mod:`~floorplan.io.dxf.views.grid`), clusters separated by at least
:data:`~floorplan.io.dxf.views.grid.VIEW_GAP` of empty space, numbered left to right, then
top to bottom (``--view N`` names one). A view holding floors side by side, each under
its own level title (in the model, or in paper space under a viewport:
:mod:`~floorplan.io.dxf.views.paper`), is parted into them first
(:mod:`~floorplan.io.dxf.views.floors`). Each view is scored
(:mod:`~floorplan.io.dxf.views.score`):

- for a floor plan: room labels in its spaces, doors, closed spaces of room size;
- against: a grid of many near-identical cells that tile (a schedule, a reference grid),
  columns (outlines of one size standing apart), an
  outline with no inner walls under a roof-like profile, a ground line, boards or courses
  butting into its spaces (an elevation), closed loops standing apart with nothing in them
  (a site plan's buildings), a view that is mostly text (a title block, a legend), a
  short title saying ELEVATION, SECTION, SITE PLAN.

The floor-plan views are read. A view that draws the same floor as another, its walls
lying on the other's once shifted (an electrical, furniture, finishes or dimension plan),
is set aside as a copy (:mod:`~floorplan.io.dxf.views.copies`): the one whose labels name
the most rooms is read. Two or more become levels only when they look like floors
of one building: level labels (GROUND FLOOR, 1ST FLOOR PLAN, LEVEL 2...), or footprints of
about the same size. Otherwise the most plan-like view is read (or the one ``--view``
names) and a warning lists the views found. Views set aside are noted with the reason.
When every view with spaces is set aside, none is read: the reader says no floor plan
was found (``--view N`` still reads view N, its rooms marked low confidence).

>>> from shapely.geometry import box
>>> level_from_text("1ST FLOOR PLAN"), level_from_text("Ground floor"), level_from_text("Kitchen")
(1.0, 0.0, None)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
import shapely
from shapely.geometry import Polygon

from floorplan.io.dxf.views.apart import JOIN, apart
from floorplan.io.dxf.views.copies import COPY_SHARE, copy_of, labels_repeat
from floorplan.io.dxf.views.floors import LEVEL, level_from_text, paper_views, part_floors
from floorplan.io.dxf.views.grid import Grid, boxes_of
from floorplan.io.dxf.views.score import SET_ASIDE, TITLE_CHARS, not_plan_title, score

#: a closed space holding at most this many texts holds a room's label (name, area, size)
SPACE_TEXTS = 3
#: two plan views are floors of one building when their footprints' widths, heights and
#: areas agree within this ratio
SIMILAR = 0.7

def refusal(v) -> str:
    """Why view ``v`` is not read, as a sentence whatever its reason says (a reason may be
    a noun, ``a grid of 12 cells``, or a clause, ``its spaces stand on a ground line``).

    >>> class V:
    ...     reason = "its spaces stand on a ground line that runs past them at both ends"
    ...     def describe(self): return "view 1 (26 x 19 m)"
    >>> refusal(V())
    'view 1 (26 x 19 m) does not look like a floor plan: its spaces stand on a ground line that runs past them at both ends'
    """
    return f"{v.describe()} does not look like a floor plan: {v.reason or 'not a floor plan'}"

@dataclass
class View:
    """One view of a sheet: what lies in it and what it was read as."""

    number: int
    box: tuple[float, float, float, float]
    rooms: list[int] = field(default_factory=list)
    labels: int = 0
    named: list[tuple[float, float, str]] = field(default_factory=list)  # its room labels
    labels_in: int = 0  # room labels inside one of its spaces
    doors: int = 0
    lines: int = 0
    text_area: float = 0.0
    titles: list[str] = field(default_factory=list)
    level: float | None = None
    apart: list[int] = field(default_factory=list)  # spaces of a drawing standing apart in it
    swings: int = 0  # of its doors, swings beside walls unbroken across the opening
    kind: str = "other"  # plan, copy, grid, columns, elevation, site, text, titled, empty, other
    reason: str = ""
    score: float = 0.0

    def describe(self) -> str:
        x0, y0, x1, y1 = self.box
        what = f"{len(self.rooms)} rooms, {self.labels} labelled, {self.doors} doors"
        title = f", titled {self.titles[0]!r}" if self.titles else ""
        return (f"view {self.number} ({x1 - x0:.0f} x {y1 - y0:.0f} m at ({x0:.0f}, {y0:.0f}); "
                f"{what}{title})")


@dataclass
class Reading:
    """Which views are read, their levels, and what the reader says about the rest."""

    read: list[int]                       # view numbers read
    level_of: dict[int, float]            # view number -> level
    notes: list[str]
    warning: str | None = None
    doubt: str = ""  # why the views read may not be floor plans at all
    no_plan: str = ""  # why nothing is read: no view looks like a floor plan


def choose(views: list[View], polys: list[Polygon], wanted: int | None = None,
           sources: list[str] | None = None, lines_of=None) -> Reading:
    """Score the views (in place) and decide which are read as floor plans. ``sources``:
    how each of ``polys`` was found (``outline``, ``walls``...); ``lines_of(n)``: the
    linework drawn in view ``n`` (asked for only where the scoring needs it)."""
    srcs = sources if sources is not None else ["outline"] * len(polys)
    def drawn_in(number: int):
        return lambda: lines_of(number) if lines_of is not None else []

    for v in views:
        score(v, [polys[k] for k in v.rooms], [srcs[k] for k in v.rooms], drawn_in(v.number))
    notes: list[str] = []
    doubt = no_plan = ""
    with_rooms = [v for v in views if v.rooms]
    if wanted is not None:
        chosen = [v for v in views if v.number == wanted]
        if not chosen:
            raise ValueError(f"--view {wanted}: the sheet has views 1-{len(views)} (" + "; ".join(
                v.describe() for v in views) + ")")
        plans = chosen
        if chosen[0].kind in SET_ASIDE:
            doubt = (f"{chosen[0].describe()} read as --view {wanted} asks, although it does "
                     f"not look like a floor plan: {chosen[0].reason}")
            notes.append(doubt)
    else:
        plans = [v for v in with_rooms if v.kind == "plan"]
        if not plans:
            plans = [v for v in with_rooms if v.kind == "other"]
        if not plans and with_rooms:
            no_plan = ("no floor plan found: " + "; ".join(refusal(v) for v in with_rooms) +
                ". Nothing is read as rooms; name a view with --view N to read it all the same")
    warning = None
    level_of: dict[int, float] = {}
    if len(plans) > 1 and lines_of is not None:
        plans = set_copies_aside(plans, lines_of)
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
                notes.append(f"the sheet holds {len(plans)} plans {_layout(plans)}: read as levels "
                             f"0-{len(plans) - 1}, " + ", ".join(
                                 f"view {v.number} level {k}" for k, v in enumerate(plans)))
            else:
                warning = ("the sheet holds several plan-like views that do not look like floors "
                           "of one building: " + "; ".join(v.describe() for v in plans) +
                           f". Read view {best.number}, the most plan-like; name another with --view N")
                plans = [best]
    read = [v.number for v in plans]
    if not doubt:
        doubt = unplaced_doors([v for v in plans if v.rooms])
        if doubt:
            notes.append(doubt)
    if not level_of:
        level_of = {v.number: 0.0 for v in plans}
    for v in views:
        if v.number in read:
            continue
        if v.rooms or v.kind in SET_ASIDE:
            why = v.reason or ("not a floor plan" if v.kind != "plan" else "another plan (see the warning)")
            if wanted is not None:
                why = f"--view {wanted} names another"
            notes.append(f"{v.describe()} set aside: {why}")
    for v in views:
        if v.apart and v.number in read:
            notes.append(f"{len(v.apart)} spaces in view {v.number} set aside: they stand apart "
                         f"from its plan (over {JOIN:g} m from its rooms), with no door or label "
                         "in them and no line joining them to it (another drawing: a frame "
                         "or setting-out layout, a north sign, a detail)")
    skipped = [v for v in views if v.number not in read and not v.rooms and v.kind not in SET_ASIDE]
    if skipped:
        notes.append(f"{len(skipped)} other views with no closed space of room size set aside "
                     "(symbols, notes, details)")
    return Reading(read, level_of, notes, warning, doubt, no_plan)


def unplaced_doors(plans: list[View]) -> str:
    """Why the rooms of the plans read are in doubt when the plans' only doors are swings
    drawn beside walls whose faces run on unbroken across the openings, and no label
    stands in their spaces: no door is read in a wall, so the reader cannot tell a room
    from a part of one cut off by fittings or joints drawn with the walls (``""`` when
    not so)."""
    odd = [v for v in plans if v.swings and v.swings == v.doors and not v.labels_in]
    if not odd or len(odd) < len(plans):
        return ""
    return ("the plan's doors are drawn only as swings beside walls that run on unbroken "
            f"across their openings ({sum(v.swings for v in odd)} in "
            + ", ".join(f"view {v.number}" for v in odd) + ") and no label names a room: no "
            "door is read in a wall, so a room cannot be told from a part of one cut off by "
            "fittings or joints drawn with the walls")


def set_copies_aside(plans: list[View], lines_of) -> list[View]:
    """The plan views less those that draw the same floor as another
    (:mod:`~floorplan.io.dxf.views.copies`): of each set of copies the one whose labels
    name the most rooms is kept (the first of those tied), the others given the reason
    they are set aside. Copies whose titles name two levels are floors alike, kept."""
    keep: list[View] = []
    for v in sorted(plans, key=lambda v: (-v.labels_in, v.number)):
        for k in keep:
            if v.level is not None and k.level is not None and v.level != k.level:
                continue
            shift, share = copy_of(lines_of(k.number), lines_of(v.number))
            if share >= COPY_SHARE and labels_repeat(v.named, k.named, shift):
                v.kind = "copy"
                v.reason = (f"a second drawing of view {k.number}'s floor, not another floor: "
                            f"{share:.0%} of the linework of one lies on the other's, moved "
                            f"({round(shift[0], 2) + 0.0:.2f}, {round(shift[1], 2) + 0.0:.2f}) m (an electrical, furniture, finishes "
                            f"or dimension plan); view {k.number} is read, "
                            + ("its labels naming more rooms" if k.labels_in > v.labels_in
                               else "the first of them"))
                break
        else:
            keep.append(v)
    return [v for v in plans if v in keep]


def _layout(plans: list) -> str:
    """How ``plans`` (views) lie on the sheet: ``side by side`` (no two share a stretch of
    x), ``one above the other`` (none shares a stretch of y), or ``apart``.

    >>> from types import SimpleNamespace as V
    >>> _layout([V(box=(0, 0, 10, 8)), V(box=(20, 0, 30, 8))]), _layout([V(box=(0, 0, 10, 8)), V(box=(0, 20, 10, 28))])
    ('side by side', 'one above the other')
    """
    def apart(i: int) -> bool:
        spans = sorted((v.box[i], v.box[i + 2]) for v in plans)
        return all(a[1] <= b[0] for a, b in pairwise(spans))

    if apart(0):
        return "side by side"
    return "one above the other" if apart(1) else "apart"


def _alike(a: View, b: View, polys: list[Polygon]) -> bool:
    """Two plan views that look like floors of one building: footprints of about the same
    width, height and area."""
    fa = shapely.union_all(np.asarray([polys[k] for k in a.rooms], dtype=object))
    fb = shapely.union_all(np.asarray([polys[k] for k in b.rooms], dtype=object))
    (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = fa.bounds, fb.bounds

    def near(p: float, q: float) -> bool:
        return min(p, q) >= SIMILAR * max(p, q)

    return near(ax1 - ax0, bx1 - bx0) and near(ay1 - ay0, by1 - by0) and near(fa.area, fb.area)


def placed_texts(x: np.ndarray, y: np.ndarray, polys: list[Polygon]) -> np.ndarray:
    """For each text (at ``x``, ``y``): the closed space of ``polys`` it labels, or -1. A
    text labels a space it stands in when that space holds at most :data:`SPACE_TEXTS`
    texts (a room's name, area and size), whatever the text's language or the height it
    is written at; a legend's or title block's text stands outside the rooms, or many to
    a space.

    >>> from shapely.geometry import box
    >>> placed_texts(np.array([1.0, 5.0, 9.0]), np.array([1.0, 1.0, 1.0]), [box(0, 0, 3, 3), box(4, 0, 7, 3)]).tolist()
    [0, 1, -1]
    """
    out = np.full(len(x), -1, dtype=int)
    if not len(x) or not polys:
        return out
    ti, pi = shapely.STRtree(np.asarray(polys, dtype=object)).query(
        shapely.points(np.column_stack([x, y])), predicate="within")
    held = np.bincount(pi, minlength=len(polys))
    few = held[pi] <= SPACE_TEXTS
    out[ti[few]] = pi[few]
    return out


def _labelled_spaces(views: list[View], space: np.ndarray) -> set[int]:
    """The spaces whose texts are labels: those of a view in which most spaces (half or
    more) hold their own few texts (:func:`placed_texts`); in a title block only a field
    or two does."""
    out: set[int] = set()
    held = set(space[space >= 0].tolist())
    for v in views:
        mine = held.intersection(v.rooms)
        if mine and 2 * len(mine) >= len(v.rooms):
            out |= mine
    return out


def survey(stacked, texts, evidence, polys: list[Polygon], wanted: int | None = None,
           trust_one: bool = False, sources: list[str] | None = None,
           linework=None, paper=()) -> tuple[Reading, list[View], Grid]:
    """Split the sheet into views and choose the floor plans (see the module's docstring).

    ``stacked``: the drawing's points (:func:`~floorplan.io.dxf.units.frame.stack`, in local
    metres); ``texts``: every text; ``evidence()``: the room labels ((x, y, name)) and
    where door symbols stand ((n, 2)), asked for only when views are scored; ``polys``:
    the rooms found, ``sources`` how each was found; ``linework()``: the shown linework
    ((n, 2) arrays), asked for only when a view's spaces need it. With ``trust_one`` (rooms
    from outlines on room layers), a sheet of one view is read without scoring it.
    ``paper``: the titles written in paper space under the viewports, each with the box of
    the model its viewport shows (local metres; :mod:`~floorplan.io.dxf.views.paper`). A
    view holding floors side by side, each under its own level title, is parted into them
    (:mod:`~floorplan.io.dxf.views.floors`).
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
    by_view: dict[int, list[np.ndarray]] | None = None

    def lines_of(number: int) -> list[np.ndarray]:
        nonlocal by_view
        if by_view is None:
            drawn = [ln for ln in (linework() if linework is not None else []) if len(ln)]
            at = grid.at(np.array([ln[0][:2] for ln in drawn], dtype=float)).tolist()
            by_view = {}
            for ln, k in zip(drawn, at, strict=True):
                by_view.setdefault(k + 1, []).append(ln)
        return by_view.get(number, [])

    at_room = shapely.get_coordinates(shapely.point_on_surface(np.asarray(polys, dtype=object))
                                      ) if polys else np.zeros((0, 2))
    for k, v in enumerate(grid.at(at_room).tolist()):
        if v >= 0:
            views[v].rooms.append(k)
    if trust_one and wanted is None and sum(1 for v in views if v.rooms) <= 1:
        read = [v.number for v in views if v.rooms][:1]
        return Reading(read, {n: 0.0 for n in read}, []), views, grid
    labels, doors, *more = evidence()  # more: swings drawn beside unbroken walls (views/swings)
    swings = np.asarray(more[0], dtype=float).reshape(-1, 2) if more else np.zeros((0, 2))
    doors = np.vstack([np.asarray(doors, dtype=float).reshape(-1, 2), swings])
    parted = part_floors(grid, views, polys, at_room, texts, tb, labels, doors, paper)
    if parted:
        views = [View(k + 1, (np.inf, np.inf, -np.inf, -np.inf)) for k in range(grid.n)]
        for k, v in enumerate(grid.at(at_room).tolist()):
            if v >= 0:
                views[v].rooms.append(k)
    for v in grid.at(swings).tolist():
        if v >= 0:
            views[v].swings += 1
    if labels:
        pts = np.array([(x, y) for x, y, _ in labels], dtype=float)
        for v, lab in zip(grid.at(pts).tolist(), labels, strict=True):
            if v >= 0:
                views[v].labels += 1
                views[v].named.append(lab)
        if polys:
            li, ri = shapely.STRtree(np.asarray(polys, dtype=object)).query(
                shapely.points(pts), predicate="within")
            at = grid.at(pts)
            for k in np.unique(li).tolist():
                if at[k] >= 0:
                    views[at[k]].labels_in += 1
    for v in grid.at(doors).tolist():
        if v >= 0:
            views[v].doors += 1
    for v in views:  # a drawing with no door or label standing apart beside the plan
        gone = set(apart([polys[k] for k in v.rooms], doors, v.named,
                         lambda n=v.number: lines_of(n))) if len(v.rooms) > 1 else set()
        v.apart = [k for n, k in enumerate(v.rooms) if n in gone]
        v.rooms = [k for n, k in enumerate(v.rooms) if n not in gone]
    if texts:
        where = grid.at(tb[:, :2]).tolist()
        space = placed_texts(x, y, polys)
        labelled = _labelled_spaces(views, space)
        for t, v, b, k in zip(texts, where, tb.tolist(), space.tolist(), strict=True):
            if v < 0:
                continue
            if k not in labelled:  # a room's own label is no title block's text, however tall
                views[v].text_area += (b[2] - b[0]) * (b[3] - b[1])
            title = " ".join(t.text.split())
            if len(title) <= TITLE_CHARS and (LEVEL.search(title) or not_plan_title(title)):
                views[v].titles.append(title)
    for title, v in paper_views(paper, views, at_room):
        views[v].titles.insert(0, title)
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
    reading = choose(views, polys, wanted, sources, lines_of)
    reading.notes[:0] = parted
    return reading, views, grid
