"""Rooms in the wall linework (the third way :func:`~floorplan.io.dxf.rooms.spaces.find` finds
rooms, when a drawing has no room outlines): the walls sealed with the door swings, their
faces found (:mod:`~floorplan.io.dxf.walls.faces`), stairs joined back and flights given to
their stairwells (:mod:`~floorplan.io.dxf.walls.rejoin`), fitted cupboards parted off
(:mod:`~floorplan.io.dxf.rooms.joinery`), labels placed beside their small spaces
(:mod:`~floorplan.io.dxf.rooms.cupboards`) and seeding what else needs closing
(:mod:`~floorplan.io.dxf.rooms.seeding`); and the texts and door points the views are read by.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.doors import symbols as dxf_doors
from floorplan.io.dxf.doors.folding import folding_doors
from floorplan.io.dxf.doors.swings import loose_swings, swing_seals
from floorplan.io.dxf.names import assign as dxf_names
from floorplan.io.dxf.names.labelkind import SAME_LABEL, drawing_texts, kin_labels, room_labels
from floorplan.io.dxf.names.written import written_areas
from floorplan.io.dxf.rooms.cupboards import (
    beside_labels,
    cupboards,
    doored,
    fill_label_boxes,
    label_boxes,
)
from floorplan.io.dxf.rooms.joinery import fitted_rooms, fitting_linework
from floorplan.io.dxf.rooms.seeding import place_labels
from floorplan.io.dxf.rooms.takein import label_areas, take_in
from floorplan.io.dxf.text import figures as dxf_figures
from floorplan.io.dxf.text import kind as dxf_text
from floorplan.io.dxf.walls.annotations import leave_text_lines
from floorplan.io.dxf.walls.bands import set_aside as wall_bands
from floorplan.io.dxf.walls.crosses import leave_crosses
from floorplan.io.dxf.walls.entries import door_shapes, sealed_off
from floorplan.io.dxf.walls.faces import doorways, wall_rooms
from floorplan.io.dxf.walls.finishes_mats import leave_mats
from floorplan.io.dxf.walls.linework import floor_pattern, leave_objects, wall_lines
from floorplan.io.dxf.walls.marks import glass_lines, header_lines, lift_lines
from floorplan.io.dxf.walls.rejoin import give_flights, rejoin
from floorplan.io.dxf.walls.ticks import leave_ticks


def wall_rooms_of(rd, fittings: list[Polygon], objects: bool = False) -> list:
    """Rooms in the wall linework (lines on wall layers, else on layers that say nothing),
    sealed with the door swings, with the room labels seeding what else needs closing;
    ``objects``: the objects standing free in the rooms left out of it first."""
    col = rd.col
    lines = leave_crosses(rd, leave_ticks(rd, leave_text_lines(rd, floor_pattern(rd, wall_lines(rd)))))
    lines = leave_mats(rd, lines)  # after the ticks: a tick facing a joint parts no mat
    if objects:
        lines = leave_objects(rd, lines)
    door_uids = {u for u, k in rd.ins_kind.items() if k == "door"}
    walled = rd.__dict__.get("door_walls", set())  # partitions drawn on a door layer

    def of_doors(p) -> bool:
        return p.uid not in walled and (rd.layer_kind(p.layer) == "door"
                                        or any(u in door_uids for u in p.chain))

    seals = swing_seals([a for a in col.arcs if rd.is_door_arc(a)],
                        [p.pts for p in col.opens if p.etype != "ARC" and of_doors(p)],
                        [p.pts for p in lines])
    lines, drawn = loose_swings(lines)
    seals += drawn
    # (their doorways' middles: ways in that no door is made of, rooms.shafts)
    rd.swing_ways = [((h[0] + e[0]) / 2, (h[1] + e[1]) / 2) for h, e in drawn]
    folds = folding_doors([p.pts[:, :2] for p in col.opens if p.etype != "ARC" and of_doors(p)],
                          [p.pts[:, :2] for p in lines])
    seals += [(f.a, f.b) for f in folds]  # bi-folds: sealed along the track, wall to wall
    marks = dxf_doors.door_marks(col.arcs, [p for p in col.opens if p.uid not in walled],
                                 col.inserts, rd.ins_kind, rd.layer_kind, rd.is_door_arc)
    framing = rd.__dict__.get("nib_uids", set())
    frames = [p.pts[:, :2] for p in lines if p.uid in framing]
    walls = [p for p in lines if p.uid not in framing]
    glass = [p.pts[:, :2] for p in glass_lines(rd, walls)]
    heads = [p.pts[:, :2] for p in header_lines(rd)]
    rd.wall_linework = [p.pts[:, :2] for p in walls]  # the building's extent (lostfloor)
    lifts = [p.pts[:, :2] for p in lift_lines(rd)]
    found, arr = wall_rooms(rd.wall_linework, seals, marks, fittings, rd.notes, glass,
                            heads, frames, lifts)
    # the doors' seals: where a space meets the next across one, a door leads between them
    rd.door_seals = [np.asarray(b.coords) for b, kind in arr.added
                     if kind in ("door", "swing", "bare")]
    arr.symbols = symbol_lines(rd, door_uids)
    sized = label_texts(rd, heights=True)
    texts = [t[:3] for t in sized]
    labels = room_labels(texts)
    fill_label_boxes(found, label_boxes(arr.small, sized))
    stairs = [LineString(p.pts[:, :2]) for p in rd.col.opens if len(p.pts) >= 2
              and rd.layer_kind(p.layer) == "stair" and not rd.blocked(p)]
    joined = rejoin(found, arr, labels, stairs)
    if joined:
        rd.notes.append(f"{joined} stair(s) with no label, open to a labelled room across a "
                        "gap nothing is drawn in, joined to that room")
    given = give_flights(found, arr, labels, stairs)
    if given:
        rd.notes.append(f"{given} flight(s) sharing a space with a small labelled room, open to "
                        "a stairwell across a gap nothing is drawn in, given to the stairwell")
    usable = [t for t in col.texts if rd.usable_text(t)]
    found += fitted_rooms(found, usable, *fitting_linework(rd), notes=rd.notes)
    beside, labels, stated = beside_labels(found, arr, usable, labels, rd.notes)
    found += beside
    written = written_areas(usable, [w.polygon for w in found])
    kin = kin_labels(drawing_texts(rd), [w.polygon for w in found], labels, SAME_LABEL, written)
    labels, stated = labels + kin, list(stated) + [None] * len(kin)
    place_labels(found, arr, labels, rd.notes, stated, [written(x, y) for x, y, _ in labels])
    # a WC and its lobby through a doorway, the label's written area the two together
    found, inner = take_in(found, arr.openings, labels, label_areas(rd, written), rd.notes)
    found += cupboards(arr.small, sized, found, rd.notes)
    found += doored(arr.small, arr, found, rd.notes)  # a doorway into it: a cupboard
    door_polys = door_shapes(rd, door_uids)
    found = wall_bands(found, arr, door_polys, texts + area_figures(rd), rd.notes,
                       wall_hatches(rd))
    # with no room labels, a space with no way in is only doubted (entries.UNSURE_SOLID)
    sealed_off(found, arr, door_polys, texts if labels else [])
    if labels:
        # a written area figure ('28.2 m²') standing in a space labels it as a name does
        _unlabelled(found, texts + area_figures(rd))
    rd.gaps = [g for g in doorways(arr) if g[0] not in inner] + [  # (not one taken in)
        (f.middle, f.width, "folding") for f in folds]
    if found:
        rd.used.update(p.uid for p in lines)
    if found and (rd.__dict__.get("walls_unnamed") or rd.__dict__.get("with_unnamed")):
        why = "found in linework on layers that do not say wall"
        for w in found:
            if w.confidence == "high":
                w.confidence, w.reason = "medium", why
            elif why not in w.reason:
                w.reason = f"{w.reason}; {why}" if w.reason else why
    return found


def wall_hatches(rd) -> list[Any]:
    """The hatches on wall layers, each the area its boundary paths fill (odd parity: a
    path inside another is a hole, one inside that filled again)."""
    out = []
    for p in rd.col.hatches:
        if rd.layer_kind(p.layer) != "wall" or rd.blocked(p):
            continue
        fill: Any = None
        for ring in p.extra.get("rings", [p.pts]):
            if len(ring) < 3:
                continue
            g = Polygon(np.asarray(ring)[:, :2]).buffer(0)
            fill = g if fill is None else fill.symmetric_difference(g)
        if fill is not None and not fill.is_empty:
            out.append(fill)
    return out


def symbol_lines(rd, door_uids: set[int]) -> list[LineString]:
    """The lines of door and window symbols (on door layers, or inside door blocks), their
    swing arcs left out: a door's leaf and frame, a window's glazing."""
    out = []
    for p in rd.col.opens + rd.col.loops:
        if p.etype == "ARC" or len(p.pts) < 2 or p.extra.get("is3d"):
            continue
        if p.uid in rd.__dict__.get("nib_uids", ()) or p.uid in rd.__dict__.get("door_walls", ()):
            continue
        if rd.layer_kind(p.layer) == "door" or not door_uids.isdisjoint(p.chain):
            out.append(LineString(p.pts[:, :2]))
    return out


def label_texts(rd, heights: bool = False) -> list:
    """(x, y, name) of every text that may name a room; (x, y, name, height) with
    ``heights``."""
    out: list = []
    for t in rd.col.texts:
        if not rd.usable_text(t):
            continue
        if t.tag is not None and t.tag.upper() not in dxf_names.NAME_TAGS:
            continue
        name = dxf_text.split_label(t.text)[0]
        if name and dxf_text.kind(name)[0] == "name":
            out.append((t.x, t.y, name, t.height) if heights else (t.x, t.y, name))
    return out


def area_figures(rd) -> list[tuple[float, float, Any]]:
    """(x, y, figure) of every written area figure ('28.2 m²') that may state a room's."""
    out = []
    for t in rd.col.texts:
        if not rd.usable_text(t):
            continue
        name = dxf_text.split_label(t.text)[0] or t.text
        fig = dxf_figures.parse(" ".join(t.text.split())) or dxf_figures.parse(name.strip())
        if fig is not None and fig.kind == "area" and fig.area_m2:
            out.append((t.x, t.y, fig))
    return out


