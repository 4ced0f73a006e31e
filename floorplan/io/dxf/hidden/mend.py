"""Rooms the visible linework misreads, mended from a hidden layer the labels bear out.

:mod:`~floorplan.io.dxf.hiddenproof` takes a hidden layer's outlines only where the
visible reading *lost* a room. A drawing may instead read every room, some of them
wrong: a stair cut into pieces by its flights, a WC by its cubicles, a corridor run
into a lift lobby through an opening no wall closes. Where the drawing keeps its
usable-area outlines on a layer switched off (a Chinese plan's 使用面积线, a net-area
layer), and each room's label writes its area, the drawing itself says which reading
is right. An outline is **borne out** (:func:`borne_out`) when the one visible label
inside it that writes an area writes the outline's (within
:data:`~floorplan.io.dxf.text.figures.FIGURE_TOLERANCE`): two things the drafter drew
apart, the outline and the figure, agree.

A hidden layer is used to mend (:func:`mend`) when it proves itself on the visible
reading: at least :data:`~floorplan.io.dxf.hiddenproof.MIN_AGREE` of its outlines agree
with rooms read (:func:`~floorplan.io.dxf.hiddenproof.proof`), and at least
:data:`~floorplan.io.dxf.hiddenproof.AGREE_SHARE` of the outlines that overlap rooms
read agree with one or are borne out by their label. An old layout, a zoning or
furniture kept under the plan agrees with neither.

Then each borne-out outline that no room read agrees with, and that overlaps rooms read
by more than a sliver, becomes a room in their place (smallest first, none overlapping
one taken): a room read lying within it is taken in; one reaching beyond it keeps
what lies outside (its pieces of room size). The new room is named later from the
labels in it, as every room is, is of **medium** confidence at most (source
``hidden_outline``), and gets an FP013 warning naming the layer (:func:`findings`), so
that an assessor knows to look. An outline larger than a room on a layer that says
nothing (:data:`~floorplan.io.dxf.rooms.outlines.FALLBACK_MAX_AREA`) is taken when its
label bears it out: a corridor round a whole floor is a room by the drawing's own word.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import shapely
from shapely.geometry import Polygon

from floorplan.io.dxf.hidden import proof as hiddenproof
from floorplan.io.dxf.rooms.hidden import room_outlines, state
from floorplan.io.dxf.rooms.outlines import MIN_ROOM_AREA
from floorplan.io.dxf.text import figures as dxf_figures
from floorplan.io.dxf.text.kind import split_label
from floorplan.io.dxf.walls.marks import hidden_layers
from floorplan.model import InputFinding

SOURCE = hiddenproof.SOURCE


def written_areas(rd, hidden: set[str]) -> tuple[np.ndarray, list[tuple[float, ...]], list[str]]:
    """The visible texts that write an area: their points (n x 2), the areas each writes
    (m²; a label may write its usable and its gross area) and their texts."""
    pts, areas, texts = [], [], []
    for t in rd.col.texts:
        if t.layer in hidden or not rd.usable_text(t):
            continue
        figs = [f.area_m2 for kind, f in split_label(t.text)[1]
                if kind == "figure" and f.kind == "area" and f.area_m2]
        if figs:
            pts.append((t.x, t.y))
            areas.append(tuple(figs))
            texts.append(" ".join(t.text.split()))
    return np.asarray(pts, dtype=float).reshape(-1, 2), areas, texts


def borne_out(o: Polygon, pts: np.ndarray, areas: list[tuple[float, ...]]) -> float | None:
    """The area written in ``o`` that ``o`` measures, when exactly one text in it writes
    an area and one of its figures is ``o``'s within the figure tolerance; else ``None``."""
    if not len(pts):
        return None
    held = np.flatnonzero(shapely.contains_xy(o, pts[:, 0], pts[:, 1]))
    if len(held) != 1:
        return None
    for a in areas[held[0]]:
        if abs(o.area - a) <= dxf_figures.FIGURE_TOLERANCE * a:
            return a
    return None


