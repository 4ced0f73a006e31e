"""A space's 3D body as plan geometry: its footprint and the ceiling over it.

IfcOpenShell triangulates the body in world coordinates, in metres. The triangles facing
down are its floor: their union is the footprint, with its holes (a column or shaft the
space goes round). A floor in steps (a sunken area) is kept whole, and
:attr:`Body.floor_step` says how far its levels lie apart. The triangles facing up are its top,
grouped by the plane they lie in: each group, cut to the footprint, is one
:class:`~floorplan.model.Ceiling`, flat or sloped (its vertex heights on that plane), so
the 1.5 m headroom contour is found by the same code as for any other plan.

Pure numpy and shapely: nothing here imports IfcOpenShell.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon

from floorplan.geometry import polygons_of
from floorplan.model import Ceiling

#: a triangle whose unit normal has a z part beyond this faces up (top) or down (floor)
FACING = 0.02
#: floor triangles further apart in height than this make a stepped floor (metres)
FLOOR_TOLERANCE = 0.02
#: plane slopes within this are one plane; a slope below it is flat (metres per metre)
SLOPE_TOLERANCE = 1e-4
#: plane heights within this are one plane (metres)
HEIGHT_TOLERANCE = 1e-3
#: coordinates are snapped to this grid when triangles are joined (metres)
GRID = 1e-6
#: a closed body's faces looking up and down cover the same plan area, within this share
BALANCE = 0.01
#: parts of a footprint or ceiling smaller than this are slivers of the triangulation (m²)
SLIVER = 1e-4


@dataclass(frozen=True)
class Body:
    """What a space's body gives the plan: footprint, floor and top heights, ceilings."""

    footprint: Polygon | MultiPolygon
    floor_z: float
    top_z: float
    #: ceilings over the footprint, highest first (where they overlap, the last wins)
    ceilings: tuple[Ceiling, ...]
    #: the flat height over the whole footprint, when the top is one level plane
    flat_height: float | None
    #: how far the highest floor triangle lies above the lowest (0 for a level floor)
    floor_step: float = 0.0


def body_from_mesh(verts: np.ndarray, faces: np.ndarray) -> Body | None:
    """The footprint and ceilings of a closed triangle mesh (``verts`` n x 3 in metres,
    ``faces`` m x 3 indices, each anticlockwise seen from outside), or ``None`` when it
    has no floor. (Its tests are in ``tests/test_ifc_shapes.py``.)
    """
    if len(verts) == 0 or len(faces) == 0:
        return None
    tri = verts[faces]  # m x 3 x 3
    if _signed_volume(tri) < 0:  # faces wound inwards: the floor would read as a ceiling
        tri = tri[:, ::-1]
    normal = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
    length = np.linalg.norm(normal, axis=1)
    ok = length > 1e-12
    nz = np.zeros(len(tri))
    nz[ok] = normal[ok, 2] / length[ok]
    top_z = float(verts[:, 2].max())
    down, up = nz < -FACING, nz > FACING
    if not _balanced(tri, down, up):
        low, high = _by_height(tri, down | up)
        if low.any() and high.any():  # a floor and a top over it, whichever way they face
            down, up = low, high
    footprint = _union(tri[down])
    if footprint.is_empty:
        return None
    floor_z = float(tri[down][:, :, 2].min())
    step = float(tri[down][:, :, 2].max()) - floor_z
    ceilings, flat = _ceilings(tri[up], footprint, floor_z)
    return Body(footprint, floor_z, top_z, ceilings, flat,
                floor_step=step if step > FLOOR_TOLERANCE else 0.0)


def _signed_volume(tri: np.ndarray) -> float:
    """The volume a closed mesh encloses: negative when its faces are wound inwards."""
    c = tri - tri.reshape(-1, 3).mean(axis=0)  # about the centre, for precision far away
    return float(np.einsum("ij,ij->i", c[:, 0], np.cross(c[:, 1], c[:, 2])).sum() / 6.0)


