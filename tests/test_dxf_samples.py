"""The DXF twins in samples/ read back as their GeoJSON plans: same rooms, uses, areas."""

from __future__ import annotations

from pathlib import Path

import pytest

from floorplan.io import dxf, geojson
from floorplan.measure import measure

SAMPLES = Path(__file__).parents[1] / "samples"


def _key(room):
    return (room.level, room.dwelling or "", room.name)


@pytest.mark.parametrize("name", ["oak-house", "birch-court"])
def test_twin_matches_geojson(name):
    g = geojson.read(SAMPLES / f"{name}.geojson")
    d = dxf.read(SAMPLES / f"{name}.dxf")
    mg, md = measure(g), measure(d)
    assert d.meta.units == "mm" and d.meta.format == "dxf"
    assert (d.meta.name, d.meta.scheme, d.meta.tenants) == (g.meta.name, g.meta.scheme, g.meta.tenants)
    assert sorted(_key(r) for r in d.rooms) == sorted(_key(r) for r in g.rooms)
    by_key = {_key(r): r for r in d.rooms}
    for rg in g.rooms:
        rd = by_key[_key(rg)]
        assert rd.use == rg.use, rg.name
        assert rd.source == "outline"
        assert rd.wheelchair == rg.wheelchair, rg.name
        assert rd.ceiling_height == pytest.approx(rg.ceiling_height), rg.name
        assert md.of(rd).gross_area == pytest.approx(mg.of(rg).gross_area, abs=0.01)
        assert md.of(rd).area == pytest.approx(mg.of(rg).area, abs=0.01), rg.name
    assert len(d.doors) == len(g.doors)
    assert len(d.obstacles) == len(g.obstacles)
    assert len(d.ceilings) == len(g.ceilings)
    assert sorted(m.utility for m in d.meters) == sorted(m.utility for m in g.meters)
    assert len(d.aerials) == len(g.aerials)
    # every door joins the same rooms as in the GeoJSON (rooms matched by name)
    name_of_g = {r.id: _key(r) for r in g.rooms}
    name_of_d = {r.id: _key(r) for r in d.rooms}
    links_g = sorted(sorted(map(str, (name_of_g.get(x, x) for x in link.connects or ())))
                     for link in mg.doors.values())
    links_d = sorted(sorted(map(str, (name_of_d.get(x, x) for x in link.connects or ())))
                     for link in md.doors.values())
    assert links_d == links_g


def test_walls_only_twin_gives_the_ground_floor():
    """Rooms found in wall lines: the walls are drawn along the GeoJSON rooms' outlines,
    and each opening is sealed along the wall faces, so every room is its GeoJSON twin."""
    g = geojson.read(SAMPLES / "oak-house.geojson")
    d = dxf.read(SAMPLES / "walls-only.dxf")
    ground = {r.name: r for r in g.rooms if r.level == 0.0}
    assert sorted(r.name for r in d.rooms) == sorted(ground)
    for r in d.rooms:
        assert r.source == "walls"
        rg = ground[r.name]
        assert r.use == classify_or_given(rg)
        assert r.polygon.area == pytest.approx(rg.polygon.area, abs=1e-6), r.name


def classify_or_given(room):
    from floorplan.classify import classify
    from floorplan.model import Use
    return classify(room.name) or Use.OTHER
