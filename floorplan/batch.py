"""Check many plans: find them, run them in a process pool, and summarise.

Each plan is read, checked and written (one JSON report and one image) by a worker,
which hands back a small :class:`Row`; a plan that cannot be read is a row with its
one-line error and never stops the others. The summary is written as CSV, JSON and an
HTML index; the exit code is the worst of all plans (0 pass, 1 fail, 2 unusable).

Nothing here prints: progress is reported through a callback, so the command line
chooses between a progress bar and plain lines.
"""

from __future__ import annotations

import base64
import io
import json
import logging
import os
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from floorplan._version import __version__
from floorplan.errors import FloorplanError
from floorplan.findings import STATUS_WORDS
from floorplan.io.discover import PLAN_SUFFIXES, Missing, expand, output_names

log = logging.getLogger(__name__)

#: results from worst to best, for ordering the index
#: how a message about a point to review begins in the batch summary (the words every
#: output uses: met / to review / not met)
REVIEW_PREFIX = "to review: "
RESULT_ORDER = {"error": 0, "cannot_assess": 1, "fail": 2, "warn": 3, "pass": 4}
#: thumbnails in the HTML index are this many pixels wide at most
THUMB_WIDTH = 360
#: seconds one plan may take before its process is stopped (``--timeout``)
DEFAULT_TIMEOUT_S = 300.0
#: failure and warning messages kept in a summary row
MAX_MESSAGES = 5


# --------------------------------------------------------------------------- one plan


@dataclass(frozen=True)
class Options:
    """How every plan of the batch is read and checked (the command line's options)."""

    profile: str | None = None
    units: str | None = None
    layer_map: str | None = None
    view: int | None = None
    scheme: str | None = None
    tenants: int | None = None
    wheelchair: bool | None = None
    images: bool = True
    #: read each plan's PLAN.corrections.toml beside it, where there is one
    corrections: bool = True


@dataclass(frozen=True)
class Job:
    index: int
    source: str
    name: str
    outdir: str
    options: Options
    missing: str | None = None


@dataclass(frozen=True)
class Row:
    """One plan's line in the summary. Paths are relative to the output folder."""

    source: str
    name: str
    title: str | None = None
    format: str | None = None
    result: str = "error"
    exit_code: int = 2
    rooms: int = 0
    dwellings: int = 0
    passed: int = 0
    failed: int = 0
    warned: int = 0
    not_applicable: int = 0
    failing_rules: str = ""
    #: the first few failure messages, then warnings, for a reader scanning the summary
    messages: tuple[str, ...] = ()
    report: str | None = None
    image: str | None = None
    error: str | None = None
    image_note: str | None = None
    #: data URI of a small PNG for the HTML index (not written to the CSV or JSON summary)
    thumbnail: str | None = field(default=None, compare=False, repr=False)
    #: seconds spent on this plan (not written to the summaries: they stay reproducible)
    seconds: float = field(default=0.0, compare=False)
    #: the traceback of an internal error (for ``batch.log`` with ``--verbose``; not in the
    #: summaries)
    detail: str | None = field(default=None, compare=False, repr=False)
    #: the plan's findings as table rows, for ``findings.csv`` (not in the summary)
    findings: tuple[dict, ...] = field(default=(), compare=False, repr=False)


#: the summary files the batch writes into its output folder
SUMMARY_FILES = ("summary.csv", "findings.csv", "summary.json", "index.html")
#: the tracebacks of internal errors, written with ``--verbose``
LOG_FILE = "batch.log"
SUMMARY_FIELDS = [f.name for f in fields(Row)
                  if f.name not in ("thumbnail", "seconds", "findings", "detail")]


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
    return _with(row, seconds=time.perf_counter() - start)


