"""The readers under fuzzing (tests/fuzz.py): seeded and bounded here (about half a minute
each), ten minutes each with ``make fuzz``."""

from __future__ import annotations

import os

import pytest

from tests import fuzz

SECONDS = float(os.environ.get("FLOORPLAN_FUZZ_SECONDS", "0"))
#: examples a batch; in the suite one seeded batch each (the same examples every run)
EXAMPLES = {"geojson": 300, "dxf": 12}


@pytest.mark.parametrize("reader", ["geojson", "dxf"])
def test_reader_never_fails_but_in_one_line(reader):
    case, strategy = {"geojson": (fuzz.geojson_case, fuzz.COLLECTION),
                      "dxf": (fuzz.dxf_case, fuzz.DRAWING)}[reader]
    seed = None if SECONDS else 20261201
    tried = fuzz.run_for(case, strategy, SECONDS, EXAMPLES[reader], seed)
    assert tried >= EXAMPLES[reader]
