"""Length units and their conversion to metres."""

from __future__ import annotations

#: metres per unit, for every unit name a plan may declare
METRES_PER_UNIT: dict[str, float] = {
    "m": 1.0,
    "dm": 0.1,
    "cm": 0.01,
    "mm": 0.001,
    "ft": 0.3048,
    "in": 0.0254,
}

ALIASES: dict[str, str] = {
    "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "decimetre": "dm", "decimetres": "dm", "decimeter": "dm", "decimeters": "dm",
    "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
    "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
    "foot": "ft", "feet": "ft", "inch": "in", "inches": "in",
}

UNIT_NAMES = tuple(METRES_PER_UNIT)


def normalise_unit(name: str) -> str:
    """Return the canonical unit name for ``name`` or raise ``ValueError``.

    >>> normalise_unit("Millimetres")
    'mm'
    """
    key = str(name).strip().lower()
    key = ALIASES.get(key, key)
    if key not in METRES_PER_UNIT:
        raise ValueError(f"unknown unit {name!r} (expected one of {', '.join(UNIT_NAMES)})")
    return key


def to_metres(unit: str) -> float:
    """Metres per ``unit``.

    >>> to_metres("mm")
    0.001
    """
    return METRES_PER_UNIT[normalise_unit(unit)]
