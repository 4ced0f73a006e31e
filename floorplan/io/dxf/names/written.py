"""The areas a drawing writes for its rooms, and what they say about a space that holds
the labels of several rooms.

A room's label block (its number, name and area, :func:`~floorplan.io.dxf.names.owners.blocks`)
often states its area (``52.28 sqm``, ``5.7m2``). When one space in the walls holds the
blocks of several rooms, each with its area, the figures say how the space divides: a
pair of bridges across it (a wall stub with a doorway beside it and an open end: no one
bridge parts it) is the division when each piece agrees with its label's figure far
better than the whole space does; of the divisions by one bridge or two, the one whose
pieces agree best with the figures (:func:`by_area`).

>>> from shapely.geometry import LineString, box
>>> room = box(0, 0, 10, 5)   # a 50 m² space, a 2 m stub wall at x = 2 from y = 0
>>> def pieces(extra):
...     from floorplan.io.dxf.walls.faces import faces_of
...     edge = [LineString(room.exterior.coords), LineString([(2, 0), (2, 2)])]
...     faces = faces_of(edge + extra)
...     return faces, [next(k for k, f in enumerate(faces) if f.contains(p)) if any(
...         f.contains(p) for f in faces) else None for p in pts]
>>> from shapely.geometry import Point
>>> pts = [Point(1, 1), Point(6, 2.5)]
>>> cands = [LineString([(2, 2), (2, 3)]), LineString([(0, 3), (2, 3)]),
...          LineString([(2, 2), (0, 2)])]
>>> [round(c.length, 1) for c in by_area(room, pieces, cands, pts, [6.0, 44.0])]
[1.0, 2.0]
>>> [round(c.length, 1) for c in by_area(room, pieces, cands, pts, [4.0, 46.0])]
[2.0]
"""

from __future__ import annotations

import math

from shapely.geometry import LineString, Polygon

from floorplan.io.dxf.walls.faces import is_room_sized

#: a piece agrees with its label's written area when it is at most this share as far
#: from it as the whole space is
AGREE_SHARE = 0.25
#: the shortest this many bridges are tried two by two
PAIRS_OF = 16


def by_area(room: Polygon, pieces, cands: list[LineString], pts: list,
            areas: list[float]) -> list[LineString] | None:
    """The bridge, or the two, among ``cands`` (shortest first) that part ``room`` into a
    piece of room size for each of ``pts`` (the labels' points) whose areas agree best
    with the labels' written ``areas`` (the smallest of the largest share by which a
    piece is off its figure), each piece at most AGREE_SHARE as far from its figure as
    the whole space is; or ``None``. ``pieces(extra)`` gives the faces of the room with
    the lines ``extra`` drawn in it, and the face each label lies in."""
    whole = room.area
    if any(w <= 0 or abs(whole - w) < 1e-6 for w in areas):
        return None  # a label's figure is the whole space's: nothing says it divides
    uniq: list[LineString] = []
    seen: set = set()
    for c in cands:
        key = tuple(sorted(tuple(round(v, 3) for v in p) for p in c.coords))
        if key not in seen:
            seen.add(key)
            uniq.append(c)
    uniq = uniq[:PAIRS_OF]
    best: tuple[float, float, list[LineString]] | None = None
    tries = [[a] for a in uniq] + [[a, b] for i, a in enumerate(uniq) for b in uniq[i + 1:]]
    for extra in tries:
        faces, owner = pieces(extra)
        if None in owner or len(set(owner)) != len(pts):
            continue
        if any(is_room_sized(faces[k]) for k in set(owner)):
            continue
        got = [faces[o].area for o in owner]
        if not all(abs(g - w) <= AGREE_SHARE * abs(whole - w)
                   for g, w in zip(got, areas, strict=True)):
            continue
        off = max(abs(g - w) / w for g, w in zip(got, areas, strict=True))
        length = sum(c.length for c in extra)
        if best is None or (off, length) < best[:2]:
            best = (off, length, extra)
    return None if best is None else best[2]


def written_areas(texts, polys: list[Polygon]):
    """A function giving the area written in the label block of the room label at a
    point (``None`` where its block states none), from ``texts`` (the drawing's usable
    texts) grouped into blocks within each of ``polys``."""
    import numpy as np
    import shapely
    from shapely.strtree import STRtree

    from floorplan.io.dxf.names.owners import held_blocks

    at: dict[tuple[float, float], float] = {}
    if texts and polys:
        tree = STRtree(polys)
        pts = shapely.points(np.array([(t.x, t.y) for t in texts], dtype=float))
        ti, ri = tree.query(pts, predicate="within")
        inside: dict[int, list] = {}
        for k, r in zip(ti.tolist(), ri.tolist(), strict=True):
            inside.setdefault(int(r), []).append(texts[k])
        for bs in held_blocks(inside).values():
            for b in bs:
                if b.area is not None and b.named:
                    for t in b.texts:
                        at[(round(t.x, 3), round(t.y, 3))] = b.area

    def area_at(x: float, y: float) -> float | None:
        return at.get((round(float(x), 3), round(float(y), 3)))
    return area_at


def not_its_size(joined: dict[int, tuple[int, str]], texts: list, polys: list,
                 inside: dict[int, list]) -> set[int]:
    """The uids of the texts in ``joined`` (``{text uid: (room, how)}``, the labels
    outside every room, ``texts``, joined to one) to leave unjoined: those joined to a
    room by nearness alone whose block writes an area (among ``texts`` or the rooms'
    texts, ``inside``: a small room's figure may stand in the next room) that the room's
    does not agree with
    (:func:`~floorplan.io.dxf.names.owners.agree`): a riser's label (0.2 m²) written beside
    the 1.44 m² WC cubicle it stands nearest is not the cubicle's."""
    from floorplan.io.dxf.names.owners import agree
    from floorplan.io.dxf.names.roles import is_figure_text, stated_area

    by_uid = {t.uid: t for t in texts}
    near: dict[int, list[int]] = {}
    for uid, (r, how) in joined.items():
        if how == "nearest" and uid in by_uid:
            near.setdefault(r, []).append(uid)
    if not near:
        return set()
    figs = [t for t in texts if is_figure_text(t)]
    figs += [t for ts in inside.values() for t in ts if is_figure_text(t)]
    out: set[int] = set()
    for r, uids in near.items():
        # the figures of the joined labels' blocks: written within BLOCK_GAP heights
        said = {f.uid: stated_area(f.text) for u in uids for f in figs
                if math.hypot(f.x - by_uid[u].x, f.y - by_uid[u].y)
                <= BLOCK_GAP * max(f.height, by_uid[u].height)}
        if any(a is not None and a.area_m2 is not None and not agree(a.area_m2, polys[r].area)
               for a in said.values()):
            out.update(uids)
    return out


#: a label's figure is written within this many text heights of its name (the lines of
#: one label block: :func:`~floorplan.io.dxf.names.owners.blocks` chains them at 3 heights)
BLOCK_GAP = 3.0
