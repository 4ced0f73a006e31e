r"""What a piece of drawing text is: a room name, an area, a ceiling height, a dimension,
a marking (wheelchair, meter, aerial), or nothing.

>>> kind("12.5 m2"), kind("345 SF"), kind("mq=28.51")
(('area', 12.5), ('area', 32.05), ('area', 28.51))
>>> kind("H=2.60"), kind("CH 2.4"), kind("ceiling 2.4 m"), kind("H=2.60mm")
(('height', 2.6), ('height', 2.4), ('height', 2.4), ('height', 2.6))
>>> kind("3500"), kind("3.5 x 4.2"), kind("14'2'' x 12'4''"), kind("Bedroom 1")
(('dimension', None), ('dimension', None), ('dimension', None), ('name', None))

Areas and dimension strings are read by :mod:`~floorplan.io.dxf.text.figures`;
:func:`split_label` peels them off a name (``Bedroom 1\P3.20 x 4.10``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from floorplan.io.dxf.text import figures, keyed

# the MTEXT stage, read by the collector through this module
from floorplan.io.dxf.text.mtext import MTEXT_LINE, mtext_anchor, mtext_plain  # noqa: F401

SQFT = figures.SQFT
_NUM = r"(\d+(?:[.,]\d+)?)"
_AREA = [
    (re.compile(rf"^(?:a|area|sup|superficie|fläche|flaeche)?\s*[=:]?\s*{_NUM}\s*(?:m2|m²|m\^2|sq\.?\s*m|sqm|qm|mq)\.?$", re.I), 1.0),
    (re.compile(rf"^(?:mq|qm|m2|m²)\s*[=:]?\s*{_NUM}$", re.I), 1.0),
    (re.compile(rf"^{_NUM}\s*(?:sf|sq\.?\s*ft\.?|ft2|ft²|sqft)\.?$", re.I), SQFT),
]
_HEIGHT = re.compile(
    rf"^(?:h|ch|c\.h\.|clg|hgt|ceiling(?:\s+height)?|ceiling\s+h|raumhöhe|rh)\s*[=:]?\s*{_NUM}\s*(m|cm|mm)?\.?$",
    re.I)
_DIMENSION = re.compile(
    r"^[\d\s.,'\"’”x×*/+\-–()]+(?:mm|cm|m|ft|in)?$|^<>$|^\d+\s*(?:mm|cm|m)$", re.I)
_WHEELCHAIR = re.compile(r"wheel\s*chair|\(wc user\)", re.I)
_METER = re.compile(r"^(?:(gas|elec|electric|electricity|water)\s+)?(?:meter|mtr)s?$", re.I)
_TRAILING = re.compile(
    r"^(.*?[^\d\s=:].*?)\s+((?:h|ch|a|mq)?\s*[=:]?\s*\d+(?:[.,]\d+)?\s*(?:m2|m²|sq\.?\s*m|sqm|sf|sq\.?\s*ft|m)?)$",
    re.I)
_AERIAL = re.compile(r"^(?:tv|aerial|tv\s*point|tv\s*outlet|aerial\s*point)$", re.I)
#: any of the patterns above: most texts are names, which then take one match, not seven
_ANY = re.compile("|".join(f"(?:{rx.pattern})" for rx in [
    *(rx for rx, _ in _AREA), _HEIGHT, _DIMENSION, _METER, _AERIAL]), re.I)
_DIGIT = re.compile(r"\d")
_PARTS = re.compile(r"\n|\\P|\s{2,}|;")


def _num(text: str) -> float:
    return float(text.replace(",", "."))


def height_m(value: float) -> float | None:
    """A ceiling height in metres from a number written with any (or a wrong) unit.

    Drawings write ``H=2.60`` with a stray ``mm`` suffix, or ``2600``: the magnitude decides.
    """
    for scale in (1.0, 0.01, 0.001):
        h = value * scale
        if 1.0 <= h <= 8.0:
            return h
    return None


@lru_cache(maxsize=8192)  # a plan writes the same few names and figures hundreds of times
def kind(text: str) -> tuple[str, float | None]:
    """(``name`` | ``area`` | ``height`` | ``dimension`` | ``wheelchair`` | ``meter`` |
    ``aerial`` | ``empty``, value). Areas are m², heights metres."""
    t = text.strip()
    if not t:
        return "empty", None
    fig = figures.parse(t) if _DIGIT.search(t) else None
    if fig is not None:
        if fig.kind == "area" and fig.area_m2 is not None:
            return "area", round(fig.area_m2, 2)
        return "dimension", None
    if _ANY.match(t) is None:
        return ("wheelchair", None) if t.upper() == "WHEELCHAIR" else ("name", None)
    for rx, scale in _AREA:
        m = rx.match(t)
        if m:
            return "area", round(_num(m.group(1)) * scale, 2)
    m = _HEIGHT.match(t)
    if m:
        h = height_m(_num(m.group(1)))
        if h is not None:
            return "height", h
        return "dimension", None
    if _DIMENSION.match(t):
        return "dimension", None
    if _METER.match(t):
        return "meter", None
    if _AERIAL.match(t):
        return "aerial", None
    if t.strip().upper() == "WHEELCHAIR":
        return "wheelchair", None
    return "name", None


_TAG_CODE = re.compile(r"^\d{3,5}\b")
#: a drawing's own marks: a grid or section letter (``C``, ``D-D``, ``A-A``), a sheet or
#: detail reference (``A6``, ``3/A6``), a stair arrow's word
_MARK = re.compile(r"^(?:[^\W\d_]|([^\W\d_])\s*-\s*\1|[^\W\d_]\d{1,2}|\d{1,2}\s*/\s*[^\W\d_]{0,2}\d{1,3}"
                   r"|up|dn|down)\.?$", re.I)
#: a view's title or scale (``FLOOR PLAN``, ``FIRST FLOOR PLAN``, ``GROUND FLOOR``,
#: ``SECTION A-A``, ``SCALE 1:50``): the sheet's words, not a room's
_TITLE = re.compile(
    r"\bplans?\.?$|^(?:(?:lower\s+)?ground|first|second|third|fourth|1st|2nd|3rd|4th|top)\s+"
    r"(?:floor|flr|level)$|\b(?:elevations?|sections?|scale)\b|\b1\s*:\s*\d{1,4}\b", re.I)
#: the floor's own area (``Brutto``, ``GIA``, ``Gross internal area``, ``BGF``): a note of
#: the sheet, no room's name
_FLOOR_AREA = re.compile(r"^(?:brutto|netto|gross|net|gia|nia|gea|bgf|ngf|bruttogrundfläche|"
                         r"nettogrundfläche)(?:\s+(?:internal\s+|external\s+)?(?:floor\s+)?area)?$",
                         re.I)
#: a size with its unit inside words (``18" MIN. RAISED``, ``20 MIN. DOOR``, ``@ 16" O.C.``):
#: a construction note, not a name
_MEASURE = re.compile(r"\d\s*(?:\"|''|”|″)|\b\d+\s*(?:min|mins|hr|hrs)\b\.?|@|\bw/"
                      r"|\d\s*[x×]\s*\d"  # a member size among words (90x45 STRU x2, 2x4 STUDS)
                      r"|\b\d{1,2}[\s./-](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*[\s./-]\d{2,4}\b",
                      re.I)


#: words that name parts of a building, not rooms: a label made of these alone (``DOOR
#: FRAMES``, ``STEM WALL``, ``SHEAR PANEL``, ``HAND RAIL``) is about the construction
BUILDING_PARTS = frozenset("""
door frame window wall beam joist rafter stud lintel header footing footer slab column post
truss purlin noggin nogging plate sill bearer board tile panel shear stem brace bracing
batten cladding insulation membrane flashing gutter downpipe fascia soffit ridge eave eaves
rack shelf shelves rail railing balustrade handrail hand glazing opening pier foundation
""".split())
#: fittings and appliances a plan labels (``SINK & DRAINER`` on a worktop): never a room's
#: name, though they stand inside rooms (words that are also rooms' names, ``bath``,
#: ``shower``, ``boiler``, ``wardrobe``, stay out: the classifier reads them as uses)
FITTINGS = frozenset("""
sink drainer basin whb urinal cooker hob oven fridge freezer dishwasher worktop radiator
""".split())
_WORD = re.compile(r"[^\W\d_]+")
#: a name whose last word is one of these names a door or a window (``ENTRANCE DOOR``,
#: ``Балконная дверь``, balcony door), not the room it stands in, whatever the words before
DOOR_HEADS = frozenset("door doors window windows дверь двери окно окна".split())


def _building_parts(name: str) -> bool:
    words = _WORD.findall(name.casefold())
    parts = BUILDING_PARTS | FITTINGS
    return bool(words) and all(w in parts or w.removesuffix("s") in parts
                               or w.removesuffix("es") in parts for w in words)


@lru_cache(maxsize=8192)
def is_note(name: str) -> bool:
    """A text that is not a room's name although it is words: a note (``PROVIDE 20 MIN.
    DOOR W/ SELF CLOSING HINGES``: more than four words (a separator standing alone, the
    ``/`` of ``IT Lab / Seminar Room``, is no word), or over 30 characters, or three
    lines, a size or a date among words, words that all name building parts), a door or
    window mark (``6068 S.G.D.``, ``5050 XO``) or a mark of the drawing itself (a section
    ``D-D``, a sheet reference ``A6``, a grid letter ``C``, ``UP``), when it names no use.

    >>> is_note("GAS WH 18 IN MIN. RAISED PLATFORM"), is_note("5050 XO"), is_note("Bedroom 2")
    (True, True, False)
    >>> is_note("101 Office"), is_note("Kitchen / Living / Dining room with island")
    (False, False)
    >>> is_note("IT Lab / Seminar Room"), is_note("Lab - Seminar & Tutorial Room")
    (False, False)
    >>> is_note("IT Lab Seminar Room Two"), is_note("PROVIDE SELF CLOSING DOOR HINGES")
    (True, True)
    >>> [is_note(t) for t in ("D-D", "A6", "3/A6", "C", "UP", "WC", "HALL", "B-D")]
    [True, True, True, True, True, False, False, False]
    >>> [is_note(t) for t in ('18" MIN. RAISED', "20 MIN. DOOR", "NOTE:", "2 CAR GARAGE")]
    [True, True, True, False]
    >>> [is_note(t) for t in ("90x45 STRU x2", "28 Feb 2017", "Bedroom 3x")]
    [True, True, False]
    >>> [is_note(t) for t in ("DOOR FRAMES", "STEM WALL", "Boiler", "Store", "Wardrobe")]
    [True, True, False, False, False]
    >>> [is_note(t) for t in ("Brutto", "Gross internal area", "GIA", "Net lounge")]
    [True, True, True, False]
    >>> [is_note(t) for t in ("SINK", "SINK & DRAINER", "WHB", "Urinals", "Bath", "Shower")]
    [True, True, True, True, False, False]
    >>> [is_note(t) for t in ("ENTRANCE DOOR", "Входная дверь", "Bay window", "Doorway")]
    [True, True, True, False]
    """
    from floorplan.classify import classify

    lines = name.count("\n") + 1
    words = [w for w in name.split() if any(c.isalnum() for c in w)]
    if len(words) >= 2 and words[-1].casefold().strip(".,:;") in DOOR_HEADS:
        return True
    if not (len(words) > 4 or len(name) > 30 or lines >= 3 or _TAG_CODE.match(name)
            or _MARK.match(name.strip()) or _TITLE.search(name.strip()) or _MEASURE.search(name)
            or _FLOOR_AREA.match(name.strip())
            or name.rstrip().endswith(":") or _building_parts(name)):
        return False
    return classify(name) is None


@lru_cache(maxsize=8192)
def is_mark(name: str) -> bool:
    """A mark, not a label: a door or window tag (``2668``, ``6068 S.G.D.``), a mark of
    the drawing itself (``D-D``, ``A6``, ``C``, ``UP``) or a view's title or scale
    (``FLOOR PLAN``, ``SCALE 1:50``), when it names no use. Unlike the
    lines of a note, a mark is no part of the label written beside it.

    >>> is_mark("2668"), is_mark("D-D"), is_mark("NOTE:"), is_mark("WC")
    (True, True, False, False)
    >>> [is_mark(t) for t in ("FLOOR PLAN", "First floor", "SECTION A-A", "SCALE 1:50", "Open plan living")]
    [True, True, True, True, False]
    """
    if not (_TAG_CODE.match(name) or _MARK.match(name.strip()) or _TITLE.search(name.strip())):
        return False
    from floorplan.classify import classify

    return classify(name) is None


#: what a layer's name says its texts are (``ROOM NUMBER``, ``A-ROOM-NMBR``, ``RM_NO``,
#: ``ROOM NAME``, ``TEXT AREA``, ``DOOR NUMBERS``): words of the name, camel case split
_LAYER_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_ROOM_WORDS = frozenset("room rooms rm rms space spaces raum räume zone zones".split())
_ID_WORDS = frozenset("number numbers no nos num nr nbr nmbr numb ref refs id ids code codes "
                      "nummer numero".split())
_NAME_WORDS = frozenset("name names nam bezeichnung".split())
_AREA_WORDS = frozenset("area areas sqm fläche flaeche".split())
#: numbers of these are not rooms' (``DOOR NUMBERS``: ``Lf54Da`` is a door's mark)
_OTHER_OWNERS = frozenset("door doors dr window windows win wdw column columns col grid "
                          "fire alarm sheet drawing".split())


@lru_cache(maxsize=4096)
def layer_says(layer: str) -> str | None:
    """What the texts on ``layer`` are, by its name, as an attribute's tag says it:
    ``"id"`` (a room's number), ``"name"``, ``"area"`` (its stated area), ``"mark"`` (the
    numbers of doors, windows, columns: no room's label), or ``None`` (the name says
    nothing, or both a room's number and name).

    >>> [layer_says(n) for n in ("ROOM NUMBER", "A-ROOM-NMBR", "RM_NO", "RoomName", "TEXT AREA")]
    ['id', 'id', 'id', 'name', 'area']
    >>> [layer_says(n) for n in ("TRWPL_P_DOOR NUMBERS", "ROOM NAME AND NUMBER", "A-WALL", "NOTES")]
    ['mark', None, None, None]
    """
    words = {w.casefold() for w in _LAYER_WORD.findall(layer)}
    ids = bool(words & _ID_WORDS)
    if ids and words & _OTHER_OWNERS:
        return "mark"
    room, names = bool(words & _ROOM_WORDS), bool(words & _NAME_WORDS)
    if room and ids and names:
        return None
    if room and ids:
        return "id"
    if (room or "text" in words) and names:
        return "name"
    if words & _AREA_WORDS and not ids and not names:
        return "area"
    return None


#: a room's number or code: one token of letters and digits (``ChCg05``, ``F5.92``,
#: ``Bf29``, ``G.01``, ``104C``), at most 12 characters, with a letter and a digit
_CODE = re.compile(r"^(?=\S*\d)(?=\S*[^\W\d_])[^\W_][\w.\-/]{1,11}$")
#: a number written before a room's name (``101 Office``, ``1.05 Kitchen``)
_LEADING_NUMBER = re.compile(r"^(\d{2,4}(?:[.\-]\d{1,3})?[^\W\d_]?|[^\W\d_]{1,3}[.\-]?\d{1,4}[^\W\d_]?)\s+(\S.*)$")


@lru_cache(maxsize=8192)
def is_code(text: str) -> bool:
    """A room's number, not its name: one token of letters and digits that names no use.

    >>> [is_code(t) for t in ("ChCg05", "F5.92", "Bf29", "104C", "Lf91a")]
    [True, True, True, True, True]
    >>> [is_code(t) for t in ("Office", "BED2", "WC1", "BR#1", "3500", "2 CAR GARAGE")]
    [False, False, False, False, False, False]
    """
    t = text.strip()
    if not _CODE.match(t):
        return False
    from floorplan.classify import classify

    return classify(t) is None


@lru_cache(maxsize=8192)
def peel_code(text: str) -> tuple[str | None, str]:
    """A room number written on one line (or before the name) of a label, and the rest:
    ``"Bg04\\nOffice"`` and ``"101 Office"`` give ``("Bg04", "Office")``, ``("101",
    "Office")``. ``(None, text)`` when the rest names nothing, or names no use for a
    number in digits (``2 CAR GARAGE`` keeps its 2).

    >>> peel_code("Bg04\\nOffice"), peel_code("Office\\nCHg12"), peel_code("101 Office")
    (('Bg04', 'Office'), ('CHg12', 'Office'), ('101', 'Office'))
    >>> peel_code("2 CAR GARAGE"), peel_code("BEDROOM 2"), peel_code("ChCg05")
    ((None, '2 CAR GARAGE'), (None, 'BEDROOM 2'), (None, 'ChCg05'))
    >>> peel_code("WC1 Ensuite"), peel_code("101 Resource Room"), peel_code("G.01 Resource Room")
    ((None, 'WC1 Ensuite'), (None, '101 Resource Room'), ('G.01', 'Resource Room'))
    """
    from floorplan.classify import classify

    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) > 1:
        for i in (0, len(lines) - 1):
            rest = "\n".join(lines[:i] + lines[i + 1:])
            if is_code(lines[i]) and kind(rest)[0] == "name" and not is_code(rest):
                return lines[i], rest
        return None, text
    m = _LEADING_NUMBER.match(text.strip())
    if m and kind(m.group(2))[0] == "name" and not is_code(m.group(2)) \
            and (is_code(m.group(1))
                 or (m.group(1)[0].isdigit() and classify(m.group(2)) is not None)):
        return m.group(1), m.group(2)
    return None, text


#: the names of service shafts: vertical voids for pipes, cables and air, reached through a
#: door or a panel, not walked into
_SHAFT = re.compile(r"\b(?:risers?|ducts?|shafts?)\b", re.I)


def is_shaft_name(name: str) -> bool:
    """A riser, duct or shaft by its name (``ME Riser``, ``EL Riser``, ``Service Duct``).

    >>> [is_shaft_name(n) for n in ("ME Riser", "Service duct", "Lift Shaft", "Cupboard", "Conduct")]
    [True, True, True, False, False]
    """
    return bool(_SHAFT.search(name))


def is_wheelchair_name(name: str) -> bool:
    return bool(_WHEELCHAIR.search(name))


def meter_utility(text: str) -> str | None:
    low = text.casefold()
    if "gas" in low:
        return "gas"
    if "elec" in low:
        return "electricity"
    if "water" in low:
        return "water"
    return None


@lru_cache(maxsize=8192)
def split_label(text: str) -> tuple[str, tuple[tuple[str, Any], ...]]:
    """A name text with area, dimension or height lines inside it (``Bedroom 1\\P12.5 m2``,
    ``BED 2 3.20 x 4.10``): the name part and the other parts' kinds, a stated figure as
    ``("figure", Figure)``.

    >>> split_label("BEDROOM 1\\n14'2'' x 12'4''")[1][0][1].unit
    'ft'

    A label with no line keyed as its name is named by a line keyed as its use
    (:mod:`.keyed`) where the lines with no key say no use (:func:`floorplan.classify.classify`),
    or are several and the use line names a use or a room no home has (a lift): the
    building and room number, and the department, are no name.

    >>> split_label("Bldg.1, Room 304\\n128300-FacMgmt-Facilities\\nFICM: Women's Restroom")[0]
    "Women's Restroom"
    >>> split_label("Bedroom 2\\nUse: Sleeping")[0]
    'Bedroom 2'
    """
    parts = [q.strip() for p in _PARTS.split(text) if p.strip() for q in keyed.lines_of(p.strip())]
    names: list[str] = []
    others: list[tuple[str, object]] = []
    uses: list[str] = []  # values of lines keyed as the room's use
    keys = [keyed.read(p) for p in parts]
    strict = any(k is not None and k[0] in ("name", "area") for k in keys)  # a label of keys
    last = None  # the role of the last keyed line: a line with no key goes on with it
    for p, kv in zip(parts, keys, strict=True):
        fig = figures.parse(p)
        if fig is not None:
            others.append(("figure", fig))
            continue
        worded = kind(p)[0] == "name"  # not a height, area or size written with its key
        if kv is None and worded and strict and last is not None:
            kv = (last, p)  # a value wrapped onto the next line (a list of occupants)
        if kv is not None and worded:  # key: value (:mod:`.keyed`)
            role, value = kv
            last = role
            got = figures.parse(value) if role != "name" else None
            if role == "name":
                names.append(value)
                continue
            if role == "use":
                uses.append(value)
            if role == "area" and got is not None:
                others.append(("figure", got))
                continue
            if strict or role == "area" or got is None:
                others.append(("keyed", value))  # a number, a use class, the occupants
                continue
        if keyed.bracketed(p):
            others.append(("aside", p))  # a department, a state: no name
            continue
        k = kind(p)
        if k[0] == "name":
            peeled = figures.peel(p)
            if peeled is not None and kind(peeled[0])[0] == "name":
                names.append(peeled[0])
                others.append(("figure", peeled[1]))
                continue
            m = _TRAILING.match(p)
            if m and kind(m.group(1))[0] == "name" and kind(m.group(2))[0] == "height":
                names.append(m.group(1))
                others.append(kind(m.group(2)))
                continue
            names.append(p)
        else:
            others.append(k)
    name = " ".join(names)
    if uses and not any(kv is not None and kv[0] == "name" for kv in keys):
        from floorplan.classify import classify, names_other

        bare = not name or classify(name) is None
        said = [u for u in uses if classify(u) is not None or names_other(u)]
        if said and (bare or len(names) > 1):
            return said[0], tuple(others)
        if bare:
            return uses[0], tuple(others)
    return name, tuple(others)
