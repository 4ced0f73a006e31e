"""The DXF reader on small drawings built here with ezdxf, one per case.

Expected values are worked by hand in the comments, never copied from the program.
"""

from __future__ import annotations

import hashlib
import math

import ezdxf
import pytest

from floorplan.errors import PlanReadError
from floorplan.io import dxf
from floorplan.model import Use


def new(insunits: int = 4):
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = insunits
    return doc, doc.modelspace()


def rect(msp, x, y, w, h, layer="A-AREA", **kw):
    return msp.add_lwpolyline([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], close=True,
                              dxfattribs={"layer": layer, **kw})


def save(doc, tmp_path, name="plan.dxf"):
    p = tmp_path / name
    doc.saveas(p)
    return p


def label(msp, text, x, y, layer="A-AREA-IDEN", height=200):
    msp.add_text(text, height=height, dxfattribs={"layer": layer}).set_placement((x, y))


# ----------------------------------------------------------------------------- outlines


def test_bulge_bay_area_matches_hand_calculation(tmp_path):
    # 4 x 3 m rectangle with a semicircular bay of radius 1 m on the top edge:
    # 12 + pi * 1^2 / 2 = 13.5708 m²
    doc, msp = new()
    msp.add_lwpolyline([(0, 0, 0), (4000, 0, 0), (4000, 3000, 0), (3000, 3000, 1.0),
                        (1000, 3000, 0), (0, 3000, 0)], format="xyb", close=True,
                       dxfattribs={"layer": "A-AREA"})
    label(msp, "Lounge", 2000, 1500)
    plan = dxf.read(save(doc, tmp_path))
    (room,) = plan.rooms
    assert room.polygon.area == pytest.approx(12 + math.pi / 2, abs=0.01)
    assert room.polygon.bounds[3] == pytest.approx(4.0, abs=1e-3)  # top of the bay
    assert room.use is Use.LIVING and room.source == "outline"


def test_first_equals_last_is_closed_and_polyline_counts(tmp_path):
    # old-style POLYLINE, closed flag not set, first vertex repeated: 5 x 2 = 10 m²
    doc, msp = new(6)
    msp.add_polyline2d([(0, 0), (5, 0), (5, 2), (0, 2), (0, 0)], dxfattribs={"layer": "Rooms"})
    plan = dxf.read(save(doc, tmp_path))
    assert [round(r.polygon.area, 6) for r in plan.rooms] == [10.0]
    assert plan.rooms[0].name == "" and plan.rooms[0].use is Use.OTHER


def test_near_closed_outline_is_snapped_and_wide_gap_is_reported(tmp_path):
    doc, msp = new()
    # gap of 20 mm at the start: closed, FP001 warn; area about 3 x 3 = 9 m²
    msp.add_lwpolyline([(20, 0), (3000, 0), (3000, 3000), (0, 3000), (0, 0)],
                       dxfattribs={"layer": "A-AREA"})
    # gap of 1.5 m: skipped, FP001 naming the handle
    bad = msp.add_lwpolyline([(5000, 0), (8000, 0), (8000, 3000), (5000, 3000), (5000, 1500)],
                             dxfattribs={"layer": "A-AREA"})
    plan = dxf.read(save(doc, tmp_path))
    assert len(plan.rooms) == 1
    assert plan.rooms[0].polygon.area == pytest.approx(9.0, abs=0.05)
    fp1 = [f for f in plan.findings if f.code == "FP001"]
    assert len(fp1) == 2
    assert any(f.entity == bad.dxf.handle and "skipped" in f.message for f in fp1)


