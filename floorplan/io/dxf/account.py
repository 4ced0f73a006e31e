"""The reader's account of a drawing: what it used, what it found, what it skipped and why."""

from __future__ import annotations

from collections import Counter

import numpy as np

from floorplan.io.dxf.walls.marks import hidden_layers

#: why an entity on a frozen or switched-off layer was skipped (hiddenrooms says when it
#: outlines rooms the reading lost)
HIDDEN = "on a frozen or switched-off layer: not shown, not read"


def account(reader, rooms, door_counts, n_obst: int, n_ceil: int, n_met: int, n_aer: int) -> list[str]:
    """Notes: rooms by source, names by origin, features found, and every entity used or
    skipped, counted by type, layer and reason."""
    self = reader
    notes: list[str] = []
    col = self.col
    src = Counter(r.source for r in rooms)
    other = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(src.items())
                      if k not in ("outline", "hatch", "walls"))
    notes.append(f"rooms: {src.get('outline', 0)} from outlines, {src.get('hatch', 0)} from hatches, "
                 f"{src.get('walls', 0)} from wall linework" + (f", {other}" if other else ""))
    conf = Counter(r.confidence for r in rooms)
    if conf.get("medium") or conf.get("low"):
        notes.append("confidence: " + ", ".join(f"{conf[k]} {k}" for k in ("high", "medium", "low")
                                                if conf.get(k)))
    named = Counter(r.properties.get("name_from") or "unnamed" for r in rooms)
    notes.append("names: " + ", ".join(f"{n} from {k}" if k != "unnamed" else f"{n} unnamed"
                                       for k, n in sorted(named.items())))
    notes.append(f"doors: {door_counts['block']} door blocks, {door_counts['arc']} swing arcs, "
                 f"{door_counts.get('leaf', 0)} leaves, {door_counts.get('opening', 0)} bare openings"
                 + (f", {door_counts['lift']} lifts' doors" if door_counts.get("lift") else "")
                 + (f", {door_counts['folding']} folding doors" if door_counts.get("folding") else "")
                 + "; "
                 f"{n_obst} fittings, {n_ceil} ceilings, {n_met} meters, {n_aer} aerial points")
    skipped: Counter = Counter(col.skipped)
    inside_marks: Counter = Counter()
    prims = {p.uid: p for lst in (col.loops, col.opens, col.hatches, col.circles, col.faces3d)
             for p in lst}
    n_used = 0
    hidden = hidden_layers(self.doc, self.lmap)
    # primitives, then texts (told apart by where they come from: asking whether each
    # primitive is in the list of texts made this quadratic)
    for p, is_text in [(p, False) for p in prims.values()] + [(t, True) for t in col.texts]:
        if p.uid in self.used:
            n_used += 1
            continue
        kinds = [self.ins_kind.get(u) for u in p.chain if self.ins_kind.get(u)]
        if kinds:
            inside_marks[kinds[0]] += 1
        elif p.uid in self.aside:
            skipped[(p.etype, p.layer, self.aside[p.uid])] += 1
        elif p.layer in hidden:
            skipped[(p.etype, p.layer, HIDDEN)] += 1
        elif is_text:
            why = ("on an annotation layer" if self.layer_kind(p.layer) == "ignore"
                   else "text outside every room (legend, title, schedule)")
            skipped[(p.etype, p.layer, why)] += 1
        else:
            skipped[(p.etype, p.layer, _reason(self.layer_kind(p.layer), bool(rooms)))] += 1
    n_ins = sum(1 for i in col.inserts if self.ins_kind.get(i.uid))
    notes.append(f"entities: {n_used} used, {n_ins} recognised blocks holding "
                      f"{sum(inside_marks.values())} more, {sum(skipped.values())} skipped")
    if inside_marks:
        notes.append("drawn inside recognised blocks (read as the block): " + ", ".join(
            f"{n} in {k} blocks" for k, n in sorted(inside_marks.items())))
    notes += _skipped(skipped, used_layers(reader, prims))
    return notes


def used_layers(reader, prims) -> set[str]:
    """The layers at least one used entity lies on."""
    out = {p.layer for p in prims.values() if p.uid in reader.used}
    out.update(t.layer for t in reader.col.texts if t.uid in reader.used)
    return out


