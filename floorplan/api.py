"""The Python API for notebooks and scripts: ``floorplan.read``, ``floorplan.check``.

::

    import floorplan
    report = floorplan.check("samples/oak-house.geojson")
    report.result, len(report.findings)       # ('fail', 45)

Everything here is a thin layer over the library (:func:`floorplan.io.read_plan`,
:func:`floorplan.engine.check`, the reporters and renderers), imported only when called,
so ``import floorplan`` stays light. :func:`check` returns a :class:`Report`: the
engine's :class:`floorplan.report.Report` with the methods a notebook wants
(``rooms``, ``to_dataframe``, ``render``, ``save``, ``_repr_html_``,
``__geo_interface__``), which call the reporters and renderers. They live here, not on
the engine's class, because the reporters read that class: the imports keep pointing
one way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from floorplan import report as _report

if TYPE_CHECKING:
    from floorplan.model import Plan
    from floorplan.profiles import Profile

#: keyword options of :func:`read` that override what the plan says
META_OPTIONS = ("scheme", "tenants", "wheelchair", "name", "crs")


def read(path: str | os.PathLike, *, units: str | None = None,
         layer_map: str | os.PathLike | None = None,
         corrections: str | os.PathLike | bool | None = None, **meta: Any) -> Plan:
    """Read a plan (DXF, GeoJSON, an IMDF folder or zip) into a :class:`~floorplan.model.Plan`.

    ``units`` overrides the drawing's units, ``layer_map`` names a DXF layer-map TOML, and
    ``scheme``, ``tenants``, ``wheelchair``, ``name`` and ``crs`` override what the plan
    says, as the command line's options do. ``corrections`` is the assessor's corrections
    file to apply (``docs/corrections.md``): by default ``PLAN.corrections.toml`` beside
    the plan when there is one, as every command does; ``False`` reads the plan exactly as
    drawn. Raises :class:`~floorplan.errors.PlanReadError` for a plan that cannot be used
    (:class:`~floorplan.errors.CorrectionsError` for a corrections file).
    """
    from dataclasses import replace

    from floorplan.io.corrected import read_corrected

    unknown = sorted(set(meta) - set(META_OPTIONS))
    if unknown:
        raise TypeError(f"read() got unexpected options {unknown} (known: units, layer_map, corrections, "
                        f"{', '.join(META_OPTIONS)})")
    named = None if isinstance(corrections, bool) else corrections
    plan = read_corrected(path, units=units, layer_map=layer_map, corrections=named,
                          use_beside=corrections is not False)
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
    return Report.of(run(plan, profile if not isinstance(profile, os.PathLike) else Path(profile)))


@dataclass(frozen=True)
class Report(_report.Report):
    """A report with the methods notebooks and scripts use (see ``docs/python.md``)."""

    @classmethod
    def of(cls, report: _report.Report) -> Report:
        """The engine's report as this class (the same findings and plan, not copied)."""
        if isinstance(report, cls):
            return report
        return cls(**{f.name: getattr(report, f.name) for f in fields(report)})

    @property
    def rooms(self) -> list[dict]:
        """Each room with its measurements, as in the JSON report."""
        return self.to_dict()["rooms"]

    def to_dataframe(self) -> Any:
        """The findings as a pandas DataFrame (needs pandas), one row per finding."""
        from floorplan.reporters.table import dataframe

        return dataframe(self)

    def render(self, path: str | os.PathLike, image_backend: str | None = None) -> Path:
        """Draw the marked-up plan to ``path`` (.png, .svg, .pdf or .dxf); returns the path.

        ``image_backend`` (``"pillow"``, the default for PNG, or ``"matplotlib"``) chooses
        who draws a PNG; SVG and PDF are matplotlib's."""
        from floorplan.render import render_to_file

        render_to_file(self, path, image_backend=image_backend)
        return Path(path)

    def save(self, path: str | os.PathLike, **options: Any) -> Path:
        """Write the report to ``path`` in the format its extension names (.json, .html,
        .csv, .xlsx, .geojson, .txt); returns the path."""
        from floorplan.reporters import save

        return save(self, path, **options)

    @property
    def __geo_interface__(self) -> dict:
        """The rooms with their results as GeoJSON, in the plan file's own coordinates."""
        import json

        from floorplan.reporters import geojson_report

        return json.loads(geojson_report.render(self))

    def _repr_html_(self) -> str:
        """For Jupyter: the verdict, the marked-up plan, what is not met or to review."""
        from floorplan.reporters import notebook

        return notebook.render(self)
