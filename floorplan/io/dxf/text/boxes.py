"""Where a text stands: a generous box round it, for texts whose alignment is not known.

>>> from types import SimpleNamespace
>>> t = SimpleNamespace(x=10.0, y=5.0, height=0.1, text="TECHO")
>>> [round(v, 3) for v in box(t)]
[9.6, 4.74, 10.4, 5.26]
"""

from __future__ import annotations

#: a character is about this wide, for its height, in the usual fonts (romans, simplex)
CHAR = 0.6
#: ... and at most this wide in wide ones (a width factor over 1, a bold block font)
WIDE_CHAR = 1.0


def box(t, char: float = CHAR) -> tuple[float, float, float, float]:
    """A generous box round text ``t`` (``x``, ``y``, ``height``, ``text``) whose alignment
    is not known: as wide as the text either side of its insertion point (``char``: a
    character's width for its height), as tall as its lines above and below."""
    h = max(t.height, 0.05)
    lines = t.text.split("\n")
    w = char * h * max(len(ln) for ln in lines) + h
    tall = h * (1.6 * len(lines)) + h
    return (t.x - w, t.y - tall, t.x + w, t.y + tall)
