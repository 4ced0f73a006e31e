"""Units from the evidence in a drawing, not from its header alone (issue 10, item 4).

The feet house: 30 x 50 ft = 1,500 ft² = 139.35 m² (1,500 x 0.09290304), in six rooms
whose sizes are written on the drawing. Read as metres it would be 1,500 m².
"""

from __future__ import annotations

import ezdxf
import pytest
from click.testing import CliRunner

from floorplan.cli import cli
from floorplan.engine import check
from floorplan.io import dxf
from floorplan.io.dxf.units.decide import Evidence, decide, treads

SQFT = 0.09290304
#: (name, x, y, w, h) in feet; written as "w' x h'"
FEET_HOUSE = [("Living room", 0, 0, 15, 20), ("Kitchen", 15, 0, 15, 20),
              ("Bedroom 1", 0, 20, 15, 15), ("Bedroom 2", 15, 20, 15, 15),
              ("Bathroom", 0, 35, 10, 15), ("Hall", 10, 35, 20, 15)]


def feet_house(tmp_path, insunits: int, walls: bool = False):
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = insunits
    msp = doc.modelspace()
    for name, x, y, w, h in FEET_HOUSE:
        pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
        if walls:
            for a, b in zip(pts, pts[1:] + pts[:1], strict=True):
                msp.add_line(a, b, dxfattribs={"layer": "A-WALL"})
        else:
            msp.add_lwpolyline(pts, close=True, dxfattribs={"layer": "A-AREA"})
        msp.add_text(name, height=0.8, dxfattribs={"layer": "A-AREA-IDEN"}).set_placement((x + 2, y + h / 2))
        msp.add_text(f"{w}' x {h}'", height=0.6,
                     dxfattribs={"layer": "A-AREA-IDEN"}).set_placement((x + 2, y + h / 2 - 2))
    p = tmp_path / "feet.dxf"
    doc.saveas(p)
    return p


def total(plan) -> float:
    return sum(r.polygon.area for r in plan.rooms)


def fp(plan, code):
    return [f for f in plan.findings if f.code == code]


def test_feet_house_declared_metres_is_read_in_feet_and_fails_fp007(tmp_path):
    plan = dxf.read(feet_house(tmp_path, 6))
    assert plan.meta.units == "ft"
    assert total(plan) == pytest.approx(1500 * SQFT, rel=1e-6)  # 139.35 m², not 1,500
    (f,) = fp(plan, "FP007")
    assert f.status == "fail" and "metres" in f.message and "--units ft" in f.message
    assert "'15' x 20''" in f.message or "written room figures" in f.message
    assert check(plan).result == "fail"


def test_feet_house_without_header_is_assumed_feet(tmp_path):
    plan = dxf.read(feet_house(tmp_path, 0))
    assert plan.meta.units == "ft" and total(plan) == pytest.approx(1500 * SQFT, rel=1e-6)
    assert [f.status for f in fp(plan, "FP006")] == ["warn"] and not fp(plan, "FP007")
    assert not fp(plan, "FP008")  # every written size agrees with its room


def test_feet_house_of_walls_is_read_again_in_feet(tmp_path):
    # walls only: before the rooms are found nothing contradicts the header (no room
    # outlines, no doors); the rooms found and their written sizes then say feet, and
    # the drawing is read again in feet
    plan = dxf.read(feet_house(tmp_path, 6, walls=True))
    assert plan.meta.units == "ft"
    assert sorted(round(r.polygon.area / SQFT) for r in plan.rooms) == [150, 225, 225, 300, 300, 300]
    assert [f.status for f in fp(plan, "FP007")] == ["fail"]
    assert sum(1 for n in plan.notes if n.startswith("units: ")) == 1


def mm_flat(tmp_path, insunits=4, tag=None):
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = insunits
    msp = doc.modelspace()
    for name, x, w in (("Bedroom 1", 0, 3500), ("Living room", 3600, 5000)):
        msp.add_lwpolyline([(x, 0), (x + w, 0), (x + w, 4000), (x, 4000)], close=True,
                           dxfattribs={"layer": "A-AREA"})
        msp.add_text(name, height=250, dxfattribs={"layer": "A-AREA-IDEN"}).set_placement((x + 500, 2000))
    if tag:
        msp.add_text(tag, height=200, dxfattribs={"layer": "A-AREA-IDEN"}).set_placement((500, 1500))
    msp.add_arc((3550, 1000), 850, 90, 180, dxfattribs={"layer": "A-DOOR"})
    p = tmp_path / "flat.dxf"
    doc.saveas(p)
    return p


