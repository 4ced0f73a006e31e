"""Chinese and Japanese text on the sheet: drawn in a CJK font where the machine has one,
said once where it has none (never a silent row of boxes)."""

from __future__ import annotations

import io

import numpy as np
import pytest

from floorplan.render import fonts, placing
from floorplan.render.scene import build
from tests.plans import plan, rect
from tests.render_helpers import report

HAVE_CJK = bool(fonts.cjk_files())


@pytest.mark.parametrize("text, cjk", [
    ("走廊", True), ("女卫生间", True), ("トイレ", True), ("玄関", True), ("화장실", True),
    ("团委，学生", True), ("面积：66.5㎡", True), ("Bedroom 2", False), ("12.5 m²", False),
    ("Спальня", False), ("Køkken — 3.1 m", False),
])
def test_cjk_text_is_told(text, cjk):
    assert fonts.has_cjk(text) is cjk


def test_unshown_is_said_only_for_cjk_text_with_no_font():
    assert fonts.unshown(["Bedroom", "走廊"], have=False) == fonts.UNSHOWN
    assert fonts.unshown(["Bedroom", "走廊"], have=True) is None
    assert fonts.unshown(["Bedroom", "Kitchen"], have=False) is None


def test_a_cjk_character_is_an_em_wide_when_labels_are_placed():
    # a Latin character is taken as 0.6 em, a Han character as a whole em: '走廊' is as
    # wide as 2 / 0.6 Latin characters, so its box is that much wider than 'ab''s
    w = lambda t: np.subtract(*placing.text_bounds(t, _pt(), 10, 1.0)[2::-2])  # noqa: E731
    assert w("走廊") == pytest.approx(w("ab") / 0.6)


def _pt():
    from shapely.geometry import Point

    return Point(0, 0)


def _scene(name: str):
    return build(report(plan(rect("R1", name, 0, 0, 6, 5), rect("R2", "Bedroom", 6.1, 0, 4, 5))))


def _sidebar_unshown(monkeypatch, module) -> list:
    """The ``unshown`` words each sidebar drawn by ``module``'s backend was given."""
    from floorplan.render import sheet

    got = []
    real = sheet.sidebar

    def spy(paper, scene, style, unshown=None):
        got.append(unshown)
        return real(paper, scene, style, unshown=unshown)

    monkeypatch.setattr(sheet, "sidebar", spy)
    return got


@pytest.mark.parametrize("backend", ["raster", "mpl"])
@pytest.mark.parametrize("name, said", [("女卫生间", fonts.UNSHOWN), ("Kitchen", None)])
def test_with_no_cjk_font_the_sheet_says_so_once_where_it_has_cjk_text(monkeypatch, backend,
                                                                        name, said):
    # a sheet with no CJK text says nothing of fonts
    monkeypatch.setattr(fonts, "cjk_files", lambda: ())
    monkeypatch.setattr(fonts, "cjk_families", lambda: ())
    got = _sidebar_unshown(monkeypatch, backend)
    _draw(_scene(name), backend)
    assert got == [said]


def _draw(scene, backend: str) -> bytes:
    if backend == "raster":
        from floorplan.render.raster import render_png

        return render_png(scene)
    from floorplan.render.mpl import render_bytes

    return render_bytes(scene, "png")


@pytest.mark.skipif(not HAVE_CJK, reason="no CJK font on this machine")
def test_the_pillow_backend_draws_cjk_runs_in_the_cjk_font():
    from floorplan.render.raster import glyphs
    from floorplan.render.raster.canvas import font

    base = font(False, 20.0)
    parts = glyphs.runs("R4 走廊 2", base, 20.0)
    assert [t for t, _ in parts] == ["R4 ", "走廊", " 2"]
    assert parts[0][1] is base and parts[1][1] is not base and parts[2][1] is base


@pytest.mark.skipif(not HAVE_CJK, reason="no CJK font on this machine")
@pytest.mark.parametrize("backend", ["raster", "mpl"])
def test_cjk_glyphs_are_drawn_not_boxes(backend):
    # two different names must give two different drawings: with no glyphs both would be
    # the same row of boxes ('.notdef')
    from PIL import Image

    def ink(name):
        from floorplan.render.raster.canvas import Canvas

        if backend == "raster":
            c = Canvas(40, 15, 300)
            c.text(20, 60, name, 20)
            return np.asarray(Image.open(io.BytesIO(c.png())).convert("L"))
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        with matplotlib.rc_context({"font.family": fonts.families("DejaVu Sans")}), fonts.quiet():
            fig = Figure(figsize=(2, 0.6))
            FigureCanvasAgg(fig)
            fig.text(0.05, 0.3, name, fontsize=20)
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=100)
        return np.asarray(Image.open(buf).convert("L"))

    a, b = ink("走廊"), ink("楼梯")
    assert (a < 128).any() and (b < 128).any()
    assert (a != b).any()
