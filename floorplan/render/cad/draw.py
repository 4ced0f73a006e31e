"""Drawing one scene primitive, or the findings table, as DXF entities (for
:mod:`floorplan.render.cad.markup`).

Every entity is on a layer of :mod:`floorplan.render.cad.layers` and takes its colour
``BYLAYER``; only line type (dashed circles), width (heavy outlines) and a fill's
transparency are set on the entity. Texts are plain ``TEXT`` in the ``FLOORPLAN`` text
style, ASCII for the symbols the standard CAD fonts lack (``m2``, ``dia.``).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from shapely.geometry import Point

from floorplan.findings import RESULT_WORDS, tally, words
from floorplan.render.cad import layers as dxf_layers
from floorplan.render.scene import Scene, finding_where, fmt_value
from floorplan.render.style import Style

#: the text style of every mark-up text: a TrueType font every CAD program maps
TEXT_STYLE = "FLOORPLAN"
TEXT_FONT = "arial.ttf"
Transform = Callable[[float, float], tuple[float, float]]

#: symbols the standard CAD fonts (txt.shx, simplex.shx...) lack, in plain ASCII
_ASCII = {"m²": "m2", "⌀": "dia.", "✗": "NOT MET:", "✓": "ok", "—": "-", "–": "-", "·": "-",
          "…": "...", "≥": ">=", "≤": "<=", "×": "x", "°": " deg", "²": "2", "³": "3"}


def plain(text: str) -> str:
    """Text safe for a DXF TEXT entity in any CAD font: no ``%%`` control codes, and the
    symbols the standard fonts lack written in ASCII.

    >>> plain("Bed 1\\n12.0 m² (⌀ 1.50 m) — %%c")
    'Bed 1\\n12.0 m2 (dia. 1.50 m) - % %c'
    """
    text = text.replace("%%", "% %")
    for k, v in _ASCII.items():
        text = text.replace(k, v)
    return text


def _r12(msp) -> bool:
    return msp.doc.dxfversion <= "AC1009"


def pline(msp, points, layer: str, close: bool = False, width: float | None = None,
          dashed: bool = False):
    """An LWPOLYLINE, or a 2D POLYLINE in an R12 drawing."""
    attribs = {"layer": layer, "color": 256}
    if dashed:
        attribs["linetype"] = "DASHED"
    if _r12(msp):
        e = msp.add_polyline2d(points, close=close, dxfattribs=attribs)
        if width:
            e.dxf.default_start_width = e.dxf.default_end_width = width
        return e
    e = msp.add_lwpolyline(points, close=close, dxfattribs=attribs)
    if width:
        e.dxf.const_width = width
    return e


def circle(msp, centre, radius: float, layer: str, dashed: bool = False):
    attribs = {"layer": layer, "color": 256}
    if dashed:
        attribs["linetype"] = "DASHED"
    return msp.add_circle(centre, radius, dxfattribs=attribs)


def text(msp, layer: str, at, value: str, height: float, angle: float = 0.0,
         align: str = "MIDDLE_CENTER") -> list:
    """One TEXT entity per line (plain TEXT: no MTEXT codes to escape), centred on ``at``."""
    from ezdxf.enums import TextEntityAlignment

    lines = plain(value).split("\n")
    out = []
    n = len(lines)
    a = math.radians(angle)
    attribs = {"layer": layer, "color": 256, "style": TEXT_STYLE}
    for i, line in enumerate(lines):
        off = ((n - 1) / 2 - i) * height * 1.35
        x, y = at[0] - math.sin(a) * off, at[1] + math.cos(a) * off
        e = msp.add_text(line, height=height, rotation=angle, dxfattribs=attribs)
        e.set_placement((x, y), align=TextEntityAlignment[align if align != "LEFT" else "MIDDLE_LEFT"])
        out.append(e)
    return out


def primitive(msp, p, style: Style, t: Transform, scale: float, text_unit: float,
              status: str | None = None, draw_outline: bool = False) -> None:
    """Draw primitive ``p`` (plan metres) through ``t`` (to drawing units).

    ``status`` is the result of the room a label is about (labels carry none of their own).
    """
    import ezdxf

    look = style.look(p.key)
    layer = dxf_layers.layer_for(p.key, status)
    dashed = look.dash != "solid"
    g = p.geometry
    if p.kind == "circle":
        circle(msp, t(g.x, g.y), (p.radius or 0.0) / scale, layer, dashed=dashed)
    elif p.kind == "area":
        polys = [g] if g.geom_type == "Polygon" else [q for q in getattr(g, "geoms", [])
                                                      if q.geom_type == "Polygon"]
        if p.key.startswith("circle."):
            minx, miny, maxx, maxy = g.bounds
            circle(msp, t((minx + maxx) / 2, (miny + maxy) / 2), (maxx - minx) / 2 / scale, layer,
                   dashed=dashed)
            return
        for poly in polys:
            if poly.is_empty:
                continue
            rings = [poly.exterior, *poly.interiors]
            if (look.fill or look.hatch) and _r12(msp):
                # R12 has no HATCH: the fill becomes an outline in the layer's colour
                for ring in rings:
                    pline(msp, [t(x, y) for x, y in ring.coords[:-1]], layer, close=True)
            elif look.fill or look.hatch:
                h = msp.add_hatch(color=256, dxfattribs={"layer": layer})
                if look.hatch:
                    h.set_pattern_fill("ANSI31", color=256,
                                       scale=0.5 / scale if scale < 1 else 0.02 / scale)
                else:
                    h.transparency = 1 - min(look.fill_alpha, 0.9)
                for j, ring in enumerate(rings):
                    flags = (ezdxf.const.BOUNDARY_PATH_EXTERNAL if j == 0
                             else ezdxf.const.BOUNDARY_PATH_DEFAULT)
                    h.paths.add_polyline_path([t(x, y) for x, y in ring.coords[:-1]],
                                              is_closed=True, flags=flags)
            if look.edge and (p.key.startswith(("mark.", "obstacle")) or not look.fill):
                for ring in rings:
                    pline(msp, [t(x, y) for x, y in ring.coords[:-1]], layer, close=True,
                          width=0.05 / scale if p.key.startswith("mark.") else None)
            if p.key.startswith("room.") and draw_outline:
                pline(msp, [t(x, y) for x, y in poly.exterior.coords[:-1]],
                      dxf_layers.name("INFO", "PLAN"), close=True)
    elif p.kind == "line":
        lines = [g] if g.geom_type in ("LineString", "LinearRing") else list(getattr(g, "geoms", []))
        for line in lines:
            wide = p.key.startswith(("door.", "mark."))
            pline(msp, [t(x, y) for x, y in line.coords], layer,
                  width=0.05 / scale if wide else None, dashed=dashed)
            if wide:
                mid = line.interpolate(0.5, normalized=True)
                circle(msp, t(mid.x, mid.y), max(line.length * 0.75, 0.4) / scale, layer)
    elif p.kind == "marker":
        assert isinstance(g, Point)
        if p.key == "label.key":
            circle(msp, t(g.x, g.y), 0.22 / scale, layer)
            text(msp, layer, t(g.x, g.y), p.text or "", 0.22 / scale)
            return
        r = (0.4 if p.key.startswith("door.") else 0.12) / scale
        circle(msp, t(g.x, g.y), r, layer)
    elif p.kind == "text":
        height = look.size * 0.3528 / text_unit / scale  # the printed size at the scene's scale
        text(msp, layer, t(g.x, g.y), p.text or "", height, angle=p.angle)


def table(msp, scene: Scene, report, at, h: float) -> None:
    """The findings table (every finding but the not-applicable ones) beside the plan:
    heading and frame on ``FLOORPLAN-INFO-TABLE``, each row on its result's table layer.

    ``h`` is the text height in drawing units."""
    info = dxf_layers.name("INFO", "TABLE")
    row = h * 1.8
    cols = [0, 8, 26, 42, 58, 68]  # in text heights
    x0, y = at
    names = {r.id: r.name or r.id for r in report.plan.rooms}
    c = scene.counts
    head = [scene.title, f"Profile: {scene.profile}",
            f"Result: {RESULT_WORDS.get(scene.result, scene.result)} - {tally(c)}"]
    # with no verdict, why: the reasons an assessor must act on, before the findings
    head += [f"No verdict: {why}" for why in report.cannot_assess]
    for line in head:
        text(msp, info, (x0, y), line, h * 1.2, align="LEFT")
        y -= row * 1.2
    y -= row * 0.5
    header = ("Rule", "Room", "Measured", "Required", "Status", "Reference")
    rows: list[tuple[str, tuple[str, ...]]] = [(info, header)]
    order = {"fail": 0, "warn": 1, "pass": 2}
    for f in sorted((f for f in report.findings if f.status.value != "not_applicable"),
                    key=lambda f: (order.get(f.status.value, 3), f.rule)):
        rows.append((dxf_layers.name(dxf_layers.result_of(f.status.value), "TABLE"),
                     (f.rule, finding_where(f, names), fmt_value(f.measured, f.unit),
                      fmt_value(f.required, f.unit), words(f.status), f.reference or "")))
    top = y + row * 0.7
    fits = [int((b - a) / 0.62) for a, b in zip(cols, cols[1:], strict=False)] + [90]
    width = cols[-1] * h + fits[-1] * 0.7 * h
    for layer, cells in rows:
        for col, cell, n in zip(cols, cells, fits, strict=True):
            cell = str(cell)
            cell = cell if len(cell) <= n else cell[: n - 3] + "..."
            text(msp, layer, (x0 + col * h, y), cell, h, align="LEFT")
        y -= row
    bottom = y + row * 0.3
    pline(msp, [(x0 - h, top), (x0 + width, top), (x0 + width, bottom), (x0 - h, bottom)], info,
          close=True)
    msp.add_line((x0 - h, top - row), (x0 + width, top - row), dxfattribs={"layer": info, "color": 256})
