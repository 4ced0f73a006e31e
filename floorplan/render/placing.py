"""Where things go on the plan: label spots, poles, the level of the room under a mark.

Geometry helpers of the scene frontend (:mod:`floorplan.render.scene`); plan metres
throughout, paper sizes through ``k`` (paper mm per metre).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point, box
from shapely.geometry.base import BaseGeometry

from floorplan.render.fonts import CJK_CHARS

PT_MM = 25.4 / 72  # one typographic point in millimetres
#: a Han character, kana or hangul is an em wide, as wide as this many of the 0.6 em that
#: a Latin character is taken to be
WIDE = 1 / 0.6


def chars(line: str) -> float:
    """The width of ``line`` in Latin characters (0.6 em): a CJK character counts as
    :data:`WIDE` of them.

    >>> chars("R4"), round(chars("走廊"), 2)
    (2.0, 3.33)
    """
    return len(line) + (WIDE - 1) * len(CJK_CHARS.findall(line))


def text_bounds(text: str, at: Point, size_pt: float, k: float,
                angle: float = 0.0) -> tuple[float, float, float, float]:
    """The bounds of the box ``text`` covers at ``at`` when printed at ``k`` mm per metre."""
    lines = text.split("\n")
    h_mm = size_pt * PT_MM
    w = max(chars(s) for s in lines) * 0.6 * h_mm / k
    h = len(lines) * 1.3 * h_mm / k
    if angle:
        w, h = h, w
    x, y = at.x, at.y
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def text_box(text: str, at: Point, size_pt: float, k: float, angle: float = 0.0) -> BaseGeometry:
    """The box ``text`` covers at ``at`` when printed at ``k`` mm per metre."""
    return box(*text_bounds(text, at, size_pt, k, angle))


def smallest_pt(style) -> float:
    """The smallest text size, in points, that stays legible: ``style.min_text_px`` at
    the style's dpi."""
    return style.min_text_px * 72 / style.dpi


def key_size(where: BaseGeometry, at: Point, text: str, k: float, largest: float,
             edge: float | None = None) -> float:
    """The text size (points, at most ``largest``) at which a key number ``text`` in a
    circle fits the widest circle of ``where`` round ``at`` (``edge``: how far ``at`` is
    from the edge of ``where``, when known)."""
    room_mm = 2 * (where.boundary.distance(at) if edge is None else edge) * k
    return min(largest, room_mm / (0.6 * len(text) + 1.0) / PT_MM)


def headroom_line(room_poly: BaseGeometry, low: BaseGeometry) -> BaseGeometry | None:
    """Where the 1.5 m line runs: the edge of the low floor that is not the room's wall."""
    if low.is_empty:
        return None
    edge = low.boundary.difference(room_poly.boundary.buffer(1e-4))
    edge = shapely.line_merge(edge) if edge.geom_type == "MultiLineString" else edge
    return None if edge.is_empty or edge.length < 1e-3 else edge


def label_spot(room: BaseGeometry, floor: BaseGeometry, pole: Point, text: str, size: float,
                k: float) -> tuple[Point, float] | None:
    """Where ``text`` fits inside ``room``: (point, angle), trying the middle of the counted
    floor first, then its pole; level first, then along a long narrow room."""
    points = []
    c = floor.centroid
    if not c.is_empty and floor.contains(c):
        points.append(c)
    points.append(pole)
    rx0, ry0, rx1, ry1 = room.bounds
    for angle in (0.0, 90.0):
        for at in points:
            x0, y0, x1, y1 = text_bounds(text, at, size, k, angle)
            if x0 < rx0 or y0 < ry0 or x1 > rx1 or y1 > ry1:
                continue  # past the room's bounds, so not inside it: no need to build the box
            if room.contains(box(x0, y0, x1, y1)):
                return at, angle
    return None


def _dims(text: str) -> tuple[float, int]:
    """(longest line in characters, lines) of ``text``, as :func:`text_bounds` sizes it."""
    lines = text.split("\n")
    return max(chars(s) for s in lines), len(lines)


def label_spots(rooms: list[BaseGeometry], floors: list[BaseGeometry], poles: list[Point],
                texts: list[str], size: float, k: float) -> list[tuple[Point, float] | None]:
    """:func:`label_spot` of every room at once: each spot tried in the same order for
    all the rooms still without one, their bounds tested in numpy and what passes in one
    GEOS call (``contains`` a box), rather than room by room."""
    n = len(rooms)
    out: list[tuple[Point, float] | None] = [None] * n
    if not n:
        return out
    room_arr = np.array(rooms, dtype=object)
    floor_arr = np.array(floors, dtype=object)
    cents = shapely.centroid(floor_arr)
    some = ~shapely.is_empty(cents)
    has_c = some & shapely.contains(floor_arr, cents)
    cxy = _xy(cents, some)
    pole_arr = np.array(poles, dtype=object)
    pxy = _xy(pole_arr, ~shapely.is_empty(pole_arr))
    dims = np.array([_dims(t) for t in texts], dtype=float).reshape(-1, 2)
    h_mm = size * PT_MM
    w = dims[:, 0] * 0.6 * h_mm / k
    h = dims[:, 1] * 1.3 * h_mm / k
    rb = shapely.bounds(room_arr)
    todo = np.ones(n, dtype=bool)
    for angle in (0.0, 90.0):
        bw, bh = (h, w) if angle else (w, h)
        for which, xy in ((True, cxy), (False, pxy)):
            try_ = (todo & has_c) if which else (todo & np.isfinite(xy[:, 0]))
            x0, x1 = xy[:, 0] - bw / 2, xy[:, 0] + bw / 2
            y0, y1 = xy[:, 1] - bh / 2, xy[:, 1] + bh / 2
            with np.errstate(invalid="ignore"):  # no centroid: nan, never tried
                try_ &= ~((x0 < rb[:, 0]) | (y0 < rb[:, 1]) | (x1 > rb[:, 2]) | (y1 > rb[:, 3]))
            idx = np.flatnonzero(try_)
            if not len(idx):
                continue
            fits = shapely.contains(room_arr[idx], shapely.box(x0[idx], y0[idx], x1[idx], y1[idx]))
            for i in idx[fits].tolist():
                out[i] = (cents[i] if which else poles[i], angle)
            todo[idx[fits]] = False
    return out


def _xy(points: np.ndarray, ok: np.ndarray) -> np.ndarray:
    """The coordinates of ``points`` (rows x, y), nan where not ``ok`` (empty points)."""
    xy = np.full((len(points), 2), np.nan)
    xy[ok] = shapely.get_coordinates(points[ok])
    return xy


def poles(geoms: list[BaseGeometry], known: list[Point | None] | None = None) -> list[Point]:
    """:func:`pole` of every geometry, the inscribed circles found in one GEOS call.

    ``known``: for each geometry, the centre of its largest inscribed circle when one
    was already found (the check's clear circle of that same floor), else ``None``; those
    are taken as they are, and only the rest searched."""
    if known is not None:
        todo = [i for i, c in enumerate(known) if c is None]
        found = iter(poles([geoms[i] for i in todo]) if todo else [])
        return [c if c is not None else next(found) for c in known]
    bigs: list[Any] = []
    for g in geoms:
        polys = [g] if g.geom_type == "Polygon" else list(getattr(g, "geoms", []))
        polys = [p for p in polys if p.geom_type == "Polygon" and not p.is_empty]
        bigs.append(max(polys, key=lambda p: p.area) if polys else None)
    out: list[Any] = [None] * len(geoms)
    idx = [i for i, b in enumerate(bigs) if b is not None]
    try:
        lines = shapely.maximum_inscribed_circle(np.array([bigs[i] for i in idx], dtype=object),
                                                 tolerance=0.01)
        for i, pt in zip(idx, shapely.get_point(lines, 0).tolist(), strict=True):
            out[i] = pt
    except Exception:  # noqa: BLE001 - a degenerate polygon: each on its own
        for i in idx:
            out[i] = pole(geoms[i])
    return [pt if pt is not None else g.representative_point() for pt, g in zip(out, geoms, strict=True)]


def edge_distances(floors: list[BaseGeometry], points: list[Point]) -> list[float]:
    """How far each point is from the edge of its floor (``key_size``'s widest circle)."""
    if not floors:
        return []
    return shapely.distance(shapely.boundary(np.array(floors, dtype=object)),
                            np.array(points, dtype=object)).tolist()


def pole(geom: BaseGeometry) -> Point:
    polys = [geom] if geom.geom_type == "Polygon" else list(getattr(geom, "geoms", []))
    polys = [p for p in polys if p.geom_type == "Polygon" and not p.is_empty]
    if not polys:
        return geom.representative_point()
    big: Any = max(polys, key=lambda p: p.area)
    try:
        line = shapely.maximum_inscribed_circle(big, tolerance=0.01)
        return Point(line.coords[0])
    except Exception:  # noqa: BLE001 - degenerate polygons
        return big.representative_point()


