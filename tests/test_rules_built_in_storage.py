"""FP108 built-in-storage (NDSS Table 1), with hand-worked storage areas."""

from __future__ import annotations

import pytest

from floorplan.engine import check
from tests.plans import plan, rect, slope_y
from tests.rulecheck import of, one, run


def _flat(*rooms, **kw):
    return plan(*rooms, scheme="flat", **kw)


@pytest.mark.parametrize("beds, store, expect, required, measured", [
    # 1b2p: a 3 x 4 m bedroom (12 m², a double: two bedspaces)
    ([(3, 4)], (1.0, 1.5), "pass", 1.5, 1.5),      # exactly 1.5 m²
    ([(3, 4)], (1.0, 1.49), "fail", 1.5, 1.49),
    # 1b1p: a 3 x 3 m bedroom (9 m², a single)
    ([(3, 3)], (1.0, 1.0), "pass", 1.0, 1.0),
    # two bedrooms (2b3p): 2.0 m² whatever the bedspaces
    ([(3, 4), (2.5, 3.2)], (1.0, 1.9), "fail", 2.0, 1.9),
    # three bedrooms: 2.5 m²; four: 3.0 m²
    ([(3, 4), (3, 4), (2.5, 3.2)], (1.0, 2.5), "pass", 2.5, 2.5),
    ([(3, 4)] * 4, (1.5, 1.9), "fail", 3.0, 2.85),
])
def test_storage_by_bedrooms(beds, store, expect, required, measured):
    rooms = [rect(f"B{i}", f"Bedroom {i}", 4 * i, 0, w, h) for i, (w, h) in enumerate(beds)]
    rooms.append(rect("S", "Store", 0, 5, *store))
    f = one(check(_flat(*rooms), "ndss"), "FP108")
    assert (f.status.value, f.rooms, f.required, f.unit) == (expect, ("S",), required, "m2")
    assert f.measured == pytest.approx(measured)
    assert [m.role for m in f.marks] == ["room"]


def test_stores_are_summed_and_a_sleep_in_room_is_a_bedroom():
    # a double bedroom and a staff sleep-in room: two bedrooms, 2.0 m²; a store and a
    # walk-in wardrobe 1.0 + 1.2 = 2.2 m²
    p = _flat(rect("B", "Bedroom", 0, 0, 3, 4), rect("Z", "Staff Sleep-in", 4, 0, 3, 3),
              rect("S", "Store", 0, 5, 1, 1), rect("W", "Walk-in Wardrobe", 2, 5, 1, 1.2))
    f = one(run(p, "ndss"), "FP108")
    assert (f.status.value, f.rooms, f.required) == ("pass", ("S", "W"), 2.0)
    assert f.measured == pytest.approx(2.2)


def test_low_storage_counts_at_half_and_under_0_9_m_not_at_all():
    # a 1 x 3 m store under a ceiling from 0.6 m (y=5) to 2.4 m (y=8), 0.6 m a metre:
    # 0.9 m at y=5.5 and 1.5 m at y=6.5, so 1.5 m² counted, 1.0 m² at half, 0.5 m² not
    # at all: 2.0 m², exactly the two-bedroom minimum
    p = _flat(rect("B1", "Bedroom 1", 0, 0, 3, 4), rect("B2", "Bedroom 2", 4, 0, 3, 4),
              rect("S", "Eaves Store", 0, 5, 1, 3), ceilings=[slope_y(0, 5, 1, 3, 0.6, 2.4)])
    f = one(run(p, "ndss"), "FP108")
    assert (f.status.value, f.required) == ("pass", 2.0)
    assert f.measured == pytest.approx(2.0)
    assert {m.role for m in f.marks} == {"room", "low_headroom"}


def test_no_storage_shown_warns():
    f = one(run(_flat(rect("B", "Bedroom", 0, 0, 3, 4)), "ndss"), "FP108")
    assert (f.status.value, f.measured, f.required, f.rooms) == ("warn", None, 1.5, ())
    assert "shown on the plan" in f.message


