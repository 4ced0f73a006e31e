"""Where a plan's corrections file is: beside the plan, its whole name plus a suffix.

Its own module, apart from :mod:`floorplan.corrections`, because every command asks
whether there is such a file and most plans have none: the answer should not import the
corrections parser and applier (11 ms of a small drawing's check).
"""

from __future__ import annotations

import os
from pathlib import Path

SUFFIX = ".corrections.toml"


def beside(plan_path: str | os.PathLike) -> Path | None:
    """The corrections file that goes with ``plan_path``: its whole name plus
    ``.corrections.toml`` (``elm-road.dxf`` -> ``elm-road.dxf.corrections.toml``), so a
    DXF and a GeoJSON of the same plan never share one. ``None`` for standard input, and
    for a path with no file name (``""``, ``.``, ``/``: no plan, which the reader says).

    >>> str(beside("plans/elm-road.dxf")), beside("-"), beside("."), beside("")
    ('plans/elm-road.dxf.corrections.toml', None, None, None)
    """
    text = str(plan_path)
    if text == "-":
        return None
    p = Path(text.rstrip("/\\") or text)
    if not p.name:
        return None
    return p.with_name(p.name + SUFFIX)
