"""Plan facts a drawing keeps in its custom properties (DWGPROPS), for the DXF reader."""

from __future__ import annotations

from floorplan.errors import PlanReadError
from floorplan.model import SCHEMES


def drawing_properties(doc, source: str, notes: list[str]) -> dict:
    """Plan facts kept in the drawing's custom properties (DWGPROPS): ``scheme``,
    ``tenants``, ``wheelchair``, ``name`` (optionally prefixed ``floorplan.``)."""
    out: dict = {}
    try:
        props = list(doc.header.custom_vars)
    except Exception:  # noqa: BLE001 - a damaged header keeps its defaults
        return out
    for key, value in props:
        k = str(key).strip().lower().removeprefix("floorplan.").removeprefix("floorplan_")
        v = str(value).strip()
        where = f"drawing property {key!r}"
        if k == "scheme":
            if v not in SCHEMES:
                raise PlanReadError(source, f"unknown scheme {v!r} (expected one of "
                                    f"{', '.join(SCHEMES)})", where)
            out["scheme"] = v
        elif k == "tenants":
            if not v.isdigit():
                raise PlanReadError(source, f"tenants must be a whole number, not {v!r}", where)
            out["tenants"] = int(v)
        elif k == "wheelchair":
            out["wheelchair"] = v.lower() in ("1", "yes", "true")
        elif k in ("name", "title") and v:
            out["name"] = v
    if out:
        notes.append("plan facts from the drawing's properties: " + ", ".join(
            f"{k}={v}" for k, v in out.items()))
    return out
