"""Fittings and furniture of an IFC model as obstacles, with their kinds.

``IfcSanitaryTerminal`` (and IFC2X3's ``IfcFlowTerminal`` typed as one), every
``IfcFurnishingElement`` (furniture, kitchen units, wardrobes) and ``IfcTransportElement``
(a lift) becomes an :class:`~floorplan.model.Obstacle`: its outline is its body seen from
above. Its kind comes from its predefined type (``BATH``, ``SHOWER``, ``TOILETPAN`` ...)
else from its name, object type and type's name, read as a plan's fitting names are
(:func:`floorplan.fittings.fitting_kind`). A fitting hung entirely above
:data:`HIGH_MOUNTED` (wall cupboards) leaves the floor under it free and is left out.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from shapely.geometry import MultiPolygon, Polygon

from floorplan.fittings import fitting_kind
from floorplan.io.ifc.shapes import FACING, _union
from floorplan.model import Obstacle

#: a fitting whose underside is at least this far above its storey's floor is no obstacle
HIGH_MOUNTED = 1.2
#: IFC classes read as fittings
CLASSES = ("IfcSanitaryTerminal", "IfcFurnishingElement", "IfcTransportElement", "IfcFlowTerminal")
#: predefined types that say the kind outright
PREDEFINED = {
    "BATH": "bath", "SHOWER": "shower", "TOILETPAN": "wc", "WCSEAT": "wc",
    "WASHHANDBASIN": "basin", "SINK": "kitchen_unit", "BED": "bed", "CHAIR": "furniture",
    "SOFA": "furniture", "TABLE": "furniture", "DESK": "furniture", "FILECABINET": "furniture",
    "SHELF": "furniture", "ELEVATOR": "liftway",
}


def read_fittings(model: Any, level_of: Any, elevation_of: Any, mesh_of: Any) -> list[Obstacle]:
    """Every fitting as an obstacle: ``level_of(element)`` gives its level,
    ``elevation_of(element)`` its storey's floor height in metres (or ``None``) and
    ``mesh_of(element)`` its world triangles ``(verts, faces)`` in metres (or ``None``)."""
    import ifcopenshell.util.element as uel

    seen: set[int] = set()
    out: list[Obstacle] = []
    for cls in CLASSES:
        try:
            elements = model.by_type(cls)
        except RuntimeError:  # a class this schema does not have (IfcSanitaryTerminal: IFC4)
            continue
        for el in elements:
            if el.id() in seen:
                continue
            seen.add(el.id())
            etype = uel.get_type(el)
            if cls == "IfcFlowTerminal" and not (etype is not None and etype.is_a("IfcSanitaryTerminalType")):
                continue  # IFC2X3: only sanitary terminals among the flow terminals
            found = mesh_of(el)
            if found is None:
                continue
            verts, faces = found
            floor = elevation_of(el)
            if floor is not None and float(verts[:, 2].min()) - floor >= HIGH_MOUNTED:
                continue
            outline = _plan_outline(verts, faces)
            if outline is None:
                continue
            out.append(Obstacle(
                id=str(el.GlobalId), name=str(el.Name or el.ObjectType or el.is_a()),
                polygon=outline, level=level_of(el), kind=_kind(el, etype)))
    return out


def _kind(el: Any, etype: Any) -> str | None:
    for obj in (el, etype):
        pre = str(getattr(obj, "PredefinedType", "") or "").upper() if obj is not None else ""
        if pre in PREDEFINED:
            return PREDEFINED[pre]
    names = [el.Name, el.ObjectType, getattr(etype, "Name", None) if etype is not None else None]
    kind = fitting_kind(*[str(n) for n in names if n])
    if kind is None and el.is_a("IfcFurnishingElement"):
        return "furniture"
    return kind


def _plan_outline(verts: np.ndarray, faces: np.ndarray) -> Polygon | None:
    """The body seen from above (its largest part)."""
    tri = verts[faces]
    normal = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
    length = np.linalg.norm(normal, axis=1)
    flat = np.abs(normal[:, 2]) > FACING * np.maximum(length, 1e-12)
    area = _union(tri[flat])
    if area.is_empty:
        return None
    if isinstance(area, MultiPolygon):
        return max(area.geoms, key=lambda p: p.area)
    return area
