"""budget._sound_inserts: the block references whose place and points are usable, found
for all at once, are those found one by one with budget._ok (NaN, inf, beyond MAX_COORD,
no points, empty points)."""

from __future__ import annotations

import numpy as np

from floorplan.io.dxf.collect.budget import MAX_COORD, _ok, _sound_inserts
from floorplan.io.dxf.collect.prims import Insert

BAD = [float("nan"), float("inf"), -float("inf"), 2 * MAX_COORD]


def _one_by_one(inserts) -> set[int]:
    return {i.uid for i in inserts if _ok([i.x, i.y]) and (i.pts is None or _ok(i.pts))}


def test_same_as_one_by_one():
    rng = np.random.default_rng(7)
    inserts = []
    for uid in range(600):
        x, y = rng.normal(size=2) * 1e4
        if rng.random() < 0.05:
            x = BAD[rng.integers(len(BAD))]
        pick = rng.random()
        if pick < 0.2:
            pts = None
        elif pick < 0.3:
            pts = np.zeros((0, 2))
        else:
            pts = rng.normal(size=(int(rng.integers(1, 7)), 2)) * 1e3
            if rng.random() < 0.15:
                pts[rng.integers(len(pts)), rng.integers(2)] = BAD[rng.integers(len(BAD))]
        inserts.append(Insert(uid, "B", "0", "h", float(x), float(y), (), pts=pts))
    want = _one_by_one(inserts)
    assert _sound_inserts(inserts) == want
    assert 400 < len(want) < 600  # both kinds present


def test_none_and_all_bad():
    assert _sound_inserts([]) == set()
    bad = [Insert(1, "B", "0", "h", float("nan"), 0.0, ()),
           Insert(2, "B", "0", "h", 0.0, 0.0, (), pts=np.array([[0.0, float("inf")]]))]
    assert _sound_inserts(bad) == set()
