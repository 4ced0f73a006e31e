"""Small IFC models built in code with IfcOpenShell's API, for the IFC reader's tests.

Each builder writes one model to a path and returns it; every figure a test expects is
worked out by hand from the coordinates written here. Lengths are written in the model's
own unit (millimetres unless a test asks otherwise), so the reader's unit handling is
tested too. The tests at the end check that the models are what the builders say, read
with IfcOpenShell alone (never with floorplan).
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("ifcopenshell")

import ifcopenshell  # noqa: E402
import ifcopenshell.api.aggregate  # noqa: E402
import ifcopenshell.api.context  # noqa: E402
import ifcopenshell.api.geometry  # noqa: E402
import ifcopenshell.api.project  # noqa: E402
import ifcopenshell.api.pset  # noqa: E402
import ifcopenshell.api.root  # noqa: E402
import ifcopenshell.api.spatial  # noqa: E402
import ifcopenshell.api.unit  # noqa: E402
import numpy as np  # noqa: E402
from ifcopenshell.util.shape_builder import ShapeBuilder  # noqa: E402

api = ifcopenshell.api

#: the model's length unit per metre, by the names IfcOpenShell's unit API takes
UNIT_PER_M = {"MILLIMETERS": 1000.0, "METERS": 1.0}


class Model:
    """A model under construction: project, site, building, storeys, contexts."""

    def __init__(self, unit: str = "MILLIMETERS",
                 storeys: tuple[tuple[str, float], ...] = (("Ground floor", 0.0),),
                 version: str = "IFC4"):
        self.k = UNIT_PER_M[unit]
        self.f = api.project.create_file(version=version)
        if version == "IFC2X3":  # every rooted entity has an owner history there
            _owner(self.f)
        project = api.root.create_entity(self.f, ifc_class="IfcProject", name="Test house")
        api.unit.assign_unit(self.f, length={"is_metric": True, "raw": unit})
        model3d = api.context.add_context(self.f, context_type="Model")
        self.body = api.context.add_context(self.f, context_type="Model", context_identifier="Body",
                                            target_view="MODEL_VIEW", parent=model3d)
        plan = api.context.add_context(self.f, context_type="Plan")
        self.footprint = api.context.add_context(self.f, context_type="Plan",
                                                 context_identifier="FootPrint",
                                                 target_view="PLAN_VIEW", parent=plan)
        site = api.root.create_entity(self.f, ifc_class="IfcSite", name="Site")
        building = api.root.create_entity(self.f, ifc_class="IfcBuilding", name="House")
        api.aggregate.assign_object(self.f, products=[site], relating_object=project)
        api.aggregate.assign_object(self.f, products=[building], relating_object=site)
        self.storeys = []
        for name, elevation_m in storeys:
            st = api.root.create_entity(self.f, ifc_class="IfcBuildingStorey", name=name)
            st.Elevation = elevation_m * self.k
            api.aggregate.assign_object(self.f, products=[st], relating_object=building)
            self._place(st, (0, 0, elevation_m))
            self.storeys.append(st)
        self.b = ShapeBuilder(self.f)

    def _place(self, product, origin_m, x_axis=(1.0, 0.0, 0.0)) -> None:
        m = np.eye(4)
        x = np.array(x_axis, dtype=float)
        z = np.array([0.0, 0.0, 1.0])
        m[:3, 0], m[:3, 1], m[:3, 2] = x, np.cross(z, x), z
        m[:3, 3] = origin_m
        api.geometry.edit_object_placement(self.f, product=product, matrix=m, is_si=True)

    def _mm(self, pts):
        return [tuple(c * self.k for c in p) for p in pts]

    def space(self, name: str, long_name: str | None = None, storey: int = 0):
        sp = api.root.create_entity(self.f, ifc_class="IfcSpace", name=name)
        if long_name is not None:
            sp.LongName = long_name
        api.aggregate.assign_object(self.f, products=[sp], relating_object=self.storeys[storey])
        return sp

    def extruded(self, product, outline_m, height_m, holes_m=(), z0_m: float = 0.0) -> None:
        """A body: ``outline_m`` (plan points, metres) extruded ``height_m`` up from
        ``z0_m`` (the product is placed at the world origin)."""
        outer = self.b.polyline(self._mm(outline_m), closed=True)
        inner = [self.b.polyline(self._mm(h), closed=True) for h in holes_m]
        solid = self.b.extrude(self.b.profile(outer, inner_curves=inner), height_m * self.k,
                               position=(0.0, 0.0, z0_m * self.k))
        rep = self.b.get_representation(self.body, [solid])
        api.geometry.assign_representation(self.f, product=product, representation=rep)
        self._place(product, (0, 0, 0))

    def mesh(self, product, verts_m, faces) -> None:
        """A body as a closed faceted mesh (``verts_m`` in metres, faces outward)."""
        rep = api.geometry.add_mesh_representation(self.f, self.body, vertices=[verts_m],
                                                   faces=[faces], force_faceted_brep=True)
        api.geometry.assign_representation(self.f, product=product, representation=rep)
        self._place(product, (0, 0, 0))

    def footprint_only(self, product, outline_m) -> None:
        curve = self.b.polyline(self._mm(outline_m), closed=True)
        rep = self.b.get_representation(self.footprint, [curve])
        api.geometry.assign_representation(self.f, product=product, representation=rep)
        self._place(product, (0, 0, 0))

    def qto(self, product, **values_in_model_units) -> None:
        q = api.pset.add_qto(self.f, product=product, name="Qto_SpaceBaseQuantities")
        api.pset.edit_qto(self.f, qto=q, properties=values_in_model_units)

    def door(self, name: str, origin_m, x_axis, width_m: float, wall_m: float, storey: int = 0,
             external: bool = False):
        """A door whose local x runs along the wall from ``origin_m`` for ``width_m``; its
        body fills the wall from local y = -``wall_m`` to 0 (2.1 m high)."""
        d = api.root.create_entity(self.f, ifc_class="IfcDoor", name=name)
        d.OverallWidth = width_m * self.k
        d.OverallHeight = 2.1 * self.k
        api.spatial.assign_container(self.f, products=[d], relating_structure=self.storeys[storey])
        outline = [(0, -wall_m), (width_m, -wall_m), (width_m, 0), (0, 0)]
        solid = self.b.extrude(self.b.profile(self.b.polyline(self._mm(outline), closed=True)),
                               2.1 * self.k)
        rep = self.b.get_representation(self.body, [solid])
        api.geometry.assign_representation(self.f, product=d, representation=rep)
        self._place(d, origin_m, x_axis)
        if external:
            ps = api.pset.add_pset(self.f, product=d, name="Pset_DoorCommon")
            api.pset.edit_pset(self.f, pset=ps, properties={"IsExternal": True})
        return d

    def fitting(self, ifc_class: str, name: str, outline_m, height_m: float, z0_m: float = 0.0,
                predefined: str | None = None, storey: int = 0):
        """A fitting or piece of furniture: ``outline_m`` extruded ``height_m`` up from
        ``z0_m``, contained in a storey."""
        el = api.root.create_entity(self.f, ifc_class=ifc_class, name=name,
                                    **({"predefined_type": predefined} if predefined else {}))
        api.spatial.assign_container(self.f, products=[el], relating_structure=self.storeys[storey])
        self.extruded(el, outline_m, height_m, z0_m=z0_m)
        return el

    def boundary(self, space, element) -> None:
        api.root.create_entity(self.f, ifc_class="IfcRelSpaceBoundary")
        rel = self.f.by_type("IfcRelSpaceBoundary")[-1]
        rel.RelatingSpace, rel.RelatedBuildingElement = space, element
        rel.PhysicalOrVirtualBoundary, rel.InternalOrExternalBoundary = "PHYSICAL", "INTERNAL"

    def write(self, path: Path) -> Path:
        self.f.write(str(path))
        return path


def _owner(f) -> None:
    """A person, organisation and application for IFC2X3's owner histories."""
    import ifcopenshell.api.owner
    import ifcopenshell.api.owner.settings

    user = api.owner.add_person_and_organisation(
        f, person=api.owner.add_person(f), organisation=api.owner.add_organisation(f))
    app = api.owner.add_application(f)
    ifcopenshell.api.owner.settings.get_user = lambda file: (file.by_type("IfcPersonAndOrganization") or [None])[0]
    ifcopenshell.api.owner.settings.get_application = lambda file: (file.by_type("IfcApplication") or [None])[0]
    assert user and app


