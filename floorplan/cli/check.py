"""``floorplan check PLAN... [--format text|json|html|geojson] [--output PATH] [--image PATH]``"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from floorplan.cli.options import fail, load_plan, plan_options, profile_option, user_errors
from floorplan.errors import FloorplanError


@click.command(name="check")
@click.argument("plans", nargs=-1, required=True, metavar="PLAN...")
@profile_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html", "geojson"]), default=None,
              help="Report format (default: text on a terminal, json otherwise).")
@click.option("--output", "-o", type=click.Path(), default=None,
              help="Write the report here instead of standard output (a folder for several plans).")
@click.option("--image", type=click.Path(dir_okay=False), default=None,
              help="Also draw the marked-up plan (.png, .svg, .pdf, or .dxf for CAD).")
@click.option("--verbose", "-v", is_flag=True, help="Text report: list passes too.")
@plan_options
@user_errors
def command(plans, profile, fmt, output, image, verbose, units, layer_map, view, scheme, tenants,
            wheelchair):
    """Check PLAN (DXF or GeoJSON; - for GeoJSON on standard input) and report.

    Exit status 0 when every applicable rule passes (warnings allowed), 1 when a rule
    fails, 2 when a plan or the command line cannot be used.
    """
    from floorplan import reporters
    from floorplan.engine import check
    from floorplan.io.atomic import write_atomic
    from floorplan.profiles import load_profile

    if fmt is None:
        fmt = "text" if sys.stdout.isatty() else "json"
    profile = load_profile(profile)  # once, and before any plan: a bad profile is one line
    if len(plans) > 1 and image:
        fail("--image takes one plan; use 'floorplan batch' for many")
    outdir = None
    if output and len(plans) > 1:
        outdir = Path(output)
        if not outdir.is_dir():
            fail(f"{output}: with several plans --output must be an existing folder")
    render = reporters.get(fmt)
    worst = 0
    texts = []
    for path in plans:
        try:
            plan = load_plan(path, units, layer_map, scheme, tenants, wheelchair, view)
            report = check(plan, profile)
        except FloorplanError as exc:
            click.echo(f"floorplan: {exc}", err=True)
            worst = 2
            continue
        text = render(report, verbose=verbose) if fmt == "text" else render(report)
        if image:
            from floorplan.render import render_to_file

            render_to_file(report, image)
        if outdir is not None:
            write_atomic(outdir / (Path(path).stem + reporters.extension(fmt)), text)
        elif output:
            write_atomic(output, text)
        else:
            texts.append(text)
        worst = max(worst, report.exit_code)
    if texts:
        if fmt == "json" and len(texts) > 1:
            click.echo("[\n" + ",\n".join(t.rstrip() for t in texts) + "\n]")
        else:
            click.echo("".join(texts), nl=False)
    sys.exit(worst)
