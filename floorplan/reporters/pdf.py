"""The PDF assessment pack (``--format pdf``, ``floorplan report PLAN -o pack.pdf``).

The document an assessor attaches to a decision, in this order:

1. a cover: the plan, its scheme, the profile, the verdict and the counts, and a date
   only when one is given (``date=``, ``--date``): no timestamps, so the same plan gives
   the same bytes;
2. the assumptions the check made (each with what states it instead) and the notes the
   reader made, and what the assessor's corrections file changed;
3. every finding not met or to review, each with a cropped plan view of what it is about,
   drawn as the marked-up plan draws it (the circle that did not fit, the short width,
   the offending door), at a standard scale;
4. the room schedule and the dwelling totals;
5. the marked-up plan, one A3 sheet per level at a standard scale;
6. the requirements not checked from a plan.

Built with matplotlib's PDF backend, already a dependency: the plan views are drawn by
the same code as the PNG, SVG and PDF plans (:mod:`floorplan.render.mpl_plan`), so the
pack shows exactly what the other outputs show; fonts are embedded (TrueType), and the
metadata carries no dates.
"""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Any

from floorplan.findings import RESULT_WORDS, Status, words
from floorplan.render.scene import Scene, finding_where, fmt_value
from floorplan.render.style import STATUS_COLOURS, STYLE
from floorplan.reporters.pdf_pages import A3_LANDSCAPE, Pages

#: standard scales for the cropped views, largest first
CROP_SCALES = (20, 50, 100, 200, 500, 1000)
CROP_HEIGHT = 100.0  # mm of page at most for a cropped view (two findings fit a page)
CROP_MIN = 45.0
_SCHEME = {"shared_house": "a shared house", "flat": "a flat", "flats_scheme": "a scheme of flats"}


def render(report: Any, date: str | None = None) -> bytes:
    """The pack as PDF bytes."""
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    from floorplan.render import paused_gc
    from floorplan.render.mpl import _rc
    from floorplan.render.scene import build

    d = report.to_dict()
    name = d["plan"]["name"] or d["plan"]["source"]
    style = replace(STYLE, paper=A3_LANDSCAPE, choose_paper=False)  # A3, as filed
    buf = io.BytesIO()
    with paused_gc(), matplotlib.rc_context(_rc(style)):
        scene = build(report, style, layout_mode="pages")
        pages = Pages(f"{name} · {d['profile']['id']} · floorplan {d['floorplan_version']}")
        _cover(pages, report, d, date)
        _assumptions(pages, report)
        _corrected(pages, d)
        _findings(pages, report, scene, style)
        _schedule(pages, d)
        _sheets(pages, scene, style)
        _not_checked(pages, report)
        with PdfPages(buf, metadata={"Title": f"Assessment pack: {name}", "Creator": "floorplan",
                                     "Producer": "floorplan", "CreationDate": None,
                                     "ModDate": None}) as pdf:
            for fig in pages.figures():
                pdf.savefig(fig)
    return buf.getvalue()


# --------------------------------------------------------------------------- sections


def _cover(pages: Pages, report: Any, d: dict, date: str | None) -> None:
    plan, prof, c = d["plan"], d["profile"], d["summary"]
    pages.new()
    pages.para("Assessment pack", size=11, colour="#555555")
    pages.heading(plan["name"] or plan["source"], size=20, space=0)
    pages.para(f"Plan file: {plan['source']} ({plan['format']}, units {plan['units']})", size=9)
    what = []
    if plan["scheme"]:
        what.append(_SCHEME.get(plan["scheme"], plan["scheme"]))
    if plan["tenants"] is not None:
        what.append(f"{plan['tenants']} tenants")
    if plan["wheelchair"]:
        what.append("designed for wheelchair users throughout")
    if what:
        pages.para("The plan: " + ", ".join(what) + ".", size=9)
    pages.para(f"Checked against: {prof['title']}"
               + (f", version {prof['version']}" if prof["version"] else "")
               + f" ({prof['id']})", size=9)
    if date:
        pages.para(f"Date: {date}", size=9)
    pages.y -= 6
    x, y, w, h = pages.box(22)
    colour = STATUS_COLOURS.get(c["result"], "#000000")
    pages.ax.add_patch(_rect(x, y, w, h, colour))
    head = (RESULT_WORDS[c["result"]].upper() if c["result"] == "cannot_assess" else
            f"{c['result'].upper()}: the standard is {RESULT_WORDS[c['result']]}")
    pages.ax.text(x + 6, y + h / 2, head, fontsize=16, fontweight="bold", color="white",
                  va="center")
    rows = [("not met", c["fail"]), ("to review", c["warn"]), ("met", c["pass"]),
            ("not applicable", c["not_applicable"]), ("rooms", len(d["rooms"])),
            ("dwellings", len(d["dwellings"])), ("assumptions", len(report.assumptions)),
            ("not checked from a plan", len(report.not_checked))]
    pages.y -= 2
    for label, n in rows:
        pages.row([str(n), label], [0, 18], size=10, rule=True)
    pages.y -= 6
    fails = [f for f in report.findings if f.status is Status.FAIL]
    if fails:
        pages.para("What is not met", size=11, bold=True)
        names = {r.id: r.name or r.id for r in report.plan.rooms}
        for f in fails:
            pages.para(f"{f.rule} {finding_where(f, names)}: {f.message}", size=8.5, indent=3)
    pages.y -= 4
    pages.para("Contents: assumptions and notes; the findings not met or to review, each with "
               "a plan view; the room schedule and dwelling totals; the marked-up plan, one A3 "
               "sheet per level; the requirements not checked from a plan.", size=8,
               colour="#444444")


