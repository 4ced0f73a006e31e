"""Figures written in a drawing: a room's dimension string and its area tag.

Drawings say a room's size in words as well as in lines: ``14'2" x 12'4"`` under the
name, ``28.51 m²`` in a tag, ``mq=28.51`` in an Italian survey. Those figures are read
here, with the unit they are written in, so that the reader can use them as evidence for
the drawing's units and check each room's measured area against them.

>>> parse("14'2'' x 12'4''").metres
(4.318, 3.7592)
>>> parse('4\\'1" x 9\\'10"').metres
(1.2446, 2.9972)
>>> parse("3.20 x 4.10").metres, parse("3200 x 4100").metres, parse("3.2m x 4.1m").metres
((3.2, 4.1), (3.2, 4.1), (3.2, 4.1))
>>> [parse(t).area_m2 for t in ("28.51 m²", "28,51 m2", "mq=28.51", "9.72 sm", "345 SF", "345 sq ft")]
[28.51, 28.51, 28.51, 9.72, 32.05, 32.05]
>>> parse("Bedroom 1") is None, parse("3500") is None, parse("2'8X6'8") is None
(True, True, True)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from floorplan.model import STATED_DOUBT

SQFT = 0.09290304  # m² per square foot
FOOT = 0.3048
INCH = 0.0254

_N = r"\d+(?:[.,]\d+)?"
# an area's number may be written without its leading zero ('.4m2': 0.4 m²)
_NA = r"\d+(?:[.,]\d+)?|\.\d+"
# a number with a thousands comma (1,234 or 1,234.5) for square feet
_NK = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_M2 = r"(?:m2|m²|㎡|m\^2|m\s*\^\s*2|sq\.?\s*m\.?|sqm|sm|qm|mq|m\.q\.)"
_FT2 = r"(?:sf|s\.f\.|sq\.?\s*ft\.?|sqft|ft2|ft²|ft\^2|sq\.?\s*feet|square\s+feet)"
_LEAD = r"(?:a|area|s|sup|superficie|surface|fläche|flaeche|nfa|gia|nia)?\s*[=:]?\s*"

_AREA_M2 = re.compile(rf"^\(?{_LEAD}(?P<v>{_NA})\s*{_M2}\.?\)?$", re.I)
_M2_FIRST = re.compile(rf"^\(?(?:mq|qm|m2|m²|㎡|sqm)\.?\s*[=:]?\s*(?P<v>{_NA})\)?$", re.I)
_AREA_FT2 = re.compile(rf"^\(?{_LEAD}(?P<v>{_NK})\s*{_FT2}\.?\)?$", re.I)

_SEP = r"\s*(?:x|×|\*|by)\s*"
# one length in feet and inches: 14'2", 14'-2", 14' 2 1/2", 14', 2", 14ft 2in
_FTIN = (r"(?:(?P<{p}f>\d+(?:\.\d+)?)\s*(?:'|’|′|ft\.?|feet)\s*-?\s*)"
         r"(?:(?P<{p}i>\d+(?:\.\d+)?)(?:\s+(?P<{p}n>\d+)/(?P<{p}d>\d+))?\s*(?:\"|''|”|″|in\.?|inches)?)?"
         r"|(?P<{p}o>\d+(?:\.\d+)?)\s*(?:\"|''|”|″|in\.?|inches)")
_FEET = re.compile("^(?:" + _FTIN.format(p="a") + ")" + _SEP + "(?:" + _FTIN.format(p="b") + ")$", re.I)
_METRIC = re.compile(
    rf"^(?P<a>{_N})\s*(?P<ua>mm|cm|m)?{_SEP}(?P<b>{_N})\s*(?P<ub>mm|cm|m)?$", re.I)

_UNIT_M = {"m": 1.0, "cm": 0.01, "mm": 0.001}


@dataclass(frozen=True)
class Figure:
    """A figure read from one text.

    ``kind`` is ``area`` or ``dimensions``; ``text`` the text as written; ``unit`` the
    unit it is written in (``m2`` or ``ft2`` for areas; ``ft`` for feet and inches;
    ``m``, ``cm``, ``mm`` for metric lengths) or ``None`` for bare numbers, whose unit
    is then told by their size (``3.20 x 4.10`` metres, ``320 x 410`` centimetres,
    ``3200 x 4100`` millimetres); ``metres`` the two lengths in metres (dimensions) and
    ``area_m2`` the area in m² (an area tag, or the product of the two lengths).
    """

    kind: str
    text: str
    unit: str | None
    metres: tuple[float, float] | None = None
    area_m2: float | None = None

    @property
    def explicit(self) -> bool:
        """The unit is written, not told from the size of the numbers."""
        return self.unit is not None


def _num(s: str) -> float:
    return float(s.replace(",", "."))


def _feet(m: re.Match, p: str) -> float | None:
    if m.group(f"{p}o") is not None:
        return float(m.group(f"{p}o")) * INCH
    f = m.group(f"{p}f")
    if f is None:
        return None
    inches = float(m.group(f"{p}i") or 0)
    if m.group(f"{p}n") is not None and float(m.group(f"{p}d")) > 0:
        inches += float(m.group(f"{p}n")) / float(m.group(f"{p}d"))
    return float(f) * FOOT + inches * INCH


def bare_scale(a: float, b: float) -> float | None:
    """Metres per written unit for two bare lengths of a room, told by their size: a room
    side is 1-30 m, so ``3.2`` is metres, ``320`` centimetres, ``3200`` millimetres; two
    numbers that are no room's sides in any of these (``300x90``, a timber size) are none.

    >>> bare_scale(3.2, 4.1), bare_scale(320, 410), bare_scale(3200, 4100), bare_scale(300, 90)
    (1.0, 0.01, 0.001, None)
    """
    big = max(a, b)
    for scale in (1.0, 0.01, 0.001):
        if 1.0 <= min(a, b) * scale and big * scale <= 30.0:
            return scale
    return None


@lru_cache(maxsize=8192)  # once per distinct text: a plan writes the same few tags thousands
# of times (a Figure is frozen, so one may be shared)
def parse(text: str) -> Figure | None:
    """The figure ``text`` states, or ``None`` when it states none (a name, one number)."""
    t = " ".join(text.split())
    if not t or not any(c.isdigit() for c in t):
        return None
    m = _AREA_M2.match(t) or _M2_FIRST.match(t)
    if m:
        v = _num(m.group("v"))
        return Figure("area", t, "m2", area_m2=round(v, 4)) if v > 0 else None
    m = _AREA_FT2.match(t)
    if m:
        raw = m.group("v")
        v = float(raw.replace(",", "")) if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw) else _num(raw)
        return Figure("area", t, "ft2", area_m2=round(v * SQFT, 2)) if v > 0 else None
    m = _FEET.match(t)
    if m:
        a, b = _feet(m, "a"), _feet(m, "b")
        if a and b and not door_size(a, b):
            return _dims(t, "ft", a, b)
    m = _METRIC.match(t)
    if m:
        a, b = _num(m.group("a")), _num(m.group("b"))
        ua, ub = (m.group("ua") or "").lower(), (m.group("ub") or "").lower()
        unit = ub or ua or None
        if unit and ua and ua != unit:  # 3.2m x 410cm: each its own unit
            return _dims(t, unit, a * _UNIT_M[ua], b * _UNIT_M[ub])
        if unit:
            return _dims(t, unit, a * _UNIT_M[unit], b * _UNIT_M[unit])
        scale = bare_scale(a, b)
        if scale is None or a <= 0 or b <= 0:
            return None
        return _dims(t, None, a * scale, b * scale)
    return None


#: a door note writes the leaf's width (at most this, metres: 3'6") ...
DOOR_WIDTH = 1.0668
#: ... then its height, one of a door's (metres: 6'6" to 8'0"; 6'8" and 7'0" the usual)
DOOR_HEIGHT = (1.981, 2.4384)


def door_size(a: float, b: float) -> bool:
    """``a`` x ``b`` (metres, as written) is a door's size, not a room's: a leaf's width,
    then a door's height. A US plan writes each door's size beside it, width first
    (``2'8X6'8``, ``3'0 x 7'0``); read as a room's sides it states a room of 1.6-2.6 m²
    where the door stands (house_plan's passage, named by a closet's label for it).

    >>> door_size(0.8128, 2.032), door_size(0.9144, 2.1336), door_size(2.032, 0.8128)
    (True, True, False)
    """
    return a <= DOOR_WIDTH and DOOR_HEIGHT[0] <= b <= DOOR_HEIGHT[1]


def _dims(text: str, unit: str | None, a: float, b: float) -> Figure | None:
    if not (a > 0 and b > 0 and math.isfinite(a) and math.isfinite(b)):
        return None
    return Figure("dimensions", text, unit, (round(a, 4), round(b, 4)), round(a * b, 4))


def peel(text: str) -> tuple[str, Figure] | None:
    """``(name, figure)`` for one line that is a name followed by a figure.

    >>> name, fig = peel("BEDROOM 1 14'2'' x 12'4''")
    >>> name, fig.unit
    ('BEDROOM 1', 'ft')
    >>> peel("Kitchen (12.5 m²)")[1].area_m2
    12.5
    """
    words = " ".join(text.split()).split(" ")
    for k in range(1, len(words)):  # the shortest name first: "BEDROOM" | "1 3.20 x 4.10" fails
        name = " ".join(words[:k]).rstrip(" :-,")
        if not _LETTER.search(name):
            continue
        rest = " ".join(words[k:])
        fig = parse(rest[1:-1] if rest.startswith("(") and rest.endswith(")") else rest)
        if fig is not None:
            return name, fig
    return None


_LETTER = re.compile(r"[^\W\d_]")


#: a stated figure further than this share from the measured one is reported (FP008)
FIGURE_TOLERANCE = 0.05
#: a stated area further than this share from the measured one puts the room's reading in
#: doubt (low confidence: the rules that judge its area say "to review"); the plan model's
#: :data:`~floorplan.model.STATED_DOUBT`, shared by every reader
DOUBT_TOLERANCE = STATED_DOUBT


def off_by(fig, polygon) -> float:
    """How far the room's measured area is from the area ``fig`` states, as a share of the
    stated area (0 when it states none that can be compared: a dimension string of a room
    that is not about a rectangle gives its sides, not its area)."""
    area = float(polygon.area)
    if area <= 0 or not fig.area_m2:
        return 0.0
    if fig.kind != "area":
        rect = polygon.minimum_rotated_rectangle
        if not (rect.area > 0 and area >= (1 - FIGURE_TOLERANCE) * rect.area):
            return 0.0
    return abs(area - fig.area_m2) / fig.area_m2


def mismatch(fig, polygon) -> str | None:
    """Why ``fig`` (a :class:`Figure`) and the room's measured
    ``polygon`` (metres) disagree by more than :data:`FIGURE_TOLERANCE`, or ``None``.

    An area tag is compared with the area. A dimension string is compared with the area
    when the room is about a rectangle (its area within 5 % of its smallest enclosing
    rectangle's), else with that rectangle's sides.
    """
    area = float(polygon.area)
    if area <= 0:
        return None
    if fig.kind == "area":
        if abs(fig.area_m2 - area) > FIGURE_TOLERANCE * area:
            return f"{fig.area_m2:.2f} m² stated, {area:.2f} m² measured ({(area - fig.area_m2) / fig.area_m2:+.0%})"
        return None
    rect = polygon.minimum_rotated_rectangle
    xy = list(rect.exterior.coords)
    sides = sorted(math.dist(xy[i], xy[i + 1]) for i in (0, 1))
    a, b = sorted(fig.metres)
    if rect.area > 0 and area >= (1 - FIGURE_TOLERANCE) * rect.area:
        if abs(fig.area_m2 - area) > FIGURE_TOLERANCE * area:
            return (f"{a:.2f} x {b:.2f} m = {fig.area_m2:.2f} m² stated, {area:.2f} m² measured "
                    f"({(area - fig.area_m2) / fig.area_m2:+.0%})")
        return None
    if abs(a - sides[0]) > FIGURE_TOLERANCE * sides[0] or abs(b - sides[1]) > FIGURE_TOLERANCE * sides[1]:
        return (f"{a:.2f} x {b:.2f} m stated, the room measures {sides[0]:.2f} x {sides[1]:.2f} m "
                f"overall")
    return None