#: skipped (kind, layer, reason) groups listed one by one; the rest are summed by layer
DETAILED = 40


def _skipped(skipped: Counter, used: set[str]) -> list[str]:
    """Every skipped entity accounted for: the largest groups by kind, layer and reason;
    the rest by layer; the totals by kind; and the layers nothing was used from."""
    notes = []
    seen = sorted(((k, n) for k, n in skipped.items() if n > 0), key=lambda kv: (-kv[1], kv[0]))
    for (etype, layer, reason), n in seen[:DETAILED]:
        notes.append(f"skipped {n} {etype} on layer {layer}: {reason}")
    if len(seen) > DETAILED:
        rest = sum(n for _, n in seen[DETAILED:])
        by_layer: Counter = Counter()
        for (_, layer, _), n in seen[DETAILED:]:
            by_layer[layer] += n
        notes.append(f"skipped {rest} more entities of {len(seen) - DETAILED} other kinds, by layer: "
                     + ", ".join(f"{layer} {n}" for layer, n in sorted(by_layer.items(),
                                                                       key=lambda kv: (-kv[1], kv[0]))))
    if seen:
        by_kind: Counter = Counter()
        for (etype, _, _), n in seen:
            by_kind[etype] += n
        notes.append("skipped by kind: " + ", ".join(
            f"{n} {k}" for k, n in sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0]))))
    unused: dict[str, Counter] = {}
    for (_, layer, reason), n in seen:
        if layer not in used:
            unused.setdefault(layer, Counter())[reason] += n
    if unused:
        notes.append("layers not in the plan: " + ", ".join(
            f"{layer} ({sum(c.values())}: {c.most_common(1)[0][0]})"
            for layer, c in sorted(unused.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))))
    return notes


def _reason(kind: str | None, have_rooms: bool) -> str:
    return {
        "wall": "wall linework (rooms came from outlines)" if have_rooms else "wall linework enclosing no room",
        "door": "part of a door symbol",
        "obstacle": "fitting or furniture linework, not a closed outline",
        "ignore": "annotation layer",
        "room": "on a room layer but not a closed outline",
        "ceiling": "on a ceiling layer but not a closed 3D outline",
        "stair": "stair linework (treads, flights), which bounds no room",
        "projection": "a projection (named so or drawn dashed: seen, not cut), which bounds no room",
    }.get(kind or "", "not room geometry")


_RANK = {"high": 0, "medium": 1, "low": 2}
#: at most this many labels in no room are listed one by one (FP010)
MAX_LABEL_FINDINGS = 20
#: labels further than this (m) outside the rooms' extent are a schedule or legend, not lost
PLAN_MARGIN = 2.0
#: a room tag's written area agrees with a room's within this share (its figure rounded)
TAG_AGREES = 0.1


def room_confidence(found: tuple[str, str], ri) -> tuple[str, str]:
    """A room's confidence: the lower of how sure the step that found its outline is
    (``found``: level and reason) and how sure its naming is (``ri``: names' RoomText)."""
    if found[0] == "high" and ri.confidence == "high":
        return "high", ""
    levels = [found, (ri.confidence, ri.reason)]
    worst = max(_RANK.get(lv, 0) for lv, _ in levels)
    level = next(lv for lv, r in levels if _RANK.get(lv, 0) == worst)
    reasons = [r for lv, r in levels if r and _RANK.get(lv, 0) > 0]
    return level, "; ".join(dict.fromkeys(reasons))


