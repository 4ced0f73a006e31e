"""AutoCAD Architecture spaces kept as another program's objects (ACAD_PROXY_ENTITY): a
space's net outline, kept as proxy graphics, is four to fourteen separate two-point
polylines that run end to end round the space (and round each opening in it: a stair
well, a shaft, read as the space's holes). Read piece by piece they are loose lines
and no room; joined, they are the closed outline the program drew, and a room outline like
a closed polyline on a room layer.

Which program's object a proxy is says its code 91, the class's place in the file's
CLASSES section counted from 500. ezdxf keeps fewer classes than the file lists (it drops
the ones it holds twice), so the place is counted in the file's own list.

>>> import ezdxf
>>> doc = ezdxf.new()
>>> msp = doc.modelspace()
>>> sq = [(0, 0), (4, 0), (4, 3), (0, 3)]
>>> subs = [msp.add_line(a, b) for a, b in zip(sq, sq[1:] + sq[:1])]
>>> proxy_ring(subs[::-1], 1e-6).tolist()[:3]
[[0.0, 3.0], [0.0, 0.0], [4.0, 0.0]]
>>> proxy_ring(subs[:3], 1e-6) is None    # open: three sides only
True
"""

from __future__ import annotations

import numpy as np

from floorplan.io.dxf.collect import curves

#: a proxy drawn in more pieces than this is no outline read here
MAX_PIECES = 500
#: pieces whose ends lie within this share of the chord error meet (0.01 mm at real scale):
#: an AEC program's proxy graphics far from the origin leave the ends of pieces that meet
#: up to 0.1 µm apart (a building 139 km from its origin in millimetres)
JOIN_OF_CHORD = 0.01
#: the first class of the CLASSES section is numbered this in a proxy's code 91
FIRST_CLASS_ID = 500
#: the classes (DXF record name or C++ class name) of an AEC space object
SPACE_CLASSES = frozenset({"AEC_SPACE", "AECDBSPACE"})


def file_classes(path) -> list[tuple[str, str]]:
    """(record name, C++ class name) of each class of the ASCII DXF file at ``path``, in
    the file's order; ``[]`` when it has none or cannot be read so (a binary DXF)."""
    out: list[tuple[str, str]] = []
    try:
        with open(path, "rb") as f:
            if f.read(22).startswith(b"AutoCAD Binary DXF"):
                return []
            f.seek(0)
            lines = (ln.strip().decode("latin-1") for ln in f)
            inside = False
            for code in lines:
                value = next(lines, "")
                if not inside:
                    inside = code == "2" and value == "CLASSES"
                    if code == "0" and value == "ENTITIES":
                        return out
                    continue
                if code == "0":
                    if value == "ENDSEC":
                        return out
                    if value == "CLASS":
                        out.append(("", ""))
                elif out and code == "1":
                    out[-1] = (value, out[-1][1])
                elif out and code == "2":
                    out[-1] = (out[-1][0], value)
    except (OSError, UnicodeError):
        return []
    return out


def space_ids(classes: list[tuple[str, str]]) -> set[int]:
    """The code-91 ids that mark a proxy as an AEC space, given the file's classes."""
    return {FIRST_CLASS_ID + k for k, (name, cpp) in enumerate(classes)
            if name.upper() in SPACE_CLASSES or cpp.upper() in SPACE_CLASSES}


def class_id(e) -> int | None:
    """A proxy entity's code 91 (its class's id), ``None`` when it has none."""
    tags = getattr(e, "acdb_proxy_entity", None)
    if tags is None:
        return None
    for tag in tags:
        if tag.code == 91:
            try:
                return int(tag.value)
            except (TypeError, ValueError):
                return None
    return None