# -- the models ----------------------------------------------------------------------------

def flat_room(path: Path, unit: str = "MILLIMETERS", net_floor_area_m2: float | None = None) -> Path:
    """Bedroom 1: 4 x 3 m, 2.4 m high (12 m² by hand)."""
    m = Model(unit)
    sp = m.space("B1", "Bedroom 1")
    m.extruded(sp, [(0, 0), (4, 0), (4, 3), (0, 3)], 2.4)
    if net_floor_area_m2 is not None:
        m.qto(sp, NetFloorArea=net_floor_area_m2)  # the area unit stays m²
    return m.write(path)


def room_with_column(path: Path) -> Path:
    """Living room 4 x 3 m round a 0.4 x 0.4 m column: 12 - 0.16 = 11.84 m²."""
    m = Model()
    sp = m.space("L1", "Living room")
    m.extruded(sp, [(0, 0), (4, 0), (4, 3), (0, 3)], 2.5,
               holes_m=[[(1.8, 1.3), (2.2, 1.3), (2.2, 1.7), (1.8, 1.7)]])
    return m.write(path)


def two_spaces_and_door(path: Path, boundaries: bool = True) -> Path:
    """Bedroom (x 0..4) and hall (x 4.1..6.1), both 3 m deep, a 0.1 m wall between; a
    0.9 m door in the wall from y = 1.0 to 1.9, with or without space boundaries."""
    m = Model()
    bed = m.space("B1", "Bedroom")
    hall = m.space("H1", "Hall")
    m.extruded(bed, [(0, 0), (4, 0), (4, 3), (0, 3)], 2.4)
    m.extruded(hall, [(4.1, 0), (6.1, 0), (6.1, 3), (4.1, 3)], 2.4)
    # local x along +y from (4.0, 1.0); local y = z x x = -x, so the body spans x 4.0..4.1
    door = m.door("D1", (4.0, 1.0, 0.0), (0.0, 1.0, 0.0), 0.9, 0.1)
    if boundaries:
        m.boundary(bed, door)
        m.boundary(hall, door)
    return m.write(path)


