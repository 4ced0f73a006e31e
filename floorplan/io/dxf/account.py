"""The reader's account of a drawing: what it used, what it found, what it skipped and why."""

from __future__ import annotations

from collections import Counter


def account(reader, rooms, door_counts, n_obst: int, n_ceil: int, n_met: int, n_aer: int) -> list[str]:
    """Notes: rooms by source, names by origin, features found, and every entity used or
    skipped, counted by type, layer and reason."""
    self = reader
    notes: list[str] = []
    col = self.col
    src = Counter(r.source for r in rooms)
    notes.append(f"rooms: {src.get('outline', 0)} from outlines, {src.get('hatch', 0)} from hatches, "
                 f"{src.get('walls', 0)} from wall linework")
    named = Counter(r.properties.get("name_from") or "unnamed" for r in rooms)
    notes.append("names: " + ", ".join(f"{n} from {k}" if k != "unnamed" else f"{n} unnamed"
                                       for k, n in sorted(named.items())))
    notes.append(f"doors: {door_counts['block']} door blocks, {door_counts['arc']} swing arcs, "
                 f"{door_counts.get('leaf', 0)} leaves, {door_counts.get('opening', 0)} bare openings; "
                 f"{n_obst} fittings, {n_ceil} ceilings, {n_met} meters, {n_aer} aerial points")
    skipped: Counter = Counter(col.skipped)
    inside_marks: Counter = Counter()
    prims = {p.uid: p for lst in (col.loops, col.opens, col.hatches, col.circles, col.faces3d)
             for p in lst}
    n_used = 0
    # primitives, then texts (told apart by where they come from: asking whether each
    # primitive is in the list of texts made this quadratic)
    for p, is_text in [(p, False) for p in prims.values()] + [(t, True) for t in col.texts]:
        if p.uid in self.used:
            n_used += 1
            continue
        kinds = [self.ins_kind.get(u) for u in p.chain if self.ins_kind.get(u)]
        if kinds:
            inside_marks[kinds[0]] += 1
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
    seen = sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))
    for (etype, layer, reason), n in seen[:40]:
        notes.append(f"skipped {n} {etype} on layer {layer}: {reason}")
    if len(seen) > 40:
        rest = sum(n for _, n in seen[40:])
        notes.append(f"skipped {rest} more entities of {len(seen) - 40} other kinds")
    return notes


def _reason(kind: str | None, have_rooms: bool) -> str:
    return {
        "wall": "wall linework (rooms came from outlines)" if have_rooms else "wall linework enclosing no room",
        "door": "part of a door symbol",
        "obstacle": "fitting or furniture linework, not a closed outline",
        "ignore": "annotation layer",
        "room": "on a room layer but not a closed outline",
        "ceiling": "on a ceiling layer but not a closed 3D outline",
    }.get(kind or "", "not room geometry")
