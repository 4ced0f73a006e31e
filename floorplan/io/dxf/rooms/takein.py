"""A labelled room takes in the unlabelled space its label's written area says is part of it.

A room's label often writes the room's area (``使用面积：30.17㎡``, ``12.5 m²``): the
drafter's own measure of the room. Where the walls part a room into two spaces through a
doorway, a WC and its wash lobby (holdout5's floor2: '女卫生间' 24.32 m² read, 30.17 m²
written, and an unlabelled 5.56 m² lobby through the doorway), the label lies in one and
the other is read as an unlabelled room; its area, added, makes the written one.

So a space in the walls holding one room label whose written area its own does not agree
with (:func:`agrees`: as the FP008 check has it) and exceeds takes in a neighbour
through a doorway (an opening the wall reader found, with a door or bare, not a window)
when the neighbour holds no label and the two, with the doorway between them, agree with
the written area, and exactly one neighbour does. The room is then the union, said in
its reason and in a note; its confidence is not raised.

>>> from shapely.geometry import box
>>> a, b = box(0, 0, 4, 3), box(4.2, 0, 6.2, 3)
>>> round(joined(a, b, box(4, 1, 4.2, 1.9)).area, 2)
18.18
"""

from __future__ import annotations

from typing import Any

import shapely
from shapely.geometry import MultiLineString, Point, Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.text import kind as dxf_text
from floorplan.io.dxf.text.figures import FIGURE_TOLERANCE

#: a doorway touches a space within this (metres: the seal lies on the space's face)
TOUCH = 0.01


def agrees(written: float, area: float) -> bool:
    """A written area and a measured one agree as the reader's FP008 check has them
    (within :data:`~floorplan.io.dxf.text.figures.FIGURE_TOLERANCE` of the written)."""
    return abs(written - area) <= FIGURE_TOLERANCE * written


def joined(a: Polygon, b: Polygon, doorway: Polygon) -> Polygon | None:
    """``a`` and ``b`` joined through ``doorway``, one polygon, or None."""
    g = shapely.union_all([a, doorway, b]).buffer(TOUCH, join_style="mitre").buffer(
        -TOUCH, join_style="mitre")
    return g if g.geom_type == "Polygon" else None


def label_areas(rd, written):
    """``written`` (the area written in the block of the label at (x, y), or None), or else
    the one area the label's own text writes (a keyed label, '名称：女卫生间 / 使用面积：30.17㎡',
    is one text: its block holds no area text of its own)."""
    own: dict[tuple[float, float], float] = {}
    for t in rd.col.texts:
        if not rd.usable_text(t):
            continue
        figs = [v.area_m2 for k, v in dxf_text.split_label(t.text)[1]
                if k == "figure" and v.kind == "area" and v.area_m2]
        if len(figs) == 1:
            own[(round(float(t.x), 3), round(float(t.y), 3))] = figs[0]

    def area_at(x: float, y: float) -> float | None:
        got = written(x, y)
        return got if got is not None else own.get((round(float(x), 3), round(float(y), 3)))
    return area_at


def take_in(found: list, openings: list, labels: list[tuple[float, float, str]],
            written, notes: list[str]) -> tuple[list, list[tuple[float, float]]]:
    """``found`` (WallRooms) with each room whose label's written area says so joined to
    its unlabelled neighbour through a doorway (see the module), and the middles of the
    doorways taken in (now within one room: no door between rooms); ``openings``: the
    wall reader's (:class:`~floorplan.io.dxf.walls.openings.Opening`); ``written(x, y)``:
    the area written in the block of the label at (x, y), or None."""
    if len(found) < 2 or not openings or not labels:
        return found, []
    polys = [w.polygon for w in found]
    tree = STRtree(polys)
    held: dict[int, list[int]] = {}
    for k, (x, y, _) in enumerate(labels):
        for r in tree.query(Point(x, y), predicate="within").tolist():
            held.setdefault(int(r), []).append(k)
    ways: dict[int, list[tuple[int, Any, tuple[float, float]]]] = {}
    for o in openings:
        if o.kind == "window" or len(o.seals) != 2:
            continue
        door = shapely.convex_hull(MultiLineString([list(s.coords) for s in o.seals]))
        if door.geom_type != "Polygon":
            continue
        hit = [int(i) for i in tree.query(door, predicate="dwithin", distance=TOUCH)]
        if len(hit) == 2:
            a, b = hit
            ways.setdefault(a, []).append((b, door, o.middle))
            ways.setdefault(b, []).append((a, door, o.middle))
    gone: set[int] = set()
    said = []
    inner: list[tuple[float, float]] = []
    for r, ks in sorted(held.items()):
        if len(ks) != 1 or r in gone:
            continue
        x, y, name = labels[ks[0]]
        area = written(x, y)
        own = polys[r].area
        if area is None or agrees(area, own) or own > area:
            continue
        fits = []
        for n, door, middle in ways.get(r, []):
            if n in held or n in gone or found[n].solid:
                continue
            g = joined(polys[r], polys[n], door)
            if g is not None and agrees(area, g.area):
                fits.append((n, g, middle))
        if len(fits) != 1:
            continue  # two neighbours fit, or one through two doorways: which is not clear
        n, g, middle = fits[0]
        inner.append(middle)
        w = found[r]
        w.polygon = g
        why = (f"takes in the unlabelled {polys[n].area:.2f} m² through its doorway, as its "
               f"label's written {area:g} m² says")
        w.reason = f"{w.reason}; {why}" if w.reason else why
        gone.add(n)
        said.append(f"{name!r} ({own:.2f} + {polys[n].area:.2f} m²)")
    if said:
        notes.append(f"{len(said)} room(s) joined to the unlabelled space beyond a doorway, "
                     "their labels' written areas saying so: " + ", ".join(said[:6])
                     + (", …" if len(said) > 6 else ""))
    return [w for k, w in enumerate(found) if k not in gone], inner
