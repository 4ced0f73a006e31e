"""Doorways with one jamb, the other side a corner of the wall they run into
(floorplan/io/dxf/walls/corners.py; holdout5's house_plan: the dressing passage opening into
the master bedroom). Drawings in metres; areas worked by hand from the coordinates."""

from __future__ import annotations

import numpy as np
import pytest

from floorplan.io.dxf.walls.corners import corner_openings
from tests.dxf_patterns import Sheet, assert_room, read, rooms_of


def passage_plan(s: Sheet) -> None:
    """Double-line walls 0.1 thick round x 0-4.2, y 0-5.2 (faces x 0.1-4.1, y 0.1-5.1), as
    house_plan draws its master suite. A bedroom north of y 2.1 (faces x 0.1-4.1, y
    2.1-5.1: 4 x 3 = 12 m²); south of it a bathroom (x 0.1-2.0, y 0.1-2.0: 1.9 x 1.9 =
    3.61 m²), a passage 1.0 m wide (x 2.1-3.1, y 0.1-2.0: 1.9 m²) and a cupboard (x
    3.2-4.1, y 0.1-2.0: 0.9 x 1.9 = 1.71 m²). The wall between bathroom and bedroom (y
    2.0-2.1) meets the bathroom's east wall (x 2.0-2.1) at the corner (2.1, 2.1), where the
    passage's west face turns into the bedroom's south face. The cupboard's north wall (y
    2.0-2.1) runs from the east wall to x = 3.1, its end capped by a line in the line of
    the passage's east face: the passage's mouth is a 1.0 m doorway with one jamb, the
    other side the corner, in line with the bedroom's south face."""
    s.poly([(0, 0), (4.2, 0), (4.2, 5.2), (0, 5.2)], closed=True)
    s.lines([(4.1, 2.1), (4.1, 5.1), (0.1, 5.1), (0.1, 2.1), (2.1, 2.1), (2.1, 0.1),
             (3.1, 0.1), (3.1, 2.0), (3.1, 2.1), (4.1, 2.1)])
    s.poly([(0.1, 0.1), (2.0, 0.1), (2.0, 2.0), (0.1, 2.0)], closed=True)
    s.poly([(3.2, 0.1), (4.1, 0.1), (4.1, 2.0), (3.2, 2.0)], closed=True)
    s.text("BEDROOM", (1.5, 3.5))
    s.text("BATHROOM", (0.5, 1.0), height=0.15)
    s.text("CUPBOARD", (3.3, 1.0), height=0.1)


def test_a_doorway_between_a_jamb_and_a_corner_parts_the_passage_from_the_room(tmp_path):
    # sealed along the jamb's two faces (y 2.0 and 2.1, x 2.1-3.1): the bedroom runs along
    # its own south face across the doorway, the passage stops at the jamb's other face,
    # the reveal between them is wall. Before, nothing parted them (the passage is as wide
    # as its mouth: a corridor running on, which the walls do not pinch): one room of
    # 12 + 1.9 + 1.0 x 0.1 = 14.0 m², the bedroom's
    s = Sheet()
    passage_plan(s)
    plan = read(s, tmp_path)
    assert rooms_of(plan) == [("", "walls", 1.9), ("BATHROOM", "walls", 3.61),
                              ("BEDROOM", "walls", 12.0), ("CUPBOARD", "walls", 1.71)]
    rooms = {r.name: r for r in plan.rooms}
    assert_room(rooms, "BEDROOM", 12.0, (0.1, 2.1, 4.1, 5.1))
    assert_room(rooms, "", 1.9, (2.1, 0.1, 3.1, 2.0))
    doorway = [d for d in plan.doors if d.width == pytest.approx(1.0)]
    assert len(doorway) == 1  # the doorway joins the two


def _stub(x_end: float = 1.0) -> list[np.ndarray]:
    """A wall 0.15 thick running east from a capped end at x = ``x_end`` (faces y 0 and
    0.15, 2 m long), meeting a wall at its far end."""
    return [np.array([[x_end, 0.0], [x_end + 2, 0.0]]),
            np.array([[x_end, 0.15], [x_end + 2, 0.15]]),
            np.array([[x_end, 0.0], [x_end, 0.15]]),
            np.array([[x_end + 2, -3.0], [x_end + 2, 3.0]])]


