"""A reference grid drawn over the sheet: a lattice of long lines, not walls.

Some CAD programs (JW-CAD's 910 mm module grid, a drafter's planning grid) draw a grid
over the whole sheet: straight lines of one length in two perpendicular families, each at
an even pitch. Read as linework it cuts every room into cells of the pitch and joins the
views of the sheet into one. A careful reader sees it at once for what it is, by its
shape alone, whatever its layer is called:

- a *family*: at least :data:`MIN_LINES` straight lines of one direction and one length
  (within :data:`SAME`), their ends level (they start and end at the same place along
  their direction), one after another at one pitch (the gaps between neighbours within
  :data:`SAME` of their median, for all but :data:`UNEVEN` of them);
- *long*: each line at least as long as :data:`MIN_LINES` of them are wide (twelve
  pitches: a lattice of many cells each way, never a hatch of a few strips in one room);
- a *lattice*: two such families square to each other (within :data:`SQUARE`) that cross:
  each family's lines span at least :data:`MIN_LINES` of the other's.

Walls never look like this: no plan has a dozen wall lines of exactly one length, their
ends level, at one pitch, crossed by another dozen. The lines found are set aside before
the views are split (:mod:`~floorplan.io.dxf.views.grid`) and before any wall is read,
and a note names their layer and count.

>>> import numpy as np
>>> rows = [np.array([[0.0, 0.91 * k], [15.0, 0.91 * k]]) for k in range(15)]
>>> cols = [np.array([[0.91 * k, -1.0], [0.91 * k, 14.0]]) for k in range(15)]
>>> wall = [np.array([[0.0, 0.0], [4.0, 0.0]])]
>>> found = lattices(rows + cols + wall)
>>> len(found), found[0].lines == tuple(range(30)), [round(p, 2) for p in found[0].pitch]
(1, True, [0.91, 0.91])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

#: a family holds at least this many lines (so a lattice has a dozen cells each way)
MIN_LINES = 13
#: lines of one family agree in length, and gaps in pitch, within this (metres, or this
#: share of the pitch when that is more)
SAME = 0.005
SAME_SHARE = 0.01
#: lines of one direction: within this (radians, about 0.1 degree)
ALIGN = 0.002
#: two families are square to each other within this (radians, about 0.5 degree)
SQUARE = 0.01
#: at most this share of a family's gaps may be off its pitch (a line left out, doubled)
UNEVEN = 0.1


@dataclass(frozen=True)
class Lattice:
    """A lattice found: the indices of its lines (into the list searched), its pitch
    (metres, the two families' median gaps) and how many lines each family has."""

    lines: tuple[int, ...]
    pitch: tuple[float, float]
    counts: tuple[int, int]


@dataclass(frozen=True)
class _Family:
    idx: np.ndarray      # indices into the list searched
    angle: float         # direction, radians in [0, pi)
    length: float
    pitch: float
    off: tuple[float, float]    # offsets across the lines: first and last
    along: tuple[float, float]  # the span along them: start and end


def _runs(values: np.ndarray, tol: float) -> list[np.ndarray]:
    """Indices of ``values`` in runs whose neighbours (sorted) differ by at most ``tol``."""
    order = np.argsort(values, kind="stable")
    cuts = np.flatnonzero(np.diff(values[order]) > tol) + 1
    return [r for r in np.split(order, cuts) if len(r)]


def _families(seg: np.ndarray) -> list[_Family]:
    """The families among the segments ``seg`` ((n, 4): x0, y0, x1, y1)."""
    d = seg[:, 2:] - seg[:, :2]
    length = np.hypot(d[:, 0], d[:, 1])
    ang = np.arctan2(d[:, 1], d[:, 0]) % np.pi
    ang = np.where(ang > np.pi - ALIGN, ang - np.pi, ang)  # 179.95 degrees is 0
    out: list[_Family] = []
    ok = np.flatnonzero(length > 0)
    for by_angle in _runs(ang[ok], ALIGN):
        same_dir = ok[by_angle]
        if len(same_dir) < MIN_LINES:
            continue
        for by_len in _runs(length[same_dir], SAME):
            idx = same_dir[by_len]
            if len(idx) < MIN_LINES:
                continue
            fam = _family(seg, idx, float(np.mean(ang[idx])), float(np.median(length[idx])))
            if fam is not None:
                out.append(fam)
    return out


def _family(seg: np.ndarray, idx: np.ndarray, a: float, length: float) -> _Family | None:
    """The lines ``idx`` as one family (direction ``a``, length ``length``), or ``None``
    when their ends are not level, their pitch not even or the lines not long."""
    u = np.array([np.cos(a), np.sin(a)])
    n = np.array([-u[1], u[0]])
    tol = max(SAME, SAME_SHARE * length)
    p0, p1 = seg[idx, :2] @ u, seg[idx, 2:] @ u
    lo, hi = np.minimum(p0, p1), np.maximum(p0, p1)
    if np.ptp(lo) > tol or np.ptp(hi) > tol:
        return None
    off = np.sort(seg[idx, :2] @ n)
    gaps = np.diff(off)
    gaps = gaps[gaps > SAME]  # a line drawn twice is one line
    if len(gaps) < MIN_LINES - 1:
        return None
    pitch = float(np.median(gaps))
    if pitch <= 0 or length < (MIN_LINES - 1) * pitch - tol:
        return None
    even = np.abs(gaps - pitch) <= max(SAME, SAME_SHARE * pitch)
    if even.mean() < 1 - UNEVEN:
        return None
    return _Family(idx, a, length, pitch, (float(off[0]), float(off[-1])),
                   (float(np.median(lo)), float(np.median(hi))))


def _crosses(f: _Family, g: _Family) -> bool:
    """``f``'s lines span at least :data:`MIN_LINES` of ``g``'s (``g`` square to ``f``:
    ``g``'s offsets are positions along ``f``'s lines, up to the sign of ``g``'s normal)."""
    u = np.array([np.cos(f.angle), np.sin(f.angle)])
    gn = np.array([-np.sin(g.angle), np.cos(g.angle)])
    s = float(np.sign(u @ gn)) or 1.0  # g's offsets measured along f's direction
    at = sorted(s * x for x in g.off)
    lo, hi = max(at[0], f.along[0]), min(at[1], f.along[1])
    return hi - lo >= (MIN_LINES - 1) * g.pitch - max(SAME, SAME_SHARE * g.pitch)


def lattices(lines: Sequence[np.ndarray]) -> list[Lattice]:
    """The lattices among ``lines`` ((n, 2+) point arrays, in metres; only straight
    two-point lines count): see the module's docstring."""
    two = [k for k, ln in enumerate(lines) if len(ln) == 2]
    if len(two) < 2 * MIN_LINES:
        return []
    seg = np.array([np.asarray(lines[k])[:, :2].ravel() for k in two], dtype=float)
    fams = _families(seg)
    out: list[Lattice] = []
    taken: set[int] = set()
    for i, f in enumerate(fams):
        for g in fams[i + 1:]:
            turn = abs(((f.angle - g.angle) % np.pi) - np.pi / 2)
            if turn > SQUARE or not (_crosses(f, g) and _crosses(g, f)):
                continue
            mine = [two[k] for k in (*f.idx.tolist(), *g.idx.tolist())]
            if taken.intersection(mine):
                continue
            taken.update(mine)
            out.append(Lattice(tuple(sorted(mine)), (f.pitch, g.pitch), (len(f.idx), len(g.idx))))
    return out


def set_aside(reader) -> int:
    """Take the lattices' lines out of what ``reader`` collected (in local metres, before
    any view or wall is read): counted as skipped with the reason, a note naming each
    lattice's layers and count. Returns how many lines were set aside (the reader then
    stacks the sheet's points again without them)."""
    col = reader.col
    cands = [p for p in col.opens if len(p.pts) == 2 and not reader.blocked(p)]
    found = lattices([p.pts for p in cands])
    if not found:
        return 0
    gone: set[int] = set()
    for lat in found:
        prims = [cands[k] for k in lat.lines]
        gone.update(p.uid for p in prims)
        layers = sorted({p.layer for p in prims})
        a, b = lat.pitch
        pitch = f"{a:.3f} m" if abs(a - b) <= max(SAME, SAME_SHARE * a) else f"{a:.3f} x {b:.3f} m"
        reason = "a reference grid (a lattice of long lines at one pitch), not walls"
        for p in prims:
            col.skipped[(p.etype, p.layer, reason)] += 1
        reader.notes.append(
            f"a reference grid set aside before the views and walls were read: {len(prims)} "
            f"lines on layer(s) {', '.join(layers)} ({lat.counts[0]} and {lat.counts[1]} "
            f"lines of one length, square to each other, every {pitch})")
    col.opens = [p for p in col.opens if p.uid not in gone]
    return len(gone)
