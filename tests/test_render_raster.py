"""The Pillow PNG backend (floorplan.render.raster): the sheet's size, the rooms' fills
where the rooms are, the legend and key, and agreement with the matplotlib backend.

Pixel positions are worked out from the paper layout (frame, bounds, scale, 150 dpi) and
colours from the style's colour and alpha over white, not read back from a renderer.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from floorplan.errors import OutputError
from floorplan.findings import Finding, Mark, Status
from floorplan.render import render_to_file
from floorplan.render.scene import build
from tests.plans import plan, rect
from tests.render_helpers import plan_pixel, report, three_rooms

Image = pytest.importorskip("PIL.Image")
raster = pytest.importorskip("floorplan.render.raster")
if not raster.available():
    pytest.skip("no DejaVu fonts (matplotlib not installed)", allow_module_level=True)

DPI = 150


def _over_white(hex_colour: str, alpha: float) -> tuple[int, ...]:
    rgb = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    return tuple(round(alpha * c + (1 - alpha) * 255) for c in rgb)


def _px(scene, x: float, y: float) -> tuple[int, int]:
    """The pixel of plan point (x, y) m on the one-panel sheet of ``scene``."""
    return plan_pixel(scene, x, y, DPI)


@pytest.fixture(scope="module")
def three():
    p, findings = three_rooms()
    return report(p, findings)


@pytest.fixture(scope="module")
def pngs(three, tmp_path_factory):
    d = tmp_path_factory.mktemp("raster")
    out = {}
    for backend in ("pillow", "matplotlib"):
        render_to_file(three, d / f"{backend}.png", image_backend=backend)
        with Image.open(d / f"{backend}.png") as im:
            out[backend] = im.convert("RGB")
    out["bytes"] = (d / "pillow.png").read_bytes()
    return out


#: a point in each room of three_rooms() clear of its label, clear circle, doors, the
#: wardrobe and the low floor, and the fill it must have: R1 fails its area, R2 and R3
#: the door between them (vermillion at 40 %); R4 is to review (orange at 35 %)
SAMPLES = {"R1": ((2.75, 0.2), _over_white("#D55E00", 0.40)),
           "R2": ((3.7, 5.35), _over_white("#D55E00", 0.40)),
           "R3": ((5.2, 0.1), _over_white("#D55E00", 0.40)),
           "R4": ((9.2, 3.8), _over_white("#E69F00", 0.35))}


def test_png_is_the_sheet_at_150_dpi_rgb_and_repeats(three, pngs, tmp_path):
    scene = build(three)
    im = pngs["pillow"]
    assert im.size == (int(scene.paper[0] / 25.4 * DPI), int(scene.paper[1] / 25.4 * DPI))
    assert im.size == pngs["matplotlib"].size  # the same pixels as matplotlib's sheet
    again = tmp_path / "again.png"
    render_to_file(three, again)  # the default for a PNG
    assert again.read_bytes() == pngs["bytes"]
    assert [round(d) for d in im.info["dpi"]] == [DPI, DPI]


def test_the_png_holds_the_canvas_pixels_as_they_are():
    # the canvas's own encoder (rows unfiltered) against the pixels Pillow reduced to
    from io import BytesIO

    from floorplan.render.raster import Canvas

    c = Canvas(40, 30, 150)
    ring = np.array([[10.0, 10.0], [200.0, 30.0], [120.0, 160.0], [10.0, 10.0]])
    c.fill([ring], (213, 94, 0, 102))
    c.stroke(ring, "black", 3, "dashed", 0.7)
    c.text(50, 50, "Bed 1", 9)
    want = np.asarray(c.im.reduce(2))
    with Image.open(BytesIO(c.png())) as got:
        assert got.mode == "RGB" and got.size == (236, 177)
        assert np.array_equal(np.asarray(got), want)
    assert len(np.unique(want.reshape(-1, 3), axis=0)) > 10  # something was drawn


@pytest.mark.parametrize("rid", sorted(SAMPLES))
def test_each_room_is_filled_by_its_result_where_it_is(three, pngs, rid):
    scene = build(three)
    (x, y), want = SAMPLES[rid]
    got = pngs["pillow"].getpixel(_px(scene, x, y))
    assert max(abs(a - b) for a, b in zip(got, want, strict=True)) <= 4, (rid, got, want)


def test_outside_the_rooms_is_white(three, pngs):
    scene = build(three)
    assert pngs["pillow"].getpixel(_px(scene, -0.4, -0.4)) == (255, 255, 255)


def test_the_legend_shows_a_swatch_for_each_result_drawn(three, pngs):
    scene = build(three)
    im = np.asarray(pngs["pillow"], dtype=int)
    side = im[:, int((scene.paper[0] - 10 - 105) / 25.4 * DPI):]  # the sidebar

    def count(rgb):
        return int((np.abs(side - np.array(rgb)).max(axis=2) <= 3).sum())

    # a 7 x 3.2 mm swatch is about 41 x 19 px, less its outline
    for fill, alpha in (("#D55E00", 0.40), ("#E69F00", 0.35)):
        assert count(_over_white(fill, alpha)) > 400, fill
    assert count((0, 0, 0)) > 2000  # the words: headings, legend, notes


def test_a_room_numbered_on_the_plan_has_its_number_in_a_white_circle(tmp_path):
    # a 0.6 m cupboard beside a 60 m room: its label does not fit, a number does (the
    # scene test works the size out); the circle is white with a black number in it
    p = plan(rect("R1", "Bedroom 1", 0, 0, 60, 40), rect("R2", "Linen cupboard with a long name", 60.1, 0, 0.6, 0.6))
    rep = report(p)
    scene = build(rep)
    (num,) = [q for q in scene.panels[0].primitives if q.key == "label.key"]
    out = tmp_path / "key.png"
    render_to_file(rep, out, image_backend="pillow")
    with Image.open(out) as im:
        x, y = _px(scene, num.geometry.x, num.geometry.y)
        patch = np.asarray(im.convert("L"))[y - 6:y + 7, x - 6:x + 7]
    assert patch.min() < 80          # the digit
    assert (patch > 245).sum() > 40  # on white, not on the room's grey


def test_the_two_backends_draw_the_same_scene(three, pngs):
    scene = build(three)
    for rid, ((x, y), _) in SAMPLES.items():
        a = pngs["pillow"].getpixel(_px(scene, x, y))
        b = pngs["matplotlib"].getpixel(_px(scene, x, y))
        assert max(abs(u - v) for u, v in zip(a, b, strict=True)) <= 4, (rid, a, b)

    def small(im):  # 1/8 size in grey: where things are, not how each edge is smoothed
        return np.asarray(im.convert("L").reduce(8), dtype=float)

    same = np.abs(small(pngs["pillow"]) - small(pngs["matplotlib"])).mean()
    assert same < 1.5
    # and the measure tells scenes apart: the same plan with every room passing
    p, _ = three_rooms()
    other = Image.fromarray(np.asarray(pngs["matplotlib"]))
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        render_to_file(report(p), Path(d) / "o.png", image_backend="pillow")
        with Image.open(Path(d) / "o.png") as im:
            differ = np.abs(small(im.convert("RGB")) - small(other)).mean()
    assert differ > 2 * same


def test_svg_and_pdf_are_matplotlibs_alone(three, tmp_path):
    with pytest.raises(OutputError, match="pillow backend cannot draw a .svg"):
        render_to_file(three, tmp_path / "x.svg", image_backend="pillow")
    with pytest.raises(OutputError, match="no image backend 'agg'"):
        render_to_file(three, tmp_path / "x.png", image_backend="agg")
    assert list(tmp_path.iterdir()) == []


def test_a_png_is_drawn_without_importing_matplotlib(tmp_path):
    code = (
        "import sys\n"
        "from tests.plans import plan, rect\n"
        "from tests.render_helpers import report\n"
        "from floorplan.findings import Finding, Status\n"
        "from floorplan.render import render_to_file\n"
        "p = plan(rect('R1', 'Bedroom 1', 0, 0, 4, 3))\n"
        "render_to_file(report(p, [Finding('T1', 'x', Status.FAIL, '', rooms=('R1',))]), sys.argv[1])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))\n"
    )
    out = tmp_path / "r.png"
    res = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True,
                         check=True, cwd=str(Path(__file__).parents[1]))
    assert res.stdout.strip() == "[]", res.stdout
    assert out.stat().st_size > 10000


def test_the_font_is_matplotlibs_dejavu_found_without_importing_it():
    d = raster.font_dir()
    assert d is not None and (d / "DejaVuSans.ttf").is_file()
    assert d.parts[-4:] == ("matplotlib", "mpl-data", "fonts", "ttf")


def test_a_failing_room_covers_its_printed_area(tmp_path):
    # one 8 x 5 m room, failing, as the matplotlib test does: vermillion at 40 % over
    # its printed area, less the label, outline and dotted clear circle
    p = plan(rect("R1", "Bedroom 1", 0, 0, 8, 5))
    rep = report(p, [Finding("T1", "x", Status.FAIL, "", rooms=("R1",))])
    px_per_m = 1000 / build(rep).scale / 25.4 * DPI
    out = tmp_path / "r.png"
    render_to_file(rep, out, image_backend="pillow")
    with Image.open(out) as im:
        px = np.asarray(im.convert("RGB"), dtype=int)
    n = int((np.abs(px - np.array(_over_white("#D55E00", 0.40))).max(axis=2) <= 6).sum())
    assert 0.85 * 8 * 5 * px_per_m ** 2 < n < 1.01 * 8 * 5 * px_per_m ** 2


def test_report_render_takes_the_backend(tmp_path):
    import floorplan

    rep = floorplan.check(Path(__file__).parents[1] / "samples" / "oak-house.geojson")
    for backend, mode in (("matplotlib", "RGBA"), (None, "RGB")):  # Agg's, then Pillow's
        out = rep.render(tmp_path / f"{backend}.png", image_backend=backend)
        with Image.open(out) as im:
            assert im.mode == mode, backend


def test_a_room_marked_by_several_findings_is_outlined_once_in_the_same_pixels(tmp_path):
    from floorplan.render.raster.plan import _distinct

    a, b = np.array([[0.0, 0.0], [4.0, 0.0], [4.0, 3.0], [0.0, 0.0]]), np.array([[1.0, 1.0], [2.0, 2.0]])
    kept = _distinct([a, b, a.copy(), b, a[:3]])
    assert [k.tobytes() for k in kept] == [a.tobytes(), b.tobytes(), a[:3].tobytes()]
    # one mark or three on the same room (three findings about it): the same sheet
    p = plan(rect("R1", "Bedroom 1", 0, 0, 4, 3), rect("R2", "Bedroom 2", 4.1, 0, 3, 3))
    once = [Finding("X1", "a rule", Status.WARN, "to review", rooms=("R1",),
                    marks=(Mark("room", p.room("R1").polygon),))]
    thrice = once + [Finding(f"X{n}", "a rule", Status.WARN, "to review", rooms=("R1",),
                             marks=(Mark("room", p.room("R1").polygon),)) for n in (2, 3)]
    sheets = []
    for n, findings in enumerate((once, thrice)):
        render_to_file(report(p, findings), tmp_path / f"{n}.png", image_backend="pillow")
        with Image.open(tmp_path / f"{n}.png") as im:
            sheets.append(np.asarray(im.convert("RGB")))
    # the sidebar lists three findings, not one: compare the plan's panel only
    x0, y0 = plan_pixel(build(report(p, once)), -0.5, 3.5, DPI)
    x1, y1 = plan_pixel(build(report(p, once)), 7.6, -0.5, DPI)
    assert (sheets[0][y0:y1, x0:x1] == sheets[1][y0:y1, x0:x1]).all()
    assert (sheets[0][y0:y1, x0:x1] != 255).any()  # the panel is drawn




def test_a_labels_halo_is_white_round_its_text_and_its_text_is_pillows():
    # a label with a halo on grey: its glyphs are the pixels Pillow draws for the text
    # alone; every other pixel within the halo's width (1.1 pt) of a glyph's solid pixel
    # is white, and every pixel farther than that from any of the glyphs' ink is grey
    from PIL import ImageDraw

    from floorplan.render.raster.canvas import Canvas, font

    grey = (120, 120, 120)
    c = Canvas(60, 20, 150)
    c.im.paste(grey, (0, 0, *c.im.size))
    x, y = 40.3, 90.6  # px, with fractions, as a label's centre has them
    c.text(x, y, "Flat 12", 8.0, bold=True, colour="#333333", halo_pt=1.1, va="baseline")
    got = np.asarray(c.im).astype(int)
    width = round(1.1 * 150 / 72 * 2)  # px of the sheet drawn at twice 150 dpi
    f = font(True, 8.0 * 150 / 72 * 2)
    alone = Image.new("RGB", c.im.size, (255, 255, 255))
    ImageDraw.Draw(alone, "RGBA").text((x, y), "Flat 12", font=f, fill="#333333", anchor="ls")
    ink = Image.new("L", c.im.size, 0)
    ImageDraw.Draw(ink).text((x, y), "Flat 12", font=f, fill=255, anchor="ls")
    cover = np.asarray(ink)
    on = cover > 0
    assert (got[on] == np.asarray(alone)[on]).all()  # the glyphs over white, pixel for pixel
    def within(where, r):  # the pixels with one of ``where`` no farther than r px
        pad = np.pad(where, r + 1)
        h, w = where.shape
        out = np.zeros_like(where)
        for dy in range(-r, r + 1):
            for dx in range(-r, r + 1):
                if dx * dx + dy * dy <= r * r:
                    out |= pad[r + 1 + dy:r + 1 + dy + h, r + 1 + dx:r + 1 + dx + w]
        return out

    assert (got[~on & within(cover == 255, width)] == 255).all()
    assert (got[~within(on, width)] == grey).all()
