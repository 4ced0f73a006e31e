"""Rooms outlined only on a layer that is frozen or switched off (holdout2's A1322PE_0:
its space objects on a layer switched off, the walls open round half the building).

The reader does not read the hidden layer, but says it holds rooms the reading lost: one
FP010 warning per layer, naming it and its counts. An explicit ``--layer-map`` that names
the layer makes the reader read it. Every drawing is in metres; the areas are worked by
hand from the outlines drawn.
"""

from __future__ import annotations

import pytest

from floorplan.errors import PlanReadError
from tests.dxf_patterns import Sheet, elevation, read, rooms_of


def rect(s: Sheet, x0: float, y0: float, x1: float, y1: float, layer: str) -> None:
    s.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], layer, closed=True)


def half_open(s: Sheet) -> None:
    """A 4 x 3 bedroom closed by single-line walls; east of it a kitchen whose walls run
    only along the bottom (y 0, x 4-8): no face of the walls holds it."""
    s.poly([(0, 0), (4, 0), (4, 3), (0, 3)], closed=True)
    s.line((4, 0), (8, 0))
    s.text("BEDROOM", (1.5, 1.5))
    s.text("KITCHEN", (5.5, 1.5))


def spaces_off(s: Sheet, layer: str = "A-SPACE-NET") -> None:
    """Both rooms' outlines (12 m² each) on ``layer``, switched off."""
    s.doc.layers.add(layer).off()
    rect(s, 0, 0, 4, 3, layer)
    rect(s, 4, 0, 8, 3, layer)


def hidden_findings(plan) -> list[str]:
    return [f.message for f in plan.findings if f.code == "FP010" and f.entity != ""
            and "layer '" in f.message]


def test_room_outlines_on_a_switched_off_layer_are_named(tmp_path):
    s = Sheet()
    half_open(s)
    spaces_off(s)
    plan = read(s, tmp_path)
    # the reading is the shown drawing's: the bedroom from the walls, the kitchen lost
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]
    said = hidden_findings(plan)
    assert len(said) == 1
    msg = said[0]
    assert "'A-SPACE-NET' is switched off" in msg
    assert "2 closed outline(s) of room size, 1 of them in no room read" in msg
    assert "1 of those hold a room label the reading lost ('KITCHEN')" in msg
    assert "--layer-map" in msg
    f = next(f for f in plan.findings if f.message == msg)
    assert f.entity == "A-SPACE-NET"
    # the account says why the layer's two outlines were skipped
    assert ("skipped 2 LWPOLYLINE on layer A-SPACE-NET: on a frozen or switched-off layer: "
            "not shown, not read") in plan.notes


def test_a_frozen_layer_is_said_frozen(tmp_path):
    s = Sheet()
    half_open(s)
    s.doc.layers.add("A-SPACE-NET").freeze()
    rect(s, 4, 0, 8, 3, "A-SPACE-NET")
    said = hidden_findings(read(s, tmp_path))
    assert len(said) == 1 and "'A-SPACE-NET' is frozen," in said[0]
    assert "1 closed outline(s) of room size, 1 of them in no room read" in said[0]


def test_a_frozen_layer_of_elevations_says_nothing(tmp_path):
    # the same lost kitchen label, and a frozen layer of elevations beside the plan: its
    # outlines hold no label the reading lost, so it is not named
    s = Sheet()
    half_open(s)
    s.doc.layers.add("A-ELEV").freeze()
    elevation(s, 0, 10, layer="A-ELEV")
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0)]
    assert any(f.code == "FP010" and "'KITCHEN'" in f.message for f in plan.findings)
    assert hidden_findings(plan) == []


def test_hidden_outlines_of_rooms_read_say_nothing(tmp_path):
    # walls that close both rooms; the net areas on a switched-off layer agree with them
    # (a surveyor's NIA layer): nothing was lost, nothing to say
    s = Sheet()
    s.poly([(0, 0), (8, 0), (8, 3), (0, 3)], closed=True)
    s.line((4, 0), (4, 3))
    s.text("BEDROOM", (1.5, 1.5))
    s.text("KITCHEN", (5.5, 1.5))
    spaces_off(s)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]
    assert hidden_findings(plan) == []


def test_a_layer_map_that_names_the_hidden_layer_reads_it(tmp_path):
    s = Sheet()
    half_open(s)
    spaces_off(s)
    lmap = tmp_path / "map.toml"
    lmap.write_text('[layers]\nroom = ["A-SPACE-NET"]\n')
    plan = read(s, tmp_path, layer_map=lmap)
    # the user named the layer: its outlines are the rooms, nothing hidden to say
    assert rooms_of(plan) == [("BEDROOM", "outline", 12.0), ("KITCHEN", "outline", 12.0)]
    assert hidden_findings(plan) == []
    assert not any(f.code == "FP010" for f in plan.findings)


def test_no_room_shown_but_rooms_on_a_hidden_layer_says_so(tmp_path):
    # nothing shown but two labels; both rooms outlined on a switched-off layer: the
    # error names the layer and what to do
    s = Sheet()
    s.text("BEDROOM", (1.5, 1.5))
    s.text("KITCHEN", (5.5, 1.5))
    spaces_off(s)
    with pytest.raises(PlanReadError) as exc:
        read(s, tmp_path)
    msg = str(exc.value)
    assert "no rooms found" in msg
    assert "'A-SPACE-NET' (switched off) holds 2 closed outline(s) of room size" in msg
    assert "--layer-map" in msg and "\n" not in msg


def test_no_room_shown_and_a_frozen_elevation_says_nothing_of_it(tmp_path):
    s = Sheet()
    s.text("BEDROOM", (1.5, 1.5))
    s.doc.layers.add("A-ELEV").freeze()
    elevation(s, 0, 10, layer="A-ELEV")
    with pytest.raises(PlanReadError) as exc:
        read(s, tmp_path)
    assert "no rooms found" in str(exc.value) and "A-ELEV" not in str(exc.value)


def test_outlines_on_a_switched_off_layer_that_says_nothing_are_not_said_taken(tmp_path):
    """holdout5's floor2: its usable-area outlines on '使用面积线' (a layer whose name the
    reader does not know) are switched off. Outlines on layers that say nothing are the
    reader's last resort for rooms, but a layer switched off is not shown: the notes said
    both "closed outlines on layer(s) 使用面积线 taken as rooms" (and that those over 100 m²
    were building outlines) and that the layer was left out. Only the second is true."""
    from tests.dxf_patterns import two_room_plan

    s = Sheet()
    two_room_plan(s)
    s.doc.layers.add("使用面积线").off()
    rect(s, 0.1, 0.1, 4.1, 3.1, "使用面积线")
    rect(s, 4.2, 0.1, 8.2, 3.1, "使用面积线")
    rect(s, -5, -5, 15, 10, "使用面积线")  # 300 m²: would be 'a building outline'
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("BEDROOM", "walls", 12.0), ("KITCHEN", "walls", 12.0)]
    said = [n for n in plan.notes if "使用面积线" in n]
    assert not [n for n in said if "taken as" in n]
    assert ("skipped 3 LWPOLYLINE on layer 使用面积线: on a frozen or switched-off layer: "
            "not shown, not read") in said
