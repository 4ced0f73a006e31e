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
        import run
        import schemes
    finally:
        sys.path.remove(str(BENCH))
    files = schemes.write(tmp_path_factory.mktemp("bench"), 16)
    return run, schemes, files


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


def test_one_case_reports_every_phase(bench):
    run, _, files = bench
    out = run.case(str(files["geojson"]), repeat=1, render=False)
    assert out["rooms"] == 16
    for key in ("read", "measure", "check", "no_image", "total", "peak_mb"):
        assert out[key] >= 0


def test_bare_ezdxf_says_how_it_read(bench):
    run, _, files = bench
    out = run.bare_ezdxf(str(files["dxf"]), repeat=1)
    assert out["how"] == "readfile" and out["ezdxf"] > 0
