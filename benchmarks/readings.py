"""How many times one check reads the drawing's walls, and what each reading costs.

The source choice (``floorplan.io.dxf.rooms.sourcechoice``) reads the wall linework once
for each source and layer it tries (outline layers left out, unnamed layers taken in as
walls); on the slowest real drawings these readings are most of the check. This prints
each reading (``wall_rooms_of``) in order, as CPU s in this process, with the number of
lines read as walls and the layer left out or taken in, then the whole check's CPU time
after the imports and how much of it the readings took.

    python benchmarks/readings.py PLAN [floorplan check options...]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[-1].strip())
        return 2
    from floorplan.cli import main as cli_main
    from floorplan.io.dxf.rooms import wallrooms

    rows: list[tuple[float, int, str]] = []
    read_walls, read_rooms = wallrooms.wall_lines, wallrooms.wall_rooms_of
    seen: list[int] = []

    def wall_lines(rd):
        out = read_walls(rd)
        seen.append(len(out))
        return out

    def wall_rooms_of(rd, *a, **k):
        left = sorted(rd.__dict__.get("left_layers") or ())
        extra = sorted(rd.__dict__.get("with_unnamed") or ())
        how = ("leaving out " + ", ".join(left) if left else "") + (
            "taking in " + ", ".join(extra) if extra else "")
        n = len(seen)
        t0 = time.process_time()
        try:
            return read_rooms(rd, *a, **k)
        finally:
            rows.append((time.process_time() - t0, seen[n] if len(seen) > n else 0,
                         how or "as drawn"))

    wallrooms.wall_lines = wall_lines
    import floorplan.io.dxf.reader  # noqa: F401  (every stage imported, to find its callers)

    for mod in list(sys.modules.values()):  # the callers that imported it by name too
        if getattr(mod, "__name__", "").startswith("floorplan") and \
                getattr(mod, "wall_rooms_of", None) is read_rooms:
            mod.wall_rooms_of = wall_rooms_of  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.process_time()
        try:
            cli_main(["check", *argv, "--format", "json", "--output", str(Path(tmp) / "r.json")])
        except SystemExit:
            pass
        whole = time.process_time() - t0
    for k, (t, n, how) in enumerate(rows, 1):
        print(f"reading {k}: {t:7.3f} s CPU  {n:6d} wall lines  {how}")
    spent = sum(t for t, _, _ in rows)
    print(f"whole check after the imports: {whole:.3f} s CPU; {len(rows)} readings of the "
          f"walls {spent:.3f} s ({100 * spent / whole if whole else 0:.0f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
