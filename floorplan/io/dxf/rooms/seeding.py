"""Room labels decide what else needs closing.

After the walls are sealed and their straight gaps closed, two kinds of label are left:

- a room label that lies in no room: the walls around it leave a gap that no free end
  faces straight on (a corner left open, a wall that stops beside the next one). From
  every free end near the label, the shortest line to other linework within
  :data:`~floorplan.io.dxf.walls.closing.CLOSE_GAP` is a candidate bridge; bridges are added
  shortest first, a step at a time, until the label lies in a face of room size: the
  smallest space around it that such a closing encloses (``label_seeded``). A label
  still without a space is reported (FP010, naming the label and where it is).
- several room labels in one room (:func:`split`): the same bridges, drawn only inside
  that room, split it when they put each label in a space of its own.

>>> from shapely.geometry import LineString
>>> walls = [LineString([(4, 2.4), (4, 0), (0, 0), (0, 3), (3.4, 3)])]
>>> [round(f.area, 2) for f in seek(walls, [(2.0, 1.5)], [])]
[11.82]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, box
from shapely.strtree import STRtree

from floorplan.classify import classify
from floorplan.io.dxf.names.owners import agree
from floorplan.io.dxf.names.written import by_area
from floorplan.io.dxf.walls.closing import CLOSE_GAP, free_ends
from floorplan.io.dxf.walls.faces import Arrangement, WallRoom, faces_of, is_room_sized
from floorplan.io.dxf.walls.morph import Closing
from floorplan.io.dxf.walls.pinch import corner_lines
from floorplan.model import CIRCULATION_USES, COMMUNAL_USES

#: the closing grows by this much a step (metres): the smallest closing that encloses wins
STEP = 0.3
#: linework further than this (metres) from a label is not bridged to find its room
#: (but see :func:`_refined`: a hall's far wall)
NEAR = 15.0


def candidates(lines: list[LineString], within: Polygon | None = None
               ) -> list[LineString]:
    """Shortest lines from each free end of ``lines`` to each other line within
    CLOSE_GAP, none running along a line already drawn or crossing one, shortest first;
    with ``within``, only those lying inside it."""
    ends, _, _ = free_ends(lines)
    if not len(ends):
        return []
    # the lines a segment at a time: an end can be bridged to another part of its own line
    coords, index = shapely.get_coordinates(np.asarray(lines, dtype=object), return_index=True)
    same = index[1:] == index[:-1]
    arr: Any = shapely.linestrings(np.stack([coords[:-1][same], coords[1:][same]], axis=1))
    tree = STRtree(arr)
    pts: Any = shapely.points(ends)
    pi, li = tree.query(pts, predicate="dwithin", distance=CLOSE_GAP)
    if not len(pi):
        return []
    segs: Any = shapely.shortest_line(pts[pi], arr[li])
    length = shapely.length(segs)
    ok = length > 1e-6
    order = np.argsort(length[ok], kind="stable")
    segs = segs[ok][order]
    # the first (shortest) of each pair of ends, either way round, to 0.1 mm
    keys = np.round(shapely.get_coordinates(segs), 4).reshape(-1, 4).tolist()
    first: list[int] = []
    seen: set = set()
    for k, key in enumerate(map(tuple, keys)):
        if key in seen or key[2:] + key[:2] in seen:
            continue
        seen.add(key)
        first.append(k)
    segs = segs[first]
    if not len(segs):
        return []
    keep = np.ones(len(segs), dtype=bool)
    if within is not None:
        keep &= shapely.covers(within.buffer(1e-6), segs)
    # along a line already drawn (its middle on one), or through other linework (the
    # line less its ends crosses or touches one): all tested at once
    mids = shapely.line_interpolate_point(segs, 0.5, normalized=True)
    keep[tree.query(mids, predicate="dwithin", distance=1e-6)[0]] = False
    probes = shapely.linestrings(np.stack([
        shapely.get_coordinates(shapely.line_interpolate_point(segs, t, normalized=True))
        for t in (1e-3, 1 - 1e-3)], axis=1))
    for predicate in ("crosses", "touches"):
        keep[tree.query(probes, predicate=predicate)[0]] = False
    return segs[keep].tolist()


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
    while limit <= CLOSE_GAP + 1e-9:
        use = [c for c in cands if c.length <= limit]
        limit += STEP
        if not use:
            continue
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


def necks(room: Polygon) -> list[LineString]:
    """Shortest lines across ``room`` from each corner that juts into it (a wall end, the
    corner of a wall meeting a space) to the far side within CLOSE_GAP: where a doorway
    with nothing in it, or a wall that stops short, leaves the space open."""
    return corner_lines(room, 1e-3, CLOSE_GAP, NECKS_PER_CORNER)


#: a corner's necks: this many shortest lines across the space are tried from it
NECKS_PER_CORNER = 2


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


#: labels of these uses name parts of one open-plan room
ONE_SPACE = (COMMUNAL_USES, CIRCULATION_USES)


def one_space(names: list[str]) -> bool:
    """The labels name parts of one open-plan room (KITCHEN + LIVING AREA, HALL + STAIRS)."""
    uses = {classify(n) for n in names}
    return any(uses <= group for group in ONE_SPACE)


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
