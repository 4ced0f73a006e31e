"""A room's name from the labels written in it (:mod:`~floorplan.io.dxf.names.assign` finds
which texts are in which room, and reads each text).

The name texts are grouped into labels (the lines of one label sit close together and are
written about as tall: :func:`group_labels`), the room's numbers taken out
(:func:`take_ids`), and the labels weighed (:func:`name_from_labels`): a label written
clearly larger than the others is the name; one label naming a use among notes is the
name; labels that all name parts of one open-plan room are joined; otherwise the labels
are joined and the room is of low confidence (:func:`lower` says why).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from floorplan.classify import classify
from floorplan.io.dxf.names.labelkind import could_name, names_elsewhere, names_void, says_below
from floorplan.io.dxf.names.roles import small_kind
from floorplan.io.dxf.text import kind as dxf_text
from floorplan.model import CIRCULATION_USES, COMMUNAL_USES

#: labels all of one of these groups of uses name parts of one space (KITCHEN + LIVING
#: AREA, HALL + STAIRS), as the wall reader's label seeding has it
ONE_SPACE = (COMMUNAL_USES, CIRCULATION_USES)
#: lines of one label: at most this many text heights apart
LABEL_GAP = 2.2
#: a label this many times taller than every other in its room is the room's name
DOMINANT = 1.3
#: of labels naming no use, the tallest names its room when it is the nearest the room's
#: centre and the next label is at least this many times as far (plus a text height)
CENTRAL_LEAD = 2.0
#: lines of one label are written this near one height (the taller at most this many times
#: the shorter)
SAME_HEIGHT = 1.25


@dataclass
class RoomText:
    """What the texts in one room say of it: its name (and how it was found), number, use,
    stated figures, height; how sure the naming is and why."""

    name: str = ""
    name_from: str = ""  # "text", "attribute", "layer" or ""
    name_via: str = ""   # "", "leader", "nearest", "beside" or "beside_alone": how an outside label was joined
    rid: str | None = None
    use: str | None = None
    dwelling: str | None = None
    figures: list = field(default_factory=list)  # Figure, as stated in the drawing
    height: float | None = None
    wheelchair: bool = False
    labels: list[str] = field(default_factory=list)  # every label found in the room
    below: list[str] = field(default_factory=list)  # labels of what is on the floor below
    confidence: str = "high"
    reason: str = ""
    set_aside: bool = False  # a space in the walls that is none of the drawing's rooms


def take_ids(plain: list, ids: list[str], by_layer: set[int]) -> list:
    """The name texts left once the room's numbers are taken out: where some lie on a layer
    named for room names, only those (the others are notes: ``HATCH``, ``up``); a
    code-shaped text (``ChCg05``) beside a label that is not one is the room's number, and
    so are two or more different codes with nothing else (``313A`` and ``315A``: two
    numbers, no name)."""
    if by_layer and any(t.uid in by_layer for t, _, _ in plain):
        plain = [p for p in plain if p[0].uid in by_layer]
    codes = [p for p in plain if dxf_text.is_code(p[1])]
    if codes and (any(not note and not dxf_text.is_code(name) for _, name, note in plain)
                  or len({name for _, name, _ in codes}) > 1):
        ids.extend(name for _, name, _ in codes)
        plain = [p for p in plain if not dxf_text.is_code(p[1])]
    return plain


def group_labels(plain: list, below: list[str] | None = None
                 ) -> list[tuple[str, float, tuple[float, float]]]:
    """Group name texts (``(text, name, is a note)``, sorted top to bottom) into labels:
    the lines of one label lie within :data:`LABEL_GAP` text heights of each other and are
    written about as tall (within :data:`SAME_HEIGHT`), measured across and along their
    lines (:func:`_offsets`: a label written up a wall has its lines side by side). A
    label with a note among its lines (``NOTE:`` over a paragraph whose last line is
    ``FOR ROOFS. R-309.2``) is a note, left out whole (but for three lines or more that
    begin by saying the space is a void: ``VOID`` / ``LOWER LEVEL`` / ``SHOP BELOW.``
    names a void, :func:`~floorplan.io.dxf.names.labelkind.names_void`), and so is a
    label saying what is on another floor (``POND & / LIVING / BELOW.``:
    :func:`~floorplan.io.dxf.names.labelkind.names_elsewhere`; ``below``, when given,
    gains those that say what is on the floor below). ``(label, text height, where)``,
    where: the mean of its lines' insertion points."""
    groups: list[list] = []
    for t, name, note in plain:
        h = max(t.height, 1e-9)
        for g in groups:
            last = g[-1][0]
            hh, lo = max(h, last.height), min(h, last.height)
            along, across = _offsets(last, t)
            if across <= LABEL_GAP * hh and along <= 6 * hh and hh <= SAME_HEIGHT * lo:
                g.append((t, name, note))
                break
        else:
            groups.append([(t, name, note)])
    out = []
    for g in groups:
        label = " ".join(n for _, n, _ in g)
        if any(note for _, _, note in g) or (
                len(g) > 1 and dxf_text.is_note("\n".join(n for _, n, _ in g))
                and not names_void(g[0][1])):
            continue
        if names_elsewhere(label):
            if below is not None and says_below(label):
                below.append(label)
            continue
        out.append((label, max(t.height for t, _, _ in g),
                    (sum(t.x for t, _, _ in g) / len(g), sum(t.y for t, _, _ in g) / len(g))))
    return out


