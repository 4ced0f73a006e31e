"""End-to-end images: PNG, SVG and PDF written, deterministic, and showing what they should.

Pixel expectations are computed from the paper layout (A3, the printed scale, the
resolution), not read back from the renderer.
"""

from __future__ import annotations

import re

import pytest

from floorplan.errors import OutputError
from floorplan.findings import Finding, Status
from floorplan.render import render_to_file
from floorplan.render.scene import build
from tests.plans import plan, rect
from tests.render_helpers import report, three_rooms

pytest.importorskip("matplotlib")
Image = pytest.importorskip("PIL.Image")


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    p, findings = three_rooms()
    return report(p, findings)


@pytest.mark.parametrize("backend", ["pillow", "matplotlib"])
def test_png_is_a3_at_150_dpi_and_identical_when_drawn_twice(three, tmp_path, backend):
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    render_to_file(three, a, image_backend=backend)
    render_to_file(three, b, image_backend=backend)
    assert a.read_bytes() == b.read_bytes()
    with Image.open(a) as im:
        w, h = im.size
    assert abs(w - 420 / 25.4 * 150) <= 1 and abs(h - 297 / 25.4 * 150) <= 1


def test_svg_and_pdf_are_deterministic(three, tmp_path):
    for ext in ("svg", "pdf"):
        a, b = tmp_path / f"a.{ext}", tmp_path / f"b.{ext}"
        render_to_file(three, a)
        render_to_file(three, b)
        assert a.read_bytes() == b.read_bytes(), ext


def _count(im, rgb, tol=6):
    import numpy as np

    px = np.asarray(im.convert("RGB"), dtype=int)
    return int((np.abs(px - np.array(rgb)).max(axis=2) <= tol).sum())


@pytest.mark.parametrize("backend", ["pillow", "matplotlib"])
def test_a_failing_room_is_vermillion_over_its_printed_area(tmp_path, backend):
    # one 8 x 5 m room, failing; drawn at 1:n on A3 at 150 dpi
    p = plan(rect("R1", "Bedroom 1", 0, 0, 8, 5))
    rep = report(p, [Finding("T1", "x", Status.FAIL, "", rooms=("R1",))])
    scale = build(rep).scale
    px_per_m = 1000 / scale / 25.4 * 150
    expected = 8 * 5 * px_per_m ** 2
    out = tmp_path / "r.png"
    render_to_file(rep, out, image_backend=backend)
    # vermillion (213, 94, 0) at 40 % over white
    fill = tuple(round(0.4 * c + 0.6 * 255) for c in (213, 94, 0))
    with Image.open(out) as im:
        n = _count(im, fill)
    # the label, the outline and the dotted clear circle cover a little of the floor
    assert 0.85 * expected < n < 1.01 * expected


@pytest.mark.parametrize("backend", ["pillow", "matplotlib"])
def test_a_passing_room_has_no_vermillion(tmp_path, backend):
    p = plan(rect("R1", "Bedroom 1", 0, 0, 8, 5))
    rep = report(p, [Finding("T1", "x", Status.PASS, "", rooms=("R1",))])
    out = tmp_path / "r.png"
    render_to_file(rep, out, image_backend=backend)
    fill = tuple(round(0.4 * c + 0.6 * 255) for c in (213, 94, 0))
    blue = tuple(round(0.3 * c + 0.7 * 255) for c in (0x56, 0xB4, 0xE9))
    with Image.open(out) as im:
        assert _count(im, fill) == 0
        assert _count(im, blue) > 10000


def test_pdf_has_one_page_per_level(tmp_path):
    p = plan(rect("G1", "Lounge", 0, 0, 5, 4, level=0), rect("F1", "Bedroom 1", 0, 0, 4, 4, level=1),
             rect("S1", "Bedroom 2", 0, 0, 4, 4, level=2))
    out = tmp_path / "p.pdf"
    render_to_file(report(p), out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == 3


def test_svg_is_one_sheet_with_every_level(tmp_path):
    p = plan(rect("G1", "Lounge", 0, 0, 5, 4, level=0), rect("F1", "Bedroom 1", 0, 0, 4, 4, level=1))
    out = tmp_path / "p.svg"
    render_to_file(report(p), out)
    text = out.read_text()
    assert text.count("<svg") == 1


def test_unknown_extension_is_an_output_error(three, tmp_path):
    with pytest.raises(OutputError, match=r"\.txt"):
        render_to_file(three, tmp_path / "x.txt")


def test_a_missing_folder_is_an_output_error_and_nothing_is_left(three, tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        render_to_file(three, tmp_path / "no" / "x.png")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("ext", ["png", "svg", "pdf", "dxf"])
def test_a_plan_with_no_rooms_still_draws(tmp_path, ext):
    out = tmp_path / f"empty.{ext}"
    render_to_file(report(plan()), out)
    assert out.stat().st_size > 0
