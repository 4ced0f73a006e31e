"""The rooms of a DXF reading, named: the labels in each space read
(:func:`~floorplan.io.dxf.names.assign.room_texts`), its use, its stated figures checked
against it (FP008), and its confidence lowered where the names or the figures are unsure.
The reader (:mod:`floorplan.io.dxf.reader`) calls :func:`make_rooms` with itself."""

from __future__ import annotations

from typing import NamedTuple

from floorplan.classify import classify, names_other
from floorplan.io.dxf.account import room_confidence
from floorplan.io.dxf.features import fittings as dxf_features
from floorplan.io.dxf.names import assign as dxf_names
from floorplan.io.dxf.names import leaders as dxf_leaders
from floorplan.io.dxf.rooms.sizes import too_small
from floorplan.io.dxf.rooms.wallrooms import UNLABELLED
from floorplan.io.dxf.text import figures as dxf_figures
from floorplan.model import InputFinding, Room, Stated, Use


class _Said(NamedTuple):
    """A confidence and its reason, in the shape :func:`room_confidence` takes."""
    confidence: str
    reason: str


def make_rooms(rd, polys, sources, layers, ceilings, levels, confidences=None,
               evidence=((), ())) -> list[Room]:
    """The rooms, named; ``confidences`` (``(level, reason)`` per outline, from the
    step that found it) are lowered where the names are unsure; ``evidence``: the
    doors' geometries and the fittings' ``(polygon, kind)``, which tell compartments."""
    col = rd.col
    info, outside = dxf_names.room_texts(polys, layers, col.texts, rd.usable_text, rd.notes,
                                         rd.used, rd.leaders, dxf_leaders.LeaderLines(rd),
                                         doors=evidence[0], fittings=evidence[1],
                                         walls=dxf_leaders.WallLines(rd),
                                         numbers=rd._lone_numbers())
    for ri, named in zip(info, rd.combined, strict=True):
        if named:  # several labels in one space that no closing parts
            ri.name, ri.name_from = " / ".join(named), "text"
    rd.outside_texts = outside
    rd._check_units(polys, info)
    rooms: list[Room] = []
    seen: set[str] = set()
    uses: dict = {}  # names repeat from flat to flat: classify each once

    def use_of(name):
        if name not in uses:
            uses[name] = classify(name)
        return uses[name]

    for k, (poly, src, ri, level) in enumerate(zip(polys, sources, info, levels, strict=True)):
        if ri.set_aside:  # an unlabelled space in a drawing that numbers its rooms
            continue
        rid = ri.rid or f"R{k + 1}"
        if rid in seen:
            rid = f"{rid}-{k + 1}"
        seen.add(rid)
        use = use_of(ri.name)
        use, given = use or Use.OTHER, use is None and names_other(ri.name)
        if ri.use:
            try:
                use, given = Use(ri.use.strip().lower().replace(" ", "_")), True
            except ValueError:
                use, given = use_of(ri.use) or use, use_of(ri.use) is not None
        stated = tuple(Stated(f.kind, f.text, f.area_m2, f.metres) for f in ri.figures)
        found = confidences[k] if confidences else ("high", "")
        if (ri.name or ri.figures) and found == ("medium", UNLABELLED):
            # labelled after all: by a label outside it joined to it, or its written size
            found = ("high", "")
        for f in ri.figures if ri.confidence != "low" else ():  # a merged room: FP009
            why = dxf_figures.mismatch(f, poly)
            if why:
                rd.findings.append(InputFinding(
                    "FP008", f"{ri.name or rid}: the drawing says {f.text!r}: {why}",
                    rooms=(rid,), measured=round(float(poly.area), 4)))
                # beyond the doubt, neither can be told right; short of it, the way the
                # figure was measured may explain it, but the outline is not sure either
                far = dxf_figures.off_by(f, poly) > dxf_figures.DOUBT_TOLERANCE
                found = room_confidence(found, _Said(
                    "low" if far else "medium", f"the drawing says {f.text!r}, {why}"))
        level_conf, reason = room_confidence(found, ri)
        if (small := too_small(use, float(poly.area))) is not None:
            level_conf, reason = room_confidence((level_conf, reason), _Said("low", small))
        rooms.append(Room(id=rid, name=ri.name, use=use, polygon=poly, level=level,
                          dwelling=ri.dwelling, wheelchair=ri.wheelchair, source=src,
                          ceiling_height=ri.height, use_given=given,
                          properties={"name_from": ri.name_from, "layer": layers[k],
                                      **({"name_via": ri.name_via} if ri.name_via else {}),
                                      **({"below": list(ri.below)} if ri.below and not ri.name
                                         else {})},
                          confidence=level_conf, confidence_reason=reason, stated=stated))
    dxf_features.flat_ceilings(col.loops, col.texts, rd.layer_kind, rd.used, ceilings)
    return rooms

