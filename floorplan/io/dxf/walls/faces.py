"""Rooms from wall linework, for drawings with no room outlines.

Walls come as single lines, pairs of lines (the two faces), polylines, or one outline of
the whole wall mass; openings in them may hold a door symbol, glazing, or nothing.

1. Every wall line, polyline, arc and spline becomes a line string (local metres),
   snapped to a 1 mm grid.
2. **Seal** the openings that say what they are: an opening between two facing jambs is
   sealed along both wall faces (:mod:`~floorplan.io.dxf.walls.openings`), so a room's outline
   runs along the wall face across its door; a door swing seals the line from its hinge
   to the closed leaf (single-line walls); the seal along the open leaf is dropped where
   its end stands free in the room, and both where the jambs already seal the opening
   (:func:`~floorplan.io.dxf.walls.doorseals.leaf_seals`).
3. A free end within ``REACH`` of another line is joined to it (:mod:`~floorplan.io.dxf.walls.joins`), so walls that stop just
   short of each other still meet.
4. **Close** what nothing seals (:mod:`~floorplan.io.dxf.walls.closing`): a free wall end looks
   straight ahead for the next linework within 1.2 m (a door symbol or glazing in the
   gap lets it reach further) and is bridged to it.
5. The lines are noded (T-junctions split) and polygonised into faces. Faces that are
   not rooms are dropped: thinner than ``MIN_WIDTH`` (the wall band itself, glazing, a
   door leaf), smaller than ``MIN_AREA`` (label boxes, columns), or mostly covered by
   fittings. A face the walls pinch to a doorway nothing closes (a capped wall end
   standing short of the next wall) is parted there (:mod:`~floorplan.io.dxf.walls.pinch`); a
   room that runs into an opening's reveal is cut back to its own wall face
   (:mod:`~floorplan.io.dxf.walls.reveals`). A
   room bounded by a bridge across a gap nothing sealed has ``source`` ``walls_closed``;
   the others ``walls``.
6. **Labels decide what else needs closing** (:mod:`~floorplan.io.dxf.rooms.seeding`): a room
   label in no room seeds a search for the smallest space around it that bridges of up
   to 1.2 m enclose, or else a closing of the wall band (grow the mass, shrink it back:
   :mod:`~floorplan.io.dxf.walls.morph`) encloses (``label_seeded``).

>>> from shapely.geometry import box
>>> rings = [np.array(box(0, 0, 4, 3).exterior.coords), np.array(box(-.1, -.1, 4.1, 3.1).exterior.coords)]
>>> [round(p.area, 2) for p in wall_faces(rings, [], [], [])]
[12.0]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.strtree import STRtree

from floorplan.io.dxf.walls.closets import closets
from floorplan.io.dxf.walls.closing import CLOSE_GAP, bridges
from floorplan.io.dxf.walls.corners import corner_openings
from floorplan.io.dxf.walls.doorseals import far_face_seals, framed_seals, leaf_seals
from floorplan.io.dxf.walls.joins import float_joins, joins
from floorplan.io.dxf.walls.openings import MARKED_SPAN, OPENING_WIDTH, Opening, jamb_openings
from floorplan.io.dxf.walls.pinch import MIN_AREA, MIN_WIDTH, narrow, part, strip_bands
from floorplan.io.dxf.walls.reveals import Lines, trim
from floorplan.io.dxf.walls.splays import trim as trim_splayed

# MIN_WIDTH (metres; narrower faces are wall bands, glazing or door leaves) and MIN_AREA
# (m²; smaller faces are label boxes, columns or ducts) are kept in pinch.py, which
# parts faces by them too
#: faces from this size (m²) up to MIN_AREA may be cupboards: kept when a label says so
#: (:mod:`~floorplan.io.dxf.rooms.cupboards`)
SMALL_ROOM = 0.3
#: a face this much covered by fittings is a fitting
FITTING_SHARE = 0.8


@dataclass
class WallRoom:
    """A room found in wall linework: its outline, how it was found and how sure that is."""

    polygon: Polygon
    source: str = "walls"
    confidence: str = "high"
    reason: str = ""
    labels: list[str] = field(default_factory=list)  # several labels no closing parts
    solid: str = ""  # why the space is solid (a wall mass), not a room


@dataclass
class Arrangement:
    """The wall linework with everything added to it, kept for the label-seeded search."""

    lines: list[LineString]
    added: list[tuple[LineString, str]] = field(default_factory=list)  # (bridge, kind)
    openings: list[Opening] = field(default_factory=list)
    small: list[Polygon] = field(default_factory=list)  # faces under MIN_AREA (cupboards?)
    symbols: list[LineString] = field(default_factory=list)  # door and window symbols' lines
    bands: list[Polygon] = field(default_factory=list)  # faces too thin to be rooms: walls
    wide: list[Opening] = field(default_factory=list)  # wider than a door, unsealed (closets)

    def all(self) -> list[LineString]:
        return self.lines + [b for b, _ in self.added]


def arrange(lines: list[np.ndarray], seals, door_marks: list[Polygon],
            close: bool = True, glass: list[np.ndarray] | None = None,
            heads: list[np.ndarray] | None = None, frames: list[np.ndarray] | None = None,
            lifts: list[np.ndarray] | None = None) -> Arrangement:
    """The wall linework of ``lines`` ((n, 2) arrays, metres), sealed with door swings
    ``seals`` ((hinge, end) pairs) and the jambed openings, joined, and (``close``) with
    its gaps bridged; ``glass`` is linework on other layers that may glaze a gap,
    ``heads`` linework on header or lintel layers that marks one, ``frames`` the pieces of
    wall drawn with the doors (:mod:`~floorplan.io.dxf.walls.nibs`): wall, except that a door
    seal meeting one is still carried on across the frame to the walls; ``lifts`` the
    lines on lift layers (a lift's landing doors may stand shut in its shaft's opening)."""
    walls = _strings([p for p in lines if len(p) >= 2])
    keep = [p for p in list(lines) + list(frames or ()) if len(p) >= 2]
    geoms = _strings(keep) if frames else walls
    head_lines = [LineString(g) for g in heads or () if len(g) >= 2]
    panes = [LineString(g) for g in glass or () if len(g) >= 2]
    cars = [LineString(g) for g in lifts or () if len(g) >= 2]
    wide: list[Opening] = []
    openings = (jamb_openings(keep, geoms, door_marks, head_lines, seals, panes, cars, wide)
                if geoms else [])
    if geoms:  # a doorway with one jamb, its other side a corner of the wall it runs into
        openings += corner_openings(keep, door_marks, openings)
    added = [(s, o.kind) for o in openings for s in o.seals]
    hinges = [h for h, _ in seals]
    seals = leaf_seals(hinges, framed_seals(seals, walls), geoms, openings)
    seals = seals + far_face_seals(seals, keep, geoms)
    added += [(LineString([a, b]), "swing") for a, b in seals
              if np.hypot(a[0] - b[0], a[1] - b[1]) > 1e-6]
    snapped = shapely.set_precision(np.asarray(geoms + [b for b, _ in added], dtype=object), 0.001)
    n = len(geoms)
    base = [g for g in snapped[:n] if not g.is_empty and g.length > 0]
    added = [(g, k) for g, (_, k) in zip(snapped[n:], added, strict=True)
             if not g.is_empty and g.length > 0]
    arr = Arrangement(base, added, openings, wide=wide)
    # a free end meets what lies ahead of it (across a gap, when ``close``), and only then
    # what lies just beside it
    made, glazing = bridges(arr.all(), door_marks, len(base), panes, head_lines)
    arr.added += [(shapely.set_precision(b, 0.001), k) for b, k in made if close or k == "slip"]
    if close and glazing:
        arr.lines = [g for k, g in enumerate(arr.lines) if k not in glazing]
    arr.added += [(j, "join") for j in joins(arr.all())]
    arr.added += [(j, "join") for j in float_joins(arr.all())]
    return arr


def _strings(keep: list[np.ndarray]) -> list:
    """Line strings of the (n, 2) arrays ``keep``, those of no length left out."""
    if not keep:
        return []
    coords = np.vstack(keep)
    index = np.repeat(np.arange(len(keep)), [len(p) for p in keep])
    return [g for g in np.asarray(shapely.linestrings(coords, indices=index)) if g.length > 1e-6]


def faces_of(lines: list[LineString]) -> list[Polygon]:
    """Every face the noded ``lines`` enclose."""
    if not lines:
        return []
    noded = shapely.unary_union(np.asarray(lines, dtype=object))
    return list(shapely.polygonize(list(getattr(noded, "geoms", [noded]))).geoms)


def faces_and_cuts(lines: list[LineString]) -> tuple[list[Polygon], list[LineString]]:
    """Every face the noded ``lines`` enclose, and the lines inside faces: cut edges (one
    face on both sides) and dangles (a free end), such as a wall face whose band opens
    into the room beyond it."""
    if not lines:
        return [], []
    noded = shapely.unary_union(np.asarray(lines, dtype=object))
    polys, cuts, dangles, _ = shapely.polygonize_full(list(getattr(noded, "geoms", [noded])))
    return list(polys.geoms), list(cuts.geoms) + list(dangles.geoms)


def is_room_sized(f: Polygon) -> str | None:
    """Why face ``f`` is not a room (``small`` or ``thin``), or ``None``."""
    if f.area < MIN_AREA:
        return "small"
    if f.buffer(-MIN_WIDTH / 2, join_style="mitre").is_empty:
        return "thin"
    return None


def wall_rooms(lines: list[np.ndarray], seals, door_marks: list[Polygon],
               fittings: list[Polygon], notes: list[str], glass: list[np.ndarray] | None = None,
               heads: list[np.ndarray] | None = None, frames: list[np.ndarray] | None = None,
               lifts: list[np.ndarray] | None = None) -> tuple[list[WallRoom], Arrangement]:
    """Rooms enclosed by ``lines`` (each an (n, 2) array in metres), and the arrangement
    they were found in (for the label-seeded search and the bare openings); ``glass``
    (lines on other layers) may glaze a window's gap, ``heads`` (headers, lintels) mark
    an opening, ``frames`` are wall drawn with the doors, ``lifts`` lines on lift layers."""
    arr = arrange(lines, seals, door_marks, glass=glass, heads=heads, frames=frames,
                  lifts=lifts)
    faces, cuts = faces_and_cuts(arr.all())
    cuts = _wall_cuts(cuts, arr)
    eroded: dict[int, Any] = {}
    kept, counts = _sieve(faces, fittings, arr.small, arr.bands, eroded)
    stripped: set[int] = set()  # faces a wall band ran into, cut away from them
    bands = []
    cut_tree = STRtree(cuts) if cuts else None
    for f in kept:
        inside = [] if cut_tree is None else [cuts[i] for i in cut_tree.query(f, predicate="covers")]
        pieces = strip_bands(f, inside, eroded.get(id(f)))
        if pieces != [f]:
            stripped.update(id(g) for g in pieces)
        bands += pieces
    kept = bands
    parted: list[Polygon] = []
    for f in kept:  # a doorway nothing closes, where the walls pinch the space
        cut = part(f)
        parted += [g for g, _ in cut]
        if len(cut) > 1:
            arr.added += [(c, "gap") for c in dict.fromkeys(c for _, cs in cut for c in cs)]
    counts["parted"] = len(parted) - len(kept)
    parted, marks, sealed = closets(parted, arr.wide, [b for b, k in arr.added if k == "window"])
    arr.openings += sealed
    arr.added += [(shapely.set_precision(s, 0.001), o.kind) for o in sealed for s in o.seals]
    kept, counts["reveals"] = _trim_reveals(parted, arr, stripped)
    rooms = [WallRoom(f) for f in kept]
    gaps = [(b, k) for b, k in arr.added if k == "gap"]
    if gaps and rooms:
        tree = STRtree([r.polygon for r in rooms])
        mids = shapely.line_interpolate_point(np.asarray([b for b, _ in gaps], dtype=object),
                                              0.5, normalized=True)
        bi, ri = tree.query(mids, predicate="dwithin", distance=1e-4)
        closed: dict[int, list[LineString]] = {}
        for b, r in zip(bi.tolist(), ri.tolist(), strict=True):
            closed.setdefault(r, []).append(gaps[b][0])
        for r, bs in closed.items():
            rooms[r].source, rooms[r].confidence = "walls_closed", "medium"
            rooms[r].reason = closed_across(bs)
    for r in rooms:
        if id(r.polygon) in stripped:  # its outline runs where no wall face is drawn
            r.source, r.confidence = "walls_closed", "medium"
            r.reason = "; ".join(filter(None, [r.reason, "a wall band that ran into the space, "
                                                "through a gap in the wall's face, cut away"]))
    for r, m in zip(rooms, marks, strict=True):
        if m is not None:
            r.confidence = "low" if "low" in (m[0], r.confidence) else "medium"
            r.reason = "; ".join(filter(None, [r.reason, m[1]]))
    kinds = {k: sum(1 for _, kk in arr.added if kk == k) for k in ("door", "window", "gap")}
    n_open = {k: sum(1 for o in arr.openings if o.kind == k) for k in ("bare", "door", "window")}
    notes.append(
        f"wall linework: {len(arr.lines)} lines; {len(arr.openings)} openings between jambs "
        f"sealed on the wall faces ({n_open['door']} doors, {n_open['window']} windows, "
        f"{n_open['bare']} bare); {len(seals) // 2} door swings sealed; gaps bridged: "
        f"{kinds['door']} at doors, {kinds['window']} under glazing, {kinds['gap']} with nothing "
        f"in them (up to {CLOSE_GAP} m, or {MARKED_SPAN:g} m under a header); {len(faces)} enclosed faces, {len(kept)} taken as rooms, "
        f"{counts['thin']} thinner than {MIN_WIDTH} m (wall bands, glazing) and {counts['small']} "
        f"under {MIN_AREA} m² (columns, labels) left out"
        + (f", {counts['fitted']} filled by fittings left out" if counts["fitted"] else "")
        + (f"; {counts['parted']} more parted where the walls pinch a space to a doorway"
           if counts["parted"] else "")
        + (f"; {counts['reveals']} room(s) cut back to their wall face across an opening's "
           "reveal" if counts["reveals"] else "")
        + (f"; {len(sealed)} closet(s) parted at an opening wider than a door" if sealed else ""))
    return rooms, arr


def _trim_reveals(faces: list[Polygon], arr: Arrangement, stripped: set[int]
                  ) -> tuple[list[Polygon], int]:
    """``faces`` each less the reveals of the openings it runs into
    (:func:`~floorplan.io.dxf.walls.reveals.trim`, splayed ones
    :func:`~floorplan.io.dxf.walls.splays.trim`), and how many were cut; a face a wall
    band was cut from stays marked so in ``stripped`` (by ``id``)."""
    if not faces or not arr.lines:
        return faces, 0
    every = arr.all()
    lines = Lines(arr.lines, every)
    out, cut = [], 0
    for f in faces:
        g = trim(f, arr.lines, every, lines)[0]
        g = trim_splayed(g, arr.lines, every, lines)[0]
        if g is not f:
            cut += 1
            if id(f) in stripped:
                stripped.add(id(g))
        out.append(g)
    return out, cut


CLOSED_ACROSS = ("outline closed across ", " in the wall linework")  # a reason's ends


def closed_across(bs: list[LineString]) -> str:
    """The reason of a room whose outline runs across the closed gaps ``bs``."""
    return CLOSED_ACROSS[0] + "; ".join(f"a {b.length:.2f} m gap at ({b.centroid.x:.2f}, "
                                        f"{b.centroid.y:.2f})" for b in bs[:3]) + (
        f" and {len(bs) - 3} more" if len(bs) > 3 else "") + CLOSED_ACROSS[1]


def doorways(arr: Arrangement) -> list[tuple[tuple[float, float], float, str]]:
    """The openings with nothing in them, as (middle, width, how found): bare openings
    between jambs (``opening``), those with a lift's doors drawn shut in them and no door
    symbol (``lift``), and the gaps closed 0.6-1.3 m wide (``gap``; the two
    bridges across a double-line wall's faces count once)."""
    out = [(o.middle, o.width, "lift" if o.lift else "opening") for o in arr.openings
           if o.kind == "bare" or o.lift]
    gaps = [b for b, k in arr.added if k == "gap" and OPENING_WIDTH[0] <= b.length <= OPENING_WIDTH[1]]
    taken: set[int] = set()
    for i, a in enumerate(gaps):
        if i in taken:
            continue
        group = [a]
        for j in range(i + 1, len(gaps)):
            b = gaps[j]
            if j not in taken and twin(a, b):
                group.append(b)
                taken.add(j)
        mids = [g.interpolate(0.5, normalized=True) for g in group]
        x = sum(m.x for m in mids) / len(mids)
        y = sum(m.y for m in mids) / len(mids)
        out.append(((x, y), round(sum(g.length for g in group) / len(group), 6), "gap"))
    return out


def twin(a: LineString, b: LineString) -> bool:
    """Two bridges across the two faces of one wall: parallel, about as long, side by side
    within a wall's thickness."""
    (ax0, ay0), (ax1, ay1) = a.coords[0], a.coords[-1]
    (bx0, by0), (bx1, by1) = b.coords[0], b.coords[-1]
    ux, uy = (ax1 - ax0) / a.length, (ay1 - ay0) / a.length
    vx, vy = (bx1 - bx0) / b.length, (by1 - by0) / b.length
    if abs(ux * vy - uy * vx) > 0.05 or abs(a.length - b.length) > 0.1 * a.length:
        return False
    ma, mb = a.interpolate(0.5, normalized=True), b.interpolate(0.5, normalized=True)
    along = abs((mb.x - ma.x) * ux + (mb.y - ma.y) * uy)
    return along < 0.1 * a.length and ma.distance(mb) <= 0.6


def _sieve(faces: list[Polygon], fittings: list[Polygon], small: list[Polygon] | None = None,
           thin: list[Polygon] | None = None, eroded: dict[int, Any] | None = None
           ) -> tuple[list[Polygon], dict[str, int]]:
    """The faces of room size not filled by fittings (and the counts of the others);
    faces of SMALL_ROOM up to MIN_AREA go to ``small``, faces too thin to be rooms (wall
    bands) to ``thin``; ``eroded`` is given each kept face's inward buffer (by ``id``),
    which :func:`~floorplan.io.dxf.walls.pinch.strip_bands` would make again. A face that lies
    in a strip narrower than a room (:func:`~floorplan.io.dxf.walls.pinch.narrow`, found for
    all at once) is thin without making its buffer."""
    kept: list[Polygon] = []
    counts = {"thin": 0, "small": 0, "fitted": 0}
    fit_tree = STRtree(fittings) if fittings else None
    areas = shapely.area(np.asarray(faces, dtype=object)).tolist() if faces else []
    big = [k for k, a in enumerate(areas) if a >= MIN_AREA]
    slim = dict(zip(big, narrow([faces[k] for k in big]).tolist(), strict=True))
    for k, f in enumerate(faces):
        inner: Any = None
        if areas[k] < MIN_AREA:
            why: str | None = "small"
        elif slim[k]:
            why = "thin"
        else:
            inner = f.buffer(-MIN_WIDTH / 2, join_style="mitre")
            why = "thin" if inner.is_empty else None
        if why:
            counts[why] += 1
            if why == "small" and small is not None and areas[k] >= SMALL_ROOM:
                small.append(f)
            elif why == "thin" and thin is not None:
                thin.append(f)
            continue
        if fit_tree is not None:
            hits = [fittings[int(i)] for i in fit_tree.query(f, predicate="intersects")]
            if hits and shapely.union_all(hits).intersection(f).area >= FITTING_SHARE * f.area:
                counts["fitted"] += 1
                continue
        kept.append(f)
        if eroded is not None:
            eroded[id(f)] = inner
    return kept, counts


def _wall_cuts(cuts: list[LineString], arr: Arrangement) -> list[LineString]:
    """The ``cuts`` that are wall linework. A door swing is sealed from its hinge to both
    its ends (either may be the closed leaf); the seal to the open leaf dangles into the
    room from the hinge, its end free. It is no wall face: the strip between it and the
    wall it stands beside is floor, not a band to cut away (Estates' WC lost its 80 mm
    strip along the wall the open leaf lies beside, 4 % of the room)."""
    swings = [g for g, k in arr.added if k == "swing"]
    if not cuts or not swings:
        return cuts
    tree = STRtree(swings)
    every = arr.all()
    all_tree = STRtree(every)

    def dangling(c: LineString) -> bool:
        coords = np.asarray(c.coords)
        pts = shapely.points(coords)
        if not any(shapely.distance(pts, swings[i]).max() < 1e-6 for i in tree.query(c)):
            return False  # not on a seal
        return any(len(all_tree.query(Point(e), predicate="dwithin", distance=1e-6)) == 1
                   for e in coords[[0, -1]])

    return [c for c in cuts if not dangling(c)]


def wall_faces(lines: list[np.ndarray], seals, fittings: list[Polygon],
               notes: list[str]) -> list[Polygon]:
    """Room faces enclosed by ``lines`` as drawn: joined, but no gap closed (rooms drawn
    line by line on room layers)."""
    arr = arrange(lines, seals, [], close=False)
    kept, _ = _sieve(faces_of(arr.all()), fittings)
    return kept
