"""The holdout (tests/data/holdout/): real drawings outside the corpus, tried as a new user
would (issue 10). Their expectations are committed; the drawings are not (no licence), so
every test that needs a drawing skips when tests/data/holdout/files/ lacks it (CI has no
mirror). Scoring is ``make holdout``; these tests pin the file's shape and that nothing in it
crashes the reader.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from tests import realcheck as rc

HERE = Path(__file__).resolve().parent
HOLDOUT = HERE / "data" / "holdout"
EXPECTATIONS = rc.load_expectations(rc.HOLDOUT)
#: drawings with fewer than three asserted areas, and why (see their notes)
FEW_AREAS = {"M_S1_Hepworth_Ground_Floor.dxf": "three numbered spaces, two of them stairs"}


def test_holdout_expectations_are_well_formed():
    names = [e.file for e in EXPECTATIONS]
    assert len(names) == len(set(names)) >= 10
    for e in EXPECTATIONS:
        assert e.units in rc.METRES and e.scored, e.file
        assert e.rooms >= len({r.at for r in e.room_list if not r.group}) - 1, e.file
        areas = sum(r.area is not None for r in e.room_list)
        assert areas >= 3 or (e.file in FEW_AREAS and areas >= 1), e.file
        for r in e.room_list:
            assert not (r.group and r.area is not None), e.file
        src = e.source
        for key in ("repo", "commit", "path", "sha256", "bytes", "licence"):
            assert src.get(key), f"{e.file}: source.{key}"
        assert len(src["commit"]) == 40 and len(src["sha256"]) == 64, e.file
        # unlicensed: read locally, never committed
        assert src["licence"].startswith("none"), e.file


def test_holdout_drawings_are_never_committed():
    ignored = (HERE.parent / ".gitignore").read_text().split()
    assert "tests/data/holdout/files/" in ignored
    got = subprocess.run(["git", "-C", str(HOLDOUT), "ls-files", "."], capture_output=True,
                         text=True)
    if got.returncode != 0:
        pytest.skip("not a git checkout")
    assert not [f for f in got.stdout.split() if not f.endswith((".toml", ".md"))]


def test_extract_says_which_snapshot_to_fetch(tmp_path):
    """Without the mirror, extraction writes nothing and names the fetch to run."""
    env = {"FLOORPLAN_MIRROR": str(tmp_path / "no-mirror"), "PATH": "/usr/bin:/bin"}
    got = subprocess.run([sys.executable, str(HERE / "data" / "real" / "extract.py"),
                          "--expected", str(rc.HOLDOUT), "--into", str(tmp_path / "files")],
                         capture_output=True, text=True, env=env)
    assert got.returncode == 1
    assert "fetch github:Chrps/MapGeneralization first" in got.stdout
    assert f"0/{len(EXPECTATIONS)} drawings in {tmp_path / 'files'}" in got.stdout
    assert not (tmp_path / "files").exists()


def test_realcheck_looks_beside_the_expectation_file():
    assert rc.default_dirs(rc.HOLDOUT) == (HOLDOUT / "files",)
    assert rc.default_dirs(rc.EXPECTED) == (rc.FILES, rc.SHARED)


@pytest.mark.parametrize("exp", EXPECTATIONS, ids=lambda e: e.file[:40])
def test_holdout_reads_without_a_traceback(exp):
    path = HOLDOUT / "files" / exp.file
    if not path.is_file():
        pytest.skip(f"{exp.file} is absent (make holdout extracts it from the mirror)")
    if hashlib.sha256(path.read_bytes()).hexdigest() != exp.source["sha256"]:
        pytest.skip(f"{exp.file} is not the recorded file")
    r = rc.score_file(exp, path)
    assert not r.crashed, r.reasons
