"""Walk a DXF model space once, blocks expanded, and sort what is drawn into primitives.

Everything is kept in the drawing's own units and world coordinates (WCS); units and the
local origin are decided afterwards from what was collected. INSERTs are expanded
recursively with ezdxf's block expansion (rotation, scale, mirroring, nested and anonymous
blocks), once per block and pose, and copied to each INSERT (:mod:`~floorplan.io.dxf.collect.blocks`);
an entity on layer ``0`` inside a block takes the layer of the INSERT, as CAD programs
draw it. Every entity is either turned into a primitive or counted as skipped
with the reason.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np
from ezdxf.entities import DXFGraphic
from ezdxf.math import OCS, Vec3

from floorplan.io.dxf.collect import aecspace, shapes
from floorplan.io.dxf.collect import blocks as dxf_blocks
from floorplan.io.dxf.collect import budget as dxf_budget
from floorplan.io.dxf.collect import curves as dxf_curves
from floorplan.io.dxf.collect.prims import Collected, Insert, Prim, Text, hull_of
from floorplan.io.dxf.text.kind import mtext_anchor, mtext_plain
from floorplan.io.dxf.text.mtext import into_ink
from floorplan.io.limits import clean_text

#: blocks nested deeper than this are not expanded (a guard against self-reference)
MAX_DEPTH = 12
#: expand each block once per pose and copy it to its INSERTs (dxf_blocks); False expands
#: every INSERT with ezdxf's virtual_entities (the reference the fast path must equal)
FAST_BLOCKS = True


def collect(msp, tolerance: float) -> Collected:
    """Primitives of everything in ``msp`` (model space). ``tolerance``: flattening distance."""
    dxf_budget.check_expansion(msp, MAX_DEPTH)  # before anything is made: one line if too big
    doc = getattr(msp, "doc", None)
    out = Collected(chord=dxf_curves.chord_error(doc))
    # (a plain look at the types, not msp.query: its parser keeps the exceptions it
    # parses with, whose tracebacks hold this frame and its callers' in a cycle, and all
    # the reader's objects with them would then wait for the cyclic collector)
    if doc is not None and doc.filename and any(e.dxftype() == "ACAD_PROXY_ENTITY" for e in msp):
        out.space_ids = aecspace.space_ids(aecspace.file_classes(doc.filename))
    _walk(msp, out, None, (), 0, tolerance)
    # the expanded blocks' templates hold the cache they are in (a cycle): let them go now
    out.blocks.clear()
    dxf_budget.drop_unusable(out)  # NaN, inf, 1e300: skipped with the reason, never to GEOS
    return out


#: the box a program draws in place of an object it has no enabler for names its class
#: and application (``AecDbSpace (AecArchBase80)``): a placeholder, no geometry of the plan
PROXY_PLACEHOLDER = re.compile(r"^\s*[A-Z][A-Za-z]*Db[A-Za-z0-9_]+\s*\([A-Za-z][\w.]*\)\s*$")


def _walk(entities, out: Collected, parent_layer: str | None, chain: tuple[int, ...],
          depth: int, tol: float) -> None:
    for e in entities:
        try:
            _one(e, out, parent_layer, chain, depth, tol)
        except Exception as exc:  # noqa: BLE001 - a broken entity is counted, never fatal
            layer = _layer(e, parent_layer)
            out.skipped[(e.dxftype(), layer, f"could not be read ({type(exc).__name__})")] += 1


def _layer(e: DXFGraphic, parent_layer: str | None) -> str:
    layer = e.dxf.get("layer", "0") if hasattr(e, "dxf") else "0"
    if parent_layer is not None and (layer == "0" or not layer):
        return parent_layer
    return layer


def _one(e, out: Collected, parent_layer: str | None, chain: tuple[int, ...],
         depth: int, tol: float) -> None:
    t = e.dxftype()
    # the attributes the file sets, read as e.dxf.get(key, default) reads them (none read
    # here is computed by a callback) at a tenth of the cost of the call
    d = vars(e.dxf)
    layer = d.get("layer", "0")
    if parent_layer is not None and (layer == "0" or not layer):
        layer = parent_layer
    handle = d.get("handle") or (out.by_uid[chain[-1]].handle + "*" if chain else "?")
    if t == "LWPOLYLINE":
        # the vertices (x, y, start width, end width, bulge) as one array, read at once
        # rather than through get_points() and has_arc (a tuple a vertex)
        lw = np.array(e.lwpoints.values, dtype=float).reshape(-1, 5)
        if not any(lw[:, 4].tolist()):  # no bulge (NaN counts as one, as != 0 does)
            flag = e.closed
            pts = lw[:, :2]
            if flag and len(pts) and not (pts[0, 0] == pts[-1, 0] and pts[0, 1] == pts[-1, 1]):
                pts = np.concatenate((pts, pts[:1]))
            ext = d.get("extrusion")
            if ext is not None and tuple(ext) != (0, 0, 1):
                pts = shapes.wcs2d(e, pts)
            if len(pts) < 2:
                out.skipped[(t, layer, "fewer than two vertices")] += 1
                return
            closed = bool(flag) or shapes.is_closed(pts, False, tol)
            (out.loops if closed else out.opens).append(
                Prim(out.uid(), t, layer, handle, pts, closed, chain))
            return
        if np.isfinite(lw).all():  # bulges: flattened in numpy to the drawing's chord error
            flag = bool(e.closed)
            pts = dxf_curves.bulged(lw[:, :2], lw[:, 4], flag, out.chord)
            ext = d.get("extrusion")
            if ext is not None and tuple(ext) != (0, 0, 1):
                pts = dxf_curves.to_wcs(pts, e.ocs(), float(d.get("elevation", 0) or 0))
            if len(pts) < 2:
                out.skipped[(t, layer, "fewer than two vertices")] += 1
                return
            closed = shapes.is_closed(pts, flag, tol)
            (out.loops if closed else out.opens).append(
                Prim(out.uid(), t, layer, handle, pts, closed, chain))
            return
    # the commonest kinds first
    if t == "INSERT":
        _insert(e, out, layer, handle, chain, depth, tol)
        return
    if t in ("TEXT", "MTEXT", "ATTRIB"):
        text = raw = e.plain_text() if t != "MTEXT" else mtext_plain(e.all_columns_raw_content())
        # one clean line each (no CR, control characters or lone surrogates), once, here
        text = _clean_lines(str(text))
        if not text:
            out.skipped[(t, layer, "empty text")] += 1
            return
        if t == "MTEXT":
            p = e.dxf.insert
            h = float(d.get("char_height", 0) or 0)
            angle = float(e.get_rotation() or 0.0)
            if "\n" in raw:  # blank paragraphs move the words from the insertion point
                p = Vec3(*mtext_anchor(p.x, p.y, h, d.get("attachment_point", 1),
                                       d.get("line_spacing_factor", 1.0), angle, raw))
            # (the words hang from a corner of their box: a point on their ink)
            p = Vec3(*into_ink(p.x, p.y, h, d.get("attachment_point", 1), angle))
        else:
            p = e.dxf.insert
            if d.get("halign", 0) or d.get("valign", 0):
                p = d.get("align_point", p) or p
            h = float(d.get("height", 0) or 0)
            p = e.ocs().to_wcs(p)
            angle = _angle(d.get("rotation", 0.0))
        out.texts.append(Text(out.uid(), text, float(p.x), float(p.y), layer, h, handle, chain,
                              tag=d.get("tag") if t == "ATTRIB" else None, etype=t,
                              angle=angle))
        return
    if t in ("LWPOLYLINE", "POLYLINE"):
        if t == "POLYLINE" and (e.is_poly_face_mesh or e.is_polygon_mesh):
            out.skipped[(t, layer, "a mesh, not a plan outline")] += 1
            return
        if t == "POLYLINE" and e.is_3d_polyline:
            pts = np.array([tuple(v.dxf.location) for v in e.vertices], dtype=float).reshape(-1, 3)
            if len(pts) < 2:
                out.skipped[(t, layer, "fewer than two vertices")] += 1
                return
            closed = shapes.is_closed(pts, e.is_closed, tol)
            prim = Prim(out.uid(), t, layer, handle, pts, closed, chain, {"is3d": True})
            (out.faces3d if closed else out.opens).append(prim)
            if closed:
                out.loops.append(Prim(prim.uid, t, layer, handle, pts[:, :2], True, chain,
                                      {"is3d": True}))
            return
        if t == "POLYLINE":
            pts = shapes.polyline2d(e, d, out.chord)
        else:  # an LWPOLYLINE with bulges that are not all numbers
            pts = shapes.flat(e)
        if len(pts) < 2:
            out.skipped[(t, layer, "fewer than two vertices")] += 1
            return
        closed = shapes.is_closed(pts, bool(e.closed if t == "LWPOLYLINE" else e.is_closed), tol)
        prim = Prim(out.uid(), t, layer, handle, pts[:, :2], closed, chain)
        (out.loops if closed else out.opens).append(prim)
    elif t == "LINE":
        s, en = e.dxf.start, e.dxf.end
        out.opens.append(Prim(out.uid(), t, layer, handle,
                              np.array([[s.x, s.y], [en.x, en.y]], dtype=float), False, chain))
    elif t == "ARC":
        pts = shapes.flat(e, 1e-3)
        c = e.ocs().to_wcs(e.dxf.center)
        sp, ep = e.start_point, e.end_point
        extra = {"center": (c.x, c.y), "radius": float(e.dxf.radius),
                 "ends": ((sp.x, sp.y), (ep.x, ep.y))}
        prim = Prim(out.uid(), t, layer, handle, pts[:, :2], False, chain, extra)
        out.opens.append(prim)
        out.arcs.append(prim)
    elif t in ("SPLINE", "ELLIPSE"):
        pts = shapes.flat(e, 1e-4, out.chord)
        closed = shapes.is_closed(pts, False, tol)
        arc = shapes.round_arc(e) if t == "ELLIPSE" and not closed else None
        if arc is not None:  # an ARC in all but name: a door swing in a block scaled a
            # hair unevenly (1357 x 1356) comes out of ezdxf's expansion as an ELLIPSE
            prim = Prim(out.uid(), "ARC", layer, handle, pts[:, :2], False, chain, arc)
            out.opens.append(prim)
            out.arcs.append(prim)
            return
        prim = Prim(out.uid(), t, layer, handle, pts[:, :2], closed, chain)
        (out.loops if closed else out.opens).append(prim)
    elif t == "CIRCLE":
        pts = shapes.flat(e, 1e-3)
        out.circles.append(Prim(out.uid(), t, layer, handle, pts[:, :2], True, chain,
                                {"radius": float(e.dxf.radius)}))
    elif t == "HATCH":
        polys = [pts for pts in shapes.hatch_rings(e, d, out.chord) if len(pts) >= 3]
        if not polys:
            out.skipped[(t, layer, "no usable boundary")] += 1
            return
        out.hatches.append(Prim(out.uid(), t, layer, handle, polys[0], True, chain,
                                {"rings": polys}))
    elif t == "3DFACE":
        pts = np.array([tuple(e.dxf.get(f"vtx{i}")) for i in range(4)], dtype=float)
        if np.allclose(pts[3], pts[2], rtol=0.0, atol=tol):
            pts = pts[:3]
        out.faces3d.append(Prim(out.uid(), t, layer, handle, pts, True, chain))
    elif t in ("SOLID", "TRACE"):
        # a filled outline of three or four corners (drawn 0, 1, 3, 2: wcs_vertices puts
        # them in order); kept with the 3D faces, read as wall where its layer says wall
        pts = np.array([tuple(v) for v in e.wcs_vertices()], dtype=float).reshape(-1, 3)
        out.faces3d.append(Prim(out.uid(), t, layer, handle, pts, True, chain))
    elif t == "DIMENSION":
        out.skipped[(t, layer, "a dimension, read by nobody")] += 1
    elif t == "ACAD_PROXY_ENTITY" and depth < MAX_DEPTH:
        # another program's object (an AEC space with its label, a wall): read as the lines
        # and texts it keeps for programs that do not know it; none kept is no geometry
        subs = list(e.virtual_entities())
        if not subs:
            out.skipped[(t, layer, "another program's object with no proxy graphics")] += 1
            return
        if any(s.dxftype() == "TEXT" and PROXY_PLACEHOLDER.match(s.dxf.text or "") for s in subs):
            out.skipped[(t, layer, "another program's object drawn as a placeholder box")] += 1
            return
        rings = None if chain or aecspace.class_id(e) not in out.space_ids else \
            aecspace.proxy_rings(subs, tol, out.chord)
        if rings is not None:  # an AEC space's net outline, drawn in pieces: one outline
            # (its holes, a stair well or a shaft, kept as the rings after the first)
            out.loops.append(Prim(out.uid(), "POLYLINE", layer, handle, rings[0], True, chain,
                                  {"aec_space": True, **({"rings": rings} if len(rings) > 1
                                                         else {})}))
            out.read_as["AEC space objects read as the outline their pieces close"
                        + (" round the openings in them" if len(rings) > 1 else "")] += 1
            return
        out.read_as["objects of other programs read from their proxy graphics"] += 1
        _walk(subs, out, layer, chain, depth + 1, tol)
    elif t in ("SEQEND", "VERTEX", "ATTDEF", "VIEWPORT"):
        if t != "ATTDEF":
            out.skipped[(t, layer, "drawing structure, no geometry")] += 1
    else:
        out.skipped[(t, layer, "not plan geometry")] += 1


def _angle(rotation) -> float:
    """A TEXT's rotation (degrees), or 0 where it is not a finite number."""
    try:
        a = float(rotation or 0.0)
    except (TypeError, ValueError):
        return 0.0
    return a % 360.0 if math.isfinite(a) else 0.0


