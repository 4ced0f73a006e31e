"""The plan model: frozen dataclasses in metres, shared by every reader, rule and renderer.

Readers (GeoJSON, DXF) build a :class:`Plan`; nothing downstream knows which file it came
from. Geometry is held as shapely objects in metres, in a local frame (readers move huge
national-grid or longitude/latitude coordinates to a local origin first).

>>> from shapely.geometry import box
>>> room = Room(id="R1", name="Bedroom 1", use=Use.BEDROOM, polygon=box(0, 0, 4, 3))
>>> plan = Plan(rooms=(room,))
>>> plan.room("R1").polygon.area
12.0
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, ClassVar

import numpy as np
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry


class Use(StrEnum):
    """What a room is used for (the ``use`` values of the GeoJSON convention)."""

    BEDROOM = "bedroom"
    LIVING = "living"
    DINING = "dining"
    KITCHEN = "kitchen"
    KITCHEN_DINING = "kitchen_dining"
    LIVING_DINING = "living_dining"
    KITCHEN_LIVING_DINING = "kitchen_living_dining"
    BATHROOM = "bathroom"
    SHOWER_ROOM = "shower_room"
    WET_ROOM = "wet_room"
    ENSUITE = "ensuite"
    WC = "wc"
    HALL = "hall"
    CORRIDOR = "corridor"
    LANDING = "landing"
    STAIRS = "stairs"
    STORAGE = "storage"
    UTILITY = "utility"
    STAFF_SLEEP_IN = "staff_sleep_in"
    OFFICE = "office"
    #: a study or home office for the tenants (not an office for staff or a landlord)
    STUDY = "study"
    PLANT = "plant"
    OTHER = "other"


#: kitchen, living and dining spaces (communal rooms in a shared house)
COMMUNAL_USES = frozenset({
    Use.LIVING, Use.DINING, Use.KITCHEN, Use.KITCHEN_DINING, Use.LIVING_DINING,
    Use.KITCHEN_LIVING_DINING,
})
#: rooms with a bath or shower (each has a WC unless the plan says otherwise)
BATHROOM_USES = frozenset({Use.BATHROOM, Use.SHOWER_ROOM, Use.WET_ROOM, Use.ENSUITE})
#: rooms with a WC
WC_USES = BATHROOM_USES | {Use.WC}
#: circulation: a door between a bedroom and one of these is fine
CIRCULATION_USES = frozenset({Use.HALL, Use.CORRIDOR, Use.LANDING, Use.STAIRS})

SCHEMES = ("shared_house", "flat", "flats_scheme")
#: how sure a reader is of a room, best first
CONFIDENCE_LEVELS = ("high", "medium", "low")
OUTSIDE = "outside"
#: a figure the plan states for a room (its area) further than this share from the area
#: measured puts the room's reading in doubt, whichever reader found it: up to it, how the
#: figure was measured can explain the difference (to the wall faces, or into the door
#: recesses as net internal area schedules do: 2-7 % on small rooms); beyond it, either the
#: outline does not follow the room or the plan's own figure is wrong, and the reader cannot
#: tell which, so the room is of ``low`` confidence and no rule passes or fails its area
STATED_DOUBT = 0.10


@dataclass(frozen=True)
class Stated:
    """A figure the plan writes for a room, as written: an area tag (``28.51 m²``) or a
    dimension string (``14'2" x 12'4"``), with its value in metres."""

    kind: str  # "area" or "dimensions"
    text: str
    area_m2: float | None = None
    dimensions_m: tuple[float, float] | None = None


@dataclass(frozen=True)
class Room:
    """One room: a polygon (holes are columns, shafts, voids) with a name and a use.

    ``ceiling_height`` is the room's flat ceiling height in metres where the plan gives
    one; :class:`Ceiling` features override it where they overlap. ``use_given`` is true
    when the plan stated the use rather than leaving it to be inferred from the name.

    ``source`` says how the reader found the room (``geojson``, ``outline``, ``hatch``,
    ``walls``, ``walls_closed``, ``label_seeded``, ``hidden_outline`` ...) and
    ``confidence`` how sure it is of the outline and name (``high``, ``medium`` or
    ``low``), with ``confidence_reason`` saying why when it is not high. ``stated`` holds
    the figures the plan writes for the room (its area, its dimensions), which the reader
    checks against the outline.
    """

    id: str
    name: str
    use: Use
    polygon: Polygon
    level: float = 0.0
    dwelling: str | None = None
    wheelchair: bool = False
    source: str = "geojson"
    ceiling_height: float | None = None
    use_given: bool = False
    properties: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    confidence: str = "high"
    confidence_reason: str = ""
    stated: tuple[Stated, ...] = ()

    @property
    def gross_area(self) -> float:
        return float(self.polygon.area)

    @property
    def __geo_interface__(self) -> dict:
        """The room as a GeoJSON Feature, in the plan's local metres."""
        from shapely.geometry import mapping

        return {"type": "Feature", "id": self.id,
                "properties": {"id": self.id, "name": self.name, "use": str(self.use),
                               "level": self.level, "dwelling": self.dwelling,
                               "wheelchair": self.wheelchair, "source": self.source,
                               "gross_area_m2": self.gross_area},
                "geometry": mapping(self.polygon)}


@dataclass(frozen=True)
class Door:
    """An opening between two spaces: a point in the wall or a line across the opening.

    ``connects`` is the pair the plan states (a room id and a room id or ``"outside"``);
    when ``None`` the rooms are found from the geometry. ``width`` is the clear width in
    metres where known. ``entrance`` is true when the plan marks the door as an entrance
    (a home's front door, a building's main door); where no door is marked, rules take
    the doors to outside or out of the home as its entrances, and say so.
    """

    id: str
    geometry: Point | LineString
    width: float | None = None
    connects: tuple[str, str] | None = None
    level: float | None = None
    properties: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    entrance: bool = False


@dataclass(frozen=True)
class Obstacle:
    """A fixed fitting or piece of furniture a wheelchair cannot pass through.

    ``kind`` says what it is where the plan tells (``shower``, ``bath``, ``wc``,
    ``basin``, ``kitchen_unit``, ``bed``, ``wardrobe``, ``liftway``,
    ``wheelchair_storage`` ...: :data:`floorplan.fittings.KINDS`); rules may treat kinds
    differently (a turning circle may overlap a level-access shower; kitchen unit fronts
    need a clear zone). A ``liftway`` (the space for a through-floor lift) and a
    ``wheelchair_storage`` space are obstacles too: a lift car or a parked wheelchair
    takes that floor.
    """

    id: str
    name: str
    polygon: Polygon
    level: float | None = None
    kind: str | None = None


@dataclass(frozen=True)
class Ceiling:
    """The ceiling over an area: flat at ``height`` or sloped through vertex ``heights``.

    ``heights`` has one value per vertex of the polygon's exterior ring (without the
    closing vertex); the ceiling is linear between them. Heights are above the floor.
    """

    polygon: Polygon
    height: float | None = None
    heights: tuple[float, ...] | None = None
    level: float | None = None

    def __post_init__(self) -> None:
        if (self.height is None) == (self.heights is None):
            raise ValueError("a ceiling has either a flat height or vertex heights")
        if self.heights is not None:
            n = len(self.polygon.exterior.coords) - 1
            if len(self.heights) != n:
                raise ValueError(f"{len(self.heights)} heights for {n} vertices")


@dataclass(frozen=True)
class Meter:
    """Where a utility meter is housed (``gas``, ``electricity``, ``water`` or ``None``)."""

    point: Point
    utility: str | None = None
    level: float | None = None


@dataclass(frozen=True)
class Aerial:
    """A TV aerial point."""

    point: Point
    level: float | None = None


@dataclass(frozen=True)
class PlanMeta:
    """Plan-level facts; every one may be set or overridden from the command line."""

    name: str | None = None
    scheme: str | None = None
    tenants: int | None = None
    wheelchair: bool = False
    units: str = "m"
    source: str = "-"
    format: str = "geojson"
    #: where the local frame's (0, 0) lies in the file's own coordinates (metres)
    origin: tuple[float, float] = (0.0, 0.0)
    #: (longitude, latitude) of the local origin when the file was in degrees
    lonlat_origin: tuple[float, float] | None = None
    #: why the units are what they are ("declared", "assumed: ...", "--units")
    units_reason: str = "declared"
    #: the coordinate reference system the file's own coordinates are in, where known
    #: (for example "EPSG:27700"); None for plain local coordinates
    crs: str | None = None
    #: where north points, in degrees anticlockwise from the plan's +y axis (None: not said)
    north: float | None = None
    #: where the plan lies on the map of ``crs``, when the file says so (an IFC model's
    #: IfcMapConversion): ``(crs, (a, b, d, e, xoff, yoff))``, the affine transform from the
    #: plan's metres to that CRS's coordinates; applied only while ``crs`` is that CRS
    map_conversion: tuple[str, tuple[float, float, float, float, float, float]] | None = None

    def override(self, **values: Any) -> PlanMeta:
        """A copy with every value that is not ``None`` replaced."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


@dataclass(frozen=True)
class InputFinding:
    """Something a reader noticed (FP0xx): an unclosed outline, a repaired polygon...

    ``rooms`` names rooms the finding is about; ``entity`` names the DXF entity or
    GeoJSON feature where there is no room to name. ``geometry`` is drawn by renderers.
    ``label`` is the words of a drawing's text the finding is about (FP010: the room
    label that lies in no room), for the marked-up plan to show at ``geometry``.
    """

    code: str
    message: str
    status: str = "warn"
    rooms: tuple[str, ...] = ()
    entity: str | None = None
    geometry: BaseGeometry | None = None
    measured: float | None = None
    label: str | None = None


@dataclass(frozen=True)
class Doubt:
    """Something the reader is unsure of in its reading of the drawing (a view set aside,
    a view read although it does not look like a floor plan...): ``kind`` is one of
    :data:`floorplan.doubts.KINDS`, ``text`` says what and why. The doubts a plan's rooms
    and findings show (rooms of unknown use, low-confidence rooms) are derived from them
    by :func:`floorplan.doubts.doubts`; a reader adds here only what the plan cannot show."""

    kind: str
    text: str
    rooms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Correction:
    """One correction an assessor made to the plan as read (:mod:`floorplan.corrections`).

    ``file`` and ``line`` say where it is written; ``action`` is its kind (``room``,
    ``delete``, ``merge``, ``split``, ``add``, ``ceiling``, ``door``, ``plan``);
    ``message`` says in words what it did. ``status`` is ``applied``, ``unmatched`` (it
    names a point that falls in no room any more, or in several, and changed nothing: a
    FP011 warning says so) or ``overridden`` (the command line set the same thing).
    ``rooms`` names the rooms it made or changed, by their ids after every correction.
    """

    file: str
    line: int | None
    action: str
    message: str
    status: str = "applied"
    rooms: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Linework:
    """The drawing's own linework in the views read (plan metres), drawn faintly under the
    rooms so that what the reader did not take shows: ``segments`` (n, 4) float32 rows
    x0, y0, x1, y1; ``kinds`` (n,) uint8, :attr:`WALL` (a line read as a wall) or
    :attr:`OTHER`; ``levels`` (n,) float32, each segment's level. ``total`` counts the
    segments drawn in the view, of which only those held here were kept (a cap)."""

    WALL: ClassVar[int] = 0
    OTHER: ClassVar[int] = 1
    segments: np.ndarray
    kinds: np.ndarray
    levels: np.ndarray
    total: int = 0

    def __len__(self) -> int:
        return len(self.segments)


@dataclass(frozen=True)
class Plan:
    """A whole plan: metadata, rooms and everything drawn in them.

    ``corrections`` records what an assessor's corrections file changed (empty when the
    plan is exactly as read); ``doubts`` what the reader was unsure of that the rooms and
    findings do not show (views set aside; see :mod:`floorplan.doubts`).
    """

    meta: PlanMeta = field(default_factory=PlanMeta)
    rooms: tuple[Room, ...] = ()
    doors: tuple[Door, ...] = ()
    obstacles: tuple[Obstacle, ...] = ()
    ceilings: tuple[Ceiling, ...] = ()
    meters: tuple[Meter, ...] = ()
    aerials: tuple[Aerial, ...] = ()
    findings: tuple[InputFinding, ...] = ()
    notes: tuple[str, ...] = ()
    corrections: tuple[Correction, ...] = ()
    doubts: tuple[Doubt, ...] = ()
    linework: Linework | None = field(default=None, compare=False, hash=False, repr=False)

    def room(self, room_id: str) -> Room:
        for room in self.rooms:
            if room.id == room_id:
                return room
        raise KeyError(room_id)

    def rooms_of(self, *uses: Use | Iterable[Use]) -> Iterator[Room]:
        """Rooms whose use is one of ``uses`` (each a Use or a set of them)."""
        wanted: set[Use] = set()
        for u in uses:
            if isinstance(u, Use):
                wanted.add(u)
            else:
                wanted.update(u)
        return (r for r in self.rooms if r.use in wanted)

    @property
    def levels(self) -> tuple[float, ...]:
        return tuple(sorted({r.level for r in self.rooms}))

    @property
    def dwellings(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for r in self.rooms:
            if r.dwelling is not None:
                seen.setdefault(r.dwelling)
        return tuple(seen)

    def with_meta(self, **values: Any) -> Plan:
        """A copy with plan metadata overridden (``None`` values leave a field alone)."""
        return replace(self, meta=self.meta.override(**values))

    @property
    def __geo_interface__(self) -> dict:
        """The rooms as a GeoJSON FeatureCollection, in the plan's local metres."""
        return {"type": "FeatureCollection",
                "features": [r.__geo_interface__ for r in self.rooms]}

    def _repr_svg_(self) -> str:
        """The rooms' outlines and names, for Jupyter (the marked-up plan is the report's)."""
        return outline_svg(self)


