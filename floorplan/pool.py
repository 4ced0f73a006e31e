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



# --------------------------------------------------------------------------- one sandbox


#: what :meth:`Sandbox.call` says happened to a job
DONE, FAILED, TIMED_OUT, DIED = "done", "failed", "timed out", "died"


class Sandbox:
    """One child process that runs jobs one at a time, each with a time budget.

    For a process that must not fork and may not have ``multiprocessing`` children (a
    Dask worker is multi-threaded and daemonic): the child is a fresh interpreter
    (``subprocess``), started on the first call and kept for the next ones. A job that
    runs past its budget gets its child killed, and so does one whose child dies; the
    next call starts another. Functions and jobs go to the child pickled, so ``fn`` must
    be importable there (the child gets this process's ``sys.path``).
    """

    #: seconds a new child may take to start and import what it needs
    START_TIMEOUT_S = 120.0

    def __init__(self, preload: Callable[[], Any] | None = None) -> None:
        #: called in each new child before its first job (imports), outside any budget
        self.preload = preload
        self._proc: Any = None
        self._send: Connection | None = None
        self._recv: Connection | None = None

    def _start(self) -> None:
        import os
        import subprocess
        import sys
        from multiprocessing.connection import Connection as Conn

        from_parent, to_child = os.pipe()  # (read end, write end)
        from_child, to_parent = os.pipe()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        code = f"from floorplan.pool import _sandboxed; _sandboxed({from_parent}, {to_parent})"
        self._proc = subprocess.Popen([sys.executable, "-c", code],
                                      pass_fds=(from_parent, to_parent), env=env,
                                      stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        os.close(from_parent)
        os.close(to_parent)
        self._send, self._recv = Conn(to_child, readable=False), Conn(from_child, writable=False)
        self._send.send(self.preload)
        if not self._recv.poll(self.START_TIMEOUT_S):
            raise OSError("the worker process did not start")
        self._recv.recv()  # ready

    def call(self, fn: Callable[[Any], Any], job: Any, timeout: float | None,
             cwd: str | None = None) -> tuple[str, Any]:
        """``(DONE, fn(job))``; ``(FAILED, "Type: message")`` when ``fn`` raised;
        ``(TIMED_OUT, None)`` or ``(DIED, None)``. ``cwd``: the folder relative paths in the
        job are taken from."""
        try:
            if self._proc is None or self._proc.poll() is not None:
                self.close()
                self._start()
            assert self._send is not None and self._recv is not None
            self._send.send((fn, job, cwd))
            # the budget starts once the child has the job (importing fn's module is not
            # the plan's time)
            if not self._recv.poll(self.START_TIMEOUT_S):
                self.close()
                return DIED, None
            self._recv.recv()  # started
            if not self._recv.poll(timeout):
                self.close()
                return TIMED_OUT, None
            ok, value = self._recv.recv()
            return (DONE if ok else FAILED), value
        except (EOFError, OSError):
            self.close()
            return DIED, None

    def __del__(self) -> None:  # a Dask worker thread's sandbox goes with its thread
        try:
            self.close()
        except Exception:  # pragma: no cover - at interpreter exit
            pass

    def close(self) -> None:
        """Stop the child (killed: it may be in the middle of a job)."""
        for conn in (self._send, self._recv):
            if conn is not None:
                conn.close()
        self._send = self._recv = None
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.kill()
            self._proc.wait()
            self._proc = None


def _sandboxed(read_fd: int, write_fd: int) -> None:
    """The child of a :class:`Sandbox`: jobs in, results out, until the pipe closes."""
    import os
    from multiprocessing.connection import Connection as Conn

    recv, send = Conn(read_fd, writable=False), Conn(write_fd, readable=False)
    try:
        preload = recv.recv()
        if preload is not None:
            preload()
        send.send("ready")
    except (EOFError, OSError):
        return
    while True:
        try:
            fn, job, cwd = recv.recv()
        except (EOFError, OSError):
            return
        if cwd is not None:
            os.chdir(cwd)
        try:
            send.send("started")
        except (EOFError, OSError):
            return
        try:
            answer = (True, fn(job))
        except Exception as exc:  # the parent reports it for this job; the child goes on
            answer = (False, f"{type(exc).__name__}: {exc}")
        try:
            send.send(answer)
        except (EOFError, OSError):  # the parent is gone
            return


__all__ = ["DIED", "DONE", "FAILED", "TIMED_OUT", "Sandbox", "run"]
