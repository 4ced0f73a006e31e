"""An entity's points as the collector keeps them: curves flattened (through ezdxf's paths,
or in numpy for bulges: :mod:`~floorplan.io.dxf.collect.curves`), object coordinates (OCS)
turned to world coordinates (WCS), and whether the points close.

Kept apart from :mod:`~floorplan.io.dxf.collect.modelspace`, which walks the drawing and
decides what each entity becomes; these functions only give its geometry.
"""

from __future__ import annotations

import numpy as np
from ezdxf import path as dxfpath

from floorplan.io.dxf.collect import curves as dxf_curves

#: ezdxf's flattening of curves: segments per full circle at least
MIN_SEGMENTS = 64

#: an ELLIPSE whose axes differ by at most this share is a circular arc
ROUND_ELLIPSE = 0.01


def round_arc(e) -> dict | None:
    """Centre, radius and ends of an elliptic arc in the plan's plane that is round to
    within ROUND_ELLIPSE (else ``None``)."""
    ratio = float(e.dxf.ratio)
    n = e.dxf.extrusion
    if not 1 - ROUND_ELLIPSE <= ratio <= 1 or abs(n.x) > 1e-9 or abs(n.y) > 1e-9:
        return None
    c, major = e.dxf.center, e.dxf.major_axis
    sp, ep = e.start_point, e.end_point
    return {"center": (c.x, c.y), "radius": float(major.magnitude) * (1 + ratio) / 2,
            "ends": ((sp.x, sp.y), (ep.x, ep.y))}


def flat(entity, rel: float = 1e-5, chord: float | None = None) -> np.ndarray:
    """Points along ``entity``, curves flattened to within ``rel`` x its own size, or to
    ``chord`` (drawing units) where given, but no coarser than :data:`COARSEST` x its size."""
    return flat_path(dxfpath.make_path(entity), rel, chord)


#: the coarsest flattening of a curve drawn through ezdxf, relative to its size (as ARCs)
COARSEST = 1e-3


def flat_path(p, rel: float, chord: float | None = None) -> np.ndarray:
    cv = np.asarray([(v.x, v.y) for v in p.control_vertices()], dtype=float).reshape(-1, 2)
    if not np.isfinite(cv).all():
        # NaN or inf in a curve's control points: ezdxf's flattening never ends on them (a
        # NaN distance is never small enough), so the points go on unflattened, and
        # drop_unusable skips the entity with the reason like any other unusable number
        return np.column_stack([cv, np.zeros(len(cv))])
    if not p.has_curves:
        start = p.start
        pts = [(start.x, start.y, start.z)] + [(v.x, v.y, v.z) for v in p.flattening(1.0)][1:]
        return np.asarray(pts, dtype=float).reshape(-1, 3)
    size = float(np.ptp(cv, axis=0).max()) if len(cv) else 0.0
    dist = max(size * rel if chord is None else min(chord, size * COARSEST), 1e-9)
    pts = [(v.x, v.y, v.z) for v in p.flattening(dist, segments=MIN_SEGMENTS // 4)]
    return np.asarray(pts, dtype=float).reshape(-1, 3)


def polyline2d(e, d: dict, chord: float | None) -> np.ndarray:
    """A 2D POLYLINE's points (n, 3; z 0), its bulges flattened as ezdxf's ``make_path``
    reads them (every vertex, the elevation of the first where the polyline has none)."""
    verts = e.vertices
    if not verts:
        return np.zeros((0, 3))
    xyb = np.array([v.format("xyb") for v in verts], dtype=float).reshape(-1, 3)
    if not np.isfinite(xyb).all():
        return flat(e)  # unusable numbers: left to drop_unusable with the reason
    pts = dxf_curves.bulged(xyb[:, :2], xyb[:, 2], bool(e.is_closed), chord)
    ext = d.get("extrusion")
    if ext is not None and tuple(ext) != (0, 0, 1):
        elev = d.get("elevation")
        z = float(elev[2] if elev is not None else verts[0].dxf.location[2])
        pts = dxf_curves.to_wcs(pts, e.ocs(), z)
    return np.column_stack((pts, np.zeros(len(pts))))


def hatch_rings(e, d: dict, chord: float | None) -> list[np.ndarray]:
    """A HATCH's boundary paths in WCS, as ``ezdxf.path.from_hatch`` gives them: polyline
    paths flattened in numpy (:mod:`~floorplan.io.dxf.collect.curves`), edge paths through ezdxf."""
    from ezdxf.entities.boundary_paths import PolylinePath

    ocs = e.ocs()
    elevation = float(e.dxf.elevation.z)
    ext = d.get("extrusion")
    plain = ext is None or tuple(ext) == (0, 0, 1)
    out = []
    for boundary in e.paths:
        if isinstance(boundary, PolylinePath):
            xyb = np.array(boundary.vertices, dtype=float).reshape(-1, 3)
            if np.isfinite(xyb).all():
                pts = dxf_curves.bulged(xyb[:, :2], xyb[:, 2], bool(boundary.is_closed), chord)
                out.append(pts if plain else dxf_curves.to_wcs(pts, ocs, elevation))
                continue
        p = dxfpath.from_hatch_boundary_path(boundary, ocs, elevation=elevation)
        for sub in (p.sub_paths() if p.has_sub_paths else (p,)):
            out.append(flat_path(sub, 1e-5, chord)[:, :2])
    return out


def wcs2d(e, pts: np.ndarray) -> np.ndarray:
    """LWPOLYLINE points (OCS) in WCS; most drawings have the plain z-up OCS."""
    ext = e.dxf.get("extrusion", (0, 0, 1))
    if tuple(ext) == (0, 0, 1):
        return pts
    ocs = e.ocs()
    return np.asarray([tuple(ocs.to_wcs((x, y, 0)))[:2] for x, y in pts], dtype=float)


def is_closed(pts: np.ndarray, flag: bool, tol: float) -> bool:
    if flag:
        return True
    # rtol=0: allclose's default relative tolerance grows with the distance from the origin
    # (1.2 m apart counted as closed at 1.2e8 mm), and must not depend on where a block sits
    return len(pts) >= 4 and bool(np.allclose(pts[0, :2], pts[-1, :2], rtol=0.0, atol=tol))
