"""One GeoJSON feature of each kind (room, door, ceiling, obstacle, meter, aerial) made into
the model's object, with its input findings and notes.

:class:`Features` holds the handlers the collection pass (:mod:`.convention`) calls by
kind; the shapes come from :class:`~floorplan.io.geojson.outline.Outlines`.
"""

from __future__ import annotations

from functools import lru_cache

from shapely.geometry import LineString, Point, Polygon

from floorplan.classify import classify as _classify_name
from floorplan.classify import names_other
from floorplan.fittings import fitting_kind, stated_kind
from floorplan.io.geojson import flavour, imdf
from floorplan.io.geojson.lonlat import parse_levels
from floorplan.io.geojson.osm import OSM_ROOM_USES
from floorplan.io.geojson.outline import Outlines, Skip
from floorplan.io.geojson.values import is_num, number, yes
from floorplan.io.limits import clean_text
from floorplan.model import Aerial, Ceiling, Door, Meter, Obstacle, Room, Use

#: a plan repeats a few room names (8 across a 4,000-room scheme): each distinct name is
#: classified once, not once a room (a pure function of the name)
classify = lru_cache(maxsize=4096)(_classify_name)

#: a level further from the ground than this is not a storey (a broken or hostile file)
MAX_LEVEL = 1000
#: room properties that become Room fields (everything else is kept in Room.properties)
_ROOM_FIELDS = frozenset({"kind", "id", "name", "use", "level", "ceiling_height", "wheelchair",
                          "dwelling"})


class Features(Outlines):
    """The handlers of the feature kinds; the reader's lists are filled in place."""

    flavour: str
    notes: list[str]
    rooms: list[Room]
    room_ids: set[str]
    doors: list[Door]
    obstacles: list[Obstacle]
    ceilings: list[Ceiling]
    meters: list[Meter]
    aerials: list[Aerial]
    imdf_levels: dict[str, float]

    def _room(self, props: dict, geom: dict, where: str, feature: dict) -> None:
        poly = self.polygon(geom, where)
        rid = clean_text(props.get("id") or feature.get("id") or f"R{len(self.rooms) + 1}")
        if self.flavour == "osm" and props.get("id") or not rid:
            rid = f"R{len(self.rooms) + 1}"
        name = clean_text(flavour.name(props, self.flavour))
        use, given = self._use(props, name, where)
        level = self._level(props, where)
        ceiling = number(props.get("ceiling_height"), where, self.fail, "ceiling_height")
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
        return (use, False) if use is not None else (Use.OTHER, names_other(name))

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
        g: Point | LineString | None = self.points.get(id(geom))  # made in bulk (:mod:`.bulk`)
        if g is not None:
            pass
        elif gtype == "Point":
            xy = self.coords_xy([geom.get("coordinates")], where)
            g = Point(xy[0])
        elif gtype == "LineString":
            xy = self.coords_xy(geom.get("coordinates"), where)
            if len(xy) < 2:
                raise Skip("a door line with fewer than two points")
            g = LineString(xy)
        else:
            raise Skip(f"a door drawn as {gtype}; doors are Points or LineStrings")
        did = clean_text(props.get("id") or f"D{len(self.doors) + 1}")
        if self.flavour in ("osm", "imdf") or not did:
            did = f"D{len(self.doors) + 1}"
        width = number(props.get("width"), where, self.fail, "width")
        connects = props.get("connects")
        pair: tuple[str, str] | None = None
        if connects is not None:
            if not (isinstance(connects, list) and len(connects) == 2):
                raise self.fail("'connects' must be a list of two room ids", where)
            pair = (clean_text(connects[0]), clean_text(connects[1]))
        level = self._level(props, where) if "level" in props or "level_id" in props else None
        self.doors.append(Door(did, g, width=width, connects=pair, level=level,
                               entrance=yes(props.get("entrance"))))

    def _ceiling(self, props: dict, geom: dict, where: str, feature: dict) -> None:
        poly = self.polygon(geom, where)
        if not isinstance(poly, Polygon):
            raise Skip("a ceiling must be a single Polygon")
        height = number(props.get("height"), where, self.fail, "height")
        heights = props.get("heights")
        level = self._level(props, where) if "level" in props else None
        if heights is not None:
            if not isinstance(heights, list) or not all(is_num(h) for h in heights):
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
            raise Skip("a ceiling with neither 'height' nor 'heights'")

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
            raise Skip(f"a {geom.get('type')} where a Point is expected")
        return Point(self.coords_xy([geom.get("coordinates")], where)[0])

    def _meter(self, props: dict, geom: dict, where: str, feature: dict) -> None:
        level = self._level(props, where) if "level" in props else None
        utility = props.get("utility")
        self.meters.append(Meter(self._point(geom, where), None if utility is None else str(utility), level))

    def _aerial(self, props: dict, geom: dict, where: str, feature: dict) -> None:
        level = self._level(props, where) if "level" in props else None
        self.aerials.append(Aerial(self._point(geom, where), level))

