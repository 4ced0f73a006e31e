"""``rules.scheme._one_piece``: whether rooms closer than the gap link into one building,
from the distances between the rooms, worked out by hand."""

from shapely.geometry import MultiPolygon, box

from floorplan.rules.scheme import _one_piece


def test_two_rooms_half_a_metre_apart_are_one_piece():
    # 0.5 m between them, under 0.99 x 1.0 m
    assert _one_piece([box(0, 0, 3, 3), box(3.5, 0, 6, 3)], 1.0)


def test_two_rooms_further_apart_than_the_gap_are_not():
    # 1.5 m between them
    assert not _one_piece([box(0, 0, 3, 3), box(4.5, 0, 6, 3)], 1.0)


def test_within_the_gap_but_not_within_the_margin_is_left_to_the_union():
    # 0.995 m apart: under the gap, over 0.99 of it, so this says no (the caller unions)
    assert not _one_piece([box(0, 0, 3, 3), box(3.995, 0, 6, 3)], 1.0)


def test_a_chain_links_rooms_far_apart_and_a_diagonal_neighbour_counts():
    # a-b 0.4 m apart, b-c corner to corner: hypot(0.6, 0.6) = 0.85 m; a to c 4.6 m
    a, b, c = box(0, 0, 2, 2), box(2.4, 0, 4, 2), box(4.6, 2.6, 6, 4)
    assert _one_piece([a, b, c], 1.0)
    # c moved to hypot(0.8, 0.8) = 1.13 m from b: over the gap, two pieces
    assert not _one_piece([a, b, box(4.8, 2.8, 6, 4)], 1.0)


def test_rooms_not_single_polygons_are_left_to_the_union():
    assert not _one_piece([box(0, 0, 1, 1), MultiPolygon([box(1.2, 0, 2, 1), box(5, 0, 6, 1)])], 1.0)
    assert not _one_piece([], 1.0)


def test_a_room_alone_is_one_piece():
    assert _one_piece([box(0, 0, 1, 1)], 1.0)
