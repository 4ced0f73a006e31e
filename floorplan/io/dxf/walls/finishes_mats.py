"""A floor of mats drawn with the walls: the joints of tatami, not walls.

A Japanese room's floor is laid with tatami, mats of one module: a mat about twice as long
as it is wide (0.85-0.96 x 1.7-1.92 m by region and by room: the mats are cut to the
room), a half mat square. Drawings show the joints between them as single lines from wall
to wall, on the walls' own layer (JW-CAD's plans), and read as walls they cut the room into
its mats, each too small for a room, and the room is lost. A careful reader sees the mat
pattern, whatever its layer:

- the faces the linework encloses that are mats: rectangles of :data:`MAT_WIDTH` by
  :data:`MAT_LENGTH`, about twice as long as wide (:data:`MAT_RATIO`), or half mats,
  squares of :data:`MAT_WIDTH`;
- side by side, sharing their edges (a joint is one line: two rooms have a wall between
  them), at least :data:`MIN_MATS` of them, filling a rectangle;
- laid as mats are, not all one way: mats lying both ways, or a half mat among them (a
  row of cubicles or beds is all one way and has no half).

The lines lying inside such a rectangle (its mats' joints) are no walls; the rectangle's
own sides are.

>>> import numpy as np
>>> room = [np.array([[0.0, 0.0], [2.6, 0.0], [2.6, 3.5], [0.0, 3.5], [0.0, 0.0]])]
>>> joints = [np.array([[0.85, 0.0], [0.85, 3.5]]), np.array([[0.0, 1.75], [0.85, 1.75]]),
...           np.array([[0.85, 0.85], [2.6, 0.85]]), np.array([[0.85, 2.65], [2.6, 2.65]]),
...           np.array([[1.75, 0.85], [1.75, 2.65]])]
>>> mat_lines(room + joints)  # six mats, laid both ways: the joints, not the room's sides
[1, 2, 3, 4, 5]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import Polygon

#: a mat's width (metres; a half mat's side), from the smallest (danchi-ma, 0.85 m) to the
#: largest (kyo-ma, 0.955 m), a little either way for mats cut to the room
MAT_WIDTH = (0.8, 1.0)
#: a mat's length (metres)
MAT_LENGTH = (1.6, 2.0)
#: a mat's length over its width; a half mat's sides agree within MAT_RATIO[2]
MAT_RATIO = (1.8, 2.2, 1.15)
#: a floor of mats has at least this many (a three-mat room)
MIN_MATS = 3
#: faces sharing an edge this long (metres) lie side by side
SHARED = 0.3
#: a face is a rectangle when it fills its smallest rotated rectangle to this share
SQUARE = 0.99


def mat_lines(lines: Sequence[np.ndarray]) -> list[int]:
    """The indices of ``lines`` ((n, 2+) arrays, metres) that draw the joints of a floor
    of mats (see the module)."""
    drawn = [k for k, ln in enumerate(lines) if len(ln) >= 2]
    if len(drawn) < 2:
        return []
    geoms = np.asarray(shapely.linestrings(
        np.vstack([np.asarray(lines[k])[:, :2] for k in drawn]),
        indices=np.repeat(np.arange(len(drawn)), [len(lines[k]) for k in drawn])), dtype=object)
    noded = shapely.unary_union(geoms)
    faces = list(shapely.polygonize(list(getattr(noded, "geoms", [noded]))).geoms)
    mats = [(f, kind) for f in faces if (kind := _mat(f))]
    if len(mats) < MIN_MATS:
        return []
    out: list[int] = []
    tree = shapely.STRtree(geoms)
    for floor in _floors(mats):
        inner = floor.buffer(1e-3, join_style="mitre")
        edge = floor.boundary.buffer(1e-3)
        for g in tree.query(floor, predicate="intersects").tolist():
            if inner.covers(geoms[g]) and not edge.covers(geoms[g]):
                out.append(drawn[g])
    return sorted(set(out))


def _mat(f: Polygon) -> str:
    """``"x"`` or ``"y"`` for a face that is a mat lying along x or along y, ``"half"``
    for a half mat, ``""`` for any other face."""
    if f.interiors:
        return ""
    rect = f.minimum_rotated_rectangle
    if rect.area <= 0 or f.area < SQUARE * rect.area or not isinstance(rect, Polygon):
        return ""
    c = np.asarray(rect.exterior.coords)
    a, b = c[1] - c[0], c[2] - c[1]
    la, lb = float(np.hypot(*a)), float(np.hypot(*b))
    short, long_ = min(la, lb), max(la, lb)
    if not MAT_WIDTH[0] <= short <= MAT_WIDTH[1]:
        return ""
    if long_ <= MAT_RATIO[2] * short:
        return "half"
    if not (MAT_LENGTH[0] <= long_ <= MAT_LENGTH[1] and MAT_RATIO[0] <= long_ / short <= MAT_RATIO[1]):
        return ""
    along = a if la >= lb else b
    angle = float(np.degrees(np.arctan2(along[1], along[0]))) % 180.0
    return "x" if angle < 45.0 or angle >= 135.0 else "y"


def _floors(mats: list[tuple[Polygon, str]]) -> list[Polygon]:
    """The rectangles that mats lying side by side fill, laid as mats are (see the module)."""
    polys = [f for f, _ in mats]
    tree = shapely.STRtree(polys)
    parent = list(range(len(polys)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    i, j = tree.query(np.asarray(polys, dtype=object), predicate="touches")
    for a, b in zip(i.tolist(), j.tolist(), strict=True):
        if a < b and polys[a].boundary.intersection(polys[b].boundary).length >= SHARED:
            parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for k in range(len(polys)):
        groups.setdefault(root(k), []).append(k)
    out = []
    for members in groups.values():
        kinds = [mats[k][1] for k in members]
        full = [k for k in kinds if k != "half"]
        if len(members) < MIN_MATS or len(full) < 2:
            continue
        if len(set(full)) < 2 and "half" not in kinds:
            continue  # all one way and no half: a row of cubicles, beds, bays
        floor = shapely.union_all([polys[k] for k in members])
        if not isinstance(floor, Polygon) or floor.interiors:
            continue
        if floor.area < SQUARE * floor.minimum_rotated_rectangle.area:
            continue
        out.append(floor)
    return out


def leave_mats(rd, lines: list) -> list:
    """``lines`` (prims) less the joints of floors of mats (:func:`mat_lines`), said in a
    note."""
    gone = set(mat_lines([p.pts for p in lines]))
    if not gone:
        return lines
    rd.used.update(lines[k].uid for k in gone)
    layers = sorted({lines[k].layer for k in gone})
    rd.notes.append(f"{len(gone)} line(s) on {', '.join(layers)} that draw the joints of a floor "
                    f"of mats (tatami: {MIN_MATS} or more mats of {MAT_WIDTH[0]:g}-{MAT_WIDTH[1]:g} "
                    "m by about twice that, laid both ways, filling a room) not read as walls")
    return [p for k, p in enumerate(lines) if k not in gone]
