"""An IFC model as a :class:`~floorplan.model.Plan`: every ``IfcSpace`` a room.

- footprint and ceilings from the space's 3D body (:mod:`.shapes`); a space without a
  usable body takes its outline from its ``FootPrint`` curves and its height from its
  properties (``FinishCeilingHeight``, ``Height``), and the notes say so;
- name from ``LongName`` (else ``Name``), id from ``Name`` (the room number) when it is
  unique, else the ``GlobalId``; use classified from the names, ``ObjectType`` and
  classification references;
- level: the space's ``IfcBuildingStorey``, storeys numbered by elevation with the lowest
  at or above 0 as level 0;
- lengths and areas scaled from ``IfcUnitAssignment``; a stated ``NetFloorArea`` further
  than :data:`AREA_TOLERANCE` from the footprint's area is a FP008 finding, and one further
  than :data:`~floorplan.model.STATED_DOUBT` (10 %) from the room's floor makes the room of
  ``low`` confidence, as in the DXF reader: no rule passes or fails its area.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon

from floorplan.classify import classify
from floorplan.geometry import polygons_of
from floorplan.io.ifc import doors as ifc_doors
from floorplan.io.ifc import fittings as ifc_fittings
from floorplan.io.ifc import georef, voids
from floorplan.io.ifc.shapes import SLIVER, Body, body_from_mesh
from floorplan.model import STATED_DOUBT, Ceiling, InputFinding, Plan, PlanMeta, Room, Stated, Use

log = logging.getLogger(__name__)

#: a stated NetFloorArea further than this share from the measured footprint is FP008
AREA_TOLERANCE = 0.02
#: the storey at or above this elevation (metres) that is lowest is level 0 (ground)
GROUND_ELEVATION = -0.5
#: an IfcZone whose name or type holds one of these words is a dwelling (other zones,
#: fire compartments or heating zones, say nothing of who lives where)
DWELLING_WORDS = re.compile(r"\b(flat|apartment|apt|dwelling|unit|maisonette|wohnung|"
                            r"appartement|logement|woning|house|haus|home)\b", re.IGNORECASE)
#: a DIN 277 usage group (``1 HNF`` 'Wohnen und Aufenthalt': every habitable room alike),
#: too broad to tell a bedroom from a living room: such a classification is not read
DIN277_GROUP = re.compile(r"^\s*\d+(\.\d+)*\s*(HNF|NNF|NUF|FF|VF|TF|NRF)\s*$", re.IGNORECASE)
#: height properties of a space without a body, in the order they are trusted
HEIGHT_PROPERTIES = ("FinishCeilingHeight", "Height", "ClearHeight")


class _Reader:
    def __init__(self, model: Any, source: str):
        import ifcopenshell.geom
        import ifcopenshell.util.unit

        self.model, self.source = model, source
        self.scale = float(ifcopenshell.util.unit.calculate_unit_scale(model))
        self.area_scale = float(ifcopenshell.util.unit.calculate_unit_scale(model, "AREAUNIT"))
        self.settings = ifcopenshell.geom.settings()
        self.settings.set("use-world-coords", True)
        self.curves = ifcopenshell.geom.settings()
        self.curves.set("use-world-coords", True)
        self.curves.set("dimensionality", ifcopenshell.ifcopenshell_wrapper.CURVES)
        self.notes: list[str] = []
        self.voids: list[str] = []  # names of the spaces read as roof spaces or voids
        self.findings: list[InputFinding] = []
        self.declared = self._length_unit_declared()
        if not self.declared:
            self.findings.append(InputFinding(
                "FP006", "the model declares no length unit (IfcUnitAssignment); metres assumed",
                entity="IfcUnitAssignment"))
        self.levels = self._levels()
        project = (model.by_type("IfcProject") or [None])[0]
        self.project_guid = str(project.GlobalId) if project is not None else None

    # -- structure -------------------------------------------------------------------
    def _levels(self) -> dict[int, tuple[float, str]]:
        """Storey id -> (level number, storey name), numbered by elevation."""
        storeys = []
        for st in self.model.by_type("IfcBuildingStorey"):
            elev = st.Elevation
            if elev is None:
                elev = self._placement_z(st)
            storeys.append((float(elev or 0.0) * self.scale, st))
        storeys.sort(key=lambda t: t[0])
        self.elevations = {st.id(): e for e, st in storeys}
        ground = next((k for k, (e, _) in enumerate(storeys) if e >= GROUND_ELEVATION), 0)
        out = {st.id(): (float(k - ground), str(st.Name or st.LongName or f"storey {k + 1}"))
               for k, (_, st) in enumerate(storeys)}
        if storeys:
            self.notes.append("storeys by elevation: " + ", ".join(
                f"level {k - ground}: {out[st.id()][1]} ({e:.2f} m)"
                for k, (e, st) in enumerate(storeys)))
        return out

    def _placement_z(self, element: Any) -> float | None:
        import ifcopenshell.util.placement as placement

        if element.ObjectPlacement is None:
            return None
        return float(placement.get_local_placement(element.ObjectPlacement)[2][3])

    def elevation_of(self, element: Any) -> float | None:
        """The floor height (metres) of the storey ``element`` is on."""
        st = self.storey_of(element)
        return self.elevations.get(st.id()) if st is not None else None

    def storey_of(self, element: Any) -> Any:
        import ifcopenshell.util.element as uel

        seen = 0
        node = element
        while node is not None and seen < 32:
            if node.is_a("IfcBuildingStorey"):
                return node
            node = uel.get_aggregate(node) or uel.get_container(node)
            seen += 1
        return None

    def level_of(self, element: Any) -> float | None:
        st = self.storey_of(element)
        return self.levels[st.id()][0] if st is not None and st.id() in self.levels else None

    # -- geometry --------------------------------------------------------------------
    def mesh(self, element: Any) -> tuple[np.ndarray, np.ndarray] | None:
        import ifcopenshell.geom

        if not getattr(element, "Representation", None):
            return None
        try:
            shape: Any = ifcopenshell.geom.create_shape(self.settings, element)
        except Exception as exc:  # no 3D representation, or one the kernel cannot build
            log.info("%s: no body for %s: %s", self.source, element.GlobalId, exc)
            return None
        verts = np.asarray(shape.geometry.verts, dtype=float).reshape(-1, 3)
        faces = np.asarray(shape.geometry.faces, dtype=int).reshape(-1, 3)
        return (verts, faces) if len(faces) else None

    def vertices(self, element: Any) -> np.ndarray | None:
        found = self.mesh(element)
        return found[0] if found else None

    def outline(self, element: Any) -> Polygon | MultiPolygon | None:
        """A space's outline from its 2D curves (its ``FootPrint``), where it has no body."""
        import ifcopenshell.geom

        try:
            shape: Any = ifcopenshell.geom.create_shape(self.curves, element)
        except Exception:
            return None
        verts = np.asarray(shape.geometry.verts, dtype=float).reshape(-1, 3)
        edges = np.asarray(shape.geometry.edges, dtype=int).reshape(-1, 2)
        if not len(edges):
            return None
        lines = shapely.linestrings(verts[edges][:, :, :2])
        area = shapely.build_area(shapely.union_all(lines, grid_size=1e-6))
        parts = [p for p in polygons_of(area) if p.area > SLIVER]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else MultiPolygon(parts)

    # -- properties ------------------------------------------------------------------
    def props(self, element: Any) -> dict[str, Any]:
        import ifcopenshell.util.element as uel

        flat: dict[str, Any] = {}
        for name, values in uel.get_psets(element).items():
            for key, value in values.items():
                if key != "id":
                    flat.setdefault(key, value)
                    flat[f"{name}.{key}"] = value
        return flat

    # -- rooms -----------------------------------------------------------------------
    def run(self) -> Plan:
        spaces = [s for s in self.model.by_type("IfcSpace") if not self._holds_spaces(s)]
        names = [str(s.Name or "").strip() for s in spaces]
        rooms: list[Room] = []
        ceilings: list[Ceiling] = []
        room_of: dict[int, str] = {}
        for space, number in zip(spaces, names, strict=True):
            rid = number if number and names.count(number) == 1 else str(space.GlobalId)
            made = self.room(space, rid)
            if made is None:
                continue
            room, cls = made
            rooms.append(room)
            ceilings.extend(cls)
            room_of[space.id()] = rid
        if not rooms:
            from floorplan.errors import PlanReadError

            if len(self.voids) == len(spaces):
                raise PlanReadError(self.source, f"its {len(spaces)} IfcSpace are all roof spaces "
                                    f"or voids ({', '.join(self.voids[:3])}): no room to check")
            raise PlanReadError(self.source, f"none of its {len(spaces)} IfcSpace has a body or "
                                "footprint to take a floor outline from")
        doors = ifc_doors.read_doors(self.model, room_of, self.level_of, self.vertices,
                                     self.scale, self.props)
        overall = sum(1 for d in doors if d.properties.get("width_from") == "OverallWidth")
        if overall:
            self.notes.append(f"{overall} door width(s) are IfcDoor.OverallWidth, the frame's "
                              "overall width: the clear opening is narrower (give a ClearWidth "
                              "property for the clear width)")
        obstacles = ifc_fittings.read_fittings(self.model, self.level_of, self.elevation_of,
                                               self.mesh)
        windows = len(self.model.by_type("IfcWindow"))
        if windows:
            self.notes.append(f"{windows} IfcWindow not read: the plan model has no windows yet")
        conversion, said = georef.read(self.model, self.scale)
        self.notes.extend(said)
        project = (self.model.by_type("IfcProject") or [None])[0]
        meta = PlanMeta(name=str(project.LongName or project.Name) if project is not None
                        and (project.LongName or project.Name) else None,
                        units="m", source=self.source, format="ifc",
                        units_reason=f"declared (IfcUnitAssignment: 1 unit = {self.scale:g} m)"
                        if self.declared else "assumed: the model declares no length unit",
                        crs=conversion.crs if conversion else None,
                        map_conversion=(conversion.crs, conversion.affine()) if conversion else None)
        return Plan(meta=meta, rooms=tuple(rooms), doors=tuple(doors), ceilings=tuple(ceilings),
                    obstacles=tuple(obstacles),
                    findings=tuple(self.findings), notes=tuple(self.notes))

    def _holds_spaces(self, space: Any) -> bool:
        """True for a space made of other spaces (a flat drawn round its rooms): its
        rooms are read, not it, so no floor is counted twice."""
        for rel in getattr(space, "IsDecomposedBy", ()) or ():
            if any(o.is_a("IfcSpace") for o in rel.RelatedObjects):
                self.notes.append(f"IfcSpace {space.GlobalId} ({space.LongName or space.Name or '?'}): "
                                  "made of other spaces; its spaces are the rooms")
                return True
        return False

    def _length_unit_declared(self) -> bool:
        for ua in self.model.by_type("IfcUnitAssignment"):
            for u in ua.Units or ():
                if getattr(u, "UnitType", None) == "LENGTHUNIT":
                    return True
        return False

    def room(self, space: Any, rid: str) -> tuple[Room, list[Ceiling]] | None:
        where = f"IfcSpace {space.GlobalId} ({space.Name or space.LongName or '?'})"
        long_name = str(space.LongName or "").strip()
        short = str(space.Name or "").strip()
        use = self.use(space, long_name, short)
        void = voids.void_word(long_name, short, str(space.ObjectType or "")) if use is None else None
        if void is not None:
            self.voids.append(void)
            self.notes.append(f"{where}: a roof space or void ({void!r}, and nothing gives it a "
                              "room's use): not a habitable room, so left out of the rooms and "
                              "of the home's area")
            return None
        level = self.level_of(space)
        if level is None:
            self.notes.append(f"{where}: in no IfcBuildingStorey; put on level 0")
            level = 0.0
        props = self.props(space)
        found = self.mesh(space)
        body: Body | None = body_from_mesh(*found) if found else None
        height: float | None = None
        cls: list[Ceiling] = []
        confidence, reason = "high", ""
        if body is not None:
            footprint = body.footprint
            height = body.flat_height
            cls = [replace(c, level=level) for c in body.ceilings]
            if body.floor_step:
                confidence = "medium"
                reason = (f"its floor is in steps {body.floor_step:.2f} m apart; ceiling heights "
                          "are measured from the lowest")
                self.notes.append(f"{where}: {reason}")
        else:
            outline = self.outline(space)
            if outline is None:
                self.notes.append(f"{where}: no body and no footprint curves; left out")
                return None
            footprint = outline
            for key in HEIGHT_PROPERTIES:
                value = props.get(key)
                if isinstance(value, int | float) and value > 0:
                    height = float(value) * self.scale
                    self.notes.append(f"{where}: no 3D body; outline from its footprint, "
                                      f"ceiling height {height:.2f} m from {key}")
                    break
            else:
                self.notes.append(f"{where}: no 3D body and no height property; outline from its "
                                  "footprint, ceiling height unknown")
        name = long_name or short or str(space.GlobalId)
        stated = self.stated(props, footprint, name, rid)
        polygon = footprint if isinstance(footprint, Polygon) else max(
            footprint.geoms, key=lambda p: p.area)
        if isinstance(footprint, MultiPolygon):
            part = (f"its floor is {len(footprint.geoms)} separate parts; the largest "
                    f"({polygon.area:.2f} m² of {footprint.area:.2f} m²) is the room")
            self.notes.append(f"{where}: {part}")
            confidence, reason = "medium", f"{reason}; {part}" if reason else part
        doubt = self.doubt(stated, polygon)
        if doubt:
            confidence, reason = "low", f"{doubt}; {reason}" if reason else doubt
        storey = self.storey_of(space)
        if found is not None:
            lo, hi = found[0].min(axis=0), found[0].max(axis=0)
        else:
            z0 = self.elevation_of(space) or 0.0
            x0, y0, x1, y1 = footprint.bounds
            lo, hi = np.array([x0, y0, z0]), np.array([x1, y1, z0 + (height or 2.4)])
        room = Room(id=rid, name=name, use=use or Use.OTHER, polygon=polygon, level=level,
                    dwelling=self.dwelling_of(space),
                    source="ifc_body" if body is not None else "ifc_footprint",
                    ceiling_height=height, use_given=False, stated=stated,
                    confidence=confidence, confidence_reason=reason,
                    properties={"ifc_guid": space.GlobalId, "ifc_name": short,
                                "ifc_long_name": long_name, "ifc_project": self.project_guid,
                                # world box in metres (IFC coordinates, before any map
                                # conversion): where a BCF viewpoint looks
                                "ifc_bounds": tuple(round(float(v), 4) for v in (*lo, *hi)),
                                "storey": self.levels[storey.id()][1] if storey is not None
                                and storey.id() in self.levels else None})
        return room, cls

    def dwelling_of(self, space: Any) -> str | None:
        """The name of the space this one is part of (a flat drawn round its rooms), else
        of the one dwelling zone (:data:`DWELLING_WORDS`) it is grouped in."""
        for rel in getattr(space, "Decomposes", ()) or ():
            parent = rel.RelatingObject
            if parent.is_a("IfcSpace"):
                return str(parent.LongName or parent.Name or parent.GlobalId).strip()
        zones = sorted({self._zone_name(rel.RelatingGroup)
                        for rel in getattr(space, "HasAssignments", ()) or ()
                        if rel.is_a("IfcRelAssignsToGroup") and rel.RelatingGroup is not None
                        and rel.RelatingGroup.is_a("IfcZone")
                        and self._is_dwelling(rel.RelatingGroup)})
        if len(zones) > 1:
            self.notes.append(f"IfcSpace {space.GlobalId} ({space.LongName or space.Name or '?'}): "
                              f"in {len(zones)} dwelling zones ({', '.join(zones)}); in no dwelling")
            return None
        return zones[0] if zones else None

    @staticmethod
    def _zone_name(zone: Any) -> str:
        return str(getattr(zone, "LongName", None) or zone.Name or zone.GlobalId).strip()

    @staticmethod
    def _is_dwelling(zone: Any) -> bool:
        words = [zone.Name, getattr(zone, "LongName", None), zone.ObjectType, zone.Description]
        return any(DWELLING_WORDS.search(str(w)) for w in words if w)

    def use(self, space: Any, long_name: str, short: str) -> Use | None:
        import ifcopenshell.util.classification as ucl

        words = [long_name, short, str(space.ObjectType or "")]
        try:
            for ref in ucl.get_references(space):
                code = str(getattr(ref, "Identification", None) or getattr(ref, "ItemReference", None) or "")
                if DIN277_GROUP.match(code):
                    continue
                words += [str(getattr(ref, "Name", "") or ""), code]
        except Exception:  # a classification the schema helper does not know
            pass
        for w in words:
            found = classify(w) if w.strip() else None
            if found is not None:
                return found
        return None

    def stated(self, props: dict[str, Any], footprint: Any, name: str, rid: str) -> tuple[Stated, ...]:
        value = props.get("Qto_SpaceBaseQuantities.NetFloorArea")
        if not isinstance(value, int | float) or value <= 0:
            return ()
        stated_m2 = float(value) * self.area_scale
        area = float(footprint.area)
        text = f"NetFloorArea {stated_m2:.2f} m²"
        if abs(stated_m2 - area) > AREA_TOLERANCE * area:
            self.findings.append(InputFinding(
                "FP008", f"{name}: the model says {text}, the body's floor measures "
                f"{area:.2f} m² ({(area - stated_m2) / stated_m2:+.1%})",
                rooms=(rid,), measured=round(area, 4)))
        return (Stated("area", text, area_m2=stated_m2),)


    @staticmethod
    def doubt(stated: tuple[Stated, ...], polygon: Polygon) -> str:
        """Why the room's reading is in doubt from the area the model states for it (more
        than :data:`~floorplan.model.STATED_DOUBT` from the measured floor), or ``""``."""
        area = float(polygon.area)
        for st in stated:
            if st.area_m2 and area > 0 and abs(area - st.area_m2) > STATED_DOUBT * st.area_m2:
                return (f"the model says {st.text}, the room measures {area:.2f} m² "
                        f"({(area - st.area_m2) / st.area_m2:+.1%}): the body or the figure is wrong")
        return ""


def build(model: Any, source: str) -> Plan:
    """Read an opened IFC model (see :func:`floorplan.io.ifc.read`)."""
    return _Reader(model, source).run()
