"""Status and Finding: the one record every layer passes around.

A rule yields :class:`Outcome` values (what it measured, the status, the geometry it
measured); the engine stamps the rule's code, name, severity and reference from the
profile and turns each into a :class:`Finding`. Readers' notices (FP0xx) become findings
the same way, so reporters and renderers see one kind of record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # kept out of run time so listing rules does not load shapely
    from shapely.geometry.base import BaseGeometry


class Status(StrEnum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    NOT_APPLICABLE = "not_applicable"

    @property
    def rank(self) -> int:
        """Badness for "worst status" comparisons: fail > warn > pass > not applicable."""
        return _RANK[self]


_RANK = {Status.NOT_APPLICABLE: 0, Status.PASS: 1, Status.WARN: 2, Status.FAIL: 3}

#: the words every human-facing output uses for a status (the JSON keeps the codes)
STATUS_WORDS: dict[str, str] = {"pass": "met", "warn": "to review", "fail": "not met",
                                "not_applicable": "not applicable"}
#: the words for a whole report's result (``Report.result``)
RESULT_WORDS: dict[str, str] = {"pass": "met", "warn": "met, with points to review",
                                "fail": "not met",
                                "cannot_assess": "cannot be assessed from this drawing"}


def tally(counts: dict, sep: str = ", ", empty: bool = True) -> str:
    """A report's counts in words: "2 not met, 1 to review, 9 met, 3 not applicable".

    >>> tally({"fail": 2, "warn": 1, "pass": 9, "not_applicable": 3}, " · ")
    '2 not met · 1 to review · 9 met · 3 not applicable'
    """
    keys = ("fail", "warn", "pass", "not_applicable")
    return sep.join(f"{counts.get(k, 0)} {STATUS_WORDS[k]}" for k in keys
                    if empty or counts.get(k, 0) or k != "not_applicable")


def words(status) -> str:
    """The word for a status in human-facing text.

    >>> words(Status.WARN), words("fail")
    ('to review', 'not met')
    """
    return STATUS_WORDS.get(str(status), str(status))


def worst(statuses) -> Status | None:
    """The worst of ``statuses`` (``None`` for none).

    >>> worst([Status.PASS, Status.WARN])
    <Status.WARN: 'warn'>
    """
    best: Status | None = None
    for s in statuses:
        s = Status(s)
        if best is None or s.rank > best.rank:
            best = s
    return best


@dataclass(frozen=True)
class Mark:
    """A piece of geometry a finding is about, with its role for the renderer.

    Roles in use: ``room`` (the room polygon), ``low_headroom`` (floor under 1.5 m),
    ``circle`` (the largest clear circle: a Point buffered to its radius, with ``size``
    the diameter), ``required_circle`` (the circle the rule asks for, placed where it
    fits or at the room's pole), ``clear_square`` (a square of clear floor, e.g. the
    1200 mm one inside a bedroom door, ``size`` its side), ``door``, ``point`` (a meter,
    an aerial), ``entity`` (a skipped or repaired input entity), ``label`` (a text of the
    drawing the reader could not place, e.g. a room label in no room: ``label`` its words).
    """

    role: str
    geometry: BaseGeometry
    size: float | None = None
    label: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What a rule found about one subject, before the engine stamps code and name."""

    status: Status
    rooms: tuple[str, ...] = ()
    dwelling: str | None = None
    measured: float | None = None
    required: float | None = None
    unit: str | None = None
    message: str = ""
    clause: str | None = None
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One checked requirement for one subject (a room, a dwelling, the plan)."""

    rule: str
    name: str
    status: Status
    message: str
    rooms: tuple[str, ...] = ()
    dwelling: str | None = None
    measured: float | None = None
    required: float | None = None
    unit: str | None = None
    reference: str | None = None
    marks: tuple[Mark, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict:
        """The JSON form (see ``cli.md``); geometry is left to the GeoJSON reporter."""
        return {
            "rule": self.rule,
            "name": self.name,
            "status": str(self.status),
            "rooms": list(self.rooms),
            "dwelling": self.dwelling,
            "measured": self.measured,
            "required": self.required,
            "unit": self.unit,
            "message": self.message,
            "reference": self.reference,
        }


@dataclass(frozen=True)
class Assumption:
    """Something the check inferred rather than was told, and how to tell it instead.

    ``topic`` is one of :data:`ASSUMPTION_TOPICS`; ``subject`` what it is about (a home,
    a room, a threshold) so the same inference is listed once; ``override`` names the
    plan property, command-line flag or profile setting that states it instead.
    """

    topic: str
    text: str
    override: str
    subject: str | None = None
    rooms: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"topic": self.topic, "subject": self.subject, "text": self.text,
                "override": self.override, "rooms": list(self.rooms)}


#: assumption topics, in the order reports list them
ASSUMPTION_TOPICS = ("scheme", "tenants", "sleep_in", "bedroom_types", "principal_bedroom",
                     "entrance", "fittings")


@dataclass(frozen=True)
class NotChecked:
    """A requirement of the standard that no drawing can show (from the profile)."""

    requirement: str
    reference: str | None
    reason: str

    def to_dict(self) -> dict:
        return {"requirement": self.requirement, "reference": self.reference, "reason": self.reason}


#: input-integrity findings raised by readers and the measuring step
INPUT_RULES: dict[str, str] = {
    "FP001": "unclosed-outline",
    "FP002": "invalid-geometry",
    "FP003": "overlapping-rooms",
    "FP004": "unclassified-room",
    "FP005": "unconnected-door",
    "FP006": "units-assumed",
    "FP007": "units-contradicted",
    "FP008": "stated-figure-mismatch",
    "FP009": "low-confidence-room",
    "FP010": "unplaced-label",
    # raised only where a corrections file has a correction that finds nothing any more
    "FP011": "correction-unmatched",
    "FP012": "plans-apart",
    "FP013": "hidden-layer-room",
    "FP014": "floor-in-no-room",
}
