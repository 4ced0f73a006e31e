"""Two guards around the DXF collector: a block-expansion budget, and numbers that are numbers.

- **Blocks nested like "billion laughs"** (8 levels, each inserting the next 10 times)
  expand to 10^8 entities and take the machine. :func:`check_expansion` counts what
  expanding model space would make, from the block definitions alone (each block counted
  once, memoised), before anything is made, and refuses a drawing over the budget with one
  line. The budget is :data:`~floorplan.io.limits.MAX_BLOCK_ENTITIES`, or
  ``--max-entities`` / ``FLOORPLAN_MAX_ENTITIES``.
- **NaN, infinite or absurd coordinates** (1e300) reach GEOS, which stops with an
  internal error. :func:`drop_unusable` takes every primitive, text and block reference
  whose numbers are not finite or lie beyond :data:`MAX_COORD` out of what was collected,
  and counts it as skipped with the reason and the first entity's handle.
"""

from __future__ import annotations

import numpy as np

from floorplan.errors import PlanReadError
from floorplan.io import limits
from floorplan.io.dxf.collect.prims import Collected

#: a coordinate further from the origin than this (drawing units) is not a drawing's
MAX_COORD = 1.0e12
#: the environment variable that sets the block budget (``--max-entities`` sets it)
BUDGET_VAR = "FLOORPLAN_MAX_ENTITIES"
_LISTS = ("loops", "opens", "arcs", "faces3d", "hatches", "circles")


def budget() -> int:
    return max(1, limits.env_int(BUDGET_VAR, limits.MAX_BLOCK_ENTITIES))


def _copies(e) -> int:
    """How many placements one INSERT makes (a MINSERT array: rows x columns)."""
    d = vars(e.dxf)
    try:
        rows = int(d.get("row_count", 1) or 1)
        cols = int(d.get("column_count", 1) or 1)
    except (TypeError, ValueError, OverflowError):
        return 1
    return max(1, rows) * max(1, cols)


def count_expansion(entities, doc, max_depth: int, cap: int) -> int:
    """Entities that expanding ``entities`` (block references and all they nest, down to
    ``max_depth``) would make; stops counting a little past ``cap``."""
    memo: dict[tuple[str, int], int] = {}
    busy: set[str] = set()

    def block_size(name: str, depth: int) -> int:
        key = (name, depth)
        if key in memo:
            return memo[key]
        if depth >= max_depth or name in busy:  # cut, as the collector cuts it
            return 0
        block = doc.blocks.get(name) if doc is not None else None
        if block is None:
            return 0
        busy.add(name)
        try:
            n = walk(block, depth + 1)
        finally:
            busy.discard(name)
        memo[key] = n
        return n

    def walk(ents, depth: int) -> int:
        total = 0
        for e in ents:
            try:
                t = e.dxftype()
            except Exception:  # noqa: BLE001 - the collector counts broken entities
                continue
            total += 1
            if t == "INSERT":
                try:
                    name = e.dxf.name
                except Exception:  # noqa: BLE001
                    continue
                total += _copies(e) * (block_size(name, depth) + len(e.attribs))
            if total > cap:
                return total
        return total

    return walk(entities, 0)


def check_expansion(msp, max_depth: int) -> None:
    """Refuse (one line) a drawing whose block references would make more entities than
    the budget."""
    cap = budget()
    doc = getattr(msp, "doc", None)
    n = count_expansion(msp, doc, max_depth, cap)
    if n > cap:
        source = getattr(doc, "filename", None) or "the drawing"
        raise PlanReadError(str(source), f"expanding its block references would make over "
                            f"{cap:,} entities (blocks nested in blocks, each placed many "
                            f"times); over the budget, so not read (raise it with "
                            f"--max-entities N if the drawing is genuine)")


def _ok(a) -> bool:
    a = np.asarray(a, dtype=float)
    return a.size == 0 or bool(np.abs(a).max() < MAX_COORD)  # False for NaN and inf too


