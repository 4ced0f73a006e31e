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

import math
from dataclasses import dataclass

import shapely
from shapely.geometry import LineString, MultiLineString, Point, box
from shapely.geometry.base import BaseGeometry

from floorplan.findings import Finding, Status
from floorplan.render.layout import layout
from floorplan.render.style import STYLE, Style

PT_MM = 25.4 / 72  # one typographic point in millimetres


@dataclass(frozen=True)
class Primitive:
    """One thing to draw.

    ``kind`` is ``area`` (a polygon, filled and/or outlined), ``line``, ``text`` (at
    ``geometry``, a Point) or ``marker`` (a point symbol). ``key`` is the semantic style
    key; ``ref`` names what it is about (a room, door or finding) for tests and for
    backends that tag entities.
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

    def primitives(self, key_prefix: str = "") -> list[Primitive]:
        return [p for panel in self.panels for p in panel.primitives if p.key.startswith(key_prefix)]


# --------------------------------------------------------------------------- formatting


def fmt_area(v: float) -> str:
    return f"{v:.1f} m²"


def fmt_value(v: float | None, unit: str | None) -> str:
    if v is None:
        return "—"
    unit = unit or ""
    u = {"m2": " m²", "m": " m", "mm": " mm", "count": ""}.get(unit, f" {unit}" if unit else "")
    if unit == "mm" or (float(v).is_integer() and unit in ("count", "")):
        return f"{v:.0f}{u}"
    return f"{v:.2f}{u}"


def room_label(name: str, area: float, gross: float) -> str:
    """Name and counted area; gross in brackets where it differs (by 0.05 m² or more)."""
    text = f"{name}\n{fmt_area(area)}"
    if abs(gross - area) >= 0.05:
        text += f" ({fmt_area(gross)})"
    return text


def finding_note(f: Finding, room_names: dict[str, str]) -> str:
    if f.dwelling and len(f.rooms) != 1:
        where = f"dwelling {f.dwelling}"
    else:
        where = ", ".join(room_names.get(r, r) for r in f.rooms) or "plan"
    if f.measured is not None and f.required is not None:
        how = f"{fmt_value(f.measured, f.unit)} (needs {fmt_value(f.required, f.unit)})"
    else:
        how = f.message
    return f"{f.rule} {where}: {how}"


# --------------------------------------------------------------------------- the frontend


def _status_of(report, room_id: str) -> str:
    s = report.room_status(room_id)
    return "unchecked" if s is None else s.value


def _mark_key(role: str, status: Status, geom: BaseGeometry) -> tuple[str, str]:
    """(primitive kind, style key) for a finding's mark; the only role-dependent code."""
    s = status.value
    if role == "circle":
        return "area", f"circle.{s}"
    if role == "required_circle":
        return "area", f"circle.required.{s}"
    if role == "door":
        return ("marker" if isinstance(geom, Point) else "line"), ("door.offending" if s == "fail" else f"door.{s}")
    if isinstance(geom, Point):
        return "marker", f"marker.{s}"
    if geom.geom_type in ("LineString", "MultiLineString"):
        return "line", f"mark.{s}"
    return "area", f"mark.{s}"


def _text_box(text: str, at: Point, size_pt: float, k: float, angle: float = 0.0) -> BaseGeometry:
    """The box ``text`` covers at ``at`` when printed at ``k`` mm per metre."""
    lines = text.split("\n")
    h_mm = size_pt * PT_MM
    w = max(len(s) for s in lines) * 0.6 * h_mm / k
    h = len(lines) * 1.3 * h_mm / k
    if angle:
        w, h = h, w
    return box(at.x - w / 2, at.y - h / 2, at.x + w / 2, at.y + h / 2)


def _headroom_line(room_poly: BaseGeometry, low: BaseGeometry) -> BaseGeometry | None:
    """Where the 1.5 m line runs: the edge of the low floor that is not the room's wall."""
    if low.is_empty:
        return None
    edge = low.boundary.difference(room_poly.boundary.buffer(1e-4))
    edge = shapely.line_merge(edge) if edge.geom_type == "MultiLineString" else edge
    return None if edge.is_empty or edge.length < 1e-3 else edge


