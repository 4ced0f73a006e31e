"""The plan written back as GeoJSON, and geometry moved back to the file's own frame."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import shapely
import shapely.affinity

from floorplan.io.geojson.lonlat import unproject
from floorplan.model import Plan


def plan_to_geojson(plan: Plan) -> dict:
    """The plan in the floorplan GeoJSON convention (metres, local frame)."""
    feats: list[dict] = []

    def geo(g) -> dict:
        return shapely.geometry.mapping(g)

    for r in plan.rooms:
        props: dict[str, Any] = {**_json_safe(r.properties), "kind": "room", "id": r.id,
                                 "name": r.name, "use": str(r.use), "level": r.level,
                                 "wheelchair": r.wheelchair}
        if r.dwelling is not None:
            props["dwelling"] = r.dwelling
        if r.ceiling_height is not None:
            props["ceiling_height"] = r.ceiling_height
        feats.append({"type": "Feature", "properties": props, "geometry": geo(r.polygon)})
    for d in plan.doors:
        props = {"kind": "door", "id": d.id}
        if d.width is not None:
            props["width"] = d.width
        if d.connects is not None:
            props["connects"] = list(d.connects)
        if d.level is not None:
            props["level"] = d.level
        if d.entrance:
            props["entrance"] = True
        feats.append({"type": "Feature", "properties": props, "geometry": geo(d.geometry)})
    for c in plan.ceilings:
        props = {"kind": "ceiling"}
        if c.heights is not None:
            props["heights"] = list(c.heights)
        else:
            props["height"] = c.height
        if c.level is not None:
            props["level"] = c.level
        feats.append({"type": "Feature", "properties": props, "geometry": geo(c.polygon)})
    for o in plan.obstacles:
        props = {"kind": "obstacle", "name": o.name}
        if o.kind is not None:
            props["fitting"] = o.kind
        if o.level is not None:
            props["level"] = o.level
        feats.append({"type": "Feature", "properties": props, "geometry": geo(o.polygon)})
    for m in plan.meters:
        props = {"kind": "meter"}
        if m.utility:
            props["utility"] = m.utility
        if m.level is not None:
            props["level"] = m.level
        feats.append({"type": "Feature", "properties": props, "geometry": geo(m.point)})
    for a in plan.aerials:
        props = {"kind": "aerial"}
        if a.level is not None:
            props["level"] = a.level
        feats.append({"type": "Feature", "properties": props, "geometry": geo(a.point)})
    meta = {"version": 1, "units": "m"}
    for key in ("name", "scheme", "tenants"):
        if getattr(plan.meta, key) is not None:
            meta[key] = getattr(plan.meta, key)
    meta["wheelchair"] = plan.meta.wheelchair
    return {"type": "FeatureCollection", "floorplan": meta, "features": feats}


def _json_safe(props: dict) -> dict:
    """Properties that survive JSON (others are dropped rather than failing the write)."""
    out = {}
    for k, v in props.items():
        try:
            json.dumps(v)
        except (TypeError, ValueError):
            continue
        out[str(k)] = v
    return out


def to_lonlat(geom, plan: Plan):
    """``geom`` (local metres) back in the file's own coordinates: longitude/latitude, the
    coordinate system it declared (``plan.meta.crs``, e.g. EPSG:27700), or its metres; or
    on the map of its ``meta.map_conversion`` (an IFC model's IfcMapConversion)."""
    meta = plan.meta
    if meta.map_conversion is not None and meta.crs == meta.map_conversion[0]:
        return shapely.affinity.affine_transform(geom, meta.map_conversion[1])
    origin = meta.lonlat_origin
    if origin is not None:
        from floorplan.io.geojson import crs as crs_mod

        system = crs_mod.resolve(meta.crs or "EPSG:4326", meta.source)

        def fn(xy: np.ndarray) -> np.ndarray:
            ll = unproject(xy[:, 0], xy[:, 1], origin, system.ellipsoid)
            return ll if system.geographic else system.from_lonlat(ll)
        return shapely.transform(geom, fn)
    ox, oy = meta.origin
    if ox or oy:
        return shapely.transform(geom, lambda xy: xy + np.array([ox, oy]))
    return geom
