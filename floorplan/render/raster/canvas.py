"""The Pillow backend's canvas: shapes, hatches, dashes and text on an RGB image.

Shapes are drawn at :data:`SUPERSAMPLE` times the resolution and reduced (a box filter,
in C) for anti-aliasing; text is FreeType through ``ImageFont.truetype`` with the DejaVu
Sans that matplotlib ships, found without importing matplotlib (:func:`font_dir`).
"""

from __future__ import annotations

import functools
import importlib.util
import math
from pathlib import Path

import numpy as np
from PIL import Image, ImageColor, ImageDraw, ImageFont

from floorplan.render.raster import glyphs as _glyphs
from floorplan.render.raster import halo as _halo
from floorplan.render.raster import png as _png
from floorplan.render.raster import rings as _rings
from floorplan.render.raster import strokes as _strokes

#: shapes are drawn this many times finer, then reduced: 2 x 2 samples a pixel
SUPERSAMPLE = 2
#: matplotlib's dash patterns, in line widths (rcParams lines.*_pattern, scaled by width)
DASHES = {"dashed": (3.7, 1.6), "dotted": (1.0, 1.65), "dashdot": (6.4, 1.6, 1.0, 1.6)}
MM_IN = 1 / 25.4
#: strokes of a run drawn at once, at most: their arrays take tens of bytes a pixel of ink,
#: so a run of every room of a big plan at once would be the drawing's peak of memory
RUN_CHUNK = 2000
#: straight segments painted at once, at most (:meth:`Canvas.segments`)
SEGMENT_CHUNK = 20000


@functools.lru_cache(maxsize=1)
def font_dir() -> Path | None:
    """The folder of matplotlib's DejaVu fonts, found without importing matplotlib."""
    try:
        spec = importlib.util.find_spec("matplotlib")
    except (ImportError, ValueError):
        return None
    for loc in (spec.submodule_search_locations or []) if spec else []:
        d = Path(loc) / "mpl-data" / "fonts" / "ttf"
        if (d / "DejaVuSans.ttf").is_file() and (d / "DejaVuSans-Bold.ttf").is_file():
            return d
    return None


def available() -> bool:
    """Whether this backend can draw: it needs the DejaVu fonts (else matplotlib draws)."""
    return font_dir() is not None


@functools.lru_cache(maxsize=128)
def font(bold: bool, px: float) -> ImageFont.FreeTypeFont:
    d = font_dir()
    assert d is not None, "raster.available() is checked before drawing"
    return ImageFont.truetype(str(d / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), px)


@functools.lru_cache(maxsize=128)
def _lp(bold: bool, px: float) -> tuple[float, float]:
    """(height, descent) of "lp" in px: the line box matplotlib lays every line out in."""
    _, top, _, bottom = font(bold, px).getbbox("lp", anchor="ls")
    return float(bottom - top), float(bottom)


@functools.lru_cache(maxsize=256)
def rgb(colour: str) -> tuple[int, int, int]:
    return ImageColor.getrgb(colour)[:3]


def rgba(colour: str, alpha: float = 1.0) -> tuple[int, int, int, int]:
    return (*rgb(colour), round(alpha * 255))


