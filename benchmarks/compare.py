"""This checkout's ``floorplan check`` against another tree's, as interleaved pairs.

For a change's before and after: A is the installed ``floorplan`` (this checkout), B the
same command with the other tree's package first on ``PYTHONPATH`` (make one with ``git
archive BASE | tar -x -C DIR``). Both run in the same Python, on the same plan, paired
A B A B ... in one run (:mod:`pairs`), and are judged on CPU time, as ``run.py`` does.

    python benchmarks/compare.py --base /tmp/base plan.dxf plan.geojson [--image] [--repeat 5]
    python benchmarks/compare.py --base /tmp/base --schemes 4000,16000   # generated plans
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cases  # noqa: E402  (the benchmark's own modules, beside this file)
import pairs  # noqa: E402


def commands(plan: Path, base: Path, out: Path, image: bool) -> tuple[list[str], list[str]]:
    """(this checkout's check, the base tree's check) of ``plan``."""
    a = list(cases.check_cmd(plan, out / "a", image))
    b = ["env", f"PYTHONPATH={base}", *cases.check_cmd(plan, out / "b", image)]
    return a, b


def same(plan: Path, out: Path, image: bool) -> str:
    """Whether A and B wrote the same JSON report, byte for byte."""
    a, b = (Path(cases.report_path(plan, out / side, image)).read_bytes() for side in ("a", "b"))
    return "same" if a == b else "DIFFERENT"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("plans", nargs="*", type=Path)
    ap.add_argument("--base", required=True, type=Path, help="the other tree (holds floorplan/)")
    ap.add_argument("--schemes", default="", help="also generated schemes of these room counts")
    ap.add_argument("--formats", default="dxf,geojson", help="of the generated schemes")
    ap.add_argument("--image", action="store_true", help="check with --image")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    if not (args.base / "floorplan" / "__init__.py").is_file():
        ap.error(f"{args.base}: no floorplan package in it")
    for line in pairs.as_installed(cases.package_dir(), args.base / "floorplan"):
        print(line)
    with tempfile.TemporaryDirectory(prefix="floorplan-compare-") as tmp:
        out = Path(tmp)
        for side in ("a", "b"):
            (out / side).mkdir()
        plans = list(args.plans)
        if args.schemes:
            import schemes

            for n in (int(s) for s in args.schemes.split(",")):
                files = schemes.write(out, n)
                plans += [files[f] for f in args.formats.split(",") if f in files]
        print(f"A: this checkout; B: {args.base}; CPU time (user + sys), {args.repeat} pairs; "
              f"load average at the start {os.getloadavg()[0]:.1f}")
        print(f"{'plan':<40}{'A cpu min/med':>16}{'B cpu min/med':>16}{'A/B':>7}{'A MB':>7}{'B MB':>7}{'load':>6}  report")
        for plan in plans:
            a, b = commands(plan, args.base, out, args.image)
            res = pairs.interleave(a, b, args.repeat).to_dict()
            if res["error"]:
                print(f"{plan.name:<40}failed: {res['error']}")
                continue
            ca, cb = res["a"]["cpu"], res["b"]["cpu"]
            print(f"{plan.name:<40}{ca['min']:>8.3f}/{ca['median']:<7.3f}{cb['min']:>8.3f}/{cb['median']:<7.3f}"
                  f"{res['ratio']:>7.3f}{res['a']['peak_mb']:>7.0f}{res['b']['peak_mb']:>7.0f}{res['load']:>6.1f}  {same(plan, out, args.image)}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
