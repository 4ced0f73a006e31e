"""Outline geometry of a GeoJSON plan: positions to local metres, rings to one valid area.

:class:`Outlines` is the part of the reader that makes shapes; the feature handlers
(:mod:`.features`) and the collection pass (:mod:`.convention`) build on it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon

from floorplan.errors import PlanReadError
from floorplan.geometry import as_area
from floorplan.io import repair
from floorplan.io.geojson.frame import Frame
from floorplan.model import InputFinding


class Skip(Exception):
    """A feature that is reported and left out; the plan goes on."""


class Outlines:
    """Makes a feature's shapes in the plan's frame, with their input findings."""

    source: str
    frame: Frame
    findings: list[InputFinding]
    #: plain room outlines already made in bulk (:mod:`.bulk`), by ``id()`` of their geometry
    plain: dict[int, Polygon]
    #: plain Point positions already made in bulk (:func:`.bulk.plain_points`), likewise
    points: dict[int, Point]

    def fail(self, problem: str, where: str | None = None) -> PlanReadError:
        return PlanReadError(self.source, problem, where)

    def coords_xy(self, coords: Any, where: str) -> np.ndarray:
        """An (n, 2) array in local metres from a GeoJSON position list."""
        try:
            arr = np.asarray(coords, dtype=float)
        except (TypeError, ValueError, OverflowError):
            raise self.fail("coordinates are not numbers", where) from None
        if arr.ndim != 2 or arr.shape[1] < 2 or len(arr) == 0:
            raise self.fail("coordinates are not a list of [x, y] positions", where)
        arr = arr[:, :2]
        if not np.isfinite(arr).all():  # methods, not np.all(): a third of the cost per call
            raise self.fail("coordinates are not finite numbers", where)
        return self.frame.to_local(arr, where)

    def polygon(self, geom: dict, where: str) -> Polygon | MultiPolygon:
        plain = self.plain.get(id(geom))  # read in bulk (:mod:`.bulk`)
        if plain is not None:
            return plain
        gtype = geom.get("type")
        coords = geom.get("coordinates")
        if gtype == "Polygon":
            rings = [coords] if coords is not None else []
        elif gtype == "MultiPolygon":
            rings = coords or []
        else:
            raise Skip(f"a {gtype} where a Polygon is expected")
        if not isinstance(rings, list | tuple) or not rings or not rings[0]:
            raise Skip("empty polygon")
        parts = []
        for poly in rings:
            if not isinstance(poly, list | tuple) or not poly:
                raise self.fail("polygon rings are not lists of positions", where)
            shell_xy = self.coords_xy(poly[0], where)
            holes = [self.coords_xy(h, where) for h in poly[1:]]
            if len(shell_xy) >= 2 and not same_point(shell_xy[0], shell_xy[-1]):
                self.findings.append(InputFinding(
                    "FP001", f"{where}: outline not closed; closed from its last to its first point",
                    entity=where))
            if len(shell_xy) < 3:
                raise Skip("fewer than three corners")
            parts.append((shell_xy, [h for h in holes if len(h) >= 3]))
        try:
            geom_out = self._valid(parts, where)
        except repair.TooComplex as exc:
            raise self.fail(str(exc), where) from None
        if geom_out.area <= 1e-9:
            raise Skip("outline has no area")
        return geom_out

    def _valid(self, parts: list, where: str) -> Polygon | MultiPolygon:
        """The parts' rings as one valid area, within the vertex budget; every repair is
        an FP002 finding saying what was done and the area it left."""
        said: list[str] = []
        polys = []
        for shell, holes in parts:
            shell, holes, note = repair.within_budget(shell, holes)
            if note:
                said.append(note)
            poly, notes = repair.repair(shell, holes)
            said.extend(notes)
            polys.append(poly)
        if len(polys) == 1:
            geom = polys[0]
        else:
            geom = MultiPolygon([q for p in polys for q in getattr(p, "geoms", [p])])
            if not geom.is_valid:  # parts that overlap: their union
                said.append(shapely.is_valid_reason(geom))
                geom = as_area(shapely.union_all(polys))
        if said and (geom.is_empty or geom.area <= 1e-9):
            raise Skip(f"invalid outline ({'; '.join(said)}) with no area left after repair")
        if said:
            self.findings.append(InputFinding(
                "FP002", f"{where}: invalid outline ({'; '.join(said)}); repaired to "
                f"{geom.area:.2f} m²", entity=where, geometry=geom))
        return geom


def same_point(p: np.ndarray, q: np.ndarray) -> bool:
    """``np.allclose(p, q)`` for two points, without its per-call overhead (~90 µs)."""
    return all(abs(a - b) <= 1e-8 + 1e-5 * abs(b) for a, b in zip(p.tolist(), q.tolist(), strict=True))

