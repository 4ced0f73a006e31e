"""``floorplan batch``: every plan in the summary, broken ones with their error, worst exit code."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from floorplan import batch
from floorplan.cli import cli
from floorplan.io.geojson import plan_to_geojson
from tests.plans import door, plan, rect


def _good_plan(name: str):
    return plan(
        rect("R1", "Bedroom 1", 0, 0, 4, 3, ceiling_height=2.4),
        rect("R2", "Hall", 4.1, 0, 2, 3, ceiling_height=2.4),
        doors=[door("D1", 4.05, 1.5)], name=name,
    )


def _write(path: Path, p) -> Path:
    path.write_text(json.dumps(plan_to_geojson(p)), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "plans"
    (d / "more").mkdir(parents=True)
    _write(d / "alpha.geojson", _good_plan("Alpha"))
    _write(d / "more" / "beta.json", _good_plan("Beta"))
    (d / "broken.geojson").write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    (d / "make_samples.py").write_text("print('not a plan')\n", encoding="utf-8")
    (d / "settings.json").write_text('{"jobs": 2}', encoding="utf-8")  # not GeoJSON: passed over
    (d / "README.txt").write_text("notes", encoding="utf-8")
    return d


def _run(args: list[str]):
    return CliRunner().invoke(cli, ["batch", *args], catch_exceptions=False)


def test_summary_lists_every_plan_broken_one_with_its_error(folder: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = _run([str(folder), "--output", str(out), "--jobs", "1"])
    assert result.exit_code == 2  # the worst: one plan could not be read
    summary = json.loads((out / "summary.json").read_text())
    by_name = {p["name"]: p for p in summary["plans"]}
    assert set(by_name) == {"alpha", "beta", "broken"}
    assert by_name["broken"]["result"] == "error"
    assert by_name["broken"]["error"].startswith(str(folder / "broken.geojson"))
    assert "not valid JSON" in by_name["broken"]["error"]
    for good in ("alpha", "beta"):
        row = by_name[good]
        assert row["error"] is None and row["result"] in ("pass", "warn", "fail")
        assert row["rooms"] == 2
        report = json.loads((out / row["report"]).read_text())
        assert [r["id"] for r in report["rooms"]] == ["R1", "R2"]
        assert row["image"] or row["image_note"]  # an image, or why there is none
    assert summary["totals"] == {"plans": 3, "pass": summary["totals"]["pass"],
                                 "warn": summary["totals"]["warn"],
                                 "fail": summary["totals"]["fail"], "cannot_assess": 0,
                                 "error": 1}
    assert summary["exit_code"] == 2
    assert "broken.geojson" in result.output  # the error is also printed


def test_csv_summary_matches_json(folder: Path, tmp_path: Path):
    out = tmp_path / "out"
    _run([str(folder), "--output", str(out), "--jobs", "1", "--no-images"])
    rows = list(csv.DictReader((out / "summary.csv").open(encoding="utf-8-sig")))
    plans = json.loads((out / "summary.json").read_text())["plans"]
    assert [r["source"] for r in rows] == [p["source"] for p in plans]
    assert list(rows[0]) == batch.SUMMARY_FIELDS
    for r, p in zip(rows, plans, strict=True):
        assert r["result"] == p["result"]
        assert int(r["exit_code"]) == p["exit_code"]
        assert int(r["rooms"]) == p["rooms"]
        assert r["error"] == (p["error"] or "")
        assert r["messages"] == " | ".join(p["messages"])
        if p["result"] in ("fail", "warn"):
            assert p["messages"]  # the summary says why


def test_jobs_1_and_2_give_the_same_summary(folder: Path, tmp_path: Path):
    texts = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = _run([str(folder), "--output", str(out), "--jobs", jobs, "--no-images"])
        assert result.exit_code == 2
        texts[jobs] = ((out / "summary.json").read_text(), (out / "summary.csv").read_text())
    assert texts["1"] == texts["2"]


def test_exit_code_is_the_worst_of_the_plans(tmp_path: Path):
    good = _write(tmp_path / "good.geojson", _good_plan("Good"))
    out = tmp_path / "out"
    result = _run([str(good), "--output", str(out), "--jobs", "1", "--no-images"])
    row = json.loads((out / "summary.json").read_text())["plans"][0]
    assert result.exit_code == row["exit_code"] == (1 if row["result"] == "fail" else 0)
    assert batch.exit_code([]) == 0
    rows = [batch.Row("a", "a", result="pass", exit_code=0), batch.Row("b", "b", result="fail", exit_code=1)]
    assert batch.exit_code(rows) == 1
    assert batch.exit_code([*rows, batch.Row("c", "c", error="c: bad")]) == 2


def test_missing_path_is_a_row_and_the_others_run(tmp_path: Path):
    good = _write(tmp_path / "good.geojson", _good_plan("Good"))
    out = tmp_path / "out"
    result = _run([str(good), str(tmp_path / "nope.dxf"), "--output", str(out), "--jobs", "1"])
    assert result.exit_code == 2
    plans = json.loads((out / "summary.json").read_text())["plans"]
    assert [p["result"] == "error" for p in plans] == [False, True]


def test_nothing_found_is_one_line_and_exit_2(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    result = _run([str(tmp_path / "empty"), "--output", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "no plans found" in result.output


def test_globs_and_output_folder_is_not_searched(folder: Path, tmp_path: Path):
    out = folder / "out"  # inside the searched folder: its reports must not become plans
    _run([str(folder), "--output", str(out), "--jobs", "1", "--no-images"])
    _run([str(folder), "--output", str(out), "--jobs", "1", "--no-images"])
    names = [p["name"] for p in json.loads((out / "summary.json").read_text())["plans"]]
    assert sorted(names) == ["alpha", "beta", "broken"]
    found = batch.expand([str(folder / "**" / "*.json")])
    assert [Path(p).name for p in found] == ["beta.json"]  # settings.json is not GeoJSON


def test_same_stem_gets_distinct_outputs(tmp_path: Path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        _write(tmp_path / sub / "plan.geojson", _good_plan(sub))
    names = batch.output_names(batch.expand([tmp_path / "a", tmp_path / "b"]))
    assert names == ["a-plan", "b-plan"]  # the folder tells them apart
    assert batch.output_names([Path("x/oak.dxf"), Path("x/oak.geojson"), Path("x/elm.json")]) == [
        "oak-dxf", "oak-geojson", "elm"]


def test_index_html_is_escaped_and_orders_failures_first(tmp_path: Path):
    rows = [
        batch.Row("p.geojson", "p", title="<script>alert(1)</script>", result="pass", exit_code=0),
        batch.Row("f.geojson", "f", title="Elm Fails", result="fail", exit_code=1, failing_rules="FP101"),
        batch.Row("x.geojson", "x", error="x.geojson: not valid JSON"),
    ]
    html = batch.summary_html(rows)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert html.index("x.geojson: not valid JSON") < html.index("Elm Fails") < html.index("&lt;script&gt;")
    assert "http://" not in html and "https://" not in html  # self-contained


def test_a_crashing_plan_becomes_a_row(monkeypatch, tmp_path: Path):
    good = _write(tmp_path / "good.geojson", _good_plan("Good"))

    def boom(*a, **k):
        raise RuntimeError("rule exploded")

    monkeypatch.setattr("floorplan.engine.check", boom)
    job = batch.make_jobs([good], tmp_path / "out")[0]
    (tmp_path / "out" / "reports").mkdir(parents=True)
    row = batch.run_one(job)
    assert row.result == "error" and row.exit_code == 2
    assert "internal error: RuntimeError: rule exploded" in row.error


def test_a_plan_that_kills_its_worker_is_a_row_and_the_others_still_run(monkeypatch, tmp_path: Path):
    import os

    for name in ("a", "b", "killer", "c"):
        _write(tmp_path / f"{name}.geojson", _good_plan(name))
    real = batch._run_one

    def dies_on_killer(job):
        if "killer" in job.source:
            os._exit(3)  # as the kernel's OOM killer or a segfault would end it
        return real(job)

    monkeypatch.setattr(batch, "_run_one", dies_on_killer)  # inherited by forked workers
    jobs = batch.make_jobs([tmp_path], tmp_path / "out", batch.Options(images=False))
    rows = batch.run(jobs, workers=2)
    by = {r.name: r for r in rows}
    assert by["killer"].result == "error" and "stopped" in by["killer"].error
    assert all(by[n].result != "error" for n in ("a", "b", "c"))


def test_unknown_profile_is_one_line_before_any_plan(folder: Path, tmp_path: Path):
    result = _run([str(folder), "--output", str(tmp_path / "out"), "--profile", "no-such-profile"])
    assert result.exit_code == 2
    assert "no-such-profile" in result.output
    assert not (tmp_path / "out" / "summary.json").exists()


def test_an_imdf_folder_is_one_plan(tmp_path: Path):
    venue = tmp_path / "plans" / "venue"
    venue.mkdir(parents=True)
    for name in ("unit", "opening", "level"):
        (venue / f"{name}.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    _write(tmp_path / "plans" / "house.geojson", _good_plan("House"))
    found = batch.expand([tmp_path / "plans"])
    assert [Path(p).name for p in found] == ["house.geojson", "venue"]
