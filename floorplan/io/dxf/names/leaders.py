"""Labels that sit outside their room, joined to it.

A label is often written beside a small room, with a leader pointing in, or just across
the wall. Three ways join such a label to its room, in this order:

1. a LEADER or MULTILEADER whose arrow lies in a room (a MULTILEADER carries its text;
   a LEADER names its MTEXT, or its text is the one at its tail);
2. a loose line drawn from the label into a room: one end by the label, the other well
   inside the room (not on its walls); a label drawn in a box of its own (a border round
   it, on no wall or room layer, holding no other label: :data:`BORDER_AREA` at most) is
   by the line where the line ends on the box;
3. the nearest room within :data:`REACH` metres, when that room has no label of its own
   and no other unlabelled room is about as near.

The first two are said as ``leader``; the third as ``nearest`` (a room named this way is
of medium confidence).

A text *inside* a room at the tail of a leader whose arrow points out of that room (at
its wall, a window, the trim outside) is a note about what the arrow points at, not the
room's name (:func:`pointing_out`): it is taken out of the room and joined, like a label
outside every room, to the room the arrow lies in, if any.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.strtree import STRtree

from floorplan.io.dxf.text.boxes import box as text_box

#: how far (m) outside a room a label may sit and still name it when nothing else joins
#: them: about the thickness of a wall and a label's margin
REACH = 1.0
#: a closed outline round one label, no larger than this (m²), is the label's border: a line
#: from its edge leads from the label (a floor-plan service's boxed labels)
BORDER_AREA = 2.0
#: the nearest room must be nearer than the next unlabelled room by this factor
CLEAR_LEAD = 1.5
#: a line's room end lies at least this far (m) inside the room (a wall end does not)
INSIDE_BY = 0.15
#: where no wall line is read round a room (rooms from outlines), its outer wall is taken
#: to be this thick (m): a label in it is in the building
OUTER_WALL = 0.25
#: a label written against the building's outer wall (a room's number just above it)
#: stands within this many of its text heights of the building's outline; one further off
#: stands clear of the building
LABEL_MARGIN = 1.0
#: the building's outline bridges gaps between its rooms and walls up to twice this (m):
#: halls and corridors not read as rooms are in it (as the door links' footprint has it)
FOOTPRINT_CLOSE = 1.5


@dataclass
class Leader:
    """A leader in local metres: ``arrow`` where it points, ``tail`` where its text is,
    ``text_uid`` the text it carries or names (``None``: the text nearest its tail)."""

    arrow: tuple[float, float]
    tail: tuple[float, float]
    layer: str
    handle: str
    text_uid: int | None = None
    annotation: str | None = None  # a LEADER's MTEXT handle


def read_leaders(msp, col, clean) -> tuple[list[Leader], list]:
    """LEADERs and MULTILEADERs of model space (drawing units, like ``col`` before
    :func:`~floorplan.io.dxf.units.frame.to_local`), and the texts MULTILEADERs carry, made
    :class:`~floorplan.io.dxf.collect.prims.Text` and added to ``col.texts``. ``clean`` makes text
    safe (:func:`~floorplan.io.dxf.load.encoding.clean`)."""
    from floorplan.io.dxf.collect.prims import Text

    leaders: list[Leader] = []
    texts: list = []
    if not any(k[0] in ("LEADER", "MULTILEADER") for k in col.skipped):
        return leaders, texts  # the collector saw none in model space: no walk for them
    # (a plain look at the types, not msp.query: see collect.collect)
    for e in (e for e in msp if e.dxftype() in ("LEADER", "MULTILEADER")):
        try:
            layer, handle = e.dxf.get("layer", "0"), e.dxf.get("handle", "?")
            if e.dxftype() == "LEADER":
                v = [(float(p[0]), float(p[1])) for p in e.vertices]
                if len(v) >= 2:
                    leaders.append(Leader(v[0], v[-1], layer, handle,
                                          annotation=e.dxf.get("annotation_handle")))
                continue
            ctx = e.context
            uid = None
            if ctx.mtext is not None and ctx.mtext.default_content:
                from floorplan.io.dxf.text.kind import mtext_plain

                words = clean(" ".join(mtext_plain(ctx.mtext.default_content).split()))
                if words:
                    p = ctx.mtext.insert
                    t = Text(col.uid(), words, float(p[0]), float(p[1]), layer,
                             float(ctx.char_height or 0.0), handle, etype="MULTILEADER")
                    texts.append(t)
                    uid = t.uid
            for ld in ctx.leaders:
                for line in ld.lines:
                    v = [(float(p[0]), float(p[1])) for p in line.vertices]
                    if v:
                        last = ld.last_leader_point
                        tail = (float(last[0]), float(last[1])) if last is not None else v[-1]
                        leaders.append(Leader(v[0], tail, layer, handle, text_uid=uid))
        except Exception:  # noqa: BLE001 - a broken leader joins nothing; counted as skipped
            continue
        else:
            col.skipped[(e.dxftype(), layer, "not plan geometry")] -= 1
            if col.skipped[(e.dxftype(), layer, "not plan geometry")] <= 0:
                del col.skipped[(e.dxftype(), layer, "not plan geometry")]
    col.texts.extend(texts)
    return leaders, texts


def to_local(leaders: list[Leader], origin, s: float) -> None:
    ox, oy = float(origin[0]), float(origin[1])
    for ld in leaders:
        ld.arrow = ((ld.arrow[0] - ox) * s, (ld.arrow[1] - oy) * s)
        ld.tail = ((ld.tail[0] - ox) * s, (ld.tail[1] - oy) * s)


def _tail_text(ld: Leader, by_uid: dict, by_handle: dict, text_tree, cands: list):
    """The text a leader carries: its own (a MULTILEADER's), the MTEXT a LEADER names,
    or the text whose box holds the leader's tail."""
    t = by_uid.get(ld.text_uid) if ld.text_uid is not None else None
    if t is None and ld.annotation:
        t = by_handle.get(ld.annotation)
    if t is None:
        near = text_tree.query(shapely.Point(ld.tail), predicate="intersects")
        if len(near):
            t = min((cands[int(i)] for i in near),
                    key=lambda c: (c.x - ld.tail[0]) ** 2 + (c.y - ld.tail[1]) ** 2)
    return t


def pointing_out(polys: list, inside: dict[int, list], leaders: list[Leader],
                 texts: list | None = None) -> dict[int, int | None]:
    """``{uid: room index or None}`` for the texts inside a room (``inside``: room index
    -> its texts) that a leader carries from there to a point not well inside that room
    (less than :data:`INSIDE_BY` in from its edge, or outside it): notes about the wall,
    window or trim the arrow points at. The value is the other room the arrow lies well
    inside (a label written in the wrong room, pointing to its own), else ``None``.
    ``texts``: every text of the drawing, of which the one at a leader's tail is the
    leader's (a window's letter beside a room's name is the leader's, not the name).

    >>> from shapely.geometry import box
    >>> from types import SimpleNamespace as T
    >>> note = T(uid=1, handle="A", x=4.3, y=3.3, height=0.1, text="FRAME DECORATION")
    >>> name = T(uid=2, handle="B", x=2.0, y=4.0, height=0.1, text="STORE")
    >>> out = Leader((4.0, 2.7), (4.3, 3.3), "NOTES", "L1")   # arrow below the room
    >>> inn = Leader((2.0, 3.5), (2.0, 4.0), "NOTES", "L2")   # arrow inside it
    >>> pointing_out([box(1, 2.8, 7, 5)], {0: [note, name]}, [out, inn])
    {1: None}
    """
    if not leaders or not inside:
        return {}
    cands = list(texts) if texts else [t for ts in inside.values() for t in ts]
    room_of = {t.uid: r for r, ts in inside.items() for t in ts}
    by_uid = {t.uid: t for t in cands}
    by_handle = {t.handle: t for t in cands}
    text_tree = STRtree(shapely.box(*np.array([text_box(t) for t in cands]).T))
    tree = STRtree(polys)
    out: dict[int, int | None] = {}
    for ld in leaders:
        t = _tail_text(ld, by_uid, by_handle, text_tree, cands)
        if t is None or t.uid not in room_of:
            continue
        arrow = shapely.Point(ld.arrow)
        well_in = [int(i) for i in tree.query(arrow, predicate="within")
                   if polys[int(i)].exterior.distance(arrow) >= INSIDE_BY]
        if room_of[t.uid] in well_in:
            continue
        if out.get(t.uid) is None:  # a leader into a room outweighs one onto a wall
            out[t.uid] = min(well_in, key=lambda i: polys[i].area) if well_in else None
    return out


class Building:
    """The building's gross outline, made when first asked: its rooms (each grown by
    :data:`OUTER_WALL`) and the wall lines within :data:`FOOTPRINT_CLOSE` of them, closed
    by :data:`FOOTPRINT_CLOSE`, holes filled. A label outside it (a neighbouring
    building's name, a site note) names none of the rooms near it.

    >>> from shapely.geometry import box
    >>> import numpy as np
    >>> b = Building([box(0, 0, 4, 3)], [np.array([(-0.4, -0.4), (4.4, -0.4)])])
    >>> b.holds(np.array([(2, -0.3), (2, 3.2), (2, 3.5), (4.8, 1)])).tolist()
    [True, True, False, False]
    """

    def __init__(self, polys: list, walls=()):
        self.polys, self.walls = polys, walls
        self._shape = None
        self.left_out: set[int] = set()  # texts outside it kept from the rooms near them

    def shape(self):
        if self._shape is None:
            rooms = shapely.union_all(shapely.buffer(np.asarray(self.polys, dtype=object),
                                                     OUTER_WALL, join_style="mitre"))
            near = shapely.buffer(rooms, FOOTPRINT_CLOSE)
            shapely.prepare(near)
            shapely.prepare(rooms)
            # the lines near the rooms that reach beyond them (the inner walls add nothing)
            lines = [ln for ln in (shapely.linestrings(np.asarray(p, dtype=float)[:, :2])
                                   for p in self.walls if len(p) >= 2)
                     if near.intersects(ln) and not rooms.contains(ln)]
            body = shapely.union_all([rooms, *shapely.buffer(lines, 0.005, cap_style="flat")])
            closed = shapely.buffer(shapely.buffer(body, FOOTPRINT_CLOSE), -FOOTPRINT_CLOSE)
            parts = [p for p in getattr(closed, "geoms", [closed]) if not p.is_empty]
            self._shape = shapely.union_all(
                [shapely.polygons(shapely.get_exterior_ring(p)) for p in parts] + [body])
            shapely.prepare(self._shape)
        return self._shape

    def notes(self) -> list[str]:
        n = len(self.left_out)
        return [f"{n} label(s) outside the building's outline (its rooms and walls) joined "
                "to no room near them: a neighbour's or a site's name"] if n else []

    def holds(self, pts: np.ndarray, margin=0.0) -> np.ndarray:
        """Whether each point ``(x, y)`` lies in the building or within ``margin`` (m, one
        or one per point) of it."""
        return shapely.dwithin(self.shape(), shapely.points(np.asarray(pts, dtype=float)),
                               np.maximum(np.asarray(margin, dtype=float), 1e-9))


def join(polys: list, outside: list, leaders: list[Leader], lines: list, labelled: set[int],
         is_label, building: Building | None = None, borders=()) -> dict[int, tuple[int, str]]:
    """``{text uid: (room index, "leader" | "nearest")}`` for texts outside every room.

    ``lines`` are candidate leader lines (``(n, 2)`` point arrays in metres, not walls),
    ``labelled`` the rooms already holding a label, ``is_label(text)`` whether a text
    names a room (or states its figures) at all. A text outside ``building`` (when given)
    is joined by a leader or a line only, never to the nearest room. ``borders``: closed
    outlines (polygons) that may be drawn round a label (:data:`BORDER_AREA`).
    """
    out: dict[int, tuple[int, str]] = {}
    cands = [t for t in outside if is_label(t)]
    if not polys or not cands:
        return out
    tree = STRtree(polys)
    arr = np.asarray(polys, dtype=object)

    def room_at(x: float, y: float, inside_by: float = 0.0) -> int | None:
        pt = shapely.Point(x, y)
        hits = [int(i) for i in tree.query(pt, predicate="within")]
        if inside_by > 0:
            hits = [i for i in hits if polys[i].exterior.distance(pt) >= inside_by]
        return min(hits, key=lambda i: polys[i].area) if hits else None

    by_uid = {t.uid: t for t in cands}
    by_handle = {t.handle: t for t in cands}
    boxes = shapely.box(*np.array([text_box(t) for t in cands]).T)
    text_tree = STRtree(boxes)
    ends_tree = STRtree(_in_borders(boxes, cands, borders)) if borders else text_tree
    for ld in leaders:
        t = _tail_text(ld, by_uid, by_handle, text_tree, cands)
        if t is None or t.uid in out:
            continue
        r = room_at(*ld.arrow)
        if r is not None:
            out[t.uid] = (r, "leader")
    # the texts at each end of every line, in one query (each point's hits as its own
    # query gives them: the tree answers every input alike, in the same order)
    drawn = [pts for pts in lines if len(pts) >= 2]
    ends = np.array([(float(p[0]), float(p[1])) for pts in drawn for p in (pts[0], pts[-1])],
                    dtype=float).reshape(-1, 2)
    end_i, text_i = ends_tree.query(shapely.points(ends), predicate="intersects") if len(ends) \
        else (np.zeros(0, dtype=int), np.zeros(0, dtype=int))
    at_end: dict[int, list[int]] = {}
    for e, t_i in zip(end_i.tolist(), text_i.tolist(), strict=True):
        at_end.setdefault(e, []).append(t_i)
    for k, pts in enumerate(drawn):
        for side, (a, b) in enumerate(((pts[0], pts[-1]), (pts[-1], pts[0]))):
            near = at_end.get(2 * k + side, ())
            if not len(near):
                continue
            r = room_at(float(b[0]), float(b[1]), INSIDE_BY)
            if r is None:
                continue
            t = min((cands[int(i)] for i in near),
                    key=lambda c: (c.x - a[0]) ** 2 + (c.y - a[1]) ** 2)
            if t.uid not in out:
                out[t.uid] = (r, "leader")
            break
    # the nearest unlabelled room within reach
    taken = set(labelled) | {r for r, _ in out.values()}
    free = [t for t in cands if t.uid not in out]
    if not free:
        return out
    spots: Any = shapely.points(np.array([(t.x, t.y) for t in free]))
    ti, ri = tree.query(spots, predicate="dwithin", distance=REACH)
    nearby: dict[int, list[tuple[float, int]]] = {}
    dist: Any = shapely.distance(spots[ti], arr[ri]) if len(ti) else []
    for a, b, d in zip(ti.tolist(), ri.tolist(), list(dist), strict=True):
        nearby.setdefault(a, []).append((float(d), b))
    if nearby and building is not None:  # a label outside the building is no room's by nearness
        within = sorted(nearby)
        held = building.holds(np.array([(free[a].x, free[a].y) for a in within]),
                              [LABEL_MARGIN * free[a].height for a in within]).tolist()
        for a, h in zip(within, held, strict=True):
            if not h:
                del nearby[a]
                building.left_out.add(free[a].uid)
    claims: dict[int, list[tuple[float, int]]] = {}
    for a, opts in nearby.items():
        opts = sorted(o for o in opts if o[1] not in taken)
        if not opts:
            continue
        d1, r1 = opts[0]
        if len(opts) > 1 and opts[1][0] < CLEAR_LEAD * d1 + 0.05:
            continue  # between two unlabelled rooms: which one is not clear
        claims.setdefault(r1, []).append((d1, a))
    for r, cl in claims.items():
        cl.sort()
        if len(cl) > 1 and cl[1][0] < CLEAR_LEAD * cl[0][0] + 0.05:
            continue  # two labels for one room: neither is clearly its own
        out[free[cl[0][1]].uid] = (r, "nearest")
    return out


def _in_borders(boxes, cands: list, borders) -> list:
    """``boxes`` (each text's), each grown to the border drawn round its text, where one is:
    the smallest of ``borders`` of at most :data:`BORDER_AREA` that holds the text's point and
    no other text's (its edge, grown a hair, so a line ending on it touches it)."""
    small = [b for b in borders if 0 < b.area <= BORDER_AREA]
    if not small:
        return list(boxes)
    pts = shapely.points(np.array([(t.x, t.y) for t in cands], dtype=float))
    b_i, t_i = STRtree(small).query(pts, predicate="within")
    held: dict[int, list[int]] = {}
    for t, b in zip(b_i.tolist(), t_i.tolist(), strict=True):
        held.setdefault(b, []).append(t)
    out = list(boxes)
    best: dict[int, Any] = {}
    for b, ts in held.items():
        if len(ts) == 1 and (ts[0] not in best or small[b].area < best[ts[0]].area):
            best[ts[0]] = small[b]
    for t, border in best.items():
        out[t] = shapely.union(boxes[t], shapely.box(*border.bounds).buffer(1e-3))
    return out


#: layer kinds whose lines are never leaders
_NOT_LEADERS = ("wall", "room", "door", "obstacle", "ceiling")


class WallLines:
    """The wall linework, for the building's outline (:class:`Building`): lines on wall
    layers, and the lines the rooms were read from; listed only when asked."""

    def __init__(self, reader):
        self.reader = reader

    def __iter__(self):
        r = self.reader
        for p in list(r.col.opens) + list(r.col.loops):
            if (r.layer_kind(p.layer) == "wall" or p.uid in r.used) and not r.blocked(p):
                yield p.pts


class LeaderLines:
    """Lines that may lead from a label to its room, listed only when some label lies
    outside every room: loose linework not used as walls, rooms, doors or fittings."""

    def __init__(self, reader):
        self.reader = reader

    def __iter__(self):
        r = self.reader
        for p in r.col.opens:
            if (p.uid not in r.used and r.layer_kind(p.layer) not in _NOT_LEADERS
                    and not r.blocked(p) and p.etype in ("LINE", "LWPOLYLINE", "POLYLINE")):
                yield p.pts

    def borders(self) -> list:
        """Closed outlines of at most :data:`BORDER_AREA` not used as walls, rooms, doors
        or fittings: a label's border, perhaps (:func:`join`)."""
        from shapely.geometry import Polygon

        r = self.reader
        out = []
        for p in r.col.loops:
            if (p.uid not in r.used and r.layer_kind(p.layer) not in _NOT_LEADERS
                    and not r.blocked(p) and len(p.pts) >= 3):
                poly = Polygon(p.pts[:, :2])
                if poly.is_valid and 0 < poly.area <= BORDER_AREA:
                    out.append(poly)
        return out
