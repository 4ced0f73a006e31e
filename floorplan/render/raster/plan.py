"""The plan inside one panel, for the Pillow backend (:mod:`floorplan.render.raster`).

Draws a panel's primitives in the scene's order (already sorted by z), as the matplotlib
backend's :func:`~floorplan.render.mpl_plan.draw_plan` does, with the same sizes in
paper millimetres: rooms and marks filled (with their alpha, blended), hatched and
outlined; lines solid or dashed; doors, points and key numbers as markers; labels with a
white halo. Plan metres go to pixels by one affine map per panel, in numpy.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any

import numpy as np
import shapely

from floorplan.render.placing import disc
from floorplan.render.raster.canvas import RUN_CHUNK, Canvas, _lp, font, rgba
from floorplan.render.scene import PT_MM, Panel, Scene
from floorplan.render.style import Look, Style

#: the halo round a label: matplotlib's ``withStroke(linewidth=2.2)``, half each side
HALO_PT = 1.1


def _lw(mm: float) -> float:
    return mm / PT_MM


class _Map:
    """Plan metres -> canvas px for one panel."""

    def __init__(self, canvas: Canvas, scene: Scene, panel: Panel):
        k = 1000 / scene.scale  # paper mm a metre
        fx, fy, _, _ = panel.frame
        b = panel.bounds
        self.scale = np.array([k * canvas.ppm, -k * canvas.ppm])
        self.offset = np.array([(fx - b[0] * k) * canvas.ppm, canvas.top - (fy - b[1] * k) * canvas.ppm])
        self.px_per_m = k * canvas.ppm

    def __call__(self, coords) -> np.ndarray:
        return np.asarray(coords, dtype=float)[:, :2] * self.scale + self.offset


def _rings(poly, to_px: _Map) -> list[np.ndarray]:
    return [to_px(ring.coords) for ring in (poly.exterior, *poly.interiors)]


def _polygons(g):
    if g.geom_type == "Polygon":
        return [g] if not g.is_empty else []
    return [p for p in getattr(g, "geoms", []) if p.geom_type == "Polygon" and not p.is_empty]


def _lines(g):
    if g.geom_type in ("LineString", "LinearRing"):
        return [g]
    out = []
    for part in getattr(g, "geoms", []):
        out.extend(_lines(part))
    return out


@functools.lru_cache(maxsize=1)
def _digit_and_line() -> tuple[float, float]:
    """A bold digit's advance and the line box's height, in ems (measured at 100 px)."""
    return font(True, 100.0).getlength("0000000000") / 1000, _lp(True, 100.0)[0] / 100


def key_radius(text: str, size: float) -> float:
    """The radius, in points, of the circle round a key number, as the matplotlib backend
    sizes it (``circle,pad=0.25`` round bold digits), from DejaVu Sans Bold's metrics."""
    digit, line = _digit_and_line()
    return max(len(text) * digit, line) * size / 2 + 0.25 * size


def draw_plan(canvas: Canvas, scene: Scene, panel: Panel, style: Style) -> None:
    """Draw ``panel``'s primitives on ``canvas``.

    A run of areas of one z (the rooms, say) is filled and hatched first and outlined
    after, so that outlines of one colour, width and dash are drawn together in bulk
    (:mod:`.strokes`), and no room's outline is half covered by its neighbour's fill."""
    to_px = _Map(canvas, scene, panel)
    mm = canvas.ppm
    looks: dict[str, Look] = {}

    def _look(key: str) -> Look:
        got = looks.get(key)
        if got is None:
            got = looks[key] = style.look(key)
        return got

    numbers: list[tuple] = []  # key numbers waiting for the run of their circles to end
    prims = panel.primitives
    i = 0
    while i < len(prims):
        p = prims[i]
        i += 1
        if numbers and p.key != "label.key":
            _numbers(canvas, numbers)
        look = _look(p.key)
        g: Any = p.geometry
        lw_pt = _lw(look.width)
        width = canvas.width(lw_pt)
        if p.kind == "area":
            run = [p]
            while i < len(prims) and prims[i].kind == "area" and _look(prims[i].key).z == look.z:
                run.append(prims[i])
                i += 1
            _areas(canvas, run, _look, to_px)
        elif p.kind == "segments":  # the drawing's linework, all at once
            seg = np.asarray(p.segments, dtype=float)
            canvas.segments(to_px(seg[:, :2]), to_px(seg[:, 2:]), look.edge, width)
        elif p.kind == "circle":
            run = [p]
            while i < len(prims) and prims[i].kind == "circle" and prims[i].key == p.key:
                run.append(prims[i])
                i += 1
            _circles(canvas, run, look, to_px)
        elif p.kind == "line":
            for line in _lines(g):
                xy = to_px(line.coords)
                if len(xy) > 1:
                    canvas.stroke(xy, look.edge, width, look.dash, lw_pt)
            if p.key.startswith("door."):  # a ring round an offending door, seen from afar
                c = g.interpolate(0.5, normalized=True)
                (cx, cy), = to_px([(c.x, c.y)])
                r = max(g.length * 0.75, 4 / (1000 / scene.scale)) * to_px.px_per_m
                canvas.ellipse(cx, cy, r, None, look.edge, width)
        elif p.kind == "marker":
            (cx, cy), = to_px([(g.x, g.y)])
            if p.key == "label.key":
                size = p.size or look.size
                r = key_radius(p.text or "", size) * PT_MM * mm
                canvas.ellipse(cx, cy, r, (255, 255, 255, 255), "black", canvas.width(0.6))
                numbers.append((cx, cy, p.text or "", size))
                continue
            if p.key == "door":
                h = 0.8 * mm
                canvas.draw.rectangle((cx - h, cy - h, cx + h, cy + h), fill="black")
            elif p.key.startswith("door."):
                canvas.ellipse(cx, cy, 4 * mm, None, look.edge, width)
            else:
                canvas.ellipse(cx, cy, 1.1 * mm, rgba(look.fill or "white"), look.edge or "black", width)
        elif p.kind == "text" and p.text:
            (x, y), = to_px([(g.x, g.y)])
            canvas.text(x, y, p.text, look.size, bold=look.weight == "bold", colour=look.text,
                        ha="center", va="center", rotation=p.angle, halo_pt=HALO_PT,
                        linespacing=1.15)
    _numbers(canvas, numbers)


