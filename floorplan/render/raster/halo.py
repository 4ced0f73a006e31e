"""Labels over a white halo, for the Pillow canvas (:class:`~.canvas.Canvas`).

A label on a busy plan is drawn over a white halo so that it reads over the lines under
it (matplotlib's ``withStroke``). Pillow draws one by rendering the text twice, once
through FreeType's stroker (three quarters of a haloed label's cost) and once plain. Here
the text is rendered once, on a layer of its own, and the halo is that layer grown by a
disc (:func:`dilate`): the same glyphs, the halo the text's shape grown by its width.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFont


def dilate(a: np.ndarray, r: int) -> np.ndarray:
    """The uint8 array ``a`` grown by a disc of radius ``r`` px: each pixel the largest of
    those whose centres lie within ``r`` of it (rows of the disc as runs: the run ``n``
    wide either side once for every ``n``, then each row's shifted on). ``a`` must have
    ``r`` clear pixels round what it inks.

    >>> a = np.zeros((7, 7), dtype=np.uint8); a[3, 3] = 9
    >>> dilate(a, 2)[1:6, 1:6].tolist()
    [[0, 0, 9, 0, 0], [0, 9, 9, 9, 0], [9, 9, 9, 9, 9], [0, 9, 9, 9, 0], [0, 0, 9, 0, 0]]
    """
    runs = [a]
    for _ in range(r):
        p = runs[-1]
        q = p.copy()
        np.maximum(q[:, 1:], p[:, :-1], out=q[:, 1:])
        np.maximum(q[:, :-1], p[:, 1:], out=q[:, :-1])
        runs.append(q)
    out = runs[r].copy()
    for dy in range(1, r + 1):
        run = runs[math.isqrt(r * r - dy * dy)]
        np.maximum(out[dy:], run[:-dy], out=out[dy:])
        np.maximum(out[:-dy], run[dy:], out=out[:-dy])
    return out


def haloed(draw: ImageDraw.ImageDraw, x: float, y: float, line: str, f: ImageFont.FreeTypeFont,
            colour, stroke: int) -> None:
    """``line`` at (x, y) px (its left end's baseline, both >= 0) over a white halo
    ``stroke`` px wide: the text drawn once, on a layer of its own as Pillow draws it
    there (the same whole and fractional parts of its position, so the same pixels), and
    the halo grown from that layer (:func:`dilate`), not drawn again: FreeType's stroker
    took three quarters of a haloed label's drawing. Both go on through the layer."""
    ix, iy = int(x), int(y)
    left, top, right, bottom = f.getbbox(line, anchor="ls")
    pad = stroke + 2
    ox, oy = math.floor(left) - pad, math.floor(top) - pad  # the layer's corner from (ix, iy)
    layer = Image.new("L", (math.ceil(right) + pad - ox, math.ceil(bottom) + pad - oy), 0)
    ImageDraw.Draw(layer).text((x - ix - ox, y - iy - oy), line, font=f, fill=255, anchor="ls")
    at = (ix + ox, iy + oy)
    draw.bitmap(at, Image.fromarray(dilate(np.asarray(layer), stroke), "L"), fill="white")
    draw.bitmap(at, layer, fill=colour)
