"""The floorplan benchmark: ``make bench`` (``make bench-quick`` for a few minutes' look).

Every comparison runs as interleaved pairs of fresh processes, A B A B ..., in the same
run (:mod:`pairs`), and is judged on CPU time (user + sys, children included), with wall
time beside it, each as min and median. A is floorplan, B its floor (:mod:`cases`):

* every real drawing (``tests/data/real/files``, ``../shared/samples-real``) and every
  synthetic scheme (:mod:`schemes`, 1,000 to 64,000 rooms), through the ``floorplan
  check`` command with its JSON report, with and without ``--image``, against a bare
  ``ezdxf.readfile`` (DXF) or ``json.load`` + shapely (GeoJSON);
* the GeoJSON reader alone against ``json.load`` + ``shape()``;
* four times the rooms against the check at a quarter the size;
* start-up (``floorplan --help``, ``floorplan rules``) beside ``python -c pass``;
* ``floorplan batch`` throughput at ``--jobs 1`` and ``2``.

The load average during each case is printed beside it; a goal's verdict is withheld
when a case it rests on ran above ``--max-load``. Nothing here is a test.

    python benchmarks/run.py                 # everything (long: 64,000-room plans with images)
    python benchmarks/run.py --quick         # 1,000 and 4,000 rooms, no batch
    python benchmarks/run.py --json out.json # also keep every figure
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cases  # noqa: E402  (the benchmark's own modules, beside this file)
import pairs  # noqa: E402
import verdicts  # noqa: E402

FULL_SIZES = "1000,4000,16000,64000"
QUICK_SIZES = "1000,4000"
REAL = [HERE.parent / "tests" / "data" / "real" / "files", HERE.parent.parent / "shared" / "samples-real"]


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines()
                      if x.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.1f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return (f"{model}, {os.cpu_count()} cores{mem}; Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}; nice {os.nice(0)}")


def _rooms(case: cases.Case) -> int | None:
    """The room count A's JSON report gives (the plan as floorplan read it)."""
    if case.report is None:
        return case.rooms
    try:
        return len(json.loads(Path(case.report).read_text(encoding="utf-8"))["rooms"])
    except (OSError, ValueError, KeyError):
        return case.rooms


def run_cases(todo: list[cases.Case], repeat: int, max_load: float, timeout: float,
              results: list) -> None:
    for case in todo:
        res = pairs.interleave(list(case.a), list(case.b), repeat, timeout).to_dict()
        res.update(kind=case.kind, name=case.name, words=case.words, rooms=_rooms(case),
                   image=case.image, goal=case.goal)
        results.append((case, res))
        print(verdicts.row(case, res, max_load), flush=True)


def batch(files: dict[int, dict[str, Path]], plans: int, data: Path, out: Path) -> dict:
    """``floorplan batch`` over ``plans`` copies of the smallest scheme (half DXF), with images."""
    folder = data / "batch"
    folder.mkdir(exist_ok=True)
    small = files[min(files)]
    for i in range(plans):
        src = small["dxf" if i % 2 and "dxf" in small else "geojson"]
        shutil.copy(src, folder / f"plan-{i:03d}{src.suffix}")
    figures = {}
    for jobs in (1, 2):
        target = out / f"batch-{jobs}"
        shutil.rmtree(target, ignore_errors=True)
        r = pairs.run_once([*cases.floorplan_exe(), "batch", str(folder), "--output", str(target),
                            "--jobs", str(jobs)])
        figures[str(jobs)] = {"wall": r.wall, "cpu": r.cpu, "plans_per_s": plans / r.wall,
                              "load": r.load, "exit_code": r.code}
        print(f"  --jobs {jobs}: {r.wall:.2f} s wall, {plans / r.wall:.2f} plans/s, {r.cpu:.1f} CPU s "
              f"(load {r.load:.1f}, exit code {r.code})", flush=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES}, no batch")
    ap.add_argument("--sizes", help=f"synthetic room counts (default {FULL_SIZES}; quick {QUICK_SIZES}; "
                    "'' for none: the real drawings only)")
    ap.add_argument("--repeat", type=int, default=3, help="pairs of runs per case (default 3)")
    ap.add_argument("--formats", default="dxf,geojson")
    ap.add_argument("--no-image", action="store_true", help="skip every case with --image")
    ap.add_argument("--real", default=",".join(map(str, REAL)),
                    help="folders or files of real drawings, comma-separated ('' for none)")
    ap.add_argument("--max-load", type=float, default=float(os.cpu_count() or 1),
                    help="withhold a verdict when the load average passed this (default: the core count)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds one run may take")
    ap.add_argument("--batch-plans", type=int, help="plans in the batch run (default 12; quick 0)")
    ap.add_argument("--data", help="folder for the generated files (default: a temporary one)")
    ap.add_argument("--json", help="also write every figure to this file")
    args = ap.parse_args(argv)

    chosen = args.sizes if args.sizes is not None else (QUICK_SIZES if args.quick else FULL_SIZES)
    sizes = [int(s) for s in chosen.split(",") if s.strip()]
    formats = [f for f in args.formats.split(",") if f]
    plans = args.batch_plans if args.batch_plans is not None else (0 if args.quick else 12)
    plans = plans if sizes else 0  # the batch copies the smallest scheme
    images = not args.no_image
    tmp = None if args.data else tempfile.mkdtemp(prefix="floorplan-bench-")
    data = Path(args.data or tmp)  # type: ignore[arg-type]
    out = data / "out"
    out.mkdir(parents=True, exist_ok=True)
    import schemes

    for line in pairs.as_installed(cases.package_dir()):
        print(line)
    started = time.time()
    print(f"floorplan benchmark on {machine()}")
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; verdicts "
          f"withheld above {args.max_load:g}; {args.repeat} interleaved pairs a case")
    if sizes:
        print(f"generating schemes of {', '.join(map(str, sizes))} rooms in {data} ...", flush=True)
    files = {n: {k: v for k, v in schemes.write(data, n).items() if k in formats} for n in sizes}

    results: list = []
    print("\nA is floorplan, B its floor; CPU time is user + sys of the whole process; "
          "load is the highest 1-minute load average seen during the case (! above --max-load)")
    print(verdicts.HEAD)
    print("-" * len(verdicts.HEAD))
    run_cases(cases.startup(), max(args.repeat, 5), args.max_load, args.timeout, results)
    real = cases.real_files([Path(p) for p in args.real.split(",") if p])
    for path in real:
        run_cases(cases.against_floors(path, out, images), args.repeat, args.max_load,
                  args.timeout, results)
    for n in sizes:
        for fmt in formats:
            run_cases(cases.against_floors(files[n][fmt], out, images, n), args.repeat,
                      args.max_load, args.timeout, results)
    run_cases(cases.growth(files, formats, out, images), args.repeat, args.max_load,
              args.timeout, results)

    figures = {"machine": machine(), "sizes": sizes, "repeat": args.repeat,
               "max_load": args.max_load, "cases": [r for _, r in results], "batch": {}}
    if plans:
        print(f"\nbatch throughput ({plans} plans of {min(sizes)} rooms, half GeoJSON, half DXF, "
              "with images):")
        figures["batch"] = batch(files, plans, data, out)
    print("\ngoals (issue 15):")
    figures["goals"] = []
    for text, verdict in verdicts.goals(results, args.max_load):
        print(f"  [{verdict}] {text}")
        figures["goals"].append({"goal": text, "verdict": verdict})
    print(f"\n{(time.time() - started) / 60:.1f} minutes; load average at the end: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
