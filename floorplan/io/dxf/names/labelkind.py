"""Which texts of a drawing are room labels, whatever their names say.

A name that says a room use (``Kitchen``, ``Toilet``) marks its text as a room label.
A drawing's other room labels are written the same way as those: on the same layer, at
the same height, though their names say nothing :func:`~floorplan.classify.classify`
knows (``Forhal``, ``Vandrehal``, ``Opvask``: Danish for entrance hall, hall,
washing-up). So the *kinds* of text that name rooms in this drawing (a layer and a text
height, :func:`naming_kinds`) are learnt from the labels that do name rooms, and a text
of one of those kinds counts as a room label too (:func:`is_kin`), unless it is a
figure, a number, a mark or a note (:func:`could_name`).

Such a label lying in no room seeds the search for its space
(:func:`~floorplan.io.dxf.rooms.seeding.place_labels`, through :func:`kin_labels`), and when no
space is found round it, it is reported as a label in no room (FP010,
:func:`~floorplan.io.dxf.account.label_findings`): a room the reader lost is never lost
in silence because its name is in a language the classifier does not speak.

>>> from shapely.geometry import box
>>> texts = [(1, 1, "Kitchen", 0.2, "NAMES"), (5, 1, "Toilet", 0.2, "NAMES"),
...          (9, 1, "Forhal", 0.2, "NAMES"), (9, 2, "Forhal", 0.5, "NAMES"),
...          (9, 3, "Forhal", 0.2, "NOTES"), (9, 4, "2.4m", 0.2, "NAMES")]
>>> kinds = naming_kinds(texts, [box(0, 0, 4, 4), box(4, 0, 8, 4)])
>>> [t[2] for t in texts if is_kin(t[3], t[4], kinds) and could_name(t[2])]
['Kitchen', 'Toilet', 'Forhal']
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

import numpy as np
import shapely
from shapely.strtree import STRtree

from floorplan.classify import classify
from floorplan.io.dxf.text import figures as dxf_figures
from floorplan.io.dxf.text import kind as dxf_text

#: a text this much taller or shorter (a share of the naming labels' height) is of
#: another kind: a title, a tag's number, a legend's heading
HEIGHT_SHARE = 0.15
#: a kind of text is known to name rooms once this many labels of it name rooms: one
#: label of a layer may be a chance (a note written on the room-name layer)
MIN_NAMING = 2


def could_name(name: str) -> bool:
    """``name`` could be a room's name: words, not a figure, a room number, a door or
    window tag, a mark of the drawing, a note, a building's name or what is on another
    floor."""
    return (dxf_text.kind(name)[0] == "name" and not dxf_text.is_note(name)
            and not dxf_text.is_mark(name) and not dxf_text.is_code(name)
            and not names_building(name) and not names_elsewhere(name))


#: the last word of a label that says what it names is on another floor (``SHOP BELOW.``,
#: ``TOILET BELOW``, ``BEDROOM ABOVE``)
_ELSEWHERE = re.compile(r"(?:^|[\s.,;:/&(-])(?:below|above)[\s.,;:)]*$", re.I)
#: a label that begins so says this space is a void over (or open to) another floor
#: (``VOID / SHOP BELOW``, ``OPEN TO BELOW``): it names this space, a void
_VOID_FIRST = re.compile(r"^\W*(?:voids?\b|open\s+to\b)", re.I)


def names_elsewhere(name: str) -> bool:
    """``name`` says what is on another floor (its last word ``below`` or ``above``), not
    this space: the room under a mezzanine's void, the toilet under a tank. A label that
    begins by saying this space is a void over it (``VOID LOWER LEVEL SHOP BELOW.``,
    ``OPEN TO BELOW``) names the void.

    >>> [names_elsewhere(n) for n in ("TOILET BELOW.", "COURT YARD BELOW.", "Bedroom above",
    ...                               "BELOW.", "VOID SHOP BELOW.", "OPEN TO BELOW", "Below stairs store",
    ...                               "Store")]
    [True, True, True, True, False, False, False, False]
    """
    return _ELSEWHERE.search(name) is not None and _VOID_FIRST.match(name) is None


#: the last word of a label that says what is on the floor below (``POND & LIVING BELOW.``)
_BELOW = re.compile(r"(?:^|[\s.,;:/&(-])below[\s.,;:)]*$", re.I)


def says_below(name: str) -> bool:
    """``name`` says what is on the floor below (:func:`names_elsewhere`, its last word
    ``below``): written where one looks down on it, over a void, a court or a tank.

    >>> [says_below(n) for n in ("POND & LIVING BELOW.", "Bedroom above", "VOID SHOP BELOW.")]
    [True, False, False]
    """
    return names_elsewhere(name) and _BELOW.search(name) is not None


def names_void(name: str) -> bool:
    """``name`` begins by saying its space is a void (``VOID``, ``OPEN TO BELOW``): however
    many lines it is written on (``VOID`` / ``LOWER LEVEL`` / ``SHOP BELOW.``), it is the
    space's name, not a note.

    >>> [names_void(n) for n in ("VOID LOWER LEVEL SHOP BELOW.", "Open to below", "Avoid")]
    [True, True, False]
    """
    return _VOID_FIRST.match(name) is not None


#: a building named by its number or letter, at the end of a text (``Bygning 1322``,
#: ``Gennemgang til bygning 1412``, ``Building 2``, ``Block A``): a pointer to the next
#: building, no room's name (``Toilet block`` names no building: no number after it)
_BUILDING = re.compile(r"(?:^|\s)(?:bygning|bygn\.|building|bldg\.?|block|blok|gebäude)\s+"
                       r"[\w.-]{1,6}$", re.I)


def names_building(name: str) -> bool:
    """``name`` names a building, not a room.

    >>> [names_building(n) for n in ("Bygning 1322", "Gennemgang til bygning 1412",
    ...                              "Block A", "Toilet block", "Building services")]
    [True, True, True, False, False]
    """
    return _BUILDING.search(name.strip()) is not None


def _height_key(h: float) -> float:
    return round(float(h), 4)


def says_use(name: str) -> bool:
    """``name`` says a room use (:func:`~floorplan.classify.classify` knows it)."""
    return classify(name) is not None


def naming_kinds(texts, rooms, names: list[str] | None = None) -> dict[str, list[float]]:
    """The kinds of text that name rooms in this drawing: for each layer, the heights of
    the texts on it that lie in one of ``rooms`` and name it (their name says a room
    use, or is the room's own name in ``names``), where at least MIN_NAMING such texts
    share layer and height. ``texts``: (x, y, name, height, layer)."""
    if not texts or not rooms:
        return {}
    tree = STRtree(list(rooms))
    pts = shapely.points(np.array([(t[0], t[1]) for t in texts], dtype=float))
    ti, ri = tree.query(pts, predicate="within")
    named = {int(k) for k, r in zip(ti.tolist(), ri.tolist(), strict=True)
             if says_use(texts[k][2]) or (names is not None and names[r]
                                          and texts[k][2] in names[r].split(" / "))}
    count: Counter = Counter((texts[k][4], _height_key(texts[k][3])) for k in named)
    kinds: dict[str, list[float]] = {}
    for (layer, h), n in count.items():
        if n >= MIN_NAMING and h > 0:
            kinds.setdefault(layer, []).append(h)
    return kinds


#: a numbered series names rooms when one word is written with this many numbers
MIN_SERIES = 3
#: a word, then a number (``AMBIENTE 12``, ``Room 3``, ``Bedroom 2``, ``Aula 4B``)
_SERIES = re.compile(r"^([^\W\d_][^\W\d_ .'-]{2,}(?:[ .'-]+[^\W\d_]{2,})*)[\s.#:nº°-]*"
                     r"(\d{1,3}[^\W\d_]?)$", re.IGNORECASE)
#: words whose numbered series are no rooms: doors, windows, columns, grids, levels,
#: sections, details, notes, types, sheets, photographs (English, Spanish, Italian,
#: Portuguese, French, German, Danish)
NOT_ROOMS = frozenset("""
door doors window windows column columns col grid axis axes level floor storey section
detail note notes type sheet drawing figure fig plan view photo foto elevation item key
puerta ventana columna eje corte detalle nota tipo nivel piso plano vista lamina foto
porta finestra pilastro asse sezione dettaglio tavola livello pavimento
janela pilar corte
porte fenêtre fenetre poteau coupe niveau étage etage
tür tuer fenster stütze stuetze achse schnitt ebene geschoss
dør vindue søjle snit etage
""".split())


def series_kinds(texts) -> dict[str, list[float]]:
    """The kinds of text (layer, height) that write a numbered series of one word, the
    way a drawing names its rooms when it names them by number (``AMBIENTE 1`` ...
    ``AMBIENTE 20``): at least :data:`MIN_SERIES` distinct numbers after the same word,
    on one layer at one height, the word none of :data:`NOT_ROOMS`. Where the reading
    names no room, :func:`naming_kinds` learns nothing; a series still says which texts
    are the room labels, whatever the language. ``texts``: (x, y, name, height, layer).

    >>> t = [(0, 0, f"AMBIENTE {k}", 0.22, "TEXTOS") for k in range(1, 5)]
    >>> t += [(0, 0, f"Door {k}", 0.22, "TAGS") for k in range(1, 5)]
    >>> t += [(0, 0, "ZAGUAN DE INGRESO", 0.22, "TEXTOS"), (0, 0, "Room 1", 0.3, "X"),
    ...       (0, 0, "Room 2", 0.3, "X")]
    >>> series_kinds(t)
    {'TEXTOS': [0.22]}
    """
    numbers: dict[tuple[str, float, str], set[str]] = {}
    for t in texts:
        m = _SERIES.match(" ".join(str(t[2]).split()))
        if not m or m.group(1).casefold() in NOT_ROOMS or t[3] <= 0:
            continue
        numbers.setdefault((t[4], _height_key(t[3]), m.group(1).casefold()), set()).add(
            m.group(2).casefold())
    kinds: dict[str, list[float]] = {}
    for (layer, h, _), nums in sorted(numbers.items()):
        if len(nums) >= MIN_SERIES and h not in kinds.get(layer, []):
            kinds.setdefault(layer, []).append(h)
    return kinds


def is_kin(height: float, layer: str, kinds: dict[str, list[float]]) -> bool:
    """A text of ``height`` on ``layer`` is of a kind that names rooms in this drawing."""
    return any(abs(height - h) <= HEIGHT_SHARE * h for h in kinds.get(layer, ()))


def drawing_texts(rd) -> list[tuple[float, float, str, float, str]]:
    """(x, y, name, height, layer) of every text of the drawing read by ``rd`` that may
    name a room (as :func:`~floorplan.io.dxf.rooms.wallrooms.label_texts` picks them)."""
    from floorplan.io.dxf.names.roles import NAME_TAGS

    out = []
    for t in rd.col.texts:
        if not rd.usable_text(t):
            continue
        if t.tag is not None and t.tag.upper() not in NAME_TAGS:
            continue
        name = dxf_text.split_label(t.text)[0]
        if name and dxf_text.kind(name)[0] == "name":
            out.append((t.x, t.y, name, t.height, t.layer))
    return out


def kin_labels(texts, rooms, labels: list[tuple[float, float, str]],
               same: float, written=None) -> list[tuple[float, float, str]]:
    """The room labels among ``texts`` (x, y, name, height, layer) that ``labels`` (the
    labels whose names say a room use) leave out: texts of a kind that names rooms in
    this drawing (:func:`naming_kinds`, learnt from ``rooms``), that could be a name and
    lie in none of ``rooms`` or, with ``written`` (the area a label's block writes, by
    its point: :func:`~floorplan.io.dxf.names.written.written_areas`), in a room with an area
    written in their block (a room's tag: the Workshop whose space the walls leave open
    to its stair); none nearer than ``same`` to a label already had. The kinds that
    write a numbered series (:func:`series_kinds`: ``AMBIENTE 1`` ... ``AMBIENTE 20``) name
    rooms too, whatever language their word is in."""
    kinds = naming_kinds(texts, rooms)
    for layer, hs in series_kinds(texts).items():  # rooms named by number
        kinds.setdefault(layer, []).extend(h for h in hs if h not in kinds.get(layer, []))
    if not kinds:
        return []
    tree = STRtree(list(rooms))
    had = [(x, y) for x, y, _ in labels]
    out: list[tuple[float, float, str]] = []
    for x, y, name, h, layer in texts:
        if classify(name) is not None or not is_kin(h, layer, kinds) or not could_name(name):
            continue
        if not (np.isfinite(x) and np.isfinite(y)):
            continue
        if len(tree.query(shapely.Point(x, y), predicate="within")) and (
                written is None or written(x, y) is None):
            continue
        if any(abs(x - a) < same and abs(y - b) < same for a, b in had):
            continue
        had.append((x, y))
        out.append((x, y, name))
    return out


#: room labels closer than this (metres) are one label written twice or in two parts
SAME_LABEL = 0.6


def room_labels(texts) -> list[tuple[float, float, str]]:
    """The room labels among ``texts`` ((x, y, name) with a name that says a room use),
    one per label: texts nearer each other than SAME_LABEL count once. A name saying what
    is on another floor (:func:`names_elsewhere`: ``TOILET BELOW``) labels no room here."""
    out: list[tuple[float, float, str]] = []
    uses: dict[str, bool] = {}  # names repeat from flat to flat: classify each once
    near: dict[tuple[int, int], list[tuple[float, float]]] = {}  # labels by cell of SAME_LABEL
    for x, y, name in texts:
        if name not in uses:
            uses[name] = classify(name) is not None and not names_elsewhere(name)
        if not uses[name] or not (math.isfinite(x) and math.isfinite(y)):
            continue
        i, j = int(x // SAME_LABEL), int(y // SAME_LABEL)
        if any(abs(x - a) < SAME_LABEL and abs(y - b) < SAME_LABEL
               for di in (-1, 0, 1) for dj in (-1, 0, 1) for a, b in near.get((i + di, j + dj), ())):
            continue
        near.setdefault((i, j), []).append((x, y))
        out.append((x, y, name))
    return out


# ------------------------------------------------------------------ room tags: a number and an area
#: a room number as tags write it: a code (``Bs07``, ``229A``) or a bare number of up to five
#: digits with at most two letters after it (``229``, ``113``, ``304D``)
_NUMBER = re.compile(r"^\d{1,5}[^\W\d_]{0,2}$")
#: the lines of one text (an MTEXT's paragraphs, a tag's parts)
_LINES = re.compile(r"\n|\\P|\s{2,}|;")
#: the number and the area of one tag written as two texts stand at most this many text
#: heights apart (the taller's)
TAG_GAP = 3.0


def room_number(text: str) -> bool:
    """``text`` is a room number: ``229``, ``229A``, ``Bs07`` (not ``Kitchen``, ``2.4m``)."""
    t = text.strip()
    return bool(_NUMBER.match(t)) or dxf_text.is_code(t)


def _area(text: str) -> str | None:
    """The text of the area figure ``text`` is (``81.6m2``), or ``None``."""
    t = " ".join(text.split())
    fig = dxf_figures.parse(t) if t else None
    return t if fig is not None and fig.kind == "area" and fig.area_m2 else None


def _part(t) -> tuple[str, str] | None:
    """What ``t`` is as part of a room tag: ``("number", text)``, ``("area", text)``,
    ``("tag", "number|area")`` (both in one text, no name) or ``None``."""
    from floorplan.io.dxf.names.roles import AREA_TAGS, ID_TAGS

    if t.tag:
        tag = t.tag.upper()
        if tag in ID_TAGS and room_number(t.text):
            return "number", t.text.strip()
        if tag in AREA_TAGS and (a := _area(t.text) or _area(t.text + " m2")) is not None:
            return "area", a
        return None
    lines = [p.strip() for p in _LINES.split(t.text) if p.strip() and p.strip() != "/"]
    if len(lines) == 1:
        if room_number(lines[0]) and _area(lines[0]) is None:
            return "number", lines[0]
        a = _area(lines[0])
        return None if a is None else ("area", a)
    if not lines or not room_number(lines[0]):
        return None
    areas = [a for a in map(_area, lines[1:]) if a is not None]
    if len(areas) == 1 and len(lines) == 2:  # a number over its area, nothing else
        return "tag", lines[0] + "|" + areas[0]
    return None


def room_tags(texts) -> list[tuple[Any, Any, str, str]]:
    """The room tags among ``texts`` (the reader's texts) that carry a room number and a
    written area and no name: (number's text, area's text, number, area). Either one text holds both
    (``229\\P81.6m2``), or a number and an area figure are written as two texts of one
    tag: in one INSERT, or within :data:`TAG_GAP` text heights of each other (each area
    with the nearest number). A bare number with no area beside it (a door's, a grid
    line's) is no room tag."""
    numbers, areas, out = [], [], []
    for t in texts:
        part = _part(t)
        if part is None:
            continue
        if part[0] == "tag":
            n, a = part[1].split("|", 1)
            out.append((t, t, n, a))
        elif part[0] == "number":
            numbers.append((t, part[1]))
        else:
            areas.append((t, part[1]))
    if not numbers or not areas:
        return out
    nxy = np.array([(t.x, t.y) for t, _ in numbers], dtype=float)
    nh = np.array([max(float(t.height or 0.0), 0.0) for t, _ in numbers], dtype=float)
    best: dict[int, tuple[float, Any, str]] = {}  # number's index: its area (distance, text, area)
    for a, text in areas:
        d = np.hypot(nxy[:, 0] - a.x, nxy[:, 1] - a.y)
        reach = TAG_GAP * np.maximum(nh, float(a.height or 0.0))
        same = np.array([bool(a.chain) and bool(n.chain) and n.chain[-1] == a.chain[-1]
                         for n, _ in numbers]) if a.chain else np.zeros(len(numbers), dtype=bool)
        ok = np.flatnonzero(((d <= reach) & (reach > 0)) | same)
        if not len(ok):
            continue
        k = int(ok[np.argmin(d[ok])])
        if k not in best or d[k] < best[k][0]:
            best[k] = (float(d[k]), a, text)
    out += [(numbers[k][0], at, numbers[k][1], a) for k, (_, at, a) in sorted(best.items())]
    return out


def tag_kinds(tags, rooms) -> dict[str, list[float]]:
    """The kinds of room tag of this drawing: for each layer, the heights of the tags'
    numbers (:func:`room_tags`) that lie in one of ``rooms`` (the rooms read); a tag of
    another height (a building's number over its gross area) is of another kind."""
    if not tags or not rooms:
        return {}
    tree = STRtree(list(rooms))
    pts = shapely.points(np.array([(t.x, t.y) for t, *_ in tags], dtype=float))
    ti, _ = tree.query(pts, predicate="within")
    kinds: dict[str, list[float]] = {}
    for k in sorted(set(ti.tolist())):
        t = tags[k][0]
        h = _height_key(t.height or 0.0)
        if h > 0 and h not in kinds.get(t.layer, []):
            kinds.setdefault(t.layer, []).append(h)
    return kinds
