"""Linework beside the walls that says what a gap in them is, and linework that is no
wall of the plan.

- Door swings drawn with the walls, on their layer (:func:`loose_swings`): taken out of
  the walls, each seals its doorway.
- Glazing on a layer of its own (:func:`glass_lines`): lines alongside a gap span it.
- Headers and lintels (:func:`header_lines`): drawn in the wall band over an opening (a
  US framing plan's ``A-HEADER``, a lintel schedule's outlines). The wall goes on above
  them, so the gap under one is an opening, whatever is or is not drawn in it (a closet's
  bypass doors drawn part open, a garage door drawn raised), and is closed across.
- Layers that are frozen or off (:func:`hidden_layers`) and layers that say foundations or
  roof (:func:`not_the_plan`) hold no wall of the plan.

>>> not_the_plan("S-FOOTER"), not_the_plan("A-WALL"), says_header("xref$0$A-HEADER")
(True, False, True)
"""

from __future__ import annotations

import re

from floorplan.io.dxf import doors as dxf_doors
from floorplan.io.dxf.layers import normalise_layer

#: words of a layer name that say foundations, roof or overhead structure: drawn under
#: or over the plan (a stem wall, a footing, rafters), never the walls of its rooms
NOT_PLAN_WORDS = frozenset({"footing", "footings", "footer", "foundation", "foundations",
                            "fdn", "stem", "pile", "piles", "roof", "rafter", "rafters",
                            "truss", "trusses", "joist", "joists", "overhang", "eaves",
                            "subfloor", "beam", "beams", "header", "headers", "lintel",
                            "lintels"})
_WORDS = re.compile(r"[^\W\d_]+")
#: words of a layer name that say headers or lintels: drawn over openings in the walls
HEADER_WORDS = frozenset({"header", "headers", "lintel", "lintels"})


def hidden_layers(doc) -> set[str]:
    """The layers that are frozen or switched off: nothing on them is shown, so nothing
    on them is a wall of the plan (a trade drawn on its own layer and frozen)."""
    out: set[str] = set()
    try:
        for lay in doc.layers:
            if lay.is_frozen() or lay.is_off():
                out.add(lay.dxf.name)
    except Exception:  # noqa: BLE001 - a damaged layer table hides nothing
        return set()
    return out


def not_the_plan(layer: str) -> bool:
    """The layer's name says foundations, roof or overhead structure
    (:data:`NOT_PLAN_WORDS`): drawn over or under the plan, not its walls."""
    words = set(_WORDS.findall(normalise_layer(layer)))
    return bool(words & NOT_PLAN_WORDS)


def says_header(layer: str) -> bool:
    """The layer's name says headers or lintels (:data:`HEADER_WORDS`)."""
    return bool(set(_WORDS.findall(normalise_layer(layer))) & HEADER_WORDS)


def header_lines(rd) -> list:
    """Lines and outlines on shown header or lintel layers, not inside a block symbol."""
    hidden = hidden_layers(rd.doc)
    return [p for p in rd.col.opens + rd.col.loops if p.layer not in hidden
            and not rd.blocked(p) and not p.extra.get("is3d") and says_header(p.layer)]


def loose_swings(lines: list) -> tuple[list, list]:
    """Door swings drawn with the walls, on their layer: an ARC of a door's radius whose
    open leaf (a line from its centre to one of its ends) is drawn too. Each is taken out
    of the wall linework, arc and leaf, and gives the seal from its hinge to the closed
    leaf's end (the arc's other end). Returns the lines left and the seals."""
    lo, hi = dxf_doors.DOOR_RADIUS
    arcs = [p for p in lines if p.etype == "ARC" and lo <= p.extra.get("radius", 0.0) <= hi]
    if not arcs:
        return lines, []
    segs = [p for p in lines if p.etype == "LINE" and len(p.pts) == 2]
    by_end: dict[tuple[int, int], list] = {}
    for p in segs:
        for q in (p.pts[0], p.pts[-1]):
            by_end.setdefault((round(q[0] / SWING_TOL), round(q[1] / SWING_TOL)), []).append(p)
    gone: set[int] = set()
    seals = []
    for a in arcs:
        cx, cy = a.extra["center"]
        key = (round(cx / SWING_TOL), round(cy / SWING_TOL))
        near = [p for i in (-1, 0, 1) for j in (-1, 0, 1) for p in by_end.get((key[0] + i, key[1] + j), ())]
        for end, other in (a.extra["ends"], a.extra["ends"][::-1]):
            leaf = next((p for p in near if id(p) not in gone and _joins(p, (cx, cy), end)), None)
            if leaf is not None:
                gone.update((id(a), id(leaf)))
                seals.append(((cx, cy), other))
                break
    return [p for p in lines if id(p) not in gone], seals


#: a door leaf drawn with the walls meets its swing's centre and end this close (metres)
SWING_TOL = 0.01


def _joins(p, a, b) -> bool:
    """Line ``p`` runs from point ``a`` to point ``b`` (either way), within SWING_TOL."""
    s, e = p.pts[0][:2], p.pts[-1][:2]
    def at(q, r):
        return abs(q[0] - r[0]) <= SWING_TOL and abs(q[1] - r[1]) <= SWING_TOL
    return (at(s, a) and at(e, b)) or (at(s, b) and at(e, a))


def glass_lines(rd, walls: list) -> list:
    """Loose lines that may be glazing across a gap in the walls: on shown layers that
    say nothing or say wall, not among ``walls``, not in a block, not foundations or roof
    (windows drawn on an ``A-OPENING`` layer beside ``A-WALL``)."""
    hidden = hidden_layers(rd.doc)
    taken = {id(p) for p in walls}
    return [p for p in rd.col.opens if p.etype in ("LINE", "LWPOLYLINE", "POLYLINE")
            and id(p) not in taken and not p.chain and p.layer not in hidden
            and rd.layer_kind(p.layer) in (None, "wall") and not not_the_plan(p.layer)]


