"""Issue 12, classes 11 and 13: batch says one line per failed plan and keeps tracebacks
to a log on request; one plan cannot stall it; usage errors and a full disk are one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from floorplan import batch
from floorplan.cli import cli

PLAN = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"kind": "room", "id": "B1", "name": "Bedroom 1"},
     "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]]]}}]}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def plans(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in names:
        (folder / f"{n}.geojson").write_text(json.dumps(PLAN))
    return folder


# -------------------------------------------------------------- 13. usage errors, full disk


@pytest.mark.parametrize("args, word", [
    (["check", "P", "--format", "xml"], "--format"),
    (["check", "--nope", "P"], "--nope"),
    (["check"], "PLAN"),
    (["frobnicate"], "frobnicate"),
])
def test_usage_error_is_one_line_with_the_help_hint(args, word):
    res = run(*args)
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert word in lines[0] and "--help" in lines[0] and "Usage:" not in lines[0]


def test_batch_output_that_is_a_file_is_one_line(tmp_path: Path):
    f = tmp_path / "FILE"
    f.write_text("x")
    res = run("batch", tmp_path, "-o", f)
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1
    assert "batch --help" in res.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_to_a_full_disk_says_so(tmp_path: Path):
    p = plans(tmp_path, "P") / "P.geojson"
    with open("/dev/full", "w") as full:
        res = subprocess.run([sys.executable, "-m", "floorplan", "check", str(p)], stdout=full,
                             stderr=subprocess.PIPE, text=True, timeout=120)
    assert res.returncode == 2
    assert res.stderr.strip().splitlines() == [
        "floorplan: cannot write to standard output (/dev/full): no space left on device"]


def test_closed_pipe_is_quiet(tmp_path: Path):
    p = plans(tmp_path, "P") / "P.geojson"
    proc = subprocess.Popen([sys.executable, "-m", "floorplan", "rules", "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert "Traceback" not in err and "Exception ignored" not in err
    assert p.exists()


# -------------------------------------------------------------- 11. batch


def test_internal_error_is_one_line_and_no_traceback_on_stderr(monkeypatch, capsys, tmp_path):
    def boom(*a, **k):
        raise RuntimeError("rule exploded\nacross two lines")

    monkeypatch.setattr("floorplan.engine.check", boom)
    job = batch.make_jobs([plans(tmp_path / "in", "P")], tmp_path / "out")[0]
    (tmp_path / "out" / "reports").mkdir(parents=True)
    row = batch.run_one(job)
    err = capsys.readouterr().err
    assert "Traceback" not in err and err == ""
    assert "\n" not in row.error and "rule exploded across two lines" in row.error
    assert "Traceback" in row.detail and "RuntimeError" in row.detail


def test_verbose_keeps_tracebacks_in_batch_log_and_only_then(monkeypatch, tmp_path: Path):
    def boom(*a, **k):
        raise RuntimeError("rule exploded")

    monkeypatch.setattr("floorplan.engine.check", boom)  # inherited by the forked workers
    src = plans(tmp_path / "in", "a", "b")
    quiet, loud = tmp_path / "quiet", tmp_path / "loud"
    res = run("batch", src, "-o", quiet, "--jobs", "1", "--no-images")
    assert res.exit_code == 2
    assert not (quiet / "batch.log").exists()
    failed = [ln for ln in res.stdout.splitlines() if "internal error" in ln]
    assert len(failed) == 2 and "Traceback" not in res.output
    res = run("batch", src, "-o", loud, "--jobs", "2", "--no-images", "--verbose")
    log = (loud / "batch.log").read_text()
    assert log.count("Traceback") == 2 and "rule exploded" in log
    assert "Traceback" not in res.output


def test_a_plan_past_its_time_budget_is_stopped_and_the_others_finish(monkeypatch, tmp_path):
    real = batch._run_one

    def slow(job):
        if "slow" in job.source:
            time.sleep(600)
        return real(job)

    monkeypatch.setattr(batch, "_run_one", slow)
    jobs = batch.make_jobs([plans(tmp_path / "in", "a", "slow", "b")], tmp_path / "out",
                           batch.Options(images=False))
    start = time.monotonic()
    rows = {r.name: r for r in batch.run(jobs, workers=2, timeout=2)}
    assert time.monotonic() - start < 60
    assert "stopped after 2 s" in rows["slow"].error and rows["slow"].exit_code == 2
    assert rows["a"].error is None and rows["b"].error is None


def test_timeout_option_reaches_the_batch(monkeypatch, tmp_path: Path):
    seen = {}
    real = batch.run

    def spy(*a, **k):
        seen["timeout"] = k.get("timeout")
        return real(*a, **k)

    monkeypatch.setattr(batch, "run", spy)
    src = plans(tmp_path / "in", "a")
    run("batch", src, "-o", tmp_path / "o1", "--no-images", "--jobs", "1")
    assert seen["timeout"] == batch.DEFAULT_TIMEOUT_S
    run("batch", src, "-o", tmp_path / "o2", "--no-images", "--jobs", "1", "--timeout", "7")
    assert seen["timeout"] == 7
