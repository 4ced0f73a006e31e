"""``floorplan batch --scheduler``: plans as tasks on a Dask cluster (skipped without Dask).

A LocalCluster of two worker processes gives the summary the process pool gives; a plan
that raises, runs past its time or kills its worker is reported for that plan, and the
others go on (Dask runs a task again when its worker is lost).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from floorplan import batch
from floorplan.batch import cluster
from floorplan.cli import cli
from tests.batch_faults import kills_its_worker, slow_or_raising

distributed = pytest.importorskip("distributed")

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _plans(folder: Path, *names: str, rooms: int = 8) -> Path:
    import sys

    sys.path.insert(0, str(BENCH))
    try:
        import schemes
    finally:
        sys.path.remove(str(BENCH))
    folder.mkdir(parents=True, exist_ok=True)
    for i, n in enumerate(names):
        schemes.write_geojson(folder / f"{n}.geojson", rooms * (i + 1))
    return folder


def _run(*args):
    return CliRunner().invoke(cli, ["batch", *map(str, args)], catch_exceptions=False)


@pytest.fixture(scope="module")
def in_process():
    """Two worker threads in this process: quick to start (the plans still run in their
    sandbox processes)."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as c:
        yield c.scheduler_address


def test_local_cluster_of_two_workers_gives_the_pool_summary(tmp_path: Path):
    src = _plans(tmp_path / "plans", "p1", "p2", "p3", "p4")
    (src / "broken.geojson").write_text('{"type": "FeatureCollection", "features": [')
    pool_out, dask_out = tmp_path / "pool", tmp_path / "dask"
    res_pool = _run(src, "-o", pool_out, "--jobs", "2", "--no-images")
    res_dask = _run(src, "-o", dask_out, "--jobs", "2", "--no-images", "--scheduler", "local")
    assert res_pool.exit_code == res_dask.exit_code == 2  # broken.geojson
    for f in ("summary.json", "summary.csv", "findings.csv", "summary.jsonl", "index.html"):
        assert (dask_out / f).read_bytes() == (pool_out / f).read_bytes(), f
    for n in ("p1", "p2", "p3", "p4"):  # the workers wrote the reports
        assert (dask_out / "reports" / f"{n}.json").read_bytes() == (
            pool_out / "reports" / f"{n}.json").read_bytes()
    plans = json.loads((dask_out / "summary.json").read_text())["plans"]
    assert [p["rooms"] for p in plans if p["error"] is None] == [8, 16, 24, 32]


def test_an_address_with_relative_paths_and_images(in_process, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _plans(Path("plans"), "a", "b")
    res = _run("plans", "-o", "out", "--scheduler", in_process)
    assert res.exit_code in (0, 1), res.output
    plans = json.loads(Path("out/summary.json").read_text())["plans"]
    assert [p["source"] for p in plans] == ["plans/a.geojson", "plans/b.geojson"]
    assert all(Path("out", p["image"]).is_file() for p in plans)
    assert 'src="thumbs/a.png"' in Path("out/index.html").read_text()


def test_a_plan_that_raises_or_runs_too_long_is_a_row(in_process, tmp_path: Path):
    src = _plans(tmp_path / "plans", "a", "slow", "raising", "b")
    jobs = batch.make_jobs([src], tmp_path / "out", batch.Options(images=False))
    (tmp_path / "out" / "reports").mkdir(parents=True)
    rows, faults = {}, {}
    start = time.monotonic()
    cluster.run(jobs, slow_or_raising, in_process, None, timeout=3,
                on_result=lambda job, row: rows.__setitem__(job.name, row),
                on_fault=lambda job, problem: faults.__setitem__(job.name, problem))
    assert time.monotonic() - start < 60
    assert faults == {"slow": "stopped after 3 s (the --timeout for one plan)",
                      "raising": "internal error: RuntimeError: the task exploded"}
    assert sorted(rows) == ["a", "b"] and all(r.error is None for r in rows.values())


def test_a_lost_worker_is_retried_and_one_lost_every_time_is_reported(tmp_path: Path):
    import dask

    src = _plans(tmp_path / "plans", "a", "once", "always", "b")
    jobs = batch.make_jobs([src], tmp_path / "out", batch.Options(images=False))
    (tmp_path / "out" / "reports").mkdir(parents=True)
    rows, faults = {}, {}
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        cluster.run(jobs, kills_its_worker, "local", 2, timeout=None,
                    on_result=lambda job, row: rows.__setitem__(job.name, row),
                    on_fault=lambda job, problem: faults.__setitem__(job.name, problem))
    assert list(faults) == ["always"] and "worker was lost" in faults["always"]
    assert sorted(rows) == ["a", "b", "once"]  # "once" ran again on a new worker
    assert rows["once"].error is None and rows["once"].rooms == 16


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 2.0)
    src = _plans(tmp_path / "plans", "a")
    res = _run(src, "-o", tmp_path / "out", "--scheduler", "tcp://127.0.0.1:9")
    assert res.exit_code == 2
    assert res.output.startswith("floorplan: --scheduler tcp://127.0.0.1:9: cannot reach")
    assert "Traceback" not in res.output
