"""The jamb pairs ruled out all at once (jambpairs.Pairs.ends) are those _opening rules out."""

import numpy as np
from shapely.geometry import LineString
from shapely.strtree import STRtree

from floorplan.io.dxf.walls import jambpairs, openings


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
    lines = _wall(0.0, 2.0)  # faces on both seals, touching both jambs
    ja, jb, geoms, tree = _pair(lines, 0.0, 2.0)
    assert jambpairs.Pairs(ja, jb, geoms, tree).ends.tolist() == [True]
    assert openings._opening(ja[0], jb[0], 2.0, geoms, tree, None) is None
    assert openings.jamb_openings(lines, geoms, []) == []


def test_a_gap_between_two_walls_is_left_to_opening():
    lines = _wall(-3.0, 0.0) + _wall(0.9, 3.9)  # nothing on the seals across the gap
    ja, jb, geoms, tree = _pair(lines, 0.0, 0.9)
    assert jambpairs.Pairs(ja, jb, geoms, tree).ends.tolist() == [False]
    found = openings.jamb_openings(lines, geoms, [])
    assert [(o.width, o.kind) for o in found] == [(0.9, "bare")]


def test_a_face_on_one_seal_that_stops_at_the_jambs_is_no_recess():
    # one face runs across the gap only from jamb to jamb (it does not run on past both
    # jambs), the other side is open: the pair is ruled out before _recess is asked
    lines = _wall(-3.0, 0.0) + _wall(0.9, 3.9) + [np.array([[0.0, 0.0], [0.9, 0.0]])]
    ja, jb, geoms, tree = _pair(lines, 0.0, 0.9)
    assert jambpairs.Pairs(ja, jb, geoms, tree).ends.tolist() == [True]
    assert openings._opening(ja[0], jb[0], 0.9, geoms, tree, None) is None
