"""The jamb pairs ruled out all at once (walls.jambpairs.wall_ends) are those that
walls.openings._opening rules out one at a time: the two ends of one short wall."""

import numpy as np
from shapely.geometry import LineString
from shapely.strtree import STRtree

from floorplan.io.dxf.walls import openings
from floorplan.io.dxf.walls.jambpairs import wall_ends


def _wall(x0: float, x1: float) -> list[np.ndarray]:
    """A wall 0.1 m thick from x0 to x1: its two faces and a jamb at each end."""
    return [np.array([[x0, 0.0], [x1, 0.0]]), np.array([[x0, 0.1], [x1, 0.1]]),
            np.array([[x0, 0.0], [x0, 0.1]]), np.array([[x1, 0.0], [x1, 0.1]])]


def _pair(lines, xa: float, xb: float):
    ja = np.array([[[xa, 0.0], [xa, 0.1]]])
    jb = np.array([[[xb, 0.0], [xb, 0.1]]])
    geoms = [LineString(p) for p in lines]
    return ja, jb, geoms, STRtree(geoms)


def test_the_two_ends_of_one_short_wall_are_no_opening():
    lines = _wall(0.0, 0.9)  # faces on both seals from jamb to jamb, touching both jambs
    ja, jb, geoms, tree = _pair(lines, 0.0, 0.9)
    assert wall_ends(ja, jb, geoms, tree).tolist() == [True]
    assert openings._opening(ja[0], jb[0], 0.9, geoms, tree, None) is None
    assert openings.jamb_openings(lines, geoms, []) == []


def test_a_gap_between_two_walls_is_left_to_opening():
    lines = _wall(-3.0, 0.0) + _wall(0.9, 3.9)  # nothing on the seals across the gap
    ja, jb, geoms, tree = _pair(lines, 0.0, 0.9)
    assert wall_ends(ja, jb, geoms, tree).tolist() == [False]
    found = openings.jamb_openings(lines, geoms, [])
    assert [(o.width, o.kind) for o in found] == [(0.9, "bare")]


def test_a_face_on_one_seal_that_stops_at_the_jambs_is_no_recess():
    # one face runs across the gap only from jamb to jamb (not on past both jambs), the
    # other side is open: ruled out before _recess is asked, as _opening rules it out
    lines = _wall(-3.0, 0.0) + _wall(0.9, 3.9) + [np.array([[0.0, 0.0], [0.9, 0.0]])]
    ja, jb, geoms, tree = _pair(lines, 0.0, 0.9)
    assert wall_ends(ja, jb, geoms, tree).tolist() == [True]
    assert openings._opening(ja[0], jb[0], 0.9, geoms, tree, None) is None


def test_a_face_running_on_across_one_side_is_left_to_opening():
    # the outer face runs unbroken past both jambs (a window's recess may be behind it):
    # only _opening can say, so the pair is not ruled out here
    lines = _wall(-3.0, 0.0) + _wall(0.9, 3.9) + [np.array([[-3.0, 0.0], [3.9, 0.0]])]
    ja, jb, geoms, tree = _pair(lines, 0.0, 0.9)
    assert wall_ends(ja, jb, geoms, tree).tolist() == [False]


def test_a_line_on_the_seals_apart_from_the_jambs_is_left_to_opening():
    # a frame drawn on both seals but short of both jambs (10 mm off, over CORNER_REACH):
    # it may be infill, so _opening decides
    lines = (_wall(-3.0, 0.0) + _wall(0.9, 3.9)
             + [np.array([[0.01, 0.0], [0.89, 0.0]]), np.array([[0.01, 0.1], [0.89, 0.1]])])
    ja, jb, geoms, tree = _pair(lines, 0.0, 0.9)
    assert wall_ends(ja, jb, geoms, tree).tolist() == [False]


def test_no_lines_no_pairs():
    ja = np.zeros((0, 2, 2))
    assert wall_ends(ja, ja, [], None).tolist() == []
