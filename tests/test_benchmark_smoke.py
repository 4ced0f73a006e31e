"""The benchmark's generator and one timed case, on a tiny scheme (the benchmark itself is not a test)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    sys.path.insert(0, str(BENCH))
    try:
        import schemes
    finally:
        sys.path.remove(str(BENCH))
    files = schemes.write(tmp_path_factory.mktemp("bench"), 16)
    return None, schemes, files


def test_generated_geojson_reads_as_the_scheme(bench):
    from floorplan.io import read_plan

    _, schemes, files = bench
    plan = read_plan(files["geojson"])
    assert len(plan.rooms) == 16
    assert len(plan.dwellings) == 2
    assert len(plan.doors) == 2 * len(schemes.FLAT_DOORS)
    assert len(plan.obstacles) == 2


def test_generated_dxf_is_millimetres_with_outlines_names_and_doors(bench):
    import ezdxf

    _, _, files = bench
    doc = ezdxf.readfile(files["dxf"])
    assert doc.header["$INSUNITS"] == 4
    msp = doc.modelspace()
    assert len(msp.query("LWPOLYLINE[layer=='A-AREA']")) == 16
    assert len(msp.query("MTEXT[layer=='A-AREA']")) == 16
    assert len(msp.query("INSERT[layer=='A-DOOR']")) == 16


def test_a_run_is_accounted_from_its_own_process():
    pairs = _bench_module("pairs")
    # a child that burns CPU for a while, then exits 0: its CPU time is counted
    r = pairs.run_once([sys.executable, "-c", "sum(i * i for i in range(3_000_000))"])
    assert r.code == 0 and not r.error
    assert r.cpu > 0.05 and r.wall >= r.cpu * 0.5 and r.peak_mb > 1
    fails = pairs.run_once([sys.executable, "-c", "import sys; sys.exit('rules fail')"])
    assert fails.code == 1 and fails.error == ""  # exit 1 is a plan that fails rules: a result
    bad = pairs.run_once([sys.executable, "-c", "import sys; print('x.dxf: broken', file=sys.stderr); sys.exit(2)"])
    assert bad.code == 2 and bad.error == "x.dxf: broken"


def test_pairs_interleave_and_take_the_median_ratio():
    pairs = _bench_module("pairs")
    slow = [sys.executable, "-c", "sum(i * i for i in range(4_000_000))"]
    fast = [sys.executable, "-c", "pass"]
    p = pairs.interleave(slow, fast, 2)
    assert len(p.a) == len(p.b) == 2
    d = p.to_dict()
    assert d["error"] == "" and d["ratio"] > 1.5  # the loop costs several times bare Python
    assert d["a"]["cpu"]["min"] <= d["a"]["cpu"]["median"]


def test_the_floors_read_the_generated_files(bench):
    floors = _bench_module("floors")
    _, schemes, files = bench
    assert floors.bare_ezdxf(str(files["dxf"])) == "readfile"
    n = len(schemes.FLAT_DOORS) * 2 + 16 + 2  # rooms, doors and baths are all features
    assert floors.shape(str(files["geojson"])) == n
    assert floors.from_geojson(str(files["geojson"])) == n
    assert floors.read(str(files["geojson"])) == 16


def test_every_dxf_and_geojson_case_has_its_goal(bench, tmp_path):
    cases = _bench_module("cases")
    _, _, files = bench
    kinds = [c.kind for p in files.values() for c in cases.against_floors(p, tmp_path, True)]
    assert kinds == ["dxf", "dxf+image", "geojson-read", "geojson", "geojson+image"]
    assert [cases.GOALS[k] for k in kinds] == [1.5, 2.5, 1.5, None, 3.0]


def _bench_module(name):
    import importlib

    sys.path.insert(0, str(BENCH))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCH))


def test_a_drawing_read_as_no_floor_plan_is_not_a_failure(tmp_path):
    cases, verdicts = _bench_module("cases"), _bench_module("verdicts")
    plan = tmp_path / "x.dxf"
    ok, no, bad = (cases.Case("dxf", n, ("a",), ("b",), "w") for n in ("ok.dxf", "elev.dxf", "bad.dxf"))
    fine = {"load": 0.5, "error": "", "ratio": 1.2}
    elevation = {"load": 0.5, "error": f"floorplan: {plan}: no floor plan found: view 1 is a facade"}
    crash = {"load": 0.5, "error": "Traceback: boom"}
    text, verdict = verdicts._ratio_goal([(ok, fine), (no, elevation)], "dxf", 1.5, "check", 2.0)
    assert verdict == "met" and "elev.dxf" in text and "failed" not in text
    text, verdict = verdicts._ratio_goal([(ok, fine), (bad, crash)], "dxf", 1.5, "check", 2.0)
    assert verdict == "NOT MET" and "1 failed: bad.dxf" in text
    assert "no floor plan (exit 2)" in verdicts.row(no, elevation, 2.0)
    # a drawing with no room in it at all (an elevation of bare lines) is refused too
    roomless = {"load": 0.5, "error": f"floorplan: {plan}: no rooms found: no closed outline on "
                "a room layer and no enclosed space in the wall linework (see docs/input-dxf.md)"}
    text, verdict = verdicts._ratio_goal([(ok, fine), (no, roomless)], "dxf", 1.5, "check", 2.0)
    assert verdict == "met" and "not timed: elev.dxf" in text and "failed" not in text
