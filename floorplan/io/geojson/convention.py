"""Read a GeoJSON FeatureCollection (the floorplan convention, IMDF or OSM indoor) into a Plan.

See ``docs/input-geojson.md``. Everything is converted to metres in a local frame. A
feature that cannot be used as it is (a bow-tie outline, a door with no geometry) becomes
an input finding; a file that cannot be used at all raises
:class:`~floorplan.errors.PlanReadError` naming the file and the feature.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from floorplan.classify import classify as _classify_name
from floorplan.errors import PlanReadError
from floorplan.fittings import fitting_kind, stated_kind
from floorplan.geometry import as_area
from floorplan.io import repair
from floorplan.io.geojson import bulk, flavour, imdf
from floorplan.io.geojson.frame import Frame
from floorplan.io.geojson.lonlat import parse_levels
from floorplan.io.geojson.osm import OSM_ROOM_USES
from floorplan.io.limits import MAX_PLAN_BYTES, clean_text
from floorplan.io.paths import check_input
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
    Use,
)

#: a plan repeats a few room names (8 across a 4,000-room scheme): each distinct name is
#: classified once, not once a room (a pure function of the name)
classify = lru_cache(maxsize=4096)(_classify_name)

#: room properties that become Room fields (everything else is kept in Room.properties)
#: a level further from the ground than this is not a storey (a broken or hostile file)
MAX_LEVEL = 1000
_ROOM_FIELDS = frozenset({"kind", "id", "name", "use", "level", "ceiling_height", "wheelchair",
                          "dwelling"})



def read(path: str | os.PathLike, units: str | None = None) -> Plan:
    """Read a GeoJSON plan file."""
    source = str(path)
    st = check_input(path, folder_ok=False)  # a FIFO would block forever
    if st.st_size > MAX_PLAN_BYTES:
        raise PlanReadError(source, f"is {st.st_size / 2**20:.0f} MiB, over the "
                            f"{MAX_PLAN_BYTES / 2**20:.0f} MiB a plan may be")
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PlanReadError(source, "no such file") from None
    except UnicodeDecodeError as exc:
        raise PlanReadError(source, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise PlanReadError(source, exc.strerror or str(exc)) from None
    data = _parse(text, source)
    return read_data(data, source=source, units=units, siblings=imdf.siblings(Path(path), data))


def read_text(
    text: str, source: str = "-", units: str | None = None,
    siblings: dict[str, Any] | None = None,
) -> Plan:
    """Read a GeoJSON plan from a string."""
    return read_data(_parse(text, source), source=source, units=units, siblings=siblings)


def _parse(text: str, source: str) -> Any:
    if not text.strip():
        raise PlanReadError(source, "the file is empty")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except ValueError as exc:
        raise PlanReadError(source, f"not valid JSON: {exc}") from None
    except RecursionError:
        raise PlanReadError(source, "JSON nested too deeply to read (thousands of levels; "
                            "a plan needs five)") from None
    if _SURROGATE_ESCAPE.search(text):  # "\ud800" escapes decode to lone surrogates
        data = _without_surrogates(data)
    return data


#: a JSON escape of a UTF-16 surrogate: the only way a lone surrogate gets into parsed JSON
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _without_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings (keys too) replaced by U+FFFD,
    so that no output fails to encode (pairs were joined by the JSON parser already)."""
    if isinstance(value, str):
        if any("\ud800" <= c <= "\udfff" for c in value):
            return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value)
        return value
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


# --------------------------------------------------------------------------- parsing


