"""Curves flattened in numpy to a chord error in drawing units.

A bulge (the tangent of a quarter of an arc's sweep, stored on a polyline vertex) is an
arc from its vertex to the next; ezdxf turns each into Bézier curves and flattens those in
Python, to a distance the caller chooses. Here a whole polyline's bulges are flattened at
once, straight from the arc each bulge stands for: the sweep ``4 atan(b)``, the radius
``c (1 + b²) / 4|b|`` for a chord of length ``c``, and as many equal steps as keep the
sagitta of each step, ``R (1 - cos(step / 2))``, within the chord error (and at least
:data:`MIN_STEPS_PER_TURN` steps a full turn, so that a small curve stays round whatever
the error). Each point depends only on its vertices' positions relative to one another,
so a block's curves flattened at the origin and moved are its curves flattened in place.

:func:`chord_error` picks the error for a drawing: 1 mm in the units its header states,
no more than 1/50,000 of the diagonal of its extents (a drawing without stated units, or
with wrong ones, still gets a fine enough error).

>>> import numpy as np
>>> pts = bulged(np.array([[0.0, 0.0], [2.0, 0.0]]), np.array([1.0, 0.0]), False, 0.01)
>>> bool(np.allclose(np.hypot(pts[:, 0] - 1.0, pts[:, 1]), 1.0)), pts[0].tolist(), pts[-1].tolist()
(True, [0.0, 0.0], [2.0, 0.0])
>>> bool(pts[1:-1, 1].max() < 0)   # a positive bulge turns counter-clockwise: below the chord
True
"""

from __future__ import annotations

import math

import numpy as np

#: the chord error in metres where the drawing's units are known
CHORD_M = 0.001
#: ... and at most this share of the diagonal of the drawing's extents
CHORD_OF_EXTENT = 2e-5
#: the fewest steps an arc is flattened in, a full turn (an arc of a quarter turn: 8)
MIN_STEPS_PER_TURN = 32
#: the most steps one bulge is flattened in (a hair-thin error on a huge radius)
MAX_STEPS = 1024
#: bulges smaller than this are straight (as ezdxf reads them: smaller ones crash it)
MIN_BULGE = 1e-6
#: the chord error relative to the radius when the drawing gives no scale at all
REL_ERROR = 1e-3

#: metres per unit of $INSUNITS codes (1 in, 2 ft, 4 mm, 5 cm, 6 m, 14 dm)
_INSUNITS = {1: 0.0254, 2: 0.3048, 4: 0.001, 5: 0.01, 6: 1.0, 14: 0.1}


def chord_error(doc) -> float | None:
    """The chord error for ``doc``'s curves in its own units: 1 mm in the units its
    ``$INSUNITS`` states, but no more than :data:`CHORD_OF_EXTENT` of the diagonal of
    its ``$EXTMIN``..``$EXTMAX`` where those are plausible; ``None`` when neither says a
    scale (each curve is then flattened to :data:`REL_ERROR` of its radius)."""
    out = []
    header = getattr(doc, "header", None)
    if header is None:
        return None
    try:
        m = _INSUNITS.get(int(header.get("$INSUNITS", 0) or 0))
    except (TypeError, ValueError):
        m = None
    if m:
        out.append(CHORD_M / m)
    try:
        lo = np.asarray(header.get("$EXTMIN", (0, 0, 0)), dtype=float)[:2]
        hi = np.asarray(header.get("$EXTMAX", (0, 0, 0)), dtype=float)[:2]
        diag = float(np.hypot(*(hi - lo)))
    except (TypeError, ValueError):
        diag = 0.0
    if math.isfinite(diag) and 0 < diag < 1e12 and (hi >= lo).all():
        out.append(diag * CHORD_OF_EXTENT)
    return min(out) if out else None


