"""One review: the drawing as read, the corrections so far, and the check of the result.

The corrections are kept as the TOML text that will be saved: those already in the file
keep their own text (and comments), those made in the page are written as they are made.
Every edit re-parses the whole text with the same parser every command uses, applies it
to the drawing as read, and checks the result, so what the page shows is exactly what
``floorplan check`` will say once the file is saved. Nothing is written until
:meth:`Session.save`, and then only the corrections file.

Edits carry the revision they were made on; one made on an older revision (another tab,
another window) is refused, and saving refuses to overwrite a file changed on disk since
it was read: one writer at a time.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shapely.geometry import Point

from floorplan.corrections import beside, parse_text
from floorplan.corrections.parse import scan_tables
from floorplan.corrections.write import entry_text, plan_text, string
from floorplan.errors import CorrectionsError, FloorplanError
from floorplan.model import OUTSIDE, Plan, Room


class Conflict(FloorplanError):
    """An edit made on a revision that is no longer current, or a file changed on disk."""


class BadEdit(FloorplanError):
    """An edit the page asked for that cannot be made (the message says why)."""


@dataclass
class Item:
    """One correction as saved: its kind, its TOML text, and whether the file had it."""

    action: str
    text: str
    origin: str = "new"  # "file": in the corrections file when the review began


def _sha(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


class Session:
    """The state of one ``floorplan review``; every public method holds :attr:`lock`."""

    def __init__(self, plan_path: str | os.PathLike, corrections: str | os.PathLike | None = None,
                 *, profile: str | None = None, units: str | None = None,
                 layer_map: str | None = None, view: int | None = None, **overrides: Any):
        self.plan_path = str(plan_path)
        target = Path(corrections) if corrections else beside(plan_path)
        if target is None:
            raise BadEdit("a plan read from standard input has no corrections file to save")
        self.target = target
        self.profile = profile
        self.units = units
        self.layer_map = layer_map
        self.view = view
        self.overrides = {k: v for k, v in overrides.items() if v is not None}
        self.lock = threading.RLock()
        self.revision = 0
        self.changed = False
        self._read: dict[str | None, Plan] = {}
        raw = target.read_bytes() if target.is_file() else None
        self.disk_sha = _sha(raw)
        self.preamble, self.plan_values, self.plan_verbatim, self.items = self._split(
            raw.decode("utf-8") if raw is not None else None)
        self.plan_edited = False
        self.refresh()

    # -- the text ---------------------------------------------------------------------------
    def _split(self, text: str | None) -> tuple[str, dict, str, list[Item]]:
        """(preamble, [plan] values, [plan] text, items) of the file's text."""
        if text is None:
            name = Path(self.plan_path).name
            pre = ("# Corrections made in floorplan review (docs/corrections.md). Points are in the\n"
                   "# drawing's own coordinates and units; widths and heights are in metres.\n"
                   f"version = 1\ndrawing = {string(name)}\n")
            return pre, {}, "", []
        parsed = parse_text(text, str(self.target))  # a file that cannot be used stops here
        lines = text.removeprefix("\ufeff").splitlines(keepends=True)
        heads = [b for b in scan_tables(text)[1:]]
        starts = [b.line - 1 for b in heads] + [len(lines)]
        pre = "".join(lines[: starts[0]])
        plan_verbatim = ""
        items: list[Item] = []
        carry = ""
        for b, a, z in zip(heads, starts, starts[1:], strict=False):
            chunk = lines[a:z]
            tail = len(chunk)
            while tail > 1 and (not chunk[tail - 1].strip() or chunk[tail - 1].lstrip().startswith("#")):
                tail -= 1  # comments after a table introduce the next one
            body = carry + "".join(chunk[:tail])
            carry = "".join(chunk[tail:])
            if b.name == "plan" and not b.array:
                plan_verbatim = body
            else:
                items.append(Item(b.name or "", body, "file"))
        if carry.strip() and items:
            items[-1].text += carry
        return pre, dict(parsed.plan), plan_verbatim, items

    def text(self) -> str:
        """The corrections file as it would be saved now."""
        parts = [self.preamble.rstrip("\n") + "\n"] if self.preamble.strip() else []
        plan = plan_text(self.plan_values) if self.plan_edited else self.plan_verbatim
        for block in [plan] + [i.text for i in self.items]:
            if block.strip():
                parts.append(block.strip("\n") + "\n")
        return "\n".join(parts)

    # -- reading and checking -------------------------------------------------------------
    def read(self, units: str | None) -> Plan:
        if units not in self._read:
            from floorplan.io import read_plan

            self._read[units] = read_plan(self.plan_path, units=units, layer_map=self.layer_map,
                                          view=self.view)
        return self._read[units]

    def refresh(self) -> None:
        """Apply the corrections to the drawing as read and check the result."""
        from floorplan import corrections
        from floorplan.engine import check
        from floorplan.io.corrected import frame_for

        fixes = parse_text(self.text(), str(self.target))
        units = self.units or fixes.units
        plan = self.read(units)
        self.frame = frame_for(plan)
        given = set(self.overrides) | ({"units"} if self.units else set())
        self.plan = corrections.apply(plan, fixes, self.frame, overridden=given)
        self.plan = self.plan.with_meta(**self.overrides)
        self.report = check(self.plan, self.profile)

    # -- edits ----------------------------------------------------------------------------
    def edit(self, op: dict[str, Any], revision: int) -> None:
        """Make one edit the page asked for, on ``revision``; re-check."""
        with self.lock:
            if revision != self.revision:
                raise Conflict("the corrections changed in another window since this page "
                               "was loaded: reload it")
            saved = (list(self.items), dict(self.plan_values), self.plan_edited)
            try:
                self._apply_op(op)
                self.refresh()
            except (CorrectionsError, BadEdit, KeyError, TypeError, ValueError) as exc:
                self.items, self.plan_values, self.plan_edited = saved
                self.refresh()
                raise BadEdit(str(exc.args[0] if isinstance(exc, KeyError) else exc)) from None
            self.revision += 1
            self.changed = True

    def _apply_op(self, op: dict[str, Any]) -> None:
        kind = op.get("op")
        if kind == "undo":
            index = int(op["index"])
            if not 0 <= index < len(self.items):
                raise BadEdit(f"there is no correction {index}")
            del self.items[index]
            return
        if kind == "plan":
            key, value = op["key"], op.get("value")
            if key not in ("units", "scheme", "tenants", "wheelchair", "north", "name"):
                raise BadEdit(f"the plan has no value {key!r} to set")
            if value is None or value == "":
                self.plan_values.pop(key, None)
            else:
                self.plan_values[key] = value
            self.plan_edited = True
            return
        make = {"room": self._room, "delete": self._delete, "merge": self._merge,
                "split": self._split_room, "ceiling": self._ceiling, "door_add": self._door_add,
                "door_remove": self._door_remove}.get(kind or "")
        if make is None:
            raise BadEdit(f"unknown edit {kind!r}")
        action, values, note = make(op)
        self.items.append(Item(action, entry_text(action, values, note)))

    def room(self, room_id: str) -> Room:
        try:
            return self.plan.room(room_id)
        except KeyError:
            raise BadEdit(f"there is no room {room_id} (reload the page)") from None

    def point_in(self, room: Room) -> tuple[float, float]:
        """A point well inside ``room`` in the drawing's coordinates, rounded to about a
        millimetre, far from every wall (:func:`~floorplan.review.state.deep_point`), so a
        re-read that traces the walls a little differently still finds the room."""
        from floorplan.review.state import deep_point

        poly = room.polygon
        d = self.frame.decimals
        measured = self.report.measurements.rooms.get(room.id)
        circle = measured.clear_circle if measured is not None else None
        candidates = [deep_point(poly, circle), poly.representative_point()]
        for c in candidates:
            x, y = self.frame.to_file(c.x, c.y)
            at = (round(x, d), round(y, d))
            if poly.contains(Point(self.frame.to_local(*at))):
                return at
        raise BadEdit(f"{room.id} is too thin to name by a point inside it")

    def _at(self, room: Room) -> dict[str, Any]:
        out: dict[str, Any] = {"at": self.point_in(room)}
        if len(self.plan.levels) > 1:
            out["at_level"] = float(room.level)
        return out

    @staticmethod
    def _about(room: Room) -> str:
        what = repr(room.name) if room.name else "unnamed"
        return f"{room.id} ({what}, {room.polygon.area:.2f} m²) as the page showed it"

    def _room(self, op: dict) -> tuple[str, dict, str]:
        room = self.room(op["room"])
        values = self._at(room)
        for key, v in (op.get("set") or {}).items():
            if key not in ("name", "use", "dwelling", "level", "wheelchair", "bedroom_type",
                           "bedspaces"):
                raise BadEdit(f"a room has no property {key!r}")
            values[key] = float(v) if key == "level" else v
        if len(values) == len(self._at(room)):
            raise BadEdit("nothing to change")
        return "room", values, self._about(room)

    def _delete(self, op: dict) -> tuple[str, dict, str]:
        room = self.room(op["room"])
        return "delete", {**self._at(room), "note": "not a room"}, self._about(room)

    def _merge(self, op: dict) -> tuple[str, dict, str]:
        rooms = [self.room(r) for r in op["rooms"]]
        if len({r.id for r in rooms}) < 2:
            raise BadEdit("choose two different rooms to merge")
        values: dict[str, Any] = {"at": [self.point_in(r) for r in rooms]}
        if len(self.plan.levels) > 1:
            values["at_level"] = float(rooms[0].level)
        return "merge", values, " + ".join(self._about(r).split(" as ")[0] for r in rooms)

    def _split_room(self, op: dict) -> tuple[str, dict, str]:
        room = self.room(op["room"])
        d = self.frame.decimals
        line = [tuple(round(c, d) for c in self.frame.to_file(float(x), float(y)))
                for x, y in op["line"]]
        if len(line) < 2:
            raise BadEdit("a split line needs two points")
        return "split", {**self._at(room), "line": line}, self._about(room)

    def _ceiling(self, op: dict) -> tuple[str, dict, str]:
        room = self.room(op["room"])
        return "ceiling", {**self._at(room), "height": float(op["height"])}, self._about(room)

    def _door_add(self, op: dict) -> tuple[str, dict, str]:
        a = self.room(op["rooms"][0])
        other = op["rooms"][1]
        b = OUTSIDE if other == OUTSIDE else self.room(other)
        values: dict[str, Any] = {"between": [
            self.point_in(a), OUTSIDE if isinstance(b, str) else self.point_in(b)]}
        if op.get("at") is not None:
            d = self.frame.decimals
            values["at"] = tuple(round(c, d) for c in self.frame.to_file(*map(float, op["at"])))
        elif b == OUTSIDE:
            raise BadEdit("click where the door to outside is")
        if len(self.plan.levels) > 1:
            values["at_level"] = float(a.level)
        if op.get("width") is not None:
            values["width"] = float(op["width"])
        names = f"{a.id} and {'outside' if b == OUTSIDE else b.id}"  # type: ignore[union-attr]
        return "door", values, f"a door between {names} as the page showed them"

    def _door_remove(self, op: dict) -> tuple[str, dict, str]:
        did = op["door"]
        link = self.report.measurements.doors.get(did)
        if link is None:
            raise BadEdit(f"there is no door {did} (reload the page)")
        g = link.door.geometry
        mid = g if g.geom_type == "Point" else g.interpolate(0.5, normalized=True)
        d = self.frame.decimals
        values: dict[str, Any] = {"at": tuple(round(c, d) for c in self.frame.to_file(mid.x, mid.y))}
        if link.connects:
            values["between"] = [OUTSIDE if r == OUTSIDE else self.point_in(self.room(r))
                                 for r in link.connects]
            if values["between"][0] == OUTSIDE:
                values["between"].reverse()
        values["remove"] = True
        return "door", values, f"door {did} as the page showed it"

    # -- saving ---------------------------------------------------------------------------
    def save(self, revision: int) -> str:
        """Write the corrections file (whole or not at all); nothing else is written."""
        from floorplan.io.atomic import write_atomic

        with self.lock:
            if revision != self.revision:
                raise Conflict("the corrections changed in another window: reload before saving")
            raw = self.target.read_bytes() if self.target.is_file() else None
            if _sha(raw) != self.disk_sha:
                raise Conflict(f"{self.target} was changed on disk since the review began: "
                               "not overwritten (reload to start from it)")
            text = self.text()
            parse_text(text, str(self.target))  # never save what the commands could not read
            write_atomic(self.target, text)
            self.disk_sha = _sha(text.encode("utf-8"))
            self.changed = False
            self.revision += 1
            return str(self.target)
