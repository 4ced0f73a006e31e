"""The examples in docstrings are part of the documentation: they must stay true."""

import doctest
import importlib

import pytest

MODULES = [
    "floorplan.classify", "floorplan.corrections.apply", "floorplan.corrections.parse",
    "floorplan.corrections.rooms", "floorplan.corrections.write", "floorplan.doubts", "floorplan.engine",
    "floorplan.errors",
    "floorplan.findings", "floorplan.fittings", "floorplan.geometry", "floorplan.headroom",
    "floorplan.inscribed", "floorplan.io.dxf.encoding", "floorplan.io.dxf.figures",
    "floorplan.io.dxf.text", "floorplan.io.dxf.mtext", "floorplan.io.dxf.units", "floorplan.io.dxf.walls",
    "floorplan.io.dxf.layers", "floorplan.io.dxf.cisfb", "floorplan.io.dxf.rooflights", "floorplan.io.dxf.nibs",
    "floorplan.io.dxf.tiles", "floorplan.io.dxf.linework", "floorplan.io.dxf.rejoin",
    "floorplan.io.dxf.openings", "floorplan.io.dxf.closing", "floorplan.io.dxf.joins",
    "floorplan.io.dxf.seeding", "floorplan.io.dxf.labelkind", "floorplan.io.dxf.written",
    "floorplan.io.dxf.morph", "floorplan.io.dxf.pinch",
    "floorplan.io.dxf.cupboards", "floorplan.io.dxf.curves", "floorplan.io.dxf.marks", "floorplan.io.dxf.swings",
    "floorplan.io.dxf.outdoor", "floorplan.io.dxf.shafts", "floorplan.io.dxf.voids", "floorplan.io.dxf.bounds", "floorplan.io.dxf.aecspace", "floorplan.io.dxf.leaders",
    "floorplan.io.dxf.owners", "floorplan.io.dxf.joinery", "floorplan.io.dxf.wallbands",
    "floorplan.io.dxf.views", "floorplan.io.dxf.views_score", "floorplan.io.dxf.doors",
    "floorplan.io.dxf.doorseals",
    "floorplan.io.geojson.lonlat",
    "floorplan.io.geojson.crs", "floorplan.io.limits", "floorplan.measure", "floorplan.model",
    "floorplan.profiles", "floorplan.render.style", "floorplan.rules", "floorplan.units",
    "floorplan.io.csvsafe", "floorplan.report", "floorplan.render.dxf_layers",
    "floorplan.render.dxf_draw", "floorplan.render.words", "floorplan.render.raster.canvas",
    "floorplan.render.raster.rings", "floorplan.render.raster.png", "floorplan.render.raster.strokes",
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
