"""The frontend: plan + report -> a :class:`Scene` of primitives with semantic style keys.

Nothing here knows about a file format or a rule. Rooms are filled by the worst status
of the findings about them; what each finding measured is drawn from the marks it
carries (:class:`~floorplan.findings.Mark`), coloured by the finding's status. Backends
(matplotlib, DXF mark-up, the recording backend for tests) draw a scene and nothing else.

Geometry stays in the plan's local metres. The scene also fixes the paper layout (which
panel goes where, at which scale) so that backends agree on it and the frontend can tell
whether a room's label fits at the printed size; labels that do not fit become a number
pointing to a key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from floorplan.findings import Finding, Status, worst
from floorplan.render import underlay as _underlay
from floorplan.render.declutter import declutter
from floorplan.render.layout import plan_layout
from floorplan.render.placing import PT_MM, outlines_by_level
from floorplan.render.placing import LevelsAt as _LevelsAt
from floorplan.render.placing import MarkLevels as _MarkLevels
from floorplan.render.placing import beside as _beside
from floorplan.render.placing import edge_distances as _edge_distances
from floorplan.render.placing import headroom_line as _headroom_line
from floorplan.render.placing import key_size as _key_size
from floorplan.render.placing import label_point as _label_point
from floorplan.render.placing import label_spots as _label_spots
from floorplan.render.placing import outer as _outer
from floorplan.render.placing import poles as _poles
from floorplan.render.placing import smallest_pt as _smallest_pt
from floorplan.render.style import STYLE, Style
from floorplan.render.words import (
    MEASURE_UNITS,
    finding_note,
    finding_where,
    fmt_area,
    fmt_value,
    room_label,
)

__all__ = ["MEASURE_UNITS", "Panel", "Primitive", "Scene", "build", "finding_note", "finding_where",
           "fmt_area", "fmt_value", "room_label"]


@dataclass(frozen=True)
class Primitive:
    """One thing to draw.

    ``kind`` is ``area`` (a polygon, filled and/or outlined), ``line``, ``text`` (at
    ``geometry``, a Point), ``marker`` (a point symbol) or ``circle`` (centred on
    ``geometry``, a Point, ``radius`` metres: drawn as the 128-sided polygon
    ``Point.buffer(radius, quad_segs=32)`` is, or as a true circle where a backend has
    one, without the polygon made) or ``segments`` (``segments``, an (n, 4) array of
    x0, y0, x1, y1 in metres, drawn at once; ``geometry`` is their extent). ``key`` is the semantic style key; ``ref`` names what
    it is about (a room, door or finding) for tests and for backends that tag entities.
    """

    kind: str
    key: str
    geometry: BaseGeometry
    text: str | None = None
    ref: str | None = None
    #: text rotation in degrees (labels in long narrow rooms run along them)
    angle: float = 0.0
    #: text size in points where it differs from the style's (a key number in a small room)
    size: float | None = None
    #: a circle's radius in metres
    radius: float | None = None
    #: a ``segments`` primitive's lines, (n, 4) x0, y0, x1, y1 in metres
    segments: Any = field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class Panel:
    level: float
    title: str
    #: plan bounds in metres (minx, miny, maxx, maxy), padded
    bounds: tuple[float, float, float, float]
    #: where the panel sits on the paper, in mm from the bottom-left (x, y, w, h)
    frame: tuple[float, float, float, float]
    primitives: tuple[Primitive, ...]


@dataclass(frozen=True)
class Scene:
    title: str
    profile: str
    result: str
    counts: dict[str, int]
    #: 1:n
    scale: int
    panels: tuple[Panel, ...]
    #: (style key, legend text) for every key drawn that has a legend entry
    legend: tuple[tuple[str, str], ...]
    #: (number, text) for room labels moved off the plan
    key: tuple[tuple[int, str], ...]
    #: short lines about each failure/warning: what was measured against what
    notes: tuple[tuple[str, str], ...]
    paper: tuple[float, float]
    #: "panels" (levels side by side on one sheet) or "pages" (one sheet per level)
    layout: str = "panels"
    #: the sheet's name (A4, A3, A2...), as the title block and scale bar say it
    paper_name: str = "A3"
    #: where north points, degrees anticlockwise from up (None: the plan does not say)
    north: float | None = None
    #: labels and key numbers left off the plan as too small to read at this scale
    too_small: int = 0

    def primitives(self, key_prefix: str = "") -> list[Primitive]:
        return [p for panel in self.panels for p in panel.primitives if p.key.startswith(key_prefix)]


# --------------------------------------------------------------------------- the frontend


def _findings_by_room(report) -> dict[str, list[Finding]]:
    """Each room's findings in report order: ``report.findings_for`` for every room at once
    (calling it per room scans every finding for every room)."""
    out: dict[str, list[Finding]] = {}
    for f in report.findings:
        for rid in dict.fromkeys(f.rooms):
            out.setdefault(rid, []).append(f)
    return out


def _status_of(findings: list[Finding]) -> str:
    """``report.room_status`` of a room with these findings, as the style key's suffix."""
    s = worst(f.status for f in findings if f.status is not Status.NOT_APPLICABLE)
    return "unchecked" if s is None else s.value


