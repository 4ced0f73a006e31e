"""Names and the figures written in a drawing (issue 10, item 3), one small drawing each.

Drawings are in millimetres ($INSUNITS=4) unless a test says otherwise; expected values
are worked by hand in the comments.
"""

from __future__ import annotations

import ezdxf
import pytest

from floorplan.engine import check
from floorplan.io import dxf
from floorplan.model import Use


def new(insunits: int = 4):
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = insunits
    return doc, doc.modelspace()


def rect(msp, x, y, w, h, layer="A-AREA"):
    return msp.add_lwpolyline([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], close=True,
                              dxfattribs={"layer": layer})


def label(msp, text, x, y, layer="A-AREA-IDEN", height=200):
    msp.add_text(text, height=height, dxfattribs={"layer": layer}).set_placement((x, y))


def read(doc, tmp_path, **kw):
    p = tmp_path / "plan.dxf"
    doc.saveas(p)
    return dxf.read(p, **kw)


def by_name(plan):
    return {r.name: r for r in plan.rooms}


def codes(plan, code):
    return [f for f in plan.findings if f.code == code]


def three_rooms(msp):
    """A 4 x 3 m bedroom, a 1 x 1.5 m WC too small for its label, a 3 x 3 m kitchen."""
    rect(msp, 0, 0, 4000, 3000)
    label(msp, "Bedroom 1", 1000, 1500)
    rect(msp, 4000, 0, 1000, 1500)       # the WC: x 4-5 m, y 0-1.5 m
    rect(msp, 5000, 0, 3000, 3000)
    label(msp, "Kitchen", 6000, 1500)


# ----------------------------------------------------------------- labels outside rooms


def test_label_joined_through_a_leader(tmp_path):
    doc, msp = new()
    three_rooms(msp)
    label(msp, "WC", 4200, 4000)             # 2.5 m above the WC, outside every room
    msp.add_leader([(4500, 700), (4400, 3900)], dxfattribs={"layer": "A-ANNO-NOTE"})
    plan = read(doc, tmp_path)
    wc = by_name(plan)["WC"]
    assert wc.use is Use.WC and wc.polygon.area == pytest.approx(1.5)
    assert wc.properties["name_via"] == "leader" and wc.confidence == "high"
    assert not codes(plan, "FP010")


def test_multileader_carries_its_own_text(tmp_path):
    doc, msp = new()
    three_rooms(msp)
    ml = msp.add_multileader_mtext("Standard")
    ml.set_content("WC", char_height=200)
    ml.add_leader_line(ezdxf.render.mleader.ConnectionSide.left, [ezdxf.math.Vec2(4500, 700)])
    ml.build(insert=ezdxf.math.Vec2(4600, 4200))
    plan = read(doc, tmp_path)
    assert "WC" in by_name(plan)
    assert by_name(plan)["WC"].properties["name_via"] == "leader"
    # the MULTILEADER is used, not listed as skipped
    assert not any("MULTILEADER" in n for n in plan.notes if n.startswith("skipped"))


def test_a_note_inside_a_room_with_a_leader_out_of_it_is_not_the_rooms_name(tmp_path):
    # the kitchen (x 5-8, y 0-3 m) holds only a note whose leader points at its south
    # wall, 0.1 m below the room: the note names the wall's trim, not the kitchen, which
    # must stay unnamed (woodshed__frame_decoration_plan's 'FRAME DECORATION')
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    label(msp, "Bedroom 1", 1000, 1500)
    rect(msp, 5000, 0, 3000, 3000)
    label(msp, "TRIM BOARD", 6300, 800)
    msp.add_leader([(6000, -100), (6200, 700)], dxfattribs={"layer": "A-ANNO-NOTE"})
    plan = read(doc, tmp_path)
    names = sorted(r.name for r in plan.rooms)
    assert names == ["", "Bedroom 1"]
    [kitchen] = [r for r in plan.rooms if not r.name]
    assert kitchen.polygon.area == pytest.approx(9.0)
    assert any("leader pointing out of it" in n for n in plan.notes)


def test_a_label_in_the_wrong_room_names_the_room_its_leader_points_into(tmp_path):
    # "WC" written in the bedroom (x 0-4 m), its leader's arrow 0.5 m inside the WC
    # (x 4-5, y 0-1.5 m): the WC is named, the bedroom keeps its own name
    doc, msp = new()
    three_rooms(msp)
    label(msp, "WC", 3000, 600)
    msp.add_leader([(4500, 700), (3050, 650)], dxfattribs={"layer": "A-ANNO-NOTE"})
    plan = read(doc, tmp_path)
    rooms = by_name(plan)
    assert rooms["WC"].polygon.area == pytest.approx(1.5)
    assert rooms["WC"].properties["name_via"] == "leader"
    assert rooms["Bedroom 1"].polygon.area == pytest.approx(12.0)


