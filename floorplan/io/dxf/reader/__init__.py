"""Read a DXF floor plan into a :class:`~floorplan.model.Plan` (see ``docs/input-dxf.md``).

The steps, each in its own module:

1. :mod:`~floorplan.io.dxf.load.document` opens the file (recover mode for damaged files).
2. :mod:`~floorplan.io.dxf.collect.modelspace` walks model space once, blocks expanded.
3. :mod:`~floorplan.io.dxf.units.decide` decides the units; a local origin is taken when the
   coordinates are huge (national grids).
4. :mod:`~floorplan.io.dxf.rooms.spaces` finds the rooms: outlines
   (:mod:`~floorplan.io.dxf.rooms.outlines`), else rooms in the wall linework
   (:mod:`~floorplan.io.dxf.walls.faces`); keeps the floor-plan views of the sheet
   (:mod:`~floorplan.io.dxf.views.sheet`) and gives each room its level.
5. :mod:`~floorplan.io.dxf.names.assign` names the rooms;
   :mod:`~floorplan.io.dxf.doors.symbols` finds doors, :mod:`~floorplan.io.dxf.features.fittings`
   fittings and ceilings.

Everything left unused is counted in ``plan.notes`` with the reason.
"""

from __future__ import annotations

import os
import re
from typing import Any

import numpy as np
from shapely.geometry import Point

from floorplan._gc import paused_gc
from floorplan.errors import PlanReadError
from floorplan.io.dxf.account import account, label_findings
from floorplan.io.dxf.collect.modelspace import collect
from floorplan.io.dxf.doors import arcs as dxf_arcs
from floorplan.io.dxf.doors import drawn as dxf_drawn
from floorplan.io.dxf.doors import swings as dxf_swings
from floorplan.io.dxf.doors import symbols as dxf_doors
from floorplan.io.dxf.features import fittings as dxf_features
from floorplan.io.dxf.features import meters as dxf_meters
from floorplan.io.dxf.features import rooflights as dxf_rooflights
from floorplan.io.dxf.features import underlay as dxf_underlay
from floorplan.io.dxf.hidden import mend as hiddenmend
from floorplan.io.dxf.hidden import proof as hiddenproof
from floorplan.io.dxf.layers import LayerMap, load_layer_map, room_siblings
from floorplan.io.dxf.load.document import load, release
from floorplan.io.dxf.load.encoding import clean, safe_strings
from floorplan.io.dxf.load.props import drawing_properties
from floorplan.io.dxf.names import leaders as dxf_leaders
from floorplan.io.dxf.reader.naming import make_rooms
from floorplan.io.dxf.rooms import diagonals as dxf_diagonals
from floorplan.io.dxf.rooms import fixtures as dxf_fixtures
from floorplan.io.dxf.rooms import hidden as hiddenrooms
from floorplan.io.dxf.rooms import outdoor as dxf_outdoor
from floorplan.io.dxf.rooms import shafts as dxf_shafts
from floorplan.io.dxf.rooms import spaces
from floorplan.io.dxf.rooms import voids as dxf_voids
from floorplan.io.dxf.rooms.lostfloor import lost_floor
from floorplan.io.dxf.rooms.outlines import outline_rooms
from floorplan.io.dxf.text import continued as dxf_continued
from floorplan.io.dxf.units import evidence as dxf_evidence
from floorplan.io.dxf.units.frame import stack
from floorplan.io.dxf.views import lattice as dxf_lattice
from floorplan.io.dxf.walls.marks import dashed_layers, hidden_layers, named_by_map
from floorplan.model import (
    Door,
    InputFinding,
    Plan,
    PlanMeta,
    Room,
)
from floorplan.units import normalise_unit

MARK_KINDS = ("door", "obstacle", "meter", "aerial")
#: a block drawn smaller than this (m) across is a symbol: its texts are not room labels
SYMBOL_SIZE = 1.0
#: the layers of floorplan's own DXF mark-up (a marked-up drawing read again), as
#: floorplan.render.cad.layers names them: their texts are not the drawing's labels
MARKUP_LAYER = re.compile(r"^FLOORPLAN-(CHECK|FAIL|REVIEW|PASS|INFO)-[A-Z]+$", re.IGNORECASE)
_BLOCKING = MARK_KINDS + ("label", "sheet")
_NO_NAMES = MARK_KINDS + ("sheet",)  # blocks whose words name no room


