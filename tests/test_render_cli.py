"""``floorplan render`` and ``floorplan check --image`` through click's CliRunner."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from floorplan.cli import cli

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

ROOMS = {
    "type": "FeatureCollection", "floorplan": {"version": 1, "units": "m", "name": "Tiny"},
    "features": [
        {"type": "Feature", "properties": {"kind": "room", "id": "R1", "name": "Bedroom 1"},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]]]}},
    ],
}


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture()
def tiny(tmp_path):
    path = tmp_path / "tiny.geojson"
    path.write_text(json.dumps(ROOMS))
    return path


@pytest.mark.parametrize("ext, magic", [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF"),
                                        ("dxf", b"  0\nSECTION")])
def test_render_writes_each_format(tiny, tmp_path, ext, magic):
    before = hashlib.sha256(tiny.read_bytes()).hexdigest()
    out = tmp_path / f"out.{ext}"
    res = run("render", str(tiny), "--output", str(out))
    assert res.exit_code in (0, 1), res.output
    assert out.read_bytes().startswith(magic)
    assert hashlib.sha256(tiny.read_bytes()).hexdigest() == before


def test_render_exit_code_follows_the_result(tmp_path):
    out = tmp_path / "oak.png"
    res = run("render", str(SAMPLES / "oak-house.geojson"), "-o", str(out))
    check = run("check", str(SAMPLES / "oak-house.geojson"), "--format", "json")
    assert res.exit_code == check.exit_code
    assert out.exists()


def test_render_needs_an_output(tiny):
    res = run("render", str(tiny))
    assert res.exit_code == 2


def test_render_unknown_extension_is_one_line_and_exit_2(tiny, tmp_path):
    res = run("render", str(tiny), "-o", str(tmp_path / "x.bmp"))
    assert res.exit_code == 2
    assert "cannot draw a .bmp" in res.output
    assert "Traceback" not in res.output


def test_check_image_draws_the_plan(tiny, tmp_path):
    out = tmp_path / "img.png"
    res = run("check", str(tiny), "--format", "json", "--image", str(out))
    assert res.exit_code in (0, 1)
    assert out.read_bytes().startswith(b"\x89PNG")


def test_check_html_and_geojson_formats(tiny, tmp_path):
    html = tmp_path / "r.html"
    res = run("check", str(tiny), "--format", "html", "-o", str(html))
    assert res.exit_code in (0, 1)
    assert html.read_text().startswith("<!DOCTYPE html>")
    gj = tmp_path / "r.geojson"
    res = run("check", str(tiny), "--format", "geojson", "-o", str(gj))
    assert json.loads(gj.read_text())["features"][0]["properties"]["name"] == "Bedroom 1"


@pytest.mark.parametrize("command", ["render", "check"])
def test_image_backend_chooses_who_draws_the_png(tiny, tmp_path, command):
    from PIL import Image

    modes = {}
    for backend in ("pillow", "matplotlib"):
        out = tmp_path / f"{backend}.png"
        args = (["render", str(tiny), "-o", str(out)] if command == "render"
                else ["check", str(tiny), "--image", str(out), "-q"])
        res = run(*args, "--image-backend", backend)
        assert res.exit_code in (0, 1), res.output
        with Image.open(out) as im:
            modes[backend] = (im.mode, im.size)
    # matplotlib's Agg writes RGBA, Pillow's sheet RGB; the same sheet size either way
    assert modes["pillow"][0] == "RGB" and modes["matplotlib"][0] == "RGBA"
    assert modes["pillow"][1] == modes["matplotlib"][1]


def test_image_backend_pillow_for_an_svg_is_one_line_and_exit_2(tiny, tmp_path):
    out = tmp_path / "x.svg"
    res = CliRunner().invoke(cli, ["check", str(tiny), "--image", str(out), "--image-backend", "pillow"])
    assert res.exit_code == 2
    assert "pillow backend cannot draw a .svg" in res.output and "Traceback" not in res.output
    assert not out.exists()
