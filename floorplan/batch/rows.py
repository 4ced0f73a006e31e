"""What a batch passes around: the options, one job per plan, one summary row per plan.

Kept apart from the code that runs plans so the summary writers, the journal and the
Dask runner share them without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

#: how a message about a point to review begins in the batch summary (the words every
#: output uses: met / to review / not met)
REVIEW_PREFIX = "to review: "
#: results from worst to best, for ordering the index
RESULT_ORDER = {"error": 0, "cannot_assess": 1, "fail": 2, "warn": 3, "pass": 4}


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


#: the options of a batch given none
DEFAULTS = Options()


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
    #: the small PNG shown in the HTML index (``thumbs/NAME.png``; not written to the CSV
    #: or JSON summary)
    thumbnail: str | None = field(default=None, compare=False, repr=False)
    #: seconds spent on this plan (not written to the summaries: they stay reproducible)
    seconds: float = field(default=0.0, compare=False)
    #: the traceback of an internal error (for ``batch.log`` with ``--verbose``; not in the
    #: summaries)
    detail: str | None = field(default=None, compare=False, repr=False)
    #: the plan's findings as table rows, for ``findings.csv`` (not in the summary)
    findings: tuple[dict, ...] = field(default=(), compare=False, repr=False)


SUMMARY_FIELDS = [f.name for f in fields(Row)
                  if f.name not in ("thumbnail", "seconds", "findings", "detail")]
#: what a line of the journal (``summary.jsonl``) holds: the summary's fields and what the
#: other summaries are made from
JOURNAL_FIELDS = [*SUMMARY_FIELDS, "thumbnail", "detail", "findings"]


def with_changes(row: Row, **changes: Any) -> Row:
    values = {f.name: getattr(row, f.name) for f in fields(Row)}
    values.update(changes)
    return Row(**values)


def plan_dict(row: Row, keys: Sequence[str] = SUMMARY_FIELDS) -> dict:
    """The row as JSON values (tuples as lists), ``keys`` in order."""
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in ((k, getattr(row, k)) for k in keys)}


def row_from_dict(values: dict) -> Row:
    """The row a :func:`plan_dict` (of any keys) was made from."""
    known = {f.name for f in fields(Row)}
    kept: dict[str, Any] = {k: (tuple(v) if isinstance(v, list) else v)
                            for k, v in values.items() if k in known}
    return Row(**kept)


def exit_code(rows: Iterable[Row]) -> int:
    """The worst exit code of all plans (0 when there are none)."""
    return max((r.exit_code for r in rows), default=0)


def totals(rows: Sequence[Row]) -> dict[str, int]:
    return count_results(r.result for r in rows)


def count_results(results: Iterable[str]) -> dict[str, int]:
    counts = {"plans": 0, "pass": 0, "warn": 0, "fail": 0, "cannot_assess": 0, "error": 0}
    for result in results:
        counts["plans"] += 1
        counts[result] = counts.get(result, 0) + 1
    return counts


def sort_key(result: str, name: str) -> tuple[int, str]:
    """Unreadable plans, then failing, warning and passing ones; by name within each."""
    return RESULT_ORDER.get(result, 0), name.lower()


def worst_first(rows: Iterable[Row]) -> list[Row]:
    """Unreadable plans, then failing, warning and passing ones; by name within each."""
    return sorted(rows, key=lambda r: sort_key(r.result, r.name))
