"""Decide a drawing's units from the evidence in it, not from its header alone.

Evidence, each in the drawing's own units, weighed together:

======================  ======  =================================================
kind                    weight  a unit fits when, read in it
======================  ======  =================================================
figures                 3       the areas and dimension strings written for rooms
                                with their unit (``28.51 m²``, ``14'2" x 12'4"``) agree
                                with the rooms measured (within a third of their side)
bare figures            1       the same for bare numbers (``3.20 x 4.10``), their unit
                                told by their size (a member size ``300x90`` looks alike)
door widths             1       the median door is 0.5-1.3 m
stair treads            1       the median tread is 0.2-0.36 m
room sizes              1       the median room's square-root side is 1.2-9 m
text heights            0.5     the median label is 0.05-1.5 m tall
overall size            0.5     the drawing is 4-500 m across
======================  ======  =================================================

A unit scores the weight of each kind it fits (figures: times the share of figures it
fits). The best unit is the highest score (ties: m, mm, cm, ft, in, dm). The declared unit
(``$INSUNITS``) is kept unless another scores :data:`OVERRULE` (a whole kind) more. Evidence is **strong** against a
unit when the best scores at least :data:`STRONG` more, or when the unit makes the
drawing impossible in more ways than the best does (doors over 10 m, rooms 100 m across,
room labels 5 m tall, a plan 5 km across...):

- ``--units`` against strong evidence: the given unit is used, and FP007 **fails**;
  against weaker evidence (another unit scores :data:`OVERRULE` more): FP007 warns;
- ``$INSUNITS`` against strong evidence: the evidence's unit is used, and FP007 fails
  (the header is wrong, so the reading must be confirmed with ``--units``);
- ``$INSUNITS`` against weaker evidence, or no ``$INSUNITS``: the best unit, FP006 (warn).

>>> decide(None, 6, Evidence(extent=52.0, doors=[0.9]))[:2]
('m', 'declared ($INSUNITS=6, metres)')
>>> decide(None, 1, Evidence(extent=52.0, doors=[0.9, 1.0]))[0]
'm'
>>> unit, reason, finding = decide("m", None, Evidence(extent=52000.0, doors=[900.0],
...                                                    room_areas=[12e6, 9e6]))
>>> unit, finding.code, finding.status
('m', 'FP007', 'fail')
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from floorplan.model import InputFinding
from floorplan.units import METRES_PER_UNIT, normalise_unit

#: $INSUNITS codes with a unit floorplan knows
INSUNITS = {1: "in", 2: "ft", 4: "mm", 5: "cm", 6: "m", 14: "dm"}
#: $INSUNITS codes that are real units but not building ones (miles, km, microns...)
OTHER_INSUNITS = {3: "miles", 7: "kilometres", 8: "microinches", 9: "mils", 10: "yards",
                  11: "angstroms", 12: "nanometres", 13: "microns"}
#: (in this order on a tie: the decimetre, rarely drawn in, last)
CANDIDATES = ("m", "mm", "cm", "ft", "in", "dm")
NAMES = {"m": "metres", "mm": "millimetres", "cm": "centimetres", "ft": "feet", "in": "inches",
         "dm": "decimetres"}

DOOR_RANGE = (0.5, 1.3)
TREAD_RANGE = (0.2, 0.36)
ROOM_SIDE_RANGE = (1.2, 9.0)
TEXT_RANGE = (0.05, 1.5)
EXTENT_RANGE = (4.0, 500.0)
#: beyond these no building is drawn: evidence that alone is strong
DOOR_POSSIBLE = (0.1, 10.0)
ROOM_SIDE_POSSIBLE = (0.3, 100.0)
#: room labels (the median of at least :data:`TEXTS_TO_JUDGE`) no drawing writes at
TEXT_POSSIBLE = (0.01, 5.0)
TEXTS_TO_JUDGE = 3
#: no building's plan is smaller or larger than this across
EXTENT_POSSIBLE = (0.5, 5000.0)
#: a figure fits a unit when the scale it implies is within this factor of the unit's
FIGURE_FACTOR = 1.35
WEIGHTS = {"figures": 3.0, "bare": 1.0, "doors": 1.0, "treads": 1.0, "rooms": 1.0, "texts": 0.5,
           "extent": 0.5}
#: how much more the best unit must score for the evidence to be strong
STRONG = 2.0
#: how much more another unit must score to overrule the declared one at all
OVERRULE = 1.0


@dataclass
class Evidence:
    extent: float = 0.0                                    # the drawing's size across
    doors: list[float] = field(default_factory=list)       # door widths / swing radii
    room_areas: list[float] = field(default_factory=list)  # room outlines (units²)
    treads: list[float] = field(default_factory=list)      # stair tread depths
    text_heights: list[float] = field(default_factory=list)  # heights of room labels
    #: (metres per drawing unit the figure implies, its text) for figures tied to rooms
    figures: list[tuple[float, str]] = field(default_factory=list)
    #: the same for figures written as bare numbers
    bare: list[tuple[float, str]] = field(default_factory=list)

    def describe(self, scale: float) -> str:
        parts = []
        if self.figures:
            fit = sum(_fits_figure(s, scale) for s, _ in self.figures)
            texts = ", ".join(repr(t) for _, t in self.figures[:2])
            parts.append(f"{fit} of {len(self.figures)} written room figures ({texts}) fit")
        if self.bare:
            fit = sum(_fits_figure(s, scale) for s, _ in self.bare)
            texts = ", ".join(repr(t) for _, t in self.bare[:2])
            parts.append(f"{fit} of {len(self.bare)} bare room figures ({texts}) fit")
        if self.doors:
            d = np.asarray(self.doors) * scale
            parts.append(f"doors {d.min():.2f}-{d.max():.2f} m" if len(d) > 1 else f"a door {d[0]:.2f} m")
        if self.treads:
            parts.append(f"stair treads {_median(self.treads) * scale:.2f} m")
        if self.room_areas:
            a = np.asarray(self.room_areas) * scale * scale
            parts.append(f"rooms {_big(np.min(a))}-{_big(np.max(a))} m²")
        if self.text_heights:
            parts.append(f"labels {_median(self.text_heights) * scale:.2f} m tall")
        if self.extent:
            parts.append(f"an overall size of {_big(self.extent * scale)} m")
        return ", ".join(parts) or "nothing to measure"


def _big(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.1f}"


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


def _med(ev: Evidence, name: str) -> float:
    """The median of one of ``ev``'s lists, worked out once (each unit is scored on it)."""
    cache = ev.__dict__.setdefault("_medians", {})
    values = getattr(ev, name)
    key = (name, id(values), len(values))
    if key not in cache:
        cache[key] = _median(values)
    return cache[key]


