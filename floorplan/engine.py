"""check(plan, profile) -> Report: run every rule of a profile over one measured plan.

The engine stamps each rule's code, name and reference (document and clause) from the
profile, and applies its severity (``warning`` turns a fail into a warn). A rule that
crashes becomes a ``fail`` finding saying it could not be checked (a requirement that
was not checked is not shown to be met), never a crash. Every rule of the profile
appears for every plan: ``not_applicable`` when nothing in the plan is subject to it.
The report also carries the assumptions the rules relied on (``Context.assume``) and the
profile's requirements that are not checked from a plan.

What the reader was unsure of (:mod:`floorplan.doubts`) tempers the verdict: a finding
that rooms of unknown use or of low confidence leave undecided is a ``warn`` saying so,
and a plan most of whose floor could not be read cannot be assessed (``cannot_assess``).

>>> from shapely.geometry import box
>>> from floorplan.model import Plan, Room, Use
>>> rooms = (Room("R1", "Bedroom 1", Use.BEDROOM, box(0, 0, 2.5, 3)),   # 7.5 m²
...          Room("R2", "Bedroom 2", Use.BEDROOM, box(2.6, 0, 6.1, 3)))  # 10.5 m²
>>> report = check(Plan(rooms=rooms))  # two bedrooms and no flats: a shared house
>>> [(f.rule, f.rooms, f.status.value) for f in report.findings if f.rule == "FP101"]
[('FP101', ('R1',), 'fail'), ('FP101', ('R2',), 'pass')]
"""

from __future__ import annotations

import logging
from pathlib import Path

from floorplan import doubts as _doubts
from floorplan import tempering as _tempering
from floorplan._gc import paused_gc
from floorplan.findings import INPUT_RULES, Finding, Outcome, Status
from floorplan.measure import Measurements, measure
from floorplan.model import Plan
from floorplan.profiles import DEFAULT, INPUT_REFERENCE, Profile, load_profile
from floorplan.report import ProfileInfo, Report
from floorplan.rules import REGISTRY
from floorplan.rules.context import SCHEME_WORDS as _SCHEME_WORDS
from floorplan.rules.context import Context

log = logging.getLogger(__name__)

DEFAULT_PROFILE = DEFAULT


def _finding(code: str, name: str, o: Outcome, reference: str | None, severity: str) -> Finding:
    status = Status(o.status)
    if severity == "warning" and status is Status.FAIL:
        status = Status.WARN
    return Finding(code, name, status, o.message, rooms=tuple(o.rooms), dwelling=o.dwelling,
                   measured=o.measured, required=o.required, unit=o.unit, reference=reference,
                   marks=tuple(o.marks))


def _run(rule, ctx: Context, opts: dict) -> tuple[list[Outcome], str | None]:
    """The rule's outcomes, and the error that stopped it (if any)."""
    out: list[Outcome] = []
    try:
        for o in rule.fn(ctx, opts):
            out.append(o)
    except Exception as exc:  # a broken rule must not stop the report
        log.exception("rule %s crashed", rule.code)
        return out, f"{type(exc).__name__}: {exc}"
    return out, None


def check(plan: Plan, profile: str | Path | Profile | None = None,
          measurements: Measurements | None = None) -> Report:
    """Check ``plan`` against ``profile`` (an id, a TOML path, a Profile; None: default)."""
    with paused_gc(results=True):  # findings and marks stay alive to the end: nothing to collect
        return _check(plan, profile, measurements)


def _check(plan: Plan, profile: str | Path | Profile | None, measurements: Measurements | None) -> Report:
    prof = load_profile(profile)
    headroom = float(prof.params.get("headroom", 1.5))
    m = measurements or measure(plan, headroom=headroom)
    ctx = Context(plan, m, prof.params)
    findings: list[Finding] = []
    for code, rc in prof.rules.items():
        rule = REGISTRY[code]
        schemes = rc.options.get("schemes")
        if schemes and ctx.scheme not in schemes:
            where = ", ".join(_SCHEME_WORDS.get(s, s) for s in schemes)
            findings.append(Finding(code, rule.name, Status.NOT_APPLICABLE,
                                    f"applies to {where}; this plan is {_SCHEME_WORDS.get(ctx.scheme, ctx.scheme)}",
                                    reference=prof.reference(code)))
            continue
        outcomes, error = _run(rule, ctx, dict(rc.options))
        for o in outcomes:
            ref = prof.reference(code, o.clause)
            findings.append(_finding(code, rule.name, o, ref, rc.severity))
        if error is not None:
            findings.append(Finding(code, rule.name, Status.FAIL,
                                    f"could not be checked: the rule stopped with {error}",
                                    reference=prof.reference(code)))
        elif not outcomes:
            findings.append(Finding(code, rule.name, Status.NOT_APPLICABLE,
                                    "nothing in the plan is subject to this rule",
                                    reference=prof.reference(code)))
    # notices from readers with codes the registry does not know yet
    known = set(REGISTRY)
    for f in tuple(plan.findings) + tuple(m.findings):
        if f.code not in known:
            findings.append(Finding(f.code, INPUT_RULES.get(f.code, "input"), Status(f.status),
                                    f.message, rooms=tuple(f.rooms), measured=f.measured,
                                    reference=INPUT_REFERENCE))
    if ctx.scheme == "shared_house":
        ctx.tenants  # noqa: B018 - the tenants of a shared house are always stated or assumed
    info = ProfileInfo(prof.id, prof.title, prof.version)
    lost_doors = _doubts.unread_doors(m.doors.values())
    tempered = _tempering.temper(findings, plan, (link.connects for link in m.doors.values()),
                              lost_doors)
    undecided = sum(1 for a, b in zip(findings, tempered, strict=True) if a.status is not b.status)
    # a requirement that is not met as read, and that only the doubts leave open, is not
    # shown to be met: no "meets the standard" (nor exit 0) may stand on it
    open_fails = _open_fails(findings, tempered)
    return Report(plan, m, info, tuple(tempered), tuple(plan.notes),
                  assumptions=ctx.assumptions, not_checked=prof.not_checked,
                  unsure=_doubts.doubts(plan, lost_doors),
                  cannot_assess=tuple(_doubts.unassessable(plan, lost_doors)) + tuple(open_fails),
                  undecided=undecided)


def _open_fails(findings, tempered) -> list[str]:
    """Each requirement not met as read that only the doubts leave open, once: findings
    of one rule left open for one reason are one line naming their rooms."""
    groups: dict[tuple[str, str, str], list] = {}
    for a, b in zip(findings, tempered, strict=True):
        if a.status is Status.FAIL and b.status is not Status.FAIL:
            why = b.message.rsplit("undecided (read as not met): ", 1)[-1]
            groups.setdefault((a.rule, a.name, why), []).append(a)
    out = []
    for (rule, name, why), fs in groups.items():
        if len(fs) == 1:
            out.append(f"{rule} {name} is not met as read, and the reading may be wrong: {why}")
            continue
        rooms = list(dict.fromkeys(r for f in fs for r in f.rooms[:1]))
        shown = ", ".join(rooms[:6]) + (f" and {len(rooms) - 6} more" if len(rooms) > 6 else "")
        out.append(f"{rule} {name} is not met as read in {len(fs)} findings"
                   + (f" ({shown})" if rooms else "")
                   + f", and the reading may be wrong: {why}")
    return out
