"""``floorplan batch PATH... --output DIR [--jobs N]``: many plans, one summary.

Thin: finds the plans, hands them to :mod:`floorplan.batch`, shows progress (a rich
progress bar on a terminal, plain lines otherwise) and prints where the summary is.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from floorplan.cli.options import (
    fail,
    input_paths,
    no_corrections_option,
    plan_options,
    profile_option,
    quiet_option,
    user_errors,
)
from floorplan.io.paths import guard

_MARK = {"pass": "met", "warn": "review", "fail": "NOT MET", "cannot_assess": "NO VERDICT", "error": "ERROR"}


@click.command(name="batch")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--output", "-o", type=click.Path(file_okay=False), required=True,
              help="Folder for the reports, images and summary (made if missing).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Plans checked at once, each in its own process (default: every core).")
@click.option("--images/--no-images", default=True, show_default=True,
              help="Draw each plan's marked-up image.")
@click.option("--timeout", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="Stop a plan that takes longer than this (default 300; 0: no limit).")
@click.option("--verbose", "-v", is_flag=True,
              help="Write the traceback of each internal error to OUTPUT/batch.log.")
@profile_option
@quiet_option
@plan_options
@no_corrections_option
@user_errors
def command(paths, output, jobs, images, timeout, verbose, profile, quiet, units, layer_map,
            view, scheme, tenants, wheelchair, no_corrections):
    """Check every plan in PATH (files, folders, glob patterns): one JSON report and one
    image per plan in OUTPUT, and a summary (summary.csv, findings.csv, summary.json,
    index.html).

    Folders are searched, with their sub-folders, for .dxf, .geojson and .json plans; each
    plan's PLAN.corrections.toml beside it is applied (not with --no-corrections).
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
                            tenants=tenants, wheelchair=wheelchair, images=images,
                            corrections=not no_corrections)
    job_list = batch.make_jobs(paths, outdir, options)
    if not job_list:
        fail(f"no plans found in {' '.join(paths)} (looked for .dxf, .geojson and .json files)")
    # before any work: no report, image or summary may replace a plan (or be a link, FIFO...)
    guard(input_paths([j.source for j in job_list if j.missing is None], layer_map, profile),
          batch.outputs(job_list, outdir, options), folders_made=True)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"{output}: cannot make the folder ({exc.strerror or exc})")
    workers = jobs or batch.default_jobs()
    budget = batch.DEFAULT_TIMEOUT_S if timeout is None else (timeout or None)
    start = time.perf_counter()
    if quiet:
        rows = batch.run(job_list, workers, timeout=budget)
    elif sys.stderr.isatty():
        rows = _with_progress_bar(batch, job_list, workers, budget)
    else:
        rows = batch.run(job_list, workers, on_row=_plain_line, timeout=budget)
    paths_out = batch.write_summaries(outdir, rows, options)
    log_path = batch.write_log(outdir, rows) if verbose else None
    t = batch.totals(rows)
    if quiet:
        for r in rows:
            if r.error:
                click.echo(f"floorplan: {r.error}", err=True)
        sys.exit(batch.exit_code(rows))
    click.echo(f"{t['plans']} plans in {time.perf_counter() - start:.1f} s: {t['fail']} not met, "
               f"{t['warn']} to review, {t['pass']} met, {t['error']} could not be read")
    for r in rows:
        if r.error:
            click.echo(f"  {r.error}")
    if log_path is not None:
        click.echo(f"tracebacks of the internal errors: {log_path}")
    elif any(r.detail for r in rows):
        click.echo("(run again with --verbose to keep the tracebacks in batch.log)")
    click.echo(f"summary: {paths_out['html']} (and {paths_out['csv'].name}, "
               f"{paths_out['findings'].name}, {paths_out['json'].name})")
    sys.exit(batch.exit_code(rows))


def _plain_line(row, done: int, total: int) -> None:
    width = len(str(total))
    click.echo(f"[{done:>{width}}/{total}] {_MARK[row.result]:<7} {row.source}", err=True)


def _with_progress_bar(batch, job_list, workers, budget):
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
        return batch.run(job_list, workers, on_row=on_row, timeout=budget)
