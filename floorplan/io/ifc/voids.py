"""Spaces that are no rooms: a roof space, an attic, a loft or a void, with no floor use.

BIM tools model the space under (or over) a roof, an unconverted loft, or a void over a
stair or a double-height room as an ``IfcSpace`` like any other: Revit's Duplex has a
3 m "Roof" space over the whole building. Read as a room, such a space is of unknown use
(FP004), which leaves every dwelling rule undecided, and its floor would add to the
home's area although no standard counts it.

A space is such a void when one of its names (``LongName``, ``Name``, ``ObjectType``)
is made only of :data:`VOID_WORDS` (at least one) and :data:`FILLERS` and numbers, and
nothing (no name, no classification) gives it a use. "Roof", "Roof void 2", "Attic",
"Dachboden" are voids; "Loft room" (a converted loft may be a bedroom), "Attic bedroom"
(a bedroom), "Roof terrace" (outside space, not said here) and "Void / store" (a store)
are not.
"""

from __future__ import annotations

from floorplan.classify import normalise

#: words that name a roof space or a void (English, German, Dutch, French, Italian,
#: Scandinavian, Finnish)
VOID_WORDS = frozenset({
    "roof", "roofspace", "roofvoid", "attic", "loft", "loftspace", "void", "voids",
    "dach", "dachboden", "spitzboden", "dachraum", "kehlbalkenlage",
    "zolder", "vliering", "grenier", "combles", "comble", "soffitta", "sottotetto",
    "vind", "vindsrum", "vindsutrymme", "ullakko",
})
#: words that may stand beside them without giving a use
FILLERS = frozenset({"space", "spaces", "area", "level", "cold", "unused", "unconverted",
                     "the", "of", "no", "nr", "raum"})


def void_word(*names: str | None) -> str | None:
    """The name that makes a space a roof space or void (see the module), else ``None``.
    The caller has found no use for the space."""
    for name in names:
        if not name or not name.strip():
            continue
        words = [w for w in normalise(name).split() if not w.isdigit() and len(w) > 1]
        if words and any(w in VOID_WORDS for w in words) and all(
                w in VOID_WORDS or w in FILLERS for w in words):
            return name.strip()
    return None
