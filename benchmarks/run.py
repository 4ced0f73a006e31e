"""The floorplan benchmark: ``make bench`` (or ``python benchmarks/run.py``).

Generates synthetic schemes of flats (about 100 to 10,000 rooms, as DXF and GeoJSON;
see ``schemes.py``) in a temporary folder and prints, for each file:

* read, measure, check and render time, and the total;
* the peak memory of the process that did it (``ru_maxrss``: one process per case);
* for DXF, the ratio of a full check without image (read + measure + check) to a bare
  ``ezdxf.readfile`` of the same file, both timed in this run (in fresh processes, best
  of ``--repeat``);

then the start-up time of ``floorplan --help`` and ``floorplan rules``, the time ratio
for four times the rooms, and ``floorplan batch`` throughput at ``--jobs 1`` and ``2``;
and last, which of the speed goals are met. Nothing here is a test: CI does not run it.

    python benchmarks/run.py                  # everything (a few minutes on 2 cores)
    python benchmarks/run.py --sizes 100,400  # a quick look
    python benchmarks/run.py --json out.json  # also keep the figures
"""

from __future__ import annotations

import argparse
import gc
import inspect
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

GOAL_RATIO_EZDXF = 2.0
GOAL_SCALING = 4.4
GOAL_STARTUP_S = 0.3
GOAL_MEMORY_MB = 1024.0
DEFAULT_SIZES = "100,250,1000,2500,10000"


# --------------------------------------------------------------------------- in a child process


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # kB on Linux


def case(path: str, repeat: int, render: bool) -> dict:
    """Time one file through read, measure, check and render (run in its own process)."""
    from floorplan import engine
    from floorplan.io import read_plan
    from floorplan.measure import measure

    try:
        from floorplan.render import render_to_file
    except ImportError:
        render_to_file = None
    if path.endswith(".dxf"):
        import floorplan.io.dxf  # noqa: F401  (imports are not the plan's cost)
    takes_m = "measurements" in inspect.signature(engine.check).parameters
    base_mb = _peak_mb()
    best: dict[str, float] = {}
    report = plan = None
    for _ in range(repeat):
        # let go of the last run's plan first, so that the peak memory is one plan's
        plan = m = report = None
        gc.collect()
        t0 = time.perf_counter()
        plan = read_plan(path)
        t1 = time.perf_counter()
        m = measure(plan)
        t2 = time.perf_counter()
        report = engine.check(plan, None, measurements=m) if takes_m else engine.check(plan, None)
        t3 = time.perf_counter()
        for key, value in (("read", t1 - t0), ("measure", t2 - t1), ("check", t3 - t2),
                           ("no_image", t3 - t0)):
            best[key] = min(best.get(key, float("inf")), value)
    out = {"file": path, "rooms": len(plan.rooms), "doors": len(plan.doors),
           "result": report.result, "findings": len(report.findings), **best,
           "check_remeasures": not takes_m, "render": None, "render_error": None}
    if render and render_to_file is not None:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            try:
                render_to_file(report, Path(tmp) / "plan.png")
                out["render"] = time.perf_counter() - t0
            except Exception as exc:  # the figure is "n/a", the rest still counts
                out["render_error"] = f"{type(exc).__name__}: {exc}"[:200]
    elif render:
        out["render_error"] = "no renderer in this version"
    out["total"] = out["no_image"] + (out["render"] or 0.0)
    out["peak_mb"] = _peak_mb()
    out["baseline_mb"] = base_mb
    return out


def bare_ezdxf(path: str, repeat: int) -> dict:
    """ezdxf's own read of ``path``: ``readfile``, or ``recover.readfile`` for a file that
    only loads in recover mode (as floorplan's reader falls back to it)."""
    import ezdxf
    from ezdxf import recover

    try:
        ezdxf.readfile(path)
        load, how = ezdxf.readfile, "readfile"
    except Exception:  # noqa: BLE001 - whatever sends floorplan's reader to recover
        load, how = recover.readfile, "recover"
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        load(path)
        best = min(best, time.perf_counter() - t0)
    return {"file": path, "ezdxf": best, "how": how, "peak_mb": _peak_mb()}


# --------------------------------------------------------------------------- the driver


def _child(*args: str, timeout: float = 1800) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["(no output)"]
        return {"error": tail[0][:300]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _wall(cmd: list[str], repeat: int) -> tuple[float, int]:
    best, code = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True)
        best = min(best, time.perf_counter() - t0)
        code = done.returncode
    return best, code


def _floorplan_exe() -> list[str]:
    exe = Path(sys.executable).parent / "floorplan"
    return [str(exe)] if exe.exists() else [sys.executable, "-c",
                                            "from floorplan.cli import main; main()"]


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
            f"{platform.system()} {platform.release()}")


