"""check(plan, profile) -> Report.

Placeholder until the rules issue lands: it reports the input findings (FP0xx) that the
readers and the measuring step raised, and a pass for each input check that found
nothing.
"""

from __future__ import annotations

from floorplan.findings import INPUT_RULES, Finding, Status
from floorplan.measure import Measurements, measure
from floorplan.model import Plan
from floorplan.report import ProfileInfo, Report

DEFAULT_PROFILE = "ecc-supported-living"
INPUT_REFERENCE = "floorplan input checks (docs/rules.md)"


def input_findings(plan: Plan, m: Measurements) -> list[Finding]:
    out: list[Finding] = []
    raised = list(plan.findings) + list(m.findings)
    for code, name in INPUT_RULES.items():
        mine = [f for f in raised if f.code == code]
        for f in mine:
            out.append(Finding(code, name, Status(f.status), f.message, rooms=f.rooms,
                               measured=f.measured, reference=INPUT_REFERENCE))
        if not mine:
            out.append(Finding(code, name, Status.PASS, "nothing to report",
                               reference=INPUT_REFERENCE))
    return out


def check(plan: Plan, profile: str | None = None, measurements: Measurements | None = None) -> Report:
    m = measurements or measure(plan)
    findings = input_findings(plan, m)
    return Report(plan, m, ProfileInfo(profile or DEFAULT_PROFILE, "input checks only"),
                  tuple(findings), tuple(plan.notes))
