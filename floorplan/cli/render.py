"""``floorplan render PLAN [--profile ID] --output FILE.png|.svg|.pdf|.dxf``"""

from __future__ import annotations

import sys

import click

from floorplan.cli.options import load_plan, plan_options, profile_option, user_errors


@click.command(name="render")
@click.argument("plan", metavar="PLAN")
@profile_option
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="Where to draw: .png, .svg, .pdf (one page per level) or .dxf (the mark-up "
                   "on its own layers over the original drawing).")
@plan_options
@user_errors
def command(plan, profile, output, units, layer_map, view, scheme, tenants,
            wheelchair):
    """Check PLAN and draw it marked up: rooms coloured by result, what each rule measured.

    The input file is never changed. Exit status as for 'check': 0 every applicable rule
    passes, 1 a rule fails, 2 the plan or the command line cannot be used.
    """
    from floorplan.engine import check
    from floorplan.render import render_to_file

    p = load_plan(plan, units, layer_map, scheme, tenants, wheelchair, view)
    report = check(p, profile)
    render_to_file(report, output)
    click.echo(f"{output}: {report.result} ({report.counts['fail']} fail, "
               f"{report.counts['warn']} warn, {report.counts['pass']} pass)", err=True)
    sys.exit(report.exit_code)