def _areas(canvas: Canvas, run: list, look_of, to_px: _Map) -> None:
    """A run of areas of one z: every fill and hatch in order, then every outline, the
    outlines of one look handed on together (:meth:`Canvas.strokes`). A run of outlines
    alone (circles, marks) is read and handed on a chunk at a time, so that the
    coordinates of thousands of circles are not all held at once."""
    parts = [(look_of(p.key), poly) for p in run for poly in _polygons(p.geometry)]
    filled = any(look.fill or look.hatch for look, _ in parts)
    step = max(len(parts), 1) if filled else RUN_CHUNK
    for at in range(0, len(parts), step):
        chunk = parts[at:at + step]
        every = _every_ring(np.array([poly for _, poly in chunk], dtype=object), to_px)
        edges: list[tuple[Look, list[np.ndarray]]] = []
        for (look, _), rings in zip(chunk, every, strict=True):
            face = rgba(look.fill, look.fill_alpha) if look.fill else None
            if face is not None:
                canvas.fill(rings, face)
            if look.hatch:
                canvas.hatch(rings, look.hatch, look.edge or "black", 0.6)
            if look.edge and look.width:
                if edges and edges[-1][0] is look:
                    edges[-1][1].extend(rings)
                else:
                    edges.append((look, list(rings)))
        for look, rings in edges:
            lw_pt = _lw(look.width)
            canvas.strokes(_distinct(rings), look.edge, canvas.width(lw_pt), look.dash, lw_pt)


def _distinct(rings: list[np.ndarray]) -> list[np.ndarray]:
    """``rings`` without repeats of a ring already in it, in order. Outlines of one look
    handed on together are painted as one ink, each pixel once (:mod:`.strokes`), so a
    repeat adds no pixel: several findings often mark the same room (138 outlines of
    376 marks on berlin_hbf)."""
    seen: set[tuple] = set()
    out = []
    for ring in rings:
        key = (ring.shape, ring.tobytes())
        if key not in seen:
            seen.add(key)
            out.append(ring)
    return out


def _circles(canvas: Canvas, run: list, look: Look, to_px: _Map) -> None:
    """A run of circles of one look: dashed outlines go to the canvas as rings, centre
    and radius (:mod:`.rings`), their dashes laid as along the 128-sided polygon
    ``disc`` makes, from its first corner (east of the centre) round the way it runs;
    other looks are drawn as those polygons."""
    lw_pt = _lw(look.width)
    width = canvas.width(lw_pt)
    if look.fill or look.hatch or not canvas.rings(width, look.dash):
        _areas(canvas, [replace(p, kind="area", geometry=disc(p.geometry, p.radius or 0.0)) for p in run],
               lambda _key: look, to_px)
        return
    xy = to_px(shapely.get_coordinates(np.array([p.geometry for p in run], dtype=object)))
    r = np.array([p.radius for p in run]) * to_px.px_per_m
    canvas.circles(xy, r, look.edge, width, look.dash, lw_pt)


def _every_ring(polys: np.ndarray, to_px: _Map) -> list[list[np.ndarray]]:
    """Each polygon's rings (exterior first) in px, all read and moved at once."""
    if not len(polys):
        return []
    rings, owner = shapely.get_rings(polys, return_index=True)
    xy, which = shapely.get_coordinates(rings, return_index=True)
    xy = to_px(xy)
    cuts = np.flatnonzero(np.diff(which)) + 1
    if len(cuts) + 1 != len(rings):  # a ring without corners: read one by one
        return [_rings(poly, to_px) for poly in polys]
    out: list[list[np.ndarray]] = [[] for _ in range(len(polys))]
    for n, ring in zip(owner.tolist(), np.split(xy, cuts), strict=True):
        out[n].append(ring)
    return out


def _numbers(canvas: Canvas, numbers: list[tuple]) -> None:
    for x, y, text, size in numbers:
        canvas.text(x, y, text, size, bold=True, ha="center", va="center")
    numbers.clear()
