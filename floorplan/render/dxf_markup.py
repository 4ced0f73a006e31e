"""The DXF mark-up backend: the original drawing, untouched, plus the mark-up on its own layers.

For a plan read from DXF the source file is read again (never written), every earlier
``FLOORPLAN-CHECK-*`` mark-up is dropped from the copy in memory, the new mark-up is added
on the layers below, and the result goes to the new path atomically. A plan from GeoJSON
gets a new drawing in metres with the plan itself on ``FLOORPLAN-CHECK-PLAN``.

The scene is in the plan's local metres; the mark-up is moved back to the file's own
frame: ``drawing = (local + origin) / metres_per_unit``, so a millimetre drawing gets
millimetre mark-up exactly over its rooms.

Layers: ``-FILL`` room fills by status, ``-HEADROOM`` floor under 1.5 m and the 1.5 m
line, ``-CIRCLE`` clear and required circles, ``-MARKER`` what failing rules measured
(doors, points, outlines), ``-LABEL`` room and mark labels, ``-TABLE`` the findings
table beside the plan, ``-PLAN`` (new drawings only) rooms, doors and fittings.
"""

from __future__ import annotations

import io
import math
import os
from pathlib import Path

from shapely.geometry import Point

from floorplan.errors import OutputError
from floorplan.io.atomic import write_atomic
from floorplan.render.scene import Scene, finding_where, fmt_value
from floorplan.render.style import STYLE, Style
from floorplan.units import to_metres

PREFIX = "FLOORPLAN-CHECK-"
#: layer -> ACI colour
LAYERS = {"FILL": 8, "HEADROOM": 6, "CIRCLE": 3, "MARKER": 1, "LABEL": 7, "TABLE": 7, "PLAN": 7}
#: keys whose geometry the original drawing already has
PLAN_KEYS = ("door", "obstacle", "point")


def layer_for(key: str) -> str:
    if key.startswith("room."):
        return PREFIX + "FILL"
    if key.startswith(("headroom", "line.headroom", "label.headroom")):
        return PREFIX + "HEADROOM"
    if key.startswith("circle."):
        return PREFIX + "CIRCLE"
    if key.startswith("label"):
        return PREFIX + "LABEL"
    if key in PLAN_KEYS:
        return PREFIX + "PLAN"
    return PREFIX + "MARKER"


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


#: Okabe-Ito colours -> nearest AutoCAD colour index, for R12 drawings (no true colour)
_ACI = {(213, 94, 0): 30, (230, 159, 0): 40, (0, 114, 178): 5, (86, 180, 233): 4,
        (0, 158, 115): 3, (204, 121, 167): 6, (0, 0, 0): 7, (140, 140, 140): 8}


def _r12(entity) -> bool:
    doc = entity.doc
    return doc is not None and doc.dxfversion <= "AC1009"


def _colour(entity, rgb: tuple[int, int, int]) -> None:
    """True colour where the DXF version has it, else the nearest colour index."""
    if _r12(entity):
        entity.dxf.color = _ACI.get(tuple(rgb)) or min(
            _ACI.items(), key=lambda kv: sum((a - b) ** 2 for a, b in zip(kv[0], rgb, strict=True)))[1]
    else:
        entity.rgb = rgb


def _pline(msp, points, close: bool = False, dxfattribs=None, width: float | None = None):
    """An LWPOLYLINE, or a 2D POLYLINE in an R12 drawing."""
    if msp.doc.dxfversion <= "AC1009":
        e = msp.add_polyline2d(points, close=close, dxfattribs=dxfattribs)
        if width:
            e.dxf.default_start_width = e.dxf.default_end_width = width
        return e
    e = msp.add_lwpolyline(points, close=close, dxfattribs=dxfattribs)
    if width:
        e.dxf.const_width = width
    return e


def _plain(text: str) -> str:
    """Text safe for a DXF TEXT entity in any CAD font: no %% codes, no rare glyphs."""
    return (text.replace("%%", "% %").replace("⌀", "Ø").replace("✗", "FAILS:")
            .replace("—", "-").replace("·", "-").replace("…", "..."))


