"""Where one check's CPU time goes, function by function, without cProfile's distortion.

Every function defined in floorplan's modules (and the methods of their classes) is
wrapped by a timer that adds ``time.process_time()`` spent inside it, counted once per
outermost call (a recursive call is not counted twice); calls into shapely, numpy and
ezdxf cost nothing extra, so the many small GEOS calls are not inflated as under cProfile.
The figures are inclusive: a function's time holds that of the functions it calls. A
function called more than :data:`HOT` times is timed for its first calls only (marked
``+``), its later calls counted in its callers' time.

    python benchmarks/stages.py PLAN [floorplan check options...] [--top N]

prints the slowest functions (inclusive CPU s, calls) of ``floorplan check PLAN
--format json --output <tmp>`` run in this process, after the imports.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

TOTAL: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
_ACTIVE: dict[str, int] = defaultdict(int)


#: a function called more often than this is timed no longer (the clock's own cost, a
#: system call each time, would swamp it): it is counted, and its callers hold its time
HOT = 2000


def _timed(name: str, fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        CALLS[name] += 1
        if _ACTIVE[name] or CALLS[name] > HOT:
            return fn(*a, **k)
        _ACTIVE[name] += 1
        t0 = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            TOTAL[name] += time.process_time() - t0
            _ACTIVE[name] -= 1
    wrapper.__wrapped_by_stages__ = True  # type: ignore[attr-defined]
    return wrapper


def instrument(package: str = "floorplan") -> int:
    """Wrap every function and method defined in ``package``; returns how many."""
    root = importlib.import_module(package)
    mods = [root] + [importlib.import_module(m.name) for m in
                     pkgutil.walk_packages(root.__path__, package + ".")
                     if not m.name.endswith("__main__")]
    wrapped: dict[int, object] = {}
    for mod in mods:
        for obj in list(vars(mod).values()):
            if inspect.isfunction(obj) and obj.__module__.startswith(package):
                if id(obj) not in wrapped:
                    wrapped[id(obj)] = _timed(f"{obj.__module__}.{obj.__qualname__}", obj)
            elif inspect.isclass(obj) and obj.__module__ == mod.__name__:
                for mname, m in list(vars(obj).items()):
                    if inspect.isfunction(m) and not mname.startswith("__"):
                        setattr(obj, mname, _timed(f"{obj.__module__}.{m.__qualname__}", m))
    for mod in mods:  # every reference, also those imported by name into other modules
        for attr, obj in list(vars(mod).items()):
            if inspect.isfunction(obj) and id(obj) in wrapped:
                setattr(mod, attr, wrapped[id(obj)])
    return len(wrapped)


def main(argv: list[str]) -> int:
    top = 40
    if "--top" in argv:
        i = argv.index("--top")
        top = int(argv[i + 1])
        del argv[i:i + 2]
    instrument()
    from floorplan.cli import main as cli_main
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.json"
        t0 = time.process_time()
        try:
            cli_main(["check", *argv, "--format", "json", "--output", str(out)])
        except SystemExit:
            pass
        whole = time.process_time() - t0
    print(f"whole check after the imports: {whole:.3f} s CPU")
    for name, t in sorted(TOTAL.items(), key=lambda kv: -kv[1])[:top]:
        hot = "+" if CALLS[name] > HOT else " "
        print(f"{t:8.3f} {CALLS[name]:8d}{hot} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
