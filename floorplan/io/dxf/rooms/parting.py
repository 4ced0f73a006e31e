"""Several room labels in one space: the space parted between them (:func:`split`).

The bridges that may close a gap (:mod:`~floorplan.io.dxf.walls.bridges`: from free wall
ends, and necks from the space's corners), drawn only inside the space, shortest first,
part it when they put each label in a piece of its own; labels that all name parts of one
open-plan room (:func:`one_space`) are never parted. Where two labels each write their
area, the division the figures say is taken first.
"""

from __future__ import annotations

from shapely.geometry import LineString, Point, Polygon

from floorplan.classify import classify
from floorplan.io.dxf.names.labels import ONE_SPACE
from floorplan.io.dxf.names.written import by_area
from floorplan.io.dxf.walls.bridges import candidates, necks
from floorplan.io.dxf.walls.closing import CLOSE_GAP
from floorplan.io.dxf.walls.faces import faces_of, is_room_sized


def _group(name: str) -> object:
    """Labels of one group name parts of one open-plan space and are never parted."""
    use = classify(name)
    for k, g in enumerate(ONE_SPACE):
        if use in g:
            return k
    return name


def split(room: Polygon, lines: list[LineString], labels: list[tuple[float, float]],
          names: list[str] | None = None, areas: list[float | None] | None = None,
          how: list[str] | None = None) -> list[tuple[Polygon, list[int]]] | None:
    """``room`` parted between its ``labels`` by bridges of up to CLOSE_GAP inside it
    (from free wall ends, and necks from its corners), shortest first, each bridge kept
    only when it parts labels that do not name one open-plan space and leaves each piece
    with a label of room size: the pieces with the labels each holds, or ``None`` when
    no bridge parts them. Where two labels each write their area (``areas``), the one
    bridge or two that part them as the figures say, when there are such
    (:func:`~floorplan.io.dxf.names.written.by_area`; ``how`` then gains ``"areas"``)."""
    names = names or [str(k) for k in range(len(labels))]
    groups = [_group(n) for n in names]
    grown = room.buffer(1e-3)
    near = [g for g in lines if g.intersects(grown)]
    edge = [LineString(room.exterior.coords)] + [LineString(r.coords) for r in room.interiors]
    inside = [g for g in near if g.within(grown)]
    cands = candidates(near + edge, within=room) + necks(room)
    cands = sorted((c for c in cands if c.length <= CLOSE_GAP + 1e-9), key=lambda c: c.length)
    pts = [Point(p) for p in labels]

    def pieces(extra: list[LineString]):
        faces = [f for f in faces_of(edge + inside + extra) if f.representative_point().within(room)]
        owner = [next((k for k, f in enumerate(faces) if f.contains(p)), None) for p in pts]
        return faces, owner

    kept: list[LineString] = []
    faces, owner = pieces([])
    parted = 0
    # two rooms' labels, each writing its area: the division the figures say, if any
    said = (by_area(room, pieces, cands, pts, [float(a) for a in areas if a is not None])
            if areas and len(labels) == 2 and None not in areas and _apart(owner, groups) else None)
    if said is not None:
        faces, owner = pieces(said)
        parted = 1
        if how is not None:
            how.append("areas")
    for c in cands[:MAX_TRIES] if said is None else ():
        if not _apart(owner, groups):
            break
        f2, o2 = pieces(kept + [c])
        if None in o2 or len(set(o2)) <= len(set(owner)):
            continue
        if any(is_room_sized(f2[k]) for k in set(o2)):
            continue
        # a group of one open-plan space stays whole
        if any(len({o2[i] for i in range(len(pts)) if groups[i] == g}) > 1 for g in set(groups)):
            continue
        kept.append(c)
        faces, owner = f2, o2
        parted += 1
    if not parted:
        return None
    out: list[tuple[Polygon, list[int]]] = []
    for k in sorted(set(owner), key=lambda k: owner.index(k)):
        out.append((faces[k], [i for i, o in enumerate(owner) if o == k]))
    # pieces no label lies in go with the labelled piece they share most edge with
    for k, f in enumerate(faces):
        if k in owner:
            continue
        best = max(range(len(out)), key=lambda i: out[i][0].boundary.intersection(f.boundary).length)
        merged = out[best][0].union(f)
        if merged.geom_type == "Polygon":
            out[best] = (merged, out[best][1])
    return out


def _apart(owner: list, groups: list) -> bool:
    """Some piece still holds labels of more than one group."""
    by: dict = {}
    for o, g in zip(owner, groups, strict=True):
        by.setdefault(o, set()).add(g)
    return any(len(v) > 1 for v in by.values())


#: at most this many bridges are tried in parting one space
MAX_TRIES = 200


def one_space(names: list[str]) -> bool:
    """The labels name parts of one open-plan room (KITCHEN + LIVING AREA, HALL + STAIRS)."""
    uses = {classify(n) for n in names}
    return any(uses <= group for group in ONE_SPACE)
