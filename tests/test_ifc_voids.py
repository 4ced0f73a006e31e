"""Roof spaces and voids with no floor use are no rooms (issue 16: the Duplex's "Roof").

A model built in code: a bedroom 4 x 3 m on the ground floor, and over it on the first
floor an attic space (the attic of :mod:`tests.test_ifc_models`, 6 x 4 m, 24 m²) under
several names. Figures are worked by hand from the coordinates.
"""

from __future__ import annotations

import pytest

pytest.importorskip("ifcopenshell")

import ifcopenshell.api.group  # noqa: E402
import ifcopenshell.api.root  # noqa: E402

from floorplan.doubts import unknown_use  # noqa: E402
from floorplan.errors import PlanReadError  # noqa: E402
from floorplan.io import read_plan  # noqa: E402
from floorplan.io.ifc.voids import void_word  # noqa: E402
from floorplan.measure import measure  # noqa: E402
from floorplan.model import Use  # noqa: E402
from tests import test_ifc_models as models  # noqa: E402


@pytest.mark.parametrize(("names", "void"), [
    (("Roof", "R301"), "Roof"),             # the Duplex's: LongName "Roof", Name "R301"
    (("Roof void 2",), "Roof void 2"),
    (("Attic",), "Attic"),
    (("Unconverted loft space",), "Unconverted loft space"),
    (("Dachboden",), "Dachboden"),
    (("Spitzboden",), "Spitzboden"),
    (("Void",), "Void"),
    (("Loft room",), None),                 # a converted loft may be slept in
    (("Roof terrace",), None),              # outside space, not a void
    (("Room",), None),
    (("R301",), None),
    ((None, ""), None),
])
def test_names_made_of_roof_and_void_words_only(names, void):
    assert void_word(*names) == void


def two_storeys(attic_name: str, object_type: str | None = None) -> models.Model:
    m = models.Model(storeys=(("Ground floor", 0.0), ("First floor", 2.7)))
    bed = m.space("B1", "Bedroom")
    m.extruded(bed, [(0, 0), (4, 0), (4, 3), (0, 3)], 2.4)
    top = m.space("R1", attic_name, storey=1)
    if object_type is not None:
        top.ObjectType = object_type
    m.mesh(top, [(x, y, h + 2.7) for x, y, h in models.ATTIC_VERTS], models.ATTIC_FACES)
    flat = ifcopenshell.api.root.create_entity(m.f, ifc_class="IfcZone", name="Flat 1")
    ifcopenshell.api.group.assign_group(m.f, products=[bed, top], group=flat)
    return m


def test_a_roof_space_is_no_room_and_the_notes_say_so(tmp_path):
    plan = read_plan(two_storeys("Roof space").write(tmp_path / "roof.ifc"))
    assert [r.id for r in plan.rooms] == ["B1"]
    [note] = [n for n in plan.notes if "roof space or void" in n]
    assert "(R1)" in note and "'Roof space'" in note and "not a habitable room" in note
    assert unknown_use(plan.rooms) == []
    # the home's area is the bedroom's 12 m² alone, not 12 + 24
    assert measure(plan).dwellings["Flat 1"].gross_area == pytest.approx(12.0)


def test_a_loft_room_stays_a_room_of_unknown_use(tmp_path):
    plan = read_plan(two_storeys("Loft room").write(tmp_path / "loft.ifc"))
    assert sorted(r.id for r in plan.rooms) == ["B1", "R1"]
    assert [r.id for r in unknown_use(plan.rooms)] == ["R1"]
    assert measure(plan).dwellings["Flat 1"].gross_area == pytest.approx(36.0)  # 12 + 24


def test_an_attic_whose_object_type_gives_a_use_is_that_room(tmp_path):
    plan = read_plan(two_storeys("Attic", object_type="Bedroom").write(tmp_path / "attic.ifc"))
    room = plan.room("R1")
    assert room.use is Use.BEDROOM
    # counted under 1.5 m headroom as the attic model has it: 52/3 m² of the 24
    assert measure(plan).rooms["R1"].area == pytest.approx(models.ATTIC_COUNTED, abs=0.01)


def test_a_model_of_voids_alone_is_refused_with_their_names(tmp_path):
    m = models.Model()
    sp = m.space("V1", "Void")
    m.extruded(sp, [(0, 0), (4, 0), (4, 3), (0, 3)], 2.4)
    with pytest.raises(PlanReadError, match=r"all roof spaces or voids \(Void\)"):
        read_plan(m.write(tmp_path / "void.ifc"))
