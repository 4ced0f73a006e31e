"""What may be read and what may be written: regular files only, and never an input.

Two promises rest on this module:

- **Input files are never modified.** :func:`guard` refuses, before any work is done, an
  output path that is an input under another name (the same path, a hard link, a symbolic
  link to it, a report named after its plan in a folder that holds the plan). Every file
  a reader opens is also remembered (:func:`protect`), and
  :func:`~floorplan.io.atomic.write_atomic` refuses to replace one, whatever asked it to.
- **Only regular files are read or written.** An input that is a FIFO, a device or a
  socket would hang or read forever (:func:`check_input`); an output that is one would be
  replaced by the atomic rename, a device too when run as root (:func:`check_output`).

A symbolic link named as an output is refused rather than followed: the atomic rename
would replace the link itself, and following it would write to a place the user did not
name (the classic attack on a program that writes into a shared folder). Links in the
folders above the file are followed as usual. See ``docs/cli.md``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from floorplan.errors import OutputError, PlanReadError

#: (st_dev, st_ino) of every input opened in this process
_PROTECTED: set[tuple[int, int]] = set()


def kind_of(mode: int) -> str:
    """What a file is, in words, from its ``st_mode``."""
    if stat.S_ISREG(mode):
        return "a regular file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def check_input(path: str | os.PathLike, *, folder_ok: bool = True) -> os.stat_result:
    """The ``stat`` of an input that is a regular file (or, with ``folder_ok``, a folder).

    Raises :class:`PlanReadError` for anything else, without opening it (opening a FIFO
    with no writer blocks forever).
    """
    source = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise PlanReadError(source, "no such file") from None
    except OSError as exc:
        raise PlanReadError(source, f"cannot open: {exc.strerror or exc}") from None
    if stat.S_ISREG(st.st_mode) or (folder_ok and stat.S_ISDIR(st.st_mode)):
        return st
    raise PlanReadError(source, f"is {kind_of(st.st_mode)}, not a regular file; floorplan "
                        "reads plans only from regular files (or '-' for standard input)")


def protect(path: str | os.PathLike) -> None:
    """Remember ``path`` as an input: no output of this process may replace it."""
    try:
        st = os.stat(path)
    except OSError:
        return
    _PROTECTED.add((st.st_dev, st.st_ino))
    if stat.S_ISDIR(st.st_mode):  # an IMDF folder: the files in it are inputs too
        try:
            with os.scandir(os.fspath(path)) as it:
                for entry in it:
                    if entry.is_file():
                        est = entry.stat()
                        _PROTECTED.add((est.st_dev, est.st_ino))
        except OSError:
            pass


def is_protected(st: os.stat_result) -> bool:
    return (st.st_dev, st.st_ino) in _PROTECTED


def check_output(path: str | os.PathLike, *, folder_made: bool = False
                 ) -> os.stat_result | None:
    """Refuse an output path that is not a regular file or a new name in an existing folder.

    Returns the ``lstat`` of the existing file (``None`` for a new path). Raises
    :class:`OutputError` with one line for a symbolic link, a folder, a FIFO, a device or a
    socket, and for a folder that does not exist (unless ``folder_made``: the caller
    makes it).
    """
    target = Path(path)
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise OutputError(
                f"{path}: is a symbolic link (to {os.readlink(target)}); floorplan writes only "
                "to a regular file or a new path: name the file itself")
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{path}: is a folder; name a file to write")
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"{path}: is {kind_of(st.st_mode)}; floorplan writes only to a "
                              "regular file or a new path")
        return st
    directory = target.parent if str(target.parent) else Path(".")
    if not folder_made and not directory.is_dir():
        raise OutputError(f"{path}: the folder {directory} does not exist")
    return None


def _identity(path: str | os.PathLike) -> tuple[int, int] | None:
    try:
        st = os.stat(path)  # follows links: a link to an input is that input
    except OSError:
        return None
    return st.st_dev, st.st_ino


def input_files(paths: Iterable[str | os.PathLike]) -> dict[tuple[int, int], str]:
    """(device, inode) -> name of every input file (a folder's files too); ``-`` skipped."""
    out: dict[tuple[int, int], str] = {}
    for p in paths:
        if p is None or str(p) == "-":
            continue
        ident = _identity(p)
        if ident is None:
            continue
        out.setdefault(ident, str(p))
        if os.path.isdir(p):
            try:
                with os.scandir(os.fspath(p)) as it:
                    for entry in it:
                        ident = _identity(entry.path)
                        if ident is not None:
                            out.setdefault(ident, str(entry.path))
            except OSError:
                pass
    return out


def guard(inputs: Iterable[str | os.PathLike], outputs: Iterable[str | os.PathLike | None],
          *, folders_made: bool = False) -> None:
    """Refuse, before any work is done, outputs that would replace an input or are not
    regular files; also two outputs that are the same file (one report would be lost).

    ``inputs`` are the plans and every other file read (layer map, profile file);
    ``outputs`` every path the command will write (``None`` entries are passed over);
    ``folders_made``: the command makes the folders the outputs go in.
    """
    ins = input_files(inputs)
    seen: dict[str, str] = {}
    for out in outputs:
        if out is None:
            continue
        check_output(out, folder_made=folders_made)
        ident = _identity(out)
        if ident is not None and ident in ins:
            same = ins[ident]
            if os.path.abspath(same) == os.path.abspath(out):
                raise OutputError(f"{out}: is an input; floorplan never overwrites its input "
                                  "(name another output)")
            raise OutputError(f"{out}: is the input {same} under another name (a link); "
                              "floorplan never overwrites its input (name another output)")
        key = os.path.normcase(os.path.realpath(out))
        if key in seen and seen[key] != str(out):
            raise OutputError(f"{out}: the same file as the output {seen[key]}; one would be lost")
        if key in seen:
            raise OutputError(f"{out}: named twice as an output; one would be lost")
        seen[key] = str(out)


__all__ = ["check_input", "check_output", "guard", "input_files", "is_protected", "kind_of",
           "protect"]
