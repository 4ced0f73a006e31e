"""The plan inside one panel, for the matplotlib backend (:mod:`floorplan.render.mpl`).

Thousands of rooms make thousands of shapes. Added one patch at a time, matplotlib
recomputes the axes' data limits from every patch's curves, and draws each as its own
artist; here runs of shapes that follow one another in drawing order go into one
``PathCollection`` (shapes) or ``LineCollection`` (lines), each shape keeping its own
colours, width and dashes. Collections draw their paths one after another, fill then
outline, as separate patches would, and a run ends wherever anything else (text, a
hatched area, another z-order) comes between, so what is drawn, and on top of what, is
unchanged. Hatched areas stay single patches (a collection has one hatch colour). Limits
are the panel's, set once, so nothing here takes part in autoscaling.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath

from floorplan.render.placing import disc
from floorplan.render.scene import PT_MM, Panel, Scene
from floorplan.render.style import Look, Style


def _lw(mm: float) -> float:
    return mm / PT_MM


def _halo():
    from matplotlib import patheffects

    return [patheffects.withStroke(linewidth=2.2, foreground="white")]


class _Runs:
    """Shapes and lines waiting to be added to ``ax`` as collections, in drawing order."""

    def __init__(self, ax):
        self.ax = ax
        self.kind: str | None = None  # "shapes" or "lines"
        self.z = None
        self.items: list[tuple] = []

    def shape(self, path: MplPath, face, edge, lw: float, dash: str, z) -> None:
        self._run("shapes", z)
        self.items.append((path, face, edge, lw, dash))

    def line(self, xy: np.ndarray, colour, lw: float, dash: str, z) -> None:
        self._run("lines", z)
        self.items.append((xy, colour, lw, dash))

    def _run(self, kind: str, z) -> None:
        if kind != self.kind or z != self.z:
            self.flush()
            self.kind, self.z = kind, z

    def flush(self) -> None:
        """Add what is waiting; call before anything else is added to the axes."""
        if not self.items:
            return
        if len(self.items) == 1:
            # matplotlib draws a collection of one path as a marker, stamped at a pixel-snapped
            # offset: the antialiasing differs from a patch's, so one shape stays a patch
            self._single(*self.items[0])
            self.items = []
            return
        # lists, not tuples: a tuple of line styles would be read as one dash pattern.
        # A style every path shares is given once: matplotlib scales each path's dashes
        # by its width, and parses each colour, one by one (a second at 4,000 rooms)
        cols = [list(col) for col in zip(*self.items, strict=True)]
        if self.kind == "shapes":
            paths, faces, edges, lws, dashes = cols
            coll: PathCollection | LineCollection = PathCollection(
                paths, facecolors=_colours(faces), edgecolors=_colours(edges),
                linewidths=_one(lws), linestyles=_one(dashes), capstyle="butt",
                joinstyle="miter", zorder=self.z)
        else:  # as Line2D draws a solid or dashed line: butt caps, round joins
            xys, colours, lws, dashes = cols
            coll = LineCollection(xys, colors=_colours(colours), linewidths=_one(lws),
                                  linestyles=_one(dashes), capstyle="butt", joinstyle="round",
                                  zorder=self.z)
        self.ax.add_collection(coll, autolim=False)
        self.items = []

    def _single(self, *item) -> None:
        if self.kind == "shapes":
            path, face, edge, lw, dash = item
            self.ax.add_artist(PathPatch(path, facecolor=face, edgecolor=edge, linewidth=lw,
                                         linestyle=dash, zorder=self.z))
        else:
            xy, colour, lw, dash = item
            self.ax.add_artist(Line2D(xy[:, 0], xy[:, 1], color=colour, linewidth=lw,
                                      linestyle=dash, solid_capstyle="butt", zorder=self.z))


def _one(values: list) -> list:
    """``values``, or its one value when they are all the same (as a list of one, which
    a collection applies to every path)."""
    first = values[0]
    return [first] if all(v == first for v in values) else values


@functools.lru_cache(maxsize=256)
def _rgba(colour) -> tuple[float, float, float, float]:
    return to_rgba(colour)


def _colours(values: list) -> np.ndarray:
    """RGBA rows of ``values`` (names, hex strings, RGBA tuples or "none"), each
    distinct colour parsed once."""
    return np.array([_rgba(v) for v in values], dtype=float).reshape(-1, 4)


def _circle(x: float, y: float, r: float) -> MplPath:
    return MplPath.circle((x, y), r)


def _square(x: float, y: float, s: float) -> MplPath:
    x0, y0 = x - s / 2, y - s / 2
    return MplPath([(x0, y0), (x0 + s, y0), (x0 + s, y0 + s), (x0, y0 + s), (x0, y0)],
                   [MplPath.MOVETO, MplPath.LINETO, MplPath.LINETO, MplPath.LINETO,
                    MplPath.CLOSEPOLY])


def draw_plan(ax, scene: Scene, panel: Panel, style: Style, clip_text: bool = False) -> None:
    """Draw ``panel``'s primitives on ``ax`` (data coordinates: plan metres).

    ``clip_text`` clips texts to the axes too (shapes always are): for a cropped view."""
    k = 1000 / scene.scale  # mm per metre
    halo = _halo()
    runs = _Runs(ax)
    looks: dict[str, Look] = {}
    numbers: list[tuple] = []  # key numbers waiting for their circles to be drawn
    for p in panel.primitives:
        if numbers and p.key != "label.key":
            _numbers(ax, runs, numbers, clip_text)
        look = looks.get(p.key)
        if look is None:
            look = looks[p.key] = style.look(p.key)
        z = look.z
        g: Any = p.geometry
        if p.kind == "segments":  # the drawing's linework: one path of them all
            runs.flush()
            ax.add_artist(PathPatch(_segments_path(p.segments), fill=False, edgecolor=look.edge,
                                    linewidth=_lw(look.width), capstyle="butt", zorder=z))
        elif p.kind in ("area", "circle"):
            face = to_rgba(look.fill, look.fill_alpha) if look.fill else "none"
            edge = look.edge or "none"
            for poly in _polygons(disc(g, p.radius or 0.0) if p.kind == "circle" else g):
                if look.hatch:
                    runs.flush()
                    ax.add_artist(PathPatch(_path(poly), facecolor=face, edgecolor=edge,
                                            linewidth=_lw(look.width), linestyle=look.dash,
                                            hatch=look.hatch, zorder=z))
                else:
                    runs.shape(_path(poly), face, edge, _lw(look.width), look.dash, z)
        elif p.kind == "line":
            for line in _lines(g):
                xy = np.asarray(line.coords)
                if len(xy) > 1:  # (a line of one point or none draws nothing)
                    runs.line(xy[:, :2], look.edge, _lw(look.width), look.dash, z)
            if p.key.startswith("door."):  # a ring round an offending door, seen from afar
                c = g.interpolate(0.5, normalized=True)
                runs.shape(_circle(c.x, c.y, max(g.length * 0.75, 4 / k)), "none", look.edge,
                           _lw(look.width), "solid", z)
        elif p.kind == "marker":
            px, py = g.x, g.y
            if p.key == "label.key":
                # its circle joins the run of shapes; the numbers follow the run (below)
                size = p.size or look.size
                runs.shape(_circle(px, py, _key_radius(p.text or "", size, style.font) * PT_MM / k),
                           "white", "black", 0.6, "solid", z)
                numbers.append((px, py, p.text, size, z))
                continue
            elif p.key == "door":
                runs.shape(_square(px, py, 1.6 / k), "black", "none", 0.0, "solid", z)
            elif p.key.startswith("door."):
                runs.shape(_circle(px, py, 4 / k), "none", look.edge, _lw(look.width), "solid", z)
            else:
                runs.shape(_circle(px, py, 1.1 / k), look.fill or "white", look.edge or "black",
                           _lw(look.width), "solid", z)
        elif p.kind == "text":
            runs.flush()
            ax.text(g.x, g.y, p.text, fontsize=look.size, fontweight=look.weight, color=look.text,
                    ha="center", va="center", zorder=z, linespacing=1.15, path_effects=halo,
                    rotation=p.angle, rotation_mode="anchor", clip_on=clip_text)
    _numbers(ax, runs, numbers, clip_text)
    runs.flush()


def _numbers(ax, runs: _Runs, numbers: list[tuple], clip_text: bool) -> None:
    """Draw the key numbers waiting in ``numbers`` over their circles, and forget them."""
    runs.flush()
    for x, y, text, size, z in numbers:
        ax.text(x, y, text, fontsize=size, fontweight="bold", ha="center", va="center",
                zorder=z, clip_on=clip_text)
    numbers.clear()


@functools.lru_cache(maxsize=8)
def _ems(font: str) -> tuple[float, float]:
    """(width of a bold digit, height of a line) of ``font``, in ems, as matplotlib lays
    them out (every digit has the same width in DejaVu Sans)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(family=[font, "DejaVu Sans"], weight="bold", size=100)
    w, _, _ = TextToPath().get_text_width_height_descent("0000000000", prop, ismath=False)
    _, h, _ = TextToPath().get_text_width_height_descent("lp", prop, ismath=False)
    return w / 1000, h / 100


