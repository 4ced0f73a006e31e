"""Outdoor spaces found in the wall linework: decks, patios, terraces, balconies, open
porches. Posts, steps, a deck's edge and the house's outside wall enclose them as well as
walls enclose a room, and their labels name them, but they are outside the dwelling: no
standard counts them as rooms (NDSS measures the gross internal area inside the external
walls). A space the walls enclose whose name says it is outdoors is set aside and said.

Outlines drawn on room layers are the designer's own spaces and are kept as drawn.

>>> outdoor("COVERED DECK"), outdoor("Roof terrace"), outdoor("COVERED PORCH")
(True, True, True)
>>> outdoor("PORCH"), outdoor("Garden room"), outdoor("BALCONY STORE")
(False, False, False)
"""

from __future__ import annotations

import re

from floorplan.classify import classify

#: words that name an outdoor space
OUTDOOR_WORDS = frozenset({"deck", "decking", "patio", "terrace", "terraces", "balcony",
                           "balconies", "veranda", "verandah", "lanai", "loggia"})
#: a porch said to be open or only roofed is outdoors (an enclosed entrance porch is a hall)
OPEN_PORCH = re.compile(r"\b(covered|open|screened)\s+porch\b", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+")
#: how rooms found in the walls say they were found
WALL_SOURCES = frozenset({"walls", "walls_closed", "label_seeded"})


def outdoor(name: str) -> bool:
    """``name`` says an outdoor space: an outdoor word and no room's use (a ``BALCONY
    STORE`` is a store), or an open or covered porch."""
    if not name:
        return False
    if OPEN_PORCH.search(name):
        return True
    words = {w.lower() for w in _WORDS.findall(name)}
    return bool(words & OUTDOOR_WORDS) and classify(name) is None


def set_aside(rooms: list, notes: list[str], findings: list | None = None) -> list:
    """``rooms`` without those found in the walls whose name says outdoors (each said in
    ``notes``); ``findings`` (changed in place) loses those about them alone."""
    out = [r for r in rooms if r.source in WALL_SOURCES and outdoor(r.name)]
    if not out:
        return rooms
    notes.append("outdoor spaces enclosed in the linework set aside, not rooms: " + ", ".join(
        f"{r.name} ({r.polygon.area:.1f} m²)" for r in out))
    gone = {id(r) for r in out}
    ids = {r.id for r in out}
    if findings:
        findings[:] = [f for f in findings if not (f.rooms and set(f.rooms) <= ids)]
    return [r for r in rooms if id(r) not in gone]
