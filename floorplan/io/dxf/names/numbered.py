"""Spaces with no text in a drawing that numbers its rooms: wall masses, ducts and
cubicles are set aside; a space of a room's size stays, unsure; a WC compartment that
opens only into one numbered room is part of that room (issue 10)."""

from __future__ import annotations

from collections.abc import Sequence

import shapely
from shapely.geometry import Polygon
from shapely.strtree import STRtree

#: a drawing numbers its rooms when at least this many of its rooms carry a number...
NUMBERED_MIN = 3
#: ... and this share of its labelled rooms do (a label or two may lie outside its room)
NUMBERED_SHARE = 0.9
#: ... but an unlabelled space this large (m²; the smallest bedroom any profile allows,
#: NDSS's single bedroom) may be a room whose number is missing: it stays, of unknown use
ROOM_SIZED = 7.5
#: a compartment lies at most this far (m) from the room it opens into: a cubicle
#: partition's or a stud wall's thickness, not a masonry wall's
PARTITION = 0.15
#: a door at most this far (m) from a space opens into it (the door's point lies on the
#: wall or partition line, the seal across it on the face)
DOOR_NEAR = 0.2
#: a door onto no numbered room is a space's own when that space is, within this (m),
#: the nearest to it (a cubicle's door beside the next cubicle's partition is not the
#: next cubicle's)
DOOR_TIE = 0.05
#: a compartment with no fitting drawn in it is a cubicle when its narrower side is at
#: most this wide (m): a WC cubicle is 0.8-1.2 m wide (BS 6465-2)
CUBICLE_WIDTH = 1.2
#: fittings whose kind makes a compartment a WC or shower cubicle
SANITARY_KINDS = frozenset({"wc", "shower", "bath"})


def set_aside_unnumbered(info: list, layers, notes: list[str], areas: list[float],
                         polys: list | None = None, doors: Sequence = (),
                         fittings: Sequence = ()) -> None:
    """In a drawing that numbers its rooms (at least :data:`NUMBERED_MIN` rooms carry a
    number, and :data:`NUMBERED_SHARE` of the labelled ones do), a space the walls enclose
    that holds no text at all is none of its rooms: a wall mass, a duct, a column, a void
    or a cubicle of a numbered room: set aside, counted in the notes. Outlines on a room
    layer (``layers[k]``) stay, and so does a space of :data:`ROOM_SIZED` or more, unsure:
    dropping a room whose number is missing would hide it from the rules.

    A space set aside that is a compartment of one numbered room (see
    :func:`join_compartments`; ``polys`` the spaces, ``doors`` the doors' geometries,
    ``fittings`` ``(polygon, kind)`` pairs) is joined to that room: ``polys`` is updated
    in place."""
    labelled = [ri for ri in info if ri.rid or ri.name or ri.labels or ri.figures]
    numbered = sum(1 for ri in labelled if ri.rid)
    if numbered < NUMBERED_MIN or numbered < NUMBERED_SHARE * len(labelled):
        return
    n = 0
    for ri, layer, area in zip(info, layers, areas, strict=True):
        if not layer and not (ri.rid or ri.name or ri.labels or ri.figures):
            if area >= ROOM_SIZED:
                ri.confidence = "medium" if ri.confidence == "high" else ri.confidence
                ri.reason = "; ".join(filter(None, (ri.reason, (
                    f"no number in it, though the drawing numbers its rooms: {area:.1f} m² is "
                    "a room's size, so it may be a room whose number is missing"))))
                continue
            ri.set_aside = True
            n += 1
    joined = join_compartments(polys, info, doors, fittings) if polys is not None and n else 0
    if joined:
        notes.append(f"{joined} compartment(s) with no label joined to the numbered room they "
                     "open into (a WC cubicle within a washroom)")
    if n - joined:
        notes.append(f"{n - joined} space(s) in the wall linework with no label set aside: the "
                     f"drawing numbers its rooms ({numbered} of {len(labelled)} labelled rooms "
                     "carry a number), so a space without one is a wall mass, duct, column, "
                     "void or a part of a numbered room")


