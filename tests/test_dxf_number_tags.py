"""Room tags that carry a number and an area but no name (issue 10, the third holdout):
a lost one is a lost room (FP010), a building's pointer is no room's name, an area
written without its leading zero is an area. One small drawing each, made here."""

from __future__ import annotations

import ezdxf
import pytest

from floorplan.io import dxf
from floorplan.io.dxf.names import labelkind
from floorplan.io.dxf.text import figures


def new():
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 4  # mm
    return doc, doc.modelspace()


def rect(msp, x, y, w, h, layer="A-AREA"):
    msp.add_lwpolyline([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], close=True,
                       dxfattribs={"layer": layer})


def text(msp, s, x, y, layer="A81--N-", height=250):
    msp.add_text(s, height=height, dxfattribs={"layer": layer}).set_placement((x, y))


def tag(msp, number, area, x, y, height=250):
    """A tag as the Aalborg plans write it: the number over its area, two texts on two
    layers, the area 0.6 m below and smaller."""
    text(msp, number, x, y, "A81--N-", height)
    text(msp, area, x, y - 600, "A81--A-", height * 0.8)


def read(doc, tmp_path):
    p = tmp_path / "plan.dxf"
    doc.saveas(p)
    return dxf.read(p)


def fp010(plan):
    return [f for f in plan.findings if f.code == "FP010"]


def two_tagged_rooms(msp):
    """Rooms 111 (4 x 3 m = 12 m²) and 112 (5 x 3 m = 15 m²), each with its space outline
    and its tag inside, in a building whose walls (9 x 4.5 m) hold a hall above them
    (y 3-4.5 m) drawn with no space outline."""
    rect(msp, 0, 0, 4000, 3000)
    tag(msp, "111", "12.0m2", 1500, 2000)
    rect(msp, 4000, 0, 5000, 3000)
    tag(msp, "112", "15.0m2", 6000, 2000)
    for a, b in [((0, 0), (9000, 0)), ((9000, 0), (9000, 4500)), ((9000, 4500), (0, 4500)),
                 ((0, 4500), (0, 0))]:
        msp.add_line(a, b, dxfattribs={"layer": "A-WALL"})


def test_a_number_and_area_tag_in_no_room_is_a_lost_room(tmp_path):
    doc, msp = new()
    two_tagged_rooms(msp)
    tag(msp, "113", "13.5m2", 3000, 4200)      # in the hall, whose space is not drawn
    plan = read(doc, tmp_path)
    assert len(plan.rooms) == 2
    (f,) = fp010(plan)
    assert "'113'" in f.message and "'13.5m2'" in f.message and "(3.00, 4.20)" in f.message


def test_one_mtext_tag_with_number_and_area_in_no_room_is_a_lost_room(tmp_path):
    doc, msp = new()
    two_tagged_rooms(msp)
    msp.add_mtext("229A\\P\\P13.5m2", dxfattribs={"layer": "A81--N-", "char_height": 250,
                                                  "insert": (3000, 4200)})
    plan = read(doc, tmp_path)
    (f,) = fp010(plan)
    assert "'229A'" in f.message and "'13.5m2'" in f.message


def test_a_bare_number_or_a_tag_of_another_kind_in_no_room_is_no_lost_room(tmp_path):
    doc, msp = new()
    two_tagged_rooms(msp)
    text(msp, "117", 3000, 4200)                # a door's or a grid line's number: no area
    tag(msp, "1321", "40.5m2", 6000, 4200, height=375)  # the building's number and gross area
    tag(msp, "1322", "40.5m2", 10500, 1500)     # the same, written as the rooms' tags, beside it
    plan = read(doc, tmp_path)
    assert fp010(plan) == []


def test_the_tags_in_rooms_are_not_lost(tmp_path):
    doc, msp = new()
    two_tagged_rooms(msp)
    plan = read(doc, tmp_path)
    assert len(plan.rooms) == 2 and fp010(plan) == []


def test_room_tags_pair_each_number_with_its_area():
    class T:
        def __init__(self, s, x, y, h=0.25):
            self.text, self.x, self.y, self.height, self.tag, self.chain = s, x, y, h, None, ()

    texts = [T("113", 0, 0), T("227.3m2", 0, -0.6, 0.2), T("117", 5, 0), T("Kitchen", 9, 0),
             T("9.1m2", 9, -0.6)]
    got = [(n, a) for _, _, n, a in labelkind.room_tags(texts)]
    assert got == [("113", "227.3m2")]


@pytest.mark.parametrize("s, m2", [(".4m2", 0.4), (".75 m²", 0.75), ("m2 .4", 0.4)])
def test_an_area_without_its_leading_zero_is_an_area(s, m2):
    fig = figures.parse(s)
    assert fig is not None and fig.kind == "area" and fig.area_m2 == pytest.approx(m2)


def test_an_area_without_its_leading_zero_does_not_name_the_room(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 2000, 1000)                # 2 m²: the figure is a neighbour's, as L1327's
    text(msp, ".4m2", 300, 150, "A81--A-", 100)
    plan = read(doc, tmp_path)
    (room,) = plan.rooms
    assert room.name != ".4m2"
    assert [s.area_m2 for s in room.stated] == pytest.approx([0.4])


def test_a_numbered_room_is_not_named_by_a_pointer_outside_it(tmp_path):
    doc, msp = new()
    two_tagged_rooms(msp)
    text(msp, "Bygning 1322", 1500, 3300, "A10--T", 250)   # 0.3 m above room 111
    plan = read(doc, tmp_path)
    assert sorted(r.name for r in plan.rooms) == ["", ""]
    assert fp010(plan) == []


def test_a_numbered_room_is_not_named_by_a_room_label_outside_it(tmp_path):
    doc, msp = new()
    two_tagged_rooms(msp)
    text(msp, "Store", 1500, 3300, "A10--T", 250)           # nearest room 111 holds its tag
    plan = read(doc, tmp_path)
    assert all(r.name != "Store" for r in plan.rooms)


def test_a_building_name_is_no_room_name_inside_a_room(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    text(msp, "Gennemgang til bygning 1412", 500, 1500, "A10--T", 200)
    plan = read(doc, tmp_path)
    (room,) = plan.rooms
    assert room.name == ""


def test_two_room_numbers_in_one_room_are_numbers_not_its_name(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 2000, 1000)
    text(msp, "313A", 300, 600, "A81--N-", 150)
    text(msp, "315A", 1300, 200, "A81--N-", 150)   # a neighbour's tag standing in it
    plan = read(doc, tmp_path)
    (room,) = plan.rooms
    assert room.name == "" and room.id in ("313A", "315A")
    assert room.confidence == "low" and "313A" in room.confidence_reason


def test_a_tag_of_a_duct_or_of_a_room_read_beside_it_is_no_lost_room(tmp_path):
    doc, msp = new()
    two_tagged_rooms(msp)
    tag(msp, "115A", ".4m2", 3000, 4200)       # 0.4 m²: under the smallest room read (0.5 m²)
    tag(msp, "112A", "15.0m2", 9100, 1500)      # 0.1 m east of room 112 (15 m²), whose tag it is
    plan = read(doc, tmp_path)
    assert fp010(plan) == []