#: two texts run the same way when their directions differ by at most this (degrees)
SAME_WAY = 5.0


def _offsets(a, b) -> tuple[float, float]:
    """How far text ``b`` stands from text ``a`` along their lines and across them: in the
    frame of their direction where both run the same way (within :data:`SAME_WAY`, either
    way along one line: the lines of a label written up a wall at 90° lie side by side in
    x, not in y), else along x and y. Two texts at 0° are compared by x and y, as ever."""
    dx, dy = b.x - a.x, b.y - a.y
    ta, tb = getattr(a, "angle", 0.0) % 180.0, getattr(b, "angle", 0.0) % 180.0
    turn = abs(ta - tb)
    if min(turn, 180.0 - turn) > SAME_WAY or min(ta, 180.0 - ta) <= SAME_WAY:
        return abs(dx), abs(dy)
    r = math.radians(ta)
    u = (math.cos(r), math.sin(r))
    return abs(dx * u[0] + dy * u[1]), abs(-dx * u[1] + dy * u[0])


def _central(labels: list, centre: tuple[float, float] | None):
    """The label that is both the tallest and clearly the nearest the room's centre (the
    next label at least :data:`CENTRAL_LEAD` times as far), or ``None``: a room's name is
    written in its middle, notes by the walls and fittings they are about."""
    if centre is None or len(labels) < 2:
        return None
    by_d = sorted(labels, key=lambda lab: math.dist(lab[2], centre))
    first, second = by_d[0], by_d[1]
    if first[1] < max(lab[1] for lab in labels):
        return None
    d1, d2 = math.dist(first[2], centre), math.dist(second[2], centre)
    return first if d2 >= CENTRAL_LEAD * d1 + first[1] else None


