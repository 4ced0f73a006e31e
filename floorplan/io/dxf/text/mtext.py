"""MTEXT content read as a careful reader reads it: stacked text (``m\\S2^;``, AutoCAD's
m²; fractions) first, then ezdxf's plain text; where the written lines stand when
blank paragraphs push them off the insertion point; and a point on the words' ink.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

#: an MTEXT stack: ``\S2^ ;`` (a superscript, as AutoCAD writes m²), ``\S1/2;`` (a fraction)
_STACK = re.compile(r"\\S([^;\\]*?)([\^/#])([^;\\]*);")


def _unstack(m: re.Match) -> str:
    top, sep, bottom = m.group(1).strip(), m.group(2), m.group(3).strip()
    if sep == "^":
        return top + bottom  # m\S2^; is m2, m\S^2; too
    return f" {top}/{bottom}"  # 2\S1/2; is 2 1/2


@lru_cache(maxsize=1 << 16)  # names and areas repeat from flat to flat: read each once
def mtext_plain(raw: str) -> str:
    r"""The plain text of MTEXT content ``raw``: ezdxf's reading, with stacked text read
    first (ezdxf gives ``28.51 m2^`` for ``28.51 m{\H0.7x;\S2^ ;}``, AutoCAD's m²).

    >>> mtext_plain(r"28.51 m{\H0.7x;\S2^ ;}"), mtext_plain(r"12.5 m\S^2;")
    ('28.51 m2', '12.5 m2')
    >>> mtext_plain(r"BED 1\P14'-2\S1/2;'' x 12'")
    "BED 1\n14'-2 1/2'' x 12'"
    """
    from ezdxf.tools.text import plain_mtext

    if "\\S" in raw:
        raw = _STACK.sub(_unstack, raw)
    return str(plain_mtext(raw, split=False))


#: MTEXT lines are this many character heights apart at a line spacing factor of 1
MTEXT_LINE = 5 / 3


def mtext_anchor(x: float, y: float, height: float, attachment: int, spacing: float,
                 rotation_deg: float, plain: str) -> tuple[float, float]:
    r"""Where an MTEXT's words are drawn, for one whose paragraphs include blank ones
    (``\P\P\POffice``, the Kent estate plans' room names): the insertion point moved as
    far as the blank lines push the written lines from it, given its ``attachment`` (1-9:
    top, middle, bottom rows) and line ``spacing`` factor, along its rotation. A text with
    no blank line keeps its insertion point.

    >>> mtext_anchor(0, 0, 100, 5, 1.0, 0, "\n\n\nOffice")  # 4 lines about y = 0
    (0.0, -250.0)
    >>> [round(v, 2) for v in mtext_anchor(0, 0, 100, 1, 1.0, 0, "\nOffice")]  # top: 1 line down
    [0.0, -166.67]
    >>> mtext_anchor(5, 5, 100, 7, 1.0, 0, "Office")  # no blank line
    (5, 5)
    >>> [round(v, 2) + 0 for v in mtext_anchor(0, 0, 100, 9, 1.0, 90, "Bg01\n")]  # turned 90°
    [-166.67, 0.0]
    """
    lines = plain.split("\n")
    full = [k for k, ln in enumerate(lines) if ln.strip()]
    if not full or len(full) == len(lines):
        return x, y
    n, i0, i1 = len(lines), full[0], full[-1]
    row = (max(1, min(9, int(attachment or 1))) - 1) // 3  # 0 top, 1 middle, 2 bottom
    lines_down = i0 if row == 0 else (i0 + i1) / 2 - (n - 1) / 2 if row == 1 else i1 - (n - 1)
    d = lines_down * MTEXT_LINE * height * (spacing or 1.0)
    a = math.radians(rotation_deg or 0.0)
    return x + d * math.sin(a), y - d * math.cos(a)


def into_ink(x: float, y: float, height: float, attachment: int,
             rotation_deg: float) -> tuple[float, float]:
    """A point on an MTEXT's ink, from its (written lines') anchor ``x, y``: half a
    character ``height`` into the first character its ``attachment`` (1-9) pins. An MTEXT
    attached at its top left corner (the default) hangs below and to the right of its
    insertion point, so that point lies on the edge of the text's box, often on the
    wall face of the room the words are written in (floor2's '房间编号：224 ...', inserted
    on its room's top face): the middle of its first character lies in the room.

    >>> into_ink(0, 0, 100, 1, 0)  # top left: right and down
    (50.0, -50.0)
    >>> into_ink(0, 0, 100, 5, 0)  # middle centre: the anchor is on the ink
    (0, 0)
    >>> [round(v, 6) + 0 for v in into_ink(0, 0, 100, 9, 90)]  # bottom right, turned 90°
    [-50.0, -50.0]
    """
    if not height or height <= 0:
        return x, y
    row, col = divmod(max(1, min(9, int(attachment or 1))) - 1, 3)
    dx = height / 2 if col == 0 else -height / 2 if col == 2 else 0.0
    dy = -height / 2 if row == 0 else height / 2 if row == 2 else 0.0
    if not dx and not dy:
        return x, y
    a = math.radians(rotation_deg or 0.0)
    return x + dx * math.cos(a) - dy * math.sin(a), y + dx * math.sin(a) + dy * math.cos(a)
