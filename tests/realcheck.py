"""The real-drawing scorecard: read each real DXF with floorplan and compare it with what a
careful person reads in it (``tests/data/real/expected.toml``, worked out by hand).

Run ``make realcheck`` (or ``python tests/realcheck.py [NAME ...]``). One line per drawing,
then the total: drawings that read right / drawings scored. A drawing reads right when the
reader raised no exception, its units are right, its room count is within one of the
expected count (exactly none for a drawing with no floor plan), every expected room is
found (a room of the plan contains the expected point) with its name, and every expected
area is within 2 %.

Drawings are looked for in ``tests/data/real/files/`` (rebuilt from the fetched snapshots by
``tests/data/real/extract.py``; nothing fetched is committed) and in ``../shared/samples-real/``.
A drawing whose file is absent is skipped with the reason, never counted as wrong.

The holdout (drawings outside the corpus, tried as a new user would; their expectations are
committed in ``tests/data/holdout/expected.toml``, the drawings are not, see its README.md) is
scored the same way: ``make holdout``, or ``python tests/realcheck.py --holdout``. Any other
expectation file is scored with ``--expected FILE``; its drawings are looked for in the
``files/`` folder beside it unless ``--dir`` says where.
"""

from __future__ import annotations

import argparse
import re
import signal
import sys
import time
import tomllib
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "real"
FILES = DATA / "files"
SHARED = HERE.parents[1] / "shared" / "samples-real"
EXPECTED = DATA / "expected.toml"
FLOOR = DATA / "floor.toml"
HOLDOUT = HERE / "data" / "holdout" / "expected.toml"

#: metres per unit, the same table the project uses (kept here so the scorecard does not
#: lean on the code it scores for its own arithmetic)
METRES = {"m": 1.0, "cm": 0.01, "mm": 0.001, "ft": 0.3048, "in": 0.0254}
#: the room count may be off by this many (not for a drawing with no floor plan: a sheet of
#: elevations, a site plan or a detail must give no room at all, since one room read from
#: an elevation is exactly the confident wrong reading the corpus is there to catch)
COUNT_SLACK = 1
#: an area is right within this fraction of the expected area
AREA_TOLERANCE = 0.02
#: seconds one drawing may take before it is stopped and counted wrong
TIME_LIMIT = 120


@dataclass(frozen=True)
class ExpectedRoom:
    names: tuple[str, ...]          # accepted spellings; ("",) for a room with no name
    at: tuple[float, float]         # metres in the drawing's own frame
    area: float | None = None       # m², floor inside the wall faces
    how: str = ""
    group: str = ""                 # rooms of one open-plan space share a group name

    @property
    def label(self) -> str:
        return self.names[0] or f"unnamed room at ({self.at[0]:.2f}, {self.at[1]:.2f})"


@dataclass(frozen=True)
class Expectation:
    file: str
    units: str
    rooms: int
    scored: bool = True
    why_unscored: str = ""
    room_list: tuple[ExpectedRoom, ...] = ()
    source: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Result:
    """How one drawing read against its expectation."""

    file: str
    scored: bool
    rooms_found: int = 0
    rooms_expected: int = 0
    names_right: int = 0
    names_expected: int = 0
    areas_right: int = 0
    areas_expected: int = 0
    units_found: str = "-"
    units_expected: str = "-"
    reasons: list[str] = field(default_factory=list)
    crashed: bool = False           # an exception other than the reader's one-line refusal
    refused: str = ""               # the reader's one-line refusal (PlanReadError), if any
    seconds: float = 0.0

    @property
    def units_right(self) -> bool:
        return self.units_found == self.units_expected

    @property
    def right(self) -> bool:
        return not self.reasons


# --- expectations --------------------------------------------------------------------------

def _names(value: Any) -> tuple[str, ...]:
    if value is None:
        return ("",)
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value) or ("",)


def parse_expectations(data: dict[str, Any]) -> list[Expectation]:
    """Expectations from the parsed TOML (``[[drawing]]`` tables); see expected.toml's head."""
    out = []
    for d in data.get("drawing", []):
        units = str(d["units"])
        if units not in METRES:
            raise ValueError(f"{d['file']}: unknown units {units!r}")
        rooms = tuple(
            ExpectedRoom(names=_names(r.get("name")), at=(float(r["at"][0]), float(r["at"][1])),
                         area=float(r["area"]) if "area" in r else None, how=str(r.get("how", "")),
                         group=str(r.get("group", "")))
            for r in d.get("room", [])
        )
        out.append(Expectation(file=str(d["file"]), units=units, rooms=int(d["rooms"]),
                               scored=bool(d.get("scored", True)),
                               why_unscored=str(d.get("why_unscored", "")),
                               room_list=rooms, source=dict(d.get("source", {}))))
    return out


def load_expectations(path: Path = EXPECTED) -> list[Expectation]:
    with open(path, "rb") as fh:
        return parse_expectations(tomllib.load(fh))


def locate(name: str, dirs: Sequence[Path] = (FILES, SHARED)) -> Path | None:
    for d in dirs:
        p = d / name
        if p.is_file():
            return p
    return None


# --- comparison ----------------------------------------------------------------------------

def norm_name(name: str) -> str:
    """Case, spacing and the ``%%u`` underline code do not count; words and punctuation do."""
    name = re.sub(r"%%[uUoOdDpPcC]", "", name)
    return " ".join(name.split()).casefold()


def _plan_point(exp: Expectation, plan: Any, at: tuple[float, float]) -> tuple[float, float]:
    """An expected point (true metres, drawing frame) in the plan's local frame.

    Undo the true scale to get drawing coordinates, apply the scale the reader chose, then
    move by the plan's origin; so a room is still found when the reader got the units wrong
    (the units and the areas then fail on their own)."""
    true = METRES[exp.units]
    got = METRES.get(plan.meta.units, 1.0)
    ox, oy = plan.meta.origin
    return (at[0] / true * got - ox, at[1] / true * got - oy)


def compare(plan: Any, exp: Expectation) -> Result:
    """Score one plan (a :class:`floorplan.model.Plan`) against its expectation.

    Each expected room is looked up by its point (the smallest plan room holding it). Two
    expected rooms may not share a plan room, except rooms of one open-plan ``group``: those
    may be one plan room whose name then holds each of their names, or rooms of their own.
    """
    from shapely.geometry import Point
    from shapely.prepared import prep

    res = Result(file=exp.file, scored=exp.scored, rooms_expected=exp.rooms,
                 units_expected=exp.units, units_found=plan.meta.units,
                 rooms_found=len(plan.rooms))
    if not res.units_right:
        res.reasons.append(f"units {plan.meta.units}, the drawing is in {exp.units}")
    if exp.scored and exp.rooms == 0 and res.rooms_found:
        res.reasons.append(f"{res.rooms_found} rooms in a drawing with no floor plan")
    elif exp.scored and abs(res.rooms_found - exp.rooms) > COUNT_SLACK:
        res.reasons.append(f"{res.rooms_found} rooms, a reader sees {exp.rooms}")
    prepared = [(room, prep(room.polygon)) for room in plan.rooms]
    hits: list[Any] = []
    for er in exp.room_list:
        x, y = _plan_point(exp, plan, er.at)
        pt = Point(x, y)
        inside = [room for room, pp in prepared if pp.contains(pt)]
        hits.append(min(inside, key=lambda r: r.polygon.area) if inside else None)
    # who shares a plan room with whom
    sharers: dict[str, list[int]] = {}
    for i, room in enumerate(hits):
        if room is not None:
            sharers.setdefault(room.id, []).append(i)
    for i, (er, room) in enumerate(zip(exp.room_list, hits, strict=True)):
        res.names_expected += 1
        if er.area is not None:
            res.areas_expected += 1
        if room is None:
            res.reasons.append(f"no room at {er.label}")
            continue
        others = [j for j in sharers[room.id] if j != i]
        merged_ok = bool(others) and er.group and all(
            exp.room_list[j].group == er.group for j in others)
        if others and not merged_ok:
            first = exp.room_list[others[0]].label
            if others[0] > i:  # say it once, at the first of them
                res.reasons.append(f"{er.label} and {first} are one room ({room.id})")
            continue
        got = norm_name(room.name)
        if merged_ok:
            right = any(norm_name(n) in got for n in er.names if n)
        else:
            right = got in {norm_name(n) for n in er.names}
        if right:
            res.names_right += 1
        else:
            res.reasons.append(f"the room at {er.label} is named {room.name!r}")
        if er.area is not None and not merged_ok:
            area = room.polygon.area  # the plan is in metres whatever the file's units
            if abs(area - er.area) <= AREA_TOLERANCE * er.area:
                res.areas_right += 1
            else:
                res.reasons.append(f"{er.label}: {area:.2f} m², measured by hand {er.area:.2f} m²")
        elif er.area is not None:
            res.areas_expected -= 1  # one open-plan room: its part's area is not comparable
    return res


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise _Timeout()


