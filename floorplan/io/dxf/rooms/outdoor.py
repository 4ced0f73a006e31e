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

A garden, a yard or a court, a parking place, a space open to the sky are outdoors too
(:data:`OUTDOOR_WORDS`, :data:`OPEN_SKY`), unless the name says a room (``Garden room``).
A space named a void (``VOID``, ``VOID / SHOP BELOW``, ``OPEN TO BELOW``: :func:`void`) is
no floor at all: the drawing says so where its linework draws no cross. A space named only
by what stands in it, a car or an appliance (``CAR``, ``WASHING MACHINE``: :func:`thing`),
and no larger than such a thing (:data:`THING_AREA`), is that thing's outline: none of
these is a room of the home, and each is set aside and said.

Outlines drawn on room layers are the designer's own spaces and are kept as drawn.

>>> outdoor("COVERED DECK"), outdoor("Roof terrace"), outdoor("COVERED PORCH")
(True, True, True)
>>> outdoor("PORCH"), outdoor("Garden room"), outdoor("BALCONY STORE")
(False, False, False)
>>> [outdoor(n) for n in ("Flat Roof", "ROOF", "Roof (flat)", "Green roof", "Roof garden")]
[True, True, True, True, True]
>>> [outdoor(n) for n in ("Roof space", "Roof void", "Loft", "Roof store", "Rooflight")]
[False, False, False, False, False]
>>> [outdoor(n) for n in ("REAR GARDEN", "PARKING 3 No. CARS", "OPEN TO SKY", "COURT YARD")]
[True, True, True, True]
>>> [void(n) for n in ("VOID", "VOID LOWER LEVEL SHOP BELOW.", "Open to below", "Roof void")]
[True, True, True, False]
>>> [thing(n) for n in ("CAR", "WASHING MACHINE", "3 No. CARS", "Fridge/freezer", "Dining table")]
[True, True, True, True, True]
>>> [thing(n) for n in ("P O N D", "A B")]
[True, False]
>>> [thing(n) for n in ("Car port", "Machine room", "WASHING", "WASHING AREA", "2 CAR GARAGE")]
[False, False, False, False, False]
"""

from __future__ import annotations

import re

from floorplan.classify import classify

#: words that name an outdoor space
OUTDOOR_WORDS = frozenset({"deck", "decking", "patio", "terrace", "terraces", "balcony",
                           "balconies", "veranda", "verandah", "lanai", "loggia", "garden",
                           "gardens", "yard", "yards", "courtyard", "courtyards", "parking",
                           "carpark"})
#: a space open to the sky (a court, a light well at ground level) is outdoors
OPEN_SKY = re.compile(r"\bopen\s+to\s+(?:the\s+)?sky\b", re.IGNORECASE)
#: a name with one of these words says a room, whatever else it says (``Garden room``)
ROOM_WORDS = frozenset({"room", "rooms", "rm"})
#: a name that begins so names a void: no floor (``VOID``, ``VOID OVER HALL``, ``OPEN TO
#: BELOW``); ``Roof void`` is the space under a roof, a loft, and stays a room
VOID_NAME = re.compile(r"^\W*(?:voids?\b|open\s+to\s+(?:below|above)\b)", re.IGNORECASE)
#: what stands in a room, drawn with its outline and named: vehicles, appliances, furniture,
#: a water feature.
#: A name whose last word is one of these names such a thing (``CAR``, ``WASHING MACHINE``,
#: ``Dining table``); words that name rooms too (``bed``, ``bath``, ``boiler``) stay out
THINGS = frozenset({"car", "cars", "vehicle", "vehicles", "motorbike", "motorcycle",
                    "machine", "machines", "dryer", "drier", "fridge", "freezer", "dishwasher",
                    "table", "tables", "sofa", "settee", "piano", "pond", "fountain",
                    "planter"})
#: the words that count for nothing at the end of a thing's name (``CARS 3 No.``)
THING_FILLER = frozenset({"no", "nos", "nr"})
#: a thing drawn in a plan is no larger than this (m²): a car, 5 x 2 m, the largest
THING_AREA = 10.0
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
    if OPEN_PORCH.search(name) or OPEN_SKY.search(name):
        return True
    words = {w.lower() for w in _WORDS.findall(name)}
    if words & ROOF_WORDS and words <= ROOF_WORDS | ROOF_KINDS:
        return True
    if " ".join(_WORDS.findall(name.lower())).find("court yard") >= 0:
        words.add("courtyard")
    if "car" in words and "park" in words:
        words.add("carpark")
    return bool(words & OUTDOOR_WORDS) and not words & ROOM_WORDS and classify(name) is None


def void(name: str) -> bool:
    """``name`` says a void, no floor (:data:`VOID_NAME`), and no room's use (``Void /
    store`` is a store)."""
    return bool(name) and VOID_NAME.match(name) is not None and classify(name) is None


def _spaced(words: list[str]) -> list[str]:
    """``words`` with each run of three or more single letters joined into one word: a
    name written letter-spaced (``P O N D``) is its word."""
    out: list[str] = []
    run: list[str] = []
    for w in [*words, ""]:
        if len(w) == 1:
            run.append(w)
            continue
        out += ["".join(run)] if len(run) >= 3 else run
        run = []
        if w:
            out.append(w)
    return out


def thing(name: str) -> bool:
    """``name`` names what stands in a room (its last word one of :data:`THINGS`: a car, a
    washing machine, a pond, even written letter-spaced), and says no room (no word of
    :data:`ROOM_WORDS`: ``Machine room``)."""
    words = _spaced([w.lower() for w in _WORDS.findall(name or "")])
    words = [w for w in words if w not in THING_FILLER]
    return bool(words) and words[-1] in THINGS and not set(words) & ROOM_WORDS


def looks_down(room) -> bool:
    """``room`` has no name and its labels all say what is on the floor below (``POND &
    LIVING BELOW.``, a tank's ``TOILET BELOW.``; the naming keeps them in its
    ``below`` property): one looks down there, over a void, a court, a tank. No floor of
    this level: a room's own name would name it."""
    return not room.name and bool(room.properties.get("below"))


