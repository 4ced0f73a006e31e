"""Spaces under a room's size kept for the label written in them.

A face of the wall linework under :data:`~floorplan.io.dxf.walls.faces.MIN_AREA` is usually a
column, a duct or the box drawn round a label. A cupboard or a WC can be as small, and
the drawing says which it is: a name written in it whose text fills little of it (a
label box is drawn tight round its text). Such a face is kept, of medium confidence.

>>> from shapely.geometry import box
>>> # a 0.6 x 0.8 m closet labelled CLO. in 0.15 m text: the text fills 0.05 of 0.48 m²
>>> [round(p.area, 2) for p, _ in labelled_small([box(0, 0, 0.6, 0.8)], [(0.2, 0.4, "CLO.", 0.15)])]
[0.48]
>>> # a 1.2 x 0.4 m box drawn round BEDROOM in 0.25 m text: a label box
>>> labelled_small([box(0, 0, 1.2, 0.4)], [(0.1, 0.1, "BEDROOM", 0.25)])
[]
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.affinity import translate
from shapely.geometry import LineString, Point, Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.text import kind as dxf_text
from floorplan.io.dxf.views.score import WALL_REACH
from floorplan.io.dxf.walls.faces import MIN_AREA, MIN_WIDTH, WallRoom

#: a text's width is about this many times its height per character
CHAR_WIDTH = 0.6
#: a text filling more than this share of a small face is a label in its box
LABEL_BOX_SHARE = 0.3


def labelled_small(faces: list[Polygon], texts: list[tuple[float, float, str, float]]
                   ) -> list[tuple[Polygon, str]]:
    """The ``faces`` that hold a name among ``texts`` ((x, y, name, height)) filling
    at most LABEL_BOX_SHARE of them, each with that name."""
    return [(faces[k], name) for k, (name, fills) in _held(faces, texts).items() if not fills]


def label_boxes(faces: list[Polygon], texts: list[tuple[float, float, str, float]]
                ) -> list[Polygon]:
    """The ``faces`` drawn round a text that fills most of them: boxes round labels.

    >>> from shapely.geometry import box
    >>> [p.bounds for p in label_boxes([box(0, 0, 1.2, 0.4)], [(0.1, 0.1, "BEDROOM", 0.25)])]
    [(0.0, 0.0, 1.2, 0.4)]
    """
    return [faces[k] for k, (_, fills) in _held(faces, texts).items() if fills]


def _held(faces, texts) -> dict[int, tuple[str, bool]]:
    """For each face holding a text: the text, and whether it fills the face (more than
    LABEL_BOX_SHARE of it); a text that does not fill it wins."""
    if not faces or not texts:
        return {}
    tree = STRtree(faces)
    out: dict[int, tuple[str, bool]] = {}
    for x, y, name, h in texts:
        for k in tree.query(Point(x, y), predicate="within").tolist():
            fills = h * CHAR_WIDTH * h * max(len(name.strip()), 1) > LABEL_BOX_SHARE * faces[k].area
            if k not in out or (out[k][1] and not fills):
                out[k] = (name, fills)
    return dict(sorted(out.items()))


def cupboards(small: list[Polygon], texts: list, found: list, notes: list[str]) -> list:
    """Faces under a room's size that a name written in them keeps (a cupboard, a WC;
    :mod:`~floorplan.io.dxf.rooms.cupboards`), overlapping no room ``found``; a mark
    (:func:`~floorplan.io.dxf.text.kind.is_mark`: a key letter, ``UP``) keeps none."""
    # a mark is no label (a grid's or a key's letter, 'UP', a door's tag): the third of a
    # shower box's crossed tray that the toilet's key letter 'O' stands in is no cupboard
    kept = [(f, name) for f, name in labelled_small(small, texts) if not dxf_text.is_mark(name)]
    if not kept:
        return []
    tree = STRtree([w.polygon for w in found]) if found else None
    out = []
    for f, name in kept:
        if tree is not None and any(found[i].polygon.intersection(f).area > 0.01 * f.area
                                    for i in tree.query(f, predicate="intersects").tolist()):
            continue
        out.append(WallRoom(f, "walls", "medium", f"a space of {f.area:.2f} m², under a room's "
                            f"size, kept for the label {name!r} in it"))
    if out:
        notes.append(f"{len(out)} spaces under {MIN_AREA} m² kept for the labels in them")
    return out


def fill_label_boxes(found: list, boxes: list[Polygon]) -> None:
    """A box drawn round a label is no wall: the room it stands in, as a hole, keeps
    its floor."""
    if not boxes or not found:
        return
    tree = STRtree(boxes)
    for w in found:
        p = w.polygon
        if not p.interiors or not len(tree.query(p, predicate="intersects")):
            continue
        keep = [r for r in p.interiors
                if not any(Polygon(r).symmetric_difference(boxes[i]).area < 1e-6 * max(boxes[i].area, 1e-9)
                           for i in tree.query(Polygon(r), predicate="intersects").tolist())]
        if len(keep) < len(p.interiors):
            w.polygon = Polygon(p.exterior, keep)


def beside_labels(found: list, arr, texts: list, labels: list[tuple[float, float, str]],
                  notes: list[str]) -> tuple[list, list[tuple[float, float, str]], list[float | None]]:
    """Labels written beside the small space they name, outside it, in the room next to
    it (:func:`~floorplan.io.dxf.names.owners.beside`: the area a label states agrees with that
    space and not with the room it stands in): the spaces of ``small`` (faces under a
    room's size) so named, kept as rooms of medium confidence; ``labels`` ((x, y, name),
    the room labels that seed and part the rooms) with each such label placed in its
    space; and for each label, the area its block states where its name says a small
    room's kind (else ``None``: see :func:`~floorplan.io.dxf.rooms.seeding.place_labels`).
    ``found`` are the rooms in the walls, ``texts`` the texts that may say something of a
    room."""
    from floorplan.io.dxf.names import owners
    from floorplan.io.dxf.names.roles import text_role

    if not labels or not texts or not found:
        return [], labels, [None] * len(labels)
    polys = [w.polygon for w in found]
    tree = STRtree(polys)
    faces = [f for f in arr.small if not any(polys[i].intersection(f).area > 0.01 * f.area
                                         for i in tree.query(f, predicate="intersects").tolist())]
    polys += faces
    areas = [p.area for p in polys]
    tree = STRtree(polys)
    inside: dict[int, list] = {}
    for t in texts:
        hit = tree.query(Point(t.x, t.y), predicate="within").tolist()
        if hit:
            inside.setdefault(min(hit, key=lambda k: areas[k]), []).append(t)
    held = owners.held_blocks(inside)
    small_area = {(t.x, t.y): b.area for bs in held.values() for b in bs if b.small
                  for t in b.texts}
    free = {k for k in _with_doors(polys, arr)
            if not any(text_role(t)[0] for t in inside.get(k, ()))}
    moves = {key: k for key, k in owners.beside(polys, held, free).items() if k is not None}
    where: dict[tuple[float, float], tuple[float, float]] = {}
    extra = []
    for (r, i), k in moves.items():
        block = held[r][i]
        at = polys[k].representative_point()
        for t in block.texts:
            where[(t.x, t.y)] = (at.x, at.y)
        if k >= len(found):
            why = (f"whose stated {block.area:g} m² agrees with it" if block.area is not None
                   else "the only unlabelled space beside it")
            extra.append(WallRoom(polys[k], "walls", "medium", (
                f"a space of {polys[k].area:.2f} m², under a room's size, kept for the label "
                f"{block.name!r} written beside it, outside it, {why}")))
    if moves:
        notes.append(f"{len(moves)} label(s) written beside the small space they name, outside "
                     f"it, placed in that space ({len(extra)} of them spaces under {MIN_AREA} m² "
                     "kept so)")
    return (extra, [(*where.get((x, y), (x, y)), name) for x, y, name in labels],
            [small_area.get((x, y)) for x, y, _ in labels])


#: the seals of these kinds are doors (a jambed opening with a door in it, a swing's seal)
DOOR_KINDS = frozenset({"door", "swing"})


def _with_doors(polys: list[Polygon], arr) -> set[int]:
    """The indices of ``polys`` with a door's seal (``arr.added`` of :data:`DOOR_KINDS`) on
    their outline (all of them where the drawing has no door seal at all)."""
    seals = [g for g, kind in arr.added if kind in DOOR_KINDS and g.length > 0]
    if not seals:  # no door read in the drawing: the doors say nothing
        return set(range(len(polys)))
    tree = STRtree(seals)
    out = set()
    for k, p in enumerate(polys):
        edge = p.boundary.buffer(0.01)
        if any(edge.covers(seals[i]) for i in tree.query(edge, predicate="intersects").tolist()):
            out.add(k)
    return out


def doored(small: list[Polygon], arr, found: list, notes: list[str]) -> list:
    """Faces under a room's size (``small``: from :data:`~floorplan.io.dxf.walls.faces.SMALL_ROOM`
    up) that a doorway opens into from a room ``found``: a cupboard, a closet, a WC, kept
    as rooms of medium confidence. A doorway is an opening between jambs with a door or
    nothing in it (``arr.openings``: its two seals, one on the face's outline and one on a
    room's) or a door swing's seal (``arr.added`` of kind ``swing``) on the room's outline
    and on the face's, or across a wall from it (the swing hung on the room's face of a
    wall drawn on unbroken across the doorway, as JW-CAD draws one: within
    :data:`~floorplan.io.dxf.views.score.WALL_REACH`, square to the seal). A column's
    casing or a duct has no doorway; a face thinner than a room
    (:data:`~floorplan.io.dxf.walls.pinch.MIN_WIDTH`: a wall's band behind a door's swing)
    and the band of wall between an opening's two seals (a thick wall's reveal, as large
    as a closet) lie in the wall, and are never kept; nor is a triangle (under
    :data:`BOXED` of the rectangle round it), a piece of a box crossed by an X. Two such faces parted only by one straight line from corner to corner of
    the rectangle they make (the sign for a store, drawn across a closet) are one
    (:func:`_uncrossed`)."""
    if not small or not found:
        return []
    small, crossed = _uncrossed(small)
    polys = [w.polygon for w in found]
    tree = STRtree(polys)
    ways: list[tuple[LineString, ...]] = [o.seals for o in arr.openings if o.kind in ("bare", "door")]
    ways += [(g,) for g, kind in arr.added if kind == "swing" and g.length > 0]
    if not ways:
        return []
    bands = [Polygon([*w[0].coords, *reversed(w[1].coords)]).buffer(0) for w in ways if len(w) == 2]
    seals = [s for w in ways for s in w]
    owner = [k for k, w in enumerate(ways) for _ in w]
    seal_tree = STRtree(seals)
    out = []
    for f, was_crossed in zip(small, crossed, strict=True):
        if f.buffer(-MIN_WIDTH / 2, join_style="mitre").is_empty:
            continue  # thinner than a room: a wall's band, a door's leaf
        if f.area < BOXED * f.minimum_rotated_rectangle.area:
            continue  # a triangle: a piece of a box crossed corner to corner (a shaft's X)
        if any(polys[i].intersection(f).area > 0.01 * f.area
               for i in tree.query(f, predicate="intersects").tolist()):
            continue
        edge = f.boundary.buffer(0.01)
        near = sorted({owner[i] for i in seal_tree.query(f, predicate="dwithin",
                                                         distance=WALL_REACH).tolist()})
        for w in (ways[k] for k in near):
            mine = [s for s in w if _along(s, edge) or (len(w) == 1 and _across(s, f, edge))]
            if len(mine) != 1 or (len(w) == 2 and any(
                    b.intersection(f).area > 0.01 * f.area for b in bands if b.intersects(f))):
                continue
            other = mine[0] if len(w) == 1 else w[1 - w.index(mine[0])]
            if any(_along(other, polys[i].boundary.buffer(0.01))
                   for i in tree.query(other, predicate="dwithin", distance=0.01).tolist()):
                what = ("crossed corner to corner by one line (the sign for a store)"
                        if was_crossed else "under a room's size")
                out.append(WallRoom(f, "walls", "medium", (
                    f"a space of {f.area:.2f} m², {what}, kept as a cupboard: a doorway "
                    f"{mine[0].length:.2f} m wide opens into it from a room")))
                break
    if out:
        notes.append(f"{len(out)} space(s) under {MIN_AREA} m² (or crossed by a store's sign) "
                     "with a doorway into them from a room kept as cupboards")
    return out


def _across(seal: LineString, f: Polygon, edge: Polygon) -> bool:
    """The swing's ``seal`` lies across a wall from face ``f`` (``edge``: its outline, grown
    by 0.01 m): moved square to itself by its distance from ``f`` (at most
    :data:`~floorplan.io.dxf.views.score.WALL_REACH`), toward it, it lies on that outline."""
    d = float(f.distance(seal))
    if not 0.01 < d <= WALL_REACH:
        return False
    (x0, y0), (x1, y1) = seal.coords[0], seal.coords[-1]
    n = np.array([y0 - y1, x1 - x0]) / max(seal.length, 1e-12)
    return any(_along(translate(seal, *(k * d * n)), edge) for k in (1, -1))


#: a cupboard fills at least this share of the rectangle round it: a triangle (half of
#: it) is a piece of a box crossed corner to corner, the sign of a void or a shaft
BOXED = 0.6
#: a seal lies along an outline when this share of it does (a swing's seal runs on from
#: the face into the wall to its hinge)
SEAL_SHARE = 0.8


def _along(seal: LineString, edge: Polygon) -> bool:
    """At least :data:`SEAL_SHARE` of ``seal`` lies in ``edge`` (an outline, grown)."""
    return seal.intersection(edge).length >= SEAL_SHARE * seal.length


def _uncrossed(small: list[Polygon]) -> tuple[list[Polygon], list[bool]]:
    """``small`` with each pair of faces that one straight line parts from corner to corner
    of the rectangle they make (within 2 % of its area) made one again; and for each face
    out, whether it was so made."""
    if len(small) < 2:
        return list(small), [False] * len(small)
    tree = STRtree(small)
    used: set[int] = set()
    out: list[Polygon] = []
    for i, j in zip(*tree.query(small, predicate="touches"), strict=True):
        if i >= j or i in used or j in used:
            continue
        shared = shapely.line_merge(small[i].boundary.intersection(small[j].boundary))
        if shared.geom_type != "LineString" or len(shared.coords) != 2:
            continue
        u = small[i].union(small[j])
        rect = u.minimum_rotated_rectangle
        if u.geom_type != "Polygon" or rect.area > 1.02 * u.area:
            continue
        corners = np.asarray(rect.exterior.coords)[:-1]
        ends = np.asarray(shared.coords)
        gaps = np.hypot(*(corners[None, :, :] - ends[:, None, :]).transpose(2, 0, 1))
        if (gaps.min(axis=1) <= 0.01).all() and shared.length > 1.01 * max(_sides(rect)):
            out.append(u)
            used.update((int(i), int(j)))
    return [f for k, f in enumerate(small) if k not in used] + out, \
        [False] * (len(small) - len(used)) + [True] * len(out)


def _sides(rect: Polygon) -> tuple[float, float]:
    """The lengths of two neighbouring sides of the rectangle ``rect``."""
    c = np.asarray(rect.exterior.coords)
    return float(np.hypot(*(c[1] - c[0]))), float(np.hypot(*(c[2] - c[1])))
