"""Spaces no door leads into: shafts, voids, wall cavities, not rooms.

The walls of a plan enclose more than rooms: a lift or duct shaft, a stair's well, the
cavity between a wall's two faces closed off at its ends, the slot behind a partition. A
careful reader does not count them, and what tells them from rooms is that nobody can walk
in: no door stands on their edge, and no doorway is left open in it. A room has a way in.
A door's swing drawn beside a wall whose faces run on unbroken across the opening (a
JW-CAD plan's: the doors stage makes no door of it) is a way in as well, at the middle of
its opening (:func:`~floorplan.io.dxf.views.swings.swing_doorways`).

So where the reader finds doors for most of the spaces it found in the walls (the doors of
this drawing are read), a space found in the walls with no name, no figure written in it
and no door or doorway within :data:`REACH` of its edge is no room. What such a space is
depends on its size: one of at most :data:`SHAFT_AREA` or narrower than :data:`NARROW`
(a shaft, a well, a duct, a cavity, a bench drawn closed) is set aside, counted in the
notes with its area and where it is; a larger one may be a hall whose sides are open wider
than a doorway, or a room whose door the reader missed, so it is kept at ``low``
confidence, saying why. Where doors are not read for most spaces (door symbols this
reader does not know), nothing is done: the missing doors say more about the reader than
about the spaces. Outlines drawn on room layers are the designer's own and are kept.

A name can say the same as the missing door: a space named a flue, a duct or a chimney
(:func:`duct_name`) that no door or doorway leads into is such a space though it is
named and its area written, and is set aside (or doubted) as an unnamed one is. For such
a space the name asks more of a door: one within :data:`REACH` leads into a duct only
when the way from it to the duct does not lie mostly through another space (the door of
a WC beside a flue, in the wall round the corner, is within reach of the flue's corner,
but the way there runs through the WC: it is the WC's door). A riser is not among these
words: a riser cupboard is often a space one opens and steps into,
and the drawings' own convention counts a riser of 0.5 m² and more as a room
(:func:`floorplan.io.dxf.names.numbered.set_aside_shafts` sets aside the ones too small to
step into, by their size); nor is a shaft (a lift's shaft is the lift, counted).

>>> from types import SimpleNamespace as NS
>>> from shapely.geometry import Point, box
>>> rooms = [NS(id=f"R{k}", name="", stated=(), source="walls", polygon=box(4 * k, 0, 4 * k + 3, 3))
...          for k in range(3)] + [NS(id="S", name="", stated=(), source="walls",
...                                     polygon=box(20, 0, 21, 1))]
>>> doors = [NS(geometry=Point(4 * k + 3.1, 1.5)) for k in range(3)]
>>> notes = []
>>> [r.id for r in set_aside(rooms, doors, notes)]
['R0', 'R1', 'R2']
>>> notes[0][:62]
'1 space(s) in the walls with no door or doorway on their edge '
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import shapely
from shapely.strtree import STRtree

from floorplan.io.dxf.rooms.outdoor import WALL_SOURCES
from floorplan.io.dxf.walls.entries import UNSURE_SOLID

#: a door or doorway this close (metres) to a space's edge leads into it (a wall's thickness)
REACH = 0.6
#: a space nobody walks into of at most this area (m²) is a shaft, a stair's well or a duct
#: (a lift shaft is 2-4 m², a stair's well or a riser cupboard's void a few more)
SHAFT_AREA = 10.0
#: ... or one narrower than this (m, its largest clear circle's diameter): a wall's cavity,
#: a bench drawn closed, a slot behind a partition; no room is this narrow without a door
NARROW = 1.2
#: the reason a larger space nobody walks into is kept at low confidence
UNSURE = ("no door or doorway leads into it: a hall open wider than a doorway, a room whose "
          "door was not read, or no room at all (a core, a void)")
#: the source of a room mended from a hidden layer (:mod:`~floorplan.io.dxf.hidden.mend`)
MENDED = "hidden_outline"
#: doors are read in a drawing when at least this share of the spaces found in its walls
#: have one
READ_SHARE = 0.5
#: the names of ducts one does not enter: a flue, a duct, a chimney
DUCT = re.compile(r"\b(?:flues?|ducts?|chimneys?)\b", re.IGNORECASE)


def duct_name(name: str) -> bool:
    """``name`` says a flue, duct or chimney (not a riser, a shaft or a duct cupboard's
    door would show: the door rule decides).

    >>> [duct_name(n) for n in ("Flue", "Service Duct", "CHIMNEY", "Riser", "Ductwork")]
    [True, True, True, False, False]
    """
    return bool(name) and bool(DUCT.search(name))


def set_aside(rooms: list, doors: list, notes: list[str], findings: list | None = None,
              ways: np.ndarray | None = None) -> list:
    """``rooms`` without the spaces found in the walls that no door leads into (see the
    module); ``doors`` are the plan's doors (``.geometry``: a point or a line), ``ways``
    ((n, 2), metres) the middles of more ways in: the openings of the swings drawn beside
    walls that run on unbroken across them
    (:func:`~floorplan.io.dxf.views.swings.swing_doorways`), which no door is made of;
    ``findings`` (changed in place) loses those about the spaces set aside alone."""
    # (a room mended from a hidden layer is a space of the walls read again: judged alike)
    walled = [k for k, r in enumerate(rooms) if r.source in WALL_SOURCES or r.source == MENDED]
    more: list = [] if ways is None else np.asarray(shapely.points(
        np.asarray(ways, dtype=float).reshape(-1, 2)), dtype=object).tolist()
    if len(walled) < 2 or not (doors or more):
        return rooms
    polys = np.array([rooms[k].polygon for k in walled], dtype=object)
    geoms = np.array([d.geometry for d in doors] + more, dtype=object)
    near = STRtree(geoms).query(polys, predicate="dwithin", distance=REACH)[0]
    entered = np.zeros(len(walled), dtype=bool)
    entered[near] = True
    _ducts_entered(rooms, walled, list(geoms), entered)
    if entered.mean() < READ_SHARE:
        return rooms
    shut = [walled[i] for i in np.flatnonzero(~entered)
            if not rooms[walled[i]].name and not rooms[walled[i]].stated
            or duct_name(rooms[walled[i]].name)]
    if not shut:
        return rooms
    small = [k for k in shut if _small(rooms[k].polygon)]
    doubted = {k for k in shut if k not in set(small)}
    out = [rooms[k] for k in small]
    if out:
        notes.append(f"{len(out)} space(s) in the walls with no door or doorway on their edge and "
                     + ("no name" if not any(r.name for r in out) else "no name or a duct's")
                     + " set aside as shafts, voids or wall cavities, not rooms: "
                     + ", ".join(f"{r.name + ' ' if r.name else ''}"
                         f"{r.polygon.area:.1f} m² at ({r.polygon.centroid.x:.2f}, "
                         f"{r.polygon.centroid.y:.2f})" for r in out[:12])
                     + (f" and {len(out) - 12} more" if len(out) > 12 else ""))
        ids = {r.id for r in out}
        if findings:
            findings[:] = [f for f in findings if not (f.rooms and set(f.rooms) <= ids)]
    gone = set(small)
    # a room already of low confidence keeps its own reason (it says the same: no way in)
    return [replace(r, confidence="low", confidence_reason="; ".join(
                filter(None, [UNSURE, r.confidence_reason if r.confidence == "medium" else ""])))
            if k in doubted and r.confidence != "low" else r
            for k, r in enumerate(rooms) if k not in gone]


def _ducts_entered(rooms: list, walled: list[int], ways: list, entered) -> None:
    """``entered`` (changed in place) false for the spaces named as ducts that no door
    (of the geometries ``ways``) within :data:`REACH` stands on the edge of: the way from
    each such door to the duct lies mostly through another space (the door is that
    space's)."""
    ducts = [i for i, k in enumerate(walled) if entered[i] and duct_name(rooms[k].name)]
    if not ducts:
        return
    for i in ducts:
        duct = rooms[walled[i]].polygon
        others = shapely.union_all([r.polygon for r in rooms if r.polygon is not duct])
        entered[i] = False
        for g in ways:
            if duct.distance(g) > REACH:
                continue
            way = shapely.shortest_line(g, duct)
            if way.length == 0 or way.intersection(others).length <= way.length / 2:
                entered[i] = True
                break


def _small(polygon) -> bool:
    """A shaft's size: at most :data:`SHAFT_AREA`, or narrower than :data:`NARROW`."""
    if polygon.area <= SHAFT_AREA:
        return True
    radius = shapely.length(shapely.maximum_inscribed_circle(polygon, 0.01))
    return 2 * float(radius) < NARROW


#: a door this close (metres) to two rooms stands between them (the measure's own reach,
#: :data:`floorplan.doorlinks.DOOR_REACH`: half a thick wall and more)
BETWEEN = 0.4


def entered_after_all(rooms: list, doors: list) -> list:
    """``rooms`` with the doubt "no way in ... it may be solid" (the walls stage's
    :data:`~floorplan.io.dxf.walls.entries.UNSURE_SOLID`, said before the doors were read)
    lifted where a door of the plan (``.geometry``) stands between the space and another
    room, within :data:`BETWEEN` of both: the space has a way in after all (a stair's
    landing whose door is a leaf drawn along the wall line). Such a room is ``medium``,
    the rest of its reason kept; never ``high``, since nothing else said room either. A door
    from the space only to outside lifts nothing: a porch or a bay reads so too.

    >>> from types import SimpleNamespace as NS
    >>> from shapely.geometry import Point, box
    >>> from floorplan.model import Room, Use
    >>> from floorplan.io.dxf.walls.entries import UNSURE_SOLID
    >>> hall = Room("R1", "", Use.OTHER, box(0, 0, 3, 3), confidence="medium")
    >>> landing = Room("R2", "", Use.OTHER, box(3.1, 0, 4, 2), confidence="low",
    ...                confidence_reason=UNSURE_SOLID)
    >>> out = entered_after_all([hall, landing], [NS(geometry=Point(3.05, 1))])
    >>> out[1].confidence, out[1].confidence_reason
    ('medium', '')
    >>> entered_after_all([landing], [NS(geometry=Point(4.05, 1))])[0].confidence
    'low'
    """
    doubted = [k for k, r in enumerate(rooms)
               if r.confidence == "low" and UNSURE_SOLID in (r.confidence_reason or "")]
    if not doubted or not doors:
        return rooms
    tree = STRtree([r.polygon for r in rooms])
    out = list(rooms)
    for k in doubted:
        poly = rooms[k].polygon
        for d in doors:
            if poly.distance(d.geometry) > BETWEEN:
                continue
            near = tree.query(d.geometry, predicate="dwithin", distance=BETWEEN).tolist()
            if any(i != k for i in near):
                parts = [p for p in rooms[k].confidence_reason.split("; ") if p != UNSURE_SOLID]
                out[k] = replace(rooms[k], confidence="medium", confidence_reason="; ".join(parts))
                break
    return out
