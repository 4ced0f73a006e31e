"""The matplotlib backend: PNG, SVG and PDF (one page per level in PDF).

The only module of the renderer that imports matplotlib, and only when called. It uses
``Figure`` and the Agg canvas directly, never pyplot, so it changes no global state and
needs no display. Output is deterministic (no dates in the metadata, fixed SVG ids), so
rendering the same report twice gives the same bytes.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from floorplan.findings import RESULT_WORDS, tally
from floorplan.io.atomic import write_atomic
from floorplan.render.scene import PT_MM, Panel, Scene
from floorplan.render.style import STATUS_COLOURS, STYLE, Style

MM_IN = 1 / 25.4


def _rc(style: Style) -> dict:
    return {"svg.hashsalt": "floorplan", "svg.fonttype": "path", "pdf.fonttype": 42,
            "font.family": "sans-serif", "font.sans-serif": [style.font, "DejaVu Sans"],
            "hatch.linewidth": 0.6, "path.simplify": False}


def write(scene: Scene, path: str | os.PathLike, style: Style = STYLE, report=None) -> None:  # noqa: ARG001
    import matplotlib
    from matplotlib.figure import Figure

    ext = Path(path).suffix.lower()
    buf = io.BytesIO()
    with matplotlib.rc_context(_rc(style)):
        if ext == ".pdf":
            from matplotlib.backends.backend_pdf import PdfPages

            with PdfPages(buf, metadata={"Creator": "floorplan", "Producer": "floorplan",
                                         "CreationDate": None, "ModDate": None}) as pdf:
                for i, panel in enumerate(scene.panels):
                    fig = Figure(figsize=(scene.paper[0] * MM_IN, scene.paper[1] * MM_IN))
                    _sheet(fig, scene, [panel], style,
                           page=(i + 1, len(scene.panels)) if len(scene.panels) > 1 else None)
                    pdf.savefig(fig)
        else:
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            fig = Figure(figsize=(scene.paper[0] * MM_IN, scene.paper[1] * MM_IN))
            FigureCanvasAgg(fig)
            _sheet(fig, scene, list(scene.panels), style)
            fmt = ext.lstrip(".")
            fig.savefig(buf, format=fmt, dpi=style.dpi, **_save_kwargs(fmt))
    write_atomic(path, buf.getvalue())


def render_bytes(scene: Scene, fmt: str = "png", style: Style = STYLE, chrome: bool = True) -> bytes:
    """The drawing as bytes, without writing a file.

    With ``chrome=False`` only the plan panels are drawn, on a sheet cropped to them (no
    title block, no sidebar): the HTML report puts its own header and legend round it.
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    view = (0.0, 0.0, *scene.paper) if chrome else _panels_box(scene)
    buf = io.BytesIO()
    with matplotlib.rc_context(_rc(style)):
        fig = Figure(figsize=(view[2] * MM_IN, view[3] * MM_IN))
        FigureCanvasAgg(fig)
        _sheet(fig, scene, list(scene.panels), style, view=view, chrome=chrome)
        fig.savefig(buf, format=fmt, dpi=style.dpi, **_save_kwargs(fmt))
    return buf.getvalue()


#: zlib's effort for PNGs: 3 takes half the time of PIL's default 6 on a sheet (mostly
#: white, flat fills), for files 10-15 % bigger on small plans and 6 % smaller on big ones
PNG_COMPRESS_LEVEL = 3


def _save_kwargs(fmt: str) -> dict:
    """``savefig``'s options for ``fmt``: no dates or versions, so the bytes repeat."""
    if fmt == "svg":
        return {"metadata": {"Date": None}}
    if fmt == "png":
        return {"metadata": {"Software": None}, "pil_kwargs": {"compress_level": PNG_COMPRESS_LEVEL}}
    return {"metadata": {"Software": None}}


#: paper mm under the panels, without the sheet's chrome, for a scale bar (and north arrow)
FOOT = 14.0


def _panels_box(scene: Scene, pad: float = 3.0, title: float = 9.0) -> tuple[float, float, float, float]:
    x0 = min(p.frame[0] for p in scene.panels) - pad
    y0 = min(p.frame[1] for p in scene.panels) - pad - FOOT
    x1 = max(p.frame[0] + p.frame[2] for p in scene.panels) + pad
    y1 = max(p.frame[1] + p.frame[3] for p in scene.panels) + title
    return (x0, y0, x1 - x0, y1 - y0)


# --------------------------------------------------------------------------- one sheet


def _lw(mm: float) -> float:
    return mm / PT_MM


