"""Write outputs whole or not at all: to a temporary file beside the target, then rename.

Only a regular file or a new path is written (:func:`floorplan.io.paths.check_output`),
never an input of this process. The temporary file is ``.NAME.PID.XXXXXXXX.part``; a run
that is killed before the rename leaves it behind, so the first write into a folder
removes the ones whose process is gone (:func:`clean_stale`).
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from floorplan.errors import OutputError
from floorplan.io import paths

#: a temporary file of ours: ``.NAME.PID.RANDOM.part`` (or, before PIDs, ``.NAME.RANDOM.part``)
_PART = re.compile(r"^\..+?\.(?:(?P<pid>\d+)\.)?[a-z0-9_]{8}\.part$")
#: a temporary file without a PID, or whose PID is alive but belongs to another program by
#: now, is removed once it is this old (seconds)
STALE_AFTER_S = 24 * 3600
#: folders already cleaned by this process
_CLEANED: set[str] = set()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def clean_stale(directory: str | os.PathLike, now: float | None = None) -> list[str]:
    """Remove the temporary files that killed runs left in ``directory``; their names.

    A temporary file is stale when the process that made it is gone (and it is over a
    minute old, so a file another host is writing into a shared folder is spared for a
    while), or when it is older than :data:`STALE_AFTER_S`.
    """
    now = time.time() if now is None else now
    removed: list[str] = []
    try:
        entries = list(os.scandir(os.fspath(directory)))
    except OSError:
        return removed
    for entry in entries:
        m = _PART.match(entry.name)
        if m is None:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not entry.is_file(follow_symlinks=False):
            continue
        age = now - st.st_mtime
        pid = m.group("pid")
        stale = age > STALE_AFTER_S or (pid is not None and age > 60 and not _alive(int(pid)))
        if pid is None and age > 3600:  # made by a version before PIDs were in the name
            stale = True
        if stale:
            try:
                os.unlink(entry.path)
                removed.append(entry.name)
            except OSError:
                pass
    return removed


def write_atomic(path: str | os.PathLike, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the whole new one.

    Raises :class:`OutputError` (one line) for a path that is a symbolic link, a folder,
    a FIFO, a device or an input of this process, or that cannot be written.
    """
    target = Path(path)
    existing = paths.check_output(target)
    if existing is not None and paths.is_protected(existing):
        raise OutputError(f"{path}: is an input; floorplan never overwrites its input "
                          "(name another output)")
    directory = target.parent if str(target.parent) else Path(".")
    key = os.path.abspath(directory)
    if key not in _CLEANED:
        _CLEANED.add(key)
        clean_stale(directory)
    if isinstance(data, str):
        # names are made clean when read; this keeps a stray surrogate from losing the output
        data = data.encode("utf-8", errors="replace")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".part",
                                   dir=directory)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp makes the file private (0600); give it the mode an ordinary open() would
        os.chmod(tmp, 0o666 & ~_umask())
        # checked again just before the rename: the path may have become a link or a FIFO
        paths.check_output(target)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise
