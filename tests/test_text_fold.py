"""The text report folds an input check found many times into one item (the JSON keeps each)."""

from __future__ import annotations

import json
import re

from floorplan.engine import check
from floorplan.reporters.json_report import render as render_json
from floorplan.reporters.text import FOLD, render
from tests.plans import plan, rect


def _to_review(text: str) -> list[str]:
    """The numbered items of the "To review" block."""
    block = text.split("To review (", 1)[1].split("\n\n", 1)[0]
    return [ln for ln in block.splitlines() if re.match(r"  \d+\. ", ln)]


def test_six_unnamed_rooms_are_one_item_and_the_json_keeps_six():
    # six rooms with no name: FP004 is found six times (once a room)
    rooms = [rect(f"R{k}", "", 4 * k, 0, 3, 3) for k in range(1, 7)]
    report = check(plan(*rooms))
    fp004 = [f for f in report.findings if f.rule == "FP004"]
    assert len(fp004) == 6 >= FOLD
    text = render(report)
    items = [ln for ln in _to_review(text) if " FP004 " in ln]
    assert len(items) == 1
    assert "6 findings, 6 rooms: R1, R2, R3, R4, R5, R6" in items[0]
    assert "(and the same of 5 more: the JSON report lists each)" in text
    assert sum(f["rule"] == "FP004" for f in json.loads(render_json(report))["findings"]) == 6


def test_three_unnamed_rooms_stay_three_items():
    rooms = [rect(f"R{k}", "", 4 * k, 0, 3, 3) for k in range(1, 4)] + [
        rect("B1", "Bedroom", 0, 5, 3.5, 3.5)]
    report = check(plan(*rooms))
    assert sum(f.rule == "FP004" for f in report.findings) == 3 < FOLD
    items = [ln for ln in _to_review(render(report)) if " FP004 " in ln]
    assert len(items) == 3
