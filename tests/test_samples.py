"""The bundled samples against hand calculation (areas to 0.01 m²).

Every figure here is worked from the room schedules in samples/make_samples.py by hand
(width x depth of the internal faces), not taken from the program's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from floorplan.cli import cli

SAMPLES = Path(__file__).parents[1] / "samples"

# id: (use, gross, counted, low, level)
OAK = {
    "G1": ("bedroom", 3.9 * 3.6, 14.04, 0.0, 0),            # 14.04
    "G2": ("wet_room", 2.5 * 2.6, 6.5, 0.0, 0),
    "G3": ("storage", 1.3 * 2.6, 3.38, 0.0, 0),
    "G4": ("staff_sleep_in", 3.9 * 2.6, 10.14, 0.0, 0),
    "G5": ("hall", 1.6 * 9.0, 14.4, 0.0, 0),
    "G6": ("kitchen_dining", 5.3 * 4.0, 21.2, 0.0, 0),
    "G7": ("living", 5.3 * 4.9, 25.97, 0.0, 0),
    "F1": ("bedroom", 3.9 * 3.6, 14.04, 0.0, 1),
    "F2": ("bedroom", 3.9 * 2.2, 8.58, 0.0, 1),
    "F3": ("storage", 1.2 * 3.0, 3.6, 0.0, 1),
    "F4": ("bathroom", 2.6 * 3.0, 7.8, 0.0, 1),
    "F5": ("landing", 1.6 * 7.0, 11.2, 0.0, 1),
    # attic: 4 x 3 under a slope from 2.4 m (y=6) to 0.9 m (y=9): 1.5 m at y = 6 + 3 * 0.9/1.5
    # = 7.8, so the 4 x 1.2 strip behind it is low: 4.8 m²
    "F6": ("bedroom", 12.0, 7.2, 4.8, 1),
    # the eaves store under the same slope: 1.2 x 3 gross, 1.2 x 1.2 low
    "F7": ("storage", 3.6, 2.16, 1.44, 1),
}


def report(name):
    res = CliRunner().invoke(cli, ["check", str(SAMPLES / name), "--format", "json"])
    assert res.exit_code in (0, 1), res.stderr
    return json.loads(res.stdout)


def test_oak_house_rooms():
    d = report("oak-house.geojson")
    rooms = {r["id"]: r for r in d["rooms"]}
    assert set(rooms) == set(OAK)
    for rid, (use, gross, counted, low, level) in OAK.items():
        r = rooms[rid]
        assert r["use"] == use, rid
        assert r["level"] == level, rid
        assert r["gross_area_m2"] == pytest.approx(gross, abs=0.01), rid
        assert r["area_m2"] == pytest.approx(counted, abs=0.01), rid
        assert r["low_headroom_area_m2"] == pytest.approx(low, abs=0.01), rid
    assert rooms["F6"]["ceiling_height_m"] == {"min": pytest.approx(0.9), "max": pytest.approx(2.4)}
    assert rooms["G1"]["ceiling_height_m"] == {"min": 2.5, "max": 2.5}
    # bedroom 1: 3.9 x 3.6 with a bed (0..0.9) and wardrobe (y 0..0.6): 3.0 x 3.0 clear
    assert rooms["G1"]["clear_circle_m"] == pytest.approx(3.0, abs=1e-3)
    # the wet room fits the 1.5 m circle between its WC, basin and shower
    assert rooms["G2"]["clear_circle_m"] >= 1.5


def test_oak_house_doors():
    d = report("oak-house.geojson")
    links = {x["id"]: set(x["connects"]) for x in d["doors"]}
    assert links["D1"] == {"G5", "outside"}
    assert links["D2"] == {"G1", "G5"}
    assert links["D3"] == {"G1", "G2"}
    assert links["D12"] == {"F5", "F6"}
    assert links["D13"] == {"F6", "F7"}
    rooms = {r["id"]: r for r in d["rooms"]}
    # no tenant bedroom opens onto the kitchen/diner or lounge
    for b in ("G1", "F1", "F2", "F6"):
        assert not {"G6", "G7"} & set(rooms[b]["opens_onto"])


# flats 1-4: 3.9x4.0 + 3.0x4.0 + 1.8x2.4 + 2.5x2.4 + 1.1x2.4 + 1.3x2.4
BIG_FLAT = 15.6 + 12.0 + 4.32 + 6.0 + 2.64 + 3.12  # 43.68
# flat 5: 3.0x4.0 + 2.3x4.0 + 1.5x2.4 + 2.0x2.4 + 1.7x2.4
SMALL_FLAT = 12.0 + 9.2 + 3.6 + 4.8 + 4.08  # 33.68


def test_birch_court_dwellings():
    d = report("birch-court.geojson")
    dw = {x["id"]: x for x in d["dwellings"]}
    assert list(dw) == ["Flat 1", "Flat 2", "Flat 3", "Flat 4", "Flat 5"]
    for n in range(1, 5):
        assert dw[f"Flat {n}"]["area_m2"] == pytest.approx(BIG_FLAT, abs=0.01)
    assert dw["Flat 5"]["area_m2"] == pytest.approx(SMALL_FLAT, abs=0.01)
    rooms = {r["id"]: r for r in d["rooms"]}
    # the shared corridor: 34.2 x 1.4
    assert rooms["C1"]["area_m2"] == pytest.approx(34.2 * 1.4, abs=0.01)
    assert rooms["C1"]["dwelling"] is None
    # every flat's front door opens from the corridor into its hall
    links = {x["id"]: set(x["connects"]) for x in d["doors"]}
    for n in range(1, 6):
        assert links[f"F{n}.D1"] == {"C1", f"F{n}.3"}
