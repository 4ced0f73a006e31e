"""The fonts the matplotlib backend draws with: the style's font, then fallbacks for scripts
it lacks.

DejaVu Sans, the style's font, has Latin, Greek and Cyrillic but no Chinese, Japanese or
Korean: a plan labelled '女卫生间' or '玄関' would be drawn with a box for each character.
Matplotlib (3.6 and later) takes a list of families and falls back from one to the next
glyph by glyph, so the backend lists, after the style's font, the CJK fonts this machine
has (:func:`cjk_families`): first those matplotlib knows by the names of :data:`KNOWN`,
then, when it knows none (its font list is cached, and may predate fonts installed since),
the system's font files whose names say CJK (:data:`FILE_HINT`) and that hold the
character 中 (:func:`cjk_files`, which the Pillow backend draws with too). Where the
machine has none, :func:`unshown` says so, once, on the sheet.

>>> has_cjk("R4 走廊"), has_cjk("Bedroom 2 (12.5 m²)"), has_cjk("トイレ")
(True, False, True)
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

#: CJK font families, the most complete first (each covers Chinese and Japanese kanji;
#: Unifont is a bitmap font, the last resort)
KNOWN: tuple[str, ...] = (
    "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Sans CJK KR",
    "Source Han Sans SC", "Source Han Sans", "Noto Sans SC", "Noto Sans JP",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN",
    "AR PL UKai CN", "IPAexGothic", "IPAGothic", "TakaoGothic", "VL Gothic",
    "Microsoft YaHei", "SimHei", "SimSun", "PingFang SC", "Hiragino Sans GB",
    "Hiragino Sans", "Yu Gothic", "MS Gothic", "Meiryo", "Malgun Gothic", "NanumGothic",
    "Unifont", "Unifont-JP",
)
#: a font file whose name matches this is looked into for CJK characters
FILE_HINT = re.compile(
    r"cjk|sourcehan|wqy|wenquanyi|droidsansfallback|uming|ukai|ipa[ex]*g|takao|vl-?gothic"
    r"|yahei|msyh|simhei|simsun|pingfang|hiragino|yugoth|msgothic|meiryo|malgun|nanum"
    r"|notosans(sc|tc|jp|kr)|unifont", re.IGNORECASE)
#: Han characters, kana and hangul, and the punctuation, full-width forms and squared
#: units written with them ('，', '：', '㎡'): what DejaVu Sans lacks
CJK_CHARS = re.compile(r"[\u1100-\u11ff\u3000-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
                       r"\uf900-\ufaff\uff00-\uffef]")
#: said on a sheet with CJK text that no font here can draw
UNSHOWN = ("Chinese, Japanese or Korean text is drawn as boxes: this machine has no font "
           "for it (install one, such as Noto Sans CJK, and draw again)")


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Han character, kana or hangul."""
    return bool(CJK_CHARS.search(text))


#: folders fonts are installed in (Linux, macOS, Windows), besides matplotlib's own list
FONT_DIRS: tuple[str, ...] = (
    "/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts",
    "/Library/Fonts", "/System/Library/Fonts", "~/Library/Fonts", "C:/Windows/Fonts",
)


@functools.lru_cache(maxsize=1)
def cjk_files() -> tuple[str, ...]:
    """The font files here whose names say CJK (:data:`FILE_HINT`) and that draw the
    character 中, found without matplotlib (the Pillow backend draws without it); a
    bitmap font (Unifont) last."""
    import os

    found: list[str] = []
    for top in FONT_DIRS:
        for folder, _, names in os.walk(os.path.expanduser(top)):
            found += [os.path.join(folder, n) for n in names
                      if n.lower().endswith((".ttf", ".otf", ".ttc")) and FILE_HINT.search(n)]
    files = [f for f in sorted(set(found), key=lambda f: ("unifont" in f.lower(), f))
             if _holds_han(f)]
    return tuple(files)


def _holds_han(path: str) -> bool:
    """Whether the font at ``path`` draws 中 as a glyph of its own, not as the box it
    draws for a character it lacks (U+10FFFF, never assigned)."""
    from PIL import ImageFont

    try:
        font = ImageFont.truetype(path, 20)
        return bytes(font.getmask("中")) != bytes(font.getmask("\U0010ffff"))
    except (OSError, ValueError):  # a font file FreeType cannot read, or a bitmap of one size
        return False


@functools.lru_cache(maxsize=1)
def cjk_families() -> tuple[str, ...]:
    """The families of the CJK fonts matplotlib can draw with here: those it knows by the
    names of :data:`KNOWN`, else those of :func:`cjk_files`, added to its list."""
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    found = tuple(n for n in KNOWN if n in known)
    if found:
        return found
    names: list[str] = []
    for path in cjk_files():
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError, ValueError):  # a font file FreeType cannot read
            continue
        name = font_manager.fontManager.ttflist[-1].name
        if name not in names:
            names.append(name)
    return tuple(names)


def families(font: str) -> list[str]:
    """``font``, DejaVu Sans (matplotlib's own) and the CJK fonts here, in that order."""
    return list(dict.fromkeys([font, "DejaVu Sans", *cjk_families()]))


def unshown(texts: Iterable[str], have: bool) -> str | None:
    """:data:`UNSHOWN` when ``texts`` hold CJK characters and the backend ``have`` no font
    for them."""
    if have or not any(has_cjk(t) for t in texts if t):
        return None
    return UNSHOWN


def scene_texts(scene) -> Iterator[str]:
    """Every text a :class:`~floorplan.render.scene.Scene` draws."""
    yield scene.title
    for panel in scene.panels:
        yield panel.title
        yield from (p.text for p in panel.primitives if p.text)
    yield from (t for _, t in scene.key)
    yield from (t for _, t in scene.notes)


@contextmanager
def quiet() -> Iterator[None]:
    """Matplotlib's font warnings held back while drawing: a fallback font with no bold
    ('findfont: Failed to find font weight bold') is used as it is, and a missing glyph is
    said once on the sheet (:func:`unshown`), not once a character."""
    import warnings

    log = logging.getLogger("matplotlib.font_manager")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
            yield
    finally:
        log.setLevel(level)