def join_compartments(polys: list, info: list, doors: Sequence, fittings: Sequence) -> int:
    """Join each space set aside (``info[k].set_aside``) that is a compartment of a
    numbered room to that room; how many were joined.

    A compartment opens through a door into one numbered room and into nothing else (no
    other door on it, but for a door onto no room that stands nearer another space:
    :data:`DOOR_TIE`), lies within :data:`PARTITION` of that room, and either holds a
    sanitary fitting (a WC pan: a WC compartment, whatever the room), or is a cubicle (at
    most :data:`CUBICLE_WIDTH` wide) of a room whose name says WC, bathroom or shower room
    (its pan not drawn: the room is lowered to medium confidence, said). A duct or riser
    opening onto a corridor is neither, and stays set aside. The room's outline becomes
    the room and the compartment with the partition between them (``polys`` updated)."""
    from floorplan.classify import classify
    from floorplan.model import WC_USES

    faces = [k for k, ri in enumerate(info) if ri.set_aside]
    rooms = [k for k, ri in enumerate(info) if not ri.set_aside and ri.rid]
    if not faces or not rooms or not doors:
        return 0
    door_arr = shapely.from_wkb(shapely.to_wkb(list(doors)))  # one array, any geometry kind
    tree = STRtree(polys)
    sanitary = [poly for poly, kind in fittings if kind in SANITARY_KINDS]
    joined = 0
    for f in faces:
        face = polys[f]
        near = [d for d in door_arr if face.distance(d) <= DOOR_NEAR]
        if not near:
            continue
        into: set[int | None] = set()
        for d in near:
            hits = {r for r in rooms
                    if polys[r].distance(d) <= DOOR_NEAR and polys[r].distance(face) <= PARTITION}
            if hits:
                into |= hits
            elif face.distance(d) <= _nearest(tree, polys, d) + DOOR_TIE:
                into.add(None)  # a door of its own onto no numbered room: not only one
            # (a door onto no room that stands nearer another space is that space's)
        if len(into) != 1 or None in into:
            continue
        r = into.pop()
        assert r is not None
        holds = any(face.contains(p.representative_point()) for p in sanitary)
        if not holds and not (_narrow(face) <= CUBICLE_WIDTH
                              and classify(info[r].name or "") in WC_USES):
            continue
        merged = _join(polys[r], face)
        if merged is None:
            continue
        polys[r] = merged
        joined += 1
        ri = info[r]
        if holds:
            why = f"takes in a {face.area:.2f} m² compartment with a WC or shower in it"
        else:
            why = (f"takes in a {face.area:.2f} m² cubicle with no fitting drawn in it: "
                   "part of this room, or a space of its own?")
            if ri.confidence == "high":
                ri.confidence = "medium"
        ri.reason = f"{ri.reason}; {why}" if ri.reason else why
    return joined


def _nearest(tree: STRtree, polys: list, door) -> float:
    """How far ``door`` is from the space nearest it (within :data:`DOOR_NEAR`)."""
    near = tree.query(door, predicate="dwithin", distance=DOOR_NEAR)
    return min((float(polys[int(k)].distance(door)) for k in near), default=0.0)


def _narrow(poly: Polygon) -> float:
    """The narrower side of ``poly``'s smallest enclosing rectangle (m)."""
    rect = shapely.oriented_envelope(poly)
    c = shapely.get_coordinates(rect)
    if len(c) < 4:
        return 0.0
    a, b = float(shapely.distance(shapely.points(c[0]), shapely.points(c[1]))), \
        float(shapely.distance(shapely.points(c[1]), shapely.points(c[2])))
    return min(a, b)


def _join(room: Polygon, face: Polygon) -> Polygon | None:
    """``room`` and ``face`` and the partition between them, one polygon (``None`` when
    they do not make one). The partition is what a closing of the two by
    :data:`PARTITION` fills where both lie within that of each other: the band between
    them, not a notch elsewhere in the room's outline."""
    both = shapely.union(room, face)
    half = PARTITION / 2
    closed = shapely.buffer(shapely.buffer(both, half, join_style="mitre"), -half,
                            join_style="mitre")
    zone = shapely.intersection(shapely.buffer(room, PARTITION, join_style="mitre"),
                                shapely.buffer(face, PARTITION, join_style="mitre"))
    merged = shapely.union(both, shapely.intersection(closed, zone))
    return merged if isinstance(merged, Polygon) else None


#: a riser, duct or shaft is a room one can step into only when it is at least this large
#: (m²; the corpus's and the holdout's convention: numbered spaces of 0.5 m² and more are
#: rooms) ...
STEP_IN_AREA = 0.5
#: ... and this wide (m, its largest clear circle's diameter: a person's shoulders)
STEP_IN_WIDTH = 0.6


def set_aside_shafts(info: list, polys: list, notes: list[str]) -> None:
    """A riser, duct or shaft by its name (``ME Riser``) too small or too narrow to step
    into (under :data:`STEP_IN_AREA` or :data:`STEP_IN_WIDTH` across) is a service void
    reached through a panel or a door, not a room: set aside (``info[k].set_aside``),
    listed in the notes with its number and area. A walk-in riser stays a room (of the
    plant use its name gives)."""
    from floorplan.io.dxf.text.kind import is_shaft_name

    out = []
    for ri, poly in zip(info, polys, strict=True):
        if ri.set_aside or not ri.name or not is_shaft_name(ri.name):
            continue
        area = float(poly.area)
        width = 2 * float(shapely.length(shapely.maximum_inscribed_circle(poly, 0.01)))
        if area < STEP_IN_AREA or width < STEP_IN_WIDTH:
            ri.set_aside = True
            out.append(f"{ri.rid + ' ' if ri.rid else ''}{ri.name} ({area:.2f} m², "
                       f"{width:.2f} m across)")
    if out:
        notes.append(f"{len(out)} riser(s), duct(s) or shaft(s) too small to step into (under "
                     f"{STEP_IN_AREA} m² or {STEP_IN_WIDTH} m across) set aside: service voids, "
                     "not rooms: " + ", ".join(out[:12]) + (" …" if len(out) > 12 else ""))
