"""Run the batch's plans as tasks on a Dask cluster (the optional extra ``floorplan[dask]``).

``--scheduler tcp://HOST:8786`` joins a running cluster; ``--scheduler local`` starts a
:class:`distributed.LocalCluster` of ``--jobs`` worker processes on this machine. Dask
does the scheduling, and its retries cover a worker that is lost (a machine that goes
away, a worker killed): the task runs again on another worker, and after
``distributed.scheduler.allowed-failures`` losses the plan is reported as such.

On the worker each plan runs in a :class:`floorplan.pool.Sandbox` (a child process kept
for the next plans), so a plan that runs past ``--timeout`` is stopped without stopping
the worker, and a crash in a geometry library loses only that plan. The worker writes
the plan's report, image and thumbnail straight into the output folder, which must be
the same path on every worker (shared storage); only the rows come back here.

The client keeps one task in flight per worker thread (:data:`PER_THREAD`), so its
memory does not grow with the batch.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import threading
import uuid
from collections.abc import Callable, Sequence
from itertools import islice
from typing import Any

from floorplan.batch.rows import Job, Row
from floorplan.errors import FloorplanError

#: how to get Dask, said when ``--scheduler`` is given without it
INSTALL_HINT = ("--scheduler needs Dask, which is not installed: "
                "pip install 'floorplan-check[dask]'")
#: tasks in flight for each worker thread. One: the next plans wait here, not as futures
#: on the scheduler, and no plan waits on a worker behind another (when a worker dies,
#: Dask counts the loss against every task it held, so a plan queued behind one that
#: kills its worker would use up its retries too); the cost is one round trip between
#: plans
PER_THREAD = 1
#: seconds to reach the scheduler, and for a first worker to join it
CONNECT_TIMEOUT_S = 30.0

_local = threading.local()


def available() -> bool:
    """Whether Dask.distributed can be imported."""
    return importlib.util.find_spec("distributed") is not None


def _preload(images: bool) -> None:
    from floorplan.batch.preload import preload
    from floorplan.batch.rows import Options

    preload(Options(images=images))


def _task(fn: Callable[[Job], Row], job: Job, timeout: float | None, cwd: str) -> tuple[str, Any]:
    """One plan, on a worker: in this worker thread's sandbox process."""
    import functools

    from floorplan.pool import Sandbox

    sandbox = getattr(_local, "sandbox", None)
    if sandbox is None:
        sandbox = _local.sandbox = Sandbox(preload=functools.partial(_preload, job.options.images))
    return sandbox.call(fn, job, timeout, cwd)


def _version() -> str:
    from floorplan._version import __version__

    return __version__


def _connect(scheduler: str, workers: int | None):
    from distributed import Client, LocalCluster

    if scheduler == "local":
        import dask

        # one plan at a time on each worker (plans are long tasks): a worker that dies
        # then counts against that plan's retries alone
        with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}):
            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1,
                                   threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError) as exc:
        raise FloorplanError(f"--scheduler {scheduler}: cannot reach the Dask scheduler "
                             f"({exc})") from None
    return client, None


def _check_workers(client, scheduler: str) -> int:
    """The worker threads there are; each worker must run this version of floorplan."""
    from floorplan._version import __version__

    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
    except (TimeoutError, OSError):
        raise FloorplanError(f"--scheduler {scheduler}: no Dask worker joined the scheduler "
                             f"within {CONNECT_TIMEOUT_S:g} s (start dask-worker {scheduler} "
                             "on each machine)") from None
    try:
        versions = client.run(_version)
    except Exception as exc:
        raise FloorplanError(f"--scheduler {scheduler}: a Dask worker cannot run floorplan "
                             f"({type(exc).__name__}: {exc}); install floorplan-check "
                             f"{__version__} on every worker") from None
    other = sorted(f"{addr} has {v}" for addr, v in versions.items() if v != __version__)
    if other:
        raise FloorplanError(f"--scheduler {scheduler}: every worker must run floorplan "
                             f"{__version__} ({'; '.join(other)})")
    return max(1, sum(client.nthreads().values()))


def run(jobs: Sequence[Job], fn: Callable[[Job], Row], scheduler: str, workers: int | None,
        timeout: float | None, on_result: Callable[[Job, Row], None],
        on_fault: Callable[[Job, str], None]) -> None:
    """Run ``fn(job)`` for every job on the cluster ``scheduler`` names (``"local"``: a
    new one of ``workers`` processes).

    ``on_result(job, row)`` as each plan finishes; ``on_fault(job, problem)`` when it ran
    past ``timeout`` seconds, its process died, its worker was lost too often, or the
    task failed. Raises :class:`FloorplanError` (one line) when the cluster cannot be used.
    """
    from distributed import KilledWorker, as_completed

    from floorplan import pool

    client, cluster = _connect(scheduler, workers)
    try:
        threads = _check_workers(client, scheduler)
        cwd = os.getcwd()
        batch_id = uuid.uuid4().hex[:8]
        waiting = iter(jobs)
        in_flight: dict[str, Job] = {}

        def submit(job: Job):
            future = client.submit(_task, fn, job, timeout, cwd, pure=False,
                                   key=f"floorplan-{batch_id}-{job.index}")
            in_flight[future.key] = job
            return future

        done = as_completed([submit(j) for j in islice(waiting, PER_THREAD * threads)])
        for future in done:
            job = in_flight.pop(future.key)
            following = next(waiting, None)
            if following is not None:
                done.add(submit(following))
            try:
                status, value = future.result()
            except KilledWorker:
                on_fault(job, "its Dask worker was lost each time it was tried (out of "
                              "memory, or a crash); Dask gave up on it")
                continue
            except Exception as exc:
                on_fault(job, f"the Dask task failed: {type(exc).__name__}: {exc}")
                continue
            finally:
                future.release()
            if status == pool.DONE:
                on_result(job, value)
            elif status == pool.TIMED_OUT:
                on_fault(job, f"stopped after {timeout:g} s (the --timeout for one plan)")
            elif status == pool.DIED:
                on_fault(job, "the process checking it stopped (out of memory, or a crash "
                              "in a geometry library)")
            else:
                on_fault(job, f"internal error: {value}")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


__all__ = ["INSTALL_HINT", "PER_THREAD", "available", "run"]
