"""Where panels go on the paper, at which standard scale, on which sheet.

Shared by the frontend (to tell whether a label fits at the printed size) and every
backend (to draw at exactly that scale), so they cannot disagree.

The scale is one of the architect's standard scales (1:20, 1:50, 1:100, 1:200 ...), the
largest at which the plan fits. The sheet is the style's own (A3, the office printer's)
unless another fills better: A4 when the plan fits it at the same scale, A2 when the plan
fills less than :data:`GOOD_FILL` of A3 and A2 takes it a scale larger.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from floorplan.render.style import Style

#: ISO sheets, landscape (width, height) in mm
SHEETS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0), "A2": (594.0, 420.0), "A1": (841.0, 594.0)}
#: a plan using less than this share of its sheet's binding dimension looks lost on it
GOOD_FILL = 0.7


@dataclass(frozen=True)
class Layout:
    scale: int
    frames: list[tuple[float, float, float, float]]
    paper: tuple[float, float]
    paper_name: str


def _grid_options(n: int) -> list[tuple[int, int]]:
    return [(r, math.ceil(n / r)) for r in range(1, n + 1)]


def _max_k(extents, style: Style, paper, per_page: bool) -> tuple[float, tuple[int, int]]:
    """The most paper mm per metre the panels can have on ``paper``, and the grid."""
    pw, ph = paper
    area_w = pw - 2 * style.margin - style.sidebar_width - style.gap
    area_h = ph - 2 * style.margin - style.title_height
    title_pad = 8.0  # the panel's title above it

    def fit(rows: int, cols: int) -> float:
        cw = (area_w - style.gap * (cols - 1)) / cols
        chh = (area_h - style.gap * (rows - 1)) / rows - title_pad
        return min(min(cw / max(w, 0.1), chh / max(h, 0.1)) for w, h in extents)

    if per_page:
        return fit(1, 1), (1, 1)
    grid = max(_grid_options(max(1, len(extents))), key=lambda rc: (fit(*rc), -rc[0]))
    return fit(*grid), grid


def _scale_for(k_max: float, style: Style) -> int | None:
    return next((s for s in sorted(style.scales) if 1000 / s <= k_max), None)


def choose(extents, style: Style, per_page: bool) -> tuple[str, tuple[float, float], int]:
    """(sheet name, sheet size, scale) for panels of ``extents`` (metres)."""
    home = style.paper
    home_name = next((n for n, size in SHEETS.items() if size == home), "custom")
    if style.choose_paper and home_name in SHEETS:
        names = list(SHEETS)
        i = names.index(home_name)
        smaller = names[i - 1] if i > 0 else None
        larger = names[i + 1] if i + 1 < len(names) else None
        k_home, _ = _max_k(extents, style, home, per_page)
        s_home = _scale_for(k_home, style)
        fill = (1000 / s_home) / k_home if s_home else 0.0
        if larger and fill < GOOD_FILL:
            k_large, _ = _max_k(extents, style, SHEETS[larger], per_page)
            s_large = _scale_for(k_large, style)
            if s_large is not None and (s_home is None or s_large < s_home):
                return larger, SHEETS[larger], s_large
        if s_home is not None and smaller:
            k_small, _ = _max_k(extents, style, SHEETS[smaller], per_page)
            if _scale_for(k_small, style) == s_home:
                return smaller, SHEETS[smaller], s_home
    name, paper = home_name, home
    k, _ = _max_k(extents, style, paper, per_page)
    scale = _scale_for(k, style)
    if scale is None:  # bigger than the smallest scale allows: not a building, draw it anyway
        scale = math.ceil(1000 / k)
    return name, paper, scale


def plan_layout(extents: list[tuple[float, float]], style: Style, per_page: bool) -> Layout:
    """The sheet, the scale and a frame per panel (mm, bottom-left origin).

    ``extents`` are (width, height) in metres. All panels share one scale so levels can be
    compared by eye. With ``per_page`` every panel gets the whole drawing area of its page.
    """
    name, paper, scale = choose(extents, style, per_page)
    _, (rows, cols) = _max_k(extents, style, paper, per_page)
    pw, ph = paper
    m = style.margin
    area_x, area_y = m, m
    area_w = pw - 2 * m - style.sidebar_width - style.gap
    area_h = ph - 2 * m - style.title_height
    title_pad = 8.0
    k = 1000 / scale
    frames = []
    if per_page:
        for w, h in extents:
            frames.append((area_x + (area_w - w * k) / 2, area_y + (area_h - title_pad - h * k) / 2,
                           w * k, h * k))
        return Layout(scale, frames, paper, name)
    cw = (area_w - style.gap * (cols - 1)) / cols
    chh = (area_h - style.gap * (rows - 1)) / rows
    for i, (w, h) in enumerate(extents):
        r, c = divmod(i, cols)
        x0 = area_x + c * (cw + style.gap)
        y0 = area_y + area_h - (r + 1) * chh - r * style.gap
        frames.append((x0 + (cw - w * k) / 2, y0 + (chh - title_pad - h * k) / 2, w * k, h * k))
    return Layout(scale, frames, paper, name)


def layout(extents: list[tuple[float, float]], style: Style,
           per_page: bool) -> tuple[int, list[tuple[float, float, float, float]]]:
    """(scale, frames) of :func:`plan_layout` (kept for callers that need no sheet)."""
    lay = plan_layout(extents, style, per_page)
    return lay.scale, lay.frames