def outline_svg(plan: Plan, width_px: int = 720) -> str:
    """A plain SVG of ``plan``: every room outlined and named, levels side by side."""
    from html import escape

    import shapely

    levels = plan.levels or (0.0,)
    gap = 2.0
    x, panels = 0.0, []
    for lv in levels:
        rooms = [r for r in plan.rooms if r.level == lv]
        if not rooms:
            continue
        x0, y0, x1, y1 = shapely.total_bounds([r.polygon for r in rooms]).tolist()
        panels.append((rooms, x - x0, x0, y0, x1, y1))
        x += (x1 - x0) + gap
    if not panels:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    top = max(p[5] for p in panels)
    bottom = min(p[3] for p in panels)
    w, h = max(x - gap, 1e-3), max(top - bottom, 1e-3)
    font = max(w, h) / 60
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width_px}" '
           f'height="{round(width_px * h / w)}" viewBox="{-0.5} {-0.5} {w + 1} {h + 1}">']
    for rooms, dx, *_ in panels:
        for r in rooms:
            ring = " ".join(f"{px + dx:.3f},{top - py:.3f}" for px, py in r.polygon.exterior.coords)
            out.append(f'<polygon points="{ring}" fill="#dbe9f6" stroke="#000" '
                       f'stroke-width="{font / 8:.3f}"/>')
            c = r.polygon.representative_point()
            bx0, _, bx1, _ = r.polygon.bounds  # a long name in a narrow room gets smaller
            size = min(font, (bx1 - bx0) * 0.9 / max(0.6 * len(r.name), 1.0))
            out.append(f'<text x="{c.x + dx:.3f}" y="{top - c.y:.3f}" font-size="{size:.3f}" '
                       f'text-anchor="middle" font-family="sans-serif">{escape(r.name)}</text>')
    out.append("</svg>")
    return "\n".join(out)
