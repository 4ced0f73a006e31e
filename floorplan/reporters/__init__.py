"""Reporters turn a :class:`~floorplan.report.Report` into text, JSON, HTML, GeoJSON,
CSV, XLSX, a PDF assessment pack or BCF issues for a BIM model.

Each reporter is a module with a ``render(report) -> str | bytes`` function; the registry
below maps format names to modules (imported only when used), so adding a format is one
line here and one module, never an if/elif chain in the CLI.
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from floorplan.errors import OutputError


class Reporter(NamedTuple):
    module: str
    #: the extension a report of this format is written with
    extension: str
    #: other extensions that choose this format for an ``--output`` file
    also: tuple[str, ...] = ()
    #: bytes, not text: written to a file, never to a terminal
    binary: bool = False


#: format name -> its reporter
REPORTERS: dict[str, Reporter] = {
    "text": Reporter("floorplan.reporters.text", ".txt", (".text",)),
    "json": Reporter("floorplan.reporters.json_report", ".json"),
    "html": Reporter("floorplan.reporters.html", ".html", (".htm",)),
    "geojson": Reporter("floorplan.reporters.geojson_report", ".geojson"),
    "csv": Reporter("floorplan.reporters.csv_report", ".csv"),
    "xlsx": Reporter("floorplan.reporters.xlsx_report", ".xlsx", binary=True),
    "pdf": Reporter("floorplan.reporters.pdf", ".pdf", binary=True),
    "bcf": Reporter("floorplan.reporters.bcf", ".bcfzip", (".bcf",), binary=True),
}


def get(name: str) -> Callable:
    """The ``render`` function of the reporter called ``name``."""
    try:
        module = REPORTERS[name].module
    except KeyError:
        raise OutputError(f"unknown report format {name!r} (expected one of {', '.join(REPORTERS)})") from None
    return _utf8(importlib.import_module(module).render)


def _utf8(render: Callable) -> Callable:
    """``render`` whose text always encodes as UTF-8: a lone surrogate (a byte no reader
    could decode, kept by a surrogate escape) becomes U+FFFD rather than failing the write."""
    def safe(report, *args, **kwargs):
        out = render(report, *args, **kwargs)
        if isinstance(out, str):
            try:
                out.encode("utf-8")
            except UnicodeEncodeError:
                import re

                out = re.sub("[\ud800-\udfff]", "\ufffd", out)
        return out

    return functools.wraps(render)(safe)


def extension(name: str) -> str:
    return REPORTERS[name].extension


def is_binary(name: str) -> bool:
    return REPORTERS[name].binary


def for_path(path: str | os.PathLike) -> str | None:
    """The format an output file's extension names (``report.pdf`` -> ``pdf``), or None."""
    ext = Path(path).suffix.lower()
    for name, r in REPORTERS.items():
        if ext == r.extension or ext in r.also:
            return name
    return None


def save(report, path: str | os.PathLike, **options) -> Path:
    """Write ``report`` to ``path`` (whole or not at all), in the format its extension names."""
    from floorplan.io.atomic import write_atomic

    fmt = for_path(path)
    if fmt is None:
        raise OutputError(f"{path}: no report format has this extension "
                          f"({', '.join(r.extension for r in REPORTERS.values())})")
    write_atomic(path, get(fmt)(report, **options))
    return Path(path)