def label_findings(reader, rooms) -> list:
    """FP009 for each room of low confidence, FP010 for each room label that lies in no
    room within the plan's extent (:func:`plan_box`: a schedule or legend beside the plan
    is not one). A room label is a text whose name says a room use, or one of the kind of
    text that names the rooms of this drawing (:mod:`~floorplan.io.dxf.names.labelkind`: the
    same layer and height), when it could be a name."""
    from shapely.geometry import Point

    from floorplan.model import InputFinding

    out = []
    for r in rooms:
        if r.confidence == "low":
            out.append(InputFinding("FP009", f"{r.name or r.id}: the reader is unsure of this "
                                    f"room ({r.confidence_reason or 'no reason given'}): check it "
                                    "on the drawing", rooms=(r.id,)))
    lost = reader.lost_labels = lost_labels(reader, rooms)  # for hiddenrooms, too
    tag_areas = reader.__dict__.get("lost_tag_areas") or {}
    for t, name in lost[:MAX_LABEL_FINDINGS]:
        numbers = reader.__dict__.get("lost_numbers") or set()
        said = (f"the room tag {name!r} (a room number with the area {tag_areas[id(t)]!r})"
                if id(t) in tag_areas else f"the room number {name!r}" if id(t) in numbers
                else f"the label {name!r}")
        out.append(InputFinding("FP010", f"{said} at ({t.x:.2f}, {t.y:.2f}) m lies in "
                                "no room and names none: the room may be missing from the plan",
                                entity=t.handle, geometry=Point(t.x, t.y), label=name))
    if len(lost) > MAX_LABEL_FINDINGS:
        rest = lost[MAX_LABEL_FINDINGS:]
        out.append(InputFinding("FP010", f"{len(rest)} more labels lie in no room ("
                                + ", ".join(repr(n) for _, n in rest[:5]) + "…)", entity="labels"))
    return out


def lost_labels(reader, rooms) -> list:
    """The room labels (text, name) that lie in no room of ``rooms`` within the plan's
    extent, in the views read (see :func:`label_findings`)."""
    from floorplan.io.dxf.names import keyplan, labelkind
    from floorplan.io.dxf.text import kind as dxf_text

    outside_texts = reader.outside_texts
    if not rooms or not outside_texts:
        return []
    x0, y0, x1, y1 = plan_box(reader, rooms)
    texts = labelkind.drawing_texts(reader)
    kinds = labelkind.naming_kinds(texts, [r.polygon for r in rooms], [r.name for r in rooms])
    for layer, hs in labelkind.series_kinds(texts).items():  # rooms named by number
        kinds.setdefault(layer, []).extend(h for h in hs if h not in kinds.get(layer, []))
    cands = []
    for t in outside_texts:
        if t.tag or not (x0 <= t.x <= x1 and y0 <= t.y <= y1) or reader.layer_kind(t.layer) == "ignore":
            continue
        name, _ = dxf_text.split_label(t.text)
        if not name or dxf_text.kind(name)[0] != "name" or dxf_text.is_note(name):
            continue
        if labelkind.says_use(name) or (labelkind.is_kin(t.height, t.layer, kinds)
                                        and labelkind.could_name(name)):
            cands.append((t, name))
    cands += _lost_tags(reader, rooms, (x0, y0, x1, y1), cands)
    cands += _lost_numbers(reader, rooms, (x0, y0, x1, y1), cands)
    if cands and reader.__dict__.get("grid") is not None and reader.grid.n >= 2:
        ok = reader.in_view(np.array([(t.x, t.y) for t, _ in cands], dtype=float)).tolist()
        cands = [c for c, k in zip(cands, ok, strict=True) if k]
    cands, key, scale = keyplan.key_plan(cands, rooms)
    if key:
        x = sum(t.x for t, _ in key) / len(key)
        y = sum(t.y for t, _ in key) / len(key)
        reader.notes.append(f"{len(key)} room labels around ({x:.2f}, {y:.2f}) m repeat the names "
                            f"of rooms read, laid out as they are at 1/{scale:.1f} of the size: a "
                            "key plan (a small copy of the plan), set aside: "
                            + ", ".join(repr(n) for _, n in key))
    return cands


