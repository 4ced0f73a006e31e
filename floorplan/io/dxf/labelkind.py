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
(:func:`~floorplan.io.dxf.seeding.place_labels`, through :func:`kin_labels`), and when no
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
from collections import Counter

import numpy as np
import shapely
from shapely.strtree import STRtree

from floorplan.classify import classify
from floorplan.io.dxf import text as dxf_text

#: a text this much taller or shorter (a share of the naming labels' height) is of
#: another kind: a title, a tag's number, a legend's heading
HEIGHT_SHARE = 0.15
#: a kind of text is known to name rooms once this many labels of it name rooms: one
#: label of a layer may be a chance (a note written on the room-name layer)
MIN_NAMING = 2


def could_name(name: str) -> bool:
    """``name`` could be a room's name: words, not a figure, a room number, a door or
    window tag, a mark of the drawing or a note."""
    return (dxf_text.kind(name)[0] == "name" and not dxf_text.is_note(name)
            and not dxf_text.is_mark(name) and not dxf_text.is_code(name))


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


def is_kin(height: float, layer: str, kinds: dict[str, list[float]]) -> bool:
    """A text of ``height`` on ``layer`` is of a kind that names rooms in this drawing."""
    return any(abs(height - h) <= HEIGHT_SHARE * h for h in kinds.get(layer, ()))


def drawing_texts(rd) -> list[tuple[float, float, str, float, str]]:
    """(x, y, name, height, layer) of every text of the drawing read by ``rd`` that may
    name a room (as :func:`~floorplan.io.dxf.wallrooms.label_texts` picks them)."""
    from floorplan.io.dxf.roles import NAME_TAGS

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
    its point: :func:`~floorplan.io.dxf.written.written_areas`), in a room with an area
    written in their block (a room's tag: the Workshop whose space the walls leave open
    to its stair); none nearer than ``same`` to a label already had."""
    kinds = naming_kinds(texts, rooms)
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
    one per label: texts nearer each other than SAME_LABEL count once."""
    out: list[tuple[float, float, str]] = []
    uses: dict[str, bool] = {}  # names repeat from flat to flat: classify each once
    near: dict[tuple[int, int], list[tuple[float, float]]] = {}  # labels by cell of SAME_LABEL
    for x, y, name in texts:
        if name not in uses:
            uses[name] = classify(name) is not None
        if not uses[name] or not (math.isfinite(x) and math.isfinite(y)):
            continue
        i, j = int(x // SAME_LABEL), int(y // SAME_LABEL)
        if any(abs(x - a) < SAME_LABEL and abs(y - b) < SAME_LABEL
               for di in (-1, 0, 1) for dj in (-1, 0, 1) for a, b in near.get((i + di, j + dj), ())):
            continue
        near.setdefault((i, j), []).append((x, y))
        out.append((x, y, name))
    return out