def test_stacked_hatches_count_once(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    for _ in range(2):
        h = msp.add_hatch(dxfattribs={"layer": "A-AREA"})
        h.paths.add_polyline_path([(0, 0), (4000, 0), (4000, 3000), (0, 3000)], is_closed=True)
    h = msp.add_hatch(dxfattribs={"layer": "A-AREA"})  # a second room only hatched: 2 x 3 = 6
    h.paths.add_polyline_path([(4100, 0), (6100, 0), (6100, 3000), (4100, 3000)], is_closed=True)
    plan = dxf.read(save(doc, tmp_path))
    assert sorted((r.source, round(r.polygon.area, 6)) for r in plan.rooms) == [
        ("hatch", 6.0), ("outline", 12.0)]
    assert any("duplicate" in n for n in plan.notes)


def test_outline_holding_others_is_an_envelope_not_a_room(tmp_path):
    doc, msp = new()
    rect(msp, -1000, -1000, 10000, 6000)  # plot
    rect(msp, 0, 0, 4000, 3000)
    rect(msp, 4100, 0, 3000, 3000)
    plan = dxf.read(save(doc, tmp_path))
    assert sorted(round(r.polygon.area, 6) for r in plan.rooms) == [9.0, 12.0]
    assert any("plot, building or level outline" in n for n in plan.notes)


# ----------------------------------------------------------------------------- blocks


def test_plan_inside_rotated_mirrored_and_nested_blocks(tmp_path):
    doc, msp = new()
    flat = doc.blocks.new("FLAT")
    rect(flat, 0, 0, 4000, 3000, layer="A-AREA")
    flat.add_text("Bedroom", height=200, dxfattribs={"layer": "A-AREA-IDEN"}).set_placement((1000, 1500))
    outer = doc.blocks.new("*U1" if False else "BUILDING")
    outer.add_blockref("FLAT", (0, 0), dxfattribs={"xscale": -1})  # mirrored: x in -4..0
    msp.add_blockref("FLAT", (10000, 0), dxfattribs={"rotation": 90})
    msp.add_blockref("BUILDING", (0, 10000))
    plan = dxf.read(save(doc, tmp_path))
    assert [r.name for r in plan.rooms] == ["Bedroom", "Bedroom"]
    rotated, mirrored = sorted(plan.rooms, key=lambda r: r.polygon.bounds[1])
    # rotated 90° about (10, 0): x from 10 - 3 = 7 to 10, y from 0 to 4
    assert rotated.polygon.bounds == pytest.approx((7.0, 0.0, 10.0, 4.0), abs=1e-6)
    # mirrored in x, then moved up 10 m: x -4..0, y 10..13
    assert mirrored.polygon.bounds == pytest.approx((-4.0, 10.0, 0.0, 13.0), abs=1e-6)
    assert all(r.polygon.area == pytest.approx(12.0) for r in plan.rooms)


def test_door_block_fittings_meter_and_aerial(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    rect(msp, 4100, 0, 3000, 3000)
    label(msp, "Bedroom 1", 1500, 1500)
    label(msp, "Kitchen", 5000, 1500)
    door = doc.blocks.new("DOOR-900")
    door.add_arc((0, 0), 900, 0, 90)
    door.add_line((0, 0), (0, 900))
    # hinge at (4050, 1000) in the partition, closed leaf along +y: rotate 90°
    msp.add_blockref("DOOR-900", (4050, 1000), dxfattribs={"layer": "A-DOOR", "rotation": 90})
    wc = doc.blocks.new("WC")
    wc.add_lwpolyline([(0, 0), (400, 0), (400, 700), (0, 700)], close=True)
    msp.add_blockref("WC", (100, 100), dxfattribs={"layer": "A-FLOR-FIXT"})
    doc.blocks.new("GAS METER").add_circle((0, 0), 100)
    msp.add_blockref("GAS METER", (300, 2800))
    msp.add_text("TV", height=100).set_placement((3500, 2800))
    plan = dxf.read(save(doc, tmp_path))
    (d,) = plan.doors
    # the closed leaf runs (4050, 1000)-(4050, 1900): middle (4.05, 1.45), 0.9 m wide
    assert (d.geometry.x, d.geometry.y, d.width) == pytest.approx((4.05, 1.45, 0.9))
    (o,) = plan.obstacles
    assert o.name == "WC" and o.polygon.bounds == pytest.approx((0.1, 0.1, 0.5, 0.8))
    assert [(m.utility, m.point.x, m.point.y) for m in plan.meters] == [("gas", 0.3, pytest.approx(2.8))]
    assert [(a.point.x, pytest.approx(a.point.y)) for a in plan.aerials] == [(3.5, 2.8)]


def test_loose_door_arcs_on_door_layer(tmp_path):
    doc, msp = new(6)
    rect(msp, 0, 0, 4, 3)
    rect(msp, 4.1, 0, 3, 3)
    msp.add_arc((4.05, 1.0), 0.8, 90, 180, dxfattribs={"layer": "Doors"})
    msp.add_arc((4.05, 1.0), 0.05, 90, 180, dxfattribs={"layer": "Doors"})  # too small: not a door
    plan = dxf.read(save(doc, tmp_path))
    (d,) = plan.doors
    # ends (4.05, 1.8) [in the wall] and (3.25, 1.0) [in the room]: closed leaf middle (4.05, 1.4)
    assert (d.geometry.x, d.geometry.y, d.width) == pytest.approx((4.05, 1.4, 0.8))


# ----------------------------------------------------------------------------- units


def test_centimetres_without_units_are_recognised(tmp_path):
    doc, msp = new(0)
    rect(msp, 0, 0, 400, 300, layer="Rooms")       # 4 x 3 m = 12 m²
    rect(msp, 410, 0, 300, 300, layer="Rooms")     # 3 x 3 m = 9 m²
    msp.add_arc((405, 100), 90, 90, 180, dxfattribs={"layer": "Doors"})
    plan = dxf.read(save(doc, tmp_path))
    assert plan.meta.units == "cm"
    assert sorted(round(r.polygon.area, 6) for r in plan.rooms) == [9.0, 12.0]
    (fp6,) = [f for f in plan.findings if f.code == "FP006"]
    assert "centimetres" in fp6.message and "centimetres" in plan.meta.units_reason


def test_wrong_insunits_is_overridden_and_units_flag_wins(tmp_path):
    doc, msp = new(1)  # says inches; drawn in metres
    rect(msp, 0, 0, 4, 3, layer="Rooms")
    rect(msp, 4.1, 0, 3, 3, layer="Rooms")
    msp.add_arc((4.05, 1.0), 0.9, 90, 180, dxfattribs={"layer": "Doors"})
    p = save(doc, tmp_path)
    plan = dxf.read(p)
    # doors 0.9 and rooms of 12 and 9 m² in metres; in inches doors of 23 mm and rooms of
    # 0.008 m²: strong evidence against the header, so it is overruled, and the plan fails
    # FP007 until the units are confirmed
    assert plan.meta.units == "m"
    (fp7,) = [f for f in plan.findings if f.code == "FP007"]
    assert fp7.status == "fail" and "inches" in fp7.message and "--units m" in fp7.message
    confirmed = dxf.read(p, units="m")  # the user confirms: no finding, the header noted
    assert confirmed.meta.units == "m" and confirmed.meta.units_reason.startswith("--units")
    assert not any(f.code in ("FP006", "FP007") for f in confirmed.findings)
    forced = dxf.read(p, units="mm", require_rooms=False)  # --units always wins ...
    assert forced.meta.units == "mm" and forced.meta.units_reason.startswith("--units mm, but")
    # ... but 4 x 3 mm rooms contradict the drawing: FP007 fails
    assert [f.status for f in forced.findings if f.code == "FP007"] == ["fail"]


def test_declared_plausible_units_give_no_finding(tmp_path):
    doc, msp = new(4)
    rect(msp, 0, 0, 4000, 3000)
    plan = dxf.read(save(doc, tmp_path))
    assert plan.meta.units == "mm" and "declared" in plan.meta.units_reason
    assert not any(f.code == "FP006" for f in plan.findings)


def test_huge_coordinates_are_read_from_a_local_origin(tmp_path):
    doc, msp = new(4)
    x0, y0 = 530_000_000.0, 180_000_000.0  # a national-grid position in mm (530 km, 180 km)
    rect(msp, x0, y0, 4000, 3000)
    rect(msp, x0 + 4100, y0, 3000, 3000)
    plan = dxf.read(save(doc, tmp_path))
    assert sorted(round(r.polygon.area, 6) for r in plan.rooms) == [9.0, 12.0]
    assert plan.meta.origin == pytest.approx((530_000.0, 180_000.0))
    assert max(abs(c) for r in plan.rooms for c in r.polygon.bounds) < 10


# ----------------------------------------------------------------------------- names


def test_mtext_formatting_removed_and_split_label_joined(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    rect(msp, 4100, 0, 3000, 3000)
    msp.add_mtext("{\\fArial|b1|i0;\\C1;KITCHEN}\\P{\\H0.7x;DINER}\\P12.00 m²",
                  dxfattribs={"layer": "A-AREA-IDEN", "char_height": 200}).set_location((1000, 2000))
    label(msp, "Master", 5000, 1800)
    label(msp, "Bedroom", 5000, 1500)
    label(msp, "3000", 5000, 1000)              # a dimension, not a name
    label(msp, "ROOM SCHEDULE", 20000, 20000)   # outside every room: ignored
    plan = dxf.read(save(doc, tmp_path))
    a, b = sorted(plan.rooms, key=lambda r: r.polygon.bounds[0])
    assert (a.name, a.use) == ("KITCHEN DINER", Use.KITCHEN_DINING)
    assert (b.name, b.use) == ("Master Bedroom", Use.BEDROOM)
    assert any("outside every room" in n for n in plan.notes)


def test_stated_area_far_from_measured_is_reported(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)  # 12 m²
    label(msp, "Bedroom 1", 1000, 2000)
    label(msp, "14.5 m2", 1000, 1500)
    rect(msp, 4100, 0, 3000, 3000)  # 9 m²
    label(msp, "Bedroom 2", 5000, 2000)
    label(msp, "97 SF", 5000, 1500)  # 97 ft² = 9.01 m²: agrees
    plan = dxf.read(save(doc, tmp_path))
    # 14.5 against 12 m² is 17 % apart: FP008 naming the room, both figures and the text
    (fp8,) = [f for f in plan.findings if f.code == "FP008"]
    b1 = next(r for r in plan.rooms if r.name == "Bedroom 1")
    assert fp8.rooms == (b1.id,) and fp8.status == "warn"
    assert "'14.5 m2'" in fp8.message and "14.50" in fp8.message and "12.00" in fp8.message
    assert [(s.kind, s.area_m2) for s in b1.stated] == [("area", 14.5)]
    b2 = next(r for r in plan.rooms if r.name == "Bedroom 2")
    assert b2.stated[0].area_m2 == pytest.approx(97 * 0.09290304, abs=0.01)


@pytest.mark.parametrize("tag, level", [
    ("12.4 m2", "high"),     # 3 % over the 12 m² outline: the figure agrees
    ("12.9 m2", "medium"),   # 7.5 %: FP008, and the outline not sure (the way the figure was
                             # measured may explain it: into the door recesses)
    ("14.5 m2", "low"),      # 21 %: beyond the 10 % doubt, neither can be told right
])
def test_a_stated_area_apart_from_the_outline_lowers_its_confidence(tmp_path, tag, level):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)  # 12 m²
    label(msp, "Bedroom 1", 1000, 2000)
    label(msp, tag, 1000, 1500)
    plan = dxf.read(save(doc, tmp_path))
    (b1,) = plan.rooms
    assert b1.confidence == level
    assert bool([f for f in plan.findings if f.code == "FP008"]) is (level != "high")
    if level != "high":
        assert tag in b1.confidence_reason


def test_layer_names_name_rooms(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000, layer="Room - Kitchen")
    rect(msp, 4100, 0, 3000, 3000, layer="Room - Bedroom 2")
    plan = dxf.read(save(doc, tmp_path))
    assert sorted((r.name, r.use) for r in plan.rooms) == [
        ("Bedroom 2", Use.BEDROOM), ("Kitchen", Use.KITCHEN)]


def test_height_texts_set_ceiling_even_with_wrong_suffix(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    rect(msp, 4100, 0, 3000, 3000)
    rect(msp, 7200, 0, 3000, 3000)
    label(msp, "Bedroom 1", 1000, 2000)
    label(msp, "H=2.60", 1000, 1000)
    label(msp, "Bedroom 2", 5000, 2000)
    label(msp, "H=2.40mm", 5000, 1000)       # wrong suffix: 2.40 m is meant
    label(msp, "Store", 8000, 2000)
    label(msp, "CH 2300", 8000, 1000)        # millimetres: 2.3 m
    plan = dxf.read(save(doc, tmp_path))
    got = {r.name: r.ceiling_height for r in plan.rooms}
    assert got == pytest.approx({"Bedroom 1": 2.6, "Bedroom 2": 2.4, "Store": 2.3})


def test_wheelchair_markings(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    rect(msp, 4100, 0, 3000, 3000)
    rect(msp, 7200, 0, 3000, 3000)
    label(msp, "Bedroom 1 (wheelchair)", 500, 2000)
    label(msp, "Bathroom", 5000, 2000)
    label(msp, "WHEELCHAIR", 5000, 1000)
    label(msp, "Bedroom 2", 8000, 2000)
    plan = dxf.read(save(doc, tmp_path))
    got = {r.name: r.wheelchair for r in plan.rooms}
    assert got == {"Bedroom 1 (wheelchair)": True, "Bathroom": True, "Bedroom 2": False}


def test_room_tag_block_attributes(tmp_path):
    doc, msp = new()
    tag = doc.blocks.new("ROOMTAG")
    for i, t in enumerate(("NAME", "ID", "DWELLING")):
        tag.add_attdef(t, (0, -250 * i), dxfattribs={"height": 180})
    rect(msp, 0, 0, 4000, 3000)
    ref = msp.add_blockref("ROOMTAG", (1000, 2000), dxfattribs={"layer": "A-AREA-IDEN"})
    ref.add_auto_attribs({"NAME": "Bedroom", "ID": "F1.2", "DWELLING": "Flat 1"})
    plan = dxf.read(save(doc, tmp_path))
    (r,) = plan.rooms
    assert (r.id, r.name, r.use, r.dwelling) == ("F1.2", "Bedroom", Use.BEDROOM, "Flat 1")


# ----------------------------------------------------------------------------- walls


def _two_rooms_with_partition(msp, door: bool):
    # room A [0,4]x[0,3], room B [4.1,8.1]x[0,3] (metres), partition 0.1 m thick,
    # opening y in [1.0, 1.9] with jambs across the partition
    L = "Walls"
    msp.add_lwpolyline([(4, 1), (4, 0), (0, 0), (0, 3), (4, 3), (4, 1.9)], dxfattribs={"layer": L})
    msp.add_lwpolyline([(4.1, 1), (4.1, 0), (8.1, 0), (8.1, 3), (4.1, 3), (4.1, 1.9)],
                       dxfattribs={"layer": L})
    msp.add_line((4, 1), (4.1, 1), dxfattribs={"layer": L})
    msp.add_line((4, 1.9), (4.1, 1.9), dxfattribs={"layer": L})
    if door:  # hinge in the middle of the wall, closed leaf along +y, open leaf into room A
        msp.add_arc((4.05, 1.0), 0.9, 90, 180, dxfattribs={"layer": "Doors"})
        msp.add_line((4.05, 1.0), (3.15, 1.0), dxfattribs={"layer": "Doors"})


def test_walls_only_rooms_sealed_at_the_door(tmp_path):
    doc, msp = new(6)
    _two_rooms_with_partition(msp, door=True)
    msp.add_text("Bedroom", height=0.2, dxfattribs={"layer": "Text"}).set_placement((1, 2))
    msp.add_text("Kitchen", height=0.2, dxfattribs={"layer": "Text"}).set_placement((6, 2))
    plan = dxf.read(save(doc, tmp_path))
    # the opening is sealed along both wall faces (x = 4 and x = 4.1), so each room's
    # outline runs along its wall face across the door: 4 x 3 = 12 m² each
    got = sorted((r.name, r.source, round(r.polygon.area, 3)) for r in plan.rooms)
    assert got == [("Bedroom", "walls", 12.0), ("Kitchen", "walls", 12.0)]
    (d,) = plan.doors
    assert (d.geometry.x, d.geometry.y) == pytest.approx((4.05, 1.45))


def test_walls_only_bare_opening_between_jambs_is_a_door(tmp_path):
    doc, msp = new(6)
    _two_rooms_with_partition(msp, door=False)
    plan = dxf.read(save(doc, tmp_path))
    # jambs (4, 1)-(4.1, 1) and (4, 1.9)-(4.1, 1.9) face each other 0.9 m apart with nothing
    # between: sealed along both wall faces, so two rooms of 4 x 3 = 12 m²; the door
    # stands at the middle of the opening, on the wall's centre line x = 4.05
    assert sorted(round(r.polygon.area, 3) for r in plan.rooms) == [12.0, 12.0]
    (d,) = plan.doors
    assert (d.geometry.x, d.geometry.y, d.width) == pytest.approx((4.05, 1.45, 0.9))
    assert d.properties["from"] == "opening"


def test_walls_only_window_with_glazing_is_not_a_door(tmp_path):
    doc, msp = new(6)
    _two_rooms_with_partition(msp, door=False)
    msp.add_line((4.05, 1.0), (4.05, 1.9), dxfattribs={"layer": "A-GLAZ"})  # glass in the gap
    plan = dxf.read(save(doc, tmp_path))
    assert sorted(round(r.polygon.area, 3) for r in plan.rooms) == [12.0, 12.0]
    assert plan.doors == ()


# ----------------------------------------------------------------------------- levels, ceilings


def test_two_plans_side_by_side_become_levels(tmp_path):
    doc, msp = new()
    for lv, x0 in ((0, 0), (1, 30000)):
        for k in range(3):
            rect(msp, x0 + k * 4100, 0, 4000, 3000)
            label(msp, f"Bedroom {lv * 3 + k + 1}", x0 + k * 4100 + 500, 1500)
    plan = dxf.read(save(doc, tmp_path))
    levels = {r.name: r.level for r in plan.rooms}
    assert levels == {"Bedroom 1": 0, "Bedroom 2": 0, "Bedroom 3": 0,
                      "Bedroom 4": 1, "Bedroom 5": 1, "Bedroom 6": 1}


def test_sloped_ceiling_from_3d_polyline_and_3dface(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    msp.add_polyline3d([(0, 0, 2400), (4000, 0, 2400), (4000, 3000, 900), (0, 3000, 900)],
                       close=True, dxfattribs={"layer": "A-CLNG"})
    msp.add_3dface([(0, 0, 2000), (1000, 0, 2000), (1000, 1000, 2000)], dxfattribs={"layer": "Ceiling"})
    plan = dxf.read(save(doc, tmp_path))
    heights = sorted(c.heights for c in plan.ceilings)
    assert heights == [(2.0, 2.0, 2.0), (2.4, 2.4, 0.9, 0.9)]


# ----------------------------------------------------------------------------- layer map


def test_layer_map_extends_and_replaces(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000, layer="ZIMMER")
    label(msp, "Bedroom", 1000, 1000)
    p = save(doc, tmp_path)
    lm = tmp_path / "office.toml"
    lm.write_text('[layers]\nroom = ["zimmer"]\nwall = { replace = ["a-wall-full"] }\n')
    plan = dxf.read(p, layer_map=lm)
    assert [(r.name, r.source) for r in plan.rooms] == [("Bedroom", "outline")]


@pytest.mark.parametrize("text, says", [
    ("[layers\nroom = 1", "not valid TOML"),
    ('[layers]\nbathtub = ["x"]', "unknown kind"),
    ('[layers]\nroom = 3', "list of names"),
    ('[colours]\nroom = ["x"]', "unknown table"),
])
def test_bad_layer_map_is_one_clear_error(tmp_path, text, says):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    p = save(doc, tmp_path)
    lm = tmp_path / "bad.toml"
    lm.write_text(text)
    with pytest.raises(PlanReadError, match=says) as exc:
        dxf.read(p, layer_map=lm)
    assert "\n" not in str(exc.value) and "bad.toml" in str(exc.value)


# ----------------------------------------------------------------------------- bad input


def test_garbage_is_a_plan_read_error_and_input_is_untouched(tmp_path):
    p = tmp_path / "junk.dxf"
    p.write_bytes(b"0\nSECTION\n2\nENTITIES\n0\nLINE\n8\n")
    before = hashlib.sha256(p.read_bytes()).hexdigest()
    with pytest.raises(PlanReadError) as exc:
        dxf.read(p)
    assert "junk.dxf" in str(exc.value) and "\n" not in str(exc.value)
    assert hashlib.sha256(p.read_bytes()).hexdigest() == before


def test_missing_file_and_no_rooms(tmp_path):
    with pytest.raises(PlanReadError, match="no such file"):
        dxf.read(tmp_path / "nope.dxf")
    doc, msp = new()
    msp.add_circle((0, 0), 100, dxfattribs={"layer": "Furniture"})
    p = save(doc, tmp_path)
    with pytest.raises(PlanReadError, match="no rooms found"):
        dxf.read(p)
    plan = dxf.read(p, require_rooms=False)
    assert plan.rooms == ()


def test_double_door_block_and_flat_ceiling_outline(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    rect(msp, 4100, 0, 3000, 3000, layer="Space - Bedroom 2")
    label(msp, "Lounge", 500, 2500)
    dd = doc.blocks.new("DOOR-DOUBLE")  # two 700 mm leaves hinged 1400 mm apart along +x
    dd.add_arc((0, 0), 700, 0, 90)
    dd.add_line((0, 0), (0, 700))
    dd.add_arc((1400, 0), 700, 90, 180)
    dd.add_line((1400, 0), (1400, 700))
    msp.add_blockref("DOOR-DOUBLE", (1000, -50), dxfattribs={"layer": "A-DOOR"})
    # a flat ceiling over part of the lounge: closed 2D outline on a ceiling layer, H text in it
    rect(msp, 0, 0, 1000, 3000, layer="A-CLNG")
    label(msp, "H=2.10", 200, 1500, layer="A-CLNG")
    plan = dxf.read(save(doc, tmp_path))
    (d,) = plan.doors
    # closed leaves (1.0,-0.05)-(1.7,-0.05) and (2.4,-0.05)-(1.7,-0.05): middle (1.7, -0.05), 1.4 wide
    assert (d.geometry.x, d.geometry.y, d.width) == pytest.approx((1.7, -0.05, 1.4))
    (c,) = plan.ceilings
    assert c.height == pytest.approx(2.1) and c.polygon.area == pytest.approx(3.0)
    assert sorted(r.name for r in plan.rooms) == ["Bedroom 2", "Lounge"]
    assert all(r.ceiling_height is None for r in plan.rooms)  # the H text is the ceiling's


def test_cli_gives_exit_2_and_one_line_for_bad_dxf_and_bad_layer_map(tmp_path):
    from click.testing import CliRunner

    from floorplan.cli import cli

    junk = tmp_path / "junk.dxf"
    junk.write_text("0\nSECTION\n2\nENTITIES\n0\nLINE\n8\n")
    res = CliRunner().invoke(cli, ["check", str(junk), "--format", "json"])
    assert res.exit_code == 2 and "Traceback" not in res.output
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    good = save(doc, tmp_path)
    lm = tmp_path / "bad.toml"
    lm.write_text('[layers]\nbathtub = ["x"]\n')
    res = CliRunner().invoke(cli, ["check", str(good), "--layer-map", str(lm), "--format", "json"])
    assert res.exit_code == 2 and "unknown kind" in res.output


def test_door_leaf_without_swing(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    rect(msp, 4100, 0, 3000, 3000)
    # an open leaf, 800 mm, drawn from its hinge (4050, 1000) in the partition into room A.
    # The opening may run up or down the wall from the hinge (both sides lie in the wall):
    # that cannot be told, so the hinge stands for the door
    msp.add_line((4050, 1000), (3250, 1000), dxfattribs={"layer": "A-DOOR"})
    plan = dxf.read(save(doc, tmp_path))
    (d,) = plan.doors
    assert d.width == pytest.approx(0.8)
    assert (d.geometry.x, d.geometry.y) == pytest.approx((4.05, 1.0))


@pytest.mark.parametrize("rotation, xscale, yscale", [
    (0, 1, 1), (17.5, 1, 1), (90, 1, 1), (233, 1, 1), (0, -1, 1), (45, 1, -1), (120, -2, 2),
])
def test_bay_area_is_the_same_in_any_block_placement(tmp_path, rotation, xscale, yscale):
    # the bulge bay of the first test (12 + pi/2 m² at scale 1) placed in a block: the area
    # scales with |xscale * yscale| and nothing else
    doc, msp = new()
    blk = doc.blocks.new("BAY-ROOM")
    blk.add_lwpolyline([(0, 0, 0), (4000, 0, 0), (4000, 3000, 0), (3000, 3000, 1.0),
                        (1000, 3000, 0), (0, 3000, 0)], format="xyb", close=True,
                       dxfattribs={"layer": "A-AREA"})
    msp.add_blockref("BAY-ROOM", (123456, -7890), dxfattribs={
        "rotation": rotation, "xscale": xscale, "yscale": yscale})
    plan = dxf.read(save(doc, tmp_path))
    (room,) = plan.rooms
    assert room.polygon.area == pytest.approx((12 + math.pi / 2) * abs(xscale * yscale), abs=0.01)


def test_rooms_drawn_as_loose_lines_on_a_room_layer(tmp_path):
    doc, msp = new()
    for a, b in [((0, 0), (4000, 0)), ((4000, 0), (4000, 3000)), ((4000, 3000), (0, 3000)),
                 ((0, 3000), (0, 0))]:
        msp.add_line(a, b, dxfattribs={"layer": "Rooms"})
    label(msp, "Office", 1000, 1000)
    plan = dxf.read(save(doc, tmp_path))
    assert [(r.name, r.source, round(r.polygon.area, 6)) for r in plan.rooms] == [
        ("Office", "outline", 12.0)]


def test_plan_facts_from_drawing_properties(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    doc.header.custom_vars.append("scheme", "shared_house")
    doc.header.custom_vars.append("Tenants", "4")
    p = save(doc, tmp_path)
    plan = dxf.read(p)
    assert (plan.meta.scheme, plan.meta.tenants) == ("shared_house", 4)
    doc.header.custom_vars.append("scheme", "castle")
    with pytest.raises(PlanReadError, match="unknown scheme"):
        dxf.read(save(doc, tmp_path, "bad.dxf"))


@pytest.mark.parametrize("rotation, xscale, extrusion", [
    (0, 1, (0, 0, 1)), (90, 1, (0, 0, 1)), (33.3, -2, (0, 0, 1)), (270, 1, (0, 0, -1)),
])
def test_block_copies_equal_direct_expansion(monkeypatch, rotation, xscale, extrusion):
    # a block with a base point, placed three times in one pose: each copy of the block
    # expanded once must hold what ezdxf's own expansion of that INSERT gives
    import numpy as np

    from floorplan.io.dxf.collect import modelspace as dxf_collect

    doc, msp = new()
    blk = doc.blocks.new("DOOR", base_point=(50, 30))
    blk.add_line((0, 0), (0, 900))
    blk.add_arc((0, 0), 900, 0, 90)
    blk.add_text("D", dxfattribs={"layer": "0"}).set_placement((10, 10))
    for x, y in ((1000, 2000), (-3500.5, 7.25), (123456, -7890)):
        msp.add_blockref("DOOR", (x, y, 10), dxfattribs={
            "layer": "A-DOOR", "rotation": rotation, "xscale": xscale, "extrusion": extrusion})

    def collected():
        col = dxf_collect.collect(msp, 1e-6)
        return ([(p.uid, p.etype, p.layer, p.handle, p.chain, p.pts.tolist())
                 for p in col.opens + col.arcs],
                [(t.uid, t.text, t.layer, t.chain, t.x, t.y) for t in col.texts],
                [(i.uid, i.x, i.y, i.pts.tolist()) for i in col.inserts])

    fast = collected()
    monkeypatch.setattr(dxf_collect, "FAST_BLOCKS", False)
    slow = collected()
    assert len(fast[0]) >= 6 and len(fast[2]) == 3  # an arc scaled unevenly is an ellipse
    assert fast[1] == slow[1]
    for got, want in zip(fast[0] + fast[2], slow[0] + slow[2], strict=True):
        assert got[:-1] == want[:-1]
        # arcs are flattened from their own sweep: equal but for the last bit or so
        assert np.allclose(got[-1], want[-1], rtol=0, atol=1e-9)


def test_to_polygons_equals_to_polygon_one_by_one():
    # made all at once or one by one: the same polygons (to the bit), repairs and refusals
    import numpy as np

    from floorplan.io.dxf.rooms.outlines import to_polygon, to_polygons

    shells = [
        np.array([(0, 0), (4, 0), (4, 3), (0, 3)], dtype=float),            # open ring
        np.array([(0, 0), (4, 0), (4, 3), (0, 3), (0, 0)], dtype=float),    # closed ring
        np.array([(0, 0), (4, 3), (4, 0), (0, 3)], dtype=float),            # bow-tie: repaired
        np.array([(0, 0), (4, 0), (8, 0), (0, 0)], dtype=float),            # flat: nothing left
        np.array([(0, 0), (4, 0), (4, 3)], dtype=float),                    # three corners
        np.array([(0, 0), (4, 0)], dtype=float),                            # too few
    ]
    got = to_polygons(shells)
    want = [to_polygon(s) for s in shells]
    assert [(p.wkb if p is not None else None, note) for p, note in got] == [
        (p.wkb if p is not None else None, note) for p, note in want]
    assert got[2][1].startswith("invalid outline") and got[3][0] is None


def test_text_kind_shortcut_agrees_with_each_pattern():
    # kind() asks one combined pattern first: it must match wherever one of its parts does
    from floorplan.io.dxf.text import kind as dxf_text

    parts = [rx for rx, _ in dxf_text._AREA] + [dxf_text._HEIGHT, dxf_text._DIMENSION,
                                                 dxf_text._METER, dxf_text._AERIAL]
    texts = ["12.5 m2", "345 SF", "mq=28.51", "H=2.60", "CH 2.4", "3500", "3.5 x 4.2", "<>",
             "Gas meter", "TV point", "Bedroom 1", "Kitchen", "WHEELCHAIR", "2600mm", "a=7 sqm"]
    for t in texts:
        assert (dxf_text._ANY.match(t) is not None) == any(rx.match(t) for rx in parts), t
    assert [dxf_text.kind(t)[0] for t in ("Bedroom 1", "Wheelchair", "Gas meter", "3500")] == [
        "name", "wheelchair", "meter", "dimension"]


def test_rectangles_around_equal_one_by_one():
    # the fittings' rectangles made at once are those MultiPoint makes one at a time,
    # degenerate sets (a line, a point) included
    import numpy as np
    from shapely.geometry import MultiPoint

    from floorplan.io.dxf.features.fittings import _rectangles_around

    sets = [np.array([(0, 0), (1700, 0), (1700, 700), (0, 700), (0, 0)], dtype=float),
            np.array([(0, 0), (3, 4), (-4, 3), (1, 1)], dtype=float),
            np.array([(0, 0), (1, 1), (2, 2)], dtype=float),
            np.array([(5, 5), (5, 5), (5, 5)], dtype=float)]
    got = _rectangles_around(sets)
    assert [g.wkb for g in got] == [MultiPoint(s).minimum_rotated_rectangle.wkb for s in sets]
    assert [g.geom_type for g in got] == ["Polygon", "Polygon", "LineString", "Point"]
    assert len(_rectangles_around([])) == 0


def test_stack_extent_holds_every_outline_line_hatch_and_circle_point():
    # the extent is measured on the stacked points: they must be the 2D points of every
    # outline, line, hatch and circle (3D polylines by their x, y, lines in blocks too),
    # and not the inserts' own copies of their content (Insert.pts) a second time
    import numpy as np

    from floorplan.io.dxf.collect import modelspace as dxf_collect
    from floorplan.io.dxf.units import frame as dxf_frame

    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    msp.add_line((-500, 0), (0, 7000), dxfattribs={"layer": "A-WALL"})
    msp.add_polyline3d([(0, 0, 0), (9000, 0, 100), (9000, -2000, 100)])          # open 3D
    msp.add_polyline3d([(0, 0, 2400), (100, 0, 2400), (100, 100, 2400)], close=True)
    msp.add_circle((300, 300), 50)
    hatch = msp.add_hatch()
    hatch.paths.add_polyline_path([(0, 0), (10, 0), (10, 10)], is_closed=True)
    doc.blocks.new("BOX").add_line((0, 0), (100, 100))
    msp.add_blockref("BOX", (20000, 20000))
    col = dxf_collect.collect(msp, 1e-6)
    want = np.concatenate([p.pts[:, :2] for lst in (col.loops, col.opens, col.hatches,
                                                     col.circles) for p in lst])
    got = dxf_frame.stack(col).extent
    assert sorted(map(tuple, got.tolist())) == sorted(map(tuple, want.tolist()))
    assert got[:, 0].min() == -500 and got[:, 0].max() == 20100  # the block's line counts
    assert got[:, 1].min() == -2000 and got[:, 1].max() == 20100


def test_units_median_is_numpys():
    # the units' median avoids numpy's (which imports numpy.ma on first use): same values,
    # even the sign of a zero
    import numpy as np

    from floorplan.io.dxf.units.decide import _median

    for values in ([0.9], [0.9, 1.0], [3.0, 1.0, 2.0], [-0.0], [-0.0, -0.0], [-0.0, 0.0],
                   [0.8, float("nan")], [4.5, 1.25, 900.0, 0.75]):
        assert repr(_median(values)) == repr(float(np.median(values)))
