"""Rooms closed only on a hidden layer that proves itself on the visible reading.

The reader reads what the drawing shows (:mod:`~floorplan.io.dxf.rooms.hidden`): a frozen
or switched-off layer is left out. But a drawing's space objects switched off under
visible linework that leaves rooms open (A1322PE_0: walls not drawn, gaps of 1.2-2.2 m,
kitchen-unit lines for walls), or a net-area layer frozen under a corridor open to the
outside (Newton FF), close rooms whose labels the visible reading lost. A new user does
not know to pass a layer map. So a hidden layer's closed outlines of room size (collected
as :func:`~floorplan.io.dxf.rooms.hidden.room_outlines` collects them) are used, without a
map, only where the layer proves itself on the visible reading (:func:`adopt`):

(a) **it agrees with the rooms read** where both have one. An outline and a room read
    *overlap* when they share more than a sliver (:func:`sliver`: what is left of their
    common area after :data:`SLIVER_WIDTH` is eroded from it is nothing: two tracings of
    the same wall face a few centimetres apart). An overlapping pair *agrees* when their
    common area is within :data:`AGREE_TOLERANCE` of the larger of the two (the same space,
    outlined twice). The layer proves itself when at least :data:`MIN_AGREE` pairs agree
    and they are at least :data:`AGREE_SHARE` of its overlapping pairs: an outline that
    takes in two rooms read, or half of one, is a disagreement and counts against it;
    a layer that disagrees with more than one room in four is another drawing of the
    plan (an old layout, a zoning, furniture), not the same rooms;
(b) **it holds room labels the visible reading lost** (visible texts, the FP010 labels of
    :func:`~floorplan.io.dxf.account.lost_labels`).

Then each outline of the layer that holds lost labels and overlaps no room read (nor an
outline already taken) by more than a sliver becomes a room, named by its labels
(:data:`SOURCE`), at **medium** confidence at most (low when it holds several names),
with a note naming the layer. Its labels are no longer FP010: each room gets a
:data:`CODE` warning that it was closed only on the switched-off layer, so an assessor
knows to look. A hidden layer that does not prove itself keeps the warning of
:func:`~floorplan.io.dxf.rooms.hidden.findings`; a hidden layer holding only text gives
nothing.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Point, Polygon

from floorplan.classify import classify
from floorplan.io.dxf.account import lost_labels
from floorplan.io.dxf.rooms.hidden import room_outlines, state
from floorplan.io.dxf.text import figures as dxf_figures
from floorplan.io.dxf.text.kind import is_code, split_label
from floorplan.io.dxf.walls.marks import hidden_layers
from floorplan.model import InputFinding, Room, Stated, Use

#: how a room closed only on a hidden layer was found (``rooms[].source``)
SOURCE = "hidden_outline"
#: the warning each such room gets (instead of its label's FP010)
CODE = "FP013"
#: two outlines of one wall face drawn apart by less than this (m) overlap by a sliver
#: only: a wall's thinnest partition is 50-100 mm, and no room is this narrow
SLIVER_WIDTH = 0.1
#: an outline and a room read that overlap are the same space when their common area is
#: within this share of the larger: the reader's own tolerance for a written area that
#: agrees with a room (:data:`~floorplan.io.dxf.text.figures.FIGURE_TOLERANCE`), which a
#: window reveal or a door recess taken in or left out stays within
AGREE_TOLERANCE = dxf_figures.FIGURE_TOLERANCE
#: at least this many rooms read must agree with the layer: one or two matching rooms
#: could be chance (a stair core drawn on an old layout)
MIN_AGREE = 3
#: and at least this share of the layer's overlapping pairs: three in four
AGREE_SHARE = 0.75


def sliver(a: Polygon, b: Polygon) -> bool:
    """``a`` and ``b`` share no more than a sliver (narrower than :data:`SLIVER_WIDTH`
    throughout), or nothing."""
    if not a.intersects(b):
        return True
    common = a.intersection(b)
    return common.area == 0 or common.buffer(-SLIVER_WIDTH / 2, join_style="mitre").is_empty


def proof(outlines: list[Polygon], rooms: list[Polygon]) -> tuple[int, int]:
    """(pairs that agree, pairs that overlap) between a layer's ``outlines`` and the
    ``rooms`` read (see the module's docstring)."""
    if not outlines or not rooms:
        return 0, 0
    tree = shapely.STRtree(rooms)
    agree = pairs = 0
    for o in outlines:
        for k in tree.query(o, predicate="intersects").tolist():
            r = rooms[k]
            if sliver(o, r):
                continue
            pairs += 1
            if o.intersection(r).area >= (1 - AGREE_TOLERANCE) * max(o.area, r.area):
                agree += 1
    return agree, pairs


def proves(agree: int, pairs: int) -> bool:
    """The layer agrees with enough of the rooms read (:data:`MIN_AGREE`,
    :data:`AGREE_SHARE`)."""
    return agree >= MIN_AGREE and agree >= AGREE_SHARE * pairs


def adopt(rd, rooms: list[Room], locate) -> list[Room]:
    """The rooms closed only on hidden layers that prove themselves (see the module's
    docstring), with their notes and :data:`CODE` warnings added to ``rd``; their labels
    are taken out of the texts in no room (``rd.outside_texts``) and counted used."""
    hidden = hidden_layers(rd.doc, rd.lmap)
    if not hidden or not rooms:
        return []
    lost = [(t, n) for t, n in lost_labels(rd, rooms) if t.layer not in hidden]
    if not lost:
        return []
    xs = np.array([t.x for t, _ in lost], dtype=float)
    ys = np.array([t.y for t, _ in lost], dtype=float)
    read = [r.polygon for r in rooms]
    tree = shapely.STRtree(read)

    def free(o: Polygon, also: list[Room]) -> bool:  # no overlap beyond a sliver
        return (all(sliver(o, read[k]) for k in tree.query(o, predicate="intersects").tolist())
                and all(sliver(o, r.polygon) for r in also))

    ids = {r.id for r in rooms}
    figs = _figures(rd, hidden)
    out: list[Room] = []
    taken = np.zeros(len(lost), dtype=bool)  # the lost labels now in a room
    gone: set[int] = set()  # the texts now in a room (by id)
    for layer in sorted(hidden):
        uids: dict = {}
        outlines = room_outlines(rd, layer, uids=uids)
        holding = [(o, np.flatnonzero(shapely.contains_xy(o, xs, ys))) for o in outlines]
        holding = [(o, held) for o, held in holding if len(held) and free(o, [])]
        if not holding:
            continue  # no outline clear of the rooms read holds a label lost: nothing to give
        agree, pairs = proof(outlines, read)
        if not proves(agree, pairs):
            rd.notes.append(f"layer {layer!r} ({state(rd.doc, layer)}) outlines rooms the "
                            f"reading lost, but its outlines agree with {agree} of the {pairs} "
                            "rooms read they overlap: not used")
            continue
        for o, held in sorted(holding, key=lambda h: h[0].area):
            held = held[~taken[held]]
            if not len(held) or not free(o, out):
                continue
            number = _number(rd, o, hidden, ids)
            room = _room(rd, _clear(o, read, tree), layer, [lost[i] for i in held], figs,
                         locate, ids, (agree, pairs), number.text if number else None)
            ids.add(room.id)
            out.append(room)
            if id(o) in uids:
                rd.used.add(uids[id(o)])  # read: no longer 'not shown, not read'
            taken[held] = True
            gone.update(id(lost[i][0]) for i in held)
            gone.update(id(t) for t, _ in figs if o.contains(Point(t.x, t.y)))
            if number is not None:
                gone.add(id(number))
    if gone:  # the labels and figures now in a room: used, no longer outside every room
        rd.used.update(t.uid for t in rd.outside_texts if id(t) in gone)
        rd.outside_texts = [t for t in rd.outside_texts if id(t) not in gone]
    return out


def _number(rd, o: Polygon, hidden: set[str], ids: set[str]):
    """The room number written in ``o`` ('Nf95'), as the reader takes a room's id from
    its label (:func:`~floorplan.io.dxf.text.kind.is_code`: not all digits): the one visible
    text in no room read that is a code and no figure, when there is one and no room
    read has that id; else ``None``."""
    found = [t for t in rd.outside_texts
             if t.layer not in hidden and o.contains(Point(t.x, t.y)) and is_code(t.text.strip())
             and dxf_figures.parse(" ".join(t.text.split())) is None]
    codes = {t.text.strip() for t in found}
    return found[0] if len(codes) == 1 and not codes & ids else None


def _figures(rd, hidden: set[str]) -> list:
    """(text, figure) of the written area figures ('11.7m2') among the visible texts in
    no room read."""
    out = []
    for t in rd.outside_texts:
        if t.layer in hidden or not rd.usable_text(t):
            continue
        name = split_label(t.text)[0] or t.text
        fig = dxf_figures.parse(" ".join(t.text.split())) or dxf_figures.parse(name.strip())
        if fig is not None and fig.kind == "area" and fig.area_m2:
            out.append((t, fig))
    return out


def _clear(o: Polygon, read: list[Polygon], tree) -> Polygon:
    """``o`` less the slivers it shares with the rooms read (its largest piece)."""
    near = [read[k] for k in tree.query(o, predicate="intersects").tolist()]
    if not near:
        return o
    left = o.difference(shapely.union_all(near))
    pieces = [g for g in shapely.get_parts(left) if isinstance(g, Polygon)]
    best = max(pieces, key=lambda g: g.area) if pieces else None
    return best if best is not None and best.is_valid and not best.is_empty else o


def _room(rd, o: Polygon, layer: str, held, figs, locate, ids: set[str], tally,
          number: str | None) -> Room:
    names = list(dict.fromkeys(n for _, n in held))
    name = " / ".join(names)
    rid, k = number.strip() if number else f"H{len(ids) + 1}", len(ids) + 1
    while rid in ids:
        k += 1
        rid = f"H{k}"
    st = state(rd.doc, layer)
    level, reason = "medium", (f"closed only on layer {layer!r} ({st}), whose outlines agree with "
                               f"{tally[0]} of the {tally[1]} rooms read they overlap; the "
                               "visible linework leaves it open")
    if len(names) > 1:
        level, reason = "low", reason + f"; it holds several room labels ({name})"
    stated = []
    for t, f in figs:
        if o.contains(Point(t.x, t.y)):
            stated.append(Stated(f.kind, f.text, f.area_m2, f.metres))
            why = dxf_figures.mismatch(f, o)
            if why:
                rd.findings.append(InputFinding("FP008", f"{name}: the drawing says {f.text!r}: "
                                                f"{why}", rooms=(rid,), measured=round(o.area, 4)))
                if dxf_figures.off_by(f, o) > dxf_figures.DOUBT_TOLERANCE:
                    level, reason = "low", reason + f"; the drawing says {f.text!r}, {why}"
    at = o.representative_point()
    rd.notes.append(f"{rid} {name!r}: {o.area:.2f} m², closed only on layer {layer!r} "
                    f"({st}; its outlines agree with {tally[0]} of the {tally[1]} rooms "
                    f"read they overlap), read from it at {level} confidence")
    rd.findings.append(InputFinding(
        CODE, f"{name}: the room was closed only on layer {layer!r}, which is {st}, not in "
        f"the drawing as shown (its label lies in no room the visible linework encloses): "
        "check it on the drawing", rooms=(rid,), entity=layer))
    use = classify(name) if len(names) == 1 else None
    return Room(id=rid, name=name, use=use or Use.OTHER, polygon=o,
                level=locate(at, layer) or 0.0, source=SOURCE,
                properties={"name_from": "text", "layer": layer},
                confidence=level, confidence_reason=reason, stated=tuple(stated))
