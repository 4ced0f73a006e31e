"""Doors of an IFC model: the spaces each joins, its width and a line across its opening.

A door joins the two spaces that ``IfcRelSpaceBoundary`` relations name for it (or for
the opening it fills). Where the model has no boundaries, or names only one space of an
internal door, the door is drawn as a line across its opening (along its local x axis, at
the middle of the wall) and the rooms either side are found from the footprints, as for
any plan. Its width is a ``ClearWidth`` property where the model has one, else
``OverallWidth`` (the frame's overall width, wider than the clear opening: the notes say
so), else the length of that line.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np
from shapely.geometry import LineString, Point

from floorplan.model import OUTSIDE, Door


def boundaries(model: Any, room_of: dict[int, str]) -> dict[int, set[str]]:
    """Element id (a door, an opening) -> the rooms its space boundaries name."""
    found: dict[int, set[str]] = defaultdict(set)
    for rel in model.by_type("IfcRelSpaceBoundary"):
        space, element = rel.RelatingSpace, rel.RelatedBuildingElement
        if space is None or element is None or space.id() not in room_of:
            continue
        found[element.id()].add(room_of[space.id()])
    return found


def read_doors(model: Any, room_of: dict[int, str], level_of: Any, shape_of: Any,
               scale: float, props_of: Any) -> list[Door]:
    """Every ``IfcDoor`` as a :class:`~floorplan.model.Door`.

    ``room_of`` maps space ids to room ids, ``level_of(element)`` gives an element's level,
    ``shape_of(element)`` its world vertices in metres (or ``None``), ``scale`` turns the
    model's lengths into metres and ``props_of(door)`` gives its properties flattened
    (``Pset_DoorCommon.IsExternal``, ``ClearWidth``).
    """
    import ifcopenshell.util.placement as placement

    bounded = boundaries(model, room_of)
    doors = []
    for k, door in enumerate(model.by_type("IfcDoor")):
        openings = [rel.RelatingOpeningElement for rel in getattr(door, "FillsVoids", ()) or ()]
        named: set[str] = set(bounded.get(door.id(), set()))
        for o in openings:
            named |= bounded.get(o.id(), set())
        props = props_of(door)
        clear = props.get("ClearWidth")
        if isinstance(clear, int | float) and clear > 0:
            width, width_from = float(clear) * scale, "ClearWidth"
        elif door.OverallWidth:
            width, width_from = float(door.OverallWidth) * scale, "OverallWidth"
        else:
            width, width_from = None, "geometry"
        external = bool(props.get("Pset_DoorCommon.IsExternal"))
        connects: tuple[str, str] | None = None
        if len(named) == 2:
            a, b = sorted(named)
            connects = (a, b)
        elif len(named) == 1 and external:
            connects = (next(iter(named)), OUTSIDE)
        matrix = None
        if door.ObjectPlacement is not None:
            matrix = np.array(placement.get_local_placement(door.ObjectPlacement), dtype=float)
            matrix[:3, 3] *= scale
        verts = None
        for element in (*openings, door):
            verts = shape_of(element)
            if verts is not None and len(verts):
                break
        geometry = _across(matrix, verts, width)
        bounds = ({"ifc_bounds": tuple(round(float(v), 4) for v in (*verts.min(axis=0), *verts.max(axis=0)))}
                  if verts is not None and len(verts) else {})
        if geometry is None:
            continue
        doors.append(Door(
            id=str(door.Name or door.GlobalId or f"door-{k + 1}").strip() or f"door-{k + 1}",
            geometry=geometry, width=width, connects=connects, level=level_of(door),
            properties={"ifc_guid": door.GlobalId, "ifc_class": door.is_a(),
                        "connects_from": "IfcRelSpaceBoundary" if connects else "geometry",
                        "width_from": width_from,
                        **bounds, **({"external": True} if external else {})}))
    return _unique_ids(doors)


def _across(matrix: np.ndarray | None, verts: np.ndarray | None, width: float | None
            ) -> LineString | Point | None:
    """A line across the opening at mid-wall, from the door's (or opening's) vertices in
    its local frame; the placement point and width where there are no vertices."""
    if matrix is None:
        if verts is None or not len(verts):
            return None
        c = verts.mean(axis=0)
        return Point(float(c[0]), float(c[1]))
    origin, ux, uy = matrix[:3, 3], matrix[:3, 0], matrix[:3, 1]
    ux2 = np.array([ux[0], ux[1]])
    if np.linalg.norm(ux2) < 1e-9:  # a door whose x axis is vertical: no plan direction
        return Point(float(origin[0]), float(origin[1]))
    ux2 /= np.linalg.norm(ux2)
    uy2 = np.array([-ux2[1], ux2[0]])
    if np.dot(uy2, uy[:2]) < 0:
        uy2 = -uy2
    if verts is not None and len(verts):
        rel = verts[:, :2] - origin[:2]
        xs, ys = rel @ ux2, rel @ uy2
        x0, x1, ym = float(xs.min()), float(xs.max()), float((ys.min() + ys.max()) / 2)
    elif width:
        x0, x1, ym = 0.0, width, 0.0
    else:
        return Point(float(origin[0]), float(origin[1]))
    p0 = origin[:2] + x0 * ux2 + ym * uy2
    p1 = origin[:2] + x1 * ux2 + ym * uy2
    return LineString([tuple(map(float, p0)), tuple(map(float, p1))])


def _unique_ids(doors: list[Door]) -> list[Door]:
    from dataclasses import replace

    seen: dict[str, int] = {}
    out = []
    for d in doors:
        n = seen.get(d.id, 0)
        seen[d.id] = n + 1
        out.append(d if n == 0 else replace(d, id=f"{d.id}-{n + 1}"))
    return out