def test_a_window_letter_at_a_leaders_tail_leaves_the_room_name_alone(tmp_path):
    # Richland's plans: a leader from a window tag 'B' beside the room's name to the
    # window in the wall: the tag is the leader's text, and the room keeps its name
    doc, msp = new()
    three_rooms(msp)
    label(msp, "B", 6000, 2600)
    msp.add_leader([(6000, 3050), (6000, 2650)], dxfattribs={"layer": "A-ANNO-NOTE"})
    plan = read(doc, tmp_path)
    assert "Kitchen" in by_name(plan)


def test_label_joined_through_a_loose_line_into_the_room(tmp_path):
    doc, msp = new()
    three_rooms(msp)
    label(msp, "WC", 4200, 4000)
    # a line from under the label to 0.5 m inside the WC (not on its walls)
    msp.add_line((4300, 3950), (4500, 700), dxfattribs={"layer": "A-ANNO-NOTE"})
    plan = read(doc, tmp_path)
    assert by_name(plan)["WC"].properties["name_via"] == "leader"


def test_label_just_outside_names_the_nearest_unlabelled_room(tmp_path):
    doc, msp = new()
    three_rooms(msp)
    label(msp, "WC", 4300, 1800)             # 0.3 m above the WC; the bedroom is labelled
    plan = read(doc, tmp_path)
    wc = by_name(plan)["WC"]
    assert wc.polygon.area == pytest.approx(1.5)
    assert wc.properties["name_via"] == "nearest"
    assert wc.confidence == "medium" and "nearest label" in wc.confidence_reason
    assert not codes(plan, "FP010") and not codes(plan, "FP009")


def test_label_far_from_every_room_is_an_input_finding(tmp_path):
    doc, msp = new()
    three_rooms(msp)
    label(msp, "Store", 4300, 4500)          # 3 m above the WC: too far to name it
    plan = read(doc, tmp_path)
    (f,) = codes(plan, "FP010")
    assert "'Store'" in f.message and "(4.30, 4.50)" in f.message
    assert f.geometry is not None and f.geometry.x == pytest.approx(4.3)
    assert "Store" not in by_name(plan)


def test_label_equally_near_two_unlabelled_rooms_names_neither(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 3000, 3000)
    rect(msp, 3200, 0, 3000, 3000)           # a 0.2 m gap between two unlabelled rooms
    label(msp, "Bedroom 2", 3100, 3300)      # 0.3 m above the gap: 0.32 m from each room
    plan = read(doc, tmp_path)
    assert all(r.name == "" for r in plan.rooms)
    assert len(codes(plan, "FP010")) == 1


def test_schedule_beside_the_plan_gives_no_finding(tmp_path):
    doc, msp = new()
    three_rooms(msp)
    label(msp, "Bedroom 1   12.00", 20000, 2000)  # 12 m to the right: a schedule row
    plan = read(doc, tmp_path)
    assert not codes(plan, "FP010")


# ------------------------------------------------------------- several labels in a room


def test_two_room_labels_in_one_space_are_joined_and_unsure(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 5000, 3000)
    label(msp, "Bedroom 2", 800, 1500)
    label(msp, "Bath", 3800, 1500)           # 3 m apart: two labels, same height
    plan = read(doc, tmp_path)
    (room,) = plan.rooms
    assert room.name == "Bedroom 2 + Bath"
    assert room.confidence == "low" and "'Bedroom 2'" in room.confidence_reason
    (f,) = codes(plan, "FP009")
    assert f.rooms == (room.id,)
    report = check(plan)
    assert report.result != "pass"           # never a clean "meets the standard"


def test_open_plan_labels_are_one_room(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 7000, 4000)
    label(msp, "Kitchen", 800, 2000)
    label(msp, "Living", 5000, 2000)
    plan = read(doc, tmp_path)
    (room,) = plan.rooms
    assert room.name == "Kitchen + Living" and room.confidence == "high"
    assert room.use in (Use.KITCHEN_LIVING_DINING, Use.LIVING_DINING, Use.KITCHEN_DINING)
    assert not codes(plan, "FP009")


def test_a_hall_with_its_stairs_is_one_space(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 2000, 5000)
    label(msp, "Hall", 1000, 4000)
    label(msp, "Stairs", 1000, 1000)          # 3 m below: two labels, one space
    plan = read(doc, tmp_path)
    (room,) = plan.rooms
    assert (room.name, room.confidence) == ("Hall + Stairs", "high")
    assert not codes(plan, "FP009")