def _fits_figure(implied: float, scale: float) -> bool:
    return implied > 0 and abs(math.log(implied / scale)) <= math.log(FIGURE_FACTOR)


def _inside(v: float, lo_hi: tuple[float, float]) -> bool:
    return lo_hi[0] <= v <= lo_hi[1]


def _fits(ev: Evidence, scale: float) -> dict[str, float]:
    """Each kind of evidence present: how well reading at ``scale`` fits it (0-1)."""
    out: dict[str, float] = {}
    if ev.figures:
        out["figures"] = sum(_fits_figure(s, scale) for s, _ in ev.figures) / len(ev.figures)
    if ev.bare:
        out["bare"] = sum(_fits_figure(s, scale) for s, _ in ev.bare) / len(ev.bare)
    if ev.doors:
        out["doors"] = float(_inside(_med(ev, "doors") * scale, DOOR_RANGE))
    if ev.treads:
        out["treads"] = float(_inside(_med(ev, "treads") * scale, TREAD_RANGE))
    if ev.room_areas:
        out["rooms"] = float(_inside(math.sqrt(max(_med(ev, "room_areas"), 0.0)) * scale,
                                     ROOM_SIDE_RANGE))
    if ev.text_heights:
        out["texts"] = float(_inside(_med(ev, "text_heights") * scale, TEXT_RANGE))
    if ev.extent > 0:
        out["extent"] = float(_inside(ev.extent * scale, EXTENT_RANGE))
    return out


