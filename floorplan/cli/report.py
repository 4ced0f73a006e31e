"""``floorplan report PLAN --output FILE``: the report a file's extension names.

``pack.pdf`` is the assessment pack, ``findings.csv`` / ``.xlsx`` the findings table,
``report.html`` the page: ``check`` with its format taken from ``--output``.
"""

from __future__ import annotations

import click

from floorplan.cli import check as check_cmd
from floorplan.cli.options import (
    corrections_options,
    crs_option,
    fail,
    image_backend_option,
    plan_options,
    profile_option,
    quiet_option,
    user_errors,
)


@click.command(name="report")
@click.argument("plan", metavar="PLAN")
@profile_option
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="The report to write, chosen by extension: .pdf (the assessment pack), "
                   ".html, .csv, .xlsx, .json, .geojson or .txt.")
@click.option("--date", default=None, metavar="TEXT",
              help="PDF pack: the date printed on its cover (none by default).")
@click.option("--image", type=click.Path(dir_okay=False), default=None,
              help="Also draw the marked-up plan (.png, .svg, .pdf, or .dxf for CAD).")
@image_backend_option
@crs_option
@quiet_option
@plan_options
@corrections_options
@user_errors
@click.pass_context
def command(ctx, plan, profile, output, date, image, image_backend, crs, quiet, units, layer_map, view, scheme,
            tenants, wheelchair, corrections, no_corrections):
    """Check PLAN and write the report OUTPUT's extension names: pack.pdf is the
    assessment pack (cover, assumptions, each finding with a plan view, the schedule, the
    plan at scale on A3, what is not checked from a plan), findings.csv the table.

    Exit status as for 'check'.
    """
    from floorplan import reporters

    fmt = reporters.for_path(output)
    if fmt is None:
        fail(f"{output}: say which report by the extension: "
             + ", ".join(r.extension for r in reporters.REPORTERS.values()))
    ctx.invoke(check_cmd.command, plans=(plan,), profile=profile, fmt=fmt, output=output,
               image=image, image_backend=image_backend, verbose=False, date=date, crs=crs, quiet=quiet, units=units,
               layer_map=layer_map, view=view, scheme=scheme, tenants=tenants, wheelchair=wheelchair,
               corrections=corrections, no_corrections=no_corrections)