def space_without_body(path: Path) -> Path:
    """Store: a 3 x 2 m footprint curve only (6 m²), Height 2500 mm in its quantities."""
    m = Model()
    sp = m.space("S1", "Store")
    m.footprint_only(sp, [(0, 0), (3, 0), (3, 2), (0, 2)])
    m.qto(sp, Height=2500.0)
    return m.write(path)


#: the attic: 6 m across (x), 4 m deep (y), eaves 1.0 m high at x = 0 and x = 6, ridge
#: 2.8 m at x = 3. Height h(x) = 1.0 + 0.6 x up to the ridge, so h >= 1.5 m from
#: x = 0.5 / 0.6 = 5/6 m to 6 - 5/6 m: counted width 6 - 5/3 = 13/3 m, area 52/3 m²
ATTIC_GROSS = 24.0
ATTIC_COUNTED = 52.0 / 3.0
ATTIC_VERTS = [(0, 0, 0), (6, 0, 0), (6, 4, 0), (0, 4, 0),
               (0, 0, 1.0), (6, 0, 1.0), (6, 4, 1.0), (0, 4, 1.0),
               (3, 0, 2.8), (3, 4, 2.8)]
#: each face anticlockwise seen from outside the body
ATTIC_FACES = [[0, 3, 2, 1],        # floor, facing down
               [0, 1, 5, 8, 4],     # gable end y = 0
               [3, 7, 9, 6, 2],     # gable end y = 4
               [0, 4, 7, 3],        # knee wall x = 0
               [1, 2, 6, 5],        # knee wall x = 6
               [4, 8, 9, 7],        # roof slope, west
               [8, 5, 6, 9]]        # roof slope, east