def _one_line(text: str, limit: int = 500) -> str:
    """An error as one line: an exception's message may hold newlines."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _with(row: Row, **changes: Any) -> Row:
    values = {f.name: getattr(row, f.name) for f in fields(Row)}
    values.update(changes)
    return Row(**values)


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
    return rel, None, _thumbnail(outdir / rel)


def _thumbnail(path: Path) -> str | None:
    """A small PNG of ``path`` as a data URI (so the index is one self-contained file)."""
    try:
        from PIL import Image

        with Image.open(path) as im:
            im.thumbnail((THUMB_WIDTH, THUMB_WIDTH * 2))
            buf = io.BytesIO()
            im.convert("RGB").save(buf, format="PNG", optimize=True)
    except Exception:  # no Pillow, or not a raster image: the index links the image instead
        return None
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


# --------------------------------------------------------------------------- many plans


def make_jobs(paths: Iterable[str | os.PathLike], outdir: str | os.PathLike,
              options: Options = Options()) -> list[Job]:
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
            options: Options = Options()) -> list[Path]:
    """Every file the batch writes (reports, images, summaries), for checking beforehand."""
    out = Path(outdir)
    paths = [out / name for name in (*SUMMARY_FILES, LOG_FILE)]
    for job in jobs:
        if job.missing is None:
            paths.append(out / "reports" / f"{job.name}.json")
            if options.images:
                paths.append(out / "images" / f"{job.name}.png")
    return paths


def default_jobs() -> int:
    return os.cpu_count() or 1


def run(jobs: Sequence[Job], workers: int | None = None,
        on_row: Callable[[Row, int, int], None] | None = None,
        timeout: float | None = DEFAULT_TIMEOUT_S) -> list[Row]:
    """Run every job; rows come back in the jobs' order.

    ``workers`` processes (default: every core), each plan in one of them with
    ``timeout`` seconds to finish (``None``: no limit; with one worker and no limit the
    plans run in this process). A plan that runs out of time, or whose process dies, is a
    row with that error; the others go on. ``on_row(row, done, total)`` is called as each
    plan finishes, in the order they finish.
    """
    from floorplan import pool

    total = len(jobs)
    if not jobs:
        return []
    for d in ("reports", "images"):
        Path(jobs[0].outdir, d).mkdir(parents=True, exist_ok=True)
    workers = max(1, min(workers or default_jobs(), total))
    rows: dict[int, Row] = {}

    def done(job: Job, row: Row) -> None:
        rows[job.index] = row
        if on_row is not None:
            on_row(row, len(rows), total)

    if workers == 1 and not timeout:
        for job in jobs:
            done(job, run_one(job))
    else:
        _preload(jobs[0].options)
        pool.run(jobs, run_one, workers, timeout, on_result=done,
                 on_timeout=lambda job: done(job, Row(job.source, job.name, error=(
                     f"{job.source}: stopped after {timeout:g} s (the --timeout for one plan)"))),
                 on_died=lambda job: done(job, Row(job.source, job.name, error=(
                     f"{job.source}: the process checking it stopped (out of memory, or a "
                     "crash in a geometry library)"))))
    return [rows[job.index] for job in jobs]


def _preload(options: Options) -> None:
    """Import what every worker needs before the pool forks them, so each does not
    import shapely, the rules and matplotlib again (about half a second a worker)."""
    import floorplan.engine  # noqa: F401
    import floorplan.io.geojson  # noqa: F401
    import floorplan.reporters.json_report  # noqa: F401

    if options.images:
        try:
            import matplotlib.backends.backend_agg  # noqa: F401
            import matplotlib.figure  # noqa: F401
            import matplotlib.patches  # noqa: F401

            import floorplan.render.mpl  # noqa: F401  (the PNG backend)
            import floorplan.render.scene  # noqa: F401
        except ImportError:
            pass


def exit_code(rows: Iterable[Row]) -> int:
    """The worst exit code of all plans (0 when there are none)."""
    return max((r.exit_code for r in rows), default=0)


def totals(rows: Sequence[Row]) -> dict[str, int]:
    counts = {"plans": len(rows), "pass": 0, "warn": 0, "fail": 0, "cannot_assess": 0, "error": 0}
    for r in rows:
        counts[r.result] = counts.get(r.result, 0) + 1
    return counts


def worst_first(rows: Iterable[Row]) -> list[Row]:
    """Unreadable plans, then failing, warning and passing ones; by name within each."""
    return sorted(rows, key=lambda r: (RESULT_ORDER.get(r.result, 0), r.name.lower()))


# --------------------------------------------------------------------------- summaries


def summary_dict(rows: Sequence[Row], options: Options = Options()) -> dict:
    """The JSON summary: stable order, no timestamps or timings."""
    return {
        "floorplan_version": __version__,
        "profile": options.profile or "ecc-supported-living",
        "totals": totals(rows),
        "exit_code": exit_code(rows),
        "plans": [{k: (list(v) if isinstance(v, tuple) else v)
                   for k, v in ((k, getattr(r, k)) for k in SUMMARY_FIELDS)} for r in rows],
    }


def summary_csv(rows: Sequence[Row]) -> str:
    """One line per plan (UTF-8 with a byte-order mark, cells safe from formula injection)."""
    from floorplan.io.csvsafe import csv_text

    def line(r: Row) -> dict:
        values = {k: getattr(r, k) for k in SUMMARY_FIELDS}
        values["messages"] = " | ".join(r.messages)
        return values

    return csv_text(SUMMARY_FIELDS, (line(r) for r in rows))


def findings_csv(rows: Sequence[Row]) -> str:
    """Every plan's findings, one line each, with the columns of ``--format csv``."""
    from floorplan.io.csvsafe import csv_text
    from floorplan.reporters.table import COLUMNS

    return csv_text(COLUMNS, (f for r in rows for f in r.findings))


