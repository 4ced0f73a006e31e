"""Polylines in bulk, solid or dashed, for the Pillow canvas (:class:`~.canvas.Canvas`).

A big plan's outlines are thousands of short strokes: every room's edge, every dashed
mark round a room or door. Drawn one ``ImageDraw.line`` a dash, each corner a
``pieslice`` worked out in Python, they were most of a plan's drawing. Here a run of
polylines in one colour, width and dash pattern is drawn at once in numpy:

* the pattern is laid along each polyline (running on across its vertices, from its first
  vertex, as :func:`~.canvas.dashes` lays it) for all of them together, giving the
  segments that are on;
* each segment is a rectangle its width wide with square ends (as Pillow draws a wide
  line), and each vertex inside a dash (a corner the stroke turns) a disc its width
  across (a round join, as matplotlib's); a pixel is inked when its centre is inside;
* the pixels are found row by row: the span of each shape on each row it crosses, so the
  work is the ink's area, not the boxes', and laid on the image in bands of rows
  (:func:`paint`).

Where shapes of one run overlap, the pixel is inked once (one mask), so a translucent
colour does not darken at its corners.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from floorplan.render.raster.rings import BAND_ROWS, lay

#: thinner strokes are left to Pillow, whose one-pixel lines step from pixel to pixel
MIN_WIDTH = 3
#: pixels of a band of the dense painter at most (its counts are 8 bytes each)
BAND_CELLS = 1 << 20


def dash_segments(lines: list[np.ndarray], pattern: tuple[float, ...]):
    """``(p0, p1, joints)``: the segments of the polylines ``lines`` that ``pattern`` (on,
    off, on, off... in px; empty: solid) draws, as (n, 2) arrays of their ends, and the
    vertices a stroke turns at inside a dash, (m, 2); a closed polyline (its last vertex
    its first) turns at its first vertex too.

    >>> p0, p1, j = dash_segments([np.array([[0.0, 0], [10, 0], [10, 10]])], (5.0, 2.0))
    >>> np.column_stack([p0, p1]).tolist()
    [[0.0, 0.0, 5.0, 0.0], [7.0, 0.0, 10.0, 0.0], [10.0, 0.0, 10.0, 2.0], [10.0, 4.0, 10.0, 9.0]]
    >>> j.tolist()  # the dash from 7 to 12 turns the corner
    [[10.0, 0.0]]
    """
    lines = [xy for xy in lines if len(xy) > 1]
    if not lines:
        return np.zeros((0, 2)), np.zeros((0, 2)), np.zeros((0, 2))
    a = np.vstack([xy[:-1] for xy in lines])
    b = np.vstack([xy[1:] for xy in lines])
    n_seg = np.array([len(xy) - 1 for xy in lines])
    seg = np.hypot(*(b - a).T)
    # each segment's start along its own polyline
    starts = np.cumsum(seg) - seg
    first = np.cumsum(n_seg) - n_seg
    s0 = starts - np.repeat(starts[first], n_seg)
    s1 = s0 + seg
    # the vertices where the stroke turns: inside each polyline, and a closed one's first
    ua = (b - a) / np.where(seg > 0, seg, 1.0)[:, None]
    last = np.cumsum(n_seg) - 1
    inner = np.ones(len(a), dtype=bool)
    inner[first] = False  # vertex i of segment i is a joint when i is not a polyline's first
    prev = np.arange(len(a)) - 1
    turn = inner & (np.abs(ua[prev, 0] * ua[:, 1] - ua[prev, 1] * ua[:, 0]) > 1e-9)
    turn |= inner & (np.sum(ua[prev] * ua, axis=1) < 0)  # a turn right back
    closed = np.hypot(*(b[last] - a[first]).T) < 1e-9
    close_turn = closed & (np.abs(ua[last, 0] * ua[first, 1] - ua[last, 1] * ua[first, 0]) > 1e-9)
    joint_at = np.concatenate([np.flatnonzero(turn), first[close_turn]])
    joints, joint_s = a[joint_at], s0[joint_at]
    if not pattern:
        return a, b, joints
    period = float(sum(pattern))
    offs, lens, t = [], [], 0.0
    for k in range(0, len(pattern), 2):
        offs.append(t)
        lens.append(pattern[k])
        t += pattern[k] + (pattern[k + 1] if k + 1 < len(pattern) else 0.0)
    offs_a, lens_a = np.array(offs), np.array(lens)
    # every (segment, period, dash) whose dash may meet the segment
    k0 = np.floor(s0 / period).astype(np.int64)
    k1 = np.floor(s1 / period).astype(np.int64)
    count = (k1 - k0 + 1) * len(offs)
    idx = np.repeat(np.arange(len(a)), count)
    within = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    k = k0[idx] + within // len(offs)
    d = within % len(offs)
    on0 = k * period + offs_a[d]
    lo = np.maximum(on0, s0[idx])
    hi = np.minimum(on0 + lens_a[d], s1[idx])
    keep = hi > lo
    idx, lo, hi = idx[keep], lo[keep], hi[keep]
    length = np.where(seg[idx] > 0, seg[idx], 1.0)
    fa = ((lo - s0[idx]) / length)[:, None]
    fb = ((hi - s0[idx]) / length)[:, None]
    d_ab = b[idx] - a[idx]
    p0, p1 = a[idx] + d_ab * fa, a[idx] + d_ab * fb
    # a joint is drawn where a dash runs through its vertex
    phase = np.mod(joint_s, period)
    inside = np.zeros(len(joints), dtype=bool)
    for o, n in zip(offs, lens, strict=True):
        inside |= (phase > o) & (phase < o + n)
    # a closed polyline's first vertex is turned at where its last dash runs to its end
    # (its first dash starts there): at the pattern's phase of its whole length
    n_close = int(close_turn.sum())
    if n_close:
        tail = np.mod(s1[last][close_turn], period)
        on_end = np.zeros(n_close, dtype=bool)
        for o, n in zip(offs, lens, strict=True):
            on_end |= (tail > o) & (tail <= o + n)
        inside[len(joints) - n_close:] = on_end
    return p0, p1, joints[inside]


def _rows(y_lo: np.ndarray, y_hi: np.ndarray):
    """For shapes spanning rows y_lo..y_hi (floats): (shape index, row) of each row whose
    pixel centre they may cover."""
    r0 = np.ceil(y_lo).astype(np.int64)
    r1 = np.floor(y_hi).astype(np.int64)
    n = np.maximum(r1 - r0 + 1, 0)
    idx = np.repeat(np.arange(len(r0)), n)
    row = r0[idx] + (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n))
    return idx, row


def _slab(x_coef, c, lo, hi, xa, xb):
    """Narrow the spans [xa, xb] to where lo <= x_coef * x + c <= hi."""
    pos, neg = x_coef > 1e-12, x_coef < -1e-12
    flat = ~(pos | neg)
    safe = np.where(flat, 1.0, x_coef)
    ea, eb = (lo - c) / safe, (hi - c) / safe
    xa = np.where(pos, np.maximum(xa, ea), np.where(neg, np.maximum(xa, eb), xa))
    xb = np.where(pos, np.minimum(xb, eb), np.where(neg, np.minimum(xb, ea), xb))
    out = flat & ((c < lo) | (c > hi))
    return xa, np.where(out, -np.inf, xb)


def segment_spans(p0: np.ndarray, p1: np.ndarray, width: float):
    """``(row, x0, x1)``: the pixel spans (x0..x1 inclusive) of the rectangles ``width``
    wide round the segments p0 -> p1 (square ends at the segments' ends): the pixels
    whose centres (whole coordinates) lie inside."""
    h = width / 2
    d = p1 - p0
    length = np.hypot(*d.T)
    keep = length > 0
    p0, d, length = p0[keep], d[keep], length[keep]
    u = d / length[:, None]
    nrm = np.column_stack([-u[:, 1], u[:, 0]])
    reach = np.abs(nrm[:, 1]) * h
    y_lo = np.minimum(p0[:, 1], p0[:, 1] + d[:, 1]) - reach
    y_hi = np.maximum(p0[:, 1], p0[:, 1] + d[:, 1]) + reach
    i, row = _rows(y_lo, y_hi)
    dy = row - p0[i, 1]
    xa = np.full(len(i), -np.inf)
    xb = np.full(len(i), np.inf)
    # along: 0 <= (x - x0) ux + dy uy <= L; across: -h <= (x - x0) nx + dy ny <= h
    xa, xb = _slab(u[i, 0], dy * u[i, 1] - p0[i, 0] * u[i, 0], 0.0, length[i], xa, xb)
    # across, half open (a centre on the far edge is out), so that a line of even width
    # on whole pixels is that many pixels wide, as Pillow draws it
    xa, xb = _slab(nrm[i, 0], dy * nrm[i, 1] - p0[i, 0] * nrm[i, 0], -h, h - 1e-9, xa, xb)
    return row, np.ceil(xa), np.floor(xb)


def disc_spans(c: np.ndarray, r: float):
    """``(row, x0, x1)``: the pixel spans of discs of radius ``r`` round the points ``c``."""
    i, row = _rows(c[:, 1] - r, c[:, 1] + r)
    half = np.sqrt(np.maximum(r * r - (row - c[i, 1]) ** 2, 0.0))
    return row, np.ceil(c[i, 0] - half), np.floor(c[i, 0] + half)


def spans(lines: list[np.ndarray], width: int, pattern: tuple[float, ...]):
    """``(row, x0, x1)`` int arrays: the pixel spans the polylines ``lines`` cover, drawn
    ``width`` px wide in ``pattern`` (:func:`dash_segments`); spans may overlap."""
    p0, p1, joints = dash_segments(lines, pattern)
    r1, a1, b1 = segment_spans(p0, p1, width)
    r2, a2, b2 = disc_spans(joints, width / 2)
    row = np.concatenate([r1, r2])
    xa = np.concatenate([a1, a2])
    xb = np.concatenate([b1, b2])
    ok = xb >= xa
    return row[ok], xa[ok].astype(np.int64), xb[ok].astype(np.int64)


def paint(im: Image.Image, row: np.ndarray, xa: np.ndarray, xb: np.ndarray,
          colour: tuple[int, ...]) -> None:
    """Lay the pixel spans on ``im`` in the RGBA ``colour``, each pixel once, per band of
    :data:`~.rings.BAND_ROWS` rows: where the ink is dense, +1 where a span starts and -1
    past where it ends, summed along the rows (work by the band's area, not the ink's);
    where it is sparse, pixel by pixel (work by the ink's area)."""
    xa, xb = np.maximum(xa, 0), np.minimum(xb, im.width - 1)
    ok = (xb >= xa) & (row >= 0) & (row < im.height)
    row, xa, xb = row[ok], xa[ok], xb[ok]
    if not len(row):
        return
    x0, x1 = int(xa.min()), int(xb.max()) + 1
    y0, y1 = int(row.min()), int(row.max()) + 1
    w = x1 - x0 + 1  # a column past the last, for the ends of spans that reach it
    value = colour[3] if len(colour) == 4 else 255
    band = max(8, min(BAND_ROWS, BAND_CELLS // w))  # rows a band: its counts stay small
    for b0 in range(y0, y1, band):
        h = min(band, y1 - b0)
        sel = (row >= b0) & (row < b0 + h)
        if not sel.any():
            continue
        r, a, b = row[sel] - b0, xa[sel] - x0, xb[sel] - x0
        n = b - a + 1
        mask = np.zeros((h, w - 1), dtype=np.uint8)
        if int(n.sum()) * 8 < h * w:  # sparse ink (a big room's outline): pixel by pixel
            ys = np.repeat(r, n)
            xs = np.repeat(a, n) + (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n))
            mask[ys, xs] = value
        else:  # dense: +1 where a span starts, -1 past its end, summed along the rows
            at = r * w
            edge = np.bincount(at + a, minlength=h * w)
            edge -= np.bincount(at + b + 1, minlength=h * w)
            mask[np.cumsum(edge.reshape(h, w), axis=1)[:, :-1] > 0] = value
        lay(im, colour, mask, x0, b0, full=value == 255)
