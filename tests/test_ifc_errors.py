"""IFC input that cannot be used: one line naming the file and the problem, exit code 2.

The tests of a missing IfcOpenShell run whether or not it is installed (the import is
blocked); the others need it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from floorplan.cli import cli

SAMPLES = Path(__file__).parents[1] / "samples"
#: the smallest IFC-SPF text the file check accepts (the parser is never reached here)
MINIMAL = """ISO-10303-21;
HEADER;
FILE_DESCRIPTION((''),'2;1');
FILE_NAME('m.ifc','2026-01-01T00:00:00',(''),(''),'','','');
FILE_SCHEMA(('IFC4'));
ENDSEC;
DATA;
#1=IFCPROJECT('0YvctVUKr0kugbFTf53O9L',$,'P',$,$,$,$,$,$);
ENDSEC;
END-ISO-10303-21;
"""


def run(path: Path):
    return CliRunner().invoke(cli, ["check", str(path)], catch_exceptions=False)


def one_line_exit_2(res) -> str:
    assert res.exit_code == 2, res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in res.output
    return lines[0]


def test_without_ifcopenshell_the_line_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ifcopenshell", None)  # import ifcopenshell raises
    p = tmp_path / "house.ifc"
    p.write_text(MINIMAL)
    line = one_line_exit_2(run(p))
    assert "house.ifc" in line and "pip install 'floorplan-check[ifc]'" in line


def test_without_ifcopenshell_geojson_and_dxf_read_as_before(monkeypatch):
    monkeypatch.setitem(sys.modules, "ifcopenshell", None)
    res = CliRunner().invoke(cli, ["check", str(SAMPLES / "oak-house.geojson"), "--format", "json"],
                             catch_exceptions=False)
    assert res.exit_code in (0, 1)
    dxf = sorted(SAMPLES.glob("*.dxf"))
    if dxf:
        res = CliRunner().invoke(cli, ["check", str(dxf[0]), "--format", "json"], catch_exceptions=False)
        assert res.exit_code in (0, 1), res.output


def test_a_dot_ifc_that_is_not_ifc(tmp_path):
    p = tmp_path / "notes.ifc"
    p.write_text("these are my notes, not a model\n")
    line = one_line_exit_2(run(p))
    assert "notes.ifc" in line and "not an IFC file" in line


def test_a_truncated_ifc(tmp_path):
    p = tmp_path / "cut.ifc"
    p.write_text(MINIMAL[: len(MINIMAL) // 2])
    line = one_line_exit_2(run(p))
    assert "cut.ifc" in line and "truncated" in line


def test_step_text_that_does_not_parse(tmp_path):
    pytest.importorskip("ifcopenshell")
    p = tmp_path / "bad.ifc"
    p.write_text("ISO-10303-21;\nHEADER;\nthis is ) not ( step;\nENDSEC;\nEND-ISO-10303-21;\n")
    line = one_line_exit_2(run(p))
    assert "bad.ifc" in line


def test_a_model_without_spaces_says_how_to_export_them(tmp_path):
    pytest.importorskip("ifcopenshell")
    p = tmp_path / "walls-only.ifc"
    p.write_text(MINIMAL)
    line = one_line_exit_2(run(p))
    assert "walls-only.ifc" in line and "IfcSpace" in line
    for tool in ("Revit", "Archicad", "Vectorworks"):
        assert tool in line


def test_spaces_without_any_outline(tmp_path):
    pytest.importorskip("ifcopenshell")
    from tests import test_ifc_models as models

    m = models.Model()
    m.space("B1", "Bedroom")  # no representation at all
    line = one_line_exit_2(run(m.write(tmp_path / "empty.ifc")))
    assert "empty.ifc" in line and "IfcSpace" in line
