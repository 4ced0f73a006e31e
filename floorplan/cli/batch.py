"""``floorplan batch PATH... --output DIR [--jobs N]``: many plans, one summary.

Thin: finds the plans, hands them to :mod:`floorplan.batch`, shows progress (a rich
progress bar on a terminal, plain lines otherwise) and prints where the summary is.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from floorplan.cli.options import fail, plan_options, profile_option, user_errors

_MARK = {"pass": "pass", "warn": "WARN", "fail": "FAIL", "error": "ERROR"}


@click.command(name="batch")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--output", "-o", type=click.Path(file_okay=False), required=True,
              help="Folder for the reports, images and summary (made if missing).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Plans checked at once, each in its own process (default: every core).")
@click.option("--images/--no-images", default=True, show_default=True,
              help="Draw each plan's marked-up image.")
@profile_option
@plan_options
@user_errors
def command(paths, output, jobs, images, profile, units, layer_map, view, scheme, tenants,
            wheelchair):
    """Check every plan in PATH (files, folders, glob patterns): one JSON report and one
    image per plan in OUTPUT, and a summary (summary.csv, summary.json, index.html).

    Folders are searched, with their sub-folders, for .dxf, .geojson and .json plans.
    A plan that cannot be read is listed in the summary with its error; the others go on.
    Exit status: the worst of all plans (0 pass, 1 a plan fails, 2 a plan could not be read).
    """
    from floorplan import batch
    from floorplan.profiles import load_profile

    load_profile(profile)  # a profile that cannot be used stops here, not once per plan
    outdir = Path(output)
    if outdir.exists() and not outdir.is_dir():
        fail(f"{output}: --output must be a folder")
    options = batch.Options(profile=profile, units=units, layer_map=layer_map, view=view, scheme=scheme,
                            tenants=tenants, wheelchair=wheelchair, images=images)
    job_list = batch.make_jobs(paths, outdir, options)
    if not job_list:
        fail(f"no plans found in {' '.join(paths)} (looked for .dxf, .geojson and .json files)")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"{output}: cannot make the folder ({exc.strerror or exc})")
    workers = jobs or batch.default_jobs()
    start = time.perf_counter()
    if sys.stderr.isatty():
        rows = _with_progress_bar(batch, job_list, workers)
    else:
        rows = batch.run(job_list, workers, on_row=_plain_line)
    paths_out = batch.write_summaries(outdir, rows, options)
    t = batch.totals(rows)
    click.echo(f"{t['plans']} plans in {time.perf_counter() - start:.1f} s: {t['fail']} fail, "
               f"{t['warn']} warn, {t['pass']} pass, {t['error']} could not be read")
    for r in rows:
        if r.error:
            click.echo(f"  {r.error}")
    click.echo(f"summary: {paths_out['html']} (and {paths_out['csv'].name}, {paths_out['json'].name})")
    sys.exit(batch.exit_code(rows))


def _plain_line(row, done: int, total: int) -> None:
    width = len(str(total))
    click.echo(f"[{done:>{width}}/{total}] {_MARK[row.result]:<5} {row.source}", err=True)


def _with_progress_bar(batch, job_list, workers):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    # auto_refresh off: no refresh thread, so the worker processes are forked from a
    # single-threaded parent; the bar is redrawn as each plan finishes
    progress = Progress(TextColumn("checking plans"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), TextColumn("{task.description}"),
                        console=Console(stderr=True), auto_refresh=False, transient=False)
    with progress:
        task = progress.add_task("", total=len(job_list))

        def on_row(row, done, total):
            progress.update(task, completed=done, description=f"{_MARK[row.result]} {row.name}")
            progress.refresh()

        progress.refresh()
        return batch.run(job_list, workers, on_row=on_row)
