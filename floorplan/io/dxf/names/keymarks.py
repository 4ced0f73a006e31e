"""Key marks: the circled ``W2``, ``D4``, ``F1`` that key a plan's windows and doors to
their schedule. They stand beside or inside the rooms, but they are no room's name and no
room's number.

A key mark is a short mark of one or two letters and a number (``W2``, ``D10``, ``WD3``,
:func:`key_shaped`) that names no use, written where a drawing writes its keys: in a
circle drawn round it (a circle holding the whole text and no wider than a few text
heights, :data:`FIT`, :data:`ROUND_TEXT`), or
on a layer of doors or windows. A room's number is written in a room, alone; a key
mark is drawn in its bubble at the window or door it keys, and the same mark is written
at every window or door of its type. A drawing that numbers its rooms ``G01``, ``G02``
writes them bare, so a letter and a number written bare stays a room's number
(:func:`~floorplan.io.dxf.names.roomnumbers.lone_numbers`).

>>> from types import SimpleNamespace as T
>>> texts = [T(uid=1, text="W2", x=0.0, y=0.0, height=0.18, layer="GF", angle=0.0),
...          T(uid=2, text="G03", x=5.0, y=0.0, height=0.18, layer="GF", angle=0.0),
...          T(uid=3, text="D1", x=9.0, y=0.0, height=0.18, layer="A-DOOR", angle=0.0),
...          T(uid=4, text="WC", x=12.0, y=0.0, height=0.18, layer="GF", angle=0.0)]
>>> circles = [((0.17, 0.09), 0.225), ((5.17, 0.09), 2.0), ((12.1, 0.09), 0.225)]
>>> sorted(key_marks(texts, circles, lambda layer: layer == "A-DOOR"))
[1, 3]
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable

import numpy as np

from floorplan.classify import classify

#: one or two letters, then a number of up to three digits, perhaps a letter after it:
#: ``W2``, ``D10``, ``WD3``, ``F4a``
_KEY = re.compile(r"^[^\W\d_]{1,2}\d{1,3}[^\W\d_]?$")
#: a circle drawn round a mark is no wider than this many of its text heights (radius):
#: a circle round two or three characters is a little more than half their width
ROUND_TEXT = 3.0
#: a circle drawn round a text holds all of it: the text's middle's distance from the
#: centre and half its diagonal come to at most this many radii (the letters' width is
#: only estimated, :data:`CHAR_WIDTH`); a circle the text only overlaps (a column's, a
#: fitting's beside a room number) is not drawn round it
FIT = 1.25
#: a character of a text is about this many of its heights wide
CHAR_WIDTH = 0.6


def key_shaped(text: str) -> bool:
    """``text`` is shaped as a key mark: one or two letters and a number, naming no use.

    >>> [key_shaped(t) for t in ("W2", "D10", "WD3", "F4 ", "WC1", "BED2", "G.01", "101", "W")]
    [True, True, True, True, False, False, False, False, False]
    """
    t = text.strip()
    return bool(_KEY.match(t)) and classify(t) is None


def _middles(t) -> list[tuple[float, float]]:
    """Where the middle of text ``t`` may be, as its point may be the corner its line
    starts from (a TEXT's), the middle of its letters or the middle of their foot."""
    h = float(t.height or 0.0)
    w = CHAR_WIDTH * h * len(t.text.strip())
    a = math.radians(float(getattr(t, "angle", 0.0) or 0.0))
    c, s = math.cos(a), math.sin(a)
    return [(t.x + w / 2 * c - h / 2 * s, t.y + w / 2 * s + h / 2 * c), (t.x, t.y),
            (t.x - h / 2 * s, t.y + h / 2 * c)]


def circled(texts: list, circles: Iterable[tuple[tuple[float, float], float]]) -> set[int]:
    """The uids of ``texts`` (collected texts) that are key-shaped (:func:`key_shaped`) and
    stand in a circle drawn round them: a circle of ``circles`` ((centre, radius)) of at
    most :data:`ROUND_TEXT` text heights that holds the whole text (:data:`FIT`)."""
    keyed = [t for t in texts if float(t.height or 0.0) > 0 and key_shaped(t.text)]
    cs = [(float(c[0]), float(c[1]), float(r)) for c, r in circles if r > 0]
    if not keyed or not cs:
        return set()
    arr = np.array(cs, dtype=float)
    arr = arr[np.argsort(arr[:, 0])]
    reach = float(arr[:, 2].max())
    out: set[int] = set()
    for t in keyed:
        h = float(t.height)
        w = CHAR_WIDTH * h * len(t.text.strip())
        lo, hi = np.searchsorted(arr[:, 0], [t.x - reach - w - h, t.x + reach + w + h])
        near = arr[lo:hi]
        near = near[near[:, 2] <= ROUND_TEXT * h]
        half = math.hypot(w, h) / 2
        if len(near) and any((np.hypot(near[:, 0] - x, near[:, 1] - y) + half
                              <= FIT * near[:, 2]).any() for x, y in _middles(t)):
            out.add(t.uid)
    return out


def key_marks(texts: list, circles, keys_layer: Callable[[str], bool]) -> set[int]:
    """The uids of ``texts`` that are key marks: key-shaped and :func:`circled` by one of
    ``circles`` ((centre, radius)), or on a layer ``keys_layer`` says draws doors or
    windows."""
    out = circled(texts, circles)
    out |= {t.uid for t in texts if t.uid not in out and keys_layer(t.layer)
            and key_shaped(t.text)}
    return out


def of_reading(rd) -> set[int]:
    """The key marks (:func:`key_marks`) among the texts the reader ``rd`` collected: the
    circles' centres and radii from their points; a text a room tag's attribute writes
    (tagged a room's name or number, or in a room-label block) or one on a layer named for
    room numbers or names (``ROOM NUMBER``) is the room's, whatever its shape; door layers
    and layers of windows or glazing key."""
    from floorplan.io.dxf.layers import says_glazing
    from floorplan.io.dxf.names.roles import ID_TAGS, NAME_TAGS

    col = rd.col
    circles = []
    for c in col.circles:
        if len(c.pts) < 3:
            continue
        lo, hi = c.pts[:, :2].min(axis=0), c.pts[:, :2].max(axis=0)
        circles.append(((float(lo[0] + hi[0]) / 2, float(lo[1] + hi[1]) / 2),
                        float((hi - lo).max()) / 2))
    from floorplan.io.dxf.text.kind import layer_says

    tags = ID_TAGS | NAME_TAGS
    texts = [t for t in col.texts if not (t.tag and t.tag.upper() in tags)
             and layer_says(t.layer) not in ("id", "name")
             and not any(rd.ins_kind.get(u) == "label" for u in t.chain)]
    return key_marks(texts, circles, lambda lay: rd.layer_kind(lay) == "door"
                     or says_glazing(lay))