def _assumptions(pages: Pages, report: Any) -> None:
    pages.new()
    pages.heading("Assumptions", space=0)
    pages.para("What the check inferred rather than was told; each says how to state it "
               "instead, so that the check can be run again on facts.", size=8.5, colour="#444444")
    if not report.assumptions:
        pages.para("None: everything the rules used was declared on the plan or the command line.")
    for a in report.assumptions:
        pages.para(a.text, size=9, indent=3, after=0.5)
        pages.para(f"To state it: {a.override}", size=8, indent=8, colour="#444444")
    if report.warnings:
        pages.heading("Notes from reading the plan", size=12)
        for w in report.warnings:
            pages.para(f"– {w}", size=8.5, indent=3, after=0.8)


def _corrected(pages: Pages, d: dict) -> None:
    """What the assessor's corrections file changed (docs/corrections.md), with its lines."""
    if not d["corrections"]:
        return
    files = ", ".join(dict.fromkeys(c["file"] for c in d["corrections"]))
    pages.heading(f"Corrected by the assessor ({len(d['corrections'])})", size=12)
    pages.para(f"The plan as read was corrected before it was measured; the drawing itself is "
               f"unchanged. Corrections file: {files}.", size=8.5, colour="#444444")
    for c in d["corrections"]:
        flag = "NOT APPLIED: " if c["status"] == "unmatched" else ""
        line = f"line {c['line']}: " if c["line"] else ""
        pages.para(f"{line}{flag}{c['message']}", size=8.5, indent=3, after=0.8)


def _findings(pages: Pages, report: Any, scene: Scene, style: Any) -> None:
    order = {Status.FAIL: 0, Status.WARN: 1}
    items = sorted((f for f in report.findings if f.status in order),
                   key=lambda f: (order[f.status], f.rule))
    pages.new()
    pages.heading(f"Findings not met or to review ({len(items)})", space=0)
    if not items:
        pages.para("None: every requirement checked from the plan is met.")
        return
    names = {r.id: r.name or r.id for r in report.plan.rooms}
    for f in items:
        pages.need(CROP_HEIGHT + 32)
        colour = STATUS_COLOURS[f.status.value]
        pages.heading(f"{f.rule} {f.name}: {words(f.status)}", size=11, colour=colour, space=2)
        pages.para(f"Where: {finding_where(f, names)}", size=8.5, after=0.5)
        if f.measured is not None or f.required is not None:
            pages.para(f"Measured {fmt_value(f.measured, f.unit)}; required "
                       f"{fmt_value(f.required, f.unit)}", size=8.5, after=0.5)
        pages.para(f.message, size=8.5, after=0.5)
        if f.reference:
            pages.para(f.reference, size=7.5, colour="#444444")
        view = _crop(report, scene, f)
        if view is not None:
            panel, bounds = view
            scale, height = _crop_scale(bounds, pages.width)
            x, y, w, h = pages.box(height)
            _draw_crop(pages.figs[-1], pages.size, scene, panel, bounds, (x, y, w, h), style,
                       scale)


def _schedule(pages: Pages, d: dict) -> None:
    pages.new()
    pages.heading("Room schedule", space=0)
    pages.para("Areas in m²; counted = floor with at least 1.5 m headroom; circle = the "
               "largest clear circle in the room less its fittings.", size=8, colour="#444444")
    xs = [0, 12, 52, 80, 90, 112, 128, 144, 160]
    pages.table_header(["id", "name", "use", "level", "dwelling", "counted", "gross",
                        "circle m", "ceiling m"], xs, size=7.5)
    for r in d["rooms"]:
        ch = r.get("ceiling_height_m") or {}
        ceiling = "" if not ch else (f"{ch['min']:.2f}" if ch["min"] == ch["max"]
                                     else f"{ch['min']:.2f}–{ch['max']:.2f}")
        pages.row([r["id"], r["name"], r["use"], str(r["level"]), r["dwelling"] or "",
                   f"{r['area_m2']:.2f}", f"{r['gross_area_m2']:.2f}",
                   f"{r['clear_circle_m']:.2f}", ceiling], xs, size=7.5, rule=True)
    pages.end_table()
    if d["dwellings"]:
        pages.heading("Dwelling totals", size=12)
        xs = [0, 40, 70, 100, 125]
        pages.table_header(["dwelling", "counted m²", "gross m²", "storeys", "rooms"], xs, size=8)
        for w in d["dwellings"]:
            pages.row([w["id"], f"{w['area_m2']:.2f}", f"{w['gross_area_m2']:.2f}",
                       str(w["storeys"]), str(len(w["rooms"]))], xs, size=8, rule=True)
        pages.end_table()


