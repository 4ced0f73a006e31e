"""The GeoJSON report: one feature per room with its measurements and findings, for QGIS.

Geometry goes back to the file's own coordinates (longitude/latitude for a plan read in
degrees, else the file's metres with its origin restored), so the layer lies exactly over
the plan it came from. Properties are flat where QGIS filters and styles on them
(``status``, ``area_m2``, ``failing_rules``...); the findings themselves are a list of
objects, which QGIS shows as JSON.
"""

from __future__ import annotations

import json

import shapely
from shapely.geometry import mapping
from shapely.geometry.polygon import orient

from floorplan.io.geojson.write import to_lonlat


def _ccw(geom):
    if geom.geom_type == "Polygon":
        return orient(geom, 1.0)
    if geom.geom_type == "MultiPolygon":
        return type(geom)([orient(p, 1.0) for p in geom.geoms])
    return geom


def features(report) -> list[dict]:
    d = report.to_dict()
    plan = report.plan
    lonlat = plan.meta.lonlat_origin is not None
    by_room: dict[str, list[dict]] = {}
    for f in d["findings"]:
        for rid in f["rooms"]:
            by_room.setdefault(rid, []).append(f)
    out = []
    for room, props in zip(plan.rooms, d["rooms"], strict=True):
        st = report.room_status(room.id)
        found = by_room.get(room.id, [])
        geom = shapely.set_precision(to_lonlat(room.polygon, plan), 1e-9 if lonlat else 1e-6)
        geom = _ccw(geom)  # RFC 7946: exterior rings anticlockwise (after rounding, which may flip them)
        ch = props.get("ceiling_height_m") or {}
        out.append({
            "type": "Feature",
            "id": room.id,
            "properties": {
                "kind": "room",
                **{k: v for k, v in props.items() if k != "ceiling_height_m"},
                "ceiling_min_m": ch.get("min"), "ceiling_max_m": ch.get("max"),
                "doors": ",".join(props["doors"]), "opens_onto": ",".join(props["opens_onto"]),
                "status": "unchecked" if st is None else st.value,
                "fail": sum(f["status"] == "fail" for f in found),
                "warn": sum(f["status"] == "warn" for f in found),
                "pass": sum(f["status"] == "pass" for f in found),
                "failing_rules": " ".join(sorted({f["rule"] for f in found if f["status"] == "fail"})),
                "findings": [{k: f[k] for k in ("rule", "name", "status", "measured", "required",
                                                  "unit", "message", "reference")} for f in found],
            },
            "geometry": mapping(geom),
        })
    return out


def render(report) -> str:
    d = report.to_dict()
    doc = {
        "type": "FeatureCollection",
        "name": d["plan"]["name"] or d["plan"]["source"],
        "floorplan_report": {
            "floorplan_version": d["floorplan_version"], "plan": d["plan"], "profile": d["profile"],
            "summary": d["summary"],
            "plan_findings": [f for f in d["findings"] if not f["rooms"]],
            "coordinates": "lon/lat (WGS84)" if report.plan.meta.lonlat_origin is not None
            else "the plan file's own coordinates, metres",
        },
        "features": features(report),
    }
    return json.dumps(doc, indent=1, ensure_ascii=False, default=_json_default) + "\n"


def _json_default(v):
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    raise TypeError(f"{type(v).__name__} is not JSON serialisable")
