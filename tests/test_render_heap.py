"""The C heap while a sheet is drawn (floorplan/render/raster/heap.py): the temporaries
of one band reused by the next rather than mapped afresh from the kernel."""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "oak-house.geojson"
#: in a fresh process: the page faults of drawing one sheet, with the thresholds set
#: (``on``) or not (``off``: as if mallopt were not there)
SCRIPT = """
import resource, sys
from floorplan.render.raster import heap
if sys.argv[2] == "off":
    heap._set.append(False)
from floorplan.api import check, read
from floorplan.render.raster import render_png
from floorplan.render.scene import build
scene = build(check(read(sys.argv[1])))
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
render_png(scene)
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(how: str) -> int:
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(SAMPLE), how], capture_output=True,
                         text=True, check=True)
    return int(out.stdout)


@pytest.mark.skipif(sys.platform != "linux" or platform.libc_ver()[0] != "glibc",
                    reason="mallopt is glibc's")
def test_a_sheet_drawn_with_freed_blocks_kept_faults_far_less():
    # the A3 canvas alone is 4960 x 3506 px of 4 bytes, 16,000 pages of 4 kB, in both
    on, off = _faults("on"), _faults("off")
    assert on > 16000
    assert on < 0.8 * off


def test_it_is_set_once():
    from floorplan.render.raster import heap

    first = heap.keep_freed_blocks()
    assert heap.keep_freed_blocks() is first
    assert len(heap._set) == 1
