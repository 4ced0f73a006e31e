"""Linework that belongs to a text: an underline, a tick under a note. No wall.

A drawing whose walls lie on a layer that says nothing often draws its notes' underlines
on the same layer ('TECHO DE CALAMINA / EN MAL ESTADO' underlined in each room of an old
survey, a room name with a rule under it). Such a line touches no wall, and closing the
gaps in the walls (:mod:`~floorplan.io.dxf.walls.closing`) bridges its free ends to the
nearest wall: the room is parted into pieces named by the note, and lost.

A primitive of the wall linework is a text's (:func:`text_lines`) when every one of its
vertices lies in the generous box of one text (:func:`~floorplan.io.dxf.text.boxes.box`
in a wide font: as wide as the text either side of its insertion point, as tall as its
lines above and below), its longest side runs level along the text (:data:`LEVEL`) for
most of its length (:data:`MOST`: an underline with a tick at its end, not a wall's face
that a big label's box happens to hold), it is no longer than the text is wide (:data:`SPAN`
of its box), and it touches no other line of the linework (within
:data:`~floorplan.io.dxf.walls.linework.TOUCH`). A wall joins other walls; an underline
stands on its own by its text.

>>> import numpy as np
>>> from types import SimpleNamespace
>>> note = SimpleNamespace(x=2068.565, y=1147.414, height=0.099, text="TECHO DE CALAMINA")
>>> underline = np.array([(2069.057, 1147.392), (2070.067, 1147.392), (2070.067, 1147.652)])
>>> wall = np.array([(2068.2, 1146.55), (2068.2, 1148.5), (2070.45, 1148.5)])
>>> text_lines([underline, wall], [note])
[0]
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.strtree import STRtree

from floorplan.io.dxf.text.boxes import WIDE_CHAR
from floorplan.io.dxf.text.boxes import box as text_box
from floorplan.io.dxf.walls.linework import TOUCH

#: a text's line is at most this share of the width of its text's box (the box stands
#: the text's width either side of its insertion point: half of it is the text's width)
SPAN = 0.5
#: an underline is level within this sine of its angle
LEVEL = 0.05
#: ... and its level side is at least this share of its length (the rest a tick)
MOST = 0.6


def text_lines(lines: list[np.ndarray], texts: list) -> list[int]:
    """The indices of ``lines`` ((n, 2) arrays, metres) that belong to one of ``texts``
    (see the module's docstring)."""
    if not lines or not texts:
        return []
    boxes = np.array([text_box(t, WIDE_CHAR) for t in texts])
    tree = STRtree(shapely.box(*boxes.T))
    geoms = np.asarray([shapely.linestrings(ln[:, :2]) if len(ln) >= 2 else shapely.points(ln[0, :2])
                        for ln in lines], dtype=object)
    cand = []
    for k, ln in enumerate(lines):
        pts = ln[:, :2]
        if len(pts) < 2 or not _runs_along(pts):
            continue
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        for j in tree.query(shapely.box(*lo, *hi), predicate="within").tolist():
            b = boxes[j]
            if float(np.hypot(*(hi - lo))) <= SPAN * (b[2] - b[0]):
                cand.append(k)
                break
    if not cand:
        return []
    every = STRtree(geoms)
    out = []
    for k in cand:
        near = every.query(geoms[k], predicate="dwithin", distance=TOUCH)
        if not any(int(j) != k for j in near):
            out.append(k)
    return out


def _runs_along(pts: np.ndarray) -> bool:
    """The line's longest side runs along a text's baseline (level: a text's rotation is
    not read, and most notes are level) and is most of its length: an underline, with at
    most a tick at its end, not a wall's face that a big label's box happens to hold."""
    d = np.diff(pts, axis=0)
    lens = np.hypot(d[:, 0], d[:, 1])
    if not len(lens) or lens.max() <= 0:
        return False
    k = int(np.argmax(lens))
    return abs(float(d[k, 1])) <= LEVEL * lens[k] and lens[k] >= MOST * lens.sum()


def leave_text_lines(rd, lines: list) -> list:
    """``lines`` (the wall linework's primitives) less the lines of the drawing's texts
    (:func:`text_lines`), said in a note."""
    texts = [t for t in rd.col.texts if t.text.strip() and rd.usable_text(t)]
    drop = set(text_lines([p.pts for p in lines], texts))
    if not drop:
        return lines
    rd.notes.append(f"{len(drop)} line(s) that underline or mark a text, touching no wall, "
                    "not read as walls")
    return [p for k, p in enumerate(lines) if k not in drop]