def write(scene: Scene, path: str | os.PathLike, style: Style = STYLE, report=None) -> None:
    if report is None:
        raise OutputError(f"{path}: the DXF mark-up needs the report")
    data = markup(scene, report, style)
    write_atomic(path, data)


def markup(scene: Scene, report, style: Style = STYLE) -> bytes:
    """The marked-up drawing as DXF bytes."""
    import ezdxf

    meta = report.plan.meta
    from_dxf = meta.format == "dxf" and meta.source not in ("-", "") and Path(meta.source).is_file()
    if from_dxf:
        doc = _read(meta.source)
        scale = to_metres(meta.units)
        origin = meta.origin
        msp = doc.modelspace()
        for e in list(msp):  # an earlier mark-up is replaced, not doubled
            if e.dxf.get("layer", "").upper().startswith(PREFIX):
                msp.delete_entity(e)
    else:
        doc = ezdxf.new("R2010", setup=True)
        doc.units = ezdxf.units.M
        scale = 1.0
        origin = (0.0, 0.0) if meta.lonlat_origin is not None else meta.origin
        msp = doc.modelspace()
    if from_dxf:
        # layers the drawing uses but never defines are defined (as AutoCAD's AUDIT does), so
        # viewers that hide undefined layers still show the original under the mark-up
        for name in sorted({e.dxf.get("layer", "0") for e in msp}):
            if name not in doc.layers:
                doc.layers.add(name)
    for name, aci in LAYERS.items():
        if name == "PLAN" and from_dxf:
            continue
        lname = PREFIX + name
        if lname not in doc.layers:
            doc.layers.add(lname, color=aci)

    if "DASHED" not in doc.linetypes:  # an office drawing may not have it
        doc.linetypes.add("DASHED", pattern=[0.3 / scale, 0.2 / scale, -0.1 / scale],
                          description="Dashed __ __ __")

    # several levels from GeoJSON lie on one another: set them side by side
    shifts = [0.0] * len(scene.panels)
    if not from_dxf and len(scene.panels) > 1:
        x = scene.panels[0].bounds[2]
        for i, panel in enumerate(scene.panels[1:], start=1):
            shifts[i] = x + 2.0 - panel.bounds[0]
            x = panel.bounds[2] + shifts[i]

    ox, oy = origin

    def tr(dx: float):
        def f(x: float, y: float) -> tuple[float, float]:
            return ((x + dx + ox) / scale, (y + oy) / scale)
        return f

    # text is sized for 1:100 (or the sheet's scale where larger): a CAD user zooms, and
    # small text keeps clear of the drawing's own
    text_unit = max(1000 / scene.scale, 10.0)  # mm of paper per metre
    right = -1e300
    top = -1e300
    for i, panel in enumerate(scene.panels):
        t = tr(shifts[i])
        b = panel.bounds
        x1, y1 = t(b[2], b[3])
        right, top = max(right, x1), max(top, y1)
        if not from_dxf and len(scene.panels) > 1:
            x0, _ = t(b[0], b[3])
            _text(msp, PREFIX + "LABEL", (x0, y1 + 0.3 / scale), panel.title, 0.35 / scale, align="LEFT")
        for p in panel.primitives:
            if from_dxf and p.key in PLAN_KEYS:
                continue
            if from_dxf and p.key == "label" and p.text:
                p = _below_the_name(p, style, text_unit)
            _draw(msp, p, style, t, scale, text_unit, draw_outline=not from_dxf)
    _table(msp, scene, report, (right + 1.0 / scale, top), 2.2 / text_unit / scale)
    buf = io.StringIO()
    doc.write(buf)
    return buf.getvalue().encode(doc.output_encoding, errors="replace")


