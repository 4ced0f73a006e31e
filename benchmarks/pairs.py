"""Timing one command against another, fairly, on a shared machine.

Each comparison runs as interleaved pairs, ``A B A B ...``, in the same run, so that
whatever else the machine is doing falls on both sides alike. Every run is a fresh
process, timed three ways from the operating system's own accounting of that process
(``os.wait4``: its rusage, children included):

* **CPU time**, user + system: what the work costs, and the figure the verdicts use,
  since waiting for a core another process holds does not count in it;
* **wall time**, for what a person waits;
* **peak memory** (``ru_maxrss``) of that one process.

The 1-minute load average is read before and after every run; a comparison reports the
highest seen, so a reader can tell when the machine was too busy for its figures to mean
much (the verdict is then withheld, see :func:`too_loaded`).

>>> s = summary([1.0, 3.0, 2.0])
>>> s["min"], s["median"]
(1.0, 2.0)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """One process: CPU seconds (user + sys, children included), wall seconds, peak MB."""

    cpu: float
    wall: float
    peak_mb: float
    code: int
    load: float  # the higher 1-minute load average, before and after
    error: str = ""


def run_once(cmd: list[str], timeout: float | None = None) -> Run:
    """Run ``cmd`` to the end and account for it (its output is thrown away, its errors kept)."""
    load0 = os.getloadavg()[0]
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        timer = threading.Timer(timeout, proc.kill) if timeout else None
        if timer:
            timer.start()
        # wait4 gives this child's own rusage (a getrusage(RUSAGE_CHILDREN) delta would
        # too, but its ru_maxrss is the largest of all children so far, not this one's)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        if timer:
            timer.cancel()
        proc.returncode = code = os.waitstatus_to_exitcode(status)  # Popen must not wait again
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip().splitlines()[-1:]
    load = max(load0, os.getloadavg()[0])
    error = ""
    if code not in (0, 1):  # 1: the plan fails rules, which is a result, not a failure
        error = "killed (timed out)" if code < 0 and timeout else (tail[0][:300] if tail else "")
    return Run(cpu=usage.ru_utime + usage.ru_stime, wall=wall,
               peak_mb=usage.ru_maxrss / 1024.0,  # kB on Linux
               code=code, load=load, error=error)


def as_installed(*trees: str | os.PathLike) -> list[str]:
    """Let the runs keep bytecode, and compile the package trees' modules once now.

    An installed package carries its ``.pyc`` files (pip compiles them); a checkout run
    under ``PYTHONDONTWRITEBYTECODE`` (some sandboxes set it) recompiles every module of
    floorplan in every run: 0.6 s a process, which swamps every small plan's figure.
    Returns what was done, for the benchmark's header.
    """
    import compileall

    done = []
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        done.append("PYTHONDONTWRITEBYTECODE unset for the runs")
    for tree in trees:
        compileall.compile_dir(str(tree), quiet=1)
        done.append(f"bytecode compiled in {tree}")
    return done


def summary(values: list[float]) -> dict[str, float]:
    """min and median of some figures."""
    return {"min": min(values), "median": statistics.median(values)}


@dataclass
class Pair:
    """Interleaved runs of A and B, and what they say."""

    a: list[Run] = field(default_factory=list)
    b: list[Run] = field(default_factory=list)

    @property
    def failed(self) -> str:
        bad = [r for r in self.a + self.b if r.error or r.code not in (0, 1)]
        return (bad[0].error or f"exit code {bad[0].code}") if bad else ""

    @property
    def load(self) -> float:
        return max((r.load for r in self.a + self.b), default=0.0)

    def ratio(self) -> float:
        """A over B in CPU time: the median of the ratios of runs made side by side
        (each pair saw the same machine), which one slow run cannot move much."""
        return statistics.median(x.cpu / y.cpu for x, y in zip(self.a, self.b, strict=True) if y.cpu > 0)

    def to_dict(self) -> dict:
        def side(runs: list[Run]) -> dict:
            return {"cpu": summary([r.cpu for r in runs]), "wall": summary([r.wall for r in runs]),
                    "peak_mb": max(r.peak_mb for r in runs)}
        out: dict = {"load": self.load, "error": self.failed}
        if not out["error"]:
            out.update(a=side(self.a), b=side(self.b), ratio=self.ratio(),
                       ratio_of_min=min(r.cpu for r in self.a) / max(1e-9, min(r.cpu for r in self.b)))
        return out


def interleave(a: list[str], b: list[str], repeat: int, timeout: float | None = None) -> Pair:
    """``repeat`` pairs of runs, A then B then A...; a run that fails ends the pairs."""
    pair = Pair()
    for _ in range(repeat):
        pair.a.append(run_once(a, timeout))
        pair.b.append(run_once(b, timeout))
        if pair.failed:
            break
    return pair


def too_loaded(load: float, max_load: float) -> bool:
    """Whether a load average is too high for a verdict (the benchmark's own process
    counts one)."""
    return load > max_load


__all__ = ["Pair", "Run", "as_installed", "interleave", "run_once", "summary", "too_loaded"]
