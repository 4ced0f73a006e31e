"""Decide a drawing's units: ``--units``, else ``$INSUNITS`` when plausible, else the scale
that makes the drawing look like a building.

Evidence, each in the drawing's own units: door swing radii and door block widths (a door
leaf is 0.5-1.3 m), the typical size of the closed outlines on room layers (a room is
1.5-80 m², so its square-root side 1.2-9 m) and the size of the whole drawing (4-500 m
across: a building, or a sheet of several plans). A unit scores one point per kind of
evidence it makes plausible; the declared unit is kept unless another scores more.
Ties go to the first of m, mm, cm, ft, in (metric first: the standards are British).

>>> decide(None, 6, Evidence(extent=52.0, doors=[0.9]))[:2]
('m', 'declared ($INSUNITS=6, metres)')
>>> decide(None, 1, Evidence(extent=52.0, doors=[0.9, 1.0]))[0]
'm'
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from floorplan.model import InputFinding
from floorplan.units import METRES_PER_UNIT, normalise_unit

#: $INSUNITS codes with a unit floorplan knows
INSUNITS = {1: "in", 2: "ft", 4: "mm", 5: "cm", 6: "m"}
#: $INSUNITS codes that are real units but not building ones (miles, km, microns...)
OTHER_INSUNITS = {3: "miles", 7: "kilometres", 8: "microinches", 9: "mils", 10: "yards",
                  11: "angstroms", 12: "nanometres", 13: "microns", 14: "decimetres"}
CANDIDATES = ("m", "mm", "cm", "ft", "in")
NAMES = {"m": "metres", "mm": "millimetres", "cm": "centimetres", "ft": "feet", "in": "inches"}

DOOR_RANGE = (0.5, 1.3)
ROOM_SIDE_RANGE = (1.2, 9.0)
EXTENT_RANGE = (4.0, 500.0)


@dataclass
class Evidence:
    extent: float = 0.0                                    # largest side of the bbox
    doors: list[float] = field(default_factory=list)       # door widths / swing radii
    room_areas: list[float] = field(default_factory=list)  # closed outlines on room layers

    def describe(self, scale: float) -> str:
        parts = []
        if self.doors:
            d = np.asarray(self.doors) * scale
            parts.append(f"doors {d.min():.2f}-{d.max():.2f} m" if len(d) > 1 else f"a door {d[0]:.2f} m")
        if self.room_areas:
            a = np.asarray(self.room_areas) * scale * scale
            parts.append(f"rooms {np.min(a):.1f}-{np.max(a):.1f} m²")
        if self.extent:
            parts.append(f"an overall size of {self.extent * scale:.1f} m")
        return ", ".join(parts) or "nothing to measure"


def _median(values: list[float]) -> float:
    """``float(np.median(values))``, without the first call's import of ``numpy.ma`` (8 ms,
    a tenth of reading a small drawing): the mean of the middle value or two, summed from
    0.0 as numpy sums (so -0.0 comes out 0.0). With a NaN it is numpy's own."""
    ordered = sorted(values)
    if any(v != v for v in ordered):
        return float(np.median(values))
    half = len(ordered) // 2
    if len(ordered) % 2:
        return float(0.0 + ordered[half])
    return float((0.0 + ordered[half - 1] + ordered[half]) / 2)


def _score(ev: Evidence, scale: float) -> tuple[int, int]:
    """(points, evidence kinds) for reading the drawing at ``scale`` metres per unit."""
    points = kinds = 0
    if ev.doors:
        kinds += 1
        med = _median(ev.doors) * scale
        points += DOOR_RANGE[0] <= med <= DOOR_RANGE[1]
    if ev.room_areas:
        kinds += 1
        side = float(np.sqrt(_median(ev.room_areas))) * scale
        points += ROOM_SIDE_RANGE[0] <= side <= ROOM_SIDE_RANGE[1]
    if ev.extent > 0:
        kinds += 1
        points += EXTENT_RANGE[0] <= ev.extent * scale <= EXTENT_RANGE[1]
    return points, kinds


def decide(units_flag: str | None, insunits: int | None,
           ev: Evidence) -> tuple[str, str, InputFinding | None]:
    """(unit, reason, FP006 finding or None)."""
    if units_flag:
        unit = normalise_unit(units_flag)
        return unit, "--units", None
    declared = INSUNITS.get(insunits) if insunits is not None else None
    scores = {u: _score(ev, METRES_PER_UNIT[u])[0] for u in CANDIDATES}
    best = max(CANDIDATES, key=lambda u: (scores[u], -CANDIDATES.index(u)))
    kinds = _score(ev, 1.0)[1]
    if declared is not None:
        if scores[declared] >= scores[best]:
            return declared, f"declared ($INSUNITS={insunits}, {NAMES[declared]})", None
        why = (f"$INSUNITS={insunits} says {NAMES[declared]}, but read in {NAMES[declared]} the "
               f"drawing has {ev.describe(METRES_PER_UNIT[declared])}; in {NAMES[best]} it has "
               f"{ev.describe(METRES_PER_UNIT[best])}")
        reason = f"assumed {NAMES[best]}: {why}"
        return best, reason, InputFinding("FP006", f"units: {reason}", status="warn",
                                          entity="$INSUNITS")
    said = ("$INSUNITS not set" if insunits in (None, 0)
            else f"$INSUNITS={insunits} ({OTHER_INSUNITS.get(insunits, 'unknown')}) is not a building unit")
    if kinds == 0 or scores[best] == 0:
        reason = f"assumed metres: {said} and nothing in the drawing tells the scale"
    else:
        reason = (f"assumed {NAMES[best]}: {said}; read in {NAMES[best]} the drawing has "
                  f"{ev.describe(METRES_PER_UNIT[best])}")
        if scores[best] < kinds:
            reason += f" ({scores[best]} of {kinds} signs fit)"
    if kinds == 0 or scores[best] == 0:
        best = "m"
    return best, reason, InputFinding("FP006", f"units: {reason}", status="warn",
                                      entity="$INSUNITS")
