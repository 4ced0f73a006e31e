"""Which spaces of a drawing are rooms: outlines, loose room lines or walls; which views
of the sheet are read; on which level each room lies.

The reader (:mod:`~floorplan.io.dxf.reader`) calls these in order with itself (its layer
map, what it collected, its notes and findings):

1. :func:`find`: room outlines on room layers (:mod:`~floorplan.io.dxf.rooms.outlines`); failing
   those, faces of loose lines on room layers; failing those, rooms in the wall linework
   (:mod:`~floorplan.io.dxf.rooms.wallrooms`), where the room labels decide what else needs
   closing (:mod:`~floorplan.io.dxf.rooms.seeding`). Closed outlines on layers that say nothing
   are weighed against the wall linework by the evidence each accounts for
   (:mod:`~floorplan.io.dxf.rooms.sourcechoice`).
2. :func:`choose_views`: the sheet split into views and the floor plans chosen
   (:mod:`~floorplan.io.dxf.views.sheet`); rooms in the views set aside are dropped.
3. :func:`levels`: levels from layer names, else from the views read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.strtree import STRtree

from floorplan.errors import PlanReadError
from floorplan.io.dxf.layers import level_of_layer
from floorplan.io.dxf.names.labelkind import room_labels
from floorplan.io.dxf.rooms.bounds import round_walls
from floorplan.io.dxf.rooms.sourcechoice import beside_outlines, linework_rooms, widened
from floorplan.io.dxf.rooms.wallrooms import door_points, label_texts, wall_rooms_of
from floorplan.io.dxf.views import sheet as dxf_views
from floorplan.io.dxf.views.apart import JOIN
from floorplan.io.dxf.views.paper import paper_titles
from floorplan.io.dxf.views.swings import swing_doorways, swing_hinges
from floorplan.io.dxf.walls.entries import solid_note
from floorplan.io.dxf.walls.faces import wall_faces
from floorplan.io.dxf.walls.marks import hidden_layers, not_the_plan
from floorplan.model import InputFinding

#: the code of the warning that a sheet's plan views are not floors of one building
VIEWS_CODE = "FP012"


@dataclass
class Found:
    """The rooms found, as parallel lists: outline, source, layer, (confidence, reason),
    and the labels of a space no closing parted (its combined name)."""

    polys: list[Polygon] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    layers: list[str] = field(default_factory=list)
    sure: list[tuple[str, str]] = field(default_factory=list)
    combined: list[list[str]] = field(default_factory=list)
    solid: list[str] = field(default_factory=list)  # why a space is solid, not a room ("")

    def keep(self, which: list[int]) -> Found:
        return Found([self.polys[k] for k in which], [self.sources[k] for k in which],
                     [self.layers[k] for k in which], [self.sure[k] for k in which],
                     [self.combined[k] for k in which],
                     [self.solid[k] for k in which] if self.solid else [])


def find(rd, cands, fittings: list[Polygon]) -> Found:
    """The rooms of the drawing read by ``rd``, from its outline candidates ``cands``,
    else loose room lines, else its walls (``fittings`` keep faces they fill from being
    rooms)."""
    rd.fittings = fittings  # for a second reading of the walls (choose_views)
    hidden = hidden_layers(rd.doc, rd.lmap)
    if any(c.layer in hidden for c in cands):  # an old layout kept frozen under the plan
        gone = [c for c in cands if c.layer in hidden]
        cands = [c for c in cands if c.layer not in hidden]
        for c in gone:
            rd.used.discard(c.uid)
        rd.notes.append(f"{len(gone)} outline(s) on frozen or switched-off layers left out: "
                        + ", ".join(sorted({c.layer for c in gone})))
    spaces = {p.uid for p in rd.col.loops if p.extra.get("aec_space")}
    cands = _space_outlines(rd, cands, spaces)
    bounds = round_walls(rd, cands, hidden)
    if bounds:  # drawn round the walls (a map's limit, a plot line): the walls hold the rooms
        cands = [c for c in cands if c not in bounds]
        for c in bounds:
            rd.used.discard(c.uid)
            rd.aside[c.uid] = "an outline drawn round the walls (a boundary), not a room"
            rd.notes.append(f"outline {c.handle} on layer {c.layer} ({c.polygon.area:.1f} m²) "
                            "holds more wall linework inside it than its own perimeter: drawn "
                            "round the walls (a boundary), not a room")
    if cands and not any(rd.layer_kind(c.layer) == "room" or c.uid in spaces for c in cands) \
            and _has_walls(rd):
        # outlines on layers that say nothing (headers, beams, footprints) are weaker
        # evidence than linework on layers that say wall: the walls are read first
        found = widened(rd, found := wall_rooms_of(rd, fittings), fittings) or found
        if found:
            for c in cands:
                rd.used.discard(c.uid)
            rd.notes.append(f"{len(cands)} closed outline(s) on layers that do not say room "
                            "set aside: the wall layers enclose rooms")
            return Found([w.polygon for w in found], [w.source for w in found],
                         [""] * len(found), [(w.confidence, w.reason) for w in found],
                         [w.labels for w in found], [w.solid for w in found])
    if cands and not any(rd.layer_kind(c.layer) == "room" or c.uid in spaces for c in cands):
        # outlines on layers that say nothing, beside linework: the source that accounts
        # for more of the drawing's evidence for rooms is read (sourcechoice)
        chosen = linework_rooms(rd, cands, fittings)
        if chosen is not None:
            for c in cands:
                rd.used.discard(c.uid)
            found = chosen[0]
            return Found([w.polygon for w in found], [w.source for w in found],
                         [""] * len(found), [(w.confidence, w.reason) for w in found],
                         [w.labels for w in found], [w.solid for w in found])
    if cands:
        out = Found([c.polygon for c in cands], [c.source for c in cands],
                    [c.layer for c in cands],
                    [("high", "") if rd.layer_kind(c.layer) == "room" or c.uid in spaces else
                     ("medium", f"a closed outline on layer {c.layer}, which does not say room")
                     for c in cands], [[] for _ in cands])
        authored = any(rd.layer_kind(c.layer) == "room" or c.uid in spaces for c in cands)
        if not any(c.uid in spaces for c in cands):
            # the rest of the linework's rooms; beside the author's outlines, those round
            # the room labels the outlines leave out
            for w in beside_outlines(rd, cands, fittings, authored=authored):
                out.polys.append(w.polygon)
                out.sources.append(w.source)
                out.layers.append("")
                out.sure.append((w.confidence, w.reason))
                out.combined.append(w.labels)
        return out
    polys = room_line_rooms(rd)
    if polys:
        n = len(polys)
        return Found(polys, ["outline"] * n, [""] * n, [("high", "")] * n, [[] for _ in polys])
    found = wall_rooms_of(rd, fittings)
    found = widened(rd, found, fittings) or found  # the labels left out: unnamed layers too
    return Found([w.polygon for w in found], [w.source for w in found], [""] * len(found),
                 [(w.confidence, w.reason) for w in found], [w.labels for w in found],
                 [w.solid for w in found])


def _space_outlines(rd, cands: list, spaces: set[int]) -> list:
    """Where AEC space objects give room outlines, those (and outlines on room layers) are
    the rooms: other closed outlines on layers that say nothing are set aside."""
    if not any(c.uid in spaces for c in cands):
        return cands
    kept = [c for c in cands if c.uid in spaces or rd.layer_kind(c.layer) == "room"]
    if len(kept) < len(cands):
        for c in cands:
            if c not in kept:
                rd.used.discard(c.uid)
        rd.notes.append(f"{len(cands) - len(kept)} closed outline(s) on layers that do not say "
                        "room set aside: AEC space objects outline the rooms")
    return kept


def _has_walls(rd) -> bool:
    """Some linework lies on a layer that says wall (and is a wall of the plan)."""
    hidden = hidden_layers(rd.doc, rd.lmap)
    return any(rd.layer_kind(p.layer) == "wall" and not rd.blocked(p)
               and p.layer not in hidden and not not_the_plan(p.layer)
               for p in rd.col.opens + rd.col.loops)


def room_line_rooms(rd) -> list[Polygon]:
    """Rooms drawn as loose LINEs and ARCs on a room layer: their enclosed faces."""
    lines = [p for p in rd.col.opens if p.etype in ("LINE", "ARC")
             and rd.layer_kind(p.layer) == "room" and not rd.blocked(p)]
    if not lines:
        return []
    faces = wall_faces([p.pts[:, :2] for p in lines], [], [], [])
    if faces:
        rd.used.update(p.uid for p in lines)
        rd.notes.append(f"no closed outline on a room layer: {len(faces)} rooms enclosed by "
                        f"{len(lines)} loose lines and arcs on room layers")
    return faces


#: what a reading of the views (and of the walls) sets on the reader
_STATE = ("view_level", "in_view", "grid", "no_plan", "room_view", "gaps", "swing_ways", "walls_unnamed",
          "nib_uids", "door_walls", "view_kinds", "walls_extra", "apart_zone")


def choose_views(rd, found: Found, wanted: int | None) -> Found:
    """:func:`views_of` the rooms found. When they are closed outlines on layers that say
    nothing and make no floor plan because they are columns (outlines of one size standing
    apart, :func:`~floorplan.io.dxf.views.score.columns`: the structure of a floor, whose
    walls are drawn in the linework round them), and no view is named, the linework is
    read as walls instead, the objects standing free in its rooms left out
    (:func:`~floorplan.io.dxf.walls.linework.leave_objects`): that reading is kept when it finds
    a floor plan, and said in a note. A site plan's or an elevation's outlines are never
    read again so."""
    n_notes, n_found = len(rd.notes), len(rd.findings)
    kept = views_of(rd, found, wanted)
    if not (rd.no_plan and wanted is None and "columns" in rd.__dict__.get("view_kinds", ())
            and "outline" in found.sources  # (with the linework's rooms beside them)
            and all(rd.layer_kind(lay) is None for lay in found.layers)):
        return kept
    why, notes, findings = rd.no_plan, rd.notes[n_notes:], rd.findings[n_found:]
    state, used = {k: rd.__dict__.get(k) for k in _STATE}, set(rd.used)
    del rd.notes[n_notes:], rd.findings[n_found:]
    walls = wall_rooms_of(rd, rd.__dict__.get("fittings", []), objects=True)
    if walls:
        again = views_of(rd, Found([w.polygon for w in walls], [w.source for w in walls],
                                   [""] * len(walls), [(w.confidence, w.reason) for w in walls],
                                   [w.labels for w in walls], [w.solid for w in walls]), None)
        if again.polys and not rd.no_plan:
            rd.notes.insert(n_notes, f"the closed outlines on layers that say nothing make no "
                                     f"floor plan ({why}): the linework read as walls instead")
            return again
    del rd.notes[n_notes:], rd.findings[n_found:]
    rd.notes += notes
    rd.findings += findings
    rd.__dict__.update(state)
    rd.used = used
    return kept


def drawn_doorways(rd) -> np.ndarray:
    """The openings ((n, 2), metres) of the door swings drawn beside walls that run on
    unbroken across them (:func:`~floorplan.io.dxf.views.swings.swing_doorways`: arcs the
    doors stage reads as no door), and the middles of the swings drawn with the walls
    (``rd.swing_ways``, :func:`~floorplan.io.dxf.doors.swings.loose_swings`: polylines on a
    wall layer, which make no door either)."""
    col = rd.col
    beside = swing_doorways([a for a in col.arcs if not a.chain and not rd.is_door_arc(a)],
                            [p for p in col.opens if not p.chain])
    drawn = np.asarray(rd.__dict__.get("swing_ways") or [], dtype=float).reshape(-1, 2)
    return np.vstack([np.asarray(beside, dtype=float).reshape(-1, 2), drawn])


def paper_of(rd, hidden: set[str]) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The titles written in paper space under the viewports
    (:mod:`~floorplan.io.dxf.views.paper`), each with the box of the model its viewport
    shows, in local metres."""
    try:
        titles = paper_titles(rd.doc.layouts, hidden)
    except Exception:  # noqa: BLE001 - a damaged layout says nothing of the views
        return []
    (ox, oy), s = (float(c) for c in rd._origin_raw[:2]), float(rd._scale)
    return [(text, ((x0 - ox) * s, (y0 - oy) * s, (x1 - ox) * s, (y1 - oy) * s))
            for text, (x0, y0, x1, y1) in titles]


