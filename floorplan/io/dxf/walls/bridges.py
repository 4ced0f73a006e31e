"""Bridges that may close a gap in the wall linework: from each free end to other linework
(:func:`candidates`), and across a space from each corner that juts into it (:func:`necks`),
each at most :data:`~floorplan.io.dxf.walls.closing.CLOSE_GAP` long. Which of them are
drawn is for the room labels to decide (:mod:`~floorplan.io.dxf.rooms.seeding`,
:mod:`~floorplan.io.dxf.rooms.parting`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.walls.closing import CLOSE_GAP, free_ends
from floorplan.io.dxf.walls.pinch import corner_lines


def candidates(lines: list[LineString], within: Polygon | None = None
               ) -> list[LineString]:
    """Shortest lines from each free end of ``lines`` to each other line within
    CLOSE_GAP, none running along a line already drawn or crossing one, shortest first;
    with ``within``, only those lying inside it."""
    ends, _, _ = free_ends(lines)
    if not len(ends):
        return []
    # the lines a segment at a time: an end can be bridged to another part of its own line
    coords, index = shapely.get_coordinates(np.asarray(lines, dtype=object), return_index=True)
    same = index[1:] == index[:-1]
    arr: Any = shapely.linestrings(np.stack([coords[:-1][same], coords[1:][same]], axis=1))
    tree = STRtree(arr)
    pts: Any = shapely.points(ends)
    pi, li = tree.query(pts, predicate="dwithin", distance=CLOSE_GAP)
    if not len(pi):
        return []
    segs: Any = shapely.shortest_line(pts[pi], arr[li])
    length = shapely.length(segs)
    ok = length > 1e-6
    order = np.argsort(length[ok], kind="stable")
    segs = segs[ok][order]
    # the first (shortest) of each pair of ends, either way round, to 0.1 mm
    keys = np.round(shapely.get_coordinates(segs), 4).reshape(-1, 4).tolist()
    first: list[int] = []
    seen: set = set()
    for k, key in enumerate(map(tuple, keys)):
        if key in seen or key[2:] + key[:2] in seen:
            continue
        seen.add(key)
        first.append(k)
    segs = segs[first]
    if not len(segs):
        return []
    keep = np.ones(len(segs), dtype=bool)
    if within is not None:
        keep &= shapely.covers(within.buffer(1e-6), segs)
    # along a line already drawn (its middle on one), or through other linework (the
    # line less its ends crosses or touches one): all tested at once
    mids = shapely.line_interpolate_point(segs, 0.5, normalized=True)
    keep[tree.query(mids, predicate="dwithin", distance=1e-6)[0]] = False
    probes = shapely.linestrings(np.stack([
        shapely.get_coordinates(shapely.line_interpolate_point(segs, t, normalized=True))
        for t in (1e-3, 1 - 1e-3)], axis=1))
    for predicate in ("crosses", "touches"):
        keep[tree.query(probes, predicate=predicate)[0]] = False
    return segs[keep].tolist()


def necks(room: Polygon) -> list[LineString]:
    """Shortest lines across ``room`` from each corner that juts into it (a wall end, the
    corner of a wall meeting a space) to the far side within CLOSE_GAP: where a doorway
    with nothing in it, or a wall that stops short, leaves the space open."""
    return corner_lines(room, 1e-3, CLOSE_GAP, NECKS_PER_CORNER)


#: a corner's necks: this many shortest lines across the space are tried from it
NECKS_PER_CORNER = 2
