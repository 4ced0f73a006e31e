"""The text report, written as an assessor's note.

First the verdict; then each requirement not met (what, by how much, which clause), the
points to review, a summary of what was met (input checks with nothing to report on
one line), what did not apply, the assumptions the check made (each with what states
it instead), what the standard asks that no plan can show, notes, and the room
schedule. ``verbose`` lists each check that was met with its numbers. Statuses are
worded as in every output: met, to review, not met, not applicable.
"""

from __future__ import annotations

from collections import defaultdict

from floorplan.findings import RESULT_WORDS, Finding, Status
from floorplan.report import Report

_SCHEME = {"shared_house": "a shared house", "flat": "a flat", "flats_scheme": "a scheme of flats"}


def _area(v: float) -> str:
    return f"{v:.2f}"


def _where(f: Finding, names: dict[str, str]) -> str:
    if f.rooms:
        shown = [f"{names.get(r, r)} [{r}]" for r in f.rooms[:3]]
        more = f" and {len(f.rooms) - 3} more rooms" if len(f.rooms) > 3 else ""
        text = ", ".join(shown) + more
        return f"{f.dwelling}: {text}" if f.dwelling and len(f.rooms) <= 3 else (f.dwelling or text)
    return f.dwelling or "whole plan"


#: an input check found this many times or more in one block is written as one item
FOLD = 4


def _block(title: str, items: list[Finding], names: dict[str, str]) -> list[str]:
    """A numbered list of findings. An input check (FP0xx) found :data:`FOLD` times or more
    is one item: the rooms it names, its first message as the example, and how many more
    say the same of other rooms (the JSON report lists each), so that thirty rooms without
    a name do not bury the requirements to review."""
    if not items:
        return []
    lines = [f"{title} ({len(items)})"]
    counts: dict[str, int] = defaultdict(int)
    for f in items:
        counts[f.rule] += is_input(f)
    folded: dict[str, list[Finding]] = defaultdict(list)
    for f in items:
        if counts[f.rule] >= FOLD:
            folded[f.rule].append(f)
    i = 0
    for f in items:
        group = folded.get(f.rule)
        if group and f is not group[0]:
            continue
        i += 1
        if group:
            rooms = [r for g in group for r in g.rooms]
            shown = ", ".join(f"{names.get(r, r)} [{r}]" if names.get(r, r) != r else r
                              for r in rooms[:6])
            more = f" and {len(rooms) - 6} more" if len(rooms) > 6 else ""
            lines.append(f"  {i}. {f.rule} {f.name}: {len(group)} findings"
                         + (f", {len(rooms)} rooms: {shown}{more}" if rooms else ""))
            lines.append(f"     {f.message}")
            lines.append(f"     (and the same of {len(group) - 1} more: the JSON report lists each)")
        else:
            lines.append(f"  {i}. {f.rule} {f.name}: {_where(f, names)}")
            lines.append(f"     {f.message}")
        if f.reference:
            lines.append(f"     [{f.reference}]")
    lines.append("")
    return lines


def corrected(corrections: list[dict]) -> list[str]:
    """"Corrected by the assessor": each correction with its file and line."""
    if not corrections:
        return []
    files = list(dict.fromkeys(c["file"] for c in corrections))
    lines = [f"Corrected by the assessor ({len(corrections)}, from {', '.join(files)})"]
    for c in corrections:
        where = (f"{c['file']} " if len(files) > 1 else "") + (f"line {c['line']}" if c["line"] else "")
        flag = "NOT APPLIED: " if c["status"] == "unmatched" else ""
        lines.append(f"  - {where}: {flag}{c['message']}")
    lines.append("")
    return lines


def is_input(f: Finding) -> bool:
    """An input-integrity check (FP0xx)."""
    return f.rule.startswith("FP0")


def quiet_inputs(findings: list[Finding]) -> list[str]:
    """The input checks that found nothing, by code (each of them passed, once)."""
    codes: dict[str, bool] = {}
    for f in findings:
        if is_input(f):
            codes[f.rule] = codes.get(f.rule, True) and f.status is Status.PASS
    return sorted(c for c, quiet in codes.items() if quiet)


def code_span(codes: list[str]) -> str:
    """"FP001-FP006" for a run of consecutive codes, else "FP001, FP003"."""
    nums = [int(c[2:]) for c in codes]
    if len(codes) > 2 and nums == list(range(nums[0], nums[0] + len(nums))):
        return f"{codes[0]}-{codes[-1]}"
    return ", ".join(codes)


def assumption_lines(report: Report) -> list[str]:
    lines = ["Assumptions (inferred, not declared; each line says what states it instead)"]
    if not report.assumptions:
        lines.append("  - none: everything the rules used was declared on the plan or the command line")
    for a in report.assumptions:
        lines.append(f"  - {a.text}")
        lines.append(f"    To state it: {a.override}")
    lines.append("")
    return lines


def not_checked_lines(report: Report) -> list[str]:
    if not report.not_checked:
        return []
    lines = [f"Not checked from a plan ({len(report.not_checked)}): left for the assessor"]
    for n in report.not_checked:
        lines.append(f"  - {n.requirement}: {n.reason}")
        if n.reference:
            lines.append(f"    [{n.reference}]")
    lines.append("")
    return lines


