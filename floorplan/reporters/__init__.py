"""Reporters turn a :class:`~floorplan.report.Report` into text, JSON, HTML or GeoJSON.

Each reporter is a module with a ``render(report) -> str`` function; the registry below
maps format names to modules (imported only when used), so adding a format is one line
here and one module, never an if/elif chain in the CLI.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from floorplan.errors import OutputError

#: format name -> (module, file extension)
REPORTERS: dict[str, tuple[str, str]] = {
    "text": ("floorplan.reporters.text", ".txt"),
    "json": ("floorplan.reporters.json_report", ".json"),
    "html": ("floorplan.reporters.html", ".html"),
    "geojson": ("floorplan.reporters.geojson_report", ".geojson"),
}


def get(name: str) -> Callable:
    """The ``render`` function of the reporter called ``name``."""
    try:
        module, _ = REPORTERS[name]
    except KeyError:
        raise OutputError(f"unknown report format {name!r} (expected one of {', '.join(REPORTERS)})") from None
    return importlib.import_module(module).render


def extension(name: str) -> str:
    return REPORTERS[name][1]
