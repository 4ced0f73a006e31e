"""Block references expanded once per block and pose, then copied to each INSERT.

Expanding an INSERT with ezdxf's ``virtual_entities()`` copies and transforms every entity
of its block (about 0.3 ms an INSERT), and a plan holds the same door or bath block
hundreds of times. An INSERT's transform is a linear part (rotation, scale, mirroring,
extrusion) and a translation; everything :mod:`~floorplan.io.dxf.collect.modelspace` reads from a
block (flattened points, arc centres and ends, text positions, nested INSERTs, what was
skipped and why) only moves with the translation. So a block is expanded and walked once
for each linear part (with ezdxf's own code, the translation left out) into a *template*,
and each INSERT with that linear part gets a copy moved by its translation: the same
primitives, uids, chains, layers and handles, in the same order, as expanding it directly.
The transformation matrix, too, is made once per pose (:class:`_Pose`); each INSERT's
translation is worked out from its insertion point as ``Insert.matrix44()`` does.

What the template cannot know is filled in on copying: layer-``0`` entities take the
INSERT's layer (the template holds :data:`PARENT_LAYER` there), handles of virtual entities
are the INSERT's handle followed by ``*`` (one a level), and the template's uids are
shifted to follow the drawing's. Non-uniform scale needs nothing special: ezdxf's
expansion (arcs to ellipses, bulges exploded) is part of the linear part the template is
made with. Blocks nested too deep are cut at the same depth (the depth is part of the key).

Every reading moves with the translation: ARCs, CIRCLEs, ELLIPSEs and SPLINEs take their
sweep from their own attributes, and bulges (of polylines and of hatch boundaries) are
flattened in numpy from the vertices' positions relative to one another
(:mod:`~floorplan.io.dxf.collect.curves`; ezdxf's own flattening of a bulge works from the absolute
coordinates, so a semicircle's sweep could come out as 180° or as a hair over it, and a
block holding one had to be expanded INSERT by INSERT). A copy differs from a direct
expansion in the last bits at most.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from floorplan.io.dxf.collect.prims import Collected, Insert, Prim, Text, hull_of

#: the layer of layer-0 entities in a template, replaced by the INSERT's layer
PARENT_LAYER = "\x00parent"
#: uid of the INSERT itself in a template's chains
_SELF = 0

_expand: Any
try:  # internal ezdxf API (stable since 0.x); without it every INSERT is expanded directly
    from ezdxf.explode import virtual_block_reference_entities as _expand
except ImportError:  # pragma: no cover
    _expand = None


@dataclass
class Template:
    col: Collected
    error: str | None = None  # the exception's name when the block could not be expanded
    pts: np.ndarray | None = None  # every flattened point of the content
    hull: np.ndarray | None = None  # their convex hull's corners (Insert.pts)
    lists: tuple = ()  # (name, primitives) of the col's non-empty primitive lists
    spans: dict | None = None  # id of a 2D primitive -> where its points are in pts


class _AtOrigin:
    """An INSERT as ezdxf's expansion sees it, with the translation left out."""

    def __init__(self, e, m):
        self._e, self._m, self.dxf = e, m, e.dxf

    def dxftype(self) -> str:
        return "INSERT"

    def matrix44(self):
        return self._m

    def block(self):
        return self._e.block()


def expand(e, out: Collected, ins: Insert, depth: int, tol: float, walk, where):
    """Add the content of INSERT ``e`` (its record ``ins`` already in ``out``, ``where`` its
    insertion point in WCS) to ``out`` and set ``ins.pts``: ``None``, or the name of the
    exception when the block cannot be expanded. ``walk`` is :func:`collect._walk`; ``out.blocks`` maps
    (block, depth, linear part) to templates, and (block, depth, pose) to a :class:`_Pose`."""
    cache = out.blocks
    d = vars(e.dxf)  # the attributes the file sets (see collect._one)
    name = e.dxf.name
    pkey = ("pose", name, depth, d.get("extrusion"), d.get("xscale"), d.get("yscale"),
            d.get("zscale"), d.get("rotation"))
    pose = cache.get(pkey)
    if pose is None:
        try:
            m = e.matrix44()
        except Exception as exc:  # noqa: BLE001 - as virtual_entities() would have failed
            return type(exc).__name__
        rows = list(m.rows())
        key = (name, depth, tuple(rows[0]), tuple(rows[1]), tuple(rows[2]))
        tpl = cache.get(key)
        if tpl is None:
            tpl = cache[key] = _template(e, m, depth, tol, walk, cache, out.chord)
        pose = _Pose(tpl, e, m)
        made = np.array(rows[3][:3], dtype=float)
        if np.array(pose.move(where)).tobytes() == made.tobytes():  # to the bit, zeros' signs too
            cache[pkey] = pose
        else:  # pragma: no cover - never seen; the matrix is then made for every INSERT
            pose = _Pose(tpl, None, None, tuple(rows[3][:3]))
    tpl = pose.tpl
    if tpl.error is not None:
        return tpl.error
    tx, ty, tz = pose.move(where)
    _copy(tpl, out, ins, tx, ty, tz)
    if tpl.hull is not None:
        ins.pts = tpl.hull + (tx, ty)
    return None


