"""The C heap while a sheet is drawn: freed blocks kept for reuse, not handed back.

Drawing an A3 sheet makes and drops tens of megabytes of numpy temporaries of every size,
a band of rows at a time (the painters' spans, masks and counts, :mod:`.strokes`), then
the reduced image and the PNG's rows. glibc's allocator maps every block above its mmap
threshold afresh from the kernel and unmaps it when freed, and trims the heap's top past
its trim threshold; it raises both as blocks are freed, but only to the sizes seen so
far, so a bigger block, or one asked for after the top was trimmed, pays its pages again.
An OSM building's sheet took 45,000-56,000 page faults, 0.10-0.14 s of system time, a
third of the drawing's CPU time (docs/performance.md). :func:`keep_freed_blocks` sets
both thresholds once, to the ceiling glibc's own adjustment climbs to (32 MB on 64-bit
systems, and twice that kept free at the heap's top), so that what one band frees the
next reuses: half the faults, the same pixels. Elsewhere (macOS, musl, Windows: no
``mallopt``) it does nothing.
"""

from __future__ import annotations

import ctypes
import sys

#: glibc's ``mallopt`` parameters (malloc.h)
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
#: glibc's DEFAULT_MMAP_THRESHOLD_MAX on 64-bit systems: where its own adjustment stops
MMAP_THRESHOLD = 32 << 20
#: free memory kept at the heap's top: twice the threshold, as glibc's adjustment sets it
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD

_set: list[bool] = []


def keep_freed_blocks() -> bool:
    """Set the thresholds (above) once in this process; whether they were set."""
    if _set:
        return _set[0]
    ok = False
    if sys.platform.startswith("linux"):
        try:
            mallopt = ctypes.CDLL(None).mallopt  # the process's own C library
        except (OSError, AttributeError):
            mallopt = None
        if mallopt is not None:
            mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
            ok = bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
                mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))
    _set.append(ok)
    return ok
