"""Issue 12: every case of the hostile corpus (tests/hostile_corpus.py) through the real
command: one line and exit 2, or read right; never a traceback."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from floorplan.cli import cli
from tests.hostile_corpus import CASES


@pytest.mark.parametrize("name, make, expect", CASES, ids=[c[0] for c in CASES])
def test_hostile_case(name, make, expect, tmp_path):
    path = make(tmp_path)
    res = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
    assert "Traceback" not in res.output + res.stderr
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    kind, what = expect
    if kind == "exit2":
        assert res.exit_code == 2, res.stdout[:500]
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1, res.stderr
        for word in what:
            assert word in lines[0], lines[0]
    else:
        assert res.exit_code in (0, 1), res.stderr
        report = json.loads(res.stdout)
        assert what(report), json.dumps(report["rooms"])[:400]
