"""The Pillow backend: the PNG sheet drawn without matplotlib.

Importing matplotlib's figure machinery costs 0.6-1.0 s of CPU, about a small drawing's
whole read (docs/performance.md); Pillow, already a dependency (matplotlib's own, and the
project's), draws the same scene in C. Same sheet, pixel size, colours, layout and words
as the matplotlib backend: the scene (:mod:`~floorplan.render.scene`) and the sheet's
chrome (:mod:`~floorplan.render.sheet`) are shared; what differs is said in
docs/outputs.md. :mod:`.canvas` draws shapes and text, :mod:`.plan` a panel's plan.
"""

from __future__ import annotations

import os

import numpy as np

from floorplan.io.atomic import write_atomic
from floorplan.render import fonts, sheet
from floorplan.render.raster.canvas import Canvas, available, font_dir, rgba
from floorplan.render.raster.heap import keep_freed_blocks
from floorplan.render.raster.plan import draw_plan
from floorplan.render.scene import Scene
from floorplan.render.style import STYLE, Style

__all__ = ["Canvas", "PilPaper", "available", "font_dir", "render_png", "write"]


class PilPaper:
    """:class:`floorplan.render.sheet.Paper` on a :class:`Canvas` (paper mm, y up)."""

    def __init__(self, canvas: Canvas):
        self.c = canvas

    def text(self, x, y, s, size, *, weight="normal", colour=None, ha="left", va="baseline",
             rotation=0.0, box=None) -> None:
        self.c.text(*self.c.xy(x, y), s, size, bold=weight == "bold", colour=colour or "black",
                    ha=ha, va=va, rotation=rotation, box=box)

    def line(self, xs, ys, colour, lw, dash=None) -> None:
        xy = np.array([self.c.xy(x, y) for x, y in zip(xs, ys, strict=True)])
        self.c.stroke(xy, colour, self.c.width(lw), dash, lw)

    def rect(self, x, y, w, h, face, edge, lw, hatch=None, dash=None) -> None:
        ring = np.array([self.c.xy(*p) for p in ((x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y))])
        if face is not None:
            self.c.fill([ring], rgba(*face) if isinstance(face, tuple) else rgba(face))
        if hatch:
            self.c.hatch([ring], hatch, edge or "black", 0.6)
        if edge is not None:
            self.c.stroke(ring, edge, self.c.width(lw), dash, lw)

    def circle(self, x, y, r, face, edge, lw, dash=None) -> None:
        self.c.ellipse(*self.c.xy(x, y), r * self.c.ppm, None if face is None else rgba(face), edge,
                       self.c.width(lw), dash, lw)

    def polygon(self, points, face, edge, lw) -> None:
        ring = np.array([self.c.xy(*p) for p in [*points, points[0]]])
        self.c.fill([ring], rgba(face))
        self.c.stroke(ring, edge, self.c.width(lw), None, lw)


def render_png(scene: Scene, style: Style = STYLE) -> bytes:
    """The sheet of ``scene`` (every panel, title block and sidebar) as PNG bytes."""
    keep_freed_blocks()  # a band's temporaries reused by the next, not mapped afresh
    canvas = Canvas(*scene.paper, style.dpi)
    paper = PilPaper(canvas)
    sheet.title_block(paper, scene, style, None)
    for panel in scene.panels:
        sheet.panel_title(paper, panel.frame, panel.title)
        draw_plan(canvas, scene, panel, style)
    sheet.sidebar(paper, scene, style, unshown=_unshown(scene))
    return canvas.png(release=True)


def _unshown(scene: Scene) -> str | None:
    """The sheet's CJK text that no font here draws, said (:func:`fonts.unshown`)."""
    texts = [t for t in fonts.scene_texts(scene) if fonts.has_cjk(t)]
    return fonts.unshown(texts, have=bool(fonts.cjk_files())) if texts else None


def write(scene: Scene, path: str | os.PathLike, style: Style = STYLE, report=None) -> None:  # noqa: ARG001
    """Backend entry point: the PNG of ``scene`` at ``path``, written atomically."""
    write_atomic(path, render_png(scene, style))
