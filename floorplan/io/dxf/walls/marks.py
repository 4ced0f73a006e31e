"""Linework beside the walls that says what a gap in them is, and linework that is no
wall of the plan.

- (Door swings drawn with the walls, on their layer, are taken out of them by
  :mod:`~floorplan.io.dxf.doors.swings`.)
- Glazing on a layer of its own (:func:`glass_lines`): lines alongside a gap span it.
- A lift's landing doors (:func:`lift_lines`): drawn shut on the lift's layer in its
  shaft's opening, they are its door.
- Headers and lintels (:func:`header_lines`): drawn in the wall band over an opening (a
  US framing plan's ``A-HEADER``, a lintel schedule's outlines). The wall goes on above
  them, so the gap under one is an opening, whatever is or is not drawn in it (a closet's
  bypass doors drawn part open, a garage door drawn raised), and is closed across.
- Layers that are frozen or off (:func:`hidden_layers`) and layers that say foundations or
  roof (:func:`not_the_plan`) hold no wall of the plan; layers drawn in a broken linetype
  (:func:`dashed_layers`) are projections, read as the layer map's ``projection`` kind. A layer the user's ``--layer-map``
  names (:func:`named_by_map`) is read though it is hidden: a user who names it means it.

>>> not_the_plan("S-FOOTER"), not_the_plan("A-WALL"), says_header("xref$0$A-HEADER")
(True, False, True)
>>> says_lift("A66----"), says_lift("Elevator"), says_lift("A-ELEV"), says_lift("A-FURN")
(True, True, False, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from floorplan.io.dxf.cisfb import cisfb_code
from floorplan.io.dxf.layers import LAYER_KEYWORDS, _matches, normalise_layer

#: words of a layer name that say foundations, roof or overhead structure: drawn under
#: or over the plan (a stem wall, a footing, rafters), never the walls of its rooms
NOT_PLAN_WORDS = frozenset({"footing", "footings", "footer", "foundation", "foundations",
                            "fdn", "stem", "pile", "piles", "roof", "rafter", "rafters",
                            "truss", "trusses", "joist", "joists", "overhang", "eaves",
                            "subfloor", "beam", "beams", "header", "headers", "lintel",
                            "lintels"})
_WORDS = re.compile(r"[^\W\d_]+")
_LAYER_WORDS = re.compile(r"[^\W_]+")  # as floorplan.io.dxf.layers splits a layer name
#: words of a layer name that say headers or lintels: drawn over openings in the walls
HEADER_WORDS = frozenset({"header", "headers", "lintel", "lintels"})
#: words of a layer name that say lifts (as CI/SfB (66), transport, does)
#: (not ``elev``: the US National CAD Standard's ``A-ELEV`` holds elevations)
LIFT_WORDS = frozenset({"lift", "lifts", "elevator", "elevators"})


def hidden_layers(doc, lmap=None) -> set[str]:
    """The layers that are frozen or switched off: nothing on them is shown, so nothing
    on them is a wall of the plan (a trade drawn on its own layer and frozen). With
    ``lmap`` (the reader's layer map), a layer the user's map names is not among them
    (:func:`named_by_map`)."""
    out: set[str] = set()
    try:
        for lay in doc.layers:
            if lay.is_frozen() or lay.is_off():
                out.add(lay.dxf.name)
    except Exception:  # noqa: BLE001 - a damaged layer table hides nothing
        return set()
    if lmap is not None and out:
        out = {lay for lay in out if not named_by_map(lmap, lay)}
    return out


def dashed_layers(doc) -> set[str]:
    """The layers whose linetype is dashed (``DASHED``, ``HIDDEN``, ``ACAD_ISO02W100``:
    a pattern of one dash and one gap in the drawing's linetype table): what they draw
    is seen and not cut (a roof's bays seen from below, an overhead edge, a hidden line),
    so it holds no walls and no room outlines. Dotted and centre lines (a dot, or two
    dashes of different lengths, in the pattern) are not: an axis drawn along a wall's
    middle runs across its openings, and the reader may take it for their glazing (the
    apartment of holdout 4). A layer's own linetype only: an entity drawn dashed on a
    layer of solid lines says nothing of the layer."""
    broken: dict[str, bool] = {}
    try:
        for lt in doc.linetypes:
            try:
                pattern = list(lt.simplified_line_pattern())
                while len(pattern) > 2 and abs(pattern[-1]) < 1e-9:  # (12.7, 6.35, 3.6e-15)
                    pattern.pop()
                broken[lt.dxf.name.casefold()] = len(pattern) == 2 and min(pattern) > 0
            except Exception:  # noqa: BLE001 - a pattern that cannot be read says nothing
                broken[lt.dxf.name.casefold()] = False
        return {lay.dxf.name for lay in doc.layers
                if broken.get(str(lay.dxf.get("linetype", "Continuous")).casefold(), False)}
    except Exception:  # noqa: BLE001 - a damaged table marks nothing
        return set()


def named_by_map(lmap, layer: str) -> bool:
    """The layer matches a keyword the user's ``--layer-map`` gave (one the built-in
    lists do not hold, or any of a list given with ``replace``).

    >>> from floorplan.io.dxf.layers import LayerMap
    >>> m = LayerMap(layers={**LAYER_KEYWORDS, "room": (*LAYER_KEYWORDS["room"], "A81--G-N")})
    >>> named_by_map(m, "A81--G-N"), named_by_map(m, "A-AREA"), named_by_map(LayerMap(), "A81--G-N")
    (True, False, False)
    """
    norm = normalise_layer(layer)
    words = tuple(_LAYER_WORDS.findall(norm))
    return any(_matches(norm, words, kw) for kind, kws in lmap.layers.items()
               for kw in kws if kw not in LAYER_KEYWORDS.get(kind, ()))


@lru_cache(maxsize=8192)  # asked of every primitive's layer: once per distinct name
def not_the_plan(layer: str) -> bool:
    """The layer's name says foundations, roof or overhead structure
    (:data:`NOT_PLAN_WORDS`): drawn over or under the plan, not its walls."""
    words = set(_WORDS.findall(normalise_layer(layer)))
    return bool(words & NOT_PLAN_WORDS)


@lru_cache(maxsize=8192)
def says_header(layer: str) -> bool:
    """The layer's name says headers or lintels (:data:`HEADER_WORDS`)."""
    return bool(set(_WORDS.findall(normalise_layer(layer))) & HEADER_WORDS)


def header_lines(rd) -> list:
    """Lines and outlines on shown header or lintel layers, not inside a block symbol."""
    hidden = hidden_layers(rd.doc, rd.lmap)
    return [p for p in rd.col.opens + rd.col.loops if p.layer not in hidden
            and not rd.blocked(p) and not p.extra.get("is3d") and says_header(p.layer)]


def glass_lines(rd, walls: list) -> list:
    """Loose lines that may be glazing across a gap in the walls: on shown layers that
    say nothing or say wall, not among ``walls``, not in a block, not foundations or roof
    (windows drawn on an ``A-OPENING`` layer beside ``A-WALL``)."""
    hidden = hidden_layers(rd.doc, rd.lmap)
    taken = {id(p) for p in walls}
    return [p for p in rd.col.opens if p.etype in ("LINE", "LWPOLYLINE", "POLYLINE")
            and id(p) not in taken and not p.chain and p.layer not in hidden
            and rd.layer_kind(p.layer) in (None, "wall") and not not_the_plan(p.layer)]


@lru_cache(maxsize=8192)
def says_lift(layer: str) -> bool:
    """The layer's name says lifts (:data:`LIFT_WORDS`, or CI/SfB (66) transport)."""
    return cisfb_code(layer) == "66" or bool(
        set(_WORDS.findall(normalise_layer(layer))) & LIFT_WORDS)


def lift_lines(rd) -> list:
    """Lines and outlines on shown lift layers, not inside a recognised block: where they
    span an opening between a wall's jambs they are the lift's landing doors drawn shut
    (:func:`~floorplan.io.dxf.walls.openings.jamb_openings`)."""
    hidden = hidden_layers(rd.doc, rd.lmap)
    return [p for p in rd.col.opens + rd.col.loops if p.layer not in hidden
            and not rd.blocked(p) and not p.extra.get("is3d") and says_lift(p.layer)]
