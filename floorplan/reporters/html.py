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

from floorplan.findings import RESULT_WORDS, STATUS_WORDS
from floorplan.render.scene import fmt_value

log = logging.getLogger(__name__)

STATUS_ORDER = {"fail": 0, "warn": 1, "pass": 2, "not_applicable": 3}
#: badge words: the same as every output's (met, to review, not met, not applicable)
STATUS_TEXT = {k: v.capitalize() for k, v in STATUS_WORDS.items()}


#: the plan in the HTML report: no title block or sidebar (the page has its own), so the
#: whole width goes to the plan
def _web_style():
    from dataclasses import replace

    from floorplan.render.style import STYLE

    return replace(STYLE, sidebar_width=0.0, title_height=0.0, margin=4.0, gap=10.0)


def plan_svg(report) -> tuple[str | None, list[dict], list, int]:
    """The marked-up plan as an ``<svg>`` element, its legend, its numbered key and how
    many labels were left off as too small to read at its scale (as the image's key says).

    ``(None, [], [], 0)`` when it cannot be drawn (no matplotlib, or a drawing problem: the
    report still renders).
    """
    try:
        import matplotlib

        from floorplan.render import paused_gc
        from floorplan.render.mpl import render_bytes
        from floorplan.render.scene import build
    except ImportError:
        return None, [], [], 0
    style = _web_style()
    try:
        with paused_gc():
            scene = build(report, style)
            with matplotlib.rc_context({"svg.fonttype": "none"}):
                svg = render_bytes(scene, "svg", style=style, chrome=False).decode("utf-8")
    except Exception:  # noqa: BLE001 - a drawing problem must not lose the report
        log.exception("drawing the plan for the HTML report")
        return None, [], [], 0
    start = svg.find("<svg")
    svg = svg[start:]
    # let the page size it: keep the viewBox, drop the fixed size in points
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1', svg, count=1)
    svg = svg.replace("<svg", '<svg role="img" aria-label="Marked-up plan" class="plan"', 1)
    return (svg, [_swatch(style.look(k), k, text) for k, text in scene.legend], list(scene.key),
            scene.too_small)


def _swatch(look, key: str, text: str) -> dict:
    """CSS for a legend swatch drawn like the key is drawn on the plan."""
    from matplotlib.colors import to_rgba

    css = []
    if look.fill:
        r, g, b, _ = to_rgba(look.fill)
        css.append(f"background-color: rgba({r * 255:.0f},{g * 255:.0f},{b * 255:.0f},{look.fill_alpha})")
    if look.hatch:
        css.append("background-image: repeating-linear-gradient(135deg, #555 0 1px, transparent 1px 5px)")
    edge = look.edge or "#000000"
    style = {"solid": "solid", "dashed": "dashed", "dotted": "dotted"}.get(look.dash, "solid")
    width = max(1, round(look.width * 2))
    if key.startswith(("circle.", "door.", "marker.", "point")):
        css.append("border-radius: 50%")
    if key.startswith(("line.", "door", "dwelling", "underlay.")) and not key.startswith("door."):
        css.append(f"border: none; border-top: {width + 1}px {style} {edge}; height: 0; margin-top: .55em")
    else:
        css.append(f"border: {width}px {style} {edge}")
    return {"key": key, "text": text, "css": "; ".join(css)}


def _env():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("floorplan.reporters", "templates"),
        autoescape=True, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["value"] = lambda v, unit=None: fmt_value(v, unit)
    env.filters["area"] = lambda v: "—" if v is None else f"{v:.2f} m²"
    env.filters["metres"] = lambda v: "—" if v is None else f"{v:.2f} m"
    env.filters["code"] = _code
    return env


def _code(text: str | None):
    """Escape ``text`` and show its `backticked` parts as code (flags, properties)."""
    from markupsafe import Markup, escape

    parts = str(escape(text or "")).split("`")
    out = [p if i % 2 == 0 else f"<code>{p}</code>" for i, p in enumerate(parts)]
    if len(parts) % 2 == 0:  # an unmatched backtick: leave it as it was
        out = [str(escape(text or ""))]
    return Markup("".join(out))


def _fold_inputs(findings: list[dict]) -> list[dict]:
    """The input checks (FP0xx) that found nothing, folded into one row."""
    from floorplan.reporters.text import code_span

    state: dict[str, bool] = {}
    for f in findings:
        if f["rule"].startswith("FP0"):
            state[f["rule"]] = state.get(f["rule"], True) and f["status"] == "pass"
    quiet = sorted(c for c, ok in state.items() if ok)
    if not quiet:
        return findings
    out = [f for f in findings if f["rule"] not in quiet]
    first = next(f for f in findings if f["rule"] == quiet[0])
    row = {"rule": code_span(quiet), "name": "input checks", "status": "pass", "rooms": [],
           "dwelling": None, "measured": None, "required": None, "unit": None,
           "message": "nothing to report", "reference": first["reference"]}
    first_pass = next((i for i, f in enumerate(out) if f["status"] in ("pass", "not_applicable")), len(out))
    out.insert(first_pass, row)
    return out


def context(report, svg: str | None = None) -> dict:
    d = report.to_dict()
    names = {r["id"]: r["name"] or r["id"] for r in d["rooms"]}
    findings = _fold_inputs(sorted(
        d["findings"], key=lambda f: (STATUS_ORDER.get(f["status"], 9), f["rule"])))
    for f in findings:
        f["room_names"] = [names.get(r, r) for r in f["rooms"]]
    by_room: dict[str, list] = {r["id"]: [] for r in d["rooms"]}
    for f in findings:
        for r in f["rooms"]:
            by_room.setdefault(r, []).append(f)
    rooms = []
    for r in d["rooms"]:
        mine = by_room.get(r["id"], [])
        st = report.room_status(r["id"])
        rooms.append({**r, "status": "unchecked" if st is None else st.value, "findings": mine})
    rooms.sort(key=lambda r: ({"fail": 0, "warn": 1, "pass": 2}.get(r["status"], 3), r["level"], r["id"]))
    return {"r": d, "findings": findings, "rooms": rooms, "svg": svg,
            "status_text": STATUS_TEXT, "result_text": RESULT_WORDS,
            "plan_name": d["plan"]["name"] or d["plan"]["source"]}


def render(report, svg: bool = True) -> str:
    """The report as one self-contained HTML page."""
    from markupsafe import Markup

    drawing, legend, key, too_small = plan_svg(report) if svg else (None, [], [], 0)
    ctx = context(report, Markup(drawing) if drawing else None)
    return _env().get_template("report.html.j2").render(**ctx, legend=legend, key=key,
                                                        too_small=too_small)
