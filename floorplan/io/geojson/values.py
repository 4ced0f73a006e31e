"""Checks of single property values in a GeoJSON plan (numbers, yes/no)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from floorplan.errors import PlanReadError


def yes(v: Any) -> bool:
    """A true/false property: ``true``, or the text ``yes`` / ``true`` (any case)."""
    return v is True or (isinstance(v, str) and v.strip().lower() in ("yes", "true"))


def is_num(v: Any) -> bool:
    """A finite JSON number (not a boolean)."""
    if not isinstance(v, int | float) or isinstance(v, bool):
        return False
    try:
        return math.isfinite(v)
    except OverflowError:  # an integer too large for a float
        return False


def number(v: Any, where: str, fail: Callable[[str, str], PlanReadError], key: str) -> float | None:
    """``v`` as a float (None when absent); anything else but a number is ``fail``'s error."""
    if v is None:
        return None
    if not is_num(v):
        raise fail(f"'{key}' must be a number, not {v!r}", where)
    return float(v)
