"""The Python API for notebooks and scripts: ``floorplan.read``, ``floorplan.check``.

>>> import floorplan
>>> report = floorplan.check("samples/oak-house.geojson")      # doctest: +SKIP
>>> report.result, len(report.findings)                          # doctest: +SKIP
('fail', 37)

Everything here is a thin layer over the library (:func:`floorplan.io.read_plan`,
:func:`floorplan.engine.check`, the reporters and renderers), imported only when called,
so ``import floorplan`` stays light. The methods on :class:`~floorplan.report.Report`
(``to_dataframe``, ``render``, ``save``, ``_repr_html_``, ``__geo_interface__``) call
the helpers below.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from floorplan.model import Plan
    from floorplan.profiles import Profile
    from floorplan.report import Report

#: keyword options of :func:`read` that override what the plan says
META_OPTIONS = ("scheme", "tenants", "wheelchair", "name", "crs")


def read(path: str | os.PathLike, *, units: str | None = None,
         layer_map: str | os.PathLike | None = None, **meta: Any) -> Plan:
    """Read a plan (DXF, GeoJSON, an IMDF folder or zip) into a :class:`~floorplan.model.Plan`.

    ``units`` overrides the drawing's units, ``layer_map`` names a DXF layer-map TOML, and
    ``scheme``, ``tenants``, ``wheelchair``, ``name`` and ``crs`` override what the plan
    says, as the command line's options do. Raises
    :class:`~floorplan.errors.PlanReadError` for a plan that cannot be used.
    """
    from dataclasses import replace

    from floorplan.io import read_plan

    unknown = sorted(set(meta) - set(META_OPTIONS))
    if unknown:
        raise TypeError(f"read() got unexpected options {unknown} (known: units, layer_map, "
                        f"{', '.join(META_OPTIONS)})")
    plan = read_plan(path, units=units, layer_map=layer_map)
    crs = meta.pop("crs", None)
    plan = plan.with_meta(**meta)
    if crs is not None:
        plan = replace(plan, meta=replace(plan.meta, crs=None if crs == "local" else crs))
    return plan


def check(plan_or_path: Plan | str | os.PathLike, profile: str | os.PathLike | Profile | None = None,
          **options: Any) -> Report:
    """Check a plan (or read the file first, with :func:`read`'s ``options``) against
    ``profile`` (an id such as ``"ndss"``, a TOML path; default the ECC standard)."""
    from floorplan.engine import check as run
    from floorplan.model import Plan

    if isinstance(plan_or_path, Plan):
        if options:
            raise TypeError("options are for reading a file; pass a path, or use read()")
        plan = plan_or_path
    else:
        plan = read(plan_or_path, **options)
    return run(plan, profile if not isinstance(profile, os.PathLike) else Path(profile))


# --------------------------------------------------------------------------- report helpers


def findings_frame(report: Report) -> Any:
    """The findings as a pandas DataFrame, one row per finding (the CSV's columns)."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("Report.to_dataframe() needs pandas: pip install pandas "
                          "(or 'floorplan-check[pandas]')") from None
    from floorplan.reporters.table import COLUMNS, rows

    return pd.DataFrame(rows(report), columns=list(COLUMNS))


def save(report: Report, path: str | os.PathLike, **options: Any) -> Path:
    """Write the report to ``path``, its format chosen by the extension (``.json``,
    ``.html``, ``.csv``, ``.xlsx``, ``.geojson``, ``.txt``, ``.pdf``)."""
    from floorplan import reporters
    from floorplan.errors import OutputError
    from floorplan.io.atomic import write_atomic

    fmt = reporters.for_path(path)
    if fmt is None:
        raise OutputError(f"{path}: no report format has this extension "
                          f"({', '.join(r.extension for r in reporters.REPORTERS.values())})")
    write_atomic(path, reporters.get(fmt)(report, **options))
    return Path(path)


def render(report: Report, path: str | os.PathLike) -> Path:
    """Draw the marked-up plan to ``path`` (``.png``, ``.svg``, ``.pdf``, ``.dxf``)."""
    from floorplan.render import render_to_file

    render_to_file(report, path)
    return Path(path)


def geo_interface(report: Report) -> dict:
    """The rooms with their results as a GeoJSON FeatureCollection (``__geo_interface__``),
    in the plan file's own coordinates, as the GeoJSON report writes them."""
    import json

    from floorplan.reporters import geojson_report

    return json.loads(geojson_report.render(report))


def repr_html(report: Report) -> str:
    """A compact HTML view for Jupyter: the verdict, the plan, what fails and is to review."""
    from floorplan.reporters import notebook

    return notebook.render(report)
