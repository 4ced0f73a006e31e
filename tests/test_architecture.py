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
CORE = ["model", "geometry", "headroom", "inscribed", "measure", "doorlinks", "findings"]
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


def _files(module: str) -> list[Path]:
    """The files of core ``module``: ``module.py``, or every file of the package ``module/``."""
    path = PACKAGE / f"{module}.py"
    return [path] if path.exists() else sorted((PACKAGE / module).glob("*.py"))


def _is_under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize("module", CORE)
def test_core_imports_nothing_of_io_cli_render_or_reporters(module: str):
    files = _files(module)
    assert files, f"core module {module} not found"
    for path in files:
        imported = _imports(path)
        bad = sorted(n for n in imported for p in FORBIDDEN_PACKAGES + FORBIDDEN_LIBRARIES
                     if _is_under(n, p))
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_core_imports_only_core_floorplan_modules():
    """Transitively: what the core imports from floorplan is itself core (or errors/units)."""
    allowed = set(CORE) | {"errors", "units", "classify", "_gc", "__init__"}
    for module, path in ((m, f) for m in CORE for f in _files(m)):
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


def _module_edges() -> dict[str, set[str]]:
    """floorplan module -> the floorplan modules it imports (``from pkg import sub`` is sub)."""
    names: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    edges: dict[str, set[str]] = {}
    for mod, path in names.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
        out: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                out.update(a.name for a in node.names if a.name in names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    src = ".".join(base + ([node.module] if node.module else []))
                else:
                    src = node.module or ""
                subs = {f"{src}.{a.name}" for a in node.names} & names.keys()
                if subs:
                    out.update(subs)
                elif src in names:
                    out.add(src)
        out.discard(mod)
        edges[mod] = out
    return edges


def test_no_import_circles():
    """No floorplan module imports, directly or through others, a module that imports it."""
    edges = _module_edges()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(edges.get(m, ())):
            if state.get(n) == 1:
                cycle = stack[stack.index(n):] + [n]
                raise AssertionError("import circle: " + " -> ".join(cycle))
            if n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m)
