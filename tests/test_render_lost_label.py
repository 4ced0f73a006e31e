"""A room label that lies in no room (FP010) is named on the marked-up plan.

The DXF reader reports such a label with its words (``InputFinding.label``); the input
rule passes them as the mark's label, and the scene writes them over the "?" on the
marker, so that an assessor need not match the sidebar's coordinates by hand. The
drawing: a 4 x 3 m bedroom (x 0-4, y 0-3 m), a 1 x 1.5 m WC (x 4-5, y 0-1.5 m) and a
3 x 3 m kitchen (x 5-8, y 0-3 m), with the label 'Store' at (4.5, 2.7) m over the WC's
open top: 1.2 m from the WC, in no room, it names none.
"""

from __future__ import annotations

from dataclasses import replace

import ezdxf
import numpy as np
import pytest
from shapely.geometry import Point

from floorplan import api
from floorplan.model import InputFinding
from floorplan.render import render_to_file
from floorplan.render.placing import text_bounds
from floorplan.render.scene import build
from floorplan.render.style import STYLE
from tests.plans import plan, rect
from tests.render_helpers import plan_pixel

Image = pytest.importorskip("PIL.Image")
raster = pytest.importorskip("floorplan.render.raster")

DPI = 150
STORE = (4.5, 2.7)


def _drawing(tmp_path, lost: bool = True):
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 4  # millimetres
    msp = doc.modelspace()

    def rect(x, y, w, h):
        msp.add_lwpolyline([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], close=True,
                           dxfattribs={"layer": "A-AREA"})

    def label(text, x, y):
        msp.add_text(text, height=200, dxfattribs={"layer": "A-AREA-IDEN"}).set_placement((x, y))

    rect(0, 0, 4000, 3000)
    label("Bedroom 1", 1000, 1500)
    rect(4000, 0, 1000, 1500)
    rect(5000, 0, 3000, 3000)
    label("Kitchen", 6000, 1500)
    if lost:
        label("Store", 4500, 2700)
    path = tmp_path / ("lost.dxf" if lost else "found.dxf")
    doc.saveas(path)
    return path


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    d = tmp_path_factory.mktemp("lost")
    return {lost: api.check(_drawing(d, lost)) for lost in (True, False)}


def _texts(scene):
    return [p for panel in scene.panels for p in panel.primitives if p.kind == "text"]


def test_the_reader_gives_the_lost_labels_words_as_data(reports):
    (f,) = [f for f in reports[True].plan.findings if f.code == "FP010"]
    assert f.label == "Store"
    assert (f.geometry.x, f.geometry.y) == pytest.approx(STORE)


def test_the_scene_writes_the_lost_labels_words_beside_its_marker(reports):
    scene = build(reports[True])
    (marker,) = [p for panel in scene.panels for p in panel.primitives
                 if p.kind == "marker" and p.ref == "FP010"]
    assert (marker.geometry.x, marker.geometry.y) == pytest.approx(STORE)
    (text,) = [p for p in _texts(scene) if p.ref == "FP010"]
    # three lines centred on the label's point: the words, the "?" over the marker, and
    # an empty one that keeps the "?" in the middle (lines, not metres: the PDF pack's
    # views at other scales keep them in place)
    assert text.text == "Store\n?\n " and text.key == "label.mark.warn"
    assert (text.geometry.x, text.geometry.y) == pytest.approx(STORE)
    k = 1000 / scene.scale
    x0, y0, x1, y1 = text_bounds(text.text, text.geometry, STYLE.look(text.key).size, k)
    assert x0 < STORE[0] < x1 and y0 < STORE[1] < y1


def test_other_entity_marks_keep_the_entitys_name():
    # an unclosed outline (FP001) names its entity, as before: not a lost label
    pl = replace(plan(rect("R1", "Bedroom 1", 0, 0, 4, 3)),
                 findings=(InputFinding("FP001", "outline E7A not closed: skipped", entity="E7A",
                                        geometry=Point(5.0, 1.0)),))
    texts = [t.text for t in _texts(build(api.check(pl))) if t.ref == "FP001"]
    assert texts == ["E7A"]


def _px(scene, x: float, y: float) -> tuple[int, int]:
    """The pixel of plan point (x, y) m on the one-panel sheet of ``scene``."""
    return plan_pixel(scene, x, y, DPI)


def _near(im, box, hex_colour: str, tol: int = 40) -> int:
    rgb = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])
    a = np.asarray(im.crop(box).convert("RGB"), dtype=int)
    return int((np.abs(a - rgb).max(axis=2) <= tol).sum())


@pytest.mark.parametrize("backend", ["pillow", "matplotlib"])
def test_the_png_shows_the_marker_and_the_words_at_the_labels_point(reports, tmp_path, backend):
    if backend == "pillow" and not raster.available():
        pytest.skip("no DejaVu fonts")
    seen = {}
    for lost, rep in reports.items():
        out = tmp_path / f"{lost}.png"
        render_to_file(rep, out, image_backend=backend)
        scene = build(rep)
        x, y = _px(scene, *STORE)
        with Image.open(out) as im:
            marker = _near(im, (x - 8, y - 8, x + 9, y + 9), STYLE.look("marker.warn").fill)
            # the words, a line above the marker: 6 pt at 150 dpi is a 12 px line, 5
            # characters of it ~35 px wide
            words = _near(im, (x - 25, y - 24, x + 26, y - 7), STYLE.look("label.mark.warn").text)
        seen[lost] = (marker, words)
    assert seen[False] == (0, 0)  # nothing there without the lost label
    marker, words = seen[True]
    assert marker >= 5 and words >= 20  # the "?" and its halo cover most of the marker
