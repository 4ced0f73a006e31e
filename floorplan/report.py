"""The report: plan, measurements, findings; and its stable JSON form (``cli.md``).

Besides the findings, a report carries what an assessor signs against: the
*assumptions* (what the check inferred rather than was told, each with the property or
flag that states it instead) and what the profile says is *not checked from a plan*
(requirements no drawing can show). Every output lists both.

``to_dict`` has a stable key and item order and no timestamps, so reports can be
compared as golden files.

The result (``summary.result``) is ``fail`` when any rule fails, ``warn`` when any warns,
else ``pass``; and ``cannot_assess`` when the reading is too unsure for any verdict
(:func:`floorplan.doubts.unassessable`: most of the floor of unknown use or of low
confidence), whatever the findings say. The exit code is 0 only for ``pass`` and
``warn``; ``fail`` and ``cannot_assess`` give 1 (``docs/cli.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from floorplan._version import __version__
from floorplan.findings import Assumption, Finding, NotChecked, Status
from floorplan.measure import Measurements
from floorplan.model import Doubt, Plan


@dataclass(frozen=True)
class ProfileInfo:
    id: str
    title: str
    version: str | None = None


#: decimal places kept in the report: 1e-6 m and 1e-6 m² (a micrometre; far below what a
#: drawing can say), so float noise such as 6.499999999999999 reads 6.5
DECIMALS = 6


def tidy(value: Any) -> Any:
    """``value`` with every float rounded to :data:`DECIMALS` places (``-0.0`` as ``0.0``),
    numpy scalars as Python numbers, tuples as lists; dict order is kept.

    It walks every value of a report (632,000 at 16,000 rooms), so the common types are
    told apart by ``type(...) is``, a dict's plain values in its own loop, and the
    ``isinstance`` chain (subclasses, numpy) is only the slow path.

    >>> tidy({"a": 6.499999999999999, "b": [1.7249995708465584, -0.0000001], "c": 3})
    {'a': 6.5, 'b': [1.725, 0.0], 'c': 3}
    """
    t = type(value)
    if t is float:
        return round(value, DECIMALS) + 0.0  # nan and inf stay as they are
    if t is dict:
        return _tidy_dict(value)
    if t is list or t is tuple:
        return [v if type(v) in _PLAIN else tidy(v) for v in value]
    if t in _PLAIN:
        return value
    return _tidy_other(value)


#: types :func:`tidy` hands back as they are
_PLAIN = frozenset({str, int, bool, type(None)})


def _tidy_dict(value: dict) -> dict:
    out = {}
    for k, v in value.items():
        t = type(v)
        if t in _PLAIN:
            out[k] = v
        elif t is float:
            out[k] = round(v, DECIMALS) + 0.0
        else:
            out[k] = tidy(v)
    return out


def _tidy_other(value: Any) -> Any:
    """:func:`tidy` of subclasses (a ``str`` enum, a named tuple) and numpy scalars."""
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, float):
        return round(value, DECIMALS) + 0.0
    if isinstance(value, dict):
        return {k: tidy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [tidy(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return tidy(value.item())
    return value


def _level(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


#: how a door was found, by the ``from`` its reader set: a doorway with nothing in it
#: (``gap``), a lift's doors, a folding door's track, a leaf drawn without a swing, or a
#: door an assessor's corrections file added
DOOR_FROM = frozenset({"gap", "lift", "folding", "leaf", "assessor"})


def door_at(door) -> tuple[float, float]:
    """Where ``door`` is, in the plan's metres: its point, or the middle of its line."""
    g = door.geometry
    p = g if g.geom_type == "Point" else g.interpolate(0.5, normalized=True)
    return (float(p.x), float(p.y))


def door_from(door) -> str:
    """How the door came to be on the plan (``docs/cli.md``): ``plan`` (the plan file
    states it: GeoJSON, IFC), ``block`` or ``arc`` (a DXF door symbol) or one of
    :data:`DOOR_FROM`."""
    props = door.properties or {}
    how = props.get("from")
    if how in DOOR_FROM:
        return str(how)
    if "block" in props:
        return "block"
    return "arc" if "handle" in props else "plan"


def door_record(link) -> dict[str, Any]:
    """One door of the JSON report: the two spaces it joins, its width, where it is, and
    what in the drawing it is (the DXF entity's handle, to find it in CAD)."""
    d = link.door
    handle = (d.properties or {}).get("handle")
    return {"id": d.id, "connects": list(link.connects) if link.connects else None,
            "width_m": link.width, "at": list(door_at(d)),
            "level": None if d.level is None else _level(d.level), "entrance": bool(d.entrance),
            "unread": bool(link.unread), "from": door_from(d),
            "handle": None if handle is None else str(handle)}


