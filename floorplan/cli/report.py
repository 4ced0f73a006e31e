"""``floorplan report PLAN --output FILE``: the report a file's extension names.

``findings.csv`` / ``.xlsx`` is the findings table, ``report.html`` the page: ``check``
with its format taken from ``--output``.
"""

from __future__ import annotations

import click

from floorplan.cli import check as check_cmd
from floorplan.cli.options import (
    corrections_options,
    crs_option,
    fail,
    plan_options,
    profile_option,
    quiet_option,
    user_errors,
)


@click.command(name="report")
@click.argument("plan", metavar="PLAN")
@profile_option
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="The report to write, chosen by extension: .html, .csv, .xlsx, .json, "
                   ".geojson or .txt.")
@click.option("--image", type=click.Path(dir_okay=False), default=None,
              help="Also draw the marked-up plan (.png, .svg, .pdf, or .dxf for CAD).")
@crs_option
@quiet_option
@plan_options
@corrections_options
@user_errors
@click.pass_context
def command(ctx, plan, profile, output, image, crs, quiet, units, layer_map, view, scheme,
            tenants, wheelchair, corrections, no_corrections):
    """Check PLAN and write the report OUTPUT's extension names (findings.csv is the
    findings table, report.html the page).

    Exit status as for 'check'.
    """
    from floorplan import reporters

    fmt = reporters.for_path(output)
    if fmt is None:
        fail(f"{output}: say which report by the extension: "
             + ", ".join(r.extension for r in reporters.REPORTERS.values()))
    ctx.invoke(check_cmd.command, plans=(plan,), profile=profile, fmt=fmt, output=output,
               image=image, verbose=False, crs=crs, quiet=quiet, units=units,
               layer_map=layer_map, view=view, scheme=scheme, tenants=tenants, wheelchair=wheelchair,
               corrections=corrections, no_corrections=no_corrections)
