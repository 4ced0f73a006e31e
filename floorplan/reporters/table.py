"""The findings as a table: one row per finding, the same columns in CSV and XLSX.

Read from ``report.to_dict()`` (so the numbers are the JSON report's, rounded alike). The
columns an assessor files and filters on come first; ``room_ids`` and ``plan_file`` last,
for joining the table back to the JSON report.
"""

from __future__ import annotations

from typing import Any

#: the columns, in order
COLUMNS = ("plan", "dwelling", "room", "code", "name", "status", "measured", "required",
           "unit", "reference", "message", "room_ids", "plan_file")

#: how a unit reads in a spreadsheet
UNIT_TEXT = {"m2": "m²"}


def rows(report: Any, d: dict | None = None) -> list[dict[str, Any]]:
    """One dict per finding, keyed by :data:`COLUMNS`, in the report's finding order."""
    d = d if d is not None else report.to_dict()
    plan = d["plan"]
    names = {r["id"]: r["name"] or r["id"] for r in d["rooms"]}
    title = plan["name"] or plan["source"]
    out = []
    for f in d["findings"]:
        out.append({
            "plan": title,
            "dwelling": f["dwelling"],
            "room": "; ".join(names.get(r, r) for r in f["rooms"]),
            "code": f["rule"],
            "name": f["name"],
            "status": f["status"],
            "measured": f["measured"],
            "required": f["required"],
            "unit": UNIT_TEXT.get(f["unit"], f["unit"]),
            "reference": f["reference"],
            "message": f["message"],
            "room_ids": " ".join(f["rooms"]),
            "plan_file": plan["source"],
        })
    return out


def dataframe(report: Any) -> Any:
    """The findings as a pandas DataFrame, one row per finding (the CSV's columns)."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("Report.to_dataframe() needs pandas: pip install pandas "
                          "(or 'floorplan-check[pandas]')") from None
    return pd.DataFrame(rows(report), columns=list(COLUMNS))
