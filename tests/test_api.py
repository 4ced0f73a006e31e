"""The Python API: read, check, the Report's methods, the notebook views, and the
worked examples of docs/python.md (run as they are written)."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import shapely
from shapely.geometry import shape

import floorplan

ROOT = Path(__file__).parents[1]
OAK = ROOT / "samples" / "oak-house.geojson"


def test_import_floorplan_loads_nothing_heavy():
    from tests.test_architecture import _loaded_after

    loaded = _loaded_after("import floorplan")
    heavy = sorted(m for m in loaded for lib in ("matplotlib", "ezdxf", "shapely", "numpy",
                                                   "rich", "jinja2", "pandas")
                   if m == lib or m.startswith(lib + "."))
    assert not heavy, heavy


def test_read_and_check_with_the_command_lines_options():
    plan = floorplan.read(OAK, tenants=3, wheelchair=True)
    assert (plan.meta.tenants, plan.meta.wheelchair) == (3, True)
    report = floorplan.check(plan, profile="ndss")
    assert report.profile.id == "ndss"
    same = floorplan.check(str(OAK), profile="ndss", tenants=3, wheelchair=True)
    assert [f.to_dict() for f in same.findings] == [f.to_dict() for f in report.findings]
    with pytest.raises(TypeError):
        floorplan.read(OAK, tenant=3)  # a typo is an error, not ignored


def test_report_rooms_findings_dict_and_dataframe():
    report = floorplan.check(OAK)
    assert [r["id"] for r in report.rooms] == [r.id for r in report.plan.rooms]
    attic = next(r for r in report.rooms if r["id"] == "F6")
    assert attic["area_m2"] == pytest.approx(7.2)  # 4 x 3 m, 1.2 m of it under 1.5 m
    assert report.to_dict()["summary"]["result"] == report.result
    pd = pytest.importorskip("pandas")
    df = report.to_dataframe()
    assert isinstance(df, pd.DataFrame) and len(df) == len(report.findings)
    row = df[(df.code == "FP101") & (df.status == "fail")].iloc[0]
    assert row.room == "Bedroom 4 (attic)" and row.measured == pytest.approx(7.2)


def test_render_and_save(tmp_path):
    report = floorplan.check(OAK)
    png = report.render(tmp_path / "plan.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    out = report.save(tmp_path / "r.json")
    assert json.loads(out.read_text())["plan"]["name"].startswith("Oak House")
    csv = report.save(tmp_path / "r.csv")
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")


def test_geo_interfaces():
    plan = floorplan.read(OAK)
    room = plan.rooms[0]
    assert shape(room.__geo_interface__["geometry"]).area == pytest.approx(room.gross_area)
    fc = plan.__geo_interface__
    assert [f["id"] for f in fc["features"]] == [r.id for r in plan.rooms]
    report = floorplan.check(plan)
    feats = report.__geo_interface__["features"]
    by_id = {f["id"]: f for f in feats}
    assert by_id["F6"]["properties"]["status"] == "fail"
    assert shapely.geometry.shape(by_id["F6"]["geometry"]).area == pytest.approx(12.0)


def test_notebook_views():
    plan = floorplan.read(OAK)
    svg = plan._repr_svg_()
    root = ET.fromstring(svg)  # well-formed
    assert root.tag.endswith("svg")
    names = [t.text for t in root.iter() if t.tag.endswith("text")]
    assert sorted(names) == sorted(r.name for r in plan.rooms)
    html = floorplan.check(plan)._repr_html_()
    assert "<svg" in html and "FAIL" in html and "Bedroom 4 (attic)" in html
    assert "<html" not in html  # a fragment, for the notebook's own page


def test_notebook_view_escapes_the_plan(tmp_path):
    from tests.plans import plan, rect

    p = plan(rect("R1", "<script>alert(1)</script>", 0, 0, 3, 2))
    html = floorplan.check(p)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<script>" not in p._repr_svg_()


def test_the_worked_examples_in_docs_python_md(tmp_path, monkeypatch, capsys):
    pytest.importorskip("pandas")
    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 4
    monkeypatch.chdir(tmp_path)
    os.symlink(ROOT / "samples", tmp_path / "samples")
    env: dict = {}
    for block in blocks:
        exec(compile(block, "docs/python.md", "exec"), env)  # noqa: S102 - our own docs
    out = capsys.readouterr().out
    assert out.startswith("fail {")
    assert (tmp_path / "oak-house.png").stat().st_size > 10_000
    assert (tmp_path / "birch-court.csv").exists()
    lines = out.splitlines()
    # what the page's comments say each example prints
    assert "30 ('Flat 1', 'Flat 2')" in lines and "Bedroom 12.0" in lines
    assert any(ln.startswith("FP103 dwelling-area 43.68") for ln in lines)
    assert "Kitchen/Living 15.6" in lines
