"""A room number that stands across a partition from the rest of its block.

Drawings that number their rooms write each room's number, name and area as one block of
lines (:mod:`~floorplan.io.dxf.names.owners`). In a washroom parted by cubicles, the block
is written in the middle of the room, and its number line may stand just across a
cubicle's partition from its name and area (Kent's Becket second floor: ``Bs07`` 2 cm
into the WC cubicle, ``Male WC`` and ``5.2 sqm`` in the lobby with the basins). Read by
where each line stands, the cubicle holds the number and nothing else, the lobby the
name and the area but no number: the cubicle is read as an unnamed room of its own, and
the lobby, named but not numbered, takes in none of its compartments.

:func:`join_number` gives such a number to the room its block's lines stand in: the
room it stands in holds nothing but that number, its block's lines (found as
:func:`~floorplan.io.dxf.names.owners.own_numbers` finds a line's number, by the
drawing's own layout) all stand in one other room, that room has no number of its own,
and no area the block states agrees with the room the number stands in (within
:data:`~floorplan.io.dxf.text.figures.FIGURE_TOLERANCE`: a cupboard's block spilling out
into the corridor, its number in the cupboard, is the cupboard's). The number's room is
then left with no text, as a compartment of a numbered room is
(:func:`~floorplan.io.dxf.names.numbered.set_aside_unnumbered`).

>>> from types import SimpleNamespace as T
>>> def txt(uid, s, x, y, layer="NO"): return T(uid=uid, text=s, x=x, y=y, height=0.25,
...                                              layer=layer)
>>> inside = {r: [txt(3 * r, f"B{r}", 10.0 * r, 4.3), txt(3 * r + 1, "Office", 10.0 * r, 3.9,
...                                                         "NAME"),
...               txt(3 * r + 2, "6 sqm", 10.0 * r, 3.5, "AREA")] for r in range(3)}
>>> inside[3] = [txt(20, "B7", 40.0, 4.3)]                          # the cubicle: its number
>>> inside[4] = [txt(21, "Male WC", 40.0, 3.9, "NAME"), txt(22, "5.2 sqm", 40.0, 3.5, "AREA")]
>>> texts = [t for ts in inside.values() for t in ts]
>>> join_number(inside, texts, lambda t: t.layer == "NO", [6, 6, 6, 1.5, 2.1], [])
1
>>> 3 in inside, [t.text for t in inside[4]]
(False, ['Male WC', '5.2 sqm', 'B7'])
"""

from __future__ import annotations

from floorplan.io.dxf.names.owners import layout, own_numbers
from floorplan.io.dxf.names.roles import stated_area
from floorplan.io.dxf.text.figures import FIGURE_TOLERANCE


def join_number(inside: dict[int, list], texts: list, is_id, areas: list[float],
                notes: list[str]) -> int:
    """Move each room number that stands apart from its block (see the module's docstring)
    into the room its block's lines stand in (``inside``: room index -> its texts, changed
    in place; ``areas``: each room's area, m²); how many moved, counted in ``notes``."""
    ids = [t for t in texts if is_id(t)]
    if len(ids) < 2:
        return 0
    side = layout(inside, is_id)
    if not side:
        return 0
    room_of = {t.uid: r for r, ts in inside.items() for t in ts}
    others = [t for ts in inside.values() for t in ts if not is_id(t)]
    own = own_numbers(others, ids, side)
    lines_of: dict[int, list] = {}
    for t in others:
        n = own.get(t.uid)
        if n is not None:
            lines_of.setdefault(n.uid, []).append(t)
    moved = 0
    for n in ids:
        here, lines = room_of.get(n.uid), lines_of.get(n.uid, [])
        homes = {room_of[t.uid] for t in lines}
        if here is None or len(homes) != 1:
            continue
        there = homes.pop()
        if there == here or any(t is not n for t in inside[here]) \
                or any(is_id(t) for t in inside[there]):
            continue
        stated = [a.area_m2 for a in (stated_area(t.text, whole=False) for t in lines)
                  if a is not None and a.area_m2]
        if any(abs(a - areas[here]) <= FIGURE_TOLERANCE * a for a in stated):
            continue  # the block states the area of the room its number stands in
        del inside[here]
        inside[there].append(n)
        room_of[n.uid] = there
        moved += 1
    if moved:
        notes.append(f"{moved} room number(s) standing across a partition from the rest of "
                     "their label (its name and area in the room beside) given to that room")
    return moved
