"""The exact largest inscribed circle (floorplan.inscribed).

Expected values are worked by hand in the comments; the property test holds the solver
to GEOS's independent iterative search, which is within its tolerance of the optimum.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from hypothesis import example, given, settings
from hypothesis import strategies as st
from shapely import affinity
from shapely.geometry import MultiPolygon, Point, Polygon, box

from floorplan.geometry import largest_circle, largest_circles
from floorplan.inscribed import MAX_CANDIDATES, candidate_count, inscribed_circle, inscribed_circles

R_BATH = (5.4 - math.sqrt(14.56)) / 2          # see _bath below
R_JUNCTION = 2 * math.sqrt(2) / (1 + math.sqrt(2))


def _bath():
    # 2.1 x 3.0 bathroom, 0.7 x 1.7 bath in the corner at the origin. The circle touches
    # the far walls x = 2.1 and y = 3 and the bath's corner (0.7, 1.7), so its centre is
    # (2.1 - r, 3 - r) and (1.4 - r)² + (1.3 - r)² = r²: r² - 5.4 r + 3.65 = 0.
    return box(0, 0, 2.1, 3.0).difference(box(0, 0, 0.7, 1.7))


CASES = [
    # name, polygon, radius, centre (None: not unique)
    ("rectangle 2 x 3: centred", box(0, 0, 2, 3), 1.0, (1.0, 1.5)),
    ("3-4-5 triangle: inradius (3 + 4 - 5) / 2", Polygon([(0, 0), (3, 0), (0, 4)]), 1.0, (1.0, 1.0)),
    ("bathroom with a bath", _bath(), R_BATH, (2.1 - R_BATH, 3.0 - R_BATH)),
    # limbs 2 m wide: the circle touches x = 0, y = 0 and the inner corner (2, 2):
    # sqrt(2) (2 - r) = r
    ("L-shape", Polygon([(0, 0), (4, 0), (4, 2), (2, 2), (2, 4), (0, 4)]), R_JUNCTION,
     (R_JUNCTION, R_JUNCTION)),
    # 10 m square with a 2 m block in the middle: in a corner, touching both outer walls
    # and the block's near corner, the same equation as the L: sqrt(2) (4 - r) = r
    ("square with a central hole", box(0, 0, 10, 10).difference(box(4, 4, 6, 6)),
     4 * math.sqrt(2) / (1 + math.sqrt(2)), None),
    # the benchmark's bathroom: 1.9 x 2.4 with a 1.7 x 0.7 bath; above the bath a
    # 1.9 x 1.7 block, so r = 1.7 / 2 with the centre free to slide 0.2 m along x: the
    # middle of that ridge is (0.95, 0.7 + 0.85)
    ("ridge between parallel walls",
     Polygon([(0, 0.7), (1.7, 0.7), (1.7, 0), (1.9, 0), (1.9, 2.4), (0, 2.4)]), 0.85, (0.95, 1.55)),
    # a 6 x 4 room with a 1 x 3 bite out of the middle (x 2.5-3.5, y 1-4): each end is
    # 2.5 m wide, so r = 1.25 on a ridge there; lower down, a circle on x = 0 and y = 0
    # would reach the bite's side x = 2.5 first. Two equal ridges, so no one centre.
    ("room with a bite", Polygon([(0, 0), (6, 0), (6, 4), (3.5, 4), (3.5, 1), (2.5, 1), (2.5, 4), (0, 4)]),
     1.25, None),
]


@pytest.mark.parametrize("name,poly,radius,centre", CASES, ids=[c[0] for c in CASES])
def test_hand_worked_circles(name, poly, radius, centre):
    x, y, r = inscribed_circle(poly)
    assert r == pytest.approx(radius, abs=1e-9)
    if centre is not None:
        assert (x, y) == pytest.approx(centre, abs=1e-9)
    # whatever the centre, the circle is inside and touches the boundary
    assert poly.buffer(1e-9).contains(Point(x, y))
    assert poly.boundary.distance(Point(x, y)) == pytest.approx(r, abs=1e-9)


def test_same_answer_far_from_the_origin_and_turned():
    # national-grid coordinates and a turn: worked in a local frame, so no precision lost
    moved = affinity.translate(affinity.rotate(_bath(), 33, origin=(0, 0)), 512345.0, 181234.0)
    x, y, r = inscribed_circle(moved)
    assert r == pytest.approx(R_BATH, abs=1e-7)
    assert moved.boundary.distance(Point(x, y)) == pytest.approx(R_BATH, abs=1e-7)


def test_ring_direction_does_not_matter():
    p = _bath()
    reversed_rings = Polygon(p.exterior.coords[::-1], [h.coords[::-1] for h in p.interiors])
    assert inscribed_circle(reversed_rings)[2] == pytest.approx(R_BATH, abs=1e-12)
    holed = box(0, 0, 10, 10).difference(box(4, 4, 6, 6))
    flipped = Polygon(holed.exterior.coords[::-1], [h.coords[::-1] for h in holed.interiors])
    assert inscribed_circle(flipped)[2] == pytest.approx(inscribed_circle(holed)[2], abs=1e-12)


def test_repeated_vertices_are_ignored():
    p = Polygon([(0, 0), (2, 0), (2, 0), (2, 3), (0, 3), (0, 3)])
    assert inscribed_circle(p) == pytest.approx((1.0, 1.5, 1.0), abs=1e-12)


def test_many_sides_are_left_to_the_search():
    # a 200-gon: too many candidates to enumerate; largest_circle falls back to GEOS, whose
    # answer is the regular polygon's inradius R cos(pi / n) to within its 0.2 mm tolerance
    n, big = 200, 2.0
    ring = [(big * math.cos(2 * math.pi * k / n), big * math.sin(2 * math.pi * k / n)) for k in range(n)]
    poly = Polygon(ring)
    assert candidate_count(n, 0) > MAX_CANDIDATES
    assert inscribed_circle(poly) is None
    c = largest_circle(poly)
    assert c.diameter / 2 == pytest.approx(big * math.cos(math.pi / n), abs=2e-4)


def test_empty_and_degenerate():
    assert inscribed_circle(Polygon()) is None
    assert largest_circle(Polygon()) is None
    assert largest_circles([]) == []


def test_bulk_matches_one_by_one():
    areas = [box(0, 0, 3, 2), _bath(), box(5, 5, 6.5, 9), Polygon(),
             MultiPolygon([box(0, 0, 1, 1), box(2, 0, 5, 3)]),
             affinity.rotate(box(0, 0, 2, 4), 30)]
    bulk = largest_circles(areas)
    for area, got in zip(areas, bulk, strict=True):
        one = largest_circle(area)
        if one is None:
            assert got is None
            continue
        assert got.diameter == pytest.approx(one.diameter, abs=1e-12)
        assert got.center.distance(one.center) < 1e-9
    # the rectangles: short side across, centred (the rotated one too)
    assert bulk[0].diameter == 2.0 and (bulk[0].center.x, bulk[0].center.y) == (1.5, 1.0)
    assert bulk[5].diameter == pytest.approx(2.0, abs=1e-12)
    assert bulk[4].diameter == pytest.approx(3.0)  # the larger part of the multipolygon


# rooms with fittings: a rectangle less up to four boxes, some touching walls, some not
boxes = st.tuples(st.floats(-0.5, 5.5), st.floats(-0.5, 4.5), st.floats(0.2, 2.0), st.floats(0.2, 2.0))


@settings(deadline=None)  # timed on a shared 2-core machine it flakes; speed is benchmarked
@given(st.floats(1.0, 6.0), st.floats(1.0, 5.0), st.lists(boxes, max_size=4), st.floats(0, 360))
def test_agrees_with_geos_search(w, h, fittings, angle):
    floor = box(0, 0, w, h)
    for x, y, dx, dy in fittings:
        floor = floor.difference(box(x, y, x + dx, y + dy))
    floor = affinity.rotate(floor, angle, origin=(0, 0))
    for poly in getattr(floor, "geoms", [floor]):
        if not isinstance(poly, Polygon) or poly.area < 1e-6:
            continue
        got = inscribed_circle(poly, max_candidates=10**9)
        with np.errstate(all="ignore"):  # GEOS divides by a 1e-306 side hypothesis finds
            line = shapely.maximum_inscribed_circle(poly, tolerance=1e-4)
        searched = line.length
        # GEOS's circle fits, so the optimum is at least it; and GEOS stops close to the
        # optimum: not always within its tolerance (a 5 x 1 strip with a notch, r = 0.5,
        # came back 1.5e-4 short at tolerance 1e-4), so allow twice that
        assert got is not None
        assert searched - 1e-9 <= got[2] <= searched + 2e-4 + 1e-9
        centre = Point(got[0], got[1])
        assert poly.buffer(1e-9).contains(centre)
        assert poly.boundary.distance(centre) == pytest.approx(got[2], abs=1e-9)


def test_a_point_level_with_a_corner_is_not_taken_as_inside():
    # found by comparing with GEOS: a candidate centre level (to the last bit) with the
    # bottom corners of the hole, and outside the room, was once counted inside, because
    # the sides meeting at that corner were compared with the point's y in different
    # roundings; the answer came out 0.566 where only 0.404 fits
    poly = shapely.from_wkt(
        "POLYGON ((1.8651989946558607 1.7601761451852158, 0 1.7601761451852158, 0 1.9699502962208073, "
        "0.238075590129176 1.9699502962208073, 0.238075590129176 1.8650770527851495, "
        "1.4678366983921254 1.8650770527851495, 1.4678366983921254 1.9699502962208073, "
        "3.8020749039127475 1.9699502962208073, 3.8020749039127475 0, 1.5347444843591687 0, "
        "1.5347444843591687 0.7663584671342045, 1.8651989946558607 0.7663584671342045, "
        "1.8651989946558607 1.7601761451852158), (3.2692304807719808 0.7859868663466605, "
        "3.2692304807719808 1.8096393267737954, 2.1532373062626506 1.8096393267737954, "
        "2.1532373062626506 0.7859868663466605, 3.2692304807719808 0.7859868663466605))")
    x, y, r = inscribed_circle(poly, max_candidates=10**9)
    assert poly.contains(Point(x, y))
    assert poly.boundary.distance(Point(x, y)) == pytest.approx(r, abs=1e-9)
    searched = shapely.maximum_inscribed_circle(poly, tolerance=1e-4).length
    assert searched - 1e-9 <= r <= searched + 2e-4


def test_a_batch_gives_what_each_polygon_gives_alone():
    polys = [_bath(), box(0, 0, 2, 3), _bath(), Polygon([(0, 0), (4, 0), (4, 2), (2, 2), (2, 4), (0, 4)]),
             affinity.translate(_bath(), 512345.0, 181234.0), Polygon(), box(0, 0, 10, 10).difference(box(4, 4, 6, 6))]
    together = inscribed_circles(polys)
    for poly, got in zip(polys, together, strict=True):
        alone = inscribed_circle(poly)
        assert got == alone if alone is None else got == pytest.approx(alone, abs=1e-9)
    assert together[4][2] == pytest.approx(R_BATH, abs=1e-7)  # its own frame, far away


# the method choice (issue 15): GEOS where it is the quicker way, the exact solver where
# it is, and whichever is chosen, every diameter within 1 mm of the exact one

def _star(n: int, seed: int) -> Polygon:
    rng = np.random.default_rng(seed)
    a = np.sort(rng.uniform(0, 2 * math.pi, n))
    r = rng.uniform(1.5, 4.0, n)
    return Polygon(np.c_[r * np.cos(a), r * np.sin(a)])


def _stairs(k: int, step: float) -> Polygon:
    pts = [(0.0, 0.0), (k * step, 0.0)]
    for i in range(k):
        pts += [((k - i) * step, (i + 1) * step), ((k - i - 1) * step, (i + 1) * step)]
    return Polygon(pts)


def test_choice_by_candidates_times_sides():
    from floorplan.inscribed import EXACT_WORK, EXACT_WORK_RIDGE, exact_pays

    # a staircase of 5 steps: 12 sides (antiparallel pairs), 4 reflex corners
    stairs = _stairs(5, 1.0)
    work = candidate_count(12, 4) * 12
    assert EXACT_WORK < work <= EXACT_WORK_RIDGE
    assert exact_pays(12, 4, True) and not exact_pays(12, 4, False)
    assert inscribed_circle(stairs) is not None  # walls face each other: solved exactly
    # a regular 15-gon (odd: no two sides antiparallel), 455 x 15 = 6,825: left to GEOS,
    # while the 13-gon (286 x 13 = 3,718) is still solved exactly
    def regular(n):
        return Polygon([(math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n)) for k in range(n)])

    assert candidate_count(15, 0) * 15 > EXACT_WORK >= candidate_count(13, 0) * 13
    assert inscribed_circle(regular(15)) is None
    assert inscribed_circle(regular(13)) == pytest.approx((0.0, 0.0, math.cos(math.pi / 13)), abs=1e-9)
    assert largest_circle(regular(15)).diameter == pytest.approx(2 * math.cos(math.pi / 15), abs=1e-3)


@settings(max_examples=60, deadline=None)
@given(st.integers(5, 18), st.integers(0, 10**6), st.booleans(), st.floats(0.3, 3.0))
def test_chosen_method_within_a_millimetre_of_exact(n, seed, rectilinear, step):
    poly = _stairs(max(2, n // 2), step) if rectilinear else _star(n, seed)
    if not poly.is_valid:
        return
    exact = inscribed_circle(poly, max_candidates=10**9)
    chosen = largest_circle(poly)
    assert exact is not None and chosen is not None
    assert abs(chosen.diameter - 2 * exact[2]) <= 1e-3
    assert poly.buffer(1e-9).contains(chosen.center)


def test_walls_facing_past_the_work_limit_are_solved_exactly_from_a_bound():
    from floorplan.inscribed import EXACT_WORK_RIDGE

    # a 10 x 2.3 m room with three 0.5 x 0.3 m alcoves off its top wall: 16 sides, 6 reflex
    # corners, walls facing each other; 2,520 candidates x 16 sides is past the ridge limit
    pts = [(0.0, 0.0), (10.0, 0.0), (10.0, 2.3)]
    for x0 in (8.0, 5.0, 2.0):
        pts += [(x0 + 0.5, 2.3), (x0 + 0.5, 2.6), (x0, 2.6), (x0, 2.3)]
    pts.append((0.0, 2.3))
    room = Polygon(pts)
    assert candidate_count(16, 6) * 16 > EXACT_WORK_RIDGE and candidate_count(16, 6) <= MAX_CANDIDATES
    # by hand: the circle stands on the floor and reaches up into an alcove between its two
    # corners (x0, 2.3) and (x0 + 0.5, 2.3): r = (0.25² + 2.3²) / (2 x 2.3)
    r = (0.25**2 + 2.3**2) / (2 * 2.3)
    got = inscribed_circle(room)
    assert got is not None
    assert got[2] == pytest.approx(r, abs=1e-12)
    assert got[1] == pytest.approx(r, abs=1e-9)
    assert any(got[0] == pytest.approx(x + 0.25, abs=1e-9) for x in (2.0, 5.0, 8.0))
    assert largest_circle(room).diameter == pytest.approx(2 * r, abs=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.integers(6, 8), st.floats(0.3, 3.0), st.floats(0.0, 180.0))
def test_solved_from_a_bound_as_without_it(k, step, angle):
    # staircases of 6-8 steps (14-18 sides, walls facing): past the ridge limit, solved from
    # GEOS's coarse bound; the same circle as when every candidate is measured
    poly = affinity.rotate(_stairs(k, step), angle, origin=(0, 0))
    got = inscribed_circle(poly)
    full = inscribed_circle(poly, max_candidates=10**9)
    assert got is not None and full is not None
    assert got[2] == pytest.approx(full[2], rel=1e-12, abs=1e-12)
    assert Point(got[0], got[1]).distance(poly.exterior) == pytest.approx(got[2], rel=1e-9)


def _split(pts: list[tuple[float, float]], pieces: int) -> Polygon:
    """The polygon of ``pts`` with every side drawn in ``pieces`` pieces along its line."""
    out = []
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):
        out += [(x0 + (x1 - x0) * k / pieces, y0 + (y1 - y0) * k / pieces) for k in range(pieces)]
    return Polygon(out)


def test_sides_drawn_in_pieces_are_solved_as_the_polygon_they_draw(monkeypatch):
    # a 6.05 x 2.14 m room whose sides are each drawn in 20 pieces (80 sides, a face split
    # at every stud): too many sides for the exact solver, but the same rectangle, whose
    # circle is its short side across; and an L-shaped room the same way
    room = _split([(0.0, 0.0), (6.05, 0.0), (6.05, 2.14), (0.0, 2.14)], 20)
    ell_pts = [(0.0, 0.0), (4.0, 0.0), (4.0, 1.5), (1.8, 1.5), (1.8, 3.5), (0.0, 3.5)]
    ell = _split(ell_pts, 8)
    assert candidate_count(80, 0) > MAX_CANDIDATES
    assert inscribed_circle(room) is None  # as drawn, left to the search

    def searched(*args, **kwargs):
        raise AssertionError("searched by GEOS")

    monkeypatch.setattr(shapely, "maximum_inscribed_circle", searched)
    assert largest_circle(room).diameter == pytest.approx(2.14, abs=1e-12)
    # the L's circle, by hand: wider than either limb (1.8, 1.5), it touches the outer
    # sides x = 0 and y = 0 and the inner corner (1.8, 1.5): centre (r, r) with
    # (1.8 - r)² + (1.5 - r)² = r², r = (6.6 - sqrt(21.6)) / 2
    assert largest_circle(ell).diameter == pytest.approx(6.6 - math.sqrt(21.6), abs=1e-12)


# many-sided rooms (issue 15): exact from the few sites near GEOS's coarse centre
# (floorplan.inscribed.local), proved within VERIFY, never searched at 0.2 mm

def _coarse_only(monkeypatch):
    """Let GEOS's search run only at the coarse tolerance of the local path."""
    search = shapely.maximum_inscribed_circle

    def coarse(geom, tolerance=0.0):
        assert np.min(tolerance) >= 1e-3, "searched by GEOS at a fine tolerance"
        return search(geom, tolerance=tolerance)

    monkeypatch.setattr(shapely, "maximum_inscribed_circle", coarse)