def views_of(rd, found: Found, wanted: int | None) -> Found:
    """Split the sheet into views, keep the rooms of the floor-plan views (see
    :mod:`~floorplan.io.dxf.views.sheet`), and note the rest. Sets ``rd.view_level`` (the level of
    each view read) and ``rd.in_view`` (whether points lie in a view read)."""
    def evidence():  # doors: symbols, and swings drawn beside unbroken walls (views/swings)
        col = rd.col
        drawn = swing_hinges([a for a in col.arcs if not a.chain and not rd.is_door_arc(a)],
                             [p for p in col.opens if not p.chain])
        return room_labels(label_texts(rd)), door_points(rd), drawn

    trust = bool(found.polys) and all(s in ("outline", "hatch") for s in found.sources) and all(
        c == "high" for c, _ in found.sure)
    hidden = hidden_layers(rd.doc, rd.lmap)

    def linework() -> list[np.ndarray]:  # what is shown of the linework, blocks left out
        return [p.pts[:, :2] for p in rd.col.opens + rd.col.loops if p.layer not in hidden
                and not rd.blocked(p)
                and rd.layer_kind(p.layer) in (None, "wall", "room", "stair", "projection")]

    shown = [t for t in rd.col.texts if t.layer not in hidden]  # a frozen title says nothing
    try:
        reading, views, grid = dxf_views.survey(rd.stacked, shown, evidence, found.polys,
                                                wanted, trust, found.sources, linework,
                                                paper_of(rd, hidden))
    except ValueError as exc:
        raise PlanReadError(rd.source, str(exc)) from None
    rd.view_kinds = [v.kind for v in views]
    rd.view_level = {v - 1: lv for v, lv in reading.level_of.items()}
    read = set(rd.view_level)

    # a drawing standing apart inside a view read (views/apart): its linework, doors and
    # floor are not the plan's
    away = [found.polys[k] for v in views if v.number in reading.read for k in v.apart]
    zone = shapely.union_all(shapely.buffer(np.asarray(away, dtype=object), JOIN / 2)) if away else None
    rd.apart_zone = zone

    def in_view(xy: np.ndarray) -> np.ndarray:
        at = grid.at(xy)
        ok = np.isin(at, list(read)) | ((at < 0) & (len(read) == 1))
        if zone is not None and len(ok):
            pts = np.asarray(xy, dtype=float).reshape(-1, 2)
            ok &= ~shapely.contains_xy(zone, pts[:, 0], pts[:, 1])
        return ok

    rd.in_view = in_view
    rd.grid = grid
    if len(views) > 1:
        rd.notes.append(f"the sheet holds {len(views)} views: read "
                        + ", ".join(str(v) for v in reading.read))
    rd.notes += reading.notes
    if reading.warning:
        rd.findings.append(InputFinding(VIEWS_CODE, reading.warning))
    rd.no_plan = reading.no_plan
    if reading.no_plan:
        rd.notes.append(reading.no_plan)
    if not found.polys:
        return found
    of_room = {k: v.number - 1 for v in views for k in v.rooms}
    rd.room_view = []
    kept = [k for k in range(len(found.polys)) if of_room.get(k, -1) in read]
    rd.room_view = [of_room[k] for k in kept]
    found = found.keep(kept)
    if any(found.solid):  # kept till now: a table's empty cells say it is a table
        solid = [k for k, why in enumerate(found.solid) if why]
        rd.notes.append(solid_note([found.polys[k].area for k in solid]))
        rd.room_view = [v for k, v in enumerate(rd.room_view) if not found.solid[k]]
        found = found.keep([k for k, why in enumerate(found.solid) if not why])
    if reading.doubt:
        found.sure = [("low", reading.doubt)] * len(found.polys)
    return found