def door_points(rd) -> np.ndarray:
    """Where door symbols stand: door blocks' insertion points, loose swings' hinges."""
    col = rd.col
    pts = [(i.x, i.y) for i in col.inserts if rd.ins_kind.get(i.uid) == "door"]
    pts += [a.extra["center"] for a in col.arcs if not a.chain and rd.is_door_arc(a)]
    return np.array(pts, dtype=float).reshape(-1, 2)


#: why a space in the walls holding no text is not a confident room (said before the
#: labels outside every room are joined to rooms: one so joined lifts it)
UNLABELLED = ("no label in it, though the drawing labels its rooms: it may be a wall mass, a "
              "duct or a void")


def _unlabelled(found: list, texts: list[tuple[float, float, str]]) -> None:
    """A space in the walls that holds no text at all (no name, no written area figure), in
    a drawing that labels its rooms, may be a wall mass, a duct or a void drawn closed: not a
    confident room."""
    if not found:
        return
    tree = STRtree([w.polygon for w in found])
    held = set()
    if texts:
        pts = shapely.points(np.array([(x, y) for x, y, _ in texts], dtype=float))
        held = set(tree.query(pts, predicate="within")[1].tolist())
    for k, w in enumerate(found):
        if k not in held and w.confidence == "high":
            w.confidence = "medium"
            w.reason = UNLABELLED