def _bay_room() -> Polygon:
    # an 8 x 5 m room with a bay on its right wall: a half circle of radius 1 about (8, 2.5)
    # drawn in 24 chords (vertices on the circle, so inside it)
    arc = [(8 + math.cos(t), 2.5 + math.sin(t)) for t in np.linspace(-math.pi / 2, math.pi / 2, 25)]
    return Polygon([(0, 0), (8, 0), *arc, (8, 5), (0, 5)])


def test_a_room_with_a_many_sided_bay_is_solved_exactly(monkeypatch):
    from floorplan.inscribed.local import local_circles

    room = _bay_room()
    assert inscribed_circle(room) is None  # 28 sides, 2 reflex corners: past the limits
    _coarse_only(monkeypatch)
    # by hand: the floor and ceiling walls y = 0 and y = 5 hold r = 2.5 along a ridge
    # y = 2.5, from x = 2.5 (the wall x = 0) to where the bay's mouth corners (8, 1.5) and
    # (8, 3.5) are 2.5 away: (8 - x)² + 1 = 2.5², x = 8 - sqrt(5.25); the bay itself
    # (1 m deep from x = 8) is farther than 2.5 from every point of that ridge
    x, y, r = local_circles([room])[0]
    assert r == pytest.approx(2.5, abs=1e-12)
    assert y == pytest.approx(2.5, abs=1e-9)
    assert 2.5 - 1e-9 <= x <= 8 - math.sqrt(5.25) + 1e-9
    assert largest_circle(room).diameter == pytest.approx(5.0, abs=1e-12)


