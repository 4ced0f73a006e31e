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

from floorplan.corrections.apply import UNMATCHED_CODE, Frame, apply, frame_of
from floorplan.corrections.parse import ACTIONS, Corrections, Entry, load, parse_text
from floorplan.sidecar import SUFFIX, beside

__all__ = ["ACTIONS", "Corrections", "Entry", "Frame", "SUFFIX", "UNMATCHED_CODE", "apply",
           "beside", "frame_of", "load", "parse_text"]