def dashes(xy: np.ndarray, pattern: tuple[float, ...]) -> list[list[float]]:
    """The pieces of the polyline ``xy`` that ``pattern`` (on, off, on, off... in px)
    draws, the pattern running on across its vertices as a dashed line's does; each
    piece as a flat list x0, y0, x1, y1...

    >>> dashes(np.array([[0.0, 0.0], [10.0, 0.0]]), (3.0, 2.0))
    [[0.0, 0.0, 3.0, 0.0], [5.0, 0.0, 8.0, 0.0]]
    """
    seg = np.hypot(*np.diff(xy, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    total, period = float(cum[-1]), float(sum(pattern))
    if total <= 0 or period <= 0:
        return []
    offs, lens, t = [], [], 0.0
    for k in range(0, len(pattern), 2):
        offs.append(t)
        lens.append(pattern[k])
        t += pattern[k] + (pattern[k + 1] if k + 1 < len(pattern) else 0.0)
    a = (np.arange(0.0, total, period)[:, None] + np.array(offs)).ravel()
    b = np.minimum(a + np.tile(lens, len(a) // len(lens)), total)
    keep = a < total
    a, b = a[keep], b[keep]
    ends = np.concatenate([a, b])
    where = np.searchsorted(cum, ends, side="right")
    i, j = where[:len(a)], where[len(a):]
    pa, pb = np.split(_at(xy, cum, seg, ends, where), 2)
    pieces = np.hstack([pa, pb]).tolist()  # a dash that turns no corner: two points
    turns = np.flatnonzero(j > i).tolist()
    if turns:
        flat, pal, pbl, il, jl = xy.ravel().tolist(), pa.tolist(), pb.tolist(), i.tolist(), j.tolist()
        for n in turns:
            pieces[n] = pal[n] + flat[2 * il[n]:2 * jl[n]] + pbl[n]
    return pieces


def _at(xy, cum, seg, s, i) -> np.ndarray:
    """The points at lengths ``s`` along ``xy``, each on the segment before vertex ``i``."""
    i = np.clip(i - 1, 0, len(seg) - 1)
    f = np.divide(s - cum[i], seg[i], out=np.zeros(len(s)), where=seg[i] > 0)
    f = np.clip(f, 0.0, 1.0)[:, None]
    return xy[i] + (xy[i + 1] - xy[i]) * f


@functools.lru_cache(maxsize=16)
def hatch_tile(pattern: str, inch: int, lw_px: float) -> np.ndarray:
    """One inch of matplotlib's hatch ``pattern`` (density 6: ``////`` is 24 lines an
    inch, ``xx`` 12 each way, ``..`` 12 rows of dots), as a 0/1 array ``inch`` px square
    (the pattern repeats every inch, as matplotlib's does)."""
    yy, xx = np.mgrid[0:inch, 0:inch].astype(float)
    half = max(lw_px, 1.0) / 2
    on = np.zeros(xx.shape, dtype=bool)
    n_ne = (pattern.count("/") + pattern.count("x")) * 6
    n_se = (pattern.count("\\") + pattern.count("x")) * 6
    for n, sign in ((n_ne, 1), (n_se, -1)):
        if n:
            step = inch / n  # along x; across the line it is step / sqrt(2)
            d = np.mod(xx + sign * yy, step)
            on |= np.minimum(d, step - d) < half * math.sqrt(2)
    if pattern.count("."):
        step = inch / (pattern.count(".") * 6)
        r = step * 0.1 + half  # matplotlib fills each dot and strokes it too
        row = np.round(yy / step)
        shift = np.where(row % 2 == 1, step / 2, 0.0)
        dx = np.mod(xx - shift + step / 2, step) - step / 2
        on |= (dx * dx + (yy - row * step) ** 2) <= r * r
    return on.astype(np.uint8)


class Canvas:
    """An RGB image drawn at ``ss`` times ``dpi``; lengths given in px of that image."""

    def __init__(self, width_mm: float, height_mm: float, dpi: float, ss: int = SUPERSAMPLE):
        self.ss, self.dpi = ss, dpi
        self.size = (int(width_mm * MM_IN * dpi), int(height_mm * MM_IN * dpi))
        self.ppm = dpi * MM_IN * ss  # px a paper mm
        self.ppt = dpi / 72 * ss     # px a point
        self.im = Image.new("RGB", (self.size[0] * ss, self.size[1] * ss), "white")
        self._draw = ImageDraw.Draw(self.im, "RGBA")
        self.top = self.size[1] * ss  # paper y = 0 is this row
        self._waiting: list = []              # strokes waiting to be drawn (:meth:`flush`)
        self._how: tuple | None = None        # their kind, colour, width and pattern

    @property
    def draw(self) -> ImageDraw.ImageDraw:
        """Pillow's draw on the image, the strokes waiting drawn first."""
        self.flush()
        return self._draw

    def _wait(self, how: tuple, item) -> None:
        if how != self._how:
            self.flush()
            self._how = how
        self._waiting.append(item)

    def flush(self) -> None:
        """Draw the strokes waiting: a run of dashed circles (:mod:`.rings`) or of polylines
        (:mod:`.strokes`) in one colour, width and pattern is drawn at once, in numpy, so
        that what is drawn next lies over them."""
        if self._waiting and self._how is not None:
            kind, colour, width, pattern = self._how
            ink = rgba(colour) if isinstance(colour, str) else colour
            for at in range(0, len(self._waiting), RUN_CHUNK):  # bounded arrays
                chunk = self._waiting[at:at + RUN_CHUNK]
                if kind == "rings":
                    x, y = _rings.pixels(chunk, width, pattern)
                    _rings.paint(self.im, x, y, ink)
                else:
                    row, xa, xb = _strokes.spans(chunk, width, pattern)
                    _strokes.paint(self.im, row, xa, xb, ink)
        self._waiting = []

    def xy(self, x_mm: float, y_mm: float) -> tuple[float, float]:
        return x_mm * self.ppm, self.top - y_mm * self.ppm

    def width(self, pt: float) -> int:
        return max(1, round(pt * self.ppt)) if pt > 0 else 0

    # ------------------------------------------------------------------ shapes (px)

    def fill(self, rings: list[np.ndarray], colour) -> None:
        """Fill the polygon of ``rings`` (exterior first, then holes) with an RGBA colour."""
        self.flush()
        if len(rings) == 1:
            if len(rings[0]) >= 3:
                self._draw.polygon(rings[0].ravel().tolist(), fill=colour)
            return
        mask, box = self._mask(rings)
        if mask is not None:
            if colour[3] < 255:
                mask = mask.point(lambda v: v * colour[3] // 255)
            self.im.paste(colour[:3], box, mask)

    def _mask(self, rings):
        allxy = np.vstack(rings)
        x0, y0 = np.floor(allxy.min(axis=0)).astype(int)
        x1, y1 = np.ceil(allxy.max(axis=0)).astype(int) + 1
        x0, y0 = max(x0, 0), max(y0, 0)
        x1, y1 = min(x1, self.im.width), min(y1, self.im.height)
        if x1 <= x0 or y1 <= y0:
            return None, None
        mask = Image.new("L", (x1 - x0, y1 - y0), 0)
        d = ImageDraw.Draw(mask)
        for n, ring in enumerate(rings):
            if len(ring) >= 3:
                d.polygon((ring - (x0, y0)).ravel().tolist(), fill=0 if n else 255)
        return mask, (x0, y0, x1, y1)

    def hatch(self, rings: list[np.ndarray], pattern: str, colour: str, lw_pt: float) -> None:
        """Hatch the polygon of ``rings`` with :func:`hatch_tile` in ``colour``, the
        pattern aligned to the sheet so that neighbours' hatches meet."""
        self.flush()
        mask, box = self._mask(rings)
        if mask is None:
            return
        x0, y0, x1, y1 = box
        inch = round(self.dpi * self.ss)
        tile = hatch_tile(pattern, inch, lw_pt * self.ppt)
        # the tile repeated over the box, from where the box falls in it (slices, not
        # a gather of every pixel)
        oy, ox = y0 % inch, x0 % inch
        on = np.tile(tile, (-(-(oy + y1 - y0) // inch), -(-(ox + x1 - x0) // inch)))
        on = on[oy:oy + y1 - y0, ox:ox + x1 - x0]
        # the polygon's mask is 0 or 255 (Pillow fills it without anti-aliasing), so its
        # hatch is a 1-bit mask: the same pixels as blending by 0 or 255, without the blend
        self.im.paste(rgb(colour), box, Image.fromarray((np.asarray(mask) * on) != 0))

    def strokes(self, xys: list[np.ndarray], colour, width: int, dash: str | None,
                lw_pt: float) -> None:
        """:meth:`stroke` each polyline of ``xys``, in order; the dashed circles among them
        found at once (:func:`.rings.circles_of`)."""
        pattern = DASHES.get(dash or "solid")
        if width <= 0 or not pattern or width < _strokes.MIN_WIDTH:
            for xy in xys:
                self.stroke(xy, colour, width, dash, lw_pt)
            return
        px = tuple(v * lw_pt * self.ppt for v in pattern)
        for xy, ring in zip(xys, _rings.circles_of(xys), strict=True):
            if ring is not None:
                self._wait(("rings", colour, width, px), ring)
            elif len(xy) > 1:
                self._wait(("lines", colour, width, px), np.asarray(xy, dtype=float))

    def segments(self, p0: np.ndarray, p1: np.ndarray, colour, width: int) -> None:
        """Solid straight lines from the rows of ``p0`` to those of ``p1`` (px), ``width``
        px wide, all painted in numpy (:mod:`.strokes`) a chunk at a time: thousands of
        them cost about what their ink does, not a call each."""
        self.flush()
        if width <= 0 or not len(p0):
            return
        ink = rgba(colour) if isinstance(colour, str) else colour
        for at in range(0, len(p0), SEGMENT_CHUNK):
            row, xa, xb = _strokes.segment_spans(p0[at:at + SEGMENT_CHUNK], p1[at:at + SEGMENT_CHUNK],
                                                 width)
            ok = xb >= xa
            _strokes.paint(self.im, row[ok], xa[ok].astype(np.int64), xb[ok].astype(np.int64), ink)

    def rings(self, width: int, dash: str | None) -> bool:
        """Whether circles ``width`` px wide in ``dash`` are drawn as rings
        (:meth:`circles`): dashed, and wide enough for the bulk painter."""
        return width >= _strokes.MIN_WIDTH and dash not in (None, "solid") and dash in DASHES

    def circles(self, xy: np.ndarray, r: np.ndarray, colour, width: int, dash: str,
                lw_pt: float) -> None:
        """Dashed circles centred on the rows of ``xy`` (px), radii ``r`` px, when
        :meth:`rings` says so: each as :func:`.rings.ring_of` reads the 128-sided polygon
        of a point's buffer (its first corner east of the centre, turning clockwise on the
        plan, so anticlockwise on the image's rows running down), without the polygon."""
        px = tuple(v * lw_pt * self.ppt for v in DASHES[dash])
        length = (256 * math.sin(math.pi / 128)) * r
        how = ("rings", colour, width, px)
        for (cx, cy), rr, n in zip(xy.tolist(), r.tolist(), length.tolist(), strict=True):
            self._wait(how, (round(cx, 9), round(cy, 9), round(rr, 9), 0.0, 1.0, n))

    def stroke(self, xy: np.ndarray, colour, width: int, dash: str | None, lw_pt: float) -> None:
        """The polyline ``xy`` at ``width`` px, solid or in one of :data:`DASHES`."""
        if width <= 0 or len(xy) < 2:
            return
        pattern = DASHES.get(dash or "solid")
        px = tuple(v * lw_pt * self.ppt for v in pattern) if pattern else ()
        circle = _rings.as_circle(xy) if pattern else None
        if circle is not None:  # waits for the run of its kind to end (:meth:`flush`)
            self._wait(("rings", colour, width, px), _rings.ring_of(xy, circle))
            return
        if width >= _strokes.MIN_WIDTH:
            self._wait(("lines", colour, width, px), np.asarray(xy, dtype=float))
            return
        self.flush()
        if pattern is None:
            self._draw.line(xy.ravel().tolist(), fill=colour, width=width,
                           joint="curve" if len(xy) > 2 else None)
            return
        line = self._draw.line
        for piece in dashes(xy, px):
            line(piece, fill=colour, width=width, joint="curve" if len(piece) > 4 else None)

    def ellipse(self, cx: float, cy: float, r: float, face, edge, width: int,
                dash: str | None = None, lw_pt: float = 0.0) -> None:
        """A circle centred on (cx, cy) px, its outline centred on its radius."""
        self.flush()
        if face is not None:
            self._draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=face)
        if edge is not None and width > 0:
            if dash and dash != "solid":
                t = np.linspace(0, 2 * math.pi, max(24, int(r)), endpoint=True)
                self.stroke(np.column_stack([cx + r * np.cos(t), cy + r * np.sin(t)]), edge, width,
                            dash, lw_pt)
            else:
                h = width / 2
                self._draw.ellipse((cx - r - h, cy - r - h, cx + r + h, cy + r + h), outline=edge,
                                  width=width)

    # ------------------------------------------------------------------ text (px)

    def text(self, x: float, y: float, s: str, size_pt: float, *, bold: bool = False,
             colour="black", ha: str = "left", va: str = "baseline", rotation: float = 0.0,
             halo_pt: float = 0.0, linespacing: float = 1.2, box=None) -> None:
        """``s`` anchored at (x, y) px as matplotlib lays it out: each line in the line box
        of "lp", lines ``linespacing`` apart, aligned by ``ha`` and ``va`` as a block."""
        self.flush()
        px = size_pt * self.ppt
        f = font(bold, px)
        h, d = _lp(bold, px)
        lines = s.split("\n")
        if ha == "left" and box is None and not rotation:  # no width is asked for: not measured
            widths = [0.0] * len(lines)
        else:
            widths = [_glyphs.length(line, f, px) for line in lines]
        w = max(widths)
        step = d + (h - d) * linespacing
        total = h + step * (len(lines) - 1)
        left = {"left": 0.0, "center": w / 2, "right": w}[ha]
        top = {"top": 0.0, "center": total / 2, "bottom": total, "baseline": h - d}[va]
        stroke = round(halo_pt * self.ppt)
        if rotation:  # drawn level on a layer round the anchor, turned, laid on
            reach = math.ceil(math.hypot(max(left, w - left), max(top, total - top)) + stroke + 2)
            layer = Image.new("RGBA", (2 * reach, 2 * reach), (255, 255, 255, 0))
            self._lines(ImageDraw.Draw(layer), lines, widths, f, px, reach - left, reach - top, w,
                        h, d, step, ha, colour, stroke)
            layer = layer.rotate(rotation, resample=Image.Resampling.BICUBIC, center=(reach, reach))
            at = (round(x) - reach, round(y) - reach)
            self.im.paste(layer, at, layer)
            return
        x0, y0 = x - left, y - top
        if box is not None:
            pad = 0.4 * px
            self._draw.rectangle((x0 - pad, y0 - pad, x0 + w + pad, y0 + total + pad), fill=box)
        self._lines(self._draw, lines, widths, f, px, x0, y0, w, h, d, step, ha, colour, stroke)

    @staticmethod
    def _lines(draw, lines, widths, base_font, px, x0, y0, w, h, d, step, ha, colour, stroke) -> None:
        base = y0 + h - d
        for line, lw in zip(lines, widths, strict=True):
            lx = x0 + {"left": 0.0, "center": (w - lw) / 2, "right": w - lw}[ha]
            parts = _glyphs.runs(line, base_font, px)  # a CJK font for CJK characters
            for n, (run, f) in enumerate(parts):
                if stroke and lx >= 0 and base >= 0:
                    _halo.haloed(draw, lx, base, run, f, colour, stroke)
                elif stroke:  # off the sheet's top or left edge: FreeType's own stroke
                    draw.text((lx, base), run, font=f, fill=colour, anchor="ls",
                              stroke_width=stroke, stroke_fill="white")
                else:
                    draw.text((lx, base), run, font=f, fill=colour, anchor="ls")
                if n + 1 < len(parts):  # the next run starts where this one ends (one run:
                    lx += f.getlength(run)  # measured once, for its width, not again)
            base += step

    def png(self, release: bool = False) -> bytes:
        """The sheet as PNG bytes, reduced to its pixels; with ``release`` the drawing (four
        times the sheet's pixels, 4 bytes each) is let go of before encoding, and the
        canvas can draw no more."""
        self.flush()
        im = self.im.reduce(self.ss) if self.ss > 1 else self.im
        if release:
            del self.im, self._draw
        return _png.encode(im, self.dpi)
