"""Fitting kinds and entrance doors: named by the plan, read by both readers, written back.

The kinds (``Obstacle.kind``) the rules treat apart: kitchen units (M4(3) 3.32(b)),
liftways (3.29), wheelchair storage (3.25), showers (AD M Diagrams 3.10/3.11).
"""

from __future__ import annotations

import ezdxf
import pytest

from floorplan.fittings import fitting_kind, stated_kind
from floorplan.io import dxf
from floorplan.io.geojson import plan_to_geojson, read_data


@pytest.mark.parametrize("name, kind", [
    ("Kitchen units", "kitchen_unit"),
    ("KITCHEN-BASE-600", "kitchen_unit"),
    ("Worktop", "kitchen_unit"),
    ("Hob", "kitchen_unit"),
    ("sink", "kitchen_unit"),           # a sink is a kitchen's; a bathroom's is a basin
    ("A-FLOR-KITC", "kitchen_unit"),    # the AIA layer abbreviation
    ("KitchenUnit", "kitchen_unit"),    # camel case
    ("WHB", "basin"),
    ("Bath", "bath"),
    ("Bath/shower", "bath"),            # a shower over a bath is not a level-access shower
    ("Level access shower", "shower"),
    ("WC", "wc"),
    ("Through-floor lift", "liftway"),
    ("LIFT", "liftway"),
    ("Future lift (1100 x 1650)", "liftway"),
    ("Stair lift", None),               # a seat on the stair, not a liftway
    ("Wheelchair store", "wheelchair_storage"),
    ("WHEELCHAIR-STORAGE", "wheelchair_storage"),
    ("Double bed", "bed"),
    ("Wardrobe", "wardrobe"),
    ("Radiator", "radiator"),
    ("Sofa", "furniture"),
    ("obstacle", None),
    ("A-FLOR-FIXT", None),
    ("", None),
])
def test_fitting_kind_from_names(name, kind):
    assert fitting_kind(name) == kind


def test_first_name_that_says_a_kind_wins():
    assert fitting_kind("B-600", "Kitchen") == "kitchen_unit"    # a block name saying nothing, its layer
    assert fitting_kind(None, "A-FURN") == "furniture"


@pytest.mark.parametrize("value, kind", [
    ("kitchen_unit", "kitchen_unit"),
    ("Kitchen units", "kitchen_unit"),
    ("wheelchair storage", "wheelchair_storage"),
    ("liftway", "liftway"),
    ("hoist track", "hoist_track"),     # a kind of the plan's own is kept as given
    ("", None),
    (3, None),
])
def test_stated_kind(value, kind):
    assert stated_kind(value) == kind


def _feature(kind, geometry, **props):
    return {"type": "Feature", "properties": {"kind": kind, **props}, "geometry": geometry}


def _square(x, y, w, h):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]]}


def _geojson():
    return {"type": "FeatureCollection", "floorplan": {"units": "m"}, "features": [
        _feature("room", _square(0, 0, 4, 3), id="K", name="Kitchen"),
        _feature("room", _square(4.1, 0, 1.2, 3), id="H", name="Hall"),
        _feature("obstacle", _square(0, 0, 3, 0.6), name="Worktop"),                    # from the name
        _feature("obstacle", _square(0, 2.4, 0.6, 0.6), name="Unit 1", fitting="kitchen_unit"),
        _feature("obstacle", _square(3.0, 2.0, 1.0, 1.0), name="Tall unit", fitting="Kitchen units"),
        _feature("obstacle", _square(4.1, 2.0, 1.2, 0.5), name="Coats"),                # no kind
        _feature("obstacle", _square(1.5, 1.0, 1.1, 1.65), name="Future lift"),
        _feature("door", {"type": "Point", "coordinates": [4.7, -0.05]}, id="D1", entrance=True),
        _feature("door", {"type": "Point", "coordinates": [4.05, 1.5]}, id="D2"),
        _feature("door", {"type": "Point", "coordinates": [5.35, 1.5]}, id="D3", entrance="yes"),
    ]}