def test_beyond_the_table_warns():
    rooms = [rect(f"B{i}", f"Bedroom {i}", 4 * i, 0, 3, 4) for i in range(7)]
    f = one(run(_flat(*rooms, rect("S", "Store", 0, 5, 3, 3)), "ndss"), "FP108")
    assert (f.status.value, f.measured) == ("warn", pytest.approx(9.0))


def test_each_flat_of_a_scheme():
    # flat 1 has a 1.5 m² store; flat 2 none; the common store is no flat's
    p = plan(rect("A", "Bedroom", 0, 0, 3, 4, dwelling="Flat 1"),
             rect("AS", "Store", 0, 5, 1, 1.5, dwelling="Flat 1"),
             rect("B", "Bedroom", 4, 0, 3, 4, dwelling="Flat 2"),
             rect("C", "Bin Store", 8, 0, 3, 3), scheme="flats_scheme")
    r = run(p, "ndss")
    got = {f.dwelling: (f.status.value, f.rooms, f.measured) for f in r.findings if f.rule == "FP108"}
    assert got == {"Flat 1": ("pass", ("AS",), pytest.approx(1.5)), "Flat 2": ("warn", (), None)}


@pytest.mark.parametrize("profile", ["ecc-supported-living", "m4-3"])
def test_only_in_ndss(profile):
    assert not of(run(_flat(rect("B", "Bedroom", 0, 0, 3, 4)), profile), "FP108")


def test_samples():
    # samples/make_samples.py. Oak House, one home: five bedrooms (four tenant bedrooms and
    # the sleep-in room), 3.5 m²; its stores: 1.3 x 2.6 = 3.38, 1.2 x 3.0 = 3.6, and the eaves
    # store 1.2 x 3.0 under the roof slope (2.4 m at y 6.0 down to 0.9 m at y 9.0): 1.5 m
    # at y 7.8, so 1.2 x 1.8 = 2.16 counted and 1.2 x 1.2 = 1.44 at half: 9.86 m².
    # Birch Court: flats 1-4 (12 m² bedroom: 1b2p, 1.5 m²) a store 1.1 x 2.4 = 2.64 and a
    # walk-in wardrobe 1.3 x 2.4 = 3.12; flat 5 (9.2 m² bedroom: 1b1p, 1.0 m²) 1.7 x 2.4 = 4.08
    from pathlib import Path

    from floorplan.io.geojson import read

    samples = Path(__file__).resolve().parent.parent / "samples"
    f = one(check(read(samples / "oak-house.geojson"), "ndss"), "FP108")
    assert (f.status.value, f.rooms, f.required) == ("pass", ("G3", "F3", "F7"), 3.5)
    assert f.measured == pytest.approx(3.38 + 3.6 + 2.16 + 0.72)
    r = check(read(samples / "birch-court.geojson"), "ndss")
    got = {f.dwelling: (f.status.value, f.required, round(f.measured, 6)) for f in r.findings if f.rule == "FP108"}
    assert got == {**{f"Flat {n}": ("pass", 1.5, 5.76) for n in range(1, 5)}, "Flat 5": ("pass", 1.0, 4.08)}


def test_a_table_by_bedspaces_alone(tmp_path):
    # a profile of one's own with storage by bedspaces: a 12 m² bedroom (2 bedspaces) and a
    # 1.0 x 1.5 m store: the "2p" row, 1.5 m², is met exactly; the "3p" row is not used
    path = tmp_path / "mine.toml"
    path.write_text('[profile]\nextends = "ndss"\n[rules.FP108]\ntable = { "1p" = 1.0, "2p" = 1.5, '
                    '"3p" = 2.0 }\nclause = "storage by bedspaces, {row}"\n')
    from tests.plans import plan, rect
    from tests.rulecheck import one, run

    p = plan(rect("B", "Bedroom", 0, 0, 3, 4), rect("S", "Store", 3.1, 0, 1.0, 1.5), scheme="flat")
    f = one(run(p, str(path)), "FP108")
    assert (f.status.value, f.required, f.measured) == ("pass", 1.5, pytest.approx(1.5))
    assert f.reference.endswith("storage by bedspaces, 2p")
