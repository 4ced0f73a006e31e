"""The findings as CSV (``--format csv``): one row per finding, UTF-8 with a byte-order
mark so Excel shows ``m²`` and non-English names; every cell made safe from formula
injection by :mod:`floorplan.io.csvsafe`."""

from __future__ import annotations

from typing import Any

from floorplan.io.csvsafe import csv_text
from floorplan.reporters.table import COLUMNS, rows


def render(report: Any) -> str:
    return csv_text(COLUMNS, rows(report))
