"""Text in the Pillow backend in more than one font: DejaVu Sans, and a CJK font for the
Han characters, kana and hangul it lacks.

Pillow draws a string in one font, with a box for each character the font lacks; matplotlib
falls back glyph by glyph. So a line is cut into runs (:func:`runs`): the CJK characters
in the first of :func:`floorplan.render.fonts.cjk_files` (a font of one weight: bold text
takes it as it is), the rest in DejaVu Sans; each run is measured and drawn after the one
before. Where the machine has no CJK font the whole line is one DejaVu run, drawn as it
was, and the sheet says so (:func:`floorplan.render.fonts.unshown`).
"""

from __future__ import annotations

import functools

from PIL import ImageFont

from floorplan.render import fonts


@functools.lru_cache(maxsize=64)
def cjk_font(px: float) -> ImageFont.FreeTypeFont | None:
    """The CJK font at ``px`` pixels, or None where the machine has none."""
    files = fonts.cjk_files()
    return ImageFont.truetype(files[0], px) if files else None


def runs(line: str, base: ImageFont.FreeTypeFont, px: float) -> list[tuple[str, ImageFont.FreeTypeFont]]:
    """``line`` as (text, font) runs: CJK characters in the CJK font (where there is
    one), the rest in ``base``.

    >>> from floorplan.render.raster.canvas import font
    >>> [t for t, _ in runs("R4 Bed", font(False, 10.0), 10.0)]
    ['R4 Bed']
    """
    if not fonts.has_cjk(line) or (cjk := cjk_font(px)) is None:
        return [(line, base)]
    out: list[tuple[str, ImageFont.FreeTypeFont]] = []
    for ch in line:
        f = cjk if fonts.has_cjk(ch) else base
        if out and out[-1][1] is f:
            out[-1] = (out[-1][0] + ch, f)
        else:
            out.append((ch, f))
    return out


def length(line: str, base: ImageFont.FreeTypeFont, px: float) -> float:
    """The advance of ``line`` in px, run by run."""
    return sum(f.getlength(t) for t, f in runs(line, base, px))