def mend(rd, found):
    """``found`` (:class:`~floorplan.io.dxf.rooms.spaces.Found`) with the rooms read that
    a proving hidden layer's borne-out outlines show wrong replaced by those outlines
    (see the module's docstring); the reasons kept in ``rd.mended`` for :func:`findings`."""
    rd.mended, rd.outlined, rd.mend_pieces = [], [], []
    hidden = hidden_layers(rd.doc, rd.lmap)
    if not hidden or not found.polys:
        return found
    pts, areas, texts = written_areas(rd, hidden)
    if not len(pts):
        return found
    for layer in sorted(hidden):
        found = _mend_layer(rd, found, layer, pts, areas, texts)
    return found


def _mend_layer(rd, found, layer: str, pts, areas, texts):
    uids: dict = {}
    outlines = room_outlines(rd, layer, larger=lambda o: borne_out(o, pts, areas) is not None,
                             uids=uids)
    if not outlines:
        return found
    read = list(found.polys)
    tree = shapely.STRtree(read)
    over: list[list[int]] = []  # the rooms read each outline overlaps beyond a sliver
    agrees: list[bool] = []
    for o in outlines:
        ks = [k for k in tree.query(o, predicate="intersects").tolist()
              if not hiddenproof.sliver(o, read[k])]
        over.append(ks)
        agrees.append(any(o.intersection(read[k]).area
                          >= (1 - hiddenproof.AGREE_TOLERANCE) * max(o.area, read[k].area)
                          for k in ks))
    figure = [borne_out(o, pts, areas) for o in outlines]
    touching = [i for i, ks in enumerate(over) if ks]
    agree = sum(agrees)
    sure = sum(1 for i in touching if agrees[i] or figure[i] is not None)
    if agree < hiddenproof.MIN_AGREE or sure < hiddenproof.AGREE_SHARE * len(touching):
        return found
    rd.outlined.append((layer, outlines))  # the layer outlines the drawing's rooms
    taken: list[Polygon] = []
    polys, sources, layers = list(found.polys), list(found.sources), list(found.layers)
    sure_l, combined = list(found.sure), list(found.combined)
    solid = list(found.solid) if found.solid else []
    gone: set[int] = set()
    cut: dict[int, Polygon] = {}
    said = []
    st = state(rd.doc, layer)
    for i in sorted(touching, key=lambda i: outlines[i].area):
        o = outlines[i]
        if (agrees[i] and len(over[i]) == 1) or figure[i] is None \
                or any(not hiddenproof.sliver(o, t) for t in taken):
            continue  # read as it is outlined; not borne out; or overlapping one taken
        ks = [k for k in over[i] if k not in gone]
        if not ks:
            continue
        before = [(float(cut.get(k, read[k]).intersection(o).area), float(read[k].area))
                  for k in ks]
        for k in ks:
            p = cut.get(k, read[k])
            inside = p.intersection(o).area
            if inside >= (1 - hiddenproof.AGREE_TOLERANCE) * p.area:
                gone.add(k)
                continue
            cut[k] = p.difference(o)
        taken.append(o)
        said.append((o, figure[i], before))
        if id(o) in uids:
            rd.used.add(uids[id(o)])  # read: no longer 'not shown, not read
    if not taken:
        return found
    keep_polys, keep = [], []
    for k in range(len(polys)):
        if k in gone:
            continue
        if k in cut:
            for piece in _pieces(cut[k]):
                keep_polys.append(piece)
                keep.append(k)
                rd.mend_pieces.append(piece)
            continue
        keep_polys.append(polys[k])
        keep.append(k)
    out = type(found)(
        keep_polys, [sources[k] for k in keep], [layers[k] for k in keep],
        [sure_l[k] for k in keep], [[] if k in cut else combined[k] for k in keep],
        [solid[k] for k in keep] if solid else [])
    for o, fig, before in said:
        why = (f"read from layer {layer!r} ({st}): its outline measures {o.area:.2f} m², the "
               f"area its label writes ({fig:g} m²), where the visible linework read "
               + _parts(before))
        out.polys.append(o)
        out.sources.append(SOURCE)
        out.layers.append(layer)
        out.sure.append(("medium", why))
        out.combined.append([])
        if solid:
            out.solid.append("")
        rd.mended.append((o, layer, why))
    rd.notes.append(f"{len(said)} room(s) read from the outlines on layer {layer!r} ({st}) "
                    "where the visible linework cut or joined them and each one's label writes "
                    "the outline's area, the layer's outlines agreeing with "
                    f"{agree} rooms read: " + ", ".join(
                        f"{o.area:.2f} m² (the walls read {_parts(before)})" for o, _, before in said))
    return out


