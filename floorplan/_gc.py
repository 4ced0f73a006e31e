"""A pause in cyclic garbage collection around work that builds many live objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc(results: bool = False) -> Iterator[None]:
    """No cyclic collection inside the block; the collector is restored as it was.

    Reading a large DXF or drawing a large plan makes hundreds of thousands of objects
    that all stay alive until the end; the collector's full passes over them cost a fifth
    of the time and grow faster than the drawing, while finding nothing to free.

    ``results=True`` is for blocks whose objects are results that live on and hold no
    cycles (measurements, findings). At the end of the block they all sit in the youngest
    generation, with its count far past the threshold, so the first allocation after it
    would walk every one of them (a plan of 10,000 rooms no longer fits the cache: 5 % of
    a check). With ``results`` they are moved to the oldest generation instead (freeze,
    then unfreeze), which only the occasional full collection walks. Not for blocks that
    leave cyclic garbage (an ezdxf drawing, a matplotlib figure): moved there, it waits
    for a full collection, and a batch worker reading plan after plan grew to 1.5 GB.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if results:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