def _level_title(level: float) -> str:
    lv = int(level) if float(level).is_integer() else level
    names = {0: "ground floor", 1: "first floor", 2: "second floor", 3: "third floor", -1: "basement"}
    return f"Level {lv}" + (f" ({names[lv]})" if lv in names else "")


def build(report, style: Style = STYLE, layout_mode: str = "panels") -> Scene:
    """The scene for ``report``; ``layout_mode`` is ``panels`` or ``pages`` (PDF)."""
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

    # extents per level
    extents, bounds = [], []
    for lv in levels:
        geoms = [r.polygon for r in plan.rooms if r.level == lv]
        b = shapely.union_all(geoms).bounds if geoms else (0, 0, 1, 1)
        pad = 0.6
        b = (b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad)
        bounds.append(b)
        extents.append((b[2] - b[0], b[3] - b[1]))
    scale, frames = layout(extents, style, per_page=(layout_mode == "pages"))
    k = 1000 / scale  # mm per metre

    prims: dict[float, list[Primitive]] = {lv: [] for lv in levels}

    def add(lv, p: Primitive):
        prims.setdefault(lv if lv in prims else levels[0], []).append(p)

    key_entries: list[tuple[int, str]] = []
    label_look = style.look("label")
    for room in plan.rooms:
        rm = m.rooms.get(room.id)
        lv = room.level
        add(lv, Primitive("area", f"room.{_status_of(report, room.id)}", room.polygon, ref=room.id))
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
            add(lv, Primitive("area", "circle.clear", rm.clear_circle.geometry, ref=room.id))
        # the label: at the pole of the counted floor (else the room), if it fits there
        where = rm.counted_geom if not rm.counted_geom.is_empty else room.polygon
        pole = _pole(where)
        text = room_label(room.name or room.id, rm.area, rm.gross_area)
        fails = sorted({f.rule for f in report.findings_for(room.id) if f.status is Status.FAIL})
        if fails:
            text += "\n✗ " + " ".join(fails)
        spot = _label_spot(room.polygon, where, pole, text, label_look.size, k)
        if spot is not None:
            add(lv, Primitive("text", "label", spot[0], text=text, ref=room.id, angle=spot[1]))
        else:
            n = len(key_entries) + 1
            key_entries.append((n, text.replace("\n", " — ", 1).replace("\n", " ")))
            # the number must fit the room too: shrink it to the room's widest circle
            room_mm = 2 * where.boundary.distance(pole) * k
            size = max(3.0, min(style.look("label.key").size,
                                room_mm / (0.6 * len(str(n)) + 1.0) / PT_MM))
            add(lv, Primitive("marker", "label.key", pole, text=str(n), ref=room.id, size=size))

    for ob in plan.obstacles:
        lv = ob.level if ob.level is not None else _level_at(plan, ob.polygon)
        add(lv, Primitive("area", "obstacle", ob.polygon, ref=ob.id))
    for door in plan.doors:
        link = m.doors.get(door.id)
        lv = door.level if door.level is not None else level_of(link.connects if link and link.connects else (), _level_at(plan, door.geometry))
        kind = "marker" if isinstance(door.geometry, Point) else "line"
        add(lv, Primitive(kind, "door", door.geometry, ref=door.id))
    for pt in (*plan.meters, *plan.aerials):
        lv = pt.level if pt.level is not None else _level_at(plan, pt.point)
        add(lv, Primitive("marker", "point", pt.point))

    notes: list[tuple[str, str]] = []
    for f in report.findings:
        if f.status in (Status.FAIL, Status.WARN):
            notes.append((f.status.value, finding_note(f, room_names)))
        if f.status is Status.NOT_APPLICABLE:
            continue
        default_lv = level_of(f.rooms, None)
        for mark in f.marks:
            g = mark.geometry
            if g is None or g.is_empty:
                continue
            if mark.role == "room" and f.status is Status.PASS:
                continue  # the room fill already says so
            if mark.role == "low_headroom" and f.status is Status.PASS:
                continue
            kind, key = _mark_key(mark.role, f.status, g)
            if kind == "area" and key.startswith("mark."):
                g = _outer(g)  # a heavy outline round every hole would bury the plan
            lv = default_lv if default_lv is not None else _level_at(plan, g)
            add(lv, Primitive(kind, key, g, ref=f.rule))
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
                add(lv, Primitive("text", f"label.mark.{f.status.value}", at, text=label, ref=f.rule))

    panels = []
    for i, lv in enumerate(levels):
        ps = sorted(prims.get(lv, []), key=lambda p: style.look(p.key).z)
        title = _level_title(lv) if len(levels) > 1 or lv != 0 else "Plan"
        panels.append(Panel(lv, title, bounds[i], frames[i], tuple(ps)))
    drawn = {p.key for panel in panels for p in panel.primitives}
    legend = tuple((key, style.looks[key].label) for key in style.looks
                   if key in drawn and style.looks[key].label)
    counts = report.counts
    return Scene(
        title=plan.meta.name or plan.meta.source or "Plan",
        profile=f"{report.profile.id}" + (f" — {report.profile.title}" if report.profile.title else ""),
        result=report.result, counts=counts, scale=scale, panels=tuple(panels), legend=legend,
        key=tuple(key_entries), notes=tuple(notes), paper=style.paper, layout=layout_mode,
    )


