"""Helpers for the rule tests: run one profile over a tiny plan and pick findings."""

from __future__ import annotations

from floorplan.engine import check


def run(plan, profile=None):
    return check(plan, profile)


def of(report, code: str):
    """[(rooms, status, measured)] of one rule, rooms as a tuple of ids."""
    return [(f.rooms, f.status.value, f.measured) for f in report.findings if f.rule == code]


def one(report, code: str, room: str | None = None):
    """The single finding of ``code`` (about ``room`` when given)."""
    found = [f for f in report.findings if f.rule == code and (room is None or room in f.rooms)]
    assert len(found) == 1, [(f.rooms, f.status.value, f.message) for f in found]
    return found[0]


def status(report, code: str, room: str | None = None) -> str:
    return one(report, code, room).status.value