def _mark_key(role: str, status: Status, geom: BaseGeometry) -> tuple[str, str]:
    """(primitive kind, style key) for a finding's mark; the only role-dependent code."""
    s = status.value
    if role == "circle":
        return "area", f"circle.{s}"
    if role == "clear_square":  # a square of clear floor a rule asks for
        return "area", f"square.{s}"
    if role == "required_circle":
        return "area", f"circle.required.{s}"
    if role == "door":
        return ("marker" if isinstance(geom, Point) else "line"), ("door.offending" if s == "fail" else f"door.{s}")
    if isinstance(geom, Point):
        return "marker", f"marker.{s}"
    if geom.geom_type in ("LineString", "MultiLineString"):
        return "line", f"mark.{s}"
    return "area", f"mark.{s}"


def _legend_look(look) -> tuple:
    return (look.fill, look.fill_alpha, look.edge, look.width, look.dash, look.hatch)


def _family(key: str) -> str:
    """How the legend draws a key's swatch (sidebar and HTML alike)."""
    for prefix, fam in (("room.", "box"), ("obstacle", "box"), ("headroom", "box"),
                        ("square.", "box"), ("circle.", "ring"), ("marker.", "dot"),
                        ("point", "dot"), ("door.", "ring")):
        if key.startswith(prefix):
            return fam
    return "line"


def legend_entries(drawn: set[str], style: Style) -> tuple[tuple[str, str], ...]:
    """One legend entry per symbol drawn: keys drawn alike share one, their texts joined."""
    entries: dict[tuple, tuple[str, list[str]]] = {}
    for key, look in style.looks.items():
        if key not in drawn or not look.label:
            continue
        sig = (_family(key), *_legend_look(look))
        if sig in entries:
            if look.label not in entries[sig][1]:
                entries[sig][1].append(look.label)
        else:
            entries[sig] = (key, [look.label])
    return tuple((key, "; ".join(texts)) for key, texts in entries.values())


def _level_title(level: float) -> str:
    lv = int(level) if float(level).is_integer() else level
    names: dict[float, str] = {0: "ground floor", 1: "first floor", 2: "second floor",
                               3: "third floor", -1: "basement"}
    return f"Level {lv}" + (f" ({names[lv]})" if lv in names else "")


def _problem_marks(report, rooms_of, levels) -> dict[float, list]:
    """Level -> the geometries the findings not met or to review mark there (the frame
    must hold them: a label in no room, floor that no room holds)."""
    out: dict[float, list] = {}
    for f in report.findings:
        if f.status in (Status.FAIL, Status.WARN):
            for mk in f.marks:
                if mk.geometry is not None and not mk.geometry.is_empty:
                    for lv, g in levels.split(mk.geometry, rooms_of(f.rooms)):
                        out.setdefault(lv if lv is not None else levels.level_at(g), []).append(g)
    return out


