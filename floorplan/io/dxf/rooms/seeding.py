"""Room labels decide what else needs closing.

After the walls are sealed and their straight gaps closed, two kinds of label are left:

- a room label that lies in no room: the walls around it leave a gap that no free end
  faces straight on (a corner left open, a wall that stops beside the next one). From
  every free end near the label, the shortest line to other linework within
  :data:`~floorplan.io.dxf.walls.closing.CLOSE_GAP` is a candidate bridge; bridges are added
  shortest first, a step at a time, until the label lies in a face of room size: the
  smallest space around it that such a closing encloses (``label_seeded``). A label
  still without a space is reported (FP010, naming the label and where it is).
- several room labels in one room (:func:`~floorplan.io.dxf.rooms.parting.split`): the same
  bridges, drawn only inside that room, split it when they put each label in a space of its own.

>>> from shapely.geometry import LineString
>>> walls = [LineString([(4, 2.4), (4, 0), (0, 0), (0, 3), (3.4, 3)])]
>>> [round(f.area, 2) for f in seek(walls, [(2.0, 1.5)], [])]
[11.82]
"""

from __future__ import annotations

import numpy as np
from shapely.geometry import LineString, Point, Polygon, box
from shapely.strtree import STRtree

from floorplan.io.dxf.names.owners import agree
from floorplan.io.dxf.rooms.parting import one_space, split
from floorplan.io.dxf.walls.bridges import candidates
from floorplan.io.dxf.walls.closing import CLOSE_GAP
from floorplan.io.dxf.walls.faces import Arrangement, WallRoom, faces_of, is_room_sized
from floorplan.io.dxf.walls.morph import Closing

#: the closing grows by this much a step (metres): the smallest closing that encloses wins
STEP = 0.3
#: linework further than this (metres) from a label is not bridged to find its room
#: (but see :func:`_refined`: a hall's far wall)
NEAR = 15.0


def _face_at(lines: list[LineString], pt: Point) -> Polygon | None:
    for f in faces_of(lines):
        if f.contains(pt):
            return f
    return None


def seek(lines: list[LineString], labels: list[tuple[float, float]],
         rooms: list[Polygon], symbols: list[LineString] | None = None) -> list[Polygon | None]:
    """For each label point, the smallest face of room size that bridges of up to
    CLOSE_GAP from free ends near it enclose (and that overlaps none of ``rooms``), or
    ``None``. ``symbols`` (the lines of door and window symbols) stand in the wall mass
    when it is closed around a label: a door or a window fills its opening."""
    if not lines:
        return [None] * len(labels)
    tree = STRtree(np.asarray(lines, dtype=object))
    room_tree = STRtree(rooms) if rooms else None
    out: list[Polygon | None] = []
    # the wall mass near the labels, closed only if a label needs it
    xs, ys = [x for x, _ in labels], [y for _, y in labels]
    around = box(min(xs) - NEAR, min(ys) - NEAR, max(xs) + NEAR, max(ys) + NEAR)
    closing = Closing([lines[i] for i in tree.query(around).tolist()]
                      + [g for g in symbols or () if g.intersects(around)]) if labels else None
    for x, y in labels:
        pt = Point(x, y)
        found = _bridged(lines, tree.query(box(x - NEAR, y - NEAR, x + NEAR, y + NEAR)).tolist(),
                         pt, rooms, room_tree)
        if found is None:  # no free end to bridge: close the wall band around the label
            found = _closed_around(closing, pt, rooms, room_tree)
            if found is not None:  # its walls, bridged, where some stand beyond NEAR
                found = _refined(found, lines, tree, pt, rooms, room_tree)
        out.append(found)
    return out


def _bridged(lines, near_ids: list[int], pt: Point, rooms, room_tree) -> Polygon | None:
    """The smallest face of room size around ``pt`` that bridges of up to CLOSE_GAP from
    the free ends of ``lines[near_ids]`` enclose (overlapping none of ``rooms``), or
    ``None``."""
    near = [lines[i] for i in near_ids]
    cands = candidates(near)
    limit = STEP
    tried = 0  # the bridges of the last limit tried: a limit adding none finds the same face
    while limit <= CLOSE_GAP + 1e-9:
        use = [c for c in cands if c.length <= limit]
        limit += STEP
        if len(use) == tried:
            continue
        tried = len(use)
        f = _face_at(near + use, pt)
        if f is None or is_room_sized(f):
            continue
        if _overlaps(f, rooms, room_tree):
            continue
        return f
    return None


def _overlaps(f: Polygon, rooms, room_tree) -> bool:
    """Whether ``f`` overlaps one of ``rooms`` by more than 1 % of the smaller."""
    return room_tree is not None and any(
        f.intersection(rooms[i]).area > 0.01 * min(f.area, rooms[i].area)
        for i in room_tree.query(f, predicate="intersects").tolist())


def _refined(space: Polygon, lines, tree, pt: Point, rooms, room_tree) -> Polygon:
    """The face that bridging the walls round ``space`` (a space the closing of the wall
    mass found round ``pt``) encloses, when it is that space: a hall whose label stands
    further than NEAR from its far wall is found by the closing, which fills what stands
    in it (its columns) and rounds its corners; the face of its walls is its floor."""
    x0, y0, x1, y1 = space.buffer(CLOSE_GAP).bounds
    face = _bridged(lines, tree.query(box(x0, y0, x1, y1)).tolist(), pt, rooms, room_tree)
    if face is None or face.symmetric_difference(space).area > SAME_SPACE * space.area:
        return space
    return face


#: a face of the walls differing from the closing's space by less than this share of it
#: is that space
SAME_SPACE = 0.1


