"""The batch's summaries: ``summary.csv``, ``findings.csv``, ``summary.json``, ``index.html``.

Each is written row by row into a file (:func:`write_all`), so a batch of 50,000 plans
never holds its summary in memory; the ``*_text`` forms give the same documents as
strings for a list of rows. Stable order, no timestamps or timings: two runs over the
same plans give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from typing import IO

from floorplan._version import __version__
from floorplan.batch.rows import (
    DEFAULTS,
    RESULT_ORDER,
    REVIEW_PREFIX,
    SUMMARY_FIELDS,
    Options,
    Row,
    count_results,
    exit_code,
    plan_dict,
    totals,
    worst_first,
)
from floorplan.findings import STATUS_WORDS


def _head(results: dict[str, int], code: int, options: Options) -> dict:
    return {"floorplan_version": __version__, "profile": options.profile or "ecc-supported-living",
            "totals": results, "exit_code": code}


def summary_dict(rows: Sequence[Row], options: Options = DEFAULTS) -> dict:
    """The JSON summary: stable order, no timestamps or timings."""
    return {**_head(totals(rows), exit_code(rows), options),
            "plans": [plan_dict(r) for r in rows]}


def write_json(fh: IO[str], rows: Iterable[Row], results: dict[str, int], code: int,
               options: Options = DEFAULTS) -> None:
    """``summary.json`` one plan at a time: the text ``json.dumps(summary_dict(...),
    indent=2)`` gives, without the whole list in memory."""
    head = json.dumps(_head(results, code, options), indent=2, ensure_ascii=False)
    fh.write(head[:-2] + ',\n  "plans": [')
    first = True
    for r in rows:
        text = json.dumps(plan_dict(r), indent=2, ensure_ascii=False)
        fh.write(("\n" if first else ",\n") + "\n".join("    " + ln for ln in text.split("\n")))
        first = False
    fh.write("]\n}\n" if first else "\n  ]\n}\n")


def _summary_line(r: Row) -> dict:
    values = {k: getattr(r, k) for k in SUMMARY_FIELDS}
    values["messages"] = " | ".join(r.messages)
    return values


def write_csv(fh: IO[str], header: Sequence[str], lines: Iterable[dict]) -> None:
    """CSV as :func:`floorplan.io.csvsafe.csv_text` writes it (byte-order mark, cells
    safe from formula injection, ``\\r\\n``), line by line."""
    from floorplan.io.csvsafe import BOM, safe_cell

    fh.write(BOM)
    w = csv.writer(fh, lineterminator="\r\n")
    w.writerow([safe_cell(h) for h in header])
    for line in lines:
        w.writerow([safe_cell(line.get(h)) for h in header])


def write_summary_csv(fh: IO[str], rows: Iterable[Row]) -> None:
    """One line per plan."""
    write_csv(fh, SUMMARY_FIELDS, (_summary_line(r) for r in rows))


def write_findings_csv(fh: IO[str], rows: Iterable[Row]) -> None:
    """Every plan's findings, one line each, with the columns of ``--format csv``."""
    from floorplan.reporters.table import COLUMNS

    write_csv(fh, COLUMNS, (f for r in rows for f in r.findings))


def write_html(fh: IO[str], rows: Iterable[Row], results: dict[str, int], code: int,
               options: Options = DEFAULTS) -> None:
    """The HTML index, ``rows`` already worst first; thumbnails are files beside it."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("floorplan.reporters", "templates"),
        autoescape=True, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )
    template = env.get_template("batch-index.html.j2")
    for chunk in template.generate(
            rows=rows, totals=results, exit_code=code,
            profile=options.profile or "ecc-supported-living", version=__version__,
            order=RESULT_ORDER,
            words={**STATUS_WORDS, "cannot_assess": "no verdict", "error": "unreadable"},
            review_prefix=REVIEW_PREFIX):
        fh.write(chunk)


def _text(write: Callable[[IO[str]], None]) -> str:
    buf = io.StringIO()
    write(buf)
    return buf.getvalue()


def summary_csv(rows: Sequence[Row]) -> str:
    """One line per plan (UTF-8 with a byte-order mark, cells safe from formula injection)."""
    return _text(lambda fh: write_summary_csv(fh, rows))


def findings_csv(rows: Sequence[Row]) -> str:
    """Every plan's findings, one line each, with the columns of ``--format csv``."""
    return _text(lambda fh: write_findings_csv(fh, rows))


def summary_html(rows: Sequence[Row], options: Options = DEFAULTS) -> str:
    """The HTML index: worst plans first, columns sortable, thumbnails linked."""
    return _text(lambda fh: write_html(fh, worst_first(rows), totals(rows), exit_code(rows),
                                       options))


def summary_json(rows: Sequence[Row], options: Options = DEFAULTS) -> str:
    return _text(lambda fh: write_json(fh, rows, totals(rows), exit_code(rows), options))



__all__ = ["count_results", "findings_csv", "summary_csv", "summary_dict", "summary_html",
           "summary_json", "write_csv", "write_findings_csv", "write_html", "write_json",
           "write_summary_csv"]