def _sheets(pages: Pages, scene: Scene, style: Any) -> None:
    from floorplan.render.mpl import _sheet

    n = len(scene.panels)
    for i, panel in enumerate(scene.panels):
        fig = pages.new(A3_LANDSCAPE)
        fig.clear()
        _sheet(fig, scene, [panel], style, page=(i + 1, n) if n > 1 else None)


def _not_checked(pages: Pages, report: Any) -> None:
    pages.new()
    pages.heading("Not checked from a plan", space=0)
    pages.para("Requirements of the standard that no drawing can show: they are left for the "
               "assessor, on a visit or from other documents.", size=8.5, colour="#444444")
    if not report.not_checked:
        pages.para("The profile lists none.")
    for n in report.not_checked:
        pages.para(n.requirement, size=9, bold=True, indent=3, after=0.3)
        pages.para(n.reason, size=8.5, indent=3, after=0.3)
        if n.reference:
            pages.para(n.reference, size=7.5, indent=3, colour="#444444")


# --------------------------------------------------------------------------- crops


def _rect(x: float, y: float, w: float, h: float, colour: str) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), w, h, facecolor=colour, edgecolor="none")


def _crop(report: Any, scene: Scene, f: Any) -> tuple[Any, tuple[float, ...]] | None:
    """(the panel, the plan bounds in metres) of a finding's view: what its marks cover,
    else its rooms; None for a finding about nothing drawn (the whole plan)."""
    import shapely

    geoms = [m.geometry for m in f.marks if m.geometry is not None and not m.geometry.is_empty]
    rooms = {r.id: r for r in report.plan.rooms}
    geoms += [rooms[r].polygon for r in f.rooms if r in rooms]
    if not geoms:
        return None
    lv = next((rooms[r].level for r in f.rooms if r in rooms), None)
    panel = next((p for p in scene.panels if p.level == lv), None)
    if panel is None:
        centre = shapely.union_all([g.envelope for g in geoms]).centroid
        panel = next((p for p in scene.panels
                      if p.bounds[0] <= centre.x <= p.bounds[2]
                      and p.bounds[1] <= centre.y <= p.bounds[3]), scene.panels[0])
    x0, y0, x1, y1 = shapely.total_bounds(geoms).tolist()
    pad = max(0.5, 0.1 * max(x1 - x0, y1 - y0))
    return panel, (x0 - pad, y0 - pad, x1 + pad, y1 + pad)


def _crop_scale(bounds: tuple[float, ...], width: float) -> tuple[int, float]:
    """(the largest standard scale at which ``bounds`` fit a view ``width`` mm wide and at
    most :data:`CROP_HEIGHT` tall, the view's height in mm at that scale)."""
    bw, bh = bounds[2] - bounds[0], bounds[3] - bounds[1]
    mm_per_m = min((width - 4) / max(bw, 0.1), (CROP_HEIGHT - 8) / max(bh, 0.1))
    scale = next((s for s in CROP_SCALES if 1000 / s <= mm_per_m), CROP_SCALES[-1])
    return scale, max(CROP_MIN, min(CROP_HEIGHT, bh * 1000 / scale + 8))


def _draw_crop(fig: Any, size: tuple[float, float], scene: Scene, panel: Any,
               bounds: tuple[float, ...], frame: tuple[float, float, float, float],
               style: Any, scale: int) -> None:
    """The panel's plan inside ``frame`` (page mm), round ``bounds``, at 1:``scale``."""
    from floorplan.render.mpl_plan import draw_plan

    x, y, w, h = frame
    k = 1000 / scale
    # the view: the bounds' middle, as much plan round it as the frame shows at that scale
    cx, cy = (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2
    vw, vh = (w - 4) / k, (h - 8) / k
    pw, ph = size
    ax = fig.add_axes(((x + 2) / pw, (y + 2) / ph, (w - 4) / pw, (h - 8) / ph))
    ax.set_xlim(cx - vw / 2, cx + vw / 2)
    ax.set_ylim(cy - vh / 2, cy + vh / 2)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_color("#999999")
        spine.set_linewidth(0.5)
    draw_plan(ax, replace(scene, scale=scale), panel, style, clip_text=True)
    fig.axes[0].text(x + 2, y + h - 1, f"{panel.title}, 1:{scale} at A4", fontsize=7,
                     color="#444444", va="top")