def test_large_label_is_the_name_and_small_notes_are_not(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3500)
    label(msp, "Bedroom 1", 800, 2000, height=250)
    label(msp, "Wardrobe", 2800, 300, height=120)   # a note half the size
    plan = read(doc, tmp_path)
    (room,) = plan.rooms
    assert (room.name, room.use, room.confidence) == ("Bedroom 1", Use.BEDROOM, "high")


def test_a_view_title_or_section_mark_in_a_room_is_not_its_name(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3500)
    label(msp, "Bedroom 1", 800, 2000, height=200)
    label(msp, "FIRST FLOOR PLAN", 800, 600, height=500)   # 2.5 times taller: a title
    label(msp, "D-D", 3600, 3000, height=200)              # a section mark
    rect(msp, 4100, 0, 3000, 3500)                         # an unlabelled room ...
    label(msp, "SCALE 1:50", 7400, 1500, height=200)       # ... with a title 0.3 m away
    plan = read(doc, tmp_path)
    names = {r.name for r in plan.rooms}
    assert names == {"Bedroom 1", ""}
    bed = next(r for r in plan.rooms if r.name == "Bedroom 1")
    assert bed.confidence == "high"


def test_construction_notes_leave_a_room_unnamed(tmp_path):
    # a shed's wall frame drawn with its cutting labels (tests/data/real: woodshed): a
    # member size, building parts and a date, none a room's name
    doc, msp = new()
    rect(msp, 0, 0, 6000, 2100)
    label(msp, "90x45 STRU x2", 500, 1800, height=64)
    label(msp, "DOOR FRAMES", 4000, 700, height=64)
    label(msp, "28 Feb 2017", 2500, 300, height=64)
    plan = read(doc, tmp_path)
    (room,) = plan.rooms
    assert room.name == "" and room.use is Use.OTHER


def test_a_name_with_a_slash_between_its_parts_is_a_name(tmp_path):
    # Kent's Invicta first floor: "IT Lab / Seminar Room" (holdout, tests/data/holdout):
    # four words and a separator, a teaching room no housing use fits; the "/" counted as
    # a fifth word made it a note and left the 74 m² room unnamed
    doc, msp = new()
    rect(msp, 0, 0, 8000, 6000)
    label(msp, "IT Lab / Seminar Room", 2000, 3000)
    label(msp, "PROVIDE SELF CLOSING DOOR HINGES", 2000, 1000, height=64)  # five words: a note
    plan = read(doc, tmp_path)
    (room,) = plan.rooms
    assert room.name == "IT Lab / Seminar Room"
    assert round(room.polygon.area, 6) == 48.0  # 8 x 6 m


def test_two_line_label_is_one_name(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3500)
    label(msp, "Master", 1000, 2000)
    label(msp, "Bedroom", 1000, 1700)        # 0.3 m below: the next line of one label
    plan = read(doc, tmp_path)
    assert plan.rooms[0].name == "Master Bedroom" and plan.rooms[0].confidence == "high"


def _up(msp, text, x, y, height=100, layer="A-AREA-IDEN"):
    """A text written up the wall: rotated 90°, its lines running along +y."""
    msp.add_text(text, height=height, rotation=90,
                 dxfattribs={"layer": layer}).set_placement((x, y))


def test_a_label_written_up_the_wall_is_not_a_line_of_the_note_beside_it(tmp_path):
    # holdout5's house_plan: a passage's closet labelled 'CLOSET' up its wall, the bi-fold's
    # note '2#4'9X6'8 BI FOLD' written up the wall beside it from the same height, 280 mm
    # to its left (2.8 text heights across the lines, more than a label's LABEL_GAP of
    # 2.2): two labels, the note left out and the closet named. Read by x and y as if
    # unrotated, the two stood 0 mm apart in y and were one label, a note, left out whole
    doc, msp = new()
    rect(msp, 0, 0, 700, 2900)
    _up(msp, "2#4'9X6'8 BI FOLD", 170, 1000)
    _up(msp, "CLOSET", 450, 1000)
    plan = read(doc, tmp_path)
    (room,) = plan.rooms
    assert room.name == "CLOSET" and room.use is Use.STORAGE


def test_a_two_line_label_written_up_the_wall_is_one_name(tmp_path):
    # the lines of a label rotated 90° lie side by side in x (the second 300 mm, 1.5
    # heights, on from the first, across its line), from the same height: one name
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3500)
    _up(msp, "Master", 1000, 1000, height=200)
    _up(msp, "Bedroom", 1300, 1000, height=200)
    plan = read(doc, tmp_path)
    assert plan.rooms[0].name == "Master Bedroom"


