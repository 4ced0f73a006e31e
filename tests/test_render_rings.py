"""Dashed circles drawn in bulk (floorplan.render.raster.rings) against the same circles
drawn dash by dash (canvas.dashes, one ImageDraw.line each, as before)."""

import math

import numpy as np
import pytest
from PIL import Image, ImageDraw

from floorplan.render.raster import rings
from floorplan.render.raster.canvas import dashes


def _circle(cx, cy, r, n=128, cw=True):
    t = np.linspace(0, 2 * math.pi, n + 1)
    return np.column_stack([cx + r * np.cos(t), cy + (-1 if cw else 1) * r * np.sin(t)])


def _by_dash(size, xy, width, pattern):
    im = Image.new("L", size, 0)
    d = ImageDraw.Draw(im)
    for piece in dashes(xy, pattern):
        d.line(piece, fill=255, width=width, joint="curve" if len(piece) > 4 else None)
    return np.asarray(im) > 0


def _runs(on, cx, cy, r):
    """How many separate pieces the ring of radius ``r`` round (cx, cy) crosses in ``on``."""
    t = np.linspace(0, 2 * math.pi, 4000, endpoint=False)
    hit = np.zeros(len(t), dtype=bool)
    for rr in (r - 1, r, r + 1):  # across the line's width: a thin ring's pixels step
        hit |= on[np.round(cy + rr * np.sin(t)).astype(int), np.round(cx + rr * np.cos(t)).astype(int)]
    return int(np.sum(hit & ~np.roll(hit, 1))) if not hit.all() else 1


def _grown(a):
    """``a`` and the pixels beside it."""
    g = a.copy()
    g[1:] |= a[:-1]
    g[:-1] |= a[1:]
    g[:, 1:] |= a[:, :-1]
    g[:, :-1] |= a[:, 1:]
    return g


def _bulk(size, xys, width, pattern):
    im = Image.new("RGB", size, "white")
    rings.draw(im, [rings.ring_of(xy, rings.as_circle(xy)) for xy in xys], (0, 0, 0, 255), width, pattern)
    return np.asarray(im)[:, :, 0] == 0


@pytest.mark.parametrize(("r", "width", "pattern"), [(16.0, 4, (3.54, 5.85)), (60.3, 4, (3.54, 5.85)),
                                                     (40.0, 7, (25.9, 11.2)), (45.0, 3, (19.2, 4.8, 3.0, 4.8))])