def read(path: str | os.PathLike, units: str | None = None,
         layer_map: str | os.PathLike | LayerMap | None = None, *,
         require_rooms: bool = True, view: int | None = None) -> Plan:
    """Read the DXF at ``path``. ``units`` (``--units``) wins over anything the file says;
    ``view`` (``--view``, numbered from 1) names the view of a sheet to read.

    Raises :class:`~floorplan.errors.PlanReadError` for a file that cannot be used, and,
    unless ``require_rooms`` is false, for a drawing in which no room can be found.
    """
    lmap = layer_map if isinstance(layer_map, LayerMap) else load_layer_map(layer_map)
    if units is not None:
        try:
            units = normalise_unit(units)
        except ValueError as exc:
            raise PlanReadError(str(path), str(exc)) from None
    with paused_gc():  # many live objects, no garbage until the plan is built
        loaded = load(path)
        try:
            try:
                return _Reader(str(path), loaded, units, lmap, view=view).run(require_rooms)
            except _Reread as again:  # the rooms read say other units: read once more in them
                return _Reader(str(path), loaded, units, lmap, again.decision, view).run(require_rooms)
        finally:
            release(loaded.doc)


class _Reread(Exception):
    """The rooms read, and the figures written for them, say the drawing is in other
    units than it was read in (not given with ``--units``): read it again in those."""

    def __init__(self, decision):
        super().__init__(decision[0])
        self.decision = decision


