"""Outdoor spaces found in the wall linework: decks, patios, terraces, balconies, open
porches. Posts, steps, a deck's edge and the house's outside wall enclose them as well as
walls enclose a room, and their labels name them, but they are outside the dwelling: no
standard counts them as rooms (NDSS measures the gross internal area inside the external
walls). A space the walls enclose whose name says it is outdoors is set aside and said.

A roof one stands on is outdoors too: a ``Flat Roof`` drawn on an upper floor is the roof
of the floor below, outside the external walls at this level, and parapets and the walls
round it enclose it as walls enclose a room. NDSS measures the gross internal area inside
the external walls, so no roof is floor of the dwelling; a roof garden or roof terrace is
outdoor amenity space, not a room. A name is such a roof when ``roof`` is its only word
besides the words that say what kind of roof (:data:`ROOF_KINDS`: flat, green, sedum,
garden, terrace ...). A loft, a roof space or a roof void is inside the dwelling's
envelope (under the roof, not on it), and a roof light, roof store or roof plant room is
something else again: their other words keep them rooms as before.

Outlines drawn on room layers are the designer's own spaces and are kept as drawn.

>>> outdoor("COVERED DECK"), outdoor("Roof terrace"), outdoor("COVERED PORCH")
(True, True, True)
>>> outdoor("PORCH"), outdoor("Garden room"), outdoor("BALCONY STORE")
(False, False, False)
>>> [outdoor(n) for n in ("Flat Roof", "ROOF", "Roof (flat)", "Green roof", "Roof garden")]
[True, True, True, True, True]
>>> [outdoor(n) for n in ("Roof space", "Roof void", "Loft", "Roof store", "Rooflight")]
[False, False, False, False, False]
"""

from __future__ import annotations

import re

from floorplan.classify import classify

#: words that name an outdoor space
OUTDOOR_WORDS = frozenset({"deck", "decking", "patio", "terrace", "terraces", "balcony",
                           "balconies", "veranda", "verandah", "lanai", "loggia"})
#: a porch said to be open or only roofed is outdoors (an enclosed entrance porch is a hall)
OPEN_PORCH = re.compile(r"\b(covered|open|screened)\s+porch\b", re.IGNORECASE)
#: the words of a roof one stands on outdoors (the roof of a floor below, a roof garden)
ROOF_WORDS = frozenset({"roof", "roofs"})
#: the words that say which kind of roof it is, and nothing more: a name of roof words
#: and these alone is an outdoor roof (``Roof space``, ``Roof void`` say something else)
ROOF_KINDS = frozenset({"flat", "green", "brown", "sedum", "living", "pitched", "garden",
                        "gardens", "terrace", "deck", "area", "lower", "main", "single",
                        "storey", "the", "of", "and", "over", "below"})
_WORDS = re.compile(r"[^\W\d_]+")
#: how rooms found in the walls say they were found
WALL_SOURCES = frozenset({"walls", "walls_closed", "label_seeded"})


def outdoor(name: str) -> bool:
    """``name`` says an outdoor space: an outdoor word and no room's use (a ``BALCONY
    STORE`` is a store), an open or covered porch, or a roof one stands on."""
    if not name:
        return False
    if OPEN_PORCH.search(name):
        return True
    words = {w.lower() for w in _WORDS.findall(name)}
    if words & ROOF_WORDS and words <= ROOF_WORDS | ROOF_KINDS:
        return True
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
