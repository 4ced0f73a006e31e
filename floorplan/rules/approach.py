"""How a door off a hall is approached: the geometry of FP203's 1200 mm case (M4(3)
3.24(b)).

A door is approached head-on when the hall runs straight out in front of it; a door in
a side wall of a hall is turned into from along the hall. That is told from the floor
itself: in the frame of the wall the door is in (``x`` along the wall, the door's centre
at ``x = 0``, ``y`` into the hall), the strip as wide as the door's opening, straight out
from the wall, is followed until it meets something that is not clear floor (the far
wall, a fitting, floor under 1.5 m headroom). Where that *depth* is at least the width
asked for where a door is approached from the side (1200 mm), the door meets 3.24(b)
either way: head-on with the hall running on in front of it, or from the side with that
much room to turn. Where it is less, the door is in a side wall of a narrower hall and
is approached from the side: it fails by the difference. A door in a side wall of a hall
narrower than 1200 mm is therefore approached from the side, as the standard means.

Which wall a door is in cannot be told when the door's opening runs past the end of the
wall nearest it (a door drawn at a corner), or the door lies more than 0.4 m from the
hall: the finding then warns.
"""

from __future__ import annotations

from dataclasses import dataclass

from shapely import affinity
from shapely.geometry import LineString, box

from floorplan.geometry import polygons_of

#: a door this far or further from the hall's outline is not in its wall (metres)
REACH = 0.4
#: the opening assumed where the plan gives no width: M4(3)'s 850 mm door
DEFAULT_OPENING = 0.85


@dataclass(frozen=True)
class Approach:
    """A door of a hall, and the clear depth straight in front of it (``None``: the
    wall it is in cannot be told, ``why`` says so)."""

    link: object
    depth: float | None
    opening: float
    why: str = ""
    strip: object = None


def approach(room_poly, floor, link, need: float) -> Approach:
    """The clear depth in front of ``link``'s door within ``floor`` (up to ``need``)."""
    from floorplan.rules.doorspace import wall_frame

    g = link.door.geometry
    at = g if g.geom_type == "Point" else g.interpolate(0.5, normalized=True)
    opening = link.width or DEFAULT_OPENING
    if room_poly.exterior.distance(at) > REACH and all(
            ring.distance(at) > REACH for ring in getattr(room_poly, "interiors", [])):
        return Approach(link, None, opening, f"the door lies more than {REACH:g} m from the hall")
    frame = wall_frame(room_poly, at)
    if frame is None:
        return Approach(link, None, opening, "the hall has no walls")
    to_local, to_plan = frame
    local_room = affinity.affine_transform(room_poly, to_local)
    span = LineString([(-opening / 2, 0.0), (opening / 2, 0.0)])
    along = local_room.boundary.intersection(span.buffer(1e-6, cap_style="flat")).length
    if along < opening - 1e-3:
        return Approach(link, None, opening,
                        "its opening runs past the end of the wall it is nearest (a door at a "
                        "corner): which wall it is in cannot be told")
    strip = box(-opening / 2, 0.0, opening / 2, need)
    local = affinity.affine_transform(floor, to_local)
    depth = need
    for part in polygons_of(strip.difference(local)):
        if part.area > 1e-6:
            depth = min(depth, max(part.bounds[1], 0.0))
    return Approach(link, depth, opening, strip=affinity.affine_transform(strip, to_plan))


__all__ = ["approach", "Approach", "DEFAULT_OPENING"]
