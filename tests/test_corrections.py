"""Corrections as data: parsing (every key checked, with its line) and applying them to
plans built in code. Expected areas are worked by hand from the rectangles."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest
from shapely.affinity import translate
from shapely.geometry import box

import floorplan
from floorplan.corrections import Frame, apply, beside, parse_text
from floorplan.engine import check
from floorplan.errors import CorrectionsError
from floorplan.measure import door_links, measure
from floorplan.model import Plan, PlanMeta, Room, Use
from tests.plans import door, plan, rect


def fix(text: str, p: Plan, **kw) -> Plan:
    return apply(p, parse_text(text, "c.toml"), **kw)


def two_rooms() -> Plan:
    # two 3 x 3 rooms with a 0.1 m wall between them and a door in it
    return plan(rect("R1", "", 0, 0, 3, 3), rect("R2", "", 3.1, 0, 3, 3),
                doors=[door("D1", 3.05, 1.5)])


# --------------------------------------------------------------------------- parsing


def test_entries_keep_their_lines_and_the_order_they_are_written_in():
    text = ('version = 1\n[plan]\nscheme = "shared_house"\ntenants = 3\n\n'
            '[[room]]\nat = [1, 1]\nname = "Bedroom 1"\n\n'
            '[[delete]]\nat = [5, 5]\n\n'
            '[[room]]\nat = [2, 2]\nuse = "kitchen"\n')
    c = parse_text(text, "c.toml")
    assert c.plan == {"scheme": "shared_house", "tenants": 3}
    assert c.plan_lines == {"scheme": 3, "tenants": 4}
    assert [(e.action, e.line) for e in c.entries] == [("room", 6), ("delete", 10), ("room", 13)]
    assert c.entries[0].key_lines["name"] == 8


@pytest.mark.parametrize("text, line, words", [
    ('[[room]]\nat = [1, 2]\nnmae = "x"\n', 3, ["unknown key 'nmae'", "did you mean 'name'"]),
    ('[[rooms]]\nat = [1, 2]\n', 1, ["unknown table 'rooms'", "did you mean 'room'"]),
    ('[plan]\nunit = "mm"\n', 2, ["unknown key 'unit'", "did you mean 'units'"]),
    ('[plan]\nunits = "yards"\n', 2, ["'units'", "m, cm, mm, ft, in"]),
    ('[[room]]\nat = [1, 2]\nuse = "bedrom"\n', 3, ["'use'", "did you mean 'bedroom'"]),
    ('[[room]]\nname = "x"\n', 1, ["'at' is missing"]),
    ('[[room]]\nat = [1, 2]\n', 1, ["says nothing to change"]),
    ('[[room]]\nat = "middle"\nname = "x"\n', 2, ["'at' must be a point [x, y]"]),
    ('[[room]]\nat = [1, 2\nname = "x"\n', 2, ["not valid TOML at 'at'"]),
    ('[[door]]\nbetween = [[1, 2], [3, 4]]\nwidth = 900\n', 3, ["widths are in metres"]),
    ('[[ceiling]]\nat = [1, 2]\nheight = 2.4\nheights = [[0, 0, 1], [1, 0, 2]]\n', 4, ["not both"]),
    ('[[door]]\nbetween = [[1, 2], "outside"]\n', 1, ["needs 'at'"]),
    ('[[room]]\nat = [1, 2]\nbedspaces = 0\n', 3, ["'bedspaces'", "at least 1"]),
    ('version = 2\n', 1, ["version 2"]),
])
def test_a_file_that_cannot_be_used_names_the_line_and_the_key(text, line, words):
    with pytest.raises(CorrectionsError) as exc:
        parse_text(text, "c.toml")
    msg = str(exc.value)
    assert msg.startswith(f"c.toml: line {line}: "), msg
    assert "\n" not in msg
    for w in words:
        assert w in msg, msg


def test_the_file_beside_a_plan_takes_its_whole_name():
    assert beside("a/elm-road.dxf") == Path("a/elm-road.dxf.corrections.toml")
    assert beside("venue/") == Path("venue.corrections.toml")
    assert beside("-") is None


# --------------------------------------------------------------------------- rooms


def test_a_name_sets_the_use_it_tells_and_the_properties_are_kept_apart():
    p = fix('[[room]]\nat = [1, 1]\nname = "Bedroom 2"\nbedroom_type = "double"\n'
            'dwelling = "Flat 1"\nwheelchair = true\n', two_rooms())
    r = p.room("R1")
    assert (r.name, r.use, r.use_given, r.dwelling, r.wheelchair) == (
        "Bedroom 2", Use.BEDROOM, False, "Flat 1", True)
    assert r.properties["bedroom_type"] == "double"
    assert p.room("R2").name == ""  # the other room is untouched
    [c] = p.corrections
    assert (c.file, c.line, c.action, c.status, c.rooms) == ("c.toml", 1, "room", "applied", ("R1",))


def test_a_stated_use_wins_over_the_name():
    p = fix('[[room]]\nat = [4, 1]\nname = "Snug"\nuse = "living"\n', two_rooms())
    assert (p.room("R2").use, p.room("R2").use_given) == (Use.LIVING, True)


def test_a_point_in_no_room_is_a_warning_naming_it_and_changes_nothing():
    before = two_rooms()
    p = fix('[[room]]\nat = [1, 1]\nname = "Hall"\n\n[[room]]\nat = [50, 50]\nname = "Bedroom 9"\n', before)
    assert p.room("R1").name == "Hall"
    assert [r.name for r in p.rooms] == ["Hall", ""]
    c = p.corrections[1]
    assert (c.line, c.status) == (5, "unmatched") and "(50, 50) falls in no room" in c.message
    [f] = [f for f in p.findings if f.code == "FP011"]
    assert f.status == "warn" and "c.toml, line 5" in f.message
    report = check(p)
    assert any(x.rule == "FP011" and x.status.value == "warn" for x in report.findings)
    assert report.result in ("warn", "fail", "cannot_assess")  # never "met"


def test_a_point_inside_two_levels_must_say_which():
    p0 = plan(rect("G1", "", 0, 0, 3, 3, level=0), rect("F1", "", 0, 0, 3, 3, level=1))
    p = fix('[[room]]\nat = [1, 1]\nname = "Bedroom"\n', p0)
    assert p.corrections[0].status == "unmatched" and "at_level" in p.corrections[0].message
    p = fix('[[room]]\nat = [1, 1]\nat_level = 1\nname = "Bedroom"\n', p0)
    assert (p.room("G1").name, p.room("F1").name) == ("", "Bedroom")


def test_a_point_in_a_room_drawn_inside_another_finds_the_inner_one():
    p0 = plan(rect("R1", "", 0, 0, 6, 6), rect("R2", "", 1, 1, 2, 2))
    assert fix('[[room]]\nat = [2, 2]\nname = "Store"\n', p0).room("R2").name == "Store"


def test_delete_takes_the_room_out_and_doors_naming_it_go_back_to_the_geometry():
    p0 = replace(two_rooms(), doors=(door("D1", 3.05, 1.5, connects=("R1", "R2")),))
    p = fix('[[delete]]\nat = [4, 1]\nnote = "a lightwell"\n', p0)
    assert [r.id for r in p.rooms] == ["R1"]
    assert p.doors[0].connects is None
    assert "deleted" in p.corrections[0].message and "a lightwell" in p.corrections[0].message


def test_merge_takes_in_the_wall_between_and_drops_the_door_in_it():
    p = fix('[[merge]]\nat = [[1, 1], [4, 1]]\nname = "Kitchen/Living"\n', two_rooms())
    [r] = p.rooms
    # 3 x 3 + 0.1 x 3 (the wall) + 3 x 3
    assert r.id == "R1" and r.polygon.area == pytest.approx(18.3, abs=1e-6)
    assert r.polygon.geom_type == "Polygon" and r.use is Use.KITCHEN_LIVING_DINING
    assert p.doors == ()
    assert "D1" in p.corrections[0].message


def test_rooms_far_apart_are_not_merged():
    p0 = plan(rect("R1", "", 0, 0, 3, 3), rect("R2", "", 5, 0, 3, 3))
    p = fix('[[merge]]\nat = [[1, 1], [6, 1]]\n', p0)
    assert len(p.rooms) == 2 and p.corrections[0].status == "unmatched"
    assert "2.00 m apart" in p.corrections[0].message


def test_split_cuts_along_the_line_carried_across_the_room_and_leaves_the_parts_unnamed():
    p0 = plan(rect("R1", "Bedroom 1", 0, 0, 4, 3), rect("R2", "Hall", 4.1, 0, 1, 3))
    # the line is drawn from (1, 1) to (1, 2), inside the room: it is carried on to the walls
    p = fix('[[split]]\nat = [2, 1]\nline = [[1, 1], [1, 2]]\n', p0)
    assert [r.id for r in p.rooms] == ["R1a", "R1b", "R2"]
    assert [round(r.polygon.area, 6) for r in p.rooms[:2]] == [9.0, 3.0]
    assert all(r.name == "" and r.use is Use.OTHER for r in p.rooms[:2])
    assert p.corrections[0].rooms == ("R1a", "R1b")
    # the parts are then named by points inside them
    p = fix('[[split]]\nat = [2, 1]\nline = [[1, 1], [1, 2]]\n\n[[room]]\nat = [0.5, 1]\n'
            'name = "En-suite"\n\n[[room]]\nat = [3, 1]\nname = "Bedroom 1"\n', p0)
    assert [(r.id, r.use) for r in p.rooms] == [
        ("R1a", Use.BEDROOM), ("R1b", Use.ENSUITE), ("R2", Use.HALL)]


def test_a_line_that_misses_the_room_splits_nothing():
    p = fix('[[split]]\nat = [1, 1]\nline = [[10, 0], [10, 1]]\n', two_rooms())
    assert len(p.rooms) == 2 and p.corrections[0].status == "unmatched"


def test_add_a_room_outline():
    p = fix('[[add]]\noutline = [[10, 0], [12, 0], [12, 2], [10, 2]]\nname = "Store"\n', two_rooms())
    r = p.rooms[-1]
    assert (r.id, r.name, r.use, r.source) == ("A1", "Store", Use.STORAGE, "assessor")
    assert r.polygon.area == pytest.approx(4.0)


def test_a_flat_ceiling_under_the_headroom_is_not_counted():
    p = fix('[[ceiling]]\nat = [1, 1]\nheight = 1.4\n', two_rooms())
    m = measure(p)
    assert m.rooms["R1"].area == pytest.approx(0.0, abs=1e-9)
    assert m.rooms["R2"].area == pytest.approx(9.0)
    assert p.room("R1").ceiling_height == 1.4


def test_a_sloped_ceiling_by_heights_at_two_points():
    # the contract's attic: 4 x 3 m, 0.9 m at y = 0 rising to 2.4 m at y = 3; 1.5 m is
    # reached at y = 1.2, so 4 x 1.2 = 4.8 m² is under 1.5 m and 7.2 m² counts
    p0 = plan(rect("B3", "Bedroom 3", 0, 0, 4, 3))
    p = fix('[[ceiling]]\nat = [2, 2]\nheights = [[2, 0, 0.9], [2, 3, 2.4]]\n', p0)
    rm = measure(p).rooms["B3"]
    assert rm.area == pytest.approx(7.2, abs=1e-6)
    assert rm.height_range == pytest.approx((0.9, 2.4))


def test_heights_that_are_not_one_plane_are_refused_with_the_reason():
    p0 = plan(rect("B3", "Bedroom 3", 0, 0, 4, 3))
    p = fix('[[ceiling]]\nat = [2, 2]\nheights = [[0, 0, 1], [4, 0, 1], [2, 1.5, 2.5], [0, 3, 1]]\n', p0)
    assert p.corrections[0].status == "unmatched" and "one plane" in p.corrections[0].message
    assert p.ceilings == ()


def test_add_a_door_between_two_rooms_with_its_width_and_remove_it_again():
    p0 = plan(rect("R1", "", 0, 0, 3, 3), rect("R2", "", 3.1, 0, 3, 3))
    p = fix('[[door]]\nbetween = [[1, 1], [4, 1]]\nwidth = 0.8\n', p0)
    [d] = p.doors
    assert d.width == 0.8 and d.connects == ("R1", "R2")
    assert 3.0 <= d.geometry.x <= 3.1  # in the wall between them
    assert measure(p).rooms["R1"].opens_onto == ("R2",)
    p = fix('[[door]]\nbetween = [[1, 1], [4, 1]]\nremove = true\n', two_rooms())
    assert p.doors == () and p.corrections[0].message.startswith("door D1 between R1 and R2 removed")


def test_a_door_added_at_a_point_finds_its_rooms_as_a_drawn_door_does():
    p = fix('[[door]]\nat = [3.05, 2.5]\nwidth = 0.9\n', two_rooms())
    assert door_links(p)[p.doors[-1].id] == ("R1", "R2")


def test_the_plans_own_values_and_what_the_command_line_overrides():
    c = '[plan]\nscheme = "shared_house"\ntenants = 2\nnorth = 30\nwheelchair = true\n'
    p = fix(c, two_rooms())
    assert (p.meta.scheme, p.meta.tenants, p.meta.north, p.meta.wheelchair) == (
        "shared_house", 2, 30.0, True)
    p = fix(c, two_rooms(), overridden={"tenants"})
    assert p.meta.tenants is None
    status = {c.message.split()[0]: c.status for c in p.corrections}
    assert status == {"scheme": "applied", "tenants": "overridden", "north": "applied",
                      "wheelchair": "applied"}


def test_corrections_find_their_rooms_again_after_the_reader_changes():
    """The same drawing read by two versions of a reader: rooms numbered and ordered
    differently, outlines traced 5 cm further in, another local origin. The corrections
    (points in the drawing's own millimetres) land on the same rooms."""
    text = ('[[room]]\nat = [1500, 1500]\nname = "Bedroom 1"\n\n'
            '[[room]]\nat = [4500, 1500]\nname = "Kitchen"\n\n'
            '[[delete]]\nat = [7500, 1500]\n')
    rooms = [box(0, 0, 3, 3), box(3.1, 0, 6.1, 3), box(6.2, 0, 9.2, 3)]
    old = Plan(meta=PlanMeta(units="mm"), rooms=tuple(
        Room(f"R{i + 1}", "", Use.OTHER, b) for i, b in enumerate(rooms)))
    moved = (2.0, -1.0)  # the new reader puts its local origin elsewhere
    new = Plan(meta=PlanMeta(units="mm", origin=moved), rooms=tuple(
        replace(r, id=f"S{9 - i}", polygon=translate(r.polygon.buffer(-0.05, join_style="mitre"),
                                                      -moved[0], -moved[1]))
        for i, r in reversed(list(enumerate(old.rooms)))))
    c = parse_text(text, "c.toml")
    got = []
    for p in (old, new):
        fixed = apply(p, c, Frame.linear(0.001, p.meta.origin))
        got.append(sorted((r.name, round(r.polygon.area, 1)) for r in fixed.rooms))
        assert all(x.status == "applied" for x in fixed.corrections)
    assert got[0] == [("Bedroom 1", 9.0), ("Kitchen", 9.0)]
    assert got[1] == [("Bedroom 1", 8.4), ("Kitchen", 8.4)]


def test_the_frame_turns_drawing_coordinates_into_local_metres_and_back():
    f = Frame.linear(0.001, (500000.0, 200000.0))  # a millimetre drawing on grid coordinates
    assert f.to_local(500001000.0, 200002000.0) == pytest.approx((1.0, 2.0))
    assert f.to_file(1.0, 2.0) == pytest.approx((500001000.0, 200002000.0))
    assert (f.decimals, Frame.linear(1.0).decimals, Frame.linear(0.3048).decimals) == (0, 3, 3)


def test_the_corrections_package_reads_no_file_format_cli_or_renderer():
    pkg = Path(floorplan.__file__).parent / "corrections"
    for path in pkg.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for n in names:
                assert not n.startswith(("floorplan.io", "floorplan.cli", "floorplan.render",
                                         "floorplan.reporters", "click", "ezdxf")), (path.name, n)
