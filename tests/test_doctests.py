"""The examples in docstrings are part of the documentation: they must stay true."""

import doctest
import importlib

import pytest

MODULES = [
    "floorplan.classify", "floorplan.classify_cjk", "floorplan.corrections.apply", "floorplan.corrections.parse",
    "floorplan.render.fonts", "floorplan.render.raster.glyphs", "floorplan.render.placing",
    "floorplan.corrections.rooms", "floorplan.corrections.write", "floorplan.doubts", "floorplan.engine",
    "floorplan.errors", "floorplan.sidecar",
    "floorplan.findings", "floorplan.fittings", "floorplan.geometry", "floorplan.headroom",
    "floorplan.inscribed", "floorplan.io.dxf.load.encoding", "floorplan.io.dxf.text.figures",
    "floorplan.io.dxf.text.kind", "floorplan.io.dxf.text.mtext", "floorplan.io.dxf.units.decide", "floorplan.io.dxf.walls.faces",
    "floorplan.io.dxf.layers", "floorplan.io.dxf.cisfb", "floorplan.io.dxf.features.rooflights", "floorplan.io.dxf.walls.nibs",
    "floorplan.io.dxf.views.tiles", "floorplan.io.dxf.walls.linework", "floorplan.io.dxf.walls.rejoin",
    "floorplan.io.dxf.walls.openings", "floorplan.io.dxf.walls.jambends", "floorplan.io.dxf.walls.closing", "floorplan.io.dxf.walls.joins",
    "floorplan.io.dxf.rooms.seeding", "floorplan.io.dxf.names.labelkind", "floorplan.io.dxf.names.written",
    "floorplan.io.dxf.walls.morph", "floorplan.io.dxf.walls.pinch", "floorplan.io.dxf.walls.kept", "floorplan.io.dxf.walls.reveals",
    "floorplan.io.dxf.walls.splays", "floorplan.io.dxf.walls.annotations",
    "floorplan.io.dxf.rooms.outlinereveals",
    "floorplan.io.dxf.views.lattice", "floorplan.io.dxf.views.apart", "floorplan.io.dxf.views.swings",
    "floorplan.io.dxf.walls.finishes", "floorplan.io.dxf.walls.finishes_mats", "floorplan.io.dxf.walls.ticks",
    "floorplan.io.dxf.walls.runthrough", "floorplan.io.dxf.walls.corners", "floorplan.io.dxf.walls.closets",
    "floorplan.io.dxf.text.boxes", "floorplan.io.dxf.text.keyed", "floorplan.io.dxf.text.continued",
    "floorplan.io.dxf.rooms.cupboards", "floorplan.io.dxf.collect.curves", "floorplan.io.dxf.walls.marks", "floorplan.io.dxf.doors.swings",
    "floorplan.io.dxf.rooms.outdoor", "floorplan.io.dxf.rooms.shafts", "floorplan.io.dxf.rooms.voids", "floorplan.io.dxf.rooms.diagonals", "floorplan.io.dxf.rooms.takein", "floorplan.io.dxf.rooms.lostfloor", "floorplan.io.dxf.rooms.bounds", "floorplan.io.dxf.collect.aecspace", "floorplan.io.dxf.names.leaders",
    "floorplan.io.dxf.names.owners", "floorplan.io.dxf.rooms.joinery", "floorplan.io.dxf.walls.bands",
    "floorplan.io.dxf.names.roomnumbers", "floorplan.io.dxf.account", "floorplan.io.dxf.doors.folding",
    "floorplan.io.dxf.rooms.sizes", "floorplan.io.dxf.rooms.wallpieces", "floorplan.io.dxf.rooms.fixtures", "floorplan.io.dxf.walls.crosses",
    "floorplan.io.dxf.views.sheet", "floorplan.io.dxf.views.copies", "floorplan.io.dxf.views.floors", "floorplan.io.dxf.views.paper", "floorplan.io.dxf.views.grid", "floorplan.io.dxf.views.score", "floorplan.io.dxf.doors.symbols",
    "floorplan.io.dxf.walls.doorseals", "floorplan.io.dxf.walls.landing", "floorplan.io.dxf.names.keyplan", "floorplan.io.dxf.names.straddle",
    "floorplan.io.geojson.lonlat",
    "floorplan.io.geojson.crs", "floorplan.io.dxf.names.keymarks", "floorplan.io.limits", "floorplan.measure", "floorplan.model",
    "floorplan.profiles", "floorplan.render.style", "floorplan.rules", "floorplan.units",
    "floorplan.io.csvsafe", "floorplan.report", "floorplan.render.cad.layers",
    "floorplan.render.cad.draw", "floorplan.render.words", "floorplan.render.raster.canvas",
    "floorplan.render.raster.rings", "floorplan.render.raster.png", "floorplan.render.raster.strokes",
    "floorplan.render.raster.halo",
    "floorplan.reporters.bcf",
    "floorplan.reporters.json_report",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no examples left: drop it from this list"
    assert result.failed == 0


def test_every_module_with_examples_is_listed():
    from pathlib import Path

    import floorplan

    root = Path(floorplan.__file__).parent
    found = set()
    for path in root.rglob("*.py"):
        if ">>> " in path.read_text(encoding="utf-8"):
            parts = path.relative_to(root.parent).with_suffix("").parts
            found.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    assert found == set(MODULES)