def _balanced(tri: np.ndarray, down: np.ndarray, up: np.ndarray) -> bool:
    """True when the faces looking down cover, seen from above, as much as those looking
    up, as in any closed body wound one way. A surface model (``IfcFaceBasedSurfaceModel``,
    as Revit writes a space cut by a stair) may have its floor and its top both facing
    down: then they are told apart by height (:func:`_by_height`)."""
    def projected(t: np.ndarray) -> float:
        d1, d2 = t[:, 1, :2] - t[:, 0, :2], t[:, 2, :2] - t[:, 0, :2]
        return float(np.abs(d1[:, 0] * d2[:, 1] - d1[:, 1] * d2[:, 0]).sum() / 2)

    a_down, a_up = projected(tri[down]), projected(tri[up])
    return abs(a_down - a_up) <= BALANCE * max(a_down, a_up, SLIVER)


def _by_height(tri: np.ndarray, flat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(floor, top) masks of the non-vertical triangles ``flat``, whatever way they face:
    a triangle is floor where no other lies below its centre, top otherwise."""
    idx = np.flatnonzero(flat)
    polys = shapely.polygons(tri[idx][:, :, :2])
    tree = shapely.STRtree(np.asarray(polys, dtype=object))
    centres = tri[idx].mean(axis=1)
    down = np.zeros(len(tri), bool)
    up = np.zeros(len(tri), bool)
    for k, (i, c) in enumerate(zip(idx, centres, strict=True)):
        lowest = True
        for j in tree.query(shapely.Point(c[0], c[1]), predicate="intersects"):
            if j == k:
                continue
            a, b, h = _plane(tri[idx[j]])
            if a * c[0] + b * c[1] + h < c[2] - HEIGHT_TOLERANCE:
                lowest = False
                break
        (down if lowest else up)[i] = True
    return down, up


def _union(tri: np.ndarray) -> Polygon | MultiPolygon:
    """The union of triangles seen from above, slivers dropped."""
    if len(tri) == 0:
        return Polygon()
    polys = shapely.polygons(tri[:, :, :2])
    merged = shapely.union_all(shapely.make_valid(polys), grid_size=GRID)
    parts = [p for p in polygons_of(merged) if p.area > SLIVER]
    if not parts:
        return Polygon()
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _plane(t: np.ndarray) -> tuple[float, float, float]:
    """``(a, b, c)`` of the plane ``z = a x + b y + c`` through a triangle (not vertical)."""
    p0, p1, p2 = t
    n = np.cross(p1 - p0, p2 - p0)
    a, b = -n[0] / n[2], -n[1] / n[2]
    return float(a), float(b), float(p0[2] - a * p0[0] - b * p0[1])


def _ceilings(top: np.ndarray, footprint: Polygon | MultiPolygon, floor_z: float
              ) -> tuple[tuple[Ceiling, ...], float | None]:
    """The top triangles as ceilings over ``footprint``, grouped by plane."""
    groups: list[tuple[tuple[float, float, float], list[np.ndarray]]] = []
    for t in top:
        a, b, c = _plane(t)
        for (ga, gb, gc), members in groups:
            if (abs(a - ga) <= SLOPE_TOLERANCE and abs(b - gb) <= SLOPE_TOLERANCE
                    and abs(c - gc) <= HEIGHT_TOLERANCE):
                members.append(t)
                break
        else:
            groups.append(((a, b, c), [t]))
    pieces: list[tuple[float, Ceiling]] = []
    for (a, b, c), members in groups:
        flat = abs(a) <= SLOPE_TOLERANCE and abs(b) <= SLOPE_TOLERANCE
        if flat:
            a = b = 0.0
        area = _union(np.array(members)).intersection(footprint)
        for part in polygons_of(area):
            if part.area <= SLIVER:
                continue
            part = shapely.normalize(shapely.simplify(part, 0.0))
            xy = np.asarray(part.exterior.coords)[:-1]
            z = a * xy[:, 0] + b * xy[:, 1] + c - floor_z
            mean = float(z.mean())
            ceiling = (Ceiling(part, height=round(float(c - floor_z), 6)) if flat else
                       Ceiling(part, heights=tuple(round(float(h), 6) for h in z)))
            pieces.append((mean, ceiling))
    pieces.sort(key=lambda p: -p[0])
    ceilings = tuple(c for _, c in pieces)
    heights = {c.height for c in ceilings}
    covered = shapely.union_all([c.polygon for c in ceilings]) if ceilings else Polygon()
    if (len(heights) == 1 and None not in heights
            and footprint.difference(covered).area <= SLIVER):
        return (), float(next(iter(heights)))  # type: ignore[arg-type]
    return ceilings, None
