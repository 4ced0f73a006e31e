"""Real IFC models, read against what each holds, worked out by hand (tests/data/real/ifc.toml).

The models are not committed: ``tests/data/real/extract.py`` takes them from fetched
snapshots; a model that is not on this machine is skipped with the reason.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

import pytest

pytest.importorskip("ifcopenshell")

DATA = Path(__file__).parent / "data" / "real"
MODELS = tomllib.loads((DATA / "ifc.toml").read_text(encoding="utf-8"))["model"]
ROOMS = [(m, r) for m in MODELS for r in m.get("room", [])]
_plans: dict[str, object] = {}


def _path(model: dict) -> Path:
    path = DATA / "files" / model["file"]
    if not path.is_file():
        pytest.skip(f"{model['file']} is not here: run tests/data/real/extract.py "
                    f"(needs a fetch of github:{model['source']['repo']})")
    if hashlib.sha256(path.read_bytes()).hexdigest() != model["source"]["sha256"]:
        pytest.skip(f"{model['file']} is not the recorded file")
    return path


def _plan(model: dict):
    if model["file"] not in _plans:
        from floorplan.io import ifc

        _plans[model["file"]] = ifc.read(_path(model))
    return _plans[model["file"]]


@pytest.mark.parametrize("model", MODELS, ids=[m["file"] for m in MODELS])
def test_every_space_is_a_room_on_its_storey(model):
    plan = _plan(model)
    assert len(plan.rooms) == model["spaces"] - len(model.get("voids", []))
    storeys = {r.properties["storey"]: r.level for r in plan.rooms}
    # every storey that has spaces, at the level its elevation gives it
    assert storeys.items() <= model["storeys"].items()
    assert all(r.properties["ifc_guid"] and len(r.properties["ifc_guid"]) == 22 for r in plan.rooms)


@pytest.mark.parametrize("model", MODELS, ids=[m["file"] for m in MODELS])
def test_roof_spaces_are_no_rooms_and_the_nameless_are_of_unknown_use(model):
    from floorplan.doubts import unknown_use

    plan = _plan(model)
    ids = {r.id for r in plan.rooms}
    for void in model.get("voids", []):
        assert void not in ids
        assert any(f"({void})" in n and "roof space or void" in n for n in plan.notes)
    if "unknown" in model:  # the rooms whose names say nothing, read by hand
        assert sorted(r.id for r in unknown_use(plan.rooms)) == sorted(model["unknown"])


@pytest.mark.parametrize("model", MODELS, ids=[m["file"] for m in MODELS])
def test_every_door_is_read(model):
    assert len(_plan(model).doors) == model["doors"]


@pytest.mark.parametrize(("model", "want"), ROOMS,
                         ids=[f"{m['file']}:{r['id']}" for m, r in ROOMS])
def test_a_space_reads_as_worked_by_hand(model, want):
    plan = _plan(model)
    room = plan.room(want["id"])
    assert room.name == want["name"]
    assert room.properties["storey"] == want["storey"]
    assert room.level == model["storeys"][want["storey"]]
    assert room.gross_area == pytest.approx(want["area"], rel=1e-4)
    if "use" in want:
        assert str(room.use) == want["use"]
    if "dwelling" in want:
        assert room.dwelling == want["dwelling"]
    mine = [c for c in plan.ceilings
            if c.level == room.level and c.polygon.intersection(room.polygon).area > 1e-3]
    if "ceiling" in want:
        assert room.ceiling_height == pytest.approx(want["ceiling"], abs=1e-3) and not mine
    else:
        assert room.ceiling_height is None
        assert sorted(c.height for c in mine) == pytest.approx(want["ceilings"], abs=1e-3)
        assert sum(c.polygon.area for c in mine) == pytest.approx(want["area"], rel=1e-3)


@pytest.mark.parametrize("model", [m for m in MODELS if "dwellings" in m],
                         ids=[m["file"] for m in MODELS if "dwellings" in m])
def test_dwelling_zones_are_the_dwellings(model):
    plan = _plan(model)
    assert sorted({r.dwelling for r in plan.rooms}) == model["dwellings"]


def test_the_duplex_checks_end_to_end_with_counted_areas(tmp_path):
    """floorplan check on a real model: rooms, counted areas and door links in the JSON."""
    import json

    from click.testing import CliRunner

    from floorplan.cli import cli

    model = MODELS[0]
    out = tmp_path / "duplex.json"
    res = CliRunner().invoke(cli, ["check", str(_path(model)), "--format", "json",
                                    "--output", str(out)])
    assert res.exit_code in (0, 1), res.output
    d = json.loads(out.read_text())
    rooms = {r["id"]: r for r in d["rooms"]}
    # flat 2.581 m ceilings: all of the living room's 27.66 m² is under 1.5 m headroom or more
    assert rooms["A102"]["area_m2"] == pytest.approx(27.660089, rel=1e-4)
    assert rooms["A201"]["area_m2"] == pytest.approx(6.8895, rel=1e-3)
    assert "A101" in {c for dd in d["doors"] for c in dd["connects"] or ()}
