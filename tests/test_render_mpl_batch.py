"""The matplotlib backend draws runs of shapes as collections: the pixels must be those of
one patch (or line) per shape, as it drew them before."""

from __future__ import annotations

import io

import pytest

pytest.importorskip("matplotlib")
np = pytest.importorskip("numpy")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Circle, PathPatch  # noqa: E402
from matplotlib.path import Path  # noqa: E402

from floorplan.render.mpl_plan import _Runs  # noqa: E402

SHAPES = [  # (centre, radius, face, edge, width in points, dashes)
    ((1.0, 1.0), 0.7, (0.34, 0.71, 0.91, 0.3), "#000000", 1.4, "solid"),
    ((2.2, 1.4), 0.9, "none", "#D55E00", 4.0, "solid"),
    ((3.1, 3.3), 1.2, "none", "#4D4D4D", 0.85, "dotted"),
    ((4.4, 2.0), 0.5, "#FFFFFF", "#000000", 1.1, "dashed"),
]
LINES = [([0.2, 5.5], [0.3, 4.9], "#CC79A7", 2.5, "dashed"), ([0.5, 5.0], [5.2, 0.4], "#000000", 4.5, "solid")]


def _png(draw) -> np.ndarray:
    fig = Figure(figsize=(3, 3))
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 6)
    ax.set_ylim(0, 6)
    ax.set_axis_off()
    draw(ax)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150)
    buf.seek(0)
    import matplotlib.image as mi

    return mi.imread(buf)


def _one_by_one(ax, shapes, lines):
    for c, r, face, edge, lw, dash in shapes:
        ax.add_patch(Circle(c, r, facecolor=face, edgecolor=edge, lw=lw, linestyle=dash, zorder=3))
    for xs, ys, colour, lw, dash in lines:
        ax.plot(xs, ys, color=colour, lw=lw, linestyle=dash, solid_capstyle="butt", zorder=3)


def _in_runs(ax, shapes, lines):
    runs = _Runs(ax)
    for c, r, face, edge, lw, dash in shapes:
        runs.shape(Path.circle(c, r), face, edge, lw, dash, 3)
    for xs, ys, colour, lw, dash in lines:
        runs.line(np.column_stack([xs, ys]), colour, lw, dash, 3)
    runs.flush()


@pytest.mark.parametrize("n_shapes,n_lines", [(4, 2), (1, 1), (1, 0), (3, 0)])
def test_runs_draw_the_same_pixels_as_one_artist_per_shape(n_shapes, n_lines):
    shapes, lines = SHAPES[:n_shapes], LINES[:n_lines]
    a = _png(lambda ax: _one_by_one(ax, shapes, lines))
    b = _png(lambda ax: _in_runs(ax, shapes, lines))
    assert np.array_equal(a, b)


def test_a_run_of_one_is_a_patch_or_a_line_not_a_collection():
    # matplotlib draws a one-path collection as a pixel-snapped marker
    def draw(ax):
        _in_runs(ax, SHAPES[:1], LINES[:1])
        assert [type(c) for c in ax.get_children()[:2]] == [PathPatch, Line2D]

    _png(draw)
