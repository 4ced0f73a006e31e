"""Synthetic DXF drawings for the reader's tests, one builder per way people draw.

Everything is drawn in metres (``$INSUNITS=6``) unless a sheet says otherwise, so the
expected areas in the tests are worked by hand from the coordinates given here: a room
between wall faces at x = 0.1 and 4.1, y = 0.1 and 3.1 is 4 x 3 = 12 m².

>>> s = Sheet()
>>> s.line((0, 0), (4, 0))
>>> len(s.msp)
1
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import ezdxf
from shapely.geometry import Polygon, box
from shapely.ops import unary_union

Pt = tuple[float, float]


class Sheet:
    """An ezdxf drawing with helpers for walls, doors, windows and labels."""

    def __init__(self, insunits: int = 6, scale: float = 1.0):
        self.doc = ezdxf.new("R2018")
        self.doc.header["$INSUNITS"] = insunits
        self.msp = self.doc.modelspace()
        self.k = scale  # drawing units per metre (1000 for a millimetre sheet)

    def _p(self, p: Pt) -> Pt:
        return (p[0] * self.k, p[1] * self.k)

    # -- linework -----------------------------------------------------------------------
    def line(self, a: Pt, b: Pt, layer: str = "A-WALL") -> None:
        self.msp.add_line(self._p(a), self._p(b), dxfattribs={"layer": layer})

    def poly(self, pts: Iterable[Pt], layer: str = "A-WALL", closed: bool = False) -> None:
        self.msp.add_lwpolyline([self._p(p) for p in pts], close=closed, dxfattribs={"layer": layer})

    def lines(self, pts: Iterable[Pt], layer: str = "A-WALL") -> None:
        """A chain of LINEs through ``pts``."""
        pts = list(pts)
        for a, b in zip(pts[:-1], pts[1:], strict=True):
            self.line(a, b, layer)

    def mass(self, walls: Polygon, layer: str = "A-WALL", how: str = "lines",
             jamb: float = 0.5) -> None:
        """The outline of the wall mass ``walls`` (the walls' plan shape, openings cut out).

        ``how``: ``lines`` (each edge a LINE: double-line walls with jambs), ``outline``
        (each ring one closed polyline: one outline with gaps at the doorways),
        ``nojambs`` (each edge a LINE, but the short edges across the wall at openings,
        shorter than ``jamb``, left out)."""
        polys = list(getattr(walls, "geoms", [walls]))
        for p in polys:
            for ring in [p.exterior, *p.interiors]:
                c = list(ring.coords)
                if how == "outline":
                    self.poly(c[:-1], layer, closed=True)
                    continue
                for a, b in zip(c[:-1], c[1:], strict=True):
                    if how == "nojambs" and math.dist(a, b) < jamb:
                        continue
                    self.line(a, b, layer)

    # -- symbols ------------------------------------------------------------------------
    def door_block(self, name: str = "DOOR", width: float = 0.9, leaf: str = "open") -> str:
        """A door block of unit geometry in metres x ``self.k``: hinge at (0, 0), the
        opening along +x to (width, 0). ``leaf="open"``: leaf along +y, swing from (width, 0)
        to (0, width); ``leaf="closed"``: leaf drawn along the opening, swing from (0, width)
        down to (width, 0); ``leaf="none"``: a leaf rectangle only, no arc."""
        if name in self.doc.blocks:
            return name
        b = self.doc.blocks.new(name)
        w = width * self.k
        if leaf == "open":
            b.add_line((0, 0), (0, w))
            b.add_arc((0, 0), w, 0, 90)
        elif leaf == "closed":
            b.add_line((0, 0), (w, 0))
            b.add_arc((0, 0), w, 0, 90)
        else:
            b.add_lwpolyline([(0, 0), (w, 0), (w, 0.04 * self.k), (0, 0.04 * self.k)], close=True)
        return name

    def door(self, at: Pt, rotation: float = 0.0, name: str = "DOOR", width: float = 0.9,
             leaf: str = "open", layer: str = "A-DOOR", mirror: bool = False) -> None:
        """Insert a door block with its hinge at ``at``, the opening along ``rotation``."""
        self.door_block(name, width, leaf)
        self.msp.add_blockref(name, self._p(at), dxfattribs={
            "layer": layer, "rotation": rotation, "yscale": -1 if mirror else 1})

    def swing(self, hinge: Pt, closed_to: Pt, open_to: Pt, layer: str = "A-DOOR") -> None:
        """A loose door swing: the open leaf as a line, the arc from the closed leaf's end
        to the open leaf's end (counter-clockwise from ``closed_to`` to ``open_to``)."""
        r = math.dist(hinge, closed_to)
        a0 = math.degrees(math.atan2(closed_to[1] - hinge[1], closed_to[0] - hinge[0]))
        a1 = math.degrees(math.atan2(open_to[1] - hinge[1], open_to[0] - hinge[0]))
        self.msp.add_arc(self._p(hinge), r * self.k, a0, a1, dxfattribs={"layer": layer})
        self.line(hinge, open_to, layer)

    def text(self, s: str, at: Pt, height: float = 0.25, layer: str = "A-ANNO-TEXT") -> None:
        self.msp.add_text(s, height=height * self.k, dxfattribs={"layer": layer}).set_placement(self._p(at))

    def save(self, path) -> str:
        self.doc.saveas(path)
        return str(path)


# -- plans --------------------------------------------------------------------------------

def two_rooms_mass(t: float = 0.1, door: tuple[float, float] | None = (1.0, 1.9)) -> Polygon:
    """Two rooms of 4 x 3 m between wall faces, walls ``t`` thick: room A x in
    [t, 4 + t], room B x in [4 + 2t, 8 + 2t], both y in [t, 3 + t]; an opening in the
    partition at y in ``door`` (measured from the rooms' floor edge at y = t)."""
    outer = box(0, 0, 8 + 3 * t, 3 + 2 * t)
    rooms = [box(t, t, 4 + t, 3 + t), box(4 + 2 * t, t, 8 + 2 * t, 3 + t)]
    mass = outer.difference(unary_union(rooms))
    if door is not None:
        mass = mass.difference(box(4 + t, t + door[0], 4 + 2 * t, t + door[1]))
    return mass


def two_room_plan(s: Sheet, ox: float = 0.0, oy: float = 0.0, names=("BEDROOM", "KITCHEN"),
                  layer: str = "A-WALL", door: bool = True) -> None:
    """:func:`two_rooms_mass` drawn at (ox, oy) as double lines with jambs, a door block in
    the partition and a label in each room: rooms [ox + 0.1, ox + 4.1] x [oy + 0.1, oy + 3.1]
    and [ox + 4.2, ox + 8.2] x the same, 12 m² each."""
    from shapely.affinity import translate

    s.mass(translate(two_rooms_mass(), ox, oy), layer=layer)
    if door:
        s.door((ox + 4.1, oy + 1.1), rotation=90, leaf="open", layer="A-DOOR")
    if names:
        s.text(names[0], (ox + 1.5, oy + 2.0))
        s.text(names[1], (ox + 6.1, oy + 2.0))


def elevation(s: Sheet, ox: float, oy: float, layer: str = "A-WALL") -> None:
    """A front elevation at (ox, oy): an 8.3 m wide wall 2.8 m high under a pitched roof
    rising 2 m to a ridge at the middle, two windows and a door drawn as rectangles."""
    s.poly([(ox, oy), (ox + 8.3, oy), (ox + 8.3, oy + 2.8), (ox + 4.15, oy + 4.8), (ox, oy + 2.8)],
           layer, closed=True)
    for x0 in (1.0, 6.0):
        s.poly([(ox + x0, oy + 1.0), (ox + x0 + 1.2, oy + 1.0), (ox + x0 + 1.2, oy + 2.2),
                (ox + x0, oy + 2.2)], layer, closed=True)
    s.poly([(ox + 3.7, oy), (ox + 4.6, oy), (ox + 4.6, oy + 2.1), (ox + 3.7, oy + 2.1)], layer, closed=True)


def schedule(s: Sheet, ox: float, oy: float, layer: str = "A-WALL", rows: int = 5) -> None:
    """A room schedule at (ox, oy): a table of ``rows`` x 3 cells, each 3 m x 1 m, naming
    rooms and their areas."""
    for r in range(rows + 1):
        s.line((ox, oy + r), (ox + 9, oy + r), layer)
    for c in range(4):
        s.line((ox + 3 * c, oy), (ox + 3 * c, oy + rows), layer)
    for r, name in enumerate(["BEDROOM 1", "BEDROOM 2", "KITCHEN", "BATHROOM", "HALL"][:rows]):
        s.text(name, (ox + 0.2, oy + r + 0.3), height=0.3)
        s.text(f"{12 + r}.0 m2", (ox + 3.2, oy + r + 0.3), height=0.3)


def title_block(s: Sheet, ox: float, oy: float, layer: str = "A-WALL") -> None:
    """A title block at (ox, oy): a 6 x 4 m border with three fields and eight lines of text."""
    s.poly([(ox, oy), (ox + 6, oy), (ox + 6, oy + 4), (ox, oy + 4)], layer, closed=True)
    s.line((ox, oy + 2), (ox + 6, oy + 2), layer)
    s.line((ox + 3, oy), (ox + 3, oy + 2), layer)
    for k, t in enumerate(["PROJECT: NEW HOUSE, 12 HIGH STREET", "CLIENT: A N OTHER",
                           "DRAWN BY: AB  CHECKED: CD", "SCALE 1:100 AT A3", "DATE 01/02/2024",
                           "DRAWING NO 1234-P-001", "REVISION C", "STATUS: PLANNING"]):
        s.text(t, (ox + 0.2, oy + 0.2 + 0.45 * k), height=0.3)


def read(sheet: Sheet, tmp_path, **kw):
    """``sheet`` saved as plan.dxf in ``tmp_path`` and read by the DXF reader."""
    from floorplan.io import dxf

    return dxf.read(sheet.save(tmp_path / "plan.dxf"), **kw)


def rooms_of(plan) -> list[tuple]:
    """(name, how found, area to 0.1 mm²) of each room, sorted: what the wall tests pin."""
    return sorted((r.name, r.source, round(r.polygon.area, 4)) for r in plan.rooms)


def assert_room(rooms: dict, name: str, area: float, bounds: tuple) -> None:
    """The room ``name`` of ``rooms`` (name to room) has ``area`` (m²) and ``bounds``
    (x0, y0, x1, y1), to 1 µm: what the wall tests pin of a room worked by hand."""
    import pytest

    assert rooms[name].polygon.area == pytest.approx(area, abs=1e-6)
    assert rooms[name].polygon.bounds == pytest.approx(bounds, abs=1e-6)