def test_a_triangle_with_a_jagged_tip_keeps_its_incircle(monkeypatch):
    # the 3-4-5 triangle (incircle r = 1 at (1, 1), touching y = 0 at (1, 0), x = 0 at
    # (0, 1) and the hypotenuse 4x + 3y = 12 at (1.8, 1.6)) with its tip above y = 3 cut
    # off by a saw of 20 teeth 0.1 m high: 43 sides, far above the circle's top (y = 2)
    teeth = []
    for k in range(20, 0, -1):
        x = 0.75 * k / 20
        teeth += [(x, 3.0), (x - 0.75 / 40, 3.1)]
    tri = Polygon([(0, 0), (3, 0), (0.75, 3.0), *teeth[1:], (0, 3.0)])
    assert tri.is_valid and len(tri.exterior.coords) - 1 > 40
    assert inscribed_circle(tri) is None
    _coarse_only(monkeypatch)
    c = largest_circle(tri)
    assert c.diameter == pytest.approx(2.0, abs=1e-12)
    assert (c.center.x, c.center.y) == pytest.approx((1.0, 1.0), abs=1e-9)


def _room(n: int, seed: int, far: bool) -> Polygon:
    """A star-shaped room of ``n`` sides, or a long hall with a ragged long wall (near
    parallel walls, where GEOS refines a near-ridge), optionally far from the origin."""
    rng = np.random.default_rng(seed)
    if seed % 2:
        poly = _star(n, seed)
    else:
        length = rng.uniform(8, 60)
        xs = np.sort(rng.uniform(0, length, n - 3))
        top = np.c_[xs[::-1], rng.uniform(3.0, 3.4, n - 3)]
        poly = Polygon([(0, 0), (length, 0), (length, 3.2), *top.tolist(), (0, 3.2)])
    return affinity.translate(poly, 512_345.0, 6_254_321.0) if far else poly