def test_units_m_on_a_millimetre_drawing_can_never_pass(tmp_path):
    # 3500 x 4000 read as metres: a 14,000,000 m² bedroom that every area rule passes;
    # the drawing's doors (850 m), rooms and labels (250 m tall) contradict --units m
    p = mm_flat(tmp_path)
    plan = dxf.read(p, units="m")
    assert plan.meta.units == "m"
    bed = next(r for r in plan.rooms if r.name == "Bedroom 1")
    assert bed.polygon.area == pytest.approx(14e6)
    (f,) = fp(plan, "FP007")
    assert f.status == "fail" and "--units m" in f.message and "millimetres" in f.message
    report = check(plan)
    assert report.result == "fail" and report.exit_code == 1
    result = CliRunner().invoke(cli, ["check", str(p), "--units", "m", "--format", "json"])
    assert result.exit_code == 1 and '"rule": "FP007"' in result.output


def test_units_flag_agreeing_with_the_drawing_gives_no_finding(tmp_path):
    plan = dxf.read(mm_flat(tmp_path), units="mm")
    assert not fp(plan, "FP007") and not fp(plan, "FP006")


def test_area_tag_overrules_a_header_saying_metres(tmp_path):
    # declared metres, drawn in mm, and "14.00 m²" written in the 3.5 x 4 m bedroom
    plan = dxf.read(mm_flat(tmp_path, insunits=6, tag="14.00 m²"))
    assert plan.meta.units == "mm"
    assert [f.status for f in fp(plan, "FP007")] == ["fail"]
    bed = next(r for r in plan.rooms if r.name == "Bedroom 1")
    assert bed.polygon.area == pytest.approx(14.0) and bed.stated[0].area_m2 == 14.0


@pytest.mark.parametrize("ev, unit", [
    (Evidence(treads=[250.0, 255.0]), "mm"),          # 0.25 m treads
    (Evidence(treads=[0.8]), "ft"),                    # 0.8 ft = 0.24 m
    (Evidence(text_heights=[250.0, 300.0, 200.0]), "mm"),
    (Evidence(figures=[(0.0254, "12.5 m2"), (0.0254, "9 m2")]), "in"),
    (Evidence(doors=[36.0], room_areas=[144.0 * 144]), "in"),  # 36 in doors, 12 ft rooms
])
def test_each_kind_of_evidence_tells_the_unit(ev, unit):
    assert decide(None, 0, ev)[0] == unit


def test_weak_evidence_against_the_header_is_a_warning_not_a_failure():
    # a header saying metres, and one door of 2.9 against it: 2.9 m is an unlikely door
    # but not an impossible one, 0.88 m in feet; the size (40) fits both. Feet score 1.5,
    # metres 0.5: feet are taken, with a warning
    unit, reason, finding = decide(None, 6, Evidence(extent=40.0, doors=[2.9]))
    assert unit == "ft" and finding.code == "FP006" and finding.status == "warn"
    # a 0.9 mm door is impossible: strong evidence, whatever else
    assert decide(None, 4, Evidence(extent=40.0, doors=[0.9]))[2].code == "FP007"


def test_stair_treads_are_found_in_runs_of_nosings():
    import numpy as np

    # 8 nosings 900 mm long, 260 mm apart; and a second flight at right angles, 250 apart
    run = [np.array([[0.0, 260.0 * k], [900.0, 260.0 * k]]) for k in range(8)]
    run += [np.array([[5000.0 + 250 * k, 0.0], [5000.0 + 250 * k, 1000.0]]) for k in range(6)]
    assert sorted(treads(run)) == [250.0, 260.0]
    assert treads(run[:3]) == []  # three lines are not a stair


def test_units_flag_against_weaker_evidence_is_said_and_never_passes(tmp_path):
    # two rooms and nothing else (no door, no text): 3000 x 3000 and 3500 x 3000 read as
    # inches are 76.2 x 76.2 m (5,806 m²) and 88.9 x 76.2 m (6,774 m²), sizes no home
    # has but not impossible ones (a median room under 100 m across); only the room sizes
    # say so (millimetres score 1 more): not strong, so a warning and not a failure, and
    # the verdict is never "pass"
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    for x, w in ((0, 3000), (3100, 3500)):
        msp.add_lwpolyline([(x, 0), (x + w, 0), (x + w, 3000), (x, 3000)], close=True,
                           dxfattribs={"layer": "A-AREA"})
    p = tmp_path / "bare.dxf"
    doc.saveas(p)
    plan = dxf.read(p, units="in")
    assert plan.meta.units == "in"
    assert sorted(round(r.polygon.area) for r in plan.rooms) == [5806, 6774]
    (f,) = fp(plan, "FP007")
    assert f.status == "warn" and "--units in" in f.message and "millimetres" in f.message
    assert check(plan).result != "pass"
    assert not fp(dxf.read(p, units="mm"), "FP007")



