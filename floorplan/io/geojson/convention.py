"""Read a GeoJSON FeatureCollection (the floorplan convention, IMDF or OSM indoor) into a Plan.

See ``docs/input-geojson.md``. Everything is converted to metres in a local frame. A
feature that cannot be used as it is (a bow-tie outline, a door with no geometry) becomes
an input finding; a file that cannot be used at all raises
:class:`~floorplan.errors.PlanReadError` naming the file and the feature.

The stages, one module each: the text parsed (:mod:`.parse`), the flavour and the frame
decided (:mod:`.flavour`, :mod:`.frame`), plain outlines made in bulk (:mod:`.bulk`), then
this module's pass over the features, each made by its kind's handler (:mod:`.features`)
from shapes made by :mod:`.outline`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from floorplan.errors import PlanReadError
from floorplan.io.geojson import bulk, flavour, imdf, parse
from floorplan.io.geojson.features import Features
from floorplan.io.geojson.frame import Frame, all_positions
from floorplan.io.geojson.outline import Skip
from floorplan.io.limits import clean_text
from floorplan.model import (
    SCHEMES,
    Aerial,
    Ceiling,
    Door,
    InputFinding,
    Meter,
    Obstacle,
    Plan,
    PlanMeta,
    Room,
)


def read(path: str | os.PathLike, units: str | None = None) -> Plan:
    """Read a GeoJSON plan file."""
    data = parse.load(path)
    return read_data(data, source=str(path), units=units, siblings=imdf.siblings(Path(path), data))


def read_text(
    text: str, source: str = "-", units: str | None = None,
    siblings: dict[str, Any] | None = None,
) -> Plan:
    """Read a GeoJSON plan from a string."""
    return read_data(parse.parse(text, source), source=source, units=units, siblings=siblings)


class _Reader(Features):
    """One pass over a FeatureCollection; collects the parts of a Plan."""

    def __init__(self, data: dict, source: str, units: str | None, siblings: dict[str, Any]):
        self.data = data
        self.source = source
        self.units_flag = units
        self.siblings = siblings
        self.findings: list[InputFinding] = []
        self.notes: list[str] = []
        self.rooms: list[Room] = []
        self.room_ids: set[str] = set()  # for the duplicate-id test: a list scan is quadratic
        self.doors: list[Door] = []
        self.obstacles: list[Obstacle] = []
        self.ceilings: list[Ceiling] = []
        self.meters: list[Meter] = []
        self.aerials: list[Aerial] = []
        self.skipped: dict[str, int] = {}

    # -- the whole collection ---------------------------------------------------------
    def run(self) -> Plan:
        data = self.data
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            found = data.get("type") if isinstance(data, dict) else type(data).__name__
            raise self.fail(f"not a GeoJSON FeatureCollection (found {found!r})")
        features = data.get("features")
        if not isinstance(features, list):
            raise self.fail("'features' is not a list")
        meta_in = data.get("floorplan") or {}
        if not isinstance(meta_in, dict):
            raise self.fail("'floorplan' metadata is not an object")
        self.flavour = flavour.flavour(features)
        self._set_frame(features, meta_in)
        self.plain = bulk.plain_polygons(features, self.frame)
        self.points = bulk.plain_points(features, self.frame)
        sib = self.siblings or {}
        openings = sib.get("opening", {}).get("features", []) if "opening" in sib else []
        self.imdf_levels = imdf.levels(sib.get("level"))
        if self.flavour == "imdf" and "opening" not in sib and any(
                isinstance(f, dict) and f.get("feature_type") == "unit" for f in features):
            self.notes.append("IMDF units without an opening file beside them: no doors were "
                              "read (put the venue's opening.geojson beside the unit file)")
        osource = sib.get("_sources", {}).get("opening", "opening file")
        named = [(f, flavour.feature_name(f, i)) for i, f in enumerate(features)]
        named += [(f, f"{osource}: {flavour.feature_name(f, i)}") for i, f in enumerate(openings)]
        for feature, where in named:
            if not isinstance(feature, dict) or feature.get("type") != "Feature":
                raise self.fail("not a GeoJSON Feature", where)
            try:
                self.feature(feature, where)
            except Skip as skip:
                self.findings.append(InputFinding(
                    "FP002", f"{where}: skipped: {skip}", entity=where))
        if not self.rooms:
            raise self.fail(
                "no rooms: no feature has kind 'room' (or indoor=room, or is an IMDF unit)")
        return Plan(
            meta=self.meta(meta_in), rooms=tuple(self.rooms), doors=tuple(self.doors),
            obstacles=tuple(self.obstacles), ceilings=tuple(self.ceilings),
            meters=tuple(self.meters), aerials=tuple(self.aerials),
            findings=tuple(self.findings), notes=tuple(self.notes + self._skip_notes()),
        )

    def _skip_notes(self) -> list[str]:
        if not self.skipped:
            return []
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.skipped.items()))
        return [f"features kept but not used: {kinds}"]

    def _set_frame(self, features: list, meta_in: dict) -> None:
        """Decide units, coordinate system and local origin (:mod:`.frame`)."""
        self.frame = Frame(self.data, all_positions(features), meta_in, self.units_flag,
                           self.flavour, self.source)
        self.notes.extend(self.frame.notes)
        self.unit = self.frame.unit

    def meta(self, m: dict) -> PlanMeta:
        scheme = m.get("scheme")
        if scheme is not None and scheme not in SCHEMES:
            raise self.fail(f"unknown scheme {scheme!r} (expected one of {', '.join(SCHEMES)})",
                            "floorplan.scheme")
        tenants = m.get("tenants")
        if tenants is not None and (not isinstance(tenants, int) or isinstance(tenants, bool) or tenants < 0):
            raise self.fail(f"tenants must be a whole number, not {tenants!r}", "floorplan.tenants")
        name = m.get("name") or self.data.get("name")
        fmt = {"osm": "osm-geojson", "imdf": "imdf"}.get(self.flavour, "geojson")
        return PlanMeta(
            name=clean_text(name) if isinstance(name, str) else None, scheme=scheme,
            tenants=tenants, wheelchair=bool(m.get("wheelchair", False)), source=self.source,
            format=fmt, **self.frame.meta())

    # -- one feature ------------------------------------------------------------------
    def feature(self, feature: dict, where: str) -> None:
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            raise self.fail("'properties' is not an object", where)
        if self.flavour == "osm":
            props = {k.lstrip("@"): v for k, v in props.items()}
        geom = feature.get("geometry")
        kind = flavour.kind(props, feature, self.flavour)
        if kind is None:
            key = str(props.get("kind") or props.get("indoor") or feature.get("feature_type") or "untyped")
            self.skipped[key] = self.skipped.get(key, 0) + 1
            return
        if not isinstance(geom, dict):
            raise Skip(f"a {kind} with no geometry")
        getattr(self, f"_{kind}")(props, geom, where, feature)

def read_data(data: Any, source: str = "-", units: str | None = None,
              siblings: dict[str, Any] | None = None) -> Plan:
    """Read a parsed GeoJSON object."""
    try:
        return _Reader(data, source, units, siblings or {}).run()
    except RecursionError:
        raise PlanReadError(source, "nested too deeply to read") from None

