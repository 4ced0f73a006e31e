"""How each semantic style key looks: one frozen configuration, shared by every backend.

The scene names *what* a primitive is (``room.fail``, ``circle.pass``, ``door.offending``);
this module says how that looks. Colours are the Okabe-Ito palette, which stays
distinguishable with the common forms of colour blindness; status is also carried by
line style and hatching, never by colour alone.

>>> STYLE.look("room.fail").fill
'#D55E00'
>>> STYLE.look("no.such.key").edge   # unknown keys fall back to their family, then a default
'#000000'
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Okabe-Ito
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#8C8C8C"

#: status -> colour, used for fills (washed out), outlines and text
STATUS_COLOURS = {"pass": BLUE, "warn": ORANGE, "fail": VERMILLION, "unchecked": GREY,
                  "not_applicable": GREY, "cannot_assess": GREY}


@dataclass(frozen=True)
class Look:
    """How one style key is drawn. Lengths are paper millimetres, text sizes points."""

    fill: str | None = None
    fill_alpha: float = 1.0
    edge: str | None = BLACK
    width: float = 0.25
    dash: str = "solid"          # solid | dashed | dotted
    hatch: str | None = None     # matplotlib hatch pattern ("////", "xx"...)
    text: str = BLACK
    size: float = 7.0
    weight: str = "normal"
    z: int = 1
    label: str | None = None     # legend text; None keeps the key out of the legend


def _looks() -> dict[str, Look]:
    looks = {
        # the drawing's own linework, under everything: thin and light, the walls read darker
        "underlay.walls": Look(edge="#9A9A9A", width=0.13, z=0, label="drawing's linework: walls"),
        "underlay.other": Look(edge="#C6C6C6", width=0.13, z=0,
                               label="drawing's linework: other lines"),
        "room.pass": Look(fill=SKY_BLUE, fill_alpha=0.30, edge=BLACK, width=0.5, z=1,
                          label="room: every rule met"),
        "room.warn": Look(fill=ORANGE, fill_alpha=0.35, edge=BLACK, width=0.5, z=1,
                          label="room: a point to review"),
        "room.fail": Look(fill=VERMILLION, fill_alpha=0.40, edge=BLACK, width=0.5, z=1,
                          label="room: a rule not met"),
        "room.unchecked": Look(fill="#D9D9D9", fill_alpha=0.6, edge=BLACK, width=0.5, z=1,
                               label="room: not checked"),
        "room.unsure": Look(fill=None, edge=PURPLE, width=1.0, dash="dashed", hatch="..", z=2,
                            label="room the reader is unsure of: check it on the drawing"),
        "headroom.low": Look(fill=None, edge="#555555", width=0.0, hatch="////", z=2,
                             label="floor under 1.5 m headroom (not counted)"),
        "line.headroom": Look(edge=PURPLE, width=0.9, dash="dashed", z=5,
                              label="1.5 m headroom line"),
        "obstacle": Look(fill="#BDBDBD", fill_alpha=0.9, edge="#4D4D4D", width=0.3, hatch="xx",
                         z=3, label="fitting / obstacle"),
        "circle.clear": Look(edge="#4D4D4D", width=0.3, dash="dotted", z=4,
                             label="largest clear circle"),
        "circle.pass": Look(edge=BLUISH_GREEN, width=1.0, z=6,
                            label="turning circle fits (met)"),
        "circle.warn": Look(edge=ORANGE, width=1.0, dash="dashed", z=6,
                            label="circle: to review"),
        "circle.fail": Look(edge=VERMILLION, width=1.2, z=6,
                            label="largest circle that fits: not met"),
        "circle.required.pass": Look(edge=BLUISH_GREEN, width=1.0, z=6,
                                     label="turning circle fits (met)"),
        "circle.required.warn": Look(edge=ORANGE, width=1.0, dash="dashed", z=6,
                                     label="required circle: to review"),
        "circle.required.fail": Look(edge=VERMILLION, width=1.0, dash="dashed", z=6,
                                     label="required circle: does not fit (not met)"),
        "square.pass": Look(edge=BLUISH_GREEN, width=0.8, dash="dashed", z=6,
                            label="clear floor a rule asks for (e.g. inside a door): fits (met)"),
        "square.warn": Look(edge=ORANGE, width=0.9, dash="dashed", z=6,
                            label="clear floor a rule asks for: to review"),
        "square.fail": Look(edge=VERMILLION, width=1.1, dash="dashed", z=6,
                            label="clear floor a rule asks for: does not fit (not met)"),
        "dwelling": Look(edge="#333333", width=1.3, dash="dashdot", z=9,
                         label="flat / dwelling boundary"),
        "label.dwelling": Look(text="#333333", size=8.0, weight="bold", z=12),
        "door": Look(edge=BLACK, width=1.6, z=7, label="door"),
        "door.offending": Look(fill=None, edge=VERMILLION, width=1.4, z=8,
                               label="door: not met"),
        "door.warn": Look(fill=None, edge=ORANGE, width=1.4, z=8, label="door: to review"),
        "door.pass": Look(fill=None, edge=BLUE, width=0.6, z=8, label="door a rule checked: met"),
        "mark.fail": Look(fill=None, edge=VERMILLION, width=1.6, z=7,
                          label="what a rule measured: not met"),
        "mark.warn": Look(fill=None, edge=ORANGE, width=1.4, dash="dashed", z=7,
                          label="what a rule measured: to review"),
        "mark.pass": Look(fill=None, edge=BLUE, width=0.8, z=7,
                          label="what a rule measured: met"),
        "marker.fail": Look(fill=VERMILLION, edge=BLACK, width=0.3, z=8, label="point: not met"),
        "marker.warn": Look(fill=ORANGE, edge=BLACK, width=0.3, z=8, label="point: to review"),
        "marker.pass": Look(fill=BLUE, edge=BLACK, width=0.3, z=8,
                            label="point a rule checked (aerial, meter): met"),
        "point": Look(fill="#FFFFFF", edge=BLACK, width=0.4, z=7, label="meter / aerial"),
        "label": Look(text=BLACK, size=7.0, z=10),
        "label.fail": Look(text="#8B2E00", size=6.5, weight="bold", z=10),
        "label.warn": Look(text="#7A5200", size=6.5, weight="bold", z=10),
        "label.pass": Look(text="#005A8C", size=6.0, z=10),
        "label.mark": Look(text=BLACK, size=6.0, z=11),
        "label.mark.fail": Look(text="#8B2E00", size=6.0, weight="bold", z=11),
        "label.mark.warn": Look(text="#7A5200", size=6.0, weight="bold", z=11),
        "label.mark.pass": Look(text="#00573F", size=6.0, z=11),
        "label.headroom": Look(text="#8E3A6E", size=6.0, z=11),
        "label.key": Look(fill="#FFFFFF", edge=BLACK, width=0.4, text=BLACK, size=6.5,
                          weight="bold", z=12),
        "scalebar": Look(fill=BLACK, edge=BLACK, width=0.4, size=6.0, z=20),
        "title": Look(text=BLACK, size=13.0, weight="bold"),
        "text": Look(text=BLACK, size=8.0),
    }
    return looks


@dataclass(frozen=True)
class Style:
    """The whole drawing style; pass a modified copy to change how outputs look."""

    looks: dict[str, Look] = field(default_factory=_looks)
    #: paper (width, height) in millimetres: A3 landscape
    paper: tuple[float, float] = (420.0, 297.0)
    margin: float = 10.0
    #: paper height taken by the title block at the top
    title_height: float = 24.0
    #: paper width of the sidebar on the right (scale bar, legend, key, failures)
    sidebar_width: float = 105.0
    gap: float = 12.0
    #: raster resolution for PNG
    dpi: int = 150
    #: the smallest text, as its em in pixels at ``dpi``, drawn on a PNG, SVG or PDF: a
    #: label that would be smaller (a key number in a room a few millimetres across on
    #: paper) is left off, and the key says how many were (not in CAD, which zooms)
    min_text_px: float = 9.0
    #: the standard scales of floor plans (1:n); the largest that fits is used
    scales: tuple[int, ...] = (50, 100, 200, 500, 1000, 1250, 2500, 5000)
    #: take A4 or A2 instead of ``paper`` where the plan fills it better (layout.py)
    choose_paper: bool = True
    font: str = "DejaVu Sans"

    def look(self, key: str) -> Look:
        """The look of ``key``; ``a.b.c`` falls back to ``a.b``, then ``a``, then a default."""
        k = key
        while k:
            if k in self.looks:
                return self.looks[k]
            k = k.rpartition(".")[0]
        return Look()


STYLE = Style()