def bulged(xy: np.ndarray, bulge: np.ndarray, closed: bool, err: float | None) -> np.ndarray:
    """The points of a 2D polyline with vertices ``xy`` (n, 2) and ``bulge`` (n,), each
    bulge the arc from its vertex to the next, flattened to chord error ``err`` (drawing
    units; ``None``: :data:`REL_ERROR` of each arc's radius). A ``closed`` polyline ends
    at its first vertex again, by the last vertex's bulge (unless its last vertex is its
    first). The vertices are kept exactly; finite input is the caller's to ensure."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    b = np.asarray(bulge, dtype=float).reshape(-1)
    b = np.where(np.abs(b) < MIN_BULGE, 0.0, b)
    if closed and len(xy) > 1 and not _same(xy[0], xy[-1]):
        xy = np.concatenate((xy, xy[:1]))
    if len(xy) < 2:
        return xy
    p0, p1, bb = xy[:-1], xy[1:], b[:len(xy) - 1]
    d = p1 - p0
    c = np.hypot(d[:, 0], d[:, 1])
    arc = (bb != 0) & (c > 0)
    n = np.ones(len(bb), dtype=np.int64)
    if arc.any():
        ba, ca = bb[arc], c[arc]
        sweep = 4.0 * np.arctan(ba)  # signed: positive turns counter-clockwise
        radius = ca * (1.0 + ba * ba) / (4.0 * np.abs(ba))
        e = np.full(len(ba), err) if err is not None else radius * REL_ERROR
        # the step whose sagitta is the error: 2 acos(1 - e/R), a half turn at most
        step = 2.0 * np.arccos(np.clip(1.0 - e / radius, -1.0, 1.0))
        step = np.minimum(step, 2.0 * math.pi / MIN_STEPS_PER_TURN)
        # rounded first so that a count on the edge between two does not depend on the
        # last bits of the vertices (a block flattened at the origin or in place)
        k = np.ceil(np.round(np.abs(sweep) / step, 6)).astype(np.int64)
        n[arc] = np.clip(k, 1, MAX_STEPS)
    total = int(n.sum()) + 1
    out = np.empty((total, 2))
    ends = np.cumsum(n)
    out[0] = xy[0]
    out[ends] = p1  # every vertex exactly
    if arc.any():
        idx = np.flatnonzero(arc & (n > 1))
        if len(idx):
            ba, ca, da = bb[idx], c[idx], d[idx]
            left = np.column_stack((-da[:, 1], da[:, 0])) / ca[:, None]
            mid = (p0[idx] + p1[idx]) / 2.0
            centre = mid + left * (ca * (1.0 - ba * ba) / (4.0 * ba))[:, None]
            radius = ca * (1.0 + ba * ba) / (4.0 * np.abs(ba))
            start = np.arctan2(p0[idx, 1] - centre[:, 1], p0[idx, 0] - centre[:, 0])
            sweep = 4.0 * np.arctan(ba)
            counts = n[idx] - 1  # the inner points of each arc
            seg = np.repeat(np.arange(len(idx)), counts)
            first = np.cumsum(counts) - counts
            j = np.arange(int(counts.sum())) - np.repeat(first, counts) + 1
            ang = start[seg] + sweep[seg] * (j / n[idx][seg])
            at = np.repeat(ends[idx] - n[idx], counts) + j
            out[at, 0] = centre[seg, 0] + radius[seg] * np.cos(ang)
            out[at, 1] = centre[seg, 1] + radius[seg] * np.sin(ang)
    return out


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """``a`` and ``b`` the same point, as ezdxf's ``Vec3.isclose`` with ``rel_tol=1e-10``."""
    return bool(np.all(np.abs(a - b) <= 1e-10 * np.maximum(np.abs(a), np.abs(b))))


def to_wcs(pts: np.ndarray, ocs, elevation: float = 0.0) -> np.ndarray:
    """Points (n, 2) of an entity's OCS, at ``elevation``, in WCS x and y (one product)."""
    ux, uy, uz = (np.array(tuple(v), dtype=float)[:2] for v in (ocs.ux, ocs.uy, ocs.uz))
    return pts[:, :1] * ux + pts[:, 1:2] * uy + elevation * uz
