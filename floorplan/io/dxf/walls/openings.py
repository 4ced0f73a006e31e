"""Openings in double-line walls: two jambs facing each other across a gap.

A wall drawn as two lines (its faces) ends at an opening with a short line across it, the
jamb. Two jambs of about the same length, parallel, facing each other across 0.6-1.3 m of
wall (a door's width), or across a wider gap that glazing spans (a window), are one
opening. The opening is sealed along both wall faces, so the rooms either side keep the
wall face as their outline across it (the thin face between the seals is the wall band,
left out as too thin to be a room). What stands in the opening says what it is: nothing
drawn (a bare opening, reported as a door), glazing (a window), a door symbol (the door,
found by :mod:`~floorplan.io.dxf.doors.symbols`). A wall's face running along the gap from wall to
wall, with no door in it, says the "jambs" are columns standing proud of that wall: no
opening, the floor runs to the face. What lies wholly between the jambs, touching neither,
where the wall's faces run on out of both (a window block's frame drawn along one face,
its sides ending on it), is the opening's infill: it neither closes the opening nor crosses
its seals, so the room is measured to the wall's inner face, its window reveal left out as
wall, as a door's is.

>>> import numpy as np
>>> from shapely.geometry import LineString
>>> jambs = [np.array([[4.0, 1.0], [4.1, 1.0]]), np.array([[4.0, 1.9], [4.1, 1.9]])]
>>> [(o.width, o.kind) for o in jamb_openings(jambs, [LineString(j) for j in jambs], [])]
[(0.9, 'bare')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.views.score import WALL_REACH
from floorplan.io.dxf.walls.along import alongside
from floorplan.io.dxf.walls.jambends import SHORTEST_JAMB, curve_pieces, faces_met, turned_in
from floorplan.io.dxf.walls.jambpairs import CORNER_REACH, OUT_OF_BAND, Pairs
from floorplan.io.dxf.walls.landing import lands
from floorplan.io.dxf.walls.runthrough import runs_through

#: a jamb (the short line closing a wall at an opening) is this long (metres): across the
#: wall's thickness, so up to the thickest wall the reader lets lie between two rooms
#: (:data:`~floorplan.io.dxf.views.score.WALL_REACH`; a pier of a 0.59 m wall, its faces
#: glazed between, is as much a jamb as the end of a 0.1 m partition)
JAMB_LENGTH = (SHORTEST_JAMB, WALL_REACH)
#: a door opening between jambs is this wide (metres)
OPENING_WIDTH = (0.6, 1.3)
#: a window (an opening spanned by glazing lines) is at most this wide (metres)
WINDOW_SPAN = 4.0
#: a door's hinge stands this close (metres) to the wall face it is hung on
HINGE_REACH = 0.05
#: a door's frame is at most this wide (metres): a door's seal (hinge to closed leaf's
#: end) that stops this short of the wall at both ends is the leaf between the frames; a
#: pair of doors in an opening has each leaf's hinge within this of its jamb ...
FRAME_REACH = 0.15
#: ... and the two leaves' free ends meet within this (metres: the meeting stiles)
LEAVES_MEET = 0.05
#: glazing covers at least this share of a window's width
GLAZING_SHARE = 0.8
#: a fixed pane beside a door in one opening (a sidelight) is at least this share of its
#: width: a quarter (0.4 m of a 1.6 m gap); less is a door's frame, not glazing
SIDELIGHT_SHARE = 0.25
#: an opening wider than a door with nothing in it is at most this wide (metres) to be a
#: closet's: the widest closet doors, sliding or bi-fold, span 8 ft (96 in, 2.44 m). It is
#: ``wide``, sealed only where it gives onto a closet (:mod:`~floorplan.io.dxf.walls.closets`)
CLOSET_SPAN = 2.5
#: an opening a header or lintel spans is at most this wide (metres: the widest opening a
#: home has, a double garage door of 16-18 ft, 4.9-5.5 m)
MARKED_SPAN = 6.0


@dataclass
class Opening:
    """One opening: the seal along each wall face, its middle and width, and what is in
    it (``bare``, ``window`` or ``door``); ``lift``: a lift's doors drawn shut in it, and
    no door symbol (a door the symbols will not find: reported with the bare openings')."""

    seals: tuple[LineString, LineString]
    middle: tuple[float, float]
    width: float
    kind: str
    lift: bool = False


def segments(lines: list[np.ndarray]) -> np.ndarray:
    """Every straight piece of ``lines``, as ``(n, 2, 2)`` start and end, line by line:
    the points all in one array, less the pieces that would join one line's last point
    to the next line's first."""
    keep = [p for p in lines if len(p) >= 2]
    if not keep:
        return np.zeros((0, 2, 2))
    pts = np.concatenate(keep)
    ok = np.ones(len(pts) - 1, dtype=bool)
    ok[np.cumsum([len(p) for p in keep])[:-1] - 1] = False
    return np.stack([pts[:-1][ok], pts[1:][ok]], axis=1)


def jamb_openings(lines: list[np.ndarray], geoms: list[LineString],
                  door_marks: list[Polygon], heads: list[LineString] | None = None,
                  swings=(), glass: list[LineString] | None = None,
                  lifts: list[LineString] | None = None, wide: list[Opening] | None = None
                  ) -> list[Opening]:
    """Openings between facing jambs in ``lines`` ((n, 2) arrays, metres); ``geoms`` is the
    wall linework as line strings (what might stand in an opening or cross a seal),
    ``glass`` loose lines on layers that say nothing (a window's panes drawn on a layer of
    its own, whatever it is called): they may glaze an opening, never close or cross one,
    ``door_marks`` the outlines of door symbols (a door in an opening), ``heads`` headers
    and lintels (an opening up to :data:`MARKED_SPAN` under one, whatever is in it),
    ``swings`` the door swings' ``(hinge, end)`` leaves (a pair of doors hung at the two
    jambs: :func:`double_door`), ``lifts`` the lines on lift layers: those spanning an
    opening between its jambs are a lift's landing doors drawn shut, the shaft's door
    (:func:`_lift_doors`). Openings wider than a door with nothing in them, up to
    :data:`CLOSET_SPAN`, are not returned but added to ``wide`` (kind ``wide``, unsealed)
    when given, if no opening returned uses their jambs."""
    seg = segments(lines)
    if len(seg) < 2:
        return []
    vec = seg[:, 1] - seg[:, 0]
    length = np.hypot(vec[:, 0], vec[:, 1])
    jamb = np.flatnonzero((length >= JAMB_LENGTH[0]) & (length <= JAMB_LENGTH[1])
                          & ~curve_pieces(lines))
    jamb = jamb[~runs_through(seg, jamb)]  # a piece of a face running on through it
    if len(jamb) < 2:
        return []
    mids = (seg[jamb, 0] + seg[jamb, 1]) / 2
    dirs = vec[jamb] / length[jamb, None]
    tree = STRtree(shapely.points(mids))
    span = MARKED_SPAN if heads else WINDOW_SPAN
    ai, bi = tree.query(shapely.points(mids), predicate="dwithin", distance=span)
    keep = ai < bi
    ai, bi = ai[keep], bi[keep]
    if not len(ai):
        return []
    across = mids[bi] - mids[ai]
    w = np.hypot(across[:, 0], across[:, 1])
    unit = across / np.maximum(w, 1e-12)[:, None]
    ok = ((w >= OPENING_WIDTH[0])
          & (np.abs(dirs[ai, 0] * dirs[bi, 1] - dirs[ai, 1] * dirs[bi, 0]) < 0.05)
          & (np.abs(np.einsum("ij,ij->i", unit, dirs[ai])) < 0.05)
          & (np.abs(length[jamb[ai]] - length[jamb[bi]]) <= 0.2 * length[jamb[ai]]))
    ai, bi, w = ai[ok], bi[ok], w[ok]
    if not len(ai):
        return []
    line_tree = STRtree(geoms) if geoms else None
    mark_tree = STRtree(door_marks) if door_marks else None
    head_tree = STRtree(heads) if heads else None
    leaves = np.asarray([(tuple(h)[:2], tuple(e)[:2]) for h, e in swings],
                        dtype=float).reshape(-1, 2, 2)
    hinges: Any = shapely.points(leaves[:, 0])
    pairs = (leaves, STRtree(hinges) if len(leaves) else None)
    panes = (glass, STRtree(glass)) if glass else ([], None)
    cars = (lifts, STRtree(lifts)) if lifts else ([], None)
    taken: set[int] = set()
    out: list[Opening] = []
    held: list[tuple[int, int, Opening]] = []
    prepared = Pairs(seg[jamb[ai]], seg[jamb[bi]], geoms, line_tree)
    beside = faces_met(seg, jamb)
    for k in np.argsort(w, kind="stable").tolist():  # nearest partner first
        a, b = int(ai[k]), int(bi[k])
        if a in taken or b in taken or prepared.ends[k]:
            continue  # (ends: the two ends of one wall, as _opening would find)
        toward = (mids[b] - mids[a]) / float(w[k])
        if turned_in(beside[a], mids[a], toward) or turned_in(beside[b], mids[b], -toward):
            continue  # two sides of one thing standing free (a column), no wall's ends
        made = _opening(seg[jamb[a]], seg[jamb[b]], float(w[k]), geoms, line_tree, mark_tree,
                        (heads, head_tree), pairs, panes, (prepared, k), cars)
        if made is not None and made.kind == "wide":
            held.append((a, b, made))  # not sealed: its jambs may be another opening's
        elif made is not None:
            taken.update((a, b))
            out.append(made)
    if wide is not None:
        wide += [o for a, b, o in held if a not in taken and b not in taken]
    return out


def _opening(ja: np.ndarray, jb: np.ndarray, width: float, geoms, line_tree,
             mark_tree, headers=(None, None), leaves=(None, None), panes=((), None),
             prepared: tuple[Pairs, int] | None = None, lifts=((), None)) -> Opening | None:
    """The opening between jambs ``ja`` and ``jb``, or ``None``; ``prepared``: the pair
    as :class:`~floorplan.io.dxf.walls.jambpairs.Pairs` made it with the others, and its
    index; ``lifts``: the lines on lift layers and their tree."""
    pre, n = prepared or (Pairs(ja[None], jb[None], geoms, line_tree), 0)
    d = (ja[1] - ja[0]) / np.hypot(*(ja[1] - ja[0]))
    (a_lo, a_hi), (b_lo, b_hi) = pre.a[n], pre.b[n]
    seals = (pre.seals[2 * n], pre.seals[2 * n + 1])
    p, q = (ja[0] + ja[1]) / 2, (jb[0] + jb[1]) / 2
    band = pre.bands[n]
    landed = False  # a partition lands on the opening's face: a window's only (landing.py)
    if line_tree is not None:
        # what an opening the wall's faces run on from holds (a window's frame set in it,
        # lying along a face) is its infill: it neither closes nor crosses the opening
        def set_in(found: list[int]) -> bool:
            return _all_infill(found, pre.grown(n), (a_lo, a_hi, b_lo, b_hi), (q - p) / width,
                               geoms, line_tree)

        sides, on_seal = pre.on_seals(n)
        across_face: set[int] = set()  # the face drawn on across a window's recess
        if on_seal and not set_in(on_seal):
            if lands(on_seal, band, geoms):
                landed = True  # a partition's capped end on the seal
            elif not (len(set(sides)) == 1 and pre.covered[n]
                      and _recess(seals, band, pre.grown(n), geoms, line_tree, width)):
                return None  # a wall face runs where the seal would: the two ends of one wall
            else:
                across_face = set(on_seal)
        for s in seals:  # a wall crossing a face seal: these are no opening's jambs
            inner: Any = shapely.line_interpolate_point(s, [0.02, 0.98], normalized=True)
            probe = LineString(inner)
            crossing = [i for i in line_tree.query(probe, predicate="intersects").tolist()
                        if i not in across_face
                        and probe.intersection(geoms[i]).geom_type in ("Point", "MultiPoint")]
            if crossing and not set_in(crossing):
                if not lands(crossing, band, geoms):
                    return None
                landed = True
    inner = LineString([p + 0.05 * (q - p), q - 0.05 * (q - p)])
    half = 0.45 * float(np.hypot(*(ja[1] - ja[0])))
    near = [] if line_tree is None else line_tree.query(
        inner.buffer(half, cap_style="flat"), predicate="intersects").tolist()
    in_it = [geoms[i] for i in near]
    marked = mark_tree is not None and len(mark_tree.query(band, predicate="intersects")) > 0
    pair = width > OPENING_WIDTH[1] and double_door(band, p, q, d, *leaves)
    lift_door = _lift_doors(inner, band, half, *lifts)  # a lift's doors drawn shut in it
    door = marked or pair or lift_door
    if not door:  # no door hangs in it: a wall's face running along it, wall to wall,
        # closes it (the "jambs" are columns standing proud of that wall)
        depth = float(np.hypot(*(ja[1] - ja[0])))
        faces = [(i, geoms[i]) for i in near
                 if _runs_on(i, geoms, line_tree, np.asarray(a_lo), d, depth)]
        if faces and alongside(inner, faces, half)[0] >= GLAZING_SHARE:
            return None
    glass, glass_tree = panes
    in_glass = _set_between(inner, band, half, glass, glass_tree)  # panes set in it
    glazed = alongside(inner, enumerate(in_it + in_glass), half)[0] >= GLAZING_SHARE
    glazed = glazed or lift_door
    if marked and not pair and not glazed and width > OPENING_WIDTH[1]:
        glazed = _door_and_pane(inner, band, seals, in_it + in_glass, mark_tree, half)
    wide = width > OPENING_WIDTH[1] and not glazed and not pair and not _headed(inner, ja, headers)
    if wide and (door or width > CLOSET_SPAN):
        return None
    if width > WINDOW_SPAN and not _headed(inner, ja, headers):
        return None
    if landed and (door or not glazed):
        return None
    if not door and not glazed and any(inner.intersects(g) for g in in_it):
        return None  # something drawn across the opening that is not glazing
    kind = "door" if door else "window" if glazed else "wide" if wide else "bare"
    mid = (p + q) / 2
    return Opening(seals, (float(mid[0]), float(mid[1])), round(width, 6), kind,
                   lift=lift_door and not marked and not pair)


def _set_between(inner: LineString, band: Polygon, half: float, lines, tree) -> list:
    """The lines of ``lines`` (``tree`` their tree) near the opening ``inner`` (the line
    between its jambs' middles, ``half`` half a jamb's length) that lie wholly in its wall
    band ``band`` grown by a jamb's length: a pane ends at the jambs (or within the wall
    beyond them); a line that runs on past them, a grid axis or a centre line along the
    wall, is set in no opening."""
    if tree is None:
        return []
    near = tree.query(inner.buffer(half, cap_style="flat"), predicate="intersects")
    if not len(near):
        return []
    frame = band.buffer(2 * half, join_style="mitre")
    return [lines[i] for i in near.tolist() if frame.covers(lines[i])]


def _lift_doors(inner: LineString, band: Polygon, half: float, lifts, tree) -> bool:
    """A lift's landing doors stand shut in the opening: lines on a lift layer set
    between its jambs (:func:`_set_between`) span :data:`GLAZING_SHARE` of it. The
    opening is the lift shaft's door, however wide (a car's doors with their frames are
    wider than a room's door: A1325PE_3's, 1.59 m between the shaft's jambs), up to a
    window's span."""
    set_in = _set_between(inner, band, half, lifts, tree)
    return bool(set_in) and alongside(inner, enumerate(set_in), half)[0] >= GLAZING_SHARE


def _door_and_pane(inner: LineString, band: Polygon, seals, lines: list, mark_tree: STRtree,
                   half: float) -> bool:
    """A door hung beside a fixed pane in one opening (a balcony door and a window of 0.8 m
    each in a 1.6 m gap, a door and its sidelight): the pane's frame, two lines or more
    standing in the wall apart from its faces (within the ``band``, off both seals, at two
    offsets or more, as :func:`_recess` reads a frame), each along at least
    :data:`SIDELIGHT_SHARE` of the opening, and with the door symbols' extent along it
    (:func:`_leaf_spans`) they cover :data:`GLAZING_SHARE` of it. One line is a thinner
    wall's face: a stretch of corridor wall between two partitions' ends, with its door in
    it, is no opening."""
    room = band.buffer(OUT_OF_BAND, join_style="mitre")
    by_offset: dict[float, list] = {}
    for g in lines:
        if room.covers(g) and all(g.distance(s) > OUT_OF_BAND for s in seals):
            by_offset.setdefault(round(float(g.distance(seals[0])), 3), []).append(g)
    frame = [gs for gs in by_offset.values()
             if alongside(inner, enumerate(gs), half)[0] >= SIDELIGHT_SHARE]
    if len(frame) < 2:
        return False
    panes = [g for gs in frame for g in gs]
    leaves = _leaf_spans(inner, band, mark_tree)
    return alongside(inner, enumerate(panes + leaves), half)[0] >= GLAZING_SHARE


def _leaf_spans(inner: LineString, band: Polygon, mark_tree: STRtree) -> list[LineString]:
    """The stretches of the opening ``inner`` (its middle line between the jambs) that the
    door symbols standing in its ``band`` fill: each symbol's extent along the opening, as a
    line on ``inner``. A balcony door hung beside a fixed pane in one opening (a door and
    window of 0.8 m each in a 1.6 m gap) is filled by the leaf and the glass together."""
    (x0, y0), (x1, y1) = inner.coords[0], inner.coords[-1]
    n = inner.length
    u = np.array([(x1 - x0) / n, (y1 - y0) / n])
    out = []
    for i in mark_tree.query(band, predicate="intersects").tolist():
        t = (shapely.get_coordinates(mark_tree.geometries[i]) - (x0, y0)) @ u
        lo, hi = max(float(t.min()), 0.0), min(float(t.max()), n)
        if hi > lo:
            out.append(LineString([(x0 + u[0] * lo, y0 + u[1] * lo),
                                   (x0 + u[0] * hi, y0 + u[1] * hi)]))
    return out


def double_door(band: Polygon, p: np.ndarray, q: np.ndarray, d: np.ndarray, leaves,
                tree: STRtree | None) -> bool:
    """A pair of doors fills the opening ``band`` between the jambs whose middles are
    ``p`` and ``q`` (``d`` the unit vector along the jambs, across the wall): of the
    swings' ``leaves`` (an (n, 2, 2) array of hinge and closed end; ``tree`` their
    hinges), one is hung at each jamb (its hinge within the wall's band, between its
    faces, and within :data:`FRAME_REACH` of the jamb along the opening), both lie along
    the opening, and their free ends meet (within :data:`LEAVES_MEET`): a double door
    exactly as wide as the opening, whatever its width. (A pair hung on a wall's face is
    sealed on that face by its swings, and on the other from the jambs:
    :func:`~floorplan.io.dxf.walls.doorseals.far_face_seals`.) An opening wider than one door with no such pair in
    it is not taken for a door by the door symbols near it alone (any door symbol in an
    opening of up to two doors' width moved rooms on 23 real drawings, none the better)."""
    if tree is None:
        return False
    width = float(np.hypot(*(q - p)))
    u = (q - p) / width
    depth = abs(float(np.dot(band.exterior.coords[2] - np.asarray(band.exterior.coords[1]), d)))
    near = tree.query(band.buffer(LEAVES_MEET, join_style="mitre"), predicate="intersects")
    at_a, at_b = [], []
    for k in near.tolist():
        h, e = leaves[k]
        t_h, t_e = float(np.dot(h - p, u)), float(np.dot(e - p, u))
        off_h, off_e = float(np.dot(h - p, d)), float(np.dot(e - p, d))
        if abs(off_e - off_h) > LEAVES_MEET or max(abs(off_h), abs(off_e)) >= depth / 2:
            continue  # not along the opening, or not within the wall's band
        if -LEAVES_MEET <= t_h <= FRAME_REACH and t_h < t_e < width:
            at_a.append(e)
        elif width - FRAME_REACH <= t_h <= width + LEAVES_MEET and 0 < t_e < t_h:
            at_b.append(e)
    return any(float(np.hypot(*(ea - eb))) <= LEAVES_MEET for ea in at_a for eb in at_b)


def _recess(seals, band: Polygon, room: Polygon, geoms, line_tree, width: float) -> bool:
    """A window set in a recess of the wall: the wall's face runs on unbroken across one
    side of the opening (the lines on the seals: one side only, each line covering its
    seal and running on past both jambs, as the caller has found), and a window's frame
    stands between the jambs within the wall, on neither face: two lines or more (its
    faces, or panes) lying in the ``band``, parallel to the seals, over
    :data:`OUT_OF_BAND` from both, each along at least :data:`GLAZING_SHARE` of the
    opening. The room is measured to the open side's face, the
    reveal up to the frame is wall (Laud's Chemistry Lab: an outer face drawn straight
    across its window). Columns standing proud of a wall face have no frame between them:
    the floor runs to that face; ``room``: the band grown by :data:`OUT_OF_BAND`."""
    frame = [(i, geoms[i]) for i in line_tree.query(band, predicate="intersects").tolist()
             if room.covers(geoms[i]) and all(geoms[i].distance(s) > OUT_OF_BAND for s in seals)]
    if not frame:
        return False
    (a0, a1), (b0, b1) = (np.asarray(s.coords, dtype=float)[[0, -1]] for s in seals)
    middle = LineString([(a0 + b0) / 2, (a1 + b1) / 2])  # midway between the faces
    half = 0.5 * float(seals[0].distance(seals[1])) + OUT_OF_BAND
    if width > WINDOW_SPAN:
        return False
    # a frame is drawn by its two faces (or panes): one line is a wall's face (a thinner
    # wall between piers, its floor running to that face)
    lines = [(i, g) for i, g in frame if alongside(middle, [(i, g)], half)[0] >= GLAZING_SHARE]
    offsets = {round(float(g.distance(seals[0])), 3) for _, g in lines}
    return len(offsets) >= 2


def _all_infill(found: list[int], grown: Polygon, corners, across: np.ndarray, geoms,
                line_tree) -> bool:
    """The lines ``geoms[found]`` are all set in an opening: each lies wholly in its
    band (``grown``: the band grown by :data:`OUT_OF_BAND`) and touches neither jamb, such as a window's frame
    drawn along a wall face, short of the jambs; and the wall's faces run on out of both
    jambs (at each of the four ``corners``, jamb a's two then jamb b's, a line leaves the
    band away from the other jamb; ``across`` is the unit vector from a to b), else the
    pair is no opening's jambs. A line along a face from jamb to jamb is the wall's face
    running on past columns, not infill. Cheapest test first: most lines on a seal are a
    short wall's faces, which touch both its ends."""
    lines = np.asarray([geoms[i] for i in found], dtype=object)
    for jamb in shapely.linestrings([[corners[0], corners[1]], [corners[2], corners[3]]]):
        if (shapely.distance(lines, jamb) <= CORNER_REACH).any():
            return False
    if not shapely.contains(grown, lines).all():
        return False
    for k, corner in enumerate(corners):
        ways = [(shapely.get_coordinates(geoms[j]) - np.asarray(corner)) @ across
                for j in line_tree.query(shapely.points(np.asarray(corner, dtype=float)),
                                         predicate="dwithin", distance=CORNER_REACH).tolist()]
        if not any((t.min() < -OUT_OF_BAND) if k < 2 else (t.max() > OUT_OF_BAND) for t in ways):
            return False
    return True


def _runs_on(i: int, geoms, line_tree, corner: np.ndarray, across: np.ndarray, depth: float
             ) -> bool:
    """Line ``geoms[i]``, in an opening's band (``depth`` deep along ``across`` from the
    side through ``corner``), meets at both ends linework running out of the band past a
    face seal (by over :data:`OUT_OF_BAND`): a wall's face running on, not glazing."""
    c = shapely.get_coordinates(geoms[i])
    for end in (c[0], c[-1]):
        t = [(shapely.get_coordinates(geoms[j]) - corner) @ across for j in line_tree.query(
            shapely.points(end), predicate="dwithin", distance=1e-6).tolist() if j != i]
        if not any(u.min() < -OUT_OF_BAND or u.max() > depth + OUT_OF_BAND for u in t):
            return False
    return True



def _headed(inner: LineString, jamb: np.ndarray, headers) -> bool:
    """A header or lintel lies in the wall band over most of the opening ``inner`` (the
    line between the middles of its jambs); its edges may lie on the wall faces."""
    heads, tree = headers
    if tree is None:
        return False
    half = 0.5 * float(np.hypot(*(jamb[1] - jamb[0]))) + 1e-3
    near = [heads[i] for i in tree.query(inner.buffer(half, cap_style="flat"), predicate="intersects")]
    return bool(near) and alongside(inner, enumerate(near), half)[0] >= GLAZING_SHARE
