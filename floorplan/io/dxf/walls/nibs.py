"""Wall nibs drawn on a door layer: the short pieces of wall that a door frame or a splayed
doorway's reveals are drawn with, on the door's layer rather than the walls'.

A straight line on a door layer, no longer than :data:`NIB_LENGTH`, that starts where a
wall line ends (within :data:`NIB_TOUCH`) is part of the wall when it is wall-like:

- it **continues a wall face**: parallel to a wall face that ends beside that point
  (within :data:`NIB_OFFSET`, a frame's step in from the face), going on past its end; or
- it is **one face of a wall band**: another such line runs beside it, parallel, a wall's
  thickness away (:data:`NIB_BAND`), over most of its length (a glazed screen or a frame
  drawn as two faces that join a wall in a T).

A door leaf drawn open stands across the wall's line, alone: it is neither; a swing is an
arc; a frame's outline drawn over the wall's own faces adds nothing and is left out. Without the nibs the wall stops short of the door, the opening beside the door stays
open, and the rooms on both sides read as one (Kent's Invicta building: two splayed
doorways whose reveals are drawn on DOORS merged an IT lab with the lobby, and the glazed
screens beside the stair's double door, drawn on DOORS too, merged the lobby and the
stairwell).

>>> wall = [np.array([(0.0, 0.0), (2.0, 0.0)]), np.array([(0.0, 0.2), (2.0, 0.2)])]
>>> frame = [np.array([(2.0, 0.0), (2.4, 0.0)]), np.array([(2.0, 0.2), (2.4, 0.2)]),
...          np.array([(2.4, 0.0), (2.4, 0.9)])]   # two reveals and an open leaf
>>> nibs(wall, frame)
[0, 1]
"""

from __future__ import annotations

import numpy as np

#: a nib starts this close (metres) to a wall line's end
NIB_TOUCH = 0.002
#: a nib runs this far (metres) at most off the line of the wall face it continues
NIB_OFFSET = 0.1
#: a nib is this long (metres) at most: a reveal or a frame, not a wall
NIB_LENGTH = 1.2
#: a nib and the wall face it continues are parallel within this sine of their angle
NIB_PARALLEL = 0.02
#: the two faces of a band of nibs stand this far apart (metres): a wall's thickness, not
#: a door leaf's (35-60 mm)
NIB_BAND = (0.075, 0.4)
#: the two faces of a band of nibs run beside each other over this share of the shorter
NIB_BESIDE = 0.5


def nibs(walls: list[np.ndarray], door_lines: list[np.ndarray]) -> list[int]:
    """The indices of ``door_lines`` (two-point (n, 2) arrays, metres) that continue a face
    of the ``walls`` (each an (n, 2) array of points, metres)."""
    segs = wall_segments(walls)
    if not len(segs) or not door_lines:
        return []
    ends = np.vstack([np.asarray(w[[0, -1], :2], dtype=float) for w in walls if len(w) >= 2])
    out = []
    touching: list[tuple[int, np.ndarray, np.ndarray]] = []  # (index, start, end)
    for k, d in enumerate(door_lines):
        if len(d) != 2:
            continue
        a, b = np.asarray(d[0, :2], dtype=float), np.asarray(d[1, :2], dtype=float)
        length = float(np.hypot(*(b - a)))
        if not 1e-6 < length <= NIB_LENGTH or _on_wall((a + b) / 2, segs):
            continue  # too long, or drawn over the wall's own face (a frame's outline)
        for p, q in ((a, b), (b, a)):
            if np.hypot(*(ends - p).T).min() <= NIB_TOUCH:
                touching.append((k, p, q))
                if continues_face(p, q, segs):
                    out.append(k)
                break
    for i, (k, p, q) in enumerate(touching):
        if k not in out and any(_beside(p, q, p2, q2) for j, (_, p2, q2) in enumerate(touching)
                                if j != i):
            out.append(k)
    # a frame drawn twice over is one frame: a second copy would touch the first's ends,
    # and a wall end touching a line is no free end to close a gap from
    seen: set[tuple] = set()
    once = []
    for k in sorted(out):
        d = np.round(np.asarray(door_lines[k][:, :2], dtype=float) / NIB_TOUCH)
        key = tuple(sorted(map(tuple, d.tolist())))
        if key not in seen:
            seen.add(key)
            once.append(k)
    return once


def _beside(p: np.ndarray, q: np.ndarray, p2: np.ndarray, q2: np.ndarray) -> bool:
    """Line ``p2``-``q2`` runs beside ``p``-``q``: parallel, a wall's thickness away, over
    most of the shorter one's length."""
    n = np.hypot(*(q - p))
    u = (q - p) / n
    v = q2 - p2
    n2 = np.hypot(*v)
    if n2 < 1e-6 or abs(u[0] * v[1] - u[1] * v[0]) / n2 > NIB_PARALLEL:
        return False
    off = p2 - p
    side = abs(off[0] * u[1] - off[1] * u[0])
    if not NIB_BAND[0] <= side <= NIB_BAND[1]:
        return False
    t = sorted((float(off @ u), float((q2 - p) @ u)))
    overlap = min(t[1], n) - max(t[0], 0.0)
    return overlap >= NIB_BESIDE * min(n, n2)


def _on_wall(m: np.ndarray, segs: np.ndarray) -> bool:
    """Point ``m`` lies on a wall segment (within NIB_TOUCH)."""
    s0, v = segs[:, :2], segs[:, 2:] - segs[:, :2]
    n2 = np.einsum("ij,ij->i", v, v)
    t = np.clip(np.einsum("ij,ij->i", m - s0, v) / np.where(n2 > 0, n2, 1.0), 0.0, 1.0)
    d = np.hypot(*(s0 + t[:, None] * v - m).T)
    return bool(d.min() <= NIB_TOUCH)


def wall_segments(walls: list[np.ndarray]) -> np.ndarray:
    """Every straight piece of the wall lines, as rows (x0, y0, x1, y1)."""
    from floorplan.io.dxf.walls.openings import segments

    pieces = segments([w[:, :2] for w in walls])
    return pieces.reshape(len(pieces), 4).astype(float)


def continues_face(p: np.ndarray, q: np.ndarray, segs: np.ndarray) -> bool:
    """The line from ``p`` to ``q`` runs on from the end of a wall face ``segs`` holds:
    parallel to it, off its line by at most NIB_OFFSET, starting within NIB_OFFSET of its
    end and lying wholly past it."""
    u = (q - p) / np.hypot(*(q - p))
    s0, s1 = segs[:, :2], segs[:, 2:]
    v = s1 - s0
    n = np.hypot(v[:, 0], v[:, 1])
    ok = n > 1e-6
    v = np.where(ok[:, None], v / np.where(ok, n, 1.0)[:, None], 0.0)
    parallel = ok & (np.abs(u[0] * v[:, 1] - u[1] * v[:, 0]) <= NIB_PARALLEL)
    for end in (s0, s1):  # the face's end nearest the nib
        off = p - end
        along = off @ u
        side = np.abs(off[:, 0] * u[1] - off[:, 1] * u[0])
        # the face lies behind its end, the nib ahead of it: the far end of the face
        other = s1 if end is s0 else s0
        behind = (other - end) @ u < 0
        hit = parallel & behind & (side <= NIB_OFFSET) & (np.abs(along) <= NIB_OFFSET)
        if hit.any():
            return True
    return False