def _impossible(ev: Evidence, scale: float) -> list[str]:
    """What reading at ``scale`` makes impossible for a building."""
    out = []
    if ev.doors and not _inside(_med(ev, "doors") * scale, DOOR_POSSIBLE):
        out.append("doors")
    if ev.room_areas and not _inside(math.sqrt(max(_med(ev, "room_areas"), 0.0)) * scale,
                                     ROOM_SIDE_POSSIBLE):
        out.append("rooms")
    if len(ev.text_heights) >= TEXTS_TO_JUDGE and not _inside(_med(ev, "text_heights") * scale,
                                                             TEXT_POSSIBLE):
        out.append("texts")
    if ev.extent > 0 and not _inside(ev.extent * scale, EXTENT_POSSIBLE):
        out.append("extent")
    if len(ev.figures) >= 2 and not any(_fits_figure(s, scale) for s, _ in ev.figures):
        out.append("figures")
    return out


def scores(ev: Evidence) -> dict[str, float]:
    """Each candidate unit's score (see the module docstring)."""
    out = {}
    for u in CANDIDATES:
        fits = _fits(ev, METRES_PER_UNIT[u])
        weight = dict(WEIGHTS)
        if len(ev.figures) == 1:
            weight["figures"] = WEIGHTS["figures"] / 2
        if len(ev.bare) == 1:
            weight["bare"] = WEIGHTS["bare"] / 2
        out[u] = sum(weight[k] * v for k, v in fits.items())
    return out


def strong_against(ev: Evidence, unit: str, sc: dict[str, float] | None = None) -> str | None:
    """The unit the evidence strongly prefers over ``unit``, or ``None``."""
    sc = sc or scores(ev)
    best = max(CANDIDATES, key=lambda u: (sc[u], -CANDIDATES.index(u)))
    if best == unit:
        return None
    if sc[best] - sc[unit] >= STRONG:
        return best
    # more that is impossible read in ``unit`` than in ``best`` (rooms found from linework
    # closed at the scale of ``unit`` can be impossible in both, so a count, not "none")
    if len(_impossible(ev, METRES_PER_UNIT[unit])) > len(_impossible(ev, METRES_PER_UNIT[best])) \
            and sc[best] > sc[unit]:
        return best
    return None


