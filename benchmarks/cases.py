"""What the benchmark compares: each case is two commands, run as interleaved pairs.

A is always floorplan; B is the floor it is held against (:mod:`floors`) or, for growth,
the same command on a plan of a quarter the rooms. Goals are on A / B in CPU time
(issue 15):

======================  =====================================================  =====
case                    A / B                                                  goal
======================  =====================================================  =====
``dxf``                 ``floorplan check`` (JSON report) / bare ezdxf read     1.5
``dxf+image``           the same with ``--image`` / bare ezdxf read             2.5
``geojson-read``        ``read_plan`` / ``json.load`` + ``shape()``             1.5
``geojson``             ``floorplan check`` / ``json.load`` + from_geojson      (none)
``geojson+image``       the same with ``--image`` / the same floor              3.0
``growth``              the check at 4 n rooms / at n rooms                     4.2
``startup``             ``floorplan --help`` / ``python -c pass``               (< 0.3 s)
======================  =====================================================  =====
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOORS = str(HERE / "floors.py")

GOALS = {"dxf": 1.5, "dxf+image": 2.5, "geojson-read": 1.5, "geojson": None,
         "geojson+image": 3.0, "growth": 4.2}
GOAL_STARTUP_S = 0.3
GOAL_MEMORY_MB = 1024.0
#: the plan size the memory goal is about (with its image)
MEMORY_GOAL_ROOMS = 64000

FLOOR_WORDS = {"ezdxf": "bare ezdxf read", "shape": "json.load + shape()",
               "from_geojson": "json.load + from_geojson"}


@dataclass(frozen=True)
class Case:
    """Two commands to run as pairs, what they mean, and the goal on A / B."""

    kind: str
    name: str
    a: tuple[str, ...]
    b: tuple[str, ...]
    words: str
    report: str | None = None  # A's JSON report, for the room count
    rooms: int | None = None  # the plan's size, where the benchmark made it
    image: bool = False

    @property
    def goal(self) -> float | None:
        return GOALS.get(self.kind)


def floorplan_exe() -> list[str]:
    """The installed ``floorplan`` command beside this Python, as a user runs it."""
    exe = Path(sys.executable).parent / "floorplan"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "floorplan"]


def package_dir() -> Path:
    """Where the ``floorplan`` package the runs import lives (found, not imported)."""
    import importlib.util

    spec = importlib.util.find_spec("floorplan")
    assert spec is not None and spec.submodule_search_locations, "floorplan is not installed"
    return Path(next(iter(spec.submodule_search_locations)))


def report_path(path: Path, out: Path, image: bool) -> str:
    return str(out / f"{path.name}{'+image' if image else ''}.json")


def check_cmd(path: Path, out: Path, image: bool) -> tuple[str, ...]:
    """``floorplan check PATH --format json --output OUT.json [--image OUT.png]``."""
    report = report_path(path, out, image)
    cmd = [*floorplan_exe(), "check", str(path), "--format", "json", "--output", report]
    if image:
        cmd += ["--image", report[:-5] + ".png"]
    return tuple(cmd)


def floor_cmd(what: str, path: Path) -> tuple[str, ...]:
    return (sys.executable, FLOORS, what, str(path))


def is_dxf(path: Path) -> bool:
    return path.suffix.lower() == ".dxf"


def against_floors(path: Path, out: Path, images: bool, rooms: int | None = None) -> list[Case]:
    """The cases that hold one plan file against its floors."""
    def report(image: bool) -> str:
        return report_path(path, out, image)

    name = path.name
    if is_dxf(path):
        bare = floor_cmd("ezdxf", path)
        cases = [Case("dxf", name, check_cmd(path, out, False), bare,
                      "check / " + FLOOR_WORDS["ezdxf"], report(False), rooms)]
        if images:
            cases.append(Case("dxf+image", name, check_cmd(path, out, True), bare,
                              "check + image / " + FLOOR_WORDS["ezdxf"], report(True), rooms, True))
        return cases
    fast = floor_cmd("from_geojson", path)
    cases = [Case("geojson-read", name, floor_cmd("read", path), floor_cmd("shape", path),
                  "read_plan / " + FLOOR_WORDS["shape"], None, rooms),
             Case("geojson", name, check_cmd(path, out, False), fast,
                  "check / " + FLOOR_WORDS["from_geojson"], report(False), rooms)]
    if images:
        cases.append(Case("geojson+image", name, check_cmd(path, out, True), fast,
                          "check + image / " + FLOOR_WORDS["from_geojson"], report(True), rooms, True))
    return cases


def growth(files: dict[int, dict[str, Path]], formats: list[str], out: Path,
           images: bool) -> list[Case]:
    """The check at 4 n rooms against the check at n, for every pair of sizes 4 x apart."""
    cases = []
    for n in sorted(files):
        if 4 * n not in files:
            continue
        for fmt in formats:
            for image in (False, True) if images else (False,):
                big, small = files[4 * n][fmt], files[n][fmt]
                cases.append(Case(
                    "growth", f"{fmt}{'+image' if image else ''} {n}->{4 * n}",
                    check_cmd(big, out, image), check_cmd(small, out, image),
                    f"check{' + image' if image else ''} at {4 * n} / at {n} rooms",
                    report_path(big, out, image), 4 * n, image))
    return cases


def startup() -> list[Case]:
    """Start-up: the command's own cost, beside Python's."""
    bare = (sys.executable, "-c", "pass")
    return [Case("startup", "floorplan --help", (*floorplan_exe(), "--help"), bare,
                 "floorplan --help / python -c pass"),
            Case("startup", "floorplan rules", (*floorplan_exe(), "rules"), bare,
                 "floorplan rules / python -c pass")]


def real_files(folders: list[Path]) -> list[Path]:
    """Every DXF and GeoJSON drawing in the folders (those that exist), and the files named."""
    found: list[Path] = []
    for folder in folders:
        if folder.is_file():
            found.append(folder)
        elif folder.is_dir():
            found += sorted(p for p in folder.iterdir()
                            if p.suffix.lower() in (".dxf", ".geojson", ".json") and p.is_file())
    return found


__all__ = ["Case", "GOALS", "against_floors", "check_cmd", "floor_cmd", "growth", "real_files",
           "startup"]
