"""Rooms drawn on a layer that is frozen or switched off: said, not read.

The reader reads only what the drawing shows (:func:`~floorplan.io.dxf.walls.marks.hidden_layers`):
the architect switched a layer off for a reason, and the visible drawing is what was
issued. But when the shown linework leaves rooms open and a hidden layer outlines them
(a Danish drawing's space objects on a layer switched off, A1322PE_0), the user must be
told that the drawing holds those rooms. :func:`findings` looks at each hidden layer's
closed outlines of room size, collected as the reader collects room outlines
(:func:`~floorplan.io.dxf.rooms.outlines.outline_rooms`, with the same size tests), and counts
those that no room read covers and that hold a room label the reading lost (FP010,
:func:`~floorplan.io.dxf.account.lost_labels`). A layer with at least one such outline
gets one ``warn`` (FP010: rooms the labels name may be missing from the plan) that names
the layer, its counts and the way out: switch the layer on, or map it as rooms with
``--layer-map`` (a layer the map names is read though hidden). A frozen layer of
elevations, furniture or an old layout under rooms the reading found says nothing.

A hidden layer that proves itself on the visible reading (its outlines agree with the
rooms read, and hold labels the reading lost) is read for those rooms without a map
(:mod:`~floorplan.io.dxf.hidden.proof`, before :func:`findings`): its outlines are then
covered, and this warning is left for the layers that do not prove themselves.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.ops import unary_union

from floorplan.io.dxf.rooms.outlines import FALLBACK_MAX_AREA, outline_rooms
from floorplan.io.dxf.rooms.wallrooms import label_texts
from floorplan.io.dxf.walls.marks import hidden_layers
from floorplan.io.dxf.walls.pinch import MIN_WIDTH
from floorplan.model import InputFinding

CODE = "FP010"
#: an outline is covered by the rooms read when they take in this share of its area
COVERED_SHARE = 0.5
#: at most this many hidden layers are named one by one; the rest are counted
MAX_LAYERS = 3
#: room names quoted per layer
MAX_NAMES = 4


def findings(rd, rooms) -> list[InputFinding]:
    """One FP010 warning per hidden layer of ``rd``'s drawing whose room-size closed
    outlines hold room labels the reading of ``rooms`` lost (the top :data:`MAX_LAYERS`,
    then a count)."""
    hidden = hidden_layers(rd.doc, rd.lmap)
    lost = rd.__dict__.get("lost_labels") or []
    if not hidden or not lost:
        return []
    read = unary_union([r.polygon for r in rooms]) if rooms else None
    labels = [(Point(t.x, t.y), name) for t, name in lost]
    said = []
    for layer in sorted(hidden):
        outlines = room_outlines(rd, layer)
        if not outlines:
            continue
        open_ = [p for p in outlines if read is None
                 or read.intersection(p).area < COVERED_SHARE * p.area]
        named = [[name for at, name in labels if p.contains(at)] for p in open_]
        held = [n for n in named if n]
        if held:
            said.append((len(held), layer, len(outlines), len(open_), held))
    said.sort(key=lambda s: (-s[0], s[1]))
    out = [InputFinding(CODE, _message(rd, *s), entity=s[1]) for s in said[:MAX_LAYERS]]
    if len(said) > MAX_LAYERS:
        out.append(InputFinding(CODE, f"{len(said) - MAX_LAYERS} more frozen or switched-off "
                                "layers hold room outlines with labels the reading lost: "
                                + ", ".join(s[1] for s in said[MAX_LAYERS:]), entity="layers"))
    return out


def hint(rd) -> str:
    """For the error of a drawing in which no room is found: the hidden layers that
    outline rooms (on a layer that says room, AEC spaces, or outlines holding a name), and
    what to do; ``""`` when none does."""
    said = []
    for layer in sorted(hidden_layers(rd.doc, rd.lmap)):
        outlines = room_outlines(rd, layer)
        if outlines and (rd.layer_kind(layer) == "room" or _holds_spaces(rd, layer)
                         or _named(rd, outlines)):
            said.append((len(outlines), layer))
    if not said:
        return ""
    said.sort(key=lambda s: (-s[0], s[1]))
    what = ", ".join(f"{layer!r} ({state(rd.doc, layer)}) holds {n} closed outline(s) of "
                     "room size" for n, layer in said[:MAX_LAYERS])
    more = f" and {len(said) - MAX_LAYERS} more layers" if len(said) > MAX_LAYERS else ""
    return (f"; layer {what}{more}: switch it on, or map it as rooms with --layer-map, "
            "and check again")


def _holds_spaces(rd, layer: str) -> bool:
    return any(p.layer == layer and p.extra.get("aec_space") for p in rd.col.loops)


def _named(rd, outlines: list) -> bool:
    """Some text that may name a room (not on a hidden layer) lies in one of
    ``outlines``."""
    pts = [Point(x, y) for x, y, _ in label_texts(rd)]
    return any(p.contains(at) for p in outlines for at in pts)


def room_outlines(rd, layer: str, larger=None, uids: dict | None = None) -> list:
    """The closed outlines of room size on ``layer``, as the reader would take them were it
    shown: collected by :func:`~floorplan.io.dxf.rooms.outlines.outline_rooms` (its smallest room,
    duplicates and envelopes left out), and, on a layer that does not say room and holds
    no AEC space, none narrower than a room throughout nor over the fallback's largest
    (unless ``larger(outline)`` says it is a room all the same). ``uids``, when given, is
    filled with each outline's entity (``id(polygon)`` to the primitive's uid), so that a
    caller that takes one can count it used."""
    def ok(p) -> bool:
        return p.layer == layer and not rd.blocked(p) and not p.extra.get("is3d")

    col = rd.col
    cands = outline_rooms([p for p in col.loops if p.layer == layer],
                          [p for p in col.opens if p.layer == layer],
                          [p for p in col.hatches if p.layer == layer], ok, [], [], set(), None)
    spaces = {p.uid for p in col.loops if p.layer == layer and p.extra.get("aec_space")}
    says_room = rd.layer_kind(layer) == "room"
    kept = [c for c in cands if says_room or c.uid in spaces
            or (not c.polygon.buffer(-MIN_WIDTH / 2, join_style="mitre").is_empty
                and (c.polygon.area <= FALLBACK_MAX_AREA
                     or (larger is not None and larger(c.polygon))))]
    polys = [c.polygon for c in kept]
    if uids is not None:
        uids.update((id(c.polygon), c.uid) for c in kept)
    if polys and rd.__dict__.get("grid") is not None and rd.grid.n >= 2:
        at = shapely.get_coordinates(shapely.point_on_surface(polys))
        keep = rd.in_view(np.asarray(at, dtype=float)).tolist()
        polys = [p for p, k in zip(polys, keep, strict=True) if k]
    return polys


def _message(rd, n_held: int, layer: str, n_outlines: int, n_open: int, held) -> str:
    how = state(rd.doc, layer)
    names = list(dict.fromkeys(n[0] for n in held))
    quoted = ", ".join(repr(n) for n in names[:MAX_NAMES]) + ("…" if len(names) > MAX_NAMES else "")
    return (f"layer {layer!r} is {how}, so the reader left it out; it holds {n_outlines} "
            f"closed outline(s) of room size, {n_open} of them in no room read, and {n_held} of "
            f"those hold a room label the reading lost ({quoted}): the rooms may be missing "
            "from the plan. Switch the layer on, or map it as rooms with --layer-map "
            "(see docs/input-dxf.md), and check again")


def state(doc, layer: str) -> str:
    """``frozen``, ``switched off`` or both, as the layer table says."""
    try:
        lay = doc.layers.get(layer)
        frozen, off = lay.is_frozen(), lay.is_off()
    except Exception:  # noqa: BLE001 - the table was read once already: say both
        return "frozen or switched off"
    return "frozen and switched off" if frozen and off else "frozen" if frozen else "switched off"