def _sheet(fig, scene: Scene, panels: list[Panel], style: Style, page=None, view=None,
           chrome: bool = True) -> None:
    """Draw on ``fig``, which shows ``view`` (x, y, w, h in paper mm; the whole sheet by default)."""
    view = view or (0.0, 0.0, *scene.paper)
    fig.set_facecolor("white")
    paper = fig.add_axes((0, 0, 1, 1))
    paper.set_xlim(view[0], view[0] + view[2])
    paper.set_ylim(view[1], view[1] + view[3])
    paper.set_axis_off()
    if chrome:
        _title_block(paper, scene, style, page)
    for panel in panels:
        _panel(fig, paper, scene, panel, panel.frame, style, view)
    if chrome:
        _sidebar(paper, scene, style)
    else:  # the page round the plan has the legend; the scale bar and north arrow go here
        x0 = min(p.frame[0] for p in panels)
        y0 = min(p.frame[1] for p in panels) - 3
        scale_bar(paper, scene, x0, y0 - 4)
        if scene.north is not None:
            x1 = max(p.frame[0] + p.frame[2] for p in panels)
            north_arrow(paper, x1 - 6, y0 - 6, scene.north, size=8.0)


def _title_block(ax, scene: Scene, style: Style, page) -> None:
    pw, ph = scene.paper
    m = style.margin
    top = ph - m
    c = scene.counts
    result = RESULT_WORDS.get(scene.result, scene.result)
    colour = STATUS_COLOURS.get(scene.result, "#000000")
    ax.plot([m, pw - m], [ph - m - style.title_height + 3] * 2, color="black", lw=0.8)
    ax.text(m, top, scene.title, fontsize=style.look("title").size, fontweight="bold",
            va="top", ha="left")
    ax.text(m, top - 8, f"Profile: {scene.profile}", fontsize=9, va="top", ha="left")
    counts = tally(c, " · ")
    ax.text(m, top - 14, counts, fontsize=9, va="top", ha="left")
    ax.text(pw - m, top, f"Result: {result}", fontsize=15, fontweight="bold", color="white",
            va="top", ha="right",
            bbox={"boxstyle": "square,pad=0.4", "facecolor": colour, "edgecolor": "none"})
    right = f"Scale 1:{scene.scale} at {scene.paper_name}"
    if page:
        right += f" · sheet {page[0]} of {page[1]}"
    ax.text(pw - m, top - 14, right, fontsize=9, va="top", ha="right")


def _panel(fig, paper, scene: Scene, panel: Panel, frame, style: Style, view) -> None:
    from floorplan.render.mpl_plan import draw_plan

    vx, vy, vw, vh = view
    x, y, w, h = frame
    ax = fig.add_axes(((x - vx) / vw, (y - vy) / vh, w / vw, h / vh))
    b = panel.bounds
    ax.set_xlim(b[0], b[2])
    ax.set_ylim(b[1], b[3])
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    paper.text(x, y + h + 2.5, panel.title, fontsize=10, fontweight="bold", va="bottom", ha="left")
    draw_plan(ax, scene, panel, style)


def _sidebar(ax, scene: Scene, style: Style) -> None:
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Circle as CirclePatch
    from matplotlib.patches import Rectangle

    pw, ph = scene.paper
    m = style.margin
    x0 = pw - m - style.sidebar_width
    y = ph - m - style.title_height - 2
    line_h = 3.3
    ax.plot([x0 - style.gap / 2] * 2, [m, y + 2], color="#999999", lw=0.5)

    # scale bar
    ax.text(x0, y, "Scale", fontsize=9, fontweight="bold", va="top")
    y -= 6
    scale_bar(ax, scene, x0, y)
    y -= 9
    if scene.north is not None:
        north_arrow(ax, x0 + style.sidebar_width - 10, y + 12, scene.north)

    ax.text(x0, y, "Legend", fontsize=9, fontweight="bold", va="top")
    y -= 5
    for key, text in scene.legend:
        look = style.look(key)
        sx, sy = x0, y - 2.6
        if key.startswith(("room.", "obstacle", "headroom", "square.")):
            ax.add_patch(Rectangle((sx, sy), 7, 3.2,
                                   facecolor=to_rgba(look.fill, look.fill_alpha) if look.fill else "none",
                                   edgecolor=look.edge if look.width else "#555555", lw=_lw(max(look.width, 0.2)),
                                   hatch=look.hatch, linestyle=look.dash))
        elif key.startswith("circle."):
            ax.add_patch(CirclePatch((sx + 3.5, sy + 1.6), 1.7, fill=False, edgecolor=look.edge,
                                     lw=_lw(look.width), linestyle=look.dash))
        elif key.startswith(("marker.", "point")):
            ax.add_patch(CirclePatch((sx + 3.5, sy + 1.6), 1.1, facecolor=look.fill,
                                     edgecolor=look.edge, lw=_lw(look.width)))
        elif key.startswith("door."):
            ax.add_patch(CirclePatch((sx + 3.5, sy + 1.6), 1.7, fill=False, edgecolor=look.edge,
                                     lw=_lw(look.width)))
        else:
            ax.plot([sx, sx + 7], [sy + 1.6] * 2, color=look.edge, lw=_lw(look.width),
                    linestyle=look.dash)
        ax.text(sx + 9, sy + 1.6, text, fontsize=7, va="center")
        y -= 4.2
    y -= 3

    bottom = m + 2
    if scene.key or scene.too_small:
        ax.text(x0, y, "Rooms numbered on the plan", fontsize=9, fontweight="bold", va="top")
        y -= 5
        # leave room for the failures below; past one column, flow into two narrower ones
        reserve = (min(len(scene.notes), 12) + 4) * line_h if scene.notes else 0
        reserve += 2 * line_h if scene.too_small else 0
        rows = max(1, int((y - bottom - reserve) / line_h))
        cols = 1 if len(scene.key) <= rows else 2
        width = style.sidebar_width / cols
        shown = scene.key[: rows * cols]
        if len(shown) < len(scene.key):
            shown = shown[:-1]
        for i, (n_, text) in enumerate(shown):
            c, r = divmod(i, rows)
            xx, yy = x0 + c * width, y - r * line_h
            ax.text(xx, yy, f"{n_}", fontsize=6.0, fontweight="bold", va="top")
            ax.text(xx + 6, yy, _clip(text, 70 if cols == 1 else 30), fontsize=6.0, va="top")
        used = min(rows, len(shown))
        y -= used * line_h
        if len(shown) < len(scene.key):
            ax.text(x0, y, f"… and {len(scene.key) - len(shown)} more rooms (see the HTML or "
                    "JSON report)", fontsize=6.0, va="top")
            y -= line_h
        if scene.too_small:
            n = scene.too_small
            ax.text(x0, y, f"{n} label{'s' if n != 1 else ''} too small to read at this scale left off "
                    "(see the report)", fontsize=6.0, va="top")
            y -= line_h
        y -= 3
    unread = [n for n in scene.notes if n[0] == "cannot_assess"]
    fails = [n for n in scene.notes if n[0] == "fail"]
    warns = [n for n in scene.notes if n[0] == "warn"]
    for title, items, colour in (("No verdict: what could not be read", unread, "#444444"),
                                 ("Not met", fails, STATUS_COLOURS["fail"]),
                                 ("To review", warns, "#7A5200")):
        if not items or y < bottom + 2 * line_h:
            continue
        ax.text(x0, y, f"{title} ({len(items)})", fontsize=9, fontweight="bold", va="top",
                color=colour)
        y -= 5
        for i, (_, text) in enumerate(items):
            if y < bottom + line_h:
                ax.text(x0, y, f"… and {len(items) - i} more (see the report)", fontsize=6.5, va="top")
                y -= line_h
                break
            # a reason for no verdict is what the assessor must act on: up to three lines
            lines = _wrap(text, 78, 3) if items is unread else [_clip(text, 78)]
            for k, line in enumerate(lines):
                ax.text(x0 + (3 if k else 0), y, line, fontsize=6.5, va="top")
                y -= line_h
        y -= 3