def _piece(s, chord: float | None) -> np.ndarray | None:
    """The points of one straight or curved open piece of an outline (a line, an arc, an
    open polyline with or without bulges), arcs flattened to ``chord`` (drawing units;
    ``None``: :data:`~floorplan.io.dxf.collect.curves.REL_ERROR` of the radius); ``None`` for
    anything else (a closed polyline, a text, a circle)."""
    t = s.dxftype()
    if t == "LINE":
        return np.array([tuple(s.dxf.start)[:2], tuple(s.dxf.end)[:2]], dtype=float)
    if t == "ARC":
        r = float(s.dxf.radius)
        if not (np.isfinite(r) and r > 0):
            return None
        err = chord if chord is not None else r * curves.REL_ERROR
        pts = np.array([tuple(v)[:2] for v in s.flattening(max(err, r * 1e-9))], dtype=float)
        # the ends exactly as ezdxf states them, so that the next piece meets them
        pts[0], pts[-1] = tuple(s.start_point)[:2], tuple(s.end_point)[:2]
        return pts
    if t == "LWPOLYLINE" and not s.closed:
        xyb = np.array(list(s.get_points("xyb")), dtype=float).reshape(-1, 3)
        if not s.has_arc:
            return xyb[:, :2]
        return curves.bulged(xyb[:, :2], xyb[:, 2], False, chord)
    if t == "POLYLINE" and s.is_2d_polyline and not s.is_closed:
        xy = np.array([tuple(v.dxf.location)[:2] for v in s.vertices], dtype=float).reshape(-1, 2)
        if not s.has_arc:
            return xy
        bulge = np.array([float(v.dxf.bulge or 0.0) for v in s.vertices], dtype=float)
        return curves.bulged(xy, bulge, False, chord)
    return None


def proxy_ring(subs, tol: float, chord: float | None = None) -> np.ndarray | None:
    """The one closed ring (x, y, first point repeated) that the straight, open pieces
    ``subs`` draw end to end, every piece used once (arcs flattened to ``chord``); ``None``
    when they draw anything else (a text, a closed polyline, a piece left over, two rings)."""
    rings = _rings(subs, tol, chord)
    return rings[0] if rings is not None and len(rings) == 1 else None


def proxy_rings(subs, tol: float, chord: float | None = None) -> list[np.ndarray] | None:
    """The outline the open pieces ``subs`` (lines, arcs, polylines) draw: its outer ring
    first, then the rings inside it (a stair opening, a shaft: holes in the space), each
    closed (first point repeated), arcs flattened to ``chord``; ``None`` when they draw
    anything else (a text, a piece left over, rings side by side or crossing, a ring
    inside a hole). A POINT among them (the object's anchor) draws nothing and is passed.

    >>> import ezdxf
    >>> msp = ezdxf.new().modelspace()
    >>> def sq(x0, y0, x1, y1):
    ...     c = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    ...     return [msp.add_line(a, b) for a, b in zip(c, c[1:] + c[:1])]
    >>> [len(r) for r in proxy_rings(sq(1, 1, 2, 2) + sq(0, 0, 4, 3), 1e-6)]  # hole first
    [5, 5]
    >>> proxy_rings(sq(0, 0, 1, 1) + sq(5, 0, 6, 1), 1e-6) is None  # side by side
    True
    """
    rings = _rings(subs, tol, chord)
    if rings is None or len(rings) == 1:
        return rings
    from shapely.geometry import Polygon

    polys = [Polygon(r) for r in rings]
    if not all(p.is_valid and p.area > 0 for p in polys):
        return None
    order = sorted(range(len(rings)), key=lambda k: -polys[k].area)
    outer, holes = polys[order[0]], [polys[k] for k in order[1:]]
    if not all(outer.contains(h) for h in holes):
        return None
    if any(a.intersects(b) for i, a in enumerate(holes) for b in holes[i + 1:]):
        return None
    return [rings[k] for k in order]


def _rings(subs, tol: float, chord: float | None = None) -> list[np.ndarray] | None:
    """Every closed ring the pieces ``subs`` draw end to end, each piece used once, in the
    order they are drawn; ``None`` when a piece is no open line or arc, or a chain stops."""
    subs = [s for s in subs if s.dxftype() != "POINT"]
    if not 2 <= len(subs) <= MAX_PIECES:
        return None
    if chord is not None:
        tol = max(tol, chord * JOIN_OF_CHORD)
    pieces = []
    for s in subs:
        p = _piece(s, chord)
        if p is None or len(p) < 2 or not np.isfinite(p).all():
            return None
        pieces.append(p)
    rings: list[np.ndarray] = []
    while pieces:
        ring = [pieces.pop(0)]
        start, end = ring[0][0], ring[0][-1]
        while np.abs(start - end).max() > tol:
            for k, p in enumerate(pieces):
                if np.abs(p[0] - end).max() <= tol:
                    break
                if np.abs(p[-1] - end).max() <= tol:
                    p = pieces[k] = p[::-1]
                    break
            else:
                return None  # the chain stops: an open line
            ring.append(pieces.pop(k)[1:])
            end = ring[-1][-1]
        pts = np.concatenate(ring)
        if len(np.unique(pts.round(9), axis=0)) < 3:
            return None
        pts[-1] = pts[0]
        rings.append(pts)
    return rings