@dataclass(frozen=True)
class Report:
    plan: Plan
    measurements: Measurements
    profile: ProfileInfo
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = field(default=())
    #: what was inferred rather than declared (see :class:`~floorplan.findings.Assumption`)
    assumptions: tuple[Assumption, ...] = field(default=())
    #: the profile's requirements that no drawing can show
    not_checked: tuple[NotChecked, ...] = field(default=())
    #: what the reader was unsure of (:func:`floorplan.doubts.doubts`)
    unsure: tuple[Doubt, ...] = field(default=())
    #: why no verdict can be given from this drawing (empty: one can)
    cannot_assess: tuple[str, ...] = field(default=())
    #: how many findings those doubts left undecided (each a ``warn`` saying so)
    undecided: int = 0

    @cached_property
    def _counts(self) -> dict[str, int]:
        """The findings by status, counted once (``result``, ``exit_code`` and the report's
        summary each ask; a 16,000-room plan has 24,000 findings)."""
        counts = {s.value: 0 for s in (Status.PASS, Status.FAIL, Status.WARN, Status.NOT_APPLICABLE)}
        for f in self.findings:
            counts[f.status.value] += 1
        return counts

    @property
    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    @property
    def result(self) -> str:
        """``cannot_assess`` when the drawing could not be read well enough for a verdict;
        else ``fail`` when any rule fails, ``warn`` when any warns, else ``pass``."""
        if self.cannot_assess:
            return "cannot_assess"
        counts = self.counts
        if counts["fail"]:
            return "fail"
        return "warn" if counts["warn"] else "pass"

    @property
    def exit_code(self) -> int:
        """0 only when no rule fails and the plan can be assessed; else 1."""
        return 1 if self.counts["fail"] or self.cannot_assess else 0

    @cached_property
    def _by_room(self) -> dict[str, list[Finding]]:
        """Each room's findings in report order, grouped once (not a scan per room)."""
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            for rid in dict.fromkeys(f.rooms):
                out.setdefault(rid, []).append(f)
        return out

    def findings_for(self, room_id: str) -> list[Finding]:
        return list(self._by_room.get(room_id, ()))

    def room_status(self, room_id: str) -> Status | None:
        """The worst status of the findings about a room (None: nothing checked it)."""
        from floorplan.findings import worst

        return worst(f.status for f in self.findings_for(room_id)
                     if f.status is not Status.NOT_APPLICABLE)

    def to_dict(self, tidied: bool = True) -> dict:
        """The report as JSON values, every float rounded (:func:`tidy`); ``tidied=False``
        leaves them as the model holds them, for a writer that tidies as it writes."""
        meta = self.plan.meta
        m = self.measurements
        rooms = []
        for room in self.plan.rooms:
            rm = m.rooms[room.id]
            hr = rm.height_range
            rooms.append({
                "id": room.id, "name": room.name, "use": str(room.use),
                "dwelling": room.dwelling, "level": _level(room.level),
                "source": room.source,
                "confidence": {"level": room.confidence, "reason": room.confidence_reason},
                "stated": [{"kind": st.kind, "text": st.text, "area_m2": st.area_m2,
                            "dimensions_m": list(st.dimensions_m) if st.dimensions_m else None}
                           for st in room.stated],
                "wheelchair": room.wheelchair,
                "gross_area_m2": rm.gross_area, "area_m2": rm.area,
                "low_headroom_area_m2": rm.low_headroom_area,
                "ceiling_height_m": None if hr is None else {"min": hr[0], "max": hr[1]},
                "clear_circle_m": rm.clear_circle_diameter,
                "doors": list(rm.doors), "opens_onto": list(rm.opens_onto),
            })
        doors = [door_record(d) for d in m.doors.values()]
        dwellings = [
            {"id": d.id, "rooms": list(d.rooms), "gross_area_m2": d.gross_area, "area_m2": d.area,
             "storeys": len(d.levels)}
            for d in m.dwellings.values()
        ]
        counts = self.counts
        value = {
            "floorplan_version": __version__,
            "plan": {
                "source": meta.source, "format": meta.format, "units": meta.units,
                "units_reason": meta.units_reason, "name": meta.name, "scheme": meta.scheme,
                "tenants": meta.tenants, "wheelchair": meta.wheelchair,
            },
            "profile": {"id": self.profile.id, "title": self.profile.title,
                        "version": self.profile.version},
            "rooms": rooms,
            "doors": doors,
            "dwellings": dwellings,
            "findings": [f.to_dict() for f in self.findings],
            "warnings": list(self.warnings),
            "assumptions": [a.to_dict() for a in self.assumptions],
            "not_checked": [n.to_dict() for n in self.not_checked],
            "corrections": [
                {"file": c.file, "line": c.line, "action": c.action, "status": c.status,
                 "rooms": list(c.rooms), "message": c.message}
                for c in self.plan.corrections
            ],
            "unsure": [{"kind": u.kind, "text": u.text, "rooms": list(u.rooms)}
                       for u in self.unsure],
            "summary": {"result": self.result, **counts, "undecided": self.undecided,
                        "cannot_assess": list(self.cannot_assess),
                        "exit_code": self.exit_code},
        }
        return tidy(value) if tidied else value
