"""Stand-ins for ``batch.run_one`` that go wrong, for the Dask batch's tests.

In a module of their own that imports little: a worker's sandbox process imports it
to unpickle the function it is handed.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from floorplan import batch


def slow_or_raising(job):
    if "slow" in job.source:
        time.sleep(600)
    if "raising" in job.source:
        raise RuntimeError("the task exploded")
    return batch.run_one(job)


def kills_its_worker(job):
    """Kills the Dask worker whose sandbox runs it: every time for a plan named
    ``always``, the first time for ``once``."""
    marker = Path(job.outdir) / f"{job.name}.killed"
    if "always" in job.source or ("once" in job.source and not marker.exists()):
        marker.touch()
        os.kill(os.getppid(), signal.SIGKILL)
        os._exit(1)
    return batch.run_one(job)