def outer(g: Any) -> BaseGeometry:
    """``g`` without its holes."""
    from shapely.geometry import MultiPolygon, Polygon

    if g.geom_type == "Polygon":  # without holes (a plain room) as it is, not rebuilt
        return g if not shapely.get_num_interior_rings(g) else Polygon(g.exterior)
    if g.geom_type == "MultiPolygon":
        parts = shapely.get_parts(g)
        if not shapely.get_num_interior_rings(parts).any():
            return g
        return MultiPolygon([Polygon(p.exterior) for p in g.geoms])
    return g


def beside(line: BaseGeometry, side: BaseGeometry, offset: float) -> Point:
    """A point ``offset`` metres from the middle of ``line``, towards ``side``."""
    mid = line.interpolate(0.5, normalized=True)
    a = line.interpolate(max(0.0, line.project(mid) - 0.05))
    b = line.interpolate(min(line.length, line.project(mid) + 0.05))
    dx, dy = b.x - a.x, b.y - a.y
    n = math.hypot(dx, dy) or 1.0
    for sgn in (1, -1):
        p = Point(mid.x - sgn * dy / n * offset, mid.y + sgn * dx / n * offset)
        if side.contains(p):
            return p
    return mid


def label_point(g: BaseGeometry, role: str) -> Point:
    if role in ("circle", "required_circle"):  # inside the circle: what fits below, what is needed above
        minx, miny, maxx, maxy = g.bounds
        f = 0.16 if role == "circle" else 0.84
        return Point((minx + maxx) / 2, miny + f * (maxy - miny))
    if isinstance(g, (LineString, MultiLineString)):
        return g.interpolate(0.5, normalized=True)
    return g.representative_point() if not isinstance(g, Point) else g


class LevelsAt:
    """The level of the room under a geometry: the first room (in plan order) it
    intersects, else the plan's first level. Rooms go into an STRtree once;
    :meth:`prepare` answers many geometries in one bulk query, calls answer from that."""

    def __init__(self, plan):
        self.rooms = plan.rooms
        levels = plan.levels
        self.default = levels[0] if levels else 0.0
        self._tree: shapely.STRtree | None = None
        self._known: dict[int, float] = {}  # id(geometry) -> level
        self._alive: list[BaseGeometry] = []  # keeps those ids from being reused

    @property
    def tree(self) -> shapely.STRtree:
        if self._tree is None:
            self._tree = shapely.STRtree([r.polygon for r in self.rooms])
        return self._tree

    def prepare(self, geoms: list[BaseGeometry]) -> None:
        geoms = list({id(g): g for g in geoms if id(g) not in self._known}.values())
        if not geoms:
            return
        self._alive.extend(geoms)
        first = np.full(len(geoms), len(self.rooms))
        if self.rooms:
            arr = np.empty(len(geoms), dtype=object)
            arr[:] = geoms
            which, room = self.tree.query(arr, predicate="intersects")
            np.minimum.at(first, which, room)
        for g, i in zip(geoms, first.tolist(), strict=True):
            self._known[id(g)] = self.rooms[i].level if i < len(self.rooms) else self.default

    def __call__(self, geom: BaseGeometry) -> float:
        if id(geom) not in self._known:
            self.prepare([geom])
        return self._known[id(geom)]


