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


def test_an_image_without_verdict_says_why_first():
    # one 12 m² bedroom and an unnamed 20 m² space: the unnamed one is over half the floor,
    # so the plan cannot be assessed; the image must list the reason before any finding
    report = check(plan(rect("R1", "Bedroom 1", 0, 0, 4, 3), rect("R2", "", 4.1, 0, 5, 4)))
    assert report.result == "cannot_assess" and report.cannot_assess
    scene = build(report)
    unread = [text for kind, text in scene.notes if kind == "cannot_assess"]
    assert unread == list(report.cannot_assess)
    kinds = [kind for kind, _ in scene.notes]
    assert kinds[: len(unread)] == ["cannot_assess"] * len(unread)


def test_a_plan_with_a_verdict_has_no_unread_notes():
    report = check(plan(rect("R1", "Bedroom 1", 0, 0, 4, 3)))
    assert report.result != "cannot_assess"
    assert all(kind != "cannot_assess" for kind, _ in build(report).notes)


def test_the_dxf_markup_table_says_why_there_is_no_verdict(tmp_path):
    import ezdxf

    from floorplan.render import render_to_file

    report = check(plan(rect("R1", "Bedroom 1", 0, 0, 4, 3), rect("R2", "", 4.1, 0, 5, 4)))
    assert report.cannot_assess
    out = tmp_path / "unread.dxf"
    render_to_file(report, out)
    texts = [e.dxf.text for e in ezdxf.readfile(out).modelspace().query("TEXT")]
    assert [t for t in texts if t.startswith("No verdict: ")] == [
        f"No verdict: {why}" for why in report.cannot_assess]
    # and a plan with a verdict has no such line
    render_to_file(check(plan(rect("R1", "Bedroom 1", 0, 0, 4, 3))), tmp_path / "ok.dxf")
    assert not [e for e in ezdxf.readfile(tmp_path / "ok.dxf").modelspace().query("TEXT")
                if e.dxf.text.startswith("No verdict")]
