"""The batch's summary streamed to disk: summary.jsonl as plans finish, ``--resume`` after a
kill, thumbnails as files, and the summary files written one row at a time."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner
from PIL import Image

from floorplan import batch
from floorplan.batch import summary
from floorplan.cli import cli
from floorplan.io.geojson import plan_to_geojson
from tests.plans import door, plan, rect


def _plan(name: str, bedroom: str = "Bedroom 1"):
    return plan(rect("R1", bedroom, 0, 0, 4, 3, ceiling_height=2.4),
                rect("R2", "Hall", 4.1, 0, 2, 3, ceiling_height=2.4),
                doors=[door("D1", 4.05, 1.5)], name=name)


def _write(path: Path, p) -> Path:
    path.write_text(json.dumps(plan_to_geojson(p)), encoding="utf-8")
    return path


def _run(*args):
    return CliRunner().invoke(cli, ["batch", *map(str, args)], catch_exceptions=False)


def test_streamed_json_is_the_text_json_dumps_gives():
    rows = [batch.Row("é.geojson", "e", title="Ærø ≥ 2", result="pass", exit_code=0,
                      messages=("a", "b")),
            batch.Row("x.geojson", "x", error="x.geojson: not valid JSON")]
    for some in (rows, rows[:1], []):
        expected = json.dumps(summary.summary_dict(some), indent=2, ensure_ascii=False) + "\n"
        assert summary.summary_json(some) == expected


def test_resume_after_a_kill_checks_only_what_is_missing_or_changed(tmp_path: Path):
    src = tmp_path / "plans"
    src.mkdir()
    names = ["a", "b", "c", "d", "e"]
    for n in names:
        _write(src / f"{n}.geojson", _plan(n))
    out = tmp_path / "out"
    assert _run(src, "-o", out, "--jobs", "1", "--no-images").exit_code in (0, 1)
    # the kill: three rows written (the third only half), no summary files yet
    journal = out / "summary.jsonl"
    lines = journal.read_bytes().splitlines(keepends=True)
    assert len(lines) == 1 + len(names)  # the options, then one row a plan
    journal.write_bytes(b"".join(lines[:3]) + lines[3][: len(lines[3]) // 2])
    for f in ("summary.json", "summary.csv", "findings.csv", "index.html"):
        (out / f).unlink()
    # b changes after its report was written: it must be checked again
    b_report = out / "reports" / "b.json"
    _write(src / "b.geojson", _plan("b", bedroom="Store"))
    later = b_report.stat().st_mtime_ns + 10**9
    os.utime(src / "b.geojson", ns=(later, later))
    before = {n: (out / "reports" / f"{n}.json").stat().st_mtime_ns for n in names}

    res = _run(src, "-o", out, "--jobs", "1", "--no-images", "--resume")
    assert res.exit_code in (0, 1)
    assert "1 of 5 plans already checked" in res.output
    after = {n: (out / "reports" / f"{n}.json").stat().st_mtime_ns for n in names}
    assert [n for n in names if after[n] == before[n]] == ["a"]  # only a was kept
    fresh = tmp_path / "fresh"
    _run(src, "-o", fresh, "--jobs", "1", "--no-images")
    for f in ("summary.json", "summary.csv", "findings.csv", "summary.jsonl"):
        assert (out / f).read_text(encoding="utf-8") == (fresh / f).read_text(encoding="utf-8"), f
    rooms = {r["name"]: r for r in json.loads((out / "summary.json").read_text())["plans"]}
    report_b = json.loads(b_report.read_text())
    assert [r["name"] for r in report_b["rooms"]] == ["Store", "Hall"]  # b read anew
    assert rooms["b"]["result"] == json.loads((fresh / "summary.json").read_text())["plans"][1]["result"]


def test_resume_with_other_options_is_refused(tmp_path: Path):
    src = _write(tmp_path / "a.geojson", _plan("a"))
    out = tmp_path / "out"
    _run(src, "-o", out, "--jobs", "1", "--no-images")
    res = _run(src, "-o", out, "--jobs", "1", "--resume")
    assert res.exit_code == 2
    assert "other options (images)" in res.output and len(res.output.strip().splitlines()) == 1


def test_resume_in_an_empty_folder_checks_everything(tmp_path: Path):
    src = _write(tmp_path / "a.geojson", _plan("a"))
    res = _run(src, "-o", tmp_path / "out", "--jobs", "1", "--no-images", "--resume")
    assert res.exit_code in (0, 1) and "0 of 1 plans already checked" in res.output
    assert json.loads((tmp_path / "out" / "summary.json").read_text())["totals"]["plans"] == 1


def test_thumbnails_are_files_the_index_links(tmp_path: Path):
    src = _write(tmp_path / "a.geojson", _plan("a"))
    out = tmp_path / "out"
    _run(src, "-o", out, "--jobs", "1")
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "data:image" not in html
    assert 'src="thumbs/a.png"' in html
    with Image.open(out / "thumbs" / "a.png") as im:
        assert im.width <= batch.THUMB_WIDTH
    row = json.loads((out / "summary.jsonl").read_text().splitlines()[1])
    assert row["thumbnail"] == "thumbs/a.png" and row["image"] == "images/a.png"


def test_rows_reach_the_journal_as_plans_finish(tmp_path: Path, monkeypatch):
    for n in ("a", "b", "c"):
        _write(tmp_path / f"{n}.geojson", _plan(n))
    out = tmp_path / "out"
    seen = []
    real = batch.run_one

    def spy(job):  # before each plan, the rows of the plans before it are in the file
        seen.append(len((out / "summary.jsonl").read_text().splitlines()) - 1)
        return real(job)

    monkeypatch.setattr(batch, "run_one", spy)
    _run(tmp_path, "-o", out, "--jobs", "1", "--no-images", "--timeout", "0")
    assert seen == [0, 1, 2]


def test_a_url_as_output_is_refused(tmp_path: Path):
    src = _write(tmp_path / "a.geojson", _plan("a"))
    res = _run(src, "-o", "s3://bucket/out")
    assert res.exit_code == 2 and "not supported yet" in res.output
    assert not Path("s3:").exists()


def test_scheduler_without_dask_says_how_to_install_it(tmp_path: Path, monkeypatch):
    from floorplan.batch import cluster

    monkeypatch.setattr(cluster, "available", lambda: False)
    src = _write(tmp_path / "a.geojson", _plan("a"))
    res = _run(src, "-o", tmp_path / "out", "--scheduler", "local")
    assert res.exit_code == 2
    assert res.output.strip() == ("floorplan: --scheduler needs Dask, which is not installed: "
                                  "pip install 'floorplan-check[dask]'")
    assert not (tmp_path / "out").exists()
