"""CSV as every part of floorplan writes it: safe to open in a spreadsheet.

A plan's title or a room's name is the drawing author's text, and a spreadsheet runs a
cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return before
one) as a formula: ``=HYPERLINK(...)`` in a room name would become a live link in
``summary.csv``. As OWASP recommends (CSV Injection), such a text cell is prefixed with a
single quote, which spreadsheets show as text; numbers are written as numbers. Every CSV
floorplan writes goes through :func:`to_csv`.

>>> to_csv([{"name": "=1+1", "area": -3.5}], ["name", "area"])
"name,area\\n'=1+1,-3.5\\n"
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

#: a cell beginning with one of these (after any spaces) is read as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV cell that no spreadsheet evaluates: ``None`` is empty, numbers
    and booleans stay as they are, text that could start a formula gets a leading ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    text = str(value)
    if text[:1] in FORMULA_START or text.lstrip(" ")[:1] in FORMULA_START:
        return "'" + text
    return text


def to_csv(rows: Iterable[Mapping[str, Any]], fieldnames: Sequence[str]) -> str:
    """The CSV text of ``rows`` (mappings; keys not in ``fieldnames`` are left out), with a
    header row, ``\\n`` line ends and every cell made safe by :func:`safe_cell`."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(fieldnames), lineterminator="\n",
                       extrasaction="ignore")
    w.writeheader()
    for row in rows:
        w.writerow({k: safe_cell(row.get(k)) for k in fieldnames})
    return buf.getvalue()


__all__ = ["FORMULA_START", "safe_cell", "to_csv"]
