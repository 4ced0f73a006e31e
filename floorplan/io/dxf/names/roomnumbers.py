"""The texts that number a drawing's rooms: ``G01-02``, ``G03``, ``G04`` written alone in
the rooms of an office floor, ``229`` in a flat's. A room the drawing numbers but does not
name is a room all the same: its number tells the reader where a room should be
(:func:`~floorplan.io.dxf.account.lost_labels` says it when it lies in no room read, and
:func:`~floorplan.io.dxf.rooms.sourcechoice.drawing_labels` counts it among the labels the
walls must place). A number alone is a room's when it is of a kind (layer and height) that
writes a series of them, clear of the doors (a door's number stands at its door), and
stands alone (:func:`alone`: a number written beside a room's name is that name's tag, and
the name is the label).
"""

from __future__ import annotations

import numpy as np

from floorplan.io.dxf.names import labelkind

#: a drawing's room numbers stand clear of its doors: a kind of number most of whose
#: texts stand this close (m) to a door symbol numbers the doors
DOOR_NUMBER_REACH = 1.0


def number_kinds(texts, doors: np.ndarray) -> dict[str, list[float]]:
    """The kinds of text (layer, height) that number the rooms of a drawing: texts that are
    room numbers and nothing else (``G03``, ``229``, ``Bs07``:
    :func:`~floorplan.io.dxf.names.labelkind.room_number`), at least
    :data:`~floorplan.io.dxf.names.labelkind.MIN_SERIES` distinct ones on one layer at one
    height, most of them further than :data:`DOOR_NUMBER_REACH` from every door symbol
    (``doors``, (n, 2) points): a drawing's door numbers stand at its doors. ``texts``:
    (x, y, name, height, layer).

    >>> t = [(4.0 * k, 2.0, f"G0{k}", 0.25, "TEXT") for k in range(1, 4)]
    >>> t += [(4.0 * k, 0.2, f"D0{k}", 0.25, "TEXT") for k in range(1, 4)]
    >>> number_kinds(t, np.array([(4.0 * k, 0.0) for k in range(1, 4)]))
    {'TEXT': [0.25]}
    >>> number_kinds(t[3:], np.array([(4.0 * k, 0.0) for k in range(1, 4)]))
    {}
    """
    groups: dict[tuple[str, float], list[tuple[float, float, str]]] = {}
    for x, y, name, h, layer in texts:
        if h > 0 and labelkind.room_number(str(name)):
            groups.setdefault((layer, round(float(h), 4)), []).append((x, y, str(name).strip()))
    kinds: dict[str, list[float]] = {}
    for (layer, h), members in sorted(groups.items()):
        if len({n.casefold() for _, _, n in members}) < labelkind.MIN_SERIES:
            continue
        if len(doors):
            pts = np.array([(x, y) for x, y, _ in members], dtype=float)
            near = np.hypot(pts[:, None, 0] - doors[None, :, 0],
                            pts[:, None, 1] - doors[None, :, 1]).min(axis=1) <= DOOR_NUMBER_REACH
            if 2 * int(near.sum()) > len(members):
                continue  # door numbers
        kinds.setdefault(layer, []).append(h)
    return kinds


def alone(texts, kinds: dict[str, list[float]]) -> list[int]:
    """The indices of ``texts`` ((x, y, name, height, layer)) that are room numbers of one
    of ``kinds`` (:func:`number_kinds`) with no other text within
    :data:`~floorplan.io.dxf.names.labelkind.TAG_GAP` of their heights: a number alone in
    its room, not a name's tag.

    >>> t = [(0.0, 0.0, "G03", 0.25, "T"), (5.0, 0.0, "G04", 0.25, "T"),
    ...      (5.0, 0.4, "Office", 0.25, "T")]
    >>> alone(t, {"T": [0.25]})
    [0]
    """
    if not texts or not kinds:
        return []
    xy = np.array([(t[0], t[1]) for t in texts], dtype=float)
    out = []
    for k, (x, y, name, h, layer) in enumerate(texts):
        if not (labelkind.room_number(str(name)) and labelkind.is_kin(h, layer, kinds)):
            continue
        reach = labelkind.TAG_GAP * float(h)
        d = np.hypot(xy[:, 0] - x, xy[:, 1] - y)
        d[k] = np.inf
        if not (d <= reach).any():
            out.append(k)
    return out


def lone_numbers(texts, doors: np.ndarray) -> set[int]:
    """The uids of the text objects ``texts`` (collected texts: ``x``, ``y``, ``text``,
    ``height``, ``layer``, ``uid``) that number a room alone (:func:`alone`, of a kind
    :func:`number_kinds` finds): ``G03`` written by itself in its room is that room's number,
    though a letter and two digits also write a sheet's or a detail's reference (``A6``), which
    a drawing writes once or twice, not as a series of its rooms.

    >>> from types import SimpleNamespace as T
    >>> ts = [T(x=4.0 * k, y=2.0, text=f"G0{k}", height=0.25, layer="TEXT", uid=k) for k in (1, 2, 3)]
    >>> ts.append(T(x=20.0, y=2.0, text="A6", height=0.25, layer="NOTES", uid=9))
    >>> sorted(lone_numbers(ts, np.zeros((0, 2))))
    [1, 2, 3]
    """
    rows = [(t.x, t.y, str(t.text).strip(), t.height or 0.0, t.layer) for t in texts]
    kinds = number_kinds(rows, doors)
    return {texts[k].uid for k in alone(rows, kinds)} if kinds else set()
