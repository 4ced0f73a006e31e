"""Imports point one way: the core knows nothing of files, the command line or drawing.

Static (walks the ``import`` statements of the source) so that a lazy import inside a
function is caught too, and a subprocess check that ``import floorplan.cli`` stays light.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import floorplan

PACKAGE = Path(floorplan.__file__).parent
CORE = ["model", "geometry", "inscribed", "measure", "findings"]
FORBIDDEN_PACKAGES = ("floorplan.io", "floorplan.cli", "floorplan.render", "floorplan.reporters")
FORBIDDEN_LIBRARIES = ("click", "matplotlib", "ezdxf", "rich", "jinja2")


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in the file, as absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = "floorplan." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts[:-1])
    package = package.rstrip(".")
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            out.add(mod)
            out.update(f"{mod}.{a.name}" for a in node.names)
    return out


def _is_under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize("module", CORE)
def test_core_imports_nothing_of_io_cli_render_or_reporters(module: str):
    path = PACKAGE / f"{module}.py"
    if not path.exists():
        pytest.skip(f"{module}.py not written yet")
    imported = _imports(path)
    bad = sorted(n for n in imported for p in FORBIDDEN_PACKAGES + FORBIDDEN_LIBRARIES if _is_under(n, p))
    assert not bad, f"floorplan/{module}.py imports {bad}"


def test_core_imports_only_core_floorplan_modules():
    """Transitively: what the core imports from floorplan is itself core (or errors/units)."""
    allowed = set(CORE) | {"errors", "units", "classify", "_gc", "__init__"}
    for module in CORE:
        path = PACKAGE / f"{module}.py"
        if not path.exists():
            continue
        for name in _imports(path):
            if _is_under(name, "floorplan") and name != "floorplan":
                first = name.split(".")[1]
                assert first in allowed or first == "__version__", f"{module} imports {name}"


def test_only_io_dxf_imports_ezdxf():
    users = sorted(
        str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
        if any(_is_under(n, "ezdxf") for n in _imports(p))
    )
    assert all(u.startswith("io/dxf") or u.startswith("render/") for u in users), users


def test_only_cli_imports_click():
    users = sorted(
        str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
        if any(_is_under(n, "click") for n in _imports(p))
    )
    assert all(u.startswith("cli/") or u == "cli.py" for u in users), users


def _loaded_after(code: str) -> set[str]:
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_importing_the_cli_loads_no_heavy_library():
    loaded = _loaded_after("import floorplan.cli")
    heavy = sorted(m for m in loaded for lib in ("matplotlib", "ezdxf", "shapely", "numpy", "rich", "jinja2")
                   if _is_under(m, lib))
    assert not heavy, f"import floorplan.cli loads {heavy[:8]}"


def test_help_loads_no_heavy_library():
    loaded = _loaded_after(
        "from floorplan.cli import cli\n"
        "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass")
    heavy = sorted(m for m in loaded for lib in ("matplotlib", "ezdxf", "shapely") if _is_under(m, lib))
    assert not heavy, f"floorplan --help loads {heavy[:8]}"


def test_python_dash_m_runs_the_same_command(tmp_path):
    # `python -m floorplan` for when the script is not on the PATH: same command, same
    # exit codes (2 for a file that is not there, with one line naming it)
    ok = subprocess.run([sys.executable, "-m", "floorplan", "profiles"], capture_output=True, text=True)
    assert ok.returncode == 0 and "ecc-supported-living" in ok.stdout
    missing = tmp_path / "nowhere.geojson"
    bad = subprocess.run([sys.executable, "-m", "floorplan", "check", str(missing)], capture_output=True, text=True)
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1 and "nowhere.geojson" in bad.stderr