def levels(rd, found: Found) -> tuple[list[float], str | None]:
    """The level of each room and the note saying how levels were found: layer names that
    say two levels or more, else the views read."""
    said = {lay: level_of_layer(lay) for lay in set(found.layers) if lay}  # few layers, many rooms
    by_layer = [said[lay] if lay else None for lay in found.layers]
    if len({v for v in by_layer if v is not None}) >= 2:
        rd.level_mode = "layers"
        return [v if v is not None else 0.0 for v in by_layer], "levels read from layer names"
    if len(set(rd.view_level.values())) < 2:
        rd.level_mode = "one"
        return [0.0] * len(found.polys), None
    rd.level_mode = "views"
    return [rd.view_level[v] for v in rd.room_view], None


def locator(rd, polys: list[Polygon], levels: list[float]):
    """level for a feature: its layer's level, or the level of the nearest room
    (``polys`` the rooms' outlines, ``levels`` their levels)."""
    if rd.level_mode == "one" or not polys:
        return lambda geom, layer: 0.0 if polys else None
    tree = STRtree(polys)

    def locate(geom, layer: str) -> float | None:
        if rd.level_mode == "layers":
            v = level_of_layer(layer)
            if v is not None:
                return v
        i = tree.query_nearest(geom)
        return levels[int(i[0])] if len(i) else None
    return locate
