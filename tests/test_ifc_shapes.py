"""A space body's footprint and ceilings from its triangles (no IfcOpenShell needed)."""

from __future__ import annotations

import numpy as np
import pytest

from floorplan.io.ifc.shapes import body_from_mesh

BOX = np.array([[0, 0, 0], [4, 0, 0], [4, 3, 0], [0, 3, 0],
                [0, 0, 2.4], [4, 0, 2.4], [4, 3, 2.4], [0, 3, 2.4]], float)
#: floor (facing down) and top (facing up) of the 4 x 3 x 2.4 m box; walls add nothing
BOX_FACES = np.array([[0, 2, 1], [0, 3, 2], [4, 5, 6], [4, 6, 7],
                      [0, 1, 5], [0, 5, 4], [2, 3, 7], [2, 7, 6]])


def test_a_box_is_12_m2_under_a_flat_2_4_m_ceiling():
    b = body_from_mesh(BOX, BOX_FACES)
    assert b.footprint.area == pytest.approx(12.0)
    assert b.flat_height == pytest.approx(2.4) and b.ceilings == ()


def test_a_box_raised_off_the_origin_measures_heights_from_its_floor():
    b = body_from_mesh(BOX + [10.0, 20.0, 5.6], BOX_FACES)
    assert b.floor_z == pytest.approx(5.6) and b.flat_height == pytest.approx(2.4)
    assert b.footprint.bounds == pytest.approx((10, 20, 14, 23))


def test_a_mono_pitch_top_is_one_sloped_ceiling():
    v = BOX.copy()
    v[[5, 6], 2] = 1.2  # the top falls from 2.4 m at x = 0 to 1.2 m at x = 4
    b = body_from_mesh(v, BOX_FACES)
    [c] = b.ceilings
    assert b.flat_height is None
    xy = np.asarray(c.polygon.exterior.coords)[:-1]
    for (x, _), h in zip(xy, c.heights, strict=True):
        assert h == pytest.approx(2.4 - 0.3 * x)


def test_two_flat_levels_are_two_ceilings():
    # a box whose top steps down from 2.4 m (x < 2) to 2.0 m (x > 2): a bulkhead
    v = np.array([[0, 0, 0], [4, 0, 0], [4, 3, 0], [0, 3, 0],
                  [0, 0, 2.4], [2, 0, 2.4], [2, 3, 2.4], [0, 3, 2.4],
                  [2, 0, 2.0], [4, 0, 2.0], [4, 3, 2.0], [2, 3, 2.0]], float)
    f = np.array([[0, 2, 1], [0, 3, 2], [4, 5, 6], [4, 6, 7], [8, 9, 10], [8, 10, 11]])
    b = body_from_mesh(v, f)
    assert b.flat_height is None
    assert sorted((round(c.polygon.area, 6), c.height) for c in b.ceilings) == [(6.0, 2.0), (6.0, 2.4)]
    assert [c.height for c in b.ceilings] == [2.4, 2.0]  # highest first: the lowest wins


def test_a_mesh_without_a_floor_gives_nothing():
    assert body_from_mesh(BOX, BOX_FACES[2:4]) is None
    assert body_from_mesh(np.empty((0, 3)), np.empty((0, 3), int)) is None


def test_a_stepped_floor_is_kept_whole_and_its_step_said():
    # floor at 0 for x < 2 and 0.3 m up for x > 2 (a raised dais); flat top at 2.4 m
    v = np.array([[0, 0, 0], [2, 0, 0], [2, 3, 0], [0, 3, 0],
                  [2, 0, 0.3], [4, 0, 0.3], [4, 3, 0.3], [2, 3, 0.3],
                  [0, 0, 2.4], [4, 0, 2.4], [4, 3, 2.4], [0, 3, 2.4]], float)
    f = np.array([[0, 2, 1], [0, 3, 2], [4, 6, 5], [4, 7, 6], [8, 9, 10], [8, 10, 11]])
    b = body_from_mesh(v, f)
    assert b.footprint.area == pytest.approx(12.0)
    assert b.floor_step == pytest.approx(0.3) and b.floor_z == 0.0


def test_faces_wound_inwards_are_turned_round():
    # the closed box, every face reversed: its floor must not be read as its ceiling
    walls = [[0, 1, 5], [0, 5, 4], [1, 2, 6], [1, 6, 5], [2, 3, 7], [2, 7, 6], [3, 0, 4], [3, 4, 7]]
    closed = np.vstack([BOX_FACES[:4], walls])
    out = body_from_mesh(BOX, closed)
    inward = body_from_mesh(BOX, closed[:, ::-1])
    assert out.flat_height == pytest.approx(2.4) and inward.flat_height == pytest.approx(2.4)
    assert inward.footprint.area == pytest.approx(12.0) and inward.floor_z == 0.0


def test_a_surface_model_whose_floor_and_top_both_face_down_is_told_apart_by_height():
    # as Revit writes a hallway cut by a stair (IfcFaceBasedSurfaceModel): the floor at
    # 0 and the 2.4 m top both wound facing down; walls left out, as surface models may
    top_down = BOX_FACES[2:4][:, ::-1]
    b = body_from_mesh(BOX, np.vstack([BOX_FACES[:2], top_down]))
    assert b.footprint.area == pytest.approx(12.0)
    assert b.floor_z == 0.0 and b.floor_step == 0.0
    assert b.flat_height == pytest.approx(2.4)


def test_a_surface_model_with_a_top_in_two_levels_keeps_both_ceilings():
    # floor at 0; top at 2.4 m for x < 2 and 2.0 m for x > 2, every face facing down
    v = np.array([[0, 0, 0], [4, 0, 0], [4, 3, 0], [0, 3, 0],
                  [0, 0, 2.4], [2, 0, 2.4], [2, 3, 2.4], [0, 3, 2.4],
                  [2, 0, 2.0], [4, 0, 2.0], [4, 3, 2.0], [2, 3, 2.0]], float)
    f = np.array([[0, 2, 1], [0, 3, 2], [4, 6, 5], [4, 7, 6], [8, 10, 9], [8, 11, 10]])
    b = body_from_mesh(v, f)
    assert b.footprint.area == pytest.approx(12.0) and b.floor_step == 0.0
    assert sorted((round(c.polygon.area, 6), c.height) for c in b.ceilings) == [(6.0, 2.0), (6.0, 2.4)]


def test_a_surface_model_with_every_face_looking_up_still_has_its_floor():
    # the same hallway wound the other way (its volume sign then turns it round again)
    faces = np.vstack([BOX_FACES[:2][:, ::-1], BOX_FACES[2:4]])
    b = body_from_mesh(BOX, faces)
    assert b.footprint.area == pytest.approx(12.0) and b.flat_height == pytest.approx(2.4)