def _parts(before: list[tuple[float, float]]) -> str:
    """'5.96 + 8.85 m²', '12.68 m² of a room of 209.65 m²': what the rooms read held of
    the outline (and, where one reached beyond it, how large it was)."""
    return " + ".join(f"{inside:.2f} m²" if inside >= (1 - hiddenproof.AGREE_TOLERANCE) * whole
                      else f"{inside:.2f} m² of a room of {whole:.2f} m²"
                      for inside, whole in before)


def _pieces(g) -> list[Polygon]:
    """The parts of ``g`` of room size that are more than a sliver."""
    out = []
    for part in shapely.get_parts(g):
        if not isinstance(part, Polygon) or part.area < MIN_ROOM_AREA:
            continue
        if part.buffer(-hiddenproof.SLIVER_WIDTH / 2, join_style="mitre").is_empty:
            continue
        out.append(part)
    return out


def doubt_unoutlined(rd, rooms: list) -> list:
    """``rooms`` without the unnamed spaces found in the walls that lie in no outline of
    a layer that outlines the drawing's rooms (:func:`mend`), when they are of a shaft's
    size (:data:`~floorplan.io.dxf.rooms.shafts.SHAFT_AREA`) or what a mend left of a room
    read beyond a borne-out outline, and with the larger ones at low confidence: the drawing's own record of its rooms leaves them out (an escape stair
    outside the walls, a duct between two WCs, a wall's hollow), as
    :mod:`~floorplan.io.dxf.rooms.shafts` does with the spaces no door leads into."""
    if not getattr(rd, "outlined", None):
        return rooms
    from floorplan.io.dxf.rooms.outdoor import WALL_SOURCES
    from floorplan.io.dxf.rooms.shafts import SHAFT_AREA

    trees = [(lay, outlines, shapely.STRtree(outlines)) for lay, outlines in rd.outlined]
    out, gone = [], []
    for r in rooms:
        if r.name or r.stated or r.source not in WALL_SOURCES:
            out.append(r)
            continue
        layer = next((lay for lay, outlines, tree in trees
                      if all(hiddenproof.sliver(outlines[k], r.polygon)
                             for k in tree.query(r.polygon, predicate="intersects").tolist())),
                     None)
        if layer is None:
            out.append(r)
        elif r.polygon.area <= SHAFT_AREA or any(r.polygon.equals(p) for p in rd.mend_pieces):
            # (what a mend left of a room read beyond the outline: no label, no outline,
            # no more a room than before the drawing showed the rest of it wrong)
            gone.append((r, layer))
        elif r.confidence == "low":
            out.append(r)
        else:
            why = (f"no label in it, and layer {layer!r}, whose outlines are the drawing's "
                   "rooms, does not outline it: a core, a void or a space outside")
            out.append(replace(r, confidence="low", confidence_reason=why))
    for layer in dict.fromkeys(lay for _, lay in gone):
        these = [r for r, lay in gone if lay == layer]
        rd.notes.append(
            f"{len(these)} space(s) in the walls with no label that layer {layer!r}, whose "
            "outlines are the drawing's rooms, does not outline, set aside as ducts, hollows "
            "or spaces outside, not rooms: " + ", ".join(
                f"{r.polygon.area:.1f} m² at ({r.polygon.centroid.x:.2f}, "
                f"{r.polygon.centroid.y:.2f})" for r in these[:12])
            + (f" and {len(these) - 12} more" if len(these) > 12 else ""))
    if gone:
        ids = {r.id for r, _ in gone}
        rd.findings[:] = [f for f in rd.findings if not (f.rooms and set(f.rooms) <= ids)]
    return out


def findings(rd, rooms) -> list[InputFinding]:
    """An FP013 warning for each room mended from a hidden layer (:func:`mend`)."""
    out = []
    for r in rooms:
        if r.source != SOURCE:
            continue
        for o, layer, why in getattr(rd, "mended", ()):
            if r.polygon.equals(o):
                out.append(InputFinding(
                    hiddenproof.CODE, f"{r.name or r.id}: the room was {why}: check it on the "
                    "drawing", rooms=(r.id,), entity=layer))
                break
    return out
