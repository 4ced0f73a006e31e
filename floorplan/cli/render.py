"""``floorplan render PLAN [--profile ID] --output FILE.png|.svg|.pdf|.dxf``"""

from __future__ import annotations

import sys

import click

from floorplan.cli.options import (
    corrections_options,
    image_backend_option,
    input_paths,
    load_plan,
    plan_options,
    profile_option,
    quiet_option,
    user_errors,
)


@click.command(name="render")
@click.argument("plan", metavar="PLAN")
@profile_option
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="Where to draw: .png, .svg, .pdf (one page per level) or .dxf (the mark-up "
                   "on its own layers over the original drawing).")
@image_backend_option
@quiet_option
@plan_options
@corrections_options
@user_errors
def command(plan, profile, output, image_backend, quiet, units, layer_map, view, scheme, tenants, wheelchair,
            corrections, no_corrections):
    """Check PLAN and draw it marked up: rooms coloured by result, what each rule measured.

    The input file is never changed. Exit status as for 'check': 0 every applicable rule
    passes, 1 a rule fails, 2 the plan or the command line cannot be used.
    """
    from floorplan.engine import check
    from floorplan.io.paths import guard
    from floorplan.render import backend_for, render_to_file

    backend_for(output, image_backend)  # a file no backend draws: one line, before any work
    guard(input_paths([plan], layer_map, profile, corrections), [output])  # before any work
    p = load_plan(plan, units, layer_map, scheme, tenants, wheelchair, corrections, no_corrections,
                  view)
    report = check(p, profile)
    render_to_file(report, output, image_backend=image_backend)
    if not quiet:
        from floorplan.findings import RESULT_WORDS, tally

        click.echo(f"{output}: {RESULT_WORDS.get(report.result, report.result)} "
                   f"({tally(report.counts, empty=False)})", err=True)
    sys.exit(report.exit_code)
