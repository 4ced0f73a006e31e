"""Run jobs in worker processes, each job with a time budget.

:class:`concurrent.futures.ProcessPoolExecutor` cannot stop one task: a plan stuck in a
geometry library for an hour holds its worker for an hour, and a worker that dies breaks
the whole pool. Here each worker is a process of its own with a pipe; the parent hands it
one job at a time and waits for the answers. A worker that runs past its job's budget is
killed and replaced, and so is one that dies; either way only that job is lost, and it is
reported as such.

Workers are forked where the platform can (so they share what the parent has imported);
nothing here prints.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any


def _serve(conn: Connection, fn: Callable[[Any], Any]) -> None:
    """A worker's loop: a job in, its result out, until the pipe closes or ``None`` comes."""
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(fn(job))


@dataclass
class _Worker:
    proc: Any
    conn: Connection
    job: Any = None
    deadline: float = 0.0


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def run(jobs: Iterable[Any], fn: Callable[[Any], Any], workers: int, timeout: float | None,
        on_result: Callable[[Any, Any], None], on_timeout: Callable[[Any], None],
        on_died: Callable[[Any], None]) -> None:
    """Run ``fn(job)`` for every job in at most ``workers`` processes.

    ``on_result(job, result)`` is called as each job finishes; ``on_timeout(job)`` when a
    job ran longer than ``timeout`` seconds (its process is killed; ``None``: no budget);
    ``on_died(job)`` when its process ended without an answer (killed, out of memory, a
    crash in native code).
    """
    ctx = _context()
    pending = deque(jobs)
    idle: list[_Worker] = []
    busy: list[_Worker] = []
    count = max(1, min(workers, len(pending)))

    def start() -> _Worker:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child, fn), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def stop(w: _Worker, kill: bool) -> None:
        if kill:
            w.proc.kill()
        w.proc.join(5)
        if w.proc.is_alive():  # pragma: no cover - a process that ignores SIGTERM
            w.proc.kill()
            w.proc.join()
        w.conn.close()

    try:
        idle = [start() for _ in range(count)]
        while pending or busy:
            while pending and idle:
                w = idle.pop()
                w.job = pending.popleft()
                w.deadline = time.monotonic() + timeout if timeout else float("inf")
                try:
                    w.conn.send(w.job)
                except OSError:  # the worker is gone already
                    job = w.job
                    stop(w, kill=True)
                    on_died(job)
                    idle.append(start())
                    continue
                busy.append(w)
            if not busy:
                continue
            wait_for = min(w.deadline for w in busy) - time.monotonic()
            ready = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy],
                         timeout=None if wait_for == float("inf") else max(0.0, wait_for))
            now = time.monotonic()
            for w in list(busy):
                job = w.job
                if w.conn in ready or w.conn.poll():
                    try:
                        result = w.conn.recv()
                    except (EOFError, OSError):
                        busy.remove(w)
                        stop(w, kill=True)
                        on_died(job)
                        if pending:
                            idle.append(start())
                        continue
                    busy.remove(w)
                    w.job = None
                    idle.append(w)
                    on_result(job, result)
                elif w.proc.sentinel in ready or not w.proc.is_alive():
                    busy.remove(w)
                    stop(w, kill=True)
                    on_died(job)
                    if pending:
                        idle.append(start())
                elif now >= w.deadline:
                    busy.remove(w)
                    stop(w, kill=True)
                    on_timeout(job)
                    if pending:
                        idle.append(start())
    finally:
        for w in idle:
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in idle:
            stop(w, kill=False)
        for w in busy:  # only when the parent is interrupted
            stop(w, kill=True)


__all__ = ["run"]
