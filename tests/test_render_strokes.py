"""Polylines drawn in bulk (floorplan.render.raster.strokes): the pixels whose centres lie
in each segment's rectangle (square ends) or each turn's disc, worked out by hand."""

import math

import numpy as np
import pytest
from PIL import Image

from floorplan.render.raster import Canvas, strokes


def _ink(lines, width, pattern=(), size=(60, 50), colour=(0, 0, 0, 255)):
    im = Image.new("RGB", size, "white")
    strokes.paint(im, *strokes.spans([np.array(xy, dtype=float) for xy in lines], width, pattern), colour)
    return np.asarray(im)


def _on(a):
    return a[:, :, 0] < 255


def test_a_level_segment_is_its_rectangle_with_square_ends():
    on = _on(_ink([[(10, 10), (30, 10)]], 4))
    ys, xs = np.nonzero(on)
    # centres x 10..30 and y 8..11: 4 rows, half open across (y = 12 is on the far edge),
    # as Pillow draws a line 4 px wide on whole pixels
    assert (xs.min(), xs.max(), ys.min(), ys.max()) == (10, 30, 8, 11)
    assert on.sum() == 21 * 4


def test_a_closed_ring_turns_every_corner_round_its_first_too():
    sq = [(10, 10), (30, 10), (30, 30), (10, 30), (10, 10)]
    on = _on(_ink([sq], 4))
    # outside each corner, the pixel a diagonal step out is within the disc (1.41 < 2 px),
    # two steps out is not (2.83 px): round joins, at the first vertex as at the others
    for cx, cy, sx, sy in ((10, 10, -1, -1), (30, 10, 1, -1), (30, 30, 1, 1), (10, 30, -1, 1)):
        assert on[cy + sy, cx + sx]
        assert not on[cy + 2 * sy, cx + 2 * sx]
    # an open polyline along the same path has no joint at its ends
    open_ = _on(_ink([sq[:-1] + [(10, 11)]], 4))
    assert not open_[9, 9]


def test_a_dashed_line_inks_its_dashes_alone():
    # pattern 6 on, 4 off from x = 10: dashes 10-16, 20-26, ... 100-106 of a line to 110
    on = _on(_ink([[(10, 20), (110, 20)]], 4, (6.0, 4.0), size=(130, 40)))
    cols = np.flatnonzero(on.any(axis=0))
    want = [x for k in range(10) for x in range(10 + 10 * k, 17 + 10 * k)]
    assert cols.tolist() == want  # the dash from 110 is cut to nothing at the line's end
    assert on.sum() == len(want) * 4


def test_a_dash_that_turns_a_corner_is_joined_there():
    path = [(10, 10), (20, 10), (20, 30)]  # the dash 8 -> 14 runs through the corner at 10
    on = _on(_ink([path], 4, (14.0, 6.0)))
    assert on[9, 21]  # outside the corner, inside its disc


def test_overlapping_strokes_of_a_translucent_colour_are_inked_once():
    a = _ink([[(5, 20), (55, 20)], [(30, 5), (30, 45)]], 5, colour=(0, 0, 255, 128))
    crossing, arm = a[20, 30], a[20, 10]
    assert crossing.tolist() == arm.tolist()
    assert arm.tolist() == [127, 127, 255]


@pytest.mark.parametrize("angle", [0.0, 17.0, 45.0, 71.0, 90.0, 133.0])
def test_a_slanted_stroke_inks_the_pixels_whose_centres_are_in_its_rectangle(angle):
    t = math.radians(angle)
    p0 = np.array([50.3, 45.6])
    u = np.array([math.cos(t), math.sin(t)])
    p1 = p0 + 40 * u
    on = _on(_ink([[p0, p1]], 6, size=(110, 100)))
    yy, xx = np.mgrid[0:100, 0:110]
    along = (xx - p0[0]) * u[0] + (yy - p0[1]) * u[1]
    across = -(xx - p0[0]) * u[1] + (yy - p0[1]) * u[0]
    inside = (along >= 0) & (along <= 40) & (across >= -3) & (across < 3)
    assert np.array_equal(on, inside)
    assert abs(int(on.sum()) - 240) < 24  # its area, 40 x 6 px, give or take its edges


def test_the_canvas_draws_a_run_at_once_and_thin_lines_through_pillow():
    c = Canvas(40, 30, 150, ss=1)
    c.stroke(np.array([[10.0, 10.0], [100.0, 10.0]]), "black", 4, None, 1.0)
    c.stroke(np.array([[10.0, 40.0], [100.0, 40.0]]), "black", 4, None, 1.0)
    assert len(c._waiting) == 2  # one run, waiting
    assert (np.asarray(c.im)[:, :, 0] < 255).sum() == 0
    c.stroke(np.array([[10.0, 70.0], [100.0, 70.0]]), "black", 1, None, 0.3)  # thin: Pillow
    on = np.asarray(c.im)[:, :, 0] < 255
    assert c._waiting == []
    assert on[10, 50] and on[40, 50] and on[70, 50]
