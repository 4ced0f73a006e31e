"""What the review page is sent: the corrected plan, its check, and the corrections.

Geometry is in the plan's local metres with y turned downwards (SVG's way), rounded to
the millimetre. Everything else is the report's own data (``Report.to_dict``). The page
puts every text it is sent into the document as text, never as markup.
"""

from __future__ import annotations

import math
from typing import Any

from shapely.geometry import Point

from floorplan.geometry import polygons_of
from floorplan.model import CONFIDENCE_LEVELS, SCHEMES, Use
from floorplan.units import UNIT_NAMES


def _ring(coords) -> str:
    pts = list(coords)[:-1]
    return "M" + " L".join(f"{x:.3f},{-y:.3f}" for x, y in pts) + " Z"


def svg_path(geom) -> str:
    """An SVG path (``fill-rule: evenodd`` for the holes) of a polygon's rings."""
    out = []
    for p in polygons_of(geom):
        out.append(_ring(p.exterior.coords))
        out += [_ring(r.coords) for r in p.interiors]
    return " ".join(out)


def deep_point(geom, circle=None):
    """A point well inside ``geom`` where a person would look for it: the centroid when it
    is nearly as far from the walls as any point can be, else the centre of the largest
    circle inside (an L-shaped room's centroid may lie near, or beyond, a wall).

    ``circle`` is that circle where it is known (the measured clear circle), as a
    :class:`~floorplan.geometry.Circle`; else it is found here.
    """
    import shapely

    if geom.geom_type != "Polygon" or geom.is_empty:
        return geom.representative_point()
    if circle is not None and geom.contains(circle.center):
        centre, radius = circle.center, circle.diameter / 2
    else:
        try:
            tol = max(0.005, math.sqrt(geom.area) / 500)
            line = shapely.maximum_inscribed_circle(geom, tolerance=tol)
        except Exception:  # noqa: BLE001 - degenerate outlines
            return geom.representative_point()
        centre, radius = Point(line.coords[0]), line.length
    c = geom.centroid
    if geom.contains(c) and geom.exterior.distance(c) >= 0.8 * radius and all(
            ring.distance(c) >= 0.8 * radius for ring in geom.interiors):
        return c
    return centre


def _pole(geom, circle=None) -> tuple[float, float]:
    p = deep_point(geom, circle)
    return round(p.x, 3), round(-p.y, 3)


def state(session) -> dict[str, Any]:
    """The page's whole view of the session, as JSON-ready data."""
    report = session.report
    plan = session.plan
    d = report.to_dict()
    corrected = {r for c in plan.corrections if c.status == "applied" for r in c.rooms}
    by_room: dict[str, list[dict]] = {}
    for f in d["findings"]:
        for rid in f["rooms"]:
            by_room.setdefault(rid, []).append(f)
    rooms = []
    for room, r in zip(plan.rooms, d["rooms"], strict=True):
        st = report.room_status(room.id)
        props = room.properties or {}
        rooms.append({
            **{k: r[k] for k in ("id", "name", "use", "dwelling", "level", "wheelchair", "source",
                                 "gross_area_m2", "area_m2", "ceiling_height_m", "doors",
                                 "opens_onto", "confidence")},
            "bedroom_type": props.get("bedroom_type"), "bedspaces": props.get("bedspaces"),
            "status": "unchecked" if st is None else st.value,
            "corrected": room.id in corrected,
            "path": svg_path(room.polygon),
            "label": _pole(room.polygon, report.measurements.rooms[room.id].clear_circle),
            "findings": [{k: f[k] for k in ("rule", "name", "status", "message")}
                         for f in by_room.get(room.id, []) if f["status"] != "not_applicable"],
        })
    doors = []
    for link in report.measurements.doors.values():
        g = link.door.geometry
        coords = [(round(x, 3), round(-y, 3)) for x, y in g.coords]
        doors.append({"id": link.id, "points": coords, "width_m": link.width,
                      "connects": list(link.connects) if link.connects else None,
                      "level": link.door.level, "assessor": (link.door.properties or {}).get(
                          "from") == "assessor"})
    obstacles = [{"path": svg_path(o.polygon), "level": o.level, "name": o.name}
                 for o in plan.obstacles]
    bounds: dict[str, list[float]] = {}
    for room in plan.rooms:
        key = _level_key(room.level)
        x0, y0, x1, y1 = room.polygon.bounds
        b = bounds.setdefault(key, [x0, -y1, x1, -y0])
        b[:] = [min(b[0], x0), min(b[1], -y1), max(b[2], x1), max(b[3], -y0)]
    items = [{"index": i, "action": it.action, "origin": it.origin, "text": it.text}
             for i, it in enumerate(session.items)]
    return {
        "revision": session.revision,
        "changed": session.changed,
        "file": str(session.target),
        "text": session.text(),
        "plan": {**d["plan"], "north": plan.meta.north, "levels": [_level_key(v) for v in plan.levels],
                 "lonlat": plan.meta.lonlat_origin is not None},
        "plan_values": dict(session.plan_values),
        "profile": d["profile"],
        "summary": d["summary"],
        "rooms": rooms,
        "doors": doors,
        "obstacles": obstacles,
        "bounds": bounds,
        "findings": [{k: f[k] for k in ("rule", "name", "status", "message", "rooms")}
                     for f in d["findings"] if f["status"] in ("fail", "warn")],
        "notes": d["warnings"],
        "corrections": d["corrections"],
        "items": items,
        "choices": {"uses": [u.value for u in Use], "schemes": list(SCHEMES),
                    "units": list(UNIT_NAMES), "confidence": list(CONFIDENCE_LEVELS),
                    "bedroom_types": ["single", "double", "principal"]},
    }


def _level_key(level: float) -> str:
    return f"{level:g}"
