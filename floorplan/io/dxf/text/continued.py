"""A name written on two lines, the first ending in a word that joins (``FAMILY ROOM &`` over
``UTILITY``): one name continued, not two names.

A drafter who writes a room's name one TEXT a line breaks a long name where it fits, and a
line that ends in ``&``, ``+``, ``AND``, ``/`` or ``-`` says the name goes on: read apart, the
two lines were two labels of different uses in one space, and the room was named
``FAMILY ROOM & / UTILITY`` and doubted as "several rooms read as one?". Two lines that
each end in a word (``BEDROOM`` over ``STUDY``) are left as they are: they may be two
names. :func:`join` finds the pairs, before anything reads the texts as labels.

>>> ends_continued("FAMILY ROOM &"), ends_continued("BED AND"), ends_continued("Hall")
(True, True, False)
>>> ends_continued("&"), ends_continued("BAND")
(False, False)
>>> joined("FAMILY ROOM &", "UTILITY"), joined("BATH-", "ROOM"), joined("LIVING /", "DINING")
('FAMILY ROOM & UTILITY', 'BATH-ROOM', 'LIVING / DINING')
"""

from __future__ import annotations

import math
import re
from typing import Any

from floorplan.io.dxf.text import kind as dxf_text

#: the marks that, ending a line, carry the name on to the next: a symbol, or the word AND
_CONTINUED = re.compile(r"(?:[&+/\-]|(?<![^\W\d_])and)$", re.IGNORECASE)
#: the next line stands below the first by at most this many text heights (the taller's),
#: baseline to baseline, as a label's lines do (names/labels.LABEL_GAP)
LINE_GAP = 2.2
#: its start lies within the first line's width, widened by this many text heights either side
#: (left-aligned lines start together, centred ones share a middle)
ALONG = 2.0
#: the two lines are written about as tall: the taller at most this many times the shorter
SAME_HEIGHT = 1.25
#: and run the same way, within this many degrees
SAME_WAY = 5.0
#: a letter's width as a share of the text's height, for a line's width
CHAR = 0.6


def ends_continued(text: str) -> bool:
    """``text`` ends in a mark that carries a name on to the next line, after a word."""
    t = " ".join(text.split())
    m = _CONTINUED.search(t)
    return m is not None and any(c.isalpha() for c in t[:m.start()])


def joined(first: str, second: str) -> str:
    """The name of ``first`` continued by ``second``: a hyphen or slash written against
    its word joins without a space (``BATH-`` ``ROOM``), any other mark with one."""
    a, b = " ".join(first.split()), " ".join(second.split())
    glued = a[-1] in "-/" and len(a) > 1 and a[-2].isalpha()
    return a + b if glued else f"{a} {b}"


def _frame(t) -> tuple[float, float]:
    """The line's direction as a unit vector."""
    r = math.radians(getattr(t, "angle", 0.0) or 0.0)
    return math.cos(r), math.sin(r)


def _next_line(first, texts) -> int | None:
    """The index in ``texts`` of the line that continues ``first``: below it within
    :data:`LINE_GAP` heights, starting within its width (:data:`ALONG`), as tall, running
    the same way, on its layer and in its block; the nearest such, else ``None``."""
    ux, uy = _frame(first)
    h0 = max(float(first.height or 0.0), 0.0)
    if h0 <= 0:
        return None
    width = CHAR * h0 * len(first.text.strip())
    best, best_d = None, math.inf
    for k, t in enumerate(texts):
        if t is first or t.layer != first.layer or t.chain != first.chain or t.tag is not None:
            continue
        h = max(float(t.height or 0.0), 0.0)
        if h <= 0 or max(h, h0) > SAME_HEIGHT * min(h, h0):
            continue
        turn = abs((getattr(t, "angle", 0.0) or 0.0) - (getattr(first, "angle", 0.0) or 0.0)) % 360
        if min(turn, 360 - turn) > SAME_WAY:
            continue
        dx, dy = t.x - first.x, t.y - first.y
        along, down = dx * ux + dy * uy, dx * uy - dy * ux  # down: below the first line
        if not (0 < down <= LINE_GAP * max(h, h0)):
            continue
        if not (-ALONG * h0 <= along <= width + ALONG * h0):
            continue
        if down < best_d:
            best, best_d = k, down
    return best


def join(texts: list) -> list[tuple[Any, Any]]:
    """Join, in place, each text of ``texts`` (the reader's :class:`~.collect.prims.Text`)
    whose name ends continued (:func:`ends_continued`) with the line under it
    (:func:`_next_line`) that says a word (not a figure): the first takes the whole name
    and stands where the second did, and the second is taken out of ``texts``. Returns the
    pairs joined, (first, second)."""
    pairs: list[tuple[Any, Any]] = []
    gone: set[int] = set()
    firsts = [t for t in texts if t.tag is None and ends_continued(t.text)]
    if not firsts:
        return pairs
    plain = [t for t in texts if t.tag is None]
    for first in firsts:
        while id(first) not in gone and ends_continued(first.text):
            left = [t for t in plain if id(t) not in gone]
            k = _next_line(first, left)
            if k is None or dxf_text.kind(" ".join(left[k].text.split()))[0] != "name":
                break
            second = left[k]
            # the name stands where its last line does: a third line under it (``POND &``
            # / ``LIVING`` / ``BELOW.``) is still the next line of one label, and a name
            # that goes on again (``A &`` / ``B &`` / ``C``) is joined once more
            first.text = joined(first.text, second.text)
            first.x, first.y = second.x, second.y
            gone.add(id(second))
            pairs.append((first, second))
    if gone:
        texts[:] = [t for t in texts if id(t) not in gone]
    return pairs