def test_a_dashed_circle_covers_the_pixels_its_dashes_did(r, width, pattern):
    xy = _circle(70.3, 64.6, r)
    old, new = _by_dash((140, 130), xy, width, pattern), _bulk((140, 130), [xy], width, pattern)
    # the ink is the dashes' area, length on x width (Pillow's short wide lines run about
    # 0.7 px long: so the old dotted ring held up to a fifth more ink than its area)
    total = float(np.hypot(*np.diff(xy, axis=0).T).sum())
    period, on = sum(pattern), sum(pattern[::2])
    area = (total // period * on + min(total % period, pattern[0])) * width
    assert abs(int(new.sum()) - area) <= 0.06 * area
    assert abs(int(old.sum()) - area) <= 0.3 * area
    # where the old dashes were, to a pixel (the ends are cut along the radius, not across
    # the polygon's side, and Pillow's short wide lines run long)
    assert (new & _grown(old)).sum() >= 0.97 * new.sum()
    assert (old & _grown(new)).sum() >= 0.9 * old.sum()
    # as many dashes (the pattern's on-pieces) as the polygon's length holds
    ons = len(pattern) // 2 if len(pattern) > 2 else 1
    expected = math.ceil(total / sum(pattern) * ons - 1e-9)
    assert abs(_runs(new, 70.3, 64.6, r) - expected) <= 1
    assert abs(_runs(old, 70.3, 64.6, r) - expected) <= 1


def test_the_dashes_start_at_the_first_vertex_and_run_its_way_round():
    # first vertex due east of the centre: a dash begins there and runs on in the ring's sense
    for cw in (True, False):
        xy = _circle(60.0, 60.0, 41.4, cw=cw)  # 6.5 periods: the last dash ends short
        new = _bulk((120, 120), [xy], 3, (10.0, 30.0))
        assert new[60, 101] and new[60, 100]
        below, above = new[63:66, 99:103].any(), new[54:57, 99:103].any()
        assert below != above
        assert below == (not cw)  # y grows downwards: anticlockwise on paper runs up the sheet


def test_a_run_of_circles_is_each_drawn_and_a_square_is_not_a_circle():
    xys = [_circle(30.0 + 50 * i, 40.0, 15.0 + i) for i in range(4)]
    new = _bulk((220, 80), xys, 3, (3.0, 5.0))
    for i in range(4):
        assert new[:, 10 + 50 * i:50 + 50 * i].sum() > 40
    square = np.array([[0.0, 0], [40, 0], [40, 40], [0, 40], [0, 0]])
    assert rings.as_circle(square) is None
    assert rings.as_circle(_circle(0, 0, 2000.0, n=32)) is None  # sides sag more than half a px


def test_circles_found_at_once_are_those_found_one_by_one():
    rng = np.random.default_rng(7)
    xys = [_circle(*rng.uniform(20, 200, 2), rng.uniform(5, 60), n=int(rng.choice([32, 64, 128])),
                   cw=bool(rng.integers(2))) for _ in range(40)]
    xys += [np.array([[0.0, 0], [40, 0], [40, 40], [0, 40], [0, 0]]),  # a square
            _circle(50, 50, 20)[:-1],                                    # not closed
            _circle(50, 50, 20) * [1.0, 1.2]]                            # an ellipse
    want = [rings.ring_of(xy, c) if (c := rings.as_circle(xy)) else None for xy in xys]
    assert rings.circles_of(xys) == want
    assert sum(w is not None for w in want) == 40


def _as_polygons(scene):
    """``scene`` with its circle primitives drawn as the polygons they stand for."""
    from dataclasses import replace

    from floorplan.render.placing import disc

    def area(p):
        return replace(p, kind="area", geometry=disc(p.geometry, p.radius), radius=None) \
            if p.kind == "circle" else p
    return replace(scene, panels=tuple(replace(pn, primitives=tuple(area(p) for p in pn.primitives))
                                       for pn in scene.panels))


def _without_circles(scene):
    from dataclasses import replace

    return replace(scene, panels=tuple(replace(pn, primitives=tuple(p for p in pn.primitives
                                                                    if p.kind != "circle"))
                                       for pn in scene.panels))


@pytest.mark.parametrize(("backend", "dash"), [("pillow", "dotted"), ("pillow", "solid"),
                                               ("pillow", "dashdot"), ("matplotlib", "dotted")])
def test_a_clear_circle_drawn_from_centre_and_radius_is_its_polygon_pixel_for_pixel(backend, dash):
    # the scene holds each room's clear circle as centre and radius (no 129-point polygon);
    # drawn, it must be what the polygon drew: every backend, every pixel (dashed circles
    # go to the ring painter, a solid one is drawn as its polygon)
    from dataclasses import replace

    from floorplan.render.scene import build
    from floorplan.render.style import STYLE
    from tests.render_helpers import report, three_rooms

    if backend == "pillow":
        from floorplan.render.raster import available, render_png
        if not available():
            pytest.skip("no DejaVu fonts")
        style = replace(STYLE, looks={**STYLE.looks,
                                      "circle.clear": replace(STYLE.look("circle.clear"), dash=dash)})

        def draw(s):
            return render_png(s, style)
    else:
        pytest.importorskip("matplotlib")
        from floorplan.render.mpl import render_bytes
        draw = render_bytes
    scene = build(report(*three_rooms()))
    circles = [p for pn in scene.panels for p in pn.primitives if p.kind == "circle"]
    assert len(circles) >= 3 and all(p.key == "circle.clear" and p.radius > 0 for p in circles)

    def pixels(s):
        import io

        with Image.open(io.BytesIO(draw(s))) as im:
            return np.asarray(im.convert("RGB"))
    got, polygons, none = pixels(scene), pixels(_as_polygons(scene)), pixels(_without_circles(scene))
    assert np.array_equal(got, polygons)
    assert (got != none).any(axis=2).sum() > 100  # and the circles are there to see


@pytest.mark.parametrize(("inner", "outer"), [(-2.5, 3.5), (1.5, 2.5), (33.5, 40.5), (290.5, 300.5), (0.0, 0.5)])
def test_the_ring_of_offsets_is_every_offset_between_its_radii_once(inner, outer):
    # against every offset of the square round it, tested one by one
    dx, dy = rings._annulus(inner, outer)
    got = list(zip(dx.astype(int).tolist(), dy.astype(int).tolist(), strict=True))
    n = math.ceil(outer) + 1
    want = {(x, y) for x in range(-n, n + 1) for y in range(-n, n + 1)
            if inner <= math.hypot(x, y) <= outer}
    assert len(got) == len(set(got))
    assert set(got) == want


def test_a_mask_is_laid_on_whole_and_only_where_it_inks():
    # a thin frame round a wide box, and a lone pixel past a tile's edge: every pixel of
    # the mask is laid, in its colour, and nothing else is touched
    mask = np.zeros((300, 700), dtype=np.uint8)
    mask[0, :] = mask[-1, :] = mask[:, 0] = mask[:, -1] = 255
    mask[130, 200] = 128  # half the colour: alpha 128 over white
    im = Image.new("RGB", (800, 400), (255, 255, 255))
    calls = []
    paste = im.paste
    im.paste = lambda *a, **k: (calls.append(a[1]), paste(*a, **k))[1]  # type: ignore[method-assign]
    rings.lay(im, (0, 0, 200, 255), mask, 37, 21)
    a = np.asarray(im).astype(int)
    sub = a[21:321, 37:737]
    assert (sub[mask == 255] == (0, 0, 200)).all()
    assert (abs(a[21 + 130, 37 + 200] - (127, 127, 227)) <= 1).all()
    others = np.ones(a.shape[:2], dtype=bool)
    others[21:321, 37:737] = mask == 0
    assert (a[others] == 255).all()
    # and the pasted boxes cover far less than the frame's box (the inside left out)
    assert sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in calls) < 0.5 * 300 * 700


