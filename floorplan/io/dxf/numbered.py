"""Spaces with no text in a drawing that numbers its rooms: wall masses, ducts and
cubicles are set aside; a space of a room's size stays, unsure (issue 10)."""

from __future__ import annotations

#: a drawing numbers its rooms when at least this many of its rooms carry a number...
NUMBERED_MIN = 3
#: ... and this share of its labelled rooms do (a label or two may lie outside its room)
NUMBERED_SHARE = 0.9
#: ... but an unlabelled space this large (m²; the smallest bedroom any profile allows,
#: NDSS's single bedroom) may be a room whose number is missing: it stays, of unknown use
ROOM_SIZED = 7.5


def set_aside_unnumbered(info: list, layers, notes: list[str], areas: list[float]) -> None:
    """In a drawing that numbers its rooms (at least :data:`NUMBERED_MIN` rooms carry a
    number, and :data:`NUMBERED_SHARE` of the labelled ones do), a space the walls enclose
    that holds no text at all is none of its rooms: a wall mass, a duct, a column, a void
    or a cubicle of a numbered room: set aside, counted in the notes. Outlines on a room
    layer (``layers[k]``) stay, and so does a space of :data:`ROOM_SIZED` or more, unsure:
    dropping a room whose number is missing would hide it from the rules."""
    labelled = [ri for ri in info if ri.rid or ri.name or ri.labels or ri.figures]
    numbered = sum(1 for ri in labelled if ri.rid)
    if numbered < NUMBERED_MIN or numbered < NUMBERED_SHARE * len(labelled):
        return
    n = 0
    for ri, layer, area in zip(info, layers, areas, strict=True):
        if not layer and not (ri.rid or ri.name or ri.labels or ri.figures):
            if area >= ROOM_SIZED:
                ri.confidence = "medium" if ri.confidence == "high" else ri.confidence
                ri.reason = "; ".join(filter(None, (ri.reason, (
                    f"no number in it, though the drawing numbers its rooms: {area:.1f} m² is "
                    "a room's size, so it may be a room whose number is missing"))))
                continue
            ri.set_aside = True
            n += 1
    if n:
        notes.append(f"{n} space(s) in the wall linework with no label set aside: the drawing "
                     f"numbers its rooms ({numbered} of {len(labelled)} labelled rooms carry a "
                     "number), so a space without one is a wall mass, duct, column, void or a "
                     "part of a numbered room")