class _Reader:
    # set by the units and frame stages (evidence.decide_frame) and the views survey
    unit: str
    units_reason: str
    units_finding: InputFinding | None
    origin_m: tuple[float, float]
    _origin_raw: Any
    _scale: float
    grid: Any
    in_view: Any
    no_plan: str  # why no view was read: none looks like a floor plan

    def __init__(self, source: str, loaded, units: str | None, lmap: LayerMap, forced=None,
                 view: int | None = None):
        self.source = source
        self.forced = forced  # (unit, reason, finding) decided by a first reading
        self.encoding = loaded.encoding
        self.doc = loaded.doc
        self.notes: list[str] = list(loaded.notes)
        self.findings: list[InputFinding] = list(loaded.findings)
        self.units_flag = units
        self.lmap = lmap
        self.used: set[int] = set()
        self._kinds: dict[str, str | None] = {}
        self._ins_kinds: dict[tuple[str, str], str | None] = {}
        self.view = view
        self.rooflit: set[int] = set()  # rooflights' linework (dxf_rooflights)
        self.gaps: list = []  # doorways with nothing in them (walls.doorways)
        self.aside: dict[int, str] = {}  # primitives set aside by a stage, with its reason
        self.dashed = dashed_layers(self.doc)  # layers drawn in a broken linetype

    # -- classification helpers ---------------------------------------------------------
    def layer_kind(self, layer: str) -> str | None:
        """The kind the layer's name says (:meth:`LayerMap.layer_kind`); a layer drawn in a
        broken linetype whose name says nothing, room or wall is a ``projection``
        (:func:`~floorplan.io.dxf.walls.marks.dashed_layers`), unless the user's
        ``--layer-map`` names it."""
        try:
            return self._kinds[layer]
        except KeyError:
            k = self.lmap.layer_kind(layer)
            if k in (None, "room", "wall") and layer in self.dashed \
                    and not named_by_map(self.lmap, layer):
                k = "projection"
            self._kinds[layer] = k
            return k

    def blocked(self, prim) -> bool:
        """Inside a door, fitting, meter, aerial or label block: not room linework."""
        chain = prim.chain
        if chain:
            try:
                inside = self._blocking[chain]
            except KeyError:  # once per chain: a block's primitives share their parents'
                inside = self._blocking[chain] = any(self.ins_kind.get(u) in _BLOCKING for u in chain)
            if inside:
                return True
        return prim.uid in self.rooflit

    def is_door_arc(self, arc) -> bool:
        """The arc is a door's swing (:func:`~floorplan.io.dxf.doors.arcs.door_arc_uids`,
        decided once the units and the door blocks are known)."""
        return arc.uid in self.door_arcs

    def _insert_kind(self, ins) -> str | None:
        """What an INSERT is, by its block name, else its layer; found once per pair (a
        plan places the same door block on the same layer hundreds of times)."""
        key = (ins.name, ins.layer)
        try:
            return self._ins_kinds[key]
        except KeyError:
            pass
        k = self.lmap.block_kind(ins.name)
        if k is None:
            k = self.layer_kind(ins.layer)
            k = k if k in MARK_KINDS else None
        self._ins_kinds[key] = k
        return k

    def _drawn_doors(self) -> None:
        """Blocks that no name or layer places but that draw a door in a wall gap are
        doors (:mod:`~floorplan.io.dxf.doors.drawn`; metres needed, so after the frame)."""
        col = self.col
        found = dxf_drawn.door_blocks(col.inserts, col.opens, col.loops, col.arcs,
                                      self.ins_kind, self.layer_kind)
        if not found:
            return
        for ins in found:
            self.ins_kind[ins.uid] = "door"
        self._blocking.clear()  # chains looked up before hold these blocks as nothing
        names = sorted({ins.name for ins in found})
        self.notes.append(f"{len(found)} blocks read as doors by what they draw (a swing with its "
                          f"leaf in a wall gap), their names and layers saying nothing: "
                          + ", ".join(names[:5]) + (" ..." if len(names) > 5 else ""))

    # -- the whole drawing ----------------------------------------------------------------
    def run(self, require_rooms: bool) -> Plan:
        col = collect(self.doc.modelspace(), 1e-6)
        self.col = col
        self.notes += [f"{what} ({n} times)" if n > 1 else what for what, n in col.read_as.items()]
        codepage = self.encoding or "cp1252"
        for t in col.texts:
            if not t.text.isascii() or "\\" in t.text:
                t.text = clean(t.text, codepage)
        continued = dxf_continued.join(col.texts)  # 'FAMILY ROOM &' over 'UTILITY': one name
        if continued:
            self.notes.append(f"{len(continued)} name(s) written on two lines, the first ending in "
                              "a word that joins ('&', '+', 'and', '/', '-'), read as one: "
                              + ", ".join(repr(a.text) for a, _ in continued[:5])
                              + (" ..." if len(continued) > 5 else ""))
        self.leaders, _ = dxf_leaders.read_leaders(self.doc.modelspace(), col,
                                                   lambda s: clean(s, codepage))
        self.ins_kind = {i.uid: self._insert_kind(i) for i in col.inserts}
        self._blocking: dict[tuple[int, ...], bool] = {}
        self._frame()
        if dxf_lattice.set_aside(self):  # a reference grid over the sheet: no walls, joins no views
            self.stacked = stack(col)
        self._drawn_doors()
        # swings drawn as polylines in door blocks, or loose on door layers: arcs to every
        # stage that reads swings
        col.arcs += dxf_swings.block_swings(col.opens, col.arcs, {
            i.uid for i in col.inserts if self.ins_kind.get(i.uid) == "door"},
            loose=lambda p: self.layer_kind(p.layer) == "door")
        # which arcs are door swings, decided once for every stage (doors/arcs.py)
        self.door_arcs = dxf_arcs.door_arc_uids(col.arcs, col.opens, self.ins_kind,
                                                self.layer_kind, gap=True, loops=col.loops)
        self.rooflit = dxf_rooflights.set_aside(self, col)  # no walls: the floor runs under
        dxf_leaders.to_local(self.leaders, self._origin_raw, self._scale)
        siblings = room_siblings({p.layer for p in col.loops}, self.layer_kind)

        def room_ok(p) -> bool:
            return ((self.layer_kind(p.layer) == "room" or p.layer in siblings
                     or bool(p.extra.get("aec_space"))) and not self.blocked(p))

        # (an outline on a layer switched off is not shown: it is no room of the plan, and
        # the notes must not say it was taken as one before spaces.find leaves it out)
        off = hidden_layers(self.doc, self.lmap)

        def fallback(p) -> bool:
            return (self.layer_kind(p.layer) is None and not self.blocked(p)
                    and not p.extra.get("is3d") and p.layer not in off)

        cands = outline_rooms(col.loops, col.opens, col.hatches, room_ok, self.findings,
                              self.notes, self.used, fallback)
        obstacles = dxf_features.obstacles(col.inserts, self.ins_kind, col.loops, col.circles,
                                           self.layer_kind, self.blocked, self.used)
        found = spaces.find(self, cands, [o.polygon for o, _ in obstacles])
        if not found.polys and require_rooms:
            raise PlanReadError(self.source, "no rooms found: no closed outline on a room layer "
                                "and no enclosed space in the wall linework (see docs/input-dxf.md)"
                                + hiddenrooms.hint(self) + dxf_evidence.size_hint(self))
        found = spaces.choose_views(self, found, self.view)
        if not found.polys and require_rooms:
            raise PlanReadError(self.source, self.no_plan or "no rooms found in the view read "
                                "(see the views listed with --view)")
        found = hiddenmend.mend(self, found)  # rooms a proving hidden layer shows misread
        polys, layers, self.combined = found.polys, found.layers, found.combined
        # levels first: rooms and doors are made with theirs
        levels, level_note = spaces.levels(self, found)
        locate = spaces.locator(self, polys, levels)
        doors, door_counts = dxf_doors.doors(col.arcs, col.opens, col.inserts, self.ins_kind,
                                             self.layer_kind, polys, self.used, col.loops,
                                             level_of=locate, door_arc=self.is_door_arc)
        for (x, y), width, how in self.gaps:
            at = Point(x, y)
            doors.append((Door(f"D{len(doors) + 1}", at, width=round(width, 4),
                               level=locate(at, ""), properties={"from": how}), ""))
        door_counts["lift"] = sum(1 for *_, how in self.gaps if how == "lift")
        door_counts["folding"] = sum(1 for *_, how in self.gaps if how == "folding")
        door_counts["opening"] = len(self.gaps) - door_counts["lift"] - door_counts["folding"]
        doors = self._in_view(doors, lambda d: d.geometry.centroid, "doors")
        obstacles = self._in_view(obstacles, lambda o: o.polygon.centroid, "fittings")
        ceilings = dxf_features.ceilings(col.faces3d, self.layer_kind, self.used, col.skipped)
        made = self._rooms(polys, found.sources, layers, ceilings, levels, found.sure,
                           ([d.geometry for d, _ in doors], [(o.polygon, o.kind) for o, _ in obstacles]))
        rooms = dxf_outdoor.set_aside(made, self.notes, self.findings)
        # counters, an island, a shower's enclosure drawn with the walls: the room's fittings
        n_doors = len(doors)
        rooms, doors = dxf_fixtures.set_aside(self, rooms, doors, obstacles, self.notes,
                                              self.findings)
        door_counts["opening"] -= n_doors - len(doors)  # the walkways between fittings
        n_doors = len(doors)
        rooms, doors = dxf_voids.set_aside(self, rooms, doors, self.notes, self.findings)
        door_counts["opening"] -= n_doors - len(doors)  # gaps in a void's edge
        rooms = dxf_diagonals.set_aside(self, rooms, doors, self.notes, self.findings)
        # (before the shafts: a void's parts are no spaces whose doors the drawing lacks)
        rooms = dxf_shafts.set_aside(rooms, [d for d, _ in doors], self.notes, self.findings,
                                     spaces.drawn_doorways(self))
        rooms = dxf_shafts.entered_after_all(rooms, [d for d, _ in doors])
        rooms += hiddenproof.adopt(self, rooms, locate)  # closed only on a hidden layer
        self.findings += hiddenmend.findings(self, rooms)
        rooms = hiddenmend.doubt_unoutlined(self, rooms)
        self.findings += lost_floor(self, rooms, made)  # floor inside the walls in no room
        self.findings += label_findings(self, rooms)
        self.findings += hiddenrooms.findings(self, rooms)  # rooms on a layer switched off
        if level_note:
            self.notes.append(level_note)
        meters, aerials = dxf_meters.meters_and_aerials(col.inserts, col.texts, self.ins_kind,
                                                         self.used, locate)
        doors = dxf_features.finite(doors, "door", self.notes)
        obstacles = dxf_features.finite(obstacles, "fitting", self.notes)
        plan_doors = tuple(dxf_features.with_entrance(d, lay) for d, lay in doors)
        plan_obst = tuple(_with(o, level=locate(o.polygon.centroid, lay)) for o, lay in obstacles)
        plan_ceil = tuple(_with(c, level=locate(c.polygon.representative_point(), lay))
                          for c, lay in ceilings)
        self.notes += account(self, rooms, door_counts, len(plan_obst), len(plan_ceil), len(meters),
                              len(aerials))
        rooms, self.notes, self.findings = safe_strings(rooms, self.notes, self.findings)
        meta = PlanMeta(name=os.path.splitext(os.path.basename(self.source))[0], units=self.unit,
                        source=self.source, format="dxf", origin=self.origin_m,
                        units_reason=self.units_reason).override(
            **drawing_properties(self.doc, self.source, self.notes))
        linework = dxf_underlay.linework(self, polys, levels)  # for the image, under the rooms
        return Plan(meta=meta, rooms=tuple(rooms), doors=plan_doors, obstacles=plan_obst,
                    ceilings=plan_ceil, meters=tuple(meters), aerials=tuple(aerials),
                    findings=tuple(self.findings), notes=tuple(self.notes), linework=linework)

    # -- units and frame ----------------------------------------------------------------------
    def _frame(self) -> None:
        dxf_evidence.frame(self)

    def _check_units(self, polys, info) -> None:
        """Weigh the units again with the rooms read and the figures written for them;
        read again in other units when they say so (unless given with ``--units``)."""
        again = dxf_evidence.check_units(self, polys, info)
        if again is not None:
            raise _Reread(again)

    # -- rooms ----------------------------------------------------------------------------------
    def _in_view(self, items: list, where, what: str) -> list:
        """``items`` ((feature, layer) pairs) that lie in a view read; the rest noted."""
        if not items or self.grid.n < 2:
            return items
        pts = np.array([(p.x, p.y) for p in (where(f) for f, _ in items)])
        ok = self.in_view(pts).tolist()
        if all(ok):
            return items
        self.notes.append(f"{ok.count(False)} {what} in views set aside left out")
        return [it for it, k in zip(items, ok, strict=True) if k]

    def usable_text(self, t) -> bool:
        """A text that may say something about a room: not on an annotation or ceiling
        layer, not inside a door, fitting, meter, aerial or title block, not floorplan's own
        mark-up."""
        return (self.layer_kind(t.layer) not in ("ignore", "ceiling")
                and not (t.chain and any(self.ins_kind.get(u) in _NO_NAMES for u in t.chain))
                and not (t.layer[:10].upper() == "FLOORPLAN-" and MARKUP_LAYER.match(t.layer))
                and not self._in_symbol(t) and t.uid not in self._key_marks())

    def _key_marks(self) -> set[int]:
        """The texts that key a window or a door (``W2`` in its circle): see
        :func:`~floorplan.io.dxf.names.keymarks.of_reading` (found once per collection)."""
        from floorplan.io.dxf.names.keymarks import of_reading

        had = self.__dict__.get("_keys")
        if had is None or had[0] is not self.col:
            had = self.__dict__["_keys"] = (self.col, of_reading(self))
        return had[1]

    def _in_symbol(self, t) -> bool:
        """Inside a block drawn smaller than :data:`SYMBOL_SIZE`: the ``Si`` of a fire-alarm
        sounder is no room's name (found once per insert)."""
        if not t.chain or t.tag:
            return False
        uid = t.chain[-1]
        symbols = self.__dict__.setdefault("_symbols", {})
        if uid not in symbols:
            pts = getattr(self.col.by_uid.get(uid), "pts", None)
            symbols[uid] = (self.ins_kind.get(uid) != "label" and pts is not None and len(pts) > 0
                            and float(np.ptp(pts, axis=0).max()) < SYMBOL_SIZE)
        return symbols[uid]

    def _lone_numbers(self) -> set[int]:
        """The texts that number a room alone (``G03``): see
        :func:`~floorplan.io.dxf.names.roomnumbers.lone_numbers`."""
        from floorplan.io.dxf.names.roomnumbers import lone_numbers
        from floorplan.io.dxf.rooms.wallrooms import door_points

        texts = [t for t in self.col.texts if t.tag is None and self.usable_text(t)]
        return lone_numbers(texts, door_points(self)) if texts else set()

    def _rooms(self, polys, sources, layers, ceilings, levels, confidences=None,
               evidence=((), ())) -> list[Room]:
        """The rooms, named (:func:`~floorplan.io.dxf.reader.naming.make_rooms`)."""
        return make_rooms(self, polys, sources, layers, ceilings, levels, confidences, evidence)

def _with(obj, **values):
    """``dataclasses.replace`` for the model's dataclasses (every field set by ``__init__``,
    nothing else in the instance), without its generic field-by-field checks."""
    return type(obj)(**{**vars(obj), **values})