def _below_the_name(p, style: Style, text_unit: float):
    """A room label for a drawing that names its rooms already: the areas and failing
    rules without the name, moved down clear of the drawing's own name at the middle."""
    from dataclasses import replace

    lines = p.text.split("\n")[1:]
    drop = (1 + len(lines) / 2) * style.look("label").size * 0.3528 * 1.35 / text_unit
    dx, dy = (drop, 0.0) if p.angle else (0.0, -drop)
    return replace(p, text="\n".join(lines), geometry=Point(p.geometry.x + dx, p.geometry.y + dy))


def _read(source: str):
    import ezdxf
    from ezdxf import recover

    try:
        return ezdxf.readfile(source)
    except OSError as exc:
        raise OutputError(f"{source}: cannot read the drawing again ({exc})") from None
    except Exception:  # noqa: BLE001 - the reader used recover too
        doc, _ = recover.readfile(source)
        return doc


def _draw(msp, p, style: Style, t, scale: float, text_unit: float, draw_outline: bool = False) -> None:
    import ezdxf

    look = style.look(p.key)
    layer = layer_for(p.key)
    colour = look.edge or look.fill or "#000000"
    attribs = {"layer": layer}
    g = p.geometry
    if p.kind == "area":
        polys = [g] if g.geom_type == "Polygon" else [q for q in getattr(g, "geoms", []) if q.geom_type == "Polygon"]
        if p.key.startswith("circle."):
            minx, miny, maxx, maxy = g.bounds
            c = t((minx + maxx) / 2, (miny + maxy) / 2)
            e = msp.add_circle(c, (maxx - minx) / 2 / scale, dxfattribs=attribs)
            _colour(e, _rgb(colour))
            if look.dash != "solid":
                e.dxf.linetype = "DASHED"
            return
        for poly in polys:
            if poly.is_empty:
                continue
            rings = [poly.exterior, *poly.interiors]
            if (look.fill or look.hatch) and msp.doc.dxfversion <= "AC1009":
                # R12 has no HATCH: the fill becomes a coloured outline
                for ring in rings:
                    e = _pline(msp, [t(x, y) for x, y in ring.coords[:-1]], close=True, dxfattribs=attribs)
                    _colour(e, _rgb(look.fill or look.edge or "#555555"))
            elif look.fill or look.hatch:
                h = msp.add_hatch(dxfattribs=attribs)
                if look.hatch:
                    h.set_pattern_fill("ANSI31", scale=0.5 / scale if scale < 1 else 0.02 / scale)
                    _colour(h, _rgb(look.edge or "#555555"))
                else:
                    _colour(h, _rgb(look.fill))
                    h.transparency = 1 - min(look.fill_alpha, 0.9)
                for j, ring in enumerate(rings):
                    flags = ezdxf.const.BOUNDARY_PATH_EXTERNAL if j == 0 else ezdxf.const.BOUNDARY_PATH_DEFAULT
                    h.paths.add_polyline_path([t(x, y) for x, y in ring.coords[:-1]], is_closed=True, flags=flags)
            if look.edge and (p.key.startswith(("mark.", "obstacle")) or not look.fill):
                for ring in rings:
                    e = _pline(msp, [t(x, y) for x, y in ring.coords[:-1]], close=True, dxfattribs=attribs,
                               width=0.05 / scale if p.key.startswith("mark.") else None)
                    _colour(e, _rgb(look.edge))
            if p.key.startswith("room.") and draw_outline:
                _pline(msp, [t(x, y) for x, y in poly.exterior.coords[:-1]], close=True,
                       dxfattribs={"layer": PREFIX + "PLAN"})
    elif p.kind == "line":
        lines = [g] if g.geom_type in ("LineString", "LinearRing") else list(getattr(g, "geoms", []))
        for line in lines:
            wide = p.key.startswith(("door.", "mark."))
            e = _pline(msp, [t(x, y) for x, y in line.coords], dxfattribs=attribs,
                       width=0.05 / scale if wide else None)
            _colour(e, _rgb(colour))
            if look.dash != "solid":
                e.dxf.linetype = "DASHED"
            if wide:
                mid = line.interpolate(0.5, normalized=True)
                c = msp.add_circle(t(mid.x, mid.y), max(line.length * 0.75, 0.4) / scale, dxfattribs=attribs)
                _colour(c, _rgb(colour))
    elif p.kind == "marker":
        assert isinstance(g, Point)
        if p.key == "label.key":
            c = msp.add_circle(t(g.x, g.y), 0.22 / scale, dxfattribs=attribs)
            _text(msp, layer, t(g.x, g.y), p.text or "", 0.22 / scale)
            _colour(c, (0, 0, 0))
            return
        r = (0.4 if p.key.startswith("door.") else 0.12) / scale
        c = msp.add_circle(t(g.x, g.y), r, dxfattribs=attribs)
        _colour(c, _rgb(colour))
    elif p.kind == "text":
        height = look.size * 0.3528 / text_unit / scale  # the printed size at the scene's scale
        e = _text(msp, layer, t(g.x, g.y), p.text or "", height, angle=p.angle)
        for x in e:
            _colour(x, _rgb(look.text))


