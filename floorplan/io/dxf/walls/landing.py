"""Partitions that land on a window: a wall meeting an opening's face from the room side.

Offices and classrooms put their partitions on the mullions of a run of windows: the
outer wall stops at two jambs a window's width apart, the glazing runs between them, and
a partition between two rooms comes up to the opening and stops on the line of the
wall's inner face, its end capped there. The partition's faces touch that face's seal
and its cap lies on it; neither crosses the opening (nothing of them enters the wall's
band between the seals). Such lines are not "a wall across the seal" that says the two
jambs are no opening's (:func:`~floorplan.io.dxf.walls.openings.jamb_openings`): the
opening is sealed along both faces, so each room's outline runs along the wall face to
the partition, and the two rooms stay two. Only a glazed opening is taken so (a
partition landing in the middle of a doorway is no plan anyone draws).

>>> from shapely.geometry import LineString, box
>>> band = box(0.0, 0.0, 0.25, 3.7)          # the outer wall's band across the window
>>> partition = [LineString([(0.25, 1.8), (4.0, 1.8)]), LineString([(0.25, 1.9), (4.0, 1.9)]),
...              LineString([(0.25, 1.8), (0.25, 1.9)])]
>>> lands([0, 1, 2], band, partition)
True
>>> lands([0], band, [LineString([(-1.0, 1.8), (4.0, 1.8)])])  # a wall running through it
False
>>> lands([0], band, [LineString([(0.25, -1.0), (0.25, 5.0)])])  # the face running on
False
"""

from __future__ import annotations

import shapely
from shapely.geometry import Polygon

#: a partition's end across its thickness is at most this long (metres: a jamb's length)
CAP_LENGTH = 0.5
#: linework enters the band past this (metres): beyond a drawing's slop
INTO_BAND = 0.01


def lands(found: list[int], band: Polygon, geoms) -> bool:
    """The lines ``geoms[found]`` (touching an opening's face seals) all land on the
    opening from outside: none enters its ``band`` (the wall between the seals) by more
    than :data:`INTO_BAND`, and none runs along a seal for longer than a partition's end
    (:data:`CAP_LENGTH`; a face running along the seal, or on past the jambs, is the wall
    running on, not a partition's cap)."""
    if not found:
        return False
    core = band.buffer(-INTO_BAND, join_style="mitre")
    if core.is_empty:
        return False
    shapely.prepare(core)
    edge = band.exterior.buffer(1e-6)
    for i in found:
        g = geoms[i]
        if core.intersects(g) or g.intersection(edge).length > CAP_LENGTH:
            return False
    return True
