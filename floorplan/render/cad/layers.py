"""The DXF mark-up's layers: one per result and kind, each with its own colour.

Every mark-up entity takes its colour ``BYLAYER``, so an office restyles the mark-up, or
switches part of it off, by layer: freeze ``FLOORPLAN-PASS-*`` and only what fails or
is to review is left. Layers are ``FLOORPLAN-<RESULT>-<KIND>``:

* RESULT is ``FAIL`` (a rule fails), ``REVIEW`` (a rule warns: an assessor looks again),
  ``PASS``, or ``INFO`` for what is no result (the largest clear circle, the low floor,
  the findings table's frame, rooms no rule checked, the plan itself in a new drawing);
* KIND is ``FILL`` (room fills), ``CIRCLE`` (clear and required circles), ``MARKER``
  (what a rule measured: outlines, doors, points), ``LABEL`` (room and mark labels),
  ``TABLE`` (the findings table), ``HEADROOM`` and ``PLAN`` (INFO only).

Colours are AutoCAD colour indices (ACI), not true colour, so they follow a CAD
program's palette; text layers use colours that read on a dark and a light background
alike (7 is black on white and white on black).

>>> layer_for("room.fail"), layer_for("circle.required.warn"), layer_for("circle.clear")
('FLOORPLAN-FAIL-FILL', 'FLOORPLAN-REVIEW-CIRCLE', 'FLOORPLAN-INFO-CIRCLE')
>>> layer_for("label", "pass"), is_markup("FLOORPLAN-CHECK-FILL"), is_markup("A-WALL")
('FLOORPLAN-PASS-LABEL', True, False)
"""

from __future__ import annotations

import re

PREFIX = "FLOORPLAN-"
#: a status (as in findings and style keys) -> the RESULT part of a layer name
RESULTS = {"fail": "FAIL", "warn": "REVIEW", "pass": "PASS"}
KINDS = ("FILL", "CIRCLE", "MARKER", "LABEL", "TABLE")
#: layers of floorplan's mark-up, this version's and the earlier FLOORPLAN-CHECK-* ones:
#: marking up a marked-up drawing replaces them rather than doubling them
MARKUP_LAYER = re.compile(r"^FLOORPLAN-(CHECK|FAIL|REVIEW|PASS|INFO)-[A-Z]+$", re.IGNORECASE)

#: (RESULT, KIND) -> ACI colour
_COLOURS = {
    ("FAIL", "FILL"): 20, ("REVIEW", "FILL"): 40, ("PASS", "FILL"): 5, ("INFO", "FILL"): 8,
    ("FAIL", "CIRCLE"): 1, ("REVIEW", "CIRCLE"): 30, ("PASS", "CIRCLE"): 3, ("INFO", "CIRCLE"): 8,
    ("FAIL", "MARKER"): 1, ("REVIEW", "MARKER"): 30, ("PASS", "MARKER"): 5, ("INFO", "MARKER"): 8,
    # labels sit over fills of their result's colour: 7 reads on every fill and background
    ("FAIL", "LABEL"): 7, ("REVIEW", "LABEL"): 7, ("PASS", "LABEL"): 7, ("INFO", "LABEL"): 7,
    ("FAIL", "TABLE"): 1, ("REVIEW", "TABLE"): 30, ("PASS", "TABLE"): 7, ("INFO", "TABLE"): 7,
    ("INFO", "HEADROOM"): 6, ("INFO", "PLAN"): 7, ("INFO", "DWELLING"): 7,
}
#: layer name -> (ACI colour, description), for every layer the mark-up may use
LAYERS = {f"{PREFIX}{r}-{k}": c for (r, k), c in _COLOURS.items()}
DESCRIPTIONS = {"FILL": "room fills by result", "CIRCLE": "clear and required circles",
                "MARKER": "what a rule measured: outlines, doors, points",
                "LABEL": "room and mark labels", "TABLE": "the findings table",
                "HEADROOM": "floor under 1.5 m headroom and the 1.5 m line",
                "PLAN": "the plan: rooms, doors, fittings (new drawings only)",
                "DWELLING": "flats and dwellings: their boundaries and names"}
_WORDS = {"FAIL": "not met", "REVIEW": "to review", "PASS": "met", "INFO": "information"}


def name(result: str, kind: str) -> str:
    return f"{PREFIX}{result}-{kind}"


def result_of(status: str | None) -> str:
    """The RESULT part for a status (``fail``, ``warn``, ``pass``; anything else INFO)."""
    return RESULTS.get(status or "", "INFO")


def description(layer: str) -> str:
    _, result, kind = layer.split("-", 2)
    return f"floorplan: {DESCRIPTIONS[kind]} ({_WORDS[result]})"


def _status(key: str) -> str | None:
    last = key.rsplit(".", 1)[-1]
    return last if last in RESULTS else ("fail" if key == "door.offending" else None)


def layer_for(key: str, status: str | None = None) -> str:
    """The layer of a primitive with style ``key``; ``status`` is the room's result, for
    keys that carry none (a room's label)."""
    s = _status(key) or status
    if key.startswith("room."):
        return name(result_of(s), "FILL")
    if key.startswith(("headroom", "line.headroom", "label.headroom")):
        return name("INFO", "HEADROOM")
    if key in ("dwelling", "label.dwelling"):
        return name("INFO", "DWELLING")
    if key == "circle.clear":
        return name("INFO", "CIRCLE")
    if key.startswith(("circle.", "square.")):
        return name(result_of(s), "CIRCLE")
    if key.startswith("label"):
        return name(result_of(s), "LABEL")
    if key in ("door", "obstacle", "point"):
        return name("INFO", "PLAN")
    return name(result_of(s), "MARKER")


def is_markup(layer: str) -> bool:
    return bool(MARKUP_LAYER.match(layer or ""))
