"""Find the plans that paths, folders and glob patterns name, for ``floorplan batch``.

A file is taken as it is; a folder is searched for plan files; anything else is a glob
pattern. Each plan also gets a distinct name for its outputs.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

#: what a folder is searched for (an explicitly named file is taken whatever its name)
PLAN_SUFFIXES = (".dxf", ".geojson", ".json", ".ifc", ".ifczip")
GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class Missing:
    """A path given on the command line that names nothing."""

    path: str
    problem: str = "no such file or folder (and no file matches it as a pattern)"


def expand(paths: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = ()
           ) -> list[Path | Missing]:
    """The plans that ``paths`` name, in a stable order, each once.

    A file is taken as it is; a folder is searched (with its sub-folders, hidden ones
    left out) for ``.dxf``, ``.ifc``, ``.ifczip``, ``.geojson`` and ``.json`` files; anything else is a glob
    pattern (``**`` reaches into sub-folders). A folder holding an IMDF ``unit.geojson``
    is one plan. ``.json`` files found in folders that are not GeoJSON (no ``"Feature``
    in their first 64 kB) are passed over, so reports and settings kept beside plans are
    not mistaken for plans. Folders in ``exclude`` (the output folder) are never searched.
    """
    skip = {Path(e).resolve() for e in exclude}
    out: list[Path | Missing] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)

    for raw in paths:
        text = str(raw)
        p = Path(text)
        if p.is_file() or _special(p):  # a FIFO or device: the reader says what it is
            add(p)
        elif p.is_dir():
            for found in _search(p, skip):
                add(found)
        elif GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                out.append(Missing(text))
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    for found in _search(mp, skip):
                        add(found)
                elif mp.suffix.lower() in PLAN_SUFFIXES and (_special(mp) or not _skipped_part(mp)):
                    add(mp)
        else:
            out.append(Missing(text))
    return out


def _search(folder: Path, skip: set[Path]) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(".") and (here / d).resolve() not in skip
                             and d != "__pycache__")
        if here.resolve() in skip:
            continue
        names = set(filenames)
        if "unit.geojson" in names:  # an IMDF venue: the folder is the plan
            found.append(here)
            dirnames[:] = []
            continue
        for name in sorted(filenames):
            f = here / name
            if name.startswith(".") or f.suffix.lower() not in PLAN_SUFFIXES:
                continue
            if f.suffix.lower() == ".json" and not _special(f) and not _looks_geojson(f):
                continue
            found.append(f)
    return found


def _special(p: Path) -> bool:
    """A path that exists and is neither a regular file nor a folder (FIFO, device,
    socket): never opened here (a FIFO would block), but listed so that it is reported."""
    try:
        mode = os.stat(p).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _skipped_part(p: Path) -> bool:
    return p.suffix.lower() == ".json" and not _looks_geojson(p)


def _looks_geojson(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError:
        return True  # let the reader report it
    return b'"Feature' in head


def output_names(plans: Sequence[Path | Missing | str]) -> list[str]:
    """A distinct file stem per plan for its report and image.

    A plan's file stem (``oak-house``); where two plans share a stem, each takes its format
    when that tells them apart (``oak-house-dxf``, ``oak-house-geojson``), else the name of
    its folder (``a-plan``, ``b-plan``), then a number if that is not enough. ``-``
    (standard input) is ``stdin``.
    """
    items = [Path(p) if isinstance(p, str) else p for p in plans]

    def clean(text: str) -> str:
        return "".join(c if c.isalnum() or c in "-_." else "_" for c in text)

    def base_of(p: Path | Missing) -> str:
        if isinstance(p, Missing):
            base = Path(p.path).name or "plan"
        elif str(p) == "-":
            base = "stdin"
        else:
            base = (p.name if p.is_dir() else p.stem) or "plan"
        return clean(base)

    def suffix_of(p: Path | Missing) -> str:
        return "" if isinstance(p, Missing) else p.suffix.lstrip(".").lower()

    def folder_of(p: Path | Missing) -> str:
        q = Path(p.path) if isinstance(p, Missing) else p
        parent = q.parent.name or q.resolve().parent.name
        return clean(parent) if parent else ""

    bases = [base_of(p) for p in items]
    groups: dict[str, list[int]] = {}
    for i, b in enumerate(bases):
        groups.setdefault(b.lower(), []).append(i)
    wanted = list(bases)
    for members in groups.values():
        if len(members) < 2:
            continue
        suffixes = [suffix_of(items[i]) for i in members]
        for i, suf in zip(members, suffixes, strict=True):
            if suf and suffixes.count(suf) == 1:
                wanted[i] = f"{bases[i]}-{suf}"
            elif folder_of(items[i]):
                wanted[i] = f"{folder_of(items[i])}-{bases[i]}"
    used: set[str] = set()
    names: list[str] = []
    for base in wanted:
        name, n = base, 2
        while name.lower() in used:
            name = f"{base}-{n}"
            n += 1
        used.add(name.lower())
        names.append(name)
    return names


__all__ = ["Missing", "expand", "output_names", "PLAN_SUFFIXES"]