def summary_html(rows: Sequence[Row], options: Options = Options()) -> str:
    """The HTML index: one self-contained page, worst plans first, columns sortable."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("floorplan.reporters", "templates"),
        autoescape=True, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )
    template = env.get_template("batch-index.html.j2")
    return template.render(
        rows=worst_first(rows), totals=totals(rows), exit_code=exit_code(rows),
        profile=options.profile or "ecc-supported-living", version=__version__,
        order=RESULT_ORDER, words={**STATUS_WORDS, "cannot_assess": "no verdict", "error": "unreadable"},
        review_prefix=REVIEW_PREFIX,
    )


def write_log(outdir: str | os.PathLike, rows: Sequence[Row]) -> Path | None:
    """``batch.log``: the traceback of every plan that hit an internal error (``None``
    when there was none)."""
    from floorplan.io.atomic import write_atomic

    parts = [f"{r.source}\n{r.detail.rstrip()}\n" for r in rows if r.detail]
    if not parts:
        return None
    path = Path(outdir) / LOG_FILE
    write_atomic(path, "\n".join(parts))
    return path


def write_summaries(outdir: str | os.PathLike, rows: Sequence[Row],
                    options: Options = Options()) -> dict[str, Path]:
    """Write ``summary.csv``, ``findings.csv``, ``summary.json`` and ``index.html`` into ``outdir``."""
    from floorplan.io.atomic import write_atomic

    out = Path(outdir)
    paths = {key: out / name for key, name in zip(("csv", "findings", "json", "html"),
                                                   SUMMARY_FILES, strict=True)}
    write_atomic(paths["csv"], summary_csv(rows))
    write_atomic(paths["findings"], findings_csv(rows))
    write_atomic(paths["json"], json.dumps(summary_dict(rows, options), indent=2,
                                           ensure_ascii=False) + "\n")
    write_atomic(paths["html"], summary_html(rows, options))
    return paths


__all__ = ["Job", "Missing", "Options", "Row", "expand", "make_jobs", "run", "run_one",
           "exit_code", "totals", "worst_first", "summary_dict", "summary_csv", "findings_csv",
           "summary_html",
           "write_summaries", "default_jobs", "PLAN_SUFFIXES"]
