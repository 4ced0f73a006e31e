"""Tiny plans built in code, for tests. Every value is in metres.

>>> p = plan(rect("R1", "Bedroom 1", 0, 0, 4, 3))
>>> p.rooms[0].use
<Use.BEDROOM: 'bedroom'>
"""

from __future__ import annotations

from shapely.geometry import LineString, Point, Polygon, box

from floorplan.classify import classify
from floorplan.model import Aerial, Ceiling, Door, Meter, Obstacle, Plan, PlanMeta, Room, Use


def rect(rid: str, name: str, x: float, y: float, w: float, h: float, *,
         use: Use | str | None = None, **kw) -> Room:
    """A ``w`` x ``h`` room with its lower-left corner at (x, y); use from the name if not given."""
    return poly(rid, name, box(x, y, x + w, y + h), use=use, **kw)


def poly(rid: str, name: str, polygon: Polygon | list, *, use: Use | str | None = None, **kw) -> Room:
    if not isinstance(polygon, Polygon):
        polygon = Polygon(polygon)
    given = use is not None
    u = Use(use) if use is not None else (classify(name) or Use.OTHER)
    return Room(id=rid, name=name, use=u, polygon=polygon, use_given=given, **kw)


def door(did: str, x: float, y: float, *, width: float | None = 0.9,
         connects: tuple[str, str] | None = None, level: float | None = None) -> Door:
    return Door(did, Point(x, y), width=width, connects=connects, level=level)


def door_line(did: str, x0: float, y0: float, x1: float, y1: float, **kw) -> Door:
    return Door(did, LineString([(x0, y0), (x1, y1)]), **kw)


def obstacle(name: str, x: float, y: float, w: float, h: float, oid: str | None = None,
             level: float | None = None, kind: str | None = None) -> Obstacle:
    """A ``w`` x ``h`` fitting; its ``kind`` only when given (readers infer it from the
    name: see ``floorplan.fittings``)."""
    return Obstacle(oid or f"O-{name}-{x}-{y}", name, box(x, y, x + w, y + h), level, kind=kind)


def flat_ceiling(x: float, y: float, w: float, h: float, height: float, level: float | None = None) -> Ceiling:
    return Ceiling(box(x, y, x + w, y + h), height=height, level=level)


def slope_y(x: float, y: float, w: float, h: float, low: float, high: float,
            level: float | None = None) -> Ceiling:
    """A ceiling over a w x h box rising from ``low`` at y to ``high`` at y + h."""
    return Ceiling(Polygon([(x, y), (x + w, y), (x + w, y + h), (x, y + h)]),
                   heights=(low, low, high, high), level=level)


def meter(x: float, y: float, utility: str = "electricity", level: float | None = None) -> Meter:
    return Meter(Point(x, y), utility, level)


def aerial(x: float, y: float, level: float | None = None) -> Aerial:
    return Aerial(Point(x, y), level)


def plan(*rooms: Room, doors=(), obstacles=(), ceilings=(), meters=(), aerials=(),
         scheme: str | None = None, tenants: int | None = None, wheelchair: bool = False,
         name: str = "test plan") -> Plan:
    return Plan(
        meta=PlanMeta(name=name, scheme=scheme, tenants=tenants, wheelchair=wheelchair),
        rooms=tuple(rooms), doors=tuple(doors), obstacles=tuple(obstacles),
        ceilings=tuple(ceilings), meters=tuple(meters), aerials=tuple(aerials),
    )
