"""``floorplan check`` through click's CliRunner: the contract's keys and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from floorplan.cli import cli

SAMPLES = Path(__file__).parents[1] / "samples"
ATTIC = {
    "type": "FeatureCollection",
    "floorplan": {"name": "Attic", "scheme": "shared_house", "tenants": 1},
    "features": [
        {"type": "Feature", "properties": {"kind": "room", "id": "B3", "name": "Bedroom 3"},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]]]}},
        {"type": "Feature", "properties": {"kind": "ceiling", "heights": [0.9, 0.9, 2.4, 2.4, 0.9]},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]]]}},
    ],
}


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_json_report_has_the_contract_keys(tmp_path):
    f = tmp_path / "attic.geojson"
    f.write_text(json.dumps(ATTIC))
    res = run("check", str(f), "--format", "json")
    assert res.exit_code in (0, 1)
    d = json.loads(res.stdout)
    assert set(d) >= {"floorplan_version", "plan", "profile", "rooms", "doors", "findings", "warnings", "summary"}
    assert set(d["plan"]) >= {"source", "format", "units", "name", "scheme", "tenants", "wheelchair"}
    assert set(d["profile"]) >= {"id", "title", "version"}
    [room] = d["rooms"]
    assert set(room) >= {"id", "name", "use", "dwelling", "level", "source", "gross_area_m2", "area_m2",
                         "low_headroom_area_m2", "ceiling_height_m", "clear_circle_m", "doors", "opens_onto"}
    assert (room["id"], room["use"], room["source"]) == ("B3", "bedroom", "geojson")
    assert room["gross_area_m2"] == pytest.approx(12.0)
    assert room["area_m2"] == pytest.approx(7.2)
    assert room["low_headroom_area_m2"] == pytest.approx(4.8)
    assert room["ceiling_height_m"] == {"min": pytest.approx(0.9), "max": pytest.approx(2.4)}
    assert room["clear_circle_m"] == pytest.approx(3.0, abs=1e-3)
    assert set(d["summary"]) >= {"result", "pass", "fail", "warn", "not_applicable"}
    for finding in d["findings"]:
        assert set(finding) >= {"rule", "name", "status", "rooms", "dwelling", "measured", "required", "unit",
                                "message", "reference"}
        assert finding["status"] in ("pass", "fail", "warn", "not_applicable")


def test_stdin_and_flag_overrides():
    res = run("check", "-", "--format", "json", "--tenants", "3", "--scheme", "flat", "--wheelchair",
              input=json.dumps(ATTIC))
    d = json.loads(res.stdout)
    assert (d["plan"]["source"], d["plan"]["tenants"], d["plan"]["scheme"], d["plan"]["wheelchair"]) == \
        ("-", 3, "flat", True)


def test_text_report_shows_counted_and_gross(tmp_path):
    f = tmp_path / "attic.geojson"
    f.write_text(json.dumps(ATTIC))
    res = run("check", str(f), "--format", "text")
    line = next(ln for ln in res.stdout.splitlines() if ln.startswith("B3"))
    assert "7.20" in line and "12.00" in line


def test_output_file_is_written_whole(tmp_path):
    f = tmp_path / "attic.geojson"
    f.write_text(json.dumps(ATTIC))
    out = tmp_path / "r.json"
    res = run("check", str(f), "--format", "json", "--output", str(out))
    assert res.stdout == ""
    assert json.loads(out.read_text())["rooms"][0]["id"] == "B3"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_input_is_never_modified(tmp_path):
    f = tmp_path / "attic.geojson"
    f.write_text(json.dumps(ATTIC))
    before = f.read_bytes()
    run("check", str(f), "--format", "json", "--output", str(tmp_path / "r.json"))
    assert f.read_bytes() == before


BAD_INPUT = [
    ("empty.geojson", "", "empty"),
    ("broken.geojson", "{\"type\": ", "not valid JSON"),
    ("list.json", "[]", "not a GeoJSON FeatureCollection"),
    ("norooms.geojson", json.dumps({"type": "FeatureCollection", "features": []}), "no rooms"),
    ("text.geojson", json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"kind": "room"},
         "geometry": {"type": "Polygon", "coordinates": [[["a", 0], [1, 0], [1, 1]]]}}]}), "not numbers"),
    ("binary.geojson", b"\x00\x01\x02garbage", "neither a DXF nor a GeoJSON"),
]


@pytest.mark.parametrize("name,content,words", BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_bad_input_gives_one_line_and_exit_2(tmp_path, name, content, words):
    f = tmp_path / name
    f.write_bytes(content if isinstance(content, bytes) else content.encode())
    res = CliRunner().invoke(cli, ["check", str(f), "--format", "json"])
    assert res.exit_code == 2
    assert res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(f) in lines[0] and words in lines[0]
    assert "Traceback" not in res.stderr


def test_missing_file_exit_2(tmp_path):
    res = CliRunner().invoke(cli, ["check", str(tmp_path / "none.geojson")])
    assert res.exit_code == 2 and "none.geojson" in res.stderr and "no such file" in res.stderr


def test_bad_option_exit_2():
    res = CliRunner().invoke(cli, ["check", str(SAMPLES / "oak-house.geojson"), "--units", "furlong"])
    assert res.exit_code == 2


def test_several_plans_one_json_list():
    res = run("check", str(SAMPLES / "oak-house.geojson"), str(SAMPLES / "birch-court.geojson"), "--format", "json")
    d = json.loads(res.stdout)
    assert [x["plan"]["name"][:9] for x in d] == ["Oak House", "Birch Cou"]


def test_one_bad_plan_among_good_ones_exits_2_but_reports_the_rest(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text("nope")
    res = CliRunner().invoke(cli, ["check", str(SAMPLES / "oak-house.geojson"), str(bad), "--format", "json"])
    assert res.exit_code == 2
    assert json.loads(res.stdout)["plan"]["name"].startswith("Oak House")
    assert "bad.geojson" in res.stderr


@pytest.mark.parametrize("args", [
    ("check", ""), ("check", "", "--format", "json"), ("render", "", "--output", "x.png"),
    ("batch", "", "--output", "out"),
])
def test_an_empty_path_is_one_line_and_exit_2(args, tmp_path, monkeypatch):
    # Path("") is the current folder: an empty argument (a shell variable unset) must not
    # check whatever is there, nor crash on a path with no file name
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.geojson").write_text(json.dumps(ATTIC))
    res = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert res.exit_code == 2
    assert "empty" in res.output and "Traceback" not in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.geojson"]  # nothing written


@pytest.mark.parametrize("where", [".", "/"])
def test_a_folder_given_to_check_is_one_line_and_exit_2(where, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(cli, ["check", where], catch_exceptions=False)
    assert res.exit_code == 2
    assert "internal error" not in res.output and len(res.output.strip().splitlines()) == 1