def _lost_tags(reader, rooms, box, named) -> list:
    """The room tags that carry a number and a written area but no name (``229`` over
    ``81.6m2``: :func:`~floorplan.io.dxf.names.labelkind.room_tags`) and lie in no room: a lost
    room as much as a lost name is. Only tags of the kind the rooms read hold (their
    number's layer and height, :func:`~floorplan.io.dxf.names.labelkind.tag_kinds`), both parts
    in no room, inside the building's outline (:class:`~floorplan.io.dxf.names.leaders.Building`):
    a tag written larger or beside the building is the building's own, its number over its
    gross area; none beside a name already counted; none whose area is under the smallest
    room the reader reads (a duct's ``.4m2``); none within :data:`~floorplan.io.dxf.names.labelkind.TAG_GAP`
    text heights of a room read whose area agrees with it (:data:`TAG_AGREES`: the room's
    own tag, written just off its outline). (text, number); each one's area in
    ``reader.lost_tag_areas``."""
    from shapely import STRtree
    from shapely.geometry import Point

    from floorplan.io.dxf.names import labelkind
    from floorplan.io.dxf.rooms.outlines import MIN_ROOM_AREA
    from floorplan.io.dxf.text import figures as dxf_figures

    x0, y0, x1, y1 = box
    tree = STRtree([r.polygon for r in rooms])
    out_ids = {id(t) for t in reader.outside_texts}
    tags = labelkind.room_tags([t for t in reader.col.texts if reader.usable_text(t)])
    kinds = labelkind.tag_kinds(tags, [r.polygon for r in rooms])
    areas = reader.__dict__.setdefault("lost_tag_areas", {})
    out = []
    for t, at, number, area in tags:
        if id(t) not in out_ids or id(at) not in out_ids or reader.layer_kind(t.layer) == "ignore":
            continue
        if not (x0 <= t.x <= x1 and y0 <= t.y <= y1) or not labelkind.is_kin(t.height or 0.0, t.layer, kinds):
            continue
        reach = labelkind.TAG_GAP * max(float(t.height or 0.0), 1e-9)
        if any(abs(n.x - t.x) <= reach and abs(n.y - t.y) <= reach for n, _ in named):
            continue  # the tag's name is counted already
        fig = dxf_figures.parse(area)
        m2 = float(fig.area_m2 or 0.0) if fig is not None else 0.0
        if m2 < MIN_ROOM_AREA:
            continue  # a space the reader takes for no room (a duct): none lost
        near = tree.query(Point(t.x, t.y), predicate="dwithin", distance=reach).tolist()
        if any(abs(rooms[k].polygon.area - m2) <= TAG_AGREES * m2 for k in near):
            continue  # the tag of a room read beside it, written just off its outline
        out.append((t, number, area))
    if out:  # a tag beside the building (its number over its gross area) is no room's
        from floorplan.io.dxf.names import leaders

        building = leaders.Building([r.polygon for r in rooms], leaders.WallLines(reader))
        inside = building.holds(np.array([(t.x, t.y) for t, _, _ in out], dtype=float)).tolist()
        out = [o for o, k in zip(out, inside, strict=True) if k]
    areas.update((id(t), area) for t, _, area in out)
    return [(t, number) for t, number, _ in out]


def _lost_numbers(reader, rooms, box, named) -> list:
    """The room numbers with no name beside them (``G03``: a number alone,
    :func:`~floorplan.io.dxf.names.roomnumbers.alone`) that lie in no room: of a kind that
    numbers the drawing's rooms
    (:func:`~floorplan.io.dxf.names.roomnumbers.number_kinds`), inside the
    building's outline (:class:`~floorplan.io.dxf.names.leaders.Building`), none counted
    already, none that names or numbers a room read, none within
    :data:`~floorplan.io.dxf.names.labelkind.TAG_GAP` text heights of an unnamed room read
    (its number written just off it). A room the drawing numbers but does not name is lost as much as a named one
    is. (text, number); their ids in ``reader.lost_numbers``."""
    from shapely.geometry import Point

    from floorplan.io.dxf.names import labelkind, roomnumbers
    from floorplan.io.dxf.rooms.wallrooms import door_points
    from floorplan.io.dxf.text import kind as dxf_text

    x0, y0, x1, y1 = box
    texts = labelkind.drawing_texts(reader)
    kinds = roomnumbers.number_kinds(texts, door_points(reader))
    if not kinds:
        return []
    lone = {(round(texts[k][0], 6), round(texts[k][1], 6), texts[k][2])
            for k in roomnumbers.alone(texts, kinds)}
    have = {id(t) for t, _ in named}
    # a number that names or numbers a room read is that room's, written just off it
    read = {part.strip().casefold() for r in rooms for part in (r.name or "").split(" / ")}
    read |= {str(r.id).casefold() for r in rooms}
    out = []
    for t in reader.outside_texts:
        name = dxf_text.split_label(t.text)[0]
        if name.casefold() in read:
            continue
        if id(t) in have or (t.tag and t.tag.upper() not in _ID_TAGS()) or not labelkind.room_number(name):
            continue
        if not (x0 <= t.x <= x1 and y0 <= t.y <= y1) or reader.layer_kind(t.layer) == "ignore":
            continue
        if (round(t.x, 6), round(t.y, 6), name) not in lone:
            continue
        reach = labelkind.TAG_GAP * max(float(t.height or 0.0), 1e-9)
        if any(not r.name and r.polygon.distance(Point(t.x, t.y)) <= reach for r in rooms):
            continue  # the number of an unnamed room read beside it, written just off it
        out.append((t, name))
    if out:  # a number beside the building (a grid line's, a neighbour's) is no room's
        from floorplan.io.dxf.names import leaders

        walls = leaders.WallLines(reader)
        pts = np.array([(t.x, t.y) for t, _ in out], dtype=float)
        inside = (leaders.Building([r.polygon for r in rooms], walls).holds(pts)
                  | walled_round(pts, list(walls), box))
        out = [o for o, k in zip(out, inside.tolist(), strict=True) if k]
    reader.__dict__.setdefault("lost_numbers", set()).update(id(t) for t, _ in out)
    return out


