"""A backend that records what it was asked to draw, for tests (as ezdxf's drawing add-on
does): assert on keys, kinds and where things are rather than on pixels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shapely.geometry.base import BaseGeometry

from floorplan.render.scene import Scene
from floorplan.render.style import STYLE, Look, Style


@dataclass(frozen=True)
class Drawn:
    panel: int
    kind: str
    key: str
    geometry: BaseGeometry
    text: str | None
    ref: str | None
    look: Look
    size: float | None = None
    radius: float | None = None
    segments: Any = field(default=None, compare=False, hash=False, repr=False)


class Recorder:
    """Draws a scene into a list of :class:`Drawn` records, in drawing order."""

    def __init__(self, style: Style = STYLE):
        self.style = style
        self.drawn: list[Drawn] = []
        self.scene: Scene | None = None

    def draw(self, scene: Scene) -> Recorder:
        self.scene = scene
        for i, panel in enumerate(scene.panels):
            for p in panel.primitives:
                self.drawn.append(Drawn(i, p.kind, p.key, p.geometry, p.text, p.ref,
                                        self.style.look(p.key), p.size, p.radius, p.segments))
        return self

    def keys(self) -> list[str]:
        return [d.key for d in self.drawn]

    def of(self, key: str | None = None, ref: str | None = None, kind: str | None = None) -> list[Drawn]:
        return [d for d in self.drawn
                if (key is None or d.key == key) and (ref is None or d.ref == ref)
                and (kind is None or d.kind == kind)]


def write(scene: Scene, path, style: Style = STYLE, report=None) -> Recorder:  # noqa: ARG001
    """Backend entry point: records instead of writing a file."""
    return Recorder(style).draw(scene)


def record(report, style: Style = STYLE, layout_mode: str = "panels") -> Recorder:
    """Build the scene for ``report`` and record it."""
    from floorplan.render.scene import build

    return Recorder(style).draw(build(report, style, layout_mode))