def test_a_full_mask_is_laid_through_one_bit_and_inks_the_same_pixels():
    # a mask of 0 and 255 only (an opaque colour's): laid with ``full`` through a 1-bit
    # mask, every pixel 255 takes the colour exactly, every pixel 0 keeps what was there,
    # and the image is the one the 8-bit blend gives
    rng = np.random.default_rng(7)
    mask = np.where(rng.random((150, 260)) < 0.3, 255, 0).astype(np.uint8)
    under = Image.fromarray(rng.integers(0, 256, (200, 300, 3), dtype=np.uint8), "RGB")
    blended, copied = under.copy(), under.copy()
    modes = []
    paste = copied.paste
    copied.paste = lambda *a, **k: (modes.append(a[2].mode), paste(*a, **k))[1]  # type: ignore[method-assign]
    rings.lay(blended, (10, 120, 30, 255), mask, 13, 29)
    rings.lay(copied, (10, 120, 30, 255), mask, 13, 29, full=True)
    assert modes and set(modes) == {"1"}
    a, before = np.asarray(copied).astype(int), np.asarray(under).astype(int)
    sub, was = a[29:179, 13:273], before[29:179, 13:273]
    assert (sub[mask == 255] == (10, 120, 30)).all()
    assert (sub[mask == 0] == was[mask == 0]).all()
    outside = np.ones(a.shape[:2], dtype=bool)
    outside[29:179, 13:273] = False
    assert (a[outside] == before[outside]).all()
    assert (a == np.asarray(blended)).all()
