"""Whose convention a GeoJSON file follows, and what kind of plan feature each feature is."""

from __future__ import annotations

from typing import Any


def flavour(features: list) -> str:
    """``"imdf"``, ``"osm"`` or ``"floorplan"``: whose convention the file follows."""
    for f in features[:2000]:
        if not isinstance(f, dict):
            continue
        if f.get("feature_type") in ("unit", "opening"):
            return "imdf"
        props = f.get("properties") or {}
        if isinstance(props, dict) and "kind" in props:
            return "floorplan"
        if isinstance(props, dict) and ("indoor" in props or "door" in props or "@id" in props):
            return "osm"
    return "floorplan"


def kind(props: dict, feature: dict, flavour: str) -> str | None:
    kind = props.get("kind")
    if kind in ("room", "door", "ceiling", "obstacle", "meter", "aerial"):
        return kind
    if flavour == "imdf":
        ft = feature.get("feature_type")
        return {"unit": "room", "opening": "door"}.get(str(ft))
    if flavour == "osm":
        geom_type = (feature.get("geometry") or {}).get("type")
        if props.get("indoor") in ("room", "area", "corridor") and geom_type in ("Polygon", "MultiPolygon"):
            return "room"
        if "door" in props and props.get("door") != "no" and geom_type == "Point":
            return "door"
    return None


def name(props: dict, flavour: str) -> str:
    name = props.get("name")
    if isinstance(name, dict):  # IMDF language map
        for lang in ("en", "en-GB", "en-US"):
            if name.get(lang):
                return str(name[lang])
        return str(next(iter(name.values()), "")) if name else ""
    if name:
        return str(name)
    ref = props.get("ref")
    if ref:
        return f"Room {ref}"
    return ""


def feature_name(feature: Any, index: int) -> str:
    props = feature.get("properties") if isinstance(feature, dict) else None
    label = None
    if isinstance(props, dict):
        label = props.get("id") or props.get("@id") or props.get("name")
        if isinstance(label, dict):
            label = next(iter(label.values()), None)
    if label is None and isinstance(feature, dict):
        label = feature.get("id")
    return f"feature {index}" + (f" ({label})" if label is not None else "")