def score_file(exp: Expectation, path: Path, time_limit: int = TIME_LIMIT) -> Result:
    """Read ``path`` with floorplan and compare. A refusal (PlanReadError) scores as a plan
    with no rooms; any other exception is a crash, recorded, never raised."""
    from floorplan.errors import PlanReadError
    from floorplan.io import read_plan

    started = time.perf_counter()
    use_alarm = hasattr(signal, "SIGALRM") and time_limit > 0
    old = signal.signal(signal.SIGALRM, _alarm) if use_alarm else None
    if use_alarm:
        signal.alarm(time_limit)
    try:
        plan = read_plan(path)
    except PlanReadError as exc:
        res = Result(file=exp.file, scored=exp.scored, rooms_expected=exp.rooms,
                     units_expected=exp.units, refused=str(exc))
        res.names_expected = len(exp.room_list)
        res.areas_expected = sum(r.area is not None for r in exp.room_list)
        if exp.rooms > COUNT_SLACK or exp.room_list:
            res.reasons.append(f"refused: {exc.problem}")
        else:
            res.units_found = exp.units  # nothing to read, and nothing read wrongly
        res.seconds = time.perf_counter() - started
        return res
    except _Timeout:
        return _failed(exp, f"stopped after {time_limit} s", crashed=True)
    except Exception as exc:  # noqa: BLE001 - a crash of the reader is a result here
        tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return _failed(exp, f"exception {tb}", crashed=True)
    finally:
        if use_alarm:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)
    res = compare(plan, exp)
    res.seconds = time.perf_counter() - started
    return res


def _failed(exp: Expectation, reason: str, *, crashed: bool) -> Result:
    res = Result(file=exp.file, scored=exp.scored, rooms_expected=exp.rooms,
                 units_expected=exp.units, crashed=crashed, reasons=[reason])
    res.names_expected = len(exp.room_list)
    res.areas_expected = sum(r.area is not None for r in exp.room_list)
    return res


# --- the scorecard -------------------------------------------------------------------------

@dataclass
class Scorecard:
    results: list[Result]
    skipped: list[tuple[str, str]]

    @property
    def scored(self) -> list[Result]:
        return [r for r in self.results if r.scored]

    @property
    def right(self) -> list[Result]:
        return [r for r in self.scored if r.right]

    @property
    def percent(self) -> float:
        return 100.0 * len(self.right) / len(self.scored) if self.scored else 0.0

    @property
    def plans(self) -> list[Result]:
        """Scored drawings that hold a floor plan (a careful reader counts rooms in them)."""
        return [r for r in self.scored if r.rooms_expected > 0]

    @property
    def no_plans(self) -> list[Result]:
        """Scored sheets with no floor plan (elevations, sections, roof and site plans): they
        must give no rooms, and they raise the percentage without testing plan reading."""
        return [r for r in self.scored if r.rooms_expected == 0]