def name_from_labels(ri: RoomText, placed: list, centre: tuple[float, float] | None = None) -> None:
    labels = [lab[:2] for lab in placed]
    ri.labels = [lab for lab, _ in labels]
    ri.name_from = "text"
    if len(labels) == 1:
        ri.name = labels[0][0]
        return
    tallest = max(h for _, h in labels)
    big = [lab for lab, h in labels if h >= tallest / DOMINANT]
    if len(big) == 1 and tallest > 0:
        ri.name = big[0]
        return
    uses = [classify(lab) for lab, _ in labels]
    named = [lab for lab, u in zip(labels, uses, strict=True) if u is not None]
    if len(named) == 1:  # one room label among notes (UP, W/D...)
        ri.name = named[0][0]
        if small_kind(named[0][0]):
            _small_among_names(ri, named[0], labels, placed, centre)
        else:
            _names_among(ri, named[0], labels)
        return
    if not named:  # no label names a use: the tallest (the first of equals) names the room
        middle = _central(placed, centre)
        if middle is not None:
            ri.name = middle[0]
            return
        ri.name = max(labels, key=lambda lab: lab[1])[0]
        lower(ri, "medium", "named by one of the labels " + ", ".join(
            repr(lab) for lab, _ in labels[:4]) + ", none of which names a use")
        return
    ri.name = " + ".join(lab for lab, _ in named[:3])
    if any(all(u in group for u in uses if u is not None) for group in ONE_SPACE):
        return  # parts of one open-plan room, or of one hall with its stairs
    lower(ri, "low", "holds the labels " + ", ".join(repr(lab) for lab, _ in named[:4])
           + ": one room or several the walls do not divide")


#: short texts that are no room's name though they are no notes either (a stair's arrow)
ARROWS = frozenset({"up", "dn", "down"})


def _rivals(lab: str, h: float, labels: list) -> list[str]:
    """The labels of ``labels`` besides ``lab`` (written ``h`` tall) that are as tall (at
    least 1/:data:`DOMINANT` of it), of three letters or more and no stair arrow: names a
    room may have, not the notes by its fittings, which are written smaller."""
    return [x for x, hx in labels if x != lab and hx >= h / DOMINANT
            and sum(c.isalpha() for c in x) >= 3 and x.strip().casefold() not in ARROWS]


def _names_among(ri: RoomText, named: tuple[str, float], labels: list) -> None:
    """A room whose one label naming a use (``Køkken``) stands beside a label as tall that
    could name a room and names no use (``Limbo``, a hall's own name; ``Seminar Room``)
    holds two rooms' labels, most likely of two rooms the walls leave open to each other:
    named by both, in reading order, at ``low``, saying so. Taken for a note, the other
    label would be dropped silently and the merged room named by one of its parts."""
    lab, h = named
    rivals = [x for x in _rivals(lab, h, labels) if could_name(x)]
    if not rivals:
        return
    both = [x for x, _ in labels if x == lab or x in rivals]
    ri.name = " + ".join(both[:3])
    lower(ri, "low", "holds the labels " + ", ".join(repr(x) for x in both[:4])
           + f", of which only {lab!r} names a use: one room or several the walls do not "
           "divide")


def _small_among_names(ri: RoomText, named: tuple[str, float], labels: list, placed: list,
                       centre: tuple[float, float] | None) -> None:
    """A room whose one label naming a use says a small room's kind (``Cupboard``,
    ``Store``, ``Riser``) while it also holds a name as tall that names no use
    (``Seminar Room``, ``Lab``) is not confidently that small room: the small room's label
    is most likely a cupboard's the walls or outlines do not part off, written in the
    room beside it. Named by the other label where it stands clearly in the room's middle
    (``medium``), else kept, ``low``; both say so."""
    lab, h = named
    rivals = _rivals(lab, h, labels)
    if not rivals:
        return
    middle = _central(placed, centre)
    if middle is not None and middle[0] in rivals:
        ri.name = middle[0]
        lower(ri, "medium", f"named by the label {middle[0]!r} in its middle; it also holds "
               f"{lab!r}, a small room's label: a space the walls do not part off?")
        return
    lower(ri, "low", f"named {lab!r}, a small room's label, though it also holds "
           + ", ".join(repr(x) for x in rivals[:3]) + ": a small room's label in a larger room?")


_RANK = {"high": 0, "medium": 1, "low": 2}


def lower(ri: RoomText, level: str, reason: str) -> None:
    """Lower ``ri``'s confidence to ``level`` (never raise it), adding the reason."""
    if _RANK[level] > _RANK[ri.confidence]:
        ri.confidence = level
    ri.reason = f"{ri.reason}; {reason}" if ri.reason else reason
