"""Rooms too small for the use their names say: a label on a fitting's enclosure.

A bathroom or a shower room holds a bath or a shower tray and the space to step out of it
and dry, and most a WC and a basin too: at least :data:`SMALLEST_WASHROOM`. A space named
``SHOWER`` of 1.24 m² walled in by a glazed screen is the shower's enclosure, part of the
bathroom it stands in, read as a room of its own only because its screen was drawn as two
lines: counted as a bathroom, it would meet a bathroom rule on a cubicle. The room is kept
(the reader cannot tell an enclosure from a very small room for certain) and made of low
confidence, saying why, so no verdict stands on it.

>>> print(too_small("shower_room", 1.24))
1.24 m², too small for a shower room (a shower tray and the space to step out of it and dry need 1.5 m² or more): it may be the enclosure of a shower or a bath in the room beside it
>>> too_small("shower_room", 2.6) is None, too_small("wc", 1.1) is None
(True, True)
"""

from __future__ import annotations

#: the smallest room that washes (m²): a 0.8 x 0.8 m shower tray and the 0.7 x 1.1 m space
#: beside it to step out and dry (BS 6465-2's activity space for a shower); a bath (1.7 x
#: 0.7 m) with its space needs more
SMALLEST_WASHROOM = 1.5
_WASH_USES = {"bathroom": "a bathroom", "shower_room": "a shower room",
              "wet_room": "a wet room", "ensuite": "an en-suite"}


def too_small(use: str, area: float) -> str | None:
    """Why a room of ``use`` and ``area`` (m²) is too small to be a room of that use, or
    ``None`` (see the module). Only rooms that wash are judged so: a WC compartment of 1.1 m²
    or a cupboard of 0.5 m² is a room all the same."""
    kind = _WASH_USES.get(str(use))
    if kind is None or area >= SMALLEST_WASHROOM:
        return None
    return (f"{area:.2f} m², too small for {kind} (a shower tray and the space to step out of "
            f"it and dry need {SMALLEST_WASHROOM:g} m² or more): it may be "
            "the enclosure of a shower or a bath in the room beside it")