def test_geojson_obstacle_kinds_and_entrance_doors():
    plan = read_data(_geojson())
    assert [(o.name, o.kind) for o in plan.obstacles] == [
        ("Worktop", "kitchen_unit"), ("Unit 1", "kitchen_unit"), ("Tall unit", "kitchen_unit"),
        ("Coats", None), ("Future lift", "liftway")]
    assert [(d.id, d.entrance) for d in plan.doors] == [("D1", True), ("D2", False), ("D3", True)]


def test_geojson_round_trip_keeps_kinds_and_entrances():
    plan = read_data(_geojson())
    out = plan_to_geojson(plan)
    obst = [f["properties"] for f in out["features"] if f["properties"]["kind"] == "obstacle"]
    assert [p.get("fitting") for p in obst] == ["kitchen_unit", "kitchen_unit", "kitchen_unit", None,
                                                "liftway"]
    doors = [f["properties"] for f in out["features"] if f["properties"]["kind"] == "door"]
    assert [p.get("entrance", False) for p in doors] == [True, False, True]
    again = read_data(out)
    assert [(o.name, o.kind) for o in again.obstacles] == [(o.name, o.kind) for o in plan.obstacles]
    assert [(d.id, d.entrance) for d in again.doors] == [(d.id, d.entrance) for d in plan.doors]


def test_dxf_fitting_kinds_from_block_names_and_layers(tmp_path):
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()

    def rect(x, y, w, h, layer, block=None):
        pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
        target = msp if block is None else block   # an empty block is falsy
        target.add_lwpolyline(pts, close=True, dxfattribs={"layer": layer})

    rect(0, 0, 4000, 3000, "A-AREA")
    msp.add_text("Kitchen", height=200, dxfattribs={"layer": "A-AREA-IDEN"}).set_placement((2000, 1500))
    hob = doc.blocks.new("HOB-600")
    rect(0, 0, 600, 600, "0", hob)
    msp.add_blockref("HOB-600", (0, 0), dxfattribs={"layer": "A-FLOR-FIXT"})
    rect(600, 0, 2400, 600, "A-FLOR-KITC")          # a worktop outline on the kitchen layer
    rect(2800, 1800, 1100, 1650 - 500, "A-LIFT")    # a liftway outline (1.1 x 1.15 m)
    wc = doc.blocks.new("WC")
    rect(0, 0, 400, 700, "0", wc)
    msp.add_blockref("WC", (3500, 100), dxfattribs={"layer": "A-FLOR-FIXT"})
    door = doc.blocks.new("DOOR-ENTRANCE")
    door.add_arc((0, 0), 900, 0, 90)
    door.add_line((0, 0), (0, 900))
    msp.add_blockref("DOOR-ENTRANCE", (-50, 1000), dxfattribs={"layer": "A-DOOR", "rotation": 90})
    other = doc.blocks.new("DOOR-900")
    other.add_arc((0, 0), 900, 0, 90)
    other.add_line((0, 0), (0, 900))
    msp.add_blockref("DOOR-900", (4050, 1000), dxfattribs={"layer": "A-DOOR", "rotation": 90})
    path = tmp_path / "kitchen.dxf"
    doc.saveas(path)
    plan = dxf.read(path)
    kinds = sorted((o.name, o.kind) for o in plan.obstacles)
    assert kinds == [("A-FLOR-KITC", "kitchen_unit"), ("A-LIFT", "liftway"), ("HOB-600", "kitchen_unit"),
                     ("WC", "wc")]
    assert sorted((d.properties.get("block"), d.entrance) for d in plan.doors) == [
        ("DOOR-900", False), ("DOOR-ENTRANCE", True)]
    # and the GeoJSON written from the DXF says the same
    out = plan_to_geojson(plan)
    assert sorted(f["properties"].get("fitting") for f in out["features"]
                  if f["properties"]["kind"] == "obstacle") == ["kitchen_unit", "kitchen_unit", "liftway", "wc"]
