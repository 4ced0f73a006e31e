"""Read a plan with its assessor's corrections applied: what every command reads.

The corrections file is ``PLAN.corrections.toml`` beside the plan unless one is named.
A units correction is a reading matter, not a change to a read plan: the drawing is read
again in those units, so that every length scales and the points the corrections give (in
the drawing's own coordinates) land where they were picked. Then the corrections are
applied (:func:`floorplan.corrections.apply`), then the command line's own overrides,
which win over both the drawing and the file.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from floorplan.model import Plan


def corrections_path(plan_path: str | os.PathLike, corrections: str | os.PathLike | None = None,
                     use_beside: bool = True) -> str | None:
    """The corrections file to read for ``plan_path``: the one named, else the one beside
    the plan where there is one, else ``None``."""
    from floorplan.sidecar import beside

    if corrections is not None:
        return str(corrections)
    if not use_beside:
        return None
    p = beside(plan_path)
    return str(p) if p is not None and p.is_file() else None


def frame_for(plan: Plan):
    """The :class:`~floorplan.corrections.Frame` between the file's coordinates and the
    plan's local metres (the reader's own projection for a longitude/latitude plan)."""
    from floorplan.corrections import Frame, frame_of

    origin = plan.meta.lonlat_origin
    if origin is None:
        return frame_of(plan)
    import numpy as np

    from floorplan.io.geojson.lonlat import project, unproject

    def to_local(x: float, y: float) -> tuple[float, float]:
        px, py = project([(x, y)], origin)
        return float(px[0]), float(py[0])

    def to_file(x: float, y: float) -> tuple[float, float]:
        out = unproject(np.array([x]), np.array([y]), origin)
        return float(out[0, 0]), float(out[0, 1])

    return Frame(to_local, to_file, decimals=8)  # 1e-8 degrees: about a millimetre


def read_corrected(path: str | os.PathLike, *, units: str | None = None,
                   layer_map: str | os.PathLike | None = None,
                   corrections: str | os.PathLike | None = None, use_beside: bool = True,
                   view: int | None = None, **overrides: Any) -> Plan:
    """Read ``path``, apply its corrections, then the command line's ``overrides``
    (``scheme``, ``tenants``, ``wheelchair``: ``None`` leaves a value alone); ``view`` names
    the view of a DXF sheet to read.

    A corrections file that cannot be used raises :class:`~floorplan.errors.CorrectionsError`.
    """
    from floorplan.io import read_plan

    cpath = corrections_path(path, corrections, use_beside)
    if cpath is None:
        return read_plan(path, units=units, layer_map=layer_map, view=view).with_meta(**overrides)
    from floorplan import corrections as corr

    fixes = corr.load(cpath)
    plan = read_plan(path, units=units or fixes.units, layer_map=layer_map, view=view)
    if units is None and fixes.units:
        plan = replace(plan, notes=tuple(
            n.replace(" (--units)", " (the assessor's corrections)") if n.startswith("units:") else n
            for n in plan.notes))
    given = {k for k, v in overrides.items() if v is not None}
    if units is not None:
        given.add("units")
    plan = corr.apply(plan, fixes, frame_for(plan), overridden=given)
    return plan.with_meta(**overrides)
