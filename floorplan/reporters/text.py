"""The text report: a readable table of rooms and the findings, worst first."""

from __future__ import annotations

from floorplan.findings import Status
from floorplan.report import Report

_ORDER = {Status.FAIL: 0, Status.WARN: 1, Status.PASS: 2, Status.NOT_APPLICABLE: 3}
_MARK = {Status.FAIL: "FAIL", Status.WARN: "WARN", Status.PASS: "pass", Status.NOT_APPLICABLE: "n/a"}


def _area(v: float) -> str:
    return f"{v:.2f}"


def render(report: Report, verbose: bool = False) -> str:
    d = report.to_dict()
    plan = d["plan"]
    lines = [
        f"{plan['name'] or plan['source']}  ({plan['source']}, {plan['format']}, units {plan['units']})",
        f"profile: {d['profile']['id']} - {d['profile']['title']}",
        "",
        f"{'room':<6} {'name':<24} {'use':<22} {'lvl':>3} {'area m²':>8} {'gross':>8} {'circle m':>8}",
    ]
    for r in d["rooms"]:
        gross = _area(r["gross_area_m2"]) if abs(r["gross_area_m2"] - r["area_m2"]) >= 0.005 else ""
        lines.append(
            f"{r['id']:<6} {r['name'][:24]:<24} {r['use']:<22} {r['level']!s:>3} "
            f"{_area(r['area_m2']):>8} {gross:>8} {r['clear_circle_m']:>8.2f}")
    lines.append("")
    shown = sorted(report.findings, key=lambda f: (_ORDER[f.status], f.rule))
    if not verbose:
        shown = [f for f in shown if f.status in (Status.FAIL, Status.WARN)]
    if shown:
        lines.append("findings:")
    for f in shown:
        where = ", ".join(f.rooms) if f.rooms else (f.dwelling or "plan")
        lines.append(f"  {_MARK[f.status]:<4} {f.rule} {f.name:<28} {where:<10} {f.message}")
        if f.reference and f.status in (Status.FAIL, Status.WARN):
            lines.append(f"       {'':<28} {'':<10} ({f.reference})")
    for w in report.warnings:
        lines.append(f"  note: {w}")
    c = d["summary"]
    lines.append("")
    lines.append(f"result: {c['result'].upper()}  ({c['pass']} pass, {c['fail']} fail, {c['warn']} warn, "
                 f"{c['not_applicable']} not applicable)")
    return "\n".join(lines) + "\n"
