"""The sheet round the plan: title block, scale bar, north arrow, legend, key and notes.

Laid out once, here, in paper millimetres (origin bottom-left), and drawn through a
:class:`Paper`: a small set of drawing calls (text, line, rectangle, circle, polygon)
that each raster or vector backend implements (:class:`floorplan.render.mpl.MplPaper`,
:class:`floorplan.render.raster.PilPaper`), so every backend writes the same words at
the same places. Line widths are points; text sizes points; colours names or ``#RRGGBB``.
"""

from __future__ import annotations

import math
import textwrap
from typing import Protocol

from floorplan.findings import RESULT_WORDS, tally
from floorplan.render.placing import PT_MM
from floorplan.render.scene import Scene
from floorplan.render.style import STATUS_COLOURS, Style


class Paper(Protocol):
    """What the sheet asks a backend to draw (paper mm, y up)."""

    def text(self, x: float, y: float, s: str, size: float, *, weight: str = "normal",
             colour: str | None = None, ha: str = "left", va: str = "baseline",
             rotation: float = 0.0, box: str | None = None) -> None:
        """``s`` at (x, y); ``box`` fills a square behind it (pad 0.4 em) in that colour."""

    def line(self, xs: list[float], ys: list[float], colour: str, lw: float,
             dash: str | None = None) -> None: ...

    def rect(self, x: float, y: float, w: float, h: float, face: str | tuple | None,
             edge: str | None, lw: float, hatch: str | None = None,
             dash: str | None = None) -> None:
        """``face`` is a colour, ``(colour, alpha)``, or None for no fill."""

    def circle(self, x: float, y: float, r: float, face: str | None, edge: str | None,
               lw: float, dash: str | None = None) -> None: ...

    def polygon(self, points: list[tuple[float, float]], face: str, edge: str, lw: float) -> None: ...


def lw(mm: float) -> float:
    """A line width given in paper mm, in points."""
    return mm / PT_MM


def title_block(paper: Paper, scene: Scene, style: Style, page) -> None:
    pw, ph = scene.paper
    m = style.margin
    top = ph - m
    result = RESULT_WORDS.get(scene.result, scene.result)
    colour = STATUS_COLOURS.get(scene.result, "#000000")
    paper.line([m, pw - m], [ph - m - style.title_height + 3] * 2, "black", 0.8)
    paper.text(m, top, scene.title, style.look("title").size, weight="bold", va="top")
    paper.text(m, top - 8, f"Profile: {scene.profile}", 9, va="top")
    paper.text(m, top - 14, tally(scene.counts, " · "), 9, va="top")
    paper.text(pw - m, top, f"Result: {result}", 15, weight="bold", colour="white", va="top",
               ha="right", box=colour)
    right = f"Scale 1:{scene.scale} at {scene.paper_name}"
    if page:
        right += f" · sheet {page[0]} of {page[1]}"
    paper.text(pw - m, top - 14, right, 9, va="top", ha="right")


def panel_title(paper: Paper, frame, title: str) -> None:
    x, y, _, h = frame
    paper.text(x, y + h + 2.5, title, 10, weight="bold", va="bottom")


def _swatch(paper: Paper, key: str, look, sx: float, sy: float) -> None:
    if key.startswith(("room.", "obstacle", "headroom", "square.")):
        paper.rect(sx, sy, 7, 3.2, (look.fill, look.fill_alpha) if look.fill else None,
                   look.edge if look.width else "#555555", lw(max(look.width, 0.2)),
                   hatch=look.hatch, dash=look.dash)
    elif key.startswith("circle."):
        paper.circle(sx + 3.5, sy + 1.6, 1.7, None, look.edge, lw(look.width), dash=look.dash)
    elif key.startswith(("marker.", "point")):
        paper.circle(sx + 3.5, sy + 1.6, 1.1, look.fill, look.edge, lw(look.width))
    elif key.startswith("door."):
        paper.circle(sx + 3.5, sy + 1.6, 1.7, None, look.edge, lw(look.width))
    else:
        paper.line([sx, sx + 7], [sy + 1.6] * 2, look.edge, lw(look.width), dash=look.dash)


#: the colour of the sheet's word that some of its text could not be drawn
UNSHOWN_COLOUR = "#b00000"


