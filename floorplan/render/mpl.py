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

from floorplan.io.atomic import write_atomic
from floorplan.render import fonts, sheet
from floorplan.render.scene import Panel, Scene
from floorplan.render.style import STYLE, Style

MM_IN = 1 / 25.4


def _rc(style: Style, scene: Scene | None = None) -> dict:
    cjk = scene is not None and any(fonts.has_cjk(t) for t in fonts.scene_texts(scene) if t)
    return {"svg.hashsalt": "floorplan", "svg.fonttype": "path", "pdf.fonttype": 42,
            # a list of families: matplotlib falls back glyph by glyph (CJK: render.fonts)
            "font.family": fonts.families(style.font) if cjk else [style.font, "DejaVu Sans"],
            "hatch.linewidth": 0.6, "path.simplify": False}


def write(scene: Scene, path: str | os.PathLike, style: Style = STYLE, report=None) -> None:  # noqa: ARG001
    import matplotlib
    from matplotlib.figure import Figure

    ext = Path(path).suffix.lower()
    buf = io.BytesIO()
    with matplotlib.rc_context(_rc(style, scene)), fonts.quiet():
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
    with matplotlib.rc_context(_rc(style, scene)), fonts.quiet():
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
        if note := _unshown(scene):  # (the sidebar says it on a whole sheet)
            paper.text(x0, y0 - 11, note, fontsize=6, color=sheet.UNSHOWN_COLOUR, va="top")


def _unshown(scene: Scene) -> str | None:
    """The sheet's CJK text that no font here draws, said (:func:`fonts.unshown`)."""
    texts = [t for t in fonts.scene_texts(scene) if fonts.has_cjk(t)]
    return fonts.unshown(texts, have=bool(fonts.cjk_families())) if texts else None


def _title_block(ax, scene: Scene, style: Style, page) -> None:
    sheet.title_block(MplPaper(ax), scene, style, page)


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
    sheet.panel_title(MplPaper(paper), frame, panel.title)
    draw_plan(ax, scene, panel, style)


def _sidebar(ax, scene: Scene, style: Style) -> None:
    sheet.sidebar(MplPaper(ax), scene, style, unshown=_unshown(scene))


def north_arrow(ax, x: float, y: float, north: float, size: float = 9.0) -> None:
    """A north arrow centred on (x, y) paper mm (:func:`floorplan.render.sheet.north_arrow`)."""
    sheet.north_arrow(MplPaper(ax), x, y, north, size)


def scale_bar(ax, scene: Scene, x: float, y: float) -> None:
    """A scale bar at (x, y) paper mm (:func:`floorplan.render.sheet.scale_bar`)."""
    sheet.scale_bar(MplPaper(ax), scene, x, y)


class MplPaper:
    """:class:`floorplan.render.sheet.Paper` on a matplotlib axes in paper mm."""

    def __init__(self, ax):
        self.ax = ax

    def text(self, x, y, s, size, *, weight="normal", colour=None, ha="left", va="baseline",
             rotation=0.0, box=None) -> None:
        kw: dict = {"fontsize": size, "fontweight": weight, "va": va, "ha": ha}
        if colour is not None:
            kw["color"] = colour
        if rotation:
            kw["rotation"] = rotation
        if box is not None:
            kw["bbox"] = {"boxstyle": "square,pad=0.4", "facecolor": box, "edgecolor": "none"}
        self.ax.text(x, y, s, **kw)

    def line(self, xs, ys, colour, lw, dash=None) -> None:
        kw = {"linestyle": dash} if dash else {}
        self.ax.plot(xs, ys, color=colour, lw=lw, **kw)

    def rect(self, x, y, w, h, face, edge, lw, hatch=None, dash=None) -> None:
        from matplotlib.colors import to_rgba
        from matplotlib.patches import Rectangle

        facecolor = "none" if face is None else to_rgba(*face) if isinstance(face, tuple) else face
        kw = {"hatch": hatch, "linestyle": dash} if (hatch or dash) else {}
        self.ax.add_patch(Rectangle((x, y), w, h, facecolor=facecolor, edgecolor=edge, lw=lw, **kw))

    def circle(self, x, y, r, face, edge, lw, dash=None) -> None:
        from matplotlib.patches import Circle

        kw = {"linestyle": dash} if dash else {}
        if face is None:
            self.ax.add_patch(Circle((x, y), r, fill=False, edgecolor=edge, lw=lw, **kw))
        else:
            self.ax.add_patch(Circle((x, y), r, facecolor=face, edgecolor=edge, lw=lw, **kw))

    def polygon(self, points, face, edge, lw) -> None:
        from matplotlib.patches import Polygon

        self.ax.add_patch(Polygon(points, closed=True, facecolor=face, edgecolor=edge, lw=lw))
