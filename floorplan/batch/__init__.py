"""Check many plans: find them, run them in a process pool or on a Dask cluster, and summarise.

Each plan is read, checked and written (one JSON report, one image and its thumbnail) by
a worker, which hands back a small :class:`Row`; a plan that cannot be read is a row with
its one-line error and never stops the others. Rows are appended to ``summary.jsonl`` as
plans finish (:mod:`floorplan.batch.journal`), and the summaries (CSV, JSON, an HTML index)
are written from it at the end (:mod:`floorplan.batch.summary`); the exit code is the
worst of all plans (0 pass, 1 fail, 2 unusable). Plans run in this machine's processes
(:mod:`floorplan.pool`, the default) or as tasks on a Dask cluster
(:mod:`floorplan.batch.cluster`).

Nothing here prints: progress is reported through a callback, so the command line
chooses between a progress bar and plain lines.
"""

from __future__ import annotations

import io
import logging
import os
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from floorplan.batch.journal import JOURNAL_FILE, LOG_FILE, SUMMARY_FILES, Journal
from floorplan.batch.preload import preload as _preload
from floorplan.batch.rows import (
    DEFAULTS,
    JOURNAL_FIELDS,
    RESULT_ORDER,
    REVIEW_PREFIX,
    SUMMARY_FIELDS,
    Job,
    Options,
    Row,
    count_results,
    exit_code,
    totals,
    with_changes,
    worst_first,
)
from floorplan.batch.summary import (
    findings_csv,
    summary_csv,
    summary_dict,
    summary_html,
    summary_json,
)
from floorplan.errors import FloorplanError
from floorplan.io.discover import PLAN_SUFFIXES, Missing, expand, output_names

log = logging.getLogger(__name__)

#: thumbnails in the HTML index are this many pixels wide at most
THUMB_WIDTH = 360
#: seconds one plan may take before its process is stopped (``--timeout``)
DEFAULT_TIMEOUT_S = 300.0
#: failure and warning messages kept in a summary row
MAX_MESSAGES = 5


# --------------------------------------------------------------------------- one plan


def run_one(job: Job) -> Row:
    """Read, check and write one plan; every problem becomes the row's error, never an exception."""
    start = time.perf_counter()
    if job.missing is not None:
        return Row(job.source, job.name, error=f"{job.source}: {job.missing}")
    try:
        row = _run_one(job)
    except FloorplanError as exc:
        row = Row(job.source, job.name, error=_one_line(str(exc)))
    except RecursionError:
        row = Row(job.source, job.name, error=f"{job.source}: nested too deeply to read")
    except MemoryError:
        row = Row(job.source, job.name, error=f"{job.source}: out of memory")
    except Exception as exc:  # a bug must not stop the other plans
        # the traceback goes with the row (to batch.log with --verbose), never to stderr
        log.debug("internal error on %s", job.source, exc_info=True)
        row = Row(job.source, job.name, detail=traceback.format_exc(),
                  error=_one_line(f"{job.source}: internal error: {type(exc).__name__}: {exc}"))
    return with_changes(row, seconds=time.perf_counter() - start)