def _closed_around(closing, pt: Point, rooms, room_tree) -> Polygon | None:
    """The smallest space of room size around ``pt`` that closing the wall mass by up to
    CLOSE_GAP encloses, overlapping none of ``rooms``."""
    r = STEP / 2
    while r <= CLOSE_GAP / 2 + 1e-9:
        for f in closing.spaces(round(r, 6)):
            if not f.contains(pt) or is_room_sized(f):
                continue
            if _overlaps(f, rooms, room_tree):
                continue
            return f
        r += STEP / 2
    return None


def _merged(room: WallRoom, names: list[str]) -> None:
    """``room`` holds labels no closing parts: read as one room, of low confidence
    (reported as FP009)."""
    room.labels = names
    room.confidence = "low"
    room.reason = (f"one space holds the labels {', '.join(map(repr, names))} and no closing "
                   f"of its walls up to {CLOSE_GAP} m parts them: read as one room")


def _names_its_own(stated: float | None, area: float) -> bool:
    """A label stating ``stated`` m² (a small room's) may name a space of ``area`` m²."""
    return stated is None or agree(stated, area)


def place_labels(rooms: list[WallRoom], arr: Arrangement, labels: list[tuple[float, float, str]],
                 notes: list[str], stated: list[float | None] | None = None,
                 written: list[float | None] | None = None) -> None:
    """Let the room labels decide what else needs closing (see the module's docstring):
    ``rooms`` gains the label-seeded rooms and the pieces of split rooms, in place. A label
    left without a room is reported with the other labels in no room (FP010), a space
    holding several labels that no closing parts has low confidence (FP009).

    ``stated`` (one per label, or ``None``): the area the label of a small room (a
    cupboard, a store, a riser) states. Such a label names a space of that size: it does
    not part off a piece whose area disagrees with it (the riser beside a corridor whose
    own box the walls do not close); in a space that no closing parts, holding one label
    besides such labels whose areas disagree with it, that one label names the space
    (:func:`_names_its_own`: a seminar room with the labels of its cupboards written over
    it). A space still holding several rooms' labels keeps them all in its name."""
    if not labels:
        return
    said = stated or [None] * len(labels)
    lines = arr.all()
    polys = [r.polygon for r in rooms]
    tree = STRtree(polys) if polys else None
    homes: dict[int, list[int]] = {}
    lost: list[int] = []
    for k, (x, y, _) in enumerate(labels):
        hit = [] if tree is None else tree.query(Point(x, y), predicate="within").tolist()
        if hit:
            homes.setdefault(min(hit, key=lambda i: polys[i].area), []).append(k)
        else:
            lost.append(k)
    seeded = unplaced = merged = 0
    if lost:
        found = seek(lines, [labels[k][:2] for k in lost], polys, arr.symbols)
        for k, f in zip(lost, found, strict=True):
            x, y, name = labels[k]
            if f is not None and any(r.polygon.equals(f) for r in rooms[len(polys):]):
                continue  # a second label in a room the first one found
            if f is None:  # reported with the other labels in no room (FP010)
                unplaced += 1
                continue
            seeded += 1
            rooms.append(WallRoom(f, "label_seeded", "low",
                                  f"the walls around the label {name!r} leave gaps; closed "
                                  f"(up to {CLOSE_GAP} m) to the smallest space around it"))
    if seeded:  # the labels' homes again, the seeded rooms with them
        polys = [r.polygon for r in rooms]
        tree = STRtree(polys)
        homes = {}
        for k, (x, y, _) in enumerate(labels):
            hit = tree.query(Point(x, y), predicate="within").tolist()
            if hit:
                homes.setdefault(min(hit, key=lambda i: polys[i].area), []).append(k)
    split_n = 0
    for r, ks in sorted(homes.items()):
        if len(ks) < 2:
            continue
        names = [labels[k][2] for k in ks]
        if one_space(names):
            continue
        how: list[str] = []
        parts = split(rooms[r].polygon, lines, [labels[k][:2] for k in ks], names,
                      [written[k] for k in ks] if written else None, how)
        while parts is not None:  # a small room's label parts off no piece of another size
            wrong = {ks[i] for f, idx in parts for i in idx
                     if not _names_its_own(said[ks[i]], f.area)}
            if not wrong:
                break
            ks = [k for k in ks if k not in wrong]
            names = [labels[k][2] for k in ks]
            parts = (split(rooms[r].polygon, lines, [labels[k][:2] for k in ks], names)
                     if len(ks) > 1 and not one_space(names) else None)
        if parts is None:
            own = [k for k in ks if _names_its_own(said[k], rooms[r].polygon.area)]
            if len(own) <= 1:  # the room's own label, the small rooms' labels beside it
                ks = own
                names = [labels[k][2] for k in ks]
            if len(ks) > 1 and not one_space(names):
                _merged(rooms[r], names)
                merged += 1
            continue
        split_n += 1
        why = (f"parted from one space holding the labels {', '.join(map(repr, names))} "
               + ("as the areas written in them say" if how else
                  f"across its narrowest openings (up to {CLOSE_GAP} m)"))
        pieces = []
        for f, idx in parts:
            w = WallRoom(f, "label_seeded", "medium", why)
            held = [names[i] for i in idx]
            if len(held) > 1 and not one_space(held):
                _merged(w, held)
                merged += 1
            pieces.append(w)
        rooms[r] = pieces[0]
        rooms.extend(pieces[1:])
    if seeded or split_n or unplaced or merged:
        notes.append(f"room labels: {seeded} rooms found around labels that lay in no room, "
                     f"{unplaced} labels still in no room, {split_n} spaces split between their "
                     f"labels, {merged} spaces holding several labels that no closing parts")
