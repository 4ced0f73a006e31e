"""``floorplan check PLAN... [--format text|json|html|geojson] [--output PATH] [--image PATH]``"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from floorplan.cli.options import (
    fail,
    input_paths,
    load_plan,
    plan_options,
    profile_option,
    user_errors,
)
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
def command(plans, profile, fmt, output, image, verbose, units, layer_map, scheme, tenants, wheelchair):
    """Check PLAN (DXF or GeoJSON; - for GeoJSON on standard input) and report.

    Exit status 0 when every applicable rule passes (warnings allowed), 1 when a rule
    fails, 2 when a plan or the command line cannot be used.
    """
    from floorplan import reporters
    from floorplan.engine import check
    from floorplan.io.atomic import write_atomic
    from floorplan.io.discover import output_names
    from floorplan.io.paths import guard
    from floorplan.profiles import load_profile

    if fmt is None:
        fmt = "text" if sys.stdout.isatty() else "json"
    profile_arg = profile
    profile = load_profile(profile)  # once, and before any plan: a bad profile is one line
    if len(plans) > 1 and image:
        fail("--image takes one plan; use 'floorplan batch' for many")
    render = reporters.get(fmt)
    targets: list[Path | None] = [Path(output) if output else None] * len(plans)
    if output and len(plans) > 1:
        outdir = Path(output)
        if not outdir.is_dir():
            fail(f"{output}: with several plans --output must be an existing folder")
        # distinct names: a/x.geojson and b/x.geojson must not both become DIR/x.json
        targets = [outdir / (name + reporters.extension(fmt)) for name in output_names(plans)]
    # before any work: no output may be an input, a link, a FIFO or a device
    guard(input_paths(plans, layer_map, profile_arg), [*targets, image])
    worst = 0
    texts = []
    for path, target in zip(plans, targets, strict=True):
        try:
            plan = load_plan(path, units, layer_map, scheme, tenants, wheelchair)
            report = check(plan, profile)
        except FloorplanError as exc:
            click.echo(f"floorplan: {exc}", err=True)
            worst = 2
            continue
        text = render(report, verbose=verbose) if fmt == "text" else render(report)
        if image:
            from floorplan.render import render_to_file

            render_to_file(report, image)
        if target is not None:
            write_atomic(target, text)
        else:
            texts.append(text)
        worst = max(worst, report.exit_code)
    if texts:
        if fmt == "json" and len(texts) > 1:
            click.echo("[\n" + ",\n".join(t.rstrip() for t in texts) + "\n]")
        else:
            click.echo("".join(texts), nl=False)
    sys.exit(worst)