def _text(msp, layer: str, at, text: str, height: float, angle: float = 0.0, align: str = "MIDDLE_CENTER"):
    """One TEXT entity per line (plain TEXT: no MTEXT codes to escape), centred on ``at``."""
    from ezdxf.enums import TextEntityAlignment

    lines = _plain(text).split("\n")
    out = []
    n = len(lines)
    a = math.radians(angle)
    for i, line in enumerate(lines):
        off = ((n - 1) / 2 - i) * height * 1.35
        x, y = at[0] - math.sin(a) * off, at[1] + math.cos(a) * off
        e = msp.add_text(line, height=height, rotation=angle, dxfattribs={"layer": layer})
        e.set_placement((x, y), align=TextEntityAlignment[align if align != "LEFT" else "MIDDLE_LEFT"])
        out.append(e)
    return out


def _table(msp, scene: Scene, report, at, h: float) -> None:
    """The findings table (every finding but the not-applicable ones) beside the plan.

    ``h`` is the text height in drawing units."""
    layer = PREFIX + "TABLE"
    row = h * 1.8
    cols = [0, 8, 26, 42, 58, 68]  # in text heights
    x0, y = at
    names = {r.id: r.name or r.id for r in report.plan.rooms}
    head = [scene.title, f"Profile: {scene.profile}",
            f"Result: {scene.result.upper()} - {scene.counts['fail']} fail, {scene.counts['warn']} warn, "
            f"{scene.counts['pass']} pass, {scene.counts['not_applicable']} not applicable"]
    for line in head:
        _text(msp, layer, (x0, y), line, h * 1.2, align="LEFT")
        y -= row * 1.2
    y -= row * 0.5
    header = ("Rule", "Room", "Measured", "Required", "Status", "Reference")
    rows = [header]
    order = {"fail": 0, "warn": 1, "pass": 2}
    for f in sorted((f for f in report.findings if f.status.value != "not_applicable"),
                    key=lambda f: (order.get(f.status.value, 3), f.rule)):
        where = finding_where(f, names)
        rows.append((f.rule, where,
                     fmt_value(f.measured, f.unit), fmt_value(f.required, f.unit),
                     f.status.value.upper(), f.reference or ""))
    top = y + row * 0.7
    fits = [int((b - a) / 0.62) for a, b in zip(cols, cols[1:], strict=False)] + [90]
    width = cols[-1] * h + fits[-1] * 0.7 * h
    for r in rows:
        for c, cell, n in zip(cols, r, fits, strict=True):
            cell = str(cell)
            cell = cell if len(cell) <= n else cell[: n - 1] + "…"
            e = _text(msp, layer, (x0 + c * h, y), cell, h, align="LEFT")
            if r is not header and r[4] == "FAIL":
                for x in e:
                    _colour(x, (213, 94, 0))
        y -= row
    bottom = y + row * 0.3
    _pline(msp, [(x0 - h, top), (x0 + width, top), (x0 + width, bottom), (x0 - h, bottom)],
           close=True, dxfattribs={"layer": layer})
    msp.add_line((x0 - h, top - row), (x0 + width, top - row), dxfattribs={"layer": layer})