@lru_cache(maxsize=1 << 16)  # names and areas repeat from flat to flat: each cleaned once
def _clean_lines(text: str) -> str:
    """One clean line a written line (no CR, control characters or lone surrogates)."""
    return "\n".join(clean_text(ln, 1000, surrogates=False) for ln in text.splitlines() if ln.strip())


def _insert(e, out: Collected, layer: str, handle: str, chain: tuple[int, ...], depth: int,
            tol: float) -> None:
    t = "INSERT"
    if depth >= MAX_DEPTH:
        out.skipped[(t, layer, f"nested more than {MAX_DEPTH} deep")] += 1
        return
    d = vars(e.dxf)  # the attributes the file sets (see _one)
    if ("row_count" in d or "column_count" in d) and e.mcount > 1:
        for sub in e.multi_insert():
            _insert(sub, out, layer, handle, chain, depth, tol)
        return
    if d.get("zscale") == 0:
        # a z scale of 0 makes the block's matrix singular, and ezdxf's expansion fails on
        # it (ZeroDivisionError) where CAD programs draw the block; a plan's x and y do not
        # depend on z, so it is read with z scale 1 (on this copy in memory, not the file)
        e.dxf.zscale = 1.0
        out.read_as[f"block {e.dxf.name!r} inserted with z scale 0: read with z scale 1"] += 1
    p = _ocs(out, d.get("extrusion")).to_wcs(e.dxf.insert)
    ins = Insert(out.uid(), e.dxf.name, layer, handle, float(p.x), float(p.y), chain)
    attribs = e.attribs
    if attribs:
        ins.attribs = {clean_text(a.dxf.tag.upper()): clean_text(a.plain_text(), 1000, surrogates=False)
                       for a in attribs if a.dxf.get("tag")}
    out.inserts.append(ins)
    out.by_uid[ins.uid] = ins
    for a in attribs:
        _one(a, out, layer, chain + (ins.uid,), depth + 1, tol)
    if FAST_BLOCKS and dxf_blocks._expand is not None:
        error = dxf_blocks.expand(e, out, ins, depth, tol, _walk, p)
        if error is not None:
            out.skipped[(t, layer, f"block {e.dxf.name!r} could not be expanded ({error})")] += 1
        return
    before = (len(out.loops), len(out.opens), len(out.circles), len(out.hatches))
    try:
        subs = list(e.virtual_entities())
    except Exception as exc:  # noqa: BLE001
        out.skipped[(t, layer, f"block {e.dxf.name!r} could not be expanded "
                                f"({type(exc).__name__})")] += 1
        return
    _walk(subs, out, layer, chain + (ins.uid,), depth + 1, tol)
    # the block's own points, for the extent of door and fitting blocks
    arrays = []
    for lst, start in zip((out.loops, out.opens, out.circles, out.hatches), before, strict=True):
        for prim in lst[start:]:
            arrays.append(prim.pts[:, :2])
    if arrays:
        ins.pts = hull_of(np.vstack(arrays))


def _ocs(out: Collected, extrusion):
    """The OCS an entity's ``ocs()`` gives for ``extrusion`` (its ``extrusion`` attribute, or
    ``None`` when unset), made once per extrusion: most drawings have only the plain one."""
    key = ("ocs", extrusion)
    ocs = out.blocks.get(key)
    if ocs is None:
        ocs = out.blocks[key] = OCS(extrusion if extrusion is not None else (0, 0, 1))
    return ocs


