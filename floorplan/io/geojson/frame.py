"""Where a GeoJSON plan's coordinates are, and how they become local metres.

Three cases, decided once per file (:class:`Frame`):

- a declared ``crs`` (:mod:`.crs`): converted to longitude/latitude on its ellipsoid,
  then projected to metres around the plan's middle;
- longitude/latitude without a declaration (IMDF and OpenStreetMap always are; others
  when every position lies within ±180/±90 and the extent is under 0.1°);
- plain planar coordinates in the plan's ``units`` (metres when not said), moved to a
  local origin when they are national-grid sized.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from floorplan.errors import PlanReadError
from floorplan.io.geojson import crs as crs_mod
from floorplan.io.geojson.lonlat import project
from floorplan.io.geojson.values import is_num
from floorplan.units import normalise_unit, to_metres

#: coordinates beyond this (metres, after moving to a local origin) are not a building
MAX_EXTENT_M = 1.0e6


class Frame:
    """The units, origin and coordinate system of one GeoJSON plan."""

    def __init__(self, data: dict, xy: np.ndarray | None, meta_in: dict, units_flag: str | None,
                 flavour: str, source: str):
        self.source = source
        self.lonlat: tuple[float, float] | None = None
        self.origin_raw = np.zeros(2)
        self.crs: crs_mod.Crs | None = None
        self.crs_name: str | None = None
        self.notes: list[str] = []
        self.units_reason = "declared"
        unit = meta_in.get("units")
        if units_flag:
            unit, self.units_reason = units_flag, "--units"
        elif unit is None:
            unit, self.units_reason = "m", "default (metres when not said)"
        try:
            self.unit = normalise_unit(unit)
        except (ValueError, TypeError, AttributeError) as exc:
            raise PlanReadError(source, str(exc) if isinstance(exc, ValueError) else
                                f"unknown units {unit!r:.40}", "floorplan.units") from None
        self.scale = to_metres(self.unit)
        name = crs_mod.parse(data.get("crs"), source)
        if name is not None:
            self.crs = crs_mod.resolve(name, source)
            self.crs_name = name
            if units_flag or meta_in.get("units") is not None:
                self.notes.append(f"units {unit!r} not used: the coordinates are in {name}, "
                                  "whose own units count")
            self._geo(xy, name, self.crs.geographic)
            return
        if xy is None or not len(xy):
            return
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        looks_lonlat = (
            flavour in ("osm", "imdf")
            or (np.all(np.abs(xy[:, 0]) <= 180) and np.all(np.abs(xy[:, 1]) <= 90)
                and np.all(hi - lo < 0.1) and np.any(np.abs(xy) > 1.0)
                and meta_in.get("units") is None and not units_flag)
        )
        if looks_lonlat:
            self.crs = crs_mod.resolve("EPSG:4326", source)
            self.crs_name = "EPSG:4326"
            self._geo(xy, "EPSG:4326", True)
            self.units_reason = "longitude/latitude projected to local metres"
            return
        if np.max(np.abs(lo)) * self.scale > 1.0e5:  # national-grid sized numbers
            self.origin_raw = lo.copy()

    def _geo(self, xy: np.ndarray | None, name: str, geographic: bool) -> None:
        self.unit, self.scale = "m", 1.0
        self.units_reason = (f"longitude/latitude ({name}) projected to local metres" if geographic
                             else f"{name} converted to local metres")
        if xy is None or not len(xy):
            self.lonlat = (0.0, 0.0)
            return
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        assert self.crs is not None  # set before the lon/lat frame is made
        mid = self.crs.to_lonlat(np.array([(lo + hi) / 2], dtype=float))[0]
        if not np.isfinite(mid).all():  # out-of-range lon/lat: each feature says it (to_local)
            raise PlanReadError(self.source, f"the coordinates are not positions in {name} "
                                "(outside the range it covers)", "crs")
        self.lonlat = (float(mid[0]), float(mid[1]))

    def to_local(self, arr: np.ndarray, where: str) -> np.ndarray:
        """(n, 2) finite positions as the file has them -> local metres."""
        if self.lonlat is not None:
            assert self.crs is not None  # a lon/lat frame has its CRS
            ll = arr if self.crs.geographic else self.crs.to_lonlat(arr)
            if not self.crs.geographic and not np.isfinite(ll).all():
                raise PlanReadError(self.source, f"a position outside what {self.crs_name} "
                                    "covers", where)
            bad = (np.abs(ll[:, 1]) > 90) | (np.abs(ll[:, 0]) > 180)
            if bad.any():
                lon, lat = ll[int(np.argmax(bad))]
                raise PlanReadError(
                    self.source, f"position ({lon:g}, {lat:g}) is not a longitude/latitude "
                    f"(latitude must lie within ±90, longitude within ±180)", where)
            x, y = project(ll, self.lonlat, self.crs.ellipsoid)
            out = np.column_stack([x, y])
        else:
            out = (arr - self.origin_raw) * self.scale
        if (np.abs(out) > MAX_EXTENT_M).any():
            raise PlanReadError(
                self.source, f"coordinates lie more than {MAX_EXTENT_M:g} m from the plan "
                "(absurd for a building; check the units and the coordinate system)", where)
        return out

    def meta(self) -> dict[str, Any]:
        """The PlanMeta fields the frame decides."""
        origin = (float(self.origin_raw[0] * self.scale), float(self.origin_raw[1] * self.scale))
        return {"units": self.unit, "origin": origin, "lonlat_origin": self.lonlat,
                "units_reason": self.units_reason, "crs": self.crs_name}


def all_positions(features: Iterable) -> np.ndarray | None:
    """Every position of the features' geometries as an (n, 2) array (None when none)."""
    pts: list = []

    def walk(c: Any) -> None:
        if isinstance(c, list) and c and isinstance(c[0], int | float) and not isinstance(c[0], bool):
            if len(c) >= 2 and is_num(c[0]) and is_num(c[1]):
                pts.append((float(c[0]), float(c[1])))
        elif isinstance(c, list):
            for x in c:
                walk(x)

    for f in features:
        if isinstance(f, dict) and isinstance(f.get("geometry"), dict):
            walk(f["geometry"].get("coordinates"))
    return np.asarray(pts) if pts else None


__all__ = ["MAX_EXTENT_M", "Frame", "all_positions"]