def walled_round(pts: np.ndarray, walls: list, box) -> np.ndarray:
    """Whether the walls stand round each point of ``pts`` ((n, 2), metres): a wall line
    (``walls``, (m, 2) arrays) lies ahead of it going each of the four ways, within
    ``box`` (x0, y0, x1, y1). A building open along a cut edge, whose outline does not
    close, still stands round its rooms; a grid line's number or a neighbour's name
    beside it has open ground on one side.

    >>> square = [np.array([(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)], dtype=float)]
    >>> walled_round(np.array([(2.0, 2.0), (5.0, 2.0)]), square, (-1, -1, 6, 6)).tolist()
    [True, False]
    """
    from shapely import STRtree
    from shapely.geometry import LineString

    pts = np.asarray(pts, dtype=float).reshape(-1, 2)
    geoms = [LineString(np.asarray(w, dtype=float)[:, :2]) for w in walls if len(w) >= 2]
    if not geoms or not len(pts):
        return np.zeros(len(pts), dtype=bool)
    tree = STRtree(geoms)
    x0, y0, x1, y1 = box
    out = []
    for x, y in pts.tolist():
        ends = ((x1, y), (x0, y), (x, y1), (x, y0))
        rays = [LineString([(x, y), e]) for e in ends]
        out.append(all(len(tree.query(r, predicate="intersects")) for r in rays))
    return np.array(out, dtype=bool)


def _ID_TAGS() -> frozenset:
    from floorplan.io.dxf.names.roles import ID_TAGS

    return frozenset(ID_TAGS)


def plan_box(reader, rooms) -> tuple[float, float, float, float]:
    """The plan's extent, PLAN_MARGIN beyond it: its rooms, the linework the reader
    used (the walls the rooms were found in) and the lines on wall layers, in the views read. Not the rooms' alone:
    where the reader lost part of a building, the lost part's labels are in the plan,
    not beside it."""
    b = np.array([r.polygon.bounds for r in rooms], dtype=float)
    lo, hi = b[:, :2].min(axis=0), b[:, 2:].max(axis=0)
    col = reader.col
    # the linework used, and the wall linework, read for rooms or not: where the rooms
    # came from outlines, a part of the building left without one is in the plan too
    pts = [p.pts[:, :2] for lst in (col.loops, col.opens) for p in lst
           if len(p.pts) and (p.uid in reader.used or reader.layer_kind(p.layer) == "wall")]
    if pts:
        xy = np.vstack(pts)
        if reader.__dict__.get("grid") is not None and reader.grid.n >= 2:
            xy = xy[reader.in_view(xy)]
        xy = xy[np.isfinite(xy).all(axis=1)]
        if len(xy):
            lo = np.minimum(lo, xy.min(axis=0))
            hi = np.maximum(hi, xy.max(axis=0))
    return (float(lo[0]) - PLAN_MARGIN, float(lo[1]) - PLAN_MARGIN,
            float(hi[0]) + PLAN_MARGIN, float(hi[1]) + PLAN_MARGIN)