def north_arrow(ax, x: float, y: float, north: float, size: float = 9.0) -> None:
    """A north arrow centred on (x, y) paper mm, pointing ``north`` degrees anticlockwise
    from up, with its N."""
    import math

    from matplotlib.patches import Polygon as PolygonPatch

    a = math.radians(north)
    ux, uy = -math.sin(a), math.cos(a)  # towards north
    px, py = -uy, ux
    h = size / 2
    tip = (x + ux * h, y + uy * h)
    tail = (x - ux * h, y - uy * h)
    left = (tail[0] + px * h * 0.5, tail[1] + py * h * 0.5)
    right = (tail[0] - px * h * 0.5, tail[1] - py * h * 0.5)
    ax.add_patch(PolygonPatch([tip, left, (x - ux * h * 0.45, y - uy * h * 0.45)], closed=True,
                              facecolor="black", edgecolor="black", lw=0.5))
    ax.add_patch(PolygonPatch([tip, right, (x - ux * h * 0.45, y - uy * h * 0.45)], closed=True,
                              facecolor="white", edgecolor="black", lw=0.5))
    ax.text(tip[0] + ux * 2.2, tip[1] + uy * 2.2, "N", fontsize=8, fontweight="bold",
            ha="center", va="center", rotation=north)


def scale_bar(ax, scene: Scene, x: float, y: float) -> None:
    """A scale bar at (x, y) paper mm: a round length in metres, in five or two parts."""
    from matplotlib.patches import Rectangle

    k = 1000 / scene.scale
    span = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if s * k >= 30)
    step = span / 5 if span >= 5 else span / (2 if span == 1 else span)
    n = round(span / step)
    for i in range(n):
        ax.add_patch(Rectangle((x + i * step * k, y - 1.5), step * k, 1.5,
                               facecolor="black" if i % 2 == 0 else "white", edgecolor="black",
                               lw=0.4))
    for i in (0, n):
        ax.text(x + i * step * k, y - 2.5, f"{i * step:g}", fontsize=6.5, ha="center", va="top")
    ax.text(x + n * step * k + 3, y - 0.75, f"metres (1:{scene.scale} at {scene.paper_name})",
            fontsize=6.5, va="center")


def _wrap(text: str, n: int, most: int) -> list[str]:
    """``text`` in lines of at most ``n`` characters, at most ``most`` of them (the last
    clipped with an ellipsis when there is more)."""
    import textwrap

    lines = textwrap.wrap(text, n - 3)
    if len(lines) > most:
        lines = lines[: most - 1] + [_clip(" ".join(lines[most - 1:]), n - 3)]
    return lines


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