def _key_radius(text: str, size: float, font: str) -> float:
    """The radius, in points, of the circle round a key number: matplotlib's
    ``circle,pad=0.25`` box round the number, without laying the number out to find it."""
    digit, line = _ems(font)
    return max(len(text) * digit, line) * size / 2 + 0.25 * size


# --------------------------------------------------------------------------- geometry -> paths


def _polygons(g):
    if g.geom_type == "Polygon":
        return [g] if not g.is_empty else []
    return [p for p in getattr(g, "geoms", []) if p.geom_type == "Polygon" and not p.is_empty]


def _lines(g):
    if g.geom_type == "LineString":
        return [g]
    if g.geom_type == "LinearRing":
        from shapely.geometry import LineString

        return [LineString(g.coords)]
    out = []
    for part in getattr(g, "geoms", []):
        out.extend(_lines(part))
    return out


def _segments_path(seg) -> MplPath:
    """One path of the (n, 4) segments ``seg``: a move and a line each."""
    seg = np.asarray(seg, dtype=float)
    verts = seg.reshape(-1, 2)
    codes = np.tile(np.array([MplPath.MOVETO, MplPath.LINETO], dtype=MplPath.code_type), len(seg))
    path = MplPath(verts, codes)
    path.should_simplify = False  # every segment drawn as it is, none merged or dropped
    return path


def _path(poly) -> MplPath:
    rings = [np.asarray(ring.coords)[:, :2] for ring in (poly.exterior, *poly.interiors)]
    codes = []
    for xy in rings:
        codes.extend([MplPath.MOVETO] + [MplPath.LINETO] * (len(xy) - 2) + [MplPath.CLOSEPOLY])
    return MplPath(np.concatenate(rings) if len(rings) > 1 else rings[0], codes)