@settings(max_examples=60, deadline=None)
@given(st.integers(12, 60), st.integers(0, 10**6), st.booleans())
@example(12, 91638, False)  # a long thin room where GEOS at 0.1 mm stops 0.39 mm short
def test_many_sided_rooms_within_a_millimetre_of_geos_at_a_tenth(n, seed, far):
    from floorplan.inscribed.local import VERIFY, local_circles

    poly = _room(n, seed, far)
    if not poly.is_valid:
        return
    got = local_circles([poly])[0]
    ref = shapely.length(shapely.maximum_inscribed_circle(poly, tolerance=1e-4))
    chosen = largest_circle(poly)
    assert abs(chosen.diameter - 2 * ref) <= 1e-3
    if got is None:
        return
    x, y, r = got
    # a circle that fits: inside, its radius the centre's clearance
    assert poly.contains(Point(x, y))
    assert Point(x, y).distance(poly.exterior) == pytest.approx(r, abs=1e-9)
    # at least GEOS's (whose circle also fits), and proved within VERIFY of the largest:
    # measured against GEOS searched to 0.1 µm, since at 0.1 mm its search can stop more
    # than its tolerance short in a long thin room (52 x 3.4 m: 1.696173 against a
    # circle of 1.696567 that fits, 1.696474 at 0.1 µm)
    assert r >= ref - 1e-9
    fine = shapely.length(shapely.maximum_inscribed_circle(poly, tolerance=1e-7))
    assert r - max(ref, fine) <= VERIFY + 1e-4
    assert chosen.diameter == pytest.approx(2 * r, abs=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.integers(9, 15), st.integers(0, 10**6))
