"""IMDF venues (Apple's Indoor Mapping Data Format): units, openings and levels.

A venue is a folder or zip archive of feature collections, one per feature type; a single
``unit.geojson`` may also be read with its ``opening`` and ``level`` files beside it.
This module finds and loads those files; :mod:`.convention` reads the features.
"""

from __future__ import annotations

import json
import math
import os
import zipfile
from pathlib import Path
from typing import Any

from floorplan.errors import PlanReadError
from floorplan.model import Use

#: IMDF unit ``category`` values that name a use
IMDF_CATEGORY_USES = {
    "restroom": Use.WC, "restroom.male": Use.WC, "restroom.female": Use.WC,
    "restroom.unisex": Use.WC, "restroom.family": Use.WC, "restroom.wheelchair": Use.WC,
    "kitchen": Use.KITCHEN, "office": Use.OFFICE, "storage": Use.STORAGE,
    "mechanical": Use.PLANT, "stairs": Use.STAIRS, "elevator": Use.OTHER,
    "shower": Use.SHOWER_ROOM, "lobby": Use.HALL, "walkway": Use.CORRIDOR,
}


def load_venue(path: str | os.PathLike) -> dict[str, Any]:
    """The feature collections of an IMDF venue (a folder or zip archive), by feature type.

    Raises :class:`PlanReadError` when there is no ``unit.geojson``.
    """
    p = Path(path)
    files: dict[str, Any] = {}
    try:
        if p.is_dir():
            for name in ("unit", "opening", "level", "venue"):
                f = p / f"{name}.geojson"
                if f.exists():
                    files[name] = json.loads(f.read_text(encoding="utf-8-sig"))
        else:
            with zipfile.ZipFile(p) as zf:
                for info in zf.infolist():
                    stem = Path(info.filename).name.removesuffix(".geojson")
                    if info.filename.endswith(".geojson") and stem in ("unit", "opening", "level", "venue"):
                        files[stem] = json.loads(zf.read(info).decode("utf-8-sig"))
    except (OSError, ValueError, zipfile.BadZipFile) as exc:
        raise PlanReadError(str(path), f"cannot read IMDF data: {exc}") from None
    if "unit" not in files:
        raise PlanReadError(str(path), "no unit.geojson found (an IMDF folder or archive holds one)")
    return files


def siblings(path: Path) -> dict[str, Any]:
    """For ``unit.geojson``: the ``opening.geojson`` and ``level.geojson`` beside it."""
    out: dict[str, Any] = {}
    if path.name.lower() != "unit.geojson":
        return out
    for name in ("opening", "level"):
        f = path.with_name(f"{name}.geojson")
        if f.exists():
            try:
                out[name] = json.loads(f.read_text(encoding="utf-8-sig"))
            except (OSError, ValueError):
                continue
    return out


def levels(level_fc: Any) -> dict[str, float]:
    out: dict[str, float] = {}
    for f in (level_fc or {}).get("features", []) if isinstance(level_fc, dict) else []:
        if isinstance(f, dict):
            ordinal = (f.get("properties") or {}).get("ordinal")
            if f.get("id") is not None and _is_num(ordinal):
                out[str(f["id"])] = float(ordinal)
    return out


def _is_num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
