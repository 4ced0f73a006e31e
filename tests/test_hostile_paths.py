"""Issue 12, classes 1, 2, 3, 12 and 14: inputs are never overwritten; only regular files
are read or written; a FIFO never hangs; reports are never silently lost; killed runs
leave no litter for long."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from floorplan.cli import cli
from floorplan.errors import OutputError
from floorplan.io import atomic

SAMPLES = Path(__file__).parents[1] / "samples"
PLAN = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"kind": "room", "id": "B1", "name": "Bedroom 1"},
     "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]]]}}]}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def cmd(*args, timeout=60):
    """The real command in a process of its own (a hang fails the test, not the suite)."""
    return subprocess.run([sys.executable, "-m", "floorplan", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def one_line(text: str) -> bool:
    return len(text.strip().splitlines()) == 1 and "Traceback" not in text


@pytest.fixture()
def plan(tmp_path: Path) -> Path:
    p = tmp_path / "P.geojson"
    p.write_text(json.dumps(PLAN))
    return p


@pytest.fixture()
def dxf(tmp_path: Path) -> Path:
    p = tmp_path / "P.dxf"
    shutil.copy(SAMPLES / "walls-only.dxf", p)
    return p


# -------------------------------------------------------------- 1. the input is never replaced


def test_check_output_named_as_its_input_is_refused(plan: Path):
    before = plan.read_bytes()
    res = run("check", plan, "--format", "geojson", "-o", plan)
    assert res.exit_code == 2 and one_line(res.stderr)
    assert "input" in res.stderr
    assert plan.read_bytes() == before


def test_render_output_named_as_its_input_is_refused(dxf: Path):
    before = dxf.read_bytes()
    res = run("render", dxf, "-o", dxf)
    assert res.exit_code == 2 and one_line(res.stderr)
    assert dxf.read_bytes() == before


def test_image_named_as_the_input_is_refused(dxf: Path):
    before = dxf.read_bytes()
    res = run("check", dxf, "--image", dxf)
    assert res.exit_code == 2 and one_line(res.stderr)
    assert dxf.read_bytes() == before


def test_hard_link_to_the_input_is_refused(plan: Path, tmp_path: Path):
    link = tmp_path / "same.json"
    os.link(plan, link)
    before = plan.read_bytes()
    res = run("check", plan, "--format", "json", "-o", link)
    assert res.exit_code == 2 and one_line(res.stderr)
    assert plan.read_bytes() == before and link.read_bytes() == before


def test_symlink_to_the_input_is_refused(plan: Path, tmp_path: Path):
    link = tmp_path / "link.json"
    link.symlink_to(plan)
    before = plan.read_bytes()
    res = run("check", plan, "--format", "json", "-o", link)
    assert res.exit_code == 2 and one_line(res.stderr)
    assert plan.read_bytes() == before and link.is_symlink()


def test_refused_before_any_work_is_done(plan: Path, tmp_path: Path):
    """The image would have been drawn before the report replaced the plan."""
    image = tmp_path / "P.png"
    res = run("check", plan, "--format", "geojson", "-o", plan, "--image", image)
    assert res.exit_code == 2
    assert not image.exists()


def test_several_plans_reports_named_after_them_in_their_own_folder(tmp_path: Path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "P.geojson").write_text(json.dumps(PLAN))
    (b / "P.geojson").write_text(json.dumps({**PLAN, "floorplan": {"name": "B"}}))
    before = {p: p.read_bytes() for p in (a / "P.geojson", b / "P.geojson")}
    res = run("check", a / "P.geojson", b / "P.geojson", "--format", "geojson", "-o", a)
    assert res.exit_code in (0, 1), res.stderr
    assert {p: p.read_bytes() for p in before} == before  # neither plan replaced
    reports = sorted(p.name for p in a.iterdir() if p.name != "P.geojson")
    assert len(reports) == 2  # 12: two reports, not one written over the other


def test_same_stem_in_two_folders_gets_two_reports(tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    for sub in ("A", "B"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.geojson").write_text(json.dumps(PLAN))
    res = run("check", tmp_path / "A" / "x.geojson", tmp_path / "B" / "x.geojson",
              "--format", "json", "-o", out)
    assert res.exit_code in (0, 1)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["A-x.json", "B-x.json"]
    assert {json.loads((out / n).read_text())["plan"]["source"] for n in names} == {
        str(tmp_path / "A" / "x.geojson"), str(tmp_path / "B" / "x.geojson")}


def test_batch_report_that_would_replace_a_plan_is_refused(tmp_path: Path):
    out = tmp_path / "out"
    (out / "reports").mkdir(parents=True)
    victim = out / "reports" / "x.json"
    victim.write_text(json.dumps(PLAN))
    before = victim.read_bytes()
    res = run("batch", victim, "-o", out, "--jobs", "1", "--no-images")
    assert res.exit_code == 2 and one_line(res.stderr)
    assert victim.read_bytes() == before
    assert not (out / "summary.json").exists()


def test_write_atomic_never_replaces_a_file_that_was_read(plan: Path):
    from floorplan.io import read_plan

    read_plan(plan)
    with pytest.raises(OutputError, match="input"):
        atomic.write_atomic(plan, "{}")
    assert json.loads(plan.read_text()) == PLAN


# -------------------------------------------------------------- 2. special files as output


def test_fifo_as_output_is_refused_and_stays_a_fifo(plan: Path, tmp_path: Path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    res = cmd("check", plan, "--format", "json", "-o", fifo)
    assert res.returncode == 2 and one_line(res.stderr), res.stderr
    assert "FIFO" in res.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_device_as_output_is_refused_and_stays_a_device(plan: Path, tmp_path: Path):
    """As root the rename replaced /dev/full; a device node of our own stands in for it."""
    dev = tmp_path / "full"
    os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # the numbers of /dev/full
    res = cmd("check", plan, "--format", "json", "-o", dev)
    assert res.returncode == 2 and one_line(res.stderr), res.stderr
    assert "device" in res.stderr
    assert stat.S_ISCHR(os.lstat(dev).st_mode)


def test_folder_as_output_is_one_line(plan: Path, tmp_path: Path):
    res = run("check", plan, "--format", "json", "-o", tmp_path)
    assert res.exit_code == 2 and one_line(res.stderr)
    assert "folder" in res.stderr


def test_symlink_as_output_is_refused_and_its_target_untouched(plan: Path, tmp_path: Path):
    """The documented policy (docs/cli.md): a link named as output is refused, not followed."""
    target = tmp_path / "elsewhere.json"
    target.write_text("keep me")
    link = tmp_path / "report.json"
    link.symlink_to(target)
    res = run("check", plan, "--format", "json", "-o", link)
    assert res.exit_code == 2 and one_line(res.stderr)
    assert "symbolic link" in res.stderr
    assert link.is_symlink() and target.read_text() == "keep me"


def test_write_atomic_checks_again_at_write_time(tmp_path: Path):
    fifo = tmp_path / "x.json"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="FIFO"):
        atomic.write_atomic(fifo, "{}")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]  # no temporary file left


# -------------------------------------------------------------- 3. special files as input


def test_fifo_as_input_is_refused_at_once(tmp_path: Path):
    fifo = tmp_path / "plan.geojson"
    os.mkfifo(fifo)
    start = time.monotonic()
    res = cmd("check", fifo, timeout=60)
    assert res.returncode == 2 and one_line(res.stderr), res.stderr
    assert "FIFO" in res.stderr and str(fifo) in res.stderr
    assert time.monotonic() - start < 30


def test_fifo_dxf_as_input_is_refused(tmp_path: Path):
    fifo = tmp_path / "plan.dxf"
    os.mkfifo(fifo)
    res = cmd("render", fifo, "-o", tmp_path / "x.png")
    assert res.returncode == 2 and "FIFO" in res.stderr


def test_terminal_stdin_is_refused(monkeypatch):
    from floorplan.errors import PlanReadError
    from floorplan.io import read_stdin

    class Tty:
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdin", Tty())
    with pytest.raises(PlanReadError, match="terminal"):
        read_stdin()


def test_batch_with_a_fifo_in_the_folder_does_not_stall(tmp_path: Path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "good.geojson").write_text(json.dumps(PLAN))
    os.mkfifo(plans / "stuck.json")
    os.mkfifo(plans / "stuck2.geojson")
    out = tmp_path / "out"
    res = cmd("batch", plans, "-o", out, "--jobs", "2", "--no-images", timeout=120)
    assert res.returncode == 2, res.stderr
    rows = {r["name"]: r for r in json.loads((out / "summary.json").read_text())["plans"]}
    assert rows["good"]["result"] in ("pass", "warn", "fail")
    assert "FIFO" in rows["stuck"]["error"] and "FIFO" in rows["stuck2"]["error"]


# -------------------------------------------------------------- 14. litter of killed runs


def test_stale_temporary_files_of_dead_runs_are_removed(tmp_path: Path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f".r.json.{dead}.abcd1234.part"
    old_style = tmp_path / ".r.json.zz9x8y7w.part"
    young = tmp_path / f".other.json.{os.getpid()}.abcd1234.part"
    unrelated = tmp_path / ".notes.part"
    for f in (stale, old_style, young, unrelated):
        f.write_text("half")
    hour_ago = time.time() - 7200
    for f in (stale, old_style, unrelated):
        os.utime(f, (hour_ago, hour_ago))
    atomic._CLEANED.discard(os.path.abspath(tmp_path))
    atomic.write_atomic(tmp_path / "r.json", "{}")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([".notes.part", young.name, "r.json"])


def test_temporary_name_carries_the_pid(tmp_path: Path, monkeypatch):
    seen = []
    real = os.replace

    def spy(src, dst):
        seen.append(Path(src).name)
        return real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    atomic.write_atomic(tmp_path / "r.json", "{}")
    assert seen and seen[0].startswith(f".r.json.{os.getpid()}.")
    assert atomic._PART.match(seen[0])


def test_guard_names_both_outputs_that_are_one_file(tmp_path: Path):
    from floorplan.io import paths

    with pytest.raises(OutputError, match="twice"):
        paths.guard([], [tmp_path / "x.json", tmp_path / "x.json"])
