"""Batch throughput: the process pool against Dask (``floorplan batch --scheduler local``).

Generates ``--plans`` small GeoJSON schemes (8 to 64 rooms; ``schemes.py``) and runs
``floorplan batch`` over them as a separate process for each case: the process pool at
``--jobs 1`` and ``2``, and a Dask LocalCluster of 1 and 2 workers. The cases run in
turn, ``--repeat`` rounds (A B C D A B C D ...), so a load on the machine falls on all of
them alike; each prints plans per second on wall time, and CPU time (user + sys of the
command and every process under it, as the kernel hands them back when they end) as min
and median. The load average is printed with each round.

``--memory N`` then runs one Dask batch of N plans with images and watches the resident
memory of every process in the tree (the client, each Dask worker, each worker's
sandbox process) twice a second: the peak of each kind, and each kind's size at a
tenth, half and all of the plans done, which is what "memory stays flat" means here.

    nice python benchmarks/batch_dask.py                      # 300 plans, 2 rounds
    nice python benchmarks/batch_dask.py --plans 50 --repeat 1
    nice python benchmarks/batch_dask.py --plans 0 --memory 1000
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CASES = {"pool, 1 process": ["--jobs", "1"], "pool, 2 processes": ["--jobs", "2"],
         "dask, 1 worker": ["--scheduler", "local", "--jobs", "1"],
         "dask, 2 workers": ["--scheduler", "local", "--jobs", "2"]}


def make_plans(folder: Path, count: int) -> Path:
    import schemes

    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        schemes.write_geojson(folder / f"plan-{i:05d}.geojson", 8 * (1 + i % 8))
    return folder


def _floorplan() -> list[str]:
    exe = Path(sys.executable).with_name("floorplan")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "floorplan"]


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(plans: Path, out: Path, args: list[str], images: bool) -> tuple[float, float]:
    """(wall, cpu) seconds of one ``floorplan batch`` run."""
    cmd = [*_floorplan(), "batch", str(plans), "-o", str(out), "--quiet", *args]
    if not images:
        cmd.append("--no-images")
    cpu0, t0 = _children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-2000:]}")
    return wall, cpu


def throughput(plans: Path, count: int, work: Path, repeat: int, images: bool) -> None:
    wall: dict[str, list[float]] = {k: [] for k in CASES}
    cpu: dict[str, list[float]] = {k: [] for k in CASES}
    for rnd in range(repeat):
        print(f"round {rnd + 1}/{repeat}, load average {os.getloadavg()[0]:.2f}", flush=True)
        for name, args in CASES.items():
            w, c = timed(plans, work / f"out-{rnd}-{name.replace(' ', '').replace(',', '-')}",
                         args, images)
            wall[name].append(w)
            cpu[name].append(c)
            print(f"  {name:<18} {count / w:6.2f} plans/s  wall {w:7.1f} s  cpu {c:7.1f} s",
                  flush=True)
    print(f"\n{count} plans ({'with' if images else 'without'} images), {repeat} rounds; "
          "min / median")
    print(f"{'case':<18} {'plans/s (wall)':>16} {'wall s':>15} {'cpu s':>15} {'cpu ms/plan':>12}")
    for name in CASES:
        w, c = wall[name], cpu[name]
        print(f"{name:<18} {count / min(w):7.2f} / {count / statistics.median(w):6.2f} "
              f"{min(w):7.1f} / {statistics.median(w):5.1f} {min(c):7.1f} / "
              f"{statistics.median(c):5.1f} {1000 * min(c) / count:12.0f}")


def memory(plans: Path, count: int, work: Path) -> None:
    import psutil

    out = work / "out-memory"
    cmd = [*_floorplan(), "batch", str(plans), "-o", str(out), "--quiet",
           "--scheduler", "local", "--jobs", "2"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    peak: dict[str, float] = {}
    at: dict[str, dict[str, float]] = {}
    marks = {"a tenth": count // 10, "half": count // 2, "all": count}
    journal = out / "summary.jsonl"

    def kind(p) -> str:
        if p.pid == proc.pid:
            return "client"
        try:
            line = " ".join(p.cmdline())
        except psutil.Error:
            return "other"
        if "_sandboxed" in line:
            return "sandbox"
        return "worker" if "multiprocessing" in line or "spawn" in line else "other"

    while proc.poll() is None:
        sizes: dict[str, float] = {}
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.Error:
            break
        for p in tree:
            try:
                mb = p.memory_info().rss / 2**20
            except psutil.Error:
                continue
            k = kind(p)
            sizes[k] = max(sizes.get(k, 0.0), mb)
        for k, mb in sizes.items():
            peak[k] = max(peak.get(k, 0.0), mb)
        try:
            done = max(0, sum(1 for _ in journal.open("rb")) - 1)
        except OSError:
            done = 0
        for label, n in marks.items():
            if label not in at and done >= n and label != "all":
                at[label] = dict(sizes)
        if done >= count - 1 and "all" not in at:
            at["all"] = dict(sizes)
        time.sleep(0.5)
    wall = time.perf_counter() - t0
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"memory run exited {proc.returncode}: {err[-2000:]}")
    print(f"\n{count} plans with images on a local Dask cluster of 2 workers: {wall:.0f} s "
          f"({count / wall:.2f} plans/s)")
    print("largest resident memory of each kind of process (MB):")
    for k in ("client", "worker", "sandbox"):
        row = "  ".join(f"{label} {at.get(label, {}).get(k, float('nan')):6.0f}" for label in marks)
        print(f"  {k:<8} peak {peak.get(k, float('nan')):6.0f}   at {row}")
    print(f"  index.html {os.path.getsize(out / 'index.html') / 1024:.0f} kB, "
          f"summary.jsonl {os.path.getsize(journal) / 1024:.0f} kB")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plans", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--images", action="store_true", help="draw each plan's image too")
    ap.add_argument("--memory", type=int, default=0, metavar="N",
                    help="then a batch of N plans with images, memory watched")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="floorplan-batch-bench-") as tmp:
        work = Path(tmp)
        print(f"cores {os.cpu_count()}, python {sys.version.split()[0]}")
        if a.plans:
            plans = make_plans(work / "plans", a.plans)
            throughput(plans, a.plans, work, a.repeat, a.images)
        if a.memory:
            memory(make_plans(work / "plans-memory", a.memory), a.memory, work)


if __name__ == "__main__":
    main()
