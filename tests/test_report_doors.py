"""The JSON report's door records: where each door is, and what in the drawing it is.

Expected places come from the plan files themselves: the GeoJSON's own door points, and
for a DXF the door entity's own geometry (ezdxf's bounding box of the entity the record's
``handle`` names), not from floorplan's reading.
"""

from __future__ import annotations

import json
from pathlib import Path

import ezdxf
import pytest
from ezdxf import bbox

from floorplan.engine import check
from floorplan.io import read_plan
from floorplan.io.geojson import read_data

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _doors(plan) -> dict[str, dict]:
    return {d["id"]: d for d in check(plan).to_dict()["doors"]}


def test_geojson_doors_are_where_the_file_puts_them():
    room = {"type": "Feature", "properties": {"kind": "room", "id": "R1", "name": "Bedroom 1"},
            "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]]]}}
    doors = [{"type": "Feature", "properties": {"kind": "door", "id": "D1", "entrance": True},
              "geometry": {"type": "Point", "coordinates": [4, 1.5]}},
             {"type": "Feature", "properties": {"kind": "door", "id": "D2", "level": 0},
              "geometry": {"type": "LineString", "coordinates": [[1, 3], [2, 3]]}}]
    got = _doors(read_data({"type": "FeatureCollection", "floorplan": {"version": 1, "units": "m"},
                            "features": [room, *doors]}))
    assert got["D1"]["at"] == [4, 1.5] and got["D1"]["entrance"] is True
    assert got["D2"]["at"] == [1.5, 3] and got["D2"]["entrance"] is False  # the line's middle
    assert {d["from"] for d in got.values()} == {"plan"}
    assert {d["handle"] for d in got.values()} == {None}


@pytest.mark.parametrize("name", ["oak-house.dxf", "birch-court.dxf"])
def test_dxf_doors_name_their_entity_and_lie_on_it(name):
    """Each door found from a symbol names its entity's handle; the door's point lies on
    that entity's extent (a block's or a swing's box, grown by 0.1 m for the jamb)."""
    path = SAMPLES / name
    plan = read_plan(path)
    doc = ezdxf.readfile(path)
    scale = {4: 0.001, 6: 1.0}[doc.header.get("$INSUNITS", 6)]
    doors = _doors(plan)
    symbols = [d for d in doors.values() if d["from"] in ("block", "arc")]
    assert symbols, "the samples draw their doors as symbols"
    for d in symbols:
        ent = doc.entitydb[d["handle"]]
        box = bbox.extents([ent])
        x, y = d["at"]
        lo, hi = box.extmin * scale, box.extmax * scale
        assert lo.x - 0.1 <= x <= hi.x + 0.1 and lo.y - 0.1 <= y <= hi.y + 0.1, (d, lo, hi)
    assert json.dumps(list(doors.values()))  # plain JSON values