def test_local_as_every_candidate_measured(n, seed):
    # rooms small enough to solve every triple of sites: the same circle
    from floorplan.inscribed.local import local_circles

    poly = _room(n, seed, False)
    if not poly.is_valid:
        return
    got = local_circles([poly])[0]
    full = inscribed_circle(poly, max_candidates=10**9)
    assert full is not None
    if got is not None:
        assert got[2] == pytest.approx(full[2], abs=1e-9)


def test_a_regular_polygon_is_left_to_the_search():
    # every side of a regular 60-gon touches its circle: all 60 are near the centre, too
    # many triples, so the local path declines and GEOS searches
    from floorplan.inscribed.local import local_circles

    n = 60
    poly = Polygon([(math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n)) for k in range(n)])
    assert local_circles([poly]) == [None]
    assert largest_circle(poly).diameter == pytest.approx(2 * math.cos(math.pi / n), abs=4e-4)


@settings(max_examples=40, deadline=None)
@given(st.integers(12, 50), st.integers(0, 10**6), st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1),
       st.floats(0.2, 1.0), st.floats(0.2, 1.0)), min_size=1, max_size=3))
def test_many_sided_rooms_with_fittings_within_a_millimetre(n, seed, fittings):
    # the same, with fittings carved out of the floor (holes, or bites from its edge)
    from floorplan.inscribed.local import VERIFY, local_circles

    poly = _room(n, seed, False)
    x0, y0, x1, y1 = poly.bounds
    for u, v, w, h in fittings:
        cx, cy = x0 + u * (x1 - x0), y0 + v * (y1 - y0)
        poly = poly.difference(box(cx, cy, cx + w, cy + h))
    if not isinstance(poly, Polygon) or not poly.is_valid:
        return
    ref = shapely.length(shapely.maximum_inscribed_circle(poly, tolerance=1e-4))
    assert abs(largest_circle(poly).diameter - 2 * ref) <= 1e-3
    got = local_circles([poly])[0]
    if got is not None:
        x, y, r = got
        assert poly.contains(Point(x, y))
        assert Point(x, y).distance(poly.boundary) == pytest.approx(r, abs=1e-9)
        assert ref - 1e-9 <= r <= ref + VERIFY + 1e-4


