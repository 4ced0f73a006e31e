"""``floorplan check PLAN... [--format FORMAT] [--output PATH] [--image PATH]``

The format is ``--format``, else the one the ``--output`` file's extension names, else
text: never chosen by whether standard output is a terminal (``check P > report.txt``
gives text, as it does on screen).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from floorplan.cli.options import (
    apply_crs,
    corrections_options,
    crs_option,
    fail,
    image_backend_option,
    input_paths,
    load_plan,
    plan_options,
    profile_option,
    quiet_option,
    user_errors,
)
from floorplan.errors import FloorplanError

FORMATS = ["text", "json", "html", "geojson", "csv", "xlsx", "pdf", "bcf"]


def choose_format(fmt: str | None, output: str | None, n_plans: int = 1) -> str:
    """``--format``, else the format the output file's extension names, else text."""
    from floorplan import reporters

    if fmt is not None:
        return fmt
    if output and n_plans == 1:
        by_ext = reporters.for_path(output)
        if by_ext is not None:
            return by_ext
    return "text"


def render_report(render, fmt: str, report, verbose: bool = False, date: str | None = None):
    """Call a reporter with the options it takes."""
    if fmt == "text":
        return render(report, verbose=verbose)
    if fmt in ("pdf", "bcf"):
        return render(report, date=date)
    return render(report)


@click.command(name="check")
@click.argument("plans", nargs=-1, required=True, metavar="PLAN...")
@profile_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format (default: the --output file's extension, else text).")
@click.option("--output", "-o", type=click.Path(), default=None,
              help="Write the report here instead of standard output (a folder for several plans).")
@click.option("--image", type=click.Path(dir_okay=False), default=None,
              help="Also draw the marked-up plan (.png, .svg, .pdf, or .dxf for CAD).")
@image_backend_option
@click.option("--verbose", "-v", is_flag=True, help="Text report: list passes too.")
@click.option("--date", default=None, metavar="TEXT",
              help="PDF pack: the date printed on its cover (none by default, so the same "
                   "plan gives the same file); BCF: the topics' creation date (default now).")
@crs_option
@quiet_option
@plan_options
@corrections_options
@user_errors
def command(plans, profile, fmt, output, image, image_backend, verbose, date, crs, quiet, units, layer_map,
            view, scheme, tenants, wheelchair, corrections, no_corrections):
    """Check PLAN (DXF or GeoJSON; - for GeoJSON on standard input) and report.

    Exit status 0 when every applicable rule passes (warnings allowed), 1 when a rule
    fails, 2 when a plan or the command line cannot be used.
    """
    from floorplan._gc import paused_gc

    # the modules imported here live to the end: no collector's pass over them (about
    # sixty while shapely and numpy are imported), and afterwards they are results
    with paused_gc(results=True):
        from floorplan import reporters
        from floorplan.engine import check
        from floorplan.io.atomic import write_atomic
        from floorplan.io.discover import output_names
        from floorplan.io.paths import guard
        from floorplan.profiles import load_profile

    fmt = choose_format(fmt, output, len(plans))
    if reporters.is_binary(fmt) and not output:
        fail(f"--format {fmt} writes a file: give --output FILE{reporters.extension(fmt)}")
    profile_arg = profile
    profile = load_profile(profile)  # once, and before any plan: a bad profile is one line
    if len(plans) > 1 and image:
        fail("--image takes one plan; use 'floorplan batch' for many")
    if len(plans) > 1 and corrections:
        fail("--corrections takes one plan; with several, each plan's own "
             "PLAN.corrections.toml beside it is read")
    if image and image_backend:
        from floorplan.render import backend_for

        backend_for(image, image_backend)  # one line, exit 2, before any work
    render = reporters.get(fmt)
    targets: list[Path | None] = [Path(output) if output else None] * len(plans)
    if output and len(plans) > 1:
        outdir = Path(output)
        if not outdir.is_dir():
            fail(f"{output}: with several plans --output must be an existing folder")
        # distinct names: a/x.geojson and b/x.geojson must not both become DIR/x.json
        targets = [outdir / (name + reporters.extension(fmt)) for name in output_names(plans)]
    # before any work: no output may be an input, a link, a FIFO or a device
    guard(input_paths(plans, layer_map, profile_arg, corrections), [*targets, image])
    worst = 0
    texts = []
    for path, target in zip(plans, targets, strict=True):
        try:
            plan = apply_crs(load_plan(path, units, layer_map, scheme, tenants, wheelchair,
                                       corrections, no_corrections, view), crs, path)
            report = check(plan, profile)
        except FloorplanError as exc:
            click.echo(f"floorplan: {exc}", err=True)
            worst = 2
            continue
        text = render_report(render, fmt, report, verbose=verbose, date=date)
        if image:
            from floorplan.render import render_to_file

            render_to_file(report, image, image_backend=image_backend)
        if target is not None:
            write_atomic(target, text)
        else:
            texts.append(text)
        worst = max(worst, report.exit_code)
    if texts and not quiet:
        if fmt == "json" and len(texts) > 1:
            click.echo("[\n" + ",\n".join(t.rstrip() for t in texts) + "\n]")
        else:
            click.echo("".join(texts), nl=False)
    sys.exit(worst)