def _prim_ok(p) -> bool:
    if not _ok(p.pts):
        return False
    extra = p.extra
    if extra:
        if "center" in extra and not (_ok(extra["center"]) and _ok(extra["ends"])
                                      and _ok([extra.get("radius", 0.0)])):
            return False
        if "radius" in extra and not _ok([extra["radius"]]):
            return False
        if "rings" in extra and not all(_ok(r) for r in extra["rings"]):
            return False
    return True


def _sound_inserts(inserts: list) -> set[int]:
    """The uids of ``inserts`` whose place and block points are all usable (:func:`_ok` of
    each), found for all at once: a plan places thousands."""
    if not inserts:
        return set()
    ok = np.abs(np.array([(i.x, i.y) for i in inserts], dtype=float)).max(axis=1) < MAX_COORD
    with_pts = [k for k, i in enumerate(inserts) if i.pts is not None and np.size(i.pts)]
    if with_pts:
        arrays = [np.asarray(inserts[k].pts, dtype=float).reshape(len(inserts[k].pts), -1)
                  for k in with_pts]
        starts = np.cumsum([0] + [len(a) for a in arrays[:-1]])
        rows = np.abs(np.concatenate(arrays)).max(axis=1) < MAX_COORD  # False for NaN too
        ok[with_pts] &= np.logical_and.reduceat(rows, starts)
    return {i.uid for i, good in zip(inserts, ok.tolist(), strict=True) if good}


def drop_unusable(out: Collected) -> None:
    """Take what has non-finite or absurd coordinates out of ``out``; count it as skipped
    (the reason names the first such entity's handle).

    Fast on a sound drawing: a block reference's content is checked in one array (its
    ``pts``), and the rest in one concatenation; only a drawing with a bad number is
    searched primitive by primitive.
    """
    sound = _sound_inserts([i for i in out.inserts if not i.chain])
    loose = [p for name in _LISTS for p in getattr(out, name)
             if not p.chain or p.chain[0] not in sound]
    arrays = [p.pts[:, :2] for p in loose if len(p.pts)]
    arrays += [r for p in loose if p.extra and "rings" in p.extra for r in p.extra["rings"]]
    texts_ok = _ok(np.array([(t.x, t.y, t.height) for t in out.texts], dtype=float))
    inserts_ok = all(i.chain[0] in sound if i.chain else i.uid in sound for i in out.inserts)
    if texts_ok and inserts_ok and (not arrays or _ok(np.concatenate(arrays))):
        return
    bad: dict[tuple[str, str], list[str]] = {}
    seen: set[int] = set()
    for name in _LISTS:
        lst = getattr(out, name)
        keep = []
        for p in lst:
            if (p.chain and p.chain[0] in sound) or _prim_ok(p):
                keep.append(p)
            elif id(p) not in seen:  # an ARC is in opens and arcs: count it once
                seen.add(id(p))
                bad.setdefault((p.etype, p.layer), []).append(p.handle)
        if len(keep) != len(lst):
            setattr(out, name, keep)
    texts = [t for t in out.texts if _ok([t.x, t.y, t.height])]
    if len(texts) != len(out.texts):
        for t in out.texts:
            if not _ok([t.x, t.y, t.height]):
                bad.setdefault((t.etype, t.layer), []).append(t.handle)
        out.texts = texts
    inserts = [i for i in out.inserts if _ok([i.x, i.y]) and (i.pts is None or _ok(i.pts))]
    if len(inserts) != len(out.inserts):
        for i in out.inserts:
            if not (_ok([i.x, i.y]) and (i.pts is None or _ok(i.pts))):
                bad.setdefault(("INSERT", i.layer), []).append(i.handle)
                out.by_uid.pop(i.uid, None)
        out.inserts = inserts
    for (etype, layer), handles in bad.items():
        reason = (f"coordinates that are not finite numbers or lie beyond {MAX_COORD:g} "
                  f"(handle {handles[0]}" + (f" and {len(handles) - 1} more)" if len(handles) > 1
                                              else ")"))
        out.skipped[(etype, layer, reason)] += len(handles)


__all__ = ["BUDGET_VAR", "MAX_COORD", "budget", "check_expansion", "count_expansion",
           "drop_unusable"]