def test_a_sliver_a_hair_high_along_a_side_does_not_move_the_circle_outside():
    """Found by hypothesis: a 3 x 2 floor less the boxes (0, 0, 1, 1), twice, and
    (0, 5.5e-202, 2, 1)
    keeps a channel 5.5e-202 m high along its south side from x 1 to 2, whose two long sides
    face each other: the solver set a circle of radius 1.0 centred at (0, 0), outside the
    floor. Snapped to a nanometre grid the channel goes; the floor is the L of (2, 0, 3, 1)
    and (0, 1, 3, 2), whose largest circle touches the walls y = 2 and x = 3 and the corner
    (2, 1): centre (3 - r, 2 - r) at r from (2, 1), (1 - r)² + (1 - r)² = r², so
    r = 2 - sqrt 2 = 0.5858 (GEOS's search agrees)."""
    floor = box(0, 0, 3, 2)
    for fitting in [box(0, 0, 1, 1), box(0, 0, 1, 1), box(0, 5.541007795360245e-202, 2, 1)]:
        floor = floor.difference(fitting)  # as hypothesis made it: the first box twice
    x, y, r = inscribed_circle(floor, max_candidates=10**9)
    assert r == pytest.approx(2 - 2 ** 0.5, abs=1e-9)
    assert floor.buffer(1e-9).contains(Point(x, y))
