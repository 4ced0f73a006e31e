"""Outlines read in bulk: the plain ones (one closed ring of plain positions, valid, with
area, in a frame of plain metres) made into polygons in a few numpy and shapely calls,
not one feature at a time.

:func:`plain_polygons` maps ``id(geometry)`` to its Polygon for every GeoJSON Polygon in
the features that needs nothing more: closed, at least four positions, within the
vertex budget, valid, with area. The reader takes a geometry's polygon from it and reads
every other one as before, feature by feature, with its findings and errors (an outline
not closed, a repair, a bad coordinate). The polygons are the same: the same positions
less the origin times the scale (arithmetic is exact element by element, however many
at once), the same rings. That holds for longitude/latitude too (OSM, IMDF): their
projection (:func:`~floorplan.io.geojson.lonlat.project`) is a subtraction and
multiplications by numbers of the frame, element by element. Where anything in the
whole lot is odd (a coordinate that is not a number, not finite, or out of range,
positions of mixed length), or the frame is a declared projected CRS (grid coordinates
taken back to longitude/latitude by functions whose rounding may depend on how many
values are taken at once), nothing is taken in bulk and every outline is read one by one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely

from floorplan.errors import PlanReadError
from floorplan.io import limits


def plain_polygons(features: list, frame: Any) -> dict[int, shapely.Polygon]:
    """``{id(geometry): Polygon}`` for the features' plain Polygon geometries (above)."""
    if not _elementwise(frame):
        return {}
    geoms, rings = [], []
    for f in features:
        g = f.get("geometry") if isinstance(f, dict) else None
        if isinstance(g, dict) and g.get("type") == "Polygon":
            c = g.get("coordinates")
            if type(c) is list and len(c) == 1 and type(c[0]) is list and len(c[0]) >= 4:
                geoms.append(g)
                rings.append(c[0])
    if not rings:
        return {}
    sizes = np.fromiter(map(len, rings), dtype=np.intp, count=len(rings))
    xy = _local([p for r in rings for p in r], frame)
    if xy is None:
        return {}
    ends = np.cumsum(sizes)
    first, last = xy[ends - sizes], xy[ends - 1]
    closed = (np.abs(first - last) <= 1e-8 + 1e-5 * np.abs(last)).all(axis=1)
    keep = closed & (sizes <= limits.MAX_ROOM_VERTICES)
    if not keep.any():
        return {}
    which = np.repeat(keep, sizes)
    index = np.repeat(np.arange(int(keep.sum())), sizes[keep])
    polys = shapely.polygons(shapely.linearrings(xy[which], indices=index))
    good = shapely.is_valid(polys) & (shapely.area(polys) > 1e-9)
    kept = [g for g, k in zip(geoms, keep.tolist(), strict=True) if k]
    return {id(g): p for g, p, ok in zip(kept, polys.tolist(), good.tolist(), strict=True) if ok}


def plain_points(features: list, frame: Any) -> dict[int, shapely.Point]:
    """``{id(geometry): Point}`` for the features' Point geometries whose coordinates are one
    plain position (two or three numbers), moved to local metres in one array and made by
    one ``shapely.points`` call: the door points a reader otherwise made one at a time,
    each with its own array and move (the same numbers, as for outlines above). Nothing is
    taken in bulk where anything in the lot is odd or the frame is lon/lat, as above."""
    if not _elementwise(frame):
        return {}
    geoms, positions = [], []
    for f in features:
        g = f.get("geometry") if isinstance(f, dict) else None
        if isinstance(g, dict) and g.get("type") == "Point":
            c = g.get("coordinates")
            if type(c) is list and len(c) >= 2:
                if not all(type(v) is float or type(v) is int for v in c):
                    return {}  # a boolean or a string numpy would take: all one by one
                geoms.append(g)
                positions.append(c)
    if not positions:
        return {}
    xy = _local(positions, frame)
    if xy is None:
        return {}
    points: Any = shapely.points(xy)  # an array of points for an (n, 2) array
    return {id(g): p for g, p in zip(geoms, points.tolist(), strict=True)}


__all__ = ["plain_points", "plain_polygons"]


def _elementwise(frame: Any) -> bool:
    """Whether ``frame.to_local`` gives each position the same numbers however many are
    moved at once: plain planar frames, and longitude/latitude ones (no grid's inverse)."""
    return frame.lonlat is None or (frame.crs is not None and frame.crs.geographic)


def _local(positions: list, frame: Any) -> np.ndarray | None:
    """The plain positions ``positions`` as one (n, 2) array in local metres, or ``None``
    where anything in them is odd (not numbers, fewer than two, not finite, off the frame):
    the caller then reads every feature one by one."""
    try:
        xy = np.asarray(positions, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return None
    if xy.ndim != 2 or xy.shape[1] < 2:
        return None
    xy = xy[:, :2]
    if not np.isfinite(xy).all():
        return None
    try:
        return frame.to_local(xy, "")
    except PlanReadError:
        return None