def attic(path: Path, storey_elevation_m: float = 0.0) -> Path:
    """Bedroom 3 in a roof space (see :data:`ATTIC_VERTS`), on the first floor."""
    m = Model(storeys=(("Ground floor", 0.0), ("First floor", storey_elevation_m)))
    sp = m.space("B3", "Bedroom 3", storey=1)
    z = storey_elevation_m
    m.mesh(sp, [(x, y, h + z) for x, y, h in ATTIC_VERTS], ATTIC_FACES)
    return m.write(path)


def bathroom_with_fittings(path: Path) -> Path:
    """Bathroom 2.4 x 2.6 m: a 1.7 x 0.7 m bath along x = 0..1.7, y = 0..0.7; a WC
    0.4 x 0.7 m at x 2.0..2.4, y 1.9..2.6; a wall cabinet 0.6 x 0.3 m hung 1.5 m up
    (no obstacle); a towel chair named "Chair" (furniture) 0.4 x 0.4 m at x 1.0..1.4,
    y 2.2..2.6."""
    m = Model()
    sp = m.space("BA1", "Bathroom")
    m.extruded(sp, [(0, 0), (2.4, 0), (2.4, 2.6), (0, 2.6)], 2.4)
    m.fitting("IfcSanitaryTerminal", "Bath 1700", [(0, 0), (1.7, 0), (1.7, 0.7), (0, 0.7)], 0.55,
              predefined="BATH")
    m.fitting("IfcSanitaryTerminal", "Pan", [(2.0, 1.9), (2.4, 1.9), (2.4, 2.6), (2.0, 2.6)], 0.4,
              predefined="TOILETPAN")
    m.fitting("IfcFurniture", "Wall cabinet", [(0, 2.3), (0.6, 2.3), (0.6, 2.6), (0, 2.6)], 0.7,
              z0_m=1.5)
    m.fitting("IfcFurniture", "Chair", [(1.0, 2.2), (1.4, 2.2), (1.4, 2.6), (1.0, 2.6)], 0.9)
    return m.write(path)


# -- the models are what they say (read with IfcOpenShell alone) -----------------------------

def _verts(path: Path, cls: str = "IfcSpace") -> np.ndarray:
    import ifcopenshell.geom

    f = ifcopenshell.open(str(path))
    s = ifcopenshell.geom.settings()
    s.set("use-world-coords", True)
    shape = ifcopenshell.geom.create_shape(s, f.by_type(cls)[0])
    return np.asarray(shape.geometry.verts).reshape(-1, 3)


def test_flat_room_model_is_4_by_3_by_2_4(tmp_path):
    v = _verts(flat_room(tmp_path / "flat.ifc"))
    assert np.allclose(v.min(axis=0), (0, 0, 0)) and np.allclose(v.max(axis=0), (4, 3, 2.4))


def test_attic_model_spans_its_box_and_ridge(tmp_path):
    v = _verts(attic(tmp_path / "attic.ifc", storey_elevation_m=2.7))
    assert np.allclose(v.min(axis=0), (0, 0, 2.7)) and np.allclose(v.max(axis=0), (6, 4, 5.5))


def test_door_model_fills_the_wall_between_the_rooms(tmp_path):
    v = _verts(two_spaces_and_door(tmp_path / "door.ifc"), "IfcDoor")
    assert np.allclose(v.min(axis=0), (4.0, 1.0, 0)) and np.allclose(v.max(axis=0), (4.1, 1.9, 2.1))