def render(report: Report, verbose: bool = False) -> str:
    d = report.to_dict()
    plan = d["plan"]
    prof = d["profile"]
    names = {r["id"]: r["name"] or r["id"] for r in d["rooms"]}
    findings = sorted(report.findings, key=lambda f: f.rule)
    by_status: dict[Status, list[Finding]] = defaultdict(list)
    for f in findings:
        by_status[f.status].append(f)
    c = d["summary"]

    lines = [plan["name"] or plan["source"],
             f"{plan['source']} ({plan['format']}, units {plan['units']})",
             f"Checked against {prof['title']} ({prof['id']}"
             + (f", version {prof['version']}" if prof["version"] else "") + ")"]
    what = []
    if plan["scheme"]:
        what.append(_SCHEME.get(plan["scheme"], plan["scheme"]))
    if plan["tenants"] is not None:
        what.append(f"{plan['tenants']} tenants")
    if plan["wheelchair"]:
        what.append("designed for wheelchair users throughout")
    if what:
        lines.append("The plan: " + ", ".join(what) + ".")
    lines.append("")
    lines += headline(c)
    lines += unsure_lines(d["unsure"])

    lines += corrected(d["corrections"])
    lines += _block("Not met", by_status[Status.FAIL], names)
    lines += _block("To review", by_status[Status.WARN], names)

    passed = by_status[Status.PASS]
    if passed:
        lines.append(f"Met ({len(passed)})")
        quiet = quiet_inputs(findings)
        if quiet:
            lines.append(f"  {code_span(quiet)} input checks: nothing to report")
        passed = [f for f in passed if f.rule not in quiet]
        if verbose:
            for f in passed:
                lines.append(f"  {f.rule} {f.name}: {f.message}")
        else:
            groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
            for f in passed:
                groups[(f.rule, f.name)].append(f)
            for (code, name), fs in groups.items():
                subjects = [_where(f, names) for f in fs if f.rooms or f.dwelling]
                tail = ""
                if subjects:
                    tail = ": " + "; ".join(subjects[:4]) + (f" and {len(subjects) - 4} more"
                                                            if len(subjects) > 4 else "")
                lines.append(f"  {code} {name}{tail}")
        lines.append("")
    na = by_status[Status.NOT_APPLICABLE]
    if na:
        lines.append(f"Not applicable ({len(na)})")
        for f in na:
            lines.append(f"  {f.rule} {f.name}: {f.message}")
        lines.append("")
    lines += assumption_lines(report)
    lines += not_checked_lines(report)
    if report.warnings:
        lines.append("Notes")
        for w in report.warnings:
            lines.append(f"  - {w}")
        lines.append("")

    lines.append("Room schedule (areas in m²; counted = floor with at least 1.5 m headroom; "
                 "found = how the reader found the room; stated = what the drawing writes)")
    lines.append(f"{'room':<8} {'name':<24} {'use':<22} {'lvl':>3} {'counted':>8} {'gross':>8} "
                 f"{'circle m':>8}  {'found':<13} {'conf':<6} stated")
    unsure = []
    for r in d["rooms"]:
        gross = _area(r["gross_area_m2"]) if abs(r["gross_area_m2"] - r["area_m2"]) >= 0.005 else ""
        conf = r.get("confidence") or {"level": "high", "reason": ""}
        lines.append(
            f"{r['id']:<8} {r['name'][:24]:<24} {r['use']:<22} {r['level']!s:>3} "
            f"{_area(r['area_m2']):>8} {gross:>8} {r['clear_circle_m']:>8.2f}  "
            f"{r.get('source', ''):<13} {conf['level']:<6} {stated_text(r.get('stated', []))}".rstrip())
        if conf["level"] != "high":
            unsure.append(f"  {r['id']} {r['name'] or ''} ({conf['level']}): {conf['reason'] or 'no reason given'}")
    if unsure:
        lines.append("")
        lines.append("Rooms the reader is not sure of")
        lines += unsure
    return "\n".join(lines) + "\n"


def headline(c: dict) -> list[str]:
    """The result line of a report's ``summary``, and what could not be read when the
    drawing cannot be assessed."""
    undecided = c.get("undecided", 0)
    tally = (f"{c['fail']} not met, {c['warn']} to review"
             + (f" ({undecided} undecided by what could not be read)" if undecided else "")
             + f", {c['pass']} met, {c['not_applicable']} not applicable.")
    if c["result"] == "cannot_assess":
        out = ["RESULT: CANNOT BE ASSESSED FROM THIS DRAWING: what could not be read in it "
               "decides the verdict. " + tally,
               "  What could not be read:"]
        reasons = c.get("cannot_assess", [])
        out += [f"  - {why}" for why in reasons]
        if any(why.startswith("the use of") or "of unknown use" in why for why in reasons):
            out.append("  Name the rooms (labels in the drawing, a corrections file, or a "
                       "GeoJSON plan) and check again.")
        else:
            out.append("  Check the rooms on the drawing (a corrections file confirms them) "
                       "and check again.")
        return out + [""]
    verdict = {"fail": "the plan does not meet the standard",
               "warn": "the plan meets the standard, with points to review",
               "pass": "the plan meets the standard"}[c["result"]]
    if undecided and c["result"] == "warn":
        verdict = "the plan meets the standard as far as it could be read, with points to review"
    return [f"RESULT: {RESULT_WORDS[c['result']].upper()}: {verdict}. {tally}", ""]


def unsure_lines(unsure: list[dict]) -> list[str]:
    """What the reader was unsure of (the report's ``unsure``), one line each."""
    if not unsure:
        return []
    return ["What the reader was unsure of"] + [f"  - {u['text']}" for u in unsure] + [""]


def stated_text(stated: list[dict]) -> str:
    """The figures a drawing writes for a room, in metres: ``12.50 m²; 3.20 x 4.10 m``."""
    out = []
    for st in stated:
        if st.get("dimensions_m"):
            a, b = st["dimensions_m"]
            out.append(f"{a:.2f} x {b:.2f} m")
        elif st.get("area_m2") is not None:
            out.append(f"{st['area_m2']:.2f} m²")
    return "; ".join(out)
