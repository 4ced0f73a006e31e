"""The DXF mark-up backend: the original drawing, untouched, plus the mark-up on its own layers.

For a plan read from DXF the source file is read again (never written), every earlier
mark-up (``FLOORPLAN-*`` layers of :mod:`~floorplan.render.cad.layers`, and the older
``FLOORPLAN-CHECK-*``) is dropped from the copy in memory, the new mark-up is added, and
the result goes to the new path atomically. A plan from GeoJSON gets a new drawing in
metres with the plan itself on ``FLOORPLAN-INFO-PLAN``.

The scene is in the plan's local metres; the mark-up is moved back to the file's own
frame: ``drawing = (local + origin) / metres_per_unit``, so a millimetre drawing gets
millimetre mark-up exactly over its rooms.

Layers are split by result and kind (``FLOORPLAN-FAIL-FILL``, ``FLOORPLAN-REVIEW-LABEL``,
``FLOORPLAN-PASS-CIRCLE`` ...), every entity's colour is ``BYLAYER``, and the header's
``$EXTMIN``/``$EXTMAX`` span the drawing with its mark-up, so "zoom extents" shows it all.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from shapely.geometry import Point

from floorplan.errors import OutputError
from floorplan.io.atomic import write_atomic
from floorplan.render.cad import draw as dxf_draw
from floorplan.render.cad import layers as dxf_layers
from floorplan.render.scene import Scene
from floorplan.render.style import STYLE, Style
from floorplan.units import to_metres

#: keys whose geometry the original drawing already has
PLAN_KEYS = ("door", "obstacle", "point")


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
            if dxf_layers.is_markup(e.dxf.get("layer", "")):
                msp.delete_entity(e)
        for layer in [lay.dxf.name for lay in doc.layers if dxf_layers.is_markup(lay.dxf.name)]:
            doc.layers.discard(layer)
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
    for lname, aci in dxf_layers.LAYERS.items():
        if lname.endswith("-PLAN") and from_dxf:
            continue
        layer = doc.layers.add(lname, color=aci)
        layer.description = dxf_layers.description(lname)
    if dxf_draw.TEXT_STYLE not in doc.styles:
        doc.styles.add(dxf_draw.TEXT_STYLE, font=dxf_draw.TEXT_FONT)

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
            dxf_draw.text(msp, dxf_layers.name("INFO", "LABEL"), (x0, y1 + 0.3 / scale), panel.title,
                          0.35 / scale, align="LEFT")
        for p in panel.primitives:
            if p.kind == "segments":  # the drawing's own linework: the drawing is there
                continue
            if from_dxf and p.key in PLAN_KEYS:
                continue
            if from_dxf and p.key == "label" and p.text:
                p = _below_the_name(p, style, text_unit)
            status = None
            if p.key in ("label", "label.key") and p.ref is not None:
                st = report.room_status(p.ref)
                status = None if st is None else st.value
            dxf_draw.primitive(msp, p, style, t, scale, text_unit, status=status,
                               draw_outline=not from_dxf)
    dxf_draw.table(msp, scene, report, (right + 1.0 / scale, top), 2.2 / text_unit / scale)
    _set_extents(doc)
    buf = io.StringIO()
    doc.write(buf)
    return buf.getvalue().encode(doc.output_encoding, errors="replace")


def _set_extents(doc) -> None:
    """``$EXTMIN``/``$EXTMAX`` round everything in model space, so "zoom extents" works."""
    from ezdxf import bbox

    msp = doc.modelspace()
    try:
        box = bbox.extents(msp, fast=True)
    except Exception:  # noqa: BLE001 - an entity ezdxf cannot measure (a broken DIMENSION)
        box = bbox.BoundingBox()
        for e in msp:
            try:
                box.extend(bbox.extents([e], fast=True))
            except Exception:  # noqa: BLE001, S112 - left out of the extents, still drawn
                continue
    if box.has_data:
        lo, hi = (box.extmin.x, box.extmin.y, 0.0), (box.extmax.x, box.extmax.y, 0.0)
        # ezdxf writes the model space layout's extents into the header when it saves
        msp.reset_extents(lo, hi)
        doc.header["$EXTMIN"], doc.header["$EXTMAX"] = lo, hi


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