def run(expectations: Iterable[Expectation], dirs: Sequence[Path] = (FILES, SHARED),
        only: Sequence[str] = ()) -> Scorecard:
    results, skipped = [], []
    for exp in expectations:
        if only and not any(o in exp.file for o in only):
            continue
        path = locate(exp.file, dirs)
        if path is None:
            if tuple(dirs) != (FILES, SHARED):
                where = ", ".join(str(d) for d in dirs)
            else:
                where = "tests/data/real/extract.py" if exp.source else "../shared/samples-real/"
            skipped.append((exp.file, f"file absent (see {where})"))
            continue
        results.append(score_file(exp, path))
    return Scorecard(results, skipped)


def default_dirs(expected: Path) -> tuple[Path, ...]:
    """Where an expectation file's drawings are looked for: the corpus's two folders for the
    corpus, the ``files/`` folder beside any other expectation file (the holdout's)."""
    if expected.resolve() == EXPECTED.resolve():
        return (FILES, SHARED)
    return (expected.resolve().parent / "files",)


def line(r: Result) -> str:
    verdict = ("CRASH" if r.crashed else "right" if r.right else "WRONG") if r.scored else (
        "not scored")
    units = f"{r.units_found}/{r.units_expected}"
    first = r.reasons[0] if r.reasons else ""
    expected = str(r.rooms_expected) if r.scored else "-"
    return (f"{r.file[:44]:44} rooms {r.rooms_found:3}/{expected:<3} "
            f"names {r.names_right:2}/{r.names_expected:<2} areas {r.areas_right:2}/{r.areas_expected:<2} "
            f"units {units:7} {verdict:10} {first}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="score only drawings whose file name holds one of these")
    ap.add_argument("-v", "--verbose", action="store_true", help="every reason, not only the first")
    ap.add_argument("--expected", type=Path, default=EXPECTED, metavar="TOML",
                    help="the expectation file (default: tests/data/real/expected.toml)")
    ap.add_argument("--holdout", action="store_const", const=HOLDOUT, dest="expected",
                    help="score the holdout (tests/data/holdout/expected.toml)")
    ap.add_argument("--dir", type=Path, action="append", dest="dirs", metavar="DIR",
                    help="look for the drawings here (repeatable; default: tests/data/real/files "
                         "and ../shared/samples-real for the corpus, else the files/ folder "
                         "beside the expectation file)")
    args = ap.parse_args(argv)
    dirs = default_dirs(args.expected) if not args.dirs else tuple(args.dirs)
    if not args.expected.is_file():
        print(f"realcheck: {args.expected}: no such expectation file", file=sys.stderr)
        return 2
    card = run(load_expectations(args.expected), dirs=dirs, only=args.names)
    for r in card.results:
        print(line(r))
        if args.verbose:
            for reason in r.reasons[1:]:
                print(" " * 46 + reason)
    for name, why in card.skipped:
        print(f"{name[:44]:44} skipped: {why}")
    n = len(card.scored)
    print(f"\nread right: {len(card.right)}/{n} drawings scored ({card.percent:.0f} %); "
          f"{len(card.results) - n} read but not scored, {len(card.skipped)} absent; "
          f"{sum(r.crashed for r in card.results)} crashed; units right in "
          f"{sum(r.units_right for r in card.results)}/{len(card.results)} read; "
          f"{sum(r.seconds for r in card.results):.1f} s reading")
    print(f"floor plans: {sum(r.right for r in card.plans)}/{len(card.plans)} read right; "
          f"sheets with no floor plan: {sum(r.right for r in card.no_plans)}/"
          f"{len(card.no_plans)} give no rooms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