def test_units_flag_making_labels_and_sheet_impossible_fails():
    # the woodshed plan (xuminic/woodshed, mm) read with --units m: its room labels are 72
    # units tall and the sheet 8,580 units across, 72 m labels on an 8.6 km sheet; the
    # cells its linework closes at that scale have a median side of 28 units (28 m, or
    # 28 mm: too small a room in millimetres). Two impossibilities in metres against one
    # in millimetres, which also score higher (labels and size fit): strong evidence
    ev = Evidence(extent=8580.0, text_heights=[72.0] * 4, room_areas=[28.0 ** 2] * 5)
    unit, _, finding = decide("m", 4, ev)
    assert unit == "m" and finding.code == "FP007" and finding.status == "fail"
    assert "72.00 m tall" in finding.message and "8,580 m" in finding.message
    # labels alone, from fewer than three, do not make the units impossible
    unit, _, finding = decide("m", 4, Evidence(text_heights=[72.0, 72.0]))
    assert finding is None or finding.status == "warn"
    # and a metre drawing whose labels are ordinary is not held against a sheet with a
    # stray entity 6 km off: in millimetres its labels (0.3 mm) are impossible too
    unit, _, finding = decide(None, 6, Evidence(extent=6000.0, text_heights=[0.3] * 4,
                                                 room_areas=[16.0] * 5))
    assert unit == "m" and finding is None


def dm_flat(tmp_path, insunits: int, scale: float = 0.01):
    """``mm_flat``'s two rooms drawn in decimetres (35 x 40 and 50 x 40 units, ``scale``
    = units per millimetre); the door arc of 8.5 dm = 0.85 m."""
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = insunits
    msp = doc.modelspace()
    for name, x, w in (("Bedroom 1", 0, 3500), ("Living room", 3600, 5000)):
        pts = [(x * scale, 0), ((x + w) * scale, 0), ((x + w) * scale, 4000 * scale),
               (x * scale, 4000 * scale)]
        msp.add_lwpolyline(pts, close=True, dxfattribs={"layer": "A-AREA"})
        msp.add_text(name, height=250 * scale,
                     dxfattribs={"layer": "A-AREA-IDEN"}).set_placement(((x + 500) * scale, 20))
    msp.add_arc((35.5, 10), 8.5, 90, 180, dxfattribs={"layer": "A-DOOR"})
    p = tmp_path / "dm.dxf"
    doc.saveas(p)
    return p


def test_a_drawing_declared_in_decimetres_is_read_in_them(tmp_path):
    # $INSUNITS 14 is the decimetre: the bedroom 35 x 40 dm = 3.5 x 4.0 m = 14 m²
    plan = dxf.read(dm_flat(tmp_path, 14))
    assert plan.meta.units == "dm"
    bed = next(r for r in plan.rooms if r.name == "Bedroom 1")
    assert bed.polygon.area == pytest.approx(14.0)
    assert not fp(plan, "FP006") and not fp(plan, "FP007")


def test_units_dm_is_taken_and_checked_against_the_drawing(tmp_path):
    # given on the command line for a file with no header: 14 m², no finding
    p = dm_flat(tmp_path, 0)
    plan = dxf.read(p, units="dm")
    assert plan.meta.units == "dm"
    assert next(r for r in plan.rooms if r.name == "Bedroom 1").polygon.area == pytest.approx(14.0)
    assert not fp(plan, "FP007")
    res = CliRunner().invoke(cli, ["check", str(p), "--units", "dm", "--format", "json"])
    assert res.exit_code in (0, 1) and '"units": "dm"' in res.output
    # the same rooms drawn in millimetres and given as decimetres: 100 times too large, said
    plan = dxf.read(mm_flat(tmp_path), units="dm")
    assert [f.status for f in fp(plan, "FP007")] == ["fail"]


def test_no_rooms_in_a_drawing_too_small_for_its_units_says_so(tmp_path):
    # two rooms' walls 60 x 50 units, declared millimetres: 0.06 m across, so no room is
    # found, and the error says the size in those units and how to give others
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    for a, b in (((0, 0), (60, 0)), ((60, 0), (60, 50)), ((60, 50), (0, 50)), ((0, 50), (0, 0)),
                 ((30, 0), (30, 22)), ((30, 28), (30, 50))):
        msp.add_line(a, b, dxfattribs={"layer": "0"})
    p = tmp_path / "tiny.dxf"
    doc.saveas(p)
    res = CliRunner().invoke(cli, ["check", str(p)])
    assert res.exit_code == 2
    assert "0.06 m across" in res.output and "--units (m, dm, cm, mm, ft, in)" in res.output
    assert len(res.output.strip().splitlines()) == 1
