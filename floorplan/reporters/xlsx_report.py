"""The findings as an Excel workbook (``--format xlsx``; the optional ``xlsx`` extra).

Two sheets: *Findings* (the columns of :mod:`floorplan.reporters.table`, a header row
frozen and filtered, failures shaded) and *Rooms* (the room schedule). Written with
openpyxl, the well-kept library for the format; the workbook's dates and the zip
entries' times are fixed, so the same report gives the same bytes. Text that would be a
formula is written as text (openpyxl writes a string cell; the apostrophe rule of
:mod:`floorplan.io.csvsafe` is applied too, so the file also stays safe once re-saved
as CSV).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

from floorplan.errors import OutputError
from floorplan.io.csvsafe import safe_cell
from floorplan.reporters.table import COLUMNS, rows

#: the workbook's creation and modification date (no timestamps: reproducible output)
FIXED_DATE = datetime(2000, 1, 1)
FILLS = {"fail": "F8D3C2", "warn": "FBE8C4"}
ROOM_COLUMNS = ("id", "name", "use", "dwelling", "level", "area_m2", "gross_area_m2",
                "low_headroom_area_m2", "clear_circle_m", "ceiling_min_m", "ceiling_max_m")


def render(report: Any) -> bytes:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font, PatternFill
    except ImportError:
        raise OutputError("--format xlsx needs openpyxl: pip install 'floorplan-check[xlsx]'") from None
    d = report.to_dict()
    wb = Workbook()
    ws = wb.active
    ws.title = "Findings"
    ws.append(list(COLUMNS))
    for r in rows(report, d):
        ws.append([safe_cell(r[c]) if isinstance(r[c], str) else r[c] for c in COLUMNS])
        fill = FILLS.get(r["status"])
        if fill:
            for cell in ws[ws.max_row]:
                cell.fill = PatternFill("solid", fgColor=fill)
    _finish(ws, Font, widths={"plan": 28, "room": 26, "code": 8, "name": 26, "status": 14,
                              "reference": 40, "message": 70})
    rs = wb.create_sheet("Rooms")
    rs.append(list(ROOM_COLUMNS))
    for r in d["rooms"]:
        ch = r.get("ceiling_height_m") or {}
        rs.append([safe_cell(v) if isinstance(v, str) else v for v in (
            r["id"], r["name"], r["use"], r["dwelling"], r["level"], r["area_m2"],
            r["gross_area_m2"], r["low_headroom_area_m2"], r["clear_circle_m"],
            ch.get("min"), ch.get("max"))])
    _finish(rs, Font, widths={"name": 28, "use": 18})
    wb.properties.creator = "floorplan"
    wb.properties.created = FIXED_DATE
    wb.properties.modified = FIXED_DATE
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_times(buf.getvalue())


def _finish(ws, font, widths: dict[str, int]) -> None:
    from openpyxl.utils import get_column_letter

    header = [c.value for c in ws[1]]
    for i, name in enumerate(header, 1):
        ws.cell(row=1, column=i).font = font(bold=True)
        ws.column_dimensions[get_column_letter(i)].width = widths.get(name, 12)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions


def _fixed_times(data: bytes) -> bytes:
    """The workbook again with every zip entry dated :data:`FIXED_DATE` and the
    modification date openpyxl stamps at save time replaced by it."""
    stamp = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re

                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                              rb"\g<1>" + stamp.encode() + rb"\g<2>", body)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, body)
    return out.getvalue()
