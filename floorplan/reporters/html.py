"""The HTML report: one self-contained page an assessor can open, filter, file and print.

It reads ``report.to_dict()`` (the same data as the JSON report) and adds the marked-up
plan as inline SVG drawn by the matplotlib backend. No scripts, no network: the filter
for failures is CSS only (radio buttons), so the page works in any browser, and nothing
from the plan can run. Jinja2 autoescapes everything that comes from the plan; the only
markup inserted unescaped is the SVG matplotlib wrote (its text escaped by matplotlib).
"""

from __future__ import annotations

import logging
import re

from floorplan.render.scene import fmt_value

log = logging.getLogger(__name__)

STATUS_ORDER = {"fail": 0, "warn": 1, "pass": 2, "not_applicable": 3}
STATUS_TEXT = {"fail": "Fail", "warn": "Warning", "pass": "Pass", "not_applicable": "Not applicable"}


def plan_svg(report) -> str | None:
    """The marked-up plan as an ``<svg>`` element (None when it cannot be drawn)."""
    try:
        import matplotlib

        from floorplan.render.mpl import render_bytes
        from floorplan.render.scene import build
    except ImportError:
        return None
    try:
        with matplotlib.rc_context({"svg.fonttype": "none"}):
            svg = render_bytes(build(report), "svg").decode("utf-8")
    except Exception:  # noqa: BLE001 - a drawing problem must not lose the report
        log.exception("drawing the plan for the HTML report")
        return None
    start = svg.find("<svg")
    svg = svg[start:]
    # let the page size it: keep the viewBox, drop the fixed size in points
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1', svg, count=1)
    return svg.replace("<svg", '<svg role="img" aria-label="Marked-up plan" class="plan"', 1)


def _env():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("floorplan.reporters", "templates"),
        autoescape=True, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["value"] = lambda v, unit=None: fmt_value(v, unit)
    env.filters["area"] = lambda v: "—" if v is None else f"{v:.2f} m²"
    env.filters["metres"] = lambda v: "—" if v is None else f"{v:.2f} m"
    return env


def context(report, svg: str | None = None) -> dict:
    d = report.to_dict()
    names = {r["id"]: r["name"] or r["id"] for r in d["rooms"]}
    findings = sorted(
        d["findings"], key=lambda f: (STATUS_ORDER.get(f["status"], 9), f["rule"]))
    for f in findings:
        f["room_names"] = [names.get(r, r) for r in f["rooms"]]
    by_room: dict[str, list] = {r["id"]: [] for r in d["rooms"]}
    for f in findings:
        for r in f["rooms"]:
            by_room.setdefault(r, []).append(f)
    rooms = []
    for r in d["rooms"]:
        st = report.room_status(r["id"])
        rooms.append({**r, "status": "unchecked" if st is None else st.value,
                      "findings": by_room.get(r["id"], [])})
    rooms.sort(key=lambda r: ({"fail": 0, "warn": 1, "pass": 2}.get(r["status"], 3), r["level"], r["id"]))
    return {"r": d, "findings": findings, "rooms": rooms, "svg": svg,
            "status_text": STATUS_TEXT, "plan_name": d["plan"]["name"] or d["plan"]["source"]}


def render(report, svg: bool = True) -> str:
    """The report as one self-contained HTML page."""
    from markupsafe import Markup

    drawing = plan_svg(report) if svg else None
    ctx = context(report, Markup(drawing) if drawing else None)
    return _env().get_template("report.html.j2").render(**ctx)