class _Reader:
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

    # -- helpers -----------------------------------------------------------------
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
            raise _Skip(f"a {gtype} where a Polygon is expected")
        if not isinstance(rings, list | tuple) or not rings or not rings[0]:
            raise _Skip("empty polygon")
        parts = []
        for poly in rings:
            if not isinstance(poly, list | tuple) or not poly:
                raise self.fail("polygon rings are not lists of positions", where)
            shell_xy = self.coords_xy(poly[0], where)
            holes = [self.coords_xy(h, where) for h in poly[1:]]
            if len(shell_xy) >= 2 and not _same_point(shell_xy[0], shell_xy[-1]):
                self.findings.append(InputFinding(
                    "FP001", f"{where}: outline not closed; closed from its last to its first point",
                    entity=where))
            if len(shell_xy) < 3:
                raise _Skip("fewer than three corners")
            parts.append((shell_xy, [h for h in holes if len(h) >= 3]))
        try:
            geom_out = self._valid(parts, where)
        except repair.TooComplex as exc:
            raise self.fail(str(exc), where) from None
        if geom_out.area <= 1e-9:
            raise _Skip("outline has no area")
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
            raise _Skip(f"invalid outline ({'; '.join(said)}) with no area left after repair")
        if said:
            self.findings.append(InputFinding(
                "FP002", f"{where}: invalid outline ({'; '.join(said)}); repaired to "
                f"{geom.area:.2f} m²", entity=where, geometry=geom))
        return geom

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
            except _Skip as skip:
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
        self.frame = Frame(self.data, _all_positions(features), meta_in, self.units_flag,
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
            raise _Skip(f"a {kind} with no geometry")
        getattr(self, f"_{kind}")(props, geom, where, feature)

    def _room(self, props: dict, geom: dict, where: str, feature: dict) -> None:
        poly = self.polygon(geom, where)
        rid = clean_text(props.get("id") or feature.get("id") or f"R{len(self.rooms) + 1}")
        if self.flavour == "osm" and props.get("id") or not rid:
            rid = f"R{len(self.rooms) + 1}"
        name = clean_text(flavour.name(props, self.flavour))
        use, given = self._use(props, name, where)
        level = self._level(props, where)
        ceiling = _number(props.get("ceiling_height"), where, self, "ceiling_height")
        wheel = props.get("wheelchair")
        wheelchair = wheel is True or (isinstance(wheel, str) and wheel.lower() in ("yes", "true"))
        if self.flavour == "osm":
            wheelchair = False  # OSM's tag is about access to a public place, not a tenancy
        dwelling = props.get("dwelling")
        if rid in self.room_ids:
            new = f"{rid}-{len(self.rooms) + 1}"
            self.notes.append(f"{where}: room id {rid!r} used twice; this one renamed {new!r}")
            rid = new
        # everything the convention does not map to a field is kept for the rules
        # (bedroom_type, bedspaces, wc ...) and for the GeoJSON report
        keep = {k: v for k, v in props.items() if k not in _ROOM_FIELDS}
        self.room_ids.add(rid)
        self.rooms.append(Room(
            # (a room drawn as several parts stays one MultiPolygon room; the model's
            # measurements take either)
            id=rid, name=name, use=use, polygon=poly,  # type: ignore[arg-type]
            level=level,
            dwelling=None if dwelling is None else clean_text(dwelling), wheelchair=wheelchair,
            source="geojson", ceiling_height=ceiling, use_given=given, properties=keep,
        ))

    def _use(self, props: dict, name: str, where: str) -> tuple[Use, bool]:
        given = props.get("use")
        if given is not None:
            try:
                return Use(str(given)), True
            except ValueError:
                self.notes.append(f"{where}: unknown use {given!r}; the use is taken from the name")
        if self.flavour == "osm":
            tag = props.get("room")
            if tag in OSM_ROOM_USES and not classify(name):
                return OSM_ROOM_USES[tag], True
            if props.get("indoor") == "corridor" and not classify(name):
                return Use.CORRIDOR, True
        if self.flavour == "imdf":
            cat = props.get("category")
            if cat in imdf.IMDF_CATEGORY_USES and not classify(name):
                return imdf.IMDF_CATEGORY_USES[cat], True
        use = classify(name)
        return (use, False) if use is not None else (Use.OTHER, False)

    def _level(self, props: dict, where: str | None = None) -> float:
        lid = props.get("level_id")
        if self.flavour == "imdf" and isinstance(lid, str) and lid in self.imdf_levels:
            return self.imdf_levels[lid]
        raw = props.get("level")
        levels = parse_levels(raw)
        if raw is not None and not levels and isinstance(raw, int | float) and not isinstance(raw, bool):
            raise self.fail(f"'level' {raw!r:.40} is not a storey number", where)
        if levels and abs(levels[0]) > MAX_LEVEL:
            raise self.fail(f"'level' {levels[0]:g} is not a storey number (at most "
                            f"{MAX_LEVEL} storeys up or down)", where)
        return levels[0] if levels else 0.0

    def _door(self, props: dict, geom: dict, where: str, feature: dict) -> None:
        gtype = geom.get("type")
        if gtype == "Point":
            xy = self.coords_xy([geom.get("coordinates")], where)
            g: Point | LineString = Point(xy[0])
        elif gtype == "LineString":
            xy = self.coords_xy(geom.get("coordinates"), where)
            if len(xy) < 2:
                raise _Skip("a door line with fewer than two points")
            g = LineString(xy)
        else:
            raise _Skip(f"a door drawn as {gtype}; doors are Points or LineStrings")
        did = clean_text(props.get("id") or f"D{len(self.doors) + 1}")
        if self.flavour in ("osm", "imdf") or not did:
            did = f"D{len(self.doors) + 1}"
        width = _number(props.get("width"), where, self, "width")
        connects = props.get("connects")
        pair: tuple[str, str] | None = None
        if connects is not None:
            if not (isinstance(connects, list) and len(connects) == 2):
                raise self.fail("'connects' must be a list of two room ids", where)
            pair = (clean_text(connects[0]), clean_text(connects[1]))
        level = self._level(props, where) if "level" in props or "level_id" in props else None
        self.doors.append(Door(did, g, width=width, connects=pair, level=level,
                               entrance=_yes(props.get("entrance"))))

    def _ceiling(self, props: dict, geom: dict, where: str, feature: dict) -> None:
        poly = self.polygon(geom, where)
        if not isinstance(poly, Polygon):
            raise _Skip("a ceiling must be a single Polygon")
        height = _number(props.get("height"), where, self, "height")
        heights = props.get("heights")
        level = self._level(props, where) if "level" in props else None
        if heights is not None:
            if not isinstance(heights, list) or not all(_is_num(h) for h in heights):
                raise self.fail("'heights' must be a list of numbers", where)
            n = len(poly.exterior.coords) - 1
            hs = [float(h) for h in heights]
            if len(hs) == n + 1:
                hs = hs[:-1]
            if len(hs) != n:
                raise self.fail(f"'heights' has {len(heights)} values for {n} corners", where)
            # shapely may reorient nothing; coords follow the input order
            self.ceilings.append(Ceiling(poly, heights=tuple(hs), level=level))
        elif height is not None:
            self.ceilings.append(Ceiling(poly, height=height, level=level))
        else:
            raise _Skip("a ceiling with neither 'height' nor 'heights'")

    def _obstacle(self, props: dict, geom: dict, where: str, feature: dict) -> None:
        poly = self.polygon(geom, where)
        level = self._level(props, where) if "level" in props else None
        name = clean_text(props.get("name") or "obstacle") or "obstacle"
        kind = stated_kind(props.get("fitting")) or fitting_kind(props.get("name"))
        for part in getattr(poly, "geoms", [poly]):
            self.obstacles.append(Obstacle(f"O{len(self.obstacles) + 1}", name, part, level,
                                           kind=kind))

    def _point(self, geom: dict, where: str) -> Point:
        if geom.get("type") != "Point":
            raise _Skip(f"a {geom.get('type')} where a Point is expected")
        return Point(self.coords_xy([geom.get("coordinates")], where)[0])

    def _meter(self, props: dict, geom: dict, where: str, feature: dict) -> None:
        level = self._level(props, where) if "level" in props else None
        utility = props.get("utility")
        self.meters.append(Meter(self._point(geom, where), None if utility is None else str(utility), level))

    def _aerial(self, props: dict, geom: dict, where: str, feature: dict) -> None:
        level = self._level(props, where) if "level" in props else None
        self.aerials.append(Aerial(self._point(geom, where), level))


class _Skip(Exception):
    """A feature that is reported and left out; the plan goes on."""


def read_data(data: Any, source: str = "-", units: str | None = None,
              siblings: dict[str, Any] | None = None) -> Plan:
    """Read a parsed GeoJSON object."""
    try:
        return _Reader(data, source, units, siblings or {}).run()
    except RecursionError:
        raise PlanReadError(source, "nested too deeply to read") from None


def _same_point(p: np.ndarray, q: np.ndarray) -> bool:
    """``np.allclose(p, q)`` for two points, without its per-call overhead (~90 µs)."""
    return all(abs(a - b) <= 1e-8 + 1e-5 * abs(b) for a, b in zip(p.tolist(), q.tolist(), strict=True))


def _yes(v: Any) -> bool:
    """A true/false property: ``true``, or the text ``yes`` / ``true`` (any case)."""
    return v is True or (isinstance(v, str) and v.strip().lower() in ("yes", "true"))


def _is_num(v: Any) -> bool:
    if not isinstance(v, int | float) or isinstance(v, bool):
        return False
    try:
        return math.isfinite(v)
    except OverflowError:  # an integer too large for a float
        return False


def _number(v: Any, where: str, reader: _Reader, key: str) -> float | None:
    if v is None:
        return None
    if not _is_num(v):
        raise reader.fail(f"'{key}' must be a number, not {v!r}", where)
    return float(v)


def _all_positions(features: Iterable) -> np.ndarray | None:
    pts: list = []

    def walk(c: Any) -> None:
        if isinstance(c, list) and c and isinstance(c[0], int | float) and not isinstance(c[0], bool):
            if len(c) >= 2 and _is_num(c[0]) and _is_num(c[1]):
                pts.append((float(c[0]), float(c[1])))
        elif isinstance(c, list):
            for x in c:
                walk(x)

    for f in features:
        if isinstance(f, dict) and isinstance(f.get("geometry"), dict):
            walk(f["geometry"].get("coordinates"))
    return np.asarray(pts) if pts else None