def test_the_jamb_facing_a_corner_whose_face_runs_on_is_an_opening():
    # the far wall's face x = 0 turns at (0, 0.15) into a face running on west in the line
    # of the stub's face y = 0.15: a doorway 1.0 m wide, its seals along both faces
    corner = [np.array([[0.0, -2.0], [0.0, 0.15]]), np.array([[0.0, 0.15], [-3.0, 0.15]])]
    (o,) = corner_openings(_stub() + corner, [])
    assert (o.width, o.kind) == (1.0, "bare")
    assert sorted(tuple(np.round(np.asarray(s.coords), 6).ravel()) for s in o.seals) == [
        (1.0, 0.0, 0.0, 0.0), (1.0, 0.15, 0.0, 0.15)]


@pytest.mark.parametrize("far", [
    # the far wall's face runs straight on past the gap: no corner, the floor may run round
    [np.array([[0.0, -2.0], [0.0, 2.0]])],
    # the far wall ends there (its end capped by a line no longer than a jamb, closing a
    # wall whose faces run the same way): the building is open, as tests/test_dxf_walls_
    # closing.py's capped corner is
    [np.array([[0.0, -2.0], [0.0, 0.15]]), np.array([[0.0, 0.15], [-0.1, 0.15]]),
     np.array([[-0.1, 0.15], [-0.1, -2.0]])],
    # the corner 1.4 m away: wider than a door (1.3 m)
    "wide",
])
def test_no_opening_without_a_face_running_on_past_a_corner_a_door_width_away(far):
    lines = _stub(1.4) if isinstance(far, str) else _stub()
    if isinstance(far, str):
        far = [np.array([[0.0, -2.0], [0.0, 0.15]]), np.array([[0.0, 0.15], [-3.0, 0.15]])]
    assert corner_openings(lines + far, []) == []


def test_a_box_is_no_wall_end():
    # a label's frame 1.7 x 0.15 (its short sides jamb-long, its long sides joined at both
    # ends): no jamb, though its sides carried on meet a corner 1.0 m away
    box = [np.array([[1.0, 0.0], [2.7, 0.0]]), np.array([[1.0, 0.15], [2.7, 0.15]]),
           np.array([[1.0, 0.0], [1.0, 0.15]]), np.array([[2.7, 0.0], [2.7, 0.15]])]
    corner = [np.array([[0.0, -2.0], [0.0, 0.15]]), np.array([[0.0, 0.15], [-3.0, 0.15]])]
    assert corner_openings(box + corner, []) == []


def test_something_drawn_in_the_gap_keeps_it_open():
    # a line standing across the gap (x = 0.5): not a doorway with nothing in it
    corner = [np.array([[0.0, -2.0], [0.0, 0.15]]), np.array([[0.0, 0.15], [-3.0, 0.15]])]
    across = [np.array([[0.5, -0.5], [0.5, 0.5]])]
    assert corner_openings(_stub() + corner + across, []) == []


def test_a_stretch_of_face_where_a_wall_meets_it_is_no_jamb():
    # holdout3's Becket Second Floor: a corridor's face drawn in pieces, broken where a
    # partition (x 1.0-1.1) meets it from the north; the piece across the partition's end
    # (x 1.0-1.1 on y 0.15) has the partition's faces square to it and the corridor's face
    # running on in its line at both ends. Read as a jamb, the corridor (0.95 m wide) was
    # sealed across to the far face, where a wall leaves it southward, and cut in two
    face = [np.array([[-2.0, 0.15], [1.0, 0.15]]), np.array([[1.0, 0.15], [1.1, 0.15]]),
            np.array([[1.1, 0.15], [3.0, 0.15]])]
    partition = [np.array([[1.0, 0.15], [1.0, 2.0]]), np.array([[1.1, 0.15], [1.1, 2.0]])]
    far = [np.array([[-2.0, -0.8], [1.1, -0.8]]), np.array([[1.1, -0.8], [1.1, -3.0]])]
    assert corner_openings(face + partition + far, []) == []
