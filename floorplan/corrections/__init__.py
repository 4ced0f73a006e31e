"""An assessor's corrections to a plan as read, kept as data and applied before measuring.

No reader gets every real drawing right. A corrections file (``PLAN.corrections.toml``
beside the plan, or ``--corrections FILE``) says what the assessor confirmed or changed:
a room's name, use and properties; a room that is not one; rooms to merge or split; a
room outline to add; a ceiling; a door added or removed; the plan's units, scheme,
tenants, wheelchair flag and north angle. The drawing itself is never changed: the
corrections file is the audit trail, and every report lists what it changed.

Rooms are named by a point inside them, in the drawing's own coordinates and units, never
by an id, so a correction finds its room again after a re-read or a change in the
reader (see ``docs/corrections.md``). This package is pure: a Plan in, a Plan out with
:attr:`~floorplan.model.Plan.corrections` recording what was applied. It reads no plan
file (``floorplan.io.corrected`` does that, re-reading the drawing when the units are
corrected).
"""

from __future__ import annotations

import os
from pathlib import Path

from floorplan.corrections.apply import UNMATCHED_CODE, Frame, apply, frame_of
from floorplan.corrections.parse import ACTIONS, Corrections, Entry, load, parse_text

SUFFIX = ".corrections.toml"


def beside(plan_path: str | os.PathLike) -> Path | None:
    """The corrections file that goes with ``plan_path``: its whole name plus
    ``.corrections.toml`` (``elm-road.dxf`` -> ``elm-road.dxf.corrections.toml``), so a
    DXF and a GeoJSON of the same plan never share one. ``None`` for standard input."""
    text = str(plan_path)
    if text == "-":
        return None
    p = Path(text.rstrip("/\\") or text)
    return p.with_name(p.name + SUFFIX)


__all__ = ["ACTIONS", "Corrections", "Entry", "Frame", "SUFFIX", "UNMATCHED_CODE", "apply",
           "beside", "frame_of", "load", "parse_text"]