def _fmt(v: float | None, unit: str = "s") -> str:
    if v is None:
        return "n/a"
    if unit == "s":
        return f"{v:.3f}" if v < 10 else f"{v:.1f}"
    return f"{v:.0f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=DEFAULT_SIZES, help=f"room counts (default {DEFAULT_SIZES})")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs for each case (the image is drawn once)")
    ap.add_argument("--data", help="folder for the generated files (default: a temporary one)")
    ap.add_argument("--formats", default="dxf,geojson")
    ap.add_argument("--no-render", action="store_true", help="skip the image step")
    ap.add_argument("--batch-plans", type=int, default=12, help="plans in the batch throughput run")
    ap.add_argument("--json", help="also write every figure to this file")
    ap.add_argument("--real", default=str(HERE.parent.parent / "shared" / "samples-real"),
                    help="a folder of real DXF drawings to time too (default: ../shared/samples-real; "
                         "'' to skip)")
    args = ap.parse_args(argv)

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    formats = [f for f in args.formats.split(",") if f]
    tmp = None
    if args.data:
        data = Path(args.data)
    else:
        tmp = tempfile.mkdtemp(prefix="floorplan-bench-")
        data = Path(tmp)
    import schemes

    results: dict = {"machine": machine(), "cases": [], "startup": {}, "batch": {}, "scaling": []}
    print(f"floorplan benchmark on {results['machine']}")
    print(f"load average at the start: {os.getloadavg()[0]:.2f} (other work on the machine skews every figure)")
    print(f"generating schemes of {', '.join(map(str, sizes))} rooms in {data} ...", flush=True)
    files = {n: schemes.write(data, n) for n in sizes}

    head = (f"{'case':<22}{'rooms':>7}{'read':>8}{'measure':>9}{'check':>8}{'render':>9}"
            f"{'total':>8}{'peak MB':>9}{'ezdxf':>8}{'ratio':>7}")
    print("\ntimes in seconds (best of the repeats); ratio = full check without image / bare ezdxf.readfile")
    print(head)
    print("-" * len(head))
    for n in sizes:
        rep = args.repeat
        for fmt in formats:
            path = str(files[n][fmt])
            row = _child("_case", path, str(rep), "0" if args.no_render else "1")
            row.update({"size": n, "format": fmt})
            if fmt == "dxf" and "error" not in row:
                ez = _child("_ezdxf", path, str(rep))
                row["ezdxf"] = ez.get("ezdxf")
                row["ezdxf_peak_mb"] = ez.get("peak_mb")
                row["ratio"] = row["no_image"] / row["ezdxf"] if row.get("ezdxf") else None
            results["cases"].append(row)
            name = f"{Path(path).stem}.{fmt}"
            if "error" in row:
                print(f"{name:<22}{'':>7}  failed: {row['error']}")
                continue
            ratio = f"{row['ratio']:.2f}" if row.get("ratio") else ""
            print(f"{name:<22}{row['rooms']:>7}{_fmt(row['read']):>8}{_fmt(row['measure']):>9}"
                  f"{_fmt(row['check']):>8}{_fmt(row['render']):>9}{_fmt(row['total']):>8}"
                  f"{_fmt(row['peak_mb'], 'mb'):>9}{_fmt(row.get('ezdxf')):>8}"
                  f"{ratio:>7}", flush=True)
            if row.get("render_error"):
                print(f"{'':<22}  (render: {row['render_error']})")

    real = sorted(Path(args.real).glob("*.dxf")) if args.real and Path(args.real).is_dir() else []
    if real:
        print(f"\nreal drawings in {args.real} (full check without image / bare ezdxf read):")
        results["real"] = []
        for path in real:
            row = _child("_case", str(path), str(args.repeat), "0")
            ez = _child("_ezdxf", str(path), str(args.repeat))
            if "error" in row or "error" in ez:
                print(f"  {path.name:<40} failed: {row.get('error') or ez.get('error')}")
                continue
            row.update({"ezdxf": ez["ezdxf"], "ezdxf_how": ez["how"], "ratio": row["no_image"] / ez["ezdxf"]})
            results["real"].append(row)
            print(f"  {path.name:<40}{row['rooms']:>5} rooms  ezdxf {ez['how']:<8} {ez['ezdxf']:.3f} s  "
                  f"check {row['no_image']:.3f} s  ratio {row['ratio']:.2f}", flush=True)

    # scaling: every pair of sizes four times apart
    by = {(c["size"], c["format"]): c for c in results["cases"] if "error" not in c}
    print("\nscaling (full check without image, 4 x the rooms):")
    for a in sizes:
        for b in sizes:
            if b == 4 * a:
                for fmt in formats:
                    if (a, fmt) in by and (b, fmt) in by:
                        r = by[(b, fmt)]["no_image"] / by[(a, fmt)]["no_image"]
                        results["scaling"].append({"from": a, "to": b, "format": fmt, "ratio": r})
                        print(f"  {fmt:<8}{a:>6} -> {b:<6} rooms: {r:.2f} x the time")

    exe = _floorplan_exe()
    print("\nstart-up (wall time, best of 5):")
    for label, cmd in (("floorplan --help", ["--help"]), ("floorplan rules", ["rules"])):
        t, code = _wall(exe + cmd, 5)
        results["startup"][label] = {"seconds": t, "exit_code": code}
        print(f"  {label:<18}{t:.3f} s" + ("" if code == 0 else f"  (exit code {code})"))

    if args.batch_plans > 0:
        print(f"\nbatch throughput ({args.batch_plans} plans of {sizes[0]} rooms, GeoJSON and DXF, with images):")
        folder = data / "batch"
        folder.mkdir(exist_ok=True)
        for i in range(args.batch_plans):
            src = files[sizes[0]]["geojson" if i % 2 == 0 or "dxf" not in formats else "dxf"]
            shutil.copy(src, folder / f"plan-{i:03d}{src.suffix}")
        for jobs in (1, 2):
            out = data / f"batch-out-{jobs}"
            load = os.getloadavg()[0]
            cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            done = subprocess.run(exe + ["batch", str(folder), "--output", str(out), "--jobs", str(jobs)],
                                  capture_output=True, text=True)
            t = time.perf_counter() - t0
            cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
            results["batch"][str(jobs)] = {"seconds": t, "plans_per_s": args.batch_plans / t,
                                           "cpu_seconds": cpu, "load_before": load,
                                           "exit_code": done.returncode}
            print(f"  --jobs {jobs}: {t:.2f} s, {args.batch_plans / t:.2f} plans/s, {cpu:.1f} CPU s "
                  f"(load average before: {load:.2f}; exit code {done.returncode})")
    else:
        print("\nbatch throughput: not run (--batch-plans 0)")

    print("\ngoals:")
    goals = _goals(results, sizes)
    for text, ok in goals:
        print(f"  [{'met' if ok else 'NOT MET' if ok is False else 'n/a'}] {text}")
    results["goals"] = [{"goal": t, "met": ok} for t, ok in goals]
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _goals(results: dict, sizes: list[int]) -> list[tuple[str, bool | None]]:
    cases = [c for c in results["cases"] if "error" not in c]
    dxf = [c for c in cases if c.get("ratio")]
    big = max(sizes)
    worst_ratio = max((c["ratio"] for c in dxf), default=None)
    scaling = [s["ratio"] for s in results["scaling"]]
    startup = [s["seconds"] for s in results["startup"].values()]
    mem = [c["peak_mb"] for c in cases if c["size"] == big]
    b1, b2 = results["batch"].get("1"), results["batch"].get("2")
    return [
        (f"full check without image <= {GOAL_RATIO_EZDXF:g} x bare ezdxf read (worst: "
         f"{'n/a' if worst_ratio is None else f'{worst_ratio:.2f}'})",
         None if worst_ratio is None else worst_ratio <= GOAL_RATIO_EZDXF),
        (f"4 x the rooms in <= {GOAL_SCALING:g} x the time (worst: "
         f"{'n/a' if not scaling else f'{max(scaling):.2f}'})",
         None if not scaling else max(scaling) <= GOAL_SCALING),
        (f"--help and rules start in < {GOAL_STARTUP_S:g} s (slowest: "
         f"{'n/a' if not startup else f'{max(startup):.3f} s'})",
         None if not startup else max(startup) < GOAL_STARTUP_S),
        (f"a {big}-room plan in < {GOAL_MEMORY_MB:g} MB (peak: "
         f"{'n/a' if not mem else f'{max(mem):.0f} MB'})",
         None if not mem or big < 10000 else max(mem) < GOAL_MEMORY_MB),
        ("batch throughput grows with --jobs (" + (
            f"{b1['plans_per_s']:.1f} -> {b2['plans_per_s']:.1f} plans/s)" if b1 and b2 else "n/a)"),
         None if not (b1 and b2) else b2["plans_per_s"] > b1["plans_per_s"] * 1.1),
    ]


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_case":
        print(json.dumps(case(sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1")))
    elif len(sys.argv) > 1 and sys.argv[1] == "_ezdxf":
        print(json.dumps(bare_ezdxf(sys.argv[2], int(sys.argv[3]))))
    else:
        sys.exit(main())
