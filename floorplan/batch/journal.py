"""``summary.jsonl``: the batch's rows appended as plans finish, and the summaries made from it.

Each finished plan is one JSON line, written and flushed at once, so a batch that is
killed keeps every row it had (a half-written last line is passed over when read), and
the batch never holds its rows in memory: at the end the summaries are written from the
journal, one row at a time, in the plans' order (:meth:`Journal.finish`). What stays in
memory is one small entry per plan (where its line starts, its result).

``--resume`` (:meth:`Journal.pending`) keeps a plan's row when its report is there and
newer than the plan (and than the corrections file beside it), and the row's image too;
any other plan is checked again. The journal's first line holds the batch's options: a
resume with other options is refused, since the kept rows would not match them.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from floorplan._version import __version__
from floorplan.batch import summary
from floorplan.batch.rows import (
    DEFAULTS,
    JOURNAL_FIELDS,
    Job,
    Options,
    Row,
    count_results,
    plan_dict,
    row_from_dict,
    sort_key,
)
from floorplan.errors import FloorplanError, OutputError

JOURNAL_FILE = "summary.jsonl"
#: the summary files written at the end, from the journal
SUMMARY_FILES = ("summary.csv", "findings.csv", "summary.json", "index.html")
#: the tracebacks of internal errors, written with ``--verbose``
LOG_FILE = "batch.log"


@dataclass(frozen=True)
class _Entry:
    offset: int
    source: str
    result: str
    exit_code: int


class Journal:
    """The batch's rows on disk; use as a context manager (the file is closed after)."""

    def __init__(self, outdir: str | os.PathLike, options: Options = DEFAULTS,
                 resume: bool = False) -> None:
        self.outdir = Path(outdir)
        self.path = self.outdir / JOURNAL_FILE
        self.options = options
        self._entries: dict[str, _Entry] = {}
        header = {"floorplan_batch": 1, "floorplan_version": __version__,
                  "options": asdict(options)}
        if resume and self.path.is_file():
            self._read(header)
            self._fh = open(self.path, "ab")  # noqa: SIM115 - closed by close()
        else:
            self._fh = open(self.path, "wb")  # noqa: SIM115
            self._fh.write(_line(header))
            self._fh.flush()
        self._reader = open(self.path, "rb")  # noqa: SIM115

    def _read(self, header: dict) -> None:
        with open(self.path, "rb") as fh:
            first = fh.readline()
            try:
                old = json.loads(first)
            except ValueError:
                old = None
            if not isinstance(old, dict) or "floorplan_batch" not in old:
                raise FloorplanError(f"{self.path}: not a floorplan batch journal; run without "
                                     "--resume, or name another --output folder")
            if old.get("options") != header["options"]:
                changed = sorted(k for k, v in header["options"].items()
                                 if (old.get("options") or {}).get(k) != v)
                raise FloorplanError(
                    f"{self.path}: the batch in this folder was run with other options "
                    f"({', '.join(changed)}); --resume needs the same ones (or run without it)")
            offset = fh.tell()
            raw = first
            for raw in fh:
                try:
                    values = json.loads(raw)
                    entry = _Entry(offset, values["source"], values["result"], values["exit_code"])
                    self._entries[values["name"]] = entry
                except (ValueError, KeyError, TypeError):
                    pass  # a line half written when the batch was killed
                offset += len(raw)
        if not raw.endswith(b"\n"):  # the next line must not be glued to the half line
            with open(self.path, "ab") as fh:
                fh.write(b"\n")

    # ----------------------------------------------------------------- while running

    def pending(self, jobs: Sequence[Job]) -> list[Job]:
        """The jobs whose row the journal does not already hold, up to date."""
        return [j for j in jobs if not self._fresh(j)]

    def _fresh(self, job: Job) -> bool:
        entry = self._entries.get(job.name)
        if entry is None or entry.source != job.source or job.missing is not None:
            return False
        row = self._row(entry)
        if row.report is None:
            return False
        try:
            done = os.stat(self.outdir / row.report).st_mtime_ns
            if row.image is not None and not (self.outdir / row.image).is_file():
                return False
            if self.options.images and row.image is None and row.image_note is None:
                return False
        except OSError:
            return False
        return done > _changed(job.source, self.options.corrections)

    def add(self, row: Row) -> None:
        """Append the row and flush it to the file."""
        offset = self._fh.tell()
        self._fh.write(_line(plan_dict(row, JOURNAL_FIELDS)))
        self._fh.flush()
        self._entries[row.name] = _Entry(offset, row.source, row.result, row.exit_code)

    def _row(self, entry: _Entry) -> Row:
        self._reader.seek(entry.offset)
        return row_from_dict(json.loads(self._reader.readline()))

    # ----------------------------------------------------------------- at the end

    def rows(self, jobs: Sequence[Job]) -> Iterator[Row]:
        """Every job's row, in the jobs' order, read back one at a time."""
        for job in jobs:
            entry = self._entries.get(job.name)
            if entry is None or entry.source != job.source:
                yield Row(job.source, job.name, error=(
                    f"{job.source}: not checked (the batch stopped before it; run again "
                    "with --resume)"))
            else:
                yield self._row(entry)

    def finish(self, jobs: Sequence[Job], verbose: bool = False) -> dict[str, Path]:
        """Write ``summary.csv``, ``findings.csv``, ``summary.json``, ``index.html`` (and
        ``batch.log`` with ``verbose``, when a plan had an internal error), then the
        journal again in the plans' order, without rows of plans no longer in the batch."""
        self._fh.flush()
        results = [self._result(j) for j in jobs]
        counts = count_results(r for r, _ in results)
        code = max((c for _, c in results), default=0)
        out = self.outdir
        paths = {key: out / name for key, name in zip(("csv", "findings", "json", "html"),
                                                       SUMMARY_FILES, strict=True)}
        with open_atomic(paths["csv"]) as fh:
            summary.write_summary_csv(fh, self.rows(jobs))
        with open_atomic(paths["findings"]) as fh:
            summary.write_findings_csv(fh, self.rows(jobs))
        with open_atomic(paths["json"]) as fh:
            summary.write_json(fh, self.rows(jobs), counts, code, self.options)
        order = sorted(range(len(jobs)), key=lambda i: sort_key(results[i][0], jobs[i].name))
        with open_atomic(paths["html"]) as fh:
            summary.write_html(fh, self.rows([jobs[i] for i in order]), counts, code,
                               self.options)
        if verbose and any(r.detail for r in self.rows(jobs)):
            with open_atomic(out / LOG_FILE) as fh:
                first = True
                for r in self.rows(jobs):
                    if r.detail:
                        fh.write(("" if first else "\n") + f"{r.source}\n{r.detail.rstrip()}\n")
                        first = False
            paths["log"] = out / LOG_FILE
        with open_atomic(self.path) as fh:
            fh.write(_line({"floorplan_batch": 1, "floorplan_version": __version__,
                            "options": asdict(self.options)}).decode("utf-8"))
            for r in self.rows(jobs):
                fh.write(_line(plan_dict(r, JOURNAL_FIELDS)).decode("utf-8"))
        return paths

    def _result(self, job: Job) -> tuple[str, int]:
        entry = self._entries.get(job.name)
        if entry is None or entry.source != job.source:
            return "error", 2
        return entry.result, entry.exit_code

    def close(self) -> None:
        self._fh.close()
        self._reader.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _line(values: dict) -> bytes:
    return (json.dumps(values, ensure_ascii=False, separators=(",", ":")) + "\n").encode(
        "utf-8", errors="replace")