def decide(units_flag: str | None, insunits: int | None,
           ev: Evidence) -> tuple[str, str, InputFinding | None]:
    """(unit, reason, FP006 / FP007 finding or None)."""
    sc = scores(ev)
    best = max(CANDIDATES, key=lambda u: (sc[u], -CANDIDATES.index(u)))
    declared = INSUNITS.get(insunits) if insunits is not None else None
    if units_flag:
        unit = normalise_unit(units_flag)
        other = strong_against(ev, unit, sc)
        if other is None:
            said = (f"; the file's $INSUNITS={insunits} says {NAMES[declared]}"
                    if declared and declared != unit else "")
            if best != unit and sc[best] - sc[unit] >= OVERRULE:
                # weaker evidence against the units given: said, and never a clean pass
                reason = f"--units {unit}, but {_contrast(ev, unit, best)}"
                return unit, reason, InputFinding(
                    "FP007", f"units: {reason}. If the drawing is in {NAMES[best]}, every area "
                    f"is wrong by a factor of {_factor(unit, best)}: check the drawing's units",
                    status="warn", entity="--units")
            return unit, "--units" + said, None
        why = _contrast(ev, unit, other)
        reason = f"--units {unit}, but {why}"
        return unit, reason, InputFinding(
            "FP007", f"units: {reason}. Every area would be wrong by a factor of "
            f"{_factor(unit, other)}: check the drawing's units", status="fail",
            entity="--units")
    if declared is not None:
        if sc[declared] > sc[best] - OVERRULE:
            return declared, f"declared ($INSUNITS={insunits}, {NAMES[declared]})", None
        why = _contrast(ev, declared, best)
        reason = f"assumed {NAMES[best]}: $INSUNITS={insunits} says {NAMES[declared]}, but {why}"
        if strong_against(ev, declared, sc) == best:
            return best, reason, InputFinding(
                "FP007", f"units: {reason}. Read in {NAMES[best]}; the file's own units are "
                f"wrong, so confirm with --units {best}", status="fail", entity="$INSUNITS")
        return best, reason, InputFinding("FP006", f"units: {reason}", status="warn",
                                          entity="$INSUNITS")
    said = ("$INSUNITS not set" if insunits in (None, 0)
            else f"$INSUNITS={insunits} ({OTHER_INSUNITS.get(insunits or 0, 'unknown')}) is not a building unit")
    kinds = len(_fits(ev, 1.0))
    if kinds == 0 or sc[best] == 0:
        reason = f"assumed metres: {said} and nothing in the drawing tells the scale"
        best = "m"
    else:
        fitted = len([v for v in _fits(ev, METRES_PER_UNIT[best]).values() if v > 0])
        reason = (f"assumed {NAMES[best]}: {said}; read in {NAMES[best]} the drawing has "
                  f"{ev.describe(METRES_PER_UNIT[best])}")
        if fitted < kinds:
            reason += f" ({fitted} of {kinds} signs fit)"
    return best, reason, InputFinding("FP006", f"units: {reason}", status="warn",
                                      entity="$INSUNITS")


def _contrast(ev: Evidence, unit: str, other: str) -> str:
    return (f"read in {NAMES[unit]} the drawing has {ev.describe(METRES_PER_UNIT[unit])}; "
            f"in {NAMES[other]} it has {ev.describe(METRES_PER_UNIT[other])}")


def _factor(a: str, b: str) -> str:
    f = (METRES_PER_UNIT[a] / METRES_PER_UNIT[b]) ** 2
    f = max(f, 1 / f)
    return f"{f:,.0f}" if f >= 10 else f"{f:.1f}"


def treads(lines: list[np.ndarray], min_steps: int = 4) -> list[float]:
    """Tread depths of stairs drawn as runs of parallel lines of one length (the nosings),
    each run's median spacing where the spacings agree (within 10 %).

    >>> import numpy as np
    >>> run = [np.array([[0.0, 250.0 * k], [900.0, 250.0 * k]]) for k in range(6)]
    >>> treads(run)
    [250.0]
    """
    groups: dict[tuple[int, int], list[float]] = {}
    for pts in lines:
        if len(pts) != 2:
            continue
        d = pts[1] - pts[0]
        length = float(np.hypot(d[0], d[1]))
        if length <= 0:
            continue
        ang = math.degrees(math.atan2(d[1], d[0])) % 180.0
        key = (round(ang) % 180, round(math.log(length) / math.log(1.03)))
        nx, ny = -d[1] / length, d[0] / length
        mid = (pts[0] + pts[1]) / 2
        groups.setdefault(key, []).append(float(mid[0] * nx + mid[1] * ny))
    out = []
    for offs in groups.values():
        if len(offs) < min_steps:
            continue
        offs.sort()
        gaps = np.diff(offs)
        gaps = gaps[gaps > 0]
        if len(gaps) < min_steps - 1:
            continue
        med = float(np.median(gaps))
        if med > 0 and np.mean(np.abs(gaps - med) <= 0.1 * med) >= 0.8:
            out.append(med)
    return out