class MarkLevels:
    """The level a finding's geometry is drawn on when the finding names no room (floor in
    no room, a label in no room): the level whose extent (``base``: level -> its rooms'
    and walls' bounds) alone holds it, else that of the room under it. A geometry of many
    parts on several floors (the floor in no room of a whole sheet) is split, each floor's
    parts drawn on their own (not one floor's drawn in another's frame)."""

    def __init__(self, level_at: LevelsAt, base: dict[float, tuple]):
        self.level_at, self.base = level_at, base
        # the frame asks first, the drawing after: each mark split once
        self._split: dict[tuple, list] = {}
        self._alive: list = []  # keeps the ids in those keys from being reused
        self._rooms_of: dict[int, list] = {}  # id of a list of rooms -> [levels, tree]

    def place(self, g: BaseGeometry) -> float:
        """The level whose extent holds ``g``'s representative point, or is nearest it;
        where extents overlap there (floors drawn one over the other), the room's under it."""
        c = g.representative_point()
        far = {lv: math.hypot(max(b[0] - c.x, 0.0, c.x - b[2]), max(b[1] - c.y, 0.0, c.y - b[3]))
               for lv, b in self.base.items() if b is not None}
        near = sorted(far, key=far.__getitem__)
        if len(near) == 1 or (near and far[near[0]] < far[near[1]]):
            return near[0]
        return self.level_at(g)

    def split(self, g: BaseGeometry, rooms: list) -> list[tuple[float | None, BaseGeometry]]:
        """(level, geometry) for ``g`` marked by a finding about ``rooms``: the rooms'
        level when they share one (or the plan has one level; None when the finding names
        no room: the room under it decides), else each part on the level of the room of
        the finding it lies in, or where :meth:`place` puts it (a finding over a dwelling
        on two floors marks each room on its own floor)."""
        key = (id(g), id(rooms))  # a finding's rooms are one list for all its marks: its
        if key not in self._split:  # marks are not each keyed by every room (osmapb: 400 rooms)
            self._alive.append((g, rooms))
            self._split[key] = self._parts(g, rooms)
        return self._split[key]

    def _of(self, rooms: list) -> list:
        """[the levels of ``rooms``, a tree of their polygons or None until asked for],
        made once for the list (kept alive by :meth:`split`), not for each of its marks."""
        got = self._rooms_of.get(id(rooms))
        if got is None:
            got = self._rooms_of[id(rooms)] = [{r.level for r in rooms}, None]
        return got

    def _parts(self, g: BaseGeometry, rooms: list) -> list[tuple[float | None, BaseGeometry]]:
        known = self._of(rooms)
        levels = known[0]
        if len(levels) == 1:
            return [(next(iter(levels)), g)]
        if len(self.base) < 2:
            return [(None, g)]
        if known[1] is None:
            known[1] = shapely.STRtree([r.polygon for r in rooms])
        tree = known[1]
        groups: dict[float, list] = {}
        for part in getattr(g, "geoms", [g]):
            hit = tree.query(part.representative_point(), predicate="intersects")
            lv = rooms[int(hit.min())].level if len(hit) else self.place(part)  # the first room
            groups.setdefault(lv, []).append(part)
        if len(groups) == 1:
            return [(next(iter(groups)), g)]
        return [(k, ps[0] if len(ps) == 1 else _collected(g, ps)) for k, ps in groups.items()]


def _collected(g: BaseGeometry, parts: list) -> BaseGeometry:
    """``parts`` of ``g`` as one geometry of ``g``'s kind (a MultiPolygon's as one)."""
    kind = g.geom_type
    if kind == "MultiPolygon":
        return shapely.multipolygons(parts)
    if kind == "MultiLineString":
        return shapely.multilinestrings(parts)
    if kind == "MultiPoint":
        return shapely.multipoints(parts)
    return shapely.geometrycollections(parts)


def dwelling_outlines(plan: Any, level: float) -> list[tuple[str, BaseGeometry]]:
    """(dwelling, outline) for each dwelling with rooms on ``level``: the outer edge of
    its rooms, the walls between them closed (0.3 m), as lines."""
    return outlines_by_level(plan).get(level, [])


def outlines_by_level(plan: Any) -> dict[float, list[tuple[str, BaseGeometry]]]:
    """:func:`dwelling_outlines` for every level at once: the rooms grouped by level and
    dwelling in one pass (not every room scanned for every dwelling, which was quadratic)
    and grown and shrunk in bulk."""
    groups: dict[tuple[float, str], list[Any]] = {}
    for r in plan.rooms:
        if r.dwelling is not None:
            groups.setdefault((r.level, r.dwelling), []).append(r.polygon)
    if not groups:
        return {}
    keys = [(lv, name) for lv in sorted({lv for lv, _ in groups}) for name in plan.dwellings
            if (lv, name) in groups]
    polys = [p for key in keys for p in groups[key]]
    grown = shapely.buffer(np.array(polys, dtype=object), 0.3, join_style="mitre")
    merged, at = [], 0
    for key in keys:
        n = len(groups[key])
        merged.append(shapely.union_all(grown[at:at + n]))
        at += n
    shrunk = shapely.buffer(np.array(merged, dtype=object), -0.3, join_style="mitre")
    out: dict[float, list[tuple[str, BaseGeometry]]] = {}
    for (lv, name), m in zip(keys, shrunk.tolist(), strict=True):
        parts = [m] if m.geom_type == "Polygon" else list(getattr(m, "geoms", []))
        rings = [shapely.geometry.LineString(p.exterior.coords) for p in parts
                 if p.geom_type == "Polygon" and not p.is_empty]
        if rings:
            out.setdefault(lv, []).append(
                (name, rings[0] if len(rings) == 1 else shapely.geometry.MultiLineString(rings)))
    return out


def disc(centre: Point, radius: float) -> BaseGeometry:
    """A ``circle`` primitive's polygon, as a backend without circles draws it: the very
    polygon ``Circle.geometry`` is (128 sides, its first corner east of the centre)."""
    return centre.buffer(radius, quad_segs=32)
