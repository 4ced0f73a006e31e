"""``floorplan batch PATH... --output DIR [--jobs N] [--scheduler ADDRESS|local] [--resume]``.

Thin: finds the plans, hands them to :mod:`floorplan.batch` (a process pool, or a Dask
cluster with ``--scheduler``), appends each row to the journal as it comes, shows
progress (a rich progress bar on a terminal, plain lines otherwise) and prints where the
summary is.
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
@click.option("--scheduler", metavar="ADDRESS|local", default=None,
              help="Run each plan as a task on the Dask cluster at ADDRESS "
                   "(tcp://HOST:8786), or on a new local one of --jobs workers with 'local' "
                   "(needs the extra: pip install 'floorplan-check[dask]').")
@click.option("--resume", is_flag=True,
              help="Keep the rows of plans already checked into OUTPUT (their report newer "
                   "than the plan) and check only the others.")
@click.option("--verbose", "-v", is_flag=True,
              help="Write the traceback of each internal error to OUTPUT/batch.log.")
@profile_option
@quiet_option
@plan_options
@no_corrections_option
@user_errors
def command(paths, output, jobs, images, timeout, scheduler, resume, verbose, profile, quiet,
            units, layer_map, view, scheme, tenants, wheelchair, no_corrections):
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

    if scheduler is not None:
        from floorplan.batch import cluster

        if not cluster.available():
            fail(cluster.INSTALL_HINT)
    if "://" in output:
        fail(f"{output}: --output must be a folder path every worker sees (a local or shared "
             "folder); URLs (s3://, file://) are not supported yet")
    if any(p == "" for p in paths):  # Path("") is the current folder: not what was meant
        fail("a path is empty: name a plan, a folder or a pattern")
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
    with batch.Journal(outdir, options, resume=resume) as journal:
        todo = journal.pending(job_list) if resume else job_list
        if resume and not quiet:
            click.echo(f"{len(job_list) - len(todo)} of {len(job_list)} plans already checked "
                       "(--resume): their rows are kept", err=True)
        if quiet:
            show = None
        elif sys.stderr.isatty():
            show = "bar"
        else:
            show = _plain_line
        _run(batch, journal, todo, workers, budget, scheduler, show)
        paths_out = journal.finish(job_list, verbose=verbose)
        results, errors, code, internal = [], [], 0, False
        for r in journal.rows(job_list):  # one at a time: only the errors are kept
            results.append(r.result)
            code, internal = max(code, r.exit_code), internal or bool(r.detail)
            if r.error:
                errors.append(r.error)
        t = batch.count_results(results)
    if quiet:
        for e in errors:
            click.echo(f"floorplan: {e}", err=True)
        sys.exit(code)
    click.echo(f"{t['plans']} plans in {time.perf_counter() - start:.1f} s: {t['fail']} not met, "
               f"{t['warn']} to review, {t['pass']} met, {t['error']} could not be read")
    for e in errors:
        click.echo(f"  {e}")
    if "log" in paths_out:
        click.echo(f"tracebacks of the internal errors: {paths_out['log']}")
    elif internal:
        click.echo("(run again with --verbose to keep the tracebacks in batch.log)")
    click.echo(f"summary: {paths_out['html']} (and {paths_out['csv'].name}, "
               f"{paths_out['findings'].name}, {paths_out['json'].name}, {batch.JOURNAL_FILE})")
    sys.exit(code)


def _run(batch, journal, todo, workers, budget, scheduler, show) -> None:
    """Run the plans, each row into the journal as it comes (none kept in memory)."""
    if show == "bar":
        _with_progress_bar(batch, journal, todo, workers, budget, scheduler)
        return

    def on_row(row, done, total):
        journal.add(row)
        if show is not None:
            show(row, done, total)

    batch.run(todo, workers, on_row=on_row, timeout=budget, scheduler=scheduler, keep=False)


def _plain_line(row, done: int, total: int) -> None:
    width = len(str(total))
    click.echo(f"[{done:>{width}}/{total}] {_MARK[row.result]:<7} {row.source}", err=True)


def _with_progress_bar(batch, journal, job_list, workers, budget, scheduler):
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
            journal.add(row)
            progress.update(task, completed=done, description=f"{_MARK[row.result]} {row.name}")
            progress.refresh()

        progress.refresh()
        batch.run(job_list, workers, on_row=on_row, timeout=budget, scheduler=scheduler,
                  keep=False)
