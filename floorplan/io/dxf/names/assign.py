"""Room names and what else text says about a room.

A text belongs to the room its insertion point lies in (the smallest, where rooms
overlap), found through an STRtree so a drawing with thousands of rooms and texts stays
fast; a label outside every room is joined to its room by a leader, a line, or as the
nearest unlabelled room (:mod:`~floorplan.io.dxf.names.leaders`). In one room: block
attributes tagged NAME / ROOM / ROOMNAME win; otherwise the room's name texts, grouped
into labels (lines of one label sit close together) and read top to bottom; otherwise a
layer named ``Room - Kitchen`` names it; otherwise the name is empty (the measuring step
reports the unnamed room; nothing is guessed).

A room holding several labels: a label written clearly larger than the others is the
name (the others are notes: ``WARDROBE``, ``UP``); labels that all name parts of one
open-plan room (kitchen, living, dining) are joined; otherwise the labels are joined
and the room is of low confidence ("holds the labels BEDROOM 2 and BATH").
:mod:`~floorplan.io.dxf.names.labels` weighs them.

Texts that are areas, dimension strings or heights are read as such: the figures stated
for each room are kept with it (:mod:`~floorplan.io.dxf.text.figures`). Text outside every
room (legends, schedules, titles) is counted and left.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.strtree import STRtree

from floorplan.io.dxf.layers import name_from_layer
from floorplan.io.dxf.names import labelkind as dxf_labelkind
from floorplan.io.dxf.names import leaders as dxf_leaders
from floorplan.io.dxf.names import owners as dxf_owners
from floorplan.io.dxf.names.labels import RoomText, group_labels, lower, name_from_labels, take_ids
from floorplan.io.dxf.names.numbered import set_aside_shafts, set_aside_unnumbered
from floorplan.io.dxf.names.roles import (  # noqa: F401 (NAME_TAGS and the rest: the names' own)
    AREA_TAGS,
    DWELLING_TAGS,
    HEIGHT_TAGS,
    ID_TAGS,
    NAME_TAGS,
    USE_TAGS,
)
from floorplan.io.dxf.names.roles import is_figure_text as _is_figure_text
from floorplan.io.dxf.names.roles import is_id_text as _is_id_text
from floorplan.io.dxf.names.roles import is_name_text as _is_name_text
from floorplan.io.dxf.names.roles import number_like as _number_like
from floorplan.io.dxf.names.roles import stated_area as _stated_area
from floorplan.io.dxf.names.straddle import join_number
from floorplan.io.dxf.names.written import not_its_size
from floorplan.io.dxf.text import figures as dxf_figures
from floorplan.io.dxf.text import kind as dxf_text


def room_texts(polys, layers, texts, usable, notes: list[str], used: set[int],
               leaders=(), lines=(), doors=(), fittings=(), walls=(), numbers=frozenset()
               ) -> tuple[list[RoomText], list]:
    """What the texts say about each room, and the texts left over (outside every room).

    ``leaders`` (:class:`~floorplan.io.dxf.names.leaders.Leader`) and ``lines`` (point arrays
    that may be drawn from a label to its room) join labels outside every room. ``doors``
    (geometries) and ``fittings`` (``(polygon, kind)``) tell a numbered room's unlabelled
    compartments, joined to it in ``polys``
    (:func:`~floorplan.io.dxf.names.numbered.set_aside_unnumbered`). ``walls`` (point arrays)
    with the rooms outline the building: a label outside it is no room's by nearness.
    ``numbers``: the uids of the texts that number a room alone
    (:func:`~floorplan.io.dxf.names.roomnumbers.lone_numbers`): ``G03`` is that room's
    number, though a letter and two digits may also be a mark of the drawing.
    """
    info = [RoomText() for _ in polys]
    cands = [t for t in texts if usable(t)]
    inside: dict[int, list] = {}
    outside = []
    if polys and cands:
        tree = STRtree(polys)
        pts = shapely.points(np.array([(t.x, t.y) for t in cands]))
        ti, ri = tree.query(pts, predicate="within")
        areas = shapely.area(np.asarray(polys, dtype=object))
        best: dict[int, int] = {}
        for a, b in zip(ti.tolist(), ri.tolist(), strict=True):
            if a not in best or areas[b] < areas[best[a]]:
                best[a] = b
        for k, t in enumerate(cands):
            if k in best:
                inside.setdefault(best[k], []).append(t)
            else:
                outside.append(t)
    else:
        outside = cands
    via: dict[int, str] = {}
    pointed = (dxf_leaders.pointing_out(polys, inside, list(leaders), texts)
              if leaders else {})
    if pointed:
        _notes_pointing_out(inside, cands, pointed, via, notes)
    if polys and outside:
        building = dxf_leaders.Building(polys, walls)
        outside = _join_outside(polys, inside, outside, leaders, lines, via, building)
        notes += building.notes()
    outside += [t for t in cands if pointed.get(t.uid, 0) is None]
    outside += dxf_owners.settle(inside, cands, _is_id_text, via, notes)
    join_number(inside, cands, _is_id_text, [float(p.area) for p in polys], notes)
    lost = dxf_owners.place_beside(polys, inside, via, notes, doors)
    outside += [t for ts in lost.values() for b in ts for t in b.texts]
    for r, ts in inside.items():
        c = polys[r].centroid if len(ts) > 1 else None
        _read_room(info[r], ts, via, notes, used, None if c is None else (c.x, c.y), numbers)
    for r, bs in lost.items():
        lower(info[r], "low", "holds the label" + "s" * (len(bs) > 1) + " of " + ", ".join(
            f"{b.name!r} ({b.area:g} m²)" for b in bs[:3]) + (", …" if len(bs) > 3 else "")
            + ", found apart from it nowhere: it may take in what they name")
    named = {lay: name_from_layer(lay) for lay in set(layers)}  # few layers, many rooms
    for r, layer in enumerate(layers):
        if not info[r].name:
            from_layer = named[layer]
            if from_layer:
                info[r].name, info[r].name_from = from_layer, "layer"
        if dxf_text.is_wheelchair_name(info[r].name):
            info[r].wheelchair = True
    set_aside_unnumbered(info, layers, notes, [float(p.area) for p in polys], polys, doors,
                         fittings)
    set_aside_shafts(info, polys, notes)
    return info, outside


def _notes_pointing_out(inside, cands, pointed, via, notes) -> None:
    """Take the texts :func:`~floorplan.io.dxf.names.leaders.pointing_out` found out of their
    rooms: into the room their leader points into, else out of every room."""
    for r in list(inside):
        inside[r] = [t for t in inside[r] if t.uid not in pointed]
    for t in cands:
        if pointed.get(t.uid) is not None:
            inside.setdefault(pointed[t.uid], []).append(t)
            via[t.uid] = "leader"
    n = len(pointed)
    notes.append(f"{n} text{'s' * (n != 1)} inside a room with a leader pointing out of it "
                 "read as a note on what the leader points at, not as that room's name")


def _join_outside(polys, inside, outside, leaders, lines, via, building=None) -> list:
    """Join labels (then figures, then room numbers) outside every room to their rooms;
    the rest stay out. ``building``: the one label is looked for in (the nearest room
    takes only labels inside it)."""
    has_name = {r for r, ts in inside.items() if any(_is_name_text(t) for t in ts)}
    borders = lines.borders() if hasattr(lines, "borders") else []  # labels drawn in boxes
    joined = dxf_leaders.join(polys, outside, list(leaders), list(lines), has_name, _is_name_text,
                              building, borders)
    rest = [t for t in outside if t.uid not in joined]
    has_fig = {r for r, ts in inside.items() if any(_is_figure_text(t) for t in ts)}
    has_fig |= {r for uid, (r, _) in joined.items()
                if any(_is_figure_text(t) for t in outside if t.uid == uid)}
    joined.update(dxf_leaders.join(polys, rest, list(leaders), list(lines), has_fig,
                                   _is_figure_text, building))
    rest = [t for t in rest if t.uid not in joined]
    has_id = {r for r, ts in inside.items() if any(_is_id_text(t) for t in ts)}
    ids_out = {t.uid for t in outside if _is_id_text(t)}
    has_id |= {r for uid, (r, _) in joined.items() if uid in ids_out}
    joined.update(dxf_leaders.join(polys, rest, list(leaders), list(lines), has_id, _is_id_text,
                                   building))
    for uid in not_its_size(joined, outside, polys, inside):  # a label near a space of another size
        del joined[uid]
    for uid in _tagged_near(joined, outside, inside):  # a numbered room keeps its number
        del joined[uid]
    for t in outside:
        if t.uid in joined:
            r, how = joined[t.uid]
            inside.setdefault(r, []).append(t)
            via[t.uid] = how
    return [t for t in outside if t.uid not in joined]


def _tagged_near(joined: dict, outside: list, inside: dict) -> list[int]:
    """The name texts ``joined`` to a room only by nearness where that room holds its own
    room tag, a number with its written area
    (:func:`~floorplan.io.dxf.names.labelkind.room_tags`): the tag names the room, and the
    text outside it (``Bygning 1322`` beyond a corridor's door) is another's."""
    near = {t.uid for t in outside if joined.get(t.uid, (None, ""))[1] == "nearest"
            and _is_name_text(t)}
    rooms = {joined[uid][0] for uid in near}
    tagged = {r for r in rooms if dxf_labelkind.room_tags(inside.get(r, ()))}
    return [uid for uid in near if joined[uid][0] in tagged]


def _read_room(ri: RoomText, ts: list, via: dict[int, str], notes: list[str], used: set[int],
               centre: tuple[float, float] | None = None, numbers=frozenset()) -> None:
    if len(ts) > 1:  # most rooms hold one text: no key to work out
        ts.sort(key=lambda t: (-round(t.y, 3), t.x))
    tagged, plain = [], []  # plain: (text, name part, is a note)
    ids: list[str] = []      # the room's numbers: tagged, on a number layer, or code-shaped
    by_layer: set[int] = set()  # name texts on a layer named for room names
    for t in ts:
        used.add(t.uid)
        tag = (t.tag or "").upper()
        says = None if t.tag else dxf_text.layer_says(t.layer)
        if says == "mark":  # a door's or a window's number
            continue
        if says == "id" and _number_like(t.text):
            ids.append(" ".join(t.text.split()))
            continue
        if says == "area" and (fig := _stated_area(t.text, whole=False)) is not None:
            ri.figures.append(fig)
            continue
        if tag in NAME_TAGS:
            tagged.append(t.text)
        elif tag in ID_TAGS:
            ids.append(t.text)
        elif tag in DWELLING_TAGS:
            ri.dwelling = t.text
        elif tag in USE_TAGS:
            ri.use = t.text
        elif tag in AREA_TAGS:
            if (fig := _stated_area(t.text)) is not None:
                ri.figures.append(fig)
        elif tag in HEIGHT_TAGS:
            k, v = dxf_text.kind(t.text if not t.text[:1].isdigit() else f"H={t.text}")
            if k == "height":
                ri.height = v
        else:
            code, text = dxf_text.peel_code(t.text)
            if code is not None:
                ids.append(code)
            if says == "name":
                by_layer.add(t.uid)
            name, others = dxf_text.split_label(text)
            for kind, value in others:
                if kind == "figure":
                    ri.figures.append(value)
                elif kind == "area":
                    ri.figures.append(dxf_figures.Figure("area", t.text, "m2", area_m2=value))
                elif kind == "height":
                    ri.height = value
                elif kind == "wheelchair":
                    ri.wheelchair = True
            said = dxf_text.kind(name)[0] if name else None
            if said == "name" and (t.uid in numbers or not dxf_text.is_mark(name)) \
                    and not dxf_labelkind.names_building(name):
                plain.append((t, name, t.uid not in numbers and dxf_text.is_note(name)))
            elif said == "wheelchair":
                ri.wheelchair = True
    plain = take_ids(plain, ids, by_layer)
    if ids:
        ri.rid = ids[0]
        distinct = list(dict.fromkeys(ids))
        if len(distinct) > 1:
            lower(ri, "low", "holds the room numbers " + ", ".join(distinct[:4])
                   + (", …" if len(distinct) > 4 else "") + ": several rooms read as one?")
    kinds = [f.kind for f in ri.figures]
    if kinds.count("dimensions") > 1 or kinds.count("area") > 1:
        lower(ri, "low", f"states the sizes of {len(ri.figures)} rooms ("
               + ", ".join(repr(f.text) for f in ri.figures[:3])
               + (", …" if len(ri.figures) > 3 else "") + "): several rooms read as one?")
    if tagged:
        ri.name, ri.name_from = " ".join(tagged), "attribute"
    elif plain and (placed := group_labels(plain, ri.below)):
        name_from_labels(ri, placed, centre)
        vias = {via[t.uid] for t, _, note in plain if t.uid in via and not note}
        if vias:
            ri.name_via = vias.pop() if len(vias) == 1 else "leader"
            if ri.name_via == "nearest":
                lower(ri, "medium", "named by the nearest label, which lies outside the room")
            elif ri.name_via == "beside":
                lower(ri, "medium", "named by the label written beside it, outside it, whose "
                       "stated area agrees with it")
            elif ri.name_via == "beside_alone":
                lower(ri, "medium", "named by a small room's label written beside it, outside "
                       "it, that states no area: the one space within its reach")
