"""Room names and what else text says about a room.

A text belongs to the room its insertion point lies in (the smallest, where rooms
overlap), found through an STRtree so a drawing with thousands of rooms and texts stays
fast. In one room: block attributes tagged NAME / ROOM / ROOMNAME win; otherwise the name
texts are joined top to bottom, left to right (a label split over two texts); otherwise a
layer named ``Room - Kitchen`` names it; otherwise the name is empty (the measuring step
reports the unnamed room; nothing is guessed). Texts that are areas, heights or
dimensions are read as such. Text outside every room (legends, schedules, titles) is
counted and left.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.strtree import STRtree

from floorplan.io.dxf import text as dxf_text
from floorplan.io.dxf.layers import name_from_layer

NAME_TAGS = {"NAME", "ROOM", "ROOMNAME", "ROOM_NAME", "ROOM-NAME", "SPACE", "SPACENAME",
             "SPACE_NAME", "RAUM", "RAUMNAME", "ROOMLABEL"}
ID_TAGS = {"ID", "ROOMID", "ROOM_ID", "NUMBER", "ROOMNO", "ROOM_NO", "REF", "NO"}
DWELLING_TAGS = {"DWELLING", "FLAT", "UNIT", "APARTMENT", "APT", "WOHNUNG"}
AREA_TAGS = {"AREA", "ROOMAREA", "ROOM_AREA"}
USE_TAGS = {"USE", "ROOMUSE", "ROOM_USE", "ROOMTYPE", "ROOM_TYPE", "NUTZUNG"}
HEIGHT_TAGS = {"HEIGHT", "CH", "CEILING", "CEILING_HEIGHT", "CLG"}
#: a stated area further than this from the measured one is reported (m², and share)
AREA_TOLERANCE = (0.5, 0.05)


@dataclass
class RoomText:
    name: str = ""
    name_from: str = ""  # "text", "attribute", "layer" or ""
    rid: str | None = None
    use: str | None = None
    dwelling: str | None = None
    areas: list[float] = field(default_factory=list)
    height: float | None = None
    wheelchair: bool = False


def room_texts(polys, layers, texts, usable, notes: list[str], used: set[int]
               ) -> tuple[list[RoomText], list]:
    """What the texts say about each room, and the texts left over (outside every room)."""
    info = [RoomText() for _ in polys]
    cands = [t for t in texts if usable(t)]
    inside: dict[int, list] = {}
    outside = []
    if polys and cands:
        tree = STRtree(polys)
        pts = shapely.points(np.array([(t.x, t.y) for t in cands]))
        ti, ri = tree.query(pts, predicate="within")
        areas = shapely.area(np.asarray(polys, dtype=object))
        best: dict[int, int] = {}
        for a, b in zip(ti.tolist(), ri.tolist(), strict=True):
            if a not in best or areas[b] < areas[best[a]]:
                best[a] = b
        for k, t in enumerate(cands):
            if k in best:
                inside.setdefault(best[k], []).append(t)
            else:
                outside.append(t)
    else:
        outside = cands
    for r, ts in inside.items():
        ri = info[r]
        if len(ts) > 1:  # most rooms hold one text: no key to work out
            ts.sort(key=lambda t: (-round(t.y, 3), t.x))
        tagged, plain = [], []
        for t in ts:
            used.add(t.uid)
            tag = (t.tag or "").upper()
            if tag in NAME_TAGS:
                tagged.append(t.text)
            elif tag in ID_TAGS:
                ri.rid = t.text
            elif tag in DWELLING_TAGS:
                ri.dwelling = t.text
            elif tag in USE_TAGS:
                ri.use = t.text
            elif tag in AREA_TAGS:
                k, v = dxf_text.kind(t.text)
                if v is None:
                    try:
                        v = float(t.text.replace(",", "."))
                    except ValueError:
                        v = None
                if v is not None:
                    ri.areas.append(v)
            elif tag in HEIGHT_TAGS:
                k, v = dxf_text.kind(t.text if not t.text[:1].isdigit() else f"H={t.text}")
                if k == "height":
                    ri.height = v
            else:
                name, others = dxf_text.split_label(t.text)
                for kind, value in others:
                    if kind == "area":
                        ri.areas.append(value)
                    elif kind == "height":
                        ri.height = value
                    elif kind == "wheelchair":
                        ri.wheelchair = True
                said = dxf_text.kind(name)[0] if name else None
                if said == "name":
                    plain.append(name)
                elif said == "wheelchair":
                    ri.wheelchair = True
        if tagged:
            ri.name, ri.name_from = " ".join(tagged), "attribute"
        elif plain:
            if len(plain) > 3:
                notes.append(f"{len(plain)} texts in one room ({', '.join(plain[:4])}…): "
                             "the first three taken as its name")
            ri.name, ri.name_from = " ".join(plain[:3]), "text"
    named = {lay: name_from_layer(lay) for lay in set(layers)}  # few layers, many rooms
    for r, layer in enumerate(layers):
        if not info[r].name:
            from_layer = named[layer]
            if from_layer:
                info[r].name, info[r].name_from = from_layer, "layer"
        if dxf_text.is_wheelchair_name(info[r].name):
            info[r].wheelchair = True
    return info, outside


def area_note(rid: str, name: str, stated: list[float], measured: float) -> str | None:
    for s in stated:
        if abs(s - measured) > max(AREA_TOLERANCE[0], AREA_TOLERANCE[1] * measured):
            return (f"room {rid} {name!r}: the drawing says {s:.2f} m², the outline measures "
                    f"{measured:.2f} m² ({(measured - s) / s:+.0%})")
    return None