# ------------------------------------------------------- dimension strings and area tags


@pytest.mark.parametrize("text, metres", [
    ("14'2'' x 12'4''", (4.318, 3.7592)),       # 170 in x 148 in
    ('4\'1" x 9\'10"', (1.2446, 2.9972)),        # 49 in x 118 in
    ("3.20 x 4.10", (3.2, 4.1)),
    ("3200 x 4100", (3.2, 4.1)),
    ("3.2m x 4.1m", (3.2, 4.1)),
])
def test_dimension_strings_are_read_and_tied_to_their_room(tmp_path, text, metres):
    a, b = metres
    doc, msp = new()
    rect(msp, 0, 0, a * 1000, b * 1000)      # the room drawn to the size written
    label(msp, "Bedroom 1", 300, b * 500)
    label(msp, text, 300, b * 500 - 300)
    plan = read(doc, tmp_path)
    (room,) = plan.rooms
    assert room.name == "Bedroom 1"
    (st,) = room.stated
    assert st.kind == "dimensions" and st.text == text
    assert st.dimensions_m == pytest.approx(metres, abs=1e-4)
    assert not codes(plan, "FP008")


@pytest.mark.parametrize("text, m2", [
    ("28.51 m²", 28.51), ("28.51 m2", 28.51), ("mq=28.51", 28.51),
    ("307 SF", 307 * 0.09290304), ("307 sq ft", 307 * 0.09290304),  # 28.52 m²
])
def test_area_tags_are_read_and_agree(tmp_path, text, m2):
    doc, msp = new()
    rect(msp, 0, 0, 6100, 4674)              # 6.1 x 4.674 = 28.5114 m²
    label(msp, "Living room", 1000, 2500)
    label(msp, text, 1000, 2000)
    plan = read(doc, tmp_path)
    (room,) = plan.rooms
    assert room.name == "Living room"
    assert [s.area_m2 for s in room.stated] == pytest.approx([m2], abs=0.01)
    assert not codes(plan, "FP008")


def test_area_tag_in_its_own_mtext_beside_the_room(tmp_path):
    doc, msp = new()
    three_rooms(msp)
    label(msp, "WC", 4200, 1000, height=150)
    msp.add_mtext("1.5 m2", dxfattribs={"layer": "A-AREA-IDEN", "char_height": 150,
                                        "insert": (4500, 1700)})  # 0.2 m above the WC
    plan = read(doc, tmp_path)
    wc = by_name(plan)["WC"]
    assert [s.area_m2 for s in wc.stated] == [1.5]


@pytest.mark.parametrize("content, m2", [
    (r"28.51 m{\H0.7x;\S2^ ;}", 28.51),       # AutoCAD's m²: a stacked superscript
    (r"{\fArial|b0;28.51 m\S^2;}", 28.51),
    (r"Living room\P28.51 m\S2^;", 28.51),     # after the name, in the room's own label
])
def test_area_tag_with_a_stacked_superscript(tmp_path, content, m2):
    doc, msp = new()
    rect(msp, 0, 0, 6100, 4674)              # 6.1 x 4.674 = 28.5114 m²
    label(msp, "Living room", 1000, 2500)
    msp.add_mtext(content, dxfattribs={"layer": "A-AREA-IDEN", "char_height": 150,
                                       "insert": (1000, 1500)})
    plan = read(doc, tmp_path)
    (room,) = plan.rooms
    assert room.name == "Living room"
    assert [s.area_m2 for s in room.stated] == [m2]
    assert not codes(plan, "FP008")


def test_a_figure_over_five_percent_out_is_an_input_finding(tmp_path):
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)              # 12 m²
    label(msp, "Bedroom 1", 1000, 2000)
    label(msp, "3.20 x 4.10", 1000, 1500)    # 13.12 m²: 8.5 % more than drawn
    rect(msp, 4100, 0, 3000, 3000)           # 9 m²
    label(msp, "Bedroom 2", 5000, 2000)
    label(msp, "9.4 m2", 5000, 1500)         # 4.4 % more: within 5 %
    plan = read(doc, tmp_path)
    (f,) = codes(plan, "FP008")
    b1 = by_name(plan)["Bedroom 1"]
    assert f.rooms == (b1.id,)
    assert "'3.20 x 4.10'" in f.message and "13.12" in f.message and "12.00" in f.message