class _Pose:
    """A block placed with one linear part (rotation, scale, extrusion): its template and
    the translation of each INSERT so placed, made from the insertion point as
    ``Insert.matrix44()`` makes it (the point less the block's base point turned by the
    linear part), so that the matrix is made once per pose rather than per INSERT."""

    def __init__(self, tpl: Template, e, m, fixed: tuple | None = None):
        self.tpl, self.fixed = tpl, fixed
        self.base = None
        if e is not None:
            block = e.block()
            if block is not None:
                self.base = m.transform_direction(block.block.dxf.base_point)

    def move(self, where) -> tuple[float, float, float]:
        if self.fixed is not None:
            return self.fixed
        t = where - self.base if self.base is not None else where
        return t.x, t.y, t.z


def _template(e, m, depth: int, tol: float, walk, cache: dict, chord: float | None
              ) -> Template:
    from ezdxf.math import Matrix44

    m0 = Matrix44(m)
    m0.set_row(3, (0.0, 0.0, 0.0, 1.0))
    col = Collected(chord=chord)
    col.blocks = cache
    col.by_uid[_SELF] = Insert(_SELF, e.dxf.name, PARENT_LAYER, "", 0.0, 0.0)
    try:
        subs = list(_expand(_AtOrigin(e, m0)))
    except Exception as exc:  # noqa: BLE001 - counted by the caller
        return Template(col, type(exc).__name__)
    walk(subs, col, PARENT_LAYER, (_SELF,), depth + 1, tol)
    for sub in subs:  # each virtual entity and its attributes point at each other: a cycle
        vars(sub).clear()
    del subs
    prims = [p for lst in (col.loops, col.opens, col.circles, col.hatches) for p in lst]
    arrays = [p.pts[:, :2] for p in prims]
    lists = tuple((name, getattr(col, name)) for name in _LISTS if getattr(col, name))
    spans, at = {}, 0
    for p in prims:
        if p.pts.shape[1] == 2:
            spans[id(p)] = (at, at + len(p.pts))
        at += len(p.pts)
    pts = np.vstack(arrays) if arrays else None
    return Template(col, pts=pts, hull=None if pts is None else hull_of(pts), lists=lists,
                    spans=spans)


_LISTS = ("loops", "opens", "arcs", "faces3d", "hatches", "circles")


def _copy(tpl: Template, out: Collected, ins: Insert, tx: float, ty: float,
          tz: float) -> np.ndarray | None:
    """Add ``tpl``'s content to ``out``, moved by ``(tx, ty, tz)``; return its points moved.
    The points are moved in one array and each 2D primitive gets its
    rows of it (a numpy sum a primitive costs more than the rest of its copy)."""
    src = tpl.col
    shift = out.next_uid
    base = ins.chain + (ins.uid,)
    layer, handle = ins.layer, ins.handle
    xy = np.array((tx, ty))
    moved = tpl.pts + xy if tpl.pts is not None else None
    spans: dict = tpl.spans or {}
    move = {2: xy}
    memo: dict[int, Prim] = {}  # an ARC is in both opens and arcs: one copy for both
    for name, lst in tpl.lists:
        dst = getattr(out, name)
        for p in lst:
            q = memo.get(id(p))
            if q is None:
                extra = p.extra
                if extra:
                    extra = dict(extra)
                    if "center" in extra:
                        cx, cy = extra["center"]
                        extra["center"] = (cx + tx, cy + ty)
                        (x0, y0), (x1, y1) = extra["ends"]
                        extra["ends"] = ((x0 + tx, y0 + ty), (x1 + tx, y1 + ty))
                    if "rings" in extra:
                        extra["rings"] = [r + xy for r in extra["rings"]]
                span = spans.get(id(p))
                if span is not None and moved is not None:
                    pts = moved[span[0]:span[1]]
                else:
                    ncols = p.pts.shape[1]
                    if ncols not in move:
                        move[ncols] = np.array((tx, ty, tz)[:ncols])
                    pts = p.pts + move[ncols]
                c = p.chain
                q = memo[id(p)] = Prim(
                    p.uid + shift, p.etype, layer if p.layer == PARENT_LAYER else p.layer,
                    handle + p.handle if p.handle[:1] == "*" else p.handle,
                    pts, p.closed,
                    base if len(c) == 1 else base + tuple(u + shift for u in c[1:]), extra)
            dst.append(q)
    for x in src.texts:
        c = x.chain
        out.texts.append(Text(x.uid + shift, x.text, x.x + tx, x.y + ty,
                              layer if x.layer == PARENT_LAYER else x.layer, x.height,
                              handle + x.handle if x.handle[:1] == "*" else x.handle,
                              base if len(c) == 1 else base + tuple(u + shift for u in c[1:]),
                              x.tag, x.etype, x.angle))
    for i in src.inserts:
        c = i.chain
        j = Insert(i.uid + shift, i.name, layer if i.layer == PARENT_LAYER else i.layer,
                   handle + i.handle if i.handle[:1] == "*" else i.handle, i.x + tx, i.y + ty,
                   base if len(c) == 1 else base + tuple(u + shift for u in c[1:]),
                   dict(i.attribs), None if i.pts is None else i.pts + xy)
        out.inserts.append(j)
        out.by_uid[j.uid] = j
    for (etype, lay_, reason), n in src.skipped.items():
        out.skipped[(etype, layer if lay_ == PARENT_LAYER else lay_, reason)] += n
    out.next_uid += src.next_uid
    return moved
