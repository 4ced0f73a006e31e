"""The DXF reader's layout (issue 10): a sub-package per stage, imports pointing one way.

Static, from the ``import`` statements (so a lazy import inside a function counts too):
every module of :mod:`floorplan.io.dxf` imports; a module imports only modules of its own
stage or of a stage below it in :data:`LAYERS`; no module is over :data:`MAX_LINES` lines.
A new module goes into the stage package it serves; a test here fails until it does.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import floorplan.io.dxf as dxf
from tests.test_architecture import _module_edges

PREFIX = "floorplan.io.dxf"
ROOT = Path(dxf.__file__).parent
MAX_LINES = 450  # "about 400" (STYLE.md), with room for a docstring to grow

# Lowest first. A module may import from its own entry and from the entries above it in
# this list, never from one below: the layer map under everything, the reader on top.
LAYERS: list[tuple[str, ...]] = [
    ("cisfb",), ("layers",),
    ("load",), ("text",), ("collect",),
    ("doors",), ("views",), ("walls",),
    ("names",), ("rooms",), ("units",), ("features",),
    ("account",), ("hidden",), ("reader",),
]
RANK = {entry: i for i, group in enumerate(LAYERS) for entry in group}


def _entry(module: str) -> str | None:
    """The stage a dotted module name belongs to (``floorplan.io.dxf.walls.faces`` -> walls)."""
    if not module.startswith(PREFIX + "."):
        return None
    return module[len(PREFIX) + 1:].split(".")[0]


def _modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(dxf.__path__, PREFIX + ".")]


def test_every_module_imports():
    names = _modules()
    assert len(names) > 40  # the walk found the sub-packages, not just the top
    for name in names:
        importlib.import_module(name)


def test_every_module_is_in_a_stage():
    unplaced = sorted({_entry(m) for m in _modules()} - RANK.keys())
    assert not unplaced, f"floorplan/io/dxf/{unplaced}: put it in the stage package it serves"


def _wrong_way(edges: dict[str, set[str]]) -> list[str]:
    """The imports of ``edges`` that go from a stage to one above it in :data:`LAYERS`."""
    wrong = []
    for mod, targets in edges.items():
        here = _entry(mod)
        for target in targets:
            there = _entry(target)
            if here in RANK and there in RANK and RANK[there] > RANK[here]:
                wrong.append(f"{mod} -> {target}")
    return sorted(wrong)


def test_stages_import_one_way():
    wrong = _wrong_way(_module_edges())
    assert not wrong, "a stage imports one above it: " + "; ".join(wrong)


def test_the_check_sees_a_wrong_way_import():
    up = {f"{PREFIX}.walls.faces": {f"{PREFIX}.reader", f"{PREFIX}.walls.openings", f"{PREFIX}.layers"}}
    assert _wrong_way(up) == [f"{PREFIX}.walls.faces -> {PREFIX}.reader"]
    # and the edges read from the source hold the imports written there
    assert f"{PREFIX}.walls.openings" in _module_edges()[f"{PREFIX}.walls.faces"]


@pytest.mark.parametrize("path", sorted(ROOT.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_the_limit(path: Path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT.parents[2])} has {lines} lines"