def _changed(source: str, corrections: bool) -> int:
    """When the plan last changed (ns): the file, the newest file of an IMDF folder, and
    the corrections file beside it that the batch applies."""
    from floorplan.sidecar import beside

    p = Path(source)
    times = [p.stat().st_mtime_ns]
    if p.is_dir():
        times += [c.stat().st_mtime_ns for c in p.iterdir() if c.is_file()]
    extra = beside(source) if corrections else None
    if extra is not None and extra.is_file():
        times.append(extra.stat().st_mtime_ns)
    return max(times)


@contextlib.contextmanager
def open_atomic(path: str | os.PathLike) -> Iterator[IO[str]]:
    """A text file written into a temporary file beside ``path`` and renamed over it when
    the block ends without an error (:func:`floorplan.io.atomic.write_atomic`, streamed)."""
    from floorplan.io import paths
    from floorplan.io.atomic import _umask

    target = Path(path)
    existing = paths.check_output(target)
    if existing is not None and paths.is_protected(existing):
        raise OutputError(f"{path}: is an input; floorplan never overwrites its input "
                          "(name another output)")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".part",
                                   dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="") as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())
        paths.check_output(target)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise


__all__ = ["JOURNAL_FILE", "LOG_FILE", "SUMMARY_FILES", "Journal", "open_atomic"]
