"""Titles written in paper space, under or over the viewports that show the model's views.

A sheet's views are often framed in a paper-space layout: one viewport a floor plan, its
title (GROUND FLOOR PLAN, SECTION A:A) written on the paper under the viewport, not in
model space. A careful reader takes each such title as the title of the part of the model
its viewport shows: the viewport's frame, mapped into model space by the viewport's own
centre and scale, is that part.

A title is a short text (:data:`~floorplan.io.dxf.views.score.TITLE_CHARS`) that names a
level or says the view is no plan (:func:`~floorplan.io.dxf.views.floors.level_from_text`,
:func:`~floorplan.io.dxf.views.score.not_plan_title`), standing outside every viewport's
frame, under or over one (within its width, at most :data:`TITLE_REACH` of its height
away), and nearer that one than any other. Viewports turned off, the layout's own
(id 1), and views not looking straight down on the model's plan (3D or twisted) are
skipped.

>>> from types import SimpleNamespace as NS
>>> vp = NS(dxftype=lambda: "VIEWPORT", dxf=NS(id=2, status=1, center=(100.0, 50.0), width=200.0,
...         height=100.0, view_center_point=(40000.0, 5000.0), view_height=10000.0,
...         view_target_point=(0.0, 0.0, 0.0), view_direction_vector=(0.0, 0.0, 1.0),
...         view_twist_angle=0.0, layer="VP"))
>>> title = NS(dxftype=lambda: "TEXT", dxf=NS(text="GROUND FLOOR PLAN", insert=(60.0, -10.0), layer="NOTES"))
>>> note = NS(dxftype=lambda: "TEXT", dxf=NS(text="SCALE 1:100", insert=(60.0, -20.0), layer="NOTES"))
>>> paper_titles([NS(name="A1", is_modelspace=False, entities=[vp, title, note])])
[('GROUND FLOOR PLAN', (30000.0, 0.0, 50000.0, 10000.0))]
"""

from __future__ import annotations

import math

from floorplan.io.dxf.views.floors import level_from_text
from floorplan.io.dxf.views.score import TITLE_CHARS, not_plan_title

#: a viewport's title stands at most this share of the viewport's height under or over it
TITLE_REACH = 0.5


def _frames(entities) -> list[tuple[tuple[float, float, float, float], tuple[float, float, float, float]]]:
    """Each viewport's frame on the paper and the box of the model it shows (drawing
    units), for the viewports that look straight down on the plan."""
    out = []
    for e in entities:
        if e.dxftype() != "VIEWPORT":
            continue
        d = e.dxf
        try:
            if int(d.id) == 1 or int(d.status) == 0 or float(d.height) <= 0 or float(d.width) <= 0:
                continue
            direction = tuple(float(c) for c in d.view_direction_vector)
            if abs(direction[0]) > 1e-9 or abs(direction[1]) > 1e-9 or direction[2] <= 0:
                continue
            if abs(math.remainder(float(d.view_twist_angle), 360.0)) > 1e-6:
                continue
            cx, cy = float(d.center[0]), float(d.center[1])
            w, h = float(d.width), float(d.height)
            s = float(d.view_height) / h
            mx = float(d.view_target_point[0]) + float(d.view_center_point[0])
            my = float(d.view_target_point[1]) + float(d.view_center_point[1])
        except (AttributeError, TypeError, ValueError, IndexError):
            continue
        if not (s > 0 and math.isfinite(s)):
            continue
        out.append(((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2),
                    (mx - s * w / 2, my - s * h / 2, mx + s * w / 2, my + s * h / 2)))
    return out


def _text(e) -> tuple[str, float, float] | None:
    if e.dxftype() == "TEXT":
        text = str(e.dxf.text)
    elif e.dxftype() == "MTEXT":
        text = e.plain_text() if hasattr(e, "plain_text") else str(e.dxf.text)
    else:
        return None
    x, y = float(e.dxf.insert[0]), float(e.dxf.insert[1])
    return " ".join(text.split()), x, y


def paper_titles(layouts, hidden: frozenset[str] | set[str] = frozenset()
                 ) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The titles written under or over the viewports of the paper-space ``layouts``
    (ezdxf layouts: ``doc.layouts``), each with the box of the model its viewport shows
    (drawing units). Texts on ``hidden`` layers say nothing."""
    out = []
    for layout in layouts:
        if getattr(layout, "is_modelspace", False):
            continue
        entities = list(getattr(layout, "entities", None) or layout)
        frames = _frames(entities)
        if not frames:
            continue
        for e in entities:
            got = _text(e) if e.dxf.layer not in hidden else None
            if got is None:
                continue
            title, x, y = got
            if not title or len(title) > TITLE_CHARS:
                continue
            if level_from_text(title) is None and not not_plan_title(title):
                continue
            if any(f[0] <= x <= f[2] and f[1] <= y <= f[3] for f, _ in frames):
                continue  # written over the drawing: a note in the view, not its title
            near = [(min(abs(y - f[1]), abs(y - f[3])), model) for f, model in frames
                    if f[0] <= x <= f[2] and min(abs(y - f[1]), abs(y - f[3])) <= TITLE_REACH * (f[3] - f[1])]
            if near:
                out.append((title, min(near)[1]))
    return out
