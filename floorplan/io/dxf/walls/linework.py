"""The linework read as walls: which lines, and which are left out of it.

- :func:`wall_lines`: lines on wall layers, else on layers that say nothing (never on
  frozen layers, foundations or roofs), with the door-layer lines that are wall: a
  partition's two faces (:func:`partition_bands`) and lines that continue a wall face;
  with lines on some layers that say nothing when the source choice asks (``rd.with_unnamed``:
  :func:`~floorplan.io.dxf.rooms.sourcechoice.widened`);
- :func:`floor_pattern`: less the lines that only draw a tiling (paving, floor or ceiling
  tiles, :mod:`~floorplan.io.dxf.views.tiles`) or a floor finish (boards, decking:
  :mod:`~floorplan.io.dxf.walls.finishes`);
- :func:`leave_objects`: less the objects standing free in the rooms (furniture,
  columns), for linework on layers that say nothing, where they are drawn with the walls.

>>> import numpy as np
>>> table = [np.array([[2.0, 2.0], [3.2, 2.0], [3.2, 2.8], [2.0, 2.8], [2.0, 2.0]])]
>>> room = [np.array([[0.0, 0.0], [6.0, 0.0], [6.0, 4.0], [0.0, 4.0], [0.0, 0.0]])]
>>> free_standing(room + table)
[1]
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.doors import symbols as dxf_doors
from floorplan.io.dxf.views.tiles import pattern_lines
from floorplan.io.dxf.walls.finishes import MIN_STRIPS, PITCH, finish_lines
from floorplan.io.dxf.walls.kept import kept
from floorplan.io.dxf.walls.marks import hidden_layers, not_the_plan
from floorplan.io.dxf.walls.nibs import (
    NIB_BAND,
    NIB_BESIDE,
    NIB_LENGTH,
    NIB_PARALLEL,
    NIB_TOUCH,
    continues_face,
    nibs,
    wall_segments,
)

#: linework within this (metres) of other linework is joined to it (joins.REACH)
TOUCH = 0.05
#: an object standing free in a room: linework touching no other, at most OBJECT_SPAN
#: across (a table, a desk with its chairs, a column), enclosing no face of OBJECT_FACE
#: or more (a free-standing pod or core encloses a room of its own)
OBJECT_SPAN = 3.0
OBJECT_FACE = 4.0


def wall_lines(rd) -> list:
    """The linework read as walls: on layers that say wall, else on layers that say
    nothing; never on frozen or switched-off layers, nor on layers that say foundations
    or roof (each left out is said in a note)."""
    col = rd.col
    hidden = hidden_layers(rd.doc, rd.lmap)
    out: dict[str, int] = {}
    left = rd.__dict__.get("left_layers") or ()  # a layer shown to draw no walls (sourcechoice)

    def take(p, kind) -> bool:
        if rd.layer_kind(p.layer) != kind or rd.blocked(p) or p.layer in left:
            return False
        if p.layer in hidden:
            out[f"{p.layer} (frozen or off)"] = out.get(f"{p.layer} (frozen or off)", 0) + 1
            return False
        if not_the_plan(p.layer):
            out[f"{p.layer} (foundations or roof)"] = out.get(f"{p.layer} (foundations or roof)", 0) + 1
            return False
        return True

    lines = [p for p in col.opens + col.loops + flat_faces(col.faces3d) if take(p, "wall")]
    rd.walls_unnamed = not lines
    if lines:
        lines += door_layer_nibs(rd, lines, hidden)
        extra = rd.__dict__.get("with_unnamed")  # the wall layers leave the labels out
        if extra:  # (sourcechoice): walls drawn on these layers that say nothing too
            lines += [p for p in col.opens + col.loops if p.layer in extra and take(p, None)]
    if not lines:
        out.clear()
        lines = [p for p in col.opens + col.loops if take(p, None)]
        if lines:
            rd.notes.append("no layer is named as a wall layer: all linework on unnamed "
                            "layers read as walls")
    if out:
        rd.notes.append("linework not read as walls: " + ", ".join(
            f"{n} on {lay}" for lay, n in sorted(out.items())))
    return lines


def flat_faces(faces3d: list) -> list:
    """The 3DFACEs and SOLIDs of ``faces3d`` as plan linework: each face's outline seen from
    above, closed (its corners, those falling on one another merged), or a line where it
    stands on edge (a face drawn as two points twice: holdout5's house_plan caps the wall
    ends at its glass sliders with such faces on layer JAMB). The caller takes those on
    wall layers: a jamb or a wall drawn as filled faces is wall."""
    out = []
    for p in faces3d:
        if p.etype not in ("3DFACE", "SOLID", "TRACE"):
            continue  # (3D polylines are in the loops already)
        xy = np.asarray(p.pts, dtype=float)[:, :2]
        keep = [0] + [i for i in range(1, len(xy)) if not np.allclose(xy[i], xy[i - 1])]
        xy = xy[keep]
        if len(xy) > 1 and np.allclose(xy[0], xy[-1]):
            xy = xy[:-1]
        if len(xy) >= 3 and Polygon(xy).area > 1e-12:
            out.append(replace(p, pts=np.vstack([xy, xy[:1]]), closed=True))
        elif len(xy) >= 2:  # on edge: the line between its two furthest corners
            d = np.hypot(*(xy[:, None] - xy[None]).transpose(2, 0, 1))
            i, j = np.unravel_index(int(np.argmax(d)), d.shape)
            if d[i, j] > 0:
                out.append(replace(p, pts=xy[[i, j]], closed=False))
    return out


def door_layer_nibs(rd, lines: list, hidden: set) -> list:
    """Loose lines on door layers that are no door symbol but wall (none of them in a door
    block, a leaf or a swing): the partitions drawn on the doors' layer
    (:func:`partition_bands`, the lines closing their ends: :func:`band_caps`) and the columns or posts (:func:`door_layer_posts`), then
    the short lines that continue a wall face, those partitions' too (a frame's or a splayed doorway's reveals,
    :mod:`~floorplan.io.dxf.walls.nibs`). Each said in a note; the partitions' uids in
    ``rd.door_walls`` (no door symbol's lines), the nibs' in ``rd.nib_uids`` (a frame)."""
    cands = [p for p in rd.col.opens if p.etype in ("LINE", "LWPOLYLINE", "POLYLINE")
             and len(p.pts) == 2 and not p.chain and rd.layer_kind(p.layer) == "door"
             and p.layer not in hidden and not p.extra.get("is3d")]
    leaves = dxf_doors.leaf_uids(cands, rd.col.arcs)
    cands = [p for p in cands if p.uid not in leaves]
    if not cands:
        return []
    # (the same lines at every reading of the walls but one leaving a wall layer out: kept)
    bands = set(kept(partition_bands, [p.pts[:, :2] for p in cands], [p.pts[:, :2] for p in lines]))
    bands |= set(band_caps([p.pts[:, :2] for p in cands], bands))
    walls = [cands[k] for k in sorted(bands)]
    if walls:
        rd.door_walls = {p.uid for p in walls}
        _note(rd, f"{len(walls)} line(s) on door layers read as wall: they run in pairs a "
              f"wall's thickness apart ({NIB_BAND[0]:g}-{NIB_BAND[1]:g} m), longer than a "
              f"door's frame or leaf ({NIB_LENGTH:g} m), with the lines closing their ends, in no "
              "door block: partitions drawn with the doors")
    cands = [p for k, p in enumerate(cands) if k not in bands]
    posts = set(door_layer_posts([p.pts[:, :2] for p in cands]))
    if posts:
        walls += [cands[k] for k in sorted(posts)]
        rd.door_walls = {p.uid for p in walls}
        _note(rd, f"{len(posts)} line(s) on door layers read as wall: they close outlines of "
              f"a column's or a post's size ({POST_AREA[0]:g}-{POST_AREA[1]:g} m², at least "
              f"{POST_WIDTH:g} m across), in no door block")
        cands = [p for k, p in enumerate(cands) if k not in posts]
    took = [cands[k] for k in kept(nibs, [p.pts[:, :2] for p in lines + walls],
                                        [p.pts[:, :2] for p in cands])] if cands else []
    if took:
        rd.nib_uids = {p.uid for p in took}
        _note(rd, f"{len(took)} line(s) on door layers read as wall: they continue a wall face "
              "or run as a wall's two faces from its end (a frame, a glazed screen, a "
              "doorway's reveals)")
    return walls + took


def _note(rd, text: str) -> None:
    """``text`` in the reader's notes once (the walls are read again for each source tried)."""
    if text not in rd.notes:
        rd.notes.append(text)


def partition_bands(lines: list[np.ndarray], walls: list[np.ndarray] | None = None) -> list[int]:
    """The indices of ``lines`` (two-point (2, 2) arrays, metres: the loose lines of a door
    layer, leaves left out) that draw a partition's two faces: longer than
    :data:`~floorplan.io.dxf.walls.nibs.NIB_LENGTH` (no frame, reveal or leaf is), with
    another line parallel to it (within
    :data:`~floorplan.io.dxf.walls.nibs.NIB_PARALLEL`), a wall's thickness away
    (:data:`~floorplan.io.dxf.walls.nibs.NIB_BAND`: a door leaf drawn as two lines is
    thinner), beside it over :data:`~floorplan.io.dxf.walls.nibs.NIB_BESIDE` of the
    shorter's length when it is as long, of the longer's when it is shorter (a stub of
    partition ending at a door's jamb, its face on the door's side a leaf's length or
    less: the two faces of one piece of wall, beside each other over most of it, where a
    frame or a sliding leaf beside a partition runs along a small part of it); not a pair each of whose lines runs on from a face of the ``walls``
    at both its ends: that is an opening's symbol drawn in the wall's gap (a window's
    frame on both faces), not a partition.

    >>> faces = [np.array([(0.0, 0.0), (4.0, 0.0)]), np.array([(0.0, 0.1), (4.0, 0.1)])]
    >>> leaf = [np.array([(5.0, 0.0), (5.0, 1.5)]), np.array([(5.04, 0.0), (5.04, 1.5)])]
    >>> partition_bands(faces + leaf + [np.array([(0.0, 2.0), (4.0, 2.0)])])
    [0, 1]
    """
    two = [k for k, ln in enumerate(lines) if len(ln) == 2
           and float(np.hypot(*(ln[1, :2] - ln[0, :2]))) > 0]
    long = {k for k in two if float(np.hypot(*(lines[k][1, :2] - lines[k][0, :2]))) > NIB_LENGTH}
    if not long:
        return []
    geoms = np.asarray(shapely.linestrings([lines[k][:, :2] for k in two]), dtype=object)
    firsts = [n for n, k in enumerate(two) if k in long]
    i, j = STRtree(geoms).query(geoms[firsts], predicate="dwithin", distance=NIB_BAND[1])
    segs = wall_segments(walls) if walls else np.zeros((0, 4))

    def fills(ln: np.ndarray) -> bool:
        a, b = np.asarray(ln[0, :2], dtype=float), np.asarray(ln[1, :2], dtype=float)
        return bool(len(segs)) and continues_face(a, b, segs) and continues_face(b, a, segs)

    out: set[int] = set()
    for a, b in zip(i.tolist(), j.tolist(), strict=True):
        ka, kb = two[firsts[a]], two[b]
        if ka == kb or kb in long and ka > kb:
            continue  # (a pair of long lines once)
        if _faces(lines[ka], lines[kb], longer=kb not in long) \
                and not (fills(lines[ka]) and fills(lines[kb])):
            out.update((ka, kb))
    return sorted(out)


def band_caps(lines: list[np.ndarray], bands: set[int]) -> list[int]:
    """The indices of ``lines`` (two-point (2, 2) arrays) outside ``bands`` that close a
    partition's end: from an end of one of its faces (``bands``, :func:`partition_bands`)
    to an end of another (within :data:`~floorplan.io.dxf.walls.nibs.NIB_TOUCH`), no
    longer than a wall is thick (:data:`~floorplan.io.dxf.walls.nibs.NIB_BAND`).

    >>> faces = [np.array([(0.0, 0.0), (0.0, 3.0)]), np.array([(0.1, 0.0), (0.1, 3.0)])]
    >>> cap, leaf = np.array([(0.0, 3.0), (0.1, 3.0)]), np.array([(0.0, 3.0), (-0.9, 3.0)])
    >>> band_caps(faces + [cap, leaf], {0, 1})
    [2]
    """
    if not bands:
        return []
    ends = np.vstack([np.asarray(lines[k][[0, -1], :2], dtype=float) for k in sorted(bands)])
    out = []
    for k, ln in enumerate(lines):
        if k in bands or len(ln) != 2:
            continue
        a, b = np.asarray(ln[0, :2], dtype=float), np.asarray(ln[1, :2], dtype=float)
        if float(np.hypot(*(b - a))) > NIB_BAND[1] + NIB_TOUCH:
            continue
        if all(np.hypot(*(ends - q).T).min() <= NIB_TOUCH for q in (a, b)):
            out.append(k)
    return out


#: an outline that loose lines on a door layer close is a column's or a post's (wall, as a
#: column is) when its area (m²) is within this and it is at least POST_WIDTH across: a
#: door leaf drawn as a thin rectangle is narrower, a door's swing is an arc
POST_AREA = (0.04, 1.0)
POST_WIDTH = 0.15


def door_layer_posts(lines: list[np.ndarray]) -> list[int]:
    """The indices of ``lines`` (two-point (2, 2) arrays, metres: a door layer's loose
    lines, leaves and partitions left out) that close the outline of a column or a post
    (see :data:`POST_AREA`, :data:`POST_WIDTH`) drawn on the doors' layer, a piece a side.

    >>> post = [np.array([a, b], dtype=float) for a, b in (((0, 0), (0.4, 0)), ((0.4, 0), (0.4, 0.4)),
    ...         ((0.4, 0.4), (0, 0.4)), ((0, 0.4), (0, 0)))]
    >>> leaf = [np.array([a, b], dtype=float) for a, b in (((2, 0), (2.04, 0)), ((2.04, 0), (2.04, 0.9)),
    ...         ((2.04, 0.9), (2, 0.9)), ((2, 0.9), (2, 0)))]
    >>> door_layer_posts(post + leaf)
    [0, 1, 2, 3]
    """
    keep = [k for k, ln in enumerate(lines) if len(ln) == 2]
    if len(keep) < 3:
        return []
    geoms = shapely.linestrings([lines[k][:, :2] for k in keep])
    noded = shapely.union_all(geoms)
    faces = [f for f in shapely.polygonize(list(getattr(noded, "geoms", [noded]))).geoms
             if POST_AREA[0] <= f.area <= POST_AREA[1]
             and min(_sides(f.minimum_rotated_rectangle)) >= POST_WIDTH]
    if not faces:
        return []
    rims = shapely.buffer(shapely.union_all([f.exterior for f in faces]), 1e-3)
    on = shapely.covered_by(geoms, rims)
    return [keep[n] for n in np.flatnonzero(on).tolist()]


def _sides(rect) -> tuple[float, float]:
    xy = np.asarray(rect.exterior.coords, dtype=float)
    return float(np.hypot(*(xy[1] - xy[0]))), float(np.hypot(*(xy[2] - xy[1])))


def _faces(one: np.ndarray, other: np.ndarray, longer: bool = False) -> bool:
    """Lines ``one`` and ``other`` ((2, 2) arrays) are a wall's two faces: parallel, a
    wall's thickness apart, beside each other over most of the shorter one (``longer``:
    of the longer one)."""
    p, q = np.asarray(one[0, :2], dtype=float), np.asarray(one[1, :2], dtype=float)
    p2, q2 = np.asarray(other[0, :2], dtype=float), np.asarray(other[1, :2], dtype=float)
    n, n2 = float(np.hypot(*(q - p))), float(np.hypot(*(q2 - p2)))
    u, v = (q - p) / n, q2 - p2
    if abs(u[0] * v[1] - u[1] * v[0]) / n2 > NIB_PARALLEL:
        return False
    off = p2 - p
    if not NIB_BAND[0] <= abs(off[0] * u[1] - off[1] * u[0]) <= NIB_BAND[1]:
        return False
    t = sorted((float(off @ u), float((q2 - p) @ u)))
    return min(t[1], n) - max(t[0], 0.0) >= NIB_BESIDE * (max(n, n2) if longer else min(n, n2))


def floor_pattern(rd, lines: list) -> list:
    """``lines`` less those that only draw a tiling (paving, floor or ceiling tiles:
    :mod:`~floorplan.io.dxf.views.tiles`), said in a note: a pattern drawn with the walls, on
    the same layer, would part the rooms into slabs."""
    drop, cells, side = pattern_lines([p.pts for p in lines])
    if drop:
        gone = set(drop)
        rd.used.update(lines[k].uid for k in gone)
        rd.notes.append(f"{len(gone)} line(s) that only draw a tiling of {cells} cells about "
                        f"{side:.2f} m across (paving, floor or ceiling tiles) not read as walls")
        lines = [p for k, p in enumerate(lines) if k not in gone]
    return floor_finish(rd, lines)


def floor_finish(rd, lines: list) -> list:
    """``lines`` less those that draw a floor finish (boards, decking, strips running wall
    to wall at one pitch: :mod:`~floorplan.io.dxf.walls.finishes`), said in a note."""
    gone = set(finish_lines([p.pts for p in lines]))
    if not gone:
        return lines
    rd.used.update(lines[k].uid for k in gone)
    layers = sorted({lines[k].layer for k in gone})
    rd.notes.append(f"{len(gone)} line(s) on {', '.join(layers)} that draw a floor finish (boards "
                    f"or strips {PITCH[0]:g}-{PITCH[1]:g} m apart, {MIN_STRIPS} or more side by "
                    "side, running wall to wall) not read as walls")
    return [p for k, p in enumerate(lines) if k not in gone]




def free_standing(lines: list[np.ndarray]) -> list[int]:
    """The indices of ``lines`` ((n, 2) arrays, metres) that draw objects standing free
    (see :data:`OBJECT_SPAN`): groups of lines within :data:`TOUCH` of each other and of
    nothing else. The widest group (the building's) is never one."""
    keep = [k for k, ln in enumerate(lines) if len(ln) >= 2]
    if len(keep) < 2:
        return []
    index = np.repeat(np.arange(len(keep)), [len(lines[k]) for k in keep])
    geoms = np.asarray(shapely.linestrings(np.vstack([lines[k][:, :2] for k in keep]),
                                           indices=index), dtype=object)
    i, j = STRtree(geoms).query(geoms, predicate="dwithin", distance=TOUCH)
    parent = np.arange(len(geoms))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = int(parent[x])
        return x

    for a, b in zip(i.tolist(), j.tolist(), strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[ra] = rb
    groups: dict[int, list[int]] = {}
    for n in range(len(geoms)):
        groups.setdefault(root(n), []).append(n)
    if len(groups) < 2:
        return []
    spans = {g: float(np.ptp(shapely.total_bounds(geoms[m]).reshape(2, 2), axis=0).max())
             for g, m in groups.items()}
    widest = max(spans, key=lambda g: spans[g])
    out = []
    for g, members in groups.items():
        if g == widest or spans[g] > OBJECT_SPAN:
            continue
        noded = shapely.union_all(geoms[members])
        faces = shapely.polygonize(list(getattr(noded, "geoms", [noded])))
        if all(f.area < OBJECT_FACE for f in faces.geoms):
            out += [keep[n] for n in members]
    return sorted(out)


def leave_objects(rd, lines: list) -> list:
    """``lines`` less the objects standing free in the rooms (:func:`free_standing`), said
    in a note."""
    drop = set(free_standing([p.pts for p in lines]))
    if not drop:
        return lines
    rd.notes.append(f"{len(drop)} line(s) drawing objects that stand free in the rooms "
                    f"(touching no wall, under {OBJECT_SPAN:g} m across: furniture, columns) "
                    "not read as walls")
    return [p for k, p in enumerate(lines) if k not in drop]