def set_aside(rooms: list, notes: list[str], findings: list | None = None) -> list:
    """``rooms`` without those found in the walls whose name says outdoors, a void, or a
    thing no larger than :data:`THING_AREA`, or whose only labels say what is below
    (:func:`looks_down`), and the spaces a thing parts from an outdoor space
    (:func:`parted_by_things`), each said in ``notes``; ``findings``
    (changed in place) loses those about them alone."""
    kinds = (("outdoor spaces", lambda r: outdoor(r.name)), ("voids", lambda r: void(r.name)),
             ("things drawn with their outlines (a car, an appliance)",
              lambda r: thing(r.name) and r.polygon.area <= THING_AREA),
             ("spaces whose only labels say what is on the floor below (a void, a court or a "
              "tank over it)", looks_down))
    out: list = []
    gone: set[int] = set()
    found: dict[str, list] = {}
    for what, says in kinds:
        these = [r for r in rooms if r.source in WALL_SOURCES and id(r) not in gone
                 and (r.name or r.properties.get("below")) and says(r)]
        if these:
            notes.append(f"{what} enclosed in the linework set aside, not rooms: " + ", ".join(
                f"{r.name or ' / '.join(r.properties['below'])} ({r.polygon.area:.1f} m²)"
                for r in these))
        out += these
        gone |= {id(r) for r in these}
        found[what] = these
    parted = parted_by_things(rooms, found[kinds[0][0]], found[kinds[2][0]], gone)
    if parted:
        notes.append("spaces parted from an outdoor space only by the outline of a thing drawn "
                     "in it (a car in its bay) set aside with it, not rooms: " + ", ".join(
                         f"{r.name or 'unnamed'} ({r.polygon.area:.1f} m²)" for r in parted))
        out += parted
        gone |= {id(r) for r in parted}
    if not out:
        return rooms
    ids = {r.id for r in out}
    if findings:
        findings[:] = [f for f in findings if not (f.rooms and set(f.rooms) <= ids)]
    return [r for r in rooms if id(r) not in gone]


#: a space runs along a thing's outline within this (metres: one line drawn for both) ...
ALONG_THING = 0.02
#: ... for at least this long: the outline parts it from the floor the thing stands on
THING_SHARED = 0.5


def _shared(a, b) -> float:
    """How long ``a``'s outline runs along ``b`` (within :data:`ALONG_THING`)."""
    return float(a.polygon.boundary.intersection(b.polygon.buffer(ALONG_THING)).length)


def parted_by_things(rooms: list, outdoors: list, things: list, gone: set[int]) -> list:
    """The spaces of ``rooms`` (found in the walls, not in ``gone``) that only the outline
    of a thing set aside (``things``: a car drawn in a parking bay from the building's wall
    to the street, its outline reaching the walls) parts from an outdoor space set aside
    (``outdoors``): a space along whose edge a thing's outline runs for
    :data:`THING_SHARED` or more, the thing's outline running as far along the outdoor
    space or along another such space. A car's outline is no wall: the floor on both sides
    of it is the one it stands on, the parking (holdout6's building.dxf, whose three cars
    parted its parking into seven spaces, one of them named by a stray 'TOILET'). A thing
    standing free in a room (a table, a pond) touches no outdoor space and parts nothing.

    >>> from shapely.geometry import box
    >>> from floorplan.model import Room, Use
    >>> bay = Room("R1", "PARKING", Use.OTHER, box(0, 0, 2, 5), source="walls")
    >>> car = Room("R2", "CAR", Use.OTHER, box(2, 0, 4, 5), source="walls")
    >>> rest = Room("R3", "", Use.OTHER, box(4, 0, 6, 5), source="walls")
    >>> wc = Room("R4", "WC", Use.OTHER, box(6.2, 0, 8, 5), source="walls")
    >>> [r.id for r in parted_by_things([bay, car, rest, wc], [bay], [car], {id(bay), id(car)})]
    ['R3']
    """
    if not outdoors or not things:
        return []
    free = [r for r in rooms if r.source in WALL_SOURCES and id(r) not in gone]
    reached = [t for t in things if any(_shared(t, o) >= THING_SHARED for o in outdoors)]
    seen = {id(t) for t in reached}
    out: list = []
    taken: set[int] = set()
    while reached:
        t = reached.pop()
        for r in free:
            if id(r) in taken or _shared(r, t) < THING_SHARED:
                continue
            out.append(r)
            taken.add(id(r))
            for t2 in things:
                if id(t2) not in seen and _shared(t2, r) >= THING_SHARED:
                    seen.add(id(t2))
                    reached.append(t2)
    return out