def sidebar(paper: Paper, scene: Scene, style: Style, unshown: str | None = None) -> None:
    """The sidebar: scale, legend, the key of rooms numbered on the plan, the notes; and
    ``unshown``, where given (the backend has no font for some of the sheet's text:
    :func:`floorplan.render.fonts.unshown`), once, under the key."""
    pw, ph = scene.paper
    m = style.margin
    x0 = pw - m - style.sidebar_width
    y = ph - m - style.title_height - 2
    line_h = 3.3
    paper.line([x0 - style.gap / 2] * 2, [m, y + 2], "#999999", 0.5)

    paper.text(x0, y, "Scale", 9, weight="bold", va="top")
    y -= 6
    scale_bar(paper, scene, x0, y)
    y -= 9
    if scene.north is not None:
        north_arrow(paper, x0 + style.sidebar_width - 10, y + 12, scene.north)

    paper.text(x0, y, "Legend", 9, weight="bold", va="top")
    y -= 5
    for key, text in scene.legend:
        sx, sy = x0, y - 2.6
        _swatch(paper, key, style.look(key), sx, sy)
        paper.text(sx + 9, sy + 1.6, text, 7, va="center")
        y -= 4.2
    y -= 3

    bottom = m + 2
    if unshown:
        for line in wrap(unshown, 70, 3):
            paper.text(x0, y, line, 6.0, colour=UNSHOWN_COLOUR, va="top")
            y -= line_h
        y -= 2
    if scene.key or scene.too_small:
        paper.text(x0, y, "Rooms numbered on the plan", 9, weight="bold", va="top")
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
            paper.text(xx, yy, f"{n_}", 6.0, weight="bold", va="top")
            paper.text(xx + 6, yy, clip(text, 70 if cols == 1 else 30), 6.0, va="top")
        used = min(rows, len(shown))
        y -= used * line_h
        if len(shown) < len(scene.key):
            paper.text(x0, y, f"… and {len(scene.key) - len(shown)} more rooms (see the HTML or "
                       "JSON report)", 6.0, va="top")
            y -= line_h
        if scene.too_small:
            n = scene.too_small
            paper.text(x0, y, f"{n} label{'s' if n != 1 else ''} too small to read at this scale "
                       "left off (see the report)", 6.0, va="top")
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
        paper.text(x0, y, f"{title} ({len(items)})", 9, weight="bold", va="top", colour=colour)
        y -= 5
        for i, (_, text) in enumerate(items):
            if y < bottom + line_h:
                paper.text(x0, y, f"… and {len(items) - i} more (see the report)", 6.5, va="top")
                y -= line_h
                break
            # a reason for no verdict is what the assessor must act on: up to three lines
            lines = wrap(text, 78, 3) if items is unread else [clip(text, 78)]
            for k, line in enumerate(lines):
                paper.text(x0 + (3 if k else 0), y, line, 6.5, va="top")
                y -= line_h
        y -= 3


def north_arrow(paper: Paper, x: float, y: float, north: float, size: float = 9.0) -> None:
    """A north arrow centred on (x, y) paper mm, pointing ``north`` degrees anticlockwise
    from up, with its N."""
    a = math.radians(north)
    ux, uy = -math.sin(a), math.cos(a)  # towards north
    px, py = -uy, ux
    h = size / 2
    tip = (x + ux * h, y + uy * h)
    tail = (x - ux * h, y - uy * h)
    left = (tail[0] + px * h * 0.5, tail[1] + py * h * 0.5)
    right = (tail[0] - px * h * 0.5, tail[1] - py * h * 0.5)
    notch = (x - ux * h * 0.45, y - uy * h * 0.45)
    paper.polygon([tip, left, notch], "black", "black", 0.5)
    paper.polygon([tip, right, notch], "white", "black", 0.5)
    paper.text(tip[0] + ux * 2.2, tip[1] + uy * 2.2, "N", 8, weight="bold", ha="center",
               va="center", rotation=north)


def scale_bar(paper: Paper, scene: Scene, x: float, y: float) -> None:
    """A scale bar at (x, y) paper mm: a round length in metres, in five or two parts."""
    k = 1000 / scene.scale
    span = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if s * k >= 30)
    step = span / 5 if span >= 5 else span / (2 if span == 1 else span)
    n = round(span / step)
    for i in range(n):
        paper.rect(x + i * step * k, y - 1.5, step * k, 1.5, "black" if i % 2 == 0 else "white",
                   "black", 0.4)
    for i in (0, n):
        paper.text(x + i * step * k, y - 2.5, f"{i * step:g}", 6.5, ha="center", va="top")
    paper.text(x + n * step * k + 3, y - 0.75, f"metres (1:{scene.scale} at {scene.paper_name})",
               6.5, va="center")


def wrap(text: str, n: int, most: int) -> list[str]:
    """``text`` in lines of at most ``n`` characters, at most ``most`` of them (the last
    clipped with an ellipsis when there is more)."""
    lines = textwrap.wrap(text, n - 3)
    if len(lines) > most:
        lines = lines[: most - 1] + [clip(" ".join(lines[most - 1:]), n - 3)]
    return lines


def clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


class TextRecorder:
    """A :class:`Paper` that keeps only the texts written, in order (for tests)."""

    def __init__(self):
        self.texts: list[str] = []

    def text(self, x, y, s, size, **kw) -> None:  # noqa: ARG002
        self.texts.append(s)

    def line(self, *a, **kw) -> None:
        pass

    rect = circle = polygon = line
