"""What a pure function of linework found, kept for the same linework.

The source choice (:mod:`~floorplan.io.dxf.rooms.sourcechoice`) reads one drawing's walls
up to eight times, a layer left out or taken in each time; much of the linework a stage
looks at is the same in every reading (the wall layers' lines when an unnamed layer is
tried beside them, the door layers' lines always). A stage that is a pure function of
its lines, given as (n, 2) arrays, is computed once for the same lines: :func:`kept`
keys it on the function and a digest of every point of every group of lines, in order.

>>> import numpy as np
>>> calls = []
>>> def count(lines):
...     calls.append(1)
...     return [len(lines)]
>>> a = [np.zeros((2, 2)), np.ones((2, 2))]
>>> kept(count, a), kept(count, [p.copy() for p in a]), len(calls)
([2], [2], 1)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import numpy as np

#: the results kept, oldest first; a drawing's readings need a few each
_KEPT: dict[tuple, list] = {}
_KEEP = 32


def digest(group: Sequence[np.ndarray]) -> bytes:
    """A digest of the lines ``group``: every point (x, y), and where each line ends."""
    h = hashlib.blake2b(digest_size=16)
    h.update(np.asarray([len(p) for p in group], dtype=np.int64).tobytes())
    for p in group:
        h.update(np.ascontiguousarray(np.asarray(p, dtype=float)[:, :2]).tobytes())
    return h.digest()


def kept(fn: Callable[..., list], *groups: Sequence[np.ndarray]) -> list:
    """``fn(*groups)`` (a list, of indices or other values nothing changes), made once for
    the same lines in each group; a new list each call."""
    key = (fn.__module__, fn.__qualname__, *(digest(g) for g in groups))
    if key not in _KEPT:
        if len(_KEPT) >= _KEEP:
            del _KEPT[next(iter(_KEPT))]
        _KEPT[key] = list(fn(*groups))
    return list(_KEPT[key])