def test_a_stated_area_far_out_puts_the_room_in_doubt(tmp_path):
    # the drawing's own figure is evidence: 12 m² drawn, 15 m² written (-20 %) is beyond
    # any measuring convention, so the room is read at low confidence and the rules that
    # judge its area cannot pass or fail it; 12.9 m² written (-7 %) is reported (FP008)
    # and the room is medium: a measuring convention may explain it, but the reader is not
    # sure of the outline either; its area is still judged (medium does not hold a rule)
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)              # 12 m²
    label(msp, "Bedroom 1", 1000, 2000)
    label(msp, "15 m2", 1000, 1500)          # measured 20 % under the stated
    rect(msp, 4100, 0, 4000, 3000)           # 12 m²
    label(msp, "Bedroom 2", 5000, 2000)
    label(msp, "12.9 m2", 5000, 1500)        # 7 % under: reported, not in doubt
    plan = read(doc, tmp_path)
    rooms = by_name(plan)
    b1, b2 = rooms["Bedroom 1"], rooms["Bedroom 2"]
    assert len(codes(plan, "FP008")) == 2
    assert b1.confidence == "low" and "'15 m2'" in b1.confidence_reason
    assert "15.00 m² stated, 12.00 m² measured" in b1.confidence_reason
    assert b2.confidence == "medium" and "'12.9 m2'" in b2.confidence_reason
    assert [f.rooms for f in codes(plan, "FP009")] == [(b1.id,)]
    report = check(plan)
    judged = {f.rule: f.status.value for f in report.findings
              if f.rule == "FP101" and b1.id in (f.rooms or ())}
    assert judged == {"FP101": "warn"}
    judged2 = {f.status.value for f in report.findings if f.rule == "FP101" and b2.id in (f.rooms or ())}
    assert judged2 and "warn" not in judged2


def test_stated_figures_reach_every_report(tmp_path):
    from floorplan.reporters import html, json_report, text

    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    label(msp, "Bedroom 1", 1000, 2000)
    label(msp, "3.00 x 4.00", 1000, 1500)
    report = check(read(doc, tmp_path))
    d = report.to_dict()
    assert d["rooms"][0]["stated"] == [{"kind": "dimensions", "text": "3.00 x 4.00",
                                        "area_m2": 12.0, "dimensions_m": [3.0, 4.0]}]
    assert d["rooms"][0]["source"] == "outline"
    assert d["rooms"][0]["confidence"] == {"level": "high", "reason": ""}
    assert '"dimensions_m": [\n' in json_report.render(report)
    row = next(ln for ln in text.render(report).splitlines() if ln.startswith("R1 "))
    assert "outline" in row and "high" in row and "3.00 x 4.00 m" in row
    page = html.render(report, svg=False)
    assert "3.00 x 4.00" in page and "high confidence" in page


def test_text_of_a_small_symbol_block_is_not_a_name(tmp_path):
    doc, msp = new()
    sounder = doc.blocks.new("SOUNDER")              # a 300 mm fire-alarm symbol
    sounder.add_circle((0, 0), 150)
    sounder.add_text("Si", height=100).set_placement((-50, -50))
    flat = doc.blocks.new("FLAT")                    # a whole room drawn in a block
    flat.add_lwpolyline([(0, 0), (4000, 0), (4000, 3000), (0, 3000)], close=True,
                        dxfattribs={"layer": "A-AREA"})
    flat.add_text("Bedroom 1", height=200, dxfattribs={"layer": "A-AREA-IDEN"}).set_placement((500, 1500))
    rect(msp, 0, 0, 4000, 3000)
    label(msp, "Office", 500, 1500)
    msp.add_blockref("SOUNDER", (3000, 2000))
    msp.add_blockref("FLAT", (10000, 0))
    plan = read(doc, tmp_path)
    assert sorted(r.name for r in plan.rooms) == ["Bedroom 1", "Office"]


def test_a_fittings_label_does_not_name_the_room_it_stands_in(tmp_path):
    # a kitchen outline (3 x 3 m) holding only 'SINK & DRAINER' (the label of the sink on
    # its worktop) and a bedroom holding 'Bedroom 1': the kitchen stays unnamed (its use
    # unknown, so no rule judges it as a sink), the bedroom keeps its name
    doc, msp = new()
    rect(msp, 0, 0, 4000, 3000)
    label(msp, "Bedroom 1", 1000, 1500)
    rect(msp, 5000, 0, 3000, 3000)
    msp.add_mtext("SINK &\\PDRAINER", dxfattribs={"layer": "SANITARY", "char_height": 150,
                                                   "insert": (5200, 2600)})
    plan = read(doc, tmp_path)
    assert sorted(r.name for r in plan.rooms) == ["", "Bedroom 1"]
    [other] = [r for r in plan.rooms if not r.name]
    assert other.polygon.area == pytest.approx(9.0)