def _label_spot(room: BaseGeometry, floor: BaseGeometry, pole: Point, text: str, size: float,
                k: float) -> tuple[Point, float] | None:
    """Where ``text`` fits inside ``room``: (point, angle), trying the middle of the counted
    floor first, then its pole; level first, then along a long narrow room."""
    points = []
    c = floor.centroid
    if not c.is_empty and floor.contains(c):
        points.append(c)
    points.append(pole)
    for angle in (0.0, 90.0):
        for at in points:
            if room.contains(_text_box(text, at, size, k, angle)):
                return at, angle
    return None


def _pole(geom: BaseGeometry) -> Point:
    polys = [geom] if geom.geom_type == "Polygon" else list(getattr(geom, "geoms", []))
    polys = [p for p in polys if p.geom_type == "Polygon" and not p.is_empty]
    if not polys:
        return geom.representative_point()
    big = max(polys, key=lambda p: p.area)
    try:
        line = shapely.maximum_inscribed_circle(big, tolerance=0.01)
        return Point(line.coords[0])
    except Exception:  # noqa: BLE001 - degenerate polygons
        return big.representative_point()


def _outer(g: BaseGeometry) -> BaseGeometry:
    """``g`` without its holes."""
    from shapely.geometry import MultiPolygon, Polygon

    if g.geom_type == "Polygon":
        return Polygon(g.exterior)
    if g.geom_type == "MultiPolygon":
        return MultiPolygon([Polygon(p.exterior) for p in g.geoms])
    return g


def _beside(line: BaseGeometry, side: BaseGeometry, offset: float) -> Point:
    """A point ``offset`` metres from the middle of ``line``, towards ``side``."""
    mid = line.interpolate(0.5, normalized=True)
    a = line.interpolate(max(0.0, line.project(mid) - 0.05))
    b = line.interpolate(min(line.length, line.project(mid) + 0.05))
    dx, dy = b.x - a.x, b.y - a.y
    n = math.hypot(dx, dy) or 1.0
    for sgn in (1, -1):
        p = Point(mid.x - sgn * dy / n * offset, mid.y + sgn * dx / n * offset)
        if side.contains(p):
            return p
    return mid


def _label_point(g: BaseGeometry, role: str) -> Point:
    if role in ("circle", "required_circle"):  # inside the circle: what fits below, what is needed above
        minx, miny, maxx, maxy = g.bounds
        f = 0.16 if role == "circle" else 0.84
        return Point((minx + maxx) / 2, miny + f * (maxy - miny))
    if isinstance(g, (LineString, MultiLineString)):
        return g.interpolate(0.5, normalized=True)
    return g.representative_point() if not isinstance(g, Point) else g


def _level_at(plan, geom: BaseGeometry) -> float:
    """The level of the room under ``geom`` (the first level when none is)."""
    for r in plan.rooms:
        if r.polygon.intersects(geom):
            return r.level
    return plan.levels[0] if plan.levels else 0.0
