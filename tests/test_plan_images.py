"""Plan images an assessor reads at a glance: flats outlined and named, a north arrow
when the plan knows north, one legend entry per symbol and one for every symbol."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import floorplan
from floorplan.render.recording import record
from floorplan.render.scene import build
from floorplan.render.style import STYLE

SAMPLES = Path(__file__).parents[1] / "samples"


def test_flats_are_outlined_and_named():
    report = floorplan.check(SAMPLES / "birch-court.geojson")
    rec = record(report)
    outlines = rec.of(key="dwelling")
    names = [d.text for d in rec.of(key="label.dwelling")]
    assert sorted(names) == sorted(report.plan.dwellings) == [f"Flat {i}" for i in range(1, 6)]
    assert sorted(d.ref for d in outlines) == sorted(report.plan.dwellings)
    for d in outlines:  # each outline runs round its flat's rooms
        rooms = [r.polygon for r in report.plan.rooms if r.dwelling == d.ref]
        x0 = min(p.bounds[0] for p in rooms)
        x1 = max(p.bounds[2] for p in rooms)
        assert abs(d.geometry.bounds[0] - x0) < 0.05 and abs(d.geometry.bounds[2] - x1) < 0.05


def test_north_arrow_only_when_the_plan_knows_north(tmp_path):
    report = floorplan.check(SAMPLES / "oak-house.geojson")
    assert build(report).north is None
    if "north" in {f.name for f in __import__("dataclasses").fields(report.plan.meta)}:
        turned = replace(report, plan=replace(report.plan, meta=replace(report.plan.meta, north=30.0)))
        assert build(turned).north == 30.0


def test_one_legend_entry_per_symbol_and_one_for_every_symbol():
    for sample in ("oak-house.geojson", "birch-court.geojson"):
        scene = build(floorplan.check(SAMPLES / sample))
        looks = [STYLE.look(k) for k, _ in scene.legend]
        sigs = [(k.split(".")[0], lk.fill, lk.fill_alpha, lk.edge, lk.width, lk.dash, lk.hatch)
                for (k, _), lk in zip(scene.legend, looks, strict=True)]
        assert len(sigs) == len(set(sigs)), scene.legend
        texts = [t for _, t in scene.legend]
        assert len(texts) == len(set(texts))
        drawn = {p.key for panel in scene.panels for p in panel.primitives}
        symbols = {k for k in drawn if not k.startswith(("label", "text", "title", "scalebar"))}
        shown = {k for k, _ in scene.legend}
        unexplained = [k for k in symbols if k not in shown and not any(
            STYLE.look(k) == STYLE.look(s) for s in shown)]
        assert not unexplained, f"{sample}: {unexplained} drawn but not in the legend"


def test_the_html_plan_has_a_scale_bar():
    from floorplan.reporters.html import plan_svg

    svg, *_ = plan_svg(floorplan.check(SAMPLES / "oak-house.geojson"))
    assert svg and "metres (1:" in svg