def _one_line(text: str, limit: int = 500) -> str:
    """An error as one line: an exception's message may hold newlines."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _run_one(job: Job) -> Row:
    from floorplan import reporters
    from floorplan.engine import check
    from floorplan.io.atomic import write_atomic
    from floorplan.io.corrected import read_corrected
    from floorplan.reporters import table

    o = job.options
    plan = read_corrected(job.source, units=o.units, layer_map=o.layer_map,
                          use_beside=o.corrections, view=o.view, scheme=o.scheme, tenants=o.tenants,
                          wheelchair=o.wheelchair)
    report = check(plan, o.profile)
    outdir = Path(job.outdir)
    report_rel = f"reports/{job.name}.json"
    write_atomic(outdir / report_rel, reporters.get("json")(report))
    image_rel, note, thumb = None, None, None
    if o.images:
        image_rel, note, thumb = _image(report, outdir, job.name)
    counts = report.counts
    fails = [f for f in report.findings if str(f.status) == "fail"]
    warns = [f for f in report.findings if str(f.status) == "warn"]
    failing = sorted({f.rule for f in fails})
    messages = _messages(fails, warns)
    return Row(
        source=job.source, name=job.name, title=plan.meta.name, format=plan.meta.format,
        result=report.result, exit_code=report.exit_code, rooms=len(plan.rooms),
        dwellings=len(plan.dwellings), passed=counts["pass"], failed=counts["fail"],
        warned=counts["warn"], not_applicable=counts["not_applicable"],
        failing_rules=" ".join(failing), messages=messages, report=report_rel, image=image_rel,
        image_note=note, thumbnail=thumb, findings=tuple(table.rows(report)),
    )


def _messages(fails: list, warns: list) -> tuple[str, ...]:
    """Failures one by one (the first few), then warnings one line per rule: a plan with
    400 unnamed rooms reads as one FP004 line, not 400."""
    out = [f"{f.rule} {f.name}: {f.message}" for f in fails[:MAX_MESSAGES]]
    if len(fails) > MAX_MESSAGES:
        out.append(f"... and {len(fails) - MAX_MESSAGES} more not met (see the report)")
    by_rule: dict[tuple[str, str], list] = {}
    for f in warns:
        by_rule.setdefault((f.rule, f.name), []).append(f)
    for (rule, name), fs in list(by_rule.items())[:MAX_MESSAGES]:
        more = f" ({len(fs)} to review; the first)" if len(fs) > 1 else ""
        out.append(f"{REVIEW_PREFIX}{rule} {name}{more}: {fs[0].message}")
    if len(by_rule) > MAX_MESSAGES:
        out.append(f"{REVIEW_PREFIX}... and {len(by_rule) - MAX_MESSAGES} more rules to review "
                   "(see the report)")
    return tuple(out)


def _image(report, outdir: Path, name: str) -> tuple[str | None, str | None, str | None]:
    """Draw the plan; ``(image path, note, thumbnail)`` - a missing renderer is a note."""
    try:
        from floorplan.render import render_to_file
    except ImportError:
        return None, "no image (the renderer is not installed in this version)", None
    rel = f"images/{name}.png"
    try:
        render_to_file(report, outdir / rel)
    except FloorplanError as exc:
        return None, f"no image: {exc}", None
    except Exception as exc:  # drawing must not lose the report
        log.exception("rendering %s", name)
        return None, f"no image: internal error: {type(exc).__name__}: {exc}", None
    return rel, None, _thumbnail(outdir / rel, outdir / f"thumbs/{name}.png")


def _thumbnail(image: Path, path: Path) -> str | None:
    """A small PNG of ``image`` at ``path`` for the HTML index, which links it (inlined,
    33 kB a plan made the index 1.6 GB at 50,000 plans); its path relative to the output
    folder, or ``None`` (no Pillow, or not a raster image: the index shows the image)."""
    from floorplan.io.atomic import write_atomic

    try:
        from PIL import Image

        with Image.open(image) as im:
            im.thumbnail((THUMB_WIDTH, THUMB_WIDTH * 2))
            buf = io.BytesIO()
            im.convert("RGB").save(buf, format="PNG", optimize=True)
        write_atomic(path, buf.getvalue())
    except Exception:
        return None
    return f"thumbs/{path.name}"


# --------------------------------------------------------------------------- many plans


def make_jobs(paths: Iterable[str | os.PathLike], outdir: str | os.PathLike,
              options: Options = DEFAULTS) -> list[Job]:
    """One job per plan that ``paths`` name (missing paths become jobs that report it)."""
    found = expand(paths, exclude=[outdir])
    names = output_names(found)
    jobs = []
    for i, (p, name) in enumerate(zip(found, names, strict=True)):
        if isinstance(p, Missing):
            jobs.append(Job(i, p.path, name, str(outdir), options, missing=p.problem))
        else:
            jobs.append(Job(i, str(p), name, str(outdir), options))
    return jobs


def outputs(jobs: Sequence[Job], outdir: str | os.PathLike,
            options: Options = DEFAULTS) -> list[Path]:
    """Every file the batch writes (reports, images, summaries), for checking beforehand."""
    out = Path(outdir)
    paths = [out / name for name in (*SUMMARY_FILES, LOG_FILE, JOURNAL_FILE)]
    for job in jobs:
        if job.missing is None:
            paths.append(out / "reports" / f"{job.name}.json")
            if options.images:
                paths.append(out / "images" / f"{job.name}.png")
                paths.append(out / "thumbs" / f"{job.name}.png")
    return paths


def default_jobs() -> int:
    return os.cpu_count() or 1


def run(jobs: Sequence[Job], workers: int | None = None,
        on_row: Callable[[Row, int, int], None] | None = None,
        timeout: float | None = DEFAULT_TIMEOUT_S, scheduler: str | None = None,
        keep: bool = True) -> list[Row]:
    """Run every job; rows come back in the jobs' order (none with ``keep`` false: then
    ``on_row`` is where they go, and memory does not grow with the batch).

    ``workers`` processes (default: every core), each plan in one of them with
    ``timeout`` seconds to finish (``None``: no limit; with one worker and no limit the
    plans run in this process). With ``scheduler`` (a Dask scheduler's address, or
    ``"local"`` for a new local cluster of ``workers`` processes) the plans are tasks on
    that cluster instead (:mod:`floorplan.batch.cluster`). A plan that runs out of time,
    or whose process dies, is a row with that error; the others go on.
    ``on_row(row, done, total)`` is called as each plan finishes, in the order they finish.
    """
    from floorplan import pool

    total = len(jobs)
    if not jobs:
        return []
    for d in ("reports", "images", "thumbs"):
        Path(jobs[0].outdir, d).mkdir(parents=True, exist_ok=True)
    rows: dict[int, Row] = {}
    count = 0

    def done(job: Job, row: Row) -> None:
        nonlocal count
        count += 1
        if keep:
            rows[job.index] = row
        if on_row is not None:
            on_row(row, count, total)

    def fault(job: Job, problem: str) -> None:
        done(job, Row(job.source, job.name, error=f"{job.source}: {problem}"))

    if scheduler is not None:
        from floorplan.batch import cluster

        cluster.run(jobs, run_one, scheduler, workers, timeout, on_result=done, on_fault=fault)
        return [rows[job.index] for job in jobs] if keep else []
    workers = max(1, min(workers or default_jobs(), total))
    if workers == 1 and not timeout:
        for job in jobs:
            done(job, run_one(job))
    else:
        _preload(jobs[0].options)
        pool.run(jobs, run_one, workers, timeout, on_result=done,
                 on_timeout=lambda job: fault(job, (
                     f"stopped after {timeout:g} s (the --timeout for one plan)")),
                 on_died=lambda job: fault(job, (
                     "the process checking it stopped (out of memory, or a crash in a "
                     "geometry library)")))
    return [rows[job.index] for job in jobs] if keep else []


__all__ = ["JOURNAL_FIELDS", "JOURNAL_FILE", "Job", "Journal", "LOG_FILE", "Missing", "Options",
           "PLAN_SUFFIXES", "RESULT_ORDER", "REVIEW_PREFIX", "Row", "SUMMARY_FIELDS",
           "SUMMARY_FILES", "count_results", "default_jobs", "exit_code", "expand", "findings_csv", "make_jobs",
           "output_names", "outputs", "run", "run_one", "summary_csv", "summary_dict",
           "summary_html", "summary_json", "totals", "worst_first"]
