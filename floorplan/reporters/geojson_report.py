"""The GeoJSON report: one feature per room with its measurements and findings, and one
per door (a point), for QGIS.

Geometry goes back to the file's own coordinates, and the file says which they are, so a
GIS places it right:

* a plan read in longitude/latitude (IMDF, OpenStreetMap, a lon/lat GeoJSON) is written
  in longitude/latitude, as RFC 7946 has it, with no ``crs`` member;
* a plan in metres whose coordinate reference system is known (``PlanMeta.crs``: what
  the file declared, or ``--crs EPSG:27700``) is written in its own metres, origin
  restored, with the legacy ``crs`` member naming it, which GDAL, and so QGIS, read;
* an IFC model carrying an ``IfcMapConversion`` is written in its map's coordinates
  (eastings and northings, rotated and scaled as the model says), the ``crs`` member
  naming that map's CRS;
* any other plan is written in its own metres with a ``crs`` member naming a local
  engineering CRS (metres east and north of the drawing's origin), so QGIS treats it as
  a local drawing rather than as degrees at 0°N 0°E.

Properties are flat where QGIS filters and styles on them (``status``, ``area_m2``,
``failing_rules``...); the findings themselves are a list of objects, which QGIS shows as
JSON.
"""

from __future__ import annotations

import json
import math

import shapely
from shapely.geometry import mapping
from shapely.geometry.polygon import orient

from floorplan.findings import RESULT_WORDS, words
from floorplan.io.geojson.write import to_lonlat

#: the CRS of a drawing with no known place on Earth: metres east and north of its origin
#: (WKT 2; GDAL reads it from the ``crs`` member and QGIS shows the layer as local)
LOCAL_CRS = ('ENGCRS["floorplan local metres",EDATUM["the drawing\'s origin"],CS[Cartesian,2],'
             'AXIS["easting (E)",east,ORDER[1],LENGTHUNIT["metre",1]],'
             'AXIS["northing (N)",north,ORDER[2],LENGTHUNIT["metre",1]]]')


def crs_name(crs: str) -> str:
    """A CRS as the legacy ``crs`` member names it: ``EPSG:27700`` becomes
    ``urn:ogc:def:crs:EPSG::27700``; a URN or WKT is kept as it is."""
    text = crs.strip()
    head, sep, code = text.partition(":")
    if sep and head.upper() in ("EPSG", "ESRI", "IGNF") and code.strip().isdigit():
        return f"urn:ogc:def:crs:{head.upper()}::{code.strip()}"
    return text


def crs_member(plan) -> tuple[dict | None, str]:
    """(the ``crs`` member, or None for lon/lat; the words saying what the coordinates are)."""
    if plan.meta.lonlat_origin is not None and _geographic(plan.meta.crs):
        return None, "longitude/latitude (WGS84, RFC 7946)"
    if plan.meta.crs:
        name = crs_name(plan.meta.crs)
        if plan.meta.map_conversion is not None and plan.meta.map_conversion[0] == plan.meta.crs:
            a, _, d, _, east, north = plan.meta.map_conversion[1]
            return ({"type": "name", "properties": {"name": name}},
                    f"{plan.meta.crs}, placed by the model's IfcMapConversion: its local origin "
                    f"at easting {east:g}, northing {north:g}, its x axis "
                    f"{math.degrees(math.atan2(d, a)):g}° anticlockwise from east, "
                    f"{math.hypot(a, d):g} map units to the model's metre")
        return ({"type": "name", "properties": {"name": name}},
                f"metres in {plan.meta.crs} (the plan file's own coordinates)")
    return ({"type": "name", "properties": {"name": LOCAL_CRS}},
            "local metres: east and north of the drawing's origin, not placed on the Earth "
            "(give --crs EPSG:CODE when the drawing is on a national grid)")


def _geographic(crs: str | None) -> bool:
    """A plan read in longitude/latitude (``None``: assumed so, as IMDF and OSM are);
    a projected CRS (EPSG:3857, a national grid) is written back in its own metres."""
    if crs is None:
        return True
    from floorplan.io.geojson.crs import resolve

    try:
        return resolve(crs, "-").geographic
    except Exception:  # noqa: BLE001 - a CRS the reader accepted resolves; be safe anyway
        return True


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
                "status_words": "not checked" if st is None else words(st),
                "fail": sum(f["status"] == "fail" for f in found),
                "warn": sum(f["status"] == "warn" for f in found),
                "pass": sum(f["status"] == "pass" for f in found),
                "failing_rules": " ".join(sorted({f["rule"] for f in found if f["status"] == "fail"})),
                "findings": [{k: f[k] for k in ("rule", "name", "status", "measured", "required",
                                                  "unit", "message", "reference")} for f in found],
            },
            "geometry": mapping(geom),
        })
    return out + door_features(report, d["doors"], lonlat)


def door_features(report, doors: list[dict], lonlat: bool) -> list[dict]:
    """One Point feature per door, where the JSON report's ``at`` puts it (a door drawn
    as a line: its middle), in the same coordinates as the rooms; properties as the JSON
    report's door records, ``connects`` comma-joined."""
    out = []
    for props in doors:
        at = shapely.set_precision(to_lonlat(shapely.Point(props["at"]), report.plan),
                                   1e-9 if lonlat else 1e-6)
        out.append({
            "type": "Feature",
            "id": props["id"],
            "properties": {"kind": "door",
                           **{k: v for k, v in props.items() if k not in ("at", "connects")},
                           "connects": ",".join(props["connects"] or ())},
            "geometry": mapping(at),
        })
    return out


def render(report) -> str:
    d = report.to_dict()
    crs, words = crs_member(report.plan)
    doc: dict = {"type": "FeatureCollection", "name": d["plan"]["name"] or d["plan"]["source"]}
    if crs is not None:
        doc["crs"] = crs
    doc["floorplan_report"] = {
        "floorplan_version": d["floorplan_version"], "plan": d["plan"], "profile": d["profile"],
        "summary": {**d["summary"], "result_words": RESULT_WORDS.get(d["summary"]["result"],
                                                                     d["summary"]["result"])},
        "plan_findings": [f for f in d["findings"] if not f["rooms"]],
        "coordinates": words,
    }
    doc["features"] = features(report)
    return json.dumps(doc, indent=1, ensure_ascii=False, default=_json_default) + "\n"


def _json_default(v):
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    raise TypeError(f"{type(v).__name__} is not JSON serialisable")
