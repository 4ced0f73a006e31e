"""Whether this checkout's ``floorplan check`` says the same as another tree's, byte for byte.

A speed change must leave every report as it was. This runs ``floorplan check PLAN
--format json`` once with this checkout's package and once with the other tree's first
on ``PYTHONPATH`` (make one with ``git archive BASE | tar -x -C DIR``), on every plan
named (folders are searched for DXF, GeoJSON and IFC files), and compares the JSON
reports, what went to stderr and the exit codes. The base tree's results can be kept in
a folder (``--keep``) and are then reused: the base does not change between runs.

    python benchmarks/same_reports.py --base /tmp/base tests/data/real/files samples
    python benchmarks/same_reports.py --base /tmp/base --keep /tmp/base-out PLAN...

Exits 1 when any plan differs. Nothing here is timed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cases  # noqa: E402  (the benchmark's own modules, beside this file)

SUFFIXES = (".dxf", ".geojson", ".json", ".ifc")


def plans(paths: list[Path]) -> list[Path]:
    """The files named, and the plans in the folders named (sorted)."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            found += sorted(q for q in p.iterdir() if q.suffix.lower() in SUFFIXES and q.is_file())
        elif p.is_file():
            found.append(p)
    return found


def check(plan: Path, out: Path, base: Path | None) -> tuple[bytes, bytes, int]:
    """(JSON report, stderr, exit code) of one ``floorplan check`` of ``plan``."""
    report = out / (plan.name + ".json")
    report.unlink(missing_ok=True)
    env = dict(os.environ)
    if base is not None:
        env["PYTHONPATH"] = str(base)
    cmd = [*cases.floorplan_exe(), "check", str(plan), "--format", "json", "--output", str(report)]
    proc = subprocess.run(cmd, capture_output=True, env=env)
    return (report.read_bytes() if report.exists() else b""), proc.stderr, proc.returncode


def kept(plan: Path, keep: Path | None, base: Path, out: Path) -> tuple[bytes, bytes, int]:
    """The base tree's result for ``plan``, from ``keep`` when it holds one."""
    if keep is None:
        return check(plan, out, base)
    stem = keep / plan.name
    files = [stem.with_name(plan.name + s) for s in (".json", ".err", ".code")]
    if not all(f.exists() for f in files):
        keep.mkdir(parents=True, exist_ok=True)
        report, err, code = check(plan, out, base)
        files[0].write_bytes(report)
        files[1].write_bytes(err)
        files[2].write_text(str(code))
    return files[0].read_bytes(), files[1].read_bytes(), int(files[2].read_text())


def leaves(value: object, path: str = "") -> dict[str, object]:
    """Every leaf of a JSON value by its path (``rooms[3].clear_circle_m``)."""
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in leaves(item, f"{path}.{key}" if path else key).items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in leaves(item, f"{path}[{i}]").items()}
    return {path: value}


def moved(a: bytes, b: bytes) -> str:
    """What differs between two JSON reports: for each leaf name, how many values moved
    and by how much at most (numbers), or that the reports do not line up."""
    try:
        la, lb = leaves(json.loads(a)), leaves(json.loads(b))
    except ValueError:
        return "not JSON"
    if la.keys() != lb.keys():
        return f"{len(la.keys() ^ lb.keys())} values present in one only"
    by: dict[str, list[float]] = {}
    for k in la:
        if la[k] != lb[k]:
            x, y = la[k], lb[k]
            num = isinstance(x, (int, float)) and isinstance(y, (int, float))
            by.setdefault(k.rsplit(".", 1)[-1], []).append(abs(float(x) - float(y)) if num else float("nan"))  # type: ignore[arg-type]
    return "; ".join(f"{name} x{len(d)} (max {max(d):.4g})" for name, d in sorted(by.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", type=Path, help="plans, or folders of them")
    ap.add_argument("--base", required=True, type=Path, help="the other tree (holds floorplan/)")
    ap.add_argument("--keep", type=Path, help="keep (and reuse) the base tree's results here")
    ap.add_argument("--values", action="store_true",
                    help="where reports differ, name the values that moved and by how much at most")
    args = ap.parse_args(argv)
    if not (args.base / "floorplan" / "__init__.py").is_file():
        ap.error(f"{args.base}: no floorplan package in it")
    todo = plans(args.paths)
    differ = 0
    with tempfile.TemporaryDirectory(prefix="floorplan-same-") as tmp:
        out = Path(tmp)
        for plan in todo:
            a = check(plan, out, None)
            b = kept(plan, args.keep, args.base.resolve(), out)
            what = [w for w, x, y in zip(("report", "stderr", "exit code"), a, b, strict=True) if x != y]
            differ += bool(what)
            print(f"{plan.name:<50} {'same' if not what else 'DIFFERENT: ' + ', '.join(what)}"
                  f"  (exit {a[2]}, {len(a[0])} bytes)", flush=True)
            if args.values and "report" in what:
                print(f"    {moved(a[0], b[0])}", flush=True)
    print(f"{len(todo) - differ} of {len(todo)} plans the same")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
