"""A room the reader is unsure of is shown as such on the image (issue 10, item 7)."""

from __future__ import annotations

from dataclasses import replace

from floorplan.engine import check
from floorplan.render.scene import build
from tests.plans import plan, rect


def test_low_confidence_room_is_marked_and_labelled():
    unsure = replace(rect("R1", "Bedroom 2 + Bath", 0, 0, 5, 3), confidence="low",
                     confidence_reason="holds two labels")
    sure = rect("R2", "Bedroom 1", 5.1, 0, 4, 3)
    medium = replace(rect("R3", "Kitchen", 9.2, 0, 3, 3), confidence="medium")
    scene = build(check(plan(unsure, sure, medium)))
    marks = scene.primitives("room.unsure")
    assert [p.ref for p in marks] == ["R1"]          # low only: medium is said in the report
    labels = {p.ref: p.text for p in scene.primitives("label") if p.kind == "text"}
    assert "? check this room" in labels["R1"] and "?" not in labels["R2"]
    assert any(key == "room.unsure" for key, _ in scene.legend)
