"""Outlines or wall linework: which source a drawing's rooms are taken from, when its closed
outlines lie on layers that do not say room (:func:`~floorplan.io.dxf.rooms.spaces.find`).

A closed polyline on a layer that says nothing may be a room's outline, but it may as well
be a wall face drawn closed among the open wall lines of the same layer, a partition's
body, or a finish laid over the plan (a sheet of flooring across a wall). Its presence
alone says nothing of what the rest of the linework encloses. So both are read, and the
source kept is the one that accounts for more of the drawing's own evidence for rooms
(:func:`evidence`): the name texts that stand in a room (a room counted once), the
written area figures that agree with the room they stand in (within
:data:`~floorplan.io.dxf.text.figures.FIGURE_TOLERANCE`), and the door symbols at a room's
edge. The outlines are kept on a tie: with no evidence either way, nothing speaks against
them. When the outlines already account for every name, written area and door there is,
no reading can account for more, and the linework is not read at all. When the outlines
are kept without accounting for all of it (on a tie, or with no evidence at all), the rooms
the linework encloses clear of them are kept beside them (:func:`beside_outlines`).

The linework is read whole, and once without each layer that holds the outlines (when
other linework remains): a layer that holds a finish's outlines (a flooring layout drawn
over the walls) draws no walls, and its edges cut the rooms; the evidence tells which
reading is the plan's. In the linework, an unlabelled space narrower than a corridor
(:data:`WALL_PIECE_WIDTH`) that lies against another room along a drawn line, with no
wall between them, is a piece of a thick wall's band between the lines that mark its
openings, not a room (:func:`wall_pieces`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import shapely
from shapely.geometry import Polygon

from floorplan.io.dxf.names import labelkind
from floorplan.io.dxf.names.roomnumbers import alone, number_kinds
from floorplan.io.dxf.rooms.outlines import FALLBACK_MAX_AREA
from floorplan.io.dxf.rooms.wallpieces import WALL_PIECE_WIDTH, wall_pieces
from floorplan.io.dxf.rooms.wallrooms import area_figures, door_points, label_texts, wall_rooms_of
from floorplan.io.dxf.text import figures as dxf_figures
from floorplan.io.dxf.walls.pinch import MIN_AREA

#: a door symbol stands at a room's edge when it lies within this of it (metres)
DOOR_REACH = 0.6
#: the walls are looked for on layers that say nothing when at least this many room
#: labels stand in the drawing and most of them lie in no room the wall layers enclose
MIN_LABELS = 3
#: at most this many layers that say nothing are tried as walls so (those with most lines)
MAX_TRIED = 6
#: a room in the wall linework lies clear of the outlines when at most this share of its
#: area lies in one (they touch along a shared wall face, or overlap by a line's width)
CLEAR_SHARE = 0.05


def evidence(polys: list[Polygon], names: list, figs: list, doors: np.ndarray) -> int:
    """How much of the drawing's evidence the rooms ``polys`` account for: the rooms that
    hold a name text, the area figures that agree with the room they stand in, the door
    symbols within :data:`DOOR_REACH` of a room."""
    if not polys:
        return 0
    arr = np.asarray(polys, dtype=object)
    tree = shapely.STRtree(arr)
    score = 0
    if names:
        pts = shapely.points(np.array([(x, y) for x, y, *_ in names], dtype=float))
        score += len(set(tree.query(pts, predicate="within")[1].tolist()))
    for x, y, fig in figs:
        hit = tree.query(shapely.Point(x, y), predicate="within").tolist()
        if hit and any(dxf_figures.mismatch(fig, polys[k]) is None for k in hit):
            score += 1
    if len(doors):
        ti, _ = tree.query(shapely.points(doors), predicate="dwithin", distance=DOOR_REACH)
        score += len(set(ti.tolist()))
    return score


@dataclass
class _After:
    """A trial reading's result and the reader's state it left, put back by :func:`_again`
    when that reading is the one kept, instead of reading the walls a second time."""

    out: Any
    notes: list
    findings: list
    state: dict
    used: set


def _trial(rd, read: Callable[[], Any], keep: Callable[[Any], bool] | None = None,
           after: list[_After] | None = None) -> Any:
    """``read()`` with the reader's state put back as it was after it, unless ``keep``
    says the result is kept (then the state is the reading's: no second reading);
    ``after`` gets the reading's result and the state it left (:func:`_again`)."""
    n_notes, n_found = len(rd.notes), len(rd.findings)
    saved, used = dict(rd.__dict__), set(rd.used)
    out = None
    try:
        out = read()
        if after is not None:
            after.append(_After(out, rd.notes[n_notes:], rd.findings[n_found:],
                                dict(rd.__dict__), set(rd.used)))
        return out
    finally:
        if keep is None or out is None or not keep(out):
            del rd.notes[n_notes:], rd.findings[n_found:]
            rd.__dict__.clear()
            rd.__dict__.update(saved)
            rd.used.clear()
            rd.used.update(used)


def _again(rd, kept: _After) -> Any:
    """The trial reading ``kept`` made again: its result, and the reader's state as that
    reading left it (the trials since put back what they changed)."""
    notes, findings, used = rd.notes, rd.findings, rd.used
    rd.__dict__.clear()
    rd.__dict__.update(kept.state)
    rd.notes, rd.findings, rd.used = notes, findings, used
    notes += kept.notes
    findings += kept.findings
    used.clear()
    used.update(kept.used)
    return kept.out


def _reading(rd, fittings: list[Polygon], leave: str | None, names: list, figs: list,
             unnamed: frozenset[str] = frozenset()) -> list:
    """The rooms in the wall linework, ``leave``'s linework left out, wall pieces dropped;
    ``unnamed``: layers that say nothing whose linework is read as walls too."""
    rd.left_layers = {leave} if leave else set()
    rd.with_unnamed = rd.walls_extra = unnamed  # (walls_extra: for the image's linework)
    try:
        found = wall_rooms_of(rd, fittings)
    finally:
        rd.left_layers = set()
        rd.with_unnamed = frozenset()
    gone = set(wall_pieces(found, names, figs, rd.__dict__.get("door_seals")))
    if gone:
        rd.notes.append(f"{len(gone)} space(s) in the wall linework narrower than "
                        f"{WALL_PIECE_WIDTH} m, against a room with no wall between them, "
                        "unlabelled: pieces of a wall's band, not rooms")
    return [w for k, w in enumerate(found) if k not in gone]


def placed(polys: list[Polygon], labels: list) -> int:
    """How many of the room labels ``labels`` ((x, y, name) or (x, y, name, kind), kind
    ``"number"`` for a room number written alone) lie in one of ``polys``; two room numbers
    in one space place neither (two offices numbered in the space their lost partition
    would part), where two names may name one room (``Kitchen``, ``Dining``)."""
    if not polys or not labels:
        return 0
    tree = shapely.STRtree(np.asarray(polys, dtype=object))
    pts = shapely.points(np.array([(x, y) for x, y, *_ in labels], dtype=float))
    li, ri = tree.query(pts, predicate="within")
    numbers = Counter(r for k, r in zip(li.tolist(), ri.tolist(), strict=True)
                      if labels[k][3:] == ("number",))
    return len({k for k, r in zip(li.tolist(), ri.tolist(), strict=True)
                if labels[k][3:] != ("number",) or numbers[r] == 1})


def drawing_labels(rd) -> list[tuple[float, float, str]]:
    """The drawing's room labels, known before any room is: names that say a room use,
    the texts of a numbered series (``AMBIENTE 1`` ... ``AMBIENTE 20``,
    :func:`~floorplan.io.dxf.names.labelkind.series_kinds`) that could name a room, and
    the room numbers written alone of a kind that numbers rooms (``G03``,
    :func:`~floorplan.io.dxf.names.roomnumbers.alone`: (x, y, number, "number"))."""
    texts = labelkind.drawing_texts(rd)
    kinds = labelkind.series_kinds(texts)
    out: list = [(x, y, n) for x, y, n, h, lay in texts if labelkind.says_use(n)
                 or (labelkind.is_kin(h, lay, kinds) and labelkind.could_name(n))]
    numbers = alone(texts, number_kinds(texts, door_points(rd)))
    return out + [(*texts[k][:3], "number") for k in numbers]


def _unplaced(rd, polys: list[Polygon]) -> list[str]:
    """The layers that say nothing (the :data:`MAX_TRIED` holding most lines) whose
    linework may be the walls, when the drawing's room labels (at least
    :data:`MIN_LABELS`, :func:`drawing_labels`) mostly lie in none of ``polys`` while
    its other walls are on layers that say wall (a surveyor's pen layers, ``Pluma 8``),
    and whose linework may part rooms (:func:`_may_part`); else none."""
    labels = drawing_labels(rd)
    if len(labels) < MIN_LABELS or 2 * placed(polys, labels) >= len(labels):
        return []
    count: dict[str | None, int] = {}
    walls: list[np.ndarray] = []
    drawn: dict[str, list[np.ndarray]] = {}
    for p in rd.col.opens + rd.col.loops:
        if not rd.blocked(p):
            kind = rd.layer_kind(p.layer)
            key = p.layer if kind is None else ("" if kind == "wall" else None)
            count[key] = count.get(key, 0) + 1
            if len(p.pts) >= 2 and kind in (None, "wall"):
                (walls if kind == "wall" else drawn.setdefault(p.layer, [])).append(p.pts[:, :2])
    if "" not in count:  # no wall layer: the linework on unnamed layers is read already
        return []
    layers = sorted((n, lay) for lay, n in count.items() if lay and _may_part(drawn[lay], walls))
    return [lay for n, lay in sorted(layers, reverse=True)[:MAX_TRIED]]


#: a line ends on the walls when its end lies this close (metres) to a wall line
MEETS = 0.05


def _strings(lines: list[np.ndarray]) -> np.ndarray:
    index = np.repeat(np.arange(len(lines)), [len(w) for w in lines])
    return np.asarray(shapely.linestrings(np.vstack(lines), indices=index), dtype=object)


def _may_part(lines: list[np.ndarray], walls: list[np.ndarray]) -> bool:
    """The linework ``lines`` of a layer that says nothing may be walls that part rooms:
    a line of it ends on a wall line (within :data:`MEETS`), or it encloses a face of a
    room's size by itself (:data:`~floorplan.io.dxf.walls.pinch.MIN_AREA`: a pen layer
    holding all the walls). The boxes round a drawing's room numbers, a legend's frame or
    a lone line do neither: reading them as walls is a reading wasted."""
    ends = np.vstack([np.asarray(ln[[0, -1]], dtype=float) for ln in lines])
    if walls:
        hit = shapely.STRtree(_strings(walls)).query(shapely.points(ends), predicate="dwithin",
                                                     distance=MEETS)
        if len(hit[0]):
            return True
    noded = shapely.union_all(_strings(lines))
    faces = shapely.polygonize(list(getattr(noded, "geoms", [noded]))).geoms
    return any(f.area >= MIN_AREA for f in faces)


def _widest(rd, fittings: list[Polygon], polys: list[Polygon], names: list, figs: list,
            doors: np.ndarray) -> tuple[int, frozenset[str], _After | None]:
    """The best reading of the walls with one of the layers :func:`_unplaced` names read as
    walls too, among those that put at least half the room labels in rooms of their own
    (each room counted once): (its evidence, with the room labels counted once a room,
    the layer, and that reading for :func:`_again`)."""
    labels = drawing_labels(rd)
    best, which = evidence(polys, labels, figs, doors), frozenset[str]()
    kept = None
    for layer in _unplaced(rd, polys):
        extra = frozenset({layer})
        after: list[_After] = []
        found = _trial(rd, partial(_reading, rd, fittings, None, names, figs, extra),
                       after=after)
        got = evidence([w.polygon for w in found], labels, figs, doors)
        # the labels in rooms of their own, most of them: not a sheet's frame drawn round
        # them all (an electrical sheet's labels in one 'room' on layer 'frame')
        if got > best and 2 * evidence([w.polygon for w in found], labels, [], _NO_DOORS) >= len(labels):
            best, which, kept = got, extra, after[0]
    return best, which, kept


_NO_DOORS = np.zeros((0, 2))


def widened(rd, found: list, fittings: list[Polygon]) -> list | None:
    """The rooms in the wall linework read with the linework of one layer that says
    nothing as walls too, when the rooms ``found`` in the wall layers leave most room
    labels out (:func:`_unplaced`) and that reading accounts for more of the drawing's
    evidence; ``None`` to keep ``found``. The reader's state is that of the reading kept."""
    polys = [w.polygon for w in found]
    names, figs, doors = label_texts(rd), area_figures(rd), door_points(rd)
    _, which, kept = _widest(rd, fittings, polys, names, figs, doors)
    if not which or kept is None:
        return None
    out = _again(rd, kept)
    rd.notes.append(_wide_note(rd, polys, which))
    return out


def _wide_note(rd, polys: list[Polygon], which: frozenset[str]) -> str:
    labels = drawing_labels(rd)
    return (f"the rooms the wall layers enclose hold {placed(polys, labels)} of the drawing's "
            f"{len(labels)} room labels: the linework on layer {', '.join(sorted(which))}, "
            "which says nothing, read as walls too (it accounts for more of the drawing's "
            "room evidence)")


def linework_rooms(rd, cands: list, fittings: list[Polygon]) -> tuple[list, str | None] | None:
    """The wall rooms (and the layer left out of the walls, or ``None``) when they account
    for more evidence than the outlines ``cands``; ``None`` to keep the outlines. The
    reader's state is that of the reading kept."""
    names = label_texts(rd)
    figs = area_figures(rd)
    doors = door_points(rd)
    base = evidence([c.polygon for c in cands], names, figs, doors)
    if base >= len(names) + len(figs) + len(doors):
        return None  # the outlines account for all of it: no reading can account for more
    drawn = {p.layer for p in rd.col.opens + rd.col.loops if rd.layer_kind(p.layer) is None}
    leaves: list[str | None] = [None] + sorted(
        {c.layer for c in cands if drawn - {c.layer}})
    best, best_leave, best_polys = base, None, [c.polygon for c in cands]
    best_kept = None
    for leave in leaves:
        after: list[_After] = []
        found = _trial(rd, partial(_reading, rd, fittings, leave, names, figs), after=after)
        got = evidence([w.polygon for w in found], names, figs, doors)
        if got > best:
            best, best_leave, best_polys, best_kept = got, leave, [w.polygon for w in found], after[0]
    # the readings so far leave the labels out: the walls may be on a layer that says
    # nothing; outlines holding none of the labels do not beat a reading that places them
    labelled, which, kept = _widest(rd, fittings, best_polys, names, figs, doors)
    if which and kept is not None:
        found = _again(rd, kept)
        rd.notes.append(_wide_note(rd, best_polys, which))
        return found, None
    if best <= base or best_kept is None:
        return None
    found = _again(rd, best_kept)
    rd.notes.append(f"{len(cands)} closed outline(s) on layers that do not say room account for "
                    f"{base} of the drawing's room evidence (names, written areas, doors), the "
                    f"rooms in the wall linework for {best}: the linework read"
                    + (f", its layer {best_leave} left out (it draws no walls)" if best_leave else ""))
    return found, best_leave


def beside_outlines(rd, cands: list, fittings: list[Polygon], *, authored: bool = False) -> list:
    """The rooms in the wall linework that lie clear of every outline ``cands`` (at most
    :data:`CLEAR_SHARE` of each in one), when the outlines are kept over the linework: a
    closed outline on a layer that says nothing is one space, and says nothing of what the
    rest of the linework encloses (an upper floor's stair hall drawn closed among the line
    pairs of its rooms' walls). None when the linework encloses nothing beside them, or
    when the outlines account for all the drawing's evidence for rooms (there is some, and
    every name, written area and door is theirs: the outlines are the plan). ``authored``:
    the outlines are on room layers, the author's rooms; of the linework's rooms only those
    round a room label that lies in no outline are kept (a pantry the author never outlined,
    its walls drawn), and the linework is read only when there is such a label. The
    reader's state is that of the reading when some are kept."""
    names, figs, doors = label_texts(rd), area_figures(rd), door_points(rd)
    if authored:
        loose = _loose(drawing_labels(rd), cands)
        if not loose:
            return []
    else:
        total = len(names) + len(figs) + len(doors)
        if total and evidence([c.polygon for c in cands], names, figs, doors) >= total:
            return []

    def pick(found: list) -> list:
        return _holding(_clear(found, cands), loose) if authored else _clear(found, cands)

    found = _trial(rd, partial(_reading, rd, fittings, None, names, figs),
                   keep=lambda f: bool(pick(f)))
    out = pick(found)
    if not out:
        return []
    rd.notes.append(f"{len(out)} room(s) the wall linework encloses round room labels that lie "
                    f"in none of the {len(cands)} room outline(s), read beside them" if authored
                    else f"{len(cands)} closed outline(s) on layers that do not say room read "
                    f"as rooms, and {len(out)} room(s) the wall linework encloses clear of them")
    return out


def _loose(labels: list, cands: list) -> list:
    """The room labels (x, y, ...) that lie in none of the outlines ``cands``."""
    if not labels or not cands:
        return labels
    tree = shapely.STRtree(np.asarray([c.polygon for c in cands], dtype=object))
    pts = shapely.points(np.array([(x, y) for x, y, *_ in labels], dtype=float))
    inside = set(tree.query(pts, predicate="within")[0].tolist())
    return [lab for k, lab in enumerate(labels) if k not in inside]


def _holding(found: list, labels: list) -> list:
    """The rooms of ``found`` that hold one of the ``labels``."""
    pts = [shapely.Point(x, y) for x, y, *_ in labels]
    return [w for w in found if any(w.polygon.contains(p) for p in pts)]


def _clear(found: list, cands: list) -> list:
    """The rooms of ``found`` at most :data:`CLEAR_SHARE` of whose area lies in one of the
    outlines ``cands``."""
    if not found:
        return []
    tree = shapely.STRtree(np.asarray([c.polygon for c in cands], dtype=object))
    out = []
    for w in found:
        if w.polygon.area > FALLBACK_MAX_AREA:
            continue  # as an outline of that size would be: a building's or a plot's
        filled = Polygon(w.polygon.exterior)  # an outline in its hole is not clear of it
        near = tree.query(filled, predicate="intersects").tolist()
        inside = sum(filled.intersection(cands[k].polygon).area for k in near)
        if inside <= CLEAR_SHARE * filled.area:
            out.append(w)
    return out