def build(report, style: Style = STYLE, layout_mode: str = "panels", legible: bool = True) -> Scene:
    """The scene for ``report``; ``layout_mode`` is ``panels`` or ``pages`` (PDF).

    With ``legible`` (a sheet of fixed size: PNG, SVG, PDF) labels smaller than the
    style's ``min_text_px`` are left off and counted; CAD zooms, so keeps them all."""
    plan = report.plan
    m = report.measurements
    levels = plan.levels or (0.0,)
    room_level = {r.id: r.level for r in plan.rooms}
    room_names = {r.id: r.name or r.id for r in plan.rooms}

    def level_of(ids, default=None):
        for rid in ids:
            if rid in room_level:
                return room_level[rid]
        return default

    # extents per level: the rooms, the problems marked, the walls (what was not taken
    # shows too); the drawing's other lines only as far as those reach
    extents, bounds = [], []
    linework = {lv: _underlay.of_level(plan, lv) for lv in levels}  # the drawing's own lines
    level_at = _LevelsAt(plan)
    # the union's bounds are its parts' bounds; uniting thousands of rooms is slow
    room_bounds = {lv: (tuple(shapely.total_bounds(geoms).tolist()) if geoms else None)
                   for lv in levels for geoms in [[r.polygon for r in plan.rooms if r.level == lv]]}
    mark_levels = _MarkLevels(level_at, {lv: _underlay.frame(room_bounds[lv], linework[lv], [])
                                         for lv in levels})
    by_id = {r.id: r for r in plan.rooms}

    listed: dict[int, tuple] = {}  # id of a finding's room ids -> (them, their rooms)

    def rooms_of(ids) -> list:
        """The rooms of ``ids``, one list for the same ids object: the marks of a finding
        are split by it (:meth:`MarkLevels.split` keys them by the list)."""
        got = listed.get(id(ids))
        if got is None or got[0] is not ids:
            got = listed[id(ids)] = (ids, [by_id[i] for i in ids if i in by_id])
        return got[1]

    marks = _problem_marks(report, rooms_of, mark_levels)
    for lv in levels:
        b = _underlay.frame(room_bounds[lv], linework[lv], marks.get(lv, []))
        pad = 0.6
        b = (b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad)
        bounds.append(b)
        extents.append((b[2] - b[0], b[3] - b[1]))
    sheet = plan_layout(extents, style, per_page=(layout_mode == "pages"))
    scale, frames = sheet.scale, sheet.frames
    k = 1000 / scale  # mm per metre

    prims: dict[float, list[Primitive]] = {lv: [] for lv in levels}

    def add(lv, p: Primitive):
        prims.setdefault(lv if lv in prims else levels[0], []).append(p)

    key_entries: list[tuple[int, str]] = []
    smallest = _smallest_pt(style) if legible else 0.0
    too_small = 0
    label_look = style.look("label")
    by_room = _findings_by_room(report)
    labelled: list[tuple] = []  # (room, the floor its label is placed on, the label)
    centres: list[Point | None] = []  # the pole of that floor, when the check found it
    outside = 0  # the other lines wholly beyond a panel's frame
    for (lv, parts), b in zip(linework.items(), bounds, strict=True):
        for key, seg in parts:
            cut = _underlay.clip(seg, b)
            outside += len(seg) - len(cut)
            if len(cut):
                add(lv, Primitive("segments", key, _underlay.extent_box(cut), segments=cut))
    for room in plan.rooms:
        rm = m.rooms.get(room.id)
        lv = room.level
        room_findings = by_room.get(room.id, [])
        add(lv, Primitive("area", f"room.{_status_of(room_findings)}", room.polygon, ref=room.id))
        unsure = room.confidence == "low"
        if unsure:  # the reader is not sure of this room: said on the plan too
            add(lv, Primitive("area", "room.unsure", room.polygon, ref=room.id))
        if rm is None:
            continue
        if not rm.low_geom.is_empty:
            add(lv, Primitive("area", "headroom.low", rm.low_geom, ref=room.id))
            line = _headroom_line(room.polygon, rm.low_geom)
            if line is not None:
                add(lv, Primitive("line", "line.headroom", line, ref=room.id))
                at = _beside(line, rm.counted_geom, 2.2 / k)
                add(lv, Primitive("text", "label.headroom", at, text="1.5 m line", ref=room.id))
        if rm.clear_circle is not None and rm.clear_circle.diameter > 0.05:
            # centre and radius: its polygon (129 points) is not made, nor held
            add(lv, Primitive("circle", "circle.clear", rm.clear_circle.center, ref=room.id,
                              radius=rm.clear_circle.diameter / 2))
        # the label: at the pole of the counted floor (else the room), if it fits there
        text = room_label(room.name or room.id, rm.area, rm.gross_area)
        fails = sorted({f.rule for f in room_findings if f.status is Status.FAIL})
        if fails:
            text += "\n✗ " + " ".join(fails)
        if unsure:
            text += "\n? check this room"
        where = rm.counted_geom if not rm.counted_geom.is_empty else room.polygon
        labelled.append((room, where, text))
        # the clear circle is the largest circle in the clear floor: when that floor is
        # the one the label goes on (no obstacles, no low ceiling) and one polygon, its
        # centre is the floor's pole, found already (to 0.2 mm, not the 10 mm of a search
        # here: 0.04-0.12 s of an OSM building's image)
        centres.append(rm.clear_circle.center if (rm.clear_circle is not None and where is rm.clear_floor
                                                  and where.geom_type == "Polygon") else None)
    # every room's pole and label spot at once (:mod:`placing`), then each labelled or
    # numbered in plan order
    wheres = [where for _, where, _ in labelled]
    poles = _poles(wheres, centres)
    spots = _label_spots([room.polygon for room, _, _ in labelled], wheres, poles,
                         [text for _, _, text in labelled], label_look.size, k)
    unplaced = [i for i, spot in enumerate(spots) if spot is None]
    edges = dict(zip(unplaced, _edge_distances([wheres[i] for i in unplaced], [poles[i] for i in unplaced]),
                     strict=True))
    key_look = style.look("label.key")
    for i, ((room, where, text), pole, spot) in enumerate(zip(labelled, poles, spots, strict=True)):
        lv = room.level
        if spot is not None:
            add(lv, Primitive("text", "label", spot[0], text=text, ref=room.id, angle=spot[1]))
            continue
        n = len(key_entries) + 1
        # the number must fit the room too: shrink it to the room's widest circle
        size = _key_size(where, pole, str(n), k, key_look.size, edges[i])
        if size < smallest:  # a number no one can read points to nothing: left off
            too_small += 1
            continue
        key_entries.append((n, text.replace("\n", " — ", 1).replace("\n", " ")))
        add(lv, Primitive("marker", "label.key", pole, text=str(n), ref=room.id,
                          size=max(size, 3.0)))

    # things without a level of their own take the level of the room under them: one
    # bulk spatial query for all of them (not every room tried for each)
    def door_level(door):  # its own, else that of a room it connects
        if door.level is not None:
            return door.level
        link = m.doors.get(door.id)
        return level_of(link.connects if link and link.connects else (), None)

    points = (*plan.meters, *plan.aerials)
    level_at.prepare([ob.polygon for ob in plan.obstacles if ob.level is None]
                     + [d.geometry for d in plan.doors if door_level(d) is None]
                     + [pt.point for pt in points if pt.level is None])
    for ob in plan.obstacles:
        lv = ob.level if ob.level is not None else level_at(ob.polygon)
        add(lv, Primitive("area", "obstacle", ob.polygon, ref=ob.id))
    for door in plan.doors:
        lv = door_level(door)
        if lv is None:
            lv = level_at(door.geometry)
        kind = "marker" if isinstance(door.geometry, Point) else "line"
        add(lv, Primitive(kind, "door", door.geometry, ref=door.id))
    for pt in points:
        lv = pt.level if pt.level is not None else level_at(pt.point)
        add(lv, Primitive("marker", "point", pt.point))

    # why there is no verdict comes first: it is what an assessor must act on
    notes: list[tuple[str, str]] = [("cannot_assess", why) for why in report.cannot_assess]
    # (level, or None for the level of the room under the geometry; geometry; primitive)
    marked: list[tuple[float | None, BaseGeometry, Primitive]] = []
    for f in report.findings:
        if f.status in (Status.FAIL, Status.WARN):
            notes.append((f.status.value, finding_note(f, room_names)))
        if f.status is Status.NOT_APPLICABLE:
            continue
        for mark, (default_lv, g) in ((mk, piece) for mk in f.marks
                                      if mk.geometry is not None and not mk.geometry.is_empty
                                      for piece in mark_levels.split(mk.geometry,
                                                                     rooms_of(f.rooms))):
            if mark.role == "room" and f.status is Status.PASS:
                continue  # the room fill already says so
            if mark.role == "low_headroom" and f.status is Status.PASS:
                continue
            kind, key = _mark_key(mark.role, f.status, g)
            if kind == "area" and key.startswith("mark."):
                g = _outer(g)  # a heavy outline round every hole would bury the plan
            marked.append((default_lv, g, Primitive(kind, key, g, ref=f.rule)))
            # a room or low-floor mark is labelled by the room's own label
            label = None if mark.role in ("room", "low_headroom") else mark.label
            if f.status is Status.PASS:  # only problems get words on the plan
                continue
            # circles say their diameter, the one that fits and the one asked for apart
            if mark.role == "circle" and mark.size:
                label = f"fits ⌀ {mark.size:.2f} m"
            elif mark.role == "required_circle" and mark.size:
                label = f"needs ⌀ {mark.size:.2f} m"
            if label:
                at = _label_point(g, mark.role)
                if mark.role == "label" and label != "?":  # the words over the "?" on the marker
                    label += "\n?\n "  # (lines, not metres: a view at another scale keeps them)
                marked.append((default_lv, g, Primitive("text", f"label.mark.{f.status.value}", at,
                                                        text=label, ref=f.rule)))
    level_at.prepare([g for lv, g, _ in marked if lv is None])
    for lv, g, prim in marked:
        add(lv if lv is not None else level_at(g), prim)

    # flats and dwellings: outlined and named
    outlines = outlines_by_level(plan)
    for lv in levels:
        for name, outline in outlines.get(lv, []):
            add(lv, Primitive("line", "dwelling", outline, ref=name))
            x0, _, _, y1 = outline.bounds
            w = len(name) * 0.6 * style.look("label.dwelling").size * PT_MM / k
            h = 1.3 * style.look("label.dwelling").size * PT_MM / k
            add(lv, Primitive("text", "label.dwelling", Point(x0 + w / 2 + 0.15, y1 - h / 2 - 0.12),
                              text=name, ref=name))

    # labels keep clear of one another and of the circles' outlines
    polygons = {r.id: r.polygon for r in plan.rooms}

    def size_of(p: Primitive) -> float:
        return p.size or style.look(p.key).size

    for lv in list(prims):
        kept = [p for p in prims[lv] if p.kind != "text" or size_of(p) >= smallest]
        too_small += len(prims[lv]) - len(kept)
        prims[lv] = declutter(kept, k, size_of, polygons)

    panels = []
    for i, lv in enumerate(levels):
        ps = sorted(prims.get(lv, []), key=lambda p: style.look(p.key).z)
        title = _level_title(lv) if len(levels) > 1 or lv != 0 else "Plan"
        panels.append(Panel(lv, title, bounds[i], frames[i], tuple(ps)))
    drawn = {p.key for panel in panels for p in panel.primitives}
    legend = tuple((key, _underlay.legend_text(plan, text, outside * (key == "underlay.other"))
                    if key.startswith("underlay.") else text)
                   for key, text in legend_entries(drawn, style))
    north = getattr(plan.meta, "north", None)
    if north is None and plan.meta.lonlat_origin is not None:
        north = 0.0  # read in longitude/latitude: north is up
    counts = report.counts
    return Scene(
        title=plan.meta.name or plan.meta.source or "Plan",
        profile=f"{report.profile.id}" + (f" — {report.profile.title}" if report.profile.title else ""),
        result=report.result, counts=counts, scale=scale, panels=tuple(panels), legend=legend,
        key=tuple(key_entries), notes=tuple(notes), paper=sheet.paper, layout=layout_mode,
        north=north, paper_name=sheet.paper_name, too_small=too_small,
    )
