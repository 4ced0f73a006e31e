"""Dashed circles in bulk, for the Pillow canvas (:class:`~.canvas.Canvas`).

A big plan's clear circles are thousands of small dotted rings, a dozen dashes each; drawn
one ``ImageDraw.line`` a dash they were most of the plan's drawing. Here a run of rings in
one colour, width and pattern is drawn at once in numpy: each ring's pixels are those whose
centre lies within half the width of its radius (as Pillow fills a thick line), kept where
the ring's pattern is on at that pixel's angle (the dash's length measured along the ring's
polygon, from its first vertex, its way round, as :func:`~.canvas.dashes` measures it),
then laid on the image with one paste per band of rows.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image

#: rows of the image a mask covers at once (a mask the plan's size would be its own peak)
BAND_ROWS = 512


def as_circle(xy: np.ndarray, tol: float = 0.5) -> tuple[float, float, float] | None:
    """(cx, cy, r) if the closed ring ``xy`` (px) is the polygon of a circle within ``tol``
    px, vertices and sides' midpoints alike (e.g. shapely's buffer of a point); else None.

    >>> t = np.linspace(0, 2 * np.pi, 65)
    >>> as_circle(np.column_stack([10 + 20 * np.cos(t), 5 + 20 * np.sin(t)]))
    (10.0, 5.0, 20.0)
    >>> as_circle(np.array([[0.0, 0], [40, 0], [40, 40], [0, 40], [0, 0]])) is None
    True
    """
    if len(xy) < 17 or np.hypot(*(xy[0] - xy[-1])) > 1e-6:
        return None
    c = xy[:-1].mean(axis=0)
    d = np.hypot(*(xy[:-1] - c).T)
    mid = np.hypot(*((xy[:-1] + xy[1:]) / 2 - c).T)
    r = float(d.mean())
    if max(d.max() - r, r - d.min(), r - mid.min()) > tol:
        return None
    return round(float(c[0]), 9), round(float(c[1]), 9), round(r, 9)


def ring_of(xy: np.ndarray, circle: tuple[float, float, float]) -> tuple[float, ...]:
    """(cx, cy, r, angle of the first vertex, +1/-1 the way round, the polygon's length)."""
    cx, cy, r = circle
    seg = np.hypot(*np.diff(xy, axis=0).T)
    area2 = float(np.sum(xy[:-1, 0] * xy[1:, 1] - xy[1:, 0] * xy[:-1, 1]))
    return cx, cy, r, math.atan2(xy[0, 1] - cy, xy[0, 0] - cx), 1.0 if area2 >= 0 else -1.0, float(seg.sum())


def circles_of(xys: list[np.ndarray], tol: float = 0.5) -> list[tuple[float, ...] | None]:
    """:func:`ring_of` of each ring in ``xys`` that :func:`as_circle` finds a circle, else
    None: the same tests, made at once on the rings of each length (a plan's clear
    circles are thousands of rings of one length).

    >>> t = np.linspace(0, 2 * np.pi, 65)
    >>> ring = np.column_stack([10 + 20 * np.cos(t), 5 + 20 * np.sin(t)])
    >>> got = circles_of([ring, np.array([[0.0, 0], [40, 0], [40, 40], [0, 0]])])
    >>> got[0] == ring_of(ring, as_circle(ring)), got[1]
    (True, None)
    """
    out: list[tuple[float, ...] | None] = [None] * len(xys)
    by_len: dict[int, list[int]] = {}
    for i, xy in enumerate(xys):
        if len(xy) >= 17:
            by_len.setdefault(len(xy), []).append(i)
    for idx in by_len.values():
        a = np.stack([xys[i] for i in idx])  # (n, m, 2)
        closed = np.hypot(*(a[:, 0] - a[:, -1]).T) <= 1e-6
        c = a[:, :-1].mean(axis=1)
        d = np.hypot(*(a[:, :-1] - c[:, None]).transpose(2, 0, 1))
        mid = np.hypot(*((a[:, :-1] + a[:, 1:]) / 2 - c[:, None]).transpose(2, 0, 1))
        r = d.mean(axis=1)
        off = np.maximum(np.maximum(d.max(axis=1) - r, r - d.min(axis=1)), r - mid.min(axis=1))
        ok = closed & (off <= tol)
        seg = np.hypot(*np.diff(a, axis=1).transpose(2, 0, 1)).sum(axis=1)
        area2 = np.sum(a[:, :-1, 0] * a[:, 1:, 1] - a[:, 1:, 0] * a[:, :-1, 1], axis=1)
        for j in np.flatnonzero(ok).tolist():
            cx, cy, rr = round(float(c[j, 0]), 9), round(float(c[j, 1]), 9), round(float(r[j]), 9)
            out[idx[j]] = (cx, cy, rr, math.atan2(a[j, 0, 1] - cy, a[j, 0, 0] - cx),
                           1.0 if area2[j] >= 0 else -1.0, float(seg[j]))
    return out


def _annulus(inner: float, outer: float) -> tuple[np.ndarray, np.ndarray]:
    """(dx, dy) float32 arrays of the whole offsets whose distance from the origin lies in
    ``inner``..``outer`` (and a hair either side), found row by row as spans: the work is
    the ring's pixels, not its square's (a big room's clear circle is hundreds of px
    across at A2, and a real drawing's rooms have as many radii as rooms).

    >>> dx, dy = _annulus(1.5, 2.5)
    >>> sorted(zip(dx.astype(int).tolist(), dy.astype(int).tolist()))[:5]
    [(-2, -1), (-2, 0), (-2, 1), (-1, -2), (-1, 2)]
    """
    top = math.floor(outer + 1e-6)
    rows = np.arange(-top, top + 1)
    out2 = (outer + 1e-6) ** 2 - rows * rows
    xo = np.floor(np.sqrt(np.maximum(out2, 0.0))).astype(np.int64)
    in2 = (max(inner, 0.0) - 1e-6) ** 2 - rows * rows
    hole = (in2 > 0) & (inner > 0)
    xi = np.where(hole, np.ceil(np.sqrt(np.where(hole, in2, 0.0))), 0).astype(np.int64)
    # each row: [-xo, -xi] and [xi, xo] where there is a hole, [-xo, xo] where not
    lo = np.concatenate([-xo, xi[hole]])
    hi = np.concatenate([np.where(hole, -xi, xo), xo[hole]])
    row = np.concatenate([rows, rows[hole]])
    ok = hi >= lo
    lo, hi, row = lo[ok], hi[ok], row[ok]
    n = hi - lo + 1
    start = np.repeat(np.cumsum(n) - n, n)
    dx = np.repeat(lo, n) + (np.arange(int(n.sum())) - start)
    return dx.astype(np.float32), np.repeat(row, n).astype(np.float32)


def pixels(rings: list[tuple[float, ...]], width: int, pattern: tuple[float, ...]):
    """(x, y) int arrays of the pixels the dashed ``rings`` (:func:`ring_of`) cover."""
    a = np.array(rings, dtype=float)
    h = width / 2
    reach = np.ceil(a[:, 2] + h).astype(int) + 1  # the ring lies within reach - width - 2..reach - 1
    period = float(sum(pattern))
    xs, ys = [], []
    for big in np.unique(reach).tolist():
        g = a[reach == big]
        dx, dy = _annulus(big - width - 3.5, big + 0.5)  # the corner's shift is under 1.5 px
        cx, cy = g[:, 0], g[:, 1]
        bx, by = np.floor(cx), np.floor(cy)
        fx = (bx - cx).astype(np.float32)[:, None] + dx  # from the centre to each pixel
        fy = (by - cy).astype(np.float32)[:, None] + dy
        on = np.abs(np.hypot(fx, fy) - g[:, 2:3].astype(np.float32)) <= h
        n, k = np.nonzero(on)
        fx, fy = fx[n, k], fy[n, k]
        turn = np.mod(g[n, 4] * (np.arctan2(fy, fx) - g[n, 3]), 2 * math.pi)
        phase = np.mod(turn * (g[n, 5] / (2 * math.pi)), period)
        dash = np.zeros(len(n), dtype=bool)
        t = 0.0
        for i in range(0, len(pattern), 2):
            dash |= (phase >= t) & (phase < t + pattern[i])
            t += pattern[i] + (pattern[i + 1] if i + 1 < len(pattern) else 0.0)
        n, k = n[dash], k[dash]
        xs.append(bx.astype(np.int64)[n] + dx[k].astype(np.int64))
        ys.append(by.astype(np.int64)[n] + dy[k].astype(np.int64))
    return np.concatenate(xs), np.concatenate(ys)


def draw(im: Image.Image, rings: list[tuple[float, ...]], colour: tuple[int, ...], width: int,
         pattern: tuple[float, ...]) -> None:
    """Lay the dashed ``rings`` on ``im`` in the RGBA ``colour``."""
    if not rings or width <= 0:
        return
    x, y = pixels(rings, width, pattern)
    paint(im, x, y, colour)


#: a mask is laid on in tiles of this many rows and columns: tiles with no ink are not pasted
TILE = 64


def lay(im: Image.Image, colour: tuple[int, ...], mask: np.ndarray, x0: int, y0: int,
        full: bool = False) -> None:
    """Paste ``colour`` through the uint8 ``mask`` (its top left at x0, y0), tile by tile
    of :data:`TILE` x :data:`TILE` px, leaving out the tiles it does not ink, and pasting
    a row of inked tiles at once: Pillow's paste costs the box's area, and a room's
    outline or a big clear circle inks a thin line round a wide box.

    With ``full`` (the mask is 0 or 255 throughout: the painters' masks of an opaque
    colour) it goes through a 1-bit mask: the same pixels, and Pillow sets them without
    blending every pixel of the box with the ink, which cost 6-7 times as much."""
    h, w = mask.shape
    rgb = tuple(colour[:3])
    nr, nc = -(-h // TILE), -(-w // TILE)
    pad = np.zeros((nr * TILE, nc * TILE), dtype=bool)
    pad[:h, :w] = mask != 0
    inked: np.ndarray = np.any(pad.reshape(nr, TILE, nc, TILE), axis=(1, 3))
    for r in np.flatnonzero(inked.any(axis=1)).tolist():
        cols = np.flatnonzero(inked[r])
        # runs of neighbouring inked tiles of this row, each one paste
        cuts = np.flatnonzero(np.diff(cols) > 1) + 1
        for run in np.split(cols, cuts):
            r0, r1 = r * TILE, min((r + 1) * TILE, h)
            c0, c1 = int(run[0]) * TILE, min((int(run[-1]) + 1) * TILE, w)
            im.paste(rgb, (x0 + c0, y0 + r0, x0 + c1, y0 + r1), _as_mask(mask[r0:r1, c0:c1], full))


def _as_mask(part: np.ndarray, full: bool) -> Image.Image:
    """The uint8 array ``part`` as a paste mask: 1-bit when ``full`` (its pixels 0 or 255:
    Pillow copies the ink to each set pixel), else 8-bit (each pixel blended)."""
    if full:
        return Image.fromarray(part != 0)
    return Image.fromarray(np.ascontiguousarray(part), "L")


def paint(im: Image.Image, x: np.ndarray, y: np.ndarray, colour: tuple[int, ...]) -> None:
    """Lay the pixels (x, y) on ``im`` in the RGBA ``colour``, each once, with one paste per
    band of :data:`BAND_ROWS` rows."""
    inside = (x >= 0) & (y >= 0) & (x < im.width) & (y < im.height)
    x, y = x[inside], y[inside]
    if not len(x):
        return
    x0, x1 = int(x.min()), int(x.max()) + 1
    y0 = int(y.min())
    value = colour[3] if len(colour) == 4 else 255
    band = (y - y0) // BAND_ROWS
    for b in range(int(band.max()) + 1):
        sel = band == b if b or band.any() else slice(None)
        bx, by = x[sel], y[sel]
        if not len(by):
            continue
        b0, b1 = int(by.min()), int(by.max()) + 1
        mask = np.zeros((b1 - b0, x1 - x0), dtype=np.uint8)
        mask[by - b0, bx - x0] = value
        lay(im, colour, mask, x0, b0, full=value == 255)
