"""Where panels go on the paper, and at which architect's scale.

Shared by the frontend (to tell whether a label fits at the printed size) and every
backend (to draw at exactly that scale), so they cannot disagree.
"""

from __future__ import annotations

import math

from floorplan.render.style import Style


def _grid_options(n: int) -> list[tuple[int, int]]:
    return [(r, math.ceil(n / r)) for r in range(1, n + 1)]


def layout(extents: list[tuple[float, float]], style: Style, per_page: bool) -> tuple[int, list[tuple[float, float, float, float]]]:
    """Choose a scale (1:n) and a frame per panel on the paper (mm, bottom-left origin).

    ``extents`` are (width, height) in metres. All panels share one scale so levels can be
    compared by eye. With ``per_page`` every panel gets the whole drawing area of its page.
    """
    pw, ph = style.paper
    m = style.margin
    area_x, area_y = m, m
    area_w = pw - 2 * m - style.sidebar_width - style.gap
    area_h = ph - 2 * m - style.title_height
    n = max(1, len(extents))
    title_pad = 8.0  # panel title above each panel

    def fit(rows: int, cols: int) -> float:
        cw = (area_w - style.gap * (cols - 1)) / cols
        chh = (area_h - style.gap * (rows - 1)) / rows - title_pad
        return min(min(cw / max(w, 0.1), chh / max(h, 0.1)) for w, h in extents)  # mm per metre

    if per_page:
        rows, cols = 1, 1
        mm_per_m = fit(1, 1)
    else:
        rows, cols = max(_grid_options(n), key=lambda rc: (fit(*rc), -rc[0]))
        mm_per_m = fit(rows, cols)
    scale = next((s for s in style.scales if 1000 / s <= mm_per_m), None)
    if scale is None:  # bigger than the largest scale: not a building, but draw it anyway
        scale = math.ceil(1000 / mm_per_m)
    k = 1000 / scale
    frames = []
    if per_page:
        for w, h in extents:
            frames.append((area_x + (area_w - w * k) / 2, area_y + (area_h - title_pad - h * k) / 2, w * k, h * k))
        return scale, frames
    cw = (area_w - style.gap * (cols - 1)) / cols
    chh = (area_h - style.gap * (rows - 1)) / rows
    for i, (w, h) in enumerate(extents):
        r, c = divmod(i, cols)
        x0 = area_x + c * (cw + style.gap)
        y0 = area_y + area_h - (r + 1) * chh - r * style.gap
        frames.append((x0 + (cw - w * k) / 2, y0 + (chh - title_pad - h * k) / 2, w * k, h * k))
    return scale, frames
