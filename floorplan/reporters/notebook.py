"""A report as an HTML fragment for Jupyter (``Report._repr_html_``): the verdict and
counts, the marked-up plan (inline SVG), and the findings not met or to review.

No ``<html>`` or page-wide ``<style>``: a notebook puts the fragment inside its own page,
so every style is inline. Text from the plan is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from floorplan.render.style import STATUS_COLOURS

_WORDS = {"fail": "not met", "warn": "to review", "pass": "met"}


def render(report: Any, svg: bool = True) -> str:
    d = report.to_dict()
    plan = d["plan"]
    c = d["summary"]
    colour = STATUS_COLOURS.get(c["result"], "#000")
    title = escape(plan["name"] or plan["source"])
    parts = [
        '<div style="font-family: system-ui, sans-serif; max-width: 60em">',
        f'<p style="margin: 0 0 .3em"><b>{title}</b> · {escape(d["profile"]["title"])} '
        f'<span style="background: {colour}; color: #fff; padding: 0 .4em; '
        f'font-weight: bold">{c["result"].upper()}</span></p>',
        f'<p style="margin: 0 0 .5em">{c["fail"]} not met · {c["warn"]} to review · '
        f'{c["pass"]} met · {c["not_applicable"]} not applicable · {len(d["rooms"])} rooms</p>',
    ]
    if svg:
        from floorplan.reporters.html import plan_svg

        drawing, *_ = plan_svg(report)
        if drawing:
            parts.append(f'<div style="max-width: 60em">{drawing}</div>')
    names = {r["id"]: r["name"] or r["id"] for r in d["rooms"]}
    rows = [f for f in d["findings"] if f["status"] in ("fail", "warn")]
    if rows:
        parts.append('<table style="border-collapse: collapse; font-size: 90%">'
                     "<tr><th>rule</th><th>where</th><th>status</th><th>finding</th></tr>")
        for f in sorted(rows, key=lambda f: (f["status"] != "fail", f["rule"])):
            where = ", ".join(names.get(r, r) for r in f["rooms"]) or f["dwelling"] or "plan"
            parts.append(
                f'<tr style="border-top: 1px solid #ccc"><td>{escape(f["rule"])}</td>'
                f"<td>{escape(where)}</td>"
                f'<td style="color: {STATUS_COLOURS[f["status"]]}; font-weight: bold">'
                f'{_WORDS[f["status"]]}</td><td>{escape(f["message"])}</td></tr>')
        parts.append("</table>")
    parts.append("</div>")
    return "\n".join(parts)
